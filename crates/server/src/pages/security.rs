//! `/settings/account/security` and everything it posts to: change password,
//! two-factor disabling, backup codes, sessions (the authenticator app's
//! set-up and confirmation are in `two_factor.rs`, the address in
//! `email.rs`).
//!
//! Fresh backup codes are only ever the body of the POST that generated them.

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::text::{backup_codes_data_url, browser_and_device, event_words, utc_minute};
use super::two_factor;
use super::views::{
    BackupCodesPage, EnabledPage, EventView, FormErrors, SecurityPage, SessionView,
};
use super::{
    internal_error, looks_like_totp, message_of, new_password_pair, render, status_for,
    with_retry_after,
};
use crate::i18n::t;
use crate::session::{Authenticated, Client, set_cookie};
use crate::state::AppState;
use crate::util::rfc3339;
use deadbolt_auth::{AuthError, SecondFactorInput, TwoFactorAfter};

const SECURITY: &str = "/settings/account/security";

pub(super) fn routes() -> Router<AppState> {
    let back = || get(back_to_security);
    Router::new()
        .route("/settings", back())
        .route("/settings/account", back())
        .route(SECURITY, get(show))
        .route(
            "/settings/account/security/password",
            back().post(change_password),
        )
        .route(
            "/settings/account/security/two-factor/setup",
            get(two_factor::show_setup).post(two_factor::begin_setup),
        )
        .route(
            "/settings/account/security/two-factor/confirm",
            back().post(two_factor::confirm_setup),
        )
        .route(
            "/settings/account/security/two-factor/disable",
            back().post(disable),
        )
        .route(
            "/settings/account/security/backup-codes",
            back().post(backup_codes),
        )
        .route(
            "/settings/account/security/sessions/revoke",
            back().post(revoke_session),
        )
        .route(
            "/settings/account/security/sessions/sign-out-others",
            back().post(sign_out_others),
        )
}

/// `/settings`, `/settings/account`, and a GET on a form action (a bookmark,
/// or the `next` of a login that interrupted a post) land on the settings
/// page instead of a 405.
async fn back_to_security() -> Redirect {
    Redirect::to(SECURITY)
}

// ------------------------------------------------------------------ the page

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The confirmation shown after a redirect. Only fixed sentences: the query
/// string never puts text of its own on the page.
fn done_notice(done: Option<&str>) -> Option<String> {
    let text = match done? {
        "password-changed" => t("notice-password-changed"),
        "two-factor-off" => t("notice-two-factor-off"),
        "app-removed-keys-remain" => t("notice-app-removed-keys-remain"),
        "session-revoked" => t("notice-session-revoked"),
        "session-gone" => t("notice-session-gone"),
        "signed-out-others" => t("notice-signed-out-others"),
        "password-reset" => t("notice-password-reset"),
        "email-sent" => t("notice-email-sent"),
        "notifications-saved" => t("notice-notifications-saved"),
        "app-disconnected" => t("notice-app-disconnected"),
        other => super::passkeys::done_notice(other)?,
    };
    Some(text)
}

/// What a failed form on the security page changes about it.
#[derive(Default)]
pub(super) struct Trouble {
    pub(super) status: Option<StatusCode>,
    pub(super) notice: Option<String>,
    pub(super) password_errors: FormErrors,
    pub(super) disable_errors: FormErrors,
    pub(super) backup_errors: FormErrors,
    pub(super) email_errors: FormErrors,
    pub(super) email_typed: String,
}

pub(super) async fn security_page(
    state: &AppState,
    user: &Authenticated,
    trouble: Trouble,
) -> Response {
    let overview = match state
        .auth
        .overview(user.user_id, Some(&user.token_hash))
        .await
    {
        Ok(o) => o,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    let sessions = overview
        .sessions
        .into_iter()
        .map(|s| SessionView {
            device: browser_and_device(&s.user_agent),
            // The current session says "active now" (a catalogue key in
            // the template) instead of a time.
            last_active: utc_minute(s.last_seen),
            id: s.id,
            ip: s.ip,
            current: s.current,
        })
        .collect();
    let events = overview
        .events
        .into_iter()
        .map(|e| EventView {
            when: utc_minute(e.at),
            iso: rfc3339(e.at),
            what: event_words(&e.kind),
            ip: e.ip,
        })
        .collect();
    let disable_open = !trouble.disable_errors.is_empty();
    let passkeys = match super::passkeys::views(state, user.user_id).await {
        Ok(keys) => keys,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    let applications = match super::oidc::connected(state, user.user_id).await {
        Ok(apps) => apps,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    let page = SecurityPage {
        applications,
        passkeys,
        signed_in: Some(user.username.clone()),
        section: "settings",
        notice: trouble.notice,
        two_factor: overview.two_factor_enabled,
        authenticator_app: overview.authenticator_app,
        passkey_count: overview.passkeys,
        setup_in_progress: overview.setup_pending,
        backup_codes_remaining: overview.backup_codes_remaining,
        password_errors: trouble.password_errors,
        disable_errors: trouble.disable_errors,
        disable_open,
        backup_errors: trouble.backup_errors,
        step_up: state.auth.step_up_needed(user),
        email_enabled: state.auth.email_enabled(),
        email: overview.email,
        email_typed: trouble.email_typed,
        email_errors: trouble.email_errors,
        notify_new_browser: overview.notify_new_browser,
        sessions,
        events,
    };
    render(trouble.status.unwrap_or(StatusCode::OK), &page)
}

async fn show(
    State(state): State<AppState>,
    user: Authenticated,
    Query(query): Query<DoneQuery>,
) -> Response {
    let trouble = Trouble {
        notice: done_notice(query.done.as_deref()),
        ..Trouble::default()
    };
    security_page(&state, &user, trouble).await
}

/// Re-render the security page for a failed form; internal errors get the error page.
pub(super) async fn failed(
    state: &AppState,
    user: &Authenticated,
    error: &AuthError,
    set: impl FnOnce(&mut Trouble, String),
) -> Response {
    if let AuthError::Internal(_) = error {
        return internal_error(Some(user.username.clone()), error);
    }
    let mut trouble = Trouble {
        status: Some(status_for(error)),
        ..Trouble::default()
    };
    set(&mut trouble, message_of(error));
    with_retry_after(error, security_page(state, user, trouble).await)
}

// ------------------------------------------------------------------ password

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_confirm: String,
    #[serde(default)]
    password_step_up_code: String,
}

async fn change_password(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    Form(form): Form<PasswordForm>,
) -> Response {
    let mut errors = FormErrors::none();
    if form.current_password.is_empty() {
        errors.add("current_password", t("err-enter-current-password"));
    }
    new_password_pair(&mut errors, &form.new_password, &form.new_password_confirm);
    if !errors.is_empty() {
        let trouble = Trouble {
            status: Some(StatusCode::BAD_REQUEST),
            password_errors: errors,
            ..Trouble::default()
        };
        return security_page(&state, &user, trouble).await;
    }
    let result = state
        .auth
        .change_password(
            &user,
            &form.current_password,
            &form.new_password,
            step_up_input(form.password_step_up_code),
            &client,
        )
        .await;
    match result {
        Ok(token) => (
            [(header::SET_COOKIE, set_cookie(&state.config, &token))],
            Redirect::to("/settings/account/security?done=password-changed#password"),
        )
            .into_response(),
        Err(e) => {
            failed(&state, &user, &e, |t, message| {
                let field = match &e {
                    AuthError::WrongPassword => "current_password",
                    AuthError::Invalid { .. } => "new_password",
                    e if is_step_up_error(e) => "password_step_up_code",
                    _ => "",
                };
                t.password_errors = FormErrors::one(field, message);
            })
            .await
        }
    }
}

// ------------------------------------------------------------------ step-up fields

/// A step-up field (one field takes a code or a backup code): empty is none.
pub(super) fn step_up_input(typed: String) -> Option<SecondFactorInput> {
    if typed.trim().is_empty() {
        None
    } else if looks_like_totp(&typed) {
        Some(SecondFactorInput::code(typed))
    } else {
        Some(SecondFactorInput::backup_code(typed))
    }
}

/// An error about the step-up's second factor (shown next to its field).
pub(super) fn is_step_up_error(e: &AuthError) -> bool {
    matches!(
        e,
        AuthError::StepUpRequired | AuthError::WrongCode | AuthError::CodeReused
    )
}

// ------------------------------------------------------------------ disable

#[derive(Deserialize)]
struct DisableForm {
    #[serde(default)]
    disable_password: String,
    #[serde(default)]
    disable_code: String,
}

async fn disable(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    Form(form): Form<DisableForm>,
) -> Response {
    let mut errors = FormErrors::none();
    if form.disable_password.is_empty() {
        errors.add("disable_password", t("err-enter-password"));
    }
    if form.disable_code.trim().is_empty() {
        errors.add("disable_code", t("err-enter-code-or-backup"));
    }
    if !errors.is_empty() {
        let trouble = Trouble {
            status: Some(StatusCode::BAD_REQUEST),
            disable_errors: errors,
            ..Trouble::default()
        };
        return security_page(&state, &user, trouble).await;
    }
    let input = if looks_like_totp(&form.disable_code) {
        SecondFactorInput::code(form.disable_code)
    } else {
        SecondFactorInput::backup_code(form.disable_code)
    };
    match state
        .auth
        .disable(&user, &form.disable_password, input, &client)
        .await
    {
        Ok(TwoFactorAfter::OnByPasskeys) => {
            Redirect::to("/settings/account/security?done=app-removed-keys-remain#two-factor")
                .into_response()
        }
        Ok(TwoFactorAfter::Off) | Err(AuthError::TwoFactorNotEnabled) => {
            Redirect::to("/settings/account/security?done=two-factor-off#two-factor")
                .into_response()
        }
        Err(e) => {
            failed(&state, &user, &e, |t, message| {
                let field = match &e {
                    AuthError::WrongPassword => "disable_password",
                    AuthError::WrongCode | AuthError::CodeReused => "disable_code",
                    _ => "",
                };
                t.disable_errors = FormErrors::one(field, message);
            })
            .await
        }
    }
}

// ------------------------------------------------------------------ backup codes

#[derive(Deserialize)]
struct BackupCodesForm {
    #[serde(default)]
    backup_password: String,
    /// `enabled` when posted from the "two factor authentication is on" page.
    #[serde(default)]
    origin: String,
    #[serde(default)]
    backup_step_up_code: String,
}

async fn backup_codes(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    Form(form): Form<BackupCodesForm>,
) -> Response {
    let from_enabled = form.origin == "enabled";
    let result = if form.backup_password.is_empty() {
        Err(AuthError::Invalid {
            field: "backup_password",
            message: t("err-enter-password"),
        })
    } else {
        state
            .auth
            .regenerate_backup_codes(
                &user,
                &form.backup_password,
                step_up_input(form.backup_step_up_code),
                &client,
            )
            .await
    };
    match result {
        Ok(codes) => {
            let generated = utc_minute(state.auth.now());
            let download_href = backup_codes_data_url(&user.username, &generated, &codes);
            let page = BackupCodesPage {
                signed_in: Some(user.username.clone()),
                section: "settings",
                username: user.username.clone(),
                generated,
                just_enabled: from_enabled,
                codes,
                download_href,
            };
            render(StatusCode::OK, &page)
        }
        Err(e @ AuthError::Internal(_)) => internal_error(Some(user.username.clone()), &e),
        Err(e) if from_enabled => {
            let page = EnabledPage {
                signed_in: Some(user.username.clone()),
                section: "settings",
                errors: FormErrors::one("backup_password", message_of(&e)),
            };
            with_retry_after(&e, render(status_for(&e), &page))
        }
        Err(e) => {
            failed(&state, &user, &e, |t, message| {
                let field = if is_step_up_error(&e) {
                    "backup_step_up_code"
                } else {
                    "backup_password"
                };
                t.backup_errors = FormErrors::one(field, message);
            })
            .await
        }
    }
}

// ------------------------------------------------------------------ sessions

#[derive(Deserialize)]
struct RevokeForm {
    #[serde(default)]
    session: String,
}

async fn revoke_session(
    State(state): State<AppState>,
    user: Authenticated,
    Form(form): Form<RevokeForm>,
) -> Response {
    match state
        .auth
        .revoke_session(user.user_id, form.session.trim())
        .await
    {
        Ok(()) => {
            Redirect::to("/settings/account/security?done=session-revoked#sessions").into_response()
        }
        Err(AuthError::NotFound) => {
            Redirect::to("/settings/account/security?done=session-gone#sessions").into_response()
        }
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}

async fn sign_out_others(State(state): State<AppState>, user: Authenticated) -> Response {
    match state
        .auth
        .sign_out_everywhere(user.user_id, Some(&user.token_hash))
        .await
    {
        Ok(_) => Redirect::to("/settings/account/security?done=signed-out-others#sessions")
            .into_response(),
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}
