//! `/metrics` in the Prometheus text format, served on a listener of its
//! own (`serve --metrics-listen`), never beside the login pages.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::state::AppState;

/// Connections of the database pool, by state (open, idle, max).
pub const DB_POOL: &str = "deadbolt_db_pool_connections";

/// The exporter with Deadbolt's histogram buckets (seconds: from a cached
/// page to a slow Argon2id hash under load).
pub fn exporter() -> PrometheusBuilder {
    PrometheusBuilder::new()
        .set_buckets(&[
            0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
        ])
        .expect("the bucket list is not empty")
}

/// Describe every metric (rules and HTTP) to the installed recorder.
pub fn describe() {
    deadbolt_auth::metrics::describe();
    crate::observe::describe();
    metrics::describe_gauge!(
        DB_POOL,
        "Database pool connections by state: open, idle, max"
    );
}

/// The metrics listener's router: `GET /metrics`.
pub fn router(handle: PrometheusHandle, state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state((handle, state))
}

async fn scrape(State((handle, state)): State<(PrometheusHandle, AppState)>) -> Response {
    let pool = state.auth.store().pool_stats();
    for (label, v) in [("open", pool.size), ("idle", pool.idle), ("max", pool.max)] {
        metrics::gauge!(DB_POOL, "state" => label).set(f64::from(v));
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}

/// Serve [`router`] on `listener` until the process ends.
pub async fn serve(
    listener: tokio::net::TcpListener,
    handle: PrometheusHandle,
    state: AppState,
) -> std::io::Result<()> {
    axum::serve(listener, router(handle, state)).await
}
