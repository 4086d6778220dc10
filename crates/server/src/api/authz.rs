//! Forward-auth: the two endpoints reverse proxies ask before they let a
//! request through to another application, answering from one decision
//! (`deadbolt_auth::AccessRules::decide`: the matched rule and the session,
//! read with its groups in one statement).
//!
//! * `GET /api/authz/forward-auth` (Traefik `ForwardAuth`, Caddy
//!   `forward_auth`): the original request in `X-Forwarded-Method`,
//!   `-Proto`, `-Host`, `-Uri`, believed only from `--trusted-proxy` peers
//!   (anyone else is refused, so a client cannot steer the decision).
//! * `GET /api/authz/auth-request` (nginx `auth_request`): the original
//!   request in `X-Original-URL` and `X-Original-Method`.
//!
//! Allowed: 200 with `Remote-User`, `Remote-Name`, `Remote-Email` and
//! `Remote-Groups` (each sent, empty when unknown). Bad input (a header
//! missing, repeated or malformed, a relative or non-http URL, control
//! characters) is a 400 and never a redirect; a login redirect always
//! points at this service's own `/login`.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use deadbolt_auth::access::{Target, path_and_query};
use deadbolt_auth::{Decision, metrics};
use url::Url;

use crate::error::ApiError;
use crate::i18n::{Arg, t, ta};
use crate::session::{MaybeSession, TrustedPeer};
use crate::state::AppState;
use crate::util::encode_query_value;

/// Longest original URL looked at.
const MAX_URL: usize = 4096;

/// The original request, checked.
struct Original {
    method: String,
    url: Url,
}

/// Why the forwarded request is refused (a 400).
type Refusal = String;

fn refused(why: Refusal) -> Response {
    ApiError::bad_request("invalid_forwarded_request", why).into_response()
}

/// A refusal's words (a catalogue key) in the request's language: the
/// proxy shows them to the user.
fn bad(key: &str) -> Refusal {
    t(key)
}

/// The one value of header `name`: printable ASCII only (no CR, LF, NUL or
/// other control byte), `None` when absent; an error when repeated or unreadable.
fn one_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<Option<&'a str>, Refusal> {
    let mut values = headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(ta(
            "authz-header-repeated",
            &[("header", Arg::Text(name.to_owned()))],
        ));
    }
    let text = first
        .to_str()
        .ok()
        .filter(|v| v.bytes().all(|b| (0x21..0x7f).contains(&b)))
        .ok_or_else(|| {
            ta(
                "authz-header-characters",
                &[("header", Arg::Text(name.to_owned()))],
            )
        })?;
    Ok(Some(text))
}

fn required<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, Refusal> {
    one_header(headers, name)?.ok_or_else(|| {
        ta(
            "authz-header-missing",
            &[("header", Arg::Text(name.to_owned()))],
        )
    })
}

fn method(raw: Option<&str>) -> Result<String, Refusal> {
    let raw = raw.unwrap_or("GET");
    match Method::from_bytes(raw.as_bytes()) {
        Ok(m) if raw.len() <= 16 => Ok(m.as_str().to_ascii_uppercase()),
        _ => Err(bad("authz-bad-method")),
    }
}

/// An absolute http(s) URL with a host name or address, no user info.
fn absolute(raw: &str) -> Result<Url, Refusal> {
    let lower = raw.to_ascii_lowercase();
    if raw.len() > MAX_URL
        || raw.contains('\\')
        || !(lower.starts_with("https://") || lower.starts_with("http://"))
    {
        return Err(bad("authz-url-not-absolute"));
    }
    let url = Url::parse(raw).map_err(|_| bad("authz-url-invalid"))?;
    if url.host_str().is_none_or(str::is_empty)
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(bad("authz-url-host"));
    }
    Ok(url)
}

fn from_forwarded(headers: &HeaderMap) -> Result<Original, Refusal> {
    let proto = required(headers, "x-forwarded-proto")?.to_ascii_lowercase();
    let host = required(headers, "x-forwarded-host")?;
    let uri = one_header(headers, "x-forwarded-uri")?.unwrap_or("/");
    if proto != "http" && proto != "https" {
        return Err(bad("authz-proto"));
    }
    // The host is a host (and port): nothing that would move the URL's
    // authority or start its path.
    if host.is_empty() || host.contains(['/', '@', '?', '#']) {
        return Err(bad("authz-host"));
    }
    if !uri.starts_with('/') || uri.starts_with("//") {
        return Err(bad("authz-uri"));
    }
    Ok(Original {
        method: method(one_header(headers, "x-forwarded-method")?)?,
        url: absolute(&format!("{proto}://{host}{uri}"))?,
    })
}

fn from_original(headers: &HeaderMap) -> Result<Original, Refusal> {
    Ok(Original {
        method: method(one_header(headers, "x-original-method")?)?,
        url: absolute(required(headers, "x-original-url")?)?,
    })
}

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("text/html"))
}

/// `<public-url>/login?rd=<url>`.
fn login_url(state: &AppState, original: &Url) -> HeaderValue {
    let v = format!(
        "{}/login?rd={}",
        state.config.public_url.trim_end_matches('/'),
        encode_query_value(original.as_str())
    );
    HeaderValue::from_str(&v).expect("an encoded URL is a valid header value")
}

fn remote_headers(id: Option<deadbolt_auth::Identity>) -> [(HeaderName, HeaderValue); 4] {
    let id = id.unwrap_or(deadbolt_auth::Identity {
        user: String::new(),
        name: String::new(),
        email: String::new(),
        groups: String::new(),
    });
    let value = |s: String| HeaderValue::from_str(&s).unwrap_or(HeaderValue::from_static(""));
    [
        (HeaderName::from_static("remote-user"), value(id.user)),
        (HeaderName::from_static("remote-name"), value(id.name)),
        (HeaderName::from_static("remote-email"), value(id.email)),
        (HeaderName::from_static("remote-groups"), value(id.groups)),
    ]
}

fn message(status: StatusCode, code: &'static str, text: &str) -> Response {
    ApiError::new(status, code, text).into_response()
}

/// Decide for `original`, as the endpoint `endpoint` answers it.
fn answer(
    state: &AppState,
    endpoint: &'static str,
    original: &Original,
    session: Option<&deadbolt_auth::SessionInfo>,
    headers: &HeaderMap,
) -> Response {
    let path_and_query = path_and_query(&original.url);
    let target = Target::of(&original.method, &original.url, &path_and_query);
    let decision = state.config.access.decide(&target, session);
    let label = match &decision {
        Decision::Allow(_) => "allow",
        Decision::Login => "login",
        Decision::SetUpSecondFactor => "set_up",
        Decision::Forbidden => "forbidden",
    };
    metrics::forward_auth(endpoint, label);
    let login = match decision {
        Decision::Allow(id) => return (StatusCode::OK, remote_headers(id), "").into_response(),
        Decision::Forbidden => {
            return message(
                StatusCode::FORBIDDEN,
                "access_denied",
                &t("authz-forbidden"),
            );
        }
        Decision::Login | Decision::SetUpSecondFactor => login_url(state, &original.url),
    };
    let mut resp = if endpoint == "auth_request" || !wants_html(headers) {
        message(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            &t("authz-sign-in"),
        )
    } else {
        let status = if matches!(original.method.as_str(), "GET" | "HEAD") {
            StatusCode::FOUND
        } else {
            StatusCode::SEE_OTHER
        };
        status.into_response()
    };
    // auth-request always names the login (nginx's error_page uses it);
    // forward-auth only when it redirects.
    if endpoint == "auth_request" || resp.status().is_redirection() {
        resp.headers_mut().insert(header::LOCATION, login);
    }
    resp
}

/// Forward-auth for Traefik and Caddy (`X-Forwarded-*`).
#[utoipa::path(get, path = "/api/authz/forward-auth",
    params(
        ("X-Forwarded-Method" = Option<String>, Header, description = "The original method (GET when absent)."),
        ("X-Forwarded-Proto" = String, Header, description = "`http` or `https`."),
        ("X-Forwarded-Host" = String, Header, description = "The original host (and port)."),
        ("X-Forwarded-Uri" = Option<String>, Header, description = "The original path and query (`/` when absent)."),
    ),
    responses(
        (status = 200, description = "Allowed: `Remote-User`, `Remote-Name`, `Remote-Email`, `Remote-Groups` name the user (empty when not signed in)."),
        (status = 302, description = "Not signed in (or a second factor owed), a GET or HEAD from a browser: to `<public-url>/login?rd=<original URL>`."),
        (status = 303, description = "As 302, for other methods."),
        (status = 400, description = "A forwarded header missing, repeated or malformed.", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in, and the client does not accept text/html (an API, XHR): no redirect.", body = crate::error::ErrorBody),
        (status = 403, description = "Signed in but not allowed, or the peer is not a `--trusted-proxy`.", body = crate::error::ErrorBody),
    ))]
pub async fn forward_auth(
    State(state): State<AppState>,
    TrustedPeer(trusted): TrustedPeer,
    MaybeSession(session): MaybeSession,
    headers: HeaderMap,
) -> Response {
    if !trusted {
        metrics::forward_auth("forward_auth", "refused");
        return message(
            StatusCode::FORBIDDEN,
            "untrusted_proxy",
            &t("authz-untrusted-proxy"),
        );
    }
    match from_forwarded(&headers) {
        Ok(original) => answer(
            &state,
            "forward_auth",
            &original,
            session.as_ref(),
            &headers,
        ),
        Err(why) => {
            metrics::forward_auth("forward_auth", "refused");
            refused(why)
        }
    }
}

/// Forward-auth for nginx `auth_request` (`X-Original-URL`).
#[utoipa::path(get, path = "/api/authz/auth-request",
    params(
        ("X-Original-URL" = String, Header, description = "The original absolute http(s) URL."),
        ("X-Original-Method" = Option<String>, Header, description = "The original method (GET when absent)."),
    ),
    responses(
        (status = 200, description = "Allowed: `Remote-User`, `Remote-Name`, `Remote-Email`, `Remote-Groups` name the user (empty when not signed in)."),
        (status = 400, description = "X-Original-URL missing, repeated, relative, not http(s) or malformed.", body = crate::error::ErrorBody),
        (status = 401, description = "Not signed in (or a second factor owed); `Location` holds `<public-url>/login?rd=<original URL>`.", body = crate::error::ErrorBody),
        (status = 403, description = "Signed in but not allowed.", body = crate::error::ErrorBody),
    ))]
pub async fn auth_request(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    headers: HeaderMap,
) -> Response {
    match from_original(&headers) {
        Ok(original) => answer(
            &state,
            "auth_request",
            &original,
            session.as_ref(),
            &headers,
        ),
        Err(why) => {
            metrics::forward_auth("auth_request", "refused");
            refused(why)
        }
    }
}
