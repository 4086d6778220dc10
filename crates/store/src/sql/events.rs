//! Security events: recorded as [`EventKind`] values, read back as them.

use sqlx::Row;

use super::SqlStore;
use crate::{Event, EventKind, Result, UserId};

pub(super) async fn insert<'e, E>(
    executor: E,
    user_id: UserId,
    kind: &EventKind,
    ip: &str,
    now: i64,
) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO events (user_id, at, kind, ip, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(user_id)
        .bind(now)
        .bind(kind.name())
        .bind(ip)
        .bind(kind.detail())
        .execute(executor)
        .await?;
    Ok(())
}

pub(super) async fn record(
    s: &SqlStore,
    user_id: UserId,
    kind: &EventKind,
    ip: &str,
    now: i64,
) -> Result<()> {
    let _writer = s.writer().await;
    insert(s.pool(), user_id, kind, ip, now).await
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
