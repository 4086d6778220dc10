//! Attempt budgets (GCRA): a burst, then one attempt per interval; never
//! overdrawn under concurrency; independent per key; purged when refilled.

use deadbolt_store::{Budget, SqlStore, Store};

use crate::{T0, spec};

conformance! {
    a_refund_gives_one_attempt_back, sqlite_a_refund_gives_one_attempt_back, postgres_a_refund_gives_one_attempt_back;
    budget_burst_then_refusal, sqlite_budget_burst_then_refusal, postgres_budget_burst_then_refusal;
    budget_concurrent_never_overdrawn, sqlite_budget_concurrent_never_overdrawn, postgres_budget_concurrent_never_overdrawn;
    budgets_are_independent, sqlite_budgets_are_independent, postgres_budgets_are_independent;
    purge_budgets, sqlite_purge_budgets, postgres_purge_budgets;
}

async fn budget_burst_then_refusal(store: &SqlStore) {
    let k = spec("k", 3, 10);
    assert_eq!(store.budget_wait(k, T0).await.unwrap(), 0);
    for i in 0..3 {
        assert_eq!(
            store.take_budget(k, T0).await.unwrap(),
            Budget::Granted,
            "attempt {i} of the burst"
        );
    }
    assert_eq!(
        store.take_budget(k, T0).await.unwrap(),
        Budget::Exhausted { retry_after: 10 }
    );
    // A refusal does not consume anything.
    assert_eq!(
        store.take_budget(k, T0 + 4).await.unwrap(),
        Budget::Exhausted { retry_after: 6 }
    );
    assert_eq!(store.budget_wait(k, T0 + 4).await.unwrap(), 6);
    // One attempt refills per interval.
    assert_eq!(store.budget_wait(k, T0 + 10).await.unwrap(), 0);
    assert_eq!(
        store.take_budget(k, T0 + 10).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(
        store.take_budget(k, T0 + 10).await.unwrap(),
        Budget::Exhausted { retry_after: 10 }
    );
    // After a long pause the whole burst is back, not more.
    let later = T0 + 10_000;
    for _ in 0..3 {
        assert_eq!(store.take_budget(k, later).await.unwrap(), Budget::Granted);
    }
    assert!(matches!(
        store.take_budget(k, later).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    // A burst of one: strictly one per interval.
    assert_eq!(
        store.take_budget(spec("one", 1, 60), T0).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(
        store.take_budget(spec("one", 1, 60), T0 + 1).await.unwrap(),
        Budget::Exhausted { retry_after: 59 }
    );
    assert_eq!(
        store
            .take_budget(spec("one", 1, 60), T0 + 60)
            .await
            .unwrap(),
        Budget::Granted
    );
}

async fn budget_concurrent_never_overdrawn(store: &SqlStore) {
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.take_budget(spec("hot", 10, 60), T0).await
        }));
    }
    let mut granted = 0;
    for t in tasks {
        match t.await.unwrap().expect("no error under concurrency") {
            Budget::Granted => granted += 1,
            Budget::Exhausted { retry_after } => assert!(retry_after >= 1),
        }
    }
    assert_eq!(granted, 10, "exactly the burst is granted");
}

async fn budgets_are_independent(store: &SqlStore) {
    for _ in 0..2 {
        assert_eq!(
            store.take_budget(spec("a", 2, 30), T0).await.unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store.take_budget(spec("a", 2, 30), T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    assert_eq!(
        store.take_budget(spec("b", 2, 30), T0).await.unwrap(),
        Budget::Granted
    );
    assert_eq!(store.budget_wait(spec("c", 2, 30), T0).await.unwrap(), 0);
}

async fn purge_budgets(store: &SqlStore) {
    store.take_budget(spec("old", 3, 10), T0).await.unwrap();
    store
        .take_budget(spec("busy", 3, 10), T0 + 100)
        .await
        .unwrap();
    // "old" is refilled by T0 + 10; "busy" not before T0 + 110.
    assert_eq!(store.purge_budgets(T0 + 50).await.unwrap(), 1);
    assert_eq!(
        store
            .budget_wait(spec("old", 3, 10), T0 + 50)
            .await
            .unwrap(),
        0
    );
    for _ in 0..2 {
        assert_eq!(
            store
                .take_budget(spec("busy", 3, 10), T0 + 100)
                .await
                .unwrap(),
            Budget::Granted
        );
    }
    assert!(matches!(
        store
            .take_budget(spec("busy", 3, 10), T0 + 100)
            .await
            .unwrap(),
        Budget::Exhausted { .. }
    ));
    assert_eq!(store.purge_budgets(T0 + 100).await.unwrap(), 0);
}

/// Only failures cost: a refund is the exact inverse of a take.
async fn a_refund_gives_one_attempt_back(store: &SqlStore) {
    let k = spec("refund", 2, 100);
    for _ in 0..2 {
        assert_eq!(store.take_budget(k, T0).await.unwrap(), Budget::Granted);
    }
    assert!(matches!(
        store.take_budget(k, T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    store.refund_budget(k).await.unwrap();
    assert_eq!(store.take_budget(k, T0).await.unwrap(), Budget::Granted);
    assert!(matches!(
        store.take_budget(k, T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
    // Refunds of a full budget leave it full, never beyond its burst.
    let fresh = spec("fresh", 2, 100);
    store.take_budget(fresh, T0).await.unwrap();
    for _ in 0..5 {
        store.refund_budget(fresh).await.unwrap();
    }
    for _ in 0..2 {
        assert_eq!(store.take_budget(fresh, T0).await.unwrap(), Budget::Granted);
    }
    assert!(matches!(
        store.take_budget(fresh, T0).await.unwrap(),
        Budget::Exhausted { .. }
    ));
}
