//! The window's working area: the pages panel on the left, the properties and styles panel on
//! the right, preflight below, and the canvas in the middle.

use super::i18n::t;
use super::{BroadsheetApp, RightTab, canvas, page_images, panels};

impl BroadsheetApp {
    pub(super) fn side_panels_ui(&mut self, ui: &mut egui::Ui) {
        let generation = self.doc.generation;
        let layout = self.doc.layout_arc();
        // Fixed widths: a panel that sized itself to its content would move the page sideways
        // each time the selection changes.
        egui::Panel::left("pages")
            .resizable(false)
            .exact_size(self.view.pages_width)
            .show(ui, |ui| {
                let mut thumb = page_images(
                    &mut self.images,
                    layout.clone(),
                    &self.doc.laid_with,
                    generation,
                );
                // A read-only window holds no page and moves none along.
                let newsroom = self.doc.live.as_ref().filter(|d| !d.server.read_only);
                let newsroom = newsroom.map(|d| panels::Newsroom {
                    user: &d.server.user,
                    role: d.live.role().unwrap_or(d.server.role),
                    room: d.live.room(),
                });
                panels::pages_ui(
                    ui,
                    &self.doc.edition,
                    self.doc.layout(),
                    self.page,
                    self.story.as_ref(),
                    &mut thumb,
                    newsroom.as_ref(),
                    &mut self.intents,
                );
            });
        egui::Panel::right("properties")
            .resizable(false)
            .exact_size(self.view.properties_width)
            .show(ui, |ui| {
                let live = self.doc.live.is_some();
                if !live && self.view.right_tab == RightTab::Comments {
                    self.view.right_tab = RightTab::Properties;
                }
                ui.horizontal(|ui| {
                    for (tab, id) in [
                        (RightTab::Properties, "tab-properties"),
                        (RightTab::Styles, "tab-styles"),
                        (RightTab::Comments, "tab-comments"),
                    ] {
                        if tab != RightTab::Comments || live {
                            ui.selectable_value(&mut self.view.right_tab, tab, t!(id));
                        }
                    }
                });
                ui.separator();
                match self.view.right_tab {
                    RightTab::Properties => {
                        let frame = self
                            .selected
                            .primary()
                            .and_then(|f| self.doc.edition.frame(f))
                            .map(|(_, f)| f);
                        panels::properties_ui(
                            ui,
                            &self.doc.edition,
                            self.doc.layout(),
                            &self.doc.jumps,
                            frame,
                            self.selected.len(),
                            self.story.as_ref(),
                            &mut self.intents,
                        );
                    }
                    RightTab::Comments => {
                        if let (Some(d), Some(page)) =
                            (&self.doc.live, self.doc.edition.pages.get(self.page))
                        {
                            let pin_at = self
                                .canvas
                                .pressed_at
                                .filter(|(i, _, _)| *i == self.page)
                                .map(|(_, x, y)| (x, y));
                            panels::comments_ui(
                                ui,
                                page,
                                &d.live.room().comments,
                                d.live.role().unwrap_or(d.server.role),
                                pin_at,
                                &mut self.intents,
                            );
                        }
                    }
                    RightTab::Styles => {
                        // Both ways: a long value (an English label, a font's name) scrolls
                        // inside the panel instead of widening it over the canvas.
                        egui::ScrollArea::both().show(ui, |ui| {
                            self.styles_panel.ui(
                                ui,
                                &self.doc.edition,
                                crate::resources::Resources::fonts(&*self.doc.assets),
                                &mut self.intents,
                            );
                        });
                    }
                }
            });
        if self.view.preflight {
            egui::Panel::bottom("preflight")
                .default_size(160.0)
                .show(ui, |ui| {
                    panels::preflight_ui(
                        ui,
                        &self.doc.edition,
                        self.doc.layout(),
                        &mut self.intents,
                    );
                });
        }
    }

    pub(super) fn canvas_ui(&mut self, ui: &mut egui::Ui) {
        let view = canvas::View {
            edition: &self.doc.edition,
            layout: self.doc.layout(),
            selected: &self.selected,
            pages: self.shown_pages(),
            guides: self.view.guides,
            preview: self.preview,
            comments: self
                .doc
                .live
                .as_ref()
                .map_or(&[], |d| d.live.room().comments.as_slice()),
        };
        let mut image = page_images(
            &mut self.images,
            self.doc.layout_arc(),
            &self.doc.laid_with,
            self.doc.generation,
        );
        let intents = self.canvas.ui(ui, &view, &mut image);
        drop(image);
        self.intents.extend(intents);
        if self.view.frame_time {
            self.frame_time_ui(ui);
        }
        if ui.input(|i| !i.raw.hovered_files.is_empty()) {
            let r = ui.max_rect();
            ui.painter()
                .rect_filled(r, 0.0, egui::Color32::from_black_alpha(120));
            ui.painter().text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                t!("canvas-drop-hint"),
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}
