//! Photos separated for the press: decoded, taken from their own colour space (the ICC
//! profile they carry, else sRGB) to linear sRGB light by moxcms, then into the
//! newsprint CMYK of [`super::newsprint`], within the house's ink limit.
//!
//! Separating every pixel through the model would be slow, so the conversion is sampled once
//! per source profile on a 17-point RGB grid (a device link, as colour-managed RIPs build for
//! 8-bit data) and each pixel is interpolated in it. The separated photo goes into the PDF as a
//! CMYK JPEG (quality 92, no chroma subsampling): lossless Flate made it four times larger and
//! deflating it took most of a press export's time.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use krilla::image::{BitsPerComponent, CustomImage, ImageColorspace};
use moxcms::{ColorProfile, Layout, TransformOptions};

use super::newsprint::Newsprint;

const GRID: usize = 17;

/// RGB → CMYK for one source profile and one press, sampled on a grid.
pub struct DeviceLink {
    /// CMYK (0–1) at each grid node, red slowest.
    nodes: Vec<[f32; 4]>,
}

impl DeviceLink {
    /// The link from `source` (an ICC profile's bytes; sRGB when None or unreadable).
    pub fn new(source: Option<&[u8]>, press: &Newsprint) -> Result<Self, String> {
        let src = source
            .and_then(|b| ColorProfile::new_from_slice(b).ok())
            .filter(|p| p.color_space == moxcms::DataColorSpace::Rgb);
        let Some(src) = src else {
            // sRGB, the usual case: sRGB's own curve on the grid's 17 values. A colour
            // engine's transform builds tables of tens of thousands of entries for this,
            // which cost more than separating a newspaper photo.
            let linear: [f32; GRID] =
                std::array::from_fn(|i| srgb_to_linear(i as f32 / (GRID - 1) as f32));
            let mut nodes = Vec::with_capacity(GRID * GRID * GRID);
            for r in linear {
                for g in linear {
                    for b in linear {
                        nodes.push(press.separate([r, g, b]));
                    }
                }
            }
            return Ok(Self { nodes });
        };
        // The separation works in linear sRGB light: the colour engine takes the photo's
        // colours to sRGB, and sRGB's own curve takes them to light. (A destination profile
        // with straight curves would be one step, but the engine gave back the encoded values
        // unchanged, which separated every photo's midtones far too light.)
        let to_srgb = src
            .create_transform_f32(
                Layout::Rgb,
                &ColorProfile::new_srgb(),
                Layout::Rgb,
                TransformOptions::default(),
            )
            .map_err(|e| format!("cannot convert the photo's colours: {e}"))?;
        let mut input = Vec::with_capacity(GRID * GRID * GRID * 3);
        for r in 0..GRID {
            for g in 0..GRID {
                for b in 0..GRID {
                    input.extend([r, g, b].map(|v| v as f32 / (GRID - 1) as f32));
                }
            }
        }
        let mut out = vec![0.0f32; input.len()];
        to_srgb
            .transform(&input, &mut out)
            .map_err(|e| format!("cannot convert the photo's colours: {e}"))?;
        let nodes = out
            .chunks_exact(3)
            .map(|rgb| press.separate([rgb[0], rgb[1], rgb[2]].map(srgb_to_linear)))
            .collect();
        Ok(Self { nodes })
    }

    /// One RGB pixel as CMYK (0–1, unrounded): tetrahedral interpolation between the grid's
    /// nodes, as colour engines do for RGB (four nodes instead of trilinear's eight, and greys
    /// stay on the grey diagonal).
    fn convert(&self, cells: &[(usize, f32); 256], rgb: [u8; 3]) -> [f32; 4] {
        let [(r, fr), (g, fg), (b, fb)] = rgb.map(|v| cells[usize::from(v)]);
        let base = (r * GRID + g) * GRID + b;
        let (sr, sg, sb) = (GRID * GRID, GRID, 1);
        // The tetrahedron the point is in: its corners in order of the largest fraction.
        let (o1, f1, o2, f2, f3) = if fr >= fg {
            if fg >= fb {
                (sr, fr, sr + sg, fg, fb)
            } else if fr >= fb {
                (sr, fr, sr + sb, fb, fg)
            } else {
                (sb, fb, sr + sb, fr, fg)
            }
        } else if fr >= fb {
            (sg, fg, sr + sg, fr, fb)
        } else if fg >= fb {
            (sg, fg, sg + sb, fb, fr)
        } else {
            (sb, fb, sg + sb, fg, fr)
        };
        let n = &self.nodes;
        let (c0, c1, c2, c3) = (n[base], n[base + o1], n[base + o2], n[base + sr + sg + sb]);
        let mut out = [0.0f32; 4];
        for i in 0..4 {
            out[i] = c0[i] * (1.0 - f1) + c1[i] * (f1 - f2) + c2[i] * (f2 - f3) + c3[i] * f3;
        }
        out
    }

    /// Separates RGB8 pixels (3 bytes each) into CMYK8 (4 bytes each), on two threads when
    /// the machine has them.
    pub fn separate(&self, rgb: &[u8]) -> Vec<u8> {
        // Each 8-bit value's grid cell and place in it, computed once.
        let mut cells = [(0usize, 0.0f32); 256];
        for (v, cell) in cells.iter_mut().enumerate() {
            let pos = v as f32 * (GRID - 1) as f32 / 255.0;
            let lo = (pos.floor() as usize).min(GRID - 2);
            *cell = (lo, pos - lo as f32);
        }
        let run = |rgb: &[u8], out: &mut [u8]| {
            for (px, cmyk) in rgb.chunks_exact(3).zip(out.chunks_exact_mut(4)) {
                let v = self.convert(&cells, [px[0], px[1], px[2]]);
                for (o, v) in cmyk.iter_mut().zip(v) {
                    *o = (v * 255.0 + 0.5).clamp(0.0, 255.0) as u8;
                }
            }
        };
        let pixels = rgb.len() / 3;
        let mut out = vec![0u8; pixels * 4];
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
        if threads < 2 || pixels < 65_536 {
            run(rgb, &mut out);
            return out;
        }
        let half = pixels / 2;
        let (rgb_a, rgb_b) = rgb.split_at(half * 3);
        let (out_a, out_b) = out.split_at_mut(half * 4);
        std::thread::scope(|s| {
            s.spawn(|| run(rgb_a, out_a));
            run(rgb_b, out_b);
        });
        out
    }
}

/// sRGB's transfer curve (IEC 61966-2-1): an encoded value (0–1) to linear light.
pub(super) fn srgb_to_linear(v: f32) -> f32 {
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// Device links already built, by source profile and ink limit: building one separates a few
/// thousand colours through the press model, which costs more than converting a photo with
/// it, and every export of an edition asks for the same few. (A colour engine's transform
/// cache; the links are pure functions of their key, so sharing them cannot change output.)
static LINKS: std::sync::LazyLock<Mutex<Links>> = std::sync::LazyLock::new(Mutex::default);

/// Links by (source profile bytes, ink limit bits).
type Links = HashMap<(Vec<u8>, u32), Arc<DeviceLink>>;

/// The device link from `profile` (an ICC profile's bytes; empty for sRGB) to `press`.
pub fn link(profile: &[u8], press: &Newsprint) -> Result<Arc<DeviceLink>, String> {
    let key = (profile.to_vec(), press.limit().to_bits());
    if let Some(found) = LINKS.lock().ok().and_then(|l| l.get(&key).cloned()) {
        return Ok(found);
    }
    let made = Arc::new(DeviceLink::new(
        (!profile.is_empty()).then_some(profile),
        press,
    )?);
    if let Ok(mut links) = LINKS.lock() {
        // A handful of profiles and limits in one session; never an unbounded list.
        if links.len() >= 16 {
            links.clear();
        }
        links.insert(key, made.clone());
    }
    Ok(made)
}

/// A separated photo for krilla: CMYK samples, written losslessly (Flate).
#[derive(Clone)]
pub struct CmykImage {
    /// What identifies the pixels (source, downsampling, ink limit): krilla hashes images to
    /// share identical ones, and hashing this is cheaper than hashing a megabyte of samples.
    pub key: String,
    pub width: u32,
    pub height: u32,
    pub samples: Arc<[u8]>,
    /// The alpha channel, when the photo has transparent pixels.
    pub alpha: Option<Arc<[u8]>>,
}

impl Hash for CmykImage {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
        (self.width, self.height).hash(state);
    }
}

impl CustomImage for CmykImage {
    fn color_channel(&self) -> &[u8] {
        &self.samples
    }
    fn alpha_channel(&self) -> Option<&[u8]> {
        self.alpha.as_deref()
    }
    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }
    fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }
    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }
    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Cmyk
    }
}

/// CMYK8 samples as a CMYK JPEG (Adobe's inverted convention, which krilla's JPEG
/// passthrough declares with its Decode array).
pub fn cmyk_jpeg(samples: &[u8], width: u32, height: u32) -> Option<Vec<u8>> {
    let (w, h) = (u16::try_from(width).ok()?, u16::try_from(height).ok()?);
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, 92);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_1_1);
    encoder
        .encode(samples, w, h, jpeg_encoder::ColorType::Cmyk)
        .ok()?;
    Some(out)
}

/// A photo separated for the press, as JPEG, with what it was made from.
struct Separated {
    source: Arc<[u8]>,
    factor: u32,
    limit: u32,
    jpeg: Arc<Vec<u8>>,
}

/// The photos separated this session: an edition is exported again and again as it is edited,
/// and its photos rarely change between exports. Matched by the photo's own bytes (compared,
/// not hashed), so a changed file is separated again.
static SEPARATED: std::sync::LazyLock<Mutex<Vec<Separated>>> =
    std::sync::LazyLock::new(Mutex::default);

/// The JPEG a photo with these bytes was separated into before, at this downsampling and limit.
pub fn remembered(source: &Arc<[u8]>, factor: u32, press: &Newsprint) -> Option<Arc<Vec<u8>>> {
    let limit = press.limit().to_bits();
    let done = SEPARATED.lock().ok()?;
    done.iter()
        .find(|s| {
            s.factor == factor
                && s.limit == limit
                && (Arc::ptr_eq(&s.source, source) || s.source[..] == source[..])
        })
        .map(|s| s.jpeg.clone())
}

/// Keeps a separated photo for the next export (the 32 latest).
pub fn remember(source: &Arc<[u8]>, factor: u32, press: &Newsprint, jpeg: Arc<Vec<u8>>) {
    if let Ok(mut done) = SEPARATED.lock() {
        if done.len() >= 32 {
            done.remove(0);
        }
        done.push(Separated {
            source: source.clone(),
            factor,
            limit: press.limit().to_bits(),
            jpeg,
        });
    }
}

/// The ICC profile a JPEG or PNG carries, if any.
pub fn embedded_profile(data: &crate::resources::PhotoData) -> Option<Vec<u8>> {
    use image::ImageDecoder;
    let cursor = std::io::Cursor::new(&data.bytes[..]);
    match data.format {
        image::ImageFormat::Jpeg => image::codecs::jpeg::JpegDecoder::new(cursor)
            .ok()?
            .icc_profile()
            .ok()?,
        image::ImageFormat::Png => image::codecs::png::PngDecoder::new(cursor)
            .ok()?
            .icc_profile()
            .ok()?,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sRGB link is built from sRGB's curve directly; through the colour engine with an
    /// sRGB profile it must come out the same (within a hundredth of a step of 8-bit ink).
    #[test]
    fn the_srgb_link_matches_the_colour_engines_srgb() {
        let press = Newsprint::new(2.4);
        let direct = DeviceLink::new(None, &press).unwrap();
        let profile = ColorProfile::new_srgb().encode().unwrap();
        let engine = DeviceLink::new(Some(&profile), &press).unwrap();
        let worst = direct
            .nodes
            .iter()
            .zip(&engine.nodes)
            .flat_map(|(a, b)| a.iter().zip(b).map(|(a, b)| (a - b).abs()))
            .fold(0.0f32, f32::max);
        assert!(worst * 255.0 < 0.5, "differs by {} of 255", worst * 255.0);
    }

    #[test]
    fn srgb_white_takes_no_ink_and_black_stays_within_the_limit() {
        let link = DeviceLink::new(None, &Newsprint::new(2.4)).unwrap();
        let px = link.separate(&[255, 255, 255, 0, 0, 0, 200, 30, 30]);
        assert!(px[..4].iter().all(|&v| v < 3), "white: {:?}", &px[..4]);
        let black: u32 = px[4..8].iter().map(|&v| u32::from(v)).sum();
        assert!(black <= 612 + 4, "black carries {black}/255 ink");
        assert!(
            px[11] < 60 && px[9] > 150,
            "red is magenta and yellow: {:?}",
            &px[8..]
        );
    }

    /// A large photo is converted on two threads; its pixels are the same as converted alone.
    #[test]
    fn a_photo_split_across_threads_gives_the_same_pixels() {
        let link = DeviceLink::new(None, &Newsprint::new(2.4)).unwrap();
        let rgb: Vec<u8> = (0..300u32 * 300 * 3)
            .map(|i| (i * 37 % 251) as u8)
            .collect();
        let whole = link.separate(&rgb);
        let half = rgb.len() / 2 / 3 * 3;
        let mut parts = link.separate(&rgb[..half]);
        parts.extend(link.separate(&rgb[half..]));
        assert_eq!(whole, parts);
    }

    /// A photo's own ICC profile is read from the file and used: the same pixel values mean
    /// a different colour in Display P3 than in sRGB, and separate differently.
    #[test]
    fn a_photo_tagged_display_p3_is_separated_from_its_own_profile() {
        use image::ImageEncoder as _;
        let p3 = ColorProfile::new_display_p3().encode().unwrap();
        let mut jpeg = Vec::new();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95);
        encoder.set_icc_profile(p3.clone()).unwrap();
        let pixels: Vec<u8> = [200u8, 120, 80].repeat(64);
        encoder
            .write_image(&pixels, 8, 8, image::ExtendedColorType::Rgb8)
            .unwrap();
        let data = crate::resources::PhotoData {
            bytes: jpeg.into(),
            width: 8,
            height: 8,
            format: image::ImageFormat::Jpeg,
        };
        let found = embedded_profile(&data).expect("the JPEG's profile");
        assert_eq!(found, p3);
        let press = Newsprint::new(2.4);
        let tagged = DeviceLink::new(Some(&found), &press)
            .unwrap()
            .separate(&[200, 120, 80]);
        let plain = DeviceLink::new(None, &press)
            .unwrap()
            .separate(&[200, 120, 80]);
        let apart = tagged.iter().zip(&plain).map(|(a, b)| a.abs_diff(*b)).max();
        assert!(apart > Some(8), "P3 {tagged:?} vs sRGB {plain:?}");
    }
}
