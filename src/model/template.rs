//! Page templates: trim, bleed, type area (版心), column grid, modules and baseline grid.
//! Stored explicitly; presets are only editable starting points.

use serde::{Deserialize, Serialize};

use super::style::{Problem, check_range};
use super::{Length, Pt, TemplateId};

/// The largest page a template may describe: 3 m a side, beyond any press.
pub const MAX_PAGE_PT: f32 = 3000.0 * 72.0 / 25.4;
/// Most grid columns a template may have.
pub const MAX_COLUMNS: u8 = 24;

/// The widest bleed: 4 inches (about 100 mm).
pub const MAX_BLEED_PT: f32 = 72.0 * 4.0;
/// Most modules (rows) a template may have.
pub const MAX_MODULES: u8 = 48;

/// The four margins around the type area. `inside` is the spine side on facing pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top: Length,
    pub bottom: Length,
    pub inside: Length,
    pub outside: Length,
}

/// Where the folio (paper name, date, page label, section) sits and how it is set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolioSpec {
    /// Height of the folio band above the type area, inside the top margin.
    pub height: Length,
    /// Paragraph style of the folio text.
    pub style: super::StyleId,
    /// Draw a rule under the folio band.
    #[serde(default = "yes")]
    pub rule: bool,
    /// What the folio prints at the left: text with placeholders `{paper} {date} {issue}
    /// {total} {page} {section} {title}`. Unset, the language's default ("{paper}　{date}").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
    /// What the folio prints at the right (default "第{page}版　{title}").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<String>,
}

fn yes() -> bool {
    true
}

/// A page template: everything a page takes from its master.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageTemplate {
    pub id: TemplateId,
    /// Human name, e.g. "对开 8栏".
    pub name: String,
    pub width: Length,
    pub height: Length,
    pub bleed: Length,
    pub margins: Margins,
    pub columns: u8,
    pub gutter: Length,
    /// The baseline grid: body leading. Body lines sit on multiples of it from the type area top.
    pub baseline: Length,
    /// Horizontal modules (rows) the type area is divided into.
    pub modules: u8,
    /// Founder-style column widths: each column holds this many characters (字) at a size; the
    /// gutters take what is left of the type area. When unset, `gutter` is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_chars: Option<ColumnChars>,
    #[serde(default)]
    pub folio: Option<FolioSpec>,
}

/// Column width given as characters at a body size, e.g. 11 字 at 五号.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnChars {
    pub chars: f32,
    pub size: super::FontSize,
}

/// A rectangle in points, origin at the trim's top-left corner, y down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rect {
    pub x: Pt,
    pub y: Pt,
    pub w: Pt,
    pub h: Pt,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self {
            x: Pt(x),
            y: Pt(y),
            w: Pt(w),
            h: Pt(h),
        }
    }

    pub fn right(&self) -> Pt {
        self.x + self.w
    }

    pub fn bottom(&self) -> Pt {
        self.y + self.h
    }

    /// True when the two rectangles share area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        self.x.0 + EPS < other.right().0
            && other.x.0 + EPS < self.right().0
            && self.y.0 + EPS < other.bottom().0
            && other.y.0 + EPS < self.bottom().0
    }

    /// The area both rectangles cover, or None when they share none.
    pub fn intersection(&self, other: &Rect) -> Option<Rect> {
        let x0 = self.x.0.max(other.x.0);
        let y0 = self.y.0.max(other.y.0);
        let x1 = self.right().0.min(other.right().0);
        let y1 = self.bottom().0.min(other.bottom().0);
        (x1 > x0 && y1 > y0).then(|| Rect::new(x0, y0, x1 - x0, y1 - y0))
    }

    /// The smallest rectangle covering both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x0 = self.x.0.min(other.x.0);
        let y0 = self.y.0.min(other.y.0);
        let x1 = self.right().0.max(other.right().0);
        let y1 = self.bottom().0.max(other.bottom().0);
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }

    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x.0 >= self.x.0 - EPS
            && other.y.0 >= self.y.0 - EPS
            && other.right().0 <= self.right().0 + EPS
            && other.bottom().0 <= self.bottom().0 + EPS
    }
}

impl PageTemplate {
    pub fn trim(&self) -> Rect {
        Rect {
            x: Pt::ZERO,
            y: Pt::ZERO,
            w: self.width.pt(),
            h: self.height.pt(),
        }
    }

    /// The type area (版心) of a page. `verso` pages have the inside margin on the right.
    pub fn type_area(&self, verso: bool) -> Rect {
        let m = &self.margins;
        let left = if verso { m.outside.pt() } else { m.inside.pt() };
        let w = self.width.pt() - m.inside.pt() - m.outside.pt();
        let h = self.height.pt() - m.top.pt() - m.bottom.pt();
        Rect {
            x: left,
            y: m.top.pt(),
            w,
            h,
        }
    }

    /// Width of one grid column.
    pub fn column_width(&self) -> Pt {
        if let Some(c) = &self.column_chars {
            return Pt(c.chars * c.size.pt().0);
        }
        let cols = f32::from(self.columns.max(1));
        let area = self.type_area(false).w;
        Pt((area.0 - self.gutter_width().0 * (cols - 1.0)) / cols)
    }

    /// Space between grid columns: the `gutter`, or what character-sized columns leave.
    pub fn gutter_width(&self) -> Pt {
        match &self.column_chars {
            Some(c) if self.columns > 1 => {
                let cols = f32::from(self.columns);
                let area = self.type_area(false).w.0;
                Pt(((area - cols * c.chars * c.size.pt().0) / (cols - 1.0)).max(0.0))
            }
            _ => self.gutter.pt(),
        }
    }

    /// Left edge of grid column `col` (0-based) on a page.
    pub fn column_x(&self, col: u8, verso: bool) -> Pt {
        let step = self.column_width().0 + self.gutter_width().0;
        Pt(self.type_area(verso).x.0 + step * f32::from(col))
    }

    /// Width spanned by `n` grid columns including the gutters between them.
    pub fn span_width(&self, n: u8) -> Pt {
        let n = f32::from(n.max(1));
        Pt(self.column_width().0 * n + self.gutter_width().0 * (n - 1.0))
    }

    /// How many grid columns a frame `width` wide spans. A frame drawn a little short of a
    /// column (within 30% of one) still counts it, because hands are not exact.
    pub fn columns_in_width(&self, width: Pt) -> u8 {
        let step = self.column_width().0 + self.gutter_width().0;
        if !(step > 0.0 && width.0.is_finite()) {
            return 1;
        }
        let max = f32::from(self.columns.max(1));
        ((width.0 + self.gutter_width().0 + step * 0.3) / step)
            .floor()
            .clamp(1.0, max) as u8
    }

    /// Height of one module (row).
    pub fn module_height(&self) -> Pt {
        Pt(self.type_area(false).h.0 / f32::from(self.modules.max(1)))
    }

    /// Checks the template's geometry, with a plain reason for the first problem: page size
    /// positive and at most 3 m, margins non-negative and leaving a type area, 1–24 columns
    /// whose gutters (or character-sized columns) fit the type area, a baseline of at least
    /// 1 pt, 1–48 modules, and a folio band inside the top margin.
    pub fn check(&self) -> Result<(), Problem> {
        let page = (0.0, MAX_PAGE_PT);
        check_range("width", self.width.pt().0, page, true, " pt")?;
        check_range("height", self.height.pt().0, page, true, " pt")?;
        check_range(
            "bleed",
            self.bleed.pt().0,
            (0.0, MAX_BLEED_PT),
            false,
            " pt",
        )?;
        let m = &self.margins;
        for (field, v) in [
            ("top", m.top),
            ("bottom", m.bottom),
            ("inside", m.inside),
            ("outside", m.outside),
        ] {
            check_range(field, v.pt().0, page, false, " pt")?;
        }
        let area = self.type_area(false);
        if area.w.0 <= 0.0 {
            return Err(Problem::new(
                "inside",
                "the inside and outside margins leave no type area: together they are as wide as the page",
            )
            .coded("no-type-width", &[]));
        }
        if area.h.0 <= 0.0 {
            return Err(Problem::new(
                "top",
                "the top and bottom margins leave no type area: together they are as tall as the page",
            )
            .coded("no-type-height", &[]));
        }
        if !(1..=MAX_COLUMNS).contains(&self.columns) {
            return Err(Problem::new(
                "columns",
                format!("columns must be 1 to {MAX_COLUMNS}, not {}", self.columns),
            )
            .coded(
                "count",
                &[
                    ("max", MAX_COLUMNS.to_string()),
                    ("value", self.columns.to_string()),
                ],
            ));
        }
        if !(1..=MAX_MODULES).contains(&self.modules) {
            return Err(Problem::new(
                "modules",
                format!("modules must be 1 to {MAX_MODULES}, not {}", self.modules),
            )
            .coded(
                "count",
                &[
                    ("max", MAX_MODULES.to_string()),
                    ("value", self.modules.to_string()),
                ],
            ));
        }
        let gutter = self.gutter.pt().0;
        check_range("gutter", gutter, page, false, " pt")?;
        let gutters = gutter * f32::from(self.columns - 1);
        if self.column_chars.is_none() && gutters >= area.w.0 {
            return Err(Problem::new(
                "gutter",
                format!(
                    "gutter wider than the page: {} gutters of {gutter} pt leave no room for the columns of a {:.1} pt type area",
                    self.columns - 1,
                    area.w.0
                ),
            )
            .coded(
                "gutter-too-wide",
                &[
                    ("gutters", (self.columns - 1).to_string()),
                    ("gutter", gutter.to_string()),
                    ("area", format!("{:.1}", area.w.0)),
                ],
            ));
        }
        check_range(
            "baseline",
            self.baseline.pt().0,
            (1.0, area.h.0),
            false,
            " pt",
        )?;
        if let Some(c) = &self.column_chars {
            check_range("chars", c.chars, (0.0, 1000.0), true, " 字")?;
            let size = c.size.pt().0;
            check_range("size", size, (0.0, super::MAX_SIZE_PT), true, " pt")?;
            let columns = f32::from(self.columns) * c.chars * size;
            if columns > area.w.0 + 0.01 {
                return Err(Problem::new(
                    "chars",
                    format!(
                        "{} columns of {} 字 at {size} pt need {columns:.1} pt, more than the {:.1} pt type area",
                        self.columns, c.chars, area.w.0
                    ),
                )
                .coded(
                    "chars-too-wide",
                    &[
                        ("columns", self.columns.to_string()),
                        ("chars", c.chars.to_string()),
                        ("size", size.to_string()),
                        ("need", format!("{columns:.1}")),
                        ("area", format!("{:.1}", area.w.0)),
                    ],
                ));
            }
        }
        if let Some(f) = &self.folio {
            check_range("height", f.height.pt().0, (0.0, m.top.pt().0), false, " pt").map_err(
                |_| {
                    Problem::new(
                        "folio",
                        format!(
                            "the folio band ({}) must fit in the top margin ({})",
                            f.height, m.top
                        ),
                    )
                    .coded(
                        "folio-too-tall",
                        &[("folio", f.height.to_string()), ("top", m.top.to_string())],
                    )
                },
            )?;
        }
        Ok(())
    }

    /// The column width in whole 字 of `size` that `columns` columns with gutters of `gutter_chars`
    /// 字 leave in the type area: Founder's way of giving a grid ("8 栏, 11 字 at 五号, 1-字 gutters").
    /// `None` when not even one character fits.
    pub fn fitting_column_chars(
        &self,
        size: super::FontSize,
        gutter_chars: f32,
    ) -> Option<ColumnChars> {
        let em = size.pt().0;
        let cols = f32::from(self.columns.max(1));
        if !(em > 0.0 && gutter_chars >= 0.0) {
            return None;
        }
        let free = self.type_area(false).w.0 - (cols - 1.0) * gutter_chars * em;
        let chars = (free / cols / em).floor();
        (chars >= 1.0).then_some(ColumnChars { chars, size })
    }

    /// Editable starting points for new editions.
    pub fn presets() -> Vec<PageTemplate> {
        let mm = Length::Mm;
        let folio = || {
            Some(FolioSpec {
                height: mm(12.0),
                style: super::StyleId::new("folio"),
                rule: true,
                left: None,
                right: None,
            })
        };
        let preset =
            |id: &str, name: &str, w, h, cols, margins: [f32; 4], gutter, baseline| PageTemplate {
                id: TemplateId::new(id),
                name: name.to_owned(),
                width: mm(w),
                height: mm(h),
                bleed: mm(3.0),
                margins: Margins {
                    top: mm(margins[0]),
                    bottom: mm(margins[1]),
                    inside: mm(margins[2]),
                    outside: mm(margins[3]),
                },
                columns: cols,
                gutter,
                baseline,
                modules: 8,
                column_chars: None,
                folio: folio(),
            };
        vec![
            // 对开: 390 × 540 mm, 8 columns of 11 字 at 五号 with 1-字 gutters.
            preset(
                "duikai",
                "对开 8栏",
                390.0,
                540.0,
                8,
                [30.0, 20.0, 20.0, 20.0],
                Length::Pt(10.5),
                Length::Pt(15.0),
            ),
            preset(
                "sikai",
                "四开 6栏",
                270.0,
                390.0,
                6,
                [24.0, 15.0, 13.0, 13.0],
                Length::Pt(9.0),
                Length::Pt(13.0),
            ),
            preset(
                "berliner",
                "Berliner",
                315.0,
                470.0,
                6,
                [24.0, 15.0, 14.0, 14.0],
                Length::Mm(4.0),
                Length::Pt(11.5),
            ),
            PageTemplate {
                width: Length::In(12.0),
                height: Length::In(22.75),
                ..preset(
                    "us-broadsheet",
                    "US broadsheet",
                    0.0,
                    0.0,
                    6,
                    [25.0, 15.0, 13.0, 13.0],
                    Length::In(0.1667),
                    Length::Pt(11.0),
                )
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_given_in_characters_set_the_gutters() {
        let mut t = PageTemplate::presets().remove(0);
        t.column_chars = Some(ColumnChars {
            chars: 11.0,
            size: "五号".parse().unwrap(),
        });
        assert!((t.column_width().0 - 115.5).abs() < 1e-3);
        let area = t.type_area(false);
        // Eight columns and seven gutters fill the type area exactly.
        assert!((t.span_width(8).0 - area.w.0).abs() < 1e-3);
        assert!((t.column_x(7, false).0 + 115.5 - area.right().0).abs() < 1e-3);
    }

    #[test]
    fn founder_column_widths_fit_the_type_area_or_are_refused() {
        let mut t = PageTemplate::presets().remove(0);
        let size: super::super::FontSize = "五号".parse().unwrap();
        // 对开, 8 columns with 1-字 gutters at 五号: the widest whole-字 column.
        let fit = t.fitting_column_chars(size.clone(), 1.0).unwrap();
        t.column_chars = Some(fit.clone());
        assert_eq!(t.check(), Ok(()));
        assert_eq!(fit.chars, 10.0);
        // With no gutters at all, 11 字 columns still fit; 12 do not.
        let mut wider = t.clone();
        wider.column_chars = Some(ColumnChars { chars: 12.0, size });
        let err = wider.check().unwrap_err();
        assert_eq!(err.field, "chars");
        assert!(err.reason.contains("more than the"), "{err}");
        let mut no_area = t.clone();
        no_area.margins.inside = Length::Mm(200.0);
        no_area.margins.outside = Length::Mm(200.0);
        assert!(no_area.check().unwrap_err().reason.contains("no type area"));
    }
}
