//! Keyboard, clipboard and window events that are not a widget's: shortcuts, Esc, the arrow
//! keys and Tab on the page, copy/cut/paste, dropped files and the close button. Each becomes an
//! [`Intent`] for [`BroadsheetApp::logic`].

use super::{BroadsheetApp, Command, Intent, Tool};
use std::path::PathBuf;

impl BroadsheetApp {
    /// Turns this frame's keyboard, dropped files and window events into intents.
    pub(super) fn input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.intents.push(Intent::Dropped(dropped));
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.intents.push(Intent::CloseRequested);
        }
        if self.modal.is_some() {
            return;
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.canvas.linking = None;
            self.canvas.tool = Tool::Select;
            if self.preview {
                self.set_preview(false);
            } else {
                self.selected.clear();
            }
        }
        if !ctx.egui_wants_keyboard_input() {
            self.clipboard_events(ctx);
            self.arrow_keys(ctx);
            // Tab and the arrows belong to the page while no field is being typed in: egui
            // would also move the keyboard focus between widgets with them.
            let page_keys = ctx.input(|i| {
                i.events.iter().any(|e| {
                    matches!(e, egui::Event::Key { key, pressed: true, .. }
                        if matches!(key, egui::Key::Tab | egui::Key::ArrowLeft
                            | egui::Key::ArrowRight | egui::Key::ArrowUp | egui::Key::ArrowDown))
                })
            });
            if page_keys {
                ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            }
        }
        self.intents
            .extend(Command::from_input(ctx).into_iter().map(Intent::Run));
    }

    /// Copy, cut and paste as the window system delivers them (eframe turns Ctrl+C/X/V into
    /// these events, with the system clipboard's text for a paste).
    pub(super) fn clipboard_events(&mut self, ctx: &egui::Context) {
        let events: Vec<egui::Event> = ctx.input(|i| {
            i.events
                .iter()
                .filter(|e| {
                    matches!(
                        e,
                        egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)
                    )
                })
                .cloned()
                .collect()
        });
        for e in events {
            match e {
                egui::Event::Copy => self.intents.push(Intent::Run(Command::Copy)),
                egui::Event::Cut => self.intents.push(Intent::Run(Command::Cut)),
                egui::Event::Paste(text) => self.intents.push(Intent::PasteText(text)),
                _ => {}
            }
        }
    }

    /// Arrow keys nudge the selection (Shift: by a grid step); with nothing selected, or in
    /// preview, left and right turn pages.
    pub(super) fn arrow_keys(&mut self, ctx: &egui::Context) {
        use egui::Key;
        let pressed: Vec<(Key, bool)> = ctx.input_mut(|i| {
            let mut out = Vec::new();
            for k in [
                Key::ArrowLeft,
                Key::ArrowRight,
                Key::ArrowUp,
                Key::ArrowDown,
            ] {
                // Shifted first: egui matches a pattern without Shift loosely, so the plain
                // one would take Shift+arrow too.
                for _ in 0..i.count_and_consume_key(egui::Modifiers::SHIFT, k) {
                    out.push((k, true));
                }
                for _ in 0..i.count_and_consume_key(egui::Modifiers::NONE, k) {
                    out.push((k, false));
                }
            }
            out
        });
        for (key, shift) in pressed {
            let d = match key {
                Key::ArrowLeft => (-1.0, 0.0),
                Key::ArrowRight => (1.0, 0.0),
                Key::ArrowUp => (0.0, -1.0),
                _ => (0.0, 1.0),
            };
            if self.preview || self.selected.is_empty() {
                match key {
                    Key::ArrowLeft => self.intents.push(Intent::Run(Command::PreviousPage)),
                    Key::ArrowRight => self.intents.push(Intent::Run(Command::NextPage)),
                    _ => {}
                }
            } else {
                self.intents.push(Intent::Nudge(d, shift));
            }
        }
    }
}
