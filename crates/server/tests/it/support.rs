//! Test harness: the whole app over `oneshot` (no socket), a fresh store per
//! test (SQLite in a temp dir, or PostgreSQL with `DEADBOLT_TEST_BACKEND=postgres`),
//! a fake clock, cheap Argon2 parameters, and a cookie-keeping client.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use deadbolt_otp::{Params, Secret, Totp};
use deadbolt_server::{AppState, Argon2Params, FakeClock, Keyring, ServerConfig, app};
use deadbolt_store::{SqlStore, Store, StoreOptions};
use deadbolt_testkit::PgDatabase;
use serde_json::{Value, json};
use tokio::task::JoinSet;
use tower::ServiceExt;

/// The fake clock's start: 15 s into TOTP step 56,666,667.
pub const T0: i64 = 1_700_000_025;
/// A password that passes the policy.
pub const PW: &str = "glacier notebook pumpkin 58";

/// One running app.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub clock: Arc<FakeClock>,
    pub store: Arc<dyn Store>,
    pub keys: Keyring,
    pub config: ServerConfig,
    pub dir: Option<tempfile::TempDir>,
    _pg: Option<PgDatabase>,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(edit: impl FnOnce(&mut ServerConfig)) -> Self {
        let mut pg = None;
        let (store, dir): (Arc<dyn Store>, _) =
            if std::env::var("DEADBOLT_TEST_BACKEND").as_deref() == Ok("postgres") {
                let db = PgDatabase::create("srv");
                let store = SqlStore::connect_and_migrate(db.url(), &StoreOptions::default())
                    .await
                    .expect("connect to the test database");
                pg = Some(db);
                (Arc::new(store), None)
            } else {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = SqlStore::open_sqlite_dir(dir.path())
                    .await
                    .expect("sqlite store");
                (Arc::new(store), Some(dir))
            };
        let mut config = ServerConfig::new("Deadbolt Test", "http://localhost");
        config.auth.argon2 = Argon2Params {
            m_cost: 64,
            t_cost: 1,
            p_cost: 1,
        };
        // Every test signs up from the same (unknown) address; the sign-up
        // budget has its own test with the production setting.
        config.auth.signup_burst = 10_000;
        edit(&mut config);
        let clock = Arc::new(FakeClock::new(T0));
        let keys = Keyring::generate().expect("keys");
        let state = AppState::new(store.clone(), keys.clone(), config.clone(), clock.clone());
        Self {
            router: app(state.clone()),
            state,
            clock,
            store,
            keys,
            config,
            dir,
            _pg: pg,
        }
    }

    pub fn now(&self) -> i64 {
        self.state.auth.now()
    }

    /// A client of another app built on `state` (e.g. a second node).
    pub fn agent_for(state: &AppState) -> Agent {
        Agent {
            router: app(state.clone()),
            cookie: Arc::new(Mutex::new(None)),
            device: Arc::new(Mutex::new(None)),
        }
    }

    /// A new browser-like client with an empty cookie jar.
    pub fn agent(&self) -> Agent {
        Agent {
            router: self.router.clone(),
            cookie: Arc::new(Mutex::new(None)),
            device: Arc::new(Mutex::new(None)),
        }
    }

    /// The code an authenticator shows `offset_steps` steps from now.
    pub fn code(&self, secret: &str, offset_steps: i64) -> String {
        totp(secret, self.now() + 30 * offset_steps)
    }

    /// A six-digit code that is none of the codes valid now (±1 step).
    pub fn wrong_code(&self, secret: &str) -> String {
        let right: Vec<String> = (-1..=1).map(|o| self.code(secret, o)).collect();
        (0..)
            .map(|i: u32| format!("{:06}", (i * 137_911) % 1_000_000))
            .find(|c| !right.contains(c))
            .unwrap()
    }

    /// Sign up `name` and return a fully signed-in agent.
    pub async fn user(&self, name: &str) -> Agent {
        let a = self.agent();
        let r = a.signup(name, PW).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let r = a.login(name, PW).await;
        assert_eq!(r.json["status"], "authenticated", "{}", r.text());
        a
    }

    /// Sign up `name`, enable 2FA, and return the signed-in agent and the base32 secret.
    /// The clock is moved one step on so the confirmation code is not reusable.
    pub async fn user_with_2fa(&self, name: &str) -> (Agent, String) {
        let a = self.user(name).await;
        let secret = a.setup(PW).await;
        let r = a.confirm(&self.code(&secret, 0)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        self.clock.advance(30);
        (a, secret)
    }

    /// A new agent that passed the password step of `name` (pending login).
    pub async fn pending(&self, name: &str) -> Agent {
        let b = self.agent();
        let r = b.login(name, PW).await;
        assert_eq!(r.json["status"], "second_factor_required", "{}", r.text());
        b
    }
}

/// The TOTP code of a base32 secret at unix time `t`.
pub fn totp(secret: &str, t: i64) -> String {
    let s = Secret::from_base32(secret).expect("base32 secret");
    Totp::new(&s, Params::default())
        .code_at(t as u64)
        .as_str()
        .to_owned()
}

/// A response, fully read.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub json: Value,
}

impl Resp {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// The `error.code` of an error body (panics if the body is not the error shape).
    pub fn error_code(&self) -> &str {
        assert!(
            self.json["error"]["message"].is_string(),
            "not the error shape: {}",
            self.text()
        );
        self.json["error"]["code"].as_str().expect("error.code")
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The `Location` of a redirect (panics if this is not a redirect).
    pub fn location(&self) -> &str {
        assert!(
            self.status.is_redirection(),
            "expected a redirect, got {}: {}",
            self.status,
            self.text()
        );
        self.header("location").expect("Location header")
    }
}

/// A client that keeps the session cookie like a browser would.
#[derive(Clone)]
pub struct Agent {
    router: Router,
    pub cookie: Arc<Mutex<Option<String>>>,
    /// The device cookie (`deadbolt_device=...`) a right password leaves behind.
    pub device: Arc<Mutex<Option<String>>>,
}

impl Agent {
    /// The current `name=value` cookie pair.
    pub fn cookie_pair(&self) -> Option<String> {
        self.cookie.lock().unwrap().clone()
    }

    /// The current `name=value` device cookie pair.
    pub fn device_pair(&self) -> Option<String> {
        self.device.lock().unwrap().clone()
    }

    /// Replace the cookie jar's content (to replay an old cookie).
    pub fn set_cookie_pair(&self, pair: Option<String>) {
        *self.cookie.lock().unwrap() = pair;
    }

    /// Send a request, adding the cookie and keeping any new one.
    pub async fn send(&self, mut req: Request<Body>) -> Resp {
        let jar: Vec<String> = [self.cookie_pair(), self.device_pair()]
            .into_iter()
            .flatten()
            .collect();
        if !jar.is_empty() {
            req.headers_mut()
                .insert(header::COOKIE, jar.join("; ").parse().unwrap());
        }
        let resp = self.router.clone().oneshot(req).await.expect("infallible");
        let status = resp.status();
        let headers = resp.headers().clone();
        for sc in headers.get_all(header::SET_COOKIE) {
            let sc = sc.to_str().unwrap();
            let pair = sc.split(';').next().unwrap().trim().to_owned();
            let cleared = pair.ends_with('=') || sc.contains("Max-Age=0");
            let slot = if pair.contains("deadbolt_device=") {
                &self.device
            } else {
                &self.cookie
            };
            *slot.lock().unwrap() = if cleared { None } else { Some(pair) };
        }
        let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("body");
        let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            body,
            json,
        }
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn delete(&self, path: &str) -> Resp {
        self.send(Request::delete(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Resp {
        self.send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: Option<&str>,
        body: impl Into<Body>,
    ) -> Resp {
        let mut b = Request::builder().method(Method::POST).uri(path);
        if let Some(ct) = content_type {
            b = b.header(header::CONTENT_TYPE, ct);
        }
        self.send(b.body(body.into()).unwrap()).await
    }

    /// `POST /api/v1/me/two-factor/setup` with `password`.
    pub async fn start_setup(&self, password: &str) -> Resp {
        self.post("/api/v1/me/two-factor/setup", json!({"password": password}))
            .await
    }

    /// Start a 2FA setup; returns the secret.
    pub async fn setup(&self, password: &str) -> String {
        let r = self.start_setup(password).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r.json["secret"].as_str().unwrap().replace(' ', "")
    }

    pub async fn me(&self) -> Resp {
        self.get("/api/v1/me").await
    }

    /// `POST /api/v1/signup` with `username` and `password`.
    pub async fn signup(&self, username: &str, password: &str) -> Resp {
        self.post(
            "/api/v1/signup",
            json!({"username": username, "password": password}),
        )
        .await
    }

    /// `POST /api/v1/login` (the password step) with `username` and `password`.
    pub async fn login(&self, username: &str, password: &str) -> Resp {
        self.post(
            "/api/v1/login",
            json!({"username": username, "password": password}),
        )
        .await
    }

    /// `POST /api/v1/login/second-factor` with an authenticator `code`.
    pub async fn second_factor_code(&self, code: &str) -> Resp {
        self.post("/api/v1/login/second-factor", json!({"code": code}))
            .await
    }

    /// `POST /api/v1/login/second-factor` with a `backup_code`.
    pub async fn second_factor_backup(&self, code: &str) -> Resp {
        self.post("/api/v1/login/second-factor", json!({"backup_code": code}))
            .await
    }

    /// `POST /api/v1/me/backup-codes`: a new set of backup codes.
    pub async fn backup_codes(&self, password: &str) -> Resp {
        self.post("/api/v1/me/backup-codes", json!({"password": password}))
            .await
    }

    /// A new set of backup codes (with the password [`PW`]); asserts `200`.
    pub async fn new_backup_codes(&self) -> Vec<String> {
        let r = self.backup_codes(PW).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r.json["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    }

    /// `POST /api/v1/me/two-factor/disable` with the password and an authenticator `code`.
    pub async fn disable_with_code(&self, password: &str, code: &str) -> Resp {
        self.post(
            "/api/v1/me/two-factor/disable",
            json!({"password": password, "code": code}),
        )
        .await
    }

    /// `POST /api/v1/me/two-factor/disable` with the password and a `backup_code`.
    pub async fn disable_with_backup(&self, password: &str, code: &str) -> Resp {
        self.post(
            "/api/v1/me/two-factor/disable",
            json!({"password": password, "backup_code": code}),
        )
        .await
    }

    /// `POST /api/v1/me/password`.
    pub async fn change_password(&self, current: &str, new: &str) -> Resp {
        self.post(
            "/api/v1/me/password",
            json!({"current_password": current, "new_password": new}),
        )
        .await
    }

    /// `POST /api/v1/me/password` with a second factor for the step-up.
    pub async fn change_password_stepped_up(&self, current: &str, new: &str, code: &str) -> Resp {
        self.post(
            "/api/v1/me/password",
            json!({"current_password": current, "new_password": new, "code": code}),
        )
        .await
    }

    /// `POST /api/v1/me/two-factor/confirm` with an authenticator `code`.
    pub async fn confirm(&self, code: &str) -> Resp {
        self.post("/api/v1/me/two-factor/confirm", json!({"code": code}))
            .await
    }

    /// Whether this account's event log holds an event of `kind`.
    pub async fn has_event(&self, kind: &str) -> bool {
        self.event_kinds().await.iter().any(|k| k == kind)
    }

    pub async fn event_kinds(&self) -> Vec<String> {
        let r = self.get("/api/v1/me/events").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// Drain a set of concurrent attempts into `(evaluated, throttled)`: the
/// number of `401`s and `429`s. Any other status fails the test.
pub async fn tally(mut set: JoinSet<StatusCode>) -> (usize, usize) {
    let (mut evaluated, mut throttled) = (0, 0);
    while let Some(s) = set.join_next().await {
        match s.unwrap() {
            StatusCode::UNAUTHORIZED => evaluated += 1,
            StatusCode::TOO_MANY_REQUESTS => throttled += 1,
            other => panic!("unexpected {other}"),
        }
    }
    (evaluated, throttled)
}
