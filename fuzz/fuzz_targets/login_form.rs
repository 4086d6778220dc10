//! Any bytes as the body of `POST /login` (declared a form): a clear answer,
//! never a 5xx. CI twin: `login_form_never_answers_5xx` in
//! `crates/server/tests/it/security.rs`.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let status = common::harness().post("/login", "application/x-www-form-urlencoded", data);
    assert!(
        !status.is_server_error(),
        "{status} for {:?}",
        String::from_utf8_lossy(data)
    );
});
