//! The page canvas. It paints the layout engine's display list rasterised by
//! [`crate::render`] (our glyph ids at our positions, exactly what the PDF carries), then draws
//! guides, frame edges, thread order and badges over it, and turns pointer input into
//! [`Intent`]s. It never changes the document itself.

use egui::{Color32, Pos2, Rect, Sense, Vec2, pos2, vec2};

use super::Intent;

use super::i18n::t;
use crate::layout::EditionLayout;
use crate::layout::snap::Edges;
use crate::model::{self, Edition, FrameId, PageTemplate, Pt};

mod drag;
mod frames;
mod overlay;

use overlay::{guides_ui, visible_region};

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
    /// Where the page was last pressed (page index, x and y in points): where a new comment
    /// is pinned.
    pub pressed_at: Option<(usize, f32, f32)>,
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
            pressed_at: None,
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
    /// A server edition's comments (批注), drawn as numbered pins.
    pub comments: &'a [crate::store::Comment],
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
        if ui.input(|i| i.pointer.primary_pressed())
            && let Some(p) = ui.input(|i| i.pointer.interact_pos())
            && canvas_rect.contains(p)
        {
            self.pressed_at = geoms.iter().find_map(|(index, g, t)| {
                let q = g.page_from_screen(p);
                let inside =
                    q.x >= 0.0 && q.y >= 0.0 && q.x <= t.width.pt().0 && q.y <= t.height.pt().0;
                inside.then_some((*index, q.x, q.y))
            });
        }
        pins_ui(ui, canvas_rect, view, &geoms);
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
}

/// The comments pinned on the pages shown: a numbered disc at each point (grey once resolved),
/// above the page and its frames.
fn pins_ui(ui: &egui::Ui, clip: Rect, view: &View, geoms: &[(usize, PageGeom, &PageTemplate)]) {
    if view.comments.is_empty() {
        return;
    }
    let painter = ui
        .ctx()
        .layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            ui.scope_id().with("pins"),
        ))
        .with_clip_rect(clip);
    for (index, geom, _) in geoms {
        let Some(page) = view.edition.pages.get(*index) else {
            continue;
        };
        for (n, c) in super::panels::pins(view.comments, page.id.as_str())
            .into_iter()
            .enumerate()
        {
            let at = geom.screen_from_page(c.x, c.y);
            let fill = if c.resolved_by.is_some() {
                Color32::from_gray(150)
            } else {
                Color32::from_rgb(230, 60, 40)
            };
            painter.circle(at, 11.0, fill, egui::Stroke::new(1.5, Color32::WHITE));
            painter.text(
                at,
                egui::Align2::CENTER_CENTER,
                (n + 1).to_string(),
                egui::FontId::proportional(13.0),
                Color32::WHITE,
            );
            let r = ui.interact(
                Rect::from_center_size(at, vec2(22.0, 22.0)),
                ui.scope_id().with(("pin", c.id)),
                Sense::hover(),
            );
            let name = t!("comment-pin-a11y", number = n + 1, name = c.author.as_str());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
            r.on_hover_text(format!("{}：{}", c.author, c.body));
        }
    }
}
