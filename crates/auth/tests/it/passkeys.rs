//! Passkeys with a software authenticator (`webauthn-authenticator-rs`'s
//! `SoftPasskey`): registration, the second factor, passwordless sign-in,
//! and what must be refused — a counter that goes backwards, another
//! account's key, a state replayed or used from another session, the wrong
//! origin, the wrong RP id.

use deadbolt_auth::{AuthError, CEREMONY_SECS, EventKind, PendingLogin, SessionToken, Stage};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse, Url,
};

use crate::support::{PW, Rig};

const ORIGIN: &str = "https://login.deadbolt.test";

pub(crate) async fn rig() -> Rig {
    Rig::build(|c| c.public_url = ORIGIN.into()).await
}

pub(crate) fn origin() -> Url {
    Url::parse(ORIGIN).unwrap()
}

/// The authenticator's answer to registration options, as the browser posts it.
pub(crate) fn create(
    key: &mut SoftPasskey,
    options: serde_json::Value,
    at: &Url,
) -> serde_json::Value {
    let options: CreationChallengeResponse = serde_json::from_value(options).unwrap();
    let answer: RegisterPublicKeyCredential = key.do_registration(at.clone(), options).unwrap();
    serde_json::to_value(answer).unwrap()
}

/// The authenticator's answer to sign-in options. `SoftPasskey` keeps no
/// resident keys, so for a discoverable sign-in the test names the key it
/// holds and adds the user handle a resident key returns (both outside
/// what the key signs).
pub(crate) fn get(
    key: &mut SoftPasskey,
    options: serde_json::Value,
    holding: Option<(&serde_json::Value, &[u8])>,
) -> serde_json::Value {
    let mut options = options;
    if let Some((registered, _)) = holding {
        options["publicKey"]["allowCredentials"] =
            serde_json::json!([{"type": "public-key", "id": registered["rawId"]}]);
    }
    let options: RequestChallengeResponse = serde_json::from_value(options).unwrap();
    let mut answer: PublicKeyCredential = key.do_authentication(origin(), options).unwrap();
    if let Some((_, handle)) = holding {
        answer.response.user_handle = Some(handle.to_vec());
    }
    serde_json::to_value(answer).unwrap()
}

/// Sign `name` up and in, and register a key named `Blue key`; the key,
/// the registration answer, and the session.
pub(crate) async fn registered(
    r: &Rig,
    name: &str,
) -> (SoftPasskey, serde_json::Value, SessionToken) {
    r.user(name).await;
    let (_, token) = r.full_session(name).await;
    let s = r.info(&token).await;
    let mut key = SoftPasskey::new(true);
    let options = r
        .auth
        .start_passkey_registration(&s, PW, None, &r.client)
        .await
        .unwrap();
    let answer = create(&mut key, options, &origin());
    let added = r
        .auth
        .finish_passkey_registration(&s, "  Blue key ", answer.clone(), &r.client)
        .await
        .unwrap();
    assert_eq!(added.name, "Blue key");
    (key, answer, token)
}

/// The WebAuthn user handle of `name`'s keys (from the registration's options).
async fn handle_of(r: &Rig, token: &SessionToken) -> Vec<u8> {
    let s = r.info(token).await;
    let options = r
        .auth
        .start_passkey_registration(&s, PW, None, &r.client)
        .await
        .unwrap();
    let options: CreationChallengeResponse = serde_json::from_value(options).unwrap();
    options.public_key.user.id.to_vec()
}

pub(crate) async fn pending_of(r: &Rig, name: &str) -> PendingLogin {
    r.pending(name).await
}

#[tokio::test]
async fn a_key_registers_lists_renames_and_is_the_second_factor() {
    let r = rig().await;
    let (mut key, _, token) = registered(&r, "ada").await;
    let s = r.info(&token).await;
    let keys = r.auth.passkeys(s.user_id).await.unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].last_used_at, None);
    // The notice-sending event is recorded.
    let events = r.auth.events(s.user_id, 5).await.unwrap();
    assert!(events.iter().any(|e| e.kind
        == EventKind::PasskeyAdded {
            name: "Blue key".into()
        }));
    r.auth
        .rename_passkey(s.user_id, keys[0].id, "Work key")
        .await
        .unwrap();
    assert!(matches!(
        r.auth.rename_passkey(s.user_id, keys[0].id, "").await,
        Err(AuthError::Invalid { field: "name", .. })
    ));
    // A password login of an account with a key now owes a second factor.
    let pending = pending_of(&r, "ada").await;
    let options = r.auth.start_passkey_second_factor(&pending).await.unwrap();
    let answer = get(&mut key, options, None);
    let full = r
        .auth
        .finish_passkey_second_factor(&pending, answer.clone(), &r.client)
        .await
        .unwrap();
    let info = r.info(&full).await;
    assert_eq!(info.stage, Stage::Full);
    assert!(info.second_factor_at.is_some());
    let keys = r.auth.passkeys(s.user_id).await.unwrap();
    assert_eq!(keys[0].name, "Work key");
    assert!(keys[0].last_used_at.is_some());
    // The same answer again: its state is spent.
    assert!(matches!(
        r.auth
            .finish_passkey_second_factor(&pending, answer, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    // Removal needs the password.
    assert!(matches!(
        r.auth
            .remove_passkey(&s, keys[0].id, "wrong password", None, &r.client)
            .await,
        Err(AuthError::WrongPassword)
    ));
    r.auth
        .remove_passkey(&s, keys[0].id, PW, None, &r.client)
        .await
        .unwrap();
    assert!(r.auth.passkeys(s.user_id).await.unwrap().is_empty());
    // Without a key (and no app) the password alone signs in again.
    let out = r.auth.login("ada", PW, None, &r.client).await.unwrap();
    assert_eq!(out.stage, Stage::Full);
}

#[tokio::test]
async fn a_passkey_signs_in_without_a_password() {
    let r = rig().await;
    let (mut key, reg, token) = registered(&r, "ada").await;
    let handle = handle_of(&r, &token).await;
    let start = r.auth.start_passkey_login().await.unwrap();
    let answer = get(&mut key, start.options, Some((&reg, &handle)));
    let session = r
        .auth
        .finish_passkey_login(start.ceremony.expose(), answer.clone(), None, &r.client)
        .await
        .unwrap();
    let info = r.info(&session).await;
    assert_eq!(info.stage, Stage::Full);
    assert_eq!(info.username, "ada");
    let events = r.auth.events(info.user_id, 3).await.unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::PasskeyUsed {
            name: "Blue key".into()
        }
    );
    // Replayed: the ceremony is spent.
    assert!(matches!(
        r.auth
            .finish_passkey_login(start.ceremony.expose(), answer.clone(), None, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    // The same answer under another ceremony: its challenge is not this one's.
    let other = r.auth.start_passkey_login().await.unwrap();
    assert!(matches!(
        r.auth
            .finish_passkey_login(other.ceremony.expose(), answer, None, &r.client)
            .await,
        Err(AuthError::PasskeyRefused)
    ));
    // A user handle that is not the key's owner's is refused.
    assert!(matches!(
        passwordless(&r, &mut key, (&reg, FORGED), &r.client).await,
        Err(AuthError::PasskeyRefused)
    ));
}

/// A user handle no account has.
const FORGED: &[u8] = b"0123456789abcdef";

/// A whole passwordless sign-in from `client`: start, sign (answering with
/// `holding`'s user handle), finish.
async fn passwordless(
    r: &Rig,
    key: &mut SoftPasskey,
    holding: (&serde_json::Value, &[u8]),
    client: &deadbolt_auth::ClientInfo,
) -> Result<SessionToken, AuthError> {
    let start = r.auth.start_passkey_login().await.unwrap();
    let answer = get(key, start.options, Some(holding));
    r.auth
        .finish_passkey_login(start.ceremony.expose(), answer, None, client)
        .await
}

#[tokio::test]
async fn a_counter_that_goes_backwards_is_refused_and_recorded() {
    let r = rig().await;
    let (mut key, reg, token) = registered(&r, "ada").await;
    let handle = handle_of(&r, &token).await;
    let first = r.auth.start_passkey_login().await.unwrap();
    let second = r.auth.start_passkey_login().await.unwrap();
    // Signed in this order: counter 1, then 2.
    let older = get(&mut key, first.options, Some((&reg, &handle)));
    let newer = get(&mut key, second.options, Some((&reg, &handle)));
    r.auth
        .finish_passkey_login(second.ceremony.expose(), newer, None, &r.client)
        .await
        .unwrap();
    // A copy of the key (or the older signature) shows counter 1 after 2.
    assert!(matches!(
        r.auth
            .finish_passkey_login(first.ceremony.expose(), older, None, &r.client)
            .await,
        Err(AuthError::PasskeyRefused)
    ));
    let s = r.info(&token).await;
    let events = r.auth.events(s.user_id, 3).await.unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::PasskeyCounterRegressed {
            name: "Blue key".into()
        }
    );
}

#[tokio::test]
async fn another_accounts_key_and_another_sessions_state_are_refused() {
    let r = rig().await;
    let (mut ada_key, _, _) = registered(&r, "ada").await;
    let (_bob_key, _, _) = registered(&r, "bob").await;
    // Bob's pending login, answered with Ada's key (on options that name Bob's keys).
    let bob = pending_of(&r, "bob").await;
    let options = r.auth.start_passkey_second_factor(&bob).await.unwrap();
    let mut opts: RequestChallengeResponse = serde_json::from_value(options).unwrap();
    opts.public_key.allow_credentials.clear();
    let ada_pending = pending_of(&r, "ada").await;
    let ada_options = r
        .auth
        .start_passkey_second_factor(&ada_pending)
        .await
        .unwrap();
    let ada_opts: RequestChallengeResponse = serde_json::from_value(ada_options).unwrap();
    opts.public_key.allow_credentials = ada_opts.public_key.allow_credentials.clone();
    let answer = get(&mut ada_key, serde_json::to_value(opts).unwrap(), None);
    assert!(matches!(
        r.auth
            .finish_passkey_second_factor(&bob, answer, &r.client)
            .await,
        Err(AuthError::PasskeyRefused)
    ));
    // Ada's answer to her own ceremony, brought by another pending login of hers.
    let answer = get(&mut ada_key, serde_json::to_value(ada_opts).unwrap(), None);
    let other = pending_of(&r, "ada").await;
    assert!(matches!(
        r.auth
            .finish_passkey_second_factor(&other, answer.clone(), &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    // ...while the session that started it passes with it.
    r.auth
        .finish_passkey_second_factor(&ada_pending, answer, &r.client)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_wrong_origin_or_rp_id_is_refused() {
    let r = rig().await;
    r.user("ada").await;
    let (_, token) = r.full_session("ada").await;
    let s = r.info(&token).await;
    let mut key = SoftPasskey::new(true);
    // Another origin (a phishing site relaying the options).
    let options = r
        .auth
        .start_passkey_registration(&s, PW, None, &r.client)
        .await
        .unwrap();
    let evil = Url::parse("https://login.deadbolt.test.evil.example").unwrap();
    let mut opts: CreationChallengeResponse = serde_json::from_value(options).unwrap();
    opts.public_key.rp.id = "login.deadbolt.test.evil.example".into();
    let answer = serde_json::to_value(key.do_registration(evil, opts).unwrap()).unwrap();
    assert!(matches!(
        r.auth
            .finish_passkey_registration(&s, "Key", answer, &r.client)
            .await,
        Err(AuthError::PasskeyRefused)
    ));
    // The right origin, but a key made for a parent domain's RP id.
    let options = r
        .auth
        .start_passkey_registration(&s, PW, None, &r.client)
        .await
        .unwrap();
    let mut opts: CreationChallengeResponse = serde_json::from_value(options).unwrap();
    opts.public_key.rp.id = "deadbolt.test".into();
    let answer = serde_json::to_value(key.do_registration(origin(), opts).unwrap()).unwrap();
    assert!(matches!(
        r.auth
            .finish_passkey_registration(&s, "Key", answer, &r.client)
            .await,
        Err(AuthError::PasskeyRefused)
    ));
    assert!(r.auth.passkeys(s.user_id).await.unwrap().is_empty());
    // Garbage is a bad request, not a failure of the server.
    let options = r
        .auth
        .start_passkey_registration(&s, PW, None, &r.client)
        .await
        .unwrap();
    drop(options);
    assert!(matches!(
        r.auth
            .finish_passkey_registration(&s, "Key", serde_json::json!({"id": 5}), &r.client)
            .await,
        Err(AuthError::Invalid {
            field: "credential",
            ..
        })
    ));
}

#[tokio::test]
async fn an_operator_reset_removes_passkeys_too() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    let s = r.info(&token).await;
    assert_eq!(r.auth.admin_reset_two_factor("ada").await.unwrap(), 1);
    assert!(r.auth.passkeys(s.user_id).await.unwrap().is_empty());
}

/// Passwordless finishes are budgeted per client address (starts write
/// nothing and cost nothing): each finish that spends its state takes one
/// attempt, passed or refused; once the address's budget is empty a finish
/// is refused before its signature is checked, writing nothing (its state
/// still serves from elsewhere, or later).
#[tokio::test]
async fn fail_passwordless_finishes_are_budgeted_per_client() {
    let r = rig().await;
    let (mut key, reg, token) = registered(&r, "ada").await;
    let handle = handle_of(&r, &token).await;
    let uid = r.info(&token).await.user_id;
    for _ in 0..3 * deadbolt_auth::PASSWORD_IP_BURST {
        r.auth.start_passkey_login().await.unwrap();
    }
    // The budget's attempts: a refused finish (a forged user handle) costs
    // one like a passed one.
    assert!(matches!(
        passwordless(&r, &mut key, (&reg, FORGED), &r.client).await,
        Err(AuthError::PasskeyRefused)
    ));
    for _ in 1..deadbolt_auth::PASSWORD_IP_BURST {
        passwordless(&r, &mut key, (&reg, &handle), &r.client)
            .await
            .unwrap();
    }
    let events = r.auth.events(uid, 100).await.unwrap().len();
    let start = r.auth.start_passkey_login().await.unwrap();
    let answer = get(&mut key, start.options, Some((&reg, &handle)));
    match r
        .auth
        .finish_passkey_login(start.ceremony.expose(), answer.clone(), None, &r.client)
        .await
    {
        Err(AuthError::Throttled { retry_after }) => assert!(retry_after >= 1),
        other => panic!("the 31st finish from one address: {other:?}"),
    }
    assert_eq!(
        r.auth.events(uid, 100).await.unwrap().len(),
        events,
        "nothing written"
    );
    // Another address has its own budget: the same state still serves.
    let mut elsewhere = r.client.clone();
    elsewhere.ip = Some("198.51.100.7".parse().unwrap());
    r.auth
        .finish_passkey_login(start.ceremony.expose(), answer, None, &elsewhere)
        .await
        .unwrap();
    // Time refills this one.
    r.advance(deadbolt_auth::PASSWORD_IP_INTERVAL);
    passwordless(&r, &mut key, (&reg, &handle), &r.client)
        .await
        .unwrap();
}

/// A passwordless ceremony's state is held by the client, sealed: a
/// changed one, an expired one and a spent one are refused before any key
/// is looked at, and the finish replaces the browser's earlier session in
/// its commit.
#[tokio::test]
async fn fail_a_sealed_ceremony_is_unchangeable_expires_and_serves_once() {
    let r = rig().await;
    let (mut key, reg, token) = registered(&r, "ada").await;
    let handle = handle_of(&r, &token).await;
    let uid = r.info(&token).await.user_id;

    // Changed by the client: one character of the sealed state flipped.
    let start = r.auth.start_passkey_login().await.unwrap();
    let sealed = start.ceremony.expose().to_owned();
    assert!(sealed.len() > 100, "the state travels sealed: {sealed}");
    let mut changed = sealed.clone().into_bytes();
    let i = changed.len() / 2;
    changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    let answer = get(&mut key, start.options, Some((&reg, &handle)));
    assert!(matches!(
        r.auth
            .finish_passkey_login(&changed, answer.clone(), None, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    assert!(matches!(
        r.auth
            .finish_passkey_login("not sealed", answer.clone(), None, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    // Past its five minutes: gone, nothing spent from the budget.
    r.advance(CEREMONY_SECS);
    assert!(matches!(
        r.auth
            .finish_passkey_login(&sealed, answer, None, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    assert_eq!(
        r.auth.events(uid, 1).await.unwrap()[0].kind,
        EventKind::PasskeyAdded {
            name: "Blue key".into()
        },
        "refused before any attempt is recorded"
    );

    // In time: the browser's earlier session ends in the same commit.
    let start = r.auth.start_passkey_login().await.unwrap();
    let answer = get(&mut key, start.options, Some((&reg, &handle)));
    let old = deadbolt_auth::token_hash(&token);
    let fresh = r
        .auth
        .finish_passkey_login(
            start.ceremony.expose(),
            answer.clone(),
            Some(&old),
            &r.client,
        )
        .await
        .unwrap();
    assert!(r.auth.session(&token).await.unwrap().is_none(), "replaced");
    assert_eq!(r.info(&fresh).await.user_id, uid);
    // Spent: the same sealed state again is gone, and takes nothing.
    for _ in 0..3 {
        assert!(matches!(
            r.auth
                .finish_passkey_login(start.ceremony.expose(), answer.clone(), None, &r.client)
                .await,
            Err(AuthError::PasskeyCeremonyGone)
        ));
    }
    assert_eq!(
        r.auth.events(uid, 1).await.unwrap()[0].kind,
        EventKind::PasskeyUsed {
            name: "Blue key".into()
        }
    );
}
