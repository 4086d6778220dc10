//! The pages, the JSON API's error messages and the backup-codes file in
//! the reader's language.
//!
//! Design: one Fluent catalogue per language (`locales/<code>/deadbolt.ftl`),
//! compiled into the binary by `fluent-templates`' static loader; the
//! languages are the rows of [`LANGUAGES`] (adding one is a file plus a row).
//! The language of a request is chosen once, by [`negotiate::choose`]
//! (`?lang=` > the `lang` cookie > `Accept-Language` > `--default-language`),
//! in the [`negotiate::layer`] middleware, which runs the rest of the request
//! inside a task-local [`Current`]: templates (through [`filters`]), the
//! error table and the page handlers read it with [`t`] and friends instead
//! of every handler threading a language through every template.
//!
//! A lookup goes straight to the chosen language's bundle (no negotiation
//! per string); a key missing there, or a message missing an argument, is a
//! bug the `i18n` tests catch, and falls back to English at run time.

pub mod filters;
pub mod negotiate;

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeables: every language here
        // is left-to-right, and the marks would show up in `<title>`, in
        // the backup-codes file and in JSON messages.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language Deadbolt speaks: its code (the catalogue's folder, `?lang=`,
/// `<html lang>`), its name in itself (the language menu) and the locale
/// whose month names the security page's dates use.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The name in the language itself.
    pub name: &'static str,
    /// chrono's locale for dates.
    pub dates: chrono::Locale,
}

/// Every language, in the seed's order. Adding a language: a row here and
/// `locales/<code>/deadbolt.ftl` (the `i18n` tests say what is missing).
pub const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        name: "English",
        dates: chrono::Locale::en_GB,
    },
    Language {
        code: "fr",
        name: "Français",
        dates: chrono::Locale::fr_FR,
    },
    Language {
        code: "es",
        name: "Español",
        dates: chrono::Locale::es_ES,
    },
    Language {
        code: "pt",
        name: "Português",
        dates: chrono::Locale::pt_PT,
    },
    Language {
        code: "it",
        name: "Italiano",
        dates: chrono::Locale::it_IT,
    },
    Language {
        code: "de",
        name: "Deutsch",
        dates: chrono::Locale::de_DE,
    },
    Language {
        code: "nl",
        name: "Nederlands",
        dates: chrono::Locale::nl_NL,
    },
    Language {
        code: "sv",
        name: "Svenska",
        dates: chrono::Locale::sv_SE,
    },
    Language {
        code: "ru",
        name: "Русский",
        dates: chrono::Locale::ru_RU,
    },
    Language {
        code: "tr",
        name: "Türkçe",
        dates: chrono::Locale::tr_TR,
    },
    Language {
        code: "cs",
        name: "Čeština",
        dates: chrono::Locale::cs_CZ,
    },
];

/// One of [`LANGUAGES`], by index (cheap to copy and compare).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(u8);

/// The language identifiers of [`LANGUAGES`], parsed once.
static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|l| l.code.parse().expect("a language code of LANGUAGES parses"))
        .collect()
});

impl Lang {
    /// English, the catalogue every other one is checked against.
    pub const ENGLISH: Lang = Lang(0);

    /// The language with exactly this code (`"fr"`), if Deadbolt speaks it.
    /// Nothing else is accepted: no case folding, no regions, no whitespace.
    pub fn from_code(code: &str) -> Option<Lang> {
        LANGUAGES
            .iter()
            .position(|l| l.code == code)
            .map(|i| Lang(i as u8))
    }

    /// Every language.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(|i| Lang(i as u8))
    }

    /// Its row of [`LANGUAGES`].
    pub fn language(self) -> &'static Language {
        &LANGUAGES[usize::from(self.0)]
    }

    /// `"fr"`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// `"Français"`.
    pub fn name(self) -> &'static str {
        self.language().name
    }

    pub(crate) fn id(self) -> &'static LanguageIdentifier {
        &IDS[usize::from(self.0)]
    }

    /// The message `key` in this language, with `args`.
    pub fn text(self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: Option<HashMap<&str, FluentValue>> = (!args.is_empty()).then(|| {
            args.iter()
                .map(|(name, value)| (*name, value.to_fluent()))
                .collect()
        });
        match LOCALES.lookup_single_language(self.id(), key, map.as_ref()) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(lang = self.code(), key, error = %e, "translation missing");
                if self != Lang::ENGLISH {
                    Lang::ENGLISH.text(key, args)
                } else {
                    key.to_owned()
                }
            }
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::ENGLISH
    }
}

/// An argument of a message: text, or a number (plural selectors).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Shown as it is.
    Text(String),
    /// Chooses a plural form (`{ $count -> [one] ... *[other] ... }`).
    Number(i64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// What the request being served reads in.
#[derive(Debug, Clone)]
pub struct Current {
    /// The chosen language.
    pub lang: Lang,
    /// The request's path (the language menu links back to it).
    pub path: String,
    /// The client asked for this language (`?lang=`, the cookie or
    /// `Accept-Language`) rather than getting the default.
    pub asked: bool,
    /// `?lang=` chose it (the language menu).
    pub chosen: bool,
}

tokio::task_local! {
    static CURRENT: Current;
}

/// Run `fut` with `current` as the request's language.
pub async fn scope<F: std::future::Future>(current: Current, fut: F) -> F::Output {
    CURRENT.scope(current, fut).await
}

/// The language of the request being served (English outside a request:
/// unit tests, background tasks).
pub fn lang() -> Lang {
    CURRENT.try_with(|c| c.lang).unwrap_or_default()
}

/// The language the client of the request being served asked for, if it
/// asked for one the server speaks (`None` outside a request).
pub fn asked() -> Option<Lang> {
    CURRENT
        .try_with(|c| c.asked.then_some(c.lang))
        .ok()
        .flatten()
}

/// The language the request chose with `?lang=` (the language menu), if any.
pub fn chosen() -> Option<Lang> {
    CURRENT
        .try_with(|c| c.chosen.then_some(c.lang))
        .ok()
        .flatten()
}

/// The path of the request being served (`/` outside a request).
pub fn path() -> String {
    CURRENT
        .try_with(|c| c.path.clone())
        .unwrap_or_else(|_| "/".to_owned())
}

/// The message `key` in the request's language.
pub fn t(key: &str) -> String {
    lang().text(key, &[])
}

/// The message `key` with `args`, in the request's language.
pub fn ta(key: &str, args: &[(&str, Arg)]) -> String {
    lang().text(key, args)
}

/// Unix seconds as a date and minute in the request's language
/// (`30 novembre 2026, 04:12 UTC`): the pattern is the catalogue's
/// `datetime-pattern`, the month names chrono's.
pub fn date_time(unix: i64) -> String {
    date_time_in(lang(), unix)
}

/// [`date_time`] in a given language.
pub fn date_time_in(lang: Lang, unix: i64) -> String {
    let Some(at) = chrono::DateTime::from_timestamp(unix, 0) else {
        return unix.to_string();
    };
    let pattern = lang.text("datetime-pattern", &[]);
    let items: Vec<_> =
        chrono::format::StrftimeItems::new_with_locale(&pattern, lang.language().dates).collect();
    if items
        .iter()
        .any(|i| matches!(i, chrono::format::Item::Error))
    {
        tracing::error!(
            lang = lang.code(),
            "datetime-pattern is not a strftime pattern"
        );
        return crate::util::rfc3339(unix);
    }
    at.format_localized_with_items(items.into_iter(), lang.language().dates)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_exact() {
        assert_eq!(Lang::from_code("fr").map(Lang::code), Some("fr"));
        for bad in ["FR", "fr-FR", " fr", "", "xx", "<script>", "en\0"] {
            assert_eq!(Lang::from_code(bad), None, "{bad:?}");
        }
        assert_eq!(Lang::all().count(), 11);
    }

    #[test]
    fn dates_use_the_languages_month_names() {
        let fr = Lang::from_code("fr").unwrap();
        let de = Lang::from_code("de").unwrap();
        assert_eq!(
            date_time_in(Lang::ENGLISH, 1_700_000_000),
            "14 November 2023, 22:13 UTC"
        );
        assert!(date_time_in(fr, 1_700_000_000).contains("novembre"));
        assert!(date_time_in(de, 1_700_000_000).contains("November 2023"));
    }
}
