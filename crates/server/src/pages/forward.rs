//! The browser's side of forward-auth, and the enrolment page.
//!
//! `/login?rd=URL` (the login a proxy sent the browser to) carries `rd` as
//! the login's `next`: `/login/continue?to=<base64url of rd>`, a local path,
//! and only when `rd` is a safe return URL
//! (`deadbolt_auth::return_url::safe_return_url`: https or the public URL's
//! scheme, a host inside the cookie domain). After the full login,
//! `/login/continue` checks it again and asks the access rules about it:
//! a `two_factor` page for a user without 2FA goes through the set-up first
//! (the URL waits in a short-lived cookie, and confirming the set-up — which
//! marks this session's second factor — comes back here); anything else goes
//! on to `rd` (the proxy answers 403 where the rules say so).
//!
//! `/enrol?token=…` is the one-time link of `deadbolt user add`: the user
//! chooses their password, then signs in.

use askama::Template;

use crate::i18n::filters;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use data_encoding::BASE64URL_NOPAD;
use deadbolt_auth::access::{Target, path_and_query};
use deadbolt_auth::return_url::safe_return_url;
use deadbolt_auth::{AuthError, Decision, MailToken};
use serde::Deserialize;
use url::Url;

use super::views::{FormErrors, MessagePage};
use super::{internal_error, message_of, render, status_for, with_retry_after};
use crate::i18n::t;
use crate::session::{Authenticated, Client, attributes, clear_cookie, cookie_value};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(CONTINUE, get(continue_to))
        .route("/enrol", get(show_enrol).post(submit_enrol))
}

/// Where a login started by a proxy continues.
const CONTINUE: &str = "/login/continue";
/// The return URL waiting for a 2FA set-up (base64url, checked again on use).
const RETURN_COOKIE: &str = "deadbolt_return_to";
/// How long it waits: the set-up's own limit.
const RETURN_COOKIE_SECS: u32 = 900;

/// `rd` checked against the public URL and the cookie domain.
fn checked(state: &AppState, rd: &str) -> Option<Url> {
    let public = Url::parse(&state.config.public_url).ok()?;
    safe_return_url(rd, &public, state.config.cookie_domain.as_deref())
}

/// The login's `next` for `rd`: `/login/continue?to=…`, or `None` when
/// `rd` is not a safe return URL (then it is ignored).
pub(super) fn next_for_rd(state: &AppState, rd: &str) -> Option<String> {
    let url = checked(state, rd)?;
    Some(format!(
        "{CONTINUE}?to={}",
        BASE64URL_NOPAD.encode(url.as_str().as_bytes())
    ))
}

fn decode(state: &AppState, to: &str) -> Option<Url> {
    let bytes = BASE64URL_NOPAD.decode(to.as_bytes()).ok()?;
    checked(state, std::str::from_utf8(&bytes).ok()?)
}

/// The return URL a login's `next` (`/login/continue?to=…`) leads to.
pub(super) fn return_url_of(state: &AppState, next: &str) -> Option<Url> {
    decode(state, next.strip_prefix(CONTINUE)?.strip_prefix("?to=")?)
}

/// The return URL waiting for a 2FA set-up, if any.
pub(super) fn waiting_return_url(state: &AppState, headers: &HeaderMap) -> Option<Url> {
    decode(state, &cookie_value(headers, RETURN_COOKIE)?)
}

fn return_cookie(state: &AppState, value: Option<&str>) -> HeaderValue {
    let v = match value {
        Some(v) => format!(
            "{RETURN_COOKIE}={v}; Max-Age={RETURN_COOKIE_SECS}; {}",
            attributes(&state.config)
        ),
        None => format!("{RETURN_COOKIE}=; Max-Age=0; {}", attributes(&state.config)),
    };
    HeaderValue::from_str(&v).expect("base64url is a valid header value")
}

/// After a confirmed 2FA set-up: back to the waiting return URL, if any.
pub(super) fn after_setup(headers: &HeaderMap) -> Option<Response> {
    cookie_value(headers, RETURN_COOKIE).map(|_| Redirect::to(CONTINUE).into_response())
}

#[derive(Deserialize)]
struct ContinueQuery {
    to: Option<String>,
}

async fn continue_to(
    State(state): State<AppState>,
    user: Authenticated,
    Query(q): Query<ContinueQuery>,
    headers: HeaderMap,
) -> Response {
    let waiting = cookie_value(&headers, RETURN_COOKIE);
    // The waiting URL is forgotten once used (and only when there is one).
    let forget = axum::response::AppendHeaders(
        waiting
            .is_some()
            .then(|| (header::SET_COOKIE, return_cookie(&state, None))),
    );
    let to = q.to.or(waiting);
    let Some((to, url)) = to.and_then(|t| decode(&state, &t).map(|u| (t, u))) else {
        return (forget, Redirect::to("/account")).into_response();
    };
    let path_and_query = path_and_query(&url);
    let target = Target::of("GET", &url, &path_and_query);
    match state.config.access.decide(&target, Some(&user)) {
        Decision::SetUpSecondFactor => (
            [(header::SET_COOKIE, return_cookie(&state, Some(&to)))],
            Redirect::to("/settings/account/security#two-factor"),
        )
            .into_response(),
        // 2FA is on but this session never passed it: sign in again, with
        // the code this time (a redirect to `rd` would come straight back).
        Decision::Login => {
            if let Err(e) = state.auth.logout(&user.token_hash).await {
                return internal_error(Some(user.username.clone()), &e);
            }
            let again = format!("/login?next={CONTINUE}%3Fto%3D{to}");
            (
                forget,
                [(header::SET_COOKIE, clear_cookie(&state.config))],
                Redirect::to(&again),
            )
                .into_response()
        }
        Decision::Allow(_) | Decision::Forbidden => {
            (forget, Redirect::to(url.as_str())).into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "enrol.html")]
struct EnrolPage {
    signed_in: Option<String>,
    section: &'static str,
    valid: bool,
    username: String,
    token: MailToken,
    errors: FormErrors,
}

fn enrol_page(valid: bool, username: String, token: &str, errors: FormErrors) -> EnrolPage {
    EnrolPage {
        signed_in: None,
        section: "login",
        valid,
        username,
        token: MailToken::new(token.to_owned()),
        errors,
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn show_enrol(State(state): State<AppState>, Query(q): Query<TokenQuery>) -> Response {
    match state.auth.enrolment_username(&q.token).await {
        Ok(username) => render(
            StatusCode::OK,
            &enrol_page(true, username, &q.token, FormErrors::none()),
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e) => render(
            status_for(&e),
            &enrol_page(
                false,
                String::new(),
                "",
                FormErrors::one("", message_of(&e)),
            ),
        ),
    }
}

#[derive(Deserialize)]
struct EnrolForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

async fn submit_enrol(
    State(state): State<AppState>,
    client: Client,
    Form(form): Form<EnrolForm>,
) -> Response {
    let again = |username: String, errors: FormErrors, status: StatusCode| {
        render(status, &enrol_page(true, username, &form.token, errors))
    };
    let username = match state.auth.enrolment_username(&form.token).await {
        Ok(u) => u,
        Err(e @ AuthError::Internal(_)) => return internal_error(None, &e),
        Err(e) => {
            let errors = FormErrors::one("", message_of(&e));
            return render(
                status_for(&e),
                &enrol_page(false, String::new(), "", errors),
            );
        }
    };
    if form.password.is_empty() {
        let errors = FormErrors::one("password", t("err-choose-password"));
        return again(username, errors, StatusCode::BAD_REQUEST);
    }
    if form.password != form.password_confirm {
        let errors = FormErrors::one("password_confirm", t("err-passwords-differ"));
        return again(username, errors, StatusCode::BAD_REQUEST);
    }
    match state
        .auth
        .complete_enrolment(&form.token, &form.password, &client)
        .await
    {
        Ok(username) => render(
            StatusCode::OK,
            &MessagePage {
                signed_in: None,
                section: "login",
                title: t("enrol-done-title"),
                message: crate::i18n::ta("enrol-done-text", &[("name", username.into())]),
                link_href: "/login",
                link_text: t("action-sign-in"),
            },
        ),
        Err(e @ AuthError::Internal(_)) => internal_error(None, &e),
        Err(e @ AuthError::Invalid { field, .. }) => {
            let errors = FormErrors::one(field, message_of(&e));
            again(username, errors, status_for(&e))
        }
        Err(e) => {
            let errors = FormErrors::one("", message_of(&e));
            with_retry_after(
                &e,
                render(
                    status_for(&e),
                    &enrol_page(false, String::new(), "", errors),
                ),
            )
        }
    }
}
