//! Fonts: faces found by family name — in the edition's `fonts/` folder, the user's font
//! folders, the system's installed fonts, then the bundled faces (see [`super::sources`]) —
//! loaded when a style first names them, with fallback per character, and shaped with
//! harfrust.

use std::str::FromStr as _;
use std::sync::{Mutex, OnceLock, PoisonError};

use fontique::Blob;
use skrifa::MetadataProvider as _;
use skrifa::charmap::Charmap;
use skrifa::raw::TableProvider as _;

use super::class::Class;
use super::metrics::{Measured, Metrics, ShapedGlyph};
use super::sources::{FontSources, Found, Resolver};
use crate::bundle;
use crate::model::{Figures, FontSpec, Lang, Weight};

pub use super::sources::{FamilyEntry, Place};

/// Index of a face in a [`FontBook`]; stable for the book's lifetime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FontId(pub u16);

/// One loaded face.
pub struct Face {
    /// The bundled file's name (`NotoSerifSC-Regular.otf`), or the path it was loaded from.
    pub file: String,
    /// Where it was found.
    pub place: Place,
    /// Face index inside a collection file (.ttc/.otc).
    pub index: u32,
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    pub units_per_em: u16,
    /// OS/2 `fsType`: what the font's licence allows an embedding program to do.
    pub fs_type: u16,
    font: skrifa::FontRef<'static>,
    charmap: Charmap<'static>,
    shaper_data: harfrust::ShaperData,
    cjk: bool,
    sha256: OnceLock<String>,
    /// Owns the bytes `font` and `charmap` borrow: declared last, so dropped after them.
    blob: Blob<u8>,
}

impl Face {
    fn load(
        file: String,
        place: Place,
        family: String,
        (bold, italic): (bool, bool),
        blob: Blob<u8>,
        index: u32,
    ) -> Option<Self> {
        // SAFETY: a blob's bytes never move or change while a clone of it lives (it is an
        // `Arc` of a buffer or of a memory map), and this face keeps its clone in `blob`,
        // declared after every field that borrows the bytes, so they are dropped first. The
        // `'static` reference never leaves the face: `data()` hands it out tied to `&self`.
        let data: &'static [u8] =
            unsafe { std::mem::transmute::<&[u8], &'static [u8]>(blob.data()) };
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        let units_per_em = font.head().ok()?.units_per_em();
        let fs_type = font.os2().map(|t| t.fs_type()).unwrap_or(0);
        let charmap = font.charmap();
        let shaper_data = harfrust::ShaperData::new(&font);
        let cjk = charmap.map('中').is_some();
        Some(Self {
            file,
            place,
            index,
            family,
            bold,
            italic,
            units_per_em,
            fs_type,
            font,
            charmap,
            shaper_data,
            cjk,
            sha256: OnceLock::new(),
            blob,
        })
    }

    /// True when the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.charmap.map(c).is_some()
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.charmap.map(c).map(|g| g.to_u32() as u16)
    }

    pub fn font_ref(&self) -> &skrifa::FontRef<'_> {
        &self.font
    }

    /// The whole font file (every face of a collection).
    pub fn data(&self) -> &[u8] {
        self.blob.data()
    }

    /// The file's bytes, shared (memory-mapped for a file outside the bundle), for a PDF
    /// writer to subset.
    pub fn shared_data(&self) -> std::sync::Arc<dyn AsRef<[u8]> + Send + Sync> {
        std::sync::Arc::new(self.blob.clone())
    }

    /// True for the CJK faces.
    pub fn is_cjk(&self) -> bool {
        self.cjk
    }

    /// The SHA-256 of the font file, in hex: from `fonts/SHA256SUMS` for a bundled face,
    /// else computed once when first asked.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| {
            if self.place == Place::Bundled
                && let Some(sum) = bundle::font_sha256(&self.file)
            {
                return sum.to_owned();
            }
            use sha2::Digest as _;
            let digest = sha2::Sha256::digest(self.data());
            digest.iter().map(|b| format!("{b:02x}")).collect()
        })
    }

    /// Why the font's licence forbids what export does (embed a subset of its outlines), from
    /// its OS/2 `fsType`; `None` when embedding is allowed.
    pub fn embedding_forbidden(&self) -> Option<EmbeddingBan> {
        // Bits 1–3: restricted, preview & print, editable. Restricted alone forbids.
        let usage = self.fs_type & 0x000E;
        if usage == 0x0002 {
            return Some(EmbeddingBan::Restricted);
        }
        if self.fs_type & 0x0200 != 0 {
            return Some(EmbeddingBan::BitmapOnly);
        }
        if self.fs_type & 0x0100 != 0 {
            return Some(EmbeddingBan::NoSubsetting);
        }
        None
    }
}

/// What a font's licence (OS/2 `fsType`) forbids that export needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbeddingBan {
    /// "Restricted License embedding": it may not be embedded at all.
    Restricted,
    /// Only its bitmaps may be embedded, not its outlines.
    BitmapOnly,
    /// It may be embedded only whole; Broadsheet embeds subsets.
    NoSubsetting,
}

impl EmbeddingBan {
    pub fn code(self) -> &'static str {
        match self {
            Self::Restricted => "restricted",
            Self::BitmapOnly => "bitmap-only",
            Self::NoSubsetting => "no-subsetting",
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Self::Restricted => {
                "its licence forbids embedding it in a document (fsType: restricted)"
            }
            Self::BitmapOnly => {
                "its licence allows embedding its bitmaps only, not the outlines print needs (fsType: bitmap only)"
            }
            Self::NoSubsetting => {
                "its licence forbids embedding a subset, and a PDF for print embeds subsets (fsType: no subsetting)"
            }
        }
    }
}

/// The faces available to layout: loaded from where `sources` says, when first named. One
/// book belongs to one open edition (its `fonts/` folder is its own); faces are only ever
/// added, so a [`FontId`] stays valid.
pub struct FontBook {
    faces: boxcar::Vec<Face>,
    bundled: usize,
    /// Finds and loads faces not loaded yet; held only while one is found.
    resolver: Mutex<Resolver>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.faces.iter().map(|(_, face)| &face.file))
            .finish()
    }
}

impl FontBook {
    /// The bundled faces only: the same on every machine (tests, `typeset`).
    pub fn bundled() -> Self {
        Self::new(FontSources::default())
    }

    /// Faces from `sources`, then the bundled faces.
    pub fn new(sources: FontSources) -> Self {
        let faces = boxcar::Vec::new();
        for f in bundle::FONTS {
            let blob = Blob::new(std::sync::Arc::new(f.data));
            if let Some(face) = Face::load(
                f.file.to_owned(),
                Place::Bundled,
                f.family.to_owned(),
                (f.bold, f.italic),
                blob,
                0,
            ) {
                faces.push(face);
            }
        }
        let bundled = faces.count();
        Self {
            faces,
            bundled,
            resolver: Mutex::new(Resolver::new(sources)),
        }
    }

    /// Where this book looks for fonts.
    pub fn sources(&self) -> FontSources {
        self.resolver().sources().clone()
    }

    fn resolver(&self) -> std::sync::MutexGuard<'_, Resolver> {
        self.resolver.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn face(&self, id: FontId) -> &Face {
        &self.faces[usize::from(id.0)]
    }

    /// The faces loaded so far, bundled first.
    pub fn faces(&self) -> impl Iterator<Item = (FontId, &Face)> {
        self.faces.iter().map(|(i, f)| (FontId(i as u16), f))
    }

    fn bundled_faces(&self) -> impl Iterator<Item = (FontId, &Face)> {
        self.faces().take(self.bundled)
    }

    /// Every family a style can name, bundled first, then the edition's, the folders' and
    /// the system's (each sorted); listed once, when first asked.
    pub fn families(&self) -> std::sync::Arc<Vec<FamilyEntry>> {
        let bundled: Vec<String> = {
            let mut out: Vec<String> = Vec::new();
            for (_, f) in self.bundled_faces() {
                if !out.contains(&f.family) {
                    out.push(f.family.clone());
                }
            }
            out
        };
        self.resolver().families(&bundled)
    }

    /// The face for a spec: from the first place that has the family (its nearest weight
    /// and style); `None` when no place has it.
    pub fn find(&self, spec: &FontSpec) -> Option<FontId> {
        self.find_family(&spec.family, spec.weight == Weight::Bold, spec.italic)
    }

    fn find_family(&self, family: &str, bold: bool, italic: bool) -> Option<FontId> {
        let mut resolver = self.resolver();
        if let Some(hit) = resolver.memo(family, bold, italic) {
            return hit;
        }
        let found = resolver.find(family, bold, italic);
        let id = match found {
            Some(found) => self.add(&mut resolver, found),
            None => self.bundled_match(family, bold, italic),
        };
        resolver.remember(family, bold, italic, id);
        id
    }

    /// Loads a face the resolver found, once per file and index.
    fn add(&self, resolver: &mut Resolver, found: Found) -> Option<FontId> {
        if let Some(id) = resolver.loaded(&found.file, found.index) {
            return Some(id);
        }
        let (file, index) = (found.file.clone(), found.index);
        let face = Face::load(
            found.file,
            found.place,
            found.family,
            (found.bold, found.italic),
            found.blob,
            found.index,
        )?;
        let id = FontId(u16::try_from(self.faces.push(face)).ok()?);
        resolver.set_loaded(file, index, id);
        Some(id)
    }

    fn bundled_match(&self, family: &str, bold: bool, italic: bool) -> Option<FontId> {
        let score = |f: &Face| u8::from(f.bold != bold) * 2 + u8::from(f.italic != italic);
        self.bundled_faces()
            .filter(|(_, f)| f.family.eq_ignore_ascii_case(family))
            .min_by_key(|(_, f)| score(f))
            .map(|(id, _)| id)
    }

    /// Faces to try, in order, for text in `spec`: its face, the families the style names
    /// as its fallbacks, the bundled faces (CJK for Han in a Latin face, Latin for Latin in a
    /// CJK face — same weight first), then the system's faces for Chinese.
    fn fallback_chain(&self, primary: FontId, spec: &FontSpec) -> Vec<FontId> {
        let p = self.face(primary);
        let (bold, italic) = (p.bold, p.italic);
        let mut chain = vec![primary];
        for family in &spec.fallback {
            if let Some(id) = self.find_family(family, bold, italic)
                && !chain.contains(&id)
            {
                chain.push(id);
            }
        }
        let serif = p.family.contains("Serif");
        let mut bundled: Vec<(FontId, &Face)> = self
            .bundled_faces()
            .filter(|(id, _)| !chain.contains(id))
            .collect();
        bundled.sort_by_key(|(id, f)| {
            (
                f.cjk == p.cjk,
                f.bold != p.bold,
                f.italic != p.italic,
                f.family.contains("Serif") != serif,
                *id,
            )
        });
        chain.extend(bundled.into_iter().map(|(id, _)| id));
        chain
    }

    /// The system's face for a character no face in a chain has: its Chinese faces, serif
    /// ones first for a serif style. Looked up (and the system's font list read) only when
    /// such a character turns up, then remembered.
    fn system_fallback(&self, c: char, bold: bool, serif: bool) -> Option<FontId> {
        let ids = {
            let mut resolver = self.resolver();
            match resolver.han_fallback(bold, serif) {
                Some(ids) => ids,
                None => {
                    let found = resolver.find_han_fallback(bold, serif);
                    let ids: Vec<FontId> = found
                        .into_iter()
                        .filter_map(|f| self.add(&mut resolver, f))
                        .collect();
                    resolver.set_han_fallback(bold, serif, ids.clone());
                    ids
                }
            }
        };
        ids.into_iter().find(|&id| self.face(id).has(c))
    }

    /// Keeps each family an edition records as set in a bundled face, whose very bytes are
    /// still bundled, off the system: the file it was laid out with is here, so a same-named
    /// family installed on the system does not take its place (and the system's font list is
    /// not read for it). A copy in the edition's `fonts/` folder or a font folder still wins:
    /// someone put it there.
    pub fn pin_recorded(&self, records: &[crate::model::FontRecord]) {
        let mut resolver = self.resolver();
        for r in records.iter().filter(|r| r.place == Place::Bundled) {
            let bold = r.weight == Weight::Bold;
            if resolver.memo(&r.family, bold, r.italic).is_some() {
                continue;
            }
            if self
                .bundled_faces()
                .any(|(_, f)| f.file == r.file && f.sha256() == r.sha256)
            {
                resolver.pin(&r.family, bold, r.italic);
            }
        }
    }

    /// Checks that the book has `spec`'s family, with a plain reason when it does not (the
    /// style editor shows it; layout sets such a style in the fallback face and says so).
    pub fn check_spec(&self, spec: &FontSpec) -> Result<(), UnknownFont> {
        self.find(spec)
            .map(|_| ())
            .ok_or_else(|| self.unknown(spec))
    }

    fn unknown(&self, spec: &FontSpec) -> UnknownFont {
        UnknownFont {
            family: spec.family.clone(),
            available: self
                .families()
                .iter()
                .filter(|f| f.place == Place::Bundled)
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// A [`Metrics`] that shapes with `spec`'s face (and fallbacks) in `lang`.
    pub fn metrics(&self, spec: &FontSpec, lang: Lang) -> Result<Shaping<'_>, UnknownFont> {
        let primary = self.find(spec).ok_or_else(|| self.unknown(spec))?;
        let face = self.face(primary);
        Ok(Shaping {
            book: self,
            chain: self.fallback_chain(primary, spec),
            lang,
            bold: face.bold,
            serif: is_serif(&face.family),
        })
    }
}

/// A style names a family the book does not have.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error(
    "font family \"{family}\" is not installed, in the edition's fonts folder or in a font folder (bundled: {available})"
)]
pub struct UnknownFont {
    pub family: String,
    pub available: String,
}

/// Real-font metrics: shapes runs of text with harfrust.
pub struct Shaping<'a> {
    book: &'a FontBook,
    chain: Vec<FontId>,
    lang: Lang,
    /// The primary face's weight and kind, for the system's fallback.
    bold: bool,
    serif: bool,
}

/// A serif (宋体/明体/楷体) family by its name, for choosing a fallback of the same kind.
fn is_serif(family: &str) -> bool {
    let f = family.to_lowercase();
    ["serif", "song", "ming", "kai", "宋", "明", "楷", "仿"]
        .iter()
        .any(|k| f.contains(k))
        && !f.contains("sans")
}

impl Shaping<'_> {
    pub fn primary(&self) -> FontId {
        self.chain[0]
    }

    /// The face for one character: the first in the chain that has it, else the system's.
    pub(super) fn face_for(&self, c: char) -> Option<FontId> {
        self.chain
            .iter()
            .copied()
            .find(|&id| self.book.face(id).has(c))
            .or_else(|| {
                (!c.is_whitespace() && !c.is_control())
                    .then(|| self.book.system_fallback(c, self.bold, self.serif))
                    .flatten()
            })
    }

    /// Shapes one run of one face and one script side. A vertical run is shaped top to
    /// bottom, so the font's `vert` forms and vertical metrics apply: its glyphs' advances are
    /// then lengths down the column, and their offsets move the pen from the column's centre
    /// line to where the glyph's horizontal origin must be drawn.
    pub(super) fn shape(&self, run: &RunSpec, size: f32, out: &mut Measured) {
        let RunSpec {
            font,
            text,
            first_char,
            han,
            ..
        } = *run;
        let face = self.book.face(font);
        let shaper = face.shaper_data.shaper(&face.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if run.vertical {
            harfrust::Direction::TopToBottom
        } else {
            harfrust::Direction::LeftToRight
        });
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
        let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new().features(run.features));
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
            // Top to bottom, harfrust's y advance is negative (y points up in font units).
            let advance = if run.vertical {
                -pos.y_advance as f32 * scale
            } else {
                pos.x_advance as f32 * scale
            };
            out.advances[char_index] += advance;
            out.glyphs.push(ShapedGlyph {
                font,
                id: info.glyph_id as u16,
                char_index,
                advance,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: -(pos.y_offset as f32) * scale,
            });
        }
    }
}

/// One run to shape: text of one face and one script side, from paragraph character
/// `first_char`, in a direction, with extra OpenType features.
pub(super) struct RunSpec<'t> {
    pub font: FontId,
    pub text: &'t str,
    pub first_char: usize,
    /// Shaped as Han (the `zh-Hans` language system) rather than Latin.
    pub han: bool,
    /// Top to bottom rather than left to right.
    pub vertical: bool,
    pub features: &'t [harfrust::Feature],
}

impl Shaping<'_> {
    /// True when `c` (of `class`, set in `font`) is shaped on the Han side: as CJK text under
    /// the `zh-Hans` language system, whose features (the ZHS `locl`) give the full-width
    /// forms of punctuation. Latin letters, digits, spaces and ASCII symbols are not.
    pub(super) fn han_side(&self, c: char, class: Class, font: FontId) -> bool {
        let han = !matches!(
            class,
            Class::Latin | Class::Digit | Class::Space | Class::Other
        ) || (class == Class::Other && !c.is_ascii());
        han && self.book.face(font).is_cjk()
    }
}

impl Metrics for Shaping<'_> {
    fn measure(
        &self,
        text: &str,
        chars: &[char],
        classes: &[Class],
        size: f32,
        figures: Figures,
    ) -> Measured {
        let mut out = Measured {
            advances: vec![0.0; chars.len()],
            ..Measured::default()
        };
        // Numbers set on the grid are shaped on their own, with the font's half-width forms.
        let mut grid = vec![false; chars.len()];
        if figures == Figures::Grid {
            for r in super::class::grid_numbers(chars, classes) {
                grid[r].fill(true);
            }
        }
        // Split into runs of one face and one script side (Han or not), so each run shapes with
        // the language system its features live under (the ZHS `locl` that makes `—` full width).
        let mut runs: Vec<(FontId, bool, bool, usize, usize)> = Vec::new();
        let mut byte = 0;
        for (i, (&c, &class)) in chars.iter().zip(classes).enumerate() {
            let font = self.face_for(c).unwrap_or_else(|| {
                if !c.is_whitespace() {
                    out.missing.push((i, c));
                }
                self.primary()
            });
            let han = self.han_side(c, class, font);
            match runs.last_mut() {
                Some((f, h, g, _, end)) if *f == font && *h == han && *g == grid[i] => {
                    *end = byte + c.len_utf8()
                }
                _ => runs.push((font, han, grid[i], byte, byte + c.len_utf8())),
            }
            byte += c.len_utf8();
        }
        let hwid = [harfrust::Feature::new(harfrust::Tag::new(b"hwid"), 1, ..)];
        let mut first_char = 0;
        for (font, han, grid, start, end) in runs {
            let text = &text[start..end];
            let run = RunSpec {
                font,
                text,
                first_char,
                han,
                vertical: false,
                features: if grid { &hwid } else { &[] },
            };
            self.shape(&run, size, &mut out);
            first_char += text.chars().count();
        }
        let hyphen_font = self.primary();
        if let Some(id) = self.book.face(hyphen_font).glyph('-') {
            let mut h = Measured {
                advances: vec![0.0],
                ..Measured::default()
            };
            let run = RunSpec {
                font: hyphen_font,
                text: "-",
                first_char: 0,
                han: false,
                vertical: false,
                features: &[],
            };
            self.shape(&run, size, &mut h);
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
