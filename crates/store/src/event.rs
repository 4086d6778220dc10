//! Security events as data: what happened ([`EventKind`], with its typed
//! details) and when and from where ([`Event`]).
//!
//! The database keeps two text columns, `kind` (the snake_case name) and
//! `detail` (a short note); this module is the only place that writes or
//! reads them, so the layers above pass and match typed values. Rows written
//! by a newer Deadbolt come back as [`EventKind::Other`].

/// How a sign-in was completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMethod {
    /// The password alone (no second factor on the account).
    Password,
    /// Password, then a code from the authenticator app.
    AuthenticatorCode,
    /// Password, then a backup code.
    BackupCode,
}

/// Where a wrong password was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordContext {
    /// On the login page or `POST /api/v1/login`.
    Login,
    /// When confirming a settings change (set-up, disable, new codes, new password).
    Settings,
}

/// What happened to an account. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// The account was created.
    SignedUp,
    /// A sign-in completed.
    SignIn(SignInMethod),
    /// A wrong password.
    SignInFailed(PasswordContext),
    /// A wrong one-time or backup code.
    SecondFactorFailed,
    /// The second-factor budget ran out: code entry is paused.
    SecondFactorLocked,
    /// A code whose time step was already used was refused.
    CodeReplayRefused,
    /// A new authenticator device was confirmed; other sessions ended.
    TwoFactorEnabled,
    /// 2FA was turned off; other sessions ended.
    TwoFactorDisabled,
    /// The authenticator app was removed while passkeys keep 2FA on (the
    /// backup codes stay); other sessions ended.
    AuthenticatorRemoved,
    /// An operator removed the device and backup codes.
    TwoFactorResetByOperator,
    /// A new set of backup codes replaced the old one.
    BackupCodesGenerated {
        /// How many codes the set has.
        count: u32,
    },
    /// A backup code was spent.
    BackupCodeUsed {
        /// Unspent codes after this one.
        left: i64,
    },
    /// The password was changed; other sessions ended.
    PasswordChanged,
    /// The password was reset through a mailed link; every session ended.
    PasswordReset,
    /// The verified address changed (the detail is the new address).
    EmailChanged {
        /// The new address.
        to: String,
    },
    /// A sign-in from a browser with no device cookie for this account.
    NewBrowserSignIn,
    /// A mail to the user could not be delivered and was given up on.
    MailUndeliverable,
    /// A passkey or security key was registered (the detail is its name).
    PasskeyAdded {
        /// The name the user gave it.
        name: String,
    },
    /// A passkey was removed (the detail is its name).
    PasskeyRemoved {
        /// Its name.
        name: String,
    },
    /// A sign-in (passwordless, or as the second factor) with a passkey.
    PasskeyUsed {
        /// Its name.
        name: String,
    },
    /// A key's signature counter did not move forward (a cloned
    /// authenticator, or a replayed assertion): the sign-in was refused.
    PasskeyCounterRegressed {
        /// Its name.
        name: String,
    },
    /// An operator added the user to a group (`deadbolt user group add`).
    GroupAdded {
        /// The group.
        group: String,
    },
    /// An operator removed the user from a group.
    GroupRemoved {
        /// The group.
        group: String,
    },
    /// An operator disabled the account (every session ended).
    AccountDisabled,
    /// An operator enabled the account again.
    AccountEnabled,
    /// A kind this version does not know (written by a newer one).
    Other {
        /// The stored kind.
        kind: String,
        /// The stored detail.
        detail: String,
    },
}

/// Which events send a security notice to the account's verified address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Always (a user cannot turn these off).
    Always,
    /// Only while the user keeps it on (`users.notify_new_browser`).
    UnlessTurnedOff,
}

impl EventKind {
    /// Whether (and how) this event sends a notice.
    pub fn notice(&self) -> Option<Notice> {
        match self {
            EventKind::TwoFactorEnabled
            | EventKind::TwoFactorDisabled
            | EventKind::AuthenticatorRemoved
            | EventKind::TwoFactorResetByOperator
            | EventKind::BackupCodesGenerated { .. }
            | EventKind::BackupCodeUsed { .. }
            | EventKind::PasswordChanged
            | EventKind::PasswordReset
            | EventKind::EmailChanged { .. }
            | EventKind::PasskeyAdded { .. } => Some(Notice::Always),
            EventKind::NewBrowserSignIn => Some(Notice::UnlessTurnedOff),
            _ => None,
        }
    }

    /// The snake_case name stored in `events.kind` and shown by the API.
    pub fn name(&self) -> &str {
        match self {
            EventKind::SignedUp => "signed_up",
            EventKind::SignIn(_) => "sign_in",
            EventKind::SignInFailed(_) => "sign_in_failed",
            EventKind::SecondFactorFailed => "second_factor_failed",
            EventKind::SecondFactorLocked => "second_factor_locked",
            EventKind::CodeReplayRefused => "code_replay_refused",
            EventKind::TwoFactorEnabled => "two_factor_enabled",
            EventKind::TwoFactorDisabled => "two_factor_disabled",
            EventKind::AuthenticatorRemoved => "authenticator_removed",
            EventKind::TwoFactorResetByOperator => "two_factor_reset_by_operator",
            EventKind::BackupCodesGenerated { .. } => "backup_codes_generated",
            EventKind::BackupCodeUsed { .. } => "backup_code_used",
            EventKind::PasswordChanged => "password_changed",
            EventKind::PasswordReset => "password_reset",
            EventKind::EmailChanged { .. } => "email_changed",
            EventKind::NewBrowserSignIn => "new_browser_sign_in",
            EventKind::MailUndeliverable => "mail_undeliverable",
            EventKind::PasskeyAdded { .. } => "passkey_added",
            EventKind::PasskeyRemoved { .. } => "passkey_removed",
            EventKind::PasskeyUsed { .. } => "passkey_used",
            EventKind::PasskeyCounterRegressed { .. } => "passkey_counter_regressed",
            EventKind::GroupAdded { .. } => "group_added",
            EventKind::GroupRemoved { .. } => "group_removed",
            EventKind::AccountDisabled => "account_disabled",
            EventKind::AccountEnabled => "account_enabled",
            EventKind::Other { kind, .. } => kind,
        }
    }

    /// The short note stored in `events.detail` (and shown by the API).
    pub fn detail(&self) -> String {
        let fixed = match self {
            EventKind::SignIn(SignInMethod::Password) => "password",
            EventKind::SignIn(SignInMethod::AuthenticatorCode) => "authenticator code",
            EventKind::SignIn(SignInMethod::BackupCode) => "backup code",
            EventKind::SignInFailed(PasswordContext::Login) => "wrong password",
            EventKind::SignInFailed(PasswordContext::Settings) => {
                "wrong password on a settings change"
            }
            EventKind::SecondFactorFailed => "wrong code",
            EventKind::SecondFactorLocked => "too many wrong codes",
            EventKind::CodeReplayRefused => "code already used",
            EventKind::TwoFactorEnabled
            | EventKind::TwoFactorDisabled
            | EventKind::AuthenticatorRemoved
            | EventKind::PasswordChanged => "other sessions signed out",
            EventKind::BackupCodesGenerated { count } => return format!("{count} codes"),
            EventKind::BackupCodeUsed { left } => return format!("{left} left"),
            EventKind::EmailChanged { to } => return to.clone(),
            EventKind::PasskeyAdded { name }
            | EventKind::PasskeyRemoved { name }
            | EventKind::PasskeyUsed { name }
            | EventKind::PasskeyCounterRegressed { name } => return name.clone(),
            EventKind::GroupAdded { group } | EventKind::GroupRemoved { group } => {
                return group.clone();
            }
            EventKind::AccountDisabled => "every session signed out",
            EventKind::AccountEnabled => "",
            EventKind::PasswordReset => "every session signed out",
            EventKind::NewBrowserSignIn | EventKind::MailUndeliverable => "",
            EventKind::Other { detail, .. } => return detail.clone(),
            EventKind::SignedUp | EventKind::TwoFactorResetByOperator => "",
        };
        fixed.to_owned()
    }

    /// Read the two stored columns back (the inverse of [`EventKind::name`]
    /// and [`EventKind::detail`]).
    pub fn from_stored(kind: &str, detail: &str) -> EventKind {
        let number = |suffix: &str| {
            detail
                .strip_suffix(suffix)
                .and_then(|n| n.parse::<i64>().ok())
        };
        match kind {
            "signed_up" => EventKind::SignedUp,
            "sign_in" => EventKind::SignIn(match detail {
                "authenticator code" => SignInMethod::AuthenticatorCode,
                "backup code" => SignInMethod::BackupCode,
                _ => SignInMethod::Password,
            }),
            "sign_in_failed" if detail.contains("settings") => {
                EventKind::SignInFailed(PasswordContext::Settings)
            }
            "sign_in_failed" => EventKind::SignInFailed(PasswordContext::Login),
            "second_factor_failed" => EventKind::SecondFactorFailed,
            "second_factor_locked" => EventKind::SecondFactorLocked,
            "code_replay_refused" => EventKind::CodeReplayRefused,
            "two_factor_enabled" => EventKind::TwoFactorEnabled,
            "two_factor_disabled" => EventKind::TwoFactorDisabled,
            "authenticator_removed" => EventKind::AuthenticatorRemoved,
            "two_factor_reset_by_operator" => EventKind::TwoFactorResetByOperator,
            "password_changed" => EventKind::PasswordChanged,
            "password_reset" => EventKind::PasswordReset,
            "email_changed" => EventKind::EmailChanged {
                to: detail.to_owned(),
            },
            "new_browser_sign_in" => EventKind::NewBrowserSignIn,
            "mail_undeliverable" => EventKind::MailUndeliverable,
            "passkey_added" => EventKind::PasskeyAdded {
                name: detail.to_owned(),
            },
            "passkey_removed" => EventKind::PasskeyRemoved {
                name: detail.to_owned(),
            },
            "passkey_used" => EventKind::PasskeyUsed {
                name: detail.to_owned(),
            },
            "passkey_counter_regressed" => EventKind::PasskeyCounterRegressed {
                name: detail.to_owned(),
            },
            "group_added" => EventKind::GroupAdded {
                group: detail.to_owned(),
            },
            "group_removed" => EventKind::GroupRemoved {
                group: detail.to_owned(),
            },
            "account_disabled" => EventKind::AccountDisabled,
            "account_enabled" => EventKind::AccountEnabled,
            "backup_codes_generated" => EventKind::BackupCodesGenerated {
                count: number(" codes")
                    .and_then(|n| u32::try_from(n).ok())
                    .unwrap_or(0),
            },
            "backup_code_used" => match number(" left") {
                Some(left) => EventKind::BackupCodeUsed { left },
                None => EventKind::Other {
                    kind: kind.to_owned(),
                    detail: detail.to_owned(),
                },
            },
            _ => EventKind::Other {
                kind: kind.to_owned(),
                detail: detail.to_owned(),
            },
        }
    }
}

/// A recorded security event, for the user's "recent security activity".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unix seconds.
    pub at: i64,
    /// What happened.
    pub kind: EventKind,
    /// Client address, as the server saw it.
    pub ip: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_written() {
        let kinds = [
            EventKind::SignedUp,
            EventKind::SignIn(SignInMethod::Password),
            EventKind::SignIn(SignInMethod::AuthenticatorCode),
            EventKind::SignIn(SignInMethod::BackupCode),
            EventKind::SignInFailed(PasswordContext::Login),
            EventKind::SignInFailed(PasswordContext::Settings),
            EventKind::SecondFactorFailed,
            EventKind::SecondFactorLocked,
            EventKind::CodeReplayRefused,
            EventKind::TwoFactorEnabled,
            EventKind::TwoFactorDisabled,
            EventKind::AuthenticatorRemoved,
            EventKind::TwoFactorResetByOperator,
            EventKind::BackupCodesGenerated { count: 10 },
            EventKind::BackupCodeUsed { left: 9 },
            EventKind::PasswordChanged,
            EventKind::PasswordReset,
            EventKind::EmailChanged {
                to: "new@example.com".into(),
            },
            EventKind::NewBrowserSignIn,
            EventKind::MailUndeliverable,
            EventKind::PasskeyAdded { name: "Key".into() },
            EventKind::PasskeyRemoved { name: "Key".into() },
            EventKind::PasskeyUsed { name: "Key".into() },
            EventKind::PasskeyCounterRegressed { name: "Key".into() },
            EventKind::Other {
                kind: "from_the_future".into(),
                detail: "x".into(),
            },
        ];
        for k in kinds {
            assert_eq!(EventKind::from_stored(k.name(), &k.detail()), k, "{k:?}");
        }
    }
}
