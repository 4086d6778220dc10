//! Who may come in (forward-auth): a user's groups, a disabled account, and
//! the one-time enrolment links of `deadbolt user add`.
//!
//! `users.group_list` keeps the groups comma-joined and sorted, rewritten in
//! the transaction that changes `user_groups`, so that `session_view` (the
//! read every proxied request makes) needs no aggregate.

use super::{SqlStore, events, users};
use crate::error::conflict_or;
use crate::{Constraint, EnrolmentToken, EventKind, NewUser, PasswordHash, Result, User, UserId};

/// `users.group_list` as a list (empty string: no group).
pub(crate) fn split_groups(list: &str) -> Vec<String> {
    list.split(',')
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(super) async fn groups(s: &SqlStore, user_id: UserId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT group_name FROM user_groups WHERE user_id = $1 ORDER BY group_name",
    )
    .bind(user_id)
    .fetch_all(s.pool())
    .await?)
}

/// Rewrite `users.group_list` from the rows, inside `tx`.
async fn sync_list(tx: &mut sqlx::Transaction<'static, sqlx::Any>, user_id: UserId) -> Result<()> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT group_name FROM user_groups WHERE user_id = $1 ORDER BY group_name",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query("UPDATE users SET group_list = $1 WHERE id = $2")
        .bind(names.join(","))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn insert_group(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: UserId,
    group: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "INSERT INTO user_groups (user_id, group_name) SELECT id, $2 FROM users WHERE id = $1 \
         ON CONFLICT (user_id, group_name) DO NOTHING",
    )
    .bind(user_id)
    .bind(group)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub(super) async fn add_group(
    s: &SqlStore,
    user_id: UserId,
    group: &str,
    by: &str,
    now: i64,
) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    if !insert_group(&mut tx, user_id, group).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    sync_list(&mut tx, user_id).await?;
    let kind = EventKind::GroupAdded {
        group: group.to_owned(),
    };
    events::insert(&mut tx, user_id, &kind, by, "", now).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn remove_group(
    s: &SqlStore,
    user_id: UserId,
    group: &str,
    by: &str,
    now: i64,
) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let n = sqlx::query("DELETE FROM user_groups WHERE user_id = $1 AND group_name = $2")
        .bind(user_id)
        .bind(group)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    sync_list(&mut tx, user_id).await?;
    let kind = EventKind::GroupRemoved {
        group: group.to_owned(),
    };
    events::insert(&mut tx, user_id, &kind, by, "", now).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn set_disabled(
    s: &SqlStore,
    user_id: UserId,
    disabled: bool,
    by: &str,
    now: i64,
) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let n = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2 AND disabled <> $1")
        .bind(i64::from(disabled))
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    if disabled {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        super::oidc::revoke_user_grants_in(&mut tx, user_id).await?;
    }
    let kind = if disabled {
        EventKind::AccountDisabled
    } else {
        EventKind::AccountEnabled
    };
    events::insert(&mut tx, user_id, &kind, by, "", now).await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn create_enrolled(
    s: &SqlStore,
    user: &NewUser<'_>,
    groups: &[&str],
    token: &EnrolmentToken<'_>,
) -> Result<User> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let id = users::insert(&mut *tx, user, token.now).await?;
    for group in groups {
        insert_group(&mut tx, id, group).await?;
    }
    sync_list(&mut tx, id).await?;
    insert_enrolment(&mut tx, id, token).await?;
    tx.commit().await?;
    users::by_id(s, id)
        .await?
        .ok_or(crate::StoreError::Aborted("the new user is gone"))
}

async fn insert_enrolment(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: UserId,
    token: &EnrolmentToken<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO enrolment_tokens (token_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token.token_hash)
    .bind(user_id)
    .bind(token.now)
    .bind(token.expires_at)
    .execute(&mut **tx)
    .await
    .map_err(conflict_or(Constraint::Session))?;
    Ok(())
}

pub(super) async fn enrolment_user(
    s: &SqlStore,
    token_hash: &[u8],
    now: i64,
) -> Result<Option<User>> {
    let row = sqlx::query(
        "SELECT u.id, u.username, u.username_key, u.password_hash, u.created_at, u.email, \
         u.notify_new_browser, u.disabled, u.language \
         FROM enrolment_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(s.pool())
    .await?;
    row.as_ref().map(users::from_row).transpose()
}

pub(super) async fn complete_enrolment(
    s: &SqlStore,
    token_hash: &[u8],
    password_hash: &PasswordHash,
    now: i64,
) -> Result<Option<UserId>> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let user_id: Option<i64> = sqlx::query_scalar(
        "UPDATE enrolment_tokens SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(user_id) = user_id else {
        tx.rollback().await?;
        return Ok(None);
    };
    sqlx::query("UPDATE enrolment_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    users::replace_password_in(&mut tx, user_id, password_hash).await?;
    tx.commit().await?;
    Ok(Some(user_id))
}

pub(super) async fn reissue_enrolment(
    s: &SqlStore,
    user_id: UserId,
    token: &EnrolmentToken<'_>,
) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    // Only an account that came from `user add` and was never opened.
    let (links, spent): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(used_at) FROM enrolment_tokens WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
    if links == 0 || spent > 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    sqlx::query(
        "UPDATE enrolment_tokens SET expires_at = $2 WHERE user_id = $1 AND expires_at > $2",
    )
    .bind(user_id)
    .bind(token.now)
    .execute(&mut *tx)
    .await?;
    insert_enrolment(&mut tx, user_id, token).await?;
    tx.commit().await?;
    Ok(true)
}
