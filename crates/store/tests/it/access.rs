//! Groups, disabled accounts and enrolment links (forward-auth).

use deadbolt_store::{EnrolmentToken, EventKind, SqlStore, Stage, Store, StoreError};

use crate::{T0, hash, new_user, session, user_row};

conformance! {
    groups_are_kept_sorted_and_seen_by_session_view, sqlite_groups_are_kept_sorted_and_seen_by_session_view, postgres_groups_are_kept_sorted_and_seen_by_session_view;
    disabling_ends_sessions_and_hides_them, sqlite_disabling_ends_sessions_and_hides_them, postgres_disabling_ends_sessions_and_hides_them;
    enrolment_link_is_single_use_and_expires, sqlite_enrolment_link_is_single_use_and_expires, postgres_enrolment_link_is_single_use_and_expires;
    enrolled_user_with_taken_name_writes_nothing, sqlite_enrolled_user_with_taken_name_writes_nothing, postgres_enrolled_user_with_taken_name_writes_nothing;
    a_reissued_link_replaces_the_old_one_until_a_password_is_chosen, sqlite_a_reissued_link_replaces_the_old_one_until_a_password_is_chosen, postgres_a_reissued_link_replaces_the_old_one_until_a_password_is_chosen;
}

async fn groups_are_kept_sorted_and_seen_by_session_view(store: &SqlStore) {
    let uid = new_user(store, "gina").await;
    store
        .create_session(&session(b"g1", uid, Stage::Full, T0))
        .await
        .unwrap();
    assert!(
        store
            .session_view(b"g1")
            .await
            .unwrap()
            .unwrap()
            .groups
            .is_empty()
    );
    assert!(
        store
            .add_user_group(uid, "ops", "operator", T0)
            .await
            .unwrap()
    );
    assert!(
        store
            .add_user_group(uid, "admins", "operator", T0)
            .await
            .unwrap()
    );
    assert!(
        !store
            .add_user_group(uid, "ops", "operator", T0)
            .await
            .unwrap(),
        "twice"
    );
    assert!(
        !store
            .add_user_group(uid + 99, "ops", "operator", T0)
            .await
            .unwrap(),
        "no user"
    );
    assert_eq!(store.user_groups(uid).await.unwrap(), ["admins", "ops"]);
    let view = store.session_view(b"g1").await.unwrap().unwrap();
    assert_eq!(view.groups, ["admins", "ops"]);
    let listed = store.list_users().await.unwrap();
    assert_eq!(listed[0].groups, ["admins", "ops"]);
    assert!(!listed[0].disabled);
    assert!(
        store
            .remove_user_group(uid, "admins", "operator", T0)
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_user_group(uid, "admins", "operator", T0)
            .await
            .unwrap()
    );
    assert_eq!(
        store.session_view(b"g1").await.unwrap().unwrap().groups,
        ["ops"]
    );
    assert!(
        store
            .remove_user_group(uid, "ops", "operator", T0)
            .await
            .unwrap()
    );
    assert!(
        store
            .session_view(b"g1")
            .await
            .unwrap()
            .unwrap()
            .groups
            .is_empty()
    );
    // Each change that happened is one event, newest first; the refused
    // ones (twice, no such user, not a member) wrote none.
    let kinds: Vec<_> = store
        .events(uid, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.ip))
        .collect();
    let group = |g: &str| g.to_owned();
    assert_eq!(
        kinds,
        [
            (
                EventKind::GroupRemoved {
                    group: group("ops")
                },
                "operator".to_owned()
            ),
            (
                EventKind::GroupRemoved {
                    group: group("admins")
                },
                "operator".to_owned()
            ),
            (
                EventKind::GroupAdded {
                    group: group("admins")
                },
                "operator".to_owned()
            ),
            (
                EventKind::GroupAdded {
                    group: group("ops")
                },
                "operator".to_owned()
            ),
        ]
    );
}

async fn disabling_ends_sessions_and_hides_them(store: &SqlStore) {
    let uid = new_user(store, "dora").await;
    let other = new_user(store, "otto").await;
    store
        .create_session(&session(b"d1", uid, Stage::Full, T0))
        .await
        .unwrap();
    store
        .create_session(&session(b"o1", other, Stage::Full, T0))
        .await
        .unwrap();
    assert!(
        store
            .set_user_disabled(uid, true, "operator", T0 + 5)
            .await
            .unwrap()
    );
    assert!(
        !store
            .set_user_disabled(uid, true, "operator", T0 + 5)
            .await
            .unwrap(),
        "already"
    );
    assert!(
        store.session(b"d1").await.unwrap().is_none(),
        "session ended"
    );
    assert!(
        store.session_view(b"o1").await.unwrap().is_some(),
        "others stay"
    );
    assert!(store.user_by_id(uid).await.unwrap().unwrap().disabled);
    // A session written after (by a node that raced the disable) is not seen.
    store
        .create_session(&session(b"d2", uid, Stage::Full, T0))
        .await
        .unwrap();
    assert!(store.session_view(b"d2").await.unwrap().is_none());
    assert!(store.list_users().await.unwrap()[0].disabled);
    assert!(
        store
            .set_user_disabled(uid, false, "operator", T0 + 5)
            .await
            .unwrap()
    );
    assert!(!store.user_by_id(uid).await.unwrap().unwrap().disabled);
    let kinds: Vec<_> = store
        .events(uid, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [EventKind::AccountEnabled, EventKind::AccountDisabled],
        "one event per change, none for the refused second disable"
    );
    assert!(store.events(other, 10).await.unwrap().is_empty());
    assert!(store.session_view(b"d2").await.unwrap().is_some());
}

async fn enrolment_link_is_single_use_and_expires(store: &SqlStore) {
    let placeholder = hash("$argon2id$placeholder");
    let token = EnrolmentToken {
        token_hash: b"link-1",
        now: T0,
        expires_at: T0 + 3600,
    };
    let user = store
        .create_enrolled_user(
            &user_row("Erin", "erin", &placeholder),
            &["staff", "admins"],
            &token,
        )
        .await
        .unwrap();
    assert_eq!(
        store.user_groups(user.id).await.unwrap(),
        ["admins", "staff"]
    );
    assert_eq!(
        store
            .enrolment_user(b"link-1", T0)
            .await
            .unwrap()
            .unwrap()
            .id,
        user.id
    );
    assert!(
        store
            .enrolment_user(b"link-1", T0 + 3600)
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.enrolment_user(b"other", T0).await.unwrap().is_none());
    // Expired: refused, nothing written.
    let chosen = hash("$argon2id$chosen");
    assert_eq!(
        store
            .complete_enrolment(b"link-1", &chosen, T0 + 3600)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .user_by_id(user.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        placeholder
    );
    assert_eq!(
        store
            .complete_enrolment(b"link-1", &chosen, T0 + 10)
            .await
            .unwrap(),
        Some(user.id)
    );
    assert_eq!(
        store
            .user_by_id(user.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        chosen
    );
    // Spent: a second use changes nothing.
    let again = hash("$argon2id$again");
    assert_eq!(
        store
            .complete_enrolment(b"link-1", &again, T0 + 11)
            .await
            .unwrap(),
        None
    );
    assert!(
        store
            .enrolment_user(b"link-1", T0 + 11)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .user_by_id(user.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        chosen
    );
}

async fn enrolled_user_with_taken_name_writes_nothing(store: &SqlStore) {
    new_user(store, "fay").await;
    let placeholder = hash("$argon2id$placeholder");
    let token = EnrolmentToken {
        token_hash: b"link-2",
        now: T0,
        expires_at: T0 + 3600,
    };
    let err = store
        .create_enrolled_user(&user_row("Fay", "fay", &placeholder), &["x"], &token)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    assert!(store.enrolment_user(b"link-2", T0).await.unwrap().is_none());
    assert_eq!(store.list_users().await.unwrap().len(), 1);
}

async fn a_reissued_link_replaces_the_old_one_until_a_password_is_chosen(store: &SqlStore) {
    let placeholder = hash("$argon2id$placeholder");
    let link = |token_hash: &'static [u8], now: i64| EnrolmentToken {
        token_hash,
        now,
        expires_at: now + 3600,
    };
    let user = store
        .create_enrolled_user(
            &user_row("Ivo", "ivo", &placeholder),
            &[],
            &link(b"first", T0),
        )
        .await
        .unwrap();
    assert!(
        store
            .reissue_enrolment(user.id, &link(b"second", T0 + 10))
            .await
            .unwrap()
    );
    assert!(
        store
            .enrolment_user(b"first", T0 + 10)
            .await
            .unwrap()
            .is_none(),
        "replaced"
    );
    let chosen = hash("$argon2id$chosen");
    assert_eq!(
        store
            .complete_enrolment(b"first", &chosen, T0 + 11)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .enrolment_user(b"second", T0 + 11)
            .await
            .unwrap()
            .unwrap()
            .id,
        user.id
    );
    assert_eq!(
        store
            .complete_enrolment(b"second", &chosen, T0 + 12)
            .await
            .unwrap(),
        Some(user.id)
    );
    // A password was chosen: no new link, nothing written.
    assert!(
        !store
            .reissue_enrolment(user.id, &link(b"third", T0 + 13))
            .await
            .unwrap()
    );
    assert!(
        store
            .enrolment_user(b"third", T0 + 13)
            .await
            .unwrap()
            .is_none()
    );
    // A user who signed up alone never had a link: none is made.
    let own = new_user(store, "olga").await;
    assert!(
        !store
            .reissue_enrolment(own, &link(b"fourth", T0))
            .await
            .unwrap()
    );
    assert!(store.enrolment_user(b"fourth", T0).await.unwrap().is_none());
    assert_eq!(
        store
            .user_by_id(user.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        chosen
    );
}
