//! Session views remembered for exactly as long as the database has not
//! changed, so a burst of requests with the same cookie (a page's assets,
//! every request a reverse proxy sends to forward-auth) costs one SQLite
//! read instead of one each.
//!
//! **How "not changed" is known, exactly and cheaply.** In WAL mode every
//! commit, by any connection of any process, rewrites the WAL-index header
//! at the start of the `-shm` file before any reader can see the commit
//! (SQLite's documented file format, "WAL-index format": `iChange`,
//! `mxFrame`, the salts and a checksum; the first copy is written last).
//! One `pread` of its first 48 bytes tells whether anything was committed
//! since: when the bytes are equal, no commit happened, so a view read
//! after those bytes were taken is still what the database holds. Views
//! are stamped with the header read *before* their database read, and the
//! whole map is dropped the moment a different header is seen. A torn read
//! of a header being rewritten differs from every stamp and only costs a
//! miss. No time-to-live is involved and nothing is ever stale: a sign-out,
//! a disabled account or a group change from `deadbolt user ...` in
//! another process is seen by the next request.
//!
//! The `-shm` file is only deleted by the last connection to close the
//! database; the cache keeps one connection of its own open (`anchor`), so
//! the file it reads is the one SQLite uses until the store is closed.

use std::collections::HashMap;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OpenFlags};

use crate::SessionView;

/// The first copy of the WAL-index header (`WalIndexHdr`, 48 bytes).
const HEADER: usize = 48;
/// Views kept at most; a full map is emptied (a change empties it anyway).
const MAX_VIEWS: usize = 8192;

/// The WAL-index header as read at one moment.
pub(crate) type Stamp = [u8; HEADER];

/// See the module documentation.
pub(crate) struct ViewCache {
    shm: File,
    views: Mutex<Views>,
    anchor: Mutex<Option<Connection>>,
    closed: AtomicBool,
}

struct Views {
    stamp: Stamp,
    by_token: HashMap<Box<[u8]>, SessionView>,
}

impl ViewCache {
    /// For the WAL-mode database file at `db`; `None` (no cache: every
    /// read goes to SQLite) when its `-shm` file cannot be read.
    pub(crate) fn open(db: &Path) -> Option<ViewCache> {
        let anchor = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        // A read maps the WAL index (and creates `-shm` if need be).
        let mode: String = anchor
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .ok()?;
        if !mode.eq_ignore_ascii_case("wal") {
            return None;
        }
        anchor
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .ok()?;
        let mut shm_path = db.as_os_str().to_owned();
        shm_path.push("-shm");
        let shm = File::open(shm_path).ok()?;
        let cache = ViewCache {
            shm,
            views: Mutex::new(Views {
                stamp: [0; HEADER],
                by_token: HashMap::new(),
            }),
            anchor: Mutex::new(Some(anchor)),
            closed: AtomicBool::new(false),
        };
        cache.stamp().map(|_| cache)
    }

    /// Forget every view and let the database file go (`SqlStore::close`);
    /// later reads find nothing here.
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::Release);
        if let Ok(mut anchor) = self.anchor.lock() {
            anchor.take();
        }
        if let Ok(mut views) = self.views.lock() {
            views.by_token.clear();
            views.stamp = [0; HEADER];
        }
    }

    /// The header now; `None` if it cannot be read whole (or the store
    /// was closed).
    pub(crate) fn stamp(&self) -> Option<Stamp> {
        if self.closed.load(Ordering::Acquire) {
            return None;
        }
        let mut buf = [0u8; HEADER];
        self.shm.read_exact_at(&mut buf, 0).ok()?;
        Some(buf)
    }

    /// The view of `token_hash` if one was read since the database last
    /// changed (`now` is the header just read).
    pub(crate) fn get(&self, now: &Stamp, token_hash: &[u8]) -> Option<SessionView> {
        let mut views = self.views.lock().ok()?;
        if views.stamp != *now {
            views.by_token.clear();
            views.stamp = *now;
            return None;
        }
        views.by_token.get(token_hash).cloned()
    }

    /// Remember what a read that began after `stamp` found (`None`: no
    /// such session, so nothing is kept). Dropped if the database has
    /// changed since `stamp` as far as the map knows.
    pub(crate) fn put(&self, stamp: &Stamp, token_hash: &[u8], view: Option<&SessionView>) {
        let Ok(mut views) = self.views.lock() else {
            return;
        };
        if views.stamp != *stamp {
            return;
        }
        match view {
            Some(v) => {
                if views.by_token.len() >= MAX_VIEWS {
                    views.by_token.clear();
                }
                views.by_token.insert(token_hash.into(), v.clone());
            }
            None => {
                views.by_token.remove(token_hash);
            }
        }
    }
}
