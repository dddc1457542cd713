//! What a candidate line `start..end` of a paragraph measures, in constant time: its natural
//! width, what each kind of adjustable space can give or take, and whether its last mark may
//! hang. Prefix sums over the paragraph make every span cost the same however long, so the
//! paragraph-wide breaker can weigh thousands of candidate lines.

use super::class::Class;
use super::prepare::Paragraph;

/// Prefix sums of a paragraph's adjustable quantities; entry `i` sums characters `..i`.
pub(super) struct Sums {
    /// Natural advances (word spaces included).
    adv: Vec<f32>,
    /// What follows each character when both it and the next are set: tracking between
    /// visible characters and Han–Latin spacing.
    join: Vec<f32>,
    /// What word spaces (to ¼ em) and Han–Latin spacing (to ⅛ em) may give up.
    flex_shrink: Vec<f32>,
    /// What word spaces (to ½ em) and Han–Latin spacing (to ⅓ em) may grow by.
    flex_stretch: Vec<f32>,
    /// Left halves of opening brackets.
    open_left: Vec<f32>,
    /// Right halves of closing brackets, pauses and stops that the policy lets squeeze.
    right: Vec<f32>,
    /// Space shared by adjacent marks (全角式), on the right of a mark and on the left of an
    /// opening bracket.
    pair_right: Vec<f32>,
    pair_left: Vec<f32>,
    /// Gaps after each character that a spaced-out line may widen.
    gaps: Vec<u32>,
    /// `visible_end[e]`: one past the last character before `e` that is not a word space.
    visible_end: Vec<usize>,
}

/// One candidate line, measured.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Span {
    /// Width with no adjustment at all (the style's own line-edge trims applied).
    pub natural: f32,
    /// Word spaces and Han–Latin spacing, within their ranges: no character moves visibly.
    pub flex_shrink: f32,
    pub flex_stretch: f32,
    /// Blank halves of the marks at the line's edges that the line may give up.
    pub edge: f32,
    /// Space adjacent marks inside the line share, which squeezing may take first.
    pub pairs: f32,
    /// Blank halves of the marks inside the line that squeezing may take.
    pub marks: f32,
    /// Gaps the spreading may widen.
    pub gaps: u32,
    /// The natural width without its last mark, when that mark may hang past the measure.
    pub hung: Option<f32>,
}

impl Span {
    /// The least the line can be squeezed to.
    pub fn tightest(&self) -> f32 {
        self.natural - self.flex_shrink - self.edge - self.pairs - self.marks
    }
}

/// Marks that may hang at a line's end (clreq: only these, and never in a run of marks).
fn may_hang(c: char) -> bool {
    matches!(c, '、' | '，' | '。')
}

impl Sums {
    pub fn new(par: &Paragraph) -> Self {
        let n = par.len();
        let em = par.opts.em();
        let policy = par.opts.shrink;
        let tracking = par.opts.tracking_em * em;
        let mut sums = Self {
            adv: Vec::with_capacity(n + 1),
            join: Vec::with_capacity(n + 1),
            flex_shrink: Vec::with_capacity(n + 1),
            flex_stretch: Vec::with_capacity(n + 1),
            open_left: Vec::with_capacity(n + 1),
            right: Vec::with_capacity(n + 1),
            pair_right: Vec::with_capacity(n + 1),
            pair_left: Vec::with_capacity(n + 1),
            gaps: Vec::with_capacity(n + 1),
            visible_end: Vec::with_capacity(n + 1),
        };
        let (mut adv, mut join, mut fs, mut ft, mut ol, mut r, mut g) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0);
        let (mut pr, mut pl) = (0.0, 0.0);
        let mut visible = 0;
        for i in 0..=n {
            sums.adv.push(adv);
            sums.join.push(join);
            sums.flex_shrink.push(fs);
            sums.flex_stretch.push(ft);
            sums.open_left.push(ol);
            sums.right.push(r);
            sums.pair_right.push(pr);
            sums.pair_left.push(pl);
            sums.gaps.push(g);
            sums.visible_end.push(visible);
            if i == n {
                break;
            }
            let class = par.classes[i];
            adv += par.adv[i];
            if class == Class::Space {
                if policy.spaces {
                    fs += (par.adv[i] - 0.25 * em).max(0.0);
                }
                ft += (0.5 * em - par.adv[i]).max(0.0);
            } else {
                visible = i + 1;
            }
            let next = par.classes.get(i + 1).copied();
            if let Some(next) = next {
                if class != Class::Space && next != Class::Space {
                    join += tracking;
                }
                join += par.gap[i];
                if par.gap[i] > 0.0 {
                    if policy.han_latin {
                        fs += (par.gap[i] - 0.125 * em).max(0.0);
                    }
                    ft += (em / 3.0 - par.gap[i]).max(0.0);
                }
                g += u32::from(super::justify::spreadable_gap(par, i));
            }
            if class == Class::Opening && policy.commas_and_brackets {
                ol += par.left_adj[i];
            }
            r += super::linebreak::right_shrink(par, i);
            if class == Class::Opening {
                pl += par.pair[i];
            } else {
                pr += par.pair[i];
            }
        }
        sums
    }

    /// Measures line `start..end` (trailing word spaces are not part of its width).
    pub fn span(&self, par: &Paragraph, start: usize, end: usize) -> Span {
        let ve = self.visible_end[end];
        if ve <= start {
            return Span::default();
        }
        let last = ve - 1;
        let core = self.adv[ve] - self.adv[start] + self.join[last] - self.join[start];
        let end_trim = par.right_adj[last];
        let start_trim = if par.classes[start] == Class::Opening {
            par.left_adj[start]
        } else {
            0.0
        };
        let (natural, edge) = if par.opts.trims_line_edges() {
            (core - end_trim - start_trim, 0.0)
        } else {
            (core, end_trim + start_trim)
        };
        let hung = (par.opts.punct.hanging
            && last > start
            && may_hang(par.chars[last])
            && !par.classes[last - 1].is_fullwidth_punct()
            && par.adv[last] >= 0.9 * par.opts.em())
        .then(|| {
            core - par.adv[last]
                - (self.join[last] - self.join[last - 1])
                - if par.opts.trims_line_edges() {
                    start_trim
                } else {
                    0.0
                }
        });
        Span {
            natural,
            flex_shrink: self.flex_shrink[ve] - self.flex_shrink[start]
                // Han–Latin spacing after the last character is never set.
                - self.flex_after(par, last, true),
            flex_stretch: self.flex_stretch[ve]
                - self.flex_stretch[start]
                - self.flex_after(par, last, false),
            edge,
            pairs: self.pair_right[last] - self.pair_right[start] + self.pair_left[ve]
                - self.pair_left[start + 1],
            marks: self.open_left[ve] - self.open_left[start + 1] + self.right[last]
                - self.right[start],
            gaps: self.gaps[last] - self.gaps[start],
            hung,
        }
    }

    /// The Han–Latin flex counted after character `i` (to be taken off when `i` ends a line).
    fn flex_after(&self, par: &Paragraph, i: usize, shrink: bool) -> f32 {
        let em = par.opts.em();
        if par.classes[i] == Class::Space || par.gap[i] <= 0.0 {
            return 0.0;
        }
        if shrink {
            if par.opts.shrink.han_latin {
                (par.gap[i] - 0.125 * em).max(0.0)
            } else {
                0.0
            }
        } else {
            (em / 3.0 - par.gap[i]).max(0.0)
        }
    }
}
