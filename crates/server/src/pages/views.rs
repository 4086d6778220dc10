//! The page templates (askama, `templates/`) and the small view types they
//! read. Nothing here knows about the 2FA rules: handlers fill these in from
//! the `Auth` service's answers.

use askama::Template;

use crate::i18n::filters;
use deadbolt_auth::{IssuedBackupCode, MailToken, SetupSecret};

/// Field-level error messages of one form, in display order. A message with
/// the field name `""` is about the whole form.
#[derive(Debug, Default)]
pub struct FormErrors(Vec<(&'static str, String)>);

impl FormErrors {
    /// No errors.
    pub fn none() -> Self {
        Self::default()
    }

    /// One error on `field` (`""` for the whole form).
    pub fn one(field: &'static str, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    /// Add an error on `field`; the first error of a field wins.
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        if self.get(field).is_none() {
            self.0.push((field, message.into()));
        }
    }

    /// The message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The message about the whole form, if any.
    pub fn general(&self) -> Option<&str> {
        self.get("")
    }

    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One row of the session list.
#[derive(Debug)]
pub struct SessionView {
    /// Opaque handle sent back by the Revoke button.
    pub id: String,
    /// "Firefox on Linux" and the like.
    pub device: String,
    /// Client address.
    pub ip: String,
    /// "2026-11-30 04:12 UTC".
    pub last_active: String,
    /// The session of the browser looking at the page.
    pub current: bool,
}

/// One row of the recent security activity.
#[derive(Debug)]
pub struct EventView {
    /// "2026-11-30 04:12 UTC".
    pub when: String,
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// The kind in plain words.
    pub what: String,
    /// Client address ("" if unknown).
    pub ip: String,
}

#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub username: String,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub username: String,
    pub next: String,
    pub notice: Option<String>,
    pub errors: FormErrors,
    /// Email is set up: offer the password reset.
    pub email_enabled: bool,
}

#[derive(Template)]
#[template(path = "login_2fa.html")]
pub struct SecondFactorPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub next: String,
    pub backup_open: bool,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub username: String,
    pub notice: Option<String>,
    pub two_factor: bool,
    pub backup_codes_remaining: i64,
}

#[derive(Template)]
#[template(path = "security.html")]
pub struct SecurityPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub notice: Option<String>,
    /// A second factor is on: the authenticator app or a passkey.
    pub two_factor: bool,
    /// The authenticator app is set up.
    pub authenticator_app: bool,
    /// How many passkeys and security keys (the factors line says so).
    pub passkey_count: usize,
    pub setup_in_progress: bool,
    pub backup_codes_remaining: i64,
    pub password_errors: FormErrors,
    pub disable_errors: FormErrors,
    pub disable_open: bool,
    pub backup_errors: FormErrors,
    /// The step-up window has passed: the forms for new codes and a new
    /// password also ask for a second factor.
    pub step_up: bool,
    /// Email is set up on this server.
    pub email_enabled: bool,
    /// The verified address.
    pub email: Option<String>,
    /// What the user typed in the address field (after a refusal).
    pub email_typed: String,
    pub email_errors: FormErrors,
    pub notify_new_browser: bool,
    pub sessions: Vec<SessionView>,
    pub events: Vec<EventView>,
    /// The user's passkeys and security keys.
    pub passkeys: Vec<super::passkeys::PasskeyView>,
    /// The applications the user allowed (OpenID Connect).
    pub applications: Vec<super::oidc::ConnectedApp>,
}

#[derive(Template)]
#[template(path = "two_factor_password.html")]
pub struct SetupPasswordPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub replacing: bool,
    /// The step-up window has passed: ask for a second factor too.
    pub step_up: bool,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "two_factor_setup.html")]
pub struct SetupPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub issuer: String,
    pub account: String,
    pub replacing: bool,
    /// The inline SVG document (its XML declaration dropped).
    pub qr_svg: SetupSecret,
    pub otpauth_uri: SetupSecret,
    pub grouped_secret: SetupSecret,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "two_factor_enabled.html")]
pub struct EnabledPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "backup_codes.html")]
pub struct BackupCodesPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub username: String,
    pub generated: String,
    pub just_enabled: bool,
    pub codes: Vec<IssuedBackupCode>,
    /// A `data:` URL holding the codes.
    pub download_href: IssuedBackupCode,
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub title: String,
    pub message: String,
    pub link_href: &'static str,
    pub link_text: String,
}

#[derive(Template)]
#[template(path = "password_reset.html")]
pub struct PasswordResetPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub email_enabled: bool,
    /// The request went out (the same page whether or not an account matched).
    pub sent: bool,
    pub who: String,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "password_reset_confirm.html")]
pub struct ResetConfirmPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    /// The link is live: show the form.
    pub valid: bool,
    pub token: MailToken,
    /// Ask for a code or a backup code too.
    pub two_factor: bool,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "verify_email.html")]
pub struct VerifyEmailPage {
    pub signed_in: Option<String>,
    pub section: &'static str,
    pub valid: bool,
    pub token: MailToken,
    pub done: Option<String>,
    pub errors: FormErrors,
}
