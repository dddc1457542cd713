//! The page list and a geometry view of a page: trim, type area, columns and frames.

use crate::model::{Edition, FrameKind};

/// Lists the pages; clicking one shows it.
pub fn pages_ui(ui: &mut egui::Ui, edition: &Edition, current: &mut usize) {
    ui.heading(&edition.paper);
    ui.label(&edition.date);
    ui.separator();
    for (i, page) in edition.pages.iter().enumerate() {
        let label = format!("第{}版  {}", edition.page_label(i), page.title);
        if ui.selectable_label(*current == i, label).clicked() {
            *current = i;
        }
    }
    ui.separator();
    ui.label(format!("{} stories", edition.stories.len()));
    for story in &edition.stories {
        ui.label(format!("· {}", story.headline));
    }
}

/// Draws page `index` scaled to fit: trim, type area, column guides and frame outlines.
pub fn page_ui(ui: &mut egui::Ui, edition: &Edition, index: usize) {
    let Some(page) = edition.pages.get(index) else {
        return;
    };
    let Some(t) = edition.template(&page.template) else {
        return;
    };
    let avail = ui.available_rect_before_wrap().shrink(16.0);
    let (w, h) = (t.width.pt().0, t.height.pt().0);
    let scale = (avail.width() / w).min(avail.height() / h);
    let origin = avail.center() - egui::vec2(w, h) * scale * 0.5;
    let screen_from_page = |x: f32, y: f32| origin + egui::vec2(x, y) * scale;
    let rect = |r: crate::model::Rect| {
        egui::Rect::from_min_max(
            screen_from_page(r.x.0, r.y.0),
            screen_from_page(r.right().0, r.bottom().0),
        )
    };
    let painter = ui.painter();
    painter.rect_filled(rect(t.trim()), 0.0, egui::Color32::WHITE);
    let guide = egui::Stroke::new(1.0, egui::Color32::from_rgb(200, 120, 220));
    let area = t.type_area(false);
    painter.rect_stroke(rect(area), 0.0, guide, egui::StrokeKind::Middle);
    for col in 1..t.columns {
        let x = t.column_x(col, false).0;
        let g = x - t.gutter.pt().0;
        for gx in [g, x] {
            painter.line_segment(
                [
                    screen_from_page(gx, area.y.0),
                    screen_from_page(gx, area.bottom().0),
                ],
                guide,
            );
        }
    }
    for frame in &page.frames {
        let color = match frame.kind {
            FrameKind::Text { .. } => egui::Color32::from_rgb(40, 110, 200),
            FrameKind::Headline { .. } => egui::Color32::from_rgb(200, 60, 40),
            FrameKind::Photo { .. } => egui::Color32::from_rgb(40, 150, 80),
            FrameKind::Rule { .. } | FrameKind::Folio { .. } => egui::Color32::DARK_GRAY,
        };
        let r = rect(frame.rect);
        painter.rect_stroke(
            r,
            0.0,
            egui::Stroke::new(1.0, color),
            egui::StrokeKind::Inside,
        );
        if let FrameKind::Headline { story } = &frame.kind
            && let Some(s) = edition.story(story)
        {
            painter.text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                &s.headline,
                egui::FontId::proportional(14.0),
                color,
            );
        }
    }
}
