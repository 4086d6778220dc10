//! Sessions: insert, rotate, touch, list, revoke, purge, and the
//! one-statement read every authenticated request makes (`session_view`).

use deadbolt_store::{Constraint, SqlStore, Stage, Store, StoreError};

use crate::{T0, new_user, seal_with_id, session};

conformance! {
    step_up_mark_is_kept_with_the_session, sqlite_step_up_mark_is_kept_with_the_session, postgres_step_up_mark_is_kept_with_the_session;
    sessions, sqlite_sessions, postgres_sessions;
    session_token_conflict, sqlite_session_token_conflict, postgres_session_token_conflict;
    session_view_and_two_factor_status, sqlite_session_view_and_two_factor_status, postgres_session_view_and_two_factor_status;
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
        Err(StoreError::Conflict(Constraint::Session))
    ));
    // A failed rotation changes nothing (the old session survives).
    let old = session(b"old", uid, Stage::Pending, T0);
    store.create_session(&old).await.unwrap();
    assert!(matches!(
        store.rotate_session(b"old", &s).await,
        Err(StoreError::Conflict(Constraint::Session))
    ));
    assert!(store.session(b"old").await.unwrap().is_some());
}

/// The read of every authenticated request: the session with its user's
/// name and 2FA status (confirmed device, unspent backup codes) in one
/// statement.
pub(crate) async fn session_view_and_two_factor_status(store: &SqlStore) {
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
        .execute(store.test_pool())
        .await
        .unwrap();
    assert!(store.session_view(b"tess-token").await.unwrap().is_none());
}

/// When a session last passed a second factor is stored with it, read in
/// the one statement of `session_view`, and moved by `mark_second_factor`.
async fn step_up_mark_is_kept_with_the_session(store: &SqlStore) {
    let uid = new_user(store, "stella").await;
    let mut s = session(b"su-1", uid, Stage::Full, T0);
    store.create_session(&s).await.unwrap();
    assert_eq!(
        store
            .session_view(b"su-1")
            .await
            .unwrap()
            .unwrap()
            .second_factor_at,
        None
    );
    assert!(store.mark_second_factor(b"su-1", T0 + 7).await.unwrap());
    assert_eq!(
        store
            .session_view(b"su-1")
            .await
            .unwrap()
            .unwrap()
            .second_factor_at,
        Some(T0 + 7)
    );
    assert_eq!(
        store
            .session(b"su-1")
            .await
            .unwrap()
            .unwrap()
            .second_factor_at,
        Some(T0 + 7)
    );
    assert!(!store.mark_second_factor(b"gone", T0).await.unwrap());
    s.token_hash = b"su-2".to_vec();
    s.second_factor_at = Some(T0 - 5);
    store.create_session(&s).await.unwrap();
    assert_eq!(
        store
            .session_view(b"su-2")
            .await
            .unwrap()
            .unwrap()
            .second_factor_at,
        Some(T0 - 5)
    );
}
