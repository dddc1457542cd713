//! Geometry checks before a page goes to press: frames outside the trim, frames overlapping.

use crate::model::{Diagnostic, Edition, FrameKind, Severity};

pub fn check(edition: &Edition) -> Vec<Diagnostic> {
    let mut out = Vec::new();
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
