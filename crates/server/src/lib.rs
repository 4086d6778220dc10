//! Deadbolt's HTTP layer: the JSON API, the HTML pages, cookies and extractors.
//!
//! Design: `deadbolt_auth::Auth` holds every authentication rule (login state
//! machine, throttling, replay guard, backup codes, setup); the JSON API
//! ([`api`]) and the HTML pages (`pages`) only translate between HTTP and it,
//! so both ways in enforce the same second factor. [`error`] is the one
//! table from a rule's error to an HTTP status and code. [`app`] builds the whole
//! [`axum::Router`] without a socket, so tests drive it with
//! `tower::ServiceExt::oneshot`. Time comes only from the injected
//! `deadbolt_auth::Clock`; state across nodes lives only in the store.
//!
//! Cross-cutting layers, outermost first: the request's language
//! ([`i18n::negotiate`]), security headers on every
//! response, CSRF protection ([`csrf`]: `Sec-Fetch-Site`, else `Origin`
//! compared with the public URL's exact origin; rejections in the API error
//! shape), a 16 KiB body limit. The API additionally accepts only
//! `application/json` bodies.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod config;
pub mod csrf;
pub mod error;
pub mod i18n;
pub mod metrics;
pub mod observe;
pub mod oidc;
pub mod openapi;
mod pages;
pub mod session;
pub mod state;
pub mod util;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub use config::ServerConfig;
pub use deadbolt_auth::{Argon2Params, AuthConfig, Clock, FakeClock, Keyring, SystemClock};
pub use state::AppState;

/// Largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 16 * 1024;

/// The Content-Security-Policy of every response.
/// Scripts and `fetch` only from this origin: the one static passkey script
/// (`/assets/passkeys.js`) and the JSON API it calls; never inline.
pub const CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
                       img-src 'self' data:; form-action 'self'; \
                       frame-ancestors 'none'; base-uri 'none'";

/// The one other origin a page's form may end on once its redirects are
/// done (a client's registered redirect URI after the consent page or the
/// login; a forward-auth return URL), set as a response extension by the
/// page and added to that response's `form-action`. Browsers hold the whole
/// redirect chain of a form submission to the form page's `form-action`,
/// so without it the last hop to the application is blocked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormActionOrigin(String);

impl FormActionOrigin {
    /// The origin of an `http`/`https` URL (`scheme://host[:port]`, the URL
    /// parser's serialisation: nothing that could end the directive).
    pub fn of(url: &url::Url) -> Option<Self> {
        if !matches!(url.scheme(), "http" | "https") {
            return None;
        }
        match url.origin() {
            origin @ url::Origin::Tuple(..) => Some(FormActionOrigin(origin.ascii_serialization())),
            url::Origin::Opaque(_) => None,
        }
    }

    /// [`FormActionOrigin::of`] a URL given as text.
    pub fn of_str(url: &str) -> Option<Self> {
        Self::of(&url::Url::parse(url).ok()?)
    }

    /// The origin, as it goes into the policy.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// [`CSP`] with `origin` allowed as a form's final destination too.
fn csp_with_form_target(origin: &FormActionOrigin) -> Option<HeaderValue> {
    let csp = CSP.replace(
        "form-action 'self'",
        &format!("form-action 'self' {}", origin.as_str()),
    );
    HeaderValue::from_str(&csp).ok()
}

/// The whole application: API, pages and the cross-cutting layers.
pub fn app(state: AppState) -> Router {
    let public_origin = origin_of(&state.config.public_url);
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .merge(oidc::routes())
        .route_layer(axum::middleware::from_fn(observe::route_label))
        .with_state(state.clone())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            public_origin,
            csrf::protect,
        ))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            i18n::negotiate::layer,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state,
            observe::observe,
        ))
}

/// Serve [`app`] on `listener` until `shutdown` resolves, with the peer
/// address available to [`session::Client`] (`ConnectInfo`), and purge
/// expired sessions every ten minutes meanwhile.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // The dummy hash (one Argon2id, 20–50 ms) is made beside the first
    // requests, not before them: `/healthz` answers at once. A login for an
    // unknown username in those first milliseconds waits for it.
    let warming = state.clone();
    tokio::spawn(async move {
        if let Err(e) = warming.auth.warm_up().await {
            tracing::error!(error = %deadbolt_auth::report(&e), "warming up the password hasher failed");
        }
    });
    let purger = spawn_session_purger(state.clone(), std::time::Duration::from_secs(600));
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let result = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await;
    purger.abort();
    result
}

/// Delete expired and idle sessions, refilled attempt budgets, and expired OpenID Connect codes and tokens, every `every` (a failure is logged and retried next time).
pub fn spawn_session_purger(
    state: AppState,
    every: std::time::Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = state.auth.purge_sessions().await {
                tracing::warn!(error = %deadbolt_auth::report(&e), "purging expired sessions failed");
            }
            // Per-client budgets would otherwise accumulate one row per address.
            if let Err(e) = state.auth.purge_budgets().await {
                tracing::warn!(error = %deadbolt_auth::report(&e), "purging refilled budgets failed");
            }
            // OpenID Connect codes and tokens, once expired, only take room.
            if let Err(e) = state.auth.purge_oidc().await {
                tracing::warn!(error = %deadbolt_auth::report(&e), "purging expired OpenID Connect codes and tokens failed");
            }
        }
    })
}

/// `scheme://host[:port]` of a URL, if it is one.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && matches!(scheme, "http" | "https")).then(|| format!("{scheme}://{host}"))
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let csp = resp
        .extensions()
        .get::<FormActionOrigin>()
        .and_then(csp_with_form_target)
        .unwrap_or(HeaderValue::from_static(CSP));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Nothing leaves for another origin; a same-origin request carries its
    // referrer, and with it an `Origin` header: under `no-referrer` a
    // browser sends `Origin: null` on a form POST, and where it sends no
    // `Sec-Fetch-Site` either (plain http on a name other than localhost)
    // the CSRF layer could not tell the login form from a forgery.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // Pages and API answers may carry secrets: never stored, unless a handler
    // (the stylesheet) deliberately says otherwise.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

#[cfg(test)]
mod tests {
    #[test]
    fn origin_of_urls() {
        assert_eq!(
            super::origin_of("https://login.example.com/").as_deref(),
            Some("https://login.example.com")
        );
        assert_eq!(
            super::origin_of("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(super::origin_of("nonsense"), None);
    }
}
