//! The rules' one error type. Every variant but [`AuthError::Internal`] is
//! something the user did and may be told; an internal error keeps its
//! source chain for the log and is shown as a calm sentence.

pub use deadbolt_store::report;
use deadbolt_store::{Constraint, StoreError};

use crate::keys::KeyError;
use crate::password::HashError;

/// Everything that can go wrong in an authentication operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// Unknown user or wrong password (deliberately indistinguishable).
    #[error("The username or password is incorrect.")]
    InvalidCredentials,
    /// A signed-in user re-entered a wrong password (setup, disable, ...).
    #[error("The password is incorrect.")]
    WrongPassword,
    /// The username is taken (after case folding and normalisation).
    #[error("This username is already taken.")]
    UsernameTaken,
    /// An input is malformed or breaks a policy; `message` is for the form.
    #[error("{message}")]
    Invalid {
        /// The form field at fault.
        field: &'static str,
        /// Plain words for the user.
        message: String,
    },
    /// The one-time code or backup code is wrong.
    #[error("That code is not correct. Check your authenticator app and try again.")]
    WrongCode,
    /// The code is right but its time step was already used.
    #[error("That code has already been used. Wait for the next code in your app.")]
    CodeReused,
    /// Too many attempts; retry after this many seconds.
    #[error("Too many attempts. Try again in {} minute(s).", ((retry_after + 59) / 60).max(1))]
    Throttled {
        /// Seconds until the next attempt is allowed.
        retry_after: i64,
    },
    /// No two-factor setup is waiting for confirmation.
    #[error("There is no two-factor setup to confirm. Start the setup again.")]
    NoPendingSetup,
    /// The set-up waited too long for its confirmation code.
    #[error("This set-up expired after 15 minutes without a code. Start the set-up again.")]
    SetupExpired,
    /// A change to the account's factors needs a second factor first (the
    /// step-up window has passed).
    #[error(
        "To confirm this change, also enter a code from your authenticator app (or a backup code)."
    )]
    StepUpRequired,
    /// The operation needs 2FA enabled.
    #[error("Two-factor authentication is not enabled.")]
    TwoFactorNotEnabled,
    /// Email is not set up on this server (no `--smtp-url`).
    #[error(
        "Email is not set up on this server, so this cannot be done by email. Ask the people who run it."
    )]
    EmailNotConfigured,
    /// A mailed link's token is unknown, used, expired or malformed.
    #[error("This link is not valid: it may have expired or been used already. Ask for a new one.")]
    InvalidToken,
    /// Another account verified this address first.
    #[error("Another account uses this email address.")]
    EmailTaken,
    /// A password reset for an account with 2FA needs a second factor.
    #[error(
        "This account has two-factor authentication: also enter a code from your authenticator app or a backup code."
    )]
    SecondFactorRequired,
    /// A passkey's answer did not verify (unknown key, another account's,
    /// a wrong signature, origin or RP id, no user verification, or a
    /// counter that went backwards).
    #[error("This passkey or security key was not accepted.")]
    PasskeyRefused,
    /// The passkey ceremony's state is gone (used, expired, or started by
    /// another session).
    #[error("This passkey request expired or was already used. Try again.")]
    PasskeyCeremonyGone,
    /// The account has no passkey to sign in with.
    #[error("No passkey or security key is registered for this account.")]
    NoPasskey,
    /// No relying party could be built from the public URL.
    #[error(
        "Passkeys are not available on this server (its public URL has no host a browser accepts)."
    )]
    PasskeysUnavailable,
    /// No (valid) session.
    #[error("You are not signed in.")]
    Unauthenticated,
    /// The thing to act on does not exist (a session to revoke, a user).
    #[error("Not found.")]
    NotFound,
    /// An operator disabled the account (said only after the right password).
    #[error("This account is disabled. Ask the people who run this service.")]
    AccountDisabled,
    /// Sign-up is closed on this server (`serve --signup closed`).
    #[error("Sign-up is closed on this server: ask the people who run it for an invitation link.")]
    SignupClosed,
    /// A server-side failure; the detail (its source chain) is logged, never shown.
    #[error("internal error")]
    Internal(#[source] InternalError),
}

/// What failed inside, with its source kept.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InternalError {
    /// The store failed.
    #[error("store")]
    Store(#[source] StoreError),
    /// A key operation failed (a sealed secret that does not open, ...).
    #[error("keys")]
    Keys(#[source] KeyError),
    /// Password hashing failed.
    #[error("password hashing")]
    Hash(#[source] HashError),
    /// An invariant of our own did not hold.
    #[error("{0}")]
    Bug(&'static str),
}

impl AuthError {
    /// An internal error for an invariant of our own.
    pub(crate) fn bug(what: &'static str) -> Self {
        AuthError::Internal(InternalError::Bug(what))
    }
}

impl From<StoreError> for AuthError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(Constraint::Username) => AuthError::UsernameTaken,
            StoreError::Conflict(Constraint::Email) => AuthError::EmailTaken,
            other => AuthError::Internal(InternalError::Store(other)),
        }
    }
}

impl From<HashError> for AuthError {
    fn from(e: HashError) -> Self {
        AuthError::Internal(InternalError::Hash(e))
    }
}

impl From<KeyError> for AuthError {
    fn from(e: KeyError) -> Self {
        AuthError::Internal(InternalError::Keys(e))
    }
}

/// Result alias.
pub type AuthResult<T> = Result<T, AuthError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_keep_their_source_chain() {
        let e = AuthError::from(KeyError::UnknownKey(7));
        assert_eq!(
            report(&e),
            "internal error: keys: sealed with unknown key id 7"
        );
        let e = AuthError::from(StoreError::Conflict(Constraint::Username));
        assert!(matches!(e, AuthError::UsernameTaken));
    }
}
