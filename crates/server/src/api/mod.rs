//! The JSON API (`/api/v1`): translation only. Every rule lives in
//! `deadbolt_auth::Auth`. One file per capability beside this one
//! (`email`: the address, the password reset, notices; `health`: the
//! probes a load balancer asks).

pub mod authz;
pub mod email;
mod health;
pub mod passkeys;

pub use health::*;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use deadbolt_auth::Stage;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ApiError, ApiJson, ErrorBody};
use crate::session::{self, Authenticated, Client, CookieToken, Pending};
use crate::state::AppState;
use crate::util::rfc3339;
use deadbolt_auth::{SecondFactorInput, SessionToken};

pub(crate) type ApiResult<T> = Result<T, ApiError>;

/// `{"username","password"}` for sign-up and login.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// 1–64 letters, digits, `.`, `_`, `-` (of one script).
    #[schema(min_length = 1, max_length = 64, pattern = "^[^\\x00]*$")]
    pub username: String,
    /// 8–1024 characters.
    #[schema(min_length = 8, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub password: String,
}

/// `{"username"}`.
#[derive(Serialize, ToSchema)]
pub struct SignupResponse {
    /// The username as stored (display form).
    pub username: String,
}

/// `{"status": "authenticated" | "second_factor_required"}`.
#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// `authenticated` or `second_factor_required`.
    pub status: &'static str,
}

/// `{"code"}` or `{"backup_code"}` (exactly one).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(min_properties = 1, max_properties = 1)]
pub struct SecondFactorRequest {
    /// A 6-digit code from the authenticator app.
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: Option<String>,
    /// A backup code.
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub backup_code: Option<String>,
}

/// `{"password"}`, plus `{"code"}` or `{"backup_code"}` when the step-up
/// asks for one (2FA on, and no second factor passed in this session within
/// the re-authentication window).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(max_properties = 2)]
pub struct PasswordRequest {
    /// The current password.
    #[schema(min_length = 1, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub password: String,
    /// A current code (step-up; optional inside the window).
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: Option<String>,
    /// Or a backup code (step-up; optional inside the window).
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub backup_code: Option<String>,
}

/// `{"password"}` plus `{"code"}` or `{"backup_code"}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(min_properties = 2, max_properties = 2)]
pub struct DisableRequest {
    /// The current password.
    #[schema(min_length = 1, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub password: String,
    /// A current code.
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: Option<String>,
    /// Or a backup code.
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub backup_code: Option<String>,
}

/// `{"code"}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// The 6-digit code from the new device.
    #[schema(min_length = 1, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: String,
}

/// `{"current_password","new_password"}`, plus `{"code"}` or
/// `{"backup_code"}` when the step-up asks for one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(max_properties = 3)]
pub struct ChangePasswordRequest {
    /// The current password.
    #[schema(min_length = 1, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub current_password: String,
    /// The new password: 8–1024 characters.
    #[schema(min_length = 8, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub new_password: String,
    /// A current code (step-up; optional inside the window).
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: Option<String>,
    /// Or a backup code (step-up; optional inside the window).
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub backup_code: Option<String>,
}

/// The 2FA part of `/me`.
#[derive(Serialize, ToSchema)]
pub struct TwoFactorStatus {
    /// Whether 2FA is on: an authenticator app or a passkey.
    pub enabled: bool,
    /// Which factors: `totp` (the authenticator app) and `passkey`.
    pub factors: Vec<&'static str>,
    /// Unspent backup codes.
    pub backup_codes_remaining: i64,
}

/// `/me`.
#[derive(Serialize, ToSchema)]
pub struct MeResponse {
    /// Display username.
    pub username: String,
    /// The verified email address (`null` until one is verified).
    pub email: Option<String>,
    /// 2FA status.
    pub two_factor: TwoFactorStatus,
    /// The user's groups (for access rules), sorted.
    pub groups: Vec<String>,
}

/// A setup's secret, shown once.
#[derive(Serialize, ToSchema)]
pub struct SetupResponse {
    /// Base32 secret for manual entry.
    pub secret: String,
    /// `otpauth://totp/...`.
    pub otpauth_uri: String,
    /// QR code of the URI (SVG document).
    pub qr_svg: String,
}

/// `{"enabled": bool}`.
#[derive(Serialize, ToSchema)]
pub struct EnabledResponse {
    /// Whether 2FA is now on.
    pub enabled: bool,
}

/// `{"codes": [...]}`.
#[derive(Serialize, ToSchema)]
pub struct BackupCodesResponse {
    /// 10 single-use codes, shown once.
    pub codes: Vec<String>,
}

/// One security event.
#[derive(Serialize, ToSchema)]
pub struct EventView {
    /// RFC 3339 UTC time.
    pub at: String,
    /// snake_case kind (`sign_in`, `second_factor_failed`, ...).
    pub kind: String,
    /// Client address.
    pub ip: String,
    /// Detail (never a secret).
    pub detail: String,
}

/// `{"events": [...]}`, newest first.
#[derive(Serialize, ToSchema)]
pub struct EventsResponse {
    /// Recent events.
    pub events: Vec<EventView>,
}

/// One session.
#[derive(Serialize, ToSchema)]
pub struct SessionItem {
    /// Id for revocation (hex hash of the token, not the token).
    pub id: String,
    /// Start, RFC 3339.
    pub created_at: String,
    /// Last activity, RFC 3339.
    pub last_seen: String,
    /// Client address.
    pub ip: String,
    /// Browser.
    pub user_agent: String,
    /// Whether this is the asking session.
    pub current: bool,
}

/// `{"sessions": [...]}`.
#[derive(Serialize, ToSchema)]
pub struct SessionsResponse {
    /// Live full sessions.
    pub sessions: Vec<SessionItem>,
}

fn second_factor_input(
    code: Option<String>,
    backup_code: Option<String>,
) -> ApiResult<SecondFactorInput> {
    match (code, backup_code) {
        (Some(c), None) => Ok(SecondFactorInput::code(c)),
        (None, Some(b)) => Ok(SecondFactorInput::backup_code(b)),
        _ => Err(ApiError::bad_request(
            "invalid_input",
            crate::i18n::t("api-code-or-backup-code"),
        )),
    }
}

/// The optional second factor of a step-up: none, a code or a backup code
/// (not both).
pub(crate) fn step_up_input(
    code: Option<String>,
    backup_code: Option<String>,
) -> ApiResult<Option<SecondFactorInput>> {
    match (code, backup_code) {
        (None, None) => Ok(None),
        (code, backup_code) => second_factor_input(code, backup_code).map(Some),
    }
}

pub(crate) fn with_cookie(
    state: &AppState,
    token: &SessionToken,
    body: impl IntoResponse,
) -> Response {
    let mut resp = body.into_response();
    resp.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(&state.config, token),
    );
    resp
}

/// Create an account.
#[utoipa::path(post, path = "/api/v1/signup", request_body = Credentials,
    responses((status = 201, body = SignupResponse), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn signup(
    State(state): State<AppState>,
    client: Client,
    ApiJson(body): ApiJson<Credentials>,
) -> ApiResult<Response> {
    let user = state
        .auth
        .signup(&body.username, &body.password, &client)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(SignupResponse {
            username: user.username,
        }),
    )
        .into_response())
}

/// Check username and password; sets a new session cookie (pending when 2FA is on).
#[utoipa::path(post, path = "/api/v1/login", request_body = Credentials,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    client: Client,
    old: CookieToken,
    ApiJson(body): ApiJson<Credentials>,
) -> ApiResult<Response> {
    let out = state
        .auth
        .login(
            &body.username,
            &body.password,
            old.hash().as_deref(),
            &client,
        )
        .await?;
    let status = if out.stage == Stage::Full {
        "authenticated"
    } else {
        "second_factor_required"
    };
    Ok((
        session::login_cookies(&state.config, &out),
        Json(LoginResponse { status }),
    )
        .into_response())
}

/// Pass the second factor of a pending login.
#[utoipa::path(post, path = "/api/v1/login/second-factor", request_body = SecondFactorRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn second_factor(
    State(state): State<AppState>,
    client: Client,
    pending: Pending,
    ApiJson(body): ApiJson<SecondFactorRequest>,
) -> ApiResult<Response> {
    let input = second_factor_input(body.code, body.backup_code)?;
    let token = state.auth.second_factor(&pending, input, &client).await?;
    Ok(with_cookie(
        &state,
        &token,
        Json(LoginResponse {
            status: "authenticated",
        }),
    ))
}

/// End the session (pending or full) on the server.
#[utoipa::path(post, path = "/api/v1/logout", responses((status = 204)))]
pub async fn logout(State(state): State<AppState>, token: CookieToken) -> ApiResult<Response> {
    if let Some(hash) = token.hash() {
        state.auth.logout(&hash).await?;
    }
    let mut resp = StatusCode::NO_CONTENT.into_response();
    resp.headers_mut()
        .append(header::SET_COOKIE, session::clear_cookie(&state.config));
    Ok(resp)
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = MeResponse), (status = 401, body = ErrorBody)))]
pub async fn me(user: Authenticated) -> ApiResult<Json<MeResponse>> {
    // The 2FA status came with the session, in the same statement.
    Ok(Json(MeResponse {
        username: user.username.clone(),
        email: user.email.clone(),
        two_factor: TwoFactorStatus {
            enabled: user.two_factor_enabled,
            factors: [
                ("totp", user.authenticator_app),
                ("passkey", user.has_passkey),
            ]
            .into_iter()
            .filter_map(|(name, on)| on.then_some(name))
            .collect(),
            backup_codes_remaining: user.backup_codes_remaining,
        },
        groups: user.groups.clone(),
    }))
}

/// Start a 2FA setup (needs the password). 2FA is active only after `confirm`.
#[utoipa::path(post, path = "/api/v1/me/two-factor/setup", request_body = PasswordRequest,
    responses((status = 200, body = SetupResponse), (status = 401, body = ErrorBody)))]
pub async fn setup(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<PasswordRequest>,
) -> ApiResult<Json<SetupResponse>> {
    let second = step_up_input(body.code, body.backup_code)?;
    let info = state
        .auth
        .begin_setup(&user, &body.password, second, &client)
        .await?;
    Ok(Json(SetupResponse {
        secret: info.secret_base32.expose().to_owned(),
        otpauth_uri: info.otpauth_uri.expose().to_owned(),
        qr_svg: info.qr_svg.expose().to_owned(),
    }))
}

/// Confirm the setup with a code from the new device.
#[utoipa::path(post, path = "/api/v1/me/two-factor/confirm", request_body = CodeRequest,
    responses((status = 200, body = EnabledResponse), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn confirm(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<CodeRequest>,
) -> ApiResult<Json<EnabledResponse>> {
    state.auth.confirm_setup(&user, &body.code, &client).await?;
    Ok(Json(EnabledResponse { enabled: true }))
}

/// Turn 2FA off (password plus a code or a backup code).
#[utoipa::path(post, path = "/api/v1/me/two-factor/disable", request_body = DisableRequest,
    responses((status = 200, body = EnabledResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn disable(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<DisableRequest>,
) -> ApiResult<Json<EnabledResponse>> {
    let input = second_factor_input(body.code, body.backup_code)?;
    let after = state
        .auth
        .disable(&user, &body.password, input, &client)
        .await?;
    // Passkeys keep 2FA on: say so, as `GET /api/v1/me` does.
    Ok(Json(EnabledResponse {
        enabled: after == deadbolt_auth::TwoFactorAfter::OnByPasskeys,
    }))
}

/// Generate a new set of 10 backup codes (the old set stops working).
#[utoipa::path(post, path = "/api/v1/me/backup-codes", request_body = PasswordRequest,
    responses((status = 200, body = BackupCodesResponse), (status = 401, body = ErrorBody)))]
pub async fn backup_codes(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<PasswordRequest>,
) -> ApiResult<Json<BackupCodesResponse>> {
    let second = step_up_input(body.code, body.backup_code)?;
    let codes = state
        .auth
        .regenerate_backup_codes(&user, &body.password, second, &client)
        .await?;
    Ok(Json(BackupCodesResponse {
        codes: codes.iter().map(|c| c.expose().to_owned()).collect(),
    }))
}

/// Recent security activity, newest first.
#[utoipa::path(get, path = "/api/v1/me/events", responses((status = 200, body = EventsResponse), (status = 401, body = ErrorBody)))]
pub async fn events(
    State(state): State<AppState>,
    user: Authenticated,
) -> ApiResult<Json<EventsResponse>> {
    let events = state.auth.events(user.user_id, 50).await?;
    Ok(Json(EventsResponse {
        events: events
            .into_iter()
            .map(|e| EventView {
                at: rfc3339(e.at),
                kind: e.kind.name().to_owned(),
                detail: e.kind.detail(),
                ip: e.ip,
            })
            .collect(),
    }))
}

/// Change the password; other sessions end, this one gets a new cookie.
#[utoipa::path(post, path = "/api/v1/me/password", request_body = ChangePasswordRequest,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<ChangePasswordRequest>,
) -> ApiResult<Response> {
    let second = step_up_input(body.code, body.backup_code)?;
    let token = state
        .auth
        .change_password(
            &user,
            &body.current_password,
            &body.new_password,
            second,
            &client,
        )
        .await?;
    Ok(with_cookie(&state, &token, StatusCode::NO_CONTENT))
}

/// The user's live sessions.
#[utoipa::path(get, path = "/api/v1/me/sessions", responses((status = 200, body = SessionsResponse), (status = 401, body = ErrorBody)))]
pub async fn sessions(
    State(state): State<AppState>,
    user: Authenticated,
) -> ApiResult<Json<SessionsResponse>> {
    let o = state
        .auth
        .overview(user.user_id, Some(&user.token_hash))
        .await?;
    Ok(Json(SessionsResponse {
        sessions: o
            .sessions
            .into_iter()
            .map(|s| SessionItem {
                id: s.id,
                created_at: rfc3339(s.created_at),
                last_seen: rfc3339(s.last_seen),
                ip: s.ip,
                user_agent: s.user_agent,
                current: s.current,
            })
            .collect(),
    }))
}

/// End one of the user's sessions.
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", params(("id" = String, Path, description = "session id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn revoke_session(
    State(state): State<AppState>,
    user: Authenticated,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    state.auth.revoke_session(user.user_id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn api_not_found() -> ApiError {
    ApiError::not_found()
}

/// Refuse any API request body that is not declared JSON (a cross-site HTML
/// form can send only form, multipart or text bodies).
async fn json_only(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let has_type = req.headers().contains_key(header::CONTENT_TYPE);
    if has_type && !crate::error::is_json_content_type(req.headers()) {
        return ApiError::unsupported_media_type().into_response();
    }
    next.run(req).await
}

/// The API routes (`/api/...` and `/healthz`).
pub fn routes() -> Router<AppState> {
    let v1 = Router::new()
        .route("/api/v1/signup", post(signup))
        .route("/api/v1/login", post(login))
        .route("/api/v1/login/second-factor", post(second_factor))
        .route("/api/v1/logout", post(logout))
        .route("/api/v1/me", get(me))
        .route("/api/v1/me/two-factor/setup", post(setup))
        .route("/api/v1/me/two-factor/confirm", post(confirm))
        .route("/api/v1/me/two-factor/disable", post(disable))
        .route("/api/v1/me/backup-codes", post(backup_codes))
        .route("/api/v1/me/events", get(events))
        .route("/api/v1/me/password", post(change_password))
        .route("/api/v1/me/sessions", get(sessions))
        .route("/api/v1/me/sessions/{id}", delete(revoke_session))
        .route("/api/v1/me/email", post(email::change_email))
        .route(
            "/api/v1/me/notifications",
            get(email::notifications).put(email::set_notifications),
        )
        .route("/api/v1/email/verify", post(email::verify_email))
        .route("/api/v1/password-reset", post(email::request_reset))
        .route("/api/v1/password-reset/confirm", post(email::confirm_reset))
        .route("/api/authz/forward-auth", get(authz::forward_auth))
        .route("/api/authz/auth-request", get(authz::auth_request))
        .merge(passkeys::routes())
        .route("/api/openapi.json", get(crate::openapi::serve))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .layer(axum::middleware::from_fn(json_only));
    v1.route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}
