//! Security events: recorded as `EventKind` values, read back newest first
//! as the same values.

use deadbolt_store::{EventKind, PasswordContext, SignInMethod, SqlStore, Store};

use crate::{T0, new_user};

conformance! {
    events_newest_first, sqlite_events_newest_first, postgres_events_newest_first;
    events_read_back_as_recorded, sqlite_events_read_back_as_recorded, postgres_events_read_back_as_recorded;
}

async fn events_newest_first(store: &SqlStore) {
    let uid = new_user(store, "tina").await;
    let other = new_user(store, "ugo").await;
    assert!(store.events(uid, 10).await.unwrap().is_empty());
    let sign_in = EventKind::SignIn(SignInMethod::Password);
    store
        .record_event(uid, &sign_in, "192.0.2.1", "ua", T0)
        .await
        .unwrap();
    store
        .record_event(
            uid,
            &EventKind::SecondFactorFailed,
            "192.0.2.2",
            "ua",
            T0 + 5,
        )
        .await
        .unwrap();
    store
        .record_event(uid, &EventKind::TwoFactorEnabled, "", "ua", T0 + 5)
        .await
        .unwrap();
    store
        .record_event(other, &sign_in, "198.51.100.1", "ua", T0 + 9)
        .await
        .unwrap();
    let ev = store.events(uid, 10).await.unwrap();
    let kinds: Vec<&str> = ev.iter().map(|e| e.kind.name()).collect();
    // Same second: the later insert first.
    assert_eq!(
        kinds,
        ["two_factor_enabled", "second_factor_failed", "sign_in"]
    );
    assert_eq!(ev[1].ip, "192.0.2.2");
    assert_eq!(ev[1].kind, EventKind::SecondFactorFailed);
    assert_eq!(ev[1].kind.detail(), "wrong code");
    assert_eq!(ev[1].at, T0 + 5);
    assert_eq!(ev[2].kind, sign_in);
    let ev = store.events(uid, 2).await.unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0].kind, EventKind::TwoFactorEnabled);
    assert_eq!(store.events(other, 10).await.unwrap().len(), 1);
    assert!(store.events(uid, 0).await.unwrap().is_empty());
}

/// Every kind goes through the database and comes back equal, stored as its
/// `name()` and `detail()` (the two text columns); rows this version does
/// not understand (a newer Deadbolt's) come back as `Other`, unchanged.
async fn events_read_back_as_recorded(store: &SqlStore) {
    let uid = new_user(store, "vic").await;
    let kinds = [
        EventKind::SignedUp,
        EventKind::SignIn(SignInMethod::Password),
        EventKind::SignIn(SignInMethod::AuthenticatorCode),
        EventKind::SignIn(SignInMethod::BackupCode),
        EventKind::SignInFailed(PasswordContext::Login),
        EventKind::SignInFailed(PasswordContext::Settings),
        EventKind::SecondFactorFailed,
        EventKind::SecondFactorLocked,
        EventKind::CodeReplayRefused,
        EventKind::TwoFactorEnabled,
        EventKind::TwoFactorDisabled,
        EventKind::TwoFactorResetByOperator,
        EventKind::BackupCodesGenerated { count: 10 },
        EventKind::BackupCodeUsed { left: 0 },
        EventKind::PasswordChanged,
        EventKind::GroupAdded {
            group: "admins".into(),
        },
        EventKind::GroupRemoved {
            group: "ops.team-1".into(),
        },
        EventKind::AccountDisabled,
        EventKind::AccountEnabled,
        EventKind::Other {
            kind: "from_the_future".into(),
            detail: "naïve 'quoted' \"text\"; --".into(),
        },
    ];
    for (i, kind) in kinds.iter().enumerate() {
        store
            .record_event(uid, kind, "2001:db8::1", "ua", T0 + i as i64)
            .await
            .unwrap();
    }
    let mut got = store.events(uid, 100).await.unwrap();
    got.reverse();
    assert_eq!(got.len(), kinds.len());
    for (i, (e, kind)) in got.iter().zip(&kinds).enumerate() {
        assert_eq!(&e.kind, kind);
        assert_eq!((e.at, e.ip.as_str()), (T0 + i as i64, "2001:db8::1"));
    }
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, detail FROM events WHERE user_id = $1 ORDER BY id")
            .bind(uid)
            .fetch_all(store.test_pool())
            .await
            .unwrap();
    let written: Vec<(String, String)> = kinds
        .iter()
        .map(|k| (k.name().to_owned(), k.detail()))
        .collect();
    assert_eq!(stored, written);
    assert_eq!(
        stored[12],
        ("backup_codes_generated".into(), "10 codes".into())
    );
    assert_eq!(stored[13], ("backup_code_used".into(), "0 left".into()));

    // Written by a newer Deadbolt (or damaged): read back as `Other`.
    let other = new_user(store, "wim").await;
    for (kind, detail) in [
        ("webauthn_from_the_future", "laptop"),
        ("backup_code_used", "many left"),
    ] {
        sqlx::query(
            "INSERT INTO events (user_id, at, kind, ip, detail) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(other)
        .bind(T0)
        .bind(kind)
        .bind("192.0.2.3")
        .bind(detail)
        .execute(store.test_pool())
        .await
        .unwrap();
    }
    let got: Vec<EventKind> = store
        .events(other, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        got,
        [
            EventKind::Other {
                kind: "backup_code_used".into(),
                detail: "many left".into(),
            },
            EventKind::Other {
                kind: "webauthn_from_the_future".into(),
                detail: "laptop".into(),
            },
        ]
    );
}
