//! Where widths come from. The composer asks a [`Metrics`] for each character's natural advance,
//! so the same code runs under the font-independent metric model M of the clreq cases and under
//! real shaped fonts.

use super::class::Class;
use super::fonts::FontId;
use crate::model::Figures;

/// One shaped glyph, positioned relative to the start of its cluster's first character.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapedGlyph {
    pub font: FontId,
    pub id: u16,
    /// Index of the first character of the glyph's cluster in the paragraph.
    pub char_index: usize,
    /// Advance in points.
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}

/// Natural widths of a paragraph's characters and, from a real font, its glyphs.
#[derive(Clone, Debug, Default)]
pub struct Measured {
    /// Natural advance of every character in points. Characters inside a multi-character
    /// cluster (a ligature) after the first have zero advance.
    pub advances: Vec<f32>,
    /// Shaped glyphs in logical order; empty for abstract metrics.
    pub glyphs: Vec<ShapedGlyph>,
    /// A hyphen glyph to append to hyphenated lines, with its advance.
    pub hyphen: Option<ShapedGlyph>,
    /// Characters no available font has, with their index.
    pub missing: Vec<(usize, char)>,
    /// How each character stands when measured for a vertical column (upright, turned
    /// sideways, or across in one cell); empty for horizontal lines.
    pub orientation: Vec<super::vertical::Orientation>,
}

/// A source of character widths at a font size.
pub trait Metrics {
    /// Measures `text` at `size`, with figures set as `figures` asks (half width for
    /// [`Figures::Grid`], where the font has the forms).
    fn measure(
        &self,
        text: &str,
        chars: &[char],
        classes: &[Class],
        size: f32,
        figures: Figures,
    ) -> Measured;
}

/// The metric model M of `clreq_cases.json`: Han and full-width punctuation 1 em; `– · /` ½ em;
/// ASCII letters, digits and `.` ½ em; the ASCII space ¼ em.
#[derive(Clone, Copy, Debug, Default)]
pub struct ModelM;

impl Metrics for ModelM {
    fn measure(
        &self,
        _text: &str,
        chars: &[char],
        classes: &[Class],
        size: f32,
        _figures: Figures,
    ) -> Measured {
        let advances = chars
            .iter()
            .zip(classes)
            .map(|(&c, &class)| {
                let em = match class {
                    Class::Middle | Class::Slash => 0.5,
                    Class::Connector if c == '–' => 0.5,
                    Class::Latin | Class::Digit => 0.5,
                    Class::Other if c.is_ascii() => 0.5,
                    Class::Space => 0.25,
                    _ => 1.0,
                };
                em * size
            })
            .collect();
        Measured {
            advances,
            ..Measured::default()
        }
    }
}
