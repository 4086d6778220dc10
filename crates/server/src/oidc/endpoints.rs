//! `POST /oauth2/token`, `GET|POST /oauth2/userinfo`, `POST /oauth2/revoke`:
//! form bodies only, every parameter at most once, client authentication
//! by `client_secret_basic`, `client_secret_post` or none (public clients).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use data_encoding::BASE64;
use deadbolt_auth::oidc::{ClientAuth, OidcError, TokenRequest};
use zeroize::Zeroizing;

use super::{error_response, no_store, parse_form};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/oauth2/token", post(token))
        .route("/oauth2/userinfo", get(userinfo).post(userinfo))
        .route("/oauth2/revoke", post(revoke))
}

/// A form body's fields, each at most once.
struct Form(Vec<(String, String)>);

impl Form {
    fn parse(headers: &HeaderMap, body: &Bytes) -> Result<Form, OidcError> {
        let bad = |m: &str| OidcError::InvalidRequest(m.to_owned());
        let form_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| {
                v.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            });
        if !form_type {
            return Err(bad("The body must be application/x-www-form-urlencoded."));
        }
        let text = std::str::from_utf8(body).map_err(|_| bad("The body is not UTF-8."))?;
        let pairs = parse_form(text).ok_or_else(|| bad("The body is not a valid form."))?;
        let mut seen = std::collections::HashSet::new();
        if let Some((name, _)) = pairs.iter().find(|(k, _)| !seen.insert(k.as_str())) {
            return Err(OidcError::InvalidRequest(format!("{name} is repeated.")));
        }
        Ok(Form(pairs))
    }

    fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

/// The client's credentials from `Authorization: Basic` or the form (not both).
fn client_auth(headers: &HeaderMap, form: &Form) -> Result<ClientAuth, OidcError> {
    let form_id = form.get("client_id");
    let form_secret = form.get("client_secret").map(Zeroizing::new);
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(ClientAuth {
            client_id: form_id,
            secret: form_secret,
            basic: false,
        });
    };
    let basic = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Basic ")
                .or_else(|| v.strip_prefix("basic "))
        })
        .ok_or(OidcError::InvalidClient)?;
    if form_secret.is_some() {
        return Err(OidcError::InvalidRequest(
            "Use one client authentication method, not two.".into(),
        ));
    }
    let decoded = BASE64
        .decode(basic.trim().as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .map(Zeroizing::new)
        .ok_or(OidcError::InvalidClient)?;
    let (id, secret) = decoded.split_once(':').ok_or(OidcError::InvalidClient)?;
    // RFC 6749 §2.3.1: both parts are form-encoded before base64.
    let decode = |s: &str| crate::util::percent_decode(&s.replace('+', " "));
    let id = decode(id).ok_or(OidcError::InvalidClient)?;
    let secret = decode(secret)
        .map(Zeroizing::new)
        .ok_or(OidcError::InvalidClient)?;
    if form_id.as_deref().is_some_and(|f| f != id) {
        return Err(OidcError::InvalidClient);
    }
    Ok(ClientAuth {
        client_id: Some(id),
        secret: Some(secret),
        basic: true,
    })
}

/// An error; a failed Basic authentication also says how to authenticate.
fn refused(error: &OidcError, basic: bool) -> Response {
    let mut resp = error_response(error);
    if basic && matches!(error, OidcError::InvalidClient) {
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"deadbolt\""),
        );
    }
    resp
}

/// The form and the client's credentials, or the error response.
fn form_and_client(headers: &HeaderMap, body: &Bytes) -> Result<(Form, ClientAuth), Box<Response>> {
    let form = Form::parse(headers, body).map_err(|e| Box::new(error_response(&e)))?;
    let auth = client_auth(headers, &form)
        .map_err(|e| Box::new(refused(&e, headers.contains_key(header::AUTHORIZATION))))?;
    Ok((form, auth))
}

async fn token(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (form, auth) = match form_and_client(&headers, &body) {
        Ok(both) => both,
        Err(resp) => return *resp,
    };
    let req = TokenRequest {
        grant_type: form.get("grant_type"),
        code: form.get("code"),
        redirect_uri: form.get("redirect_uri"),
        code_verifier: form.get("code_verifier"),
        refresh_token: form.get("refresh_token"),
    };
    match state.auth.oidc_token(&auth, &req).await {
        Ok(tokens) => {
            let mut resp = axum::Json(tokens).into_response();
            no_store(&mut resp);
            resp
        }
        Err(e) => refused(&e, auth.basic),
    }
}

async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(bearer) = bearer else {
        let mut resp = StatusCode::UNAUTHORIZED.into_response();
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"deadbolt\""),
        );
        return resp;
    };
    match state.auth.oidc_userinfo(bearer).await {
        Ok(claims) => {
            let mut resp = axum::Json(claims).into_response();
            no_store(&mut resp);
            resp
        }
        Err(e) => {
            let mut resp = error_response(&e);
            if matches!(e, OidcError::InvalidToken) {
                resp.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"deadbolt\", error=\"invalid_token\""),
                );
            }
            resp
        }
    }
}

async fn revoke(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let (form, auth) = match form_and_client(&headers, &body) {
        Ok(both) => both,
        Err(resp) => return *resp,
    };
    let token = form.get("token");
    let hint = form.get("token_type_hint");
    match state
        .auth
        .oidc_revoke(&auth, token.as_deref(), hint.as_deref())
        .await
    {
        Ok(()) => {
            let mut resp = StatusCode::OK.into_response();
            no_store(&mut resp);
            resp
        }
        Err(e) => refused(&e, auth.basic),
    }
}
