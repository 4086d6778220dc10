//! Signing in: the password step (budgets before any hashing, unknown
//! users timed like known ones) and the second factor (one commit: budget,
//! the code spent, the session rotated, the events).
//!
//! Rules enforced here (see `docs/SECURITY.md`):
//! * a login with 2FA is *pending* until the second factor passes, and the
//!   session token is rotated after the password and after the second factor;
//! * every second-factor attempt (TOTP or backup code) is taken from one
//!   per-account budget in the shared store *before* it is verified, so
//!   concurrent guesses cannot overdraw it and a right password never resets it;
//! * each TOTP step is accepted once per device (compare-and-set in the store);
//! * password guessing is budgeted per username and per client address (or
//!   per trusted browser) before any Argon2 work.

use deadbolt_otp::{BackupCode, Params, Totp, Verdict, normalize_code};
use deadbolt_store::{
    EventKind, PasswordContext, Proof, SecondFactorStep, SignInMethod, Stage, StepOutcome, UserId,
};
use zeroize::Zeroizing;

use crate::client::ClientInfo;
use crate::error::{AuthError, AuthResult};
use crate::metrics;
use crate::password::{normalize_login_password, normalize_username};
use crate::secret::{DeviceCookie, SessionToken};
use crate::service::{
    Auth, PASSWORD_DEVICE_BURST, PASSWORD_DEVICE_INTERVAL, PASSWORD_IP_BURST, PASSWORD_IP_INTERVAL,
    PASSWORD_USER_BURST, PASSWORD_USER_INTERVAL, SECOND_FACTOR_BURST, SECOND_FACTOR_INTERVAL,
    TOTP_WINDOW,
};

/// What the user typed as a second factor. Never printed.
#[derive(Clone)]
pub enum SecondFactorInput {
    /// A TOTP code from the authenticator app ("123 456" is fine).
    Code(Zeroizing<String>),
    /// A backup code ("K7MQ2 X9VTD" is fine).
    BackupCode(Zeroizing<String>),
}

impl SecondFactorInput {
    /// A typed TOTP code.
    pub fn code(typed: impl Into<String>) -> Self {
        SecondFactorInput::Code(Zeroizing::new(typed.into()))
    }
    /// A typed backup code.
    pub fn backup_code(typed: impl Into<String>) -> Self {
        SecondFactorInput::BackupCode(Zeroizing::new(typed.into()))
    }
}

impl std::fmt::Debug for SecondFactorInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SecondFactorInput::Code(_) => "Code([REDACTED])",
            SecondFactorInput::BackupCode(_) => "BackupCode([REDACTED])",
        })
    }
}

/// The result of a right password.
#[derive(Debug)]
pub struct LoginOutcome {
    /// The new session token (cookie value). The old session, if any, is gone.
    pub token: SessionToken,
    /// `Full` (signed in) or `Pending` (second factor owed).
    pub stage: Stage,
    /// A fresh device cookie for this browser and username.
    pub device_cookie: DeviceCookie,
}

/// A login that passed the password and owes its second factor: a
/// different type from a session, so it cannot reach what wants one.
#[derive(Debug, Clone)]
pub struct PendingLogin {
    /// The user the password was checked for.
    pub user_id: UserId,
    /// Display username.
    pub username: String,
    /// SHA-256 of the pending session's token.
    pub token_hash: Vec<u8>,
}

/// What a typed second factor is, found before anything is spent.
pub(crate) enum Candidate {
    /// A TOTP code matching this step of the confirmed device, later than
    /// its last accepted step.
    Step { device_id: i64, step: i64 },
    /// A well-formed backup code, by its keyed hash (spent or not: the store decides).
    BackupCode { hash: Vec<u8> },
    /// A TOTP code matching a step already used.
    Replayed,
    /// Not a code that matches anything.
    Wrong,
}

impl Candidate {
    /// What the store checks and spends, if anything.
    fn proof(&self) -> Option<Proof<'_>> {
        match self {
            Candidate::Step { device_id, step } => Some(Proof::Step {
                device_id: *device_id,
                step: *step,
            }),
            Candidate::BackupCode { hash } => Some(Proof::BackupCode { hash }),
            Candidate::Replayed | Candidate::Wrong => None,
        }
    }

    /// How a login step that passed with it signed in.
    fn method(&self) -> SignInMethod {
        match self {
            Candidate::BackupCode { .. } => SignInMethod::BackupCode,
            _ => SignInMethod::AuthenticatorCode,
        }
    }
}

impl Auth {
    /// Check username and password. Budgets are taken before any hashing.
    /// On success the old session (if any) is replaced by a new one: `Full`
    /// without 2FA, `Pending` with it.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
    ) -> AuthResult<LoginOutcome> {
        let out = self
            .password_step(username, password, old_token_hash, client)
            .await;
        metrics::login(out.as_ref().map(|o| o.stage == Stage::Full));
        out
    }

    async fn password_step(
        &self,
        username: &str,
        password: &str,
        old_token_hash: Option<&[u8]>,
        client: &ClientInfo,
    ) -> AuthResult<LoginOutcome> {
        let pw = normalize_login_password(password);
        let name = normalize_username(username);
        // A browser holding a genuine device cookie for this username spends
        // its own allowance; every other attempt spends the address's and the
        // username's shared ones. All before any hashing.
        let trusted = match (&name, &client.device_cookie) {
            (Ok(n), Some(d)) => self.keys().verify_device_cookie(d, &n.key),
            _ => None,
        };
        match &trusted {
            Some(device) => {
                self.take(
                    &format!("pw:device:{device}"),
                    PASSWORD_DEVICE_BURST,
                    PASSWORD_DEVICE_INTERVAL,
                )
                .await?
            }
            None => {
                self.take(
                    &format!("pw:ip:{}", client.address()),
                    PASSWORD_IP_BURST,
                    PASSWORD_IP_INTERVAL,
                )
                .await?
            }
        }
        let key = match name {
            Ok(n) => n.key,
            Err(_) => {
                // Nothing to look up, but spend the same time as a real check.
                self.hasher.verify_dummy(pw).await?;
                return Err(AuthError::InvalidCredentials);
            }
        };
        if trusted.is_none() {
            self.take(
                &format!("pw:user:{key}"),
                PASSWORD_USER_BURST,
                PASSWORD_USER_INTERVAL,
            )
            .await?;
        }
        let Some(user) = self.store.user_by_key(&key).await? else {
            self.hasher.verify_dummy(pw).await?;
            return Err(AuthError::InvalidCredentials);
        };
        if !self.hasher.verify(pw, &user.password_hash).await? {
            self.event(
                user.id,
                EventKind::SignInFailed(PasswordContext::Login),
                client,
            )
            .await?;
            return Err(AuthError::InvalidCredentials);
        }
        if user.disabled {
            return Err(AuthError::AccountDisabled);
        }
        // A passkey is a second factor too (one more read, only without a device).
        let stage = if self.store.confirmed_device(user.id).await?.is_some()
            || !self.store.passkeys(user.id).await?.is_empty()
        {
            Stage::Pending
        } else {
            Stage::Full
        };
        let mut events = match stage {
            Stage::Full => vec![EventKind::SignIn(SignInMethod::Password)],
            Stage::Pending => Vec::new(),
        };
        // The right password from a browser without this account's device
        // cookie: the owner hears of it (when they have an address and keep
        // the notice on), whether or not a second factor is still owed.
        if trusted.is_none() && user.email.is_some() && user.notify_new_browser {
            events.push(EventKind::NewBrowserSignIn);
        }
        // The language the browser asked for becomes the account's (that of
        // its letters), in the sign-in's own commit and only when it changed.
        let language = client
            .language
            .as_deref()
            .filter(|l| user.language.as_deref() != Some(*l));
        let (token, record) = self.new_session(user.id, stage, client, None, "pwd")?;
        self.store
            .open_session_as(old_token_hash, &record, &events, language)
            .await?;
        let device_cookie = self.keys().new_device_cookie(&key)?;
        Ok(LoginOutcome {
            token,
            stage,
            device_cookie,
        })
    }

    /// Pass the second factor of a pending login. The attempt is taken from
    /// the account's budget first; success rotates the pending session into
    /// a full one and returns its token. A code that matched goes to the
    /// store as one commit: budget, the code spent, the session rotated and
    /// the step's events (`Store::pass_second_factor`).
    pub async fn second_factor(
        &self,
        pending: &PendingLogin,
        input: SecondFactorInput,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let kind = input.clone();
        let out = self.second_factor_step(pending, input, client).await;
        metrics::second_factor(&kind, &out);
        out
    }

    async fn second_factor_step(
        &self,
        pending: &PendingLogin,
        input: SecondFactorInput,
        client: &ClientInfo,
    ) -> AuthResult<SessionToken> {
        let user_id = pending.user_id;
        let candidate = self.candidate(user_id, input).await?;
        let Some(proof) = candidate.proof() else {
            // Nothing to spend: the attempt costs its budget all the same.
            self.take_second_factor_budget(user_id, client).await?;
            return Err(self.refused(user_id, client, &candidate).await);
        };
        let events = [EventKind::SignIn(candidate.method())];
        // Signed in with a second factor just now: inside the step-up window.
        let now = self.now();
        let amr = match candidate.method() {
            SignInMethod::BackupCode => "pwd,backup",
            _ => "pwd,otp",
        };
        let (token, session) = self.new_session(user_id, Stage::Full, client, Some(now), amr)?;
        let key = Self::second_factor_key(user_id);
        let step = SecondFactorStep {
            budget: Self::second_factor_budget(&key),
            proof,
            pending: &pending.token_hash,
            session: &session,
            events: &events,
        };
        match self.store.pass_second_factor(&step).await? {
            StepOutcome::Passed { .. } => Ok(token),
            StepOutcome::Throttled { retry_after } => {
                Err(self.locked(user_id, client, retry_after).await)
            }
            StepOutcome::Refused => Err(self.refused(user_id, client, &candidate).await),
            StepOutcome::PendingGone => Err(AuthError::Unauthenticated),
        }
    }

    /// Budget, then verify and spend a TOTP or backup code against the
    /// confirmed device (for steps other than the login's, which is one
    /// commit); a code that passes gives its budget back. After a backup
    /// code, returns how many are left; its event is left to the caller.
    pub(crate) async fn check_second_factor(
        &self,
        user_id: UserId,
        input: SecondFactorInput,
        client: &ClientInfo,
    ) -> AuthResult<Option<i64>> {
        let kind = input.clone();
        let out = self.check_and_spend(user_id, input, client).await;
        metrics::second_factor(&kind, &out);
        out
    }

    async fn check_and_spend(
        &self,
        user_id: UserId,
        input: SecondFactorInput,
        client: &ClientInfo,
    ) -> AuthResult<Option<i64>> {
        let candidate = self.candidate(user_id, input).await?;
        self.take_second_factor_budget(user_id, client).await?;
        let spent = match &candidate {
            Candidate::Step { device_id, step } => {
                self.store.accept_step(*device_id, *step).await?
            }
            Candidate::BackupCode { hash } => {
                self.store
                    .spend_backup_code(user_id, hash, self.now())
                    .await?
            }
            Candidate::Replayed | Candidate::Wrong => false,
        };
        if !spent {
            return Err(self.refused(user_id, client, &candidate).await);
        }
        // Only failures cost.
        let key = Self::second_factor_key(user_id);
        self.store
            .refund_budget(Self::second_factor_budget(&key))
            .await?;
        Ok(match candidate {
            Candidate::BackupCode { .. } => Some(self.store.backup_codes_remaining(user_id).await?),
            _ => None,
        })
    }

    /// What a typed second factor is, before anything is spent: the TOTP
    /// step it matches on the confirmed device (past the last accepted one),
    /// or a backup code's keyed hash.
    async fn candidate(&self, user_id: UserId, input: SecondFactorInput) -> AuthResult<Candidate> {
        match input {
            SecondFactorInput::Code(code) => {
                let Ok(code) = normalize_code(&code) else {
                    return Ok(Candidate::Wrong);
                };
                let code = Zeroizing::new(code);
                // A passkey-only account has no app: its code is just wrong
                // (and costs like one), not a different answer.
                let Some(device) = self.store.confirmed_device(user_id).await? else {
                    return Ok(Candidate::Wrong);
                };
                let secret = self.open_secret(&device)?;
                let totp = Totp::new(&secret, Params::default());
                let last = device.last_step.and_then(|s| u64::try_from(s).ok());
                Ok(
                    match totp.verify_after(&code, self.totp_now()?, TOTP_WINDOW, last) {
                        Verdict::Accepted { step } => Candidate::Step {
                            device_id: device.id,
                            step: i64::try_from(step)
                                .map_err(|_| AuthError::bug("TOTP step overflow"))?,
                        },
                        Verdict::Replayed { .. } => Candidate::Replayed,
                        Verdict::Rejected => Candidate::Wrong,
                    },
                )
            }
            SecondFactorInput::BackupCode(code) => Ok(match BackupCode::parse(&code) {
                Ok(code) => Candidate::BackupCode {
                    hash: self.keys().backup_code_hash(code.as_str()),
                },
                Err(_) => Candidate::Wrong,
            }),
        }
    }

    /// Take one attempt from the account's second-factor budget; an empty
    /// one is recorded as a lock-out.
    pub(crate) async fn take_second_factor_budget(
        &self,
        user_id: UserId,
        client: &ClientInfo,
    ) -> AuthResult<()> {
        let key = Self::second_factor_key(user_id);
        match self
            .take(&key, SECOND_FACTOR_BURST, SECOND_FACTOR_INTERVAL)
            .await
        {
            Err(AuthError::Throttled { retry_after }) => {
                Err(self.locked(user_id, client, retry_after).await)
            }
            other => other,
        }
    }

    /// The account's second-factor budget is empty: record the lock-out
    /// (once per lock-out is enough for the activity list).
    async fn locked(&self, user_id: UserId, client: &ClientInfo, retry_after: i64) -> AuthError {
        let recorded = async {
            let last = self.store.events(user_id, 1).await?;
            if last
                .first()
                .is_none_or(|ev| ev.kind != EventKind::SecondFactorLocked)
            {
                self.event(user_id, EventKind::SecondFactorLocked, client)
                    .await?;
            }
            AuthResult::Ok(())
        };
        match recorded.await {
            Ok(()) => AuthError::Throttled {
                retry_after: retry_after.max(1),
            },
            Err(e) => e,
        }
    }

    /// A second factor that did not pass, after its budget was taken:
    /// record why and say it.
    async fn refused(
        &self,
        user_id: UserId,
        client: &ClientInfo,
        candidate: &Candidate,
    ) -> AuthError {
        let (kind, error) = match candidate {
            // Matched a step another request (maybe on another node) used first.
            Candidate::Step { .. } | Candidate::Replayed => {
                (EventKind::CodeReplayRefused, AuthError::CodeReused)
            }
            Candidate::BackupCode { .. } | Candidate::Wrong => {
                (EventKind::SecondFactorFailed, AuthError::WrongCode)
            }
        };
        match self.event(user_id, kind, client).await {
            Ok(()) => error,
            Err(e) => e,
        }
    }
}
