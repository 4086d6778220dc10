//! SQL implementation of the store (SQLite and PostgreSQL through sqlx `Any`).

/// The SQL store: SQLite or PostgreSQL, chosen by the database URL.
pub struct SqlStore {}
