//! Database URLs: which backend a URL names, its secret-safe form, and the
//! SQLite file behind a `sqlite:` URL.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// A database URL. It may hold a password (`postgres://user:pw@host/db`),
/// so it never prints itself: `Debug` and `Display` show it with the
/// password replaced by `***`; [`DatabaseUrl::expose`] gives the real text.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Wrap a URL (not checked here: [`Backend::of`] and the driver do).
    pub fn new(url: impl Into<String>) -> Self {
        DatabaseUrl(url.into())
    }

    /// The SQLite database `deadbolt.db` in `dir` (created if missing).
    pub fn sqlite_in_dir(dir: &Path) -> Result<Self> {
        let path = dir.join("deadbolt.db");
        let s = path
            .to_str()
            .ok_or_else(|| StoreError::BadUrl(format!("non-UTF-8 path {}", path.display())))?;
        let mut out = String::from("sqlite://");
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out.push_str("?mode=rwc");
        Ok(DatabaseUrl(out))
    }

    /// The URL itself, password included: only for the driver.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with its password replaced by `***`.
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }

    /// Whether this names an in-memory SQLite database.
    pub(crate) fn is_sqlite_memory(&self) -> bool {
        self.0.contains(":memory:") || self.0.contains("mode=memory")
    }

    /// The file a `sqlite:` URL names (`sqlite://path?opts`, `sqlite:path`),
    /// percent-decoded; `None` for in-memory or undecodable URLs.
    pub(crate) fn sqlite_file(&self) -> Option<PathBuf> {
        let url = &self.0;
        let rest = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next()?;
        if path.is_empty() || path.contains(":memory:") {
            return None;
        }
        let bytes = path.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        Some(PathBuf::from(String::from_utf8(out).ok()?))
    }

    /// Whether a `sqlite:` URL opens its file read-only (`mode=ro`): then
    /// the store writes only through sqlx, which refuses (no fast writes).
    pub(crate) fn is_sqlite_read_only(&self) -> bool {
        let query = self.0.split_once('?').map(|(_, q)| q);
        query.is_some_and(|q| {
            q.split('&')
                .any(|kv| kv == "mode=ro" || kv == "immutable=1")
        })
    }

    /// A SQLite URL that creates the file if missing: `mode=rwc` is appended
    /// unless the URL already names a mode or an in-memory database.
    pub(crate) fn sqlite_with_create(&self) -> Cow<'_, str> {
        let url = self.0.as_str();
        let query = url.split_once('?').map(|(_, q)| q);
        let has_mode = query.is_some_and(|q| q.split('&').any(|kv| kv.starts_with("mode=")));
        if has_mode || url.contains(":memory:") {
            Cow::Borrowed(url)
        } else if query.is_some() {
            Cow::Owned(format!("{url}&mode=rwc"))
        } else {
            Cow::Owned(format!("{url}?mode=rwc"))
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({:?})", self.redacted())
    }
}

impl std::fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Which database a [`crate::SqlStore`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (embedded file; one writer at a time).
    Sqlite,
    /// PostgreSQL (several nodes may share it).
    Postgres,
}

impl Backend {
    /// The backend a database URL names, or `BadUrl`.
    pub fn of(url: &DatabaseUrl) -> Result<Backend> {
        let url = url.expose();
        let lower = url.get(..11).unwrap_or(url).to_ascii_lowercase();
        if lower.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if lower.starts_with("postgres://") || lower.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::BadUrl(redact(url)))
        }
    }
}

/// Drop the password from a URL before it goes into a message.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &creds[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_file_decodes_what_sqlite_in_dir_encodes() {
        let dir = Path::new("/tmp/a b%c?d/ünï");
        let url = DatabaseUrl::sqlite_in_dir(dir).unwrap();
        assert_eq!(
            url.sqlite_file().as_deref(),
            Some(dir.join("deadbolt.db").as_path())
        );
        assert_eq!(
            DatabaseUrl::new("sqlite:data/x.db?mode=rwc")
                .sqlite_file()
                .as_deref(),
            Some(Path::new("data/x.db"))
        );
        for none in [
            "sqlite::memory:",
            "sqlite://",
            "sqlite://bad%zz",
            "postgres://h/db",
        ] {
            assert_eq!(DatabaseUrl::new(none).sqlite_file(), None, "{none}");
        }
    }

    #[test]
    fn read_only_sqlite_urls_are_recognised() {
        assert!(DatabaseUrl::new("sqlite:///d/deadbolt.db?mode=ro").is_sqlite_read_only());
        assert!(DatabaseUrl::new("sqlite:x.db?cache=shared&immutable=1").is_sqlite_read_only());
        assert!(!DatabaseUrl::new("sqlite:x.db?mode=rwc").is_sqlite_read_only());
        assert!(!DatabaseUrl::new("sqlite:mode=ro.db").is_sqlite_read_only());
    }

    #[test]
    fn passwords_never_print() {
        let url = DatabaseUrl::new("postgres://u:hunter2@h/db");
        assert_eq!(url.to_string(), "postgres://u:***@h/db");
        assert!(!format!("{url:?}").contains("hunter2"));
        assert_eq!(url.expose(), "postgres://u:hunter2@h/db");
        assert_eq!(
            DatabaseUrl::new("postgres://u@h/db").to_string(),
            "postgres://u@h/db"
        );
        match Backend::of(&DatabaseUrl::new("mysql://u:hunter2@h/db")) {
            Err(StoreError::BadUrl(shown)) => assert!(!shown.contains("hunter2")),
            other => panic!("{other:?}"),
        }
    }
}
