//! Signing in with a key: passwordless (a discoverable key that verified
//! its user counts as two factors) and as the second factor of a pending
//! login, or as the step-up of a signed-in session before a sensitive
//! change; the one commit that ends each (`pass_key`), and the refusals
//! with their budget and events.

use deadbolt_store::{
    BudgetSpec, CeremonyKey, CeremonyRead, EventKind, Passkey as StoredPasskey, PasskeyOutcome,
    PasskeyStep, Stage, UserId,
};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyAuthentication, PublicKeyCredential, WebauthnError,
};

use data_encoding::BASE64URL_NOPAD;

use super::{
    CEREMONY_SECS, PASSWORDLESS, PasswordlessStart, SECOND_FACTOR, STEP_UP, bad_credential,
    counter, from_json, refused, to_json,
};
use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::keys::{KeyError, new_session_token, token_hash};
use crate::login::PendingLogin;
use crate::metrics;
use crate::secret::SessionToken;
use crate::service::{Auth, PASSWORD_IP_BURST, PASSWORD_IP_INTERVAL};
use crate::sessions::SessionInfo;

/// A passwordless sign-in's state, held by the client sealed with the
/// keyring between start and finish: the library's state (its challenge),
/// when it stops being accepted, and a random id whose SHA-256 the finish
/// spends in its commit (a spent mark under a unique key: one use, on any
/// node).
#[derive(serde::Serialize, serde::Deserialize)]
struct Held {
    id: String,
    expires_at: i64,
    state: DiscoverableAuthentication,
}

/// What a verified key is used for.
#[derive(Clone, Copy)]
enum KeyUse<'a> {
    /// A passwordless sign-in, replacing the browser's earlier session.
    Passwordless { old: Option<&'a [u8]> },
    /// The second factor of this pending login (its token hash).
    SecondFactor { pending: &'a [u8] },
    /// The step-up of this live session (its token hash).
    StepUp { session: &'a [u8] },
}

impl Auth {
    /// Start a passwordless sign-in (any discoverable key of this site).
    /// Nothing is written: the state (the challenge, its expiry and a
    /// random id) goes to the client sealed by the keyring, and the finish
    /// spends the id once (see [`Held`]), taking from the client's budget
    /// in that commit ([`Auth::finish_passkey_login`]).
    pub async fn start_passkey_login(&self) -> AuthResult<PasswordlessStart> {
        let rp = self.passkey_rp()?;
        let (mut options, state) = rp
            .start_discoverable_authentication()
            .map_err(|_| AuthError::bug("passkey sign-in options"))?;
        // A button, not the autofill prompt.
        options.mediation = None;
        let (id, _) = new_session_token()?;
        let held = Held {
            id: id.expose().to_owned(),
            expires_at: self.now() + CEREMONY_SECS,
            state,
        };
        let sealed = self
            .keys()
            .seal_ceremony(to_json(&held)?.as_bytes())
            .map_err(|_| AuthError::bug("sealing a passkey ceremony"))?;
        Ok(PasswordlessStart {
            ceremony: SessionToken::new(BASE64URL_NOPAD.encode(&sealed)),
            options: serde_json::to_value(&options)
                .map_err(|_| AuthError::bug("passkey options"))?,
        })
    }

    /// Finish a passwordless sign-in: a key that verified its user opens a
    /// full session (two factors: possession and the PIN or biometrics),
    /// replacing `old_token_hash` if given, in the same commit.
    ///
    /// Finishes are budgeted per client address like password guesses (a
    /// key of their own, `passkey:ip:<address>`: a passkey is not a
    /// password guess and spends none of those): the read that finds the
    /// state refuses an empty budget before any signature is checked, and
    /// every commit that spends the state (passed, or refused) takes one
    /// attempt from it first. A start writes nothing, so this bounds the
    /// spent marks and the signature checks per address.
    pub async fn finish_passkey_login(
        &self,
        ceremony: &str,
        credential: serde_json::Value,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let out = async {
            // Not ours, changed, or from a key this node cannot open: gone.
            let held = self
                .open_held(ceremony)
                .ok_or(AuthError::PasskeyCeremonyGone)?;
            let binding = token_hash(&SessionToken::new(held.id));
            let client_key = format!("passkey:ip:{}", client.address());
            let key = CeremonyKey {
                binding: &binding,
                kind: PASSWORDLESS,
                sealed_until: Some(held.expires_at),
                client_budget: Some(BudgetSpec {
                    key: &client_key,
                    burst: PASSWORD_IP_BURST,
                    interval: PASSWORD_IP_INTERVAL,
                }),
            };
            let (answer, _, stored) = self.answer(key, credential).await?;
            // The handle the authenticator returned must be the key's owner's.
            if answer.get_user_unique_id() != Some(stored.user_handle.as_slice()) {
                return Err(self.failed(key, &stored, client, refused()).await);
            }
            let mut passkey: Passkey = from_json(&stored.credential)?;
            let verified = self
                .passkey_rp()?
                .finish_discoverable_authentication_v2(&answer, held.state, &passkey);
            let used = KeyUse::Passwordless {
                old: old_token_hash,
            };
            self.pass_key(key, &stored, &mut passkey, verified, used, client)
                .await?
                .ok_or_else(|| AuthError::bug("a passwordless sign-in opens a session"))
        }
        .await;
        metrics::passkey(&out);
        out
    }

    /// The sealed state a passwordless finish brings back, if this node's
    /// keyring opens it and it parses (the expiry is the store's check).
    fn open_held(&self, ceremony: &str) -> Option<Held> {
        let sealed = BASE64URL_NOPAD.decode(ceremony.trim().as_bytes()).ok()?;
        let keys = self.keys();
        let plain = match keys.open_ceremony(&sealed) {
            Err(KeyError::UnknownKey(id)) => keys
                .reload()
                .filter(|k| k.has_key(id))?
                .open_ceremony(&sealed)
                .ok()?,
            other => other.ok()?,
        };
        serde_json::from_slice(&plain).ok()
    }

    /// Start a key as the second factor of a pending login (the user's keys
    /// only).
    pub async fn start_passkey_second_factor(
        &self,
        pending: &PendingLogin,
    ) -> AuthResult<serde_json::Value> {
        self.start_assertion(pending.user_id, &pending.token_hash, SECOND_FACTOR)
            .await
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
        let used = KeyUse::SecondFactor {
            pending: &pending.token_hash,
        };
        let out = self
            .finish_assertion(pending.user_id, SECOND_FACTOR, used, credential, client)
            .await
            .and_then(|t| t.ok_or_else(|| AuthError::bug("a second factor opens a session")));
        metrics::passkey(&out);
        out
    }

    /// Start a key as the step-up of a signed-in session (the user's keys
    /// only): a sensitive change then needs no code within the window.
    pub async fn start_passkey_step_up(
        &self,
        session: &SessionInfo,
    ) -> AuthResult<serde_json::Value> {
        self.start_assertion(session.user_id, &session.token_hash, STEP_UP)
            .await
    }

    /// Finish the step-up with a key: the same commit as a sign-in's
    /// (budget, state, counter, events), which marks this session's
    /// `second_factor_at` instead of opening one.
    pub async fn finish_passkey_step_up(
        &self,
        session: &SessionInfo,
        credential: serde_json::Value,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        let used = KeyUse::StepUp {
            session: &session.token_hash,
        };
        let out = self
            .finish_assertion(session.user_id, STEP_UP, used, credential, client)
            .await
            .map(|_| ());
        metrics::passkey(&out);
        out
    }

    /// Options for `navigator.credentials.get` naming `user_id`'s keys, the
    /// state kept under (`binding`, `kind`).
    async fn start_assertion(
        &self,
        user_id: UserId,
        binding: &[u8],
        kind: &str,
    ) -> AuthResult<serde_json::Value> {
        let rp = self.passkey_rp()?;
        let keys = self.store.passkeys(user_id).await?;
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
        self.keep_ceremony(binding, kind, Some(user_id), &state)
            .await?;
        serde_json::to_value(&options).map_err(|_| AuthError::bug("passkey options"))
    }

    /// The answer to [`Auth::start_assertion`]'s options: only a key of
    /// `user_id` (another account's is refused and this account pays).
    async fn finish_assertion(
        &self,
        user_id: UserId,
        kind: &str,
        used: KeyUse<'_>,
        credential: serde_json::Value,
        client: &ClientInfo,
    ) -> AuthResult<Option<SessionToken>> {
        let binding = match used {
            KeyUse::SecondFactor { pending } => pending,
            KeyUse::StepUp { session } => session,
            KeyUse::Passwordless { .. } => return Err(AuthError::bug("not a named-key ceremony")),
        };
        let key = CeremonyKey {
            binding,
            kind,
            sealed_until: None,
            client_budget: None,
        };
        let (answer, state, stored) = self.answer(key, credential).await?;
        if stored.user_id != user_id {
            // Another account's key: this account's budget pays for it.
            return Err(self.refuse(key, user_id, refused()).await);
        }
        let state: PasskeyAuthentication = from_json(&state)?;
        let mut passkey: Passkey = from_json(&stored.credential)?;
        let verified = self
            .passkey_rp()?
            .finish_passkey_authentication(&answer, &state);
        self.pass_key(key, &stored, &mut passkey, verified, used, client)
            .await
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
        let read = self
            .store
            .ceremony_with_passkey(key, answer.get_credential_id(), self.now())
            .await?;
        match read {
            CeremonyRead::Gone => Err(AuthError::PasskeyCeremonyGone),
            CeremonyRead::Throttled { retry_after } => Err(AuthError::Throttled {
                retry_after: retry_after.max(1),
            }),
            CeremonyRead::Live {
                state,
                passkey: Some(stored),
            } => Ok((answer, state, stored)),
            CeremonyRead::Live { passkey: None, .. } => {
                let taken = self.store.drop_ceremony(key, None, self.now()).await?;
                Err(throttled_or(taken, refused()))
            }
        }
    }

    /// A verified (or not) assertion for `stored`: the one commit, or the
    /// refusal with its budget and event. The new session's token, or
    /// `None` for a step-up (the session stays, marked).
    async fn pass_key(
        &self,
        key: CeremonyKey<'_>,
        stored: &StoredPasskey,
        passkey: &mut Passkey,
        verified: Result<webauthn_rs::prelude::AuthenticationResult, WebauthnError>,
        used: KeyUse<'_>,
        client: &ClientInfo,
    ) -> AuthResult<Option<SessionToken>> {
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
        // user (PIN or biometrics) alone, which is two factors already. A
        // step-up only marks the live session (its `amr` stays).
        let amr = match used {
            KeyUse::Passwordless { .. } => "hwk,mfa",
            KeyUse::SecondFactor { .. } | KeyUse::StepUp { .. } => "pwd,hwk",
        };
        let (token, mut session) =
            self.new_session(user_id, Stage::Full, client, Some(now), amr)?;
        let replaces = match used {
            KeyUse::Passwordless { old } => old,
            KeyUse::SecondFactor { .. } | KeyUse::StepUp { .. } => None,
        };
        let (pending, step_up) = match used {
            KeyUse::SecondFactor { pending } => (Some(pending), false),
            KeyUse::StepUp { session: live } => {
                // The live session is marked, not replaced.
                session.token_hash = live.to_vec();
                (None, true)
            }
            KeyUse::Passwordless { .. } => (None, false),
        };
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
            replaces,
            step_up,
            // A passwordless sign-in is a sign-in like the password's: the
            // browser's language becomes the account's.
            language: if pending.is_none() && !step_up {
                client.language.as_deref()
            } else {
                None
            },
            session: &session,
            events: &events,
            regression_events: &regressed,
        };
        // A passwordless sign-in replaces the browser's earlier session in
        // the same commit.
        let outcome = self.store.pass_passkey(&step).await?;
        match outcome {
            PasskeyOutcome::Passed => Ok((!step_up).then_some(token)),
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
            Ok(taken) => throttled_or(taken, error),
            Err(e) => e.into(),
        }
    }
}

/// `error`, unless the budget said no: then the wait.
fn throttled_or(taken: deadbolt_store::Budget, error: AuthError) -> AuthError {
    match taken {
        deadbolt_store::Budget::Exhausted { retry_after } => AuthError::Throttled {
            retry_after: retry_after.max(1),
        },
        deadbolt_store::Budget::Granted => error,
    }
}
