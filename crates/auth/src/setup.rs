//! The authenticator app: set-up (a pending device with a fresh secret,
//! shown once), confirmation with a first code (only then is 2FA on, and
//! the old device replaced), and turning 2FA off.

use deadbolt_otp::{OtpAuthUri, Params, Secret, Totp, normalize_code};
use deadbolt_store::{Device, EventKind, UserId};
use zeroize::Zeroizing;

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::login::SecondFactorInput;
use crate::secret::SetupSecret;
use crate::service::{Auth, SETUP_EXPIRY, TOTP_WINDOW};
use crate::sessions::SessionInfo;

/// What a setup shows: only while the device is unconfirmed, never after.
#[derive(Debug, Clone)]
pub struct SetupInfo {
    /// The secret in base32 (for manual entry).
    pub secret_base32: SetupSecret,
    /// The same, in groups of four for reading.
    pub secret_grouped: SetupSecret,
    /// The `otpauth://totp/Issuer:username?...` URI.
    pub otpauth_uri: SetupSecret,
    /// The URI as a QR code, an SVG document.
    pub qr_svg: SetupSecret,
}

impl Auth {
    /// Start a setup (needs the password, and the step-up when it replaces
    /// a device): a new unconfirmed device with a fresh secret. A confirmed
    /// device keeps working until this one is confirmed.
    pub async fn begin_setup(
        &self,
        session: &SessionInfo,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<SetupInfo> {
        let user_id = session.user_id;
        let user = self.reauthenticate(user_id, password, client).await?;
        self.step_up(session, second, client).await?;
        let secret = Secret::generate();
        let keys = self.keys();
        let seal = |device_id: i64| keys.seal(user_id, device_id, secret.expose()).ok();
        self.store
            .put_pending_device(user_id, self.now(), &seal)
            .await?;
        self.setup_info(&user.username, secret)
    }

    /// Whether a pending set-up waited too long for its code.
    pub(crate) fn setup_expired(&self, device: &Device) -> bool {
        self.now() - device.created_at >= SETUP_EXPIRY
    }

    /// The setup waiting for confirmation, to show it again (e.g. after a
    /// wrong confirmation code). `None` once confirmed (the secret is never
    /// shown again) or expired.
    pub async fn pending_setup(&self, user_id: UserId) -> AuthResult<Option<SetupInfo>> {
        let Some(device) = self.store.pending_device(user_id).await? else {
            return Ok(None);
        };
        if self.setup_expired(&device) {
            return Ok(None);
        }
        let user = self
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::Unauthenticated)?;
        let secret = self.open_secret(&device)?;
        Ok(Some(self.setup_info(&user.username, secret)?))
    }

    fn setup_info(&self, username: &str, secret: Secret) -> AuthResult<SetupInfo> {
        let secret_base32 = SetupSecret::new(secret.to_base32());
        let secret_grouped = SetupSecret::new(secret.to_base32_grouped());
        let uri = OtpAuthUri::new(&self.config.issuer, username, secret, Params::default())
            .map_err(|_| AuthError::bug("the otpauth URI cannot be built"))?
            .to_uri();
        let qr_svg = qrcode::QrCode::new(uri.as_bytes())
            .map_err(|_| AuthError::bug("the QR code cannot be built"))?
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .build();
        Ok(SetupInfo {
            secret_base32,
            secret_grouped,
            otpauth_uri: SetupSecret::new(uri),
            qr_svg: SetupSecret::new(qr_svg),
        })
    }

    /// Confirm the pending setup with a code from the new device: only then
    /// is 2FA active (and the previous device replaced). The attempt is
    /// taken from the account's second-factor budget first (a right code
    /// gives it back); a set-up older than 15 minutes must start again.
    ///
    /// Every other session of the user ends (a new device is a credential
    /// change); the confirming session is inside the step-up window.
    pub async fn confirm_setup(
        &self,
        session: &SessionInfo,
        code: &str,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        let user_id = session.user_id;
        let device = self
            .store
            .pending_device(user_id)
            .await?
            .ok_or(AuthError::NoPendingSetup)?;
        if self.setup_expired(&device) {
            return Err(AuthError::SetupExpired);
        }
        let Ok(code) = normalize_code(code) else {
            return Err(AuthError::Invalid {
                field: "code",
                message: "Enter the 6-digit code from your app.".into(),
            });
        };
        let code = Zeroizing::new(code);
        self.take_second_factor_budget(user_id, client).await?;
        let secret = self.open_secret(&device)?;
        let totp = Totp::new(&secret, Params::default());
        let Some(step) = totp.verify(&code, self.totp_now()?, TOTP_WINDOW) else {
            self.event(user_id, EventKind::SecondFactorFailed, client)
                .await?;
            return Err(AuthError::WrongCode);
        };
        let step = i64::try_from(step).map_err(|_| AuthError::bug("TOTP step overflow"))?;
        if !self.store.confirm_device(user_id, device.id, step).await? {
            return Err(AuthError::NoPendingSetup);
        }
        let key = Self::second_factor_key(user_id);
        self.store
            .refund_budget(Self::second_factor_budget(&key))
            .await?;
        self.store
            .mark_second_factor(&session.token_hash, self.now())
            .await?;
        self.store
            .delete_user_sessions(user_id, Some(&session.token_hash))
            .await?;
        self.event(user_id, EventKind::TwoFactorEnabled, client)
            .await?;
        Ok(())
    }

    /// Turn the authenticator app off: needs the password and a current code
    /// or a backup code. Every other session of the user ends. Without
    /// passkeys that turns 2FA off (backup codes deleted); with passkeys 2FA
    /// stays on by the keys and the backup codes stay: the answer is
    /// [`TwoFactorAfter::OnByPasskeys`] then.
    pub async fn disable(
        &self,
        session: &SessionInfo,
        password: &str,
        input: SecondFactorInput,
        client: &ClientInfo,
    ) -> AuthResult<TwoFactorAfter> {
        let (user_id, current_token_hash) = (session.user_id, &session.token_hash);
        self.reauthenticate(user_id, password, client).await?;
        if self.store.confirmed_device(user_id).await?.is_none() {
            return Err(AuthError::TwoFactorNotEnabled);
        }
        let backup_codes_left = self.check_second_factor(user_id, input, client).await?;
        if let Some(left) = backup_codes_left {
            self.event(user_id, EventKind::BackupCodeUsed { left }, client)
                .await?;
        }
        let keys_left = self.store.remove_authenticator(user_id).await?;
        self.store
            .delete_user_sessions(user_id, Some(current_token_hash))
            .await?;
        let (kind, after) = if keys_left {
            (
                EventKind::AuthenticatorRemoved,
                TwoFactorAfter::OnByPasskeys,
            )
        } else {
            (EventKind::TwoFactorDisabled, TwoFactorAfter::Off)
        };
        self.event(user_id, kind, client).await?;
        Ok(after)
    }
}

/// Where 2FA stands after the authenticator app was turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoFactorAfter {
    /// Off: the password alone signs in; the backup codes are gone.
    Off,
    /// Still on by the account's passkeys; the backup codes stay.
    OnByPasskeys,
}
