//! The HTML pages, driven like a browser without JavaScript would: form posts
//! (`application/x-www-form-urlencoded`, `Sec-Fetch-Site: same-origin`), the
//! session cookie kept, redirects read from `Location`. Each test follows a
//! flow of the seed (Settings → Account → Security → Two factor
//! authentication → Set-up → scan → backup codes → code; then the
//! intermediary code page at login) or a rule of SECURITY.md.
//!
//! Over 600 lines on purpose: one file per surface (API, pages, adversarial),
//! in the order of the seed's steps, so docs/SECURITY.md can name each test
//! as `pages::name`.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::{Agent, PW, Resp, TestApp, totp};

const SECURITY: &str = "/settings/account/security";

// ------------------------------------------------------------------ helpers

fn form_encode(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        let mut out = String::new();
        for &b in s.as_bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    out.push(char::from(b))
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A form post as a browser sends it from one of our own pages.
pub(crate) async fn submit(a: &Agent, path: &str, fields: &[(&str, &str)]) -> Resp {
    submit_from(a, path, fields, "same-origin").await
}

async fn submit_from(a: &Agent, path: &str, fields: &[(&str, &str)], fetch_site: &str) -> Resp {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", fetch_site)
        .body(Body::from(form_encode(fields)))
        .unwrap();
    a.send(req).await
}

pub(crate) fn assert_redirect(r: &Resp, to: &str) {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(r.location(), to);
}

/// Undo askama's HTML escaping of attribute and text values.
fn unescape(s: &str) -> String {
    s.replace("&#38;", "&")
        .replace("&amp;", "&")
        .replace("&#60;", "<")
        .replace("&lt;", "<")
        .replace("&#62;", ">")
        .replace("&gt;", ">")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The text between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let len = html[from..].find(end)?;
    Some(&html[from..from + len])
}

/// The whole start tag of the element with this `id`.
fn tag_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element #{id} in:\n{html}"));
    let open = html[..at].rfind('<').unwrap();
    let close = at + html[at..].find('>').unwrap();
    &html[open..=close]
}

/// The value of attribute `name` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    between(tag, &format!(" {name}=\""), "\"").unwrap_or_else(|| panic!("no {name} in {tag}"))
}

/// What the set-up page shows.
struct Setup {
    uri: String,
    secret: String,
    grouped: String,
    html: String,
}

fn read_setup(html: &str) -> Setup {
    let uri = unescape(attr(tag_with_id(html, "otpauth-link"), "href"));
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    let secret = uri
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("secret="))
        .expect("secret in URI")
        .to_owned();
    let grouped = between(html, "id=\"secret-key\">", "</code>")
        .expect("key for manual entry")
        .to_owned();
    Setup {
        uri,
        secret,
        grouped,
        html: html.to_owned(),
    }
}

fn backup_codes_of(html: &str) -> Vec<String> {
    let list = between(html, "id=\"backup-codes\">", "</ol>").expect("the list of codes");
    list.split("<code>")
        .skip(1)
        .map(|s| s.split("</code>").next().unwrap().to_owned())
        .collect()
}

/// Sign up through the form; the agent ends signed in.
async fn html_signup(app: &TestApp, name: &str) -> Agent {
    let a = app.agent();
    let r = submit(
        &a,
        "/signup",
        &[
            ("username", name),
            ("password", PW),
            ("password_confirm", PW),
        ],
    )
    .await;
    assert_redirect(&r, "/account?welcome=1");
    a
}

/// Password step, then the set-up page (returns it read).
async fn html_begin_setup(a: &Agent) -> Setup {
    let r = submit(
        a,
        "/settings/account/security/two-factor/setup",
        &[("password", PW)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    read_setup(&r.text())
}

/// Sign up and turn 2FA on through the pages; returns the agent and the secret.
/// The clock moves a step on so the confirmation code cannot be reused.
async fn html_user_with_2fa(app: &TestApp, name: &str) -> (Agent, String) {
    let a = html_signup(app, name).await;
    let setup = html_begin_setup(&a).await;
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", &app.code(&setup.secret, 0))],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    app.clock.advance(30);
    (a, setup.secret)
}

async fn html_generate_codes(a: &Agent) -> Vec<String> {
    html_generate_codes_stepped_up(a, "").await
}

/// New backup codes, with a step-up code (or `""` inside the window).
async fn html_generate_codes_stepped_up(a: &Agent, step_up: &str) -> Vec<String> {
    let r = submit(
        a,
        "/settings/account/security/backup-codes",
        &[("backup_password", PW), ("backup_step_up_code", step_up)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    backup_codes_of(&r.text())
}

/// Password step of a login through the form: now pending.
async fn html_pending(app: &TestApp, name: &str, next: &str) -> Agent {
    let b = app.agent();
    let r = submit(
        &b,
        "/login",
        &[("username", name), ("password", PW), ("next", next)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(r.location().starts_with("/login/2fa"), "{}", r.location());
    b
}

async fn two_factor_on(a: &Agent) -> bool {
    let me = a.me().await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text());
    me.json["two_factor"]["enabled"].as_bool().unwrap()
}

/// Every id is unique and every visible field has its `<label for>`.
fn assert_labelled(html: &str) {
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(*id), "duplicate id {id:?}");
    }
    for input in html.split("<input").skip(1) {
        let tag = &input[..input.find('>').unwrap()];
        if tag.contains("type=\"hidden\"") {
            continue;
        }
        let id = attr(tag, "id");
        assert!(
            html.contains(&format!("<label for=\"{id}\">")),
            "field {id} has no label"
        );
    }
}

/// No inline script or style: the CSP (`default-src 'none'; script-src
/// 'self'; style-src 'self'`) would block them. The one script tag allowed
/// loads the static passkey script.
fn assert_csp_clean(html: &str) {
    let html = &html.replace("<script src=\"/assets/passkeys.js\" defer></script>", "");
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"en\">"),
        "{}",
        &html[..60.min(html.len())]
    );
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/app.css\">"));
    for bad in [
        "<script",
        "<style",
        " style=\"",
        "javascript:",
        " onclick=",
        " onsubmit=",
    ] {
        assert!(!html.contains(bad), "inline {bad} in a page:\n{html}");
    }
    assert_labelled(html);
}

// ------------------------------------------------------------------ the seed

#[tokio::test]
async fn seed_set_up_then_log_in_with_the_code() {
    let app = TestApp::new().await;

    // Sign up: straight to the account page, whose toolbar holds Settings.
    let a = html_signup(&app, "alice").await;
    let r = a.get("/account?welcome=1").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert_csp_clean(&html);
    assert!(html.contains("Welcome, alice"));
    let toolbar = between(&html, "<header class=\"toolbar\">", "</header>").unwrap();
    assert!(
        toolbar.contains("<a href=\"/settings/account/security\">Settings</a>"),
        "{toolbar}"
    );
    assert!(toolbar.contains("action=\"/logout\""), "{toolbar}");
    assert!(html.contains("<span class=\"status off\">Off</span>"));

    // Settings → Account → Security: the 2FA section with its Set-up button.
    let r = a.get(SECURITY).await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert_csp_clean(&html);
    let menu = between(&html, "<nav class=\"side-menu\"", "</nav>").unwrap();
    assert!(
        menu.contains("<h2>Account</h2>") && menu.contains(">Security</a>"),
        "{menu}"
    );
    assert!(html.contains("<h2 id=\"two-factor-heading\">Two factor authentication</h2>"));
    assert!(html.contains(
        "<a class=\"button\" href=\"/settings/account/security/two-factor/setup\">Set-up</a>"
    ));
    for section in [
        "Password",
        "Backup codes",
        "Sessions",
        "Recent security activity",
    ] {
        assert!(
            html.contains(&format!(">{section}</h2>")),
            "no {section} section"
        );
    }

    // Set-up asks for the password first.
    let r = a.get("/settings/account/security/two-factor/setup").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(tag_with_id(&html, "password").contains("type=\"password\""));
    assert!(html.contains("<label for=\"password\">"));

    // The scan page: QR (inline SVG), key in groups of four, the otpauth link, apps, the code field.
    let setup = html_begin_setup(&a).await;
    let html = &setup.html;
    assert_csp_clean(html);
    assert!(
        between(html, "id=\"qr\"", "</figure>")
            .unwrap()
            .contains("<svg"),
        "no inline SVG QR code"
    );
    assert!(
        setup
            .uri
            .starts_with("otpauth://totp/Deadbolt%20Test:alice?"),
        "{}",
        setup.uri
    );
    assert!(
        setup.uri.contains("issuer=Deadbolt%20Test"),
        "{}",
        setup.uri
    );
    assert!(html.contains(">Open in authenticator app</a>"));
    assert_eq!(setup.grouped.replace(' ', ""), setup.secret);
    assert!(
        setup
            .grouped
            .split(' ')
            .all(|g| g.len() == 4 || g.len() < 4),
        "{}",
        setup.grouped
    );
    assert!(setup.grouped.contains(' '));
    for app_name in ["Google Authenticator", "Authy", "FreeOTP", "Aegis"] {
        assert!(html.contains(app_name), "{app_name} not named");
    }
    let code_field = tag_with_id(html, "code");
    for attr in [
        "name=\"code\"",
        "autocomplete=\"one-time-code\"",
        "inputmode=\"numeric\"",
        "pattern=\"[0-9 ]*\"",
    ] {
        assert!(code_field.contains(attr), "{attr} missing on {code_field}");
    }
    assert!(html.contains("action=\"/settings/account/security/two-factor/confirm\""));

    // A wrong code: error next to the field, the same secret again, 2FA still off.
    let wrong: &str = &app.wrong_code(&setup.secret);
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", wrong)],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let html = r.text();
    assert!(tag_with_id(&html, "code").contains("aria-describedby=\"code-error\""));
    assert!(
        between(&html, "id=\"code-error\">", "</p>")
            .unwrap()
            .contains("not correct")
    );
    assert_eq!(
        read_setup(&html).secret,
        setup.secret,
        "a wrong code must show the same pending secret"
    );
    assert!(!two_factor_on(&a).await);

    // The right code ("123 456" with a space, as people type it) turns it on.
    let code = app.code(&setup.secret, 0);
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", &spaced)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let html = r.text();
    assert!(html.contains("Two factor authentication is on"));
    assert!(
        html.contains("action=\"/settings/account/security/backup-codes\""),
        "must urge backup codes"
    );
    assert!(two_factor_on(&a).await);

    // Backup codes: 10, once, printable, downloadable, never cached.
    let r = submit(
        &a,
        "/settings/account/security/backup-codes",
        &[("backup_password", PW), ("origin", "enabled")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let html = r.text();
    assert_csp_clean(&html);
    let codes = backup_codes_of(&html);
    assert_eq!(codes.len(), 10, "{codes:?}");
    let download = tag_with_id(&html, "download-codes");
    assert!(
        download.contains("download=\"deadbolt-backup-codes.txt\""),
        "{download}"
    );
    let href = unescape(attr(download, "href"));
    let text = percent_decode(
        href.strip_prefix("data:text/plain;charset=utf-8,")
            .expect("a data: URL"),
    );
    for c in &codes {
        assert!(
            text.contains(c.as_str()),
            "{c} missing from the .txt: {text}"
        );
    }
    assert!(text.contains("alice"));

    // The secret is never shown again once confirmed.
    let r = a.get(SECURITY).await;
    let html = r.text();
    assert_csp_clean(&html);
    assert!(
        !html.contains(&setup.secret) && !html.contains(&setup.grouped),
        "secret shown after confirmation"
    );
    assert!(!html.contains("otpauth://"));
    assert!(html.contains("<span class=\"status on\">On</span>"));
    assert!(html.contains("Set up a new device"));
    assert!(html.contains("You have 10 unused backup codes."));

    // Sign out: back to the login page, told so.
    let r = submit(&a, "/logout", &[]).await;
    assert_redirect(&r, "/login?signed_out=1");
    assert!(
        a.get("/login?signed_out=1")
            .await
            .text()
            .contains("You are signed out")
    );
    assert_eq!(a.get("/account").await.status, StatusCode::SEE_OTHER);

    // Log in: the password leads to the intermediary page, and nothing else opens.
    app.clock.advance(30);
    let b = app.agent();
    let r = submit(
        &b,
        "/login",
        &[("username", "alice"), ("password", PW), ("next", "")],
    )
    .await;
    assert_redirect(&r, "/login/2fa");
    for path in [
        "/account",
        SECURITY,
        "/settings/account/security/two-factor/setup",
    ] {
        let r = b.get(path).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{path} opened with a pending login"
        );
        assert!(
            r.location().starts_with("/login"),
            "{path} → {}",
            r.location()
        );
    }
    // Back to the login page: the password is done, so it sends on to the code page.
    assert_redirect(
        &b.get("/login?next=/account").await,
        "/login/2fa?next=/account",
    );
    let r = submit(
        &b,
        "/settings/account/security/backup-codes",
        &[("backup_password", PW)],
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "a pending login generated backup codes"
    );
    assert_eq!(b.me().await.status, StatusCode::UNAUTHORIZED);

    let r = b.get("/login/2fa").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert_csp_clean(&html);
    assert!(html.contains("Enter the 6-digit code from your authenticator app."));
    let field = tag_with_id(&html, "code");
    for attr in [
        "name=\"code\"",
        "autocomplete=\"one-time-code\"",
        "inputmode=\"numeric\"",
        "pattern=\"[0-9 ]*\"",
        "autofocus",
    ] {
        assert!(field.contains(attr), "{attr} missing on {field}");
    }
    assert!(tag_with_id(&html, "backup_code").contains("name=\"backup_code\""));

    // A wrong code: a clear error, still on the page, still not signed in.
    let wrong: &str = &app.wrong_code(&setup.secret);
    let r = submit(&b, "/login/2fa", &[("code", wrong), ("next", "")]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let html = r.text();
    assert!(html.contains("Enter the 6-digit code from your authenticator app."));
    assert!(
        between(&html, "id=\"code-error\">", "</p>")
            .unwrap()
            .contains("not correct")
    );
    assert_eq!(b.get("/account").await.status, StatusCode::SEE_OTHER);

    // The right code: signed in.
    let r = submit(
        &b,
        "/login/2fa",
        &[("code", &app.code(&setup.secret, 0)), ("next", "")],
    )
    .await;
    assert_redirect(&r, "/account");
    let r = b.get("/account").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Welcome, alice"));
    assert!(two_factor_on(&b).await);

    // The same code again (another browser, same step) is refused.
    let c = html_pending(&app, "alice", "").await;
    let r = submit(
        &c,
        "/login/2fa",
        &[("code", &app.code(&setup.secret, 0)), ("next", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.text().contains("already been used"));
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn backup_code_logs_in_once() {
    let app = TestApp::new().await;
    let (a, _secret) = html_user_with_2fa(&app, "bob").await;
    let codes = html_generate_codes(&a).await;
    assert_eq!(codes.len(), 10);

    let b = html_pending(&app, "bob", "").await;
    // Typed in capitals without the dash: still accepted.
    let typed = codes[3].replace('-', "").to_uppercase();
    let r = submit(&b, "/login/2fa", &[("backup_code", &typed), ("next", "")]).await;
    assert_redirect(&r, "/account");
    assert_eq!(b.get("/account").await.status, StatusCode::OK);

    let c = html_pending(&app, "bob", "").await;
    let r = submit(
        &c,
        "/login/2fa",
        &[("backup_code", &codes[3]), ("next", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let html = r.text();
    assert!(
        between(&html, "id=\"backup_code-error\">", "</p>")
            .unwrap()
            .contains("already used")
    );
    assert!(
        html.contains("<details id=\"backup\" open>"),
        "the backup-code form stays open"
    );
    assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);

    // The security page counts what is left and shows the use in the activity list.
    let html = a.get(SECURITY).await.text();
    assert!(html.contains("You have 9 unused backup codes."), "{html}");
    assert!(html.contains("Signed in with password and a backup code"));
    assert!(html.contains("Backup code used (9 left)"));
}

#[tokio::test]
async fn few_backup_codes_left_warns() {
    let app = TestApp::new().await;
    let (a, secret) = html_user_with_2fa(&app, "carol").await;
    let codes = html_generate_codes(&a).await;
    for code in &codes[..8] {
        // Stay under the password budget (10, then one per 5 minutes) and keep `a` active.
        app.clock.advance(300);
        assert_eq!(a.get("/account").await.status, StatusCode::OK);
        let b = html_pending(&app, "carol", "").await;
        let r = submit(&b, "/login/2fa", &[("backup_code", code), ("next", "")]).await;
        assert_redirect(&r, "/account");
    }
    let html = a.get(SECURITY).await.text();
    assert!(html.contains("Only 2 backup codes left."), "{html}");
    let html = a.get("/account").await.text();
    assert!(html.contains("Only 2 backup codes left"));

    // Regenerating replaces the whole set: an old unused code no longer
    // works. (Forty minutes after the sign-in: the step-up asks for a code.)
    let html = a.get(SECURITY).await.text();
    assert!(
        html.contains("backup_step_up_code"),
        "the form asks for a code"
    );
    let fresh = html_generate_codes_stepped_up(&a, &app.code(&secret, 0)).await;
    assert_eq!(fresh.len(), 10);
    let b = html_pending(&app, "carol", "").await;
    let r = submit(
        &b,
        "/login/2fa",
        &[("backup_code", &codes[9]), ("next", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = submit(
        &b,
        "/login/2fa",
        &[("backup_code", &fresh[0]), ("next", "")],
    )
    .await;
    assert_redirect(&r, "/account");
}

// ------------------------------------------------------------------ login details

#[tokio::test]
async fn second_factor_page_needs_a_pending_login() {
    let app = TestApp::new().await;
    let anon = app.agent();
    assert_redirect(&anon.get("/login/2fa").await, "/login");
    assert_redirect(
        &submit(&anon, "/login/2fa", &[("code", "123456")]).await,
        "/login",
    );

    // A full session has no business there either.
    let a = html_signup(&app, "dave").await;
    assert_redirect(&a.get("/login/2fa").await, "/login");
}

#[tokio::test]
async fn wrong_credentials_read_the_same_for_unknown_users() {
    let app = TestApp::new().await;
    html_signup(&app, "erin").await;
    let a = app.agent();
    let wrong_pw = submit(
        &a,
        "/login",
        &[
            ("username", "erin"),
            ("password", "not the password at all"),
        ],
    )
    .await;
    let unknown = submit(
        &a,
        "/login",
        &[
            ("username", "nobody-here"),
            ("password", "not the password at all"),
        ],
    )
    .await;
    assert_eq!(wrong_pw.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, wrong_pw.status);
    let msg = |r: &Resp| {
        between(&r.text(), "<p class=\"alert\" role=\"alert\">", "</p>")
            .unwrap()
            .to_owned()
    };
    assert_eq!(msg(&wrong_pw), msg(&unknown));
    // The username is kept, the password is not.
    let html = wrong_pw.text();
    assert!(tag_with_id(&html, "username").contains("value=\"erin\""));
    assert!(!html.contains("not the password at all"));
}

#[tokio::test]
async fn password_guessing_is_throttled_with_the_wait_shown() {
    let app = TestApp::new().await;
    html_signup(&app, "frank").await;
    let a = app.agent();
    let mut last = None;
    for _ in 0..15 {
        let r = submit(
            &a,
            "/login",
            &[("username", "frank"), ("password", "wrong wrong wrong")],
        )
        .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            last = Some(r);
            break;
        }
    }
    let r = last.expect("password guessing was never throttled");
    assert!(r.header("retry-after").is_some());
    assert!(
        r.text().contains("Too many attempts. Try again in"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn next_is_followed_only_when_local() {
    let app = TestApp::new().await;
    html_signup(&app, "grace").await;

    // A page behind the login sends to /login with next, and the form carries it.
    let anon = app.agent();
    let r = anon.get(SECURITY).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.location().to_owned();
    assert!(to.starts_with("/login?next="), "{to}");
    let html = anon.get(&to).await.text();
    assert!(
        html.contains(&format!("name=\"next\" value=\"{SECURITY}\"")),
        "{html}"
    );

    let login = |next: &'static str| {
        let app = &app;
        async move {
            let a = app.agent();
            let r = submit(
                &a,
                "/login",
                &[("username", "grace"), ("password", PW), ("next", next)],
            )
            .await;
            r.location().to_owned()
        }
    };
    assert_eq!(login(SECURITY).await, SECURITY);
    for evil in [
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "/%2F%2Fevil.example",
        "http:evil.example",
        "javascript:alert(1)",
    ] {
        assert_eq!(login(evil).await, "/account", "next={evil} was followed");
    }
    // Evil values are not even carried in the login form.
    let html = anon.get("/login?next=//evil.example").await.text();
    assert!(html.contains("name=\"next\" value=\"\""));
}

#[tokio::test]
async fn next_survives_the_second_factor() {
    let app = TestApp::new().await;
    let (_a, secret) = html_user_with_2fa(&app, "heidi").await;

    let b = app.agent();
    let r = submit(
        &b,
        "/login",
        &[("username", "heidi"), ("password", PW), ("next", SECURITY)],
    )
    .await;
    assert_redirect(&r, "/login/2fa?next=/settings/account/security");
    let html = b
        .get("/login/2fa?next=/settings/account/security")
        .await
        .text();
    assert!(html.contains(&format!("name=\"next\" value=\"{SECURITY}\"")));
    let r = submit(
        &b,
        "/login/2fa",
        &[("code", &app.code(&secret, 0)), ("next", SECURITY)],
    )
    .await;
    assert_redirect(&r, SECURITY);

    for evil in [
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "/%2F%2Fevil.example",
    ] {
        app.clock.advance(30);
        let c = app.agent();
        let r = submit(
            &c,
            "/login",
            &[("username", "heidi"), ("password", PW), ("next", evil)],
        )
        .await;
        assert_redirect(&r, "/login/2fa");
        let html = c
            .get(&format!(
                "/login/2fa?next={}",
                form_encode(&[("x", evil)])[2..].to_owned()
            ))
            .await
            .text();
        assert!(
            html.contains("name=\"next\" value=\"\""),
            "{evil} carried into the code page"
        );
        let r = submit(
            &c,
            "/login/2fa",
            &[("code", &app.code(&secret, 0)), ("next", evil)],
        )
        .await;
        assert_redirect(&r, "/account");
    }
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    let app = TestApp::new().await;
    let (a, _secret) = html_user_with_2fa(&app, "ivan").await;

    let r = submit_from(
        &app.agent(),
        "/login",
        &[("username", "ivan"), ("password", PW)],
        "cross-site",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.headers.contains_key(header::SET_COOKIE));

    for (path, fields) in [
        (
            "/settings/account/security/backup-codes",
            vec![("backup_password", PW)],
        ),
        (
            "/settings/account/security/two-factor/disable",
            vec![("disable_password", PW), ("disable_code", "123456")],
        ),
        (
            "/settings/account/security/sessions/sign-out-others",
            vec![],
        ),
        ("/logout", vec![]),
    ] {
        let r = submit_from(&a, path, &fields, "cross-site").await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{path} accepted a cross-site post"
        );
    }
    // Nothing happened: still signed in, 2FA still on, no codes generated.
    assert!(two_factor_on(&a).await);
    assert!(
        !a.event_kinds()
            .await
            .iter()
            .any(|k| k == "backup_codes_generated")
    );
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "judy").await;
    let old = a.cookie_pair();
    assert_redirect(&submit(&a, "/logout", &[]).await, "/login?signed_out=1");
    assert!(a.cookie_pair().is_none(), "the cookie is cleared");
    a.set_cookie_pair(old);
    assert_eq!(
        a.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "an old cookie still works after logout"
    );
}

// ------------------------------------------------------------------ sign-up

#[tokio::test]
async fn signup_errors_sit_next_to_their_fields() {
    let app = TestApp::new().await;
    let a = app.agent();
    let html = a.get("/signup").await.text();
    assert_csp_clean(&html);
    for id in ["username", "password", "password_confirm"] {
        assert!(
            html.contains(&format!("<label for=\"{id}\">")),
            "no label for {id}"
        );
    }

    let r = submit(
        &a,
        "/signup",
        &[
            ("username", "kim"),
            ("password", PW),
            ("password_confirm", "something else"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let html = r.text();
    assert!(
        tag_with_id(&html, "password_confirm")
            .contains("aria-describedby=\"password_confirm-error\"")
    );
    assert!(html.contains("id=\"password_confirm-error\">The two passwords are not the same"));
    assert!(
        tag_with_id(&html, "username").contains("value=\"kim\""),
        "the username is kept"
    );
    assert!(!html.contains(PW), "the password is never echoed");

    let r = submit(
        &a,
        "/signup",
        &[
            ("username", "kim"),
            ("password", "short"),
            ("password_confirm", "short"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("id=\"password-error\""), "{}", r.text());

    html_signup(&app, "kim").await;
    let r = submit(
        &app.agent(),
        "/signup",
        &[
            ("username", "KIM"),
            ("password", PW),
            ("password_confirm", PW),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let html = r.text();
    assert!(
        between(&html, "id=\"username-error\">", "</p>")
            .unwrap()
            .contains("already taken")
    );
    assert!(tag_with_id(&html, "username").contains("value=\"KIM\""));
}

#[tokio::test]
async fn markup_is_escaped() {
    let app = TestApp::new().await;
    let a = app.agent();
    let r = submit(
        &a,
        "/signup",
        &[
            ("username", "<b>x</b>\"'"),
            ("password", "a"),
            ("password_confirm", "b"),
        ],
    )
    .await;
    let html = r.text();
    assert!(!html.contains("<b>x</b>"), "{html}");
    assert!(
        html.contains("&#60;b&#62;x&#60;/b&#62;") || html.contains("&lt;b&gt;"),
        "{html}"
    );
}

// ------------------------------------------------------------------ settings

#[tokio::test]
async fn set_up_needs_the_password() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "leo").await;
    let r = submit(
        &a,
        "/settings/account/security/two-factor/setup",
        &[("password", "wrong password here")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let html = r.text();
    assert!(!html.contains("otpauth://") && !html.contains("<svg"));
    assert!(
        between(&html, "id=\"password-error\">", "</p>")
            .unwrap()
            .contains("password is incorrect")
    );

    // Confirming without a set-up started says so instead of failing.
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", "123456")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("There is no set-up waiting for a code"));
    assert!(!two_factor_on(&a).await);
}

#[tokio::test]
async fn a_new_device_replaces_the_old_only_once_confirmed() {
    let app = TestApp::new().await;
    let (a, old_secret) = html_user_with_2fa(&app, "mallory").await;
    let r = a.get("/settings/account/security/two-factor/setup").await;
    assert!(r.text().contains("You are linking a new device"));
    let setup = html_begin_setup(&a).await;
    assert_ne!(setup.secret, old_secret);

    // Until confirmed, the old device still logs in.
    let b = html_pending(&app, "mallory", "").await;
    assert_redirect(
        &submit(&b, "/login/2fa", &[("code", &app.code(&old_secret, 0))]).await,
        "/account",
    );

    app.clock.advance(30);
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", &app.code(&setup.secret, 0))],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    app.clock.advance(30);
    let c = html_pending(&app, "mallory", "").await;
    let r = submit(&c, "/login/2fa", &[("code", &app.code(&old_secret, 0))]).await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "the replaced device still works"
    );
    assert_redirect(
        &submit(&c, "/login/2fa", &[("code", &app.code(&setup.secret, 0))]).await,
        "/account",
    );
}

#[tokio::test]
async fn disable_needs_password_and_code() {
    let app = TestApp::new().await;
    let (a, secret) = html_user_with_2fa(&app, "nina").await;
    let path = "/settings/account/security/two-factor/disable";

    let r = submit(
        &a,
        path,
        &[
            ("disable_password", "wrong password here"),
            ("disable_code", &app.code(&secret, 0)),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let html = r.text();
    assert!(html.contains("<details id=\"disable\" open>"));
    assert!(
        between(&html, "id=\"disable_password-error\">", "</p>")
            .unwrap()
            .contains("password is incorrect")
    );
    assert!(two_factor_on(&a).await);

    let wrong: &str = &app.wrong_code(&secret);
    let r = submit(
        &a,
        path,
        &[("disable_password", PW), ("disable_code", wrong)],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(
        between(&r.text(), "id=\"disable_code-error\">", "</p>")
            .unwrap()
            .contains("not correct")
    );
    assert!(two_factor_on(&a).await);

    let r = submit(
        &a,
        path,
        &[
            ("disable_password", PW),
            ("disable_code", &app.code(&secret, 0)),
        ],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=two-factor-off#two-factor",
    );
    assert!(!two_factor_on(&a).await);
    let html = a
        .get("/settings/account/security?done=two-factor-off")
        .await
        .text();
    assert!(html.contains("Two factor authentication is off."));
    assert!(html.contains("<span class=\"status off\">Off</span>"));
    assert!(html.contains("Two factor authentication turned off"));

    // Login is back to the password alone.
    let b = app.agent();
    let r = submit(&b, "/login", &[("username", "nina"), ("password", PW)]).await;
    assert_redirect(&r, "/account");
}

#[tokio::test]
async fn disable_with_a_backup_code() {
    let app = TestApp::new().await;
    let (a, _secret) = html_user_with_2fa(&app, "oscar").await;
    let codes = html_generate_codes(&a).await;
    let r = submit(
        &a,
        "/settings/account/security/two-factor/disable",
        &[("disable_password", PW), ("disable_code", &codes[0])],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=two-factor-off#two-factor",
    );
    assert!(!two_factor_on(&a).await);
}

#[tokio::test]
async fn change_password_through_the_form() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "peggy").await;
    let other = app.agent();
    submit(&other, "/login", &[("username", "peggy"), ("password", PW)]).await;
    assert_eq!(other.get("/account").await.status, StatusCode::OK);

    let path = "/settings/account/security/password";
    let new = "another fine mess we are in";
    let r = submit(
        &a,
        path,
        &[
            ("current_password", "wrong password here"),
            ("new_password", new),
            ("new_password_confirm", new),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.text().contains("id=\"current_password-error\""));

    let r = submit(
        &a,
        path,
        &[
            ("current_password", PW),
            ("new_password", new),
            ("new_password_confirm", "nope"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("id=\"new_password_confirm-error\""));

    let r = submit(
        &a,
        path,
        &[
            ("current_password", PW),
            ("new_password", new),
            ("new_password_confirm", new),
        ],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=password-changed#password",
    );
    let html = a
        .get("/settings/account/security?done=password-changed")
        .await
        .text();
    assert!(html.contains("Your password is changed."));
    assert!(
        html.contains("Password changed"),
        "activity lists the change"
    );
    assert_eq!(
        other.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "other sessions end"
    );

    let b = app.agent();
    assert_eq!(
        submit(&b, "/login", &[("username", "peggy"), ("password", PW)])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_redirect(
        &submit(&b, "/login", &[("username", "peggy"), ("password", new)]).await,
        "/account",
    );
}

#[tokio::test]
async fn sessions_are_listed_and_revocable() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "quinn").await;
    let phone = app.agent();
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header(
            header::USER_AGENT,
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
        )
        .body(Body::from(form_encode(&[
            ("username", "quinn"),
            ("password", PW),
        ])))
        .unwrap();
    assert_eq!(phone.send(req).await.status, StatusCode::SEE_OTHER);
    let laptop = app.agent();
    submit(
        &laptop,
        "/login",
        &[("username", "quinn"), ("password", PW)],
    )
    .await;

    let html = a.get(SECURITY).await.text();
    let list = between(&html, "id=\"sessions\"", "</section>").unwrap();
    assert_eq!(list.matches("<li>").count(), 3, "{list}");
    assert!(list.contains("Chrome on Android"), "{list}");
    assert!(list.contains("This browser"));
    assert_eq!(list.matches(">Revoke</button>").count(), 2);

    // Revoke the phone's session: its id is the value of the first revoke form.
    let phone_row = list
        .split("<li>")
        .find(|row| row.contains("Chrome on Android"))
        .unwrap();
    let id = between(phone_row, "name=\"session\" value=\"", "\"")
        .unwrap()
        .to_owned();
    let r = submit(
        &a,
        "/settings/account/security/sessions/revoke",
        &[("session", &id)],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=session-revoked#sessions",
    );
    assert_eq!(phone.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(laptop.get("/account").await.status, StatusCode::OK);

    // Another user's or a made-up id changes nothing.
    let r = submit(
        &a,
        "/settings/account/security/sessions/revoke",
        &[("session", "00ff")],
    )
    .await;
    assert_redirect(&r, "/settings/account/security?done=session-gone#sessions");

    let r = submit(
        &a,
        "/settings/account/security/sessions/sign-out-others",
        &[],
    )
    .await;
    assert_redirect(
        &r,
        "/settings/account/security?done=signed-out-others#sessions",
    );
    assert_eq!(laptop.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        a.get("/account").await.status,
        StatusCode::OK,
        "this browser stays signed in"
    );
}

#[tokio::test]
async fn activity_lists_security_events_in_plain_words() {
    let app = TestApp::new().await;
    let (a, secret) = html_user_with_2fa(&app, "rupert").await;
    let b = html_pending(&app, "rupert", "").await;
    let wrong: &str = &app.wrong_code(&secret);
    submit(&b, "/login/2fa", &[("code", wrong)]).await;
    submit(
        &app.agent(),
        "/login",
        &[("username", "rupert"), ("password", "wrong password here")],
    )
    .await;

    let html = a.get(SECURITY).await.text();
    let list = between(&html, "id=\"activity\"", "</section>").unwrap();
    for words in [
        "Account created",
        "Signed in with password",
        "Two factor authentication turned on",
        "Wrong two-factor code entered",
        "Failed sign-in: wrong password",
    ] {
        assert!(list.contains(words), "{words} missing from:\n{list}");
    }
    assert!(list.contains(" UTC</time>"), "times are shown in UTC");
    assert!(list.contains("datetime=\"2023-11-14T22:1"), "{list}");
}

#[tokio::test]
async fn stylesheet_is_served_and_cached() {
    let app = TestApp::new().await;
    let r = app.agent().get("/static/app.css").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(r.header("cache-control").unwrap().contains("max-age="));
    let css = r.text();
    assert!(css.contains("@media print"));
    assert!(css.contains(":focus-visible"));
}

#[tokio::test]
async fn pages_are_never_cached_and_cannot_be_framed() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "sybil").await;
    for path in [
        "/account",
        SECURITY,
        "/settings/account/security/two-factor/setup",
    ] {
        let r = a.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        assert!(
            r.header("content-security-policy")
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        assert_csp_clean(&r.text());
    }
    assert_redirect(&a.get("/").await, "/account");
    assert_redirect(&a.get("/settings").await, SECURITY);
    assert_redirect(&a.get("/settings/account").await, SECURITY);
    // A form action opened as a page (e.g. the `next` of an interrupted post) is no dead end.
    assert_redirect(
        &a.get("/settings/account/security/backup-codes").await,
        SECURITY,
    );
}

/// The support module's TOTP helper agrees with what the set-up page encodes.
#[tokio::test]
async fn the_qr_secret_produces_the_codes_the_server_accepts() {
    let app = TestApp::new().await;
    let a = html_signup(&app, "trent").await;
    let setup = html_begin_setup(&a).await;
    let code = totp(&setup.secret, app.now() - 30); // one step behind is tolerated
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", &code)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

#[tokio::test]
async fn code_guessing_is_throttled_and_reported() {
    let app = TestApp::new().await;
    let (a, secret) = html_user_with_2fa(&app, "uma").await;
    let b = html_pending(&app, "uma", "").await;
    let wrong: &str = &app.wrong_code(&secret);
    let mut throttled = None;
    for _ in 0..20 {
        let r = submit(&b, "/login/2fa", &[("code", wrong)]).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            throttled = Some(r);
            break;
        }
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = throttled.expect("code guessing was never throttled");
    assert!(r.header("retry-after").is_some());
    let html = r.text();
    assert!(html.contains("Too many attempts. Try again in"), "{html}");
    assert!(
        html.contains("Enter the 6-digit code from your authenticator app."),
        "still the code page"
    );
    // Even the right code waits now.
    let r = submit(&b, "/login/2fa", &[("code", &app.code(&secret, 0))]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);

    // The user is told: the activity list shows the failures and the pause.
    let html = a.get(SECURITY).await.text();
    assert!(html.contains("Wrong two-factor code entered"));
    assert!(html.contains("Too many wrong codes: code entry paused"));
}
