//! Passwords and usernames: normalisation, policy, and Argon2id hashing off
//! the async executor with bounded concurrency.
//!
//! Policy (NIST SP 800-63B 5.1.1.2): NFKC-normalised, 8 to [`MAX_PASSWORD_CHARS`]
//! characters, no composition rules, no NUL, not one of the common passwords
//! embedded from `common-passwords.txt`.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use argon2::{Algorithm, Argon2, Block, Params, Version};
use data_encoding::BASE64_NOPAD;
use subtle::ConstantTimeEq;
use tokio::sync::OnceCell;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::config::Argon2Params;

/// Shortest password accepted, in characters (after NFKC).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in characters (after NFKC): long enough for any
/// passphrase, short enough that hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// Longest username, in characters.
pub const MAX_USERNAME_CHARS: usize = 64;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Why a password or username was refused, in plain words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

/// NFKC-normalise a password and check the policy. The result is what gets hashed.
pub fn normalize_password(raw: &str) -> Result<Zeroizing<String>, PolicyError> {
    if raw.contains('\0') {
        return Err(PolicyError(
            "The password must not contain a NUL character.".into(),
        ));
    }
    let pw: Zeroizing<String> = Zeroizing::new(raw.nfkc().collect());
    let n = pw.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(PolicyError(format!(
            "Use at least {MIN_PASSWORD_CHARS} characters."
        )));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(PolicyError(format!(
            "Use at most {MAX_PASSWORD_CHARS} characters."
        )));
    }
    if is_common(&pw) {
        return Err(PolicyError(
            "This password is one of the most common passwords; choose one that is harder to guess.".into(),
        ));
    }
    Ok(pw)
}

/// NFKC-normalise a password typed at login (no policy: old passwords must keep working).
pub fn normalize_login_password(raw: &str) -> Zeroizing<String> {
    Zeroizing::new(raw.nfkc().collect())
}

/// Whether `pw` (compared lowercased) is in the embedded common-password list.
pub fn is_common(pw: &str) -> bool {
    COMMON.contains(pw.to_lowercase().as_str())
}

/// A username: the display form (NFKC) and the unique key (NFKC + lowercase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username {
    /// As typed, NFKC-normalised.
    pub display: String,
    /// Unique key: NFKC, lowercased, NFKC again.
    pub key: String,
}

/// Validate a username: 1–64 characters, letters, digits, `.`, `_`, `-`.
pub fn normalize_username(raw: &str) -> Result<Username, PolicyError> {
    let display: String = raw.trim().nfkc().collect();
    let n = display.chars().count();
    if n == 0 {
        return Err(PolicyError("Enter a username.".into()));
    }
    if n > MAX_USERNAME_CHARS {
        return Err(PolicyError(format!(
            "Use at most {MAX_USERNAME_CHARS} characters for the username."
        )));
    }
    if !display
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(PolicyError(
            "A username may contain only letters, digits, '.', '_' and '-'.".into(),
        ));
    }
    let key: String = display.to_lowercase().nfkc().collect();
    Ok(Username { display, key })
}

/// Argon2id on a small pool of dedicated threads (one per permitted
/// concurrent hash), each owning its Argon2 memory while there is work: a flood of
/// logins can neither block the async executor nor grow memory past
/// `concurrency × m_cost` (allocating 19 MiB per hash on tokio's blocking
/// threads left hundreds of MiB in glibc's per-thread arenas).
pub struct Hasher {
    params: Argon2Params,
    jobs: std::sync::mpsc::Sender<Job>,
    /// Jobs sent and not yet taken by a hashing thread.
    pending: Arc<AtomicUsize>,
    dummy: OnceCell<String>,
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

impl Hasher {
    /// A hasher with these costs running at most `concurrency` hashes at once.
    pub fn new(params: Argon2Params, concurrency: usize) -> Self {
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
        Self {
            params,
            jobs,
            pending,
            dummy: OnceCell::new(),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Vec<Block>) -> Result<T, HashError> + Send + 'static,
    ) -> Result<T, HashError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.pending.fetch_add(1, Ordering::SeqCst);
        self.jobs
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
    pub async fn hash(&self, password: Zeroizing<String>) -> Result<String, HashError> {
        let params = self.params;
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|e| HashError(e.to_string()))?;
        self.run(move |memory| {
            let mut out = [0u8; OUTPUT_LEN];
            Self::argon2id(params, password.as_bytes(), &salt, &mut out, memory)?;
            Ok(format!(
                "$argon2id$v=19$m={},t={},p={}${}${}",
                params.m_cost,
                params.t_cost,
                params.p_cost,
                BASE64_NOPAD.encode(&salt),
                BASE64_NOPAD.encode(&out)
            ))
        })
        .await
    }

    /// Check a password against a stored PHC string (its own costs apply).
    pub async fn verify(
        &self,
        password: Zeroizing<String>,
        phc: String,
    ) -> Result<bool, HashError> {
        let (params, salt, expected) = parse_phc(&phc)?;
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

    async fn dummy_hash(&self) -> Result<String, HashError> {
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
        self.verify(password, dummy).await.map(|_| ())
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

    #[test]
    fn password_policy() {
        assert!(normalize_password("glacier notebook pumpkin 58").is_ok());
        assert!(normalize_password("short").is_err());
        assert!(normalize_password("password").is_err());
        assert!(
            normalize_password("PassWord123").is_err(),
            "common, case-insensitively"
        );
        assert!(normalize_password("qwertyuiop").is_err());
        assert!(normalize_password("nul\0inside the password").is_err());
        assert!(normalize_password(&"x".repeat(1025)).is_err());
        assert!(normalize_password(&"xy".repeat(512)).is_ok());
        // NFKC: a full-width form equals the ASCII form.
        assert_eq!(
            normalize_password("ｇｌａｃｉｅｒ ｎｏｔｅ")
                .unwrap()
                .as_str(),
            "glacier note"
        );
        assert!(
            COMMON.len() >= 1000,
            "embedded list has {} entries",
            COMMON.len()
        );
    }

    #[test]
    fn usernames() {
        let u = normalize_username("Alice.B-1_x").unwrap();
        assert_eq!(u.display, "Alice.B-1_x");
        assert_eq!(u.key, "alice.b-1_x");
        assert_eq!(normalize_username("ＡＬＩＣＥ").unwrap().key, "alice");
        assert_eq!(normalize_username("Émile").unwrap().key, "émile");
        for bad in ["", "a b", "a/b", "<script>", "a\0b", &"a".repeat(65)] {
            assert!(normalize_username(bad).is_err(), "{bad:?}");
        }
    }

    #[tokio::test]
    async fn production_parameters_hash_and_verify() {
        let cfg = Argon2Params::default();
        assert!(cfg.m_cost >= 19456 && cfg.t_cost >= 2 && cfg.p_cost >= 1);
        let h = Hasher::new(cfg, 1);
        let phc = h
            .hash(Zeroizing::new("correct horse battery".into()))
            .await
            .unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            h.verify(Zeroizing::new("correct horse battery".into()), phc.clone())
                .await
                .unwrap()
        );
        assert!(
            !h.verify(Zeroizing::new("wrong horse battery".into()), phc)
                .await
                .unwrap()
        );
    }
}
