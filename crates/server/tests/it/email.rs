//! Email over HTTP (the API and the pages) with a recording transport: the
//! statuses and codes of the contract, every bad input refused with nothing
//! changed, and a mailed link's GET that changes nothing. The letters
//! through a real SMTP server are the CLI suite's (`mail.rs`).

use axum::http::{Method, Request, StatusCode, header};
use deadbolt_auth::MailConfig;
use deadbolt_testkit::{MailRecorder, link_token};
use serde_json::json;

use crate::pages::{assert_redirect, submit};
use crate::support::{Agent, PW, TestApp};

const NEW_PW: &str = "harbour lantern violet 93";

async fn mail_app() -> TestApp {
    TestApp::with_config(|c| {
        c.auth.mail = Some(MailConfig {
            from: "Deadbolt Test <no-reply@deadbolt.test>".parse().unwrap(),
            public_url: "http://localhost".into(),
            send_timeout: deadbolt_auth::SEND_TIMEOUT,
        });
    })
    .await
}

async fn deliver(t: &TestApp, mail: &MailRecorder) -> Vec<deadbolt_auth::mail::OutgoingMail> {
    t.state.auth.deliver_due_mail(mail).await.unwrap();
    mail.take()
}

/// Give the agent's account a verified address through the API.
async fn verify(t: &TestApp, a: &Agent, address: &str, mail: &MailRecorder) {
    let r = a
        .post(
            "/api/v1/me/email",
            json!({"email": address, "password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let letters = deliver(t, mail).await;
    let r = t
        .agent()
        .post(
            "/api/v1/email/verify",
            json!({"token": link_token(&letters[0])}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    deliver(t, mail).await;
}

#[tokio::test]
async fn bad_addresses_are_refused_and_nothing_is_sent() {
    let t = mail_app().await;
    let mail = MailRecorder::default();
    let a = t.user("ann").await;
    let long = format!("{}@example.com", "a".repeat(250));
    for (body, code) in [
        (
            json!({"email": "ann@example.com\r\nBcc: evil@example.net", "password": PW}),
            "invalid_input",
        ),
        (
            json!({"email": "Ann <ann@example.com>", "password": PW}),
            "invalid_input",
        ),
        (
            json!({"email": "ann@localhost", "password": PW}),
            "invalid_input",
        ),
        (json!({"email": long, "password": PW}), "invalid_input"),
        (
            json!({"email": "ann@example.com", "password": "not my password"}),
            "wrong_password",
        ),
        (json!({"email": "ann@example.com"}), "malformed_json"),
        (json!({"email": 5, "password": PW}), "malformed_json"),
        (
            json!({"email": "ann@example.com", "password": PW, "name": "x"}),
            "malformed_json",
        ),
    ] {
        let r = a.post("/api/v1/me/email", body.clone()).await;
        assert!(r.status.is_client_error(), "{body}: {}", r.text());
        assert_eq!(r.error_code(), code, "{body}");
    }
    assert!(deliver(&t, &mail).await.is_empty());
    assert_eq!(a.me().await.json["email"], serde_json::Value::Null);
    // Not signed in.
    let r = t
        .agent()
        .post(
            "/api/v1/me/email",
            json!({"email": "ann@example.com", "password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // A good one.
    let r = a
        .post(
            "/api/v1/me/email",
            json!({"email": " Ann@Example.com", "password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    assert_eq!(
        r.json,
        json!({"email": "ann@example.com", "status": "verification_sent"})
    );
    let letters = deliver(&t, &mail).await;
    assert_eq!(letters.len(), 1);
    for forged in ["", "x", &"A".repeat(43)] {
        let r = t
            .agent()
            .post("/api/v1/email/verify", json!({"token": forged}))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{forged}");
        assert_eq!(r.error_code(), "invalid_token");
    }
    let r = t
        .agent()
        .post(
            "/api/v1/email/verify",
            json!({"token": link_token(&letters[0])}),
        )
        .await;
    assert_eq!(
        r.json,
        json!({"email": "ann@example.com", "status": "verified"})
    );
    assert_eq!(a.me().await.json["email"], "ann@example.com");
}

#[tokio::test]
async fn the_reset_api_answers_the_same_for_everyone_and_refuses_bad_links() {
    let t = mail_app().await;
    let mail = MailRecorder::default();
    let a = t.user("bo").await;
    verify(&t, &a, "bo@example.com", &mail).await;
    for body in [
        json!({"username": "nobody"}),
        json!({"email": "nobody@example.com"}),
        json!({"username": "bo"}),
    ] {
        let r = t.agent().post("/api/v1/password-reset", body.clone()).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{body}");
        assert_eq!(r.json, json!({"status": "accepted"}));
    }
    let letters = deliver(&t, &mail).await;
    assert_eq!(
        letters.len(),
        1,
        "a letter only for the account that exists"
    );
    let token = link_token(&letters[0]);
    for body in [
        json!({}),
        json!({"username": "bo", "email": "bo@example.com"}),
        json!({"username": "x".repeat(65)}),
        json!({"email": "bo@example.com\nX: y"}),
    ] {
        let r = t.agent().post("/api/v1/password-reset", body.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text());
    }
    // Confirm: forged, a refused password, then the real thing.
    let r = t
        .agent()
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": "A".repeat(43), "new_password": NEW_PW}),
        )
        .await;
    assert_eq!(r.error_code(), "invalid_token");
    let r = t
        .agent()
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "new_password": "password1"}),
        )
        .await;
    assert_eq!(r.error_code(), "invalid_input");
    let b = t.agent();
    let r = b
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "new_password": NEW_PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json, json!({"status": "authenticated"}));
    assert_eq!(b.me().await.status, StatusCode::OK);
    assert_eq!(
        a.me().await.status,
        StatusCode::UNAUTHORIZED,
        "every other session ended"
    );
    let r = t.agent().login("bo", NEW_PW).await;
    assert_eq!(r.json["status"], "authenticated");
}

#[tokio::test]
async fn the_new_browser_notice_can_be_turned_off_through_the_api() {
    let t = mail_app().await;
    let a = t.user("cy").await;
    assert_eq!(
        a.get("/api/v1/me/notifications").await.json,
        json!({"new_browser": true})
    );
    let put = |a: &Agent, body: serde_json::Value| {
        let a = a.clone();
        async move {
            a.send(
                Request::builder()
                    .method(Method::PUT)
                    .uri("/api/v1/me/notifications")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(axum::body::Body::from(body.to_string()))
                    .unwrap(),
            )
            .await
        }
    };
    let r = put(&a, json!({"new_browser": false})).await;
    assert_eq!(r.json, json!({"new_browser": false}));
    assert_eq!(
        a.get("/api/v1/me/notifications").await.json,
        json!({"new_browser": false})
    );
    let r = put(&a, json!({"new_browser": "no"})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = put(&t.agent(), json!({"new_browser": true})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn without_email_the_api_says_it_is_not_set_up() {
    let t = TestApp::new().await;
    let a = t.user("dee").await;
    let r = a
        .post(
            "/api/v1/me/email",
            json!({"email": "dee@example.com", "password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error_code(), "email_not_configured");
    assert!(
        r.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not set up")
    );
    let r = t
        .agent()
        .post("/api/v1/password-reset", json!({"username": "dee"}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let page = a.get("/settings/account/security").await.text();
    assert!(
        page.contains("Email is not set up on this server"),
        "{page}"
    );
}

#[tokio::test]
async fn the_pages_reset_a_password_with_a_code_and_a_links_get_changes_nothing() {
    let t = mail_app().await;
    let mail = MailRecorder::default();
    let (a, secret) = t.user_with_2fa("eli").await;
    // The security page's email section: a wrong password is said at its field.
    let r = submit(
        &a,
        "/settings/account/security/email",
        &[
            ("new_email", "eli@example.com"),
            ("email_password", "wrong password"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(
        r.text().contains("id=\"email_password-error\""),
        "{}",
        r.text()
    );
    let r = submit(
        &a,
        "/settings/account/security/email",
        &[("new_email", "eli@example.com"), ("email_password", PW)],
    )
    .await;
    assert_redirect(&r, "/settings/account/security?done=email-sent#email");
    let letters = deliver(&t, &mail).await;
    let token = link_token(&letters[0]);
    // The link's GET shows a button and changes nothing (mail scanners open links).
    let page = t.agent().get(&format!("/verify-email?token={token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Confirm this address"));
    assert_eq!(a.me().await.json["email"], serde_json::Value::Null);
    let r = submit(&t.agent(), "/verify-email", &[("token", &token)]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.text().contains("eli@example.com is now your account"),
        "{}",
        r.text()
    );
    assert_eq!(a.me().await.json["email"], "eli@example.com");
    deliver(&t, &mail).await;

    // Forgot the password: the request page answers the same for anyone.
    let login = t.agent().get("/login").await.text();
    assert!(login.contains("href=\"/password-reset\""));
    for who in ["nobody", "eli@example.com"] {
        let r = submit(&t.agent(), "/password-reset", &[("who", who)]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().contains("If an account matches"), "{}", r.text());
    }
    let letters = deliver(&t, &mail).await;
    assert_eq!(letters.len(), 1);
    let token = link_token(&letters[0]);
    let page = t
        .agent()
        .get(&format!("/password-reset/confirm?token={token}"))
        .await
        .text();
    assert!(
        page.contains("name=\"second_factor\""),
        "2FA: the code field"
    );
    let b = t.agent();
    let refs: Vec<(&str, &str)> = vec![
        ("token", token.as_str()),
        ("new_password", NEW_PW),
        ("new_password_confirm", NEW_PW),
        ("second_factor", ""),
    ];
    let r = submit(&b, "/password-reset/confirm", &refs).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("id=\"second_factor-error\""));
    let code = t.code(&secret, 0);
    let with_code: Vec<(&str, &str)> = vec![
        ("token", token.as_str()),
        ("new_password", NEW_PW),
        ("new_password_confirm", NEW_PW),
        ("second_factor", code.as_str()),
    ];
    let r = submit(&b, "/password-reset/confirm", &with_code).await;
    assert_redirect(&r, "/settings/account/security?done=password-reset");
    assert_eq!(b.me().await.status, StatusCode::OK);
    assert_eq!(a.me().await.status, StatusCode::UNAUTHORIZED);
    // The spent link says so.
    let r = t
        .agent()
        .get(&format!("/password-reset/confirm?token={token}"))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("This link is not valid"));
}

/// `POST /api/v1/signup` or `/api/v1/login` as a browser that asks for
/// `accept_language` (empty: asks for nothing).
async fn post_in(a: &Agent, path: &str, name: &str, accept_language: &str) {
    let mut b = Request::post(path).header(header::CONTENT_TYPE, "application/json");
    if !accept_language.is_empty() {
        b = b.header(header::ACCEPT_LANGUAGE, accept_language);
    }
    let body = json!({"username": name, "password": PW}).to_string();
    let r = a.send(b.body(body.into()).unwrap()).await;
    assert!(r.status.is_success(), "{path}: {}", r.text());
}

async fn stored_language(t: &TestApp, name: &str) -> Option<String> {
    t.store.user_by_key(name).await.unwrap().unwrap().language
}

/// The account's language: the one asked for at sign-up, then at each
/// sign-in that asks for one, then the menu's while signed in; letters
/// are written in it, and in the server's default without one.
#[tokio::test]
async fn letters_are_written_in_the_accounts_language() {
    let t = TestApp::with_config(|c| {
        c.auth.mail = Some(MailConfig {
            from: "Deadbolt Test <no-reply@deadbolt.test>".parse().unwrap(),
            public_url: "http://localhost".into(),
            send_timeout: deadbolt_auth::SEND_TIMEOUT,
        });
        c.default_language = deadbolt_server::i18n::Lang::from_code("it").unwrap();
    })
    .await;
    let mail = MailRecorder::default();
    let a = t.agent();
    post_in(&a, "/api/v1/signup", "lea", "es-MX,es;q=0.9").await;
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("es"));
    // A sign-in that asks for nothing (an API client) keeps it ...
    post_in(&a, "/api/v1/login", "lea", "").await;
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("es"));
    // ... one that asks for a language the server does not speak too ...
    post_in(&a, "/api/v1/login", "lea", "ja").await;
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("es"));
    verify(&t, &a, "lea@example.com", &mail).await;
    let r = a.change_password(PW, NEW_PW).await;
    assert!(r.status.is_success(), "{}", r.text());
    let letters = deliver(&t, &mail).await;
    assert_eq!(letters.len(), 1);
    assert_eq!(
        letters[0].letter.subject,
        "Se cambió su contraseña (Deadbolt Test)"
    );
    assert!(letters[0].letter.html.contains("<html lang=\"es\">"));
    // A link from another site shows its language but changes no account
    // (a cross-site GET writes nothing).
    let session = a.cookie_pair();
    let cross = axum::http::Request::get("/account?lang=de")
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::empty())
        .unwrap();
    let r = a.send(cross).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("<html lang=\"de\">"), "{}", r.text());
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("es"));
    a.set_cookie_pair(session);
    // The menu while signed in.
    let session = a.cookie_pair();
    let r = a.get("/account?lang=nl").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("nl"));
    a.set_cookie_pair(session);
    let r = a.change_password(NEW_PW, PW).await;
    assert!(r.status.is_success(), "{}", r.text());
    let letters = deliver(&t, &mail).await;
    assert_eq!(
        letters[0].letter.subject,
        "Uw wachtwoord is gewijzigd (Deadbolt Test)"
    );
    // ?lang= without a session changes no account.
    t.agent().get("/login?lang=sv").await;
    assert_eq!(stored_language(&t, "lea").await.as_deref(), Some("nl"));

    // No language asked for: none stored, letters in the default (Italian).
    let b = t.agent();
    post_in(&b, "/api/v1/signup", "max", "").await;
    post_in(&b, "/api/v1/login", "max", "").await;
    assert_eq!(stored_language(&t, "max").await, None);
    let r = b
        .post(
            "/api/v1/me/email",
            json!({"email": "max@example.com", "password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let letters = deliver(&t, &mail).await;
    assert_eq!(
        letters[0].letter.subject,
        "Confermi il suo indirizzo email per Deadbolt Test"
    );
    // A later sign-in in Czech makes it Czech.
    post_in(&b, "/api/v1/login", "max", "cs").await;
    assert_eq!(stored_language(&t, "max").await.as_deref(), Some("cs"));
}
