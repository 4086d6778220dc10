use super::*;

fn spec(toml_rules: Vec<RuleSpec>, default: &str) -> AccessControlSpec {
    AccessControlSpec {
        default_policy: Some(default.into()),
        rules: toml_rules,
    }
}

fn rule(domain: &[&str], policy: &str) -> RuleSpec {
    RuleSpec {
        domain: domain.iter().map(|s| s.to_string()).collect(),
        policy: policy.into(),
        ..RuleSpec::default()
    }
}

fn t<'a>(method: &'a str, host: &'a str, path: &'a str) -> Target<'a> {
    Target {
        method,
        host,
        path_and_query: path,
    }
}

fn session(name: &str, groups: &[&str], two_factor: bool, passed: bool) -> SessionInfo {
    SessionInfo {
        token_hash: vec![1],
        user_id: 1,
        username: name.into(),
        email: Some(format!("{name}@example.com")),
        stage: Stage::Full,
        created_at: 0,
        expires_at: 1,
        two_factor_enabled: two_factor,
        authenticator_app: two_factor,
        has_passkey: false,
        backup_codes_remaining: 0,
        second_factor_at: passed.then_some(0),
        groups: groups.iter().map(|s| s.to_string()).collect(),
        language: None,
    }
}

fn example() -> AccessRules {
    let mut public = rule(&["*.example.com"], "bypass");
    public.resources = Some(vec!["^/api/public/".into()]);
    public.methods = Some(vec!["GET".into(), "head".into()]);
    let mut admins = rule(&["admin.example.com"], "two_factor");
    admins.subject = Some(vec!["group:admins".into(), "user:Alice".into()]);
    let wiki = rule(&["wiki.example.com"], "one_factor");
    let secret = rule(&["secret.example.com"], "two_factor");
    let closed = rule(&["closed.example.com"], "deny");
    AccessRules::compile(&spec(vec![public, admins, wiki, secret, closed], "deny")).unwrap()
}

#[test]
fn first_match_wins_and_default_applies() {
    let r = example();
    assert_eq!(
        r.matching(&t("GET", "wiki.example.com", "/api/public/x"), None),
        Matched::Rule(1, Policy::Bypass)
    );
    assert_eq!(
        r.matching(&t("POST", "wiki.example.com", "/api/public/x"), None),
        Matched::Rule(3, Policy::OneFactor),
        "method outside the first rule"
    );
    assert_eq!(
        r.matching(&t("GET", "example.com", "/api/public/x"), None),
        Matched::Default(Policy::Deny),
        "*.example.com does not cover example.com"
    );
    assert_eq!(
        r.matching(&t("GET", "other.org", "/"), None),
        Matched::Default(Policy::Deny)
    );
}

#[test]
fn decisions_per_policy() {
    let r = example();
    let plain = session("bob", &[], false, false);
    let strong = session("bob", &["staff"], true, true);
    let wiki = t("GET", "wiki.example.com", "/page");
    let secret = t("GET", "secret.example.com", "/");
    assert_eq!(r.decide(&wiki, None), Decision::Login);
    assert!(matches!(
        r.decide(&wiki, Some(&plain)),
        Decision::Allow(Some(_))
    ));
    assert_eq!(r.decide(&secret, None), Decision::Login);
    assert_eq!(r.decide(&secret, Some(&plain)), Decision::SetUpSecondFactor);
    let mut stale = strong.clone();
    stale.second_factor_at = None;
    assert_eq!(r.decide(&secret, Some(&stale)), Decision::Login);
    let Decision::Allow(Some(id)) = r.decide(&secret, Some(&strong)) else {
        panic!("two factors pass")
    };
    assert_eq!(
        (id.user.as_str(), id.email.as_str(), id.groups.as_str()),
        ("bob", "bob@example.com", "staff")
    );
    let closed = t("GET", "closed.example.com", "/");
    assert_eq!(r.decide(&closed, None), Decision::Forbidden);
    assert_eq!(r.decide(&closed, Some(&strong)), Decision::Forbidden);
    assert_eq!(
        r.decide(&t("GET", "a.example.com", "/api/public/1"), None),
        Decision::Allow(None)
    );
    // A pending session is no session.
    let mut pending = strong.clone();
    pending.stage = Stage::Pending;
    assert_eq!(r.decide(&wiki, Some(&pending)), Decision::Login);
}

#[test]
fn subjects_need_an_identity_then_match_users_and_groups() {
    let r = example();
    let admin = t("GET", "admin.example.com", "/");
    assert_eq!(r.matching(&admin, None), Matched::NeedsIdentity(2));
    assert_eq!(r.decide(&admin, None), Decision::Login);
    let outsider = session("bob", &["staff"], true, true);
    assert_eq!(r.decide(&admin, Some(&outsider)), Decision::Forbidden);
    let member = session("carol", &["admins"], true, true);
    assert!(matches!(
        r.decide(&admin, Some(&member)),
        Decision::Allow(_)
    ));
    let alice = session("ALICE", &[], true, true);
    assert!(matches!(r.decide(&admin, Some(&alice)), Decision::Allow(_)));
    let who = Visitor {
        username: "bob",
        groups: &outsider.groups,
    };
    let explained = r.explain(&admin, Some(&who));
    assert_eq!(explained[1], "rule 2: skipped, subject does not match");
    assert_eq!(
        explained.last().unwrap(),
        "no rule matches: default_policy deny"
    );
}

#[test]
fn resources_see_the_query() {
    let mut q = rule(&["x.example.com"], "bypass");
    q.resources = Some(vec![r"[?&]token=".into()]);
    let r = AccessRules::compile(&spec(vec![q], "one_factor")).unwrap();
    assert_eq!(
        r.decide(&t("GET", "x.example.com", "/a?token=1"), None),
        Decision::Allow(None)
    );
    assert_eq!(
        r.decide(&t("GET", "x.example.com", "/a"), None),
        Decision::Login
    );
}

#[test]
fn fail_bad_tables_are_refused_with_rule_and_reason() {
    let err = |rules: Vec<RuleSpec>, default: &str| {
        AccessRules::compile(&spec(rules, default)).unwrap_err()
    };
    let e = err(vec![], "allow");
    assert_eq!(e.rule, None);
    assert!(e.reason.contains("default_policy"), "{e}");
    let mut bad_regex = rule(&["a.example.com"], "bypass");
    bad_regex.resources = Some(vec!["^/(unclosed".into()]);
    let e = err(vec![rule(&["ok.example.com"], "deny"), bad_regex], "deny");
    assert_eq!(e.rule, Some(2));
    assert!(e.reason.contains("invalid regex"), "{e}");
    assert!(e.to_string().starts_with("access_control rule 2: "), "{e}");
    let e = err(vec![rule(&["a.example.com"], "allow")], "deny");
    assert!(e.reason.contains("unknown policy"), "{e}");
    for never in [
        rule(&[], "deny"),
        rule(&["https://a.example.com"], "deny"),
        rule(&["a.example.com:443"], "deny"),
        rule(&["*.*.example.com"], "deny"),
        rule(&["a*.example.com"], "deny"),
        RuleSpec {
            methods: Some(vec![]),
            ..rule(&["a.example.com"], "deny")
        },
        RuleSpec {
            methods: Some(vec!["FETCH".into()]),
            ..rule(&["a.example.com"], "deny")
        },
        RuleSpec {
            resources: Some(vec![]),
            ..rule(&["a.example.com"], "deny")
        },
        RuleSpec {
            subject: Some(vec![]),
            ..rule(&["a.example.com"], "deny")
        },
    ] {
        let e = err(vec![never.clone()], "deny");
        assert_eq!(e.rule, Some(1), "{never:?}");
        assert!(e.reason.contains("never match"), "{never:?}: {e}");
    }
    let e = err(
        vec![RuleSpec {
            subject: Some(vec!["role:admins".into()]),
            ..rule(&["a.example.com"], "deny")
        }],
        "deny",
    );
    assert!(e.reason.contains("unknown subject"), "{e}");
    let e = err(
        vec![RuleSpec {
            subject: Some(vec!["group:admins".into()]),
            ..rule(&["a.example.com"], "bypass")
        }],
        "deny",
    );
    assert!(e.reason.contains("bypass"), "{e}");
}

#[test]
fn group_names_are_normalised_or_refused() {
    assert_eq!(normalize_group(" Admins ").as_deref(), Some("admins"));
    for bad in ["", "a,b", "a b", "é", &"x".repeat(65)] {
        assert_eq!(normalize_group(bad), None, "{bad:?}");
    }
}
