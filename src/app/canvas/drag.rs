//! A drag in progress: frames follow the pointer snapped to the grid and to the other frames,
//! groups resize by their bounding box, and new frames and marquees are rubber-banded.

use egui::{Color32, Rect, Stroke, Vec2, pos2};

use super::{Canvas, Drag, PageGeom};
use crate::app::Intent;
use crate::app::history::Merge;
use crate::layout::snap::{Edges, SnapGrid};
use crate::model::{self, Edit, FrameId, PageTemplate};

impl Canvas {
    /// Carries on the drag in progress: frames follow the pointer, snapped to the grid and to
    /// the other frames' edges, with the line they snapped to shown.
    pub(super) fn drag_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        geom: &PageGeom,
        template: &PageTemplate,
        page: &model::Page,
        actions: &mut Vec<Intent>,
    ) {
        let Some(drag) = self.drag.clone() else {
            return;
        };
        let (pointer, down, free, shift) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.primary_down(),
                i.modifiers.alt,
                i.modifiers.shift,
            )
        });
        // The frames being dragged do not snap to themselves.
        let moving: Vec<&FrameId> = match &drag {
            Drag::Move { frames, .. } | Drag::Resize { frames, .. } => {
                frames.iter().map(|(id, _)| id).collect()
            }
            _ => Vec::new(),
        };
        let others = page
            .frames
            .iter()
            .filter(|f| !moving.contains(&&f.id))
            .map(|f| f.rect);
        // Six screen pixels, whatever the zoom; Alt places freely.
        let grid = if free {
            SnapGrid::free()
        } else {
            SnapGrid::new(template, 6.0 / geom.scale).with_frames(others)
        };
        let at = pointer.map(|p| geom.page_from_screen(p));
        match drag {
            Drag::Pan => {}
            Drag::Grab { ref frame, press } => {
                let d = at.map_or(Vec2::ZERO, |at| at - press);
                actions.push(Intent::Grab {
                    frame: frame.clone(),
                    drag: (d.x, d.y),
                    done: !down,
                });
                if !down {
                    self.drag = None;
                }
            }
            Drag::Move { ref frames, press } => {
                if let Some(at) = at
                    && let Some(bbox) = model::bounding_box(frames.iter().map(|(_, r)| *r))
                {
                    let d = at - press;
                    let moved =
                        model::Rect::new(bbox.x.0 + d.x, bbox.y.0 + d.y, bbox.w.0, bbox.h.0);
                    let snapped = grid.snap_move(moved);
                    snap_lines_ui(painter, geom, template, &grid, snapped);
                    let (dx, dy) = (snapped.x.0 - bbox.x.0, snapped.y.0 - bbox.y.0);
                    let edits = frames
                        .iter()
                        .map(|(frame, r)| Edit::SetFrameRect {
                            frame: frame.clone(),
                            rect: model::Rect::new(r.x.0 + dx, r.y.0 + dy, r.w.0, r.h.0),
                        })
                        .collect();
                    actions.push(Intent::Edit {
                        edits,
                        label: "undo-move-frame",
                        merge: Some(Merge::Drag(frames[0].0.clone())),
                    });
                }
                if !down {
                    self.drag = None;
                    actions.push(Intent::Commit);
                }
            }
            Drag::Resize {
                ref frames,
                bbox,
                handle,
                press,
            } => {
                if let Some(at) = at {
                    let d = at - press;
                    let mut to = grid.snap_resize(bbox, handle, (d.x, d.y));
                    if shift {
                        to = keep_aspect(bbox, to, handle);
                    }
                    snap_lines_ui(painter, geom, template, &grid, to);
                    actions.push(Intent::Edit {
                        edits: scale_rects(frames, bbox, to),
                        label: "undo-resize-frame",
                        merge: Some(Merge::Drag(frames[0].0.clone())),
                    });
                }
                if !down {
                    self.drag = None;
                    actions.push(Intent::Commit);
                }
            }
            Drag::Draw { page, press } => {
                let Some(at) = at else { return };
                let a = grid.snap_point((press.x, press.y));
                let b = grid.snap_point((at.x, at.y));
                let r = Rect::from_two_pos(pos2(a.0, a.1), pos2(b.0, b.1));
                rubber_band_ui(painter, geom, r, 30);
                if !down {
                    self.drag = None;
                    if r.width() >= 12.0 && r.height() >= 12.0 {
                        actions.push(Intent::Draw {
                            page,
                            rect: model::Rect::new(r.min.x, r.min.y, r.width(), r.height()),
                        });
                    }
                }
            }
            Drag::Marquee {
                page: index,
                press,
                add,
            } => {
                let Some(at) = at else { return };
                let r = Rect::from_two_pos(press, at);
                rubber_band_ui(painter, geom, r, 20);
                if !down {
                    self.drag = None;
                    // Every frame the rectangle touches, as InDesign selects.
                    let area = model::Rect::new(r.min.x, r.min.y, r.width(), r.height());
                    let frames = page
                        .frames
                        .iter()
                        .filter(|f| f.rect.overlaps(&area))
                        .map(|f| f.id.clone())
                        .collect();
                    actions.push(Intent::SelectMany {
                        page: index,
                        frames,
                        add,
                    });
                }
            }
        }
    }
}

/// The frames of a group, as they were when the drag began, mapped from bounding box `from`
/// to `to`.
fn scale_rects(frames: &[(FrameId, model::Rect)], from: model::Rect, to: model::Rect) -> Vec<Edit> {
    frames
        .iter()
        .map(|(frame, r)| Edit::SetFrameRect {
            frame: frame.clone(),
            rect: model::scale_rect(*r, from, to),
        })
        .collect()
}

/// The rectangle being drawn (a new frame, a marquee), in page points.
fn rubber_band_ui(painter: &egui::Painter, geom: &PageGeom, r: Rect, alpha: u8) {
    painter.rect(
        Rect::from_min_max(
            geom.screen_from_page(r.min.x, r.min.y),
            geom.screen_from_page(r.max.x, r.max.y),
        ),
        0.0,
        Color32::from_rgba_unmultiplied(0, 140, 255, alpha),
        Stroke::new(1.0, Color32::from_rgb(0, 140, 255)),
        egui::StrokeKind::Inside,
    );
}

/// `to` with the proportions of `from` (Shift-resize), anchored at the edges not being moved.
fn keep_aspect(from: model::Rect, to: model::Rect, handle: Edges) -> model::Rect {
    if from.w.0 <= 0.0 || from.h.0 <= 0.0 {
        return to;
    }
    let ratio = from.w.0 / from.h.0;
    let (mut w, mut h) = (to.w.0, to.h.0);
    // The larger relative change leads; a side handle leads with its own side.
    if handle.y == 0 || (handle.x != 0 && w / from.w.0 >= h / from.h.0) {
        h = w / ratio;
    } else {
        w = h * ratio;
    }
    let x = if handle.x == -1 {
        to.right().0 - w
    } else {
        to.x.0
    };
    let y = if handle.y == -1 {
        to.bottom().0 - h
    } else {
        to.y.0
    };
    model::Rect::new(x, y, w, h)
}

/// The grid or frame edges a dragged rectangle lies on, as lines across the page.
fn snap_lines_ui(
    painter: &egui::Painter,
    geom: &PageGeom,
    t: &PageTemplate,
    grid: &SnapGrid,
    r: model::Rect,
) {
    let stroke = Stroke::new(1.0, Color32::from_rgb(230, 40, 200));
    let (xs, ys) = grid.hits(r);
    for x in xs {
        painter.line_segment(
            [
                geom.screen_from_page(x, 0.0),
                geom.screen_from_page(x, t.height.pt().0),
            ],
            stroke,
        );
    }
    for y in ys {
        painter.line_segment(
            [
                geom.screen_from_page(0.0, y),
                geom.screen_from_page(t.width.pt().0, y),
            ],
            stroke,
        );
    }
}
