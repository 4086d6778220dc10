//! Sessions: the cookie looked up (expiry, idle timeout, a throttled
//! `last_seen`), signing out one or everywhere, and what the security page
//! shows (sessions and recent events).

use data_encoding::HEXLOWER;
use deadbolt_store::{Event, Stage, UserId};

use crate::error::{AuthError, AuthResult};
use crate::keys::token_hash;
use crate::secret::SessionToken;
use crate::service::{Auth, TOUCH_EVERY};

/// A live session, as a request sees it (read in one statement).
#[derive(Debug, Clone)]
pub struct SessionInfo {
    /// SHA-256 of the token.
    pub token_hash: Vec<u8>,
    /// Owner.
    pub user_id: UserId,
    /// Owner's display name.
    pub username: String,
    /// Owner's verified address, if any (read with the session).
    pub email: Option<String>,
    /// Pending or full.
    pub stage: Stage,
    /// When the session started (unix seconds).
    pub created_at: i64,
    /// When it ends at the latest.
    pub expires_at: i64,
    /// Whether the owner has a second factor: a confirmed TOTP device or a
    /// passkey (read with the session).
    pub two_factor_enabled: bool,
    /// Whether the owner has a confirmed TOTP device.
    pub authenticator_app: bool,
    /// Whether the owner has at least one passkey.
    pub has_passkey: bool,
    /// The owner's unspent backup codes (read with the session).
    pub backup_codes_remaining: i64,
    /// When this session last passed a second factor (the step-up window).
    pub second_factor_at: Option<i64>,
    /// The owner's groups, sorted (read with the session).
    pub groups: Vec<String>,
    /// The owner's stored language (read with the session; `None`: the
    /// server's default).
    pub language: Option<String>,
}

/// One of the user's sessions, for the session list.
#[derive(Debug, Clone)]
pub struct SessionListItem {
    /// Hex SHA-256 of the token (safe to show: it cannot be turned back into a token).
    pub id: String,
    /// Start, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds.
    pub last_seen: i64,
    /// Client address.
    pub ip: String,
    /// Browser description.
    pub user_agent: String,
    /// Whether this is the session asking.
    pub current: bool,
}

/// Everything the security settings page shows.
#[derive(Debug, Clone)]
pub struct SecurityOverview {
    /// Display username.
    pub username: String,
    /// Whether a second factor exists: a confirmed device or a passkey.
    pub two_factor_enabled: bool,
    /// Whether a confirmed device (the authenticator app) exists.
    pub authenticator_app: bool,
    /// How many passkeys and security keys the user has.
    pub passkeys: usize,
    /// Unspent backup codes.
    pub backup_codes_remaining: i64,
    /// Whether a setup waits for its confirmation code.
    pub setup_pending: bool,
    /// The verified address, if any.
    pub email: Option<String>,
    /// Whether a sign-in from a new browser sends a notice.
    pub notify_new_browser: bool,
    /// Recent security events, newest first.
    pub events: Vec<Event>,
    /// Full sessions, most recent first.
    pub sessions: Vec<SessionListItem>,
}

/// Longest cookie value looked up (a token is 43 characters).
const MAX_TOKEN_LEN: usize = 128;

impl Auth {
    /// Look a cookie token up: `Some` only for a live session (pending ones
    /// included: the caller checks the stage). Expired or idle sessions are
    /// deleted; a live full session's `last_seen` is refreshed.
    pub async fn session(&self, token: &SessionToken) -> AuthResult<Option<SessionInfo>> {
        if token.expose().is_empty() || token.expose().len() > MAX_TOKEN_LEN {
            return Ok(None);
        }
        let hash = token_hash(token);
        let Some(rec) = self.store.session_view(&hash).await? else {
            return Ok(None);
        };
        let now = self.now();
        let idle = rec.stage == Stage::Full && now - rec.last_seen >= self.config.session_idle_secs;
        if now >= rec.expires_at || idle {
            self.store.delete_session(&hash).await?;
            return Ok(None);
        }
        // `last_seen` is written at most once a minute per session: a write
        // (an fsync on SQLite) on every authenticated read would cap the
        // request rate at the disk's. The idle timeout may therefore end a
        // session up to a minute early, never late.
        if rec.stage == Stage::Full && now - rec.last_seen >= TOUCH_EVERY {
            self.store.touch_session(&hash, now).await?;
        }
        Ok(Some(SessionInfo {
            token_hash: hash,
            user_id: rec.user_id,
            username: rec.username,
            email: rec.email,
            stage: rec.stage,
            created_at: rec.created_at,
            expires_at: rec.expires_at,
            two_factor_enabled: rec.two_factor_enabled || rec.has_passkey,
            authenticator_app: rec.two_factor_enabled,
            has_passkey: rec.has_passkey,
            backup_codes_remaining: rec.backup_codes_remaining,
            second_factor_at: rec.second_factor_at,
            groups: rec.groups,
            language: rec.language,
        }))
    }

    /// The signed-in user chose `language` (a code the server speaks) from
    /// the language menu: it becomes their letters' language. Writes only
    /// when it differs from the stored one (the session view carries it);
    /// true when it changed.
    pub async fn remember_language(
        &self,
        session: &SessionInfo,
        language: &str,
    ) -> AuthResult<bool> {
        if session.language.as_deref() == Some(language) {
            return Ok(false);
        }
        Ok(self
            .store
            .set_user_language(session.user_id, language)
            .await?)
    }

    /// End a session on the server (every node).
    pub async fn logout(&self, token_hash: &[u8]) -> AuthResult<()> {
        self.store.delete_session(token_hash).await?;
        Ok(())
    }

    /// Revoke one of the user's own sessions by its id (hex token hash).
    pub async fn revoke_session(&self, user_id: UserId, token_hash_hex: &str) -> AuthResult<()> {
        let hash = HEXLOWER
            .decode(token_hash_hex.as_bytes())
            .map_err(|_| AuthError::NotFound)?;
        if self.store.delete_user_session(user_id, &hash).await? {
            Ok(())
        } else {
            Err(AuthError::NotFound)
        }
    }

    /// End every session of the user except `keep`. Returns how many ended.
    pub async fn sign_out_everywhere(
        &self,
        user_id: UserId,
        keep: Option<&[u8]>,
    ) -> AuthResult<u64> {
        Ok(self.store.delete_user_sessions(user_id, keep).await?)
    }

    /// Delete expired and idle sessions (call periodically).
    pub async fn purge_sessions(&self) -> AuthResult<u64> {
        let now = self.now();
        Ok(self
            .store
            .purge_sessions(now, now - self.config.session_idle_secs)
            .await?)
    }

    /// Forget expired OpenID Connect codes (a day after expiry, so a late
    /// replay still revokes what its code issued) and expired tokens (call
    /// periodically).
    pub async fn purge_oidc(&self) -> AuthResult<u64> {
        Ok(self.store.oidc_purge(self.now()).await?)
    }

    /// Forget attempt budgets that are fully refilled (call periodically).
    pub async fn purge_budgets(&self) -> AuthResult<u64> {
        Ok(self.store.purge_budgets(self.now()).await?)
    }

    /// The user's most recent security events, newest first.
    pub async fn events(&self, user_id: UserId, limit: i64) -> AuthResult<Vec<Event>> {
        Ok(self.store.events(user_id, limit).await?)
    }

    /// Everything the security page shows. `current` marks the asking session.
    pub async fn overview(
        &self,
        user_id: UserId,
        current: Option<&[u8]>,
    ) -> AuthResult<SecurityOverview> {
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let now = self.now();
        let sessions = self
            .store
            .user_sessions(user_id)
            .await?
            .into_iter()
            .filter(|s| {
                s.stage == Stage::Full
                    && s.expires_at > now
                    && now - s.last_seen < self.config.session_idle_secs
            })
            .map(|s| SessionListItem {
                id: HEXLOWER.encode(&s.token_hash),
                current: current == Some(s.token_hash.as_slice()),
                created_at: s.created_at,
                last_seen: s.last_seen,
                ip: s.ip,
                user_agent: s.user_agent,
            })
            .collect();
        let app = self.store.confirmed_device(user_id).await?.is_some();
        let passkeys = self.store.passkeys(user_id).await?.len();
        Ok(SecurityOverview {
            username: user.username,
            email: user.email,
            notify_new_browser: user.notify_new_browser,
            two_factor_enabled: app || passkeys > 0,
            authenticator_app: app,
            passkeys,
            backup_codes_remaining: self.store.backup_codes_remaining(user_id).await?,
            setup_pending: self
                .store
                .pending_device(user_id)
                .await?
                .is_some_and(|d| !self.setup_expired(&d)),
            events: self.store.events(user_id, 20).await?,
            sessions,
        })
    }
}
