//! Photos separated for the press: decoded, taken from their own colour space (the ICC
//! profile they carry, else sRGB) to linear sRGB light by moxcms, then into the
//! newsprint CMYK of [`super::newsprint`], within the house's ink limit.
//!
//! Separating every pixel through the model would be slow, so the conversion is sampled once
//! per source profile on a 33-point RGB grid (a device link, as colour-managed RIPs build) and
//! each pixel is interpolated in it.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use krilla::image::{BitsPerComponent, CustomImage, ImageColorspace};
use moxcms::{ColorProfile, Layout, TransformOptions};

use super::newsprint::Newsprint;

const GRID: usize = 33;

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
            .filter(|p| p.color_space == moxcms::DataColorSpace::Rgb)
            .unwrap_or_else(ColorProfile::new_srgb);
        // The separation works in linear sRGB light: sRGB's primaries with straight curves.
        let mut linear = ColorProfile::new_srgb();
        let straight = moxcms::ToneReprCurve::Lut(Vec::new());
        linear.red_trc = Some(straight.clone());
        linear.green_trc = Some(straight.clone());
        linear.blue_trc = Some(straight);
        let to_linear = src
            .create_transform_f32(
                Layout::Rgb,
                &linear,
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
        to_linear
            .transform(&input, &mut out)
            .map_err(|e| format!("cannot convert the photo's colours: {e}"))?;
        let nodes = out
            .chunks_exact(3)
            .map(|rgb| press.separate([rgb[0], rgb[1], rgb[2]]))
            .collect();
        Ok(Self { nodes })
    }

    /// One RGB pixel as CMYK bytes (trilinear between the grid's nodes).
    fn convert(&self, rgb: [u8; 3]) -> [u8; 4] {
        let scale = (GRID - 1) as f32 / 255.0;
        let pos = rgb.map(|v| f32::from(v) * scale);
        let lo = pos.map(|p| (p.floor() as usize).min(GRID - 2));
        let t = [0, 1, 2].map(|i| pos[i] - lo[i] as f32);
        let mut acc = [0.0f32; 4];
        for corner in 0..8usize {
            let bit = |i: usize| (corner >> (2 - i)) & 1;
            let w: f32 = (0..3)
                .map(|i| if bit(i) == 1 { t[i] } else { 1.0 - t[i] })
                .product();
            if w == 0.0 {
                continue;
            }
            let idx = ((lo[0] + bit(0)) * GRID + lo[1] + bit(1)) * GRID + lo[2] + bit(2);
            for (a, v) in acc.iter_mut().zip(self.nodes[idx]) {
                *a += w * v;
            }
        }
        acc.map(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8)
    }

    /// Separates RGB8 pixels (3 bytes each) into CMYK8 (4 bytes each).
    pub fn separate(&self, rgb: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(rgb.len() / 3 * 4);
        for px in rgb.chunks_exact(3) {
            out.extend(self.convert([px[0], px[1], px[2]]));
        }
        out
    }
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
}
