//! Passkeys in a real browser: Chromium with a WebDriver virtual
//! authenticator (CTAP2, built in, resident keys, user verification on),
//! sent as a custom command through fantoccini, against the real server on
//! a socket whose public URL is `http://localhost:PORT` (the relying party
//! id is the public URL's host; an IP address turns passkeys off, and
//! `http://localhost` is a secure context). `/assets/passkeys.js` runs for
//! real: `navigator.credentials.create/get` and the JSON API.
//!
//! Screenshots of each step land in `target/browser-artifacts/passkeys/`.
//! A module of `browser.rs` (its helpers, one test binary; `.ci/run` skips
//! `browser::` in the PostgreSQL pass).
//! Ignored in a plain `cargo test`; when it runs, a missing tool is a
//! failure, never a skip.

use std::time::Duration;

use axum::http::Method;
use fantoccini::Locator;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use super::{
    Steps, artifacts_dir, require_tool, start_browser, start_mail_sink, start_server_as, unique,
};

const USERNAME: &str = "browser-passkey";
const PASSWORD: &str = "a passkey walks to the lighthouse";

/// A command of the WebDriver WebAuthn extension
/// (`/session/{id}/webauthn/...`), which fantoccini has no method for.
#[derive(Debug)]
struct WebAuthnCommand {
    path: String,
    body: Option<Value>,
    /// `DELETE` instead of `GET` (without a body).
    delete: bool,
}

impl WebDriverCompatibleCommand for WebAuthnCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("a WebDriver session");
        base_url.join(&format!("session/{session}/webauthn/{}", self.path))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (Method, Option<String>) {
        match &self.body {
            Some(body) => (Method::POST, Some(body.to_string())),
            None if self.delete => (Method::DELETE, None),
            None => (Method::GET, None),
        }
    }
}

/// Add a virtual authenticator to the browser: a platform passkey that
/// keeps resident keys and verifies its user (when `verifies` is false,
/// the user verification fails, as when the user cancels). Returns its id.
async fn add_virtual_authenticator(s: &Steps, verifies: bool) -> String {
    let answer =
        s.c.issue_cmd(WebAuthnCommand {
            path: "authenticator".into(),
            body: Some(json!({
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": true,
                "hasUserVerification": true,
                "isUserVerified": verifies,
            })),
            delete: false,
        })
        .await
        .expect("chromedriver adds a virtual authenticator");
    answer
        .as_str()
        .unwrap_or_else(|| panic!("no authenticator id in {answer}"))
        .to_owned()
}

/// The credentials the virtual authenticator holds.
async fn credentials(s: &Steps, authenticator: &str) -> Vec<Value> {
    let answer =
        s.c.issue_cmd(WebAuthnCommand {
            path: format!("authenticator/{authenticator}/credentials"),
            body: None,
            delete: false,
        })
        .await
        .expect("chromedriver lists the credentials");
    answer
        .as_array()
        .unwrap_or_else(|| panic!("no credential list in {answer}"))
        .clone()
}

/// Wait until the page shows `needle` (the script's answers come later
/// than the click).
async fn wait_for_text(s: &Steps, needle: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !s.page_contains(needle).await {
        assert!(
            std::time::Instant::now() < deadline,
            "the page never showed {needle:?}; it is at {}",
            s.path().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Wait until the passkey form's message (which the script fills in and
/// shows) says `expected`; the words are in the page's data attributes
/// from the start, so the page's source would not tell.
async fn wait_for_message(s: &Steps, expected: &str) {
    let css = "#passkey-add [data-passkey-message]";
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let shown = s.text(css).await;
        if shown == expected && displayed(s, css).await {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the passkey message never said {expected:?}; it says {shown:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether the element at `css` is shown (the script un-hides the passkey
/// buttons; without it they stay hidden).
async fn displayed(s: &Steps, css: &str) -> bool {
    s.c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("nothing at {css}: {e}"))
        .is_displayed()
        .await
        .unwrap()
}

async fn password_step(s: &Steps) {
    s.goto("/login").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", PASSWORD).await;
    s.click("form[action='/login'] button[type=submit]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromedriver, python3 with aiosmtpd (installed by .ci/run)"]
async fn passkeys_in_a_real_browser() {
    for tool in ["chromium", "chromedriver", "python3"] {
        require_tool(tool);
    }
    let sink = start_mail_sink();
    let (base, _state) = start_server_as(Some(sink.port), "localhost").await;
    let downloads = unique("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, client) = start_browser(&downloads).await;
    let dir = artifacts_dir().join("passkeys");
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = Steps {
        c: client,
        base,
        dir,
        shots: 0,
    };
    let authenticator = add_virtual_authenticator(&s, true).await;

    // Sign up.
    s.goto("/signup").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", PASSWORD).await;
    s.fill("#password_confirm", PASSWORD).await;
    s.click("form[action='/signup'] button[type=submit]").await;
    s.wait_path("/account").await;
    s.shot("signed-up").await;

    // Add a passkey from the security page: the script shows the form and
    // hides the "needs JavaScript" note.
    s.goto("/settings/account/security").await;
    assert!(displayed(&s, "#passkey-add").await, "the add form is shown");
    assert!(
        !displayed(&s, "#passkeys [data-passkey-nojs]").await,
        "the no-script note is hidden when the script runs"
    );
    s.fill("#passkey-name", "Laptop").await;
    s.fill("#passkey-password", PASSWORD).await;
    s.shot("passkey-add-form").await;
    s.click("#passkey-add button[type=submit]").await;
    wait_for_text(&s, "The key is added").await;
    s.wait_path("/settings/account/security").await;
    assert_eq!(s.text(".passkey-name").await, "Laptop");
    s.shot("passkey-added").await;
    let held = credentials(&s, &authenticator).await;
    assert_eq!(
        held.len(),
        1,
        "one credential on the authenticator: {held:?}"
    );
    assert_eq!(
        held[0]["isResidentCredential"], true,
        "the key is discoverable: {held:?}"
    );
    s.sign_out().await;

    // "Sign in with a passkey" on /login, without typing the password.
    assert!(displayed(&s, "button[data-passkey='login']").await);
    s.shot("login-with-passkey-button").await;
    s.click("button[data-passkey='login']").await;
    s.wait_path("/account").await;
    assert!(s.page_contains(USERNAME).await);
    s.shot("signed-in-passwordless").await;
    s.sign_out().await;

    // The password now owes a second factor: the key serves as it.
    password_step(&s).await;
    s.wait_path("/login/2fa").await;
    assert!(displayed(&s, "button[data-passkey='second-factor']").await);
    s.shot("second-factor-page").await;
    s.click("button[data-passkey='second-factor']").await;
    s.wait_path("/account").await;
    s.shot("signed-in-with-password-and-passkey").await;

    // The security page lists the key as used; remove it (password again;
    // the second factor was passed in this session just now).
    s.goto("/settings/account/security").await;
    assert!(
        !s.text(".passkey").await.contains("never"),
        "the key shows when it was last used"
    );
    s.click(".passkey details summary").await;
    s.fill("input[id^='passkey-remove-password-']", PASSWORD)
        .await;
    s.shot("passkey-remove-form").await;
    s.click("form[action='/settings/account/security/passkeys/remove'] button[type=submit]")
        .await;
    wait_for_text(&s, "The key is removed").await;
    s.wait_path("/settings/account/security").await;
    assert!(
        s.c.find_all(Locator::Css(".passkey-name"))
            .await
            .unwrap()
            .is_empty(),
        "no key left on the page"
    );
    s.shot("passkey-removed").await;

    // Without a key the password alone signs in again.
    s.sign_out().await;
    password_step(&s).await;
    s.wait_path("/account").await;
    s.shot("signed-in-with-password-only").await;

    // In French, whatever the script says is French: the API's refusal (a
    // wrong password) as the server words it, and a ceremony the user
    // cancels in the page's own words (its data attributes; the script has
    // no English of its own).
    s.goto("/settings/account/security?lang=fr").await;
    s.fill("#passkey-name", "Portable").await;
    s.fill("#passkey-password", "not the password").await;
    s.click("#passkey-add button[type=submit]").await;
    wait_for_message(&s, "Le mot de passe est incorrect.").await;
    s.shot("passkey-refused-in-french").await;
    s.c.issue_cmd(WebAuthnCommand {
        path: format!("authenticator/{authenticator}"),
        body: None,
        delete: true,
    })
    .await
    .expect("chromedriver removes the authenticator");
    add_virtual_authenticator(&s, false).await;
    s.fill("#passkey-password", PASSWORD).await;
    s.click("#passkey-add button[type=submit]").await;
    wait_for_message(
        &s,
        "La demande de clé d'accès a été annulée ou a expiré. Réessayez.",
    )
    .await;
    s.shot("passkey-cancelled-in-french").await;
    assert!(!s.page_contains("cancelled or timed out").await);
    s.c.clone().close().await.unwrap();
}
