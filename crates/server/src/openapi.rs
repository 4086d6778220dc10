//! The OpenAPI document of the JSON API, made to be the truth: every
//! operation lists every status it can answer (with the error body), and
//! the request schemas carry the limits the server enforces. utoipa writes
//! each operation's own answers from `api.rs`; [`document`] adds the ones
//! every operation of a kind shares (malformed bodies, wrong content type,
//! too large, cross-site, not signed in, throttled, internal errors) and the
//! session cookie as the security scheme.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};

use crate::api::authz::*;
use crate::api::email::*;
use crate::api::passkeys as passkey_api;
use crate::api::*;
use crate::session::cookie_name;
use crate::state::AppState;

/// The operations, as utoipa reads them from `api.rs`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Deadbolt API",
        description = "Two-factor login service: JSON API. Errors are `{\"error\":{\"code\",\"message\"}}`; the `code` is stable, the `message` is for people. Policy refusals that no schema can express (a common password, one built from the username, a username mixing scripts or looking like a taken one) answer 400 `invalid_input` with the field at fault."
    ),
    paths(
        signup,
        login,
        second_factor,
        logout,
        me,
        setup,
        confirm,
        disable,
        backup_codes,
        events,
        change_password,
        sessions,
        revoke_session,
        change_email,
        notifications,
        set_notifications,
        verify_email,
        request_reset,
        confirm_reset,
        forward_auth,
        auth_request,
        healthz,
        readyz,
        passkey_api::list,
        passkey_api::register_start,
        passkey_api::register_finish,
        passkey_api::rename,
        passkey_api::remove,
        passkey_api::login_start,
        passkey_api::login_finish,
        passkey_api::second_factor_start,
        passkey_api::second_factor_finish,
        passkey_api::step_up_start,
        passkey_api::step_up_finish
    )
)]
pub struct ApiDoc;

/// Name of the session-cookie security scheme.
const COOKIE_AUTH: &str = "session_cookie";

/// Routes that answer 429 when a budget is empty.
const THROTTLED: &[&str] = &[
    "/api/v1/signup",
    "/api/v1/login",
    "/api/v1/login/second-factor",
    "/api/v1/me/two-factor/setup",
    "/api/v1/me/two-factor/confirm",
    "/api/v1/me/two-factor/disable",
    "/api/v1/me/backup-codes",
    "/api/v1/me/password",
    "/api/v1/me/email",
    "/api/v1/password-reset",
    "/api/v1/password-reset/confirm",
    "/api/v1/me/passkeys/register/start",
    "/api/v1/me/passkeys/{id}",
    "/api/v1/login/passkey/start",
    "/api/v1/login/passkey/finish",
    "/api/v1/login/second-factor/passkey/finish",
    "/api/v1/me/step-up/passkey/finish",
];

/// The document for this server (the security scheme names its cookie).
pub fn document(state: &AppState) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        COOKIE_AUTH,
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            cookie_name(&state.config),
            "The session cookie set by a login (a pending login for the second-factor step).",
        ))),
    );
    for (path, item) in doc.paths.paths.iter_mut() {
        for (method, op) in [
            ("GET", item.get.as_mut()),
            ("POST", item.post.as_mut()),
            ("PUT", item.put.as_mut()),
            ("PATCH", item.patch.as_mut()),
            ("DELETE", item.delete.as_mut()),
        ] {
            if let Some(op) = op {
                complete(path, method, op);
            }
        }
    }
    doc
}

/// Add the answers every operation of its kind can give.
fn complete(path: &str, method: &str, op: &mut Operation) {
    let api = path.starts_with("/api/");
    let signed_in =
        path.starts_with("/api/v1/me") || path.starts_with("/api/v1/login/second-factor");
    let body = op.request_body.is_some();
    let mut add = |status: &str, why: &str| {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| {
                ResponseBuilder::new()
                    .description(why)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build()
                    .into()
            });
    };
    if body {
        add(
            "400",
            "Malformed input: not JSON, a NUL character, an unknown or missing field, a field of the wrong type, or a value the policy refuses.",
        );
        add("413", "The body is larger than 16 KiB.");
        add("415", "The body is not `Content-Type: application/json`.");
    }
    if method != "GET" {
        add(
            "403",
            "A cross-site request (`Sec-Fetch-Site`, or an `Origin` that is not this service's).",
        );
    }
    if signed_in {
        add(
            "401",
            "No session (or only a pending login where a full one is needed), or a wrong password or code.",
        );
        op.security = Some(vec![SecurityRequirement::new(
            COOKIE_AUTH,
            Vec::<String>::new(),
        )]);
    }
    if path.contains("/passkey") {
        add(
            "409",
            "Passkeys are not available on this server (its public URL has no host a browser accepts), or the account has no key to sign in with.",
        );
    }
    if THROTTLED.contains(&path) {
        add("429", "Too many attempts: wait the `Retry-After` seconds.");
    }
    if api {
        add(
            "500",
            "Something went wrong on the server (the database is unreachable, for example); nothing was changed.",
        );
    }
}

/// `GET /api/openapi.json`.
pub async fn serve(State(state): State<AppState>) -> Response {
    let json = document(&state).to_json().unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}
