//! The OpenID Connect provider's machine-facing endpoints: discovery, the
//! JWKS, and (`endpoints.rs`) token, userinfo and revocation. The browser's
//! side (authorize, consent, the security page's connected applications)
//! is `pages/oidc.rs`. Handlers only translate between HTTP and
//! `deadbolt_auth::oidc`; errors take RFC 6749's shape
//! (`{"error","error_description"}`, `Cache-Control: no-store`).

mod endpoints;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use deadbolt_auth::oidc::{OidcError, SCOPES};
use serde_json::json;

use crate::error::log_internal;
use crate::state::AppState;

/// The endpoints other servers call without a browser (no cookie, no
/// `Origin`): CSRF protection does not apply to them (`csrf.rs`).
pub const MACHINE_PATHS: &[&str] = &["/oauth2/token", "/oauth2/userinfo", "/oauth2/revoke"];

/// Discovery, JWKS, token, userinfo, revocation.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/oauth2/jwks", get(jwks))
        .merge(endpoints::routes())
}

/// Name/value pairs of an `application/x-www-form-urlencoded` string, in
/// order, repeats kept; `None` for a malformed escape or non-UTF-8.
pub fn parse_form(raw: &str) -> Option<Vec<(String, String)>> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| crate::util::percent_decode(&s.replace('+', " "));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

/// An RFC 6749 §5.2 error response.
pub fn error_response(error: &OidcError) -> Response {
    let status = match error {
        OidcError::InvalidClient | OidcError::InvalidToken => StatusCode::UNAUTHORIZED,
        OidcError::Server(e) => {
            log_internal(e);
            StatusCode::INTERNAL_SERVER_ERROR
        }
        _ => StatusCode::BAD_REQUEST,
    };
    let body = json!({"error": error.code(), "error_description": error.to_string()});
    let mut resp = (status, axum::Json(body)).into_response();
    no_store(&mut resp);
    resp
}

/// `Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1).
pub fn no_store(resp: &mut Response) {
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

async fn discovery(State(state): State<AppState>) -> Response {
    let issuer = state.auth.oidc_issuer();
    let methods = ["client_secret_basic", "client_secret_post", "none"];
    let body = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth2/authorize"),
        "token_endpoint": format!("{issuer}/oauth2/token"),
        "userinfo_endpoint": format!("{issuer}/oauth2/userinfo"),
        "jwks_uri": format!("{issuer}/oauth2/jwks"),
        "revocation_endpoint": format!("{issuer}/oauth2/revoke"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "scopes_supported": SCOPES,
        "claims_supported": [
            "iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr", "azp",
            "preferred_username", "name", "email", "email_verified", "groups"
        ],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": methods,
        "revocation_endpoint_auth_methods_supported": methods,
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "acr_values_supported": ["1fa", "2fa"],
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "authorization_response_iss_parameter_supported": true,
    });
    axum::Json(body).into_response()
}

async fn jwks(State(state): State<AppState>) -> Response {
    match state.auth.oidc_jwks().await {
        Ok(set) => {
            let mut resp = axum::Json(set).into_response();
            resp.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            );
            resp
        }
        Err(e) => error_response(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_form;

    #[test]
    fn forms_keep_repeats_and_refuse_bad_bytes() {
        let p = parse_form("a=1&b=x+y&a=%2F&c").unwrap();
        assert_eq!(
            p,
            [("a", "1"), ("b", "x y"), ("a", "/"), ("c", "")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        assert!(parse_form("a=%FF").is_none(), "not UTF-8");
        assert!(parse_form("a=%G1").is_none(), "bad escape");
    }
}
