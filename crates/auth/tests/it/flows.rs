//! Set-up, disabling, backup codes, password change, sessions.

use deadbolt_auth::{AuthError, EventKind, SecondFactorInput};

use crate::support::{PW, Rig};

#[tokio::test]
async fn fail_setup_is_active_only_after_a_valid_code_and_ends_other_sessions() {
    let r = Rig::new().await;
    r.user("gus").await;
    let (uid, here) = r.full_session("gus").await;
    let (_, elsewhere) = r.full_session("gus").await;
    let info = r
        .auth
        .begin_setup(&r.info(&here).await, PW, None, &r.client)
        .await
        .unwrap();
    // Not on yet: the password alone still signs in.
    assert!(
        !r.auth
            .session(&here)
            .await
            .unwrap()
            .unwrap()
            .two_factor_enabled
    );
    let wrong = r
        .auth
        .confirm_setup(&r.info(&here).await, "000000", &r.client)
        .await;
    assert!(matches!(wrong, Err(AuthError::WrongCode)), "{wrong:?}");
    // The pending set-up shows the same secret again, until confirmed.
    let again = r.auth.pending_setup(uid).await.unwrap().unwrap();
    assert_eq!(again.secret_base32, info.secret_base32);
    let secret = deadbolt_otp::Secret::from_base32(info.secret_base32.expose()).unwrap();
    r.auth
        .confirm_setup(&r.info(&here).await, &r.code(&secret, 0), &r.client)
        .await
        .unwrap();
    assert!(
        r.auth.pending_setup(uid).await.unwrap().is_none(),
        "never shown again"
    );
    assert!(
        r.auth
            .session(&here)
            .await
            .unwrap()
            .unwrap()
            .two_factor_enabled
    );
    assert!(
        r.auth.session(&elsewhere).await.unwrap().is_none(),
        "signed out"
    );
    assert_eq!(
        r.auth.events(uid, 1).await.unwrap()[0].kind,
        EventKind::TwoFactorEnabled
    );
}

#[tokio::test]
async fn fail_disabling_needs_a_second_factor() {
    let r = Rig::new().await;
    r.user("hal").await;
    let (uid, here) = r.full_session("hal").await;
    let secret = r.enable_two_factor(uid, &here).await;
    r.advance(60);
    let s = r.info(&here).await;
    let wrong = r
        .auth
        .disable(&s, PW, SecondFactorInput::code("000000"), &r.client)
        .await;
    assert!(matches!(wrong, Err(AuthError::WrongCode)), "{wrong:?}");
    let bad_pw = r
        .auth
        .disable(
            &s,
            "not the password",
            SecondFactorInput::code(r.code(&secret, 0)),
            &r.client,
        )
        .await;
    assert!(
        matches!(bad_pw, Err(AuthError::WrongPassword)),
        "{bad_pw:?}"
    );
    r.auth
        .disable(
            &s,
            PW,
            SecondFactorInput::code(r.code(&secret, 0)),
            &r.client,
        )
        .await
        .unwrap();
    assert!(
        !r.auth
            .session(&here)
            .await
            .unwrap()
            .unwrap()
            .two_factor_enabled
    );
}

#[tokio::test]
async fn fail_new_backup_codes_replace_the_old_set() {
    let r = Rig::new().await;
    r.user("ivy").await;
    let (uid, here) = r.full_session("ivy").await;
    r.enable_two_factor(uid, &here).await;
    let old = r
        .auth
        .regenerate_backup_codes(&r.info(&here).await, PW, None, &r.client)
        .await
        .unwrap();
    let new = r
        .auth
        .regenerate_backup_codes(&r.info(&here).await, PW, None, &r.client)
        .await
        .unwrap();
    assert!(old.iter().all(|c| !new.contains(c)));
    let p = r.pending("ivy").await;
    let stale = r
        .auth
        .second_factor(
            &p,
            SecondFactorInput::backup_code(old[0].expose()),
            &r.client,
        )
        .await;
    assert!(matches!(stale, Err(AuthError::WrongCode)), "{stale:?}");
    r.auth
        .second_factor(
            &p,
            SecondFactorInput::backup_code(new[0].expose()),
            &r.client,
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_password_change_rotates_this_session_and_ends_the_others() {
    let r = Rig::new().await;
    r.user("jo").await;
    let (_, here) = r.full_session("jo").await;
    let (_, elsewhere) = r.full_session("jo").await;
    let fresh = r
        .auth
        .change_password(
            &r.info(&here).await,
            PW,
            "another fine passphrase",
            None,
            &r.client,
        )
        .await
        .unwrap();
    assert!(r.auth.session(&here).await.unwrap().is_none(), "rotated");
    assert!(r.auth.session(&elsewhere).await.unwrap().is_none());
    assert!(r.auth.session(&fresh).await.unwrap().is_some());
    let old_pw = r.auth.login("jo", PW, None, &r.client).await;
    assert!(matches!(old_pw, Err(AuthError::InvalidCredentials)));
}

#[tokio::test]
async fn sessions_end_when_idle_or_too_old() {
    let r = Rig::new().await;
    r.user("kim").await;
    let (_, token) = r.full_session("kim").await;
    let idle = r.auth.config().session_idle_secs;
    r.advance(idle - 61);
    assert!(r.auth.session(&token).await.unwrap().is_some(), "touched");
    r.advance(idle - 61);
    assert!(
        r.auth.session(&token).await.unwrap().is_some(),
        "touched again"
    );
    let absolute = r.auth.config().session_absolute_secs;
    r.advance(absolute);
    assert!(
        r.auth.session(&token).await.unwrap().is_none(),
        "past its lifetime"
    );
    let (_, idle_one) = r.full_session("kim").await;
    r.advance(idle);
    assert!(r.auth.session(&idle_one).await.unwrap().is_none(), "idle");
}
