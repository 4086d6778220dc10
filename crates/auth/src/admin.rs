//! The operator's commands: list users, reset a user's second factor (the
//! recovery path for a user who lost phone and backup codes), and re-seal
//! every TOTP secret after a key rotation.

use deadbolt_store::{EventKind, StoreError, UserSummary};

use crate::error::{AuthError, AuthResult};
use crate::password::{normalize_username, username_skeleton};
use crate::service::Auth;

/// What an operator's events show where a client's show its address.
pub const OPERATOR: &str = "operator";

impl Auth {
    /// After [`crate::Keyring::rotate`]: re-seal every TOTP secret still
    /// sealed with an older key under the newest one, in one store
    /// transaction. Returns how many secrets were re-sealed.
    pub async fn reseal_devices(&self) -> AuthResult<usize> {
        let keys = self.keys();
        let mut resealed = Vec::new();
        for device in self.store.all_devices().await? {
            if keys.needs_reseal(&device.sealed_secret) {
                let secret = self.open_secret(&device)?;
                resealed.push((
                    device.id,
                    keys.seal(device.user_id, device.id, secret.expose())?,
                ));
            }
        }
        if !resealed.is_empty() {
            self.store.reseal_devices(&resealed).await?;
        }
        Ok(resealed.len())
    }

    /// Give every user created before schema version 3 (or by an older
    /// node) its confusable skeleton. Two old names that look alike keep no
    /// skeleton for the second one (logged): neither is renamed. Returns
    /// (skeletons set, look-alikes left).
    pub async fn backfill_username_skeletons(&self) -> AuthResult<(usize, usize)> {
        let (mut set, mut clashes) = (0, 0);
        for (id, key) in self.store.users_without_skeleton().await? {
            match self
                .store
                .set_username_skeleton(id, &username_skeleton(&key))
                .await
            {
                Ok(()) => set += 1,
                Err(StoreError::Conflict(_)) => {
                    clashes += 1;
                    tracing::warn!(
                        user_id = id,
                        "a username looks like another one; left as it is"
                    );
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok((set, clashes))
    }

    /// Every user, for `deadbolt user list`.
    pub async fn admin_list_users(&self) -> AuthResult<Vec<UserSummary>> {
        Ok(self.store.list_users().await?)
    }

    /// Remove a user's 2FA device(s), backup codes and passkeys and end
    /// their sessions (the operator's recovery path), recorded as a
    /// security event. Returns how many passkeys were removed.
    pub async fn admin_reset_two_factor(&self, username: &str) -> AuthResult<u64> {
        let name = normalize_username(username).map_err(|e| AuthError::Invalid {
            field: "username",
            message: e.0,
        })?;
        let user = self
            .store
            .user_by_key(&name.key)
            .await?
            .ok_or(AuthError::NotFound)?;
        let passkeys = self.store.remove_all_factors(user.id).await?;
        self.store.delete_user_sessions(user.id, None).await?;
        // Recorded as coming from the operator, not from an address.
        self.store
            .record_event(
                user.id,
                &EventKind::TwoFactorResetByOperator,
                OPERATOR,
                "",
                self.now(),
            )
            .await?;
        Ok(passkeys)
    }
}
