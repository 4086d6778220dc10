//! Deadbolt's storage layer: the only crate that knows SQL.
//!
//! The auth layer talks to a [`Store`] trait object; [`SqlStore`] implements
//! it for SQLite (embedded, the default) and PostgreSQL (several nodes) with
//! the same runtime queries through sqlx's `Any` driver, one migration
//! folder per backend.
//!
//! Design decision: every rule that must hold *across requests and nodes*
//! (a TOTP step accepted once, a backup code spent once, an attempt budget
//! never overdrawn, a session ended everywhere) is a single atomic statement
//! or transaction here — a compare-and-set whose `rows_affected` decides —
//! never a read followed by a write above. Times are unix seconds (`i64`)
//! passed in by the caller: this crate never reads the clock.
//!
//! Most transactions touch one user's rows (the user id is the natural shard
//! key). Two do not, by design: key rotation re-seals every device in one
//! transaction (an operator command, rare, and all-or-nothing is the point),
//! and on SQLite a batch of attempt-budget takes from many clients commits
//! together (each take is the same single-row upsert it would be alone;
//! SQLite has one writer anyway).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod event;
mod model;
mod oidc;
mod passkey;
mod sql;
mod sqlite;
mod url;

pub use error::{Constraint, DbError, StoreError, report};
pub use event::{Event, EventKind, Notice, PasswordContext, SignInMethod};
pub use model::{
    Budget, BudgetSpec, Device, EnrolmentToken, MailedToken, NewUser, OutboxDepth, OutboxMail,
    PasswordHash, Proof, ResetLookup, SecondFactorStep, SessionRecord, SessionView, Stage,
    StepOutcome, User, UserId, UserSummary,
};
pub use oidc::{
    IssuedTokens, NewGrant, OidcClient, OidcCode, OidcCodeView, OidcConsent, OidcTokenInfo,
    OidcUser, RedeemOutcome, RefreshOutcome, SigningKeyRow, TokenKind,
};
pub use passkey::{
    CeremonyKey, CeremonyRead, NewPasskey, Passkey, PasskeyOutcome, PasskeyStep, RemovedPasskey,
};
pub use sql::mail::{PASSWORD_RESET as MAIL_PASSWORD_RESET, VERIFY_EMAIL as MAIL_VERIFY_EMAIL};
pub use sql::{SqlStore, StoreOptions};
pub use sqlite::files::private_dir;
pub use url::{Backend, DatabaseUrl};

use async_trait::async_trait;

/// The connection pool at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections open.
    pub size: u32,
    /// Of those, idle.
    pub idle: u32,
    /// The most it may open.
    pub max: u32,
}

/// Result alias for store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Everything the auth layer needs from storage. Implementations must make each
/// method atomic on its own, across connections and nodes.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Cheap round trip for `/healthz`.
    async fn ping(&self) -> Result<()>;
    /// The newest migration applied to the database (`None` if never
    /// migrated) and the newest this binary carries, for `/readyz`.
    async fn schema_versions(&self) -> Result<(Option<i64>, i64)>;
    /// The connection pool right now (for metrics).
    fn pool_stats(&self) -> PoolStats;

    // ---- users ----

    /// Create a user. `Err(Conflict(Constraint::Username))` if its key or
    /// its skeleton is taken.
    async fn create_user(&self, user: &NewUser<'_>, now: i64) -> Result<User>;
    /// Users created before their skeleton was kept (schema version 3), or
    /// by an older node: (id, username key).
    async fn users_without_skeleton(&self) -> Result<Vec<(UserId, String)>>;
    /// Record a user's skeleton; `Err(Conflict(Username))` if another user
    /// has it.
    async fn set_username_skeleton(&self, user_id: UserId, skeleton: &str) -> Result<()>;
    /// Look a user up by normalised username.
    async fn user_by_key(&self, username_key: &str) -> Result<Option<User>>;
    /// Look a user up by id.
    async fn user_by_id(&self, id: UserId) -> Result<Option<User>>;
    /// All users, oldest first.
    async fn list_users(&self) -> Result<Vec<UserSummary>>;
    /// Replace the password hash.
    async fn set_password_hash(&self, user_id: UserId, password_hash: &PasswordHash) -> Result<()>;

    // ---- groups, disabled accounts, enrolment links (forward-auth) ----

    /// The user's groups, sorted.
    async fn user_groups(&self, user_id: UserId) -> Result<Vec<String>>;
    /// Add `group` to the user's groups (one transaction with the kept
    /// list and a `group_added` event whose address column says `by`).
    /// False if the user already had it or does not exist; nothing written.
    async fn add_user_group(
        &self,
        user_id: UserId,
        group: &str,
        by: &str,
        now: i64,
    ) -> Result<bool>;
    /// Remove `group` from the user's groups (with a `group_removed`
    /// event). False if the user did not have it; nothing written.
    async fn remove_user_group(
        &self,
        user_id: UserId,
        group: &str,
        by: &str,
        now: i64,
    ) -> Result<bool>;
    /// Disable or enable the account; disabling ends every session of the
    /// user in the same transaction, which records `account_disabled` or
    /// `account_enabled` (address column `by`). False if nothing changed.
    async fn set_user_disabled(
        &self,
        user_id: UserId,
        disabled: bool,
        by: &str,
        now: i64,
    ) -> Result<bool>;
    /// Create a user with its groups and a one-time enrolment link, in one
    /// transaction. `Err(Conflict(Constraint::Username))` if the name is taken.
    async fn create_enrolled_user(
        &self,
        user: &NewUser<'_>,
        groups: &[&str],
        token: &EnrolmentToken<'_>,
    ) -> Result<User>;
    /// The user a live (unspent, unexpired) enrolment link is for.
    async fn enrolment_user(&self, token_hash: &[u8], now: i64) -> Result<Option<User>>;
    /// Spend a live enrolment link and set the user's password, ending any
    /// session, in one transaction. `None` (nothing written) if the link is
    /// unknown, spent or expired.
    async fn complete_enrolment(
        &self,
        token_hash: &[u8],
        password_hash: &PasswordHash,
        now: i64,
    ) -> Result<Option<UserId>>;
    /// A fresh enrolment link for a user added by `deadbolt user add` who
    /// has not chosen a password yet; every earlier link stops working, in
    /// the same transaction. False (nothing written) for any other user.
    async fn reissue_enrolment(&self, user_id: UserId, token: &EnrolmentToken<'_>) -> Result<bool>;

    // ---- TOTP devices ----

    /// The confirmed device, if 2FA is enabled.
    async fn confirmed_device(&self, user_id: UserId) -> Result<Option<Device>>;
    /// The device waiting for confirmation, if a setup is in progress.
    async fn pending_device(&self, user_id: UserId) -> Result<Option<Device>>;
    /// Start a setup: store a new unconfirmed device, replacing any earlier
    /// unconfirmed one (the confirmed device, if any, is untouched). The
    /// sealed secret is produced by `seal(device_id)` because the device id is
    /// part of the AEAD associated data; it is called inside the transaction,
    /// and `None` from it rolls everything back (`Err(Aborted)`).
    async fn put_pending_device(
        &self,
        user_id: UserId,
        now: i64,
        seal: &(dyn Fn(i64) -> Option<Vec<u8>> + Send + Sync),
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
    /// Turn the authenticator app off: every device of the user deleted,
    /// and the backup codes too unless a passkey keeps 2FA on, decided
    /// under the user's row lock in one transaction (a key removed at the
    /// same instant waits). True when passkeys keep 2FA on (codes kept).
    async fn remove_authenticator(&self, user_id: UserId) -> Result<bool>;
    /// Every device of every user (for key rotation).
    async fn all_devices(&self) -> Result<Vec<Device>>;
    /// Replace sealed secrets `(device_id, sealed)` in one transaction (key rotation).
    async fn reseal_devices(&self, sealed: &[(i64, Vec<u8>)]) -> Result<()>;

    // ---- key checks ----

    /// The check value recorded for each key id, `(key_id, sealed)`.
    async fn key_checks(&self) -> Result<Vec<(u32, Vec<u8>)>>;
    /// Record the check value of `key_id` unless one is there already.
    async fn add_key_check(&self, key_id: u32, sealed: &[u8], now: i64) -> Result<()>;

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
        events: &[EventKind],
    ) -> Result<()> {
        self.open_session_as(old_hash, new, events, None).await
    }
    /// [`Store::open_session`], also storing `language` as the user's
    /// language when given (the caller passes it only when it differs from
    /// the stored one), in the same commit.
    async fn open_session_as(
        &self,
        old_hash: Option<&[u8]>,
        new: &SessionRecord,
        events: &[EventKind],
        language: Option<&str>,
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
    /// Record that this session passed a second factor at `now` (the
    /// step-up window starts). False if the session is gone.
    async fn mark_second_factor(&self, token_hash: &[u8], now: i64) -> Result<bool>;
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

    /// Record a security event (and its notice, in the same transaction,
    /// when the event sends one and the user has a verified address).
    async fn record_event(
        &self,
        user_id: UserId,
        kind: &EventKind,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<()>;
    /// The user's most recent events, newest first.
    async fn events(&self, user_id: UserId, limit: i64) -> Result<Vec<Event>>;

    // ---- email ----

    /// Start a change of the verified address: a verification token for
    /// `email` (replacing an earlier one) and its mail to `email`, in one
    /// transaction.
    async fn request_email_change(
        &self,
        user_id: UserId,
        email: &str,
        token: &MailedToken<'_>,
    ) -> Result<()>;
    /// Spend a verification token (live, unused): the address becomes the
    /// user's and the old address gets the notice, in one transaction.
    /// `Ok(None)` for a token that is unknown, used or expired;
    /// `Err(Conflict(Email))` if another account has the address.
    async fn verify_email(
        &self,
        token_hash: &[u8],
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<(UserId, String)>>;
    /// A password-reset token and its mail for the account `lookup` names,
    /// if it has a verified address — with the same statements either way.
    /// True if an account matched.
    async fn request_password_reset(
        &self,
        lookup: ResetLookup<'_>,
        token: &MailedToken<'_>,
    ) -> Result<bool>;
    /// The user a live reset token is for.
    async fn reset_token_user(&self, token_hash: &[u8], now: i64) -> Result<Option<UserId>>;
    /// Complete a reset in one transaction (see `sql/mail.rs`); false if the
    /// token is no longer live (nothing written).
    async fn complete_password_reset(
        &self,
        token_hash: &[u8],
        user_id: UserId,
        password_hash: &PasswordHash,
        session: &SessionRecord,
    ) -> Result<bool>;
    /// Store `language` (a code, `fr`) as the user's language unless it
    /// already is; true when it changed. One statement.
    async fn set_user_language(&self, user_id: UserId, language: &str) -> Result<bool>;
    /// Turn the new-browser notice on or off.
    async fn set_notify_new_browser(&self, user_id: UserId, on: bool) -> Result<()>;
    /// Claim due mail until `lease_until` (at most `limit`).
    async fn claim_outbox(&self, now: i64, lease_until: i64, limit: i64)
    -> Result<Vec<OutboxMail>>;
    /// A claimed mail was sent.
    async fn outbox_sent(&self, id: i64, now: i64) -> Result<()>;
    /// A claimed mail failed for now: try again at `next_attempt_at`.
    async fn outbox_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()>;
    /// A claimed mail is given up on (its user is told in the activity list).
    async fn outbox_give_up(&self, mail: &OutboxMail, now: i64, error: &str) -> Result<()>;
    /// Mail waiting and given up on.
    async fn outbox_depth(&self) -> Result<OutboxDepth>;
    /// Whether any mail is due (a read: the worker looks before it claims).
    async fn outbox_due(&self, now: i64) -> Result<bool>;
    /// Forget sent mail after 7 days, given-up mail after 30, and spent or
    /// expired mailed tokens after a day. Returns rows deleted.
    async fn purge_mail(&self, now: i64) -> Result<u64>;

    // ---- passkeys and security keys ----

    /// The user's keys, oldest first.
    async fn passkeys(&self, user_id: UserId) -> Result<Vec<Passkey>>;
    /// Register a key and record [`EventKind::PasskeyAdded`] (with its
    /// notice) in one transaction; `Err(Conflict(Passkey))` if its
    /// credential id is registered already (to anyone).
    async fn add_passkey(
        &self,
        new: &NewPasskey<'_>,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Passkey>;
    /// Rename one of the user's keys. False if it is not theirs (or gone).
    async fn rename_passkey(&self, user_id: UserId, id: i64, name: &str) -> Result<bool>;
    /// Remove one of the user's keys and record [`EventKind::PasskeyRemoved`],
    /// in one transaction; when it was the last second factor (no other
    /// key, no confirmed device), the same transaction turns two factor
    /// authentication off as disabling does: the backup codes go, every
    /// session but `keep_session` ends, [`EventKind::TwoFactorDisabled`] is
    /// recorded (with its notice). `None` if the key was not theirs.
    async fn remove_passkey(
        &self,
        user_id: UserId,
        id: i64,
        keep_session: &[u8],
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<RemovedPasskey>>;
    /// The operator's reset: every device, backup code and passkey of the
    /// user, in one transaction. Returns how many passkeys went.
    async fn remove_all_factors(&self, user_id: UserId) -> Result<u64>;
    /// Keep a started ceremony's state until `expires_at`, replacing an
    /// earlier one under the same key (and forgetting expired ones).
    async fn put_ceremony(
        &self,
        key: CeremonyKey<'_>,
        user_id: Option<UserId>,
        state: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<()>;
    /// Delete a ceremony state and return it if it was live: one caller gets it.
    async fn take_ceremony(&self, key: CeremonyKey<'_>, now: i64) -> Result<Option<String>>;
    /// A live ceremony state, with the key whose credential id the answer
    /// names (if registered), in one statement. Nothing is spent: the
    /// finish spends the state with [`Store::pass_passkey`] or [`Store::drop_ceremony`].
    /// For a sealed ceremony (`key.sealed_until`) the state is the client's:
    /// `Live` with an empty state while it is neither expired nor spent (on
    /// SQLite read on the calling thread), `Gone` otherwise, and
    /// `Throttled` when `key.client_budget` is empty (same statement).
    async fn ceremony_with_passkey(
        &self,
        key: CeremonyKey<'_>,
        credential_id: &[u8],
        now: i64,
    ) -> Result<CeremonyRead>;
    /// A ceremony that failed: its state spent and, if given, an attempt
    /// taken from `budget`, in one transaction. With a client budget
    /// (`key.client_budget`) that is taken first: if it is empty nothing is
    /// written and that is the answer.
    async fn drop_ceremony(
        &self,
        key: CeremonyKey<'_>,
        budget: Option<BudgetSpec<'_>>,
        now: i64,
    ) -> Result<Budget>;
    /// A sign-in with a key that verified, in one commit (see [`PasskeyStep`]).
    async fn pass_passkey(&self, step: &PasskeyStep<'_>) -> Result<PasskeyOutcome>;

    // ---- OpenID Connect provider ----

    /// Register a client; `Err(Conflict(OidcClient))` if its name or id is taken.
    async fn oidc_add_client(&self, client: &OidcClient) -> Result<()>;
    /// Every client, by name.
    async fn oidc_clients(&self) -> Result<Vec<OidcClient>>;
    /// One client by its `client_id`.
    async fn oidc_client(&self, client_id: &str) -> Result<Option<OidcClient>>;
    /// Remove a client by name, with its codes, grants, tokens and consents,
    /// in one transaction. False if there is none of that name.
    async fn oidc_remove_client(&self, name: &str) -> Result<bool>;
    /// The scopes the user allowed the client (space-separated), if any.
    async fn oidc_consent(&self, user_id: UserId, client_id: &str) -> Result<Option<String>>;
    /// Remember (or widen) the user's consent to the client.
    async fn oidc_put_consent(
        &self,
        user_id: UserId,
        client_id: &str,
        scopes: &str,
        now: i64,
    ) -> Result<()>;
    /// The user's consents ("Connected applications"), by client name.
    async fn oidc_user_consents(&self, user_id: UserId) -> Result<Vec<OidcConsent>>;
    /// Forget the user's consent to the client and revoke every grant of the
    /// user to it, in one transaction. False if there was nothing.
    async fn oidc_revoke_consent(&self, user_id: UserId, client_id: &str) -> Result<bool>;
    /// Keep an issued authorization code (its SHA-256).
    async fn oidc_put_code(&self, code: &OidcCode) -> Result<()>;
    /// A code with its user, spent or not (nothing is written).
    async fn oidc_code(&self, code_hash: &[u8]) -> Result<Option<OidcCodeView>>;
    /// Redeem a code of `grant.client_id` in one transaction: spend it
    /// (compare-and-set), open the grant, issue `tokens`. A code redeemed
    /// before revokes the grant it issued instead.
    async fn oidc_redeem_code(
        &self,
        code_hash: &[u8],
        grant: &NewGrant<'_>,
        tokens: &IssuedTokens<'_>,
    ) -> Result<RedeemOutcome>;
    /// A token with its grant and user, in one statement.
    async fn oidc_token(&self, token_hash: &[u8]) -> Result<Option<OidcTokenInfo>>;
    /// Spend the refresh token `old_hash` of `grant_id` (compare-and-set) and
    /// issue `tokens` in the same grant, in one transaction; if it was spent
    /// already, revoke the grant (the whole family).
    async fn oidc_rotate_refresh(
        &self,
        old_hash: &[u8],
        grant_id: i64,
        tokens: &IssuedTokens<'_>,
        now: i64,
    ) -> Result<RefreshOutcome>;
    /// Revoke a grant with every token of it. False if it was gone.
    async fn oidc_revoke_grant(&self, grant_id: i64) -> Result<bool>;
    /// Revoke one token. False if it was gone.
    async fn oidc_revoke_token(&self, token_hash: &[u8]) -> Result<bool>;
    /// The signing keys, newest first.
    async fn oidc_keys(&self) -> Result<Vec<SigningKeyRow>>;
    /// Add a signing key: with `retire`, the current keys are retired in the
    /// same transaction (rotation); without, only if there is no current
    /// key (false: there was one).
    async fn oidc_add_key(&self, key: &SigningKeyRow, retire: bool) -> Result<bool>;
    /// Forget signing keys retired before `cutoff`. Returns how many.
    async fn oidc_drop_retired_keys(&self, cutoff: i64) -> Result<u64>;
    /// Forget expired codes (a day after expiry) and tokens. Returns rows deleted.
    async fn oidc_purge(&self, now: i64) -> Result<u64>;

    // ---- attempt budgets (throttling) ----

    /// Take one attempt from `budget` (GCRA: a burst of `burst` attempts,
    /// then one every `interval` seconds), atomically: concurrent callers
    /// can never take more than the budget holds.
    async fn take_budget(&self, budget: BudgetSpec<'_>, now: i64) -> Result<Budget>;
    /// Give back the attempt a successful check took from `budget` (only
    /// failures keep their cost).
    async fn refund_budget(&self, budget: BudgetSpec<'_>) -> Result<()>;
    /// Seconds until `budget` grants an attempt again (0 if it would now).
    async fn budget_wait(&self, budget: BudgetSpec<'_>, now: i64) -> Result<i64>;
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
