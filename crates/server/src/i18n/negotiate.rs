//! Choosing a request's language: `?lang=xx` (remembered in a `lang`
//! cookie) > the `lang` cookie > `Accept-Language` > `--default-language`.
//!
//! Every input here is the client's and may be anything: a value that is
//! not exactly one of [`LANGUAGES`](super::LANGUAGES)' codes is ignored (the
//! next source decides), never an error and never echoed. `Accept-Language`
//! is read with its q-values (RFC 9110 §12.5.4; `fluent-langneg`'s own
//! parser ignores them), then matched by `fluent-langneg` so that `pt-BR`
//! finds `pt` and `sv-SE` finds `sv`.

use std::sync::LazyLock;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_templates::LanguageIdentifier;

use super::{Current, Lang};
use crate::state::AppState;

/// The cookie that remembers a `?lang=` choice.
pub const COOKIE: &str = "lang";

/// A longer `Accept-Language` is not read (browsers send well under 200 bytes).
pub const MAX_ACCEPT_LANGUAGE: usize = 512;

/// At most this many ranges of an `Accept-Language` are read.
const MAX_RANGES: usize = 16;

/// The outcome of [`choose`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The language to answer in.
    pub lang: Lang,
    /// `?lang=` named a language: remember it in the cookie (and as a
    /// signed-in user's language).
    pub remember: bool,
    /// The client asked for it (`?lang=`, the cookie or `Accept-Language`),
    /// rather than getting the default: sign-up and sign-in store it.
    pub asked: bool,
}

/// Choose the language from the request's `lang` query value, `lang`
/// cookie and `Accept-Language` header, else `default`.
pub fn choose(
    query: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&[u8]>,
    default: Lang,
) -> Choice {
    if let Some(lang) = query.and_then(Lang::from_code) {
        return Choice {
            lang,
            remember: true,
            asked: true,
        };
    }
    let asked = cookie
        .and_then(Lang::from_code)
        .or_else(|| accept_language.and_then(from_accept_language));
    Choice {
        lang: asked.unwrap_or(default),
        remember: false,
        asked: asked.is_some(),
    }
}

static AVAILABLE: LazyLock<Vec<LanguageIdentifier>> =
    LazyLock::new(|| Lang::all().map(|l| l.id().clone()).collect());

/// The best language of an `Accept-Language` header, if it names one of
/// ours (or a region of one). `*` and unknown languages name none.
pub fn from_accept_language(header: &[u8]) -> Option<Lang> {
    if header.len() > MAX_ACCEPT_LANGUAGE {
        return None;
    }
    let header = std::str::from_utf8(header).ok()?;
    let mut ranges: Vec<(u16, LanguageIdentifier)> = Vec::new();
    for item in header.split(',').take(MAX_RANGES) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let Some(weight) = weight(parts) else {
            continue;
        };
        if weight == 0 || tag.is_empty() || tag == "*" {
            continue;
        }
        if let Ok(id) = tag.parse::<LanguageIdentifier>() {
            ranges.push((weight, id));
        }
    }
    // Highest weight first; equal weights keep the header's order.
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    let requested: Vec<LanguageIdentifier> = ranges.into_iter().map(|(_, id)| id).collect();
    let best = negotiate_languages(&requested, &AVAILABLE, None, NegotiationStrategy::Filtering);
    let best = best.first()?;
    Lang::all().find(|l| l.id() == *best)
}

/// The weight of a range in thousandths (`q=0.8` is 800, none is 1000);
/// `None` for a malformed parameter, which drops the range.
fn weight<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut weight = 1000;
    for param in params {
        let param = param.trim();
        let value = param
            .strip_prefix("q=")
            .or_else(|| param.strip_prefix("Q="))?;
        // RFC 9110: `0[.ddd]` or `1[.000]`.
        let (int, frac) = value.split_once('.').unwrap_or((value, ""));
        if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let thousandths: u16 = format!("{frac:0<3}").parse().ok()?;
        weight = match int {
            "0" => thousandths,
            "1" if thousandths == 0 => 1000,
            _ => return None,
        };
    }
    Some(weight)
}

/// The `lang` value of a query string, if any.
fn query_lang(query: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned())
}

/// The path the language menu links back to: the request's own, unless
/// it could read as another host (`//evil`, `/\\evil`) or is long.
fn menu_path(path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && path.len() <= 256
    {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

/// The middleware: choose the language, serve the request in it, and
/// remember a `?lang=` choice in the cookie (not secret: `SameSite=Lax`,
/// a year).
pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let query = req.uri().query().and_then(query_lang);
    let cookie = crate::session::cookie_value(req.headers(), COOKIE);
    let choice = choose(
        query.as_deref(),
        cookie.as_deref(),
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .map(HeaderValue::as_bytes),
        state.config.default_language,
    );
    let current = Current {
        lang: choice.lang,
        path: menu_path(req.uri().path()),
        asked: choice.asked,
        chosen: choice.remember,
    };
    let mut response = super::scope(current, next.run(req)).await;
    if choice.remember {
        let secure = if state.config.secure_cookies {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}",
            choice.lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(choice.lang.code()),
    );
    response.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(header: &str) -> Option<&'static str> {
        from_accept_language(header.as_bytes()).map(Lang::code)
    }

    #[test]
    fn menu_paths_stay_local() {
        assert_eq!(menu_path("/login"), "/login");
        assert_eq!(menu_path("//evil.example/x"), "/");
        assert_eq!(menu_path("/\\evil.example"), "/");
        assert_eq!(menu_path(&format!("/{}", "a".repeat(300))), "/");
    }

    #[test]
    fn weights() {
        assert_eq!(weight(["q=0.8"].into_iter()), Some(800));
        assert_eq!(weight(["q=1"].into_iter()), Some(1000));
        assert_eq!(weight(["q=0"].into_iter()), Some(0));
        assert_eq!(weight(["q=0.05"].into_iter()), Some(50));
        assert_eq!(weight([].into_iter()), Some(1000));
        for bad in ["q=2", "q=1.5", "q=0.1234", "q=", "q=abc", "q=-1", "x=1"] {
            assert_eq!(weight([bad].into_iter()), None, "{bad}");
        }
    }

    #[test]
    fn accept_language_cases() {
        assert_eq!(code("fr"), Some("fr"));
        assert_eq!(code("pt-BR,pt;q=0.9"), Some("pt"));
        assert_eq!(code("sv-SE"), Some("sv"));
        assert_eq!(code("en-US;q=0.5, ru;q=0.9"), Some("ru"));
        assert_eq!(code("ja, de;q=0.1"), Some("de"));
        assert_eq!(code("de;q=0, it"), Some("it"));
        assert_eq!(code("ja, zh-CN"), None);
        assert_eq!(code("*"), None);
        assert_eq!(code(""), None);
        assert_eq!(code(";;;,,,q=1"), None);
        assert_eq!(code("<script>alert(1)</script>"), None);
        assert_eq!(code(&"fr,".repeat(300)), None, "oversized");
    }

    #[test]
    fn order_of_sources() {
        let ru = Lang::from_code("ru").unwrap();
        let fr = Lang::from_code("fr").unwrap();
        let de = Lang::from_code("de").unwrap();
        let c = choose(Some("ru"), Some("fr"), Some(b"de"), Lang::ENGLISH);
        assert_eq!(
            c,
            Choice {
                lang: ru,
                remember: true,
                asked: true,
            }
        );
        let c = choose(Some("xx"), Some("fr"), Some(b"de"), Lang::ENGLISH);
        assert_eq!(
            c,
            Choice {
                lang: fr,
                remember: false,
                asked: true,
            }
        );
        let c = choose(None, Some("bad"), Some(b"de"), Lang::ENGLISH);
        assert_eq!(c.lang, de);
        assert!(c.asked);
        let c = choose(None, None, Some(b"ja"), fr);
        assert_eq!(c.lang, fr);
        assert!(!c.asked && !c.remember, "the default was not asked for");
    }
}
