//! Key checks: one sealed constant per key id, so a node can tell at start
//! whether its keys open this database's secrets.

use sqlx::Row;

use super::SqlStore;
use crate::Result;

pub(super) async fn all(s: &SqlStore) -> Result<Vec<(u32, Vec<u8>)>> {
    let rows = sqlx::query("SELECT key_id, sealed FROM key_checks ORDER BY key_id")
        .fetch_all(s.pool())
        .await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("key_id")?;
            // Key ids are u32 by construction; a row beyond that is no key of ours.
            Ok((u32::try_from(id).unwrap_or(u32::MAX), r.try_get("sealed")?))
        })
        .collect()
}

pub(super) async fn add(s: &SqlStore, key_id: u32, sealed: &[u8], now: i64) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query(
        "INSERT INTO key_checks (key_id, sealed, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (key_id) DO NOTHING",
    )
    .bind(i64::from(key_id))
    .bind(sealed)
    .bind(now)
    .execute(s.pool())
    .await?;
    Ok(())
}
