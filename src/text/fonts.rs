//! Fonts: the bundled faces (loaded by path from `fonts/`, compiled in), looked up by family,
//! weight and style, with fallback between the CJK and Latin faces, and shaped with harfrust.

use std::str::FromStr as _;

use skrifa::MetadataProvider as _;
use skrifa::charmap::Charmap;
use skrifa::raw::TableProvider as _;

use super::class::Class;
use super::metrics::{Measured, Metrics, ShapedGlyph};
use crate::bundle;
use crate::model::{FontSpec, Lang, Weight};

/// Index of a face in a [`FontBook`]; stable for the book's lifetime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FontId(pub u16);

/// One loaded face.
pub struct Face {
    /// File name (bundled) or path the face was loaded from.
    pub file: String,
    /// Face index inside a collection file.
    pub index: u32,
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    pub data: &'static [u8],
    pub units_per_em: u16,
    font: skrifa::FontRef<'static>,
    charmap: Charmap<'static>,
    shaper_data: harfrust::ShaperData,
    cjk: bool,
}

impl Face {
    fn load(
        file: &str,
        family: &str,
        bold: bool,
        italic: bool,
        data: &'static [u8],
        index: u32,
    ) -> Option<Self> {
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        let units_per_em = font.head().ok()?.units_per_em();
        let charmap = font.charmap();
        let shaper_data = harfrust::ShaperData::new(&font);
        let cjk = charmap.map('中').is_some();
        Some(Self {
            file: file.to_owned(),
            index,
            family: family.to_owned(),
            bold,
            italic,
            data,
            units_per_em,
            font,
            charmap,
            shaper_data,
            cjk,
        })
    }

    /// True when the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.charmap.map(c).is_some()
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.charmap.map(c).map(|g| g.to_u32() as u16)
    }

    pub fn font_ref(&self) -> &skrifa::FontRef<'static> {
        &self.font
    }

    /// True for the CJK faces.
    pub fn is_cjk(&self) -> bool {
        self.cjk
    }
}

/// The faces available to layout. Built from the bundle; never from system fonts.
pub struct FontBook {
    faces: Vec<Face>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.faces.iter().map(|face| &face.file))
            .finish()
    }
}

impl FontBook {
    /// All bundled faces.
    pub fn bundled() -> Self {
        let faces = bundle::FONTS
            .iter()
            .filter_map(|f| Face::load(f.file, f.family, f.bold, f.italic, f.data, 0))
            .collect();
        Self { faces }
    }

    /// The shared bundled book, loaded once per process.
    pub fn shared() -> &'static FontBook {
        static BOOK: std::sync::OnceLock<FontBook> = std::sync::OnceLock::new();
        BOOK.get_or_init(FontBook::bundled)
    }

    pub fn face(&self, id: FontId) -> &Face {
        &self.faces[usize::from(id.0)]
    }

    pub fn faces(&self) -> impl Iterator<Item = (FontId, &Face)> {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, f)| (FontId(i as u16), f))
    }

    /// Family names available, in bundle order, without repeats.
    pub fn families(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.faces {
            if !out.contains(&f.family.as_str()) {
                out.push(&f.family);
            }
        }
        out
    }

    /// The face for a spec: exact family, weight and style; else the same family's nearest
    /// face; `None` when the family is unknown.
    pub fn find(&self, spec: &FontSpec) -> Option<FontId> {
        let bold = spec.weight == Weight::Bold;
        let score = |f: &Face| u8::from(f.bold != bold) * 2 + u8::from(f.italic != spec.italic);
        self.faces()
            .filter(|(_, f)| f.family.eq_ignore_ascii_case(&spec.family))
            .min_by_key(|(_, f)| score(f))
            .map(|(id, _)| id)
    }

    /// Faces to try, in order, for text in `primary`: the face itself, then the CJK faces for
    /// Han in a Latin face, then the Latin faces for Latin in a CJK face — same weight first.
    fn fallback_chain(&self, primary: FontId) -> Vec<FontId> {
        let p = self.face(primary);
        let mut chain = vec![primary];
        let mut others: Vec<(FontId, &Face)> =
            self.faces().filter(|(id, _)| *id != primary).collect();
        let serif = p.family.contains("Serif");
        others.sort_by_key(|(id, f)| {
            (
                f.cjk == p.cjk,
                f.bold != p.bold,
                f.italic != p.italic,
                f.family.contains("Serif") != serif,
                *id,
            )
        });
        chain.extend(others.into_iter().map(|(id, _)| id));
        chain
    }

    /// Checks that the book has `spec`'s family, with a plain reason when it does not (the
    /// style editor shows it; layout sets such a style in the fallback face and says so).
    pub fn check_spec(&self, spec: &FontSpec) -> Result<(), UnknownFont> {
        self.find(spec).map(|_| ()).ok_or_else(|| UnknownFont {
            family: spec.family.clone(),
            available: self.families().join(", "),
        })
    }

    /// A [`Metrics`] that shapes with `spec`'s face (and fallbacks) in `lang`.
    pub fn metrics(&self, spec: &FontSpec, lang: Lang) -> Result<Shaping<'_>, UnknownFont> {
        let primary = self.find(spec).ok_or_else(|| UnknownFont {
            family: spec.family.clone(),
            available: self.families().join(", "),
        })?;
        Ok(Shaping {
            book: self,
            chain: self.fallback_chain(primary),
            lang,
        })
    }
}

/// A style names a family the book does not have.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("unknown font family \"{family}\" (available: {available})")]
pub struct UnknownFont {
    pub family: String,
    pub available: String,
}

/// Real-font metrics: shapes runs of text with harfrust.
pub struct Shaping<'a> {
    book: &'a FontBook,
    chain: Vec<FontId>,
    lang: Lang,
}

impl Shaping<'_> {
    pub fn primary(&self) -> FontId {
        self.chain[0]
    }

    /// The face for one character: the first in the chain that has it.
    fn face_for(&self, c: char) -> Option<FontId> {
        self.chain
            .iter()
            .copied()
            .find(|&id| self.book.face(id).has(c))
    }

    fn shape_run(
        &self,
        font: FontId,
        text: &str,
        first_char: usize,
        han: bool,
        size: f32,
        out: &mut Measured,
    ) {
        let face = self.book.face(font);
        let shaper = face.shaper_data.shaper(&face.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(harfrust::Direction::LeftToRight);
        buffer.set_script(if han {
            harfrust::script::HAN
        } else {
            harfrust::script::LATIN
        });
        let lang = match (self.lang, han) {
            (Lang::Zh, _) | (Lang::En, true) => "zh-Hans",
            (Lang::En, false) => "en",
        };
        if let Ok(l) = harfrust::Language::from_str(lang) {
            buffer.set_language(l);
        }
        let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new());
        let scale = size / f32::from(face.units_per_em);
        // Clusters are byte offsets in `text`; map them to paragraph character indices once,
        // through a table, since counting characters up to each cluster would be quadratic in
        // the run's length.
        let mut char_of_byte = vec![0; text.len() + 1];
        for (i, (byte, _)) in text.char_indices().enumerate() {
            char_of_byte[byte] = i;
        }
        let char_at =
            |byte: u32| first_char + char_of_byte.get(byte as usize).copied().unwrap_or(0);
        for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
            let char_index = char_at(info.cluster);
            out.advances[char_index] += pos.x_advance as f32 * scale;
            out.glyphs.push(ShapedGlyph {
                font,
                id: info.glyph_id as u16,
                char_index,
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: -(pos.y_offset as f32) * scale,
            });
        }
    }
}

impl Metrics for Shaping<'_> {
    fn measure(&self, text: &str, chars: &[char], classes: &[Class], size: f32) -> Measured {
        let mut out = Measured {
            advances: vec![0.0; chars.len()],
            ..Measured::default()
        };
        // Split into runs of one face and one script side (Han or not), so each run shapes with
        // the language system its features live under (the ZHS `locl` that makes `—` full width).
        let mut runs: Vec<(FontId, bool, usize, usize)> = Vec::new();
        let mut byte = 0;
        for (i, (&c, &class)) in chars.iter().zip(classes).enumerate() {
            let font = self.face_for(c).unwrap_or_else(|| {
                if !c.is_whitespace() {
                    out.missing.push((i, c));
                }
                self.primary()
            });
            let han = !matches!(
                class,
                Class::Latin | Class::Digit | Class::Space | Class::Other
            ) || (class == Class::Other && !c.is_ascii());
            let han = han && self.book.face(font).is_cjk();
            match runs.last_mut() {
                Some((f, h, _, end)) if *f == font && *h == han => *end = byte + c.len_utf8(),
                _ => runs.push((font, han, byte, byte + c.len_utf8())),
            }
            byte += c.len_utf8();
        }
        let mut first_char = 0;
        for (font, han, start, end) in runs {
            let run = &text[start..end];
            self.shape_run(font, run, first_char, han, size, &mut out);
            first_char += run.chars().count();
        }
        let hyphen_font = self.primary();
        if let Some(id) = self.book.face(hyphen_font).glyph('-') {
            let mut h = Measured {
                advances: vec![0.0],
                ..Measured::default()
            };
            self.shape_run(hyphen_font, "-", 0, false, size, &mut h);
            let advance = h.advances[0];
            out.hyphen = Some(ShapedGlyph {
                font: hyphen_font,
                id,
                char_index: 0,
                advance,
                x_offset: 0.0,
                y_offset: 0.0,
            });
        }
        out
    }
}
