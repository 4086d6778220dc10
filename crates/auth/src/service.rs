//! [`Auth`], the service every way in calls, and what its flows share:
//! the store, the keyring, the clock, the hasher, budgets and events.
//!
//! The flows themselves live one per file beside this one (`login`,
//! `account`, `setup`, `backup_codes`, `sessions`, `admin`), each an
//! `impl Auth` block.

use std::sync::{Arc, RwLock};

use deadbolt_otp::Secret;
use deadbolt_store::{Budget, BudgetSpec, Device, EventKind, SessionRecord, Stage, Store, UserId};

use crate::client::ClientInfo;
use crate::clock::Clock;
use crate::config::AuthConfig;
use crate::error::{AuthError, AuthResult};
use crate::keys::{KeyError, Keyring, new_session_token};
use crate::password::Hasher;
use crate::secret::SessionToken;

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
/// Seconds per refilled password guess for one client address.
pub const PASSWORD_IP_INTERVAL: i64 = 10;
/// Password guesses from a browser holding a genuine device cookie for the
/// username (OWASP device cookies): its own burst of 10, then one a minute,
/// instead of the username's and the address's shared allowances.
pub const PASSWORD_DEVICE_BURST: i64 = 10;
/// Seconds per refilled password guess for one trusted browser.
pub const PASSWORD_DEVICE_INTERVAL: i64 = 60;
/// TOTP steps accepted either side of the current one.
pub const TOTP_WINDOW: u64 = 1;
/// Seconds between two writes of a session's `last_seen`.
pub const TOUCH_EVERY: i64 = 60;
/// A set-up not confirmed within this many seconds has to start again.
pub const SETUP_EXPIRY: i64 = 900;

/// The authentication service: every rule of Deadbolt, for the HTML pages,
/// the JSON API and the operator's commands alike.
pub struct Auth {
    pub(crate) store: Arc<dyn Store>,
    keys: RwLock<Arc<Keyring>>,
    pub(crate) config: AuthConfig,
    clock: Arc<dyn Clock>,
    pub(crate) hasher: Hasher,
    /// Woken when a flow has just written a letter to the outbox (the
    /// worker also looks every few seconds, for other nodes' letters and
    /// retries).
    pub(crate) mail_written: tokio::sync::Notify,
    /// How the SMTP server answered the worker last.
    pub(crate) mail_health: crate::outbox::MailHealth,
    /// The passkeys' relying party (from `config.public_url`).
    pub(crate) relying_party: crate::passkeys::RelyingParty,
    /// The OpenID Connect signing key this node signs with (`oidc/signing.rs`).
    pub(crate) oidc_keys: crate::oidc::KeyCache,
}

impl Auth {
    /// Build the service. Nothing starts running until it is used (the
    /// hashing threads start with the first password hash).
    pub fn new(
        store: Arc<dyn Store>,
        keys: Keyring,
        config: AuthConfig,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let hasher = Hasher::new(
            config.argon2,
            config.hash_concurrency,
            config.hash_memory_keep,
        );
        let relying_party = crate::passkeys::RelyingParty::new(&config.public_url, &config.issuer);
        Self {
            relying_party,
            store,
            keys: RwLock::new(Arc::new(keys)),
            config,
            clock,
            hasher,
            mail_written: tokio::sync::Notify::new(),
            mail_health: Default::default(),
            oidc_keys: Default::default(),
        }
    }

    /// Prepare what the first requests would otherwise pay for (the dummy
    /// password hash used to time unknown-user logins like real ones).
    pub async fn warm_up(&self) -> AuthResult<()> {
        Ok(self.hasher.warm_up().await?)
    }

    /// Whether the password-hashing threads are running.
    pub fn hashing_started(&self) -> bool {
        self.hasher.started()
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
    pub fn config(&self) -> &AuthConfig {
        &self.config
    }

    /// Record a security event for `user_id`, from `client`, now.
    pub(crate) async fn event(
        &self,
        user_id: UserId,
        kind: EventKind,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        self.store
            .record_event(
                user_id,
                &kind,
                &client.address(),
                &client.user_agent,
                self.now(),
            )
            .await?;
        Ok(())
    }

    /// Take one attempt from a budget, or say how long to wait.
    pub(crate) async fn take(&self, key: &str, burst: i64, interval: i64) -> AuthResult<()> {
        let budget = BudgetSpec {
            key,
            burst,
            interval,
        };
        match self.store.take_budget(budget, self.now()).await? {
            Budget::Granted => Ok(()),
            Budget::Exhausted { retry_after } => Err(AuthError::Throttled {
                retry_after: retry_after.max(1),
            }),
        }
    }

    pub(crate) fn second_factor_key(user_id: UserId) -> String {
        format!("2fa:user:{user_id}")
    }

    /// The account's second-factor budget (shared by every code and backup
    /// code attempt: login, set-up confirmation, step-up, disabling).
    pub(crate) fn second_factor_budget(key: &str) -> BudgetSpec<'_> {
        BudgetSpec {
            key,
            burst: SECOND_FACTOR_BURST,
            interval: SECOND_FACTOR_INTERVAL,
        }
    }

    /// A new session's token and the record the store keeps (its hash).
    pub(crate) fn new_session(
        &self,
        user_id: UserId,
        stage: Stage,
        client: &ClientInfo,
        second_factor_at: Option<i64>,
        amr: &str,
    ) -> AuthResult<(SessionToken, SessionRecord)> {
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
            ip: client.address(),
            second_factor_at,
            amr: amr.to_owned(),
        };
        Ok((token, record))
    }

    /// Open a session (which last passed a second factor at
    /// `second_factor_at`, signed in by the methods `amr`), ending `old_token_hash` (if any) and recording
    /// the step's events, in one commit.
    // Each argument is a different fact about the new session; a struct
    // for them would only rename the call's arguments.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn start_session(
        &self,
        user_id: UserId,
        stage: Stage,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
        second_factor_at: Option<i64>,
        amr: &str,
        events: &[EventKind],
    ) -> AuthResult<SessionToken> {
        let (token, record) = self.new_session(user_id, stage, client, second_factor_at, amr)?;
        self.store
            .open_session(old_token_hash, &record, events)
            .await?;
        Ok(token)
    }

    /// The current keyring (cheap: an `Arc`).
    pub(crate) fn keys(&self) -> Arc<Keyring> {
        self.keys.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Open a device's sealed TOTP secret. A secret sealed under a key this
    /// node has not seen yet (`deadbolt keys rotate` ran while it was
    /// serving) makes it read its key file again.
    pub(crate) fn open_secret(&self, device: &Device) -> AuthResult<Secret> {
        let keys = self.keys();
        let raw = match keys.open(device.user_id, device.id, &device.sealed_secret) {
            Err(KeyError::UnknownKey(id)) => match keys.reload().filter(|k| k.has_key(id)) {
                Some(fresh) => {
                    let fresh = Arc::new(fresh);
                    *self.keys.write().unwrap_or_else(|e| e.into_inner()) = fresh.clone();
                    tracing::info!(key_id = id, "key file reloaded after a rotation");
                    fresh.open(device.user_id, device.id, &device.sealed_secret)?
                }
                None => return Err(KeyError::UnknownKey(id).into()),
            },
            other => other?,
        };
        Secret::from_bytes(&raw).map_err(|_| AuthError::bug("a sealed secret is not a TOTP secret"))
    }

    /// The clock as an unsigned TOTP time.
    pub(crate) fn totp_now(&self) -> AuthResult<u64> {
        u64::try_from(self.now()).map_err(|_| AuthError::bug("clock before 1970"))
    }
}
