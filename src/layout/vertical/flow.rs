//! A story's body flowing through vertical text frames (竖排 sidebars and short pieces): column
//! after column from each frame's right edge, tier after tier down the frame (a vertical
//! frame's `columns` are its tiers, 栏, stacked top to bottom with the gutter between them),
//! frame after frame of the thread.
//!
//! Columns are one body leading apart, the way body lines are; a paragraph in a style of its
//! own (a subhead) takes as many columns as its leading needs and is centred across them.
//! Wraps and jump lines are not set in vertical frames: text keeps to its columns, and a
//! vertical thread is meant to stay on its page.

use super::place_column;
use crate::layout::display::TextRole;
use crate::layout::flow::{Flowed, missing_glyphs};
use crate::layout::setting::Owner;
use crate::layout::{Context, LastLine, StoryFit};
use crate::model::{Diagnostic, FrameKind, ParagraphStyle, Rect, Severity, Story};
use crate::text::{Line, LineBreaker, Paragraph};

/// One column's place in the thread.
#[derive(Clone, Copy, Debug)]
struct Slot {
    page: usize,
    /// Index of the frame in the thread's frames that exist.
    frame: usize,
    /// The column's centre line, its top and its length.
    centre: f32,
    top: f32,
    length: f32,
}

/// The columns of every frame of the thread, in reading order, `pitch` apart.
fn slots(ctx: &Context, frames: &[(usize, &crate::model::Frame)], pitch: f32) -> Vec<Slot> {
    let mut out = Vec::new();
    for (i, &(page, frame)) in frames.iter().enumerate() {
        let FrameKind::Text {
            columns, gutter, ..
        } = &frame.kind
        else {
            continue;
        };
        let Some(template) = ctx.edition.template(&ctx.edition.pages[page].template) else {
            continue;
        };
        let r = frame.text_rect();
        let tiers = (*columns).max(1);
        let gutter = gutter.map_or(template.gutter_width().0, |g| g.pt().0);
        let length = ((r.h.0 - gutter * f32::from(tiers - 1)) / f32::from(tiers)).max(1.0);
        // Whole columns only (a hair of tolerance for a frame drawn to the leading), and never
        // more than a page could hold: a frame 10 m wide must not ask for thousands.
        let across = ((r.w.0 / pitch + 0.01).floor() as usize).min(10_000);
        for tier in 0..tiers {
            let top = r.y.0 + f32::from(tier) * (length + gutter);
            for c in 0..across {
                out.push(Slot {
                    page,
                    frame: i,
                    centre: r.right().0 - pitch / 2.0 - c as f32 * pitch,
                    top,
                    length,
                });
            }
        }
    }
    out
}

/// What flowing produced so far.
struct Pass<'a> {
    slots: &'a [Slot],
    next: usize,
    items: Vec<(usize, crate::layout::Item)>,
    over: usize,
    last_lines: Vec<LastLine>,
}

impl Pass<'_> {
    /// Takes `n` columns for one composed column; None when the thread is full. The column
    /// is set on the middle of the ones it takes when they sit side by side in one tier.
    fn take(&mut self, n: usize) -> Option<Slot> {
        let taken = self.slots.get(self.next..self.next + n)?;
        self.next += n;
        let first = taken[0];
        let side_by_side = taken
            .iter()
            .all(|s| s.frame == first.frame && s.top == first.top);
        let centre = if side_by_side {
            taken.iter().map(|s| s.centre).sum::<f32>() / n as f32
        } else {
            first.centre
        };
        Some(Slot { centre, ..first })
    }
}

/// Flows `story`'s body through the vertical columns of its thread.
pub fn flow_story(ctx: &Context, story: &Story) -> Flowed {
    let roles = &ctx.edition.roles;
    let body = ctx.style(&story.styles.body, &roles.body);
    let pitch = body.leading.pt().0.max(body.size.pt().0).max(1.0);
    let located: Vec<(usize, &crate::model::Frame)> =
        story.thread.iter().filter_map(|id| ctx.frame(id)).collect();
    let slots = slots(ctx, &located, pitch);
    let mut pass = Pass {
        slots: &slots,
        next: 0,
        items: Vec::new(),
        over: 0,
        last_lines: Vec::new(),
    };
    let mut diagnostics = Vec::new();
    let mut missing = Vec::new();
    // Copyfit's tracking applies down the column; its horizontal scale does not (see
    // `crate::text::vertical::paragraph`).
    let tracking = story.copyfit.tracking_pct / 100.0;
    for (p, paragraph) in story.paragraphs.iter().enumerate() {
        let own = paragraph
            .style
            .as_ref()
            .filter(|id| ctx.edition.styles.paragraph(id).is_some());
        let mut style = match own {
            Some(_) => ctx.style(&paragraph.style, &roles.body),
            None => body,
        }
        .clone();
        style.tracking_em = (style.tracking_em + tracking).clamp(-0.5, 2.0);
        let (par, unknown) =
            ctx.paragraphs
                .get_vertical(ctx.book, &paragraph.text, &style, story.lang);
        if unknown {
            ctx.unknown_font(&style.font.family, &mut diagnostics, story);
        }
        missing.extend(par.measured.missing.iter().map(|&(at, c)| (p, at, c)));
        let leading = style.leading.pt().0.max(style.size.pt().0);
        let span = ((leading / pitch) - 0.01).ceil().max(1.0) as usize;
        set_paragraph(&mut pass, &par, (p, span), &style, story, &located);
    }
    let used = pass.next;
    let free = slots.len().saturating_sub(used);
    let mut fit = StoryFit::new(story);
    fit.lines_set = used;
    fit.last_lines = pass.last_lines;
    fit.lines_over = if pass.over > 0 {
        pass.over as i32
    } else {
        -(free as i32)
    };
    diagnostics.extend(fit_diagnostic(ctx, story, pass.over, free));
    if let Some(d) = missing_glyphs(&missing, None) {
        diagnostics.push(d.in_story(story.id.clone()));
    }
    Flowed {
        items: pass.items,
        fit,
        diagnostics,
    }
}

/// Sets one paragraph (number `p`, each of its columns taking `span` slots) column by column.
fn set_paragraph(
    pass: &mut Pass,
    par: &Paragraph,
    (p, span): (usize, usize),
    style: &ParagraphStyle,
    story: &Story,
    frames: &[(usize, &crate::model::Frame)],
) {
    let mut breaker = LineBreaker::new(par);
    while !breaker.is_done() {
        let Some(slot) = pass.take(span) else {
            // Overset: count the columns that do not fit at the last column's length.
            let length = pass.slots.last().map_or(100.0, |s| s.length);
            pass.over += std::iter::from_fn(|| breaker.break_next(length)).count() * span;
            return;
        };
        let Some(line) = breaker.break_next(slot.length) else {
            return;
        };
        let owner = Owner {
            frame: frames[slot.frame].1.id.clone(),
            story: Some(story.id.clone()),
            role: TextRole::Body,
        };
        let mut items = Vec::new();
        place_column(
            par,
            &line,
            (slot.centre, slot.top),
            style,
            &owner,
            &mut items,
        );
        if breaker.is_done() && line.start > 0 {
            pass.last_lines
                .push(last_line(p, &slot, &line, par.opts.size));
        }
        pass.items.extend(items.into_iter().map(|i| (slot.page, i)));
    }
}

/// A paragraph's last column where it was set, for 编辑删行.
fn last_line(paragraph: usize, slot: &Slot, line: &Line, size: f32) -> LastLine {
    let content = line.ends.last().copied().unwrap_or(0.0);
    LastLine {
        paragraph,
        page: slot.page,
        rect: Rect::new(slot.centre - size / 2.0, slot.top, size, content.max(size)),
        chars: line.end - line.start,
    }
}

/// Overset, underset or unplaced, worded as the horizontal flow words them (columns are the
/// vertical setting's lines).
fn fit_diagnostic(ctx: &Context, story: &Story, over: usize, free: usize) -> Option<Diagnostic> {
    let id = story.id.clone();
    if over > 0 {
        let mut d = Diagnostic::new(
            Severity::Error,
            "overset",
            format!("+{over} lines do not fit the story's frames (nothing is cut: enlarge a frame, add one to the thread, or cut the text)"),
        )
        .arg("lines", over)
        .in_story(id);
        if let Some(f) = story.thread.last() {
            if let Some((p, _)) = ctx.frame(f) {
                d = d.on_page(ctx.edition.page_label(p));
            }
            d = d.in_frame(f.clone());
        }
        Some(d)
    } else if free > 0 {
        Some(
            Diagnostic::new(
                Severity::Info,
                "underset",
                format!("−{free} lines: the frames have room to spare"),
            )
            .arg("lines", free)
            .in_story(id),
        )
    } else {
        None
    }
}
