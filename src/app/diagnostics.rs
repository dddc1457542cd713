//! Findings and refusals in the interface's language. The engine reports them as data (a
//! stable code and the names and numbers involved); the editor words them here, falling back
//! to the engine's English sentence for a code the message files do not know yet.

use super::i18n::{self, t};
use crate::layout::StoryFit;
use crate::model::{Diagnostic, Problem, StructureError, StyleUse};

/// A finding as the preflight panel words it.
pub fn message(d: &Diagnostic) -> String {
    let id = format!("diag-{}", d.code);
    let args = i18n::args(
        &d.args
            .iter()
            .map(|(name, value)| (*name, value.as_str().into()))
            .collect::<Vec<_>>(),
    );
    let worded = i18n::tr_args(&id, Some(&args));
    if worded == id {
        format!("{}: {}", d.code, d.message)
    } else {
        worded
    }
}

/// A story's copyfit badge: "+3 lines" over, "−2 lines" short, or "fits".
pub fn badge(fit: &StoryFit) -> String {
    let lines = match fit.lines_over {
        0 => t!("fit-fits"),
        n if n > 0 => t!("fit-over", lines = n),
        n => t!("fit-under", lines = -n),
    };
    // What copyfit did to get there: "正好 · 字距 +0.5%".
    let mut parts = vec![lines];
    if fit.tracking_pct != 0.0 {
        parts.push(t!("fit-tracking", pct = format!("{:+}", fit.tracking_pct)));
    }
    if fit.scale_pct != 0.0 {
        parts.push(t!("fit-scale", pct = format!("{:+}", fit.scale_pct)));
    }
    parts.join(" · ")
}

/// Where a paragraph style is used, as the styles panel names it: 正文默认样式, 稿件 lead 的主题 …
pub fn style_use(u: &StyleUse) -> String {
    match u {
        StyleUse::Role(role) => t!("use-role", part = t!(&format!("part-{role}"))),
        StyleUse::StoryPart(story, part) => t!(
            "use-story-part",
            story = story.as_str(),
            part = t!(&format!("part-{}", part.name()))
        ),
        StyleUse::Paragraph(story, n) => t!("use-paragraph", story = story.as_str(), n = *n),
        StyleUse::TemplateFolio(tpl) => t!("use-template-folio", template = tpl.as_str()),
        StyleUse::PageFolio(page) => t!("use-page-folio", page = page.as_str()),
    }
}

/// A refused style or template value, worded in the interface's language: "字号必须大于 0、
/// 不超过 1000 pt，不能是 -3".
pub fn problem(p: &Problem) -> String {
    let id = format!("field-name-{}", p.field);
    let named = i18n::tr(&id);
    let field = if named == id {
        p.field.replace('_', " ")
    } else {
        named
    };
    match p.range {
        Some(r) => {
            let low = if r.open_min {
                t!("range-more-than", n = r.min.to_string())
            } else {
                t!("range-at-least", n = r.min.to_string())
            };
            t!(
                "problem-range",
                field = field,
                low = low,
                max = r.max.to_string(),
                unit = r.unit,
                value = r.value.to_string()
            )
        }
        None if !p.code.is_empty() => {
            let mut pairs: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
                vec![("field", field.into())];
            pairs.extend(p.args.iter().map(|(k, v)| (*k, v.as_str().into())));
            i18n::tr_args(&format!("problem-{}", p.code), Some(&i18n::args(&pairs)))
        }
        None => t!("problem-other", field = field, reason = p.reason.as_str()),
    }
}

/// Why a frame, page or thread change was refused.
pub fn structure_error(e: &StructureError) -> String {
    match e {
        StructureError::NoFrame => t!("refused-no-frame"),
        StructureError::NotThreaded(f) => t!("refused-not-threaded", frame = f.as_str()),
        StructureError::NotTextFrame => t!("refused-not-text-frame"),
        StructureError::LastPage => t!("refused-last-page"),
        StructureError::NoPage(i) => t!("refused-no-page", page = i + 1),
        StructureError::NoStory => t!("refused-no-story"),
        StructureError::NoPhoto => t!("refused-no-photo"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::{Language, set_language};

    /// Every rule a template or style can break, past the ranges, has its Chinese wording:
    /// none shows the English reason or a message ID.
    #[test]
    fn every_refused_template_and_style_is_worded_in_chinese() {
        use crate::model::{ColumnChars, FontSize, Length};
        let sample = crate::sample::edition();
        let tpl = sample.templates[0].clone();
        let mut cases = Vec::new();
        let mut t = tpl.clone();
        t.margins.inside = Length::Mm(200.0);
        t.margins.outside = Length::Mm(200.0);
        cases.push(t);
        let mut t = tpl.clone();
        t.margins.top = Length::Mm(300.0);
        t.margins.bottom = Length::Mm(300.0);
        cases.push(t);
        let mut t = tpl.clone();
        t.columns = 0;
        cases.push(t);
        let mut t = tpl.clone();
        t.modules = 0;
        cases.push(t);
        let mut t = tpl.clone();
        t.gutter = Length::Mm(60.0);
        t.column_chars = None;
        cases.push(t);
        let mut t = tpl.clone();
        t.column_chars = Some(ColumnChars {
            chars: 40.0,
            size: FontSize::Pt(10.5),
        });
        cases.push(t);
        let mut t = tpl.clone();
        if let Some(f) = &mut t.folio {
            f.height = Length::Mm(100.0);
        }
        cases.push(t);
        let mut problems: Vec<Problem> = cases
            .iter()
            .enumerate()
            .map(|(i, t)| t.check().expect_err(&format!("case {i}")))
            .collect();
        let mut style = sample.styles.paragraph[0].clone();
        style.scale = 3.0;
        problems.push(style.check().unwrap_err());
        style.scale = 1.0;
        style.font.family = " ".into();
        problems.push(style.check().unwrap_err());

        set_language(Language::Chinese);
        let zh: Vec<String> = problems.iter().map(problem).collect();
        set_language(Language::English);
        let mut codes = std::collections::BTreeSet::new();
        for (p, zh) in problems.iter().zip(&zh) {
            assert!(!p.code.is_empty(), "{}: has no code", p.reason);
            codes.insert(p.code);
            assert!(!zh.contains("problem-") && !zh.contains(&p.reason), "{zh}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(!problem(p).contains("problem-"), "{}", problem(p));
        }
        assert_eq!(codes.len(), 8, "{codes:?}");
        assert!(zh[4].contains("栏间距太宽"), "{}", zh[4]);
        assert!(zh[7].contains("300%"), "{}", zh[7]);
    }

    #[test]
    fn a_refused_size_is_worded_in_chinese() {
        let mut style = crate::sample::edition().styles.paragraph[0].clone();
        style.size = crate::model::FontSize::Pt(1500.0);
        let p = style.check().unwrap_err();
        set_language(Language::Chinese);
        let zh = problem(&p);
        set_language(Language::English);
        assert_eq!(zh, "字号必须大于 0、不超过 1000 pt，不能是 1500");
        assert_eq!(
            problem(&p),
            "size must be more than 0 and at most 1000 pt, not 1500"
        );
    }
}
