//! Operating it (issue 11): the key check at start, JSON logs, metrics,
//! backups restored under load, readiness, and the bad inputs of each.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::http::{Client, request};
use crate::node::{
    Node, PASSWORD, PgDb, TempDir, fresh_keys, login_expect, run_fails, run_ok, second_factor,
    signup, user_with_two_factor,
};

fn get(addr: SocketAddr, path: &str) -> crate::http::Resp {
    request(addr, "GET", path, &[], None).expect("request")
}

/// `/metrics` of a node started with `--metrics-listen`.
fn metrics(node: &Node) -> String {
    let at = node.metrics.expect("the node serves metrics");
    let r = get(at, "/metrics");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("content-type")
            .unwrap_or("")
            .starts_with("text/plain"),
        "{:?}",
        r.header("content-type")
    );
    r.text()
}

/// The value of one sample line (`name{labels} value`), 0 when absent.
fn sample(text: &str, line_start: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(line_start))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[test]
fn fail_a_node_whose_keys_do_not_open_the_database_refuses_to_start() {
    let dir = TempDir::new("deadbolt_keycheck");
    let node = Node::start(&["--data-dir", dir.str()], &[]);
    user_with_two_factor(node.addr, "kim");
    drop(node);
    // The database moves to a node with a keys file of its own.
    let other = TempDir::new("deadbolt_keycheck_other");
    for f in ["deadbolt.db", "deadbolt.db-wal", "deadbolt.db-shm"] {
        let from = dir.path().join(f);
        if from.exists() {
            std::fs::copy(&from, other.path().join(f)).expect("copy");
        }
    }
    std::fs::write(other.path().join("keys"), fresh_keys().replace(';', "\n")).expect("keys");
    let err = Node::try_start(&["--data-dir", other.str()], &[])
        .err()
        .expect("a node with other keys must not start");
    assert!(err.contains("cannot open this database's secrets"), "{err}");
    assert!(err.contains("key ids [1]"), "{err}");
    assert!(
        err.contains("DEADBOLT_KEYS") && err.contains("keys"),
        "{err}"
    );
    // With the right keys it starts and the user signs in with a code.
    std::fs::copy(dir.path().join("keys"), other.path().join("keys")).expect("copy keys");
    let node = Node::start(&["--data-dir", other.str()], &[]);
    login_expect(node.addr, "kim", "second_factor_required");
    assert_eq!(get(node.addr, "/readyz").status, 200);
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn fail_a_second_node_with_its_own_keys_refuses_to_start_on_postgres() {
    let db = PgDb::create();
    let (a_dir, b_dir) = (TempDir::new("deadbolt_kc_a"), TempDir::new("deadbolt_kc_b"));
    let a = Node::start(&["--data-dir", a_dir.str(), "--database-url", &db.url], &[]);
    user_with_two_factor(a.addr, "lee");
    let err = Node::try_start(&["--data-dir", b_dir.str(), "--database-url", &db.url], &[])
        .err()
        .expect("the second node has keys of its own: it must refuse");
    assert!(err.contains("cannot open this database's secrets"), "{err}");
    assert!(
        err.contains(db.url.as_str()),
        "the message names the database: {err}"
    );
    // Sharing the first node's keys through DEADBOLT_KEYS works.
    let keys = std::fs::read_to_string(a_dir.path().join("keys")).expect("keys");
    let line: Vec<&str> = keys.lines().filter(|l| !l.starts_with('#')).collect();
    let b = Node::start(
        &["--data-dir", b_dir.str(), "--database-url", &db.url],
        &[("DEADBOLT_KEYS", &line.join(";"))],
    );
    login_expect(b.addr, "lee", "second_factor_required");
    assert_eq!(get(b.addr, "/readyz").status, 200);
}

#[test]
fn fail_json_logs_are_one_object_a_line_and_hold_no_secret() {
    let dir = TempDir::new("deadbolt_jsonlog");
    let node = Node::start(
        &["--data-dir", dir.str(), "--log-format", "json"],
        &[("RUST_LOG", "info")],
    );
    let (mut app, codes, mut c) = user_with_two_factor(node.addr, "jo");
    let token = c.cookie_value().expect("session").to_owned();
    let mut p = login_expect(node.addr, "jo", "second_factor_required");
    let code = app.next_code();
    assert_eq!(second_factor(&mut p, json!({"code": code})).status, 200);
    c.post(
        "/api/v1/me/password",
        json!({"current_password": "wrong guess here"}),
    );
    // A request id from a client that is not a trusted proxy is not taken.
    let r = request(
        node.addr,
        "GET",
        "/healthz",
        &[("X-Request-Id", "chosen-by-client")],
        None,
    )
    .expect("healthz");
    let echoed = r
        .header("x-request-id")
        .expect("every answer has a request id");
    assert_ne!(echoed, "chosen-by-client");
    std::thread::sleep(Duration::from_millis(200));
    let log = node.stderr();
    let mut access = 0;
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        for key in ["time", "level", "target", "message"] {
            assert!(v.get(key).is_some(), "{key} missing: {line}");
        }
        if v["target"] == "deadbolt::access" {
            access += 1;
            for key in [
                "request_id",
                "method",
                "route",
                "client",
                "status",
                "latency_ms",
            ] {
                assert!(v.get(key).is_some(), "{key} missing: {line}");
            }
        }
        for secret in [
            PASSWORD,
            code.as_str(),
            token.as_str(),
            app.secret_base32.as_str(),
            codes[0].as_str(),
        ] {
            assert!(!line.contains(secret), "a secret in the log: {line}");
        }
        assert!(!line.contains('\u{1b}'), "an escape code: {line}");
    }
    assert!(access >= 8, "one access line per request ({access}): {log}");
    assert!(
        log.contains(&format!("\"request_id\":\"{echoed}\"")),
        "the echoed id is in the log"
    );
}

#[test]
fn text_logs_have_no_colour_codes_off_a_terminal() {
    let dir = TempDir::new("deadbolt_textlog");
    let node = Node::start(&["--data-dir", dir.str()], &[("RUST_LOG", "info")]);
    signup(node.addr, "tex");
    std::thread::sleep(Duration::from_millis(100));
    let log = node.stderr();
    assert!(log.contains("listening") || log.contains("INFO"), "{log}");
    assert!(!log.contains('\u{1b}'), "{log}");
}

#[test]
fn metrics_move_after_logins_and_stay_off_the_login_listener() {
    let dir = TempDir::new("deadbolt_metrics");
    let node = Node::start(
        &["--data-dir", dir.str(), "--metrics-listen", "127.0.0.1:0"],
        &[],
    );
    assert_ne!(node.metrics, Some(node.addr));
    assert_eq!(
        get(node.addr, "/metrics").status,
        404,
        "not beside the login pages"
    );
    let before = metrics(&node);
    let (mut app, _codes, _c) = user_with_two_factor(node.addr, "max");
    let (_, r) = crate::node::login(node.addr, "nobody-here");
    assert_eq!(r.status, 401);
    let mut p = login_expect(node.addr, "max", "second_factor_required");
    second_factor(&mut p, json!({"code": app.wrong_code()}));
    assert_eq!(
        second_factor(&mut p, json!({"code": app.next_code()})).status,
        200
    );
    let after = metrics(&node);
    let moved = |line: &str, by: f64| {
        let (b, a) = (sample(&before, line), sample(&after, line));
        assert_eq!(a - b, by, "{line}: {b} -> {a}\n{after}");
    };
    moved("deadbolt_logins_total{outcome=\"wrong_password\"}", 1.0);
    moved(
        "deadbolt_logins_total{outcome=\"second_factor_required\"}",
        1.0,
    );
    moved(
        "deadbolt_second_factors_total{kind=\"totp\",outcome=\"wrong\"}",
        1.0,
    );
    moved(
        "deadbolt_second_factors_total{kind=\"totp\",outcome=\"accepted\"}",
        1.0,
    );
    assert!(
        after.contains("deadbolt_http_request_duration_seconds_bucket{route=\"/api/v1/login\",method=\"POST\",status=\"401\""),
        "{after}"
    );
    assert!(
        after.contains("deadbolt_password_hash_seconds_count"),
        "{after}"
    );
    assert!(
        after.contains("deadbolt_db_pool_connections{state=\"max\"}"),
        "{after}"
    );
    assert!(
        !after.contains("max\",") || !after.contains("username"),
        "no user label"
    );
    assert!(!after.contains("nobody-here"), "no username in any label");
}

#[test]
fn a_backup_taken_under_load_restores_and_every_user_still_signs_in() {
    let dir = TempDir::new("deadbolt_backup");
    let node = Node::start(&["--data-dir", dir.str()], &[]);
    let users: Vec<_> = (0..4)
        .map(|i| {
            let name = format!("bak{i}");
            let (app, codes, _) = user_with_two_factor(node.addr, &name);
            (name, app, codes)
        })
        .collect();
    // A login load (password steps, sign-ups) runs while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicUsize::new(0));
    let load: Vec<_> = (0..2)
        .map(|w| {
            let (stop, done, addr) = (stop.clone(), done.clone(), node.addr);
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let mut c = Client::new(addr);
                    let r = c.post(
                        "/api/v1/signup",
                        json!({"username": format!("load{w}x{i}"), "password": PASSWORD}),
                    );
                    assert!(matches!(r.status, 201 | 429), "{}", r.text());
                    i += 1;
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let backup = dir.path().with_extension("backup.db");
    let out = run_ok(
        &[
            "backup",
            "--to",
            backup.to_str().expect("path"),
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(out.contains("keys are not in it"), "{out}");
    stop.store(true, Ordering::Relaxed);
    for t in load {
        t.join().expect("load thread");
    }
    assert!(done.load(Ordering::Relaxed) > 0, "the load ran");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&backup)
        .expect("backup")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the backup holds password hashes");
    // It never overwrites.
    let err = run_fails(
        &[
            "backup",
            "--to",
            backup.to_str().expect("path"),
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(err.contains("exists"), "{err}");
    drop(node);
    // Restore into a fresh data directory: the backup and the keys.
    let restored = TempDir::new("deadbolt_restored");
    std::fs::copy(&backup, restored.path().join("deadbolt.db")).expect("copy backup");
    std::fs::copy(dir.path().join("keys"), restored.path().join("keys")).expect("copy keys");
    let node = Node::start(&["--data-dir", restored.str()], &[]);
    assert_eq!(get(node.addr, "/readyz").status, 200);
    for (name, mut app, codes) in users {
        let mut p = login_expect(node.addr, &name, "second_factor_required");
        let r = second_factor(&mut p, json!({"code": app.next_code()}));
        assert_eq!(r.status, 200, "{name}: {}", r.text());
        let mut q = login_expect(node.addr, &name, "second_factor_required");
        let r = second_factor(&mut q, json!({"backup_code": codes[1]}));
        assert_eq!(r.status, 200, "{name} backup code: {}", r.text());
    }
    let _ = std::fs::remove_file(backup);
}

#[test]
fn bad_operations_input_is_refused_clearly() {
    let dir = TempDir::new("deadbolt_opsbad");
    let d = dir.str();
    let err = run_fails(&["serve", "--data-dir", d, "--log-format", "xml"], &[]);
    assert!(err.contains("xml") && err.contains("log-format"), "{err}");
    let err = run_fails(
        &[
            "serve",
            "--data-dir",
            d,
            "--metrics-listen",
            "not an address",
        ],
        &[],
    );
    assert!(err.contains("--metrics-listen"), "{err}");
    let err = run_fails(
        &[
            "serve",
            "--data-dir",
            d,
            "--listen",
            "127.0.0.1:18999",
            "--metrics-listen",
            "127.0.0.1:18999",
        ],
        &[],
    );
    assert!(err.contains("--metrics-listen must differ"), "{err}");
    // A backup of an installation that does not exist, and into a directory
    // that does not exist: refused, nothing created.
    let err = run_fails(&["backup", "--to", "/tmp/x.db", "--data-dir", d], &[]);
    assert!(err.contains("no Deadbolt database"), "{err}");
    let node = Node::start(&["--data-dir", d], &[]);
    drop(node);
    let err = run_fails(
        &[
            "backup",
            "--to",
            "/nonexistent-dir/backup.db",
            "--data-dir",
            d,
        ],
        &[],
    );
    assert!(err.contains("/nonexistent-dir/backup.db"), "{err}");
    assert!(!std::path::Path::new("/nonexistent-dir").exists());
}
