//! File picking. The native dialogs (rfd) need an XDG desktop portal or zenity on Linux; where
//! neither exists (a bare X server, a minimal desktop) the editor uses its own chooser instead,
//! so every file command works with mouse and keyboard anywhere.

use std::path::{Path, PathBuf};

use super::i18n::t;

/// What a file is being picked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ImportArticles,
    ImportPhotos,
    ExportPdf,
    ExportData,
}

impl Purpose {
    pub fn title(self) -> String {
        match self {
            Self::Open => t!("pick-open"),
            Self::SaveAs => t!("pick-save-as"),
            Self::ImportArticles => t!("pick-import-articles"),
            Self::ImportPhotos => t!("pick-import-photos"),
            Self::ExportPdf => t!("pick-export-pdf"),
            Self::ExportData => t!("pick-export-data"),
        }
    }

    /// The button that confirms the choice.
    pub fn verb(self) -> String {
        match self {
            Self::Open => t!("open"),
            Self::SaveAs => t!("save"),
            Self::ImportArticles | Self::ImportPhotos => t!("import"),
            Self::ExportPdf | Self::ExportData => t!("export"),
        }
    }

    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Open | Self::SaveAs => ("Broadsheet layout", &["ron"]),
            Self::ImportArticles => ("Articles", &super::files::ARTICLE_EXTENSIONS),
            Self::ImportPhotos => ("Photos", &super::files::PHOTO_EXTENSIONS),
            Self::ExportPdf => ("PDF", &["pdf"]),
            Self::ExportData => ("PDF-ready data", &["json", "ron"]),
        }
    }

    /// Saving and exporting name a new file; the rest pick existing ones.
    pub fn saves(self) -> bool {
        matches!(self, Self::SaveAs | Self::ExportPdf | Self::ExportData)
    }

    pub fn many(self) -> bool {
        matches!(self, Self::ImportArticles | Self::ImportPhotos)
    }

    fn accepts(self, path: &Path) -> bool {
        let (_, exts) = self.filter();
        path.extension()
            .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
    }
}

/// True when rfd can show a native dialog here.
pub fn native_dialogs() -> bool {
    if std::env::var_os("BROADSHEET_BUILTIN_DIALOGS").is_some() {
        return false;
    }
    if !cfg!(target_os = "linux") {
        return true;
    }
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    portal || zenity
}

/// Shows the native dialog for `purpose` under `title` and waits for it (call on a worker
/// thread; the title is looked up on the UI thread, in the interface's language).
pub fn native(purpose: Purpose, title: String, dir: Option<PathBuf>, name: String) -> Vec<PathBuf> {
    let (label, exts) = purpose.filter();
    let mut dialog = rfd::AsyncFileDialog::new()
        .add_filter(label, exts)
        .set_title(title);
    if let Some(d) = dir {
        dialog = dialog.set_directory(d);
    }
    let picked = match purpose {
        p if p.saves() => {
            super::files::dialog(dialog.set_file_name(name).save_file()).map(|f| vec![f])
        }
        p if p.many() => super::files::dialog(dialog.pick_files()),
        _ => super::files::dialog(dialog.pick_file()).map(|f| vec![f]),
    };
    picked
        .unwrap_or_default()
        .iter()
        .map(|f| f.path().to_path_buf())
        .collect()
}

/// The editor's own file chooser: a folder listing, a file name, and the purpose's button.
pub struct Chooser {
    pub purpose: Purpose,
    dir: PathBuf,
    dir_text: String,
    name: String,
    entries: Vec<(String, bool)>,
    picked: Vec<String>,
    error: Option<String>,
}

/// How the chooser ended.
pub enum Chosen {
    Files(Vec<PathBuf>),
    Cancelled,
}

impl Chooser {
    pub fn new(purpose: Purpose, dir: PathBuf, name: String) -> Self {
        let mut c = Self {
            purpose,
            dir_text: dir.display().to_string(),
            dir,
            name,
            entries: Vec::new(),
            picked: Vec::new(),
            error: None,
        };
        c.read_dir();
        c
    }

    fn read_dir(&mut self) {
        self.entries.clear();
        self.picked.clear();
        match std::fs::read_dir(&self.dir) {
            Ok(list) => {
                self.error = None;
                for entry in list.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    if is_dir || self.purpose.accepts(&entry.path()) {
                        self.entries.push((name, is_dir));
                    }
                }
                // Folders first, then files, each by name.
                self.entries
                    .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            }
            Err(e) => self.error = Some(format!("{}: {e}", self.dir.display())),
        }
    }

    fn go(&mut self, dir: PathBuf) {
        self.dir = dir;
        self.dir_text = self.dir.display().to_string();
        self.read_dir();
    }

    /// The chosen paths, once the user confirms.
    fn chosen(&self) -> Vec<PathBuf> {
        let mut names: Vec<&str> = self.picked.iter().map(String::as_str).collect();
        if names.is_empty() && !self.name.trim().is_empty() {
            names.push(self.name.trim());
        }
        names
            .into_iter()
            .map(|n| {
                let p = self.dir.join(n);
                // A saved file gets the purpose's extension when the name has none.
                if self.purpose.saves() && p.extension().is_none() {
                    p.with_extension(self.purpose.filter().1[0])
                } else {
                    p
                }
            })
            .collect()
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Chosen> {
        let mut done = None;
        let modal = egui::Modal::new(egui::Id::unique("file chooser")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.purpose.title());
            ui.horizontal(|ui| {
                if ui
                    .button(t!("chooser-up"))
                    .on_hover_text(t!("chooser-up-tip"))
                    .clicked()
                    && let Some(parent) = self.dir.parent()
                {
                    self.go(parent.to_path_buf());
                }
                let l = ui.label(t!("chooser-folder"));
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.dir_text).desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    self.go(PathBuf::from(self.dir_text.clone()));
                }
            });
            if let Some(e) = &self.error {
                ui.colored_label(egui::Color32::from_rgb(220, 60, 50), e);
            }
            let mut go_to = None;
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    ui.set_min_width(ui.available_width());
                    for (name, is_dir) in &self.entries {
                        let shown = if *is_dir {
                            format!("{name}/")
                        } else {
                            name.clone()
                        };
                        let selected = self.picked.contains(name);
                        let r = ui.selectable_label(selected, shown);
                        if r.double_clicked() {
                            if *is_dir {
                                go_to = Some(self.dir.join(name));
                            } else {
                                self.picked = vec![name.clone()];
                                done = Some(Chosen::Files(self.chosen()));
                            }
                        } else if r.clicked() {
                            if *is_dir {
                                go_to = Some(self.dir.join(name));
                            } else if self.purpose.many() && ui.input(|i| i.modifiers.command) {
                                if selected {
                                    self.picked.retain(|p| p != name);
                                } else {
                                    self.picked.push(name.clone());
                                }
                            } else {
                                self.picked = vec![name.clone()];
                                self.name = name.clone();
                            }
                        }
                    }
                    if self.entries.is_empty() {
                        ui.weak(t!("chooser-empty"));
                    }
                });
            if let Some(d) = go_to {
                self.go(d);
            }
            ui.horizontal(|ui| {
                let l = ui.label(t!("chooser-file-name"));
                let r = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(320.0))
                    .labelled_by(l.id);
                if r.changed() {
                    self.picked.clear();
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let ready = !self.chosen().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(self.purpose.verb()))
                    .clicked()
                    || (enter && ready)
                {
                    done = Some(Chosen::Files(self.chosen()));
                }
                if ui.button(t!("cancel")).clicked() {
                    done = Some(Chosen::Cancelled);
                }
            });
            if self.purpose.many() {
                ui.weak(t!("chooser-many"));
            }
        });
        if done.is_none() && modal.should_close() {
            done = Some(Chosen::Cancelled);
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chooser_lists_folders_and_matching_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        for f in ["a.ron", "b.txt", ".hidden.ron"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let c = Chooser::new(Purpose::Open, dir.path().to_path_buf(), String::new());
        let names: Vec<&str> = c.entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["photos", "a.ron"]);
        let s = Chooser::new(Purpose::ExportPdf, dir.path().to_path_buf(), "page1".into());
        assert_eq!(s.chosen(), vec![dir.path().join("page1.pdf")]);
    }
}
