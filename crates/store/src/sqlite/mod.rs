//! What only SQLite needs: one writer at a time, so writers queue in this
//! process ([`SqliteRuntime::writer`]), attempt-budget takes share commits
//! ([`batches`]), the write-ahead log is checkpointed off the request path
//! ([`checkpoint`]), and the one read every request makes skips sqlx's
//! worker thread ([`fastread`]), nor do a passwordless sign-in's commit
//! and budget batches ([`fastwrite`]). PostgreSQL needs none of it: the store
//! holds this as `Option<Arc<SqliteRuntime>>`, `None` there.

pub(crate) mod batches;
pub(crate) mod checkpoint;
pub(crate) mod fastread;
pub(crate) mod fastwrite;
pub mod files;
pub(crate) mod viewcache;

use std::time::Duration;

use batches::WriteBatches;
use checkpoint::Checkpointer;
use fastread::FastReads;
use fastwrite::FastWrites;

/// See the module documentation.
pub(crate) struct SqliteRuntime {
    /// SQLite has one writer: writers queue here, in order, instead of
    /// sleeping in SQLite's busy handler (1, 2, 5, ... 100 ms naps that made
    /// the latency tail under concurrent writes).
    pub(crate) writer: tokio::sync::Mutex<()>,
    /// Attempt-budget takes and passwordless sign-ins share commits.
    pub(crate) batches: WriteBatches,
    /// File databases only; stops with the runtime.
    pub(crate) checkpointer: Option<Checkpointer>,
    /// File databases only: `session_view` without a thread hop.
    pub(crate) fast: Option<FastReads>,
    /// File databases only: a passwordless sign-in's commit and budget
    /// batches without thread hops.
    pub(crate) write: Option<FastWrites>,
}

impl SqliteRuntime {
    /// The runtime for a database at `url`: a file (`Some(path)`) gets the
    /// checkpointer and the fast read path, and the fast write path unless
    /// it is opened read-only (`writable`: the busy timeout, or `None`); an
    /// in-memory one gets none of them.
    pub(crate) fn start(
        url: &str,
        file: Option<std::path::PathBuf>,
        checkpoint_every: Duration,
        writable: Option<Duration>,
    ) -> SqliteRuntime {
        let checkpointer = file
            .is_some()
            .then(|| Checkpointer::start(url.to_owned(), checkpoint_every));
        SqliteRuntime {
            writer: tokio::sync::Mutex::new(()),
            batches: WriteBatches::default(),
            checkpointer,
            fast: file.clone().map(FastReads::new),
            write: file
                .zip(writable)
                .map(|(f, busy_timeout)| FastWrites::new(f, busy_timeout)),
        }
    }
}
