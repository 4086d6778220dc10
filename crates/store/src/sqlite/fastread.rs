//! The one read every authenticated request makes, on SQLite, without the
//! hop to a connection's worker thread (and a passwordless sign-in's read
//! of the key its answer names, and the OpenID Connect client both ends of
//! an authorization-code flow look up, with the user's consent to it).
//!
//! sqlx's SQLite driver runs each connection on a thread of its own and
//! passes every statement to it over a channel: for a three-lookup `SELECT`
//! the two thread wake-ups cost far more than SQLite itself (a profile of
//! `GET /api/v1/me` showed the channel's futex waits and wake-ups at ~18 %
//! of the server's CPU, `sqlite3VdbeExec` at 2 %). Here the same statement
//! runs on the calling thread through rusqlite, on a small pool of
//! connections to the same file, linked against the same SQLite library as
//! sqlx (so SQLite's per-process locking sees both).
//!
//! It only reads: each statement is its own WAL read transaction and sees
//! every commit made before it began, by any connection. It never waits:
//! `busy_timeout = 0`, and any error (`SQLITE_BUSY` during a WAL recovery,
//! a missing table) sends the caller back to the pooled async path, which
//! waits and reports errors as usual.
//!
//! In front of it, [`ViewCache`] answers a token read again before any
//! commit without asking SQLite at all (see `viewcache.rs` for why that is
//! exact).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::viewcache::ViewCache;
use crate::sql::oidc::{CLIENT_BY_ID_SQL, CONSENT_SQL, client_from};
use crate::sql::passkeys::SEALED_WITH_PASSKEY_SQL;
use crate::sql::sessions::{SESSION_VIEW_SQL, ViewRow, session_view_from};
use crate::{OidcClient, Passkey, SessionView, UserId};

/// Connections kept for reuse (more are opened under a burst and dropped).
const KEEP: usize = 8;

/// See the module documentation.
pub(crate) struct FastReads {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    served: AtomicU64,
    /// Made at the first read (the file is in WAL mode by then); `None`
    /// inside when the `-shm` file cannot be read.
    cache: OnceLock<Option<ViewCache>>,
    remembered: AtomicU64,
}

impl FastReads {
    /// For the SQLite database file at `path` (which must exist).
    pub(crate) fn new(path: PathBuf) -> FastReads {
        FastReads {
            path,
            idle: Mutex::new(Vec::new()),
            served: AtomicU64::new(0),
            cache: OnceLock::new(),
            remembered: AtomicU64::new(0),
        }
    }

    /// Reads answered here so far (from SQLite or the cache).
    pub(crate) fn served(&self) -> u64 {
        self.served.load(Ordering::Relaxed)
    }

    /// Reads the cache answered so far (a part of [`FastReads::served`]).
    pub(crate) fn remembered(&self) -> u64 {
        self.remembered.load(Ordering::Relaxed)
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA busy_timeout = 0; PRAGMA query_only = 1;")?;
        Ok(conn)
    }

    /// `Store::session_view`, or `None` when the async path must answer.
    pub(crate) fn session_view(&self, token_hash: &[u8]) -> Option<Option<SessionView>> {
        let cache = self
            .cache
            .get_or_init(|| ViewCache::open(&self.path))
            .as_ref();
        // Taken before the read: a commit after it makes this stamp old.
        let stamp = cache.and_then(ViewCache::stamp);
        if let (Some(cache), Some(stamp)) = (cache, &stamp)
            && let Some(view) = cache.get(stamp, token_hash)
        {
            self.served.fetch_add(1, Ordering::Relaxed);
            self.remembered.fetch_add(1, Ordering::Relaxed);
            return Some(Some(view));
        }
        let view = self.read(token_hash)?;
        if let (Some(cache), Some(stamp)) = (cache, &stamp) {
            cache.put(stamp, token_hash, view.as_ref());
        }
        Some(view)
    }

    /// Drop the kept connections and the cache's (`SqlStore::close`).
    pub(crate) fn close(&self) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.clear();
        }
        if let Some(Some(cache)) = self.cache.get() {
            cache.close();
        }
    }

    /// A sealed passkey ceremony's finish read (`Store::ceremony_with_passkey`
    /// with `sealed_until`): `None` inside when it was spent, else the
    /// client budget's arrival time and the key the answer names if any;
    /// `None` when the async path must answer.
    pub(crate) fn sealed_with_passkey(
        &self,
        credential_id: &[u8],
        binding: &[u8],
        kind: &str,
        client_budget: Option<&str>,
    ) -> Option<Option<(Option<i64>, Option<Passkey>)>> {
        self.with_conn(|conn| {
            conn.prepare_cached(SEALED_WITH_PASSKEY_SQL)
                .and_then(|mut stmt| {
                    let params = rusqlite::params![client_budget, credential_id, binding, kind];
                    stmt.query_row(params, |r| {
                        let id: Option<i64> = r.get("id")?;
                        let passkey = id
                            .map(|id| {
                                Ok::<_, rusqlite::Error>(Passkey {
                                    id,
                                    user_id: r.get("user_id")?,
                                    name: r.get("name")?,
                                    user_handle: r.get("user_handle")?,
                                    credential_id: r.get("credential_id")?,
                                    credential: r.get("credential")?,
                                    counter: r.get("counter")?,
                                    created_at: r.get("created_at")?,
                                    last_used_at: r.get("last_used_at")?,
                                })
                            })
                            .transpose()?;
                        Ok((r.get("client_tat")?, passkey))
                    })
                    .optional()
                })
        })
    }

    /// `Store::oidc_client` (both ends of an authorization-code flow read
    /// the client), or `None` when the async path must answer.
    pub(crate) fn oidc_client(&self, client_id: &str) -> Option<Option<OidcClient>> {
        self.with_conn(|conn| {
            conn.prepare_cached(CLIENT_BY_ID_SQL)
                .and_then(|mut stmt| stmt.query_row([client_id], |r| client_from(r)).optional())
        })
    }

    /// `Store::oidc_consent` (an authorization request for a client that
    /// is not trusted), or `None` when the async path must answer.
    pub(crate) fn oidc_consent(&self, user_id: UserId, client_id: &str) -> Option<Option<String>> {
        self.with_conn(|conn| {
            conn.prepare_cached(CONSENT_SQL).and_then(|mut stmt| {
                stmt.query_row(rusqlite::params![user_id, client_id], |r| r.get(0))
                    .optional()
            })
        })
    }

    /// One read through SQLite.
    fn read(&self, token_hash: &[u8]) -> Option<Option<SessionView>> {
        let view = self.with_conn(|conn| {
            conn.prepare_cached(SESSION_VIEW_SQL).and_then(|mut stmt| {
                stmt.query_row([token_hash], |r| session_view_from(r))
                    .optional()
            })
        })?;
        self.served.fetch_add(1, Ordering::Relaxed);
        Some(view)
    }

    /// Run `read` on a kept (or new) connection; `None` when it failed.
    fn with_conn<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        let pooled = self.idle.lock().ok()?.pop();
        let conn = match pooled {
            Some(c) => c,
            None => match self.open() {
                Ok(c) => c,
                Err(e) => {
                    tracing::debug!(error = %e, "fast read: cannot open; using the pool");
                    return None;
                }
            },
        };
        match read(&conn) {
            Ok(found) => {
                if let Ok(mut idle) = self.idle.lock()
                    && idle.len() < KEEP
                {
                    idle.push(conn);
                }
                Some(found)
            }
            Err(e) => {
                // The connection is dropped: the next read opens a fresh one.
                tracing::debug!(error = %e, "fast read failed; using the pool");
                None
            }
        }
    }
}

impl ViewRow for rusqlite::Row<'_> {
    type Error = rusqlite::Error;
    fn int(&self, col: &str) -> rusqlite::Result<i64> {
        self.get(col)
    }
    fn opt_int(&self, col: &str) -> rusqlite::Result<Option<i64>> {
        self.get(col)
    }
    fn text(&self, col: &str) -> rusqlite::Result<String> {
        self.get(col)
    }
    fn opt_text(&self, col: &str) -> rusqlite::Result<Option<String>> {
        self.get(col)
    }
    fn opt_blob(&self, col: &str) -> rusqlite::Result<Option<Vec<u8>>> {
        self.get(col)
    }
}
