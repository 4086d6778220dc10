//! Group commit of the small hot writes on SQLite: attempt-budget takes
//! and passwordless sign-ins' commits.
//!
//! Every login attempt takes one or two budgets before its password is
//! hashed, and every passwordless sign-in ends in one commit, so a busy
//! server is a stream of small writes, each paying a durable commit (an
//! fsync with `synchronous = FULL`, and every B-tree page it touched
//! written to the log again). Queued one commit each behind the single
//! writer, they made every other write wait for all of them, a slow disk
//! spell turned that wait into a 100+ ms tail, and a profile of
//! passwordless sign-ins put the commit at a quarter of the server's CPU.
//! Instead, these writes wait here, and one task applies every write
//! waiting at that moment in one transaction, in arrival order, then
//! answers each: the rules are unchanged (each take is the same atomic
//! upsert, each sign-in the same statements with the same outcomes,
//! ordered to decide before they write; one that fails is answered with
//! its error and the rest applied again without it), the writes that
//! share a commit share its fsync and the pages they touch (the budgets',
//! sessions', events' leaves), and a write is acknowledged only after its
//! commit is durable.
//!
//! Such a batch is the one SQLite transaction that touches rows of many
//! clients: safe, because each write's result depends only on the rows
//! it reads, exactly as if it had run alone in that order.

use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::oneshot;

use crate::sql::{SqlStore, budgets::take_in, passkeys};
use crate::{
    Budget, BudgetSpec, CeremonyKey, DbError, EventKind, PasskeyOutcome, PasskeyStep, Result,
    SessionRecord, StoreError,
};

/// See the module documentation.
#[derive(Default)]
pub(crate) struct WriteBatches {
    queue: std::sync::Mutex<Queue>,
    /// Batches committed so far (one transaction each).
    pub(crate) commits: AtomicU64,
}

#[derive(Default)]
struct Queue {
    waiting: Vec<Job>,
    /// A task is draining the queue: new writes join its next batch.
    draining: bool,
}

/// One queued write and where its answer goes.
pub(crate) enum Job {
    Take(Take, oneshot::Sender<Result<Budget>>),
    Pass(Box<Pass>, oneshot::Sender<Result<PasskeyOutcome>>),
}

/// A budget, owned (what [`BudgetSpec`] borrows).
struct OwnedBudget {
    key: String,
    burst: i64,
    interval: i64,
}

impl OwnedBudget {
    fn new(b: BudgetSpec<'_>) -> OwnedBudget {
        OwnedBudget {
            key: b.key.to_owned(),
            burst: b.burst,
            interval: b.interval,
        }
    }

    fn spec(&self) -> BudgetSpec<'_> {
        BudgetSpec {
            key: &self.key,
            burst: self.burst,
            interval: self.interval,
        }
    }
}

/// An attempt-budget take (`Store::take_budget`).
pub(crate) struct Take {
    budget: OwnedBudget,
    pub(crate) now: i64,
}

impl Take {
    pub(crate) fn spec(&self) -> BudgetSpec<'_> {
        self.budget.spec()
    }
}

/// A passwordless sign-in's commit (`Store::pass_passkey` without a
/// pending login or a step-up), owned so that another task can apply it.
pub(crate) struct Pass {
    binding: Vec<u8>,
    kind: String,
    sealed_until: Option<i64>,
    client_budget: Option<OwnedBudget>,
    budget: OwnedBudget,
    passkey_id: i64,
    counter: i64,
    credential: String,
    replaces: Option<Vec<u8>>,
    language: Option<String>,
    session: SessionRecord,
    events: Vec<EventKind>,
    regression_events: Vec<EventKind>,
}

impl Pass {
    /// `step` owned; `None` for a step with a pending login, a step-up or
    /// a stored state (those are not queued).
    fn new(step: &PasskeyStep<'_>) -> Option<Pass> {
        if step.pending.is_some() || step.step_up || step.ceremony.sealed_until.is_none() {
            return None;
        }
        Some(Pass {
            binding: step.ceremony.binding.to_vec(),
            kind: step.ceremony.kind.to_owned(),
            sealed_until: step.ceremony.sealed_until,
            client_budget: step.ceremony.client_budget.map(OwnedBudget::new),
            budget: OwnedBudget::new(step.budget),
            passkey_id: step.passkey_id,
            counter: step.counter,
            credential: step.credential.to_owned(),
            replaces: step.replaces.map(<[u8]>::to_vec),
            language: step.language.map(str::to_owned),
            session: step.session.clone(),
            events: step.events.to_vec(),
            regression_events: step.regression_events.to_vec(),
        })
    }

    /// The step again, borrowed from here.
    pub(crate) fn step(&self) -> PasskeyStep<'_> {
        PasskeyStep {
            ceremony: CeremonyKey {
                binding: &self.binding,
                kind: &self.kind,
                sealed_until: self.sealed_until,
                client_budget: self.client_budget.as_ref().map(OwnedBudget::spec),
            },
            budget: self.budget.spec(),
            passkey_id: self.passkey_id,
            counter: self.counter,
            credential: &self.credential,
            pending: None,
            replaces: self.replaces.as_deref(),
            step_up: false,
            language: self.language.as_deref(),
            session: &self.session,
            events: &self.events,
            regression_events: &self.regression_events,
        }
    }
}

/// What one job of a batch got: its answer, or its own error (a batch
/// that fails as a whole answers every job with the batch's error).
pub(crate) enum Answer {
    Take(Budget),
    Pass(Result<PasskeyOutcome>),
}

/// Queue one take and wait for the commit of the batch it joins.
pub(crate) async fn take(
    store: &SqlStore,
    batches: &WriteBatches,
    budget: BudgetSpec<'_>,
    now: i64,
) -> Result<Budget> {
    let (reply, answer) = oneshot::channel();
    let take = Take {
        budget: OwnedBudget::new(budget),
        now,
    };
    queue(store, batches, Job::Take(take, reply));
    answer.await.map_err(|_| stopped())?
}

/// Queue a passwordless sign-in's commit and wait for the commit of the
/// batch it joins; `None` for a step that is not queued (a second factor
/// or a step-up: the caller commits it alone).
pub(crate) async fn pass(
    store: &SqlStore,
    batches: &WriteBatches,
    step: &PasskeyStep<'_>,
) -> Option<Result<PasskeyOutcome>> {
    let pass = Pass::new(step)?;
    let (reply, answer) = oneshot::channel();
    queue(store, batches, Job::Pass(Box::new(pass), reply));
    Some(answer.await.map_err(|_| stopped()).and_then(|r| r))
}

fn stopped() -> StoreError {
    StoreError::Database(DbError::msg(
        "the group-commit task stopped before answering".into(),
    ))
}

fn queue(store: &SqlStore, batches: &WriteBatches, job: Job) {
    let start_draining = {
        let mut q = batches.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.waiting.push(job);
        !std::mem::replace(&mut q.draining, true)
    };
    if start_draining {
        // A task of its own, so that a caller that goes away (a client
        // hanging up) cannot strand the writes queued behind it.
        let store = store.clone();
        tokio::spawn(async move { drain(&store).await });
    }
}

/// Hands the queue back if the draining task stops in the middle (a panic,
/// or its runtime shutting down): the writes waiting then get an error
/// (their answer channel closes) and the next write starts a new task.
struct Draining<'a> {
    batches: &'a WriteBatches,
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

/// The draining task: takes the writer's turn, applies every write waiting
/// at that moment in one transaction, answers them, and repeats until none
/// is waiting.
async fn drain(store: &SqlStore) {
    let Some(rt) = store.sqlite_runtime() else {
        return;
    };
    let batches = &rt.batches;
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
        let answers = apply(store, &batch).await;
        drop(writer);
        match answers {
            Ok(answers) => {
                batches.commits.fetch_add(1, Ordering::Relaxed);
                for (job, answer) in batch.into_iter().zip(answers) {
                    job.answer(answer);
                }
            }
            Err(e) => {
                // Nothing of the batch was committed: every write in it
                // fails, as each would have on its own.
                tracing::warn!(error = %crate::report(&e), writes = batch.len(), "group commit failed");
                for job in batch {
                    job.fail(StoreError::Database(DbError::msg(format!(
                        "group commit failed: {}",
                        crate::report(&e)
                    ))));
                }
            }
        }
    }
}

impl Job {
    fn answer(self, answer: Answer) {
        match (self, answer) {
            (Job::Take(_, reply), Answer::Take(b)) => {
                let _ = reply.send(Ok(b));
            }
            (Job::Pass(_, reply), Answer::Pass(p)) => {
                let _ = reply.send(p);
            }
            (job, _) => job.fail(mismatch()),
        }
    }

    fn fail(self, e: StoreError) {
        match self {
            Job::Take(_, reply) => {
                let _ = reply.send(Err(e));
            }
            Job::Pass(_, reply) => {
                let _ = reply.send(Err(e));
            }
        }
    }
}

fn mismatch() -> StoreError {
    StoreError::Database(DbError::msg("group commit: answers out of order".into()))
}

/// One transaction for the batch on the fast path (`fastwrite.rs`); if its
/// connection cannot be opened, the takes in one pooled transaction and
/// each sign-in in its own, as `passkeys::pass` commits one.
async fn apply(store: &SqlStore, batch: &[Job]) -> Result<Vec<Answer>> {
    if let Some(fast) = store.sqlite_runtime().and_then(|rt| rt.write.as_ref())
        && let Some(out) = fast.apply_all(batch)
    {
        return out;
    }
    let mut tx = store.begin_write().await?;
    let mut answers = Vec::with_capacity(batch.len());
    for job in batch {
        answers.push(match job {
            Job::Take(t, _) => Some(Answer::Take(take_in(&mut tx, t.spec(), t.now).await?)),
            Job::Pass(..) => None,
        });
    }
    tx.commit().await?;
    let mut out = Vec::with_capacity(batch.len());
    for (job, answer) in batch.iter().zip(answers) {
        out.push(match (job, answer) {
            (_, Some(answer)) => answer,
            (Job::Pass(p, _), None) => Answer::Pass(passkeys::pass_pooled(store, &p.step()).await),
            (Job::Take(..), None) => return Err(mismatch()),
        });
    }
    Ok(out)
}
