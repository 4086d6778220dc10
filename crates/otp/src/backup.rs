//! The backup-code format: generation and normalisation of what users type.
//!
//! Storage (hashing, single use, atomic regeneration) belongs to the store and
//! server; this module only knows what a code looks like.

use std::fmt;

use rand::CryptoRng;
use rand::rand_core::UnwrapErr;
use rand::rngs::SysRng;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::{Error, Result};

/// The 32 characters of a backup code: digits and lower-case letters without
/// `0`, `o`, `1` and `l`, which are easily confused. 32 symbols = 5 bits each.
pub const BACKUP_CODE_ALPHABET: &[u8; 32] = b"23456789abcdefghijkmnpqrstuvwxyz";

/// Characters in a backup code (dash excluded): 10 × 5 = 50 random bits.
pub const BACKUP_CODE_LEN: usize = 10;

/// Codes in a set (NIST SP 800-63B look-up secrets; the seed's "backup codes").
pub const BACKUP_CODE_COUNT: usize = 10;

/// A backup code in canonical form: `k7mq2-x9vtd` (lower case, one dash in
/// the middle).
///
/// Zeroized on drop; `Debug` is redacted and there is no `Display`: the text
/// is read through [`BackupCode::as_str`], to show the set once and to hash
/// each code for storage. Equality is constant-time.
#[derive(Clone)]
pub struct BackupCode(Zeroizing<String>);

impl BackupCode {
    /// A set of [`BACKUP_CODE_COUNT`] distinct codes from the OS generator.
    ///
    /// # Panics
    /// If the OS generator fails.
    pub fn generate_set() -> Vec<BackupCode> {
        Self::generate_set_with(&mut UnwrapErr(SysRng))
    }

    /// A set of [`BACKUP_CODE_COUNT`] distinct codes from `rng`.
    pub fn generate_set_with<R: CryptoRng + ?Sized>(rng: &mut R) -> Vec<BackupCode> {
        let mut set: Vec<BackupCode> = Vec::with_capacity(BACKUP_CODE_COUNT);
        while set.len() < BACKUP_CODE_COUNT {
            let code = Self::generate_with(rng);
            // 50 bits make a repeat absurdly unlikely; still, a set is a set.
            if !set.contains(&code) {
                set.push(code);
            }
        }
        set
    }

    /// One code with 50 random bits from `rng`.
    pub fn generate_with<R: CryptoRng + ?Sized>(rng: &mut R) -> BackupCode {
        let bits = Zeroizing::new(rng.next_u64());
        let mut raw = Zeroizing::new([0u8; BACKUP_CODE_LEN]);
        for (i, c) in raw.iter_mut().enumerate() {
            *c = BACKUP_CODE_ALPHABET[((*bits >> (5 * i)) & 0x1f) as usize];
        }
        BackupCode::canonical(&raw)
    }

    fn canonical(raw: &[u8; BACKUP_CODE_LEN]) -> BackupCode {
        let mut s = Zeroizing::new(String::with_capacity(BACKUP_CODE_LEN + 1));
        for (i, &c) in raw.iter().enumerate() {
            if i == BACKUP_CODE_LEN / 2 {
                s.push('-');
            }
            s.push(char::from(c));
        }
        BackupCode(s)
    }

    /// Normalises what a user typed: any case, with or without the dash,
    /// spaces anywhere. `"K7MQ2 X9VTD"` and `"k7mq2x9vtd"` both give
    /// `k7mq2-x9vtd`.
    ///
    /// # Errors
    /// [`Error::BackupCodeCharacter`] for a character outside the alphabet
    /// (including `0`, `o`, `1`, `l`), [`Error::BackupCodeLength`] unless
    /// exactly 10 characters remain.
    pub fn parse(input: &str) -> Result<BackupCode> {
        let mut raw = Zeroizing::new([0u8; BACKUP_CODE_LEN]);
        let mut len = 0;
        for ch in input.chars() {
            if ch.is_whitespace() || ch == '-' {
                continue;
            }
            let lower = ch.to_ascii_lowercase();
            if !lower.is_ascii() || !BACKUP_CODE_ALPHABET.contains(&(lower as u8)) {
                return Err(Error::BackupCodeCharacter { ch });
            }
            if len < BACKUP_CODE_LEN {
                raw[len] = lower as u8;
            }
            len += 1;
        }
        if len != BACKUP_CODE_LEN {
            return Err(Error::BackupCodeLength { len });
        }
        Ok(BackupCode::canonical(&raw))
    }

    /// The canonical text, `k7mq2-x9vtd`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BackupCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BackupCode([REDACTED])")
    }
}

impl ConstantTimeEq for BackupCode {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.0.as_bytes().ct_eq(other.0.as_bytes())
    }
}

impl PartialEq for BackupCode {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for BackupCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_is_unambiguous_and_32_long() {
        let mut sorted = BACKUP_CODE_ALPHABET.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 32);
        for c in b"01ol" {
            assert!(!BACKUP_CODE_ALPHABET.contains(c));
        }
    }

    #[test]
    fn generated_set_has_ten_distinct_well_formed_codes() {
        let set = BackupCode::generate_set();
        assert_eq!(set.len(), BACKUP_CODE_COUNT);
        for (i, code) in set.iter().enumerate() {
            let s = code.as_str();
            assert_eq!(s.len(), 11);
            assert_eq!(&s[5..6], "-");
            assert_eq!(BackupCode::parse(s).unwrap(), *code);
            for other in &set[i + 1..] {
                assert_ne!(code, other);
            }
        }
    }

    #[test]
    fn every_alphabet_symbol_shows_up() {
        // 50 codes = 500 symbols: a stuck bit would leave half the alphabet unused.
        let mut seen = [false; 256];
        for _ in 0..5 {
            for code in BackupCode::generate_set() {
                for b in code.as_str().bytes() {
                    seen[usize::from(b)] = true;
                }
            }
        }
        let missing: Vec<char> = BACKUP_CODE_ALPHABET
            .iter()
            .filter(|c| !seen[usize::from(**c)])
            .map(|c| char::from(*c))
            .collect();
        assert!(missing.len() <= 1, "never generated: {missing:?}");
    }

    #[test]
    fn parse_normalises_user_input() {
        let canon = BackupCode::parse("k7mq2-x9vtd").unwrap();
        assert_eq!(canon.as_str(), "k7mq2-x9vtd");
        for typed in [
            "K7MQ2-X9VTD",
            "k7mq2x9vtd",
            " k7mq2 x9vtd ",
            "K7MQ2 - X9VTD",
            "k7-mq2x9-vtd",
        ] {
            assert_eq!(BackupCode::parse(typed).unwrap(), canon, "{typed}");
        }
    }

    #[test]
    fn parse_rejects_clearly() {
        assert_eq!(
            BackupCode::parse("k7mq2-x9vt0"),
            Err(Error::BackupCodeCharacter { ch: '0' })
        );
        assert_eq!(
            BackupCode::parse("k7mq2-x9vtl"),
            Err(Error::BackupCodeCharacter { ch: 'l' })
        );
        assert_eq!(
            BackupCode::parse("k7mq2-x9vtд"),
            Err(Error::BackupCodeCharacter { ch: 'д' })
        );
        assert_eq!(
            BackupCode::parse("k7mq2-x9vt"),
            Err(Error::BackupCodeLength { len: 9 })
        );
        assert_eq!(
            BackupCode::parse("k7mq2-x9vtdd"),
            Err(Error::BackupCodeLength { len: 11 })
        );
        assert_eq!(
            BackupCode::parse(""),
            Err(Error::BackupCodeLength { len: 0 })
        );
    }

    #[test]
    fn debug_is_redacted() {
        let code = BackupCode::parse("k7mq2-x9vtd").unwrap();
        assert_eq!(format!("{code:?}"), "BackupCode([REDACTED])");
    }
}
