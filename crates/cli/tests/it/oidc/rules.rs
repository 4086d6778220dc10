//! Every rule's failing case: redirect URI tricks, PKCE, repeated and
//! oversized parameters, `prompt=none`, wrong secrets, another client's
//! code or token, replays, a disabled user; discovery, the JWKS and the
//! client commands.

use super::*;
use crate::http::{Resp, request};
use crate::node::{Node, run_ok, signup};

#[test]
fn authorize_refuses_bad_requests_without_redirecting_to_strangers() {
    let (node, dir, _) = oidc_node(&[]);
    let (id, _) = add_client(dir.str(), "App", &[]);
    let (public, secret) = add_client(dir.str(), "Spa", &["--public"]);
    assert!(secret.is_none(), "a public client has no secret");
    let mut b = Browser::new(node.addr);
    let (challenge, _) = pkce();
    let base = |client: &str, redirect: &str| {
        vec![
            ("response_type", "code".to_owned()),
            ("client_id", client.to_owned()),
            ("redirect_uri", redirect.to_owned()),
            ("scope", "openid".to_owned()),
            ("state", "xyz".to_owned()),
        ]
    };
    let go = |b: &mut Browser, pairs: &[(&str, String)]| {
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        b.send("GET", &authorize_path(&refs), None)
    };
    // Unknown client, redirect URI tricks: a page, never a redirect.
    for (client, redirect) in [
        ("nope", REDIRECT),
        (id.as_str(), "http://127.0.0.1:9/cb/../evil"),
        (id.as_str(), "http://127.0.0.1:9/cbx"),
        (id.as_str(), "http://127.0.0.1:9/c"),
        (id.as_str(), "http://127.0.0.1:9/cb?x=1"),
        (id.as_str(), "http://127.0.0.1:9/cb#"),
        (id.as_str(), "HTTP://127.0.0.1:9/cb"),
        (id.as_str(), "http://evil.example/cb"),
    ] {
        let r = go(&mut b, &base(client, redirect));
        assert_eq!(r.status, 400, "{client} {redirect}: {}", r.text());
        assert!(r.header("location").is_none(), "{redirect}");
    }
    let mut twice = base(&id, REDIRECT);
    twice.push(("client_id", id.clone()));
    assert_eq!(go(&mut b, &twice).status, 400);
    assert_eq!(
        b.send("GET", "/oauth2/authorize?client_id=%FF", None)
            .status,
        400,
        "not UTF-8"
    );
    // A login page whose continuation names a return address the client
    // never registered widens nothing.
    for redirect in [REDIRECT, "http://evil.example/cb"] {
        let q = form(&[("client_id", &id), ("redirect_uri", redirect)]);
        let next = format!(
            "/oauth2/authorize/continue?q={}",
            data_encoding::BASE64URL_NOPAD.encode(q.as_bytes())
        );
        let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        let page = b.send("GET", &format!("/login?next={next}"), None);
        assert_eq!(page.status, 200, "{}", page.text());
        if redirect == REDIRECT {
            form_action_is(&page, "'self' http://127.0.0.1:9;");
        } else {
            form_action_is(&page, "'self';");
        }
    }
    // Everything else goes back with error and state.
    let back = |r: &Resp| -> (String, Option<String>) {
        assert_eq!(r.status, 303, "{}", r.text());
        let l = r.header("location").unwrap();
        assert!(l.starts_with(REDIRECT), "{l}");
        (param(l, "error").unwrap(), param(l, "state"))
    };
    let with = |extra: &[(&'static str, &str)], client: &str| {
        let mut p = base(client, REDIRECT);
        p.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
        p
    };
    let plain = with(
        &[
            ("code_challenge", &challenge),
            ("code_challenge_method", "plain"),
        ],
        &id,
    );
    assert_eq!(
        back(&go(&mut b, &plain)),
        ("invalid_request".into(), Some("xyz".into()))
    );
    let no_method = with(&[("code_challenge", &challenge)], &id);
    assert_eq!(
        back(&go(&mut b, &no_method)).0,
        "invalid_request",
        "plain by default"
    );
    assert_eq!(
        back(&go(&mut b, &base(&public, REDIRECT))).0,
        "invalid_request",
        "public without PKCE"
    );
    let mut token_type = base(&id, REDIRECT);
    token_type[0].1 = "token".into();
    assert_eq!(
        back(&go(&mut b, &token_type)).0,
        "unsupported_response_type"
    );
    let mut repeated = base(&id, REDIRECT);
    repeated.push(("scope", "openid".into()));
    assert_eq!(
        back(&go(&mut b, &repeated)),
        ("invalid_request".into(), Some("xyz".into()))
    );
    let mut huge = base(&id, REDIRECT);
    huge[4].1 = "s".repeat(5000);
    assert_eq!(
        back(&go(&mut b, &huge)),
        ("invalid_request".into(), None),
        "state not echoed"
    );
    let mut scope = base(&id, REDIRECT);
    scope[3].1 = "openid admin".into();
    assert_eq!(back(&go(&mut b, &scope)).0, "invalid_scope");
    let none = with(&[("prompt", "none")], &id);
    assert_eq!(
        back(&go(&mut b, &none)),
        ("login_required".into(), Some("xyz".into()))
    );
    // Deny on the consent page.
    signup(node.addr, "dan");
    let first = base(&id, REDIRECT);
    let refs: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let login = b.follow(&authorize_path(&refs));
    let consent = b.sign_in(&login, "dan", None);
    let denied = b.consent(&consent, "deny");
    assert_eq!(back(&denied), ("access_denied".into(), Some("xyz".into())));
    // Signed in, prompt=none before consent: consent_required.
    assert_eq!(back(&go(&mut b, &none)).0, "consent_required");
}

#[test]
fn token_endpoint_rules() {
    let (node, dir, _) = oidc_node(&[]);
    let (a, a_secret) = add_client(dir.str(), "A", &[]);
    let (bid, b_secret) = add_client(dir.str(), "B", &[]);
    let (a_secret, b_secret) = (a_secret.unwrap(), b_secret.unwrap());
    signup(node.addr, "tom");
    let mut browser = Browser::new(node.addr);
    let (challenge, verifier) = pkce();
    let code = code_for(&mut browser, &a, &challenge, "tom");
    let exchange = |client: &str, secret: &str, code: &str, verifier: &str| {
        token(
            node.addr,
            &[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", REDIRECT),
                ("code_verifier", verifier),
                ("client_id", client),
                ("client_secret", secret),
            ],
        )
    };
    // JSON where a form is required.
    let r = request(
        node.addr,
        "POST",
        "/oauth2/token",
        &[("Content-Type", "application/json")],
        Some(br#"{"grant_type":"authorization_code"}"#),
    )
    .unwrap();
    assert_eq!((r.status, error_of(&r)), (400, "invalid_request".into()));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    // Wrong secret, another client, wrong or missing verifier: refused, and
    // the code still works for its owner afterwards (nothing was spent).
    let r = exchange(&a, "wrong", &code, &verifier);
    assert_eq!((r.status, error_of(&r)), (401, "invalid_client".into()));
    let r = exchange(&bid, &b_secret, &code, &verifier);
    assert_eq!((r.status, error_of(&r)), (400, "invalid_grant".into()));
    let (_, other_verifier) = pkce();
    let r = exchange(&a, &a_secret, &code, &other_verifier);
    assert_eq!(error_of(&r), "invalid_grant");
    let r = token(
        node.addr,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", &a),
            ("client_secret", &a_secret),
        ],
    );
    assert_eq!(error_of(&r), "invalid_grant", "missing verifier");
    let r = token(node.addr, &[("grant_type", "password"), ("client_id", &a)]);
    assert_eq!(error_of(&r), "unsupported_grant_type");
    let mut dup = form(&[("grant_type", "authorization_code"), ("code", &code)]);
    dup.push_str("&code=x");
    let r = request(
        node.addr,
        "POST",
        "/oauth2/token",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        Some(dup.as_bytes()),
    )
    .unwrap();
    assert_eq!(error_of(&r), "invalid_request", "a repeated parameter");
    let r = exchange(&a, &a_secret, &code, &verifier);
    assert_eq!(r.status, 200, "the owner's exchange: {}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let issued = r.json();
    let access = issued["access_token"].as_str().unwrap().to_owned();
    let info = |token: &str| {
        request(
            node.addr,
            "GET",
            "/oauth2/userinfo",
            &[("Authorization", &format!("Bearer {token}"))],
            None,
        )
        .unwrap()
    };
    assert_eq!(info(&access).status, 200);
    // The replay: refused, and what the code issued is revoked.
    let r = exchange(&a, &a_secret, &code, &verifier);
    assert_eq!(error_of(&r), "invalid_grant");
    let r = info(&access);
    assert_eq!(r.status, 401);
    assert!(
        r.header("www-authenticate")
            .unwrap()
            .contains("invalid_token")
    );
    // Client B cannot use or revoke A's tokens.
    let code = code_for(&mut browser, &a, &challenge, "tom");
    let issued = exchange(&a, &a_secret, &code, &verifier).json();
    let refresh = issued["refresh_token"].as_str().unwrap().to_owned();
    let r = token(
        node.addr,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", &bid),
            ("client_secret", &b_secret),
        ],
    );
    assert_eq!(error_of(&r), "invalid_grant");
    // A disabled user gets nothing more.
    run_ok(&["user", "disable", "tom", "--data-dir", dir.str()], &[]);
    assert_eq!(info(issued["access_token"].as_str().unwrap()).status, 401);
    let r = token(
        node.addr,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", &a),
            ("client_secret", &a_secret),
        ],
    );
    assert_eq!(error_of(&r), "invalid_grant");
}

#[test]
fn discovery_jwks_and_client_admin() {
    let (node, dir, issuer) = oidc_node(&[]);
    let r = request(
        node.addr,
        "GET",
        "/.well-known/openid-configuration",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(r.status, 200);
    let d = r.json();
    assert_eq!(d["issuer"], issuer.as_str());
    for key in [
        "authorization_endpoint",
        "token_endpoint",
        "userinfo_endpoint",
        "jwks_uri",
        "revocation_endpoint",
    ] {
        assert!(
            d[key]
                .as_str()
                .unwrap()
                .starts_with(&format!("{issuer}/oauth2/")),
            "{key}"
        );
    }
    assert_eq!(
        d["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    assert_eq!(
        d["id_token_signing_alg_values_supported"],
        serde_json::json!(["ES256"])
    );
    // The CLI: add (secret once), list, remove; bad input refused.
    let (id, secret) = add_client(
        dir.str(),
        "Gitea",
        &["--trusted", "--scope", "openid profile", "--scope", "email"],
    );
    let secret = secret.unwrap();
    assert!(secret.len() >= 43, "≥ 256 bits");
    let list = run_ok(&["oidc", "client", "list", "--data-dir", dir.str()], &[]);
    assert!(
        list.contains("Gitea") && list.contains(&id) && list.contains("skipped"),
        "{list}"
    );
    assert!(!list.contains(&secret), "the secret is shown once only");
    let db = std::fs::read(dir.path().join("deadbolt.db")).unwrap();
    assert!(
        !db.windows(secret.len()).any(|w| w == secret.as_bytes()),
        "stored hashed"
    );
    for bad in [
        "oidc client add X --redirect-uri http://evil.example/cb",
        "oidc client add X --redirect-uri https://a.example/cb --scope admin",
        "oidc client add Gitea --redirect-uri https://a.example/cb",
        "oidc client remove Nope",
    ] {
        let mut args: Vec<&str> = bad.split_whitespace().collect();
        args.extend(["--data-dir", dir.str()]);
        crate::node::run_fails(&args, &[]);
    }
    // Keys: one current key in the JWKS after the first signature; a
    // rotation adds one and keeps the old one published.
    signup(node.addr, "kai");
    let (challenge, verifier) = pkce();
    let mut browser = Browser::new(node.addr);
    let code = code_for(&mut browser, &id, &challenge, "kai");
    let r = token(
        node.addr,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", &verifier),
            ("client_id", &id),
            ("client_secret", &secret),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let jwks = |n: &Node| {
        request(n.addr, "GET", "/oauth2/jwks", &[], None)
            .unwrap()
            .json()
    };
    let keys = jwks(&node)["keys"].as_array().unwrap().clone();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["crv"], "P-256");
    assert!(keys[0].get("d").is_none(), "no private part");
    run_ok(&["keys", "rotate", "--data-dir", dir.str()], &[]);
    let after = jwks(&node)["keys"].as_array().unwrap().clone();
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(after.iter().any(|k| k["kid"] == keys[0]["kid"]));
    assert!(
        run_ok(
            &["oidc", "client", "remove", "Gitea", "--data-dir", dir.str()],
            &[]
        )
        .contains("removed")
    );
}
