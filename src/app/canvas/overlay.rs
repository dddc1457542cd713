//! What the canvas draws over the page image: guides, frame colours, thread order, copyfit
//! badges, padlocks, cursors, and the part of the page a zoomed-in view renders sharp.

use egui::{Color32, Rect, Stroke, vec2};

use super::PageGeom;
use crate::layout::EditionLayout;
use crate::layout::snap::Edges;
use crate::model::{self, Edition, FrameKind, PageTemplate};

/// A small padlock at a locked frame's top-right corner.
pub(super) fn lock_ui(painter: &egui::Painter, r: Rect) {
    let c = r.right_top() + vec2(-9.0, 9.0);
    let body = Rect::from_center_size(c + vec2(0.0, 2.0), vec2(9.0, 7.0));
    let color = Color32::from_rgb(90, 90, 90);
    painter.rect_filled(body, 1.0, color);
    painter.circle_stroke(c + vec2(0.0, -2.0), 3.0, Stroke::new(1.5, color));
}

pub(super) fn cursor(edges: Edges) -> egui::CursorIcon {
    use egui::CursorIcon as C;
    match (edges.x, edges.y) {
        (0, _) => C::ResizeVertical,
        (_, 0) => C::ResizeHorizontal,
        (-1, -1) | (1, 1) => C::ResizeNwSe,
        _ => C::ResizeNeSw,
    }
}

pub(super) fn frame_color(kind: &FrameKind) -> Color32 {
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
pub(super) fn visible_region(
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
pub(super) fn guides_ui(painter: &egui::Painter, geom: &PageGeom, t: &PageTemplate) {
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
pub(super) fn threads_ui(
    painter: &egui::Painter,
    edition: &Edition,
    page: &model::Page,
    geom: &PageGeom,
) {
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
pub(super) fn badges_ui(
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
            crate::app::diagnostics::badge(fit),
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

/// A red box round every glyph the fonts lack (the `.notdef` box that would print), so the
/// preflight's "no font has 龑" can be found on the page.
/// 编辑删行: for each story with lines over, the shortest last lines of its paragraphs, as
/// many as it is over, in amber with a 删 mark: cutting a line's few characters saves a line.
/// The text itself is never cut here.
pub(super) fn cut_candidates_ui(
    painter: &egui::Painter,
    layout: Option<&EditionLayout>,
    index: usize,
    geom: &PageGeom,
) {
    let Some(layout) = layout else {
        return;
    };
    let amber = Color32::from_rgb(235, 150, 20);
    let mark = crate::app::i18n::t!("cut-mark");
    for fit in layout.fits.iter().filter(|f| f.lines_over > 0) {
        for line in fit.cut_candidates() {
            if line.page != index {
                continue;
            }
            let r = line.rect;
            let rect = Rect::from_min_max(
                geom.screen_from_page(r.x.0, r.y.0),
                geom.screen_from_page(r.right().0, r.bottom().0),
            )
            .expand(1.5);
            painter.rect_filled(rect, 2.0, amber.gamma_multiply(0.25));
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.5, amber),
                egui::StrokeKind::Outside,
            );
            painter.text(
                rect.left_center() - vec2(3.0, 0.0),
                egui::Align2::RIGHT_CENTER,
                mark.as_str(),
                egui::FontId::proportional(rect.height().clamp(9.0, 16.0)),
                amber,
            );
        }
    }
}

pub(super) fn missing_glyphs_ui(
    painter: &egui::Painter,
    layout: Option<&EditionLayout>,
    index: usize,
    geom: &PageGeom,
) {
    let Some(page) = layout.and_then(|l| l.pages.get(index)) else {
        return;
    };
    let red = Color32::from_rgb(220, 30, 30);
    for run in page.runs() {
        if run.glyphs.iter().all(|g| g.id != 0) {
            continue;
        }
        for (cell, g) in run.glyph_boxes() {
            if g.id == 0 {
                // At least half an em along the line, so a zero-width box still shows.
                let min = run.size * 0.5;
                let (w, h) = if run.direction.is_horizontal() {
                    (cell.w.0.max(min), cell.h.0)
                } else {
                    (cell.w.0, cell.h.0.max(min))
                };
                let r = Rect::from_min_max(
                    geom.screen_from_page(cell.x.0, cell.y.0),
                    geom.screen_from_page(cell.x.0 + w, cell.y.0 + h),
                );
                painter.rect_stroke(
                    r.expand(2.0),
                    1.0,
                    Stroke::new(2.0, red),
                    egui::StrokeKind::Outside,
                );
            }
        }
    }
}
