//! The display list: everything a page shows, positioned in points from the trim's top-left
//! corner. The canvas, the PDF exporter, the raster renderer and the PDF-ready data export all
//! consume this one structure; its serialisation *is* the data export.

use serde::Serialize;

use crate::model::{Color, FrameId, PhotoId, Rect, StoryId};
use crate::text::{FontId, Glyph};

/// A point on the page, in points from the trim's top-left corner, y down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// One laid-out page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageLayout {
    /// Position of the page in the edition, 0-based.
    pub index: usize,
    /// The printed label: "1", "A5" …
    pub label: String,
    /// Trim size.
    pub width: f32,
    pub height: f32,
    /// Bleed beyond the trim on every side.
    pub bleed: f32,
    pub items: Vec<Item>,
}

/// What a text item is, so exporters and the editor can tell body from furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextRole {
    Kicker,
    Headline,
    Deck,
    Byline,
    Body,
    Caption,
    Credit,
    JumpTo,
    JumpFrom,
    Folio,
}

/// A drawable item.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Item {
    GlyphRun(PlacedRun),
    Image(ImageItem),
    Rule(RuleItem),
    Rect(RectItem),
    /// Invisible: where a frame is, for hit-testing and preflight overlays.
    Frame(FrameTag),
}

/// Shaped glyphs at a baseline origin.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlacedRun {
    pub font: FontId,
    pub size: f32,
    /// Horizontal scale of the glyph outlines (长/扁字), 1.0 = 100%. The advances below are
    /// already scaled; a renderer scales each outline by `size × scale` across and `size` up.
    pub scale: f32,
    pub color: Color,
    /// Origin of the first glyph on the baseline.
    pub origin: Point,
    /// Shared, so caching and copying a laid-out story costs a reference count.
    pub glyphs: std::sync::Arc<[Glyph]>,
    /// The characters shown; each glyph's `cluster` is a byte offset into it.
    pub text: std::sync::Arc<str>,
    pub role: TextRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryId>,
    pub frame: FrameId,
}

/// A photo placed in a clip rectangle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageItem {
    pub photo: PhotoId,
    /// The image file, as the layout names it.
    pub source: String,
    /// The part of the frame the image shows (the clip).
    pub clip: Rect,
    /// Where the whole (cropped) image lands; larger than `clip` when filling.
    pub placement: Rect,
    /// Source pixels kept after cropping: x, y, width, height.
    pub crop_px: [u32; 4],
    /// Pixels per inch as printed.
    pub effective_ppi: f32,
    /// The photo could not be read: exporters draw a placeholder.
    pub missing: bool,
    pub frame: FrameId,
}

/// A straight line with butt ends. A double rule (文武线) is two of these side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleItem {
    pub from: Point,
    pub to: Point,
    pub width: f32,
    pub color: Color,
    /// Dashes along the line, starting with a dash at `from`; none for a continuous line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dash: Option<Dash>,
}

/// A dash pattern: `on` points drawn, `off` points left, repeated from the path's start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Dash {
    pub on: f32,
    pub off: f32,
}

/// A filled and/or stroked rectangle. The stroke is centred on the rectangle's edge, with
/// mitred corners.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RectItem {
    pub rect: Rect,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fill: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stroke: Option<(Color, f32)>,
    /// Dashes along the stroke, starting at the top-left corner, clockwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dash: Option<Dash>,
}

/// Where a frame sits and what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameTag {
    pub frame: FrameId,
    pub rect: Rect,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryId>,
}

impl PageLayout {
    /// The glyph runs of the page in display-list order.
    pub fn runs(&self) -> impl Iterator<Item = &PlacedRun> {
        self.items.iter().filter_map(|i| match i {
            Item::GlyphRun(r) => Some(r),
            _ => None,
        })
    }
}
