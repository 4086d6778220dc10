//! The one error type of the crate.

/// Everything that can be wrong with a secret, a parameter, a typed code or an
/// `otpauth://` URI.
///
/// Messages are written for a human reading a form or a terminal, and never
/// contain secret material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The secret is empty.
    #[error("the secret is empty")]
    EmptySecret,
    /// A character outside the RFC 4648 base32 alphabet (`A`–`Z`, `2`–`7`).
    #[error(
        "invalid character {ch:?} at position {position} in the base32 secret (allowed: A-Z and 2-7)"
    )]
    Base32Character {
        /// The offending character.
        ch: char,
        /// Its character index in the input (0-based).
        position: usize,
    },
    /// The base32 text has a length or trailing bits no encoder produces.
    #[error("the base32 secret is malformed ({reason})")]
    Base32Malformed {
        /// What is wrong with it.
        reason: String,
    },
    /// Digits outside 6..=8.
    #[error("digits must be 6, 7 or 8, not {0}")]
    InvalidDigits(u64),
    /// A period of zero seconds.
    #[error("the period must be at least 1 second")]
    InvalidPeriod,
    /// An algorithm other than SHA1, SHA256, SHA512.
    #[error("unknown algorithm {0:?} (expected SHA1, SHA256 or SHA512)")]
    UnknownAlgorithm(String),
    /// A typed one-time code contains something other than digits, spaces and dashes.
    #[error("the code may contain only digits (found {ch:?})")]
    CodeCharacter {
        /// The offending character.
        ch: char,
    },
    /// A typed one-time code does not have 6 to 8 digits.
    #[error("the code must have 6 to 8 digits, not {len}")]
    CodeLength {
        /// The number of digits found.
        len: usize,
    },
    /// A typed backup code contains a character outside the backup-code alphabet.
    #[error("invalid character {ch:?} in the backup code")]
    BackupCodeCharacter {
        /// The offending character.
        ch: char,
    },
    /// A typed backup code does not have 10 characters (dash and spaces aside).
    #[error("a backup code has 10 characters (like k7mq2-x9vtd), not {len}")]
    BackupCodeLength {
        /// The number of characters found.
        len: usize,
    },
    /// The URI does not start with `otpauth://`.
    #[error("not an otpauth URI (it must start with otpauth://)")]
    UriScheme,
    /// The URI is for another OTP type (`hotp`, ...).
    #[error("unsupported OTP type {0:?} (only totp is supported)")]
    UriType(String),
    /// The URI has no label (account name).
    #[error("the URI has no account name in its label")]
    UriMissingAccount,
    /// The URI has no `secret` parameter.
    #[error("the URI has no secret parameter")]
    UriMissingSecret,
    /// A security parameter appears twice.
    #[error("the URI parameter {0:?} appears more than once")]
    UriDuplicateParameter(String),
    /// The issuer prefix of the label differs from the `issuer` parameter.
    #[error(
        "the issuer in the label ({label:?}) differs from the issuer parameter ({parameter:?})"
    )]
    UriIssuerMismatch {
        /// The label prefix.
        label: String,
        /// The `issuer` parameter.
        parameter: String,
    },
    /// A `%` not followed by two hex digits, or percent-decoding that is not UTF-8.
    #[error("bad percent-encoding in the URI {part}")]
    UriPercentEncoding {
        /// Which part of the URI (label, parameter ...).
        part: &'static str,
    },
    /// A parameter value that is not a number where one is required.
    #[error("the URI parameter {name} is not a number: {value:?}")]
    UriNumber {
        /// The parameter name.
        name: &'static str,
        /// The value found.
        value: String,
    },
    /// An issuer or account name that cannot be put into a label.
    #[error("{0}")]
    InvalidLabel(&'static str),
}
