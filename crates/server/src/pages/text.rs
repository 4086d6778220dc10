//! Plain-words formatting for the pages: times, browsers, event kinds, and
//! the `data:` URL behind "Download as .txt".

pub use deadbolt_auth::browser_and_device;
use deadbolt_auth::{EventKind, IssuedBackupCode, PasswordContext, SignInMethod};

use crate::util::rfc3339;

/// Unix seconds as `2026-11-30 04:12 UTC`.
pub fn utc_minute(unix: i64) -> String {
    let iso = rfc3339(unix);
    // `YYYY-MM-DDTHH:MM:SSZ`: keep the date and the minute.
    format!("{} {} UTC", &iso[..10], &iso[11..16])
}

/// A security event in plain words.
pub fn event_words(kind: &EventKind) -> String {
    let words = match kind {
        EventKind::SignedUp => "Account created",
        EventKind::SignIn(SignInMethod::AuthenticatorCode) => {
            "Signed in with password and authenticator code"
        }
        EventKind::SignIn(SignInMethod::BackupCode) => "Signed in with password and a backup code",
        EventKind::SignIn(SignInMethod::Password) => "Signed in with password",
        EventKind::SignInFailed(PasswordContext::Settings) => {
            "Wrong password entered in the security settings"
        }
        EventKind::SignInFailed(PasswordContext::Login) => "Failed sign-in: wrong password",
        EventKind::SecondFactorFailed => "Wrong two-factor code entered",
        EventKind::SecondFactorLocked => "Too many wrong codes: code entry paused",
        EventKind::CodeReplayRefused => "A code that was already used was refused",
        EventKind::TwoFactorEnabled => "Two factor authentication turned on",
        EventKind::TwoFactorDisabled => "Two factor authentication turned off",
        EventKind::TwoFactorResetByOperator => {
            "Two factor authentication removed by an administrator"
        }
        EventKind::BackupCodesGenerated { .. } => "New backup codes generated",
        EventKind::BackupCodeUsed { left } => return format!("Backup code used ({left} left)"),
        EventKind::PasswordChanged => "Password changed",
        EventKind::PasswordReset => "Password reset by email",
        EventKind::EmailChanged { to } => return format!("Email address changed to {to}"),
        EventKind::NewBrowserSignIn => "Sign-in from a browser not seen before",
        EventKind::MailUndeliverable => "An email to you could not be delivered",
        EventKind::GroupAdded { group } => {
            return format!("Added to the group {group} by an administrator");
        }
        EventKind::GroupRemoved { group } => {
            return format!("Removed from the group {group} by an administrator");
        }
        EventKind::AccountDisabled => "Account disabled by an administrator",
        EventKind::AccountEnabled => "Account enabled again by an administrator",
        other => return capitalised_words(other.name()),
    };
    words.to_owned()
}

fn capitalised_words(kind: &str) -> String {
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text file of a fresh set of backup codes, as a `data:` URL for a link
/// with the `download` attribute: the codes are never stored in clear, so
/// the download cannot be a second request to the server.
pub fn backup_codes_data_url(
    username: &str,
    generated: &str,
    codes: &[IssuedBackupCode],
) -> IssuedBackupCode {
    let mut text = format!("Deadbolt backup codes for {username}\nGenerated {generated}\n\n");
    for (i, code) in codes.iter().enumerate() {
        text.push_str(&format!("{:>2}. {}\n", i + 1, code.expose()));
    }
    text.push_str(
        "\nEach code lets you log in once if you lose access to your authenticator app.\n\
         Generating new codes invalidates these ones. Keep this file somewhere safe.\n",
    );
    IssuedBackupCode::new(format!(
        "data:text/plain;charset=utf-8,{}",
        percent_encode(&text)
    ))
}

/// Percent-encode everything but RFC 3986 unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minute_precision_utc() {
        assert_eq!(utc_minute(1_700_000_000), "2023-11-14 22:13 UTC");
    }

    #[test]
    fn unknown_event_kinds_still_read_as_words() {
        assert_eq!(
            event_words(&EventKind::TwoFactorEnabled),
            "Two factor authentication turned on"
        );
        assert_eq!(
            event_words(&EventKind::BackupCodeUsed { left: 9 }),
            "Backup code used (9 left)"
        );
        assert_eq!(
            event_words(&EventKind::from_stored("something_new", "")),
            "Something new"
        );
    }

    #[test]
    fn data_url_decodes_to_the_codes() {
        let codes: Vec<IssuedBackupCode> = (0..10)
            .map(|i| IssuedBackupCode::new(format!("abcde-fgh{i}j")))
            .collect();
        let url = backup_codes_data_url("al ice", "2026-11-30 04:12 UTC", &codes);
        let body = url
            .expose()
            .strip_prefix("data:text/plain;charset=utf-8,")
            .unwrap();
        assert!(!body.contains(' ') && !body.contains('\n') && !body.contains('"'));
        assert!(body.contains("abcde-fgh9j"));
        assert!(body.contains("al%20ice"));
    }
}
