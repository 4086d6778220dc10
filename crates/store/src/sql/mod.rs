//! SQL implementation of the store (SQLite and PostgreSQL through sqlx `Any`).
//!
//! This file has the store itself (connecting, the write discipline) and
//! the [`Store`] trait's implementation, which hands each method to the
//! module of its aggregate: `users`, `devices`, `backup_codes`, `sessions`,
//! `events`, `budgets`, and `login` for the transactions that end a login
//! step across several of them. `migrate` has the migrations.
//!
//! One query text serves both backends (`$1` placeholders, `INTEGER` flags,
//! `BIGINT` unix seconds, `BLOB`/`BYTEA` bytes). The few places where the
//! backends differ (connection setup, schema introspection, transaction
//! start) branch on [`Backend`].
//!
//! Concurrency rules:
//! * single-statement compare-and-set for every "exactly once" rule
//!   (`accept_step`, `spend_backup_code`, `take_budget`, `confirm_device`'s
//!   final update): the database's row lock decides, `rows_affected` tells;
//! * multi-statement transactions on one user's 2FA state
//!   (`put_pending_device`, `confirm_device`, `replace_backup_codes`,
//!   `remove_two_factor`) first take a write lock on the user's row
//!   (`UPDATE users SET username = username WHERE id = $1`), which serialises
//!   them per user on PostgreSQL (READ COMMITTED) and is a write-first
//!   statement on SQLite;
//! * on SQLite every write transaction starts with `BEGIN IMMEDIATE` (takes
//!   the single writer lock up front, waiting up to `busy_timeout`), so a
//!   transaction can never fail with `SQLITE_BUSY` when upgrading a read;
//! * on SQLite every write (statement or transaction) first takes this
//!   process's writer queue (a FIFO async mutex), so writers wait their turn
//!   instead of polling in SQLite's busy handler, whose 1–100 ms naps made
//!   a 100+ ms tail under concurrent writes; `busy_timeout` is left for
//!   other processes (the admin CLI).

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Transaction};

use crate::sqlite::SqliteRuntime;
use crate::{
    Backend, Budget, BudgetSpec, DatabaseUrl, Device, EnrolmentToken, Event, EventKind,
    MailedToken, NewUser, OutboxDepth, OutboxMail, PasswordHash, PoolStats, ResetLookup, Result,
    SecondFactorStep, SessionRecord, SessionView, StepOutcome, Store, StoreError, User, UserId,
    UserSummary,
};
use crate::{CeremonyKey, NewPasskey, Passkey, PasskeyOutcome, PasskeyStep};

mod access;
mod backup_codes;
pub(crate) mod budgets;
mod devices;
mod events;
mod keys;
mod login;
pub(crate) mod mail;
mod migrate;
mod passkeys;
pub(crate) mod sessions;
mod users;

/// Pool settings for [`SqlStore::connect`].
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Maximum pooled connections. SQLite serialises writers anyway (each
    /// waits up to the 5 s busy timeout); more connections help readers.
    pub max_connections: u32,
    /// How long a query waits for a free pooled connection before failing.
    pub acquire_timeout: Duration,
    /// SQLite file databases: how often the background checkpointer copies
    /// the write-ahead log into the database file (see [`SqlStore::connect`]).
    pub checkpoint_every: Duration,
    /// SQLite: how long a connection waits for a lock another process holds
    /// (`busy_timeout`). This process's own writers never wait there: they
    /// queue in order before they start (see `SqlStore::writer`).
    pub sqlite_busy_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(10),
            checkpoint_every: Duration::from_millis(500),
            sqlite_busy_timeout: Duration::from_secs(5),
        }
    }
}

/// The SQL store: SQLite or PostgreSQL, chosen by the database URL.
#[derive(Clone)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    /// SQLite's writer queue, group commit, checkpointer and fast read
    /// path; `None` on PostgreSQL.
    sqlite: Option<Arc<SqliteRuntime>>,
}

impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlStore")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

/// First statement of every per-user 2FA transaction: a no-op write on the
/// user's row. On PostgreSQL its row lock serialises these transactions per
/// user (READ COMMITTED alone would let two `replace_backup_codes` leave two
/// live sets); on SQLite the writer lock is already held (`BEGIN IMMEDIATE`).
const LOCK_USER: &str = "UPDATE users SET username = username WHERE id = $1";

impl SqlStore {
    /// Connect to `url` (`sqlite://path?mode=rwc`, `sqlite::memory:` or
    /// `postgres://...`). Does not migrate: call [`SqlStore::migrate`] (or use
    /// [`SqlStore::connect_and_migrate`]).
    ///
    /// SQLite connections get `journal_mode=WAL`, `synchronous=FULL`,
    /// `busy_timeout` ([`StoreOptions::sqlite_busy_timeout`], 5 s),
    /// `foreign_keys=ON` and `wal_autocheckpoint=0`: a
    /// file database is checkpointed by a background task of the store
    /// instead (see `Checkpointer`). A missing SQLite file is
    /// created (`mode=rwc` is implied unless the URL names another `mode`);
    /// its directory must exist. An in-memory SQLite database uses a single
    /// connection.
    pub async fn connect(url: &DatabaseUrl, opts: &StoreOptions) -> Result<SqlStore> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url)?;
        let in_memory = backend == Backend::Sqlite && url.is_sqlite_memory();
        // No ping before each use: it doubled the round trips of every
        // statement. A connection the server dropped fails its statement,
        // which surfaces as an error (503 on /healthz) and is replaced.
        let mut pool_opts = AnyPoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(false);
        if in_memory {
            // Shared-cache in-memory databases report SQLITE_LOCKED, which
            // busy_timeout does not cover: keep a single connection, and
            // never close it (the database dies with its last connection).
            pool_opts = pool_opts
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        }
        if backend == Backend::Sqlite {
            let busy_ms = opts.sqlite_busy_timeout.as_millis();
            pool_opts = pool_opts.after_connect(move |conn, _meta| {
                Box::pin(async move {
                    // busy_timeout first: switching to WAL needs a lock.
                    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "PRAGMA busy_timeout = {busy_ms}"
                    )))
                    .execute(&mut *conn)
                    .await?;
                    sqlx::query("PRAGMA journal_mode = WAL")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA synchronous = FULL")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA foreign_keys = ON")
                        .execute(&mut *conn)
                        .await?;
                    // The checkpointer does it (see `Checkpointer`).
                    sqlx::query("PRAGMA wal_autocheckpoint = 0")
                        .execute(&mut *conn)
                        .await?;
                    Ok(())
                })
            });
        }
        let connect_url = if backend == Backend::Sqlite {
            url.sqlite_with_create()
        } else {
            Cow::Borrowed(url.expose())
        };
        let file = (backend == Backend::Sqlite && !in_memory)
            .then(|| url.sqlite_file())
            .flatten();
        if let Some(path) = &file {
            crate::sqlite::files::private_db_file(path)?;
        }
        let pool = pool_opts.connect(&connect_url).await?;
        let sqlite = (backend == Backend::Sqlite).then(|| {
            Arc::new(SqliteRuntime::start(
                &connect_url,
                file,
                opts.checkpoint_every,
            ))
        });
        Ok(SqlStore {
            pool,
            backend,
            sqlite,
        })
    }

    /// [`SqlStore::connect`] followed by [`SqlStore::migrate`].
    pub async fn connect_and_migrate(url: &DatabaseUrl, opts: &StoreOptions) -> Result<SqlStore> {
        let store = Self::connect(url, opts).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Open (creating if needed) the SQLite database `deadbolt.db` in `dir`
    /// (created 0700 if missing; the database files are 0600 whatever the
    /// umask), with default options, and migrate it.
    pub async fn open_sqlite_dir(dir: &Path) -> Result<SqlStore> {
        crate::sqlite::files::private_dir(dir)
            .map_err(|e| StoreError::Database(crate::DbError::new(e)))?;
        let url = DatabaseUrl::sqlite_in_dir(dir)?;
        Self::connect_and_migrate(&url, &StoreOptions::default()).await
    }

    /// Which backend this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for the store's own tests (feature `testing`): raw SQL that
    /// no public method offers (damaging rows, reading pragmas).
    #[cfg(feature = "testing")]
    #[doc(hidden)]
    pub fn test_pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A consistent copy of a live SQLite database in a new file `to`
    /// (`VACUUM INTO`: one read transaction, so writers keep going and the
    /// copy is a single moment). `to` must not exist; it is created 0600.
    /// Refused on PostgreSQL (use `pg_dump`).
    pub async fn backup_to(&self, to: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Aborted(
                "backups of PostgreSQL are pg_dump's job",
            ));
        }
        let target = to
            .to_str()
            .ok_or(StoreError::Aborted("the backup path is not UTF-8"))?;
        crate::sqlite::files::new_private_file(to)
            .map_err(|e| StoreError::Database(crate::DbError::new(e)))?;
        let copied = sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await;
        if let Err(e) = copied {
            let _ = std::fs::remove_file(to);
            return Err(e.into());
        }
        Ok(())
    }

    /// Close the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        if let Some(c) = self.sqlite.as_ref().and_then(|rt| rt.checkpointer.as_ref()) {
            c.stop().await;
        }
        self.pool.close().await;
    }

    /// How many `session_view` reads the SQLite fast path answered (see
    /// `sqlite/fastread.rs`; always 0 on PostgreSQL and in-memory SQLite).
    pub fn fast_session_reads(&self) -> u64 {
        self.sqlite
            .as_ref()
            .and_then(|rt| rt.fast.as_ref())
            .map_or(0, |f| f.served())
    }

    /// How many transactions applied attempt-budget takes as a group
    /// (SQLite; always 0 on PostgreSQL, where each take is its own statement).
    pub fn budget_commits(&self) -> u64 {
        self.sqlite
            .as_ref()
            .map_or(0, |rt| rt.budgets.commits.load(Ordering::Relaxed))
    }

    /// How many background WAL checkpoints copied new pages so far (SQLite
    /// file databases; always 0 otherwise).
    pub fn wal_checkpoints(&self) -> u64 {
        self.sqlite
            .as_ref()
            .and_then(|rt| rt.checkpointer.as_ref())
            .map_or(0, |c| c.runs.load(Ordering::Relaxed))
    }

    pub(crate) fn sqlite_runtime(&self) -> Option<&SqliteRuntime> {
        self.sqlite.as_deref()
    }

    /// Wait for this process's turn to write (SQLite); hold the guard for
    /// the whole statement or transaction.
    pub(crate) async fn writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.sqlite {
            Some(rt) => Some(rt.writer.lock().await),
            None => None,
        }
    }

    /// Begin a write transaction: `BEGIN IMMEDIATE` on SQLite (takes the
    /// writer lock up front, waiting up to the busy timeout), `BEGIN` on
    /// PostgreSQL.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn ping(&self) -> Result<()> {
        let one: i64 = sqlx::query_scalar("SELECT 1").fetch_one(&self.pool).await?;
        debug_assert_eq!(one, 1);
        Ok(())
    }
    async fn schema_versions(&self) -> Result<(Option<i64>, i64)> {
        Ok((self.schema_version().await?, Self::known_schema_version()))
    }
    fn pool_stats(&self) -> PoolStats {
        PoolStats {
            size: self.pool.size(),
            idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
            max: self.pool.options().get_max_connections(),
        }
    }

    async fn create_user(&self, user: &NewUser<'_>, now: i64) -> Result<User> {
        users::create(self, user, now).await
    }
    async fn users_without_skeleton(&self) -> Result<Vec<(UserId, String)>> {
        users::without_skeleton(self).await
    }
    async fn set_username_skeleton(&self, user_id: UserId, skeleton: &str) -> Result<()> {
        users::set_skeleton(self, user_id, skeleton).await
    }
    async fn user_by_key(&self, username_key: &str) -> Result<Option<User>> {
        users::by_key(self, username_key).await
    }
    async fn user_by_id(&self, id: UserId) -> Result<Option<User>> {
        users::by_id(self, id).await
    }
    async fn list_users(&self) -> Result<Vec<UserSummary>> {
        users::list(self).await
    }
    async fn set_password_hash(&self, user_id: UserId, password_hash: &PasswordHash) -> Result<()> {
        users::set_password_hash(self, user_id, password_hash).await
    }

    async fn user_groups(&self, user_id: UserId) -> Result<Vec<String>> {
        access::groups(self, user_id).await
    }
    async fn add_user_group(&self, user_id: UserId, group: &str) -> Result<bool> {
        access::add_group(self, user_id, group).await
    }
    async fn remove_user_group(&self, user_id: UserId, group: &str) -> Result<bool> {
        access::remove_group(self, user_id, group).await
    }
    async fn set_user_disabled(&self, user_id: UserId, disabled: bool) -> Result<bool> {
        access::set_disabled(self, user_id, disabled).await
    }
    async fn create_enrolled_user(
        &self,
        user: &NewUser<'_>,
        groups: &[&str],
        token: &EnrolmentToken<'_>,
    ) -> Result<User> {
        access::create_enrolled(self, user, groups, token).await
    }
    async fn enrolment_user(&self, token_hash: &[u8], now: i64) -> Result<Option<User>> {
        access::enrolment_user(self, token_hash, now).await
    }
    async fn complete_enrolment(
        &self,
        token_hash: &[u8],
        password_hash: &PasswordHash,
        now: i64,
    ) -> Result<Option<UserId>> {
        access::complete_enrolment(self, token_hash, password_hash, now).await
    }

    async fn confirmed_device(&self, user_id: UserId) -> Result<Option<Device>> {
        devices::confirmed(self, user_id).await
    }
    async fn pending_device(&self, user_id: UserId) -> Result<Option<Device>> {
        devices::pending(self, user_id).await
    }
    async fn put_pending_device(
        &self,
        user_id: UserId,
        now: i64,
        seal: &(dyn Fn(i64) -> Option<Vec<u8>> + Send + Sync),
    ) -> Result<Device> {
        devices::put_pending(self, user_id, now, seal).await
    }
    async fn confirm_device(&self, user_id: UserId, device_id: i64, step: i64) -> Result<bool> {
        devices::confirm(self, user_id, device_id, step).await
    }
    async fn accept_step(&self, device_id: i64, step: i64) -> Result<bool> {
        devices::accept_step(self, device_id, step).await
    }
    async fn remove_two_factor(&self, user_id: UserId) -> Result<()> {
        devices::remove_two_factor(self, user_id).await
    }
    async fn all_devices(&self) -> Result<Vec<Device>> {
        devices::all(self).await
    }
    async fn reseal_devices(&self, sealed: &[(i64, Vec<u8>)]) -> Result<()> {
        devices::reseal(self, sealed).await
    }

    async fn key_checks(&self) -> Result<Vec<(u32, Vec<u8>)>> {
        keys::all(self).await
    }
    async fn add_key_check(&self, key_id: u32, sealed: &[u8], now: i64) -> Result<()> {
        keys::add(self, key_id, sealed, now).await
    }

    async fn replace_backup_codes(
        &self,
        user_id: UserId,
        hashes: &[Vec<u8>],
        now: i64,
    ) -> Result<()> {
        backup_codes::replace(self, user_id, hashes, now).await
    }
    async fn spend_backup_code(&self, user_id: UserId, hash: &[u8], now: i64) -> Result<bool> {
        backup_codes::spend(self, user_id, hash, now).await
    }
    async fn backup_codes_remaining(&self, user_id: UserId) -> Result<i64> {
        backup_codes::remaining(self, user_id).await
    }

    async fn create_session(&self, session: &SessionRecord) -> Result<()> {
        sessions::create(self, session).await
    }
    async fn open_session(
        &self,
        old_hash: Option<&[u8]>,
        new: &SessionRecord,
        events: &[EventKind],
    ) -> Result<()> {
        login::open_session(self, old_hash, new, events).await
    }
    async fn pass_second_factor(&self, step: &SecondFactorStep<'_>) -> Result<StepOutcome> {
        login::pass_second_factor(self, step).await
    }
    async fn session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>> {
        sessions::by_hash(self, token_hash).await
    }
    async fn session_view(&self, token_hash: &[u8]) -> Result<Option<SessionView>> {
        sessions::view(self, token_hash).await
    }
    async fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<()> {
        sessions::touch(self, token_hash, now).await
    }
    async fn mark_second_factor(&self, token_hash: &[u8], now: i64) -> Result<bool> {
        sessions::mark_second_factor(self, token_hash, now).await
    }
    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool> {
        sessions::delete(self, token_hash).await
    }
    async fn delete_user_session(&self, user_id: UserId, token_hash: &[u8]) -> Result<bool> {
        sessions::delete_of_user(self, user_id, token_hash).await
    }
    async fn delete_user_sessions(&self, user_id: UserId, keep: Option<&[u8]>) -> Result<u64> {
        sessions::delete_all_of_user(self, user_id, keep).await
    }
    async fn user_sessions(&self, user_id: UserId) -> Result<Vec<SessionRecord>> {
        sessions::of_user(self, user_id).await
    }
    async fn purge_sessions(&self, now: i64, idle_cutoff: i64) -> Result<u64> {
        sessions::purge(self, now, idle_cutoff).await
    }

    async fn record_event(
        &self,
        user_id: UserId,
        kind: &EventKind,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<()> {
        events::record(self, user_id, kind, ip, user_agent, now).await
    }
    async fn events(&self, user_id: UserId, limit: i64) -> Result<Vec<Event>> {
        events::recent(self, user_id, limit).await
    }

    async fn request_email_change(
        &self,
        user_id: UserId,
        email: &str,
        token: &MailedToken<'_>,
    ) -> Result<()> {
        mail::request_email_change(self, user_id, email, token).await
    }
    async fn verify_email(
        &self,
        token_hash: &[u8],
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<(UserId, String)>> {
        mail::verify_email(self, token_hash, ip, user_agent, now).await
    }
    async fn request_password_reset(
        &self,
        lookup: ResetLookup<'_>,
        token: &MailedToken<'_>,
    ) -> Result<bool> {
        mail::request_password_reset(self, lookup, token).await
    }
    async fn reset_token_user(&self, token_hash: &[u8], now: i64) -> Result<Option<UserId>> {
        mail::reset_token_user(self, token_hash, now).await
    }
    async fn complete_password_reset(
        &self,
        token_hash: &[u8],
        user_id: UserId,
        password_hash: &PasswordHash,
        session: &SessionRecord,
    ) -> Result<bool> {
        mail::complete_password_reset(self, token_hash, user_id, password_hash, session).await
    }
    async fn set_notify_new_browser(&self, user_id: UserId, on: bool) -> Result<()> {
        mail::set_notify_new_browser(self, user_id, on).await
    }
    async fn claim_outbox(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<OutboxMail>> {
        mail::claim(self, now, lease_until, limit).await
    }
    async fn outbox_sent(&self, id: i64, now: i64) -> Result<()> {
        mail::mark_sent(self, id, now).await
    }
    async fn outbox_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        mail::mark_retry(self, id, next_attempt_at, error).await
    }
    async fn outbox_give_up(&self, mail: &OutboxMail, now: i64, error: &str) -> Result<()> {
        mail::mark_gave_up(self, mail, now, error).await
    }
    async fn outbox_due(&self, now: i64) -> Result<bool> {
        mail::due(self, now).await
    }
    async fn purge_mail(&self, now: i64) -> Result<u64> {
        mail::purge(self, now).await
    }
    async fn outbox_depth(&self) -> Result<OutboxDepth> {
        mail::depth(self).await
    }

    async fn passkeys(&self, user_id: UserId) -> Result<Vec<Passkey>> {
        passkeys::of_user(self, user_id).await
    }
    async fn add_passkey(
        &self,
        new: &NewPasskey<'_>,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Passkey> {
        passkeys::add(self, new, ip, user_agent, now).await
    }
    async fn rename_passkey(&self, user_id: UserId, id: i64, name: &str) -> Result<bool> {
        passkeys::rename(self, user_id, id, name).await
    }
    async fn remove_passkey(
        &self,
        user_id: UserId,
        id: i64,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<Option<String>> {
        passkeys::remove(self, user_id, id, ip, user_agent, now).await
    }
    async fn remove_all_factors(&self, user_id: UserId) -> Result<u64> {
        passkeys::remove_all_factors(self, user_id).await
    }
    async fn put_ceremony(
        &self,
        key: CeremonyKey<'_>,
        user_id: Option<UserId>,
        state: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<()> {
        passkeys::put_ceremony(self, key, user_id, state, expires_at, now).await
    }
    async fn take_ceremony(&self, key: CeremonyKey<'_>, now: i64) -> Result<Option<String>> {
        passkeys::take_ceremony(self, key, now).await
    }
    async fn ceremony_with_passkey(
        &self,
        key: CeremonyKey<'_>,
        credential_id: &[u8],
        now: i64,
    ) -> Result<Option<(String, Option<Passkey>)>> {
        passkeys::ceremony_with_passkey(self, key, credential_id, now).await
    }
    async fn drop_ceremony(
        &self,
        key: CeremonyKey<'_>,
        budget: Option<BudgetSpec<'_>>,
        now: i64,
    ) -> Result<Budget> {
        passkeys::drop_ceremony(self, key, budget, now).await
    }
    async fn pass_passkey(&self, step: &PasskeyStep<'_>) -> Result<PasskeyOutcome> {
        passkeys::pass(self, step).await
    }

    async fn take_budget(&self, budget: BudgetSpec<'_>, now: i64) -> Result<Budget> {
        budgets::take(self, budget, now).await
    }
    async fn refund_budget(&self, budget: BudgetSpec<'_>) -> Result<()> {
        budgets::refund(self, budget).await
    }
    async fn budget_wait(&self, budget: BudgetSpec<'_>, now: i64) -> Result<i64> {
        budgets::wait(self, budget, now).await
    }
    async fn purge_budgets(&self, now: i64) -> Result<u64> {
        budgets::purge(self, now).await
    }
}
