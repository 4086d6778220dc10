//! Argon2id off the async executor, on a few dedicated threads with
//! bounded concurrency.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use argon2::{Algorithm, Argon2, Block, Params, Version};
use data_encoding::BASE64_NOPAD;
use deadbolt_store::PasswordHash;
use subtle::ConstantTimeEq;
use tokio::sync::OnceCell;
use zeroize::Zeroizing;

use crate::config::Argon2Params;

/// Argon2id on a small pool of dedicated threads (one per permitted
/// concurrent hash), each owning its Argon2 memory while there is work: a flood of
/// logins can neither block the async executor nor grow memory past
/// `concurrency × m_cost` (allocating 19 MiB per hash on tokio's blocking
/// threads left hundreds of MiB in glibc's per-thread arenas).
pub struct Hasher {
    params: Argon2Params,
    concurrency: usize,
    /// Started at the first hash, so that a command that never hashes
    /// (`deadbolt user list`) starts no thread.
    threads: OnceLock<Threads>,
    dummy: OnceCell<PasswordHash>,
}

/// The running hashing threads: their job queue and its depth.
struct Threads {
    jobs: std::sync::mpsc::Sender<Job>,
    /// Jobs sent and not yet taken by a hashing thread.
    pending: Arc<AtomicUsize>,
}

/// Work for a hashing thread: runs with that thread's Argon2 memory.
type Job = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// Hashing failed (a bug or resource problem, never the user's fault).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Salt and output lengths of the PHC strings we write.
const SALT_LEN: usize = 16;
const OUTPUT_LEN: usize = 32;

impl Threads {
    fn start(concurrency: usize) -> Threads {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let pending = Arc::new(AtomicUsize::new(0));
        for i in 0..concurrency.max(1) {
            let (queue, pending) = (queue.clone(), pending.clone());
            std::thread::Builder::new()
                .name(format!("deadbolt-argon2-{i}"))
                .spawn(move || {
                    lower_this_threads_priority();
                    let mut memory = Vec::new();
                    loop {
                        // The lock is held only while waiting for the next job.
                        let job = match queue.lock() {
                            Ok(q) => q.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return }; // the Hasher is gone
                        pending.fetch_sub(1, Ordering::SeqCst);
                        job(&mut memory);
                        // Nothing queued: give the Argon2 memory back to the OS
                        // now (idle RSS stays near 10 MiB); under load it is
                        // reused from hash to hash.
                        if pending.load(Ordering::SeqCst) == 0 {
                            memory = Vec::new();
                        }
                    }
                })
                .expect("spawn a password-hashing thread");
        }
        Threads { jobs, pending }
    }
}

impl Hasher {
    /// A hasher with these costs running at most `concurrency` hashes at
    /// once. Its threads start with the first hash.
    pub fn new(params: Argon2Params, concurrency: usize) -> Self {
        Self {
            params,
            concurrency,
            threads: OnceLock::new(),
            dummy: OnceCell::new(),
        }
    }

    /// Whether the hashing threads have started (tests: a command that
    /// never hashes must not start them).
    pub fn started(&self) -> bool {
        self.threads.get().is_some()
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Vec<Block>) -> Result<T, HashError> + Send + 'static,
    ) -> Result<T, HashError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let threads = self
            .threads
            .get_or_init(|| Threads::start(self.concurrency));
        threads.pending.fetch_add(1, Ordering::SeqCst);
        threads
            .jobs
            .send(Box::new(move |memory: &mut Vec<Block>| {
                let _ = tx.send(f(memory));
            }))
            .map_err(|_| HashError("the hashing threads are gone".into()))?;
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
        let params = self.params;
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|e| HashError(e.to_string()))?;
        self.run(move |memory| {
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
        self.run(move |memory| {
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
                self.hash(Zeroizing::new("deadbolt dummy password".to_owned()))
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
        let h = Hasher::new(cfg, 1);
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
}
