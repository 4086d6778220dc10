//! The whole 2FA flow in a real browser in French and in Russian: the
//! language chosen once with `?lang=` (then remembered by the cookie),
//! every page in that language, the QR code still labelled as configured,
//! and on a phone-sized window no page wider than the screen (no
//! horizontal overflow, no clipped button). Screenshots of each step land
//! in `target/browser-artifacts/lang-<code>/` for a human to look at.
//!
//! Ignored in a plain `cargo test` (Chromium, chromedriver, zbarimg,
//! oathtool); `.ci/run` runs it with `--include-ignored`, and then a
//! missing tool is a failure.

use deadbolt_server::i18n::Lang;
use fantoccini::Locator;

use crate::browser::{
    Steps, after_step, artifacts_dir, now, oathtool, require_tool, scan_qr, secret_of,
    start_browser, start_server_with, unique,
};

const PASSWORD: &str = "a long walk to the lighthouse";

impl Steps {
    /// The page is in `code` and, at the window's width, nothing sticks out
    /// sideways: the document is no wider than the window and every button
    /// and input fits inside it.
    async fn assert_page_in(&self, code: &str) {
        let source = self.c.source().await.unwrap();
        assert!(
            source.contains(&format!("<html lang=\"{code}\"")),
            "not in {code}: {source}"
        );
        let overflow = self
            .c
            .execute(
                "const w = document.documentElement.clientWidth;
                 const wide = [...document.querySelectorAll('button, input, .button, h1, h2, p, label')]
                   .filter(e => e.offsetParent !== null)
                   .filter(e => { const r = e.getBoundingClientRect(); return r.right > w + 1 || r.left < -1
                      || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'; })
                   .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60));
                 return [document.documentElement.scrollWidth - w, wide];",
                vec![],
            )
            .await
            .unwrap();
        let extra = overflow[0].as_i64().unwrap();
        assert!(
            extra <= 0 && overflow[1].as_array().unwrap().is_empty(),
            "{code} on {}: {extra}px wider than the window; out of bounds: {}",
            self.path().await,
            overflow[1]
        );
    }

    /// A phone-sized screenshot of the current page, checked for overflow.
    async fn phone_shot(&mut self, code: &str, name: &str) {
        // No reload: some pages are the answer to a POST.
        self.c.set_window_size(360, 800).await.unwrap();
        self.assert_page_in(code).await;
        self.shot(&format!("phone-{name}")).await;
        self.c.set_window_size(1024, 1400).await.unwrap();
    }
}

async fn flow_in(code: &str) {
    let lang = Lang::from_code(code).unwrap();
    let username = format!("browser-{code}");
    let (base, _state) = start_server_with(None).await;
    let downloads = unique("downloads-lang");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, client) = start_browser(&downloads).await;
    let dir = artifacts_dir().join(format!("lang-{code}"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = Steps {
        c: client,
        base,
        dir,
        shots: 0,
    };

    // The language is chosen once, from the menu's link; the cookie keeps it.
    s.goto("/login").await;
    s.click(&format!(".languages a[hreflang='{code}']")).await;
    s.c.wait()
        .for_element(Locator::Css(&format!("html[lang='{code}']")))
        .await
        .unwrap();
    s.goto("/signup").await;
    s.assert_page_in(code).await;
    s.phone_shot(code, "signup").await;
    s.fill("#username", &username).await;
    s.fill("#password", PASSWORD).await;
    s.fill("#password_confirm", PASSWORD).await;
    s.click("form[action='/signup'] button[type=submit]").await;
    s.wait_path("/account").await;
    s.assert_page_in(code).await;
    s.shot("account").await;

    // Settings → Account → Security → Two factor authentication → Set-up, in the language's words.
    s.click_link(&lang.text("nav-settings", &[])).await;
    s.wait_path("/settings/account/security").await;
    assert_eq!(
        s.text("#two-factor-heading").await,
        lang.text("two-factor-authentication", &[])
    );
    s.phone_shot(code, "security").await;
    s.click_link(&lang.text("security-setup-button", &[])).await;
    s.wait_path("/settings/account/security/two-factor/setup")
        .await;
    s.assert_page_in(code).await;
    s.fill("#password", PASSWORD).await;
    s.click("form[action='/settings/account/security/two-factor/setup'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("#qr svg"))
        .await
        .unwrap();
    s.assert_page_in(code).await;
    s.shot("setup-qr").await;

    // The app's label is the configured one, whatever the language.
    let scanned = scan_qr(&s).await;
    assert!(
        scanned.starts_with(&format!("otpauth://totp/Deadbolt:{username}?")),
        "{scanned}"
    );
    let secret = secret_of(&scanned);
    s.c.set_window_size(360, 1800).await.unwrap();
    s.assert_page_in(code).await;
    s.shot("phone-setup-qr").await;
    s.c.set_window_size(1024, 1400).await.unwrap();

    let confirmed_at = s.confirm_setup(&secret).await;
    assert!(s.page_contains(&lang.text("enabled-title", &[])).await);
    s.phone_shot(code, "enabled").await;

    s.fill("#backup_password", PASSWORD).await;
    s.click("form[action='/settings/account/security/backup-codes'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("#backup-codes"))
        .await
        .unwrap();
    s.assert_page_in(code).await;
    s.c.set_window_size(360, 1400).await.unwrap();
    s.assert_page_in(code).await;
    s.shot("phone-backup-codes").await;
    s.c.set_window_size(1024, 1400).await.unwrap();

    // Sign out and in again: the intermediary page asks for the code in the language.
    s.click("form[action='/logout'] button").await;
    s.wait_path("/login").await;
    assert!(s.page_contains(&lang.text("notice-signed-out", &[])).await);
    s.fill("#username", &username).await;
    s.fill("#password", PASSWORD).await;
    s.click("form[action='/login'] button[type=submit]").await;
    s.wait_path("/login/2fa").await;
    s.phone_shot(code, "login-2fa").await;
    after_step(confirmed_at).await;
    s.fill("#code", &oathtool(&secret, now())).await;
    s.click("#code-form button[type=submit]").await;
    s.wait_path("/account").await;
    assert!(
        s.page_contains(&lang.text("account-welcome", &[("name", username.clone().into())]))
            .await
    );
    s.phone_shot(code, "account").await;
    s.goto("/settings/account/security").await;
    s.c.set_window_size(360, 2600).await.unwrap();
    s.assert_page_in(code).await;
    s.shot("phone-security-on").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromedriver, zbarimg, oathtool (installed by .ci/run)"]
async fn the_2fa_flow_in_french_and_russian_in_a_real_browser() {
    for tool in ["chromium", "chromedriver", "zbarimg", "oathtool"] {
        require_tool(tool);
    }
    for code in ["fr", "ru"] {
        flow_in(code).await;
    }
}
