//! Passwords and usernames: normalisation and policy here, Argon2id
//! hashing in [`hasher`].
//!
//! Password policy (NIST SP 800-63B 5.1.1.2): NFKC-normalised, 8 to
//! [`MAX_PASSWORD_CHARS`] characters, no composition rules, no NUL, not one
//! of the common passwords, and not built from the context (the username,
//! the service's name, either with digits or symbols around it).
//!
//! The common passwords (`common-passwords.txt.gz`, 12,166 entries of 8
//! characters or more, lowercased) are the password frequency list of
//! Dropbox's zxcvbn (MIT licence; from the Xato corpus and other public
//! leaks) merged with the earlier top list; entries shorter than 8
//! characters are left out since the length rule refuses them anyway. It is
//! compiled in compressed and unpacked on first use.
//!
//! Usernames: letters, digits, `.`, `_`, `-`, one script only (digits and
//! the three symbols go with any), unique after case folding and by their
//! Unicode confusable skeleton (UTS #39), so `аlice` with a Cyrillic `а`
//! cannot sit beside `alice`.

mod hasher;

use std::collections::HashSet;
use std::io::Read;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_security::{MixedScript, skeleton};
use zeroize::Zeroizing;

pub use hasher::{HashError, Hasher};

/// Shortest password accepted, in characters (after NFKC).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in characters (after NFKC): long enough for any
/// passphrase, short enough that hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// Longest username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

/// The service's own name, refused as a password base whatever the issuer.
const SERVICE_NAME: &str = "deadbolt";

static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let packed: &[u8] = include_bytes!("common-passwords.txt.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(packed)
        .read_to_string(&mut text)
        .expect("the embedded common-password list unpacks");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
});

/// How many common passwords are refused.
pub fn common_password_count() -> usize {
    COMMON.len()
}

/// Why a password or username was refused, in plain words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

/// What a new password must not be built from: the account's username and
/// the name the service shows (its issuer).
#[derive(Debug, Clone, Copy)]
pub struct PasswordContext<'a> {
    /// The username (display or key form: compared case-insensitively).
    pub username: &'a str,
    /// The configured issuer, e.g. `Deadbolt` or `Example Mail`.
    pub issuer: &'a str,
}

/// NFKC-normalise a new password and check the policy in its context. The
/// result is what gets hashed.
pub fn normalize_password(
    raw: &str,
    context: PasswordContext<'_>,
) -> Result<Zeroizing<String>, PolicyError> {
    if raw.contains('\0') {
        return Err(PolicyError(
            "The password must not contain a NUL character.".into(),
        ));
    }
    let pw: Zeroizing<String> = Zeroizing::new(raw.nfkc().collect());
    let n = pw.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(PolicyError(format!(
            "Use at least {MIN_PASSWORD_CHARS} characters."
        )));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(PolicyError(format!(
            "Use at most {MAX_PASSWORD_CHARS} characters."
        )));
    }
    if is_common(&pw) {
        return Err(PolicyError(
            "This password is one of the most common passwords; choose one that is harder to guess.".into(),
        ));
    }
    if let Some(word) = built_from_context(&pw, context) {
        return Err(PolicyError(format!(
            "The password must not be built from {word}; choose one that has nothing to do with this account or service."
        )));
    }
    Ok(pw)
}

/// Which context word (in plain words) `pw` is built from, if any: the
/// password with the digits, symbols and spaces around its letters taken
/// away is the username, the service's name or the issuer (any case, spaces
/// inside the issuer optional).
fn built_from_context(pw: &str, context: PasswordContext<'_>) -> Option<&'static str> {
    let folded: String = pw.to_lowercase().nfkc().collect();
    let core = folded.trim_matches(|c: char| !c.is_alphabetic());
    let squeeze = |s: &str| -> String {
        s.to_lowercase()
            .nfkc()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let username = squeeze(context.username);
    let issuer = squeeze(context.issuer);
    let core_squeezed = squeeze(core);
    if !username.is_empty() && (core == username || folded == username) {
        return Some("your username");
    }
    if core_squeezed == SERVICE_NAME || (!issuer.is_empty() && core_squeezed == issuer) {
        return Some("the name of this service");
    }
    None
}

/// NFKC-normalise a password typed at login (no policy: old passwords must keep working).
pub fn normalize_login_password(raw: &str) -> Zeroizing<String> {
    Zeroizing::new(raw.nfkc().collect())
}

/// Whether `pw` (compared lowercased) is in the embedded common-password list.
pub fn is_common(pw: &str) -> bool {
    COMMON.contains(pw.to_lowercase().as_str())
}

/// A username: the display form (NFKC), the unique key (NFKC + lowercase)
/// and its confusable skeleton (unique too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username {
    /// As typed, NFKC-normalised.
    pub display: String,
    /// Unique key: NFKC, lowercased, NFKC again.
    pub key: String,
    /// The UTS #39 skeleton of the key: names that look alike share it.
    pub skeleton: String,
}

/// The UTS #39 confusable skeleton of a username key.
pub fn username_skeleton(key: &str) -> String {
    skeleton(key).collect::<String>().to_lowercase()
}

/// Validate a username: 1–64 characters, letters, digits, `.`, `_`, `-`,
/// letters of one script only.
pub fn normalize_username(raw: &str) -> Result<Username, PolicyError> {
    let display: String = raw.trim().nfkc().collect();
    let n = display.chars().count();
    if n == 0 {
        return Err(PolicyError("Enter a username.".into()));
    }
    if n > MAX_USERNAME_CHARS {
        return Err(PolicyError(format!(
            "Use at most {MAX_USERNAME_CHARS} characters for the username."
        )));
    }
    if !display
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(PolicyError(
            "A username may contain only letters, digits, '.', '_' and '-'.".into(),
        ));
    }
    if !display.as_str().is_single_script() {
        return Err(PolicyError(
            "A username may use the letters of one alphabet only (Latin, Cyrillic, Greek, ...), not a mix.".into(),
        ));
    }
    let key: String = display.to_lowercase().nfkc().collect();
    let skeleton = username_skeleton(&key);
    Ok(Username {
        display,
        key,
        skeleton,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_policy() {
        let ctx = PasswordContext {
            username: "alice",
            issuer: "Example Mail",
        };
        let normalize_password = |pw: &str| super::normalize_password(pw, ctx);
        assert!(normalize_password("glacier notebook pumpkin 58").is_ok());
        assert!(normalize_password("short").is_err());
        assert!(normalize_password("password").is_err());
        assert!(
            normalize_password("PassWord123").is_err(),
            "common, case-insensitively"
        );
        assert!(normalize_password("qwertyuiop").is_err());
        assert!(normalize_password("nul\0inside the password").is_err());
        assert!(normalize_password(&"x".repeat(1025)).is_err());
        assert!(normalize_password(&"xy".repeat(512)).is_ok());
        // NFKC: a full-width form equals the ASCII form.
        assert_eq!(
            normalize_password("ｇｌａｃｉｅｒ ｎｏｔｅ")
                .unwrap()
                .as_str(),
            "glacier note"
        );
        assert!(
            common_password_count() >= 10_000,
            "embedded list has {} entries",
            common_password_count()
        );
        assert!(normalize_password("trustno1").is_err(), "from the old list");
        assert!(
            normalize_password("Superman123").is_err(),
            "from zxcvbn's list"
        );
    }

    #[test]
    fn usernames() {
        let u = normalize_username("Alice.B-1_x").unwrap();
        assert_eq!(u.display, "Alice.B-1_x");
        assert_eq!(u.key, "alice.b-1_x");
        assert_eq!(normalize_username("ＡＬＩＣＥ").unwrap().key, "alice");
        assert_eq!(normalize_username("Émile").unwrap().key, "émile");
        assert_eq!(normalize_username("Дмитрий-7").unwrap().key, "дмитрий-7");
        assert_eq!(normalize_username("user_01").unwrap().skeleton, "user_ol");
        for bad in [
            "",
            "a b",
            "a/b",
            "<script>",
            "a\0b",
            &"a".repeat(65),
            "\u{430}lice",
            "p\u{430}ypal",
        ] {
            assert!(normalize_username(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fail_passwords_built_from_the_context_are_refused() {
        let ctx = PasswordContext {
            username: "Alice.Smith",
            issuer: "Example Mail",
        };
        for bad in [
            "alice.smith",
            "ALICE.SMITH",
            "Alice.Smith2024",
            "!!alice.smith!!",
            "1234alice.smith",
            "deadbolt",
            "Deadbolt123",
            "deadbolt!2026",
            "examplemail",
            "Example Mail 99",
        ] {
            assert!(super::normalize_password(bad, ctx).is_err(), "{bad:?}");
        }
        for good in [
            "alice.smith likes tea",
            "deadbolted horse 7",
            "my example mailbox",
        ] {
            assert!(super::normalize_password(good, ctx).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn fail_look_alike_usernames_share_a_skeleton() {
        let latin = normalize_username("alice").unwrap();
        // Cyrillic а (U+0430) alone would be refused as mixed script; a
        // whole-Cyrillic look-alike is one script but the same skeleton.
        let cyrillic = normalize_username("\u{430}\u{441}\u{435}").unwrap(); // "асе"
        assert_eq!(cyrillic.skeleton, username_skeleton("ace"));
        assert_ne!(latin.skeleton, cyrillic.skeleton);
        assert_eq!(
            normalize_username("paypa1").unwrap().skeleton,
            normalize_username("paypal").unwrap().skeleton,
            "1 and l are confusable"
        );
    }
}
