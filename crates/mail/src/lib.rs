//! Deadbolt's mail, without any rule in it.
//!
//! * [`address`]: a user's address checked by lettre's parser (never a hand
//!   regex) plus the product's policy (a dotted domain, no IP literal, at
//!   most 254 characters, lowercase), and the `--mail-from` mailbox.
//! * [`render`]: what a letter says — the verification and reset links and
//!   every security notice — as a plain-text and an HTML part from the same
//!   words (askama templates; the HTML escapes everything it is given), in
//!   the reader's language.
//! * [`lang`]: the eleven languages' catalogues (`locales/<code>/mail.ftl`,
//!   Fluent, compiled in) and dates in each.
//! * [`smtp`]: delivery with lettre over tokio and rustls: the
//!   `--smtp-url` forms, a hard timeout around every conversation (lettre's
//!   own covers only the connect), and whether a failure is worth a retry.
//!
//! The outbox, its worker and what causes a letter live in `deadbolt-auth`;
//! this crate turns a row into bytes on the wire.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod address;
pub mod lang;
pub mod render;
pub mod smtp;

pub use address::{AddressError, MAX_ADDRESS_LEN, parse_sender, parse_user_address};
pub use lang::LANGUAGES;
pub use lettre::message::Mailbox;
pub use render::{Browser, Content, Letter, LetterContext, render};
pub use smtp::{Delivery, OutgoingMail, SendError, SmtpTransport, SmtpUrl, Transport, message_id};
