//! Security events: recorded as [`EventKind`] values, read back as them.
//! An event that sends a notice ([`EventKind::notice`]) writes the mail to
//! the outbox in the same transaction, addressed to the account's verified
//! address at that moment: the notice cannot be lost, nor sent for an event
//! that did not happen.

use sqlx::Row;

use super::SqlStore;
use crate::event::Notice;
use crate::{Event, EventKind, Result, UserId};

/// An event row (`$1` user, `$2` at, `$3` kind, `$4` ip, `$5` detail).
/// Shared with the SQLite fast write path.
pub(crate) const INSERT_SQL: &str =
    "INSERT INTO events (user_id, at, kind, ip, detail) VALUES ($1, $2, $3, $4, $5)";

/// The notice's outbox row (`$1` user, `$2` kind, `$3` detail, `$4` ip,
/// `$5` user agent, `$6` now), written only while the user has a verified
/// address (and, for [`Notice::UnlessTurnedOff`], keeps it on).
pub(crate) fn notice_sql(notice: Notice) -> &'static str {
    match notice {
        Notice::Always => {
            "INSERT INTO outbox (user_id, to_address, kind, detail, ip, user_agent, created_at, next_attempt_at) \
             SELECT id, email, $2, $3, $4, $5, $6, $6 FROM users \
             WHERE id = $1 AND email IS NOT NULL"
        }
        Notice::UnlessTurnedOff => {
            "INSERT INTO outbox (user_id, to_address, kind, detail, ip, user_agent, created_at, next_attempt_at) \
             SELECT id, email, $2, $3, $4, $5, $6, $6 FROM users \
             WHERE id = $1 AND email IS NOT NULL AND notify_new_browser = 1"
        }
    }
}

/// The event, and its notice if it sends one, in the caller's transaction.
pub(super) async fn insert(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    kind: &EventKind,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<()> {
    let detail = kind.detail();
    sqlx::query(INSERT_SQL)
        .bind(user_id)
        .bind(now)
        .bind(kind.name())
        .bind(ip)
        .bind(&detail)
        .execute(&mut *conn)
        .await?;
    let Some(notice) = kind.notice() else {
        return Ok(());
    };
    sqlx::query(notice_sql(notice))
        .bind(user_id)
        .bind(kind.name())
        .bind(&detail)
        .bind(ip)
        .bind(user_agent)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(super) async fn record(
    s: &SqlStore,
    user_id: UserId,
    kind: &EventKind,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    insert(&mut tx, user_id, kind, ip, user_agent, now).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn recent(s: &SqlStore, user_id: UserId, limit: i64) -> Result<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT at, kind, ip, detail FROM events WHERE user_id = $1 \
         ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit.max(0))
    .fetch_all(s.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let detail: String = row.try_get("detail")?;
            Ok(Event {
                at: row.try_get("at")?,
                kind: EventKind::from_stored(&kind, &detail),
                ip: row.try_get("ip")?,
            })
        })
        .collect()
}
