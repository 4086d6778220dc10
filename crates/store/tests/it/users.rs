//! Users: create, look up, list, the password hash; and the encodings every
//! kind of row must keep exactly (bytes, non-ASCII text).

use deadbolt_store::{Constraint, SqlStore, Stage, Store, StoreError};

use crate::{T0, hash, new_user, seal_with_id, session, user_row};

conformance! {
    skeletons_are_unique_and_backfilled, sqlite_skeletons_are_unique_and_backfilled, postgres_skeletons_are_unique_and_backfilled;
    ping, sqlite_ping, postgres_ping;
    users, sqlite_users, postgres_users;
    bytes_roundtrip_exactly, sqlite_bytes_roundtrip_exactly, postgres_bytes_roundtrip_exactly;
    languages_are_kept_and_written_on_change, sqlite_languages_are_kept_and_written_on_change, postgres_languages_are_kept_and_written_on_change;
}

async fn ping(store: &SqlStore) {
    store.ping().await.unwrap();
}

async fn users(store: &SqlStore) {
    let alice = store
        .create_user(&user_row("Alice", "alice", &hash("hash-a")), T0)
        .await
        .unwrap();
    assert!(alice.id > 0);
    assert_eq!(alice.username, "Alice");
    assert_eq!(alice.password_hash.expose(), "hash-a");

    // Same folded key, different display: refused as a username conflict.
    match store
        .create_user(&user_row("ALICE", "alice", &hash("hash-b")), T0 + 1)
        .await
    {
        Err(StoreError::Conflict(Constraint::Username)) => {}
        other => panic!("expected Conflict(Username), got {other:?}"),
    }

    let by_key = store.user_by_key("alice").await.unwrap().unwrap();
    assert_eq!(by_key.id, alice.id);
    assert_eq!(by_key.username, "Alice");
    assert_eq!(by_key.username_key, "alice");
    assert_eq!(by_key.password_hash.expose(), "hash-a");
    assert_eq!(by_key.created_at, T0);
    // The hash is an offline-guessing target: it never prints itself.
    assert!(!format!("{by_key:?}").contains("hash-a"), "{by_key:?}");
    assert!(store.user_by_key("ALICE").await.unwrap().is_none());
    assert!(store.user_by_key("bob").await.unwrap().is_none());

    let by_id = store.user_by_id(alice.id).await.unwrap().unwrap();
    assert_eq!(by_id.username_key, "alice");
    assert!(store.user_by_id(alice.id + 1000).await.unwrap().is_none());

    store
        .set_password_hash(alice.id, &hash("hash-new"))
        .await
        .unwrap();
    let after = store.user_by_id(alice.id).await.unwrap().unwrap();
    assert_eq!(after.password_hash.expose(), "hash-new");

    let bob = store
        .create_user(&user_row("Bob", "bob", &hash("hash-b")), T0 + 5)
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

async fn bytes_roundtrip_exactly(store: &SqlStore) {
    let uid = new_user(store, "walt").await;
    // Every byte value, including NUL and 0xFF, survives unchanged.
    let all: Vec<u8> = (0..=255u8).collect();
    let dev = store
        .put_pending_device(uid, T0, &|_id| Some((0..=255u8).rev().collect()))
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
        .create_user(&user_row("Zoë 名前", "zoë 名前", &hash("h")), T0)
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

/// A username's confusable skeleton is unique like its key (a look-alike is
/// a taken name); rows from before schema 3 have none until it is recorded.
async fn skeletons_are_unique_and_backfilled(store: &SqlStore) {
    let h = hash("h");
    let ace = deadbolt_store::NewUser {
        username: "ace",
        username_key: "ace",
        username_skeleton: "ace",
        password_hash: &h,
        language: None,
    };
    store.create_user(&ace, T0).await.unwrap();
    let look_alike = deadbolt_store::NewUser {
        username: "\u{430}\u{441}\u{435}",
        username_key: "\u{430}\u{441}\u{435}",
        username_skeleton: "ace",
        password_hash: &h,
        language: None,
    };
    assert!(matches!(
        store.create_user(&look_alike, T0).await,
        Err(StoreError::Conflict(Constraint::Username))
    ));
    // Two rows written by an older node: no skeleton.
    for key in ["old1", "0ld1"] {
        sqlx::query(
            "INSERT INTO users (username, username_key, password_hash, created_at) \
             VALUES ($1, $1, 'h', 0)",
        )
        .bind(key)
        .execute(store.test_pool())
        .await
        .unwrap();
    }
    let missing = store.users_without_skeleton().await.unwrap();
    let keys: Vec<&str> = missing.iter().map(|(_, k)| k.as_str()).collect();
    assert_eq!(keys, ["old1", "0ld1"]);
    store
        .set_username_skeleton(missing[0].0, "oldl")
        .await
        .unwrap();
    assert!(matches!(
        store.set_username_skeleton(missing[1].0, "oldl").await,
        Err(StoreError::Conflict(Constraint::Username))
    ));
    assert_eq!(store.users_without_skeleton().await.unwrap().len(), 1);
}

/// A user's language: set at creation, changed in a sign-in's commit or on
/// its own, written only when it changes, read with the session view and
/// with each claimed letter about the user.
async fn languages_are_kept_and_written_on_change(store: &SqlStore) {
    let h = hash("h");
    let lea = store
        .create_user(
            &deadbolt_store::NewUser {
                language: Some("fr"),
                ..user_row("lea", "lea", &h)
            },
            T0,
        )
        .await
        .unwrap();
    assert_eq!(lea.language.as_deref(), Some("fr"));
    let read = store.user_by_key("lea").await.unwrap().unwrap();
    assert_eq!(read.language.as_deref(), Some("fr"));
    let max = crate::new_user(store, "max").await;
    assert_eq!(store.user_by_id(max).await.unwrap().unwrap().language, None);

    // Only a change writes; the other user is untouched.
    assert!(!store.set_user_language(lea.id, "fr").await.unwrap());
    assert!(store.set_user_language(lea.id, "de").await.unwrap());
    assert!(!store.set_user_language(lea.id, "de").await.unwrap());
    assert!(
        !store.set_user_language(9_999, "de").await.unwrap(),
        "no such user"
    );
    assert_eq!(store.user_by_id(max).await.unwrap().unwrap().language, None);

    // A sign-in stores it in its own commit, with its session.
    store
        .open_session_as(
            None,
            &session(b"lea-1", lea.id, Stage::Full, T0),
            &[],
            Some("ru"),
        )
        .await
        .unwrap();
    let view = store.session_view(b"lea-1").await.unwrap().unwrap();
    assert_eq!(view.language.as_deref(), Some("ru"));
    // A sign-in that asks for nothing keeps it.
    store
        .open_session(None, &session(b"lea-2", lea.id, Stage::Full, T0), &[])
        .await
        .unwrap();
    let view = store.session_view(b"lea-2").await.unwrap().unwrap();
    assert_eq!(view.language.as_deref(), Some("ru"));
    let s = store.session_view(b"lea-1").await.unwrap().unwrap();
    assert_eq!(s.language.as_deref(), Some("ru"));

    // A letter about the user carries the language it has when claimed,
    // even if it changed after the letter was written.
    let token = deadbolt_store::MailedToken {
        token_hash: b"verify-lea",
        sealed: b"sealed",
        now: T0,
        expires_at: T0 + 86_400,
        ip: "192.0.2.1",
        user_agent: "test",
    };
    store
        .request_email_change(lea.id, "lea@example.com", &token)
        .await
        .unwrap();
    assert!(store.set_user_language(lea.id, "cs").await.unwrap());
    let claimed = store.claim_outbox(T0 + 1, T0 + 120, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].to_address, "lea@example.com");
    assert_eq!(claimed[0].language.as_deref(), Some("cs"));
    assert_eq!(store.user_by_id(max).await.unwrap().unwrap().language, None);
}
