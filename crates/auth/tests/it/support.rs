//! A fresh `Auth` on an in-memory SQLite store, a fake clock, cheap Argon2.

#![allow(dead_code)]

use std::sync::Arc;

use deadbolt_auth::mail::OutgoingMail;
use deadbolt_auth::{
    Argon2Params, Auth, AuthConfig, ClientInfo, FakeClock, Keyring, MailConfig, PendingLogin,
    SecondFactorInput, SessionInfo, SessionToken, Stage, UserId,
};
use deadbolt_otp::{Params, Secret, Totp};
use deadbolt_store::{DatabaseUrl, SqlStore, StoreOptions};
pub use deadbolt_testkit::{MailRecorder as Recorder, link_token};

/// 15 s into TOTP step 56,666,667.
pub const T0: i64 = 1_700_000_025;
/// A password that passes the policy.
pub const PW: &str = "glacier notebook pumpkin 58";

pub struct Rig {
    pub auth: Auth,
    pub clock: Arc<FakeClock>,
    pub client: ClientInfo,
}

impl Rig {
    pub async fn new() -> Rig {
        Self::build(|_| {}).await
    }

    /// A rig with email on (letters go to a [`Recorder`] the test drives).
    pub async fn with_mail() -> Rig {
        Self::build(|c| {
            c.mail = Some(MailConfig {
                from: "Deadbolt Test <no-reply@deadbolt.test>".parse().unwrap(),
                public_url: "https://login.deadbolt.test".into(),
                send_timeout: deadbolt_auth::SEND_TIMEOUT,
            });
        })
        .await
    }

    pub async fn build(tweak: impl FnOnce(&mut AuthConfig)) -> Rig {
        let store = SqlStore::connect_and_migrate(
            &DatabaseUrl::new("sqlite::memory:"),
            &StoreOptions::default(),
        )
        .await
        .expect("in-memory store");
        let clock = Arc::new(FakeClock::new(T0));
        let config = AuthConfig {
            issuer: "Deadbolt Test".into(),
            argon2: Argon2Params {
                m_cost: 64,
                t_cost: 1,
                p_cost: 1,
            },
            hash_concurrency: 1,
            ..AuthConfig::default()
        };
        let mut config = config;
        tweak(&mut config);
        let auth = Auth::new(
            Arc::new(store),
            Keyring::generate().expect("keys"),
            config,
            clock.clone(),
        );
        let client = ClientInfo {
            ip: Some("192.0.2.10".parse().unwrap()),
            user_agent: "rig".into(),
            device_cookie: None,
            language: None,
        };
        Rig {
            auth,
            clock,
            client,
        }
    }

    pub fn advance(&self, secs: i64) {
        self.clock.advance(secs);
    }

    /// Sign up `name` with [`PW`]; its id.
    pub async fn user(&self, name: &str) -> UserId {
        self.auth.signup(name, PW, &self.client).await.unwrap().id
    }

    /// A full session for `name` (no 2FA on the account).
    pub async fn full_session(&self, name: &str) -> (UserId, SessionToken) {
        let out = self.auth.login(name, PW, None, &self.client).await.unwrap();
        assert_eq!(out.stage, Stage::Full);
        let info = self.auth.session(&out.token).await.unwrap().unwrap();
        (info.user_id, out.token)
    }

    /// The live session behind a token.
    pub async fn info(&self, token: &SessionToken) -> SessionInfo {
        self.auth
            .session(token)
            .await
            .unwrap()
            .expect("a live session")
    }

    /// Turn 2FA on for a signed-in user; the device's secret.
    pub async fn enable_two_factor(&self, _user: UserId, session: &SessionToken) -> Secret {
        let s = self.info(session).await;
        let info = self
            .auth
            .begin_setup(&s, PW, None, &self.client)
            .await
            .unwrap();
        let secret = Secret::from_base32(info.secret_base32.expose()).unwrap();
        let code = self.code(&secret, 0);
        self.auth
            .confirm_setup(&s, &code, &self.client)
            .await
            .unwrap();
        secret
    }

    /// The code of `secret` at now + `steps` × 30 s.
    pub fn code(&self, secret: &Secret, steps: i64) -> String {
        let t = u64::try_from(self.auth.now() + steps * 30).unwrap();
        Totp::new(secret, Params::default())
            .code_at(t)
            .as_str()
            .to_owned()
    }

    /// The password step of a 2FA account: its pending login.
    pub async fn pending(&self, name: &str) -> PendingLogin {
        let out = self.auth.login(name, PW, None, &self.client).await.unwrap();
        assert_eq!(out.stage, Stage::Pending);
        let info = self.auth.session(&out.token).await.unwrap().unwrap();
        PendingLogin {
            user_id: info.user_id,
            username: info.username,
            token_hash: info.token_hash,
        }
    }

    pub fn totp(code: &str) -> SecondFactorInput {
        SecondFactorInput::code(code)
    }
}

impl Rig {
    /// Send what is due through `r`; the letters sent.
    pub async fn deliver(&self, r: &Recorder) -> Vec<OutgoingMail> {
        self.auth.deliver_due_mail(r).await.unwrap();
        r.take()
    }

    /// Give the signed-in user a verified address (through the real link).
    pub async fn verify_address(&self, session: &SessionToken, address: &str, r: &Recorder) {
        let s = self.info(session).await;
        self.auth
            .request_email_change(&s, address, PW, None, &self.client)
            .await
            .unwrap();
        let letters = self.deliver(r).await;
        let letter = letters.last().expect("a verification letter");
        assert_eq!(letter.to, address);
        self.auth
            .verify_email(&link_token(letter), &self.client)
            .await
            .unwrap();
        self.deliver(r).await;
    }
}
