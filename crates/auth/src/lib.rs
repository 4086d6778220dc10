//! Deadbolt's rules, with no HTTP and no SQL in them.
//!
//! [`Auth`] is the one service the HTML pages, the JSON API and the
//! operator's commands call: sign-up and the password step, the second
//! factor, the authenticator app's set-up, backup codes, sessions and the
//! operator's recovery path, one file per flow. Its inputs are plain types
//! ([`ClientInfo`], [`PendingLogin`], typed secrets); state that must hold
//! across requests and nodes goes through the store's atomic operations;
//! time comes from the injected [`Clock`].
//!
//! Email flows too: the verified address (`email`), the password reset
//! that never weakens 2FA (`reset`) and the outbox worker that sends every
//! letter (`outbox`; the letters and SMTP are `deadbolt-mail`'s).
//!
//! Also here: the [`Keyring`] (AEAD for TOTP secrets at rest, the pepper for
//! backup-code hashes and device cookies, session tokens), the password
//! policy and the Argon2id [`Hasher`], and the secret types of [`secret`],
//! which never print themselves.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod access;
mod account;
mod admin;
mod backup_codes;
mod client;
mod clock;
mod config;
mod email;
mod enrol;
mod error;
mod key_check;
pub mod keys;
mod login;
pub mod metrics;
pub mod oidc;
mod outbox;
mod passkeys;
pub mod password;
mod reset;
pub mod return_url;
pub mod secret;
mod service;
mod sessions;
mod setup;
mod step_up;

pub use access::{AccessRules, Decision, Identity};
pub use admin::OPERATOR;
pub use client::{ClientInfo, browser_and_device, browser_name};
pub use clock::{Clock, FakeClock, SystemClock};
pub use config::{Argon2Params, AuthConfig, MailConfig};
/// The mail crate (addresses, letters, SMTP), for the binary and the tests.
pub use deadbolt_mail as mail;
/// The store's records the callers of [`Auth`] see (re-exported so that the
/// HTTP layer needs no store dependency of its own).
pub use deadbolt_store::{
    Event, EventKind, PasswordContext, SignInMethod, Stage, Store, User, UserId, UserSummary,
};
pub use email::VERIFY_TOKEN_SECS;
pub use enrol::ENROL_TOKEN_SECS;
pub use error::{AuthError, AuthResult, InternalError, report};
pub use key_check::KeyMismatch;
pub use keys::{KeyError, Keyring, token_hash};
pub use login::{LoginOutcome, PendingLogin, SecondFactorInput};
pub use outbox::{GIVE_UP_SECS, MailStatus, SEND_TIMEOUT, retry_delay};
pub use passkeys::{CEREMONY_SECS, PASSKEY_NAME_MAX, PasskeyInfo, PasswordlessStart};
pub use password::Hasher;
pub use reset::{RESET_TOKEN_SECS, ResetInfo, ResetRequest};
pub use secret::{DeviceCookie, IssuedBackupCode, MailToken, SessionToken, SetupSecret};
pub use service::{
    Auth, PASSWORD_DEVICE_BURST, PASSWORD_DEVICE_INTERVAL, PASSWORD_IP_BURST, PASSWORD_IP_INTERVAL,
    PASSWORD_USER_BURST, PASSWORD_USER_INTERVAL, SECOND_FACTOR_BURST, SECOND_FACTOR_INTERVAL,
    TOTP_WINDOW,
};
pub use sessions::{SecurityOverview, SessionInfo, SessionListItem};
pub use setup::{SetupInfo, TwoFactorAfter};
