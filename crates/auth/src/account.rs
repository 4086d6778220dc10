//! The account's own credentials: sign-up, the password re-entered before
//! a settings change, and changing the password.

use deadbolt_store::{EventKind, PasswordContext, Stage, User, UserId};

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::password::{normalize_login_password, normalize_password, normalize_username};
use crate::secret::SessionToken;
use crate::service::{Auth, PASSWORD_USER_BURST, PASSWORD_USER_INTERVAL};

impl Auth {
    /// Create an account. Does not sign in.
    pub async fn signup(
        &self,
        username: &str,
        password: &str,
        client: &ClientInfo,
    ) -> AuthResult<User> {
        let name = normalize_username(username).map_err(|e| AuthError::Invalid {
            field: "username",
            message: e.0,
        })?;
        let pw = normalize_password(password).map_err(|e| AuthError::Invalid {
            field: "password",
            message: e.0,
        })?;
        if self.store.user_by_key(&name.key).await?.is_some() {
            return Err(AuthError::UsernameTaken);
        }
        let hash = self.hasher.hash(pw).await?;
        let user = self
            .store
            .create_user(&name.display, &name.key, &hash, self.now())
            .await?;
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

    /// Change the password; every other session ends and the current one
    /// is rotated. Returns the new token for the cookie.
    pub async fn change_password(
        &self,
        user_id: UserId,
        current_token_hash: &[u8],
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        self.reauthenticate(user_id, current, client).await?;
        let pw = normalize_password(new).map_err(|e| AuthError::Invalid {
            field: "new_password",
            message: e.0,
        })?;
        let hash = self.hasher.hash(pw).await?;
        self.store.set_password_hash(user_id, &hash).await?;
        self.store
            .delete_user_sessions(user_id, Some(current_token_hash))
            .await?;
        self.start_session(
            user_id,
            Stage::Full,
            Some(current_token_hash),
            client,
            &[EventKind::PasswordChanged],
        )
        .await
    }
}
