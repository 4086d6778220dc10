//! The eleven languages: the catalogues against each other and against the
//! code that uses them (every key everywhere, every placeholder passed, no
//! key unused, no English left in a template), then the pages and the API
//! as a browser in each language sees them, and how the language is chosen;
//! the letters speak the same languages (their own catalogues are checked
//! by `crates/mail/tests/i18n.rs`), and what a proxy shows from forward-auth
//! follows the browser's language.
//!
//! Over 600 lines on purpose: the page checks reuse the catalogue readers
//! above them (the English sentences no other language may contain).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use deadbolt_server::i18n::{Arg, LANGUAGES, Lang};

use crate::forward_auth as fa;
use crate::support::{Agent, PW, Resp, TestApp};

const SECURITY: &str = "/settings/account/security";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `key -> source` of one catalogue (multi-line messages joined).
fn catalogue(code: &str) -> BTreeMap<String, String> {
    let path = crate_dir().join("locales").join(code).join("deadbolt.ftl");
    deadbolt_testkit::ftl::catalogue(&path, code)
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Every place a key is used, with the argument names the call passes
/// (`None`: the key is chosen as a literal and passed on, no arguments).
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let mut sources = Vec::new();
    files(&crate_dir().join("templates"), "html", &mut sources);
    files(&crate_dir().join("src"), "rs", &mut sources);
    let english = catalogue("en");
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        // Every string literal that is a key counts as a use.
        // (Templates nest quotes: `aria-label="{{ "k"|t }}"`, so every piece counts.)
        for piece in text.split('"') {
            if english.contains_key(piece) {
                used.entry(piece.to_owned()).or_default();
            }
        }
        // Calls that pass arguments: `"k"|tn(`, `"k"|t1("name"`, `ta("k", &[("name"`, `name("k"`.
        for (i, _) in text.match_indices("|tn(") {
            let key = text[..i].rsplit('"').nth(1).unwrap();
            used.entry(key.to_owned())
                .or_default()
                .insert("count".into());
        }
        for (i, _) in text.match_indices("|t1(\"") {
            let key = text[..i].rsplit('"').nth(1).unwrap();
            let name = text[i + 5..].split('"').next().unwrap();
            used.entry(key.to_owned()).or_default().insert(name.into());
        }
        for (i, _) in text.match_indices("ta(") {
            if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(rest) = text[i + 3..].trim_start().strip_prefix('"') else {
                continue;
            };
            let key = rest.split('"').next().unwrap();
            // The argument list ends with the call: `])`, `)],` (rustfmt's layout) or `;`.
            let end = ["])", ")]", ";"]
                .iter()
                .filter_map(|t| rest.find(t))
                .min()
                .unwrap_or(0);
            let call = &rest[..end];
            for (j, _) in call.match_indices('(') {
                if let Some(name) = call[j + 1..].trim_start().strip_prefix('"') {
                    let name = name.split('"').next().unwrap();
                    used.entry(key.to_owned()).or_default().insert(name.into());
                }
            }
        }
        for (i, _) in text.match_indices("name(\"") {
            if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key = text[i + 6..].split('"').next().unwrap();
            used.entry(key.to_owned())
                .or_default()
                .insert("name".into());
        }
    }
    used
}

#[test]
fn every_language_has_every_key_and_only_the_placeholders_the_code_passes() {
    let english = catalogue("en");
    let used = uses();
    for key in english.keys() {
        assert!(used.contains_key(key), "en: {key} is never used: remove it");
    }
    for (key, passed) in &used {
        assert!(
            english.contains_key(key),
            "{key} is used but not in the catalogue"
        );
        for lang in LANGUAGES {
            let messages = catalogue(lang.code);
            let Some(source) = messages.get(key) else {
                panic!("{}: {key} is missing", lang.code);
            };
            let missing: Vec<_> = deadbolt_testkit::ftl::variables(source)
                .difference(passed)
                .cloned()
                .collect();
            assert!(
                missing.is_empty(),
                "{}: {key} uses {missing:?}, never passed",
                lang.code
            );
        }
    }
    for lang in LANGUAGES {
        let keys: BTreeSet<_> = catalogue(lang.code).into_keys().collect();
        let extra: Vec<_> = keys.iter().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            extra.is_empty(),
            "{}: keys English does not have: {extra:?}",
            lang.code
        );
    }
}

/// The words a template may show without a catalogue: names.
const NAMES: &[&str] = &[
    "Deadbolt",
    "Google",
    "Authenticator",
    "Authy",
    "FreeOTP",
    "Aegis",
    "Android",
    "iOS",
    "SHA",
];

#[test]
fn templates_have_no_text_outside_the_catalogues() {
    let mut templates = Vec::new();
    files(&crate_dir().join("templates"), "html", &mut templates);
    for path in templates {
        // The page width is a class name chosen by a block, not text.
        let mut text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("{% block width %}wide{% endblock %}", "")
            .replace("{% block width %}narrow{% endblock %}", "");
        for (open, close) in [
            ("{#", "#}"),
            ("{%", "%}"),
            ("{{", "}}"),
            ("<script", "</script>"),
        ] {
            while let Some(start) = text.find(open) {
                let end = text[start..]
                    .find(close)
                    .map_or(text.len(), |e| start + e + close.len());
                text.replace_range(start..end, " ");
            }
        }
        // What a reader sees: text between tags, and the attributes read aloud or shown.
        let mut shown = String::new();
        for piece in text.split('<') {
            let (tag, after) = piece.split_once('>').unwrap_or(("", piece));
            shown.push_str(after);
            shown.push(' ');
            for attr in ["title=\"", "aria-label=\"", "placeholder=\"", "alt=\""] {
                if let Some(i) = tag.find(attr) {
                    shown.push_str(tag[i + attr.len()..].split('"').next().unwrap());
                    shown.push(' ');
                }
            }
        }
        for word in shown.split(|c: char| !c.is_alphabetic()) {
            assert!(
                word.is_empty() || NAMES.contains(&word),
                "{}: {word:?} is shown but not in a catalogue",
                path.display()
            );
        }
    }
}

/// A user's stored language names a page language; the letters
/// (`deadbolt-mail`'s own catalogues) must speak the same ones.
#[test]
fn the_letters_speak_the_languages_of_the_pages() {
    let letters: Vec<&str> = deadbolt_auth::mail::LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .collect();
    let pages: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
    assert_eq!(letters, pages);
}

#[test]
fn plural_forms_follow_each_language() {
    let text = |code: &str, n: i64| {
        Lang::from_code(code)
            .unwrap()
            .text("backup-codes-left", &[("count", Arg::Number(n))])
    };
    assert_eq!(text("en", 1), "1 backup code left.");
    assert_eq!(text("en", 2), "2 backup codes left.");
    // Russian: one (1, 21), few (2-4, 22), many (5-20): three different words.
    let ru: BTreeSet<_> = [1, 3, 5]
        .iter()
        .map(|&n| text("ru", n).replace(&n.to_string(), ""))
        .collect();
    assert_eq!(ru.len(), 3, "{ru:?}");
    assert_eq!(
        text("ru", 21).replace("21", ""),
        text("ru", 1).replace('1', "")
    );
    // Czech: one (1), few (2-4), other (5+).
    let cs: BTreeSet<_> = [1, 3, 5]
        .iter()
        .map(|&n| text("cs", n).replace(&n.to_string(), ""))
        .collect();
    assert_eq!(cs.len(), 3, "{cs:?}");
}

// ------------------------------------------------------------ over HTTP

/// English sentences (three words or more, no placeholder) of the catalogue.
fn english_sentences() -> Vec<String> {
    catalogue("en")
        .into_iter()
        .filter(|(key, v)| {
            !v.contains('{') && v.split(' ').count() >= 3 && key != "datetime-pattern"
        })
        .map(|(_, v)| v)
        .collect()
}

fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn get_in(a: &Agent, path: &str, accept_language: &str) -> Resp {
    let req = Request::get(path)
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap();
    a.send(req).await
}

async fn post_form_in(a: &Agent, path: &str, body: &str, accept_language: &str) -> Resp {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::from(body.to_owned()))
        .unwrap();
    a.send(req).await
}

fn html_lang(r: &Resp) -> String {
    let text = r.text();
    let start = text.find("<html lang=\"").expect("an <html lang>") + 12;
    text[start..].split('"').next().unwrap().to_owned()
}

fn assert_translated(r: &Resp, code: &str, page: &str) {
    assert_eq!(r.status, StatusCode::OK, "{page} in {code}: {}", r.text());
    assert_eq!(html_lang(r), code, "{page}");
    if code == "en" {
        return;
    }
    let text = unescape(&r.text());
    for sentence in english_sentences() {
        assert!(
            !text.contains(&sentence),
            "{page} in {code} still says {sentence:?}"
        );
    }
}

#[tokio::test]
async fn the_pages_speak_each_language() {
    let app = TestApp::new().await;
    let (_owner, _secret) = app.user_with_2fa("ines").await;
    let signed_in = app.user("olga").await;
    for lang in LANGUAGES {
        let code = lang.code;
        // Every language takes a password step and a set-up: let the budgets refill.
        app.clock.advance(600);
        let pending = app.pending("ines").await;
        let anon = app.agent();
        for page in ["/login", "/signup"] {
            assert_translated(&get_in(&anon, page, code).await, code, page);
        }
        assert_translated(
            &get_in(&pending, "/login/2fa", code).await,
            code,
            "/login/2fa",
        );
        assert_translated(&get_in(&signed_in, SECURITY, code).await, code, SECURITY);
        let setup = format!("{SECURITY}/two-factor/setup");
        assert_translated(&get_in(&signed_in, &setup, code).await, code, &setup);
        // The QR page after the password; the app's label stays as configured.
        let r = post_form_in(
            &signed_in,
            &setup,
            &format!("password={}", PW.replace(' ', "+")),
            code,
        )
        .await;
        assert_translated(&r, code, "the QR page");
        assert!(
            r.text().contains("otpauth://totp/Deadbolt%20Test:olga?"),
            "{code}: the label changed: {}",
            r.text()
        );
    }
}

/// The single sign-on error page (an unknown application, a return
/// address it never registered) in each language: the reason too, not only
/// the frame around it.
#[tokio::test]
async fn the_sign_on_error_page_speaks_each_language() {
    let app = TestApp::new().await;
    let anon = app.agent();
    for lang in LANGUAGES {
        let code = lang.code;
        let words = catalogue(code);
        let r = get_in(
            &anon,
            "/oauth2/authorize?response_type=code&scope=openid&client_id=nope\
             &redirect_uri=https%3A%2F%2Fapp.example%2Fcb",
            code,
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{code}: {}", r.text());
        assert!(r.header("location").is_none(), "never redirected to");
        assert_eq!(html_lang(&r), code);
        let text = unescape(&r.text());
        assert!(
            text.contains(&words["oidc-error-unknown-client"]),
            "{code}: the reason is not in the page: {text}"
        );
        if code != "en" {
            for sentence in english_sentences() {
                assert!(!text.contains(&sentence), "{code} still says {sentence:?}");
            }
        }
    }
}

#[tokio::test]
async fn accept_language_is_negotiated() {
    let app = TestApp::new().await;
    let a = app.agent();
    for (header, want) in [
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
        ("pt-BR", "pt"),
        ("sv-SE,sv;q=0.9", "sv"),
        ("en;q=0.2, ru;q=0.9, de;q=0.5", "ru"),
        ("ja, zh-CN;q=0.8, cs;q=0.1", "cs"),
        ("de;q=0, it", "it"),
        ("ja, zh", "en"),
        ("*", "en"),
        ("%%%;;q=abc,,;=, -", "en"),
    ] {
        let r = get_in(&a, "/login", header).await;
        assert_eq!(html_lang(&r), want, "{header:?}");
        assert_eq!(r.header("content-language"), Some(want));
    }
    let huge = format!("{}fr", "x-long, ".repeat(200));
    assert_eq!(
        html_lang(&get_in(&a, "/login", &huge).await),
        "en",
        "oversized"
    );
}

#[tokio::test]
async fn query_then_cookie_then_header_then_default() {
    let app = TestApp::with_config(|c| c.default_language = Lang::from_code("de").unwrap()).await;
    let send = |path: &str, cookie: Option<&str>, accept: Option<&str>| {
        let mut req = Request::get(path);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        if let Some(a) = accept {
            req = req.header(header::ACCEPT_LANGUAGE, a);
        }
        let router = app.router.clone();
        let req = req.body(Body::empty()).unwrap();
        async move {
            use tower::ServiceExt;
            let resp = router.oneshot(req).await.unwrap();
            let set_cookie = resp
                .headers()
                .get(header::SET_COOKIE)
                .map(|v| v.to_str().unwrap().to_owned());
            let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
                .await
                .unwrap();
            (String::from_utf8(body.to_vec()).unwrap(), set_cookie)
        }
    };
    let lang_of = |html: &str| html.split("<html lang=\"").nth(1).unwrap()[..2].to_owned();
    // ?lang= wins and is remembered.
    let (html, cookie) = send("/login?lang=ru", Some("lang=fr"), Some("it")).await;
    assert_eq!(lang_of(&html), "ru");
    let cookie = cookie.expect("?lang= sets the cookie");
    assert!(
        cookie.starts_with("lang=ru;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // The cookie beats Accept-Language; nothing is set again.
    let (html, cookie) = send("/login", Some("lang=ru"), Some("it")).await;
    assert_eq!((lang_of(&html).as_str(), cookie), ("ru", None));
    // A bad ?lang= or cookie is ignored: the next source decides, never an error.
    let (html, cookie) = send("/login?lang=xx", Some("lang=fr"), Some("it")).await;
    assert_eq!((lang_of(&html).as_str(), cookie), ("fr", None));
    let (html, _) = send("/login", Some("lang=%3Cscript%3E"), Some("it")).await;
    assert_eq!(lang_of(&html), "it");
    // Nothing usable: --default-language.
    let (html, _) = send(
        "/login?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        None,
        Some("ja"),
    )
    .await;
    assert_eq!(lang_of(&html), "de");
    assert!(!html.contains("<script>alert"), "reflected");
    // The language menu links back to this page in each language.
    for lang in LANGUAGES {
        assert!(
            html.contains(&format!("href=\"/login?lang={}\"", lang.code)),
            "{}",
            lang.code
        );
    }
}

#[tokio::test]
async fn api_messages_follow_the_language_and_codes_do_not() {
    let app = TestApp::new().await;
    app.user("pavel").await;
    let a = app.agent();
    let req = Request::post("/api/v1/login")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9")
        .body(Body::from(
            r#"{"username":"pavel","password":"wrong password here"}"#,
        ))
        .unwrap();
    let r = a.send(req).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "invalid_credentials");
    let ru = Lang::from_code("ru").unwrap();
    assert_eq!(
        r.json["error"]["message"],
        ru.text("err-invalid-credentials", &[])
    );
    assert!(
        r.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("пароль")
    );
}

/// Extra request headers.
type Headers<'a> = &'a [(&'a str, &'a [u8])];

/// What a proxy shows the user (a refusal, a 403, a 401) is in the
/// language the user's browser asked for (proxies pass `Accept-Language`
/// and the `lang` cookie on); the error codes stay the same.
#[tokio::test]
async fn refusals_speak_the_browsers_language() {
    let t = fa::app().await;
    let anon = t.agent();
    let cases: [(&str, Headers, StatusCode, &str); 4] = [
        (
            "https://closed.example.com/",
            &[],
            StatusCode::FORBIDDEN,
            "access_denied",
        ),
        (
            "https://app.example.com/",
            &[],
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        ),
        (
            "ftp://app.example.com/",
            &[],
            StatusCode::BAD_REQUEST,
            "invalid_forwarded_request",
        ),
        (
            "https://app.example.com/",
            &[("x-original-method", b"G E T".as_slice())],
            StatusCode::BAD_REQUEST,
            "invalid_forwarded_request",
        ),
    ];
    for (url, extra, status, code) in cases {
        let mut messages = std::collections::BTreeSet::new();
        for (lang, cookie) in [
            ("en", None),
            ("fr", None),
            ("de", None),
            ("ru", Some("lang=ru")),
        ] {
            let mut headers: Vec<(&str, &[u8])> = extra.to_vec();
            // The cookie wins over the header, as on the pages.
            let header: &[u8] = if cookie.is_some() {
                b"sv"
            } else {
                lang.as_bytes()
            };
            headers.push(("accept-language", header));
            if let Some(c) = cookie {
                headers.push(("cookie", c.as_bytes()));
            }
            let r = fa::auth_request(&anon, url, &headers).await;
            assert_eq!(r.status, status, "{url} in {lang}: {}", r.text());
            assert_eq!(r.header("content-language"), Some(lang));
            assert_eq!(r.json["error"]["code"], code);
            let message = r.json["error"]["message"].as_str().unwrap().to_owned();
            assert!(!message.is_empty());
            messages.insert(message);
        }
        assert_eq!(messages.len(), 4, "one message per language: {messages:?}");
    }
    let r = fa::auth_request(
        &anon,
        "https://closed.example.com/",
        &[("accept-language", b"fr".as_slice())],
    )
    .await;
    assert_eq!(
        r.json["error"]["message"],
        "Vous n'êtes pas autorisé à ouvrir cette page."
    );
    // A header named in the message keeps its name.
    let headers = [("accept-language", b"de".as_slice())];
    let r = fa::forward_auth(&anon, fa::PROXY, &headers).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["error"]["message"], "x-forwarded-proto fehlt.");
    // An untrusted peer's refusal too.
    let r = fa::forward_auth(&anon, "198.51.100.7:1", &headers).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        r.json["error"]["message"],
        "Weitergeleiteten Headern wird nur von einer --trusted-proxy-Adresse geglaubt."
    );
}
