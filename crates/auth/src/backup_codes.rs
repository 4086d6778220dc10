//! Backup codes: a fresh set of ten replaces the old one at once; the codes
//! leave once, in clear, and are stored only as keyed hashes. (Spending one
//! is part of the second factor: `login.rs`.)

use deadbolt_otp::BackupCode;
use deadbolt_store::EventKind;

use crate::client::ClientInfo;
use crate::error::AuthResult;
use crate::login::SecondFactorInput;
use crate::secret::IssuedBackupCode;
use crate::service::Auth;
use crate::sessions::SessionInfo;

impl Auth {
    /// Replace the whole set of backup codes (needs the password, and the
    /// step-up). The codes are returned once, in clear, and stored only as
    /// keyed hashes.
    pub async fn regenerate_backup_codes(
        &self,
        session: &SessionInfo,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<Vec<IssuedBackupCode>> {
        let user_id = session.user_id;
        self.reauthenticate(user_id, password, client).await?;
        self.step_up(session, second, client).await?;
        let codes = BackupCode::generate_set();
        let keys = self.keys();
        let hashes: Vec<Vec<u8>> = codes
            .iter()
            .map(|c| keys.backup_code_hash(c.as_str()))
            .collect();
        self.store
            .replace_backup_codes(user_id, &hashes, self.now())
            .await?;
        let count = u32::try_from(codes.len()).unwrap_or(u32::MAX);
        self.event(user_id, EventKind::BackupCodesGenerated { count }, client)
            .await?;
        Ok(codes
            .iter()
            .map(|c| IssuedBackupCode::new(c.as_str()))
            .collect())
    }
}
