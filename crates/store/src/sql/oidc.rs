//! The OpenID Connect provider's clients, consents and signing keys
//! (`oidc_tokens.rs` has the codes, grants and tokens).

use sqlx::Row;
use sqlx::any::AnyRow;

use super::SqlStore;
use super::sessions::ViewRow;
use crate::error::conflict_or;
use crate::{Constraint, OidcClient, OidcConsent, Result, SigningKeyRow, UserId};

/// The one mapping of a client row, for sqlx's rows and (the SQLite fast
/// read) rusqlite's.
pub(crate) fn client_from<R: ViewRow>(row: &R) -> std::result::Result<OidcClient, R::Error> {
    Ok(OidcClient {
        client_id: row.text("client_id")?,
        name: row.text("name")?,
        secret_hash: row.opt_blob("secret_hash")?,
        public: row.int("public")? != 0,
        trusted: row.int("trusted")? != 0,
        redirect_uris: row
            .text("redirect_uris")?
            .lines()
            .map(str::to_owned)
            .collect(),
        scopes: row
            .text("scopes")?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        created_at: row.int("created_at")?,
    })
}

fn client_from_row(row: &AnyRow) -> Result<OidcClient> {
    Ok(client_from(row)?)
}

/// `SELECT <client columns> FROM oidc_clients <tail>`.
macro_rules! client_select {
    ($tail:literal) => {
        concat!(
            "SELECT client_id, name, secret_hash, public, trusted, redirect_uris, scopes, \
             created_at FROM oidc_clients ",
            $tail
        )
    };
}

pub(super) async fn add_client(s: &SqlStore, c: &OidcClient) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query(
        "INSERT INTO oidc_clients \
         (client_id, name, secret_hash, public, trusted, redirect_uris, scopes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&c.client_id)
    .bind(&c.name)
    .bind(c.secret_hash.clone())
    .bind(i64::from(c.public))
    .bind(i64::from(c.trusted))
    .bind(c.redirect_uris.join("\n"))
    .bind(c.scopes.join(" "))
    .bind(c.created_at)
    .execute(s.pool())
    .await
    .map_err(conflict_or(Constraint::OidcClient))?;
    Ok(())
}

pub(super) async fn clients(s: &SqlStore) -> Result<Vec<OidcClient>> {
    let rows = sqlx::query(client_select!("ORDER BY name"))
        .fetch_all(s.pool())
        .await?;
    rows.iter().map(client_from_row).collect()
}

/// One client by id (the SQLite fast read runs the same text).
pub(crate) const CLIENT_BY_ID_SQL: &str = client_select!("WHERE client_id = $1");

pub(super) async fn client(s: &SqlStore, client_id: &str) -> Result<Option<OidcClient>> {
    if let Some(fast) = s.sqlite_runtime().and_then(|rt| rt.fast.as_ref())
        && let Some(found) = fast.oidc_client(client_id)
    {
        return Ok(found);
    }
    let row = sqlx::query(CLIENT_BY_ID_SQL)
        .bind(client_id)
        .fetch_optional(s.pool())
        .await?;
    row.as_ref().map(client_from_row).transpose()
}

/// Remove a client with everything issued to it, in one transaction.
pub(super) async fn remove_client(s: &SqlStore, name: &str) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    let id: Option<String> =
        sqlx::query_scalar("SELECT client_id FROM oidc_clients WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(id) = id else {
        tx.rollback().await?;
        return Ok(false);
    };
    for sql in [
        "DELETE FROM oidc_tokens WHERE grant_id IN (SELECT id FROM oidc_grants WHERE client_id = $1)",
        "DELETE FROM oidc_grants WHERE client_id = $1",
        "DELETE FROM oidc_codes WHERE client_id = $1",
        "DELETE FROM oidc_consents WHERE client_id = $1",
        "DELETE FROM oidc_clients WHERE client_id = $1",
    ] {
        sqlx::query(sql).bind(&id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The scopes a user allowed a client (the SQLite fast read runs the same text).
pub(crate) const CONSENT_SQL: &str =
    "SELECT scopes FROM oidc_consents WHERE user_id = $1 AND client_id = $2";

pub(super) async fn consent(
    s: &SqlStore,
    user_id: UserId,
    client_id: &str,
) -> Result<Option<String>> {
    if let Some(fast) = s.sqlite_runtime().and_then(|rt| rt.fast.as_ref())
        && let Some(found) = fast.oidc_consent(user_id, client_id)
    {
        return Ok(found);
    }
    Ok(sqlx::query_scalar(CONSENT_SQL)
        .bind(user_id)
        .bind(client_id)
        .fetch_optional(s.pool())
        .await?)
}

pub(super) async fn put_consent(
    s: &SqlStore,
    user_id: UserId,
    client_id: &str,
    scopes: &str,
    now: i64,
) -> Result<()> {
    let _writer = s.writer().await;
    sqlx::query(
        "INSERT INTO oidc_consents (user_id, client_id, scopes, granted_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, client_id) DO UPDATE SET scopes = $3, granted_at = $4",
    )
    .bind(user_id)
    .bind(client_id)
    .bind(scopes)
    .bind(now)
    .execute(s.pool())
    .await?;
    Ok(())
}

pub(super) async fn user_consents(s: &SqlStore, user_id: UserId) -> Result<Vec<OidcConsent>> {
    let rows = sqlx::query(
        "SELECT c.client_id, k.name, c.scopes, c.granted_at FROM oidc_consents c \
         JOIN oidc_clients k ON k.client_id = c.client_id \
         WHERE c.user_id = $1 ORDER BY k.name",
    )
    .bind(user_id)
    .fetch_all(s.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OidcConsent {
                client_id: r.try_get("client_id")?,
                client_name: r.try_get("name")?,
                scopes: r.try_get("scopes")?,
                granted_at: r.try_get("granted_at")?,
            })
        })
        .collect()
}

/// Forget a consent and revoke every grant of the user to the client, in
/// one transaction. False if there was neither.
pub(super) async fn revoke_consent(s: &SqlStore, user_id: UserId, client_id: &str) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    sqlx::query(
        "DELETE FROM oidc_tokens WHERE grant_id IN \
         (SELECT id FROM oidc_grants WHERE user_id = $1 AND client_id = $2)",
    )
    .bind(user_id)
    .bind(client_id)
    .execute(&mut *tx)
    .await?;
    let grants = sqlx::query("DELETE FROM oidc_grants WHERE user_id = $1 AND client_id = $2")
        .bind(user_id)
        .bind(client_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let consents = sqlx::query("DELETE FROM oidc_consents WHERE user_id = $1 AND client_id = $2")
        .bind(user_id)
        .bind(client_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(grants + consents > 0)
}

/// Every grant of the user revoked (with its tokens), in the caller's
/// transaction: sign-out everywhere, a password change, a 2FA change, a
/// disabled account.
pub(super) async fn revoke_user_grants_in(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM oidc_tokens WHERE grant_id IN (SELECT id FROM oidc_grants WHERE user_id = $1)",
    )
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM oidc_grants WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(super) async fn keys(s: &SqlStore) -> Result<Vec<SigningKeyRow>> {
    let rows = sqlx::query(
        "SELECT kid, public_jwk, sealed_private, created_at, retired_at FROM oidc_keys \
         ORDER BY created_at DESC, kid",
    )
    .fetch_all(s.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SigningKeyRow {
                kid: r.try_get("kid")?,
                public_jwk: r.try_get("public_jwk")?,
                sealed_private: r.try_get("sealed_private")?,
                created_at: r.try_get("created_at")?,
                retired_at: r.try_get("retired_at")?,
            })
        })
        .collect()
}

/// Add a signing key. With `retire`, every current key is retired at the
/// new key's creation (a rotation), in the same transaction; without it the
/// key is added only if there is no current key (the first start), and
/// false says another node (or an earlier start) got there first.
pub(super) async fn add_key(s: &SqlStore, key: &SigningKeyRow, retire: bool) -> Result<bool> {
    let _writer = s.writer().await;
    let mut tx = s.begin_write().await?;
    if retire {
        sqlx::query("UPDATE oidc_keys SET retired_at = $1 WHERE retired_at IS NULL")
            .bind(key.created_at)
            .execute(&mut *tx)
            .await?;
    } else {
        let current: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM oidc_keys WHERE retired_at IS NULL")
                .fetch_one(&mut *tx)
                .await?;
        if current > 0 {
            tx.rollback().await?;
            return Ok(false);
        }
    }
    sqlx::query(
        "INSERT INTO oidc_keys (kid, public_jwk, sealed_private, created_at, retired_at) \
         VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(&key.kid)
    .bind(&key.public_jwk)
    .bind(&key.sealed_private[..])
    .bind(key.created_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Forget keys retired before `cutoff` (their tokens have all expired).
pub(super) async fn drop_retired_keys(s: &SqlStore, cutoff: i64) -> Result<u64> {
    let _writer = s.writer().await;
    Ok(
        sqlx::query("DELETE FROM oidc_keys WHERE retired_at IS NOT NULL AND retired_at < $1")
            .bind(cutoff)
            .execute(s.pool())
            .await?
            .rows_affected(),
    )
}
