//! Argon2id off the async executor, on a few dedicated threads with
//! bounded concurrency.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use data_encoding::BASE64_NOPAD;
use deadbolt_store::PasswordHash;
use subtle::ConstantTimeEq;
use tokio::sync::OnceCell;
use zeroize::Zeroizing;

use crate::config::Argon2Params;

/// Argon2id on a small pool of dedicated threads (one per permitted
/// concurrent hash), each owning its Argon2 memory while there is work: a
/// flood of logins can neither block the async executor nor grow memory past
/// `concurrency × m_cost` (allocating 19 MiB per hash on tokio's blocking
/// threads left hundreds of MiB in glibc's per-thread arenas).
///
/// Memory against latency: a thread keeps its Argon2 buffer for
/// `keep_memory` after its last hash, then gives it back to the OS. Logins
/// that come within that time (one person after another, a few seconds
/// apart) reuse the buffer; a fresh buffer costs ~4,900 page faults, about
/// as long again as the hash itself. Idle, the process falls back to
/// ~10 MiB once the time has passed.
pub struct Hasher {
    params: Argon2Params,
    concurrency: usize,
    keep_memory: Duration,
    /// Started at the first hash, so that a command that never hashes
    /// (`deadbolt user list`) starts no thread.
    threads: OnceLock<Threads>,
    dummy: OnceCell<PasswordHash>,
}

/// Work for a hashing thread: runs with that thread's Argon2 memory, and
/// says whether the memory is worth keeping for the next hash (a login's is;
/// the start-up's dummy hash is not: a fresh server idles small).
type Job = Box<dyn FnOnce(&mut Vec<Block>) -> bool + Send>;

/// The jobs waiting for a hashing thread.
#[derive(Default)]
struct Queue {
    jobs: Mutex<Jobs>,
    /// Signalled when a job arrives or the hasher goes away.
    ready: Condvar,
    /// Argon2 buffers mapped afresh so far (each costs its page faults).
    fresh_buffers: AtomicU64,
}

#[derive(Default)]
struct Jobs {
    waiting: VecDeque<Job>,
    /// The hasher is gone: the threads end.
    closed: bool,
}

/// The running hashing threads (they end when this is dropped).
struct Threads {
    queue: Arc<Queue>,
}

impl Drop for Threads {
    fn drop(&mut self) {
        self.queue
            .jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .closed = true;
        self.queue.ready.notify_all();
    }
}

/// Hashing failed (a bug or resource problem, never the user's fault).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Salt and output lengths of the PHC strings we write.
const SALT_LEN: usize = 16;
const OUTPUT_LEN: usize = 32;

impl Threads {
    fn start(concurrency: usize, keep_memory: Duration) -> Threads {
        let queue = Arc::new(Queue::default());
        for i in 0..concurrency.max(1) {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("deadbolt-argon2-{i}"))
                .spawn(move || {
                    lower_this_threads_priority();
                    let mut memory = Vec::new();
                    while let Some(job) = next_job(&queue, &mut memory, keep_memory) {
                        let keep = job(&mut memory);
                        let idle = || {
                            let jobs = queue.jobs.lock().unwrap_or_else(|e| e.into_inner());
                            jobs.waiting.is_empty()
                        };
                        if !keep && idle() {
                            memory = Vec::new();
                        }
                    }
                })
                .expect("spawn a password-hashing thread");
        }
        Threads { queue }
    }
}

/// The next job for a hashing thread, or `None` once the hasher is gone.
/// While it waits with a buffer, the buffer goes back to the OS after
/// `keep` without work.
fn next_job(queue: &Queue, memory: &mut Vec<Block>, keep: Duration) -> Option<Job> {
    let mut jobs = queue.jobs.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if let Some(job) = jobs.waiting.pop_front() {
            metrics::gauge!(crate::metrics::HASH_QUEUE).set(jobs.waiting.len() as f64);
            return Some(job);
        }
        if jobs.closed {
            return None;
        }
        if memory.is_empty() {
            jobs = queue.ready.wait(jobs).unwrap_or_else(|e| e.into_inner());
            continue;
        }
        let (guard, waited) = queue
            .ready
            .wait_timeout(jobs, keep)
            .unwrap_or_else(|e| e.into_inner());
        jobs = guard;
        if waited.timed_out() && jobs.waiting.is_empty() {
            // Idle for `keep`: give the Argon2 memory back (outside the lock).
            drop(jobs);
            *memory = Vec::new();
            jobs = queue.jobs.lock().unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Hasher {
    /// A hasher with these costs running at most `concurrency` hashes at
    /// once, each thread keeping its Argon2 memory for `keep_memory` after
    /// its last hash. Its threads start with the first hash.
    pub fn new(params: Argon2Params, concurrency: usize, keep_memory: Duration) -> Self {
        Self {
            params,
            concurrency,
            keep_memory,
            threads: OnceLock::new(),
            dummy: OnceCell::new(),
        }
    }

    /// Whether the hashing threads have started (tests: a command that
    /// never hashes must not start them).
    pub fn started(&self) -> bool {
        self.threads.get().is_some()
    }

    /// How many Argon2 buffers the threads have mapped afresh so far.
    pub fn fresh_buffers(&self) -> u64 {
        self.threads
            .get()
            .map_or(0, |t| t.queue.fresh_buffers.load(Ordering::Relaxed))
    }

    async fn run<T: Send + 'static>(
        &self,
        keep: bool,
        f: impl FnOnce(&mut Vec<Block>) -> Result<T, HashError> + Send + 'static,
    ) -> Result<T, HashError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let threads = self
            .threads
            .get_or_init(|| Threads::start(self.concurrency, self.keep_memory));
        let queue = threads.queue.clone();
        let job: Job = Box::new(move |memory: &mut Vec<Block>| {
            let had_memory = !memory.is_empty();
            let started = std::time::Instant::now();
            let out = f(memory);
            metrics::histogram!(crate::metrics::HASH_SECONDS).record(started.elapsed());
            if !had_memory && !memory.is_empty() {
                queue.fresh_buffers.fetch_add(1, Ordering::Relaxed);
            }
            let _ = tx.send(out);
            keep
        });
        {
            let mut jobs = threads.queue.jobs.lock().unwrap_or_else(|e| e.into_inner());
            jobs.waiting.push_back(job);
            metrics::gauge!(crate::metrics::HASH_QUEUE).set(jobs.waiting.len() as f64);
        }
        threads.queue.ready.notify_one();
        rx.await
            .map_err(|_| HashError("a hashing thread panicked".into()))?
    }

    /// Argon2id of `password` with `salt` and `params` into `out`, in `memory`
    /// (grown once to the largest cost seen, then reused).
    fn argon2id(
        params: Argon2Params,
        password: &[u8],
        salt: &[u8],
        out: &mut [u8],
        memory: &mut Vec<Block>,
    ) -> Result<(), HashError> {
        let p = Params::new(params.m_cost, params.t_cost, params.p_cost, Some(out.len()))
            .map_err(|e| HashError(e.to_string()))?;
        let blocks = params.m_cost.max(8 * params.p_cost) as usize;
        if memory.len() < blocks {
            // Reserve more than glibc's largest dynamic mmap threshold (32 MiB)
            // so the buffer is always a mapping of its own: freeing it returns
            // it to the OS at once (a 19 MiB one would raise the threshold and
            // later buffers would stay in malloc's arenas). Only the `blocks`
            // written are resident.
            const ALWAYS_MAPPED: usize = (32 << 20) / std::mem::size_of::<Block>() + 1;
            let mut fresh = Vec::with_capacity(blocks.max(ALWAYS_MAPPED));
            fresh.resize(blocks, Block::default());
            *memory = fresh;
        }
        Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
            .hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
            .map_err(|e| HashError(e.to_string()))
    }

    /// Hash a (normalised) password to a PHC string
    /// (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
    pub async fn hash(&self, password: Zeroizing<String>) -> Result<PasswordHash, HashError> {
        self.hash_keeping(password, true).await
    }

    async fn hash_keeping(
        &self,
        password: Zeroizing<String>,
        keep: bool,
    ) -> Result<PasswordHash, HashError> {
        let params = self.params;
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|e| HashError(e.to_string()))?;
        self.run(keep, move |memory| {
            let mut out = [0u8; OUTPUT_LEN];
            Self::argon2id(params, password.as_bytes(), &salt, &mut out, memory)?;
            Ok(PasswordHash::new(format!(
                "$argon2id$v=19$m={},t={},p={}${}${}",
                params.m_cost,
                params.t_cost,
                params.p_cost,
                BASE64_NOPAD.encode(&salt),
                BASE64_NOPAD.encode(&out)
            )))
        })
        .await
    }

    /// Check a password against a stored PHC string (its own costs apply).
    pub async fn verify(
        &self,
        password: Zeroizing<String>,
        phc: &PasswordHash,
    ) -> Result<bool, HashError> {
        let (params, salt, expected) = parse_phc(phc.expose())?;
        self.run(true, move |memory| {
            let mut out = Zeroizing::new(vec![0u8; expected.len()]);
            Self::argon2id(params, password.as_bytes(), &salt, &mut out, memory)?;
            Ok(bool::from(out.as_slice().ct_eq(&expected)))
        })
        .await
    }

    /// Compute the dummy hash now, so the first unknown-user login costs
    /// the same as every later one.
    pub async fn warm_up(&self) -> Result<(), HashError> {
        self.dummy_hash().await.map(|_| ())
    }

    async fn dummy_hash(&self) -> Result<PasswordHash, HashError> {
        Ok(self
            .dummy
            .get_or_try_init(|| async {
                // Made once at start, not for a login: its memory goes back at once.
                self.hash_keeping(Zeroizing::new("deadbolt dummy password".to_owned()), false)
                    .await
            })
            .await?
            .clone())
    }

    /// Spend the same time as a real verification, for unknown usernames.
    pub async fn verify_dummy(&self, password: Zeroizing<String>) -> Result<(), HashError> {
        let dummy = self.dummy_hash().await?;
        self.verify(password, &dummy).await.map(|_| ())
    }
}

/// Hashing threads run at nice ≈ 10: while Argon2 saturates the cores (a
/// flood of wrong passwords), the request handlers and the database threads
/// still get the CPU within a scheduler tick, so second factors and health
/// checks stay fast; idle cores still go to hashing (no starvation: nice 10
/// keeps about a tenth of a contended core).
fn lower_this_threads_priority() {
    use thread_priority::{ThreadPriority, ThreadPriorityValue, set_current_thread_priority};
    // Crossplatform 23 of 0..=99 maps to nice 9 on Linux.
    let low = ThreadPriorityValue::try_from(23u8).expect("23 is in 0..=99");
    if let Err(e) = set_current_thread_priority(ThreadPriority::Crossplatform(low)) {
        tracing::warn!(error = ?e, "could not lower the password-hashing thread's priority");
    }
}

/// Read an Argon2id PHC string: its costs, salt and hash.
fn parse_phc(phc: &str) -> Result<(Argon2Params, Vec<u8>, Vec<u8>), HashError> {
    let bad = || HashError("stored password hash is not an Argon2id v19 PHC string".into());
    let mut parts = phc.split('$');
    let (Some(""), Some("argon2id"), Some("v=19"), Some(costs), Some(salt), Some(hash), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(bad());
    };
    let (mut m, mut t, mut p) = (None, None, None);
    for kv in costs.split(',') {
        let (k, v) = kv.split_once('=').ok_or_else(bad)?;
        let v: u32 = v.parse().map_err(|_| bad())?;
        match k {
            "m" => m = Some(v),
            "t" => t = Some(v),
            "p" => p = Some(v),
            _ => return Err(bad()),
        }
    }
    let params = Argon2Params {
        m_cost: m.ok_or_else(bad)?,
        t_cost: t.ok_or_else(bad)?,
        p_cost: p.ok_or_else(bad)?,
    };
    let salt = BASE64_NOPAD.decode(salt.as_bytes()).map_err(|_| bad())?;
    let hash = BASE64_NOPAD.decode(hash.as_bytes()).map_err(|_| bad())?;
    if hash.len() < 16 || hash.len() > 64 {
        return Err(bad());
    }
    Ok((params, salt, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn production_parameters_hash_and_verify() {
        let cfg = Argon2Params::default();
        assert!(cfg.m_cost >= 19456 && cfg.t_cost >= 2 && cfg.p_cost >= 1);
        let h = Hasher::new(cfg, 1, Duration::from_secs(1));
        assert!(!h.started(), "no thread before the first hash");
        let phc = h
            .hash(Zeroizing::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(h.started(), "the first hash starts the threads");
        assert!(
            phc.expose().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{}",
            phc.expose()
        );
        assert!(
            h.verify(Zeroizing::new("correct horse battery".into()), &phc)
                .await
                .unwrap()
        );
        assert!(
            !h.verify(Zeroizing::new("wrong horse battery".into()), &phc)
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn the_buffer_is_kept_between_close_hashes_and_given_back_when_idle() {
        let cheap = Argon2Params {
            m_cost: 1024,
            t_cost: 1,
            p_cost: 1,
        };
        let pw = || Zeroizing::new("a password for the test".to_owned());
        // Kept: three hashes one after another map one buffer.
        let h = Hasher::new(cheap, 1, Duration::from_secs(30));
        for _ in 0..3 {
            h.hash(pw()).await.unwrap();
        }
        assert_eq!(h.fresh_buffers(), 1);
        // Given back after the keep time without work: the next hash maps
        // a fresh one.
        let h = Hasher::new(cheap, 1, Duration::from_millis(50));
        h.hash(pw()).await.unwrap();
        std::thread::sleep(Duration::from_millis(400));
        h.hash(pw()).await.unwrap();
        assert_eq!(h.fresh_buffers(), 2);
        // The start-up's dummy hash keeps nothing: the first login maps afresh.
        let h = Hasher::new(cheap, 1, Duration::from_secs(30));
        h.warm_up().await.unwrap();
        std::thread::sleep(Duration::from_millis(50));
        h.hash(pw()).await.unwrap();
        assert_eq!(h.fresh_buffers(), 2);
        // Kept for nothing: every hash maps its own (the old behaviour).
        let h = Hasher::new(cheap, 1, Duration::ZERO);
        for _ in 0..3 {
            h.hash(pw()).await.unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(h.fresh_buffers(), 3);
    }
}
