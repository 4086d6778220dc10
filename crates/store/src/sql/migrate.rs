//! Forward-only migrations, one folder per backend, and the refusal of a
//! database that a newer Deadbolt migrated.

use std::borrow::Cow;

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use super::SqlStore;
use crate::{Backend, Result, StoreError};

/// Every migration, oldest first: (version, description, SQLite, PostgreSQL).
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../../migrations/sqlite/0001_init.sql"),
        include_str!("../../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "backup codes left",
        include_str!("../../migrations/sqlite/0002_backup_codes_left.sql"),
        include_str!("../../migrations/postgres/0002_backup_codes_left.sql"),
    ),
    (
        3,
        "step-up window and username skeletons",
        include_str!("../../migrations/sqlite/0003_step_up_and_skeletons.sql"),
        include_str!("../../migrations/postgres/0003_step_up_and_skeletons.sql"),
    ),
    (
        4,
        "key checks",
        include_str!("../../migrations/sqlite/0004_key_checks.sql"),
        include_str!("../../migrations/postgres/0004_key_checks.sql"),
    ),
    (
        7,
        "email",
        include_str!("../../migrations/sqlite/0007_email.sql"),
        include_str!("../../migrations/postgres/0007_email.sql"),
    ),
    (
        8,
        "forward-auth: groups, disabled users, enrolment links",
        include_str!("../../migrations/sqlite/0008_forward_auth.sql"),
        include_str!("../../migrations/postgres/0008_forward_auth.sql"),
    ),
    (
        9,
        "passkeys",
        include_str!("../../migrations/sqlite/0009_passkeys.sql"),
        include_str!("../../migrations/postgres/0009_passkeys.sql"),
    ),
    (
        10,
        "OpenID Connect provider, sessions.amr",
        include_str!("../../migrations/sqlite/0010_oidc.sql"),
        include_str!("../../migrations/postgres/0010_oidc.sql"),
    ),
    (
        11,
        "users.language: the language of a user's letters",
        include_str!("../../migrations/sqlite/0011_user_language.sql"),
        include_str!("../../migrations/postgres/0011_user_language.sql"),
    ),
];

/// The newest migration version this binary carries.
pub(super) const KNOWN_SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

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

impl SqlStore {
    /// Every migration version this binary carries, oldest first.
    pub fn known_schema_versions() -> Vec<i64> {
        MIGRATIONS.iter().map(|m| m.0).collect()
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
}
