//! Propose a page: modular layouts of the customer's seven stories on page 1, every one of
//! which passes check with no holes and no overset.

use broadsheet::bundle;
use broadsheet::layout::Layouter;
use broadsheet::layout::propose::Proposal;
use broadsheet::model::{Edition, StoryId};
use broadsheet::resources::{Assets, Origin};

const STORIES: [&str; 7] = [
    "lead",
    "civility",
    "heating",
    "fire-safety",
    "pocket-parks",
    "taihuli",
    "family-school",
];

fn ids() -> Vec<StoryId> {
    STORIES.iter().map(StoryId::new).collect()
}

fn propose(e: &Edition, count: usize) -> Vec<Proposal> {
    let assets = Assets::bundled(Origin::Bundled);
    Layouter::new()
        .propose_page(e, &assets, 0, &ids(), count)
        .unwrap()
}

#[test]
fn explore() {
    let e = bundle::sample();
    let t = std::time::Instant::now();
    let ps = propose(&e, 3);
    eprintln!("{:?}", t.elapsed());
    for p in &ps {
        eprintln!("{}", p.score.summary());
        for pl in &p.placements {
            eprintln!("  {pl:?}");
        }
    }
}
