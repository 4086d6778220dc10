//! Several `deadbolt serve` processes on ONE PostgreSQL database with the
//! same keys: every rule that protects the second factor (replay, single-use
//! backup codes, throttling, sessions) must hold across nodes, and a node
//! that dies loses nothing that was acknowledged. All `#[ignore]`d: they need
//! PostgreSQL on 127.0.0.1:5432 (an unreachable PostgreSQL is a failure).

use std::sync::{Arc, Barrier};
use std::time::Duration;

use serde_json::json;

use crate::http::Client;
use crate::node::{
    Node, PgDb, TempDir, assert_holds_no_secret, event_kinds, eventually, fresh_keys, login_expect,
    run, run_fails, run_in, second_factor, signup, user_with_two_factor,
};

/// A fresh database and `n` nodes on it sharing one `DEADBOLT_KEYS`.
struct Cluster {
    nodes: Vec<Node>,
    _dir: TempDir,
    db: PgDb,
}

impl Cluster {
    fn start(n: usize) -> Cluster {
        let db = PgDb::create();
        let dir = TempDir::new("deadbolt_cluster");
        let keys = fresh_keys();
        let nodes = (0..n)
            .map(|i| {
                let data = dir.path().join(format!("node{i}"));
                Node::start(
                    &[
                        "--database-url",
                        &db.url,
                        "--data-dir",
                        data.to_str().expect("path"),
                    ],
                    &[("DEADBOLT_KEYS", &keys)],
                )
            })
            .collect();
        Cluster {
            nodes,
            _dir: dir,
            db,
        }
    }

    fn addr(&self, i: usize) -> std::net::SocketAddr {
        self.nodes[i % self.nodes.len()].addr
    }
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn a_code_accepted_on_one_node_is_refused_on_another() {
    let c = Cluster::start(3);
    let (mut app, _, _) = user_with_two_factor(c.addr(0), "alice");
    let mut a = login_expect(c.addr(0), "alice", "second_factor_required");
    let mut b = login_expect(c.addr(1), "alice", "second_factor_required");
    let code = app.next_code();
    let r = second_factor(&mut a, json!({"code": code}));
    assert_eq!(r.status, 200, "node A: {}", r.text());
    let r = second_factor(&mut b, json!({"code": code}));
    assert_eq!(
        r.status,
        401,
        "node B accepted a replayed code: {}",
        r.text()
    );
    assert_eq!(r.error_code(), "code_already_used", "{}", r.text());
    let mut b3 = b.on(c.addr(2));
    let r = second_factor(&mut b3, json!({"code": code}));
    assert_eq!(
        r.status,
        401,
        "node C accepted a replayed code: {}",
        r.text()
    );
    assert_eq!(
        b3.get("/api/v1/me").status,
        401,
        "still only a pending login"
    );
    // A fresh step passes on node B: only the replay was refused.
    let r = second_factor(&mut b, json!({"code": app.next_code()}));
    assert_eq!(r.status, 200, "{}", r.text());
    let kinds = event_kinds(&mut b);
    assert!(
        kinds.iter().any(|k| k == "code_replay_refused"),
        "{kinds:?}"
    );
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn one_totp_code_raced_on_three_nodes_signs_in_once() {
    // 7 pending logins (the password budget after the setup's three checks),
    // spread over the nodes, send the same code at the same moment.
    const RACERS: usize = 7;
    let c = Cluster::start(3);
    let (mut app, _, _) = user_with_two_factor(c.addr(0), "alice");
    let pending: Vec<Client> = (0..RACERS)
        .map(|i| login_expect(c.addr(i), "alice", "second_factor_required"))
        .collect();
    let code = app.next_code();
    let barrier = Arc::new(Barrier::new(RACERS));
    let threads: Vec<_> = pending
        .into_iter()
        .enumerate()
        .map(|(i, mut client)| {
            let code = code.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                client
                    .try_send(
                        "POST",
                        "/api/v1/login/second-factor",
                        Some(&json!({"code": code})),
                    )
                    .unwrap_or_else(|e| panic!("racer {i}: {e}"))
            })
        })
        .collect();
    let results: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("racer"))
        .collect();
    let ok = results.iter().filter(|r| r.status == 200).count();
    assert_eq!(
        ok,
        1,
        "one code signed in {ok} times: {:?}",
        results
            .iter()
            .map(|r| (r.status, r.error_code()))
            .collect::<Vec<_>>()
    );
    for r in results.iter().filter(|r| r.status != 200) {
        assert_eq!(r.status, 401, "{}", r.text());
        assert_eq!(r.error_code(), "code_already_used", "{}", r.text());
    }
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn one_backup_code_spent_concurrently_on_three_nodes_succeeds_once() {
    const SPENDS: usize = 50;
    // The password budget of one username is a burst of 10 password checks
    // (the setup used three: login, setup, backup codes), so 7 pending
    // logins carry the 50 spends; the second-factor budget (a burst of 10)
    // then lets at most 10 failures (and the one success) be evaluated, the
    // rest get 429.
    const PENDING: usize = 7;
    let c = Cluster::start(3);
    let (_, codes, _) = user_with_two_factor(c.addr(0), "alice");
    let pending: Vec<Client> = (0..PENDING)
        .map(|i| login_expect(c.addr(i), "alice", "second_factor_required"))
        .collect();
    let barrier = Arc::new(Barrier::new(SPENDS));
    let threads: Vec<_> = (0..SPENDS)
        .map(|i| {
            let mut client = pending[i % PENDING].on(c.addr(i));
            let code = codes[0].clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let r = client
                    .try_send(
                        "POST",
                        "/api/v1/login/second-factor",
                        Some(&json!({"backup_code": code})),
                    )
                    .unwrap_or_else(|e| panic!("spend {i}: {e}"));
                (r, client)
            })
        })
        .collect();
    let results: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("spend thread"))
        .collect();
    let mut tally = std::collections::BTreeMap::new();
    for (r, _) in &results {
        *tally
            .entry(format!("{} {}", r.status, r.error_code()))
            .or_insert(0) += 1;
    }
    eprintln!("50 spends of one backup code: {tally:?}");
    let winners: Vec<_> = results.iter().filter(|(r, _)| r.status == 200).collect();
    assert_eq!(
        winners.len(),
        1,
        "one backup code signed in {} times",
        winners.len()
    );
    for (r, _) in &results {
        assert!(
            matches!(r.status, 200 | 401 | 429),
            "unexpected answer {}: {}",
            r.status,
            r.text()
        );
    }
    // Only failures cost (the winner gave its take back): at most the
    // burst of 10 refused spends was evaluated.
    let refused = tally.get("401 wrong_code").copied().unwrap_or(0);
    assert!(
        refused <= 10,
        "{refused} failed attempts evaluated past a budget of 10: {tally:?}"
    );
    let mut winner = winners[0].1.clone();
    for i in 0..3 {
        let mut w = winner.on(c.addr(i));
        let me = w.get("/api/v1/me");
        assert_eq!(me.status, 200, "{}", me.text());
        assert_eq!(me.json()["two_factor"]["backup_codes_remaining"], 9);
    }
    let used = event_kinds(&mut winner)
        .iter()
        .filter(|k| *k == "backup_code_used")
        .count();
    assert_eq!(used, 1);
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn second_factor_throttling_is_shared_by_the_nodes() {
    let c = Cluster::start(3);
    let (mut app, _, _) = user_with_two_factor(c.addr(0), "alice");
    let pending = login_expect(c.addr(0), "alice", "second_factor_required");
    let wrong = app.wrong_code();
    for i in 0..10 {
        let mut on = pending.on(c.addr(i));
        let r = second_factor(&mut on, json!({"code": wrong}));
        assert_eq!(r.status, 401, "guess {i} on node {}: {}", i % 3, r.text());
        assert_eq!(r.error_code(), "wrong_code");
    }
    let right = app.next_code();
    for i in 10..13 {
        let mut on = pending.on(c.addr(i));
        let r = second_factor(&mut on, json!({"code": right}));
        assert_eq!(
            r.status,
            429,
            "attempt {} on node {} was evaluated: {}",
            i + 1,
            i % 3,
            r.text()
        );
        let retry: u64 = r
            .header("retry-after")
            .unwrap_or_else(|| panic!("429 without Retry-After: {:?}", r.headers))
            .parse()
            .expect("Retry-After in seconds");
        assert!((1..=900).contains(&retry), "Retry-After {retry}");
        assert_eq!(
            on.get("/api/v1/me").status,
            401,
            "the login is still pending"
        );
    }
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn a_session_works_on_every_node_and_logout_ends_it_everywhere() {
    let c = Cluster::start(3);
    let (_, codes, _) = user_with_two_factor(c.addr(0), "alice");
    let mut s = login_expect(c.addr(0), "alice", "second_factor_required");
    let r = second_factor(&mut s, json!({"backup_code": codes[0]}));
    assert_eq!(r.status, 200, "{}", r.text());
    for i in 0..3 {
        let r = s.on(c.addr(i)).get("/api/v1/me");
        assert_eq!(r.status, 200, "node {i}: {}", r.text());
        assert_eq!(r.json()["username"], "alice");
    }
    let mut on3 = s.on(c.addr(2));
    let r = on3.send("POST", "/api/v1/logout", None);
    assert_eq!(r.status, 204, "{}", r.text());
    for i in 0..3 {
        let r = s.on(c.addr(i)).get("/api/v1/me");
        assert_eq!(
            r.status,
            401,
            "node {i} still knows the session: {}",
            r.text()
        );
    }
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn a_node_killed_mid_login_loses_nothing() {
    let mut c = Cluster::start(3);
    let (mut app, codes, _) = user_with_two_factor(c.addr(0), "alice");
    // Acknowledged before the crash: a spent backup code.
    let mut s = login_expect(c.addr(1), "alice", "second_factor_required");
    let r = second_factor(&mut s, json!({"backup_code": codes[0]}));
    assert_eq!(r.status, 200, "{}", r.text());
    // Password step on node 0, then node 0 dies.
    let pending = login_expect(c.addr(0), "alice", "second_factor_required");
    c.nodes[0].kill();
    assert_eq!(c.nodes[0].health(), None, "node 0 is dead");
    // The login continues on node 1.
    let mut cont = pending.on(c.nodes[1].addr);
    let r = second_factor(&mut cont, json!({"backup_code": codes[1]}));
    assert_eq!(
        r.status,
        200,
        "pending login lost with its node: {}",
        r.text()
    );
    let me = cont.on(c.nodes[2].addr).get("/api/v1/me").json();
    assert_eq!(me["two_factor"]["enabled"], true, "{me}");
    assert_eq!(me["two_factor"]["backup_codes_remaining"], 8, "{me}");
    // The spent code stays spent; the confirmed device still signs in.
    let mut again = login_expect(c.nodes[2].addr, "alice", "second_factor_required");
    let r = second_factor(&mut again, json!({"backup_code": codes[0]}));
    assert_eq!(
        r.status,
        401,
        "a spent backup code worked again: {}",
        r.text()
    );
    let r = second_factor(&mut again, json!({"code": app.next_code()}));
    assert_eq!(r.status, 200, "{}", r.text());
    // A replacement node sees the same.
    let fresh = c.nodes[1].restarted();
    let me = again.on(fresh.addr).get("/api/v1/me").json();
    assert_eq!(me["two_factor"]["backup_codes_remaining"], 8, "{me}");
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn healthz_reports_a_lost_database_and_an_unreachable_one_stops_startup() {
    let c = Cluster::start(1);
    assert_eq!(c.nodes[0].health(), Some(200));
    c.db.drop_now();
    assert!(
        eventually(Duration::from_secs(10), || c.nodes[0].health() == Some(503)),
        "/healthz never reported the dropped database (last: {:?})",
        c.nodes[0].health()
    );

    let dir = TempDir::new("deadbolt_unreachable");
    let keys = fresh_keys();
    let out = run(
        &[
            "serve",
            "--database-url",
            "postgres://postgres@127.0.0.1:1/nowhere",
            "--db-acquire-timeout",
            "2",
            "--data-dir",
            dir.str(),
            "--listen",
            "127.0.0.1:0",
        ],
        &[("DEADBOLT_KEYS", &keys)],
        Duration::from_secs(120),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "serve started without a database: {err}"
    );
    assert!(
        err.contains("cannot open the database") && err.contains("127.0.0.1:1"),
        "unclear message: {err}"
    );
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn operator_commands_on_the_shared_database_act_on_every_node() {
    let c = Cluster::start(3);
    let (_, codes, _) = user_with_two_factor(c.addr(0), "alice");
    signup(c.addr(1), "bob");
    let mut s = login_expect(c.addr(1), "alice", "second_factor_required");
    let r = second_factor(&mut s, json!({"backup_code": codes[0]}));
    assert_eq!(r.status, 200, "{}", r.text());

    // No DEADBOLT_KEYS and no --data-dir: listing needs no key, and no key
    // file appears in the working directory.
    let cwd = TempDir::new("deadbolt_cwd");
    let out = run_in(
        Some(cwd.path()),
        &["user", "list", "--database-url", &c.db.url],
        &[],
        Duration::from_secs(60),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let alice = text
        .lines()
        .find(|l| l.starts_with("alice "))
        .unwrap_or_else(|| panic!("{text}"));
    let cols: Vec<&str> = alice.split_whitespace().collect();
    assert_eq!(&cols[1..3], ["enabled", "9"], "{text}");
    assert!(text.lines().any(|l| l.starts_with("bob ")), "{text}");
    assert_eq!(
        std::fs::read_dir(cwd.path()).expect("cwd").count(),
        0,
        "user list left files in its working directory"
    );

    let out = run_in(
        Some(cwd.path()),
        &[
            "user",
            "reset-two-factor",
            "alice",
            "--database-url",
            &c.db.url,
        ],
        &[],
        Duration::from_secs(60),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for i in 0..3 {
        let r = s.on(c.addr(i)).get("/api/v1/me");
        assert_eq!(
            r.status,
            401,
            "node {i} kept a reset user's session: {}",
            r.text()
        );
    }
    let mut again = login_expect(c.addr(2), "alice", "authenticated");
    assert!(
        event_kinds(&mut again)
            .iter()
            .any(|k| k == "two_factor_reset_by_operator")
    );
    let err = run_fails(
        &[
            "user",
            "reset-two-factor",
            "nobody",
            "--database-url",
            &c.db.url,
        ],
        &[],
    );
    assert!(err.contains("no such user"), "{err}");
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn three_nodes_starting_at_once_migrate_a_fresh_database_once() {
    let db = PgDb::create();
    let dir = TempDir::new("deadbolt_cold");
    let keys = fresh_keys();
    let barrier = Arc::new(Barrier::new(3));
    let starters: Vec<_> = (0..3)
        .map(|i| {
            let (url, keys, barrier) = (db.url.clone(), keys.clone(), barrier.clone());
            let data = dir.path().join(format!("node{i}"));
            std::thread::spawn(move || {
                barrier.wait();
                Node::try_start(
                    &[
                        "--database-url",
                        &url,
                        "--data-dir",
                        data.to_str().expect("path"),
                    ],
                    &[("DEADBOLT_KEYS", &keys)],
                )
            })
        })
        .collect();
    let nodes: Vec<Node> = starters
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            t.join()
                .expect("starter")
                .unwrap_or_else(|e| panic!("node {i} failed to start on a fresh database: {e}"))
        })
        .collect();
    assert_eq!(
        db.sql("SELECT count(*) FROM _sqlx_migrations WHERE NOT success"),
        "0",
        "a failed migration"
    );
    let newest = db.sql("SELECT max(version) FROM _sqlx_migrations");
    let out = run(
        &["migrate", "--database-url", &db.url],
        &[],
        Duration::from_secs(60),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .ends_with(&format!(" {newest}")),
        "migrate disagrees with the nodes' schema {newest}"
    );
    user_with_two_factor(nodes[2].addr, "alice");
    login_expect(nodes[0].addr, "alice", "second_factor_required");
}

/// `pg_dump` of a database after a full flow holds no usable secret: no TOTP
/// secret, no backup code, no session token (sealed, hashed, hashed).
#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn a_pg_dump_holds_no_secret_no_backup_code_and_no_session_token() {
    let c = Cluster::start(1);
    let addr = c.nodes[0].addr;
    let (mut app, codes, first) = user_with_two_factor(addr, "dora");
    let mut cookies = vec![first.cookie_value().expect("cookie").to_string()];
    let mut d = login_expect(addr, "dora", "second_factor_required");
    let r = second_factor(&mut d, json!({"code": app.next_code()}));
    assert_eq!(r.status, 200, "{}", r.text());
    cookies.push(d.cookie_value().expect("cookie").to_string());
    let mut e = login_expect(addr, "dora", "second_factor_required");
    let r = second_factor(&mut e, json!({"backup_code": codes[0]}));
    assert_eq!(r.status, 200, "{}", r.text());
    cookies.push(e.cookie_value().expect("cookie").to_string());

    let out = std::process::Command::new("pg_dump")
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            "5432",
            "-U",
            "postgres",
            &c.db.name,
        ])
        .output()
        .expect("pg_dump runs (install postgresql-client)");
    assert!(
        out.status.success(),
        "pg_dump: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump = out.stdout;
    assert!(
        String::from_utf8_lossy(&dump).contains("CREATE TABLE public.devices"),
        "the dump has the schema and rows"
    );
    assert_holds_no_secret(&dump, &app.secret_base32, &codes, &cookies, "pg_dump");
}
