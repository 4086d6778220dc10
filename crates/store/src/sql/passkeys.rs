//! Passkeys and security keys: the registered keys, the ceremony states
//! kept between a start and its finish (each deleted by the step that uses
//! it: `rows_affected` decides, so a state serves once), and the one commit
//! that ends a sign-in with a key (`pass`).

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{LOCK_USER, SqlStore, budgets, devices, events, login, sessions};
use crate::error::conflict_or;
use crate::sqlite::batches;
use crate::{
    Budget, BudgetSpec, CeremonyKey, CeremonyRead, Constraint, EventKind, NewPasskey, Passkey,
    PasskeyOutcome, PasskeyStep, RemovedPasskey, Result, UserId,
};

/// `SELECT <head>, <passkey columns> FROM <tail>`.
macro_rules! passkey_select {
    ($head:literal, $tail:literal) => {
        concat!(
            "SELECT ",
            $head,
            "p.id, p.user_id, p.name, p.user_handle, p.credential_id, p.credential, ",
            "p.counter, p.created_at, p.last_used_at FROM ",
            $tail
        )
    };
}

fn from_row(row: &AnyRow) -> Result<Passkey> {
    Ok(Passkey {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        name: row.try_get("name")?,
        user_handle: row.try_get("user_handle")?,
        credential_id: row.try_get("credential_id")?,
        credential: row.try_get("credential")?,
        counter: row.try_get("counter")?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

pub(super) async fn of_user(s: &SqlStore, user_id: UserId) -> Result<Vec<Passkey>> {
    let rows = sqlx::query(passkey_select!(
        "",
        "passkeys p WHERE p.user_id = $1 ORDER BY p.id"
    ))
    .bind(user_id)
    .fetch_all(s.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

pub(super) async fn add(
    s: &SqlStore,
    new: &NewPasskey<'_>,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<Passkey> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO passkeys (user_id, name, user_handle, credential_id, credential, counter, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.user_id)
    .bind(new.name)
    .bind(new.user_handle)
    .bind(new.credential_id)
    .bind(new.credential)
    .bind(new.counter)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(conflict_or(Constraint::Passkey))?;
    let added = EventKind::PasskeyAdded {
        name: new.name.to_owned(),
    };
    events::insert(&mut tx, new.user_id, &added, ip, user_agent, now).await?;
    tx.commit().await?;
    Ok(Passkey {
        id,
        user_id: new.user_id,
        name: new.name.to_owned(),
        user_handle: new.user_handle.to_vec(),
        credential_id: new.credential_id.to_vec(),
        credential: new.credential.to_owned(),
        counter: new.counter,
        created_at: now,
        last_used_at: None,
    })
}

pub(super) async fn rename(s: &SqlStore, user_id: UserId, id: i64, name: &str) -> Result<bool> {
    let _writer = s.writer().await;
    let done = sqlx::query("UPDATE passkeys SET name = $1 WHERE id = $2 AND user_id = $3")
        .bind(name)
        .bind(id)
        .bind(user_id)
        .execute(s.pool())
        .await?
        .rows_affected();
    Ok(done == 1)
}

/// Where a change came from, for its events.
pub(super) struct From<'a> {
    pub(super) ip: &'a str,
    pub(super) user_agent: &'a str,
    pub(super) now: i64,
}

pub(super) async fn remove(
    s: &SqlStore,
    user_id: UserId,
    id: i64,
    keep_session: &[u8],
    from: From<'_>,
) -> Result<Option<RemovedPasskey>> {
    let From {
        ip,
        user_agent,
        now,
    } = from;
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    // The user's row first: a key added or a device confirmed at the same
    // instant waits, so "the last factor" is decided on settled rows.
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let name: Option<String> =
        sqlx::query_scalar("DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name")
            .bind(id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(name) = name else {
        tx.rollback().await?;
        return Ok(None);
    };
    let removed = EventKind::PasskeyRemoved { name: name.clone() };
    events::insert(&mut tx, user_id, &removed, ip, user_agent, now).await?;
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM passkeys WHERE user_id = $1) \
              + (SELECT COUNT(*) FROM devices WHERE user_id = $1 AND confirmed = 1)",
    )
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    let last_factor = left == 0;
    if last_factor {
        devices::remove_two_factor_in(&mut tx, user_id).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await?;
        let off = EventKind::TwoFactorDisabled;
        events::insert(&mut tx, user_id, &off, ip, user_agent, now).await?;
    }
    tx.commit().await?;
    Ok(Some(RemovedPasskey { name, last_factor }))
}

/// The operator's reset: devices, backup codes and passkeys, in one transaction.
pub(super) async fn remove_all_factors(s: &SqlStore, user_id: UserId) -> Result<u64> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    devices::remove_two_factor_in(&mut tx, user_id).await?;
    let keys = sqlx::query("DELETE FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(keys)
}

pub(super) async fn put_ceremony(
    s: &SqlStore,
    key: CeremonyKey<'_>,
    user_id: Option<UserId>,
    state: &str,
    expires_at: i64,
    now: i64,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    // Expired states go with the next start (an index range, usually empty).
    sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO passkey_ceremonies (binding, kind, user_id, state, expires_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (binding, kind) DO UPDATE SET user_id = excluded.user_id, \
         state = excluded.state, expires_at = excluded.expires_at",
    )
    .bind(key.binding)
    .bind(key.kind)
    .bind(user_id)
    .bind(state)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn take_ceremony(
    s: &SqlStore,
    key: CeremonyKey<'_>,
    now: i64,
) -> Result<Option<String>> {
    let _writer = s.writer().await;
    let row = sqlx::query(
        "DELETE FROM passkey_ceremonies WHERE binding = $1 AND kind = $2 \
         RETURNING state, expires_at",
    )
    .bind(key.binding)
    .bind(key.kind)
    .fetch_optional(s.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let expires_at: i64 = row.try_get("expires_at")?;
    Ok((expires_at > now)
        .then(|| row.try_get("state"))
        .transpose()?)
}

/// A sealed ceremony not spent yet, with the key `$2` names (a row with
/// NULL key columns when no key has that id; no row when spent) and the
/// client budget `$1`'s arrival time (NULL when it has none, or `$1` is
/// NULL). Also the SQLite fast path's statement. (SQLite numbers `$N`
/// placeholders in the order they first appear, so they appear in order.)
pub(crate) const SEALED_WITH_PASSKEY_SQL: &str = passkey_select!(
    "(SELECT b.tat FROM budgets b WHERE b.key = $1) AS client_tat, ",
    "(SELECT 1 AS one) o LEFT JOIN passkeys p ON p.credential_id = $2 \
     WHERE NOT EXISTS (SELECT 1 FROM passkey_ceremonies c WHERE c.binding = $3 AND c.kind = $4)"
);

/// What a sealed ceremony's read found (`found`: `None` when spent; else
/// the client budget's arrival time and the key), as a [`CeremonyRead`].
pub(crate) fn sealed_read(
    key: CeremonyKey<'_>,
    found: Option<(Option<i64>, Option<Passkey>)>,
    now: i64,
) -> CeremonyRead {
    let Some((tat, passkey)) = found else {
        return CeremonyRead::Gone;
    };
    match key
        .client_budget
        .and_then(|b| budgets::refused_until(b, tat, now))
    {
        Some(retry_after) => CeremonyRead::Throttled { retry_after },
        None => CeremonyRead::Live {
            state: String::new(),
            passkey,
        },
    }
}

pub(super) async fn ceremony_with_passkey(
    s: &SqlStore,
    key: CeremonyKey<'_>,
    credential_id: &[u8],
    now: i64,
) -> Result<CeremonyRead> {
    if let Some(until) = key.sealed_until {
        // The client holds the state: only "not spent yet" is read here.
        if until <= now {
            return Ok(CeremonyRead::Gone);
        }
        let client = key.client_budget.map(|b| b.key);
        if let Some(fast) = s.sqlite_runtime().and_then(|rt| rt.fast.as_ref())
            && let Some(found) =
                fast.sealed_with_passkey(credential_id, key.binding, key.kind, client)
        {
            return Ok(sealed_read(key, found, now));
        }
        let row = sqlx::query(SEALED_WITH_PASSKEY_SQL)
            .bind(client)
            .bind(credential_id)
            .bind(key.binding)
            .bind(key.kind)
            .fetch_optional(s.pool())
            .await?;
        let found = match row {
            None => None,
            Some(row) => {
                let id: Option<i64> = row.try_get("id")?;
                let tat: Option<i64> = row.try_get("client_tat")?;
                Some((tat, id.map(|_| from_row(&row)).transpose()?))
            }
        };
        return Ok(sealed_read(key, found, now));
    }
    let row = sqlx::query(passkey_select!(
        "c.state, ",
        "passkey_ceremonies c LEFT JOIN passkeys p ON p.credential_id = $3 \
         WHERE c.binding = $1 AND c.kind = $2 AND c.expires_at > $4"
    ))
    .bind(key.binding)
    .bind(key.kind)
    .bind(credential_id)
    .bind(now)
    .fetch_optional(s.pool())
    .await?;
    let Some(row) = row else {
        return Ok(CeremonyRead::Gone);
    };
    let id: Option<i64> = row.try_get("id")?;
    let passkey = match id {
        Some(_) => Some(from_row(&row)?),
        None => None,
    };
    Ok(CeremonyRead::Live {
        state: row.try_get("state")?,
        passkey,
    })
}

pub(super) async fn drop_ceremony(
    s: &SqlStore,
    key: CeremonyKey<'_>,
    budget: Option<BudgetSpec<'_>>,
    now: i64,
) -> Result<Budget> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    if let Some(client) = key.client_budget
        && let exhausted @ Budget::Exhausted { .. } = budgets::take_in(&mut tx, client, now).await?
    {
        tx.rollback().await?;
        return Ok(exhausted);
    }
    spend_ceremony_in(&mut tx, key).await?;
    let taken = match budget {
        Some(b) => budgets::take_in(&mut tx, b, now).await?,
        None => Budget::Granted,
    };
    tx.commit().await?;
    Ok(taken)
}

/// How long a sealed ceremony's spent mark outlives the ceremony: nodes'
/// clocks may differ by this much before a replay could find no mark.
const SPENT_MARK_MARGIN_SECS: i64 = 600;

/// Until when the spent mark of a sealed ceremony that expires `until` is kept.
pub(crate) fn spent_mark_until(until: i64) -> i64 {
    until.saturating_add(SPENT_MARK_MARGIN_SECS)
}

/// Whether a ceremony has a row (`$1` binding, `$2` kind): for a sealed
/// one, its spent mark.
pub(crate) const CEREMONY_KEPT_SQL: &str =
    "SELECT 1 FROM passkey_ceremonies WHERE binding = $1 AND kind = $2";
/// A stored ceremony state spent (`$1` binding, `$2` kind).
pub(crate) const DELETE_CEREMONY_SQL: &str =
    "DELETE FROM passkey_ceremonies WHERE binding = $1 AND kind = $2";
/// A sealed ceremony's spent mark (`$1` binding, `$2` kind, `$3` kept
/// until): one row affected for the one call that spends it.
pub(crate) const SPEND_SEALED_SQL: &str = "INSERT INTO passkey_ceremonies (binding, kind, user_id, state, expires_at) \
     VALUES ($1, $2, NULL, '', $3) ON CONFLICT (binding, kind) DO NOTHING";
/// The counter's compare-and-set (`$1` counter, `$2` credential, `$3` now,
/// `$4` key id, `$5` user): it only moves forward (authenticators that keep
/// none send 0 every time), so two assertions with one counter value
/// cannot both pass, on any node.
pub(crate) const COUNTER_SQL: &str = "UPDATE passkeys SET counter = $1, credential = $2, last_used_at = $3 \
     WHERE id = $4 AND user_id = $5 AND (counter < $1 OR (counter = 0 AND $1 = 0))";

/// Spend a ceremony: delete its state row, or for a state the client holds
/// sealed insert its spent mark. True for the one call that spent it.
async fn spend_ceremony_in(conn: &mut sqlx::AnyConnection, key: CeremonyKey<'_>) -> Result<bool> {
    let done = match key.sealed_until {
        None => sqlx::query(DELETE_CEREMONY_SQL)
            .bind(key.binding)
            .bind(key.kind)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
        Some(until) => sqlx::query(SPEND_SEALED_SQL)
            .bind(key.binding)
            .bind(key.kind)
            .bind(spent_mark_until(until))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    };
    Ok(done == 1)
}

pub(super) async fn pass(s: &SqlStore, step: &PasskeyStep<'_>) -> Result<PasskeyOutcome> {
    // A passwordless sign-in on an SQLite file shares a commit with the
    // other small writes waiting at that moment (`sqlite/batches.rs`).
    if let Some(rt) = s.sqlite_runtime()
        && rt.write.is_some()
        && let Some(out) = batches::pass(s, &rt.batches, step).await
    {
        return out;
    }
    let _writer = s.writer().await;
    pass_pooled(s, step).await
}

/// [`pass`] in a pooled transaction of its own; the caller holds the
/// writer turn.
pub(crate) async fn pass_pooled(s: &SqlStore, step: &PasskeyStep<'_>) -> Result<PasskeyOutcome> {
    let new = step.session;
    let now = new.created_at;
    let mut tx = s.begin_write().await?;
    if let Some(client) = step.ceremony.client_budget
        && let Budget::Exhausted { retry_after } = budgets::take_in(&mut tx, client, now).await?
    {
        tx.rollback().await?;
        return Ok(PasskeyOutcome::Throttled { retry_after });
    }
    if let Budget::Exhausted { retry_after } = budgets::take_in(&mut tx, step.budget, now).await? {
        tx.commit().await?;
        return Ok(PasskeyOutcome::Throttled { retry_after });
    }
    if !spend_ceremony_in(&mut tx, step.ceremony).await? {
        tx.rollback().await?;
        return Ok(PasskeyOutcome::CeremonyGone);
    }
    let moved = sqlx::query(COUNTER_SQL)
        .bind(step.counter)
        .bind(step.credential)
        .bind(now)
        .bind(step.passkey_id)
        .bind(new.user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if moved != 1 {
        for kind in step.regression_events {
            events::insert(&mut tx, new.user_id, kind, &new.ip, &new.user_agent, now).await?;
        }
        tx.commit().await?;
        return Ok(PasskeyOutcome::CounterRegressed);
    }
    if let Some(pending) = step.pending
        && !login::end_pending_in(&mut tx, pending, new.user_id).await?
    {
        tx.rollback().await?;
        return Ok(PasskeyOutcome::PendingGone);
    }
    budgets::refund_in(&mut tx, step.budget).await?;
    if step.step_up {
        if !sessions::mark_second_factor_in(&mut tx, &new.token_hash, new.user_id, now).await? {
            tx.rollback().await?;
            return Ok(PasskeyOutcome::PendingGone);
        }
        for kind in step.events {
            events::insert(&mut tx, new.user_id, kind, &new.ip, &new.user_agent, now).await?;
        }
    } else {
        login::open_session_in(&mut tx, step.replaces, new, step.events.iter()).await?;
        if let Some(language) = step.language {
            super::users::set_language_in(&mut tx, new.user_id, language).await?;
        }
    }
    tx.commit().await?;
    Ok(PasskeyOutcome::Passed)
}
