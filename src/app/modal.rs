//! The one dialog that can be open at a time. Each variant holds its own state; drawing a
//! dialog only pushes [`Intent`]s (what the user chose), so what happens next is decided in one
//! place, [`super::BroadsheetApp::logic`].

use std::path::PathBuf;

use super::chooser::{self, Chooser, Purpose};
use super::command::Palette;
use super::dialogs::{Closed, EditionDialog, TemplateDialog};
use super::files::Found;
use super::font_dialog::FontsDialog;
use super::i18n::t;
use super::intent::{Intent, Intents};
use crate::model::PageTemplate;

/// Something to do once unsaved changes have been saved or discarded.
#[derive(Clone, Debug)]
pub enum Pending {
    Quit,
    Open(Option<PathBuf>),
    New(Box<PageTemplate>),
}

/// A dialog over the window.
pub enum Modal {
    /// Something failed; the message says what and why.
    Error(String),
    /// Unsaved changes stand before `Pending`: save, don't save, or cancel.
    Unsaved(Pending),
    /// A recovery copy left by a session that did not close cleanly.
    Recover(Found),
    /// The file given at start could not be opened. Offers its backup or recovery copy.
    LoadFailed {
        path: PathBuf,
        message: String,
        backup: Option<PathBuf>,
        recovery: Option<Found>,
    },
    Chooser(Chooser),
    /// Choosing the page template of a new edition.
    NewEdition {
        preset: usize,
    },
    Palette(Palette),
    /// Paper name, date, issue numbers, language, sections.
    EditionSettings(EditionDialog),
    /// The current page's template: size, margins, grid, folio.
    PageSetup(TemplateDialog),
    /// The edition's fonts: where each comes from, replacing one, the font folders.
    Fonts(Box<FontsDialog>),
    /// 版面方案: modular layouts of the current page for the stories chosen.
    Propose(Box<super::propose_dialog::ProposeDialog>),
    /// Export PDF: for the press or a proof, PDF/X, overprint, ink limit.
    ExportPdf(super::export_dialog::ExportDialog),
    /// File ▸ Connect: server, name and role; the server's editions; publishing.
    Connect(super::newsroom::ConnectDialog),
    /// One story's text on its own, with its copyfit live.
    StoryEditor(super::story_editor::StoryEditor),
}

/// What a dialog's buttons ask for.
#[derive(Debug)]
pub enum Choice {
    SaveThen(Pending),
    Proceed(Pending),
    Recover(Found),
    DiscardRecovery(Found),
    Picked(Purpose, Vec<PathBuf>),
    Create(PageTemplate),
    /// Export a PDF with these options: pick the file next.
    ExportPdf(super::export_dialog::PdfChoice),
    /// Closed without a choice: whatever was waiting on it does not happen.
    Cancel,
}

impl Modal {
    /// Draws the dialog. Returns whether it stays open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &super::Document,
        font_folders: &[PathBuf],
        name: &str,
        intents: &mut Intents,
    ) -> bool {
        let edition = &doc.edition;
        let mut choice = None;
        let open = match self {
            Self::Error(message) => error_ui(ctx, message),
            Self::Unsaved(pending) => {
                unsaved_ui(ctx, name, pending, &mut choice);
                choice.is_none()
            }
            Self::Recover(found) => {
                recover_ui(ctx, found, &mut choice);
                choice.is_none()
            }
            Self::LoadFailed {
                path,
                message,
                backup,
                recovery,
            } => {
                load_failed_ui(
                    ctx,
                    path,
                    message,
                    backup.as_ref(),
                    recovery.as_ref(),
                    &mut choice,
                );
                choice.is_none()
            }
            Self::Chooser(c) => match c.ui(ctx) {
                Some(chooser::Chosen::Files(paths)) => {
                    choice = Some(Choice::Picked(c.purpose, paths));
                    false
                }
                Some(chooser::Chosen::Cancelled) => {
                    choice = Some(Choice::Cancel);
                    false
                }
                None => true,
            },
            Self::NewEdition { preset } => new_edition_ui(ctx, preset, &mut choice),
            Self::Palette(p) => match p.ui(ctx) {
                Some(c) => {
                    intents.push(Intent::Run(c));
                    false
                }
                None => p.open,
            },
            Self::EditionSettings(d) => matches!(d.ui(ctx, edition, intents), Closed::Open),
            Self::Connect(d) => d.ui(ctx, intents),
            Self::StoryEditor(d) => d.ui(ctx, edition, doc.layout(), intents),
            Self::PageSetup(d) => matches!(d.ui(ctx, edition, intents), Closed::Open),
            Self::Fonts(d) => d.ui(
                ctx,
                edition,
                &*doc.assets,
                &doc.origin,
                font_folders,
                intents,
            ),
            Self::Propose(d) => d.ui(ctx, edition, doc.assets.clone(), intents),
            Self::ExportPdf(d) => d.ui(ctx, intents),
        };
        if let Some(c) = choice {
            intents.push(Intent::Choice(c));
        }
        open
    }
}

fn error_ui(ctx: &egui::Context, message: &str) -> bool {
    let m = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t!("dialog-error"));
        ui.label(message);
        ui.button(t!("ok")).clicked()
    });
    !(m.inner || m.should_close())
}

fn unsaved_ui(ctx: &egui::Context, name: &str, pending: &Pending, choice: &mut Option<Choice>) {
    let m = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading(t!("dialog-unsaved"));
        ui.label(t!("dialog-unsaved-question", name = name));
        ui.horizontal(|ui| {
            if ui.button(t!("save")).clicked() {
                *choice = Some(Choice::SaveThen(pending.clone()));
            }
            if ui.button(t!("dont-save")).clicked() {
                *choice = Some(Choice::Proceed(pending.clone()));
            }
            if ui.button(t!("cancel")).clicked() {
                *choice = Some(Choice::Cancel);
            }
        });
    });
    if choice.is_none() && m.should_close() {
        *choice = Some(Choice::Cancel);
    }
}

fn recover_ui(ctx: &egui::Context, found: &Found, choice: &mut Option<Choice>) {
    egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
        ui.heading(t!("dialog-recover"));
        let what = found.document.as_ref().map_or_else(
            || t!("dialog-recover-unsaved-edition"),
            |d| d.display().to_string(),
        );
        let age = found
            .modified
            .elapsed()
            .map(|d| d.as_secs() / 60)
            .unwrap_or(0);
        ui.label(t!("dialog-recover-text", what = what, minutes = age));
        ui.horizontal(|ui| {
            if ui.button(t!("recover")).clicked() {
                *choice = Some(Choice::Recover(found.clone()));
            }
            if ui.button(t!("discard")).clicked() {
                *choice = Some(Choice::DiscardRecovery(found.clone()));
            }
        });
    });
}

fn load_failed_ui(
    ctx: &egui::Context,
    path: &std::path::Path,
    message: &str,
    backup: Option<&PathBuf>,
    recovery: Option<&Found>,
    choice: &mut Option<Choice>,
) {
    egui::Modal::new(egui::Id::unique("load failed")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        ui.heading(t!("dialog-load-failed", path = path.display().to_string()));
        ui.label(message);
        ui.separator();
        if let Some(found) = recovery
            && ui.button(t!("dialog-load-failed-recovery")).clicked()
        {
            *choice = Some(Choice::Recover(found.clone()));
        }
        if let Some(bak) = backup
            && ui
                .button(t!(
                    "dialog-load-failed-backup",
                    path = bak.display().to_string()
                ))
                .clicked()
        {
            *choice = Some(Choice::Proceed(Pending::Open(Some(bak.clone()))));
        }
        if ui.button(t!("dialog-load-failed-other")).clicked() {
            *choice = Some(Choice::Proceed(Pending::Open(None)));
        }
        if ui.button(t!("dialog-load-failed-new")).clicked() {
            *choice = Some(Choice::Cancel);
        }
    });
}

fn new_edition_ui(ctx: &egui::Context, preset: &mut usize, choice: &mut Option<Choice>) -> bool {
    let presets = PageTemplate::presets();
    let m = egui::Modal::new(egui::Id::unique("new edition")).show(ctx, |ui| {
        ui.heading(t!("dialog-new-edition"));
        ui.label(t!("dialog-page-template"));
        for (i, t) in presets.iter().enumerate() {
            ui.radio_value(preset, i, &t.name);
        }
        ui.horizontal(|ui| {
            if ui.button(t!("create")).clicked()
                && let Some(t) = presets.get(*preset)
            {
                *choice = Some(Choice::Create(t.clone()));
            }
            if ui.button(t!("cancel")).clicked() {
                *choice = Some(Choice::Cancel);
            }
        })
    });
    choice.is_none() && !m.should_close()
}
