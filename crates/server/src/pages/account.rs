//! `/account`: the home page after login, with the toolbar holding Settings.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use super::views::AccountPage;
use super::{internal_error, render};
use crate::i18n::t;
use crate::session::Authenticated;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/account", get(show))
}

#[derive(Deserialize)]
struct AccountQuery {
    welcome: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    user: Authenticated,
    Query(query): Query<AccountQuery>,
) -> Response {
    let overview = match state
        .auth
        .overview(user.user_id, Some(&user.token_hash))
        .await
    {
        Ok(o) => o,
        Err(e) => return internal_error(Some(user.username.clone()), &e),
    };
    let notice = query.welcome.is_some().then(|| t("notice-account-ready"));
    render(
        StatusCode::OK,
        &AccountPage {
            signed_in: Some(user.username.clone()),
            section: "account",
            username: overview.username,
            notice,
            two_factor: overview.two_factor_enabled,
            backup_codes_remaining: overview.backup_codes_remaining,
        },
    )
}
