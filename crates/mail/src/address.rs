//! Email addresses: what a user may register, and the sender's mailbox.
//!
//! The syntax is lettre's [`Address`] parser (RFC 5321 addr-spec, IDN
//! domains). On top, the product's policy for an address a user registers:
//! at most [`MAX_ADDRESS_LEN`] characters (RFC 5321's path limit less the
//! brackets), a domain with a dot and no IP literal (a mailbox users
//! actually read), no control characters or spaces anywhere (no header
//! injection can ride in), and lowercase, so one address is one account.

use lettre::Address;
use lettre::message::Mailbox;

/// Longest address accepted, in bytes.
pub const MAX_ADDRESS_LEN: usize = 254;

/// Why an address was refused, in plain words for the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AddressError(pub &'static str);

/// Check and normalise an address a user typed: trimmed, parsed by lettre,
/// the policy above applied, lowercased.
pub fn parse_user_address(raw: &str) -> Result<String, AddressError> {
    let typed = raw.trim();
    if typed.is_empty() {
        return Err(AddressError("Enter an email address."));
    }
    if typed.len() > MAX_ADDRESS_LEN {
        return Err(AddressError(
            "This email address is too long (254 characters at most).",
        ));
    }
    if typed.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(AddressError(
            "An email address cannot contain spaces or line breaks.",
        ));
    }
    let lower = typed.to_lowercase();
    let address: Address = lower
        .parse()
        .map_err(|_| AddressError("This is not a valid email address (name@example.com)."))?;
    let domain = address.domain();
    if domain.starts_with('[') || !domain.contains('.') || domain.ends_with('.') {
        return Err(AddressError(
            "Use an address at a domain name (name@example.com), not a local host or an IP address.",
        ));
    }
    Ok(address.to_string())
}

/// The sender (`--mail-from`): `name@example.com` or `Name <name@example.com>`.
pub fn parse_sender(raw: &str) -> Result<Mailbox, AddressError> {
    if raw.chars().any(char::is_control) {
        return Err(AddressError(
            "--mail-from cannot contain control characters",
        ));
    }
    raw.trim().parse::<Mailbox>().map_err(|_| {
        AddressError("--mail-from must be an address (name@example.com or Name <name@example.com>)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_addresses_are_trimmed_and_lowercased() {
        assert_eq!(
            parse_user_address("  Alice@Example.COM ").unwrap(),
            "alice@example.com"
        );
        assert_eq!(
            parse_user_address("a.b+tag@mail.example.org").unwrap(),
            "a.b+tag@mail.example.org"
        );
        assert_eq!(
            parse_user_address("алиса@пример.рф").unwrap(),
            "алиса@пример.рф"
        );
    }

    #[test]
    fn bad_addresses_are_refused() {
        let long = format!("{}@example.com", "a".repeat(250));
        for bad in [
            "",
            "alice",
            "@example.com",
            "alice@",
            "alice@@example.com",
            "Alice <alice@example.com>",
            "alice@example.com\r\nBcc: evil@example.net",
            "alice@example.com\nBcc: evil@example.net",
            "alice\r\n@example.com",
            "alice@exa mple.com",
            "alice@localhost",
            "alice@[127.0.0.1]",
            "alice@example.com.",
            "alice@-example.com",
            "a\"b@example.com",
            long.as_str(),
        ] {
            assert!(parse_user_address(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn senders_may_carry_a_name_but_no_line_break() {
        let m = parse_sender("Deadbolt <no-reply@example.com>").unwrap();
        assert_eq!(m.email.to_string(), "no-reply@example.com");
        assert_eq!(m.name.as_deref(), Some("Deadbolt"));
        assert!(parse_sender("no-reply@example.com").is_ok());
        assert!(parse_sender("Deadbolt\r\nBcc: x@y.z <no-reply@example.com>").is_err());
        assert!(parse_sender("not an address").is_err());
    }
}
