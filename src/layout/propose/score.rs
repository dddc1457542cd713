//! A proposal's score: what a page designer would hold against the layout, counted in parts
//! and weighed into one number (lower is better). See the module documentation of
//! [`super`] for what each part means and why it weighs what it does.

use serde::Serialize;

use super::search::Block;

/// Points per empty column-line (a hole) or overset line: a page that does not fill, or text
/// that does not fit, is not a page yet, so either outweighs every matter of taste.
pub const HOLE: u32 = 1000;
pub const OVERSET: u32 = 1000;
/// Points per pair of stories read in the wrong order (the less important one higher up, or
/// at the same height further left).
pub const PRIORITY: u32 = 20;
/// Points per photo printed under 200 PPI.
pub const LOW_PPI: u32 = 60;
/// Points per pair of photos touching.
pub const BUTTING: u32 = 30;
/// Points per pair of neighbouring headlines side by side at the same height (tombstones).
pub const TOMBSTONE: u32 = 12;
/// Points per pair of stories whose headlines weigh against their order (the less important
/// story's headline set bigger or wider).
pub const HEADLINE_ORDER: u32 = 8;
/// Points per tracking step and per grid line of air added to a headline: small, so the
/// lightest copyfit wins among layouts that are otherwise alike.
pub const COPYFIT: u32 = 1;
/// Points per 10% of a photo cropped away.
pub const CROP: u32 = 2;
/// Points per text story set in a single column: a one-column package with a two-line
/// headline reads as filler.
pub const NARROW: u32 = 6;

/// What is held against a proposal, part by part.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Empty column-lines: frames with room to spare, grid left uncovered.
    pub holes: u32,
    /// Lines that do not fit their story's frames.
    pub overset: u32,
    /// Pairs of stories out of priority order, top to bottom then left to right.
    pub priority: u32,
    /// Pairs of neighbouring headlines side by side at the same height.
    pub tombstones: u32,
    /// Pairs of photos touching each other.
    pub butting: u32,
    /// Photos printing under 200 PPI.
    pub low_ppi: u32,
    /// Pairs of stories whose headlines are bigger or wider against their priority.
    pub headline_order: u32,
    /// Tracking steps and extra headline lines copyfit used.
    pub copyfit: u32,
    /// Tenths of photos cropped away, summed.
    pub crop: u32,
    /// Text stories in a single column.
    pub narrow: u32,
}

impl Score {
    /// The weighed sum: lower is better.
    pub fn total(&self) -> u32 {
        self.holes * HOLE
            + self.overset * OVERSET
            + self.priority * PRIORITY
            + self.tombstones * TOMBSTONE
            + self.butting * BUTTING
            + self.low_ppi * LOW_PPI
            + self.headline_order * HEADLINE_ORDER
            + self.copyfit * COPYFIT
            + self.crop * CROP
            + self.narrow * NARROW
    }

    /// One line for a terminal: the total and every part that is not zero.
    pub fn summary(&self) -> String {
        let parts = [
            ("holes", self.holes),
            ("overset", self.overset),
            ("priority", self.priority),
            ("tombstones", self.tombstones),
            ("butting", self.butting),
            ("low-ppi", self.low_ppi),
            ("headline-order", self.headline_order),
            ("copyfit", self.copyfit),
            ("crop", self.crop),
            ("narrow", self.narrow),
        ];
        let listed: Vec<String> = parts
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect();
        format!("score {} ({})", self.total(), listed.join(", "))
    }

    /// The parts that follow from where the blocks are, before any text is set in them:
    /// `blocks[0]` is the lead and blocks are in priority order. Holes and overset are the
    /// search's own prediction; verification replaces them with the composer's count.
    pub(super) fn of(blocks: &[Block], narrow: &[bool]) -> Self {
        let mut s = Score::default();
        for (i, a) in blocks.iter().enumerate() {
            s.holes += a.leaf.holes + a.pad;
            s.copyfit += a.steps + u32::from(a.leaf.extra);
            s.crop += (a.leaf.crop * 10.0).round() as u32;
            s.low_ppi += u32::from(a.leaf.ppi.is_some_and(|p| p < 200.0));
            s.narrow += u32::from(a.span == 1 && narrow.get(i).copied().unwrap_or(false));
            for b in &blocks[i + 1..] {
                // `a` matters more than `b` (priority order).
                if (b.top, b.col) < (a.top, a.col) {
                    s.priority += 1;
                }
                if b.head_weight > a.head_weight + 0.01 {
                    s.headline_order += 1;
                }
                if side_by_side(a, b) && overlap(a.head_rows(), b.head_rows()) {
                    s.tombstones += 1;
                }
                if let (Some(pa), Some(pb)) = (a.photo_rows(), b.photo_rows())
                    && touching((a.col, a.span, pa), (b.col, b.span, pb))
                {
                    s.butting += 1;
                }
            }
        }
        s
    }
}

/// True when the blocks stand next to each other, one's right edge at the other's left.
fn side_by_side(a: &Block, b: &Block) -> bool {
    a.col + a.span == b.col || b.col + b.span == a.col
}

/// True when the half-open row ranges share a row.
fn overlap(a: (u16, u16), b: (u16, u16)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// True when two photos (columns from, span, rows) touch: side by side at the same height,
/// or one above the other with at most the gap line between them.
fn touching(a: (u8, u8, (u16, u16)), b: (u8, u8, (u16, u16))) -> bool {
    let cols = a.0 < b.0 + b.1 && b.0 < a.0 + a.1;
    let beside = (a.0 + a.1 == b.0 || b.0 + b.1 == a.0) && overlap(a.2, b.2);
    let stacked = cols && (a.2.1 + 1 >= b.2.0 && b.2.1 + 1 >= a.2.0);
    beside || stacked
}
