//! Passwords and usernames: normalisation and policy here, Argon2id
//! hashing in [`hasher`].
//!
//! Policy (NIST SP 800-63B 5.1.1.2): NFKC-normalised, 8 to [`MAX_PASSWORD_CHARS`]
//! characters, no composition rules, no NUL, not one of the common passwords
//! embedded from `common-passwords.txt`.

mod hasher;

use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

pub use hasher::{HashError, Hasher};

/// Shortest password accepted, in characters (after NFKC).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in characters (after NFKC): long enough for any
/// passphrase, short enough that hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// Longest username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Why a password or username was refused, in plain words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

/// NFKC-normalise a password and check the policy. The result is what gets hashed.
pub fn normalize_password(raw: &str) -> Result<Zeroizing<String>, PolicyError> {
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
    Ok(pw)
}

/// NFKC-normalise a password typed at login (no policy: old passwords must keep working).
pub fn normalize_login_password(raw: &str) -> Zeroizing<String> {
    Zeroizing::new(raw.nfkc().collect())
}

/// Whether `pw` (compared lowercased) is in the embedded common-password list.
pub fn is_common(pw: &str) -> bool {
    COMMON.contains(pw.to_lowercase().as_str())
}

/// A username: the display form (NFKC) and the unique key (NFKC + lowercase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username {
    /// As typed, NFKC-normalised.
    pub display: String,
    /// Unique key: NFKC, lowercased, NFKC again.
    pub key: String,
}

/// Validate a username: 1–64 characters, letters, digits, `.`, `_`, `-`.
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
    let key: String = display.to_lowercase().nfkc().collect();
    Ok(Username { display, key })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_policy() {
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
            COMMON.len() >= 1000,
            "embedded list has {} entries",
            COMMON.len()
        );
    }

    #[test]
    fn usernames() {
        let u = normalize_username("Alice.B-1_x").unwrap();
        assert_eq!(u.display, "Alice.B-1_x");
        assert_eq!(u.key, "alice.b-1_x");
        assert_eq!(normalize_username("ＡＬＩＣＥ").unwrap().key, "alice");
        assert_eq!(normalize_username("Émile").unwrap().key, "émile");
        for bad in ["", "a b", "a/b", "<script>", "a\0b", &"a".repeat(65)] {
            assert!(normalize_username(bad).is_err(), "{bad:?}");
        }
    }
}
