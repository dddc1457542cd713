//! Checks before a page goes to press: styles whose font is missing, frames outside the trim,
//! frames overlapping.

use crate::model::{Diagnostic, Edition, FrameKind, Severity};
use crate::text::FontBook;

pub fn check(edition: &Edition, book: &FontBook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Every style, used or not: a style kept for later should not surprise anyone at press time.
    for style in &edition.styles.paragraph {
        if let Err(e) = book.check_spec(&style.font) {
            out.push(Diagnostic::new(
                Severity::Warning,
                "unknown-font",
                format!("style \"{}\": {e}", style.id),
            ));
        }
    }
    for (i, page) in edition.pages.iter().enumerate() {
        let Some(t) = edition.template(&page.template) else {
            continue;
        };
        let label = edition.page_label(i);
        let trim = t.trim();
        for (k, frame) in page.frames.iter().enumerate() {
            if !trim.contains(&frame.rect) {
                out.push(
                    Diagnostic::new(
                        Severity::Error,
                        "outside-trim",
                        "the frame reaches outside the page's trim",
                    )
                    .on_page(label.clone())
                    .in_frame(frame.id.clone()),
                );
            }
            for other in &page.frames[k + 1..] {
                let rules = matches!(frame.kind, FrameKind::Rule { .. })
                    && matches!(other.kind, FrameKind::Rule { .. });
                if !rules && frame.rect.overlaps(&other.rect) {
                    out.push(
                        Diagnostic::new(
                            Severity::Error,
                            "overlap",
                            format!("frames \"{}\" and \"{}\" overlap", frame.id, other.id),
                        )
                        .arg("frame", &frame.id)
                        .arg("other", &other.id)
                        .on_page(label.clone())
                        .in_frame(frame.id.clone()),
                    );
                }
            }
        }
    }
    out
}
