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
    /// 编辑中 / 待审 / 已签发, as the edition has it: the PDF-ready data tells the plant.
    pub status: crate::model::PageStatus,
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
    /// Which way the pen moves and how the outlines stand: left to right (omitted from the
    /// data export), or down a column (竖排) upright or turned sideways.
    #[serde(skip_serializing_if = "RunDirection::is_horizontal")]
    pub direction: RunDirection,
}

/// Which way a run's pen moves and how its glyphs stand. Every consumer places glyphs through
/// [`PlacedRun::glyph_origins`] and draws each outline through [`PlacedRun::outline_transform`],
/// so the canvas, the raster renderer and the PDF agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunDirection {
    /// The pen starts at `origin` on the baseline and moves right by each advance; glyph *i*
    /// is drawn at `pen + (x_offset, y_offset)`.
    #[default]
    Horizontal,
    /// Upright glyphs down a column: the pen starts at `origin`, on the column's centre line at
    /// the top of the first glyph's cell, and moves down by each advance (a vertical advance,
    /// from the font's `vmtx`). Glyph *i*, upright, has its horizontal origin at
    /// `pen + (x_offset, y_offset)`: the offsets come from shaping top to bottom and take the
    /// pen from the column's centre to where the glyph's baseline origin is.
    Vertical,
    /// A horizontal run turned 90° clockwise about `origin` (Latin words and long numbers in a
    /// column): laid out as a horizontal run from `origin`, then rotated, so the pen moves down
    /// the page and the tops of the letters face right.
    Rotated,
}

impl RunDirection {
    /// True for the usual direction, which the data export leaves unwritten.
    pub fn is_horizontal(&self) -> bool {
        *self == Self::Horizontal
    }
}

impl PlacedRun {
    /// Each glyph with the page point its outline's origin is drawn at (the horizontal origin
    /// on its baseline), in order.
    pub fn glyph_origins(&self) -> impl Iterator<Item = (Point, &Glyph)> {
        let (o, direction) = (self.origin, self.direction);
        // The pen starts at the origin's coordinate along the run and sums advances from
        // there: renderers anti-alias to a sixteenth of a pixel, so even the order of the
        // additions shows.
        let mut pen = if direction.is_horizontal() { o.x } else { o.y };
        self.glyphs.iter().map(move |g| {
            let at = match direction {
                RunDirection::Horizontal => Point {
                    x: pen + g.x_offset,
                    y: o.y + g.y_offset,
                },
                RunDirection::Vertical => Point {
                    x: o.x + g.x_offset,
                    y: pen + g.y_offset,
                },
                // (x, y) along and across the run becomes (-y, x) on the page: a quarter turn
                // clockwise with y pointing down.
                RunDirection::Rotated => Point {
                    x: o.x - g.y_offset,
                    y: pen + g.x_offset,
                },
            };
            pen += g.advance;
            (at, g)
        })
    }

    /// The affine map `[a, b, c, d, e, f]` (x' = a·x + c·y + e, y' = b·x + d·y + f) from a
    /// glyph outline in ems, y down, to the page, for a glyph whose origin is at `at`: scaled
    /// by the size (and the horizontal scale across), and turned a quarter clockwise in a
    /// rotated run.
    pub fn outline_transform(&self, at: Point) -> [f32; 6] {
        let (sx, sy) = (self.size * self.scale, self.size);
        match self.direction {
            RunDirection::Horizontal | RunDirection::Vertical => [sx, 0.0, 0.0, sy, at.x, at.y],
            RunDirection::Rotated => [0.0, sx, -sy, 0.0, at.x, at.y],
        }
    }

    /// Each glyph's em box on the page (what a missing glyph's red box outlines, and what a
    /// test checks positions with): one em across the line and its advance along it, from
    /// the CJK ascent above the baseline.
    pub fn glyph_boxes(&self) -> impl Iterator<Item = (Rect, &Glyph)> {
        let s = self.size;
        let ascent = super::setting::BASELINE_EM * s;
        self.glyph_origins().map(move |(at, g)| {
            // Back from the glyph's origin to its pen position, then the cell around the pen.
            let r = match self.direction {
                RunDirection::Horizontal => {
                    Rect::new(at.x - g.x_offset, at.y - g.y_offset - ascent, g.advance, s)
                }
                // The pen is on the column's centre line at the top of the glyph's cell.
                RunDirection::Vertical => {
                    Rect::new(at.x - g.x_offset - s / 2.0, at.y - g.y_offset, s, g.advance)
                }
                // The baseline runs down the page; the letters' tops face right.
                RunDirection::Rotated => Rect::new(
                    at.x + g.y_offset - (s - ascent),
                    at.y - g.x_offset,
                    s,
                    g.advance,
                ),
            };
            (r, g)
        })
    }

    /// The area the run covers on the page: the union of its glyphs' em boxes (an empty box at
    /// the origin for a run without glyphs).
    pub fn bounds(&self) -> Rect {
        let mut b: Option<(f32, f32, f32, f32)> = None;
        for (r, _) in self.glyph_boxes() {
            let (x0, y0, x1, y1) = (r.x.0, r.y.0, r.right().0, r.bottom().0);
            b = Some(match b {
                None => (x0, y0, x1, y1),
                Some((a, b2, c, d)) => (a.min(x0), b2.min(y0), c.max(x1), d.max(y1)),
            });
        }
        let (x0, y0, x1, y1) =
            b.unwrap_or((self.origin.x, self.origin.y, self.origin.x, self.origin.y));
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
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
