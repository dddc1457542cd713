//! One open document: the edition, where it lives, its undo history and its current layout.
//! Every change goes through [`Document::apply`], [`Document::undo`] or [`Document::redo`], so
//! the layout is always known to be stale exactly when the edition changed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::history::{History, Merge};
use crate::layout::{EditionLayout, Layouter};
use crate::model::{Edit, EditError, Edition, Photo, StoryId};
use crate::resources::{Assets, Origin};
use crate::text::FontBook;

pub struct Document {
    pub edition: Edition,
    /// Where relative photo paths are resolved: the file's folder, or the bundle.
    pub origin: Origin,
    pub assets: Assets,
    /// The file it was opened from or saved to; `None` for a new or the bundled edition.
    pub path: Option<PathBuf>,
    /// The bundled sample edition, not yet saved anywhere.
    pub sample: bool,
    pub history: History,
    /// The history version last written to `path`.
    pub saved_version: u64,
    /// The history version last written to the recovery copy.
    pub autosaved_version: u64,
    layouter: Layouter,
    layout: Option<Arc<EditionLayout>>,
    /// Each story's jump lines in `layout`, read once per layout for the properties panel.
    pub jumps: HashMap<StoryId, Vec<String>>,
    /// The photos as the page images were last rendered with.
    pub photos: Arc<Vec<Photo>>,
    stale: bool,
    /// Bumped whenever the layout changes, so page images are rendered again.
    pub generation: u64,
    pub layout_ms: f32,
}

impl Document {
    pub fn new(edition: Edition, origin: Origin, path: Option<PathBuf>) -> Self {
        let mut doc = Self {
            assets: Assets::new(origin.clone()),
            photos: Arc::new(edition.photos.clone()),
            edition,
            origin,
            path,
            sample: false,
            history: History::default(),
            saved_version: 0,
            autosaved_version: 0,
            layouter: Layouter::new(),
            layout: None,
            jumps: HashMap::new(),
            stale: true,
            generation: 0,
            layout_ms: 0.0,
        };
        doc.relayout();
        doc
    }

    pub fn layout(&self) -> Option<&EditionLayout> {
        self.layout.as_deref()
    }

    /// The layout, shared with background work (rendering, export).
    pub fn layout_arc(&self) -> Option<Arc<EditionLayout>> {
        self.layout.clone()
    }

    /// The name shown in the title bar and prompts: the file's name, the sample's, or
    /// "Untitled" (未命名) for a new edition.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.sample => crate::bundle::SAMPLE_NAME.to_owned(),
            None => super::i18n::tr("untitled"),
        }
    }

    /// The file name Save As and export suggest, without extension: the file's own stem, the
    /// sample's, else the paper's name (a new edition never borrows the sample's name).
    pub fn suggested_stem(&self) -> String {
        if let Some(stem) = self.path.as_deref().and_then(std::path::Path::file_stem) {
            return stem.to_string_lossy().into_owned();
        }
        if self.sample {
            return crate::bundle::SAMPLE_NAME
                .trim_end_matches(".ron")
                .to_owned();
        }
        let paper: String = self
            .edition
            .paper
            .chars()
            .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
            .collect();
        let paper = paper.trim();
        if paper.is_empty() {
            "untitled".to_owned()
        } else {
            paper.to_owned()
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.version() != self.saved_version
    }

    /// The edition changed outside an edit (a file's photos were rebased): lay out again.
    pub fn touch(&mut self) {
        self.stale = true;
    }

    /// Applies one user action's edits as one undo step (or merged into the open one).
    pub fn apply(
        &mut self,
        edits: Vec<Edit>,
        label: &str,
        merge: Option<Merge>,
    ) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        self.history.apply(&mut self.edition, edits, label, merge)?;
        self.stale = true;
        Ok(())
    }

    /// Undoes one step; `None` when there is nothing to undo, else its label or why it failed.
    pub fn undo(&mut self) -> Option<Result<String, EditError>> {
        let done = self.history.undo(&mut self.edition);
        self.stale |= done.is_some();
        done
    }

    pub fn redo(&mut self) -> Option<Result<String, EditError>> {
        let done = self.history.redo(&mut self.edition);
        self.stale |= done.is_some();
        done
    }

    /// Saved under `path` (maybe a new one) at history `version`. `renamed`: the photo paths
    /// Save As rewrote for the new folder (old → new); the document and its history follow.
    pub fn saved(&mut self, path: PathBuf, version: u64, renamed: Option<HashMap<String, String>>) {
        if let Some(map) = renamed {
            super::files::rename_photo_paths(&mut self.edition.photos, &map);
            self.history.rebase_photo_paths(&map);
            self.origin = Origin::of_file(&path);
            self.assets = Assets::new(self.origin.clone());
            self.stale = true;
        }
        self.saved_version = version;
        self.path = Some(path);
    }

    /// Every photo path the document or its history names, for Save As to rebase.
    pub fn photo_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .edition
            .photos
            .iter()
            .chain(self.history.photos())
            .map(|p| p.path.clone())
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    /// Lays the edition out again if it changed (only changed stories are recomposed).
    /// Returns whether it did.
    pub fn relayout_if_stale(&mut self) -> bool {
        if self.stale {
            self.relayout();
            true
        } else {
            false
        }
    }

    fn relayout(&mut self) {
        let started = Instant::now();
        let laid = self
            .layouter
            .layout(&self.edition, FontBook::shared(), &self.assets);
        self.layout_ms = started.elapsed().as_secs_f32() * 1000.0;
        self.jumps = laid.jump_lines();
        self.layout = Some(Arc::new(laid));
        if *self.photos != self.edition.photos {
            self.photos = Arc::new(self.edition.photos.clone());
        }
        self.generation += 1;
        self.stale = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PhotoId;

    #[test]
    fn save_as_rebases_photo_paths_in_the_history_too() {
        let mut doc = Document::new(crate::sample::edition(), Origin::Bundled, None);
        let photo = Photo {
            id: PhotoId::new("extra"),
            path: "extra.jpg".into(),
            caption: String::new(),
            credit: String::new(),
        };
        let insert = Edit::InsertPhoto {
            index: 0,
            photo: photo.clone(),
        };
        doc.apply(vec![insert], "Import photos", None).unwrap();
        let remove = Edit::RemovePhoto {
            photo: photo.id.clone(),
        };
        doc.apply(vec![remove], "Remove photo", None).unwrap();
        // Save As moved the file: the removed photo, which only the history still knows,
        // is named from the new folder too.
        assert!(doc.photo_paths().contains(&"extra.jpg".to_owned()));
        let map = HashMap::from([("extra.jpg".to_owned(), "../old/extra.jpg".to_owned())]);
        let version = doc.history.version();
        doc.saved(PathBuf::from("/tmp/new/x.ron"), version, Some(map));
        // Undoing the removal brings the photo back with the rebased path, not the old one.
        doc.undo().unwrap().unwrap();
        assert_eq!(
            doc.edition.photo(&photo.id).unwrap().path,
            "../old/extra.jpg"
        );
    }
}
