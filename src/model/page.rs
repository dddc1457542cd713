//! Pages and the frames placed on them: the geometry section of an edition.

use serde::{Deserialize, Serialize};

use super::{
    Color, FrameId, Length, PageId, PhotoId, Rect, SectionId, StoryId, StyleId, TemplateId,
};

/// One page of the edition. Its number is its position; its label comes from its section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: PageId,
    pub template: TemplateId,
    #[serde(default)]
    pub section: Option<SectionId>,
    /// Section name shown in the folio, e.g. "要闻" or "综合新闻".
    #[serde(default)]
    pub title: String,
    pub frames: Vec<Frame>,
}

/// A placed box on a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub id: FrameId,
    pub rect: Rect,
    pub kind: FrameKind,
    /// A locked frame cannot be moved, resized or deleted in the editor until unlocked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub locked: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Frame {
    /// An unlocked frame.
    pub fn new(id: FrameId, rect: Rect, kind: FrameKind) -> Self {
        Self {
            id,
            rect,
            kind,
            locked: false,
        }
    }
}

/// What a frame holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FrameKind {
    /// Body text of whichever story threads through this frame, in `columns` columns.
    Text {
        columns: u8,
        /// Space between the frame's columns; the template gutter when unset.
        #[serde(default)]
        gutter: Option<Length>,
        /// Share the text evenly between the columns instead of filling them in turn.
        #[serde(default)]
        balance: bool,
    },
    /// A story's kicker, headline, deck and byline, set across the frame.
    Headline { story: StoryId },
    /// A photo with its caption and credit below it.
    Photo {
        photo: PhotoId,
        /// The story whose caption and credit go under the photo.
        #[serde(default)]
        story: Option<StoryId>,
        #[serde(default)]
        fit: Fit,
        #[serde(default)]
        crop: Crop,
    },
    /// A straight line along the frame's longer side.
    Rule {
        weight: Length,
        #[serde(default)]
        color: Color,
    },
    /// A folio line with its own style (pages also get the template's folio).
    Folio { style: StyleId },
}

impl FrameKind {
    /// The story a headline or photo frame shows (text frames take theirs from threads).
    pub fn shown_story(&self) -> Option<&StoryId> {
        match self {
            Self::Headline { story } => Some(story),
            Self::Photo { story, .. } => story.as_ref(),
            _ => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Self::Text { .. } => "text",
            Self::Headline { .. } => "headline",
            Self::Photo { .. } => "photo",
            Self::Rule { .. } => "rule",
            Self::Folio { .. } => "folio",
        }
    }
}

/// How a photo fills its frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fit {
    /// Scale to cover the frame, cutting off what overhangs.
    #[default]
    Fill,
    /// Scale to fit inside the frame, leaving space.
    Fit,
}

/// Fractions of the source image cut off each side before fitting, 0.0–1.0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crop {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// A photo file used by the edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub id: PhotoId,
    /// Path relative to the layout file.
    pub path: String,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub credit: String,
}
