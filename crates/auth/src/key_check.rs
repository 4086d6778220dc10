//! The key check at start: a node refuses to serve when its keyring cannot
//! open this database's secrets (a second node started with a `keys` file
//! of its own would otherwise answer 500 to every user with 2FA).
//!
//! The database keeps one check value per key id (`Keyring::seal_check`).
//! A node's keyring passes when it opens every recorded check; keys it has
//! that the database has not seen yet (the first node, `keys rotate`) are
//! recorded then. A database from before the checks existed is judged by
//! its sealed TOTP secrets instead: one per key id must open.

use crate::error::{AuthError, AuthResult};
use crate::keys::Keyring;
use crate::service::Auth;

/// Why a keyring does not fit the database (the keys never print).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the keys of this node cannot open this database's secrets: the database expects key ids {expected:?}, this node has {held:?}"
)]
pub struct KeyMismatch {
    /// Key ids the database's secrets or check values were made with.
    pub expected: Vec<u32>,
    /// Key ids this node's keyring holds.
    pub held: Vec<u32>,
}

impl Auth {
    /// Check the keyring against the database (see the module
    /// documentation) and record the checks of keys not seen before.
    /// `Ok(Err(mismatch))` when the keys do not fit: refuse to start.
    pub async fn check_keys(&self) -> AuthResult<Result<(), KeyMismatch>> {
        let keys = self.keys();
        let recorded = self.store.key_checks().await?;
        let mismatch = |expected: Vec<u32>| KeyMismatch {
            expected,
            held: keys.key_ids(),
        };
        if recorded.is_empty() {
            // Before key checks: the sealed secrets tell which keys wrote them.
            let mut by_key: Vec<(u32, deadbolt_store::Device)> = Vec::new();
            for d in self.store.all_devices().await? {
                if let Some(id) = Keyring::sealed_key_id(&d.sealed_secret)
                    && !by_key.iter().any(|(k, _)| *k == id)
                {
                    by_key.push((id, d));
                }
            }
            let expected: Vec<u32> = by_key.iter().map(|(k, _)| *k).collect();
            if by_key
                .iter()
                .any(|(_, d)| keys.open(d.user_id, d.id, &d.sealed_secret).is_err())
            {
                return Ok(Err(mismatch(expected)));
            }
        } else if recorded
            .iter()
            .any(|(id, sealed)| !keys.opens_check(*id, sealed))
        {
            return Ok(Err(mismatch(recorded.iter().map(|(id, _)| *id).collect())));
        }
        for id in keys.key_ids() {
            if !recorded.iter().any(|(k, _)| *k == id) {
                let sealed = keys
                    .seal_check(id)
                    .ok_or_else(|| AuthError::bug("a held key cannot seal its check"))?;
                self.store.add_key_check(id, &sealed, self.now()).await?;
            }
        }
        Ok(Ok(()))
    }
}
