//! Fitting a page: the edges between stacked stories move on the grid until every story on
//! the page ends on the last line of its frames; one undo step; the text never changes.

use broadsheet::layout::Layouter;
use broadsheet::layout::fit_page::PageFit;
use broadsheet::model::{Edit, Edition, FrameKind, PageTemplate, StoryId};
use broadsheet::resources::{Assets, Origin};
use broadsheet::sample::{self, Cell};

/// Body lines `story` sets in one column of the sample's grid.
fn column_lines(layouter: &Layouter, assets: &Assets, e: &Edition, story: &str) -> u16 {
    let t = sample::template();
    let mut trial = e.clone();
    let frame = sample::frame(
        &t,
        "measure",
        Cell {
            col: 0,
            span: 1,
            line: 0,
            lines: 92,
        },
        sample::text(1),
    );
    trial.pages[1].frames.push(frame.clone());
    let s = trial
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == story)
        .unwrap();
    s.thread = vec![frame.id.clone()];
    let laid = layouter.layout(&trial, assets);
    let fit = laid
        .fits
        .iter()
        .find(|f| f.story.as_str() == story)
        .unwrap();
    assert!(fit.lines_over < 0, "{story} is longer than a column");
    fit.lines_set as u16
}

/// A page of two stacks, every story on it fitted when `off` is zero: heading and body blocks
/// sized from the stories' measured lines (and tracking where a row is left part-empty), the
/// shared edges then moved `off[k]` lines off.
fn two_stacks(off: [i16; 3]) -> (Edition, Assets, Layouter) {
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    let mut e = broadsheet::bundle::sample();
    let t: PageTemplate = sample::template();
    let five = [
        "heating",
        "fire-safety",
        "pocket-parks",
        "civility",
        "family-school",
    ];
    let depth: Vec<u16> = five
        .iter()
        .map(|s| column_lines(&layouter, &assets, &e, s))
        .collect();
    // Page 1 is laid out afresh with the five; the lead keeps only its page-2 frame.
    let page = &mut e.pages[0].frames;
    page.clear();
    let mut stack = |stories: &[(usize, i16)], col: u8, span: u8, head: u16, top: u16| {
        let mut line = top;
        let mut shift = 0i16;
        for (k, &(i, off)) in stories.iter().enumerate() {
            let story = five[i];
            let rows = depth[i].div_ceil(u16::from(span));
            let start = (line as i16 + shift) as u16;
            shift = off;
            let end = line + head + rows;
            let body_lines = (end as i16 + off) as u16 - (start + head);
            page.push(sample::frame(
                &t,
                &format!("{story}-head"),
                Cell {
                    col,
                    span,
                    line: start,
                    lines: head,
                },
                sample::headline(story),
            ));
            page.push(sample::frame(
                &t,
                &format!("{story}-body"),
                Cell {
                    col,
                    span,
                    line: start + head,
                    lines: body_lines,
                },
                sample::text(span),
            ));
            if k + 1 < stories.len() {
                page.push(sample::hrule(
                    &t,
                    &format!("{story}-rule"),
                    col,
                    span,
                    (end as i16 + off) as u16 + 1,
                ));
            }
            line = end + 1;
        }
    };
    stack(&[(0, off[0]), (1, off[1]), (2, 0)], 0, 3, 5, 0);
    stack(&[(3, off[2]), (4, 0)], 6, 2, 7, 0);
    if let Some(lead) = e.stories.iter_mut().find(|s| s.id.as_str() == "lead") {
        lead.thread.retain(|f| f.as_str().starts_with("p2"));
    }
    for story in five {
        let s = e
            .stories
            .iter_mut()
            .find(|s| s.id.as_str() == story)
            .unwrap();
        s.thread = vec![broadsheet::model::FrameId::new(format!("{story}-body"))];
    }
    // The photo story is left off this page.
    e.stories.retain(|s| s.id.as_str() != "taihuli");
    e.photos.clear();
    (e, assets, layouter)
}

fn fits(layouter: &Layouter, assets: &Assets, e: &Edition) -> Vec<(String, i32)> {
    layouter
        .layout(e, assets)
        .fits
        .iter()
        .filter(|f| f.story.as_str() != "lead")
        .map(|f| (f.story.to_string(), f.lines_over))
        .collect()
}

#[test]
fn fitting_a_page_with_five_misfitted_stories_leaves_all_five_fitted_in_one_undo_step() {
    let (mut e, assets, layouter) = two_stacks([-3, 4, 5]);
    let before = fits(&layouter, &assets, &e);
    assert_eq!(before.len(), 5);
    assert!(
        before.iter().all(|(_, over)| *over != 0),
        "all five start mis-fitted: {before:?}"
    );
    let texts: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    let original = e.clone();

    let fit: PageFit = layouter.fit_page(&e, &assets, 0).unwrap();
    assert_eq!(fit.misfits(), 0, "{:?}", fit.stories);
    let mut inverses = Vec::new();
    for edit in fit.edits.clone() {
        assert!(
            matches!(
                edit,
                Edit::SetFrameRect { .. } | Edit::SetCopyfit { .. } | Edit::InsertFrame { .. }
            ),
            "{edit:?}"
        );
        inverses.push(e.apply(edit).unwrap());
    }
    let after = fits(&layouter, &assets, &e);
    assert!(after.iter().all(|(_, over)| *over == 0), "{after:?}");
    // The text is the text.
    let now: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    assert_eq!(now, texts);
    // Frames stay on the grid: every top and height in whole lines of the 15 pt grid.
    let t = sample::template();
    let area = t.type_area(false);
    for f in &e.pages[0].frames {
        if matches!(f.kind, FrameKind::Text { .. } | FrameKind::Headline { .. }) {
            let top = (f.rect.y.0 - area.y.0) / 15.0;
            let lines = f.rect.h.0 / 15.0;
            assert!((top - top.round()).abs() < 0.01, "{} top {top}", f.id);
            assert!(
                (lines - lines.round()).abs() < 0.01,
                "{} {lines} lines",
                f.id
            );
            assert!(f.rect.bottom().0 <= area.bottom().0 + 0.01, "{}", f.id);
        }
    }
    // And no two frames of different stories overlap.
    let laid = layouter.layout(&e, &assets);
    assert!(
        !laid.diagnostics.iter().any(|d| d.code == "overlap"),
        "{:?}",
        laid.diagnostics
    );
    // One step back: the inverses, applied in reverse, give the page as it was.
    for inverse in inverses.into_iter().rev() {
        e.apply(inverse).unwrap();
    }
    assert_eq!(e, original);
}

#[test]
fn a_fitted_page_is_left_alone() {
    let (e, assets, layouter) = two_stacks([-3, 4, 5]);
    let fit = layouter.fit_page(&e, &assets, 0).unwrap();
    let mut e = e;
    e.apply_all(fit.edits).unwrap();
    let again = layouter.fit_page(&e, &assets, 0).unwrap();
    assert!(again.edits.is_empty(), "{:?}", again.edits);
    assert_eq!(again.misfits(), 0);
}

#[test]
fn fitting_never_moves_a_locked_story_and_says_what_is_left() {
    // The edge between fire safety and the pocket parks is 4 lines low; the parks story is
    // locked, so that edge cannot go back.
    let (mut e, assets, layouter) = two_stacks([0, 4, 0]);
    for f in &mut e.pages[0].frames {
        if f.id.as_str().starts_with("pocket-parks") {
            f.locked = true;
        }
    }
    let fit = layouter.fit_page(&e, &assets, 0).unwrap();
    for edit in &fit.edits {
        if let Edit::SetFrameRect { frame, .. } = edit {
            assert!(!frame.as_str().starts_with("pocket-parks"), "{frame} moved");
        }
    }
    assert!(fit.misfits() > 0, "{:?}", fit.stories);
    let parks = fit
        .stories
        .iter()
        .find(|s| s.story == StoryId::new("pocket-parks"))
        .unwrap();
    assert!(parks.after > 0, "still over: {:?}", fit.stories);
}
