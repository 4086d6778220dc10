//! The OpenID Connect provider through the built binary, driven by an
//! independent client library (the `openidconnect` crate, over the tests'
//! own HTTP client) and by a browser-like cookie jar on the real pages:
//! the login with its second factor (codes from `oathtool`), the consent
//! page, the code, the tokens; then every rule's failing case.

mod flows;
mod rules;

use std::net::SocketAddr;
use std::process::Command;

use openidconnect::PkceCodeChallenge;
use serde_json::Value;

use crate::http::{Resp, request};
use crate::node::{Node, PASSWORD, TempDir, run_ok};

pub const REDIRECT: &str = "http://127.0.0.1:9/cb";

/// A port that was free a moment ago (the issuer must be the URL clients use).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A node whose public URL is its real address: (node, data dir, issuer).
pub fn oidc_node(extra: &[&str]) -> (Node, TempDir, String) {
    let dir = TempDir::new("deadbolt_oidc");
    let listen = format!("127.0.0.1:{}", free_port());
    let mut args = vec!["--data-dir", dir.str(), "--listen", &listen];
    args.extend_from_slice(extra);
    let node = Node::start(&args, &[]);
    let issuer = format!("http://{listen}");
    (node, dir, issuer)
}

/// `oidc client add NAME ...`: (client_id, secret).
pub fn add_client(dir: &str, name: &str, extra: &[&str]) -> (String, Option<String>) {
    let mut args = vec![
        "oidc",
        "client",
        "add",
        name,
        "--redirect-uri",
        REDIRECT,
        "--data-dir",
        dir,
    ];
    args.extend_from_slice(extra);
    let out = run_ok(&args, &[]);
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
    };
    (
        field("client_id:").expect("a client id"),
        field("client_secret:"),
    )
}

/// The openidconnect crate's HTTP client: our blocking one.
pub fn http(
    addr: SocketAddr,
) -> impl Fn(openidconnect::HttpRequest) -> Result<openidconnect::HttpResponse, std::io::Error> {
    move |req: openidconnect::HttpRequest| {
        let path = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        let skip = ["content-length", "host", "connection"];
        let headers: Vec<(String, String)> = req
            .headers()
            .iter()
            .filter(|(k, _)| !skip.contains(&k.as_str()))
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let body = req.body();
        let post = req.method() == openidconnect::http::Method::POST;
        let r = request(
            addr,
            req.method().as_str(),
            &path,
            &refs,
            (post || !body.is_empty()).then_some(body.as_slice()),
        )?;
        let mut b = openidconnect::http::Response::builder().status(r.status);
        for (k, v) in &r.headers {
            if !k.eq_ignore_ascii_case("transfer-encoding") {
                b = b.header(k.as_str(), v.as_str());
            }
        }
        b.body(r.body).map_err(std::io::Error::other)
    }
}

/// The page's CSP says `form-action {sources}` (up to its `;`).
#[track_caller]
pub fn form_action_is(page: &Resp, sources: &str) {
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains(&format!("form-action {sources}")),
        "form-action {sources} expected: {csp}"
    );
}

/// `application/x-www-form-urlencoded`.
pub fn form(fields: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

/// A query parameter of a URL or path.
pub fn param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// A browser: a cookie jar on the real pages, same-origin form posts.
pub struct Browser {
    pub addr: SocketAddr,
    cookies: Vec<(String, String)>,
}

impl Browser {
    pub fn new(addr: SocketAddr) -> Self {
        Browser {
            addr,
            cookies: Vec::new(),
        }
    }

    pub fn send(&mut self, method: &str, path: &str, body: Option<&str>) -> Resp {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut headers = vec![("Accept", "text/html"), ("Sec-Fetch-Site", "same-origin")];
        if !cookie.is_empty() {
            headers.push(("Cookie", &cookie));
        }
        if body.is_some() {
            headers.push(("Content-Type", "application/x-www-form-urlencoded"));
        }
        let r = request(self.addr, method, path, &headers, body.map(str::as_bytes))
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        for sc in r.set_cookies() {
            let pair = sc.split(';').next().unwrap_or("").trim();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(k, _)| k != name);
                if !value.is_empty() && !sc.to_ascii_lowercase().contains("max-age=0") {
                    self.cookies.push((name.to_owned(), value.to_owned()));
                }
            }
        }
        r
    }

    /// GET `path` and follow local redirects; stops at a page or at a
    /// redirect elsewhere (the client's redirect URI).
    pub fn follow(&mut self, path: &str) -> Resp {
        let mut path = path.to_owned();
        for _ in 0..10 {
            let r = self.send("GET", &path, None);
            match r.header("location") {
                Some(l) if (300..400).contains(&r.status) && l.starts_with('/') => {
                    path = l.to_owned();
                }
                _ => return r,
            }
        }
        panic!("too many redirects");
    }

    /// From the login page the authorize request led to, sign in with the
    /// password (and `code`, for a user with 2FA), then follow on.
    pub fn sign_in(&mut self, at_login: &Resp, username: &str, code: Option<&str>) -> Resp {
        let next = hidden(&at_login.text(), "next").expect("the login page carries next");
        let r = self.send(
            "POST",
            "/login",
            Some(&form(&[
                ("username", username),
                ("password", PASSWORD),
                ("next", &next),
            ])),
        );
        assert_eq!(r.status, 303, "login: {}", r.text());
        let mut location = r.header("location").expect("location").to_owned();
        if let Some(code) = code {
            assert!(location.starts_with("/login/2fa"), "{location}");
            let r = self.send(
                "POST",
                "/login/2fa",
                Some(&form(&[("code", code), ("next", &next)])),
            );
            assert_eq!(r.status, 303, "2fa: {}", r.text());
            location = r.header("location").expect("location").to_owned();
        }
        self.follow(&location)
    }

    /// Answer the consent page.
    pub fn consent(&mut self, page: &Resp, decision: &str) -> Resp {
        assert_eq!(page.status, 200, "{}", page.text());
        let html = page.text();
        assert!(
            html.contains("consent-form"),
            "not the consent page: {html}"
        );
        let mut fields = hidden_fields(&html);
        fields.push(("decision".into(), decision.into()));
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.send("POST", "/oauth2/authorize", Some(&form(&refs)))
    }
}

pub(super) fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every `<input type="hidden" name=… value=…>` of a page, in order.
pub fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" ")
        .skip(1)
        .filter_map(|rest| {
            let name = rest.split("name=\"").nth(1)?.split('"').next()?;
            let value = rest.split("value=\"").nth(1)?.split('"').next()?;
            Some((unescape(name), unescape(value)))
        })
        .collect()
}

pub(super) fn hidden(html: &str, name: &str) -> Option<String> {
    hidden_fields(html)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The current TOTP code of a base32 secret, from `oathtool`.
pub fn oathtool(secret: &str) -> String {
    let out = Command::new("oathtool")
        .args(["--totp", "-b", secret])
        .output()
        .expect("oathtool must be installed (.ci/run installs it)");
    assert!(out.status.success(), "oathtool failed");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// query of an authorization request with PKCE, and its verifier.
pub fn pkce() -> (String, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    (challenge.as_str().to_owned(), verifier.secret().clone())
}

pub(super) fn authorize_path(pairs: &[(&str, &str)]) -> String {
    format!("/oauth2/authorize?{}", form(pairs))
}

/// The token endpoint with a form body and client_secret_post.
pub fn token(addr: SocketAddr, fields: &[(&str, &str)]) -> Resp {
    request(
        addr,
        "POST",
        "/oauth2/token",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        Some(form(fields).as_bytes()),
    )
    .unwrap()
}

/// Sign `user` in (password only) and get a code for `client_id`.
pub fn code_for(browser: &mut Browser, client_id: &str, challenge: &str, user: &str) -> String {
    let path = authorize_path(&[
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", REDIRECT),
        ("scope", "openid profile"),
        ("state", "s1"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ]);
    let mut r = browser.follow(&path);
    if r.text().contains("name=\"password\"") {
        r = browser.sign_in(&r, user, None);
    }
    if r.status == 200 {
        r = browser.consent(&r, "allow");
    }
    assert_eq!(r.status, 303, "{}", r.text());
    let location = r.header("location").unwrap();
    assert!(location.starts_with(REDIRECT), "{location}");
    param(location, "code").expect("a code")
}

pub(super) fn error_of(r: &Resp) -> String {
    let v: Value = r.json();
    v["error"].as_str().unwrap_or("").to_owned()
}
