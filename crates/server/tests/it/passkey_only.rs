//! An account whose only second factor is a passkey, over HTTP: `/me` and
//! the security page say two factor authentication is on (and by which
//! factor), backup codes are offered and pass `/login/2fa`, step-up takes
//! the key (`/api/v1/me/step-up/passkey/*`), and removing the last key
//! turns 2FA off as disabling does (codes gone, other sessions ended).

use axum::http::StatusCode;
use serde_json::json;

use crate::passkeys::{delete_with, get, register};
use crate::support::{PW, TestApp};

#[tokio::test]
async fn a_passkey_only_account_is_on_with_backup_codes_until_its_last_key_goes() {
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    let me = a.me().await.json;
    assert_eq!(me["two_factor"]["enabled"], false);
    assert_eq!(me["two_factor"]["factors"], json!([]));
    let (mut key, _, _) = register(&a, "Blue key").await;

    let me = a.me().await.json;
    assert_eq!(me["two_factor"]["enabled"], true, "{me}");
    assert_eq!(me["two_factor"]["factors"], json!(["passkey"]));
    let page = a.get("/settings/account/security").await.text();
    assert!(
        page.contains("<span class=\"status on\">On</span>"),
        "{page}"
    );
    assert!(
        page.contains("Your second factor: 1 passkey or security key."),
        "{page}"
    );
    assert!(page.contains("Set up an authenticator app"));
    assert!(
        page.contains("action=\"/settings/account/security/backup-codes\""),
        "backup codes are offered"
    );

    // Backup codes: generated (inside the window the key's registration
    // opened), counted, and good at the code step.
    let codes = a.new_backup_codes().await;
    assert_eq!(codes.len(), 10);
    assert_eq!(
        a.me().await.json["two_factor"]["backup_codes_remaining"],
        10
    );
    let b = t.agent();
    assert_eq!(
        b.login("ada", PW).await.json["status"],
        "second_factor_required"
    );
    let r = b.second_factor_backup(&codes[0]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(b.me().await.json["two_factor"]["backup_codes_remaining"], 9);

    // Outside the window a change needs a second factor; the key gives it.
    t.clock.advance(700);
    let r = a.backup_codes(PW).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_eq!(r.error_code(), "step_up_required");
    let page = a.get("/settings/account/security").await.text();
    assert!(page.contains(">Confirm with a passkey</button>"), "{page}");
    let r = a.post("/api/v1/me/step-up/passkey/start", json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let answer = get(&mut key, &r.json["publicKey"], None);
    let r = a
        .post(
            "/api/v1/me/step-up/passkey/finish",
            json!({"credential": answer.clone()}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    // The same answer again: its state is spent.
    let r = a
        .post(
            "/api/v1/me/step-up/passkey/finish",
            json!({"credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "passkey_ceremony_gone");
    let codes = a.new_backup_codes().await;
    assert_eq!(codes.len(), 10, "inside the window again");
    let page = a.get("/settings/account/security").await.text();
    assert!(!page.contains(">Confirm with a passkey</button>"));
    // A session without a key has nothing to confirm with.
    let r = t
        .user("bob")
        .await
        .post("/api/v1/me/step-up/passkey/start", json!({}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error_code(), "no_passkey");

    // Another browser signed in with one of the new codes.
    let b = t.agent();
    b.login("ada", PW).await;
    assert_eq!(
        b.second_factor_backup(&codes[0]).await.status,
        StatusCode::OK
    );
    assert_eq!(b.me().await.status, StatusCode::OK);

    // Removing the last key: 2FA off, the codes gone, b signed out.
    let id = a.get("/api/v1/me/passkeys").await.json["passkeys"][0]["id"]
        .as_i64()
        .unwrap();
    let r = delete_with(
        &a,
        &format!("/api/v1/me/passkeys/{id}"),
        json!({"password": PW}),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let me = a.me().await.json;
    assert_eq!(me["two_factor"]["enabled"], false);
    assert_eq!(me["two_factor"]["backup_codes_remaining"], 0);
    assert_eq!(b.me().await.status, StatusCode::UNAUTHORIZED);
    let events = a.get("/api/v1/me/events").await.json;
    assert_eq!(
        events["events"][0]["kind"], "two_factor_disabled",
        "{events}"
    );
    // The password alone signs in again.
    assert_eq!(
        t.agent().login("ada", PW).await.json["status"],
        "authenticated"
    );
}

#[tokio::test]
async fn the_security_page_names_both_factors_and_what_turning_the_app_off_keeps() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("eve").await;
    register(&a, "Laptop").await;
    let me = a.me().await.json;
    assert_eq!(me["two_factor"]["factors"], json!(["totp", "passkey"]));
    let page = a.get("/settings/account/security").await.text();
    assert!(
        page.contains("Your second factors: an authenticator app and 1 passkey or security key."),
        "{page}"
    );
    assert!(page.contains("Your passkeys and security keys stay"));
    assert!(!page.contains("your password alone opens your account"));
}

/// Turning the app off while a key remains: 2FA stays on by the key, the
/// backup codes stay (and still pass the code step), the API says
/// `enabled: true`, and the page's confirmation and status say so.
#[tokio::test]
async fn turning_the_app_off_keeps_two_factor_and_backup_codes_while_a_key_remains() {
    let t = TestApp::new().await;
    let (a, secret) = t.user_with_2fa("eve").await;
    register(&a, "Laptop").await;
    let codes = a.new_backup_codes().await;
    let r = a.disable_with_code(PW, &t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json, json!({"enabled": true}));
    assert_eq!(
        a.me().await.json["two_factor"],
        json!({"enabled": true, "factors": ["passkey"], "backup_codes_remaining": 10})
    );
    assert!(
        a.event_kinds()
            .await
            .contains(&"authenticator_removed".to_owned()),
        "{:?}",
        a.event_kinds().await
    );
    let page = a
        .get("/settings/account/security?done=app-removed-keys-remain")
        .await
        .text();
    assert!(
        page.contains("The authenticator app is removed. Your passkeys keep two factor authentication on, and your backup codes still work."),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"status on\">On</span>"),
        "{page}"
    );
    assert!(page.contains("Your second factor: 1 passkey or security key."));
    assert!(
        page.contains("Authenticator app removed (passkeys keep two factor authentication on)")
    );
    // A kept code still passes the code step of a password login.
    let p = t.pending("eve").await;
    let r = p.second_factor_backup(&codes[0]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}
