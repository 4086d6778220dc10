//! What the rules need to know that is not in the store.

/// Argon2id cost parameters. Production uses OWASP's minimum (m = 19456 KiB,
/// t = 2, p = 1); tests may lower them only through [`AuthConfig`].
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

/// The rules' settings.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// The service name shown in authenticator apps (otpauth issuer).
    pub issuer: String,
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
    /// How long a hashing thread keeps its Argon2 memory after its last
    /// hash (reused by the next login within that time; given back to the
    /// OS after it).
    pub hash_memory_keep: std::time::Duration,
    /// Step-up: while 2FA is on, a change to the account's factors or
    /// identity needs a second factor passed in this session within this
    /// many seconds, or a code given with the change.
    pub reauth_window_secs: i64,
    /// Sign-ups per client address: a burst of this many, ...
    pub signup_burst: i64,
    /// ... then one every this many seconds.
    pub signup_interval: i64,
    /// Email (verification, password reset, notices); `None`: off, and the
    /// flows that need it say so.
    pub mail: Option<MailConfig>,
    /// Whether anyone may create an account (`serve --signup open`); when
    /// closed, accounts come from `deadbolt user add` only.
    pub signup_open: bool,
    /// The URL users reach the service at: the passkeys' relying party
    /// (RP id = its host, origin = its origin).
    pub public_url: String,
    /// The language of letters to users who have none stored
    /// (`--default-language`; the server copies its own here).
    pub default_language: String,
}

/// What the mail flows need beyond the SMTP server (which only the outbox
/// worker sees).
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// The sender of every letter (`--mail-from`).
    pub from: deadbolt_mail::Mailbox,
    /// The public URL the links in letters start with (no trailing slash).
    pub public_url: String,
    /// The bound on one SMTP conversation; a claimed letter is the
    /// worker's for twice this plus 10 s (then another worker may take it).
    pub send_timeout: std::time::Duration,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            issuer: "Deadbolt".to_owned(),
            session_idle_secs: 1800,
            session_absolute_secs: 43200,
            pending_secs: 300,
            argon2: Argon2Params::default(),
            hash_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            hash_memory_keep: std::time::Duration::from_secs(20),
            reauth_window_secs: 600,
            signup_burst: 10,
            signup_interval: 60,
            mail: None,
            signup_open: true,
            public_url: "http://localhost:8080".to_owned(),
            default_language: "en".to_owned(),
        }
    }
}
