//! Snapping: the lines a frame's edges are pulled to while it is drawn, moved or resized —
//! column edges, module lines, baselines, the type area and the page's edges. All in page
//! points; the editor converts the pointer to points and asks here, so the same rules serve
//! the canvas, tests and any tool that places frames.

use crate::model::{PageTemplate, Rect};

/// Which edges of a frame a resize moves: -1 left/top, 1 right/bottom, 0 neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edges {
    pub x: i8,
    pub y: i8,
}

impl Edges {
    /// The eight resize handles, clockwise from the top-left corner.
    pub const HANDLES: [Edges; 8] = [
        Edges { x: -1, y: -1 },
        Edges { x: 0, y: -1 },
        Edges { x: 1, y: -1 },
        Edges { x: 1, y: 0 },
        Edges { x: 1, y: 1 },
        Edges { x: 0, y: 1 },
        Edges { x: -1, y: 1 },
        Edges { x: -1, y: 0 },
    ];
}

/// Frames are never resized below this, so a handle can always be grabbed again.
pub const MIN_FRAME: f32 = 12.0;

/// The lines frames snap to on one page.
#[derive(Clone, Debug)]
pub struct SnapGrid {
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// How near, in points, an edge must come to snap.
    tolerance: f32,
}

impl SnapGrid {
    /// The grid of template `t`. `tolerance` is in points (the editor passes a fixed number of
    /// screen pixels divided by the zoom, so snapping feels the same at every zoom).
    pub fn new(t: &PageTemplate, tolerance: f32) -> Self {
        let area = t.type_area(false);
        let mut xs = vec![0.0, t.width.pt().0, area.x.0, area.right().0];
        for c in 0..t.columns {
            let x = t.column_x(c, false).0;
            xs.extend([x, x + t.column_width().0]);
        }
        let mut ys = vec![0.0, t.height.pt().0, area.y.0, area.bottom().0];
        let module = t.module_height().0;
        ys.extend((0..=t.modules).map(|k| area.y.0 + module * f32::from(k)));
        let baseline = t.baseline.pt().0;
        // A baseline grid finer than half a point would only add noise (and millions of lines
        // for a degenerate template).
        if baseline > 0.5 && area.h.0.is_finite() {
            let lines = (area.h.0 / baseline).floor().min(10_000.0) as usize;
            ys.extend((0..=lines).map(|k| area.y.0 + baseline * k as f32));
        }
        xs.retain(|v| v.is_finite());
        ys.retain(|v| v.is_finite());
        Self { xs, ys, tolerance }
    }

    /// Adds the edges and centre lines of other frames, so a frame can be lined up with its
    /// neighbours as well as with the grid.
    pub fn with_frames(mut self, frames: impl IntoIterator<Item = Rect>) -> Self {
        for r in frames {
            self.xs.extend([r.x.0, r.right().0, r.x.0 + r.w.0 / 2.0]);
            self.ys.extend([r.y.0, r.bottom().0, r.y.0 + r.h.0 / 2.0]);
        }
        self.xs.retain(|v| v.is_finite());
        self.ys.retain(|v| v.is_finite());
        self
    }

    /// The lines `r`'s edges lie on (x lines, y lines), to show what a drag snapped to.
    pub fn hits(&self, r: Rect) -> (Vec<f32>, Vec<f32>) {
        const ON: f32 = 0.01;
        let pick = |lines: &[f32], edges: [f32; 2]| {
            let mut hit: Vec<f32> = lines
                .iter()
                .copied()
                .filter(|l| edges.iter().any(|e| (l - e).abs() < ON))
                .collect();
            hit.sort_by(f32::total_cmp);
            hit.dedup_by(|a, b| (*a - *b).abs() < ON);
            hit
        };
        (
            pick(&self.xs, [r.x.0, r.right().0]),
            pick(&self.ys, [r.y.0, r.bottom().0]),
        )
    }

    /// No lines at all: what Alt-dragging uses to place freely.
    pub fn free() -> Self {
        Self {
            xs: Vec::new(),
            ys: Vec::new(),
            tolerance: 0.0,
        }
    }

    /// The nearest line to `v` within tolerance, as a correction to add.
    fn pull(lines: &[f32], v: f32, tolerance: f32) -> Option<f32> {
        lines
            .iter()
            .map(|l| l - v)
            .filter(|d| d.abs() <= tolerance)
            .min_by(|a, b| a.abs().total_cmp(&b.abs()))
    }

    pub fn snap_x(&self, v: f32) -> f32 {
        v + Self::pull(&self.xs, v, self.tolerance).unwrap_or(0.0)
    }

    pub fn snap_y(&self, v: f32) -> f32 {
        v + Self::pull(&self.ys, v, self.tolerance).unwrap_or(0.0)
    }

    /// A point (x, y) snapped on both axes.
    pub fn snap_point(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (self.snap_x(x), self.snap_y(y))
    }

    /// Moves `r` so whichever of its edges is nearest a line lands on it; the size is kept.
    pub fn snap_move(&self, r: Rect) -> Rect {
        let best = |lines: &[f32], a: f32, b: f32| {
            [
                Self::pull(lines, a, self.tolerance),
                Self::pull(lines, b, self.tolerance),
            ]
            .into_iter()
            .flatten()
            .min_by(|p, q| p.abs().total_cmp(&q.abs()))
            .unwrap_or(0.0)
        };
        let dx = best(&self.xs, r.x.0, r.right().0);
        let dy = best(&self.ys, r.y.0, r.bottom().0);
        Rect::new(r.x.0 + dx, r.y.0 + dy, r.w.0, r.h.0)
    }

    /// Moves the `edges` of `start` by (dx, dy), snapping each moved edge and keeping the frame
    /// at least [`MIN_FRAME`] points on each side.
    pub fn snap_resize(&self, start: Rect, edges: Edges, (dx, dy): (f32, f32)) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) =
            (start.x.0, start.y.0, start.right().0, start.bottom().0);
        match edges.x {
            -1 => x0 = self.snap_x(x0 + dx).min(x1 - MIN_FRAME),
            1 => x1 = self.snap_x(x1 + dx).max(x0 + MIN_FRAME),
            _ => {}
        }
        match edges.y {
            -1 => y0 = self.snap_y(y0 + dy).min(y1 - MIN_FRAME),
            1 => y1 = self.snap_y(y1 + dy).max(y0 + MIN_FRAME),
            _ => {}
        }
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_snap_to_columns_and_baselines() {
        let t = crate::sample::template();
        let grid = SnapGrid::new(&t, 3.0);
        let col = t.column_x(2, false).0;
        let area = t.type_area(false);
        let r = Rect::new(col + 2.0, area.y.0 + 1.5, 100.0, 50.0);
        let snapped = grid.snap_move(r);
        assert_eq!(snapped.x.0, col);
        assert!((snapped.y.0 - area.y.0).abs() < 0.01);
        assert_eq!(SnapGrid::free().snap_move(r), r, "Alt moves freely");
        // Resizing the right edge lands on a column's right edge.
        let right = col + t.column_width().0;
        let grown = grid.snap_resize(
            Rect::new(col, area.y.0, 40.0, 40.0),
            Edges { x: 1, y: 0 },
            (right - col - 40.0 + 1.0, 0.0),
        );
        assert!((grown.right().0 - right).abs() < 0.01);
    }

    #[test]
    fn frames_snap_to_their_neighbours_edges_and_say_which() {
        let t = crate::sample::template();
        let neighbour = Rect::new(333.3, 444.4, 50.0, 50.0);
        let grid = SnapGrid::new(&t, 3.0).with_frames([neighbour]);
        let moved = grid.snap_move(Rect::new(335.0, 600.0, 20.0, 20.0));
        assert!((moved.x.0 - 333.3).abs() < 0.01, "{moved:?}");
        let (xs, _) = grid.hits(moved);
        assert!(xs.iter().any(|x| (x - 333.3).abs() < 0.01));
    }

    #[test]
    fn a_resize_never_turns_a_frame_inside_out() {
        let grid = SnapGrid::free();
        let r = grid.snap_resize(
            Rect::new(100.0, 100.0, 50.0, 50.0),
            Edges { x: -1, y: -1 },
            (500.0, 500.0),
        );
        assert_eq!((r.w.0, r.h.0), (MIN_FRAME, MIN_FRAME));
    }
}
