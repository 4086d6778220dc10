//! Operator commands: `user list`, `user reset-two-factor`, `keys rotate`, `migrate`.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use deadbolt_auth::{Auth, AuthConfig, AuthError, Keyring, SystemClock};
use deadbolt_store::Store;

use crate::config::{FileConfig, StoreArgs, StoreLocation};
use crate::serve::{PoolArgs, load_keys, open_store};

/// `deadbolt user ...`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// List users with their 2FA status and remaining backup codes.
    List(StoreArgs),
    /// Remove a user's authenticator device and backup codes (for a user who lost both),
    /// end their sessions, and record it as a security event.
    ResetTwoFactor(ResetArgs),
    /// Add a user and print a one-time, expiring enrolment link where they choose their password.
    Add(crate::users_cmd::AddArgs),
    /// Print a fresh enrolment link for a user added by `user add` who has not chosen a
    /// password yet (the earlier link stops working).
    Link(crate::users_cmd::LinkArgs),
    /// Put a user in a group or take them out (`group:NAME` in access rules).
    #[command(subcommand)]
    Group(crate::users_cmd::GroupCommand),
    /// Disable a user: no sign-in, every session ended, a stranger to forward-auth.
    Disable(crate::users_cmd::NameArgs),
    /// Enable a disabled user again.
    Enable(crate::users_cmd::NameArgs),
}

/// Arguments of `user reset-two-factor`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The username.
    pub username: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `deadbolt keys ...`
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Add a new encryption key and re-encrypt every TOTP secret under it, in one
    /// transaction; older keys stay in the key file for reading. Also makes a new
    /// OpenID Connect signing key (the old public key stays published a day). Restart the
    /// running servers afterwards: they read the key file only at start.
    Rotate(StoreArgs),
}

/// Arguments of `deadbolt backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new backup file (it must not exist; it is created 0600: it holds
    /// password hashes). The keys are not in it: back up the `keys` file apart.
    #[arg(long, value_name = "FILE")]
    pub to: std::path::PathBuf,
    #[command(flatten)]
    pub store: StoreArgs,
}

fn location(args: &StoreArgs) -> anyhow::Result<StoreLocation> {
    let file = FileConfig::load(args.config.as_deref())?;
    Ok(StoreLocation::resolve(args, &file))
}

/// The store of an existing installation: unlike `serve` and `migrate`, the
/// operator commands never create a database (a mistyped `--data-dir` would
/// otherwise list no users, or rotate the keys of an empty database).
fn existing_location(args: &StoreArgs) -> anyhow::Result<StoreLocation> {
    let loc = location(args)?;
    if loc.database_url.is_none() && !loc.data_dir.join("deadbolt.db").exists() {
        bail!(
            "no Deadbolt database in {}: pass the --data-dir (or --database-url) that `deadbolt serve` uses",
            loc.data_dir.display()
        );
    }
    Ok(loc)
}

/// The rules over an existing store, with no HTTP stack and no hashing
/// thread until a command hashes a password (only `user add` does).
pub(crate) async fn auth(args: &StoreArgs, keys: Keyring) -> anyhow::Result<Auth> {
    let loc = existing_location(args)?;
    let store: Arc<dyn Store> = Arc::new(open_store(&loc, PoolArgs::default()).await?);
    Ok(Auth::new(
        store,
        keys,
        AuthConfig::default(),
        Arc::new(SystemClock),
    ))
}

/// Listing users and resetting 2FA never decrypt a secret: a throwaway
/// keyring, so that no key file is created (e.g. `./deadbolt-data/keys`
/// next to a `--database-url` run) and DEADBOLT_KEYS is not needed.
pub(crate) fn throwaway_keys() -> anyhow::Result<Keyring> {
    Keyring::generate().context("cannot generate a keyring")
}

/// Run a `user` subcommand.
pub async fn user(cmd: &UserCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        UserCommand::List(args) => {
            let auth = auth(args, throwaway_keys()?).await?;
            let users = auth.admin_list_users().await?;
            println!(
                "{:<32} {:<10} {:>12}  {:<20}  {:<8}  groups",
                "username", "2fa", "backup codes", "created", "state"
            );
            for u in users {
                println!(
                    "{:<32} {:<10} {:>12}  {:<20}  {:<8}  {}",
                    u.username,
                    if u.two_factor_enabled {
                        "enabled"
                    } else {
                        "off"
                    },
                    u.backup_codes_remaining,
                    deadbolt_server::util::rfc3339(u.created_at),
                    if u.disabled { "disabled" } else { "active" },
                    if u.groups.is_empty() {
                        "-".to_owned()
                    } else {
                        u.groups.join(",")
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::ResetTwoFactor(args) => {
            let auth = auth(&args.store, throwaway_keys()?).await?;
            match auth.admin_reset_two_factor(&args.username).await {
                Ok(passkeys) => {
                    println!(
                        "two-factor authentication removed for {} ({passkeys} passkey(s) removed too); their sessions were ended",
                        args.username
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(AuthError::NotFound) => {
                    bail!("no such user: {}", args.username)
                }
                Err(e) => Err(e).context("reset failed"),
            }
        }
        UserCommand::Add(args) => crate::users_cmd::add(args).await,
        UserCommand::Link(args) => crate::users_cmd::link(args).await,
        UserCommand::Group(cmd) => crate::users_cmd::group(cmd).await,
        UserCommand::Disable(args) => crate::users_cmd::set_disabled(args, true).await,
        UserCommand::Enable(args) => crate::users_cmd::set_disabled(args, false).await,
    }
}

/// Run a `keys` subcommand.
pub async fn keys(cmd: &KeysCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        KeysCommand::Rotate(args) => {
            let loc = existing_location(args)?;
            if std::env::var("DEADBOLT_KEYS").is_ok_and(|s| !s.trim().is_empty()) {
                bail!(
                    "the keys come from DEADBOLT_KEYS: rotate by unsetting it, pointing --data-dir at a copy of the key file, rotating there, and publishing the new file"
                );
            }
            let store: Arc<dyn Store> = Arc::new(open_store(&loc, PoolArgs::default()).await?);
            let mut keys = load_keys(&loc)?;
            // Only a keyring that opens this database's secrets may rotate them.
            let current = Auth::new(
                store.clone(),
                keys.clone(),
                AuthConfig::default(),
                Arc::new(SystemClock),
            );
            crate::serve::check_keys(&current, &loc).await?;
            let id = keys.rotate()?;
            // The new file (new key first, old keys kept for reading) is written
            // before the secrets move, so a crash in between leaves every secret readable.
            keys.save(&loc.data_dir)?;
            let auth = Auth::new(store, keys, AuthConfig::default(), Arc::new(SystemClock));
            let resealed = auth
                .reseal_devices()
                .await
                .context("re-encrypting the TOTP secrets failed")?;
            // The new key's check value, so nodes can be checked against it.
            crate::serve::check_keys(&auth, &loc).await?;
            println!("key {id} is now current; {resealed} TOTP secrets re-encrypted");
            // A new OpenID Connect signing key, sealed under the new key; the
            // old public key stays in the JWKS until its tokens have expired.
            let (kid, _) = auth.oidc_new_signing_key(true).await.map_err(|e| {
                anyhow::anyhow!("making a new OpenID Connect signing key failed: {e}")
            })?;
            println!("OpenID Connect tokens are now signed with key {kid}");
            // Running servers on this key file read it again when they meet the
            // new key id; they keep sealing new setups under the old key until
            // restarted (still readable: old keys stay in the file).
            println!(
                "running servers pick the new key up by themselves; restart them to seal new setups under it"
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `deadbolt migrate`: apply pending migrations explicitly.
pub async fn migrate(args: &StoreArgs) -> anyhow::Result<ExitCode> {
    let loc = location(args)?;
    let store = open_store(&loc, PoolArgs::default()).await?;
    let v = store.schema_version().await?;
    println!("database schema at version {}", v.unwrap_or(0));
    Ok(ExitCode::SUCCESS)
}

/// `deadbolt backup --to FILE`: a consistent copy of a live SQLite database
/// (`VACUUM INTO`, while `serve` keeps serving); for PostgreSQL, the
/// `pg_dump` line to use.
pub async fn backup(args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let loc = existing_location(&args.store)?;
    if let Some(url) = &loc.database_url
        && deadbolt_store::Backend::of(url)? == deadbolt_store::Backend::Postgres
    {
        println!(
            "PostgreSQL is backed up by its own tools; with the server's credentials (PGPASSWORD for a password):\n  pg_dump --format=custom --file {} '{}'",
            args.to.display(),
            url
        );
        println!(
            "the keys are not in the database: back up the keys file (or DEADBOLT_KEYS) apart"
        );
        return Ok(ExitCode::SUCCESS);
    }
    if args.to.exists() {
        bail!(
            "{} exists: a backup never overwrites a file; choose a new name",
            args.to.display()
        );
    }
    let store = open_store(&loc, PoolArgs::default()).await?;
    store
        .backup_to(&args.to)
        .await
        .with_context(|| format!("cannot write the backup to {}", args.to.display()))?;
    println!(
        "backup written to {} (a consistent copy of the database; the keys are not in it: back up {} apart)",
        args.to.display(),
        loc.data_dir.join("keys").display()
    );
    Ok(ExitCode::SUCCESS)
}
