//! One enum for everything a user can ask the editor to do. It drives the menus, the keyboard
//! shortcuts and the command palette, so they can never disagree (rerun's `UICommand`).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::{self, Language, t};

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
    EditionSettings,
    Fonts,
    /// File ▸ Connect: a newsroom server, its editions, publishing the open one.
    Connect,
    FitStory,
    /// The story editor: the story's text on its own, copyfit live.
    StoryEditor,
    CopyfitPage,
    ProposePage,
    Quit,
    // Edit
    Undo,
    Redo,
    DeleteFrame,
    Copy,
    Cut,
    Paste,
    PasteInPlace,
    Duplicate,
    SelectAll,
    NextFrame,
    PreviousFrame,
    LockFrames,
    AlignLeft,
    AlignHCenter,
    AlignRight,
    AlignTop,
    AlignVCenter,
    AlignBottom,
    DistributeHorizontally,
    DistributeVertically,
    LinkFrame,
    UnlinkFrame,
    ToolSelect,
    ToolTextFrame,
    ToolHeadlineFrame,
    ToolPhotoFrame,
    ToolRuleFrame,
    ToolBoxFrame,
    HeadlineBigger,
    HeadlineSmaller,
    // Pages
    NextPage,
    PreviousPage,
    AddPage,
    DeletePage,
    MovePageEarlier,
    MovePageLater,
    PageSetup,
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
const CMD_ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::COMMAND
};
const ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::NONE
};
const SHIFT: Modifiers = Modifiers::SHIFT;
const NONE: Modifiers = Modifiers::NONE;

impl Command {
    pub const ALL: [Command; 63] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::ImportArticles,
        Self::ImportPhotos,
        Self::ExportPdf,
        Self::ExportData,
        Self::EditionSettings,
        Self::Fonts,
        Self::Connect,
        Self::FitStory,
        Self::StoryEditor,
        Self::CopyfitPage,
        Self::ProposePage,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::DeleteFrame,
        Self::Copy,
        Self::Cut,
        Self::Paste,
        Self::PasteInPlace,
        Self::Duplicate,
        Self::SelectAll,
        Self::NextFrame,
        Self::PreviousFrame,
        Self::LockFrames,
        Self::AlignLeft,
        Self::AlignHCenter,
        Self::AlignRight,
        Self::AlignTop,
        Self::AlignVCenter,
        Self::AlignBottom,
        Self::DistributeHorizontally,
        Self::DistributeVertically,
        Self::LinkFrame,
        Self::UnlinkFrame,
        Self::ToolSelect,
        Self::ToolTextFrame,
        Self::ToolHeadlineFrame,
        Self::ToolPhotoFrame,
        Self::ToolRuleFrame,
        Self::ToolBoxFrame,
        Self::HeadlineBigger,
        Self::HeadlineSmaller,
        Self::NextPage,
        Self::PreviousPage,
        Self::AddPage,
        Self::DeletePage,
        Self::MovePageEarlier,
        Self::MovePageLater,
        Self::PageSetup,
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

    /// The six alignments, in menu order.
    pub const ALIGN: [Command; 6] = [
        Self::AlignLeft,
        Self::AlignHCenter,
        Self::AlignRight,
        Self::AlignTop,
        Self::AlignVCenter,
        Self::AlignBottom,
    ];

    /// The command's message ID: `cmd-ID` names it, `cmd-ID-tip` says what it does.
    pub fn id(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Open => "open",
            Self::Save => "save",
            Self::SaveAs => "save-as",
            Self::ImportArticles => "import-articles",
            Self::ImportPhotos => "import-photos",
            Self::ExportPdf => "export-pdf",
            Self::ExportData => "export-data",
            Self::EditionSettings => "edition-settings",
            Self::Fonts => "fonts",
            Self::Connect => "connect",
            Self::FitStory => "fit-story",
            Self::StoryEditor => "story-editor",
            Self::CopyfitPage => "copyfit-page",
            Self::ProposePage => "propose-page",
            Self::PageSetup => "page-setup",
            Self::Quit => "quit",
            Self::Undo => "undo",
            Self::Redo => "redo",
            Self::DeleteFrame => "delete-frame",
            Self::Copy => "copy",
            Self::Cut => "cut",
            Self::Paste => "paste",
            Self::PasteInPlace => "paste-in-place",
            Self::Duplicate => "duplicate",
            Self::SelectAll => "select-all",
            Self::NextFrame => "next-frame",
            Self::PreviousFrame => "previous-frame",
            Self::LockFrames => "lock-frames",
            Self::AlignLeft => "align-left",
            Self::AlignHCenter => "align-h-center",
            Self::AlignRight => "align-right",
            Self::AlignTop => "align-top",
            Self::AlignVCenter => "align-v-center",
            Self::AlignBottom => "align-bottom",
            Self::DistributeHorizontally => "distribute-horizontally",
            Self::DistributeVertically => "distribute-vertically",
            Self::LinkFrame => "link-frame",
            Self::UnlinkFrame => "unlink-frame",
            Self::ToolSelect => "tool-select",
            Self::ToolTextFrame => "tool-text-frame",
            Self::ToolHeadlineFrame => "tool-headline-frame",
            Self::ToolPhotoFrame => "tool-photo-frame",
            Self::ToolRuleFrame => "tool-rule-frame",
            Self::ToolBoxFrame => "tool-box-frame",
            Self::HeadlineBigger => "headline-bigger",
            Self::HeadlineSmaller => "headline-smaller",
            Self::NextPage => "next-page",
            Self::PreviousPage => "previous-page",
            Self::AddPage => "add-page",
            Self::DeletePage => "delete-page",
            Self::MovePageEarlier => "move-page-earlier",
            Self::MovePageLater => "move-page-later",
            Self::ZoomIn => "zoom-in",
            Self::ZoomOut => "zoom-out",
            Self::FitPage => "fit-page",
            Self::FitWidth => "fit-width",
            Self::ActualSize => "actual-size",
            Self::ToggleGuides => "toggle-guides",
            Self::TogglePreview => "toggle-preview",
            Self::TogglePreflight => "toggle-preflight",
            Self::ToggleFrameTime => "toggle-frame-time",
            Self::CommandPalette => "command-palette",
        }
    }

    /// The menu and palette text, in the interface's language.
    pub fn text(self) -> String {
        t!(&format!("cmd-{}", self.id()))
    }

    /// What it does, for tooltips and the palette.
    pub fn tooltip(self) -> String {
        t!(&format!("cmd-{}-tip", self.id()))
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
            Self::EditionSettings => const { &[key(CMD_ALT, Key::E)] },
            Self::Fonts => const { &[key(CMD_ALT, Key::F)] },
            Self::Connect => const { &[key(CMD_ALT, Key::K)] },
            Self::FitStory => const { &[key(CMD_ALT, Key::T)] },
            Self::StoryEditor => const { &[key(CMD_ALT, Key::Y)] },
            Self::CopyfitPage => const { &[key(CMD_ALT_SHIFT, Key::T)] },
            Self::ProposePage => const { &[key(CMD_ALT_SHIFT, Key::P)] },
            Self::PageSetup => const { &[key(CMD_ALT, Key::P)] },
            Self::Quit => const { &[key(CMD, Key::Q)] },
            Self::Undo => const { &[key(CMD, Key::Z)] },
            Self::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            Self::DeleteFrame => const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            Self::Copy => const { &[key(CMD, Key::C)] },
            Self::Cut => const { &[key(CMD, Key::X)] },
            Self::Paste => const { &[key(CMD, Key::V)] },
            Self::PasteInPlace => const { &[key(CMD_ALT_SHIFT, Key::V)] },
            Self::Duplicate => const { &[key(CMD_ALT_SHIFT, Key::D)] },
            Self::SelectAll => const { &[key(CMD, Key::A)] },
            Self::NextFrame => const { &[key(NONE, Key::Tab)] },
            Self::PreviousFrame => const { &[key(SHIFT, Key::Tab)] },
            Self::LockFrames => const { &[key(CMD_ALT, Key::L)] },
            Self::AlignLeft => const { &[key(ALT_SHIFT, Key::L)] },
            Self::AlignHCenter => const { &[key(ALT_SHIFT, Key::C)] },
            Self::AlignRight => const { &[key(ALT_SHIFT, Key::R)] },
            Self::AlignTop => const { &[key(ALT_SHIFT, Key::T)] },
            Self::AlignVCenter => const { &[key(ALT_SHIFT, Key::M)] },
            Self::AlignBottom => const { &[key(ALT_SHIFT, Key::B)] },
            Self::DistributeHorizontally => const { &[key(ALT_SHIFT, Key::H)] },
            Self::DistributeVertically => const { &[key(ALT_SHIFT, Key::V)] },
            Self::LinkFrame => const { &[key(CMD, Key::L)] },
            Self::UnlinkFrame => const { &[key(CMD_SHIFT, Key::L)] },
            Self::ToolSelect => const { &[key(NONE, Key::V)] },
            Self::ToolTextFrame => const { &[key(NONE, Key::T)] },
            Self::ToolHeadlineFrame => const { &[key(NONE, Key::H)] },
            Self::ToolPhotoFrame => const { &[key(NONE, Key::F)] },
            Self::ToolRuleFrame => const { &[key(NONE, Key::R)] },
            Self::ToolBoxFrame => const { &[key(NONE, Key::B)] },
            // Ctrl+Shift+> and <, as InDesign steps type.
            Self::HeadlineBigger => const { &[key(CMD_SHIFT, Key::Period)] },
            Self::HeadlineSmaller => const { &[key(CMD_SHIFT, Key::Comma)] },
            // The arrow keys turn pages too when no frame is selected (they nudge frames).
            Self::NextPage => const { &[key(NONE, Key::PageDown)] },
            Self::PreviousPage => const { &[key(NONE, Key::PageUp)] },
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

    /// Commands a text field has a meaning for (copy, paste, select all): while one has the
    /// keyboard, their shortcuts are the field's.
    fn yields_to_text(self) -> bool {
        matches!(
            self,
            Self::Copy | Self::Cut | Self::Paste | Self::PasteInPlace | Self::SelectAll
        )
    }

    /// The commands whose shortcuts were pressed this frame, consuming those key presses.
    /// Shortcuts without Ctrl/Cmd are skipped while a text field has the keyboard.
    pub fn from_input(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut all: Vec<(Command, &KeyboardShortcut)> = Self::ALL
            .iter()
            .flat_map(|&c| c.shortcuts().iter().map(move |s| (c, s)))
            .filter(|(c, s)| {
                !typing || ((s.modifiers.command || s.modifiers.ctrl) && !c.yields_to_text())
            })
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

/// The commands that match `query`, best first: by name in the interface's language, by
/// pinyin initials of the Chinese name ("dc" finds 导出), by English name, then by what they do.
pub fn matching(query: &str) -> Vec<Command> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Command::ALL.to_vec();
    }
    let shown = i18n::language();
    let in_language = |c: Command, language: Language| {
        i18n::set_language(language);
        let (text, tip) = (c.text(), c.tooltip());
        i18n::set_language(shown);
        (text, tip)
    };
    let mut scored: Vec<(u8, usize, Command)> = Command::ALL
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let (zh, zh_tip) = in_language(c, Language::Chinese);
            let (en, en_tip) = in_language(c, Language::English);
            let named = |name: &str| name.to_lowercase().contains(&query);
            let score = if named(&c.text()) {
                0
            } else if i18n::initials(&zh).contains(&query) || named(&zh) || named(&en) {
                1
            } else if named(&zh_tip) || named(&en_tip) {
                2
            } else {
                return None;
            };
            Some((score, i, c))
        })
        .collect();
    scored.sort_by_key(|(score, i, _)| (*score, *i));
    scored.into_iter().map(|(_, _, c)| c).collect()
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
        let matches = matching(&self.query);
        let modal = egui::Modal::new(egui::Id::unique("command palette")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(t!("palette-title"));
            let label = ui.label(t!("palette-search"));
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(t!("palette-hint"))
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
    fn every_command_has_a_name_and_a_tip_in_both_languages() {
        for language in Language::ALL {
            i18n::set_language(language);
            for c in Command::ALL {
                assert_ne!(c.text(), format!("cmd-{}", c.id()), "{language:?} {c:?}");
                assert_ne!(
                    c.tooltip(),
                    format!("cmd-{}-tip", c.id()),
                    "{language:?} {c:?}"
                );
            }
        }
        i18n::set_language(Language::English);
    }

    #[test]
    fn the_palette_finds_commands_by_chinese_name_pinyin_initials_and_english_name() {
        i18n::set_language(Language::Chinese);
        assert_eq!(matching("导出").first(), Some(&Command::ExportPdf));
        assert!(
            matching("dc").contains(&Command::ExportPdf),
            "pinyin initials of 导出"
        );
        assert!(
            matching("undo").contains(&Command::Undo),
            "English while in Chinese"
        );
        i18n::set_language(Language::English);
        assert_eq!(matching("undo").first(), Some(&Command::Undo));
        assert!(
            matching("撤销").contains(&Command::Undo),
            "Chinese while in English"
        );
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
