//! Horizontal scale (长/扁字): condensed type fits more characters per line, and every consumer
//! of the display list (raster, PDF, data) draws it narrower, with its text still extractable.

use std::process::Command;

use broadsheet::export::pdf::{PdfOptions, export};
use broadsheet::layout::{EditionLayout, Layouter, PlacedRun, TextRole};
use broadsheet::model::{Edition, Rect, StyleId};
use broadsheet::resources::{Assets, Origin};
use broadsheet::text::{FontBook, LineBreaker, Options, Paragraph};
use broadsheet::{bundle, render};

const HEADLINE: &str = "河西区老旧小区改造惠及万户居民";

/// One character: its ink is 85% as wide at 85% only if the outline itself is scaled (with
/// only the advances scaled, a lone glyph would keep its full width).
const ONE_CHAR: &str = "国";

/// The sample with a short lead headline (one line at any scale) at `scale`.
fn edition_at(scale: f32) -> Edition {
    with_headline(scale, HEADLINE)
}

fn with_headline(scale: f32, headline: &str) -> Edition {
    let mut e = bundle::sample();
    e.story_mut(&"lead".into()).unwrap().headline = headline.into();
    let id = StyleId::new("headline-lead");
    let style = e.styles.paragraph.iter_mut().find(|s| s.id == id).unwrap();
    style.scale = scale;
    e
}

fn laid(e: &Edition) -> EditionLayout {
    Layouter::new().layout(e, &Assets::bundled(Origin::Bundled))
}

fn headline_runs(layout: &EditionLayout) -> Vec<&PlacedRun> {
    layout.pages[0]
        .runs()
        .filter(|r| r.role == TextRole::Headline && r.story == Some("lead".into()))
        .collect()
}

/// Width of a run as placed: the sum of its advances.
fn run_width(r: &PlacedRun) -> f32 {
    r.glyphs.iter().map(|g| g.advance).sum()
}

/// The band of the headline's line across its frame (kicker, deck and byline left out).
fn head_rect(e: &Edition) -> Rect {
    let frame = e.frame(&"p1-lead-head".into()).unwrap().1.rect;
    let layout = laid(e);
    let run = headline_runs(&layout)[0];
    Rect::new(
        frame.x.0,
        run.origin.y - run.size,
        frame.w.0,
        run.size * 1.2,
    )
}

/// Leftmost and rightmost dark column of an RGBA image inside `[x0, x1) × [y0, y1)` pixels.
fn ink_extent(pixels: &[u8], width: u32, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> (u32, u32) {
    let mut extent = (u32::MAX, 0);
    for y in y0..y1 {
        for x in x0..x1 {
            let i = ((y * width + x) * 4) as usize;
            if pixels[i] < 128 {
                extent = (extent.0.min(x), extent.1.max(x));
            }
        }
    }
    assert!(extent.0 < extent.1, "no ink in the region");
    extent
}

fn ink_width(pixels: &[u8], width: u32, region: (u32, u32, u32, u32)) -> f32 {
    let (a, b) = ink_extent(pixels, width, region);
    (b - a + 1) as f32
}

fn pixel_region(r: Rect, dpp: f32) -> (u32, u32, u32, u32) {
    let px = |v: f32| (v * dpp) as u32;
    (px(r.x.0), px(r.y.0), px(r.right().0), px(r.bottom().0))
}

#[test]
fn condensed_type_sets_more_characters_per_line() {
    let text = "河西区持续推进老旧小区改造工作，今年已完成二十三个小区的外墙保温和管网更新。";
    let book = &FontBook::bundled();
    let spec = bundle::sample().styles.paragraph[2].font.clone(); // Noto Sans SC Bold
    let metrics = book.metrics(&spec, broadsheet::model::Lang::Zh).unwrap();
    let first_line = |scale: f32| {
        let opts = Options {
            indent_em: 0.0,
            scale,
            ..Options::chinese(36.0)
        };
        let par = Paragraph::new(text, opts, &metrics);
        let lines = LineBreaker::new(&par).all_at(400.0);
        (lines[0].text(&par).chars().count(), lines.len())
    };
    let (full, full_lines) = first_line(1.0);
    let (condensed, condensed_lines) = first_line(0.85);
    // 400 pt holds 11 characters of 36 pt; at 85% each is 30.6 pt wide, so 13 fit.
    assert_eq!(full, 11);
    assert_eq!(condensed, 13);
    assert!(condensed_lines < full_lines);
}

#[test]
fn a_condensed_headline_lays_out_narrower_and_carries_its_scale() {
    let full = laid(&edition_at(1.0));
    let condensed = laid(&edition_at(0.85));
    let (a, b) = (headline_runs(&full), headline_runs(&condensed));
    assert!(!a.is_empty() && a.iter().all(|r| r.scale == 1.0));
    assert!(
        b.iter().all(|r| r.scale == 0.85),
        "the run carries its scale"
    );
    let (wa, wb): (f32, f32) = (
        a.iter().map(|r| run_width(r)).sum(),
        b.iter().map(|r| run_width(r)).sum(),
    );
    assert!((wb / wa - 0.85).abs() < 0.01, "{wb} / {wa}");
    // Centred, so the condensed line starts further right.
    assert!(b[0].origin.x > a[0].origin.x);
    // The PDF-ready data says so too.
    let data = broadsheet::export::data::to_string(
        &condensed,
        &[0],
        &Assets::bundled(Origin::Bundled),
        broadsheet::export::data::DataFormat::Json,
    );
    assert!(
        data.contains("\"scale\": 0.85"),
        "the data export carries the scale"
    );
}

#[test]
fn the_raster_renderer_draws_condensed_type_narrower() {
    let width_at = |scale: f32| {
        let e = with_headline(scale, ONE_CHAR);
        let layout = laid(&e);
        let mut r = render::Renderer::new(std::sync::Arc::new(Assets::bundled(Origin::Bundled)));
        let pm = r.render(&layout.pages[0], 1.0);
        ink_width(pm.data(), pm.width(), pixel_region(head_rect(&e), 1.0))
    };
    let ratio = width_at(0.85) / width_at(1.0);
    assert!((ratio - 0.85).abs() < 0.02, "ink width ratio {ratio}");
}

fn tool_available(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The PDF draws the condensed headline narrower (rendered by poppler, not by us) and
/// pdftotext still reads its characters back.
#[test]
fn a_condensed_headline_in_the_pdf_is_narrower_and_still_extracts() {
    // tests/pdf.rs installs poppler-utils when missing; `.ci/run` installs it too.
    assert!(
        tool_available("pdftoppm") && tool_available("pdftotext"),
        "poppler-utils is needed (`.ci/run` installs it)"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut widths = Vec::new();
    for scale in [1.0, 0.85] {
        let e = edition_at(scale);
        let opts = PdfOptions::pages(vec![0]);
        let bytes = export(&laid(&e), &Assets::bundled(Origin::Bundled), &opts).unwrap();
        let name = format!("scale-{}", (scale * 100.0) as u32);
        let file = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&file, bytes).unwrap();
        let text = Command::new("pdftotext")
            .args([file.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text: String = String::from_utf8_lossy(&text.stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            text.contains(HEADLINE),
            "scale {scale}: headline not extracted"
        );
        let prefix = dir.path().join(&name);
        let ok = Command::new("pdftoppm")
            .args(["-r", "72", "-png", "-singlefile"])
            .arg(&file)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(ok.success());
        let png = image::open(prefix.with_extension("png"))
            .unwrap()
            .to_rgba8();
        widths.push(ink_width(
            png.as_raw(),
            png.width(),
            pixel_region(head_rect(&e), 1.0),
        ));
    }
    let ratio = widths[1] / widths[0];
    assert!((ratio - 0.85).abs() < 0.02, "PDF ink width ratio {ratio}");
}
