//! What only SQLite has: durable and strict pragmas, the database directory,
//! the background WAL checkpointer, this process's writer queue, group
//! commit of attempt-budget takes, in-memory databases, and the fast read
//! path of `session_view`.

use std::path::PathBuf;

use deadbolt_store::{Budget, DatabaseUrl, SqlStore, Stage, Store, StoreError, StoreOptions};
use deadbolt_testkit::unique_suffix;

use crate::concurrency::mixed_write_storm_never_errors;
use crate::harness::TestDb;
use crate::sessions::session_view_and_two_factor_status;
use crate::{T0, codes_left, new_user, remove_test_dir, seal_with_id, session, spec};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_pragmas_are_durable_and_strict() {
    TestDb::sqlite()
        .await
        .run(|store| async move {
            let mut conn = store.test_pool().acquire().await.unwrap();
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut *conn)
                .await
                .unwrap();
            assert_eq!(mode.to_lowercase(), "wal");
            let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut *conn)
                .await
                .unwrap();
            assert_eq!(sync, 2, "synchronous=FULL");
            let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut *conn)
                .await
                .unwrap();
            assert_eq!(fk, 1);
            let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
                .fetch_one(&mut *conn)
                .await
                .unwrap();
            assert!(busy >= 1000, "busy_timeout = {busy}");
            drop(conn);
            // Foreign keys are enforced: no device for a missing user.
            assert!(
                store
                    .put_pending_device(424242, T0, &seal_with_id)
                    .await
                    .is_err()
            );
        })
        .await;
}

/// `open_sqlite_dir` creates the directory and the database (the path may
/// hold characters a URL escapes), reopens it with its data, and the file
/// behind the URL is found again (the fast read path and the checkpointer
/// open it by path).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_open_dir_creates_and_reopens() {
    let dir = std::env::temp_dir().join(format!("deadbolt-store-it-open-{}", unique_suffix()));
    let nested = dir.join("a b%c?d#ü").join("data");
    let store = SqlStore::open_sqlite_dir(&nested).await.unwrap();
    assert!(nested.join("deadbolt.db").exists());
    let uid = new_user(&store, "xena").await;
    store.close().await;
    // Reopen: data is durable, migration is a no-op.
    let store = SqlStore::open_sqlite_dir(&nested).await.unwrap();
    assert_eq!(
        store.user_by_id(uid).await.unwrap().unwrap().username,
        "xena"
    );
    store
        .create_session(&session(b"xena-token", uid, Stage::Full, T0))
        .await
        .unwrap();
    let before = store.fast_session_reads();
    assert!(store.session_view(b"xena-token").await.unwrap().is_some());
    assert_eq!(
        store.fast_session_reads(),
        before + 1,
        "the fast read path opened the file"
    );
    store.close().await;
    // The same database by its URL; nothing else was created beside it.
    let url = DatabaseUrl::sqlite_in_dir(&nested).unwrap();
    let store = SqlStore::connect_and_migrate(&url, &StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(store.list_users().await.unwrap().len(), 1);
    store.close().await;
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["a b%c?d#ü"]);
    for f in std::fs::read_dir(&nested).unwrap() {
        let name = f.unwrap().file_name();
        assert!(
            name.to_string_lossy().starts_with("deadbolt.db"),
            "{name:?}"
        );
    }
    remove_test_dir(&dir).await;
}

/// An empty directory for one test's SQLite file, and that file's URL
/// (without a `mode`: the store adds `mode=rwc`).
fn fresh_sqlite_file(tag: &str) -> (PathBuf, DatabaseUrl) {
    let dir = std::env::temp_dir().join(format!("deadbolt-store-it-{tag}-{}", unique_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = DatabaseUrl::new(format!("sqlite://{}/deadbolt.db", dir.display()));
    (dir, url)
}

/// No request's commit pays for a WAL checkpoint: the pool's connections
/// never checkpoint on their own, and the background checkpointer copies
/// the log into the database file while writes go on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_checkpoints_run_in_the_background() {
    let (dir, url) = fresh_sqlite_file("ckpt");
    let opts = StoreOptions {
        checkpoint_every: std::time::Duration::from_millis(20),
        ..StoreOptions::default()
    };
    let store = SqlStore::connect_and_migrate(&url, &opts).await.unwrap();
    let auto: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
        .fetch_one(store.test_pool())
        .await
        .unwrap();
    assert_eq!(
        auto, 0,
        "pool connections must not checkpoint inside a commit"
    );
    let before = store.wal_checkpoints();
    for i in 0..50 {
        new_user(&store, &format!("ckpt{i}")).await;
    }
    // Polled, not slept for: the checkpointer runs every 20 ms.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while store.wal_checkpoints() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the background checkpointer never copied the log"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // A store opened with defaults checkpoints too (and on close nothing is lost).
    store.close().await;
    let store = SqlStore::connect_and_migrate(&url, &StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(store.list_users().await.unwrap().len(), 50);
    store.close().await;
    remove_test_dir(&dir).await;
}

/// This process's SQLite writers queue in order instead of polling in
/// SQLite's busy handler: with no busy wait at all (`busy_timeout = 0`), a
/// storm of concurrent writes of every kind still never sees `SQLITE_BUSY`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_writers_queue_instead_of_busy_waiting() {
    let (dir, url) = fresh_sqlite_file("queue");
    let opts = StoreOptions {
        sqlite_busy_timeout: std::time::Duration::ZERO,
        ..StoreOptions::default()
    };
    let store = SqlStore::connect_and_migrate(&url, &opts).await.unwrap();
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(store.test_pool())
        .await
        .unwrap();
    assert_eq!(busy, 0);
    mixed_write_storm_never_errors(&store).await;
    store.close().await;
    remove_test_dir(&dir).await;
}

/// On SQLite, attempt-budget takes that wait at the same time share one
/// commit (group commit), with the same answers as one take at a time: a
/// flood of login attempts costs one writer turn per batch, not per attempt.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_budget_takes_share_commits() {
    TestDb::sqlite()
        .await
        .run(|store| async move { budget_takes_share_commits(&store).await })
        .await;
}

async fn budget_takes_share_commits(store: &SqlStore) {
    const TAKES: usize = 300;
    let before = store.group_commits();
    let mut tasks = Vec::new();
    for i in 0..TAKES {
        let s = store.clone();
        // Three takes of each key with a burst of 2: the third is refused.
        tasks.push(tokio::spawn(async move {
            s.take_budget(spec(&format!("k{}", i % 100), 2, 60), T0)
                .await
        }));
    }
    let mut granted = 0;
    for t in tasks {
        match t.await.unwrap().expect("every take answered") {
            Budget::Granted => granted += 1,
            Budget::Exhausted { retry_after } => assert_eq!(retry_after, 60),
        }
    }
    assert_eq!(granted, 200, "exactly the burst of each key is granted");
    let commits = store.group_commits() - before;
    assert!(
        (1..=(TAKES / 3) as u64).contains(&commits),
        "{TAKES} concurrent takes should share commits, took {commits}"
    );
    // Takes whose callers went away do not strand the others.
    let mut tasks = Vec::new();
    for i in 0..100 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.take_budget(spec(&format!("gone{i}"), 1, 60), T0).await
        }));
    }
    for t in tasks.iter().step_by(2) {
        t.abort();
    }
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await {
            Ok(answer) => assert_eq!(answer.unwrap(), Budget::Granted),
            Err(e) => assert!(e.is_cancelled() && i % 2 == 0, "{e}"),
        }
    }
    assert_eq!(
        store.take_budget(spec("after", 1, 60), T0).await.unwrap(),
        Budget::Granted
    );
}

/// An error and its sources, `outer: inner: innermost`.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(inner) = next {
        out.push_str(": ");
        out.push_str(&inner.to_string());
        next = inner.source();
    }
    out
}

/// A batch that cannot commit fails each of its takes with an error (none
/// is granted) and leaves the queue working for the next take.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_failed_budget_batch_is_an_error_for_each_take() {
    let (dir, url) = fresh_sqlite_file("batchfail");
    let store = SqlStore::connect_and_migrate(&url, &StoreOptions::default())
        .await
        .unwrap();
    store.close().await;
    let ro = DatabaseUrl::new(format!("{}?mode=ro", url.expose()));
    let ro = SqlStore::connect(&ro, &StoreOptions::default())
        .await
        .unwrap();
    for _ in 0..2 {
        let mut tasks = Vec::new();
        for i in 0..20 {
            let s = ro.clone();
            tasks.push(tokio::spawn(async move {
                s.take_budget(spec(&format!("ro{i}"), 1, 60), T0).await
            }));
        }
        for t in tasks {
            let err = t.await.unwrap().expect_err("a read-only database refuses");
            let text = chain(&err);
            assert!(matches!(err, StoreError::Database(_)), "{text}");
            assert!(text.contains("group commit failed"), "{text}");
        }
    }
    assert_eq!(ro.group_commits(), 0);
    ro.close().await;
    remove_test_dir(&dir).await;
}

#[tokio::test]
async fn sqlite_in_memory_works() {
    let store = SqlStore::connect_and_migrate(
        &DatabaseUrl::new("sqlite::memory:"),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    let uid = new_user(&store, "yuri").await;
    assert!(store.user_by_id(uid).await.unwrap().is_some());
    // No file, so no fast path: `session_view` takes the pooled path, which
    // must answer exactly like the fast path the file tests take.
    session_view_and_two_factor_status(&store).await;
    assert_eq!(store.fast_session_reads(), 0);
}

/// On an SQLite file, `session_view` is answered on the calling thread
/// (rusqlite, `fastread.rs`) and sees every commit made before it, from any
/// connection of the pool.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_fast_session_reads_see_every_commit() {
    TestDb::sqlite()
        .await
        .run(|store| async move {
            let before = store.fast_session_reads();
            session_view_and_two_factor_status(&store).await;
            assert!(store.fast_session_reads() >= before + 6);
            // Read-your-writes across connections, many times over.
            let uid = new_user(&store, "zed").await;
            for i in 0..200u32 {
                let token = i.to_be_bytes();
                assert!(store.session_view(&token).await.unwrap().is_none());
                store
                    .create_session(&session(&token, uid, Stage::Pending, T0))
                    .await
                    .unwrap();
                let v = store.session_view(&token).await.unwrap().expect("visible");
                assert_eq!(v.stage, Stage::Pending);
                assert!(store.delete_session(&token).await.unwrap());
                assert!(store.session_view(&token).await.unwrap().is_none());
            }
        })
        .await;
}

/// A view read again before any commit comes from the cache
/// (`sqlite/viewcache.rs`); every commit, from this store or from another
/// one on the same file (as `deadbolt user ...` in another process), is
/// seen by the very next read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_remembered_session_views_never_outlive_a_commit() {
    let db = TestDb::sqlite().await;
    let url = db.url.clone();
    db.run(|store| async move {
        let uid = new_user(&store, "cora").await;
        store
            .create_session(&session(b"cora-1", uid, Stage::Full, T0))
            .await
            .unwrap();
        let first = store.session_view(b"cora-1").await.unwrap().unwrap();
        let hits = store.remembered_session_reads();
        for _ in 0..5 {
            assert_eq!(store.session_view(b"cora-1").await.unwrap().unwrap(), first);
        }
        assert_eq!(
            store.remembered_session_reads(),
            hits + 5,
            "read again: remembered"
        );

        // A commit by this store: the next read sees it.
        assert!(
            store
                .add_user_group(uid, "ops", "operator", T0)
                .await
                .unwrap()
        );
        assert_eq!(
            store.session_view(b"cora-1").await.unwrap().unwrap().groups,
            ["ops"]
        );

        // Commits by another store on the same file (its own connections).
        let other = SqlStore::connect_and_migrate(&url, &StoreOptions::default())
            .await
            .unwrap();
        store.session_view(b"cora-1").await.unwrap().unwrap();
        store.session_view(b"cora-1").await.unwrap().unwrap();
        other.touch_session(b"cora-1", T0 + 90).await.unwrap();
        assert_eq!(
            store
                .session_view(b"cora-1")
                .await
                .unwrap()
                .unwrap()
                .last_seen,
            T0 + 90
        );
        assert!(
            other
                .set_user_disabled(uid, true, "operator", T0 + 91)
                .await
                .unwrap()
        );
        assert!(
            store.session_view(b"cora-1").await.unwrap().is_none(),
            "ended elsewhere"
        );
        assert!(
            other
                .set_user_disabled(uid, false, "operator", T0 + 92)
                .await
                .unwrap()
        );
        other
            .create_session(&session(b"cora-2", uid, Stage::Pending, T0))
            .await
            .unwrap();
        assert_eq!(
            store.session_view(b"cora-2").await.unwrap().unwrap().stage,
            Stage::Pending
        );
        assert!(other.delete_session(b"cora-2").await.unwrap());
        assert!(store.session_view(b"cora-2").await.unwrap().is_none());
        other.close().await;

        // Many sessions, each read twice between commits: never a wrong answer.
        for i in 0..100u32 {
            let token = i.to_be_bytes();
            assert!(store.session_view(&token).await.unwrap().is_none());
            store
                .create_session(&session(&token, uid, Stage::Full, T0))
                .await
                .unwrap();
            for _ in 0..2 {
                assert!(store.session_view(&token).await.unwrap().is_some());
            }
            assert!(store.delete_session(&token).await.unwrap());
            assert!(store.session_view(&token).await.unwrap().is_none());
        }
    })
    .await;
}

/// Measures SQLite's single-writer headroom: 2000 concurrent autocommit
/// writes and 200 concurrent write transactions through the default pool
/// must all succeed well inside the busy timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_write_contention_headroom() {
    TestDb::sqlite()
        .await
        .run(|store| async move {
            let uid = new_user(&store, "zed").await;
            let started = std::time::Instant::now();
            let mut tasks = Vec::new();
            for i in 0..2000i64 {
                let s = store.clone();
                tasks.push(tokio::spawn(async move {
                    s.take_budget(spec(&format!("k{}", i % 50), 1000, 1), T0)
                        .await
                        .map(drop)
                }));
            }
            for i in 0..200i64 {
                let s = store.clone();
                tasks.push(tokio::spawn(async move {
                    s.replace_backup_codes(uid, &[vec![i as u8; 4]], T0).await
                }));
            }
            for t in tasks {
                t.await.unwrap().expect("no SQLITE_BUSY");
            }
            let took = started.elapsed();
            eprintln!("2200 concurrent writes took {took:?}");
            assert!(took < std::time::Duration::from_secs(30));
            assert_eq!(codes_left(&store, uid).await, 1);
        })
        .await;
}

/// `backup_to` copies a live database into a new private file that opens
/// as a store with the same data; it never overwrites.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_is_a_consistent_private_copy() {
    let db = TestDb::sqlite().await;
    let store = db.store.clone();
    let uid = new_user(&store, "bex").await;
    store
        .create_session(&session(b"bk", uid, Stage::Full, T0))
        .await
        .unwrap();
    let dir = std::env::temp_dir().join(format!("deadbolt-backup-{}", unique_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let to = dir.join("copy.db");
    store.backup_to(&to).await.unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&to).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(matches!(
        store.backup_to(&to).await,
        Err(StoreError::Database(_))
    ));
    let copy = SqlStore::connect_and_migrate(
        &DatabaseUrl::new(format!("sqlite://{}", to.display())),
        &StoreOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(copy.user_by_id(uid).await.unwrap().unwrap().username, "bex");
    assert!(copy.session(b"bk").await.unwrap().is_some());
    copy.close().await;
    db.run(|_| async {}).await;
    remove_test_dir(&dir).await;
}
