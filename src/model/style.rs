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

/// How full-width punctuation is set (标点的排法), after clreq and GB/T 15834.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PunctStyle {
    /// 全角式: every mark takes a full em wherever it falls, so characters stand on one grid
    /// down the column. Only adjacent marks share space (`。”` takes 1½ em); a mark at a line's
    /// end or an opening bracket at its start gives up its blank half only when the line needs it.
    #[default]
    FullWidth,
    /// 开明式: the stops `。？！` full width, the pauses `，、；：` half width everywhere.
    Kaiming,
    /// 行末半角: like 全角式, but a mark at a line's end is always set half width (GB/T 15834's
    /// line-end rule, and the metric model of the clreq cases).
    LineEndHalf,
    /// 全部半角: every full-width mark half width, for dense tables and news briefs.
    AllHalf,
}

/// How European figures in Chinese text are set (数字的排法).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Figures {
    /// The font's own figures, with the paragraph's Han–Latin spacing either side of a number
    /// (`2024 年`): what clreq describes, and what book text usually gets.
    #[default]
    Proportional,
    /// 对开数字占整格: half-width figures (the font's `hwid` forms, two to the 字) with no
    /// spacing beside them, a number taking whole 字 of the line: an odd one is centred in its
    /// last 字, a quarter 字 either side (`2024年`, `第 5 版`). Characters then stay on the
    /// column's grid through numbers, as most Chinese papers set them.
    Grid,
}

impl Figures {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Which adjustment is tried first when a line cannot be set as it stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Push {
    /// 先挤进: squeeze the line's marks to take one more character.
    #[default]
    In,
    /// 先推出: carry a character down and space the line out.
    Out,
}

/// A paragraph style's punctuation: its style, hanging, and the limits of adjustment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Punctuation {
    #[serde(default)]
    pub style: PunctStyle,
    /// `、，。` at a line's end may hang past the measure (标点悬挂) instead of the line being
    /// squeezed or spaced; never a mark that follows another mark.
    #[serde(default)]
    pub hanging: bool,
    #[serde(default)]
    pub first: Push,
    /// The most marks squeezed to half width inside one line.
    #[serde(default = "default_max_squeezed")]
    pub max_squeezed: u8,
    /// The widest extra space allowed between two characters of a spaced-out line, in ems.
    #[serde(default = "default_max_spacing")]
    pub max_spacing_em: f32,
}

fn default_max_squeezed() -> u8 {
    1
}

fn default_max_spacing() -> f32 {
    0.15
}

impl Default for Punctuation {
    fn default() -> Self {
        Self {
            style: PunctStyle::default(),
            hanging: false,
            first: Push::default(),
            max_squeezed: default_max_squeezed(),
            max_spacing_em: default_max_spacing(),
        }
    }
}

impl Punctuation {
    /// The composition of the body of most Chinese papers: full-width marks on the character
    /// grid, with `、，。` hanging at line ends so lines need neither squeezing nor spacing.
    pub const NEWSPAPER: Self = Self {
        style: PunctStyle::FullWidth,
        hanging: true,
        first: Push::In,
        max_squeezed: 1,
        max_spacing_em: 0.15,
    };

    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
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
    /// Families to try, in order, for a character the family lacks (before the bundled faces
    /// and the system's Chinese faces).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback: Vec<String>,
}

impl FontSpec {
    /// Upright `family` at `weight`, with no fallbacks of its own.
    pub fn new(family: impl Into<String>, weight: Weight) -> Self {
        Self {
            family: family.into(),
            weight,
            italic: false,
            fallback: Vec::new(),
        }
    }
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
    /// Horizontal scale of the type (长/扁字): 1.0 is 100%, 0.85 sets condensed (长) type that
    /// fits more characters per line, 1.2 extended (扁) type. Every horizontal measure of the
    /// style (advances, indent, tracking, spacing) scales with it; heights do not.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub scale: f32,
    /// How punctuation is set and how far lines may be squeezed or spaced.
    #[serde(default, skip_serializing_if = "Punctuation::is_default")]
    pub punctuation: Punctuation,
    /// How figures are set: the font's own with Han–Latin spacing, or on the 字 grid.
    #[serde(default, skip_serializing_if = "Figures::is_default")]
    pub figures: Figures,
}

fn yes() -> bool {
    true
}

fn one() -> f32 {
    1.0
}

/// Files written before `scale` existed stay byte-identical when saved again.
#[allow(clippy::trivially_copy_pass_by_ref, clippy::float_cmp)]
fn is_one(v: &f32) -> bool {
    *v == 1.0
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

/// The narrowest horizontal scale a style may have (50%).
pub const MIN_SCALE: f32 = 0.5;
/// The widest horizontal scale a style may have (200%).
pub const MAX_SCALE: f32 = 2.0;
/// The largest type size a style may have: a one-character headline across a broadsheet.
pub const MAX_SIZE_PT: f32 = 1000.0;

/// Why a style or template value is unusable: the field it is about and a plain reason.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{reason}")]
pub struct Problem {
    /// The field name as written in the file (`size`, `scale`, `columns` …).
    pub field: &'static str,
    /// What is wrong, in the user's terms, e.g. "size must be between 0 and 1000 pt, not -3".
    pub reason: String,
    /// For a value out of its range: the range and the value, so an interface can say the same
    /// in its own language.
    pub range: Option<Range>,
    /// For any other rule: its name and numbers, so an interface can word it in its own
    /// language (the editor's message `problem-{code}`); empty when there is none.
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// A number's legal range and the value that missed it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f32,
    pub max: f32,
    /// `min` itself is not allowed.
    pub open_min: bool,
    pub value: f32,
    /// " pt", " em", " 字", "" …
    pub unit: &'static str,
}

impl Problem {
    pub(crate) fn new(field: &'static str, reason: impl Into<String>) -> Self {
        Self {
            field,
            reason: reason.into(),
            range: None,
            code: "",
            args: Vec::new(),
        }
    }

    /// Names the rule broken and the numbers the message needs.
    pub(crate) fn coded(mut self, code: &'static str, args: &[(&'static str, String)]) -> Self {
        self.code = code;
        self.args = args.to_vec();
        self
    }
}

/// Checks that `value` is finite and within `min..=max` (`min` itself excluded when
/// `open_min`), naming the field and unit in the reason.
pub(crate) fn check_range(
    field: &'static str,
    value: f32,
    (min, max): (f32, f32),
    open_min: bool,
    unit: &'static str,
) -> Result<(), Problem> {
    let low_ok = if open_min { value > min } else { value >= min };
    if value.is_finite() && low_ok && value <= max {
        return Ok(());
    }
    let low = if open_min {
        format!("more than {min}")
    } else {
        format!("at least {min}")
    };
    Err(Problem {
        range: Some(Range {
            min,
            max,
            open_min,
            value,
            unit,
        }),
        ..Problem::new(
            field,
            format!("{field} must be {low} and at most {max}{unit}, not {value}"),
        )
    })
}

impl ParagraphStyle {
    /// Checks the style's values: size positive and at most 1000 pt, leading positive, scale
    /// 50%–200%, tracking between −0.5 and 2 em, indent and spaces non-negative, all finite.
    /// Font families are checked against the fonts by `text::FontBook::check_spec`.
    pub fn check(&self) -> Result<(), Problem> {
        if self.font.family.trim().is_empty() {
            return Err(
                Problem::new("family", "the font family is empty").coded("empty-family", &[])
            );
        }
        let size = self.size.pt().0;
        check_range("size", size, (0.0, MAX_SIZE_PT), true, " pt")?;
        check_range(
            "leading",
            self.leading.pt().0,
            (0.0, 2.0 * MAX_SIZE_PT),
            true,
            " pt",
        )?;
        if !(MIN_SCALE..=MAX_SCALE).contains(&self.scale) {
            return Err(Problem::new(
                "scale",
                format!(
                    "scale must be between 50% and 200% (0.5–2.0), not {}",
                    self.scale
                ),
            )
            .coded("scale", &[("value", format!("{}%", self.scale * 100.0))]));
        }
        check_range("tracking_em", self.tracking_em, (-0.5, 2.0), false, " em")?;
        check_range("indent_em", self.indent_em, (0.0, 100.0), false, " em")?;
        check_range(
            "max_spacing_em",
            self.punctuation.max_spacing_em,
            (0.0, 2.0),
            false,
            " em",
        )?;
        check_range(
            "space_before",
            self.space_before.pt().0,
            (0.0, 2.0 * MAX_SIZE_PT),
            false,
            " pt",
        )?;
        check_range(
            "space_after",
            self.space_after.pt().0,
            (0.0, 2.0 * MAX_SIZE_PT),
            false,
            " pt",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> ParagraphStyle {
        crate::sample::styles().paragraph.remove(0)
    }

    #[test]
    fn the_sample_styles_pass_their_check() {
        for s in crate::sample::styles().paragraph {
            assert_eq!(s.check(), Ok(()), "{}", s.id);
        }
    }

    #[test]
    fn bad_style_values_are_refused_with_the_field_and_a_plain_reason() {
        type Spoil = fn(&mut ParagraphStyle);
        let cases: [(Spoil, &str); 8] = [
            (|s| s.size = FontSize::Pt(0.0), "size"),
            (|s| s.size = FontSize::Pt(f32::NAN), "size"),
            (|s| s.size = FontSize::Pt(1200.0), "size"),
            (|s| s.leading = Length::Pt(-1.0), "leading"),
            (|s| s.scale = 0.3, "scale"),
            (|s| s.tracking_em = f32::INFINITY, "tracking_em"),
            (|s| s.indent_em = -2.0, "indent_em"),
            (|s| s.space_after = Length::Mm(-1.0), "space_after"),
        ];
        for (spoil, field) in cases {
            let mut s = body();
            spoil(&mut s);
            let err = s.check().expect_err(field);
            assert_eq!(err.field, field, "{err}");
            assert!(err.reason.starts_with(field), "{err}");
        }
        let mut wide = body();
        wide.scale = 2.0;
        assert_eq!(wide.check(), Ok(()), "200% is allowed");
    }
}
