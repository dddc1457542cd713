//! The interface in Simplified Chinese and English, with Project Fluent: every string the
//! editor shows is a message in `assets/i18n/{en,zh-CN}.ftl`, looked up by ID through [`t!`].
//! The language follows the system's locale until the user picks one in the View menu; the
//! choice is kept with the view settings.
//!
//! The current language is per thread: the editor sets it at the start of each frame, so
//! headless tests running side by side on their own threads never see each other's choice.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

/// A language the interface is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    /// Simplified Chinese (zh-CN).
    Chinese,
}

impl Language {
    pub const ALL: [Language; 2] = [Self::English, Self::Chinese];

    /// The language of the system's locale: Chinese for any `zh` locale, else English.
    pub fn from_system() -> Self {
        match sys_locale::get_locale() {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Self::Chinese,
            _ => Self::English,
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Chinese => "简体中文",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Self::English => langid!("en"),
            Self::Chinese => langid!("zh-CN"),
        }
    }

    fn source(self) -> &'static str {
        match self {
            Self::English => include_str!("../../assets/i18n/en.ftl"),
            Self::Chinese => include_str!("../../assets/i18n/zh-CN.ftl"),
        }
    }

    fn index(self) -> usize {
        match self {
            Self::English => 0,
            Self::Chinese => 1,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// Sets the language of the strings this thread looks up.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.map(bundle))
}

fn bundle(language: Language) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![language.id()]);
    // Fluent wraps arguments in Unicode isolation marks by default; egui's fonts draw them as
    // boxes, and file paths and page labels read left to right in both languages anyway.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(language.source().to_owned()) {
        Ok(r) => r,
        // A syntax error keeps the messages that did parse; the tests catch the rest.
        Err((r, _)) => r,
    };
    // Duplicate IDs are refused by the tests; here the first one stands.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in the current language with `args`; the English message where the
/// current language lacks it, and the ID itself where both do (the tests refuse both).
pub fn tr_args(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let all = bundles();
    let current = &all[language().index()];
    let message = current
        .get_message(id)
        .map(|m| (current, m))
        .or_else(|| all[0].get_message(id).map(|m| (&all[0], m)));
    let Some((bundle, message)) = message else {
        return id.to_owned();
    };
    let Some(pattern) = message.value() else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

pub fn tr(id: &str) -> String {
    tr_args(id, None)
}

/// Builds Fluent arguments from `name = value` pairs.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

/// Looks up a message: `t!("menu-file")` or `t!("status-saved", path = p.display().to_string())`.
macro_rules! t {
    ($id:expr) => {
        $crate::app::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::app::i18n::tr_args(
            $id,
            Some(&$crate::app::i18n::args(&[
                $((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+
            ])),
        )
    };
}
pub(crate) use t;

/// The pinyin initials of `text`'s Han characters, other letters kept, lower case:
/// "导出 PDF" → "dcpdf". The command palette matches typed initials against it.
pub fn initials(text: &str) -> String {
    use pinyin::ToPinyin;
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None => c.is_alphanumeric().then(|| c.to_ascii_lowercase()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    use super::*;

    fn ids(language: Language) -> BTreeSet<String> {
        let resource = FluentResource::try_new(language.source().to_owned())
            .unwrap_or_else(|(_, e)| panic!("{language:?} has syntax errors: {e:?}"));
        let mut ids = BTreeSet::new();
        for entry in resource.entries() {
            if let Entry::Message(m) = entry {
                assert!(
                    ids.insert(m.id.name.to_owned()),
                    "{language:?} defines {} twice",
                    m.id.name
                );
            }
        }
        ids
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let en = ids(Language::English);
        let zh = ids(Language::Chinese);
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in zh-CN.ftl: {only_en:?}");
        assert!(only_zh.is_empty(), "missing in en.ftl: {only_zh:?}");
    }

    /// Every `t!("…")` in the editor's source names a message that exists.
    #[test]
    fn every_message_the_source_uses_exists() {
        let en = ids(Language::English);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
        let mut files = Vec::new();
        let mut dirs = vec![dir];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 10, "the editor's source was found");
        let mut missing = Vec::new();
        for path in files {
            // This file defines the macro and shows it in examples; it uses no message.
            if path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("t!(") {
                // `format!(` ends in `t!(` too: only the macro itself counts.
                if text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                // The ID may sit on the next line when rustfmt breaks a long call.
                let rest = text[i + 3..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id = &rest[..rest.find('"').unwrap()];
                if !en.contains(id) {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
    }

    #[test]
    fn messages_format_in_both_languages_with_their_arguments() {
        set_language(Language::Chinese);
        assert_eq!(tr("menu-file"), "文件");
        let saved = t!("status-saved", path = "a.ron");
        assert!(saved.contains("a.ron") && saved.contains('存'), "{saved}");
        // A separator between list items, spaces and all, without the quotes Fluent would
        // keep from a plain value.
        assert_eq!(tr("list-sep"), "，");
        set_language(Language::English);
        assert_eq!(tr("list-sep"), ", ");
        assert_eq!(tr("menu-file"), "File");
        assert_eq!(tr("no-such-message"), "no-such-message");
    }

    #[test]
    fn pinyin_initials_of_a_command() {
        assert_eq!(initials("导出 PDF…"), "dcpdf");
        assert_eq!(initials("撤销"), "cx");
    }
}
