//! Pages and the frames placed on them: the geometry section of an edition.

use serde::{Deserialize, Serialize};

use super::{
    Color, Crop, FrameId, Length, PageId, PageStatus, PhotoId, Rect, SectionId, StoryId, StyleId,
    TemplateId,
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
    /// 编辑中 → 待审 → 已签发; left out of the file while the page is being edited.
    #[serde(default, skip_serializing_if = "PageStatus::is_editing")]
    pub status: PageStatus,
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
    /// Text wrap (图文互斥): body text of other text frames flows around this frame's
    /// rectangle grown by the wrap's offset. None: text runs under the frame as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrap: Option<Wrap>,
    /// Vertical setting (竖排) for a headline or text frame: lines become columns read top to
    /// bottom, the first at the frame's right. Other kinds of frame cannot have it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vertical: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Frame {
    /// An unlocked frame without wrap.
    pub fn new(id: FrameId, rect: Rect, kind: FrameKind) -> Self {
        Self {
            id,
            rect,
            kind,
            locked: false,
            wrap: None,
            vertical: false,
        }
    }

    /// True when the frame sets its text in vertical columns (竖排). Only headline and text
    /// frames can; [`Frame::check`] refuses it on any other.
    pub fn is_vertical(&self) -> bool {
        self.vertical && self.kind.can_be_vertical()
    }

    /// Checks the values a file or an edit can get wrong: the rectangle finite and within
    /// ±[`MAX_FRAME_PT`] (10 m), weights positive, finite and at most [`MAX_WEIGHT_PT`] (a NaN
    /// or negative line width must never reach the PDF writer), insets, gutters and wrap
    /// offsets finite, not negative and at most 10 m, at most [`MAX_FRAME_COLUMNS`] columns,
    /// CMYK percentages at most 100, vertical setting on headline and text frames only.
    pub fn check(&self) -> Result<(), FrameProblem> {
        self.check_rect()?;
        if self.vertical && !self.kind.can_be_vertical() {
            return Err(FrameProblem {
                message: format!(
                    "only headline and text frames can be vertical, not a {} frame",
                    self.kind.name()
                ),
                field: "vertical",
            });
        }
        let weight = |w: &Length, field: &'static str, what: &str| {
            let v = w.pt().0;
            if v.is_finite() && v > 0.0 && v <= MAX_WEIGHT_PT {
                Ok(())
            } else {
                Err(FrameProblem {
                    message: format!(
                        "{what} must be a positive, finite length of at most {MAX_WEIGHT_PT} pt, not {w}"
                    ),
                    field,
                })
            }
        };
        let distance = |l: &Option<Length>, field: &'static str, what: &str| match l {
            Some(l) if !(l.pt().0.is_finite() && (0.0..=MAX_FRAME_PT).contains(&l.pt().0)) => {
                Err(FrameProblem {
                    message: format!(
                        "{what} must be a length of 0 to 10 m ({MAX_FRAME_PT:.0} pt), not {l}"
                    ),
                    field,
                })
            }
            _ => Ok(()),
        };
        let color = |c: &Option<Color>, field: &'static str| match c {
            Some(Color::Cmyk(c, m, y, k)) if [c, m, y, k].iter().any(|v| **v > 100) => {
                Err(FrameProblem {
                    message: format!(
                        "the {field} colour Cmyk({c}, {m}, {y}, {k}) has a percentage over 100"
                    ),
                    field,
                })
            }
            _ => Ok(()),
        };
        match &self.kind {
            FrameKind::Rule {
                weight: w,
                color: c,
                ..
            } => {
                weight(w, "weight", "the rule's weight")?;
                color(&Some(*c), "color")?;
            }
            FrameKind::Box { fill, stroke } => {
                color(fill, "fill")?;
                if let Some(s) = stroke {
                    weight(&s.weight, "weight", "the box's border weight")?;
                    color(&Some(s.color), "color")?;
                }
            }
            FrameKind::Text {
                tint,
                inset,
                columns,
                gutter,
                ..
            } => {
                if *columns > MAX_FRAME_COLUMNS {
                    return Err(FrameProblem {
                        message: format!(
                            "a text frame has at most {MAX_FRAME_COLUMNS} columns, not {columns}"
                        ),
                        field: "columns",
                    });
                }
                color(tint, "tint")?;
                distance(inset, "inset", "the text inset")?;
                distance(gutter, "gutter", "the gutter")?;
            }
            FrameKind::Headline { tint, inset, .. } => {
                color(tint, "tint")?;
                distance(inset, "inset", "the text inset")?;
            }
            FrameKind::Photo { crop, .. } if !crop.is_valid() => {
                return Err(FrameProblem {
                    message: format!(
                        "the crop must take 0 to 1 of each side and keep at least {}% of the photo each way, not left {}, top {}, right {}, bottom {}",
                        Crop::MIN_KEEP * 100.0,
                        crop.left,
                        crop.top,
                        crop.right,
                        crop.bottom
                    ),
                    field: "crop",
                });
            }
            FrameKind::Photo { caption_beside, .. } => {
                distance(caption_beside, "caption_beside", "the caption column")?;
            }
            FrameKind::Folio { .. } => {}
        }
        distance(&self.wrap.map(|w| w.offset), "offset", "the wrap offset")
    }

    /// The rectangle: position within ±10 m of the page's corner, size positive and at most
    /// 10 m, every value finite, so no layout, raster or PDF arithmetic meets an infinity.
    fn check_rect(&self) -> Result<(), FrameProblem> {
        let r = self.rect;
        let limit = MAX_FRAME_PT;
        for (field, v, min) in [
            ("x", r.x.0, -limit),
            ("y", r.y.0, -limit),
            ("w", r.w.0, 0.0),
            ("h", r.h.0, 0.0),
        ] {
            let size = min == 0.0;
            let ok = v.is_finite() && v <= limit && if size { v > 0.0 } else { v >= min };
            if !ok {
                let range = if size {
                    format!("more than 0 and at most 10 m ({limit:.0} pt)")
                } else {
                    format!("within ±10 m (±{limit:.0} pt)")
                };
                return Err(FrameProblem {
                    message: format!("{field} must be {range}, not {v}"),
                    field,
                });
            }
        }
        Ok(())
    }

    /// Where the frame's text is set: its rectangle inset by its backdrop's inset (text and
    /// headline frames), never narrower or shorter than 1 pt.
    pub fn text_rect(&self) -> Rect {
        let (_, inset) = self.kind.backdrop();
        let r = self.rect;
        let (w, h) = (
            (r.w.0 - 2.0 * inset).max(1.0),
            (r.h.0 - 2.0 * inset).max(1.0),
        );
        Rect::new(r.x.0 + inset, r.y.0 + inset, w, h)
    }

    /// The rectangle text keeps out of when this frame wraps: its own grown by the offset on
    /// every side. None when the frame does not wrap.
    pub fn wrap_rect(&self) -> Option<Rect> {
        let offset = self.wrap?.offset.pt().0.max(0.0);
        let r = self.rect;
        Some(Rect::new(
            r.x.0 - offset,
            r.y.0 - offset,
            r.w.0 + 2.0 * offset,
            r.h.0 + 2.0 * offset,
        ))
    }
}

/// How far a frame may reach from the page's corner, and how large it may be: 10 m.
pub const MAX_FRAME_PT: f32 = 10_000.0 * 72.0 / 25.4;

/// The heaviest rule or border: 1000 pt (35 cm), far past any printed rule.
pub const MAX_WEIGHT_PT: f32 = 1000.0;

/// The most columns a text frame may have.
pub const MAX_FRAME_COLUMNS: u8 = 64;

/// Why a frame's values are unusable: the message and the field at fault.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct FrameProblem {
    pub message: String,
    /// The field to point at in a file (`weight`, `inset` …).
    pub field: &'static str,
}

/// How a frame pushes body text out of the text frames it overlaps (图文互斥). In every column
/// the wrap rectangle crosses, lines whose grid band meets it are skipped, or set shorter when
/// the rectangle covers one side of the column only and at least [`MIN_WRAP_CHARS`] 字 remain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wrap {
    /// Space kept between the frame's edges and the text, on every side.
    #[serde(default)]
    pub offset: Length,
}

/// The narrowest piece of a column, in 字 (body ems), that a wrap may leave for text beside it.
/// Narrower pieces are left empty (preflight warns), since two or three characters a line
/// read as a ragged ladder.
pub const MIN_WRAP_CHARS: f32 = 3.0;

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
        /// Background tint (底纹) filling the whole frame, e.g. `Cmyk(0, 0, 0, 10)`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tint: Option<Color>,
        /// Space between the frame's edges and its text on every side (for text on a tint).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inset: Option<Length>,
    },
    /// A story's kicker, headline, deck and byline, set across the frame.
    Headline {
        story: StoryId,
        /// Background tint (底纹) filling the whole frame.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tint: Option<Color>,
        /// Space between the frame's edges and its text on every side.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inset: Option<Length>,
    },
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
        /// Set the caption and credit in a column this wide beside the image, at its right
        /// (图片新闻), instead of under it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption_beside: Option<Length>,
    },
    /// A straight line along the frame's longer side, centred across the shorter one.
    Rule {
        /// Line weight; for a double rule, the thick line's (see [`RuleStyle`]).
        weight: Length,
        #[serde(default)]
        color: Color,
        #[serde(default, skip_serializing_if = "RuleStyle::is_solid")]
        style: RuleStyle,
    },
    /// A rectangle (方框): an optional tint fill (底纹) and an optional border, square corners.
    /// Boxes are painted beneath the page's text, photos and rules.
    Box {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fill: Option<Color>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stroke: Option<Stroke>,
    },
    /// A folio line with its own style (pages also get the template's folio).
    Folio { style: StyleId },
}

/// How a rule or a box border is drawn. Proportions follow the weight `w`:
/// - `Dashed`: dashes `4w` long with `2w` gaps (at least 2 pt and 1 pt, so hairlines show
///   dashes), butt ends;
/// - `Dotted`: square dots `w` long with `w` gaps (at least 1 pt), butt ends;
/// - `ThickThin` (文武线): a thick line of `w` and a thin line of `w/3` side by side with a gap
///   of `w/2`, `11w/6` across in all, centred on the rule's line. The thick line is on top of
///   a horizontal rule and left of a vertical one; on a box border, outside. `ThinThick` is
///   the mirror image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RuleStyle {
    #[default]
    Solid,
    Dashed,
    Dotted,
    ThickThin,
    ThinThick,
}

impl RuleStyle {
    /// Every style, in menu order.
    pub const ALL: [RuleStyle; 5] = [
        Self::Solid,
        Self::Dashed,
        Self::Dotted,
        Self::ThickThin,
        Self::ThinThick,
    ];

    /// True for the default, which files leave unwritten.
    pub fn is_solid(&self) -> bool {
        *self == Self::Solid
    }

    /// Dash and gap lengths for a line of `weight`, or None for a continuous line.
    pub fn dash(self, weight: f32) -> Option<(f32, f32)> {
        match self {
            Self::Dashed => Some(((4.0 * weight).max(2.0), (2.0 * weight).max(1.0))),
            Self::Dotted => Some((weight, weight.max(1.0))),
            Self::Solid | Self::ThickThin | Self::ThinThick => None,
        }
    }

    /// The lines a rule of `weight` is drawn as, across its direction: `(offset, weight)` of
    /// each line's centre from the rule's centre line, first the top (or left) one.
    pub fn lines(self, weight: f32) -> Vec<(f32, f32)> {
        let (thick, thin, gap) = (weight, weight / 3.0, weight / 2.0);
        let total = thick + gap + thin;
        // The pair is centred on the rule's line: its top edge is at -total/2.
        let first = |w: f32| -total / 2.0 + w / 2.0;
        let second = |w: f32| total / 2.0 - w / 2.0;
        match self {
            Self::ThickThin => vec![(first(thick), thick), (second(thin), thin)],
            Self::ThinThick => vec![(first(thin), thin), (second(thick), thick)],
            Self::Solid | Self::Dashed | Self::Dotted => vec![(0.0, weight)],
        }
    }
}

/// A box's border: drawn inside the frame, its outer edge on the frame's edge.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stroke {
    pub weight: Length,
    #[serde(default)]
    pub color: Color,
    #[serde(default, skip_serializing_if = "RuleStyle::is_solid")]
    pub style: RuleStyle,
}

impl FrameKind {
    /// The story a headline or photo frame shows (text frames take theirs from threads).
    pub fn shown_story(&self) -> Option<&StoryId> {
        match self {
            Self::Headline { story, .. } => Some(story),
            Self::Photo { story, .. } => story.as_ref(),
            _ => None,
        }
    }

    /// True for the kinds that can set their text vertically (竖排): headline and text.
    pub fn can_be_vertical(&self) -> bool {
        matches!(self, Self::Headline { .. } | Self::Text { .. })
    }

    /// The kind's name in messages and the data export.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text { .. } => "text",
            Self::Headline { .. } => "headline",
            Self::Photo { .. } => "photo",
            Self::Rule { .. } => "rule",
            Self::Box { .. } => "box",
            Self::Folio { .. } => "folio",
        }
    }

    /// A frame's tint (底纹) and text inset in points: text and headline frames have them,
    /// others none.
    pub fn backdrop(&self) -> (Option<Color>, f32) {
        match self {
            Self::Text { tint, inset, .. } | Self::Headline { tint, inset, .. } => {
                (*tint, inset.map_or(0.0, |i| i.pt().0.max(0.0)))
            }
            _ => (None, 0.0),
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
    /// Scale to the frame's width: a tall photo is cut at the foot, a wide one leaves space
    /// under it (where the caption then follows).
    FitWidth,
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
