//! Print PDF from the display list, through krilla: fonts embedded as subsets with ToUnicode
//! maps, TrimBox and BleedBox, optional crop marks and PDF/A-2b.
//!
//! Two kinds: the press PDF for the printing plant (photos separated into newsprint CMYK
//! within the ink limit, black overprinting, optionally PDF/X-4; see [`super::press`]) and the
//! proof PDF for screens (photos passed through as they are, JPEGs byte for byte).
//! Deterministic: no timestamps, so the same layout gives the same bytes.

use std::collections::HashMap;
use std::num::NonZeroU32;

use krilla::blend::BlendMode;
use krilla::color::{cmyk, rgb};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect as KRect, Transform};
use krilla::metadata::Metadata;
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{Fill, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::layout::{Dash, EditionLayout, Item, PageLayout, PlacedRun, RunDirection};
use crate::model::{Color, FrameId, Lang};
use crate::resources::Resources;

pub use super::photos::EarlyPhotos;
use super::photos::Images;
use crate::text::{FontBook, FontId, Glyph};

/// How a PDF is made.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfOptions {
    /// Pages to include (0-based), in order.
    pub pages: Vec<usize>,
    /// Bleed to add around the trim, in points (0 for none).
    pub bleed: f32,
    /// Draw crop marks outside the bleed.
    pub marks: bool,
    /// Validate as PDF/A-2b (colours become sRGB: PDF/A with CMYK needs an output profile).
    pub pdfa: bool,
    /// Downsample photos above this many pixels per inch as printed.
    pub max_ppi: Option<f32>,
    /// For the printing plant (None: a proof PDF for screens, photos as they are).
    pub press: Option<Press>,
}

/// What a press PDF does beyond a proof.
#[derive(Clone, Debug, PartialEq)]
pub struct Press {
    /// The most C+M+Y+K photos are separated to, as a fraction (2.4 is 240%).
    pub ink_limit: f32,
    /// Which colours overprint; None for none.
    pub overprint: Option<super::press::Overprint>,
    /// Write PDF/X-4 (output intent with the newsprint profile, version keys).
    pub pdfx: bool,
}

impl Press {
    /// The house's press settings, overprint as the house sets it, no PDF/X.
    pub fn of(settings: &crate::model::PressSettings) -> Self {
        let overprint = (settings.overprint_black || settings.overprint_tints).then_some(
            super::press::Overprint {
                black: settings.overprint_black,
                tints: settings.overprint_tints,
            },
        );
        Self {
            ink_limit: settings.ink_limit(),
            overprint,
            pdfx: false,
        }
    }
}

impl PdfOptions {
    /// These pages, trimmed, no marks, PDF 1.7, photos as they are.
    pub fn pages(pages: Vec<usize>) -> Self {
        Self {
            pages,
            bleed: 0.0,
            marks: false,
            pdfa: false,
            max_ppi: None,
            press: None,
        }
    }

    /// These pages for the printing plant, as the house's press settings say.
    pub fn press(pages: Vec<usize>, settings: &crate::model::PressSettings) -> Self {
        Self {
            press: Some(Press::of(settings)),
            ..Self::pages(pages)
        }
    }
}

/// Space outside the bleed for crop marks.
const MARK_AREA: f32 = 18.0;
const MARK_LENGTH: f32 = 12.0;

/// Why an export failed. Nothing is written when it does.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF could not be written: {0}")]
    Krilla(String),
    #[error("font {0} cannot be embedded")]
    Font(String),
    #[error(
        "font \"{family}\" ({file}) cannot go into the PDF: {reason}\nhint: choose another font for its styles (in the editor: Fonts…, Replace)"
    )]
    Forbidden {
        family: String,
        file: String,
        reason: &'static str,
    },
}

/// krilla's error in the user's words: its `Display` where that says enough, each PDF/A
/// finding named (never the font or image structures its `Debug` would print).
fn explain(e: &krilla::error::KrillaError) -> String {
    use krilla::configure::ValidationError as V;
    let krilla::error::KrillaError::Validation(errors) = e else {
        return e.to_string();
    };
    let mut found: Vec<String> = Vec::new();
    for (error, _) in errors {
        let text = match error {
            V::ContainsNotDefGlyph(_, _, text) => format!(
                "the text \"{text}\" has characters no font has, which PDF/A forbids (they would print as boxes)"
            ),
            V::TooLongString => "a text string is longer than PDF/A allows".to_owned(),
            other => {
                // The variant's name alone: its fields are internal structures.
                let debug = format!("{other:?}");
                let name = debug
                    .split(['(', ' ', '{'])
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                format!("PDF/A rule {name} is broken")
            }
        };
        if !found.contains(&text) {
            found.push(text);
        }
    }
    format!("not valid PDF/A-2b: {}", found.join("; "))
}

/// Exports the chosen pages of a layout as PDF bytes.
pub fn export(
    layout: &EditionLayout,
    resources: &dyn Resources,
    opts: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    export_with(layout, resources, opts, None)
}

/// [`export`], taking the photos `early` has been separating (any it does not have are
/// separated as they are drawn).
pub fn export_with(
    layout: &EditionLayout,
    resources: &dyn Resources,
    opts: &PdfOptions,
    early: Option<EarlyPhotos>,
) -> Result<Vec<u8>, PdfError> {
    let book = resources.fonts();
    // Refused before anything is drawn: a font the licence keeps out of documents.
    for &i in &opts.pages {
        for run in layout.pages.get(i).into_iter().flat_map(|p| p.runs()) {
            let face = book.face(run.font);
            if let Some(ban) = face.embedding_forbidden() {
                return Err(PdfError::Forbidden {
                    family: face.family.clone(),
                    file: face.file.clone(),
                    reason: ban.reason(),
                });
            }
        }
    }
    let mut settings = SerializeSettings::default();
    if opts.pdfa {
        let config = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_B)
            .finish()
            .map_err(|_| {
                PdfError::Krilla("krilla cannot set up PDF/A-2b for this PDF version".into())
            })?;
        settings.configuration = config;
    }
    let mut doc = Document::new_with(settings);
    let mut fonts: HashMap<FontId, Font> = HashMap::new();
    let newsprint = opts
        .press
        .as_ref()
        .map(|p| super::newsprint::Newsprint::new(p.ink_limit));
    let mut images = Images::new(resources, opts, newsprint.as_ref(), layout, early);
    for &i in &opts.pages {
        let Some(page) = layout.pages.get(i) else {
            continue;
        };
        let extra = opts.bleed + if opts.marks { MARK_AREA } else { 0.0 };
        let (w, h) = (page.width + 2.0 * extra, page.height + 2.0 * extra);
        let trim = KRect::from_xywh(extra, extra, page.width, page.height);
        let bleed = KRect::from_xywh(
            extra - opts.bleed,
            extra - opts.bleed,
            page.width + 2.0 * opts.bleed,
            page.height + 2.0 * opts.bleed,
        );
        let settings = PageSettings::from_wh(w, h)
            .ok_or_else(|| PdfError::Krilla(format!("page {} has no size", page.label)))?
            .with_trim_box(trim)
            .with_bleed_box(bleed)
            .with_page_label(label(&page.label));
        let mut p = doc.start_page_with(settings);
        let mut surface = p.surface();
        surface.push_transform(&Transform::from_translate(extra, extra));
        draw_page(&mut surface, page, book, &mut fonts, &mut images, opts)?;
        surface.pop();
        if opts.marks {
            crop_marks(&mut surface, extra, page.width, page.height, opts);
        }
        surface.finish();
        p.finish();
    }
    images.finish();
    let meta = &layout.meta;
    let lang = match meta.lang {
        Lang::Zh => "zh-Hans",
        Lang::En => "en",
    };
    let mut metadata = Metadata::new()
        .title(meta.title.clone())
        .language(lang.to_owned())
        .creator("Broadsheet".to_owned());
    // The issue date, never the clock: the same edition gives the same bytes.
    if let Some(date) = meta.date.and_then(pdf_date) {
        metadata = metadata.creation_date(date);
    }
    doc.set_metadata(metadata);
    let bytes = doc.finish().map_err(|e| PdfError::Krilla(explain(&e)))?;
    let (Some(press), Some(newsprint)) = (&opts.press, &newsprint) else {
        return Ok(bytes);
    };
    let profile = if press.pdfx {
        Some(newsprint.icc_profile().map_err(PdfError::Krilla)?)
    } else {
        None
    };
    if press.overprint.is_none() && profile.is_none() {
        return Ok(bytes);
    }
    let finish = super::press::Finish {
        overprint: press.overprint,
        pdfx: profile.as_deref(),
    };
    super::press::finish(&bytes, &finish).map_err(PdfError::Krilla)
}

/// The issue date as PDF metadata.
fn pdf_date(date: jiff::civil::Date) -> Option<krilla::metadata::DateTime> {
    Some(
        krilla::metadata::DateTime::new(u16::try_from(date.year()).ok()?)
            .month(u8::try_from(date.month()).ok()?)
            .day(u8::try_from(date.day()).ok()?),
    )
}

/// A PDF page label from ours: "A5" is prefix "A" with number 5; "3" is number 3.
fn label(text: &str) -> PageLabel {
    let digits = text.trim_start_matches(|c: char| !c.is_ascii_digit());
    let prefix = &text[..text.len() - digits.len()];
    let number = digits.parse::<u32>().ok().and_then(NonZeroU32::new);
    PageLabel::new(
        number.map(|_| NumberingStyle::Arabic),
        (!prefix.is_empty()).then(|| prefix.to_owned()),
        number,
    )
}

/// How the display list's colours go into the PDF.
#[derive(Clone, Copy)]
pub(super) enum Inks<'a> {
    /// CMYK as CMYK, RGB as RGB (a proof).
    AsGiven,
    /// Everything as sRGB (PDF/A without an output profile).
    Srgb,
    /// For the press: CMYK as it is, RGB separated for newsprint like the photos.
    Newsprint(&'a super::newsprint::Newsprint),
}

/// The ink values (0–255) a colour goes into the PDF with, when it goes in as CMYK.
fn cmyk_of(color: Color, inks: Inks) -> Option<[u8; 4]> {
    let percent = |v: u8| (f32::from(v.min(100)) * 2.55).round() as u8;
    let unit = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    match (color, inks) {
        (Color::Cmyk(c, m, y, k), Inks::AsGiven | Inks::Newsprint(_)) => {
            Some([c, m, y, k].map(percent))
        }
        (Color::Rgb(r, g, b), Inks::Newsprint(press)) => {
            let linear = [r, g, b].map(|v| super::separate::srgb_to_linear(f32::from(v) / 255.0));
            Some(press.separate(linear).map(unit))
        }
        _ => None,
    }
}

fn paint(color: Color, inks: Inks) -> Paint {
    match cmyk_of(color, inks) {
        Some([c, m, y, k]) => cmyk::Color::new(c, m, y, k).into(),
        None => {
            let [r, g, b] = color.to_rgb();
            rgb::Color::new(r, g, b).into()
        }
    }
}

/// Whether a colour overprints in this PDF (black, and K-only tints if the house says so).
fn overprints(color: Color, inks: Inks, rule: Option<super::press::Overprint>) -> bool {
    rule.zip(cmyk_of(color, inks))
        .is_some_and(|(rule, v)| rule.applies(v.map(|v| f32::from(v) / 255.0)))
}

/// Draws with overprint on when `on`: krilla has no overprint, so the drawing goes inside a
/// Multiply blend, whose graphics state [`super::press::finish`] turns into overprint (Multiply
/// is also how overprinting black looks, should a viewer see the state unchanged).
fn overprinting<T>(surface: &mut Surface, on: bool, draw: impl FnOnce(&mut Surface) -> T) -> T {
    if !on {
        return draw(surface);
    }
    surface.push_blend_mode(BlendMode::Multiply);
    let drawn = draw(surface);
    surface.pop();
    drawn
}

fn fill(color: Color, inks: Inks) -> Fill {
    Fill {
        paint: paint(color, inks),
        ..Fill::default()
    }
}

/// A stroke, or None for a width or dash that cannot be drawn: pdf-writer panics on a NaN,
/// so nothing that is not a positive finite number gets through.
fn stroke(color: Color, width: f32, dash: Option<Dash>, inks: Inks) -> Option<Stroke> {
    let drawable = |v: f32| v.is_finite() && v > 0.0;
    if !drawable(width) {
        return None;
    }
    let dash = match dash {
        Some(d) if drawable(d.on) && drawable(d.off) => Some(StrokeDash {
            array: vec![d.on, d.off],
            offset: 0.0,
        }),
        Some(_) => return None,
        None => None,
    };
    Some(Stroke {
        paint: paint(color, inks),
        width,
        dash,
        ..Stroke::default()
    })
}

fn draw_page(
    surface: &mut Surface,
    page: &PageLayout,
    book: &FontBook,
    fonts: &mut HashMap<FontId, Font>,
    images: &mut Images,
    opts: &PdfOptions,
) -> Result<(), PdfError> {
    let column_sizes = super::columns::text_sizes(page);
    let inks = images.inks(opts.pdfa);
    let rule = opts.press.as_ref().and_then(|p| p.overprint);
    for item in &page.items {
        match item {
            Item::GlyphRun(run) => {
                overprinting(surface, overprints(run.color, inks, rule), |surface| {
                    draw_run(surface, run, (book, fonts), &column_sizes, inks)
                })?;
            }
            Item::Rule(r) => {
                let mut pb = PathBuilder::new();
                pb.move_to(r.from.x, r.from.y);
                pb.line_to(r.to.x, r.to.y);
                if let (Some(path), Some(stroke)) =
                    (pb.finish(), stroke(r.color, r.width, r.dash, inks))
                {
                    overprinting(surface, overprints(r.color, inks, rule), |surface| {
                        surface.set_fill(None);
                        surface.set_stroke(Some(stroke));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    });
                }
            }
            Item::Rect(r) => {
                let Some(rect) = KRect::from_xywh(r.rect.x.0, r.rect.y.0, r.rect.w.0, r.rect.h.0)
                else {
                    continue;
                };
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                let Some(path) = pb.finish() else { continue };
                let fill_paint = r.fill.map(|c| (fill(c, inks), overprints(c, inks, rule)));
                let stroke_paint = r.stroke.and_then(|(c, w)| {
                    stroke(c, w, r.dash, inks).map(|s| (s, overprints(c, inks, rule)))
                });
                let draw = |surface: &mut Surface, fill: Option<Fill>, stroke: Option<Stroke>| {
                    surface.set_fill(fill);
                    surface.set_stroke(stroke);
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                };
                match (fill_paint, stroke_paint) {
                    (None, None) => {}
                    // A black box with a coloured border (or the reverse): the part that
                    // overprints is drawn on its own, fill first as one path would paint it.
                    (Some((f, f_on)), Some((s, s_on))) if f_on != s_on => {
                        overprinting(surface, f_on, |surface| draw(surface, Some(f), None));
                        overprinting(surface, s_on, |surface| draw(surface, None, Some(s)));
                    }
                    (f, s) => {
                        let on = f.as_ref().is_none_or(|f| f.1) && s.as_ref().is_none_or(|s| s.1);
                        overprinting(surface, on, |surface| {
                            draw(surface, f.map(|f| f.0), s.map(|s| s.0));
                        });
                    }
                }
            }
            Item::Image(img) => images.draw(surface, img),
            Item::Frame(_) => {}
        }
    }
    surface.set_fill(None);
    Ok(())
}

fn draw_run(
    surface: &mut Surface,
    run: &PlacedRun,
    (book, fonts): (&FontBook, &mut HashMap<FontId, Font>),
    column_sizes: &HashMap<&FrameId, f32>,
    inks: Inks,
) -> Result<(), PdfError> {
    let font = match fonts.get(&run.font) {
        Some(f) => f.clone(),
        None => {
            let face = book.face(run.font);
            let f = Font::new(krilla::Data::from(face.shared_data()), face.index)
                .ok_or_else(|| PdfError::Font(face.file.clone()))?;
            fonts.insert(run.font, f.clone());
            f
        }
    };
    surface.set_fill(Some(fill(run.color, inks)));
    if !run.direction.is_horizontal() {
        let text_size = column_sizes.get(&run.frame).copied().unwrap_or(run.size);
        super::columns::draw_column(surface, run, font, fill(run.color, inks), text_size);
        return Ok(());
    }
    let size = run.size;
    // 长/扁字: krilla has no horizontal-scale text option, so a scaled run is drawn at its
    // origin inside a transform that scales x only. Its advances, already scaled in the
    // display list, are given back in unscaled ems so the transform does not scale them twice.
    // Runs at 100% are drawn exactly as before, so their bytes do not change.
    #[allow(clippy::float_cmp)]
    let scaled = run.scale != 1.0 && run.scale > 0.0;
    let x_em = if scaled { size * run.scale } else { size };
    let glyphs = text_glyphs(
        run,
        |_, g| g.advance / x_em,
        |_, g| g.x_offset / x_em,
        |_, g| {
            // krilla's y offsets point up (harfrust's convention), the display list's down the
            // page. A zero stays a zero, so runs without offsets keep their bytes.
            if g.y_offset == 0.0 {
                0.0
            } else {
                -g.y_offset / size
            }
        },
    );
    // A sideways run is drawn as a horizontal one inside a quarter turn clockwise about its
    // origin (the turn scales its advances by the run's scale too); a scaled one inside a
    // transform that scales x only.
    let transform = match run.direction {
        RunDirection::Rotated => Some(Transform::from_row(
            0.0,
            run.scale,
            -1.0,
            0.0,
            run.origin.x,
            run.origin.y,
        )),
        _ if scaled => Some(Transform::from_row(
            run.scale,
            0.0,
            0.0,
            1.0,
            run.origin.x,
            run.origin.y,
        )),
        _ => None,
    };
    match transform {
        Some(t) => {
            surface.push_transform(&t);
            surface.draw_glyphs(
                Point::from_xy(0.0, 0.0),
                &glyphs,
                font,
                &run.text,
                size,
                false,
            );
            surface.pop();
        }
        None => surface.draw_glyphs(
            Point::from_xy(run.origin.x, run.origin.y),
            &glyphs,
            font,
            &run.text,
            size,
            false,
        ),
    }
    Ok(())
}

/// The run's glyphs for krilla, each carrying the text it shows (so extraction gets the
/// characters back), with their advance and offsets in ems as the three functions give them
/// for each glyph and its index.
pub(super) fn text_glyphs(
    run: &PlacedRun,
    advance: impl Fn(usize, &Glyph) -> f32,
    x_offset: impl Fn(usize, &Glyph) -> f32,
    y_offset: impl Fn(usize, &Glyph) -> f32,
) -> Vec<KrillaGlyph> {
    run.glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let start = g.cluster as usize;
            let end = run.glyphs[i + 1..]
                .iter()
                .map(|n| n.cluster as usize)
                .find(|&c| c > start)
                .unwrap_or(run.text.len());
            KrillaGlyph::new(
                GlyphId::new(u32::from(g.id)),
                advance(i, g),
                x_offset(i, g),
                y_offset(i, g),
                0.0,
                start..end.max(start),
                None,
            )
        })
        .collect()
}

/// Crop marks at the trim corners, outside the bleed, in registration colour.
fn crop_marks(surface: &mut Surface, extra: f32, w: f32, h: f32, opts: &PdfOptions) {
    // Registration: 100% of every ink, so the marks print on every plate.
    let registration = Color::Cmyk(100, 100, 100, 100);
    let gap = opts.bleed + 3.0;
    surface.set_fill(None);
    let inks = if opts.pdfa { Inks::Srgb } else { Inks::AsGiven };
    surface.set_stroke(stroke(registration, 0.25, None, inks));
    for (x, y) in [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)] {
        let (px, py) = (extra + x, extra + y);
        let dx = if x == 0.0 { -1.0 } else { 1.0 };
        let dy = if y == 0.0 { -1.0 } else { 1.0 };
        let mut pb = PathBuilder::new();
        pb.move_to(px + dx * gap, py);
        pb.line_to(px + dx * (gap + MARK_LENGTH), py);
        pb.move_to(px, py + dy * gap);
        pb.line_to(px, py + dy * (gap + MARK_LENGTH));
        if let Some(path) = pb.finish() {
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::press::Overprint;

    /// Which colours the press PDF draws to overprint: 100% K always (when overprint is on),
    /// K-only greys only when the house says so, never a colour with other inks (a red rule, a
    /// rich black from RGB), and nothing in a proof.
    #[test]
    fn only_black_and_the_houses_k_only_tints_overprint() {
        let newsprint = super::super::newsprint::Newsprint::new(2.4);
        let press = Inks::Newsprint(&newsprint);
        let black = Overprint {
            black: true,
            tints: false,
        };
        let tints = Overprint {
            black: true,
            tints: true,
        };
        let k = |v| Color::Cmyk(0, 0, 0, v);
        assert!(overprints(k(100), press, Some(black)));
        assert!(!overprints(k(40), press, Some(black)));
        assert!(overprints(k(40), press, Some(tints)));
        assert!(!overprints(Color::Cmyk(0, 100, 100, 0), press, Some(tints)));
        assert!(!overprints(Color::Cmyk(30, 0, 0, 100), press, Some(tints)));
        assert!(!overprints(Color::Rgb(0, 0, 0), press, Some(tints)));
        assert!(!overprints(k(100), press, None));
        assert!(!overprints(k(100), Inks::AsGiven, None));
    }
}
