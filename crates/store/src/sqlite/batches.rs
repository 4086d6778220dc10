//! Group commit of attempt-budget takes on SQLite.
//!
//! Every login attempt takes one or two budgets before its password is
//! hashed, so a flood of wrong passwords is a stream of small writes, each
//! paying a durable commit (an fsync with `synchronous = FULL`). Queued one
//! commit each behind the single writer, they made every other write (a
//! second-factor step's) wait for all of them, and a slow disk spell turned
//! that wait into a 100+ ms tail. Instead, takes wait here, and one task
//! applies every take waiting at that moment in one transaction, in arrival
//! order, then answers each: the budget rules are unchanged (each take is
//! the same atomic upsert, applied in turn), a flood costs one writer turn
//! per batch instead of one per attempt, and a take is acknowledged only
//! after its commit is durable.
//!
//! Such a batch is the one SQLite transaction that touches rows of many
//! clients: safe, because each take is a single-row upsert whose result
//! does not depend on the others, exactly as if it had run alone.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::sql::{SqlStore, budgets::take_in};
use crate::{Budget, BudgetSpec, DbError, Result, StoreError};

/// See the module documentation.
#[derive(Default)]
pub(crate) struct BudgetBatches {
    queue: std::sync::Mutex<BudgetQueue>,
    /// Batches committed so far (one transaction each).
    pub(crate) commits: AtomicU64,
}

#[derive(Default)]
struct BudgetQueue {
    waiting: Vec<BudgetTake>,
    /// A task is draining the queue: new takes join its next batch.
    draining: bool,
}

struct BudgetTake {
    key: String,
    now: i64,
    burst: i64,
    interval: i64,
    reply: tokio::sync::oneshot::Sender<Result<Budget>>,
}

impl BudgetTake {
    fn spec(&self) -> BudgetSpec<'_> {
        BudgetSpec {
            key: &self.key,
            burst: self.burst,
            interval: self.interval,
        }
    }
}

/// Queue one take and wait for the commit of the batch it joins.
pub(crate) async fn take(
    store: &SqlStore,
    batches: &BudgetBatches,
    budget: BudgetSpec<'_>,
    now: i64,
) -> Result<Budget> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let start_draining = {
        let mut q = batches.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.waiting.push(BudgetTake {
            key: budget.key.to_owned(),
            now,
            burst: budget.burst,
            interval: budget.interval,
            reply,
        });
        !std::mem::replace(&mut q.draining, true)
    };
    if start_draining {
        // A task of its own, so that a caller that goes away (a client
        // hanging up) cannot strand the takes queued behind it.
        let store = store.clone();
        tokio::spawn(async move { drain(&store).await });
    }
    answer.await.map_err(|_| {
        StoreError::Database(DbError::msg(
            "the attempt-budget task stopped before answering".into(),
        ))
    })?
}

/// Hands the queue back if the draining task stops in the middle (a panic,
/// or its runtime shutting down): the takes waiting then get an error
/// (their answer channel closes) and the next take starts a new task.
struct Draining<'a> {
    batches: &'a BudgetBatches,
    handed_back: bool,
}

impl Drop for Draining<'_> {
    fn drop(&mut self) {
        if !self.handed_back {
            let mut q = self.batches.queue.lock().unwrap_or_else(|e| e.into_inner());
            q.draining = false;
            q.waiting.clear();
        }
    }
}

/// The draining task: takes the writer's turn, applies every take waiting
/// at that moment in one transaction, answers them, and repeats until none
/// is waiting.
async fn drain(store: &SqlStore) {
    let Some(rt) = store.sqlite_runtime() else {
        return;
    };
    let batches = &rt.budgets;
    let mut draining = Draining {
        batches,
        handed_back: false,
    };
    loop {
        let writer = store.writer().await;
        let batch = {
            let mut q = batches.queue.lock().unwrap_or_else(|e| e.into_inner());
            if q.waiting.is_empty() {
                q.draining = false;
                draining.handed_back = true;
                return;
            }
            std::mem::take(&mut q.waiting)
        };
        match apply(store, &batch).await {
            Ok(answers) => {
                batches.commits.fetch_add(1, Ordering::Relaxed);
                drop(writer);
                for (take, answer) in batch.into_iter().zip(answers) {
                    let _ = take.reply.send(Ok(answer));
                }
            }
            Err(e) => {
                // Nothing of the batch was committed: every take in it
                // fails, as each would have on its own.
                drop(writer);
                tracing::warn!(error = %crate::report(&e), takes = batch.len(), "attempt-budget batch failed");
                for take in batch {
                    let _ = take
                        .reply
                        .send(Err(StoreError::Database(DbError::msg(format!(
                            "attempt-budget batch failed: {}",
                            crate::report(&e)
                        )))));
                }
            }
        }
    }
}

async fn apply(store: &SqlStore, batch: &[BudgetTake]) -> Result<Vec<Budget>> {
    // On an SQLite file: the same statements on this thread (`fastwrite.rs`).
    if let Some(fast) = store.sqlite_runtime().and_then(|rt| rt.write.as_ref())
        && let Some(out) = fast.take_all(batch.iter().map(|t| (t.spec(), t.now)))
    {
        return out;
    }
    let mut tx = store.begin_write().await?;
    let mut answers = Vec::with_capacity(batch.len());
    for t in batch {
        answers.push(take_in(&mut tx, t.spec(), t.now).await?);
    }
    tx.commit().await?;
    Ok(answers)
}
