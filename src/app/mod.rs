//! The desktop editor (eframe/egui). Only this module and `main.rs` use egui, eframe or rfd.
//!
//! The shape: a [`Command`] (menu, shortcut or palette) or a canvas/panel [`Action`] becomes model
//! [`Edit`]s, applied through the [`History`] so each can be undone; the edition is then laid out
//! again (only what changed is recomposed) and the canvas paints the new display list. Files,
//! dialogs and page rasterising run off the UI thread.

mod canvas;
mod chooser;
mod command;
mod files;
mod fonts;
mod history;
mod panels;
mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use canvas::{Tool, Zoom};
use chooser::Purpose;
pub use command::Command;
use files::{Outcome, Recovery, Task};
use history::{History, Merge};

use crate::cli;
use crate::layout::{EditionLayout, Layouter};
use crate::model::{
    Edit, Edition, Fit, Frame, FrameId, FrameKind, Page, PageTemplate, Photo, StoryId, io,
};
use crate::resources::{Assets, Origin};
use crate::text::FontBook;

/// How long after the last change the recovery copy is written.
const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Part of a page, `[x, y, w, h]` in whole points.
pub type Region = [i32; 4];

/// A page image: its texture and the region it shows (`None`: the whole page).
pub type ImageHit = Option<(egui::TextureId, Option<Region>)>;

/// A source of page images: page index, width in pixels and optional region to an image.
pub type PageImage<'a> = dyn FnMut(usize, f32, Option<Region>) -> ImageHit + 'a;

/// What the canvas and panels ask the app to do.
#[derive(Debug)]
pub enum Action {
    Select(Option<FrameId>),
    SelectStory(StoryId),
    ShowPage(usize),
    Edit {
        edits: Vec<Edit>,
        label: &'static str,
        merge: Option<Merge>,
    },
    /// Ends the open undo step (a drag ended, a word was typed, a field lost focus).
    Commit,
    /// Continue the story of `from` in frame `to`.
    Link {
        from: FrameId,
        to: FrameId,
    },
    /// A frame was drawn with the current tool.
    Draw {
        page: usize,
        rect: crate::model::Rect,
    },
    Run(Command),
}

/// Editor settings that come from outside the document.
#[derive(Clone, Debug)]
pub struct Options {
    /// Recovery files and the recent-file list live here.
    pub state_dir: PathBuf,
    /// Look for recovery files from a crashed session at start.
    pub offer_recovery: bool,
    /// Save a screenshot after the first frames and close.
    pub screenshot: Option<PathBuf>,
    /// Use the system's file dialogs; otherwise the editor's own chooser.
    pub native_dialogs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            state_dir: files::state_dir(),
            offer_recovery: true,
            screenshot: None,
            native_dialogs: chooser::native_dialogs(),
        }
    }
}

/// Opens the editor window on `file` (or the bundled sample). With `screenshot`, draws the
/// first frames, saves a PNG of the window and exits.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let (edition, origin) = cli::open(file.as_deref())?;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 950.0])
            .with_drag_and_drop(true)
            .with_title(title(file.as_deref(), false)),
        ..Default::default()
    };
    let failure: Arc<Mutex<Option<String>>> = Arc::default();
    let failure_in_app = failure.clone();
    let options = Options {
        offer_recovery: screenshot.is_none(),
        screenshot,
        ..Options::default()
    };
    eframe::run_native(
        "Broadsheet",
        native,
        Box::new(move |cc| {
            setup_context(&cc.egui_ctx);
            let mut app = BroadsheetApp::new(edition, origin, file, options);
            app.failure = failure_in_app;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the editor window: {e}"))?;
    match failure.lock().ok().and_then(|mut f| f.take()) {
        Some(message) => anyhow::bail!(message),
        None => Ok(()),
    }
}

/// Prepares an egui context for the editor: the bundled CJK fonts, and Ctrl+plus/minus
/// zooming the page rather than the whole interface. Tests call it for their harness.
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// Writes a recovery copy as the autosave does, for `document` (`None`: an unsaved edition).
pub fn write_recovery(
    options: &Options,
    document: Option<&Path>,
    edition: &Edition,
) -> std::io::Result<()> {
    Recovery::new(options.state_dir.clone()).write(document, &io::to_string(edition))
}

fn title(file: Option<&Path>, dirty: bool) -> String {
    let name = file.and_then(|f| f.file_name()).map_or_else(
        || crate::bundle::SAMPLE_NAME.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{}{name} — Broadsheet", if dirty { "● " } else { "" })
}

/// Something to do once unsaved changes have been saved or discarded.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one at a time; PageTemplate grew with the folio texts
enum Pending {
    Quit,
    Open(Option<PathBuf>),
    New(PageTemplate),
}

/// The editor's state.
pub struct BroadsheetApp {
    edition: Edition,
    origin: Origin,
    path: Option<PathBuf>,
    history: History,
    /// The history version last written to `path`.
    saved_version: u64,
    page: usize,
    selected: Option<FrameId>,
    /// The story shown in the properties panel when no frame is selected; also the one new
    /// frames are filled with.
    story: Option<StoryId>,
    layouter: Layouter,
    assets: Assets,
    layout: Option<Arc<EditionLayout>>,
    /// Each story's jump lines in `layout`, read once per layout for the properties panel.
    jumps: HashMap<StoryId, Vec<String>>,
    needs_layout: bool,
    /// Bumped whenever `layout` changes, so page images are rendered again.
    generation: u64,
    layout_ms: f32,
    photos: Arc<Vec<Photo>>,
    /// Started with the first frame, when there is a context to wake.
    images: Option<worker::PageImages>,
    canvas: canvas::Canvas,
    guides: bool,
    /// Editors' preview: facing pages, no guides, frame edges, handles or side panels.
    preview: bool,
    preflight: bool,
    frame_time: bool,
    frame_times: Vec<f32>,
    /// Whole frames as eframe measures them (UI, tessellation, painting), in ms.
    full_frame_times: Vec<f32>,
    palette: command::Palette,
    tasks: Vec<Task>,
    message: String,
    error: Option<String>,
    options: Options,
    recovery: Recovery,
    recent: Vec<PathBuf>,
    found_recovery: Vec<files::Found>,
    /// When the recovery copy is due, and the version it will hold.
    autosave_due: Option<(Instant, u64)>,
    autosaved_version: u64,
    new_edition: Option<usize>,
    /// The editor's own file chooser, where there is no native dialog.
    chooser: Option<chooser::Chooser>,
    /// A recent file picked from the menu, opened once unsaved changes are dealt with.
    confirm_open: Option<PathBuf>,
    confirm: Option<Pending>,
    after_save: Option<Pending>,
    allow_close: bool,
    shown_title: String,
    frames_drawn: u32,
    failure: Arc<Mutex<Option<String>>>,
}

impl BroadsheetApp {
    pub fn new(edition: Edition, origin: Origin, path: Option<PathBuf>, options: Options) -> Self {
        let recovery = Recovery::new(options.state_dir.clone());
        let found_recovery = if options.offer_recovery {
            recovery.find()
        } else {
            Vec::new()
        };
        let mut app = Self {
            assets: Assets::new(origin.clone()),
            photos: Arc::new(edition.photos.clone()),
            edition,
            origin,
            path,
            history: History::default(),
            saved_version: 0,
            page: 0,
            selected: None,
            story: None,
            layouter: Layouter::new(),
            layout: None,
            jumps: HashMap::new(),
            needs_layout: true,
            generation: 0,
            layout_ms: 0.0,
            images: None,
            canvas: canvas::Canvas::default(),
            guides: true,
            preview: false,
            preflight: false,
            frame_time: false,
            frame_times: Vec::new(),
            full_frame_times: Vec::new(),
            palette: command::Palette::default(),
            tasks: Vec::new(),
            message: String::new(),
            error: None,
            recent: files::recent_files(&options.state_dir),
            recovery,
            found_recovery,
            autosave_due: None,
            autosaved_version: 0,
            new_edition: None,
            chooser: None,
            confirm_open: None,
            confirm: None,
            after_save: None,
            allow_close: false,
            shown_title: String::new(),
            frames_drawn: 0,
            failure: Arc::default(),
            options,
        };
        app.relayout();
        app
    }

    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    pub fn selected(&self) -> Option<&FrameId> {
        self.selected.as_ref()
    }

    pub fn page(&self) -> usize {
        self.page
    }

    pub fn preview(&self) -> bool {
        self.preview
    }

    pub fn layout(&self) -> Option<&EditionLayout> {
        self.layout.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.history.version() != self.saved_version
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// Lays the edition out again (only changed stories are recomposed).
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
        self.needs_layout = false;
        self.page = self.page.min(self.edition.pages.len().saturating_sub(1));
        if self
            .selected
            .as_ref()
            .is_some_and(|f| self.edition.frame(f).is_none())
        {
            self.selected = None;
        }
    }

    /// Applies one user action's edits through the history.
    fn edit(&mut self, edits: Vec<Edit>, label: &str, merge: Option<Merge>) {
        if edits.is_empty() {
            return;
        }
        match self.history.apply(&mut self.edition, edits, label, merge) {
            Ok(()) => self.needs_layout = true,
            Err(e) => self.error = Some(format!("{label}: {e}")),
        }
    }

    /// Replaces the document (open, new, recover).
    fn load(&mut self, edition: Edition, path: Option<PathBuf>) {
        // The old document is being replaced on purpose: its recovery copy has served.
        self.recovery.discard(self.path.as_deref());
        self.origin = path.as_deref().map_or(Origin::Bundled, Origin::of_file);
        self.assets = Assets::new(self.origin.clone());
        self.edition = edition;
        self.path = path;
        self.history.clear();
        self.saved_version = 0;
        self.autosaved_version = 0;
        self.page = 0;
        self.selected = None;
        self.story = None;
        self.needs_layout = true;
        if let Some(p) = &self.path {
            self.recent = files::remember_recent(&self.options.state_dir, p);
        }
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) {
        self.tasks.push(Task::spawn(name, ctx, work));
    }

    /// Runs `pending` now if nothing is unsaved, else asks first.
    fn when_saved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.is_dirty() {
            self.confirm = Some(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.recovery.discard(self.path.as_deref());
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(Some(path)) => {
                self.recovery.discard(self.path.as_deref());
                self.spawn(ctx, "Opening", move || files::open(path));
            }
            Pending::Open(None) => self.pick(ctx, Purpose::Open),
            Pending::New(template) => {
                self.recovery.discard(self.path.as_deref());
                self.load(crate::sample::blank(template), None);
                self.message = "New edition".into();
            }
        }
    }

    fn save(&mut self, ctx: &egui::Context) {
        let Some(path) = self.path.clone() else {
            self.save_as(ctx);
            return;
        };
        self.history.commit();
        let edition = self.edition.clone();
        let version = self.history.version();
        self.spawn(ctx, "Saving", move || files::save(&edition, path, version));
    }

    fn save_as(&mut self, ctx: &egui::Context) {
        self.history.commit();
        self.pick(ctx, Purpose::SaveAs);
    }

    /// Asks for files: the native dialog where there is one, else the editor's own chooser.
    fn pick(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let dir = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let stem = self.path.as_deref().and_then(Path::file_stem).map_or_else(
            || "hexi-news".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let name = match purpose {
            Purpose::SaveAs => format!("{stem}.ron"),
            Purpose::ExportPdf => format!("{stem}.pdf"),
            Purpose::ExportData => format!("{stem}.json"),
            _ => String::new(),
        };
        if self.options.native_dialogs {
            self.spawn(ctx, purpose.title(), move || {
                Outcome::Picked(purpose, chooser::native(purpose, Some(dir), name))
            });
        } else {
            self.chooser = Some(chooser::Chooser::new(purpose, dir, name));
        }
    }

    /// Does what the files were picked for, off the UI thread.
    fn picked(&mut self, ctx: &egui::Context, purpose: Purpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            // Cancelled: whatever was to follow a save does not happen.
            self.after_save = None;
            return;
        };
        match purpose {
            Purpose::Open => self.spawn(ctx, "Opening", move || files::open(first)),
            Purpose::SaveAs => {
                let mut edition = self.edition.clone();
                let version = self.history.version();
                let from = self.origin.clone();
                self.spawn(ctx, "Saving", move || {
                    if let Err(e) = files::rebase_photos(&mut edition, &from, &first) {
                        return Outcome::Failed(format!("cannot copy the photos: {e}"));
                    }
                    match files::save(&edition, first, version) {
                        Outcome::Saved(path, version) => {
                            Outcome::SavedAs(path, version, edition.photos)
                        }
                        other => other,
                    }
                });
            }
            Purpose::ImportArticles => {
                self.spawn(ctx, "Importing", move || files::import_articles(&paths));
            }
            Purpose::ImportPhotos => {
                self.spawn(ctx, "Importing", move || files::import_photos(&paths));
            }
            Purpose::ExportPdf | Purpose::ExportData => {
                let Some(layout) = self.layout.clone() else {
                    return;
                };
                let edition = self.edition.clone();
                let origin = self.origin.clone();
                self.spawn(ctx, purpose.title(), move || {
                    if purpose == Purpose::ExportPdf {
                        files::export_pdf(&edition, &layout, &origin, &first)
                    } else {
                        files::export_data(&layout, &first)
                    }
                });
            }
        }
    }

    /// Files dropped on the window: a layout opens, articles and photos are imported.
    fn dropped(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if let Some(layout) = paths.iter().find(|p| files::is_layout(p)) {
            self.when_saved(ctx, Pending::Open(Some(layout.clone())));
            return;
        }
        let articles: Vec<PathBuf> = paths
            .iter()
            .filter(|p| files::is_article(p))
            .cloned()
            .collect();
        let photos: Vec<PathBuf> = paths
            .iter()
            .filter(|p| files::is_photo(p))
            .cloned()
            .collect();
        if articles.is_empty() && photos.is_empty() {
            self.error = Some("Drop .ron layouts, .txt/.md articles or .jpg/.png photos.".into());
            return;
        }
        if !articles.is_empty() {
            self.spawn(ctx, "Importing", move || files::import_articles(&articles));
        }
        if !photos.is_empty() {
            self.spawn(ctx, "Importing", move || files::import_photos(&photos));
        }
    }

    /// Applies what a finished task produced.
    fn finish(&mut self, ctx: &egui::Context, outcome: Outcome) {
        match outcome {
            Outcome::Picked(purpose, paths) => self.picked(ctx, purpose, paths),
            Outcome::Opened(path, edition) => {
                self.message = format!("Opened {}", path.display());
                self.load(*edition, Some(path));
            }
            Outcome::Saved(path, version) => self.saved(ctx, path, version, None),
            Outcome::SavedAs(path, version, photos) => self.saved(ctx, path, version, Some(photos)),
            Outcome::Exported(message) => self.message = message,
            Outcome::Articles(stories) => {
                let mut edits = Vec::new();
                let mut scratch = self.edition.clone();
                let mut first = None;
                for mut story in stories {
                    let base: String = story.headline.chars().take(8).collect();
                    story.id =
                        scratch.fresh_story_id(if base.is_empty() { "story" } else { &base });
                    first.get_or_insert(story.id.clone());
                    let edit = Edit::InsertStory {
                        index: scratch.stories.len(),
                        story: Box::new(story),
                    };
                    let _ = scratch.apply(edit.clone());
                    edits.push(edit);
                }
                let n = edits.len();
                self.edit(edits, "Import articles", None);
                self.story = first;
                self.selected = None;
                self.message = format!(
                    "Imported {n} articles. Draw a text frame (T) to place the selected one."
                );
            }
            Outcome::Photos(found, failed) => {
                let mut edits = Vec::new();
                let mut scratch = self.edition.clone();
                let dir = match &self.origin {
                    Origin::Folder(d) => d.canonicalize().ok(),
                    Origin::Bundled => None,
                };
                for path in &found {
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
                self.edit(edits, "Import photos", None);
                self.message = format!(
                    "Imported {} photos. Draw a photo frame (F) to place one.",
                    found.len()
                );
                if !failed.is_empty() {
                    self.error = Some(format!(
                        "Some photos could not be read:\n{}",
                        failed.join("\n")
                    ));
                }
            }
            Outcome::Failed(e) => {
                self.after_save = None;
                self.error = Some(e);
            }
        }
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        version: u64,
        photos: Option<Vec<Photo>>,
    ) {
        let moved = self.path.as_ref() != Some(&path);
        if moved {
            self.recovery.discard(self.path.as_deref());
        }
        if let Some(photos) = photos {
            // Save As rewrote photo paths for the new folder; the document follows.
            self.edition.photos = photos;
            self.origin = Origin::of_file(&path);
            self.assets = Assets::new(self.origin.clone());
            self.needs_layout = true;
        }
        self.saved_version = version;
        self.recovery.discard(Some(&path));
        self.recent = files::remember_recent(&self.options.state_dir, &path);
        self.message = format!("Saved {}", path.display());
        self.path = Some(path);
        if let Some(next) = self.after_save.take() {
            self.proceed(ctx, next);
        }
    }

    /// Writes the recovery copy a moment after changes stop.
    fn autosave(&mut self, ctx: &egui::Context) {
        let version = self.history.version();
        if !self.is_dirty() || version == self.autosaved_version {
            self.autosave_due = None;
            return;
        }
        match self.autosave_due {
            Some((due, v)) if v == version => {
                if Instant::now() >= due {
                    self.autosave_due = None;
                    self.autosaved_version = version;
                    let edition = self.edition.clone();
                    let options = self.options.clone();
                    let path = self.path.clone();
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

    /// The pages shown side by side: one page, or in preview its spread (page 1 alone).
    fn shown_pages(&self) -> Vec<usize> {
        let n = self.edition.pages.len();
        if !self.preview || self.page == 0 {
            return vec![self.page];
        }
        let left = if self.page % 2 == 1 {
            self.page
        } else {
            self.page - 1
        };
        (left..(left + 2).min(n)).collect()
    }

    fn turn_page(&mut self, forward: bool) {
        let shown = self.shown_pages();
        let last = self.edition.pages.len().saturating_sub(1);
        self.page = if forward {
            (shown.last().copied().unwrap_or(0) + 1).min(last)
        } else {
            shown.first().copied().unwrap_or(0).saturating_sub(1)
        };
        if !self.preview {
            self.selected = None;
        }
    }

    /// Carries out a command from a menu, a shortcut, a button or the palette.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.new_edition = Some(0),
            Command::Open => self.when_saved(ctx, Pending::Open(None)),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.save_as(ctx),
            Command::ImportArticles => self.pick(ctx, Purpose::ImportArticles),
            Command::ImportPhotos => self.pick(ctx, Purpose::ImportPhotos),
            Command::ExportPdf => self.pick(ctx, Purpose::ExportPdf),
            Command::ExportData => self.pick(ctx, Purpose::ExportData),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
            Command::DeleteFrame => self.delete_frame(),
            Command::LinkFrame => match &self.selected {
                Some(f) if self.edition.story_of_frame(f).is_some() => {
                    self.canvas.linking = Some(f.clone());
                    self.message =
                        "Click the text frame the story continues in (Esc cancels)".into();
                }
                _ => self.message = "Select a threaded text frame to link from".into(),
            },
            Command::UnlinkFrame => self.unlink(),
            Command::ToolSelect => self.canvas.tool = Tool::Select,
            Command::ToolTextFrame => self.canvas.tool = Tool::Text,
            Command::ToolHeadlineFrame => self.canvas.tool = Tool::Headline,
            Command::ToolPhotoFrame => self.canvas.tool = Tool::Photo,
            Command::NextPage => self.turn_page(true),
            Command::PreviousPage => self.turn_page(false),
            Command::AddPage => self.add_page(),
            Command::DeletePage => self.delete_page(),
            Command::MovePageEarlier | Command::MovePageLater => {
                let later = command == Command::MovePageLater;
                let to = if later {
                    self.page + 1
                } else {
                    self.page.wrapping_sub(1)
                };
                if to < self.edition.pages.len() {
                    let page = self.edition.pages[self.page].id.clone();
                    self.edit(vec![Edit::MovePage { page, to }], "Move page", None);
                    self.page = to;
                }
            }
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitPage => self.canvas.set_zoom(Zoom::FitPage),
            Command::FitWidth => self.canvas.set_zoom(Zoom::FitWidth),
            Command::ActualSize => self.canvas.set_zoom(Zoom::Scale(1.0)),
            Command::ToggleGuides => self.guides = !self.guides,
            Command::TogglePreview => {
                self.preview = !self.preview;
                self.canvas.linking = None;
            }
            Command::TogglePreflight => self.preflight = !self.preflight,
            Command::ToggleFrameTime => self.frame_time = !self.frame_time,
            Command::CommandPalette => self.palette.open = true,
        }
    }

    /// Undoes (or redoes) one step.
    fn step_history(&mut self, undo: bool) {
        let (done, what) = if undo {
            (self.history.undo(&mut self.edition), "undo")
        } else {
            (self.history.redo(&mut self.edition), "redo")
        };
        match done {
            Some(Ok(label)) => {
                self.message = format!("{} {label}", if undo { "Undid" } else { "Redid" });
                self.needs_layout = true;
            }
            Some(Err(e)) => self.error = Some(format!("Cannot {what}: {e}")),
            None => self.message = format!("Nothing to {what}"),
        }
    }

    fn delete_frame(&mut self) {
        let Some(id) = self.selected.clone() else {
            self.message = "Select a frame to delete".into();
            return;
        };
        let mut edits = Vec::new();
        if let Some(story) = self.edition.story_of_frame(&id) {
            edits.push(Edit::SetThread {
                story: story.id.clone(),
                thread: story.thread.iter().filter(|f| **f != id).cloned().collect(),
            });
        }
        edits.push(Edit::RemoveFrame { frame: id });
        self.edit(edits, "Delete frame", None);
        self.selected = None;
    }

    fn unlink(&mut self) {
        let Some(id) = self.selected.clone() else {
            return;
        };
        let Some(story) = self.edition.story_of_frame(&id) else {
            self.message = "This frame is not in a thread".into();
            return;
        };
        let thread = story.thread.iter().filter(|f| **f != id).cloned().collect();
        let story = story.id.clone();
        self.edit(
            vec![Edit::SetThread { story, thread }],
            "Unlink frame",
            None,
        );
    }

    fn link(&mut self, from: &FrameId, to: FrameId) {
        let Some(story) = self.edition.story_of_frame(from) else {
            return;
        };
        if !matches!(
            self.edition.frame(&to).map(|(_, f)| &f.kind),
            Some(FrameKind::Text { .. })
        ) {
            self.error = Some("A story can only continue in a text frame".into());
            return;
        }
        let mut edits = Vec::new();
        if let Some(other) = self.edition.story_of_frame(&to)
            && other.id != story.id
        {
            let thread = other.thread.iter().filter(|f| **f != to).cloned().collect();
            edits.push(Edit::SetThread {
                story: other.id.clone(),
                thread,
            });
        }
        let mut thread: Vec<FrameId> = story.thread.iter().filter(|f| **f != to).cloned().collect();
        let at = thread
            .iter()
            .position(|f| f == from)
            .map_or(thread.len(), |i| i + 1);
        thread.insert(at, to.clone());
        edits.push(Edit::SetThread {
            story: story.id.clone(),
            thread,
        });
        self.edit(edits, "Link frames", None);
        self.selected = Some(to);
        self.message = "Linked".into();
    }

    fn add_page(&mut self) {
        let current = self.edition.pages.get(self.page);
        let Some(template) = current
            .map(|p| p.template.clone())
            .or_else(|| self.edition.templates.first().map(|t| t.id.clone()))
        else {
            return;
        };
        let page = Page {
            id: self.edition.fresh_page_id(),
            template,
            section: current.and_then(|p| p.section.clone()),
            title: String::new(),
            frames: Vec::new(),
        };
        let index = (self.page + 1).min(self.edition.pages.len());
        self.edit(
            vec![Edit::InsertPage {
                index,
                page: Box::new(page),
            }],
            "Add page",
            None,
        );
        self.page = index;
        self.selected = None;
    }

    fn delete_page(&mut self) {
        if self.edition.pages.len() <= 1 {
            self.message = "An edition keeps at least one page".into();
            return;
        }
        let page = &self.edition.pages[self.page];
        let mut edits = Vec::new();
        for story in &self.edition.stories {
            let thread: Vec<FrameId> = story
                .thread
                .iter()
                .filter(|f| !page.frames.iter().any(|pf| &pf.id == *f))
                .cloned()
                .collect();
            if thread.len() != story.thread.len() {
                edits.push(Edit::SetThread {
                    story: story.id.clone(),
                    thread,
                });
            }
        }
        edits.push(Edit::RemovePage {
            page: page.id.clone(),
        });
        self.edit(edits, "Delete page", None);
        self.selected = None;
    }

    /// A new frame drawn with the current tool, filled with the selected story or photo.
    fn draw(&mut self, page: usize, rect: crate::model::Rect) {
        let Some(p) = self.edition.pages.get(page) else {
            return;
        };
        let story = self
            .story
            .clone()
            .filter(|s| self.edition.story(s).is_some())
            .or_else(|| self.edition.stories.first().map(|s| s.id.clone()));
        let (kind, base) = match self.canvas.tool {
            Tool::Select => return,
            Tool::Text => {
                let column = self
                    .edition
                    .template(&p.template)
                    .map_or(100.0, |t| t.column_width().0 + t.gutter_width().0);
                let columns = ((rect.w.0 + column * 0.3) / column)
                    .floor()
                    .clamp(1.0, 12.0) as u8;
                (
                    FrameKind::Text {
                        columns,
                        gutter: None,
                        balance: false,
                    },
                    "text",
                )
            }
            Tool::Headline => {
                let Some(story) = story.clone() else {
                    self.error = Some("Import or select a story first".into());
                    return;
                };
                (FrameKind::Headline { story }, "headline")
            }
            Tool::Photo => {
                let Some(photo) = self.edition.photos.last().map(|p| p.id.clone()) else {
                    self.error =
                        Some("Import a photo first (Ctrl+D, or drop a file on the window)".into());
                    return;
                };
                let story = story.filter(|s| {
                    self.edition
                        .story(s)
                        .is_some_and(|s| s.photo.as_ref() == Some(&photo))
                });
                (
                    FrameKind::Photo {
                        photo,
                        story,
                        fit: Fit::Fill,
                        crop: Default::default(),
                    },
                    "photo",
                )
            }
        };
        let id = self.edition.fresh_frame_id(&format!("{}-{base}", p.id));
        let text = matches!(kind, FrameKind::Text { .. });
        let mut edits = vec![Edit::InsertFrame {
            page: p.id.clone(),
            index: p.frames.len(),
            frame: Frame {
                id: id.clone(),
                rect,
                kind,
            },
        }];
        // A new text frame takes the selected story if that story is not placed yet.
        if text
            && let Some(s) = self.story.as_ref().and_then(|s| self.edition.story(s))
            && s.thread.is_empty()
        {
            edits.push(Edit::SetThread {
                story: s.id.clone(),
                thread: vec![id.clone()],
            });
        }
        self.edit(edits, "Draw frame", None);
        self.selected = Some(id);
        self.canvas.tool = Tool::Select;
    }

    fn act(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Select(frame) => {
                if let Some(f) = &frame {
                    if let Some((page, _)) = self.edition.frame(f) {
                        self.page = page;
                    }
                    if let Some(s) = self.edition.story_of_frame(f) {
                        self.story = Some(s.id.clone());
                    } else if let Some((_, fr)) = self.edition.frame(f)
                        && let FrameKind::Headline { story } = &fr.kind
                    {
                        self.story = Some(story.clone());
                    }
                }
                self.selected = frame;
            }
            Action::SelectStory(story) => {
                let first = self
                    .edition
                    .story(&story)
                    .and_then(|s| s.thread.first().cloned());
                self.story = Some(story);
                if let Some(f) = first {
                    if let Some((page, _)) = self.edition.frame(&f) {
                        self.page = page;
                    }
                    self.selected = Some(f);
                }
            }
            Action::ShowPage(i) => {
                if i < self.edition.pages.len() && i != self.page {
                    self.page = i;
                    self.selected = None;
                }
            }
            Action::Edit {
                edits,
                label,
                merge,
            } => self.edit(edits, label, merge),
            Action::Commit => self.history.commit(),
            Action::Link { from, to } => self.link(&from, to),
            Action::Draw { page, rect } => self.draw(page, rect),
            Action::Run(c) => self.run(ctx, c),
        }
    }

    fn menus_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut run = None;
        let selected = self.selected.is_some();
        let threaded = self
            .selected
            .as_ref()
            .is_some_and(|f| self.edition.story_of_frame(f).is_some());
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                Command::New.menu_button_ui(ui, true, &mut run);
                Command::Open.menu_button_ui(ui, true, &mut run);
                ui.menu_button("Open Recent", |ui| {
                    if self.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in self.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.confirm_open = Some(p);
                            ui.close();
                        }
                    }
                });
                Command::Save.menu_button_ui(ui, true, &mut run);
                Command::SaveAs.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::ImportArticles.menu_button_ui(ui, true, &mut run);
                Command::ImportPhotos.menu_button_ui(ui, true, &mut run);
                Command::ExportPdf.menu_button_ui(ui, true, &mut run);
                Command::ExportData.menu_button_ui(ui, true, &mut run);
                ui.separator();
                Command::Quit.menu_button_ui(ui, true, &mut run);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.history.undo_label().map(|l| format!(" {l}"));
                let redo = self.history.redo_label().map(|l| format!(" {l}"));
                Command::Undo.menu_button_ui(ui, undo.is_some(), &mut run);
                Command::Redo.menu_button_ui(ui, redo.is_some(), &mut run);
                ui.separator();
                Command::DeleteFrame.menu_button_ui(ui, selected, &mut run);
                Command::LinkFrame.menu_button_ui(ui, threaded, &mut run);
                Command::UnlinkFrame.menu_button_ui(ui, threaded, &mut run);
                ui.separator();
                for c in [
                    Command::ToolSelect,
                    Command::ToolTextFrame,
                    Command::ToolHeadlineFrame,
                    Command::ToolPhotoFrame,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
                ui.separator();
                Command::CommandPalette.menu_button_ui(ui, true, &mut run);
            });
            ui.menu_button("Pages", |ui| {
                for c in [
                    Command::NextPage,
                    Command::PreviousPage,
                    Command::AddPage,
                    Command::DeletePage,
                    Command::MovePageEarlier,
                    Command::MovePageLater,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
            });
            ui.menu_button("View", |ui| {
                for c in [
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::FitPage,
                    Command::FitWidth,
                    Command::ActualSize,
                ] {
                    c.menu_button_ui(ui, true, &mut run);
                }
                ui.separator();
                for (c, on) in [
                    (Command::ToggleGuides, self.guides),
                    (Command::TogglePreview, self.preview),
                    (Command::TogglePreflight, self.preflight),
                    (Command::ToggleFrameTime, self.frame_time),
                ] {
                    let text = format!("{} {}", if on { "●" } else { "○" }, c.text());
                    let b = egui::Button::new(text).shortcut_text(c.shortcut_text(ui.ctx()));
                    if ui.add(b).on_hover_text(c.tooltip()).clicked() {
                        run = Some(c);
                        ui.close();
                    }
                }
            });
            ui.separator();
            // The tools, one click away.
            for (tool, c, icon) in [
                (Tool::Select, Command::ToolSelect, "Select"),
                (Tool::Text, Command::ToolTextFrame, "Text frame"),
                (Tool::Headline, Command::ToolHeadlineFrame, "Headline frame"),
                (Tool::Photo, Command::ToolPhotoFrame, "Photo frame"),
            ] {
                let r = ui
                    .selectable_label(self.canvas.tool == tool, icon)
                    .on_hover_text(format!("{} ({})", c.tooltip(), c.shortcut_text(ui.ctx())));
                if r.clicked() {
                    run = Some(c);
                }
            }
            ui.separator();
            let preview = ui
                .selectable_label(self.preview, "Preview")
                .on_hover_text(Command::TogglePreview.tooltip());
            if preview.clicked() {
                run = Some(Command::TogglePreview);
            }
            for c in [Command::Undo, Command::Redo] {
                let enabled = match c {
                    Command::Undo => self.history.undo_label().is_some(),
                    _ => self.history.redo_label().is_some(),
                };
                let r = ui
                    .add_enabled(enabled, egui::Button::new(c.text()))
                    .on_hover_text(c.shortcut_text(ui.ctx()));
                if r.clicked() {
                    run = Some(c);
                }
            }
        });
        run
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let page = self.edition.page_label(self.page);
            ui.label(format!(
                "第{page}版 ({}/{})",
                self.page + 1,
                self.edition.pages.len()
            ));
            ui.separator();
            ui.label(format!("{:.0}%", self.canvas.scale * 100.0));
            ui.separator();
            match self.canvas.pointer_mm {
                Some((p, x, y)) => ui.label(format!(
                    "第{}版 x {x:.1} mm, y {y:.1} mm",
                    self.edition.page_label(p)
                )),
                None => ui.label("—"),
            };
            ui.separator();
            if let Some(layout) = &self.layout {
                let errors = layout
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::model::Severity::Error)
                    .count();
                let warnings = layout.diagnostics.len() - errors;
                let text = format!("{errors} errors · {warnings} warnings");
                if ui
                    .link(text)
                    .on_hover_text(Command::TogglePreflight.tooltip())
                    .clicked()
                {
                    self.preflight = !self.preflight;
                }
            }
            ui.separator();
            for task in &self.tasks {
                ui.spinner();
                ui.label(format!(
                    "{}… {:.1} s",
                    task.name,
                    task.started.elapsed().as_secs_f32()
                ));
            }
            if self.is_dirty() {
                ui.label("● unsaved");
            }
            ui.label(&self.message);
        });
    }

    /// Modal dialogs: errors, unsaved changes, recovery, new edition.
    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(error) = self.error.clone() {
            let m = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading("Something went wrong");
                ui.label(&error);
                ui.button("OK").clicked()
            });
            if m.inner || m.should_close() {
                self.error = None;
            }
            return;
        }
        if let Some(pending) = self.confirm.clone() {
            let name = self.path.as_deref().and_then(Path::file_name).map_or_else(
                || crate::bundle::SAMPLE_NAME.to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!("Save the changes to {name} first?"));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(0);
                    }
                    if ui.button("Don't save").clicked() {
                        choice = Some(1);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(2);
                    }
                });
            });
            match choice {
                Some(0) => {
                    self.confirm = None;
                    self.after_save = Some(pending);
                    self.save(ctx);
                }
                Some(1) => {
                    self.confirm = None;
                    self.proceed(ctx, pending);
                }
                Some(_) => self.confirm = None,
                None => {}
            }
            return;
        }
        if let Some(found) = self.found_recovery.first().cloned() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
                ui.heading("Recover unsaved work?");
                let what = found
                    .document
                    .as_ref()
                    .map_or_else(|| "an unsaved edition".to_owned(), |d| d.display().to_string());
                let age = found.modified.elapsed().map(|d| d.as_secs() / 60).unwrap_or(0);
                ui.label(format!(
                    "Broadsheet did not close cleanly. Changes to {what} from {age} minutes ago were kept."
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(false);
                    }
                });
            });
            if let Some(recover) = choice {
                self.found_recovery.remove(0);
                if recover {
                    match io::load(&found.recovery) {
                        Ok(edition) => {
                            self.load(edition, found.document.clone());
                            // Unsaved until the user saves.
                            self.saved_version = u64::MAX;
                            self.message = "Recovered unsaved changes".into();
                        }
                        Err(e) => {
                            self.error = Some(format!("The recovery file cannot be read: {e}"))
                        }
                    }
                }
                Recovery::discard_found(&found);
            }
            return;
        }
        if let Some(c) = self.chooser.as_mut() {
            match c.ui(ctx) {
                Some(chooser::Chosen::Files(paths)) => {
                    let purpose = c.purpose;
                    self.chooser = None;
                    self.picked(ctx, purpose, paths);
                }
                Some(chooser::Chosen::Cancelled) => {
                    self.chooser = None;
                    self.after_save = None;
                }
                None => {}
            }
            return;
        }
        if let Some(mut preset) = self.new_edition {
            let presets = PageTemplate::presets();
            let mut create = None;
            let m = egui::Modal::new(egui::Id::unique("new edition")).show(ctx, |ui| {
                ui.heading("New edition");
                ui.label("Page template");
                for (i, t) in presets.iter().enumerate() {
                    ui.radio_value(&mut preset, i, &t.name);
                }
                ui.horizontal(|ui| {
                    if ui.button("Create").clicked() {
                        create = presets.get(preset).cloned();
                    }
                    if ui.button("Cancel").clicked() {
                        self.new_edition = None;
                    }
                });
            });
            if self.new_edition.is_some() {
                self.new_edition = Some(preset);
            }
            if m.should_close() {
                self.new_edition = None;
            }
            if let Some(t) = create {
                self.new_edition = None;
                self.when_saved(ctx, Pending::New(t));
            }
        }
    }

    /// The whole window. eframe calls it through [`eframe::App::ui`]; tests call it directly.
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        let images = self
            .images
            .get_or_insert_with(|| worker::PageImages::new(&ctx));
        images.poll(&ctx);
        let finished: Vec<Outcome> = {
            let mut out = Vec::new();
            self.tasks.retain(|t| match t.poll() {
                Some(o) => {
                    out.push(o);
                    false
                }
                None => true,
            });
            out
        };
        for outcome in finished {
            self.finish(&ctx, outcome);
        }
        if !self.tasks.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }

        // Files dropped on the window.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.dropped(&ctx, dropped);
        }
        // Closing the window asks about unsaved changes.
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.confirm = Some(Pending::Quit);
            } else {
                self.recovery.discard(self.path.as_deref());
            }
        }

        let modal_open = self.error.is_some()
            || self.confirm.is_some()
            || !self.found_recovery.is_empty()
            || self.new_edition.is_some()
            || self.chooser.is_some()
            || self.palette.open;
        if !modal_open {
            if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.canvas.linking = None;
                self.canvas.tool = Tool::Select;
                if self.preview {
                    self.preview = false;
                }
            }
            for c in Command::from_input(&ctx) {
                self.run(&ctx, c);
            }
        }

        egui::Panel::top("menu").show(ui, |ui| {
            if let Some(c) = self.menus_ui(ui) {
                self.run(&ctx, c);
            }
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));

        let mut actions = Vec::new();
        let generation = self.generation;
        if !self.preview {
            egui::Panel::left("pages")
                .default_size(190.0)
                .show(ui, |ui| {
                    let mut thumb = page_images(
                        &mut self.images,
                        self.layout.clone(),
                        &self.origin,
                        &self.photos,
                        generation,
                    );
                    panels::pages_ui(
                        ui,
                        &self.edition,
                        self.layout.as_deref(),
                        self.page,
                        self.story.as_ref(),
                        &mut thumb,
                        &mut actions,
                    );
                });
            egui::Panel::right("properties")
                .default_size(320.0)
                .show(ui, |ui| {
                    let frame = self
                        .selected
                        .as_ref()
                        .and_then(|f| self.edition.frame(f))
                        .map(|(_, f)| f);
                    panels::properties_ui(
                        ui,
                        &self.edition,
                        self.layout.as_deref(),
                        &self.jumps,
                        frame,
                        self.story.as_ref(),
                        &mut actions,
                    );
                });
            if self.preflight {
                egui::Panel::bottom("preflight")
                    .default_size(160.0)
                    .show(ui, |ui| {
                        panels::preflight_ui(
                            ui,
                            &self.edition,
                            self.layout.as_deref(),
                            &mut actions,
                        );
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let view = canvas::View {
                edition: &self.edition,
                layout: self.layout.as_deref(),
                selected: self.selected.as_ref(),
                pages: self.shown_pages(),
                guides: self.guides,
                preview: self.preview,
            };
            let mut image = page_images(
                &mut self.images,
                self.layout.clone(),
                &self.origin,
                &self.photos,
                generation,
            );
            let canvas_actions = self.canvas.ui(ui, &view, &mut image);
            drop(image);
            actions.extend(canvas_actions);
            if self.frame_time {
                self.frame_time_ui(ui);
            }
            if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
                let r = ui.max_rect();
                ui.painter()
                    .rect_filled(r, 0.0, egui::Color32::from_black_alpha(120));
                ui.painter().text(
                    r.center(),
                    egui::Align2::CENTER_CENTER,
                    "Drop layouts, articles or photos",
                    egui::FontId::proportional(28.0),
                    egui::Color32::WHITE,
                );
            }
        });
        for action in actions {
            self.act(&ctx, action);
        }
        if let Some(c) = self.palette.ui(&ctx) {
            self.run(&ctx, c);
        }
        if let Some(path) = self.confirm_open.take() {
            self.when_saved(&ctx, Pending::Open(Some(path)));
        }
        self.dialogs_ui(&ctx);
        if self.needs_layout {
            self.relayout();
            ctx.request_repaint();
        }
        self.autosave(&ctx);
        let shown = title(self.path.as_deref(), self.is_dirty());
        if shown != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(shown.clone()));
            self.shown_title = shown;
        }
        let ms = started.elapsed().as_secs_f32() * 1000.0;
        self.frame_times.push(ms);
        if self.frame_times.len() > 120 {
            self.frame_times.remove(0);
        }
        self.take_screenshot_when_ready(&ctx);
    }

    /// Median time our UI code took per frame, over the last frames.
    pub fn median_frame_ms(&self) -> f32 {
        median(&self.frame_times)
    }

    fn frame_time_ui(&self, ui: &egui::Ui) {
        let text = format!(
            "UI {:.1} ms (median {:.1}) · whole frame {:.1} ms · layout {:.1} ms{}",
            self.frame_times.last().copied().unwrap_or(0.0),
            self.median_frame_ms(),
            median(&self.full_frame_times),
            self.layout_ms,
            if self.images.as_ref().is_some_and(worker::PageImages::busy) {
                " · rendering"
            } else {
                ""
            }
        );
        let r = ui.max_rect();
        let painter = ui.painter();
        let galley =
            painter.layout_no_wrap(text, egui::FontId::monospace(12.0), egui::Color32::WHITE);
        let at = r.right_top() + egui::vec2(-galley.size().x - 10.0, 8.0);
        painter.rect_filled(
            egui::Rect::from_min_size(at, galley.size()).expand(4.0),
            3.0,
            egui::Color32::from_black_alpha(170),
        );
        painter.galley(at, galley, egui::Color32::WHITE);
        ui.ctx().request_repaint();
    }

    fn take_screenshot_when_ready(&mut self, ctx: &egui::Context) {
        let Some(out) = self.options.screenshot.clone() else {
            return;
        };
        self.frames_drawn += 1;
        ctx.request_repaint();
        // Wait for the page image, then let a few frames settle so the timing is steady.
        if self.images.as_ref().is_some_and(worker::PageImages::busy) || self.frames_drawn < 30 {
            return;
        }
        if self.frames_drawn > 30 {
            return;
        }
        println!(
            "median per frame over {} frames: UI {:.2} ms, whole frame (UI, tessellation, painting) {:.2} ms",
            self.frame_times.len(),
            self.median_frame_ms(),
            median(&self.full_frame_times),
        );
        let failure = self.failure.clone();
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
            let saved = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
                .ok_or_else(|| "screenshot has the wrong size".to_owned())
                .and_then(|img| img.save(&out).map_err(|e| e.to_string()));
            if let Err(e) = saved
                && let Ok(mut f) = failure.lock()
            {
                *f = Some(format!(
                    "cannot save the screenshot to {}: {e}",
                    out.display()
                ));
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
        });
    }
}

fn median(times: &[f32]) -> f32 {
    let mut t = times.to_vec();
    t.sort_by(f32::total_cmp);
    t.get(t.len() / 2).copied().unwrap_or(0.0)
}

/// The page images the canvas and thumbnails draw: page index, width in pixels and region
/// to a texture and the region it shows.
fn page_images<'a>(
    images: &'a mut Option<worker::PageImages>,
    layout: Option<Arc<EditionLayout>>,
    origin: &'a Origin,
    photos: &'a Arc<Vec<Photo>>,
    generation: u64,
) -> impl FnMut(usize, f32, Option<Region>) -> ImageHit + 'a {
    move |i, px, region| {
        let layout = layout.clone()?;
        images
            .as_mut()?
            .get(i, px, region, generation, || {
                (layout, origin.clone(), photos.clone())
            })
            .map(|(id, key)| (id, key.region))
    }
}

impl eframe::App for BroadsheetApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // eframe's figure for the previous frame: our UI plus tessellation and painting.
        if let Some(ms) = frame.info().cpu_usage {
            self.full_frame_times.push(ms * 1000.0);
            if self.full_frame_times.len() > 120 {
                self.full_frame_times.remove(0);
            }
        }
        self.ui_main(ui);
    }
}
