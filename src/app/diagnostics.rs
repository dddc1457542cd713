//! Findings and refusals in the interface's language. The engine reports them as data (a
//! stable code and the names and numbers involved); the editor words them here, falling back
//! to the engine's English sentence for a code the message files do not know yet.

use super::i18n::{self, t};
use crate::layout::StoryFit;
use crate::model::{Diagnostic, StructureError, StyleUse};

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
    match fit.lines_over {
        0 => t!("fit-fits"),
        n if n > 0 => t!("fit-over", lines = n),
        n => t!("fit-under", lines = -n),
    }
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
