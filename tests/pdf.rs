//! Print PDF checked with tools nobody here wrote: qpdf, pdffonts, pdftotext, pdfinfo, pdftoppm
//! (Debian `qpdf` and `poppler-utils`; `.ci/run` installs them, and so does this file when it
//! runs as root on a machine without them).

mod common;
use common::{run, write};

use std::path::Path;
use std::process::Command;

use broadsheet::export::pdf::{PdfOptions, export};
use broadsheet::layout::{EditionLayout, Layouter};
use broadsheet::model::Edition;
use broadsheet::resources::{Assets, Origin};
use broadsheet::{bundle, import, render, sample};

/// Makes sure a command-line tool is there, installing its Debian package when we can.
fn tool(name: &str, package: &str) -> String {
    let found = || {
        Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !found() {
        let _ = Command::new("sh")
            .args(["-c", &format!("(apt-get install -y -qq {package} || (apt-get update -qq && apt-get install -y -qq {package})) >/dev/null 2>&1")])
            .status();
    }
    assert!(
        found(),
        "{name} is needed: install the Debian package {package} (`.ci/run` does)"
    );
    name.to_owned()
}

fn laid(edition: &Edition) -> EditionLayout {
    Layouter::new().layout(edition, &Assets::bundled(Origin::Bundled))
}

fn pdf(edition: &Edition, opts: PdfOptions) -> Vec<u8> {
    export(&laid(edition), &Assets::bundled(Origin::Bundled), &opts).unwrap()
}

fn all_pages(edition: &Edition) -> PdfOptions {
    PdfOptions::pages((0..edition.pages.len()).collect())
}

/// Options for page 1 alone, the customer's front page.
fn page_one() -> PdfOptions {
    PdfOptions::pages(vec![0])
}

#[test]
fn the_sample_pdf_is_valid_and_embeds_every_font_as_a_subset_with_unicode() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let file = write(
        dir.path(),
        "sample.pdf",
        &pdf(&edition, all_pages(&edition)),
    );
    let check = run(&tool("qpdf", "qpdf"), &["--check", &file]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = run(&tool("pdffonts", "poppler-utils"), &[&file]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        // ... emb sub uni object ID
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded+subset+unicode: {row}"
        );
    }
}

/// The 楷体 the sample sets its kickers and captions in goes into the PDF as an embedded subset
/// (a six-letter tag before its PostScript name), with a ToUnicode map: the text comes back.
#[test]
fn the_kai_face_is_embedded_as_a_subset_and_the_kickers_and_caption_come_back_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let file = write(
        dir.path(),
        "sample.pdf",
        &pdf(&edition, all_pages(&edition)),
    );
    let fonts = run(&tool("pdffonts", "poppler-utils"), &[&file]);
    let row = fonts
        .lines()
        .skip(2)
        .find(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|n| n.ends_with("+BroadsheetWenKai-Regular"))
        })
        .unwrap_or_else(|| panic!("no 楷体 in the PDF:\n{fonts}"));
    let cols: Vec<&str> = row.split_whitespace().collect();
    let n = cols.len();
    let tag = cols[0].split('+').next().unwrap();
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "no subset tag: {row}"
    );
    assert_eq!(&cols[1..3], ["CID", "TrueType"], "{row}");
    assert_eq!(
        &cols[n - 5..n - 2],
        ["yes", "yes", "yes"],
        "not embedded+subset+unicode: {row}"
    );
    let text = run(&tool("pdftotext", "poppler-utils"), &["-raw", &file, "-"]);
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let articles = import::plain::parse(sample::ARTICLES);
    let wanted: Vec<String> = articles
        .iter()
        .flat_map(|a| [&a.kicker, &a.caption])
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    assert!(wanted.len() >= 6, "{wanted:?}");
    for t in wanted {
        assert!(text.contains(&t), "not in the PDF's text: {t}");
    }
}

#[test]
fn pdftotext_gives_back_every_character_of_the_customers_page_in_column_order() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let file = write(
        dir.path(),
        "sample.pdf",
        &pdf(&edition, all_pages(&edition)),
    );
    let text = run(&tool("pdftotext", "poppler-utils"), &["-raw", &file, "-"]);
    let extracted: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let articles = import::plain::parse(sample::ARTICLES);
    let mut missing = Vec::new();
    let mut pool: std::collections::HashMap<char, i64> = std::collections::HashMap::new();
    for c in extracted.chars() {
        *pool.entry(c).or_default() += 1;
    }
    for a in &articles {
        let all = [
            &a.kicker,
            &a.headline,
            &a.deck,
            &a.byline,
            &a.caption,
            &a.credit,
        ]
        .into_iter()
        .chain(&a.paragraphs)
        .flat_map(|s| s.chars())
        .filter(|c| !c.is_whitespace());
        for c in all {
            let n = pool.entry(c).or_default();
            *n -= 1;
            if *n < 0 {
                missing.push(c);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "characters missing from the PDF text: {missing:?}"
    );
    // Within a story the text comes out in reading order, column after column.
    for story in edition.stories.iter().filter(|s| s.id.as_str() != "lead") {
        for p in &story.paragraphs {
            let p: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                extracted.contains(&p),
                "paragraph out of order in {}: {p}",
                story.id
            );
        }
    }
}

#[test]
fn two_exports_are_byte_identical() {
    let edition = bundle::sample();
    assert_eq!(
        pdf(&edition, all_pages(&edition)),
        pdf(&edition, all_pages(&edition))
    );
}

#[test]
fn bleed_and_crop_marks_appear_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let plain = write(dir.path(), "plain.pdf", &pdf(&edition, page_one()));
    let marked = PdfOptions {
        bleed: 8.5,
        marks: true,
        ..page_one()
    };
    let marked = write(dir.path(), "marked.pdf", &pdf(&edition, marked));
    let info = run(&tool("pdfinfo", "poppler-utils"), &["-box", &marked]);
    let boxes: Vec<&str> = info.lines().filter(|l| l.contains("Box:")).collect();
    let trim = boxes.iter().find(|l| l.starts_with("TrimBox")).unwrap();
    let media = boxes.iter().find(|l| l.starts_with("MediaBox")).unwrap();
    assert_ne!(trim.split(':').nth(1), media.split(':').nth(1), "{info}");
    // A crop mark runs out from the top-left trim corner: look for ink left of it.
    let pixel_dark = |file: &str| {
        let prefix = dir.path().join("m");
        run(
            &tool("pdftoppm", "poppler-utils"),
            &[
                "-r",
                "72",
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                file,
                prefix.to_str().unwrap(),
            ],
        );
        let png = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "png"))
            .unwrap();
        let img = image::open(&png).unwrap().to_luma8();
        std::fs::remove_file(png).unwrap();
        // Marks start 3 pt outside the bleed and run 12 pt; the trim corner is at (26.5, 26.5).
        let y = 26;
        (2..12).any(|x| img.get_pixel(x, y)[0] < 128)
    };
    assert!(pixel_dark(&marked), "no crop mark");
    assert!(!pixel_dark(&plain), "marks without asking");
}

#[test]
fn the_sample_page_without_photos_is_under_300_kb() {
    let mut edition = bundle::sample();
    edition.photos[0].path = "no-photo-here.png".into();
    let bytes = pdf(&edition, page_one());
    assert!(bytes.len() < 300 * 1024, "{} KB", bytes.len() / 1024);
}

#[test]
fn a_jpeg_goes_into_the_pdf_byte_for_byte() {
    let mut edition = bundle::sample();
    edition.photos[0].path = "../assets/rocket.jpg".into();
    let bytes = pdf(&edition, page_one());
    let jpeg = bundle::asset("assets/rocket.jpg").unwrap();
    assert!(
        bytes.windows(jpeg.len()).any(|w| w == jpeg),
        "the JPEG was re-encoded"
    );
}

/// Renders page 1 of the sample with our own rasteriser and compares it with the committed
/// reference (`BROADSHEET_UPDATE_REFERENCES=1` rewrites it); then renders the exported PDF with
/// pdftoppm and compares it with the same reference loosely, so canvas and PDF cannot drift.
#[test]
fn the_sample_page_matches_its_reference_image_in_our_renderer_and_in_the_pdf() {
    let edition = bundle::sample();
    let layout = laid(&edition);
    let scale = 0.5; // 36 dpi
    let mut renderer = render::Renderer::new(std::sync::Arc::new(Assets::bundled(Origin::Bundled)));
    let ours = renderer.render(&layout.pages[0], scale);
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/hexi-news-p1.png");
    if std::env::var_os("BROADSHEET_UPDATE_REFERENCES").is_some() {
        ours.save_png(&reference).unwrap();
    }
    let expected = image::open(&reference)
        .expect("reference image (regenerate with BROADSHEET_UPDATE_REFERENCES=1)")
        .to_rgba8();
    assert_eq!(
        (expected.width(), expected.height()),
        (ours.width(), ours.height())
    );
    let worst = ours
        .data()
        .iter()
        .zip(expected.as_raw())
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap();
    assert!(
        worst <= 2,
        "our render drifted from the reference by up to {worst}/255 per byte"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p1.pdf", &pdf(&edition, page_one()));
    let prefix = dir.path().join("p");
    run(
        &tool("pdftoppm", "poppler-utils"),
        &[
            "-r",
            "36",
            "-png",
            "-singlefile",
            &file,
            prefix.to_str().unwrap(),
        ],
    );
    let theirs = image::open(dir.path().join("p.png")).unwrap().to_rgb8();
    let (w, h) = (
        theirs.width().min(expected.width()),
        theirs.height().min(expected.height()),
    );
    assert!(w + 2 >= expected.width() && h + 2 >= expected.height());
    // Compare 4×4-pixel block averages: poppler anti-aliases text more heavily than we do, but
    // text, photos and rules in the wrong place change the blocks.
    let block = |img: &dyn Fn(u32, u32) -> [u8; 3], bx: u32, by: u32| -> [f64; 3] {
        let mut sum = [0.0; 3];
        for y in by * 4..by * 4 + 4 {
            for x in bx * 4..bx * 4 + 4 {
                let p = img(x, y);
                for i in 0..3 {
                    sum[i] += f64::from(p[i]) / 16.0;
                }
            }
        }
        sum
    };
    let theirs_px = |x: u32, y: u32| {
        let p = theirs.get_pixel(x, y);
        [p[0], p[1], p[2]]
    };
    let ours_px = |x: u32, y: u32| {
        let p = expected.get_pixel(x, y);
        [p[0], p[1], p[2]]
    };
    let (mut total, mut blocks) = (0.0, 0.0);
    for by in 0..h / 4 {
        for bx in 0..w / 4 {
            let (a, b) = (block(&theirs_px, bx, by), block(&ours_px, bx, by));
            total += (0..3).map(|i| (a[i] - b[i]).abs()).sum::<f64>() / 3.0;
            blocks += 1.0;
        }
    }
    let mean = total / blocks;
    assert!(
        mean < 8.0,
        "the PDF renders {mean:.1}/255 away from our canvas on average"
    );
}

#[test]
fn a_pdfa_2b_export_passes_krillas_validation_and_qpdf() {
    let dir = tempfile::tempdir().unwrap();
    let edition = bundle::sample();
    let opts = PdfOptions {
        pdfa: true,
        ..page_one()
    };
    let bytes = export(&laid(&edition), &Assets::bundled(Origin::Bundled), &opts)
        .expect("krilla validates PDF/A-2b while writing and refuses what does not conform");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part") || text.contains("pdfaid"),
        "no PDF/A identification in the XMP metadata"
    );
    let file = write(dir.path(), "a.pdf", &bytes);
    let check = run(&tool("qpdf", "qpdf"), &["--check", &file]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn pdf_metadata_takes_title_and_creation_date_from_the_edition_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut edition = bundle::sample();
    edition.date = "Nov 13, 2024".into();
    edition.issue = Some(8123);
    let file = write(dir.path(), "meta.pdf", &pdf(&edition, page_one()));
    let info = run(&tool("pdfinfo", "poppler-utils"), &["-isodates", &file]);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(field("Title:"), "河西新闻 第8123期 2024年11月13日 星期三");
    assert!(field("CreationDate:").starts_with("2024-11-13"), "{info}");
}

/// The sample with the civility story's headline frame made a tall narrow vertical one (竖题)
/// at the right of its section, its body beside it; and that frame's rectangle.
fn vertical_headline_edition() -> (Edition, broadsheet::model::Rect) {
    let mut edition = bundle::sample();
    let frames = edition.pages[0].frames.iter_mut();
    let mut rect = None;
    let mut head_rect = broadsheet::model::Rect::new(0.0, 0.0, 1.0, 1.0);
    for f in frames {
        match f.id.as_str() {
            "p1-civility-head" => {
                let r = f.rect;
                f.rect = broadsheet::model::Rect::new(r.right().0 - 100.0, r.y.0, 100.0, 225.0);
                f.vertical = true;
                head_rect = f.rect;
                rect = Some(r);
            }
            "p1-civility-body" => f.rect.w.0 -= 110.0,
            _ => {}
        }
    }
    let r = rect.expect("the sample has the civility headline");
    for f in &mut edition.pages[0].frames {
        if f.id.as_str() == "p1-civility-body" {
            f.rect.y = r.y;
            f.rect.h.0 = 225.0;
        }
    }
    edition.validate().unwrap();
    (edition, head_rect)
}

/// pdftotext's crop options for `r` at 72 dpi (pixels are points).
fn crop(r: broadsheet::model::Rect) -> Vec<String> {
    let v = |f: f32| format!("{}", f.round() as i64);
    [
        "-r".to_owned(),
        "72".to_owned(),
        "-x".to_owned(),
        v(r.x.0),
        "-y".to_owned(),
        v(r.y.0),
        "-W".to_owned(),
        v(r.w.0),
        "-H".to_owned(),
        v(r.h.0),
    ]
    .to_vec()
}

/// 竖排: pdftotext reads a vertical headline frame column by column, top to bottom, the right
/// column first: kicker, headline (two columns), byline. Both in its reading-order analysis
/// and in content-stream order (`-raw`).
#[test]
fn pdftotext_reads_a_vertical_headline_down_its_columns_right_column_first() {
    let (edition, r) = vertical_headline_edition();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "vertical.pdf", &pdf(&edition, page_one()));
    let tool = tool("pdftotext", "poppler-utils");
    for raw in [false, true] {
        let mut args = crop(r);
        if raw {
            args.push("-raw".to_owned());
        }
        args.extend([file.clone(), "-".to_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let text = run(&tool, &args);
        let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(
            flat, "大清理大提升河西区持续深化文明城区建设■通讯员王兆春",
            "raw {raw}:\n{text}"
        );
        if !raw {
            // Each column is one line of the text, the headline's in two.
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines[1], "河西区持续深化文明城", "{text}");
            assert_eq!(lines[2], "区建设", "{text}");
        }
    }
}

/// The PDF draws a vertical headline where our renderer (the editor's canvas) does: pdftoppm's
/// rendering of the frame matches ours block by block.
#[test]
fn a_vertical_headline_prints_where_the_canvas_draws_it() {
    let (edition, r) = vertical_headline_edition();
    let layout = laid(&edition);
    let mut renderer = render::Renderer::new(std::sync::Arc::new(Assets::bundled(Origin::Bundled)));
    let ours = renderer.render_region(&layout.pages[0], 1.0, [r.x.0, r.y.0, r.w.0, r.h.0]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "vertical.pdf", &pdf(&edition, page_one()));
    let prefix = dir.path().join("v");
    let mut args = crop(r);
    args.extend(["-png", "-singlefile", &file, prefix.to_str().unwrap()].map(str::to_owned));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&tool("pdftoppm", "poppler-utils"), &args);
    let theirs = image::open(dir.path().join("v.png")).unwrap().to_luma8();
    let (w, h) = (
        theirs.width().min(ours.width()),
        theirs.height().min(ours.height()),
    );
    let ours_px = |x: u32, y: u32| f64::from(ours.pixel(x, y).unwrap().red());
    let theirs_px = |x: u32, y: u32| f64::from(theirs.get_pixel(x, y)[0]);
    let (mut diff, mut ink, mut blocks) = (0.0, 0, 0.0);
    for by in 0..h / 4 {
        for bx in 0..w / 4 {
            let mean = |px: &dyn Fn(u32, u32) -> f64| {
                (0..16)
                    .map(|i| px(bx * 4 + i % 4, by * 4 + i / 4))
                    .sum::<f64>()
                    / 16.0
            };
            let (a, b) = (mean(&ours_px), mean(&theirs_px));
            diff += (a - b).abs();
            blocks += 1.0;
            if a < 128.0 {
                ink += 1;
            }
        }
    }
    assert!(ink > 100, "the frame has text ({ink} dark blocks)");
    let mean = diff / blocks;
    assert!(
        mean < 8.0,
        "the PDF is {mean:.1}/255 away from the canvas on average"
    );
}

/// The sample edition's 竖题: the heating story's headline on page 2 stands vertically at the
/// left of its text, and its PDF text reads as a reader reads it: the kicker (right column),
/// the headline, the byline, then the body beside it.
#[test]
fn the_samples_vertical_headline_reads_in_order_from_the_pdf() {
    let edition = bundle::sample();
    let head = edition
        .pages
        .iter()
        .flat_map(|p| &p.frames)
        .find(|f| f.id.as_str() == "p2-heating-head")
        .expect("the sample has the heating headline on page 2");
    assert!(head.vertical, "the heating headline is set vertically");
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "p2.pdf",
        &pdf(&edition, PdfOptions::pages(vec![1])),
    );
    let text = run(&tool("pdftotext", "poppler-utils"), &[&file, "-"]);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let at = |s: &str| {
        flat.find(s)
            .unwrap_or_else(|| panic!("{s} is not in the page's text:\n{text}"))
    };
    assert!(
        at("用心用情解决居民供热问题") < at("让市民温暖过冬"),
        "{text}"
    );
    assert!(at("让市民温暖过冬") < at("■通讯员岳志欣"), "{text}");
    assert!(at("■通讯员岳志欣") < at("去年冬天，柳林街道"), "{text}");
}
