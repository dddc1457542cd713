//! The press PDF checked the way a printing plant would: Ghostscript separates page 1 into
//! CMYK plates (Debian `ghostscript`), `pdfimages` lists the photo's colour space, qpdf checks
//! the file, and lopdf (a PDF library we did not write the output with) reads back the
//! overprint state and the PDF/X keys. `.ci/run` installs the tools.

mod common;
use common::{require, run, write};

use std::path::Path;
use std::process::Command;

use broadsheet::bundle;
use broadsheet::export::pdf::{EarlyPhotos, PdfOptions, export, export_with};
use broadsheet::layout::Layouter;
use broadsheet::model::{Edition, PressSettings};
use broadsheet::resources::{Assets, Origin};
use lopdf::content::Content;
use lopdf::{Document, Object};

fn pdf(edition: &Edition, opts: &PdfOptions) -> Vec<u8> {
    let assets = Assets::bundled(Origin::Bundled);
    let laid = Layouter::new().layout(edition, &assets);
    export(&laid, &assets, opts).unwrap()
}

/// Page 1 for the press, as the house's settings say.
fn press(edition: &Edition) -> PdfOptions {
    PdfOptions::press(vec![0], &edition.press)
}

fn pdfx(edition: &Edition) -> PdfOptions {
    let mut opts = press(edition);
    if let Some(p) = opts.press.as_mut() {
        p.pdfx = true;
    }
    opts
}

/// The most ink (C+M+Y+K, percent) of any pixel when Ghostscript separates page 1 at 40 dpi.
fn max_ink(dir: &Path, pdf_file: &str) -> f32 {
    let tif = dir.join("plates.tif");
    let out = format!("-sOutputFile={}", tif.display());
    run(
        &require("gs", "ghostscript"),
        &[
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-sDEVICE=tiff32nc",
            "-r40",
            &out,
            pdf_file,
        ],
    );
    let samples = tiff_samples(&std::fs::read(&tif).unwrap());
    let most = samples
        .chunks_exact(4)
        .map(|p| p.iter().map(|&v| u32::from(v)).sum::<u32>())
        .max()
        .unwrap();
    most as f32 / 255.0 * 100.0
}

/// The pixel bytes of an uncompressed single-image TIFF (what `tiff32nc` writes).
fn tiff_samples(d: &[u8]) -> Vec<u8> {
    let le = &d[..2] == b"II";
    let u16_at = |o: usize| {
        let b = [d[o], d[o + 1]];
        if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    };
    let u32_at = |o: usize| {
        let b = [d[o], d[o + 1], d[o + 2], d[o + 3]];
        if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    };
    let ifd = u32_at(4) as usize;
    let mut tags = std::collections::HashMap::new();
    for i in 0..usize::from(u16_at(ifd)) {
        let e = ifd + 2 + i * 12;
        tags.insert(u16_at(e), (u16_at(e + 2), u32_at(e + 4) as usize, e + 8));
    }
    assert_eq!(
        tags.get(&259).map(|t| u16_at(t.2)),
        Some(1),
        "compressed TIFF"
    );
    // Offsets and byte counts: one value in place, or a list where the entry points.
    let list = |tag: u16| -> Vec<usize> {
        let (kind, count, at) = tags[&tag];
        let size = if kind == 3 { 2 } else { 4 };
        let base = if count * size <= 4 {
            at
        } else {
            u32_at(at) as usize
        };
        (0..count)
            .map(|i| {
                let o = base + i * size;
                if kind == 3 {
                    usize::from(u16_at(o))
                } else {
                    u32_at(o) as usize
                }
            })
            .collect()
    };
    list(273)
        .into_iter()
        .zip(list(279))
        .flat_map(|(o, n)| d[o..o + n].to_vec())
        .collect()
}

#[test]
fn ghostscript_separates_page_one_of_the_press_pdf_within_the_ink_limit() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let file = write(dir.path(), "press.pdf", &pdf(&edition, &press(&edition)));
    let most = max_ink(dir.path(), &file);
    assert!(most <= 240.0 + 5.0, "page 1 carries {most:.1}% ink");
    // The same page as a proof (an RGB photo the RIP converts its own way) goes over.
    let proof = write(
        dir.path(),
        "proof.pdf",
        &pdf(&edition, &PdfOptions::pages(vec![0])),
    );
    assert!(max_ink(dir.path(), &proof) > 250.0);
}

#[test]
fn a_lower_house_ink_limit_separates_the_photo_with_less_ink() {
    let dir = tempfile::tempdir().unwrap();
    let mut edition = bundle::sample();
    edition.press.ink_limit_pct = 200.0;
    let file = write(dir.path(), "press.pdf", &pdf(&edition, &press(&edition)));
    let most = max_ink(dir.path(), &file);
    assert!(most <= 205.0, "page 1 carries {most:.1}% ink");
}

#[test]
fn pdfimages_lists_the_press_photo_as_cmyk_and_the_proof_photo_as_an_rgb_jpeg() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let pdfimages = require("pdfimages", "poppler-utils");
    let press = write(dir.path(), "press.pdf", &pdf(&edition, &press(&edition)));
    let proof = write(
        dir.path(),
        "proof.pdf",
        &pdf(&edition, &PdfOptions::pages(vec![0])),
    );
    // page num type width height color comp bpc enc ...
    let columns = |file: &str| -> Vec<Vec<String>> {
        run(&pdfimages, &["-list", file])
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().map(str::to_owned).collect())
            .collect()
    };
    // Our own preflight of the finished file agrees.
    let bytes = std::fs::read(&press).unwrap();
    assert!(
        broadsheet::export::press::rgb_images(&bytes)
            .unwrap()
            .is_empty()
    );
    let proof_bytes = std::fs::read(&proof).unwrap();
    assert_eq!(
        broadsheet::export::press::rgb_images(&proof_bytes)
            .unwrap()
            .len(),
        1
    );
    let press_rows = columns(&press);
    assert!(!press_rows.is_empty());
    for row in &press_rows {
        assert_eq!((row[5].as_str(), row[6].as_str()), ("cmyk", "4"), "{row:?}");
    }
    for row in columns(&proof) {
        assert_eq!(
            (row[5].as_str(), row[8].as_str()),
            ("rgb", "jpeg"),
            "{row:?}"
        );
    }
}

/// Whether the ExtGState `name` in a page's resources turns fill overprint on with mode 1.
fn fill_overprints(doc: &Document, resources: &lopdf::Dictionary, name: &[u8]) -> bool {
    let deref = |o: &Object| doc.dereference(o).map(|(_, o)| o.clone()).unwrap();
    let Ok(ext) = resources.get(b"ExtGState").map(deref) else {
        return false;
    };
    let Ok(state) = ext.as_dict().unwrap().get(name).map(deref) else {
        return false;
    };
    let state = state.as_dict().unwrap();
    state.get(b"op").and_then(Object::as_bool).ok() == Some(true)
        && state.get(b"OPM").and_then(Object::as_i64).ok() == Some(1)
}

/// The text drawn in 100% K on page 1, counted as (overprinting, knocking out).
fn black_text(pdf: &[u8]) -> (usize, usize) {
    let doc = Document::load_mem(pdf).unwrap();
    let page = *doc.get_pages().get(&1).unwrap();
    let (resources, _) = doc.get_page_resources(page).unwrap();
    let resources = resources.cloned().unwrap_or_else(|| {
        let r = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap();
        doc.dereference(r).unwrap().1.as_dict().unwrap().clone()
    });
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let (mut black, mut overprint) = (false, false);
    let mut stack = Vec::new();
    let (mut on, mut off) = (0, 0);
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push((black, overprint)),
            "Q" => (black, overprint) = stack.pop().unwrap(),
            "k" => {
                let v: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                black = v == [0.0, 0.0, 0.0, 1.0];
            }
            "gs" => {
                let name = op.operands[0].as_name().unwrap();
                overprint = fill_overprints(&doc, &resources, name);
            }
            "Tj" | "TJ" if black => {
                if overprint {
                    on += 1;
                } else {
                    off += 1;
                }
            }
            _ => {}
        }
    }
    (on, off)
}

#[test]
fn black_text_in_the_press_pdf_overprints_and_qpdf_finds_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let bytes = pdf(&edition, &press(&edition));
    let (on, off) = black_text(&bytes);
    assert!(on > 100, "{on} black runs overprint");
    assert_eq!(off, 0, "black runs that knock out");
    let file = write(dir.path(), "press.pdf", &bytes);
    let check = run(&require("qpdf", "qpdf"), &["--check", &file]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

/// The PDF writer marks what overprints with a Multiply blend, and the press pass turns every
/// such graphics state into overprint: none keeps a blend, and the proof has no overprint.
#[test]
fn every_marked_graphics_state_becomes_overprint_and_the_proof_has_none() {
    let edition = bundle::sample();
    let states = |bytes: &[u8]| -> Vec<lopdf::Dictionary> {
        let doc = Document::load_mem(bytes).unwrap();
        doc.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"ExtGState"))
            .cloned()
            .collect()
    };
    let flag = |d: &lopdf::Dictionary, key: &[u8]| d.get(key).and_then(Object::as_bool).ok();
    let all = PdfOptions::press((0..edition.pages.len()).collect(), &edition.press);
    let press = states(&pdf(&edition, &all));
    assert!(press.iter().all(|d| !d.has(b"BM")), "{press:?}");
    assert!(
        press
            .iter()
            .any(|d| flag(d, b"op") == Some(true) && flag(d, b"OP") == Some(true)),
        "{press:?}"
    );
    let proof = states(&pdf(&edition, &PdfOptions::pages(vec![0, 1])));
    assert!(
        proof.iter().all(|d| !d.has(b"op") && !d.has(b"BM")),
        "{proof:?}"
    );
}

#[test]
fn with_overprint_off_black_text_knocks_out() {
    let mut edition = bundle::sample();
    edition.press = PressSettings {
        overprint_black: false,
        ..PressSettings::default()
    };
    let (on, off) = black_text(&pdf(&edition, &press(&edition)));
    assert_eq!(on, 0);
    assert!(off > 100);
}

#[test]
fn the_pdfx_export_carries_its_output_intent_and_version_keys() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let bytes = pdf(&edition, &pdfx(&edition));
    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.version, "1.6");
    let catalog = doc.catalog().unwrap();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = doc.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFX");
    let profile = doc
        .dereference(intent.get(b"DestOutputProfile").unwrap())
        .unwrap()
        .1
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
    let icc = profile.decompressed_content().unwrap();
    assert_eq!(&icc[16..20], b"CMYK", "a CMYK profile");
    assert_eq!(&icc[12..16], b"prtr", "an output profile");
    let info = doc.trailer.get(b"Info").unwrap();
    let info = doc.dereference(info).unwrap().1.as_dict().unwrap();
    let text = |key: &[u8]| info.get(key).unwrap().as_str().unwrap().to_vec();
    assert_eq!(text(b"GTS_PDFXVersion"), b"PDF/X-4");
    assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
    // Every page has its trim box: the plant imposes by it.
    for (_, page) in doc.get_pages() {
        assert!(doc.get_dictionary(page).unwrap().has(b"TrimBox"));
    }
    let file = write(dir.path(), "x4.pdf", &bytes);
    let check = run(&require("qpdf", "qpdf"), &["--check", &file]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn press_and_pdfx_exports_are_byte_identical_run_after_run() {
    let edition = bundle::sample();
    // Compared as booleans: a failing assert_eq! would print a megabyte of bytes.
    let same = |opts: &PdfOptions| pdf(&edition, opts) == pdf(&edition, opts);
    assert!(same(&press(&edition)), "press PDFs differ");
    assert!(same(&pdfx(&edition)), "PDF/X files differ");
    // Every page, whose content streams are rewritten on several threads.
    let all = PdfOptions::press((0..edition.pages.len()).collect(), &edition.press);
    assert!(same(&all), "press PDFs of the whole edition differ");
    // The command line separates the photos while it lays the edition out: same bytes.
    let assets = Assets::bundled(Origin::Bundled);
    let opts = press(&edition);
    let early = EarlyPhotos::start(&edition, &assets, &opts);
    assert!(early.is_some(), "page 1 has a photo to separate");
    let laid = Layouter::new().layout(&edition, &assets);
    let ahead = export_with(&laid, &assets, &opts, early).unwrap();
    assert!(
        ahead == pdf(&edition, &opts),
        "separating ahead changed the PDF"
    );
    // Nothing to do ahead for a proof, or when the layout decides the downsampling.
    assert!(EarlyPhotos::start(&edition, &assets, &PdfOptions::pages(vec![0])).is_none());
    let capped = PdfOptions {
        max_ppi: Some(150.0),
        ..press(&edition)
    };
    assert!(EarlyPhotos::start(&edition, &assets, &capped).is_none());
}

/// `export` writes a press PDF by default, a proof with `--proof`, PDF/X-4 with `--pdfx`, and
/// refuses options a proof cannot have.
#[test]
fn the_export_command_writes_press_proof_and_pdfx_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/hexi-news.ron");
    let export = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let status = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
            .args(["export", sample, "--pages", "1", "--pdf"])
            .arg(&out)
            .args(extra)
            .output()
            .unwrap();
        (status, std::fs::read(&out).ok())
    };
    let rgb = |bytes: &[u8]| broadsheet::export::press::rgb_images(bytes).unwrap().len();
    let intent = |bytes: &[u8]| {
        let doc = Document::load_mem(bytes).unwrap();
        doc.catalog().unwrap().has(b"OutputIntents")
    };
    let (_, press) = export("press.pdf", &[]);
    let press = press.unwrap();
    assert_eq!((rgb(&press), intent(&press)), (0, false));
    let (_, proof) = export("proof.pdf", &["--proof"]);
    assert_eq!(rgb(&proof.unwrap()), 1);
    let (_, x4) = export("x4.pdf", &["--pdfx", "--ink-limit", "220"]);
    assert!(intent(&x4.unwrap()));
    let (refused, nothing) = export("bad.pdf", &["--proof", "--pdfx"]);
    assert!(!refused.status.success() && nothing.is_none());
    let (refused, _) = export("bad.pdf", &["--ink-limit", "20"]);
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("--ink-limit must be 100 to 400"),
        "{message}"
    );
}
