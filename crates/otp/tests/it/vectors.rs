//! Every vector of `tests/data/otp.json` (a copy of `shared/vectors/otp.json`;
//! `.ci/run` checks that the copy has not drifted): RFC 4226 Appendix D,
//! RFC 6238 Appendix B for the three algorithms with their own seed lengths,
//! skew windows, step boundaries, leading zeros, t beyond 2038, base32
//! accept/reject cases and the otpauth example.

use deadbolt_otp::{Algorithm, Error, OtpAuthUri, Params, Secret, Totp, Verdict, hotp};
use serde_json::Value;

fn vectors() -> Value {
    serde_json::from_str(include_str!("../data/otp.json")).expect("otp.json is JSON")
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string in {v}"))
}

fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is a number in {v}"))
}

#[test]
fn hotp_rfc4226_appendix_d() {
    let v = &vectors()["hotp_rfc4226"];
    let secret = Secret::from_base32(s(v, "secret_base32")).unwrap();
    assert_eq!(secret.expose(), s(v, "secret_ascii").as_bytes());
    assert_eq!(secret.expose(), hex(s(v, "secret_hex")));
    assert_eq!(
        s(v, "algorithm").parse::<Algorithm>().unwrap(),
        Algorithm::Sha1
    );
    let params = Params::new(Algorithm::Sha1, n(v, "digits"), 30).unwrap();
    let values = v["values"].as_array().unwrap();
    assert_eq!(values.len(), 10);
    for row in values {
        let counter = n(row, "counter");
        let code = hotp(&secret, params, counter);
        assert_eq!(code.as_str(), s(row, "hotp_6"), "counter {counter}");
        // The 6-digit code is the truncated value mod 10^6, zero-padded.
        assert_eq!(
            format!("{:06}", n(row, "truncated_dec") % 1_000_000),
            code.as_str()
        );
    }
}

#[test]
fn totp_rfc6238_appendix_b_all_algorithms() {
    let v = &vectors()["totp_rfc6238"];
    assert_eq!(n(v, "t0"), 0);
    let period = n(v, "period");
    let values = v["values"].as_array().unwrap();
    assert_eq!(values.len(), 18);
    for row in values {
        let mode = s(row, "mode");
        let seed = &v["seeds"][mode];
        let secret = Secret::from_base32(s(seed, "base32")).unwrap();
        assert_eq!(secret.len() as u64, n(seed, "bytes"), "{mode}");
        assert_eq!(secret.expose(), s(seed, "ascii").as_bytes());
        assert_eq!(secret.expose(), hex(s(seed, "hex")));
        let algorithm: Algorithm = mode.parse().unwrap();
        let time = n(row, "time");
        for (digits, key) in [(8, "totp_8"), (6, "totp_6")] {
            let totp = Totp::new(&secret, Params::new(algorithm, digits, period).unwrap());
            assert_eq!(totp.step(time), n(row, "T"));
            assert_eq!(format!("{:016X}", totp.step(time)), s(row, "T_hex"));
            let expected = s(row, key);
            assert_eq!(
                totp.code_at(time).as_str(),
                expected,
                "{mode} t={time} {key}"
            );
            assert_eq!(totp.verify(expected, time, 0), Some(n(row, "T")));
            assert_eq!(totp.verify(expected, time, 1), Some(n(row, "T")));
        }
    }
}

#[test]
fn skew_window_pm1_accepts_pm2_pm3_reject() {
    let v = &vectors()["skew_window_sha1_6digit"];
    let secret = Secret::from_base32(s(v, "secret_base32")).unwrap();
    let params = Params::new(Algorithm::Sha1, n(v, "digits"), n(v, "period")).unwrap();
    let totp = Totp::new(&secret, params);
    let mut checked = 0;
    for (key, table) in v.as_object().unwrap() {
        let Some(t) = key.strip_prefix("at_t_") else {
            continue;
        };
        let t: u64 = t.parse().unwrap();
        for (offset, entry) in table.as_object().unwrap() {
            let offset: i64 = offset.parse().unwrap();
            let (step, code) = (n(entry, "step"), s(entry, "code"));
            assert_eq!(totp.code_at_step(step).as_str(), code);
            assert_eq!(step as i64 - totp.step(t) as i64, offset);
            let got = totp.verify(code, t, 1);
            if offset.abs() <= 1 {
                assert_eq!(got, Some(step), "t={t} offset {offset} must verify");
            } else {
                assert_eq!(got, None, "t={t} offset {offset} must fail");
            }
            // A wider window catches them, and still names the right step.
            assert_eq!(totp.verify(code, t, 3), Some(step));
            checked += 1;
        }
    }
    assert_eq!(checked, 21);
}

#[test]
fn skew_window_replay_is_refused() {
    let v = &vectors()["skew_window_sha1_6digit"];
    let secret = Secret::from_base32(s(v, "secret_base32")).unwrap();
    let totp = Totp::new(&secret, Params::default());
    let t = 1_111_111_111;
    let table = &v["at_t_1111111111"];
    let code = s(&table["0"], "code");
    let step = n(&table["0"], "step");
    let verdict = totp.verify_after(code, t, 1, None);
    assert_eq!(verdict, Verdict::Accepted { step });
    assert_eq!(
        totp.verify_after(code, t, 1, Some(step)),
        Verdict::Replayed { step }
    );
    let older = s(&table["-1"], "code");
    assert_eq!(
        totp.verify_after(older, t, 1, Some(step)),
        Verdict::Replayed { step: step - 1 }
    );
    let newer = s(&table["1"], "code");
    assert_eq!(
        totp.verify_after(newer, t, 1, Some(step)),
        Verdict::Accepted { step: step + 1 }
    );
}

#[test]
fn step_boundaries() {
    let v = &vectors()["step_boundary"];
    let secret = Secret::from_bytes(b"12345678901234567890").unwrap();
    let totp = Totp::new(&secret, Params::default());
    for key in ["t59", "t60", "t89", "t90"] {
        let t: u64 = key[1..].parse().unwrap();
        assert_eq!(totp.code_at(t).as_str(), s(v, key), "{key}");
    }
    assert_ne!(totp.code_at(59), totp.code_at(60));
}

#[test]
fn leading_zero_cases() {
    let v = &vectors()["extras"]["leading_zero_cases"];
    let secret = Secret::from_bytes(b"12345678901234567890").unwrap();
    let totp = Totp::new(&secret, Params::default());
    for (key, t) in [
        ("t_1111111109", 1_111_111_109),
        ("t_1234567890", 1_234_567_890),
    ] {
        let code = s(v, key);
        assert!(code.starts_with('0'));
        assert_eq!(totp.code_at(t).as_str(), code);
        assert_eq!(totp.verify(code, t, 1), Some(totp.step(t)));
        let stripped = code.trim_start_matches('0');
        assert_eq!(
            totp.verify(stripped, t, 1),
            None,
            "{stripped} must not verify"
        );
        assert_eq!(
            totp.verify(&format!("{stripped:0>7}"), t, 1),
            None,
            "padding to 7 must not verify"
        );
        assert_eq!(
            totp.verify(&code.parse::<u64>().unwrap().to_string(), t, 1),
            None
        );
    }
}

#[test]
fn y2038_and_beyond() {
    let v = &vectors()["extras"]["y2038"];
    let secret = Secret::from_bytes(b"12345678901234567890").unwrap();
    let totp = Totp::new(&secret, Params::default());
    let t = n(v, "t");
    assert!(t > u64::from(u32::MAX));
    assert_eq!(totp.step(t), n(v, "T"));
    assert_eq!(totp.code_at(t).as_str(), s(v, "sha1_6digit"));
    assert_eq!(totp.verify(s(v, "sha1_6digit"), t, 1), Some(n(v, "T")));
}

#[test]
fn base32_decoder_cases() {
    let cases = vectors()["extras"]["base32_decoder_cases"].clone();
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 7);
    for case in cases {
        let input = s(case, "input");
        let expect = s(case, "expect");
        let got = Secret::from_base32(input);
        if expect.starts_with("accept") {
            let secret = got.unwrap_or_else(|e| panic!("{input:?} must be accepted: {e}"));
            assert_eq!(secret.expose(), hex(s(case, "hex")), "{input}");
            assert!(
                !secret.to_base32().contains('='),
                "no padding when emitting"
            );
        } else {
            assert!(expect.starts_with("reject"), "{expect}");
            let err = got.expect_err(input);
            assert!(
                matches!(err, Error::Base32Character { .. }),
                "{input}: {err}"
            );
        }
    }
}

#[test]
fn key_uri_format_example_secret() {
    let v = &vectors()["extras"]["key_uri_format_example"];
    let secret = Secret::from_base32(s(v, "base32")).unwrap();
    assert_eq!(secret.expose(), hex(s(v, "bytes_hex")));
    assert_eq!(&secret.expose()[..6], b"Hello!");
    assert_eq!(secret.to_base32(), s(v, "base32"));
}

#[test]
fn otpauth_example_builds_and_parses() {
    let v = &vectors()["otpauth_example"];
    let uri = s(v, "uri");
    let parsed = OtpAuthUri::parse(uri).unwrap();
    assert_eq!(parsed.issuer(), Some("Example Co"));
    assert_eq!(parsed.account(), "alice@example.com");
    assert_eq!(parsed.secret().expose(), b"12345678901234567890");
    assert_eq!(parsed.params(), Params::default());
    let built = OtpAuthUri::new(
        "Example Co",
        "alice@example.com",
        Secret::from_bytes(b"12345678901234567890").unwrap(),
        Params::default(),
    )
    .unwrap();
    assert_eq!(built.to_uri(), uri);
    // 10 bytes -> 16 chars, and a 32-byte secret's padding is omitted.
    let ten = Secret::from_bytes(&[7; 10]).unwrap();
    assert_eq!(ten.to_base32().len(), 16);
    let padded = Secret::from_bytes(&[7; 32]).unwrap();
    let uri = OtpAuthUri::new("A", "b", padded, Params::default())
        .unwrap()
        .to_uri();
    assert!(!uri.contains('='.to_string().repeat(2).as_str()));
    assert!(!uri.contains("%3D"));
}

#[test]
fn pyotp_extra_vectors() {
    let v = &vectors()["extras"]["pyotp_extra_vectors"];
    let ga = &v["ga_output"];
    let secret = Secret::from_base32(s(ga, "secret_base32")).unwrap();
    let totp = Totp::new(&secret, Params::default());
    assert_eq!(totp.code_at(n(ga, "time")).as_str(), s(ga, "code"));

    let w = &v["valid_window_1_at_t200"];
    let secret = Secret::from_base32(s(w, "secret_base32")).unwrap();
    let totp = Totp::new(&secret, Params::default());
    let accepted: Vec<u64> = w["accept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            totp.verify(c.as_str().unwrap(), 200, 1)
                .expect("must verify")
        })
        .collect();
    assert_eq!(accepted, vec![5, 6, 7]);
    assert_eq!(totp.verify(s(w, "reject_plus2"), 200, 1), None);
    assert_eq!(totp.verify(s(w, "reject_plus2"), 200, 2), Some(8));
}

#[test]
fn acceptance_parameters_are_the_defaults() {
    let v = &vectors()["acceptance_parameters"];
    let p = Params::default();
    assert_eq!(p.period(), n(v, "period_s"));
    assert_eq!(u64::from(p.digits()), n(v, "digits"));
    assert_eq!(p.algorithm().as_str(), s(v, "algorithm"));
    assert_eq!(deadbolt_otp::DEFAULT_WINDOW, n(&v["window_steps"], "past"));
    assert_eq!(
        deadbolt_otp::DEFAULT_WINDOW,
        n(&v["window_steps"], "future")
    );
    let bits = &v["secret_bits"];
    assert_eq!(
        deadbolt_otp::DEFAULT_SECRET_LEN as u64 * 8,
        n(bits, "recommended")
    );
    assert_eq!(
        Secret::generate().to_base32().len() as u64,
        n(bits, "base32_len_for_160")
    );
}
