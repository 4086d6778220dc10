//! `/healthz` and `/readyz`: what a load balancer or an orchestrator asks.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

/// `{"status":"ok"}`.
#[derive(Serialize, ToSchema)]
pub struct HealthResponse {
    /// `ok` or `unavailable`.
    pub status: &'static str,
}

/// 200 when the store answers, 503 otherwise.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = HealthResponse), (status = 503, body = HealthResponse)))]
pub async fn healthz(State(state): State<AppState>) -> Response {
    // A load balancer's health check times out after a few seconds: answer
    // 503 within 2 s rather than wait for the pool's acquire timeout.
    let ping = tokio::time::timeout(std::time::Duration::from_secs(2), state.auth.store().ping());
    match ping.await {
        Ok(Ok(())) => Json(HealthResponse { status: "ok" }).into_response(),
        outcome => {
            let error = match outcome {
                Ok(Err(e)) => deadbolt_auth::report(&e),
                _ => "no answer within 2 s".to_owned(),
            };
            tracing::error!(%error, "health check: store unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(HealthResponse {
                    status: "unavailable",
                }),
            )
                .into_response()
        }
    }
}

/// `/readyz`: what a load balancer asks before sending users here.
#[derive(Serialize, ToSchema)]
pub struct ReadyResponse {
    /// `ready` or `not_ready`.
    pub status: &'static str,
    /// The store answered.
    pub store: bool,
    /// The database's schema is the one this binary carries.
    pub schema: bool,
    /// This node's keys open the database's secrets.
    pub keys: bool,
    /// The SMTP server as the outbox worker last found it: `off` (no
    /// email), `unknown`, `reachable` or `failing` (mail waits in the
    /// outbox). Informational: mail trouble never makes a node unready.
    pub mail: &'static str,
}

/// 200 when this node can serve users: the store answers, its schema is at
/// this binary's version, and the keys open the database's secrets; 503
/// (with which check failed) otherwise.
#[utoipa::path(get, path = "/readyz", responses((status = 200, body = ReadyResponse), (status = 503, body = ReadyResponse)))]
pub async fn readyz(State(state): State<AppState>) -> Response {
    let checks = async {
        let store = state.auth.store();
        let store_ok = store.ping().await.is_ok();
        let schema_ok = match store.schema_versions().await {
            Ok((Some(found), known)) => found == known,
            _ => false,
        };
        let keys_ok = matches!(state.auth.check_keys().await, Ok(Ok(())));
        (store_ok, schema_ok, keys_ok)
    };
    let (store, schema, keys) = tokio::time::timeout(std::time::Duration::from_secs(2), checks)
        .await
        .unwrap_or((false, false, false));
    let ready = store && schema && keys;
    let mail = match state.auth.mail_status() {
        deadbolt_auth::MailStatus::Off => "off",
        deadbolt_auth::MailStatus::Unknown => "unknown",
        deadbolt_auth::MailStatus::Reachable => "reachable",
        deadbolt_auth::MailStatus::Failing => "failing",
    };
    let body = Json(ReadyResponse {
        status: if ready { "ready" } else { "not_ready" },
        store,
        schema,
        keys,
        mail,
    });
    if ready {
        body.into_response()
    } else {
        tracing::warn!(store, schema, keys, "readiness check failed");
        (StatusCode::SERVICE_UNAVAILABLE, body).into_response()
    }
}
