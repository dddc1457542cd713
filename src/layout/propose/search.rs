//! The search: modular page shapes on the grid, stories dealt into their columns, and block
//! heights chosen by dynamic programming so every column of the page fills exactly.
//!
//! A shape is a guillotine cut of the page: the lead across most columns at the top
//! (optionally beside a rail of two or three columns running the page's depth), an optional
//! band across the lead's width under it, and under those a row of strips, each a stack of
//! stories the strip's width. Every story's block is headline + (photo) + body.
//!
//! For each story and span, [`leaves`] lists the heights a block can have in whole grid lines
//! and the cheapest way to reach each: tracking steps change the body's line count, air
//! under the headline adds a line, a photo takes any height its crop and resolution allow.
//! A stack's table (best cost of every total height) is the min-plus convolution of its
//! stories' tables; strips side by side must share one height, so their tables add; and the
//! lead, whose text can run on to a later page, takes whatever height is left. Stories are
//! dealt to strips in priority order — a strip opens with a story less important than the
//! heads of the strips before it — so the tops of the strips read in order.

use std::collections::HashMap;

use super::measure::{Grid, Need};
use super::score::{COPYFIT, CROP, HOLE, LOW_PPI};

/// A cost no layout reaches: the height is impossible.
pub(super) const INF: u32 = u32::MAX / 4;

/// Fewest body lines the lead keeps on its page.
const MIN_CONTINUED_ROWS: u16 = 4;

/// One way to set a story's block at one span and height.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Leaf {
    pub cost: u32,
    /// Index into the story's `lines` (tracking setting).
    pub tracking: usize,
    /// Headline frame lines, air included, and the lines of air added.
    pub head: u16,
    pub extra: u16,
    /// Photo frame lines (0: none) and whether the photo sits above the headline.
    pub photo: u16,
    pub photo_first: bool,
    /// Body frame lines (0: no body frame) and its text columns (the block's span, or one
    /// more when set narrower).
    pub body: u16,
    pub cols: u8,
    /// Empty column-lines the block leaves.
    pub holes: u32,
    /// Share of the photo cropped away, and its resolution as printed.
    pub crop: f32,
    pub ppi: Option<f32>,
    /// The photo's image takes this many of the block's columns and its caption the rest,
    /// beside it (图片新闻): how a small photo keeps 200 PPI in a wide block.
    pub beside: Option<u8>,
}

impl Leaf {
    pub fn height(&self) -> u16 {
        self.head + self.photo + self.body
    }
}

/// The cheapest leaf of every height (index = grid lines), `None` where none exists.
pub(super) type Table = Vec<Option<Leaf>>;

/// A placed story: where its block is, and how it is set.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Index of the story in priority order.
    pub story: usize,
    pub col: u8,
    pub span: u8,
    /// First grid line.
    pub top: u16,
    pub(super) leaf: Leaf,
    /// Empty lines left under the block at the foot of its strip (times the span: holes).
    pub(super) pad: u32,
    /// Tracking steps the block's copyfit uses.
    pub(super) steps: u32,
    /// Headline size times span: how loud the headline is.
    pub(super) head_weight: f32,
}

impl Block {
    /// Grid lines of the headline frame (half open).
    pub fn head_rows(&self) -> (u16, u16) {
        let top = self.top
            + if self.leaf.photo_first {
                self.leaf.photo
            } else {
                0
            };
        (top, top + self.leaf.head)
    }

    /// Grid lines of the photo frame, if any.
    pub fn photo_rows(&self) -> Option<(u16, u16)> {
        (self.leaf.photo > 0).then(|| {
            let top = self.top
                + if self.leaf.photo_first {
                    0
                } else {
                    self.leaf.head
                };
            (top, top + self.leaf.photo)
        })
    }

    /// Grid lines of the body frame, if any.
    pub fn body_rows(&self) -> Option<(u16, u16)> {
        (self.leaf.body > 0).then(|| {
            let top = self.top + self.leaf.head + self.leaf.photo;
            (top, top + self.leaf.body)
        })
    }

    pub fn lines(&self) -> u16 {
        self.leaf.height()
    }
}

/// One photo frame height: lines, share cropped, PPI, cost, and the image's columns when
/// the caption sits beside it.
type PhotoOption = (u16, f32, Option<f32>, u32, Option<u8>);

/// The photo heights (frame lines) a story can take at `span`, with crop and resolution:
/// filling the frame crops at most 30% either way. A photo story with no body whose photo
/// would print under 200 PPI across the block also gets the narrowest-loss layout that keeps
/// 200 PPI: the image in as many columns as allow it, the caption beside it.
fn photo_options(need: &Need, span: u8, grid: &Grid) -> Vec<PhotoOption> {
    let Some(photo) = &need.photo else {
        return vec![(0, 0.0, None, 0, None)];
    };
    let mut out = under(photo, span, grid);
    if let Some((pw, _)) = photo.pixels
        && need.lines.is_empty()
        && span > 1
    {
        let ppi_at = |k: u8| pw as f32 / (grid.template.span_width(k).0 / 72.0);
        if ppi_at(span) < 200.0
            && let Some(k) = (1..span).rev().find(|&k| ppi_at(k) >= 200.0)
        {
            out.extend(beside(photo, span, k, grid));
        }
    }
    out
}

/// Photo frames at `span` with the caption beside an image `k` columns wide: the image takes
/// the frame's height, and the caption must fit beside it.
fn beside(photo: &super::measure::PhotoNeed, span: u8, k: u8, grid: &Grid) -> Vec<PhotoOption> {
    let caption = photo.caption[usize::from(span - k - 1)];
    frames(
        photo,
        grid.template.span_width(k).0,
        grid,
        Some(k),
        |frame| (frame >= caption).then_some(frame),
    )
}

/// Photo frames at `span` with the caption under the image: the image takes what the caption
/// leaves, at least a quarter of the frame.
fn under(photo: &super::measure::PhotoNeed, span: u8, grid: &Grid) -> Vec<PhotoOption> {
    let caption = photo.caption[usize::from(span - 1)];
    frames(
        photo,
        grid.template.span_width(span).0,
        grid,
        None,
        |frame| {
            let image = frame - caption;
            (image >= frame * 0.25 && image > 0.0).then_some(image)
        },
    )
}

/// Every frame height in whole lines whose image (`image_of` the frame's height, `None` where
/// it does not fit) an image `width` wide fills with at most 30% cropped either way.
fn frames(
    photo: &super::measure::PhotoNeed,
    width: f32,
    grid: &Grid,
    beside: Option<u8>,
    image_of: impl Fn(f32) -> Option<f32>,
) -> Vec<PhotoOption> {
    // Unknown pixels: a 3:2 landscape, the commonest news photo, with no resolution to judge.
    let (pw, ph) = photo.pixels.unwrap_or((3, 2));
    let natural = width * ph as f32 / pw as f32;
    let mut out = Vec::new();
    for lines in 1..=grid.rows {
        let Some(image) = image_of(f32::from(lines) * grid.pitch.0) else {
            continue;
        };
        let kept = if image < natural {
            image / natural
        } else {
            natural / image
        };
        if kept < 0.7 {
            continue;
        }
        let scale = (width / pw as f32).max(image / ph as f32);
        let ppi = photo.pixels.map(|_| 72.0 / scale);
        let crop = 1.0 - kept;
        let cost = (crop * 10.0).round() as u32 * CROP
            + u32::from(ppi.is_some_and(|p| p < 200.0)) * LOW_PPI;
        out.push((lines, crop, ppi, cost, beside));
    }
    out
}

/// Every block height `need` can have at `span`, and the cheapest way to each.
pub(super) fn leaves(need: &Need, span: u8, grid: &Grid) -> Table {
    let rows = usize::from(grid.rows);
    let mut table: Table = vec![None; rows + 1];
    let head = need.head[usize::from(span - 1)];
    let photos = photo_options(need, span, grid);
    let s = u32::from(span);
    // Body options: (tracking index, frame lines, text columns, holes, cost).
    let mut bodies: Vec<(usize, u16, u8, u32, u32)> = Vec::new();
    if need.lines.is_empty() {
        bodies.push((0, 0, span, 0, 0));
    } else if let Some(c) = &need.continuation {
        // The frame here takes any depth; what it does not hold runs on to the last frame,
        // which must end exactly full within the room it has.
        for body in MIN_CONTINUED_ROWS..=grid.rows {
            let here = (s * u32::from(body)).saturating_sub(1 + u32::from(c.jump_in));
            let best = need
                .lines
                .iter()
                .enumerate()
                .map(|(i, &(_, lines))| {
                    let rest = i64::from(lines)
                        - i64::from(c.before)
                        - i64::from(here)
                        - i64::from(c.middle);
                    // The last frame holds cols × rows − 1 (its continued-from line).
                    let cols = i64::from(c.last_cols);
                    let want = rest + 1;
                    let r = (want.div_euclid(cols)).clamp(1, i64::from(c.last_max_rows.max(1)));
                    let miss = (want - r * cols).unsigned_abs() as u32;
                    (miss * HOLE + need.steps(i) * COPYFIT, i, miss)
                })
                .min();
            if let Some((cost, i, miss)) = best {
                bodies.push((i, body, span, miss, cost));
            }
        }
    } else {
        let split = need
            .split
            .iter()
            .find(|(at, _)| *at == span)
            .map(|(_, by)| {
                by.iter()
                    .copied()
                    .enumerate()
                    .map(|(i, l)| (i, l, span + 1))
            });
        let base = need
            .lines
            .iter()
            .enumerate()
            .map(|(i, &(_, l))| (i, l, span));
        for (i, lines, cols) in base.chain(split.into_iter().flatten()) {
            let c = u32::from(cols);
            let body = lines.div_ceil(c).max(1);
            let holes = body * c - lines;
            // A changed column count costs like a tracking step: the page's rhythm changes.
            let change = u32::from(cols != span) * COPYFIT;
            let cost = holes * HOLE + need.steps(i) * COPYFIT + change;
            bodies.push((i, body as u16, cols, holes, cost));
        }
    }
    for &(tracking, body, cols, holes, body_cost) in &bodies {
        for &(photo, crop, ppi, photo_cost, beside) in &photos {
            for extra in 0..=2u16 {
                for photo_first in [false, true] {
                    if photo_first && photo == 0 {
                        continue;
                    }
                    let leaf = Leaf {
                        cost: body_cost + photo_cost + u32::from(extra) * COPYFIT,
                        tracking,
                        head: head + extra,
                        extra,
                        photo,
                        photo_first,
                        body,
                        cols,
                        holes,
                        crop,
                        ppi,
                        beside,
                    };
                    let h = usize::from(leaf.height());
                    if h <= rows && table[h].is_none_or(|t| leaf.cost < t.cost) {
                        table[h] = Some(leaf);
                    }
                }
            }
        }
    }
    table
}

/// A stack of stories in one strip: the best cost of every total height, and how to get it.
pub(super) struct Stack {
    /// Stories top to bottom (priority order).
    stories: Vec<usize>,
    /// Cost of every total height, empty lines at the foot included.
    pub cost: Vec<u32>,
    /// Empty lines left at the foot for each total height.
    pad: Vec<u16>,
    /// For each story after the first, its block height at each total of the stack so far.
    back: Vec<Vec<u16>>,
}

impl Stack {
    fn new(stories: Vec<usize>, span: u8, tables: &[Vec<Table>], rows: u16) -> Self {
        let n = usize::from(rows) + 1;
        let table = |s: usize| &tables[s][usize::from(span - 1)];
        let mut d: Vec<u32> = table(stories[0])
            .iter()
            .map(|l| l.map_or(INF, |l| l.cost))
            .collect();
        let mut back = Vec::new();
        for &s in &stories[1..] {
            let t = table(s);
            let mut next = vec![INF; n];
            let mut choice = vec![0u16; n];
            for (h, slot) in next.iter_mut().enumerate() {
                // One gap line between blocks carries the rule.
                for (x, leaf) in t.iter().enumerate().take(h.saturating_sub(1) + 1) {
                    let Some(leaf) = leaf else { continue };
                    let Some(above) = h.checked_sub(x + 1) else {
                        continue;
                    };
                    let c = d[above].saturating_add(leaf.cost);
                    if c < *slot {
                        *slot = c;
                        choice[h] = x as u16;
                    }
                }
            }
            d = next;
            back.push(choice);
        }
        // Lines left empty at the strip's foot are holes across its width.
        let mut cost = d.clone();
        let mut pad = vec![0u16; n];
        for h in 1..n {
            let padded = cost[h - 1].saturating_add(HOLE * u32::from(span));
            if padded < cost[h] {
                cost[h] = padded;
                pad[h] = pad[h - 1] + 1;
            }
        }
        Self {
            stories,
            cost,
            pad,
            back,
        }
    }

    /// The stack's blocks at total height `h`: (story, first line from the top, leaf, pad).
    fn blocks(&self, h: u16, span: u8, tables: &[Vec<Table>]) -> Vec<(usize, u16, Leaf, u16)> {
        let pad = self.pad[usize::from(h)];
        let mut rest = usize::from(h - pad);
        let mut heights = Vec::with_capacity(self.stories.len());
        for (i, choice) in self.back.iter().enumerate().rev() {
            let x = usize::from(choice[rest]);
            heights.push((self.stories[i + 1], x));
            rest -= x + 1;
        }
        heights.push((self.stories[0], rest));
        heights.reverse();
        let mut top = 0;
        let last = heights.len() - 1;
        heights
            .into_iter()
            .enumerate()
            .filter_map(|(i, (s, x))| {
                let leaf = tables[s][usize::from(span - 1)][x]?;
                let at = top;
                top += x as u16 + 1;
                Some((s, at, leaf, if i == last { pad } else { 0 }))
            })
            .collect()
    }
}

/// A modular shape of the page.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Shape {
    pub lead: (u8, u8),
    /// A rail down the page's whole depth: first column and span.
    pub rail: Option<(u8, u8)>,
    /// A story across the lead's width right under it.
    pub band: bool,
    /// Strips under the lead (and band): first column and span, left to right.
    pub strips: Vec<(u8, u8)>,
}

/// The shapes tried on a page of `cols` columns: the lead across all of them, or beside a
/// rail of two or three columns on either side; with or without a band; strips of one to
/// four columns (at most one single column, for a narrow photo or a brief).
pub(super) fn shapes(cols: u8) -> Vec<Shape> {
    let mut families = vec![((0, cols), None)];
    for r in [1u8, 2, 3] {
        if cols >= r + 4 {
            families.push(((0, cols - r), Some((cols - r, r))));
            families.push(((r, cols - r), Some((0, r))));
        }
    }
    let mut out = Vec::new();
    for (lead, rail) in families {
        for widths in partitions(lead.1) {
            let mut col = lead.0;
            let strips: Vec<(u8, u8)> = widths
                .iter()
                .map(|&w| {
                    let s = (col, w);
                    col += w;
                    s
                })
                .collect();
            for band in [false, true] {
                out.push(Shape {
                    lead,
                    rail,
                    band,
                    strips: strips.clone(),
                });
            }
        }
    }
    out
}

/// Ways to split `width` columns into two to four strips of one to four columns, at most one
/// of them a single column.
fn partitions(width: u8) -> Vec<Vec<u8>> {
    fn go(left: u8, now: &mut Vec<u8>, out: &mut Vec<Vec<u8>>) {
        if left == 0 {
            if now.len() >= 2 && now.iter().filter(|&&w| w == 1).count() <= 2 {
                out.push(now.clone());
            }
            return;
        }
        if now.len() == 4 {
            return;
        }
        for w in 1..=left.min(4) {
            now.push(w);
            go(left - w, now, out);
            now.pop();
        }
    }
    let mut out = Vec::new();
    go(width, &mut Vec::new(), &mut out);
    out
}

/// A laid-out candidate: its blocks in priority order (the lead first).
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub blocks: Vec<Block>,
    pub cost: u32,
}

/// Where the stories of a shape go: slot per story after the lead, slots numbered rail (if
/// any), band (if any), then strips left to right.
struct Deal<'a> {
    shape: &'a Shape,
    slots: Vec<(u8, u8)>,
    band_slot: Option<usize>,
    rail_slot: Option<usize>,
    /// Stories in all, the lead included.
    stories: usize,
}

/// The search over every shape and every dealing of the stories into it. Returns every
/// candidate that fills its page, cheapest (by fit alone) first.
pub(super) fn search(needs: &[Need], grid: &Grid) -> Vec<Candidate> {
    let tables: Vec<Vec<Table>> = needs
        .iter()
        .map(|n| (1..=grid.cols).map(|s| leaves(n, s, grid)).collect())
        .collect();
    let mut stacks: HashMap<(u8, Vec<usize>), Stack> = HashMap::new();
    let mut out = Vec::new();
    let others = needs.len() - 1;
    for shape in shapes(grid.cols) {
        let mut slots = Vec::new();
        let rail_slot = shape.rail.map(|r| {
            slots.push(r);
            slots.len() - 1
        });
        let band_slot = shape.band.then(|| {
            slots.push(shape.lead);
            slots.len() - 1
        });
        slots.extend(shape.strips.iter().copied());
        if slots.len() > others {
            continue;
        }
        let deal = Deal {
            shape: &shape,
            slots,
            band_slot,
            rail_slot,
            stories: needs.len(),
        };
        let mut assignment = Vec::with_capacity(others);
        deal_stories(&deal, 1, 0, &mut assignment, &mut |assignment| {
            if let Some(c) = evaluate(&deal, assignment, &tables, &mut stacks, grid) {
                out.push(c);
            }
        });
    }
    out.sort_by_key(|c| c.cost);
    out
}

/// Every dealing of stories `story..` (priority order) into the deal's slots where slots
/// open in order — a slot's first story is less important than the first stories of the
/// slots before it — and the band holds one story.
fn deal_stories(
    deal: &Deal,
    story: usize,
    opened: usize,
    assignment: &mut Vec<usize>,
    visit: &mut dyn FnMut(&[usize]),
) {
    let total = deal.slots.len();
    // Stories left to deal (the lead, story 0, is never dealt).
    let left = deal.stories - story;
    if left == 0 {
        if opened == total {
            visit(assignment);
        }
        return;
    }
    // Not enough stories left to open the remaining slots.
    if total - opened > left {
        return;
    }
    for slot in 0..opened {
        if Some(slot) == deal.band_slot {
            continue;
        }
        assignment.push(slot);
        deal_stories(deal, story + 1, opened, assignment, visit);
        assignment.pop();
    }
    if opened < total {
        assignment.push(opened);
        deal_stories(deal, story + 1, opened + 1, assignment, visit);
        assignment.pop();
    }
}

fn stack<'s>(
    stacks: &'s mut HashMap<(u8, Vec<usize>), Stack>,
    span: u8,
    stories: Vec<usize>,
    tables: &[Vec<Table>],
    rows: u16,
) -> &'s Stack {
    stacks
        .entry((span, stories.clone()))
        .or_insert_with(|| Stack::new(stories, span, tables, rows))
}

/// The best heights for one dealing, as a candidate; `None` when nothing fits.
fn evaluate(
    deal: &Deal,
    assignment: &[usize],
    tables: &[Vec<Table>],
    stacks: &mut HashMap<(u8, Vec<usize>), Stack>,
    grid: &Grid,
) -> Option<Candidate> {
    let rows = grid.rows;
    let members = |slot: usize| -> Vec<usize> {
        assignment
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s == slot)
            .map(|(i, _)| i + 1)
            .collect()
    };
    let shape = deal.shape;
    let mut cost = 0u32;
    if let Some(r) = deal.rail_slot {
        let (_, span) = deal.slots[r];
        cost = cost
            .saturating_add(stack(stacks, span, members(r), tables, rows).cost[usize::from(rows)]);
    }
    // The strips share one height: their tables add.
    let n = usize::from(rows) + 1;
    let mut strips = vec![0u32; n];
    let first_strip = deal.slots.len() - shape.strips.len();
    for (k, &(_, span)) in shape.strips.iter().enumerate() {
        let st = stack(stacks, span, members(first_strip + k), tables, rows);
        for (a, b) in strips.iter_mut().zip(&st.cost) {
            *a = a.saturating_add(*b);
        }
    }
    // The lead (and band) take the rest: lead + gap (+ band + gap) + strips = rows.
    let lead = &tables[0][usize::from(shape.lead.1 - 1)];
    let band = deal.band_slot.map(|b| members(b)[0]);
    let band_table = band.map(|s| &tables[s][usize::from(shape.lead.1 - 1)]);
    let mut best: Option<(u32, usize, usize, usize)> = None; // cost, lead h, band h, strips h
    for (t, &strip_cost) in strips.iter().enumerate().skip(1) {
        if strip_cost >= INF {
            continue;
        }
        let Some(above) = usize::from(rows).checked_sub(t + 1) else {
            break;
        };
        match band_table {
            None => {
                if let Some(l) = lead.get(above).copied().flatten() {
                    let c = strip_cost.saturating_add(l.cost);
                    if best.is_none_or(|b| c < b.0) {
                        best = Some((c, above, 0, t));
                    }
                }
            }
            Some(bt) => {
                for (y, b) in bt.iter().enumerate().take(above) {
                    let Some(b) = b else { continue };
                    let Some(x) = above.checked_sub(y + 1) else {
                        continue;
                    };
                    if let Some(l) = lead[x] {
                        let c = strip_cost.saturating_add(l.cost).saturating_add(b.cost);
                        if best.is_none_or(|bb| c < bb.0) {
                            best = Some((c, x, y, t));
                        }
                    }
                }
            }
        }
    }
    let (c, lead_h, band_h, strip_h) = best?;
    cost = cost.saturating_add(c);
    if cost >= INF {
        return None;
    }
    // Where every block goes.
    let mut placed: Vec<(usize, u8, u8, u16, Leaf, u16)> = Vec::new();
    placed.push((0, shape.lead.0, shape.lead.1, 0, lead[lead_h]?, 0));
    let mut under = lead_h as u16 + 1;
    if let (Some(s), Some(bt)) = (band, band_table) {
        placed.push((s, shape.lead.0, shape.lead.1, under, bt[band_h]?, 0));
        under += band_h as u16 + 1;
    }
    if let Some(r) = deal.rail_slot {
        let (col, span) = deal.slots[r];
        let st = stack(stacks, span, members(r), tables, rows);
        for (s, top, leaf, pad) in st.blocks(rows, span, tables) {
            placed.push((s, col, span, top, leaf, pad));
        }
    }
    for (k, &(col, span)) in shape.strips.iter().enumerate() {
        let st = stack(stacks, span, members(first_strip + k), tables, rows);
        for (s, top, leaf, pad) in st.blocks(strip_h as u16, span, tables) {
            placed.push((s, col, span, under + top, leaf, pad));
        }
    }
    placed.sort_by_key(|p| p.0);
    Some(Candidate {
        blocks: placed
            .into_iter()
            .map(|(story, col, span, top, leaf, pad)| Block {
                story,
                col,
                span,
                top,
                leaf,
                pad: u32::from(pad) * u32::from(span),
                steps: 0,
                head_weight: 0.0,
            })
            .collect(),
        cost,
    })
}
