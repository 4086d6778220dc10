//! The verified address: adding or changing it (password, and the step-up
//! when 2FA is on), the link that verifies it, and the one notice a user
//! may turn off.
//!
//! Rules (see `docs/SECURITY.md`):
//! * an address is the account's only once its owner opened the link mailed
//!   to it (a token of 256 bits, single-use, 24 hours, stored as SHA-256);
//!   until then it receives nothing but that link;
//! * a change is announced to the address it replaces (the notice is
//!   written with the change, in one transaction);
//! * asking does not tell whether another account has the address: only
//!   the link's owner learns it, when the verification is refused.

use deadbolt_mail::parse_user_address;
use deadbolt_store::MailedToken;

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::{mail_token_hash, new_mail_token};
use crate::login::SecondFactorInput;
use crate::service::Auth;
use crate::sessions::SessionInfo;

/// A verification link works this long (seconds).
pub const VERIFY_TOKEN_SECS: i64 = 24 * 3600;
/// Verification letters per account: a burst of this many, ...
const VERIFY_MAIL_BURST: i64 = 5;
/// ... then one every this many seconds.
const VERIFY_MAIL_INTERVAL: i64 = 600;

impl Auth {
    /// Whether email is set up (`--smtp-url` and `--mail-from`).
    pub fn email_enabled(&self) -> bool {
        self.config.mail.is_some()
    }

    pub(crate) fn require_email(&self) -> AuthResult<&crate::config::MailConfig> {
        self.config
            .mail
            .as_ref()
            .ok_or(AuthError::EmailNotConfigured)
    }

    /// Ask to make `email` the account's address: the password (and a
    /// second factor when the step-up needs one), then a verification link
    /// mailed to `email`. Returns the normalised address.
    pub async fn request_email_change(
        &self,
        session: &SessionInfo,
        email: &str,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<String> {
        self.require_email()?;
        let address = parse_user_address(email).map_err(|e| AuthError::Invalid {
            field: "email",
            message: e.0.to_owned(),
        })?;
        if session.email.as_deref() == Some(address.as_str()) {
            return Err(AuthError::Invalid {
                field: "email",
                message: "This is already your address.".to_owned(),
            });
        }
        self.reauthenticate(session.user_id, password, client)
            .await?;
        self.step_up(session, second, client).await?;
        self.take(
            &format!("mail:verify:{}", session.user_id),
            VERIFY_MAIL_BURST,
            VERIFY_MAIL_INTERVAL,
        )
        .await?;
        let (token, hash) = new_mail_token()?;
        let sealed = self.keys().seal_mail_token(token.expose().as_bytes())?;
        let now = self.now();
        let ip = client.address();
        self.store
            .request_email_change(
                session.user_id,
                &address,
                &MailedToken {
                    token_hash: &hash,
                    sealed: &sealed,
                    now,
                    expires_at: now + VERIFY_TOKEN_SECS,
                    ip: &ip,
                    user_agent: &client.user_agent,
                },
            )
            .await?;
        self.mail_written.notify_one();
        Ok(address)
    }

    /// Open a verification link: the address becomes the account's (no
    /// session needed: the link is the proof). Returns it.
    pub async fn verify_email(&self, token: &str, client: &ClientInfo) -> AuthResult<String> {
        self.require_email()?;
        let hash = mail_token_hash(token).ok_or(AuthError::InvalidToken)?;
        let verified = self
            .store
            .verify_email(&hash, &client.address(), &client.user_agent, self.now())
            .await?;
        let (_, address) = verified.ok_or(AuthError::InvalidToken)?;
        self.mail_written.notify_one();
        Ok(address)
    }

    /// Turn the notice of a sign-in from a new browser on or off (the other
    /// notices cannot be turned off).
    pub async fn set_new_browser_notice(&self, session: &SessionInfo, on: bool) -> AuthResult<()> {
        self.store
            .set_notify_new_browser(session.user_id, on)
            .await?;
        Ok(())
    }

    /// Whether the account gets the new-browser notice.
    pub async fn new_browser_notice(&self, session: &SessionInfo) -> AuthResult<bool> {
        let user = self
            .store
            .user_by_id(session.user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        Ok(user.notify_new_browser)
    }
}
