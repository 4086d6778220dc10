//! Plain-words formatting for the pages: times, browsers, event kinds, and
//! the `data:` URL behind "Download as .txt".

use deadbolt_auth::{EventKind, IssuedBackupCode, PasswordContext, SignInMethod};

use crate::i18n::{Arg, t, ta};

/// Unix seconds as a date and minute in the request's language
/// (`30 November 2026, 04:12 UTC`).
pub fn utc_minute(unix: i64) -> String {
    crate::i18n::date_time(unix)
}

/// A browser (its User-Agent) in the request's language: "Chrome on Linux".
pub fn browser_and_device(user_agent: &str) -> String {
    use deadbolt_auth::mail::Browser;
    match deadbolt_auth::browser_name(user_agent) {
        Browser::On { browser, system } => ta(
            "browser-on",
            &[
                ("browser", Arg::Text(browser.to_owned())),
                ("system", Arg::Text(system.to_owned())),
            ],
        ),
        Browser::Named(name) => name.to_owned(),
        Browser::OnSystem(system) => ta(
            "browser-on-system",
            &[("system", Arg::Text(system.to_owned()))],
        ),
        Browser::Unknown => crate::i18n::t("browser-unknown"),
        Browser::Other { text, truncated } => {
            if truncated {
                format!("{text}…")
            } else {
                text.to_owned()
            }
        }
    }
}

/// A security event in plain words, in the request's language.
pub fn event_words(kind: &EventKind) -> String {
    let key = match kind {
        EventKind::SignedUp => "event-signed-up",
        EventKind::SignIn(SignInMethod::AuthenticatorCode) => "event-sign-in-app-code",
        EventKind::SignIn(SignInMethod::BackupCode) => "event-sign-in-backup-code",
        EventKind::SignIn(SignInMethod::Password) => "event-sign-in-password",
        EventKind::SignInFailed(PasswordContext::Settings) => "event-wrong-password-settings",
        EventKind::SignInFailed(PasswordContext::Login) => "event-wrong-password-login",
        EventKind::SecondFactorFailed => "event-wrong-code",
        EventKind::SecondFactorLocked => "event-code-entry-paused",
        EventKind::CodeReplayRefused => "event-code-replay-refused",
        EventKind::TwoFactorEnabled => "event-two-factor-on",
        EventKind::TwoFactorDisabled => "event-two-factor-off",
        EventKind::AuthenticatorRemoved => "event-app-removed-keys-remain",
        EventKind::TwoFactorResetByOperator => "event-two-factor-reset",
        EventKind::BackupCodesGenerated { .. } => "event-backup-codes-generated",
        EventKind::BackupCodeUsed { left } => {
            return ta("event-backup-code-used", &[("count", Arg::Number(*left))]);
        }
        EventKind::PasswordChanged => "event-password-changed",
        EventKind::PasswordReset => "event-password-reset",
        EventKind::EmailChanged { to } => {
            return ta("event-email-changed", &[("address", Arg::Text(to.clone()))]);
        }
        EventKind::NewBrowserSignIn => "event-new-browser",
        EventKind::MailUndeliverable => "event-mail-undeliverable",
        EventKind::PasskeyAdded { .. } => "event-passkey-added",
        EventKind::PasskeyRemoved { .. } => "event-passkey-removed",
        EventKind::PasskeyUsed { .. } => "event-passkey-used",
        EventKind::PasskeyCounterRegressed { .. } => "event-passkey-counter-regressed",
        EventKind::GroupAdded { group } => {
            return ta("event-group-added", &[("group", Arg::Text(group.clone()))]);
        }
        EventKind::GroupRemoved { group } => {
            return ta(
                "event-group-removed",
                &[("group", Arg::Text(group.clone()))],
            );
        }
        EventKind::AccountDisabled => "event-account-disabled",
        EventKind::AccountEnabled => "event-account-enabled",
        other => return capitalised_words(other.name()),
    };
    t(key)
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
/// the download cannot be a second request to the server. Its words are in
/// the request's language.
pub fn backup_codes_data_url(
    username: &str,
    generated: &str,
    codes: &[IssuedBackupCode],
) -> IssuedBackupCode {
    let mut text = format!(
        "{}\n{}\n\n",
        ta(
            "codes-print-heading",
            &[("name", Arg::Text(username.to_owned()))]
        ),
        ta(
            "codes-generated",
            &[("when", Arg::Text(generated.to_owned()))]
        ),
    );
    for (i, code) in codes.iter().enumerate() {
        text.push_str(&format!("{:>2}. {}\n", i + 1, code.expose()));
    }
    text.push_str(&format!(
        "\n{}\n{}\n",
        t("codes-file-each-once"),
        t("codes-file-keep-safe")
    ));
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
        assert_eq!(utc_minute(1_700_000_000), "14 November 2023, 22:13 UTC");
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
