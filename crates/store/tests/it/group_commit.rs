//! Group commit on SQLite of passwordless sign-ins beside attempt-budget
//! takes (`sqlite/batches.rs`): each write's outcome is the one it would
//! have had alone, in arrival order, and one that fails leaves the rest of
//! its batch committed.

use deadbolt_store::{
    Budget, CeremonyKey, CeremonyRead, EventKind, PasskeyOutcome, PasskeyStep, SqlStore, Stage,
    Store, StoreError,
};

use crate::harness::TestDb;
use crate::passkeys::add;
use crate::passkeys_sealed::passwordless_step;
use crate::{T0, new_user, session, spec};

/// Passwordless sign-ins' commits share transactions with each other and
/// with budget takes (group commit), each in a savepoint of its own: of
/// two that spend one ceremony exactly one passes, a throttled one writes
/// nothing (its ceremony stays unspent), and the others of its batch still
/// commit.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_passwordless_passes_share_commits() {
    TestDb::sqlite()
        .await
        .run(|store| async move { passwordless_passes_share_commits(&store).await })
        .await;
}

async fn passwordless_passes_share_commits(store: &SqlStore) {
    const USERS: usize = 40;
    let mut keys = Vec::new();
    for i in 0..USERS {
        let uid = new_user(store, &format!("u{i}")).await;
        keys.push((
            uid,
            add(store, uid, "k", format!("cred-{i}").as_bytes()).await,
        ));
    }
    // This client's budget is empty: its sign-in is refused in the batch.
    let empty = spec("passkey:ip:192.0.2.66", 2, 60);
    for _ in 0..2 {
        assert_eq!(store.take_budget(empty, T0).await.unwrap(), Budget::Granted);
    }
    // One sign-in fails with an error (its new session's token is taken):
    // it gets its error, nothing of it stays, and its batch still commits.
    let clash_user = new_user(store, "clash").await;
    let clash_key = add(store, clash_user, "k", b"cred-clash").await;
    store
        .create_session(&session(b"taken", clash_user, Stage::Full, T0))
        .await
        .unwrap();
    let before = store.group_commits();
    let mut tasks = Vec::new();
    let s = store.clone();
    let clash = tokio::spawn(async move {
        let taken = session(b"taken", clash_user, Stage::Full, T0);
        let ceremony = CeremonyKey {
            binding: b"ceremony-clash",
            kind: "passwordless",
            sealed_until: Some(T0 + 300),
            client_budget: Some(spec("passkey:ip:192.0.2.99", 2, 60)),
        };
        let step = passwordless_step(ceremony, "2fa:user:clash", clash_key, 1, &taken);
        s.pass_passkey(&step).await
    });
    for (i, &(uid, key)) in keys.iter().enumerate() {
        // Two answers to one ceremony (a replay racing the original), and
        // a take beside them.
        for (attempt, counter) in [(0, 1), (1, 2)] {
            let s = store.clone();
            tasks.push(tokio::spawn(async move {
                let binding = format!("ceremony-{i}");
                let client = if i == 0 {
                    "passkey:ip:192.0.2.66".to_owned()
                } else {
                    format!("passkey:ip:10.0.0.{i}")
                };
                let token = format!("s{i}-{attempt}");
                let account = format!("2fa:user:{uid}");
                let session = session(token.as_bytes(), uid, Stage::Full, T0);
                let ceremony = CeremonyKey {
                    binding: binding.as_bytes(),
                    kind: "passwordless",
                    sealed_until: Some(T0 + 300),
                    client_budget: Some(spec(&client, 2, 60)),
                };
                let step = PasskeyStep {
                    events: &[EventKind::PasskeyUsed { name: "k".into() }],
                    ..passwordless_step(ceremony, &account, key, counter, &session)
                };
                (i, s.pass_passkey(&step).await.unwrap())
            }));
        }
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let taken = s.take_budget(spec(&format!("beside{i}"), 1, 60), T0).await;
            assert_eq!(taken.unwrap(), Budget::Granted);
            (i, PasskeyOutcome::Passed)
        }));
    }
    let mut passed = [0; USERS];
    for t in tasks {
        let (i, outcome) = t.await.unwrap();
        match outcome {
            PasskeyOutcome::Passed => passed[i] += 1,
            PasskeyOutcome::CeremonyGone => assert_ne!(i, 0),
            PasskeyOutcome::Throttled { retry_after } => {
                assert_eq!(i, 0);
                assert!((1..=60).contains(&retry_after), "{retry_after}");
            }
            other => panic!("{i}: {other:?}"),
        }
    }
    assert!(matches!(
        clash.await.unwrap(),
        Err(StoreError::Conflict(deadbolt_store::Constraint::Session))
    ));
    let clash_ceremony = CeremonyKey {
        binding: b"ceremony-clash",
        kind: "passwordless",
        sealed_until: Some(T0 + 300),
        client_budget: Some(spec("passkey:ip:192.0.2.99", 1, 60)),
    };
    assert!(
        matches!(
            store
                .ceremony_with_passkey(clash_ceremony, b"cred-clash", T0)
                .await
                .unwrap(),
            CeremonyRead::Live { .. }
        ),
        "neither spent nor its client's budget taken"
    );
    assert_eq!(store.passkeys(clash_user).await.unwrap()[0].counter, 0);
    // The throttled client: nothing written, its ceremony unspent.
    assert_eq!(passed[0], 1, "only the take beside it");
    assert!(store.session(b"s0-0").await.unwrap().is_none());
    assert!(store.session(b"s0-1").await.unwrap().is_none());
    let unspent = CeremonyKey {
        binding: b"ceremony-0",
        kind: "passwordless",
        sealed_until: Some(T0 + 300),
        client_budget: None,
    };
    assert!(matches!(
        store
            .ceremony_with_passkey(unspent, b"cred-0", T0)
            .await
            .unwrap(),
        CeremonyRead::Live { .. }
    ));
    // Everyone else: exactly one of the two answers passed, and its
    // session and event are there.
    for (i, &(uid, _)) in keys.iter().enumerate().skip(1) {
        assert_eq!(passed[i], 2, "user {i}: one sign-in and the take");
        let sessions = [format!("s{i}-0"), format!("s{i}-1")];
        let mut opened = 0;
        for token in &sessions {
            opened += usize::from(store.session(token.as_bytes()).await.unwrap().is_some());
        }
        assert_eq!(opened, 1, "user {i}");
        let events = store.events(uid, 5).await.unwrap();
        assert_eq!(
            events
                .iter()
                .filter(|e| matches!(e.kind, EventKind::PasskeyUsed { .. }))
                .count(),
            1
        );
    }
    let writes = (3 * USERS) as u64;
    let commits = store.group_commits() - before;
    assert!(
        (1..writes).contains(&commits),
        "{writes} concurrent writes should share commits, took {commits}"
    );
}
