//! Many writers at once: a storm of every kind of write on one store, and
//! two stores on one database (two nodes, or the server and the admin CLI),
//! where every once-only rule must hold across them.

use deadbolt_store::{
    Budget, Constraint, DatabaseUrl, EventKind, SignInMethod, SqlStore, Stage, Store, StoreError,
    StoreOptions,
};

use crate::harness::TestDb;
use crate::{
    T0, codes_left, hash, new_user, seal_with_id, session, spec, user_row, user_with_device,
};

conformance! {
    mixed_write_storm_never_errors, sqlite_mixed_write_storm_never_errors, postgres_mixed_write_storm_never_errors;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_two_stores_share_one_database() {
    let db = TestDb::sqlite().await;
    let url = db.url.clone();
    db.run(|store| async move { two_stores_share_one_database(&store, &url).await })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL on 127.0.0.1:5432 (.ci/run provides it)"]
async fn postgres_two_stores_share_one_database() {
    let db = TestDb::postgres().await;
    let url = db.url.clone();
    db.run(|store| async move { two_stores_share_one_database(&store, &url).await })
        .await;
}

/// Many tasks mixing every kind of write on a few users: nothing may fail
/// (no SQLITE_BUSY, no PostgreSQL deadlock or unique violation).
pub(crate) async fn mixed_write_storm_never_errors(store: &SqlStore) {
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
                    6 => {
                        let kind = EventKind::SignIn(SignInMethod::Password);
                        s.record_event(uid, &kind, "192.0.2.9", "ua", now).await
                    }
                    _ => s
                        .take_budget(spec(&format!("storm:{uid}"), 5, 30), now)
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
        assert!(codes_left(store, uid).await <= 10);
    }
}

/// Two stores on one database: each sees the other's commits at once, and
/// a username, a TOTP step, a backup code and an attempt budget are each
/// used once across both, even concurrently.
async fn two_stores_share_one_database(a: &SqlStore, url: &DatabaseUrl) {
    // A second node migrating an up-to-date database changes nothing.
    let b = SqlStore::connect_and_migrate(url, &StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(b.backend(), a.backend());
    assert_eq!(
        b.schema_version().await.unwrap(),
        Some(SqlStore::known_schema_version())
    );
    let uid = new_user(a, "nia").await;
    assert_eq!(b.user_by_key("nia").await.unwrap().unwrap().id, uid);
    assert!(matches!(
        b.create_user(&user_row("NIA", "nia", &hash("h")), T0).await,
        Err(StoreError::Conflict(Constraint::Username))
    ));
    // Set up on one node, confirmed on the other.
    let dev = b.put_pending_device(uid, T0, &seal_with_id).await.unwrap();
    assert!(a.confirm_device(uid, dev.id, 100).await.unwrap());
    assert!(!b.confirm_device(uid, dev.id, 100).await.unwrap());
    let pick = |i: usize| {
        if i.is_multiple_of(2) {
            a.clone()
        } else {
            b.clone()
        }
    };

    // One TOTP step, presented on both nodes at once: accepted once.
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let s = pick(i);
            tokio::spawn(async move { s.accept_step(dev.id, 101).await })
        })
        .collect();
    let mut wins = 0;
    for t in tasks {
        wins += usize::from(t.await.unwrap().expect("no error across stores"));
    }
    assert_eq!(wins, 1, "exactly one accept_step wins across both stores");

    // One backup code, spent on both nodes at once: spent once.
    let codes: Vec<Vec<u8>> = (0u8..10).map(|i| vec![i; 32]).collect();
    a.replace_backup_codes(uid, &codes, T0).await.unwrap();
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (s, code) = (pick(i), codes[4].clone());
            tokio::spawn(async move { s.spend_backup_code(uid, &code, T0).await })
        })
        .collect();
    let mut spent = 0;
    for t in tasks {
        spent += usize::from(t.await.unwrap().expect("no error across stores"));
    }
    assert_eq!(spent, 1, "exactly one spend succeeds across both stores");
    assert_eq!(
        (codes_left(a, uid).await, codes_left(&b, uid).await),
        (9, 9)
    );

    // One budget, taken on both nodes at once: never overdrawn.
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let s = pick(i);
            tokio::spawn(async move { s.take_budget(spec("shared", 10, 60), T0).await })
        })
        .collect();
    let mut granted = 0;
    for t in tasks {
        if t.await.unwrap().expect("no error across stores") == Budget::Granted {
            granted += 1;
        }
    }
    assert_eq!(
        granted, 10,
        "exactly the burst is granted across both stores"
    );
    assert_eq!(b.budget_wait(spec("shared", 10, 60), T0).await.unwrap(), 60);

    // A session opened on one node is read, and ended, on the other.
    let full = session(b"nia-token", uid, Stage::Full, T0);
    let signed_in = [EventKind::SignIn(SignInMethod::AuthenticatorCode)];
    a.open_session(None, &full, &signed_in).await.unwrap();
    let v = b
        .session_view(b"nia-token")
        .await
        .unwrap()
        .expect("visible");
    assert_eq!(
        (v.user_id, v.two_factor_enabled, v.backup_codes_remaining),
        (uid, true, 9)
    );
    assert_eq!(b.events(uid, 10).await.unwrap()[0].kind, signed_in[0]);
    assert!(b.delete_session(b"nia-token").await.unwrap());
    assert!(a.session_view(b"nia-token").await.unwrap().is_none());
    assert!(a.session(b"nia-token").await.unwrap().is_none());
    b.close().await;
}
