//! `deadbolt code`, `deadbolt uri`, `deadbolt qr`: the OTP core on the command line.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use clap::Args;
use deadbolt_otp::{Algorithm, OtpAuthUri, Params, Secret, Totp};
use qrcode::QrCode;
use qrcode::render::unicode::Dense1x2;

/// Algorithm, digits and period, shared by every OTP subcommand.
#[derive(Args, Debug)]
pub struct ParamArgs {
    /// Number of digits (6, 7 or 8).
    #[arg(long, default_value_t = 6)]
    digits: u64,
    /// HMAC algorithm: sha1, sha256 or sha512.
    #[arg(long, default_value = "sha1")]
    algorithm: Algorithm,
    /// Time step in seconds.
    #[arg(long, default_value_t = 30)]
    period: u64,
}

impl ParamArgs {
    fn params(&self) -> Result<Params> {
        Params::new(self.algorithm, self.digits, self.period).context("invalid parameters")
    }
}

/// Arguments of `deadbolt code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    /// The shared secret in base32 (case, spaces and '=' padding do not matter).
    #[arg(long, env = "DEADBOLT_SECRET", hide_env_values = true)]
    secret: String,
    /// Unix time in seconds to compute the code for (default: now).
    #[arg(long)]
    time: Option<u64>,
    /// Also print the codes of the next N time steps, one a line (like `oathtool -w N`).
    #[arg(long, short = 'w', default_value_t = 0)]
    window: u64,
    #[command(flatten)]
    params: ParamArgs,
}

/// Arguments of `deadbolt uri` and `deadbolt qr`.
#[derive(Args, Debug)]
pub struct UriArgs {
    /// The service name shown in the authenticator app.
    #[arg(long)]
    issuer: String,
    /// The account (user) name.
    #[arg(long)]
    account: String,
    /// The shared secret in base32 (default: a fresh 160-bit secret).
    #[arg(long, env = "DEADBOLT_SECRET", hide_env_values = true)]
    secret: Option<String>,
    /// Also draw the URI as a QR code (`uri` only; `qr` always does).
    #[arg(long)]
    qr: bool,
    #[command(flatten)]
    params: ParamArgs,
}

fn secret(text: &str) -> Result<Secret> {
    Secret::from_base32(text).context("invalid --secret")
}

/// Unwinds a closed pipe (`deadbolt code -w 1000000 | head`) into success.
fn finish(result: io::Result<()>) -> Result<ExitCode> {
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write to standard output"),
    }
}

/// `deadbolt code`: the code at `--time` (or now) and the next `--window` codes.
pub fn code(args: &CodeArgs) -> Result<ExitCode> {
    let params = args.params.params()?;
    let secret = secret(&args.secret)?;
    let time = match args.time {
        Some(t) => t,
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .context("the system clock is before 1970")?
            .as_secs(),
    };
    // Keyed once: each code then costs one clone of the HMAC pad state.
    let totp = Totp::new(&secret, params);
    let first = totp.step(time);
    let last = first.saturating_add(args.window);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = (|| {
        let mut line = [0u8; 9];
        for step in first..=last {
            let code = totp.code_at_step(step);
            let digits = code.as_bytes();
            line[..digits.len()].copy_from_slice(digits);
            line[digits.len()] = b'\n';
            out.write_all(&line[..=digits.len()])?;
        }
        out.flush()
    })();
    finish(result)
}

fn build_uri(args: &UriArgs) -> Result<OtpAuthUri> {
    let params = args.params.params()?;
    let secret = match &args.secret {
        Some(text) => secret(text)?,
        None => Secret::generate(),
    };
    OtpAuthUri::new(&args.issuer, &args.account, secret, params).context("invalid label")
}

fn render_qr(text: &str) -> Result<String> {
    let qr = QrCode::new(text.as_bytes()).context("the URI is too long for a QR code")?;
    // Light modules drawn as blocks: scans on the usual dark terminal background.
    Ok(qr
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

/// `deadbolt uri`: print the otpauth URI, and with `--qr` its QR code.
pub fn uri(args: &UriArgs) -> Result<ExitCode> {
    let uri = build_uri(args)?.to_uri();
    let mut text = format!("{uri}\n");
    if args.qr {
        text.push_str(&render_qr(&uri)?);
        text.push('\n');
    }
    finish(io::stdout().lock().write_all(text.as_bytes()))
}

/// `deadbolt qr`: draw the otpauth URI as a QR code.
pub fn qr(args: &UriArgs) -> Result<ExitCode> {
    let uri = build_uri(args)?.to_uri();
    let text = format!("{}\n", render_qr(&uri)?);
    finish(io::stdout().lock().write_all(text.as_bytes()))
}
