//! Everything that touches files runs off the UI thread as a [`Task`]: native dialogs, opening,
//! saving, importing, exporting, and the autosave to a recovery file. The UI polls for results
//! and shows a spinner meanwhile.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Instant, SystemTime};

use crate::layout::EditionLayout;
use crate::model::{Edition, Photo, Story, io};
use crate::resources::Resources;
use crate::resources::{Origin, read_photo_size};

/// What a finished task hands back to the UI.
pub enum Outcome {
    /// A native dialog picked these files (none when it was cancelled).
    Picked(super::chooser::Purpose, Vec<PathBuf>),
    Opened(PathBuf, Box<Edition>),
    /// `version` is the history version that was written.
    Saved(PathBuf, u64),
    /// Saved under a new name; photo paths were rewritten for the new folder (old → new).
    SavedAs(PathBuf, u64, HashMap<String, String>),
    /// `bytes` and `ms` for a PDF; the display list says neither.
    Exported {
        pages: usize,
        path: PathBuf,
        bytes: Option<usize>,
        ms: Option<u128>,
    },
    Articles(Vec<Story>),
    /// Page `page` fitted as the document stood at history `version`.
    PageFitted {
        page: usize,
        version: u64,
        fit: crate::layout::fit_page::PageFit,
    },
    /// Photos that decode far enough to know their size, and why the others do not.
    Photos(Vec<PathBuf>, Vec<String>),
    Failed(String),
}

/// A background job with a name shown next to its spinner.
pub struct Task {
    pub name: String,
    pub started: Instant,
    rx: Receiver<Outcome>,
}

impl Task {
    pub fn spawn(
        name: impl Into<String>,
        ctx: &egui::Context,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let outcome = work();
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        Self {
            name: name.into(),
            started: Instant::now(),
            rx,
        }
    }

    /// The outcome, once the job is done.
    pub fn poll(&self) -> Option<Outcome> {
        match self.rx.try_recv() {
            Ok(o) => Some(o),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Outcome::Failed(format!(
                "{} stopped unexpectedly",
                self.name
            ))),
        }
    }
}

/// Runs a native dialog's future to completion on the calling (worker) thread.
pub fn dialog<T>(future: impl std::future::Future<Output = T>) -> T {
    pollster::block_on(future)
}

pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];
pub const PHOTO_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "JPG"];

pub fn is_layout(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

pub fn is_article(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

pub fn is_photo(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| PHOTO_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

pub fn open(path: PathBuf) -> Outcome {
    match io::load(&path) {
        Ok(e) => Outcome::Opened(path, Box::new(e)),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

pub fn save(edition: &Edition, path: PathBuf, version: u64) -> Outcome {
    match io::save(edition, &path) {
        Ok(()) => Outcome::Saved(path, version),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// Reads articles from text or Markdown files; fails as a whole on the first unreadable file.
pub fn import_articles(paths: &[PathBuf]) -> Outcome {
    let mut stories = Vec::new();
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => return Outcome::Failed(format!("{}: cannot read: {e}", path.display())),
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let found = crate::import::articles(&name, &text);
        if found.is_empty() {
            return Outcome::Failed(format!(
                "{}: no article found (expected a headline line, then paragraphs)",
                path.display()
            ));
        }
        stories.extend(
            found
                .into_iter()
                .map(|a| a.into_story(crate::model::StoryId::new(""))),
        );
    }
    Outcome::Articles(stories)
}

/// Checks photo files by decoding their headers; reports the ones that cannot be used.
pub fn import_photos(paths: &[PathBuf]) -> Outcome {
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let dir = path.parent().unwrap_or(Path::new("."));
        match read_photo_size(&Origin::Folder(dir.to_path_buf()), &path.to_string_lossy()) {
            Ok(_) => ok.push(path.clone()),
            Err(e) => failed.push(e.to_string()),
        }
    }
    Outcome::Photos(ok, failed)
}

/// Writes every page as PDF (for the press or a proof, as chosen), atomically.
pub fn export_pdf(
    layout: &EditionLayout,
    resources: &dyn Resources,
    path: &Path,
    choice: &super::export_dialog::PdfChoice,
) -> Outcome {
    let opts = choice.options((0..layout.pages.len()).collect(), &layout.meta.press);
    let started = Instant::now();
    let bytes = match crate::export::pdf::export(layout, resources, &opts) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    match io::write_atomic(path, &bytes, false) {
        Ok(()) => Outcome::Exported {
            pages: layout.pages.len(),
            path: path.to_path_buf(),
            bytes: Some(bytes.len()),
            ms: Some(started.elapsed().as_millis()),
        },
        Err(e) => Outcome::Failed(format!("{}: cannot write: {e}", path.display())),
    }
}

/// Writes the positioned display list ("PDF-ready data") as JSON, atomically.
pub fn export_data(layout: &EditionLayout, resources: &dyn Resources, path: &Path) -> Outcome {
    let pages: Vec<usize> = (0..layout.pages.len()).collect();
    let format = crate::export::data::DataFormat::from_path(path);
    let written = io::write_atomic_with(path, false, |f| {
        crate::export::data::write(layout, &pages, resources, format, f)
    });
    match written {
        Ok(()) => Outcome::Exported {
            pages: layout.pages.len(),
            path: path.to_path_buf(),
            bytes: None,
            ms: None,
        },
        Err(e) => Outcome::Failed(format!("{}: cannot write: {e}", path.display())),
    }
}

/// Where the editor keeps its recovery files and recent-file list: `$BROADSHEET_STATE_DIR`,
/// else `$XDG_STATE_HOME/broadsheet`, else `~/.local/state/broadsheet`.
pub fn state_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("BROADSHEET_STATE_DIR") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_STATE_HOME") {
        return PathBuf::from(d).join("broadsheet");
    }
    match std::env::var_os("HOME") {
        Some(h) => PathBuf::from(h).join(".local/state/broadsheet"),
        None => std::env::temp_dir().join("broadsheet"),
    }
}

/// Autosave: a copy of the unsaved document, written atomically a moment after changes stop,
/// deleted when the document is saved or closed cleanly. One left behind means a crash.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

/// A recovery file found at start-up.
#[derive(Clone, Debug)]
pub struct Found {
    pub recovery: PathBuf,
    /// The document it belongs to; `None` for an unsaved new or sample edition.
    pub document: Option<PathBuf>,
    pub modified: SystemTime,
}

impl Recovery {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn stem(document: Option<&Path>) -> String {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        document.hash(&mut h);
        let name = document.and_then(|d| d.file_stem()).map_or_else(
            || "untitled".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        format!("{name}-{:016x}", h.finish())
    }

    pub fn file_for(&self, document: Option<&Path>) -> PathBuf {
        self.dir
            .join("recovery")
            .join(format!("{}.ron", Self::stem(document)))
    }

    /// Writes the recovery copy and, beside it, which document it belongs to.
    pub fn write(&self, document: Option<&Path>, text: &str) -> std::io::Result<()> {
        let file = self.file_for(document);
        if let Some(d) = file.parent() {
            std::fs::create_dir_all(d)?;
        }
        let origin = document
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
        io::write_atomic(&file.with_extension("document"), origin.as_bytes(), false)?;
        io::write_atomic(&file, text.as_bytes(), false)
    }

    pub fn discard(&self, document: Option<&Path>) {
        let file = self.file_for(document);
        let _ = std::fs::remove_file(file.with_extension("document"));
        let _ = std::fs::remove_file(file);
    }

    pub fn discard_found(found: &Found) {
        let _ = std::fs::remove_file(found.recovery.with_extension("document"));
        let _ = std::fs::remove_file(&found.recovery);
    }

    /// Recovery files left by a session that did not end cleanly, newest first.
    pub fn find(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(self.dir.join("recovery")) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter_map(|recovery| {
                let modified = std::fs::metadata(&recovery).ok()?.modified().ok()?;
                let document = std::fs::read_to_string(recovery.with_extension("document"))
                    .ok()
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from);
                Some(Found {
                    recovery,
                    document,
                    modified,
                })
            })
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.modified));
        found
    }
}

/// Photo paths are relative to the layout file. When the file moves to `to`, returns the new
/// path of each of `paths` so they still name the same files; bundled photos are written out
/// beside the new file. Keys are the old paths.
pub fn rebase_photo_paths<'a>(
    paths: impl IntoIterator<Item = &'a str>,
    from: &Origin,
    to: &Path,
) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
    let Some(new_dir) = to.parent() else {
        return Ok(map);
    };
    let new_dir = if new_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        new_dir
    };
    let stem = to
        .file_stem()
        .map_or_else(|| "photos".to_owned(), |s| s.to_string_lossy().into_owned());
    for old in paths {
        if map.contains_key(old) {
            continue;
        }
        let new = match from {
            Origin::Folder(old_dir) => {
                let abs = old_dir.join(old);
                let abs = abs.canonicalize().unwrap_or(abs);
                let new_dir = new_dir
                    .canonicalize()
                    .unwrap_or_else(|_| new_dir.to_path_buf());
                match abs.strip_prefix(&new_dir) {
                    Ok(rel) => rel.to_string_lossy().into_owned(),
                    Err(_) => abs.to_string_lossy().into_owned(),
                }
            }
            Origin::Bundled => {
                let Some(bytes) = crate::bundle::asset(old) else {
                    continue;
                };
                let name = Path::new(old)
                    .file_name()
                    .map_or_else(|| "photo".into(), |n| n.to_string_lossy().into_owned());
                let rel = format!("{stem}-photos/{name}");
                let target = new_dir.join(&rel);
                if let Some(d) = target.parent() {
                    std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
                }
                io::write_atomic(&target, bytes, false)
                    .map_err(|e| format!("{}: {e}", target.display()))?;
                rel
            }
        };
        map.insert(old.to_owned(), new);
    }
    Ok(map)
}

/// Renames the photo paths of `photos` by `map` (old path → new path).
pub fn rename_photo_paths<'a>(
    photos: impl IntoIterator<Item = &'a mut Photo>,
    map: &HashMap<String, String>,
) {
    for photo in photos {
        if let Some(new) = map.get(&photo.path) {
            photo.path.clone_from(new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_files_are_found_and_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::new(dir.path().to_path_buf());
        let doc = dir.path().join("edition.ron");
        r.write(Some(&doc), "text").unwrap();
        r.write(None, "untitled").unwrap();
        let found = r.find();
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .any(|f| f.document.as_deref() == Some(doc.as_path()))
        );
        r.discard(Some(&doc));
        assert_eq!(r.find().len(), 1);
        assert!(r.find()[0].document.is_none());
    }

    #[test]
    fn saving_the_sample_elsewhere_writes_its_photos_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut e = crate::sample::edition();
        let to = dir.path().join("mine.ron");
        let old: Vec<String> = e.photos.iter().map(|p| p.path.clone()).collect();
        let map =
            rebase_photo_paths(old.iter().map(String::as_str), &Origin::Bundled, &to).unwrap();
        rename_photo_paths(&mut e.photos, &map);
        let origin = Origin::of_file(&to);
        for p in &e.photos {
            crate::resources::load_photo(&origin, &p.path)
                .expect("the photo is beside the new file");
        }
    }
}
