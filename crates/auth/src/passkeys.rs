//! Passkeys and security keys (WebAuthn), with `webauthn-rs` as the relying
//! party: registration (password and step-up first, then a name), the
//! list, rename, removal (password and step-up again), passwordless
//! sign-in (a discoverable key that verified its user counts as two
//! factors) and a key as the second factor of a pending login.
//!
//! Rules enforced here (see `docs/SECURITY.md`):
//! * the RP id is the public URL's host and the origin is the public URL's
//!   origin, exactly (no subdomain, no other port);
//! * a ceremony bound to a session keeps its state in the store, keyed by
//!   the session's token hash, deleted by the finish that uses it or
//!   fails: it serves once, and only the session that started it;
//! * a passwordless ceremony (no session yet) hands its state to the
//!   client sealed with the keyring (AES-256-GCM, its own associated data:
//!   unreadable and unchangeable there), with its expiry and a random id;
//!   the finish inserts the id's SHA-256 as a spent mark in its own commit
//!   (a unique key: one use, on any node) and refuses an expired or
//!   spent one before verifying, so the start writes nothing but its budget;
//! * user verification is required in every ceremony;
//! * a key's signature counter only moves forward (webauthn-rs checks it
//!   against the stored credential, the store's compare-and-set across
//!   nodes); a regression is refused and recorded;
//! * every attempt on a known account is taken from its second-factor
//!   budget, the same one codes spend (only failures keep their cost).

use deadbolt_store::{
    CeremonyKey, Constraint, NewPasskey, Passkey as StoredPasskey, StoreError, UserId,
};
use webauthn_rs::prelude::{
    PasskeyRegistration, RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

mod sign_in;

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::os_random;
use crate::login::SecondFactorInput;
use crate::secret::SessionToken;
use crate::service::Auth;
use crate::sessions::SessionInfo;

/// A started ceremony must finish within this many seconds.
pub const CEREMONY_SECS: i64 = 300;
/// The longest name a key may have, in characters.
pub const PASSKEY_NAME_MAX: usize = 64;

const REGISTER: &str = "register";
const SECOND_FACTOR: &str = "second_factor";
const PASSWORDLESS: &str = "passwordless";
const STEP_UP: &str = "step_up";

/// The relying party, built once from the public URL.
pub(crate) struct RelyingParty(Result<Webauthn, String>);

impl RelyingParty {
    /// RP id = the public URL's host; origin = the public URL's origin.
    pub(crate) fn new(public_url: &str, name: &str) -> Self {
        let built = (|| {
            let origin = Url::parse(public_url).map_err(|e| e.to_string())?;
            // Browsers refuse an IP address as an RP id: say so here rather
            // than let the library log an error at every start.
            let host = origin
                .domain()
                .ok_or("the public URL's host is not a domain name")?;
            WebauthnBuilder::new(host, &origin)
                .and_then(|b| b.rp_name(name).build())
                .map_err(|e| e.to_string())
        })();
        if let Err(e) = &built {
            tracing::warn!(error = %e, public_url, "passkeys are off: no relying party for this public URL");
        }
        RelyingParty(built)
    }

    fn get(&self) -> AuthResult<&Webauthn> {
        self.0.as_ref().map_err(|_| AuthError::PasskeysUnavailable)
    }
}

/// One of the user's keys, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyInfo {
    /// Its id (for rename and removal).
    pub id: i64,
    /// The name the user gave it.
    pub name: String,
    /// Registered at, unix seconds.
    pub created_at: i64,
    /// Last sign-in with it, unix seconds.
    pub last_used_at: Option<i64>,
}

impl From<&StoredPasskey> for PasskeyInfo {
    fn from(p: &StoredPasskey) -> Self {
        PasskeyInfo {
            id: p.id,
            name: p.name.clone(),
            created_at: p.created_at,
            last_used_at: p.last_used_at,
        }
    }
}

/// A registration's kept state: the library's, and the user handle it was
/// started with (kept with the key).
#[derive(serde::Serialize, serde::Deserialize)]
struct Registration {
    handle: Vec<u8>,
    state: PasskeyRegistration,
}

/// A started passwordless sign-in: the options for
/// `navigator.credentials.get` and the token its finish must bring back.
#[derive(Debug)]
pub struct PasswordlessStart {
    /// The ceremony's sealed state, which the finish brings back.
    pub ceremony: SessionToken,
    /// `{"publicKey": {...}}` for the browser.
    pub options: serde_json::Value,
}

fn refused() -> AuthError {
    AuthError::PasskeyRefused
}

fn bad_credential() -> AuthError {
    AuthError::Invalid {
        field: "credential",
        message: "This is not a passkey response.".into(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> AuthResult<String> {
    serde_json::to_string(value).map_err(|_| AuthError::bug("a passkey value does not serialise"))
}

fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> AuthResult<T> {
    serde_json::from_str(json).map_err(|_| AuthError::bug("a stored passkey value does not parse"))
}

/// A key's name: trimmed, 1 to 64 characters, no control characters.
fn key_name(name: &str) -> AuthResult<&str> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 || count > PASSKEY_NAME_MAX || name.chars().any(char::is_control) {
        return Err(AuthError::Invalid {
            field: "name",
            message: format!("Give the key a name of 1 to {PASSKEY_NAME_MAX} characters."),
        });
    }
    Ok(name)
}

/// The counter an assertion carried, as stored.
fn counter(c: u32) -> i64 {
    i64::from(c)
}

impl Auth {
    /// The user's keys, oldest first.
    pub async fn passkeys(&self, user_id: UserId) -> AuthResult<Vec<PasskeyInfo>> {
        let keys = self.store.passkeys(user_id).await?;
        Ok(keys.iter().map(PasskeyInfo::from).collect())
    }

    /// Start registering a key: the password (and the step-up while 2FA is
    /// on) first. Returns `{"publicKey": ...}` for `navigator.credentials.create`.
    pub async fn start_passkey_registration(
        &self,
        session: &SessionInfo,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<serde_json::Value> {
        let rp = self.passkey_rp()?;
        self.reauthenticate(session.user_id, password, client)
            .await?;
        self.step_up(session, second, client).await?;
        let keys = self.store.passkeys(session.user_id).await?;
        let handle = match keys.first() {
            Some(k) => {
                Uuid::from_slice(&k.user_handle).map_err(|_| AuthError::bug("user handle"))?
            }
            None => {
                let mut raw = [0u8; 16];
                os_random(&mut raw)?;
                Uuid::from_bytes(raw)
            }
        };
        let exclude = keys.iter().map(|k| k.credential_id.clone()).collect();
        let (options, state) = rp
            .start_passkey_registration(handle, &session.username, &session.username, Some(exclude))
            .map_err(|_| AuthError::bug("passkey registration options"))?;
        let mut options =
            serde_json::to_value(&options).map_err(|_| AuthError::bug("passkey options"))?;
        // A resident key when the authenticator can (passwordless sign-in
        // needs one); the server checks nothing that depends on it.
        if let Some(sel) = options
            .pointer_mut("/publicKey/authenticatorSelection")
            .and_then(serde_json::Value::as_object_mut)
        {
            sel.insert("residentKey".into(), "preferred".into());
            sel.insert("requireResidentKey".into(), false.into());
        }
        let state = Registration {
            handle: handle.as_bytes().to_vec(),
            state,
        };
        self.keep_ceremony(&session.token_hash, REGISTER, Some(session.user_id), &state)
            .await?;
        Ok(options)
    }

    /// Finish registering: the browser's answer to this session's started
    /// registration, and the key's name. The state is spent either way.
    pub async fn finish_passkey_registration(
        &self,
        session: &SessionInfo,
        name: &str,
        credential: serde_json::Value,
        client: &ClientInfo,
    ) -> AuthResult<PasskeyInfo> {
        let rp = self.passkey_rp()?;
        let name = key_name(name)?;
        let answer: RegisterPublicKeyCredential =
            serde_json::from_value(credential).map_err(|_| bad_credential())?;
        let key = CeremonyKey {
            binding: &session.token_hash,
            kind: REGISTER,
            sealed_until: None,
            client_budget: None,
        };
        let state = self
            .store
            .take_ceremony(key, self.now())
            .await?
            .ok_or(AuthError::PasskeyCeremonyGone)?;
        let Registration { handle, state } = from_json(&state)?;
        let passkey = rp
            .finish_passkey_registration(&answer, &state)
            .map_err(|_| refused())?;
        let new = NewPasskey {
            user_id: session.user_id,
            name,
            user_handle: &handle,
            credential_id: passkey.cred_id().as_ref(),
            credential: &to_json(&passkey)?,
            counter: 0,
        };
        match self
            .store
            .add_passkey(&new, &client.address(), &client.user_agent, self.now())
            .await
        {
            Ok(added) => {
                self.mail_written.notify_one();
                // The new key just proved itself with its user verified:
                // like a confirmed app, the session is inside the step-up
                // window (adding a second key right after needs no code).
                self.store
                    .mark_second_factor(&session.token_hash, self.now())
                    .await?;
                Ok(PasskeyInfo::from(&added))
            }
            Err(StoreError::Conflict(Constraint::Passkey)) => Err(AuthError::Invalid {
                field: "credential",
                message: "This key is registered already.".into(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Rename one of the user's keys.
    pub async fn rename_passkey(&self, user_id: UserId, id: i64, name: &str) -> AuthResult<()> {
        let name = key_name(name)?;
        if self.store.rename_passkey(user_id, id, name).await? {
            Ok(())
        } else {
            Err(AuthError::NotFound)
        }
    }

    /// Remove one of the user's keys: the password (and the step-up while
    /// 2FA is on) again. The last key of an account without an
    /// authenticator app takes two factor authentication with it, as
    /// disabling does (backup codes gone, other sessions ended, a notice):
    /// returns whether it did.
    pub async fn remove_passkey(
        &self,
        session: &SessionInfo,
        id: i64,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<bool> {
        self.reauthenticate(session.user_id, password, client)
            .await?;
        self.step_up(session, second, client).await?;
        let removed = self
            .store
            .remove_passkey(
                session.user_id,
                id,
                &session.token_hash,
                &client.address(),
                &client.user_agent,
                self.now(),
            )
            .await?
            .ok_or(AuthError::NotFound)?;
        if removed.last_factor {
            self.mail_written.notify_one();
        }
        Ok(removed.last_factor)
    }

    fn passkey_rp(&self) -> AuthResult<&Webauthn> {
        self.relying_party.get()
    }

    async fn keep_ceremony<T: serde::Serialize>(
        &self,
        binding: &[u8],
        kind: &str,
        user_id: Option<UserId>,
        state: &T,
    ) -> AuthResult<()> {
        let now = self.now();
        self.store
            .put_ceremony(
                CeremonyKey {
                    binding,
                    kind,
                    sealed_until: None,
                    client_budget: None,
                },
                user_id,
                &to_json(state)?,
                now + CEREMONY_SECS,
                now,
            )
            .await?;
        Ok(())
    }
}
