//! Users: create, look up, list, change the password hash.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::SqlStore;
use crate::error::conflict_or;
use crate::{Constraint, NewUser, PasswordHash, Result, User, UserId, UserSummary};

/// `SELECT <user columns> FROM users <tail>`.
macro_rules! user_select {
    ($tail:literal) => {
        concat!(
            "SELECT id, username, username_key, password_hash, created_at, email, \
             notify_new_browser, disabled, language FROM users ",
            $tail
        )
    };
}

pub(super) fn from_row(row: &AnyRow) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        username_key: row.try_get("username_key")?,
        password_hash: PasswordHash::new(row.try_get("password_hash")?),
        created_at: row.try_get("created_at")?,
        email: row.try_get("email")?,
        notify_new_browser: row.try_get::<i64, _>("notify_new_browser")? != 0,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        language: row.try_get("language")?,
    })
}

/// A unique violation on `users` is a taken name, whether by its key or by
/// its confusable skeleton.
pub(super) async fn create(s: &SqlStore, user: &NewUser<'_>, now: i64) -> Result<User> {
    let _writer = s.writer().await;
    let id = insert(s.pool(), user, now).await?;
    Ok(User {
        id,
        username: user.username.to_owned(),
        username_key: user.username_key.to_owned(),
        password_hash: user.password_hash.clone(),
        created_at: now,
        email: None,
        notify_new_browser: true,
        disabled: false,
        language: user.language.map(str::to_owned),
    })
}

/// Insert a user row; its id.
pub(super) async fn insert<'e, E>(executor: E, user: &NewUser<'_>, now: i64) -> Result<UserId>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query_scalar(
        "INSERT INTO users (username, username_key, username_skeleton, password_hash, created_at, language) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user.username)
    .bind(user.username_key)
    .bind(user.username_skeleton)
    .bind(user.password_hash.expose())
    .bind(now)
    .bind(user.language)
    .fetch_one(executor)
    .await
    .map_err(conflict_or(Constraint::Username))
}

/// The user's language, written only when it differs (the SQLite fast
/// write runs the same text).
pub(crate) const SET_LANGUAGE_SQL: &str =
    "UPDATE users SET language = $1 WHERE id = $2 AND (language IS NULL OR language <> $1)";

/// Store the user's language (`Some`) unless it is already that one; true
/// when a row changed. Callers compare first (the session view and the
/// user record carry the stored language), so a write happens only on a
/// change; the `IS NULL OR <>` keeps a racing duplicate from writing twice.
pub(super) async fn set_language_in(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    language: &str,
) -> Result<bool> {
    let changed = sqlx::query(SET_LANGUAGE_SQL)
        .bind(language)
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed == 1)
}

/// [`set_language_in`] on its own (the language menu while signed in).
pub(super) async fn set_language(s: &SqlStore, user_id: UserId, language: &str) -> Result<bool> {
    let _writer = s.writer().await;
    let mut conn = s.pool().acquire().await?;
    set_language_in(&mut conn, user_id, language).await
}

/// A new password hash, and every session of the user ended, inside `tx`.
pub(super) async fn replace_password_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: UserId,
    password_hash: &PasswordHash,
) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.expose())
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    super::oidc::revoke_user_grants_in(&mut *tx, user_id).await?;
    Ok(())
}

pub(super) async fn without_skeleton(s: &SqlStore) -> Result<Vec<(UserId, String)>> {
    let rows = sqlx::query(
        "SELECT id, username_key FROM users WHERE username_skeleton IS NULL ORDER BY id",
    )
    .fetch_all(s.pool())
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("username_key")?)))
        .collect()
}

pub(super) async fn set_skeleton(s: &SqlStore, user_id: UserId, skeleton: &str) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query("UPDATE users SET username_skeleton = $1 WHERE id = $2")
        .bind(skeleton)
        .bind(user_id)
        .execute(s.pool())
        .await
        .map_err(conflict_or(Constraint::Username))?;
    Ok(())
}

pub(super) async fn by_key(s: &SqlStore, username_key: &str) -> Result<Option<User>> {
    let row = sqlx::query(user_select!("WHERE username_key = $1"))
        .bind(username_key)
        .fetch_optional(s.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn by_id(s: &SqlStore, id: UserId) -> Result<Option<User>> {
    let row = sqlx::query(user_select!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(s.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn list(s: &SqlStore) -> Result<Vec<UserSummary>> {
    let rows = sqlx::query(
        "SELECT u.id, u.username, u.created_at, u.backup_codes_left AS codes, u.group_list, \
           u.disabled, \
           (SELECT COUNT(*) FROM devices d WHERE d.user_id = u.id AND d.confirmed = 1) AS devices \
         FROM users u ORDER BY u.id",
    )
    .fetch_all(s.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let devices: i64 = row.try_get("devices")?;
            Ok(UserSummary {
                id: row.try_get("id")?,
                username: row.try_get("username")?,
                two_factor_enabled: devices > 0,
                backup_codes_remaining: row.try_get("codes")?,
                created_at: row.try_get("created_at")?,
                groups: super::access::split_groups(&row.try_get::<String, _>("group_list")?),
                disabled: row.try_get::<i64, _>("disabled")? != 0,
            })
        })
        .collect()
}

pub(super) async fn set_password_hash(
    s: &SqlStore,
    user_id: UserId,
    password_hash: &PasswordHash,
) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.expose())
        .bind(user_id)
        .execute(s.pool())
        .await?;
    Ok(())
}
