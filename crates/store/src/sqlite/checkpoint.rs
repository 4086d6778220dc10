//! The background WAL checkpointer of an SQLite file database.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::{Connection, Row};

/// Checkpoints an SQLite write-ahead log from a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that takes the log
/// past 1,000 pages: that one commit copies the log into the database file
/// and fsyncs it, tens to hundreds of milliseconds during which its request
/// waits (and, with a busy writer, about one request in fifty is that
/// request). The pool's connections therefore run with
/// `wal_autocheckpoint = 0` and this task runs `PRAGMA
/// wal_checkpoint(PASSIVE)` every [`crate::StoreOptions::checkpoint_every`]:
/// PASSIVE never blocks readers or writers. Durability is unchanged: a
/// commit is durable once the log is fsynced (`synchronous = FULL`); the
/// checkpoint only moves pages.
pub(crate) struct Checkpointer {
    task: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// Asks the task to close its connection and end.
    stop: Arc<tokio::sync::Notify>,
    /// Checkpoints that copied at least one new frame.
    pub(crate) runs: Arc<AtomicU64>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        if let Some(task) = self.task.lock().unwrap_or_else(|e| e.into_inner()).take() {
            task.abort();
        }
    }
}

impl Checkpointer {
    pub(crate) fn start(url: String, every: Duration) -> Checkpointer {
        let runs = Arc::new(AtomicU64::new(0));
        let counter = runs.clone();
        let stop = Arc::new(tokio::sync::Notify::new());
        let stopped = stop.clone();
        let task = tokio::spawn(async move {
            let mut conn: Option<sqlx::AnyConnection> = None;
            let mut last = (0i64, 0i64);
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    () = stopped.notified() => {
                        if let Some(c) = conn.take() {
                            let _ = c.close().await;
                        }
                        return;
                    }
                }
                let c = match conn.as_mut() {
                    Some(c) => c,
                    None => match sqlx::AnyConnection::connect(&url).await {
                        Ok(c) => conn.insert(c),
                        Err(e) => {
                            tracing::warn!(error = %e, "checkpointer cannot open the database");
                            continue;
                        }
                    },
                };
                let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                    .fetch_one(&mut *c)
                    .await;
                match row.and_then(|r| Ok((r.try_get::<i64, _>(1)?, r.try_get::<i64, _>(2)?))) {
                    Ok((log, done)) => {
                        if done > 0 && (log, done) != last {
                            counter.fetch_add(1, Ordering::Relaxed);
                        }
                        last = (log, done);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "WAL checkpoint failed; retrying");
                        conn = None;
                    }
                }
            }
        });
        Checkpointer {
            task: std::sync::Mutex::new(Some(task)),
            stop,
            runs,
        }
    }

    /// Stop: the task closes its connection (SQLite then tidies the `-wal`
    /// and `-shm` files), and this returns once it has.
    pub(crate) async fn stop(&self) {
        let task = self.task.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(task) = task {
            self.stop.notify_one();
            let _ = task.await;
        }
    }
}
