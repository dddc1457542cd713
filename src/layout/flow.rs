//! A story's body flowing through its thread: frame after frame, column after column, line by
//! line on the baseline grid, with continuation jumps where the thread leaves a page.

use super::display::{Item, TextRole};
use super::setting::{Owner, baseline_in_box, place_line};
use super::{Context, StoryFit, wrap};
use crate::model::{BodyParagraph, Diagnostic, FrameKind, ParagraphStyle, Severity, Story};
use crate::text::{LineBreaker, Paragraph, Widths};

/// One line's place in a thread.
#[derive(Clone, Debug)]
struct Slot {
    page: usize,
    frame: usize,
    /// Which column of the thread the slot is in (numbered across all its frames), and its
    /// grid row: a wrap can leave gaps in a column, so neighbours are found by row.
    column: usize,
    row: i32,
    x: f32,
    width: f32,
    /// Something stands right at the line's end (a wrap): no mark may hang past it.
    closed: bool,
    /// Top of the grid cell the line sits in, and the grid's line height.
    top: f32,
    grid: f32,
    baseline: f32,
    kind: SlotKind,
}

impl Slot {
    /// True when `other` is in the same column of the same frame.
    fn same_column(&self, other: &Slot) -> bool {
        self.column == other.column
    }

    /// True when `next` is the body line right under this one at the same measure: a block
    /// (a subhead) can run on into it without crossing a wrap's gap or changing width.
    #[allow(clippy::float_cmp)]
    fn runs_into(&self, next: &Slot) -> bool {
        next.column == self.column
            && next.row == self.row + 1
            && next.x == self.x
            && next.width == self.width
            && next.kind == SlotKind::Body
    }
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
    let located: Vec<(usize, &crate::model::Frame)> =
        story.thread.iter().filter_map(|id| ctx.frame(id)).collect();
    let size = ctx
        .style(&story.styles.body, &edition.roles.body)
        .size
        .pt()
        .0;
    let mut slots = Vec::new();
    let mut column = 0;
    for (i, &(page, frame)) in located.iter().enumerate() {
        let Some(template) = edition.template(&edition.pages[page].template) else {
            continue;
        };
        let columns = wrap::text_columns(frame, template);
        if columns.is_empty() {
            continue;
        }
        let leading = template.baseline.pt().0;
        let area = template.type_area(false);
        // Text sits inside the frame's inset (text on a tint).
        let r = frame.text_rect();
        // The grid cells the frame covers: lines sit on the page's baseline grid, so lines of
        // neighbouring columns and stories align.
        let first = ((r.y.0 - area.y.0) / leading - 0.01).ceil().max(0.0) as i32;
        // Never past the page's foot: rows there cannot print, and a frame far taller than its
        // page (10 m is allowed) would otherwise ask for tens of thousands of slots a column.
        let foot = template.height.pt().0.min(r.bottom().0);
        let mut end = ((foot - area.y.0) / leading + 0.01).floor() as i32;
        if let Some((f, rows)) = balance
            && f == i
        {
            end = end.min(first + rows);
        }
        // Frames that wrap push lines aside or skip them; most frames have none nearby.
        let obstacles = wrap::obstacles(&edition.pages[page], frame);
        // Vertical rules just past a column's end: a mark hanging there would touch them.
        let rules: Vec<crate::model::Rect> = edition.pages[page]
            .frames
            .iter()
            .filter(|f| {
                matches!(f.kind, crate::model::FrameKind::Rule { .. }) && f.rect.h.0 > f.rect.w.0
            })
            .map(|f| f.rect)
            .collect();
        let from_page = i
            .checked_sub(1)
            .map(|p| located[p].0)
            .filter(|&p| p != page);
        let to_page = located.get(i + 1).map(|n| n.0).filter(|&p| p != page);
        let start_index = slots.len();
        for col in columns {
            for m in first..end {
                let top = area.y.0 + m as f32 * leading;
                let Some((x, width)) = wrap::line_span(col, (top, top + leading), &obstacles, size)
                else {
                    continue;
                };
                slots.push(Slot {
                    page,
                    frame: i,
                    column,
                    row: m,
                    x,
                    width,
                    closed: x + width < col.0 + col.1 - 0.01
                        || rules.iter().any(|r| {
                            r.y.0 < top + leading
                                && r.bottom().0 > top
                                && r.x.0 > x + width - 0.01
                                && r.x.0 < x + width + 0.75 * size
                        }),
                    top,
                    grid: leading,
                    baseline: baseline_in_box(top, leading, size),
                    kind: SlotKind::Body,
                });
            }
            column += 1;
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
    /// Families of the story's styles the font book does not have.
    unknown_fonts: Vec<String>,
    /// Characters no face has: body paragraph (0-based), character in it, the character.
    missing: Vec<(usize, usize, char)>,
    /// Each body paragraph's last line, where it was set.
    last_lines: Vec<super::LastLine>,
}

/// One flowing of a story through a list of slots.
struct Flow<'a, 'b> {
    ctx: &'a Context<'b>,
    story: &'a Story,
    slots: &'a [Slot],
    /// The thread's frames that exist, by index in the thread.
    frames: Vec<crate::model::FrameId>,
    pass: Pass,
    /// The body paragraph being set (0-based).
    paragraph: usize,
}

impl Flow<'_, '_> {
    fn owner(&self, frame: usize, role: TextRole) -> Owner {
        Owner {
            frame: self.frames[frame].clone(),
            story: Some(self.story.id.clone()),
            role,
        }
    }

    /// Takes slot `pass.next`, counting it as used in its frame.
    fn take(&mut self) -> Option<&Slot> {
        let slot = self.slots.get(self.pass.next)?;
        self.pass.next += 1;
        self.pass.used[slot.frame] += 1;
        Some(slot)
    }

    /// Sets the jump line a jump slot reserves.
    fn jump(&mut self, slot: &Slot) {
        let (page, to) = match slot.kind {
            SlotKind::JumpTo { page } => (page, true),
            SlotKind::JumpFrom { page } => (page, false),
            SlotKind::Body => return,
        };
        let text = self.ctx.jump_text(self.story.lang, page, to);
        let role = if to {
            TextRole::JumpTo
        } else {
            TextRole::JumpFrom
        };
        let owner = self.owner(slot.frame, role);
        let style = self.ctx.style(&None, &self.ctx.edition.roles.jump);
        let mut items = Vec::new();
        jump_line(self.ctx, &text, slot, style, self.story, &owner, &mut items);
        self.pass
            .items
            .extend(items.into_iter().map(|i| (slot.page, i)));
    }

    fn prepare(&mut self, text: &str, style: &ParagraphStyle) -> std::sync::Arc<Paragraph> {
        let paragraph = self.paragraph;
        let (par, unknown) = self
            .ctx
            .paragraphs
            .get(self.ctx.book, text, style, self.story.lang);
        if unknown && !self.pass.unknown_fonts.contains(&style.font.family) {
            self.pass.unknown_fonts.push(style.font.family.clone());
        }
        self.pass.missing.extend(
            par.measured
                .missing
                .iter()
                .map(|&(at, c)| (paragraph, at, c)),
        );
        par
    }

    /// A body paragraph: one line per grid slot, column after column.
    fn body(&mut self, text: &str, style: &ParagraphStyle) {
        let par = self.prepare(text, style);
        let mut breaker = LineBreaker::with_widths(&par, self.widths_ahead(&par));
        while !breaker.is_done() {
            let Some(slot) = self.take().cloned() else {
                // Overset: count what does not fit at the last column's width, never drop it.
                let width = self.slots.last().map_or(100.0, |s| s.width);
                self.pass.over_lines += std::iter::from_fn(|| breaker.break_next(width)).count();
                break;
            };
            if slot.kind != SlotKind::Body {
                self.jump(&slot);
                continue;
            }
            let Some(line) = breaker.break_next(slot.width) else {
                break;
            };
            let mut items = Vec::new();
            let owner = self.owner(slot.frame, TextRole::Body);
            place_line(
                &par,
                &line,
                slot.x,
                slot.baseline,
                style,
                &owner,
                &mut items,
            );
            // A paragraph of more than one line whose last line this is.
            if breaker.is_done() && line.start > 0 {
                let size = style.size.pt().0;
                let content = line.ends.last().copied().unwrap_or(0.0);
                self.pass.last_lines.push(super::LastLine {
                    paragraph: self.paragraph,
                    page: slot.page,
                    rect: crate::model::Rect::new(
                        slot.x,
                        slot.baseline - size * 0.88,
                        content.max(size),
                        size,
                    ),
                    chars: line.end - line.start,
                });
            }
            self.pass
                .items
                .extend(items.into_iter().map(|i| (slot.page, i)));
            self.pass.lines_set += 1;
        }
    }

    /// The widths of the body lines a paragraph can take from the next slot on, and whether
    /// a wrap closes their ends: what its breaks are planned for. Lines past the slots are
    /// overset, at the last slot's width.
    fn widths_ahead(&self, par: &Paragraph) -> Widths {
        // The most lines the paragraph can fill: hardly any line is set under half full, so
        // it needs no more than its natural width over half the narrowest line it is given.
        // Slots are taken until that many, so a story threaded through hundreds of frames
        // does not walk all of them for every paragraph.
        let natural: f32 = par.natural_width();
        let (mut lines, mut closed) = (Vec::new(), Vec::new());
        let mut narrowest = f32::INFINITY;
        let body = self.slots[self.pass.next.min(self.slots.len())..]
            .iter()
            .filter(|s| s.kind == SlotKind::Body);
        for slot in body {
            narrowest = narrowest.min(slot.width);
            let most = if narrowest > 0.0 {
                ((natural / (0.5 * narrowest)).ceil() as usize + 2).min(par.len())
            } else {
                0
            };
            if lines.len() >= most {
                break;
            }
            lines.push(slot.width);
            closed.push(slot.closed);
        }
        Widths {
            rest: lines
                .last()
                .copied()
                .unwrap_or_else(|| self.slots.last().map_or(100.0, |s| s.width)),
            closed,
            lines,
        }
    }

    /// A paragraph in its own style (a subhead): set in its own size and leading as one block
    /// that takes whole grid lines, so the body after it stays on the baseline grid. The block
    /// never splits across columns: a subhead at a column foot would be cut off from its text.
    fn block(&mut self, text: &str, style: &ParagraphStyle) {
        let par = self.prepare(text, style);
        let size = style.size.pt().0;
        let leading = style.leading.pt().0.max(size);
        let (before, after) = (style.space_before.pt().0, style.space_after.pt().0);
        loop {
            // Jump lines reserved at a frame's start are set before the block.
            while let Some(slot) = self.slots.get(self.pass.next).cloned()
                && slot.kind != SlotKind::Body
            {
                self.take();
                self.jump(&slot);
            }
            let Some(first) = self.slots.get(self.pass.next).cloned() else {
                // Overset: the block's grid lines at the last column's width.
                let (width, grid) = self
                    .slots
                    .last()
                    .map_or((100.0, 1.0), |s| (s.width, s.grid));
                let lines = LineBreaker::new(&par).all_at(width).len();
                let height = before + lines as f32 * leading + after;
                self.pass.over_lines += rows(height, grid);
                return;
            };
            let lines = LineBreaker::new(&par).all_at(first.width);
            let height = before + lines.len() as f32 * leading + after;
            let needed = rows(height, first.grid);
            // Body lines left in this run of the column from here: a wrap's gap or a change of
            // measure ends the run, since the block is set as one piece at one width.
            let room = self.run_from(self.pass.next);
            if room >= needed || room == self.longest_run(&first) {
                // Fits, or never will (taller than a whole column): set it here.
                let taken = needed.min(room);
                // Centre the block in its grid lines, so spare space falls evenly around it.
                let spare = (needed as f32 * first.grid - height).max(0.0);
                let mut y = first.top + spare / 2.0 + before;
                let owner = self.owner(first.frame, TextRole::Body);
                let mut items = Vec::new();
                for line in &lines {
                    let baseline = baseline_in_box(y, leading, size);
                    place_line(&par, line, first.x, baseline, style, &owner, &mut items);
                    y += leading;
                }
                self.pass
                    .items
                    .extend(items.into_iter().map(|i| (first.page, i)));
                for _ in 0..taken {
                    self.take();
                }
                self.pass.lines_set += taken;
                self.pass.over_lines += needed - taken;
                return;
            }
            // Too little room: leave the rest of this run empty and try the next run (below a
            // wrap's gap, or the next column). Jump lines after it are set by the loop's top.
            for _ in 0..room {
                self.take();
            }
        }
    }

    /// How many body lines run on from slot `from` in one piece (see [`Slot::runs_into`]).
    fn run_from(&self, from: usize) -> usize {
        match self.slots.get(from) {
            Some(s) if s.kind == SlotKind::Body => {
                1 + self.slots[from..]
                    .windows(2)
                    .take_while(|w| w[0].runs_into(&w[1]))
                    .count()
            }
            _ => 0,
        }
    }

    /// The longest run of body lines in the column `slot` is in: a block taller than that
    /// never fits, so it is set in the first run it meets rather than pushed on forever.
    /// Without wraps this is the column's body lines.
    fn longest_run(&self, slot: &Slot) -> usize {
        let mut longest = 0;
        let mut i = 0;
        while i < self.slots.len() {
            if self.slots[i].same_column(slot) && self.slots[i].kind == SlotKind::Body {
                let run = self.run_from(i);
                longest = longest.max(run);
                i += run;
            } else {
                i += 1;
            }
        }
        longest
    }
}

/// Whole grid lines a block of `height` takes (a hair of tolerance for rounding).
fn rows(height: f32, grid: f32) -> usize {
    ((height / grid.max(1.0)) - 0.01).ceil().max(1.0) as usize
}

/// A paragraph's style, and whether it is its own: its own when it names one the edition
/// knows, else the story's body style.
fn style_of<'c>(
    ctx: &'c Context,
    story: &Story,
    paragraph: &BodyParagraph,
) -> (&'c ParagraphStyle, bool) {
    let roles = &ctx.edition.roles;
    match &paragraph.style {
        Some(own) if ctx.edition.styles.paragraph(own).is_some() => {
            (ctx.style(&paragraph.style, &roles.body), true)
        }
        _ => (ctx.style(&story.styles.body, &roles.body), false),
    }
}

fn run(ctx: &Context, story: &Story, slots: &[Slot]) -> Pass {
    let frames: Vec<_> = story
        .thread
        .iter()
        .filter_map(|id| ctx.frame(id).map(|(_, f)| f.id.clone()))
        .collect();
    let mut flow = Flow {
        ctx,
        story,
        slots,
        pass: Pass {
            items: Vec::new(),
            used: vec![0; frames.len()],
            next: 0,
            lines_set: 0,
            over_lines: 0,
            unknown_fonts: Vec::new(),
            missing: Vec::new(),
            last_lines: Vec::new(),
        },
        frames,
        paragraph: 0,
    };
    // Copyfit's tracking, on every paragraph of the body.
    let tracking = story.copyfit.tracking_pct / 100.0;
    // And its horizontal scale (长/扁字), when the house allows it.
    let scale = 1.0 + story.copyfit.scale_pct / 100.0;
    for (i, paragraph) in story.paragraphs.iter().enumerate() {
        flow.paragraph = i;
        let (style, own) = style_of(ctx, story, paragraph);
        let adjusted;
        let style = if tracking == 0.0 && scale == 1.0 {
            style
        } else {
            let mut s = style.clone();
            s.tracking_em = (s.tracking_em + tracking).clamp(-0.5, 2.0);
            s.scale = (s.scale * scale).clamp(0.5, 2.0);
            adjusted = s;
            &adjusted
        };
        if own {
            flow.block(&paragraph.text, style);
        } else {
            flow.body(&paragraph.text, style);
        }
    }
    flow.pass
}

/// Flows `story`'s body through its thread. A balanced frame where the story ends is set again
/// with its columns shortened to the same length.
pub fn flow_story(ctx: &Context, story: &Story) -> Flowed {
    let edition = ctx.edition;
    let slots = slots(ctx, story, None);
    let capacity = slots.iter().filter(|s| s.kind == SlotKind::Body).count();
    let mut pass = run(ctx, story, &slots);
    let last_used = pass.used.iter().rposition(|&u| u > 0);
    // Balanced columns end level to within a line: the lines the last row lacks in some
    // columns are no hole (a story of 68 lines in three columns is 23, 23 and 22 deep).
    let mut short_row = 0;
    if let Some(f) = last_used
        && pass.over_lines == 0
        && let Some((_, frame)) = story.thread.get(f).and_then(|id| ctx.frame(id))
        && let FrameKind::Text {
            columns,
            balance: true,
            ..
        } = frame.kind
    {
        let rows = pass.used[f].div_ceil(usize::from(columns.max(1))) as i32;
        // A wrap takes lines out of some columns only, so the even share may not fit: then try
        // a row or two more before giving up on balancing. Without wraps the first try fits
        // whenever balancing can.
        let wraps = wrapped(ctx, story, f);
        let tries = if wraps { 3 } else { 1 };
        for extra in 0..tries {
            let balanced = self::slots(ctx, story, Some((f, rows + extra)));
            let second = run(ctx, story, &balanced);
            if second.over_lines == 0 {
                if !wraps {
                    short_row = (rows as usize * usize::from(columns.max(1)))
                        .saturating_sub(second.used[f])
                        .min(usize::from(columns.max(1)) - 1);
                }
                pass = second;
                break;
            }
        }
    }
    let mut out = Flowed {
        items: pass.items,
        fit: StoryFit::new(story),
        diagnostics: Vec::new(),
    };
    for family in &pass.unknown_fonts {
        ctx.unknown_font(family, &mut out.diagnostics, story);
    }
    let over_lines = pass.over_lines;
    // Space left is counted against the frames as drawn, balanced or not.
    let free = capacity.saturating_sub(pass.lines_set + short_row);
    out.fit.lines_set = pass.lines_set;
    out.fit.last_lines = std::mem::take(&mut pass.last_lines);
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
            if let Some((p, _)) = ctx.frame(&f) {
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
    if let Some(d) = missing_glyphs(&pass.missing, None) {
        out.diagnostics.push(d.in_story(story.id.clone()));
    }
    out
}

/// True when a wrapping frame reaches into frame `f` of the story's thread.
fn wrapped(ctx: &Context, story: &Story, f: usize) -> bool {
    story
        .thread
        .get(f)
        .and_then(|id| ctx.frame(id))
        .is_some_and(|(page, frame)| !wrap::obstacles(&ctx.edition.pages[page], frame).is_empty())
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

/// The error for characters no face has (they print as boxes), naming each with where it is:
/// the body paragraph (or the story's `part`, such as the headline) and character, counted
/// from 1 as an editor counts them.
pub(super) fn missing_glyphs(
    missing: &[(usize, usize, char)],
    part: Option<&str>,
) -> Option<Diagnostic> {
    let mut chars: Vec<char> = missing.iter().map(|m| m.2).collect();
    chars.sort_unstable();
    chars.dedup();
    if chars.is_empty() {
        return None;
    }
    let list: Vec<String> = chars
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    const SHOWN: usize = 5;
    let mut places: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|(p, at, c)| match part {
            Some(part) => format!("{c} in the {part}, character {}", at + 1),
            None => format!("{c} in paragraph {}, character {}", p + 1, at + 1),
        })
        .collect();
    if missing.len() > SHOWN {
        places.push(format!("{} more", missing.len() - SHOWN));
    }
    let (list, places) = (list.join(" "), places.join("; "));
    let (first_paragraph, first_char, _) = missing[0];
    Some(
        Diagnostic::new(
            Severity::Error,
            "missing-glyph",
            format!("no font has {list}; they print as boxes ({places})"),
        )
        .arg("chars", &list)
        .arg("part", part.unwrap_or("body"))
        .arg("paragraph", first_paragraph + 1)
        .arg("char", first_char + 1)
        .arg("count", missing.len()),
    )
}
