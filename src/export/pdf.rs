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
use krilla::geom::{PathBuilder, Point, Rect as KRect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{Fill, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::layout::{Dash, EditionLayout, ImageItem, Item, PageLayout, PlacedRun, RunDirection};
use crate::model::{Color, FrameId, Lang};
use crate::resources::Resources;
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

/// Photos being separated for a press PDF before the edition is laid out: see
/// [`EarlyPhotos::start`].
pub struct EarlyPhotos(std::thread::JoinHandle<Prepared>);

impl EarlyPhotos {
    /// Starts separating the photos that the frames of `pages` show, on a thread of its own,
    /// for a press PDF that will not downsample them: their pixels then do not depend on
    /// where the layout puts them, so the separation (a device link, every pixel, a CMYK
    /// JPEG) runs while the edition is laid out. None for a proof, or with `max_ppi`.
    pub fn start(
        edition: &crate::model::Edition,
        resources: &dyn Resources,
        opts: &PdfOptions,
    ) -> Option<Self> {
        let press = opts.press.as_ref()?;
        if opts.max_ppi.is_some() {
            return None;
        }
        let mut jobs: Vec<(String, crate::resources::PhotoData)> = Vec::new();
        for &i in &opts.pages {
            let Some(page) = edition.pages.get(i) else {
                continue;
            };
            for frame in &page.frames {
                let crate::model::FrameKind::Photo { photo, .. } = &frame.kind else {
                    continue;
                };
                let Some(photo) = edition.photo(photo) else {
                    continue;
                };
                if jobs.iter().any(|(path, _)| *path == photo.path) {
                    continue;
                }
                if let Ok(data) = resources.photo(&photo.path) {
                    jobs.push((photo.path.clone(), data));
                }
            }
        }
        if jobs.is_empty() {
            return None;
        }
        let newsprint = super::newsprint::Newsprint::new(press.ink_limit);
        let interpolate = !opts.pdfa;
        Some(Self(std::thread::spawn(move || {
            jobs.into_iter()
                .map(|(source, data)| {
                    let image = separated(&data, &source, 1, interpolate, &newsprint);
                    ((source, 1), image)
                })
                .collect()
        })))
    }
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
    let mut images = Images {
        resources,
        cache: HashMap::new(),
        max_ppi: opts.max_ppi,
        // PDF/A forbids asking viewers to interpolate images.
        interpolate: !opts.pdfa,
        press: newsprint.as_ref(),
        prefetch: None,
    };
    // A press PDF's photos are separated on another thread while the text is drawn (or
    // were, while the edition was laid out).
    images.prefetch = match early {
        Some(EarlyPhotos(handle)) => Some(handle),
        None => images.start_prefetch(layout, &opts.pages),
    };
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
    // Photos placed but never drawn (clipped away) leave no thread behind.
    if let Some(handle) = images.prefetch.take() {
        let _ = handle.join();
    }
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
enum Inks<'a> {
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
fn overprinting(surface: &mut Surface, on: bool, draw: impl FnOnce(&mut Surface)) {
    if on {
        surface.push_blend_mode(BlendMode::Multiply);
        draw(surface);
        surface.pop();
    } else {
        draw(surface);
    }
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
                let mut drawn = Ok(());
                overprinting(surface, overprints(run.color, inks, rule), |surface| {
                    drawn = draw_run(surface, run, (book, fonts), &column_sizes, inks);
                });
                drawn?;
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

/// Photos, read once per export.
struct Images<'a> {
    resources: &'a dyn Resources,
    cache: HashMap<(String, u32), Option<krilla::image::Image>>,
    max_ppi: Option<f32>,
    interpolate: bool,
    /// For a press PDF: the newsprint press the photos are separated for.
    press: Option<&'a super::newsprint::Newsprint>,
    /// The photos being separated on another thread, taken into `cache` when the first is
    /// drawn.
    prefetch: Option<std::thread::JoinHandle<Prepared>>,
}

/// Photos ready for krilla, by source and downsampling factor.
type Prepared = HashMap<(String, u32), Option<krilla::image::Image>>;

impl<'a> Images<'a> {
    /// The downsampling factor of a placed photo: whole factors, so the same request gives
    /// the same pixels.
    fn factor(&self, img: &ImageItem) -> u32 {
        self.max_ppi
            .map_or(1, |max| (img.effective_ppi / max).floor().max(1.0) as u32)
    }

    /// Starts separating the photos of `pages` for the press on a thread of their own: the
    /// work is the photo's alone (its bytes and the press model), and krilla draws the text
    /// meanwhile. Nothing for a proof.
    fn start_prefetch(
        &self,
        layout: &EditionLayout,
        pages: &[usize],
    ) -> Option<std::thread::JoinHandle<Prepared>> {
        let press = self.press?.clone();
        let mut jobs: Vec<((String, u32), crate::resources::PhotoData)> = Vec::new();
        let placed = pages.iter().filter_map(|&i| layout.pages.get(i));
        for page in placed {
            for item in &page.items {
                let Item::Image(img) = item else { continue };
                let key = (img.source.clone(), self.factor(img));
                if img.missing || jobs.iter().any(|(k, _)| *k == key) {
                    continue;
                }
                if let Ok(data) = self.resources.photo(&img.source) {
                    jobs.push((key, data));
                }
            }
        }
        if jobs.is_empty() {
            return None;
        }
        let interpolate = self.interpolate;
        Some(std::thread::spawn(move || {
            jobs.into_iter()
                .map(|((source, factor), data)| {
                    let image = separated(&data, &source, factor, interpolate, &press);
                    ((source, factor), image)
                })
                .collect()
        }))
    }

    /// How colours go in: separated for newsprint in a press PDF.
    fn inks(&self, pdfa: bool) -> Inks<'a> {
        match (&self.press, pdfa) {
            (Some(press), _) => Inks::Newsprint(press),
            (None, true) => Inks::Srgb,
            (None, false) => Inks::AsGiven,
        }
    }

    fn draw(&mut self, surface: &mut Surface, img: &ImageItem) {
        if img.missing {
            return; // the layout placed a placeholder
        }
        if let Some(done) = self.prefetch.take().and_then(|h| h.join().ok()) {
            self.cache.extend(done);
        }
        let factor = self.factor(img);
        let key = (img.source.clone(), factor);
        let (resources, interpolate) = (self.resources, self.interpolate);
        let press = self.press;
        let image = self
            .cache
            .entry(key)
            .or_insert_with(|| {
                let data = resources.photo(&img.source).ok()?;
                match press {
                    Some(newsprint) => {
                        separated(&data, &img.source, factor, interpolate, newsprint)
                    }
                    None => encode(&data, factor, interpolate),
                }
            })
            .clone();
        let Some(image) = image else { return };
        // The image shows only inside both the frame's clip and its own placement: a fitted
        // photo with a crop must not show the cropped-off pixels in the space beside it.
        let Some(shown) = img.clip.intersection(&img.placement) else {
            return;
        };
        let Some(clip) = KRect::from_xywh(shown.x.0, shown.y.0, shown.w.0, shown.h.0) else {
            return;
        };
        let mut pb = PathBuilder::new();
        pb.push_rect(clip);
        let Some(clip_path) = pb.finish() else { return };
        // The crop is a clip, so a JPEG goes into the PDF byte for byte.
        surface.push_clip_path(&clip_path, &krilla::paint::FillRule::NonZero);
        let [cx, cy, cw, ch] = img.crop_px.map(|v| v as f32);
        let (sx, sy) = (img.placement.w.0 / cw, img.placement.h.0 / ch);
        let (iw, ih) = (
            image.size().0 as f32 * factor as f32,
            image.size().1 as f32 * factor as f32,
        );
        surface.push_transform(&Transform::from_translate(
            img.placement.x.0 - cx * sx,
            img.placement.y.0 - cy * sy,
        ));
        if let Some(size) = Size::from_wh(iw * sx, ih * sy) {
            surface.draw_image(image, size);
        }
        surface.pop();
        surface.pop();
    }
}

/// A krilla image: JPEGs untouched unless downsampled; anything else encoded losslessly.
fn encode(
    data: &crate::resources::PhotoData,
    factor: u32,
    interpolate: bool,
) -> Option<krilla::image::Image> {
    let bytes = krilla::Data::from(data.bytes.to_vec());
    if factor <= 1 {
        return match data.format {
            image::ImageFormat::Jpeg => krilla::image::Image::from_jpeg(bytes, interpolate).ok(),
            image::ImageFormat::Png => krilla::image::Image::from_png(bytes, interpolate).ok(),
            _ => None,
        };
    }
    let decoded = crate::resources::decode_photo(data, "").ok()?;
    let small = decoded.resize_exact(
        (data.width / factor).max(1),
        (data.height / factor).max(1),
        image::imageops::FilterType::Lanczos3,
    );
    let rgba = small.to_rgba8();
    let (w, h) = rgba.dimensions();
    Some(krilla::image::Image::from_rgba8(rgba.into_raw(), w, h))
}

/// A photo separated into newsprint CMYK (downsampled first when asked), for a press PDF.
fn separated(
    data: &crate::resources::PhotoData,
    source: &str,
    factor: u32,
    interpolate: bool,
    newsprint: &super::newsprint::Newsprint,
) -> Option<krilla::image::Image> {
    if let Some(jpeg) = super::separate::remembered(&data.bytes, factor, newsprint) {
        return krilla::image::Image::from_jpeg(krilla::Data::from(jpeg), interpolate).ok();
    }
    let profile = super::separate::embedded_profile(data).unwrap_or_default();
    let link = super::separate::link(&profile, newsprint).ok()?;
    let mut decoded = crate::resources::decode_photo(data, "").ok()?;
    if factor > 1 {
        decoded = decoded.resize_exact(
            (data.width / factor).max(1),
            (data.height / factor).max(1),
            image::imageops::FilterType::Lanczos3,
        );
    }
    let alpha = decoded.color().has_alpha().then(|| {
        let rgba = decoded.to_rgba8();
        rgba.pixels().map(|p| p.0[3]).collect::<Vec<u8>>().into()
    });
    let rgb = decoded.to_rgb8();
    let (width, height) = rgb.dimensions();
    let samples = link.separate(rgb.as_raw());
    // A photo without transparency goes in as a CMYK JPEG; one with it keeps its mask, which
    // JPEG cannot carry, and goes in losslessly.
    if alpha.is_none()
        && let Some(jpeg) = super::separate::cmyk_jpeg(&samples, width, height)
    {
        let jpeg = std::sync::Arc::new(jpeg);
        super::separate::remember(&data.bytes, factor, newsprint, jpeg.clone());
        return krilla::image::Image::from_jpeg(krilla::Data::from(jpeg), interpolate).ok();
    }
    let image = super::separate::CmykImage {
        key: format!("{source}|{factor}|{}", newsprint.limit()),
        width,
        height,
        samples: samples.into(),
        alpha,
    };
    krilla::image::Image::from_custom(image, interpolate).ok()
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
