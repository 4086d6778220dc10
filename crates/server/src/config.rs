//! Runtime configuration of the HTTP server.

use std::net::IpAddr;

use std::sync::Arc;

use deadbolt_auth::{AccessRules, AuthConfig};

use crate::i18n::Lang;

/// Everything the server needs to know that is not in the store.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The URL users reach the service at (`https://...` turns on secure cookies).
    pub public_url: String,
    /// `Secure` + `__Host-` cookies. Set by [`ServerConfig::new`] from `public_url`.
    pub secure_cookies: bool,
    /// Peers whose `X-Forwarded-For` is believed (reverse proxies).
    pub trusted_proxies: Vec<IpAddr>,
    /// The rules' settings (issuer, session lifetimes, hashing).
    pub auth: AuthConfig,
    /// `cookie_domain`: the session cookie covers this domain and its
    /// subdomains (`__Secure-` instead of `__Host-`), and `/login?rd=` may
    /// return there. Normalised by `deadbolt_auth::return_url::normalize_cookie_domain`.
    pub cookie_domain: Option<String>,
    /// `[access_control]`, compiled once (forward-auth).
    pub access: Arc<AccessRules>,
    /// `--default-language`: for a request with no `?lang=`, no `lang`
    /// cookie and no `Accept-Language` naming a language Deadbolt speaks.
    pub default_language: Lang,
}

impl ServerConfig {
    /// A configuration with production defaults for this issuer and public URL.
    pub fn new(issuer: impl Into<String>, public_url: impl Into<String>) -> Self {
        let public_url = public_url.into();
        let mut config = Self {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            ..Self::default()
        };
        config.auth.issuer = issuer.into();
        config
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".to_owned(),
            secure_cookies: false,
            trusted_proxies: Vec::new(),
            auth: AuthConfig::default(),
            cookie_domain: None,
            access: Arc::new(AccessRules::deny_all()),
            default_language: Lang::ENGLISH,
        }
    }
}
