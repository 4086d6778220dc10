//! Who may come in: `deadbolt user add` (a one-time enrolment link) and
//! `user link` (a fresh one), `user group add|remove`, `user disable|enable`.

use std::process::ExitCode;

use anyhow::bail;
use clap::{Args, Subcommand};
use deadbolt_auth::{AuthError, ENROL_TOKEN_SECS};

use crate::admin::{auth, throwaway_keys};
use crate::config::{FileConfig, StoreArgs};

/// Arguments of `user add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The username.
    pub username: String,
    /// A group to put the user in (repeat for several).
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    /// The public URL the enrolment link starts with (as for `serve`).
    #[arg(long, env = "DEADBOLT_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `user link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The username.
    pub username: String,
    /// The public URL the enrolment link starts with (as for `serve`).
    #[arg(long, env = "DEADBOLT_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `user group ...`
#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Put a user in a group.
    Add(GroupArgs),
    /// Take a user out of a group.
    Remove(GroupArgs),
}

/// Arguments of `user group add|remove`.
#[derive(Debug, Args)]
pub struct GroupArgs {
    /// The username.
    pub username: String,
    /// The group (a-z, 0-9, -, _ or .).
    pub group: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `user disable|enable`.
#[derive(Debug, Args)]
pub struct NameArgs {
    /// The username.
    pub username: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

fn not_found(e: AuthError, username: &str) -> anyhow::Error {
    match e {
        AuthError::NotFound => anyhow::anyhow!("no such user: {username}"),
        AuthError::Invalid { message, .. } => anyhow::anyhow!("{message}"),
        e => anyhow::Error::new(e).context("the change failed"),
    }
}

/// The public URL an enrolment link starts with: the flag, else the file's.
fn public_url(flag: Option<&String>, store: &StoreArgs) -> anyhow::Result<String> {
    let file = FileConfig::load(store.config.as_deref())?;
    let public = flag.cloned().or(file.public_url);
    let Some(public) = public.filter(|p| !p.trim().is_empty()) else {
        bail!(
            "the enrolment link needs the public URL: pass --public-url (or public_url in --config, as for serve)"
        );
    };
    let public = public.trim_end_matches('/').to_owned();
    if !(public.starts_with("https://") || public.starts_with("http://")) {
        bail!("--public-url must start with http:// or https:// (got {public:?})");
    }
    Ok(public)
}

/// `user add NAME [--group G] [--public-url URL]`.
pub async fn add(args: &AddArgs) -> anyhow::Result<ExitCode> {
    let public = public_url(args.public_url.as_ref(), &args.store)?;
    let auth = auth(&args.store, throwaway_keys()?).await?;
    let (user, token) = match auth.admin_add_user(&args.username, &args.groups).await {
        Ok(done) => done,
        Err(AuthError::UsernameTaken) => bail!("the username {} is taken", args.username),
        Err(e) => return Err(not_found(e, &args.username)),
    };
    println!(
        "user {} added; send them this link to choose their password (it works once, for {} hours):",
        user.username,
        ENROL_TOKEN_SECS / 3600
    );
    println!("{public}/enrol?token={}", token.expose());
    Ok(ExitCode::SUCCESS)
}

/// `user link NAME [--public-url URL]`.
pub async fn link(args: &LinkArgs) -> anyhow::Result<ExitCode> {
    let public = public_url(args.public_url.as_ref(), &args.store)?;
    let auth = auth(&args.store, throwaway_keys()?).await?;
    let (user, token) = auth
        .admin_reissue_enrolment(&args.username)
        .await
        .map_err(|e| not_found(e, &args.username))?;
    println!(
        "a new enrolment link for {} (earlier links no longer work; this one works once, for {} hours):",
        user.username,
        ENROL_TOKEN_SECS / 3600
    );
    println!("{public}/enrol?token={}", token.expose());
    Ok(ExitCode::SUCCESS)
}

/// `user group add|remove NAME GROUP`.
pub async fn group(cmd: &GroupCommand) -> anyhow::Result<ExitCode> {
    let (args, add) = match cmd {
        GroupCommand::Add(a) => (a, true),
        GroupCommand::Remove(a) => (a, false),
    };
    let auth = auth(&args.store, throwaway_keys()?).await?;
    let changed = auth
        .admin_set_group(&args.username, &args.group, add)
        .await
        .map_err(|e| not_found(e, &args.username))?;
    let group = args.group.trim().to_ascii_lowercase();
    match (add, changed) {
        (true, true) => println!("{} is now in group {group}", args.username),
        (true, false) => println!("{} was already in group {group}", args.username),
        (false, true) => println!("{} is no longer in group {group}", args.username),
        (false, false) => println!("{} was not in group {group}", args.username),
    }
    Ok(ExitCode::SUCCESS)
}

/// `user disable|enable NAME`.
pub async fn set_disabled(args: &NameArgs, disabled: bool) -> anyhow::Result<ExitCode> {
    let auth = auth(&args.store, throwaway_keys()?).await?;
    let changed = auth
        .admin_set_disabled(&args.username, disabled)
        .await
        .map_err(|e| not_found(e, &args.username))?;
    let state = if disabled { "disabled" } else { "enabled" };
    if changed {
        let ended = if disabled {
            "; their sessions were ended"
        } else {
            ""
        };
        println!("{} is {state}{ended}", args.username);
    } else {
        println!("{} was already {state}", args.username);
    }
    Ok(ExitCode::SUCCESS)
}
