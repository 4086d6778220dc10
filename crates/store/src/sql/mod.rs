//! SQL implementation of the store (SQLite and PostgreSQL through sqlx `Any`).
//!
//! This file has the store itself (connecting, the write discipline);
//! `dispatch.rs` has the [`Store`] trait's implementation, which hands each
//! method to the module of its aggregate: `users`, `devices`, `backup_codes`, `sessions`,
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
use crate::{
    CeremonyKey, CeremonyRead, NewPasskey, Passkey, PasskeyOutcome, PasskeyStep, RemovedPasskey,
};
use crate::{
    IssuedTokens, NewGrant, OidcClient, OidcCode, OidcCodeView, OidcConsent, OidcTokenInfo,
    RedeemOutcome, RefreshOutcome, SigningKeyRow,
};

mod access;
mod backup_codes;
pub(crate) mod budgets;
mod devices;
mod dispatch;
pub(crate) mod events;
mod keys;
mod login;
pub(crate) mod mail;
mod migrate;
pub(crate) mod oidc;
mod oidc_tokens;
pub(crate) mod passkeys;
pub(crate) mod sessions;
pub(crate) mod users;

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
                (!url.is_sqlite_read_only()).then_some(opts.sqlite_busy_timeout),
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
        if let Some(f) = self.sqlite.as_ref().and_then(|rt| rt.fast.as_ref()) {
            f.close();
        }
        if let Some(w) = self.sqlite.as_ref().and_then(|rt| rt.write.as_ref()) {
            w.close();
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

    /// How many of those the session-view cache answered without reading
    /// SQLite (`sqlite/viewcache.rs`: valid until the next commit).
    pub fn remembered_session_reads(&self) -> u64 {
        self.sqlite
            .as_ref()
            .and_then(|rt| rt.fast.as_ref())
            .map_or(0, |f| f.remembered())
    }

    /// How many transactions applied attempt-budget takes and passwordless
    /// sign-ins as a group (SQLite; always 0 on PostgreSQL, where each is
    /// its own transaction).
    pub fn group_commits(&self) -> u64 {
        self.sqlite
            .as_ref()
            .map_or(0, |rt| rt.batches.commits.load(Ordering::Relaxed))
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
