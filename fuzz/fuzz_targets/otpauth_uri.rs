//! `OtpAuthUri::parse` never panics on any string (a QR code is untrusted
//! input), and whatever it accepts round-trips: parse → `to_uri` → parse
//! gives the same value, and writing it again gives the same text.
//! CI twin: `crates/otp/tests/it/robustness.rs`.
#![no_main]

use deadbolt_otp::OtpAuthUri;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(uri) = OtpAuthUri::parse(input) {
        let text = uri.to_uri();
        let again = OtpAuthUri::parse(&text).expect("a URI we wrote parses");
        assert!(again == uri, "{input:?} -> {text:?} parsed differently");
        assert_eq!(again.to_uri(), text);
    }
});
