//! A photo's crop and the maths of the content grabber: dragging the image inside its frame
//! pans the crop, scrolling scales it, and both stay inside the image.

use serde::{Deserialize, Serialize};

/// Fractions of the source image cut off each side before fitting, 0.0–1.0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crop {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Crop {
    /// The smallest share of the image a crop keeps on either axis (1%): the layout never
    /// scales a photo up by more than 100× its full size.
    pub const MIN_KEEP: f32 = 0.01;

    /// How much one scroll step scales the image: 10% larger (or smaller) per step.
    pub const ZOOM_STEP: f32 = 1.1;

    /// The share of the image kept across and down.
    pub fn kept(&self) -> (f32, f32) {
        (1.0 - self.left - self.right, 1.0 - self.top - self.bottom)
    }

    /// True when every side is finite and between 0 and 1 and at least [`Self::MIN_KEEP`] of
    /// the image is kept each way.
    pub fn is_valid(&self) -> bool {
        let (kw, kh) = self.kept();
        [self.left, self.top, self.right, self.bottom]
            .iter()
            .all(|v| v.is_finite() && (0.0..1.0).contains(v))
            && kw >= Self::MIN_KEEP - 1e-6
            && kh >= Self::MIN_KEEP - 1e-6
    }

    /// The nearest valid crop: NaN sides become 0, sides are clamped to 0–1, and when the two
    /// sides of an axis leave less than [`Self::MIN_KEEP`], both give way in proportion.
    pub fn clamped(self) -> Crop {
        let side = |v: f32| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        // One axis: keep the sides' ratio so the crop's centre stays where the user put it.
        let axis = |a: f32, b: f32| {
            let (a, b) = (side(a), side(b));
            let cut = a + b;
            let max_cut = 1.0 - Self::MIN_KEEP;
            if cut <= max_cut {
                (a, b)
            } else {
                (a * max_cut / cut, b * max_cut / cut)
            }
        };
        let (left, right) = axis(self.left, self.right);
        let (top, bottom) = axis(self.top, self.bottom);
        Crop {
            left,
            top,
            right,
            bottom,
        }
    }

    /// The crop after dragging the image by `drag` points (x right, y down) while it shows at
    /// `pt_per_px` points per source pixel of an image `size` pixels large.
    ///
    /// Dragging the image right shows more of its left: the crop window moves left by
    /// `dx / pt_per_px` pixels, i.e. `dx / (pt_per_px × width)` as a fraction. The window keeps
    /// its size and stops at the image's edges (a side never goes below 0).
    pub fn panned(self, drag: (f32, f32), pt_per_px: f32, size: (u32, u32)) -> Crop {
        let c = self.clamped();
        if !(pt_per_px.is_finite() && pt_per_px > 0.0) {
            return c;
        }
        let frac = |d: f32, px: u32| {
            let v = d / (pt_per_px * px.max(1) as f32);
            if v.is_finite() { v } else { 0.0 }
        };
        // Moving the window by f takes f off the near side and adds it to the far one; the
        // clamp keeps both sides at or above 0.
        let fx = frac(drag.0, size.0).clamp(-c.right, c.left);
        let fy = frac(drag.1, size.1).clamp(-c.bottom, c.top);
        Crop {
            left: c.left - fx,
            right: c.right + fx,
            top: c.top - fy,
            bottom: c.bottom + fy,
        }
    }

    /// The crop after scaling the image by `factor` about the window's centre (above 1: the
    /// image grows, the window shrinks). One factor for both axes, so the window keeps its
    /// shape: it is limited so the window neither leaves the image (`factor` ≥ the larger
    /// kept share) nor drops under [`Self::MIN_KEEP`]; a window pushed past an edge by
    /// zooming out slides back inside.
    pub fn zoomed(self, factor: f32) -> Crop {
        let c = self.clamped();
        if !(factor.is_finite() && factor > 0.0) {
            return c;
        }
        let (kw, kh) = c.kept();
        let factor = factor
            .max(kw.max(kh))
            .min(kw.min(kh) / Self::MIN_KEEP)
            .max(f32::MIN_POSITIVE);
        let axis = |near: f32, kept: f32| {
            let centre = near + kept / 2.0;
            let new_kept = (kept / factor).min(1.0);
            let near = (centre - new_kept / 2.0).clamp(0.0, 1.0 - new_kept);
            (near, 1.0 - new_kept - near)
        };
        let (left, right) = axis(c.left, kw);
        let (top, bottom) = axis(c.top, kh);
        Crop {
            left,
            top,
            right,
            bottom,
        }
        .clamped()
    }

    /// The crop for a photo of `new` pixels replacing one of `old` pixels in the same frame.
    ///
    /// Same aspect ratio (within 1%), or no crop: the crop stays as it is. Otherwise the crop
    /// window keeps its centre, its shape in pixels (so the frame shows the same framing) and
    /// its share of the image's area: with `a` the window's aspect and `s` its area share,
    /// the new shares are `kw = √(s·a·H/W)` and `kh = s / kw`, scaled down together when
    /// either passes 1, and the window slides back inside the image.
    pub fn for_image(self, old: (u32, u32), new: (u32, u32)) -> Crop {
        let c = self.clamped();
        let aspect = |(w, h): (u32, u32)| w.max(1) as f32 / h.max(1) as f32;
        if c == Crop::default() || (aspect(old) / aspect(new) - 1.0).abs() < 0.01 {
            return c;
        }
        let (kw, kh) = c.kept();
        let window = kw * aspect(old) / kh;
        let share = kw * kh;
        let mut nkw = (share * window / aspect(new)).sqrt();
        let mut nkh = share / nkw;
        let over = nkw.max(nkh);
        if over > 1.0 {
            nkw /= over;
            nkh /= over;
        }
        let axis = |near: f32, kept: f32, new_kept: f32| {
            let centre = near + kept / 2.0;
            let near = (centre - new_kept / 2.0).clamp(0.0, 1.0 - new_kept);
            (near, 1.0 - new_kept - near)
        };
        let (left, right) = axis(c.left, kw, nkw);
        let (top, bottom) = axis(c.top, kh, nkh);
        Crop {
            left,
            top,
            right,
            bottom,
        }
        .clamped()
    }

    /// [`Self::zoomed`] by `steps` scroll steps of [`Self::ZOOM_STEP`] (negative: smaller).
    pub fn zoomed_steps(self, steps: f32) -> Crop {
        self.zoomed(Self::ZOOM_STEP.powf(steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Crop, b: Crop) -> bool {
        [
            a.left - b.left,
            a.top - b.top,
            a.right - b.right,
            a.bottom - b.bottom,
        ]
        .iter()
        .all(|d| d.abs() < 1e-4)
    }

    #[test]
    fn dragging_the_image_right_moves_the_crop_window_left_by_the_drag_in_pixels() {
        let c = Crop {
            left: 0.25,
            top: 0.0,
            right: 0.25,
            bottom: 0.0,
        };
        // 1000 px wide shown at 0.5 pt/px: a 50 pt drag is 100 px, a tenth of the width.
        let moved = c.panned((50.0, 0.0), 0.5, (1000, 800));
        assert!(close(
            moved,
            Crop {
                left: 0.15,
                right: 0.35,
                ..c
            }
        ));
    }

    #[test]
    fn a_drag_past_the_images_edge_stops_at_the_edge() {
        let c = Crop {
            left: 0.1,
            top: 0.2,
            right: 0.3,
            bottom: 0.0,
        };
        // Right and up: the window goes left to the edge; down it cannot (the bottom is 0).
        let moved = c.panned((1e6, -1e6), 1.0, (100, 100));
        assert!(close(
            moved,
            Crop {
                left: 0.0,
                right: 0.4,
                ..c
            }
        ));
        let moved = c.panned((0.0, 1e6), 1.0, (100, 100));
        assert!(close(
            moved,
            Crop {
                top: 0.0,
                bottom: 0.2,
                ..c
            }
        ));
        assert!(moved.is_valid());
    }

    #[test]
    fn zooming_in_shrinks_the_window_about_its_centre_and_keeps_its_shape() {
        let c = Crop {
            left: 0.2,
            top: 0.1,
            right: 0.2,
            bottom: 0.1,
        };
        let z = c.zoomed(2.0);
        assert!(close(
            z,
            Crop {
                left: 0.35,
                top: 0.3,
                right: 0.35,
                bottom: 0.3
            }
        ));
        // Zooming out again returns to where it was.
        assert!(close(z.zoomed(0.5), c));
    }

    #[test]
    fn zooming_out_never_leaves_the_image_and_slides_back_from_an_edge() {
        let c = Crop {
            left: 0.0,
            top: 0.0,
            right: 0.5,
            bottom: 0.5,
        };
        let z = c.zoomed_steps(-100.0);
        assert!(z.is_valid());
        assert!(close(z, Crop::default()));
        let z = Crop {
            left: 0.0,
            top: 0.25,
            right: 0.5,
            bottom: 0.25,
        }
        .zoomed(0.8);
        // The window grows to 62.5% about x = 0.25 and slides right to stay inside.
        assert!(close(
            z,
            Crop {
                left: 0.0,
                right: 0.375,
                top: 0.1875,
                bottom: 0.1875
            }
        ));
    }

    #[test]
    fn zooming_in_stops_at_the_smallest_window() {
        let z = Crop::default().zoomed(1e9);
        let (kw, kh) = z.kept();
        assert!((kw - Crop::MIN_KEEP).abs() < 1e-4 && (kh - Crop::MIN_KEEP).abs() < 1e-4);
    }

    #[test]
    fn a_replacement_of_the_same_aspect_keeps_the_crop() {
        let c = Crop {
            left: 0.1,
            top: 0.2,
            right: 0.3,
            bottom: 0.0,
        };
        assert_eq!(c.for_image((400, 300), (800, 600)), c);
    }

    #[test]
    fn a_replacement_of_another_aspect_keeps_the_windows_shape_centre_and_share() {
        let c = Crop {
            left: 0.25,
            top: 0.25,
            right: 0.25,
            bottom: 0.25,
        };
        // A 200×200 px window of a 400×400 image; the new image is 800×400.
        let n = c.for_image((400, 400), (800, 400));
        assert!(n.is_valid(), "{n:?}");
        let (kw, kh) = n.kept();
        let (w, h) = (kw * 800.0, kh * 400.0);
        assert!((w / h - 1.0).abs() < 1e-3, "square window: {w}×{h}");
        assert!((kw * kh - 0.25).abs() < 1e-3, "same share");
        assert!((n.left + kw / 2.0 - 0.5).abs() < 1e-3, "same centre");
        // No crop stays no crop.
        assert_eq!(
            Crop::default().for_image((400, 400), (800, 400)),
            Crop::default()
        );
    }

    #[test]
    fn clamping_repairs_nan_negative_and_overlapping_sides() {
        let c = Crop {
            left: f32::NAN,
            top: -0.5,
            right: 0.6,
            bottom: 0.9,
        }
        .clamped();
        assert!(c.is_valid(), "{c:?}");
        let c = Crop {
            left: 0.75,
            right: 0.75,
            top: 0.0,
            bottom: 0.0,
        }
        .clamped();
        assert!(c.is_valid() && (c.left - c.right).abs() < 1e-6, "{c:?}");
    }
}
