//! Adversarial tests for the rules of `shared/SECURITY.md` that `api.rs` and
//! `pages.rs` do not already pin. `docs/SECURITY.md` maps every rule to the
//! tests that prove it; each test here fails if its rule is broken.
//!
//! The proptests at the end are the CI twins of the `fuzz/` targets
//! `login_json` and `login_form` (arbitrary bodies never get a 5xx).
//!
//! Over 600 lines on purpose: one test per rule of SECURITY.md, in its
//! order, so docs/SECURITY.md can name each test as `security::name`.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use data_encoding::{BASE64URL_NOPAD, HEXLOWER};
use deadbolt_auth::SessionToken;
use deadbolt_server::ServerConfig;
use serde_json::{Value, json};

use crate::support::{Agent, PW, Resp, TestApp, tally, totp};

const SECURITY: &str = "/settings/account/security";

// ------------------------------------------------------------------ helpers

fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn form_encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Form fields, in order.
type Fields<'a> = Vec<(&'a str, &'a str)>;

/// A form post as a browser sends it from one of our pages (`fetch_site` =
/// `same-origin`) or from someone else's (`cross-site`, `same-site`).
fn form_request(path: &str, fields: &[(&str, &str)], fetch_site: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", fetch_site)
        .body(Body::from(form_encode(fields)))
        .unwrap()
}

async fn submit(a: &Agent, path: &str, fields: &[(&str, &str)]) -> Resp {
    a.send(form_request(path, fields, "same-origin")).await
}

/// A JSON post from a given client address (as `serve` would see the peer).
fn json_from(path: &str, body: &Value, ip: [u8; 4]) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    req.extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40_000))));
    req
}

/// The cookie value (token) of an agent.
fn token_of(a: &Agent) -> String {
    let pair = a.cookie_pair().expect("a session cookie");
    pair.split_once('=').unwrap().1.to_owned()
}

async fn user_count(t: &TestApp) -> usize {
    t.state.auth.admin_list_users().await.unwrap().len()
}

/// Every way a secret could be written down: the forms a leak would take.
struct Needles(Vec<(String, Vec<u8>)>);

impl Needles {
    fn new() -> Self {
        Self(Vec::new())
    }
    fn add(&mut self, what: &str, bytes: impl AsRef<[u8]>) {
        self.0.push((what.to_owned(), bytes.as_ref().to_vec()));
    }
    fn password(&mut self, pw: &str) {
        self.add("password", pw);
        self.add("password (form-encoded)", url_encode(pw));
        self.add("password (form-encoded, +)", pw.replace(' ', "+"));
    }
    fn totp_secret(&mut self, base32: &str) {
        let secret = deadbolt_otp::Secret::from_base32(base32).unwrap();
        self.add("TOTP secret (raw bytes)", secret.expose());
        self.add("TOTP secret (base32)", base32);
        self.add("TOTP secret (base32, lower)", base32.to_lowercase());
        self.add("TOTP secret (grouped)", secret.to_base32_grouped());
        self.add(
            "TOTP secret (hex)",
            HEXLOWER.encode(secret.expose()).as_bytes(),
        );
    }
    fn backup_code(&mut self, code: &str) {
        self.add("backup code", code);
        self.add("backup code (no dash)", code.replace('-', ""));
        self.add("backup code (upper)", code.to_uppercase());
        self.add(
            "backup code (upper, no dash)",
            code.replace('-', "").to_uppercase(),
        );
    }
    /// A device cookie pair (`name=id.mac`): the whole value and its MAC.
    fn device_cookie(&mut self, pair: Option<String>) {
        let Some(pair) = pair else { return };
        let value = pair.split_once('=').unwrap().1.to_owned();
        self.add("device cookie", &value);
        if let Some((_, mac)) = value.split_once('.') {
            self.add("device cookie MAC", mac);
        }
    }
    fn token(&mut self, token: &str) {
        self.add("session token", token);
        self.add(
            "session token (raw bytes)",
            BASE64URL_NOPAD.decode(token.as_bytes()).unwrap(),
        );
    }
    /// The first needle found in `haystack`, if any.
    fn found_in(&self, haystack: &[u8]) -> Option<&str> {
        self.0
            .iter()
            .find(|(_, n)| !n.is_empty() && haystack.windows(n.len()).any(|w| w == n.as_slice()))
            .map(|(what, _)| what.as_str())
    }
}

/// The password [`full_flow`] changes to.
const FLOW_NEW_PW: &str = "second passphrase for the flow 7";

/// Everything a complete life of an account handles as a secret, through the
/// JSON API and the pages: sign-up, set-up and confirmation, backup codes,
/// logins with a code and with a backup code, a replay, wrong guesses, a
/// password change. Returns what must never be written down.
async fn full_flow(t: &TestApp, name: &str) -> Needles {
    let mut needles = Needles::new();
    let new_pw = FLOW_NEW_PW;
    needles.password(PW);
    needles.password(new_pw);
    needles.password("wrong guess at the password");

    let a = t.user(name).await;
    needles.token(&token_of(&a));
    needles.device_cookie(a.device_pair());
    // A malformed body that carries the password.
    a.post_raw(
        "/api/v1/me/two-factor/setup",
        Some("application/json"),
        format!("{{\"password\": \"{PW}\", \"oops\": 1}}"),
    )
    .await;
    let secret = a.setup(PW).await;
    needles.totp_secret(&secret);
    let confirm = t.code(&secret, 0);
    let r = a.confirm(&confirm).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    t.clock.advance(30);
    let codes = a.new_backup_codes().await;
    for c in &codes {
        needles.backup_code(c);
    }

    // Wrong password, wrong code, then the right ones through the API.
    t.agent().login(name, "wrong guess at the password").await;
    let p = t.pending(name).await;
    needles.token(&token_of(&p));
    p.second_factor_code(&t.wrong_code(&secret)).await;
    let code = t.code(&secret, 0);
    let r = p.second_factor_code(&code).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    needles.token(&token_of(&p));
    // A replay of the same code.
    let replay = t.pending(name).await;
    needles.token(&token_of(&replay));
    replay.second_factor_code(&code).await;

    // Through the pages: password, then a backup code. (Ten minutes later:
    // the password budget of 10 per name would otherwise run dry.)
    t.clock.advance(600);
    let h = t.agent();
    let r = submit(&h, "/login", &[("username", name), ("password", PW)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    needles.token(&token_of(&h));
    needles.device_cookie(h.device_pair());
    let r = submit(&h, "/login/2fa", &[("backup_code", &codes[0])]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    needles.token(&token_of(&h));
    // A spent backup code, typed again.
    let h2 = t.agent();
    submit(&h2, "/login", &[("username", name), ("password", PW)]).await;
    needles.token(&token_of(&h2));
    submit(&h2, "/login/2fa", &[("backup_code", &codes[0])]).await;
    // Pages with the secret on them.
    h.get(SECURITY).await;
    submit(
        &h,
        "/settings/account/security/backup-codes",
        &[("backup_password", "wrong guess at the password")],
    )
    .await;

    // A password change (rotates the session), long after the sign-in: the
    // step-up asks for a code with it.
    let step_up = t.code(&secret, 0);
    let r = a.change_password_stepped_up(PW, new_pw, &step_up).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    needles.token(&token_of(&a));
    needles
}

// ------------------------------------------------------------------ one-time codes

/// RFC 4226 R6, RFC 6238 R5: 160 random bits, unique per user and per enrollment.
#[tokio::test]
async fn fail_secrets_are_160_bits_and_unique_per_user_and_per_enrollment() {
    let t = TestApp::new().await;
    let mut seen = std::collections::HashSet::new();
    for name in ["sec1", "sec2", "sec3"] {
        let a = t.user(name).await;
        for _ in 0..3 {
            let secret = a.setup(PW).await;
            assert_eq!(secret.len(), 32, "160 bits are 32 base32 characters");
            let raw = deadbolt_otp::Secret::from_base32(&secret).unwrap();
            assert_eq!(raw.len(), 20, "160 bits");
            assert!(
                raw.expose().iter().any(|&b| b != 0),
                "not an all-zero secret"
            );
            assert!(seen.insert(secret), "a secret was handed out twice");
        }
    }
    // The stored (sealed) secrets differ too, and none contains a secret.
    let devices = t.store.all_devices().await.unwrap();
    let sealed: std::collections::HashSet<_> = devices.iter().map(|d| &d.sealed_secret).collect();
    assert_eq!(sealed.len(), devices.len());
    for secret in &seen {
        let raw = deadbolt_otp::Secret::from_base32(secret).unwrap();
        for blob in &sealed {
            assert!(!blob.windows(20).any(|w| w == raw.expose()));
            assert!(!blob.windows(32).any(|w| w == secret.as_bytes()));
        }
    }
}

/// RFC 6238 §4.2: time is the server's own; a client cannot choose the step.
#[tokio::test]
async fn fail_time_sent_by_the_client_is_never_used() {
    let t = TestApp::new().await;
    let (a, secret) = t.user_with_2fa("tess").await;
    let later = t.now() + 3_600;
    let future_code = totp(&secret, later);
    let p = t.pending("tess").await;

    // A `time` field in JSON is refused outright (unknown field).
    for field in ["time", "t", "timestamp", "now"] {
        let r = p
            .post(
                "/api/v1/login/second-factor",
                json!({"code": future_code, field: later}),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}: {}", r.text());
    }
    // A Date header or a query parameter naming that time changes nothing.
    let date = "Tue, 14 Nov 2023 23:13:45 GMT"; // T0 + 3600
    for uri in [
        "/api/v1/login/second-factor",
        &format!("/api/v1/login/second-factor?time={later}&t={later}"),
    ] {
        let r = p
            .send(
                Request::post(uri)
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::DATE, date)
                    .header("x-time", later.to_string())
                    .body(Body::from(json!({"code": future_code}).to_string()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{uri}: {}", r.text());
        assert_eq!(r.error_code(), "wrong_code");
    }
    // Same through the page, with a `time` field in the form.
    let h = t.agent();
    submit(&h, "/login", &[("username", "tess"), ("password", PW)]).await;
    let r = submit(
        &h,
        "/login/2fa",
        &[("code", &future_code), ("time", &later.to_string())],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    // Setup confirmation likewise.
    let new = a.setup(PW).await;
    let r = a
        .post(
            "/api/v1/me/two-factor/confirm",
            json!({"code": totp(&new, later), "time": later}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = a
        .send(
            Request::post("/api/v1/me/two-factor/confirm")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::DATE, date)
                .body(Body::from(json!({"code": totp(&new, later)}).to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    // The server's own time works.
    let r = p.second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

/// RFC 6238 §4.2: time is a 64-bit integer; the service works in year 2603.
#[tokio::test]
async fn the_whole_flow_works_at_t_20000000000() {
    let t = TestApp::new().await;
    t.clock.set(20_000_000_015);
    let (_, secret) = t.user_with_2fa("far").await;
    let p = t.pending("far").await;
    let r = p.second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = p.get("/api/v1/me/events").await;
    assert!(
        r.text().contains("2603-10-11T11:3"),
        "event times are 64-bit: {}",
        r.text()
    );
}

/// OWASP MFA: the secret is shown during set-up only, never afterwards, on
/// any page or API answer.
#[tokio::test]
async fn fail_the_secret_is_shown_during_setup_only() {
    let t = TestApp::new().await;
    let a = t.user("sofia").await;
    let secret = a.setup(PW).await;
    let mut needles = Needles::new();
    needles.totp_secret(&secret);
    // A plain visit to the set-up page asks for the password; it does not
    // show the pending key (only the POST that created it does).
    let r = a.get("/settings/account/security/two-factor/setup").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(needles.found_in(&r.body), None);
    // During set-up, a wrong confirmation code shows the same pending key
    // again (the needles do find a key where there is one).
    let r = submit(
        &a,
        "/settings/account/security/two-factor/confirm",
        &[("code", &t.wrong_code(&secret))],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert!(needles.found_in(&r.body).is_some(), "{}", r.text());
    let r = a.confirm(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(needles.found_in(&r.body), None);
    t.clock.advance(30);
    let check = |r: Resp, what: &str| {
        if let Some(leak) = needles.found_in(&r.body) {
            panic!("{what} shows the {leak} after confirmation");
        }
    };
    check(a.me().await, "/api/v1/me");
    check(a.get("/api/v1/me/events").await, "/api/v1/me/events");
    check(a.get("/api/v1/me/sessions").await, "/api/v1/me/sessions");
    check(a.get("/account").await, "/account");
    check(a.get(SECURITY).await, "the security page");
    let r = a.get("/settings/account/security/two-factor/setup").await;
    check(r, "GET two-factor/setup");
    // A new set-up shows a new secret, never the active one.
    let r = submit(
        &a,
        "/settings/account/security/two-factor/setup",
        &[("password", PW)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    check(r, "a second set-up");
    let r = a.start_setup(PW).await;
    check(r, "a second set-up (API)");
}

// ------------------------------------------------------------------ throttling

/// RFC 4226 §7.3, ASVS 11.1.6: 200 guesses at once, from 8 pending logins on
/// two nodes and 20 addresses, TOTP and backup codes mixed: exactly the burst
/// is evaluated, and the right code is then refused too.
#[tokio::test]
async fn fail_two_hundred_concurrent_guesses_on_two_nodes_get_only_the_burst() {
    let t = TestApp::new().await;
    let (_, secret) = t.user_with_2fa("greg").await;
    let clock: Arc<dyn deadbolt_server::Clock> = t.clock.clone();
    let node2 =
        deadbolt_server::AppState::new(t.store.clone(), t.keys.clone(), t.config.clone(), clock);
    let mut agents = Vec::new();
    // 8 logins: with the first login and the set-up, the password burst of 10.
    for i in 0u8..8 {
        let a = if i % 2 == 0 {
            t.agent()
        } else {
            TestApp::agent_for(&node2)
        };
        let r = a
            .send(json_from(
                "/api/v1/login",
                &json!({"username": "greg", "password": PW}),
                [198, 51, 100, i],
            ))
            .await;
        assert_eq!(r.json["status"], "second_factor_required", "{}", r.text());
        agents.push(a);
    }
    let wrong = t.wrong_code(&secret);
    let mut set = tokio::task::JoinSet::new();
    for i in 0..200usize {
        let a = agents[i % 8].clone();
        let body = if i % 3 == 0 {
            json!({"backup_code": "abcde-fghij"})
        } else {
            json!({"code": wrong})
        };
        set.spawn(async move {
            a.send(json_from(
                "/api/v1/login/second-factor",
                &body,
                [203, 0, 113, (i % 20) as u8],
            ))
            .await
            .status
        });
    }
    let (evaluated, throttled) = tally(set).await;
    assert_eq!(evaluated, 10, "exactly the burst of 10 is evaluated");
    assert_eq!(throttled, 190);
    let r = agents[7].second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

/// NIST 5.2.2: password guessing is limited per client address too.
#[tokio::test]
async fn fail_password_guessing_is_throttled_per_client_address() {
    let t = TestApp::new().await;
    t.user("olaf").await;
    let attacker = [198, 51, 100, 9];
    // 30 guesses at 30 different usernames: each username budget is fresh,
    // so only the address budget can stop the 31st.
    for i in 0..30 {
        let r = t
            .agent()
            .send(json_from(
                "/api/v1/login",
                &json!({"username": format!("victim{i}"), "password": "a guess at it"}),
                attacker,
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let r = t
        .agent()
        .send(json_from(
            "/api/v1/login",
            &json!({"username": "olaf", "password": PW}),
            attacker,
        ))
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "{wait}");
    // Another address is not affected.
    let r = t
        .agent()
        .send(json_from(
            "/api/v1/login",
            &json!({"username": "olaf", "password": PW}),
            [192, 0, 2, 1],
        ))
        .await;
    assert_eq!(r.json["status"], "authenticated", "{}", r.text());
}

/// NIST 5.2.2 / OWASP Authentication: a stranger who does not know the
/// password must not keep the real user out for long. The stranger guesses
/// from one address at the highest rate the server allows, for 6 hours; the
/// owner, from the browser they signed in with before (it holds a device
/// cookie), tries the right password every 5 minutes and must get in every
/// time. A browser that never signed in is the stranger's equal: it shares
/// the username's allowance (see docs/SECURITY.md, Known gaps).
#[tokio::test]
async fn fail_a_stranger_cannot_lock_the_real_user_out_for_long() {
    let t = TestApp::new().await;
    let owner_browser = t.user("ursula").await;
    assert!(owner_browser.device_pair().is_some());
    let stranger = [198, 51, 100, 77];
    let owner = [192, 0, 2, 33];
    let start = t.now();
    let mut stranger_next = start;
    let (mut stranger_guesses, mut owner_tries, mut new_browser_refused) = (0, 0, 0);
    while t.now() < start + 6 * 3600 {
        if t.now() >= stranger_next {
            let r = t
                .agent()
                .send(json_from(
                    "/api/v1/login",
                    &json!({"username": "ursula", "password": "not her password"}),
                    stranger,
                ))
                .await;
            if r.status == StatusCode::TOO_MANY_REQUESTS {
                stranger_next = t.now() + r.header("retry-after").unwrap().parse::<i64>().unwrap();
            } else {
                assert_eq!(r.status, StatusCode::UNAUTHORIZED);
                stranger_guesses += 1;
                continue;
            }
        }
        t.clock.advance(150);
        let r = owner_browser
            .send(json_from(
                "/api/v1/login",
                &json!({"username": "ursula", "password": PW}),
                owner,
            ))
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "the owner's browser was locked out after {} s: {}",
            t.now() - start,
            r.text()
        );
        owner_tries += 1;
        let r = t
            .agent()
            .send(json_from(
                "/api/v1/login",
                &json!({"username": "ursula", "password": PW}),
                owner,
            ))
            .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            new_browser_refused += 1;
        }
        t.clock.advance(150);
    }
    assert!(stranger_guesses >= 10 + 6 * 12 - 2, "{stranger_guesses}");
    assert_eq!(owner_tries, 72);
    println!(
        "stranger: {stranger_guesses} guesses; owner's browser: {owner_tries}/72 in; \
         a new browser with the right password: {new_browser_refused}/72 refused"
    );
}

/// The same rule for the settings: a stranger who empties the username's
/// shared password allowance must not stop the signed-in owner from
/// re-entering their password to change it, set up 2FA or get new backup
/// codes (changing the password is the owner's answer to an attack).
#[tokio::test]
async fn fail_a_stranger_cannot_lock_the_owner_out_of_their_settings() {
    let t = TestApp::new().await;
    let owner = t.user("sven").await;
    for i in 0..12u8 {
        t.agent()
            .send(json_from(
                "/api/v1/login",
                &json!({"username": "sven", "password": "not his password"}),
                [198, 51, 100, i],
            ))
            .await;
    }
    let r = owner.backup_codes(PW).await;
    assert_eq!(r.status, StatusCode::OK, "new backup codes: {}", r.text());
    let r = owner.start_setup(PW).await;
    assert_eq!(r.status, StatusCode::OK, "2FA set-up: {}", r.text());
    let r = owner.change_password(PW, "sven's fresh passphrase 3").await;
    assert_eq!(
        r.status,
        StatusCode::NO_CONTENT,
        "password change: {}",
        r.text()
    );
}

/// A refused guess is still a guess: the owner's own settings re-entry is
/// throttled too (it is not a way around the password budget).
#[tokio::test]
async fn fail_settings_password_checks_are_throttled() {
    let t = TestApp::new().await;
    let owner = t.user("tove").await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(owner.backup_codes("a guess at it").await.status);
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

/// The owner's answer to a code-guessing attacker who knows the password:
/// changing the password ends the attacker's pending logins too.
#[tokio::test]
async fn fail_a_password_change_ends_every_pending_login() {
    let t = TestApp::new().await;
    let (owner, secret) = t.user_with_2fa("ugo").await;
    let attacker = t.pending("ugo").await;
    let r = owner.change_password(PW, "ugo's fresh passphrase 4").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = attacker.second_factor_code(&t.code(&secret, 0)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "no_pending_login");
}

/// A code is accepted once across operations: the code that signed in
/// cannot also turn 2FA off (nor the reverse).
#[tokio::test]
async fn fail_a_code_used_to_sign_in_cannot_disable_2fa() {
    let t = TestApp::new().await;
    let (_, secret) = t.user_with_2fa("vito").await;
    let p = t.pending("vito").await;
    let code = t.code(&secret, 0);
    let r = p.second_factor_code(&code).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = p.disable_with_code(PW, &code).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_eq!(r.error_code(), "code_already_used");
    assert_eq!(p.me().await.json["two_factor"]["enabled"], true);
}

// ------------------------------------------------------------------ backup codes

/// NIST 5.1.2.1: 10 codes of 50 bits from an unambiguous alphabet, grouped.
#[tokio::test]
async fn fail_backup_codes_are_ten_fifty_bit_codes_from_an_unambiguous_alphabet() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("bert").await;
    let mut all = std::collections::HashSet::new();
    for _ in 0..5 {
        let codes = a.new_backup_codes().await;
        assert_eq!(codes.len(), 10);
        for c in &codes {
            let (left, right) = c.split_once('-').expect("grouped with a dash");
            assert_eq!((left.len(), right.len()), (5, 5), "{c}");
            for ch in left.chars().chain(right.chars()) {
                assert!(
                    deadbolt_otp::BACKUP_CODE_ALPHABET.contains(&(ch as u8)),
                    "{ch:?} in {c}"
                );
                assert!(!"0o1lOIL".contains(ch), "ambiguous {ch:?} in {c}");
            }
            assert!(all.insert(c.clone()), "{c} handed out twice");
        }
    }
    // 10 symbols from 32: 50 bits.
    assert_eq!(deadbolt_otp::BACKUP_CODE_ALPHABET.len(), 32);
    assert_eq!(deadbolt_otp::BACKUP_CODE_LEN, 10);
}

/// ASVS 2.6.1, 11.1.6: eight pending logins on two nodes spend the same
/// backup code at once: exactly one gets in.
#[tokio::test]
async fn fail_one_backup_code_spent_eight_times_at_once_lets_one_in() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("cleo").await;
    let codes = a.new_backup_codes().await;
    let clock: Arc<dyn deadbolt_server::Clock> = t.clock.clone();
    let node2 =
        deadbolt_server::AppState::new(t.store.clone(), t.keys.clone(), t.config.clone(), clock);
    // Refill the password budget (login, set-up, codes took three).
    t.clock.advance(600);
    let mut set = tokio::task::JoinSet::new();
    let mut agents = Vec::new();
    for i in 0..8 {
        let p = if i % 2 == 0 {
            t.agent()
        } else {
            TestApp::agent_for(&node2)
        };
        p.login("cleo", PW).await;
        agents.push(p);
    }
    for p in agents.clone() {
        let c = codes[3].clone();
        set.spawn(async move { p.second_factor_backup(&c).await.status });
    }
    let mut ok = 0;
    while let Some(s) = set.join_next().await {
        match s.unwrap() {
            StatusCode::OK => ok += 1,
            StatusCode::UNAUTHORIZED => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(ok, 1, "a backup code let {ok} logins in");
    assert_eq!(a.me().await.json["two_factor"]["backup_codes_remaining"], 9);
}

/// Regenerating twice at the same instant leaves exactly one whole set.
#[tokio::test]
async fn fail_concurrent_regenerations_leave_exactly_one_set() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("dina").await;
    let old = a.new_backup_codes().await;
    let (x, y) = tokio::join!(a.new_backup_codes(), a.new_backup_codes());
    assert_eq!(
        a.me().await.json["two_factor"]["backup_codes_remaining"],
        10
    );
    let mut works = Vec::new();
    for set in [&old, &x, &y] {
        let p = t.pending("dina").await;
        let r = p.second_factor_backup(&set[0]).await;
        works.push(r.status == StatusCode::OK);
    }
    assert!(!works[0], "the old set survived");
    assert!(
        works[1] ^ works[2],
        "both or neither new set work: {works:?}"
    );
}

/// ASVS 8.2.1: every answer that shows backup codes is `no-store`.
#[tokio::test]
async fn fail_backup_code_pages_are_no_store() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("enzo").await;
    let r = submit(
        &a,
        "/settings/account/security/backup-codes",
        &[("backup_password", PW)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let r = a.backup_codes(PW).await;
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let r = submit(
        &a,
        "/settings/account/security/two-factor/setup",
        &[("password", PW)],
    )
    .await;
    assert_eq!(r.header("cache-control"), Some("no-store"));
}

// ------------------------------------------------------------------ the login state machine

/// WSTG-ATHN-11, ASVS 11.1.1: a pending login (from the API or the login
/// form) reaches no route but the second factor. Every route of the app is
/// tried with it, GET and POST, and nothing changes.
#[tokio::test]
async fn fail_a_pending_login_reaches_no_route_but_the_second_factor() {
    let t = TestApp::new().await;
    let (owner, secret) = t.user_with_2fa("pia").await;
    let codes = owner.new_backup_codes().await;
    let before_events = owner.event_kinds().await.len();
    let api_pending = t.pending("pia").await;
    let html_pending = t.agent();
    let r = submit(
        &html_pending,
        "/login",
        &[("username", "pia"), ("password", PW)],
    )
    .await;
    assert_eq!(r.location(), "/login/2fa");
    let code = t.code(&secret, 0);
    let body = json!({
        "password": PW, "code": code, "current_password": PW,
        "new_password": "a brand new passphrase 9",
    });
    for p in [&api_pending, &html_pending] {
        let own_id = HEXLOWER.encode(&token_hash(&token_of(p)));
        let gets = [
            "/api/v1/me",
            "/api/v1/me/events",
            "/api/v1/me/sessions",
            "/account",
            "/settings",
            "/settings/account",
            SECURITY,
            "/settings/account/security/two-factor/setup",
        ];
        for path in gets {
            let r = p.get(path).await;
            assert!(
                !r.status.is_success(),
                "GET {path} answered {} to a pending login",
                r.status
            );
            assert!(
                r.status.is_redirection() || r.status == StatusCode::UNAUTHORIZED,
                "GET {path}: {}",
                r.status
            );
            if r.status.is_redirection() {
                let to = r.location();
                assert!(
                    to.starts_with("/login") || to == SECURITY,
                    "GET {path} → {to}"
                );
            }
        }
        let api_posts = [
            "/api/v1/me/two-factor/setup",
            "/api/v1/me/two-factor/confirm",
            "/api/v1/me/two-factor/disable",
            "/api/v1/me/backup-codes",
            "/api/v1/me/password",
        ];
        for path in api_posts {
            // Each with a body that would succeed for a full session.
            let body = match path {
                "/api/v1/me/two-factor/disable" => {
                    json!({"password": PW, "backup_code": codes[1]})
                }
                "/api/v1/me/two-factor/confirm" => json!({"code": code}),
                "/api/v1/me/password" => {
                    json!({"current_password": PW, "new_password": body["new_password"]})
                }
                _ => json!({"password": PW}),
            };
            let r = p.post(path, body).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "POST {path}");
            assert_eq!(r.error_code(), "unauthenticated", "POST {path}");
        }
        let r = p.delete(&format!("/api/v1/me/sessions/{own_id}")).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "DELETE session");
        let form_posts: [(&str, Vec<(&str, &str)>); 8] = [
            (
                "/settings/account/security/password",
                vec![
                    ("current_password", PW),
                    ("new_password", "a brand new passphrase 9"),
                    ("new_password_confirm", "a brand new passphrase 9"),
                ],
            ),
            (
                "/settings/account/security/two-factor/setup",
                vec![("password", PW)],
            ),
            (
                "/settings/account/security/two-factor/confirm",
                vec![("code", &code)],
            ),
            (
                "/settings/account/security/two-factor/disable",
                vec![("disable_password", PW), ("disable_code", &codes[2])],
            ),
            (
                "/settings/account/security/backup-codes",
                vec![("backup_password", PW)],
            ),
            (
                "/settings/account/security/sessions/revoke",
                vec![("session", &own_id)],
            ),
            (
                "/settings/account/security/sessions/sign-out-others",
                vec![],
            ),
            (SECURITY, vec![]),
        ];
        for (path, fields) in &form_posts {
            let r = submit(p, path, fields).await;
            assert!(
                !r.status.is_success(),
                "POST {path} answered {} to a pending login: {}",
                r.status,
                r.text()
            );
            if r.status.is_redirection() {
                assert!(r.location().starts_with("/login"), "POST {path}");
            }
        }
        // The public pages send it to the code page, not into the account.
        let r = p.get("/login").await;
        assert_eq!(r.location(), "/login/2fa");
        // It is still a pending login, and the code page works.
        assert_eq!(p.get("/login/2fa").await.status, StatusCode::OK);
    }
    // Nothing changed: 2FA on, all codes left, same password, no new events
    // (a pending login records none).
    t.pending("pia").await;
    let me = owner.me().await;
    assert_eq!(
        me.json["two_factor"],
        json!({"enabled": true, "factors": ["totp"], "backup_codes_remaining": 10})
    );
    assert_eq!(owner.event_kinds().await.len(), before_events);
    assert_eq!(
        owner.get("/api/v1/me/sessions").await.json["sessions"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "pending logins are not sessions"
    );
    // And the pending login still completes with the code (it was never consumed).
    let r = api_pending.second_factor_code(&code).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

/// WSTG-ATHN-11: a pending login is bound to its user on the server: another
/// user's valid code or backup code does not complete it.
#[tokio::test]
async fn fail_a_pending_login_is_bound_to_its_user() {
    let t = TestApp::new().await;
    let (_, s1) = t.user_with_2fa("quin").await;
    let (b, s2) = t.user_with_2fa("rolf").await;
    let b_codes = b.new_backup_codes().await;
    let p = t.pending("quin").await;
    let r = p.second_factor_code(&t.code(&s2, 0)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = p.second_factor_backup(&b_codes[0]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(p.me().await.status, StatusCode::UNAUTHORIZED);
    let r = p.second_factor_code(&t.code(&s1, 0)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(p.me().await.json["username"], "quin");
    assert_eq!(
        b.me().await.json["two_factor"]["backup_codes_remaining"],
        10
    );
}

/// A test app whose password hashing runs on ONE thread, with user `name`
/// whose stored hash costs far more than any real one (m = 64 MiB, t = 40:
/// well over a second), so verifying it keeps that thread busy.
async fn app_with_a_slow_hash(name: &str) -> TestApp {
    let t = TestApp::with_config(|c| c.auth.hash_concurrency = 1).await;
    t.user(name).await;
    let user = t.store.user_by_key(name).await.unwrap().expect("user");
    // A well-formed PHC string: verifying it runs the full cost (and fails).
    let slow = "$argon2id$v=19$m=65536,t=40,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    t.store
        .set_password_hash(user.id, &deadbolt_store::PasswordHash::new(slow.to_owned()))
        .await
        .unwrap();
    t
}

/// ASVS 2.2: an unknown (or malformed) username costs a real Argon2
/// verification, like a wrong password, so the answer comes no sooner.
/// With the only hashing thread busy on a slow verification (over a
/// second), each of these logins queues behind it: a server that skipped the
/// dummy hash would answer the unknown user in milliseconds.
#[tokio::test]
async fn fail_unknown_users_cost_a_password_hash_like_wrong_passwords() {
    let t = app_with_a_slow_hash("tina").await;
    t.user("tom").await;
    for (name, pw) in [
        ("nobody-at-all", "not the right one"),
        ("not a valid name!", "not the right one"),
        ("tom", "not the right one"),
    ] {
        let (slow_agent, agent) = (t.agent(), t.agent());
        let slow =
            tokio::spawn(async move { slow_agent.login("tina", "whatever password").await.status });
        // Give the slow login a head start to the hashing thread (its store
        // work before the hash takes milliseconds; the hash over a second).
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        assert!(!slow.is_finished(), "the slow hash must still be running");
        let asked = std::time::Instant::now();
        let r = agent
            .post("/api/v1/login", json!({"username": name, "password": pw}))
            .await;
        // Queued behind the slow hash: a server that skipped hashing answers
        // in milliseconds, a correct one only once the slow hash is done.
        let waited = asked.elapsed();
        assert!(
            waited >= std::time::Duration::from_millis(400),
            "{name:?}: answered in {waited:?}, without waiting for the hashing thread"
        );
        assert_eq!(slow.await.unwrap(), StatusCode::UNAUTHORIZED);
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{name:?}");
        assert_eq!(r.error_code(), "invalid_credentials");
    }
}

// ------------------------------------------------------------------ sessions and the web

/// ASVS 3.2.1, 3.2.2: tokens are 256 random bits, and the database keys
/// sessions by their SHA-256, never by the token.
#[tokio::test]
async fn fail_session_tokens_are_long_random_and_stored_hashed() {
    let t = TestApp::new().await;
    t.user("uwe").await;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..8 {
        let a = t.user_agent_logged_in("uwe").await;
        let token = token_of(&a);
        let raw = BASE64URL_NOPAD
            .decode(token.as_bytes())
            .expect("base64url token");
        assert!(raw.len() >= 16, "{} bits", raw.len() * 8);
        assert!(seen.insert(token.clone()));
        let hash = token_hash(&token);
        assert_ne!(hash, token.as_bytes());
        assert!(t.store.session(&hash).await.unwrap().is_some());
        assert!(
            t.store.session(token.as_bytes()).await.unwrap().is_none(),
            "a session is keyed by the token itself"
        );
        assert!(t.store.session(&raw).await.unwrap().is_none());
    }
    let user = t.store.user_by_key("uwe").await.unwrap().unwrap();
    for s in t.store.user_sessions(user.id).await.unwrap() {
        assert_eq!(s.token_hash.len(), 32);
        for token in &seen {
            assert_ne!(s.token_hash, token.as_bytes());
        }
    }
}

impl TestApp {
    async fn user_agent_logged_in(&self, name: &str) -> Agent {
        let a = self.agent();
        let r = a.login(name, PW).await;
        assert_eq!(r.json["status"], "authenticated", "{}", r.text());
        a
    }
}

/// ASVS 3.2.1 (no fixation): the login form rotates the cookie after the
/// password and after the code; a planted or earlier cookie dies; a login
/// over a full session replaces it.
#[tokio::test]
async fn fail_the_login_form_rotates_the_session_at_each_step() {
    let t = TestApp::new().await;
    let (_, secret) = t.user_with_2fa("vic").await;
    let h = t.agent();
    h.set_cookie_pair(Some("deadbolt_session=planted-by-an-attacker".into()));
    submit(&h, "/login", &[("username", "vic"), ("password", PW)]).await;
    let pending = h.cookie_pair().unwrap();
    assert!(!pending.contains("planted"));
    let r = submit(&h, "/login/2fa", &[("code", &t.code(&secret, 0))]).await;
    assert_eq!(r.location(), "/account");
    let full = h.cookie_pair().unwrap();
    assert_ne!(pending, full);
    for sc in r.headers.get_all(header::SET_COOKIE) {
        let sc = sc.to_str().unwrap();
        assert!(sc.contains("HttpOnly") && sc.contains("SameSite=Lax") && sc.contains("Path=/"));
    }
    let old = t.agent();
    old.set_cookie_pair(Some(pending));
    assert_eq!(old.me().await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(old.get("/login/2fa").await.status, StatusCode::SEE_OTHER);
    assert_eq!(h.me().await.status, StatusCode::OK);
    // Signing in again over a full session (another account) replaces it.
    let w = t.user("wim").await;
    let before = w.cookie_pair();
    t.clock.advance(30);
    let r = submit(&w, "/login", &[("username", "vic"), ("password", PW)]).await;
    assert_eq!(r.location(), "/login/2fa");
    let stale = t.agent();
    stale.set_cookie_pair(before);
    assert_eq!(
        stale.me().await.status,
        StatusCode::UNAUTHORIZED,
        "the earlier session lives on"
    );
}

/// ASVS 4.2.2: every state-changing form refuses a cross-site post (by
/// `Sec-Fetch-Site` or by `Origin`), and nothing changes.
#[tokio::test]
async fn fail_every_state_changing_form_refuses_cross_site_posts() {
    let t = TestApp::new().await;
    let (a, secret) = t.user_with_2fa("xavi").await;
    let codes = a.new_backup_codes().await;
    let p = t.pending("xavi").await;
    let session_id = HEXLOWER.encode(&token_hash(&token_of(&a)));
    let events_before = a.event_kinds().await.len();
    let users_before = user_count(&t).await;
    let code = t.code(&secret, 0);
    let forms: Vec<(&str, Fields, &Agent)> = vec![
        (
            "/signup",
            vec![
                ("username", "mallory"),
                ("password", PW),
                ("password_confirm", PW),
            ],
            &a,
        ),
        ("/login", vec![("username", "xavi"), ("password", PW)], &a),
        ("/login/2fa", vec![("code", &code)], &p),
        ("/login/2fa", vec![("backup_code", &codes[0])], &p),
        ("/logout", vec![], &a),
        (
            "/settings/account/security/password",
            vec![
                ("current_password", PW),
                ("new_password", "mallory chose this one"),
                ("new_password_confirm", "mallory chose this one"),
            ],
            &a,
        ),
        (
            "/settings/account/security/two-factor/setup",
            vec![("password", PW)],
            &a,
        ),
        (
            "/settings/account/security/two-factor/confirm",
            vec![("code", &code)],
            &a,
        ),
        (
            "/settings/account/security/two-factor/disable",
            vec![("disable_password", PW), ("disable_code", &codes[1])],
            &a,
        ),
        (
            "/settings/account/security/backup-codes",
            vec![("backup_password", PW)],
            &a,
        ),
        (
            "/settings/account/security/sessions/revoke",
            vec![("session", &session_id)],
            &a,
        ),
        (
            "/settings/account/security/sessions/sign-out-others",
            vec![],
            &a,
        ),
    ];
    for (path, fields, who) in &forms {
        for site in ["cross-site", "same-site"] {
            let r = who.send(form_request(path, fields, site)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{site} POST {path}");
            assert!(r.header("set-cookie").is_none(), "{path}");
        }
        // An older browser: no Sec-Fetch-Site, a foreign Origin.
        let mut req = Request::post(*path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "localhost")
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from(form_encode(fields)))
            .unwrap();
        req.headers_mut().remove("sec-fetch-site");
        let r = who.send(req).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "Origin POST {path}");
    }
    assert_eq!(user_count(&t).await, users_before, "an account was created");
    assert_eq!(
        a.me().await.json["two_factor"],
        json!({"enabled": true, "factors": ["totp"], "backup_codes_remaining": 10})
    );
    assert_eq!(a.event_kinds().await.len(), events_before);
    assert_eq!(
        p.me().await.status,
        StatusCode::UNAUTHORIZED,
        "still pending"
    );
    let r = p.second_factor_code(&code).await;
    assert_eq!(r.status, StatusCode::OK, "the code was not consumed");
    let r = t.agent().login("xavi", PW).await;
    assert_eq!(r.status, StatusCode::OK, "password unchanged");
}

/// ASVS 13.2.3: the JSON API accepts only `application/json` bodies, on
/// every route that takes a body (a cross-site form can send only form,
/// multipart or text).
#[tokio::test]
async fn fail_the_api_refuses_every_non_json_body() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("yann").await;
    let p = t.pending("yann").await;
    let routes = [
        ("/api/v1/signup", &a),
        ("/api/v1/login", &a),
        ("/api/v1/login/second-factor", &p),
        ("/api/v1/logout", &a),
        ("/api/v1/me/two-factor/setup", &a),
        ("/api/v1/me/two-factor/confirm", &a),
        ("/api/v1/me/two-factor/disable", &a),
        ("/api/v1/me/backup-codes", &a),
        ("/api/v1/me/password", &a),
    ];
    let body = json!({"username": "zed", "password": PW, "code": "123456"}).to_string();
    for (path, who) in routes {
        for ct in [
            "text/plain",
            "text/plain; charset=utf-8",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "text/json",
        ] {
            let r = who.post_raw(path, Some(ct), body.clone()).await;
            assert_eq!(
                r.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{path} took {ct}"
            );
            r.error_code();
        }
    }
    assert_eq!(a.me().await.status, StatusCode::OK, "logout was refused");
    assert_eq!(user_count(&t).await, 1);
}

/// ASVS 5.1.5: `next` is followed only to a same-origin path, from the query
/// of `/login`, from the login form, and from the code form.
#[tokio::test]
async fn fail_next_never_leads_off_the_origin() {
    let t = TestApp::new().await;
    let (_, secret) = t.user_with_2fa("yuki").await;
    t.user("zack").await;
    let evil = [
        "//evil.example",
        "///evil.example",
        "////evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "https://evil.example",
        "HTTPS://evil.example",
        "http:evil.example",
        "http:/evil.example",
        "//evil.example@localhost",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "evil.example",
        "/%2F%2Fevil.example",
        "/%2f%2fevil.example",
        "%2F%2Fevil.example",
        "%2f%2fevil.example",
        "/%2Fevil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "%5C%5Cevil.example",
        "/%252F%252Fevil.example",
        "/%25252F%25252Fevil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%0d%0aLocation:%20https://evil.example",
        "/\t/evil.example",
        "/\r\n/evil.example",
        " //evil.example",
        "\u{3000}//evil.example",
        "\u{ff0f}\u{ff0f}evil.example",
    ];
    let off_origin = |to: &str| {
        let lower = to.to_ascii_lowercase();
        !to.starts_with('/')
            || to.starts_with("//")
            || to.contains('\\')
            || lower.contains("%2f")
            || lower.contains("%5c")
            || lower.contains("evil")
    };
    let signed_in = t.user_agent_logged_in("zack").await;
    for next in evil {
        let q = format!("/login?next={}", url_encode(next));
        // The login page does not even carry it.
        let html = t.agent().get(&q).await.text();
        assert!(
            html.contains("name=\"next\" value=\"\""),
            "{next:?} carried in the form"
        );
        // A signed-in visit to /login?next= redirects at once.
        let r = signed_in.get(&q).await;
        assert_eq!(r.location(), "/account", "GET {next:?}");
        // The login form.
        let a = t.agent();
        let r = submit(
            &a,
            "/login",
            &[("username", "zack"), ("password", PW), ("next", next)],
        )
        .await;
        assert!(
            !off_origin(r.location()),
            "POST /login {next:?} → {}",
            r.location()
        );
        assert_eq!(r.location(), "/account", "POST /login {next:?}");
        // Password then code.
        let b = t.agent();
        let r = submit(
            &b,
            "/login",
            &[("username", "yuki"), ("password", PW), ("next", next)],
        )
        .await;
        assert_eq!(
            r.location(),
            "/login/2fa",
            "{next:?} carried to the code page"
        );
        let r = submit(
            &b,
            "/login/2fa",
            &[("code", &t.code(&secret, 0)), ("next", next)],
        )
        .await;
        assert_eq!(r.location(), "/account", "POST /login/2fa {next:?}");
        // Enough for every budget (password per name, codes per account) to refill.
        t.clock.advance(900);
    }
    // A local path still works (the check is not "never follow").
    let a = t.agent();
    let r = submit(
        &a,
        "/login",
        &[
            ("username", "zack"),
            ("password", PW),
            ("next", "/settings/account/security?x=1"),
        ],
    )
    .await;
    assert_eq!(r.location(), "/settings/account/security?x=1");
}

/// ASVS 14.4: a strict CSP (no inline script or style, nothing framed) on
/// every page, including the ones that show secrets.
#[tokio::test]
async fn fail_pages_have_a_strict_csp() {
    let t = TestApp::new().await;
    let a = t.user("anna").await;
    let mut responses = vec![
        t.agent().get("/login").await,
        t.agent().get("/signup").await,
        a.get("/account").await,
        a.get(SECURITY).await,
        submit(
            &a,
            "/settings/account/security/two-factor/setup",
            &[("password", PW)],
        )
        .await,
        submit(
            &a,
            "/settings/account/security/backup-codes",
            &[("backup_password", PW)],
        )
        .await,
        t.agent().get("/login/2fa").await,
        t.agent().get("/no/such/page").await,
    ];
    responses.push(a.backup_codes(PW).await);
    for r in responses {
        let csp = r.header("content-security-policy").expect("a CSP");
        for must in [
            "default-src 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(must), "{must} missing: {csp}");
        }
        for never in ["unsafe-inline", "unsafe-eval", "*", "http:", "https:"] {
            assert!(!csp.contains(never), "{never} in {csp}");
        }
        // Scripts only from this origin: the passkey script, nothing inline.
        assert!(csp.contains("script-src 'self';"), "{csp}");
        assert_eq!(r.header("x-frame-options"), Some("DENY"));
        assert_eq!(r.header("referrer-policy"), Some("same-origin"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
}

// ------------------------------------------------------------------ no secret at rest, in logs or URLs

/// RFC 6238 §5.1, ASVS 2.8.2, 2.6.2, 3.2.2: after a whole account life, the
/// database files (main file, WAL, shared memory) hold no password, no TOTP
/// secret in any encoding, no backup code in any typed form and no session token.
#[tokio::test]
async fn fail_the_database_files_hold_no_secret_after_a_full_flow() {
    let t = TestApp::new().await;
    let Some(dir) = &t.dir else {
        return; // PostgreSQL: no files to read (the same SQL writes the same columns).
    };
    let needles = full_flow(&t, "bea").await;
    let mut dump = Vec::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "keys" {
            continue; // the key file is outside the database by design
        }
        dump.extend(std::fs::read(&path).unwrap());
        files.push(name);
    }
    assert!(
        files
            .iter()
            .any(|f| f.ends_with(".db") || f.ends_with(".sqlite")),
        "the database file was read: {files:?}"
    );
    assert!(dump.len() > 4096, "{files:?}");
    if let Some(leak) = needles.found_in(&dump) {
        panic!("the database files ({files:?}) contain a {leak}");
    }
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// ASVS 7.1.1, 3.1.1: with every log level on (TRACE, all targets), a whole
/// account life, its failures included, writes no secret to any log line.
#[tokio::test]
async fn fail_no_secret_reaches_a_log_line() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // This test runs on one thread (current-thread runtime), so a thread-local
    // default sees every event of the app; Argon2 runs elsewhere but never logs.
    let _guard = tracing::subscriber::set_default(subscriber);
    let t = TestApp::new().await;
    let mut needles = full_flow(&t, "carl").await;
    // The error path logs with detail: a sealed secret that no longer opens
    // (e.g. a wrong key file) makes a 500 whose log line must not carry the
    // code that was typed, nor the secret.
    let device = &t.store.all_devices().await.unwrap()[0];
    let foreign = deadbolt_server::Keyring::generate().unwrap();
    let garbage = foreign
        .seal(device.user_id, device.id, b"0123456789abcdefghij")
        .unwrap();
    t.store
        .reseal_devices(&[(device.id, garbage)])
        .await
        .unwrap();
    t.clock.advance(900);
    let p = t.agent();
    let r = p.login("carl", FLOW_NEW_PW).await;
    assert_eq!(r.json["status"], "second_factor_required", "{}", r.text());
    let typed = "246 813";
    needles.add("typed code", typed);
    needles.add("typed code (digits)", "246813");
    let r = p.second_factor_code(typed).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.text());
    assert_eq!(r.error_code(), "internal_error");
    tracing::info!(target: "deadbolt_test", "flow done");
    let log = captured.0.lock().unwrap().clone();
    println!(
        "captured {} bytes, {} log lines",
        log.len(),
        log.iter().filter(|&&b| b == b'\n').count()
    );
    let text = String::from_utf8_lossy(&log);
    assert!(
        text.contains("flow done"),
        "the subscriber captured nothing"
    );
    assert!(
        text.contains("ERROR"),
        "the internal error was not logged:\n{text}"
    );
    if let Some(leak) = needles.found_in(&log) {
        let text = String::from_utf8_lossy(&log);
        panic!("a log line contains a {leak}:\n{text}");
    }
}

/// ASVS 7.1.1, 3.1.1: no redirect, link or form action of the pages and no
/// `Location` of the API carries a secret; every form posts (a GET form
/// would put its fields in the URL). `data:` (the backup-code download, never
/// sent to a server) and `otpauth:` (the set-up link for the phone) are the
/// two deliberate exceptions.
#[tokio::test]
async fn fail_no_secret_in_any_url() {
    let t = TestApp::new().await;
    let mut needles = Needles::new();
    needles.password(PW);
    let mut pages: Vec<(String, Resp)> = Vec::new();
    let a = t.agent();
    for (path, fields) in [
        (
            "/signup",
            vec![
                ("username", "dora"),
                ("password", PW),
                ("password_confirm", PW),
            ],
        ),
        (
            "/settings/account/security/two-factor/setup",
            vec![("password", PW)],
        ),
    ] {
        let r = submit(&a, path, &fields).await;
        pages.push((path.to_owned(), r));
    }
    needles.token(&token_of(&a));
    let setup_html = pages.last().unwrap().1.text();
    let uri_at = setup_html.find("otpauth://").expect("the otpauth link");
    let secret = setup_html[uri_at..]
        .split("secret=")
        .nth(1)
        .and_then(|s| s.split(['&', '"']).next())
        .expect("secret in the otpauth link")
        .to_owned();
    needles.totp_secret(&secret);
    let code = t.code(&secret, 0);
    needles.add("TOTP code", &code);
    for (path, fields) in [
        (
            "/settings/account/security/two-factor/confirm",
            vec![("code", code.as_str())],
        ),
        (
            "/settings/account/security/backup-codes",
            vec![("backup_password", PW)],
        ),
    ] {
        let r = submit(&a, path, &fields).await;
        pages.push((path.to_owned(), r));
    }
    let codes_html = pages.last().unwrap().1.text();
    let codes: Vec<String> = codes_html
        .split("<code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .filter(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 10, "{codes_html}");
    for c in &codes {
        needles.backup_code(c);
    }
    t.clock.advance(30);
    let code2 = t.code(&secret, 0);
    needles.add("TOTP code", &code2);
    let steps: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("/logout", vec![]),
        (
            "/login",
            vec![("username", "dora"), ("password", PW), ("next", SECURITY)],
        ),
        ("/login/2fa", vec![("code", "000000"), ("next", SECURITY)]),
        ("/login/2fa", vec![("code", &code2), ("next", SECURITY)]),
        ("/logout", vec![]),
        ("/login", vec![("username", "dora"), ("password", PW)]),
        ("/login/2fa", vec![("backup_code", &codes[0])]),
        (
            "/settings/account/security/two-factor/disable",
            vec![("disable_password", PW), ("disable_code", &codes[1])],
        ),
        (
            "/settings/account/security/password",
            vec![
                ("current_password", PW),
                ("new_password", "dora's next passphrase 5"),
                ("new_password_confirm", "dora's next passphrase 5"),
            ],
        ),
    ];
    needles.password("dora's next passphrase 5");
    for (path, fields) in steps {
        let r = submit(&a, path, &fields).await;
        if let Some(tok) = a.cookie_pair() {
            needles.token(tok.split_once('=').unwrap().1);
        }
        pages.push((path.to_owned(), r));
    }
    for path in [
        "/login",
        "/login/2fa",
        "/account",
        SECURITY,
        "/settings/account/security/two-factor/setup",
    ] {
        let r = a.get(path).await;
        pages.push((path.to_owned(), r));
    }
    let mut urls = 0;
    for (path, r) in &pages {
        assert!(!r.status.is_server_error(), "{path}: {}", r.status);
        if let Some(to) = r.header("location") {
            urls += 1;
            if let Some(leak) = needles.found_in(to.as_bytes()) {
                panic!("the redirect of {path} ({to}) carries a {leak}");
            }
        }
        let html = r.text();
        for form in html.split("<form").skip(1) {
            let tag = &form[..form.find('>').unwrap()];
            assert!(
                tag.contains("method=\"post\""),
                "{path}: a GET form <form{tag}>"
            );
        }
        for attr in [" href=\"", " action=\"", " src=\"", " formaction=\""] {
            for rest in html.split(attr).skip(1) {
                let url = rest.split('"').next().unwrap().replace("&amp;", "&");
                if url.starts_with("data:") || url.starts_with("otpauth:") {
                    continue;
                }
                urls += 1;
                if let Some(leak) = needles.found_in(url.as_bytes()) {
                    panic!("{path}: the URL {url} carries a {leak}");
                }
            }
        }
    }
    assert!(urls > 30, "only {urls} URLs were checked");
}

// ------------------------------------------------------------------ passwords and input

/// OWASP Password Storage: the production default is Argon2id with at least
/// m = 19456 KiB, t = 2, p = 1, as the stored PHC string shows.
#[tokio::test]
async fn fail_production_password_hashes_are_argon2id_with_owasp_parameters() {
    let default = ServerConfig::default();
    let new = ServerConfig::new("Deadbolt", "https://login.example.com");
    assert_eq!(default.auth.argon2, new.auth.argon2);
    assert!(default.auth.hash_concurrency >= 1);
    let t = TestApp::with_config(|c| c.auth.argon2 = ServerConfig::default().auth.argon2).await;
    t.user("owasp").await;
    let user = t.store.user_by_key("owasp").await.unwrap().unwrap();
    let phc = user.password_hash.expose();
    assert!(
        phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "stored hash {phc}"
    );
    assert!(!phc.contains(PW));
}

/// OWASP Password Storage: Argon2 runs off the async executor, on the
/// hashing threads. On a single-threaded runtime, while a slow verification
/// (well over a second) is in progress, the executor still answers other
/// requests; a hash computed on the executor would block them until the
/// login finished.
#[test]
fn fail_password_hashing_runs_off_the_executor() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let t = app_with_a_slow_hash("kurt").await;
        let kurt = t.agent();
        let login =
            tokio::spawn(async move { kurt.login("kurt", "whatever password").await.status });
        tokio::task::yield_now().await;
        for _ in 0..3 {
            assert_eq!(t.agent().get("/healthz").await.status, StatusCode::OK);
        }
        assert!(
            !login.is_finished(),
            "the executor was blocked until the login finished: Argon2 ran on it"
        );
        assert_eq!(login.await.unwrap(), StatusCode::UNAUTHORIZED);
    });
}

/// NIST 5.1.1.2 and the username rule: NFKC and case folding.
#[tokio::test]
async fn fail_unicode_usernames_collide_and_passwords_are_nfkc_normalised() {
    let t = TestApp::new().await;
    let signup = |name: &str, pw: &str| {
        let a = t.agent();
        let body = json!({"username": name, "password": pw});
        async move { a.post("/api/v1/signup", body).await }
    };
    assert_eq!(signup("fullwidth", PW).await.status, StatusCode::CREATED);
    for dup in [
        "ｆｕｌｌｗｉｄｔｈ",
        "FullWidth",
        "ＦＵＬＬＷＩＤＴＨ",
        " fullwidth ",
    ] {
        let r = signup(dup, PW).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{dup:?}: {}", r.text());
    }
    assert_eq!(signup("ﬁle", PW).await.status, StatusCode::CREATED);
    assert_eq!(
        signup("file", PW).await.status,
        StatusCode::CONFLICT,
        "ﬁ ligature"
    );
    assert_eq!(signup("Alice", PW).await.status, StatusCode::CREATED);
    assert_eq!(signup("alice", PW).await.status, StatusCode::CONFLICT);
    // Through the form as well.
    let r = submit(
        &t.agent(),
        "/signup",
        &[
            ("username", "ALICE"),
            ("password", PW),
            ("password_confirm", PW),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(user_count(&t).await, 3);

    // A password set in NFC logs in when typed in NFD, and full-width forms
    // count as their ASCII letters.
    let nfc = "caf\u{e9} au lait 42";
    let nfd = "cafe\u{301} au lait 42";
    assert_eq!(signup("elodie", nfc).await.status, StatusCode::CREATED);
    let login = |name: &str, pw: &str| {
        let a = t.agent();
        let body = json!({"username": name, "password": pw});
        async move { a.post("/api/v1/login", body).await }
    };
    assert_eq!(login("elodie", nfd).await.json["status"], "authenticated");
    assert_eq!(
        login("ＥＬＯＤＩＥ", nfc).await.json["status"],
        "authenticated"
    );
    assert_eq!(
        signup("franz", "ｇｌａｃｉｅｒ ｗｉｎｄ 77").await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        login("franz", "glacier wind 77").await.json["status"],
        "authenticated"
    );
    // Length counts characters after NFKC, not bytes: 8 two-byte letters pass.
    assert_eq!(signup("gus", "éèêëéèêë").await.status, StatusCode::CREATED);
    assert_eq!(
        signup("hal", "éèêëéèê").await.status,
        StatusCode::BAD_REQUEST
    );
}

/// ASVS 5.1: hostile bodies on every route that takes one: a clear 4xx,
/// never a 5xx, and nothing written.
#[tokio::test]
async fn fail_hostile_bodies_get_a_clear_4xx_on_every_route_and_write_nothing() {
    let t = TestApp::new().await;
    let (a, _) = t.user_with_2fa("ines").await;
    a.new_backup_codes().await;
    let p = t.pending("ines").await;
    let events_before = a.event_kinds().await.len();
    let me_before = a.me().await.json;
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"{".to_vec(),
        b"null".to_vec(),
        b"[]".to_vec(),
        b"\"a string\"".to_vec(),
        b"{\"username\":\"ines\",\"password\":\"x\"}{}".to_vec(),
        deep.into_bytes(),
        format!("{{\"password\":\"{PW}\",\"is_admin\":true}}").into_bytes(),
        format!("{{\"password\":\"{PW}\\u0000\"}}").into_bytes(),
        format!("{{\"password\":\"{PW}\u{0}\"}}").into_bytes(),
        b"{\"password\":\"\xff\xfe invalid utf-8\"}".to_vec(),
        b"{\"password\":12345678}".to_vec(),
        b"{\"password\":\"a\",\"password\":\"b\"}".to_vec(),
        format!("{{\"password\":\"{}\"}}", "x".repeat(17 * 1024)).into_bytes(),
        vec![b' '; 64 * 1024],
    ];
    let routes = [
        ("/api/v1/signup", &a),
        ("/api/v1/login", &a),
        ("/api/v1/login/second-factor", &p),
        ("/api/v1/me/two-factor/setup", &a),
        ("/api/v1/me/two-factor/confirm", &a),
        ("/api/v1/me/two-factor/disable", &a),
        ("/api/v1/me/backup-codes", &a),
        ("/api/v1/me/password", &a),
    ];
    for (path, who) in routes {
        for body in &bodies {
            let r = who
                .post_raw(path, Some("application/json"), body.clone())
                .await;
            assert!(
                r.status.is_client_error(),
                "{path} {:?}: {}",
                String::from_utf8_lossy(&body[..body.len().min(40)]),
                r.status
            );
            r.error_code();
        }
    }
    // The forms: NUL bytes, invalid encodings, oversized bodies.
    let form_bodies: Vec<Vec<u8>> = vec![
        b"username=ines%00&password=x".to_vec(),
        format!("username=nuluser&password=a%00{}&password_confirm=a%00{0}&current_password=a%00{0}&backup_password=a%00{0}&disable_password=a%00{0}", url_encode(PW)).into_bytes(),
        b"username=%ZZ&password=%".to_vec(),
        b"username=\xff\xfe&password=\xc3".to_vec(),
        b"code=%00%00%00%00%00%00".to_vec(),
        b"backup_code=\xff&code=\xfe".to_vec(),
        b"=&&=&==&".to_vec(),
        format!("username=big&password={}", "x".repeat(20 * 1024)).into_bytes(),
    ];
    let form_routes = [
        ("/signup", &a),
        ("/login", &a),
        ("/login/2fa", &p),
        ("/settings/account/security/password", &a),
        ("/settings/account/security/two-factor/setup", &a),
        ("/settings/account/security/two-factor/confirm", &a),
        ("/settings/account/security/two-factor/disable", &a),
        ("/settings/account/security/backup-codes", &a),
        ("/settings/account/security/sessions/revoke", &a),
    ];
    // A NUL in the username, with a valid password (for the two forms that take a username).
    let nul_name = format!(
        "username=nul%00user&password={}&password_confirm={0}",
        url_encode(PW)
    )
    .into_bytes();
    for (path, who) in form_routes {
        let mut bodies = form_bodies.clone();
        if path == "/signup" || path == "/login" {
            bodies.push(nul_name.clone());
        }
        for body in &bodies {
            let r = who
                .send(
                    Request::post(path)
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .header("sec-fetch-site", "same-origin")
                        .body(Body::from(body.clone()))
                        .unwrap(),
                )
                .await;
            // Revoking a session that does not exist is answered with the
            // settings page's "already gone" notice (nothing to write).
            let gone = r.header("location")
                == Some("/settings/account/security?done=session-gone#sessions");
            assert!(
                r.status.is_client_error() || gone,
                "{path} {:?}: {} {}",
                String::from_utf8_lossy(&body[..body.len().min(40)]),
                r.status,
                r.text()
            );
        }
        for ct in [None, Some("application/json"), Some("text/plain")] {
            let mut b = Request::builder().method(Method::POST).uri(path);
            b = b.header("sec-fetch-site", "same-origin");
            if let Some(ct) = ct {
                b = b.header(header::CONTENT_TYPE, ct);
            }
            let r = who.send(b.body(Body::from("username=a")).unwrap()).await;
            assert!(r.status.is_client_error(), "{path} {ct:?}: {}", r.status);
        }
    }
    assert_eq!(user_count(&t).await, 1, "an account was created");
    assert_eq!(a.me().await.json, me_before);
    let events = a.event_kinds().await;
    let new: Vec<_> = events[..events.len() - events_before]
        .iter()
        // A malformed code typed at the code page counts as a failed attempt.
        .filter(|k| *k != "sign_in_failed" && *k != "second_factor_failed")
        .collect();
    assert!(new.is_empty(), "hostile bodies wrote {new:?}");
    assert_eq!(
        p.me().await.status,
        StatusCode::UNAUTHORIZED,
        "still pending"
    );
}

// ------------------------------------------------------------------ the fuzz targets' CI twins

mod props {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    /// Bodies a fuzzer would try: raw bytes, near-valid JSON with hostile
    /// strings, near-valid forms.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a-z]{1,10}",
            Just("ines".to_owned()),
            Just(PW.to_owned()),
            "\\PC{0,40}",
        ]
    }

    fn json_body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            (text(), text()).prop_map(|(u, p)| json!({"username": u, "password": p})
                .to_string()
                .into_bytes()),
            (text(), any::<i64>()).prop_map(|(u, n)| json!({"username": u, "password": n})
                .to_string()
                .into_bytes()),
            (text(), text()).prop_map(|(k, v)| json!({ k: v }).to_string().into_bytes()),
            "[\\[\\]{}\",:a-z0-9\\\\ ]{0,60}".prop_map(String::into_bytes),
        ]
    }

    fn form_body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            (text(), text(), "[a-z%0-9=&+/\\\\:]{0,30}").prop_map(|(u, p, n)| format!(
                "username={}&password={}&next={}",
                url_encode(&u),
                url_encode(&p),
                url_encode(&n)
            )
            .into_bytes()),
            "[a-z%0-9=&+\\x00-\\x1f]{0,80}".prop_map(String::into_bytes),
        ]
    }

    fn run(path: &'static str, content_type: &'static str, bodies: impl Strategy<Value = Vec<u8>>) {
        let rt = runtime();
        let t = rt.block_on(async {
            let t = TestApp::new().await;
            t.user("ines").await;
            t
        });
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let n = std::cell::Cell::new(0u8);
        let result = runner.run(&bodies, |body| {
            n.set(n.get().wrapping_add(1));
            let mut req = Request::post(path)
                .header(header::CONTENT_TYPE, content_type)
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(body.clone()))
                .unwrap();
            req.extensions_mut()
                .insert(ConnectInfo(SocketAddr::from(([10, 9, 0, n.get()], 1))));
            let r = rt.block_on(t.agent().send(req));
            prop_assert!(
                !r.status.is_server_error(),
                "{} for {:?}",
                r.status,
                String::from_utf8_lossy(&body)
            );
            Ok(())
        });
        rt.block_on(async move { drop(t) });
        result.unwrap();
    }

    /// Twin of `fuzz/fuzz_targets/login_json.rs`.
    #[test]
    fn login_json_never_answers_5xx() {
        run("/api/v1/login", "application/json", json_body());
    }

    /// Twin of `fuzz/fuzz_targets/login_form.rs`.
    #[test]
    fn login_form_never_answers_5xx() {
        run("/login", "application/x-www-form-urlencoded", form_body());
    }

    /// The sign-up twin: arbitrary bodies never 5xx (and the app stays usable).
    #[test]
    fn signup_json_never_answers_5xx() {
        run("/api/v1/signup", "application/json", json_body());
    }
}

/// SHA-256 of a raw cookie token, as the store keys sessions.
fn token_hash(token: &str) -> Vec<u8> {
    deadbolt_auth::token_hash(&SessionToken::new(token))
}
