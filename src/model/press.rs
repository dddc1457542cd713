//! The house's settings for the printing plant: how much ink the press takes and what
//! overprints. They live in the edition file beside the copyfit limits, and every field has a
//! serde default, so files written before these settings existed load unchanged.

use serde::{Deserialize, Serialize};

/// What the print PDF does for a newsprint press.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PressSettings {
    /// The most ink (C+M+Y+K, in percent) any spot may carry: newsprint presses want about
    /// 240%; more sets off on the next sheet and dries badly. Photos are separated within it
    /// and preflight reports vector colours over it.
    #[serde(default = "PressSettings::default_ink_limit")]
    pub ink_limit_pct: f32,
    /// Text, rules and boxes in 100% K print over what is under them (叠印), so misregistered
    /// plates leave no white halo around black type.
    #[serde(default = "PressSettings::yes")]
    pub overprint_black: bool,
    /// Grey tints of K alone overprint too (some houses do this for tint boxes behind text).
    #[serde(default)]
    pub overprint_tints: bool,
}

impl PressSettings {
    /// The newsprint default (ISO 12647-3 coldset offset: 240%).
    pub const DEFAULT_INK_LIMIT: f32 = 240.0;
    /// The range the editor and the loader accept; under 100% even pure black would not fit.
    pub const INK_LIMIT_RANGE: std::ops::RangeInclusive<f32> = 100.0..=400.0;

    fn default_ink_limit() -> f32 {
        Self::DEFAULT_INK_LIMIT
    }
    fn yes() -> bool {
        true
    }
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
    /// Whether a colour prints over what is under it: K alone, at 100% (or any tint when the
    /// house overprints tints). The print PDF and the canvas both ask this.
    pub fn overprints(&self, color: super::Color) -> bool {
        match color {
            super::Color::Cmyk(0, 0, 0, k) if k > 0 => {
                (self.overprint_black && k >= 100) || self.overprint_tints
            }
            _ => false,
        }
    }

    /// The ink limit as the exporter uses it: a fraction of one ink (2.4 for 240%), kept
    /// within [`Self::INK_LIMIT_RANGE`] whatever the file says.
    pub fn ink_limit(&self) -> f32 {
        let (lo, hi) = (*Self::INK_LIMIT_RANGE.start(), *Self::INK_LIMIT_RANGE.end());
        if self.ink_limit_pct.is_finite() {
            self.ink_limit_pct.clamp(lo, hi) / 100.0
        } else {
            Self::DEFAULT_INK_LIMIT / 100.0
        }
    }
}

impl Default for PressSettings {
    fn default() -> Self {
        Self {
            ink_limit_pct: Self::DEFAULT_INK_LIMIT,
            overprint_black: true,
            overprint_tints: false,
        }
    }
}
