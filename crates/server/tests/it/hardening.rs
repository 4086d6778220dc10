//! The second hardening round (issue 17): each test drives one attack that
//! the landed service let through, and fails if it works again.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use deadbolt_auth::AuthConfig;
use serde_json::json;

use crate::support::{PW, TestApp};

/// Past the step-up window (default 600 s) since the last second factor.
const LATER: i64 = 601;

#[tokio::test]
async fn fail_a_stolen_cookie_and_the_password_cannot_take_the_factors_over() {
    let t = TestApp::new().await;
    let (a, secret) = t.user_with_2fa("victim").await;
    // Inside the window (the device was just confirmed): no code needed.
    let r = a.backup_codes(PW).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let codes: Vec<String> = r.json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    // The thief holds the (old) cookie and the password.
    t.clock.advance(LATER);
    let thief = t.agent();
    thief.set_cookie_pair(a.cookie_pair());
    let before = a.event_kinds().await;
    for (path, body) in [
        ("/api/v1/me/two-factor/setup", json!({"password": PW})),
        ("/api/v1/me/backup-codes", json!({"password": PW})),
        (
            "/api/v1/me/password",
            json!({"current_password": PW, "new_password": "the thief's new passphrase"}),
        ),
    ] {
        let r = thief.post(path, body).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}: {}", r.text());
        assert_eq!(r.error_code(), "step_up_required", "{path}");
    }
    // Nothing changed: no pending set-up, the old codes still work, the
    // password is the same, no new event but the refusals' none.
    assert_eq!(a.event_kinds().await, before);
    let me = a.me().await.json;
    assert_eq!(me["two_factor"]["backup_codes_remaining"], 10);
    let p = t.pending("victim").await;
    let r = p.second_factor_backup(&codes[0]).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "the old set is intact: {}",
        r.text()
    );
    // A wrong code does not pass the step-up either (and costs the budget).
    let r = thief
        .post(
            "/api/v1/me/backup-codes",
            json!({"password": PW, "code": t.wrong_code(&secret)}),
        )
        .await;
    assert_eq!(r.error_code(), "wrong_code", "{}", r.text());
    // The owner, with a code, can; the window then covers the next change.
    let r = a
        .post(
            "/api/v1/me/backup-codes",
            json!({"password": PW, "code": t.code(&secret, 0)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = a.start_setup(PW).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "inside the new window: {}",
        r.text()
    );
    // A code and a backup code at once is malformed.
    let r = a
        .post(
            "/api/v1/me/password",
            json!({"current_password": PW, "new_password": "x y z w v u", "code": "1", "backup_code": "2"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
}

#[tokio::test]
async fn fail_a_session_that_signed_in_with_a_code_is_inside_the_window_an_old_one_is_not() {
    let t = TestApp::new().await;
    let (_, secret) = t.user_with_2fa("wendy").await;
    let p = t.pending("wendy").await;
    let r = p.second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    t.clock.advance(LATER - 2);
    assert_eq!(p.backup_codes(PW).await.status, StatusCode::OK);
    t.clock.advance(2);
    let r = p.backup_codes(PW).await;
    assert_eq!(r.error_code(), "step_up_required", "{}", r.text());
    // The page asks for the code only then.
    let html = p.get("/settings/account/security").await.text();
    assert!(html.contains("password_step_up_code"), "{html}");
}

#[tokio::test]
async fn fail_twelve_successful_second_factors_in_a_row_are_never_throttled() {
    let t = TestApp::new().await;
    let (a, secret) = t.user_with_2fa("regular").await;
    let codes = a.new_backup_codes().await;
    for (i, code) in codes.iter().enumerate() {
        t.clock.advance(300); // under the password budget of the username
        let p = t.pending("regular").await;
        let r = p.second_factor_backup(code).await;
        assert_eq!(r.status, StatusCode::OK, "backup code {i}: {}", r.text());
    }
    for i in 0..2 {
        t.clock.advance(300);
        let p = t.pending("regular").await;
        let r = p.second_factor_code(&t.code(&secret, 0)).await;
        assert_eq!(r.status, StatusCode::OK, "code {i}: {}", r.text());
    }
    // Wrong codes still cost: the burst of 10, then 429.
    let p = t.pending("regular").await;
    for _ in 0..10 {
        let r = p.second_factor_code(&t.wrong_code(&secret)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = p.second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
}

#[tokio::test]
async fn fail_sign_up_is_throttled_per_address_before_any_lookup() {
    let t =
        TestApp::with_config(|c| c.auth.signup_burst = AuthConfig::default().signup_burst).await;
    let burst = AuthConfig::default().signup_burst;
    let a = t.agent();
    let mut statuses = Vec::new();
    for i in 0..(burst + 5) {
        statuses.push(a.signup(&format!("user{i}"), PW).await.status);
    }
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(created as i64, burst, "{statuses:?}");
    // Past the burst even a taken name gets 429, not 409: no oracle.
    let r = a.signup("user0", PW).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    assert!(r.header("retry-after").is_some());
    // Malformed input is refused before the budget (and costs nothing).
    assert_eq!(a.signup("", PW).await.status, StatusCode::BAD_REQUEST);
    t.clock.advance(AuthConfig::default().signup_interval);
    assert_eq!(a.signup("late", PW).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn fail_setup_confirmation_is_throttled_and_a_setup_expires() {
    let t = TestApp::new().await;
    let a = t.user("guesser").await;
    let secret = a.setup(PW).await;
    for _ in 0..10 {
        let r = a.confirm(&t.wrong_code(&secret)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    }
    let r = a.confirm(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());

    let b = t.user("slow").await;
    let secret = b.setup(PW).await;
    t.clock.advance(15 * 60);
    let r = b.confirm(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(r.error_code(), "setup_expired");
    assert_eq!(b.me().await.json["two_factor"]["enabled"], false);
    // A new set-up starts afresh.
    let secret = b.setup(PW).await;
    assert_eq!(b.confirm(&t.code(&secret, 0)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn fail_passwords_built_from_the_username_or_the_service_are_refused() {
    let t = TestApp::new().await;
    let a = t.agent();
    for (name, pw) in [
        ("margaret", "margaret"),
        ("margaret", "Margaret1987"),
        ("margaret", "deadbolt123"),
        ("margaret", "Deadbolt Test 2026"),
    ] {
        let r = a.signup(name, pw).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{pw}: {}", r.text());
        assert_eq!(r.json["error"]["field"], "password");
    }
    let u = t.user("margaret").await;
    let r = u.change_password(PW, "margaret!!").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
}

#[tokio::test]
async fn fail_look_alike_and_mixed_script_usernames_are_refused() {
    let t = TestApp::new().await;
    let a = t.agent();
    assert_eq!(a.signup("alice", PW).await.status, StatusCode::CREATED);
    // Cyrillic а (U+0430) among Latin letters: mixed scripts.
    let r = a.signup("\u{430}lice", PW).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert_eq!(a.signup("ace", PW).await.status, StatusCode::CREATED);
    // All-Cyrillic "асе" looks exactly like "ace": taken.
    let r = a.signup("\u{430}\u{441}\u{435}", PW).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(r.error_code(), "username_taken");
    assert_eq!(a.signup("paypal", PW).await.status, StatusCode::CREATED);
    assert_eq!(a.signup("paypa1", PW).await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn fail_an_origin_of_another_scheme_is_refused_without_sec_fetch_site() {
    let t = TestApp::new().await; // public URL http://localhost
    let post = |origin: &'static str| {
        Request::post("/api/v1/login")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, origin)
            // What a browser sends: the Host of the deployment itself.
            .header(header::HOST, "localhost")
            .body(Body::from(
                r#"{"username":"nobody","password":"not the password"}"#,
            ))
            .unwrap()
    };
    let a = t.agent();
    for evil in [
        "https://localhost",
        "http://localhost:8443",
        "http://evil.example",
    ] {
        let r = a.send(post(evil)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{evil}: {}", r.text());
        assert_eq!(r.error_code(), "cross_site_request");
    }
    let r = a.send(post("http://localhost")).await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "same origin: {}",
        r.text()
    );
}
