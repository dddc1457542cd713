//! Vertical text (竖排): how each character stands in a column, and measuring a paragraph for
//! columns.
//!
//! Han characters and full-width punctuation stand upright and are shaped top to bottom, so the
//! font's `vert` forms (the comma in the cell's top right, brackets turned to ︵︶﹁﹂) and its
//! vertical metrics (`vmtx`, `VORG`) apply. Latin words and longer numbers are turned 90°
//! clockwise and keep their horizontal shaping. A number of one or two digits stands upright
//! across one cell (纵中横). Every width the composer then sees is a length down the column, so
//! the same breaking, clreq prohibitions and justification set columns exactly as they set
//! lines: a column may not start with `，` or end with `「`, just as a line may not.

use icu_properties::{CodePointMapData, props::VerticalOrientation};

use super::class::Class;
use super::fonts::{FontId, RunSpec, Shaping};
use super::metrics::{Measured, Metrics};
use super::prepare::{Options, Paragraph};
use crate::model::Figures;

/// How a character stands in a vertical column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Upright, shaped top to bottom: Han, kana, full-width punctuation in its vertical form.
    #[default]
    Upright,
    /// Turned 90° clockwise with its neighbours, shaped as horizontal text: Latin words,
    /// numbers of three digits or more, and marks the font has no vertical form for.
    Sideways,
    /// One digit of a number of one or two digits, set side by side across one cell (纵中横).
    Across,
}

/// The longest number set across one cell; longer numbers turn sideways.
pub const MAX_ACROSS_DIGITS: usize = 2;

/// [`Metrics`] for vertical columns: each character's advance is its length down the column.
pub struct Vertical<'a>(pub Shaping<'a>);

/// A paragraph prepared for vertical columns from `shaping`'s faces. Hyphenation and the
/// horizontal scale (长/扁字) are off: neither applies down a column. A number set across a
/// cell stands like a Han character, so it gets no Han–Latin space either side.
pub fn paragraph(text: &str, opts: Options, shaping: Shaping) -> Paragraph {
    let opts = Options {
        hyphenate: false,
        scale: 1.0,
        ..opts
    };
    let mut par = Paragraph::new(text, opts, &Vertical(shaping));
    for i in 0..par.len() {
        if par.measured.orientation.get(i) == Some(&Orientation::Across) {
            par.gap[i] = 0.0;
            if let Some(before) = i.checked_sub(1) {
                par.gap[before] = 0.0;
            }
        }
    }
    par
}

/// Which way each character stands. `has_vert(i)` says whether the font has a vertical form
/// for character `i`: a character Unicode turns sideways (UAX #50 `R` and `Tr`, such as `—`,
/// `…` and curly quotes) but that is Chinese punctuation stands upright in the font's vertical
/// form when there is one, as Chinese vertical setting wants.
pub fn orientations(chars: &[char], mut has_vert: impl FnMut(usize) -> bool) -> Vec<Orientation> {
    let vo = CodePointMapData::<VerticalOrientation>::new();
    let mut out: Vec<Orientation> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match vo.get(c) {
            VerticalOrientation::Upright | VerticalOrientation::TransformedUpright => {
                Orientation::Upright
            }
            _ if has_vert(i) => Orientation::Upright,
            _ => Orientation::Sideways,
        })
        .collect();
    // 纵中横: a sideways stretch (between spaces or upright characters) that is one or two
    // ASCII digits stands across one cell. `2024年` keeps its four digits sideways.
    let mut i = 0;
    while i < chars.len() {
        if out[i] != Orientation::Sideways || chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && out[i] == Orientation::Sideways && !chars[i].is_whitespace() {
            i += 1;
        }
        if i - start <= MAX_ACROSS_DIGITS && chars[start..i].iter().all(char::is_ascii_digit) {
            out[start..i].fill(Orientation::Across);
        }
    }
    out
}

impl Vertical<'_> {
    /// True when `font` shapes `c` to another glyph top to bottom than left to right: it has a
    /// vertical form (`vert`) for it.
    fn has_vert(&self, font: FontId, c: char, han: bool) -> bool {
        let mut text = [0; 4];
        let text = c.encode_utf8(&mut text);
        let shaped = |vertical| {
            let mut m = Measured {
                advances: vec![0.0],
                ..Measured::default()
            };
            let run = RunSpec {
                font,
                text,
                first_char: 0,
                han,
                vertical,
                features: &[],
            };
            self.0.shape(&run, 10.0, &mut m);
            m.glyphs.first().map(|g| g.id)
        };
        shaped(true) != shaped(false)
    }
}

impl Metrics for Vertical<'_> {
    /// Figures are set across the column (縦中横) in half-width forms whatever `_figures` says.
    fn measure(
        &self,
        text: &str,
        chars: &[char],
        classes: &[Class],
        size: f32,
        _figures: Figures,
    ) -> Measured {
        let shaping = &self.0;
        let mut out = Measured {
            advances: vec![0.0; chars.len()],
            ..Measured::default()
        };
        let fonts: Vec<FontId> = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                shaping.face_for(c).unwrap_or_else(|| {
                    if !c.is_whitespace() {
                        out.missing.push((i, c));
                    }
                    shaping.primary()
                })
            })
            .collect();
        let han: Vec<bool> = (0..chars.len())
            .map(|i| shaping.han_side(chars[i], classes[i], fonts[i]))
            .collect();
        // Only Chinese punctuation Unicode would turn sideways is asked about its vertical
        // form (a Latin letter always turns), once per face and character: a body paragraph
        // full of quotes would otherwise shape each of them twice more.
        let mut asked: Vec<(FontId, char, bool)> = Vec::new();
        let orientation = orientations(chars, |i| {
            if !han[i] {
                return false;
            }
            let key = (fonts[i], chars[i]);
            if let Some(&(_, _, known)) = asked.iter().find(|a| (a.0, a.1) == key) {
                return known;
            }
            let known = self.has_vert(key.0, key.1, true);
            asked.push((key.0, key.1, known));
            known
        });
        // Runs of one face, one script side and one orientation; each number set across is a
        // run of its own, shaped left to right with half-width digits (`hwid`) so two fit in
        // one em.
        let mut byte = Vec::with_capacity(chars.len() + 1);
        let mut b = 0;
        for c in chars {
            byte.push(b);
            b += c.len_utf8();
        }
        byte.push(b);
        let hwid = [harfrust::Feature::new(harfrust::Tag::new(b"hwid"), 1, ..)];
        let mut start = 0;
        while start < chars.len() {
            let key = |i: usize| (fonts[i], han[i], orientation[i]);
            let mut end = start + 1;
            while end < chars.len() && key(end) == key(start) {
                end += 1;
            }
            let across = orientation[start] == Orientation::Across;
            let run = RunSpec {
                font: fonts[start],
                text: &text[byte[start]..byte[end]],
                first_char: start,
                han: han[start],
                vertical: orientation[start] == Orientation::Upright,
                features: if across && end - start > 1 {
                    &hwid
                } else {
                    &[]
                },
            };
            shaping.shape(&run, size, &mut out);
            if across {
                // The digits take one cell down the column, whatever their width across.
                out.advances[start] = size;
                out.advances[start + 1..end].fill(0.0);
            }
            start = end;
        }
        out.orientation = orientation;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        orientations(&chars, |_| false)
            .iter()
            .map(|o| match o {
                Orientation::Upright => 'U',
                Orientation::Sideways => 'S',
                Orientation::Across => 'A',
            })
            .collect()
    }

    #[test]
    fn numbers_of_one_or_two_digits_stand_across_and_longer_ones_turn() {
        assert_eq!(kinds("12月3日"), "AAUAU");
        assert_eq!(kinds("2024年"), "SSSSU");
        assert_eq!(kinds("V4 发布"), "SSSUU");
        assert_eq!(kinds("第 12 版"), "USAASU");
    }

    #[test]
    fn han_and_full_width_punctuation_stand_upright() {
        assert_eq!(kinds("中文，。、"), "UUUUU");
        assert_eq!(kinds("Turbo"), "SSSSS");
    }
}
