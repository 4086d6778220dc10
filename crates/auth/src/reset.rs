//! Password reset by a mailed link — one that never weakens 2FA.
//!
//! Rules (see `docs/SECURITY.md`):
//! * asking answers the same, and does the same work, whether or not the
//!   account or address exists (the store runs the same statements either
//!   way; a token is made and sealed either way);
//! * asking is budgeted per client address and per typed account, like
//!   logins;
//! * the link's token has 256 bits, works once, for 30 minutes, and is
//!   stored as SHA-256 only;
//! * when the account has 2FA, the new password needs a current code or a
//!   backup code too (taken from the account's second-factor budget, spent
//!   once): a reset replaces the password, never the second factor;
//! * a reset ends every session and pending login of the account, spends
//!   every other reset link, and sends a notice — in one transaction with
//!   the new password.

use deadbolt_mail::parse_user_address;
use deadbolt_store::{EventKind, MailedToken, ResetLookup, Stage};

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::{mail_token_hash, new_mail_token};
use crate::login::SecondFactorInput;
use crate::password::{normalize_password, normalize_username};
use crate::secret::SessionToken;
use crate::service::Auth;

/// A reset link works this long (seconds).
pub const RESET_TOKEN_SECS: i64 = 30 * 60;
/// Reset requests per client address: a burst of 10, then one a minute.
const RESET_IP_BURST: i64 = 10;
const RESET_IP_INTERVAL: i64 = 60;
/// Reset requests per typed account: a burst of 3, then one per 15 minutes.
const RESET_ACCOUNT_BURST: i64 = 3;
const RESET_ACCOUNT_INTERVAL: i64 = 900;

/// Whose password to reset, as typed.
#[derive(Debug, Clone, Copy)]
pub enum ResetRequest<'a> {
    /// By username.
    Username(&'a str),
    /// By verified address.
    Email(&'a str),
}

/// What the reset page needs to know about a live link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResetInfo {
    /// Whether the new password needs a code or a backup code too.
    pub two_factor: bool,
}

impl Auth {
    /// Ask for a reset link. `Ok(())` whether or not an account matched (a
    /// link is mailed only if one did and it has a verified address).
    pub async fn request_password_reset(
        &self,
        who: ResetRequest<'_>,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        self.require_email()?;
        let (budget_key, key) = match who {
            ResetRequest::Username(typed) => {
                let name = normalize_username(typed).map_err(|e| AuthError::Invalid {
                    field: "username",
                    message: e.0,
                })?;
                (format!("reset:user:{}", name.key), name.key)
            }
            ResetRequest::Email(typed) => {
                let address = parse_user_address(typed).map_err(|e| AuthError::Invalid {
                    field: "email",
                    message: e.0.to_owned(),
                })?;
                (format!("reset:email:{address}"), address)
            }
        };
        self.take(
            &format!("reset:ip:{}", client.address()),
            RESET_IP_BURST,
            RESET_IP_INTERVAL,
        )
        .await?;
        self.take(&budget_key, RESET_ACCOUNT_BURST, RESET_ACCOUNT_INTERVAL)
            .await?;
        let lookup = match who {
            ResetRequest::Username(_) => ResetLookup::UsernameKey(&key),
            ResetRequest::Email(_) => ResetLookup::Email(&key),
        };
        let (token, hash) = new_mail_token()?;
        let sealed = self.keys().seal_mail_token(token.expose().as_bytes())?;
        let now = self.now();
        let ip = client.address();
        let matched = self
            .store
            .request_password_reset(
                lookup,
                &MailedToken {
                    token_hash: &hash,
                    sealed: &sealed,
                    now,
                    expires_at: now + RESET_TOKEN_SECS,
                    ip: &ip,
                    user_agent: &client.user_agent,
                },
            )
            .await?;
        tracing::debug!(matched, "password reset requested");
        self.mail_written.notify_one();
        Ok(())
    }

    /// What a live reset link leads to (for the page that asks for the new
    /// password); `InvalidToken` for a link that is not live.
    pub async fn password_reset_info(&self, token: &str) -> AuthResult<ResetInfo> {
        self.require_email()?;
        let hash = mail_token_hash(token).ok_or(AuthError::InvalidToken)?;
        let user_id = self
            .store
            .reset_token_user(&hash, self.now())
            .await?
            .ok_or(AuthError::InvalidToken)?;
        Ok(ResetInfo {
            two_factor: self.store.confirmed_device(user_id).await?.is_some(),
        })
    }

    /// Set a new password through a reset link (plus a code or a backup
    /// code when the account has 2FA). Every session ends; the caller is
    /// signed in with a new one, whose token is returned.
    pub async fn complete_password_reset(
        &self,
        token: &str,
        new_password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        self.require_email()?;
        let hash = mail_token_hash(token).ok_or(AuthError::InvalidToken)?;
        let user_id = self
            .store
            .reset_token_user(&hash, self.now())
            .await?
            .ok_or(AuthError::InvalidToken)?;
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::InvalidToken)?;
        let pw = normalize_password(new_password, self.password_context(&user.username)).map_err(
            |e| AuthError::Invalid {
                field: "new_password",
                message: e.0,
            },
        )?;
        let second_factor_at = if self.store.confirmed_device(user_id).await?.is_some() {
            let input = second.ok_or(AuthError::SecondFactorRequired)?;
            if let Some(left) = self.check_second_factor(user_id, input, client).await? {
                self.event(user_id, EventKind::BackupCodeUsed { left }, client)
                    .await?;
            }
            Some(self.now())
        } else {
            None
        };
        let password_hash = self.hasher.hash(pw).await?;
        let (session_token, record) =
            self.new_session(user_id, Stage::Full, client, second_factor_at, {
                if second_factor_at.is_some() {
                    "pwd,mfa"
                } else {
                    "pwd"
                }
            })?;
        let done = self
            .store
            .complete_password_reset(&hash, user_id, &password_hash, &record)
            .await?;
        if !done {
            // Used by a concurrent request meanwhile.
            return Err(AuthError::InvalidToken);
        }
        self.mail_written.notify_one();
        Ok(session_token)
    }
}
