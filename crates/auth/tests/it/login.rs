//! The login state machine: password step, second factor, replay, budgets.

use deadbolt_auth::{AuthError, EventKind, SECOND_FACTOR_BURST, SecondFactorInput, SignInMethod};

use crate::support::{PW, Rig};

#[tokio::test]
async fn unknown_user_and_wrong_password_are_the_same_error() {
    let r = Rig::new().await;
    r.user("alice").await;
    let unknown = r.auth.login("nobody", PW, None, &r.client).await;
    let wrong = r
        .auth
        .login("alice", "not the password", None, &r.client)
        .await;
    assert!(matches!(unknown, Err(AuthError::InvalidCredentials)));
    assert!(matches!(wrong, Err(AuthError::InvalidCredentials)));
    assert_eq!(
        unknown.unwrap_err().to_string(),
        wrong.unwrap_err().to_string()
    );
}

#[tokio::test]
async fn a_2fa_account_is_only_pending_after_the_password() {
    let r = Rig::new().await;
    let (uid, session) = {
        r.user("bea").await;
        r.full_session("bea").await
    };
    let secret = r.enable_two_factor(uid, &session).await;
    r.advance(60);
    let pending = r.pending("bea").await;
    let token = r
        .auth
        .second_factor(&pending, Rig::totp(&r.code(&secret, 0)), &r.client)
        .await
        .unwrap();
    let info = r.auth.session(&token).await.unwrap().unwrap();
    assert_eq!(info.stage, deadbolt_auth::Stage::Full);
    // The pending session is gone: it was rotated into the full one.
    assert!(
        r.auth
            .second_factor(&pending, Rig::totp(&r.code(&secret, 1)), &r.client)
            .await
            .is_err()
    );
    let events = r.auth.events(uid, 5).await.unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::SignIn(SignInMethod::AuthenticatorCode)
    );
}

#[tokio::test]
async fn fail_a_code_is_accepted_once() {
    let r = Rig::new().await;
    r.user("cyd").await;
    let (uid, session) = r.full_session("cyd").await;
    let secret = r.enable_two_factor(uid, &session).await;
    r.advance(30);
    let code = r.code(&secret, 0);
    let first = r.pending("cyd").await;
    r.auth
        .second_factor(&first, Rig::totp(&code), &r.client)
        .await
        .unwrap();
    let second = r.pending("cyd").await;
    let again = r
        .auth
        .second_factor(&second, Rig::totp(&code), &r.client)
        .await;
    assert!(matches!(again, Err(AuthError::CodeReused)), "{again:?}");
    let events = r.auth.events(uid, 1).await.unwrap();
    assert_eq!(events[0].kind, EventKind::CodeReplayRefused);
}

#[tokio::test]
async fn fail_codes_two_steps_away_are_refused() {
    let r = Rig::new().await;
    r.user("dan").await;
    let (uid, session) = r.full_session("dan").await;
    let secret = r.enable_two_factor(uid, &session).await;
    r.advance(300);
    for steps in [-2, 2] {
        let p = r.pending("dan").await;
        let out = r
            .auth
            .second_factor(&p, Rig::totp(&r.code(&secret, steps)), &r.client)
            .await;
        assert!(matches!(out, Err(AuthError::WrongCode)), "{steps}: {out:?}");
    }
    let p = r.pending("dan").await;
    r.auth
        .second_factor(&p, Rig::totp(&r.code(&secret, -1)), &r.client)
        .await
        .expect("one step of skew is tolerated");
}

#[tokio::test]
async fn fail_wrong_codes_run_out_the_account_budget_and_say_when() {
    let r = Rig::new().await;
    r.user("eve").await;
    let (uid, session) = r.full_session("eve").await;
    r.enable_two_factor(uid, &session).await;
    let p = r.pending("eve").await;
    for _ in 0..SECOND_FACTOR_BURST {
        let out = r
            .auth
            .second_factor(&p, Rig::totp("000000"), &r.client)
            .await;
        assert!(matches!(out, Err(AuthError::WrongCode)), "{out:?}");
    }
    // Backup codes share the budget.
    let out = r
        .auth
        .second_factor(&p, SecondFactorInput::backup_code("k7mq2-x9vtd"), &r.client)
        .await;
    match out {
        Err(AuthError::Throttled { retry_after }) => assert!(retry_after > 0),
        other => panic!("expected Throttled, got {other:?}"),
    }
    let events = r.auth.events(uid, 1).await.unwrap();
    assert_eq!(events[0].kind, EventKind::SecondFactorLocked);
}

#[tokio::test]
async fn fail_a_backup_code_signs_in_once() {
    let r = Rig::new().await;
    r.user("fay").await;
    let (uid, session) = r.full_session("fay").await;
    r.enable_two_factor(uid, &session).await;
    let codes = r
        .auth
        .regenerate_backup_codes(&r.info(&session).await, PW, None, &r.client)
        .await
        .unwrap();
    assert_eq!(codes.len(), 10);
    let typed = codes[3].expose().to_uppercase().replace('-', " ");
    let p = r.pending("fay").await;
    r.auth
        .second_factor(&p, SecondFactorInput::backup_code(typed.clone()), &r.client)
        .await
        .expect("any case, a space for the dash");
    let events = r.auth.events(uid, 2).await.unwrap();
    assert_eq!(events[1].kind, EventKind::BackupCodeUsed { left: 9 });
    assert_eq!(events[0].kind, EventKind::SignIn(SignInMethod::BackupCode));
    let p = r.pending("fay").await;
    let again = r
        .auth
        .second_factor(&p, SecondFactorInput::backup_code(typed), &r.client)
        .await;
    assert!(matches!(again, Err(AuthError::WrongCode)), "{again:?}");
}
