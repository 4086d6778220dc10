//! The outbox worker: one per node, it sends the letters the flows wrote
//! to the outbox (in the same transaction as their cause) and never sits on
//! a request's path.
//!
//! * Claiming: a read first (is anything due?), then one row at a time,
//!   leased for twice the send timeout plus 10 s (`FOR UPDATE SKIP LOCKED`
//!   on PostgreSQL, the writer queue on SQLite), so nodes never send the
//!   same row at once.
//! * A temporary failure (server down or silent, a 4xx, a 5xx that is not
//!   about the recipient) waits 30 s × 2^attempts, at most an hour, plus up
//!   to a quarter more of jitter; after [`GIVE_UP_SECS`] (48 hours) — or at
//!   once for a refused recipient, or a link letter whose link has expired
//!   — the letter is given up and the account's activity list says so.
//! * A crash after the commit and before the send loses nothing (the row
//!   is still due); a crash after the send and before the mark sends it
//!   again once the lease runs out, with the same `Message-ID`: the one
//!   duplicate allowed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, UNIX_EPOCH};

use deadbolt_mail::{
    Content, LetterContext, OutgoingMail, SendError, Transport, message_id, render,
};
use deadbolt_store::{MAIL_PASSWORD_RESET, MAIL_VERIFY_EMAIL, OutboxMail};

use crate::client::browser_name;
use crate::email::VERIFY_TOKEN_SECS;
use crate::error::{AuthError, AuthResult};
use crate::keys::os_random;
use crate::metrics;
use crate::reset::RESET_TOKEN_SECS;
use crate::service::Auth;

/// The default bound on one SMTP conversation (`--smtp-timeout`).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// A letter still not sent this long after it was written is given up.
pub const GIVE_UP_SECS: i64 = 48 * 3600;
/// The first retry waits this long; each next one twice as long, ...
pub const FIRST_RETRY_SECS: i64 = 30;
/// ... up to this.
pub const MAX_RETRY_SECS: i64 = 3600;
/// How often the worker looks for due mail it was not told about (other
/// nodes' letters, retries).
pub const POLL: Duration = Duration::from_secs(2);

/// How the SMTP server answered last (for `/readyz` and the log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    /// Email is off.
    Off,
    /// Nothing tried yet.
    Unknown,
    /// The last conversation went through.
    Reachable,
    /// The last conversation failed; mail waits in the outbox.
    Failing,
}

/// The worker's last outcome, shared with `/readyz`.
#[derive(Debug, Default)]
pub(crate) struct MailHealth(AtomicU8);

impl MailHealth {
    fn set(&self, ok: bool) -> bool {
        let new = if ok { 1 } else { 2 };
        self.0.swap(new, Ordering::Relaxed) != new
    }
    fn get(&self) -> MailStatus {
        match self.0.load(Ordering::Relaxed) {
            1 => MailStatus::Reachable,
            2 => MailStatus::Failing,
            _ => MailStatus::Unknown,
        }
    }
}

/// The wait before retry `attempts + 1`: 30 s · 2^attempts, at most an
/// hour, plus `jitter` (0..=1) of a quarter more.
pub fn retry_delay(attempts: i64, jitter: f64) -> i64 {
    let base = FIRST_RETRY_SECS
        .saturating_mul(1_i64 << attempts.clamp(0, 20))
        .min(MAX_RETRY_SECS);
    base + (base as f64 * 0.25 * jitter.clamp(0.0, 1.0)) as i64
}

fn jitter() -> f64 {
    let mut b = [0u8; 2];
    match os_random(&mut b) {
        Ok(()) => f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX),
        Err(_) => 0.5,
    }
}

impl Auth {
    /// How the SMTP server answered last.
    pub fn mail_status(&self) -> MailStatus {
        if self.config.mail.is_none() {
            return MailStatus::Off;
        }
        self.mail_health.get()
    }

    /// Send every due letter, one claimed row at a time. Returns how many
    /// were attempted. (The worker calls this; so do tests, with a fake
    /// clock.)
    pub async fn deliver_due_mail(&self, transport: &dyn Transport) -> AuthResult<usize> {
        let mut attempted = 0;
        while self.store.outbox_due(self.now()).await? {
            let now = self.now();
            let claimed = self
                .store
                .claim_outbox(now, now + self.lease_secs(), 1)
                .await?;
            let Some(mail) = claimed.into_iter().next() else {
                break; // another node took it
            };
            self.deliver(&mail, transport).await?;
            attempted += 1;
        }
        Ok(attempted)
    }

    async fn deliver(&self, row: &OutboxMail, transport: &dyn Transport) -> AuthResult<()> {
        let outcome = if self.past_use(row, self.now()) {
            Err(SendError::GiveUp(
                "no use any more: written too long ago, or its link has expired".to_owned(),
            ))
        } else {
            match self.letter_for(row) {
                Ok(mail) => transport.send(&mail).await.map(|_| ()),
                Err(e) => Err(e),
            }
        };
        let now = self.now();
        match outcome {
            Ok(()) => {
                self.store.outbox_sent(row.id, now).await?;
                metrics::mail("sent");
                if self.mail_health.set(true) {
                    tracing::info!("the SMTP server takes mail");
                }
                tracing::debug!(id = row.id, kind = %row.kind, "mail sent");
            }
            Err(SendError::Retry(error)) if !self.past_use(row, now) => {
                let next = now + retry_delay(row.attempts, jitter());
                self.store.outbox_retry(row.id, next, &error).await?;
                metrics::mail("retry");
                if self.mail_health.set(false) {
                    tracing::warn!(%error, "the SMTP server did not take mail; it waits in the outbox and is retried");
                }
                tracing::debug!(id = row.id, retry_in = next - now, %error, "mail will be retried");
            }
            Err(SendError::Retry(error) | SendError::GiveUp(error)) => {
                self.store.outbox_give_up(row, now, &error).await?;
                metrics::mail("gave_up");
                tracing::warn!(id = row.id, kind = %row.kind, %error, "mail given up");
            }
        }
        Ok(())
    }

    /// How long a claimed letter is this worker's.
    fn lease_secs(&self) -> i64 {
        let timeout = self
            .config
            .mail
            .as_ref()
            .map_or(SEND_TIMEOUT, |m| m.send_timeout);
        2 * i64::try_from(timeout.as_secs()).unwrap_or(3600).min(3600) + 10
    }

    /// Whether a letter is no use any more: written more than 48 hours ago,
    /// or carrying a link that has expired.
    fn past_use(&self, row: &OutboxMail, now: i64) -> bool {
        let useful_for = match row.kind.as_str() {
            MAIL_PASSWORD_RESET => RESET_TOKEN_SECS,
            MAIL_VERIFY_EMAIL => VERIFY_TOKEN_SECS,
            _ => GIVE_UP_SECS,
        };
        now - row.created_at >= useful_for.min(GIVE_UP_SECS)
    }

    /// The letter for an outbox row.
    fn letter_for(&self, row: &OutboxMail) -> Result<OutgoingMail, SendError> {
        let mail = self
            .config
            .mail
            .as_ref()
            .ok_or_else(|| SendError::Retry("email is not set up on this node".to_owned()))?;
        let link = |path: &str| -> Result<String, SendError> {
            let sealed = row
                .sealed
                .as_deref()
                .ok_or_else(|| SendError::GiveUp("the link's token is gone".to_owned()))?;
            let token = self
                .keys()
                .open_mail_token(sealed)
                .map_err(|e| SendError::GiveUp(format!("the link's token does not open: {e}")))?;
            let token = std::str::from_utf8(&token)
                .map_err(|_| SendError::GiveUp("the link's token is not text".to_owned()))?;
            Ok(format!("{}{path}?token={token}", mail.public_url))
        };
        let verify;
        let reset;
        let content = match row.kind.as_str() {
            MAIL_VERIFY_EMAIL => {
                verify = link("/verify-email")?;
                Content::VerifyEmail { link: &verify }
            }
            MAIL_PASSWORD_RESET => {
                reset = link("/password-reset/confirm")?;
                Content::PasswordReset { link: &reset }
            }
            kind => Content::Notice {
                kind,
                detail: &row.detail,
            },
        };
        let security_url = format!("{}/settings/account/security", mail.public_url);

        let letter = render(
            content,
            &LetterContext {
                issuer: &self.config.issuer,
                at: row.created_at,
                ip: &row.ip,
                browser: browser_name(&row.user_agent),
                security_url: &security_url,
                language: Some(
                    row.language
                        .as_deref()
                        .unwrap_or(&self.config.default_language),
                ),
            },
        );
        Ok(OutgoingMail {
            from: mail.from.clone(),
            to: row.to_address.clone(),
            letter,
            message_id: message_id(row.id, row.created_at, &row.to_address, &mail.from),
            date: UNIX_EPOCH + Duration::from_secs(row.created_at.max(0).unsigned_abs()),
        })
    }

    /// The worker: checks the server once (for the log and `/readyz`),
    /// then sends due mail whenever a flow writes some, and every [`POLL`]
    /// anyway; refreshes the outbox gauge and forgets old mail meanwhile.
    /// Runs until the task is aborted.
    pub async fn run_mail_worker(self: Arc<Self>, transport: Arc<dyn Transport>) {
        match transport.check().await {
            Ok(()) => {
                self.mail_health.set(true);
                tracing::info!("the SMTP server answers");
            }
            Err(e) => {
                self.mail_health.set(false);
                tracing::warn!(error = %e, "the SMTP server does not answer; mail waits in the outbox until it does");
            }
        }
        let mut tick = tokio::time::interval(POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut rounds: u64 = 0;
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                () = self.mail_written.notified() => {}
            }
            if let Err(e) = self.deliver_due_mail(&*transport).await {
                tracing::warn!(error = %crate::report(&e), "the outbox could not be read");
            }
            rounds += 1;
            if rounds % 15 == 1 {
                match self.store.outbox_depth().await {
                    Ok(d) => metrics::outbox(d.waiting, d.given_up),
                    Err(e) => {
                        tracing::warn!(error = %crate::report(&AuthError::from(e)), "the outbox depth could not be read")
                    }
                }
            }
            if rounds % 300 == 1
                && let Err(e) = self.store.purge_mail(self.now()).await
            {
                tracing::warn!(error = %crate::report(&AuthError::from(e)), "old mail could not be purged");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_with_a_cap_and_bounded_jitter() {
        assert_eq!(retry_delay(0, 0.0), 30);
        assert_eq!(retry_delay(1, 0.0), 60);
        assert_eq!(retry_delay(4, 0.0), 480);
        assert_eq!(retry_delay(7, 0.0), 3600);
        assert_eq!(retry_delay(60, 0.0), 3600);
        assert_eq!(retry_delay(0, 1.0), 37);
        assert_eq!(retry_delay(10, 1.0), 4500);
        assert_eq!(retry_delay(-3, 0.0), 30);
    }
}
