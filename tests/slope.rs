//! Large editions grow linearly: laying out and exporting four times the pages costs about
//! four times the work, never the square. Work is counted, not timed (timings belong in
//! `cargo bench`): the allocations made and the most memory held at once, both deterministic
//! for a given edition. A 2,000-page edition did not lay out in 20 s when a lookup scanned
//! every page for every frame; that shape shows here at 20 and 80 pages.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use broadsheet::export::pdf::{PdfOptions, export};
use broadsheet::layout::Layouter;
use broadsheet::resources::{Assets, Origin};
use broadsheet::sample;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made and peak memory above what was live before, laying out and exporting
/// an `n`-page generated edition.
fn work(n: usize) -> (usize, usize) {
    let edition = sample::generated(n);
    let assets = Assets::bundled(Origin::Bundled);
    let opts = PdfOptions::pages((0..n).collect());
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let before = ALLOCATIONS.load(Relaxed);
    let laid = Layouter::new().layout(&edition, &assets);
    let pdf = export(&laid, &assets, &opts).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    (
        ALLOCATIONS.load(Relaxed) - before,
        PEAK.load(Relaxed) - base,
    )
}

#[test]
fn four_times_the_pages_is_about_four_times_the_work_and_memory() {
    // Fonts, shaping caches and the photo's size are loaded once, not counted.
    work(80);
    let (small, large) = (work(20), work(80));
    let allocations = large.0 as f64 / small.0 as f64;
    let memory = large.1 as f64 / small.1 as f64;
    // Linear is 4 (less with fixed costs); a per-frame scan of every page would be near 16.
    assert!(
        allocations < 5.0,
        "allocations: {} for 20 pages, {} for 80 ({allocations:.2}x)",
        small.0,
        large.0
    );
    assert!(
        memory < 5.0,
        "peak memory: {} bytes for 20 pages, {} for 80 ({memory:.2}x)",
        small.1,
        large.1
    );
    eprintln!("20 → 80 pages: allocations {allocations:.2}x, peak memory {memory:.2}x");
}
