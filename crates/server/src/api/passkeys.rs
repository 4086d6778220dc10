//! Passkeys and security keys over JSON: the list, registration (start
//! with the password, finish with a name and the browser's answer),
//! removal, passwordless sign-in, and a key as the second factor. The
//! options go to `navigator.credentials.create/get` as they are; the
//! browser's answer comes back as `credential` (the JSON of its
//! `PublicKeyCredential`). Translation only: the rules are in
//! `deadbolt_auth`'s `passkeys`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deadbolt_auth::PasskeyInfo;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiResult, LoginResponse, PasswordRequest, step_up_input, with_cookie};
use crate::error::{ApiError, ApiJson, ErrorBody};
use crate::session::{Authenticated, Client, CookieToken, Pending};
use crate::state::AppState;
use crate::util::rfc3339;

/// One key.
#[derive(Serialize, ToSchema)]
pub struct PasskeyItem {
    /// Its id (for removal).
    pub id: i64,
    /// The name the user gave it.
    pub name: String,
    /// Registered at (RFC 3339).
    pub created_at: String,
    /// Last sign-in with it (RFC 3339), `null` if never.
    pub last_used_at: Option<String>,
}

impl From<PasskeyInfo> for PasskeyItem {
    fn from(p: PasskeyInfo) -> Self {
        PasskeyItem {
            id: p.id,
            name: p.name,
            created_at: rfc3339(p.created_at),
            last_used_at: p.last_used_at.map(rfc3339),
        }
    }
}

/// `{"passkeys": [...]}`, oldest first.
#[derive(Serialize, ToSchema)]
pub struct PasskeysResponse {
    /// The user's keys.
    pub passkeys: Vec<PasskeyItem>,
}

/// `{"publicKey": {...}}`: options for `navigator.credentials.create` or `.get`.
#[derive(Serialize, ToSchema)]
pub struct PasskeyOptions {
    /// The WebAuthn options (challenge, relying party, user, keys).
    #[serde(rename = "publicKey")]
    #[schema(value_type = Object)]
    pub public_key: serde_json::Value,
}

/// `{"ceremony", "publicKey"}`: a started passwordless sign-in.
#[derive(Serialize, ToSchema)]
pub struct PasswordlessOptions {
    /// Send it back with the answer.
    pub ceremony: String,
    /// The WebAuthn options for `navigator.credentials.get`.
    #[serde(rename = "publicKey")]
    #[schema(value_type = Object)]
    pub public_key: serde_json::Value,
}

/// `{"name", "credential"}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterFinishRequest {
    /// 1–64 characters.
    #[schema(min_length = 1, max_length = 64, pattern = "^[^\\x00]*$")]
    pub name: String,
    /// The browser's `PublicKeyCredential` (from `navigator.credentials.create`), as JSON.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// `{"name"}`: a key's new name.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenameRequest {
    /// 1–64 characters (surrounding spaces trimmed), not only spaces, no
    /// control characters.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*[^\\s\\x00-\\x1f\\x7f-\\x9f][^\\x00-\\x1f\\x7f-\\x9f]*$"
    )]
    pub name: String,
}

/// `{"ceremony", "credential"}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordlessFinishRequest {
    /// The `ceremony` the start answered (its state, sealed by the server).
    #[schema(min_length = 1, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub ceremony: String,
    /// The browser's `PublicKeyCredential` (from `navigator.credentials.get`), as JSON.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// `{"credential"}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssertionRequest {
    /// The browser's `PublicKeyCredential` (from `navigator.credentials.get`), as JSON.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// The options object inside what webauthn-rs answers (`{"publicKey": ...}`).
fn public_key(mut options: serde_json::Value) -> serde_json::Value {
    options
        .get_mut("publicKey")
        .map(serde_json::Value::take)
        .unwrap_or(options)
}

/// `{"status":"authenticated"}` with the new session's cookie.
fn signed_in(state: &AppState, token: &deadbolt_auth::SessionToken) -> Response {
    with_cookie(
        state,
        token,
        Json(LoginResponse {
            status: "authenticated",
        }),
    )
}

/// The user's passkeys and security keys.
#[utoipa::path(get, path = "/api/v1/me/passkeys",
    responses((status = 200, body = PasskeysResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: Authenticated,
) -> ApiResult<Json<PasskeysResponse>> {
    let keys = state.auth.passkeys(user.user_id).await?;
    Ok(Json(PasskeysResponse {
        passkeys: keys.into_iter().map(PasskeyItem::from).collect(),
    }))
}

/// Start registering a key (the password, and a code when the step-up asks).
#[utoipa::path(post, path = "/api/v1/me/passkeys/register/start", request_body = PasswordRequest,
    responses((status = 200, body = PasskeyOptions), (status = 401, body = ErrorBody)))]
pub async fn register_start(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<PasswordRequest>,
) -> ApiResult<Json<PasskeyOptions>> {
    let second = step_up_input(body.code, body.backup_code)?;
    let options = state
        .auth
        .start_passkey_registration(&user, &body.password, second, &client)
        .await?;
    Ok(Json(PasskeyOptions {
        public_key: public_key(options),
    }))
}

/// Finish registering: the key's name and the browser's answer.
#[utoipa::path(post, path = "/api/v1/me/passkeys/register/finish", request_body = RegisterFinishRequest,
    responses((status = 201, body = PasskeyItem), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn register_finish(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<RegisterFinishRequest>,
) -> ApiResult<Response> {
    let added = state
        .auth
        .finish_passkey_registration(&user, &body.name, body.credential, &client)
        .await?;
    Ok((StatusCode::CREATED, Json(PasskeyItem::from(added))).into_response())
}

/// Rename a key.
#[utoipa::path(patch, path = "/api/v1/me/passkeys/{id}", request_body = RenameRequest,
    params(("id" = String, Path, description = "passkey id")),
    responses((status = 200, body = PasskeyItem), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn rename(
    State(state): State<AppState>,
    user: Authenticated,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RenameRequest>,
) -> ApiResult<Json<PasskeyItem>> {
    let id: i64 = id.parse().map_err(|_| ApiError::not_found())?;
    state
        .auth
        .rename_passkey(user.user_id, id, &body.name)
        .await?;
    let renamed = state
        .auth
        .passkeys(user.user_id)
        .await?
        .into_iter()
        .find(|k| k.id == id)
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(PasskeyItem::from(renamed)))
}

/// Remove a key (the password, and a code when the step-up asks).
#[utoipa::path(delete, path = "/api/v1/me/passkeys/{id}", request_body = PasswordRequest,
    params(("id" = String, Path, description = "passkey id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PasswordRequest>,
) -> ApiResult<StatusCode> {
    let id: i64 = id.parse().map_err(|_| ApiError::not_found())?;
    let second = step_up_input(body.code, body.backup_code)?;
    state
        .auth
        .remove_passkey(&user, id, &body.password, second, &client)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Start a passwordless sign-in.
#[utoipa::path(post, path = "/api/v1/login/passkey/start",
    responses((status = 200, body = PasswordlessOptions)))]
pub async fn login_start(State(state): State<AppState>) -> ApiResult<Json<PasswordlessOptions>> {
    let start = state.auth.start_passkey_login().await?;
    Ok(Json(PasswordlessOptions {
        ceremony: start.ceremony.expose().to_owned(),
        public_key: public_key(start.options),
    }))
}

/// Finish a passwordless sign-in: a key that verified its user signs in
/// fully (sets the session cookie).
#[utoipa::path(post, path = "/api/v1/login/passkey/finish", request_body = PasswordlessFinishRequest,
    responses((status = 200, body = LoginResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login_finish(
    State(state): State<AppState>,
    client: Client,
    old: CookieToken,
    ApiJson(body): ApiJson<PasswordlessFinishRequest>,
) -> ApiResult<Response> {
    let token = state
        .auth
        .finish_passkey_login(
            &body.ceremony,
            body.credential,
            old.hash().as_deref(),
            &client,
        )
        .await?;
    Ok(signed_in(&state, &token))
}

/// Start a key as the second factor of the pending login.
#[utoipa::path(post, path = "/api/v1/login/second-factor/passkey/start",
    responses((status = 200, body = PasskeyOptions), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn second_factor_start(
    State(state): State<AppState>,
    pending: Pending,
) -> ApiResult<Json<PasskeyOptions>> {
    let options = state.auth.start_passkey_second_factor(&pending).await?;
    Ok(Json(PasskeyOptions {
        public_key: public_key(options),
    }))
}

/// Finish the second factor with a key (sets the full session's cookie).
#[utoipa::path(post, path = "/api/v1/login/second-factor/passkey/finish", request_body = AssertionRequest,
    responses((status = 200, body = LoginResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn second_factor_finish(
    State(state): State<AppState>,
    client: Client,
    pending: Pending,
    ApiJson(body): ApiJson<AssertionRequest>,
) -> ApiResult<Response> {
    let token = state
        .auth
        .finish_passkey_second_factor(&pending, body.credential, &client)
        .await?;
    Ok(signed_in(&state, &token))
}

/// Start a key as the step-up of this session (before a sensitive change).
#[utoipa::path(post, path = "/api/v1/me/step-up/passkey/start",
    responses((status = 200, body = PasskeyOptions), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn step_up_start(
    State(state): State<AppState>,
    user: Authenticated,
) -> ApiResult<Json<PasskeyOptions>> {
    let options = state.auth.start_passkey_step_up(&user).await?;
    Ok(Json(PasskeyOptions {
        public_key: public_key(options),
    }))
}

/// Finish the step-up with a key: sensitive changes need no code for the
/// re-authentication window.
#[utoipa::path(post, path = "/api/v1/me/step-up/passkey/finish", request_body = AssertionRequest,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn step_up_finish(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<AssertionRequest>,
) -> ApiResult<StatusCode> {
    state
        .auth
        .finish_passkey_step_up(&user, body.credential, &client)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The passkey routes, for `api::routes`.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{delete, get, post};
    axum::Router::new()
        .route("/api/v1/me/passkeys", get(list))
        .route("/api/v1/me/passkeys/register/start", post(register_start))
        .route("/api/v1/me/passkeys/register/finish", post(register_finish))
        .route("/api/v1/me/passkeys/{id}", delete(remove).patch(rename))
        .route("/api/v1/login/passkey/start", post(login_start))
        .route("/api/v1/login/passkey/finish", post(login_finish))
        .route(
            "/api/v1/login/second-factor/passkey/start",
            post(second_factor_start),
        )
        .route(
            "/api/v1/login/second-factor/passkey/finish",
            post(second_factor_finish),
        )
        .route("/api/v1/me/step-up/passkey/start", post(step_up_start))
        .route("/api/v1/me/step-up/passkey/finish", post(step_up_finish))
}
