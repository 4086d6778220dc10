//! The letters' eleven languages: the catalogues against English (every
//! key, the same placeholders, nothing extra, each file parses), then every
//! kind of letter rendered in every language with no English sentence left
//! in it, its `<html lang>`, and its date in the reader's language.

use std::collections::BTreeMap;
use std::path::PathBuf;

use deadbolt_mail::{Browser, Content, LANGUAGES, LetterContext, render};

fn locales() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// `key -> source` of one catalogue (multi-line messages joined).
fn catalogue(code: &str) -> BTreeMap<String, String> {
    deadbolt_testkit::ftl::catalogue(&locales().join(code).join("mail.ftl"), code)
}

fn codes() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(code, _)| *code).collect()
}

#[test]
fn every_language_has_a_catalogue_and_every_catalogue_a_language() {
    let mut dirs: Vec<String> = std::fs::read_dir(locales())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    dirs.sort();
    let mut codes: Vec<String> = codes().into_iter().map(str::to_owned).collect();
    codes.sort();
    assert_eq!(dirs, codes);
    assert_eq!(codes.len(), 11);
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let english = catalogue("en");
    assert!(english.len() >= 40, "{}", english.len());
    for code in codes() {
        let other = catalogue(code);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        assert!(extra.is_empty(), "{code} has keys English lacks: {extra:?}");
        for (key, source) in &english {
            assert_eq!(
                deadbolt_testkit::ftl::variables(&other[key]),
                deadbolt_testkit::ftl::variables(source),
                "{code}: {key} uses other placeholders than English"
            );
        }
    }
}

/// Every sentence-sized piece of English (three words or more) between
/// placeholders: none may appear in a letter in another language.
fn english_pieces() -> Vec<String> {
    let mut out = Vec::new();
    for (key, source) in catalogue("en") {
        if key == "datetime-pattern" {
            continue;
        }
        // Drop the plural selector's syntax, then the placeables, and keep
        // what is left between them.
        let source: String = source
            .lines()
            .filter(|l| !l.trim_end().ends_with("->") && l.trim() != "}")
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = source.as_str();
        while !rest.is_empty() {
            let (text, after) = rest.split_once('{').unwrap_or((rest, ""));
            for line in text.lines() {
                let line = line
                    .trim()
                    .trim_start_matches("*[other]")
                    .trim_start_matches("[one]")
                    .trim();
                if line.split_whitespace().count() >= 3 {
                    out.push(line.to_owned());
                }
            }
            rest = after.split_once('}').map_or("", |(_, a)| a);
        }
    }
    assert!(out.len() > 30, "{out:?}");
    out
}

/// Every kind of letter, with details that make every placeholder show.
fn every_letter() -> Vec<(&'static str, Content<'static>)> {
    let link = "https://login.example.com/verify-email?token=abc";
    let mut all = vec![
        ("verify", Content::VerifyEmail { link }),
        ("reset", Content::PasswordReset { link }),
        ("test", Content::Test),
    ];
    for (kind, detail) in [
        ("two_factor_enabled", ""),
        ("two_factor_disabled", ""),
        ("two_factor_reset_by_operator", ""),
        ("backup_codes_generated", "10 codes"),
        ("backup_code_used", "3 left"),
        ("password_changed", ""),
        ("password_reset", ""),
        ("email_changed", "new@example.com"),
        ("new_browser_sign_in", ""),
        ("passkey_added", "Yubi 5"),
        ("from_a_newer_version", ""),
    ] {
        all.push((kind, Content::Notice { kind, detail }));
    }
    all
}

fn ctx(language: &str) -> LetterContext<'_> {
    LetterContext {
        issuer: "Example Mail",
        at: 1_700_000_000,
        ip: "203.0.113.9",
        browser: Browser::On {
            browser: "Firefox",
            system: "Linux",
        },
        security_url: "https://login.example.com/settings/account/security",
        language: Some(language),
    }
}

#[test]
fn every_letter_in_every_language_has_no_english_left() {
    let pieces = english_pieces();
    for code in codes() {
        for (kind, content) in every_letter() {
            let letter = render(content, &ctx(code));
            let english = render(content, &ctx("en"));
            assert!(
                letter.html.contains(&format!("<html lang=\"{code}\">")),
                "{code} {kind}"
            );
            for part in [&letter.text, &letter.html] {
                assert!(part.contains("Example Mail"), "{code} {kind}: {part}");
                if kind == "verify" || kind == "reset" {
                    assert!(part.contains("token=abc"), "{code} {kind}: the link");
                }
            }
            assert!(!letter.subject.is_empty() && !letter.subject.contains('\n'));
            if code == "en" {
                continue;
            }
            assert_ne!(letter.subject, english.subject, "{code} {kind}");
            assert_ne!(letter.text, english.text, "{code} {kind}");
            for piece in &pieces {
                for (name, part) in [
                    ("subject", &letter.subject),
                    ("text", &letter.text),
                    ("html", &letter.html),
                ] {
                    assert!(
                        !part.contains(piece.as_str()),
                        "{code} {kind} ({name}) still says {piece:?}:\n{part}"
                    );
                }
            }
        }
    }
}

#[test]
fn details_and_dates_follow_the_language() {
    let notice = Content::Notice {
        kind: "backup_code_used",
        detail: "3 left",
    };
    let en = render(notice, &ctx("en"));
    assert!(
        en.text.contains("When: 14 November 2023, 22:13 UTC"),
        "{}",
        en.text
    );
    assert!(en.text.contains("Backup codes left: 3."));
    let fr = render(notice, &ctx("fr"));
    assert!(
        fr.text.contains("Quand: 14 novembre 2023, 22:13 UTC"),
        "{}",
        fr.text
    );
    assert!(
        fr.text.contains("Codes de secours restants : 3."),
        "{}",
        fr.text
    );
    let de = render(notice, &ctx("de"));
    assert!(
        de.text.contains("14. November 2023, 22:13 UTC"),
        "{}",
        de.text
    );
    let ru = render(notice, &ctx("ru"));
    assert!(ru.text.contains("2023, 22:13 UTC"), "{}", ru.text);
    assert!(!ru.text.contains("November"), "{}", ru.text);
    // The address of an address change and a passkey's name show as given.
    let changed = render(
        Content::Notice {
            kind: "email_changed",
            detail: "new@example.com",
        },
        &ctx("tr"),
    );
    assert!(changed.text.contains("new@example.com"), "{}", changed.text);
}

#[test]
fn plural_forms_choose_by_the_number() {
    let made = |code: &str, detail: &'static str| {
        render(
            Content::Notice {
                kind: "backup_codes_generated",
                detail,
            },
            &ctx(code),
        )
        .text
    };
    assert!(made("en", "10 codes").contains("A new set of 10 backup codes was made"));
    assert!(made("en", "1 codes").contains("A new set of 1 backup code was made"));
    assert!(made("ru", "1 codes").contains("из 1 резервного кода"));
    assert!(made("ru", "10 codes").contains("из 10 резервных кодов"));
}

#[test]
fn unknown_or_missing_languages_are_english() {
    let content = Content::PasswordReset {
        link: "https://x.example/r?token=t",
    };
    let en = render(content, &ctx("en"));
    for other in [None, Some("xx"), Some("FR"), Some("fr-FR"), Some("")] {
        let mut c = ctx("en");
        c.language = other;
        assert_eq!(render(content, &c), en, "{other:?}");
    }
}
