//! A recording mail transport.

use std::sync::Mutex;

use deadbolt_mail::{Delivery, OutgoingMail, SendError, Transport};

/// Keeps what it is given, or fails the way it is told.
#[derive(Default)]
pub struct MailRecorder {
    /// Letters delivered (taken out by [`MailRecorder::take`]).
    pub sent: Mutex<Vec<OutgoingMail>>,
    /// Every attempt, delivered or not.
    pub attempts: Mutex<Vec<OutgoingMail>>,
    fail: Mutex<Option<SendError>>,
}

impl MailRecorder {
    /// Everything delivered so far, taken out.
    pub fn take(&self) -> Vec<OutgoingMail> {
        std::mem::take(&mut *self.sent.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Fail every send with `e` from now on (`None`: deliver again).
    pub fn fail_with(&self, e: Option<SendError>) {
        *self.fail.lock().unwrap_or_else(|e| e.into_inner()) = e;
    }
}

#[async_trait::async_trait]
impl Transport for MailRecorder {
    async fn send(&self, mail: &OutgoingMail) -> Result<Delivery, SendError> {
        self.attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(mail.clone());
        if let Some(e) = self.fail.lock().unwrap_or_else(|e| e.into_inner()).clone() {
            return Err(e);
        }
        self.sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(mail.clone());
        Ok(Delivery {
            reply: "250 2.0.0 recorded".into(),
        })
    }

    async fn check(&self) -> Result<(), SendError> {
        Ok(())
    }
}

/// The token of the link in a letter (43 base64url characters after `token=`).
pub fn link_token(mail: &OutgoingMail) -> String {
    let text = &mail.letter.text;
    let at = text.find("token=").expect("a link with a token") + "token=".len();
    text[at..at + 43].to_owned()
}
