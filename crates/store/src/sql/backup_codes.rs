//! Backup codes: the whole set replaced at once, one code spent once.

use super::{LOCK_USER, SqlStore};
use crate::{Result, UserId};

pub(super) async fn replace(
    s: &SqlStore,
    user_id: UserId,
    hashes: &[Vec<u8>],
    now: i64,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM backup_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    for hash in hashes {
        sqlx::query(
            "INSERT INTO backup_codes (user_id, code_hash, used_at, created_at) \
             VALUES ($1, $2, NULL, $3)",
        )
        .bind(user_id)
        .bind(&hash[..])
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn spend(s: &SqlStore, user_id: UserId, hash: &[u8], now: i64) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let spent = spend_in(&mut tx, user_id, hash, now).await?;
    tx.commit().await?;
    Ok(spent)
}

/// The compare-and-set that spends one unspent code with this hash, in the
/// caller's transaction. It first locks the user's row, as every other
/// transaction on the user's codes does (`LOCK_USER`): the spend's trigger
/// updates that row, and taking the locks in the other order would let
/// PostgreSQL deadlock a spend against a replacement of the set.
pub(super) async fn spend_in(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    hash: &[u8],
    now: i64,
) -> Result<bool> {
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let n = sqlx::query(
        "UPDATE backup_codes SET used_at = $1 \
         WHERE id = (SELECT id FROM backup_codes \
                     WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL \
                     ORDER BY id LIMIT 1) \
           AND used_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(hash)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Unspent codes, as the triggers of migration 2 keep them on the user's
/// row (0 for a user who is gone).
pub(super) async fn left_in(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<i64> {
    let left: Option<i64> = sqlx::query_scalar("SELECT backup_codes_left FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(left.unwrap_or(0))
}

pub(super) async fn remaining(s: &SqlStore, user_id: UserId) -> Result<i64> {
    left_in(&mut *s.pool().acquire().await?, user_id).await
}
