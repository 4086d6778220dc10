//! The one integration-test binary of the `deadbolt` CLI: it runs the built
//! binary. `interop` needs oathtool and pyotp, `multinode` (and one `admin`
//! test) PostgreSQL on 127.0.0.1:5432; those are `#[ignore]`d by default.

mod admin;
mod code;
mod files;
mod forward;
mod http;
mod interop;
mod mail;
mod mail_lang;
mod multinode;
mod node;
mod oidc;
mod ops;
mod proxies;

use std::process::{Command, Output};

/// Runs `deadbolt ARGS...` and returns its output.
pub fn deadbolt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deadbolt"))
        .args(args)
        .env_remove("DEADBOLT_SECRET")
        .output()
        .expect("the deadbolt binary runs")
}

/// Stdout of a run that must succeed.
pub fn ok(args: &[&str]) -> String {
    let out = deadbolt(args);
    assert!(
        out.status.success(),
        "deadbolt {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Stderr of a run that must fail, with nothing on stdout.
pub fn fails(args: &[&str]) -> String {
    let out = deadbolt(args);
    assert!(!out.status.success(), "deadbolt {args:?} should fail");
    assert!(
        out.stdout.is_empty(),
        "deadbolt {args:?} printed {:?}",
        out.stdout
    );
    String::from_utf8(out.stderr).expect("UTF-8 output")
}
