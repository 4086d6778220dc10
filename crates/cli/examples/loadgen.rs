//! Load generator for `scripts/bench-login.sh` and `scripts/bench-nodes.sh`.
//!
//! A hand-written HTTP/1.1 keep-alive client over tokio `TcpStream` (one
//! connection per worker, no pipelining), so the generator costs little CPU
//! next to the server on a 2-core machine. Every mode is bounded (by a count
//! or a duration) and prints one JSON line on stdout.
//!
//! Over 600 lines on purpose: one generator for every mode of the login and
//! node benchmarks, sharing its HTTP client and its user files.
//!
//! ```text
//! loadgen setup     --addr A --users N --prefix P --out FILE [--concurrency C] [--email-domain D]
//!     sign up N users, set up 2FA (TOTP confirmed) and 10 backup codes each;
//!     one JSON line per user {username,password,secret,codes} in FILE; with
//!     D, also ask for the address USERNAME@D (the caller follows the links)
//! loadgen logins    --addr A[,B] --users-file FILE --concurrency C --duration S [--per-user K] [--gap-ms G]
//!     full logins: POST /login (password) then POST /login/second-factor
//!     (a backup code); K logins per user at most (default 7: the password
//!     budget has a burst of 10 and the setup spent 3); each worker pauses
//!     G ms after each login (the sequential case: C = 1, G = 1000)
//! loadgen pending   --addr A --users-file FILE --count N --out FILE [--concurrency C] [--per-user K] [--first-code F]
//!     the password step only: N pending logins {cookie,backup_code} in FILE,
//!     using each user's backup codes from number F on (default 0)
//! loadgen second-factor --addr A[,B] --pending-file FILE --concurrency C
//!     pass every pending login's second factor as fast as possible
//! loadgen sessions  --addr A --users-file FILE --count N --out FILE
//!     N full logins; their session cookies in FILE, one a line
//! loadgen probe     --addr A --pending-file FILE --duration S --rate R
//!     R/s GET /healthz and R/s POST /login/second-factor (each on its own
//!     keep-alive connection), latency percentiles
//! loadgen startup   --addr A [--log FILE] [--keep] -- COMMAND ARGS...
//!     spawn COMMAND, poll GET /healthz every 0.5 ms, time start -> first 200;
//!     then SIGTERM it (or leave it running with --keep and print its pid)
//! ```
//!
//! Requests carry `X-Forwarded-For` with a fresh address each (10.0.0.0/8),
//! so the server must run with `--trusted-proxy 127.0.0.1` for the per-IP
//! password budget not to throttle the generator itself.
//!
//! Over 600 lines on purpose: an example is one file that the benchmark
//! scripts build alone, and its modes share the one HTTP client below.

use std::collections::HashMap;
use std::io::{Read as _, Write as _};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use deadbolt_otp::{Params, Secret, Totp};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

// ------------------------------------------------------------------ options

struct Opts {
    mode: String,
    kv: HashMap<String, String>,
    flags: Vec<String>,
    rest: Vec<String>,
}

impl Opts {
    fn parse() -> anyhow::Result<Opts> {
        let mut args = std::env::args().skip(1);
        let mode = args
            .next()
            .context("usage: loadgen MODE [--key value]... (see the source)")?;
        let mut kv = HashMap::new();
        let mut flags = Vec::new();
        let mut rest = Vec::new();
        let args: Vec<String> = args.collect();
        let mut i = 0;
        while i < args.len() {
            let a = &args[i];
            if a == "--" {
                rest = args[i + 1..].to_vec();
                break;
            }
            let Some(key) = a.strip_prefix("--") else {
                bail!("unexpected argument {a:?}")
            };
            if key == "keep" {
                flags.push(key.to_owned());
                i += 1;
                continue;
            }
            let v = args
                .get(i + 1)
                .with_context(|| format!("--{key} needs a value"))?;
            kv.insert(key.to_owned(), v.clone());
            i += 2;
        }
        Ok(Opts {
            mode,
            kv,
            flags,
            rest,
        })
    }
    fn get(&self, k: &str) -> anyhow::Result<&str> {
        self.kv
            .get(k)
            .map(String::as_str)
            .with_context(|| format!("--{k} is required"))
    }
    fn num<T: std::str::FromStr>(&self, k: &str, default: T) -> anyhow::Result<T>
    where
        T::Err: std::fmt::Display,
    {
        match self.kv.get(k) {
            Some(v) => v.parse().map_err(|e| anyhow::anyhow!("--{k}: {e}")),
            None => Ok(default),
        }
    }
    fn addrs(&self) -> anyhow::Result<Vec<SocketAddr>> {
        self.get("addr")?
            .split(',')
            .map(|s| {
                s.trim()
                    .parse()
                    .with_context(|| format!("bad address {s:?}"))
            })
            .collect()
    }
}

// ------------------------------------------------------------------ HTTP client

/// A fresh client address per request (the server trusts X-Forwarded-For from 127.0.0.1).
struct Xff(AtomicU32);

impl Xff {
    fn new() -> Xff {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| {
                d.subsec_nanos() ^ (d.as_secs() as u32).wrapping_mul(2_654_435_761)
            });
        Xff(AtomicU32::new(seed))
    }
    fn next(&self) -> String {
        let n = self.0.fetch_add(1, Ordering::Relaxed) & 0x00ff_ffff;
        format!("10.{}.{}.{}", n >> 16, (n >> 8) & 0xff, n & 0xff)
    }
}

struct Resp {
    status: u16,
    cookie: Option<String>,
    body: Vec<u8>,
}

impl Resp {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One keep-alive HTTP/1.1 connection (reconnects when the server closes it).
struct Conn {
    addr: SocketAddr,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
    xff: Arc<Xff>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Conn {
    fn new(addr: SocketAddr, xff: Arc<Xff>) -> Conn {
        Conn {
            addr,
            stream: None,
            buf: Vec::with_capacity(4096),
            xff,
        }
    }

    /// A JSON POST with the session cookie that must answer 200.
    async fn post_ok(&mut self, path: &str, cookie: &str, body: &Value) -> anyhow::Result<Resp> {
        let r = self.request("POST", path, Some(cookie), Some(body)).await?;
        if r.status != 200 {
            bail!("{path}: {} {}", r.status, r.text());
        }
        Ok(r)
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&Value>,
    ) -> anyhow::Result<Resp> {
        let body = body.map(|b| b.to_string());
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: deadbolt-loadgen\r\nX-Forwarded-For: {}\r\n",
            self.addr,
            self.xff.next()
        );
        if let Some(c) = cookie {
            req.push_str("Cookie: deadbolt_session=");
            req.push_str(c);
            req.push_str("\r\n");
        }
        match &body {
            Some(b) => {
                req.push_str(&format!(
                    "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                    b.len()
                ));
                req.push_str(b);
            }
            None => req.push_str("\r\n"),
        }
        // A kept-alive connection may have been closed by the server: retry once on a new one.
        for attempt in 0..2 {
            let reused = self.stream.is_some();
            match self.try_request(req.as_bytes()).await {
                Ok(r) => return Ok(r),
                Err(e) => {
                    self.stream = None;
                    self.buf.clear();
                    if !(reused && attempt == 0) {
                        return Err(e);
                    }
                }
            }
        }
        unreachable!()
    }

    async fn try_request(&mut self, req: &[u8]) -> anyhow::Result<Resp> {
        if self.stream.is_none() {
            let s = TcpStream::connect(self.addr)
                .await
                .with_context(|| format!("connect {}", self.addr))?;
            s.set_nodelay(true)?;
            self.stream = Some(s);
            self.buf.clear();
        }
        let stream = self.stream.as_mut().expect("connected");
        stream.write_all(req).await?;
        // Headers.
        let head_end = loop {
            if let Some(p) = find(&self.buf, b"\r\n\r\n") {
                break p + 4;
            }
            let mut chunk = [0u8; 4096];
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                bail!("connection closed before the response");
            }
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .context("bad status line")?;
        let mut len: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        let mut cookie = None;
        for l in lines {
            let Some((k, v)) = l.split_once(':') else {
                continue;
            };
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "content-length" => len = v.parse().ok(),
                "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
                "connection" => close = v.eq_ignore_ascii_case("close"),
                "set-cookie" => {
                    let first = v.split(';').next().unwrap_or("");
                    if let Some((name, value)) = first.split_once('=')
                        && name.trim().ends_with("deadbolt_session")
                        && !value.is_empty()
                    {
                        cookie = Some(value.to_owned());
                    }
                }
                _ => {}
            }
        }
        self.buf.drain(..head_end);
        let body = if chunked {
            let mut out = Vec::new();
            loop {
                let line_end = loop {
                    if let Some(p) = find(&self.buf, b"\r\n") {
                        break p;
                    }
                    self.fill(1).await?;
                };
                let size = usize::from_str_radix(
                    String::from_utf8_lossy(&self.buf[..line_end])
                        .split(';')
                        .next()
                        .unwrap_or("")
                        .trim(),
                    16,
                )
                .context("bad chunk size")?;
                self.buf.drain(..line_end + 2);
                while self.buf.len() < size + 2 {
                    self.fill(size + 2 - self.buf.len()).await?;
                }
                out.extend_from_slice(&self.buf[..size]);
                self.buf.drain(..size + 2);
                if size == 0 {
                    break out;
                }
            }
        } else {
            let len = len.unwrap_or(0);
            while self.buf.len() < len {
                self.fill(len - self.buf.len()).await?;
            }
            self.buf.drain(..len).collect()
        };
        if close {
            self.stream = None;
        }
        Ok(Resp {
            status,
            cookie,
            body,
        })
    }

    async fn fill(&mut self, _at_least: usize) -> anyhow::Result<()> {
        let stream = self.stream.as_mut().expect("connected");
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            bail!("connection closed inside a response");
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

// ------------------------------------------------------------------ stats

#[derive(Default)]
struct Lat(Vec<u64>);

impl Lat {
    fn push(&mut self, d: Duration) {
        self.0.push(d.as_micros() as u64);
    }
    fn summary(&mut self) -> Value {
        self.0.sort_unstable();
        let n = self.0.len();
        let pct = |p: f64| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let i = ((p / 100.0) * n as f64).ceil() as usize;
            self.0[i.clamp(1, n) - 1] as f64 / 1000.0
        };
        json!({"n": n, "p50_ms": pct(50.0), "p90_ms": pct(90.0), "p99_ms": pct(99.0),
               "max_ms": pct(100.0)})
    }
}

// ------------------------------------------------------------------ users

#[derive(Clone)]
struct User {
    username: String,
    password: String,
    codes: Vec<String>,
}

fn read_users(path: &str) -> anyhow::Result<Vec<User>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read {path}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l)?;
            Ok(User {
                username: v["username"].as_str().context("username")?.to_owned(),
                password: v["password"].as_str().context("password")?.to_owned(),
                codes: v["codes"]
                    .as_array()
                    .context("codes")?
                    .iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect(),
            })
        })
        .collect()
}

/// Jobs: (user, code index), round-robin over users so one user's logins are spread out.
fn jobs(users: &[User], per_user: usize) -> Vec<(usize, usize)> {
    jobs_from(users, 0, per_user)
}

/// [`jobs`] with code indexes `first..first + per_user`.
fn jobs_from(users: &[User], first: usize, per_user: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in first..first + per_user {
        for (u, user) in users.iter().enumerate() {
            if k < user.codes.len() {
                out.push((u, k));
            }
        }
    }
    out
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

// ------------------------------------------------------------------ modes

async fn setup_user(
    c: &mut Conn,
    username: &str,
    password: &str,
    email_domain: Option<&str>,
) -> anyhow::Result<Value> {
    let r = c
        .request(
            "POST",
            "/api/v1/signup",
            None,
            Some(&json!({"username": username, "password": password})),
        )
        .await?;
    if r.status != 201 {
        bail!("signup {username}: {} {}", r.status, r.text());
    }
    let r = c
        .request(
            "POST",
            "/api/v1/login",
            None,
            Some(&json!({"username": username, "password": password})),
        )
        .await?;
    let cookie = r
        .cookie
        .clone()
        .with_context(|| format!("login {username}: {} {} (no cookie)", r.status, r.text()))?;
    if r.status != 200 {
        bail!("login {username}: {} {}", r.status, r.text());
    }
    let r = c
        .post_ok(
            "/api/v1/me/two-factor/setup",
            &cookie,
            &json!({"password": password}),
        )
        .await
        .with_context(|| format!("setup {username}"))?;
    let secret_b32 = r.json()["secret"]
        .as_str()
        .context("setup: no secret")?
        .to_owned();
    let secret = Secret::from_base32(&secret_b32).map_err(|e| anyhow::anyhow!("secret: {e}"))?;
    let code = Totp::new(&secret, Params::default()).code_at(now_unix());
    c.post_ok(
        "/api/v1/me/two-factor/confirm",
        &cookie,
        &json!({"code": code.as_str()}),
    )
    .await
    .with_context(|| format!("confirm {username}"))?;
    let r = c
        .post_ok(
            "/api/v1/me/backup-codes",
            &cookie,
            &json!({"password": password}),
        )
        .await
        .with_context(|| format!("backup-codes {username}"))?;
    let codes = r.json()["codes"].clone();
    if let Some(domain) = email_domain {
        let r = c
            .request(
                "POST",
                "/api/v1/me/email",
                Some(&cookie),
                Some(&json!({"email": format!("{username}@{domain}"), "password": password})),
            )
            .await?;
        if r.status != 202 {
            bail!("email {username}: {} {}", r.status, r.text());
        }
    }
    Ok(json!({"username": username, "password": password, "secret": secret_b32, "codes": codes}))
}

async fn mode_setup(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let n: usize = o.num("users", 10)?;
    let conc: usize = o.num("concurrency", 4)?;
    let prefix = o.get("prefix")?.to_owned();
    let out = o.get("out")?.to_owned();
    let email_domain = o.kv.get("email-domain").cloned();
    let xff = Arc::new(Xff::new());
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..conc {
        let (next, xff, prefix) = (next.clone(), xff.clone(), prefix.clone());
        let email_domain = email_domain.clone();
        let addr = addrs[w % addrs.len()];
        tasks.push(tokio::spawn(async move {
            let mut c = Conn::new(addr, xff);
            let mut lines = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let username = format!("{prefix}{i}");
                let password = format!("bench pass {prefix} {i} glacier");
                lines
                    .push(setup_user(&mut c, &username, &password, email_domain.as_deref()).await?);
            }
            anyhow::Ok(lines)
        }));
    }
    let mut file = String::new();
    for t in tasks {
        for l in t.await?? {
            file.push_str(&l.to_string());
            file.push('\n');
        }
    }
    std::fs::write(&out, file)?;
    Ok(json!({"mode": "setup", "users": n, "seconds": start.elapsed().as_secs_f64()}))
}

async fn full_login(
    c: &mut Conn,
    u: &User,
    code: &str,
    lat_pw: &mut Lat,
    lat_2f: &mut Lat,
) -> anyhow::Result<String> {
    let t0 = Instant::now();
    let r = c
        .request(
            "POST",
            "/api/v1/login",
            None,
            Some(&json!({"username": u.username, "password": u.password})),
        )
        .await?;
    if r.status != 200 || r.json()["status"] != "second_factor_required" {
        bail!("login {}: {} {}", u.username, r.status, r.text());
    }
    let cookie = r.cookie.context("login: no cookie")?;
    let t1 = Instant::now();
    lat_pw.push(t1 - t0);
    let r = c
        .request(
            "POST",
            "/api/v1/login/second-factor",
            Some(&cookie),
            Some(&json!({"backup_code": code})),
        )
        .await?;
    if r.status != 200 || r.json()["status"] != "authenticated" {
        bail!("second factor {}: {} {}", u.username, r.status, r.text());
    }
    lat_2f.push(t1.elapsed());
    r.cookie.context("second factor: no cookie")
}

async fn mode_logins(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let users = Arc::new(read_users(o.get("users-file")?)?);
    let conc: usize = o.num("concurrency", 6)?;
    let duration = Duration::from_secs_f64(o.num("duration", 10.0)?);
    let per_user: usize = o.num("per-user", 7)?;
    // A pause after each login (one person after another: the sequential case).
    let gap = Duration::from_millis(o.num("gap-ms", 0)?);
    let jobs = Arc::new(jobs(&users, per_user));
    let next = Arc::new(AtomicUsize::new(0));
    let xff = Arc::new(Xff::new());
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for w in 0..conc {
        let (users, jobs, next, xff) = (users.clone(), jobs.clone(), next.clone(), xff.clone());
        let addr = addrs[w % addrs.len()];
        tasks.push(tokio::spawn(async move {
            let mut c = Conn::new(addr, xff);
            let (mut pw, mut f2, mut full) = (Lat::default(), Lat::default(), Lat::default());
            let mut errors = Vec::new();
            while Instant::now() < deadline {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(u, k)) = jobs.get(i) else { break };
                let t = Instant::now();
                match full_login(&mut c, &users[u], &users[u].codes[k], &mut pw, &mut f2).await {
                    Ok(_) => full.push(t.elapsed()),
                    Err(e) => errors.push(e.to_string()),
                }
                if !gap.is_zero() {
                    tokio::time::sleep(gap).await;
                }
            }
            (pw, f2, full, errors, Instant::now())
        }));
    }
    let (mut pw, mut f2, mut full, mut errors) =
        (Lat::default(), Lat::default(), Lat::default(), Vec::new());
    let mut end = start;
    for t in tasks {
        let (a, b, c, e, fin) = t.await?;
        pw.0.extend(a.0);
        f2.0.extend(b.0);
        full.0.extend(c.0);
        errors.extend(e);
        end = end.max(fin);
    }
    let secs = (end - start).as_secs_f64();
    let done = full.0.len();
    Ok(
        json!({"mode": "logins", "concurrency": conc, "nodes": addrs.len(), "logins": done,
              "seconds": secs, "logins_per_s": done as f64 / secs,
              "jobs_available": jobs.len(), "ran_out_of_jobs": next.load(Ordering::Relaxed) >= jobs.len(),
              "password_step": pw.summary(), "second_factor_step": f2.summary(), "full_login": full.summary(),
              "errors": errors.len(), "first_errors": errors.iter().take(3).collect::<Vec<_>>()}),
    )
}

async fn mode_pending(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let users = Arc::new(read_users(o.get("users-file")?)?);
    let count: usize = o.num("count", 100)?;
    let conc: usize = o.num("concurrency", 4)?;
    let per_user: usize = o.num("per-user", 7)?;
    let out = o.get("out")?.to_owned();
    let first: usize = o.num("first-code", 0)?;
    let mut all = jobs_from(&users, first, per_user);
    if all.len() < count {
        bail!(
            "only {} logins available from {} users, {count} asked",
            all.len(),
            users.len()
        );
    }
    all.truncate(count);
    let jobs = Arc::new(all);
    let next = Arc::new(AtomicUsize::new(0));
    let xff = Arc::new(Xff::new());
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..conc {
        let (users, jobs, next, xff) = (users.clone(), jobs.clone(), next.clone(), xff.clone());
        let addr = addrs[w % addrs.len()];
        tasks.push(tokio::spawn(async move {
            let mut c = Conn::new(addr, xff);
            let mut lines = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(u, k)) = jobs.get(i) else { break };
                let user = &users[u];
                let r = c
                    .request(
                        "POST",
                        "/api/v1/login",
                        None,
                        Some(&json!({"username": user.username, "password": user.password})),
                    )
                    .await?;
                if r.status != 200 || r.json()["status"] != "second_factor_required" {
                    bail!("login {}: {} {}", user.username, r.status, r.text());
                }
                lines.push(
                    json!({"cookie": r.cookie.context("no cookie")?, "backup_code": user.codes[k]}),
                );
            }
            anyhow::Ok(lines)
        }));
    }
    let mut file = String::new();
    for t in tasks {
        for l in t.await?? {
            file.push_str(&l.to_string());
            file.push('\n');
        }
    }
    std::fs::write(&out, file)?;
    let secs = start.elapsed().as_secs_f64();
    Ok(
        json!({"mode": "pending", "count": count, "seconds": secs, "password_steps_per_s": count as f64 / secs}),
    )
}

fn read_pending(path: &str) -> anyhow::Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read {path}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l)?;
            Ok((
                v["cookie"].as_str().context("cookie")?.to_owned(),
                v["backup_code"].as_str().context("code")?.to_owned(),
            ))
        })
        .collect()
}

async fn mode_second_factor(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let pending = Arc::new(read_pending(o.get("pending-file")?)?);
    let conc: usize = o.num("concurrency", 8)?;
    let next = Arc::new(AtomicUsize::new(0));
    let xff = Arc::new(Xff::new());
    // Connect first, so the timed part is only the second-factor requests.
    let mut conns = Vec::new();
    for w in 0..conc {
        let mut c = Conn::new(addrs[w % addrs.len()], xff.clone());
        let r = c.request("GET", "/healthz", None, None).await?;
        if r.status != 200 {
            bail!("healthz {}", r.status);
        }
        conns.push(c);
    }
    let start = Instant::now();
    let mut tasks = Vec::new();
    for mut c in conns {
        let (pending, next) = (pending.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Lat::default();
            let mut errors = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((cookie, code)) = pending.get(i) else {
                    break;
                };
                let t = Instant::now();
                match c
                    .request(
                        "POST",
                        "/api/v1/login/second-factor",
                        Some(cookie),
                        Some(&json!({"backup_code": code})),
                    )
                    .await
                {
                    Ok(r) if r.status == 200 => lat.push(t.elapsed()),
                    Ok(r) => errors.push(format!("{} {}", r.status, r.text())),
                    Err(e) => errors.push(e.to_string()),
                }
            }
            (lat, errors, Instant::now())
        }));
    }
    let (mut lat, mut errors, mut end) = (Lat::default(), Vec::new(), start);
    for t in tasks {
        let (l, e, fin) = t.await?;
        lat.0.extend(l.0);
        errors.extend(e);
        end = end.max(fin);
    }
    let secs = (end - start).as_secs_f64();
    let ok = lat.0.len();
    Ok(
        json!({"mode": "second-factor", "concurrency": conc, "nodes": addrs.len(), "ok": ok, "seconds": secs,
              "per_s": ok as f64 / secs, "latency": lat.summary(), "errors": errors.len(),
              "first_errors": errors.iter().take(3).collect::<Vec<_>>()}),
    )
}

async fn mode_sessions(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let users = read_users(o.get("users-file")?)?;
    let count: usize = o.num("count", 16)?;
    let out = o.get("out")?.to_owned();
    let all = jobs(&users, 7);
    if all.len() < count {
        bail!("not enough users for {count} sessions");
    }
    let mut c = Conn::new(addrs[0], Arc::new(Xff::new()));
    let (mut a, mut b) = (Lat::default(), Lat::default());
    let mut file = String::new();
    for &(u, k) in all.iter().take(count) {
        let cookie = full_login(&mut c, &users[u], &users[u].codes[k], &mut a, &mut b).await?;
        let r = c.request("GET", "/api/v1/me", Some(&cookie), None).await?;
        if r.status != 200 {
            bail!("me: {} {}", r.status, r.text());
        }
        file.push_str(&cookie);
        file.push('\n');
    }
    std::fs::write(&out, file)?;
    Ok(json!({"mode": "sessions", "count": count}))
}

async fn mode_probe(o: &Opts) -> anyhow::Result<Value> {
    let addrs = o.addrs()?;
    let pending = read_pending(o.get("pending-file")?)?;
    let duration = Duration::from_secs_f64(o.num("duration", 20.0)?);
    let rate: f64 = o.num("rate", 5.0)?;
    let xff = Arc::new(Xff::new());
    let interval = Duration::from_secs_f64(1.0 / rate);
    let start = Instant::now();
    let deadline = start + duration;

    let hz = {
        let xff = xff.clone();
        let addr = addrs[0];
        tokio::spawn(async move {
            let mut c = Conn::new(addr, xff);
            let mut lat = Lat::default();
            let mut bad = 0usize;
            let mut tick = tokio::time::interval(interval);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while Instant::now() < deadline {
                tick.tick().await;
                let t = Instant::now();
                match c.request("GET", "/healthz", None, None).await {
                    Ok(r) if r.status == 200 => lat.push(t.elapsed()),
                    _ => bad += 1,
                }
            }
            (lat, bad)
        })
    };
    let sf = {
        let addr = addrs[addrs.len() - 1];
        tokio::spawn(async move {
            let mut c = Conn::new(addr, xff);
            let mut lat = Lat::default();
            let mut errors = Vec::new();
            let mut tick = tokio::time::interval(interval);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            // Offset by half an interval from the health probe.
            tokio::time::sleep(interval / 2).await;
            for (cookie, code) in &pending {
                if Instant::now() >= deadline {
                    break;
                }
                tick.tick().await;
                let t = Instant::now();
                match c
                    .request(
                        "POST",
                        "/api/v1/login/second-factor",
                        Some(cookie),
                        Some(&json!({"backup_code": code})),
                    )
                    .await
                {
                    Ok(r) if r.status == 200 => lat.push(t.elapsed()),
                    Ok(r) => errors.push(format!("{} {}", r.status, r.text())),
                    Err(e) => errors.push(e.to_string()),
                }
            }
            (lat, errors)
        })
    };
    let (mut hl, hbad) = hz.await?;
    let (mut sl, serr) = sf.await?;
    Ok(
        json!({"mode": "probe", "seconds": start.elapsed().as_secs_f64(), "rate_each": rate,
              "healthz": hl.summary(), "healthz_failures": hbad,
              "second_factor": sl.summary(), "second_factor_failures": serr.len(),
              "first_errors": serr.iter().take(3).collect::<Vec<_>>()}),
    )
}

/// Blocking, so the poll loop is not delayed by a runtime.
fn mode_startup(o: &Opts) -> anyhow::Result<Value> {
    let addr: SocketAddr = o.get("addr")?.parse()?;
    if o.rest.is_empty() {
        bail!("startup: give the command after --");
    }
    let log = match o.kv.get("log") {
        Some(p) => std::process::Stdio::from(std::fs::File::create(p)?),
        None => std::process::Stdio::null(),
    };
    let mut cmd = std::process::Command::new(&o.rest[0]);
    cmd.args(&o.rest[1..])
        .stdout(std::process::Stdio::null())
        .stderr(log);
    let req = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let give_up = Duration::from_secs(10);
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("spawn {}", o.rest[0]))?;
    let mut first_connect: Option<Duration> = None;
    let mut polls = 0u32;
    let first_200 = loop {
        if start.elapsed() > give_up {
            let _ = child.kill();
            bail!("no 200 from /healthz within {give_up:?}");
        }
        if let Ok(Some(st)) = child.try_wait() {
            bail!("the server exited: {st}");
        }
        polls += 1;
        if let Ok(mut s) = std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            first_connect.get_or_insert(start.elapsed());
            let _ = s.set_nodelay(true);
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut resp = Vec::new();
            if s.write_all(req.as_bytes()).is_ok()
                && s.read_to_end(&mut resp).is_ok()
                && resp.starts_with(b"HTTP/1.1 200")
            {
                break start.elapsed();
            }
        }
        std::thread::sleep(Duration::from_micros(500));
    };
    let pid = child.id();
    let keep = o.flags.iter().any(|f| f == "keep");
    if !keep {
        let _ = std::process::Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status();
        let wait_start = Instant::now();
        loop {
            if child.try_wait()?.is_some() {
                break;
            }
            if wait_start.elapsed() > Duration::from_secs(5) {
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    Ok(
        json!({"mode": "startup", "ms_to_first_200": first_200.as_secs_f64() * 1e3,
              "ms_to_first_connect": first_connect.map(|d| d.as_secs_f64() * 1e3), "polls": polls,
              "pid": pid, "kept_running": keep}),
    )
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loadgen: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let o = Opts::parse()?;
    if o.mode == "startup" {
        println!("{}", mode_startup(&o)?);
        return Ok(());
    }
    // One thread: the generator shares two cores with the server; its work is small.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let out = rt.block_on(async {
        match o.mode.as_str() {
            "setup" => mode_setup(&o).await,
            "logins" => mode_logins(&o).await,
            "pending" => mode_pending(&o).await,
            "second-factor" => mode_second_factor(&o).await,
            "sessions" => mode_sessions(&o).await,
            "probe" => mode_probe(&o).await,
            m => bail!("unknown mode {m:?}"),
        }
    })?;
    println!("{out}");
    Ok(())
}
