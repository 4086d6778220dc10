//! The OpenID Connect provider's rules (authorization code flow only), with
//! no HTTP: `authorize.rs` checks an authorization request, decides between
//! the login, the consent page and a code, and issues the code;
//! `token.rs` authenticates clients and runs the token endpoint's grants,
//! userinfo and revocation; `signing.rs` keeps the ES256 keys and signs ID
//! tokens (jsonwebtoken, RustCrypto); `clients.rs` registers clients.
//!
//! Design decisions. Codes, access tokens and refresh tokens are opaque
//! 256-bit random strings kept as SHA-256 only: revocation is immediate
//! (a deleted row), and userinfo is one lookup. ID tokens are the only JWTs.
//! A code lives 60 s and is redeemed by a compare-and-set in the store; a
//! replay revokes what the first redemption issued. Refresh tokens rotate
//! on every use and a spent one presented again revokes its whole family.

mod authorize;
mod clients;
mod signing;
mod token;

use data_encoding::BASE64URL_NOPAD;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub use authorize::{
    AuthorizeNext, AuthorizeParams, AuthorizeRefusal, AuthorizeRequest, PageReason,
};
pub use clients::NewClient;
pub(crate) use signing::KeyCache;
pub use token::{ClientAuth, TokenRequest, TokenResponse};

use crate::error::AuthError;
use crate::keys::{KeyError, os_random};

/// An authorization code lives this long (RFC 9700: short; ≤ 60 s).
pub const CODE_SECS: i64 = 60;
/// Access tokens and ID tokens live this long.
pub const ACCESS_SECS: i64 = 600;
/// A refresh token lives this long unless used (each use rotates it).
pub const REFRESH_SECS: i64 = 30 * 86_400;
/// A retired signing key stays in the JWKS this long (more than any token
/// it signed lives).
pub const RETIRED_KEY_SECS: i64 = 86_400;
/// The scopes Deadbolt knows.
pub const SCOPES: &[&str] = &["openid", "profile", "email", "groups", "offline_access"];
/// The longest `state` or `nonce` accepted.
pub const PARAM_MAX: usize = 1024;

/// An OAuth 2.0 / OpenID Connect error, with the RFC's code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OidcError {
    /// RFC 6749 `invalid_request`: a parameter is missing, repeated or malformed.
    #[error("{0}")]
    InvalidRequest(String),
    /// `invalid_client`: client authentication failed.
    #[error("Client authentication failed.")]
    InvalidClient,
    /// `invalid_grant`: the code or refresh token is invalid, expired,
    /// spent, or another client's; or the PKCE verifier is wrong.
    #[error("{0}")]
    InvalidGrant(&'static str),
    /// `unauthorized_client`: the client may not do this.
    #[error("{0}")]
    UnauthorizedClient(&'static str),
    /// `unsupported_grant_type`.
    #[error("Only the authorization_code and refresh_token grants are supported.")]
    UnsupportedGrantType,
    /// `unsupported_response_type`.
    #[error("Only response_type=code is supported.")]
    UnsupportedResponseType,
    /// `invalid_scope`.
    #[error("{0}")]
    InvalidScope(String),
    /// `access_denied`: the user said no.
    #[error("The user denied the request.")]
    AccessDenied,
    /// `login_required` (`prompt=none` without a session).
    #[error("The user is not signed in.")]
    LoginRequired,
    /// `consent_required` (`prompt=none` before the user consented).
    #[error("The user has not consented to this application yet.")]
    ConsentRequired,
    /// RFC 6750 `invalid_token` (userinfo).
    #[error("The access token is invalid or expired.")]
    InvalidToken,
    /// `unsupported_token_type` (revocation).
    #[error("Only access and refresh tokens can be revoked.")]
    UnsupportedTokenType,
    /// `server_error`: something failed inside.
    #[error("The server could not complete the request.")]
    Server(#[source] AuthError),
}

impl OidcError {
    /// The RFC's error code.
    pub fn code(&self) -> &'static str {
        match self {
            OidcError::InvalidRequest(_) => "invalid_request",
            OidcError::InvalidClient => "invalid_client",
            OidcError::InvalidGrant(_) => "invalid_grant",
            OidcError::UnauthorizedClient(_) => "unauthorized_client",
            OidcError::UnsupportedGrantType => "unsupported_grant_type",
            OidcError::UnsupportedResponseType => "unsupported_response_type",
            OidcError::InvalidScope(_) => "invalid_scope",
            OidcError::AccessDenied => "access_denied",
            OidcError::LoginRequired => "login_required",
            OidcError::ConsentRequired => "consent_required",
            OidcError::InvalidToken => "invalid_token",
            OidcError::UnsupportedTokenType => "unsupported_token_type",
            OidcError::Server(_) => "server_error",
        }
    }
}

impl From<AuthError> for OidcError {
    fn from(e: AuthError) -> Self {
        OidcError::Server(e)
    }
}

impl From<deadbolt_store::StoreError> for OidcError {
    fn from(e: deadbolt_store::StoreError) -> Self {
        OidcError::Server(e.into())
    }
}

impl From<KeyError> for OidcError {
    fn from(e: KeyError) -> Self {
        OidcError::Server(e.into())
    }
}

/// A result of the provider's rules.
pub type OidcResult<T> = Result<T, OidcError>;

/// 32 OS-random bytes in base64url (43 characters): codes, tokens, secrets.
pub(crate) fn random_token() -> Result<Zeroizing<String>, KeyError> {
    let mut raw = Zeroizing::new([0u8; 32]);
    os_random(raw.as_mut())?;
    Ok(Zeroizing::new(BASE64URL_NOPAD.encode(raw.as_ref())))
}

/// SHA-256 of a code, token or client secret (what the store keeps).
pub(crate) fn sha256(text: &str) -> Vec<u8> {
    Sha256::digest(text.as_bytes()).to_vec()
}

/// The `amr` list of a session's comma-joined methods.
pub(crate) fn amr_list(amr: &str) -> Vec<String> {
    amr.split(',')
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The `acr` of a sign-in: `2fa` when two factors were used (a second
/// factor after the password, or a key that verified its user), else `1fa`.
pub fn acr_of(amr: &str) -> &'static str {
    let methods = amr_list(amr);
    if methods.len() >= 2 { "2fa" } else { "1fa" }
}
