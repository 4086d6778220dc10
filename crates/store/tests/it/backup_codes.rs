//! Backup codes: the whole set replaced at once, one code spent once.

use std::sync::Arc;

use deadbolt_store::{SqlStore, Store};

use crate::{T0, codes_left, new_user};

conformance! {
    backup_codes, sqlite_backup_codes, postgres_backup_codes;
    backup_code_concurrent_single_spend, sqlite_backup_code_concurrent_single_spend, postgres_backup_code_concurrent_single_spend;
    regenerate_invalidates_old_codes, sqlite_regenerate_invalidates_old_codes, postgres_regenerate_invalidates_old_codes;
}

async fn backup_codes(store: &SqlStore) {
    let uid = new_user(store, "ivy").await;
    let other = new_user(store, "jack").await;
    assert_eq!(codes_left(store, uid).await, 0);
    let codes: Vec<Vec<u8>> = (0u8..10).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    assert_eq!(codes_left(store, uid).await, 10);

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
    assert_eq!(codes_left(store, uid).await, 9);
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
    assert_eq!(codes_left(store, uid).await, 9);
    for c in &codes {
        store.spend_backup_code(uid, c, T0 + 3).await.unwrap();
    }
    assert_eq!(codes_left(store, uid).await, 0);
    // An empty set is allowed.
    store.replace_backup_codes(uid, &[], T0).await.unwrap();
    assert_eq!(codes_left(store, uid).await, 0);
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
    assert_eq!(codes_left(store, uid).await, 9);
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
    assert_eq!(codes_left(store, uid).await, 10);
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
    assert_eq!(codes_left(store, uid).await, 10);
}
