//! Shared application state.

use std::sync::Arc;

use deadbolt_auth::{Auth, Clock, Keyring, Store};

use crate::config::ServerConfig;

/// What every handler gets: the rules and the configuration.
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
        let mut auth_config = config.auth.clone();
        // The passkeys' relying party is the public URL.
        auth_config.public_url = config.public_url.clone();
        // Letters to users without a stored language use the pages' default.
        auth_config.default_language = config.default_language.code().to_owned();
        let auth = Arc::new(Auth::new(store, keys, auth_config, clock));
        Self {
            auth,
            config: Arc::new(config),
        }
    }
}
