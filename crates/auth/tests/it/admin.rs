//! The operator's commands.

use deadbolt_auth::{AuthError, EventKind, OPERATOR, token_hash};

use crate::support::Rig;

#[tokio::test]
async fn listing_users_starts_no_hashing_thread() {
    let r = Rig::new().await;
    assert!(r.auth.admin_list_users().await.unwrap().is_empty());
    assert!(!r.auth.hashing_started());
    r.user("lou").await;
    assert!(r.auth.hashing_started(), "sign-up hashes");
}

#[tokio::test]
async fn an_operator_reset_removes_the_second_factor_and_every_session() {
    let r = Rig::new().await;
    r.user("max").await;
    let (uid, here) = r.full_session("max").await;
    r.enable_two_factor(uid, &here).await;
    r.auth.admin_reset_two_factor("MAX").await.unwrap();
    assert!(r.auth.session(&here).await.unwrap().is_none());
    let users = r.auth.admin_list_users().await.unwrap();
    assert!(!users[0].two_factor_enabled);
    let ev = &r.auth.events(uid, 1).await.unwrap()[0];
    assert_eq!(ev.kind, EventKind::TwoFactorResetByOperator);
    assert_eq!(ev.ip, OPERATOR);
    assert!(matches!(
        r.auth.admin_reset_two_factor("nobody").await,
        Err(AuthError::NotFound)
    ));
    let _ = token_hash(&here);
}

#[tokio::test]
async fn operator_group_and_disable_changes_are_recorded_as_the_operators() {
    let r = Rig::new().await;
    r.user("gus").await;
    let (uid, here) = r.full_session("gus").await;
    assert!(r.auth.admin_set_group("gus", "Admins", true).await.unwrap());
    assert!(!r.auth.admin_set_group("gus", "admins", true).await.unwrap());
    assert!(
        r.auth
            .admin_set_group("gus", "admins", false)
            .await
            .unwrap()
    );
    assert!(r.auth.admin_set_disabled("gus", true).await.unwrap());
    assert!(r.auth.session(&here).await.unwrap().is_none(), "ended");
    assert!(r.auth.admin_set_disabled("gus", false).await.unwrap());
    let events = r.auth.events(uid, 4).await.unwrap();
    let kinds: Vec<_> = events.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            EventKind::AccountEnabled,
            EventKind::AccountDisabled,
            EventKind::GroupRemoved {
                group: "admins".into()
            },
            EventKind::GroupAdded {
                group: "admins".into()
            },
        ]
    );
    assert!(events.iter().all(|e| e.ip == OPERATOR));
    // A bad group name is refused before anything is written.
    let before = r.auth.events(uid, 100).await.unwrap().len();
    assert!(matches!(
        r.auth.admin_set_group("gus", "no spaces", true).await,
        Err(AuthError::Invalid { .. })
    ));
    assert_eq!(r.auth.events(uid, 100).await.unwrap().len(), before);
}
