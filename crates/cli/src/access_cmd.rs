//! Forward-auth settings (`--signup`, `cookie_domain`, `[access_control]`),
//! resolved for `serve`, and `deadbolt access check`, which prints the rule
//! a URL meets and why (operators debug their rules without curl).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use deadbolt_auth::access::{Target, Visitor, path_and_query};
use deadbolt_auth::return_url::normalize_cookie_domain;
use deadbolt_auth::{AccessRules, AuthError};

use crate::config::{FileConfig, StoreArgs};

/// `serve --signup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Signup {
    /// Anyone may create an account at /signup (a fresh single-user install).
    Open,
    /// Accounts come from `deadbolt user add` only.
    Closed,
}

/// What `serve` needs for forward-auth, resolved and checked.
#[derive(Debug, Clone)]
pub struct ForwardAuthSettings {
    pub signup_open: bool,
    pub cookie_domain: Option<String>,
    pub access: Arc<AccessRules>,
}

impl ForwardAuthSettings {
    /// From the flag (or its environment variable) and the TOML file.
    pub fn resolve(signup: Option<Signup>, file: &FileConfig) -> anyhow::Result<Self> {
        let signup = signup.or(file.signup).unwrap_or(Signup::Open);
        let cookie_domain = match &file.cookie_domain {
            None => None,
            Some(d) => Some(normalize_cookie_domain(d).with_context(|| {
                format!("cookie_domain {d:?} is not a domain name (like \"example.com\")")
            })?),
        };
        let access = rules(file)?;
        Ok(Self {
            signup_open: signup == Signup::Open,
            cookie_domain,
            access: Arc::new(access),
        })
    }
}

/// The file's `[access_control]`, compiled; a refusal names the line.
fn rules(file: &FileConfig) -> anyhow::Result<AccessRules> {
    let Some(spec) = file.access_control.as_ref() else {
        return Ok(AccessRules::deny_all());
    };
    AccessRules::compile(spec).map_err(|e| {
        let line = match e.rule {
            Some(n) => file.access_lines.rules.get(n - 1).copied(),
            None => file.access_lines.default_policy,
        };
        match line {
            Some(line) => anyhow::anyhow!("line {line}: {e}"),
            None => anyhow::anyhow!("{e}"),
        }
    })
}

/// `deadbolt access ...`
#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Print which access rule a URL meets, and why (no server needed).
    Check(CheckArgs),
}

/// Arguments of `access check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The TOML file with the `[access_control]` table.
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// The URL a browser asks for (absolute http or https).
    pub url: String,
    /// Judge it for this user (their groups from the database); without it,
    /// for a visitor who is not signed in.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// The HTTP method (default GET).
    #[arg(long, default_value = "GET")]
    pub method: String,
    /// Where the users are (only with --user).
    #[arg(long, env = "DEADBOLT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL (only with --user).
    #[arg(long, env = "DEADBOLT_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
}

/// Run an `access` subcommand.
pub async fn run(cmd: &AccessCommand) -> anyhow::Result<ExitCode> {
    let AccessCommand::Check(args) = cmd;
    let file = FileConfig::load(Some(&args.config))?;
    let rules = rules(&file)?;
    let url = url::Url::parse(&args.url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .with_context(|| format!("{:?} is not an absolute http(s) URL", args.url))?;
    let method = args.method.to_ascii_uppercase();
    let path_and_query = path_and_query(&url);
    let target = Target::of(&method, &url, &path_and_query);
    let who = match &args.user {
        None => None,
        Some(name) => {
            let store = StoreArgs {
                data_dir: args.data_dir.clone(),
                database_url: args.database_url.clone(),
                config: Some(args.config.clone()),
            };
            let auth = crate::admin::auth(&store, crate::admin::throwaway_keys()?).await?;
            match auth.admin_user_groups(name).await {
                Ok(found) => Some(found),
                Err(AuthError::NotFound) => bail!("no such user: {name}"),
                Err(e) => return Err(e).context("cannot read the user"),
            }
        }
    };
    let visitor = who
        .as_ref()
        .map(|(username, groups)| Visitor { username, groups });
    println!(
        "{method} {url} for {}",
        who.as_ref()
            .map_or("a visitor who is not signed in".to_owned(), |(u, g)| {
                format!(
                    "user {u} (groups: {})",
                    if g.is_empty() {
                        "none".to_owned()
                    } else {
                        g.join(",")
                    }
                )
            })
    );
    for line in rules.explain(&target, visitor.as_ref()) {
        println!("  {line}");
    }
    Ok(ExitCode::SUCCESS)
}
