//! The page being designed: its frames as widgets (click, Shift-click, drag to move, Ctrl-drag
//! the photo in its frame), the selection's resize handles, and the marquee or new frame a drag
//! on empty page starts.

use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::overlay::{
    badges_ui, cursor, cut_candidates_ui, frame_color, lock_ui, missing_glyphs_ui, threads_ui,
};
use super::{Canvas, Drag, PageGeom, Tool, View};
use crate::app::Intent;
use crate::app::i18n::t;
use crate::layout::snap::Edges;
use crate::model::{self, FrameId, FrameKind, PageTemplate};

impl Canvas {
    /// Frames, handles, thread order and badges of the page being designed, and its drags.
    #[expect(clippy::too_many_arguments)]
    pub(super) fn page_ui(
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
        // A character no font has is marked wherever it is, guides or not: it prints as a box.
        if !view.preview {
            missing_glyphs_ui(painter, view.layout, index, &geom);
        }
        if view.guides {
            cut_candidates_ui(painter, view.layout, index, &geom);
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
}
