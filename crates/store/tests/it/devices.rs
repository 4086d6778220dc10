//! TOTP devices: the pending set-up, its confirmation (replacing the old
//! device atomically), the replay guard, removal and key rotation.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use deadbolt_store::{SqlStore, Store, StoreError};

use crate::{T0, codes_left, new_user, seal_with_id, sealed_for, user_with_device};

conformance! {
    key_checks_are_recorded_once, sqlite_key_checks_are_recorded_once, postgres_key_checks_are_recorded_once;
    device_confirm_replaces_old, sqlite_device_confirm_replaces_old, postgres_device_confirm_replaces_old;
    pending_setup_keeps_confirmed_device, sqlite_pending_setup_keeps_confirmed_device, postgres_pending_setup_keeps_confirmed_device;
    failed_seal_writes_nothing, sqlite_failed_seal_writes_nothing, postgres_failed_seal_writes_nothing;
    confirm_device_refuses_stale_or_foreign, sqlite_confirm_device_refuses_stale_or_foreign, postgres_confirm_device_refuses_stale_or_foreign;
    accept_step_replay_guard, sqlite_accept_step_replay_guard, postgres_accept_step_replay_guard;
    accept_step_concurrent_single_winner, sqlite_accept_step_concurrent_single_winner, postgres_accept_step_concurrent_single_winner;
    remove_two_factor, sqlite_remove_two_factor, postgres_remove_two_factor;
    reseal_devices, sqlite_reseal_devices, postgres_reseal_devices;
    put_pending_device_concurrent, sqlite_put_pending_device_concurrent, postgres_put_pending_device_concurrent;
    confirm_device_concurrent_single_winner, sqlite_confirm_device_concurrent_single_winner, postgres_confirm_device_concurrent_single_winner;
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
    assert_eq!(a.sealed_secret, sealed_for(a.id), "seal(id) got the row id");
    let pending = store.pending_device(uid).await.unwrap().unwrap();
    assert_eq!(pending.id, a.id);
    assert_eq!(pending.sealed_secret, sealed_for(a.id));
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

/// A seal that fails (`None`) rolls the whole set-up back: `Aborted`,
/// nothing written, the earlier pending device (and the confirmed one)
/// still there, and the next set-up works.
async fn failed_seal_writes_nothing(store: &SqlStore) {
    let (uid, conf) = user_with_device(store, "cleo", 10).await;
    let earlier = store
        .put_pending_device(uid, T0, &seal_with_id)
        .await
        .unwrap();
    let before: Vec<i64> = store
        .all_devices()
        .await
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect();
    let (calls, offered) = (AtomicUsize::new(0), AtomicI64::new(0));
    let failing = |id: i64| -> Option<Vec<u8>> {
        calls.fetch_add(1, Ordering::SeqCst);
        offered.store(id, Ordering::SeqCst);
        None
    };
    match store.put_pending_device(uid, T0 + 1, &failing).await {
        Err(StoreError::Aborted(_)) => {}
        other => panic!("expected Aborted, got {other:?}"),
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1, "seal called once");
    let offered = offered.load(Ordering::SeqCst);
    assert!(!before.contains(&offered), "seal got a new row's id");
    // Nothing written: the row seal was offered is gone, the old pending
    // device was not deleted, the confirmed one is untouched.
    let after: Vec<i64> = store
        .all_devices()
        .await
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(after, before);
    let pending = store.pending_device(uid).await.unwrap().unwrap();
    assert_eq!(pending.id, earlier.id);
    assert_eq!(pending.sealed_secret, sealed_for(earlier.id));
    let c = store.confirmed_device(uid).await.unwrap().unwrap();
    assert_eq!((c.id, c.last_step), (conf, Some(10)));
    // The confirmed device still accepts codes.
    assert!(store.accept_step(conf, 11).await.unwrap());

    // A user without a pending device: still none.
    let other = new_user(store, "dora").await;
    assert!(matches!(
        store.put_pending_device(other, T0, &failing).await,
        Err(StoreError::Aborted(_))
    ));
    assert!(store.pending_device(other).await.unwrap().is_none());
    assert!(
        store
            .all_devices()
            .await
            .unwrap()
            .iter()
            .all(|d| d.user_id != other)
    );

    // Nothing stays locked: the next set-up replaces the earlier pending one.
    let next = store
        .put_pending_device(uid, T0 + 2, &seal_with_id)
        .await
        .unwrap();
    assert_ne!(next.id, earlier.id);
    assert_eq!(
        store.pending_device(uid).await.unwrap().unwrap().id,
        next.id
    );
    assert!(store.confirm_device(uid, next.id, 12).await.unwrap());
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
    assert_eq!(codes_left(store, uid).await, 0);
    assert!(!store.accept_step(dev, 11).await.unwrap());
    assert!(!store.spend_backup_code(uid, &[1; 8], T0).await.unwrap());
    // The other user is untouched.
    assert_eq!(
        store.confirmed_device(other).await.unwrap().unwrap().id,
        other_dev
    );
    assert_eq!(codes_left(store, other).await, 1);
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
            [b"v2:".as_slice(), &sealed_for(d.id)].concat()
        );
    }
    // Resealing keeps the replay guard and confirmation state.
    let c = store.confirmed_device(u1).await.unwrap().unwrap();
    assert_eq!((c.id, c.last_step, c.confirmed), (d1, Some(10), true));
    assert_eq!(store.pending_device(u1).await.unwrap().unwrap().id, p.id);
    assert!(!store.accept_step(d2, 10).await.unwrap());
    store.reseal_devices(&[]).await.unwrap();
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
    assert_eq!(pending.sealed_secret, sealed_for(pending.id));
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

/// One check value per key id: the first recorded stays (a node cannot
/// overwrite another's check with its own).
async fn key_checks_are_recorded_once(store: &SqlStore) {
    assert!(store.key_checks().await.unwrap().is_empty());
    store.add_key_check(1, b"first", T0).await.unwrap();
    store.add_key_check(1, b"second", T0 + 1).await.unwrap();
    store.add_key_check(2, b"two", T0 + 2).await.unwrap();
    assert_eq!(
        store.key_checks().await.unwrap(),
        vec![(1, b"first".to_vec()), (2, b"two".to_vec())]
    );
}
