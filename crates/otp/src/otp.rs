//! HOTP (RFC 4226) and TOTP (RFC 6238): generation and windowed verification.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Sha256, Sha512};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use crate::{Algorithm, Error, Params, Result, Secret};

/// The HMAC keyed once with the secret. Cloning it copies the precomputed
/// inner and outer pad states, so each step costs two compression calls
/// instead of four. Wiped on drop (the `zeroize` feature of sha1/sha2).
#[derive(Clone)]
enum Keyed {
    Sha1(Hmac<Sha1>),
    Sha256(Hmac<Sha256>),
    Sha512(Hmac<Sha512>),
}

fn key<M: KeyInit>(secret: &Secret) -> M {
    M::new_from_slice(secret.expose()).expect("HMAC accepts keys of any length")
}

/// RFC 4226 §5.3 dynamic truncation of an HMAC over the big-endian counter.
#[inline]
fn truncated<M: Mac + Clone>(keyed: &M, counter: u64) -> u32 {
    let mut mac = keyed.clone();
    mac.update(&counter.to_be_bytes());
    let out = mac.finalize().into_bytes();
    let offset = usize::from(out[out.len() - 1] & 0x0f);
    u32::from_be_bytes([
        out[offset] & 0x7f,
        out[offset + 1],
        out[offset + 2],
        out[offset + 3],
    ])
}

/// `value mod 10^digits`, with the divisor a constant in each arm so the
/// compiler turns the division into a multiplication (a hardware division
/// would add a measurable fraction to each step).
#[inline]
fn reduce(value: u32, digits: u8) -> u32 {
    match digits {
        6 => value % 1_000_000,
        7 => value % 10_000_000,
        _ => value % 100_000_000,
    }
}

impl Keyed {
    fn new(secret: &Secret, algorithm: Algorithm) -> Keyed {
        match algorithm {
            Algorithm::Sha1 => Keyed::Sha1(key(secret)),
            Algorithm::Sha256 => Keyed::Sha256(key(secret)),
            Algorithm::Sha512 => Keyed::Sha512(key(secret)),
        }
    }

    #[inline]
    fn truncated(&self, counter: u64) -> u32 {
        match self {
            Keyed::Sha1(m) => truncated(m, counter),
            Keyed::Sha256(m) => truncated(m, counter),
            Keyed::Sha512(m) => truncated(m, counter),
        }
    }

    #[cfg(test)]
    fn raw(&self, counter: u64) -> Vec<u8> {
        fn raw<M: Mac + Clone>(keyed: &M, counter: u64) -> Vec<u8> {
            let mut mac = keyed.clone();
            mac.update(&counter.to_be_bytes());
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            Keyed::Sha1(m) => raw(m, counter),
            Keyed::Sha256(m) => raw(m, counter),
            Keyed::Sha512(m) => raw(m, counter),
        }
    }
}

/// A one-time code: 6 to 8 ASCII digits, leading zeros kept, on the stack.
///
/// Compare codes with [`ConstantTimeEq`] (or `==`, which uses it), or better,
/// let [`Totp::verify`] do it.
#[derive(Clone, Copy)]
pub struct Code {
    digits: [u8; 8],
    len: u8,
}

impl Code {
    fn new(value: u32, len: u8) -> Code {
        let mut digits = [b'0'; 8];
        let mut v = value;
        for d in digits[..usize::from(len)].iter_mut().rev() {
            *d = b'0' + (v % 10) as u8;
            v /= 10;
        }
        Code { digits, len }
    }

    /// The code as text, e.g. `"081804"`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("a code is ASCII digits")
    }

    /// The code as ASCII bytes (what the CLI writes out).
    pub fn as_bytes(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }
}

impl ConstantTimeEq for Code {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.as_bytes().ct_eq(other.as_bytes())
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Code {}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code is a credential for its time step: `Debug` does not print its
/// digits (a stray `{:?}` in a log line must not leak one). `Display` and
/// [`Code::as_str`] give them, for the CLI and for comparison.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({} digits, [REDACTED])", self.len)
    }
}

/// The outcome of [`Totp::verify_after`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The code is valid for this step, newer than the last accepted one:
    /// store `step` as the device's new last-used step.
    Accepted {
        /// The time step the code belongs to.
        step: u64,
    },
    /// The code is valid but for a step already used (the same or older):
    /// refuse it and log a replay.
    Replayed {
        /// The time step the code belongs to.
        step: u64,
    },
    /// The code matches no step in the window (or is malformed).
    Rejected,
}

impl Verdict {
    /// The accepted step, if any.
    pub fn accepted_step(self) -> Option<u64> {
        match self {
            Verdict::Accepted { step } => Some(step),
            _ => None,
        }
    }

    /// Whether the code was accepted.
    pub fn is_accepted(self) -> bool {
        matches!(self, Verdict::Accepted { .. })
    }
}

/// A TOTP (and HOTP) generator/verifier for one secret and one set of
/// parameters, with the HMAC key state computed once.
///
/// Build one per verification (or per CLI run); it holds key material and is
/// wiped on drop. No `Debug` on purpose.
#[derive(Clone)]
pub struct Totp {
    keyed: Keyed,
    params: Params,
}

impl Totp {
    /// Keys the HMAC with `secret` for the given parameters.
    pub fn new(secret: &Secret, params: Params) -> Totp {
        Totp {
            keyed: Keyed::new(secret, params.algorithm()),
            params,
        }
    }

    /// The parameters.
    pub fn params(&self) -> Params {
        self.params
    }

    /// The time step of a Unix time (`floor(t / period)`).
    pub fn step(&self, unix_time: u64) -> u64 {
        self.params.step(unix_time)
    }

    /// The code of a time step, which is also the HOTP code of that counter
    /// (RFC 6238 §4: TOTP = HOTP(K, T)).
    #[inline]
    pub fn code_at_step(&self, step: u64) -> Code {
        Code::new(
            reduce(self.keyed.truncated(step), self.params.digits()),
            self.params.digits(),
        )
    }

    /// The code at a Unix time in seconds.
    pub fn code_at(&self, unix_time: u64) -> Code {
        self.code_at_step(self.step(unix_time))
    }

    /// Checks `code` (exact digits, as produced by [`normalize_code`]) against
    /// the steps `window` either side of the step of `unix_time`, and returns
    /// the matching step.
    ///
    /// Every step of the window is computed and compared in constant time; a
    /// code of the wrong length or with non-digits never matches (so `"81804"`
    /// is not `"081804"`). The cost is one HMAC per step: pass
    /// [`DEFAULT_WINDOW`](crate::DEFAULT_WINDOW) (±1), not a number from a
    /// client. The caller must still refuse a step it has accepted before: see
    /// [`Totp::verify_after`].
    pub fn verify(&self, code: &str, unix_time: u64, window: u64) -> Option<u64> {
        self.scan(code, unix_time, window, None).0
    }

    /// Like [`Totp::verify`], but accepts only steps strictly greater than
    /// `last_step` (the device's last accepted step, `None` if never used), and
    /// tells a replayed code apart from a wrong one.
    pub fn verify_after(
        &self,
        code: &str,
        unix_time: u64,
        window: u64,
        last_step: Option<u64>,
    ) -> Verdict {
        match self.scan(code, unix_time, window, last_step) {
            (Some(step), _) => Verdict::Accepted { step },
            (None, Some(step)) => Verdict::Replayed { step },
            (None, None) => Verdict::Rejected,
        }
    }

    /// Returns (highest matching step newer than `last`, highest matching step
    /// not newer than `last`).
    fn scan(
        &self,
        code: &str,
        unix_time: u64,
        window: u64,
        last: Option<u64>,
    ) -> (Option<u64>, Option<u64>) {
        let code = code.as_bytes();
        // Length and alphabet are public: checking them early leaks nothing.
        if code.len() != usize::from(self.params.digits()) || !code.iter().all(u8::is_ascii_digit) {
            return (None, None);
        }
        // With the length fixed to `digits`, equal digit strings are exactly
        // equal numbers ("081804" is 81804 and "81804" was refused above), so
        // compare integers: one constant-time comparison per step, and no
        // formatting of candidate codes.
        let typed = code
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        let digits = self.params.digits();
        let now = self.step(unix_time);
        let steps = now.saturating_sub(window)..=now.saturating_add(window);
        // Dispatch on the algorithm once, not per step.
        match &self.keyed {
            Keyed::Sha1(m) => scan_steps(m, typed, digits, steps, last),
            Keyed::Sha256(m) => scan_steps(m, typed, digits, steps, last),
            Keyed::Sha512(m) => scan_steps(m, typed, digits, steps, last),
        }
    }
}

/// The body of [`Totp::scan`] for one hash function: every step is computed
/// and compared in constant time.
#[inline]
fn scan_steps<M: Mac + Clone>(
    keyed: &M,
    typed: u32,
    digits: u8,
    steps: std::ops::RangeInclusive<u64>,
    last: Option<u64>,
) -> (Option<u64>, Option<u64>) {
    let (mut fresh, mut fresh_step) = (0u8, 0u64);
    let (mut stale, mut stale_step) = (0u8, 0u64);
    for step in steps {
        let matched = reduce(truncated(keyed, step), digits).ct_eq(&typed);
        // Whether a step is newer than the last used one is public: only the
        // match is secret, and it never drives a branch.
        if last.is_none_or(|l| step > l) {
            fresh_step.conditional_assign(&step, matched);
            fresh |= matched.unwrap_u8();
        } else {
            stale_step.conditional_assign(&step, matched);
            stale |= matched.unwrap_u8();
        }
    }
    (
        (fresh == 1).then_some(fresh_step),
        (stale == 1).then_some(stale_step),
    )
}

/// The HOTP code (RFC 4226) of `counter`, with the algorithm and digits of
/// `params` (the period plays no part).
pub fn hotp(secret: &Secret, params: Params, counter: u64) -> Code {
    Totp::new(secret, params).code_at_step(counter)
}

/// Turns what a user typed into the exact digit string to verify:
/// `"081 804"` and `"081-804"` become `"081804"`.
///
/// White space and dashes are removed; anything else that is not an ASCII
/// digit is an error, and so is a result outside 6 to 8 digits. Leading zeros
/// are kept.
///
/// # Errors
/// [`Error::CodeCharacter`], [`Error::CodeLength`].
pub fn normalize_code(input: &str) -> Result<String> {
    let mut out = String::with_capacity(8);
    for ch in input.chars() {
        if ch.is_ascii_digit() {
            out.push(ch);
        } else if !(ch.is_whitespace() || ch == '-') {
            return Err(Error::CodeCharacter { ch });
        }
    }
    if !(6..=8).contains(&out.len()) {
        return Err(Error::CodeLength { len: out.len() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc_secret() -> Secret {
        Secret::from_bytes(b"12345678901234567890").unwrap()
    }

    fn vectors() -> serde_json::Value {
        serde_json::from_str(include_str!("../tests/data/otp.json")).unwrap()
    }

    /// RFC 4226 Appendix D, down to the raw HMAC and the truncated value.
    #[test]
    fn rfc4226_intermediate_values() {
        let v = vectors();
        let hotp = &v["hotp_rfc4226"];
        let keyed = Keyed::new(&rfc_secret(), Algorithm::Sha1);
        for row in hotp["values"].as_array().unwrap() {
            let counter = row["counter"].as_u64().unwrap();
            let hex: String = keyed
                .raw(counter)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(hex, row["hmac_sha1_hex"].as_str().unwrap());
            assert_eq!(
                u64::from(keyed.truncated(counter)),
                row["truncated_dec"].as_u64().unwrap()
            );
            assert_eq!(
                super::hotp(&rfc_secret(), Params::default(), counter).as_str(),
                row["hotp_6"].as_str().unwrap()
            );
        }
    }

    #[test]
    fn leading_zeros_are_kept_and_required() {
        let totp = Totp::new(&rfc_secret(), Params::default());
        assert_eq!(totp.code_at(1_111_111_109).as_str(), "081804");
        assert_eq!(totp.code_at(1_234_567_890).as_str(), "005924");
        assert_eq!(totp.verify("081804", 1_111_111_109, 0), Some(37_037_036));
        assert_eq!(totp.verify("81804", 1_111_111_109, 0), None);
        assert_eq!(totp.verify("5924", 1_234_567_890, 0), None);
        assert_eq!(totp.verify("0081804", 1_111_111_109, 0), None);
        assert_eq!(totp.verify("08180４", 1_111_111_109, 0), None);
    }

    #[test]
    fn reduce_matches_the_power_of_ten() {
        for v in [0, 999_999, 1_000_000, 123_456_789, 0x7fff_ffff] {
            for d in 6..=8u8 {
                assert_eq!(reduce(v, d), v % 10u32.pow(u32::from(d)));
            }
        }
    }

    #[test]
    fn code_formatting() {
        assert_eq!(Code::new(7, 6).as_str(), "000007");
        assert_eq!(Code::new(12_345_678, 8).as_str(), "12345678");
        assert_eq!(Code::new(0, 7).as_str(), "0000000");
        assert_eq!(format!("{}", Code::new(42, 6)), "000042");
        let shown = format!("{:?}", Code::new(424_242, 6));
        assert!(!shown.contains("424242"), "Debug prints no digits: {shown}");
    }

    #[test]
    fn window_and_replay() {
        let totp = Totp::new(&rfc_secret(), Params::default());
        let t = 1_111_111_111; // step 37037037
        let prev = totp.code_at_step(37_037_036);
        let cur = totp.code_at_step(37_037_037);
        let two_back = totp.code_at_step(37_037_035);
        assert_eq!(totp.verify(prev.as_str(), t, 1), Some(37_037_036));
        assert_eq!(totp.verify(two_back.as_str(), t, 1), None);
        assert_eq!(totp.verify(two_back.as_str(), t, 2), Some(37_037_035));

        assert_eq!(
            totp.verify_after(cur.as_str(), t, 1, None),
            Verdict::Accepted { step: 37_037_037 }
        );
        assert_eq!(
            totp.verify_after(cur.as_str(), t, 1, Some(37_037_036)),
            Verdict::Accepted { step: 37_037_037 }
        );
        // The same step again, and an older step after a newer one: replays.
        assert_eq!(
            totp.verify_after(cur.as_str(), t, 1, Some(37_037_037)),
            Verdict::Replayed { step: 37_037_037 }
        );
        assert_eq!(
            totp.verify_after(prev.as_str(), t, 1, Some(37_037_037)),
            Verdict::Replayed { step: 37_037_036 }
        );
        assert_eq!(
            totp.verify_after("000000", t, 1, Some(1)),
            Verdict::Rejected
        );
        assert!(!Verdict::Rejected.is_accepted());
        assert_eq!(Verdict::Replayed { step: 3 }.accepted_step(), None);
    }

    #[test]
    fn window_saturates_at_the_ends_of_time() {
        let totp = Totp::new(&rfc_secret(), Params::default());
        let first = totp.code_at_step(0);
        assert_eq!(totp.verify(first.as_str(), 0, 1), Some(0));
        let last = totp.code_at_step(u64::MAX / 30);
        assert_eq!(totp.verify(last.as_str(), u64::MAX, 1), Some(u64::MAX / 30));
        let p = Params::new(Algorithm::Sha1, 6, 1).unwrap();
        let totp = Totp::new(&rfc_secret(), p);
        let top = totp.code_at_step(u64::MAX);
        assert_eq!(totp.verify(top.as_str(), u64::MAX, 3), Some(u64::MAX));
    }

    #[test]
    fn normalizer() {
        assert_eq!(normalize_code("081 804").unwrap(), "081804");
        assert_eq!(normalize_code("081-804").unwrap(), "081804");
        assert_eq!(normalize_code(" 0818 04\n").unwrap(), "081804");
        assert_eq!(normalize_code("12345678").unwrap(), "12345678");
        assert_eq!(
            normalize_code("08180a"),
            Err(Error::CodeCharacter { ch: 'a' })
        );
        assert_eq!(
            normalize_code("٠٨١٨٠٤"),
            Err(Error::CodeCharacter { ch: '٠' })
        );
        assert_eq!(normalize_code("81804"), Err(Error::CodeLength { len: 5 }));
        assert_eq!(
            normalize_code("123456789"),
            Err(Error::CodeLength { len: 9 })
        );
        assert_eq!(normalize_code(""), Err(Error::CodeLength { len: 0 }));
    }
}
