//! Plain-words formatting for the pages: times, browsers, event kinds, and
//! the `data:` URL behind "Download as .txt".

use deadbolt_auth::{EventKind, IssuedBackupCode, PasswordContext, SignInMethod};

use crate::util::rfc3339;

/// Unix seconds as `2026-11-30 04:12 UTC`.
pub fn utc_minute(unix: i64) -> String {
    let iso = rfc3339(unix);
    // `YYYY-MM-DDTHH:MM:SSZ`: keep the date and the minute.
    format!("{} {} UTC", &iso[..10], &iso[11..16])
}

/// A User-Agent header in a few words: "Chrome on Linux", "Safari on iPhone".
/// Unknown clients keep a short, truncated form of what they sent.
pub fn browser_and_device(user_agent: &str) -> String {
    let ua = user_agent;
    let browser = if ua.contains("Edg/") {
        Some("Edge")
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        Some("Opera")
    } else if ua.contains("Firefox/") || ua.contains("FxiOS/") {
        Some("Firefox")
    } else if ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/") {
        Some("Chrome")
    } else if ua.contains("Safari/") {
        Some("Safari")
    } else if ua.starts_with("curl/") {
        Some("curl")
    } else {
        None
    };
    let system = if ua.contains("iPhone") {
        Some("iPhone")
    } else if ua.contains("iPad") {
        Some("iPad")
    } else if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("macOS")
    } else if ua.contains("CrOS") {
        Some("ChromeOS")
    } else if ua.contains("Linux") {
        Some("Linux")
    } else {
        None
    };
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => format!("A browser on {s}"),
        (None, None) if ua.trim().is_empty() => "Unknown browser".to_owned(),
        (None, None) => {
            let short: String = ua.chars().take(40).collect();
            if short.len() < ua.len() {
                format!("{short}…")
            } else {
                short
            }
        }
    }
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
    fn browsers_in_plain_words() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert_eq!(browser_and_device(chrome), "Chrome on Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(browser_and_device(iphone), "Safari on iPhone");
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
        assert_eq!(browser_and_device(firefox), "Firefox on Windows");
        assert_eq!(browser_and_device(""), "Unknown browser");
        assert_eq!(browser_and_device("deadbolt-test"), "deadbolt-test");
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
