//! Vertical setting (竖排) of headline and text frames: lines become columns read top to
//! bottom, the first column at the frame's right and each next one to its left.
//!
//! A column is a line turned a quarter: the paragraph is measured down the column
//! ([`crate::text::vertical`]), broken and justified by the same composer at the column's
//! length, and each column is placed a leading to the left of the one before, on its centre
//! line ([`place`]). Text frames flow their stories through columns the same way ([`flow`]).

mod flow;
mod place;

pub(super) use flow::flow_story;
pub use place::place_column;

use super::Context;
use super::display::Item;
use super::frames::{headline_parts, report_fonts, stack_overset};
use super::setting::Owner;
use crate::model::{Diagnostic, Frame, Lang, ParagraphStyle, Story};
use crate::text::LineBreaker;

/// Where a block of columns goes: the first column's right edge, the columns' top and their
/// length, in page points.
#[derive(Clone, Copy, Debug)]
pub struct Columns {
    pub right: f32,
    pub top: f32,
    pub length: f32,
}

/// Sets `text` in `style` as columns of `at.length`, right to left from `at.right`; returns
/// the width used, the style's space before (at the right) and after (at the left) included.
/// Columns are one leading apart, as lines are.
pub fn column_block(
    ctx: &Context,
    text: &str,
    (style, lang): (&ParagraphStyle, Lang),
    at: Columns,
    owner: &Owner,
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let (par, unknown) = ctx.paragraphs.get_vertical(ctx.book, text, style, lang);
    report_fonts(ctx, &par, unknown, style, owner, diagnostics);
    let pitch = style.leading.pt().0.max(style.size.pt().0);
    let mut right = at.right - style.space_before.pt().0;
    let mut breaker = LineBreaker::new(&par);
    while let Some(line) = breaker.break_next(at.length) {
        // The em box is centred in the column's leading, as a line's is in its leading.
        place_column(
            &par,
            &line,
            (right - pitch / 2.0, at.top),
            style,
            owner,
            out,
        );
        right -= pitch;
    }
    at.right - right + style.space_after.pt().0
}

/// A vertical headline stack: kicker, headline, deck and byline as columns from right to left,
/// each part's columns as long as the frame is high, the whole stack centred across the frame
/// (the horizontal stack is centred down it). Each column is aligned down its length as its
/// style aligns a line: a centred headline stands in the middle of the frame's height.
pub fn headline(
    ctx: &Context,
    frame: &Frame,
    story: &Story,
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let r = frame.text_rect();
    let parts = headline_parts(ctx, story);
    let set = |right: f32, out: &mut Vec<Item>, diags: &mut Vec<Diagnostic>| {
        let mut width = 0.0;
        for (text, style, role) in &parts {
            let owner = Owner {
                frame: frame.id.clone(),
                story: Some(story.id.clone()),
                role: *role,
            };
            let at = Columns {
                right: right - width,
                top: r.y.0,
                length: r.h.0,
            };
            width += column_block(ctx, text, (style, story.lang), at, &owner, out, diags);
        }
        width
    };
    // Set once to measure, then again at the offset that centres the stack across the frame.
    let width = set(r.right().0, &mut Vec::new(), &mut Vec::new());
    let right = r.right().0 - ((r.w.0 - width) / 2.0).max(0.0);
    set(right, out, diagnostics);
    if width > r.w.0 + 0.5 {
        diagnostics.push(stack_overset(
            (
                "vertical-headline-overset",
                "the vertical headline's columns need",
                "width",
                "wide",
            ),
            width,
            r.w.0,
            frame,
            story,
        ));
    }
}
