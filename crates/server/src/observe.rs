//! What an operator sees of each request: a request id (taken from a
//! trusted proxy's `X-Request-Id` or made here, echoed in the response), a
//! `request` span that every log line of the request carries (request id,
//! method, route, client address), one access line at the end (status and
//! latency; target `deadbolt::access`), and the request-duration histogram
//! by matched route — never by raw path or user.

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::state::AppState;

/// The request-id header, accepted from trusted proxies and always answered.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// Request duration by route, method and status (seconds).
pub const HTTP_SECONDS: &str = "deadbolt_http_request_duration_seconds";

/// Describe the HTTP metrics to the installed recorder (once, at start).
pub fn describe() {
    metrics::describe_histogram!(
        HTTP_SECONDS,
        metrics::Unit::Seconds,
        "Request duration by matched route, method and status"
    );
}

/// A request id a proxy may hand us: 1 to 64 of `[A-Za-z0-9._:-]` (so it
/// can go into a log line and a header as it is).
fn acceptable(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// A fresh request id: this process's random prefix and a counter (unique
/// per process, cheap; not a secret).
fn fresh_id() -> String {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let prefix = PREFIX.get_or_init(|| {
        let mut b = [0u8; 6];
        let _ = getrandom::fill(&mut b);
        b.iter().map(|x| format!("{x:02x}")).collect()
    });
    format!("{prefix}-{:x}", SEQ.fetch_add(1, Ordering::Relaxed))
}

/// The outer layer (see the module documentation).
pub async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let peer: Option<IpAddr> = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let trusted = peer.is_some_and(|p| state.config.trusted_proxies.contains(&p));
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| trusted && acceptable(v))
        .map_or_else(fresh_id, str::to_owned);
    let method = req.method().clone();
    let client = peer.map_or_else(|| "unknown".to_owned(), |p| p.to_string());
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %method,
        client = %client,
        route = tracing::field::Empty,
    );
    let mut resp = next.run(req).instrument(span.clone()).await;
    let route = resp
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_owned();
    span.record("route", route.as_str());
    let elapsed = started.elapsed();
    let status = resp.status();
    metrics::histogram!(HTTP_SECONDS, "route" => route, "method" => method.to_string(), "status" => status.as_str().to_owned())
        .record(elapsed);
    let latency_ms = elapsed.as_secs_f64() * 1e3;
    span.in_scope(|| {
        if status.is_server_error() {
            tracing::error!(target: "deadbolt::access", status = status.as_u16(), latency_ms, "request failed");
        } else {
            tracing::info!(target: "deadbolt::access", status = status.as_u16(), latency_ms, "request");
        }
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(REQUEST_ID, v);
    }
    resp
}

/// The inner layer, on matched routes only: hands the matched route to the
/// outer layer through the response.
pub async fn route_label(path: Option<MatchedPath>, req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    if let Some(path) = path {
        resp.extensions_mut().insert(path);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_request_ids_are_taken() {
        for ok in ["abc", "req-1:2.3_4", &"a".repeat(64)] {
            assert!(acceptable(ok), "{ok}");
        }
        for bad in ["", &"a".repeat(65), "a b", "a\r\nb", "é", "a;b", "<x>"] {
            assert!(!acceptable(bad), "{bad:?}");
        }
        assert_ne!(fresh_id(), fresh_id());
    }
}
