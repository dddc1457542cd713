//! Start-up: what the editor and `broadsheet check` do before the sample's first page shows —
//! a font book over the system's installed fonts (`Assets::new`) and the sample laid out with
//! it — and how that grows with the number of fonts installed. Run with
//! `cargo bench --bench startup`.
//!
//! To simulate a machine with 2,000 more installed fonts:
//!
//! ```text
//! scripts/many-fonts.sh /tmp/many-fonts 2000
//! FONTCONFIG_FILE=/tmp/many-fonts/fonts.conf cargo bench --bench startup
//! ```
//!
//! The script writes 2,000 small fonts with distinct family names ("Many Fonts 0001" …) and a
//! fontconfig configuration that adds their folder to the system's, then builds fontconfig's
//! cache for them, as a real machine has (without a cache every start would scan the files).
//! Compare the medians of the run with `FONTCONFIG_FILE` and the one without; the target is
//! within 10%. The same for a whole process, with hyperfine:
//!
//! ```text
//! cargo build --release
//! hyperfine -N --warmup 3 'target/release/broadsheet check layouts/hexi-news.ron'
//! FONTCONFIG_FILE=/tmp/many-fonts/fonts.conf \
//!   hyperfine -N --warmup 3 'target/release/broadsheet check layouts/hexi-news.ron'
//! ```

use broadsheet::layout::Layouter;
use broadsheet::model::{FontSpec, Weight};
use broadsheet::resources::{Assets, Origin, Resources as _};
use broadsheet::{bundle, text::FontBook};

fn main() {
    divan::main();
}

/// Fonts as the editor and the CLI find them at start (the system's, then the bundled), and
/// the sample laid out: each iteration starts from a new font book, as a new process does.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn sample_startup_with_system_fonts(bencher: divan::Bencher) {
    let sample = bundle::sample();
    bencher.bench(|| {
        let assets = Assets::new(Origin::Bundled, &[]);
        Layouter::new().layout(&sample, &assets).pages.len()
    });
}

/// The same with the bundled fonts only: the part of start-up no installed font changes.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn sample_startup_with_bundled_fonts_only(bencher: divan::Bencher) {
    let sample = bundle::sample();
    bencher.bench(|| {
        let assets = Assets::bundled(Origin::Bundled);
        Layouter::new().layout(&sample, &assets).pages.len()
    });
}

/// The first family looked up: the system's font list read (fontconfig's cache), and a family
/// the system does not have (the sample's body face, which is bundled).
#[divan::bench(sample_count = 20, sample_size = 1)]
fn first_family_lookup(bencher: divan::Bencher) {
    let body = FontSpec::new("Noto Serif SC", Weight::Regular);
    bencher.bench(|| {
        let assets = Assets::new(Origin::Bundled, &[]);
        assets.fonts().find(&body)
    });
}

/// Every family a style can name, as the styles panel lists them.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn family_list(bencher: divan::Bencher) {
    bencher.bench(|| {
        let assets = Assets::new(Origin::Bundled, &[]);
        let book: &FontBook = assets.fonts();
        book.families().len()
    });
}
