//! Passkeys, continued: a passwordless ceremony whose state the client
//! holds sealed (no row until spent; the spent mark decides one use), and
//! turning the authenticator app off while a key remains (the backup codes
//! stay).

use deadbolt_store::{Budget, CeremonyKey, PasskeyOutcome, PasskeyStep, SqlStore, Stage, Store};

use crate::passkeys::add;
use crate::{T0, new_user, session, spec, unspent_code_rows, user_with_device};

conformance! {
    a_sealed_ceremony_is_spent_once, sqlite_a_sealed_ceremony_is_spent_once, postgres_a_sealed_ceremony_is_spent_once;
    removing_the_app_keeps_codes_while_a_key_remains, sqlite_removing_the_app_keeps_codes_while_a_key_remains, postgres_removing_the_app_keeps_codes_while_a_key_remains;
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
    };
    let (state, found) = store
        .ceremony_with_passkey(k, b"cred-1", T0)
        .await
        .unwrap()
        .expect("not spent");
    assert_eq!(state, "");
    assert_eq!(found.unwrap().id, id);
    assert_eq!(
        store.ceremony_with_passkey(k, b"nobody", T0).await.unwrap(),
        Some((String::new(), None)),
        "an unknown key, the ceremony not spent"
    );
    assert_eq!(
        store
            .ceremony_with_passkey(k, b"cred-1", T0 + 300)
            .await
            .unwrap(),
        None,
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
        None,
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
        None
    );
    // The marks stay past the expiry by the margin (a node whose clock
    // lags still finds them), then the purge forgets them.
    store.purge_sessions(T0 + 300, 0).await.unwrap();
    assert_eq!(
        store.ceremony_with_passkey(k, b"cred-1", T0).await.unwrap(),
        None
    );
    store.purge_sessions(T0 + 900, 0).await.unwrap();
    assert!(
        store
            .ceremony_with_passkey(k, b"cred-1", T0)
            .await
            .unwrap()
            .is_some()
    );
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
