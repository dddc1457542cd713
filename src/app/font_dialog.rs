//! The Fonts dialog (InDesign's Find Font, for a newspaper): every family the edition's styles
//! use, the file each resolves to and where it was found, and its state — found, missing (set
//! in the fallback), changed since the file was saved, or not allowed in a PDF. A family can be
//! replaced with another in every style at once, as one undo step. Below, the user's font
//! folders, and a button to read fonts again after some were copied in.

use std::path::{Path, PathBuf};

use egui::Color32;

use super::i18n::t;
use super::intent::{Intent, Intents};
use super::panels::family_ui;
use crate::layout::fonts::specs;
use crate::model::{Edit, Edition, FontSpec, Weight};
use crate::resources::{Origin, Resources};
use crate::text::{FontBook, Place};

/// One family, weight and style the styles use, as the font book resolves it now.
struct Row {
    spec: FontSpec,
    /// The styles that name it (as their family or a fallback).
    users: Vec<String>,
    state: State,
}

enum State {
    Found {
        file: String,
        place: Place,
        /// The file differs from the one the edition was saved with.
        changed: bool,
        /// Why its licence keeps it out of a PDF.
        forbidden: Option<&'static str>,
    },
    Missing {
        /// The file the edition was saved with, if it recorded one.
        was: Option<String>,
    },
}

fn rows(edition: &Edition, book: &FontBook) -> Vec<Row> {
    specs(edition)
        .into_iter()
        .map(|spec| {
            let users = edition
                .styles
                .paragraph
                .iter()
                .filter(|s| s.font.family == spec.family || s.font.fallback.contains(&spec.family))
                .map(|s| s.id.to_string())
                .collect();
            let record = edition.fonts.iter().find(|r| {
                r.family == spec.family && r.weight == spec.weight && r.italic == spec.italic
            });
            let state = match book.find(&spec) {
                Some(id) => {
                    let face = book.face(id);
                    State::Found {
                        file: face.file.clone(),
                        place: face.place,
                        changed: record.is_some_and(|r| r.sha256 != face.sha256()),
                        forbidden: face.embedding_forbidden().map(|b| b.reason()),
                    }
                }
                None => State::Missing {
                    was: record.map(|r| r.file.clone()),
                },
            };
            Row { spec, users, state }
        })
        .collect()
}

/// Edits that make every style naming `from` (as its family or a fallback) name `to`.
pub fn replace_family_edits(edition: &Edition, from: &str, to: &str) -> Vec<Edit> {
    edition
        .styles
        .paragraph
        .iter()
        .filter(|s| s.font.family == from || s.font.fallback.iter().any(|f| f == from))
        .map(|s| {
            let mut new = s.clone();
            if new.font.family == from {
                new.font.family = to.to_owned();
            }
            for f in &mut new.font.fallback {
                if f == from {
                    *f = to.to_owned();
                }
            }
            new.font.fallback.dedup();
            Edit::SetStyle {
                style: Box::new(new),
            }
        })
        .collect()
}

pub fn place_name(place: Place) -> String {
    match place {
        Place::Edition => t!("font-place-edition"),
        Place::Folder => t!("font-place-folder"),
        Place::System => t!("font-place-system"),
        Place::Bundled => t!("font-place-bundled"),
    }
}

#[derive(Default)]
pub struct FontsDialog {
    /// The family each row would be replaced with, by row.
    replace_with: Vec<String>,
    /// The family list's search text, by row.
    filters: Vec<String>,
    /// A folder being typed in.
    new_folder: String,
    error: Option<String>,
}

impl FontsDialog {
    /// Draws the dialog; returns whether it stays open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        edition: &Edition,
        resources: &dyn Resources,
        origin: &Origin,
        folders: &[PathBuf],
        intents: &mut Intents,
    ) -> bool {
        let book = resources.fonts();
        let rows = rows(edition, book);
        self.replace_with.resize(rows.len(), String::new());
        self.filters.resize(rows.len(), String::new());
        let mut open = true;
        let m = egui::Modal::new(egui::Id::unique("fonts dialog")).show(ctx, |ui| {
            ui.set_width(820.0);
            ui.heading(t!("fonts-title"));
            ui.label(t!("fonts-intro"));
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .id_salt("font rows")
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("font rows grid")
                        .num_columns(5)
                        .striped(true)
                        .spacing([12.0, 6.0])
                        .show(ui, |ui| {
                            for h in ["fonts-family", "fonts-file", "fonts-state", "fonts-users"] {
                                ui.strong(t!(h));
                            }
                            ui.strong(t!("fonts-replace-with"));
                            ui.end_row();
                            for (i, row) in rows.iter().enumerate() {
                                self.row_ui(ui, i, row, edition, book, intents);
                                ui.end_row();
                            }
                        });
                });
            ui.separator();
            self.folders_ui(ui, origin, folders, intents);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(t!("fonts-reload")).clicked() {
                    intents.push(Intent::ReloadFonts);
                }
                if ui.button(t!("close")).clicked() {
                    open = false;
                }
            });
        });
        open && !m.should_close()
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        i: usize,
        row: &Row,
        edition: &Edition,
        book: &FontBook,
        intents: &mut Intents,
    ) {
        let style = match (row.spec.weight, row.spec.italic) {
            (Weight::Regular, false) => t!("weight-regular"),
            (Weight::Regular, true) => format!("{} {}", t!("weight-regular"), t!("styles-italic")),
            (Weight::Bold, false) => t!("weight-bold"),
            (Weight::Bold, true) => format!("{} {}", t!("weight-bold"), t!("styles-italic")),
        };
        ui.label(format!("{}  ·  {style}", row.spec.family));
        let (file, state, color) = match &row.state {
            State::Found {
                file,
                place,
                changed,
                forbidden,
            } => {
                let shown = format!("{} ({})", short(file), place_name(*place));
                match (forbidden, changed) {
                    (Some(why), _) => (
                        shown,
                        t!("fonts-state-forbidden", reason = *why),
                        Color32::from_rgb(200, 40, 40),
                    ),
                    (None, true) => (
                        shown,
                        t!("fonts-state-changed"),
                        Color32::from_rgb(190, 120, 0),
                    ),
                    (None, false) => (shown, t!("fonts-state-ok"), Color32::from_rgb(30, 140, 60)),
                }
            }
            State::Missing { was } => (
                was.as_deref().map(short).unwrap_or_default(),
                t!(
                    "fonts-state-missing",
                    fallback = crate::layout::setting::FALLBACK_FAMILY
                ),
                Color32::from_rgb(200, 40, 40),
            ),
        };
        ui.label(file);
        ui.colored_label(color, state);
        ui.label(row.users.join(", "));
        ui.horizontal(|ui| {
            ui.push_id(("replace", i), |ui| {
                let label = t!("fonts-replace-label", family = row.spec.family.as_str());
                family_ui(
                    ui,
                    book,
                    &mut self.filters[i],
                    &mut self.replace_with[i],
                    &label,
                );
            });
            let target = self.replace_with[i].clone();
            let enabled = !target.is_empty() && target != row.spec.family;
            if ui
                .add_enabled(enabled, egui::Button::new(t!("fonts-replace")))
                .clicked()
            {
                let edits = replace_family_edits(edition, &row.spec.family, &target);
                intents.push(Intent::Edit {
                    edits,
                    label: "undo-replace-font",
                    merge: None,
                });
                self.replace_with[i].clear();
            }
        });
    }

    fn folders_ui(
        &mut self,
        ui: &mut egui::Ui,
        origin: &Origin,
        folders: &[PathBuf],
        intents: &mut Intents,
    ) {
        ui.strong(t!("fonts-folders"));
        match origin {
            Origin::Folder(dir) => {
                ui.label(t!(
                    "fonts-edition-folder",
                    folder = dir.join("fonts").display().to_string()
                ));
            }
            Origin::Bundled => {
                ui.label(t!("fonts-edition-folder-unsaved"));
            }
        }
        for (i, folder) in folders.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(folder.display().to_string());
                if ui.small_button(t!("fonts-folder-remove")).clicked() {
                    let mut rest = folders.to_vec();
                    rest.remove(i);
                    intents.push(Intent::SetFontFolders(rest));
                }
            });
        }
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.new_folder)
                    .hint_text(t!("fonts-folder-hint"))
                    .desired_width(420.0),
            );
            if ui.button(t!("fonts-folder-add")).clicked() {
                let path = PathBuf::from(self.new_folder.trim());
                if path.is_dir() {
                    let mut all = folders.to_vec();
                    if !all.contains(&path) {
                        all.push(path);
                    }
                    intents.push(Intent::SetFontFolders(all));
                    self.new_folder.clear();
                    self.error = None;
                } else {
                    self.error = Some(t!("fonts-folder-bad", folder = path.display().to_string()));
                }
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(Color32::from_rgb(200, 40, 40), e);
        }
    }
}

/// A long path shortened to its last three parts: ".../truetype/arphic/ukai.ttc".
fn short(file: &str) -> String {
    let parts: Vec<_> = Path::new(file).components().collect();
    if parts.len() <= 3 {
        return file.to_owned();
    }
    let tail: PathBuf = parts[parts.len() - 3..].iter().collect();
    format!("…/{}", tail.display())
}
