//! What an edition records of its fonts and what layout says about them: the file and SHA-256
//! of each family saved in the RON; a changed file, a missing family, a font whose licence
//! forbids embedding and a character no font has, each reported with where it is.

use std::path::Path;
use std::sync::Arc;

use broadsheet::bundle;
use broadsheet::export::pdf::{PdfError, PdfOptions, export};
use broadsheet::layout::{EditionLayout, Layouter, fonts};
use broadsheet::model::{Diagnostic, Edition, FontPlace, Severity, io};
use broadsheet::resources::{Assets, Origin};
use broadsheet::text::FontBook;

fn lay(edition: &Edition, assets: &Assets) -> EditionLayout {
    Layouter::new().layout(edition, assets)
}

fn found<'a>(laid: &'a EditionLayout, code: &str) -> Vec<&'a Diagnostic> {
    laid.diagnostics.iter().filter(|d| d.code == code).collect()
}

fn arg<'a>(d: &'a Diagnostic, name: &str) -> &'a str {
    d.args
        .iter()
        .find(|(k, _)| *k == name)
        .map_or("", |(_, v)| v.as_str())
}

#[test]
fn a_saved_edition_records_each_family_with_its_file_and_sha256() {
    let mut e = bundle::sample();
    let book = FontBook::bundled();
    e.fonts = fonts::record(&e, &book, None);
    assert!(!e.fonts.is_empty());
    let sums =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/SHA256SUMS")).unwrap();
    for r in &e.fonts {
        assert_eq!(r.place, FontPlace::Bundled, "{r:?}");
        // The hash is the file's, as `sha256sum` gives it.
        assert!(
            sums.lines()
                .any(|l| l == format!("{}  {}", r.sha256, r.file)),
            "{r:?}"
        );
        assert!(e.styles.paragraph.iter().any(|s| s.font.family == r.family));
    }
    // Readable in the RON, and back unchanged.
    let text = io::to_string(&e);
    assert!(text.contains("fonts: ["), "{text}");
    assert!(text.contains(&format!("sha256: \"{}\"", e.fonts[0].sha256)));
    let back = io::from_str(&text, "recorded.ron").unwrap();
    assert_eq!(back.fonts, e.fonts);
    // The same fonts: nothing to say.
    let laid = lay(&back, &Assets::bundled(Origin::Bundled));
    assert!(found(&laid, "font-changed").is_empty());
    assert!(found(&laid, "missing-font").is_empty());
}

#[test]
fn a_font_that_resolves_to_another_file_than_recorded_is_a_warning_with_its_pages() {
    let mut e = bundle::sample();
    e.fonts = fonts::record(&e, &FontBook::bundled(), None);
    let body = e
        .styles
        .paragraph(&"body".into())
        .unwrap()
        .font
        .family
        .clone();
    let r = e.fonts.iter_mut().find(|r| r.family == body).unwrap();
    r.sha256 = "0".repeat(64);
    r.file = "/Library/Fonts/an-older-copy.otf".into();
    let laid = lay(&e, &Assets::bundled(Origin::Bundled));
    let changed = found(&laid, "font-changed");
    assert_eq!(changed.len(), 1, "{:?}", laid.diagnostics);
    let d = changed[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains(&body) && d.message.contains("an-older-copy.otf"));
    assert_eq!(arg(d, "pages"), "1, 2", "{}", d.message);
    // Saving records what is used now, and the warning goes.
    e.fonts = fonts::record(&e, &FontBook::bundled(), None);
    assert!(found(&lay(&e, &Assets::bundled(Origin::Bundled)), "font-changed").is_empty());
}

#[test]
fn a_missing_family_keeps_its_record_and_is_one_warning_naming_its_pages() {
    let mut e = bundle::sample();
    e.fonts = fonts::record(&e, &FontBook::bundled(), None);
    let headline = e.styles.paragraph(&"headline".into()).unwrap().clone();
    let mut renamed = headline.clone();
    renamed.font.family = "方正小标宋_GBK".into();
    e.styles.paragraph.iter_mut().for_each(|s| {
        if s.id == headline.id {
            *s = renamed.clone();
        }
    });
    e.fonts.push(broadsheet::model::FontRecord {
        family: "方正小标宋_GBK".into(),
        weight: renamed.font.weight,
        italic: false,
        place: FontPlace::System,
        file: "C:\\Windows\\Fonts\\FZXBSJW.TTF".into(),
        index: 0,
        sha256: "ab".repeat(32),
    });
    let laid = lay(&e, &Assets::bundled(Origin::Bundled));
    let missing = found(&laid, "missing-font");
    assert_eq!(missing.len(), 1, "{:?}", laid.diagnostics);
    let d = missing[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(arg(d, "family"), "方正小标宋_GBK");
    assert!(d.message.contains("FZXBSJW.TTF"), "{}", d.message);
    assert!(!arg(d, "pages").is_empty() && arg(d, "pages") != "none");
    // Saved here, without the font: the record it had stays.
    let kept = fonts::record(&e, &FontBook::bundled(), None);
    assert!(
        kept.iter()
            .any(|r| r.family == "方正小标宋_GBK" && r.file.ends_with("FZXBSJW.TTF"))
    );
}

/// A copy of a bundled TrueType face whose OS/2 `fsType` says `fs_type`.
fn with_fs_type(file: &str, fs_type: u16) -> Vec<u8> {
    let mut bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fonts")
            .join(file),
    )
    .unwrap();
    let tables = usize::from(u16::from_be_bytes([bytes[4], bytes[5]]));
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| &bytes[at..at + 4] == b"OS/2")
        .expect("an OS/2 table");
    let offset = u32::from_be_bytes(bytes[os2 + 8..os2 + 12].try_into().unwrap()) as usize;
    bytes[offset + 8..offset + 10].copy_from_slice(&fs_type.to_be_bytes());
    bytes
}

#[test]
fn a_font_whose_licence_forbids_embedding_is_an_error_and_the_pdf_refuses_it() {
    // The edition's own fonts folder holds a copy of Libre Franklin marked "restricted".
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fonts")).unwrap();
    std::fs::write(
        dir.path().join("fonts/Restricted.ttf"),
        with_fs_type("LibreFranklin-Regular.ttf", 0x0002),
    )
    .unwrap();
    let mut e = bundle::sample();
    for s in &mut e.styles.paragraph {
        if s.id.as_str() == "byline" {
            s.font.family = "Libre Franklin".into();
            s.font.weight = broadsheet::model::Weight::Regular;
        }
    }
    let assets = Assets::with_fonts(
        Origin::Folder(dir.path().to_path_buf()),
        Arc::new(FontBook::new(broadsheet::text::FontSources {
            edition: Some(dir.path().join("fonts")),
            folders: Vec::new(),
            system: false,
        })),
    );
    let laid = lay(&e, &assets);
    let banned = found(&laid, "font-embedding");
    assert_eq!(banned.len(), 1, "{:?}", laid.diagnostics);
    assert_eq!(banned[0].severity, Severity::Error);
    assert_eq!(arg(banned[0], "ban"), "restricted");
    assert!(banned[0].message.contains("Restricted.ttf"));
    let opts = PdfOptions::pages(vec![0]);
    match export(&laid, &assets, &opts) {
        Err(e @ PdfError::Forbidden { .. }) => {
            assert!(e.to_string().contains("Libre Franklin"), "{e}");
        }
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
    // "Preview & print" embedding is allowed.
    std::fs::write(
        dir.path().join("fonts/Restricted.ttf"),
        with_fs_type("LibreFranklin-Regular.ttf", 0x0004),
    )
    .unwrap();
    let assets = Assets::new(Origin::Folder(dir.path().to_path_buf()), &[]);
    let laid = lay(&e, &assets);
    assert!(found(&laid, "font-embedding").is_empty());
    assert!(export(&laid, &assets, &opts).is_ok());
}

#[test]
fn a_character_no_font_has_is_an_error_with_its_paragraph_and_character() {
    let mut e = bundle::sample();
    let story = &mut e.stories[0];
    // Tangut: in no bundled face, nor in any system CJK face Chinese text falls back to.
    let text = &mut story.paragraphs[1].text;
    let at = text.chars().count().min(5);
    let byte = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
    text.insert(byte, '𗀀');
    let id = story.id.clone();
    let laid = lay(&e, &Assets::new(Origin::Bundled, &[]));
    let missing = found(&laid, "missing-glyph");
    assert_eq!(missing.len(), 1, "{:?}", laid.diagnostics);
    let d = missing[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.story.as_ref(), Some(&id));
    assert_eq!(arg(d, "paragraph"), "2");
    assert_eq!(arg(d, "char"), (at + 1).to_string());
    assert!(
        d.message.contains("U+17000") && d.message.contains("paragraph 2"),
        "{}",
        d.message
    );
    // The glyph that prints is the box (.notdef), where the canvas marks it.
    assert!(
        laid.pages
            .iter()
            .flat_map(|p| p.runs())
            .any(|r| r.glyphs.iter().any(|g| g.id == 0))
    );
}

/// Every character of the customer's sample is in the face its style names: none falls back
/// to another face (bundled or the system's), none is a box — with the system's fonts in reach.
#[test]
fn the_samples_characters_never_fall_back() {
    let e = bundle::sample();
    let assets = Assets::new(Origin::Bundled, &[]);
    let laid = lay(&e, &assets);
    let book = broadsheet::resources::Resources::fonts(&assets);
    let primaries: Vec<_> = e
        .styles
        .paragraph
        .iter()
        .filter_map(|s| book.find(&s.font))
        .collect();
    let mut runs = 0;
    for run in laid.pages.iter().flat_map(|p| p.runs()) {
        runs += 1;
        let face = book.face(run.font);
        assert!(
            primaries.contains(&run.font),
            "\"{}\" is set in {} ({}), which no style names",
            run.text,
            face.family,
            face.file
        );
        assert_eq!(face.place, FontPlace::Bundled, "{}", run.text);
        assert!(run.glyphs.iter().all(|g| g.id != 0), "{}", run.text);
    }
    assert!(runs > 300, "{runs}");
    assert!(found(&laid, "missing-glyph").is_empty());
}
