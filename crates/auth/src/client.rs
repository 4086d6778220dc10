//! Who is asking, as plain data (the HTTP layer builds it from the socket
//! and headers; the CLI builds the operator's).

use std::net::IpAddr;

use deadbolt_mail::Browser;

use crate::secret::DeviceCookie;

/// The client behind a request: its address (for events and per-address
/// budgets), its browser (for the session list) and the device cookie it
/// holds, if any.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    /// The client's address; `None` when unknown (no socket, as in tests).
    pub ip: Option<IpAddr>,
    /// The `User-Agent`, already trimmed of control characters and truncated.
    pub user_agent: String,
    /// The device cookie this browser got at an earlier right password, if
    /// any: a genuine one for the username being tried gives the browser its
    /// own password-guessing allowance, so a stranger who exhausts the
    /// username's allowance cannot lock its owner out.
    pub device_cookie: Option<DeviceCookie>,
    /// The language the client asked for (`fr`): by the language menu, its
    /// `lang` cookie or `Accept-Language`; `None` when it asked for none
    /// the server speaks (then the stored one is kept). Sign-up and sign-in
    /// store it as the user's language, the language of their letters.
    pub language: Option<String>,
}

impl ClientInfo {
    /// The address as recorded with events and sessions (`unknown` without one).
    pub fn address(&self) -> String {
        self.ip
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }
}

/// A User-Agent header as names a reader knows: the browser and the
/// system (`Firefox`, `Linux`), or a short form of what an unknown client
/// sent. The words around them belong to the reader's language: the pages
/// and the letters put them in (`{browser} on {system}`).
pub fn browser_name(user_agent: &str) -> Browser<'_> {
    let ua = user_agent;
    let browser = if ua.contains("Edg/") {
        Some("Edge")
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        Some("Opera")
    } else if ua.contains("Firefox/") || ua.contains("FxiOS/") {
        Some("Firefox")
    } else if ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/") {
        Some("Chrome")
    } else if ua.contains("Safari/") {
        Some("Safari")
    } else if ua.starts_with("curl/") {
        Some("curl")
    } else {
        None
    };
    let system = if ua.contains("iPhone") {
        Some("iPhone")
    } else if ua.contains("iPad") {
        Some("iPad")
    } else if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("macOS")
    } else if ua.contains("CrOS") {
        Some("ChromeOS")
    } else if ua.contains("Linux") {
        Some("Linux")
    } else {
        None
    };
    match (browser, system) {
        (Some(browser), Some(system)) => Browser::On { browser, system },
        (Some(b), None) => Browser::Named(b),
        (None, Some(s)) => Browser::OnSystem(s),
        (None, None) if ua.trim().is_empty() => Browser::Unknown,
        (None, None) => {
            let end = ua.char_indices().nth(40).map_or(ua.len(), |(i, _)| i);
            Browser::Other {
                text: &ua[..end],
                truncated: end < ua.len(),
            }
        }
    }
}

/// [`browser_name`] in English words ("Chrome on Linux"), for logs and
/// tests; readers get their own language's.
pub fn browser_and_device(user_agent: &str) -> String {
    match browser_name(user_agent) {
        Browser::On { browser, system } => format!("{browser} on {system}"),
        Browser::Named(b) => b.to_owned(),
        Browser::OnSystem(s) => format!("A browser on {s}"),
        Browser::Unknown => "Unknown browser".to_owned(),
        Browser::Other { text, truncated } => {
            if truncated {
                format!("{text}…")
            } else {
                text.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_in_plain_words() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert_eq!(browser_and_device(chrome), "Chrome on Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(browser_and_device(iphone), "Safari on iPhone");
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
        assert_eq!(browser_and_device(firefox), "Firefox on Windows");
        assert_eq!(browser_and_device(""), "Unknown browser");
        assert_eq!(browser_and_device("deadbolt-test"), "deadbolt-test");
        assert_eq!(
            browser_name(chrome),
            Browser::On {
                browser: "Chrome",
                system: "Linux"
            }
        );
        let long = "x".repeat(50);
        assert_eq!(
            browser_name(&long),
            Browser::Other {
                text: &long[..40],
                truncated: true
            }
        );
        let cyrillic = "ж".repeat(41);
        assert!(matches!(
            browser_name(&cyrillic),
            Browser::Other {
                truncated: true,
                ..
            }
        ));
    }
}
