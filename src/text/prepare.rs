//! Preparing a paragraph for line breaking: classes, natural widths, the adjustable halves of
//! full-width punctuation, adjacent-pair compression, Han–Latin spacing and break opportunities.
//! Everything here is independent of the measure, so a paragraph is prepared once and can then
//! be broken at any widths, line by line.

use super::breaks;
use super::class::{Class, classify};
use super::metrics::{Measured, Metrics};
use crate::model::{Align, Figures, Lang, Prohibition, PunctStyle, Punctuation};

/// Which spaces may shrink in the middle of a line to fit one more character (push-in).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShrinkPolicy {
    /// Pause marks `，、；：` and the outer halves of brackets.
    pub commas_and_brackets: bool,
    /// Stops `。？！`.
    pub stops: bool,
    /// Latin word spaces, down to ¼ em.
    pub spaces: bool,
    /// Han–Latin spacing, down to ⅛ em.
    pub han_latin: bool,
}

impl ShrinkPolicy {
    /// Every adjustable space, in the spec's shrink order.
    pub const FULL: Self = Self {
        commas_and_brackets: true,
        stops: true,
        spaces: true,
        han_latin: true,
    };
    /// The metric model M of the clreq cases: only commas and brackets shrink mid-line.
    pub const MODEL_M: Self = Self {
        commas_and_brackets: true,
        stops: false,
        spaces: false,
        han_latin: false,
    };
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Font size in points; ems below are of this size.
    pub size: f32,
    pub indent_em: f32,
    pub level: Prohibition,
    pub han_latin_space: bool,
    pub align: Align,
    pub lang: Lang,
    /// Extra space between characters in ems.
    pub tracking_em: f32,
    /// Horizontal scale of the glyphs (1.0 = 100%). Widths are measured at `size` and then
    /// scaled, so every horizontal quantity (advances, ems, indents) is in scaled points.
    pub scale: f32,
    pub shrink: ShrinkPolicy,
    /// Hyphenate English words that would otherwise leave a loose line.
    pub hyphenate: bool,
    /// Move one character down when a paragraph's last line would hold a single character.
    pub fix_orphans: bool,
    /// How full-width punctuation is set, whether it hangs, and the limits of adjustment.
    pub punct: Punctuation,
    /// How European figures are set among Han characters.
    pub figures: Figures,
}

impl Options {
    /// Chinese body text at `size`: 2-em indent, basic prohibitions, justified.
    pub fn chinese(size: f32) -> Self {
        Self {
            size,
            indent_em: 2.0,
            level: Prohibition::Basic,
            han_latin_space: true,
            align: Align::Justify,
            lang: Lang::Zh,
            tracking_em: 0.0,
            scale: 1.0,
            shrink: ShrinkPolicy::FULL,
            hyphenate: false,
            fix_orphans: true,
            punct: Punctuation::default(),
            figures: Figures::default(),
        }
    }

    /// English body text at `size`: 1-em indent, hyphenation on.
    pub fn english(size: f32) -> Self {
        Self {
            indent_em: 1.0,
            lang: Lang::En,
            hyphenate: true,
            level: Prohibition::None,
            ..Self::chinese(size)
        }
    }

    /// The horizontal em: the width of a full-width character at this size and scale. All
    /// line-breaking quantities are horizontal, so they use this, never the bare size.
    pub fn em(&self) -> f32 {
        self.size * self.scale
    }

    /// Marks at a line's edges are set half width by the style itself, not as an adjustment.
    pub fn trims_line_edges(&self) -> bool {
        self.punct.style == PunctStyle::LineEndHalf
    }
}

/// A paragraph ready to be broken into lines.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub text: String,
    pub chars: Vec<char>,
    pub classes: Vec<Class>,
    pub measured: Measured,
    pub opts: Options,
    /// Natural advance of each character after pair compression.
    pub(super) adv: Vec<f32>,
    /// Adjustable space still left on each side of full-width punctuation.
    pub(super) left_adj: Vec<f32>,
    pub(super) right_adj: Vec<f32>,
    /// Space already taken from a character's left side (its glyph moves left by this much).
    pub(super) left_removed: Vec<f32>,
    /// Blank space a mark shares with its neighbouring mark that squeezing may take (全角式
    /// sets adjacent marks full width and compresses them only when a line needs it): on the
    /// left of an opening bracket, on the right of any other mark.
    pub(super) pair: Vec<f32>,
    /// Natural Han–Latin space after character `i`.
    pub(super) gap: Vec<f32>,
    /// Numbers set on the 字 grid with half their pad on each side, in order: at a line's
    /// edge a number keeps its whole pad inside the line (see [`Paragraph::edge_pads`]).
    pub(super) padded: Vec<std::ops::Range<usize>>,
    /// `breaks[i]`: a line may break before character `i`.
    pub(super) breaks: Vec<bool>,
    /// `hyphens[i]`: an English word may be hyphenated before character `i`.
    pub(super) hyphens: Vec<bool>,
    /// The breaks last planned for the paragraph (see [`PlanMemo`]).
    pub(super) memo: PlanMemo,
}

/// The breaks last planned for a paragraph, with where they started and the widths they were
/// planned for: a story set again at the same widths (balancing its columns, fitting, laying
/// out again after an edit elsewhere) takes them instead of planning again. A copy of the
/// paragraph (realigned, say) starts with none.
#[derive(Default)]
pub(super) struct PlanMemo(std::sync::Mutex<Option<Memo>>);

pub(super) type Memo = (
    usize,
    super::total_fit::Widths,
    std::sync::Arc<[super::linebreak::Break]>,
);

impl PlanMemo {
    pub fn get(
        &self,
        start: usize,
        widths: &super::total_fit::Widths,
    ) -> Option<std::sync::Arc<[super::linebreak::Break]>> {
        let memo = self.0.lock().ok()?;
        let (at, w, breaks) = memo.as_ref()?;
        (*at == start && w == widths).then(|| breaks.clone())
    }

    pub fn set(&self, memo: Memo) {
        if let Ok(mut m) = self.0.lock() {
            *m = Some(memo);
        }
    }
}

impl Clone for PlanMemo {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for PlanMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlanMemo")
    }
}

impl Paragraph {
    /// Prepares `text` with widths from `metrics`.
    pub fn new(text: &str, opts: Options, metrics: &dyn Metrics) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let classes = classify(&chars, opts.lang);
        let mut measured = metrics.measure(text, &chars, &classes, opts.size, opts.figures);
        // Horizontal scaling is applied once, here: shaping happens at the true size (so the
        // font's own features and kerning are what they are at that size) and every width the
        // composer sees afterwards is already scaled.
        scale_horizontally(&mut measured, opts.scale);
        let n = chars.len();
        let em = opts.em();
        let mut adv = measured.advances.clone();
        let mut left_adj = vec![0.0; n];
        let mut right_adj = vec![0.0; n];
        for i in 0..n {
            // Only a glyph that really is full width has a half of space to give.
            if classes[i].is_fullwidth_punct() && adv[i] >= 0.9 * em {
                let half = adv[i] / 2.0;
                match classes[i] {
                    Class::Opening => left_adj[i] = half,
                    _ => right_adj[i] = half,
                }
            }
        }
        let mut left_removed = vec![0.0; n];
        set_half_width(
            &classes,
            opts.punct.style,
            &mut adv,
            &mut left_adj,
            &mut right_adj,
            &mut left_removed,
        );
        let mut pair = vec![0.0; n];
        compress_pairs(
            &chars,
            &classes,
            Halves {
                adv: &mut adv,
                left_adj: &mut left_adj,
                right_adj: &mut right_adj,
                left_removed: &mut left_removed,
            },
            (opts.punct.style == PunctStyle::FullWidth).then_some(&mut pair[..]),
        );
        let (gap, padded) = han_latin_gaps(&chars, &classes, &adv, &opts);
        let breaks = breaks::opportunities(text, &chars, &classes, opts.level);
        let hyphens = if opts.hyphenate {
            hyphenation(&chars, &classes)
        } else {
            vec![false; n + 1]
        };
        Self {
            text: text.to_owned(),
            chars,
            classes,
            measured,
            opts,
            adv,
            left_adj,
            right_adj,
            left_removed,
            pair,
            gap,
            padded,
            breaks,
            hyphens,
            memo: PlanMemo::default(),
        }
    }

    /// The same prepared paragraph with another alignment and first-line indent (neither
    /// changes its preparation).
    pub fn realigned(&self, align: Align, indent_em: f32) -> Paragraph {
        let mut p = self.clone();
        p.opts.align = align;
        p.opts.indent_em = indent_em;
        p
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The paragraph's width set on one line, with no adjustment.
    pub fn natural_width(&self) -> f32 {
        self.adv.iter().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Where a line from `start` to its last character `last` puts the pads of grid numbers
    /// at its edges: a number starting the line has lost the pad before it (space at a line's
    /// start is never set), so that pad goes after the number; one ending the line gives the
    /// pad after it to the space before it. Each is `(gap index, pad)`: the space after
    /// character `gap index` grows by `pad`, so the number stays whole 字 and the characters
    /// beside it stay on the grid.
    pub(super) fn edge_pads(&self, start: usize, last: usize) -> [Option<(usize, f32)>; 2] {
        if self.padded.is_empty() || last <= start {
            return [None, None];
        }
        let at_start = self
            .padded
            .get(self.padded.partition_point(|r| r.start < start))
            .filter(|r| r.start == start && r.end - 1 < last)
            .map(|r| (r.end - 1, self.gap[start - 1]));
        let at_end = self
            .padded
            .get(self.padded.partition_point(|r| r.end <= last))
            .filter(|r| r.end == last + 1 && r.start > start)
            .map(|r| (r.start - 1, self.gap[last]));
        [at_start, at_end]
    }

    /// The width [`Paragraph::edge_pads`] adds to a line from `start` to `last`.
    pub(super) fn edge_pad_width(&self, start: usize, last: usize) -> f32 {
        self.edge_pads(start, last)
            .iter()
            .flatten()
            .map(|&(_, pad)| pad)
            .sum()
    }

    /// Byte offset of character `i` in `text`.
    pub fn byte_of(&self, i: usize) -> usize {
        self.chars[..i].iter().map(|c| c.len_utf8()).sum()
    }

    /// The text of characters `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// Multiplies every horizontal measure of `m` by `scale` (no-op at 100%).
fn scale_horizontally(m: &mut Measured, scale: f32) {
    #[allow(clippy::float_cmp)]
    if scale == 1.0 {
        return;
    }
    for a in &mut m.advances {
        *a *= scale;
    }
    for g in m.glyphs.iter_mut().chain(m.hyphen.as_mut()) {
        g.advance *= scale;
        g.x_offset *= scale;
    }
}

/// 开明式 sets the pauses `，、；：` half width everywhere, 全部半角 every full-width mark: the
/// blank half goes, as pair compression takes it.
fn set_half_width(
    classes: &[Class],
    style: PunctStyle,
    adv: &mut [f32],
    left_adj: &mut [f32],
    right_adj: &mut [f32],
    left_removed: &mut [f32],
) {
    for (i, class) in classes.iter().enumerate() {
        let half = match style {
            PunctStyle::Kaiming => *class == Class::Comma,
            PunctStyle::AllHalf => class.is_fullwidth_punct(),
            PunctStyle::FullWidth | PunctStyle::LineEndHalf => false,
        };
        if !half {
            continue;
        }
        adv[i] -= right_adj[i] + left_adj[i];
        left_removed[i] += left_adj[i];
        right_adj[i] = 0.0;
        left_adj[i] = 0.0;
    }
}

/// A paragraph's widths and the adjustable halves of its marks, as preparation changes them.
struct Halves<'a> {
    adv: &'a mut [f32],
    left_adj: &'a mut [f32],
    right_adj: &'a mut [f32],
    left_removed: &'a mut [f32],
}

/// Adjacent full-width punctuation shares one half em: `。”`, `”，`, `）（`, `，“` take 1.5 em.
/// `？！`, `！？`, `？？` and `！！` together take 1 em. With `pair` (全角式) the marks keep
/// their full width and the half they would share is recorded there instead, for squeezing.
fn compress_pairs(chars: &[char], classes: &[Class], h: Halves, mut pair: Option<&mut [f32]>) {
    let Halves {
        adv,
        left_adj,
        right_adj,
        left_removed,
    } = h;
    for i in 0..chars.len().saturating_sub(1) {
        if !(classes[i].is_fullwidth_punct() && classes[i + 1].is_fullwidth_punct()) {
            continue;
        }
        let marks = |c: char| matches!(c, '？' | '！');
        let mut take = |j: usize, adj: &mut [f32], left: bool| {
            let d = adj[j];
            adj[j] = 0.0;
            match pair.as_deref_mut() {
                Some(pair) => pair[j] += d,
                None => {
                    adv[j] -= d;
                    if left {
                        left_removed[j] += d;
                    }
                }
            }
        };
        if marks(chars[i]) && marks(chars[i + 1]) {
            take(i, right_adj, false);
            take(i + 1, right_adj, false);
        } else if right_adj[i] > 0.0 {
            take(i, right_adj, false);
        } else if left_adj[i + 1] > 0.0 {
            take(i + 1, left_adj, true);
        }
    }
}

/// ¼ em between a Han character and an adjacent Latin letter or European digit. With
/// [`Figures::Grid`] a number has no such spacing: it is padded to whole ems instead, half the
/// pad either side (all of it on one side at the paragraph's edge), so an odd number of
/// half-width digits is centred in its last em and the characters after it stay on the grid.
/// Returns the gaps and the numbers padded on both sides.
fn han_latin_gaps(
    chars: &[char],
    classes: &[Class],
    adv: &[f32],
    opts: &Options,
) -> (Vec<f32>, Vec<std::ops::Range<usize>>) {
    let n = classes.len();
    let mut gap = vec![0.0; n];
    let em = opts.em();
    let numbers = match opts.figures {
        Figures::Grid => super::class::grid_numbers(chars, classes),
        Figures::Proportional => Vec::new(),
    };
    let mut in_number = vec![false; n];
    for r in &numbers {
        in_number[r.clone()].fill(true);
    }
    if opts.han_latin_space {
        for i in 0..n.saturating_sub(1) {
            let (a, b) = (classes[i], classes[i + 1]);
            let han_latin = (a == Class::Han && b.is_latin_or_digit())
                || (a.is_latin_or_digit() && b == Class::Han);
            if han_latin && !in_number[i] && !in_number[i + 1] {
                gap[i] = em * 0.25;
            }
        }
    }
    let mut padded = Vec::new();
    for r in numbers {
        let width: f32 = adv[r.clone()].iter().sum();
        // A hair under a whole em counts as whole: a font's half-width digits are exact.
        let pad = (width / em - 0.02).ceil() * em - width;
        if pad <= 0.02 * em {
            continue;
        }
        // Beside a word space the space already separates; the pad goes to the other side.
        let before = r.start > 0 && classes[r.start - 1] != Class::Space;
        let after = r.end < n && classes[r.end] != Class::Space;
        match (before, after) {
            (true, true) => {
                gap[r.start - 1] = pad / 2.0;
                gap[r.end - 1] = pad / 2.0;
                padded.push(r);
            }
            (true, false) => gap[r.start - 1] = pad,
            (false, true) => gap[r.end - 1] = pad,
            (false, false) => {}
        }
    }
    (gap, padded)
}

/// The longest word `hypher` accepts, in bytes: it panics on longer ones.
const HYPHENATE_MAX_BYTES: usize = 45;

/// Hyphenation points inside English words (not within two letters of the start or three of
/// the end), from `hypher`'s patterns. Words longer than `hypher` accepts (a URL, a chemical
/// name, a run of letters pasted by mistake) are simply not hyphenated; the line breaker
/// still breaks them where a line is full.
fn hyphenation(chars: &[char], classes: &[Class]) -> Vec<bool> {
    let mut out = vec![false; chars.len() + 1];
    let mut i = 0;
    while i < chars.len() {
        if classes[i] != Class::Latin {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && classes[i] == Class::Latin {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if i - start < 5 || word.len() > HYPHENATE_MAX_BYTES {
            continue;
        }
        let mut at = start;
        for syllable in hypher::hyphenate_bounded(&word, hypher::Lang::English, 2, 3) {
            at += syllable.chars().count();
            if at < i {
                out[at] = true;
            }
        }
    }
    out
}
