//! Step-up ("sudo mode"): while 2FA is on, a change to the account's
//! factors or identity (a new device, new backup codes, a new password, and
//! later an address or a passkey) needs the password **and** a second
//! factor passed in this session within `reauth_window_secs`, or a code
//! given with the change. A stolen session cookie plus the password is
//! then not enough to take the account's factors over.

use deadbolt_store::EventKind;

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::login::SecondFactorInput;
use crate::service::Auth;
use crate::sessions::SessionInfo;

impl Auth {
    /// Whether a sensitive change from this session needs a code now (2FA
    /// on, and no second factor passed in the window). The pages show the
    /// code field when it does.
    pub fn step_up_needed(&self, session: &SessionInfo) -> bool {
        session.two_factor_enabled
            && session
                .second_factor_at
                .is_none_or(|at| self.now() - at >= self.config.reauth_window_secs)
    }

    /// Pass the step-up for a sensitive change: nothing to do inside the
    /// window or without 2FA; otherwise `second` must be a code or a backup
    /// code, checked like any second factor (budget first, spent once), and
    /// the session's window starts again. Returns when the session last
    /// passed a second factor, after this step-up.
    pub(crate) async fn step_up(
        &self,
        session: &SessionInfo,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<Option<i64>> {
        if !self.step_up_needed(session) {
            return Ok(session.second_factor_at);
        }
        let input = second.ok_or(AuthError::StepUpRequired)?;
        if let Some(left) = self
            .check_second_factor(session.user_id, input, client)
            .await?
        {
            self.event(session.user_id, EventKind::BackupCodeUsed { left }, client)
                .await?;
        }
        let now = self.now();
        self.store
            .mark_second_factor(&session.token_hash, now)
            .await?;
        Ok(Some(now))
    }
}
