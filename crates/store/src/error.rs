//! The store's one error type. Constraint violations keep their meaning
//! ([`Constraint`]); driver errors keep their source without naming the
//! driver in the public API ([`DbError`]).

/// Which uniqueness rule refused a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Constraint {
    /// The normalised username is taken.
    Username,
    /// A session token hash collided (never in practice: 256 random bits).
    Session,
    /// A second pending or confirmed device for one user.
    Device,
    /// The email address is another account's.
    Email,
    /// The passkey's credential id is registered already.
    Passkey,
    /// An OpenID Connect client of that name (or id) exists already.
    OidcClient,
}

impl std::fmt::Display for Constraint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Constraint::Username => "username",
            Constraint::Session => "session",
            Constraint::Device => "device",
            Constraint::Email => "email address",
            Constraint::Passkey => "passkey",
            Constraint::OidcClient => "OpenID Connect client",
        })
    }
}

/// A database driver error (connection lost, I/O, SQL, a pool timeout).
/// Opaque: callers see its message and its source chain, not the driver.
#[derive(Debug)]
pub struct DbError(Box<dyn std::error::Error + Send + Sync + 'static>);

impl DbError {
    pub(crate) fn new(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        DbError(Box::new(e))
    }

    /// An error of the store's own (a background task gone, a batch failed).
    pub(crate) fn msg(message: String) -> Self {
        DbError(message.into())
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A unique constraint refused the write (for example a taken username).
    #[error("conflict: {0} already exists")]
    Conflict(Constraint),
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
    /// The database URL is not one this store understands (shown redacted).
    #[error("unsupported database URL (expected sqlite:// or postgres://): {0}")]
    BadUrl(String),
    /// Anything else from the database (connection lost, I/O, ...).
    #[error("database error")]
    Database(#[source] DbError),
    /// A migration failed.
    #[error("migration error")]
    Migrate(#[source] DbError),
    /// The caller's part of a transaction failed (for example sealing a
    /// secret); the transaction was rolled back.
    #[error("aborted by the caller: {0}")]
    Aborted(&'static str),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Database(DbError::new(e))
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migrate(DbError::new(e))
    }
}

/// Map a driver error, turning a unique violation into `Conflict(what)`.
pub(crate) fn conflict_or(what: Constraint) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| match e.as_database_error() {
        Some(d) if d.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::from(e),
    }
}

/// An error and its sources, `outer: inner: innermost`, for log lines
/// (errors here keep their detail in `source()`, not in their message).
pub fn report(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(inner) = next {
        out.push_str(": ");
        out.push_str(&inner.to_string());
        next = inner.source();
    }
    out
}
