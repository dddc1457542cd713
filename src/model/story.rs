//! Stories: the content of an edition, kept apart from geometry so a text edit diffs as text.

use serde::{Deserialize, Serialize};

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
    #[serde(default)]
    pub paragraphs: Vec<String>,
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
}

impl Story {
    /// The body text as it would be read: paragraphs separated by newlines.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// Number of characters of body text, the unit copyfit counts in.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }
}
