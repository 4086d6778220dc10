//! SQL implementation of the store (SQLite and PostgreSQL through sqlx `Any`).
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
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Connection, Row, SqlSafeStr, Transaction};

use crate::fastread::{FastReads, SESSION_VIEW_SQL};
use crate::{
    Budget, Device, Event, NewEvent, Proof, Result, SecondFactorStep, SessionRecord, SessionView,
    Stage, StepOutcome, Store, StoreError, User, UserId, UserSummary,
};

/// Which database a [`SqlStore`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (embedded file; one writer at a time).
    Sqlite,
    /// PostgreSQL (several nodes may share it).
    Postgres,
}

impl Backend {
    /// The backend a database URL names, or `BadUrl`.
    pub fn from_url(url: &str) -> Result<Backend> {
        let lower = url.get(..11).unwrap_or(url).to_ascii_lowercase();
        if lower.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if lower.starts_with("postgres://") || lower.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::BadUrl(redact_url(url)))
        }
    }
}

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
    /// SQLite file databases only; stops with the last clone of the store.
    checkpointer: Option<Arc<Checkpointer>>,
    /// SQLite file databases only: `session_view` without a thread hop.
    fast: Option<Arc<FastReads>>,
    /// SQLite has one writer: writers queue here, in order, instead of
    /// sleeping in SQLite's busy handler (1, 2, 5, ... 100 ms naps that made
    /// the latency tail under concurrent writes). `None` on PostgreSQL.
    writer: Option<Arc<tokio::sync::Mutex<()>>>,
    /// SQLite only: attempt-budget takes share one commit (see
    /// [`BudgetBatches`]). `None` on PostgreSQL.
    budgets: Option<Arc<BudgetBatches>>,
}

/// Group commit of attempt-budget takes on SQLite.
///
/// Every login attempt takes one or two budgets before its password is
/// hashed, so a flood of wrong passwords is a stream of small writes, each
/// paying a durable commit (an fsync with `synchronous = FULL`). Queued one
/// commit each behind the single writer, they made every other write (a
/// second-factor step's) wait for all of them, and a slow disk spell turned
/// that wait into a 100+ ms tail. Instead, takes wait here, and one task
/// applies every take waiting at that moment in one transaction, in arrival
/// order, then answers each: the budget rules are unchanged (each take is
/// the same atomic upsert, applied in turn), a flood costs one writer turn
/// per batch instead of one per attempt, and a take is acknowledged only
/// after its commit is durable.
#[derive(Default)]
struct BudgetBatches {
    queue: std::sync::Mutex<BudgetQueue>,
    /// Batches committed so far (one transaction each).
    commits: AtomicU64,
}

#[derive(Default)]
struct BudgetQueue {
    waiting: Vec<BudgetTake>,
    /// A task is draining the queue: new takes join its next batch.
    draining: bool,
}

struct BudgetTake {
    key: String,
    now: i64,
    burst: i64,
    interval: i64,
    reply: tokio::sync::oneshot::Sender<Result<Budget>>,
}

/// Checkpoints an SQLite write-ahead log from a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that takes the log
/// past 1,000 pages: that one commit copies the log into the database file
/// and fsyncs it, tens to hundreds of milliseconds during which its request
/// waits (and, with a busy writer, about one request in fifty is that
/// request). The pool's connections therefore run with
/// `wal_autocheckpoint = 0` and this task runs `PRAGMA
/// wal_checkpoint(PASSIVE)` every [`StoreOptions::checkpoint_every`]:
/// PASSIVE never blocks readers or writers. Durability is unchanged: a
/// commit is durable once the log is fsynced (`synchronous = FULL`); the
/// checkpoint only moves pages.
struct Checkpointer {
    task: tokio::task::JoinHandle<()>,
    /// Checkpoints that copied at least one new frame.
    runs: Arc<AtomicU64>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Checkpointer {
    fn start(url: String, every: Duration) -> Checkpointer {
        let runs = Arc::new(AtomicU64::new(0));
        let counter = runs.clone();
        let task = tokio::spawn(async move {
            let mut conn: Option<sqlx::AnyConnection> = None;
            let mut last = (0i64, 0i64);
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let c = match conn.as_mut() {
                    Some(c) => c,
                    None => match sqlx::AnyConnection::connect(&url).await {
                        Ok(c) => conn.insert(c),
                        Err(e) => {
                            tracing::warn!(error = %e, "checkpointer cannot open the database");
                            continue;
                        }
                    },
                };
                let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                    .fetch_one(&mut *c)
                    .await;
                match row.and_then(|r| Ok((r.try_get::<i64, _>(1)?, r.try_get::<i64, _>(2)?))) {
                    Ok((log, done)) => {
                        if done > 0 && (log, done) != last {
                            counter.fetch_add(1, Ordering::Relaxed);
                        }
                        last = (log, done);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "WAL checkpoint failed; retrying");
                        conn = None;
                    }
                }
            }
        });
        Checkpointer { task, runs }
    }
}

impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlStore")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

/// Drop the password from a URL before it goes into an error message.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &creds[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Percent-encode a filesystem path for a `sqlite://` URL.
fn sqlite_url_for(path: &Path) -> Result<String> {
    let s = path
        .to_str()
        .ok_or_else(|| StoreError::BadUrl(format!("non-UTF-8 path {}", path.display())))?;
    let mut out = String::from("sqlite://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("?mode=rwc");
    Ok(out)
}

/// The file a `sqlite:` URL names (`sqlite://path?opts`, `sqlite:path`),
/// percent-decoded; `None` for in-memory or undecodable URLs.
fn sqlite_file_of(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(std::path::PathBuf::from(String::from_utf8(out).ok()?))
}

/// A SQLite URL that creates the file if missing: `mode=rwc` is appended
/// unless the URL already names a mode or an in-memory database.
fn sqlite_url_with_create(url: &str) -> Cow<'_, str> {
    let query = url.split_once('?').map(|(_, q)| q);
    let has_mode = query.is_some_and(|q| q.split('&').any(|kv| kv.starts_with("mode=")));
    if has_mode || url.contains(":memory:") {
        Cow::Borrowed(url)
    } else if query.is_some() {
        Cow::Owned(format!("{url}&mode=rwc"))
    } else {
        Cow::Owned(format!("{url}?mode=rwc"))
    }
}

/// Every migration, oldest first: (version, description, SQLite, PostgreSQL).
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
        include_str!("../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "backup codes left",
        include_str!("../migrations/sqlite/0002_backup_codes_left.sql"),
        include_str!("../migrations/postgres/0002_backup_codes_left.sql"),
    ),
];

fn migrator(backend: Backend) -> Migrator {
    let migrations = MIGRATIONS
        .iter()
        .map(|&(version, description, sqlite, postgres)| {
            let sql = match backend {
                Backend::Sqlite => sqlite,
                Backend::Postgres => postgres,
            };
            Migration::new(
                version,
                Cow::Borrowed(description),
                MigrationType::Simple,
                sql.into_sql_str(),
                false,
            )
        })
        .collect();
    Migrator::with_migrations(migrations)
}

/// The newest migration version this binary carries.
const KNOWN_SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Map a driver error, turning a unique violation into `Conflict(what)`.
fn conflict_or(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| match e.as_database_error() {
        Some(d) if d.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::Database(e),
    }
}

fn user_from_row(row: &AnyRow) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        username_key: row.try_get("username_key")?,
        password_hash: row.try_get("password_hash")?,
        created_at: row.try_get("created_at")?,
    })
}

fn device_from_row(row: &AnyRow) -> Result<Device> {
    let confirmed: i64 = row.try_get("confirmed")?;
    Ok(Device {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        sealed_secret: row.try_get("sealed_secret")?,
        confirmed: confirmed != 0,
        last_step: row.try_get("last_step")?,
        created_at: row.try_get("created_at")?,
    })
}

fn session_from_row(row: &AnyRow) -> Result<SessionRecord> {
    let stage: i64 = row.try_get("stage")?;
    Ok(SessionRecord {
        token_hash: row.try_get("token_hash")?,
        user_id: row.try_get("user_id")?,
        stage: Stage::from_i64(stage),
        created_at: row.try_get("created_at")?,
        last_seen: row.try_get("last_seen")?,
        expires_at: row.try_get("expires_at")?,
        user_agent: row.try_get("user_agent")?,
        ip: row.try_get("ip")?,
    })
}

/// `SELECT <user columns> FROM users <tail>`.
macro_rules! user_select {
    ($tail:literal) => {
        concat!(
            "SELECT id, username, username_key, password_hash, created_at FROM users ",
            $tail
        )
    };
}

/// `SELECT <device columns> FROM devices <tail>`.
macro_rules! device_select {
    ($tail:literal) => {
        concat!(
            "SELECT id, user_id, sealed_secret, confirmed, last_step, created_at FROM devices ",
            $tail
        )
    };
}

/// `SELECT <session columns> FROM sessions <tail>`.
macro_rules! session_select {
    ($tail:literal) => {
        concat!(
            "SELECT token_hash, user_id, stage, created_at, last_seen, expires_at, user_agent, ip \
             FROM sessions ",
            $tail
        )
    };
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
    pub async fn connect(url: &str, opts: &StoreOptions) -> Result<SqlStore> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let in_memory =
            backend == Backend::Sqlite && (url.contains(":memory:") || url.contains("mode=memory"));
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
        let url = if backend == Backend::Sqlite {
            sqlite_url_with_create(url)
        } else {
            Cow::Borrowed(url)
        };
        let pool = pool_opts.connect(&url).await?;
        let file = (backend == Backend::Sqlite && !in_memory)
            .then(|| sqlite_file_of(&url))
            .flatten();
        let fast = file.map(|path| Arc::new(FastReads::new(path)));
        let checkpointer = (backend == Backend::Sqlite && !in_memory)
            .then(|| Arc::new(Checkpointer::start(url.into_owned(), opts.checkpoint_every)));
        let writer = (backend == Backend::Sqlite).then(|| Arc::new(tokio::sync::Mutex::new(())));
        let budgets = (backend == Backend::Sqlite).then(|| Arc::new(BudgetBatches::default()));
        Ok(SqlStore {
            pool,
            backend,
            checkpointer,
            fast,
            writer,
            budgets,
        })
    }

    /// [`SqlStore::connect`] followed by [`SqlStore::migrate`].
    pub async fn connect_and_migrate(url: &str, opts: &StoreOptions) -> Result<SqlStore> {
        let store = Self::connect(url, opts).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Open (creating if needed) the SQLite database `deadbolt.db` in `dir`
    /// (created if missing), with default options, and migrate it.
    pub async fn open_sqlite_dir(dir: &Path) -> Result<SqlStore> {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        let url = sqlite_url_for(&dir.join("deadbolt.db"))?;
        Self::connect_and_migrate(&url, &StoreOptions::default()).await
    }

    /// Which backend this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The underlying pool (for tests and administrative queries).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Close the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        if let Some(c) = &self.checkpointer {
            c.task.abort();
        }
        self.pool.close().await;
    }

    /// How many `session_view` reads the SQLite fast path answered (see
    /// `fastread.rs`; always 0 on PostgreSQL and in-memory SQLite).
    pub fn fast_session_reads(&self) -> u64 {
        self.fast.as_ref().map_or(0, |f| f.served())
    }

    /// How many transactions applied attempt-budget takes as a group
    /// (SQLite; always 0 on PostgreSQL, where each take is its own statement).
    pub fn budget_commits(&self) -> u64 {
        self.budgets
            .as_ref()
            .map_or(0, |b| b.commits.load(Ordering::Relaxed))
    }

    /// How many background WAL checkpoints copied new pages so far (SQLite
    /// file databases; always 0 otherwise).
    pub fn wal_checkpoints(&self) -> u64 {
        self.checkpointer
            .as_ref()
            .map_or(0, |c| c.runs.load(Ordering::Relaxed))
    }

    /// The newest migration applied to the database (`None` if never migrated).
    pub async fn schema_version(&self) -> Result<Option<i64>> {
        let exists_sql = match self.backend {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_name = '_sqlx_migrations' AND table_schema = current_schema()"
            }
        };
        let exists: i64 = sqlx::query_scalar(exists_sql).fetch_one(&self.pool).await?;
        if exists == 0 {
            return Ok(None);
        }
        let v: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&self.pool)
            .await?;
        Ok(v)
    }

    /// The newest migration this binary carries.
    pub fn known_schema_version() -> i64 {
        KNOWN_SCHEMA_VERSION
    }

    /// Refuse (`SchemaTooNew`) a database migrated by a newer deadbolt.
    pub async fn check_schema(&self) -> Result<()> {
        match self.schema_version().await? {
            Some(found) if found > KNOWN_SCHEMA_VERSION => Err(StoreError::SchemaTooNew {
                found,
                known: KNOWN_SCHEMA_VERSION,
            }),
            _ => Ok(()),
        }
    }

    /// Apply pending migrations (forward-only; a no-op when up to date).
    /// Refuses with `SchemaTooNew` a database migrated by a newer deadbolt.
    /// Safe to run from several nodes at once on PostgreSQL (advisory lock).
    pub async fn migrate(&self) -> Result<()> {
        self.check_schema().await?;
        migrator(self.backend).run(&self.pool).await?;
        Ok(())
    }

    /// Wait for this process's turn to write (SQLite); hold the guard for
    /// the whole statement or transaction.
    async fn writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.writer {
            Some(m) => Some(m.lock().await),
            None => None,
        }
    }

    /// Begin a write transaction: `BEGIN IMMEDIATE` on SQLite (takes the
    /// writer lock up front, waiting up to the busy timeout), `BEGIN` on
    /// PostgreSQL.
    async fn begin_write(&self) -> Result<Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn ping(&self) -> Result<()> {
        let one: i64 = sqlx::query_scalar("SELECT 1").fetch_one(&self.pool).await?;
        debug_assert_eq!(one, 1);
        Ok(())
    }

    // ---- users ----

    async fn create_user(
        &self,
        username: &str,
        username_key: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<User> {
        let _writer = self.writer().await;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (username, username_key, password_hash, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(username)
        .bind(username_key)
        .bind(password_hash)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(conflict_or("username"))?;
        Ok(User {
            id,
            username: username.to_owned(),
            username_key: username_key.to_owned(),
            password_hash: password_hash.to_owned(),
            created_at: now,
        })
    }

    async fn user_by_key(&self, username_key: &str) -> Result<Option<User>> {
        let row = sqlx::query(user_select!("WHERE username_key = $1"))
            .bind(username_key)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn user_by_id(&self, id: UserId) -> Result<Option<User>> {
        let row = sqlx::query(user_select!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn list_users(&self) -> Result<Vec<UserSummary>> {
        let rows = sqlx::query(
            "SELECT u.id, u.username, u.created_at, \
               (SELECT COUNT(*) FROM devices d WHERE d.user_id = u.id AND d.confirmed = 1) AS devices, \
               (SELECT COUNT(*) FROM backup_codes b WHERE b.user_id = u.id AND b.used_at IS NULL) AS codes \
             FROM users u ORDER BY u.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let devices: i64 = row.try_get("devices")?;
                Ok(UserSummary {
                    id: row.try_get("id")?,
                    username: row.try_get("username")?,
                    two_factor_enabled: devices > 0,
                    backup_codes_remaining: row.try_get("codes")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    async fn set_password_hash(&self, user_id: UserId, password_hash: &str) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // ---- TOTP devices ----

    async fn confirmed_device(&self, user_id: UserId) -> Result<Option<Device>> {
        let row = sqlx::query(device_select!(
            "WHERE user_id = $1 AND confirmed = 1 ORDER BY id DESC LIMIT 1"
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(device_from_row).transpose()
    }

    async fn pending_device(&self, user_id: UserId) -> Result<Option<Device>> {
        let row = sqlx::query(device_select!(
            "WHERE user_id = $1 AND confirmed = 0 ORDER BY id DESC LIMIT 1"
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(device_from_row).transpose()
    }

    async fn put_pending_device(
        &self,
        user_id: UserId,
        now: i64,
        seal: &(dyn Fn(i64) -> Vec<u8> + Send + Sync),
    ) -> Result<Device> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        sqlx::query(LOCK_USER)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM devices WHERE user_id = $1 AND confirmed = 0")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO devices (user_id, sealed_secret, confirmed, last_step, created_at) \
             VALUES ($1, $2, 0, NULL, $3) RETURNING id",
        )
        .bind(user_id)
        .bind(Vec::<u8>::new())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_or("device"))?;
        let sealed = seal(id);
        sqlx::query("UPDATE devices SET sealed_secret = $1 WHERE id = $2")
            .bind(&sealed[..])
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Device {
            id,
            user_id,
            sealed_secret: sealed,
            confirmed: false,
            last_step: None,
            created_at: now,
        })
    }

    async fn confirm_device(&self, user_id: UserId, device_id: i64, step: i64) -> Result<bool> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        sqlx::query(LOCK_USER)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM devices WHERE id = $1 AND user_id = $2 AND confirmed = 0",
        )
        .bind(device_id)
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
        if pending != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM devices WHERE user_id = $1 AND confirmed = 1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query(
            "UPDATE devices SET confirmed = 1, last_step = $1 \
             WHERE id = $2 AND user_id = $3 AND confirmed = 0",
        )
        .bind(step)
        .bind(device_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if done != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn accept_step(&self, device_id: i64, step: i64) -> Result<bool> {
        let _writer = self.writer().await;
        accept_step_in(&mut *self.pool.acquire().await?, device_id, step).await
    }

    async fn remove_two_factor(&self, user_id: UserId) -> Result<()> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        sqlx::query(LOCK_USER)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM devices WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM backup_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn all_devices(&self) -> Result<Vec<Device>> {
        let rows = sqlx::query(device_select!("ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(device_from_row).collect()
    }

    async fn reseal_devices(&self, sealed: &[(i64, Vec<u8>)]) -> Result<()> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        for (id, secret) in sealed {
            sqlx::query("UPDATE devices SET sealed_secret = $1 WHERE id = $2")
                .bind(&secret[..])
                .bind(*id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    // ---- backup codes ----

    async fn replace_backup_codes(
        &self,
        user_id: UserId,
        hashes: &[Vec<u8>],
        now: i64,
    ) -> Result<()> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        sqlx::query(LOCK_USER)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM backup_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for hash in hashes {
            sqlx::query(
                "INSERT INTO backup_codes (user_id, code_hash, used_at, created_at) \
                 VALUES ($1, $2, NULL, $3)",
            )
            .bind(user_id)
            .bind(&hash[..])
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn spend_backup_code(&self, user_id: UserId, hash: &[u8], now: i64) -> Result<bool> {
        let _writer = self.writer().await;
        spend_backup_code_in(&mut *self.pool.acquire().await?, user_id, hash, now).await
    }

    async fn backup_codes_remaining(&self, user_id: UserId) -> Result<i64> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM backup_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    // ---- sessions ----

    async fn create_session(&self, session: &SessionRecord) -> Result<()> {
        let _writer = self.writer().await;
        insert_session(&self.pool, session).await
    }

    async fn open_session(
        &self,
        old_hash: Option<&[u8]>,
        new: &SessionRecord,
        events: &[NewEvent<'_>],
    ) -> Result<()> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        let events = events.iter().map(|e| (e.kind, e.detail));
        open_session_in(&mut tx, old_hash, new, events).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn pass_second_factor(&self, step: &SecondFactorStep<'_>) -> Result<StepOutcome> {
        let new = step.session;
        let now = new.created_at;
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        let budget = take_budget_in(&mut tx, step.budget_key, now, step.burst, step.interval);
        if let Budget::Exhausted { retry_after } = budget.await? {
            tx.commit().await?;
            return Ok(StepOutcome::Throttled { retry_after });
        }
        let (held, left) = match step.proof {
            Proof::Step { device_id, step } => {
                (accept_step_in(&mut tx, device_id, step).await?, None)
            }
            Proof::BackupCode { hash } => {
                if spend_backup_code_in(&mut tx, new.user_id, hash, now).await? {
                    let left: i64 =
                        sqlx::query_scalar("SELECT backup_codes_left FROM users WHERE id = $1")
                            .bind(new.user_id)
                            .fetch_one(&mut *tx)
                            .await?;
                    (true, Some(left))
                } else {
                    (false, None)
                }
            }
        };
        if !held {
            // The budget stays spent.
            tx.commit().await?;
            return Ok(StepOutcome::Refused);
        }
        let events = (step.events)(left);
        let events = events.iter().map(|(kind, detail)| (*kind, detail.as_str()));
        open_session_in(&mut tx, Some(step.pending), new, events).await?;
        tx.commit().await?;
        Ok(StepOutcome::Passed {
            backup_codes_left: left,
        })
    }

    async fn session(&self, token_hash: &[u8]) -> Result<Option<SessionRecord>> {
        let row = sqlx::query(session_select!("WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(session_from_row).transpose()
    }

    async fn session_view(&self, token_hash: &[u8]) -> Result<Option<SessionView>> {
        if let Some(view) = self.fast.as_ref().and_then(|f| f.session_view(token_hash)) {
            return Ok(view);
        }
        let row = sqlx::query(SESSION_VIEW_SQL)
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref()
            .map(|r| {
                let device: Option<i64> = r.try_get("device")?;
                let stage: i64 = r.try_get("stage")?;
                Ok(SessionView {
                    user_id: r.try_get("user_id")?,
                    stage: Stage::from_i64(stage),
                    created_at: r.try_get("created_at")?,
                    last_seen: r.try_get("last_seen")?,
                    expires_at: r.try_get("expires_at")?,
                    username: r.try_get("username")?,
                    two_factor_enabled: device.is_some(),
                    backup_codes_remaining: r.try_get("codes")?,
                })
            })
            .transpose()
    }

    async fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &[u8]) -> Result<bool> {
        let _writer = self.writer().await;
        let n = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(n > 0)
    }

    async fn delete_user_session(&self, user_id: UserId, token_hash: &[u8]) -> Result<bool> {
        let _writer = self.writer().await;
        let n = sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND user_id = $2")
            .bind(token_hash)
            .bind(user_id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(n > 0)
    }

    async fn delete_user_sessions(&self, user_id: UserId, keep: Option<&[u8]>) -> Result<u64> {
        let _writer = self.writer().await;
        let done = match keep {
            Some(keep) => {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                    .bind(user_id)
                    .bind(keep)
                    .execute(&self.pool)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&self.pool)
                    .await?
            }
        };
        Ok(done.rows_affected())
    }

    async fn user_sessions(&self, user_id: UserId) -> Result<Vec<SessionRecord>> {
        let rows = sqlx::query(session_select!(
            "WHERE user_id = $1 AND stage = 1 ORDER BY last_seen DESC, created_at DESC"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(session_from_row).collect()
    }

    async fn purge_sessions(&self, now: i64, idle_cutoff: i64) -> Result<u64> {
        let _writer = self.writer().await;
        let n = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen <= $2")
            .bind(now)
            .bind(idle_cutoff)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(n)
    }

    // ---- security events ----

    async fn record_event(
        &self,
        user_id: UserId,
        kind: &str,
        ip: &str,
        detail: &str,
        now: i64,
    ) -> Result<()> {
        let _writer = self.writer().await;
        insert_event(&self.pool, user_id, kind, ip, detail, now).await
    }

    async fn events(&self, user_id: UserId, limit: i64) -> Result<Vec<Event>> {
        let rows = sqlx::query(
            "SELECT at, kind, ip, detail FROM events WHERE user_id = $1 \
             ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit.max(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Event {
                    at: row.try_get("at")?,
                    kind: row.try_get("kind")?,
                    ip: row.try_get("ip")?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }

    // ---- attempt budgets (throttling) ----

    async fn take_budget(&self, key: &str, now: i64, burst: i64, interval: i64) -> Result<Budget> {
        let Some(batches) = &self.budgets else {
            let mut conn = self.pool.acquire().await?;
            return take_budget_in(&mut conn, key, now, burst, interval).await;
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        let start_draining = {
            let mut q = batches.queue.lock().unwrap_or_else(|e| e.into_inner());
            q.waiting.push(BudgetTake {
                key: key.to_owned(),
                now,
                burst,
                interval,
                reply,
            });
            !std::mem::replace(&mut q.draining, true)
        };
        if start_draining {
            // A task of its own, so that a caller that goes away (a client
            // hanging up) cannot strand the takes queued behind it.
            let store = self.clone();
            tokio::spawn(async move { store.drain_budget_takes().await });
        }
        answer.await.map_err(|_| {
            StoreError::Database(sqlx::Error::Protocol(
                "the attempt-budget task stopped before answering".into(),
            ))
        })?
    }

    async fn budget_wait(&self, key: &str, now: i64, burst: i64, interval: i64) -> Result<i64> {
        let burst = burst.max(1);
        let interval = interval.max(1);
        let slack = (burst - 1).saturating_mul(interval);
        let tat: Option<i64> = sqlx::query_scalar("SELECT tat FROM budgets WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(tat.map_or(0, |tat| (tat - slack - now).max(0)))
    }

    async fn purge_budgets(&self, now: i64) -> Result<u64> {
        let _writer = self.writer().await;
        let n = sqlx::query("DELETE FROM budgets WHERE tat <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(n)
    }
}

/// GCRA in one atomic upsert: grant iff tat <= now + (burst-1)*interval,
/// then tat = max(tat, now) + interval. No row back = refused, and the
/// answer says when the next take would be granted.
async fn take_budget_in(
    conn: &mut sqlx::AnyConnection,
    key: &str,
    now: i64,
    burst: i64,
    interval: i64,
) -> Result<Budget> {
    let burst = burst.max(1);
    let interval = interval.max(1);
    let slack = (burst - 1).saturating_mul(interval);
    let granted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO budgets (key, tat) VALUES ($1, $2 + $3) \
         ON CONFLICT (key) DO UPDATE \
           SET tat = (CASE WHEN budgets.tat > $2 THEN budgets.tat ELSE $2 END) + $3 \
           WHERE budgets.tat <= $2 + $4 \
         RETURNING tat",
    )
    .bind(key)
    .bind(now)
    .bind(interval)
    .bind(slack)
    .fetch_optional(&mut *conn)
    .await?;
    if granted.is_some() {
        return Ok(Budget::Granted);
    }
    let tat: Option<i64> = sqlx::query_scalar("SELECT tat FROM budgets WHERE key = $1")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    let wait = tat.map_or(0, |tat| tat - slack - now);
    Ok(Budget::Exhausted {
        retry_after: wait.max(1),
    })
}

/// Hands the queue back if the draining task stops in the middle (a panic,
/// or its runtime shutting down): the takes waiting then get an error
/// (their answer channel closes) and the next take starts a new task.
struct Draining<'a> {
    batches: &'a BudgetBatches,
    handed_back: bool,
}

impl Drop for Draining<'_> {
    fn drop(&mut self) {
        if !self.handed_back {
            let mut q = self.batches.queue.lock().unwrap_or_else(|e| e.into_inner());
            q.draining = false;
            q.waiting.clear();
        }
    }
}

impl SqlStore {
    /// The draining task of [`BudgetBatches`]: takes the writer's turn,
    /// applies every take waiting at that moment in one transaction, answers
    /// them, and repeats until none is waiting.
    async fn drain_budget_takes(&self) {
        let Some(batches) = &self.budgets else { return };
        let mut draining = Draining {
            batches,
            handed_back: false,
        };
        loop {
            let writer = self.writer().await;
            let batch = {
                let mut q = batches.queue.lock().unwrap_or_else(|e| e.into_inner());
                if q.waiting.is_empty() {
                    q.draining = false;
                    draining.handed_back = true;
                    return;
                }
                std::mem::take(&mut q.waiting)
            };
            match self.apply_budget_batch(&batch).await {
                Ok(answers) => {
                    batches.commits.fetch_add(1, Ordering::Relaxed);
                    drop(writer);
                    for (take, answer) in batch.into_iter().zip(answers) {
                        let _ = take.reply.send(Ok(answer));
                    }
                }
                Err(e) => {
                    // Nothing of the batch was committed: every take in it
                    // fails, as each would have on its own.
                    drop(writer);
                    tracing::warn!(error = %e, takes = batch.len(), "attempt-budget batch failed");
                    for take in batch {
                        let _ = take
                            .reply
                            .send(Err(StoreError::Database(sqlx::Error::Protocol(format!(
                                "attempt-budget batch failed: {e}"
                            )))));
                    }
                }
            }
        }
    }

    async fn apply_budget_batch(&self, batch: &[BudgetTake]) -> Result<Vec<Budget>> {
        let mut tx = self.begin_write().await?;
        let mut answers = Vec::with_capacity(batch.len());
        for t in batch {
            answers.push(take_budget_in(&mut tx, &t.key, t.now, t.burst, t.interval).await?);
        }
        tx.commit().await?;
        Ok(answers)
    }
}

/// The compare-and-set of [`Store::accept_step`].
async fn accept_step_in(conn: &mut sqlx::AnyConnection, device_id: i64, step: i64) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE devices SET last_step = $1 \
         WHERE id = $2 AND confirmed = 1 AND (last_step IS NULL OR last_step < $1)",
    )
    .bind(step)
    .bind(device_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The compare-and-set of [`Store::spend_backup_code`].
async fn spend_backup_code_in(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    hash: &[u8],
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE backup_codes SET used_at = $1 \
         WHERE id = (SELECT id FROM backup_codes \
                     WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL \
                     ORDER BY id LIMIT 1) \
           AND used_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(hash)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The old session out, the new one in, the step's (kind, detail) events,
/// in the caller's transaction.
async fn open_session_in<'a>(
    conn: &mut sqlx::AnyConnection,
    old_hash: Option<&[u8]>,
    new: &SessionRecord,
    events: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<()> {
    if let Some(old) = old_hash {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(old)
            .execute(&mut *conn)
            .await?;
    }
    insert_session(&mut *conn, new).await?;
    for (kind, detail) in events {
        insert_event(
            &mut *conn,
            new.user_id,
            kind,
            &new.ip,
            detail,
            new.created_at,
        )
        .await?;
    }
    Ok(())
}

async fn insert_session<'e, E>(executor: E, s: &SessionRecord) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO sessions \
         (token_hash, user_id, stage, created_at, last_seen, expires_at, user_agent, ip) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&s.token_hash[..])
    .bind(s.user_id)
    .bind(s.stage.as_i64())
    .bind(s.created_at)
    .bind(s.last_seen)
    .bind(s.expires_at)
    .bind(&s.user_agent[..])
    .bind(&s.ip[..])
    .execute(executor)
    .await
    .map_err(conflict_or("session"))?;
    Ok(())
}

async fn insert_event<'e, E>(
    executor: E,
    user_id: UserId,
    kind: &str,
    ip: &str,
    detail: &str,
    now: i64,
) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO events (user_id, at, kind, ip, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(user_id)
        .bind(now)
        .bind(kind)
        .bind(ip)
        .bind(detail)
        .execute(executor)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_file_of_decodes_what_sqlite_url_for_encodes() {
        let path = Path::new("/tmp/a b%c?d/ünï/deadbolt.db");
        let url = sqlite_url_for(path).unwrap();
        assert_eq!(sqlite_file_of(&url).as_deref(), Some(path));
        assert_eq!(
            sqlite_file_of("sqlite:data/x.db?mode=rwc").as_deref(),
            Some(Path::new("data/x.db"))
        );
        for none in [
            "sqlite::memory:",
            "sqlite://",
            "sqlite://bad%zz",
            "postgres://h/db",
        ] {
            assert_eq!(sqlite_file_of(none), None, "{none}");
        }
    }
}
