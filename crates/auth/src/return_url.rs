//! Where a browser may be sent back after a login started by forward-auth
//! (`/login?rd=URL`): only an absolute `https` URL (or one with the public
//! URL's scheme) whose host is the cookie domain or under it — without a
//! cookie domain, the public URL's host exactly. Anything else is ignored,
//! so `rd` is never an open redirect.

use url::{Host, Url};

/// Longest `rd` looked at.
const MAX_LEN: usize = 4096;

/// The cookie domain as the rules compare it: ASCII (IDNA), lower case, no
/// leading dot; `None` if it is not a domain name.
pub fn normalize_cookie_domain(domain: &str) -> Option<String> {
    let d = domain.trim().trim_start_matches('.');
    if d.is_empty() || d.contains(['/', ':', '@', '\\', ' ', '*']) {
        return None;
    }
    match Host::parse(d) {
        Ok(Host::Domain(ascii)) if ascii.contains('.') || ascii == "localhost" => Some(ascii),
        _ => None,
    }
}

/// Whether `host` (ASCII, lower case) is `domain` or a subdomain of it.
pub fn host_within(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

/// `rd` if it is a URL the browser may be sent to after a login, normalised
/// by the URL parser (IDNA hosts in ASCII); `None` otherwise.
///
/// `public_url` is Deadbolt's own; `cookie_domain` comes from
/// [`normalize_cookie_domain`].
pub fn safe_return_url(rd: &str, public_url: &Url, cookie_domain: Option<&str>) -> Option<Url> {
    if rd.is_empty() || rd.len() > MAX_LEN {
        return None;
    }
    // The URL parser forgives what browsers forgive (a backslash read as a
    // slash, white space and control characters stripped): refuse them here,
    // before anything is forgiven.
    if rd
        .chars()
        .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let lower = rd.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let url = Url::parse(rd).ok()?;
    let scheme_ok = url.scheme() == "https" || url.scheme() == public_url.scheme();
    if !scheme_ok || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let Some(Host::Domain(host)) = url.host() else {
        return None;
    };
    let allowed = match cookie_domain {
        Some(domain) => host_within(host, domain),
        None => public_url.host_str() == Some(host),
    };
    allowed.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public() -> Url {
        Url::parse("https://auth.example.com").unwrap()
    }

    #[test]
    fn return_urls_inside_the_cookie_domain_are_kept() {
        for good in [
            "https://example.com/",
            "https://app.example.com/a?b=c#d",
            "https://deep.app.example.com:8443/x",
            "https://APP.Example.COM/path",
        ] {
            let url = safe_return_url(good, &public(), Some("example.com"));
            assert!(url.is_some(), "{good}");
        }
        // Without a cookie domain: the public URL's host only.
        assert!(safe_return_url("https://auth.example.com/x", &public(), None).is_some());
        assert!(safe_return_url("https://app.example.com/x", &public(), None).is_none());
        // http only when the public URL is http.
        let http = Url::parse("http://auth.example.com").unwrap();
        assert!(safe_return_url("http://app.example.com/", &http, Some("example.com")).is_some());
        assert!(
            safe_return_url("http://app.example.com/", &public(), Some("example.com")).is_none()
        );
    }

    #[test]
    fn fail_hostile_return_urls_are_ignored() {
        for evil in [
            "",
            "/account",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil",
            "https://evil.example",
            "https:/evil.example",
            "https:evil.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://app.example.com/",
            "app.example.com",
            "https://example.com.attacker.net/",
            "https://evil.example.com.attacker.net/",
            "https://attackerexample.com/",
            "https://example.com@evil.example/",
            "https://user@app.example.com/",
            "https://user:pw@app.example.com/",
            "https://app.example.com%2F@evil.example/",
            "https://evil.example#@app.example.com/",
            "https://evil.example?@app.example.com/",
            "https://evil.example\\@app.example.com/",
            "https:\\\\evil.example",
            "https://app.example.com\\@evil.example/",
            "https://exаmple.com/", // Cyrillic a
            "https://app.exаmple.com/",
            "https://app.example.com\u{3002}evil.example/",
            "https://evil.example:443/",
            "https://app.example.com:443@evil.example/",
            "https://127.0.0.1/",
            "https://[::1]/",
            " https://app.example.com/",
            "https://app.example.com/\n",
            "https://app.example.com/\r\nSet-Cookie:x",
            "https://app.example.com/\0",
            "https://app.example.com/\t",
            "http://app.example.com/",
        ] {
            assert_eq!(
                safe_return_url(evil, &public(), Some("example.com")),
                None,
                "{evil:?}"
            );
        }
        assert!(
            safe_return_url(
                &format!("https://app.example.com/{}", "a".repeat(5000)),
                &public(),
                Some("example.com")
            )
            .is_none()
        );
    }

    #[test]
    fn cookie_domains_are_checked() {
        assert_eq!(
            normalize_cookie_domain(".Example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            normalize_cookie_domain("bücher.example").as_deref(),
            Some("xn--bcher-kva.example")
        );
        for bad in [
            "",
            "com",
            "example.com/x",
            "*.example.com",
            "1.2.3.4",
            "a b.com",
            "example.com:80",
        ] {
            assert_eq!(normalize_cookie_domain(bad), None, "{bad:?}");
        }
        assert!(host_within("a.example.com", "example.com"));
        assert!(!host_within("aexample.com", "example.com"));
    }
}
