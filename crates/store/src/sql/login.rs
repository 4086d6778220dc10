//! The transactions that end a login step, across aggregates: the session
//! rotated with the step's events (`open_session`), and the second factor
//! as one commit (`pass_second_factor`).

use super::{SqlStore, backup_codes, budgets, devices, events, sessions, users};
use crate::{
    Budget, EventKind, Proof, Result, SecondFactorStep, SessionRecord, Stage, StepOutcome,
};

pub(super) async fn open_session(
    s: &SqlStore,
    old_hash: Option<&[u8]>,
    new: &SessionRecord,
    events: &[EventKind],
    language: Option<&str>,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    if let Some(language) = language {
        users::set_language_in(&mut tx, new.user_id, language).await?;
    }
    open_session_in(&mut tx, old_hash, new, events.iter()).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn pass_second_factor(
    s: &SqlStore,
    step: &SecondFactorStep<'_>,
) -> Result<StepOutcome> {
    let new = step.session;
    let now = new.created_at;
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    if let Budget::Exhausted { retry_after } = budgets::take_in(&mut tx, step.budget, now).await? {
        tx.commit().await?;
        return Ok(StepOutcome::Throttled { retry_after });
    }
    let (held, left) = match step.proof {
        Proof::Step { device_id, step } => (
            devices::accept_step_in(&mut tx, device_id, step).await?,
            None,
        ),
        Proof::BackupCode { hash } => {
            if backup_codes::spend_in(&mut tx, new.user_id, hash, now).await? {
                (
                    true,
                    Some(backup_codes::left_in(&mut tx, new.user_id).await?),
                )
            } else {
                (false, None)
            }
        }
    };
    if !held {
        // The budget stays spent.
        tx.commit().await?;
        return Ok(StepOutcome::Refused);
    }
    // The pending login is spent with the code: a second step on it (a
    // replayed request, or two racing ones) finds it gone and changes
    // nothing. Only a right code gets this far, so the rollback gives back
    // no budget that a guess could have used.
    if !end_pending_in(&mut tx, step.pending, new.user_id).await? {
        tx.rollback().await?;
        return Ok(StepOutcome::PendingGone);
    }
    // Only failures cost: the verified attempt gives its budget back.
    budgets::refund_in(&mut tx, step.budget).await?;
    let spent = left.map(|left| EventKind::BackupCodeUsed { left });
    let recorded = spent.iter().chain(step.events);
    open_session_in(&mut tx, None, new, recorded).await?;
    tx.commit().await?;
    Ok(StepOutcome::Passed {
        backup_codes_left: left,
    })
}

/// Delete the user's pending session `pending`; false if it is not there
/// (expired, signed out, or spent by another step).
pub(super) async fn end_pending_in(
    conn: &mut sqlx::AnyConnection,
    pending: &[u8],
    user_id: crate::UserId,
) -> Result<bool> {
    let ended =
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND user_id = $2 AND stage = $3")
            .bind(pending)
            .bind(user_id)
            .bind(Stage::Pending.as_i64())
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(ended == 1)
}

/// The old session out, the new one in, the step's events, in the
/// caller's transaction.
pub(super) async fn open_session_in<'a>(
    conn: &mut sqlx::AnyConnection,
    old_hash: Option<&[u8]>,
    new: &SessionRecord,
    recorded: impl Iterator<Item = &'a EventKind>,
) -> Result<()> {
    if let Some(old) = old_hash {
        sqlx::query(sessions::DELETE_SQL)
            .bind(old)
            .execute(&mut *conn)
            .await?;
    }
    sessions::insert(&mut *conn, new).await?;
    for kind in recorded {
        events::insert(
            &mut *conn,
            new.user_id,
            kind,
            &new.ip,
            &new.user_agent,
            new.created_at,
        )
        .await?;
    }
    Ok(())
}
