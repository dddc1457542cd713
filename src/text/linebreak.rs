//! Breaking a prepared paragraph one line at a time, each at its own width (parley's
//! `break_next` idea): a column bottom, a photo wrap or a narrower measure can change the width
//! from one line to the next.
//!
//! A line takes the longest run of characters that ends at an allowed break and fits once its
//! adjustable space is squeezed (push-in). When the next character is one that may not start a
//! line and squeezing cannot make room for it, the break falls back to the previous allowed
//! opportunity and the shorter line is spread (push-out).

use super::class::Class;
use super::justify;
use super::prepare::Paragraph;
use super::span::Sums;
use super::total_fit::{self, Widths};
use crate::model::Align;

/// Tolerance for width comparisons, in points.
pub(super) const EPS: f32 = 0.005;

/// One composed line: which characters, and where each one sits.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Characters `start..end` of the paragraph, trailing spaces included.
    pub start: usize,
    pub end: usize,
    /// The x of each character's glyph origin, relative to the line's left edge (indent
    /// included), for characters `start..end`.
    pub x: Vec<f32>,
    /// Where each character's cell ends (its trimmed or squeezed width included).
    pub ends: Vec<f32>,
    /// The width each character takes on this line after squeezing or spreading.
    pub advance: Vec<f32>,
    /// Width the line occupies from its left edge: the measure for justified lines.
    pub width: f32,
    /// Space before the first character (the first-line indent).
    pub indent: f32,
    /// Width the line would take with no squeezing or spreading (indent, the style's own
    /// line-edge trims and pair compression included; a hanging mark left out).
    pub natural: f32,
    /// The line ends in a hyphen added at a hyphenation point.
    pub hyphen: bool,
    /// Its last mark hangs past the measure (标点悬挂).
    pub hang: bool,
    /// Marks set narrower than the style sets them to make the line fit: inside the line, or
    /// a mark at its edge that gave up its blank half.
    pub squeezed_marks: u16,
    /// Extra space added to each gap between characters to spread the line, in points.
    pub spacing: f32,
    /// The paragraph's last line.
    pub last: bool,
}

/// A break decided before the line is set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Break {
    pub end: usize,
    pub hyphen: bool,
    /// The line's last mark hangs past the measure.
    pub hang: bool,
}

/// Breaks one paragraph into lines on demand. A justified paragraph's breaks are chosen
/// together ([`total_fit`](super::total_fit)) for the widths it is told or, when not told,
/// for the width of the first line asked for; a line asked for at another width than planned
/// has the rest planned again from there. Other alignments, and paragraphs no plan can be
/// found for, are set line by line.
pub struct LineBreaker<'p> {
    par: &'p Paragraph,
    pos: usize,
    /// Widths given up front, used by the first plan.
    ahead: Option<Widths>,
    sums: Option<Sums>,
    /// The planned lines still to set, with the width each was planned at (last first).
    plan: Vec<(Break, f32)>,
    /// No plan: set the rest line by line.
    greedy: bool,
}

impl<'p> LineBreaker<'p> {
    pub fn new(par: &'p Paragraph) -> Self {
        Self {
            par,
            pos: 0,
            ahead: None,
            sums: None,
            plan: Vec::new(),
            greedy: par.opts.align != Align::Justify,
        }
    }

    /// A breaker told the widths of the lines to come (column after column, a wrap's narrower
    /// lines), so the whole paragraph is planned for them.
    pub fn with_widths(par: &'p Paragraph, widths: Widths) -> Self {
        Self {
            ahead: Some(widths),
            ..Self::new(par)
        }
    }

    /// Index of the next character to set.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn is_done(&self) -> bool {
        self.pos >= self.par.len()
    }

    /// Composes the next line at `width` points, or `None` when the paragraph is set.
    pub fn break_next(&mut self, width: f32) -> Option<Line> {
        let par = self.par;
        if self.pos >= par.len() {
            return None;
        }
        let start = self.pos;
        let indent = if start == 0 {
            par.opts.indent_em * par.opts.em()
        } else {
            0.0
        };
        let brk = self.next_break(width, indent);
        self.pos = brk.end;
        let last = brk.end >= par.len();
        Some(justify::set_line(par, start, brk, indent, width, last))
    }

    fn next_break(&mut self, width: f32, indent: f32) -> Break {
        let par = self.par;
        let start = self.pos;
        if !self.greedy {
            let planned = self
                .plan
                .last()
                .is_some_and(|&(_, w)| (w - width).abs() <= EPS);
            if !planned {
                let widths = match self.ahead.take() {
                    Some(w) if (w.at(0) - width).abs() <= EPS => w,
                    _ => Widths::uniform(width),
                }
                .canonical();
                let breaks = par.memo.get(start, &widths).or_else(|| {
                    let sums = self.sums.get_or_insert_with(|| Sums::new(par));
                    let breaks: std::sync::Arc<[Break]> =
                        total_fit::plan(par, sums, start, &widths)?.into();
                    par.memo.set((start, widths.clone(), breaks.clone()));
                    Some(breaks)
                });
                match breaks {
                    Some(breaks) => {
                        self.plan = breaks
                            .iter()
                            .enumerate()
                            .map(|(k, &b)| (b, widths.at(k)))
                            .rev()
                            .collect();
                    }
                    None => {
                        self.plan.clear();
                        self.greedy = true;
                    }
                }
            }
            if let Some((brk, _)) = self.plan.pop() {
                return brk;
            }
        }
        choose_break(par, start, (width - indent).max(0.0))
    }

    /// Composes all remaining lines at one width.
    pub fn all_at(mut self, width: f32) -> Vec<Line> {
        let mut lines = Vec::new();
        while let Some(line) = self.break_next(width) {
            lines.push(line);
        }
        lines
    }
}

/// Running width of a line being built character by character.
#[derive(Clone, Copy, Default)]
struct Run {
    /// Natural width up to and including the last visible character, its right half trimmed.
    natural: f32,
    /// What push-in can take out of the line's middle.
    shrink: f32,
}

fn choose_break(par: &Paragraph, start: usize, available: f32) -> Break {
    let n = par.len();
    let policy = par.opts.shrink;
    let em = par.opts.em();
    let tracking = par.opts.tracking_em * em;
    let mut natural = 0.0_f32; // sum through the last visible char, untrimmed
    let mut shrink = 0.0_f32;
    let mut pending_space_shrink = 0.0_f32;
    let mut prev_visible: Option<usize> = None;
    let mut best: Option<Break> = None;
    let mut previous_best: Option<Break> = None;
    let mut best_hyphen: Option<Break> = None;
    let mut first_candidate: Option<usize> = None;
    let mut spaces_natural = 0.0_f32;

    for k in start..n {
        let class = par.classes[k];
        if class == Class::Space {
            // A space counts only once a visible character follows it on the line.
            spaces_natural += par.adv[k];
            if policy.spaces {
                pending_space_shrink += (par.adv[k] - 0.25 * em).max(0.0);
            }
        } else {
            if let Some(p) = prev_visible {
                natural += spaces_natural + par.gap[p] + tracking;
                shrink += pending_space_shrink;
                if policy.han_latin {
                    shrink += (par.gap[p] - 0.125 * em).max(0.0);
                }
                // The previous character is now mid-line: its right half may be squeezed, and
                // so may the space it shares with a neighbouring mark (全角式).
                shrink += right_shrink(par, p);
                if par.classes[p] != Class::Opening {
                    shrink += par.pair[p];
                }
            }
            spaces_natural = 0.0;
            pending_space_shrink = 0.0;
            natural += par.adv[k];
            if k == start {
                // An opening bracket at line start loses its left half.
                natural -= par.left_adj[k];
            } else {
                if policy.commas_and_brackets {
                    shrink += par.left_adj[k];
                }
                if par.classes[k] == Class::Opening {
                    shrink += par.pair[k];
                }
            }
            prev_visible = Some(k);
        }
        let Some(last) = prev_visible else { continue };
        let end = k + 1;
        let run = Run {
            natural: natural - par.right_adj[last],
            shrink,
        };
        let fits = run.natural - run.shrink <= available + EPS;
        if end == n || par.breaks[end] {
            first_candidate.get_or_insert(end);
            if fits {
                previous_best = best;
                best = Some(Break {
                    end,
                    hyphen: false,
                    hang: false,
                });
            } else {
                break;
            }
        } else if par.hyphens[end] {
            let hyphen = par.measured.hyphen.map_or(0.0, |h| h.advance);
            if run.natural + hyphen - run.shrink <= available + EPS {
                best_hyphen = Some(Break {
                    end,
                    hyphen: true,
                    hang: false,
                });
            }
        }
    }

    let chosen = match (best, best_hyphen) {
        (Some(b), Some(h)) if h.end > b.end && loose(par, start, b.end, available) => h,
        (Some(b), _) => b,
        (None, Some(h)) => h,
        // Nothing fits: a word wider than the measure. Break it where the line is full.
        (None, None) => return overfull_break(par, start, available, first_candidate),
    };
    if par.opts.fix_orphans
        && !chosen.hyphen
        && is_orphan(par, chosen.end)
        && let Some(prev) = previous_best.filter(|p| p.end > start)
    {
        return prev;
    }
    chosen
}

/// Right-side adjustable space of a mid-line character that the policy lets push-in take.
pub(super) fn right_shrink(par: &Paragraph, i: usize) -> f32 {
    let policy = par.opts.shrink;
    match par.classes[i] {
        Class::Comma | Class::Closing if policy.commas_and_brackets => par.right_adj[i],
        Class::Stop if policy.stops => par.right_adj[i],
        _ => 0.0,
    }
}

/// True when a line `start..end` would need more stretch than its spaces may give (½ em each).
fn loose(par: &Paragraph, start: usize, end: usize, available: f32) -> bool {
    let spaces = (start..end)
        .filter(|&i| par.classes[i] == Class::Space)
        .count()
        .max(1);
    let natural: f32 = (start..end).map(|i| par.adv[i]).sum();
    available - natural > spaces as f32 * par.opts.em() * 0.25
}

/// A paragraph's last line holding one character, or one character and its punctuation.
pub(super) fn is_orphan(par: &Paragraph, end: usize) -> bool {
    // At most three visible characters decide it; looking further would rescan the rest of
    // the paragraph on every line and make composition quadratic in its length.
    let rest: Vec<Class> = par.classes[end..]
        .iter()
        .copied()
        .filter(|c| *c != Class::Space)
        .take(3)
        .collect();
    match rest.as_slice() {
        [one] => !one.is_fullwidth_punct(),
        [one, punct] => {
            !one.is_fullwidth_punct()
                && matches!(punct, Class::Comma | Class::Stop | Class::Closing)
        }
        _ => false,
    }
}

/// Breaks inside a unit wider than the line (a long word or number) where the line is full,
/// keeping at least one character so composition always advances.
fn overfull_break(
    par: &Paragraph,
    start: usize,
    available: f32,
    candidate: Option<usize>,
) -> Break {
    let limit = candidate.unwrap_or(par.len());
    let mut width = 0.0;
    let mut end = start + 1;
    for k in start..limit {
        width += par.adv[k];
        if width > available + EPS {
            break;
        }
        end = k + 1;
    }
    Break {
        end: end.max(start + 1).min(par.len()),
        hyphen: false,
        hang: false,
    }
}

impl Line {
    /// Some of its marks were squeezed to make it fit (push-in). Word spaces and Han–Latin
    /// spacing moving within their ranges do not count: no character changes its width.
    pub fn squeezed(&self) -> bool {
        self.squeezed_marks > 0
    }

    /// Its characters were spaced out to fill the measure (push-out, or justification of a
    /// short line) beyond what word spaces and Han–Latin spacing can take.
    pub fn spaced(&self) -> bool {
        !self.last && self.spacing > 0.01
    }

    /// The widest step from one Han character's origin to the next Han character's, in
    /// points: on a spread Chinese line, how far apart its characters stand.
    pub fn widest_pitch(&self, par: &Paragraph) -> f32 {
        (self.start..self.end.saturating_sub(1))
            .filter(|&i| par.classes[i] == Class::Han && par.classes[i + 1] == Class::Han)
            .map(|i| self.x[i + 1 - self.start] - self.x[i - self.start])
            .fold(0.0, f32::max)
    }

    /// The characters on the line, without the breaking spaces it ends with.
    pub fn text(&self, par: &Paragraph) -> String {
        let mut end = self.end;
        while end > self.start && par.classes[end - 1] == Class::Space {
            end -= 1;
        }
        par.slice(self.start, end)
    }
}
