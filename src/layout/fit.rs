//! Copyfit: the smallest change, within the house limits, that makes a story end on the last
//! line of its last frame — tracking in half-percent steps, the last frame's height in whole
//! grid lines, one column more or fewer in it (变栏), and the horizontal scale in 1% steps only
//! when the house allows it. Leading is never changed: it would take the body off the grid. The text is never touched; when no allowed change fits, the answer is how
//! many lines to cut (or to add), for the editor to decide.

use super::{Layouter, flow_story};
use crate::model::{Copyfit, Edit, Edition, FrameId, FrameKind, Rect, StoryId};
use crate::resources::Resources;

/// Tracking moves in steps of this many percent of the em.
pub const TRACKING_STEP: f32 = 0.5;

/// Horizontal scale moves in steps of this many percent (when the house allows it at all).
pub const SCALE_STEP: f32 = 1.0;

/// Fit never sets a frame in more columns than this.
const MAX_FIT_COLUMNS: u8 = 12;

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
    /// Its horizontal scale change after the plan, in percent (0: none).
    pub scale_pct: f32,
    /// The last frame's new column count (变栏), when it changes.
    pub columns: Option<u8>,
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
        flow_story(&ctx, &trial).fit.lines_over
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
        self.fit_story_by(edition, resources, id, true)
    }

    /// [`Layouter::fit_story`] by tracking alone, frames untouched: what fitting a page does
    /// once the shared edges have moved.
    pub fn fit_story_tracking(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        id: &StoryId,
    ) -> Result<Fitted, FitError> {
        self.fit_story_by(edition, resources, id, false)
    }

    fn fit_story_by(
        &self,
        edition: &Edition,
        resources: &dyn Resources,
        id: &StoryId,
        frame_height: bool,
    ) -> Result<Fitted, FitError> {
        let story = edition
            .story(id)
            .ok_or_else(|| FitError::NoStory(id.clone()))?;
        let (page, frame) = story
            .thread
            .last()
            .and_then(|f| edition.frame(f))
            .ok_or_else(|| FitError::NotPlaced(id.clone()))?;
        let FrameKind::Text {
            columns: own_columns,
            balance,
            ..
        } = frame.kind
        else {
            return Err(FitError::NotPlaced(id.clone()));
        };
        let template = edition
            .template(&edition.pages[page].template)
            .ok_or_else(|| FitError::NotPlaced(id.clone()))?;
        let grid = template.baseline.pt().0;
        let area = template.type_area(false);
        let limits = edition.copyfit;
        let base = story.copyfit;

        let now = self.lines_over(edition, resources, story, story.copyfit);
        if now == 0 {
            return Ok(Fitted::Already);
        }
        // The settings to try: tracking from the current one outwards within the limit, the
        // horizontal scale only when the house allows it, and one column more or fewer in the
        // last frame (变栏) when it does.
        let steps = (limits.tracking_pct / TRACKING_STEP).floor() as i32;
        let trackings: Vec<f32> = (-steps..=steps).map(|k| k as f32 * TRACKING_STEP).collect();
        let scale_steps = (limits.scale_pct / SCALE_STEP).floor() as i32;
        let scales: Vec<f32> = (-scale_steps..=scale_steps)
            .map(|k| k as f32 * SCALE_STEP)
            .collect();
        let mut column_options = vec![own_columns];
        if limits.columns && frame_height {
            column_options.extend(
                [own_columns.saturating_sub(1), own_columns.saturating_add(1)]
                    .into_iter()
                    .filter(|&c| c >= 1 && c != own_columns && c <= MAX_FIT_COLUMNS),
            );
        }

        let max_lines = if frame_height {
            limits.frame_lines as i32
        } else {
            0
        };
        // Each setting's plan: the frame height that leaves the fewest lines over or empty,
        // within the limit and the room on the page.
        let mut plans: Vec<((i32, i32), FitPlan)> = Vec::new();
        for &cols in &column_options {
            let reframed = (cols != own_columns).then(|| {
                let mut e = edition.clone();
                if let Some(f) = e.frame_mut(&frame.id)
                    && let FrameKind::Text { columns, .. } = &mut f.kind
                {
                    *columns = cols;
                }
                e
            });
            let setting_edition = reframed.as_ref().unwrap_or(edition);
            let columns = i32::from(cols.max(1));
            let balanced = balance && columns > 1;
            for &t in &trackings {
                for &sc in &scales {
                    let copyfit = Copyfit {
                        tracking_pct: t,
                        scale_pct: sc,
                        ..base
                    };
                    let over = if copyfit == base && cols == own_columns {
                        now
                    } else {
                        self.lines_over(setting_edition, resources, story, copyfit)
                    };
                    // The last frame gains (or loses) a line per column for each grid line
                    // of height; balanced columns may end a row short in some columns, so a
                    // part row counts as one when lines are over and none when empty.
                    let rows = if balanced && over > 0 {
                        (over + columns - 1) / columns
                    } else {
                        over / columns
                    };
                    let mut lines = rows.clamp(-max_lines, max_lines);
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
                    let left = match over - lines * columns {
                        l if balanced && l < 0 && l > -columns => 0,
                        l => l,
                    };
                    let mut edits = Vec::new();
                    if copyfit != base {
                        edits.push(Edit::SetCopyfit {
                            story: id.clone(),
                            copyfit,
                        });
                    }
                    if cols != own_columns
                        && let FrameKind::Text { .. } = frame.kind
                    {
                        let mut kind = frame.kind.clone();
                        if let FrameKind::Text { columns, .. } = &mut kind {
                            *columns = cols;
                        }
                        edits.push(Edit::SetFrameKind {
                            frame: frame.id.clone(),
                            kind,
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
                    // A tracking step costs as much as a grid line; a scale step two; a
                    // column more or fewer three.
                    let cost = ((t - base.tracking_pct).abs() / TRACKING_STEP).round() as i32
                        + 2 * ((sc - base.scale_pct).abs() / SCALE_STEP).round() as i32
                        + 3 * i32::from(cols != own_columns)
                        + lines.abs();
                    plans.push((
                        (left.abs(), cost),
                        FitPlan {
                            edits,
                            tracking_pct: t,
                            scale_pct: sc,
                            columns: (cols != own_columns).then_some(cols),
                            frame_lines: lines,
                        },
                    ));
                }
            }
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
