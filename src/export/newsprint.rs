//! A newsprint press in numbers: how CMYK ink on newsprint looks (the forward model), how a
//! colour is separated into CMYK for it (black generation and the total-ink limit), and the
//! ICC output profile that carries both, for the PDF/X output intent.
//!
//! No openly licensed newspaper profile is to be had from the package registries this project
//! builds from (Debian's ICC packages hold display and coated-paper profiles only), so the
//! profile is generated here, deterministically, from a small
//! physical model tuned to ISO 12647-3 coldset newsprint: paper L* ≈ 82 with a yellowish
//! cast, solids about as dark as newsprint inks print, and a tone value increase of about
//! 26% at 40% (dot gain). It is an honest approximation, not a measurement of one press;
//! a plant that sends its own profile can replace it.
//!
//! The separation follows what prepress does for newsprint: grey component replacement
//! (black takes over the neutral part of dark colours, so the press holds grey balance and
//! uses less ink), a black start at a quarter tone, and the total ink (C+M+Y+K) capped at the
//! house's limit by taking colour out of the darkest tones, never black.

use moxcms::{
    ColorProfile, DataColorSpace, LutDataType, LutStore, LutType, LutWarehouse, Matrix3d,
    ProfileClass, ProfileText, RenderingIntent, Xyzd,
};

/// Tone value increase: printed coverage = 1 − (1 − nominal)^γ. γ = 2.1 prints a 40% dot
/// at 66%, the 26% that newsprint standards name.
const DOT_GAIN_GAMMA: f32 = 2.1;
/// Each solid ink's reflectance relative to the paper, in the red, green and blue thirds of
/// the spectrum: cyan absorbs red, magenta green, yellow blue, each with the unwanted
/// absorptions real inks have; black absorbs evenly (newsprint black reaches about L* 30).
const INK: [[f32; 3]; 4] = [
    [0.14, 0.52, 0.80],
    [0.78, 0.16, 0.52],
    [0.95, 0.86, 0.16],
    [0.11, 0.11, 0.11],
];
/// Newsprint white as linear sRGB: L* ≈ 82, b* ≈ +3 (a little yellow).
const PAPER: [f32; 3] = [0.61, 0.60, 0.53];
/// The most black the separation uses, and the quarter tone where black starts.
const BLACK_MAX: f32 = 0.95;
const BLACK_START: f32 = 0.22;

/// The profile's creation date in its header: 2026-01-01 00:00:00, six big-endian u16.
const FIXED_DATE: [u8; 12] = [0x07, 0xea, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0];

/// Printed coverage of a nominal dot.
fn printed(a: f32) -> f32 {
    1.0 - (1.0 - a.clamp(0.0, 1.0)).powf(DOT_GAIN_GAMMA)
}

/// What CMYK (0–1 each) prints as: reflectance relative to the paper, in thirds of the
/// spectrum. Inks multiply: each one lets through what its dot does not cover.
pub fn reflectance(cmyk: [f32; 4]) -> [f32; 3] {
    let mut out = [1.0f32; 3];
    for (ink, &amount) in INK.iter().zip(&cmyk) {
        let a = printed(amount);
        for (o, t) in out.iter_mut().zip(ink) {
            *o *= 1.0 - a * (1.0 - t);
        }
    }
    out
}

/// The colours of one press: the separation's ink limit (a fraction: 2.4 is 240%).
#[derive(Clone, Debug)]
pub struct Newsprint {
    limit: f32,
    /// The darkest relative reflectance a neutral reaches within the limit: the press's black
    /// point, onto which a photo's black is mapped (black point compensation).
    floor: f32,
}

impl Newsprint {
    pub fn new(limit: f32) -> Self {
        let limit = limit.max(1.0);
        let cmy = ((limit - BLACK_MAX) / 3.0).clamp(0.0, 1.0);
        let darkest = reflectance([cmy, cmy, cmy, BLACK_MAX]);
        let floor = darkest.iter().copied().fold(0.0f32, f32::max);
        Self { limit, floor }
    }

    /// The ink limit, as a fraction of one ink.
    pub fn limit(&self) -> f32 {
        self.limit
    }

    /// Separates a colour given as linear sRGB relative to the source's white (0–1) into
    /// CMYK (0–1 each) within the ink limit. Perceptual: the source's white is the paper and
    /// its black the press's darkest neutral.
    pub fn separate(&self, linear_rgb: [f32; 3]) -> [f32; 4] {
        let target = linear_rgb.map(|v| self.floor + (1.0 - self.floor) * v.clamp(0.0, 1.0));
        // Grey component replacement: how dark the colour's lightest channel is says how much
        // of it is grey, and black prints that part from a quarter tone on.
        let grey = 1.0 - target.iter().copied().fold(0.0f32, f32::max);
        let grey_share = ((grey - BLACK_START) / (1.0 - self.floor - BLACK_START)).clamp(0.0, 1.0);
        let k = BLACK_MAX * grey_share.powf(1.2);
        let mut cmy = solve_cmy(target, k);
        // The ink limit comes out of the colour inks, so the black holds the detail.
        let total = cmy.iter().sum::<f32>() + k;
        if total > self.limit {
            let room = (self.limit - k).max(0.0);
            let sum: f32 = cmy.iter().sum();
            if sum > 0.0 {
                cmy = cmy.map(|v| v * room / sum);
            }
        }
        [cmy[0], cmy[1], cmy[2], k]
    }

    /// The generated ICC output profile (CMYK, Lab PCS, ICC v4 with lut16 tables), the same
    /// bytes every time. Made once per ink limit in a session: it is a pure function of it.
    pub fn icc_profile(&self) -> Result<std::sync::Arc<[u8]>, String> {
        type Made = std::collections::HashMap<u32, std::sync::Arc<[u8]>>;
        static PROFILES: std::sync::LazyLock<std::sync::Mutex<Made>> =
            std::sync::LazyLock::new(Default::default);
        let key = self.limit.to_bits();
        if let Some(found) = PROFILES.lock().ok().and_then(|p| p.get(&key).cloned()) {
            return Ok(found);
        }
        let made: std::sync::Arc<[u8]> = self.make_icc_profile()?.into();
        if let Ok(mut profiles) = PROFILES.lock() {
            if profiles.len() >= 16 {
                profiles.clear();
            }
            profiles.insert(key, made.clone());
        }
        Ok(made)
    }

    fn make_icc_profile(&self) -> Result<Vec<u8>, String> {
        let a_to_b = LutWarehouse::Lut(forward_lut());
        let b_to_a = LutWarehouse::Lut(self.separation_lut());
        let white = lab_to_xyz(rgb_to_lab(PAPER));
        let text = |s: &str| Some(ProfileText::PlainString(s.to_owned()));
        let mut profile = ColorProfile::default();
        profile.profile_class = ProfileClass::OutputDevice;
        profile.color_space = DataColorSpace::Cmyk;
        profile.pcs = DataColorSpace::Lab;
        profile.rendering_intent = RenderingIntent::Perceptual;
        profile.white_point = Xyzd {
            x: 0.9642,
            y: 1.0,
            z: 0.8249,
        };
        profile.media_white_point = Some(Xyzd {
            x: f64::from(white[0]),
            y: f64::from(white[1]),
            z: f64::from(white[2]),
        });
        profile.lut_a_to_b_perceptual = Some(a_to_b.clone());
        profile.lut_a_to_b_colorimetric = Some(a_to_b);
        profile.lut_b_to_a_perceptual = Some(b_to_a.clone());
        profile.lut_b_to_a_colorimetric = Some(b_to_a);
        profile.description = text(&format!(
            "Broadsheet newsprint (coldset, TVI 26%, GCR, {:.0}% ink)",
            self.limit * 100.0
        ));
        profile.copyright = text("No copyright: generated by Broadsheet, use freely");
        let mut bytes = profile.encode().map_err(|e| e.to_string())?;
        // moxcms stamps the header with the clock; a fixed date (2026-01-01) keeps the same
        // profile the same bytes, and so the PDF.
        if let Some(date) = bytes.get_mut(24..36) {
            date.copy_from_slice(&FIXED_DATE);
        }
        Ok(bytes)
    }

    /// BToA0: Lab (legacy 16-bit encoding) on a 17-point grid → CMYK.
    fn separation_lut(&self) -> LutDataType {
        const N: usize = 17;
        let mut clut = Vec::with_capacity(N * N * N * 4);
        for i in 0..N {
            for j in 0..N {
                for l in 0..N {
                    let s = |v: usize| v as f32 / (N - 1) as f32;
                    // lut16's legacy Lab: L* 0–100 over 0–0xFF00, a* and b* −128–127.996.
                    let lab = [
                        s(i) * 65535.0 / 65280.0 * 100.0,
                        s(j) * 65535.0 / 256.0 - 128.0,
                        s(l) * 65535.0 / 256.0 - 128.0,
                    ];
                    let rgb = xyz_to_linear_rgb(lab_to_xyz(lab));
                    for v in self.separate(rgb) {
                        clut.push(to_u16(v));
                    }
                }
            }
        }
        lut16(3, 4, N, clut)
    }
}

/// AToB0: CMYK on a 9-point grid → Lab (legacy 16-bit encoding).
fn forward_lut() -> LutDataType {
    const N: usize = 9;
    let mut clut = Vec::with_capacity(N.pow(4) * 3);
    let s = |v: usize| v as f32 / (N - 1) as f32;
    for c in 0..N {
        for m in 0..N {
            for y in 0..N {
                for k in 0..N {
                    let r = reflectance([s(c), s(m), s(y), s(k)]);
                    let lab = rgb_to_lab([r[0] * PAPER[0], r[1] * PAPER[1], r[2] * PAPER[2]]);
                    clut.push(to_u16(lab[0] / 100.0 * 65280.0 / 65535.0));
                    clut.push(to_u16((lab[1] + 128.0) * 256.0 / 65535.0));
                    clut.push(to_u16((lab[2] + 128.0) * 256.0 / 65535.0));
                }
            }
        }
    }
    lut16(4, 3, N, clut)
}

fn to_u16(v: f32) -> u16 {
    (v.clamp(0.0, 1.0) * 65535.0).round() as u16
}

/// A lut16 with identity input and output curves around the grid.
fn lut16(inputs: u8, outputs: u8, grid: usize, clut: Vec<u16>) -> LutDataType {
    let ramp: Vec<u16> = (0..256u32).map(|i| (i * 65535 / 255) as u16).collect();
    LutDataType {
        num_input_channels: inputs,
        num_output_channels: outputs,
        num_clut_grid_points: grid as u8,
        matrix: Matrix3d::IDENTITY,
        num_input_table_entries: 256,
        num_output_table_entries: 256,
        input_table: LutStore::Store16(ramp.repeat(usize::from(inputs))),
        clut_table: LutStore::Store16(clut),
        output_table: LutStore::Store16(ramp.repeat(usize::from(outputs))),
        lut_type: LutType::Lut16,
    }
}

/// Solves for the cyan, magenta and yellow that, over `k` black, print the relative
/// reflectance `target`: Newton's method on the logarithm of the model (where the inks'
/// effects add), clamped to what a plate can carry.
fn solve_cmy(target: [f32; 3], k: f32) -> [f32; 3] {
    let black = reflectance([0.0, 0.0, 0.0, k]);
    let want = [0, 1, 2].map(|ch| (target[ch] / black[ch]).clamp(1e-4, 1.0).ln());
    // A first guess from the main absorption of each ink.
    let mut x = [0, 1, 2].map(|i| (1.0 - (target[i] / black[i]).clamp(0.0, 1.0)).sqrt());
    for _ in 0..12 {
        let mut f = [0.0f32; 3];
        let mut jac = [[0.0f32; 3]; 3];
        // Each ink's printed coverage and its slope, once per step (not once per channel:
        // building a device link solves this some five thousand times).
        let a = x.map(printed);
        let slope = x.map(|x| DOT_GAIN_GAMMA * (1.0 - x).max(1e-3).powf(DOT_GAIN_GAMMA - 1.0));
        for ch in 0..3 {
            f[ch] = -want[ch];
            for i in 0..3 {
                let absorb = 1.0 - INK[i][ch];
                f[ch] += (1.0 - a[i] * absorb).ln();
                jac[ch][i] = -absorb * slope[i] / (1.0 - a[i] * absorb).max(1e-4);
            }
        }
        let Some(step) = solve3(jac, f) else { break };
        for i in 0..3 {
            x[i] = (x[i] - step[i]).clamp(0.0, 1.0);
        }
        // Converged to well under one 8-bit step.
        if step.iter().all(|s| s.abs() < 1e-4) {
            break;
        }
    }
    x
}

/// Solves `m · s = f` by Cramer's rule; None when `m` is singular.
fn solve3(m: [[f32; 3]; 3], f: [f32; 3]) -> Option<[f32; 3]> {
    let det = |m: [[f32; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(m);
    if d.abs() < 1e-9 {
        return None;
    }
    let column = |c: usize| {
        let mut mc = m;
        for r in 0..3 {
            mc[r][c] = f[r];
        }
        det(mc) / d
    };
    Some([column(0), column(1), column(2)])
}

/// Linear sRGB to XYZ under D50 (Bradford-adapted), as ICC's profile connection space has it.
const RGB_TO_XYZ: [[f32; 3]; 3] = [
    [0.436_074_7, 0.385_064_9, 0.143_080_4],
    [0.222_504_5, 0.716_878_6, 0.060_616_9],
    [0.013_932_2, 0.097_104_5, 0.714_173_3],
];
const XYZ_TO_RGB: [[f32; 3]; 3] = [
    [3.134_051_3, -1.617_275_3, -0.490_724_5],
    [-0.978_795_5, 1.916_142_1, 0.033_449_4],
    [0.071_955_3, -0.228_976_1, 1.405_223_9],
];
const D50: [f32; 3] = [0.9642, 1.0, 0.8249];

fn mul(m: [[f32; 3]; 3], v: [f32; 3]) -> [f32; 3] {
    m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
}

fn rgb_to_lab(rgb: [f32; 3]) -> [f32; 3] {
    let xyz = mul(RGB_TO_XYZ, rgb);
    let f = |t: f32| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let [fx, fy, fz] = [0, 1, 2].map(|i| f(xyz[i] / D50[i]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn lab_to_xyz(lab: [f32; 3]) -> [f32; 3] {
    let fy = (lab[0] + 16.0) / 116.0;
    let (fx, fz) = (fy + lab[1] / 500.0, fy - lab[2] / 200.0);
    let inv = |t: f32| {
        if t > 6.0 / 29.0 {
            t * t * t
        } else {
            (116.0 * t - 16.0) * 27.0 / 24389.0
        }
    };
    [inv(fx) * D50[0], inv(fy) * D50[1], inv(fz) * D50[2]]
}

fn xyz_to_linear_rgb(xyz: [f32; 3]) -> [f32; 3] {
    mul(XYZ_TO_RGB, xyz).map(|v| v.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_colour_separates_over_the_ink_limit() {
        let press = Newsprint::new(2.4);
        let mut most = 0.0f32;
        for r in 0..=10 {
            for g in 0..=10 {
                for b in 0..=10 {
                    let v = [r, g, b].map(|c| c as f32 / 10.0);
                    most = most.max(press.separate(v).iter().sum());
                }
            }
        }
        assert!(most <= 2.4 + 1e-4, "most ink {most}");
        assert!(
            most > 2.2,
            "the darkest colours should use the ink they may: {most}"
        );
    }

    #[test]
    fn white_takes_no_ink_and_black_is_mostly_black_ink() {
        let press = Newsprint::new(2.4);
        assert!(press.separate([1.0; 3]).iter().all(|&v| v < 0.01));
        let black = press.separate([0.0; 3]);
        assert!(black[3] > 0.9 && black[3] > black[0], "{black:?}");
    }

    #[test]
    fn a_neutral_grey_prints_with_black_and_balanced_colour() {
        let press = Newsprint::new(2.4);
        let [c, m, y, k] = press.separate([0.1; 3]);
        assert!(k > 0.3, "grey component replaced by black: k {k}");
        assert!(c >= m && c >= y, "cyan carries grey balance: {c} {m} {y}");
    }

    #[test]
    fn the_profile_is_a_cmyk_output_profile_moxcms_reads_back() {
        let bytes = Newsprint::new(2.4).make_icc_profile().unwrap();
        assert_eq!(&bytes[36..40], b"acsp");
        let back = ColorProfile::new_from_slice(&bytes).unwrap();
        assert_eq!(back.color_space, DataColorSpace::Cmyk);
        assert_eq!(back.profile_class, ProfileClass::OutputDevice);
        // The header's date is fixed, not the clock's: the same profile is the same bytes.
        assert_eq!(bytes[24..36], FIXED_DATE);
    }
}
