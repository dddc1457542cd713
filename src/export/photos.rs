//! Photos for the PDF: read once per export, passed through as they are for a proof, or
//! separated into newsprint CMYK for the press (on another thread while the text is drawn, or
//! while the edition is laid out).

use std::collections::HashMap;

use krilla::geom::{PathBuilder, Rect as KRect, Size, Transform};
use krilla::surface::Surface;

use super::pdf::{Inks, PdfOptions};
use crate::layout::{EditionLayout, ImageItem, Item};
use crate::resources::Resources;

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

/// Photos, read once per export.
pub(super) struct Images<'a> {
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
    /// The photos of `layout` for a PDF made with `opts`. A press PDF's photos are separated
    /// on another thread while the text is drawn, or were already being separated (`early`)
    /// while the edition was laid out.
    pub(super) fn new(
        resources: &'a dyn Resources,
        opts: &PdfOptions,
        press: Option<&'a super::newsprint::Newsprint>,
        layout: &EditionLayout,
        early: Option<EarlyPhotos>,
    ) -> Self {
        let mut images = Self {
            resources,
            cache: HashMap::new(),
            max_ppi: opts.max_ppi,
            // PDF/A forbids asking viewers to interpolate images.
            interpolate: !opts.pdfa,
            press,
            prefetch: None,
        };
        images.prefetch = match early {
            Some(EarlyPhotos(handle)) => Some(handle),
            None => images.start_prefetch(layout, &opts.pages),
        };
        images
    }

    /// Photos placed but never drawn (clipped away) leave no thread behind.
    pub(super) fn finish(mut self) {
        if let Some(handle) = self.prefetch.take() {
            let _ = handle.join();
        }
    }

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
    pub(super) fn inks(&self, pdfa: bool) -> Inks<'a> {
        match (&self.press, pdfa) {
            (Some(press), _) => Inks::Newsprint(press),
            (None, true) => Inks::Srgb,
            (None, false) => Inks::AsGiven,
        }
    }

    pub(super) fn draw(&mut self, surface: &mut Surface, img: &ImageItem) {
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
