//! What a candidate line `start..end` of a paragraph measures, in constant time: its natural
//! width, what each kind of adjustable space can give or take, and whether its last mark may
//! hang. Prefix sums over the paragraph make every span cost the same however long, so the
//! paragraph-wide breaker can weigh thousands of candidate lines.

use super::class::Class;
use super::prepare::Paragraph;

/// Prefix sums of a paragraph's adjustable quantities; entry `i` sums characters `..i`. One
/// record an entry, so measuring a line reads a few neighbouring records, not ten arrays.
pub(super) struct Sums(Vec<Prefix>);

#[derive(Clone, Copy, Default)]
struct Prefix {
    /// Natural advances (word spaces included).
    adv: f32,
    /// What follows each character when both it and the next are set: tracking between
    /// visible characters and Han–Latin spacing.
    join: f32,
    /// What word spaces (to ¼ em) and Han–Latin spacing (to ⅛ em) may give up.
    flex_shrink: f32,
    /// What word spaces (to ½ em) and Han–Latin spacing (to ⅓ em) may grow by.
    flex_stretch: f32,
    /// Left halves of opening brackets.
    open_left: f32,
    /// Right halves of closing brackets, pauses and stops that the policy lets squeeze.
    right: f32,
    /// Space shared by adjacent marks (全角式), on the right of a mark and on the left of an
    /// opening bracket.
    pair_right: f32,
    pair_left: f32,
    /// Gaps after each character that a spaced-out line may widen.
    gaps: u32,
    /// One past the last character before this entry that is not a word space.
    visible_end: u32,
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
        let mut sums = Vec::with_capacity(n + 1);
        let mut at = Prefix::default();
        for i in 0..=n {
            sums.push(at);
            if i == n {
                break;
            }
            let class = par.classes[i];
            at.adv += par.adv[i];
            if class == Class::Space {
                if policy.spaces {
                    at.flex_shrink += (par.adv[i] - 0.25 * em).max(0.0);
                }
                at.flex_stretch += (0.5 * em - par.adv[i]).max(0.0);
            } else {
                at.visible_end = (i + 1) as u32;
            }
            let next = par.classes.get(i + 1).copied();
            if let Some(next) = next {
                if class != Class::Space && next != Class::Space {
                    at.join += tracking;
                }
                at.join += par.gap[i];
                if par.gap[i] > 0.0 {
                    if policy.han_latin {
                        at.flex_shrink += (par.gap[i] - 0.125 * em).max(0.0);
                    }
                    at.flex_stretch += (em / 3.0 - par.gap[i]).max(0.0);
                }
                at.gaps += u32::from(super::justify::spreadable_gap(par, i));
            }
            if class == Class::Opening && policy.commas_and_brackets {
                at.open_left += par.left_adj[i];
            }
            at.right += super::linebreak::right_shrink(par, i);
            if class == Class::Opening {
                at.pair_left += par.pair[i];
            } else {
                at.pair_right += par.pair[i];
            }
        }
        Self(sums)
    }

    /// Measures line `start..end` (trailing word spaces are not part of its width).
    pub fn span(&self, par: &Paragraph, start: usize, end: usize) -> Span {
        let ve = self.0[end].visible_end as usize;
        if ve <= start {
            return Span::default();
        }
        let last = ve - 1;
        let (s, s1, l, v) = (
            &self.0[start],
            &self.0[start + 1],
            &self.0[last],
            &self.0[ve],
        );
        let core = v.adv - s.adv + l.join - s.join + par.edge_pad_width(start, last);
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
            core - par.edge_pad_width(start, last) + par.edge_pad_width(start, last - 1)
                - par.adv[last]
                - (l.join - self.0[last - 1].join)
                - if par.opts.trims_line_edges() {
                    start_trim
                } else {
                    0.0
                }
        });
        Span {
            natural,
            // Han–Latin spacing after the last character is never set.
            flex_shrink: v.flex_shrink - s.flex_shrink - self.flex_after(par, last, true),
            flex_stretch: v.flex_stretch - s.flex_stretch - self.flex_after(par, last, false),
            edge,
            pairs: l.pair_right - s.pair_right + v.pair_left - s1.pair_left,
            marks: v.open_left - s1.open_left + l.right - s.right,
            gaps: l.gaps - s.gaps,
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
