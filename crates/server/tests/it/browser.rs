//! The seed's steps in a real browser: Chromium (through chromedriver and
//! fantoccini) against the real server on a socket, with the real clock.
//! The QR code on the set-up page is decoded from a screenshot with
//! `zbarimg`, and codes come from `oathtool`, an independent TOTP
//! implementation. Screenshots of each step land in
//! `target/browser-artifacts/` for a human to look at.
//!
//! Email runs through a real SMTP server (`scripts/mailsink.py`, aiosmtpd)
//! that writes each letter to a folder: the address is verified and a
//! forgotten password reset by following the links in the letters.
//!
//! Ignored in a plain `cargo test` (it needs the tools); `.ci/run` installs
//! them and runs it with `--include-ignored`. When it runs, a missing tool is
//! a failure, never a skip.
//!
//! Over 600 lines on purpose: the seed's scenario and the driver helpers
//! (server, browser, mail sink, QR scan) that the passkey run
//! (`browser/passkeys.rs`) and the language run (`browser_lang.rs`) share.
//!
//! Over 600 lines on purpose: one Chromium session walks the seed's steps in
//! order, and CI starts the browser once per scenario, not once per file part.

use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use deadbolt_auth::mail::{SmtpTransport, SmtpUrl};
use deadbolt_server::{AppState, Argon2Params, Keyring, ServerConfig, SystemClock, app};
use deadbolt_store::SqlStore;
use fantoccini::{Client, ClientBuilder, Locator};

mod forward;
mod oidc;
mod passkeys;

const IGNORE: &str =
    "needs chromium, chromedriver, zbarimg, oathtool, python3 with aiosmtpd (installed by .ci/run)";
const CHROMIUM: &str = "/usr/bin/chromium";
const USERNAME: &str = "browser-alice";
const PASSWORD: &str = "a long walk to the lighthouse";

/// chromedriver, in a process group of its own, killed with the browsers it
/// started when the test ends, however it ends (a failed assertion leaves
/// the Chromium session open).
pub(crate) struct KillOnDrop(pub(crate) Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn require_tool(name: &str) -> PathBuf {
    let found = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
        .unwrap_or_default();
    found.unwrap_or_else(|| panic!("{name} is not installed; this test needs it ({IGNORE})"))
}

pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

pub(crate) fn unique(prefix: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{prefix}-{}-{nanos}", std::process::id()))
}

/// `target/browser-artifacts/` of the workspace.
pub(crate) fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("browser-artifacts");
    std::fs::create_dir_all(&dir).expect("create target/browser-artifacts");
    dir
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `oathtool --totp -b SECRET -N @unix`: the code of the step holding `at`.
pub(crate) fn oathtool(secret: &str, at: u64) -> String {
    let out = Command::new("oathtool")
        .args(["--totp", "-b", secret, "-N", &format!("@{at}")])
        .output()
        .expect("run oathtool");
    assert!(
        out.status.success(),
        "oathtool failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let code = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(code.len(), 6, "oathtool printed {code:?}");
    code
}

pub(crate) fn zbarimg(png: &Path) -> String {
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(png)
        .output()
        .expect("run zbarimg");
    assert!(
        out.status.success(),
        "zbarimg found no QR code in {}",
        png.display()
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The test SMTP server (`scripts/mailsink.py`), killed on drop, and the
/// folder it writes letters to.
struct MailSink {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for MailSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_mail_sink() -> MailSink {
    use std::io::BufRead;
    let dir = unique("mail");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/mailsink.py");
    let mut child = Command::new("python3")
        .arg(script)
        .args(["--port", "0", "--dir"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs scripts/mailsink.py");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .trim()
        .strip_prefix("READY ")
        .unwrap_or_else(|| panic!("mailsink.py did not start (aiosmtpd installed?): {line:?}"))
        .parse()
        .unwrap();
    MailSink { child, port, dir }
}

impl MailSink {
    /// The text part of every letter so far, oldest first.
    fn texts(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|x| x == "eml"));
        files.sort();
        files
            .iter()
            .map(|p| {
                let raw = std::fs::read(p).unwrap();
                let mail = mailparse::parse_mail(&raw).expect("a MIME letter");
                mail.subparts
                    .iter()
                    .find(|s| s.ctype.mimetype == "text/plain")
                    .expect("a text part")
                    .get_body()
                    .unwrap()
            })
            .collect()
    }

    /// The link (`{base}{path}?token=...`) of the newest letter that has one.
    async fn link(&self, path: &str) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(link) = self.texts().iter().rev().find_map(|t| {
                let at = t.find(&format!("{path}?token="))?;
                let start = t[..at].rfind("http")?;
                let end = t[at..]
                    .find(char::is_whitespace)
                    .map_or(t.len(), |e| at + e);
                Some(t[start..end].to_owned())
            }) {
                return link;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no letter with a {path} link: {:?}",
                self.texts()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Start the real server on 127.0.0.1:0 with a fresh SQLite directory,
/// email on through `sink` (its outbox worker running).
async fn start_server(sink: &MailSink) -> (String, AppState) {
    start_server_as(Some(sink.port), "127.0.0.1").await
}

/// The real server on a socket (SQLite in a fresh folder, the real clock,
/// cheap hashing); with `smtp_port`, email goes to that SMTP server.
pub(crate) async fn start_server_with(smtp_port: Option<u16>) -> (String, AppState) {
    start_server_as(smtp_port, "127.0.0.1").await
}

/// The same, with the public URL naming the loopback address `host`
/// (`localhost` for passkeys: an IP address is no relying party id).
pub(crate) async fn start_server_as(smtp_port: Option<u16>, host: &str) -> (String, AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let base = format!("http://{host}:{port}");
    let mut config = ServerConfig::new("Deadbolt", base.clone());
    if smtp_port.is_some() {
        config.auth.mail = Some(deadbolt_auth::MailConfig {
            from: "Deadbolt <no-reply@deadbolt.test>".parse().unwrap(),
            public_url: base.clone(),
            send_timeout: Duration::from_secs(10),
        });
    }
    (base, serve(listener, config, smtp_port).await)
}

/// The real server on `listener` with `config` (SQLite in a fresh folder,
/// the real clock, cheap hashing); with `smtp_port`, its outbox worker
/// sends to that SMTP server.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    mut config: ServerConfig,
    smtp_port: Option<u16>,
) -> AppState {
    let data = unique("browser-data");
    std::fs::create_dir_all(&data).unwrap();
    let store = SqlStore::open_sqlite_dir(&data)
        .await
        .expect("open the SQLite store");
    // Cheap hashing: the test is about the pages, not Argon2's cost.
    config.auth.argon2 = Argon2Params {
        m_cost: 1024,
        t_cost: 1,
        p_cost: 1,
    };
    let state = AppState::new(
        Arc::new(store),
        Keyring::generate().unwrap(),
        config,
        Arc::new(SystemClock),
    );
    if let Some(port) = smtp_port {
        let smtp = SmtpUrl::parse(&format!("smtp://127.0.0.1:{port}")).unwrap();
        let transport = SmtpTransport::new(&smtp, Duration::from_secs(10)).unwrap();
        tokio::spawn(state.auth.clone().run_mail_worker(Arc::new(transport)));
    }
    let service = app(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.expect("server") });
    state
}

/// Screenshot the set-up page's QR code and decode it as a phone would:
/// the otpauth URI it holds.
pub(crate) async fn scan_qr(s: &Steps) -> String {
    let qr_png = s.dir.join("qr.png");
    let qr =
        s.c.find(Locator::Css("#qr"))
            .await
            .unwrap()
            .screenshot()
            .await
            .unwrap();
    std::fs::write(&qr_png, qr).unwrap();
    zbarimg(&qr_png)
}

/// The base32 secret of an otpauth URI.
pub(crate) fn secret_of(uri: &str) -> String {
    uri.split(['?', '&'])
        .find_map(|p| p.strip_prefix("secret="))
        .expect("a secret in the otpauth URI")
        .to_owned()
}

/// Wait for the next 30 s step after `used` (real time, at most ~30 s):
/// the server refuses a step twice.
pub(crate) async fn after_step(used: u64) {
    if now() / 30 <= used / 30 {
        let next_step_starts = (used / 30 + 1) * 30;
        tokio::time::sleep(Duration::from_secs(next_step_starts - now() + 1)).await;
    }
}

/// Wait (20 s at most) until something listens on 127.0.0.1:`port`;
/// `what` names it (and may add its log) when nothing does.
pub(crate) async fn wait_listening(port: u16, what: impl Fn() -> String) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "{} did not listen on port {port}",
            what()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn start_browser(downloads: &Path) -> (KillOnDrop, Client) {
    start_browser_with(downloads, &[]).await
}

/// [`start_browser`] with more Chromium switches (`extra`).
pub(crate) async fn start_browser_with(downloads: &Path, extra: &[&str]) -> (KillOnDrop, Client) {
    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("start chromedriver");
    let driver = KillOnDrop(driver);
    wait_listening(port, || "chromedriver".to_owned()).await;
    let profile = unique("chromium-profile");
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    .iter()
    .chain(extra)
    .map(|a| (*a).to_owned())
    .collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": args,
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("start a Chromium session");
    client.set_window_size(1024, 1400).await.unwrap();
    (driver, client)
}

/// Drives the browser and keeps the screenshots.
pub(crate) struct Steps {
    pub(crate) c: Client,
    pub(crate) base: String,
    pub(crate) dir: PathBuf,
    pub(crate) shots: usize,
}

impl Steps {
    pub(crate) async fn shot(&mut self, name: &str) {
        self.shots += 1;
        let png = self.c.screenshot().await.expect("screenshot");
        std::fs::write(self.dir.join(format!("{:02}-{name}.png", self.shots)), png).unwrap();
    }

    pub(crate) async fn goto(&self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    pub(crate) async fn fill(&self, css: &str, value: &str) {
        let field = self
            .c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"));
        field
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        field
            .send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    pub(crate) async fn click(&self, css: &str) {
        let el = self
            .c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub(crate) async fn click_link(&self, text: &str) {
        let el = self
            .c
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"));
        el.click().await.unwrap();
    }

    pub(crate) async fn text(&self, css: &str) -> String {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing at {css}: {e}"))
            .text()
            .await
            .unwrap()
    }

    pub(crate) async fn path(&self) -> String {
        self.c.current_url().await.unwrap().path().to_owned()
    }

    /// Wait (a few seconds at most) until the browser shows `path`.
    pub(crate) async fn wait_path(&self, path: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            let here = self.path().await;
            if here == path {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "expected to reach {path}, still at {here}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub(crate) async fn page_contains(&self, needle: &str) -> bool {
        self.c.source().await.unwrap().contains(needle)
    }

    pub(crate) async fn sign_out(&self) {
        self.click("form[action='/logout'] button").await;
        self.wait_path("/login").await;
        assert!(self.page_contains("You are signed out").await);
    }

    /// Confirm the set-up with oathtool's code for `secret`; returns when
    /// (the step used) and waits for the backup-codes form that follows.
    pub(crate) async fn confirm_setup(&self, secret: &str) -> u64 {
        let at = now();
        self.fill("#code", &oathtool(secret, at)).await;
        self.click(
            "form[action='/settings/account/security/two-factor/confirm'] button[type=submit]",
        )
        .await;
        self.c
            .wait()
            .for_element(Locator::Css("#backup_password"))
            .await
            .unwrap();
        at
    }

    pub(crate) async fn password_step(&self) {
        self.goto("/login").await;
        self.fill("#username", USERNAME).await;
        self.fill("#password", PASSWORD).await;
        self.click("form[action='/login'] button[type=submit]")
            .await;
        self.wait_path("/login/2fa").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromedriver, zbarimg, oathtool (installed by .ci/run)"]
async fn the_seed_in_a_real_browser() {
    for tool in ["chromium", "chromedriver", "zbarimg", "oathtool", "python3"] {
        require_tool(tool);
    }
    let sink = start_mail_sink();
    let (base, state) = start_server(&sink).await;
    let downloads = unique("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, client) = start_browser(&downloads).await;
    let mut s = Steps {
        c: client,
        base,
        dir: artifacts_dir(),
        shots: 0,
    };

    // Sign up; the account page has Settings in its toolbar.
    s.goto("/signup").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", PASSWORD).await;
    s.fill("#password_confirm", PASSWORD).await;
    s.shot("signup").await;
    s.click("form[action='/signup'] button[type=submit]").await;
    s.wait_path("/account").await;
    s.shot("account").await;

    // Settings → Account → Security → "Two factor authentication" → Set-up.
    s.click_link("Settings").await;
    s.wait_path("/settings/account/security").await;
    s.click(".side-menu a[href='/settings/account/security']")
        .await;
    s.wait_path("/settings/account/security").await;
    assert_eq!(
        s.text("#two-factor-heading").await,
        "Two factor authentication"
    );
    s.shot("security-off").await;
    s.click_link("Set-up").await;
    s.wait_path("/settings/account/security/two-factor/setup")
        .await;
    s.fill("#password", PASSWORD).await;
    s.shot("setup-password").await;
    s.click("form[action='/settings/account/security/two-factor/setup'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("#qr svg"))
        .await
        .unwrap();
    s.shot("setup-qr").await;

    // Scan the QR code as a phone would: it holds exactly the page's otpauth link.
    let scanned = scan_qr(&s).await;
    let link =
        s.c.find(Locator::Id("otpauth-link"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(
        scanned, link,
        "the QR code and the 'Open in authenticator app' link differ"
    );
    assert!(
        scanned.starts_with("otpauth://totp/Deadbolt:browser-alice?"),
        "{scanned}"
    );
    let secret = secret_of(&scanned);
    let shown_key = s.text("#secret-key").await;
    assert_eq!(
        shown_key.replace(' ', ""),
        secret,
        "the key for manual entry is the QR code's secret"
    );
    assert!(
        shown_key.split(' ').all(|g| g.len() <= 4),
        "key shown in groups of four: {shown_key}"
    );

    // Enter the 6-digit code from "the app" (oathtool).
    let confirmed_at = s.confirm_setup(&secret).await;
    assert!(s.page_contains("Two factor authentication is on").await);
    s.shot("enabled").await;

    // Generate backup codes and read them off the page.
    s.fill("#backup_password", PASSWORD).await;
    s.click("form[action='/settings/account/security/backup-codes'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("#backup-codes"))
        .await
        .unwrap();
    let mut codes = Vec::new();
    for li in
        s.c.find_all(Locator::Css("#backup-codes li code"))
            .await
            .unwrap()
    {
        codes.push(li.text().await.unwrap());
    }
    assert_eq!(codes.len(), 10, "{codes:?}");
    let download = s.c.find(Locator::Id("download-codes")).await.unwrap();
    assert_eq!(
        download.attr("download").await.unwrap().as_deref(),
        Some("deadbolt-backup-codes.txt")
    );
    let href = download.attr("href").await.unwrap().unwrap();
    assert!(href.starts_with("data:text/plain;charset=utf-8,"), "{href}");
    for code in &codes {
        assert!(href.contains(code.as_str()), "download lacks {code}");
    }
    s.shot("backup-codes").await;

    // "Download as .txt" really downloads the codes (a data: URL under the CSP).
    download.click().await.unwrap();
    let file = downloads.join("deadbolt-backup-codes.txt");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !file.is_file() {
        assert!(
            std::time::Instant::now() < deadline,
            "the backup codes were not downloaded to {}",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let saved = std::fs::read_to_string(&file).unwrap();
    for code in &codes {
        assert!(
            saved.contains(code.as_str()),
            "the .txt lacks {code}:\n{saved}"
        );
    }

    // Settings → Security → Email: the address, confirmed from its letter.
    s.goto("/settings/account/security").await;
    s.fill("#new_email", "alice@example.com").await;
    s.fill("#email_password", PASSWORD).await;
    s.click("form[action='/settings/account/security/email'] button[type=submit]")
        .await;
    s.wait_path("/settings/account/security").await;
    assert!(s.page_contains("A confirmation link is on its way").await);
    let link = sink.link("/verify-email").await;
    assert!(link.starts_with(&s.base), "{link}");
    s.c.goto(&link).await.unwrap();
    s.shot("verify-email").await;
    s.click("form[action='/verify-email'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("p.notice"))
        .await
        .unwrap();
    assert!(
        s.page_contains("alice@example.com is now your account")
            .await
    );

    // Log out, log in: the intermediary page asks for the code.
    s.sign_out().await;
    s.shot("signed-out").await;
    s.password_step().await;
    s.goto("/account").await;
    assert_ne!(
        s.path().await,
        "/account",
        "a pending login must not open the account page"
    );
    s.goto("/login/2fa").await;
    s.shot("login-2fa").await;

    // The confirmation used the current step: the server refuses it again,
    // so wait for the next 30 s step if needed (real time, at most ~30 s).
    after_step(confirmed_at).await;
    let signed_in_at = now();
    s.fill("#code", &oathtool(&secret, signed_in_at)).await;
    s.click("#code-form button[type=submit]").await;
    s.wait_path("/account").await;
    assert!(s.page_contains("Welcome, browser-alice").await);
    s.shot("account-after-code").await;

    // Readable on a phone: the settings page at a phone's width.
    s.c.set_window_size(390, 1600).await.unwrap();
    s.goto("/settings/account/security").await;
    s.shot("phone-security").await;
    s.c.set_window_size(1024, 1400).await.unwrap();

    // Lost phone: a backup code lets the user in once.
    s.sign_out().await;
    s.password_step().await;
    s.click("#backup summary").await;
    s.fill("#backup_code", &codes[0]).await;
    s.click("#backup button[type=submit]").await;
    s.wait_path("/account").await;
    s.shot("account-after-backup-code").await;

    // ... and only once.
    s.sign_out().await;
    s.password_step().await;
    s.click("#backup summary").await;
    s.fill("#backup_code", &codes[0]).await;
    s.click("#backup button[type=submit]").await;
    s.c.wait()
        .for_element(Locator::Id("backup_code-error"))
        .await
        .unwrap();
    assert_eq!(s.path().await, "/login/2fa");
    assert!(s.text("#backup_code-error").await.contains("already used"));
    s.shot("backup-code-reused").await;
    s.c.set_window_size(390, 900).await.unwrap();
    s.shot("phone-login-2fa").await;
    s.c.set_window_size(1024, 1400).await.unwrap();

    // Forgot the password. The pending login above is an old session the
    // reset must end: keep its cookie, and start from a clean browser.
    let cookie = deadbolt_server::session::cookie_name(&state.config);
    let old =
        s.c.get_named_cookie(cookie)
            .await
            .unwrap()
            .value()
            .to_owned();
    s.c.delete_all_cookies().await.unwrap();
    s.goto("/login").await;
    s.click_link("Forgot your password?").await;
    s.wait_path("/password-reset").await;
    s.fill("#who", USERNAME).await;
    s.click("form[action='/password-reset'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("p.notice"))
        .await
        .unwrap();
    assert!(s.page_contains("If an account matches").await);
    s.shot("reset-requested").await;
    let link = sink.link("/password-reset/confirm").await;
    s.c.goto(&link).await.unwrap();
    s.wait_path("/password-reset/confirm").await;
    const NEW_PASSWORD: &str = "the lighthouse keeper's new key";
    s.fill("#new_password", NEW_PASSWORD).await;
    s.fill("#new_password_confirm", NEW_PASSWORD).await;
    after_step(signed_in_at).await;
    s.fill("#second_factor", &oathtool(&secret, now())).await;
    s.shot("reset-new-password").await;
    s.click("form[action='/password-reset/confirm'] button[type=submit]")
        .await;
    s.wait_path("/settings/account/security").await;
    assert!(s.page_contains("Your password is reset").await);
    s.shot("reset-done").await;
    // Signed in here; the old session is gone; the new password is the one.
    let uid = state
        .auth
        .store()
        .user_by_key(USERNAME)
        .await
        .unwrap()
        .unwrap()
        .id;
    let token = deadbolt_auth::SessionToken::new(old);
    assert!(
        state.auth.session(&token).await.unwrap().is_none(),
        "the old session ended"
    );
    assert_eq!(
        state.auth.overview(uid, None).await.unwrap().sessions.len(),
        1
    );
    assert!(s.page_contains("This browser").await);
    s.sign_out().await;
    s.goto("/login").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", NEW_PASSWORD).await;
    s.click("form[action='/login'] button[type=submit]").await;
    s.wait_path("/login/2fa").await;

    s.c.close().await.unwrap();
}
