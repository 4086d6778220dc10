//! Test support shared by Deadbolt's crates (a dev-dependency only).
//!
//! [`MailRecorder`] is a mail transport that keeps the letters it is given
//! (or fails the way a test says), for tests that drive the outbox worker
//! without an SMTP server; the end-to-end tests use a real one.
//!
//! [`PgDatabase`] is the one PostgreSQL harness: a freshly created database
//! per test on the server named by `DEADBOLT_TEST_PG` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`), dropped when the value
//! is dropped. It works from synchronous tests and from inside a tokio
//! runtime alike: its database calls run on a thread of their own.
//!
//! [`ftl`] reads the Fluent catalogues for the pages' and the letters' i18n tests.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod ftl;
mod mail;

pub use mail::{MailRecorder, link_token};

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use deadbolt_store::DatabaseUrl;
use sqlx::Connection;

/// Default admin URL of the test PostgreSQL (override with `DEADBOLT_TEST_PG`).
pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The admin URL of the test PostgreSQL.
pub fn pg_admin_url() -> String {
    std::env::var("DEADBOLT_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_owned())
}

/// A short suffix unique across processes and calls (for names of test
/// databases, directories, users).
pub fn unique_suffix() -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let mixed = (nanos as u64) ^ (u64::from(std::process::id()) << 40) ^ seq.rotate_left(20);
    format!("{mixed:016x}{seq:x}")
}

/// `base` with its database name replaced by `db` (query string kept).
pub fn with_database(base: &str, db: &str) -> String {
    let (head, query) = match base.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (base, None),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    let host_part = match head[scheme_end..].find('/') {
        Some(slash) => &head[..scheme_end + slash],
        None => head,
    };
    match query {
        Some(q) => format!("{host_part}/{db}?{q}"),
        None => format!("{host_part}/{db}"),
    }
}

/// Run `sql` on the admin database, on a thread and runtime of its own.
fn admin_sql(sql: String) -> Result<(), String> {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        rt.block_on(async {
            sqlx::any::install_default_drivers();
            let admin = pg_admin_url();
            let mut conn = sqlx::AnyConnection::connect(&admin).await.map_err(|e| {
                format!("PostgreSQL unreachable at {admin} (set DEADBOLT_TEST_PG): {e}")
            })?;
            let done = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string());
            let _ = conn.close().await;
            done
        })
    })
    .join()
    .unwrap_or_else(|_| Err("the admin thread panicked".into()))
}

/// A fresh, empty PostgreSQL database, dropped (with its connections) when
/// this value is dropped. An unreachable server fails the test.
#[derive(Debug)]
pub struct PgDatabase {
    name: String,
    url: DatabaseUrl,
}

impl PgDatabase {
    /// Create a database named `deadbolt_<prefix>_<unique>`.
    pub fn create(prefix: &str) -> PgDatabase {
        let name = format!("deadbolt_{prefix}_{}", unique_suffix());
        admin_sql(format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
        let url = DatabaseUrl::new(with_database(&pg_admin_url(), &name));
        PgDatabase { name, url }
    }

    /// Its URL.
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Drop it now, ending its connections (a lost database, for the tests
    /// of what a node does then). Dropping the value later is harmless.
    pub fn drop_now(&self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        admin_sql(sql).unwrap_or_else(|e| panic!("cannot drop {}: {e}", self.name));
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) = admin_sql(sql) {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn with_database_replaces_the_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
    }
}
