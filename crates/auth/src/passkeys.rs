//! Passkeys and security keys (WebAuthn), with `webauthn-rs` as the relying
//! party: registration (password and step-up first, then a name), the
//! list, rename, removal (password and step-up again), passwordless
//! sign-in (a discoverable key that verified its user counts as two
//! factors) and a key as the second factor of a pending login.
//!
//! Rules enforced here (see `docs/SECURITY.md`):
//! * the RP id is the public URL's host and the origin is the public URL's
//!   origin, exactly (no subdomain, no other port);
//! * a ceremony's state lives in the store, never in the client, keyed by
//!   what started it (the session's token hash, or a passwordless
//!   ceremony's own token) and deleted by the finish that uses it or fails:
//!   it serves once, and only the session that started it;
//! * user verification is required in every ceremony;
//! * a key's signature counter only moves forward (webauthn-rs checks it
//!   against the stored credential, the store's compare-and-set across
//!   nodes); a regression is refused and recorded;
//! * every attempt on a known account is taken from its second-factor
//!   budget, the same one codes spend (only failures keep their cost).

use deadbolt_store::{
    CeremonyKey, Constraint, EventKind, NewPasskey, Passkey as StoredPasskey, PasskeyOutcome,
    PasskeyStep, Stage, StoreError, UserId,
};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
    WebauthnError,
};

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::{new_session_token, os_random, token_hash};
use crate::login::{PendingLogin, SecondFactorInput};
use crate::metrics;
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
    /// The ceremony's token (only its SHA-256 is stored).
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
    /// 2FA is on) again.
    pub async fn remove_passkey(
        &self,
        session: &SessionInfo,
        id: i64,
        password: &str,
        second: Option<SecondFactorInput>,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        self.reauthenticate(session.user_id, password, client)
            .await?;
        self.step_up(session, second, client).await?;
        self.store
            .remove_passkey(
                session.user_id,
                id,
                &client.address(),
                &client.user_agent,
                self.now(),
            )
            .await?
            .map(|_| ())
            .ok_or(AuthError::NotFound)
    }

    /// Start a passwordless sign-in (any discoverable key of this site).
    pub async fn start_passkey_login(&self) -> AuthResult<PasswordlessStart> {
        let rp = self.passkey_rp()?;
        let (mut options, state) = rp
            .start_discoverable_authentication()
            .map_err(|_| AuthError::bug("passkey sign-in options"))?;
        // A button, not the autofill prompt.
        options.mediation = None;
        let (ceremony, hash) = new_session_token()?;
        self.keep_ceremony(&hash, PASSWORDLESS, None, &state)
            .await?;
        Ok(PasswordlessStart {
            ceremony,
            options: serde_json::to_value(&options)
                .map_err(|_| AuthError::bug("passkey options"))?,
        })
    }

    /// Finish a passwordless sign-in: a key that verified its user opens a
    /// full session (two factors: possession and the PIN or biometrics),
    /// replacing `old_token_hash` if given.
    pub async fn finish_passkey_login(
        &self,
        ceremony: &str,
        credential: serde_json::Value,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let out = async {
            let binding = token_hash(&SessionToken::new(ceremony));
            let key = CeremonyKey {
                binding: &binding,
                kind: PASSWORDLESS,
            };
            let (answer, state, stored) = self.answer(key, credential).await?;
            // The handle the authenticator returned must be the key's owner's.
            if answer.get_user_unique_id() != Some(stored.user_handle.as_slice()) {
                return Err(self.failed(key, &stored, client, refused()).await);
            }
            let state: DiscoverableAuthentication = from_json(&state)?;
            let mut passkey: Passkey = from_json(&stored.credential)?;
            let verified = self
                .passkey_rp()?
                .finish_discoverable_authentication_v2(&answer, state, &passkey);
            self.pass_key(
                key,
                &stored,
                &mut passkey,
                verified,
                None,
                old_token_hash,
                client,
            )
            .await
        }
        .await;
        metrics::passkey(&out);
        out
    }

    /// Start a key as the second factor of a pending login (the user's keys
    /// only).
    pub async fn start_passkey_second_factor(
        &self,
        pending: &PendingLogin,
    ) -> AuthResult<serde_json::Value> {
        let rp = self.passkey_rp()?;
        let keys = self.store.passkeys(pending.user_id).await?;
        if keys.is_empty() {
            return Err(AuthError::NoPasskey);
        }
        let creds: Vec<Passkey> = keys
            .iter()
            .map(|k| from_json(&k.credential))
            .collect::<AuthResult<_>>()?;
        let (options, state) = rp
            .start_passkey_authentication(&creds)
            .map_err(|_| AuthError::bug("passkey options"))?;
        self.keep_ceremony(
            &pending.token_hash,
            SECOND_FACTOR,
            Some(pending.user_id),
            &state,
        )
        .await?;
        serde_json::to_value(&options).map_err(|_| AuthError::bug("passkey options"))
    }

    /// Finish the second factor with a key: one commit like a code's
    /// (budget, the state spent, the counter moved, the pending session
    /// replaced by a full one, the events).
    pub async fn finish_passkey_second_factor(
        &self,
        pending: &PendingLogin,
        credential: serde_json::Value,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let out = async {
            let key = CeremonyKey {
                binding: &pending.token_hash,
                kind: SECOND_FACTOR,
            };
            let (answer, state, stored) = self.answer(key, credential).await?;
            if stored.user_id != pending.user_id {
                // Another account's key: this account's budget pays for it.
                let err = self.refuse(key, pending.user_id, refused()).await;
                return Err(err);
            }
            let state: PasskeyAuthentication = from_json(&state)?;
            let mut passkey: Passkey = from_json(&stored.credential)?;
            let verified = self
                .passkey_rp()?
                .finish_passkey_authentication(&answer, &state);
            self.pass_key(
                key,
                &stored,
                &mut passkey,
                verified,
                Some(&pending.token_hash),
                None,
                client,
            )
            .await
        }
        .await;
        metrics::passkey(&out);
        out
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
                CeremonyKey { binding, kind },
                user_id,
                &to_json(state)?,
                now + CEREMONY_SECS,
                now,
            )
            .await?;
        Ok(())
    }

    /// Parse the browser's answer and read the ceremony's state with the
    /// key it names (one statement). An unknown key spends the state.
    async fn answer(
        &self,
        key: CeremonyKey<'_>,
        credential: serde_json::Value,
    ) -> AuthResult<(PublicKeyCredential, String, StoredPasskey)> {
        let answer: PublicKeyCredential =
            serde_json::from_value(credential).map_err(|_| bad_credential())?;
        let (state, stored) = self
            .store
            .ceremony_with_passkey(key, answer.get_credential_id(), self.now())
            .await?
            .ok_or(AuthError::PasskeyCeremonyGone)?;
        match stored {
            Some(stored) => Ok((answer, state, stored)),
            None => {
                self.store.drop_ceremony(key, None, self.now()).await?;
                Err(refused())
            }
        }
    }

    /// A verified (or not) assertion for `stored`: the one commit, or the
    /// refusal with its budget and event.
    #[allow(clippy::too_many_arguments)]
    async fn pass_key(
        &self,
        key: CeremonyKey<'_>,
        stored: &StoredPasskey,
        passkey: &mut Passkey,
        verified: Result<webauthn_rs::prelude::AuthenticationResult, WebauthnError>,
        pending: Option<&[u8]>,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let regressed = [EventKind::PasskeyCounterRegressed {
            name: stored.name.clone(),
        }];
        let result = match verified {
            Ok(r) if r.user_verified() => r,
            Err(WebauthnError::CredentialPossibleCompromise) => {
                return Err(self.regressed(key, stored, client).await);
            }
            _ => return Err(self.failed(key, stored, client, refused()).await),
        };
        passkey.update_credential(&result);
        let user_id = stored.user_id;
        let now = self.now();
        // RFC 8176: a key after the password, or a key that verified its
        // user (PIN or biometrics) alone, which is two factors already.
        let amr = if pending.is_some() {
            "pwd,hwk"
        } else {
            "hwk,mfa"
        };
        let (token, session) = self.new_session(user_id, Stage::Full, client, Some(now), amr)?;
        let budget_key = Self::second_factor_key(user_id);
        let events = [EventKind::PasskeyUsed {
            name: stored.name.clone(),
        }];
        let credential = to_json(passkey)?;
        let step = PasskeyStep {
            ceremony: key,
            budget: Self::second_factor_budget(&budget_key),
            passkey_id: stored.id,
            counter: counter(result.counter()),
            credential: &credential,
            pending,
            session: &session,
            events: &events,
            regression_events: &regressed,
        };
        let outcome = match old_token_hash {
            // A passwordless sign-in replaces the browser's earlier session.
            Some(old) if pending.is_none() => {
                let out = self.store.pass_passkey(&step).await?;
                if out == PasskeyOutcome::Passed {
                    self.store.delete_session(old).await?;
                }
                out
            }
            _ => self.store.pass_passkey(&step).await?,
        };
        match outcome {
            PasskeyOutcome::Passed => Ok(token),
            PasskeyOutcome::Throttled { retry_after } => Err(AuthError::Throttled {
                retry_after: retry_after.max(1),
            }),
            PasskeyOutcome::CeremonyGone => Err(AuthError::PasskeyCeremonyGone),
            PasskeyOutcome::CounterRegressed => Err(refused()),
            PasskeyOutcome::PendingGone => Err(AuthError::Unauthenticated),
        }
    }

    /// The counter went backwards: state spent, budget taken, recorded.
    async fn regressed(
        &self,
        key: CeremonyKey<'_>,
        stored: &StoredPasskey,
        client: &ClientInfo,
    ) -> AuthError {
        let kind = EventKind::PasskeyCounterRegressed {
            name: stored.name.clone(),
        };
        let spent = self.refuse(key, stored.user_id, refused()).await;
        match self.event(stored.user_id, kind, client).await {
            Ok(()) => spent,
            Err(e) => e,
        }
    }

    /// A signature that did not verify for `stored`'s owner.
    async fn failed(
        &self,
        key: CeremonyKey<'_>,
        stored: &StoredPasskey,
        client: &ClientInfo,
        error: AuthError,
    ) -> AuthError {
        let spent = self.refuse(key, stored.user_id, error).await;
        match self
            .event(stored.user_id, EventKind::SecondFactorFailed, client)
            .await
        {
            Ok(()) => spent,
            Err(e) => e,
        }
    }

    /// Spend the state and take an attempt from `user_id`'s budget.
    async fn refuse(&self, key: CeremonyKey<'_>, user_id: UserId, error: AuthError) -> AuthError {
        let budget_key = Self::second_factor_key(user_id);
        let budget = Self::second_factor_budget(&budget_key);
        match self
            .store
            .drop_ceremony(key, Some(budget), self.now())
            .await
        {
            Ok(deadbolt_store::Budget::Exhausted { retry_after }) => AuthError::Throttled {
                retry_after: retry_after.max(1),
            },
            Ok(deadbolt_store::Budget::Granted) => error,
            Err(e) => e.into(),
        }
    }
}
