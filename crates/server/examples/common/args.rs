//! Shared by the measuring examples (`#[path]`-included: not an example):
//! `MODE --key value ...` on the command line.

use std::collections::HashMap;

/// The mode (first argument) and the `--key value` pairs after it.
pub fn args() -> (String, HashMap<String, String>) {
    let mut it = std::env::args().skip(1);
    let mode = it.next().unwrap_or_default();
    let mut kv = HashMap::new();
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_default();
        kv.insert(k.trim_start_matches("--").to_owned(), v);
    }
    (mode, kv)
}

/// `--k` as a number, or `default`.
pub fn num(kv: &HashMap<String, String>, k: &str, default: u64) -> u64 {
    kv.get(k).map_or(default, |v| v.parse().expect("a number"))
}
