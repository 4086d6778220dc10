//! Attempt budgets (GCRA): take, wait, purge. On SQLite takes are
//! group-committed (`sqlite/batches.rs`); on PostgreSQL each is one statement.

use super::SqlStore;
use crate::sqlite::batches;
use crate::{Budget, BudgetSpec, Result};

/// The GCRA take (`$1` key, `$2` now, `$3` interval, `$4` slack): a row
/// back iff granted. Shared with the SQLite fast write path.
pub(crate) const TAKE_SQL: &str = "INSERT INTO budgets (key, tat) VALUES ($1, $2 + $3) \
     ON CONFLICT (key) DO UPDATE \
       SET tat = (CASE WHEN budgets.tat > $2 THEN budgets.tat ELSE $2 END) + $3 \
       WHERE budgets.tat <= $2 + $4 \
     RETURNING tat";
/// A budget's theoretical arrival time (`$1` key).
pub(crate) const TAT_SQL: &str = "SELECT tat FROM budgets WHERE key = $1";
/// One attempt given back (`$1` interval, `$2` key).
pub(crate) const REFUND_SQL: &str = "UPDATE budgets SET tat = tat - $1 WHERE key = $2";

/// `(interval, slack)` of a budget, as [`TAKE_SQL`] wants them.
pub(crate) fn take_terms(budget: BudgetSpec<'_>) -> (i64, i64) {
    let burst = budget.burst.max(1);
    let interval = budget.interval.max(1);
    (interval, (burst - 1).saturating_mul(interval))
}

/// Whether a take from `budget`, whose arrival time is `tat` (`None`: no
/// row yet), would be refused at `now`, and if so for how many seconds
/// (at least 1): the read-only twin of [`TAKE_SQL`]'s condition.
pub(crate) fn refused_until(budget: BudgetSpec<'_>, tat: Option<i64>, now: i64) -> Option<i64> {
    let (_, slack) = take_terms(budget);
    tat.filter(|tat| *tat > now.saturating_add(slack))
        .map(|tat| (tat - slack - now).max(1))
}

pub(super) async fn take(s: &SqlStore, budget: BudgetSpec<'_>, now: i64) -> Result<Budget> {
    match s.sqlite_runtime() {
        Some(rt) => batches::take(s, &rt.batches, budget, now).await,
        None => take_in(&mut *s.pool().acquire().await?, budget, now).await,
    }
}

/// GCRA in one atomic upsert: grant iff tat <= now + (burst-1)*interval,
/// then tat = max(tat, now) + interval. No row back = refused, and the
/// answer says when the next take would be granted.
pub(crate) async fn take_in(
    conn: &mut sqlx::AnyConnection,
    budget: BudgetSpec<'_>,
    now: i64,
) -> Result<Budget> {
    let (interval, slack) = take_terms(budget);
    let granted: Option<i64> = sqlx::query_scalar(TAKE_SQL)
        .bind(budget.key)
        .bind(now)
        .bind(interval)
        .bind(slack)
        .fetch_optional(&mut *conn)
        .await?;
    if granted.is_some() {
        return Ok(Budget::Granted);
    }
    let tat: Option<i64> = sqlx::query_scalar(TAT_SQL)
        .bind(budget.key)
        .fetch_optional(&mut *conn)
        .await?;
    let wait = tat.map_or(0, |tat| tat - slack - now);
    Ok(Budget::Exhausted {
        retry_after: wait.max(1),
    })
}

pub(super) async fn refund(s: &SqlStore, budget: BudgetSpec<'_>) -> Result<()> {
    let _writer = s.writer().await;
    refund_in(&mut *s.pool().acquire().await?, budget).await
}

/// Give one attempt back: `tat -= interval`, the exact inverse of a take
/// (a tat at or below now already means a full budget).
pub(crate) async fn refund_in(
    conn: &mut sqlx::AnyConnection,
    budget: BudgetSpec<'_>,
) -> Result<()> {
    sqlx::query(REFUND_SQL)
        .bind(budget.interval.max(1))
        .bind(budget.key)
        .execute(conn)
        .await?;
    Ok(())
}

pub(super) async fn wait(s: &SqlStore, budget: BudgetSpec<'_>, now: i64) -> Result<i64> {
    let burst = budget.burst.max(1);
    let interval = budget.interval.max(1);
    let slack = (burst - 1).saturating_mul(interval);
    let tat: Option<i64> = sqlx::query_scalar("SELECT tat FROM budgets WHERE key = $1")
        .bind(budget.key)
        .fetch_optional(s.pool())
        .await?;
    Ok(tat.map_or(0, |tat| (tat - slack - now).max(0)))
}

pub(super) async fn purge(s: &SqlStore, now: i64) -> Result<u64> {
    let _writer = s.writer().await;
    let n = sqlx::query("DELETE FROM budgets WHERE tat <= $1")
        .bind(now)
        .execute(s.pool())
        .await?
        .rows_affected();
    Ok(n)
}
