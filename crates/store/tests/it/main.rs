//! Conformance suite of the store, run against SQLite (always) and
//! PostgreSQL (`--include-ignored`; needs PostgreSQL on 127.0.0.1:5432 or
//! `DEADBOLT_TEST_PG`). Each test is written once against `&SqlStore` and
//! instantiated per backend by `conformance!`.

mod harness;

use std::sync::Arc;

use deadbolt_store::{
    Backend, Budget, NewEvent, Proof, SecondFactorStep, SessionRecord, SqlStore, Stage,
    StepOutcome, Store, StoreError, StoreOptions,
};
use harness::TestDb;

/// `conformance!(test_fn, sqlite_name, postgres_name);` instantiates
/// `test_fn(&SqlStore)` on a fresh SQLite and a fresh PostgreSQL database.
macro_rules! conformance {
    ($($body:ident, $sqlite:ident, $postgres:ident;)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $sqlite() {
                TestDb::sqlite()
                    .await
                    .run(|store| async move { $body(&store).await })
                    .await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            #[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
            async fn $postgres() {
                TestDb::postgres()
                    .await
                    .run(|store| async move { $body(&store).await })
                    .await;
            }
        )*
    };
}

conformance! {
    ping, sqlite_ping, postgres_ping;
    users, sqlite_users, postgres_users;
    device_confirm_replaces_old, sqlite_device_confirm_replaces_old, postgres_device_confirm_replaces_old;
    pending_setup_keeps_confirmed_device, sqlite_pending_setup_keeps_confirmed_device, postgres_pending_setup_keeps_confirmed_device;
    confirm_device_refuses_stale_or_foreign, sqlite_confirm_device_refuses_stale_or_foreign, postgres_confirm_device_refuses_stale_or_foreign;
    accept_step_replay_guard, sqlite_accept_step_replay_guard, postgres_accept_step_replay_guard;
    accept_step_concurrent_single_winner, sqlite_accept_step_concurrent_single_winner, postgres_accept_step_concurrent_single_winner;
    backup_codes, sqlite_backup_codes, postgres_backup_codes;
    backup_code_concurrent_single_spend, sqlite_backup_code_concurrent_single_spend, postgres_backup_code_concurrent_single_spend;
    regenerate_invalidates_old_codes, sqlite_regenerate_invalidates_old_codes, postgres_regenerate_invalidates_old_codes;
    remove_two_factor, sqlite_remove_two_factor, postgres_remove_two_factor;
    reseal_devices, sqlite_reseal_devices, postgres_reseal_devices;
    sessions, sqlite_sessions, postgres_sessions;
    session_token_conflict, sqlite_session_token_conflict, postgres_session_token_conflict;
    open_session_is_one_commit, sqlite_open_session_is_one_commit, postgres_open_session_is_one_commit;
    pass_second_factor_is_one_commit, sqlite_pass_second_factor_is_one_commit, postgres_pass_second_factor_is_one_commit;
    pass_second_factor_concurrent_single_winner, sqlite_pass_second_factor_concurrent_single_winner, postgres_pass_second_factor_concurrent_single_winner;
    events_newest_first, sqlite_events_newest_first, postgres_events_newest_first;
    budget_burst_then_refusal, sqlite_budget_burst_then_refusal, postgres_budget_burst_then_refusal;
    budget_concurrent_never_overdrawn, sqlite_budget_concurrent_never_overdrawn, postgres_budget_concurrent_never_overdrawn;
    budgets_are_independent, sqlite_budgets_are_independent, postgres_budgets_are_independent;
    migrate_twice_is_noop, sqlite_migrate_twice_is_noop, postgres_migrate_twice_is_noop;
    schema_too_new_is_refused, sqlite_schema_too_new_is_refused, postgres_schema_too_new_is_refused;
    bytes_roundtrip_exactly, sqlite_bytes_roundtrip_exactly, postgres_bytes_roundtrip_exactly;
    put_pending_device_concurrent, sqlite_put_pending_device_concurrent, postgres_put_pending_device_concurrent;
    confirm_device_concurrent_single_winner, sqlite_confirm_device_concurrent_single_winner, postgres_confirm_device_concurrent_single_winner;
    mixed_write_storm_never_errors, sqlite_mixed_write_storm_never_errors, postgres_mixed_write_storm_never_errors;
    purge_budgets, sqlite_purge_budgets, postgres_purge_budgets;
    session_view_and_two_factor_status, sqlite_session_view_and_two_factor_status, postgres_session_view_and_two_factor_status;
    migration_2_counts_codes_written_before_it, sqlite_migration_2_counts_codes_written_before_it, postgres_migration_2_counts_codes_written_before_it;
}

const T0: i64 = 1_700_000_000;

async fn new_user(store: &SqlStore, name: &str) -> i64 {
    store
        .create_user(name, &name.to_lowercase(), "$argon2id$fake", T0)
        .await
        .expect("create user")
        .id
}

fn seal_with_id(id: i64) -> Vec<u8> {
    let mut v = b"sealed:".to_vec();
    v.extend_from_slice(&id.to_be_bytes());
    v
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
    }
}

// ---------------------------------------------------------------------------

async fn ping(store: &SqlStore) {
    store.ping().await.unwrap();
}

async fn users(store: &SqlStore) {
    let alice = store
        .create_user("Alice", "alice", "hash-a", T0)
        .await
        .unwrap();
    assert!(alice.id > 0);
    assert_eq!(alice.username, "Alice");

    // Same folded key, different display: refused as a username conflict.
    match store.create_user("ALICE", "alice", "hash-b", T0 + 1).await {
        Err(StoreError::Conflict("username")) => {}
        other => panic!("expected Conflict(\"username\"), got {other:?}"),
    }

    let by_key = store.user_by_key("alice").await.unwrap().unwrap();
    assert_eq!(by_key.id, alice.id);
    assert_eq!(by_key.username, "Alice");
    assert_eq!(by_key.username_key, "alice");
    assert_eq!(by_key.password_hash, "hash-a");
    assert_eq!(by_key.created_at, T0);
    assert!(store.user_by_key("ALICE").await.unwrap().is_none());
    assert!(store.user_by_key("bob").await.unwrap().is_none());

    let by_id = store.user_by_id(alice.id).await.unwrap().unwrap();
    assert_eq!(by_id.username_key, "alice");
    assert!(store.user_by_id(alice.id + 1000).await.unwrap().is_none());

    store.set_password_hash(alice.id, "hash-new").await.unwrap();
    let after = store.user_by_id(alice.id).await.unwrap().unwrap();
    assert_eq!(after.password_hash, "hash-new");

    let bob = store
        .create_user("Bob", "bob", "hash-b", T0 + 5)
        .await
        .unwrap();
    assert_ne!(bob.id, alice.id);
    let list = store.list_users().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].username, "Alice");
    assert_eq!(list[1].username, "Bob");
    assert!(!list[0].two_factor_enabled);
    assert_eq!(list[0].backup_codes_remaining, 0);
    assert_eq!(list[1].created_at, T0 + 5);

    // 2FA state shows in the list.
    let dev = store
        .put_pending_device(bob.id, T0, &seal_with_id)
        .await
        .unwrap();
    let list = store.list_users().await.unwrap();
    assert!(!list[1].two_factor_enabled, "a pending device is not 2FA");
    assert!(store.confirm_device(bob.id, dev.id, 10).await.unwrap());
    store
        .replace_backup_codes(bob.id, &[vec![1], vec![2], vec![3]], T0)
        .await
        .unwrap();
    let list = store.list_users().await.unwrap();
    assert!(list[1].two_factor_enabled);
    assert_eq!(list[1].backup_codes_remaining, 3);
    assert!(!list[0].two_factor_enabled);
}

async fn device_confirm_replaces_old(store: &SqlStore) {
    let uid = new_user(store, "carol").await;
    assert!(store.confirmed_device(uid).await.unwrap().is_none());
    assert!(store.pending_device(uid).await.unwrap().is_none());

    let a = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    assert!(!a.confirmed);
    assert_eq!(
        a.sealed_secret,
        seal_with_id(a.id),
        "seal(id) got the row id"
    );
    let pending = store.pending_device(uid).await.unwrap().unwrap();
    assert_eq!(pending.id, a.id);
    assert_eq!(pending.sealed_secret, seal_with_id(a.id));
    assert_eq!(pending.last_step, None);
    assert!(store.confirmed_device(uid).await.unwrap().is_none());

    assert!(store.confirm_device(uid, a.id, 1000).await.unwrap());
    let conf = store.confirmed_device(uid).await.unwrap().unwrap();
    assert_eq!(conf.id, a.id);
    assert!(conf.confirmed);
    assert_eq!(conf.last_step, Some(1000));
    assert!(store.pending_device(uid).await.unwrap().is_none());

    // A second setup: confirmed device untouched until B confirms.
    let b = store
        .put_pending_device(uid, T0 + 60, &seal_with_id)
        .await
        .unwrap();
    assert_ne!(b.id, a.id);
    assert_eq!(store.confirmed_device(uid).await.unwrap().unwrap().id, a.id);
    assert!(store.confirm_device(uid, b.id, 1002).await.unwrap());
    let conf = store.confirmed_device(uid).await.unwrap().unwrap();
    assert_eq!(conf.id, b.id);
    assert_eq!(conf.last_step, Some(1002));
    assert!(store.pending_device(uid).await.unwrap().is_none());
    let all: Vec<_> = store
        .all_devices()
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.user_id == uid)
        .collect();
    assert_eq!(all.len(), 1, "only one device linked at a time");
    // The replaced device no longer accepts codes.
    assert!(!store.accept_step(a.id, 5000).await.unwrap());
    assert!(store.accept_step(b.id, 1003).await.unwrap());
}

async fn pending_setup_keeps_confirmed_device(store: &SqlStore) {
    let (uid, a) = user_with_device(store, "dave", 100).await;
    let p1 = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    // Restarting the setup replaces the pending device, not the confirmed one.
    let p2 = store
        .put_pending_device(uid, T0 + 1, &seal_with_id)
        .await
        .unwrap();
    assert_ne!(p1.id, p2.id);
    assert_eq!(store.pending_device(uid).await.unwrap().unwrap().id, p2.id);
    assert_eq!(store.confirmed_device(uid).await.unwrap().unwrap().id, a);
    // The confirmed device still works; the pending one does not accept codes.
    assert!(store.accept_step(a, 101).await.unwrap());
    assert!(!store.accept_step(p2.id, 101).await.unwrap());
    // The older pending device can no longer be confirmed.
    assert!(!store.confirm_device(uid, p1.id, 102).await.unwrap());
    assert_eq!(store.confirmed_device(uid).await.unwrap().unwrap().id, a);
    let mine: Vec<_> = store
        .all_devices()
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.user_id == uid)
        .collect();
    assert_eq!(mine.len(), 2, "one confirmed + one pending");
}

async fn confirm_device_refuses_stale_or_foreign(store: &SqlStore) {
    let (uid, a) = user_with_device(store, "erin", 100).await;
    let other = new_user(store, "frank").await;
    let p = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    // Another user cannot confirm erin's pending device.
    assert!(!store.confirm_device(other, p.id, 200).await.unwrap());
    // A confirmed device is not pending.
    assert!(!store.confirm_device(uid, a, 200).await.unwrap());
    // Unknown device.
    assert!(!store.confirm_device(uid, p.id + 999, 200).await.unwrap());
    // Nothing changed.
    assert_eq!(store.confirmed_device(uid).await.unwrap().unwrap().id, a);
    assert_eq!(
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step,
        Some(100)
    );
    assert_eq!(store.pending_device(uid).await.unwrap().unwrap().id, p.id);
    assert!(store.confirmed_device(other).await.unwrap().is_none());
    // Confirming twice: second refused.
    assert!(store.confirm_device(uid, p.id, 201).await.unwrap());
    assert!(!store.confirm_device(uid, p.id, 202).await.unwrap());
    assert_eq!(
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step,
        Some(201)
    );
}

async fn accept_step_replay_guard(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "gina", 1000).await;
    // The confirming step itself is used up.
    assert!(!store.accept_step(dev, 1000).await.unwrap(), "same step");
    assert!(!store.accept_step(dev, 999).await.unwrap(), "older step");
    assert!(store.accept_step(dev, 1001).await.unwrap(), "newer step");
    assert!(!store.accept_step(dev, 1001).await.unwrap(), "replay");
    assert!(!store.accept_step(dev, 1000).await.unwrap(), "older again");
    assert!(
        store.accept_step(dev, 20_000_000_000 / 30).await.unwrap(),
        "far future step fits i64"
    );
    assert_eq!(
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step,
        Some(20_000_000_000 / 30)
    );
    // Unknown device.
    assert!(!store.accept_step(dev + 999, 5).await.unwrap());
}

async fn accept_step_concurrent_single_winner(store: &SqlStore) {
    let (_uid, dev) = user_with_device(store, "hank", 1000).await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move { s.accept_step(dev, 1001).await }));
    }
    let mut wins = 0;
    for t in tasks {
        if t.await.unwrap().expect("no error under concurrency") {
            wins += 1;
        }
    }
    assert_eq!(wins, 1, "exactly one concurrent accept_step wins");
}

async fn backup_codes(store: &SqlStore) {
    let uid = new_user(store, "ivy").await;
    let other = new_user(store, "jack").await;
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 0);
    let codes: Vec<Vec<u8>> = (0u8..10).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 10);

    assert!(
        store
            .spend_backup_code(uid, &codes[3], T0 + 1)
            .await
            .unwrap()
    );
    assert!(
        !store
            .spend_backup_code(uid, &codes[3], T0 + 2)
            .await
            .unwrap(),
        "spent twice"
    );
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 9);
    assert!(
        !store.spend_backup_code(uid, &[0xAA; 32], T0).await.unwrap(),
        "unknown code"
    );
    assert!(
        !store.spend_backup_code(other, &codes[4], T0).await.unwrap(),
        "another user's code"
    );
    assert!(
        !store
            .spend_backup_code(uid, &codes[4][..31], T0)
            .await
            .unwrap(),
        "prefix"
    );
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 9);
    for c in &codes {
        store.spend_backup_code(uid, c, T0 + 3).await.unwrap();
    }
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 0);
    // An empty set is allowed.
    store.replace_backup_codes(uid, &[], T0).await.unwrap();
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 0);
}

async fn backup_code_concurrent_single_spend(store: &SqlStore) {
    let uid = new_user(store, "kate").await;
    let codes: Vec<Vec<u8>> = (0u8..10).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    let code = Arc::new(codes[7].clone());
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let s = store.clone();
        let c = Arc::clone(&code);
        tasks.push(tokio::spawn(async move {
            s.spend_backup_code(uid, &c, T0 + 1).await
        }));
    }
    let mut spent = 0;
    for t in tasks {
        if t.await.unwrap().expect("no error under concurrency") {
            spent += 1;
        }
    }
    assert_eq!(spent, 1, "exactly one concurrent spend succeeds");
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 9);
}

async fn regenerate_invalidates_old_codes(store: &SqlStore) {
    let uid = new_user(store, "liam").await;
    let old: Vec<Vec<u8>> = (0u8..10).map(|i| vec![i; 32]).collect();
    let new: Vec<Vec<u8>> = (100u8..110).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &old, T0).await.unwrap();
    assert!(store.spend_backup_code(uid, &old[0], T0).await.unwrap());
    store
        .replace_backup_codes(uid, &new, T0 + 10)
        .await
        .unwrap();
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 10);
    for c in &old {
        assert!(
            !store.spend_backup_code(uid, c, T0 + 11).await.unwrap(),
            "old code still works"
        );
    }
    assert!(
        store
            .spend_backup_code(uid, &new[5], T0 + 12)
            .await
            .unwrap()
    );

    // Concurrent regenerations never leave two sets alive.
    let mut tasks = Vec::new();
    for round in 0u8..8 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let set: Vec<Vec<u8>> = (0u8..10).map(|i| vec![round, i, 7, 7]).collect();
            s.replace_backup_codes(uid, &set, T0 + 20).await
        }));
    }
    for t in tasks {
        t.await.unwrap().expect("no error under concurrency");
    }
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 10);
}

async fn remove_two_factor(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "mia", 10).await;
    let (other, other_dev) = user_with_device(store, "ned", 10).await;
    store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    store
        .replace_backup_codes(uid, &[vec![1; 8], vec![2; 8]], T0)
        .await
        .unwrap();
    store
        .replace_backup_codes(other, &[vec![1; 8]], T0)
        .await
        .unwrap();
    store.remove_two_factor(uid).await.unwrap();
    assert!(store.confirmed_device(uid).await.unwrap().is_none());
    assert!(store.pending_device(uid).await.unwrap().is_none());
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 0);
    assert!(!store.accept_step(dev, 11).await.unwrap());
    assert!(!store.spend_backup_code(uid, &[1; 8], T0).await.unwrap());
    // The other user is untouched.
    assert_eq!(
        store.confirmed_device(other).await.unwrap().unwrap().id,
        other_dev
    );
    assert_eq!(store.backup_codes_remaining(other).await.unwrap(), 1);
    // Removing again is fine.
    store.remove_two_factor(uid).await.unwrap();
    let list = store.list_users().await.unwrap();
    let mia = list.iter().find(|u| u.id == uid).unwrap();
    assert!(!mia.two_factor_enabled);
    assert_eq!(mia.backup_codes_remaining, 0);
}

async fn reseal_devices(store: &SqlStore) {
    let (u1, d1) = user_with_device(store, "olga", 10).await;
    let (_u2, d2) = user_with_device(store, "pete", 10).await;
    let p = store
        .put_pending_device(u1, T0, &seal_with_id)
        .await
        .unwrap();
    let all = store.all_devices().await.unwrap();
    assert_eq!(all.len(), 3);
    let resealed: Vec<(i64, Vec<u8>)> = all
        .iter()
        .map(|d| (d.id, [b"v2:".as_slice(), &d.sealed_secret].concat()))
        .collect();
    store.reseal_devices(&resealed).await.unwrap();
    for d in store.all_devices().await.unwrap() {
        assert_eq!(
            d.sealed_secret,
            [b"v2:".as_slice(), &seal_with_id(d.id)].concat()
        );
    }
    // Resealing keeps the replay guard and confirmation state.
    let c = store.confirmed_device(u1).await.unwrap().unwrap();
    assert_eq!((c.id, c.last_step, c.confirmed), (d1, Some(10), true));
    assert_eq!(store.pending_device(u1).await.unwrap().unwrap().id, p.id);
    assert!(!store.accept_step(d2, 10).await.unwrap());
    store.reseal_devices(&[]).await.unwrap();
}

async fn sessions(store: &SqlStore) {
    let uid = new_user(store, "quinn").await;
    let other = new_user(store, "rosa").await;

    let s1 = session(b"token-hash-1", uid, Stage::Pending, T0);
    store.create_session(&s1).await.unwrap();
    let got = store.session(b"token-hash-1").await.unwrap().unwrap();
    assert_eq!(got.token_hash, b"token-hash-1");
    assert_eq!(got.user_id, uid);
    assert_eq!(got.stage, Stage::Pending);
    assert_eq!(got.created_at, T0);
    assert_eq!(got.last_seen, T0);
    assert_eq!(got.expires_at, T0 + 86_400);
    assert_eq!(got.user_agent, "Mozilla/5.0 test");
    assert_eq!(got.ip, "192.0.2.1");
    assert!(store.session(b"nope").await.unwrap().is_none());
    // Pending sessions are not listed.
    assert!(store.user_sessions(uid).await.unwrap().is_empty());

    // Rotation: old gone, new present, atomically.
    let s2 = session(b"token-hash-2", uid, Stage::Full, T0 + 10);
    store.rotate_session(b"token-hash-1", &s2).await.unwrap();
    assert!(store.session(b"token-hash-1").await.unwrap().is_none());
    assert_eq!(
        store.session(b"token-hash-2").await.unwrap().unwrap().stage,
        Stage::Full
    );
    // Rotating from a missing old session still inserts the new one.
    let s3 = session(b"token-hash-3", uid, Stage::Full, T0 + 20);
    store.rotate_session(b"missing", &s3).await.unwrap();
    assert!(store.session(b"token-hash-3").await.unwrap().is_some());

    store.touch_session(b"token-hash-2", T0 + 30).await.unwrap();
    assert_eq!(
        store
            .session(b"token-hash-2")
            .await
            .unwrap()
            .unwrap()
            .last_seen,
        T0 + 30
    );
    store.touch_session(b"missing", T0 + 30).await.unwrap();

    // Most recent activity first.
    let list = store.user_sessions(uid).await.unwrap();
    let order: Vec<&[u8]> = list.iter().map(|s| s.token_hash.as_slice()).collect();
    assert_eq!(
        order,
        vec![b"token-hash-2".as_slice(), b"token-hash-3".as_slice()]
    );

    // Revoking another user's session from the session list is refused.
    let o1 = session(b"other-1", other, Stage::Full, T0);
    store.create_session(&o1).await.unwrap();
    assert!(!store.delete_user_session(uid, b"other-1").await.unwrap());
    assert!(store.session(b"other-1").await.unwrap().is_some());
    assert!(store.delete_user_session(other, b"other-1").await.unwrap());
    assert!(store.session(b"other-1").await.unwrap().is_none());
    assert!(!store.delete_user_session(other, b"other-1").await.unwrap());

    // delete_session
    assert!(store.delete_session(b"token-hash-3").await.unwrap());
    assert!(!store.delete_session(b"token-hash-3").await.unwrap());

    // delete_user_sessions with keep.
    for i in 0..4u8 {
        store
            .create_session(&session(&[b'k', i], uid, Stage::Full, T0 + 40))
            .await
            .unwrap();
    }
    store
        .create_session(&session(b"other-2", other, Stage::Full, T0))
        .await
        .unwrap();
    let n = store
        .delete_user_sessions(uid, Some(b"token-hash-2"))
        .await
        .unwrap();
    assert_eq!(n, 4);
    assert!(store.session(b"token-hash-2").await.unwrap().is_some());
    assert!(
        store.session(b"other-2").await.unwrap().is_some(),
        "other users untouched"
    );
    let n = store.delete_user_sessions(uid, None).await.unwrap();
    assert_eq!(n, 1);
    assert!(store.user_sessions(uid).await.unwrap().is_empty());
    assert!(store.session(b"other-2").await.unwrap().is_some());

    // purge: absolute expiry and idle cutoff, boundaries inclusive.
    let mut exp = session(b"expired", uid, Stage::Full, T0 + 500);
    exp.expires_at = T0 + 100;
    let idle = session(b"idle", uid, Stage::Full, T0 + 50);
    let fresh = session(b"fresh", uid, Stage::Full, T0 + 500);
    for s in [&exp, &idle, &fresh] {
        store.create_session(s).await.unwrap();
    }
    store.delete_session(b"other-2").await.unwrap();
    let n = store.purge_sessions(T0 + 100, T0 + 50).await.unwrap();
    assert_eq!(n, 2);
    assert!(store.session(b"expired").await.unwrap().is_none());
    assert!(store.session(b"idle").await.unwrap().is_none());
    assert!(store.session(b"fresh").await.unwrap().is_some());
}

async fn session_token_conflict(store: &SqlStore) {
    let uid = new_user(store, "sam").await;
    let s = session(b"dup", uid, Stage::Full, T0);
    store.create_session(&s).await.unwrap();
    assert!(matches!(
        store.create_session(&s).await,
        Err(StoreError::Conflict(_))
    ));
    // A failed rotation changes nothing (the old session survives).
    let old = session(b"old", uid, Stage::Pending, T0);
    store.create_session(&old).await.unwrap();
    assert!(store.rotate_session(b"old", &s).await.is_err());
    assert!(store.session(b"old").await.unwrap().is_some());
}

/// The end of a login step: old session out, new one in, the step's events
/// recorded — all or nothing.
async fn open_session_is_one_commit(store: &SqlStore) {
    let uid = new_user(store, "olga").await;
    let events = [
        NewEvent {
            kind: "backup_code_used",
            detail: "9 left",
        },
        NewEvent {
            kind: "sign_in",
            detail: "backup code",
        },
    ];
    // Without an old session (a login without 2FA).
    let first = session(b"first", uid, Stage::Pending, T0);
    store
        .open_session(None, &first, &events[1..])
        .await
        .unwrap();
    assert!(store.session(b"first").await.unwrap().is_some());
    // Rotation with two events: they carry the new session's time and address.
    let mut full = session(b"full", uid, Stage::Full, T0 + 7);
    full.created_at = T0 + 7;
    full.ip = "198.51.100.7".into();
    store
        .open_session(Some(b"first"), &full, &events)
        .await
        .unwrap();
    assert!(store.session(b"first").await.unwrap().is_none());
    assert_eq!(
        store.session(b"full").await.unwrap().unwrap().stage,
        Stage::Full
    );
    let got = store.events(uid, 10).await.unwrap();
    let kinds: Vec<(&str, &str, i64, &str)> = got
        .iter()
        .map(|e| (e.kind.as_str(), e.detail.as_str(), e.at, e.ip.as_str()))
        .collect();
    assert_eq!(
        &kinds[..2],
        &[
            ("sign_in", "backup code", T0 + 7, "198.51.100.7"),
            ("backup_code_used", "9 left", T0 + 7, "198.51.100.7"),
        ]
    );
    assert_eq!(got.len(), 3);
    // A failure (the new token is taken) leaves the old session and records nothing.
    let other = session(b"other", uid, Stage::Pending, T0);
    store.create_session(&other).await.unwrap();
    assert!(
        store
            .open_session(Some(b"other"), &full, &events)
            .await
            .is_err()
    );
    assert!(store.session(b"other").await.unwrap().is_some());
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 3);
}

/// The events a passed step records in these tests: the left count, if any,
/// then a sign-in.
fn passed_events(left: Option<i64>) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = left
        .map(|n| ("backup_code_used", format!("{n} left")))
        .into_iter()
        .collect();
    v.push(("sign_in", "second factor".into()));
    v
}

fn step<'a>(
    proof: Proof<'a>,
    pending: &'a [u8],
    full: &'a SessionRecord,
    burst: i64,
) -> SecondFactorStep<'a> {
    SecondFactorStep {
        budget_key: "2fa:test",
        burst,
        interval: 60,
        proof,
        pending,
        session: full,
        events: &passed_events,
    }
}

async fn pass(store: &SqlStore, step: SecondFactorStep<'_>) -> StepOutcome {
    store.pass_second_factor(&step).await.unwrap()
}

/// A login's second factor is one commit: budget, proof, session, events —
/// all of them, or (on a refusal) only the budget, or (on an error) nothing.
async fn pass_second_factor_is_one_commit(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "petra", 100).await;
    let codes: Vec<Vec<u8>> = (0u8..3).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    let pending = |t: &[u8]| session(t, uid, Stage::Pending, T0);
    let full = |t: &[u8]| {
        let mut s = session(t, uid, Stage::Full, T0 + 5);
        s.created_at = T0 + 5;
        s
    };
    let kinds = |events: Vec<deadbolt_store::Event>| -> Vec<(String, String)> {
        events.into_iter().map(|e| (e.kind, e.detail)).collect()
    };
    // A TOTP step: accepted, pending session replaced, one event.
    store.create_session(&pending(b"p1")).await.unwrap();
    let f1 = full(b"f1");
    let totp = Proof::Step {
        device_id: dev,
        step: 101,
    };
    assert_eq!(
        pass(store, step(totp, b"p1", &f1, 10)).await,
        StepOutcome::Passed {
            backup_codes_left: None
        }
    );
    assert!(store.session(b"p1").await.unwrap().is_none());
    assert_eq!(
        store.session(b"f1").await.unwrap().unwrap().stage,
        Stage::Full
    );
    assert_eq!(
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step,
        Some(101)
    );
    assert_eq!(
        kinds(store.events(uid, 10).await.unwrap()),
        [("sign_in".to_string(), "second factor".to_string())]
    );
    // The same step again: refused, the pending session stays, the budget is spent.
    store.create_session(&pending(b"p2")).await.unwrap();
    let f2 = full(b"f2");
    assert_eq!(
        pass(store, step(totp, b"p2", &f2, 10)).await,
        StepOutcome::Refused
    );
    assert!(store.session(b"p2").await.unwrap().is_some());
    assert!(store.session(b"f2").await.unwrap().is_none());
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 1);
    assert_eq!(
        store.budget_wait("2fa:test", T0 + 5, 2, 60).await.unwrap(),
        60,
        "two takes spent a burst of 2"
    );
    // A backup code: spent, and the events know how many are left.
    let code = Proof::BackupCode { hash: &codes[1] };
    assert_eq!(
        pass(store, step(code, b"p2", &f2, 10)).await,
        StepOutcome::Passed {
            backup_codes_left: Some(2)
        }
    );
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 2);
    assert_eq!(
        kinds(store.events(uid, 2).await.unwrap()),
        [
            ("sign_in".to_string(), "second factor".to_string()),
            ("backup_code_used".to_string(), "2 left".to_string()),
        ]
    );
    // The same code again: refused.
    store.create_session(&pending(b"p3")).await.unwrap();
    let f3 = full(b"f3");
    assert_eq!(
        pass(store, step(code, b"p3", &f3, 10)).await,
        StepOutcome::Refused
    );
    // An error (the new token is taken) leaves everything as it was, budget included.
    let wait = store.budget_wait("2fa:test", T0 + 5, 10, 60).await.unwrap();
    let fresh = Proof::BackupCode { hash: &codes[2] };
    assert!(
        store
            .pass_second_factor(&step(fresh, b"p3", &f1, 10))
            .await
            .is_err()
    );
    assert!(store.session(b"p3").await.unwrap().is_some());
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 2);
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 3);
    assert_eq!(
        store.budget_wait("2fa:test", T0 + 5, 10, 60).await.unwrap(),
        wait
    );
    // An empty budget: throttled, and nothing else is checked or written.
    let throttled = pass(store, step(fresh, b"p3", &f3, 1)).await;
    assert!(
        matches!(throttled, StepOutcome::Throttled { retry_after } if retry_after >= 1),
        "{throttled:?}"
    );
    assert!(store.session(b"p3").await.unwrap().is_some());
    assert!(store.session(b"f3").await.unwrap().is_none());
    assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 2);
}

/// Concurrent steps with the same TOTP step: exactly one passes.
async fn pass_second_factor_concurrent_single_winner(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "quinn", 500).await;
    let mut tasks = Vec::new();
    for i in 0..20u8 {
        let s = store.clone();
        s.create_session(&session(&[b'p', i], uid, Stage::Pending, T0))
            .await
            .unwrap();
        tasks.push(tokio::spawn(async move {
            let full = session(&[b'f', i], uid, Stage::Full, T0);
            let proof = Proof::Step {
                device_id: dev,
                step: 501,
            };
            s.pass_second_factor(&step(proof, &[b'p', i], &full, 100))
                .await
        }));
    }
    let mut passed = 0;
    for t in tasks {
        match t.await.unwrap().expect("no error under concurrency") {
            StepOutcome::Passed { .. } => passed += 1,
            StepOutcome::Refused => {}
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(passed, 1, "exactly one concurrent step passes");
    assert_eq!(store.user_sessions(uid).await.unwrap().len(), 1);
}

async fn events_newest_first(store: &SqlStore) {
    let uid = new_user(store, "tina").await;
    let other = new_user(store, "ugo").await;
    assert!(store.events(uid, 10).await.unwrap().is_empty());
    store
        .record_event(uid, "sign_in", "192.0.2.1", "", T0)
        .await
        .unwrap();
    store
        .record_event(uid, "second_factor_failed", "192.0.2.2", "code", T0 + 5)
        .await
        .unwrap();
    store
        .record_event(uid, "two_factor_enabled", "", "", T0 + 5)
        .await
        .unwrap();
    store
        .record_event(other, "sign_in", "198.51.100.1", "", T0 + 9)
        .await
        .unwrap();
    let ev = store.events(uid, 10).await.unwrap();
    let kinds: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).collect();
    // Same second: the later insert first.
    assert_eq!(
        kinds,
        ["two_factor_enabled", "second_factor_failed", "sign_in"]
    );
    assert_eq!(ev[1].ip, "192.0.2.2");
    assert_eq!(ev[1].detail, "code");
    assert_eq!(ev[1].at, T0 + 5);
    let ev = store.events(uid, 2).await.unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0].kind, "two_factor_enabled");
    assert_eq!(store.events(other, 10).await.unwrap().len(), 1);
    assert!(store.events(uid, 0).await.unwrap().is_empty());
}

async fn budget_burst_then_refusal(store: &SqlStore) {
    let (burst, interval) = (3, 10);
    assert_eq!(
        store.budget_wait("k", T0, burst, interval).await.unwrap(),
        0
    );
    for i in 0..3 {
        assert_eq!(
            store.take_budget("k", T0, burst, interval).await.unwrap(),
            Budget::Granted,
            "attempt {i} of the burst"
        );
    }
    assert_eq!(
        store.take_budget("k", T0, burst, interval).await.unwrap(),
        Budget::Exhausted { retry_after: 10 }
    );
    // A refusal does not consume anything.
    assert_eq!(
        store
            .take_budget("k", T0 + 4, burst, interval)
            .await
            .unwrap(),
        Budget::Exhausted { retry_after: 6 }
    );
    assert_eq!(
        store
            .budget_wait("k", T0 + 4, burst, interval)
            .await
            .unwrap(),
        6
    );
    // One attempt refills per interval.
    assert_eq!(
        store
            .budget_wait("k", T0 + 10, burst, interval)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .take_budget("k", T0 + 10, burst, interval)
            .await
            .unwrap(),
        Budget::Granted
    );
    assert_eq!(
        store
            .take_budget("k", T0 + 10, burst, interval)
            .await
            .unwrap(),
        Budget::Exhausted { retry_after: 10 }
    );
    // After a long pause the whole burst is back, not more.
    let later = T0 + 10_000;
    for _ in 0..3 {
        assert_eq!(
            store
                .take_budget("k", later, burst, interval)
                .await
                .unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store
            .take_budget("k", later, burst, interval)
            .await
            .unwrap(),
        Budget::Exhausted { .. }
    ));
    // A burst of one: strictly one per interval.
    assert_eq!(
        store.take_budget("one", T0, 1, 60).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(
        store.take_budget("one", T0 + 1, 1, 60).await.unwrap(),
        Budget::Exhausted { retry_after: 59 }
    );
    assert_eq!(
        store.take_budget("one", T0 + 60, 1, 60).await.unwrap(),
        Budget::Granted
    );
}

async fn budget_concurrent_never_overdrawn(store: &SqlStore) {
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.take_budget("hot", T0, 10, 60).await
        }));
    }
    let mut granted = 0;
    for t in tasks {
        match t.await.unwrap().expect("no error under concurrency") {
            Budget::Granted => granted += 1,
            Budget::Exhausted { retry_after } => assert!(retry_after >= 1),
        }
    }
    assert_eq!(granted, 10, "exactly the burst is granted");
}

async fn budgets_are_independent(store: &SqlStore) {
    for _ in 0..2 {
        assert_eq!(
            store.take_budget("a", T0, 2, 30).await.unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store.take_budget("a", T0, 2, 30).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    assert_eq!(
        store.take_budget("b", T0, 2, 30).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(store.budget_wait("c", T0, 2, 30).await.unwrap(), 0);
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
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(n, SqlStore::known_schema_version());
}

/// Migration 2 (`users.backup_codes_left`, kept by triggers) on a database
/// that version-1 nodes filled: the count starts right, and writes made the
/// way version 1 makes them (plain statements on `backup_codes`) keep it right.
async fn migration_2_counts_codes_written_before_it(store: &SqlStore) {
    let undo: &[&str] = match store.backend() {
        Backend::Sqlite => &[
            "DROP TRIGGER backup_codes_left_insert",
            "DROP TRIGGER backup_codes_left_delete",
            "DROP TRIGGER backup_codes_left_update",
            "ALTER TABLE users DROP COLUMN backup_codes_left",
        ],
        Backend::Postgres => &[
            "DROP TRIGGER backup_codes_left_sync ON backup_codes",
            "DROP FUNCTION backup_codes_left_sync()",
            "ALTER TABLE users DROP COLUMN backup_codes_left",
        ],
    };
    for sql in undo
        .iter()
        .chain(&["DELETE FROM _sqlx_migrations WHERE version = 2"])
    {
        sqlx::raw_sql(sqlx::AssertSqlSafe(*sql))
            .execute(store.pool())
            .await
            .unwrap();
    }
    assert_eq!(store.schema_version().await.unwrap(), Some(1));
    // Version 1 at work: two users with codes, some spent, one set replaced.
    let (a, b) = (new_user(store, "Ada").await, new_user(store, "Bob").await);
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
                store.backup_codes_remaining(uid).await.unwrap(),
                "the kept count and a COUNT(*) disagree"
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
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(left(store, b).await, 10);
    // Deleting a user (cascading to its codes) does not trip the trigger.
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(b)
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(store.backup_codes_remaining(b).await.unwrap(), 0);
}

async fn schema_too_new_is_refused(store: &SqlStore) {
    store.check_schema().await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, 'from the future', TRUE, $2, 0)",
    )
    .bind(9999_i64)
    .bind(vec![0u8; 48])
    .execute(store.pool())
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

async fn bytes_roundtrip_exactly(store: &SqlStore) {
    let uid = new_user(store, "walt").await;
    // Every byte value, including NUL and 0xFF, survives unchanged.
    let all: Vec<u8> = (0..=255u8).collect();
    let dev = store
        .put_pending_device(uid, T0, &|_id| (0..=255u8).rev().collect())
        .await
        .unwrap();
    let got = store.pending_device(uid).await.unwrap().unwrap();
    assert_eq!(got.sealed_secret, dev.sealed_secret);
    assert_eq!(got.sealed_secret.len(), 256);
    store
        .replace_backup_codes(uid, std::slice::from_ref(&all), T0)
        .await
        .unwrap();
    assert!(store.spend_backup_code(uid, &all, T0).await.unwrap());
    store
        .create_session(&session(&all, uid, Stage::Full, T0))
        .await
        .unwrap();
    assert_eq!(store.session(&all).await.unwrap().unwrap().token_hash, all);
    // Usernames with non-ASCII text.
    let u = store
        .create_user("Zoë 名前", "zoë 名前", "h", T0)
        .await
        .unwrap();
    assert_eq!(
        store
            .user_by_key("zoë 名前")
            .await
            .unwrap()
            .unwrap()
            .username,
        "Zoë 名前"
    );
    assert_eq!(u.username, "Zoë 名前");
}

async fn put_pending_device_concurrent(store: &SqlStore) {
    let (uid, conf) = user_with_device(store, "abe", 10).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.put_pending_device(uid, T0 + i, &seal_with_id).await
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap().expect("no error under concurrency").id);
    }
    let pending = store.pending_device(uid).await.unwrap().unwrap();
    assert!(ids.contains(&pending.id));
    assert_eq!(pending.sealed_secret, seal_with_id(pending.id));
    let mine: Vec<_> = store
        .all_devices()
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.user_id == uid)
        .collect();
    assert_eq!(mine.len(), 2, "one confirmed + exactly one pending");
    assert_eq!(store.confirmed_device(uid).await.unwrap().unwrap().id, conf);
}

async fn confirm_device_concurrent_single_winner(store: &SqlStore) {
    let (uid, old) = user_with_device(store, "bea", 10).await;
    let p = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.confirm_device(uid, p.id, 100 + i).await
        }));
    }
    let mut wins = 0;
    for t in tasks {
        if t.await.unwrap().expect("no error under concurrency") {
            wins += 1;
        }
    }
    assert_eq!(wins, 1);
    let c = store.confirmed_device(uid).await.unwrap().unwrap();
    assert_eq!(c.id, p.id);
    assert!(!store.accept_step(old, 1000).await.unwrap());
    assert!(store.pending_device(uid).await.unwrap().is_none());
}

/// Many tasks mixing every kind of write on a few users: nothing may fail
/// (no SQLITE_BUSY, no PostgreSQL deadlock or unique violation).
async fn mixed_write_storm_never_errors(store: &SqlStore) {
    let mut users = Vec::new();
    for i in 0..4 {
        users.push(user_with_device(store, &format!("storm{i}"), 10).await);
    }
    let mut tasks = Vec::new();
    for round in 0..40i64 {
        for (k, &(uid, dev)) in users.iter().enumerate() {
            let s = store.clone();
            tasks.push(tokio::spawn(async move {
                let now = T0 + round;
                match (round + k as i64) % 8 {
                    0 => {
                        let codes: Vec<Vec<u8>> =
                            (0u8..10).map(|i| vec![i, round as u8, k as u8]).collect();
                        s.replace_backup_codes(uid, &codes, now).await
                    }
                    1 => s
                        .spend_backup_code(uid, &[3, (round - 1) as u8, k as u8], now)
                        .await
                        .map(drop),
                    2 => s
                        .put_pending_device(uid, now, &seal_with_id)
                        .await
                        .map(drop),
                    3 => match s.pending_device(uid).await? {
                        Some(p) => s.confirm_device(uid, p.id, 100 + round).await.map(drop),
                        None => Ok(()),
                    },
                    4 => s.accept_step(dev, 1000 + round).await.map(drop),
                    5 => {
                        let tok = [b's', round as u8, k as u8];
                        s.create_session(&session(&tok, uid, Stage::Full, now))
                            .await?;
                        s.rotate_session(
                            &tok,
                            &session(&[b'r', round as u8, k as u8], uid, Stage::Full, now),
                        )
                        .await
                    }
                    6 => s.record_event(uid, "sign_in", "192.0.2.9", "", now).await,
                    _ => s
                        .take_budget(&format!("storm:{uid}"), now, 5, 30)
                        .await
                        .map(drop),
                }
            }));
        }
    }
    for t in tasks {
        t.await
            .unwrap()
            .expect("no error under concurrent mixed writes");
    }
    for &(uid, _) in &users {
        let mine = store
            .all_devices()
            .await
            .unwrap()
            .into_iter()
            .filter(|d| d.user_id == uid)
            .count();
        assert!(mine <= 2, "at most one confirmed and one pending device");
        assert!(store.confirmed_device(uid).await.unwrap().is_some());
        assert!(store.backup_codes_remaining(uid).await.unwrap() <= 10);
    }
}

async fn purge_budgets(store: &SqlStore) {
    store.take_budget("old", T0, 3, 10).await.unwrap();
    store.take_budget("busy", T0 + 100, 3, 10).await.unwrap();
    // "old" is refilled by T0 + 10; "busy" not before T0 + 110.
    assert_eq!(store.purge_budgets(T0 + 50).await.unwrap(), 1);
    assert_eq!(store.budget_wait("old", T0 + 50, 3, 10).await.unwrap(), 0);
    for _ in 0..2 {
        assert_eq!(
            store.take_budget("busy", T0 + 100, 3, 10).await.unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store.take_budget("busy", T0 + 100, 3, 10).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    assert_eq!(store.purge_budgets(T0 + 100).await.unwrap(), 0);
}

// ---------------------------------------------------------------------------
// Backend-specific tests.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_pragmas_are_durable_and_strict() {
    TestDb::sqlite()
        .await
        .run(|store| async move {
            let mut conn = store.pool().acquire().await.unwrap();
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_open_dir_creates_and_reopens() {
    let dir = std::env::temp_dir().join(format!(
        "deadbolt-store-it-open-{}-{}",
        std::process::id(),
        T0
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let nested = dir.join("a b%c?d").join("data");
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
    store.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An empty directory for one test's SQLite file, and that file's URL.
fn fresh_sqlite_file(tag: &str) -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!(
        "deadbolt-store-it-{tag}-{}-{}",
        std::process::id(),
        T0
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/deadbolt.db", dir.display());
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
        .fetch_one(store.pool())
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
    std::fs::remove_dir_all(&dir).unwrap();
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
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(busy, 0);
    mixed_write_storm_never_errors(&store).await;
    store.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
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
    let before = store.budget_commits();
    let mut tasks = Vec::new();
    for i in 0..TAKES {
        let s = store.clone();
        // Three takes of each key with a burst of 2: the third is refused.
        tasks.push(tokio::spawn(async move {
            s.take_budget(&format!("k{}", i % 100), T0, 2, 60).await
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
    let commits = store.budget_commits() - before;
    assert!(
        (1..=(TAKES / 3) as u64).contains(&commits),
        "{TAKES} concurrent takes should share commits, took {commits}"
    );
    // Takes whose callers went away do not strand the others.
    let mut tasks = Vec::new();
    for i in 0..100 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.take_budget(&format!("gone{i}"), T0, 1, 60).await
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
        store.take_budget("after", T0, 1, 60).await.unwrap(),
        Budget::Granted
    );
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
    let ro = SqlStore::connect(&format!("{url}?mode=ro"), &StoreOptions::default())
        .await
        .unwrap();
    for _ in 0..2 {
        let mut tasks = Vec::new();
        for i in 0..20 {
            let s = ro.clone();
            tasks.push(tokio::spawn(async move {
                s.take_budget(&format!("ro{i}"), T0, 1, 60).await
            }));
        }
        for t in tasks {
            let err = t.await.unwrap().expect_err("a read-only database refuses");
            assert!(
                err.to_string().contains("attempt-budget batch failed"),
                "{err}"
            );
        }
    }
    assert_eq!(ro.budget_commits(), 0);
    ro.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn connect_does_not_migrate_and_rejects_bad_urls() {
    let dir = std::env::temp_dir().join(format!("deadbolt-store-it-nomig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // No `mode=` in the URL: the file is still created.
    let url = format!("sqlite://{}/x.db", dir.display());
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
    std::fs::remove_dir_all(&dir).unwrap();

    for bad in ["mysql://u@h/db", "http://x", "", "/tmp/file.db"] {
        assert!(
            matches!(
                SqlStore::connect(bad, &StoreOptions::default()).await,
                Err(StoreError::BadUrl(_))
            ),
            "{bad:?} should be BadUrl"
        );
    }
    // The password never appears in the error.
    match SqlStore::connect("mysql://user:hunter2@h/db", &StoreOptions::default()).await {
        Err(e) => assert!(!e.to_string().contains("hunter2"), "{e}"),
        Ok(_) => panic!("mysql accepted"),
    }
}

#[tokio::test]
async fn sqlite_in_memory_works() {
    let store = SqlStore::connect_and_migrate("sqlite::memory:", &StoreOptions::default())
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
                    s.take_budget(&format!("k{}", i % 50), T0, 1000, 1)
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
            assert_eq!(store.backup_codes_remaining(uid).await.unwrap(), 1);
        })
        .await;
}

/// The read of every authenticated request: the session with its user's
/// name and 2FA status (confirmed device, unspent backup codes) in one
/// statement.
async fn session_view_and_two_factor_status(store: &SqlStore) {
    let uid = new_user(store, "Tess").await;
    store
        .create_session(&session(b"tess-token", uid, Stage::Full, T0))
        .await
        .unwrap();
    let view = |store: &SqlStore| {
        let store = store.clone();
        async move {
            let v = store
                .session_view(b"tess-token")
                .await
                .unwrap()
                .expect("session");
            assert_eq!(
                (v.user_id, v.stage, v.username.as_str()),
                (uid, Stage::Full, "Tess")
            );
            (v.two_factor_enabled, v.backup_codes_remaining)
        }
    };
    assert!(store.session_view(b"nope").await.unwrap().is_none());

    assert_eq!(view(store).await, (false, 0));
    // A pending device is not 2FA.
    let dev = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    assert_eq!(view(store).await, (false, 0));
    assert!(store.confirm_device(uid, dev.id, 5).await.unwrap());
    assert_eq!(view(store).await, (true, 0));
    let hashes: Vec<Vec<u8>> = (0..10u8).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &hashes, T0).await.unwrap();
    assert!(store.spend_backup_code(uid, &hashes[3], T0).await.unwrap());
    assert_eq!(view(store).await, (true, 9));
    // Another user's rows do not count.
    let other = new_user(store, "ursa").await;
    store
        .create_session(&session(b"ursa-token", other, Stage::Full, T0))
        .await
        .unwrap();
    let v = store.session_view(b"ursa-token").await.unwrap().unwrap();
    assert_eq!((v.two_factor_enabled, v.backup_codes_remaining), (false, 0));
    // The user's 2FA removed: the same session reads as without.
    store.remove_two_factor(uid).await.unwrap();
    assert_eq!(view(store).await, (false, 0));
    // A session whose user is gone reads as no session.
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(uid)
        .execute(store.pool())
        .await
        .unwrap();
    assert!(store.session_view(b"tess-token").await.unwrap().is_none());
}
