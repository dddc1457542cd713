//! The fuzz harness: mutated layouts through the loader and the layout engine, generated
//! article files through the importer, generated paragraphs through the composer. Nothing may
//! panic, every case must finish well within its time bound, and what comes out must be finite.
//!
//! It runs briefly in `cargo test` (a fixed seed, 48 cases per target). To fuzz longer:
//! `BROADSHEET_FUZZ_CASES=20000 cargo test --release --test fuzz`; a failure prints the
//! minimal input proptest shrank it to.

use std::time::{Duration, Instant};

use broadsheet::layout::{Item, Layouter};
use broadsheet::model::{FontSpec, Lang, Weight};
use broadsheet::resources::{Assets, Origin};
use broadsheet::text::{FontBook, LineBreaker, Options, Paragraph};
use broadsheet::{bundle, import, model};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// A case may take this long in a debug build before it counts as a hang.
const BOUND: Duration = Duration::from_secs(10);

fn runner() -> TestRunner {
    let cases = std::env::var("BROADSHEET_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

/// Text from the characters that have broken things: Han, kana, Latin, digits, full- and
/// half-width punctuation, spaces, line ends of every kind, BOMs, NULs and other controls.
fn text(max: usize) -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => proptest::char::range('\u{4e00}', '\u{9fa5}'),
        2 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        2 => proptest::sample::select(vec![
            '，', '。', '、', '；', '：', '？', '！', '“', '”', '（', '）', '《', '》', '—', '…',
            ',', '.', '(', ')', '"', '\'', '-', '/', ' ', '　', '\n', '\r', '\t', '\u{feff}',
            '\0', '\u{7}', '■', '■', '#', '引', '题', '：',
        ]),
    ];
    proptest::collection::vec(chars, 0..max).prop_map(|v| v.into_iter().collect())
}

#[test]
fn mutated_layouts_load_or_fail_cleanly_and_lay_out_finite() {
    let sample = model::io::to_string(&bundle::sample());
    // Edits: at a place in the file, cut some characters and put in a token that breaks
    // numbers, strings or structure.
    let token = prop_oneof![
        Just("NaN".to_owned()),
        Just("inf".to_owned()),
        Just("-1e38".to_owned()),
        Just("1e30".to_owned()),
        Just("0".to_owned()),
        Just("-0.0".to_owned()),
        Just("\"\"".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(",".to_owned()),
        "[0-9.e+-]{1,8}",
        "[a-z_]{1,8}",
    ];
    let edits = proptest::collection::vec((0.0f64..1.0, 0usize..12, token), 1..4);
    runner()
        .run(&edits, |edits| {
            let mut text = sample.clone();
            for (at, cut, token) in edits {
                let mut i = (at * text.len() as f64) as usize;
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(text.len());
                while !text.is_char_boundary(j) {
                    j += 1;
                }
                text.replace_range(i..j, &token);
            }
            let started = Instant::now();
            if let Ok(edition) = model::io::from_str(&text, "fuzz.ron") {
                let layout = Layouter::new().layout(&edition, &Assets::bundled(Origin::Bundled));
                for page in &layout.pages {
                    for item in &page.items {
                        let finite = match item {
                            Item::GlyphRun(r) => {
                                r.origin.x.is_finite()
                                    && r.origin.y.is_finite()
                                    && r.size.is_finite()
                                    && r.glyphs.iter().all(|g| g.advance.is_finite())
                            }
                            Item::Rule(r) => r.width.is_finite() && r.from.x.is_finite(),
                            Item::Rect(r) => r.rect.x.0.is_finite() && r.rect.w.0.is_finite(),
                            Item::Image(i) => i.placement.x.0.is_finite(),
                            _ => true,
                        };
                        prop_assert!(finite, "a non-finite item: {item:?}");
                    }
                }
            }
            prop_assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
            Ok(())
        })
        .unwrap();
}

#[test]
fn generated_article_files_import_without_panicking() {
    runner()
        .run(&text(2000), |t| {
            let started = Instant::now();
            for article in import::articles("fuzz.txt", &t) {
                let all = [&article.headline, &article.kicker, &article.byline]
                    .into_iter()
                    .chain(&article.paragraphs);
                for s in all {
                    prop_assert!(!s.contains('\0') && !s.contains('\r'), "{s:?}");
                }
            }
            prop_assert!(started.elapsed() < BOUND);
            Ok(())
        })
        .unwrap();
}

#[test]
fn generated_paragraphs_compose_into_finite_lines_that_keep_every_character() {
    let book = FontBook::bundled();
    let spec = FontSpec::new("Noto Serif SC", Weight::Regular);
    let metrics = book.metrics(&spec, Lang::Zh).unwrap();
    let case = (text(600), 1.0f32..600.0, any::<bool>());
    runner()
        .run(&case, |(t, width, english)| {
            let started = Instant::now();
            let opts = if english {
                Options::english(10.5)
            } else {
                Options::chinese(10.5)
            };
            let par = Paragraph::new(&t, opts, &metrics);
            let lines = LineBreaker::new(&par).all_at(width);
            let mut next = 0;
            for line in &lines {
                prop_assert_eq!(line.start, next, "lines are contiguous");
                prop_assert!(line.end > line.start || par.is_empty());
                prop_assert!(line.width.is_finite());
                prop_assert!(line.x.iter().chain(&line.advance).all(|v| v.is_finite()));
                next = line.end;
            }
            prop_assert_eq!(next, par.len(), "every character is set");
            prop_assert!(started.elapsed() < BOUND);
            Ok(())
        })
        .unwrap();
}
