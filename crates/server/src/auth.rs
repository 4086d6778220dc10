//! All the authentication rules. Both the JSON API and the HTML pages call
//! [`Auth`]; handlers only translate requests and results.
//!
//! Rules enforced here (see `shared/SECURITY.md`):
//! * a login with 2FA is *pending* until the second factor passes, and the
//!   session token is rotated after the password and after the second factor;
//! * every second-factor attempt (TOTP or backup code) is taken from one
//!   per-account budget in the shared store *before* it is verified, so
//!   concurrent guesses cannot overdraw it and a right password never resets it;
//! * each TOTP step is accepted once per device (compare-and-set in the store);
//! * password guessing is budgeted per username and per client address before
//!   any Argon2 work; unknown users cost the same hash as known ones.

use std::sync::Arc;

use data_encoding::HEXLOWER;
use deadbolt_otp::{BackupCode, OtpAuthUri, Params, Secret, Totp, Verdict, normalize_code};
use deadbolt_store::{
    Budget, Event, NewEvent, Proof, SecondFactorStep, SessionRecord, Stage, StepOutcome, Store,
    StoreError, User, UserId, UserSummary,
};
use zeroize::Zeroizing;

use crate::config::ServerConfig;
use crate::crypto::{KeyError, Keyring, new_session_token};
use crate::password::{
    HashError, Hasher, normalize_login_password, normalize_password, normalize_username,
};
use crate::session::Client;
use crate::state::Clock;

/// Second-factor budget: a burst of 10, then one guess per 15 minutes, per
/// account. 30 days allow 10 + 2,880 = 2,890 guesses; with a ±1 window each
/// wins with 3/10^6, so the attacker's chance stays under 0.9 %.
pub const SECOND_FACTOR_BURST: i64 = 10;
/// Seconds per refilled second-factor guess.
pub const SECOND_FACTOR_INTERVAL: i64 = 900;
/// Password guesses per username: a burst of 10, then one per 5 minutes.
pub const PASSWORD_USER_BURST: i64 = 10;
/// Seconds per refilled password guess for one username.
pub const PASSWORD_USER_INTERVAL: i64 = 300;
/// Password guesses per client address: a burst of 30, then one per 10 s.
pub const PASSWORD_IP_BURST: i64 = 30;
/// Password guesses from a browser holding a genuine device cookie for the
/// username (OWASP device cookies): its own burst of 10, then one a minute,
/// instead of the username's and the address's shared allowances.
pub const PASSWORD_DEVICE_BURST: i64 = 10;
/// Seconds per refilled password guess for one trusted browser.
pub const PASSWORD_DEVICE_INTERVAL: i64 = 60;
/// Seconds per refilled password guess for one client address.
pub const PASSWORD_IP_INTERVAL: i64 = 10;
/// TOTP steps accepted either side of the current one.
pub const TOTP_WINDOW: u64 = 1;
/// Seconds between two writes of a session's `last_seen`.
pub const TOUCH_EVERY: i64 = 60;

/// Everything that can go wrong in an authentication operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// Unknown user or wrong password (deliberately indistinguishable).
    #[error("The username or password is incorrect.")]
    InvalidCredentials,
    /// A signed-in user re-entered a wrong password (setup, disable, ...).
    #[error("The password is incorrect.")]
    WrongPassword,
    /// The username is taken (after case folding and normalisation).
    #[error("This username is already taken.")]
    UsernameTaken,
    /// An input is malformed or breaks a policy; `message` is for the form.
    #[error("{message}")]
    Invalid {
        /// The form field at fault.
        field: &'static str,
        /// Plain words for the user.
        message: String,
    },
    /// The one-time code or backup code is wrong.
    #[error("That code is not correct. Check your authenticator app and try again.")]
    WrongCode,
    /// The code is right but its time step was already used.
    #[error("That code has already been used. Wait for the next code in your app.")]
    CodeReused,
    /// Too many attempts; retry after this many seconds.
    #[error("Too many attempts. Try again in {} minute(s).", ((retry_after + 59) / 60).max(1))]
    Throttled {
        /// Seconds until the next attempt is allowed.
        retry_after: i64,
    },
    /// No two-factor setup is waiting for confirmation.
    #[error("There is no two-factor setup to confirm. Start the setup again.")]
    NoPendingSetup,
    /// The operation needs 2FA enabled.
    #[error("Two-factor authentication is not enabled.")]
    TwoFactorNotEnabled,
    /// No (valid) session.
    #[error("You are not signed in.")]
    Unauthenticated,
    /// The thing to act on does not exist (a session to revoke, a user).
    #[error("Not found.")]
    NotFound,
    /// A server-side failure; the detail is logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AuthError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict("username") => AuthError::UsernameTaken,
            other => AuthError::Internal(format!("store: {other}")),
        }
    }
}
impl From<HashError> for AuthError {
    fn from(e: HashError) -> Self {
        AuthError::Internal(e.to_string())
    }
}
impl From<KeyError> for AuthError {
    fn from(e: KeyError) -> Self {
        AuthError::Internal(format!("keys: {e}"))
    }
}

/// Result alias.
pub type AuthResult<T> = Result<T, AuthError>;

/// What the user typed as a second factor.
#[derive(Clone)]
pub enum SecondFactorInput {
    /// A TOTP code from the authenticator app ("123 456" is fine).
    Code(String),
    /// A backup code ("K7MQ2 X9VTD" is fine).
    BackupCode(String),
}

impl std::fmt::Debug for SecondFactorInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SecondFactorInput::Code(_) => "Code([REDACTED])",
            SecondFactorInput::BackupCode(_) => "BackupCode([REDACTED])",
        })
    }
}

/// The result of a right password.
pub struct LoginOutcome {
    /// The new session token (cookie value). The old session, if any, is gone.
    pub token: String,
    /// `Full` (signed in) or `Pending` (second factor owed).
    pub stage: Stage,
    /// A fresh device cookie for this browser and username.
    pub device_cookie: String,
}

impl std::fmt::Debug for LoginOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginOutcome")
            .field("stage", &self.stage)
            .finish_non_exhaustive()
    }
}

/// What a typed second factor is, found before anything is spent.
enum Candidate {
    /// A TOTP code matching this step of the confirmed device, later than
    /// its last accepted step.
    Step { device_id: i64, step: i64 },
    /// A well-formed backup code, by its keyed hash (spent or not: the store decides).
    BackupCode { hash: Vec<u8> },
    /// A TOTP code matching a step already used.
    Replayed,
    /// Not a code that matches anything.
    Wrong,
}

impl Candidate {
    /// What the store checks and spends, if anything.
    fn proof(&self) -> Option<Proof<'_>> {
        match self {
            Candidate::Step { device_id, step } => Some(Proof::Step {
                device_id: *device_id,
                step: *step,
            }),
            Candidate::BackupCode { hash } => Some(Proof::BackupCode { hash }),
            Candidate::Replayed | Candidate::Wrong => None,
        }
    }

    /// How a step that passed with it passed (the `sign_in` event's detail).
    fn how(&self) -> &'static str {
        match self {
            Candidate::BackupCode { .. } => "backup code",
            _ => "authenticator code",
        }
    }
}

/// A valid session, as the extractors see it.
#[derive(Clone)]
pub struct SessionInfo {
    /// SHA-256 of the token.
    pub token_hash: Vec<u8>,
    /// Owner.
    pub user_id: UserId,
    /// Owner's display name.
    pub username: String,
    /// Pending or full.
    pub stage: Stage,
    /// When the session started (unix seconds).
    pub created_at: i64,
    /// When it ends at the latest.
    pub expires_at: i64,
    /// Whether the owner has a confirmed TOTP device (read with the session).
    pub two_factor_enabled: bool,
    /// The owner's unspent backup codes (read with the session).
    pub backup_codes_remaining: i64,
}

impl std::fmt::Debug for SessionInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionInfo")
            .field("user_id", &self.user_id)
            .field("username", &self.username)
            .field("stage", &self.stage)
            .finish_non_exhaustive()
    }
}

/// One of the user's sessions, for the session list.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// Hex SHA-256 of the token (safe to show: it cannot be turned back into a token).
    pub id: String,
    /// Start, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds.
    pub last_seen: i64,
    /// Client address.
    pub ip: String,
    /// Browser description.
    pub user_agent: String,
    /// Whether this is the session asking.
    pub current: bool,
}

/// Everything the security settings page shows.
#[derive(Debug, Clone)]
pub struct SecurityOverview {
    /// Display username.
    pub username: String,
    /// Whether a confirmed device exists.
    pub two_factor_enabled: bool,
    /// Unspent backup codes.
    pub backup_codes_remaining: i64,
    /// Whether a setup waits for its confirmation code.
    pub setup_pending: bool,
    /// Recent security events, newest first.
    pub events: Vec<Event>,
    /// Full sessions, most recent first.
    pub sessions: Vec<SessionView>,
}

/// What a setup shows: only while the device is unconfirmed, never after.
#[derive(Clone)]
pub struct SetupInfo {
    /// The secret in base32 (for manual entry).
    pub secret_base32: String,
    /// The same, in groups of four for reading.
    pub secret_grouped: String,
    /// The `otpauth://totp/Issuer:username?...` URI.
    pub otpauth_uri: String,
    /// The URI as a QR code, an SVG document.
    pub qr_svg: String,
}

impl std::fmt::Debug for SetupInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SetupInfo([REDACTED])")
    }
}

/// The authentication service.
pub struct Auth {
    store: Arc<dyn Store>,
    keys: std::sync::RwLock<Arc<Keyring>>,
    config: Arc<ServerConfig>,
    clock: Arc<dyn Clock>,
    hasher: Hasher,
}

impl Auth {
    /// Build the service.
    pub fn new(
        store: Arc<dyn Store>,
        keys: Keyring,
        config: Arc<ServerConfig>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let hasher = Hasher::new(config.argon2, config.hash_concurrency);
        Self {
            store,
            keys: std::sync::RwLock::new(Arc::new(keys)),
            config,
            clock,
            hasher,
        }
    }

    /// Prepare what the first requests would otherwise pay for (the dummy
    /// password hash used to time unknown-user logins like real ones).
    pub async fn warm_up(&self) -> AuthResult<()> {
        Ok(self.hasher.warm_up().await?)
    }

    /// The current time from the injected clock (unix seconds).
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// The store (for `/healthz` and admin tools).
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    async fn event(
        &self,
        user_id: UserId,
        kind: &str,
        client: &Client,
        detail: &str,
    ) -> AuthResult<()> {
        self.store
            .record_event(user_id, kind, &client.ip, detail, self.now())
            .await?;
        Ok(())
    }

    async fn take(&self, key: &str, burst: i64, interval: i64) -> AuthResult<()> {
        match self
            .store
            .take_budget(key, self.now(), burst, interval)
            .await?
        {
            Budget::Granted => Ok(()),
            Budget::Exhausted { retry_after } => Err(AuthError::Throttled {
                retry_after: retry_after.max(1),
            }),
        }
    }

    fn password_user_key(username_key: &str) -> String {
        format!("pw:user:{username_key}")
    }

    fn second_factor_key(user_id: UserId) -> String {
        format!("2fa:user:{user_id}")
    }

    // ---------------------------------------------------------------- sign-up

    /// Create an account. Does not sign in.
    pub async fn signup(
        &self,
        username: &str,
        password: &str,
        client: &Client,
    ) -> AuthResult<User> {
        let name = normalize_username(username).map_err(|e| AuthError::Invalid {
            field: "username",
            message: e.0,
        })?;
        let pw = normalize_password(password).map_err(|e| AuthError::Invalid {
            field: "password",
            message: e.0,
        })?;
        if self.store.user_by_key(&name.key).await?.is_some() {
            return Err(AuthError::UsernameTaken);
        }
        let hash = self.hasher.hash(pw).await?;
        let user = self
            .store
            .create_user(&name.display, &name.key, &hash, self.now())
            .await?;
        self.event(user.id, "signed_up", client, "").await?;
        Ok(user)
    }

    // ---------------------------------------------------------------- login

    /// Check username and password. Budgets are taken before any hashing.
    /// On success the old session (if any) is replaced by a new one: `Full`
    /// without 2FA, `Pending` with it.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        old_token_hash: Option<&[u8]>,
        client: &Client,
    ) -> AuthResult<LoginOutcome> {
        let pw = normalize_login_password(password);
        let name = normalize_username(username);
        // A browser holding a genuine device cookie for this username spends
        // its own allowance; every other attempt spends the address's and the
        // username's shared ones. All before any hashing.
        let trusted = match (&name, &client.device) {
            (Ok(n), Some(d)) => self.keys().verify_device_cookie(&d.0, &n.key),
            _ => None,
        };
        match &trusted {
            Some(device) => {
                self.take(
                    &format!("pw:device:{device}"),
                    PASSWORD_DEVICE_BURST,
                    PASSWORD_DEVICE_INTERVAL,
                )
                .await?
            }
            None => {
                self.take(
                    &format!("pw:ip:{}", client.ip),
                    PASSWORD_IP_BURST,
                    PASSWORD_IP_INTERVAL,
                )
                .await?
            }
        }
        let key = match name {
            Ok(n) => n.key,
            Err(_) => {
                // Nothing to look up, but spend the same time as a real check.
                self.hasher.verify_dummy(pw).await?;
                return Err(AuthError::InvalidCredentials);
            }
        };
        if trusted.is_none() {
            self.take(
                &Self::password_user_key(&key),
                PASSWORD_USER_BURST,
                PASSWORD_USER_INTERVAL,
            )
            .await?;
        }
        let Some(user) = self.store.user_by_key(&key).await? else {
            self.hasher.verify_dummy(pw).await?;
            return Err(AuthError::InvalidCredentials);
        };
        if !self.hasher.verify(pw, user.password_hash.clone()).await? {
            self.event(user.id, "sign_in_failed", client, "wrong password")
                .await?;
            return Err(AuthError::InvalidCredentials);
        }
        let stage = if self.store.confirmed_device(user.id).await?.is_some() {
            Stage::Pending
        } else {
            Stage::Full
        };
        let signed_in = [NewEvent {
            kind: "sign_in",
            detail: "password",
        }];
        let events: &[NewEvent] = match stage {
            Stage::Full => &signed_in,
            Stage::Pending => &[],
        };
        let token = self
            .start_session(user.id, stage, old_token_hash, client, events)
            .await?;
        let device_cookie = self.keys().new_device_cookie(&key)?;
        Ok(LoginOutcome {
            token,
            stage,
            device_cookie,
        })
    }

    async fn start_session(
        &self,
        user_id: UserId,
        stage: Stage,
        old_token_hash: Option<&[u8]>,
        client: &Client,
        events: &[NewEvent<'_>],
    ) -> AuthResult<String> {
        let (token, record) = self.new_session(user_id, stage, client)?;
        // The old session, the new one and the step's events: one commit.
        self.store
            .open_session(old_token_hash, &record, events)
            .await?;
        Ok(token)
    }

    /// A new session's token and the record the store keeps (its hash).
    fn new_session(
        &self,
        user_id: UserId,
        stage: Stage,
        client: &Client,
    ) -> AuthResult<(String, SessionRecord)> {
        let now = self.now();
        let (token, hash) = new_session_token()?;
        let lifetime = match stage {
            Stage::Pending => self.config.pending_secs,
            Stage::Full => self.config.session_absolute_secs,
        };
        let record = SessionRecord {
            token_hash: hash,
            user_id,
            stage,
            created_at: now,
            last_seen: now,
            expires_at: now + lifetime,
            user_agent: client.user_agent.clone(),
            ip: client.ip.clone(),
        };
        Ok((token, record))
    }

    /// Pass the second factor of a pending login. The attempt is taken from
    /// the account's budget first; success rotates the pending session into
    /// a full one and returns its token. A code that matched goes to the
    /// store as one commit: budget, the code spent, the session rotated and
    /// the step's events (`Store::pass_second_factor`).
    pub async fn second_factor(
        &self,
        pending: &crate::session::PendingLogin,
        input: SecondFactorInput,
        client: &Client,
    ) -> AuthResult<String> {
        let user_id = pending.user_id;
        let candidate = self.candidate(user_id, input).await?;
        let Some(proof) = candidate.proof() else {
            // Nothing to spend: the attempt costs its budget all the same.
            self.take_second_factor_budget(user_id, client).await?;
            return Err(self.refused(user_id, client, &candidate).await);
        };
        let how = candidate.how();
        let events = move |left: Option<i64>| {
            let mut events = Vec::with_capacity(2);
            if let Some(n) = left {
                events.push(("backup_code_used", format!("{n} left")));
            }
            events.push(("sign_in", how.to_owned()));
            events
        };
        let (token, session) = self.new_session(user_id, Stage::Full, client)?;
        let key = Self::second_factor_key(user_id);
        let step = SecondFactorStep {
            budget_key: &key,
            burst: SECOND_FACTOR_BURST,
            interval: SECOND_FACTOR_INTERVAL,
            proof,
            pending: &pending.token_hash,
            session: &session,
            events: &events,
        };
        match self.store.pass_second_factor(&step).await? {
            StepOutcome::Passed { .. } => Ok(token),
            StepOutcome::Throttled { retry_after } => {
                Err(self.locked(user_id, client, retry_after).await)
            }
            StepOutcome::Refused => Err(self.refused(user_id, client, &candidate).await),
        }
    }

    /// Budget, then verify and spend a TOTP or backup code against the
    /// confirmed device (for steps other than the login's, which is one
    /// commit). After a backup code, returns how many are left; its event is
    /// left to the caller.
    async fn check_second_factor(
        &self,
        user_id: UserId,
        input: SecondFactorInput,
        client: &Client,
    ) -> AuthResult<Option<i64>> {
        let candidate = self.candidate(user_id, input).await?;
        self.take_second_factor_budget(user_id, client).await?;
        let spent = match &candidate {
            Candidate::Step { device_id, step } => {
                self.store.accept_step(*device_id, *step).await?
            }
            Candidate::BackupCode { hash } => {
                self.store
                    .spend_backup_code(user_id, hash, self.now())
                    .await?
            }
            Candidate::Replayed | Candidate::Wrong => false,
        };
        if !spent {
            return Err(self.refused(user_id, client, &candidate).await);
        }
        Ok(match candidate {
            Candidate::BackupCode { .. } => Some(self.store.backup_codes_remaining(user_id).await?),
            _ => None,
        })
    }

    /// What a typed second factor is, before anything is spent: the TOTP
    /// step it matches on the confirmed device (past the last accepted one),
    /// or a backup code's keyed hash.
    async fn candidate(&self, user_id: UserId, input: SecondFactorInput) -> AuthResult<Candidate> {
        match input {
            SecondFactorInput::Code(code) => {
                let Ok(code) = normalize_code(&code) else {
                    return Ok(Candidate::Wrong);
                };
                let code = Zeroizing::new(code);
                let device = self
                    .store
                    .confirmed_device(user_id)
                    .await?
                    .ok_or(AuthError::TwoFactorNotEnabled)?;
                let secret = self.open_secret(&device)?;
                let totp = Totp::new(&secret, Params::default());
                let now = u64::try_from(self.now())
                    .map_err(|_| AuthError::Internal("clock before 1970".into()))?;
                let last = device.last_step.and_then(|s| u64::try_from(s).ok());
                Ok(match totp.verify_after(&code, now, TOTP_WINDOW, last) {
                    Verdict::Accepted { step } => Candidate::Step {
                        device_id: device.id,
                        step: i64::try_from(step)
                            .map_err(|_| AuthError::Internal("step overflow".into()))?,
                    },
                    Verdict::Replayed { .. } => Candidate::Replayed,
                    Verdict::Rejected => Candidate::Wrong,
                })
            }
            SecondFactorInput::BackupCode(code) => Ok(match BackupCode::parse(&code) {
                Ok(code) => Candidate::BackupCode {
                    hash: self.keys().backup_code_hash(code.as_str()),
                },
                Err(_) => Candidate::Wrong,
            }),
        }
    }

    /// Take one attempt from the account's second-factor budget; an empty
    /// one is recorded as a lock-out.
    async fn take_second_factor_budget(&self, user_id: UserId, client: &Client) -> AuthResult<()> {
        let key = Self::second_factor_key(user_id);
        match self
            .take(&key, SECOND_FACTOR_BURST, SECOND_FACTOR_INTERVAL)
            .await
        {
            Err(AuthError::Throttled { retry_after }) => {
                Err(self.locked(user_id, client, retry_after).await)
            }
            other => other,
        }
    }

    /// The account's second-factor budget is empty: record the lock-out
    /// (once per lock-out is enough for the activity list).
    async fn locked(&self, user_id: UserId, client: &Client, retry_after: i64) -> AuthError {
        let recorded = async {
            let last = self.store.events(user_id, 1).await?;
            if last
                .first()
                .is_none_or(|ev| ev.kind != "second_factor_locked")
            {
                self.event(
                    user_id,
                    "second_factor_locked",
                    client,
                    "too many wrong codes",
                )
                .await?;
            }
            AuthResult::Ok(())
        };
        match recorded.await {
            Ok(()) => AuthError::Throttled {
                retry_after: retry_after.max(1),
            },
            Err(e) => e,
        }
    }

    /// A second factor that did not pass, after its budget was taken:
    /// record why and say it.
    async fn refused(&self, user_id: UserId, client: &Client, candidate: &Candidate) -> AuthError {
        let (kind, detail, error) = match candidate {
            // Matched a step another request (maybe on another node) used first.
            Candidate::Step { .. } | Candidate::Replayed => (
                "code_replay_refused",
                "code already used",
                AuthError::CodeReused,
            ),
            Candidate::BackupCode { .. } | Candidate::Wrong => {
                ("second_factor_failed", "wrong code", AuthError::WrongCode)
            }
        };
        match self.event(user_id, kind, client, detail).await {
            Ok(()) => error,
            Err(e) => e,
        }
    }

    /// The current keyring (cheap: an `Arc`).
    fn keys(&self) -> Arc<Keyring> {
        self.keys.read().expect("keyring lock").clone()
    }

    fn open_secret(&self, device: &deadbolt_store::Device) -> AuthResult<Secret> {
        let keys = self.keys();
        let raw = match keys.open(device.user_id, device.id, &device.sealed_secret) {
            // Sealed under a key this node has not seen yet: `deadbolt keys
            // rotate` ran while it was serving. Read the key file again.
            Err(KeyError::UnknownKey(id)) => match keys.reload().filter(|k| k.has_key(id)) {
                Some(fresh) => {
                    let fresh = Arc::new(fresh);
                    *self.keys.write().expect("keyring lock") = fresh.clone();
                    tracing::info!(key_id = id, "key file reloaded after a rotation");
                    fresh.open(device.user_id, device.id, &device.sealed_secret)?
                }
                None => return Err(KeyError::UnknownKey(id).into()),
            },
            other => other?,
        };
        Secret::from_bytes(&raw).map_err(|e| AuthError::Internal(format!("sealed secret: {e}")))
    }

    // ---------------------------------------------------------------- sessions

    /// Look a cookie token up: `Some` only for a live session (pending ones
    /// included: the caller checks the stage). Expired or idle sessions are
    /// deleted; a live full session's `last_seen` is refreshed.
    pub async fn session(&self, token: &str) -> AuthResult<Option<SessionInfo>> {
        if token.is_empty() || token.len() > 128 {
            return Ok(None);
        }
        let hash = crate::crypto::token_hash(token);
        let Some(rec) = self.store.session_view(&hash).await? else {
            return Ok(None);
        };
        let now = self.now();
        let idle = rec.stage == Stage::Full && now - rec.last_seen >= self.config.session_idle_secs;
        if now >= rec.expires_at || idle {
            self.store.delete_session(&hash).await?;
            return Ok(None);
        }
        // `last_seen` is written at most once a minute per session: a write
        // (an fsync on SQLite) on every authenticated read would cap the
        // request rate at the disk's. The idle timeout may therefore end a
        // session up to a minute early, never late.
        if rec.stage == Stage::Full && now - rec.last_seen >= TOUCH_EVERY {
            self.store.touch_session(&hash, now).await?;
        }
        Ok(Some(SessionInfo {
            token_hash: hash,
            user_id: rec.user_id,
            username: rec.username,
            stage: rec.stage,
            created_at: rec.created_at,
            expires_at: rec.expires_at,
            two_factor_enabled: rec.two_factor_enabled,
            backup_codes_remaining: rec.backup_codes_remaining,
        }))
    }

    /// End a session on the server (every node).
    pub async fn logout(&self, token_hash: &[u8]) -> AuthResult<()> {
        self.store.delete_session(token_hash).await?;
        Ok(())
    }

    /// Revoke one of the user's own sessions by its id (hex token hash).
    pub async fn revoke_session(&self, user_id: UserId, token_hash_hex: &str) -> AuthResult<()> {
        let hash = HEXLOWER
            .decode(token_hash_hex.as_bytes())
            .map_err(|_| AuthError::NotFound)?;
        if self.store.delete_user_session(user_id, &hash).await? {
            Ok(())
        } else {
            Err(AuthError::NotFound)
        }
    }

    /// End every session of the user except `keep`. Returns how many ended.
    pub async fn sign_out_everywhere(
        &self,
        user_id: UserId,
        keep: Option<&[u8]>,
    ) -> AuthResult<u64> {
        Ok(self.store.delete_user_sessions(user_id, keep).await?)
    }

    /// Delete expired and idle sessions (call periodically).
    pub async fn purge_sessions(&self) -> AuthResult<u64> {
        let now = self.now();
        Ok(self
            .store
            .purge_sessions(now, now - self.config.session_idle_secs)
            .await?)
    }

    // ---------------------------------------------------------------- overview

    /// The user's most recent security events, newest first.
    pub async fn events(&self, user_id: UserId, limit: i64) -> AuthResult<Vec<Event>> {
        Ok(self.store.events(user_id, limit).await?)
    }

    /// Everything the security page shows. `current` marks the asking session.
    pub async fn overview(
        &self,
        user_id: UserId,
        current: Option<&[u8]>,
    ) -> AuthResult<SecurityOverview> {
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let now = self.now();
        let sessions = self
            .store
            .user_sessions(user_id)
            .await?
            .into_iter()
            .filter(|s| {
                s.stage == Stage::Full
                    && s.expires_at > now
                    && now - s.last_seen < self.config.session_idle_secs
            })
            .map(|s| SessionView {
                id: HEXLOWER.encode(&s.token_hash),
                current: current == Some(s.token_hash.as_slice()),
                created_at: s.created_at,
                last_seen: s.last_seen,
                ip: s.ip,
                user_agent: s.user_agent,
            })
            .collect();
        Ok(SecurityOverview {
            username: user.username,
            two_factor_enabled: self.store.confirmed_device(user_id).await?.is_some(),
            backup_codes_remaining: self.store.backup_codes_remaining(user_id).await?,
            setup_pending: self.store.pending_device(user_id).await?.is_some(),
            events: self.store.events(user_id, 20).await?,
            sessions,
        })
    }

    // ---------------------------------------------------------------- re-authentication

    /// Check a signed-in user's password (budgeted like a login).
    async fn reauthenticate(
        &self,
        user_id: UserId,
        password: &str,
        client: &Client,
    ) -> AuthResult<User> {
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        // Its own allowance, which only the signed-in owner can spend: a
        // stranger who empties the username's login allowance must not lock
        // the owner out of changing the password or the second factor.
        self.take(
            &format!("pw:reauth:{}", user.id),
            PASSWORD_USER_BURST,
            PASSWORD_USER_INTERVAL,
        )
        .await?;
        let pw = normalize_login_password(password);
        if !self.hasher.verify(pw, user.password_hash.clone()).await? {
            self.event(
                user.id,
                "sign_in_failed",
                client,
                "wrong password on a settings change",
            )
            .await?;
            return Err(AuthError::WrongPassword);
        }
        Ok(user)
    }

    // ---------------------------------------------------------------- 2FA setup

    /// Start a setup (needs the password): a new unconfirmed device with a
    /// fresh secret. A confirmed device keeps working until this one is confirmed.
    pub async fn begin_setup(
        &self,
        user_id: UserId,
        password: &str,
        client: &Client,
    ) -> AuthResult<SetupInfo> {
        let user = self.reauthenticate(user_id, password, client).await?;
        let secret = Secret::generate();
        let keys = self.keys();
        let failed = std::sync::atomic::AtomicBool::new(false);
        let seal = |device_id: i64| -> Vec<u8> {
            keys.seal(user_id, device_id, secret.expose())
                .unwrap_or_else(|_| {
                    failed.store(true, std::sync::atomic::Ordering::SeqCst);
                    Vec::new()
                })
        };
        let device = self
            .store
            .put_pending_device(user_id, self.now(), &seal)
            .await?;
        if failed.load(std::sync::atomic::Ordering::SeqCst) || device.sealed_secret.is_empty() {
            return Err(AuthError::Internal("sealing the TOTP secret failed".into()));
        }
        self.setup_info(&user.username, secret)
    }

    /// The setup waiting for confirmation, to show it again (e.g. after a
    /// wrong confirmation code). `None` once confirmed: the secret is never shown again.
    pub async fn pending_setup(&self, user_id: UserId) -> AuthResult<Option<SetupInfo>> {
        let Some(device) = self.store.pending_device(user_id).await? else {
            return Ok(None);
        };
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let secret = self.open_secret(&device)?;
        Ok(Some(self.setup_info(&user.username, secret)?))
    }

    fn setup_info(&self, username: &str, secret: Secret) -> AuthResult<SetupInfo> {
        let secret_base32 = secret.to_base32();
        let secret_grouped = secret.to_base32_grouped();
        let uri = OtpAuthUri::new(&self.config.issuer, username, secret, Params::default())
            .map_err(|e| AuthError::Internal(format!("otpauth uri: {e}")))?
            .to_uri();
        let qr_svg = qrcode::QrCode::new(uri.as_bytes())
            .map_err(|e| AuthError::Internal(format!("qr code: {e}")))?
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .build();
        Ok(SetupInfo {
            secret_base32,
            secret_grouped,
            otpauth_uri: uri,
            qr_svg,
        })
    }

    /// Confirm the pending setup with a code from the new device: only then
    /// is 2FA active (and the previous device replaced).
    ///
    /// Every other session of the user ends (a new device is a credential
    /// change): `current_token_hash` is the session that confirmed.
    pub async fn confirm_setup(
        &self,
        user_id: UserId,
        current_token_hash: &[u8],
        code: &str,
        client: &Client,
    ) -> AuthResult<()> {
        let device = self
            .store
            .pending_device(user_id)
            .await?
            .ok_or(AuthError::NoPendingSetup)?;
        let Ok(code) = normalize_code(code) else {
            return Err(AuthError::Invalid {
                field: "code",
                message: "Enter the 6-digit code from your app.".into(),
            });
        };
        let code = Zeroizing::new(code);
        let secret = self.open_secret(&device)?;
        let totp = Totp::new(&secret, Params::default());
        let now = u64::try_from(self.now())
            .map_err(|_| AuthError::Internal("clock before 1970".into()))?;
        let Some(step) = totp.verify(&code, now, TOTP_WINDOW) else {
            return Err(AuthError::WrongCode);
        };
        let step = i64::try_from(step).map_err(|_| AuthError::Internal("step overflow".into()))?;
        if !self.store.confirm_device(user_id, device.id, step).await? {
            return Err(AuthError::NoPendingSetup);
        }
        self.store
            .delete_user_sessions(user_id, Some(current_token_hash))
            .await?;
        self.event(
            user_id,
            "two_factor_enabled",
            client,
            "other sessions signed out",
        )
        .await?;
        Ok(())
    }

    /// Turn 2FA off: needs the password and a current code or a backup code.
    /// Every other session of the user ends.
    pub async fn disable(
        &self,
        user_id: UserId,
        current_token_hash: &[u8],
        password: &str,
        input: SecondFactorInput,
        client: &Client,
    ) -> AuthResult<()> {
        self.reauthenticate(user_id, password, client).await?;
        if self.store.confirmed_device(user_id).await?.is_none() {
            return Err(AuthError::TwoFactorNotEnabled);
        }
        let backup_codes_left = self.check_second_factor(user_id, input, client).await?;
        if let Some(n) = backup_codes_left {
            self.event(user_id, "backup_code_used", client, &format!("{n} left"))
                .await?;
        }
        self.store.remove_two_factor(user_id).await?;
        self.store
            .delete_user_sessions(user_id, Some(current_token_hash))
            .await?;
        self.event(
            user_id,
            "two_factor_disabled",
            client,
            "other sessions signed out",
        )
        .await?;
        Ok(())
    }

    /// Replace the whole set of backup codes (needs the password). The codes
    /// are returned once, in clear, and stored only as keyed hashes.
    pub async fn regenerate_backup_codes(
        &self,
        user_id: UserId,
        password: &str,
        client: &Client,
    ) -> AuthResult<Vec<String>> {
        self.reauthenticate(user_id, password, client).await?;
        let codes = BackupCode::generate_set();
        let hashes: Vec<Vec<u8>> = codes
            .iter()
            .map(|c| self.keys().backup_code_hash(c.as_str()))
            .collect();
        self.store
            .replace_backup_codes(user_id, &hashes, self.now())
            .await?;
        self.event(
            user_id,
            "backup_codes_generated",
            client,
            &format!("{} codes", codes.len()),
        )
        .await?;
        Ok(codes.iter().map(|c| c.as_str().to_owned()).collect())
    }

    /// Change the password; every other session ends and the current one
    /// is rotated. Returns the new token for the cookie.
    pub async fn change_password(
        &self,
        user_id: UserId,
        current_token_hash: &[u8],
        current: &str,
        new: &str,
        client: &Client,
    ) -> AuthResult<String> {
        self.reauthenticate(user_id, current, client).await?;
        let pw = normalize_password(new).map_err(|e| AuthError::Invalid {
            field: "new_password",
            message: e.0,
        })?;
        let hash = self.hasher.hash(pw).await?;
        self.store.set_password_hash(user_id, &hash).await?;
        self.store
            .delete_user_sessions(user_id, Some(current_token_hash))
            .await?;
        self.start_session(
            user_id,
            Stage::Full,
            Some(current_token_hash),
            client,
            &[NewEvent {
                kind: "password_changed",
                detail: "other sessions signed out",
            }],
        )
        .await
    }

    // ---------------------------------------------------------------- operator
    /// After [`Keyring::rotate`]: re-seal every TOTP secret still sealed
    /// with an older key under the newest one, in one store transaction.
    /// Returns how many secrets were re-sealed.
    pub async fn reseal_devices(&self) -> AuthResult<usize> {
        let mut resealed = Vec::new();
        for device in self.store.all_devices().await? {
            if self.keys().needs_reseal(&device.sealed_secret) {
                let secret = self.open_secret(&device)?;
                resealed.push((
                    device.id,
                    self.keys()
                        .seal(device.user_id, device.id, secret.expose())?,
                ));
            }
        }
        if !resealed.is_empty() {
            self.store.reseal_devices(&resealed).await?;
        }
        Ok(resealed.len())
    }

    /// Every user, for `deadbolt user list`.
    pub async fn admin_list_users(&self) -> AuthResult<Vec<UserSummary>> {
        Ok(self.store.list_users().await?)
    }

    /// Remove a user's 2FA device(s) and backup codes and end their sessions
    /// (the operator's recovery path), recorded as a security event.
    pub async fn admin_reset_two_factor(&self, username: &str) -> AuthResult<()> {
        let name = normalize_username(username).map_err(|e| AuthError::Invalid {
            field: "username",
            message: e.0,
        })?;
        let user = self
            .store
            .user_by_key(&name.key)
            .await?
            .ok_or(AuthError::NotFound)?;
        self.store.remove_two_factor(user.id).await?;
        self.store.delete_user_sessions(user.id, None).await?;
        let operator = Client {
            ip: "operator".into(),
            user_agent: "deadbolt cli".into(),
            device: None,
        };
        self.event(user.id, "two_factor_reset_by_operator", &operator, "")
            .await?;
        Ok(())
    }
}
