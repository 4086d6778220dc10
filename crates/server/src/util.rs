//! Small helpers with no HTTP or store knowledge: safe redirects, time formatting.

/// Accept `next` only as a same-origin absolute path (`/settings`, `/a?b=c`).
///
/// Refused: anything not starting with exactly one `/` (`//evil`, `https://x`,
/// `javascript:`), any backslash (browsers read `/\evil` as `//evil`), control
/// characters and white space, and the same tricks percent-encoded
/// (`/%2F%2Fevil`, `%5C`), checked after each of several rounds of decoding.
pub fn safe_next(s: &str) -> Option<String> {
    if s.is_empty() || s.len() > 2048 {
        return None;
    }
    if s.contains(' ') {
        return None;
    }
    let mut current = s.to_owned();
    for _ in 0..4 {
        if !plain_path_ok(&current) {
            return None;
        }
        let lower = current.to_ascii_lowercase();
        // An encoded slash, backslash or control byte has no business in a local path.
        if lower.contains("%2f")
            || lower.contains("%5c")
            || lower.contains("%00")
            || lower.contains("%09")
            || lower.contains("%0a")
            || lower.contains("%0d")
            || lower.contains("%25")
        {
            return None;
        }
        match percent_decode(&current) {
            Some(d) if d == current => return Some(s.to_owned()),
            Some(d) => current = d,
            None => return None,
        }
    }
    None
}

fn plain_path_ok(p: &str) -> bool {
    let b = p.as_bytes();
    b.first() == Some(&b'/')
        && b.get(1) != Some(&b'/')
        && !p.contains('\\')
        && !p
            .chars()
            .any(|c| c.is_control() || (c.is_whitespace() && c != ' '))
}

/// Decode `%XX` escapes; `None` for a malformed escape or non-UTF-8 result.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encode a path for use as a query value (`/login?next=...`).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(c));
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

/// Unix seconds as RFC 3339 UTC (`2023-11-14T22:13:20Z`).
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_next_accepts_local_paths() {
        for good in [
            "/",
            "/account",
            "/settings/account/security",
            "/a?b=c&d=e",
            "/a#frag",
            "/caf%C3%A9",
            "/a%20b",
        ] {
            assert_eq!(safe_next(good).as_deref(), Some(good), "{good}");
        }
    }

    #[test]
    fn fail_safe_next_refuses_evil() {
        for evil in [
            "",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil",
            "https://evil.example",
            "http:/evil",
            "javascript:alert(1)",
            "evil.example",
            "/%2F%2Fevil.example",
            "/%2f/evil",
            "%2F%2Fevil",
            "/%5Cevil",
            "/%5cevil",
            "/\tevil",
            "/\n/evil",
            "/ /evil",
            "/%0a/evil",
            "/%252F%252Fevil",
            "/%",
            "/%zz",
            " /account",
            "/\u{7f}",
            "/\u{85}x",
        ] {
            assert_eq!(safe_next(evil), None, "{evil:?}");
        }
    }

    #[test]
    fn rfc3339_formats() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(20_000_000_000), "2603-10-11T11:33:20Z");
    }
}
