//! The whole flow driven by two independent client libraries (the
//! `openidconnect` crate and Python's authlib) through the real pages with a
//! TOTP code from oathtool, and a code redeemed once across two nodes.

use std::process::Command;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    AuthenticationContextClass, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, RedirectUrl, Scope, TokenResponse,
};
use serde_json::Value;

use super::*;
use crate::http::request;
use crate::node::{Node, PASSWORD, TempDir, run_ok, signup, user_with_two_factor};

#[test]
#[ignore = "needs oathtool (.ci/run installs it)"]
fn openidconnect_crate_signs_in_through_the_real_pages_with_totp() {
    let (node, dir, issuer) = oidc_node(&[]);
    let (app, _codes, _) = user_with_two_factor(node.addr, "olivia");
    let (id, secret) = add_client(dir.str(), "Grafana", &[]);
    let secret = secret.expect("a confidential client's secret");
    let http = http(node.addr);

    let meta = CoreProviderMetadata::discover(&IssuerUrl::new(issuer.clone()).unwrap(), &http)
        .expect("discovery");
    let client = CoreClient::from_provider_metadata(
        meta,
        ClientId::new(id.clone()),
        Some(ClientSecret::new(secret.clone())),
    )
    .set_redirect_uri(RedirectUrl::new(REDIRECT.into()).unwrap());
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("groups".into()))
        .set_pkce_challenge(challenge)
        .url();
    assert!(
        url.as_str()
            .starts_with(&format!("{issuer}/oauth2/authorize?"))
    );

    // The browser: no session, so the login page, the code page, the consent page.
    let mut browser = Browser::new(node.addr);
    let path = &url.as_str()[issuer.len()..];
    let login = browser.follow(path);
    assert_eq!(login.status, 200);
    assert!(
        login.text().contains("name=\"password\""),
        "{}",
        login.text()
    );
    // oathtool gives the current step's code: wait until that step is one
    // the set-up's confirmation has not used.
    let mut app = app;
    let (fresh, _) = app.next();
    while crate::node::unix_now() / 30 < fresh {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let code = oathtool(&app.secret_base32);
    // The login's and the consent's forms end on the client: its origin
    // (only) joins their form-action, or a browser blocks the last redirect.
    form_action_is(&login, "'self' http://127.0.0.1:9;");
    let consent = browser.sign_in(&login, "olivia", Some(&code));
    assert!(consent.text().contains("Grafana"), "{}", consent.text());
    form_action_is(&consent, "'self' http://127.0.0.1:9;");
    let back = browser.consent(&consent, "allow");
    assert_eq!(back.status, 303, "{}", back.text());
    let location = back.header("location").unwrap().to_owned();
    assert!(location.starts_with(REDIRECT), "{location}");
    assert_eq!(
        param(&location, "state").as_deref(),
        Some(csrf.secret().as_str())
    );
    assert_eq!(param(&location, "iss").as_deref(), Some(issuer.as_str()));
    let code = param(&location, "code").expect("a code");

    // The exchange, the ID token checked by the library (signature by the
    // JWKS, iss, aud, exp, nonce).
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request(&http)
        .expect("token exchange");
    let id_token = tokens.id_token().expect("an ID token");
    let claims = id_token
        .claims(&client.id_token_verifier(), &nonce)
        .expect("the ID token verifies");
    assert_eq!(claims.issuer().as_str(), issuer);
    assert_ne!(
        claims.subject().as_str(),
        "olivia",
        "sub is not the username"
    );
    assert_eq!(claims.subject().as_str().len(), 32);
    let amr: Vec<&str> = claims
        .auth_method_refs()
        .expect("amr")
        .iter()
        .map(|m| m.as_str())
        .collect();
    assert_eq!(amr, ["pwd", "otp"]);
    assert_eq!(
        claims.auth_context_ref(),
        Some(&AuthenticationContextClass::new("2fa".into()))
    );
    assert!(claims.auth_time().is_some());
    assert_eq!(
        claims.preferred_username().map(|u| u.as_str()),
        Some("olivia")
    );

    // Userinfo with the access token.
    let info: CoreUserInfoClaims = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request(&http)
        .expect("userinfo");
    assert_eq!(info.subject(), claims.subject());
    assert_eq!(
        info.preferred_username().map(|u| u.as_str()),
        Some("olivia")
    );

    // Refresh: rotation; the spent token again revokes the family.
    let first = tokens.refresh_token().expect("a refresh token").clone();
    let second = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request(&http)
        .expect("refresh");
    let rotated = second.refresh_token().expect("a new refresh token").clone();
    assert_ne!(rotated.secret(), first.secret());
    let again = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request(&http);
    assert!(again.is_err(), "a spent refresh token is refused");
    let after = client
        .exchange_refresh_token(&rotated)
        .unwrap()
        .request(&http);
    assert!(after.is_err(), "reuse revoked the whole family");
    assert!(
        {
            let r: Result<CoreUserInfoClaims, _> = client
                .user_info(second.access_token().clone(), None)
                .unwrap()
                .request(&http);
            r.is_err()
        },
        "the family's access tokens went too"
    );

    // A second sign-in needs no login and no consent (remembered); then
    // revocation (RFC 7009) of its access token.
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, _, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .url();
    let back = browser.follow(&url.as_str()[issuer.len()..]);
    assert_eq!(back.status, 303, "straight back: {}", back.text());
    let code = param(back.header("location").unwrap(), "code").unwrap();
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request(&http)
        .unwrap();
    tokens
        .id_token()
        .unwrap()
        .claims(&client.id_token_verifier(), &nonce)
        .unwrap();
    // The library refuses a revocation endpoint that is not https (this
    // test serves http), so RFC 7009 by hand here; authlib's test drives it.
    let revoke = |token: &str, hint: &str| {
        let r = crate::http::request(
            node.addr,
            "POST",
            "/oauth2/revoke",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            Some(
                form(&[
                    ("token", token),
                    ("token_type_hint", hint),
                    ("client_id", &id),
                    ("client_secret", &secret),
                ])
                .as_bytes(),
            ),
        )
        .unwrap();
        assert_eq!(r.status, 200, "revocation: {}", r.text());
    };
    revoke(tokens.access_token().secret(), "access_token");
    assert!({
        let r: Result<CoreUserInfoClaims, _> = client
            .user_info(tokens.access_token().clone(), None)
            .unwrap()
            .request(&http);
        r.is_err()
    });
    revoke(tokens.refresh_token().unwrap().secret(), "refresh_token");
    assert!(
        client
            .exchange_refresh_token(tokens.refresh_token().unwrap())
            .unwrap()
            .request(&http)
            .is_err()
    );
}

/// A signed-in browser (password only) and a confidential client: the
#[test]
#[ignore = "needs oathtool and Python's authlib (.ci/run installs them)"]
fn authlib_signs_in_through_the_real_pages_with_totp() {
    let (node, dir, issuer) = oidc_node(&[]);
    let (mut app, _codes, _) = user_with_two_factor(node.addr, "paula");
    let (id, secret) = add_client(dir.str(), "Outline", &[]);
    // The script's oathtool code must be of a step the set-up did not use.
    let (fresh, _) = app.next();
    while crate::node::unix_now() / 30 < fresh {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let script =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/oidc_authlib.py");
    let out = Command::new("python3")
        .arg(script)
        .args([
            issuer.as_str(),
            &id,
            &secret.unwrap(),
            REDIRECT,
            "paula",
            PASSWORD,
            &app.secret_base32,
        ])
        .output()
        .expect("python3 must be installed");
    assert!(
        out.status.success(),
        "oidc_authlib.py failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let claims: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(claims["amr"], serde_json::json!(["pwd", "otp"]));
    assert_eq!(claims["preferred_username"], "paula");
    assert_ne!(claims["sub"], "paula");
}

#[test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
fn a_code_issued_on_one_node_is_redeemed_once_across_nodes() {
    let db = crate::node::PgDb::create();
    let dir = TempDir::new("deadbolt_oidc_nodes");
    let keys = crate::node::fresh_keys();
    let public = format!("http://127.0.0.1:{}", free_port());
    let listen = public.trim_start_matches("http://").to_owned();
    let start = |i: usize, listen: &str| {
        let data = dir.path().join(format!("node{i}"));
        Node::start(
            &[
                "--database-url",
                &db.url,
                "--data-dir",
                data.to_str().unwrap(),
                "--listen",
                listen,
                "--public-url",
                &public,
            ],
            &[("DEADBOLT_KEYS", &keys)],
        )
    };
    let a = start(0, &listen);
    let b = start(1, "127.0.0.1:0");
    let out = run_ok(
        &[
            "oidc",
            "client",
            "add",
            "Shared",
            "--redirect-uri",
            REDIRECT,
            "--database-url",
            &db.url,
        ],
        &[],
    );
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap()
    };
    let (id, secret) = (field("client_id:"), field("client_secret:"));
    signup(a.addr, "nina");
    let mut browser = Browser::new(a.addr);
    let (challenge, verifier) = pkce();
    for round in 0..5 {
        let code = code_for(&mut browser, &id, &challenge, "nina");
        let fields = [
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT),
            ("code_verifier", verifier.as_str()),
            ("client_id", id.as_str()),
            ("client_secret", secret.as_str()),
        ];
        let barrier = std::sync::Barrier::new(2);
        let (ra, rb) = std::thread::scope(|s| {
            let ta = s.spawn(|| {
                barrier.wait();
                token(a.addr, &fields)
            });
            let tb = s.spawn(|| {
                barrier.wait();
                token(b.addr, &fields)
            });
            (ta.join().unwrap(), tb.join().unwrap())
        });
        let won = [&ra, &rb].iter().filter(|r| r.status == 200).count();
        assert_eq!(won, 1, "round {round}: {} / {}", ra.text(), rb.text());
        let loser = if ra.status == 200 { &rb } else { &ra };
        assert_eq!(error_of(loser), "invalid_grant");
        // The loser was a replay: what the winner got is revoked.
        let winner = if ra.status == 200 { &ra } else { &rb };
        let access = winner.json()["access_token"].as_str().unwrap().to_owned();
        let r = request(
            b.addr,
            "GET",
            "/oauth2/userinfo",
            &[("Authorization", &format!("Bearer {access}"))],
            None,
        )
        .unwrap();
        assert_eq!(r.status, 401, "round {round}");
    }
}
