//! The solver: edges found where blocks meet, the cost of a block at a height, and the search
//! over the edges' positions.

use std::collections::HashMap;

use super::blocks::{Block, Flex, photo_at};
use crate::layout::fit::TRACKING_STEP;
use crate::model::{Frame, FrameKind, Rect};

/// Blocks whose feet and heads meet.
#[derive(Clone, Debug, Default)]
pub(super) struct Edge {
    pub(super) above: Vec<usize>,
    pub(super) below: Vec<usize>,
    /// Where the edge runs across the page, in points.
    pub(super) x0: f32,
    pub(super) x1: f32,
    /// The feet of the blocks above and the heads of those below.
    pub(super) upper: f32,
    pub(super) lower: f32,
}

/// The page as the solver sees it.
pub(super) struct Problem<'a> {
    pub(super) frames: &'a [Frame],
    pub(super) blocks: Vec<Block>,
    pub(super) edges: Vec<Edge>,
    /// Per block: the edge its head and its foot are on.
    pub(super) head: Vec<Option<usize>>,
    pub(super) foot: Vec<Option<usize>>,
    /// Frames nothing may move onto.
    pub(super) obstacles: Vec<usize>,
    pub(super) grid: f32,
    pub(super) area: Rect,
}

impl<'a> Problem<'a> {
    pub(super) fn new(frames: &'a [Frame], blocks: Vec<Block>, grid: f32, area: Rect) -> Self {
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
    pub(super) fn change(&self, b: usize, shifts: &[i32]) -> i32 {
        self.shift_of(self.foot[b], shifts) - self.shift_of(self.head[b], shifts)
    }

    pub(super) fn shift_of(&self, edge: Option<usize>, shifts: &[i32]) -> i32 {
        edge.map_or(0, |e| shifts[e])
    }

    /// Where frame `i` of block `b` goes when its head moves `top` lines and its foot `foot`.
    pub(super) fn moved(&self, b: usize, i: usize, top: i32, foot: i32) -> Rect {
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
    pub(super) fn block_rect(&self, b: usize, shifts: &[i32]) -> Rect {
        let top = self.shift_of(self.head[b], shifts) as f32 * self.grid;
        let foot = self.shift_of(self.foot[b], shifts) as f32 * self.grid;
        let r = self.blocks[b].rect;
        Rect::new(r.x.0, r.y.0 + top, r.w.0, r.h.0 + foot - top)
    }

    /// The cost of block `b` with the edges at `shifts`: infinite where it cannot go.
    pub(super) fn cost(&self, b: usize, shifts: &[i32]) -> f32 {
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
    pub(super) fn body_cost(&self, b: usize, d: i32) -> (f32, Option<(f32, i32)>) {
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
    pub(super) fn tracking(&self, b: usize, shifts: &[i32]) -> Option<(f32, i32)> {
        self.body_cost(b, self.change(b, shifts)).1
    }

    /// The cost of the blocks on `edges`, with the edges at `shifts`.
    pub(super) fn local(&self, edges: &[usize], shifts: &[i32]) -> f32 {
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
    pub(super) fn solve(&self, shifts: &mut [i32]) {
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
    pub(super) fn improve(&self, edges: &[usize], shifts: &mut [i32], range: i32) -> bool {
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
}
