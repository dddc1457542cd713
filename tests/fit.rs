//! Copyfit of one story: the smallest change within the house limits that ends the story on
//! the last line of its last frame. The text is never touched.

use broadsheet::bundle;
use broadsheet::layout::fit::{FitPlan, Fitted, TRACKING_STEP};
use broadsheet::layout::{EditionLayout, Layouter};
use broadsheet::model::{Edit, Edition, StoryId};
use broadsheet::resources::{Assets, Origin};

fn lines_over(laid: &EditionLayout, story: &str) -> i32 {
    laid.fits
        .iter()
        .find(|f| f.story.as_str() == story)
        .map(|f| f.lines_over)
        .unwrap()
}

fn plan_of(fitted: &Fitted) -> Option<&FitPlan> {
    match fitted {
        Fitted::Plan(p) | Fitted::Closer { plan: p, .. } => Some(p),
        _ => None,
    }
}

/// The sample's stories with body text (all but the photo story).
const PLACED: [&str; 6] = [
    "lead",
    "civility",
    "heating",
    "fire-safety",
    "pocket-parks",
    "family-school",
];

/// The sample with each story's last frame three grid lines short (lines over) or, for
/// the lead, four lines long (lines empty): what a later copy change does to a fitted page.
fn misfitted() -> Edition {
    let mut e = bundle::sample();
    for story in PLACED {
        let last = e
            .story(&StoryId::new(story))
            .unwrap()
            .thread
            .last()
            .cloned();
        let by = if story == "lead" { 4.0 } else { -3.0 } * 15.0;
        for page in &mut e.pages {
            for f in &mut page.frames {
                if Some(&f.id) == last.as_ref() {
                    f.rect.h.0 += by;
                }
            }
        }
    }
    e
}

#[test]
fn fitting_the_samples_stories_never_changes_text_and_stays_within_the_limits() {
    let mut e = misfitted();
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    let before = layouter.layout(&e, &assets);
    let texts: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    let mut exact = 0;
    for story in PLACED {
        let id = StoryId::new(story);
        assert_ne!(lines_over(&before, story), 0, "{story} needs fitting");
        let fitted = layouter.fit_story(&e, &assets, &id).unwrap();
        let plan = plan_of(&fitted).unwrap_or_else(|| panic!("{story}: {fitted:?}"));
        // Within the limits: tracking in steps up to the limit, the frame by whole lines.
        assert!(plan.tracking_pct.abs() <= e.copyfit.tracking_pct);
        assert_eq!((plan.tracking_pct / TRACKING_STEP).fract(), 0.0);
        assert!(plan.frame_lines.unsigned_abs() <= e.copyfit.frame_lines);
        for edit in &plan.edits {
            assert!(
                matches!(edit, Edit::SetCopyfit { .. } | Edit::SetFrameRect { .. }),
                "{edit:?}"
            );
        }
        e.apply_all(plan.edits.clone()).unwrap();
        let laid = layouter.layout(&e, &assets);
        match fitted {
            Fitted::Plan(_) => {
                assert_eq!(lines_over(&laid, story), 0, "{story}");
                exact += 1;
            }
            Fitted::Closer { lines, .. } => {
                assert_eq!(lines_over(&laid, story), lines, "{story}");
                assert!(lines.abs() < lines_over(&before, story).abs());
            }
            _ => unreachable!(),
        }
        // Fitting it again finds nothing more to do.
        let again = layouter.fit_story(&e, &assets, &id).unwrap();
        assert!(
            matches!(
                again,
                Fitted::Already | Fitted::Closer { .. } | Fitted::Cannot { .. }
            ),
            "{story}: {fitted:?} then {again:?}"
        );
    }
    assert!(exact >= 4, "{exact} of 6 fit exactly");
    // Not a character of any story changed.
    let after: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    assert_eq!(texts, after);
}

#[test]
fn a_story_that_cannot_fit_within_the_limits_says_how_many_lines_to_cut() {
    let mut e: Edition = misfitted();
    // No frame changes, no tracking, no 变栏 allowed: only the count is left.
    e.copyfit.tracking_pct = 0.0;
    e.copyfit.frame_lines = 0;
    e.copyfit.columns = false;
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    let id = StoryId::new("heating");
    let now = lines_over(&layouter.layout(&e, &assets), "heating");
    assert_eq!(
        layouter.fit_story(&e, &assets, &id).unwrap(),
        Fitted::Cannot { lines: now }
    );
    // An unplaced story is refused with a reason.
    assert!(
        layouter
            .fit_story(&e, &assets, &StoryId::new("taihuli"))
            .is_err()
    );
    assert!(
        layouter
            .fit_story(&e, &assets, &StoryId::new("nope"))
            .is_err()
    );
}

#[test]
fn copyfit_tracking_is_saved_in_the_file_and_refused_past_ten_percent() {
    let mut e = bundle::sample();
    e.apply(Edit::SetCopyfit {
        story: StoryId::new("lead"),
        copyfit: broadsheet::model::Copyfit {
            tracking_pct: -1.5,
            ..Default::default()
        },
    })
    .unwrap();
    let text = broadsheet::model::io::to_string(&e);
    assert!(text.contains("tracking_pct: -1.5"), "{text}");
    let back = broadsheet::model::io::from_str(&text, "fit.ron").unwrap();
    assert_eq!(
        back.story(&StoryId::new("lead"))
            .unwrap()
            .copyfit
            .tracking_pct,
        -1.5
    );
    let bad = text.replace("tracking_pct: -1.5", "tracking_pct: 40.0");
    let err = broadsheet::model::io::from_str(&bad, "fit.ron").unwrap_err();
    assert!(err.to_string().contains("copyfit tracking"), "{err}");
    assert!(
        e.apply(Edit::SetCopyfit {
            story: StoryId::new("lead"),
            copyfit: broadsheet::model::Copyfit {
                tracking_pct: f32::NAN,
                ..Default::default()
            },
        })
        .is_err()
    );
}

#[test]
fn the_sample_edition_has_no_holes_and_no_overset_and_the_lead_jumps_beside_another_story() {
    let e = bundle::sample();
    let laid = Layouter::new().layout(&e, &Assets::bundled(Origin::Bundled));
    for fit in &laid.fits {
        if !e.story(&fit.story).unwrap().thread.is_empty() {
            assert_eq!(fit.lines_over, 0, "{}: {}", fit.story, fit.badge());
        }
    }
    let lead = e.story(&StoryId::new("lead")).unwrap();
    let (page, _) = e.frame(lead.thread.last().unwrap()).unwrap();
    assert_eq!(page, 1, "the lead continues on page 2");
    assert!(
        e.stories
            .iter()
            .any(|s| s.id != lead.id && s.thread.iter().any(|f| e.frame(f).unwrap().0 == 1)),
        "page 2 carries another story"
    );
}

#[test]
fn an_overset_story_marks_its_shortest_paragraph_endings_for_cutting() {
    let e = misfitted();
    let laid = Layouter::new().layout(&e, &Assets::bundled(Origin::Bundled));
    let fit = laid
        .fits
        .iter()
        .find(|f| f.story.as_str() == "civility")
        .unwrap();
    assert!(fit.lines_over > 0);
    let marked = fit.cut_candidates();
    assert_eq!(
        marked.len(),
        (fit.lines_over as usize).min(fit.last_lines.len())
    );
    // The shortest endings: none left unmarked is shorter than one marked.
    let longest_marked = marked.iter().map(|l| l.chars).max().unwrap();
    for line in &fit.last_lines {
        if !marked.contains(&line) {
            assert!(line.chars >= longest_marked, "{line:?}");
        }
    }
    // A story with room to spare marks nothing.
    assert!(
        laid.fits
            .iter()
            .filter(|f| f.lines_over <= 0)
            .all(|f| f.cut_candidates().is_empty())
    );
}

#[test]
fn a_column_more_or_fewer_and_the_horizontal_scale_are_levers_only_within_the_house_limits() {
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    let id = StoryId::new("heating");
    // Frame heights and tracking fixed: 变栏 is what is left, and it brings the story closer.
    let mut e = misfitted();
    e.copyfit.tracking_pct = 0.0;
    e.copyfit.frame_lines = 0;
    let fitted = layouter.fit_story(&e, &assets, &id).unwrap();
    let plan = plan_of(&fitted).unwrap_or_else(|| panic!("{fitted:?}"));
    assert!(plan.columns.is_some(), "{plan:?}");
    assert_eq!(plan.scale_pct, 0.0, "no scale unless the house asks");
    // Columns off, scale allowed up to 10%: the type is condensed in 1% steps instead (on an
    // 11-字 grid it takes −9% to get a twelfth character into a line).
    e.copyfit.columns = false;
    e.copyfit.scale_pct = 10.0;
    let fitted = layouter.fit_story(&e, &assets, &id).unwrap();
    let plan = plan_of(&fitted).unwrap_or_else(|| panic!("{fitted:?}"));
    assert!(plan.columns.is_none());
    assert!(
        plan.scale_pct < 0.0 && plan.scale_pct >= -10.0 && plan.scale_pct.fract() == 0.0,
        "{plan:?}"
    );
    // Saved and loaded with the story; refused past 20%.
    e.apply_all(plan.edits.clone()).unwrap();
    let text = broadsheet::model::io::to_string(&e);
    assert!(text.contains("scale_pct: "), "{text}");
    let bad = e.apply(Edit::SetCopyfit {
        story: id.clone(),
        copyfit: broadsheet::model::Copyfit {
            scale_pct: 40.0,
            ..Default::default()
        },
    });
    assert!(bad.is_err());
}
