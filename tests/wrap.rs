//! Text wrap (图文互斥): body text flows around wrapping frames column by column on the
//! baseline grid, copyfit and jump lines stay right, the cache notices a moved wrap, and
//! preflight warns about slivers.

use broadsheet::bundle;
use broadsheet::layout::{EditionLayout, Layouter, PlacedRun, TextRole};
use broadsheet::model::{
    Color, Edit, Edition, Frame, FrameId, FrameKind, Length, Rect, Severity, Wrap,
};
use broadsheet::resources::{Assets, Origin};

fn lay(edition: &Edition) -> EditionLayout {
    Layouter::new().layout(edition, &Assets::bundled(Origin::Bundled))
}

fn body_runs<'a>(l: &'a EditionLayout, story: &str) -> Vec<(usize, &'a PlacedRun)> {
    l.pages
        .iter()
        .flat_map(|p| p.runs().map(move |r| (p.index, r)))
        .filter(|(_, r)| {
            r.role == TextRole::Body && r.story.as_ref().is_some_and(|s| s.as_str() == story)
        })
        .collect()
}

fn text_of(l: &EditionLayout, story: &str) -> String {
    body_runs(l, story)
        .iter()
        .map(|(_, r)| &*r.text)
        .collect::<String>()
        .replace(' ', "")
}

/// The grid of the lead's first frame: its rect, the baseline step and the first row's top.
fn lead_frame(e: &Edition) -> (Rect, f32, f32, f32) {
    let (_, f) = e.frame(&"p1-lead-body".into()).unwrap();
    let t = e.template(&e.pages[0].template).unwrap();
    let col = (f.rect.w.0 - 5.0 * t.gutter_width().0) / 6.0;
    (f.rect, t.baseline.pt().0, t.type_area(false).y.0, col)
}

/// A wrapping box (no offset) on page 1.
fn wrapping_box(rect: Rect) -> Frame {
    let mut f = Frame::new(
        FrameId::new("wrapper"),
        rect,
        FrameKind::Box {
            fill: Some(Color::Cmyk(0, 0, 0, 10)),
            stroke: None,
        },
    );
    f.wrap = Some(Wrap {
        offset: Length::Pt(0.0),
    });
    f
}

fn right(r: &PlacedRun) -> f32 {
    r.origin.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>()
}

#[test]
fn text_skips_the_lines_a_wrapping_frame_covers_and_keeps_every_word_copyfit_and_jump() {
    let plain = bundle::sample();
    let (frame, lead, grid_top, col) = lead_frame(&plain);
    // Rows 3–8 of the frame's first two columns, on grid lines.
    let first_row = ((frame.y.0 - grid_top) / lead).round();
    let top = grid_top + (first_row + 3.0) * lead;
    let covered = Rect::new(frame.x.0, top, col * 2.0 + 1.0, lead * 6.0);
    let mut wrapped = plain.clone();
    wrapped.pages[0].frames.push(wrapping_box(covered));
    wrapped.validate().unwrap();
    let (before, after) = (lay(&plain), lay(&wrapped));

    for (page, r) in body_runs(&after, "lead") {
        let (y0, y1) = (r.origin.y - r.size * 0.88, r.origin.y + r.size * 0.12);
        let hits = page == 0
            && r.origin.x < covered.right().0
            && right(r) > covered.x.0
            && y0 < covered.bottom().0
            && y1 > covered.y.0;
        assert!(!hits, "a line at {:?} runs into the wrap", r.origin);
    }
    // Column one carries on under the frame.
    assert!(
        body_runs(&after, "lead").iter().any(|(p, r)| *p == 0
            && r.origin.x < frame.x.0 + col
            && r.origin.y > covered.bottom().0),
        "no text under the wrapping frame"
    );
    // The text reads on in order, and the 12 skipped lines come off the spare room: what no
    // longer fits is counted as overset, never dropped.
    let (shown, all) = (text_of(&after, "lead"), text_of(&before, "lead"));
    assert!(all.starts_with(&shown) && !shown.is_empty());
    let fit = |l: &EditionLayout| {
        l.fits
            .iter()
            .find(|f| f.story.as_str() == "lead")
            .unwrap()
            .clone()
    };
    let total = |l: &EditionLayout| fit(l).lines_set as i32 + fit(l).lines_over.max(0);
    assert_eq!(total(&after), total(&before));
    assert_eq!(fit(&after).lines_over, fit(&before).lines_over + 12);
    // The jump lines still read and pair up as before.
    assert_eq!(
        after.jump_lines().get(&"lead".into()),
        before.jump_lines().get(&"lead".into())
    );
    // A wrapping frame over a text frame is meant, not an overlap error.
    assert!(
        !after
            .diagnostics
            .iter()
            .any(|d| d.code == "overlap" && d.message.contains("wrapper")),
        "{:?}",
        after.diagnostics
    );
}

#[test]
fn a_wrap_over_one_side_of_a_wide_column_shortens_the_lines_beside_it() {
    let mut e = bundle::sample();
    let (frame, lead, grid_top, _) = lead_frame(&e);
    // The lead's first frame as one wide column; a frame over its right third.
    if let Some(f) = e.pages[0]
        .frames
        .iter_mut()
        .find(|f| f.id.as_str() == "p1-lead-body")
        && let FrameKind::Text { columns, .. } = &mut f.kind
    {
        *columns = 1;
    }
    let top = grid_top + ((frame.y.0 - grid_top) / lead).round() * lead;
    let covered = Rect::new(
        frame.right().0 - frame.w.0 / 3.0,
        top,
        frame.w.0 / 3.0,
        lead * 5.0,
    );
    e.pages[0].frames.push(wrapping_box(covered));
    let l = lay(&e);
    let beside: Vec<_> = body_runs(&l, "lead")
        .into_iter()
        .filter(|(p, r)| *p == 0 && r.origin.y > covered.y.0 && r.origin.y < covered.bottom().0)
        .collect();
    assert!(!beside.is_empty(), "no lines beside the wrap");
    for (_, r) in &beside {
        assert!(
            right(r) <= covered.x.0 + 0.5,
            "line ends at {} inside the wrap",
            right(r)
        );
    }
}

#[test]
fn moving_a_wrapping_frame_recomposes_the_story_under_it() {
    let mut e = bundle::sample();
    let (frame, _, _, col) = lead_frame(&e);
    e.pages[0]
        .frames
        .push(wrapping_box(Rect::new(frame.x.0, frame.y.0, col, 60.0)));
    let layouter = Layouter::new();
    let assets = Assets::bundled(Origin::Bundled);
    layouter.layout(&e, &assets);
    e.apply(Edit::SetFrameRect {
        frame: FrameId::new("wrapper"),
        rect: Rect::new(frame.x.0 + col * 2.0, frame.y.0 + 40.0, col, 80.0),
    })
    .unwrap();
    let cached = layouter.layout(&e, &assets);
    let fresh = lay(&e);
    assert_eq!(
        cached.pages, fresh.pages,
        "the cache kept the lead's old lines"
    );
    assert_eq!(
        layouter
            .last_recomposed
            .load(std::sync::atomic::Ordering::Relaxed),
        1,
        "only the lead is under the frame"
    );
}

#[test]
fn a_wrap_leaving_a_sliver_of_a_column_is_a_preflight_warning() {
    let mut e = bundle::sample();
    let (frame, _, _, col) = lead_frame(&e);
    // Covers column one but its last 12 pt: under 3 字 of the body's 9–10.5 pt.
    e.pages[0].frames.push(wrapping_box(Rect::new(
        frame.x.0,
        frame.y.0,
        col - 12.0,
        80.0,
    )));
    let l = lay(&e);
    let warned: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.code == "narrow-wrap")
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", l.diagnostics);
    assert_eq!(warned[0].severity, Severity::Warning);
    assert!(
        warned[0].message.contains("column 1"),
        "{}",
        warned[0].message
    );
}
