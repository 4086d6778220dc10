//! Passkeys: registration (credential ids unique across users), rename and
//! removal by their owner only, the operator's reset, ceremony states used
//! once, and the sign-in commit (`pass_passkey`: the counter moves forward
//! or nothing but the budget and the regression event is written).

use deadbolt_store::{
    Budget, CeremonyKey, CeremonyRead, Constraint, EventKind, NewPasskey, PasskeyOutcome,
    PasskeyStep, SqlStore, Stage, Store, StoreError,
};

use crate::{T0, new_user, session, spec, user_with_device};

conformance! {
    passkeys_are_named_unique_and_owned, sqlite_passkeys_are_named_unique_and_owned, postgres_passkeys_are_named_unique_and_owned;
    ceremony_states_are_used_once, sqlite_ceremony_states_are_used_once, postgres_ceremony_states_are_used_once;
    pass_passkey_moves_the_counter_forward_once, sqlite_pass_passkey_moves_the_counter_forward_once, postgres_pass_passkey_moves_the_counter_forward_once;
    pass_passkey_ends_the_pending_login, sqlite_pass_passkey_ends_the_pending_login, postgres_pass_passkey_ends_the_pending_login;
    operator_reset_removes_passkeys, sqlite_operator_reset_removes_passkeys, postgres_operator_reset_removes_passkeys;
    the_last_passkey_takes_two_factor_with_it, sqlite_the_last_passkey_takes_two_factor_with_it, postgres_the_last_passkey_takes_two_factor_with_it;
    a_step_up_with_a_key_marks_the_live_session, sqlite_a_step_up_with_a_key_marks_the_live_session, postgres_a_step_up_with_a_key_marks_the_live_session;
}

fn key<'a>(user_id: i64, name: &'a str, cred: &'a [u8]) -> NewPasskey<'a> {
    NewPasskey {
        user_id,
        name,
        user_handle: b"handle-0123456789",
        credential_id: cred,
        credential: "{\"cred\":1}",
        counter: 0,
    }
}

pub(crate) async fn add(store: &SqlStore, user_id: i64, name: &str, cred: &[u8]) -> i64 {
    store
        .add_passkey(&key(user_id, name, cred), "192.0.2.1", "test", T0)
        .await
        .expect("add passkey")
        .id
}

async fn passkeys_are_named_unique_and_owned(store: &SqlStore) {
    let (a, b) = (new_user(store, "ada").await, new_user(store, "bob").await);
    let first = add(store, a, "YubiKey", b"cred-1").await;
    let second = add(store, a, "Laptop", b"cred-2").await;
    let keys = store.passkeys(a).await.unwrap();
    assert_eq!(
        keys.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(),
        ["YubiKey", "Laptop"]
    );
    assert_eq!(keys[0].credential_id, b"cred-1");
    assert_eq!(keys[0].last_used_at, None);
    assert_eq!(keys[0].created_at, T0);
    // A credential id belongs to one key, whoever registers it again.
    let again = store
        .add_passkey(&key(b, "Stolen", b"cred-1"), "192.0.2.1", "test", T0)
        .await;
    assert!(
        matches!(again, Err(StoreError::Conflict(Constraint::Passkey))),
        "{again:?}"
    );
    assert!(store.passkeys(b).await.unwrap().is_empty());
    // Added events (two), none for the refused one.
    let added: Vec<_> = store.events(a, 10).await.unwrap();
    assert_eq!(
        added[0].kind,
        EventKind::PasskeyAdded {
            name: "Laptop".into()
        }
    );
    assert!(store.events(b, 10).await.unwrap().is_empty());
    // Only the owner renames or removes.
    assert!(!store.rename_passkey(b, first, "Mine").await.unwrap());
    assert!(store.rename_passkey(a, first, "Blue key").await.unwrap());
    assert_eq!(
        store
            .remove_passkey(b, second, b"-", "ip", "ua", T0)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .remove_passkey(a, second, b"-", "ip", "ua", T0)
            .await
            .unwrap()
            .map(|r| (r.name, r.last_factor)),
        Some(("Laptop".to_owned(), false)),
        "another key is left: two factor authentication stays on"
    );
    assert_eq!(
        store
            .remove_passkey(a, second, b"-", "ip", "ua", T0)
            .await
            .unwrap(),
        None
    );
    let left = store.passkeys(a).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].name, "Blue key");
    assert_eq!(
        store.events(a, 1).await.unwrap()[0].kind,
        EventKind::PasskeyRemoved {
            name: "Laptop".into()
        }
    );
}

async fn ceremony_states_are_used_once(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    let k = CeremonyKey {
        binding: b"session-a",
        kind: "register",
        sealed_until: None,
        client_budget: None,
    };
    store
        .put_ceremony(k, Some(a), "state-1", T0 + 300, T0)
        .await
        .unwrap();
    // A second start replaces the first.
    store
        .put_ceremony(k, Some(a), "state-2", T0 + 300, T0)
        .await
        .unwrap();
    // Another kind or another binding does not see it.
    let other_kind = CeremonyKey {
        binding: b"session-a",
        kind: "second_factor",
        sealed_until: None,
        client_budget: None,
    };
    let other_binding = CeremonyKey {
        binding: b"session-b",
        kind: "register",
        sealed_until: None,
        client_budget: None,
    };
    assert_eq!(store.take_ceremony(other_kind, T0).await.unwrap(), None);
    assert_eq!(store.take_ceremony(other_binding, T0).await.unwrap(), None);
    assert_eq!(
        store.ceremony_with_passkey(k, b"none", T0).await.unwrap(),
        CeremonyRead::Live {
            state: "state-2".to_owned(),
            passkey: None
        }
    );
    assert_eq!(
        store.take_ceremony(k, T0).await.unwrap().as_deref(),
        Some("state-2")
    );
    assert_eq!(store.take_ceremony(k, T0).await.unwrap(), None);
    // An expired state is not given, and goes.
    store
        .put_ceremony(k, Some(a), "late", T0 + 10, T0)
        .await
        .unwrap();
    assert_eq!(
        store.ceremony_with_passkey(k, b"x", T0 + 10).await.unwrap(),
        CeremonyRead::Gone
    );
    assert_eq!(store.take_ceremony(k, T0 + 10).await.unwrap(), None);
    assert_eq!(store.take_ceremony(k, T0).await.unwrap(), None);
    // A failed finish drops the state and takes the budget.
    store
        .put_ceremony(k, Some(a), "s", T0 + 300, T0)
        .await
        .unwrap();
    let budget = spec("2fa:user:x", 1, 900);
    assert_eq!(
        store.drop_ceremony(k, Some(budget), T0).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(store.take_ceremony(k, T0).await.unwrap(), None);
    assert!(matches!(
        store.drop_ceremony(k, Some(budget), T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
}

async fn pass_passkey_moves_the_counter_forward_once(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    let id = add(store, a, "YubiKey", b"cred-1").await;
    let k = CeremonyKey {
        binding: b"pw-less-1",
        kind: "passwordless",
        sealed_until: None,
        client_budget: None,
    };
    let budget = spec("2fa:user:ada", 10, 900);
    let events = [EventKind::PasskeyUsed {
        name: "YubiKey".into(),
    }];
    let regressed = [EventKind::PasskeyCounterRegressed {
        name: "YubiKey".into(),
    }];
    let full = session(b"full-1", a, Stage::Full, T0);
    let step = |counter, session| PasskeyStep {
        ceremony: k,
        budget,
        passkey_id: id,
        counter,
        credential: "{\"cred\":2}",
        pending: None,
        replaces: None,
        step_up: false,
        language: None,
        session,
        events: &events,
        regression_events: &regressed,
    };
    // The state and the key are read together.
    store
        .put_ceremony(k, None, "state", T0 + 300, T0)
        .await
        .unwrap();
    let CeremonyRead::Live {
        state,
        passkey: found,
    } = store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap()
    else {
        panic!("a live state")
    };
    assert_eq!(state, "state");
    assert_eq!(found.unwrap().id, id);
    assert_eq!(
        store.pass_passkey(&step(5, &full)).await.unwrap(),
        PasskeyOutcome::Passed
    );
    let kept = &store.passkeys(a).await.unwrap()[0];
    assert_eq!((kept.counter, kept.last_used_at), (5, Some(T0)));
    assert_eq!(kept.credential, "{\"cred\":2}");
    assert!(store.session(b"full-1").await.unwrap().is_some());
    assert_eq!(store.events(a, 1).await.unwrap()[0].kind, events[0]);
    // The same state again: gone, nothing written.
    let again = session(b"full-2", a, Stage::Full, T0);
    assert_eq!(
        store.pass_passkey(&step(6, &again)).await.unwrap(),
        PasskeyOutcome::CeremonyGone
    );
    assert!(store.session(b"full-2").await.unwrap().is_none());
    // A fresh state but the same counter: refused, recorded, no session.
    store
        .put_ceremony(k, None, "state", T0 + 300, T0)
        .await
        .unwrap();
    assert_eq!(
        store.pass_passkey(&step(5, &again)).await.unwrap(),
        PasskeyOutcome::CounterRegressed
    );
    assert!(store.session(b"full-2").await.unwrap().is_none());
    assert_eq!(store.events(a, 1).await.unwrap()[0].kind, regressed[0]);
    assert_eq!(store.passkeys(a).await.unwrap()[0].counter, 5);
    // ...and its state is spent.
    assert_eq!(store.take_ceremony(k, T0).await.unwrap(), None);
}

async fn pass_passkey_ends_the_pending_login(store: &SqlStore) {
    let (a, _) = user_with_device(store, "ada", 1).await;
    let id = add(store, a, "Key", b"cred-1").await;
    let k = CeremonyKey {
        binding: b"pending-hash",
        kind: "second_factor",
        sealed_until: None,
        client_budget: None,
    };
    let budget = spec("2fa:user:ada", 10, 900);
    store
        .create_session(&session(b"pending-hash", a, Stage::Pending, T0))
        .await
        .unwrap();
    let full = session(b"full", a, Stage::Full, T0);
    let step = PasskeyStep {
        ceremony: k,
        budget,
        passkey_id: id,
        counter: 0,
        credential: "{}",
        pending: Some(b"pending-hash"),
        replaces: None,
        step_up: false,
        language: None,
        session: &full,
        events: &[],
        regression_events: &[],
    };
    store
        .put_ceremony(k, Some(a), "state", T0 + 300, T0)
        .await
        .unwrap();
    // Counters of 0 (a passkey that keeps none) pass every time.
    assert_eq!(
        store.pass_passkey(&step).await.unwrap(),
        PasskeyOutcome::Passed
    );
    assert!(store.session(b"pending-hash").await.unwrap().is_none());
    assert_eq!(
        store.session(b"full").await.unwrap().unwrap().stage,
        Stage::Full
    );
    // A pending login already gone: nothing written, the state stays unspent.
    store
        .put_ceremony(k, Some(a), "state", T0 + 300, T0)
        .await
        .unwrap();
    let other = session(b"other", a, Stage::Full, T0);
    let later = PasskeyStep {
        session: &other,
        ..step
    };
    assert_eq!(
        store.pass_passkey(&later).await.unwrap(),
        PasskeyOutcome::PendingGone
    );
    assert!(store.session(b"other").await.unwrap().is_none());
    // An empty budget: throttled before anything is checked.
    let empty = spec("2fa:user:empty", 1, 900);
    store.take_budget(empty, T0).await.unwrap();
    let throttled = PasskeyStep {
        budget: empty,
        ..later
    };
    assert!(matches!(
        store.pass_passkey(&throttled).await.unwrap(),
        PasskeyOutcome::Throttled { .. }
    ));
    assert!(store.take_ceremony(k, T0).await.unwrap().is_some());
}

async fn operator_reset_removes_passkeys(store: &SqlStore) {
    let (a, _) = user_with_device(store, "ada", 1).await;
    let b = new_user(store, "bob").await;
    add(store, a, "One", b"cred-1").await;
    add(store, a, "Two", b"cred-2").await;
    add(store, b, "Bob's", b"cred-3").await;
    assert_eq!(store.remove_all_factors(a).await.unwrap(), 2);
    assert!(store.passkeys(a).await.unwrap().is_empty());
    assert!(store.confirmed_device(a).await.unwrap().is_none());
    assert_eq!(store.passkeys(b).await.unwrap().len(), 1);
}

/// A passkey-only account: the session view counts the key as a second
/// factor; removing the last key turns 2FA off in the same transaction
/// (backup codes gone, other sessions ended, `two_factor_disabled`); with a
/// confirmed device left, nothing but the key goes.
async fn the_last_passkey_takes_two_factor_with_it(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    for (token, stage) in [(b"kept", Stage::Full), (b"gone", Stage::Full)] {
        store
            .open_session(None, &session(token, a, stage, T0), &[])
            .await
            .unwrap();
    }
    let view = store.session_view(b"kept").await.unwrap().unwrap();
    assert!(!view.has_passkey && !view.two_factor_enabled);
    let id = add(store, a, "YubiKey", b"cred-1").await;
    store
        .replace_backup_codes(a, &[b"h1".to_vec(), b"h2".to_vec()], T0)
        .await
        .unwrap();
    let view = store.session_view(b"kept").await.unwrap().unwrap();
    assert!(view.has_passkey, "a key is a second factor");
    assert!(!view.two_factor_enabled, "no authenticator app");
    assert_eq!(view.backup_codes_remaining, 2);

    let removed = store
        .remove_passkey(a, id, b"kept", "ip", "ua", T0)
        .await
        .unwrap()
        .unwrap();
    assert!(removed.last_factor);
    let view = store.session_view(b"kept").await.unwrap().unwrap();
    assert!(!view.has_passkey);
    assert_eq!(view.backup_codes_remaining, 0, "the backup codes went too");
    assert!(store.session_view(b"gone").await.unwrap().is_none());
    let kinds: Vec<_> = store
        .events(a, 2)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            EventKind::TwoFactorDisabled,
            EventKind::PasskeyRemoved {
                name: "YubiKey".into()
            }
        ]
    );

    // With an authenticator app the key goes alone.
    let (b, _) = user_with_device(store, "bob", 1).await;
    store
        .open_session(None, &session(b"bob-other", b, Stage::Full, T0), &[])
        .await
        .unwrap();
    let id = add(store, b, "Laptop", b"cred-2").await;
    store
        .replace_backup_codes(b, &[b"h3".to_vec()], T0)
        .await
        .unwrap();
    let removed = store
        .remove_passkey(b, id, b"bob-kept", "ip", "ua", T0)
        .await
        .unwrap()
        .unwrap();
    assert!(!removed.last_factor);
    let view = store.session_view(b"bob-other").await.unwrap().unwrap();
    assert_eq!(view.backup_codes_remaining, 1);
    assert!(view.two_factor_enabled);
}

/// A step-up with a key: the same commit, which marks the caller's live
/// session (`second_factor_at`) instead of opening one; a session that is
/// gone (or only pending) writes nothing.
async fn a_step_up_with_a_key_marks_the_live_session(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    let id = add(store, a, "Key", b"cred-1").await;
    let k = CeremonyKey {
        binding: b"live",
        kind: "step_up",
        sealed_until: None,
        client_budget: None,
    };
    let budget = spec("2fa:user:ada", 10, 900);
    store
        .create_session(&session(b"live", a, Stage::Full, T0))
        .await
        .unwrap();
    let mut live = session(b"live", a, Stage::Full, T0 + 60);
    live.created_at = T0 + 60;
    let used = [EventKind::PasskeyUsed { name: "Key".into() }];
    let step = PasskeyStep {
        ceremony: k,
        budget,
        passkey_id: id,
        counter: 3,
        credential: "{}",
        pending: None,
        replaces: None,
        step_up: true,
        language: None,
        session: &live,
        events: &used,
        regression_events: &[],
    };
    store
        .put_ceremony(k, Some(a), "state", T0 + 300, T0)
        .await
        .unwrap();
    assert_eq!(
        store.pass_passkey(&step).await.unwrap(),
        PasskeyOutcome::Passed
    );
    let view = store.session_view(b"live").await.unwrap().unwrap();
    assert_eq!(view.second_factor_at, Some(T0 + 60));
    assert_eq!(store.events(a, 1).await.unwrap()[0].kind, used[0]);
    assert_eq!(store.passkeys(a).await.unwrap()[0].counter, 3);
    // A pending session is not marked: nothing written, the state stays.
    store
        .create_session(&session(b"pending", a, Stage::Pending, T0))
        .await
        .unwrap();
    let k2 = CeremonyKey {
        binding: b"pending",
        kind: "step_up",
        sealed_until: None,
        client_budget: None,
    };
    store
        .put_ceremony(k2, Some(a), "state", T0 + 300, T0)
        .await
        .unwrap();
    let pending = session(b"pending", a, Stage::Pending, T0 + 60);
    let refused = PasskeyStep {
        ceremony: k2,
        counter: 4,
        session: &pending,
        ..step
    };
    assert_eq!(
        store.pass_passkey(&refused).await.unwrap(),
        PasskeyOutcome::PendingGone
    );
    assert_eq!(store.passkeys(a).await.unwrap()[0].counter, 3);
    assert!(store.take_ceremony(k2, T0).await.unwrap().is_some());
    let view = store.session_view(b"pending").await.unwrap().unwrap();
    assert_eq!(view.second_factor_at, None);
}
