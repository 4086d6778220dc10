//! `Secret::from_base32` never panics; an accepted secret re-encodes
//! (plain and grouped) to text that decodes to the same bytes.
//! CI twin: `crates/otp/tests/it/robustness.rs`.
#![no_main]

use deadbolt_otp::Secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(secret) = Secret::from_base32(input) {
        assert!(!secret.is_empty());
        for text in [secret.to_base32(), secret.to_base32_grouped()] {
            let back = Secret::from_base32(&text).expect("our own base32 decodes");
            assert_eq!(back.expose(), secret.expose());
        }
    }
});
