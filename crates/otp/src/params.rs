//! Algorithm, digits and period: the parameters of a TOTP device.

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};

/// How many steps either side of the current one a code may come from
/// (RFC 6238 §5.2: one step of network delay; one more for a fast phone clock).
pub const DEFAULT_WINDOW: u64 = 1;

/// The HMAC hash function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Algorithm {
    /// HMAC-SHA-1, what every authenticator app supports (the default).
    #[default]
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-512.
    Sha512,
}

impl Algorithm {
    /// The name used in `otpauth://` URIs: `SHA1`, `SHA256` or `SHA512`.
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "SHA1",
            Algorithm::Sha256 => "SHA256",
            Algorithm::Sha512 => "SHA512",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Algorithm {
    type Err = Error;

    /// Accepts `SHA1`, `SHA256`, `SHA512` in any case, with or without a dash
    /// (`sha-256`).
    fn from_str(s: &str) -> Result<Self> {
        let name: String = s
            .chars()
            .filter(|c| *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        match name.as_str() {
            "SHA1" => Ok(Algorithm::Sha1),
            "SHA256" => Ok(Algorithm::Sha256),
            "SHA512" => Ok(Algorithm::Sha512),
            _ => Err(Error::UnknownAlgorithm(s.to_owned())),
        }
    }
}

/// Validated TOTP parameters: algorithm, 6 to 8 digits, a period of at least
/// one second. The default is what every app supports: SHA-1, 6 digits, 30 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Params {
    algorithm: Algorithm,
    digits: u8,
    period: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            algorithm: Algorithm::Sha1,
            digits: 6,
            period: 30,
        }
    }
}

impl Params {
    /// Checks and builds parameters.
    ///
    /// # Errors
    /// [`Error::InvalidDigits`] outside 6..=8, [`Error::InvalidPeriod`] for 0.
    pub fn new(algorithm: Algorithm, digits: u64, period: u64) -> Result<Self> {
        if !(6..=8).contains(&digits) {
            return Err(Error::InvalidDigits(digits));
        }
        if period == 0 {
            return Err(Error::InvalidPeriod);
        }
        Ok(Params {
            algorithm,
            digits: digits as u8,
            period,
        })
    }

    /// The hash function.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// The number of digits of a code (6 to 8).
    pub fn digits(&self) -> u8 {
        self.digits
    }

    /// The length of a time step in seconds (at least 1).
    pub fn period(&self) -> u64 {
        self.period
    }

    /// The time step of a Unix time: `floor(t / period)` (RFC 6238 §4.2, T0 = 0).
    pub fn step(&self, unix_time: u64) -> u64 {
        unix_time / self.period
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names_round_trip() {
        for alg in [Algorithm::Sha1, Algorithm::Sha256, Algorithm::Sha512] {
            assert_eq!(alg.as_str().parse::<Algorithm>().unwrap(), alg);
            assert_eq!(
                alg.as_str().to_lowercase().parse::<Algorithm>().unwrap(),
                alg
            );
        }
        assert_eq!("sha-256".parse::<Algorithm>().unwrap(), Algorithm::Sha256);
        assert_eq!(
            "MD5".parse::<Algorithm>(),
            Err(Error::UnknownAlgorithm("MD5".into()))
        );
    }

    #[test]
    fn params_are_validated() {
        assert_eq!(
            Params::new(Algorithm::Sha1, 5, 30),
            Err(Error::InvalidDigits(5))
        );
        assert_eq!(
            Params::new(Algorithm::Sha1, 9, 30),
            Err(Error::InvalidDigits(9))
        );
        assert_eq!(
            Params::new(Algorithm::Sha1, 6, 0),
            Err(Error::InvalidPeriod)
        );
        let p = Params::new(Algorithm::Sha512, 8, 60).unwrap();
        assert_eq!(
            (p.algorithm(), p.digits(), p.period()),
            (Algorithm::Sha512, 8, 60)
        );
        assert_eq!(
            Params::default(),
            Params::new(Algorithm::Sha1, 6, 30).unwrap()
        );
    }

    #[test]
    fn step_boundaries() {
        let p = Params::default();
        assert_eq!(p.step(59), 1);
        assert_eq!(p.step(60), 2);
        assert_eq!(p.step(20_000_000_000), 666_666_666);
    }
}
