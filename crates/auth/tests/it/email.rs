//! Email: the verified address, the password reset that never weakens 2FA,
//! notices, and the outbox worker's retries — the rules driven directly,
//! letters caught by a recording transport.

use deadbolt_auth::mail::SendError;
use deadbolt_auth::{
    AuthError, ClientInfo, EventKind, GIVE_UP_SECS, ResetRequest, SecondFactorInput, Stage,
};

use crate::support::{PW, Recorder, Rig, link_token};

const NEW_PW: &str = "harbour lantern violet 93";

#[tokio::test]
async fn a_reset_needs_the_second_factor_and_ends_every_session() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    let uid = r.user("ann").await;
    let (_, first) = r.full_session("ann").await;
    let secret = r.enable_two_factor(uid, &first).await;
    r.verify_address(&first, "ann@example.com", &mail).await;
    let other = r.pending("ann").await;

    r.auth
        .request_password_reset(ResetRequest::Email("ANN@example.com "), &r.client)
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    // The pending login above came from a browser without a device cookie.
    let subjects: Vec<&str> = letters.iter().map(|m| m.letter.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "New sign-in from a browser not seen before (Deadbolt Test)",
            "Reset your Deadbolt Test password"
        ]
    );
    let token = link_token(&letters[1]);
    assert!(
        letters[1]
            .letter
            .text
            .contains("https://login.deadbolt.test/password-reset/confirm?token=")
    );
    assert!(r.auth.password_reset_info(&token).await.unwrap().two_factor);

    // Without a code: refused, nothing changed.
    let refused = r
        .auth
        .complete_password_reset(&token, NEW_PW, None, &r.client)
        .await;
    assert!(
        matches!(refused, Err(AuthError::SecondFactorRequired)),
        "{refused:?}"
    );
    let refused = r
        .auth
        .complete_password_reset(
            &token,
            NEW_PW,
            Some(SecondFactorInput::code("000000")),
            &r.client,
        )
        .await;
    assert!(matches!(refused, Err(AuthError::WrongCode)), "{refused:?}");
    assert!(r.auth.session(&first).await.unwrap().is_some());
    r.auth.login("ann", PW, None, &r.client).await.unwrap();

    // With one: the new password, every session and pending login gone.
    r.advance(30);
    let code = SecondFactorInput::code(r.code(&secret, 0));
    let fresh = r
        .auth
        .complete_password_reset(&token, NEW_PW, Some(code), &r.client)
        .await
        .unwrap();
    let s = r.info(&fresh).await;
    assert_eq!((s.user_id, s.stage), (uid, Stage::Full));
    assert!(s.second_factor_at.is_some());
    assert!(r.auth.session(&first).await.unwrap().is_none());
    assert!(r.auth.overview(uid, None).await.unwrap().sessions.len() == 1);
    let _ = other;
    assert!(r.auth.login("ann", PW, None, &r.client).await.is_err());
    // 2FA is still on: the new password alone is a pending login.
    let out = r.auth.login("ann", NEW_PW, None, &r.client).await.unwrap();
    assert_eq!(out.stage, Stage::Pending);
    // Single use.
    let again = r.auth.password_reset_info(&token).await;
    assert!(matches!(again, Err(AuthError::InvalidToken)), "{again:?}");
    // The notice.
    let letters = r.deliver(&mail).await;
    let subjects: Vec<&str> = letters.iter().map(|m| m.letter.subject.as_str()).collect();
    assert!(
        subjects.contains(&"Your password was reset (Deadbolt Test)"),
        "{subjects:?}"
    );
}

#[tokio::test]
async fn unknown_accounts_get_the_same_answer_and_no_letter() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    r.user("bo").await; // no verified address
    for who in [
        ResetRequest::Username("nobody"),
        ResetRequest::Email("nobody@example.com"),
        ResetRequest::Username("bo"),
    ] {
        r.auth.request_password_reset(who, &r.client).await.unwrap();
    }
    assert!(r.deliver(&mail).await.is_empty());
    // Malformed input is said, not mailed.
    for bad in ["bo@localhost", "bo\r\n@example.com", "a@b@example.com", ""] {
        let e = r
            .auth
            .request_password_reset(ResetRequest::Email(bad), &r.client)
            .await;
        assert!(
            matches!(e, Err(AuthError::Invalid { field: "email", .. })),
            "{bad:?}: {e:?}"
        );
    }
    // Throttled per typed account, like logins.
    for _ in 0..2 {
        r.auth
            .request_password_reset(ResetRequest::Username("nobody"), &r.client)
            .await
            .unwrap();
    }
    let e = r
        .auth
        .request_password_reset(ResetRequest::Username("nobody"), &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::Throttled { .. })), "{e:?}");
}

#[tokio::test]
async fn forged_expired_and_used_links_change_nothing() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    r.user("cy").await;
    let (_, s) = r.full_session("cy").await;
    r.verify_address(&s, "cy@example.com", &mail).await;
    for forged in [
        "",
        "short",
        &"A".repeat(43),
        &"!".repeat(43),
        &"x".repeat(5000),
    ] {
        let e = r
            .auth
            .complete_password_reset(forged, NEW_PW, None, &r.client)
            .await;
        assert!(matches!(e, Err(AuthError::InvalidToken)), "{e:?}");
        let e = r.auth.verify_email(forged, &r.client).await;
        assert!(matches!(e, Err(AuthError::InvalidToken)), "{e:?}");
    }
    r.auth
        .request_password_reset(ResetRequest::Username("cy"), &r.client)
        .await
        .unwrap();
    let token = link_token(&r.deliver(&mail).await[0]);
    // A policy refusal keeps the link.
    let e = r
        .auth
        .complete_password_reset(&token, "password", None, &r.client)
        .await;
    assert!(
        matches!(
            e,
            Err(AuthError::Invalid {
                field: "new_password",
                ..
            })
        ),
        "{e:?}"
    );
    r.advance(30 * 60);
    let e = r
        .auth
        .complete_password_reset(&token, NEW_PW, None, &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::InvalidToken)), "{e:?}");
    // Nothing changed: the old password still works.
    r.auth.login("cy", PW, None, &r.client).await.unwrap();
}

#[tokio::test]
async fn an_address_is_used_only_once_verified_and_a_change_tells_the_old_one() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    let uid = r.user("dee").await;
    let (_, here) = r.full_session("dee").await;
    let s = r.info(&here).await;
    let e = r
        .auth
        .request_email_change(&s, "dee@example.com", "wrong password", None, &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::WrongPassword)), "{e:?}");
    let e = r
        .auth
        .request_email_change(
            &s,
            "dee@example.com\r\nBcc: x@example.net",
            PW,
            None,
            &r.client,
        )
        .await;
    assert!(
        matches!(e, Err(AuthError::Invalid { field: "email", .. })),
        "{e:?}"
    );
    assert!(
        r.deliver(&mail).await.is_empty(),
        "nothing sent for refused requests"
    );

    let address = r
        .auth
        .request_email_change(&s, " Dee@Example.com", PW, None, &r.client)
        .await
        .unwrap();
    assert_eq!(address, "dee@example.com");
    let letters = r.deliver(&mail).await;
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].to, "dee@example.com");
    // Until verified, a notice goes nowhere.
    r.auth
        .regenerate_backup_codes(&s, PW, None, &r.client)
        .await
        .unwrap();
    assert!(r.deliver(&mail).await.is_empty());
    r.auth
        .verify_email(&link_token(&letters[0]), &r.client)
        .await
        .unwrap();
    assert_eq!(
        r.info(&here).await.email.as_deref(),
        Some("dee@example.com")
    );
    r.auth
        .regenerate_backup_codes(&s, PW, None, &r.client)
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    assert_eq!(letters.len(), 1);
    assert_eq!(
        letters[0].letter.subject,
        "New backup codes were made (Deadbolt Test)"
    );

    // A change: the link to the new one, the notice to the old one.
    let s = r.info(&here).await;
    r.auth
        .request_email_change(&s, "dee@example.org", PW, None, &r.client)
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    assert_eq!(letters[0].to, "dee@example.org");
    r.auth
        .verify_email(&link_token(&letters[0]), &r.client)
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].to, "dee@example.com");
    assert!(letters[0].letter.text.contains("dee@example.org"));
    let events = r.auth.events(uid, 1).await.unwrap();
    assert_eq!(
        events[0].kind,
        EventKind::EmailChanged {
            to: "dee@example.org".into()
        }
    );

    // Another account cannot take it.
    r.user("eve").await;
    let (_, theirs) = r.full_session("eve").await;
    let t = r.info(&theirs).await;
    r.auth
        .request_email_change(&t, "dee@example.org", PW, None, &r.client)
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    let e = r
        .auth
        .verify_email(&link_token(&letters[0]), &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::EmailTaken)), "{e:?}");
}

#[tokio::test]
async fn an_address_change_is_a_step_up_change() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    let uid = r.user("fin").await;
    let (_, here) = r.full_session("fin").await;
    let secret = r.enable_two_factor(uid, &here).await;
    r.advance(r.auth.config().reauth_window_secs);
    let s = r.info(&here).await;
    let e = r
        .auth
        .request_email_change(&s, "fin@example.com", PW, None, &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::StepUpRequired)), "{e:?}");
    assert!(r.deliver(&mail).await.is_empty());
    let code = SecondFactorInput::code(r.code(&secret, 0));
    r.auth
        .request_email_change(&s, "fin@example.com", PW, Some(code), &r.client)
        .await
        .unwrap();
    assert_eq!(r.deliver(&mail).await.len(), 1);
}

#[tokio::test]
async fn notices_name_the_event_and_carry_no_secret() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    let uid = r.user("gil").await;
    let (_, here) = r.full_session("gil").await;
    r.verify_address(&here, "gil@example.com", &mail).await;
    let secret = r.enable_two_factor(uid, &here).await;
    let s = r.info(&here).await;
    let codes = r
        .auth
        .regenerate_backup_codes(&s, PW, None, &r.client)
        .await
        .unwrap();
    // A sign-in with a backup code, from a browser with no device cookie.
    let pending = r.pending("gil").await;
    let token = r
        .auth
        .second_factor(
            &pending,
            SecondFactorInput::backup_code(codes[0].expose()),
            &r.client,
        )
        .await
        .unwrap();
    let letters = r.deliver(&mail).await;
    let subjects: Vec<&str> = letters.iter().map(|m| m.letter.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Two-factor authentication was turned on (Deadbolt Test)",
            "New backup codes were made (Deadbolt Test)",
            "New sign-in from a browser not seen before (Deadbolt Test)",
            "A backup code was used (Deadbolt Test)",
        ]
    );
    assert!(letters[3].letter.text.contains("Backup codes left: 9."));
    for m in &letters {
        assert_eq!(m.to, "gil@example.com");
        assert_eq!(m.from.email.to_string(), "no-reply@deadbolt.test");
        assert!(
            m.message_id.ends_with("@deadbolt.test>"),
            "{}",
            m.message_id
        );
        let all = format!("{}\n{}\n{}", m.letter.subject, m.letter.text, m.letter.html);
        assert!(all.contains("192.0.2.10"), "the address it came from");
        let secret_b32 = secret.to_base32();
        for forbidden in [PW, token.expose(), secret_b32.as_str()] {
            assert!(!all.contains(forbidden), "a secret in {}", m.letter.subject);
        }
        for c in &codes {
            assert!(
                !all.contains(c.expose()),
                "a backup code in {}",
                m.letter.subject
            );
        }
        assert!(!all.contains("token="), "a notice carries no link token");
    }
}

#[tokio::test]
async fn the_new_browser_notice_follows_the_device_cookie_and_the_users_choice() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    r.user("hal").await;
    let (_, here) = r.full_session("hal").await;
    r.verify_address(&here, "hal@example.com", &mail).await;
    let out = r.auth.login("hal", PW, None, &r.client).await.unwrap();
    assert_eq!(
        r.deliver(&mail).await.len(),
        1,
        "a browser without the cookie"
    );
    let known = ClientInfo {
        device_cookie: Some(out.device_cookie.clone()),
        ..r.client.clone()
    };
    r.auth.login("hal", PW, None, &known).await.unwrap();
    assert!(r.deliver(&mail).await.is_empty(), "a browser seen before");
    let s = r.info(&here).await;
    r.auth.set_new_browser_notice(&s, false).await.unwrap();
    assert!(!r.auth.new_browser_notice(&s).await.unwrap());
    r.auth.login("hal", PW, None, &r.client).await.unwrap();
    assert!(r.deliver(&mail).await.is_empty(), "turned off");
}

#[tokio::test]
async fn the_worker_retries_with_the_same_message_id_then_gives_up() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    let uid = r.user("ida").await;
    let (_, here) = r.full_session("ida").await;
    r.verify_address(&here, "ida@example.com", &mail).await;
    mail.fail_with(Some(SendError::Retry("connection refused".into())));
    let s = r.info(&here).await;
    let here = r
        .auth
        .change_password(&s, PW, NEW_PW, None, &r.client)
        .await
        .unwrap();
    mail.attempts.lock().unwrap().clear();
    assert_eq!(r.auth.deliver_due_mail(&mail).await.unwrap(), 1);
    // Backing off: nothing due until the first retry's time.
    assert_eq!(r.auth.deliver_due_mail(&mail).await.unwrap(), 0);
    r.advance(deadbolt_auth::retry_delay(0, 1.0));
    assert_eq!(r.auth.deliver_due_mail(&mail).await.unwrap(), 1);
    mail.fail_with(None);
    r.advance(deadbolt_auth::retry_delay(1, 1.0));
    let sent = r.deliver(&mail).await;
    assert_eq!(sent.len(), 1);
    let attempts = mail.attempts.lock().unwrap().clone();
    assert_eq!(attempts.len(), 3);
    assert!(
        attempts.iter().all(|a| a.message_id == sent[0].message_id),
        "one Message-ID"
    );
    assert!(attempts.iter().all(|a| a.date == sent[0].date));

    // A server that stays down: after 48 hours the letter is given up, and
    // the activity list says so.
    mail.fail_with(Some(SendError::Retry("451 try later".into())));
    let _ = here;
    r.auth.login("ida", NEW_PW, None, &r.client).await.unwrap();
    assert_eq!(r.auth.store().outbox_depth().await.unwrap().waiting, 1);
    let written = r.auth.now();
    let mut rounds = 0;
    // A letter is given up at its first attempt after 48 h, and attempts are
    // up to one longest back-off (jittered) apart: go on past both.
    let last_attempt_by = GIVE_UP_SECS + deadbolt_auth::retry_delay(20, 1.0) + 600;
    while r.auth.now() - written < last_attempt_by {
        r.auth.deliver_due_mail(&mail).await.unwrap();
        r.advance(600);
        rounds += 1;
    }
    assert!(rounds > 10);
    let depth = r.auth.store().outbox_depth().await.unwrap();
    assert_eq!((depth.waiting, depth.given_up), (0, 1));
    let events = r.auth.events(uid, 1).await.unwrap();
    assert_eq!(events[0].kind, EventKind::MailUndeliverable);

    // A refused recipient is given up at once.
    mail.fail_with(Some(SendError::GiveUp("550 no such user".into())));
    r.auth.login("ida", NEW_PW, None, &r.client).await.unwrap();
    let before = r.auth.store().outbox_depth().await.unwrap().given_up;
    r.auth.deliver_due_mail(&mail).await.unwrap();
    assert_eq!(
        r.auth.store().outbox_depth().await.unwrap().given_up,
        before + 1
    );
}

#[tokio::test]
async fn a_reset_letter_is_not_sent_after_its_link_expired() {
    let r = Rig::with_mail().await;
    let mail = Recorder::default();
    r.user("jo").await;
    let (_, here) = r.full_session("jo").await;
    r.verify_address(&here, "jo@example.com", &mail).await;
    mail.fail_with(Some(SendError::Retry("connection refused".into())));
    r.auth
        .request_password_reset(ResetRequest::Username("jo"), &r.client)
        .await
        .unwrap();
    r.auth.deliver_due_mail(&mail).await.unwrap();
    mail.fail_with(None);
    r.advance(31 * 60);
    r.auth.deliver_due_mail(&mail).await.unwrap();
    assert!(mail.take().is_empty(), "a dead link is not mailed");
    assert_eq!(r.auth.store().outbox_depth().await.unwrap().given_up, 1);
}

#[tokio::test]
async fn without_email_every_email_flow_says_so() {
    let r = Rig::new().await;
    r.user("kim").await;
    let (_, here) = r.full_session("kim").await;
    let s = r.info(&here).await;
    assert!(!r.auth.email_enabled());
    let e = r
        .auth
        .request_email_change(&s, "kim@example.com", PW, None, &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::EmailNotConfigured)), "{e:?}");
    let e = r
        .auth
        .request_password_reset(ResetRequest::Username("kim"), &r.client)
        .await;
    assert!(matches!(e, Err(AuthError::EmailNotConfigured)), "{e:?}");
    let e = r.auth.verify_email(&"A".repeat(43), &r.client).await;
    assert!(matches!(e, Err(AuthError::EmailNotConfigured)), "{e:?}");
}
