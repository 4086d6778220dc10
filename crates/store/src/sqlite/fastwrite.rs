//! The group commit of `batches.rs` (attempt-budget takes and
//! passwordless sign-ins' commits) on SQLite without sqlx's worker-thread
//! hops.
//!
//! sqlx's SQLite driver hands every statement to its connection's thread
//! and waits for the answer: a commit of eight statements is sixteen
//! thread wake-ups, which a profile of passwordless sign-ins showed
//! costing more than the statements and the signature check together
//! (futex waits and task switches under the driver's channel). Here the
//! same statements (the same SQL text: the constants of `sql/`) run on the
//! calling thread through rusqlite, on one kept connection to the same
//! file, linked against the same SQLite library as sqlx. The caller holds
//! the process's writer turn (`SqlStore::writer`), so this connection is
//! the only writer of this process, as any pooled one would be; the
//! transaction is `BEGIN IMMEDIATE` with the same pragmas as the pool's
//! connections (`synchronous = FULL`: a commit is durable when it returns).
//!
//! The commit waits for its fsync on this thread; on a multi-threaded
//! runtime the worker's other tasks move to another thread meanwhile
//! (`block_in_place`). A connection that cannot be opened sends the batch
//! back to the sqlx path; an error inside a transaction rolls it back (see
//! [`FastWrites::apply_all`] for whose error it then is).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{CachedStatement, Connection, OpenFlags, ToSql, TransactionBehavior};

use super::batches::{Answer, Job};
use crate::sql::{budgets, events, passkeys, sessions, users};
use crate::{
    Budget, BudgetSpec, Constraint, DbError, EventKind, PasskeyOutcome, PasskeyStep, Result,
    StoreError,
};

/// See the module documentation.
pub(crate) struct FastWrites {
    path: PathBuf,
    busy_timeout: Duration,
    /// The kept connection (`None` until the first write, or after one failed).
    conn: Mutex<Option<Connection>>,
}

impl FastWrites {
    /// For the SQLite database file at `path`; `busy_timeout` as the pool's.
    pub(crate) fn new(path: PathBuf, busy_timeout: Duration) -> FastWrites {
        FastWrites {
            path,
            busy_timeout,
            conn: Mutex::new(None),
        }
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(self.busy_timeout)?;
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;",
        )?;
        Ok(conn)
    }

    /// Drop the kept connection (`SqlStore::close`).
    pub(crate) fn close(&self) {
        if let Ok(mut conn) = self.conn.lock() {
            *conn = None;
        }
    }

    /// Run `work` in one `BEGIN IMMEDIATE` transaction on the calling
    /// thread; `work` says whether to commit (`true`) or roll back. `None`
    /// when no connection could be opened (use the sqlx path). The caller
    /// holds the writer turn.
    fn transaction<T>(
        &self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<(T, bool)>,
    ) -> Option<Result<T>> {
        let mut kept = self.conn.lock().ok()?;
        if kept.is_none() {
            match self.open() {
                Ok(c) => *kept = Some(c),
                Err(e) => {
                    tracing::debug!(error = %e, "fast write: cannot open; using the pool");
                    return None;
                }
            }
        }
        let conn = kept.as_mut()?;
        let out = blocking(|| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let (value, commit) = work(&tx)?;
            if commit {
                tx.commit().map_err(db)?;
            } else {
                tx.rollback().map_err(db)?;
            }
            Ok(value)
        });
        if out.is_err() {
            // A fresh connection next time, whatever state this one is in.
            *kept = None;
        }
        Some(out)
    }

    /// A batch of `batches.rs`: every write in one transaction, in order.
    /// A sign-in decides before it writes (see [`pass_passwordless`]), so
    /// none needs a savepoint; one that fails with an error (a user deleted
    /// meanwhile, say) rolls the whole transaction back, gets that error as
    /// its answer, and the rest of the batch is applied again without it
    /// (their answers are those of the transaction that commits). A take's
    /// error fails the whole batch.
    pub(crate) fn apply_all(&self, batch: &[Job]) -> Option<Result<Vec<Answer>>> {
        let mut failed: Vec<Option<StoreError>> = batch.iter().map(|_| None).collect();
        loop {
            let round = self.transaction(|tx| {
                let mut answers = Vec::with_capacity(batch.len());
                for (i, job) in batch.iter().enumerate() {
                    answers.push(match job {
                        _ if failed[i].is_some() => None,
                        Job::Take(t, _) => Some(Answer::Take(take(tx, t.spec(), t.now)?)),
                        Job::Pass(p, _) => match pass_passwordless(tx, &p.step()) {
                            Ok(outcome) => Some(Answer::Pass(Ok(outcome))),
                            Err(e) => return Ok((Err((i, e)), false)),
                        },
                    });
                }
                Ok((Ok(answers), true))
            })?;
            match round {
                Err(e) => return Some(Err(e)),
                Ok(Err((i, e))) => failed[i] = Some(e),
                Ok(Ok(answers)) => {
                    let answers = answers
                        .into_iter()
                        .zip(failed)
                        .map(|(answer, error)| match (answer, error) {
                            (Some(answer), _) => answer,
                            (None, Some(e)) => Answer::Pass(Err(e)),
                            (None, None) => Answer::Pass(Err(StoreError::Database(DbError::msg(
                                "group commit: a write without an answer".into(),
                            )))),
                        })
                        .collect();
                    return Some(Ok(answers));
                }
            }
        }
    }
}

/// `passkeys::pass` for a passwordless sign-in (no pending login, no
/// step-up, its state sealed), with the same outcomes and the same rows
/// written, ordered so that it decides before it writes: a spent ceremony
/// writes nothing (`pass` rolls its budget takes back), a refused client
/// budget writes nothing, and every other outcome keeps what it wrote.
fn pass_passwordless(
    tx: &rusqlite::Transaction<'_>,
    step: &PasskeyStep<'_>,
) -> Result<PasskeyOutcome> {
    let new = step.session;
    let now = new.created_at;
    let key = step.ceremony;
    let Some(until) = key.sealed_until else {
        return Err(StoreError::Database(DbError::msg(
            "group commit: a passwordless sign-in without a sealed state".into(),
        )));
    };
    if first(tx, passkeys::CEREMONY_KEPT_SQL, &[&key.binding, &key.kind])?.is_some() {
        return Ok(PasskeyOutcome::CeremonyGone);
    }
    if let Some(client) = key.client_budget
        && let Budget::Exhausted { retry_after } = take(tx, client, now)?
    {
        return Ok(PasskeyOutcome::Throttled { retry_after });
    }
    // The account's budget: `pass` takes an attempt here and gives it back
    // on success, which leaves the budget as it was (a time of arrival in
    // the past counts as now), so only a refusal, or a failure that keeps
    // the cost, needs the write.
    let account = step.budget;
    let tat = first(tx, budgets::TAT_SQL, &[&account.key])?;
    if let Some(retry_after) = budgets::refused_until(account, tat, now) {
        return Ok(PasskeyOutcome::Throttled { retry_after });
    }
    let spent = execute(
        tx,
        passkeys::SPEND_SEALED_SQL,
        &[&key.binding, &key.kind, &passkeys::spent_mark_until(until)],
    )?;
    if spent != 1 {
        return Err(StoreError::Database(DbError::msg(
            "group commit: a sealed state spent under the writer's turn".into(),
        )));
    }
    let moved = execute(
        tx,
        passkeys::COUNTER_SQL,
        &[
            &step.counter,
            &step.credential,
            &now,
            &step.passkey_id,
            &new.user_id,
        ],
    )?;
    if moved != 1 {
        // Granted: the same writer turn found it open just now.
        take(tx, account, now)?;
        for kind in step.regression_events {
            event(tx, new.user_id, kind, &new.ip, &new.user_agent, now)?;
        }
        return Ok(PasskeyOutcome::CounterRegressed);
    }
    if let Some(old) = step.replaces {
        execute(tx, sessions::DELETE_SQL, &[&old])?;
    }
    let inserted = execute(
        tx,
        sessions::INSERT_SQL,
        &[
            &new.token_hash,
            &new.user_id,
            &new.stage.as_i64(),
            &new.created_at,
            &new.last_seen,
            &new.expires_at,
            &new.user_agent,
            &new.ip,
            &new.second_factor_at,
            &new.amr,
        ],
    );
    match inserted {
        Err(StoreError::Database(_)) if session_taken(tx, &new.token_hash) => {
            return Err(StoreError::Conflict(Constraint::Session));
        }
        other => other?,
    };
    if let Some(language) = step.language {
        execute(tx, users::SET_LANGUAGE_SQL, &[&language, &new.user_id])?;
    }
    for kind in step.events {
        event(
            tx,
            new.user_id,
            kind,
            &new.ip,
            &new.user_agent,
            new.created_at,
        )?;
    }
    Ok(PasskeyOutcome::Passed)
}

/// Run `f` where blocking is allowed: `block_in_place` on a multi-threaded
/// runtime; directly otherwise (a current-thread runtime, or none).
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

fn db(e: rusqlite::Error) -> StoreError {
    StoreError::Database(DbError::new(e))
}

/// Prepare `sql` (cached) and bind `params` to `$1`, `$2`, ... by name:
/// the SQL texts are the sqlx path's, whose placeholders are numbered.
fn prepared<'c>(
    tx: &'c rusqlite::Transaction<'_>,
    sql: &str,
    params: &[&dyn ToSql],
) -> Result<CachedStatement<'c>> {
    let mut stmt = tx.prepare_cached(sql).map_err(db)?;
    if stmt.parameter_count() != params.len() {
        return Err(StoreError::Database(DbError::msg(format!(
            "fast write: {} parameters for {} placeholders",
            params.len(),
            stmt.parameter_count()
        ))));
    }
    for (i, param) in params.iter().enumerate() {
        let name = format!("${}", i + 1);
        let index = stmt
            .parameter_index(&name)
            .map_err(db)?
            .ok_or_else(|| StoreError::Database(DbError::msg(format!("fast write: no {name}"))))?;
        stmt.raw_bind_parameter(index, param).map_err(db)?;
    }
    Ok(stmt)
}

/// A statement without rows: how many rows it changed.
fn execute(tx: &rusqlite::Transaction<'_>, sql: &str, params: &[&dyn ToSql]) -> Result<usize> {
    prepared(tx, sql, params)?.raw_execute().map_err(db)
}

/// The first column of the first row, if any.
fn first(tx: &rusqlite::Transaction<'_>, sql: &str, params: &[&dyn ToSql]) -> Result<Option<i64>> {
    let mut stmt = prepared(tx, sql, params)?;
    let mut rows = stmt.raw_query();
    match rows.next().map_err(db)? {
        Some(row) => Ok(Some(row.get(0).map_err(db)?)),
        None => Ok(None),
    }
}

/// `budgets::take_in`, here.
fn take(tx: &rusqlite::Transaction<'_>, budget: BudgetSpec<'_>, now: i64) -> Result<Budget> {
    let (interval, slack) = budgets::take_terms(budget);
    if first(
        tx,
        budgets::TAKE_SQL,
        &[&budget.key, &now, &interval, &slack],
    )?
    .is_some()
    {
        return Ok(Budget::Granted);
    }
    let tat = first(tx, budgets::TAT_SQL, &[&budget.key])?;
    let wait = tat.map_or(0, |tat| tat - slack - now);
    Ok(Budget::Exhausted {
        retry_after: wait.max(1),
    })
}

/// `events::insert`, here: the event, and its notice if it sends one.
fn event(
    tx: &rusqlite::Transaction<'_>,
    user_id: i64,
    kind: &EventKind,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<()> {
    let detail = kind.detail();
    let name = kind.name();
    execute(
        tx,
        events::INSERT_SQL,
        &[&user_id, &now, &name, &ip, &detail],
    )?;
    if let Some(notice) = kind.notice() {
        execute(
            tx,
            events::notice_sql(notice),
            &[&user_id, &name, &detail, &ip, &user_agent, &now],
        )?;
    }
    Ok(())
}

/// Whether a session with this token hash exists (a failed insert's cause).
fn session_taken(tx: &rusqlite::Transaction<'_>, token_hash: &[u8]) -> bool {
    tx.query_row(
        "SELECT 1 FROM sessions WHERE token_hash = ?1",
        [token_hash],
        |_| Ok(()),
    )
    .is_ok()
}
