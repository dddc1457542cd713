//! Copyfit: the smallest change, within the house limits, that makes a story end on the last
//! line of its last frame — tracking in half-percent steps, and the last frame's height in
//! whole grid lines. The text is never touched; when no allowed change fits, the answer is how
//! many lines to cut (or to add), for the editor to decide.

use super::{Layouter, flow};
use crate::model::{Copyfit, Edit, Edition, FrameId, FrameKind, Rect, StoryId};
use crate::resources::Resources;

/// Tracking moves in steps of this many percent of the em.
pub const TRACKING_STEP: f32 = 0.5;

/// What fitting a story came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Fitted {
    /// It already ends on the last line of its last frame.
    Already,
    /// These edits make it fit (one undo step).
    Plan(FitPlan),
    /// No allowed change fits exactly; these edits come closest, leaving `lines` too many
    /// (cut them) or, when negative, empty (add text): a balanced three-column story of 25
    /// lines cannot fill whole rows.
    Closer { plan: FitPlan, lines: i32 },
    /// Nothing allowed brings it closer: `lines` too many, or (negative) empty.
    Cannot { lines: i32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FitPlan {
    pub edits: Vec<Edit>,
    /// The story's copyfit tracking after the plan, in percent of the em.
    pub tracking_pct: f32,
    /// Grid lines added to (or, negative, taken from) the last frame's height.
    pub frame_lines: i32,
}

/// Why a story cannot be fitted at all.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error("there is no story \"{0}\"")]
    NoStory(StoryId),
    #[error("story \"{0}\" is not placed in a text frame")]
    NotPlaced(StoryId),
}

impl Layouter {
    /// How `story` fits its thread as it would be set with `copyfit` (the edition unchanged):
    /// lines over (positive) or left empty (negative). Uses the shared paragraph cache.
    pub(super) fn lines_over(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        story: &crate::model::Story,
        copyfit: Copyfit,
    ) -> i32 {
        let ctx = self.context(edition, resources);
        let mut trial = story.clone();
        trial.copyfit = copyfit;
        flow::flow_story(&ctx, &trial).fit.lines_over
    }

    /// The smallest change within `edition.copyfit`'s limits that makes `story` end exactly
    /// on the last line of its last frame: a tracking step costs as much as a grid line of
    /// frame height, and the cheapest plan that checks out wins.
    pub fn fit_story(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        id: &StoryId,
    ) -> Result<Fitted, FitError> {
        let story = edition
            .story(id)
            .ok_or_else(|| FitError::NoStory(id.clone()))?;
        let (page, frame) = story
            .thread
            .last()
            .and_then(|f| edition.frame(f))
            .ok_or_else(|| FitError::NotPlaced(id.clone()))?;
        let FrameKind::Text { columns, .. } = frame.kind else {
            return Err(FitError::NotPlaced(id.clone()));
        };
        let columns = i32::from(columns.max(1));
        let template = edition
            .template(&edition.pages[page].template)
            .ok_or_else(|| FitError::NotPlaced(id.clone()))?;
        let grid = template.baseline.pt().0;
        let area = template.type_area(false);
        let limits = edition.copyfit;
        let base = story.copyfit.tracking_pct;

        if self.lines_over(edition, resources, story, story.copyfit) == 0 {
            return Ok(Fitted::Already);
        }
        // Tracking settings from the current one outwards, within the limit.
        let steps = (limits.tracking_pct / TRACKING_STEP).floor() as i32;
        let mut settings: Vec<f32> = (-steps..=steps).map(|k| k as f32 * TRACKING_STEP).collect();
        settings.sort_by(|a, b| (a - base).abs().total_cmp(&(b - base).abs()));

        let max_lines = limits.frame_lines as i32;
        let now = self.lines_over(edition, resources, story, story.copyfit);
        // Each setting's plan: the frame height that leaves the fewest lines over or empty,
        // within the limit and the room on the page.
        let mut plans: Vec<((i32, i32), FitPlan)> = Vec::new();
        for &t in &settings {
            #[allow(clippy::float_cmp)]
            let over = if t == base {
                now
            } else {
                self.lines_over(edition, resources, story, Copyfit { tracking_pct: t })
            };
            // The last frame gains (or loses) a line per column for each grid line of height.
            let mut lines = (over / columns).clamp(-max_lines, max_lines);
            while lines != 0
                && !room(
                    edition,
                    page,
                    &frame.id,
                    grown(frame.rect, lines as f32 * grid),
                    area,
                    grid,
                )
            {
                lines -= lines.signum();
            }
            let left = over - lines * columns;
            let mut edits = Vec::new();
            #[allow(clippy::float_cmp)]
            if t != base {
                edits.push(Edit::SetCopyfit {
                    story: id.clone(),
                    copyfit: Copyfit { tracking_pct: t },
                });
            }
            if lines != 0 {
                edits.push(Edit::SetFrameRect {
                    frame: frame.id.clone(),
                    rect: grown(frame.rect, lines as f32 * grid),
                });
            }
            if edits.is_empty() {
                continue;
            }
            let cost = ((t - base).abs() / TRACKING_STEP).round() as i32 + lines.abs();
            plans.push((
                (left.abs(), cost),
                FitPlan {
                    edits,
                    tracking_pct: t,
                    frame_lines: lines,
                },
            ));
        }
        plans.sort_by_key(|(rank, _)| *rank);
        // A wrap or a balanced column can move capacity other than line for line: plans are
        // checked by setting the story with them, best first; the first that keeps its
        // promise wins, else the one that came closest.
        let mut best: Option<(i32, FitPlan)> = None;
        for ((promised, _), plan) in plans {
            let mut trial = edition.clone();
            if !plan.edits.iter().all(|e| trial.apply(e.clone()).is_ok()) {
                continue;
            }
            let Some(s) = trial.story(id) else { continue };
            let left = self.lines_over(&trial, resources, s, s.copyfit);
            if left == 0 {
                return Ok(Fitted::Plan(plan));
            }
            if best.as_ref().is_none_or(|(b, _)| left.abs() < b.abs()) {
                best = Some((left, plan));
            }
            if left.abs() == promised {
                break;
            }
        }
        Ok(match best {
            Some((lines, plan)) if lines.abs() < now.abs() => Fitted::Closer { plan, lines },
            _ => Fitted::Cannot { lines: now },
        })
    }
}

/// `rect` made `by` points taller (shorter when negative), its top where it was.
fn grown(rect: Rect, by: f32) -> Rect {
    Rect::new(rect.x.0, rect.y.0, rect.w.0, rect.h.0 + by)
}

/// Whether frame `id` may take `rect` on page `page`: at least a grid line high, inside the
/// type area, over no other frame it may not overlap.
fn room(edition: &Edition, page: usize, id: &FrameId, rect: Rect, area: Rect, grid: f32) -> bool {
    if rect.h.0 < grid - 0.01 || rect.bottom().0 > area.bottom().0 + 0.01 {
        return false;
    }
    let Some(me) = edition.pages[page].frames.iter().find(|f| &f.id == id) else {
        return false;
    };
    edition.pages[page].frames.iter().all(|other| {
        &other.id == id
            || super::preflight::may_overlap(me, other)
            || !rect.overlaps(&other.rect)
            // Already overlapping before: not this change's doing.
            || me.rect.overlaps(&other.rect)
    })
}
