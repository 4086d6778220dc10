//! The one place errors become HTTP: [`classify`] is the table from a rule's
//! error to a status and a stable code, for the JSON API
//! (`{"error":{"code":"snake_case","message":"human sentence"}}`) and the
//! HTML pages alike.
//!
//! Also [`ApiJson`], the JSON body extractor of the API: it accepts only
//! `Content-Type: application/json`, and turns every rejection (malformed
//! JSON, unknown or missing fields, wrong content type, body too large, NUL
//! bytes) into a 4xx in this shape instead of axum's plain-text answers.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use deadbolt_auth::{AuthError, report};

use crate::i18n::{Arg, t, ta};

/// An error answer of the JSON API.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable snake_case code for programs.
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
    /// The form field at fault, if any.
    pub field: Option<&'static str>,
    /// For 429: seconds to wait.
    pub retry_after: Option<i64>,
}

/// The error body (documented in OpenAPI).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// `{"code","message"}` (+ `field` for input errors).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable snake_case code.
    pub code: String,
    /// Human sentence.
    pub message: String,
    /// The input field at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    /// A new error.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
        }
    }
    /// 401: no valid (full) session.
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            t("api-unauthenticated"),
        )
    }
    /// 401: the second-factor endpoint without a pending login.
    pub fn no_pending_login() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "no_pending_login",
            t("api-no-pending-login"),
        )
    }
    /// 400 for malformed input.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    /// 403 from the CSRF protection.
    pub fn cross_site() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "cross_site_request",
            t("api-cross-site"),
        )
    }
    /// 404.
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", t("api-not-found"))
    }
    /// 413.
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            t("api-too-large"),
        )
    }
    /// 415.
    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            t("api-unsupported-media-type"),
        )
    }
}

/// The one table: a rule's error as an HTTP status and a stable code.
pub fn classify(e: &AuthError) -> (StatusCode, &'static str) {
    match e {
        AuthError::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
        AuthError::WrongPassword => (StatusCode::UNAUTHORIZED, "wrong_password"),
        AuthError::UsernameTaken => (StatusCode::CONFLICT, "username_taken"),
        AuthError::Invalid { .. } => (StatusCode::BAD_REQUEST, "invalid_input"),
        AuthError::WrongCode => (StatusCode::UNAUTHORIZED, "wrong_code"),
        AuthError::CodeReused => (StatusCode::UNAUTHORIZED, "code_already_used"),
        AuthError::Throttled { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
        AuthError::NoPendingSetup => (StatusCode::CONFLICT, "no_pending_setup"),
        AuthError::SetupExpired => (StatusCode::CONFLICT, "setup_expired"),
        AuthError::StepUpRequired => (StatusCode::UNAUTHORIZED, "step_up_required"),
        AuthError::TwoFactorNotEnabled => (StatusCode::CONFLICT, "two_factor_not_enabled"),
        AuthError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
        AuthError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        AuthError::EmailNotConfigured => (StatusCode::CONFLICT, "email_not_configured"),
        AuthError::InvalidToken => (StatusCode::BAD_REQUEST, "invalid_token"),
        AuthError::EmailTaken => (StatusCode::CONFLICT, "email_taken"),
        AuthError::SecondFactorRequired => (StatusCode::UNAUTHORIZED, "second_factor_required"),
        AuthError::AccountDisabled => (StatusCode::FORBIDDEN, "account_disabled"),
        AuthError::SignupClosed => (StatusCode::FORBIDDEN, "signup_closed"),
        AuthError::PasskeyRefused => (StatusCode::UNAUTHORIZED, "passkey_refused"),
        AuthError::PasskeyCeremonyGone => (StatusCode::BAD_REQUEST, "passkey_ceremony_gone"),
        AuthError::NoPasskey => (StatusCode::CONFLICT, "no_passkey"),
        AuthError::PasskeysUnavailable => (StatusCode::CONFLICT, "passkeys_unavailable"),
        // Anything added later is a server-side failure until it has a row.
        _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
    }
}

/// The sentence for an internal error: calm, and never its detail (English;
/// [`message`] gives it in the request's language).
pub const INTERNAL_MESSAGE: &str = "Something went wrong on our side. Please try again.";

/// The user-facing sentence of a rule's error, in the request's language
/// (`i18n`): one catalogue key per variant. An `Invalid` carries the auth
/// crate's English sentence; [`invalid_message`] finds its key.
pub fn message(e: &AuthError) -> String {
    let key = match e {
        AuthError::InvalidCredentials => "err-invalid-credentials",
        AuthError::WrongPassword => "err-wrong-password",
        AuthError::UsernameTaken => "err-username-taken",
        AuthError::Invalid { message, .. } => return invalid_message(message),
        AuthError::WrongCode => "err-wrong-code",
        AuthError::CodeReused => "err-code-reused",
        AuthError::Throttled { retry_after } => {
            let minutes = ((retry_after + 59) / 60).max(1);
            return ta("err-throttled", &[("count", Arg::Number(minutes))]);
        }
        AuthError::NoPendingSetup => "err-no-pending-setup",
        AuthError::SetupExpired => "err-setup-expired",
        AuthError::StepUpRequired => "err-step-up-required",
        AuthError::TwoFactorNotEnabled => "err-two-factor-not-enabled",
        AuthError::EmailNotConfigured => "err-email-not-configured",
        AuthError::InvalidToken => "err-invalid-token",
        AuthError::EmailTaken => "err-email-taken",
        AuthError::SecondFactorRequired => "err-second-factor-required",
        AuthError::PasskeyRefused => "err-passkey-refused",
        AuthError::PasskeyCeremonyGone => "err-passkey-ceremony-gone",
        AuthError::NoPasskey => "err-no-passkey",
        AuthError::PasskeysUnavailable => "err-passkeys-unavailable",
        AuthError::Unauthenticated => "api-unauthenticated",
        AuthError::NotFound => "err-not-found",
        AuthError::AccountDisabled => "err-account-disabled",
        AuthError::SignupClosed => "err-signup-closed",
        _ => "err-internal",
    };
    t(key)
}

/// The auth crate's policy sentences (`AuthError::Invalid`) and their keys;
/// a sentence not listed here is shown as it is (English).
const INVALID_MESSAGES: &[(&str, &str)] = &[
    (
        "The password must not contain a NUL character.",
        "err-password-nul",
    ),
    (
        "This password is one of the most common passwords; choose one that is harder to guess.",
        "err-password-common",
    ),
    ("Enter a username.", "err-enter-username"),
    (
        "A username may contain only letters, digits, '.', '_' and '-'.",
        "err-username-characters",
    ),
    (
        "A username may use the letters of one alphabet only (Latin, Cyrillic, Greek, ...), not a mix.",
        "err-username-one-script",
    ),
    ("Enter an email address.", "err-enter-email"),
    (
        "This email address is too long (254 characters at most).",
        "err-email-too-long",
    ),
    (
        "An email address cannot contain spaces or line breaks.",
        "err-email-spaces",
    ),
    (
        "This is not a valid email address (name@example.com).",
        "err-email-invalid",
    ),
    (
        "Use an address at a domain name (name@example.com), not a local host or an IP address.",
        "err-email-domain",
    ),
    ("This is already your address.", "err-email-same"),
    ("This is not a passkey response.", "err-passkey-response"),
    ("This key is registered already.", "err-passkey-registered"),
    (
        "Enter the 6-digit code from your app.",
        "err-enter-code-from-app",
    ),
    ("Enter your password.", "err-enter-password"),
];

/// An `Invalid` sentence in the request's language.
pub fn invalid_message(english: &str) -> String {
    if let Some((_, key)) = INVALID_MESSAGES.iter().find(|(en, _)| *en == english) {
        return t(key);
    }
    let number = |prefix: &str, suffix: &str| {
        english
            .strip_prefix(prefix)?
            .strip_suffix(suffix)?
            .parse::<i64>()
            .ok()
    };
    if let Some(n) = number("Use at least ", " characters.") {
        return ta("err-password-too-short", &[("count", Arg::Number(n))]);
    }
    if let Some(n) = number("Use at most ", " characters.") {
        return ta("err-password-too-long", &[("count", Arg::Number(n))]);
    }
    if let Some(n) = number("Use at most ", " characters for the username.") {
        return ta("err-username-too-long", &[("count", Arg::Number(n))]);
    }
    if let Some(n) = number("Give the key a name of 1 to ", " characters.") {
        return ta("err-passkey-name", &[("count", Arg::Number(n))]);
    }
    if let Some(word) = english
        .strip_prefix("The password must not be built from ")
        .and_then(|rest| {
            rest.split_once("; choose one that has nothing to do with this account or service.")
        })
        .map(|(word, _)| word)
    {
        return ta(
            "err-password-context",
            &[("word", Arg::Text(word.to_owned()))],
        );
    }
    english.to_owned()
}

/// Log an internal error with its whole source chain (the user sees
/// [`INTERNAL_MESSAGE`] only).
pub fn log_internal(e: &AuthError) {
    tracing::error!(error = %report(e), "internal error");
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        let (status, code) = classify(&e);
        if status.is_server_error() {
            log_internal(&e);
            return Self::new(status, code, t("err-internal"));
        }
        let mut err = Self::new(status, code, message(&e));
        if let AuthError::Invalid { field, .. } = e {
            err.field = Some(field);
        }
        if let AuthError::Throttled { retry_after } = e {
            err.retry_after = Some(retry_after);
        }
        err
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, status = %self.status, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
                field: self.field.map(str::to_owned),
            },
        };
        let mut resp = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        resp
    }
}

/// Whether the request declares `application/json` (parameters such as `charset` allowed).
pub fn is_json_content_type(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// A JSON request body, for the API only. Rejections are [`ApiError`]s.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json_content_type(req.headers()) {
            return Err(ApiError::unsupported_media_type());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::too_large()
            } else {
                ApiError::bad_request("unreadable_body", t("api-unreadable-body"))
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parse a JSON body, refusing NUL bytes (raw or escaped) and describing
/// errors without echoing values (a value may be a password).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.contains(&0) || contains_escaped_nul(bytes) {
        return Err(ApiError::bad_request(
            "nul_character",
            t("api-nul-character"),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let message = if e.is_data()
            && (text.starts_with("unknown field") || text.starts_with("missing field"))
        {
            // serde names the field, never its value, in these two messages.
            ta(
                "api-body-mismatch",
                &[(
                    "detail",
                    Arg::Text(text.split(" at line").next().unwrap_or("").to_owned()),
                )],
            )
        } else if e.is_data() {
            t("api-wrong-type")
        } else {
            t("api-not-json")
        };
        ApiError::bad_request("malformed_json", message)
    })
}

fn contains_escaped_nul(bytes: &[u8]) -> bool {
    // `\u0000` in any case of hex digits; a preceding backslash pair is rare
    // enough that refusing it too is acceptable.
    bytes
        .windows(6)
        .any(|w| w[0] == b'\\' && (w[1] == b'u' || w[1] == b'U') && &w[2..6] == b"0000")
}
