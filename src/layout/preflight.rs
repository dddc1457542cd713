//! Checks before a page goes to press: frames outside the trim, frames overlapping, wraps
//! that leave slivers. (Fonts are checked in [`super::fonts`].)

use super::wrap;
use crate::model::{Diagnostic, Edition, Frame, FrameKind, Severity};

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
                if may_overlap(frame, other) {
                    continue;
                }
                if frame.rect.overlaps(&other.rect) {
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
    out.extend(narrow_wraps(edition));
    out
}

/// Frames meant to overlap: rules crossing rules, boxes (backgrounds under other frames), and
/// a wrapping frame over a text frame whose text flows around it.
pub(super) fn may_overlap(a: &Frame, b: &Frame) -> bool {
    let rules =
        matches!(a.kind, FrameKind::Rule { .. }) && matches!(b.kind, FrameKind::Rule { .. });
    let boxed = matches!(a.kind, FrameKind::Box { .. }) || matches!(b.kind, FrameKind::Box { .. });
    let text = |f: &Frame| matches!(f.kind, FrameKind::Text { .. });
    let wraps = (a.wrap.is_some() && text(b)) || (b.wrap.is_some() && text(a));
    rules || boxed || wraps
}

/// A wrap that leaves a column sliver under [`crate::model::MIN_WRAP_CHARS`] 字 beside it: the
/// lines there stay empty, a white gap the designer should decide about.
fn narrow_wraps(edition: &Edition) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, page) in edition.pages.iter().enumerate() {
        let Some(t) = edition.template(&page.template) else {
            continue;
        };
        for frame in &page.frames {
            let obstacles = wrap::obstacles(page, frame);
            if obstacles.is_empty() {
                continue;
            }
            let body = edition
                .story_of_frame(&frame.id)
                .and_then(|s| s.styles.body.clone());
            let em = edition
                .styles
                .paragraph(body.as_ref().unwrap_or(&edition.roles.body))
                .map_or(10.0, |s| s.size.pt().0);
            for (column, chars) in wrap::narrow_columns(frame, t, &obstacles, em) {
                out.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "narrow-wrap",
                        format!(
                            "a text wrap leaves only {chars:.1} 字 of column {} of frame \"{}\" (under {}): its lines there stay empty",
                            column + 1,
                            frame.id,
                            crate::model::MIN_WRAP_CHARS
                        ),
                    )
                    .arg("frame", &frame.id)
                    .arg("column", column + 1)
                    .arg("chars", format!("{chars:.1}"))
                    .on_page(edition.page_label(i))
                    .in_frame(frame.id.clone()),
                );
            }
        }
    }
    out
}
