//! Conformance suite of the store, run against SQLite (always) and
//! PostgreSQL (`--include-ignored`; needs PostgreSQL on 127.0.0.1:5432 or
//! `DEADBOLT_TEST_PG`). Each test is written once against `&SqlStore` and
//! instantiated per backend by `conformance!` as `sqlite_<name>` and
//! `postgres_<name>`, in the module of what it tests. Tests of what only
//! SQLite has (writer queue, checkpointer, fast read path, group commit,
//! in-memory databases) are in `sqlite`.

mod harness;

/// `conformance! { test_fn, sqlite_name, postgres_name; ... }` instantiates
/// each `async fn test_fn(&SqlStore)` on a fresh SQLite and a fresh
/// PostgreSQL database (the latter `#[ignore]`d: `--include-ignored` runs it).
macro_rules! conformance {
    ($($body:ident, $sqlite:ident, $postgres:ident;)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $sqlite() {
                crate::harness::TestDb::sqlite()
                    .await
                    .run(|store| async move { $body(&store).await })
                    .await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            #[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
            async fn $postgres() {
                crate::harness::TestDb::postgres()
                    .await
                    .run(|store| async move { $body(&store).await })
                    .await;
            }
        )*
    };
}

mod access;
mod backup_codes;
mod budgets;
mod concurrency;
mod devices;
mod events;
mod group_commit;
mod login;
mod mail;
mod migrations;
mod oidc;
mod passkeys;
mod passkeys_sealed;
mod sessions;
mod sqlite;
mod users;

use deadbolt_store::{BudgetSpec, NewUser, PasswordHash, SessionRecord, SqlStore, Stage, Store};

/// "Now" in every test, unix seconds.
const T0: i64 = 1_700_000_000;

/// A password hash (the store keeps it as opaque text).
fn hash(phc: &str) -> PasswordHash {
    PasswordHash::new(phc.to_owned())
}

/// A user row whose skeleton is its key (the auth layer computes real ones).
fn user_row<'a>(name: &'a str, key: &'a str, hash: &'a PasswordHash) -> NewUser<'a> {
    NewUser {
        username: name,
        username_key: key,
        username_skeleton: key,
        password_hash: hash,
        language: None,
    }
}

/// A user created at `T0`, keyed by the lower-cased `name`; returns its id.
async fn new_user(store: &SqlStore, name: &str) -> i64 {
    store
        .create_user(
            &user_row(name, &name.to_lowercase(), &hash("$argon2id$fake")),
            T0,
        )
        .await
        .expect("create user")
        .id
}

/// The "sealed secret" [`seal_with_id`] makes for device `id`.
fn sealed_for(id: i64) -> Vec<u8> {
    let mut v = b"sealed:".to_vec();
    v.extend_from_slice(&id.to_be_bytes());
    v
}

/// A sealing function for `put_pending_device` that never fails and shows
/// which device id it was given.
fn seal_with_id(id: i64) -> Option<Vec<u8>> {
    Some(sealed_for(id))
}

/// A user with a confirmed device (last_step = `step`); returns (user, device).
async fn user_with_device(store: &SqlStore, name: &str, step: i64) -> (i64, i64) {
    let uid = new_user(store, name).await;
    let dev = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .expect("pending device");
    assert!(store.confirm_device(uid, dev.id, step).await.unwrap());
    (uid, dev.id)
}

/// A session of `user_id` created at `T0`, expiring a day later.
fn session(token: &[u8], user_id: i64, stage: Stage, last_seen: i64) -> SessionRecord {
    SessionRecord {
        token_hash: token.to_vec(),
        user_id,
        stage,
        created_at: T0,
        last_seen,
        expires_at: T0 + 86_400,
        user_agent: "Mozilla/5.0 test".into(),
        ip: "192.0.2.1".into(),
        second_factor_at: None,
        amr: "pwd".into(),
    }
}

/// The user's unspent backup codes counted row by row, as a check on the
/// count that triggers keep in `users.backup_codes_left` (which
/// `backup_codes_remaining` and `session_view` read).
async fn unspent_code_rows(store: &SqlStore, user_id: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM backup_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .fetch_one(store.test_pool())
        .await
        .unwrap()
}

/// `backup_codes_remaining`, checked against [`unspent_code_rows`].
async fn codes_left(store: &SqlStore, user_id: i64) -> i64 {
    let kept = store.backup_codes_remaining(user_id).await.unwrap();
    assert_eq!(
        kept,
        unspent_code_rows(store, user_id).await,
        "the kept count and the rows disagree"
    );
    kept
}

/// The budget `key`: a burst of `burst` attempts, then one every `interval` seconds.
fn spec(key: &str, burst: i64, interval: i64) -> BudgetSpec<'_> {
    BudgetSpec {
        key,
        burst,
        interval,
    }
}

/// Remove a test's own directory after its stores are closed. A closed
/// store's checkpointer may still be closing its connection (SQLite then
/// deletes the `-wal` and `-shm` files under `remove_dir_all`'s feet), so
/// retry for a moment; a leftover in the temporary directory fails nothing
/// (as in `harness`).
async fn remove_test_dir(dir: &std::path::Path) {
    for _ in 0..50 {
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            _ => return,
        }
    }
}
