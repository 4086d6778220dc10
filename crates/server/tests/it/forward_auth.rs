//! Forward-auth: `/api/authz/forward-auth` and `/api/authz/auth-request`
//! (one decision from the access rules and the session), `/login?rd=`,
//! the cookie domain, groups, disabled users, closed sign-up, enrolment.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use deadbolt_auth::AccessRules;
use deadbolt_auth::access::{AccessControlSpec, RuleSpec};
use deadbolt_server::ServerConfig;

use crate::pages::submit;
use crate::support::{Agent, PW, Resp, TestApp};

pub(crate) const PROXY: &str = "127.0.0.9:40000";

fn rule(domain: &str, policy: &str) -> RuleSpec {
    RuleSpec {
        domain: vec![domain.to_owned()],
        policy: policy.to_owned(),
        ..RuleSpec::default()
    }
}

/// The rules every test here runs with.
fn rules() -> AccessRules {
    let mut public = rule("*.example.com", "bypass");
    public.resources = Some(vec!["^/public/".into()]);
    let mut admins = rule("admin.example.com", "one_factor");
    admins.subject = Some(vec!["group:admins".into()]);
    AccessRules::compile(&AccessControlSpec {
        default_policy: Some("deny".into()),
        rules: vec![
            public,
            admins,
            rule("app.example.com", "one_factor"),
            rule("secure.example.com", "two_factor"),
            rule("closed.example.com", "deny"),
        ],
    })
    .unwrap()
}

fn configure(c: &mut ServerConfig) {
    c.public_url = "https://auth.example.com".into();
    c.secure_cookies = true;
    c.cookie_domain = Some("example.com".into());
    c.trusted_proxies = vec![PROXY.parse::<SocketAddr>().unwrap().ip()];
    c.access = Arc::new(rules());
}

pub(crate) async fn app() -> TestApp {
    TestApp::with_config(configure).await
}

/// `GET /api/authz/auth-request` for `url` (and extra headers), from the proxy.
pub(crate) async fn auth_request(a: &Agent, url: &str, extra: &[(&str, &[u8])]) -> Resp {
    let mut b = Request::get("/api/authz/auth-request")
        .header("x-original-url", url)
        .extension(ConnectInfo(PROXY.parse::<SocketAddr>().unwrap()));
    for (k, v) in extra {
        b = b.header(*k, *v);
    }
    a.send(b.body(Body::empty()).unwrap()).await
}

/// `GET /api/authz/forward-auth` with `headers`, from `peer`.
pub(crate) async fn forward_auth(a: &Agent, peer: &str, headers: &[(&str, &[u8])]) -> Resp {
    let mut b = Request::get("/api/authz/forward-auth")
        .extension(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    a.send(b.body(Body::empty()).unwrap()).await
}

fn fwd<'a>(method: &'a str, host: &'a str, uri: &'a str) -> Vec<(&'static str, &'a [u8])> {
    vec![
        ("x-forwarded-method", method.as_bytes()),
        ("x-forwarded-proto", b"https"),
        ("x-forwarded-host", host.as_bytes()),
        ("x-forwarded-uri", uri.as_bytes()),
    ]
}

fn remote(r: &Resp) -> [&str; 4] {
    [
        "remote-user",
        "remote-name",
        "remote-email",
        "remote-groups",
    ]
    .map(|h| r.header(h).unwrap_or_else(|| panic!("{h} missing")))
}

#[tokio::test]
async fn auth_request_decides_by_rule_and_session() {
    let t = app().await;
    let anon = t.agent();
    // Not signed in: 401 naming the login with rd.
    let r = auth_request(&anon, "https://app.example.com/x?y=1", &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some("https://auth.example.com/login?rd=https%3A//app.example.com/x%3Fy%3D1")
    );
    // Bypass: allowed, every Remote-* header sent and empty.
    let r = auth_request(&anon, "https://app.example.com/public/a", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(remote(&r), ["", "", "", ""]);
    // Deny and hosts outside every rule: 403 for anyone.
    for url in ["https://closed.example.com/", "https://other.org/"] {
        assert_eq!(
            auth_request(&anon, url, &[]).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let alice = t.user("alice").await;
    let r = auth_request(&alice, "https://app.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(remote(&r), ["alice", "alice", "", ""]);
    assert_eq!(
        auth_request(&alice, "https://closed.example.com/", &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // A subject rule: asks for a login first, then judges the groups.
    let r = auth_request(&anon, "https://admin.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = auth_request(&alice, "https://admin.example.com/", &[]).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "not an admin: default deny"
    );
    assert!(
        t.state
            .auth
            .admin_set_group("alice", "admins", true)
            .await
            .unwrap()
    );
    t.state
        .auth
        .admin_set_group("alice", "ops", true)
        .await
        .unwrap();
    let r = auth_request(&alice, "https://admin.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(remote(&r)[3], "admins,ops");
    assert_eq!(
        alice.me().await.json["groups"],
        serde_json::json!(["admins", "ops"])
    );
    // two_factor: a user without 2FA is sent to the login (then the set-up).
    let r = auth_request(&alice, "https://secure.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let (bob, _) = t.user_with_2fa("bob").await;
    let r = auth_request(&bob, "https://secure.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(remote(&r)[0], "bob");
    // A pending login (password only, code owed) is no session.
    let pending = t.pending("bob").await;
    let r = auth_request(&pending, "https://app.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn fail_forward_auth_believes_forwarded_headers_only_from_trusted_proxies() {
    let t = app().await;
    let anon = t.agent();
    let alice = t.user("alice").await;
    let headers = fwd("GET", "app.example.com", "/");
    for who in [&anon, &alice] {
        let r = forward_auth(who, "203.0.113.5:1234", &headers).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.error_code(), "untrusted_proxy");
        assert!(r.header("remote-user").is_none());
    }
    let r = forward_auth(&alice, PROXY, &headers).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(remote(&r)[0], "alice");
}

#[tokio::test]
async fn forward_auth_redirects_browsers_and_gives_apis_401() {
    let t = app().await;
    let anon = t.agent();
    let html: &[u8] = b"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    let mut get = fwd("GET", "app.example.com", "/page?a=b");
    get.push(("accept", html));
    let r = forward_auth(&anon, PROXY, &get).await;
    assert_eq!(r.status, StatusCode::FOUND);
    assert_eq!(
        r.location(),
        "https://auth.example.com/login?rd=https%3A//app.example.com/page%3Fa%3Db"
    );
    let mut post = fwd("POST", "app.example.com", "/form");
    post.push(("accept", html));
    assert_eq!(
        forward_auth(&anon, PROXY, &post).await.status,
        StatusCode::SEE_OTHER
    );
    // An API or XHR client: 401, no redirect.
    let mut xhr = fwd("GET", "app.example.com", "/api/x");
    xhr.push(("accept", b"application/json"));
    let r = forward_auth(&anon, PROXY, &xhr).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.header("location").is_none());
    let r = forward_auth(&anon, PROXY, &fwd("GET", "app.example.com", "/")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "no Accept at all");
}

#[tokio::test]
async fn fail_bad_forwarded_input_is_400_never_500_nor_a_foreign_redirect() {
    let t = app().await;
    let anon = t.agent();
    for url in [
        "/relative",
        "//evil.example/",
        "app.example.com/",
        "javascript:alert(1)",
        "ftp://app.example.com/",
        "https://",
        "https://user:pw@app.example.com/",
        "https://app.example.com\\@evil.example/",
        "https://app.example.com/\ttab",
        "https://[::1",
    ] {
        let r = auth_request(&anon, url, &[]).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{url:?}: {}", r.text());
        assert!(r.header("location").is_none(), "{url:?}");
    }
    // Missing, repeated, non-ASCII.
    let r = anon
        .send(
            Request::get("/api/authz/auth-request")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = anon
        .send(
            Request::get("/api/authz/auth-request")
                .header("x-original-url", "https://app.example.com/")
                .header("x-original-url", "https://closed.example.com/")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = auth_request(
        &anon,
        "https://app.example.com/",
        &[("x-original-method", b"G E T")],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let bytes: &[u8] = b"https://app.example.com/\xff";
    let r = auth_request(
        &anon,
        "https://app.example.com/",
        &[("x-original-url", bytes)],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Forwarded host tricks.
    for (proto, host, uri) in [
        ("https", "evil.example/@app.example.com", "/"),
        ("https", "app.example.com@evil.example", "/"),
        ("https", "app.example.com", "//evil.example/"),
        ("https", "app.example.com", "relative"),
        ("javascript", "app.example.com", "/"),
        ("https", "", "/"),
        ("https", "app.example.com:99999", "/"),
    ] {
        let headers = vec![
            ("x-forwarded-proto", proto.as_bytes()),
            ("x-forwarded-host", host.as_bytes()),
            ("x-forwarded-uri", uri.as_bytes()),
            ("accept", b"text/html".as_slice()),
        ];
        let r = forward_auth(&anon, PROXY, &headers).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{host:?} {uri:?}");
        assert!(r.header("location").is_none());
    }
    // Nothing was written: no user, no session.
    assert!(t.store.list_users().await.unwrap().is_empty());
}

/// The hidden `next` the login page carries.
fn carried_next(page: &str) -> Option<String> {
    let at = page.find("name=\"next\" value=\"")? + "name=\"next\" value=\"".len();
    let rest = &page[at..];
    let v = &rest[..rest.find('"')?];
    (!v.is_empty()).then(|| {
        v.replace("&#x2f;", "/")
            .replace("&#x3f;", "?")
            .replace("&#x3d;", "=")
            .replace("&#61;", "=")
            .replace("&#63;", "?")
            .replace("&#47;", "/")
    })
}

/// The page's CSP says `form-action {sources}` (up to its `;`).
#[track_caller]
fn assert_form_action(page: &Resp, sources: &str) {
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains(&format!("form-action {sources}")),
        "form-action {sources} expected: {csp}"
    );
}

#[tokio::test]
async fn login_with_rd_returns_to_the_app_only_inside_the_cookie_domain() {
    let t = app().await;
    t.user("alice").await;
    let a = t.agent();
    let page = a
        .get("/login?rd=https%3A%2F%2Fapp.example.com%2Fdash%3Fx%3D1")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let next = carried_next(&page.text()).expect("rd carried");
    assert!(next.starts_with("/login/continue?to="), "{next}");
    // The form's redirects end on the app: a browser holds the whole chain
    // to the page's form-action, so the app's origin (only) joins it.
    assert_form_action(&page, "'self' https://app.example.com;");
    let r = submit(
        &a,
        "/login",
        &[("username", "alice"), ("password", PW), ("next", &next)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(r.location(), next);
    // The session cookie covers the subdomains.
    let set = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let session = set
        .iter()
        .find(|c| c.starts_with("__Secure-deadbolt_session="))
        .expect("__Secure- cookie");
    assert!(
        session.contains("; Domain=example.com") && session.contains("Secure"),
        "{session}"
    );
    assert!(
        set.iter()
            .all(|c| !c.starts_with("__Host-deadbolt_session"))
    );
    let r = a.get(&next).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "https://app.example.com/dash?x=1");
    // Signed in already: /login?rd= goes straight on.
    let r = a.get("/login?rd=https%3A%2F%2Fapp.example.com%2F").await;
    assert!(
        r.location().starts_with("/login/continue?to="),
        "{}",
        r.location()
    );
    // Hostile return URLs are ignored: the login page carries nothing.
    let b = t.agent();
    for evil in [
        "https://evil.example/",
        "https://example.com.attacker.net/",
        "https://evil.example.com.attacker.net/",
        "https://example.com@evil.example/",
        "https://user@app.example.com/",
        "https:\\\\evil.example",
        "//evil.example",
        "https://exаmple.com/",
        "http://app.example.com/",
        "https://app.example.com:443@evil.example/",
        "javascript:alert(1)",
    ] {
        let q = deadbolt_server::util::encode_query_value(evil);
        let page = b.get(&format!("/login?rd={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "{evil}");
        assert_eq!(carried_next(&page.text()), None, "{evil}");
        assert_form_action(&page, "'self';");
    }
    // A forged continuation is checked again.
    let forged = format!(
        "/login/continue?to={}",
        data_encoding::BASE64URL_NOPAD.encode(b"https://evil.example/")
    );
    let r = a.get(&forged).await;
    assert_eq!(r.location(), "/account");
}

#[tokio::test]
async fn two_factor_rule_sends_a_user_without_2fa_through_the_set_up_then_back() {
    let t = app().await;
    let alice = t.user("alice").await;
    let rd = "https://secure.example.com/vault";
    let to = data_encoding::BASE64URL_NOPAD.encode(rd.as_bytes());
    let signed_in = alice.cookie_pair();
    let r = alice.get(&format!("/login/continue?to={to}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/settings/account/security#two-factor");
    let waiting = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("deadbolt_return_to="))
        .expect("the return URL waits")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    // The harness keeps one non-device cookie: put the session back and
    // send the waiting URL by hand, as a browser would.
    let session = t.agent();
    session.set_cookie_pair(signed_in);
    let secret = session.setup(PW).await;
    let confirm = |code: String| {
        Request::post("/settings/account/security/two-factor/confirm")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .header(
                header::COOKIE,
                format!("{}; {waiting}", session.cookie_pair().unwrap()),
            )
            .body(Body::from(format!("code={code}")))
            .unwrap()
    };
    // A wrong code shows the set-up again; its form still ends on rd.
    let r = t.agent().send(confirm(t.wrong_code(&secret))).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_form_action(&r, "'self' https://secure.example.com;");
    let r = t.agent().send(confirm(t.code(&secret, 0))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(r.location(), "/login/continue");
    // The same session, now with its second factor: on to rd.
    let req = Request::get("/login/continue")
        .header(
            header::COOKIE,
            format!("{}; {waiting}", session.cookie_pair().unwrap()),
        )
        .body(Body::empty())
        .unwrap();
    let r = t.agent().send(req).await;
    assert_eq!(r.location(), rd);
    let r = auth_request(&session, rd, &[]).await;
    assert_eq!(r.status, StatusCode::OK, "upgraded without a new login");
}

#[tokio::test]
async fn fail_disabled_user_is_a_stranger_to_forward_auth() {
    let t = app().await;
    let alice = t.user("alice").await;
    assert_eq!(
        auth_request(&alice, "https://app.example.com/", &[])
            .await
            .status,
        StatusCode::OK
    );
    assert!(
        t.state
            .auth
            .admin_set_disabled("alice", true)
            .await
            .unwrap()
    );
    let r = auth_request(&alice, "https://app.example.com/", &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = t.agent().login("alice", PW).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "account_disabled");
    assert!(
        t.state
            .auth
            .admin_set_disabled("alice", false)
            .await
            .unwrap()
    );
    let r = t.agent().login("alice", PW).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn fail_closed_signup_refuses_page_and_api() {
    let t = TestApp::with_config(|c| c.auth.signup_open = false).await;
    let a = t.agent();
    let r = a.get("/signup").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains("Sign-up is closed"));
    let r = submit(
        &a,
        "/signup",
        &[
            ("username", "x"),
            ("password", PW),
            ("password_confirm", PW),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = a.signup("mallory", PW).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "signup_closed");
    assert!(t.store.list_users().await.unwrap().is_empty());
}

#[tokio::test]
async fn enrolment_link_sets_the_password_once() {
    let t = TestApp::with_config(|c| c.auth.signup_open = false).await;
    let (user, token) = t
        .state
        .auth
        .admin_add_user("Erin", &["Staff".to_owned()])
        .await
        .unwrap();
    assert_eq!(t.store.user_groups(user.id).await.unwrap(), ["staff"]);
    let a = t.agent();
    // Before enrolment no password works.
    assert_eq!(a.login("erin", PW).await.status, StatusCode::UNAUTHORIZED);
    let r = a.get(&format!("/enrol?token={}", token.expose())).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Erin"));
    let fields = [
        ("token", token.expose()),
        ("password", PW),
        ("password_confirm", PW),
    ];
    let r = submit(&a, "/enrol", &fields).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(a.login("erin", PW).await.status, StatusCode::OK);
    // Spent: the link is refused and nothing changes.
    let other = [
        ("token", token.expose()),
        ("password", "another long passphrase 9"),
        ("password_confirm", "another long passphrase 9"),
    ];
    let r = submit(&t.agent(), "/enrol", &other).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(t.agent().login("erin", PW).await.status, StatusCode::OK);
    let r = t.agent().get("/enrol?token=nonsense").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}
