//! A story's body flowing through its thread: frame after frame, column after column, line by
//! line on the baseline grid, with continuation jumps where the thread leaves a page.

use super::display::{Item, TextRole};
use super::setting::{Owner, baseline_in_box, place_line};
use super::{Context, StoryFit};
use crate::model::{Diagnostic, FrameKind, Severity, Story};
use crate::text::LineBreaker;

/// One line's place in a thread.
#[derive(Clone, Debug)]
struct Slot {
    page: usize,
    frame: usize,
    x: f32,
    width: f32,
    baseline: f32,
    kind: SlotKind,
}

#[derive(Clone, Debug, PartialEq)]
enum SlotKind {
    Body,
    /// Reserved at a frame's end when the thread continues on another page.
    JumpTo {
        page: usize,
    },
    /// Reserved at a frame's start when the thread comes from another page.
    JumpFrom {
        page: usize,
    },
}

/// The result of flowing one story: items per page, its copyfit and findings.
pub struct Flowed {
    pub items: Vec<(usize, Item)>,
    pub fit: StoryFit,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lays the grid lines of every text frame in the story's thread out as slots.
/// `balance`: set frame `.0` of the thread to `.1` rows per column (its columns then end level).
fn slots(ctx: &Context, story: &Story, balance: Option<(usize, i32)>) -> Vec<Slot> {
    let edition = ctx.edition;
    let located: Vec<(usize, &crate::model::Frame)> = story
        .thread
        .iter()
        .filter_map(|id| edition.frame(id))
        .collect();
    let mut slots = Vec::new();
    for (i, &(page, frame)) in located.iter().enumerate() {
        let FrameKind::Text {
            columns, gutter, ..
        } = &frame.kind
        else {
            continue;
        };
        let Some(template) = edition.template(&edition.pages[page].template) else {
            continue;
        };
        let leading = template.baseline.pt().0;
        let size = ctx
            .style(&story.styles.body, &edition.roles.body)
            .size
            .pt()
            .0;
        let area = template.type_area(false);
        let cols = (*columns).max(1);
        let gutter = gutter.map_or(template.gutter_width().0, |g| g.pt().0);
        let col_w = (frame.rect.w.0 - gutter * f32::from(cols - 1)) / f32::from(cols);
        // The grid cells the frame covers: lines sit on the page's baseline grid, so lines of
        // neighbouring columns and stories align.
        let first = ((frame.rect.y.0 - area.y.0) / leading - 0.01)
            .ceil()
            .max(0.0) as i32;
        let mut end = ((frame.rect.bottom().0 - area.y.0) / leading + 0.01).floor() as i32;
        if let Some((f, rows)) = balance
            && f == i
        {
            end = end.min(first + rows);
        }
        let from_page = i
            .checked_sub(1)
            .map(|p| located[p].0)
            .filter(|&p| p != page);
        let to_page = located.get(i + 1).map(|n| n.0).filter(|&p| p != page);
        let start_index = slots.len();
        for c in 0..cols {
            let x = frame.rect.x.0 + f32::from(c) * (col_w + gutter);
            for m in first..end {
                let top = area.y.0 + m as f32 * leading;
                slots.push(Slot {
                    page,
                    frame: i,
                    x,
                    width: col_w,
                    baseline: baseline_in_box(top, leading, size),
                    kind: SlotKind::Body,
                });
            }
        }
        if let Some(p) = from_page
            && let Some(s) = slots.get_mut(start_index)
        {
            s.kind = SlotKind::JumpFrom { page: p };
        }
        if let Some(p) = to_page
            && slots.len() > start_index
            && let Some(s) = slots.last_mut()
        {
            s.kind = SlotKind::JumpTo { page: p };
        }
    }
    slots
}

/// What one pass of flowing produced.
struct Pass {
    items: Vec<(usize, Item)>,
    /// Slots used in each frame of the thread (jump lines included).
    used: Vec<usize>,
    next: usize,
    lines_set: usize,
    over_lines: usize,
    unknown_font: bool,
    missing: Vec<char>,
}

fn run(ctx: &Context, story: &Story, slots: &[Slot]) -> Pass {
    let edition = ctx.edition;
    let body_style = ctx.style(&story.styles.body, &edition.roles.body);
    let jump_style = ctx.style(&None, &edition.roles.jump);
    let located: Vec<_> = story
        .thread
        .iter()
        .filter_map(|id| edition.frame(id).map(|(_, f)| f.id.clone()))
        .collect();
    let owner = |frame: usize, role| Owner {
        frame: located[frame].clone(),
        story: Some(story.id.clone()),
        role,
    };
    let mut pass = Pass {
        items: Vec::new(),
        used: vec![0; located.len()],
        next: 0,
        lines_set: 0,
        over_lines: 0,
        unknown_font: false,
        missing: Vec::new(),
    };
    for text in &story.paragraphs {
        let (par, unknown) = ctx.paragraphs.get(ctx.book, text, body_style, story.lang);
        pass.unknown_font |= unknown;
        pass.missing
            .extend(par.measured.missing.iter().map(|m| m.1));
        let mut breaker = LineBreaker::new(&par);
        while !breaker.is_done() {
            let Some(slot) = slots.get(pass.next) else {
                // Overset: count what does not fit at the last column's width, never drop it.
                let width = slots.last().map_or(100.0, |s| s.width);
                pass.over_lines += std::iter::from_fn(|| breaker.break_next(width)).count();
                break;
            };
            pass.next += 1;
            pass.used[slot.frame] += 1;
            let mut items = Vec::new();
            match slot.kind {
                SlotKind::Body => {
                    let line = breaker
                        .break_next(slot.width)
                        .expect("the breaker is not done");
                    place_line(
                        &par,
                        &line,
                        slot.x,
                        slot.baseline,
                        body_style,
                        &owner(slot.frame, TextRole::Body),
                        &mut items,
                    );
                    pass.lines_set += 1;
                }
                SlotKind::JumpTo { page } | SlotKind::JumpFrom { page } => {
                    let to = matches!(slot.kind, SlotKind::JumpTo { .. });
                    let text = ctx.jump_text(story.lang, page, to);
                    let role = if to {
                        TextRole::JumpTo
                    } else {
                        TextRole::JumpFrom
                    };
                    let owner = owner(slot.frame, role);
                    jump_line(ctx, &text, slot, jump_style, story, &owner, &mut items);
                }
            }
            pass.items.extend(items.into_iter().map(|i| (slot.page, i)));
        }
    }
    pass
}

/// Flows `story`'s body through its thread. A balanced frame where the story ends is set again
/// with its columns shortened to the same length.
pub fn flow_story(ctx: &Context, story: &Story) -> Flowed {
    let edition = ctx.edition;
    let slots = slots(ctx, story, None);
    let capacity = slots.iter().filter(|s| s.kind == SlotKind::Body).count();
    let mut pass = run(ctx, story, &slots);
    let last_used = pass.used.iter().rposition(|&u| u > 0);
    if let Some(f) = last_used
        && pass.over_lines == 0
        && let Some((_, frame)) = story.thread.get(f).and_then(|id| edition.frame(id))
        && let FrameKind::Text {
            columns,
            balance: true,
            ..
        } = frame.kind
    {
        let rows = pass.used[f].div_ceil(usize::from(columns.max(1))) as i32;
        let balanced = self::slots(ctx, story, Some((f, rows)));
        let second = run(ctx, story, &balanced);
        if second.over_lines == 0 {
            pass = second;
        }
    }
    let mut out = Flowed {
        items: pass.items,
        fit: StoryFit::new(story),
        diagnostics: Vec::new(),
    };
    if pass.unknown_font {
        let body_style = ctx.style(&story.styles.body, &edition.roles.body);
        ctx.unknown_font(&body_style.font.family, &mut out.diagnostics, story);
    }
    let over_lines = pass.over_lines;
    // Space left is counted against the frames as drawn, balanced or not.
    let free = capacity.saturating_sub(pass.lines_set);
    out.fit.lines_set = pass.lines_set;
    out.fit.lines_over = if over_lines > 0 {
        over_lines as i32
    } else {
        -(free as i32)
    };
    if story.thread.is_empty() && !story.paragraphs.is_empty() {
        out.diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                "unplaced",
                "the story is in no text frame yet",
            )
            .in_story(story.id.clone()),
        );
    } else if over_lines > 0 {
        let last = story.thread.last().cloned();
        let mut d = Diagnostic::new(
            Severity::Error,
            "overset",
            format!("+{over_lines} lines do not fit the story's frames (nothing is cut: enlarge a frame, add one to the thread, or cut the text)"),
        )
        .arg("lines", over_lines)
        .in_story(story.id.clone());
        if let Some(f) = last {
            if let Some((p, _)) = edition.frame(&f) {
                d = d.on_page(edition.page_label(p));
            }
            d = d.in_frame(f);
        }
        out.diagnostics.push(d);
    } else if free > 0 && !story.thread.is_empty() {
        out.diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                "underset",
                format!("−{free} lines: the frames have room to spare"),
            )
            .arg("lines", free)
            .in_story(story.id.clone()),
        );
    }
    let mut missing = pass.missing;
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        let list: String = missing
            .iter()
            .map(|c| format!("{c} (U+{:04X}) ", u32::from(*c)))
            .collect();
        out.diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "missing-glyph",
                format!(
                    "no bundled font has {}; they print as boxes",
                    list.trim_end()
                ),
            )
            .arg("chars", list.trim_end())
            .in_story(story.id.clone()),
        );
    }
    out
}

fn jump_line(
    ctx: &Context,
    text: &str,
    slot: &Slot,
    style: &crate::model::ParagraphStyle,
    story: &Story,
    owner: &Owner,
    out: &mut Vec<Item>,
) {
    let (par, _) = ctx.paragraphs.get(ctx.book, text, style, story.lang);
    // Continued-from heads start at the left; continued-on lines end at the right.
    let align = if owner.role == TextRole::JumpFrom {
        crate::model::Align::Left
    } else {
        crate::model::Align::Right
    };
    let par = par.realigned(align, 0.0);
    if let Some(line) = LineBreaker::new(&par).break_next(slot.width) {
        place_line(&par, &line, slot.x, slot.baseline, style, owner, out);
    }
}
