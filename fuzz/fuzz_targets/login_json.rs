//! Any bytes as the body of `POST /api/v1/login` (declared JSON): a clear
//! answer, never a 5xx. CI twin: `login_json_never_answers_5xx` in
//! `crates/server/tests/it/security.rs`.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let status = common::harness().post("/api/v1/login", "application/json", data);
    assert!(
        !status.is_server_error(),
        "{status} for {:?}",
        String::from_utf8_lossy(data)
    );
});
