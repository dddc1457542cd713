//! One enum for everything a user can ask the editor to do. It drives the menus, the keyboard
//! shortcuts and the command palette, so they can never disagree (rerun's `UICommand`).

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    // File
    New,
    Open,
    Save,
    SaveAs,
    ImportArticles,
    ImportPhotos,
    ExportPdf,
    ExportData,
    Quit,
    // Edit
    Undo,
    Redo,
    DeleteFrame,
    LinkFrame,
    UnlinkFrame,
    ToolSelect,
    ToolTextFrame,
    ToolHeadlineFrame,
    ToolPhotoFrame,
    // Pages
    NextPage,
    PreviousPage,
    AddPage,
    DeletePage,
    MovePageEarlier,
    MovePageLater,
    // View
    ZoomIn,
    ZoomOut,
    FitPage,
    FitWidth,
    ActualSize,
    ToggleGuides,
    TogglePreview,
    TogglePreflight,
    ToggleFrameTime,
    CommandPalette,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const CMD_ALT: Modifiers = Modifiers {
    alt: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

impl Command {
    pub const ALL: [Command; 34] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::ImportArticles,
        Self::ImportPhotos,
        Self::ExportPdf,
        Self::ExportData,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::DeleteFrame,
        Self::LinkFrame,
        Self::UnlinkFrame,
        Self::ToolSelect,
        Self::ToolTextFrame,
        Self::ToolHeadlineFrame,
        Self::ToolPhotoFrame,
        Self::NextPage,
        Self::PreviousPage,
        Self::AddPage,
        Self::DeletePage,
        Self::MovePageEarlier,
        Self::MovePageLater,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::FitPage,
        Self::FitWidth,
        Self::ActualSize,
        Self::ToggleGuides,
        Self::TogglePreview,
        Self::TogglePreflight,
        Self::ToggleFrameTime,
        Self::CommandPalette,
    ];

    /// The menu and palette text.
    pub fn text(self) -> &'static str {
        match self {
            Self::New => "New edition…",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::ImportArticles => "Import articles…",
            Self::ImportPhotos => "Import photos…",
            Self::ExportPdf => "Export PDF…",
            Self::ExportData => "Export PDF-ready data…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::DeleteFrame => "Delete frame",
            Self::LinkFrame => "Link to next frame…",
            Self::UnlinkFrame => "Unlink frame",
            Self::ToolSelect => "Select tool",
            Self::ToolTextFrame => "Draw text frame",
            Self::ToolHeadlineFrame => "Draw headline frame",
            Self::ToolPhotoFrame => "Draw photo frame",
            Self::NextPage => "Next page",
            Self::PreviousPage => "Previous page",
            Self::AddPage => "Add page",
            Self::DeletePage => "Delete page",
            Self::MovePageEarlier => "Move page earlier",
            Self::MovePageLater => "Move page later",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::FitPage => "Fit page",
            Self::FitWidth => "Fit width",
            Self::ActualSize => "Actual size (100%)",
            Self::ToggleGuides => "Guides",
            Self::TogglePreview => "Preview",
            Self::TogglePreflight => "Preflight panel",
            Self::ToggleFrameTime => "Frame time overlay",
            Self::CommandPalette => "Command palette…",
        }
    }

    /// What it does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start a new edition from a page template preset",
            Self::Open => "Open a layout file (.ron)",
            Self::Save => "Save the edition to its file",
            Self::SaveAs => "Save the edition to a new file",
            Self::ImportArticles => "Read articles from text or Markdown files into new stories",
            Self::ImportPhotos => "Add photo files to the edition",
            Self::ExportPdf => "Write every page as a print-ready PDF",
            Self::ExportData => "Write the positioned display list as JSON",
            Self::Quit => "Close the editor",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::DeleteFrame => "Delete the selected frame",
            Self::LinkFrame => "Continue the selected frame's story in the next frame you click",
            Self::UnlinkFrame => "Take the selected frame out of its story's thread",
            Self::ToolSelect => "Select, move and resize frames",
            Self::ToolTextFrame => "Drag on the page to draw a text frame",
            Self::ToolHeadlineFrame => "Drag on the page to draw a headline frame",
            Self::ToolPhotoFrame => "Drag on the page to draw a photo frame",
            Self::NextPage => "Show the next page (or spread in preview)",
            Self::PreviousPage => "Show the previous page (or spread in preview)",
            Self::AddPage => "Add a page after this one",
            Self::DeletePage => "Delete this page",
            Self::MovePageEarlier => "Move this page one place forward; jump lines follow",
            Self::MovePageLater => "Move this page one place back; jump lines follow",
            Self::ZoomIn => "Magnify the page",
            Self::ZoomOut => "Shrink the page",
            Self::FitPage => "Show the whole page",
            Self::FitWidth => "Fit the page's width to the window",
            Self::ActualSize => "Show the page at its printed size",
            Self::ToggleGuides => "Show margins, columns, modules and the baseline grid",
            Self::TogglePreview => {
                "Editors' preview: facing pages, no guides, frame edges or handles"
            }
            Self::TogglePreflight => "List the layout's errors and warnings",
            Self::ToggleFrameTime => "Show how long each frame takes to draw",
            Self::CommandPalette => "Find and run any command by name",
        }
    }

    /// Shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::New => const { &[key(CMD, Key::N)] },
            Self::Open => const { &[key(CMD, Key::O)] },
            Self::Save => const { &[key(CMD, Key::S)] },
            Self::SaveAs => const { &[key(CMD_SHIFT, Key::S)] },
            Self::ImportArticles => const { &[key(CMD, Key::I)] },
            Self::ImportPhotos => const { &[key(CMD, Key::D)] },
            Self::ExportPdf => const { &[key(CMD, Key::E)] },
            Self::ExportData => const { &[key(CMD_SHIFT, Key::E)] },
            Self::Quit => const { &[key(CMD, Key::Q)] },
            Self::Undo => const { &[key(CMD, Key::Z)] },
            Self::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            Self::DeleteFrame => const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            Self::LinkFrame => const { &[key(CMD, Key::L)] },
            Self::UnlinkFrame => const { &[key(CMD_SHIFT, Key::L)] },
            Self::ToolSelect => const { &[key(NONE, Key::V)] },
            Self::ToolTextFrame => const { &[key(NONE, Key::T)] },
            Self::ToolHeadlineFrame => const { &[key(NONE, Key::H)] },
            Self::ToolPhotoFrame => const { &[key(NONE, Key::F)] },
            Self::NextPage => const { &[key(NONE, Key::PageDown), key(NONE, Key::ArrowRight)] },
            Self::PreviousPage => const { &[key(NONE, Key::PageUp), key(NONE, Key::ArrowLeft)] },
            Self::AddPage => const { &[key(CMD_SHIFT, Key::N)] },
            Self::DeletePage => const { &[key(CMD_SHIFT, Key::Delete)] },
            Self::MovePageEarlier => const { &[key(CMD, Key::PageUp)] },
            Self::MovePageLater => const { &[key(CMD, Key::PageDown)] },
            Self::ZoomIn => const { &[key(CMD, Key::Plus), key(CMD, Key::Equals)] },
            Self::ZoomOut => const { &[key(CMD, Key::Minus)] },
            Self::FitPage => const { &[key(CMD, Key::Num0)] },
            Self::FitWidth => const { &[key(CMD_ALT, Key::Num0)] },
            Self::ActualSize => const { &[key(CMD, Key::Num1)] },
            Self::ToggleGuides => const { &[key(CMD, Key::Semicolon)] },
            Self::TogglePreview => const { &[key(NONE, Key::F5), key(NONE, Key::W)] },
            Self::TogglePreflight => const { &[key(CMD_SHIFT, Key::F)] },
            Self::ToggleFrameTime => const { &[key(NONE, Key::F12)] },
            Self::CommandPalette => const { &[key(CMD, Key::K), key(CMD_SHIFT, Key::P)] },
        }
    }

    /// The shortcut as menus show it, e.g. "Ctrl+Shift+Z".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// A menu entry that runs the command when clicked.
    pub fn menu_button_ui(self, ui: &mut egui::Ui, enabled: bool, run: &mut Option<Command>) {
        let button = egui::Button::new(self.text()).shortcut_text(self.shortcut_text(ui.ctx()));
        let response = ui
            .add_enabled(enabled, button)
            .on_hover_text(self.tooltip());
        if response.clicked() {
            *run = Some(self);
            ui.close();
        }
    }

    /// The commands whose shortcuts were pressed this frame, consuming those key presses.
    /// Shortcuts without Ctrl/Cmd are skipped while a text field has the keyboard.
    pub fn from_input(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut all: Vec<(Command, &KeyboardShortcut)> = Self::ALL
            .iter()
            .flat_map(|&c| c.shortcuts().iter().map(move |s| (c, s)))
            .filter(|(_, s)| !typing || s.modifiers.command || s.modifiers.ctrl)
            .collect();
        // egui matches modifiers loosely (Ctrl+Shift+Z also matches Ctrl+Z), so the shortcuts
        // with more modifiers must be tried first.
        all.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command),
            )
        });
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for (command, shortcut) in all {
                if i.consume_shortcut(shortcut) && !fired.contains(&command) {
                    fired.push(command);
                }
            }
        });
        fired
    }
}

/// The command palette: type to filter, Enter or click to run.
#[derive(Default)]
pub struct Palette {
    pub open: bool,
    query: String,
}

impl Palette {
    /// An open palette with an empty query.
    pub fn new() -> Self {
        Self {
            open: true,
            query: String::new(),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut run = None;
        let query = self.query.to_lowercase();
        // Commands whose name matches come before those whose description does.
        let named = |c: &Command| c.text().to_lowercase().contains(&query);
        let described = |c: &Command| c.tooltip().to_lowercase().contains(&query);
        let matches: Vec<Command> = Command::ALL
            .into_iter()
            .filter(named)
            .chain(
                Command::ALL
                    .into_iter()
                    .filter(|c| !named(c) && described(c)),
            )
            .collect();
        let modal = egui::Modal::new(egui::Id::unique("command palette")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Commands");
            let label = ui.label("Search");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Type a command…")
                    .desired_width(f32::INFINITY),
            );
            let edit = edit.labelled_by(label.id);
            edit.request_focus();
            if ui.input(|i| i.key_pressed(Key::Enter)) {
                run = matches.first().copied();
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for &c in &matches {
                        let button = egui::Button::new(c.text())
                            .shortcut_text(c.shortcut_text(ui.ctx()))
                            .min_size(egui::vec2(ui.available_width(), 0.0));
                        if ui.add(button).on_hover_text(c.tooltip()).clicked() {
                            run = Some(c);
                        }
                    }
                });
        });
        if run.is_some() || modal.should_close() {
            self.open = false;
            self.query.clear();
        }
        run.filter(|c| *c != Command::CommandPalette)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_and_has_a_shortcut() {
        for (i, c) in Command::ALL.iter().enumerate() {
            assert!(!c.shortcuts().is_empty(), "{c:?} has no shortcut");
            assert!(!Command::ALL[..i].contains(c), "{c:?} listed twice");
        }
    }

    #[test]
    fn no_two_shortcuts_clash() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(t, _)| t == s) {
                    panic!("{c:?} and {other:?} share a shortcut: {s:?}");
                }
                seen.push((*s, c));
            }
        }
    }
}
