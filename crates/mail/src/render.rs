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

use crate::lang::{Arg, MailLang};

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

/// A browser as a letter names it (the words around the names are the
/// reader's language's; the names are the products').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser<'a> {
    /// A known browser on a known system (`Firefox`, `Linux`).
    On {
        /// The browser's name.
        browser: &'a str,
        /// The system's name.
        system: &'a str,
    },
    /// A known browser on a system it did not say.
    Named(&'a str),
    /// An unknown browser on a known system.
    OnSystem(&'a str),
    /// The client sent no User-Agent: the letter shows no browser row.
    Unknown,
    /// Anything else: (the start of) what the client sent, shown as it is.
    Other {
        /// The text (control characters are dropped when shown).
        text: &'a str,
        /// Whether it was cut short (an ellipsis follows).
        truncated: bool,
    },
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
    /// The client's browser, as read from its User-Agent.
    pub browser: Browser<'a>,
    /// Where the user reviews their account (the security page).
    pub security_url: &'a str,
    /// The reader's language code (`"fr"`): the user's stored language,
    /// else the server's default; `None` or an unknown code is English.
    pub language: Option<&'a str>,
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
    /// `<html lang>`.
    lang: &'a str,
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

/// The longest browser description a letter shows.
const BROWSER_CHARS: usize = 200;

/// The browser in the reader's words (empty: no row).
fn browser_words(browser: Browser<'_>, lang: MailLang) -> String {
    match browser {
        Browser::On { browser, system } => lang.text(
            "browser-on",
            &[
                ("browser", Arg::Text(browser)),
                ("system", Arg::Text(system)),
            ],
        ),
        Browser::Named(name) => name.to_owned(),
        Browser::OnSystem(system) => {
            lang.text("browser-on-system", &[("system", Arg::Text(system))])
        }
        Browser::Unknown => String::new(),
        Browser::Other { text, truncated } => {
            let mut shown: String = text
                .chars()
                .filter(|c| !c.is_control())
                .take(BROWSER_CHARS)
                .collect();
            if truncated {
                shown.push('…');
            }
            shown
        }
    }
}

fn details(ctx: &LetterContext<'_>, lang: MailLang) -> Vec<(String, String)> {
    let browser = browser_words(ctx.browser, lang);
    let mut rows = vec![
        (lang.text("row-when", &[]), lang.date_time(ctx.at)),
        (lang.text("row-from-address", &[]), ctx.ip.to_owned()),
    ];
    if !browser.is_empty() {
        rows.push((lang.text("row-browser", &[]), browser));
    }
    rows
}

/// Render a letter in `ctx.language` (English when it is `None` or a
/// language without a catalogue).
pub fn render(content: Content<'_>, ctx: &LetterContext<'_>) -> Letter {
    let lang = MailLang::from_code(ctx.language);
    let issuer = ctx.issuer;
    let by = [("issuer", Arg::Text(issuer))];
    let t = |key: &str| lang.text(key, &by);
    let mut link = None;
    let mut rows = details(ctx, lang);
    let (subject, paragraphs, closing): (String, Vec<String>, String) = match content {
        Content::VerifyEmail { link: url } => {
            link = Some(Link {
                label: t("verify-link"),
                url: url.to_owned(),
            });
            (
                t("verify-subject"),
                vec![t("verify-body")],
                t("verify-closing"),
            )
        }
        Content::PasswordReset { link: url } => {
            link = Some(Link {
                label: t("reset-link"),
                url: url.to_owned(),
            });
            (
                t("reset-subject"),
                vec![t("reset-body"), t("reset-body-second-factor")],
                t("reset-closing"),
            )
        }
        Content::Notice { kind, detail } => {
            let (subject, lead) = notice_words(lang, kind, detail, issuer);
            let not_you = lang.text("not-you", &[("url", Arg::Text(ctx.security_url))]);
            (subject, vec![lead], not_you)
        }
        Content::Test => {
            rows.clear();
            (t("test-subject"), vec![t("test-body")], t("test-closing"))
        }
    };
    let words = Words {
        lang: lang.code(),
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

/// The number at the start of a stored detail (`9 left`, `10 codes`).
fn leading_number(detail: &str) -> i64 {
    detail
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The subject and the lead paragraph of a notice.
fn notice_words(lang: MailLang, kind: &str, detail: &str, issuer: &str) -> (String, String) {
    let issuer_arg = ("issuer", Arg::Text(issuer));
    let (key, extra): (&str, Option<(&str, Arg<'_>)>) = match kind {
        "two_factor_enabled" => ("two-factor-enabled", None),
        "two_factor_disabled" => ("two-factor-disabled", None),
        "two_factor_reset_by_operator" => ("two-factor-reset", None),
        "backup_codes_generated" => (
            "backup-codes-generated",
            Some(("count", Arg::Number(leading_number(detail)))),
        ),
        "backup_code_used" => (
            "backup-code-used",
            Some(("count", Arg::Number(leading_number(detail)))),
        ),
        "password_changed" => ("password-changed", None),
        "password_reset" => ("password-reset", None),
        "email_changed" => ("email-changed", Some(("address", Arg::Text(detail)))),
        "new_browser_sign_in" => ("new-browser", None),
        "passkey_added" => ("passkey-added", Some(("name", Arg::Text(detail)))),
        other => {
            // A kind from a newer version: its code name, in any language.
            let args = [issuer_arg, ("name", Arg::Text(other))];
            return (
                lang.text("other-subject", &args),
                lang.text("other-body", &args),
            );
        }
    };
    let mut args = vec![issuer_arg];
    args.extend(extra);
    let subject = lang.text(&format!("{key}-subject"), &args);
    let lead = lang.text(&format!("{key}-body"), &args);
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
            browser: Browser::Other {
                text: "<script>alert(1)</script> Firefox",
                truncated: false,
            },
            security_url: "https://login.example.com/settings/account/security",
            language: None,
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
            assert!(part.contains("14 November 2023, 22:13 UTC"), "{part}");
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
