//! The browser's side of the OpenID Connect provider: `/oauth2/authorize`
//! (the request checked; the real login, with its second factor, when
//! there is no fresh enough session; the consent page; the code), the
//! return from the login (`/oauth2/authorize/continue`), and the security
//! page's "Connected applications" with their disconnect form.
//!
//! The login's `next` must be a plain local path (`util::safe_next` refuses
//! encoded slashes), so the authorization request travels through it as
//! base64url: `/oauth2/authorize/continue?q=…`, which sends the browser back
//! to `/oauth2/authorize` with the same query. The consent form is a
//! same-origin POST, guarded by the CSRF layer like every form here.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use data_encoding::BASE64URL_NOPAD;
use deadbolt_auth::oidc::{AuthorizeNext, AuthorizeParams, AuthorizeRefusal, AuthorizeRequest};
use deadbolt_auth::{AuthError, Stage, UserId};
use serde::Deserialize;

use super::text::utc_minute;
use super::views::MessagePage;
use super::{internal_error, render};
use crate::i18n::{Arg, filters, t, ta};
use crate::oidc::parse_form;
use crate::session::{Authenticated, MaybeSession};
use crate::state::AppState;
use crate::util::{encode_query_value, safe_next};

const CONTINUE: &str = "/oauth2/authorize/continue";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/oauth2/authorize", get(authorize).post(consent))
        .route(CONTINUE, get(resume))
        .route(
            "/settings/account/security/applications/{client_id}/disconnect",
            post(disconnect),
        )
}

/// One scope in words, for the consent page.
pub struct ScopeView {
    pub name: String,
    pub words: String,
}

#[derive(Template)]
#[template(path = "oidc_consent.html")]
struct ConsentPage {
    signed_in: Option<String>,
    section: &'static str,
    client_name: String,
    scopes: Vec<ScopeView>,
    fields: Vec<(&'static str, String)>,
}

/// One line of "Connected applications".
pub struct ConnectedApp {
    pub client_id: String,
    pub name: String,
    pub scopes: String,
    pub since: String,
}

/// The security page's "Connected applications".
pub(super) async fn connected(
    state: &AppState,
    user_id: UserId,
) -> Result<Vec<ConnectedApp>, AuthError> {
    Ok(state
        .auth
        .oidc_connected(user_id)
        .await?
        .into_iter()
        .map(|c| ConnectedApp {
            client_id: c.client_id,
            name: c.client_name,
            scopes: c.scopes,
            since: utc_minute(c.granted_at),
        })
        .collect())
}

fn scope_words(scope: &str) -> String {
    let key = match scope {
        "openid" => "oidc-scope-openid",
        "profile" => "oidc-scope-profile",
        "email" => "oidc-scope-email",
        "groups" => "oidc-scope-groups",
        "offline_access" => "oidc-scope-offline",
        _ => return String::new(),
    };
    t(key)
}

fn error_page(message: &str) -> Response {
    render(
        StatusCode::BAD_REQUEST,
        &MessagePage {
            signed_in: None,
            section: "",
            title: t("oidc-error-title"),
            message: ta(
                "oidc-error-text",
                &[("message", Arg::Text(message.to_owned()))],
            ),
            link_href: "/account",
            link_text: t("oidc-error-link"),
        },
    )
}

/// A refusal the authorization request shows as a page, in the reader's
/// language (`deadbolt-auth` words them in English, for logs and tests; an
/// unknown one is a store failure, which says nothing more to a reader).
fn page_refusal(english: &str) -> String {
    let key = match english {
        "The request names client_id more than once." => "oidc-page-client-id-repeated",
        "The request does not name its application (client_id)." => "oidc-page-client-id-missing",
        "This application is not registered with this service." => "oidc-page-unknown-client",
        "The request names redirect_uri more than once." => "oidc-page-redirect-uri-repeated",
        "The request does not say where to return (redirect_uri)." => {
            "oidc-page-redirect-uri-missing"
        }
        "The address this request wants to return to is not registered for the application." => {
            "oidc-page-redirect-uri-unknown"
        }
        _ => "err-internal",
    };
    t(key)
}

fn refusal(state: &AppState, refusal: &AuthorizeRefusal) -> Response {
    match refusal {
        AuthorizeRefusal::Page(message) => error_page(&page_refusal(message)),
        AuthorizeRefusal::Redirect { error, .. } => {
            if let deadbolt_auth::oidc::OidcError::Server(e) = error {
                crate::error::log_internal(e);
            }
            match refusal.location(&state.auth.oidc_issuer()) {
                Some(location) => Redirect::to(&location).into_response(),
                None => error_page(&t("oidc-error-return-address")),
            }
        }
    }
}

fn query_string(pairs: &[(&'static str, String)]) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    out.finish()
}

/// The request checked from its pairs.
async fn checked(
    state: &AppState,
    pairs: Vec<(String, String)>,
) -> Result<AuthorizeRequest, Response> {
    state
        .auth
        .oidc_authorize_request(&AuthorizeParams(pairs))
        .await
        .map_err(|r| refusal(state, &r))
}

/// The signed-in user's name (for the toolbar) and a full session's token hash.
fn who(session: Option<deadbolt_auth::SessionInfo>) -> (Option<String>, Option<Vec<u8>>) {
    let username = session.as_ref().map(|s| s.username.clone());
    let full = session
        .filter(|s| s.stage == Stage::Full)
        .map(|s| s.token_hash);
    (username, full)
}

async fn authorize(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(pairs) = parse_form(query.as_deref().unwrap_or("")) else {
        return error_page(&t("oidc-error-malformed"));
    };
    let req = match checked(&state, pairs).await {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let (username, full) = who(session);
    next_step(&state, &req, full.as_deref(), username, false).await
}

async fn next_step(
    state: &AppState,
    req: &AuthorizeRequest,
    session_hash: Option<&[u8]>,
    username: Option<String>,
    consented: bool,
) -> Response {
    match state
        .auth
        .oidc_authorize(req, session_hash, consented)
        .await
    {
        Ok(AuthorizeNext::Code(location)) => Redirect::to(&location).into_response(),
        Ok(AuthorizeNext::Login { login_after }) => {
            let q = query_string(&req.resume_query(login_after));
            let next = format!("{CONTINUE}?q={}", BASE64URL_NOPAD.encode(q.as_bytes()));
            if safe_next(&next).is_none() {
                let too_long =
                    deadbolt_auth::oidc::OidcError::InvalidRequest(t("oidc-error-too-long"));
                return refusal(
                    state,
                    &AuthorizeRefusal::Redirect {
                        redirect_uri: req.redirect_uri.clone(),
                        state: req.state.clone(),
                        error: too_long,
                    },
                );
            }
            // A browser signed in already is asked again (prompt=login,
            // max_age): the login page shows its form instead of passing.
            let again = if session_hash.is_some() {
                "&prompt=login"
            } else {
                ""
            };
            Redirect::to(&format!("/login?next={}{again}", encode_query_value(&next)))
                .into_response()
        }
        Ok(AuthorizeNext::Consent) => render(
            StatusCode::OK,
            &ConsentPage {
                signed_in: username,
                section: "",
                client_name: req.client.name.clone(),
                scopes: req
                    .scopes
                    .iter()
                    .map(|s| ScopeView {
                        name: s.clone(),
                        words: scope_words(s),
                    })
                    .collect(),
                fields: req.query_pairs(),
            },
        ),
        Err(r) => refusal(state, &r),
    }
}

/// The consent form's answer: the request's fields again, and `decision`.
async fn consent(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    body: Bytes,
) -> Response {
    let pairs = std::str::from_utf8(&body).ok().and_then(parse_form);
    let Some(mut pairs) = pairs else {
        return error_page(&t("oidc-error-form"));
    };
    let decisions: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "decision")
        .map(|(_, v)| v.clone())
        .collect();
    pairs.retain(|(k, _)| k != "decision");
    let req = match checked(&state, pairs).await {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let (username, full) = who(session);
    match decisions.as_slice() {
        [d] if d == "allow" => {
            next_step(&state, &req, full.as_deref(), username, full.is_some()).await
        }
        [d] if d == "deny" => refusal(
            &state,
            &AuthorizeRefusal::Redirect {
                redirect_uri: req.redirect_uri.clone(),
                state: req.state.clone(),
                error: deadbolt_auth::oidc::OidcError::AccessDenied,
            },
        ),
        _ => error_page(&t("oidc-error-no-decision")),
    }
}

#[derive(Deserialize)]
struct ResumeQuery {
    q: String,
}

/// Back from the login: to `/oauth2/authorize` with the carried query.
async fn resume(Query(query): Query<ResumeQuery>) -> Response {
    let decoded = BASE64URL_NOPAD
        .decode(query.q.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|q| !q.contains(['#', '\r', '\n']));
    match decoded {
        Some(q) => Redirect::to(&format!("/oauth2/authorize?{q}")).into_response(),
        None => error_page(&t("oidc-error-damaged")),
    }
}

async fn disconnect(
    State(state): State<AppState>,
    user: Authenticated,
    Path(client_id): Path<String>,
) -> Response {
    match state.auth.oidc_disconnect(user.user_id, &client_id).await {
        Ok(()) | Err(AuthError::NotFound) => {
            Redirect::to("/settings/account/security?done=app-disconnected#applications")
                .into_response()
        }
        Err(e) => internal_error(Some(user.username.clone()), &e),
    }
}
