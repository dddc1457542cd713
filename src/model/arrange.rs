//! Arranging frames as a group: moving (drag, nudge), resizing a group by its bounding box,
//! aligning edges or centres, and distributing with equal gaps. Each returns the frame moves
//! as edits, one undo step for the editor; locked frames never move.

use super::{Edit, Edition, FrameId, Rect};

/// An edge or centre line to align a selection on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlignTo {
    Left,
    HCenter,
    Right,
    Top,
    VCenter,
    Bottom,
}

impl AlignTo {
    pub const ALL: [AlignTo; 6] = [
        Self::Left,
        Self::HCenter,
        Self::Right,
        Self::Top,
        Self::VCenter,
        Self::Bottom,
    ];
}

/// The axis along which frames are spaced evenly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Horizontal,
    Vertical,
}

/// The smallest rectangle holding all of `rects`.
pub fn bounding_box(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
    rects.into_iter().reduce(|a, b| {
        let (x0, y0) = (a.x.0.min(b.x.0), a.y.0.min(b.y.0));
        let (x1, y1) = (a.right().0.max(b.right().0), a.bottom().0.max(b.bottom().0));
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    })
}

/// `r` mapped from bounding box `from` to `to`: same place relative to the box, scaled with it.
pub fn scale_rect(r: Rect, from: Rect, to: Rect) -> Rect {
    let sx = if from.w.0 > 0.0 {
        to.w.0 / from.w.0
    } else {
        1.0
    };
    let sy = if from.h.0 > 0.0 {
        to.h.0 / from.h.0
    } else {
        1.0
    };
    Rect::new(
        to.x.0 + (r.x.0 - from.x.0) * sx,
        to.y.0 + (r.y.0 - from.y.0) * sy,
        r.w.0 * sx,
        r.h.0 * sy,
    )
}

impl Edition {
    /// The unlocked frames among `ids` with their rectangles, in the order given.
    fn movable(&self, ids: &[FrameId]) -> Vec<(FrameId, Rect)> {
        ids.iter()
            .filter_map(|id| self.frame(id))
            .filter(|(_, f)| !f.locked)
            .map(|(_, f)| (f.id.clone(), f.rect))
            .collect()
    }

    /// Moves the frames by `(dx, dy)` points: a drag of a group, or an arrow-key nudge.
    pub fn move_edits(&self, ids: &[FrameId], (dx, dy): (f32, f32)) -> Vec<Edit> {
        self.movable(ids)
            .into_iter()
            .map(|(frame, r)| Edit::SetFrameRect {
                frame,
                rect: Rect::new(r.x.0 + dx, r.y.0 + dy, r.w.0, r.h.0),
            })
            .collect()
    }

    /// Resizes a group: each frame keeps its place within the group's bounding box as the box
    /// goes from `from` to `to`, so a group scales like one picture.
    pub fn scale_group_edits(&self, ids: &[FrameId], from: Rect, to: Rect) -> Vec<Edit> {
        self.movable(ids)
            .into_iter()
            .map(|(frame, r)| Edit::SetFrameRect {
                frame,
                rect: scale_rect(r, from, to),
            })
            .collect()
    }

    /// Aligns the frames on the selection's outermost edge (left: the leftmost left edge) or
    /// on the centre line of its bounding box, as InDesign's Align panel does.
    pub fn align_edits(&self, ids: &[FrameId], to: AlignTo) -> Vec<Edit> {
        let frames = self.movable(ids);
        let Some(bbox) = bounding_box(frames.iter().map(|(_, r)| *r)) else {
            return Vec::new();
        };
        frames
            .into_iter()
            .filter_map(|(frame, r)| {
                let (x, y) = match to {
                    AlignTo::Left => (bbox.x.0, r.y.0),
                    AlignTo::Right => (bbox.right().0 - r.w.0, r.y.0),
                    AlignTo::HCenter => (bbox.x.0 + (bbox.w.0 - r.w.0) / 2.0, r.y.0),
                    AlignTo::Top => (r.x.0, bbox.y.0),
                    AlignTo::Bottom => (r.x.0, bbox.bottom().0 - r.h.0),
                    AlignTo::VCenter => (r.x.0, bbox.y.0 + (bbox.h.0 - r.h.0) / 2.0),
                };
                let moved = Rect::new(x, y, r.w.0, r.h.0);
                (moved != r).then_some(Edit::SetFrameRect { frame, rect: moved })
            })
            .collect()
    }

    /// Spaces the frames with equal gaps along `axis`: the first and last (by position) stay,
    /// the ones between move so every gap is the same. Needs three frames or more.
    pub fn distribute_edits(&self, ids: &[FrameId], axis: Axis) -> Vec<Edit> {
        let mut frames = self.movable(ids);
        if frames.len() < 3 {
            return Vec::new();
        }
        let start = |r: &Rect| match axis {
            Axis::Horizontal => r.x.0,
            Axis::Vertical => r.y.0,
        };
        let size = |r: &Rect| match axis {
            Axis::Horizontal => r.w.0,
            Axis::Vertical => r.h.0,
        };
        frames.sort_by(|a, b| start(&a.1).total_cmp(&start(&b.1)));
        let first = start(&frames[0].1);
        let last = &frames[frames.len() - 1].1;
        let span = start(last) + size(last) - first;
        let total: f32 = frames.iter().map(|(_, r)| size(r)).sum();
        let gap = (span - total) / (frames.len() - 1) as f32;
        let mut at = first;
        let mut edits = Vec::new();
        for (frame, r) in frames {
            let moved = match axis {
                Axis::Horizontal => Rect::new(at, r.y.0, r.w.0, r.h.0),
                Axis::Vertical => Rect::new(r.x.0, at, r.w.0, r.h.0),
            };
            at += size(&r) + gap;
            if (start(&moved) - start(&r)).abs() > 0.001 {
                edits.push(Edit::SetFrameRect { frame, rect: moved });
            }
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three_frames() -> (Edition, Vec<FrameId>) {
        let mut e = crate::sample::edition();
        let page = e.pages[0].id.clone();
        let mut ids = Vec::new();
        for (i, (x, y)) in [(100.0, 300.0), (160.0, 340.0), (400.0, 320.0)]
            .iter()
            .enumerate()
        {
            let id = FrameId::new(format!("t{i}"));
            let frame = crate::model::Frame::new(
                id.clone(),
                Rect::new(*x, *y, 40.0, 20.0 + 10.0 * i as f32),
                crate::model::FrameKind::Rule {
                    weight: crate::model::Length::Pt(1.0),
                    color: crate::model::Color::BLACK,
                    style: Default::default(),
                },
            );
            e.apply(Edit::InsertFrame {
                page: page.clone(),
                index: 0,
                frame,
            })
            .unwrap();
            ids.push(id);
        }
        (e, ids)
    }

    fn rect(e: &Edition, id: &FrameId) -> Rect {
        e.frame(id).unwrap().1.rect
    }

    #[test]
    fn aligning_tops_moves_every_frame_to_the_highest_top() {
        let (mut e, ids) = three_frames();
        let edits = e.align_edits(&ids, AlignTo::Top);
        e.apply_all(edits).unwrap();
        assert!(ids.iter().all(|id| rect(&e, id).y.0 == 300.0));
        let edits = e.align_edits(&ids, AlignTo::Right);
        e.apply_all(edits).unwrap();
        assert!(ids.iter().all(|id| rect(&e, id).right().0 == 440.0));
    }

    #[test]
    fn distributing_leaves_equal_gaps_and_the_ends_in_place() {
        let (mut e, ids) = three_frames();
        let edits = e.distribute_edits(&ids, Axis::Horizontal);
        e.apply_all(edits).unwrap();
        let r: Vec<Rect> = ids.iter().map(|id| rect(&e, id)).collect();
        assert_eq!(r[0].x.0, 100.0);
        assert_eq!(r[2].x.0, 400.0);
        let gap1 = r[1].x.0 - r[0].right().0;
        let gap2 = r[2].x.0 - r[1].right().0;
        assert!((gap1 - gap2).abs() < 0.01, "{gap1} {gap2}");
    }

    #[test]
    fn locked_frames_do_not_move_and_a_group_scales_as_one() {
        let (mut e, ids) = three_frames();
        e.apply(Edit::SetFrameLocked {
            frame: ids[0].clone(),
            locked: true,
        })
        .unwrap();
        let edits = e.move_edits(&ids, (5.0, 0.0));
        assert_eq!(edits.len(), 2, "the locked frame stays");
        let from = bounding_box(ids[1..].iter().map(|id| rect(&e, id))).unwrap();
        let to = Rect::new(from.x.0, from.y.0, from.w.0 * 2.0, from.h.0 * 2.0);
        let edits = e.scale_group_edits(&ids[1..], from, to);
        e.apply_all(edits).unwrap();
        assert_eq!(rect(&e, &ids[2]).right().0, to.right().0);
        assert_eq!(rect(&e, &ids[1]).w.0, 80.0);
    }
}
