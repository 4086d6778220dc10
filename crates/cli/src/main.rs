//! `deadbolt`: the one binary. Each subcommand lives in its own module; this
//! file only parses the command line and maps errors to an exit status.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod access_cmd;
mod admin;
mod config;
mod logging;
mod mail_cmd;
mod oidc_cmd;
mod otp_cmd;
mod serve;
mod users_cmd;

/// Deadbolt: a self-hosted two-factor login service.
#[derive(Parser)]
#[command(name = "deadbolt", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the service (HTML pages, JSON API, /healthz).
    Serve(Box<config::ServeArgs>),
    /// Administer users (operator recovery when a user lost phone and backup codes).
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Manage the keys that encrypt TOTP secrets at rest.
    #[command(subcommand)]
    Keys(admin::KeysCommand),
    /// Make a consistent copy of a live SQLite database (for PostgreSQL: print the pg_dump line).
    Backup(admin::BackupArgs),
    /// Apply pending database migrations (serve does it too) and print the schema version.
    Migrate(config::StoreArgs),
    /// Email: send a test letter through the configured SMTP server.
    #[command(subcommand)]
    Mail(mail_cmd::MailCommand),
    /// Forward-auth access rules: `access check` prints the rule a URL meets and why.
    #[command(subcommand)]
    Access(access_cmd::AccessCommand),
    /// OpenID Connect: the applications that sign their users in through Deadbolt.
    #[command(subcommand)]
    Oidc(oidc_cmd::OidcCommand),
    /// Print the TOTP code of a secret (like `oathtool --totp -b`).
    Code(otp_cmd::CodeArgs),
    /// Print an otpauth:// URI for an authenticator app (a fresh secret if none given).
    Uri(otp_cmd::UriArgs),
    /// Draw the otpauth:// URI as a QR code in the terminal.
    Qr(otp_cmd::UriArgs),
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("deadbolt: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    match Cli::parse().command {
        Command::Serve(args) => {
            let cfg = config::ServeConfig::resolve(&args)?;
            logging::init(cfg.log_format);
            runtime()?.block_on(serve::serve(&cfg))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(cmd) => runtime()?.block_on(admin::user(&cmd)),
        Command::Keys(cmd) => runtime()?.block_on(admin::keys(&cmd)),
        Command::Migrate(args) => runtime()?.block_on(admin::migrate(&args)),
        Command::Backup(args) => runtime()?.block_on(admin::backup(&args)),
        Command::Mail(cmd) => runtime()?.block_on(mail_cmd::run(&cmd)),
        Command::Access(cmd) => runtime()?.block_on(access_cmd::run(&cmd)),
        Command::Oidc(cmd) => runtime()?.block_on(oidc_cmd::run(&cmd)),
        Command::Code(args) => otp_cmd::code(&args),
        Command::Uri(args) => otp_cmd::uri(&args),
        Command::Qr(args) => otp_cmd::qr(&args),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
