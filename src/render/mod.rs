//! A CPU raster renderer for the display list: reference-image tests, thumbnails and PNG export.
//! Deterministic: the same page gives the same pixels. Glyphs are filled from their outlines,
//! so what it shows is our glyph ids at our positions, exactly what the PDF carries.

use std::collections::HashMap;

use skrifa::MetadataProvider as _;
use skrifa::outline::{DrawSettings, OutlinePen};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::layout::{Item, PageLayout};
use std::sync::Arc;

use crate::model::Color;
use crate::resources::{Resources, decode_photo};
use crate::text::FontId;

/// Collects a glyph outline into a tiny-skia path, in font units scaled to 1 em = 1.
struct PathPen(PathBuilder);

impl OutlinePen for PathPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, -y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, -y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, -cy0, x, -y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, -cy0, cx1, -cy1, x, -y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// The widest or tallest image the renderer draws, in pixels.
pub const MAX_SIDE_PX: u32 = 20_000;

/// The most pixels one image may have: 150 million, 600 MB of RGBA. A 对开 page (390 × 550 mm)
/// fits up to about 680 dpi.
pub const MAX_PIXELS: u64 = 150_000_000;

/// Why a page cannot be rendered at the scale asked for.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RasterError {
    #[error("the resolution must be a positive, finite number, not {0}")]
    BadScale(f32),
    #[error(
        "the image would be {width} × {height} pixels; the most is {MAX_SIDE_PX} pixels a side and {} million pixels in all",
        MAX_PIXELS / 1_000_000
    )]
    TooLarge { width: f64, height: f64 },
}

/// The size in pixels of a `w` × `h` point area drawn at `scale` pixels per point, refused
/// when the scale is not a positive finite number or the image would be larger than
/// [`MAX_SIDE_PX`] a side or [`MAX_PIXELS`] in all.
pub fn raster_size(w: f32, h: f32, scale: f32) -> Result<(u32, u32), RasterError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RasterError::BadScale(scale));
    }
    // In f64 so that no product overflows before it is compared.
    let px = |v: f32| (f64::from(v) * f64::from(scale)).ceil().max(1.0);
    let (width, height) = (px(w), px(h));
    let side = f64::from(MAX_SIDE_PX);
    if !(width <= side && height <= side && width * height <= MAX_PIXELS as f64) {
        return Err(RasterError::TooLarge { width, height });
    }
    Ok((width as u32, height as u32))
}

/// The largest scale not above `scale` at which a `w` × `h` point area fits the raster limits
/// (1 pixel per point when `scale` is not usable at all).
fn fitting_scale(w: f32, h: f32, scale: f32) -> f32 {
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let (w, h) = (w.max(1.0), h.max(1.0));
    let side = MAX_SIDE_PX as f32 - 1.0;
    let budget = ((MAX_PIXELS as f64) / f64::from(w) / f64::from(h)).sqrt() as f32 * 0.999;
    scale.min(side / w).min(side / h).min(budget)
}

/// Renders pages, remembering glyph outlines and decoded photos between pages.
pub struct Renderer {
    /// Fonts and photos.
    resources: Arc<dyn Resources>,
    glyphs: HashMap<(FontId, u16), Option<tiny_skia::Path>>,
    images: HashMap<String, Option<Pixmap>>,
    /// Which colours print over what is under them (叠印), as the press PDF sets them.
    press: crate::model::PressSettings,
}

impl Renderer {
    /// A colour's paint. One the press overprints is multiplied into what is under it, the
    /// way its ink adds to the other inks on paper: black type on a tint box or a photo
    /// shows what the plant prints, with no white around it.
    fn paint(&self, color: Color) -> Paint<'static> {
        let [r, g, b] = color.to_rgb();
        let mut p = Paint::default();
        p.set_color_rgba8(r, g, b, 255);
        p.anti_alias = true;
        if self.press.overprints(color) {
            p.blend_mode = tiny_skia::BlendMode::Multiply;
        }
        p
    }

    /// Draws overprinting colours as the house's press settings say (the default: 100% K
    /// overprints).
    pub fn set_press(&mut self, press: crate::model::PressSettings) {
        self.press = press;
    }
}

/// A stroke of `width` with butt ends and mitred corners (the PDF's defaults too), dashed when
/// asked; None for a width or dash nothing can draw.
fn stroke(width: f32, dash: Option<crate::layout::Dash>) -> Option<Stroke> {
    if !(width.is_finite() && width > 0.0) {
        return None;
    }
    let dash = match dash {
        Some(d) => Some(tiny_skia::StrokeDash::new(vec![d.on, d.off], 0.0)?),
        None => None,
    };
    Some(Stroke {
        width,
        dash,
        ..Stroke::default()
    })
}

/// Strokes `path`. tiny-skia draws lines under a pixel wide as hairlines, which ignore their
/// anti-aliasing coverage under any blend mode but source-over (they came out solid black), so
/// an overprinting line that thin is drawn over what is under it instead: at that size the
/// difference cannot be seen, and the line keeps the weight it always had on screen.
fn stroke_path(
    pm: &mut Pixmap,
    path: &tiny_skia::Path,
    paint: &Paint,
    stroke: &Stroke,
    (tf, scale): (Transform, f32),
) {
    if paint.blend_mode != tiny_skia::BlendMode::SourceOver && stroke.width * scale < 1.0 {
        let plain = Paint {
            blend_mode: tiny_skia::BlendMode::SourceOver,
            ..paint.clone()
        };
        pm.stroke_path(path, &plain, stroke, tf, None);
    } else {
        pm.stroke_path(path, paint, stroke, tf, None);
    }
}

/// True when `run` lies wholly above or below the band `y0..y0 + h`. A horizontal run is
/// judged by its baseline alone (cheap, and most runs are); a column by its whole length.
fn outside(run: &crate::layout::PlacedRun, y0: f32, h: f32) -> bool {
    let (top, bottom) = if run.direction.is_horizontal() {
        (run.origin.y - run.size, run.origin.y + run.size)
    } else {
        let b = run.bounds();
        (b.y.0 - run.size, b.bottom().0 + run.size)
    };
    bottom < y0 || top > y0 + h
}

impl Renderer {
    pub fn new(resources: Arc<dyn Resources>) -> Self {
        Self {
            resources,
            glyphs: HashMap::new(),
            images: HashMap::new(),
            press: crate::model::PressSettings::default(),
        }
    }

    fn outline(&mut self, font: FontId, glyph: u16) -> Option<&tiny_skia::Path> {
        let book = self.resources.fonts();
        self.glyphs
            .entry((font, glyph))
            .or_insert_with(|| {
                let face = book.face(font);
                let outlines = face.font_ref().outline_glyphs();
                let g = outlines.get(skrifa::GlyphId::new(u32::from(glyph)))?;
                let mut pen = PathPen(PathBuilder::new());
                let settings = DrawSettings::unhinted(
                    skrifa::instance::Size::new(1.0),
                    skrifa::instance::LocationRef::default(),
                );
                g.draw(settings, &mut pen).ok()?;
                pen.0.finish()
            })
            .as_ref()
    }

    fn image(&mut self, source: &str) -> Option<&Pixmap> {
        let resources = &self.resources;
        self.images
            .entry(source.to_owned())
            .or_insert_with(|| {
                let data = resources.photo(source).ok()?;
                let rgba = decode_photo(&data, source).ok()?.to_rgba8();
                let (w, h) = rgba.dimensions();
                let mut pm = Pixmap::new(w, h)?;
                for (dst, src) in pm.pixels_mut().iter_mut().zip(rgba.pixels()) {
                    *dst =
                        tiny_skia::ColorU8::from_rgba(src[0], src[1], src[2], src[3]).premultiply();
                }
                Some(pm)
            })
            .as_ref()
    }

    /// Draws `page` at `scale` pixels per point, on white, trim only. A scale that would make
    /// the image larger than the raster limits is lowered to fit them; [`Self::try_render`]
    /// refuses instead.
    pub fn render(&mut self, page: &PageLayout, scale: f32) -> Pixmap {
        self.render_region(page, scale, [0.0, 0.0, page.width, page.height])
    }

    /// Draws `page` at exactly `scale` pixels per point, or says why it cannot.
    pub fn try_render(&mut self, page: &PageLayout, scale: f32) -> Result<Pixmap, RasterError> {
        raster_size(page.width, page.height, scale)?;
        Ok(self.render(page, scale))
    }

    /// Draws the part `[x, y, w, h]` (points) of `page` at `scale` pixels per point: what the
    /// editor shows when the whole page at that scale would be too large an image. The scale
    /// is lowered when the image would exceed the raster limits.
    pub fn render_region(&mut self, page: &PageLayout, scale: f32, region: [f32; 4]) -> Pixmap {
        let [x0, y0, rw, rh] = region;
        let scale = fitting_scale(rw, rh, scale);
        let w = ((rw * scale).ceil() as u32).clamp(1, MAX_SIDE_PX);
        let h = ((rh * scale).ceil() as u32).clamp(1, MAX_SIDE_PX);
        // 1 to 20,000 pixels a side: 4 bytes a pixel stay below tiny-skia's i32 stride limit.
        let mut pm = Pixmap::new(w, h).expect("a size within the raster limits is valid");
        pm.fill(tiny_skia::Color::WHITE);
        let offset = (x0 * scale, y0 * scale);
        let page_tf = Transform::from_scale(scale, scale).post_translate(-offset.0, -offset.1);
        for item in &page.items {
            match item {
                // Lines wholly above or below the region cost nothing.
                Item::GlyphRun(run) if outside(run, y0, rh) => {}
                Item::GlyphRun(run) => {
                    let p = self.paint(run.color);
                    for (at, g) in run.glyph_origins() {
                        if let Some(path) = self.outline(run.font, g.id) {
                            // The run says how the outline stands: scaled by the size (长/扁字
                            // across by the horizontal scale), turned in a sideways run.
                            let [a, b, c, d, e, f] = run.outline_transform(at);
                            let tf = Transform::from_row(a, b, c, d, e, f).post_concat(page_tf);
                            pm.fill_path(path, &p, FillRule::Winding, tf, None);
                        }
                    }
                }
                Item::Rule(r) => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(r.from.x, r.from.y);
                    pb.line_to(r.to.x, r.to.y);
                    if let (Some(path), Some(stroke)) = (pb.finish(), stroke(r.width, r.dash)) {
                        let p = self.paint(r.color);
                        stroke_path(&mut pm, &path, &p, &stroke, (page_tf, scale));
                    }
                }
                Item::Rect(r) => {
                    let Some(rect) =
                        tiny_skia::Rect::from_xywh(r.rect.x.0, r.rect.y.0, r.rect.w.0, r.rect.h.0)
                    else {
                        continue;
                    };
                    if let Some(fill) = r.fill {
                        pm.fill_rect(rect, &self.paint(fill), page_tf, None);
                    }
                    if let Some((color, width)) = r.stroke
                        && let Some(stroke) = stroke(width, r.dash)
                    {
                        let path = PathBuilder::from_rect(rect);
                        let p = self.paint(color);
                        stroke_path(&mut pm, &path, &p, &stroke, (page_tf, scale));
                    }
                }
                Item::Image(img) => self.draw_image(&mut pm, img, page_tf, scale, offset),
                Item::Frame(_) => {}
            }
        }
        pm
    }

    fn draw_image(
        &mut self,
        pm: &mut Pixmap,
        img: &crate::layout::ImageItem,
        page_tf: Transform,
        scale: f32,
        offset: (f32, f32),
    ) {
        if img.missing {
            return; // the layout adds a placeholder rectangle
        }
        let Some(src) = self.image(&img.source).cloned() else {
            return;
        };
        let [cx, cy, cw, ch] = img.crop_px.map(|v| v as f32);
        let sx = img.placement.w.0 / cw;
        let sy = img.placement.h.0 / ch;
        let tf = Transform::from_translate(-cx, -cy)
            .post_scale(sx, sy)
            .post_translate(img.placement.x.0, img.placement.y.0)
            .post_concat(page_tf);
        let pattern = tiny_skia::Pattern::new(
            src.as_ref(),
            tiny_skia::SpreadMode::Pad,
            tiny_skia::FilterQuality::Bilinear,
            1.0,
            tf,
        );
        let paint = Paint {
            shader: pattern,
            anti_alias: false,
            ..Paint::default()
        };
        // Only where the image is: the pattern pads its edge pixels outwards, so filling the
        // whole clip would smear them into the space a fitted photo leaves (the PDF shows
        // white there).
        let Some(shown) = img.clip.intersection(&img.placement) else {
            return;
        };
        if let Some(rect) = tiny_skia::Rect::from_xywh(
            shown.x.0 * scale - offset.0,
            shown.y.0 * scale - offset.1,
            shown.w.0 * scale,
            shown.h.0 * scale,
        ) {
            pm.fill_rect(rect, &paint, Transform::identity(), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::{Assets, Origin};

    /// The editor's infallible `render` never panics or allocates past the limits, whatever
    /// the scale; `try_render` refuses what is past them.
    #[test]
    fn an_infinite_or_huge_scale_panicked_in_the_renderer() {
        let edition = crate::bundle::sample();
        let assets = Arc::new(Assets::bundled(Origin::Bundled));
        let laid = crate::layout::layout(&edition, &*assets);
        let page = &laid.pages[0];
        let mut r = Renderer::new(assets);
        for scale in [f32::INFINITY, 1e9, f32::NAN, -1.0, 0.0] {
            assert!(r.try_render(page, scale).is_err(), "{scale}");
        }
        // Not 1e9 here: that renders a whole 150-million-pixel page (600 MB) to prove the cap.
        for scale in [f32::INFINITY, f32::NAN] {
            let pm = r.render(page, scale);
            assert!(pm.width() <= MAX_SIDE_PX && pm.height() <= MAX_SIDE_PX);
            assert!(u64::from(pm.width()) * u64::from(pm.height()) <= MAX_PIXELS);
        }
    }

    /// A region rendered on its own matches the same part of the whole page: what the editor
    /// shows zoomed in is what it shows zoomed out.
    #[test]
    fn a_region_matches_the_same_part_of_the_whole_page() {
        let edition = crate::bundle::sample();
        let assets = Arc::new(Assets::bundled(Origin::Bundled));
        let laid = crate::layout::layout(&edition, &*assets);
        let page = &laid.pages[0];
        let mut r = Renderer::new(assets);
        let scale = 0.5;
        let whole = r.render(page, scale);
        // Covers body text and the photo; offsets are whole pixels at this scale.
        let [x, y, w, h] = [40.0, 300.0, 400.0, 360.0];
        let part = r.render_region(page, scale, [x, y, w, h]);
        assert_eq!((part.width(), part.height()), (200, 180));
        let (ox, oy) = ((x * scale) as u32, (y * scale) as u32);
        let mut differ = 0;
        for py in 0..part.height() {
            for px in 0..part.width() {
                let a = part.pixel(px, py).unwrap();
                let b = whole.pixel(px + ox, py + oy).unwrap();
                let d = [
                    a.red().abs_diff(b.red()),
                    a.green().abs_diff(b.green()),
                    a.blue().abs_diff(b.blue()),
                ];
                if d.into_iter().max().unwrap() > 2 {
                    differ += 1;
                }
            }
        }
        let ink = (0..part.height())
            .flat_map(|py| (0..part.width()).map(move |px| (px, py)))
            .filter(|&(px, py)| part.pixel(px, py).unwrap().red() < 128)
            .count();
        assert!(
            ink > 1000,
            "the region has text and photo ({ink} dark pixels)"
        );
        assert!(
            differ * 1000 < (part.width() * part.height()) as usize,
            "{differ} pixels differ"
        );
    }

    /// A page of two boxes: a red tint box, and a 100% K box over half of it.
    fn black_over_red() -> PageLayout {
        let rect = |x: f32, fill: Color| {
            Item::Rect(crate::layout::RectItem {
                rect: crate::model::Rect::new(x, 0.0, 20.0, 20.0),
                fill: Some(fill),
                stroke: None,
                dash: None,
            })
        };
        PageLayout {
            index: 0,
            label: "1".into(),
            width: 40.0,
            height: 20.0,
            bleed: 0.0,
            status: Default::default(),
            items: vec![
                rect(0.0, Color::Cmyk(0, 60, 60, 0)),
                rect(10.0, Color::BLACK),
            ],
        }
    }

    /// Black over a tint box prints as the box's ink plus black, not as black on white paper:
    /// the canvas shows the red under the black, as the plant's press will.
    #[test]
    fn black_overprinting_a_tint_box_shows_the_box_through_and_knocks_out_when_off() {
        let assets = Arc::new(Assets::bundled(Origin::Bundled));
        let mut r = Renderer::new(assets);
        let page = black_over_red();
        let [br, bg, bb] = Color::BLACK.to_rgb();
        let [rr, rg, rb] = Color::Cmyk(0, 60, 60, 0).to_rgb();
        let multiplied = |a: u8, b: u8| (u16::from(a) * u16::from(b) / 255) as u8;
        let over = r.render(&page, 1.0).pixel(15, 10).unwrap();
        let want = [multiplied(br, rr), multiplied(bg, rg), multiplied(bb, rb)];
        let got = [over.red(), over.green(), over.blue()];
        assert!(
            got.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 2),
            "overprinted: {got:?}, want {want:?}"
        );
        // On white paper the black is the same either way.
        let alone = r.render(&page, 1.0).pixel(25, 10).unwrap();
        assert_eq!([alone.red(), alone.green(), alone.blue()], [br, bg, bb]);
        r.set_press(crate::model::PressSettings {
            overprint_black: false,
            ..Default::default()
        });
        let knocked = r.render(&page, 1.0).pixel(15, 10).unwrap();
        assert_eq!(
            [knocked.red(), knocked.green(), knocked.blue()],
            [br, bg, bb]
        );
    }
}
