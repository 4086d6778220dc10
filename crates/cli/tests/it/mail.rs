//! Email end to end: `deadbolt serve` against a real SMTP server on
//! loopback (`scripts/mailsink.py`, aiosmtpd) that writes each message to a
//! folder; the tests read the letters the way a mail reader does (MIME
//! parsed, headers checked, the link followed). All `#[ignore]`d: they need
//! python3 with aiosmtpd (and oathtool; PostgreSQL for the two-node test),
//! which `.ci/run` installs; a missing tool is a failure.
//!
//! Over 600 lines on purpose: every scenario shares the SMTP sink and the
//! `serve` process helpers at the bottom of this file; splitting them would
//! only move those helpers into a third file.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::http::{Client, request};
use crate::node::{
    Authenticator, Node, PASSWORD, PgDb, TempDir, backup_codes, enable_two_factor, eventually,
    fresh_keys, login_expect, run, signup, unix_now,
};

const FROM: &str = "Deadbolt <no-reply@deadbolt.test>";
pub(crate) const NEW_PASSWORD: &str = "quiet harbour lantern 42";

/// The test SMTP server: a python3 child running `scripts/mailsink.py`.
pub(crate) struct Sink {
    child: Option<Child>,
    port: u16,
    dir: TempDir,
}

fn sink_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/mailsink.py")
}

impl Sink {
    pub(crate) fn start(mode: &str) -> Sink {
        let dir = TempDir::new("deadbolt_mail");
        let (child, port) = Self::spawn(0, mode, &dir);
        Sink {
            child: Some(child),
            port,
            dir,
        }
    }

    fn spawn(port: u16, mode: &str, dir: &TempDir) -> (Child, u16) {
        let mut child = Command::new("python3")
            .arg(sink_script())
            .args([
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--mode",
                mode,
                "--dir",
            ])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs scripts/mailsink.py (needs aiosmtpd: pip install aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the sink says READY");
        let port = line
            .trim()
            .strip_prefix("READY ")
            .unwrap_or_else(|| {
                panic!("mailsink.py did not start (is aiosmtpd installed?): {line:?}")
            })
            .parse()
            .expect("a port");
        (child, port)
    }

    /// Stop the server (the port stops answering).
    fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Start it again on the same port, in `mode`, writing to the same folder.
    fn restart(&mut self, mode: &str) {
        self.stop();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // The port may take a moment to be free again.
            let mut child = Command::new("python3")
                .arg(sink_script())
                .args([
                    "--host",
                    "127.0.0.1",
                    "--port",
                    &self.port.to_string(),
                    "--mode",
                    mode,
                    "--dir",
                ])
                .arg(self.dir.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("python3 runs");
            let mut line = String::new();
            let _ = BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line);
            if line.starts_with("READY") {
                self.child = Some(child);
                return;
            }
            let _ = child.kill();
            let _ = child.wait();
            assert!(
                Instant::now() < deadline,
                "the sink could not listen on {} again",
                self.port
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every letter received so far, oldest first.
    pub(crate) fn letters(&self) -> Vec<Letter> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("sink dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| Letter::parse(&std::fs::read(p).expect("a letter")))
            .collect()
    }

    /// Wait until at least `n` letters arrived (panics after `limit`).
    pub(crate) fn wait_for(&self, n: usize, limit: Duration) -> Vec<Letter> {
        let mut got = Vec::new();
        let ok = eventually(limit, || {
            got = self.letters();
            got.len() >= n
        });
        assert!(
            ok,
            "{} letters after {limit:?}, wanted {n}: {:?}",
            got.len(),
            subjects(&got)
        );
        got
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One received letter, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Letter {
    raw: String,
    envelope_to: String,
    from: String,
    to: String,
    pub(crate) subject: String,
    message_id: String,
    date: String,
    pub(crate) text: String,
    pub(crate) html: String,
}

impl Letter {
    fn parse(raw: &[u8]) -> Letter {
        let mail = mailparse::parse_mail(raw).expect("a MIME message");
        let header = |name: &str| {
            mailparse::MailHeaderMap::get_first_value(&mail.headers[..], name).unwrap_or_default()
        };
        let mut text = String::new();
        let mut html = String::new();
        for part in &mail.subparts {
            match part.ctype.mimetype.as_str() {
                "text/plain" => text = part.get_body().expect("text part"),
                "text/html" => html = part.get_body().expect("html part"),
                _ => {}
            }
        }
        assert_eq!(mail.ctype.mimetype, "multipart/alternative");
        Letter {
            raw: String::from_utf8_lossy(raw).into_owned(),
            envelope_to: header("X-Envelope-To"),
            from: header("From"),
            to: header("To"),
            subject: header("Subject"),
            message_id: header("Message-ID"),
            date: header("Date"),
            text,
            html,
        }
    }

    /// The token of the link in it.
    pub(crate) fn token(&self) -> String {
        let at = self.text.find("token=").expect("a link") + "token=".len();
        self.text[at..at + 43].to_owned()
    }
}

fn subjects(letters: &[Letter]) -> Vec<String> {
    letters.iter().map(|l| l.subject.clone()).collect()
}

/// Headers a mail reader needs, on every letter.
pub(crate) fn assert_well_formed(l: &Letter, to: &str) {
    assert_eq!(l.from, FROM);
    assert_eq!(l.to, to);
    assert_eq!(l.envelope_to, to);
    assert!(
        l.message_id.starts_with("<deadbolt.") && l.message_id.ends_with("@deadbolt.test>"),
        "{}",
        l.message_id
    );
    let date = mailparse::dateparse(&l.date).expect("an RFC 5322 Date");
    let age = unix_now() as i64 - date;
    assert!((-5..600).contains(&age), "Date {} is {age} s old", l.date);
    assert!(!l.text.is_empty() && l.html.contains("<html"), "both parts");
}

pub(crate) fn mail_args(sink: &Sink, data: &TempDir) -> Vec<String> {
    vec![
        "--data-dir".into(),
        data.str().into(),
        "--smtp-url".into(),
        sink.url(),
        "--mail-from".into(),
        FROM.into(),
    ]
}

pub(crate) fn start(args: &[String], envs: &[(&str, &str)]) -> Node {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    Node::start(&refs, envs)
}

/// Give the signed-in client's account a verified address, through the
/// letter the sink received (`seen` letters were there before).
fn verify_address(c: &mut Client, sink: &Sink, address: &str, seen: usize) -> Letter {
    let r = c.post(
        "/api/v1/me/email",
        json!({"email": address, "password": PASSWORD}),
    );
    assert_eq!(r.status, 202, "{}", r.text());
    assert_eq!(r.json()["status"], "verification_sent");
    let letters = sink.wait_for(seen + 1, Duration::from_secs(20));
    let letter = letters[seen].clone();
    assert_well_formed(&letter, address);
    assert_eq!(letter.subject, "Confirm your email address for Deadbolt");
    assert!(
        letter.text.contains("/verify-email?token="),
        "{}",
        letter.text
    );
    let r = Client::new(c.addr).post("/api/v1/email/verify", json!({"token": letter.token()}));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["email"], address);
    letter
}

fn readyz_mail(addr: SocketAddr) -> String {
    let r = request(addr, "GET", "/readyz", &[], None).expect("readyz");
    r.json()["mail"].as_str().unwrap_or("").to_owned()
}

/// A code from `oathtool` for a step later than any the app handed out.
fn oathtool_code(app: &Authenticator, after_step: u64) -> String {
    while unix_now() / 30 <= after_step {
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = Command::new("oathtool")
        .args(["--totp", "-b", &app.secret_base32])
        .output()
        .expect("oathtool runs (apt-get install oathtool)");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("digits")
        .trim()
        .to_owned()
}

fn assert_no_secret(letters: &[Letter], secrets: &[&str]) {
    for l in letters {
        for s in secrets.iter().filter(|s| !s.is_empty()) {
            assert!(
                !l.raw.contains(s),
                "a secret ({s}) in the letter {:?}",
                l.subject
            );
            assert!(
                !l.text.contains(s) && !l.html.contains(s),
                "a secret in {:?}",
                l.subject
            );
        }
    }
}

#[test]
#[ignore = "needs python3 with aiosmtpd and oathtool (.ci/run installs them)"]
fn a_password_reset_over_http_keeps_two_factor_and_ends_every_session() {
    let sink = Sink::start("accept");
    let data = TempDir::new("deadbolt_reset");
    let node = start(&mail_args(&sink, &data), &[]);
    let addr = node.addr;
    signup(addr, "alice");
    let mut c = login_expect(addr, "alice", "authenticated");
    let (mut app, setup) = enable_two_factor(&mut c);
    let codes = backup_codes(&mut c);
    verify_address(&mut c, &sink, "alice@example.com", 0);
    let me = c.get("/api/v1/me").json();
    assert_eq!(me["email"], "alice@example.com");
    // Another browser signs in (password only so far): a new-browser notice.
    let mut other = login_expect(addr, "alice", "second_factor_required");
    sink.wait_for(2, Duration::from_secs(20));

    // Unknown accounts: the same answer, no letter.
    for body in [
        json!({"username": "nobody"}),
        json!({"email": "nobody@example.com"}),
    ] {
        let r = Client::new(addr).post("/api/v1/password-reset", body);
        assert_eq!(r.status, 202, "{}", r.text());
        assert_eq!(r.json(), json!({"status": "accepted"}));
    }
    let r = Client::new(addr).post(
        "/api/v1/password-reset",
        json!({"email": "Alice@Example.com"}),
    );
    assert_eq!(r.status, 202);
    let letters = sink.wait_for(3, Duration::from_secs(20));
    let reset = letters[2].clone();
    assert_well_formed(&reset, "alice@example.com");
    assert_eq!(reset.subject, "Reset your Deadbolt password");
    assert!(reset.text.contains("/password-reset/confirm?token="));
    let token = reset.token();

    // Without the second factor: refused, nothing changed.
    let mut fresh = Client::new(addr);
    let r = fresh.post(
        "/api/v1/password-reset/confirm",
        json!({"token": token, "new_password": NEW_PASSWORD}),
    );
    assert_eq!(r.status, 401, "{}", r.text());
    assert_eq!(r.error_code(), "second_factor_required");
    let r = fresh.post(
        "/api/v1/password-reset/confirm",
        json!({"token": token, "new_password": NEW_PASSWORD, "code": app.wrong_code()}),
    );
    assert_eq!(r.error_code(), "wrong_code");
    assert_eq!(
        c.get("/api/v1/me").status,
        200,
        "the old session still works"
    );

    // With a code from oathtool: signed in, every other session gone.
    let code = oathtool_code(&app, app.last_step().expect("a step handed out"));
    let r = fresh.post(
        "/api/v1/password-reset/confirm",
        json!({"token": token, "new_password": NEW_PASSWORD, "code": code}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "authenticated");
    assert_eq!(fresh.get("/api/v1/me").status, 200);
    assert_eq!(c.get("/api/v1/me").status, 401, "the old session ended");
    let r = other.post(
        "/api/v1/login/second-factor",
        json!({"code": app.next_code()}),
    );
    assert_eq!(r.status, 401, "the pending login ended: {}", r.text());
    // The link is spent; the old password is gone; 2FA is still on.
    let r = Client::new(addr).post(
        "/api/v1/password-reset/confirm",
        json!({"token": token, "new_password": "another fine password 7", "code": app.next_code()}),
    );
    assert_eq!(r.error_code(), "invalid_token");
    let r = Client::new(addr).post(
        "/api/v1/login",
        json!({"username": "alice", "password": PASSWORD}),
    );
    assert_eq!(r.status, 401);
    let r = Client::new(addr).post(
        "/api/v1/login",
        json!({"username": "alice", "password": NEW_PASSWORD}),
    );
    assert_eq!(r.json()["status"], "second_factor_required");

    // The notice, and nothing for the unknown accounts.
    let letters = sink.wait_for(4, Duration::from_secs(20));
    std::thread::sleep(Duration::from_secs(3));
    let letters = if sink.letters().len() > letters.len() {
        sink.letters()
    } else {
        letters
    };
    assert_eq!(
        subjects(&letters),
        [
            "Confirm your email address for Deadbolt",
            "New sign-in from a browser not seen before (Deadbolt)",
            "Reset your Deadbolt password",
            "Your password was reset (Deadbolt)",
            "New sign-in from a browser not seen before (Deadbolt)",
        ][..letters.len()]
    );
    for l in &letters {
        assert_well_formed(l, "alice@example.com");
    }
    let ids: HashSet<&str> = letters.iter().map(|l| l.message_id.as_str()).collect();
    assert_eq!(ids.len(), letters.len(), "one Message-ID per letter");
    let cookies: Vec<String> = [&c, &other, &fresh]
        .iter()
        .filter_map(|c| c.cookie_value().map(str::to_owned))
        .collect();
    let mut secrets: Vec<&str> = vec![
        PASSWORD,
        NEW_PASSWORD,
        setup["secret"].as_str().unwrap(),
        setup["otpauth_uri"].as_str().unwrap(),
    ];
    secrets.extend(codes.iter().map(String::as_str));
    secrets.extend(cookies.iter().map(String::as_str));
    assert_no_secret(&letters, &secrets);
    // Only the two link letters carry a token.
    let with_links = letters.iter().filter(|l| l.text.contains("token=")).count();
    assert_eq!(with_links, 2);
}

#[test]
#[ignore = "needs python3 with aiosmtpd (.ci/run installs it)"]
fn a_notice_waits_while_the_smtp_server_is_down_and_goes_when_it_is_back() {
    let mut sink = Sink::start("accept");
    let data = TempDir::new("deadbolt_down");
    let node = start(&mail_args(&sink, &data), &[]);
    signup(node.addr, "bob");
    let mut c = login_expect(node.addr, "bob", "authenticated");
    verify_address(&mut c, &sink, "bob@example.com", 0);
    assert!(eventually(Duration::from_secs(10), || readyz_mail(
        node.addr
    ) == "reachable"));
    // Let the worker mark the verification letter sent before the server goes.
    std::thread::sleep(Duration::from_secs(1));

    sink.stop();
    let r = c.post(
        "/api/v1/me/password",
        json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
    );
    assert_eq!(r.status, 204, "{}", r.text());
    // The node keeps serving, and says mail is failing.
    assert!(
        eventually(Duration::from_secs(15), || readyz_mail(node.addr)
            == "failing"),
        "readyz: {}",
        readyz_mail(node.addr)
    );
    let r = request(node.addr, "GET", "/readyz", &[], None).unwrap();
    assert_eq!(r.status, 200, "mail trouble never makes a node unready");
    assert!(
        node.stderr().contains("waits in the outbox"),
        "{}",
        node.stderr()
    );
    std::thread::sleep(Duration::from_secs(2));

    sink.restart("accept");
    // The first retry comes 30–37 s after the failure.
    let notice = "Your password was changed (Deadbolt)";
    assert!(
        eventually(Duration::from_secs(60), || subjects(&sink.letters())
            .iter()
            .any(|s| s == notice)),
        "no notice once the server was back: {:?}",
        subjects(&sink.letters())
    );
    assert!(eventually(Duration::from_secs(10), || readyz_mail(
        node.addr
    ) == "reachable"));
    std::thread::sleep(Duration::from_secs(3));
    let letters = sink.letters();
    let sent: Vec<&Letter> = letters.iter().filter(|l| l.subject == notice).collect();
    assert_eq!(sent.len(), 1, "sent once");
    assert_well_formed(sent[0], "bob@example.com");
}

#[test]
#[ignore = "needs python3 with aiosmtpd (.ci/run installs it)"]
fn a_notice_committed_before_a_sigkill_is_sent_after_the_restart() {
    let mut sink = Sink::start("accept");
    let data = TempDir::new("deadbolt_kill");
    let mut args = mail_args(&sink, &data);
    // A short conversation bound, so a claim left by the dead node lapses soon.
    args.extend(["--smtp-timeout".to_owned(), "2".to_owned()]);
    let mut node = start(&args, &[]);
    signup(node.addr, "cleo");
    let mut c = login_expect(node.addr, "cleo", "authenticated");
    verify_address(&mut c, &sink, "cleo@example.com", 0);
    // Let the worker mark the verification letter sent (a sink stopped
    // between writing it and saying 250 would get it again: the one
    // duplicate allowed, with the same Message-ID).
    std::thread::sleep(Duration::from_secs(1));

    // A server that takes connections and never answers: whatever the worker
    // tries before the kill cannot deliver.
    sink.restart("stall");
    let r = c.post(
        "/api/v1/me/password",
        json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
    );
    assert_eq!(r.status, 204, "{}", r.text());
    node.kill();
    sink.restart("accept");
    let restarted = node.restarted();
    let notice = "Your password was changed (Deadbolt)";
    assert!(
        eventually(Duration::from_secs(60), || subjects(&sink.letters())
            .iter()
            .any(|s| s == notice)),
        "no notice after the restart: {:?}",
        subjects(&sink.letters())
    );
    std::thread::sleep(Duration::from_secs(3));
    let letters = sink.letters();
    let ids: HashSet<&str> = letters.iter().map(|l| l.message_id.as_str()).collect();
    assert_eq!(
        ids.len(),
        2,
        "the verification and the notice, each under one Message-ID: {:?}",
        subjects(&letters)
    );
    assert_eq!(
        letters.iter().filter(|l| l.subject == notice).count(),
        1,
        "sent once"
    );
    drop(restarted);
}

#[test]
#[ignore = "needs python3 with aiosmtpd and PostgreSQL on 127.0.0.1:5432 (.ci/run provides them)"]
fn two_nodes_on_postgres_send_each_notice_once() {
    let sink = Sink::start("accept");
    let db = PgDb::create();
    let dir = TempDir::new("deadbolt_mailnodes");
    let keys = fresh_keys();
    let nodes: Vec<Node> = (0..2)
        .map(|i| {
            let data = dir.path().join(format!("node{i}"));
            let args = [
                "--database-url",
                &db.url,
                "--data-dir",
                data.to_str().expect("path"),
                "--smtp-url",
                &sink.url(),
                "--mail-from",
                FROM,
            ];
            Node::start(&args, &[("DEADBOLT_KEYS", &keys)])
        })
        .collect();
    let users = ["dora", "ezra", "fern", "gale"];
    for (i, name) in users.iter().enumerate() {
        let addr = nodes[i % 2].addr;
        signup(addr, name);
        let mut c = login_expect(addr, name, "authenticated");
        verify_address(&mut c, &sink, &format!("{name}@example.com"), i);
    }
    // Twelve notices, written through both nodes; both workers race for them.
    for round in 0..3 {
        for (i, name) in users.iter().enumerate() {
            login_expect(nodes[(i + round) % 2].addr, name, "authenticated");
        }
    }
    let letters = sink.wait_for(16, Duration::from_secs(60));
    std::thread::sleep(Duration::from_secs(5));
    let letters = if sink.letters().len() > letters.len() {
        sink.letters()
    } else {
        letters
    };
    assert_eq!(letters.len(), 16, "{:?}", subjects(&letters));
    let ids: HashSet<&str> = letters.iter().map(|l| l.message_id.as_str()).collect();
    assert_eq!(ids.len(), 16, "every letter once");
    for name in users {
        let to = format!("{name}@example.com");
        let n = letters
            .iter()
            .filter(|l| l.to == to && l.subject.starts_with("New sign-in"))
            .count();
        assert_eq!(n, 3, "{to}");
    }
    let sent: i64 = db
        .sql("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL")
        .parse()
        .unwrap();
    assert_eq!(sent, 16);
}

#[test]
#[ignore = "needs python3 with aiosmtpd (.ci/run installs it)"]
fn mail_test_prints_the_servers_answer() {
    let sink = Sink::start("accept");
    let url = format!("smtp://mailer:hunter2secret@127.0.0.1:{}", sink.port);
    let out = run(
        &[
            "mail",
            "test",
            "--to",
            "ops@example.com",
            "--smtp-url",
            &sink.url(),
            "--mail-from",
            FROM,
        ],
        &[],
        Duration::from_secs(60),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("sent: the server answered 250"), "{stdout}");
    let letters = sink.wait_for(1, Duration::from_secs(10));
    assert_eq!(letters[0].subject, "Test message from Deadbolt");
    assert_eq!(letters[0].to, "ops@example.com");

    // A server that refuses: exit 1 and its answer; a password never printed.
    let refusing = Sink::start("tempfail");
    let out = run(
        &[
            "mail",
            "test",
            "--to",
            "ops@example.com",
            "--mail-from",
            FROM,
        ],
        &[(
            "DEADBOLT_SMTP_URL",
            &format!("smtp://127.0.0.1:{}", refusing.port),
        )],
        Duration::from_secs(60),
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not sent") && stderr.contains("451"),
        "{stderr}"
    );
    let out = run(
        &[
            "mail",
            "test",
            "--to",
            "ops@example.com",
            "--smtp-url",
            &url,
            "--mail-from",
            FROM,
        ],
        &[],
        Duration::from_secs(60),
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("hunter2secret"), "{all}");
    assert!(all.contains("mailer:***@127.0.0.1"), "{all}");
}

#[test]
fn bad_mail_settings_and_addresses_are_refused_clearly() {
    for (args, says) in [
        (
            vec![
                "mail",
                "test",
                "--to",
                "a@localhost",
                "--smtp-url",
                "smtp://127.0.0.1:1",
                "--mail-from",
                FROM,
            ],
            "--to",
        ),
        (
            vec![
                "mail",
                "test",
                "--to",
                "a@example.com",
                "--smtp-url",
                "http://127.0.0.1:1",
                "--mail-from",
                FROM,
            ],
            "smtp://",
        ),
        (
            vec![
                "mail",
                "test",
                "--to",
                "a@example.com",
                "--smtp-url",
                "smtp://127.0.0.1:1",
            ],
            "--mail-from",
        ),
        (
            vec![
                "mail",
                "test",
                "--to",
                "a@example.com",
                "--smtp-url",
                "smtp://127.0.0.1:1?tls=opportunistic",
                "--mail-from",
                FROM,
            ],
            "starttls",
        ),
        (
            vec![
                "mail",
                "test",
                "--to",
                "a@example.com",
                "--smtp-url",
                "smtp://127.0.0.1:1",
                "--mail-from",
                "not an address",
            ],
            "--mail-from",
        ),
        (
            vec!["mail", "test", "--to", "a@example.com"],
            "not configured",
        ),
        (
            vec![
                "serve",
                "--smtp-url",
                "smtp://127.0.0.1:1",
                "--listen",
                "127.0.0.1:0",
            ],
            "--mail-from",
        ),
        (
            vec!["serve", "--mail-from", FROM, "--listen", "127.0.0.1:0"],
            "--smtp-url",
        ),
        (
            vec![
                "serve",
                "--smtp-url",
                "smtp://127.0.0.1:1",
                "--mail-from",
                FROM,
                "--smtp-timeout",
                "0",
                "--listen",
                "127.0.0.1:0",
            ],
            "--smtp-timeout",
        ),
    ] {
        let out = run(&args, &[], Duration::from_secs(30));
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

/// The pages say when email is off (nothing is faked).
#[test]
fn without_smtp_the_pages_and_the_api_say_email_is_off() {
    let data = TempDir::new("deadbolt_nomail");
    let node = Node::start(&["--data-dir", data.str()], &[]);
    let page = request(node.addr, "GET", "/login", &[], None)
        .unwrap()
        .text();
    assert!(
        page.contains("Reset by email is not set up on this server"),
        "{page}"
    );
    let page = request(node.addr, "GET", "/password-reset", &[], None)
        .unwrap()
        .text();
    assert!(page.contains("not set up on this server"), "{page}");
    let r = Client::new(node.addr).post("/api/v1/password-reset", json!({"username": "x"}));
    assert_eq!(r.status, 409);
    assert_eq!(r.error_code(), "email_not_configured");
    assert_eq!(readyz_mail(node.addr), "off");
    let _: Value = r.json();
}
