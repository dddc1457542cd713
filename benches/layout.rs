//! Layout and export speed: the sample edition, a generated 48-page edition, a one-word edit
//! re-laid, and PDF export. Run with `cargo bench --bench layout`.

use broadsheet::export::pdf::{PdfOptions, export};
use broadsheet::layout::Layouter;
use broadsheet::resources::{Assets, Origin};
use broadsheet::{bundle, sample};

fn main() {
    divan::main();
}

fn assets() -> Assets {
    Assets::bundled(Origin::Bundled)
}

/// Lays `edition` out from scratch each iteration: shaping, breaking, placing.
fn layout_cold(bencher: divan::Bencher, edition: &broadsheet::model::Edition) {
    let assets = assets();
    bencher.bench(|| Layouter::new().layout(edition, &assets).pages.len());
}

/// The sample edition (2 pages) laid out from scratch.
#[divan::bench]
fn layout_sample_cold(bencher: divan::Bencher) {
    layout_cold(bencher, &bundle::sample());
}

/// 48 generated pages laid out from scratch.
#[divan::bench(sample_count = 20)]
fn layout_48_pages_cold(bencher: divan::Bencher) {
    layout_cold(bencher, &sample::generated(48));
}

/// 48 pages re-laid after a one-word edit in one story: what a keystroke costs in the editor.
#[divan::bench]
fn relayout_48_pages_after_one_word_edit(bencher: divan::Bencher) {
    let mut edition = sample::generated(48);
    let assets = assets();
    let layouter = Layouter::new();
    layouter.layout(&edition, &assets);
    let mut flip = false;
    // A story in the middle of the edition.
    let k = edition
        .stories
        .iter()
        .position(|s| s.id.as_str() == "fire-safety-17")
        .expect("page 17 has the fire-safety story");
    bencher.bench_local(|| {
        flip = !flip;
        let p = &mut edition.stories[k].paragraphs[1].text;
        if flip {
            p.insert_str(0, "今天");
        } else {
            p.replace_range(0.."今天".len(), "");
        }
        layouter.layout(&edition, &assets).pages.len()
    });
}

/// 48 pages re-laid after a change to the body style every story uses (its tracking, 0 ↔ 1%):
/// what one keystroke in the styles panel costs. Every story is recomposed.
#[divan::bench(sample_count = 20)]
fn relayout_48_pages_after_a_body_style_edit(bencher: divan::Bencher) {
    let mut edition = sample::generated(48);
    let assets = assets();
    let layouter = Layouter::new();
    layouter.layout(&edition, &assets);
    let body = edition.roles.body.clone();
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let style = edition
            .styles
            .paragraph
            .iter_mut()
            .find(|s| s.id == body)
            .expect("the body style");
        style.tracking_em = if flip { 0.01 } else { 0.0 };
        layouter.layout(&edition, &assets).pages.len()
    });
}

/// Page 1 of the sample as PDF, from its layout.
#[divan::bench]
fn export_sample_page1_pdf(bencher: divan::Bencher) {
    let edition = bundle::sample();
    let assets = assets();
    let laid = Layouter::new().layout(&edition, &assets);
    let opts = PdfOptions::pages(vec![0]);
    bencher.bench(|| {
        export(&laid, &Assets::bundled(Origin::Bundled), &opts)
            .unwrap()
            .len()
    });
}

/// Page 1 of the sample as a press PDF: the photo separated into newsprint CMYK, black
/// overprinting (compare with `export_sample_page1_pdf`, the proof).
#[divan::bench]
fn export_sample_page1_press_pdf(bencher: divan::Bencher) {
    let edition = bundle::sample();
    let assets = assets();
    let laid = Layouter::new().layout(&edition, &assets);
    let opts = PdfOptions::press(vec![0], &edition.press);
    bencher.bench(|| {
        export(&laid, &Assets::bundled(Origin::Bundled), &opts)
            .unwrap()
            .len()
    });
}

/// Page 1 of the sample as PDF/X-4 for the plant (the press PDF plus its output intent).
#[divan::bench]
fn export_sample_page1_pdfx(bencher: divan::Bencher) {
    let edition = bundle::sample();
    let assets = assets();
    let laid = Layouter::new().layout(&edition, &assets);
    let mut opts = PdfOptions::press(vec![0], &edition.press);
    if let Some(p) = opts.press.as_mut() {
        p.pdfx = true;
    }
    bencher.bench(|| {
        export(&laid, &Assets::bundled(Origin::Bundled), &opts)
            .unwrap()
            .len()
    });
}

/// 48 generated pages laid out and exported as one PDF.
#[divan::bench(sample_count = 10)]
fn layout_and_export_48_pages(bencher: divan::Bencher) {
    layout_and_export(bencher, 48);
}

/// The same 48 pages as a press PDF (photos separated, black overprinting).
#[divan::bench(sample_count = 10)]
fn layout_and_export_48_pages_press(bencher: divan::Bencher) {
    let edition = sample::generated(48);
    let assets = assets();
    let opts = PdfOptions::press((0..48).collect(), &edition.press);
    bencher.bench(|| {
        let laid = Layouter::new().layout(&edition, &assets);
        export(&laid, &Assets::bundled(Origin::Bundled), &opts)
            .unwrap()
            .len()
    });
}

/// The brief's large edition: 2,000 pages laid out and exported (target: under 10 s).
#[divan::bench(sample_count = 3)]
fn layout_and_export_2000_pages(bencher: divan::Bencher) {
    layout_and_export(bencher, 2000);
}

fn layout_and_export(bencher: divan::Bencher, pages: usize) {
    let edition = sample::generated(pages);
    let assets = assets();
    let opts = PdfOptions::pages((0..pages).collect());
    bencher.bench(|| {
        let laid = Layouter::new().layout(&edition, &assets);
        export(&laid, &Assets::bundled(Origin::Bundled), &opts)
            .unwrap()
            .len()
    });
}

/// The sample after late copy changes: the heating story's frame three lines short, and the
/// edge between the two wide stories on page 1 two lines low (civility short of text, fire
/// safety over).
fn misfitted() -> broadsheet::model::Edition {
    let mut e = bundle::sample();
    sample::move_wide_stories_edge(&mut e, 2);
    if let Some(f) = e.frame_mut(&"p2-heating-body".into()) {
        f.rect.h.0 -= 45.0;
    }
    e
}

/// Copyfit of one story (target: under 5 ms): every tracking step set, the best plan
/// checked. The paragraph cache is warm, as in the editor.
#[divan::bench]
fn fit_one_story(bencher: divan::Bencher) {
    let edition = misfitted();
    let assets = assets();
    let layouter = Layouter::new();
    layouter.layout(&edition, &assets);
    let story = broadsheet::model::StoryId::new("heating");
    bencher.bench(|| layouter.fit_story(&edition, &assets, &story).unwrap());
}

/// Copyfit of page 1 (target: under 50 ms): blocks and edges found, every story's tracking
/// options set, the edges solved, checked by the composer, tracking for the rest.
#[divan::bench]
fn fit_one_page(bencher: divan::Bencher) {
    let edition = misfitted();
    let assets = assets();
    let layouter = Layouter::new();
    layouter.layout(&edition, &assets);
    bencher.bench(|| {
        let fit = layouter.fit_page(&edition, &assets, 0).unwrap();
        assert_eq!(fit.misfits(), 0);
        fit
    });
}

/// Propose page 1 of the sample with eight stories (target: under 1 s): the seven on it and a
/// copy of one under a new ID, three proposals. A fresh layouter each time: the editor asks
/// once, with no warm cache for the trial settings.
#[divan::bench(sample_count = 10)]
fn propose_a_page_of_eight_stories(bencher: divan::Bencher) {
    use broadsheet::model::StoryId;
    let mut edition = bundle::sample();
    let mut extra = edition.stories[2].clone();
    extra.id = StoryId::new("heating-2");
    extra.thread.clear();
    edition.stories.push(extra);
    let stories: Vec<StoryId> = sample::STORY_IDS
        .iter()
        .chain(&["heating-2"])
        .map(StoryId::new)
        .collect();
    let assets = assets();
    bencher.bench(|| {
        Layouter::new()
            .propose_page(&edition, &assets, 0, &stories, 3)
            .unwrap()
            .len()
    });
}
