//! Operator commands and `serve` configuration, driven through the built
//! binary against real servers (SQLite; the schema-version test uses
//! PostgreSQL and is ignored by default).

use std::path::Path;
use std::time::Duration;

use deadbolt_otp::OtpAuthUri;
use serde_json::json;

use crate::node::{
    Node, PASSWORD, PgDb, TempDir, assert_holds_no_secret, enable_two_factor, event_kinds,
    fresh_keys, login, login_expect, run, run_fails, run_ok, second_factor, signup,
    user_with_two_factor,
};

/// `user list` rows: username → (2fa column, backup codes column).
fn user_list(dir: &str) -> Vec<(String, String, u32)> {
    let out = run_ok(&["user", "list", "--data-dir", dir], &[]);
    let mut lines = out.lines();
    let header = lines.next().expect("a header line");
    assert!(
        header.contains("username") && header.contains("2fa"),
        "{out}"
    );
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            assert!(cols.len() >= 4, "odd user list line {l:?}");
            (
                cols[0].to_string(),
                cols[1].to_string(),
                cols[2].parse().unwrap_or_else(|_| panic!("count in {l:?}")),
            )
        })
        .collect()
}

fn row<'a>(rows: &'a [(String, String, u32)], name: &str) -> &'a (String, String, u32) {
    rows.iter()
        .find(|r| r.0 == name)
        .unwrap_or_else(|| panic!("{name} not in user list {rows:?}"))
}

#[test]
fn user_list_and_operator_reset_of_two_factor() {
    let dir = TempDir::new("deadbolt_admin");
    let node = Node::start(&["--data-dir", dir.str()], &[]);
    let (_app, codes, _) = user_with_two_factor(node.addr, "alice");
    signup(node.addr, "bob");

    // Alice signs in with a backup code: 9 left, and she has a live session.
    let mut alice = login_expect(node.addr, "alice", "second_factor_required");
    let r = second_factor(&mut alice, json!({"backup_code": codes[0]}));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(alice.get("/api/v1/me").status, 200);

    let rows = user_list(dir.str());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(row(&rows, "alice").1, "enabled");
    assert_eq!(row(&rows, "alice").2, 9);
    assert_eq!(row(&rows, "bob").1, "off");
    assert_eq!(row(&rows, "bob").2, 0);

    // The operator resets Alice's 2FA while the server runs.
    let out = run_ok(
        &["user", "reset-two-factor", "alice", "--data-dir", dir.str()],
        &[],
    );
    assert!(out.contains("alice"), "{out}");
    // Her sessions ended.
    let r = alice.get("/api/v1/me");
    assert_eq!(r.status, 401, "session survived the reset: {}", r.text());
    // The password alone signs her in now, and the reset is in her activity.
    let mut alice = login_expect(node.addr, "alice", "authenticated");
    let me = alice.get("/api/v1/me").json();
    assert_eq!(me["two_factor"]["enabled"], false);
    assert_eq!(me["two_factor"]["backup_codes_remaining"], 0);
    let kinds = event_kinds(&mut alice);
    assert!(
        kinds.iter().any(|k| k == "two_factor_reset_by_operator"),
        "{kinds:?}"
    );
    let rows = user_list(dir.str());
    assert_eq!(row(&rows, "alice").1, "off");
    assert_eq!(row(&rows, "alice").2, 0);

    // A mistyped data directory: refused, nothing created there.
    let wrong = dir.path().join("typo");
    let w = wrong.to_str().expect("path");
    for args in [
        vec!["user", "list", "--data-dir", w],
        vec!["user", "reset-two-factor", "alice", "--data-dir", w],
        vec!["keys", "rotate", "--data-dir", w],
    ] {
        let err = run_fails(&args, &[]);
        assert!(
            err.contains("no Deadbolt database") && err.contains(w),
            "{err}"
        );
    }
    assert!(!wrong.exists(), "an operator command created {w}");

    // An unknown user: a clear message and a failure exit.
    let err = run_fails(
        &[
            "user",
            "reset-two-factor",
            "nobody",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(
        err.contains("no such user") && err.contains("nobody"),
        "{err}"
    );
    // Bob was not touched.
    assert_eq!(row(&user_list(dir.str()), "bob").1, "off");
}

/// Every `deadbolt.db*` file of the data directory, concatenated.
fn raw_database_bytes(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("data dir") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("deadbolt.db") {
            all.extend(std::fs::read(entry.path()).expect("read database file"));
            seen += 1;
        }
    }
    assert!(seen >= 1, "no deadbolt.db in {}", dir.display());
    all
}

fn key_lines(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("keys"))
        .expect("key file")
        .lines()
        .filter(|l| {
            l.split(':')
                .next()
                .is_some_and(|id| id.parse::<u32>().is_ok())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn keys_rotate_keeps_codes_working_and_nothing_is_stored_in_clear() {
    let dir = TempDir::new("deadbolt_rotate");
    let mut node = Node::start(&["--data-dir", dir.str()], &[]);
    let (mut app, codes, mut first) = user_with_two_factor(node.addr, "alice");
    let mut cookies = vec![first.cookie_value().expect("cookie").to_string()];
    let mut alice = login_expect(node.addr, "alice", "second_factor_required");
    let r = second_factor(&mut alice, json!({"code": app.next_code()}));
    assert_eq!(r.status, 200, "{}", r.text());
    cookies.push(alice.cookie_value().expect("cookie").to_string());
    assert_eq!(first.get("/api/v1/me").status, 200);
    node.kill();

    let before = key_lines(dir.path());
    assert_eq!(before.len(), 1, "{before:?}");
    let out = run_ok(&["keys", "rotate", "--data-dir", dir.str()], &[]);
    assert!(out.contains("1 TOTP secret"), "{out}");
    assert!(
        out.contains("restart"),
        "rotate must tell to restart the servers: {out}"
    );
    let after = key_lines(dir.path());
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(after[0].starts_with("2:"), "new key first: {after:?}");
    assert_eq!(after[1], before[0], "the old key is kept for reading");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("keys"))
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "key file mode {mode:o}");
    }

    // The restarted server still reads the secret (and the backup codes'
    // pepper is unchanged).
    let node = node.restarted();
    let mut alice = login_expect(node.addr, "alice", "second_factor_required");
    let r = second_factor(&mut alice, json!({"code": app.next_code()}));
    assert_eq!(r.status, 200, "TOTP after rotation: {}", r.text());
    cookies.push(alice.cookie_value().expect("cookie").to_string());
    let mut again = login_expect(node.addr, "alice", "second_factor_required");
    let r = second_factor(&mut again, json!({"backup_code": codes[3]}));
    assert_eq!(r.status, 200, "backup code after rotation: {}", r.text());
    cookies.push(again.cookie_value().expect("cookie").to_string());
    drop(node);

    // Nothing secret in the raw database files.
    assert_holds_no_secret(
        &raw_database_bytes(dir.path()),
        &app.secret_base32,
        &codes,
        &cookies,
        "the SQLite files",
    );

    // With DEADBOLT_KEYS, rotate refuses and leaves the key file alone.
    let keys = fresh_keys();
    let err = run_fails(
        &["keys", "rotate", "--data-dir", dir.str()],
        &[("DEADBOLT_KEYS", &keys)],
    );
    assert!(err.contains("DEADBOLT_KEYS"), "{err}");
    assert_eq!(key_lines(dir.path()), after);
}

/// "database schema at version N" → N.
fn schema_version(out: &str) -> i64 {
    out.trim()
        .rsplit(' ')
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no schema version in {out:?}"))
}

#[test]
fn migrate_prints_the_schema_version() {
    let dir = TempDir::new("deadbolt_migrate");
    let out = run_ok(&["migrate", "--data-dir", dir.str()], &[]);
    assert!(out.contains("schema"), "{out}");
    let v = schema_version(&out);
    assert!(v >= 1, "{out}");
    assert!(dir.path().join("deadbolt.db").exists());
    // Idempotent.
    assert_eq!(
        schema_version(&run_ok(&["migrate", "--data-dir", dir.str()], &[])),
        v
    );
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn serve_and_migrate_refuse_a_newer_schema() {
    let db = PgDb::create();
    let dir = TempDir::new("deadbolt_schema");
    let keys = fresh_keys();
    let envs = [("DEADBOLT_KEYS", keys.as_str())];
    let out = run_ok(&["migrate", "--database-url", &db.url], &envs);
    let ours = schema_version(&out);
    let future = ours + 1000;
    db.sql(&format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ({future}, 'from the future', true, '\\x00', 0)"
    ));
    let err = run_fails(
        &[
            "serve",
            "--database-url",
            &db.url,
            "--data-dir",
            dir.str(),
            "--listen",
            "127.0.0.1:0",
        ],
        &envs,
    );
    assert!(
        err.contains("newer")
            && err.contains(&future.to_string())
            && err.contains(&ours.to_string()),
        "unclear message: {err}"
    );
    let err = run_fails(&["migrate", "--database-url", &db.url], &envs);
    assert!(
        err.contains("newer") && err.contains(&future.to_string()),
        "{err}"
    );
}

/// `--listen` takes a host name too (`localhost:PORT`), resolved to IPv4 first.
#[test]
fn serve_listens_on_a_host_name() {
    let dir = TempDir::new("deadbolt_listen_name");
    let node = Node::start(&["--data-dir", dir.str(), "--listen", "localhost:0"], &[]);
    assert!(node.addr.ip().is_loopback(), "{}", node.addr);
    assert!(node.addr.port() != 0);
    let mut c = crate::http::Client::new(node.addr);
    assert_eq!(c.get("/healthz").status, 200);
}

#[test]
fn serve_rejects_bad_configuration_clearly() {
    let dir = TempDir::new("deadbolt_badcfg");
    let d = dir.str();
    let err = run_fails(
        &["serve", "--data-dir", d, "--listen", "not-an-address"],
        &[],
    );
    assert!(
        err.contains("--listen") && err.contains("not-an-address"),
        "{err}"
    );

    let err = run_fails(
        &["serve", "--data-dir", d, "--db-acquire-timeout", "0"],
        &[],
    );
    assert!(err.contains("--db-acquire-timeout"), "{err}");

    // Issue 16: only one of the eleven codes, exactly.
    for bad in [
        "--default-language=xx",
        "--default-language=FR",
        "--default-language=fr-FR",
    ] {
        let err = run_fails(&["serve", "--data-dir", d, bad], &[]);
        assert!(
            err.contains("--default-language must be one of en fr es pt it de nl sv ru tr cs"),
            "{bad}: {err}"
        );
    }

    for bad in [
        "--reauth-window=0",
        "--reauth-window=-3",
        "--reauth-window=86401",
    ] {
        let err = run_fails(&["serve", "--data-dir", d, bad], &[]);
        assert!(err.contains("--reauth-window"), "{bad}: {err}");
    }

    let err = run_fails(
        &[
            "serve",
            "--data-dir",
            d,
            "--listen",
            "127.0.0.1:0",
            "--public-url",
            "ftp://example.com",
        ],
        &[],
    );
    assert!(
        err.contains("--public-url") && err.contains("ftp://example.com"),
        "{err}"
    );

    let cfg = dir.path().join("bad.toml");
    std::fs::write(&cfg, "listen = \"127.0.0.1:0\"\nisuer = \"Typo\"\n").expect("write config");
    let err = run_fails(
        &[
            "serve",
            "--data-dir",
            d,
            "--config",
            cfg.to_str().expect("path"),
        ],
        &[],
    );
    assert!(err.contains("isuer") && err.contains("bad.toml"), "{err}");

    let err = run_fails(
        &[
            "serve",
            "--data-dir",
            d,
            "--config",
            "/nonexistent/deadbolt.toml",
        ],
        &[],
    );
    assert!(err.contains("/nonexistent/deadbolt.toml"), "{err}");

    // An address that is taken.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let taken = busy.local_addr().expect("addr").to_string();
    let err = run_fails(&["serve", "--data-dir", d, "--listen", &taken], &[]);
    assert!(err.contains(&taken), "{err}");

    // Bad environment values are refused too.
    let out = run(
        &["serve", "--data-dir", d, "--listen", "127.0.0.1:0"],
        &[("DEADBOLT_SESSION_IDLE", "-5")],
        Duration::from_secs(60),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("session-idle"));
}

#[test]
fn the_step_up_window_comes_from_the_environment() {
    let dir = TempDir::new("deadbolt_reauth");
    let node = Node::start(
        &["--data-dir", dir.str()],
        &[("DEADBOLT_REAUTH_WINDOW", "1")],
    );
    signup(node.addr, "rita");
    let mut c = login_expect(node.addr, "rita", "authenticated");
    let (mut app, _) = enable_two_factor(&mut c);
    // One second after the confirmation the window of 1 s has passed.
    std::thread::sleep(Duration::from_millis(1100));
    let r = c.post("/api/v1/me/backup-codes", json!({"password": PASSWORD}));
    assert_eq!(r.status, 401, "{}", r.text());
    assert_eq!(r.json()["error"]["code"], "step_up_required");
    let r = c.post(
        "/api/v1/me/backup-codes",
        json!({"password": PASSWORD, "code": app.next_code()}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

/// The issuer of the otpauth URI a fresh setup on `node` shows.
fn setup_issuer(node: &Node, username: &str) -> (String, String) {
    signup(node.addr, username);
    let mut c = login_expect(node.addr, username, "authenticated");
    let (_, setup) = enable_two_factor(&mut c);
    let uri = setup["otpauth_uri"].as_str().expect("uri").to_string();
    let parsed = OtpAuthUri::parse(&uri).unwrap_or_else(|e| panic!("{uri}: {e}"));
    (parsed.issuer().unwrap_or("").to_string(), uri)
}

#[test]
fn serve_reads_a_toml_config_file_and_the_environment() {
    let dir = TempDir::new("deadbolt_cfg");
    let data = dir.path().join("data");
    let cfg = dir.path().join("deadbolt.toml");
    std::fs::write(
        &cfg,
        format!(
            "issuer = \"Acme Mail\"\ndata_dir = {:?}\nsession_idle = 600\n",
            data.to_str().expect("path")
        ),
    )
    .expect("write config");
    let node = Node::start(&["--config", cfg.to_str().expect("path")], &[]);
    let (issuer, uri) = setup_issuer(&node, "alice");
    assert_eq!(issuer, "Acme Mail", "{uri}");
    assert!(
        data.join("deadbolt.db").exists(),
        "data_dir from the file not used"
    );
    assert!(data.join("keys").exists());
    // The operator commands read the same file.
    let out = run_ok(
        &["user", "list", "--config", cfg.to_str().expect("path")],
        &[],
    );
    assert!(out.lines().any(|l| l.starts_with("alice ")), "{out}");
    drop(node);

    // A flag beats the file; the environment works like a flag.
    let node = Node::start(
        &[
            "--config",
            cfg.to_str().expect("path"),
            "--issuer",
            "Flag Co",
        ],
        &[],
    );
    assert_eq!(setup_issuer(&node, "bob").0, "Flag Co");
    drop(node);
    let node = Node::start(
        &["--data-dir", dir.path().join("env").to_str().expect("path")],
        &[("DEADBOLT_ISSUER", "Env Corp")],
    );
    assert_eq!(setup_issuer(&node, "carol").0, "Env Corp");
}

#[test]
fn https_public_url_makes_host_prefixed_secure_cookies() {
    let dir = TempDir::new("deadbolt_https");
    let node = Node::start(
        &[
            "--data-dir",
            dir.str(),
            "--public-url",
            "https://login.example.com",
        ],
        &[],
    );
    signup(node.addr, "alice");
    let (mut c, r) = login(node.addr, "alice");
    assert_eq!(r.status, 200, "{}", r.text());
    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|c| c.contains("deadbolt_session="))
        .unwrap_or_else(|| panic!("no session cookie: {:?}", r.headers))
        .to_string();
    assert!(cookie.starts_with("__Host-deadbolt_session="), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert_eq!(c.get("/api/v1/me").status, 200);
    drop(node);

    // Plain http: the plain name, not Secure.
    let dir = TempDir::new("deadbolt_http");
    let node = Node::start(&["--data-dir", dir.str()], &[]);
    signup(node.addr, "alice");
    let (_, r) = login(node.addr, "alice");
    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|c| c.contains("deadbolt_session="))
        .expect("session cookie")
        .to_string();
    assert!(cookie.starts_with("deadbolt_session="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[test]
fn session_lifetimes_come_from_the_flags() {
    let dir = TempDir::new("deadbolt_idle");
    // Two seconds, not one: times are whole seconds, so a one-second
    // lifetime can end between the login and the first read when the
    // machine is busy (a login that straddles a second's boundary).
    let node = Node::start(&["--data-dir", dir.str(), "--session-idle", "2"], &[]);
    signup(node.addr, "alice");
    let mut c = login_expect(node.addr, "alice", "authenticated");
    assert_eq!(c.get("/api/v1/me").status, 200);
    std::thread::sleep(Duration::from_millis(4500));
    let r = c.get("/api/v1/me");
    assert_eq!(
        r.status,
        401,
        "an idle session outlived --session-idle 2: {}",
        r.text()
    );
    drop(node);

    let node = Node::start(
        &["--data-dir", dir.str()],
        &[("DEADBOLT_SESSION_ABSOLUTE", "2")],
    );
    let mut c = login_expect(node.addr, "alice", "authenticated");
    assert_eq!(c.get("/api/v1/me").status, 200);
    std::thread::sleep(Duration::from_millis(4500));
    let r = c.get("/api/v1/me");
    assert_eq!(
        r.status,
        401,
        "a session outlived DEADBOLT_SESSION_ABSOLUTE=2: {}",
        r.text()
    );
}
