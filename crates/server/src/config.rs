//! Runtime configuration of the HTTP server.

use std::net::IpAddr;

/// Argon2id cost parameters. Production uses OWASP's minimum (m = 19456 KiB,
/// t = 2, p = 1); tests may lower them only through [`ServerConfig`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argon2Params {
    /// Memory in KiB.
    pub m_cost: u32,
    /// Iterations.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
}

impl Default for Argon2Params {
    fn default() -> Self {
        Self {
            m_cost: 19456,
            t_cost: 2,
            p_cost: 1,
        }
    }
}

/// Everything the server needs to know that is not in the store.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The service name shown in authenticator apps (otpauth issuer).
    pub issuer: String,
    /// The URL users reach the service at (`https://...` turns on secure cookies).
    pub public_url: String,
    /// `Secure` + `__Host-` cookies. Set by [`ServerConfig::new`] from `public_url`.
    pub secure_cookies: bool,
    /// A full session ends after this many seconds without a request.
    pub session_idle_secs: i64,
    /// A full session ends this many seconds after sign-in, whatever happens.
    pub session_absolute_secs: i64,
    /// A pending (second factor owed) login lives this long.
    pub pending_secs: i64,
    /// Password hashing cost.
    pub argon2: Argon2Params,
    /// How many password hashes may run at once (each takes `m_cost` KiB).
    pub hash_concurrency: usize,
    /// Peers whose `X-Forwarded-For` is believed (reverse proxies).
    pub trusted_proxies: Vec<IpAddr>,
}

impl ServerConfig {
    /// A configuration with production defaults for this issuer and public URL.
    pub fn new(issuer: impl Into<String>, public_url: impl Into<String>) -> Self {
        let public_url = public_url.into();
        Self {
            issuer: issuer.into(),
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            ..Self::default()
        }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            issuer: "Deadbolt".to_owned(),
            public_url: "http://127.0.0.1:8080".to_owned(),
            secure_cookies: false,
            session_idle_secs: 1800,
            session_absolute_secs: 43200,
            pending_secs: 300,
            argon2: Argon2Params::default(),
            hash_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            trusted_proxies: Vec::new(),
        }
    }
}
