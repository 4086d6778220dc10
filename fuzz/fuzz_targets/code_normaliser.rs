//! What users type as codes: `normalize_code` and `BackupCode::parse` never
//! panic; an accepted code is the typed digits in order (leading zeros kept),
//! an accepted backup code is canonical and reparses to itself in any case.
//! CI twin: `crates/otp/tests/it/robustness.rs`.
#![no_main]

use deadbolt_otp::{BACKUP_CODE_ALPHABET, BackupCode, normalize_code};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = normalize_code(input) {
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(code, digits);
        assert!((6..=8).contains(&code.len()));
        assert_eq!(normalize_code(&code).unwrap(), code);
    }
    if let Ok(code) = BackupCode::parse(input) {
        let s = code.as_str();
        assert_eq!(s.len(), 11);
        assert_eq!(s.as_bytes()[5], b'-');
        assert!(
            s.bytes()
                .filter(|&b| b != b'-')
                .all(|b| BACKUP_CODE_ALPHABET.contains(&b))
        );
        for form in [s.to_uppercase(), s.replace('-', "")] {
            assert!(BackupCode::parse(&form).unwrap() == code);
        }
    }
});
