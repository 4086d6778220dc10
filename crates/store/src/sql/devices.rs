//! TOTP devices: the pending set-up, its confirmation (which replaces the
//! old device atomically), the replay guard, removal and key rotation.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{LOCK_USER, SqlStore};
use crate::error::conflict_or;
use crate::{Constraint, Device, Result, StoreError, UserId};

/// `SELECT <device columns> FROM devices <tail>`.
macro_rules! device_select {
    ($tail:literal) => {
        concat!(
            "SELECT id, user_id, sealed_secret, confirmed, last_step, created_at FROM devices ",
            $tail
        )
    };
}

fn from_row(row: &AnyRow) -> Result<Device> {
    let confirmed: i64 = row.try_get("confirmed")?;
    Ok(Device {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        sealed_secret: row.try_get("sealed_secret")?,
        confirmed: confirmed != 0,
        last_step: row.try_get("last_step")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(super) async fn confirmed(s: &SqlStore, user_id: UserId) -> Result<Option<Device>> {
    let row = sqlx::query(device_select!(
        "WHERE user_id = $1 AND confirmed = 1 ORDER BY id DESC LIMIT 1"
    ))
    .bind(user_id)
    .fetch_optional(s.pool())
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn pending(s: &SqlStore, user_id: UserId) -> Result<Option<Device>> {
    let row = sqlx::query(device_select!(
        "WHERE user_id = $1 AND confirmed = 0 ORDER BY id DESC LIMIT 1"
    ))
    .bind(user_id)
    .fetch_optional(s.pool())
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn put_pending(
    s: &SqlStore,
    user_id: UserId,
    now: i64,
    seal: &(dyn Fn(i64) -> Option<Vec<u8>> + Send + Sync),
) -> Result<Device> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM devices WHERE user_id = $1 AND confirmed = 0")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO devices (user_id, sealed_secret, confirmed, last_step, created_at) \
         VALUES ($1, $2, 0, NULL, $3) RETURNING id",
    )
    .bind(user_id)
    .bind(Vec::<u8>::new())
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(conflict_or(Constraint::Device))?;
    let Some(sealed) = seal(id) else {
        tx.rollback().await?;
        return Err(StoreError::Aborted("sealing the device secret failed"));
    };
    sqlx::query("UPDATE devices SET sealed_secret = $1 WHERE id = $2")
        .bind(&sealed[..])
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Device {
        id,
        user_id,
        sealed_secret: sealed,
        confirmed: false,
        last_step: None,
        created_at: now,
    })
}

pub(super) async fn confirm(
    s: &SqlStore,
    user_id: UserId,
    device_id: i64,
    step: i64,
) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM devices WHERE id = $1 AND user_id = $2 AND confirmed = 0",
    )
    .bind(device_id)
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    if pending != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    sqlx::query("DELETE FROM devices WHERE user_id = $1 AND confirmed = 1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query(
        "UPDATE devices SET confirmed = 1, last_step = $1 \
         WHERE id = $2 AND user_id = $3 AND confirmed = 0",
    )
    .bind(step)
    .bind(device_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if done != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn accept_step(s: &SqlStore, device_id: i64, step: i64) -> Result<bool> {
    let _writer = s.writer().await;
    accept_step_in(&mut *s.pool().acquire().await?, device_id, step).await
}

/// The compare-and-set of the replay guard: `last_step = step` only if the
/// device is confirmed and its last accepted step is NULL or smaller.
pub(super) async fn accept_step_in(
    conn: &mut sqlx::AnyConnection,
    device_id: i64,
    step: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE devices SET last_step = $1 \
         WHERE id = $2 AND confirmed = 1 AND (last_step IS NULL OR last_step < $1)",
    )
    .bind(step)
    .bind(device_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub(super) async fn remove_two_factor(s: &SqlStore, user_id: UserId) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    remove_two_factor_in(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The authenticator app off: the devices deleted, and the backup codes
/// with them only when no passkey is left to keep 2FA on (the count is read
/// under the user's row lock, which `passkeys::remove` takes too).
pub(super) async fn remove_authenticator(s: &SqlStore, user_id: UserId) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    remove_devices_in(&mut tx, user_id).await?;
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    if keys == 0 {
        remove_backup_codes_in(&mut tx, user_id).await?;
    }
    tx.commit().await?;
    Ok(keys > 0)
}

/// The user's devices and backup codes deleted, in the caller's transaction
/// (which this locks the user's row in first).
pub(super) async fn remove_two_factor_in(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<()> {
    remove_devices_in(conn, user_id).await?;
    remove_backup_codes_in(conn, user_id).await
}

/// The user's row locked, then their devices deleted.
async fn remove_devices_in(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<()> {
    sqlx::query(LOCK_USER)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM devices WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn remove_backup_codes_in(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<()> {
    sqlx::query("DELETE FROM backup_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(super) async fn all(s: &SqlStore) -> Result<Vec<Device>> {
    let rows = sqlx::query(device_select!("ORDER BY id"))
        .fetch_all(s.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// Key rotation: every re-sealed secret in one transaction (across users,
/// deliberately: a rotation is all or nothing).
pub(super) async fn reseal(s: &SqlStore, sealed: &[(i64, Vec<u8>)]) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    for (id, secret) in sealed {
        sqlx::query("UPDATE devices SET sealed_secret = $1 WHERE id = $2")
            .bind(&secret[..])
            .bind(*id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
