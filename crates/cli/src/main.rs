//! `deadbolt`: the one binary. Each subcommand lives in its own module; this
//! file only parses the command line and maps errors to an exit status.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod otp_cmd;

/// Deadbolt: a self-hosted two-factor login service.
#[derive(Parser)]
#[command(name = "deadbolt", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
        Command::Code(args) => otp_cmd::code(&args),
        Command::Uri(args) => otp_cmd::uri(&args),
        Command::Qr(args) => otp_cmd::qr(&args),
    }
}
