//! Invariants of composition over every paragraph of the customer's page, set in the bundled
//! Noto Serif SC at 五号 at measures from 8 to 24 em, whole and fractional.

use broadsheet::import;
use broadsheet::model::{Figures, FontSpec, Lang, Punctuation, Weight};
use broadsheet::text::class::{never_ends, never_starts};
use broadsheet::text::{FontBook, LineBreaker, Options, Paragraph};

const SIZE: f32 = 10.5;

fn paragraphs() -> Vec<String> {
    let text = include_str!("../assets/articles/hexi-news-page.txt");
    import::plain::parse(text)
        .into_iter()
        .flat_map(|a| {
            a.paragraphs
                .into_iter()
                .chain(Some(a.caption).filter(|c| !c.is_empty()))
        })
        .collect()
}

fn measures() -> Vec<f32> {
    let mut m: Vec<f32> = (0..=64).map(|i| 8.0 + i as f32 * 0.25).collect();
    m.extend([8.1, 9.7, 11.3, 13.85, 17.4, 21.05, 23.9]);
    m
}

#[test]
fn every_line_of_the_customers_page_obeys_the_clreq_invariants() {
    invariants_hold(Options::chinese(SIZE));
}

/// The paper's body setting: 全角式 with hanging marks and figures on the 字 grid.
#[test]
fn every_line_in_the_papers_body_setting_obeys_the_clreq_invariants() {
    invariants_hold(Options {
        punct: Punctuation::NEWSPAPER,
        figures: Figures::Grid,
        ..Options::chinese(SIZE)
    });
}

fn invariants_hold(opts: Options) {
    let book = FontBook::bundled();
    let spec = FontSpec::new("Noto Serif SC", Weight::Regular);
    let metrics = book.metrics(&spec, Lang::Zh).unwrap();
    let pars: Vec<Paragraph> = paragraphs()
        .iter()
        .map(|p| Paragraph::new(p, opts, &metrics))
        .collect();
    assert!(pars.len() >= 35, "{} paragraphs", pars.len());
    let mut lines_checked = 0;
    for em in measures() {
        let width = em * SIZE;
        for par in &pars {
            let lines = LineBreaker::new(par).all_at(width);
            let mut rebuilt = String::new();
            let mut expected_start = 0;
            for line in &lines {
                let text = line.text(par);
                let at = format!("at {em} em, line {text:?} of {:?}", par.text);
                assert_eq!(
                    line.start, expected_start,
                    "{at}: lines must follow each other"
                );
                expected_start = line.end;
                rebuilt.push_str(&par.slice(line.start, line.end));
                let first = text.chars().next().unwrap();
                let last = text.chars().last().unwrap();
                assert!(
                    line.start == 0 || !never_starts(first),
                    "{at}: starts with {first}"
                );
                assert!(!never_ends(last), "{at}: ends with {last}");
                if line.end < par.len() {
                    let next = par.chars[line.end];
                    let last = par.chars[line.end - 1]; // a breaking space, where there is one
                    assert!(
                        !(matches!(last, '—' | '…' | '⋯') && next == last),
                        "{at}: splits a doubled mark"
                    );
                    let in_number = |c: char| c.is_ascii_alphanumeric();
                    assert!(
                        !(in_number(last) && in_number(next)),
                        "{at}: splits a number or Latin word before {next}"
                    );
                    assert!(
                        !(matches!(last, '.' | ',') && next.is_ascii_digit()),
                        "{at}: splits a number after {last}"
                    );
                }
                if !line.last {
                    assert!(
                        (line.width - width).abs() < 0.01,
                        "{at}: set {} wide, measure {width}",
                        line.width
                    );
                } else {
                    assert!(line.width <= width + 0.01, "{at}: last line overfull");
                }
                lines_checked += 1;
            }
            assert_eq!(
                rebuilt, par.text,
                "at {em} em the lines do not add up to the paragraph"
            );
        }
    }
    assert!(lines_checked > 20_000, "{lines_checked}");
}

#[test]
fn glyph_runs_show_the_line_text_left_to_right_out_to_the_measure() {
    let book = FontBook::bundled();
    let spec = FontSpec::new("Noto Serif SC", Weight::Regular);
    let metrics = book.metrics(&spec, Lang::Zh).unwrap();
    let width = 11.0 * SIZE;
    for text in paragraphs() {
        let par = Paragraph::new(&text, Options::chinese(SIZE), &metrics);
        for line in LineBreaker::new(&par).all_at(width) {
            let runs = line.glyph_runs(&par);
            let shown: String = runs.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(shown, line.text(&par));
            let mut x = line.indent - SIZE; // an opening bracket may start half an em left
            for run in &runs {
                let mut pen = run.x;
                for g in &run.glyphs {
                    assert!(
                        pen + g.x_offset >= x - 0.01,
                        "glyphs go backwards in {shown}"
                    );
                    x = pen + g.x_offset;
                    pen += g.advance;
                }
                if !line.last && std::ptr::eq(run, runs.last().unwrap()) {
                    // The last glyph's cell ends at the measure (a trimmed mark ends earlier).
                    assert!(
                        pen <= width + 0.01 && pen >= width - SIZE * 0.5 - 0.01,
                        "{pen} vs {width} in {shown}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_character_no_font_has_is_reported_not_dropped() {
    let book = FontBook::bundled();
    let spec = FontSpec::new("Noto Serif SC", Weight::Regular);
    let metrics = book.metrics(&spec, Lang::Zh).unwrap();
    // U+4DB5 is a CJK Extension A character outside GB 2312 and the 通用规范汉字表.
    let par = Paragraph::new("甲䶵乙", Options::chinese(SIZE), &metrics);
    assert_eq!(par.measured.missing, vec![(1, '䶵')]);
    let lines = LineBreaker::new(&par).all_at(20.0 * SIZE);
    assert_eq!(
        lines[0].text(&par),
        "甲䶵乙",
        "the character stays in the text"
    );
}

/// Time to compose one paragraph of `n` characters (the page's text repeated, English words
/// mixed in), glyph runs included.
fn compose_time(n: usize) -> std::time::Duration {
    let source = paragraphs().concat() + " Long English words like extraordinary reconsideration. ";
    let text: String = source.chars().cycle().take(n).collect();
    let book = &FontBook::bundled();
    let spec = FontSpec::new("Noto Serif SC", Weight::Regular);
    let metrics = book.metrics(&spec, Lang::Zh).unwrap();
    let start = std::time::Instant::now();
    let par = Paragraph::new(&text, Options::chinese(SIZE), &metrics);
    let mut runs = 0;
    for line in LineBreaker::new(&par).all_at(11.0 * SIZE) {
        runs += line.glyph_runs(&par).len();
    }
    assert!(runs > n / 20);
    start.elapsed()
}

/// Eight times the text must take far less than 64 times as long (it took about 40 times as
/// long when per-line work rescanned the paragraph); the best of three runs evens out noise.
#[test]
fn a_long_paragraph_composed_in_quadratic_time() {
    let best = |n| (0..3).map(|_| compose_time(n)).min().unwrap();
    let (small, large) = (best(25_000), best(200_000));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(
        ratio < 20.0,
        "{small:?} for 25k, {large:?} for 200k: ×{ratio:.1}"
    );
}
