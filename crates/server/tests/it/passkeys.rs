//! Passkeys over the JSON API with a software authenticator: register,
//! list, sign in without a password, the second factor, removal; and bad
//! input (malformed or oversized JSON, bad base64, an unknown key, a
//! replayed answer): a 400/401 with the error shape, nothing written.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use crate::support::{Agent, PW, TestApp};

fn origin() -> url::Url {
    url::Url::parse("http://localhost").unwrap()
}

fn create(key: &mut SoftPasskey, public_key: &Value) -> Value {
    let options: CreationChallengeResponse =
        serde_json::from_value(json!({ "publicKey": public_key })).unwrap();
    let answer: RegisterPublicKeyCredential = key.do_registration(origin(), options).unwrap();
    serde_json::to_value(answer).unwrap()
}

/// An assertion; for a discoverable sign-in `SoftPasskey` (no resident
/// keys) is told which key it holds and the answer gets the user handle a
/// resident key returns (neither is signed).
pub(crate) fn get(
    key: &mut SoftPasskey,
    public_key: &Value,
    holding: Option<(&Value, &[u8])>,
) -> Value {
    let mut public_key = public_key.clone();
    if let Some((reg, _)) = holding {
        public_key["allowCredentials"] = json!([{"type": "public-key", "id": reg["rawId"]}]);
    }
    let options: RequestChallengeResponse =
        serde_json::from_value(json!({ "publicKey": public_key })).unwrap();
    let mut answer: PublicKeyCredential = key.do_authentication(origin(), options).unwrap();
    if let Some((_, handle)) = holding {
        answer.response.user_handle = Some(handle.to_vec());
    }
    serde_json::to_value(answer).unwrap()
}

/// Register a key for the signed-in `a`: (key, registration answer, user handle).
pub(crate) async fn register(a: &Agent, name: &str) -> (SoftPasskey, Value, Vec<u8>) {
    let mut key = SoftPasskey::new(true);
    let r = a
        .post(
            "/api/v1/me/passkeys/register/start",
            json!({"password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let handle = data_encoding::BASE64URL_NOPAD
        .decode(
            r.json["publicKey"]["user"]["id"]
                .as_str()
                .unwrap()
                .as_bytes(),
        )
        .unwrap();
    let answer = create(&mut key, &r.json["publicKey"]);
    let r = a
        .post(
            "/api/v1/me/passkeys/register/finish",
            json!({"name": name, "credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json["name"], name);
    (key, answer, handle)
}

/// A JSON request of any method.
async fn send_json(a: &Agent, method: &str, path: &str, body: Value) -> crate::support::Resp {
    a.send(
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

pub(crate) async fn delete_with(a: &Agent, path: &str, body: Value) -> crate::support::Resp {
    send_json(a, "DELETE", path, body).await
}

#[tokio::test]
async fn register_sign_in_without_password_second_factor_and_remove() {
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    let (mut key, reg, handle) = register(&a, "Blue key").await;
    let r = a.get("/api/v1/me/passkeys").await;
    assert_eq!(r.status, StatusCode::OK);
    let keys = r.json["passkeys"].as_array().unwrap().clone();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["name"], "Blue key");
    assert_eq!(keys[0]["last_used_at"], Value::Null);

    // Passwordless, in a fresh browser.
    let b = t.agent();
    let r = b.post("/api/v1/login/passkey/start", json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let ceremony = r.json["ceremony"].as_str().unwrap().to_owned();
    assert_eq!(r.json["publicKey"]["userVerification"], "required");
    let answer = get(&mut key, &r.json["publicKey"], Some((&reg, &handle)));
    let r = b
        .post(
            "/api/v1/login/passkey/finish",
            json!({"ceremony": ceremony, "credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json["status"], "authenticated");
    assert_eq!(b.me().await.json["username"], "ada");
    // Replayed: the ceremony is spent.
    let r = b
        .post(
            "/api/v1/login/passkey/finish",
            json!({"ceremony": ceremony, "credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "passkey_ceremony_gone");

    // Password, then the key as the second factor.
    let c = t.agent();
    let r = c.login("ada", PW).await;
    assert_eq!(r.json["status"], "second_factor_required");
    let r = c
        .post("/api/v1/login/second-factor/passkey/start", json!({}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let answer = get(&mut key, &r.json["publicKey"], None);
    let r = c
        .post(
            "/api/v1/login/second-factor/passkey/finish",
            json!({"credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(c.me().await.status, StatusCode::OK);

    // Removal: the password again.
    let id = keys[0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/me/passkeys/{id}");
    let r = delete_with(&a, &path, json!({"password": "not the password"})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = delete_with(&a, &path, json!({"password": PW})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = delete_with(&a, &path, json!({"password": PW})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = delete_with(&a, "/api/v1/me/passkeys/abc", json!({"password": PW})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        a.get("/api/v1/me/passkeys").await.json["passkeys"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn bad_passkey_input_is_a_clear_400_or_401_and_writes_nothing() {
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    let r = a
        .post(
            "/api/v1/me/passkeys/register/start",
            json!({"password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mut key = SoftPasskey::new(true);
    let good = create(&mut key, &r.json["publicKey"]);
    let mut bad_base64 = good.clone();
    bad_base64["response"]["attestationObject"] = json!("***not base64***");
    let cases = [
        json!({"name": "k", "credential": {"id": 5}}),
        json!({"name": "k", "credential": "text"}),
        json!({"name": "k", "credential": bad_base64}),
        json!({"name": "", "credential": good}),
        json!({"name": "x".repeat(65), "credential": good}),
        json!({"name": "k"}),
        json!({"name": "k", "credential": good, "extra": 1}),
    ];
    for body in cases {
        let r = a
            .post("/api/v1/me/passkeys/register/finish", body.clone())
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text());
        assert!(!r.error_code().is_empty());
    }
    let r = a
        .post_raw(
            "/api/v1/me/passkeys/register/finish",
            Some("application/json"),
            "{\"name\": \"k\", \"credential\": {",
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let huge = json!({"name": "k", "credential": {"id": "A".repeat(20_000)}});
    let r = a.post("/api/v1/me/passkeys/register/finish", huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // An unknown key signing in: 401; an unknown ceremony: 400.
    let r = t
        .agent()
        .post("/api/v1/login/passkey/start", json!({}))
        .await;
    let ceremony = r.json["ceremony"].as_str().unwrap().to_owned();
    // The key made `good`, which the server never registered.
    let answer = get(
        &mut key,
        &r.json["publicKey"],
        Some((&good, b"0123456789abcdef")),
    );
    let r = t
        .agent()
        .post(
            "/api/v1/login/passkey/finish",
            json!({"ceremony": "nonsense", "credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert_eq!(r.error_code(), "passkey_ceremony_gone");
    let r = t
        .agent()
        .post(
            "/api/v1/login/passkey/finish",
            json!({"ceremony": ceremony, "credential": answer}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_eq!(r.error_code(), "passkey_refused");
    // The second-factor routes want a pending login.
    let r = t
        .agent()
        .post("/api/v1/login/second-factor/passkey/start", json!({}))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Nothing was registered.
    assert!(
        a.get("/api/v1/me/passkeys").await.json["passkeys"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_pages_list_rename_and_remove_keys_and_say_why_without_script() {
    use crate::pages::{assert_redirect, submit};
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    // Before any key: the section is there, the add form waits for the script.
    let page = a.get("/settings/account/security").await.text();
    assert!(page.contains("Passkeys and security keys"), "{page}");
    assert!(page.contains("No keys yet."));
    assert!(page.contains(
        "data-passkey-nojs data-unsupported=\"This browser cannot use passkeys or security keys.\">Adding a passkey needs JavaScript"
    ));
    assert!(page.contains("data-passkey=\"register\" hidden"));
    register(&a, "Blue key").await;
    let page = a.get("/settings/account/security").await.text();
    assert!(page.contains("<strong class=\"passkey-name\">Blue key</strong>"));
    assert!(page.contains("last used never"));
    let id = a.get("/api/v1/me/passkeys").await.json["passkeys"][0]["id"].to_string();
    let r = submit(
        &a,
        "/settings/account/security/passkeys/rename",
        &[("id", &id), ("name", "Work key")],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=passkey-renamed#passkeys",
    );
    let r = submit(
        &a,
        "/settings/account/security/passkeys/remove",
        &[("id", &id), ("password", "wrong password here")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(
        a.get("/settings/account/security")
            .await
            .text()
            .contains("Work key")
    );
    let r = submit(
        &a,
        "/settings/account/security/passkeys/remove",
        &[("id", &id), ("password", PW)],
    )
    .await;
    // The only key (no app): two factor authentication went with it.
    assert_redirect(
        &r,
        "/settings/account/security?done=passkey-removed-two-factor-off#two-factor",
    );
    let page = a
        .get("/settings/account/security?done=passkey-removed-two-factor-off")
        .await
        .text();
    assert!(page.contains("The key is removed. It was your last second factor"));
    assert!(page.contains("<span class=\"status off\">Off</span>"));
    assert!(!page.contains("Work key"));
    // The login pages offer a key, and say why not without script.
    let login = t.agent().get("/login").await.text();
    assert!(login.contains(">Sign in with a passkey</button>"));
    assert!(login.contains("needs JavaScript, which is off in this browser"));
    let b = t.agent();
    t.user_with_2fa("bob").await;
    let r = b.login("bob", PW).await;
    assert_eq!(r.json["status"], "second_factor_required");
    let two = b.get("/login/2fa").await.text();
    assert!(two.contains(">Use a passkey or security key</button>"));
    // The one script: static, JavaScript, from this origin.
    let js = t.agent().get("/assets/passkeys.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.text().contains("navigator.credentials.create"));
}

/// Two nodes (two apps, two pools) on one PostgreSQL database: a
/// registration and a passwordless sign-in started on node A finish on
/// node B, and a state spent on B is gone for A.
#[tokio::test]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
async fn a_ceremony_started_on_one_node_finishes_on_another() {
    use std::sync::Arc;

    use deadbolt_server::{AppState, FakeClock};
    use deadbolt_store::{SqlStore, StoreOptions};
    use deadbolt_testkit::PgDatabase;

    let db = PgDatabase::create("pk");
    let t = TestApp::new().await;
    let clock = Arc::new(FakeClock::new(crate::support::T0));
    let node = |store: SqlStore| {
        AppState::new(
            Arc::new(store),
            t.keys.clone(),
            t.config.clone(),
            clock.clone(),
        )
    };
    let a_store = SqlStore::connect_and_migrate(db.url(), &StoreOptions::default())
        .await
        .expect("node A connects");
    let b_store = SqlStore::connect(db.url(), &StoreOptions::default())
        .await
        .expect("node B connects");
    let (node_a, node_b) = (node(a_store), node(b_store));
    let on_a = TestApp::agent_for(&node_a);
    let on_b = TestApp::agent_for(&node_b);
    assert_eq!(on_a.signup("ada", PW).await.status, StatusCode::CREATED);
    assert_eq!(on_a.login("ada", PW).await.json["status"], "authenticated");
    // Registration: started on A, finished on B with the same session.
    let r = on_a
        .post(
            "/api/v1/me/passkeys/register/start",
            json!({"password": PW}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let handle = data_encoding::BASE64URL_NOPAD
        .decode(
            r.json["publicKey"]["user"]["id"]
                .as_str()
                .unwrap()
                .as_bytes(),
        )
        .unwrap();
    let mut key = SoftPasskey::new(true);
    let reg = create(&mut key, &r.json["publicKey"]);
    on_b.set_cookie_pair(on_a.cookie_pair());
    let r = on_b
        .post(
            "/api/v1/me/passkeys/register/finish",
            json!({"name": "Blue key", "credential": reg}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // Passwordless: started on B, finished on A; the same answer on B again is spent.
    let browser_b = TestApp::agent_for(&node_b);
    let r = browser_b
        .post("/api/v1/login/passkey/start", json!({}))
        .await;
    let ceremony = r.json["ceremony"].as_str().unwrap().to_owned();
    let answer = get(&mut key, &r.json["publicKey"], Some((&reg, &handle)));
    let browser_a = TestApp::agent_for(&node_a);
    let body = json!({"ceremony": ceremony, "credential": answer});
    let r = browser_a
        .post("/api/v1/login/passkey/finish", body.clone())
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(browser_a.me().await.json["username"], "ada");
    let r = browser_b.post("/api/v1/login/passkey/finish", body).await;
    assert_eq!(r.error_code(), "passkey_ceremony_gone");
    node_a.auth.store().ping().await.unwrap();
}

async fn patch(agent: &Agent, path: &str, body: Value) -> crate::support::Resp {
    send_json(agent, "PATCH", path, body).await
}

#[tokio::test]
async fn a_key_is_renamed_over_the_api_by_its_owner_only() {
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    register(&a, "Blue key").await;
    let id = a.get("/api/v1/me/passkeys").await.json["passkeys"][0]["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/me/passkeys/{id}");
    let r = patch(&a, &path, json!({"name": "  Work key "})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json["name"], "Work key");
    assert_eq!(r.json["id"], id);
    for bad in [
        json!({"name": ""}),
        json!({"name": "   "}),
        json!({"name": "x".repeat(65)}),
        json!({"name": "a\u{7}b"}),
        json!({}),
        json!({"name": "k", "extra": 1}),
    ] {
        let r = patch(&a, &path, bad.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text());
    }
    let r = patch(&a, "/api/v1/me/passkeys/999999", json!({"name": "k"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = patch(&a, "/api/v1/me/passkeys/abc", json!({"name": "k"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Another account cannot rename it; no session is a 401.
    let b = t.user("bob").await;
    let r = patch(&b, &path, json!({"name": "Mine"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = patch(&t.agent(), &path, json!({"name": "Mine"})).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        a.get("/api/v1/me/passkeys").await.json["passkeys"][0]["name"],
        "Work key"
    );
    // The OpenAPI document knows the operation and its answers.
    let doc = t.agent().get("/api/openapi.json").await.json;
    let op = &doc["paths"]["/api/v1/me/passkeys/{id}"]["patch"];
    for status in ["200", "400", "401", "403", "404", "413", "415", "500"] {
        assert!(
            op["responses"][status].is_object(),
            "PATCH answers {status}: {op}"
        );
    }
}

/// A passwordless finish from `ip` (as the connection's address).
async fn finish_from(t: &TestApp, body: &Value, ip: [u8; 4]) -> crate::support::Resp {
    let mut req = Request::post("/api/v1/login/passkey/finish")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 40_000,
        ))));
    t.agent().send(req).await
}

/// Starts write nothing and are never throttled; finishes are budgeted
/// per client address (burst 30, then one per 10 s): a finish naming an
/// unknown key costs one like any other, and once the address's budget
/// is empty even a good signature gets a 429 with `Retry-After`, opening
/// nothing, while the same state still serves from another address.
#[tokio::test]
async fn fail_passwordless_finishes_are_throttled_per_client() {
    let t = TestApp::new().await;
    let a = t.user("ada").await;
    let (mut key, reg, handle) = register(&a, "Blue key").await;
    let c = t.agent();
    let attacker = [198, 51, 100, 9];
    for i in 0..=deadbolt_auth::PASSWORD_IP_BURST {
        let r = c.post("/api/v1/login/passkey/start", json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "start {i}: {}", r.text());
        let mut answer = get(&mut key, &r.json["publicKey"], Some((&reg, &handle)));
        answer["id"] = json!(format!("unknownkey{i:02}"));
        answer["rawId"] = answer["id"].clone();
        let body = json!({"ceremony": r.json["ceremony"], "credential": answer});
        let r = finish_from(&t, &body, attacker).await;
        if i < deadbolt_auth::PASSWORD_IP_BURST {
            assert_eq!(
                r.status,
                StatusCode::UNAUTHORIZED,
                "finish {i}: {}",
                r.text()
            );
        } else {
            assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
        }
    }
    let r = c.post("/api/v1/login/passkey/start", json!({})).await;
    let answer = get(&mut key, &r.json["publicKey"], Some((&reg, &handle)));
    let body = json!({"ceremony": r.json["ceremony"], "credential": answer});
    let r = finish_from(&t, &body, attacker).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "{wait}");
    assert!(r.header("set-cookie").is_none(), "no session opened");
    let r = finish_from(&t, &body, [192, 0, 2, 1]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json["status"], "authenticated");
    let doc = t.agent().get("/api/openapi.json").await.json;
    assert!(doc["paths"]["/api/v1/login/passkey/finish"]["post"]["responses"]["429"].is_object());
}
