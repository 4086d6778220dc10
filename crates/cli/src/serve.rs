//! `deadbolt serve` and the plumbing every store-touching command shares:
//! opening the store and the keyring from the resolved configuration.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use deadbolt_auth::mail::SmtpTransport;
use deadbolt_auth::{Keyring, MailConfig};
use deadbolt_server::{AppState, ServerConfig, SystemClock};
use deadbolt_store::{SqlStore, StoreOptions};

use crate::config::{ServeConfig, StoreLocation};

/// Pool settings from `serve`'s flags (PostgreSQL; `None` keeps the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct PoolArgs {
    /// `--db-max-connections`.
    pub max_connections: Option<u32>,
    /// `--db-acquire-timeout`, seconds.
    pub acquire_timeout_secs: Option<u64>,
}

/// Open (and migrate) the store named by the configuration. Refuses a
/// database whose schema is newer than this binary.
pub async fn open_store(loc: &StoreLocation, pool: PoolArgs) -> anyhow::Result<SqlStore> {
    let mut opts = StoreOptions::default();
    if let Some(n) = pool.max_connections {
        anyhow::ensure!(n > 0, "--db-max-connections must be at least 1");
        opts.max_connections = n;
    }
    if let Some(secs) = pool.acquire_timeout_secs {
        anyhow::ensure!(
            (1..=3600).contains(&secs),
            "--db-acquire-timeout must be between 1 and 3600 seconds (got {secs})"
        );
        opts.acquire_timeout = std::time::Duration::from_secs(secs);
    }
    match &loc.database_url {
        Some(url) => SqlStore::connect_and_migrate(url, &opts)
            .await
            .with_context(|| format!("cannot open the database at {url}")),
        None => SqlStore::open_sqlite_dir(&loc.data_dir)
            .await
            .with_context(|| {
                format!(
                    "cannot open the SQLite database in {}",
                    loc.data_dir.display()
                )
            }),
    }
}

/// The keyring: `DEADBOLT_KEYS` if set, else `<data-dir>/keys` (created on first start, mode 0600).
pub fn load_keys(loc: &StoreLocation) -> anyhow::Result<Keyring> {
    match std::env::var("DEADBOLT_KEYS") {
        Ok(s) if !s.trim().is_empty() => {
            Keyring::from_env_string(&s).context("DEADBOLT_KEYS is not a valid keyring")
        }
        _ => Keyring::load_or_create(&loc.data_dir).with_context(|| {
            format!(
                "cannot load or create the key file in {}",
                loc.data_dir.display()
            )
        }),
    }
}

/// `--listen`: an IP address with a port, or a host name with a port
/// (`localhost:8080`; an IPv4 address is preferred when the name has both).
async fn listen_addr(listen: &str) -> anyhow::Result<SocketAddr> {
    if let Ok(addr) = listen.parse() {
        return Ok(addr);
    }
    let resolved: Vec<SocketAddr> = tokio::net::lookup_host(listen)
        .await
        .map(Iterator::collect)
        .unwrap_or_default();
    resolved
        .iter()
        .find(|a| a.is_ipv4())
        .or(resolved.first())
        .copied()
        .with_context(|| {
            format!(
                "--listen must be an address like 127.0.0.1:8080 or localhost:8080 (got {listen:?})"
            )
        })
}

/// Run the service until Ctrl-C / SIGTERM.
pub async fn serve(cfg: &ServeConfig) -> anyhow::Result<()> {
    let addr = listen_addr(&cfg.listen).await?;
    let metrics_addr = match &cfg.metrics_listen {
        Some(m) => {
            let m = listen_addr(m)
                .await
                .map_err(|_| anyhow::anyhow!("--metrics-listen must be an address like 127.0.0.1:9090 or localhost:9090 (got {m:?})"))?;
            anyhow::ensure!(
                m != addr || m.port() == 0,
                "--metrics-listen must differ from --listen ({m}): metrics are never served beside the login pages"
            );
            Some(m)
        }
        None => None,
    };
    let pool = PoolArgs {
        max_connections: cfg.db_max_connections,
        acquire_timeout_secs: cfg.db_acquire_timeout,
    };
    let store = open_store(&cfg.store, pool).await?;
    let keys = load_keys(&cfg.store)?;
    let mut server = ServerConfig::new(cfg.issuer.clone(), cfg.public_url.clone());
    if let Some(v) = cfg.session_idle {
        server.auth.session_idle_secs = v;
    }
    if let Some(v) = cfg.session_absolute {
        server.auth.session_absolute_secs = v;
    }
    if let Some(v) = cfg.reauth_window {
        server.auth.reauth_window_secs = v;
    }
    if let Some(v) = cfg.hash_memory_keep {
        server.auth.hash_memory_keep = std::time::Duration::from_secs(v);
    }
    server.trusted_proxies = cfg.trusted_proxies.clone();
    server.default_language = cfg.default_language;
    server.auth.signup_open = cfg.forward_auth.signup_open;
    server.cookie_domain = cfg.forward_auth.cookie_domain.clone();
    server.access = cfg.forward_auth.access.clone();
    let transport = match &cfg.mail {
        Some(mail) => {
            server.auth.mail = Some(MailConfig {
                from: mail.from.clone(),
                public_url: cfg.public_url.clone(),
                send_timeout: mail.timeout,
            });
            Some(SmtpTransport::new(&mail.smtp_url, mail.timeout).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    let state = AppState::new(Arc::new(store), keys, server, Arc::new(SystemClock));
    check_keys(&state.auth, &cfg.store).await?;
    // Users from before schema version 3 get their confusable skeleton.
    let (set, clashes) = state
        .auth
        .backfill_username_skeletons()
        .await
        .context("cannot record the usernames' confusable skeletons")?;
    if set + clashes > 0 {
        tracing::info!(set, clashes, "username skeletons recorded");
    }

    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    if let Some(m) = metrics_addr {
        let metrics = tokio::net::TcpListener::bind(m)
            .await
            .with_context(|| format!("cannot listen on {m} (--metrics-listen)"))?;
        let at = metrics.local_addr()?;
        anyhow::ensure!(
            at != local,
            "--metrics-listen must differ from --listen ({at})"
        );
        serve_metrics(metrics, state.clone())?;
        println!("deadbolt metrics on http://{at}/metrics");
    }
    println!(
        "deadbolt listening on http://{local} (public URL {})",
        cfg.public_url
    );
    // One outbox worker per node; letters wait in the database meanwhile.
    let worker = match transport {
        Some(t) => {
            tracing::info!(smtp = %t.url(), "email on: the outbox worker sends through this server");
            Some(tokio::spawn(
                state.auth.clone().run_mail_worker(Arc::new(t)),
            ))
        }
        None => {
            tracing::info!("email off (no --smtp-url): no verification, reset or notice letters");
            None
        }
    };
    let served = deadbolt_server::serve(listener, state, shutdown_signal())
        .await
        .context("server error");
    if let Some(w) = worker {
        w.abort();
    }
    served
}

/// Refuse to start when this node's keys cannot open the database's secrets
/// (see `deadbolt_auth::Auth::check_keys`), saying what to copy where.
pub async fn check_keys(auth: &deadbolt_auth::Auth, loc: &StoreLocation) -> anyhow::Result<()> {
    let source = match std::env::var("DEADBOLT_KEYS") {
        Ok(s) if !s.trim().is_empty() => "DEADBOLT_KEYS".to_owned(),
        _ => format!("{}", loc.data_dir.join("keys").display()),
    };
    match auth
        .check_keys()
        .await
        .context("cannot check the keys against the database")?
    {
        Ok(()) => Ok(()),
        Err(m) => anyhow::bail!(
            "{m}.\nThe keys came from {source}; the database is {}.\nCopy the `keys` file of the node that holds key ids {:?} (from its data directory) to {}, or set DEADBOLT_KEYS to its content (one line: `id:hex;...;pepper:hex`), then start again. Every node on one database must share the same keys.",
            loc.database_url.as_ref().map_or_else(
                || loc.data_dir.join("deadbolt.db").display().to_string(),
                |u| u.to_string()
            ),
            m.expected,
            loc.data_dir.join("keys").display(),
        ),
    }
}

/// Install the Prometheus recorder and serve `/metrics` on `listener`.
fn serve_metrics(listener: tokio::net::TcpListener, state: AppState) -> anyhow::Result<()> {
    let handle = deadbolt_server::metrics::exporter()
        .install_recorder()
        .context("cannot install the metrics recorder")?;
    deadbolt_server::metrics::describe();
    let upkeep = handle.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            upkeep.run_upkeep();
        }
    });
    tokio::spawn(async move {
        if let Err(e) = deadbolt_server::metrics::serve(listener, handle, state).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
