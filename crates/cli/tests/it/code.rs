//! `deadbolt code`, `uri`, `qr`: outputs and error messages.

use std::io::Read;
use std::process::{Command, Stdio};

use deadbolt_otp::{Algorithm, OtpAuthUri, Params};

use crate::{deadbolt, fails, ok};

const RFC: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC64: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=";

#[test]
fn code_prints_rfc_values() {
    assert_eq!(ok(&["code", "--secret", RFC, "--time", "59"]), "287082\n");
    assert_eq!(
        ok(&["code", "--secret", RFC, "--time", "1111111109"]),
        "081804\n"
    );
    assert_eq!(
        ok(&[
            "code",
            "--secret",
            RFC,
            "--time",
            "20000000000",
            "--digits",
            "8"
        ]),
        "65353130\n"
    );
    assert_eq!(
        ok(&[
            "code",
            "--secret",
            RFC64,
            "--time",
            "59",
            "--digits",
            "8",
            "--algorithm",
            "sha512"
        ]),
        "90693936\n"
    );
    assert_eq!(
        ok(&[
            "code",
            "--secret",
            "gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
            "--time",
            "59"
        ]),
        "287082\n"
    );
}

#[test]
fn code_window_prints_the_next_codes_like_oathtool() {
    assert_eq!(
        ok(&["code", "--secret", RFC, "--time", "59", "--window", "2"]),
        "287082\n359152\n969429\n"
    );
    assert_eq!(
        ok(&["code", "--secret", RFC, "--time", "59", "-w", "0"]),
        "287082\n"
    );
    let many = ok(&["code", "--secret", RFC, "--time", "0", "--window", "9"]);
    assert_eq!(many.lines().count(), 10);
    assert_eq!(many.lines().nth(9), Some("520489")); // RFC 4226 counter 9
}

#[test]
fn code_defaults_to_now() {
    let out = ok(&["code", "--secret", RFC]);
    assert_eq!(out.len(), 7);
    assert!(out[..6].bytes().all(|b| b.is_ascii_digit()));
}

#[test]
fn code_reads_the_secret_from_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_deadbolt"))
        .args(["code", "--time", "59"])
        .env("DEADBOLT_SECRET", RFC)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "287082\n");
}

/// Regression: `deadbolt code -w 1000000 | head -1` must not report an error.
#[test]
fn closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deadbolt"))
        .args([
            "code", "--secret", RFC, "--time", "0", "--window", "10000000",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 7];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    assert_eq!(&first, b"755224\n");
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn bad_input_gives_a_clear_error_and_failure() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["code", "--secret", "MZXW6YT1", "--time", "0"],
            &["--secret", "'1'", "A-Z and 2-7"],
        ),
        (&["code", "--secret", "GEZDGNBVGY3TQOJ0"], &["'0'"]),
        (&["code", "--secret", "ABC"], &["--secret", "malformed"]),
        (&["code", "--secret", ""], &["--secret", "empty"]),
        (
            &["code", "--secret", RFC, "--digits", "9"],
            &["digits must be 6, 7 or 8, not 9"],
        ),
        (&["code", "--secret", RFC, "--digits", "5"], &["not 5"]),
        (
            &["code", "--secret", RFC, "--algorithm", "md5"],
            &["unknown algorithm", "SHA1, SHA256 or SHA512"],
        ),
        (
            &["code", "--secret", RFC, "--period", "0"],
            &["period must be at least 1 second"],
        ),
        (&["code", "--secret", RFC, "--time=-5"], &["--time"]),
        (&["code"], &["--secret"]),
        (&["uri", "--issuer", "Acme", "--account", "a:b"], &["colon"]),
        (
            &["uri", "--issuer", "", "--account", "bob"],
            &["issuer must not be empty"],
        ),
        (
            &[
                "uri",
                "--issuer",
                "Acme",
                "--account",
                "bob",
                "--digits",
                "10",
            ],
            &["not 10"],
        ),
        (
            &[
                "qr",
                "--issuer",
                "Acme",
                "--account",
                "bob",
                "--secret",
                "!!",
            ],
            &["'!'"],
        ),
        (&["frobnicate"], &["frobnicate"]),
    ];
    for (args, needles) in cases {
        let err = fails(args);
        for needle in *needles {
            assert!(
                err.contains(needle),
                "deadbolt {args:?}: {needle:?} not in {err:?}"
            );
        }
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn uri_with_a_given_secret_is_the_reference_example() {
    let out = ok(&[
        "uri",
        "--issuer",
        "Example Co",
        "--account",
        "alice@example.com",
        "--secret",
        RFC,
    ]);
    assert_eq!(
        out,
        "otpauth://totp/Example%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Co&algorithm=SHA1&digits=6&period=30\n"
    );
}

#[test]
fn uri_without_a_secret_has_a_fresh_160_bit_one() {
    let args = [
        "uri",
        "--issuer",
        "Acme",
        "--account",
        "bob",
        "--algorithm",
        "sha256",
        "--digits",
        "8",
        "--period",
        "60",
    ];
    let a = OtpAuthUri::parse(ok(&args).trim_end()).unwrap();
    let b = OtpAuthUri::parse(ok(&args).trim_end()).unwrap();
    assert_eq!(a.secret().len(), 20);
    assert_ne!(a.secret(), b.secret());
    assert_eq!(a.params(), Params::new(Algorithm::Sha256, 8, 60).unwrap());
    assert_eq!((a.issuer(), a.account()), (Some("Acme"), "bob"));
}

#[test]
fn qr_draws_the_uri() {
    let qr = ok(&[
        "qr",
        "--issuer",
        "Acme",
        "--account",
        "bob",
        "--secret",
        RFC,
    ]);
    assert!(qr.lines().count() > 15, "{qr}");
    assert!(qr.contains('\u{2580}') || qr.contains('\u{2584}') || qr.contains('\u{2588}'));
    let with_uri = ok(&[
        "uri",
        "--issuer",
        "Acme",
        "--account",
        "bob",
        "--secret",
        RFC,
        "--qr",
    ]);
    let (first, rest) = with_uri.split_once('\n').unwrap();
    assert!(first.starts_with("otpauth://totp/Acme:bob?secret="));
    assert_eq!(rest, qr);
    // Same arguments, same picture; the modules are the URI's QR code.
    assert_eq!(
        ok(&[
            "qr",
            "--issuer",
            "Acme",
            "--account",
            "bob",
            "--secret",
            RFC
        ]),
        qr
    );
    let _ = deadbolt(&["qr", "--help"]);
}

/// What a phone camera sees: the terminal drawing decodes back to the URI.
#[test]
fn qr_decodes_to_the_uri() {
    let args = [
        "--issuer",
        "Example Co",
        "--account",
        "alice@example.com",
        "--secret",
        RFC,
    ];
    let uri = ok(&[&["uri"][..], &args].concat()).trim_end().to_owned();
    let qr = ok(&[&["qr"][..], &args].concat());
    let rows: Vec<Vec<char>> = qr.lines().map(|l| l.chars().collect()).collect();
    let width = rows.iter().map(Vec::len).max().unwrap();
    // Each character is two modules stacked; a drawn half is a light module
    // (the picture is meant for a dark terminal background).
    let light = |x: usize, y: usize| {
        let c = rows[y / 2].get(x).copied().unwrap_or(' ');
        matches!(
            (c, y % 2),
            ('\u{2588}', _) | ('\u{2580}', 0) | ('\u{2584}', 1)
        )
    };
    const SCALE: usize = 4;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(
        width * SCALE,
        rows.len() * 2 * SCALE,
        |x, y| if light(x / SCALE, y / SCALE) { 255 } else { 0 },
    );
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in:\n{qr}");
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    assert_eq!(content, uri);
}
