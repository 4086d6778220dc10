//! The OpenID Connect provider's authorization codes, grants and tokens.
//!
//! A code is redeemed by one compare-and-set on `redeemed_at`, in the
//! transaction that opens its grant and issues the tokens; a second
//! redemption finds it spent and revokes that grant. A refresh token is
//! rotated by a compare-and-set on `spent_at`; a spent one presented again
//! revokes its grant (the whole family).

use sqlx::Row;
use sqlx::any::AnyRow;

use super::SqlStore;
use crate::error::conflict_or;
use crate::{
    Constraint, IssuedTokens, NewGrant, OidcCode, OidcCodeView, OidcTokenInfo, OidcUser,
    RedeemOutcome, RefreshOutcome, Result, TokenKind,
};

/// The user columns every read here joins (`u` is `users`).
macro_rules! user_columns {
    () => {
        "u.id AS uid, u.oidc_subject, u.username, u.email, u.group_list, u.disabled"
    };
}

fn user_from_row(row: &AnyRow) -> Result<OidcUser> {
    Ok(OidcUser {
        user_id: row.try_get("uid")?,
        subject: row.try_get("oidc_subject")?,
        username: row.try_get("username")?,
        email: row.try_get("email")?,
        groups: super::access::split_groups(&row.try_get::<String, _>("group_list")?),
        disabled: row.try_get::<i64, _>("disabled")? != 0,
    })
}

pub(super) async fn put_code(s: &SqlStore, c: &OidcCode) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query(
        "INSERT INTO oidc_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, \
         nonce, scopes, auth_time, amr, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&c.code_hash[..])
    .bind(&c.client_id)
    .bind(c.user_id)
    .bind(&c.redirect_uri)
    .bind(c.code_challenge.clone())
    .bind(c.nonce.clone())
    .bind(&c.scopes)
    .bind(c.auth_time)
    .bind(&c.amr)
    .bind(c.created_at)
    .bind(c.expires_at)
    .execute(s.pool())
    .await
    .map_err(conflict_or(Constraint::Session))?;
    Ok(())
}

pub(super) async fn code(s: &SqlStore, code_hash: &[u8]) -> Result<Option<OidcCodeView>> {
    let row = sqlx::query(concat!(
        "SELECT c.code_hash, c.client_id, c.user_id, c.redirect_uri, c.code_challenge, c.nonce, \
         c.scopes, c.auth_time, c.amr, c.created_at, c.expires_at, c.redeemed_at, c.grant_id, ",
        user_columns!(),
        " FROM oidc_codes c JOIN users u ON u.id = c.user_id WHERE c.code_hash = $1"
    ))
    .bind(code_hash)
    .fetch_optional(s.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(OidcCodeView {
        code: OidcCode {
            code_hash: r.try_get("code_hash")?,
            client_id: r.try_get("client_id")?,
            user_id: r.try_get("user_id")?,
            redirect_uri: r.try_get("redirect_uri")?,
            code_challenge: r.try_get("code_challenge")?,
            nonce: r.try_get("nonce")?,
            scopes: r.try_get("scopes")?,
            auth_time: r.try_get("auth_time")?,
            amr: r.try_get("amr")?,
            created_at: r.try_get("created_at")?,
            expires_at: r.try_get("expires_at")?,
            redeemed_at: r.try_get("redeemed_at")?,
            grant_id: r.try_get("grant_id")?,
        },
        user: user_from_row(&r)?,
    }))
}

async fn insert_tokens(
    conn: &mut sqlx::AnyConnection,
    grant_id: i64,
    t: &IssuedTokens<'_>,
) -> Result<()> {
    let refresh = t
        .refresh_hash
        .map(|h| (h, TokenKind::Refresh, t.refresh_expires_at));
    let access = Some((t.access_hash, TokenKind::Access, t.access_expires_at));
    for (hash, kind, expires_at) in access.into_iter().chain(refresh) {
        sqlx::query(
            "INSERT INTO oidc_tokens (token_hash, grant_id, kind, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(hash)
        .bind(grant_id)
        .bind(kind.as_i64())
        .bind(expires_at)
        .execute(&mut *conn)
        .await
        .map_err(conflict_or(Constraint::Session))?;
    }
    Ok(())
}

/// Revoke one grant and its tokens, in the caller's transaction.
async fn revoke_grant_in(conn: &mut sqlx::AnyConnection, grant_id: i64) -> Result<bool> {
    sqlx::query("DELETE FROM oidc_tokens WHERE grant_id = $1")
        .bind(grant_id)
        .execute(&mut *conn)
        .await?;
    Ok(sqlx::query("DELETE FROM oidc_grants WHERE id = $1")
        .bind(grant_id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1)
}

pub(super) async fn redeem_code(
    s: &SqlStore,
    code_hash: &[u8],
    grant: &NewGrant<'_>,
    tokens: &IssuedTokens<'_>,
) -> Result<RedeemOutcome> {
    let now = grant.now;
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let won = sqlx::query(
        "UPDATE oidc_codes SET redeemed_at = $2 \
         WHERE code_hash = $1 AND client_id = $3 AND redeemed_at IS NULL AND expires_at > $2",
    )
    .bind(code_hash)
    .bind(now)
    .bind(grant.client_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !won {
        let spent: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT grant_id FROM oidc_codes \
             WHERE code_hash = $1 AND client_id = $2 AND redeemed_at IS NOT NULL",
        )
        .bind(code_hash)
        .bind(grant.client_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(issued) = spent else {
            tx.rollback().await?;
            return Ok(RedeemOutcome::Invalid);
        };
        if let Some(grant_id) = issued {
            revoke_grant_in(&mut tx, grant_id).await?;
        }
        tx.commit().await?;
        return Ok(RedeemOutcome::Replayed);
    }
    let grant_id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO oidc_grants (client_id, user_id, scopes, auth_time, amr, created_at) \
         SELECT $1, id, $3, $4, $5, $6 FROM users WHERE id = $2 AND disabled = 0 RETURNING id",
    )
    .bind(grant.client_id)
    .bind(grant.user_id)
    .bind(grant.scopes)
    .bind(grant.auth_time)
    .bind(grant.amr)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(grant_id) = grant_id else {
        tx.rollback().await?;
        return Ok(RedeemOutcome::UserGone);
    };
    sqlx::query("UPDATE oidc_codes SET grant_id = $2 WHERE code_hash = $1")
        .bind(code_hash)
        .bind(grant_id)
        .execute(&mut *tx)
        .await?;
    insert_tokens(&mut tx, grant_id, tokens).await?;
    tx.commit().await?;
    Ok(RedeemOutcome::Issued { grant_id })
}

pub(super) async fn token(s: &SqlStore, token_hash: &[u8]) -> Result<Option<OidcTokenInfo>> {
    let row = sqlx::query(concat!(
        "SELECT t.kind, t.expires_at, t.spent_at, t.grant_id, g.client_id, g.scopes, \
         g.auth_time, g.amr, ",
        user_columns!(),
        " FROM oidc_tokens t JOIN oidc_grants g ON g.id = t.grant_id \
         JOIN users u ON u.id = g.user_id WHERE t.token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(s.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let kind = if r.try_get::<i64, _>("kind")? == TokenKind::Refresh.as_i64() {
        TokenKind::Refresh
    } else {
        TokenKind::Access
    };
    Ok(Some(OidcTokenInfo {
        kind,
        expires_at: r.try_get("expires_at")?,
        spent_at: r.try_get("spent_at")?,
        grant_id: r.try_get("grant_id")?,
        client_id: r.try_get("client_id")?,
        scopes: r.try_get("scopes")?,
        auth_time: r.try_get("auth_time")?,
        amr: r.try_get("amr")?,
        user: user_from_row(&r)?,
    }))
}

pub(super) async fn rotate_refresh(
    s: &SqlStore,
    old_hash: &[u8],
    grant_id: i64,
    tokens: &IssuedTokens<'_>,
    now: i64,
) -> Result<RefreshOutcome> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let won = sqlx::query(
        "UPDATE oidc_tokens SET spent_at = $2 \
         WHERE token_hash = $1 AND grant_id = $3 AND kind = 1 AND spent_at IS NULL \
         AND expires_at > $2",
    )
    .bind(old_hash)
    .bind(now)
    .bind(grant_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !won {
        revoke_grant_in(&mut tx, grant_id).await?;
        tx.commit().await?;
        return Ok(RefreshOutcome::Reused);
    }
    let live: Option<i64> = sqlx::query_scalar(
        "SELECT u.id FROM oidc_grants g JOIN users u ON u.id = g.user_id \
         WHERE g.id = $1 AND u.disabled = 0",
    )
    .bind(grant_id)
    .fetch_optional(&mut *tx)
    .await?;
    if live.is_none() {
        tx.rollback().await?;
        return Ok(RefreshOutcome::UserGone);
    }
    insert_tokens(&mut tx, grant_id, tokens).await?;
    tx.commit().await?;
    Ok(RefreshOutcome::Rotated)
}

pub(super) async fn revoke_grant(s: &SqlStore, grant_id: i64) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let done = revoke_grant_in(&mut tx, grant_id).await?;
    tx.commit().await?;
    Ok(done)
}

pub(super) async fn revoke_token(s: &SqlStore, token_hash: &[u8]) -> Result<bool> {
    let _writer = s.writer().await;
    Ok(sqlx::query("DELETE FROM oidc_tokens WHERE token_hash = $1")
        .bind(token_hash)
        .execute(s.pool())
        .await?
        .rows_affected()
        == 1)
}

/// Forget expired codes (a day after expiry, so a late replay still finds
/// its code and revokes what it issued within that day) and expired tokens.
pub(super) async fn purge(s: &SqlStore, now: i64) -> Result<u64> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let codes = sqlx::query("DELETE FROM oidc_codes WHERE expires_at <= $1")
        .bind(now - 86_400)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let tokens = sqlx::query("DELETE FROM oidc_tokens WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(codes + tokens)
}
