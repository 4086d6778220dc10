//! The shared secret of a TOTP device, and its base32 text forms.

use std::fmt;

use data_encoding::{BASE32_NOPAD, DecodeKind};
use rand::rngs::SysRng;
use rand::{CryptoRng, TryRng};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::{Error, Result};

/// The length of a generated secret in bytes: 160 bits, the HMAC-SHA-1 output
/// size (RFC 4226 R6 recommends 160, requires 128).
pub const DEFAULT_SECRET_LEN: usize = 20;

/// A TOTP/HOTP shared secret.
///
/// Zeroized on drop; no `Display`; `Debug` prints only the length. The bytes
/// are reachable through [`Secret::expose`], the text forms through
/// [`Secret::to_base32`] and [`Secret::to_base32_grouped`]: call them only to
/// show the secret during setup or to encrypt it for storage. Equality is
/// constant-time.
#[derive(Clone)]
pub struct Secret {
    bytes: Zeroizing<Vec<u8>>,
}

impl Secret {
    /// A fresh 160-bit secret from the operating system's random generator.
    ///
    /// # Panics
    /// If the OS generator fails (no entropy source at all): there is no safe
    /// fallback.
    pub fn generate() -> Secret {
        let mut bytes = Zeroizing::new(vec![0u8; DEFAULT_SECRET_LEN]);
        SysRng
            .try_fill_bytes(&mut bytes)
            .expect("the operating system's random generator failed");
        Secret { bytes }
    }

    /// A fresh 160-bit secret from the given cryptographic generator.
    pub fn generate_with<R: CryptoRng + ?Sized>(rng: &mut R) -> Secret {
        let mut bytes = Zeroizing::new(vec![0u8; DEFAULT_SECRET_LEN]);
        rng.fill_bytes(&mut bytes);
        Secret { bytes }
    }

    /// A secret from raw bytes (for example decrypted from storage).
    ///
    /// # Errors
    /// [`Error::EmptySecret`] for an empty slice.
    pub fn from_bytes(bytes: &[u8]) -> Result<Secret> {
        if bytes.is_empty() {
            return Err(Error::EmptySecret);
        }
        Ok(Secret {
            bytes: Zeroizing::new(bytes.to_vec()),
        })
    }

    /// Decodes RFC 4648 base32, as users type or paste it: any case, spaces
    /// (and other ASCII white space) anywhere, optional trailing `=` padding.
    ///
    /// # Errors
    /// [`Error::Base32Character`] for a character outside `A-Z2-7` (naming it
    /// and its position), [`Error::Base32Malformed`] for an impossible length,
    /// [`Error::EmptySecret`] for nothing at all.
    pub fn from_base32(text: &str) -> Result<Secret> {
        let mut clean = Zeroizing::new(Vec::with_capacity(text.len()));
        let mut padding = false;
        for (position, ch) in text.chars().enumerate() {
            if ch.is_ascii_whitespace() {
                continue;
            }
            if ch == '=' {
                padding = true;
                continue;
            }
            let up = ch.to_ascii_uppercase();
            if !(up.is_ascii_uppercase() || ('2'..='7').contains(&up)) {
                return Err(Error::Base32Character { ch, position });
            }
            if padding {
                return Err(Error::Base32Malformed {
                    reason: "'=' padding may only appear at the end".into(),
                });
            }
            clean.push(up as u8);
        }
        if clean.is_empty() {
            return Err(Error::EmptySecret);
        }
        let bytes = BASE32_NOPAD
            .decode(&clean)
            .map_err(|e| Error::Base32Malformed {
                reason: match e.kind {
                    DecodeKind::Length => {
                        format!("{} characters is not a possible length", clean.len())
                    }
                    DecodeKind::Trailing => "the last character has non-zero unused bits".into(),
                    _ => e.to_string(),
                },
            })?;
        Secret::from_bytes(&Zeroizing::new(bytes))
    }

    /// Base32 without padding, upper case: the form used in `otpauth://` URIs.
    pub fn to_base32(&self) -> String {
        BASE32_NOPAD.encode(&self.bytes)
    }

    /// Base32 in groups of four separated by spaces (`"JBSW Y3DP EHPK 3PXP"`),
    /// for a human to type during manual setup.
    pub fn to_base32_grouped(&self) -> String {
        let plain = Zeroizing::new(self.to_base32());
        let mut out = String::with_capacity(plain.len() + plain.len() / 4);
        for (i, ch) in plain.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push(' ');
            }
            out.push(ch);
        }
        out
    }

    /// The raw secret bytes. Named so that every use stands out in review.
    pub fn expose(&self) -> &[u8] {
        &self.bytes
    }

    /// The length of the secret in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Always `false`: a secret cannot be empty. Present for API symmetry.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret([REDACTED; {} bytes])", self.bytes.len())
    }
}

impl ConstantTimeEq for Secret {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.bytes.as_slice().ct_eq(other.bytes.as_slice())
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Secret {}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn generate_gives_160_distinct_bits() {
        let a = Secret::generate();
        let b = Secret::generate();
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert_eq!(a.to_base32().len(), 32);
    }

    #[test]
    fn debug_is_redacted() {
        let s = Secret::from_base32(RFC).unwrap();
        let dbg = format!("{s:?}");
        assert_eq!(dbg, "Secret([REDACTED; 20 bytes])");
        assert!(!dbg.contains("GEZD"));
        assert!(!dbg.contains("49")); // '1' as a decimal byte
    }

    #[test]
    fn base32_decoding_is_lenient_about_case_spaces_padding() {
        let s = Secret::from_base32(RFC).unwrap();
        assert_eq!(s.expose(), b"12345678901234567890");
        for variant in [
            "gezdgnbvgy3tqojqgezdgnbvgy3tqojq",
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
            " GEZDGNBVGY3TQOJQ\tGEZDGNBVGY3TQOJQ\n",
        ] {
            assert_eq!(Secret::from_base32(variant).unwrap(), s);
        }
        let padded = Secret::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====").unwrap();
        assert_eq!(padded.len(), 22);
        assert_eq!(padded.to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA");
    }

    #[test]
    fn base32_rejects_bad_input_clearly() {
        assert_eq!(
            Secret::from_base32("MZXW6YT1"),
            Err(Error::Base32Character {
                ch: '1',
                position: 7
            })
        );
        assert_eq!(
            Secret::from_base32("GEZDGNBVGY3TQOJ0"),
            Err(Error::Base32Character {
                ch: '0',
                position: 15
            })
        );
        assert!(matches!(
            Secret::from_base32("ABC"),
            Err(Error::Base32Malformed { .. })
        ));
        assert!(matches!(
            Secret::from_base32("GE==ZA"),
            Err(Error::Base32Malformed { .. })
        ));
        assert_eq!(Secret::from_base32("  "), Err(Error::EmptySecret));
        assert_eq!(Secret::from_bytes(&[]), Err(Error::EmptySecret));
        let msg = Secret::from_base32("MZXW6YT1").unwrap_err().to_string();
        assert!(msg.contains("'1'") && msg.contains("A-Z and 2-7"), "{msg}");
    }

    #[test]
    fn grouped_form() {
        let s = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
        assert_eq!(s.expose(), b"Hello!\xde\xad\xbe\xef");
        assert_eq!(s.to_base32_grouped(), "JBSW Y3DP EHPK 3PXP");
        assert_eq!(Secret::from_base32(&s.to_base32_grouped()).unwrap(), s);
        let odd = Secret::from_bytes(b"abc").unwrap();
        assert_eq!(odd.to_base32_grouped(), "MFRG G");
    }
}
