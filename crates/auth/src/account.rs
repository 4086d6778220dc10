//! The account's own credentials: sign-up, the password re-entered before
//! a settings change, and changing the password.

use deadbolt_store::{EventKind, NewUser, PasswordContext, Stage, User, UserId};

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::login::SecondFactorInput;
use crate::password::{self, normalize_login_password, normalize_password, normalize_username};
use crate::secret::SessionToken;
use crate::service::{Auth, PASSWORD_USER_BURST, PASSWORD_USER_INTERVAL};
use crate::sessions::SessionInfo;

impl Auth {
    /// The context a new password must not be built from.
    pub(crate) fn password_context<'a>(
        &'a self,
        username: &'a str,
    ) -> password::PasswordContext<'a> {
        password::PasswordContext {
            username,
            issuer: &self.config.issuer,
        }
    }

    /// Create an account. Does not sign in. Each client address has a
    /// sign-up budget, taken after the input is checked and before the
    /// username is looked up or any password hashed (a fast oracle of
    /// taken names, or a flood of Argon2 work, otherwise).
    pub async fn signup(
        &self,
        username: &str,
        password: &str,
        client: &ClientInfo,
    ) -> AuthResult<User> {
        if !self.config.signup_open {
            return Err(AuthError::SignupClosed);
        }
        let out = self.create_account(username, password, client).await;
        crate::metrics::signup(&out);
        out
    }

    async fn create_account(
        &self,
        username: &str,
        password: &str,
        client: &ClientInfo,
    ) -> AuthResult<User> {
        let name = normalize_username(username).map_err(|e| AuthError::Invalid {
            field: "username",
            message: e.0,
        })?;
        let pw =
            normalize_password(password, self.password_context(&name.display)).map_err(|e| {
                AuthError::Invalid {
                    field: "password",
                    message: e.0,
                }
            })?;
        self.take(
            &format!("signup:ip:{}", client.address()),
            self.config.signup_burst,
            self.config.signup_interval,
        )
        .await?;
        if self.store.user_by_key(&name.key).await?.is_some() {
            return Err(AuthError::UsernameTaken);
        }
        let hash = self.hasher.hash(pw).await?;
        let new = NewUser {
            username: &name.display,
            username_key: &name.key,
            username_skeleton: &name.skeleton,
            password_hash: &hash,
            language: client.language.as_deref(),
        };
        let user = self.store.create_user(&new, self.now()).await?;
        self.event(user.id, EventKind::SignedUp, client).await?;
        Ok(user)
    }

    /// Check a signed-in user's password (budgeted like a login).
    pub(crate) async fn reauthenticate(
        &self,
        user_id: UserId,
        password: &str,
        client: &ClientInfo,
    ) -> AuthResult<User> {
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        // Its own allowance, which only the signed-in owner can spend: a
        // stranger who empties the username's login allowance must not lock
        // the owner out of changing the password or the second factor.
        self.take(
            &format!("pw:reauth:{}", user.id),
            PASSWORD_USER_BURST,
            PASSWORD_USER_INTERVAL,
        )
        .await?;
        let pw = normalize_login_password(password);
        if !self.hasher.verify(pw, &user.password_hash).await? {
            self.event(
                user.id,
                EventKind::SignInFailed(PasswordContext::Settings),
                client,
            )
            .await?;
            return Err(AuthError::WrongPassword);
        }
        Ok(user)
    }

    /// Change the password (the current one, and a second factor when the
    /// step-up needs one); every other session ends and the current one is
    /// rotated, keeping its step-up window. Returns the new token for the
    /// cookie.
    pub async fn change_password(
        &self,
        session: &SessionInfo,
        current: &str,
        new: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let user_id = session.user_id;
        let user = self.reauthenticate(user_id, current, client).await?;
        let pw = normalize_password(new, self.password_context(&user.username)).map_err(|e| {
            AuthError::Invalid {
                field: "new_password",
                message: e.0,
            }
        })?;
        let window = self.step_up(session, second, client).await?;
        let hash = self.hasher.hash(pw).await?;
        self.store.set_password_hash(user_id, &hash).await?;
        self.store
            .delete_user_sessions(user_id, Some(&session.token_hash))
            .await?;
        self.start_session(
            user_id,
            Stage::Full,
            Some(&session.token_hash),
            client,
            window,
            if window.is_some() { "pwd,mfa" } else { "pwd" },
            &[EventKind::PasswordChanged],
        )
        .await
    }
}
