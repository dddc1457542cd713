//! Where fonts are found, in order: the `fonts/` folder beside the layout (the edition's own
//! fonts, like InDesign's Document Fonts), the user's font folders, the system's installed
//! fonts, then the bundled faces (which [`super::FontBook`] holds itself).
//!
//! Folders are scanned, and the system's list read (fontconfig's cache on Linux, CoreText,
//! DirectWrite), only when a family is first looked for; files are memory-mapped when a face
//! is loaded, never copied.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fontique::{
    Blob, Collection, CollectionOptions, FallbackKey, FontInfo, FontStyle, FontWeight, FontWidth,
    Language, Script, SourceCache, SourceKind,
};

use super::FontId;

/// Where a book looks for fonts before the bundled faces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontSources {
    /// The edition's own fonts: the `fonts/` folder beside its layout file.
    pub edition: Option<PathBuf>,
    /// The user's font folders (the editor's settings, `BROADSHEET_FONT_PATH`).
    pub folders: Vec<PathBuf>,
    /// Whether the system's installed fonts are looked in.
    pub system: bool,
}

impl FontSources {
    /// The usual places for an edition whose layout file is in `dir` (none for the bundled
    /// sample): its `fonts/` folder, `folders`, the folders in `BROADSHEET_FONT_PATH`, and the
    /// system's fonts.
    pub fn for_layout(dir: Option<&Path>, folders: &[PathBuf]) -> Self {
        let mut all = folders.to_vec();
        if let Some(env) = std::env::var_os("BROADSHEET_FONT_PATH") {
            all.extend(std::env::split_paths(&env).filter(|p| !p.as_os_str().is_empty()));
        }
        Self {
            edition: dir.map(|d| d.join("fonts")),
            folders: all,
            system: true,
        }
    }
}

/// Where a face was found.
pub use crate::model::FontPlace as Place;

/// A family a style can name, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyEntry {
    pub name: String,
    pub place: Place,
}

/// A face found but not loaded yet.
pub(super) struct Found {
    pub file: String,
    pub place: Place,
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    pub index: u32,
    pub blob: Blob<u8>,
}

/// Serif Chinese families text falls back to when the system has them: the common free and
/// the common Windows/macOS faces.
const HAN_SERIF: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "SimSun",
    "Songti SC",
    "AR PL UKai CN",
];

/// Sans Chinese families, likewise.
const HAN_SANS: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
];

/// How many system faces Chinese text may fall back to.
const MAX_HAN_FALLBACK: usize = 4;

type Key = (String, bool, bool);

pub(super) struct Resolver {
    sources: FontSources,
    /// The edition's folder, then the user's folders, each scanned on first use into a
    /// collection of its own: one collection would merge a family found in both into one, and
    /// a face could come from the user's folder with the edition's place.
    folders: Option<Vec<(Place, Collection)>>,
    /// The system's fonts, listed on first use.
    system: Option<Collection>,
    cache: SourceCache,
    found: HashMap<Key, Option<FontId>>,
    loaded: HashMap<(String, u32), FontId>,
    han: HashMap<(bool, bool), Vec<FontId>>,
    /// Families an edition records as bundled faces it still has: the system is not asked.
    pinned: std::collections::HashSet<Key>,
    families: Option<Arc<Vec<FamilyEntry>>>,
}

impl Resolver {
    pub fn new(sources: FontSources) -> Self {
        Self {
            sources,
            folders: None,
            system: None,
            cache: SourceCache::default(),
            found: HashMap::new(),
            loaded: HashMap::new(),
            han: HashMap::new(),
            pinned: std::collections::HashSet::new(),
            families: None,
        }
    }

    pub fn sources(&self) -> &FontSources {
        &self.sources
    }

    fn key(family: &str, bold: bool, italic: bool) -> Key {
        (family.trim().to_lowercase(), bold, italic)
    }

    pub fn memo(&self, family: &str, bold: bool, italic: bool) -> Option<Option<FontId>> {
        self.found.get(&Self::key(family, bold, italic)).copied()
    }

    pub fn remember(&mut self, family: &str, bold: bool, italic: bool, id: Option<FontId>) {
        self.found.insert(Self::key(family, bold, italic), id);
    }

    pub fn loaded(&self, file: &str, index: u32) -> Option<FontId> {
        self.loaded.get(&(file.to_owned(), index)).copied()
    }

    pub fn set_loaded(&mut self, file: String, index: u32, id: FontId) {
        self.loaded.insert((file, index), id);
    }

    pub fn han_fallback(&self, bold: bool, serif: bool) -> Option<Vec<FontId>> {
        self.han.get(&(bold, serif)).cloned()
    }

    pub fn set_han_fallback(&mut self, bold: bool, serif: bool, ids: Vec<FontId>) {
        self.han.insert((bold, serif), ids);
    }

    /// The folders' collections, the edition's first.
    fn folders(&mut self) -> &mut Vec<(Place, Collection)> {
        let sources = &self.sources;
        self.folders.get_or_insert_with(|| {
            let lists = [
                (Place::Edition, sources.edition.iter().cloned().collect()),
                (Place::Folder, sources.folders.clone()),
            ];
            let mut out = Vec::new();
            for (place, dirs) in lists {
                let dirs: Vec<PathBuf> = dirs.into_iter().filter(|d| d.is_dir()).collect();
                if dirs.is_empty() {
                    continue;
                }
                let mut collection = Collection::new(CollectionOptions {
                    shared: false,
                    system_fonts: false,
                });
                collection.load_fonts_from_paths(&dirs);
                out.push((place, collection));
            }
            out
        })
    }

    fn system(&mut self) -> Option<&mut Collection> {
        if !self.sources.system {
            return None;
        }
        Some(self.system.get_or_insert_with(|| {
            Collection::new(CollectionOptions {
                shared: false,
                system_fonts: true,
            })
        }))
    }

    /// The family in the folders, else the system; `None` when neither has it (the book
    /// then looks in the bundled faces).
    pub fn find(&mut self, family: &str, bold: bool, italic: bool) -> Option<Found> {
        let pinned = self.pinned.contains(&Self::key(family, bold, italic));
        self.folders();
        let folders = self.folders.iter_mut().flatten();
        for (place, collection) in folders {
            if let Some(info) = collection.family_by_name(family)
                && let Some(found) = choose(&info, *place, bold, italic, &mut self.cache)
            {
                return Some(found);
            }
        }
        if pinned {
            return None;
        }
        let system = self.system()?;
        let info = system.family_by_name(family)?;
        choose(&info, Place::System, bold, italic, &mut self.cache)
    }

    /// Skips the system for this family: the edition records it as a bundled face whose
    /// bytes are here.
    pub fn pin(&mut self, family: &str, bold: bool, italic: bool) {
        self.pinned.insert(Self::key(family, bold, italic));
    }

    /// The system's faces for Chinese text, at most [`MAX_HAN_FALLBACK`]: the usual families
    /// of the same kind (serif or sans), the family the system names for Han in zh-CN, then
    /// the usual families of the other kind.
    pub fn find_han_fallback(&mut self, bold: bool, serif: bool) -> Vec<Found> {
        let Some(system) = self.system() else {
            return Vec::new();
        };
        let (same, other) = if serif {
            (HAN_SERIF, HAN_SANS)
        } else {
            (HAN_SANS, HAN_SERIF)
        };
        let mut families: Vec<fontique::FamilyInfo> = Vec::new();
        let push = |info: fontique::FamilyInfo, families: &mut Vec<fontique::FamilyInfo>| {
            if families.len() < MAX_HAN_FALLBACK && !families.iter().any(|f| f.id() == info.id()) {
                families.push(info);
            }
        };
        for name in same {
            if let Some(info) = system.family_by_name(name) {
                push(info, &mut families);
            }
        }
        let zh = Language::parse("zh-CN").ok();
        let key = FallbackKey::new(Script::from_bytes(*b"Hani"), zh.as_ref());
        let named: Vec<_> = system.fallback_families(key).collect();
        for id in named {
            if let Some(info) = system.family(id) {
                push(info, &mut families);
            }
        }
        for name in other {
            if let Some(info) = system.family_by_name(name) {
                push(info, &mut families);
            }
        }
        families
            .iter()
            .filter_map(|info| choose(info, Place::System, bold, false, &mut self.cache))
            .filter(|f| {
                // Only faces with Han: a system may name a Latin family for Han.
                skrifa::FontRef::from_index(f.blob.data(), f.index).is_ok_and(|font| {
                    use skrifa::MetadataProvider as _;
                    font.charmap().map('中').is_some()
                })
            })
            .take(MAX_HAN_FALLBACK)
            .collect()
    }

    /// Every family a style can name: `bundled` first, then the folders' and the system's,
    /// each sorted.
    pub fn families(&mut self, bundled: &[String]) -> Arc<Vec<FamilyEntry>> {
        if let Some(f) = &self.families {
            return f.clone();
        }
        let mut out: Vec<FamilyEntry> = bundled
            .iter()
            .map(|name| FamilyEntry {
                name: name.clone(),
                place: Place::Bundled,
            })
            .collect();
        let mut seen: std::collections::HashSet<String> =
            bundled.iter().map(|n| n.to_lowercase()).collect();
        let mut add = |mut names: Vec<FamilyEntry>, out: &mut Vec<FamilyEntry>| {
            names.sort_by(|a, b| a.name.cmp(&b.name));
            for n in names {
                if seen.insert(n.name.to_lowercase()) {
                    out.push(n);
                }
            }
        };
        for (place, collection) in self.folders() {
            let names = collection
                .family_names()
                .map(|name| FamilyEntry {
                    name: name.to_owned(),
                    place: *place,
                })
                .collect();
            add(names, &mut out);
        }
        if let Some(system) = self.system() {
            let names = system
                .family_names()
                .map(|name| FamilyEntry {
                    name: name.to_owned(),
                    place: Place::System,
                })
                .collect();
            add(names, &mut out);
        }
        let out = Arc::new(out);
        self.families = Some(out.clone());
        out
    }
}

/// The family's face nearest to the weight and style, loaded (memory-mapped).
fn choose(
    info: &fontique::FamilyInfo,
    place: Place,
    bold: bool,
    italic: bool,
    cache: &mut SourceCache,
) -> Option<Found> {
    let weight = if bold {
        FontWeight::BOLD
    } else {
        FontWeight::NORMAL
    };
    let style = if italic {
        FontStyle::Italic
    } else {
        FontStyle::Normal
    };
    let font: &FontInfo = info.match_font(FontWidth::NORMAL, style, weight, false)?;
    let file = match font.source().kind() {
        SourceKind::Path(path) => path.display().to_string(),
        SourceKind::Memory(_) => return None,
    };
    let blob = font.load(Some(cache))?;
    Some(Found {
        file,
        place,
        family: info.name().to_owned(),
        bold: font.weight().value() >= 600.0,
        italic: font.style() != FontStyle::Normal,
        index: font.index(),
        blob,
    })
}
