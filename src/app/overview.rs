//! The page list and the page canvas. The canvas paints the layout engine's display list
//! rasterised by [`crate::render`] — our glyph ids at our positions, exactly what the PDF
//! carries — and draws the guides and frame edges over it.

use crate::layout::EditionLayout;
use crate::model::{Edition, FrameKind};

/// Lists the pages and the stories with their copyfit badges; clicking a page shows it.
pub fn pages_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    current: &mut usize,
) {
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
    egui::ScrollArea::vertical().show(ui, |ui| {
        for story in &edition.stories {
            let badge = layout
                .and_then(|l| l.fits.iter().find(|f| f.story == story.id))
                .map(|f| f.badge())
                .unwrap_or_default();
            let color = match badge.chars().next() {
                Some('+') => egui::Color32::from_rgb(220, 60, 50),
                Some('−') => egui::Color32::from_rgb(200, 150, 40),
                _ => ui.visuals().weak_text_color(),
            };
            ui.horizontal(|ui| {
                ui.label(format!("· {}", story.headline));
                ui.colored_label(color, badge);
            });
        }
    });
}

/// A rendered page image kept between frames.
pub struct PageTexture {
    pub page: usize,
    pub width_px: u32,
    pub generation: u64,
    pub texture: egui::TextureHandle,
}

/// What the canvas shows.
pub struct PageView<'a> {
    pub edition: &'a Edition,
    pub layout: Option<&'a EditionLayout>,
    /// Changes whenever `layout` does.
    pub generation: u64,
    pub guides: bool,
    pub index: usize,
}

/// Draws the page scaled to fit: the rendered page, then guides and frame edges.
pub fn page_ui(
    ui: &mut egui::Ui,
    view: &PageView,
    cache: &mut Option<PageTexture>,
    render: &mut dyn FnMut(usize, f32) -> Option<egui::ColorImage>,
) {
    let PageView {
        edition,
        layout,
        generation,
        guides,
        index,
    } = *view;
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
    let page_rect = rect(t.trim());
    let painter = ui.painter();
    painter.rect_filled(page_rect, 0.0, egui::Color32::WHITE);

    // Re-render only when the page, its size on screen or the layout changed.
    let pixels_per_point = ui.ctx().pixels_per_point();
    let width_px = (page_rect.width() * pixels_per_point).round() as u32;
    let stale = cache
        .as_ref()
        .is_none_or(|c| c.page != index || c.width_px != width_px || c.generation != generation);
    if stale
        && layout.is_some()
        && let Some(image) = render(index, scale * pixels_per_point)
    {
        let texture = ui
            .ctx()
            .load_texture("page", image, egui::TextureOptions::LINEAR);
        *cache = Some(PageTexture {
            page: index,
            width_px,
            generation,
            texture,
        });
    }
    if let Some(c) = cache.as_ref().filter(|c| c.page == index) {
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(c.texture.id(), page_rect, uv, egui::Color32::WHITE);
    }
    if !guides {
        return;
    }
    let guide = egui::Stroke::new(
        1.0,
        egui::Color32::from_rgba_unmultiplied(200, 120, 220, 120),
    );
    let area = t.type_area(false);
    painter.rect_stroke(rect(area), 0.0, guide, egui::StrokeKind::Middle);
    for col in 1..t.columns {
        let x = t.column_x(col, false).0;
        for gx in [x - t.gutter_width().0, x] {
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
            FrameKind::Text { .. } => egui::Color32::from_rgba_unmultiplied(40, 110, 200, 140),
            FrameKind::Headline { .. } => egui::Color32::from_rgba_unmultiplied(200, 60, 40, 140),
            FrameKind::Photo { .. } => egui::Color32::from_rgba_unmultiplied(40, 150, 80, 140),
            FrameKind::Rule { .. } | FrameKind::Folio { .. } => continue,
        };
        painter.rect_stroke(
            rect(frame.rect),
            0.0,
            egui::Stroke::new(1.0, color),
            egui::StrokeKind::Inside,
        );
    }
    // Overset badges on the last frame of an overset story.
    if let Some(layout) = layout {
        for fit in layout.fits.iter().filter(|f| f.lines_over > 0) {
            let Some(story) = edition.story(&fit.story) else {
                continue;
            };
            let Some(last) = story.thread.last() else {
                continue;
            };
            if let Some(f) = page.frames.iter().find(|f| &f.id == last) {
                let r = rect(f.rect);
                painter.text(
                    r.right_bottom(),
                    egui::Align2::RIGHT_BOTTOM,
                    fit.badge(),
                    egui::FontId::proportional(13.0),
                    egui::Color32::from_rgb(220, 40, 40),
                );
            }
        }
    }
}
