//! The whole app in-process for the login targets, built once per fuzzing
//! process: in-memory SQLite, cheap Argon2, one account (`fuzz`, 2FA off),
//! and a fake clock moved an hour per input so the throttles refill and do
//! not hide the code behind a 429.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use deadbolt_server::{AppState, Argon2Params, FakeClock, Keyring, ServerConfig, app};
use deadbolt_store::{SqlStore, StoreOptions};
use tower::ServiceExt;

/// The app and what drives it.
pub struct Harness {
    rt: tokio::runtime::Runtime,
    router: Router,
    clock: Arc<FakeClock>,
}

/// The process-wide app (built on first use).
pub fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        let (router, clock) = rt.block_on(async {
            let store = SqlStore::connect_and_migrate("sqlite::memory:", &StoreOptions::default())
                .await
                .expect("in-memory store");
            let mut config = ServerConfig::new("Deadbolt Fuzz", "http://localhost");
            config.argon2 = Argon2Params {
                m_cost: 64,
                t_cost: 1,
                p_cost: 1,
            };
            let clock = Arc::new(FakeClock::new(1_700_000_000));
            let keys = Keyring::generate().expect("keys");
            let state = AppState::new(Arc::new(store), keys, config, clock.clone());
            let router = app(state);
            let signup = Request::post("/api/v1/signup")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    r#"{"username":"fuzz","password":"correct horse battery staple"}"#,
                ))
                .expect("request");
            let resp = router.clone().oneshot(signup).await.expect("infallible");
            assert_eq!(resp.status(), StatusCode::CREATED, "the fuzz account");
            (router, clock)
        });
        Harness { rt, router, clock }
    })
}

impl Harness {
    /// POST `body` to `path` as a same-origin browser would; the status.
    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> StatusCode {
        self.clock.advance(3600);
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body.to_vec()))
            .expect("request");
        self.rt.block_on(async {
            let resp = self.router.clone().oneshot(req).await.expect("infallible");
            let status = resp.status();
            let _ = axum::body::to_bytes(resp.into_body(), usize::MAX).await;
            status
        })
    }
}
