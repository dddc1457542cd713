//! The window's chrome: the menu bar with the tools, the status bar, and the frame-time
//! overlay. Like everything that draws, it only pushes intents.

use super::i18n::{self, Language, t};
use super::{BroadsheetApp, Command, Intent, Tool, median, worker};

impl BroadsheetApp {
    pub(super) fn menus_ui(&mut self, ui: &mut egui::Ui) {
        let mut run = None;
        let selected = !self.selected.is_empty();
        let threaded = self
            .selected
            .primary()
            .is_some_and(|f| self.doc.edition.story_of_frame(f).is_some());
        let can_undo = self.doc.history.undo_label().is_some();
        let can_redo = self.doc.history.redo_label().is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t!("menu-file"), |ui| {
                Command::New.menu_button_ui(ui, true, &mut run);
                Command::Open.menu_button_ui(ui, true, &mut run);
                ui.menu_button(t!("menu-open-recent"), |ui| {
                    if self.view.recent.is_empty() {
                        ui.label(t!("menu-no-recent"));
                    }
                    for p in &self.view.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            self.intents.push(Intent::Open(p.clone()));
                            ui.close();
                        }
                    }
                });
                Command::Save.menu_button_ui(ui, true, &mut run);
                Command::SaveAs.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::ImportArticles.menu_button_ui(ui, true, &mut run);
                Command::ImportPhotos.menu_button_ui(ui, true, &mut run);
                Command::ExportPdf.menu_button_ui(ui, true, &mut run);
                Command::ExportData.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::EditionSettings.menu_button_ui(ui, true, &mut run);
                Command::Fonts.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::Connect.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::Quit.menu_button_ui(ui, true, &mut run);
            });
            ui.menu_button(t!("menu-edit"), |ui| {
                Command::Undo.menu_button_ui(ui, can_undo, &mut run);
                Command::Redo.menu_button_ui(ui, can_redo, &mut run);
                ui.separator();
                for c in [Command::Cut, Command::Copy] {
                    c.menu_button_ui(ui, selected, &mut run);
                }
                Command::Paste.menu_button_ui(ui, self.clipboard.is_some(), &mut run);
                Command::PasteInPlace.menu_button_ui(ui, self.clipboard.is_some(), &mut run);
                Command::Duplicate.menu_button_ui(ui, selected, &mut run);
                Command::DeleteFrame.menu_button_ui(ui, selected, &mut run);
                ui.separator();
                Command::SelectAll.menu_button_ui(ui, true, &mut run);
                Command::NextFrame.menu_button_ui(ui, true, &mut run);
                Command::PreviousFrame.menu_button_ui(ui, true, &mut run);
                Command::LockFrames.menu_button_ui(ui, selected, &mut run);
                ui.separator();
                Command::LinkFrame.menu_button_ui(ui, threaded, &mut run);
                Command::UnlinkFrame.menu_button_ui(ui, threaded, &mut run);
                ui.separator();
                for c in [
                    Command::ToolSelect,
                    Command::ToolTextFrame,
                    Command::ToolHeadlineFrame,
                    Command::ToolPhotoFrame,
                    Command::ToolRuleFrame,
                    Command::ToolBoxFrame,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
                ui.separator();
                Command::HeadlineBigger.menu_button_ui(ui, true, &mut run);
                Command::HeadlineSmaller.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::CommandPalette.menu_button_ui(ui, true, &mut run);
            });
            ui.menu_button(t!("menu-arrange"), |ui| {
                Command::FitStory.menu_button_ui(ui, self.story.is_some(), &mut run);
                Command::StoryEditor.menu_button_ui(ui, true, &mut run);
                Command::CopyfitPage.menu_button_ui(ui, true, &mut run);
                Command::ProposePage.menu_button_ui(ui, true, &mut run);
                ui.separator();
                let (two, three) = (self.selected.len() >= 2, self.selected.len() >= 3);
                for c in Command::ALIGN {
                    c.menu_button_ui(ui, two, &mut run);
                }
                ui.separator();
                Command::DistributeHorizontally.menu_button_ui(ui, three, &mut run);
                Command::DistributeVertically.menu_button_ui(ui, three, &mut run);
            });
            ui.menu_button(t!("menu-pages"), |ui| {
                for c in [
                    Command::NextPage,
                    Command::PreviousPage,
                    Command::AddPage,
                    Command::DeletePage,
                    Command::MovePageEarlier,
                    Command::MovePageLater,
                    Command::PageSetup,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
            });
            ui.menu_button(t!("menu-view"), |ui| {
                for c in [
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::FitPage,
                    Command::FitWidth,
                    Command::ActualSize,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
                ui.separator();
                for (c, on) in [
                    (Command::ToggleGuides, self.view.guides),
                    (Command::TogglePreview, self.preview),
                    (Command::TogglePreflight, self.view.preflight),
                    (Command::ToggleFrameTime, self.view.frame_time),
                ] {
                    let text = format!("{} {}", if on { "●" } else { "○" }, c.text());
                    let b = egui::Button::new(text).shortcut_text(c.shortcut_text(ui.ctx()));
                    if ui.add(b).on_hover_text(c.tooltip()).clicked() {
                        run = Some(c);
                        ui.close();
                    }
                }
                ui.separator();
                self.language_menu_ui(ui);
            });
            ui.separator();
            // The tools, one click away.
            for (tool, c, icon) in [
                (Tool::Select, Command::ToolSelect, t!("tool-select")),
                (Tool::Text, Command::ToolTextFrame, t!("tool-text")),
                (
                    Tool::Headline,
                    Command::ToolHeadlineFrame,
                    t!("tool-headline"),
                ),
                (Tool::Photo, Command::ToolPhotoFrame, t!("tool-photo")),
                (Tool::Rule, Command::ToolRuleFrame, t!("tool-rule")),
                (Tool::Box, Command::ToolBoxFrame, t!("tool-box")),
            ] {
                let r = ui
                    .selectable_label(self.canvas.tool == tool, icon)
                    .on_hover_text(format!("{} ({})", c.tooltip(), c.shortcut_text(ui.ctx())));
                if r.clicked() {
                    run = Some(c);
                }
            }
            ui.separator();
            let preview = ui
                .selectable_label(self.preview, t!("tool-preview"))
                .on_hover_text(Command::TogglePreview.tooltip());
            if preview.clicked() {
                run = Some(Command::TogglePreview);
            }
            for (c, enabled) in [(Command::Undo, can_undo), (Command::Redo, can_redo)] {
                let r = ui
                    .add_enabled(enabled, egui::Button::new(c.text()))
                    .on_hover_text(c.shortcut_text(ui.ctx()));
                if r.clicked() {
                    run = Some(c);
                }
            }
        });
        if let Some(c) = run {
            self.intents.push(Intent::Run(c));
        }
    }

    /// Follow the system's language, or pick one; the choice is kept between sessions.
    fn language_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(t!("menu-language"), |ui| {
            let mut choice = self.view.language;
            let system = t!(
                "menu-language-system",
                language = Language::from_system().native_name()
            );
            ui.radio_value(&mut choice, None, system);
            for language in Language::ALL {
                ui.radio_value(&mut choice, Some(language), language.native_name());
            }
            if choice != self.view.language {
                self.view.language = choice;
                i18n::set_language(self.language());
                ui.close();
            }
        });
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let edition = &self.doc.edition;
            let page = edition.page_label(self.page);
            ui.label(format!(
                "{} ({}/{})",
                t!("page-label", page = page),
                self.page + 1,
                edition.pages.len()
            ));
            ui.separator();
            ui.label(format!("{:.0}%", self.canvas.scale * 100.0));
            ui.separator();
            match self.canvas.pointer_mm {
                Some((p, x, y)) => ui.label(t!(
                    "status-pointer",
                    page = edition.page_label(p),
                    x = format!("{x:.1}"),
                    y = format!("{y:.1}")
                )),
                None => ui.label("—"),
            };
            ui.separator();
            if let Some(layout) = self.doc.layout() {
                let errors = layout
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::model::Severity::Error)
                    .count();
                let warnings = layout.diagnostics.len() - errors;
                let text = t!("status-findings", errors = errors, warnings = warnings);
                if ui
                    .link(text)
                    .on_hover_text(Command::TogglePreflight.tooltip())
                    .clicked()
                {
                    self.intents.push(Intent::Run(Command::TogglePreflight));
                }
            }
            ui.separator();
            for task in &self.tasks {
                ui.spinner();
                ui.label(format!(
                    "{}… {:.1} s",
                    task.name,
                    task.started.elapsed().as_secs_f32()
                ));
            }
            if self.doc.live.is_some() {
                self.newsroom_status_ui(ui);
            } else if self.doc.is_dirty() {
                ui.label(t!("status-unsaved"));
            }
            if let Some(status) = &self.status {
                ui.label(&status.text);
            }
        });
    }

    pub(super) fn frame_time_ui(&self, ui: &egui::Ui) {
        let text = format!(
            "UI {:.1} ms (median {:.1}) · whole frame {:.1} ms · layout {:.1} ms{}",
            self.frame_times.last().copied().unwrap_or(0.0),
            self.median_frame_ms(),
            median(&self.full_frame_times),
            self.doc.layout_ms,
            if self.images.as_ref().is_some_and(worker::PageImages::busy) {
                " · rendering"
            } else {
                ""
            }
        );
        let r = ui.max_rect();
        let painter = ui.painter();
        let galley =
            painter.layout_no_wrap(text, egui::FontId::monospace(12.0), egui::Color32::WHITE);
        let at = r.right_top() + egui::vec2(-galley.size().x - 10.0, 8.0);
        painter.rect_filled(
            egui::Rect::from_min_size(at, galley.size()).expand(4.0),
            3.0,
            egui::Color32::from_black_alpha(170),
        );
        painter.galley(at, galley, egui::Color32::WHITE);
        ui.ctx().request_repaint();
    }
}
