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

use std::collections::HashMap;

use super::fit::TRACKING_STEP;
use super::{Item, Layouter};
use crate::model::{Copyfit, Edit, Edition, Fit, Frame, FrameId, FrameKind, Rect, StoryId};
use crate::resources::Resources;

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

/// A PPI under which growing a photo is not allowed (unless it is already lower).
const MIN_PPI: f32 = 200.0;

/// What gives in a block when its edges move.
#[derive(Clone, Copy, Debug)]
enum Flex {
    /// Nothing: the block moves but keeps its height.
    None,
    /// The last frame of the story's thread on the page grows or shrinks.
    Body { frame: usize, columns: i32 },
    /// A filled photo frame, with the height its caption takes, the photo's aspect (after
    /// the user's crop) and the share of it the frame may cut away.
    Photo {
        frame: usize,
        caption: f32,
        aspect: f32,
        max_loss: f32,
        px_h: f32,
        min_ppi: f32,
    },
}

/// One story's frames on the page.
#[derive(Clone, Debug)]
struct Block {
    story: StoryId,
    frames: Vec<usize>,
    rect: Rect,
    flex: Flex,
    locked: bool,
    /// Lines over as set now (the story's tracking, the block's height unchanged).
    over: i32,
    /// Each tracking the house allows, with the lines over it sets (height unchanged);
    /// estimated from the composer and corrected after each round.
    tracking: Vec<(f32, i32)>,
    /// The story's tracking now.
    base: f32,
    /// Body lines the thread holds after this page's frames.
    later: i32,
}

/// Blocks whose feet and heads meet.
#[derive(Clone, Debug, Default)]
struct Edge {
    above: Vec<usize>,
    below: Vec<usize>,
    x0: f32,
    x1: f32,
    /// The feet of the blocks above and the heads of those below.
    upper: f32,
    lower: f32,
}

/// The page as the solver sees it.
struct Problem<'a> {
    frames: &'a [Frame],
    blocks: Vec<Block>,
    edges: Vec<Edge>,
    /// Per block: the edge its head and its foot are on.
    head: Vec<Option<usize>>,
    foot: Vec<Option<usize>>,
    /// Frames nothing may move onto.
    obstacles: Vec<usize>,
    grid: f32,
    area: Rect,
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

/// The blocks of the stories with frames on page `page`. Stories whose frames overlap
/// another's block (not a rectangle of their own) are left out: they stay where they are.
fn blocks(
    edition: &Edition,
    resources: &dyn Resources,
    page: usize,
    fits: &HashMap<&StoryId, i32>,
    clips: &HashMap<&FrameId, Rect>,
    grid: f32,
) -> Vec<Block> {
    let frames = &edition.pages[page].frames;
    let mut out: Vec<Block> = Vec::new();
    for story in &edition.stories {
        let mut mine: Vec<usize> = Vec::new();
        let mut body: Option<(usize, usize)> = None; // (thread position, frame index)
        let mut photo = None;
        for (i, f) in frames.iter().enumerate() {
            match &f.kind {
                FrameKind::Headline { story: s, .. } if s == &story.id => mine.push(i),
                FrameKind::Photo { story: Some(s), .. } if s == &story.id => {
                    mine.push(i);
                    photo.get_or_insert(i);
                }
                FrameKind::Text { .. } => {
                    if let Some(at) = story.thread.iter().position(|t| t == &f.id) {
                        mine.push(i);
                        if body.is_none_or(|(b, _)| at > b) {
                            body = Some((at, i));
                        }
                    }
                }
                _ => {}
            }
        }
        let Some(rect) = mine
            .iter()
            .map(|&i| frames[i].rect)
            .reduce(|a, b| a.union(&b))
        else {
            continue;
        };
        let mut later = 0;
        let flex = if let Some((at, i)) = body {
            for id in &story.thread[at + 1..] {
                if let Some((_, f)) = edition.frame(id)
                    && let FrameKind::Text { columns, .. } = f.kind
                {
                    later += (f.text_rect().h.0 / grid).floor() as i32 * i32::from(columns.max(1));
                }
            }
            let FrameKind::Text { columns, .. } = frames[i].kind else {
                unreachable!("a body frame is a text frame")
            };
            Flex::Body {
                frame: i,
                columns: i32::from(columns.max(1)),
            }
        } else if let Some(i) = photo {
            photo_flex(edition, resources, &frames[i], i, clips)
        } else {
            Flex::None
        };
        out.push(Block {
            story: story.id.clone(),
            locked: mine.iter().any(|&i| frames[i].locked),
            frames: mine,
            rect,
            flex,
            over: fits.get(&story.id).copied().unwrap_or(0),
            tracking: Vec::new(),
            base: story.copyfit.tracking_pct,
            later,
        });
    }
    // A story spread over the page (its headline here, its body across another block) is
    // no rectangle: it stays put, and so do the blocks it overlaps.
    let tangled: Vec<bool> = (0..out.len())
        .map(|a| {
            (0..out.len()).any(|b| {
                a != b
                    && out[a]
                        .rect
                        .intersection(&out[b].rect)
                        .is_some_and(|r| r.w.0 > 1.0 && r.h.0 > 1.0)
            })
        })
        .collect();
    for (block, tangled) in out.iter_mut().zip(tangled) {
        if tangled {
            block.locked = true;
        }
    }
    out
}

/// How a filled photo frame may stretch.
fn photo_flex(
    edition: &Edition,
    resources: &dyn Resources,
    frame: &Frame,
    index: usize,
    clips: &HashMap<&FrameId, Rect>,
) -> Flex {
    let FrameKind::Photo {
        photo,
        fit: Fit::Fill,
        crop,
        ..
    } = &frame.kind
    else {
        return Flex::None;
    };
    let Some(p) = edition.photo(photo) else {
        return Flex::None;
    };
    let Ok((px_w, px_h)) = resources.photo_size(&p.path) else {
        return Flex::None;
    };
    let (kx, ky) = crop.kept();
    let (cw, ch) = (px_w as f32 * kx, px_h as f32 * ky);
    if cw < 1.0 || ch < 1.0 {
        return Flex::None;
    }
    let caption = clips
        .get(&frame.id)
        .map_or(0.0, |clip| (frame.rect.h.0 - clip.h.0).max(0.0));
    let aspect = cw / ch;
    let limit = edition.copyfit.photo_crop_pct / 100.0;
    let mut flex = Flex::Photo {
        frame: index,
        caption,
        aspect,
        max_loss: 0.0,
        px_h: ch,
        min_ppi: 0.0,
    };
    let (loss, ppi) = photo_at(flex, frame.rect.w.0, frame.rect.h.0);
    if let Flex::Photo {
        max_loss, min_ppi, ..
    } = &mut flex
    {
        *max_loss = limit.max(loss) + 1e-4;
        *min_ppi = MIN_PPI.min(ppi) - 0.5;
    }
    flex
}

/// The share of the photo a frame `w` × `h` cuts away, and the PPI it prints at.
fn photo_at(flex: Flex, w: f32, h: f32) -> (f32, f32) {
    let Flex::Photo {
        caption,
        aspect,
        px_h,
        ..
    } = flex
    else {
        return (0.0, f32::INFINITY);
    };
    let area_h = (h - caption).max(1.0);
    let area = w / area_h;
    let loss = 1.0 - (aspect / area).min(area / aspect);
    // Filling: the image is scaled to cover the area; its height in points over its pixels.
    let shown_h = area_h.max(w / aspect);
    let ppi = px_h / (shown_h / 72.0);
    (loss, ppi)
}

impl<'a> Problem<'a> {
    fn new(frames: &'a [Frame], blocks: Vec<Block>, grid: f32, area: Rect) -> Self {
        // Union-find over block feet (2b) and heads (2b + 1).
        let n = blocks.len();
        let mut parent: Vec<usize> = (0..2 * n).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut joined = vec![false; 2 * n];
        for a in 0..n {
            for b in 0..n {
                let (ra, rb) = (&blocks[a].rect, &blocks[b].rect);
                let overlap = ra.right().0.min(rb.right().0) - ra.x.0.max(rb.x.0);
                let gap = rb.y.0 - ra.bottom().0;
                if a == b
                    || blocks[a].locked
                    || blocks[b].locked
                    || overlap <= 1.0
                    || !(-0.5..=1.5 * grid).contains(&gap)
                {
                    continue;
                }
                let (x, y) = (root(&mut parent, 2 * a), root(&mut parent, 2 * b + 1));
                parent[x] = y;
                joined[2 * a] = true;
                joined[2 * b + 1] = true;
            }
        }
        let mut edges: Vec<Edge> = Vec::new();
        let mut index: HashMap<usize, usize> = HashMap::new();
        let (mut head, mut foot) = (vec![None; n], vec![None; n]);
        for (node, _) in joined.iter().enumerate().filter(|(_, j)| **j) {
            let r = root(&mut parent, node);
            let e = *index.entry(r).or_insert_with(|| {
                edges.push(Edge {
                    x0: f32::INFINITY,
                    x1: f32::NEG_INFINITY,
                    upper: f32::NEG_INFINITY,
                    lower: f32::INFINITY,
                    ..Edge::default()
                });
                edges.len() - 1
            });
            let b = node / 2;
            let rect = blocks[b].rect;
            let edge = &mut edges[e];
            edge.x0 = edge.x0.min(rect.x.0);
            edge.x1 = edge.x1.max(rect.right().0);
            if node % 2 == 0 {
                edge.above.push(b);
                edge.upper = edge.upper.max(rect.bottom().0);
                foot[b] = Some(e);
            } else {
                edge.below.push(b);
                edge.lower = edge.lower.min(rect.y.0);
                head[b] = Some(e);
            }
        }
        let in_block: Vec<bool> = {
            let mut v = vec![false; frames.len()];
            for b in &blocks {
                for &i in &b.frames {
                    v[i] = true;
                }
            }
            v
        };
        let obstacles = (0..frames.len())
            .filter(|&i| {
                !in_block[i]
                    && !matches!(
                        frames[i].kind,
                        FrameKind::Rule { .. } | FrameKind::Box { .. }
                    )
            })
            .collect();
        Self {
            frames,
            blocks,
            edges,
            head,
            foot,
            obstacles,
            grid,
            area,
        }
    }

    /// How many grid lines block `b` grows by.
    fn change(&self, b: usize, shifts: &[i32]) -> i32 {
        self.shift_of(self.foot[b], shifts) - self.shift_of(self.head[b], shifts)
    }

    fn shift_of(&self, edge: Option<usize>, shifts: &[i32]) -> i32 {
        edge.map_or(0, |e| shifts[e])
    }

    /// Where frame `i` of block `b` goes when its head moves `top` lines and its foot `foot`.
    fn moved(&self, b: usize, i: usize, top: i32, foot: i32) -> Rect {
        let block = &self.blocks[b];
        let mut r = self.frames[i].rect;
        let grow = (foot - top) as f32 * self.grid;
        let flex = match block.flex {
            Flex::Body { frame, .. } | Flex::Photo { frame, .. } => Some(frame),
            Flex::None => None,
        };
        r.y.0 += top as f32 * self.grid;
        match flex {
            Some(f) if f == i => r.h.0 += grow,
            // Frames under the stretching one go down (or up) with the foot.
            Some(f) if r.y.0 >= self.frames[f].rect.bottom().0 + top as f32 * self.grid - 0.5 => {
                r.y.0 += grow;
            }
            _ => {}
        }
        r
    }

    /// Block `b`'s rectangle with the edges at `shifts`.
    fn block_rect(&self, b: usize, shifts: &[i32]) -> Rect {
        let top = self.shift_of(self.head[b], shifts) as f32 * self.grid;
        let foot = self.shift_of(self.foot[b], shifts) as f32 * self.grid;
        let r = self.blocks[b].rect;
        Rect::new(r.x.0, r.y.0 + top, r.w.0, r.h.0 + foot - top)
    }

    /// The cost of block `b` with the edges at `shifts`: infinite where it cannot go.
    fn cost(&self, b: usize, shifts: &[i32]) -> f32 {
        let block = &self.blocks[b];
        let top = self.shift_of(self.head[b], shifts);
        let foot = self.shift_of(self.foot[b], shifts);
        let d = foot - top;
        if block.locked && (top != 0 || foot != 0) {
            return f32::INFINITY;
        }
        let grow = d as f32 * self.grid;
        let own = match block.flex {
            Flex::None if d != 0 => return f32::INFINITY,
            Flex::None => 0.0,
            Flex::Body { frame, .. } => {
                if self.frames[frame].rect.h.0 + grow < self.grid - 0.01 {
                    return f32::INFINITY;
                }
                self.body_cost(b, d).0
            }
            flex @ Flex::Photo {
                frame,
                max_loss,
                min_ppi,
                caption,
                ..
            } => {
                let r = self.frames[frame].rect;
                let h = r.h.0 + grow;
                if h < caption + self.grid {
                    return f32::INFINITY;
                }
                let (loss, ppi) = photo_at(flex, r.w.0, h);
                if loss > max_loss || ppi < min_ppi {
                    return f32::INFINITY;
                }
                0.0
            }
        };
        if top != 0 || foot != 0 {
            // No block moves onto another it was clear of (those not on a shared edge).
            let mine = self.block_rect(b, shifts);
            for c in 0..self.blocks.len() {
                if c != b
                    && mine.overlaps(&self.block_rect(c, shifts))
                    && !block.rect.overlaps(&self.blocks[c].rect)
                {
                    return f32::INFINITY;
                }
            }
            for &i in &block.frames {
                let before = self.frames[i].rect;
                let after = self.moved(b, i, top, foot);
                let inside = |r: &Rect| {
                    r.y.0 >= self.area.y.0 - 0.5 && r.bottom().0 <= self.area.bottom().0 + 0.5
                };
                if inside(&before) && !inside(&after) {
                    return f32::INFINITY;
                }
                for &o in &self.obstacles {
                    let other = &self.frames[o].rect;
                    if after.overlaps(other) && !before.overlaps(other) {
                        return f32::INFINITY;
                    }
                }
            }
        }
        own
    }

    /// The best tracking for body block `b` grown by `d` lines: its cost, and the option.
    /// Overset weighs double a hole on this page; holes in the thread's later frames (on
    /// other pages) hardly count; each tracking step away from the story's own costs a
    /// little more than moving an edge by a line.
    fn body_cost(&self, b: usize, d: i32) -> (f32, Option<(f32, i32)>) {
        let block = &self.blocks[b];
        let Flex::Body { columns, .. } = block.flex else {
            return (0.0, None);
        };
        let mut best = (f32::INFINITY, None);
        for &(t, over) in &block.tracking {
            let total = over - d * columns;
            let overset = total.max(0);
            let holes = (-total).max(0);
            let here = (holes - block.later).max(0);
            let cost = 4.0 * overset as f32
                + 2.0 * here as f32
                + 0.05 * (holes - here) as f32
                + 0.05 * ((t - block.base).abs() / TRACKING_STEP);
            if cost < best.0 {
                best = (cost, Some((t, over)));
            }
        }
        best
    }

    /// The tracking chosen for body block `b` with the edges at `shifts`.
    fn tracking(&self, b: usize, shifts: &[i32]) -> Option<(f32, i32)> {
        self.body_cost(b, self.change(b, shifts)).1
    }

    /// The cost of the blocks on `edges`, with the edges at `shifts`.
    fn local(&self, edges: &[usize], shifts: &[i32]) -> f32 {
        let mut seen: Vec<usize> = Vec::new();
        let mut sum = 0.0;
        for &e in edges {
            sum += 0.01 * shifts[e].abs() as f32;
            for &b in self.edges[e].above.iter().chain(&self.edges[e].below) {
                if !seen.contains(&b) {
                    seen.push(b);
                    sum += self.cost(b, shifts);
                }
            }
        }
        sum
    }

    /// Moves edges (one at a time, then two around a block together) while that helps.
    fn solve(&self, shifts: &mut [i32]) {
        let range = (self.area.h.0 / self.grid).ceil() as i32;
        let mut pairs: Vec<[usize; 2]> = Vec::new();
        for b in 0..self.blocks.len() {
            if let (Some(h), Some(f)) = (self.head[b], self.foot[b])
                && !pairs.contains(&[h, f])
            {
                pairs.push([h, f]);
            }
        }
        for _pass in 0..64 {
            let mut better = false;
            for e in 0..self.edges.len() {
                better |= self.improve(&[e], shifts, range);
            }
            for pair in &pairs {
                better |= self.improve(pair, shifts, range);
            }
            if !better {
                break;
            }
        }
    }

    /// Tries every common move of `edges` within `range`; keeps the best if it is better.
    fn improve(&self, edges: &[usize], shifts: &mut [i32], range: i32) -> bool {
        let now = self.local(edges, shifts);
        let start: Vec<i32> = edges.iter().map(|&e| shifts[e]).collect();
        let mut best = (now, 0);
        for delta in -range..=range {
            if delta == 0 {
                continue;
            }
            for (k, &e) in edges.iter().enumerate() {
                shifts[e] = start[k] + delta;
            }
            let cost = self.local(edges, shifts);
            if cost < best.0 - 1e-4 {
                best = (cost, delta);
            }
        }
        for (k, &e) in edges.iter().enumerate() {
            shifts[e] = start[k] + best.1;
        }
        best.1 != 0
    }

    /// The page with the edges at `shifts`: blocks moved and stretched, rules along.
    fn apply(&self, edition: &mut Edition, page: usize, shifts: &[i32]) {
        let mut frames = self.frames.to_vec();
        for b in 0..self.blocks.len() {
            let top = self.shift_of(self.head[b], shifts);
            let foot = self.shift_of(self.foot[b], shifts);
            for &i in &self.blocks[b].frames {
                frames[i].rect = self.moved(b, i, top, foot);
            }
        }
        let mut taken: std::collections::HashSet<FrameId> = edition
            .pages
            .iter()
            .flat_map(|p| p.frames.iter().map(|f| f.id.clone()))
            .collect();
        let mut out = Vec::with_capacity(frames.len());
        for frame in frames {
            if !matches!(frame.kind, FrameKind::Rule { .. }) || frame.locked {
                out.push(frame);
                continue;
            }
            let id = frame.id.clone();
            for (k, mut piece) in self.rule(frame, shifts).into_iter().enumerate() {
                // A cut rule's pieces after the first get fresh IDs: p1-rule-2, p1-rule-3 …
                if k > 0 {
                    let mut n = k + 1;
                    piece.id = loop {
                        let candidate = FrameId::new(format!("{id}-{n}"));
                        if !taken.contains(&candidate) {
                            break candidate;
                        }
                        n += 1;
                    };
                    taken.insert(piece.id.clone());
                }
                out.push(piece);
            }
        }
        edition.pages[page].frames = out;
    }

    /// Rule `i` after the edges it sits on moved: a horizontal rule in an edge's gap moves
    /// with it (cut where two edges under it part), a vertical rule's ends follow the edges
    /// they touch.
    fn rule(&self, mut frame: Frame, shifts: &[i32]) -> Vec<Frame> {
        let r = frame.rect;
        let half = self.grid * 0.5 + 0.5;
        if r.w.0 >= r.h.0 {
            let y = r.y.0 + r.h.0 * 0.5;
            let mut on: Vec<usize> = (0..self.edges.len())
                .filter(|&e| {
                    let edge = &self.edges[e];
                    y >= edge.upper - half
                        && y <= edge.lower + half
                        && r.right().0.min(edge.x1) - r.x.0.max(edge.x0) > 1.0
                })
                .collect();
            on.sort_by(|&a, &b| self.edges[a].x0.total_cmp(&self.edges[b].x0));
            match on.as_slice() {
                [] => vec![frame],
                [first, rest @ ..] if rest.iter().all(|&e| shifts[e] == shifts[*first]) => {
                    frame.rect.y.0 += shifts[*first] as f32 * self.grid;
                    vec![frame]
                }
                _ => {
                    // Cut midway between neighbouring edges' columns.
                    let mut pieces = Vec::new();
                    for (k, &e) in on.iter().enumerate() {
                        let x0 = if k == 0 {
                            r.x.0
                        } else {
                            (self.edges[on[k - 1]].x1 + self.edges[e].x0) * 0.5
                        };
                        let x1 = if k + 1 == on.len() {
                            r.right().0
                        } else {
                            (self.edges[e].x1 + self.edges[on[k + 1]].x0) * 0.5
                        };
                        let mut piece = frame.clone();
                        piece.rect = Rect::new(
                            x0,
                            r.y.0 + shifts[e] as f32 * self.grid,
                            (x1 - x0).max(1.0),
                            r.h.0,
                        );
                        pieces.push(piece);
                    }
                    pieces
                }
            }
        } else {
            let x = r.x.0 + r.w.0 * 0.5;
            let near = |edge: &Edge, y: f32| {
                (y - edge.lower).abs() <= half || (y - edge.upper).abs() <= half
            };
            let beside = |edge: &Edge| x >= edge.x0 - 2.0 * half && x <= edge.x1 + 2.0 * half;
            let at = |y: f32| -> Vec<i32> {
                (0..self.edges.len())
                    .filter(|&e| beside(&self.edges[e]) && near(&self.edges[e], y))
                    .map(|e| shifts[e])
                    .collect()
            };
            let top = at(r.y.0).into_iter().min().unwrap_or(0) as f32 * self.grid;
            let foot = at(r.bottom().0).into_iter().max().unwrap_or(0) as f32 * self.grid;
            let (y0, y1) = (r.y.0 + top, r.bottom().0 + foot);
            if y1 - y0 >= 1.0 {
                frame.rect = Rect::new(r.x.0, y0, r.w.0, y1 - y0);
            }
            vec![frame]
        }
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
