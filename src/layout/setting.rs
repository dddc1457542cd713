//! Shared by every text in a layout: turning a style into composition options, preparing
//! paragraphs once (a cache keyed by text and style), and placing composed lines as runs.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use super::display::{Item, PlacedRun, Point, RunDirection, TextRole};
use crate::model::{FontSpec, FrameId, Lang, ParagraphStyle, StoryId, Weight};
use crate::text::{FontBook, Line, Options, Paragraph, ShrinkPolicy};

/// Where the baseline sits below the top of a line's em box, in ems (Noto CJK's ascender).
pub const BASELINE_EM: f32 = 0.88;

/// The family used when a style names one the book does not have.
pub const FALLBACK_FAMILY: &str = "Noto Serif SC";

/// Composition options for a style in a language.
pub fn options(style: &ParagraphStyle, lang: Lang) -> Options {
    let size = style.size.pt().0;
    let base = match lang {
        Lang::Zh => Options::chinese(size),
        Lang::En => Options::english(size),
    };
    Options {
        indent_em: style.indent_em,
        level: if lang == Lang::En {
            base.level
        } else {
            style.prohibition
        },
        han_latin_space: style.han_latin_space,
        align: style.align,
        tracking_em: style.tracking_em,
        scale: style.scale,
        shrink: ShrinkPolicy::FULL,
        punct: style.punctuation,
        // The 字 grid is a Chinese setting: English text keeps the font's figures.
        figures: if lang == Lang::En {
            base.figures
        } else {
            style.figures
        },
        ..base
    }
}

/// Prepared paragraphs, shared between layouts so an edit reshapes only what changed.
#[derive(Default)]
pub struct ParagraphCache {
    map: Mutex<HashMap<u64, Arc<Paragraph>>>,
}

impl ParagraphCache {
    /// The prepared paragraph for `text` in `style`, shaping it only the first time. Returns
    /// whether the style's font was unknown (and the fallback used).
    pub fn get(
        &self,
        book: &FontBook,
        text: &str,
        style: &ParagraphStyle,
        lang: Lang,
    ) -> (Arc<Paragraph>, bool) {
        self.get_oriented(book, text, style, lang, false)
    }

    /// The paragraph prepared for vertical columns (竖排): measured down the column, with
    /// vertical glyph forms (see [`crate::text::vertical`]).
    pub fn get_vertical(
        &self,
        book: &FontBook,
        text: &str,
        style: &ParagraphStyle,
        lang: Lang,
    ) -> (Arc<Paragraph>, bool) {
        self.get_oriented(book, text, style, lang, true)
    }

    fn get_oriented(
        &self,
        book: &FontBook,
        text: &str,
        style: &ParagraphStyle,
        lang: Lang,
        vertical: bool,
    ) -> (Arc<Paragraph>, bool) {
        let opts = options(style, lang);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        hash_font(&style.font, &mut h);
        format!("{opts:?}").hash(&mut h);
        // Only hashed when set, so horizontal paragraphs keep the keys they had.
        if vertical {
            "vertical".hash(&mut h);
        }
        let key = h.finish();
        if let Some(p) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return (p, book.find(&style.font).is_none());
        }
        let (metrics, unknown) = match book.metrics(&style.font, lang) {
            Ok(m) => (m, false),
            Err(_) => {
                let fallback = FontSpec::new(FALLBACK_FAMILY, style.font.weight);
                (
                    book.metrics(&fallback, lang)
                        .expect("the fallback family is bundled"),
                    true,
                )
            }
        };
        let par = Arc::new(if vertical {
            crate::text::vertical::paragraph(text, opts, metrics)
        } else {
            Paragraph::new(text, opts, &metrics)
        });
        if let Ok(mut m) = self.map.lock() {
            // Bound the cache: a long editing session must not grow it forever.
            if m.len() > 20_000 {
                m.clear();
            }
            m.insert(key, par.clone());
        }
        (par, unknown)
    }
}

fn hash_font(f: &FontSpec, h: &mut impl Hasher) {
    f.family.hash(h);
    (f.weight == Weight::Bold).hash(h);
    f.italic.hash(h);
}

/// Who a placed line belongs to.
#[derive(Clone)]
pub struct Owner {
    pub frame: FrameId,
    pub story: Option<StoryId>,
    pub role: TextRole,
}

/// Places a composed line with its left edge at `x` and baseline at `baseline`.
pub fn place_line(
    par: &Paragraph,
    line: &Line,
    x: f32,
    baseline: f32,
    style: &ParagraphStyle,
    owner: &Owner,
    out: &mut Vec<Item>,
) {
    for run in line.glyph_runs(par) {
        out.push(Item::GlyphRun(PlacedRun {
            font: run.font,
            size: run.size,
            scale: run.scale,
            color: style.color,
            origin: Point {
                x: x + run.x,
                y: baseline,
            },
            glyphs: run.glyphs.into(),
            text: run.text.into(),
            role: owner.role,
            story: owner.story.clone(),
            frame: owner.frame.clone(),
            direction: RunDirection::Horizontal,
        }));
    }
}

/// Baseline of a line whose box (one leading high) starts at `top`.
pub fn baseline_in_box(top: f32, leading: f32, size: f32) -> f32 {
    top + (leading - size) / 2.0 + BASELINE_EM * size
}
