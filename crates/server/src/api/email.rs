//! The JSON API's email operations: the verified address, the password
//! reset, and the notice a user may turn off. Translation only: the rules
//! are `deadbolt_auth`'s (`email`, `reset`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deadbolt_auth::ResetRequest;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiResult, LoginResponse, step_up_input, with_cookie};
use crate::error::{ApiError, ApiJson, ErrorBody};
use crate::session::{Authenticated, Client};
use crate::state::AppState;

/// `{"email","password"}`, plus `{"code"}` or `{"backup_code"}` when the
/// step-up asks for one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(max_properties = 3)]
pub struct EmailRequest {
    /// The new address (checked by lettre's parser; a dotted domain).
    #[schema(min_length = 3, max_length = 254, pattern = "^[^\\x00-\\x1f\\x7f]*$")]
    pub email: String,
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

/// `{"email","status":"verification_sent"}`.
#[derive(Serialize, ToSchema)]
pub struct EmailResponse {
    /// The address, as it will be stored (trimmed, lowercase).
    pub email: String,
    /// `verification_sent` (the address is the account's once the link in
    /// the letter is opened) or `verified`.
    pub status: &'static str,
}

/// `{"token"}` from a mailed link.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The `token` of the link.
    #[schema(min_length = 1, max_length = 128, pattern = "^[^\\x00]*$")]
    pub token: String,
}

/// `{"username"}` or `{"email"}` (exactly one).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(min_properties = 1, max_properties = 1)]
pub struct ResetRequestBody {
    /// The account's username.
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\x00]*$"
    )]
    pub username: Option<String>,
    /// Or its verified address.
    #[schema(
        nullable = false,
        min_length = 3,
        max_length = 254,
        pattern = "^[^\\x00-\\x1f\\x7f]*$"
    )]
    pub email: Option<String>,
}

/// `{"status":"accepted"}`: the same whether or not an account matched.
#[derive(Serialize, ToSchema)]
pub struct AcceptedResponse {
    /// `accepted`.
    pub status: &'static str,
}

/// `{"token","new_password"}`, plus `{"code"}` or `{"backup_code"}` when
/// the account has 2FA.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(min_properties = 2, max_properties = 3)]
pub struct ResetConfirmRequest {
    /// The `token` of the link.
    #[schema(min_length = 1, max_length = 128, pattern = "^[^\\x00]*$")]
    pub token: String,
    /// The new password: 8–1024 characters.
    #[schema(min_length = 8, max_length = 1024, pattern = "^[^\\x00]*$")]
    pub new_password: String,
    /// A current code (needed when the account has 2FA).
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub code: Option<String>,
    /// Or a backup code.
    #[schema(nullable = false, max_length = 64, pattern = "^[^\\x00]*$")]
    pub backup_code: Option<String>,
}

/// The notices a user may turn off.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationSettings {
    /// A notice when someone signs in from a browser not seen before.
    pub new_browser: bool,
}

/// Ask to make an address the account's (password, plus a code when the
/// step-up asks): a link is mailed to it; the address is used once the link
/// is opened.
#[utoipa::path(post, path = "/api/v1/me/email", request_body = EmailRequest,
    responses((status = 202, body = EmailResponse), (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "`email_not_configured`: email is not set up on this server (no `--smtp-url`).")))]
pub async fn change_email(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    ApiJson(body): ApiJson<EmailRequest>,
) -> ApiResult<Response> {
    let second = step_up_input(body.code, body.backup_code)?;
    let email = state
        .auth
        .request_email_change(&user, &body.email, &body.password, second, &client)
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(EmailResponse {
            email,
            status: "verification_sent",
        }),
    )
        .into_response())
}

/// Verify an address with the token of the link mailed to it (no session
/// needed).
#[utoipa::path(post, path = "/api/v1/email/verify", request_body = TokenRequest,
    responses((status = 200, body = EmailResponse),
        (status = 409, body = ErrorBody, description = "`email_taken`: another account verified this address first; `email_not_configured`: email is not set up on this server (no `--smtp-url`).")))]
pub async fn verify_email(
    State(state): State<AppState>,
    client: Client,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Json<EmailResponse>> {
    let email = state.auth.verify_email(&body.token, &client).await?;
    Ok(Json(EmailResponse {
        email,
        status: "verified",
    }))
}

/// Ask for a password-reset link. Always 202 for a well-formed request,
/// whether or not the account exists or has a verified address.
#[utoipa::path(post, path = "/api/v1/password-reset", request_body = ResetRequestBody,
    responses((status = 202, body = AcceptedResponse),
        (status = 409, body = ErrorBody, description = "`email_not_configured`: email is not set up on this server (no `--smtp-url`).")))]
pub async fn request_reset(
    State(state): State<AppState>,
    client: Client,
    ApiJson(body): ApiJson<ResetRequestBody>,
) -> ApiResult<Response> {
    let who = match (&body.username, &body.email) {
        (Some(u), None) => ResetRequest::Username(u),
        (None, Some(e)) => ResetRequest::Email(e),
        _ => {
            return Err(ApiError::bad_request(
                "invalid_input",
                crate::i18n::t("api-username-or-email"),
            ));
        }
    };
    state.auth.request_password_reset(who, &client).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(AcceptedResponse { status: "accepted" }),
    )
        .into_response())
}

/// Set a new password with a reset link's token (plus a code or a backup
/// code when the account has 2FA). Every session ends; the answer signs
/// this client in with a new one.
#[utoipa::path(post, path = "/api/v1/password-reset/confirm", request_body = ResetConfirmRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "`email_not_configured`: email is not set up on this server (no `--smtp-url`).")))]
pub async fn confirm_reset(
    State(state): State<AppState>,
    client: Client,
    ApiJson(body): ApiJson<ResetConfirmRequest>,
) -> ApiResult<Response> {
    let second = step_up_input(body.code, body.backup_code)?;
    let token = state
        .auth
        .complete_password_reset(&body.token, &body.new_password, second, &client)
        .await?;
    Ok(with_cookie(
        &state,
        &token,
        Json(LoginResponse {
            status: "authenticated",
        }),
    ))
}

/// The notices the user may turn off, as they are now.
#[utoipa::path(get, path = "/api/v1/me/notifications",
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    user: Authenticated,
) -> ApiResult<Json<NotificationSettings>> {
    Ok(Json(NotificationSettings {
        new_browser: state.auth.new_browser_notice(&user).await?,
    }))
}

/// Turn the new-browser notice on or off (the other notices always go).
#[utoipa::path(put, path = "/api/v1/me/notifications", request_body = NotificationSettings,
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody)))]
pub async fn set_notifications(
    State(state): State<AppState>,
    user: Authenticated,
    ApiJson(body): ApiJson<NotificationSettings>,
) -> ApiResult<Json<NotificationSettings>> {
    state
        .auth
        .set_new_browser_notice(&user, body.new_browser)
        .await?;
    Ok(Json(body))
}
