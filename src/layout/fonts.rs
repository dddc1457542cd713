//! The edition's fonts, checked after layout: a family no place has (set in the fallback
//! meanwhile), a font that now resolves to another file than the one the edition records, and
//! a font whose licence forbids embedding it in a PDF. Each names the pages it affects.
//!
//! Also what a saved file records of its fonts ([`record`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::PageLayout;
use super::setting::FALLBACK_FAMILY;
use crate::model::{
    Diagnostic, Edition, FontPlace, FontRecord, FontSpec, Severity, StoryId, Weight,
};
use crate::text::{FontBook, FontId};

/// Every family, weight and style the edition's styles name, with their fallbacks, once each,
/// sorted so a saved file's list only changes when the fonts do.
pub fn specs(edition: &Edition) -> Vec<FontSpec> {
    let mut out: BTreeMap<(String, bool, bool), FontSpec> = BTreeMap::new();
    for style in &edition.styles.paragraph {
        let f = &style.font;
        let bold = f.weight == Weight::Bold;
        let named = std::iter::once(f.family.clone()).chain(f.fallback.iter().cloned());
        for family in named {
            out.entry((family.clone(), bold, f.italic))
                .or_insert_with(|| FontSpec {
                    italic: f.italic,
                    ..FontSpec::new(family, f.weight)
                });
        }
    }
    out.into_values().collect()
}

/// What a saved file records of its fonts: each family, weight and style the styles use, the
/// file it resolves to now and its SHA-256. A family that resolves nowhere keeps the record
/// it had, so opening a file on a machine without its fonts and saving it loses nothing.
/// `dir` is the layout file's folder: the edition's own fonts are recorded relative to it.
pub fn record(edition: &Edition, book: &FontBook, dir: Option<&Path>) -> Vec<FontRecord> {
    let mut out = Vec::new();
    for spec in specs(edition) {
        let Some(id) = book.find(&spec) else {
            out.extend(edition.fonts.iter().filter(|r| same(r, &spec)).cloned());
            continue;
        };
        let face = book.face(id);
        let file = match (face.place, dir) {
            (FontPlace::Edition, Some(dir)) => Path::new(&face.file)
                .strip_prefix(dir)
                .map_or_else(|_| face.file.clone(), |p| p.display().to_string()),
            _ => face.file.clone(),
        };
        out.push(FontRecord {
            family: spec.family,
            weight: spec.weight,
            italic: spec.italic,
            place: face.place,
            file,
            index: face.index,
            sha256: face.sha256().to_owned(),
        });
    }
    out
}

fn same(r: &FontRecord, spec: &FontSpec) -> bool {
    r.family == spec.family && r.weight == spec.weight && r.italic == spec.italic
}

fn weight_name(weight: Weight, italic: bool) -> &'static str {
    match (weight, italic) {
        (Weight::Regular, false) => "Regular",
        (Weight::Regular, true) => "Italic",
        (Weight::Bold, false) => "Bold",
        (Weight::Bold, true) => "Bold Italic",
    }
}

/// Page labels joined for a message: "1, 2, A3".
fn labels(pages: &BTreeSet<usize>, laid: &[PageLayout]) -> Vec<String> {
    pages
        .iter()
        .filter_map(|&i| laid.get(i).map(|p| p.label.clone()))
        .collect()
}

/// Replaces the per-story `unknown-font` findings with one warning per missing family that
/// names its pages, and adds the findings about recorded and embedded fonts.
pub(super) fn check(
    edition: &Edition,
    book: &FontBook,
    laid: &[PageLayout],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Where each story and each face prints.
    let mut story_pages: HashMap<&StoryId, BTreeSet<usize>> = HashMap::new();
    let mut font_pages: BTreeMap<FontId, BTreeSet<usize>> = BTreeMap::new();
    for (i, page) in laid.iter().enumerate() {
        for run in page.runs() {
            font_pages.entry(run.font).or_default().insert(i);
            if let Some(s) = &run.story {
                story_pages.entry(s).or_default().insert(i);
            }
        }
    }
    let label_index: HashMap<&str, usize> = laid
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label.as_str(), i))
        .collect();

    // Missing families, with the pages their text is on.
    let mut missing: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    diagnostics.retain(|d| {
        if d.code != "unknown-font" {
            return true;
        }
        let family = d
            .args
            .iter()
            .find(|(k, _)| *k == "family")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let pages = missing.entry(family).or_default();
        if let Some(s) = &d.story
            && let Some(p) = story_pages.get(s)
        {
            pages.extend(p);
        }
        if let Some(i) = d.page.as_deref().and_then(|l| label_index.get(l)) {
            pages.insert(*i);
        }
        false
    });
    // Styles no text uses yet are checked too: a style kept for later should not surprise
    // anyone at press time.
    for spec in specs(edition) {
        if book.find(&spec).is_none() {
            missing.entry(spec.family).or_default();
        }
    }
    for (family, pages) in &missing {
        let was = edition
            .fonts
            .iter()
            .find(|r| &r.family == family)
            .map(|r| r.file.clone());
        let shown = labels(pages, laid);
        let whereabouts = if shown.is_empty() {
            "no page uses it yet".to_owned()
        } else {
            format!("on page {}", shown.join(", "))
        };
        let d = Diagnostic::new(
            Severity::Warning,
            "missing-font",
            format!(
                "font \"{family}\" is missing (not in the edition's fonts folder, a font folder or the system{}): set in {FALLBACK_FAMILY} meanwhile, {whereabouts}",
                was.as_ref()
                    .map(|f| format!("; it was {f}"))
                    .unwrap_or_default()
            ),
        )
        .arg("family", family)
        .arg("fallback", FALLBACK_FAMILY)
        // "none" picks the message files' variant for a style no page uses yet.
        .arg(
            "pages",
            if shown.is_empty() {
                "none".to_owned()
            } else {
                shown.join(", ")
            },
        )
        .arg("was", was.unwrap_or_default());
        diagnostics.push(on_first_page(d, &shown));
    }

    // Recorded fonts that now come from a different file.
    for r in &edition.fonts {
        let spec = FontSpec {
            italic: r.italic,
            ..FontSpec::new(r.family.clone(), r.weight)
        };
        let Some(id) = book.find(&spec) else {
            continue; // reported as missing above, if a style still uses it
        };
        let face = book.face(id);
        if face.sha256() == r.sha256 {
            continue;
        }
        let shown = font_pages
            .get(&id)
            .map(|p| labels(p, laid))
            .unwrap_or_default();
        let d = Diagnostic::new(
            Severity::Warning,
            "font-changed",
            format!(
                "font \"{}\" {} now comes from {} (SHA-256 {}…), not the file the edition was laid out with ({}, {}…): lines may break differently{}",
                r.family,
                weight_name(r.weight, r.italic),
                face.file,
                &face.sha256()[..12],
                r.file,
                &r.sha256[..r.sha256.len().min(12)],
                if shown.is_empty() {
                    String::new()
                } else {
                    format!(", on page {}", shown.join(", "))
                }
            ),
        )
        .arg("family", &r.family)
        .arg("file", &face.file)
        .arg("was", &r.file)
        .arg("pages", shown.join(", "));
        diagnostics.push(on_first_page(d, &shown));
    }

    // Characters set in a face found on this machine that no style names: they print here,
    // and as boxes where that face is not installed.
    let named: BTreeSet<FontId> = specs(edition)
        .iter()
        .filter_map(|spec| book.find(spec))
        .collect();
    let mut fallen: BTreeMap<FontId, (BTreeSet<char>, BTreeSet<usize>)> = BTreeMap::new();
    for (i, page) in laid.iter().enumerate() {
        for run in page.runs() {
            let face = book.face(run.font);
            if face.place == FontPlace::Bundled || named.contains(&run.font) {
                continue;
            }
            let entry = fallen.entry(run.font).or_default();
            entry
                .0
                .extend(run.text.chars().filter(|c| !c.is_whitespace()));
            entry.1.insert(i);
        }
    }
    for (id, (chars, pages)) in &fallen {
        let face = book.face(*id);
        let chars: String = chars.iter().take(12).collect();
        let shown = labels(pages, laid);
        let d = Diagnostic::new(
            Severity::Info,
            "fallback-font",
            format!(
                "{chars} set in \"{}\" ({}), a font of this machine's that no style names: where it is not installed they print as boxes; name it as a style's fallback to record it (on page {})",
                face.family,
                face.file,
                shown.join(", ")
            ),
        )
        .arg("chars", &chars)
        .arg("family", &face.family)
        .arg("file", &face.file)
        .arg("pages", shown.join(", "));
        diagnostics.push(on_first_page(d, &shown));
    }

    // Faces a PDF may not embed.
    for (&id, pages) in &font_pages {
        let face = book.face(id);
        let Some(ban) = face.embedding_forbidden() else {
            continue;
        };
        let shown = labels(pages, laid);
        let d = Diagnostic::new(
            Severity::Error,
            "font-embedding",
            format!(
                "font \"{}\" ({}) cannot go into the PDF: {}; choose another font for the text on page {}",
                face.family,
                face.file,
                ban.reason(),
                shown.join(", ")
            ),
        )
        .arg("family", &face.family)
        .arg("file", &face.file)
        .arg("ban", ban.code())
        .arg("pages", shown.join(", "));
        diagnostics.push(on_first_page(d, &shown));
    }
}

/// A finding about several pages, shown on the first (the preflight panel goes there).
fn on_first_page(d: Diagnostic, pages: &[String]) -> Diagnostic {
    match pages.first() {
        Some(first) => d.on_page(first.clone()),
        None => d,
    }
}
