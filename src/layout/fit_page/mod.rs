//! Fitting a page: the shared edges between stacked stories move, in whole grid lines, until
//! every story on the page ends on the last line of its frames.
//!
//! A story's frames on the page (headline, body, photo) make one *block*. Where one block's
//! foot meets another's head — directly or across the gap line a rule sits in — they share
//! an *edge*; every block touching the same foot or head belongs to that edge, so a lead over
//! two stories is one edge, two side-by-side stacks are two. Moving an edge lengthens the
//! blocks above it and shortens those below: a body frame gains a line per column for every
//! grid line, a photo frame (filling its frame) may change height while the photo loses at
//! most [`crate::model::CopyfitLimits::photo_crop_pct`] of its width or height, and never
//! prints below 200 PPI if it did not already. Rules in a moving gap go with it (a rule
//! across two edges that move apart is cut in two); locked frames and frames of no story stay
//! where they are, and nothing moves onto them.
//!
//! The solver minimises, over the edges' positions, the lines left over and empty (overset
//! weighs double a hole; a story that continues on another page absorbs any amount on this
//! one), plus a little for every grid line moved. It moves one edge at a time, then pairs
//! of edges around a block (moving the block), until nothing improves; then it sets the
//! stories again, corrects its estimate by what the composer really did, and solves again.
//! Last, each story still off by a line or two is fitted by tracking alone.

mod apply;
mod blocks;
mod solve;

use std::collections::HashMap;

use super::fit::TRACKING_STEP;
use super::{Item, Layouter};
use crate::model::{Copyfit, Edit, Edition, FrameId, Rect, StoryId};
use crate::resources::Resources;
use blocks::{Flex, blocks};
use solve::Problem;

/// What fitting a page does.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFit {
    /// The edits that fit it, for one undo step (empty when nothing changes).
    pub edits: Vec<Edit>,
    /// Each story with body text on the page: its lines over before and after.
    pub stories: Vec<StoryChange>,
}

/// One story's fit before and after fitting its page.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryChange {
    pub story: StoryId,
    /// Lines over (positive) or empty (negative) before.
    pub before: i32,
    /// And after.
    pub after: i32,
}

impl PageFit {
    /// The stories that fitted before or after, and how many still do not.
    pub fn misfits(&self) -> usize {
        self.stories.iter().filter(|s| s.after != 0).count()
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PageFitError {
    #[error("there is no page {0}")]
    NoPage(usize),
    #[error("page {0}'s template is missing")]
    NoTemplate(usize),
}

impl Layouter {
    /// Moves the shared edges between the stories on page `page` (0-based) so each ends on
    /// the last line of its frames, then fits what is left by tracking: the edits, for one
    /// undo step, and each story's fit before and after.
    pub fn fit_page(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        page: usize,
    ) -> Result<PageFit, PageFitError> {
        let p = edition.pages.get(page).ok_or(PageFitError::NoPage(page))?;
        let template = edition
            .template(&p.template)
            .ok_or(PageFitError::NoTemplate(page))?;
        let grid = template.baseline.pt().0.max(1.0);
        let area = template.type_area(false);
        let laid = self.layout(edition, resources);
        let fits: HashMap<&StoryId, i32> =
            laid.fits.iter().map(|f| (&f.story, f.lines_over)).collect();
        let clips: HashMap<&FrameId, Rect> = laid
            .pages
            .get(page)
            .into_iter()
            .flat_map(|l| &l.items)
            .filter_map(|item| match item {
                Item::Image(image) => Some((&image.frame, image.clip)),
                _ => None,
            })
            .collect();

        let mut blocks = blocks(edition, resources, page, &fits, &clips, grid);
        let steps = (edition.copyfit.tracking_pct / TRACKING_STEP).floor() as i32;
        for block in &mut blocks {
            let (Flex::Body { .. }, Some(story)) = (block.flex, edition.story(&block.story)) else {
                continue;
            };
            block.tracking = (-steps..=steps)
                .map(|k| k as f32 * TRACKING_STEP)
                .map(|t| {
                    #[allow(clippy::float_cmp)]
                    let over = if t == block.base {
                        block.over
                    } else {
                        self.lines_over(
                            edition,
                            resources,
                            story,
                            Copyfit {
                                tracking_pct: t,
                                ..story.copyfit
                            },
                        )
                    };
                    (t, over)
                })
                .collect();
            if block.tracking.is_empty() {
                block.tracking.push((block.base, block.over));
            }
        }
        let mut problem = Problem::new(&p.frames, blocks, grid, area);
        let before: Vec<StoryChange> = problem
            .blocks
            .iter()
            .filter(|b| matches!(b.flex, Flex::Body { .. }))
            .map(|b| StoryChange {
                story: b.story.clone(),
                before: b.over,
                after: b.over,
            })
            .collect();

        let mut shifts = vec![0i32; problem.edges.len()];
        let mut trial = edition.clone();
        for _round in 0..3 {
            problem.solve(&mut shifts);
            trial = edition.clone();
            problem.apply(&mut trial, page, &shifts);
            for b in 0..problem.blocks.len() {
                if let Some((t, _)) = problem.tracking(b, &shifts)
                    && let Some(story) = trial
                        .stories
                        .iter_mut()
                        .find(|s| s.id == problem.blocks[b].story)
                {
                    story.copyfit.tracking_pct = t;
                }
            }
            // What the composer really does at these heights corrects the estimate.
            let mut exact = true;
            for b in 0..problem.blocks.len() {
                let Flex::Body { columns, .. } = problem.blocks[b].flex else {
                    continue;
                };
                let Some(story) = trial.story(&problem.blocks[b].story) else {
                    continue;
                };
                let real = self.lines_over(&trial, resources, story, story.copyfit);
                let d = problem.change(b, &shifts);
                let Some((t, over)) = problem.tracking(b, &shifts) else {
                    continue;
                };
                let estimate = over - d * columns;
                if real != estimate {
                    exact = false;
                    // The setting the solver chose is now known exactly at this height.
                    for option in &mut problem.blocks[b].tracking {
                        #[allow(clippy::float_cmp)]
                        if option.0 == t {
                            option.1 = real + d * columns;
                        }
                    }
                }
            }
            if exact {
                break;
            }
        }

        // Tracking for the last line or two.
        for change in &before {
            let Some(story) = trial.story(&change.story) else {
                continue;
            };
            if self.lines_over(&trial, resources, story, story.copyfit) == 0 {
                continue;
            }
            use super::fit::Fitted;
            if let Ok(Fitted::Plan(plan) | Fitted::Closer { plan, .. }) =
                self.fit_story_tracking(&trial, resources, &change.story)
            {
                for edit in plan.edits {
                    let _ = trial.apply(edit);
                }
            }
        }

        let stories = before
            .into_iter()
            .map(|mut change| {
                if let Some(story) = trial.story(&change.story) {
                    change.after = self.lines_over(&trial, resources, story, story.copyfit);
                }
                change
            })
            .collect();
        Ok(PageFit {
            edits: diff(edition, &trial, page),
            stories,
        })
    }
}

/// The edits that turn `from`'s page `page` and stories into `to`'s.
fn diff(from: &Edition, to: &Edition, page: usize) -> Vec<Edit> {
    let mut edits = Vec::new();
    let (old, new) = (&from.pages[page], &to.pages[page]);
    let page_id = old.id.clone();
    // Rules cut in two: the original keeps its ID; the pieces are inserted after it.
    for (index, frame) in new.frames.iter().enumerate() {
        match old.frames.iter().find(|f| f.id == frame.id) {
            Some(before) if before.rect != frame.rect => edits.push(Edit::SetFrameRect {
                frame: frame.id.clone(),
                rect: frame.rect,
            }),
            Some(_) => {}
            None => edits.push(Edit::InsertFrame {
                page: page_id.clone(),
                index,
                frame: frame.clone(),
            }),
        }
    }
    for story in &to.stories {
        if let Some(before) = from.story(&story.id)
            && before.copyfit != story.copyfit
        {
            edits.push(Edit::SetCopyfit {
                story: story.id.clone(),
                copyfit: story.copyfit,
            });
        }
    }
    edits
}
