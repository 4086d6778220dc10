//! Email: verified addresses, the tokens mailed for a verification or a
//! password reset, and the outbox the mail workers drain.
//!
//! The outbox is claimed with a lease (`claimed_until`), so each row goes to
//! one worker at a time across nodes: on PostgreSQL the claim skips rows
//! another node holds (`FOR UPDATE SKIP LOCKED`); on SQLite it runs behind
//! the writer queue like every write.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Backend, SqlStore, events};
use crate::error::conflict_or;
use crate::{
    Constraint, EventKind, MailedToken, OutboxDepth, OutboxMail, PasswordHash, ResetLookup, Result,
    SessionRecord, UserId,
};

/// The mail kinds that carry a link (not an event's notice).
pub const VERIFY_EMAIL: &str = "verify_email";
/// See [`VERIFY_EMAIL`].
pub const PASSWORD_RESET: &str = "password_reset_link";

pub(super) async fn request_email_change(
    s: &SqlStore,
    user_id: UserId,
    email: &str,
    token: &MailedToken<'_>,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    // One live verification per user: a new request replaces the old link.
    sqlx::query(
        "DELETE FROM email_tokens WHERE user_id = $1 AND purpose = 'verify' AND used_at IS NULL",
    )
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) \
         VALUES ($1, $2, 'verify', $3, $4, $5)",
    )
    .bind(token.token_hash)
    .bind(user_id)
    .bind(email)
    .bind(token.now)
    .bind(token.expires_at)
    .execute(&mut *tx)
    .await
    .map_err(conflict_or(Constraint::Session))?;
    sqlx::query(
        "INSERT INTO outbox (user_id, to_address, kind, detail, ip, user_agent, sealed, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, '', $4, $5, $6, $7, $7)",
    )
    .bind(user_id)
    .bind(email)
    .bind(VERIFY_EMAIL)
    .bind(token.ip)
    .bind(token.user_agent)
    .bind(token.sealed)
    .bind(token.now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Spend a verification token: the address becomes the user's, the old
/// address (if any) gets the notice, in one transaction. `Ok(None)` if the
/// token is unknown, used or expired; `Err(Conflict(Email))` if another
/// account verified the address meanwhile (nothing changes).
pub(super) async fn verify_email(
    s: &SqlStore,
    token_hash: &[u8],
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<Option<(UserId, String)>> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $2 \
         WHERE token_hash = $1 AND purpose = 'verify' AND used_at IS NULL AND expires_at > $2 \
         RETURNING user_id, email",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        tx.rollback().await?;
        return Ok(None);
    };
    let user_id: UserId = row.try_get("user_id")?;
    let email: String = row.try_get("email")?;
    // The notice goes to the address in place before the change.
    let kind = EventKind::EmailChanged { to: email.clone() };
    events::insert(&mut tx, user_id, &kind, ip, user_agent, now).await?;
    let changed = sqlx::query("UPDATE users SET email = $1 WHERE id = $2")
        .bind(&email)
        .bind(user_id)
        .execute(&mut *tx)
        .await;
    if let Err(e) = changed {
        tx.rollback().await?;
        return Err(conflict_or(Constraint::Email)(e));
    }
    tx.commit().await?;
    Ok(Some((user_id, email)))
}

/// The same statements whether or not the account exists (the answer and
/// the time of a reset request must not tell): a token row and a mail,
/// each inserted only if a user with a verified address matches. True if
/// one did.
pub(super) async fn request_password_reset(
    s: &SqlStore,
    lookup: ResetLookup<'_>,
    token: &MailedToken<'_>,
) -> Result<bool> {
    let (by, key) = match lookup {
        ResetLookup::UsernameKey(k) => ("username_key", k),
        ResetLookup::Email(e) => ("email", e),
    };
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let inserted = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) \
         SELECT $1, id, 'reset', email, $2, $3 FROM users WHERE {by} = $4 AND email IS NOT NULL"
    )))
    .bind(token.token_hash)
    .bind(token.now)
    .bind(token.expires_at)
    .bind(key)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO outbox (user_id, to_address, kind, detail, ip, user_agent, sealed, created_at, next_attempt_at) \
         SELECT id, email, $1, '', $2, $3, $4, $5, $5 FROM users WHERE {by} = $6 AND email IS NOT NULL"
    )))
    .bind(PASSWORD_RESET)
    .bind(token.ip)
    .bind(token.user_agent)
    .bind(token.sealed)
    .bind(token.now)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(inserted == 1)
}

/// The user a live (unused, unexpired) reset token is for.
pub(super) async fn reset_token_user(
    s: &SqlStore,
    token_hash: &[u8],
    now: i64,
) -> Result<Option<UserId>> {
    Ok(sqlx::query_scalar(
        "SELECT user_id FROM email_tokens \
         WHERE token_hash = $1 AND purpose = 'reset' AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(s.pool())
    .await?)
}

/// A reset, in one transaction: the token spent (and every other reset link
/// of the user), the new password, every session and pending login ended,
/// the new session in, the event and its notice. False (nothing written) if
/// the token is no longer live.
pub(super) async fn complete_password_reset(
    s: &SqlStore,
    token_hash: &[u8],
    user_id: UserId,
    password_hash: &PasswordHash,
    session: &SessionRecord,
) -> Result<bool> {
    let now = session.created_at;
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let spent = sqlx::query(
        "UPDATE email_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND user_id = $2 AND purpose = 'reset' AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if spent != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    sqlx::query(
        "UPDATE email_tokens SET used_at = $2 WHERE user_id = $1 AND purpose = 'reset' AND used_at IS NULL",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    super::users::replace_password_in(&mut tx, user_id, password_hash).await?;
    super::sessions::insert(&mut *tx, session).await?;
    events::insert(
        &mut tx,
        user_id,
        &EventKind::PasswordReset,
        &session.ip,
        &session.user_agent,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn set_notify_new_browser(s: &SqlStore, user_id: UserId, on: bool) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query("UPDATE users SET notify_new_browser = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(user_id)
        .execute(s.pool())
        .await?;
    Ok(())
}

fn outbox_from_row(r: &AnyRow) -> Result<OutboxMail> {
    Ok(OutboxMail {
        id: r.try_get("id")?,
        user_id: r.try_get("user_id")?,
        to_address: r.try_get("to_address")?,
        kind: r.try_get("kind")?,
        detail: r.try_get("detail")?,
        ip: r.try_get("ip")?,
        user_agent: r.try_get("user_agent")?,
        sealed: r.try_get("sealed")?,
        created_at: r.try_get("created_at")?,
        attempts: r.try_get("attempts")?,
        language: r.try_get("language")?,
    })
}

/// Claim up to `limit` due mails until `lease_until` (the claim ends when
/// marked, or when the lease runs out: a worker that died loses its rows to
/// the next).
pub(super) async fn claim(
    s: &SqlStore,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<OutboxMail>> {
    let lock = match s.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET claimed_until = $2 WHERE id IN ( \
           SELECT id FROM outbox \
           WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until <= $1) \
           ORDER BY id LIMIT $3{lock}) \
         RETURNING id, user_id, to_address, kind, detail, ip, user_agent, sealed, created_at, attempts, \
           (SELECT u.language FROM users u WHERE u.id = outbox.user_id) AS language"
    );
    let _writer = s.writer().await;
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(lease_until)
        .bind(limit)
        .fetch_all(s.pool())
        .await?;
    let mut mails = rows
        .iter()
        .map(outbox_from_row)
        .collect::<Result<Vec<_>>>()?;
    mails.sort_by_key(|m| m.id);
    Ok(mails)
}

pub(super) async fn mark_sent(s: &SqlStore, id: i64, now: i64) -> Result<()> {
    let _writer = s.writer().await;
    // The sealed token goes with the send: nothing of the link stays.
    sqlx::query(
        "UPDATE outbox SET sent_at = $2, sealed = NULL, claimed_until = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(s.pool())
    .await?;
    Ok(())
}

pub(super) async fn mark_retry(
    s: &SqlStore,
    id: i64,
    next_attempt_at: i64,
    error: &str,
) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3, \
         claimed_until = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(next_attempt_at)
    .bind(error)
    .execute(s.pool())
    .await?;
    Ok(())
}

/// Give a mail up, and tell its user in the activity list, in one transaction.
pub(super) async fn mark_gave_up(
    s: &SqlStore,
    mail: &OutboxMail,
    now: i64,
    error: &str,
) -> Result<()> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, gave_up_at = $2, last_error = $3, sealed = NULL, \
         claimed_until = NULL WHERE id = $1",
    )
    .bind(mail.id)
    .bind(now)
    .bind(error)
    .execute(&mut *tx)
    .await?;
    if let Some(user_id) = mail.user_id {
        events::insert(&mut tx, user_id, &EventKind::MailUndeliverable, "", "", now).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn depth(s: &SqlStore) -> Result<OutboxDepth> {
    let row = sqlx::query(
        "SELECT \
           COALESCE(SUM(CASE WHEN sent_at IS NULL AND gave_up_at IS NULL THEN 1 ELSE 0 END), 0) AS waiting, \
           COALESCE(SUM(CASE WHEN gave_up_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS given_up \
         FROM outbox",
    )
    .fetch_one(s.pool())
    .await?;
    Ok(OutboxDepth {
        waiting: row.try_get("waiting")?,
        given_up: row.try_get("given_up")?,
    })
}

pub(super) async fn due(s: &SqlStore, now: i64) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM outbox \
         WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1 \
           AND (claimed_until IS NULL OR claimed_until <= $1) \
         LIMIT 1",
    )
    .bind(now)
    .fetch_optional(s.pool())
    .await?;
    Ok(found.is_some())
}

/// Sent mail is kept a week (for an operator's questions), mail given up
/// on a month; tokens a day past their use or expiry.
pub(super) async fn purge(s: &SqlStore, now: i64) -> Result<u64> {
    const DAY: i64 = 86_400;
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let mut n = sqlx::query(
        "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < $1) \
           OR (gave_up_at IS NOT NULL AND gave_up_at < $2)",
    )
    .bind(now - 7 * DAY)
    .bind(now - 30 * DAY)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    n += sqlx::query(
        "DELETE FROM email_tokens WHERE expires_at < $1 OR (used_at IS NOT NULL AND used_at < $1)",
    )
    .bind(now - DAY)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(n)
}
