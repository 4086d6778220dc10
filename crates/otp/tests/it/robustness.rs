//! The CI twins of the `fuzz/` targets `otpauth_uri`, `base32` and
//! `code_normaliser`: every parser of user or QR input takes any string
//! without panicking, and what it accepts round-trips exactly.

use deadbolt_otp::{BACKUP_CODE_ALPHABET, BackupCode, OtpAuthUri, Secret, normalize_code};
use proptest::prelude::*;

/// Strings a fuzzer would reach: anything after the scheme, any ASCII, and
/// things shaped like the input. (Arbitrary Unicode *before* the end of the
/// scheme is left out: see the ignored regression test below.)
fn uri_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>().prop_map(|s| format!("otpauth://{s}")),
        any::<String>().prop_map(|s| format!("otpauth://totp/{s}")),
        "[\\x00-\\x7f]{0,80}",
        "otpauth://(totp|TOTP|hotp|)/[ -~]{0,40}",
        "otpauth://totp/[A-Za-z%0-9:@ ]{0,20}\\?((secret|issuer|algorithm|digits|period|x)=[A-Za-z2-7%0-9=:+ -]{0,40}&?){0,6}",
        // Mostly valid URIs, so the round trip is exercised.
        (
            "[A-Za-z0-9%: .@é]{1,12}",
            "[A-Z2-7]{16,40}",
            "(SHA1|SHA256|SHA512|sha1|MD5|)",
            "(6|7|8|9|06|)",
            "(30|60|1|0|)",
            "[A-Za-z0-9%: ]{0,8}",
        )
            .prop_map(|(label, secret, alg, digits, period, issuer)| {
                let mut uri = format!("otpauth://totp/{label}?secret={secret}");
                for (k, v) in [
                    ("algorithm", alg),
                    ("digits", digits),
                    ("period", period),
                    ("issuer", issuer),
                ] {
                    if !v.is_empty() {
                        uri.push_str(&format!("&{k}={v}"));
                    }
                }
                uri
            }),
    ]
}

/// Regression: `OtpAuthUri::parse` sliced the input at byte 10 to compare the
/// scheme, which panicked when byte 10 fell inside a multi-byte character.
#[test]
fn regression_otpauth_uri_with_a_multibyte_character_across_byte_10_is_refused_not_a_panic() {
    for input in [
        "otpauth:/é",
        "aኊ𐄀טּ",
        "otpauth:/\u{1F512}totp/x?secret=JBSWY3DPEHPK3PXP",
    ] {
        let result = std::panic::catch_unwind(|| OtpAuthUri::parse(input).is_ok());
        assert_eq!(
            result.ok(),
            Some(false),
            "{input:?} must be refused, not panic"
        );
    }
}

proptest! {
    /// `OtpAuthUri::parse` never panics; whatever it accepts, `to_uri`
    /// writes back to a URI that parses to the same value, and writing is
    /// then stable.
    #[test]
    fn otpauth_uri_parse_never_panics_and_round_trips(input in uri_like()) {
        if let Ok(uri) = OtpAuthUri::parse(&input) {
            let text = uri.to_uri();
            let again = OtpAuthUri::parse(&text);
            prop_assert!(again.is_ok(), "{input:?} → {text:?}: {:?}", again.err());
            let again = again.unwrap();
            prop_assert_eq!(&again, &uri, "{:?} → {:?}", input, text);
            prop_assert_eq!(again.to_uri(), text);
        }
    }

    /// `Secret::from_base32` never panics; an accepted secret re-encodes to a
    /// canonical form that decodes to the same bytes.
    #[test]
    fn base32_decoding_never_panics_and_round_trips(
        input in prop_oneof![any::<String>(), "[A-Za-z2-7= \\t-]{0,60}"],
    ) {
        if let Ok(secret) = Secret::from_base32(&input) {
            prop_assert!(!secret.is_empty());
            let canonical = secret.to_base32();
            let back = Secret::from_base32(&canonical).unwrap();
            prop_assert_eq!(back.expose(), secret.expose());
            let grouped = Secret::from_base32(&secret.to_base32_grouped()).unwrap();
            prop_assert_eq!(grouped.expose(), secret.expose());
        }
    }

    /// `normalize_code` never panics; what it returns is the typed digits in
    /// order (leading zeros kept), 6 to 8 of them, and normalising it again
    /// changes nothing.
    #[test]
    fn code_normaliser_keeps_exactly_the_digits(
        input in prop_oneof![any::<String>(), "[0-9 -]{0,12}", "[0-9０-９ \\t-]{0,12}"],
    ) {
        if let Ok(code) = normalize_code(&input) {
            let digits: String = input.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(&code, &digits);
            prop_assert!((6..=8).contains(&code.len()));
            prop_assert_eq!(normalize_code(&code).unwrap(), code);
        }
    }

    /// `BackupCode::parse` never panics; an accepted code is canonical
    /// (`xxxxx-xxxxx` from the alphabet) and reparses to itself in any case,
    /// with or without the dash.
    #[test]
    fn backup_code_parser_never_panics_and_is_canonical(
        input in prop_oneof![any::<String>(), "[0-9a-zA-Z -]{0,14}"],
    ) {
        if let Ok(code) = BackupCode::parse(&input) {
            let s = code.as_str();
            prop_assert_eq!(s.len(), 11);
            prop_assert_eq!(s.as_bytes()[5], b'-');
            prop_assert!(s.bytes().filter(|&b| b != b'-').all(|b| BACKUP_CODE_ALPHABET.contains(&b)));
            for form in [s.to_owned(), s.to_uppercase(), s.replace('-', ""), s.replace('-', " ")] {
                prop_assert_eq!(BackupCode::parse(&form).unwrap(), code.clone());
            }
        }
    }
}
