//! What each letter says, as a text part and an HTML part made from the
//! same words (`templates/letter.txt`, `templates/letter.html`; askama
//! escapes everything the HTML part is given, so a browser name or an
//! address cannot add markup).
//!
//! A letter names the service (the issuer), the time of the event, the
//! client address and browser it came from, and what to do if it was not
//! the reader. It never carries a secret, a code or a session token; the
//! two letters with a link carry their single-use token in it, and only
//! they do.

use askama::Template;

/// What a letter is about.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// The link that verifies a new address (sent to that address).
    VerifyEmail {
        /// `https://.../verify-email?token=...`.
        link: &'a str,
    },
    /// The link that resets a forgotten password.
    PasswordReset {
        /// `https://.../password-reset/confirm?token=...`.
        link: &'a str,
    },
    /// A security notice for an event (its stored kind and detail).
    Notice {
        /// The event's snake_case kind.
        kind: &'a str,
        /// The event's stored detail (`9 left`, the new address, ...).
        detail: &'a str,
    },
    /// `deadbolt mail test`.
    Test,
}

/// Who and what a letter is about, beyond its content.
#[derive(Debug, Clone, Copy)]
pub struct LetterContext<'a> {
    /// The service's name as users know it (`--issuer`).
    pub issuer: &'a str,
    /// When it happened (unix seconds).
    pub at: i64,
    /// The client address it came from.
    pub ip: &'a str,
    /// The client's browser (User-Agent).
    pub browser: &'a str,
    /// Where the user reviews their account (the security page).
    pub security_url: &'a str,
}

/// A rendered letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The subject line (no line breaks).
    pub subject: String,
    /// The text/plain part.
    pub text: String,
    /// The text/html part.
    pub html: String,
}

struct Link {
    label: String,
    url: String,
}

/// What both parts of a letter say.
struct Words<'a> {
    subject: &'a str,
    paragraphs: &'a [String],
    link: &'a Option<Link>,
    details: &'a [(String, String)],
    closing: &'a str,
    issuer: &'a str,
}

#[derive(Template)]
#[template(path = "letter.txt")]
struct TextPart<'a> {
    l: &'a Words<'a>,
}

#[derive(Template)]
#[template(path = "letter.html")]
struct HtmlPart<'a> {
    l: &'a Words<'a>,
}

/// When the reader did not do it: change the password, look at the account.
fn not_you(ctx: &LetterContext<'_>) -> String {
    format!(
        "If this was not you, change your password now and review your account's sessions and activity at {}.",
        ctx.security_url
    )
}

/// The longest browser description a letter shows.
const BROWSER_CHARS: usize = 200;

fn details(ctx: &LetterContext<'_>) -> Vec<(String, String)> {
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ctx.at.max(0).unsigned_abs());
    let browser: String = ctx
        .browser
        .chars()
        .filter(|c| !c.is_control())
        .take(BROWSER_CHARS)
        .collect();
    let mut rows = vec![
        ("When".to_owned(), httpdate::fmt_http_date(when)),
        ("From address".to_owned(), ctx.ip.to_owned()),
    ];
    if !browser.is_empty() {
        rows.push(("Browser".to_owned(), browser));
    }
    rows
}

/// Render a letter.
pub fn render(content: Content<'_>, ctx: &LetterContext<'_>) -> Letter {
    let issuer = ctx.issuer;
    let mut link = None;
    let mut rows = details(ctx);
    let (subject, paragraphs, closing): (String, Vec<String>, String) = match content {
        Content::VerifyEmail { link: url } => {
            link = Some(Link {
                label: "Confirm this address".to_owned(),
                url: url.to_owned(),
            });
            (
                format!("Confirm your email address for {issuer}"),
                vec![format!(
                    "Someone asked to use this email address for an account at {issuer}. Open the link below within 24 hours to confirm it; it works once."
                )],
                "If you did not ask for this, ignore this letter: the address will not be used."
                    .to_owned(),
            )
        }
        Content::PasswordReset { link: url } => {
            link = Some(Link {
                label: "Choose a new password".to_owned(),
                url: url.to_owned(),
            });
            (
                format!("Reset your {issuer} password"),
                vec![
                    format!(
                        "Someone asked to reset the password of your {issuer} account. Open the link below within 30 minutes to choose a new one; it works once."
                    ),
                    "If two-factor authentication is on, you will also need a code from your authenticator app or a backup code: a reset never turns it off.".to_owned(),
                ],
                "If you did not ask for this, ignore this letter: your password stays as it is.".to_owned(),
            )
        }
        Content::Notice { kind, detail } => {
            let (subject, lead) = notice_words(kind, detail, issuer);
            (subject, vec![lead], not_you(ctx))
        }
        Content::Test => {
            rows.clear();
            (
                format!("Test message from {issuer}"),
                vec![format!(
                    "This is a test message from {issuer}: its mail settings work."
                )],
                "Nothing needs doing.".to_owned(),
            )
        }
    };
    let words = Words {
        subject: &subject,
        paragraphs: &paragraphs,
        link: &link,
        details: &rows,
        closing: &closing,
        issuer,
    };
    let text = TextPart { l: &words }.render().unwrap_or_default();
    let html = HtmlPart { l: &words }.render().unwrap_or_default();
    Letter {
        // Nothing in a subject comes from a user but the issuer, which the
        // operator set; line breaks are dropped all the same.
        subject: subject.replace(['\r', '\n'], " "),
        text,
        html,
    }
}

/// The subject and the lead paragraph of a notice.
fn notice_words(kind: &str, detail: &str, issuer: &str) -> (String, String) {
    let (subject, lead) = match kind {
        "two_factor_enabled" => (
            "Two-factor authentication was turned on",
            format!(
                "Two-factor authentication was turned on for your {issuer} account. From now on, signing in needs a code from your authenticator app."
            ),
        ),
        "two_factor_disabled" => (
            "Two-factor authentication was turned off",
            format!(
                "Two-factor authentication was turned off for your {issuer} account. Signing in now needs only your password."
            ),
        ),
        "two_factor_reset_by_operator" => (
            "An operator reset your two-factor authentication",
            format!(
                "An operator of {issuer} removed the authenticator app and backup codes of your account, and signed it out everywhere. Set up two-factor authentication again after you sign in."
            ),
        ),
        "backup_codes_generated" => (
            "New backup codes were made",
            format!(
                "A new set of backup codes was made for your {issuer} account ({detail}); the earlier codes no longer work."
            ),
        ),
        "backup_code_used" => {
            let left = detail.trim_end_matches(" left");
            (
                "A backup code was used",
                format!(
                    "A backup code was used for your {issuer} account. Backup codes left: {left}."
                ),
            )
        }
        "password_changed" => (
            "Your password was changed",
            format!(
                "The password of your {issuer} account was changed, and its other sessions were signed out."
            ),
        ),
        "password_reset" => (
            "Your password was reset",
            format!(
                "The password of your {issuer} account was reset through a link sent to this address, and every session was signed out."
            ),
        ),
        "email_changed" => (
            "Your email address was changed",
            format!(
                "Your {issuer} account now uses the address {detail}. This address will receive no more notices."
            ),
        ),
        "new_browser_sign_in" => (
            "New sign-in from a browser not seen before",
            format!(
                "Your {issuer} password was entered correctly from a browser that had not signed in to your account before."
            ),
        ),
        "passkey_added" => (
            "A passkey was added",
            format!(
                "A passkey was added to your {issuer} account ({detail}). It can now sign in without the password."
            ),
        ),
        other => {
            return (
                format!("Security activity on your {issuer} account"),
                format!(
                    "Something happened on your {issuer} account: {}.",
                    other.replace('_', " ")
                ),
            );
        }
    };
    (format!("{subject} ({issuer})"), lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> LetterContext<'static> {
        LetterContext {
            issuer: "Example Mail",
            at: 1_700_000_000,
            ip: "203.0.113.9",
            browser: "<script>alert(1)</script> Firefox",
            security_url: "https://login.example.com/settings/account/security",
        }
    }

    #[test]
    fn notices_name_the_service_time_address_and_browser() {
        let l = render(
            Content::Notice {
                kind: "backup_code_used",
                detail: "9 left",
            },
            &ctx(),
        );
        assert_eq!(l.subject, "A backup code was used (Example Mail)");
        for part in [&l.text, &l.html] {
            assert!(part.contains("Backup codes left: 9."), "{part}");
            assert!(part.contains("Tue, 14 Nov 2023 22:13:20 GMT"), "{part}");
            assert!(part.contains("203.0.113.9"), "{part}");
            assert!(part.contains("/settings/account/security"), "{part}");
        }
        assert!(l.text.contains("<script>alert(1)</script> Firefox"));
        assert!(!l.html.contains("<script>"), "escaped in HTML: {}", l.html);
        assert!(l.html.contains("&#60;script&#62;") || l.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn links_appear_in_both_parts() {
        let link = "https://login.example.com/verify-email?token=abc_DEF-123";
        let l = render(Content::VerifyEmail { link }, &ctx());
        assert!(l.text.contains(link));
        assert!(
            l.html
                .contains("href=\"https://login.example.com/verify-email?token=abc_DEF-123\"")
        );
        let l = render(Content::PasswordReset { link }, &ctx());
        assert!(l.subject.starts_with("Reset your Example Mail password"));
        assert!(l.text.contains("a reset never turns it off"));
    }

    #[test]
    fn every_notice_kind_has_its_own_words_and_unknown_ones_still_render() {
        for kind in [
            "two_factor_enabled",
            "two_factor_disabled",
            "two_factor_reset_by_operator",
            "backup_codes_generated",
            "backup_code_used",
            "password_changed",
            "password_reset",
            "email_changed",
            "new_browser_sign_in",
            "passkey_added",
            "from_a_newer_version",
        ] {
            let l = render(Content::Notice { kind, detail: "x" }, &ctx());
            assert!(!l.subject.contains('\n') && !l.subject.is_empty());
            assert!(l.text.contains("Example Mail"), "{kind}");
        }
    }
}
