//! Edition settings: the paper's name, the issue's date and numbers, language and sections, and
//! what the folio line prints from them.
//!
//! The date is kept as the user typed it (old files hold the printed form, "2024年11月12日 星期二").
//! It is parsed on use and printed in the edition's language with the weekday derived, so a
//! folio never shows a wrong weekday and switching language re-words the date.

use jiff::civil::Date;

use super::{Edition, Lang, Section};

/// Everything [`super::Edit::SetEditionSettings`] sets at once: the edition's masthead facts.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EditionSettings {
    /// Paper name, e.g. "河西新闻".
    pub paper: String,
    /// The issue date as typed: "2024-11-12", "2024年11月12日", "2024/11/12", "Nov 12, 2024" …
    /// (see [`parse_date`]); empty for none.
    pub date: String,
    /// 期号: this issue's number, printed "第8123期" / "No. 8123".
    pub issue: Option<u32>,
    /// 总期号: the number counted since the first issue, printed "总第45678期" / "Whole No. 45678".
    pub total_issue: Option<u32>,
    pub lang: Lang,
    /// Sections with their page-label prefixes; every section a page names must stay.
    pub sections: Vec<Section>,
}

/// Why a typed date was not understood.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DateError {
    #[error(
        "\"{0}\" is not a date: type it as 2024-11-12, 2024/11/12, 2024年11月12日 or Nov 12, 2024"
    )]
    Unreadable(String),
    #[error("\"{text}\" is not a day of the calendar: {reason}")]
    NoSuchDay { text: String, reason: String },
    #[error("\"{text}\" says {said}, but that day is a {actual}")]
    WrongWeekday {
        text: String,
        said: String,
        actual: String,
    },
}

const ZH_WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parses a typed issue date. Accepted: `2024-11-12`, `2024/11/12`, `2024.11.12`,
/// `2024年11月12日`, `Nov 12, 2024` / `November 12, 2024` / `12 November 2024`, each optionally
/// with its weekday (`星期二`, `周二`, `Tuesday,`), which must then be right.
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let unreadable = || DateError::Unreadable(text.to_owned());
    // Split into numbers and words; punctuation and CJK date marks separate them.
    let mut numbers: Vec<i64> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, numbers: &mut Vec<i64>, words: &mut Vec<String>| {
        if current.is_empty() {
            return;
        }
        match current.parse::<i64>() {
            Ok(n) => numbers.push(n),
            Err(_) => words.push(current.to_lowercase()),
        }
        current.clear();
    };
    for c in text.chars() {
        let same_kind = current
            .chars()
            .last()
            .is_none_or(|l| l.is_ascii_digit() == c.is_ascii_digit());
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_date_mark(c)) {
            if !same_kind {
                flush(&mut current, &mut numbers, &mut words);
            }
            current.push(c);
        } else {
            flush(&mut current, &mut numbers, &mut words);
        }
    }
    flush(&mut current, &mut numbers, &mut words);

    let month_word = words.iter().find_map(|w| english_month(w));
    let (year, month, day) = match (numbers.as_slice(), month_word) {
        ([y, m, d], None) if *y > 31 => (*y, *m, *d),
        ([a, b], Some(m)) if *b > 31 => (*b, m, *a),
        _ => return Err(unreadable()),
    };
    let narrow = |v: i64| i8::try_from(v).map_err(|_| unreadable());
    let date = Date::new(
        i16::try_from(year).map_err(|_| unreadable())?,
        narrow(month)?,
        narrow(day)?,
    )
    .map_err(|e| DateError::NoSuchDay {
        text: text.to_owned(),
        reason: e.to_string(),
    })?;
    // A weekday written with the date must agree with it: a typo in either is caught here.
    let actual = weekday_index(date);
    let said = words.iter().find_map(|w| {
        let w = w.trim_start_matches("星期").trim_start_matches('周');
        ZH_WEEKDAYS
            .iter()
            .position(|d| *d == w || (*d == "日" && w == "天"))
            .or_else(|| {
                EN_WEEKDAYS
                    .iter()
                    .position(|d| w.len() >= 3 && d.to_lowercase().starts_with(w))
            })
    });
    match said {
        Some(s) if s != actual => Err(DateError::WrongWeekday {
            text: text.to_owned(),
            said: EN_WEEKDAYS[s].to_owned(),
            actual: EN_WEEKDAYS[actual].to_owned(),
        }),
        _ if words.iter().any(|w| !is_known_word(w)) => Err(unreadable()),
        _ => Ok(date),
    }
}

/// Characters that separate the parts of a Chinese date.
fn is_date_mark(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '号' | '，' | '、' | '　' | '（' | '）'
    )
}

fn english_month(word: &str) -> Option<i64> {
    (word.len() >= 3)
        .then(|| {
            EN_MONTHS
                .iter()
                .position(|m| m.to_lowercase().starts_with(word))
        })
        .flatten()
        .map(|i| i as i64 + 1)
}

/// Words a date may carry besides numbers: month names and weekdays.
fn is_known_word(word: &str) -> bool {
    english_month(word).is_some()
        || word.starts_with("星期")
        || word.starts_with('周')
        || EN_WEEKDAYS
            .iter()
            .any(|d| word.len() >= 3 && d.to_lowercase().starts_with(word))
}

/// Monday = 0 … Sunday = 6.
fn weekday_index(date: Date) -> usize {
    usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0)
}

/// The date as a folio prints it: "2024年11月12日 星期二" or "Tuesday, November 12, 2024".
pub fn format_date(date: Date, lang: Lang) -> String {
    let w = weekday_index(date);
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日 星期{}",
            date.year(),
            date.month(),
            date.day(),
            ZH_WEEKDAYS[w]
        ),
        Lang::En => format!(
            "{}, {} {}, {}",
            EN_WEEKDAYS[w],
            EN_MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)],
            date.day(),
            date.year()
        ),
    }
}

/// Placeholders a folio template may use, in the order the editor offers them.
pub const FOLIO_PLACEHOLDERS: [&str; 7] = [
    "{paper}",
    "{date}",
    "{issue}",
    "{total}",
    "{page}",
    "{section}",
    "{title}",
];

/// The folio line's left and right text when the template gives none: what folios have
/// always shown.
pub fn default_folio(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => ("{paper}　{date}", "第{page}版　{title}"),
        Lang::En => ("{paper}  {date}", "{title}  Page {page}"),
    }
}

impl Edition {
    /// The edition's settings, for an editor to change and give back through
    /// [`super::Edit::SetEditionSettings`].
    pub fn settings(&self) -> EditionSettings {
        EditionSettings {
            paper: self.paper.clone(),
            date: self.date.clone(),
            issue: self.issue,
            total_issue: self.total_issue,
            lang: self.lang,
            sections: self.sections.clone(),
        }
    }

    /// Sets the settings; returns the old ones.
    pub(super) fn replace_settings(&mut self, s: EditionSettings) -> EditionSettings {
        let old = self.settings();
        self.paper = s.paper;
        self.date = s.date;
        self.issue = s.issue;
        self.total_issue = s.total_issue;
        self.lang = s.lang;
        self.sections = s.sections;
        old
    }

    /// The issue date, when the date text reads as one.
    pub fn issue_date(&self) -> Option<Date> {
        parse_date(&self.date).ok()
    }

    /// The date as printed: formatted in the edition's language with its weekday when it
    /// parses, else the text as written.
    pub fn date_text(&self) -> String {
        self.issue_date().map_or_else(
            || self.date.trim().to_owned(),
            |d| format_date(d, self.lang),
        )
    }

    /// The issue number as printed ("第8123期" / "No. 8123"), empty when unset.
    pub fn issue_text(&self) -> String {
        match (self.issue, self.lang) {
            (None, _) => String::new(),
            (Some(n), Lang::Zh) => format!("第{n}期"),
            (Some(n), Lang::En) => format!("No. {n}"),
        }
    }

    /// The total issue number as printed ("总第45678期" / "Whole No. 45678"), empty when unset.
    pub fn total_issue_text(&self) -> String {
        match (self.total_issue, self.lang) {
            (None, _) => String::new(),
            (Some(n), Lang::Zh) => format!("总第{n}期"),
            (Some(n), Lang::En) => format!("Whole No. {n}"),
        }
    }

    /// The folio's left and right text on page `index`: the template's folio texts (or the
    /// language's defaults) with `{paper} {date} {issue} {total} {page} {section} {title}`
    /// filled in. Space left by an empty placeholder at either end is trimmed.
    pub fn folio_text(&self, index: usize) -> (String, String) {
        let page = self.pages.get(index);
        let spec = page
            .and_then(|p| self.template(&p.template))
            .and_then(|t| t.folio.as_ref());
        let (dl, dr) = default_folio(self.lang);
        let left = spec.and_then(|f| f.left.as_deref()).unwrap_or(dl);
        let right = spec.and_then(|f| f.right.as_deref()).unwrap_or(dr);
        let section = page
            .and_then(|p| p.section.as_ref())
            .and_then(|s| self.section(s))
            .map_or("", |s| s.name.as_str());
        let title = page.map_or("", |p| p.title.as_str());
        let values = [
            self.paper.clone(),
            self.date_text(),
            self.issue_text(),
            self.total_issue_text(),
            self.page_label(index),
            section.to_owned(),
            title.to_owned(),
        ];
        let fill = |template: &str| {
            let mut out = template.to_owned();
            for (key, value) in FOLIO_PLACEHOLDERS.iter().zip(&values) {
                out = out.replace(key, value);
            }
            out.trim_matches(|c: char| c.is_whitespace()).to_owned()
        };
        (fill(left), fill(right))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn typed_dates_in_every_form_parse_to_the_same_day() {
        for typed in [
            "2024-11-12",
            "2024年11月12日",
            "2024年11月12日 星期二",
            "2024/11/12",
            "2024.11.12",
            "Nov 12, 2024",
            "Tuesday, November 12, 2024",
            "12 November 2024",
            " 2024-11-12 周二 ",
        ] {
            assert_eq!(parse_date(typed), Ok(ymd(2024, 11, 12)), "{typed}");
        }
    }

    #[test]
    fn impossible_dates_and_wrong_weekdays_are_refused() {
        assert!(matches!(
            parse_date("2023-02-29"),
            Err(DateError::NoSuchDay { .. })
        ));
        assert!(matches!(
            parse_date("2024年11月12日 星期三"),
            Err(DateError::WrongWeekday { .. })
        ));
        for bad in ["", "tomorrow", "11/12", "2024-11-12 banana"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_print_with_their_weekday_in_the_editions_language() {
        let d = ymd(2024, 11, 12);
        assert_eq!(format_date(d, Lang::Zh), "2024年11月12日 星期二");
        assert_eq!(format_date(d, Lang::En), "Tuesday, November 12, 2024");
        assert_eq!(
            format_date(ymd(2024, 11, 17), Lang::Zh),
            "2024年11月17日 星期日"
        );
    }

    #[test]
    fn the_default_folio_reads_as_it_always_did() {
        let e = crate::sample::edition();
        assert_eq!(
            e.folio_text(0),
            (
                "河西新闻　2024年11月12日 星期二".into(),
                "第1版　要闻".into()
            )
        );
    }

    #[test]
    fn settings_set_together_undo_together_and_fill_the_folio() {
        use crate::model::{Edit, EditError};
        let mut e = crate::sample::edition();
        let before = e.clone();
        let mut s = e.settings();
        s.date = "2025-1-6".into();
        s.issue = Some(8123);
        s.total_issue = Some(45678);
        if let Some(f) = e.templates[0].folio.as_mut() {
            f.left = Some("{paper}　{issue}　{total}".into());
            f.right = Some("{date}　{section}　第{page}版".into());
        }
        let templated = e.clone();
        let undo = e
            .apply(Edit::SetEditionSettings(Box::new(s.clone())))
            .unwrap();
        assert_eq!(
            e.folio_text(1),
            (
                "河西新闻　第8123期　总第45678期".into(),
                "2025年1月6日 星期一　要闻　第2版".into()
            )
        );
        s.lang = Lang::En;
        e.apply(Edit::SetEditionSettings(Box::new(s.clone())))
            .unwrap();
        assert_eq!(e.folio_text(0).0, "河西新闻　No. 8123　Whole No. 45678");
        assert_eq!(e.date_text(), "Monday, January 6, 2025");
        e.apply(undo).unwrap();
        assert_eq!(e, templated);
        // A date that is no day, or dropping a section pages are in, changes nothing.
        let mut bad = e.settings();
        bad.date = "2025-02-30".into();
        assert!(matches!(
            e.apply(Edit::SetEditionSettings(Box::new(bad))),
            Err(EditError::InvalidSettings(m)) if m.contains("2025-02-30")
        ));
        let mut bad = e.settings();
        bad.sections.clear();
        assert_eq!(
            e.apply(Edit::SetEditionSettings(Box::new(bad)))
                .unwrap_err()
                .to_string(),
            "section main is still used: page 1"
        );
        assert_eq!(e, templated);
        drop(before);
    }
}
