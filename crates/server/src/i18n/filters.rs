//! The templates' translation filters: `{{ "login-title"|t }}`,
//! `{{ "backup-codes-left"|tn(count) }}` (the number chooses the plural
//! form and is passed as `$count`), `{{ "signed-in-as"|t1("name", name) }}`.
//! The output is escaped like any other value.

// `askama::filter_fn` generates a builder struct and methods per filter,
// without doc comments.
#![allow(missing_docs)]

use std::fmt::Display;

use askama::{Result, Values};

use super::{Arg, t as text, ta};

/// The message `key`.
#[askama::filter_fn]
pub fn t<K: AsRef<str>>(key: K, _: &dyn Values) -> Result<String> {
    Ok(text(key.as_ref()))
}

/// The message `key` with `$count` (plural selectors).
#[askama::filter_fn]
pub fn tn<K: AsRef<str>, N: Display>(key: K, _: &dyn Values, count: N) -> Result<String> {
    let count = count.to_string().parse::<i64>().unwrap_or_default();
    Ok(ta(key.as_ref(), &[("count", Arg::Number(count))]))
}

/// The message `key` with one named text argument.
#[askama::filter_fn]
pub fn t1<K: AsRef<str>, N: AsRef<str>, V: Display>(
    key: K,
    _: &dyn Values,
    name: N,
    value: V,
) -> Result<String> {
    Ok(ta(
        key.as_ref(),
        &[(name.as_ref(), Arg::Text(value.to_string()))],
    ))
}

/// The language menu's languages: `(code, name, is the current one)`.
pub fn menu() -> Vec<(&'static str, &'static str, bool)> {
    let current = super::lang();
    super::Lang::all()
        .map(|l| (l.code(), l.name(), l == current))
        .collect()
}
