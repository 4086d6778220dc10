//! Property tests: base32 and URI round trips, and the exact shape of the
//! verification window.

use deadbolt_otp::{Algorithm, BackupCode, OtpAuthUri, Params, Secret, Totp};
use proptest::prelude::*;

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop_oneof![
        Just(Algorithm::Sha1),
        Just(Algorithm::Sha256),
        Just(Algorithm::Sha512)
    ]
}

fn params() -> impl Strategy<Value = Params> {
    (algorithm(), 6u64..=8, 1u64..=300).prop_map(|(a, d, p)| Params::new(a, d, p).unwrap())
}

fn secret() -> impl Strategy<Value = Secret> {
    prop::collection::vec(any::<u8>(), 1..=64).prop_map(|b| Secret::from_bytes(&b).unwrap())
}

proptest! {
    #[test]
    fn base32_round_trip(bytes in prop::collection::vec(any::<u8>(), 1..=80)) {
        let secret = Secret::from_bytes(&bytes).unwrap();
        let text = secret.to_base32();
        prop_assert!(!text.contains('='));
        for form in [text.clone(), text.to_lowercase(), secret.to_base32_grouped()] {
            let decoded = Secret::from_base32(&form).unwrap();
            prop_assert_eq!(decoded.expose(), &bytes[..]);
        }
    }

    #[test]
    fn uri_round_trip(
        secret in secret(),
        params in params(),
        issuer in "[^:\\x00]{1,20}",
        account in "[^:\\x00\\s][^:\\x00]{0,30}",
    ) {
        let uri = OtpAuthUri::new(&issuer, &account, secret.clone(), params).unwrap();
        let text = uri.to_uri();
        prop_assert!(text.is_ascii());
        let parsed = OtpAuthUri::parse(&text).unwrap();
        prop_assert_eq!(parsed.issuer(), Some(issuer.as_str()));
        prop_assert_eq!(parsed.account(), account.as_str());
        prop_assert_eq!(parsed.secret(), &secret);
        prop_assert_eq!(parsed.params(), params);
        prop_assert_eq!(parsed, uri);
    }

    #[test]
    fn window_accepts_exactly_k_within_window(
        secret in secret(),
        params in params(),
        t in 10_000u64..=40_000_000_000,
        k in -4i64..=4,
        window in 0u64..=3,
    ) {
        let totp = Totp::new(&secret, params);
        let code = totp.code_at(t);
        let step = totp.step(t);
        let later = (t as i64 + k * params.period() as i64) as u64;
        let got = totp.verify(code.as_str(), later, window);
        if k.unsigned_abs() <= window {
            prop_assert_eq!(got, Some(step));
        } else {
            // Another step of the window may collide by chance (p ~ 7e-6 per
            // case); any match must then be a different step.
            prop_assert_ne!(got, Some(step));
        }
        prop_assert_eq!(totp.verify_after(code.as_str(), later, window, Some(step)).accepted_step(), None);
    }

    #[test]
    fn backup_code_normalisation(raw in "[23456789a-km-np-zA-KM-NP-Z]{10}", sep in "[ -]{0,2}") {
        let typed = format!("{}{}{}", &raw[..5], sep, &raw[5..]);
        let code = BackupCode::parse(&typed).unwrap();
        let expected = format!("{}-{}", &raw[..5].to_lowercase(), &raw[5..].to_lowercase());
        prop_assert_eq!(code.as_str(), expected.as_str());
    }
}
