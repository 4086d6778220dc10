//! `serve` configuration: flags, environment variables and an optional TOML
//! file, merged in that order of precedence (flag/env > file > default).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use deadbolt_store::DatabaseUrl;
use serde::Deserialize;

/// Where the store lives: shared by `serve` and every admin command.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Directory for the SQLite database and the key file that encrypts TOTP secrets.
    #[arg(long, env = "DEADBOLT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL: `sqlite://PATH` or `postgres://USER@HOST/DB`. Default: SQLite in the data directory.
    #[arg(long, env = "DEADBOLT_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
    /// TOML file with the same keys as the flags (listen, data_dir, database_url, issuer, public_url, ...).
    #[arg(long, env = "DEADBOLT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Flags of `deadbolt serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on: IP:PORT or HOST:PORT (default 127.0.0.1:8080).
    #[arg(long, env = "DEADBOLT_LISTEN", value_name = "ADDR")]
    pub listen: Option<String>,
    /// Service name shown in authenticator apps (the otpauth issuer).
    #[arg(long, env = "DEADBOLT_ISSUER", value_name = "NAME")]
    pub issuer: Option<String>,
    /// Public URL users reach Deadbolt at; `https://` makes cookies `Secure` with the `__Host-` prefix.
    /// Default: `http://<listen>`.
    #[arg(long, env = "DEADBOLT_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// Idle session timeout in seconds (default 1800).
    #[arg(long, env = "DEADBOLT_SESSION_IDLE", value_name = "SECONDS")]
    pub session_idle: Option<i64>,
    /// Absolute session lifetime in seconds (default 43200).
    #[arg(long, env = "DEADBOLT_SESSION_ABSOLUTE", value_name = "SECONDS")]
    pub session_absolute: Option<i64>,
    /// Reverse proxies whose X-Forwarded-For is trusted for client addresses (comma-separated IPs).
    #[arg(
        long,
        env = "DEADBOLT_TRUSTED_PROXIES",
        value_name = "IPS",
        value_delimiter = ','
    )]
    pub trusted_proxy: Vec<std::net::IpAddr>,
    /// Maximum database connections (PostgreSQL; SQLite uses a small fixed pool).
    #[arg(long, env = "DEADBOLT_DB_MAX_CONNECTIONS", value_name = "N")]
    pub db_max_connections: Option<u32>,
    /// Seconds a request waits for a free database connection (or for a new
    /// one to connect) before it fails with 503 (PostgreSQL; default 10).
    #[arg(long, env = "DEADBOLT_DB_ACQUIRE_TIMEOUT", value_name = "SECONDS")]
    pub db_acquire_timeout: Option<u64>,
    /// Step-up window: while 2FA is on, changing the device, the backup
    /// codes or the password needs a second factor passed in this session
    /// within this many seconds, or a code with the change (default 600).
    #[arg(long, env = "DEADBOLT_REAUTH_WINDOW", value_name = "SECONDS")]
    pub reauth_window: Option<i64>,
    /// How long a password-hashing thread keeps its Argon2 memory (19 MiB)
    /// after its last hash, for the next login to reuse; given back to the
    /// OS after that (default 20; 0 gives it back at once).
    #[arg(long, env = "DEADBOLT_HASH_MEMORY_KEEP", value_name = "SECONDS")]
    pub hash_memory_keep: Option<u64>,
    /// Serve Prometheus metrics at /metrics on this address (IP:PORT or
    /// HOST:PORT), a listener of its own; off by default.
    #[arg(long, env = "DEADBOLT_METRICS_LISTEN", value_name = "ADDR")]
    pub metrics_listen: Option<String>,
    /// Log lines as `text` (for people; colours only on a terminal) or
    /// `json` (one object a line, for a log pipeline). Default: text.
    #[arg(long, env = "DEADBOLT_LOG_FORMAT", value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// `open`: anyone may create an account at /signup; `closed`: accounts
    /// come from `deadbolt user add` only (default open).
    #[arg(long, env = "DEADBOLT_SIGNUP", value_name = "open|closed")]
    pub signup: Option<crate::access_cmd::Signup>,
    /// The pages' language when the browser names none Deadbolt speaks
    /// (no ?lang=, no lang cookie, no matching Accept-Language): one of
    /// en fr es pt it de nl sv ru tr cs (default en).
    #[arg(long, env = "DEADBOLT_DEFAULT_LANGUAGE", value_name = "CODE")]
    pub default_language: Option<String>,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Where mail goes: shared by `serve` and `mail test`.
#[derive(Debug, Clone, Args)]
pub struct MailArgs {
    /// SMTP server for verification links, password resets and security
    /// notices: `smtp://HOST[:PORT]` (plain), `smtp://HOST[:PORT]?starttls`,
    /// `smtps://HOST[:PORT]`; `USER:PASSWORD@` before the host for SMTP AUTH.
    /// Without it (and --mail-from) every email feature is off.
    #[arg(long, env = "DEADBOLT_SMTP_URL", value_name = "URL")]
    pub smtp_url: Option<String>,
    /// The sender of every letter: `name@example.com` or `Name <name@example.com>`.
    #[arg(long, env = "DEADBOLT_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// The longest one SMTP conversation may take before the letter is
    /// retried later (default 30).
    #[arg(long, env = "DEADBOLT_SMTP_TIMEOUT", value_name = "SECONDS")]
    pub smtp_timeout: Option<u64>,
}

/// Email, resolved: both settings or none.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// Never printed with its password.
    pub smtp_url: deadbolt_auth::mail::SmtpUrl,
    pub from: deadbolt_auth::mail::Mailbox,
    pub timeout: std::time::Duration,
}

impl MailSettings {
    pub fn resolve(args: &MailArgs, file: &FileConfig) -> anyhow::Result<Option<Self>> {
        let url = args.smtp_url.clone().or(file.smtp_url.clone());
        let from = args.mail_from.clone().or(file.mail_from.clone());
        let timeout = match args.smtp_timeout.or(file.smtp_timeout) {
            None => deadbolt_auth::SEND_TIMEOUT,
            Some(s) if (1..=600).contains(&s) => std::time::Duration::from_secs(s),
            Some(s) => bail!("--smtp-timeout must be between 1 and 600 seconds (got {s})"),
        };
        match (url, from) {
            (None, None) => Ok(None),
            (Some(_), None) => bail!("--smtp-url needs --mail-from (the sender of every letter)"),
            (None, Some(_)) => {
                bail!("--mail-from needs --smtp-url (the server that sends the letters)")
            }
            (Some(url), Some(from)) => Ok(Some(Self {
                smtp_url: deadbolt_auth::mail::SmtpUrl::parse(&url).map_err(anyhow::Error::msg)?,
                from: deadbolt_auth::mail::parse_sender(&from).map_err(anyhow::Error::msg)?,
                timeout,
            })),
        }
    }
}

/// `--log-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Lines for people (ANSI colours only when stderr is a terminal).
    #[default]
    Text,
    /// One JSON object a line.
    Json,
}

/// The TOML file: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub issuer: Option<String>,
    pub public_url: Option<String>,
    pub session_idle: Option<i64>,
    pub session_absolute: Option<i64>,
    pub trusted_proxies: Option<Vec<std::net::IpAddr>>,
    pub db_max_connections: Option<u32>,
    pub db_acquire_timeout: Option<u64>,
    pub reauth_window: Option<i64>,
    pub hash_memory_keep: Option<u64>,
    pub metrics_listen: Option<String>,
    pub log_format: Option<LogFormat>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub smtp_timeout: Option<u64>,
    pub signup: Option<crate::access_cmd::Signup>,
    pub cookie_domain: Option<String>,
    pub default_language: Option<String>,
    pub access_control: Option<deadbolt_auth::access::AccessControlSpec>,
    /// Where `[access_control]`'s parts are in the file, for error messages.
    #[serde(skip)]
    pub access_lines: AccessLines,
}

/// Line numbers (from 1) of `[access_control]`'s `default_policy` and of
/// each rule, so a refused table names the line to fix.
#[derive(Debug, Default, Clone)]
pub struct AccessLines {
    pub default_policy: Option<usize>,
    pub rules: Vec<usize>,
}

impl AccessLines {
    /// Found by a second, lenient parse that keeps the spans.
    fn find(text: &str) -> Self {
        #[derive(Deserialize)]
        struct Probe {
            access_control: Option<AccessProbe>,
        }
        #[derive(Deserialize)]
        struct AccessProbe {
            default_policy: Option<toml::Spanned<toml::Value>>,
            #[serde(default)]
            rules: Vec<toml::Spanned<toml::Value>>,
        }
        let line = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        match toml::from_str::<Probe>(text) {
            Ok(Probe {
                access_control: Some(a),
            }) => Self {
                default_policy: a.default_policy.map(|s| line(s.span().start)),
                rules: a.rules.iter().map(|s| line(s.span().start)).collect(),
            },
            _ => Self::default(),
        }
    }
}

impl FileConfig {
    /// Read the file named by `--config`, or an empty config.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let Some(path) = path else {
            return Ok(Self::default());
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        let mut config: Self = toml::from_str(&text)
            .with_context(|| format!("invalid config file {}", path.display()))?;
        config.access_lines = AccessLines::find(&text);
        Ok(config)
    }
}

/// Where the store is, resolved.
#[derive(Debug, Clone)]
pub struct StoreLocation {
    pub data_dir: PathBuf,
    /// Never printed in clear (it may hold a password).
    pub database_url: Option<DatabaseUrl>,
}

impl StoreLocation {
    pub fn resolve(args: &StoreArgs, file: &FileConfig) -> Self {
        let data_dir = args
            .data_dir
            .clone()
            .or_else(|| file.data_dir.clone())
            .unwrap_or_else(|| PathBuf::from("deadbolt-data"));
        let database_url = args
            .database_url
            .clone()
            .or_else(|| file.database_url.clone())
            .map(DatabaseUrl::new);
        Self {
            data_dir,
            database_url,
        }
    }
}

/// Everything `serve` needs, resolved and validated.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub store: StoreLocation,
    pub listen: String,
    pub issuer: String,
    pub public_url: String,
    pub session_idle: Option<i64>,
    pub session_absolute: Option<i64>,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub db_max_connections: Option<u32>,
    pub db_acquire_timeout: Option<u64>,
    pub reauth_window: Option<i64>,
    pub hash_memory_keep: Option<u64>,
    pub metrics_listen: Option<String>,
    pub log_format: LogFormat,
    pub mail: Option<MailSettings>,
    pub forward_auth: crate::access_cmd::ForwardAuthSettings,
    pub default_language: deadbolt_server::i18n::Lang,
}

impl ServeConfig {
    pub fn resolve(args: &ServeArgs) -> anyhow::Result<Self> {
        let file = FileConfig::load(args.store.config.as_deref())?;
        let listen = args
            .listen
            .clone()
            .or(file.listen.clone())
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let issuer = args
            .issuer
            .clone()
            .or(file.issuer.clone())
            .unwrap_or_else(|| "Deadbolt".into());
        if issuer.trim().is_empty() || issuer.contains(':') {
            bail!(
                "--issuer must be a non-empty name without ':' (it prefixes the label in authenticator apps)"
            );
        }
        let public_url = args
            .public_url
            .clone()
            .or(file.public_url.clone())
            .unwrap_or_else(|| format!("http://{listen}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            bail!("--public-url must start with http:// or https:// (got {public_url:?})");
        }
        for (name, v) in [
            ("session-idle", args.session_idle.or(file.session_idle)),
            (
                "session-absolute",
                args.session_absolute.or(file.session_absolute),
            ),
        ] {
            if let Some(v) = v
                && v <= 0
            {
                bail!("--{name} must be a positive number of seconds");
            }
        }
        let reauth_window = args.reauth_window.or(file.reauth_window);
        if let Some(v) = reauth_window
            && !(1..=86_400).contains(&v)
        {
            bail!("--reauth-window must be between 1 and 86400 seconds (got {v})");
        }
        let hash_memory_keep = args.hash_memory_keep.or(file.hash_memory_keep);
        if let Some(v) = hash_memory_keep
            && v > 3600
        {
            bail!("--hash-memory-keep must be between 0 and 3600 seconds (got {v})");
        }
        let trusted_proxies = if args.trusted_proxy.is_empty() {
            file.trusted_proxies.clone().unwrap_or_default()
        } else {
            args.trusted_proxy.clone()
        };
        let default_language = match args
            .default_language
            .clone()
            .or(file.default_language.clone())
        {
            None => deadbolt_server::i18n::Lang::ENGLISH,
            Some(code) => deadbolt_server::i18n::Lang::from_code(&code).with_context(|| {
                let codes: Vec<_> = deadbolt_server::i18n::Lang::all()
                    .map(|l| l.code())
                    .collect();
                format!(
                    "--default-language must be one of {} (got {code:?})",
                    codes.join(" ")
                )
            })?,
        };
        Ok(Self {
            default_language,
            store: StoreLocation::resolve(&args.store, &file),
            listen,
            issuer,
            public_url: public_url.trim_end_matches('/').to_string(),
            session_idle: args.session_idle.or(file.session_idle),
            session_absolute: args.session_absolute.or(file.session_absolute),
            trusted_proxies,
            db_max_connections: args.db_max_connections.or(file.db_max_connections),
            db_acquire_timeout: args.db_acquire_timeout.or(file.db_acquire_timeout),
            reauth_window,
            hash_memory_keep,
            metrics_listen: args.metrics_listen.clone().or(file.metrics_listen.clone()),
            log_format: args.log_format.or(file.log_format).unwrap_or_default(),
            mail: MailSettings::resolve(&args.mail, &file)?,
            forward_auth: crate::access_cmd::ForwardAuthSettings::resolve(args.signup, &file)?,
        })
    }
}
