//! Passkeys, continued: a passwordless ceremony whose state the client
//! holds sealed (no row until spent; the spent mark decides one use), and
//! turning the authenticator app off while a key remains (the backup codes
//! stay).

use deadbolt_store::{
    Budget, CeremonyKey, CeremonyRead, PasskeyOutcome, PasskeyStep, SessionRecord, SqlStore, Stage,
    Store,
};

use crate::passkeys::add;
use crate::{T0, new_user, session, spec, unspent_code_rows, user_with_device};

conformance! {
    a_sealed_ceremony_is_spent_once, sqlite_a_sealed_ceremony_is_spent_once, postgres_a_sealed_ceremony_is_spent_once;
    a_sealed_finish_takes_from_the_clients_budget, sqlite_a_sealed_finish_takes_from_the_clients_budget, postgres_a_sealed_finish_takes_from_the_clients_budget;
    removing_the_app_keeps_codes_while_a_key_remains, sqlite_removing_the_app_keeps_codes_while_a_key_remains, postgres_removing_the_app_keeps_codes_while_a_key_remains;
}

/// A passwordless sign-in's step: `ceremony` answered with `passkey_id`
/// at `counter`, opening `session`, charged to `account`; no events.
pub(crate) fn passwordless_step<'a>(
    ceremony: CeremonyKey<'a>,
    account: &'a str,
    passkey_id: i64,
    counter: i64,
    session: &'a SessionRecord,
) -> PasskeyStep<'a> {
    PasskeyStep {
        ceremony,
        budget: spec(account, 10, 900),
        passkey_id,
        counter,
        credential: "{}",
        pending: None,
        replaces: None,
        step_up: false,
        language: None,
        session,
        events: &[],
        regression_events: &[],
    }
}

/// A ceremony whose state the client holds sealed: no row until it is
/// spent; the read says "not spent" with the key, the commit inserts the
/// spent mark (one wins), a failure spends it too, and the mark outlives
/// the expiry by the clock margin before the purge forgets it.
async fn a_sealed_ceremony_is_spent_once(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    let id = add(store, a, "YubiKey", b"cred-1").await;
    let k = CeremonyKey {
        binding: b"sealed-1",
        kind: "passwordless",
        sealed_until: Some(T0 + 300),
        client_budget: None,
    };
    let CeremonyRead::Live {
        state,
        passkey: found,
    } = store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap()
    else {
        panic!("not spent")
    };
    assert_eq!(state, "");
    assert_eq!(found.unwrap().id, id);
    assert_eq!(
        store.ceremony_with_passkey(k, b"nobody", T0).await.unwrap(),
        CeremonyRead::Live {
            state: String::new(),
            passkey: None
        },
        "an unknown key, the ceremony not spent"
    );
    assert_eq!(
        store
            .ceremony_with_passkey(k, b"cred-1", T0 + 300)
            .await
            .unwrap(),
        CeremonyRead::Gone,
        "expired"
    );
    store
        .create_session(&session(b"old", a, Stage::Full, T0))
        .await
        .unwrap();
    let full = session(b"full", a, Stage::Full, T0);
    let step = PasskeyStep {
        ceremony: k,
        budget: spec("2fa:user:ada", 10, 900),
        passkey_id: id,
        counter: 3,
        credential: "{}",
        pending: None,
        replaces: Some(b"old"),
        step_up: false,
        language: Some("fr"),
        session: &full,
        events: &[],
        regression_events: &[],
    };
    assert_eq!(
        store.pass_passkey(&step).await.unwrap(),
        PasskeyOutcome::Passed
    );
    let view = store
        .session_view(b"full")
        .await
        .unwrap()
        .expect("the new session");
    assert_eq!(
        view.language.as_deref(),
        Some("fr"),
        "the browser's language becomes the account's in the same commit"
    );
    assert!(
        store.session(b"old").await.unwrap().is_none(),
        "the earlier session ends in the same commit"
    );
    assert_eq!(
        store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap(),
        CeremonyRead::Gone,
        "spent"
    );
    let again = session(b"again", a, Stage::Full, T0);
    let replay = PasskeyStep {
        counter: 4,
        session: &again,
        ..step
    };
    assert_eq!(
        store.pass_passkey(&replay).await.unwrap(),
        PasskeyOutcome::CeremonyGone
    );
    assert!(store.session(b"again").await.unwrap().is_none());
    assert_eq!(store.passkeys(a).await.unwrap()[0].counter, 3);
    // A failed finish spends a sealed ceremony too.
    let k2 = CeremonyKey {
        binding: b"sealed-2",
        ..k
    };
    assert_eq!(
        store
            .drop_ceremony(k2, Some(spec("2fa:user:x", 5, 900)), T0)
            .await
            .unwrap(),
        Budget::Granted
    );
    assert_eq!(
        store
            .ceremony_with_passkey(k2, b"cred-1", T0)
            .await
            .unwrap(),
        CeremonyRead::Gone
    );
    // The marks stay past the expiry by the margin (a node whose clock
    // lags still finds them), then the purge forgets them.
    store.purge_sessions(T0 + 300, 0).await.unwrap();
    assert_eq!(
        store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap(),
        CeremonyRead::Gone
    );
    store.purge_sessions(T0 + 900, 0).await.unwrap();
    assert!(matches!(
        store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap(),
        CeremonyRead::Live { .. }
    ));
}

/// A sealed ceremony's client budget: the read reports it empty (before
/// any signature would be checked), and a commit that would spend the
/// state with it empty writes nothing (no spent mark, no session, the
/// account's budget untouched); each commit that spends a state takes
/// one attempt from it, passed or refused.
async fn a_sealed_finish_takes_from_the_clients_budget(store: &SqlStore) {
    let a = new_user(store, "ada").await;
    let id = add(store, a, "YubiKey", b"cred-1").await;
    let client = spec("passkey:ip:192.0.2.9", 2, 10);
    let sealed = |binding: &'static [u8]| CeremonyKey {
        binding,
        kind: "passwordless",
        sealed_until: Some(T0 + 300),
        client_budget: Some(client),
    };
    let live = |r: CeremonyRead| {
        matches!(
            r,
            CeremonyRead::Live {
                passkey: Some(_),
                ..
            }
        )
    };
    assert!(live(
        store
            .ceremony_with_passkey(sealed(b"s-1"), b"cred-1", T0)
            .await
            .unwrap()
    ));
    // Two attempts in the budget: a refused finish, then a passed one.
    assert_eq!(
        store.drop_ceremony(sealed(b"s-1"), None, T0).await.unwrap(),
        Budget::Granted
    );
    let full = session(b"full", a, Stage::Full, T0);
    let step =
        |binding: &'static [u8], s| passwordless_step(sealed(binding), "2fa:user:ada", id, 1, s);
    assert_eq!(
        store.pass_passkey(&step(b"s-2", &full)).await.unwrap(),
        PasskeyOutcome::Passed
    );
    // Empty now: the read says so, and neither commit writes anything.
    match store
        .ceremony_with_passkey(sealed(b"s-3"), b"cred-1", T0)
        .await
        .unwrap()
    {
        CeremonyRead::Throttled { retry_after } => assert!((1..=10).contains(&retry_after)),
        other => panic!("an empty client budget: {other:?}"),
    }
    let other = session(b"other", a, Stage::Full, T0);
    let mut moved = step(b"s-3", &other);
    moved.counter = 2;
    assert!(matches!(
        store.pass_passkey(&moved).await.unwrap(),
        PasskeyOutcome::Throttled { .. }
    ));
    assert!(matches!(
        store.drop_ceremony(sealed(b"s-4"), None, T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    assert!(store.session(b"other").await.unwrap().is_none());
    assert_eq!(store.passkeys(a).await.unwrap()[0].counter, 1);
    let unbudgeted = |binding| CeremonyKey {
        client_budget: None,
        ..sealed(binding)
    };
    for binding in [b"s-3", b"s-4"] {
        assert!(
            live(
                store
                    .ceremony_with_passkey(unbudgeted(binding), b"cred-1", T0)
                    .await
                    .unwrap()
            ),
            "not spent"
        );
    }
    // The account's budget lost nothing (the pass refunded its attempt,
    // the throttled ones took none): all 10 left.
    for _ in 0..10 {
        assert_eq!(
            store
                .take_budget(spec("2fa:user:ada", 10, 900), T0)
                .await
                .unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store
            .take_budget(spec("2fa:user:ada", 10, 900), T0)
            .await
            .unwrap(),
        Budget::Exhausted { .. }
    ));
    // Another address has its own budget; time refills this one.
    let elsewhere = spec("passkey:ip:198.51.100.7", 2, 10);
    assert!(live(
        store
            .ceremony_with_passkey(
                CeremonyKey {
                    client_budget: Some(elsewhere),
                    ..sealed(b"s-3")
                },
                b"cred-1",
                T0
            )
            .await
            .unwrap()
    ));
    assert!(live(
        store
            .ceremony_with_passkey(sealed(b"s-3"), b"cred-1", T0 + 10)
            .await
            .unwrap()
    ));
    let later = SessionRecord {
        created_at: T0 + 10,
        ..session(b"later", a, Stage::Full, T0 + 10)
    };
    let mut refilled = step(b"s-3", &later);
    refilled.counter = 2;
    refilled.budget = spec("2fa:user:bob", 10, 900);
    assert_eq!(
        store.pass_passkey(&refilled).await.unwrap(),
        PasskeyOutcome::Passed
    );
    // A pass leaves the account's budget whole; a counter that does not
    // move forward costs the account one attempt (and spends the state).
    let bob = |n: i64| {
        let mut left = 0;
        async move {
            for _ in 0..n {
                if store
                    .take_budget(spec("2fa:user:bob", 10, 900), T0 + 20)
                    .await
                    .unwrap()
                    == Budget::Granted
                {
                    left += 1;
                }
            }
            left
        }
    };
    let again = SessionRecord {
        created_at: T0 + 20,
        ..session(b"again", a, Stage::Full, T0 + 20)
    };
    let replayed = PasskeyStep {
        ceremony: sealed(b"s-5"),
        session: &again,
        ..refilled
    };
    assert_eq!(
        store.pass_passkey(&replayed).await.unwrap(),
        PasskeyOutcome::CounterRegressed
    );
    assert!(store.session(b"again").await.unwrap().is_none());
    assert_eq!(bob(10).await, 9, "one attempt kept by the regression");
}

/// Turning the authenticator app off: with a key left the backup codes
/// stay (2FA is on by the key); without one they go with the device.
async fn removing_the_app_keeps_codes_while_a_key_remains(store: &SqlStore) {
    let (a, _) = user_with_device(store, "ada", 1).await;
    let (b, _) = user_with_device(store, "bob", 1).await;
    add(store, a, "YubiKey", b"cred-1").await;
    for user in [a, b] {
        store
            .replace_backup_codes(user, &[b"h1".to_vec(), b"h2".to_vec()], T0)
            .await
            .unwrap();
    }
    assert!(
        store.remove_authenticator(a).await.unwrap(),
        "the key keeps 2FA on"
    );
    assert!(store.confirmed_device(a).await.unwrap().is_none());
    assert_eq!(unspent_code_rows(store, a).await, 2);
    assert_eq!(store.passkeys(a).await.unwrap().len(), 1);
    assert!(!store.remove_authenticator(b).await.unwrap(), "2FA off");
    assert!(store.confirmed_device(b).await.unwrap().is_none());
    assert_eq!(unspent_code_rows(store, b).await, 0);
}
