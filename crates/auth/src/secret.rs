//! Secrets as types: each prints `[REDACTED]` and is read only through
//! `expose()`, so no log line or `{:?}` can carry one by accident. Text
//! secrets are zeroized on drop.

use zeroize::Zeroizing;

macro_rules! secret_text {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(Zeroizing<String>);

        impl $name {
            /// Wrap the secret text.
            pub fn new(text: impl Into<String>) -> Self {
                Self(Zeroizing::new(text.into()))
            }
            /// The secret text itself.
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($name), "([REDACTED])"))
            }
        }
    };
}

secret_text!(
    /// A session token: the cookie value. The store keeps only its SHA-256.
    SessionToken
);

secret_text!(
    /// A device cookie's value (unverified): never a session, but never printed.
    DeviceCookie
);

secret_text!(
    /// A TOTP secret on its way to the user during set-up (base32, or the
    /// `otpauth://` URI or QR code that carries it). Shown once.
    SetupSecret
);

secret_text!(
    /// The token of a mailed link (verification or password reset): shown
    /// only in the letter; the store keeps its SHA-256.
    MailToken
);

secret_text!(
    /// A fresh backup code on its way to the user (shown once; stored only
    /// as a keyed hash).
    IssuedBackupCode
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let t = SessionToken::new("tok-123456");
        assert_eq!(format!("{t:?}"), "SessionToken([REDACTED])");
        assert_eq!(t.expose(), "tok-123456");
        let c = IssuedBackupCode::new("k7mq2-x9vtd");
        assert!(!format!("{c:?}").contains("k7mq2"));
        let s = SetupSecret::new("JBSWY3DPEHPK3PXP");
        assert!(!format!("{s:?}").contains("JBSW"));
    }
}
