//! Checks for the printing plant, read off the display list (what the PDF will draw): colours
//! over the house's ink limit, hairlines a newsprint press loses, and small text in more than
//! one ink, which misregistration blurs. Photos under 200 PPI are reported where they are
//! placed ([`super::frames`]); the press PDF separates every photo, and
//! [`crate::export::press::rgb_images`] finds any RGB image left in a finished PDF.

use super::{Item, PageLayout};
use crate::model::{Color, Diagnostic, FrameId, PressSettings, Severity};

/// The thinnest line a newsprint press holds, in points.
pub const MIN_LINE_PT: f32 = 0.25;
/// Text smaller than this, in points, should print in one ink.
pub const MIN_MULTI_INK_TEXT_PT: f32 = 6.0;

/// Findings of one page, at most one of each kind per frame.
struct Findings<'a> {
    label: &'a str,
    out: Vec<Diagnostic>,
    seen: Vec<(&'static str, Option<FrameId>)>,
}

impl Findings<'_> {
    fn push(&mut self, frame: Option<&FrameId>, d: Diagnostic) {
        let key = (d.code, frame.cloned());
        if self.seen.contains(&key) {
            return;
        }
        self.seen.push(key);
        let d = d.on_page(self.label.to_owned());
        self.out.push(match frame {
            Some(f) => d.in_frame(f.clone()),
            None => d,
        });
    }

    /// A vector colour over the ink limit (percent). Photos are separated within it.
    fn colour(&mut self, c: Color, frame: Option<&FrameId>, limit: f32) {
        let Color::Cmyk(cy, m, y, k) = c else { return };
        let total = f32::from(cy) + f32::from(m) + f32::from(y) + f32::from(k);
        if total > limit {
            self.push(
                frame,
                Diagnostic::new(
                    Severity::Warning,
                    "ink-over-limit",
                    format!(
                        "the colour C{cy} M{m} Y{y} K{k} carries {total:.0}% ink, over the house's {limit:.0}%: it may set off or smear on newsprint"
                    ),
                )
                .arg("ink", format!("{total:.0}"))
                .arg("limit", format!("{limit:.0}"))
                .arg("color", format!("C{cy} M{m} Y{y} K{k}")),
            );
        }
    }

    fn hairline(&mut self, width: f32, frame: Option<&FrameId>) {
        if width > 0.0 && width < MIN_LINE_PT {
            self.push(
                frame,
                Diagnostic::new(
                    Severity::Warning,
                    "hairline",
                    format!(
                        "a line {width:.2} pt wide is under {MIN_LINE_PT} pt: newsprint may not hold it"
                    ),
                )
                .arg("width", format!("{width:.2}")),
            );
        }
    }

    fn small_text(&mut self, run: &super::PlacedRun) {
        let n = inks(run.color);
        if run.size < MIN_MULTI_INK_TEXT_PT && n > 1 {
            self.push(
                Some(&run.frame),
                Diagnostic::new(
                    Severity::Warning,
                    "small-colour-text",
                    format!(
                        "text at {:.1} pt prints in {n} inks: on newsprint the plates never register exactly, so type under {MIN_MULTI_INK_TEXT_PT} pt should be one ink (black)",
                        run.size
                    ),
                )
                .arg("size", format!("{:.1}", run.size))
                .arg("inks", n),
            );
        }
    }
}

/// The press findings of one laid-out page, at most one of each kind per frame.
pub fn check(page: &PageLayout, press: &PressSettings) -> Vec<Diagnostic> {
    let mut found = Findings {
        label: &page.label,
        out: Vec::new(),
        seen: Vec::new(),
    };
    let limit = press.ink_limit() * 100.0;
    // Rules and boxes carry no frame ID; the smallest frame around them names them. (Tints
    // are drawn before everything else, so the order of the list does not tell.)
    let tags: Vec<&super::FrameTag> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Frame(t) => Some(t),
            _ => None,
        })
        .collect();
    let frame_at = |x: f32, y: f32| {
        tags.iter()
            .filter(|t| {
                let r = t.rect;
                x >= r.x.0 && x <= r.x.0 + r.w.0 && y >= r.y.0 && y <= r.y.0 + r.h.0
            })
            .min_by(|a, b| (a.rect.w.0 * a.rect.h.0).total_cmp(&(b.rect.w.0 * b.rect.h.0)))
            .map(|t| &t.frame)
    };
    for item in &page.items {
        match item {
            Item::GlyphRun(run) => {
                found.colour(run.color, Some(&run.frame), limit);
                found.small_text(run);
            }
            Item::Rule(r) => {
                let frame = frame_at((r.from.x + r.to.x) / 2.0, (r.from.y + r.to.y) / 2.0);
                found.colour(r.color, frame, limit);
                found.hairline(r.width, frame);
            }
            Item::Rect(r) => {
                let frame = frame_at(r.rect.x.0 + r.rect.w.0 / 2.0, r.rect.y.0 + r.rect.h.0 / 2.0);
                if let Some(c) = r.fill {
                    found.colour(c, frame, limit);
                }
                if let Some((c, w)) = r.stroke {
                    found.colour(c, frame, limit);
                    found.hairline(w, frame);
                }
            }
            Item::Image(_) | Item::Frame(_) => {}
        }
    }
    found.out
}

/// How many inks a colour prints with: its non-zero CMYK components; an RGB colour is
/// separated into several (all but white and pure greys, which black prints alone).
fn inks(c: Color) -> usize {
    match c {
        Color::Cmyk(cy, m, y, k) => [cy, m, y, k].iter().filter(|&&v| v > 0).count(),
        Color::Rgb(255, 255, 255) => 0,
        Color::Rgb(..) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{RectItem, RuleItem};

    fn page(items: Vec<Item>) -> PageLayout {
        PageLayout {
            index: 0,
            label: "1".into(),
            width: 100.0,
            height: 100.0,
            bleed: 0.0,
            status: Default::default(),
            items,
        }
    }

    fn codes(items: Vec<Item>) -> Vec<&'static str> {
        check(&page(items), &PressSettings::default())
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn a_rich_box_over_the_ink_limit_and_a_hairline_are_reported() {
        let boxed = Item::Rect(RectItem {
            rect: crate::model::Rect::new(0.0, 0.0, 10.0, 10.0),
            fill: Some(Color::Cmyk(60, 60, 60, 100)),
            stroke: Some((Color::BLACK, 0.1)),
            dash: None,
        });
        assert_eq!(codes(vec![boxed]), ["ink-over-limit", "hairline"]);
    }

    #[test]
    fn a_quarter_point_rule_in_black_is_fine() {
        let rule = Item::Rule(RuleItem {
            from: crate::layout::Point { x: 0.0, y: 0.0 },
            to: crate::layout::Point { x: 10.0, y: 0.0 },
            width: 0.25,
            color: Color::BLACK,
            dash: None,
        });
        assert!(codes(vec![rule]).is_empty());
    }
}
