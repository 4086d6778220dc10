//! An account whose only second factor is a passkey (no authenticator
//! app): two factor authentication is on, backup codes are offered and
//! work at the code step, step-up asks for a second factor, removing the
//! last key turns 2FA off as disabling does, and the operator's reset takes
//! keys and codes.

use deadbolt_auth::{AuthError, EventKind, SecondFactorInput, SessionToken, Stage, TwoFactorAfter};

use crate::passkeys::{get, registered, rig};
use crate::support::{PW, Rig};

/// New backup codes for the session (inside the step-up window).
async fn new_codes(r: &Rig, token: &SessionToken) -> Vec<String> {
    let s = r.info(token).await;
    r.auth
        .regenerate_backup_codes(&s, PW, None, &r.client)
        .await
        .expect("backup codes for a passkey-only account")
        .iter()
        .map(|c| c.expose().to_owned())
        .collect()
}

#[tokio::test]
async fn a_passkey_only_account_has_two_factor_and_backup_codes() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    let s = r.info(&token).await;
    assert!(s.two_factor_enabled, "a passkey is a second factor");
    assert!(!s.authenticator_app && s.has_passkey);
    let overview = r.auth.overview(s.user_id, None).await.unwrap();
    assert!(overview.two_factor_enabled);
    assert!(!overview.authenticator_app);
    assert_eq!(overview.passkeys, 1);

    // Registering the key passed a second factor: codes need none now.
    let codes = new_codes(&r, &token).await;
    assert_eq!(codes.len(), 10);
    assert_eq!(r.info(&token).await.backup_codes_remaining, 10);

    // A backup code passes the code step of a password login.
    let pending = r.pending("ada").await;
    let full = r
        .auth
        .second_factor(
            &pending,
            SecondFactorInput::backup_code(&codes[0]),
            &r.client,
        )
        .await
        .expect("a backup code as the second factor");
    assert_eq!(r.info(&full).await.stage, Stage::Full);
    assert_eq!(r.info(&full).await.backup_codes_remaining, 9);

    // A 6-digit code is just wrong (there is no app), not another answer.
    let pending = r.pending("ada").await;
    assert!(matches!(
        r.auth
            .second_factor(&pending, SecondFactorInput::code("123456"), &r.client)
            .await,
        Err(AuthError::WrongCode)
    ));
}

#[tokio::test]
async fn fail_outside_the_window_a_passkey_only_account_steps_up() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    let codes = new_codes(&r, &token).await;
    r.advance(2 * r.auth.config().reauth_window_secs);
    let s = r.info(&token).await;
    assert!(r.auth.step_up_needed(&s));
    // The password alone no longer changes the factors.
    assert!(matches!(
        r.auth
            .regenerate_backup_codes(&s, PW, None, &r.client)
            .await,
        Err(AuthError::StepUpRequired)
    ));
    assert!(matches!(
        r.auth
            .change_password(&s, PW, "a brand new passphrase 77", None, &r.client)
            .await,
        Err(AuthError::StepUpRequired)
    ));
    assert!(matches!(
        r.auth
            .start_passkey_registration(&s, PW, None, &r.client)
            .await,
        Err(AuthError::StepUpRequired)
    ));
    assert_eq!(r.info(&token).await.backup_codes_remaining, 10);
    // A backup code passes the step-up and opens the window again.
    r.auth
        .regenerate_backup_codes(
            &s,
            PW,
            Some(SecondFactorInput::backup_code(&codes[3])),
            &r.client,
        )
        .await
        .expect("a backup code steps up");
    assert!(!r.auth.step_up_needed(&r.info(&token).await));
}

#[tokio::test]
async fn a_key_passes_the_step_up_once_and_only_the_owners() {
    let r = rig().await;
    let (mut key, _, token) = registered(&r, "ada").await;
    let (mut bobs_key, bobs_reg, bob) = registered(&r, "bob").await;
    r.advance(2 * r.auth.config().reauth_window_secs);
    let s = r.info(&token).await;
    assert!(r.auth.step_up_needed(&s));
    // Bob's key answering Ada's step-up: refused, Ada's budget pays.
    let options = r.auth.start_passkey_step_up(&s).await.unwrap();
    // (The test points the options at Bob's key, as a relaying page would.)
    let wrong = get(&mut bobs_key, options, Some((&bobs_reg, b"bob")));
    assert!(matches!(
        r.auth.finish_passkey_step_up(&s, wrong, &r.client).await,
        Err(AuthError::PasskeyRefused)
    ));
    assert!(r.auth.step_up_needed(&r.info(&token).await));
    // Ada's key passes it; the window is open again.
    let options = r.auth.start_passkey_step_up(&s).await.unwrap();
    let answer = get(&mut key, options, None);
    r.auth
        .finish_passkey_step_up(&s, answer.clone(), &r.client)
        .await
        .expect("the key steps up");
    let after = r.info(&token).await;
    assert!(!r.auth.step_up_needed(&after));
    assert!(after.second_factor_at.is_some());
    assert!(matches!(
        r.auth.finish_passkey_step_up(&s, answer, &r.client).await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    // A state started by one session does not serve another.
    let options = r.auth.start_passkey_step_up(&s).await.unwrap();
    let answer = get(&mut key, options, None);
    let bob_s = r.info(&bob).await;
    assert!(matches!(
        r.auth
            .finish_passkey_step_up(&bob_s, answer, &r.client)
            .await,
        Err(AuthError::PasskeyCeremonyGone)
    ));
    let events = r.auth.events(s.user_id, 1).await.unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::PasskeyUsed {
            name: "Blue key".into()
        }
    );
}

#[tokio::test]
async fn removing_the_last_passkey_turns_two_factor_off() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    let codes = new_codes(&r, &token).await;
    let pending = r.pending("ada").await;
    let other = r
        .auth
        .second_factor(
            &pending,
            SecondFactorInput::backup_code(&codes[0]),
            &r.client,
        )
        .await
        .unwrap();
    let uid = r.info(&token).await.user_id;
    let id = r.auth.passkeys(uid).await.unwrap()[0].id;
    // Outside the window the removal asks for the second factor.
    r.advance(2 * r.auth.config().reauth_window_secs);
    let s = r.info(&token).await;
    assert!(matches!(
        r.auth.remove_passkey(&s, id, PW, None, &r.client).await,
        Err(AuthError::StepUpRequired)
    ));
    assert!(r.auth.session(&other).await.unwrap().is_some());
    assert_eq!(r.auth.passkeys(uid).await.unwrap().len(), 1);

    let off = r
        .auth
        .remove_passkey(
            &s,
            id,
            PW,
            Some(SecondFactorInput::backup_code(&codes[1])),
            &r.client,
        )
        .await
        .expect("the last key is removed");
    assert!(off, "the last factor went");
    let s = r.info(&token).await;
    assert!(!s.two_factor_enabled);
    assert_eq!(s.backup_codes_remaining, 0, "the backup codes went too");
    assert!(
        r.auth.session(&other).await.unwrap().is_none(),
        "other sessions end as when 2FA is disabled"
    );
    let kinds: Vec<_> = r
        .auth
        .events(uid, 2)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds[0], EventKind::TwoFactorDisabled);
    // The password alone signs in again.
    let out = r.auth.login("ada", PW, None, &r.client).await.unwrap();
    assert_eq!(out.stage, Stage::Full);
}

#[tokio::test]
async fn an_operator_reset_takes_passkeys_and_backup_codes() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    new_codes(&r, &token).await;
    let uid = r.info(&token).await.user_id;
    assert_eq!(r.auth.admin_reset_two_factor("ada").await.unwrap(), 1);
    let (_, again) = r.full_session("ada").await;
    let s = r.info(&again).await;
    assert!(!s.two_factor_enabled);
    assert_eq!(s.backup_codes_remaining, 0);
    assert!(r.auth.passkeys(uid).await.unwrap().is_empty());
}

#[tokio::test]
async fn turning_the_app_off_while_keys_remain_keeps_two_factor_and_backup_codes() {
    let r = rig().await;
    let (_, _, token) = registered(&r, "ada").await;
    let uid = r.info(&token).await.user_id;
    // The app too (inside the step-up window the key opened).
    let secret = r.enable_two_factor(uid, &token).await;
    let codes = new_codes(&r, &token).await;
    let pending = r.pending("ada").await;
    let other = r
        .auth
        .second_factor(
            &pending,
            SecondFactorInput::backup_code(&codes[0]),
            &r.client,
        )
        .await
        .unwrap();
    r.advance(60);
    let s = r.info(&token).await;
    assert!(s.authenticator_app && s.has_passkey);
    assert_eq!(s.backup_codes_remaining, 9);

    let after = r
        .auth
        .disable(
            &s,
            PW,
            SecondFactorInput::code(r.code(&secret, 0)),
            &r.client,
        )
        .await
        .expect("the app is turned off");
    assert_eq!(after, TwoFactorAfter::OnByPasskeys);
    let s = r.info(&token).await;
    assert!(s.two_factor_enabled, "the key keeps 2FA on");
    assert!(!s.authenticator_app && s.has_passkey);
    assert_eq!(s.backup_codes_remaining, 9, "the backup codes stay");
    let overview = r.auth.overview(uid, None).await.unwrap();
    assert!(overview.two_factor_enabled && !overview.authenticator_app);
    assert!(
        r.auth.session(&other).await.unwrap().is_none(),
        "other sessions end"
    );
    let kinds: Vec<_> = r
        .auth
        .events(uid, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds[0], EventKind::AuthenticatorRemoved);
    // A password login still owes a second factor, and a kept code passes it.
    let pending = r.pending("ada").await;
    r.auth
        .second_factor(
            &pending,
            SecondFactorInput::backup_code(&codes[1]),
            &r.client,
        )
        .await
        .expect("a kept backup code still works");
}

#[tokio::test]
async fn turning_the_app_off_without_keys_turns_two_factor_off() {
    let r = Rig::new().await;
    let uid = r.user("hal").await;
    let (_, token) = r.full_session("hal").await;
    let secret = r.enable_two_factor(uid, &token).await;
    new_codes(&r, &token).await;
    r.advance(60);
    let s = r.info(&token).await;
    let after = r
        .auth
        .disable(
            &s,
            PW,
            SecondFactorInput::code(r.code(&secret, 0)),
            &r.client,
        )
        .await
        .unwrap();
    assert_eq!(after, TwoFactorAfter::Off);
    let s = r.info(&token).await;
    assert!(!s.two_factor_enabled);
    assert_eq!(s.backup_codes_remaining, 0);
    let kinds = r.auth.events(uid, 1).await.unwrap();
    assert_eq!(kinds[0].kind, EventKind::TwoFactorDisabled);
}
