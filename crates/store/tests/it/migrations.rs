//! Migrations (forward-only, a no-op when up to date, a newer schema
//! refused) and connecting without migrating.

use deadbolt_store::{Backend, DatabaseUrl, SqlStore, Stage, Store, StoreError, StoreOptions};

use crate::{T0, codes_left, new_user, remove_test_dir, session};

conformance! {
    migrate_twice_is_noop, sqlite_migrate_twice_is_noop, postgres_migrate_twice_is_noop;
    schema_too_new_is_refused, sqlite_schema_too_new_is_refused, postgres_schema_too_new_is_refused;
    migration_2_counts_codes_written_before_it, sqlite_migration_2_counts_codes_written_before_it, postgres_migration_2_counts_codes_written_before_it;
}

async fn migrate_twice_is_noop(store: &SqlStore) {
    let uid = new_user(store, "vera").await;
    store.migrate().await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(
        store.schema_version().await.unwrap(),
        Some(SqlStore::known_schema_version())
    );
    assert_eq!(
        store.user_by_id(uid).await.unwrap().unwrap().username,
        "vera"
    );
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
            .fetch_all(store.test_pool())
            .await
            .unwrap();
    assert_eq!(applied, SqlStore::known_schema_versions());
}

/// Migration 2 (`users.backup_codes_left`, kept by triggers) on a database
/// that version-1 nodes filled: the count starts right, and writes made the
/// way version 1 makes them (plain statements on `backup_codes`) keep it right.
async fn migration_2_counts_codes_written_before_it(store: &SqlStore) {
    // The users exist before the clock is turned back (this binary writes
    // version 3's user rows).
    let (a, b) = (new_user(store, "Ada").await, new_user(store, "Bob").await);
    let undo: &[&str] = match store.backend() {
        Backend::Sqlite => &[
            "ALTER TABLE users DROP COLUMN language",
            "DROP TABLE oidc_tokens",
            "DROP TABLE oidc_codes",
            "DROP TABLE oidc_grants",
            "DROP TABLE oidc_consents",
            "DROP TABLE oidc_keys",
            "DROP TABLE oidc_clients",
            "DROP TRIGGER users_oidc_subject_insert",
            "DROP INDEX users_oidc_subject",
            "ALTER TABLE users DROP COLUMN oidc_subject",
            "ALTER TABLE sessions DROP COLUMN amr",
            "DROP TABLE passkey_ceremonies",
            "DROP TABLE passkeys",
            "DROP TABLE enrolment_tokens",
            "DROP TABLE user_groups",
            "ALTER TABLE users DROP COLUMN disabled",
            "ALTER TABLE users DROP COLUMN group_list",
            "DROP TABLE outbox",
            "DROP TABLE email_tokens",
            "DROP INDEX users_email",
            "ALTER TABLE users DROP COLUMN email",
            "ALTER TABLE users DROP COLUMN notify_new_browser",
            "DROP TABLE key_checks",
            "DROP INDEX users_skeleton",
            "ALTER TABLE users DROP COLUMN username_skeleton",
            "ALTER TABLE sessions DROP COLUMN second_factor_at",
            "DROP TRIGGER backup_codes_left_insert",
            "DROP TRIGGER backup_codes_left_delete",
            "DROP TRIGGER backup_codes_left_update",
            "ALTER TABLE users DROP COLUMN backup_codes_left",
        ],
        Backend::Postgres => &[
            "ALTER TABLE users DROP COLUMN language",
            "DROP TABLE oidc_tokens",
            "DROP TABLE oidc_codes",
            "DROP TABLE oidc_grants",
            "DROP TABLE oidc_consents",
            "DROP TABLE oidc_keys",
            "DROP TABLE oidc_clients",
            "DROP INDEX users_oidc_subject",
            "ALTER TABLE users DROP COLUMN oidc_subject",
            "ALTER TABLE sessions DROP COLUMN amr",
            "DROP TABLE passkey_ceremonies",
            "DROP TABLE passkeys",
            "DROP TABLE enrolment_tokens",
            "DROP TABLE user_groups",
            "ALTER TABLE users DROP COLUMN disabled",
            "ALTER TABLE users DROP COLUMN group_list",
            "DROP TABLE outbox",
            "DROP TABLE email_tokens",
            "DROP INDEX users_email",
            "ALTER TABLE users DROP COLUMN email",
            "ALTER TABLE users DROP COLUMN notify_new_browser",
            "DROP TABLE key_checks",
            "DROP INDEX users_skeleton",
            "ALTER TABLE users DROP COLUMN username_skeleton",
            "ALTER TABLE sessions DROP COLUMN second_factor_at",
            "DROP TRIGGER backup_codes_left_sync ON backup_codes",
            "DROP FUNCTION backup_codes_left_sync()",
            "ALTER TABLE users DROP COLUMN backup_codes_left",
        ],
    };
    for sql in undo
        .iter()
        .chain(&["DELETE FROM _sqlx_migrations WHERE version >= 2"])
    {
        sqlx::raw_sql(sqlx::AssertSqlSafe(*sql))
            .execute(store.test_pool())
            .await
            .unwrap();
    }
    assert_eq!(store.schema_version().await.unwrap(), Some(1));
    // Version 1 at work: two users with codes, some spent, one set replaced.
    let codes = |seed: u8| -> Vec<Vec<u8>> { (0..10u8).map(|i| vec![seed, i]).collect() };
    store.replace_backup_codes(a, &codes(1), T0).await.unwrap();
    store.replace_backup_codes(b, &codes(2), T0).await.unwrap();
    store.replace_backup_codes(b, &codes(3), T0).await.unwrap();
    for i in 0..3 {
        assert!(store.spend_backup_code(a, &codes(1)[i], T0).await.unwrap());
    }
    store.migrate().await.unwrap();
    let left = |store: &SqlStore, uid: i64| {
        let store = store.clone();
        async move {
            let token = format!("t{uid}").into_bytes();
            let _ = store.delete_session(&token).await;
            store
                .create_session(&session(&token, uid, Stage::Full, T0))
                .await
                .unwrap();
            let v = store.session_view(&token).await.unwrap().unwrap();
            assert_eq!(
                v.backup_codes_remaining,
                codes_left(&store, uid).await,
                "session_view and backup_codes_remaining disagree"
            );
            v.backup_codes_remaining
        }
    };
    assert_eq!((left(store, a).await, left(store, b).await), (7, 10));
    // Afterwards, every kind of write moves the count.
    assert!(store.spend_backup_code(b, &codes(3)[0], T0).await.unwrap());
    assert!(!store.spend_backup_code(b, &codes(3)[0], T0).await.unwrap());
    assert_eq!(left(store, b).await, 9);
    store.replace_backup_codes(a, &codes(4), T0).await.unwrap();
    assert_eq!(left(store, a).await, 10);
    store.remove_two_factor(a).await.unwrap();
    assert_eq!(left(store, a).await, 0);
    sqlx::query("UPDATE backup_codes SET used_at = NULL WHERE user_id = $1")
        .bind(b)
        .execute(store.test_pool())
        .await
        .unwrap();
    assert_eq!(left(store, b).await, 10);
    // Deleting a user (cascading to its codes) does not trip the trigger.
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(b)
        .execute(store.test_pool())
        .await
        .unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM backup_codes WHERE user_id = $1")
        .bind(b)
        .fetch_one(store.test_pool())
        .await
        .unwrap();
    assert_eq!(rows, 0, "the user's codes went with it");
}

async fn schema_too_new_is_refused(store: &SqlStore) {
    store.check_schema().await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, 'from the future', TRUE, $2, 0)",
    )
    .bind(9999_i64)
    .bind(vec![0u8; 48])
    .execute(store.test_pool())
    .await
    .unwrap();
    match store.migrate().await {
        Err(StoreError::SchemaTooNew { found, known }) => {
            assert_eq!(found, 9999);
            assert_eq!(known, SqlStore::known_schema_version());
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    assert!(matches!(
        store.check_schema().await,
        Err(StoreError::SchemaTooNew { found: 9999, .. })
    ));
}

#[tokio::test]
async fn connect_does_not_migrate_and_rejects_bad_urls() {
    let dir = std::env::temp_dir().join(format!("deadbolt-store-it-nomig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // No `mode=` in the URL: the file is still created.
    let url = DatabaseUrl::new(format!("sqlite://{}/x.db", dir.display()));
    let store = SqlStore::connect(&url, &StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(store.backend(), Backend::Sqlite);
    assert!(dir.join("x.db").exists());
    assert_eq!(store.schema_version().await.unwrap(), None);
    store.ping().await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(
        store.schema_version().await.unwrap(),
        Some(SqlStore::known_schema_version())
    );
    store.close().await;
    remove_test_dir(&dir).await;

    for (good, backend) in [
        ("sqlite::memory:", Backend::Sqlite),
        ("SQLite://data/x.db", Backend::Sqlite),
        ("postgres://u@h/db", Backend::Postgres),
        ("postgresql://u@h/db", Backend::Postgres),
    ] {
        assert_eq!(
            Backend::of(&DatabaseUrl::new(good)).unwrap(),
            backend,
            "{good}"
        );
    }
    for bad in ["mysql://u@h/db", "http://x", "", "/tmp/file.db"] {
        assert!(
            matches!(
                Backend::of(&DatabaseUrl::new(bad)),
                Err(StoreError::BadUrl(_))
            ),
            "{bad:?} should be BadUrl"
        );
        assert!(
            matches!(
                SqlStore::connect(&DatabaseUrl::new(bad), &StoreOptions::default()).await,
                Err(StoreError::BadUrl(_))
            ),
            "{bad:?} should be BadUrl"
        );
    }
    // The password never appears in the error.
    let url = DatabaseUrl::new("mysql://user:hunter2@h/db");
    match SqlStore::connect(&url, &StoreOptions::default()).await {
        Err(e) => assert!(!e.to_string().contains("hunter2"), "{e}"),
        Ok(_) => panic!("mysql accepted"),
    }
}
