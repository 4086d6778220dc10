//! Session cookies and the extractors handlers use: [`Authenticated`] (a full
//! session), [`Pending`] (a login owing its second factor), [`Client`]
//! (address and browser for events) and [`CookieToken`] (the raw cookie).
//!
//! A pending login is a different type from a full session, so a handler
//! that takes [`Authenticated`] cannot be reached with a pending login.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use deadbolt_auth::{
    ClientInfo, DeviceCookie, LoginOutcome, PendingLogin, SessionInfo, SessionToken, Stage,
    token_hash,
};

use crate::config::ServerConfig;
use crate::error::ApiError;
use crate::state::AppState;
pub use crate::util::safe_next;

/// Cookie name over plain HTTP.
pub const COOKIE_NAME: &str = "deadbolt_session";
/// Cookie name over HTTPS (`__Host-`: Secure, Path=/, no Domain — enforced by browsers).
pub const SECURE_COOKIE_NAME: &str = "__Host-deadbolt_session";

/// Cookie name over HTTPS with a `cookie_domain` (`__Secure-`: a `Domain`
/// attribute is allowed, so the cookie reaches the subdomains).
pub const DOMAIN_COOKIE_NAME: &str = "__Secure-deadbolt_session";

/// The session cookie name for this configuration.
pub fn cookie_name(config: &ServerConfig) -> &'static str {
    match (config.secure_cookies, config.cookie_domain.is_some()) {
        (true, true) => DOMAIN_COOKIE_NAME,
        (true, false) => SECURE_COOKIE_NAME,
        (false, _) => COOKIE_NAME,
    }
}

/// The session cookie's attributes: the device cookie's, plus `Domain`
/// when a cookie domain is configured.
fn session_attributes(config: &ServerConfig) -> String {
    match &config.cookie_domain {
        Some(domain) => format!("{}; Domain={domain}", attributes(config)),
        None => attributes(config).to_owned(),
    }
}

pub(crate) fn attributes(config: &ServerConfig) -> &'static str {
    if config.secure_cookies {
        "HttpOnly; SameSite=Lax; Path=/; Secure"
    } else {
        "HttpOnly; SameSite=Lax; Path=/"
    }
}

/// `Set-Cookie` value that stores a session token.
pub fn set_cookie(config: &ServerConfig, token: &SessionToken) -> HeaderValue {
    let v = format!(
        "{}={}; {}",
        cookie_name(config),
        token.expose(),
        session_attributes(config)
    );
    HeaderValue::from_str(&v).expect("base64url token is a valid header value")
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(config: &ServerConfig) -> HeaderValue {
    let v = format!(
        "{}=; Max-Age=0; {}",
        cookie_name(config),
        session_attributes(config)
    );
    HeaderValue::from_str(&v).expect("a checked domain is a valid header value")
}

/// Device-cookie name over plain HTTP (see [`Client::device`]).
pub const DEVICE_COOKIE_NAME: &str = "deadbolt_device";
/// Device-cookie name over HTTPS.
pub const SECURE_DEVICE_COOKIE_NAME: &str = "__Host-deadbolt_device";

/// The device-cookie name for this configuration.
pub fn device_cookie_name(config: &ServerConfig) -> &'static str {
    if config.secure_cookies {
        SECURE_DEVICE_COOKIE_NAME
    } else {
        DEVICE_COOKIE_NAME
    }
}

/// `Set-Cookie` value for a device cookie (kept a year: it only ever grants
/// this browser its own password-guessing allowance, never a session).
pub fn set_device_cookie(config: &ServerConfig, value: &DeviceCookie) -> HeaderValue {
    let v = format!(
        "{}={}; Max-Age=31536000; {}",
        device_cookie_name(config),
        value.expose(),
        attributes(config)
    );
    HeaderValue::from_str(&v).expect("base64url device cookie is a valid header value")
}

/// The `Set-Cookie` headers after a right password: the new session and the
/// device cookie.
pub fn login_cookies(
    config: &ServerConfig,
    outcome: &LoginOutcome,
) -> axum::response::AppendHeaders<[(header::HeaderName, HeaderValue); 2]> {
    axum::response::AppendHeaders([
        (header::SET_COOKIE, set_cookie(config, &outcome.token)),
        (
            header::SET_COOKIE,
            set_device_cookie(config, &outcome.device_cookie),
        ),
    ])
}

/// The session token from the request's cookies, if any.
pub fn token_from_headers(config: &ServerConfig, headers: &HeaderMap) -> Option<SessionToken> {
    cookie_value(headers, cookie_name(config)).map(SessionToken::new)
}

/// The value of the cookie `name`, if present and non-empty.
pub(crate) fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

/// Who is asking, for security events and per-client throttling: the
/// rules' [`ClientInfo`], built from the socket and the headers.
#[derive(Debug, Clone)]
pub struct Client(pub ClientInfo);

impl std::ops::Deref for Client {
    type Target = ClientInfo;
    fn deref(&self) -> &ClientInfo {
        &self.0
    }
}

impl Client {
    /// Work out the client from the peer address and headers: the last hop
    /// of `X-Forwarded-For` counts only when the peer is a trusted proxy.
    pub fn from_parts(parts: &Parts, config: &ServerConfig) -> Self {
        let peer: Option<IpAddr> = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded = || -> Option<IpAddr> {
            let v = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .next_back()?;
            v.rsplit(',').next()?.trim().parse().ok()
        };
        let ip = peer.map(|p| {
            if config.trusted_proxies.contains(&p) {
                forwarded().unwrap_or(p)
            } else {
                p
            }
        });
        Client(ClientInfo {
            ip,
            user_agent: user_agent(&parts.headers),
            device_cookie: device_cookie(&parts.headers, config),
            language: crate::i18n::asked().map(|l| l.code().to_owned()),
        })
    }
}

fn device_cookie(headers: &HeaderMap, config: &ServerConfig) -> Option<DeviceCookie> {
    cookie_value(headers, device_cookie_name(config))
        .filter(|v| v.len() <= 128)
        .map(DeviceCookie::new)
}

fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect()
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Client::from_parts(parts, &state.config))
    }
}

/// The raw session cookie, if any (valid or not). Used to rotate on login.
#[derive(Debug, Clone, Default)]
pub struct CookieToken(pub Option<SessionToken>);

impl CookieToken {
    /// SHA-256 of the token, as the store keys it.
    pub fn hash(&self) -> Option<Vec<u8>> {
        self.0.as_ref().map(token_hash)
    }
}

impl FromRequestParts<AppState> for CookieToken {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(CookieToken(token_from_headers(
            &state.config,
            &parts.headers,
        )))
    }
}

/// The session behind the cookie, if it is live (full or pending).
#[derive(Debug, Clone, Default)]
pub struct MaybeSession(pub Option<SessionInfo>);

impl FromRequestParts<AppState> for MaybeSession {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = token_from_headers(&state.config, &parts.headers) else {
            return Ok(MaybeSession(None));
        };
        match state.auth.session(&token).await {
            Ok(Some(mut info)) => {
                // The language menu while signed in: the account's letters
                // follow. A failure here costs the page nothing. A link from
                // another site (`Sec-Fetch-Site: cross-site`) shows its
                // language but writes nothing: a GET from elsewhere must not
                // change the account.
                let cross_site = parts
                    .headers
                    .get("sec-fetch-site")
                    .is_some_and(|v| v.as_bytes() == b"cross-site");
                if let Some(lang) = crate::i18n::chosen()
                    && info.stage == Stage::Full
                    && !cross_site
                {
                    match state.auth.remember_language(&info, lang.code()).await {
                        Ok(_) => info.language = Some(lang.code().to_owned()),
                        Err(e) => {
                            tracing::warn!(error = %deadbolt_auth::report(&e), "the language could not be stored")
                        }
                    }
                }
                Ok(MaybeSession(Some(info)))
            }
            Ok(None) => Ok(MaybeSession(None)),
            Err(e) => Err(ApiError::from(e).into_response()),
        }
    }
}

/// A fully signed-in user (the rules' [`SessionInfo`]). Rejection: JSON
/// 401 under `/api/`, otherwise a 303 redirect to `/login?next=<this path>`.
#[derive(Debug, Clone)]
pub struct Authenticated(pub SessionInfo);

impl std::ops::Deref for Authenticated {
    type Target = SessionInfo;
    fn deref(&self) -> &SessionInfo {
        &self.0
    }
}

/// Whether the peer is a `--trusted-proxy` (whose forwarded headers are believed).
#[derive(Debug, Clone, Copy)]
pub struct TrustedPeer(pub bool);

impl FromRequestParts<AppState> for TrustedPeer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(TrustedPeer(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .is_some_and(|c| state.config.trusted_proxies.contains(&c.0.ip())),
        ))
    }
}

fn login_redirect(parts: &Parts) -> Response {
    let here = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    match safe_next(here) {
        Some(next) if next != "/" => Redirect::to(&format!(
            "/login?next={}",
            crate::util::encode_query_value(&next)
        ))
        .into_response(),
        _ => Redirect::to("/login").into_response(),
    }
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let MaybeSession(info) = MaybeSession::from_request_parts(parts, state).await?;
        match info {
            Some(s) if s.stage == Stage::Full => Ok(Authenticated(s)),
            _ if is_api(parts) => Err(ApiError::unauthenticated().into_response()),
            _ => Err(login_redirect(parts)),
        }
    }
}

/// A login that passed the password and owes its second factor. Rejection:
/// JSON 401 under `/api/`, otherwise a 303 redirect to `/login`.
#[derive(Debug, Clone)]
pub struct Pending(pub PendingLogin);

impl std::ops::Deref for Pending {
    type Target = PendingLogin;
    fn deref(&self) -> &PendingLogin {
        &self.0
    }
}

impl FromRequestParts<AppState> for Pending {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let MaybeSession(info) = MaybeSession::from_request_parts(parts, state).await?;
        match info {
            Some(s) if s.stage == Stage::Pending => Ok(Pending(PendingLogin {
                user_id: s.user_id,
                username: s.username,
                token_hash: s.token_hash,
            })),
            _ if is_api(parts) => Err(ApiError::no_pending_login().into_response()),
            _ => Err(Redirect::to("/login").into_response()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(peer: Option<&str>, xff: Option<&str>) -> Parts {
        let mut b = Request::builder().uri("/");
        if let Some(x) = xff {
            b = b.header("x-forwarded-for", x);
        }
        let (mut parts, ()) = b.body(()).unwrap().into_parts();
        if let Some(p) = peer {
            parts
                .extensions
                .insert(ConnectInfo::<SocketAddr>(p.parse().unwrap()));
        }
        parts
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let config = ServerConfig {
            trusted_proxies: vec!["10.0.0.1".parse().unwrap()],
            ..ServerConfig::default()
        };
        let c = Client::from_parts(
            &parts(Some("10.0.0.1:5000"), Some("1.1.1.1, 203.0.113.9")),
            &config,
        );
        assert_eq!(c.address(), "203.0.113.9", "last hop, added by our proxy");
        let c = Client::from_parts(
            &parts(Some("198.51.100.7:5000"), Some("203.0.113.9")),
            &config,
        );
        assert_eq!(
            c.address(),
            "198.51.100.7",
            "an untrusted peer cannot choose its address"
        );
        let c = Client::from_parts(&parts(None, Some("203.0.113.9")), &config);
        assert_eq!(c.address(), "unknown");
    }

    #[test]
    fn cookie_parsing_and_attributes() {
        let mut config = ServerConfig::default();
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=b; deadbolt_session=tok; c=d".parse().unwrap(),
        );
        assert_eq!(
            token_from_headers(&config, &h)
                .as_ref()
                .map(SessionToken::expose),
            Some("tok")
        );
        config.secure_cookies = true;
        assert!(
            token_from_headers(&config, &h).is_none(),
            "plain name ignored over HTTPS"
        );
        let v = set_cookie(&config, &SessionToken::new("tok"));
        assert_eq!(
            v.to_str().unwrap(),
            "__Host-deadbolt_session=tok; HttpOnly; SameSite=Lax; Path=/; Secure"
        );
        assert!(
            clear_cookie(&config)
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
    }
}
