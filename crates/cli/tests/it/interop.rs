//! Interoperability with the reference implementations users will compare
//! against: Debian's `oathtool` and PyPI's `pyotp`. Both must be installed
//! (`.ci/run` does it); a missing tool fails these tests, it never skips them.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use deadbolt_otp::{Algorithm, OtpAuthUri, Params, Secret};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::{Value, json};

use crate::ok;

const CASES: usize = 1000;

fn interop_py() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/interop.py")
}

/// Runs `scripts/interop.py MODE` with one line per input, returns one line per input.
fn pyotp(mode: &str, lines: &[String]) -> Vec<String> {
    let mut child = Command::new("python3")
        .arg(interop_py())
        .arg(mode)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed");
    let mut input = lines.join("\n");
    input.push('\n');
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "interop.py {mode} failed (is pyotp installed?): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let result: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(result.len(), lines.len(), "one output line per input");
    result
}

struct Case {
    secret: String,
    time: u64,
    algorithm: Algorithm,
    digits: u64,
    period: u64,
}

fn seed() -> u64 {
    match std::env::var("DEADBOLT_INTEROP_SEED") {
        Ok(s) => s.parse().expect("DEADBOLT_INTEROP_SEED is a number"),
        Err(_) => rand::random(),
    }
}

fn random_cases(rng: &mut StdRng, n: usize) -> Vec<Case> {
    (0..n)
        .map(|_| {
            // pyotp refuses secrets under 112 bits; Deadbolt generates 160.
            let len = rng.random_range(16..=64);
            let bytes: Vec<u8> = (0..len).map(|_| rng.random()).collect();
            let algorithm =
                [Algorithm::Sha1, Algorithm::Sha256, Algorithm::Sha512][rng.random_range(0..3)];
            let period = match rng.random_range(0..4) {
                0 => 30,
                1 => 60,
                2 => rng.random_range(1..=10),
                // pyotp accepts at most 120 s.
                _ => rng.random_range(1..=120),
            };
            let time = match rng.random_range(0..4) {
                0 => rng.random_range(0..=4_102_444_800), // up to 2100
                1 => rng.random_range(0..1_000),
                2 => rng.random_range(4_294_967_000..=4_294_968_000), // 32-bit rollover
                _ => rng.random_range(0..=40_000_000_000),
            };
            Case {
                secret: Secret::from_bytes(&bytes).unwrap().to_base32(),
                time,
                algorithm,
                digits: rng.random_range(6..=8),
                period,
            }
        })
        .collect()
}

fn deadbolt_code(c: &Case) -> String {
    ok(&[
        "code",
        "--secret",
        &c.secret,
        "--time",
        &c.time.to_string(),
        "--algorithm",
        &c.algorithm.as_str().to_lowercase(),
        "--digits",
        &c.digits.to_string(),
        "--period",
        &c.period.to_string(),
    ])
    .trim_end()
    .to_owned()
}

/// All oathtool runs in one shell: one process start-up per case is the cost
/// of oathtool itself, not of a fork from the test.
fn oathtool_codes(cases: &[Case]) -> Vec<String> {
    let mut script = String::new();
    for c in cases {
        let alg = c.algorithm.as_str().to_lowercase();
        writeln!(
            script,
            "oathtool --totp={alg} -b -d {} -s {} --now @{} {} || echo FAILED",
            c.digits, c.period, c.time, c.secret
        )
        .unwrap();
    }
    let mut child = Command::new("sh")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(script.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(
        lines.len(),
        cases.len(),
        "oathtool must be installed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    lines
}

fn require_oathtool() {
    let found = Command::new("oathtool").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "oathtool is not installed (apt-get install oathtool)"
    );
}

#[test]
#[ignore = "needs oathtool and pyotp (installed by .ci/run)"]
fn codes_agree_with_oathtool_and_pyotp() {
    require_oathtool();
    let seed = seed();
    eprintln!("interop seed: {seed} (set DEADBOLT_INTEROP_SEED to replay)");
    let mut rng = StdRng::seed_from_u64(seed);
    let mut cases = random_cases(&mut rng, CASES);
    // Fixed edge cases on top of the random ones.
    for (time, period) in [
        (0, 30),
        (59, 30),
        (60, 30),
        (20_000_000_000, 30),
        (4_294_967_296, 1),
    ] {
        cases.push(Case {
            secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".into(),
            time,
            algorithm: Algorithm::Sha1,
            digits: 6,
            period,
        });
    }
    let oath = oathtool_codes(&cases);
    let lines: Vec<String> = cases
        .iter()
        .map(|c| {
            json!({
                "secret": c.secret, "time": c.time, "algorithm": c.algorithm.as_str(),
                "digits": c.digits, "period": c.period,
            })
            .to_string()
        })
        .collect();
    let py = pyotp("codes", &lines);
    let mut mismatches = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let ours = deadbolt_code(c);
        assert_eq!(ours.len() as u64, c.digits);
        if ours != oath[i] || ours != py[i] {
            mismatches.push(format!(
                "{} -> deadbolt {ours}, oathtool {}, pyotp {}",
                lines[i], oath[i], py[i]
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches (seed {seed}):\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(cases.len() > CASES);
}

/// Labels that exercise the encoder: spaces, reserved and non-ASCII characters.
const LABELS: &[(&str, &str)] = &[
    ("Example Co", "alice@example.com"),
    ("Deadbolt", "bob"),
    ("ACME & Sons", "jean-luc+test@example.org"),
    ("Ünïcødé GmbH", "zoë"),
    ("100% legit", "a/b?c#d=e&f"),
    ("Plus+Sign", "space name"),
    ("東京", "ユーザー"),
    ("x", "~user_1.2"),
];

#[test]
#[ignore = "needs oathtool and pyotp (installed by .ci/run)"]
fn deadbolt_uris_parse_in_pyotp() {
    let mut rng = StdRng::seed_from_u64(seed());
    let mut uris = Vec::new();
    let mut expected = Vec::new();
    for (i, (issuer, account)) in LABELS.iter().cycle().take(40).enumerate() {
        let c = &random_cases(&mut rng, 1)[0];
        let (alg, digits, period) = (
            c.algorithm.as_str().to_lowercase(),
            c.digits.to_string(),
            c.period.to_string(),
        );
        let mut args = vec!["uri", "--issuer", issuer, "--account", account];
        args.extend([
            "--algorithm",
            &alg,
            "--digits",
            &digits,
            "--period",
            &period,
        ]);
        if i % 2 == 0 {
            args.extend(["--secret", &c.secret]);
        }
        let uri = ok(&args).trim_end().to_owned();
        let secret = OtpAuthUri::parse(&uri).unwrap().secret().to_base32();
        if i % 2 == 0 {
            assert_eq!(secret, c.secret);
        }
        expected.push(json!({
            "secret": secret, "issuer": issuer, "name": account,
            "algorithm": c.algorithm.as_str(), "digits": c.digits, "period": c.period,
        }));
        uris.push(uri);
    }
    let parsed = pyotp("parse", &uris);
    for ((uri, want), got) in uris.iter().zip(&expected).zip(&parsed) {
        let got: Value = serde_json::from_str(got).unwrap();
        assert_eq!(&got, want, "pyotp.parse_uri({uri})");
    }
}

#[test]
#[ignore = "needs oathtool and pyotp (installed by .ci/run)"]
fn pyotp_uris_parse_in_deadbolt() {
    let mut rng = StdRng::seed_from_u64(seed());
    let mut requests = Vec::new();
    let mut cases = Vec::new();
    for (issuer, account) in LABELS.iter().cycle().take(40) {
        let c = random_cases(&mut rng, 1).pop().unwrap();
        requests.push(
            json!({
                "secret": c.secret, "issuer": issuer, "name": account,
                "algorithm": c.algorithm.as_str(), "digits": c.digits, "period": c.period,
            })
            .to_string(),
        );
        cases.push((issuer, account, c));
    }
    let uris = pyotp("build", &requests);
    for (uri, (issuer, account, c)) in uris.iter().zip(&cases) {
        let parsed = OtpAuthUri::parse(uri).unwrap_or_else(|e| panic!("{uri}: {e}"));
        assert_eq!(parsed.issuer(), Some(**issuer), "{uri}");
        assert_eq!(parsed.account(), **account, "{uri}");
        assert_eq!(parsed.secret().to_base32(), c.secret, "{uri}");
        assert_eq!(
            parsed.params(),
            Params::new(c.algorithm, c.digits, c.period).unwrap(),
            "{uri}"
        );
    }
}
