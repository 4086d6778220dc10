//! The authenticator app's set-up: the password (and step-up) first, then
//! the QR code and key, then the first code turns 2FA on.
//!
//! The TOTP secret is shown only in the answer to the password-checked
//! set-up POST and when a wrong confirmation code re-shows the *pending*
//! set-up; once confirmed, `Auth::pending_setup` has nothing to show.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::security::{is_step_up_error, step_up_input};
use super::views::{EnabledPage, FormErrors, SetupPage, SetupPasswordPage};
use super::{internal_error, message_of, render, status_for, with_form_target, with_retry_after};
use crate::FormActionOrigin;
use crate::i18n::t;
use crate::session::{Authenticated, Client};
use crate::state::AppState;
use deadbolt_auth::{AuthError, SetupInfo, SetupSecret};

#[derive(Deserialize)]
pub(super) struct PasswordOnly {
    #[serde(default)]
    password: String,
    #[serde(default)]
    step_up_code: String,
}

#[derive(Deserialize)]
pub(super) struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn replacing(state: &AppState, user: &Authenticated) -> Result<bool, AuthError> {
    Ok(state
        .auth
        .overview(user.user_id, None)
        .await?
        .authenticator_app)
}

fn password_page(
    state: &AppState,
    user: &Authenticated,
    replacing: bool,
    errors: FormErrors,
) -> SetupPasswordPage {
    SetupPasswordPage {
        signed_in: Some(user.username.clone()),
        section: "settings",
        replacing,
        step_up: state.auth.step_up_needed(user),
        errors,
    }
}

/// Step one: the set-up needs the password, so the GET only asks for it.
pub(super) async fn show_setup(State(state): State<AppState>, user: Authenticated) -> Response {
    match replacing(&state, &user).await {
        Ok(replacing) => render(
            StatusCode::OK,
            &password_page(&state, &user, replacing, FormErrors::none()),
        ),
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}

fn setup_page(
    state: &AppState,
    user: &Authenticated,
    replacing: bool,
    info: SetupInfo,
    errors: FormErrors,
) -> SetupPage {
    SetupPage {
        signed_in: Some(user.username.clone()),
        section: "settings",
        issuer: state.config.auth.issuer.clone(),
        account: user.username.clone(),
        replacing,
        // The SVG document goes inline: drop its XML declaration.
        qr_svg: SetupSecret::new(
            info.qr_svg
                .expose()
                .find("<svg")
                .map_or("", |at| &info.qr_svg.expose()[at..]),
        ),
        otpauth_uri: info.otpauth_uri,
        grouped_secret: info.secret_grouped,
        errors,
    }
}

/// Step two: the password is right, a new pending device exists: show its
/// QR code, key and link (the body of this POST; nothing to bookmark).
pub(super) async fn begin_setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: Authenticated,
    client: Client,
    form: Form<PasswordOnly>,
) -> Response {
    let target = waiting_target(&state, &headers);
    with_form_target(
        begin_setup_page(State(state), user, client, form).await,
        target,
    )
}

/// A login started by a proxy that waits for this set-up ends on its return
/// URL once the code is confirmed: the confirmation form's final target.
fn waiting_target(state: &AppState, headers: &HeaderMap) -> Option<FormActionOrigin> {
    FormActionOrigin::of(&super::forward::waiting_return_url(state, headers)?)
}

async fn begin_setup_page(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    Form(form): Form<PasswordOnly>,
) -> Response {
    let replacing = match replacing(&state, &user).await {
        Ok(r) => r,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    if form.password.is_empty() {
        let errors = FormErrors::one("password", t("err-enter-password-continue"));
        return render(
            StatusCode::BAD_REQUEST,
            &password_page(&state, &user, replacing, errors),
        );
    }
    match state
        .auth
        .begin_setup(
            &user,
            &form.password,
            step_up_input(form.step_up_code),
            &client,
        )
        .await
    {
        Ok(info) => render(
            StatusCode::OK,
            &setup_page(&state, &user, replacing, info, FormErrors::none()),
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(Some(user.username.clone()), &e),
        Err(e) => {
            let field = match &e {
                AuthError::WrongPassword => "password",
                e if is_step_up_error(e) => "step_up_code",
                _ => "",
            };
            let errors = FormErrors::one(field, message_of(&e));
            with_retry_after(
                &e,
                render(
                    status_for(&e),
                    &password_page(&state, &user, replacing, errors),
                ),
            )
        }
    }
}

/// Step three: the code from the new device turns 2FA on.
pub(super) async fn confirm_setup(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    headers: HeaderMap,
    form: Form<CodeForm>,
) -> Response {
    let target = waiting_target(&state, &headers);
    with_form_target(
        confirm_setup_page(State(state), user, client, headers, form).await,
        target,
    )
}

async fn confirm_setup_page(
    State(state): State<AppState>,
    user: Authenticated,
    client: Client,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let result = if form.code.trim().is_empty() {
        Err(AuthError::Invalid {
            field: "code",
            message: t("err-enter-code-from-app"),
        })
    } else {
        state.auth.confirm_setup(&user, &form.code, &client).await
    };
    let error = match result {
        Ok(()) => {
            // A login started by a proxy waits for this set-up: go on there.
            if let Some(back) = super::forward::after_setup(&headers) {
                return back;
            }
            let page = EnabledPage {
                signed_in: Some(user.username.clone()),
                section: "settings",
                errors: FormErrors::none(),
            };
            return render(StatusCode::OK, &page);
        }
        Err(e @ AuthError::Internal(_)) => return internal_error(Some(user.username.clone()), &e),
        Err(e) => e,
    };
    let replacing = match replacing(&state, &user).await {
        Ok(r) => r,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    // Show the same pending set-up again, with the error next to the field.
    match state.auth.pending_setup(user.user_id).await {
        Ok(Some(info)) => {
            let message = match &error {
                AuthError::WrongCode => t("err-setup-code-wrong"),
                other => message_of(other),
            };
            let page = setup_page(
                &state,
                &user,
                replacing,
                info,
                FormErrors::one("code", message),
            );
            with_retry_after(&error, render(status_for(&error), &page))
        }
        Ok(None) => {
            let errors = FormErrors::one("", t("err-no-setup-waiting"));
            render(
                StatusCode::CONFLICT,
                &password_page(&state, &user, replacing, errors),
            )
        }
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}
