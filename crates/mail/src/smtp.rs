//! Delivery over SMTP with lettre (tokio, rustls with Mozilla's roots).
//!
//! `--smtp-url` forms:
//!
//! | URL | connection |
//! |---|---|
//! | `smtp://HOST[:PORT]` | plain SMTP (port 25 by default): a relay on the same host or network |
//! | `smtp://HOST[:PORT]?starttls` | STARTTLS required (port 587 by default); the certificate is verified |
//! | `smtps://HOST[:PORT]` | implicit TLS (port 465 by default); the certificate is verified |
//! | `smtp://USER:PASSWORD@HOST...` | any of the above with SMTP AUTH (percent-encoded) |
//!
//! lettre's own timeout bounds only the TCP connect (a server that accepts
//! and never answers would hold a send for ever), so every conversation
//! here runs under [`SmtpTransport::timeout`].

use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::{Digest, Sha256};

use crate::render::Letter;

/// An SMTP URL as configured. It may hold a password: it prints with the
/// password replaced by `***`.
#[derive(Clone)]
pub struct SmtpUrl {
    /// The URL lettre reads (`?starttls` translated to `?tls=required`).
    lettre_url: String,
    shown: String,
}

impl SmtpUrl {
    /// Check a URL of one of the forms above.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let (scheme, rest) = raw
            .split_once("://")
            .ok_or("--smtp-url must start with smtp:// or smtps://")?;
        if !matches!(scheme, "smtp" | "smtps") {
            return Err(format!(
                "--smtp-url must start with smtp:// or smtps:// (got {scheme}://)"
            ));
        }
        let (authority, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let authority = authority.trim_end_matches('/');
        let (credentials, host) = match authority.rsplit_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, authority),
        };
        if host.is_empty() || host.contains('/') {
            return Err("--smtp-url needs a host: smtp://HOST[:PORT]".to_owned());
        }
        let tls = match (scheme, query) {
            (_, None) => "",
            ("smtp", Some("starttls" | "tls=required")) => "?tls=required",
            ("smtps", Some(_)) => {
                return Err("smtps:// takes no options (it is TLS from the start)".to_owned());
            }
            (_, Some(q)) => {
                return Err(format!(
                    "unknown --smtp-url option {q:?} (the one option is ?starttls)"
                ));
            }
        };
        let lettre_url = format!("{scheme}://{authority}{tls}");
        // Check it the way it will be used, now rather than at the first mail.
        AsyncSmtpTransport::<Tokio1Executor>::from_url(&lettre_url)
            .map_err(|e| format!("--smtp-url is not usable: {e}"))?;
        let user = credentials.map(|c| c.split(':').next().unwrap_or(""));
        let shown = match user {
            Some(user) => format!("{scheme}://{user}:***@{host}{}", query_shown(query)),
            None => format!("{scheme}://{host}{}", query_shown(query)),
        };
        Ok(Self { lettre_url, shown })
    }
}

fn query_shown(query: Option<&str>) -> String {
    query.map(|q| format!("?{q}")).unwrap_or_default()
}

impl std::fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmtpUrl({})", self.shown)
    }
}

/// A letter addressed and dated, ready for the wire.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// The sender (`--mail-from`).
    pub from: Mailbox,
    /// The recipient (already checked when it was registered).
    pub to: String,
    /// What it says.
    pub letter: Letter,
    /// `<...@domain>`: the same for every attempt at the same outbox row, so
    /// a letter sent twice (a crash between the send and its mark) is seen
    /// by mail readers as one.
    pub message_id: String,
    /// The `Date` line: when the letter entered the outbox.
    pub date: SystemTime,
}

impl OutgoingMail {
    /// The MIME message: text and HTML alternatives, UTF-8.
    pub fn to_message(&self) -> Result<Message, SendError> {
        let to: Address = self
            .to
            .parse()
            .map_err(|_| SendError::GiveUp("the recipient is not a valid address".to_owned()))?;
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(None, to))
            .subject(self.letter.subject.clone())
            .message_id(Some(self.message_id.clone()))
            .date(self.date)
            .multipart(MultiPart::alternative_plain_html(
                self.letter.text.clone(),
                self.letter.html.clone(),
            ))
            .map_err(|e| SendError::GiveUp(format!("the message cannot be built: {e}")))
    }
}

/// The `Message-ID` of outbox row `id` written at `created_at` for `to`,
/// in the sender's domain: stable across retries and nodes.
pub fn message_id(id: i64, created_at: i64, to: &str, from: &Mailbox) -> String {
    let tag = Sha256::digest(format!("{id}\n{created_at}\n{to}").as_bytes());
    let tag = data_encoding::HEXLOWER.encode(&tag[..6]);
    format!("<deadbolt.{created_at}.{id}.{tag}@{}>", from.email.domain())
}

/// What the server said to a letter it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The reply line, e.g. `250 2.0.0 Ok: queued as 4BX...`.
    pub reply: String,
}

/// Why a letter did not go.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth another try later: the server is down, slow, or answered a
    /// temporary (4xx) or a configuration-type (5xx other than "no such
    /// mailbox") error that an operator may fix.
    #[error("{0}")]
    Retry(String),
    /// Will never go: the server refused the recipient (550/551/553) or the
    /// letter cannot be built.
    #[error("{0}")]
    GiveUp(String),
}

/// Something that delivers letters (SMTP here; the tests' fakes elsewhere).
#[async_trait]
pub trait Transport: Send + Sync + 'static {
    /// Deliver one letter.
    async fn send(&self, mail: &OutgoingMail) -> Result<Delivery, SendError>;
    /// Open a conversation and close it (for the start-up check and
    /// `deadbolt mail test`).
    async fn check(&self) -> Result<(), SendError>;
}

/// SMTP with lettre, every conversation bounded by `timeout`.
#[derive(Clone)]
pub struct SmtpTransport {
    inner: AsyncSmtpTransport<Tokio1Executor>,
    url: SmtpUrl,
    /// The bound on one conversation (connect, greeting, TLS, AUTH, DATA).
    pub timeout: Duration,
}

impl SmtpTransport {
    /// A transport for `url` (connections are opened at the first send).
    pub fn new(url: &SmtpUrl, timeout: Duration) -> Result<Self, String> {
        let inner = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url.lettre_url)
            .map_err(|e| format!("--smtp-url is not usable: {e}"))?
            .timeout(Some(timeout))
            .build();
        Ok(Self {
            inner,
            url: url.clone(),
            timeout,
        })
    }

    /// The URL (printable: the password is masked).
    pub fn url(&self) -> &SmtpUrl {
        &self.url
    }
}

/// Sort lettre's error into retry or give up. A refused recipient
/// (550 mailbox unavailable, 551 not local, 553 mailbox name not allowed)
/// will never succeed; a 5xx about anything else (authentication, TLS,
/// policy) is usually the configuration, which an operator may fix while
/// the letter waits.
fn classify(e: &SmtpError) -> SendError {
    let detail = e.to_string();
    let code = e.status().map(|c| c.to_string());
    match code.as_deref() {
        Some("550" | "551" | "553") if e.is_permanent() => SendError::GiveUp(detail),
        _ => SendError::Retry(detail),
    }
}

#[async_trait]
impl Transport for SmtpTransport {
    async fn send(&self, mail: &OutgoingMail) -> Result<Delivery, SendError> {
        let message = mail.to_message()?;
        match tokio::time::timeout(self.timeout, self.inner.send(message)).await {
            Err(_) => Err(SendError::Retry(format!(
                "no answer from {} within {} s",
                self.url,
                self.timeout.as_secs()
            ))),
            Ok(Err(e)) => Err(classify(&e)),
            Ok(Ok(resp)) => Ok(Delivery {
                reply: format!(
                    "{} {}",
                    resp.code(),
                    resp.message().collect::<Vec<_>>().join(" ")
                ),
            }),
        }
    }

    async fn check(&self) -> Result<(), SendError> {
        match tokio::time::timeout(self.timeout, self.inner.test_connection()).await {
            Err(_) => Err(SendError::Retry(format!(
                "no answer from {} within {} s",
                self.url,
                self.timeout.as_secs()
            ))),
            Ok(Err(e)) => Err(classify(&e)),
            Ok(Ok(true)) => Ok(()),
            Ok(Ok(false)) => Err(SendError::Retry(format!(
                "{} did not accept a NOOP",
                self.url
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_never_show_the_password() {
        let u = SmtpUrl::parse("smtp://mailer:s3cr%40t@mail.example.com:587?starttls").unwrap();
        assert_eq!(
            u.lettre_url,
            "smtp://mailer:s3cr%40t@mail.example.com:587?tls=required"
        );
        let shown = format!("{u} {u:?}");
        assert!(!shown.contains("s3cr"), "{shown}");
        assert!(
            shown.contains("mailer:***@mail.example.com:587?starttls"),
            "{shown}"
        );
        assert_eq!(
            SmtpUrl::parse("smtps://mail.example.com")
                .unwrap()
                .to_string(),
            "smtps://mail.example.com"
        );
        assert!(SmtpUrl::parse("smtp://127.0.0.1:2525").is_ok());
        for bad in [
            "mail.example.com",
            "http://mail.example.com",
            "smtp://",
            "smtp://mail.example.com?tls=opportunistic",
            "smtps://mail.example.com?starttls",
        ] {
            assert!(SmtpUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn message_ids_are_stable_per_row_and_in_the_senders_domain() {
        let from: Mailbox = "Deadbolt <no-reply@example.com>".parse().unwrap();
        let a = message_id(7, 1_700_000_000, "alice@example.org", &from);
        assert_eq!(a, message_id(7, 1_700_000_000, "alice@example.org", &from));
        assert_ne!(a, message_id(8, 1_700_000_000, "alice@example.org", &from));
        assert!(a.starts_with("<deadbolt.1700000000.7."), "{a}");
        assert!(a.ends_with("@example.com>"), "{a}");
    }

    #[test]
    fn messages_carry_both_parts_and_the_headers() {
        let mail = OutgoingMail {
            from: "Deadbolt <no-reply@example.com>".parse().unwrap(),
            to: "alice@example.org".into(),
            letter: Letter {
                subject: "Hello".into(),
                text: "plain".into(),
                html: "<p>html</p>".into(),
            },
            message_id: "<x.1@example.com>".into(),
            date: SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        };
        let raw = String::from_utf8(mail.to_message().unwrap().formatted()).unwrap();
        for want in [
            "From: Deadbolt <no-reply@example.com>",
            "To: alice@example.org",
            "Subject: Hello",
            "Message-ID: <x.1@example.com>",
            "Date: Tue, 14 Nov 2023 22:13:20 +0000",
            "multipart/alternative",
            "text/plain",
            "text/html",
        ] {
            assert!(raw.contains(want), "missing {want:?} in\n{raw}");
        }
        let bad = OutgoingMail {
            to: "not an address".into(),
            ..mail
        };
        assert!(matches!(bad.to_message(), Err(SendError::GiveUp(_))));
    }
}
