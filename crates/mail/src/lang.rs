//! The languages a letter can be written in, and its words in each.
//!
//! One Fluent catalogue per language (`locales/<code>/mail.ftl`), compiled
//! into the binary by `fluent-templates`' static loader, as the server's
//! pages are. The codes are the server's (`deadbolt-server`'s `LANGUAGES`;
//! its `i18n` test checks that both lists agree), so a user's stored
//! language names a catalogue here too. An unknown code, or none, is
//! English: a letter is always written.

use std::collections::HashMap;

use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks: they would show up in subjects and
        // in the text part, and every language here is left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Every language a letter can be written in: its code and the locale of
/// its month names (the same as the server's security page).
pub const LANGUAGES: &[(&str, chrono::Locale)] = &[
    ("en", chrono::Locale::en_GB),
    ("fr", chrono::Locale::fr_FR),
    ("es", chrono::Locale::es_ES),
    ("pt", chrono::Locale::pt_PT),
    ("it", chrono::Locale::it_IT),
    ("de", chrono::Locale::de_DE),
    ("nl", chrono::Locale::nl_NL),
    ("sv", chrono::Locale::sv_SE),
    ("ru", chrono::Locale::ru_RU),
    ("tr", chrono::Locale::tr_TR),
    ("cs", chrono::Locale::cs_CZ),
];

/// A language of [`LANGUAGES`] (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MailLang(usize);

impl MailLang {
    pub(crate) const ENGLISH: MailLang = MailLang(0);

    /// The language with exactly this code; English for any other.
    pub(crate) fn from_code(code: Option<&str>) -> MailLang {
        code.and_then(|c| LANGUAGES.iter().position(|(l, _)| *l == c))
            .map_or(MailLang::ENGLISH, MailLang)
    }

    pub(crate) fn code(self) -> &'static str {
        LANGUAGES[self.0].0
    }

    fn id(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default())
    }

    /// The message `key` with `args` (text or numbers).
    pub(crate) fn text(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let map: HashMap<&str, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Text(s) => FluentValue::from((*s).to_owned()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (*name, v)
            })
            .collect();
        let args = (!map.is_empty()).then_some(&map);
        match LOCALES.lookup_single_language(&self.id(), key, args) {
            Ok(text) => text,
            Err(_) if self != MailLang::ENGLISH => MailLang::ENGLISH.text(key, &[]),
            // A missing English key is a bug the tests catch; the key itself
            // is better than an empty line.
            Err(_) => key.to_owned(),
        }
    }

    /// Unix seconds as a date and minute in this language (`14 novembre
    /// 2023, 22:13 UTC`): the catalogue's `datetime-pattern`, chrono's
    /// month names.
    pub(crate) fn date_time(self, unix: i64) -> String {
        let Some(at) = chrono::DateTime::from_timestamp(unix, 0) else {
            return unix.to_string();
        };
        let locale = LANGUAGES[self.0].1;
        let pattern = self.text("datetime-pattern", &[]);
        let items: Vec<_> =
            chrono::format::StrftimeItems::new_with_locale(&pattern, locale).collect();
        if items
            .iter()
            .any(|i| matches!(i, chrono::format::Item::Error))
        {
            return at.format("%Y-%m-%d %H:%M UTC").to_string();
        }
        at.format_localized_with_items(items.into_iter(), locale)
            .to_string()
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}
