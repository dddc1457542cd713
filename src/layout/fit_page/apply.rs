//! The page with the edges moved: blocks shifted and stretched, rules along (cut in two where
//! the edges under them part).

use super::solve::{Edge, Problem};
use crate::model::{Edition, Frame, FrameId, FrameKind, Rect};

impl Problem<'_> {
    /// The page with the edges at `shifts`: blocks moved and stretched, rules along.
    pub(super) fn apply(&self, edition: &mut Edition, page: usize, shifts: &[i32]) {
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
