//! One open document: the edition, where it lives, its undo history and its current layout.
//! Every change goes through [`Document::apply`], [`Document::undo`] or [`Document::redo`], so
//! the layout is always known to be stale exactly when the edition changed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::history::{History, Merge};
use super::i18n::t;
use crate::layout::{EditionLayout, Layouter};
use crate::model::{Edit, EditError, Edition, StoryId};
use crate::resources::{Assets, Origin};

/// A layout made on a worker thread, with the resources it was made with (its font IDs are
/// that font book's).
struct Laid {
    layout: EditionLayout,
    assets: Arc<Assets>,
    ms: f32,
}

struct LayoutJob {
    rx: std::sync::mpsc::Receiver<Laid>,
}

pub struct Document {
    pub edition: Edition,
    /// Where relative photo paths are resolved: the file's folder, or the bundle.
    pub origin: Origin,
    /// Fonts and photos for the next layout.
    pub assets: Arc<Assets>,
    /// The user's font folders (the editor's settings), looked in after the edition's own.
    pub font_folders: Vec<PathBuf>,
    /// The file it was opened from or saved to; `None` for a new or the bundled edition.
    pub path: Option<PathBuf>,
    /// The bundled sample edition, not yet saved anywhere.
    pub sample: bool,
    pub history: History,
    /// The history version last written to `path`.
    pub saved_version: u64,
    /// The history version last written to the recovery copy.
    pub autosaved_version: u64,
    layouter: Arc<Layouter>,
    layout: Option<Arc<EditionLayout>>,
    /// A layout being made on a worker thread, for the edition as it was when it started.
    job: Option<LayoutJob>,
    /// Lay out on a worker thread, so a change that recomposes every story (a body style on
    /// 48 pages) never holds up a frame; the page shows the previous layout meanwhile. Off,
    /// layout happens right after the edit (tests rely on that).
    pub background: bool,
    /// Each story's jump lines in `layout`, read once per layout for the properties panel.
    pub jumps: HashMap<StoryId, Vec<String>>,
    /// The resources `layout` was made with: what its page images are drawn with.
    pub laid_with: Arc<Assets>,
    stale: bool,
    /// Bumped whenever the layout changes, so page images are rendered again.
    pub generation: u64,
    pub layout_ms: f32,
    /// The server edition this window works on live, when it is one: the window's edits go
    /// to it as they are made, and its undo reverts only them.
    pub live: Option<super::newsroom::LiveDoc>,
}

impl Document {
    /// A document for `edition`, whose fonts are looked for in its own `fonts/` folder, then
    /// `font_folders`, the system and the bundle.
    pub fn new(
        edition: Edition,
        origin: Origin,
        path: Option<PathBuf>,
        font_folders: &[PathBuf],
    ) -> Self {
        let assets = Arc::new(Assets::new(origin.clone(), font_folders));
        let mut doc = Self {
            laid_with: assets.clone(),
            assets,
            font_folders: font_folders.to_vec(),
            edition,
            origin,
            path,
            sample: false,
            history: History::default(),
            saved_version: 0,
            autosaved_version: 0,
            layouter: Arc::new(Layouter::new()),
            layout: None,
            job: None,
            background: false,
            jumps: HashMap::new(),
            stale: true,
            generation: 0,
            layout_ms: 0.0,
            live: None,
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
        // A server edition is stored as it is edited.
        self.live.is_none() && self.history.version() != self.saved_version
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
        if let Some(doc) = &self.live {
            if doc.server.read_only {
                return Err(EditError::Refused(t!(
                    "newsroom-read-only-refused",
                    name = doc.live.name()
                )));
            }
            // Refused at once when the newsroom would refuse it (role, someone else's hold);
            // the server checks again.
            doc.live.allowed(&edits).map_err(|r| {
                EditError::Refused(super::newsroom::refusal_text(&r, &self.edition))
            })?;
            self.history
                .apply(&mut self.edition, edits.clone(), label, merge)?;
            self.stale = true;
            // Auto-fit is left to whoever may restyle the story: its edits need a
            // designer's role, and the window's role may not have it.
            return self.send_live(edits, 0);
        }
        let touched = Touched::of(&edits, &self.edition);
        self.history.apply(&mut self.edition, edits, label, merge)?;
        self.stale = true;
        self.auto_fit(&touched);
        Ok(())
    }

    /// Sends edits already applied here to the live edition (where they apply the same way:
    /// it is the same edition), undoing `undos` of the window's own edits there first.
    fn send_live(&mut self, edits: Vec<Edit>, undos: usize) -> Result<(), EditError> {
        let Some(doc) = self.live.as_mut() else {
            return Ok(());
        };
        let mut result = Ok(());
        for _ in 0..undos {
            if let Err(e) = doc.live.undo() {
                result = Err(e);
                break;
            }
        }
        for edit in edits {
            if result.is_err() {
                break;
            }
            result = doc.live.edit(edit);
        }
        if result.is_err() {
            // Whatever happened, the window shows the live edition.
            self.edition = doc.live.edition().clone();
        }
        result
    }

    /// Undo or redo on a server edition: the step's edits are reverted here and, one by one,
    /// as this window's own edits on the server (refused there if someone changed the same
    /// thing since).
    fn step_live(&mut self, undo: bool) -> Option<Result<String, EditError>> {
        let count = if undo {
            self.history.undo_len()
        } else {
            self.history.redo_len()
        }?;
        let done = if undo {
            self.history.undo(&mut self.edition)
        } else {
            self.history.redo(&mut self.edition)
        };
        self.stale |= done.is_some();
        if let Some(Ok(_)) = &done {
            let sent = if undo {
                self.send_live(Vec::new(), count)
            } else {
                self.live.as_mut().map_or(Ok(()), |d| {
                    (0..count).try_for_each(|_| d.live.redo().map(|_| ()))
                })
            };
            if let Err(e) = sent {
                if let Some(d) = &self.live {
                    self.edition = d.live.edition().clone();
                }
                return Some(Err(e));
            }
        }
        done
    }

    /// Fits again, by tracking, every story marked auto-fit that the edit touched and that no
    /// longer fits; the change joins the edit's undo step. Only touched stories are set again,
    /// so typing in one story of a 48-page edition costs one story's fit, not every one's.
    fn auto_fit(&mut self, touched: &Touched) {
        use crate::layout::fit::Fitted;
        let auto: Vec<StoryId> = self
            .edition
            .stories
            .iter()
            .filter(|s| s.copyfit.auto && !s.thread.is_empty() && touched.story(&self.edition, s))
            .map(|s| s.id.clone())
            .collect();
        for id in auto {
            let plan = match self
                .layouter
                .fit_story_tracking(&self.edition, &*self.assets, &id)
            {
                Ok(Fitted::Plan(plan) | Fitted::Closer { plan, .. }) => plan,
                _ => continue,
            };
            // An edit that cannot be applied leaves the story as the user's edit left it.
            let _ = self.history.amend(&mut self.edition, plan.edits);
        }
    }

    /// Undoes one step; `None` when there is nothing to undo, else its label or why it failed.
    pub fn undo(&mut self) -> Option<Result<String, EditError>> {
        if self.live.is_some() {
            return self.step_live(true);
        }
        let done = self.history.undo(&mut self.edition);
        self.stale |= done.is_some();
        done
    }

    pub fn redo(&mut self) -> Option<Result<String, EditError>> {
        if self.live.is_some() {
            return self.step_live(false);
        }
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
            // The new folder's `fonts/` is the edition's own now.
            self.reload_resources();
        }
        self.saved_version = version;
        self.path = Some(path);
    }

    /// Uses these font folders from now on, and lays out again.
    pub fn set_font_folders(&mut self, folders: Vec<PathBuf>) {
        if folders != self.font_folders {
            self.font_folders = folders;
            self.reload_resources();
        }
    }

    /// Reads fonts and photos afresh (fonts added to a folder, photos changed on disk), and
    /// lays out again with them.
    pub fn reload_resources(&mut self) {
        self.assets = Arc::new(Assets::new(self.origin.clone(), &self.font_folders));
        // The paragraph cache holds shapes made with the old book's fonts.
        self.layouter = Arc::new(Layouter::new());
        self.stale = true;
    }

    /// Records in the edition the fonts its styles use now (file and SHA-256), as a save
    /// writes them, so the file warns when it meets other fonts elsewhere.
    pub fn record_fonts(&mut self) {
        let dir = match &self.origin {
            Origin::Folder(d) => Some(d.as_path()),
            Origin::Bundled => None,
        };
        let fonts = crate::resources::Resources::fonts(&*self.assets);
        let records = crate::layout::fonts::record(&self.edition, fonts, dir);
        if records != self.edition.fonts {
            self.edition.fonts = records;
            self.stale = true;
        }
    }

    /// The smallest change that fits `story` to its frames (see [`crate::layout::fit`]).
    pub fn fit_story(
        &self,
        story: &StoryId,
    ) -> Result<crate::layout::fit::Fitted, crate::layout::fit::FitError> {
        self.layouter.fit_story(&self.edition, &*self.assets, story)
    }

    /// The work of fitting page `page` (see [`crate::layout::fit_page`]), to run off the UI
    /// thread: it sets stories a few times over, more than a frame's time on a big page.
    pub fn fit_page_job(
        &self,
        page: usize,
    ) -> impl FnOnce() -> super::files::Outcome + Send + use<> {
        let (edition, layouter, assets) = (
            self.edition.clone(),
            self.layouter.clone(),
            self.assets.clone(),
        );
        let version = self.history.version();
        move || match layouter.fit_page(&edition, &*assets, page) {
            Ok(fit) => super::files::Outcome::PageFitted { page, version, fit },
            Err(e) => super::files::Outcome::Failed(e.to_string()),
        }
    }

    /// The history version: what an edit made since some work began changes.
    pub fn version(&self) -> u64 {
        self.history.version()
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

    /// Lays the edition out again if it changed (only changed stories are recomposed): right
    /// away, or in the background (see [`Self::background`]), when `wake` is repainted as the
    /// new layout arrives. Returns whether a new layout was installed.
    pub fn relayout_if_stale(&mut self, wake: Option<&egui::Context>) -> bool {
        let mut installed = false;
        if let Some(job) = &self.job
            && let Ok(done) = job.rx.try_recv()
        {
            self.job = None;
            self.install(done);
            installed = true;
        }
        if !self.stale {
            return installed;
        }
        if !self.background {
            self.relayout();
            return true;
        }
        // One job at a time: edits made meanwhile are laid out when it is done, together.
        if self.job.is_none() {
            self.stale = false;
            let (tx, rx) = std::sync::mpsc::channel();
            let edition = self.edition.clone();
            let layouter = self.layouter.clone();
            let assets = self.assets.clone();
            let wake = wake.cloned();
            std::thread::spawn(move || {
                let started = Instant::now();
                let layout = layouter.layout(&edition, &*assets);
                let ms = started.elapsed().as_secs_f32() * 1000.0;
                let fonts = assets.font_book();
                let _ = tx.send(Laid { layout, assets, ms });
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
                // Hash the font files the styles use here, off the UI thread: a save records
                // them and the Fonts dialog compares them, and a system collection can be
                // 20 MB. Each face hashes once; later layouts find the hashes cached.
                crate::layout::fonts::record(&edition, &fonts, None);
            });
            self.job = Some(LayoutJob { rx });
        }
        installed
    }

    /// True while a layout is being made in the background or the edition changed since the
    /// last one.
    pub fn layout_pending(&self) -> bool {
        self.stale || self.job.is_some()
    }

    /// A layout of the edition as it is now, for exports: the current one when it is up to
    /// date, else made now (on the caller's thread) with the shared caches.
    pub fn fresh_layout(&self) -> (Arc<Layouter>, Arc<Assets>) {
        (self.layouter.clone(), self.assets.clone())
    }

    fn relayout(&mut self) {
        let started = Instant::now();
        let layout = self.layouter.layout(&self.edition, &*self.assets);
        let ms = started.elapsed().as_secs_f32() * 1000.0;
        let assets = self.assets.clone();
        self.install(Laid { layout, assets, ms });
        self.stale = false;
    }

    fn install(&mut self, laid: Laid) {
        self.layout_ms = laid.ms;
        self.jumps = laid.layout.jump_lines();
        self.layout = Some(Arc::new(laid.layout));
        self.laid_with = laid.assets;
        self.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Photo, PhotoId};

    #[test]
    fn save_as_rebases_photo_paths_in_the_history_too() {
        let mut doc = Document::new(crate::sample::edition(), Origin::Bundled, None, &[]);
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

/// What an edit can change the fit of: stories named, the pages whose frames it moves or
/// changes, or everything (styles, templates, settings, page order).
struct Touched {
    all: bool,
    stories: Vec<StoryId>,
    /// Pages (by position when the edit was made) with a frame added, moved, changed or gone.
    pages: Vec<usize>,
}

impl Touched {
    fn of(edits: &[Edit], before: &Edition) -> Self {
        let mut t = Touched {
            all: false,
            stories: Vec::new(),
            pages: Vec::new(),
        };
        let page_of = |frame: &crate::model::FrameId, t: &mut Touched| match before.frame(frame) {
            Some((page, _)) => t.pages.push(page),
            None => t.all = true,
        };
        for edit in edits {
            match edit {
                Edit::SetStoryText { story, .. }
                | Edit::SetParagraphs { story, .. }
                | Edit::SetStoryStyles { story, .. }
                | Edit::SetCopyfit { story, .. }
                | Edit::SetThread { story, .. } => t.stories.push(story.clone()),
                Edit::SetFrameRect { frame, .. }
                | Edit::SetFrameKind { frame, .. }
                | Edit::SetFrameWrap { frame, .. }
                | Edit::SetFrameVertical { frame, .. }
                | Edit::RemoveFrame { frame } => page_of(frame, &mut t),
                Edit::InsertFrame { page, .. } => {
                    match before.pages.iter().position(|p| &p.id == page) {
                        Some(i) => t.pages.push(i),
                        None => t.all = true,
                    }
                }
                // Locking, titles and photos change no story's fit.
                Edit::SetFrameLocked { .. }
                | Edit::SetPageTitle { .. }
                | Edit::SetPageStatus { .. }
                | Edit::InsertPhoto { .. }
                | Edit::RemovePhoto { .. }
                | Edit::InsertStory { .. }
                | Edit::RemoveStory { .. } => {}
                _ => t.all = true,
            }
        }
        t
    }

    /// Whether `story`'s fit may have changed: it is named, or a frame changed on a page its
    /// thread runs through (a wrap or a moved neighbour reaches across stories there).
    fn story(&self, edition: &Edition, story: &crate::model::Story) -> bool {
        self.all
            || self.stories.contains(&story.id)
            || story.thread.iter().any(|f| {
                edition
                    .frame(f)
                    .is_some_and(|(p, _)| self.pages.contains(&p))
            })
    }
}

#[cfg(test)]
mod touched_tests {
    use super::*;
    use crate::model::FrameId;

    /// Auto-fit looks again only at what an edit can have changed.
    #[test]
    fn an_edit_touches_its_story_and_the_page_of_its_frames() {
        let e = crate::sample::edition();
        let story = |id: &str| e.story(&StoryId::new(id)).unwrap();
        let typed = Touched::of(
            &[Edit::SetStoryText {
                story: StoryId::new("civility"),
                field: crate::model::StoryField::Headline,
                text: "新".into(),
            }],
            &e,
        );
        assert!(typed.story(&e, story("civility")));
        assert!(!typed.story(&e, story("fire-safety")));
        // A frame moved on page 2 touches the stories there (the lead runs through it), not
        // those only on page 1.
        let moved = Touched::of(
            &[Edit::SetFrameRect {
                frame: FrameId::new("p2-heating-body"),
                rect: crate::model::Rect::new(0.0, 0.0, 10.0, 10.0),
            }],
            &e,
        );
        assert!(moved.story(&e, story("heating")));
        assert!(moved.story(&e, story("lead")));
        assert!(!moved.story(&e, story("civility")));
        // A style change can change every story.
        let restyled = Touched::of(
            &[Edit::SetStyle {
                style: Box::new(e.styles.paragraph[0].clone()),
            }],
            &e,
        );
        assert!(restyled.story(&e, story("family-school")));
    }
}
