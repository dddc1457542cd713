//! Composition speed: every paragraph of the customer's page at an 11-character measure (五号,
//! 115.5 pt), shaping included and breaking alone. Run with `cargo bench --bench compose`.

use broadsheet::import;
use broadsheet::model::{Figures, FontSpec, Lang, Punctuation, Weight};
use broadsheet::text::{FontBook, LineBreaker, Options, Paragraph};
use divan::counter::CharsCount;

const SIZE: f32 = 10.5;
const WIDTH: f32 = 11.0 * SIZE;

fn main() {
    divan::main();
}

fn paragraphs() -> Vec<String> {
    import::plain::parse(include_str!("../assets/articles/hexi-news-page.txt"))
        .into_iter()
        .flat_map(|a| a.paragraphs)
        .collect()
}

fn chars(pars: &[String]) -> usize {
    pars.iter().map(|p| p.chars().count()).sum()
}

fn spec() -> FontSpec {
    FontSpec::new("Noto Serif SC", Weight::Regular)
}

/// Shaping, preparation and line breaking: what a story's first layout costs.
#[divan::bench]
fn shape_and_break(bencher: divan::Bencher) {
    let book = &FontBook::bundled();
    let metrics = book.metrics(&spec(), Lang::Zh).unwrap();
    let pars = paragraphs();
    bencher.counter(CharsCount::new(chars(&pars))).bench(|| {
        let mut lines = 0;
        for p in &pars {
            let par = Paragraph::new(p, Options::chinese(SIZE), &metrics);
            lines += LineBreaker::new(&par).all_at(WIDTH).len();
        }
        lines
    });
}

/// Line breaking alone on prepared paragraphs: what a re-flow after a frame resize costs.
#[divan::bench]
fn break_prepared(bencher: divan::Bencher) {
    let book = &FontBook::bundled();
    let metrics = book.metrics(&spec(), Lang::Zh).unwrap();
    let pars = paragraphs();
    let prepared: Vec<Paragraph> = pars
        .iter()
        .map(|p| Paragraph::new(p, Options::chinese(SIZE), &metrics))
        .collect();
    bencher.counter(CharsCount::new(chars(&pars))).bench(|| {
        prepared
            .iter()
            .map(|p| LineBreaker::new(p).all_at(WIDTH).len())
            .sum::<usize>()
    });
}

/// One paragraph of `chars` characters: the customer's text repeated, English words mixed in,
/// so shaping runs, Han–Latin spacing and hyphenation all take part.
fn long_paragraph(chars: usize) -> String {
    let source: String =
        paragraphs().concat() + " Long English words like extraordinary reconsideration. ";
    source.chars().cycle().take(chars).collect()
}

/// One long paragraph shaped, broken and turned into glyph runs: composition must stay linear
/// in the paragraph's length (1k, 10k, 100k and 1M characters): the paragraph-wide breaker
/// weighs the characters a line can hold at each break, never the whole paragraph.
#[divan::bench(args = [1_000, 10_000, 100_000, 1_000_000], sample_count = 5)]
fn long_paragraph_compose(bencher: divan::Bencher, n: usize) {
    let book = &FontBook::bundled();
    let metrics = book.metrics(&spec(), Lang::Zh).unwrap();
    let text = long_paragraph(n);
    bencher.counter(CharsCount::new(n)).bench(|| {
        let par = Paragraph::new(&text, Options::chinese(SIZE), &metrics);
        let mut glyphs = 0;
        for line in LineBreaker::new(&par).all_at(WIDTH) {
            glyphs += line.glyph_runs(&par).len();
        }
        glyphs
    });
}

/// How even the lines are: breaks every paragraph of the customer's page at 8, 11, 14 and 17
/// 字 in the paper's body setting (2-字 indent, 全角式, 、，。 hanging, figures on the 字 grid)
/// and prints the share of squeezed and spread lines and the widest pitch once; the timing is the measurement itself. `tests/composition_evenness.rs` holds the
/// figures.
#[divan::bench(args = [8, 11, 14, 17])]
fn adjusted_lines(bencher: divan::Bencher, chars: u32) {
    let body = Options {
        punct: Punctuation::NEWSPAPER,
        figures: Figures::Grid,
        ..Options::chinese(SIZE)
    };
    let book = &FontBook::bundled();
    let metrics = book.metrics(&spec(), Lang::Zh).unwrap();
    let prepared: Vec<Paragraph> = paragraphs()
        .iter()
        .map(|p| Paragraph::new(p, body, &metrics))
        .collect();
    let count = || {
        let (mut lines, mut adjusted, mut widest) = (0, 0, 0.0_f32);
        for p in &prepared {
            for line in LineBreaker::new(p).all_at(chars as f32 * SIZE) {
                if !line.last {
                    lines += 1;
                    adjusted += usize::from(line.squeezed() || line.spaced());
                    widest = widest.max(line.widest_pitch(p) / SIZE);
                }
            }
        }
        (lines, adjusted, widest)
    };
    let (lines, adjusted, widest) = count();
    eprintln!(
        "{chars} 字: {adjusted} of {lines} lines adjusted ({:.1}%), widest pitch {widest:.2} em",
        100.0 * adjusted as f32 / lines as f32
    );
    bencher.bench(count);
}
