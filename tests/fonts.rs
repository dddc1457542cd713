//! Real fonts the project did not make: the Debian CJK packages `.ci/run` installs, found the
//! way a paper's fonts are found (the edition's `fonts/` folder, the user's font folders, the
//! system's fonts through fontconfig), laid out, exported through the command line, and the
//! PDF checked with tools nobody here wrote (qpdf, pdffonts, pdftotext).
//!
//! A missing package fails the test with the package's name: CI installs them, so a skip
//! would hide a broken install step.

mod common;
use common::{require, run};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use broadsheet::bundle;
use broadsheet::layout::{EditionLayout, Layouter};
use broadsheet::model::{Diagnostic, Edition, Weight, io};
use broadsheet::resources::{Assets, Origin, Resources};
use broadsheet::text::{Face, Place};

/// A system font family and the Debian package `.ci/run` installs it from.
struct SystemFamily {
    family: &'static str,
    package: &'static str,
    /// The font type pdffonts reports for the embedded subset.
    pdf_type: &'static str,
}

/// A TrueType collection (four faces: CN, HK, TW, TW MBE).
const UKAI: SystemFamily = SystemFamily {
    family: "AR PL UKai CN",
    package: "fonts-arphic-ukai",
    pdf_type: "CID TrueType",
};

/// Face 0 of a TrueType collection (Zen Hei, Mono, Sharp).
const ZEN_HEI: SystemFamily = SystemFamily {
    family: "WenQuanYi Zen Hei",
    package: "fonts-wqy-zenhei",
    pdf_type: "CID TrueType",
};

/// Face 2 of the same collection: outlines with embedded bitmap strikes (EBDT/EBLC).
const ZEN_HEI_SHARP: SystemFamily = SystemFamily {
    family: "WenQuanYi Zen Hei Sharp",
    package: "fonts-wqy-zenhei",
    pdf_type: "CID TrueType",
};

/// The full OpenType/CFF collections (JP, KR, SC, TC, HK in each weight's file): SC is face 2.
const NOTO_SERIF_CJK: SystemFamily = SystemFamily {
    family: "Noto Serif CJK SC",
    package: "fonts-noto-cjk",
    pdf_type: "CID Type 0C",
};

/// 龑 (U+9F91) and 𠮷 (U+20BB7, outside the Basic Multilingual Plane): real names in Chinese
/// news that the bundled GB 2312 / 通用规范汉字表 subsets lack.
const RARE: [char; 2] = ['\u{9F91}', '\u{20BB7}'];

fn broadsheet() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_broadsheet"));
    // The tests say where fonts are; a developer's own font path must not change the answer.
    cmd.env_remove("BROADSHEET_FONT_PATH");
    cmd
}

/// Fails, naming the Debian package, when `package` is not installed.
fn require_package(package: &str) {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output();
    let installed = out
        .as_ref()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"));
    assert!(
        installed,
        "the Debian package {package} is not installed: these tests lay out with its fonts \
         (`.ci/run` installs it; by hand: apt-get install {package})"
    );
}

/// What fontconfig itself answers for a family at regular weight: its file, face index and
/// PostScript name. The book's answer is checked against this, not against paths written here.
struct FcAnswer {
    file: String,
    index: u32,
    postscript: String,
}

fn fontconfig(family: &SystemFamily) -> FcAnswer {
    require_package(family.package);
    require("fc-match", "fontconfig");
    let out = run(
        "fc-match",
        &[
            "-f",
            "%{family[0]}\t%{file}\t%{index}\t%{postscriptname}",
            &format!("{}:weight=regular:slant=roman", family.family),
        ],
    );
    let cols: Vec<&str> = out.split('\t').collect();
    assert_eq!(
        cols[0], family.family,
        "fontconfig does not have {} (from {}): it answered {out}",
        family.family, family.package
    );
    let listed = run("dpkg", &["-L", family.package]);
    assert!(
        listed.lines().any(|l| l == cols[1]),
        "fontconfig's {} is {}, not a file of {}",
        family.family,
        cols[1],
        family.package
    );
    FcAnswer {
        file: cols[1].to_owned(),
        index: cols[2].parse().unwrap(),
        postscript: cols[3].to_owned(),
    }
}

/// The bundled sample with every paragraph style set in `family` (weights kept), its photo
/// named by an absolute path so the edition can be saved anywhere.
fn sample_in(family: &str) -> Edition {
    let mut e = bundle::sample();
    for s in &mut e.styles.paragraph {
        s.font.family = family.to_owned();
    }
    absolute_photos(&mut e);
    e
}

fn absolute_photos(e: &mut Edition) {
    for p in &mut e.photos {
        let name = Path::new(&p.path).file_name().unwrap().to_owned();
        p.path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join(name)
            .to_string_lossy()
            .into_owned();
    }
}

/// Saves `edition` as `dir/edition.ron`, recording its fonts as the editor's save does, and
/// loads it back, as the editor and the CLI would.
fn save(edition: &Edition, dir: &Path) -> (PathBuf, Edition) {
    let file = dir.join("edition.ron");
    let mut edition = edition.clone();
    let assets = Assets::new(Origin::of_file(&file), &[]);
    edition.fonts = broadsheet::layout::fonts::record(&edition, assets.fonts(), Some(dir));
    io::save(&edition, &file).unwrap();
    let loaded = io::load(&file).unwrap();
    (file, loaded)
}

/// What layout says about fonts: a family nowhere, a font changed since the save, a licence
/// forbidding embedding, a character no face has; and overset text, which would not print.
fn font_findings(layout: &EditionLayout) -> Vec<&Diagnostic> {
    const FONTS: [&str; 6] = [
        "unknown-font",
        "missing-font",
        "font-changed",
        "font-embedding",
        "missing-glyph",
        "overset",
    ];
    layout
        .diagnostics
        .iter()
        .filter(|d| FONTS.contains(&d.code))
        .collect()
}

fn laid_out(edition: &Edition, assets: &Assets) -> EditionLayout {
    Layouter::new().layout(edition, assets)
}

/// The faces the layout's glyph runs use, with the characters each prints.
fn faces_used<'a>(layout: &EditionLayout, assets: &'a Assets) -> Vec<(&'a Face, String)> {
    let mut used: Vec<(broadsheet::text::FontId, String)> = Vec::new();
    for page in &layout.pages {
        for run in page.runs() {
            match used.iter_mut().find(|(id, _)| *id == run.font) {
                Some((_, text)) => text.push_str(&run.text),
                None => used.push((run.font, run.text.to_string())),
            }
        }
    }
    used.into_iter()
        .map(|(id, text)| (assets.fonts().face(id), text))
        .collect()
}

/// The face whose runs print `c`.
fn face_printing<'a>(layout: &EditionLayout, assets: &'a Assets, c: char) -> &'a Face {
    let mut found = None;
    for page in &layout.pages {
        for run in page.runs() {
            // A run's glyphs carry byte offsets into its text; find the glyph of `c`.
            for (at, ch) in run.text.char_indices() {
                if ch == c {
                    let glyph = run
                        .glyphs
                        .iter()
                        .find(|g| g.cluster as usize == at)
                        .unwrap_or_else(|| panic!("no glyph for {c} in run {:?}", run.text));
                    assert_ne!(glyph.id, 0, "{c} is set as .notdef (a box)");
                    found = Some(assets.fonts().face(run.font));
                }
            }
        }
    }
    found.unwrap_or_else(|| panic!("{c} is not in any glyph run"))
}

/// Exports `file` through the command line with `args`, and returns its standard error.
fn export(file: &Path, args: &[&str], env: &[(&str, &Path)]) -> String {
    let mut cmd = broadsheet();
    cmd.arg("export").arg(file).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "broadsheet export {} {args:?} failed:\n{stderr}",
        file.display()
    );
    stderr
}

fn qpdf_check(pdf: &Path) {
    require("qpdf", "qpdf");
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("No syntax or stream encoding errors"),
        "qpdf --check: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One row of `pdffonts`.
#[derive(Debug)]
struct PdfFont {
    name: String,
    kind: String,
    emb: bool,
    sub: bool,
    uni: bool,
}

fn pdffonts(pdf: &Path) -> Vec<PdfFont> {
    require("pdffonts", "poppler-utils");
    let out = run("pdffonts", &[&pdf.to_string_lossy()]);
    assert!(out.lines().count() > 2, "pdffonts lists no font: {out}");
    out.lines()
        .skip(2)
        .map(|row| {
            // name type… encoding emb sub uni object ID
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            PdfFont {
                name: cols[0].to_owned(),
                kind: cols[1..n - 6].join(" "),
                emb: cols[n - 5] == "yes",
                sub: cols[n - 4] == "yes",
                uni: cols[n - 3] == "yes",
            }
        })
        .collect()
}

/// The row for the font whose PostScript name is `postscript`, checked embedded, subset (with
/// the six-capital-letter tag) and with a ToUnicode map.
fn assert_embedded_subset_with_unicode<'a>(fonts: &'a [PdfFont], postscript: &str) -> &'a PdfFont {
    let row = fonts
        .iter()
        .find(|f| {
            // A CFF face is a CIDFontType0 font: its name carries the CMap's (`-Identity-H`).
            f.name.split_once('+').is_some_and(|(_, ps)| {
                ps == postscript || ps.strip_suffix("-Identity-H") == Some(postscript)
            })
        })
        .unwrap_or_else(|| panic!("{postscript} is not in the PDF's fonts: {fonts:#?}"));
    let (tag, _) = row.name.split_once('+').unwrap();
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "subset tag is not six capitals: {row:?}"
    );
    assert!(row.emb, "not embedded: {row:?}");
    assert!(row.sub, "not a subset: {row:?}");
    assert!(row.uni, "no ToUnicode map: {row:?}");
    row
}

/// The PDF's text as pdftotext gives it, in content order, without whitespace (Chinese lines
/// break anywhere, and justification may read as spaces).
fn pdftext(pdf: &Path) -> String {
    require("pdftotext", "poppler-utils");
    run("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every character of every story (kicker to credit, every paragraph) comes back from the
/// PDF's text, as often as the stories have it; and each paragraph of a story set in one
/// frame comes back whole, in reading order.
fn assert_every_story_character_prints(edition: &Edition, text: &str) {
    let mut pool: HashMap<char, i64> = HashMap::new();
    for c in text.chars() {
        *pool.entry(c).or_default() += 1;
    }
    let mut missing = Vec::new();
    for s in &edition.stories {
        let parts = [
            &s.kicker,
            &s.headline,
            &s.deck,
            &s.byline,
            &s.caption,
            &s.credit,
        ]
        .into_iter()
        .chain(s.paragraphs.iter().map(|p| &p.text));
        for c in parts.flat_map(|t| t.chars()).filter(|c| !c.is_whitespace()) {
            let n = pool.entry(c).or_default();
            *n -= 1;
            if *n < 0 {
                missing.push(c);
            }
        }
        if s.thread.len() == 1 {
            for p in &s.paragraphs {
                let p: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(
                    text.contains(&p),
                    "paragraph of {} not whole in the PDF's text: {p}",
                    s.id
                );
            }
        }
    }
    assert!(
        missing.is_empty(),
        "characters missing from the PDF's text: {}",
        missing.iter().collect::<String>()
    );
}

/// Lays out the sample in a system family, checks where the face came from, exports it
/// through the command line and checks the PDF with qpdf, pdffonts and pdftotext.
fn sample_in_system_family_exports(family: &SystemFamily) {
    let fc = fontconfig(family);
    let dir = tempfile::tempdir().unwrap();
    let (file, edition) = save(&sample_in(family.family), dir.path());

    let assets = Assets::new(Origin::of_file(&file), &[]);
    let layout = laid_out(&edition, &assets);
    let findings = font_findings(&layout);
    assert!(findings.is_empty(), "{findings:#?}");

    // Every run is set in the family, from the system's file and face fontconfig names.
    let used = faces_used(&layout, &assets);
    for (face, text) in &used {
        assert_eq!(
            (face.family.as_str(), face.place),
            (family.family, Place::System),
            "{text:?} is set in {} ({:?})",
            face.file,
            face.place
        );
    }
    let regular = used
        .iter()
        .map(|(f, _)| *f)
        .find(|f| !f.bold)
        .expect("body text is regular");
    assert_eq!(
        (regular.file.as_str(), regular.index),
        (fc.file.as_str(), fc.index),
        "{} is not the face fontconfig names",
        family.family
    );

    let pdf = dir.path().join("out.pdf");
    export(&file, &["--pdf", &pdf.to_string_lossy()], &[]);
    qpdf_check(&pdf);
    let fonts = pdffonts(&pdf);
    let row = assert_embedded_subset_with_unicode(&fonts, &fc.postscript);
    assert_eq!(row.kind, family.pdf_type, "{row:?}");
    assert_every_story_character_prints(&edition, &pdftext(&pdf));
}

#[test]
fn ar_pl_ukai_from_a_truetype_collection_exports_embedded_subset_and_searchable() {
    sample_in_system_family_exports(&UKAI);
}

#[test]
fn wenquanyi_zen_hei_face_0_of_a_truetype_collection_exports_embedded_subset_and_searchable() {
    sample_in_system_family_exports(&ZEN_HEI);
}

#[test]
fn wenquanyi_zen_hei_sharp_face_2_with_bitmap_strikes_exports_embedded_subset_and_searchable() {
    sample_in_system_family_exports(&ZEN_HEI_SHARP);
}

#[test]
fn noto_serif_cjk_sc_face_2_of_a_cff_collection_exports_embedded_subset_and_searchable() {
    sample_in_system_family_exports(&NOTO_SERIF_CJK);
}

/// The sample with 龑 and 𠮷 in the civility story's first paragraph (replacing as many
/// characters, so the story still fits its frame).
fn with_rare_characters(mut e: Edition) -> (Edition, String) {
    let story = e
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == "civility")
        .unwrap();
    let p = &mut story.paragraphs[0].text;
    let rest: String = p.chars().skip(4).collect();
    *p = format!("刘{}与{}{rest}", RARE[0], RARE[1]);
    let paragraph = p.clone();
    (e, paragraph)
}

#[test]
fn rare_characters_in_a_noto_serif_cjk_sc_style_print_from_that_face_and_nothing_is_flagged() {
    let fc = fontconfig(&NOTO_SERIF_CJK);
    let dir = tempfile::tempdir().unwrap();
    let (edition, paragraph) = with_rare_characters(sample_in(NOTO_SERIF_CJK.family));
    let (file, edition) = save(&edition, dir.path());
    let assets = Assets::new(Origin::of_file(&file), &[]);
    let layout = laid_out(&edition, &assets);
    let findings = font_findings(&layout);
    assert!(findings.is_empty(), "{findings:#?}");
    for c in RARE {
        let face = face_printing(&layout, &assets, c);
        assert_eq!(
            (
                face.family.as_str(),
                face.place,
                face.file.as_str(),
                face.index
            ),
            (
                NOTO_SERIF_CJK.family,
                Place::System,
                fc.file.as_str(),
                fc.index
            ),
            "{c}"
        );
    }

    let pdf = dir.path().join("out.pdf");
    let stderr = export(&file, &["--pdf", &pdf.to_string_lossy()], &[]);
    assert!(!stderr.contains("missing-glyph"), "{stderr}");
    qpdf_check(&pdf);
    assert_embedded_subset_with_unicode(&pdffonts(&pdf), &fc.postscript);
    let text = pdftext(&pdf);
    assert!(text.contains(&paragraph), "{paragraph} not in {text}");
}

#[test]
fn rare_characters_the_bundled_noto_serif_sc_lacks_fall_back_to_a_system_cjk_face_not_a_box() {
    fontconfig(&NOTO_SERIF_CJK);
    let dir = tempfile::tempdir().unwrap();
    let mut sample = bundle::sample();
    absolute_photos(&mut sample);
    let (edition, paragraph) = with_rare_characters(sample);
    let (file, edition) = save(&edition, dir.path());
    let body = edition.styles.paragraph(&edition.roles.body).unwrap();
    assert_eq!(body.font.family, "Noto Serif SC");

    // With the bundled faces alone they are boxes, and layout says so.
    let bundled = Assets::bundled(Origin::of_file(&file));
    for c in RARE {
        assert!(
            bundled.fonts().faces().all(|(_, f)| !f.has(c)),
            "a bundled face has {c}: pick a rarer character"
        );
    }
    let boxed = laid_out(&edition, &bundled);
    let error = boxed
        .diagnostics
        .iter()
        .find(|d| d.code == "missing-glyph")
        .expect("bundled faces only: a missing-glyph finding");
    assert_eq!(error.severity, broadsheet::model::Severity::Error);
    assert_eq!(error.story.as_ref().unwrap().as_str(), "civility");
    for c in RARE {
        assert!(error.message.contains(c), "{error:?}");
    }
    assert!(
        error.message.contains("paragraph 1, character 2"),
        "{error:?}"
    );

    // With the system's fonts they come from a system CJK face, and nothing is flagged.
    let assets = Assets::new(Origin::of_file(&file), &[]);
    let layout = laid_out(&edition, &assets);
    // Nothing is said: the style's family is there, and no character prints as a box. (Nor
    // that two characters are set in a face no style names.)
    let findings = font_findings(&layout);
    assert!(findings.is_empty(), "{findings:#?}");
    let mut system_faces = Vec::new();
    for c in RARE {
        let face = face_printing(&layout, &assets, c);
        assert_eq!(face.place, Place::System, "{c} is set in {}", face.file);
        assert!(face.is_cjk() && face.has(c), "{c}: {}", face.file);
        system_faces.push((face.file.clone(), face.index));
    }
    // The text around them stays in the bundled face the style names.
    let around = face_printing(&layout, &assets, '刘');
    assert_eq!(
        (around.family.as_str(), around.place),
        ("Noto Serif SC", Place::Bundled)
    );

    let pdf = dir.path().join("out.pdf");
    let data = dir.path().join("out.json");
    let stderr = export(
        &file,
        &[
            "--pdf",
            &pdf.to_string_lossy(),
            "--data",
            &data.to_string_lossy(),
        ],
        &[],
    );
    assert!(!stderr.contains("missing-glyph"), "{stderr}");
    qpdf_check(&pdf);
    let fonts = pdffonts(&pdf);
    for (file, index) in &system_faces {
        let ps = run(
            "fc-query",
            &["-i", &index.to_string(), "-f", "%{postscriptname}", file],
        );
        assert_embedded_subset_with_unicode(&fonts, &ps);
    }
    let text = pdftext(&pdf);
    assert!(text.contains(&paragraph), "{paragraph} not in {text}");
    // The data export names the system face the characters came from.
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(&data).unwrap()).unwrap();
    for (file, index) in &system_faces {
        assert!(
            data["fonts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["file"] == *file && f["index"] == *index && f["place"] == "system"),
            "{file} #{index} not in {}",
            data["fonts"]
        );
    }
}

/// Copies `from` to `to`, making the folder.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to)
        .unwrap_or_else(|e| panic!("{} → {}: {e}", from.display(), to.display()));
}

fn spec(family: &str, weight: Weight) -> broadsheet::model::FontSpec {
    broadsheet::model::FontSpec::new(family, weight)
}

/// Where the book finds `family` at regular weight: the face's place, file and index.
fn resolve(assets: &Assets, family: &str) -> (Place, String, u32) {
    let id = assets
        .fonts()
        .find(&spec(family, Weight::Regular))
        .unwrap_or_else(|| panic!("{family} not found"));
    let f = assets.fonts().face(id);
    assert_eq!(f.family, family);
    (f.place, f.file.clone(), f.index)
}

fn bundled_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fonts")
        .join(name)
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn a_font_in_the_editions_fonts_folder_comes_before_the_systems_copy_and_the_bundled_face() {
    let fc = fontconfig(&UKAI);
    let dir = tempfile::tempdir().unwrap();
    let (file, edition) = save(&sample_in(UKAI.family), dir.path());
    // The family comes from the file's name table, not its file name.
    let kai = dir.path().join("fonts").join("our-kai.ttc");
    copy(Path::new(&fc.file), &kai);
    let franklin = dir.path().join("fonts").join("house-sans.ttf");
    copy(&bundled_file("LibreFranklin-Regular.ttf"), &franklin);

    let assets = Assets::new(Origin::of_file(&file), &[]);
    assert_eq!(
        resolve(&assets, UKAI.family),
        (Place::Edition, shown(&kai), fc.index)
    );
    assert_eq!(
        resolve(&assets, "Libre Franklin"),
        (Place::Edition, shown(&franklin), 0)
    );
    assert!(
        assets
            .fonts()
            .check_spec(&spec("house-sans", Weight::Regular))
            .is_err()
    );
    // The other faces of the collection are there too, at their own index.
    assert_eq!(
        resolve(&assets, "AR PL UKai TW"),
        (Place::Edition, shown(&kai), 2)
    );

    // Layout sets the text in the edition's copy.
    let layout = laid_out(&edition, &assets);
    let findings = font_findings(&layout);
    assert!(findings.is_empty(), "{findings:#?}");
    for (face, text) in faces_used(&layout, &assets) {
        assert_eq!(face.file, shown(&kai), "{text:?}");
    }
    // Without the folder, the same edition finds the system's copy.
    std::fs::remove_dir_all(dir.path().join("fonts")).unwrap();
    let assets = Assets::new(Origin::of_file(&file), &[]);
    assert_eq!(
        resolve(&assets, UKAI.family),
        (Place::System, fc.file.clone(), fc.index)
    );
    assert_eq!(resolve(&assets, "Libre Franklin").0, Place::Bundled);
}

#[test]
fn a_user_font_folder_comes_after_the_editions_folder_and_before_the_system() {
    let fc = fontconfig(&UKAI);
    let dir = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let (file, _) = save(&sample_in(UKAI.family), dir.path());
    let user_kai = user.path().join("kai-from-the-user.ttc");
    copy(Path::new(&fc.file), &user_kai);
    let user_franklin = user.path().join("sub").join("franklin.ttf");
    copy(&bundled_file("LibreFranklin-Regular.ttf"), &user_franklin);
    let folders = [user.path().to_path_buf()];

    // Ahead of the system's copy and the bundled face.
    let assets = Assets::new(Origin::of_file(&file), &folders);
    assert_eq!(
        resolve(&assets, UKAI.family),
        (Place::Folder, shown(&user_kai), fc.index)
    );
    assert_eq!(
        resolve(&assets, "Libre Franklin"),
        (Place::Folder, shown(&user_franklin), 0)
    );

    // Behind the edition's own copy, for every face of the family.
    let edition_kai = dir.path().join("fonts").join("kai-of-the-edition.ttc");
    copy(Path::new(&fc.file), &edition_kai);
    let assets = Assets::new(Origin::of_file(&file), &folders);
    assert_eq!(
        resolve(&assets, UKAI.family),
        (Place::Edition, shown(&edition_kai), fc.index)
    );
    assert_eq!(
        resolve(&assets, "Libre Franklin"),
        (Place::Folder, shown(&user_franklin), 0)
    );
}

/// A bug this found: the edition's folder and the user's folders were scanned into one
/// fontique collection, which merged a family found in both into one family. A face then came
/// from whichever file fontique's matching preferred — for a bold style of a family with only a
/// regular face, the user's copy — while the book labelled it with the edition's place, and the
/// data export said "edition" for a file outside the edition. Each place now has a collection
/// of its own.
#[test]
fn a_face_labelled_as_the_editions_comes_from_the_editions_folder() {
    let fc = fontconfig(&UKAI);
    let dir = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let (file, _) = save(&sample_in(UKAI.family), dir.path());
    copy(
        Path::new(&fc.file),
        &user.path().join("kai-from-the-user.ttc"),
    );
    let edition_kai = dir.path().join("fonts").join("kai-of-the-edition.ttc");
    copy(Path::new(&fc.file), &edition_kai);
    let assets = Assets::new(Origin::of_file(&file), &[user.path().to_path_buf()]);
    for weight in [Weight::Regular, Weight::Bold] {
        let id = assets.fonts().find(&spec(UKAI.family, weight)).unwrap();
        let face = assets.fonts().face(id);
        assert_eq!(
            (face.place, face.file.as_str()),
            (Place::Edition, shown(&edition_kai).as_str()),
            "{weight:?}"
        );
    }
}

fn sha256sum(file: &Path) -> String {
    let out = run("sha256sum", &[&file.to_string_lossy()]);
    out.split_whitespace().next().unwrap().to_owned()
}

#[test]
fn the_data_export_names_each_fonts_file_place_and_sha256() {
    let kai = fontconfig(&UKAI);
    let zen = fontconfig(&ZEN_HEI);
    let dir = tempfile::tempdir().unwrap();
    let user = tempfile::tempdir().unwrap();
    let mut e = bundle::sample();
    absolute_photos(&mut e);
    for s in &mut e.styles.paragraph {
        match s.id.as_str() {
            // From the system.
            "headline" | "headline-lead" => s.font.family = UKAI.family.into(),
            // From the user's folder (BROADSHEET_FONT_PATH).
            "body" => s.font.family = ZEN_HEI.family.into(),
            // From the edition's fonts/ folder; its Chinese falls back to the bundled faces.
            "folio" => s.font.family = "Libre Franklin".into(),
            // The rest stays bundled.
            _ => {}
        }
    }
    let (file, _) = save(&e, dir.path());
    let franklin = dir.path().join("fonts").join("masthead.ttf");
    copy(&bundled_file("LibreFranklin-Regular.ttf"), &franklin);
    let zen_copy = user.path().join("zenhei.ttc");
    copy(Path::new(&zen.file), &zen_copy);

    let out = dir.path().join("out.json");
    export(
        &file,
        &["--data", &out.to_string_lossy()],
        &[("BROADSHEET_FONT_PATH", user.path())],
    );
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let fonts = data["fonts"].as_array().unwrap();
    let entry = |place: &str, family: &str| {
        fonts
            .iter()
            .find(|f| f["place"] == place && f["family"] == family)
            .unwrap_or_else(|| panic!("no {place} {family} in {fonts:#?}"))
    };
    let expected = [
        ("system", UKAI.family, PathBuf::from(&kai.file), kai.index),
        ("folder", ZEN_HEI.family, zen_copy.clone(), zen.index),
        ("edition", "Libre Franklin", franklin.clone(), 0),
    ];
    for (place, family, path, index) in &expected {
        let f = entry(place, family);
        assert_eq!(f["file"], shown(path), "{f}");
        assert_eq!(f["index"], *index, "{f}");
        assert_eq!(f["sha256"], sha256sum(path), "{f}");
    }
    assert!(
        fonts
            .iter()
            .any(|f| f["place"] == "bundled" && f["family"] == "Noto Sans SC"),
        "{fonts:#?}"
    );
    // Every entry's checksum is its file's: bundled files are named as in the repo's fonts/.
    for f in fonts {
        let name = f["file"].as_str().unwrap();
        let path = match f["place"].as_str().unwrap() {
            "bundled" => bundled_file(name),
            _ => PathBuf::from(name),
        };
        assert_eq!(f["sha256"], sha256sum(&path), "{f}");
    }
    // And every run's font is listed.
    let ids: Vec<&serde_json::Value> = fonts.iter().map(|f| &f["id"]).collect();
    for page in data["pages"].as_array().unwrap() {
        for item in page["items"].as_array().unwrap() {
            if item["type"] == "glyph-run" {
                assert!(ids.contains(&&item["font"]), "{}", item["font"]);
            }
        }
    }
}
