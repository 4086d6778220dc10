//! Forward-auth's operator side through the built binary: `serve --signup
//! closed`, `user add` and its enrolment link, `user group`, `user
//! disable|enable`, `user list`, `access check`, and a config refused at start.

use crate::http::request;
use crate::node::{Node, PASSWORD, TempDir, login, run_fails, run_ok};

/// `application/x-www-form-urlencoded`.
fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        char::from(b).to_string()
                    }
                    b' ' => "+".to_owned(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The row of `name` in `user list`.
fn listed(dir: &str, name: &str) -> String {
    let out = run_ok(&["user", "list", "--data-dir", dir], &[]);
    assert!(out.lines().next().unwrap().contains("groups"), "{out}");
    out.lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("{name} not listed: {out}"))
        .to_owned()
}

/// The path and token of the enrolment link `user add` or `user link` printed.
fn enrol_link(out: &str) -> (&str, &str) {
    let link = out
        .lines()
        .find(|l| l.starts_with("https://auth.example.com/enrol?token="))
        .unwrap_or_else(|| panic!("no link in {out}"));
    let path = link.trim_start_matches("https://auth.example.com");
    (path, path.trim_start_matches("/enrol?token="))
}

#[test]
fn closed_signup_user_add_enrolment_groups_and_disable() {
    let dir = TempDir::new("deadbolt_fa_users");
    let node = Node::start(&["--data-dir", dir.str(), "--signup", "closed"], &[]);
    let body = br#"{"username":"mallory","password":"correct horse battery staple"}"#;
    let r = request(
        node.addr,
        "POST",
        "/api/v1/signup",
        &[("Content-Type", "application/json")],
        Some(body),
    )
    .unwrap();
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.error_code(), "signup_closed");

    let err = run_fails(
        &["user", "add", "erin", "--data-dir", dir.str()],
        &[("DEADBOLT_PUBLIC_URL", "")],
    );
    assert!(err.contains("public URL"), "{err}");
    let out = run_ok(
        &[
            "user",
            "add",
            "Erin",
            "--group",
            "staff",
            "--public-url",
            "https://auth.example.com/",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    let (path, token) = enrol_link(&out);
    assert_eq!(token.len(), 43, "{out}");
    assert!(
        run_fails(
            &[
                "user",
                "add",
                "erin",
                "--public-url",
                "https://a.example",
                "--data-dir",
                dir.str()
            ],
            &[]
        )
        .contains("taken")
    );

    // A lost link: `user link` prints a fresh one and the first stops working.
    let first = path.to_owned();
    let out = run_ok(
        &[
            "user",
            "link",
            "erin",
            "--public-url",
            "https://auth.example.com",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(out.contains("earlier links no longer work"), "{out}");
    let (path, token) = enrol_link(&out);
    assert_ne!(path, first);
    let r = request(node.addr, "GET", &first, &[], None).unwrap();
    assert_eq!(r.status, 400, "the first link is dead: {}", r.text());
    let err = run_fails(
        &[
            "user",
            "link",
            "nobody",
            "--public-url",
            "https://auth.example.com",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(err.contains("no such user"), "{err}");

    // The link: a page with the name, then the password is set once.
    let r = request(node.addr, "GET", path, &[], None).unwrap();
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Erin"), "{}", r.text());
    let fields = form(&[
        ("token", token),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ]);
    let headers = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Sec-Fetch-Site", "same-origin"),
    ];
    let r = request(
        node.addr,
        "POST",
        "/enrol",
        &headers,
        Some(fields.as_bytes()),
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    let r = request(
        node.addr,
        "POST",
        "/enrol",
        &headers,
        Some(fields.as_bytes()),
    )
    .unwrap();
    assert_eq!(r.status, 400, "a spent link");
    let (mut erin, r) = login(node.addr, "erin");
    assert_eq!(r.json()["status"], "authenticated", "{}", r.text());
    // Once a password is chosen, no operator link opens the account again.
    let err = run_fails(
        &[
            "user",
            "link",
            "erin",
            "--public-url",
            "https://auth.example.com",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(err.contains("already chosen a password"), "{err}");

    // Groups.
    let out = run_ok(
        &[
            "user",
            "group",
            "add",
            "erin",
            "Admins",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(out.contains("now in group admins"), "{out}");
    let row = listed(dir.str(), "Erin");
    assert!(
        row.contains("active") && row.ends_with("admins,staff"),
        "{row}"
    );
    assert_eq!(
        erin.get("/api/v1/me").json()["groups"],
        serde_json::json!(["admins", "staff"])
    );
    run_ok(
        &[
            "user",
            "group",
            "remove",
            "erin",
            "admins",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(listed(dir.str(), "Erin").ends_with("staff"));
    let err = run_fails(
        &[
            "user",
            "group",
            "add",
            "erin",
            "bad group",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(err.contains("not a group name"), "{err}");
    let err = run_fails(
        &[
            "user",
            "group",
            "add",
            "nobody",
            "x",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    assert!(err.contains("no such user"), "{err}");

    // Disable: the session ends and the password no longer signs in.
    let out = run_ok(&["user", "disable", "erin", "--data-dir", dir.str()], &[]);
    assert!(out.contains("disabled"), "{out}");
    assert_eq!(erin.get("/api/v1/me").status, 401);
    assert!(listed(dir.str(), "Erin").contains("disabled"));
    let (_, r) = login(node.addr, "erin");
    assert_eq!(r.status, 403);
    assert_eq!(r.error_code(), "account_disabled");
    run_ok(&["user", "enable", "erin", "--data-dir", dir.str()], &[]);
    let (_, r) = login(node.addr, "erin");
    assert_eq!(r.status, 200, "{}", r.text());
}

const RULES: &str = r#"
[access_control]
default_policy = "deny"
[[access_control.rules]]
domain = ["*.example.com"]
resources = ["^/api/public/"]
methods = ["GET", "HEAD"]
policy = "bypass"
[[access_control.rules]]
domain = ["admin.example.com"]
subject = ["group:admins", "user:alice"]
policy = "two_factor"
"#;

#[test]
fn access_check_prints_the_rule_and_why() {
    let dir = TempDir::new("deadbolt_fa_check");
    let config = dir.path().join("deadbolt.toml");
    std::fs::write(&config, RULES).unwrap();
    let cfg = config.to_str().unwrap();
    let out = run_ok(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "https://app.example.com/api/public/x",
        ],
        &[],
    );
    assert!(
        out.contains("rule 1: matches") && out.contains("policy bypass"),
        "{out}"
    );
    let out = run_ok(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "--method",
            "POST",
            "https://app.example.com/api/public/x",
        ],
        &[],
    );
    assert!(
        out.contains("rule 1: skipped, method does not match"),
        "{out}"
    );
    assert!(
        out.contains("no rule matches: default_policy deny"),
        "{out}"
    );
    let out = run_ok(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "https://admin.example.com/",
        ],
        &[],
    );
    assert!(
        out.contains("rule 2: matches, but names a subject"),
        "{out}"
    );
    // For a user, with their groups from the database.
    run_ok(&["migrate", "--data-dir", dir.str()], &[]);
    run_ok(
        &[
            "user",
            "add",
            "bob",
            "--group",
            "admins",
            "--public-url",
            "http://x.example",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    run_ok(
        &[
            "user",
            "add",
            "carol",
            "--public-url",
            "http://x.example",
            "--data-dir",
            dir.str(),
        ],
        &[],
    );
    let out = run_ok(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "--user",
            "bob",
            "--data-dir",
            dir.str(),
            "https://admin.example.com/",
        ],
        &[],
    );
    assert!(
        out.contains("groups: admins")
            && out.contains("rule 2: matches")
            && out.contains("two_factor"),
        "{out}"
    );
    let out = run_ok(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "--user",
            "carol",
            "--data-dir",
            dir.str(),
            "https://admin.example.com/",
        ],
        &[],
    );
    assert!(
        out.contains("rule 2: skipped, subject does not match"),
        "{out}"
    );
    let err = run_fails(
        &[
            "access",
            "check",
            "--config",
            cfg,
            "--user",
            "nobody",
            "--data-dir",
            dir.str(),
            "https://admin.example.com/",
        ],
        &[],
    );
    assert!(err.contains("no such user"), "{err}");
    let err = run_fails(&["access", "check", "--config", cfg, "/relative"], &[]);
    assert!(err.contains("not an absolute"), "{err}");
}

#[test]
fn fail_a_bad_access_table_refuses_to_start_with_line_rule_and_reason() {
    let dir = TempDir::new("deadbolt_fa_bad");
    for (bad, expected) in [
        (
            RULES.replace("^/api/public/", "^/api/(public"),
            "line 4: access_control rule 1: invalid regex",
        ),
        (
            RULES.replace("\"two_factor\"", "\"allow\""),
            "line 9: access_control rule 2: unknown policy",
        ),
        (
            RULES.replace("[\"admin.example.com\"]", "[]"),
            "line 9: access_control rule 2: domain is empty",
        ),
        (
            RULES.replace("\"deny\"", "\"sometimes\""),
            "line 3: access_control: unknown default_policy",
        ),
        (format!("cookie_domain = \"a b\"\n{RULES}"), "cookie_domain"),
    ] {
        let config = dir.path().join("bad.toml");
        std::fs::write(&config, &bad).unwrap();
        let err = Node::try_start(
            &[
                "--data-dir",
                dir.str(),
                "--config",
                config.to_str().unwrap(),
            ],
            &[],
        )
        .err()
        .expect("refused");
        assert!(err.contains(expected), "{expected}: {err}");
        let check = crate::deadbolt(&[
            "access",
            "check",
            "--config",
            config.to_str().unwrap(),
            "https://a.example.com/",
        ]);
        assert!(!check.status.success() || expected == "cookie_domain");
    }
}
