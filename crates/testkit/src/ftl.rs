//! The Fluent catalogues as the i18n tests read them (the pages' in
//! `crates/server/locales`, the letters' in `crates/mail/locales`): every
//! message's source by key, and the `$names` a message uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `key -> source` of the catalogue at `path` (language `code`, for the
/// messages), multi-line messages joined. Panics when the file is missing,
/// does not parse (a broken entry would silently vanish) or has a key twice.
pub fn catalogue(path: &Path, code: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (every language needs its file)", path.display()));
    if let Err((_, errors)) = fluent_templates::fluent_bundle::FluentResource::try_new(text.clone())
    {
        panic!("{code}: the catalogue does not parse: {errors:?}");
    }
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_lowercase)
            && let Some((key, value)) = line.split_once(" = ")
        {
            assert!(
                out.insert(key.to_owned(), value.to_owned()).is_none(),
                "{code}: {key} twice"
            );
            current = Some(key.to_owned());
        } else if let Some(key) = &current {
            let entry: &mut String = out.get_mut(key).expect("the current key");
            entry.push('\n');
            entry.push_str(line);
        }
    }
    out
}

/// The `$names` a message uses.
pub fn variables(source: &str) -> BTreeSet<String> {
    source
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}
