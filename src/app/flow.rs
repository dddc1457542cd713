//! The files flow: open, new, save, save as, import, export, drops and the autosave. Work on
//! files runs as background [`Task`]s; their [`Outcome`]s come back through
//! [`BroadsheetApp::finish`] in `logic`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::chooser::{self, Purpose};
use super::files::{self, Outcome, Task};
use super::i18n::t;
use super::modal::{Modal, Pending};
use super::{AUTOSAVE_DELAY, BroadsheetApp, write_recovery};
use crate::model::{Edit, Photo};
use crate::resources::Origin;

impl BroadsheetApp {
    pub(super) fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: String,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) {
        self.tasks.push(Task::spawn(name, ctx, work));
    }

    /// Runs `pending` now if nothing is unsaved, else asks first.
    pub(super) fn when_saved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(pending));
        } else {
            self.proceed(ctx, pending);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.recovery.discard(self.doc.path.as_deref());
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(Some(path)) => {
                self.spawn(ctx, t!("task-opening"), move || files::open(path));
            }
            Pending::Open(None) => self.pick(ctx, Purpose::Open),
            Pending::New(template) => {
                self.load(crate::sample::blank(*template), None);
                self.say(t!("status-new-edition"));
            }
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path.clone() else {
            self.save_as(ctx);
            return;
        };
        self.doc.history.commit();
        self.doc.record_fonts();
        let edition = self.doc.edition.clone();
        let version = self.doc.history.version();
        self.spawn(ctx, t!("task-saving"), move || {
            files::save(&edition, path, version)
        });
    }

    pub(super) fn save_as(&mut self, ctx: &egui::Context) {
        self.doc.history.commit();
        self.pick(ctx, Purpose::SaveAs);
    }

    /// Asks for files: the native dialog where there is one, else the editor's own chooser.
    pub(super) fn pick(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let dir = self
            .doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let stem = self.doc.suggested_stem();
        let name = match purpose {
            Purpose::SaveAs => format!("{stem}.ron"),
            Purpose::ExportPdf => format!("{stem}.pdf"),
            Purpose::ExportData => format!("{stem}.json"),
            _ => String::new(),
        };
        if self.options.native_dialogs {
            let title = purpose.title();
            self.spawn(ctx, title.clone(), move || {
                Outcome::Picked(purpose, chooser::native(purpose, title, Some(dir), name))
            });
        } else {
            self.modal = Some(Modal::Chooser(chooser::Chooser::new(purpose, dir, name)));
        }
    }

    /// Does what the files were picked for, off the UI thread.
    pub(super) fn picked(&mut self, ctx: &egui::Context, purpose: Purpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            // Cancelled: whatever was to follow a save does not happen.
            self.after_save = None;
            return;
        };
        match purpose {
            Purpose::Open => self.spawn(ctx, t!("task-opening"), move || files::open(first)),
            Purpose::SaveAs => {
                self.doc.record_fonts();
                let mut edition = self.doc.edition.clone();
                let version = self.doc.history.version();
                let from = self.doc.origin.clone();
                let known = self.doc.photo_paths();
                self.spawn(ctx, t!("task-saving"), move || {
                    let map = match files::rebase_photo_paths(
                        known.iter().map(String::as_str),
                        &from,
                        &first,
                    ) {
                        Ok(map) => map,
                        Err(e) => return Outcome::Failed(e),
                    };
                    files::rename_photo_paths(&mut edition.photos, &map);
                    match files::save(&edition, first, version) {
                        Outcome::Saved(path, version) => Outcome::SavedAs(path, version, map),
                        other => other,
                    }
                });
            }
            Purpose::ImportArticles => {
                self.spawn(ctx, t!("task-importing"), move || {
                    files::import_articles(&paths)
                });
            }
            Purpose::ImportPhotos => {
                self.spawn(ctx, t!("task-importing"), move || {
                    files::import_photos(&paths)
                });
            }
            Purpose::ExportPdf | Purpose::ExportData => {
                // Laid out again on the worker from the edition as it is now (the shared cache
                // makes that cheap), so an edit whose layout is still in the background is in
                // the export too.
                let (layouter, assets) = self.doc.fresh_layout();
                let edition = self.doc.edition.clone();
                // What the export dialog chose; a press PDF as the house says otherwise.
                let choice = self
                    .pdf_choice
                    .take()
                    .unwrap_or_else(|| super::export_dialog::PdfChoice::of(&edition.press));
                self.spawn(ctx, purpose.title(), move || {
                    let layout = layouter.layout(&edition, &*assets);
                    if purpose == Purpose::ExportPdf {
                        files::export_pdf(&layout, &*assets, &first, &choice)
                    } else {
                        files::export_data(&layout, &*assets, &first)
                    }
                });
            }
        }
    }

    /// Files dropped on the window: a layout opens, articles and photos are imported.
    pub(super) fn dropped(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if let Some(layout) = paths.iter().find(|p| files::is_layout(p)) {
            self.when_saved(ctx, Pending::Open(Some(layout.clone())));
            return;
        }
        let (articles, photos): (Vec<PathBuf>, Vec<PathBuf>) = (
            paths
                .iter()
                .filter(|p| files::is_article(p))
                .cloned()
                .collect(),
            paths
                .iter()
                .filter(|p| files::is_photo(p))
                .cloned()
                .collect(),
        );
        if articles.is_empty() && photos.is_empty() {
            self.fail(t!("error-drop-kinds"));
            return;
        }
        if !articles.is_empty() {
            self.spawn(ctx, t!("task-importing"), move || {
                files::import_articles(&articles)
            });
        }
        if !photos.is_empty() {
            self.spawn(ctx, t!("task-importing"), move || {
                files::import_photos(&photos)
            });
        }
    }

    /// Applies what a finished task produced.
    pub(super) fn finish(&mut self, ctx: &egui::Context, outcome: Outcome) {
        match outcome {
            Outcome::Picked(purpose, paths) => self.picked(ctx, purpose, paths),
            Outcome::Opened(path, edition) => {
                self.say(t!("status-opened", path = path.display().to_string()));
                self.load(*edition, Some(path));
            }
            Outcome::Saved(path, version) => self.saved(ctx, path, version, None),
            Outcome::SavedAs(path, version, map) => self.saved(ctx, path, version, Some(map)),
            Outcome::Exported {
                pages,
                path,
                bytes,
                ms,
            } => {
                let path = path.display().to_string();
                self.say(match (bytes, ms) {
                    (Some(bytes), Some(ms)) => t!(
                        "status-exported-pdf",
                        pages = pages,
                        path = path,
                        kb = bytes / 1024,
                        ms = ms as u64
                    ),
                    _ => t!("status-exported-data", pages = pages, path = path),
                });
            }
            Outcome::Articles(stories) => self.imported_articles(stories),
            Outcome::PageFitted { page, version, fit } => self.page_fitted(page, version, fit),
            Outcome::Photos(found, failed) => self.imported_photos(&found, failed),
            Outcome::Failed(e) => self.fail(e),
        }
    }

    fn imported_articles(&mut self, stories: Vec<crate::model::Story>) {
        let mut edits = Vec::new();
        let mut scratch = self.doc.edition.clone();
        let mut first = None;
        for mut story in stories {
            let base: String = story.headline.chars().take(8).collect();
            story.id = scratch.fresh_story_id(if base.is_empty() { "story" } else { &base });
            first.get_or_insert(story.id.clone());
            let edit = Edit::InsertStory {
                index: scratch.stories.len(),
                story: Box::new(story),
            };
            let _ = scratch.apply(edit.clone());
            edits.push(edit);
        }
        let n = edits.len();
        self.edit(edits, "undo-import-articles", None);
        self.story = first;
        self.selected.clear();
        self.say(t!("status-imported-articles", count = n));
    }

    fn imported_photos(&mut self, found: &[PathBuf], failed: Vec<String>) {
        let mut edits = Vec::new();
        let mut scratch = self.doc.edition.clone();
        let dir = match &self.doc.origin {
            Origin::Folder(d) => d.canonicalize().ok(),
            Origin::Bundled => None,
        };
        for path in found {
            let stem = path
                .file_stem()
                .map_or_else(|| "photo".into(), |s| s.to_string_lossy());
            let rel = dir
                .as_ref()
                .and_then(|d| {
                    path.canonicalize()
                        .ok()?
                        .strip_prefix(d)
                        .ok()
                        .map(Path::to_path_buf)
                })
                .unwrap_or_else(|| path.clone());
            let photo = Photo {
                id: scratch.fresh_photo_id(&stem),
                path: rel.to_string_lossy().into_owned(),
                caption: String::new(),
                credit: String::new(),
            };
            let edit = Edit::InsertPhoto {
                index: scratch.photos.len(),
                photo,
            };
            let _ = scratch.apply(edit.clone());
            edits.push(edit);
        }
        self.edit(edits, "undo-import-photos", None);
        self.say(t!("status-imported-photos", count = found.len()));
        if !failed.is_empty() {
            self.fail(t!("error-photos-unreadable", list = failed.join("\n")));
        }
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        version: u64,
        renamed: Option<std::collections::HashMap<String, String>>,
    ) {
        if self.doc.path.as_ref() != Some(&path) {
            self.recovery.discard(self.doc.path.as_deref());
        }
        self.doc.saved(path.clone(), version, renamed);
        self.doc.sample = false;
        self.recovery.discard(Some(&path));
        self.view.remember(&path);
        self.say(t!("status-saved", path = path.display().to_string()));
        if let Some(next) = self.after_save.take() {
            self.proceed(ctx, next);
        }
    }

    /// Writes the recovery copy a moment after changes stop.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let version = self.doc.history.version();
        if !self.doc.is_dirty() || version == self.doc.autosaved_version {
            self.autosave_due = None;
            return;
        }
        match self.autosave_due {
            Some((due, v)) if v == version => {
                if Instant::now() >= due {
                    self.autosave_due = None;
                    self.doc.autosaved_version = version;
                    let edition = self.doc.edition.clone();
                    let options = self.options.clone();
                    let path = self.doc.path.clone();
                    std::thread::spawn(move || {
                        // A failed autosave must not interrupt work; the next change retries.
                        let _ = write_recovery(&options, path.as_deref(), &edition);
                    });
                } else {
                    ctx.request_repaint_after(due - Instant::now());
                }
            }
            _ => {
                self.autosave_due = Some((Instant::now() + AUTOSAVE_DELAY, version));
                ctx.request_repaint_after(AUTOSAVE_DELAY);
            }
        }
    }
}
