//! Shared application state and the clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use deadbolt_store::Store;

use crate::auth::Auth;
use crate::config::ServerConfig;
use crate::crypto::Keyring;

/// The only source of time in the server: unix seconds.
pub trait Clock: Send + Sync + 'static {
    /// The current time, unix seconds.
    fn now(&self) -> i64;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}

/// A clock tests move by hand (tests never sleep).
#[derive(Debug, Default)]
pub struct FakeClock(AtomicI64);

impl FakeClock {
    /// A clock stopped at `now`.
    pub fn new(now: i64) -> Self {
        Self(AtomicI64::new(now))
    }
    /// Jump to `now`.
    pub fn set(&self, now: i64) {
        self.0.store(now, Ordering::SeqCst);
    }
    /// Move forward by `secs`.
    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// What every handler gets: the 2FA service and the configuration.
#[derive(Clone)]
pub struct AppState {
    /// All the authentication rules.
    pub auth: Arc<Auth>,
    /// Server configuration.
    pub config: Arc<ServerConfig>,
}

impl AppState {
    /// Build the state from its parts.
    pub fn new(
        store: Arc<dyn Store>,
        keys: Keyring,
        config: ServerConfig,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let config = Arc::new(config);
        let auth = Arc::new(Auth::new(store, keys, config.clone(), clock));
        Self { auth, config }
    }
}
