//! Stories: the content of an edition, kept apart from geometry so a text edit diffs as text.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{FrameId, PhotoId, StoryId, StyleId};

/// Language of a story or edition; decides composition rules and jump-line wording.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Which styles a story's parts use; unset parts use the edition's defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStyles {
    #[serde(default)]
    pub kicker: Option<StyleId>,
    #[serde(default)]
    pub headline: Option<StyleId>,
    #[serde(default)]
    pub deck: Option<StyleId>,
    #[serde(default)]
    pub byline: Option<StyleId>,
    #[serde(default)]
    pub body: Option<StyleId>,
    #[serde(default)]
    pub caption: Option<StyleId>,
}

/// One article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: StoryId,
    #[serde(default)]
    pub lang: Lang,
    /// 引题: the line above the headline.
    #[serde(default)]
    pub kicker: String,
    /// 主题.
    pub headline: String,
    /// 副题: the line below the headline.
    #[serde(default)]
    pub deck: String,
    /// e.g. "通讯员 王兆春" or "By Jane Doe"; the byline style adds the ■ ornament.
    #[serde(default)]
    pub byline: String,
    /// The body, paragraph by paragraph. Most are plain text in the story's body style; a
    /// subhead (小标题) carries its own style.
    #[serde(default)]
    pub paragraphs: Vec<BodyParagraph>,
    /// The story's photo, shown in its package's photo frame.
    #[serde(default)]
    pub photo: Option<PhotoId>,
    #[serde(default)]
    pub caption: String,
    /// Photo credit, e.g. "王轩昂 摄影报道".
    #[serde(default)]
    pub credit: String,
    /// The text frames the body flows through, in order; they may be on different pages.
    #[serde(default)]
    pub thread: Vec<FrameId>,
    #[serde(default)]
    pub styles: StoryStyles,
    /// What copyfit changed to make the story fit its frames.
    #[serde(default, skip_serializing_if = "Copyfit::is_none")]
    pub copyfit: Copyfit,
}

/// A story's copyfit: changes to its type that make it end on the last line of its last
/// frame, within the house limits ([`crate::model::CopyfitLimits`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Copyfit {
    /// Added to the body's tracking, in percent of the em (−1.0: 字距 −1%).
    #[serde(default)]
    pub tracking_pct: f32,
    /// Added to the body's horizontal scale, in percent (−2.0: 字宽 98%); only when the house
    /// allows it ([`CopyfitLimits::scale_pct`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub scale_pct: f32,
    /// Auto-fit: the editor fits the story again by tracking after every edit (its frames
    /// stay where the designer put them).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto: bool,
}

fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

impl Copyfit {
    pub fn is_none(&self) -> bool {
        *self == Self::default()
    }
}

/// How far copyfit may go, set by the house style.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyfitLimits {
    /// The most tracking copyfit may add or take away, in percent of the em.
    #[serde(default = "CopyfitLimits::default_tracking")]
    pub tracking_pct: f32,
    /// The most grid lines copyfit may make a frame taller or shorter by.
    #[serde(default = "CopyfitLimits::default_lines")]
    pub frame_lines: u32,
    /// Fitting a page may make a photo frame taller or shorter while its photo (which fills
    /// the frame) loses at most this share of its width or height to the frame's edges, in
    /// percent — or no more than it already loses.
    #[serde(default = "CopyfitLimits::default_photo_crop")]
    pub photo_crop_pct: f32,
    /// The most copyfit may condense or extend the body's type, in percent (0, the default:
    /// never; horizontal scale is used only when the house asks for it).
    #[serde(default)]
    pub scale_pct: f32,
    /// Whether copyfit may set the last frame in one column more or fewer (变栏).
    #[serde(default = "CopyfitLimits::yes")]
    pub columns: bool,
}

impl CopyfitLimits {
    fn default_tracking() -> f32 {
        2.0
    }
    fn default_lines() -> u32 {
        40
    }
    fn default_photo_crop() -> f32 {
        25.0
    }
    fn yes() -> bool {
        true
    }
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Default for CopyfitLimits {
    fn default() -> Self {
        Self {
            tracking_pct: Self::default_tracking(),
            frame_lines: Self::default_lines(),
            photo_crop_pct: Self::default_photo_crop(),
            scale_pct: 0.0,
            columns: true,
        }
    }
}

impl Story {
    /// The body text as it would be read: paragraphs separated by newlines.
    pub fn body_text(&self) -> String {
        let texts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        texts.join("\n")
    }

    /// The paragraphs `text` makes when it replaces the body: one per line, none for "".
    ///
    /// Styles follow the text: paragraphs at the start and at the end that are unchanged keep
    /// their own style (matched as a common prefix and suffix, so typing in one paragraph or
    /// adding a line anywhere never restyles the others); changed paragraphs in between take
    /// the styles of the old paragraphs they replace, in order (an edited subhead stays a
    /// subhead), and any further new paragraphs are plain body text.
    pub fn body_from_text(&self, text: &str) -> Vec<BodyParagraph> {
        if text.is_empty() {
            return Vec::new();
        }
        let new: Vec<&str> = text.split('\n').collect();
        let old = &self.paragraphs;
        let same = |(o, n): (&BodyParagraph, &&str)| o.text == **n;
        let prefix = old.iter().zip(&new).take_while(|p| same(*p)).count();
        let suffix = old[prefix..]
            .iter()
            .rev()
            .zip(new[prefix..].iter().rev())
            .take_while(|p| same(*p))
            .count();
        let old_middle = &old[prefix..old.len() - suffix];
        let new_middle = &new[prefix..new.len() - suffix];
        let middle = new_middle.iter().enumerate().map(|(i, t)| BodyParagraph {
            style: old_middle.get(i).and_then(|p| p.style.clone()),
            text: (*t).to_owned(),
        });
        old[..prefix]
            .iter()
            .cloned()
            .chain(middle)
            .chain(old[old.len() - suffix..].iter().cloned())
            .collect()
    }

    /// Number of characters of body text, the unit copyfit counts in.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.text.chars().count()).sum()
    }
}

/// One paragraph of a story's body: its text and, for a subhead or another paragraph set apart
/// from the body, its own paragraph style.
///
/// In a layout file a plain paragraph is just its text, so the body reads as a list of strings;
/// a styled one names its style:
/// `paragraphs: ["正文……", Paragraph(style: "subhead", text: "小标题"), "正文……"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BodyParagraph {
    /// The paragraph's own style; `None` sets it in the story's body style.
    pub style: Option<StyleId>,
    pub text: String,
}

impl BodyParagraph {
    /// A paragraph in the story's body style.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            style: None,
            text: text.into(),
        }
    }

    /// A paragraph in style `style`, e.g. a subhead.
    pub fn styled(style: impl Into<StyleId>, text: impl Into<String>) -> Self {
        Self {
            style: Some(style.into()),
            text: text.into(),
        }
    }
}

impl From<&str> for BodyParagraph {
    fn from(text: &str) -> Self {
        Self::plain(text)
    }
}

impl From<String> for BodyParagraph {
    fn from(text: String) -> Self {
        Self::plain(text)
    }
}

impl Serialize for BodyParagraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.style {
            // Plain paragraphs stay plain strings, so files from before paragraph styles and
            // files without subheads read (and save) exactly as they always did.
            None => s.serialize_str(&self.text),
            Some(style) => {
                let mut st = s.serialize_struct("Paragraph", 2)?;
                st.serialize_field("style", style)?;
                st.serialize_field("text", &self.text)?;
                st.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for BodyParagraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ParagraphVisitor)
    }
}

/// Reads a paragraph written either as a string or as `Paragraph(style: …, text: …)`.
struct ParagraphVisitor;

impl<'de> Visitor<'de> for ParagraphVisitor {
    type Value = BodyParagraph;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a paragraph: its text, or Paragraph(style: \"subhead\", text: \"…\")")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<BodyParagraph, E> {
        Ok(BodyParagraph::plain(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<BodyParagraph, E> {
        Ok(BodyParagraph::plain(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyParagraph, A::Error> {
        const FIELDS: &[&str] = &["style", "text"];
        let (mut style, mut text) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "style" if style.is_none() => style = Some(map.next_value::<StyleId>()?),
                "text" if text.is_none() => text = Some(map.next_value::<String>()?),
                "style" | "text" => {
                    return Err(de::Error::custom(format!(
                        "the paragraph names `{key}` twice"
                    )));
                }
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        Ok(BodyParagraph {
            style,
            text: text.ok_or_else(|| de::Error::missing_field("text"))?,
        })
    }
}
