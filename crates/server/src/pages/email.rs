//! The email pages: `/password-reset` (ask for a link), the page the link
//! opens (`/password-reset/confirm`: a new password, and a code when the
//! account has 2FA), `/verify-email` (the verification link), and the
//! security page's email section (change the address, the new-browser
//! notice).
//!
//! A mailed link's GET never changes anything (mail scanners open links):
//! it shows a form whose POST does the work.

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use deadbolt_auth::{AuthError, MailToken, ResetRequest, Stage};
use serde::Deserialize;

use super::security::{Trouble, failed, is_step_up_error, security_page, step_up_input};
use super::views::{FormErrors, PasswordResetPage, ResetConfirmPage, VerifyEmailPage};
use super::{internal_error, message_of, new_password_pair, render, status_for, with_retry_after};
use crate::i18n::t;
use crate::session::{Authenticated, Client, MaybeSession, set_cookie};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/password-reset", get(show_request).post(submit_request))
        .route(
            "/password-reset/confirm",
            get(show_confirm).post(submit_confirm),
        )
        .route("/verify-email", get(show_verify).post(submit_verify))
        .route("/settings/account/security/email", post(change_email))
        .route(
            "/settings/account/security/notifications",
            post(set_notifications),
        )
}

// ------------------------------------------------------------------ asking for a reset

fn request_page(
    state: &AppState,
    sent: bool,
    who: String,
    errors: FormErrors,
) -> PasswordResetPage {
    PasswordResetPage {
        signed_in: None,
        section: "login",
        email_enabled: state.auth.email_enabled(),
        sent,
        who,
        errors,
    }
}

async fn show_request(State(state): State<AppState>) -> Response {
    render(
        StatusCode::OK,
        &request_page(&state, false, String::new(), FormErrors::none()),
    )
}

#[derive(Deserialize)]
struct RequestForm {
    #[serde(default)]
    who: String,
}

async fn submit_request(
    State(state): State<AppState>,
    client: Client,
    Form(form): Form<RequestForm>,
) -> Response {
    let typed = form.who.trim();
    if typed.is_empty() {
        let errors = FormErrors::one("who", t("err-enter-username-or-email"));
        return render(
            StatusCode::BAD_REQUEST,
            &request_page(&state, false, form.who, errors),
        );
    }
    let who = if typed.contains('@') {
        ResetRequest::Email(typed)
    } else {
        ResetRequest::Username(typed)
    };
    match state.auth.request_password_reset(who, &client).await {
        Ok(()) => render(
            StatusCode::OK,
            &request_page(&state, true, String::new(), FormErrors::none()),
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => {
            let field = match &e {
                AuthError::Invalid { .. } => "who",
                _ => "",
            };
            let errors = FormErrors::one(field, message_of(&e));
            with_retry_after(
                &e,
                render(
                    status_for(&e),
                    &request_page(&state, false, form.who, errors),
                ),
            )
        }
    }
}

// ------------------------------------------------------------------ the reset link

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn confirm_page(
    token: &str,
    valid: bool,
    two_factor: bool,
    errors: FormErrors,
) -> ResetConfirmPage {
    ResetConfirmPage {
        signed_in: None,
        section: "login",
        valid,
        token: MailToken::new(token),
        two_factor,
        errors,
    }
}

/// The page a reset link opens: the form if the link is live, else why not.
async fn show_confirm(State(state): State<AppState>, Query(q): Query<TokenQuery>) -> Response {
    match state.auth.password_reset_info(&q.token).await {
        Ok(info) => render(
            StatusCode::OK,
            &confirm_page(&q.token, true, info.two_factor, FormErrors::none()),
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => render(
            status_for(&e),
            &confirm_page("", false, false, FormErrors::one("", message_of(&e))),
        ),
    }
}

#[derive(Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_confirm: String,
    #[serde(default)]
    second_factor: String,
}

async fn submit_confirm(
    State(state): State<AppState>,
    client: Client,
    Form(form): Form<ConfirmForm>,
) -> Response {
    // Whether to show the code field again if the form comes back.
    let two_factor = match state.auth.password_reset_info(&form.token).await {
        Ok(info) => info.two_factor,
        Err(e @ AuthError::Internal(_)) => return internal_error(None, &e),
        Err(e) => {
            return render(
                status_for(&e),
                &confirm_page("", false, false, FormErrors::one("", message_of(&e))),
            );
        }
    };
    let mut errors = FormErrors::none();
    new_password_pair(&mut errors, &form.new_password, &form.new_password_confirm);
    if two_factor && form.second_factor.trim().is_empty() {
        errors.add("second_factor", t("err-enter-code-or-backup"));
    }
    if !errors.is_empty() {
        return render(
            StatusCode::BAD_REQUEST,
            &confirm_page(&form.token, true, two_factor, errors),
        );
    }
    let result = state
        .auth
        .complete_password_reset(
            &form.token,
            &form.new_password,
            step_up_input(form.second_factor),
            &client,
        )
        .await;
    match result {
        Ok(token) => (
            [(header::SET_COOKIE, set_cookie(&state.config, &token))],
            Redirect::to("/settings/account/security?done=password-reset"),
        )
            .into_response(),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e @ AuthError::InvalidToken) => render(
            status_for(&e),
            &confirm_page("", false, false, FormErrors::one("", message_of(&e))),
        ),
        Err(e) => {
            let field = match &e {
                AuthError::Invalid { .. } => "new_password",
                AuthError::SecondFactorRequired => "second_factor",
                e if is_step_up_error(e) => "second_factor",
                _ => "",
            };
            let errors = FormErrors::one(field, message_of(&e));
            with_retry_after(
                &e,
                render(
                    status_for(&e),
                    &confirm_page(&form.token, true, two_factor, errors),
                ),
            )
        }
    }
}

// ------------------------------------------------------------------ the verification link

/// The signed-in username for the toolbar (a full session only).
fn signed_in(session: &MaybeSession) -> Option<String> {
    session
        .0
        .as_ref()
        .filter(|s| s.stage == Stage::Full)
        .map(|s| s.username.clone())
}

fn verify_page(
    signed_in: Option<String>,
    token: &str,
    valid: bool,
    done: Option<String>,
    errors: FormErrors,
) -> VerifyEmailPage {
    VerifyEmailPage {
        signed_in,
        section: "",
        valid,
        token: MailToken::new(token),
        done,
        errors,
    }
}

async fn show_verify(
    State(state): State<AppState>,
    session: MaybeSession,
    Query(q): Query<TokenQuery>,
) -> Response {
    let who = signed_in(&session);
    if !state.auth.email_enabled() {
        let e = AuthError::EmailNotConfigured;
        return render(
            status_for(&e),
            &verify_page(
                who.clone(),
                "",
                false,
                None,
                FormErrors::one("", message_of(&e)),
            ),
        );
    }
    if deadbolt_auth::keys::mail_token_hash(&q.token).is_none() {
        let e = AuthError::InvalidToken;
        return render(
            status_for(&e),
            &verify_page(
                who.clone(),
                "",
                false,
                None,
                FormErrors::one("", message_of(&e)),
            ),
        );
    }
    render(
        StatusCode::OK,
        &verify_page(who, &q.token, true, None, FormErrors::none()),
    )
}

async fn submit_verify(
    State(state): State<AppState>,
    session: MaybeSession,
    client: Client,
    Form(form): Form<TokenQuery>,
) -> Response {
    let who = signed_in(&session);
    match state.auth.verify_email(&form.token, &client).await {
        Ok(address) => render(
            StatusCode::OK,
            &verify_page(
                who.clone(),
                "",
                false,
                Some(format!(
                    "{address} is now your account's address: security notices and password-reset links go to it."
                )),
                FormErrors::none(),
            ),
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => render(
            status_for(&e),
            &verify_page(
                who.clone(),
                "",
                false,
                None,
                FormErrors::one("", message_of(&e)),
            ),
        ),
    }
}

// ------------------------------------------------------------------ the security page's section

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    email_password: String,
    #[serde(default)]
    email_step_up_code: String,
}

async fn change_email(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    Form(form): Form<EmailForm>,
) -> Response {
    let mut errors = FormErrors::none();
    if form.new_email.trim().is_empty() {
        errors.add("new_email", t("err-enter-new-email"));
    }
    if form.email_password.is_empty() {
        errors.add("email_password", t("err-enter-password"));
    }
    if !errors.is_empty() {
        let trouble = Trouble {
            status: Some(StatusCode::BAD_REQUEST),
            email_errors: errors,
            email_typed: form.new_email,
            ..Trouble::default()
        };
        return security_page(&state, &user, trouble).await;
    }
    let result = state
        .auth
        .request_email_change(
            &user,
            &form.new_email,
            &form.email_password,
            step_up_input(form.email_step_up_code),
            &client,
        )
        .await;
    match result {
        Ok(_) => Redirect::to("/settings/account/security?done=email-sent#email").into_response(),
        Err(e) => {
            let typed = form.new_email;
            failed(&state, &user, &e, |t, message| {
                let field = match &e {
                    AuthError::Invalid { .. } => "new_email",
                    AuthError::WrongPassword => "email_password",
                    e if is_step_up_error(e) => "email_step_up_code",
                    _ => "",
                };
                t.email_errors = FormErrors::one(field, message);
                t.email_typed = typed;
            })
            .await
        }
    }
}

#[derive(Deserialize)]
struct NotificationsForm {
    /// `on` when the box is ticked; absent otherwise.
    new_browser: Option<String>,
}

async fn set_notifications(
    State(state): State<AppState>,
    user: Authenticated,
    Form(form): Form<NotificationsForm>,
) -> Response {
    let on = form.new_browser.is_some_and(|v| v == "on");
    match state.auth.set_new_browser_notice(&user, on).await {
        Ok(()) => Redirect::to("/settings/account/security?done=notifications-saved#email")
            .into_response(),
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}
