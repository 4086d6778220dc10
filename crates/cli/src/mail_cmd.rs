//! `deadbolt mail test --to ADDRESS`: one letter through the configured
//! SMTP server, and what the server said.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::SystemTime;

use clap::{Args, Subcommand};
use deadbolt_auth::mail::{
    Content, LetterContext, OutgoingMail, SmtpTransport, Transport, parse_user_address, render,
};

use crate::config::{FileConfig, MailArgs, MailSettings};

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send a test letter and print the SMTP server's answer (exit 1 if it
    /// did not take it).
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Where to send it.
    #[arg(long, value_name = "ADDRESS")]
    pub to: String,
    #[command(flatten)]
    pub mail: MailArgs,
    /// TOML file with the same keys as serve's flags (smtp_url, mail_from, issuer).
    #[arg(long, env = "DEADBOLT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The service's name in the letter.
    #[arg(long, env = "DEADBOLT_ISSUER", value_name = "NAME")]
    pub issuer: Option<String>,
}

pub async fn run(cmd: &MailCommand) -> anyhow::Result<ExitCode> {
    let MailCommand::Test(args) = cmd;
    let file = FileConfig::load(args.config.as_deref())?;
    let Some(settings) = MailSettings::resolve(&args.mail, &file)? else {
        anyhow::bail!(
            "email is not configured: give --smtp-url and --mail-from (or DEADBOLT_SMTP_URL and DEADBOLT_MAIL_FROM, or smtp_url and mail_from in --config)"
        );
    };
    let to = parse_user_address(&args.to).map_err(|e| anyhow::anyhow!("--to: {e}"))?;
    let issuer = args
        .issuer
        .clone()
        .or(file.issuer.clone())
        .unwrap_or_else(|| "Deadbolt".to_owned());
    let transport =
        SmtpTransport::new(&settings.smtp_url, settings.timeout).map_err(anyhow::Error::msg)?;
    let now = SystemTime::now();
    let unix = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let letter = render(
        Content::Test,
        &LetterContext {
            issuer: &issuer,
            at: i64::try_from(unix).unwrap_or(0),
            ip: "",
            browser: deadbolt_auth::mail::Browser::Unknown,
            security_url: "",
            // The language the server writes to users without one of their own.
            language: file.default_language.as_deref(),
        },
    );
    let mail = OutgoingMail {
        message_id: format!(
            "<deadbolt.test.{unix}.{}@{}>",
            std::process::id(),
            settings.from.email.domain()
        ),
        from: settings.from,
        to: to.clone(),
        letter,
        date: now,
    };
    println!("SMTP server: {}", transport.url());
    println!("From: {}", mail.from);
    println!("To: {to}");
    match transport.send(&mail).await {
        Ok(delivery) => {
            println!("Message-ID: {}", mail.message_id);
            println!("sent: the server answered {}", delivery.reply);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("not sent: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}
