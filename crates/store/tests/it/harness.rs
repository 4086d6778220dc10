//! Fresh databases for the conformance suite: a temporary SQLite directory or
//! a freshly created PostgreSQL database, cleaned up after the test.

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use deadbolt_store::{Backend, SqlStore, StoreOptions};
use sqlx::Connection;

/// Default admin URL of the test PostgreSQL (override with `DEADBOLT_TEST_PG`).
const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn unique_suffix() -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    // Mix to keep it short but collision-free across processes.
    let mixed = (nanos as u64) ^ ((std::process::id() as u64) << 40) ^ seq.rotate_left(20);
    format!("{mixed:016x}{seq:x}")
}

/// The admin URL of the test PostgreSQL.
pub fn pg_admin_url() -> String {
    std::env::var("DEADBOLT_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_owned())
}

/// `base` with its database name replaced by `db` (query string kept).
fn with_database(base: &str, db: &str) -> String {
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

enum Cleanup {
    Dir(PathBuf),
    Pg { admin: String, name: String },
}

/// A migrated store on a fresh database.
pub struct TestDb {
    /// The store under test.
    pub store: SqlStore,
    cleanup: Cleanup,
}

impl TestDb {
    /// A fresh SQLite database in a new temporary directory.
    pub async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(format!("deadbolt-store-it-{}", unique_suffix()));
        let store = SqlStore::open_sqlite_dir(&dir)
            .await
            .expect("open sqlite dir");
        assert_eq!(store.backend(), Backend::Sqlite);
        TestDb {
            store,
            cleanup: Cleanup::Dir(dir),
        }
    }

    /// A fresh PostgreSQL database. An unreachable server fails the test.
    pub async fn postgres() -> TestDb {
        sqlx::any::install_default_drivers();
        let admin = pg_admin_url();
        let name = format!("deadbolt_t_{}", unique_suffix());
        let mut conn = sqlx::AnyConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| {
                panic!("PostgreSQL unreachable at {admin} (set DEADBOLT_TEST_PG): {e}")
            });
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create test database");
        conn.close().await.ok();
        let url = with_database(&admin, &name);
        let store = SqlStore::connect_and_migrate(&url, &StoreOptions::default())
            .await
            .expect("connect to test database");
        assert_eq!(store.backend(), Backend::Postgres);
        TestDb {
            store,
            cleanup: Cleanup::Pg { admin, name },
        }
    }

    /// Run `body` on this database, clean up, then re-raise a panic if any.
    pub async fn run<F, Fut>(self, body: F)
    where
        F: FnOnce(SqlStore) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let outcome = tokio::spawn(body(self.store.clone())).await;
        self.store.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Pg { admin, name } => {
                let mut conn = sqlx::AnyConnection::connect(&admin)
                    .await
                    .expect("reconnect to drop the test database");
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut conn)
                .await
                .expect("drop test database");
                conn.close().await.ok();
            }
        }
        if let Err(e) = outcome {
            if e.is_panic() {
                std::panic::resume_unwind(e.into_panic());
            }
            panic!("test task failed: {e}");
        }
    }
}

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
