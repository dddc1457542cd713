//! Propose a page: modular layouts of the customer's seven stories on page 1, each of which
//! passes check with no holes, no overset and no overlapping frames.

use std::process::Command;

use broadsheet::bundle;
use broadsheet::layout::Layouter;
use broadsheet::layout::propose::{Proposal, ProposeError};
use broadsheet::model::{Edition, StoryId};
use broadsheet::resources::{Assets, Origin};

/// The sample's stories in the order a desk might rank them: the lead first.
const STORIES: [&str; 7] = broadsheet::sample::STORY_IDS;

fn ids(names: &[&str]) -> Vec<StoryId> {
    names.iter().map(StoryId::new).collect()
}

fn propose(e: &Edition, stories: &[&str], count: usize) -> Result<Vec<Proposal>, ProposeError> {
    let assets = Assets::bundled(Origin::Bundled);
    Layouter::new().propose_page(e, &assets, 0, &ids(stories), count)
}

#[test]
fn every_proposal_for_the_samples_page_passes_check_with_no_holes_or_overset() {
    let e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let proposals = propose(&e, &STORIES, 3).unwrap();
    assert_eq!(proposals.len(), 3, "three distinct layouts");
    let cols = e.templates[0].columns;
    for (i, p) in proposals.iter().enumerate() {
        let mut proposed = e.clone();
        proposed.apply_all(p.edits.clone()).unwrap();
        let laid = Layouter::new().layout(&proposed, &assets);
        let findings: Vec<String> = laid
            .diagnostics
            .iter()
            .filter(|d| matches!(d.code, "underset" | "overset" | "overlap" | "outside-trim"))
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(findings.is_empty(), "proposal {}: {findings:?}", i + 1);
        assert_eq!(
            (p.score.holes, p.score.overset),
            (0, 0),
            "proposal {}",
            i + 1
        );
        for fit in &laid.fits {
            assert_eq!(fit.lines_over, 0, "proposal {}: {:?}", i + 1, fit);
        }
        // The text is never touched.
        for (before, after) in e.stories.iter().zip(&proposed.stories) {
            assert_eq!(before.body_text(), after.body_text());
            assert_eq!(before.headline, after.headline);
        }
        // The lead is at the top, across most of the page's columns.
        let lead = &p.placements[0];
        assert_eq!(lead.story.as_str(), "lead");
        assert_eq!(lead.line, 0);
        assert!(lead.span * 2 > cols, "lead spans {} of {cols}", lead.span);
        // Every story is on the page, the lead still continues on page 2.
        let on_page: Vec<&StoryId> = p.placements.iter().map(|p| &p.story).collect();
        assert_eq!(on_page, ids(&STORIES).iter().collect::<Vec<_>>());
        let lead_story = proposed.story(&StoryId::new("lead")).unwrap();
        assert_eq!(lead_story.thread.len(), 2);
        assert_eq!(proposed.frame(&lead_story.thread[1]).unwrap().0, 1);
    }
    // Ranked best first.
    let totals: Vec<u32> = proposals.iter().map(|p| p.score.total()).collect();
    assert!(totals.windows(2).all(|w| w[0] <= w[1]), "{totals:?}");
}

#[test]
fn applying_a_proposal_and_its_inverses_restores_the_edition() {
    let e = bundle::sample();
    let p = propose(&e, &STORIES, 1).unwrap().remove(0);
    let mut proposed = e.clone();
    let inverses = proposed.apply_all(p.edits).unwrap();
    assert_ne!(proposed, e);
    proposed.apply_all(inverses).unwrap();
    assert_eq!(proposed, e);
}

#[test]
fn proposing_names_what_is_wrong_with_the_request() {
    let e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let layouter = Layouter::new();
    assert_eq!(
        propose(&e, &["lead", "nonesuch"], 1).unwrap_err(),
        ProposeError::NoStory(StoryId::new("nonesuch"))
    );
    assert_eq!(
        layouter
            .propose_page(&e, &assets, 5, &ids(&["lead"]), 1)
            .unwrap_err(),
        ProposeError::NoPage(6, 2)
    );
    assert_eq!(
        propose(&e, &["lead", "lead"], 1).unwrap_err(),
        ProposeError::Duplicate(StoryId::new("lead"))
    );
    let mut empty = e.clone();
    let heating = empty
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == "heating")
        .unwrap();
    heating.paragraphs.clear();
    assert_eq!(
        propose(&empty, &["lead", "heating"], 1).unwrap_err(),
        ProposeError::NoText(StoryId::new("heating"))
    );
}

#[test]
fn the_propose_command_writes_each_proposal_and_prints_its_score() {
    let dir = tempfile::tempdir().unwrap();
    // The sample names its photo relative to its folder: keep that layout.
    std::fs::create_dir_all(dir.path().join("layouts")).unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/assets/coffee.jpg"),
        dir.path().join("assets/coffee.jpg"),
    )
    .unwrap();
    let file = dir.path().join("layouts/hexi-news.ron");
    std::fs::copy(format!("{root}/layouts/hexi-news.ron"), &file).unwrap();
    let out = dir.path().join("layouts/front.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("propose")
        .arg(&file)
        .args(["--page", "1", "--stories", &STORIES.join(","), "-o"])
        .arg(&out)
        .args(["--count", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let second = dir.path().join("layouts/front-2.ron");
    for path in [&out, &second] {
        let edition = broadsheet::model::io::load(path).unwrap();
        let head = edition.pages[0]
            .frames
            .iter()
            .filter(|f| f.id.as_str().starts_with("p1-lead-head"))
            .count();
        assert_eq!(head, 1, "{}", path.display());
        assert!(
            stdout.contains(&format!("{}: score ", path.display())),
            "{stdout}"
        );
    }
    assert!(stdout.contains("holes 0, overset 0"), "{stdout}");
    // A story that does not exist is an error, and nothing is written.
    let bad = dir.path().join("layouts/bad.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .arg("propose")
        .arg(&file)
        .args(["--page", "1", "--stories", "lead,nonesuch", "-o"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("nonesuch"));
    assert!(!bad.exists());
}

/// The heating story sits on page 2 of the sample: proposing page 1 with it moves it whole,
/// so page 2 no longer shows its headline or an empty continuation of it.
#[test]
fn a_story_from_another_page_moves_to_the_proposed_page_whole() {
    let e = bundle::sample();
    let heating = StoryId::new("heating");
    let on_page_2 = |e: &Edition| {
        e.pages[1]
            .frames
            .iter()
            .filter(|f| match &f.kind {
                broadsheet::model::FrameKind::Headline { story, .. } => story == &heating,
                _ => e.story(&heating).unwrap().thread.contains(&f.id),
            })
            .count()
    };
    assert_eq!(on_page_2(&e), 2, "the sample has it on page 2");
    let best = &propose(&e, &STORIES, 1).unwrap()[0];
    let mut proposed = e.clone();
    proposed.apply_all(best.edits.clone()).unwrap();
    assert_eq!(on_page_2(&proposed), 0);
    let thread = &proposed.story(&heating).unwrap().thread;
    assert_eq!(thread.len(), 1);
    assert_eq!(proposed.frame(&thread[0]).unwrap().0, 0);
}

/// The sample's photo is 600 px wide: across two or more columns it prints under 200 PPI.
/// The best proposal sets it as 图片新闻 — the image in one column, its caption beside it —
/// so nothing prints soft.
#[test]
fn the_best_proposal_keeps_the_photo_at_200_ppi_with_its_caption_beside() {
    let e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let best = &propose(&e, &STORIES, 1).unwrap()[0];
    assert_eq!(best.score.low_ppi, 0, "{}", best.score.summary());
    let mut proposed = e.clone();
    proposed.apply_all(best.edits.clone()).unwrap();
    let laid = Layouter::new().layout(&proposed, &assets);
    assert!(
        !laid.diagnostics.iter().any(|d| d.code == "low-resolution"),
        "{:?}",
        laid.diagnostics
    );
    let beside = proposed
        .pages
        .iter()
        .flat_map(|p| &p.frames)
        .find_map(|f| match &f.kind {
            broadsheet::model::FrameKind::Photo { caption_beside, .. } => *caption_beside,
            _ => None,
        });
    assert!(beside.is_some(), "the caption sits beside the photo");
}
