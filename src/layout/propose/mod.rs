//! Propose a page: given the stories chosen for it in priority order (the first is the lead),
//! several modular layouts on the page's grid, every story fitted, ranked best first. The
//! designer picks one and edits it.
//!
//! The pipeline: [`measure`] sets every story once with the real composer (body lines at one
//! column's measure at each tracking copyfit allows, headline stacks at every span, captions);
//! [`search`] tries modular shapes — the lead across the page or beside a rail, an optional
//! band under it, strips of stacked stories below — deals the stories into them in priority
//! order and picks block heights by dynamic programming so every column fills to the foot;
//! [`build`] turns the best candidates into frames, rules and edits; each is then applied to
//! a copy of the edition and every story set again, so the holes and overset a proposal
//! reports are the composer's, not the search's estimate.
//!
//! A story whose thread continues on a later page (the sample's lead) takes whatever depth is
//! left on this page: what its frame here does not hold runs on, and its last frame there is
//! sized (by [`Layouter::fit_story`], without the usual limit on frame lines) to end full.
//! That is how a real page reaches zero holes. Every other story must fill its block
//! exactly: its body of L lines at span s needs ⌈L/s⌉ lines, so tracking (in the house
//! limits) is chosen to make L a multiple of s, and a line or two of air under a headline or
//! a photo's height (crop and resolution allowing) make the stacks meet.
//!
//! # Score
//! Lower is better; the parts are in [`Score`], the weights in [`score`]:
//! - **holes** (1000 per empty column-line) and **overset** (1000 per line): a page that does
//!   not fill, or text that does not fit, is not a page yet.
//! - **priority** (20 per pair): stories read top to bottom, then left to right; a less
//!   important story above (or level with and left of) a more important one.
//! - **low-ppi** (60 per photo): a photo printing under 200 PPI. Photos are offered only at
//!   heights that keep a crop within 30%; the block's span is the photo's.
//! - **butting** (30 per pair): two photos touching.
//! - **tombstones** (12 per pair): headlines of neighbouring blocks side by side at the same
//!   height, which read as one line across two stories.
//! - **headline-order** (8 per pair): a less important story's headline louder (size ×
//!   span) than a more important one's. The lead gets the largest headline style, the next
//!   two the role's headline style, the rest the next size down when the edition has one.
//! - **narrow** (6 per story): a text story in a single column.
//! - **crop** (2 per tenth cropped) and **copyfit** (1 per tracking step or line of air
//!   under a headline): small, so the lightest touch wins among otherwise equal layouts.

mod build;
mod measure;
mod score;
mod search;

use std::collections::HashSet;

pub use score::Score;
pub use search::Block;

use super::fit::Fitted;
use super::{Layouter, Resources};
use crate::model::{Edit, Edition, StoryId};

/// The most stories one proposal deals with: the search grows fast with each.
pub const MAX_STORIES: usize = 10;

/// One proposed layout of the page.
#[derive(Clone, Debug)]
pub struct Proposal {
    /// Applied in order (one undo step), they turn the edition into this layout.
    pub edits: Vec<Edit>,
    pub score: Score,
    /// Where each story went, in priority order.
    pub placements: Vec<Placement>,
}

/// A story's block on the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub story: StoryId,
    /// First column and columns spanned.
    pub col: u8,
    pub span: u8,
    /// First grid line and grid lines deep.
    pub line: u16,
    pub lines: u16,
    /// Tracking copyfit the story is set with, in percent of the em.
    pub tracking_pct: f32,
}

/// Why no page could be proposed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProposeError {
    #[error("there is no page {0}; the edition has {1}")]
    NoPage(usize, usize),
    #[error("page {0} has no template the edition knows")]
    NoTemplate(usize),
    #[error("no stories were chosen for the page")]
    NoStories,
    #[error("{0} stories are more than one page proposal takes (at most {MAX_STORIES})")]
    TooMany(usize),
    #[error("story \"{0}\" is chosen twice")]
    Duplicate(StoryId),
    #[error("there is no story \"{0}\"")]
    NoStory(StoryId),
    #[error("story \"{0}\" has no text and no photo to place")]
    NoText(StoryId),
    #[error("no modular layout of these stories fits the page")]
    NoLayout,
}

/// What a hole the search predicts weighs in choosing the candidates to verify.
const PREDICTED_HOLE: u32 = 10;

impl Layouter {
    /// Up to `count` distinct modular layouts of page `page` (0-based) holding `stories` in
    /// priority order, the first being the lead: best score first.
    pub fn propose_page(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        page: usize,
        stories: &[StoryId],
        count: usize,
    ) -> Result<Vec<Proposal>, ProposeError> {
        let p = edition
            .pages
            .get(page)
            .ok_or(ProposeError::NoPage(page + 1, edition.pages.len()))?;
        if stories.is_empty() {
            return Err(ProposeError::NoStories);
        }
        if stories.len() > MAX_STORIES {
            return Err(ProposeError::TooMany(stories.len()));
        }
        let mut seen = HashSet::new();
        if let Some(twice) = stories.iter().find(|s| !seen.insert(*s)) {
            return Err(ProposeError::Duplicate(twice.clone()));
        }
        let template = edition
            .template(&p.template)
            .ok_or(ProposeError::NoTemplate(page + 1))?;
        let grid = measure::Grid::of(template);
        let needs = measure::measure(self, edition, resources, page, stories, &grid)?;
        let mut candidates: Vec<(Score, search::Candidate)> = search::search(&needs, &grid)
            .into_iter()
            .map(|mut c| {
                for b in &mut c.blocks {
                    let need = &needs[b.story];
                    b.steps = need.steps(b.leaf.tracking);
                    b.head_weight = need.head_size * f32::from(b.span);
                }
                (score_of(&c, &needs), c)
            })
            .collect();
        // The search's holes are an estimate that verification's copyfit mostly closes (a line
        // or two of tracking or frame depth): in choosing which to verify they weigh like
        // copyfit steps, not like the holes a verified layout is left with.
        candidates.sort_by_key(|(s, c)| {
            (
                s.total() - s.holes * score::HOLE + s.holes * PREDICTED_HOLE,
                c.cost,
            )
        });
        // Distinct layouts: stories in other columns, not merely other depths.
        let mut seen = HashSet::new();
        let mut proposals = Vec::new();
        for (_, c) in candidates {
            let key: Vec<(u8, u8)> = c.blocks.iter().map(|b| (b.col, b.span)).collect();
            if !seen.insert(key) {
                continue;
            }
            if let Some(p) = self.verify(edition, resources, page, &grid, &needs, &c) {
                proposals.push(p);
            }
            // More than asked, and never fewer than twelve: verification reorders them (the
            // composer's count of copyfit and air can differ from the search's estimate).
            if proposals.len() >= count.max(3) * 4 {
                break;
            }
        }
        if proposals.is_empty() {
            return Err(ProposeError::NoLayout);
        }
        proposals.sort_by_key(|p| p.score.total());
        proposals.truncate(count.max(1));
        Ok(proposals)
    }

    /// Applies a candidate to a copy of the edition, sizes the last frame of a story that runs
    /// on, and counts holes and overset as the composer sets every story.
    fn verify(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        page: usize,
        grid: &measure::Grid,
        needs: &[measure::Need],
        candidate: &search::Candidate,
    ) -> Option<Proposal> {
        let mut edits = build::edits(edition, page, grid, needs, candidate);
        let mut trial = edition.clone();
        trial.apply_all(edits.clone()).ok()?;
        for need in needs.iter().filter(|n| !n.lines.is_empty()) {
            if let Some(plan) = self.refit(&trial, resources, need)
                && trial.apply_all(plan.clone()).is_ok()
            {
                edits.extend(plan);
            }
        }
        let mut score = score_of(candidate, needs);
        score.holes = candidate.blocks.iter().map(|b| b.pad).sum();
        score.overset = 0;
        for need in needs.iter().filter(|n| !n.lines.is_empty()) {
            let story = trial.story(&need.story.id)?;
            let over = self.lines_over(&trial, resources, story, story.copyfit);
            if over > 0 {
                score.overset += over.unsigned_abs();
            } else {
                score.holes += over.unsigned_abs();
            }
        }
        let placements = candidate
            .blocks
            .iter()
            .map(|b| {
                let id = needs[b.story].story.id.clone();
                Placement {
                    tracking_pct: trial.story(&id).map_or(0.0, |s| s.copyfit.tracking_pct),
                    story: id,
                    col: b.col,
                    span: b.span,
                    line: b.top,
                    lines: b.lines(),
                }
            })
            .collect();
        Some(Proposal {
            edits,
            score,
            placements,
        })
    }
}

impl Layouter {
    /// The copyfit that makes a story end exactly once its frames are placed, when the
    /// composer disagrees with the search's count. A story that runs on to a later page gets
    /// its page's spare or excess in its last frame there, however many lines that is; any
    /// other story may only change its tracking, since its block is fixed among the others.
    fn refit(
        &self,
        trial: &Edition,
        resources: &dyn Resources,
        need: &measure::Need,
    ) -> Option<Vec<Edit>> {
        let story = trial.story(&need.story.id)?;
        if self.lines_over(trial, resources, story, story.copyfit) == 0 {
            return None;
        }
        let mut roomy = trial.clone();
        if need.continuation.is_some() {
            roomy.copyfit.frame_lines = u32::from(u16::MAX);
        } else {
            roomy.copyfit.frame_lines = 0;
        }
        match self.fit_story(&roomy, resources, &need.story.id) {
            Ok(Fitted::Plan(plan) | Fitted::Closer { plan, .. }) => Some(plan.edits),
            _ => None,
        }
    }
}

fn score_of(candidate: &search::Candidate, needs: &[measure::Need]) -> Score {
    let narrow: Vec<bool> = needs.iter().map(|n| !n.lines.is_empty()).collect();
    Score::of(&candidate.blocks, &narrow)
}
