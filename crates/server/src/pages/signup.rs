//! `/signup`: create an account, then sign straight in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::views::{FormErrors, SignupPage};
use super::{internal_error, message_of, render, status_for, with_retry_after};
use crate::i18n::t;
use crate::session::{Client, CookieToken, MaybeSession, login_cookies};
use crate::state::AppState;
use deadbolt_auth::AuthError;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/signup", get(show).post(submit))
}

#[derive(Deserialize)]
struct SignupForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

fn page(username: String, errors: FormErrors) -> SignupPage {
    SignupPage {
        signed_in: None,
        section: "signup",
        username,
        errors,
    }
}

async fn show(State(state): State<AppState>, MaybeSession(session): MaybeSession) -> Response {
    if session.is_some_and(|s| s.stage == deadbolt_auth::Stage::Full) {
        return Redirect::to("/account").into_response();
    }
    if !state.config.auth.signup_open {
        return closed();
    }
    render(StatusCode::OK, &page(String::new(), FormErrors::none()))
}

async fn submit(
    State(state): State<AppState>,
    client: Client,
    old: CookieToken,
    Form(form): Form<SignupForm>,
) -> Response {
    if !state.config.auth.signup_open {
        return closed();
    }
    let mut errors = FormErrors::none();
    if form.username.trim().is_empty() {
        errors.add("username", t("err-choose-username"));
    }
    if form.password.is_empty() {
        errors.add("password", t("err-choose-password"));
    } else if *form.password != *form.password_confirm {
        errors.add("password_confirm", t("err-passwords-not-same"));
    }
    if !errors.is_empty() {
        return render(StatusCode::BAD_REQUEST, &page(form.username, errors));
    }

    if let Err(e) = state
        .auth
        .signup(&form.username, &form.password, &client)
        .await
    {
        let errors = match &e {
            AuthError::Invalid { field, message } => FormErrors::one(
                if *field == "password" {
                    "password"
                } else {
                    "username"
                },
                message.clone(),
            ),
            AuthError::UsernameTaken => FormErrors::one("username", t("err-username-taken-try")),
            AuthError::Internal(_) => return internal_error(None, &e),
            other => FormErrors::one("", message_of(other)),
        };
        return with_retry_after(&e, render(status_for(&e), &page(form.username, errors)));
    }

    // The account exists: sign in with the same credentials (no 2FA yet, so
    // this is a full session) and rotate away any earlier cookie.
    match state
        .auth
        .login(
            &form.username,
            &form.password,
            old.hash().as_deref(),
            &client,
        )
        .await
    {
        Ok(outcome) => (
            login_cookies(&state.config, &outcome),
            Redirect::to("/account?welcome=1"),
        )
            .into_response(),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        // Throttled, most likely: the account is there, logging in later works.
        Err(_) => Redirect::to("/login").into_response(),
    }
}

/// `serve --signup closed`: the page says so (403).
fn closed() -> Response {
    render(
        StatusCode::FORBIDDEN,
        &super::views::MessagePage {
            signed_in: None,
            section: "signup",
            title: t("signup-closed-title"),
            message: crate::error::message(&AuthError::SignupClosed),
            link_href: "/login",
            link_text: t("action-sign-in"),
        },
    )
}
