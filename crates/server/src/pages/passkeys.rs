//! The passkey parts of the pages: the security page's "Passkeys and
//! security keys" list (its rename and remove forms post here), and the one
//! static script (`/assets/passkeys.js`) that the security page, `/login`
//! and `/login/2fa` load for what only WebAuthn can do (adding a key,
//! signing in with one) — through the JSON API.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::text::utc_minute;
use super::views::MessagePage;
use super::{internal_error, looks_like_totp, message_of, render, status_for, with_retry_after};
use crate::i18n::t;
use crate::session::{Authenticated, Client};
use crate::state::AppState;
use deadbolt_auth::{AuthError, SecondFactorInput};

/// The script, compiled in.
const SCRIPT: &str = include_str!("../../static/passkeys.js");

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/passkeys.js", get(script))
        .route("/settings/account/security/passkeys/rename", post(rename))
        .route("/settings/account/security/passkeys/remove", post(remove))
}

async fn script() -> Response {
    super::static_file("text/javascript; charset=utf-8", SCRIPT)
}

/// One key on the security page.
pub struct PasskeyView {
    /// Its id (the forms send it back).
    pub id: i64,
    /// The name the user gave it.
    pub name: String,
    /// "2026-11-30 04:12 UTC".
    pub created: String,
    /// "2026-11-30 04:12 UTC", or t("passkeys-never-used").
    pub last_used: String,
}

/// The user's keys for the security page.
pub(super) async fn views(state: &AppState, user_id: i64) -> Result<Vec<PasskeyView>, AuthError> {
    Ok(state
        .auth
        .passkeys(user_id)
        .await?
        .into_iter()
        .map(|k| PasskeyView {
            id: k.id,
            name: k.name,
            created: utc_minute(k.created_at),
            last_used: k
                .last_used_at
                .map_or_else(|| t("passkeys-never-used"), utc_minute),
        })
        .collect())
}

/// What the security page says after a passkey change.
pub(super) fn done_notice(done: &str) -> Option<String> {
    Some(match done {
        "passkey-added" => t("notice-passkey-added"),
        "passkey-renamed" => t("notice-passkey-renamed"),
        "passkey-stepped-up" => t("notice-passkey-stepped-up"),
        "passkey-removed" => t("notice-passkey-removed"),
        "passkey-removed-two-factor-off" => t("notice-passkey-removed-two-factor-off"),
        _ => return None,
    })
}

#[derive(Deserialize)]
struct RenameForm {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct RemoveForm {
    id: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    step_up_code: String,
}

/// A refused passkey form: the sentence, with the way back.
fn refused(user: &Authenticated, error: &AuthError) -> Response {
    if matches!(error, AuthError::Internal(_)) {
        return internal_error(Some(user.username.clone()), error);
    }
    let page = MessagePage {
        signed_in: Some(user.username.clone()),
        section: "settings",
        title: t("passkeys-heading"),
        message: message_of(error),
        link_href: "/settings/account/security#passkeys",
        link_text: t("action-back-to-security"),
    };
    with_retry_after(error, render(status_for(error), &page))
}

fn key_id(id: &str) -> Result<i64, AuthError> {
    id.trim().parse().map_err(|_| AuthError::NotFound)
}

async fn rename(
    State(state): State<AppState>,
    user: Authenticated,
    Form(form): Form<RenameForm>,
) -> Response {
    let done = async {
        let id = key_id(&form.id)?;
        state
            .auth
            .rename_passkey(user.user_id, id, &form.name)
            .await
    };
    match done.await {
        Ok(()) => {
            Redirect::to("/settings/account/security?done=passkey-renamed#passkeys").into_response()
        }
        Err(e) => refused(&user, &e),
    }
}

async fn remove(
    State(state): State<AppState>,
    client: Client,
    user: Authenticated,
    Form(form): Form<RemoveForm>,
) -> Response {
    let second = match form.step_up_code.trim() {
        "" => None,
        c if looks_like_totp(c) => Some(SecondFactorInput::code(c)),
        c => Some(SecondFactorInput::backup_code(c)),
    };
    let done = async {
        let id = key_id(&form.id)?;
        state
            .auth
            .remove_passkey(&user, id, &form.password, second, &client)
            .await
    };
    match done.await {
        Ok(false) => {
            Redirect::to("/settings/account/security?done=passkey-removed#passkeys").into_response()
        }
        Ok(true) => Redirect::to(
            "/settings/account/security?done=passkey-removed-two-factor-off#two-factor",
        )
        .into_response(),
        Err(e) => refused(&user, &e),
    }
}
