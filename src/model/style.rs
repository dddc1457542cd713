//! Paragraph and character styles.

use serde::{Deserialize, Serialize};

use super::{Color, FontSize, Length, StyleId};

/// Horizontal alignment of a paragraph's lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    /// Every line but the last set to the measure; the last starts at the left.
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// Chinese line-breaking prohibition (禁则) strictness, after W3C clreq.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Prohibition {
    /// Plain Unicode line breaking, no Chinese tailoring.
    None,
    /// The common rules: no closing punctuation at line start, no opening at line end.
    #[default]
    Basic,
    /// Basic plus GB/T 15834: `/` never ends a line.
    Gb,
    /// Gb plus: `——` and `……` never start a line.
    Strict,
}

/// Font weight as the usual numeric scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weight {
    Regular,
    Bold,
}

/// Which face of a family.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontSpec {
    /// Family name, e.g. "Noto Serif SC" or "Source Serif 4".
    pub family: String,
    pub weight: Weight,
    #[serde(default)]
    pub italic: bool,
}

/// A paragraph style: how body text, headlines, bylines and captions are set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParagraphStyle {
    pub id: StyleId,
    pub font: FontSpec,
    pub size: FontSize,
    pub leading: Length,
    /// First-line indent in ems of the style's size (2 for Chinese body text).
    #[serde(default)]
    pub indent_em: f32,
    #[serde(default)]
    pub align: Align,
    #[serde(default)]
    pub color: Color,
    #[serde(default)]
    pub prohibition: Prohibition,
    /// Insert ¼ em between Han characters and Latin letters or digits.
    #[serde(default = "yes")]
    pub han_latin_space: bool,
    #[serde(default)]
    pub space_before: Length,
    #[serde(default)]
    pub space_after: Length,
    /// Extra space between characters, in ems (positive loosens, negative tightens).
    #[serde(default)]
    pub tracking_em: f32,
}

fn yes() -> bool {
    true
}

/// A character style: overrides applied to a run inside a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CharacterStyle {
    pub id: StyleId,
    #[serde(default)]
    pub font: Option<FontSpec>,
    #[serde(default)]
    pub size: Option<FontSize>,
    #[serde(default)]
    pub color: Option<Color>,
}

/// All styles of an edition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Styles {
    pub paragraph: Vec<ParagraphStyle>,
    #[serde(default)]
    pub character: Vec<CharacterStyle>,
}

impl Styles {
    pub fn paragraph(&self, id: &StyleId) -> Option<&ParagraphStyle> {
        self.paragraph.iter().find(|s| &s.id == id)
    }
}
