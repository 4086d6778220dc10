//! Test harness around the built binary: temporary directories, `deadbolt
//! serve` child processes (killed on drop), fresh PostgreSQL databases
//! (dropped on drop), and API helpers (sign-up, login, 2FA with a simulated
//! authenticator that never reuses a time step).

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use deadbolt_otp::{Params, Secret, Totp};
use serde_json::{Value, json};

use crate::http::{Client, Resp, request};

/// A name nobody else uses: prefix, pid, time, counter.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .subsec_nanos();
    format!(
        "{prefix}_{}_{nanos}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

/// Random bytes from the OS.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .expect("/dev/urandom");
    buf
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh `DEADBOLT_KEYS` value (one AEAD key and a pepper).
pub fn fresh_keys() -> String {
    format!(
        "1:{};pepper:{}",
        hex(&random_bytes(32)),
        hex(&random_bytes(32))
    )
}

/// A temporary directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Self {
        let p = std::env::temp_dir().join(unique(prefix));
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn str(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `deadbolt ARGS` with a clean environment: no inherited `DEADBOLT_*`
/// variable, plus `envs`.
pub fn command(args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_deadbolt"));
    cmd.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("DEADBOLT_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("RUST_LOG", "warn");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// Run a short-lived command (admin commands, a serve that must fail) and
/// return its output; kills it and panics if it runs longer than `limit`.
pub fn run(args: &[&str], envs: &[(&str, &str)], limit: Duration) -> Output {
    run_in(None, args, envs, limit)
}

/// [`run`] in the working directory `cwd`.
pub fn run_in(cwd: Option<&Path>, args: &[&str], envs: &[(&str, &str)], limit: Duration) -> Output {
    let mut cmd = command(args, envs);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the deadbolt binary runs");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.expect("wait for deadbolt"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            let out = rx.recv().expect("killed child").expect("wait for deadbolt");
            panic!(
                "deadbolt {args:?} still running after {limit:?} (it should have exited); stdout: {} stderr: {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// Stdout of an admin command that must succeed.
pub fn run_ok(args: &[&str], envs: &[(&str, &str)]) -> String {
    let out = run(args, envs, Duration::from_secs(60));
    assert!(
        out.status.success(),
        "deadbolt {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Stderr of a command that must fail (non-zero exit, a message on stderr).
pub fn run_fails(args: &[&str], envs: &[(&str, &str)]) -> String {
    let out = run(args, envs, Duration::from_secs(60));
    assert!(
        !out.status.success(),
        "deadbolt {args:?} should fail, printed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    assert!(
        err.contains("error"),
        "deadbolt {args:?}: no error message on stderr: {err:?}"
    );
    err
}

/// A running `deadbolt serve`, killed (SIGKILL) and reaped on drop.
pub struct Node {
    child: Option<Child>,
    pub addr: SocketAddr,
    /// The metrics listener, when started with `--metrics-listen`.
    pub metrics: Option<SocketAddr>,
    pub log: PathBuf,
    args: Vec<String>,
    envs: Vec<(String, String)>,
}

impl Node {
    /// Start `deadbolt serve ARGS --listen 127.0.0.1:0` and wait until
    /// /healthz answers 200. Panics (with the server's stderr) otherwise.
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Node {
        Self::try_start(args, envs).unwrap_or_else(|e| panic!("deadbolt serve {args:?}: {e}"))
    }

    /// Like [`Node::start`]; `Err(stderr)` if the server exits or never comes up.
    pub fn try_start(args: &[&str], envs: &[(&str, &str)]) -> Result<Node, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let envs: Vec<(String, String)> = envs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self::spawn(args, envs)
    }

    fn spawn(args: Vec<String>, envs: Vec<(String, String)>) -> Result<Node, String> {
        let log = std::env::temp_dir().join(format!("{}.log", unique("deadbolt_node")));
        let stderr = std::fs::File::create(&log).expect("log file");
        let mut full: Vec<&str> = vec!["serve"];
        full.extend(args.iter().map(String::as_str));
        if !args.iter().any(|a| a == "--listen") {
            full.extend(["--listen", "127.0.0.1:0"]);
        }
        let env_refs: Vec<(&str, &str)> =
            envs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut child = command(&full, &env_refs)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(stderr))
            .spawn()
            .expect("the deadbolt binary runs");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let mut node = Node {
            child: Some(child),
            addr: "127.0.0.1:1".parse().expect("addr"),
            metrics: None,
            log,
            args,
            envs,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let line = rx.recv_timeout(Duration::from_millis(50)).ok();
            if let Some(rest) = line
                .as_deref()
                .and_then(|l| l.split("metrics on http://").nth(1))
            {
                let at = rest.trim_end_matches("/metrics").trim();
                node.metrics = Some(at.parse().map_err(|e| format!("metrics {rest:?}: {e}"))?);
            }
            if let Some(line) = line
                && let Some(rest) = line.split("listening on http://").nth(1)
            {
                let addr = rest.split_whitespace().next().unwrap_or("");
                node.addr = addr
                    .parse()
                    .map_err(|e| format!("cannot parse {line:?}: {e}"))?;
                break;
            }
            if let Some(status) = node
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                return Err(format!("exited ({status}): {}", node.stderr()));
            }
            if Instant::now() > deadline {
                return Err(format!("no 'listening on' line in 60 s: {}", node.stderr()));
            }
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if node.health() == Some(200) {
                return Ok(node);
            }
            if Instant::now() > deadline {
                return Err(format!("/healthz never answered 200: {}", node.stderr()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Start another node with the same arguments (a new port).
    pub fn restarted(&self) -> Node {
        Self::spawn(self.args.clone(), self.envs.clone()).unwrap_or_else(|e| panic!("restart: {e}"))
    }

    /// The server's stderr so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Status of GET /healthz, `None` if it did not answer.
    pub fn health(&self) -> Option<u16> {
        request(self.addr, "GET", "/healthz", &[], None)
            .ok()
            .map(|r| r.status)
    }

    /// SIGKILL the process and reap it.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("--- stderr of node {} ---\n{}", self.addr, self.stderr());
        }
        let _ = std::fs::remove_file(&self.log);
    }
}

/// `psql -h 127.0.0.1 -U postgres -d DB -tA -c SQL`; panics on failure.
pub fn psql(db: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            "5432",
            "-U",
            "postgres",
            "-d",
            db,
            "-v",
            "ON_ERROR_STOP=1",
            "-tA",
            "-c",
            sql,
        ])
        .env("PGCONNECT_TIMEOUT", "5")
        .output()
        .expect("psql runs (install postgresql-client)");
    assert!(
        out.status.success(),
        "PostgreSQL on 127.0.0.1:5432 is required (psql {sql:?} failed): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A fresh PostgreSQL database (the shared harness of `deadbolt-testkit`),
/// dropped with its connections on drop; raw SQL goes through `psql`.
pub struct PgDb {
    pub name: String,
    pub url: String,
    db: deadbolt_testkit::PgDatabase,
}

impl PgDb {
    pub fn create() -> PgDb {
        let db = deadbolt_testkit::PgDatabase::create("cli");
        PgDb {
            name: db.name().to_owned(),
            url: db.url().expose().to_owned(),
            db,
        }
    }

    /// Run SQL in this database.
    pub fn sql(&self, sql: &str) -> String {
        psql(&self.name, sql)
    }

    /// Drop it now (connections are terminated).
    pub fn drop_now(&self) {
        self.db.drop_now();
    }
}

/// An authenticator app: produces codes for strictly increasing time steps
/// within the ±1 step the server accepts, so no code is ever a replay.
pub struct Authenticator {
    pub secret_base32: String,
    totp: Totp,
    last: Option<u64>,
}

impl Authenticator {
    pub fn new(secret_base32: &str) -> Self {
        let secret = Secret::from_base32(secret_base32).expect("base32 secret");
        Authenticator {
            secret_base32: secret_base32.to_string(),
            totp: Totp::new(&secret, Params::default()),
            last: None,
        }
    }

    pub fn code_at_step(&self, step: u64) -> String {
        self.totp.code_at(step * 30).as_str().to_string()
    }

    /// A code of a step never handed out before, that the server accepts now.
    /// Waits (at most one period) only when all three acceptable steps are used.
    pub fn next_code(&mut self) -> String {
        self.next().1
    }

    /// Like [`Authenticator::next_code`], with the step.
    pub fn next(&mut self) -> (u64, String) {
        loop {
            let now = unix_now();
            let cur = now / 30;
            // Near the end of a step, the previous step may fall out of the
            // window before the server sees it: skip it then.
            let lowest = if now % 30 >= 27 { cur } else { cur - 1 };
            let step = match self.last {
                Some(l) => (l + 1).max(lowest),
                None => lowest,
            };
            if step <= cur + 1 {
                self.last = Some(step);
                return (step, self.code_at_step(step));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The latest time step handed out, if any.
    pub fn last_step(&self) -> Option<u64> {
        self.last
    }

    /// A 6-digit code that is wrong for every step around now.
    pub fn wrong_code(&self) -> String {
        let cur = unix_now() / 30;
        let near: Vec<String> = (cur - 2..=cur + 2).map(|s| self.code_at_step(s)).collect();
        (0..)
            .map(|i: u32| format!("{:06}", (123_457 + i * 7919) % 1_000_000))
            .find(|c| !near.contains(c))
            .expect("a wrong code")
    }
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Sign up `username` (201).
pub fn signup(addr: SocketAddr, username: &str) {
    let r = Client::new(addr).post(
        "/api/v1/signup",
        json!({"username": username, "password": PASSWORD}),
    );
    assert_eq!(r.status, 201, "signup {username}: {}", r.text());
}

/// Log in with the password; returns the client (cookie set) and the response.
pub fn login(addr: SocketAddr, username: &str) -> (Client, Resp) {
    let mut c = Client::new(addr);
    let r = c.post(
        "/api/v1/login",
        json!({"username": username, "password": PASSWORD}),
    );
    (c, r)
}

/// Log in; the answer must be `status` (`authenticated` or `second_factor_required`).
pub fn login_expect(addr: SocketAddr, username: &str, status: &str) -> Client {
    let (c, r) = login(addr, username);
    assert_eq!(r.status, 200, "login {username}: {}", r.text());
    assert_eq!(r.json()["status"], status, "login {username}");
    c
}

/// Set up and confirm 2FA for the signed-in client; returns the authenticator
/// and the setup response.
pub fn enable_two_factor(c: &mut Client) -> (Authenticator, Value) {
    let r = c.post("/api/v1/me/two-factor/setup", json!({"password": PASSWORD}));
    assert_eq!(r.status, 200, "setup: {}", r.text());
    let setup = r.json();
    let mut app = Authenticator::new(setup["secret"].as_str().expect("secret"));
    let r = c.post(
        "/api/v1/me/two-factor/confirm",
        json!({"code": app.next_code()}),
    );
    assert_eq!(r.status, 200, "confirm: {}", r.text());
    assert_eq!(r.json()["enabled"], true);
    (app, setup)
}

/// Generate the 10 backup codes of the signed-in client.
pub fn backup_codes(c: &mut Client) -> Vec<String> {
    let r = c.post("/api/v1/me/backup-codes", json!({"password": PASSWORD}));
    assert_eq!(r.status, 200, "backup codes: {}", r.text());
    let codes: Vec<String> = r.json()["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|v| v.as_str().expect("code").to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    codes
}

/// A user with 2FA on and 10 backup codes: (authenticator, backup codes, signed-in client).
pub fn user_with_two_factor(
    addr: SocketAddr,
    username: &str,
) -> (Authenticator, Vec<String>, Client) {
    signup(addr, username);
    let mut c = login_expect(addr, username, "authenticated");
    let (app, _) = enable_two_factor(&mut c);
    let codes = backup_codes(&mut c);
    (app, codes, c)
}

/// `second-factor` with `body`, on the client's node.
pub fn second_factor(c: &mut Client, body: Value) -> Resp {
    c.post("/api/v1/login/second-factor", body)
}

/// Kinds of the user's recent events (newest first).
pub fn event_kinds(c: &mut Client) -> Vec<String> {
    let r = c.get("/api/v1/me/events");
    assert_eq!(r.status, 200, "events: {}", r.text());
    r.json()["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Poll `f` every 50 ms until it is true or `limit` passes.
pub fn eventually(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if f() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// A database image (raw files or a dump) must hold no usable secret: not the
/// TOTP secret (base32 either case, raw bytes, hex), no backup code in any
/// spelling, no session token.
pub fn assert_holds_no_secret(
    raw: &[u8],
    secret_base32: &str,
    codes: &[String],
    cookies: &[String],
    what: &str,
) {
    let secret = deadbolt_otp::Secret::from_base32(secret_base32).expect("secret");
    for (form, needle) in [
        ("base32", secret_base32.as_bytes().to_vec()),
        ("base32", secret_base32.to_lowercase().into_bytes()),
        ("raw bytes", secret.expose().to_vec()),
        ("hex", hex(secret.expose()).into_bytes()),
    ] {
        assert!(!contains(raw, &needle), "TOTP secret ({form}) in {what}");
    }
    for code in codes {
        for form in [code.clone(), code.replace('-', ""), code.to_uppercase()] {
            assert!(
                !contains(raw, form.as_bytes()),
                "backup code {form} in {what}"
            );
        }
    }
    for c in cookies {
        assert!(!contains(raw, c.as_bytes()), "session token in {what}");
    }
}
