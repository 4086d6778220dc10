//! Email: verified addresses, mailed tokens, notices written with their
//! events, and the outbox's claims (one worker per row, across nodes).

use std::collections::HashSet;
use std::sync::Arc;

use deadbolt_store::{
    Constraint, EventKind, MAIL_PASSWORD_RESET, MAIL_VERIFY_EMAIL, MailedToken, ResetLookup,
    SignInMethod, SqlStore, Stage, Store, StoreError,
};

use crate::{T0, hash, new_user, session};

conformance! {
    verification_makes_the_address_the_users, sqlite_verification_makes_the_address_the_users, postgres_verification_makes_the_address_the_users;
    an_address_belongs_to_one_account, sqlite_an_address_belongs_to_one_account, postgres_an_address_belongs_to_one_account;
    notices_follow_their_events, sqlite_notices_follow_their_events, postgres_notices_follow_their_events;
    resets_run_the_same_statements_for_everyone, sqlite_resets_run_the_same_statements_for_everyone, postgres_resets_run_the_same_statements_for_everyone;
    a_reset_is_one_transaction, sqlite_a_reset_is_one_transaction, postgres_a_reset_is_one_transaction;
    claims_are_leased, sqlite_claims_are_leased, postgres_claims_are_leased;
    retries_and_give_ups, sqlite_retries_and_give_ups, postgres_retries_and_give_ups;
    concurrent_claims_never_share_a_row, sqlite_concurrent_claims_never_share_a_row, postgres_concurrent_claims_never_share_a_row;
    old_mail_is_purged, sqlite_old_mail_is_purged, postgres_old_mail_is_purged;
}

fn token<'a>(hash: &'a [u8], now: i64, ttl: i64) -> MailedToken<'a> {
    MailedToken {
        token_hash: hash,
        sealed: b"sealed-token",
        now,
        expires_at: now + ttl,
        ip: "192.0.2.7",
        user_agent: "Mozilla/5.0 test",
    }
}

/// A user whose address `email` is verified (its verification letter
/// marked sent, so the outbox holds only what the test adds).
async fn user_with_email(store: &SqlStore, name: &str, email: &str) -> i64 {
    let uid = new_user(store, name).await;
    let h = format!("verify-{name}").into_bytes();
    store
        .request_email_change(uid, email, &token(&h, T0, 86_400))
        .await
        .unwrap();
    let (who, address) = store
        .verify_email(&h, "192.0.2.7", "ua", T0 + 1)
        .await
        .unwrap()
        .expect("verified");
    assert_eq!((who, address.as_str()), (uid, email));
    drain(store, T0 + 1).await;
    uid
}

/// Claim and mark sent everything due at `now`; returns the rows.
async fn drain(store: &SqlStore, now: i64) -> Vec<deadbolt_store::OutboxMail> {
    let mut all = Vec::new();
    loop {
        let got = store.claim_outbox(now, now + 120, 10).await.unwrap();
        if got.is_empty() {
            return all;
        }
        for m in &got {
            store.outbox_sent(m.id, now).await.unwrap();
        }
        all.extend(got);
    }
}

async fn verification_makes_the_address_the_users(store: &SqlStore) {
    let uid = new_user(store, "wes").await;
    store
        .request_email_change(uid, "wes@example.com", &token(b"t1", T0, 86_400))
        .await
        .unwrap();
    // A second request replaces the first link.
    store
        .request_email_change(uid, "wes@example.org", &token(b"t2", T0 + 5, 86_400))
        .await
        .unwrap();
    let letters = drain(store, T0 + 5).await;
    assert_eq!(letters.len(), 2);
    assert!(letters.iter().all(|m| m.kind == MAIL_VERIFY_EMAIL));
    assert_eq!(letters[1].to_address, "wes@example.org");
    assert_eq!(letters[1].sealed.as_deref(), Some(&b"sealed-token"[..]));
    // Not the user's until verified.
    assert_eq!(store.user_by_id(uid).await.unwrap().unwrap().email, None);
    assert!(
        store
            .verify_email(b"t1", "", "", T0 + 6)
            .await
            .unwrap()
            .is_none(),
        "replaced"
    );
    assert!(
        store
            .verify_email(b"forged", "", "", T0 + 6)
            .await
            .unwrap()
            .is_none()
    );
    let got = store
        .verify_email(b"t2", "192.0.2.8", "ua", T0 + 6)
        .await
        .unwrap();
    assert_eq!(got, Some((uid, "wes@example.org".to_owned())));
    assert_eq!(
        store
            .user_by_id(uid)
            .await
            .unwrap()
            .unwrap()
            .email
            .as_deref(),
        Some("wes@example.org")
    );
    assert!(
        store
            .verify_email(b"t2", "", "", T0 + 7)
            .await
            .unwrap()
            .is_none(),
        "single use"
    );
    // The change is an event; it had no earlier address to notify.
    let ev = store.events(uid, 5).await.unwrap();
    assert_eq!(
        ev[0].kind,
        EventKind::EmailChanged {
            to: "wes@example.org".into()
        }
    );
    assert!(drain(store, T0 + 7).await.is_empty());
    // A later change notifies the address it replaces.
    store
        .request_email_change(uid, "wes@example.net", &token(b"t3", T0 + 10, 86_400))
        .await
        .unwrap();
    drain(store, T0 + 10).await;
    assert!(
        store
            .verify_email(b"t3", "", "", T0 + 10 + 86_400)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    store
        .request_email_change(uid, "wes@example.net", &token(b"t4", T0 + 20, 86_400))
        .await
        .unwrap();
    drain(store, T0 + 20).await;
    store
        .verify_email(b"t4", "", "", T0 + 21)
        .await
        .unwrap()
        .unwrap();
    let notice = drain(store, T0 + 21).await;
    assert_eq!(notice.len(), 1);
    assert_eq!(
        notice[0].to_address, "wes@example.org",
        "the old address hears of it"
    );
    assert_eq!(notice[0].kind, "email_changed");
    assert_eq!(notice[0].detail, "wes@example.net");
    assert!(notice[0].sealed.is_none());
}

async fn an_address_belongs_to_one_account(store: &SqlStore) {
    let a = new_user(store, "xan").await;
    let b = new_user(store, "yul").await;
    store
        .request_email_change(a, "shared@example.com", &token(b"ta", T0, 86_400))
        .await
        .unwrap();
    store
        .request_email_change(b, "shared@example.com", &token(b"tb", T0, 86_400))
        .await
        .unwrap();
    store
        .verify_email(b"ta", "", "", T0 + 1)
        .await
        .unwrap()
        .unwrap();
    let err = store.verify_email(b"tb", "", "", T0 + 1).await.unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict(Constraint::Email)),
        "{err:?}"
    );
    // Nothing changed for b: no address, no event, the token still unspent.
    assert_eq!(store.user_by_id(b).await.unwrap().unwrap().email, None);
    assert!(store.events(b, 5).await.unwrap().is_empty());
    let unspent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM email_tokens WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(b)
    .fetch_one(store.test_pool())
    .await
    .unwrap();
    assert_eq!(unspent, 1);
}

async fn notices_follow_their_events(store: &SqlStore) {
    let bare = new_user(store, "zed").await;
    store
        .record_event(bare, &EventKind::TwoFactorEnabled, "192.0.2.1", "ua", T0)
        .await
        .unwrap();
    assert!(drain(store, T0).await.is_empty(), "no address: no letter");

    let uid = user_with_email(store, "amy", "amy@example.com").await;
    store
        .record_event(
            uid,
            &EventKind::BackupCodeUsed { left: 9 },
            "192.0.2.1",
            "Firefox",
            T0 + 2,
        )
        .await
        .unwrap();
    store
        .record_event(
            uid,
            &EventKind::SignIn(SignInMethod::Password),
            "192.0.2.1",
            "ua",
            T0 + 2,
        )
        .await
        .unwrap();
    store
        .record_event(uid, &EventKind::NewBrowserSignIn, "192.0.2.1", "ua", T0 + 2)
        .await
        .unwrap();
    let sent = drain(store, T0 + 2).await;
    let kinds: Vec<&str> = sent.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds, ["backup_code_used", "new_browser_sign_in"]);
    assert_eq!(sent[0].detail, "9 left");
    assert_eq!(sent[0].user_agent, "Firefox");
    assert_eq!(sent[0].created_at, T0 + 2);
    assert_eq!(sent[0].user_id, Some(uid));
    // The one notice a user may turn off.
    store.set_notify_new_browser(uid, false).await.unwrap();
    store
        .record_event(uid, &EventKind::NewBrowserSignIn, "192.0.2.1", "ua", T0 + 3)
        .await
        .unwrap();
    store
        .record_event(uid, &EventKind::PasswordChanged, "192.0.2.1", "ua", T0 + 3)
        .await
        .unwrap();
    let sent = drain(store, T0 + 3).await;
    let kinds: Vec<&str> = sent.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds, ["password_changed"]);
    // Notices written inside a login's commit too (the backup-code step).
    store
        .open_session(
            None,
            &session(b"s1", uid, Stage::Full, T0 + 4),
            &[EventKind::TwoFactorDisabled],
        )
        .await
        .unwrap();
    assert_eq!(drain(store, T0 + 4).await[0].kind, "two_factor_disabled");
}

async fn resets_run_the_same_statements_for_everyone(store: &SqlStore) {
    let _no_email = new_user(store, "bea").await;
    let uid = user_with_email(store, "cai", "cai@example.com").await;
    for (lookup, matched) in [
        (ResetLookup::UsernameKey("nobody"), false),
        (ResetLookup::Email("nobody@example.com"), false),
        (ResetLookup::UsernameKey("bea"), false),
        (ResetLookup::UsernameKey("cai"), true),
        (ResetLookup::Email("cai@example.com"), true),
    ] {
        let h = format!("reset-{lookup:?}").into_bytes();
        let got = store
            .request_password_reset(lookup, &token(&h, T0 + 2, 1800))
            .await
            .unwrap();
        assert_eq!(got, matched, "{lookup:?}");
        assert_eq!(
            store.reset_token_user(&h, T0 + 3).await.unwrap(),
            matched.then_some(uid),
            "{lookup:?}"
        );
    }
    let sent = drain(store, T0 + 3).await;
    assert_eq!(sent.len(), 2, "a letter only where an account matched");
    assert!(
        sent.iter()
            .all(|m| m.kind == MAIL_PASSWORD_RESET && m.to_address == "cai@example.com")
    );
    let h = b"reset-UsernameKey(\"cai\")";
    assert_eq!(
        store.reset_token_user(h, T0 + 2 + 1800).await.unwrap(),
        None,
        "expired"
    );
}

async fn a_reset_is_one_transaction(store: &SqlStore) {
    let uid = user_with_email(store, "dov", "dov@example.com").await;
    store
        .open_session(None, &session(b"old-full", uid, Stage::Full, T0), &[])
        .await
        .unwrap();
    store
        .open_session(None, &session(b"old-pending", uid, Stage::Pending, T0), &[])
        .await
        .unwrap();
    for h in [&b"r1"[..], b"r2"] {
        store
            .request_password_reset(ResetLookup::UsernameKey("dov"), &token(h, T0 + 1, 1800))
            .await
            .unwrap();
    }
    drain(store, T0 + 1).await;
    let mut fresh = session(b"new", uid, Stage::Full, T0 + 5);
    fresh.created_at = T0 + 5;
    let done = store
        .complete_password_reset(b"r1", uid, &hash("$argon2id$new"), &fresh)
        .await
        .unwrap();
    assert!(done);
    let user = store.user_by_id(uid).await.unwrap().unwrap();
    assert_eq!(user.password_hash.expose(), "$argon2id$new");
    let left: Vec<Vec<u8>> = store
        .user_sessions(uid)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.token_hash)
        .collect();
    assert_eq!(
        left,
        [b"new".to_vec()],
        "every other session and pending login ended"
    );
    assert_eq!(
        store.events(uid, 1).await.unwrap()[0].kind,
        EventKind::PasswordReset
    );
    let notice = drain(store, T0 + 5).await;
    assert_eq!(notice.len(), 1);
    assert_eq!(notice[0].kind, "password_reset");
    // Both links are spent now; a second completion writes nothing.
    let again = session(b"newer", uid, Stage::Full, T0 + 6);
    for h in [&b"r1"[..], b"r2"] {
        assert!(
            !store
                .complete_password_reset(h, uid, &hash("$argon2id$x"), &again)
                .await
                .unwrap()
        );
    }
    assert_eq!(
        store
            .user_by_id(uid)
            .await
            .unwrap()
            .unwrap()
            .password_hash
            .expose(),
        "$argon2id$new"
    );
    assert!(store.session_view(b"newer").await.unwrap().is_none());
}

async fn claims_are_leased(store: &SqlStore) {
    let uid = user_with_email(store, "eli", "eli@example.com").await;
    store
        .record_event(uid, &EventKind::PasswordChanged, "", "", T0 + 10)
        .await
        .unwrap();
    assert!(
        !store.outbox_due(T0 + 9).await.unwrap(),
        "written at T0+10: due from then"
    );
    assert!(store.outbox_due(T0 + 10).await.unwrap());
    let first = store.claim_outbox(T0 + 10, T0 + 130, 5).await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].attempts, 0);
    // Held by the lease: nobody else gets it, and it is not "due".
    assert!(
        store
            .claim_outbox(T0 + 20, T0 + 140, 5)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(!store.outbox_due(T0 + 20).await.unwrap());
    // The claimer died: once the lease runs out the row goes to the next one.
    let again = store.claim_outbox(T0 + 130, T0 + 250, 5).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].id, first[0].id);
    store.outbox_sent(again[0].id, T0 + 131).await.unwrap();
    assert!(
        store
            .claim_outbox(T0 + 10_000, T0 + 10_120, 5)
            .await
            .unwrap()
            .is_empty()
    );
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!((depth.waiting, depth.given_up), (0, 0));
}

async fn retries_and_give_ups(store: &SqlStore) {
    let uid = user_with_email(store, "fay", "fay@example.com").await;
    store
        .request_password_reset(
            ResetLookup::UsernameKey("fay"),
            &token(b"rt", T0 + 10, 1800),
        )
        .await
        .unwrap();
    let m = store
        .claim_outbox(T0 + 10, T0 + 130, 1)
        .await
        .unwrap()
        .remove(0);
    store
        .outbox_retry(m.id, T0 + 40, "451 try later")
        .await
        .unwrap();
    assert!(!store.outbox_due(T0 + 39).await.unwrap(), "backing off");
    assert_eq!(store.outbox_depth().await.unwrap().waiting, 1);
    let m = store
        .claim_outbox(T0 + 40, T0 + 160, 1)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(m.attempts, 1);
    assert!(m.sealed.is_some());
    store
        .outbox_give_up(&m, T0 + 41, "550 no such user")
        .await
        .unwrap();
    assert!(
        store
            .claim_outbox(T0 + 100_000, T0 + 100_120, 5)
            .await
            .unwrap()
            .is_empty()
    );
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!((depth.waiting, depth.given_up), (0, 1));
    assert_eq!(
        store.events(uid, 1).await.unwrap()[0].kind,
        EventKind::MailUndeliverable
    );
    let sealed: Option<Vec<u8>> = sqlx::query_scalar("SELECT sealed FROM outbox WHERE id = $1")
        .bind(m.id)
        .fetch_one(store.test_pool())
        .await
        .unwrap();
    assert!(sealed.is_none(), "nothing of the link stays");
}

/// Two workers (two nodes' worth) claim the same 40 letters at once: each
/// letter goes to exactly one of them.
async fn concurrent_claims_never_share_a_row(store: &SqlStore) {
    let uid = user_with_email(store, "gus", "gus@example.com").await;
    for i in 0..40 {
        store
            .record_event(uid, &EventKind::PasswordChanged, "", "", T0 + 10 + i)
            .await
            .unwrap();
    }
    let store = Arc::new(store.clone());
    let worker = |store: Arc<SqlStore>| async move {
        let mut mine = Vec::new();
        loop {
            let got = store.claim_outbox(T0 + 100, T0 + 220, 3).await.unwrap();
            if got.is_empty() {
                return mine;
            }
            for m in got {
                store.outbox_sent(m.id, T0 + 100).await.unwrap();
                mine.push(m.id);
            }
        }
    };
    let (a, b) = tokio::join!(
        tokio::spawn(worker(store.clone())),
        tokio::spawn(worker(store.clone()))
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let sa: HashSet<i64> = a.iter().copied().collect();
    let sb: HashSet<i64> = b.iter().copied().collect();
    assert!(sa.is_disjoint(&sb), "a letter claimed twice");
    assert_eq!(sa.len() + sb.len(), 40);
    assert_eq!(a.len() + b.len(), 40);
}

async fn old_mail_is_purged(store: &SqlStore) {
    let uid = user_with_email(store, "hal", "hal@example.com").await;
    store
        .record_event(uid, &EventKind::PasswordChanged, "", "", T0 + 10)
        .await
        .unwrap();
    drain(store, T0 + 10).await;
    // A day on: the spent verification token goes; the sent letters stay a week.
    let n = store.purge_mail(T0 + 2 * 86_400).await.unwrap();
    assert_eq!(n, 1);
    let n = store.purge_mail(T0 + 8 * 86_400).await.unwrap();
    assert_eq!(n, 2, "the verification letter and the notice");
    assert_eq!(store.purge_mail(T0 + 9 * 86_400).await.unwrap(), 0);
}
