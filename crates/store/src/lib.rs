//! Deadbolt's storage layer: the only crate that knows SQL.
//!
//! The server talks to a [`Store`] trait object; [`SqlStore`] implements it
//! for SQLite (embedded, the default) and PostgreSQL (several nodes) with the
//! same runtime queries through sqlx's `Any` driver, one migration folder per
//! backend.
//!
//! Design decision: every rule that must hold *across requests and nodes*
//! (a TOTP step accepted once, a backup code spent once, an attempt budget
//! never overdrawn, a session ended everywhere) is a single atomic statement
//! or transaction here — a compare-and-set whose `rows_affected` decides —
//! never a read followed by a write in the server. Times are unix seconds
//! (`i64`) passed in by the caller: this crate never reads the clock.
//!
//! Every store transaction touches one user's rows (the user id is the
//! natural shard key); the username lookup is the only global index.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod fastread;
mod sql;

pub use sql::{Backend, SqlStore, StoreOptions};

use async_trait::async_trait;

/// A user's numeric id.
pub type UserId = i64;

/// Errors of the store. Constraint violations keep their meaning.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A unique constraint refused the write (for example a taken username).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The database schema is newer than this binary understands.
    #[error(
        "the database schema (version {found}) is newer than this deadbolt (knows up to {known}); upgrade deadbolt"
    )]
    SchemaTooNew {
        /// The newest migration applied to the database.
        found: i64,
        /// The newest migration this binary carries.
        known: i64,
    },
    /// The database URL is not one this store understands.
    #[error("unsupported database URL (expected sqlite:// or postgres://): {0}")]
    BadUrl(String),
    /// Anything else from the database driver (connection lost, I/O, ...).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Result alias for store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A user account.
#[derive(Clone)]
pub struct User {
    /// Numeric id.
    pub id: UserId,
    /// The username as the user typed it (after NFKC), for display.
    pub username: String,
    /// The case-folded, normalised username: unique.
    pub username_key: String,
    /// The Argon2id PHC string.
    pub password_hash: String,
    /// Creation time, unix seconds.
    pub created_at: i64,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// One line of `deadbolt user list`.
#[derive(Debug, Clone)]
pub struct UserSummary {
    /// Numeric id.
    pub id: UserId,
    /// Display username.
    pub username: String,
    /// Whether a confirmed TOTP device exists.
    pub two_factor_enabled: bool,
    /// Unspent backup codes.
    pub backup_codes_remaining: i64,
    /// Creation time, unix seconds.
    pub created_at: i64,
}

/// A TOTP device (authenticator app). At most one confirmed and one pending
/// device exist per user.
#[derive(Clone)]
pub struct Device {
    /// Numeric id (part of the AEAD associated data).
    pub id: i64,
    /// Owner.
    pub user_id: UserId,
    /// The TOTP secret sealed with AEAD by the server; opaque here.
    pub sealed_secret: Vec<u8>,
    /// Whether the device proved itself with a valid code.
    pub confirmed: bool,
    /// The last accepted TOTP step (`None` before the first use).
    pub last_step: Option<i64>,
    /// Creation time, unix seconds.
    pub created_at: i64,
}

impl std::fmt::Debug for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Device")
            .field("id", &self.id)
            .field("user_id", &self.user_id)
            .field("confirmed", &self.confirmed)
            .field("last_step", &self.last_step)
            .finish_non_exhaustive()
    }
}

/// How far a session got through the login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Password checked, second factor still owed: opens the code page only.
    Pending,
    /// Fully signed in.
    Full,
}

impl Stage {
    /// The INTEGER stored in the database.
    pub fn as_i64(self) -> i64 {
        match self {
            Stage::Pending => 0,
            Stage::Full => 1,
        }
    }
    /// Parse the stored INTEGER (unknown values read as `Pending`, the weaker stage).
    pub fn from_i64(v: i64) -> Self {
        if v == 1 { Stage::Full } else { Stage::Pending }
    }
}

/// A session row. The token itself is never stored: only its SHA-256.
#[derive(Clone)]
pub struct SessionRecord {
    /// SHA-256 of the session token.
    pub token_hash: Vec<u8>,
    /// The user it belongs to.
    pub user_id: UserId,
    /// Pending (second factor owed) or full.
    pub stage: Stage,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds (idle timeout).
    pub last_seen: i64,
    /// Absolute expiry, unix seconds.
    pub expires_at: i64,
    /// Browser / client description (User-Agent, truncated).
    pub user_agent: String,
    /// Client address as the server saw it.
    pub ip: String,
}

impl std::fmt::Debug for SessionRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionRecord")
            .field("user_id", &self.user_id)
            .field("stage", &self.stage)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// What every authenticated request needs to know, read in one statement
/// ([`Store::session_view`]).
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The user it belongs to.
    pub user_id: UserId,
    /// Pending (second factor owed) or full.
    pub stage: Stage,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds (idle timeout).
    pub last_seen: i64,
    /// Absolute expiry, unix seconds.
    pub expires_at: i64,
    /// The owner's display name.
    pub username: String,
    /// Whether the owner has a confirmed TOTP device.
    pub two_factor_enabled: bool,
    /// The owner's unspent backup codes.
    pub backup_codes_remaining: i64,
}

/// An event to record with [`Store::open_session`].
#[derive(Debug, Clone, Copy)]
pub struct NewEvent<'a> {
    /// snake_case kind, e.g. `sign_in`.
    pub kind: &'a str,
    /// Free-text detail (never a secret).
    pub detail: &'a str,
}

/// A security event shown in the user's "recent security activity".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unix seconds.
    pub at: i64,
    /// snake_case kind, e.g. `sign_in`, `second_factor_failed`.
    pub kind: String,
    /// Client address, if known.
    pub ip: String,
    /// Free-text detail (never a secret).
    pub detail: String,
}

/// Outcome of [`Store::take_budget`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// One attempt was taken from the budget.
    Granted,
    /// The budget is empty; retry after this many seconds.
    Exhausted {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
}

/// What a second-factor step presents, checked and spent inside
/// [`Store::pass_second_factor`].
#[derive(Debug, Clone, Copy)]
pub enum Proof<'a> {
    /// The TOTP step the typed code matched: accepted iff the device is
    /// confirmed and the step is later than its last accepted step.
    Step {
        /// The confirmed device.
        device_id: i64,
        /// The matched time step.
        step: i64,
    },
    /// The keyed hash of a typed backup code: accepted iff it is one of the
    /// user's unspent codes (then spent).
    BackupCode {
        /// The code's keyed hash, as stored.
        hash: &'a [u8],
    },
}

/// The events a passed step records, given how many backup codes are left
/// when the step spent one (`None` for a TOTP code): (kind, detail) pairs.
pub type PassedEvents<'a> = &'a (dyn Fn(Option<i64>) -> Vec<(&'static str, String)> + Sync);

/// One second-factor step of a login, for [`Store::pass_second_factor`].
pub struct SecondFactorStep<'a> {
    /// The account's attempt budget, taken first as by [`Store::take_budget`].
    pub budget_key: &'a str,
    /// Its burst.
    pub burst: i64,
    /// Its interval, in seconds.
    pub interval: i64,
    /// What the user presented.
    pub proof: Proof<'a>,
    /// The pending session the step ends (deleted on success).
    pub pending: &'a [u8],
    /// The full session that replaces it (its `user_id`, `created_at` and
    /// `ip` also date and place the events, and `created_at` is "now").
    pub session: &'a SessionRecord,
    /// The events recorded on success.
    pub events: PassedEvents<'a>,
}

/// Outcome of [`Store::pass_second_factor`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome {
    /// The budget was empty: nothing else was checked or written.
    Throttled {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
    /// The budget was taken, but the proof did not hold (the step was used
    /// already, or the backup code is not an unspent one): nothing else changed.
    Refused,
    /// Budget taken, proof spent, pending session replaced, events recorded.
    Passed {
        /// Unspent backup codes after this step, when it spent one.
        backup_codes_left: Option<i64>,
    },
}

/// Everything the server needs from storage. Implementations must make each
/// method atomic on its own, across connections and nodes.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Cheap round trip for `/healthz`.
    async fn ping(&self) -> Result<()>;

    // ---- users ----

    /// Create a user. `Err(Conflict("username"))` if `username_key` is taken.
    async fn create_user(
        &self,
        username: &str,
        username_key: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<User>;
    /// Look a user up by normalised username.
    async fn user_by_key(&self, username_key: &str) -> Result<Option<User>>;
    /// Look a user up by id.
    async fn user_by_id(&self, id: UserId) -> Result<Option<User>>;
    /// All users, oldest first.
    async fn list_users(&self) -> Result<Vec<UserSummary>>;
    /// Replace the password hash.
    async fn set_password_hash(&self, user_id: UserId, password_hash: &str) -> Result<()>;

    // ---- TOTP devices ----

    /// The confirmed device, if 2FA is enabled.
    async fn confirmed_device(&self, user_id: UserId) -> Result<Option<Device>>;
    /// The device waiting for confirmation, if a setup is in progress.
    async fn pending_device(&self, user_id: UserId) -> Result<Option<Device>>;
    /// Start a setup: store a new unconfirmed device, replacing any earlier
    /// unconfirmed one (the confirmed device, if any, is untouched). The
    /// sealed secret is produced by `seal(device_id)` because the device id is
    /// part of the AEAD associated data; it is called inside the transaction.
    async fn put_pending_device(
        &self,
        user_id: UserId,
        now: i64,
        seal: &(dyn Fn(i64) -> Vec<u8> + Send + Sync),
    ) -> Result<Device>;
    /// Confirm the pending device `device_id` with its first accepted `step`:
    /// atomically delete the previous confirmed device and mark this one
    /// confirmed with `last_step = step`. Returns false (and changes nothing)
    /// if `device_id` is no longer the user's pending device.
    async fn confirm_device(&self, user_id: UserId, device_id: i64, step: i64) -> Result<bool>;
    /// Compare-and-set the replay guard: set `last_step = step` only if the
    /// device's last accepted step is NULL or smaller. True if this call won.
    async fn accept_step(&self, device_id: i64, step: i64) -> Result<bool>;
    /// Remove every device and every backup code of the user (disable 2FA,
    /// admin reset), in one transaction.
    async fn remove_two_factor(&self, user_id: UserId) -> Result<()>;
    /// Every device of every user (for key rotation).
    async fn all_devices(&self) -> Result<Vec<Device>>;
    /// Replace sealed secrets `(device_id, sealed)` in one transaction (key rotation).
    async fn reseal_devices(&self, sealed: &[(i64, Vec<u8>)]) -> Result<()>;

    // ---- backup codes ----

    /// Replace the user's whole set of backup codes (hashes) in one transaction.
    async fn replace_backup_codes(
        &self,
        user_id: UserId,
        hashes: &[Vec<u8>],
        now: i64,
    ) -> Result<()>;
    /// Spend one unspent code whose hash is `hash`. True if this call spent it
    /// (false if unknown or already spent, even under concurrency).
    async fn spend_backup_code(&self, user_id: UserId, hash: &[u8], now: i64) -> Result<bool>;
    /// Number of unspent backup codes.
    async fn backup_codes_remaining(&self, user_id: UserId) -> Result<i64>;

    // ---- sessions ----

    /// Insert a session.
    async fn create_session(&self, session: &SessionRecord) -> Result<()>;
    /// Atomically delete `old_hash` (if present) and insert `new` (rotation).
    async fn rotate_session(&self, old_hash: &[u8], new: &SessionRecord) -> Result<()> {
        self.open_session(Some(old_hash), new, &[]).await
    }
    /// The end of a login step, in one transaction: delete `old_hash` (the
    /// pending or earlier session, if given and present), insert `new`, and
    /// record `events` for `new`'s user (at `new.created_at`, from `new.ip`).
    /// One commit instead of one per write (on SQLite, one fsync and one
    /// turn in the writer queue).
    async fn open_session(
        &self,
        old_hash: Option<&[u8]>,
        new: &SessionRecord,
        events: &[NewEvent<'_>],
    ) -> Result<()>;
    /// A login's second factor in one commit: take the budget; if granted,
    /// check and spend the proof (the compare-and-set of [`Store::accept_step`]
    /// or [`Store::spend_backup_code`]); if it holds, replace the pending
    /// session by the full one and record the step's events. A refused proof
    /// still spends the budget.
    async fn pass_second_factor(&self, step: &SecondFactorStep<'_>) -> Result<StepOutcome>;
    /// Find a session by token hash (expired ones included; the server decides).
    async fn session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>>;
    /// A session with its user's display name and 2FA status in one
    /// statement (the read every authenticated request makes); `None` if
    /// either the session or the user is gone.
    async fn session_view(&self, token_hash: &[u8]) -> Result<Option<SessionView>>;
    /// Update `last_seen`.
    async fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<()>;
    /// Delete one session. True if it existed.
    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool>;
    /// Delete one session by token hash, only if it belongs to `user_id`
    /// (revoking a session from the session list). True if it was deleted.
    async fn delete_user_session(&self, user_id: UserId, token_hash: &[u8]) -> Result<bool>;
    /// Delete every session of the user except `keep` (if given). Returns how many.
    async fn delete_user_sessions(&self, user_id: UserId, keep: Option<&[u8]>) -> Result<u64>;
    /// The user's full sessions, most recent activity first.
    async fn user_sessions(&self, user_id: UserId) -> Result<Vec<SessionRecord>>;
    /// Delete sessions with `expires_at <= now` or idle past `idle_cutoff` (`last_seen <= idle_cutoff`).
    async fn purge_sessions(&self, now: i64, idle_cutoff: i64) -> Result<u64>;

    // ---- security events ----

    /// Record a security event.
    async fn record_event(
        &self,
        user_id: UserId,
        kind: &str,
        ip: &str,
        detail: &str,
        now: i64,
    ) -> Result<()>;
    /// The user's most recent events, newest first.
    async fn events(&self, user_id: UserId, limit: i64) -> Result<Vec<Event>>;

    // ---- attempt budgets (throttling) ----

    /// Take one attempt from the budget named `key` (GCRA: a burst of `burst`
    /// attempts, then one every `interval` seconds), atomically: concurrent
    /// callers can never take more than the budget holds.
    async fn take_budget(&self, key: &str, now: i64, burst: i64, interval: i64) -> Result<Budget>;
    /// Seconds until `key` grants an attempt again (0 if it would now).
    async fn budget_wait(&self, key: &str, now: i64, burst: i64, interval: i64) -> Result<i64>;
    /// Forget budgets that are fully refilled at `now` (their theoretical
    /// arrival time is `<= now`, which is exactly what a missing key means),
    /// so per-client keys do not accumulate. Returns how many were removed.
    /// Run it periodically, like [`Store::purge_sessions`]. The default
    /// implementation removes nothing.
    async fn purge_budgets(&self, now: i64) -> Result<u64> {
        let _ = now;
        Ok(0)
    }
}
