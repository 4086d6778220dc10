//! The one-time-code core of Deadbolt: HOTP (RFC 4226), TOTP (RFC 6238),
//! `otpauth://` provisioning URIs, base32 secrets and the backup-code format.
//!
//! # Design
//!
//! * **Pure.** No I/O, no async, and above all no clock: every function that
//!   depends on time takes the Unix time (`u64` seconds, so
//!   `t = 20_000_000_000` works) as a parameter. Tests pin exact instants
//!   (RFC vectors, window edges); the server passes its own clock, never the
//!   client's. The only impurity is the OS random generator used by
//!   [`Secret::generate`] and [`BackupCode::generate_set`], and both have a
//!   `*_with(rng)` twin for callers that bring their own.
//! * **Verification says which step matched.** [`Totp::verify`] returns the
//!   time step the code belongs to, so the service can store the last accepted
//!   step per device and refuse the same or an older one on every node
//!   ([`Totp::verify_after`] does that comparison and tells a replay apart
//!   from a wrong code so it can be logged).
//! * **Codes are strings.** A code is compared as its exact digit string, in
//!   constant time: `"81804"` never matches `"081804"`. User input goes through
//!   [`normalize_code`] first (spaces and dashes removed, anything else
//!   rejected).
//! * **Secrets are their own type.** [`Secret`] is zeroized on drop, has no
//!   `Display`, a redacting `Debug`, and is read only through
//!   [`Secret::expose`]. The keyed HMAC state derived from it is wiped too.
//! * **Fast where it matters.** A [`Totp`] keys its HMAC once (inner and outer
//!   pad states precomputed); every step then clones that state, so checking a
//!   ±1 window costs about three bare HMAC computations. The same object
//!   drives the `deadbolt code --window N` command.
//!
//! ```
//! use deadbolt_otp::{Params, Secret, Totp, normalize_code};
//!
//! let secret = Secret::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
//! let totp = Totp::new(&secret, Params::default());
//! assert_eq!(totp.code_at(1_111_111_109).as_str(), "081804");
//!
//! let typed = normalize_code("081 804").unwrap();
//! // Verified 2 s later, the code belongs to step 37037036.
//! assert_eq!(totp.verify(&typed, 1_111_111_111, 1), Some(37_037_036));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod backup;
mod error;
mod otp;
mod params;
mod secret;
mod uri;

pub use backup::{BACKUP_CODE_ALPHABET, BACKUP_CODE_COUNT, BACKUP_CODE_LEN, BackupCode};
pub use error::Error;
pub use otp::{Code, Totp, Verdict, hotp, normalize_code};
pub use params::{Algorithm, DEFAULT_WINDOW, Params};
pub use secret::{DEFAULT_SECRET_LEN, Secret};
pub use uri::OtpAuthUri;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
