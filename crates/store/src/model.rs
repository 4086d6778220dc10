//! The records the store reads and writes. Times are unix seconds (`i64`),
//! always passed in by the caller.

use crate::event::EventKind;

/// A user's numeric id.
pub type UserId = i64;

/// An Argon2id PHC string. Not a password, but an offline-guessing target:
/// it never prints itself; [`PasswordHash::expose`] gives the text.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Wrap a PHC string.
    pub fn new(phc: String) -> Self {
        PasswordHash(phc)
    }
    /// The PHC string.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash([REDACTED])")
    }
}

/// A user account.
#[derive(Debug, Clone)]
pub struct User {
    /// Numeric id.
    pub id: UserId,
    /// The username as the user typed it (after NFKC), for display.
    pub username: String,
    /// The case-folded, normalised username: unique.
    pub username_key: String,
    /// The Argon2id PHC string.
    pub password_hash: PasswordHash,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// The verified email address, if any.
    pub email: Option<String>,
    /// Whether a sign-in from a browser not seen before sends a notice.
    pub notify_new_browser: bool,
    /// Whether an operator disabled the account (no sign-in, no session).
    pub disabled: bool,
    /// The language of the user's letters (`fr`); `None`: the server's
    /// default.
    pub language: Option<String>,
}

/// One line of `deadbolt user list`.
#[derive(Debug, Clone)]
pub struct UserSummary {
    /// Numeric id.
    pub id: UserId,
    /// Display username.
    pub username: String,
    /// Whether a confirmed TOTP device exists.
    pub two_factor_enabled: bool,
    /// Unspent backup codes.
    pub backup_codes_remaining: i64,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// The user's groups, sorted.
    pub groups: Vec<String>,
    /// Whether an operator disabled the account.
    pub disabled: bool,
}

/// A TOTP device (authenticator app). At most one confirmed and one pending
/// device exist per user.
#[derive(Debug, Clone)]
pub struct Device {
    /// Numeric id (part of the AEAD associated data).
    pub id: i64,
    /// Owner.
    pub user_id: UserId,
    /// The TOTP secret sealed with AEAD by the auth layer; opaque here
    /// (ciphertext: printing it reveals nothing without the keys).
    pub sealed_secret: Vec<u8>,
    /// Whether the device proved itself with a valid code.
    pub confirmed: bool,
    /// The last accepted TOTP step (`None` before the first use).
    pub last_step: Option<i64>,
    /// Creation time, unix seconds.
    pub created_at: i64,
}

/// How far a session got through the login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Password checked, second factor still owed: opens the code page only.
    Pending,
    /// Fully signed in.
    Full,
}

impl Stage {
    /// The INTEGER stored in the database.
    pub fn as_i64(self) -> i64 {
        match self {
            Stage::Pending => 0,
            Stage::Full => 1,
        }
    }
    /// Parse the stored INTEGER (unknown values read as `Pending`, the weaker stage).
    pub fn from_i64(v: i64) -> Self {
        if v == 1 { Stage::Full } else { Stage::Pending }
    }
}

/// A session row. The token itself is never stored: only its SHA-256, which
/// cannot be turned back into a cookie.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// SHA-256 of the session token.
    pub token_hash: Vec<u8>,
    /// The user it belongs to.
    pub user_id: UserId,
    /// Pending (second factor owed) or full.
    pub stage: Stage,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds (idle timeout).
    pub last_seen: i64,
    /// Absolute expiry, unix seconds.
    pub expires_at: i64,
    /// Browser / client description (User-Agent, truncated).
    pub user_agent: String,
    /// Client address as the server saw it.
    pub ip: String,
    /// When this session last passed a second factor (the step-up window);
    /// `None`: never.
    pub second_factor_at: Option<i64>,
    /// How it was signed in: RFC 8176 method names, comma-joined (`pwd`,
    /// `pwd,otp`, `pwd,backup`, `pwd,hwk`, `hwk`...), for the ID token's `amr`.
    pub amr: String,
}

/// What every authenticated request needs to know, read in one statement
/// ([`crate::Store::session_view`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    /// The user it belongs to.
    pub user_id: UserId,
    /// Pending (second factor owed) or full.
    pub stage: Stage,
    /// Creation time, unix seconds.
    pub created_at: i64,
    /// Last activity, unix seconds (idle timeout).
    pub last_seen: i64,
    /// Absolute expiry, unix seconds.
    pub expires_at: i64,
    /// The owner's display name.
    pub username: String,
    /// The owner's verified address, if any.
    pub email: Option<String>,
    /// Whether the owner has a confirmed TOTP device.
    pub two_factor_enabled: bool,
    /// Whether the owner has at least one passkey (a second factor too).
    pub has_passkey: bool,
    /// The owner's unspent backup codes.
    pub backup_codes_remaining: i64,
    /// When this session last passed a second factor; `None`: never.
    pub second_factor_at: Option<i64>,
    /// The owner's groups, sorted.
    pub groups: Vec<String>,
    /// The owner's stored language (`None`: the server's default).
    pub language: Option<String>,
}

/// A user to create.
#[derive(Debug, Clone, Copy)]
pub struct NewUser<'a> {
    /// The username as typed (after NFKC), for display.
    pub username: &'a str,
    /// The case-folded, normalised username: unique.
    pub username_key: &'a str,
    /// The Unicode confusable skeleton of the key: unique too.
    pub username_skeleton: &'a str,
    /// The Argon2id PHC string.
    pub password_hash: &'a PasswordHash,
    /// The language negotiated at sign-up (`None`: the server's default).
    pub language: Option<&'a str>,
}

/// Outcome of [`crate::Store::take_budget`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// One attempt was taken from the budget.
    Granted,
    /// The budget is empty; retry after this many seconds.
    Exhausted {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
}

/// A GCRA attempt budget: a burst of `burst` attempts, then one every
/// `interval` seconds, under the name `key`.
#[derive(Debug, Clone, Copy)]
pub struct BudgetSpec<'a> {
    /// The budget's name (e.g. `2fa:user:42`).
    pub key: &'a str,
    /// Attempts granted at once from a full budget.
    pub burst: i64,
    /// Seconds per refilled attempt.
    pub interval: i64,
}

/// What a second-factor step presents, checked and spent inside
/// [`crate::Store::pass_second_factor`].
#[derive(Debug, Clone, Copy)]
pub enum Proof<'a> {
    /// The TOTP step the typed code matched: accepted iff the device is
    /// confirmed and the step is later than its last accepted step.
    Step {
        /// The confirmed device.
        device_id: i64,
        /// The matched time step.
        step: i64,
    },
    /// The keyed hash of a typed backup code: accepted iff it is one of the
    /// user's unspent codes (then spent).
    BackupCode {
        /// The code's keyed hash, as stored.
        hash: &'a [u8],
    },
}

/// One second-factor step of a login, for [`crate::Store::pass_second_factor`].
#[derive(Debug)]
pub struct SecondFactorStep<'a> {
    /// The account's attempt budget, taken first as by [`crate::Store::take_budget`].
    pub budget: BudgetSpec<'a>,
    /// What the user presented.
    pub proof: Proof<'a>,
    /// The pending session the step ends (deleted on success; the step
    /// fails with [`StepOutcome::PendingGone`] if it is not there).
    pub pending: &'a [u8],
    /// The full session that replaces it (its `user_id`, `created_at` and
    /// `ip` also date and place the events, and `created_at` is "now").
    pub session: &'a SessionRecord,
    /// The events recorded on success, after the
    /// [`EventKind::BackupCodeUsed`] that spending a backup code records.
    pub events: &'a [EventKind],
}

/// Outcome of [`crate::Store::pass_second_factor`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome {
    /// The budget was empty: nothing else was checked or written.
    Throttled {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
    /// The budget was taken, but the proof did not hold (the step was used
    /// already, or the backup code is not an unspent one): nothing else changed.
    Refused,
    /// The pending login is no longer there (expired, signed out, or spent
    /// by another step): nothing was written.
    PendingGone,
    /// Proof spent (its budget given back: only failures cost), pending
    /// session replaced, events recorded.
    Passed {
        /// Unspent backup codes after this step, when it spent one.
        backup_codes_left: Option<i64>,
    },
}

/// Who a password reset is for: a username key or a verified address.
#[derive(Debug, Clone, Copy)]
pub enum ResetLookup<'a> {
    /// The normalised username.
    UsernameKey(&'a str),
    /// A verified address (lowercase).
    Email(&'a str),
}

/// A token mailed to the user, for [`crate::Store::request_password_reset`]
/// and [`crate::Store::request_email_change`].
#[derive(Debug, Clone, Copy)]
pub struct MailedToken<'a> {
    /// SHA-256 of the token (the token itself is never stored in clear).
    pub token_hash: &'a [u8],
    /// The token sealed for the mail (opened only by the worker that sends it).
    pub sealed: &'a [u8],
    /// Unix seconds.
    pub now: i64,
    /// When the token stops working.
    pub expires_at: i64,
    /// Who asked, for the mail.
    pub ip: &'a str,
    /// Their browser, for the mail.
    pub user_agent: &'a str,
}

/// A mail due for sending, claimed by one worker until `claimed_until`.
#[derive(Debug, Clone)]
pub struct OutboxMail {
    /// Row id (with `created_at` and the address, it makes the Message-ID).
    pub id: i64,
    /// The account it is about (if any).
    pub user_id: Option<UserId>,
    /// The recipient.
    pub to_address: String,
    /// What it is: an [`crate::EventKind`] name for a notice, or
    /// `verify_email` / `password_reset`.
    pub kind: String,
    /// The event's stored detail.
    pub detail: String,
    /// The client address the cause came from.
    pub ip: String,
    /// The client's browser.
    pub user_agent: String,
    /// A sealed token, for the mails that carry a link.
    pub sealed: Option<Vec<u8>>,
    /// When it was written (the event's time).
    pub created_at: i64,
    /// Attempts made before this one.
    pub attempts: i64,
    /// The language of the account it is about (read when claimed, so a
    /// change before the send counts); `None`: the server's default.
    pub language: Option<String>,
}

/// The outbox at one moment (for metrics and `/readyz`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxDepth {
    /// Mail waiting to be sent (due or backing off).
    pub waiting: i64,
    /// Mail given up on.
    pub given_up: i64,
}

/// A one-time enrolment link of `deadbolt user add`, for
/// [`crate::Store::create_enrolled_user`].
#[derive(Debug, Clone, Copy)]
pub struct EnrolmentToken<'a> {
    /// SHA-256 of the token (the token itself is never stored).
    pub token_hash: &'a [u8],
    /// Unix seconds.
    pub now: i64,
    /// When the link stops working.
    pub expires_at: i64,
}
