//! `otpauth://totp/...` provisioning URIs (Google Authenticator "Key Uri
//! Format"), built and parsed without a URL crate.

use std::fmt::Write as _;

use crate::{Algorithm, Error, Params, Result, Secret};

/// A TOTP provisioning URI:
/// `otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30`.
///
/// `Debug` is derived but the secret inside redacts itself; the URI text
/// (which contains the secret) comes only from [`OtpAuthUri::to_uri`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpAuthUri {
    issuer: Option<String>,
    account: String,
    secret: Secret,
    params: Params,
}

impl OtpAuthUri {
    /// A URI for `account` at `issuer` (the service name shown in the app).
    ///
    /// # Errors
    /// [`Error::InvalidLabel`] if the issuer or account is empty or contains a
    /// colon (the Key Uri Format forbids it: apps would split the label there).
    pub fn new(issuer: &str, account: &str, secret: Secret, params: Params) -> Result<Self> {
        if issuer.is_empty() {
            return Err(Error::InvalidLabel("the issuer must not be empty"));
        }
        if issuer.contains(':') {
            return Err(Error::InvalidLabel("the issuer must not contain a colon"));
        }
        if account.trim().is_empty() {
            return Err(Error::InvalidLabel("the account name must not be empty"));
        }
        if account.contains(':') {
            return Err(Error::InvalidLabel(
                "the account name must not contain a colon",
            ));
        }
        Ok(OtpAuthUri {
            issuer: Some(issuer.to_owned()),
            account: account.to_owned(),
            secret,
            params,
        })
    }

    /// The issuer (service name), if the URI has one.
    pub fn issuer(&self) -> Option<&str> {
        self.issuer.as_deref()
    }

    /// The account name (user name).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The shared secret.
    pub fn secret(&self) -> &Secret {
        &self.secret
    }

    /// Consumes the URI and returns its secret.
    pub fn into_secret(self) -> Secret {
        self.secret
    }

    /// Algorithm, digits and period.
    pub fn params(&self) -> Params {
        self.params
    }

    /// The URI text. It contains the secret: show it only during setup.
    ///
    /// The label is `Issuer:account` with both parts percent-encoded
    /// (everything but RFC 3986 unreserved characters); the `issuer`
    /// parameter repeats the prefix; the secret is unpadded base32; algorithm,
    /// digits and period are always spelled out.
    pub fn to_uri(&self) -> String {
        let mut out = String::from("otpauth://totp/");
        if let Some(issuer) = &self.issuer {
            encode_into(&mut out, issuer);
            out.push(':');
        }
        encode_into(&mut out, &self.account);
        out.push_str("?secret=");
        out.push_str(&zeroize::Zeroizing::new(self.secret.to_base32()));
        if let Some(issuer) = &self.issuer {
            out.push_str("&issuer=");
            encode_into(&mut out, issuer);
        }
        let p = self.params;
        write!(
            out,
            "&algorithm={}&digits={}&period={}",
            p.algorithm(),
            p.digits(),
            p.period()
        )
        .expect("writing to a String cannot fail");
        out
    }

    /// Parses a TOTP URI, with a distinct error for each malformed part.
    ///
    /// Accepted: any case in the scheme, type and algorithm; a label with or
    /// without an issuer prefix (split at the first literal `:`, as pyotp and
    /// Google Authenticator do, so an encoded `%3A` belongs to the name);
    /// missing `algorithm`/`digits`/`period` (defaults SHA1, 6, 30); unknown
    /// parameters such as `image` (ignored). `+` in a parameter value is a
    /// space (form encoding), in the label it is a literal `+`.
    ///
    /// # Errors
    /// [`Error::UriScheme`], [`Error::UriType`] (e.g. `hotp`),
    /// [`Error::UriMissingAccount`], [`Error::UriMissingSecret`], the base32
    /// errors of [`Secret::from_base32`], [`Error::UriIssuerMismatch`],
    /// [`Error::UriNumber`], [`Error::InvalidDigits`],
    /// [`Error::UnknownAlgorithm`], [`Error::InvalidPeriod`],
    /// [`Error::UriDuplicateParameter`], [`Error::UriPercentEncoding`].
    pub fn parse(uri: &str) -> Result<Self> {
        const SCHEME: &str = "otpauth://";
        // `get` rather than slicing: byte 10 may fall inside a multi-byte character.
        let rest = match (uri.get(..SCHEME.len()), uri.get(SCHEME.len()..)) {
            (Some(scheme), Some(rest)) if scheme.eq_ignore_ascii_case(SCHEME) => rest,
            _ => return Err(Error::UriScheme),
        };
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (otp_type, label) = path.split_once('/').unwrap_or((path, ""));
        if !otp_type.eq_ignore_ascii_case("totp") {
            return Err(Error::UriType(otp_type.to_owned()));
        }

        let (label_issuer, account) = match label.split_once(':') {
            Some((issuer, account)) => (
                Some(decode(issuer, false, "label (issuer)")?),
                decode(account, false, "label (account)")?,
            ),
            None => (None, decode(label, false, "label (account)")?),
        };
        let account = account.trim_start().to_owned();
        if account.is_empty() {
            return Err(Error::UriMissingAccount);
        }
        let label_issuer = label_issuer.filter(|i| !i.is_empty());

        let mut secret = None;
        let mut issuer = None;
        let mut algorithm = None;
        let mut digits = None;
        let mut period = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key, true, "parameter name")?;
            let slot = match key.as_str() {
                "secret" => &mut secret,
                "issuer" => &mut issuer,
                "algorithm" => &mut algorithm,
                "digits" => &mut digits,
                "period" => &mut period,
                _ => continue,
            };
            if slot.is_some() {
                return Err(Error::UriDuplicateParameter(key));
            }
            *slot = Some(decode(value, true, "parameter value")?);
        }

        let secret = match secret {
            Some(s) if !s.trim().is_empty() => Secret::from_base32(&zeroize::Zeroizing::new(s))?,
            _ => return Err(Error::UriMissingSecret),
        };
        let issuer = match (label_issuer, issuer.filter(|i| !i.is_empty())) {
            (Some(label), Some(parameter)) if label != parameter => {
                return Err(Error::UriIssuerMismatch { label, parameter });
            }
            (label, parameter) => parameter.or(label),
        };
        let algorithm = match algorithm {
            Some(a) => a.parse::<Algorithm>()?,
            None => Algorithm::Sha1,
        };
        let digits = number("digits", digits, 6)?;
        let period = number("period", period, 30)?;
        Ok(OtpAuthUri {
            issuer,
            account,
            secret,
            params: Params::new(algorithm, digits, period)?,
        })
    }
}

fn number(name: &'static str, value: Option<String>, default: u64) -> Result<u64> {
    match value {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| Error::UriNumber { name, value: v }),
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

/// Percent-decodes to UTF-8; with `plus_is_space`, `+` means a space (query).
fn decode(text: &str, plus_is_space: bool, part: &'static str) -> Result<String> {
    fn hex(b: u8) -> Option<u8> {
        char::from(b).to_digit(16).map(|d| d as u8)
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = bytes.get(i + 1).copied().and_then(hex);
                let lo = bytes.get(i + 2).copied().and_then(hex);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
                    _ => return Err(Error::UriPercentEncoding { part }),
                }
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| Error::UriPercentEncoding { part })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = "otpauth://totp/Example%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Co&algorithm=SHA1&digits=6&period=30";

    fn rfc() -> Secret {
        Secret::from_bytes(b"12345678901234567890").unwrap()
    }

    #[test]
    fn builds_the_reference_example() {
        let uri =
            OtpAuthUri::new("Example Co", "alice@example.com", rfc(), Params::default()).unwrap();
        assert_eq!(uri.to_uri(), EXAMPLE);
        assert_eq!(OtpAuthUri::parse(EXAMPLE).unwrap(), uri);
    }

    #[test]
    fn encoding_covers_everything_but_unreserved() {
        let mut s = String::new();
        encode_into(&mut s, "a-Z_0.~ /:?#&=+%é");
        assert_eq!(s, "a-Z_0.~%20%2F%3A%3F%23%26%3D%2B%25%C3%A9");
        assert_eq!(decode(&s, false, "x").unwrap(), "a-Z_0.~ /:?#&=+%é");
        assert_eq!(decode("a+b", false, "x").unwrap(), "a+b");
        assert_eq!(decode("a+b", true, "x").unwrap(), "a b");
        assert!(decode("%zz", false, "x").is_err());
        assert!(decode("%4", false, "x").is_err());
        assert!(decode("%FF", false, "x").is_err());
    }

    #[test]
    fn new_rejects_bad_labels() {
        for (issuer, account) in [("", "bob"), ("A:B", "bob"), ("Acme", ""), ("Acme", "a:b")] {
            assert!(matches!(
                OtpAuthUri::new(issuer, account, rfc(), Params::default()),
                Err(Error::InvalidLabel(_))
            ));
        }
    }

    #[test]
    fn parses_minimal_and_lenient_forms() {
        let u = OtpAuthUri::parse("otpauth://totp/bob?secret=jbswy3dpehpk3pxp").unwrap();
        assert_eq!(u.issuer(), None);
        assert_eq!(u.account(), "bob");
        assert_eq!(u.params(), Params::default());
        let u = OtpAuthUri::parse(
            "OTPAUTH://TOTP/ACME%20Co:%20john.doe%40email.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME+Co&algorithm=sha256&digits=8&period=60&image=https%3A%2F%2Fx",
        )
        .unwrap();
        assert_eq!(u.issuer(), Some("ACME Co"));
        assert_eq!(u.account(), "john.doe@email.com");
        assert_eq!(u.params(), Params::new(Algorithm::Sha256, 8, 60).unwrap());
        // Issuer only as a parameter, only as a prefix.
        let u = OtpAuthUri::parse("otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&issuer=X").unwrap();
        assert_eq!(u.issuer(), Some("X"));
        let u = OtpAuthUri::parse("otpauth://totp/X:bob?secret=JBSWY3DPEHPK3PXP").unwrap();
        assert_eq!(u.issuer(), Some("X"));
        // An encoded colon belongs to the name (pyotp issue #174).
        let u = OtpAuthUri::parse("otpauth://totp/A%3AB:bob?secret=JBSWY3DPEHPK3PXP").unwrap();
        assert_eq!((u.issuer(), u.account()), (Some("A:B"), "bob"));
    }

    #[test]
    fn each_malformed_part_has_its_own_error() {
        let s = "secret=JBSWY3DPEHPK3PXP";
        let cases: Vec<(String, Error)> = vec![
            (format!("http://totp/a?{s}"), Error::UriScheme),
            ("otpauth:/".into(), Error::UriScheme),
            (
                format!("otpauth://hotp/a?{s}&counter=1"),
                Error::UriType("hotp".into()),
            ),
            (format!("otpauth://a?{s}"), Error::UriType("a".into())),
            (format!("otpauth://totp/?{s}"), Error::UriMissingAccount),
            (
                format!("otpauth://totp/Acme:?{s}"),
                Error::UriMissingAccount,
            ),
            ("otpauth://totp/a?issuer=x".into(), Error::UriMissingSecret),
            ("otpauth://totp/a?secret=".into(), Error::UriMissingSecret),
            (
                "otpauth://totp/a?secret=JBSWY3DPEHPK3PX1".into(),
                Error::Base32Character {
                    ch: '1',
                    position: 15,
                },
            ),
            (
                format!("otpauth://totp/A:b?{s}&issuer=B"),
                Error::UriIssuerMismatch {
                    label: "A".into(),
                    parameter: "B".into(),
                },
            ),
            (
                format!("otpauth://totp/a?{s}&digits=5"),
                Error::InvalidDigits(5),
            ),
            (
                format!("otpauth://totp/a?{s}&digits=10"),
                Error::InvalidDigits(10),
            ),
            (
                format!("otpauth://totp/a?{s}&digits=six"),
                Error::UriNumber {
                    name: "digits",
                    value: "six".into(),
                },
            ),
            (
                format!("otpauth://totp/a?{s}&algorithm=MD5"),
                Error::UnknownAlgorithm("MD5".into()),
            ),
            (
                format!("otpauth://totp/a?{s}&period=0"),
                Error::InvalidPeriod,
            ),
            (
                format!("otpauth://totp/a?{s}&period=-30"),
                Error::UriNumber {
                    name: "period",
                    value: "-30".into(),
                },
            ),
            (
                format!("otpauth://totp/a?{s}&secret=GEZDGNBV"),
                Error::UriDuplicateParameter("secret".into()),
            ),
            (
                format!("otpauth://totp/a%2?{s}"),
                Error::UriPercentEncoding {
                    part: "label (account)",
                },
            ),
        ];
        for (uri, expected) in cases {
            assert_eq!(OtpAuthUri::parse(&uri), Err(expected), "{uri}");
        }
    }

    #[test]
    fn debug_does_not_leak_the_secret() {
        let uri = OtpAuthUri::parse(EXAMPLE).unwrap();
        let dbg = format!("{uri:?}");
        assert!(!dbg.contains("GEZD"), "{dbg}");
        assert!(dbg.contains("REDACTED"));
    }
}
