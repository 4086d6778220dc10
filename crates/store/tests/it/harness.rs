//! Fresh databases for the conformance suite: a temporary SQLite directory or
//! a freshly created PostgreSQL database (`deadbolt-testkit`), cleaned up
//! after the test.

use std::future::Future;
use std::path::PathBuf;

use deadbolt_store::{Backend, DatabaseUrl, SqlStore, StoreOptions};
use deadbolt_testkit::{PgDatabase, unique_suffix};

enum Cleanup {
    Dir(PathBuf),
    Pg(PgDatabase),
}

/// A migrated store on a fresh database.
pub struct TestDb {
    /// The store under test.
    pub store: SqlStore,
    /// Its URL (for a second store or a raw connection on the same database).
    pub url: DatabaseUrl,
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
            url: DatabaseUrl::sqlite_in_dir(&dir).expect("url"),
            cleanup: Cleanup::Dir(dir),
        }
    }

    /// A fresh PostgreSQL database. An unreachable server fails the test.
    pub async fn postgres() -> TestDb {
        let db = PgDatabase::create("t");
        let store = SqlStore::connect_and_migrate(db.url(), &StoreOptions::default())
            .await
            .expect("connect to test database");
        assert_eq!(store.backend(), Backend::Postgres);
        TestDb {
            store,
            url: db.url().clone(),
            cleanup: Cleanup::Pg(db),
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
            Cleanup::Pg(db) => drop(db),
        }
        if let Err(e) = outcome {
            if e.is_panic() {
                std::panic::resume_unwind(e.into_panic());
            }
            panic!("test task failed: {e}");
        }
    }
}
