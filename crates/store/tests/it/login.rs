//! The transactions that end a login step: `open_session` (old session out,
//! new one in, the step's events) and `pass_second_factor` (budget, proof,
//! session and events in one commit).

use deadbolt_store::{
    BudgetSpec, Constraint, Event, EventKind, Proof, SecondFactorStep, SessionRecord, SignInMethod,
    SqlStore, Stage, StepOutcome, Store, StoreError,
};

use crate::{T0, codes_left, new_user, session, user_with_device};

conformance! {
    open_session_is_one_commit, sqlite_open_session_is_one_commit, postgres_open_session_is_one_commit;
    pass_second_factor_is_one_commit, sqlite_pass_second_factor_is_one_commit, postgres_pass_second_factor_is_one_commit;
    pass_second_factor_concurrent_single_winner, sqlite_pass_second_factor_concurrent_single_winner, postgres_pass_second_factor_concurrent_single_winner;
    pass_second_factor_spends_the_pending_login_once, sqlite_pass_second_factor_spends_the_pending_login_once, postgres_pass_second_factor_spends_the_pending_login_once;
}

/// The end of a login step: old session out, new one in, the step's events
/// recorded — all or nothing.
async fn open_session_is_one_commit(store: &SqlStore) {
    let uid = new_user(store, "olga").await;
    let events = [
        EventKind::BackupCodeUsed { left: 9 },
        EventKind::SignIn(SignInMethod::BackupCode),
    ];
    // Without an old session (a login without 2FA).
    let first = session(b"first", uid, Stage::Pending, T0);
    store
        .open_session(None, &first, &events[1..])
        .await
        .unwrap();
    assert!(store.session(b"first").await.unwrap().is_some());
    // Rotation with two events: they carry the new session's time and address.
    let mut full = session(b"full", uid, Stage::Full, T0 + 7);
    full.created_at = T0 + 7;
    full.ip = "198.51.100.7".into();
    store
        .open_session(Some(b"first"), &full, &events)
        .await
        .unwrap();
    assert!(store.session(b"first").await.unwrap().is_none());
    assert_eq!(
        store.session(b"full").await.unwrap().unwrap().stage,
        Stage::Full
    );
    let got = store.events(uid, 10).await.unwrap();
    let kinds: Vec<(&EventKind, i64, &str)> =
        got.iter().map(|e| (&e.kind, e.at, e.ip.as_str())).collect();
    assert_eq!(
        &kinds[..2],
        &[
            (&events[1], T0 + 7, "198.51.100.7"),
            (&events[0], T0 + 7, "198.51.100.7"),
        ]
    );
    assert_eq!(got.len(), 3);
    // A failure (the new token is taken) leaves the old session and records nothing.
    let other = session(b"other", uid, Stage::Pending, T0);
    store.create_session(&other).await.unwrap();
    assert!(matches!(
        store.open_session(Some(b"other"), &full, &events).await,
        Err(StoreError::Conflict(Constraint::Session))
    ));
    assert!(store.session(b"other").await.unwrap().is_some());
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 3);
}

/// The events a passed step asks for in these tests: a sign-in by its
/// method (spending a backup code also records `BackupCodeUsed`, first).
const BY_APP: &[EventKind] = &[EventKind::SignIn(SignInMethod::AuthenticatorCode)];
const BY_BACKUP_CODE: &[EventKind] = &[EventKind::SignIn(SignInMethod::BackupCode)];

/// The steps' budget in these tests: `burst` attempts, then one a minute.
fn budget(burst: i64) -> BudgetSpec<'static> {
    BudgetSpec {
        key: "2fa:test",
        burst,
        interval: 60,
    }
}

fn step<'a>(
    proof: Proof<'a>,
    pending: &'a [u8],
    full: &'a SessionRecord,
    burst: i64,
) -> SecondFactorStep<'a> {
    SecondFactorStep {
        budget: budget(burst),
        proof,
        pending,
        session: full,
        events: match proof {
            Proof::Step { .. } => BY_APP,
            Proof::BackupCode { .. } => BY_BACKUP_CODE,
        },
    }
}

async fn pass(store: &SqlStore, step: SecondFactorStep<'_>) -> StepOutcome {
    store.pass_second_factor(&step).await.unwrap()
}

/// The stored state of the steps' budget (its theoretical arrival time):
/// it moves with every take, even far from exhaustion.
async fn budget_tat(store: &SqlStore) -> Option<i64> {
    sqlx::query_scalar("SELECT tat FROM budgets WHERE key = $1")
        .bind(budget(1).key)
        .fetch_optional(store.test_pool())
        .await
        .unwrap()
}

/// A login's second factor is one commit: budget, proof, session, events —
/// all of them, or (on a refusal) only the budget, or (on an error) nothing.
async fn pass_second_factor_is_one_commit(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "petra", 100).await;
    let codes: Vec<Vec<u8>> = (0u8..3).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    let pending = |t: &[u8]| session(t, uid, Stage::Pending, T0);
    let full = |t: &[u8]| {
        let mut s = session(t, uid, Stage::Full, T0 + 5);
        s.created_at = T0 + 5;
        s
    };
    let kinds =
        |events: Vec<Event>| -> Vec<EventKind> { events.into_iter().map(|e| e.kind).collect() };
    // A TOTP step: accepted, pending session replaced, one event.
    store.create_session(&pending(b"p1")).await.unwrap();
    let f1 = full(b"f1");
    let totp = Proof::Step {
        device_id: dev,
        step: 101,
    };
    assert_eq!(
        pass(store, step(totp, b"p1", &f1, 10)).await,
        StepOutcome::Passed {
            backup_codes_left: None
        }
    );
    assert!(store.session(b"p1").await.unwrap().is_none());
    assert_eq!(
        store.session(b"f1").await.unwrap().unwrap().stage,
        Stage::Full
    );
    assert_eq!(
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step,
        Some(101)
    );
    assert_eq!(
        kinds(store.events(uid, 10).await.unwrap()),
        [EventKind::SignIn(SignInMethod::AuthenticatorCode)]
    );
    // The same step again: refused, the pending session stays, the budget is spent.
    store.create_session(&pending(b"p2")).await.unwrap();
    let f2 = full(b"f2");
    assert_eq!(
        pass(store, step(totp, b"p2", &f2, 10)).await,
        StepOutcome::Refused
    );
    assert!(store.session(b"p2").await.unwrap().is_some());
    assert!(store.session(b"f2").await.unwrap().is_none());
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 1);
    assert_eq!(
        store.budget_wait(budget(1), T0 + 5).await.unwrap(),
        60,
        "the refused step keeps its take; the passed one gave its own back"
    );
    // A backup code: spent, and the events know how many are left.
    let code = Proof::BackupCode { hash: &codes[1] };
    assert_eq!(
        pass(store, step(code, b"p2", &f2, 10)).await,
        StepOutcome::Passed {
            backup_codes_left: Some(2)
        }
    );
    assert_eq!(codes_left(store, uid).await, 2);
    assert_eq!(
        kinds(store.events(uid, 10).await.unwrap()),
        [
            EventKind::SignIn(SignInMethod::BackupCode),
            EventKind::BackupCodeUsed { left: 2 },
            EventKind::SignIn(SignInMethod::AuthenticatorCode),
        ]
    );
    // The same code again: refused.
    store.create_session(&pending(b"p3")).await.unwrap();
    let f3 = full(b"f3");
    assert_eq!(
        pass(store, step(code, b"p3", &f3, 10)).await,
        StepOutcome::Refused
    );
    // An error (the new token is taken) leaves everything as it was, budget included.
    let spent = budget_tat(store).await;
    let fresh = Proof::BackupCode { hash: &codes[2] };
    assert!(matches!(
        store.pass_second_factor(&step(fresh, b"p3", &f1, 10)).await,
        Err(StoreError::Conflict(Constraint::Session))
    ));
    assert!(store.session(b"p3").await.unwrap().is_some());
    assert_eq!(codes_left(store, uid).await, 2);
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 3);
    assert_eq!(budget_tat(store).await, spent);
    // An empty budget: throttled, and nothing else is checked or written.
    let throttled = pass(store, step(fresh, b"p3", &f3, 1)).await;
    assert!(
        matches!(throttled, StepOutcome::Throttled { retry_after } if retry_after >= 1),
        "{throttled:?}"
    );
    assert!(store.session(b"p3").await.unwrap().is_some());
    assert!(store.session(b"f3").await.unwrap().is_none());
    assert_eq!(codes_left(store, uid).await, 2);
}

/// Concurrent steps with the same TOTP step: exactly one passes.
async fn pass_second_factor_concurrent_single_winner(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "quinn", 500).await;
    let mut tasks = Vec::new();
    for i in 0..20u8 {
        let s = store.clone();
        s.create_session(&session(&[b'p', i], uid, Stage::Pending, T0))
            .await
            .unwrap();
        tasks.push(tokio::spawn(async move {
            let full = session(&[b'f', i], uid, Stage::Full, T0);
            let proof = Proof::Step {
                device_id: dev,
                step: 501,
            };
            s.pass_second_factor(&step(proof, &[b'p', i], &full, 100))
                .await
        }));
    }
    let mut passed = 0;
    for t in tasks {
        match t.await.unwrap().expect("no error under concurrency") {
            StepOutcome::Passed { .. } => passed += 1,
            StepOutcome::Refused => {}
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(passed, 1, "exactly one concurrent step passes");
    assert_eq!(store.user_sessions(uid).await.unwrap().len(), 1);
}

/// The pending login is spent with the step that passes it: a second step
/// on it (a replay, or a race) gets `PendingGone` and writes nothing — not
/// its budget take, not its proof, which stays good for a login still
/// pending. A wrong proof is refused before that, so a guess always costs.
/// A full session, or another user's pending one, is not a pending login.
async fn pass_second_factor_spends_the_pending_login_once(store: &SqlStore) {
    let (uid, dev) = user_with_device(store, "rhea", 100).await;
    let codes: Vec<Vec<u8>> = (0u8..3).map(|i| vec![i; 32]).collect();
    store.replace_backup_codes(uid, &codes, T0).await.unwrap();
    let pending = |t: &[u8]| session(t, uid, Stage::Pending, T0);
    let full = |t: &[u8]| session(t, uid, Stage::Full, T0);
    let totp = |step: i64| Proof::Step {
        device_id: dev,
        step,
    };
    let last_step = || async {
        store
            .confirmed_device(uid)
            .await
            .unwrap()
            .unwrap()
            .last_step
    };
    store.create_session(&pending(b"p1")).await.unwrap();
    let f1 = full(b"f1");
    assert!(matches!(
        pass(store, step(totp(101), b"p1", &f1, 10)).await,
        StepOutcome::Passed { .. }
    ));

    // Replayed with a fresh step or an unspent code: nothing written.
    let taken = budget_tat(store).await;
    let f2 = full(b"f2");
    let unspent = Proof::BackupCode { hash: &codes[0] };
    for proof in [totp(102), unspent] {
        assert_eq!(
            pass(store, step(proof, b"p1", &f2, 10)).await,
            StepOutcome::PendingGone
        );
    }
    assert!(store.session(b"f2").await.unwrap().is_none());
    assert_eq!(last_step().await, Some(101), "step 102 not spent");
    assert_eq!(codes_left(store, uid).await, 3, "code not spent");
    assert_eq!(store.events(uid, 10).await.unwrap().len(), 1);
    assert_eq!(budget_tat(store).await, taken, "budget take rolled back");
    // A full session, or another user's pending login, is no pending login of this user.
    let other = new_user(store, "sven").await;
    store
        .create_session(&session(b"o1", other, Stage::Pending, T0))
        .await
        .unwrap();
    for not_pending in [b"f1".as_slice(), b"o1"] {
        assert_eq!(
            pass(store, step(totp(102), not_pending, &f2, 10)).await,
            StepOutcome::PendingGone
        );
        assert!(store.session(not_pending).await.unwrap().is_some());
    }
    assert_eq!(last_step().await, Some(101));
    // A wrong proof is refused first, pending login or not: the take stays.
    assert_eq!(
        pass(store, step(totp(101), b"p1", &f2, 10)).await,
        StepOutcome::Refused
    );
    assert_ne!(budget_tat(store).await, taken, "a guess costs its take");

    // Two right codes racing on one pending login: one passes, and the
    // other's code stays unspent.
    store.create_session(&pending(b"p2")).await.unwrap();
    let tasks: Vec<_> = [(1usize, b"f3"), (2, b"f4")]
        .into_iter()
        .map(|(i, token)| {
            let (s, code, f) = (store.clone(), codes[i].clone(), full(token));
            tokio::spawn(async move {
                let proof = Proof::BackupCode { hash: &code };
                s.pass_second_factor(&step(proof, b"p2", &f, 10)).await
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.unwrap().expect("no error under concurrency"));
    }
    outcomes.sort_by_key(|o| matches!(o, StepOutcome::PendingGone));
    assert_eq!(
        outcomes,
        [
            StepOutcome::Passed {
                backup_codes_left: Some(2)
            },
            StepOutcome::PendingGone
        ]
    );
    assert_eq!(codes_left(store, uid).await, 2);
    assert!(store.session(b"p2").await.unwrap().is_none());
    assert_eq!(
        store.user_sessions(uid).await.unwrap().len(),
        2,
        "f1 and one of f3, f4"
    );

    // The step the replay presented still passes a login that is pending.
    store.create_session(&pending(b"p3")).await.unwrap();
    let f5 = full(b"f5");
    assert!(matches!(
        pass(store, step(totp(102), b"p3", &f5, 10)).await,
        StepOutcome::Passed { .. }
    ));
    assert_eq!(last_step().await, Some(102));
}
