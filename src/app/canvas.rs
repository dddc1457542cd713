//! The page canvas. It paints the layout engine's display list rasterised by
//! [`crate::render`] (our glyph ids at our positions, exactly what the PDF carries), then draws
//! guides, frame edges, thread order and badges over it, and turns pointer input into
//! [`Intent`]s. It never changes the document itself.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, pos2, vec2};

use super::Intent;
use super::history::Merge;
use super::i18n::t;
use crate::layout::EditionLayout;
use crate::layout::snap::{Edges, SnapGrid};
use crate::model::{self, Edit, Edition, FrameId, FrameKind, PageTemplate, Pt};

/// How much of the canvas, as a fraction of its width and height, the page always covers
/// however far it is panned: enough to see where on the page one is, never only its margin.
const KEEP_VISIBLE: f32 = 0.3;

/// How the page is scaled to the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    FitPage,
    FitWidth,
    /// Screen points per page point (1.0 = printed size at 72 dpi).
    Scale(f32),
}

/// What a drag on the page draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Select,
    Text,
    Headline,
    Photo,
    /// A straight rule along the drawn rectangle's longer side.
    Rule,
    /// A box: a tint (底纹) and/or a border.
    Box,
}

#[derive(Clone, Debug)]
enum Drag {
    /// Moving the selected frames; each with where it started.
    Move {
        frames: Vec<(FrameId, model::Rect)>,
        press: Pos2,
    },
    /// Resizing one frame, or a group by its bounding box.
    Resize {
        frames: Vec<(FrameId, model::Rect)>,
        bbox: model::Rect,
        handle: Edges,
        press: Pos2,
    },
    Draw {
        page: usize,
        press: Pos2,
    },
    /// Selecting the frames a rectangle touches; `add` (Shift) keeps the selection.
    Marquee {
        page: usize,
        press: Pos2,
        add: bool,
    },
    /// Moving the image inside a photo frame (Ctrl-drag): the content grabber.
    Grab {
        frame: FrameId,
        press: Pos2,
    },
    Pan,
}

/// The canvas's own state: zoom, pan, tool and the drag in progress.
pub struct Canvas {
    pub zoom: Zoom,
    pub pan: Vec2,
    pub tool: Tool,
    /// While set, the next click on a text frame continues this frame's story there.
    pub linking: Option<FrameId>,
    drag: Option<Drag>,
    /// The last scale used, so relative zooms start from what is on screen.
    pub scale: f32,
    /// Where the pointer is on the page, in millimetres, with the page index.
    pub pointer_mm: Option<(usize, f32, f32)>,
}

impl Default for Canvas {
    fn default() -> Self {
        Self {
            zoom: Zoom::FitPage,
            pan: Vec2::ZERO,
            tool: Tool::Select,
            linking: None,
            drag: None,
            scale: 1.0,
            pointer_mm: None,
        }
    }
}

/// What the canvas shows.
pub struct View<'a> {
    pub edition: &'a Edition,
    pub layout: Option<&'a EditionLayout>,
    pub selected: &'a super::Selection,
    /// The pages side by side: one, or a spread in preview.
    pub pages: Vec<usize>,
    pub guides: bool,
    pub preview: bool,
}

/// Maps one page's coordinates (points, trim top-left) to the screen.
#[derive(Clone, Copy)]
struct PageGeom {
    origin: Pos2,
    scale: f32,
}

impl PageGeom {
    fn screen_from_page(&self, x: f32, y: f32) -> Pos2 {
        self.origin + vec2(x, y) * self.scale
    }

    fn page_from_screen(&self, p: Pos2) -> Pos2 {
        ((p - self.origin) / self.scale).to_pos2()
    }

    fn rect(&self, r: model::Rect) -> Rect {
        Rect::from_min_max(
            self.screen_from_page(r.x.0, r.y.0),
            self.screen_from_page(r.right().0, r.bottom().0),
        )
    }
}

impl Canvas {
    /// Zooms by `factor` about the centre of the view.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = Zoom::Scale((self.scale * factor).clamp(0.05, 16.0));
        self.pan *= factor;
    }

    pub fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = zoom;
        self.pan = Vec2::ZERO;
    }

    /// Draws the pages and handles input. `image` gives the texture of a page at a pixel width.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View,
        image: &mut super::PageImage<'_>,
    ) -> Vec<Intent> {
        let mut actions = Vec::new();
        let edition = view.edition;
        let templates: Vec<&PageTemplate> = view
            .pages
            .iter()
            .filter_map(|&i| edition.pages.get(i))
            .filter_map(|p| edition.template(&p.template))
            .collect();
        if templates.len() != view.pages.len() || templates.is_empty() {
            ui.label(t!("canvas-no-page"));
            return actions;
        }
        let (canvas_rect, canvas) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let mut total_w: f32 = templates.iter().map(|t| t.width.pt().0).sum();
        // Facing pages: a lone page keeps its side of the spread (page 1 on the right, the
        // last even page on the left), so turning pages does not shift them.
        let mut lone_offset = 0.0;
        if view.preview && templates.len() == 1 {
            let w = templates[0].width.pt().0;
            total_w = 2.0 * w;
            if view.pages[0].is_multiple_of(2) {
                lone_offset = w;
            }
        }
        let max_h = templates
            .iter()
            .map(|t| t.height.pt().0)
            .fold(0.0, f32::max);
        let avail = canvas_rect.shrink(16.0);
        self.scale = match self.zoom {
            Zoom::FitPage => (avail.width() / total_w).min(avail.height() / max_h),
            Zoom::FitWidth => avail.width() / total_w,
            Zoom::Scale(s) => s,
        };
        self.input(ui, canvas_rect);
        let scale = self.scale;
        let size = vec2(total_w, max_h) * scale;
        let base = if self.zoom == Zoom::FitWidth {
            pos2(avail.center().x - size.x * 0.5, avail.top())
        } else {
            avail.center() - size * 0.5
        };
        // However far it is panned, a band of the page stays on screen: a page lost off the
        // edge is a page a designer has to find again.
        let keep = vec2(
            (avail.width() * KEEP_VISIBLE).min(size.x),
            (avail.height() * KEEP_VISIBLE).min(size.y),
        );
        let top_left = pos2(
            (base.x + self.pan.x).clamp(avail.left() - size.x + keep.x, avail.right() - keep.x),
            (base.y + self.pan.y).clamp(avail.top() - size.y + keep.y, avail.bottom() - keep.y),
        );
        self.pan = top_left - base;
        let painter = ui.painter_at(canvas_rect);
        painter.rect_filled(canvas_rect, 0.0, Color32::from_gray(92));

        let mut x = top_left.x + lone_offset * self.scale;
        let mut geoms = Vec::new();
        for (&index, t) in view.pages.iter().zip(&templates) {
            let geom = PageGeom {
                origin: pos2(x, top_left.y),
                scale,
            };
            x += t.width.pt().0 * scale;
            geoms.push((index, geom, *t));
            let page_rect = geom.rect(t.trim());
            painter.rect_filled(
                page_rect.translate(vec2(3.0, 3.0)),
                0.0,
                Color32::from_black_alpha(90),
            );
            painter.rect_filled(page_rect, 0.0, Color32::WHITE);
            // The sheet itself, for screen readers and tests: where the page is on screen.
            let sheet = ui.interact(
                page_rect,
                ui.scope_id().with(("sheet", index)),
                Sense::hover(),
            );
            let name = t!("a11y-sheet", page = edition.page_label(index));
            sheet.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
            let px = page_rect.width() * ui.ctx().pixels_per_point();
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            if let Some((texture, _)) = image(index, px, None) {
                painter.image(texture, page_rect, uv, Color32::WHITE);
            }
            // Zoomed in past what one page image holds: the visible part, sharp, on top.
            if px > super::worker::MAX_SIDE as f32
                && let Some(region) = visible_region(&geom, page_rect, canvas_rect, t)
                && let Some((texture, Some(shown))) = image(index, px, Some(region))
            {
                let [x, y, w, h] = shown.map(|v| v as f32);
                painter.image(
                    texture,
                    geom.rect(model::Rect::new(x, y, w, h)),
                    uv,
                    Color32::WHITE,
                );
            }
            if view.guides && !view.preview {
                guides_ui(&painter, &geom, t);
            }
        }
        // Where the pointer is, in millimetres on the page under it.
        self.pointer_mm = ui.input(|i| i.pointer.hover_pos()).and_then(|p| {
            geoms.iter().find_map(|(index, g, t)| {
                let q = g.page_from_screen(p);
                let inside =
                    q.x >= 0.0 && q.y >= 0.0 && q.x <= t.width.pt().0 && q.y <= t.height.pt().0;
                inside.then(|| (*index, Pt(q.x).to_mm(), Pt(q.y).to_mm()))
            })
        });
        if view.preview {
            return actions;
        }
        let Some(&(index, geom, template)) = geoms.first() else {
            return actions;
        };
        self.page_ui(
            ui,
            &painter,
            view,
            index,
            geom,
            template,
            &canvas,
            &mut actions,
        );
        actions
    }

    /// Zoom with Ctrl+wheel about the pointer, pan with the wheel, space-drag or middle-drag.
    fn input(&mut self, ui: &egui::Ui, rect: Rect) {
        let (zoom, scroll, pointer, middle, space, delta) = ui.input(|i| {
            (
                i.zoom_delta(),
                i.smooth_scroll_delta,
                i.pointer.hover_pos(),
                i.pointer.middle_down(),
                i.key_down(egui::Key::Space),
                i.pointer.delta(),
            )
        });
        let hovered = pointer.is_some_and(|p| rect.contains(p));
        if hovered && zoom != 1.0 {
            let old = self.scale;
            let new = (old * zoom).clamp(0.05, 16.0);
            // Keep the point under the pointer where it is.
            let anchor = pointer.unwrap_or(rect.center()) - rect.center();
            self.pan = anchor - (anchor - self.pan) * (new / old);
            self.zoom = Zoom::Scale(new);
            self.scale = new;
        }
        // Alt+wheel scales a photo inside its frame (see `page_ui`), not the view.
        let alt = ui.input(|i| i.modifiers.alt);
        if hovered && scroll != Vec2::ZERO && self.zoom != Zoom::FitPage && !alt {
            self.pan += scroll;
        }
        let panning = matches!(self.drag, Some(Drag::Pan));
        let pressed = ui.input(|i| i.pointer.primary_pressed());
        if hovered && (middle || (space && pressed)) && !panning {
            self.drag = Some(Drag::Pan);
        }
        if matches!(self.drag, Some(Drag::Pan)) {
            if middle || (space && ui.input(|i| i.pointer.primary_down())) {
                if self.zoom == Zoom::FitPage {
                    self.zoom = Zoom::Scale(self.scale);
                }
                self.pan += delta;
                ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            } else {
                self.drag = None;
            }
        }
    }

    /// Frames, handles, thread order and badges of the page being designed, and its drags.
    #[expect(clippy::too_many_arguments)]
    fn page_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        view: &View,
        index: usize,
        geom: PageGeom,
        template: &PageTemplate,
        canvas: &egui::Response,
        actions: &mut Vec<Intent>,
    ) {
        let edition = view.edition;
        let page = &edition.pages[index];
        let page_rect = geom.rect(template.trim());
        // Drags start where the button went down, not where egui decided it was a drag (a
        // fast hand is already some way off by then).
        let pointer = ui.input(|i| i.pointer.press_origin().or(i.pointer.interact_pos()));
        let to_page = |p: Pos2| geom.page_from_screen(p);

        let shift = ui.input(|i| i.modifiers.shift);
        // The page itself: deselect on click, draw new frames or a selection marquee by
        // dragging.
        if self.drag.is_none()
            && canvas.drag_started()
            && !ui.input(|i| i.key_down(egui::Key::Space))
        {
            if let Some(p) = pointer.filter(|p| page_rect.contains(*p)) {
                self.drag = Some(if self.tool == Tool::Select {
                    Drag::Marquee {
                        page: index,
                        press: to_page(p),
                        add: shift,
                    }
                } else {
                    Drag::Draw {
                        page: index,
                        press: to_page(p),
                    }
                });
            }
        } else if canvas.clicked() && self.tool == Tool::Select {
            self.linking = None;
            actions.push(Intent::Select(None));
        }

        if view.guides {
            for frame in &page.frames {
                let color = frame_color(&frame.kind);
                let r = geom.rect(frame.rect);
                let selected = view.selected.contains(&frame.id);
                let stroke = Stroke::new(if selected { 2.0 } else { 1.0 }, color);
                painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Inside);
                if frame.locked {
                    lock_ui(painter, r);
                }
            }
        }
        // One widget per frame, so clicks, drags and screen readers (and tests) find frames.
        for frame in &page.frames {
            let r = geom.rect(frame.rect);
            let id = ui.scope_id().with(("frame", &frame.id));
            let response = ui.interact(r, id, Sense::click_and_drag());
            let label = t!("a11y-frame", id = frame.id.as_str());
            let selected = view.selected.contains(&frame.id);
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
            });
            if response.hovered() && self.drag.is_none() {
                ui.ctx().set_cursor_icon(if self.tool == Tool::Select {
                    egui::CursorIcon::Move
                } else {
                    egui::CursorIcon::Crosshair
                });
                painter.rect_stroke(
                    r,
                    0.0,
                    Stroke::new(1.5, Color32::from_rgb(0, 140, 255)),
                    egui::StrokeKind::Outside,
                );
            }
            if self.tool != Tool::Select {
                if response.drag_started()
                    && let Some(p) = pointer
                {
                    self.drag = Some(Drag::Draw {
                        page: index,
                        press: to_page(p),
                    });
                }
                continue;
            }
            let photo = matches!(frame.kind, FrameKind::Photo { .. });
            // The content grabber: Ctrl-drag moves the image in its frame, Alt+wheel scales
            // it, a double-click fits it again.
            if photo && response.double_clicked() {
                actions.push(Intent::GrabReset(frame.id.clone()));
            }
            if photo && response.hovered() && ui.input(|i| i.modifiers.alt) {
                let wheel = ui.input(|i| i.smooth_scroll_delta.y);
                if wheel != 0.0 {
                    actions.push(Intent::GrabZoom {
                        frame: frame.id.clone(),
                        steps: wheel / 50.0,
                    });
                }
            }
            if photo
                && response.drag_started()
                && self.drag.is_none()
                && ui.input(|i| i.modifiers.command)
                && let Some(p) = pointer
            {
                self.drag = Some(Drag::Grab {
                    frame: frame.id.clone(),
                    press: to_page(p),
                });
                actions.push(Intent::Grab {
                    frame: frame.id.clone(),
                    drag: (0.0, 0.0),
                    done: false,
                });
                continue;
            }
            if response.clicked() {
                match self.linking.take() {
                    Some(from) if from != frame.id => actions.push(Intent::Link {
                        from,
                        to: frame.id.clone(),
                    }),
                    _ if shift => actions.push(Intent::ToggleSelect(frame.id.clone())),
                    _ => actions.push(Intent::Select(Some(frame.id.clone()))),
                }
            }
            if response.drag_started()
                && self.drag.is_none()
                && !ui.input(|i| i.key_down(egui::Key::Space))
                && let Some(p) = pointer
            {
                // Dragging a selected frame moves the whole selection; another frame is
                // selected first. Locked frames stay where they are.
                let group: Vec<FrameId> = if selected {
                    view.selected.frames().to_vec()
                } else {
                    actions.push(Intent::Select(Some(frame.id.clone())));
                    vec![frame.id.clone()]
                };
                let frames: Vec<(FrameId, model::Rect)> = group
                    .iter()
                    .filter_map(|id| page.frames.iter().find(|f| &f.id == id))
                    .filter(|f| !f.locked)
                    .map(|f| (f.id.clone(), f.rect))
                    .collect();
                if !frames.is_empty() {
                    self.drag = Some(Drag::Move {
                        frames,
                        press: to_page(p),
                    });
                }
            }
        }
        // Resize handles of the selection (one frame, or the group's bounding box).
        let chosen: Vec<(FrameId, model::Rect)> = page
            .frames
            .iter()
            .filter(|f| view.selected.contains(&f.id) && !f.locked)
            .map(|f| (f.id.clone(), f.rect))
            .collect();
        if self.tool == Tool::Select
            && let Some(bbox) = model::bounding_box(chosen.iter().map(|(_, r)| *r))
        {
            let r = geom.rect(bbox);
            if chosen.len() > 1 {
                painter.rect_stroke(
                    r,
                    0.0,
                    Stroke::new(1.0, Color32::from_rgb(0, 110, 220)),
                    egui::StrokeKind::Outside,
                );
            }
            for handle in Edges::HANDLES {
                let c = pos2(
                    r.center().x + f32::from(handle.x) * r.width() / 2.0,
                    r.center().y + f32::from(handle.y) * r.height() / 2.0,
                );
                let hr = Rect::from_center_size(c, vec2(9.0, 9.0));
                let id = ui.scope_id().with(("handle", handle.x, handle.y));
                let response = ui.interact(hr, id, Sense::drag());
                let label = t!("a11y-handle", x = handle.x, y = handle.y);
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                painter.rect_filled(hr, 1.0, Color32::WHITE);
                painter.rect_stroke(
                    hr,
                    1.0,
                    Stroke::new(1.0, Color32::from_rgb(0, 110, 220)),
                    egui::StrokeKind::Inside,
                );
                if response.hovered() {
                    ui.ctx().set_cursor_icon(cursor(handle));
                }
                if response.drag_started()
                    && let Some(p) = pointer
                {
                    self.drag = Some(Drag::Resize {
                        frames: chosen.clone(),
                        bbox,
                        handle,
                        press: to_page(p),
                    });
                }
            }
        }
        // Thread order and copyfit badges sit outside the text, and go with the guides.
        if view.guides {
            threads_ui(painter, edition, page, &geom);
            badges_ui(painter, edition, view.layout, page, &geom);
        }
        if let Some(from) = &self.linking {
            if let Some(f) = page.frames.iter().find(|f| &f.id == from) {
                painter.rect_stroke(
                    geom.rect(f.rect),
                    0.0,
                    Stroke::new(3.0, Color32::from_rgb(250, 140, 0)),
                    egui::StrokeKind::Outside,
                );
            }
            ui.ctx().set_cursor_icon(egui::CursorIcon::Alias);
        }
        self.drag_ui(ui, painter, &geom, template, page, actions);
    }

    /// Carries on the drag in progress: frames follow the pointer, snapped to the grid and to
    /// the other frames' edges, with the line they snapped to shown.
    fn drag_ui(
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

/// A small padlock at a locked frame's top-right corner.
fn lock_ui(painter: &egui::Painter, r: Rect) {
    let c = r.right_top() + vec2(-9.0, 9.0);
    let body = Rect::from_center_size(c + vec2(0.0, 2.0), vec2(9.0, 7.0));
    let color = Color32::from_rgb(90, 90, 90);
    painter.rect_filled(body, 1.0, color);
    painter.circle_stroke(c + vec2(0.0, -2.0), 3.0, Stroke::new(1.5, color));
}

fn cursor(edges: Edges) -> egui::CursorIcon {
    use egui::CursorIcon as C;
    match (edges.x, edges.y) {
        (0, _) => C::ResizeVertical,
        (_, 0) => C::ResizeHorizontal,
        (-1, -1) | (1, 1) => C::ResizeNwSe,
        _ => C::ResizeNeSw,
    }
}

fn frame_color(kind: &FrameKind) -> Color32 {
    match kind {
        FrameKind::Text { .. } => Color32::from_rgba_unmultiplied(40, 110, 200, 160),
        FrameKind::Headline { .. } => Color32::from_rgba_unmultiplied(200, 60, 40, 160),
        FrameKind::Photo { .. } => Color32::from_rgba_unmultiplied(40, 150, 80, 160),
        FrameKind::Rule { .. } | FrameKind::Box { .. } | FrameKind::Folio { .. } => {
            Color32::from_rgba_unmultiplied(120, 120, 120, 120)
        }
    }
}

/// The part of the page on screen, in points, padded and snapped to a 64 pt grid so small pans
/// reuse the same image.
fn visible_region(
    geom: &PageGeom,
    page_rect: Rect,
    canvas_rect: Rect,
    t: &PageTemplate,
) -> Option<[i32; 4]> {
    const STEP: f32 = 64.0;
    let visible = page_rect.intersect(canvas_rect);
    if !visible.is_positive() {
        return None;
    }
    let (a, b) = (
        geom.page_from_screen(visible.min),
        geom.page_from_screen(visible.max),
    );
    let snap_down = |v: f32| ((v - STEP / 2.0) / STEP).floor().max(0.0) * STEP;
    let snap_up = |v: f32, max: f32| (((v + STEP / 2.0) / STEP).ceil() * STEP).min(max.ceil());
    let (x0, y0) = (snap_down(a.x), snap_down(a.y));
    let (x1, y1) = (snap_up(b.x, t.width.pt().0), snap_up(b.y, t.height.pt().0));
    (x1 > x0 && y1 > y0).then_some([x0 as i32, y0 as i32, (x1 - x0) as i32, (y1 - y0) as i32])
}

/// Margins (the type area), columns, modules and the baseline grid.
fn guides_ui(painter: &egui::Painter, geom: &PageGeom, t: &PageTemplate) {
    let guide = Stroke::new(1.0, Color32::from_rgba_unmultiplied(200, 120, 220, 140));
    let module = Stroke::new(1.0, Color32::from_rgba_unmultiplied(60, 180, 200, 90));
    let baseline = Stroke::new(1.0, Color32::from_rgba_unmultiplied(80, 160, 255, 28));
    let area = t.type_area(false);
    let (top, bottom) = (area.y.0, area.bottom().0);
    let step = t.baseline.pt().0;
    // Draw the baseline grid only when its lines are far enough apart to read.
    if step * geom.scale >= 4.0 {
        let mut y = top;
        while y <= bottom + 0.01 {
            painter.line_segment(
                [
                    geom.screen_from_page(area.x.0, y),
                    geom.screen_from_page(area.right().0, y),
                ],
                baseline,
            );
            y += step;
        }
    }
    let mh = t.module_height().0;
    for k in 1..t.modules {
        let y = top + mh * f32::from(k);
        painter.line_segment(
            [
                geom.screen_from_page(area.x.0, y),
                geom.screen_from_page(area.right().0, y),
            ],
            module,
        );
    }
    painter.rect_stroke(geom.rect(area), 0.0, guide, egui::StrokeKind::Middle);
    for col in 1..t.columns {
        let x = t.column_x(col, false).0;
        for gx in [x - t.gutter_width().0, x] {
            painter.line_segment(
                [
                    geom.screen_from_page(gx, top),
                    geom.screen_from_page(gx, bottom),
                ],
                guide,
            );
        }
    }
}

/// Thread order: each threaded text frame gets its place in its story's thread, and arrows join
/// consecutive frames on this page.
fn threads_ui(painter: &egui::Painter, edition: &Edition, page: &model::Page, geom: &PageGeom) {
    let color = Color32::from_rgb(0, 110, 220);
    for story in &edition.stories {
        let mut previous: Option<Rect> = None;
        for (n, id) in story.thread.iter().enumerate() {
            let Some(frame) = page.frames.iter().find(|f| &f.id == id) else {
                previous = None;
                continue;
            };
            let r = geom.rect(frame.rect);
            if let Some(p) = previous {
                let from = p.right_bottom() - vec2(8.0, 8.0);
                let to = r.left_top() + vec2(8.0, 8.0);
                painter.arrow(from, to - from, Stroke::new(1.5, color));
            }
            // On the frame's top-left corner, straddling its edge, so it covers no text.
            let badge = r.left_top();
            painter.circle_filled(badge, 8.0, color);
            painter.text(
                badge,
                egui::Align2::CENTER_CENTER,
                (n + 1).to_string(),
                egui::FontId::proportional(11.0),
                Color32::WHITE,
            );
            let last = n + 1 == story.thread.len();
            let more = if last { "" } else { " →" };
            // On a light plate, so the label stays readable over body text.
            let galley = painter.layout_no_wrap(
                format!("{}{more}", story.id),
                egui::FontId::proportional(10.0),
                color,
            );
            let at = badge + vec2(12.0, -galley.size().y / 2.0);
            painter.rect_filled(
                Rect::from_min_size(at, galley.size()).expand(2.0),
                2.0,
                Color32::from_white_alpha(220),
            );
            painter.galley(at, galley, color);
            previous = Some(r);
        }
    }
}

/// `+7 lines` / `−3 lines` on the last frame of a story that does not fit.
fn badges_ui(
    painter: &egui::Painter,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    page: &model::Page,
    geom: &PageGeom,
) {
    let Some(layout) = layout else { return };
    for fit in layout.fits.iter().filter(|f| f.lines_over != 0) {
        let Some(last) = edition.story(&fit.story).and_then(|s| s.thread.last()) else {
            continue;
        };
        let Some(f) = page.frames.iter().find(|f| &f.id == last) else {
            continue;
        };
        let r = geom.rect(f.rect);
        let color = if fit.lines_over > 0 {
            Color32::from_rgb(210, 40, 40)
        } else {
            Color32::from_rgb(190, 130, 20)
        };
        let galley = painter.layout_no_wrap(
            super::diagnostics::badge(fit),
            egui::FontId::proportional(13.0),
            Color32::WHITE,
        );
        // Straddling the frame's bottom edge at the right, over the gutter below rather than
        // the last lines of text.
        let at = r.right_bottom() - vec2(galley.size().x + 4.0, galley.size().y / 2.0);
        painter.rect_filled(
            Rect::from_min_size(at, galley.size()).expand(3.0),
            3.0,
            color,
        );
        painter.galley(at, galley, Color32::WHITE);
    }
}
