//! `/login` (password), `/login/2fa` (the intermediary code page) and
//! `POST /logout`.
//!
//! After a right password, an account with 2FA holds only a pending login:
//! the `Pending` extractor lets it reach `/login/2fa` and nothing else
//! (every page that wants `Authenticated` sends it back to `/login`).

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use deadbolt_auth::Stage;
use serde::Deserialize;

use super::forward::next_for_rd;
use super::views::{FormErrors, LoginPage, SecondFactorPage};
use super::{
    form_target, internal_error, message_of, render, status_for, with_form_target, with_retry_after,
};
use crate::i18n::t;
use crate::session::{
    Client, CookieToken, MaybeSession, Pending, clear_cookie, login_cookies, safe_next, set_cookie,
};
use crate::state::AppState;
use crate::util::encode_query_value;
use deadbolt_auth::{AuthError, SecondFactorInput};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(show_login).post(submit_login))
        .route(
            "/login/2fa",
            get(show_second_factor).post(submit_second_factor),
        )
        .route("/logout", post(logout))
}

/// Where to go after the login: a same-origin path only, else the account page.
fn destination(next: &str) -> String {
    safe_next(next).unwrap_or_else(|| "/account".to_owned())
}

/// `next` as it may travel on in a hidden field: safe, or empty.
fn carried(next: Option<&str>) -> String {
    next.and_then(safe_next).unwrap_or_default()
}

/// The code page, carrying a (safe or empty) `next`.
fn second_factor_url(next: &str) -> String {
    if next.is_empty() {
        "/login/2fa".to_owned()
    } else {
        format!("/login/2fa?next={}", encode_query_value(next))
    }
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    /// A forward-auth return URL (`/login?rd=…`), honoured only when safe.
    rd: Option<String>,
    signed_out: Option<String>,
    /// `login` (from an OpenID Connect `prompt=login` or `max_age`): show
    /// the form even to a signed-in browser.
    prompt: Option<String>,
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn login_page(
    state: &AppState,
    username: String,
    next: String,
    notice: Option<String>,
    errors: FormErrors,
) -> LoginPage {
    LoginPage {
        signed_in: None,
        section: "login",
        username,
        next,
        notice,
        errors,
        email_enabled: state.auth.email_enabled(),
    }
}

async fn show_login(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Query(query): Query<LoginQuery>,
) -> Response {
    let next = match query.rd.as_deref().and_then(|rd| next_for_rd(&state, rd)) {
        Some(next) => next,
        None => carried(query.next.as_deref()),
    };
    let again = query.prompt.as_deref() == Some("login");
    match session.map(|s| s.stage) {
        Some(Stage::Full) if again => {}
        Some(Stage::Full) => return Redirect::to(&destination(&next)).into_response(),
        // The password is done: the code is what is missing (the code page
        // has a button to start over as someone else).
        Some(Stage::Pending) => return Redirect::to(&second_factor_url(&next)).into_response(),
        None => {}
    }
    let notice = query.signed_out.is_some().then(|| t("notice-signed-out"));
    let target = form_target(&state, &next).await;
    let page = login_page(&state, String::new(), next, notice, FormErrors::none());
    with_form_target(render(StatusCode::OK, &page), target)
}

/// The login form's answer; a page shown again keeps its form's target.
async fn submit_login(
    State(state): State<AppState>,
    client: Client,
    old: CookieToken,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = carried(Some(&form.next));
    let target = form_target(&state, &next).await;
    with_form_target(
        password_step(&state, &client, &old, form, next).await,
        target,
    )
}

async fn password_step(
    state: &AppState,
    client: &Client,
    old: &CookieToken,
    form: LoginForm,
    next: String,
) -> Response {
    let mut errors = FormErrors::none();
    if form.username.trim().is_empty() {
        errors.add("username", t("err-enter-username"));
    }
    if form.password.is_empty() {
        errors.add("password", t("err-enter-password"));
    }
    if !errors.is_empty() {
        return render(
            StatusCode::BAD_REQUEST,
            &login_page(state, form.username, next, None, errors),
        );
    }

    match state
        .auth
        .login(
            &form.username,
            &form.password,
            old.hash().as_deref(),
            client,
        )
        .await
    {
        Ok(outcome) => {
            let cookie = login_cookies(&state.config, &outcome);
            let to = match outcome.stage {
                Stage::Full => destination(&next),
                Stage::Pending => second_factor_url(&next),
            };
            (cookie, Redirect::to(&to)).into_response()
        }
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => {
            // One sentence for an unknown user and a wrong password alike.
            let errors = FormErrors::one("", message_of(&e));
            with_retry_after(
                &e,
                render(
                    status_for(&e),
                    &login_page(state, form.username, next, None, errors),
                ),
            )
        }
    }
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
struct SecondFactorForm {
    code: Option<String>,
    backup_code: Option<String>,
    #[serde(default)]
    next: String,
}

fn second_factor_page(next: String, backup_open: bool, errors: FormErrors) -> SecondFactorPage {
    SecondFactorPage {
        signed_in: None,
        section: "login",
        next,
        backup_open,
        errors,
    }
}

async fn show_second_factor(
    State(state): State<AppState>,
    _pending: Pending,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = carried(query.next.as_deref());
    let target = form_target(&state, &next).await;
    let page = second_factor_page(next, false, FormErrors::none());
    with_form_target(render(StatusCode::OK, &page), target)
}

/// The code page's answer; a page shown again keeps its form's target.
async fn submit_second_factor(
    State(state): State<AppState>,
    pending: Pending,
    client: Client,
    Form(form): Form<SecondFactorForm>,
) -> Response {
    let next = carried(Some(&form.next));
    let target = form_target(&state, &next).await;
    with_form_target(
        code_step(&state, &pending, &client, form, next).await,
        target,
    )
}

async fn code_step(
    state: &AppState,
    pending: &Pending,
    client: &Client,
    form: SecondFactorForm,
    next: String,
) -> Response {
    let (input, field) = match (form.code, form.backup_code) {
        (Some(code), _) if !code.trim().is_empty() => (SecondFactorInput::code(code), "code"),
        (_, Some(backup)) if !backup.trim().is_empty() => {
            (SecondFactorInput::backup_code(backup), "backup_code")
        }
        (_, Some(_)) => {
            let errors = FormErrors::one("backup_code", t("err-enter-backup-code"));
            return render(
                StatusCode::BAD_REQUEST,
                &second_factor_page(next, true, errors),
            );
        }
        _ => {
            let errors = FormErrors::one("code", t("err-enter-app-code"));
            return render(
                StatusCode::BAD_REQUEST,
                &second_factor_page(next, false, errors),
            );
        }
    };
    match state.auth.second_factor(pending, input, client).await {
        Ok(token) => (
            [(header::SET_COOKIE, set_cookie(&state.config, &token))],
            Redirect::to(&destination(&next)),
        )
            .into_response(),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => {
            let message = match (&e, field) {
                (AuthError::WrongCode, "backup_code") => t("err-backup-code-wrong"),
                _ => message_of(&e),
            };
            let errors = match &e {
                AuthError::WrongCode | AuthError::CodeReused => FormErrors::one(field, message),
                _ => FormErrors::one("", message),
            };
            let page = second_factor_page(next, field == "backup_code", errors);
            with_retry_after(&e, render(status_for(&e), &page))
        }
    }
}

/// End the session (full or pending) on the server and drop the cookie.
async fn logout(State(state): State<AppState>, token: CookieToken) -> Response {
    if let Some(hash) = token.hash()
        && let Err(e) = state.auth.logout(&hash).await
    {
        return internal_error(None, &e);
    }
    (
        [(header::SET_COOKIE, clear_cookie(&state.config))],
        Redirect::to("/login?signed_out=1"),
    )
        .into_response()
}
