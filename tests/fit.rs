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

#[test]
fn fitting_the_samples_stories_never_changes_text_and_stays_within_the_limits() {
    let mut e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    let before = layouter.layout(&e, &assets);
    let texts: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    let mut exact = 0;
    for story in [
        "lead",
        "civility",
        "heating",
        "fire-safety",
        "pocket-parks",
        "family-school",
    ] {
        let id = StoryId::new(story);
        assert_ne!(
            lines_over(&before, story),
            0,
            "{story} needs fitting in the sample"
        );
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
        assert!(matches!(
            layouter.fit_story(&e, &assets, &id).unwrap(),
            Fitted::Already | Fitted::Closer { .. } | Fitted::Cannot { .. }
        ));
    }
    assert!(exact >= 4, "{exact} of 6 fit exactly");
    // Not a character of any story changed.
    let after: Vec<String> = e.stories.iter().map(|s| s.body_text()).collect();
    assert_eq!(texts, after);
}

#[test]
fn a_story_that_cannot_fit_within_the_limits_says_how_many_lines_to_cut() {
    let mut e: Edition = bundle::sample();
    // No frame changes and no tracking allowed: only the count is left.
    e.copyfit.tracking_pct = 0.0;
    e.copyfit.frame_lines = 0;
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
        copyfit: broadsheet::model::Copyfit { tracking_pct: -1.5 },
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
                tracking_pct: f32::NAN
            },
        })
        .is_err()
    );
}
