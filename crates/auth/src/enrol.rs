//! Who may come in: the operator's `deadbolt user add` (an account with no
//! usable password and a one-time, expiring enrolment link where the user
//! chooses one), groups, disabling and enabling an account. Closed sign-up
//! (`AuthConfig::signup_open`) is checked in `account.rs`.

use data_encoding::BASE64URL_NOPAD;
use deadbolt_store::{EnrolmentToken, EventKind, NewUser, User};
use zeroize::Zeroizing;

use crate::access::normalize_group;
use crate::admin::OPERATOR;
use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::{mail_token_hash, new_mail_token, os_random};
use crate::password::{normalize_password, normalize_username};
use crate::secret::MailToken;
use crate::service::Auth;

/// How long an enrolment link works: three days.
pub const ENROL_TOKEN_SECS: i64 = 3 * 86_400;

fn invalid(field: &'static str, message: impl Into<String>) -> AuthError {
    AuthError::Invalid {
        field,
        message: message.into(),
    }
}

/// A group name checked for the store, or a clear error.
pub(crate) fn group_name(group: &str) -> AuthResult<String> {
    normalize_group(group).ok_or_else(|| {
        invalid(
            "group",
            format!("{group:?} is not a group name: use a-z, 0-9, -, _ or . (64 at most)."),
        )
    })
}

impl Auth {
    /// Create an account with `groups` and a one-time enrolment link (the
    /// token of `<public-url>/enrol?token=…`), in one transaction. The
    /// account's password is random and never shown: only the link opens it.
    pub async fn admin_add_user(
        &self,
        username: &str,
        groups: &[String],
    ) -> AuthResult<(User, MailToken)> {
        let name = normalize_username(username).map_err(|e| invalid("username", e.0))?;
        let groups = groups
            .iter()
            .map(|g| group_name(g))
            .collect::<AuthResult<Vec<_>>>()?;
        if self.store.user_by_key(&name.key).await?.is_some() {
            return Err(AuthError::UsernameTaken);
        }
        let mut raw = Zeroizing::new([0u8; 32]);
        os_random(raw.as_mut())?;
        let unusable = self
            .hasher
            .hash(Zeroizing::new(BASE64URL_NOPAD.encode(raw.as_ref())))
            .await?;
        let (token, token_hash) = new_mail_token()?;
        let now = self.now();
        let group_refs: Vec<&str> = groups.iter().map(String::as_str).collect();
        let user = self
            .store
            .create_enrolled_user(
                &NewUser {
                    username: &name.display,
                    username_key: &name.key,
                    username_skeleton: &name.skeleton,
                    password_hash: &unusable,
                    // Set at the first sign-in, from the user's browser.
                    language: None,
                },
                &group_refs,
                &EnrolmentToken {
                    token_hash: &token_hash,
                    now,
                    expires_at: now + ENROL_TOKEN_SECS,
                },
            )
            .await?;
        Ok((user, token))
    }

    /// A fresh enrolment link for a user added by `deadbolt user add` who
    /// has not used theirs (lost, or expired); earlier links stop working.
    /// Anyone who has chosen a password is refused: they have the password
    /// reset, and an operator's link must not become a way into an account
    /// someone already uses.
    pub async fn admin_reissue_enrolment(&self, username: &str) -> AuthResult<(User, MailToken)> {
        let user = self.user_named(username).await?;
        let (token, token_hash) = new_mail_token()?;
        let now = self.now();
        let fresh = EnrolmentToken {
            token_hash: &token_hash,
            now,
            expires_at: now + ENROL_TOKEN_SECS,
        };
        if !self.store.reissue_enrolment(user.id, &fresh).await? {
            return Err(invalid(
                "username",
                format!(
                    "{} has already chosen a password (or did not come from `deadbolt user add`): \
                     they can use the password reset",
                    user.username
                ),
            ));
        }
        Ok((user, token))
    }

    /// The username a live enrolment link is for (the page greets them).
    pub async fn enrolment_username(&self, token: &str) -> AuthResult<String> {
        let hash = mail_token_hash(token).ok_or(AuthError::InvalidToken)?;
        let user = self
            .store
            .enrolment_user(&hash, self.now())
            .await?
            .ok_or(AuthError::InvalidToken)?;
        Ok(user.username)
    }

    /// Spend an enrolment link: the password the user chose becomes theirs
    /// (the password policy applies), in one transaction. The user then
    /// signs in as usual.
    pub async fn complete_enrolment(
        &self,
        token: &str,
        password: &str,
        client: &ClientInfo,
    ) -> AuthResult<String> {
        let hash = mail_token_hash(token).ok_or(AuthError::InvalidToken)?;
        let now = self.now();
        let user = self
            .store
            .enrolment_user(&hash, now)
            .await?
            .ok_or(AuthError::InvalidToken)?;
        let pw = normalize_password(password, self.password_context(&user.username))
            .map_err(|e| invalid("password", e.0))?;
        let phc = self.hasher.hash(pw).await?;
        let user_id = self
            .store
            .complete_enrolment(&hash, &phc, self.now())
            .await?
            .ok_or(AuthError::InvalidToken)?;
        self.event(user_id, EventKind::SignedUp, client).await?;
        Ok(user.username)
    }

    async fn user_named(&self, username: &str) -> AuthResult<User> {
        let name = normalize_username(username).map_err(|e| invalid("username", e.0))?;
        self.store
            .user_by_key(&name.key)
            .await?
            .ok_or(AuthError::NotFound)
    }

    /// Add (`add`) or remove a group of a user. False if nothing changed.
    pub async fn admin_set_group(
        &self,
        username: &str,
        group: &str,
        add: bool,
    ) -> AuthResult<bool> {
        let group = group_name(group)?;
        let user = self.user_named(username).await?;
        let now = self.now();
        Ok(if add {
            self.store
                .add_user_group(user.id, &group, OPERATOR, now)
                .await?
        } else {
            self.store
                .remove_user_group(user.id, &group, OPERATOR, now)
                .await?
        })
    }

    /// Disable (every session ends) or enable an account. False if it
    /// already was.
    pub async fn admin_set_disabled(&self, username: &str, disabled: bool) -> AuthResult<bool> {
        let user = self.user_named(username).await?;
        Ok(self
            .store
            .set_user_disabled(user.id, disabled, OPERATOR, self.now())
            .await?)
    }

    /// A user's display name and groups (`deadbolt access check --user`).
    pub async fn admin_user_groups(&self, username: &str) -> AuthResult<(String, Vec<String>)> {
        let user = self.user_named(username).await?;
        let groups = self.store.user_groups(user.id).await?;
        Ok((user.username, groups))
    }
}
