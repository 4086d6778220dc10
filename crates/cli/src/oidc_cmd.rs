//! `deadbolt oidc client add|list|remove`: the applications that may sign
//! their users in through Deadbolt (OpenID Connect).

use std::process::ExitCode;

use anyhow::bail;
use clap::{Args, Subcommand};
use deadbolt_auth::AuthError;
use deadbolt_auth::oidc::NewClient;

use crate::admin::{auth, throwaway_keys};
use crate::config::StoreArgs;

/// `deadbolt oidc ...`
#[derive(Debug, Subcommand)]
pub enum OidcCommand {
    /// Register, list or remove applications (OpenID Connect clients).
    #[command(subcommand)]
    Client(ClientCommand),
}

/// `deadbolt oidc client ...`
#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Register an application; prints its client id and, for a confidential
    /// client, its secret (once: only a hash is kept).
    Add(AddArgs),
    /// List the registered applications.
    List(StoreArgs),
    /// Remove an application with every token issued to it.
    Remove(RemoveArgs),
}

/// Arguments of `oidc client add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The application's name (shown on the consent page).
    pub name: String,
    /// Where the application receives the code (exact match; repeat for several).
    #[arg(long = "redirect-uri", value_name = "URI", required = true)]
    pub redirect_uris: Vec<String>,
    /// A public client (single-page or native app): no secret, PKCE S256 required.
    #[arg(long)]
    pub public: bool,
    /// Skip the consent page for this application (an operator's own app).
    #[arg(long)]
    pub trusted: bool,
    /// A scope it may ask for (repeat; default: openid profile email groups offline_access).
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `oidc client remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The application's name.
    pub name: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Run an `oidc` subcommand.
pub async fn run(cmd: &OidcCommand) -> anyhow::Result<ExitCode> {
    let OidcCommand::Client(cmd) = cmd;
    match cmd {
        ClientCommand::Add(args) => {
            let auth = auth(&args.store, throwaway_keys()?).await?;
            let new = NewClient {
                name: args.name.clone(),
                redirect_uris: args.redirect_uris.clone(),
                public: args.public,
                trusted: args.trusted,
                scopes: args
                    .scopes
                    .iter()
                    .flat_map(|s| s.split([' ', ',']))
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            };
            let (client, secret) = match auth.oidc_add_client(&new).await {
                Ok(done) => done,
                Err(AuthError::Invalid { message, .. }) => bail!("{message}"),
                Err(e) => {
                    return Err(anyhow::Error::new(e).context("registering the client failed"));
                }
            };
            println!("client_id: {}", client.client_id);
            if let Some(secret) = secret {
                println!("client_secret: {}", secret.as_str());
                eprintln!(
                    "the secret is shown once: store it in the application's configuration now"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ClientCommand::List(args) => {
            let auth = auth(args, throwaway_keys()?).await?;
            println!(
                "{:<24} {:<32} {:<12} {:<8} {:<40} redirect URIs",
                "name", "client_id", "type", "consent", "scopes"
            );
            for c in auth.oidc_clients().await? {
                println!(
                    "{:<24} {:<32} {:<12} {:<8} {:<40} {}",
                    c.name,
                    c.client_id,
                    if c.public { "public" } else { "confidential" },
                    if c.trusted { "skipped" } else { "asked" },
                    c.scopes.join(" "),
                    c.redirect_uris.join(" ")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ClientCommand::Remove(args) => {
            let auth = auth(&args.store, throwaway_keys()?).await?;
            match auth.oidc_remove_client(&args.name).await {
                Ok(()) => {
                    println!("client {} removed; its tokens are revoked", args.name);
                    Ok(ExitCode::SUCCESS)
                }
                Err(AuthError::NotFound) => bail!("no such client: {}", args.name),
                Err(e) => Err(anyhow::Error::new(e).context("removing the client failed")),
            }
        }
    }
}
