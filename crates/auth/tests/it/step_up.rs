//! Step-up for sensitive changes, and what only failures cost.

use deadbolt_auth::{AuthConfig, AuthError, SecondFactorInput};

use crate::support::{PW, Rig};

#[tokio::test]
async fn fail_outside_the_window_a_change_to_the_factors_needs_a_code() {
    let r = Rig::new().await;
    r.user("una").await;
    let (uid, here) = r.full_session("una").await;
    let secret = r.enable_two_factor(uid, &here).await;
    let window = r.auth.config().reauth_window_secs;
    // Confirming the device started the window.
    assert!(!r.auth.step_up_needed(&r.info(&here).await));
    r.advance(window);
    let s = r.info(&here).await;
    assert!(r.auth.step_up_needed(&s));
    let refused = r
        .auth
        .regenerate_backup_codes(&s, PW, None, &r.client)
        .await;
    assert!(
        matches!(refused, Err(AuthError::StepUpRequired)),
        "{refused:?}"
    );
    let refused = r.auth.begin_setup(&s, PW, None, &r.client).await;
    assert!(
        matches!(refused, Err(AuthError::StepUpRequired)),
        "{refused:?}"
    );
    assert!(
        r.auth.pending_setup(uid).await.unwrap().is_none(),
        "nothing written"
    );
    // With a code: done, and the window covers the next change.
    let code = SecondFactorInput::code(r.code(&secret, 0));
    r.auth
        .regenerate_backup_codes(&s, PW, Some(code), &r.client)
        .await
        .unwrap();
    let s = r.info(&here).await;
    assert!(!r.auth.step_up_needed(&s));
    r.auth.begin_setup(&s, PW, None, &r.client).await.unwrap();
}

#[tokio::test]
async fn without_two_factor_there_is_no_step_up() {
    let r = Rig::new().await;
    r.user("vic").await;
    r.advance(10 * r.auth.config().reauth_window_secs);
    // A session that never passed a second factor (there is none to pass).
    let (_, here) = r.full_session("vic").await;
    let s = r.info(&here).await;
    assert_eq!(s.second_factor_at, None);
    assert!(!r.auth.step_up_needed(&s));
    r.auth.begin_setup(&s, PW, None, &r.client).await.unwrap();
}

#[tokio::test]
async fn fail_only_failures_cost_the_guess_budget() {
    let r = Rig::new().await;
    r.user("wes").await;
    let (uid, here) = r.full_session("wes").await;
    let secret = r.enable_two_factor(uid, &here).await;
    for _ in 0..12 {
        r.advance(300);
        let p = r.pending("wes").await;
        r.auth
            .second_factor(&p, SecondFactorInput::code(r.code(&secret, 0)), &r.client)
            .await
            .expect("a right code is never throttled by earlier right codes");
    }
}

#[tokio::test]
async fn fail_sign_ups_from_one_address_are_budgeted() {
    let r = Rig::new().await;
    let burst = AuthConfig::default().signup_burst;
    assert_eq!(r.auth.config().signup_burst, burst);
    for i in 0..burst {
        r.auth
            .signup(&format!("n{i}"), PW, &r.client)
            .await
            .unwrap();
    }
    let out = r.auth.signup("n0", PW, &r.client).await;
    assert!(matches!(out, Err(AuthError::Throttled { .. })), "{out:?}");
}
