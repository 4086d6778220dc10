//! Bare-axum ceiling for `scripts/bench-nodes.sh`: the same runtime as
//! `deadbolt serve` (tokio multi-thread, all drivers enabled) and the same
//! `axum::serve` with peer addresses, but a `GET /api/v1/me`-shaped handler that
//! returns a small constant JSON body: no layers, no session, no store.
//!
//! ```sh
//! cargo run --release -p deadbolt-server --example bare -- 127.0.0.1:18090
//! ```

use std::net::SocketAddr;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;

const ME: &str =
    r#"{"username":"bench","two_factor":{"enabled":true,"backup_codes_remaining":10}}"#;

async fn me() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        ME,
    )
}

async fn healthz() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        r#"{"status":"ok"}"#,
    )
}

fn main() -> std::io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18090".into())
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            let app = Router::new()
                .route("/api/v1/me", get(me))
                .route("/healthz", get(healthz));
            let listener = tokio::net::TcpListener::bind(addr).await?;
            println!("bare axum listening on http://{}", listener.local_addr()?);
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
        })
}
