//! Choosing all of a paragraph's breaks together (Knuth and Plass's total fit, with clreq's
//! adjustments as the glue): a line set at its natural width costs nothing, a squeezed or
//! spaced one costs by how much and how visibly, and the breaker takes the cheapest way
//! through the paragraph. In a column of whole 字 most lines then need no adjustment at all,
//! where a line-at-a-time composer squeezes two commas to pull a character up and leaves the
//! next line to be spaced out.
//!
//! Lines may have different widths (a column bottom, a photo wrap): the breaker is told them
//! up front and tells apart candidate lines by their line number until the widths settle.
//! Work is linear in the paragraph's length times the characters a line holds.

use super::linebreak::{Break, EPS, is_orphan};
use super::prepare::Paragraph;
use super::span::{Span, Sums};
use crate::model::Push;

/// The widths of the lines to come: `lines[k]` for the `k`-th, `rest` for all after them.
#[derive(Clone, Debug, PartialEq)]
pub struct Widths {
    pub lines: Vec<f32>,
    pub rest: f32,
    /// `closed[k]`: something stands right at the `k`-th line's end (a photo the text wraps
    /// around), so no mark may hang past it. Lines past the list are open.
    pub closed: Vec<bool>,
}

impl Widths {
    /// Every line at one width.
    pub fn uniform(width: f32) -> Self {
        Self {
            lines: Vec::new(),
            rest: width,
            closed: Vec::new(),
        }
    }

    pub fn at(&self, line: usize) -> f32 {
        self.lines.get(line).copied().unwrap_or(self.rest)
    }

    /// The same widths written the shortest way: lines at the end that are `rest` wide and
    /// open left out, so widths that differ only in how many such lines they list compare
    /// equal.
    pub fn canonical(mut self) -> Self {
        let settled = self.settled_from();
        self.lines.truncate(settled);
        self.closed.truncate(settled);
        while self.closed.last() == Some(&false) {
            self.closed.pop();
        }
        self
    }

    fn closed(&self, line: usize) -> bool {
        self.closed.get(line).copied().unwrap_or(false)
    }

    /// The first line from which every line is `rest` wide and open.
    fn settled_from(&self) -> usize {
        let same = |w: &f32| (w - self.rest).abs() <= EPS;
        let widths = self.lines.len() - self.lines.iter().rev().take_while(|w| same(w)).count();
        let closed = self.closed.iter().rposition(|&c| c).map_or(0, |k| k + 1);
        widths.max(closed)
    }
}

/// A line with every character at its natural width and place.
const NATURAL: f32 = 0.0;
/// A mark hung past the measure: free of adjustment, but a line without is still nicer.
const HANG: f32 = 2.0;
/// Word spaces or Han–Latin spacing moved within their ranges.
const FLEX: f32 = 1.0;
/// Any visible adjustment: characters squeezed or spaced.
const ADJUSTED: f32 = 100.0;
/// Per em of visible adjustment.
const PER_EM: f32 = 200.0;
/// Per mark squeezed to half width.
const PER_MARK: f32 = 50.0;
/// Beyond a limit of the style: more marks squeezed or wider spacing than it allows.
const OVER_LIMIT: f32 = 3000.0;
/// The adjustment the style tries second (more than a squeezed mark costs, so the order
/// decides between squeezing one mark and spacing a line out by as much).
const SECOND: f32 = 80.0;
/// Two adjusted lines one after the other.
const CONSECUTIVE: f32 = 100.0;
/// A last line of one character (and perhaps its mark).
const ORPHAN: f32 = 500.0;
/// A hyphenated English word.
const HYPHEN: f32 = 50.0;
/// More candidate lines than this and the paragraph is set line by line instead.
const MOST_NODES: usize = 2_000_000;
/// The first search takes no line dearer than this (TeX's pretolerance): a line spaced well
/// past the limit or squeezed far past it is left out, which keeps the ways through a
/// paragraph few. Only a paragraph with no way through under it is searched without a bound.
const FIRST_BOUND: f32 = 6_000.0;

/// How one candidate line would be set, and what that costs.
#[derive(Clone, Copy, Debug)]
struct Fit {
    cost: f32,
    /// Characters squeezed or spaced visibly.
    adjusted: bool,
    hang: bool,
}

/// What setting `span` at `avail` points costs, or `None` when it cannot be set there.
fn judge(par: &Paragraph, span: &Span, avail: f32, last: bool) -> Option<Fit> {
    let em = par.opts.em();
    let punct = &par.opts.punct;
    let fit = |cost, adjusted| {
        Some(Fit {
            cost,
            adjusted,
            hang: false,
        })
    };
    if let Some(hung) = span.hung.filter(|_| !last) {
        let d = avail - hung;
        if d.abs() <= EPS
            || (d > 0.0 && d <= span.flex_stretch + EPS)
            || (d < 0.0 && -d <= span.flex_shrink + EPS)
        {
            return Some(Fit {
                cost: HANG + FLEX * (d.abs() / em),
                adjusted: false,
                hang: true,
            });
        }
    }
    let diff = avail - span.natural;
    if diff.abs() <= EPS || (last && diff > 0.0) {
        return fit(NATURAL, false);
    }
    if diff > 0.0 {
        if diff <= span.flex_stretch + EPS {
            return fit(FLEX * (1.0 + diff / em), false);
        }
        let rest = diff - span.flex_stretch;
        let mut cost = ADJUSTED + PER_EM * rest / em;
        // A line with no gap to widen (one character, or a Latin word) counts as one gap.
        let each = rest / span.gaps.max(1) as f32 / em;
        if each > punct.max_spacing_em + 0.001 {
            cost += OVER_LIMIT + 20_000.0 * (each - punct.max_spacing_em);
        }
        if punct.first == Push::In {
            cost += SECOND;
        }
        return fit(cost, true);
    }
    let need = -diff;
    if need <= span.flex_shrink + EPS {
        return fit(FLEX * (1.0 + need / em), false);
    }
    let visible = need - span.flex_shrink;
    if visible > span.edge + span.pairs + span.marks + EPS {
        return None;
    }
    let from_marks = (visible - span.edge - span.pairs).max(0.0);
    let marks = (from_marks / (0.5 * em) - 0.01).ceil().max(0.0);
    let mut cost = ADJUSTED + PER_EM * visible / em + PER_MARK * marks;
    if marks > f32::from(punct.max_squeezed) {
        cost += OVER_LIMIT * (marks - f32::from(punct.max_squeezed));
    }
    if punct.first == Push::Out {
        cost += SECOND;
    }
    fit(cost, true)
}

/// A way of reaching a break: the cheapest of its kind.
#[derive(Clone, Copy, Debug)]
struct Node {
    pos: usize,
    /// Lines set so far, counted up to the point where the widths settle.
    line: usize,
    /// The line ending here was adjusted visibly.
    adjusted: bool,
    cost: f32,
    prev: usize,
    brk: Break,
}

const NONE: usize = usize::MAX;

/// The breaks of the lines from character `start` to the paragraph's end, at `widths`
/// (counted from `start`'s line). `None` when no way through keeps every rule (a word wider
/// than the measure) or the paragraph is too long to weigh whole: set it line by line then.
pub(super) fn plan(
    par: &Paragraph,
    sums: &Sums,
    start: usize,
    widths: &Widths,
) -> Option<Vec<Break>> {
    search(par, sums, start, widths, FIRST_BOUND)
        .or_else(|| search(par, sums, start, widths, f32::INFINITY))
}

/// One search through the paragraph, taking no line that costs more than `bound`.
fn search(
    par: &Paragraph,
    sums: &Sums,
    start: usize,
    widths: &Widths,
    bound: f32,
) -> Option<Vec<Break>> {
    let n = par.len();
    if start >= n {
        return Some(Vec::new());
    }
    let em = par.opts.em();
    let settled = widths.settled_from();
    let indent = par.opts.indent_em * em;
    let hyphen_width = par.measured.hyphen.map_or(0.0, |h| h.advance);
    let mut nodes = vec![Node {
        pos: start,
        line: 0,
        adjusted: false,
        cost: 0.0,
        prev: NONE,
        brk: Break::default(),
    }];
    // Nodes that can still start a line, in the order they were made (by position). With
    // one width for every line, lines from older nodes are longer: those too long for good
    // are a prefix (`head` moves past them), and once a line is too loose to be taken, every
    // line from a newer node is looser still, so the scan stops there. The scan then weighs
    // only the few breaks a line can really take.
    let uniform = settled == 0;
    let mut active = vec![0_usize];
    let mut head = 0;
    let mut fresh: Vec<Node> = Vec::new();
    let mut end_node = None;
    for e in start + 1..=n {
        let last = e == n;
        let hyphen = !last && !par.breaks[e] && par.hyphens[e];
        if !(last || par.breaks[e] || hyphen) {
            continue;
        }
        fresh.clear();
        let mut i = head;
        while i < active.len() {
            let from_index = active[i];
            let from = nodes[from_index];
            let width = widths.at(from.line);
            let avail = (width - if from.pos == 0 { indent } else { 0.0 }).max(0.0);
            let mut span = sums.span(par, from.pos, e);
            if hyphen || widths.closed(from.line) {
                span.hung = None;
            }
            if hyphen {
                span.natural += hyphen_width;
            }
            let shortest = span.hung.map_or(span.tightest(), |h| {
                span.tightest().min(h - span.flex_shrink)
            });
            if !hyphen && shortest > avail + 0.5 * em {
                // Too long now, and longer at every later break.
                if uniform {
                    head = i + 1;
                    i += 1;
                } else {
                    active.swap_remove(i);
                }
                continue;
            }
            if uniform && !last && too_loose(par, &span, avail, bound) {
                break;
            }
            i += 1;
            let Some(fit) = judge(par, &span, avail, last).filter(|f| f.cost <= bound) else {
                continue;
            };
            let mut cost = from.cost + fit.cost;
            if fit.adjusted && from.adjusted {
                cost += CONSECUTIVE;
            }
            if hyphen {
                cost += HYPHEN;
            }
            if last && from.pos > start && par.opts.fix_orphans && is_orphan(par, from.pos) {
                cost += ORPHAN;
            }
            let node = Node {
                pos: e,
                line: (from.line + 1).min(settled),
                adjusted: fit.adjusted,
                cost,
                prev: from_index,
                brk: Break {
                    end: e,
                    hyphen,
                    hang: fit.hang,
                },
            };
            match fresh
                .iter_mut()
                .find(|f| f.line == node.line && f.adjusted == node.adjusted)
            {
                // Of two ways that cost the same, the one whose line starts later, whatever
                // order the scan met them in.
                Some(f)
                    if f.cost < node.cost
                        || (f.cost == node.cost && nodes[f.prev].pos >= from.pos) => {}
                Some(f) => *f = node,
                None => fresh.push(node),
            }
        }
        if last {
            end_node = fresh
                .iter()
                .min_by(|a, b| a.cost.total_cmp(&b.cost))
                .copied();
            break;
        }
        if head > 1024 && head * 2 > active.len() {
            active.drain(..head);
            head = 0;
        }
        for node in fresh.drain(..) {
            active.push(nodes.len());
            nodes.push(node);
        }
        if head >= active.len() || nodes.len() > MOST_NODES {
            return None;
        }
    }
    let mut node = end_node?;
    let mut breaks = vec![node.brk];
    while node.prev != NONE && node.prev != 0 {
        node = nodes[node.prev];
        breaks.push(node.brk);
    }
    breaks.reverse();
    Some(breaks)
}

/// A line spaced out so far that it costs more than `bound` whatever else it has: each gap
/// widened past the limit by more than 0.15 em (see [`judge`]).
fn too_loose(par: &Paragraph, span: &Span, avail: f32, bound: f32) -> bool {
    if bound.is_infinite() {
        return false;
    }
    let em = par.opts.em();
    let rest = avail - span.natural - span.flex_stretch;
    rest > 0.0 && rest / span.gaps.max(1) as f32 / em > par.opts.punct.max_spacing_em + 0.15
}
