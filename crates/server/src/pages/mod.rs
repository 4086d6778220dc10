//! The HTML pages: server-rendered forms that work without JavaScript.
//!
//! One file per flow (`signup`, `login` with the second-factor page and
//! logout, `account`, `security` for the settings page and everything it
//! posts to, `email` for the password reset, the verification link and the
//! settings page's email section). Handlers only translate between forms and the [`Auth`]
//! service: every rule lives there. Errors are shown next to the field they
//! are about; a successful POST answers with a 303 redirect (so a reload
//! does not resubmit), except where the answer is a secret shown once (the
//! setup QR code, fresh backup codes), which is the POST response itself.
//!
//! The Content-Security-Policy forbids inline script and style, so the
//! templates use classes from the one stylesheet served here.
//!
//! [`Auth`]: deadbolt_auth::Auth

mod account;
mod email;
mod forward;
mod login;
mod oidc;
mod passkeys;
mod security;
mod signup;
mod text;
mod two_factor;
mod views;

use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use deadbolt_auth::AuthError;

use crate::FormActionOrigin;
use crate::error::{classify, log_internal};
use crate::state::AppState;

use crate::i18n::t;
use views::MessagePage;

/// The stylesheet, compiled in.
const STYLESHEET: &str = include_str!("../../static/app.css");

/// Where a login's `next` ends once Deadbolt's own redirects are done, if
/// that is another origin: a forward-auth return URL, or the registered
/// redirect URI of the OpenID Connect request waiting for the login.
pub(super) async fn form_target(state: &AppState, next: &str) -> Option<FormActionOrigin> {
    match forward::return_url_of(state, next) {
        Some(url) => FormActionOrigin::of(&url),
        None => oidc::redirect_of(state, next).await,
    }
}

/// `resp` with `target` allowed as its form's final destination.
pub(super) fn with_form_target(mut resp: Response, target: Option<FormActionOrigin>) -> Response {
    if let Some(t) = target {
        resp.extensions_mut().insert(t);
    }
    resp
}

/// Every HTML route.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/account") }))
        .route("/static/app.css", get(stylesheet))
        .merge(signup::routes())
        .merge(login::routes())
        .merge(account::routes())
        .merge(security::routes())
        .merge(email::routes())
        .merge(forward::routes())
        .merge(passkeys::routes())
        .merge(oidc::routes())
}

async fn stylesheet() -> Response {
    static_file("text/css; charset=utf-8", STYLESHEET)
}

/// A file compiled into the binary, with its type.
fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            // A day, not a year: the URL carries no version, so a deploy must show up soon.
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        body,
    )
        .into_response()
}

/// Render a template with a status. A template that fails to render is a
/// bug: it is logged and the user gets a plain 500.
fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, t("err-internal")).into_response()
        }
    }
}

/// The status a form re-rendered with this error answers with (the one
/// table of `error.rs`).
fn status_for(error: &AuthError) -> StatusCode {
    classify(error).0
}

/// Add `Retry-After` when the error is a throttle.
fn with_retry_after(error: &AuthError, mut response: Response) -> Response {
    if let AuthError::Throttled { retry_after } = error
        && let Ok(v) = HeaderValue::from_str(&retry_after.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// A server-side failure: logged with its detail, shown as a calm sentence.
fn internal_error(signed_in: Option<String>, error: &AuthError) -> Response {
    log_internal(error);
    render(
        StatusCode::INTERNAL_SERVER_ERROR,
        &MessagePage {
            signed_in,
            section: "",
            title: t("err-internal-title"),
            message: t("err-internal-page"),
            link_href: "/account",
            link_text: t("action-back-to-account"),
        },
    )
}

/// The user-facing sentence of an error that is not internal.
fn message_of(error: &AuthError) -> String {
    crate::error::message(error)
}

/// A new password typed twice: both there and the same.
fn new_password_pair(errors: &mut views::FormErrors, new: &str, confirm: &str) {
    if new.is_empty() {
        errors.add("new_password", t("err-choose-new-password"));
    } else if new != confirm {
        errors.add("new_password_confirm", t("err-new-passwords-differ"));
    }
}

/// Is this a one-time code from an app (6 to 8 digits, spaces allowed)
/// rather than a backup code (10 characters)? Used where one field takes either.
fn looks_like_totp(input: &str) -> bool {
    let digits = input.chars().filter(char::is_ascii_digit).count();
    (6..=8).contains(&digits) && input.chars().all(|c| c.is_ascii_digit() || c == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_field_tells_codes_from_backup_codes() {
        assert!(looks_like_totp("123456"));
        assert!(looks_like_totp("123 456"));
        assert!(!looks_like_totp("k7mq2-x9vtd"));
        assert!(!looks_like_totp("K7MQ2X9VTD"));
        assert!(!looks_like_totp(""));
        assert!(!looks_like_totp("   "));
        assert!(!looks_like_totp("2345678923"), "an all-digit backup code");
    }
}
