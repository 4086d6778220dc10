//! Sessions: insert, the one-statement read every request makes
//! (`session_view`), touch, end one or all, purge.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::SqlStore;
use crate::error::conflict_or;
use crate::{Constraint, Result, SessionRecord, SessionView, Stage, UserId};

/// `SELECT <session columns> FROM sessions <tail>`.
macro_rules! session_select {
    ($tail:literal) => {
        concat!(
            "SELECT token_hash, user_id, stage, created_at, last_seen, expires_at, user_agent, ip, \
             second_factor_at, amr FROM sessions ",
            $tail
        )
    };
}

fn from_row(row: &AnyRow) -> Result<SessionRecord> {
    let stage: i64 = row.try_get("stage")?;
    Ok(SessionRecord {
        token_hash: row.try_get("token_hash")?,
        user_id: row.try_get("user_id")?,
        stage: Stage::from_i64(stage),
        created_at: row.try_get("created_at")?,
        last_seen: row.try_get("last_seen")?,
        expires_at: row.try_get("expires_at")?,
        user_agent: row.try_get("user_agent")?,
        ip: row.try_get("ip")?,
        second_factor_at: row.try_get("second_factor_at")?,
        amr: row.try_get("amr")?,
    })
}

/// `Store::session_view`'s statement (both paths, both backends): three
/// primary-key or unique-index lookups and one probe of the `passkeys_user`
/// index (the first key's id, `LIMIT 1`), no aggregate (the unspent backup
/// codes are counted by triggers into `users.backup_codes_left`; the groups
/// are kept joined in `users.group_list`). A disabled user has no session.
pub(crate) const SESSION_VIEW_SQL: &str = "\
    SELECT s.user_id, s.stage, s.created_at, s.last_seen, s.expires_at, s.second_factor_at, \
           u.username, u.email, u.backup_codes_left AS codes, u.group_list, u.language, d.id AS device, \
           (SELECT p.id FROM passkeys p WHERE p.user_id = s.user_id LIMIT 1) AS passkey \
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.disabled = 0 \
    LEFT JOIN devices d ON d.user_id = s.user_id AND d.confirmed = 1 \
    WHERE s.token_hash = $1";

/// A row of [`SESSION_VIEW_SQL`] from either driver (sqlx on the pool,
/// rusqlite on the SQLite fast path), so that one function maps it.
pub(crate) trait ViewRow {
    /// The driver's error.
    type Error;
    fn int(&self, col: &str) -> Result<i64, Self::Error>;
    fn opt_int(&self, col: &str) -> Result<Option<i64>, Self::Error>;
    fn text(&self, col: &str) -> Result<String, Self::Error>;
    fn opt_text(&self, col: &str) -> Result<Option<String>, Self::Error>;
    fn opt_blob(&self, col: &str) -> Result<Option<Vec<u8>>, Self::Error>;
}

impl ViewRow for AnyRow {
    type Error = sqlx::Error;
    fn int(&self, col: &str) -> Result<i64, sqlx::Error> {
        self.try_get(col)
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>, sqlx::Error> {
        self.try_get(col)
    }
    fn text(&self, col: &str) -> Result<String, sqlx::Error> {
        self.try_get(col)
    }
    fn opt_text(&self, col: &str) -> Result<Option<String>, sqlx::Error> {
        self.try_get(col)
    }
    fn opt_blob(&self, col: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        self.try_get(col)
    }
}

/// The one mapping of a [`SESSION_VIEW_SQL`] row.
pub(crate) fn session_view_from<R: ViewRow + ?Sized>(r: &R) -> Result<SessionView, R::Error> {
    Ok(SessionView {
        user_id: r.int("user_id")?,
        stage: Stage::from_i64(r.int("stage")?),
        created_at: r.int("created_at")?,
        last_seen: r.int("last_seen")?,
        expires_at: r.int("expires_at")?,
        username: r.text("username")?,
        email: r.opt_text("email")?,
        two_factor_enabled: r.opt_int("device")?.is_some(),
        has_passkey: r.opt_int("passkey")?.is_some(),
        backup_codes_remaining: r.int("codes")?,
        second_factor_at: r.opt_int("second_factor_at")?,
        groups: super::access::split_groups(&r.text("group_list")?),
        language: r.opt_text("language")?,
    })
}

/// A new session row (the columns in [`SessionRecord`]'s order). Shared
/// with the SQLite fast write path.
pub(crate) const INSERT_SQL: &str = "INSERT INTO sessions \
     (token_hash, user_id, stage, created_at, last_seen, expires_at, user_agent, ip, \
      second_factor_at, amr) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
/// One session ended by its token hash (`$1`).
pub(crate) const DELETE_SQL: &str = "DELETE FROM sessions WHERE token_hash = $1";

pub(super) async fn insert<'e, E>(executor: E, s: &SessionRecord) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(INSERT_SQL)
        .bind(&s.token_hash[..])
        .bind(s.user_id)
        .bind(s.stage.as_i64())
        .bind(s.created_at)
        .bind(s.last_seen)
        .bind(s.expires_at)
        .bind(&s.user_agent[..])
        .bind(&s.ip[..])
        .bind(s.second_factor_at)
        .bind(&s.amr[..])
        .execute(executor)
        .await
        .map_err(conflict_or(Constraint::Session))?;
    Ok(())
}

pub(super) async fn create(s: &SqlStore, session: &SessionRecord) -> Result<()> {
    let _writer = s.writer().await;
    insert(s.pool(), session).await
}

pub(super) async fn by_hash(s: &SqlStore, token_hash: &[u8]) -> Result<Option<SessionRecord>> {
    let row = sqlx::query(session_select!("WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(s.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub(super) async fn view(s: &SqlStore, token_hash: &[u8]) -> Result<Option<SessionView>> {
    let fast = s.sqlite_runtime().and_then(|rt| rt.fast.as_ref());
    if let Some(view) = fast.and_then(|f| f.session_view(token_hash)) {
        return Ok(view);
    }
    let row = sqlx::query(SESSION_VIEW_SQL)
        .bind(token_hash)
        .fetch_optional(s.pool())
        .await?;
    Ok(row.as_ref().map(session_view_from).transpose()?)
}

pub(super) async fn touch(s: &SqlStore, token_hash: &[u8], now: i64) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(s.pool())
        .await?;
    Ok(())
}

pub(super) async fn mark_second_factor(s: &SqlStore, token_hash: &[u8], now: i64) -> Result<bool> {
    let _writer = s.writer().await;
    let n = sqlx::query("UPDATE sessions SET second_factor_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(s.pool())
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// A step-up passed now by `user_id`'s live full session, in the caller's
/// transaction. False if the session is gone.
pub(super) async fn mark_second_factor_in(
    conn: &mut sqlx::AnyConnection,
    token_hash: &[u8],
    user_id: UserId,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE sessions SET second_factor_at = $1 \
         WHERE token_hash = $2 AND user_id = $3 AND stage = $4",
    )
    .bind(now)
    .bind(token_hash)
    .bind(user_id)
    .bind(Stage::Full.as_i64())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub(super) async fn delete(s: &SqlStore, token_hash: &[u8]) -> Result<bool> {
    let _writer = s.writer().await;
    let n = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(s.pool())
        .await?
        .rows_affected();
    Ok(n > 0)
}

pub(super) async fn delete_of_user(
    s: &SqlStore,
    user_id: UserId,
    token_hash: &[u8],
) -> Result<bool> {
    let _writer = s.writer().await;
    let n = sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND user_id = $2")
        .bind(token_hash)
        .bind(user_id)
        .execute(s.pool())
        .await?
        .rows_affected();
    Ok(n > 0)
}

pub(super) async fn delete_all_of_user(
    s: &SqlStore,
    user_id: UserId,
    keep: Option<&[u8]>,
) -> Result<u64> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let done = match keep {
        Some(keep) => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                .bind(user_id)
                .bind(keep)
                .execute(&mut *tx)
                .await?
        }
        None => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?
        }
    };
    // Signing out everywhere (and the password and 2FA changes, which end
    // the other sessions through here) also ends what applications hold.
    super::oidc::revoke_user_grants_in(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

pub(super) async fn of_user(s: &SqlStore, user_id: UserId) -> Result<Vec<SessionRecord>> {
    let rows = sqlx::query(session_select!(
        "WHERE user_id = $1 AND stage = 1 ORDER BY last_seen DESC, created_at DESC"
    ))
    .bind(user_id)
    .fetch_all(s.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

pub(super) async fn purge(s: &SqlStore, now: i64, idle_cutoff: i64) -> Result<u64> {
    let _writer = s.writer().await;
    let n = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen <= $2")
        .bind(now)
        .bind(idle_cutoff)
        .execute(s.pool())
        .await?
        .rows_affected();
    // Passkey ceremony states and spent marks past their time (a
    // passwordless sign-in writes only marks, and no start clears them).
    sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
        .bind(now)
        .execute(s.pool())
        .await?;
    Ok(n)
}
