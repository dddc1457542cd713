//! The desktop editor (eframe/egui). Only this module and `main.rs` use egui, eframe or rfd.
//!
//! The shape, egui's way: while a frame is drawn, menus, shortcuts, panels, the canvas and
//! dialogs only push [`Intent`]s. [`BroadsheetApp::logic`] runs once per frame before drawing
//! (also while the window is hidden): it polls background tasks, reads shortcuts, carries out
//! the intents — model [`Edit`]s through the [`Document`]'s history, so each can be undone —
//! lays the edition out again (only what changed is recomposed) and writes the autosave.
//! Files, dialogs and page rasterising run off the UI thread.

mod arrange;
mod canvas;
mod chooser;
mod chrome;
mod command;
mod diagnostics;
mod dialogs;
mod dispatch;
mod document;
mod export_dialog;
mod files;
mod flow;
mod font_dialog;
mod fonts;
mod history;
pub mod i18n;
mod input;
mod intent;
mod modal;
mod newsroom;
mod panels;
mod propose_dialog;
mod screenshot;
mod selection;
mod settings;
mod story_editor;
mod worker;
mod workspace;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use canvas::{Tool, Zoom};
pub use command::Command;
pub use document::Document;
pub use intent::Intent;
pub use selection::Selection;
pub use settings::{RightTab, ViewSettings};

use files::{Recovery, Task};
use history::Merge;
use i18n::{Language, t};
use intent::Intents;
use modal::{Modal, Pending};

use crate::cli;
use crate::layout::EditionLayout;
use crate::model::{Edit, EditError, Edition, FrameId, PageTemplate, StoryId, io};
use crate::resources::Origin;

/// How long after the last change the recovery copy is written.
const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// How long a status message stays before the status bar clears it.
const STATUS_FOR: Duration = Duration::from_secs(6);

/// Part of a page, `[x, y, w, h]` in whole points.
pub type Region = [i32; 4];

/// A page image: its texture and the region it shows (`None`: the whole page).
pub type ImageHit = Option<(egui::TextureId, Option<Region>)>;

/// A source of page images: page index, width in pixels and optional region to an image.
pub type PageImage<'a> = dyn FnMut(usize, f32, Option<Region>) -> ImageHit + 'a;

/// Editor settings that come from outside the document.
#[derive(Clone, Debug)]
pub struct Options {
    /// Recovery files live here.
    pub state_dir: PathBuf,
    /// Look for recovery files from a crashed session at start.
    pub offer_recovery: bool,
    /// Save a screenshot after the first frames and close.
    pub screenshot: Option<PathBuf>,
    /// Use the system's file dialogs; otherwise the editor's own chooser.
    pub native_dialogs: bool,
    /// The interface's language, whatever the settings say (tests, `--lang`).
    pub language: Option<Language>,
    /// Lay the edition out on a worker thread (see [`Document::background`]); tests turn it
    /// off so a layout follows each edit at once.
    pub background_layout: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            state_dir: files::state_dir(),
            offer_recovery: true,
            screenshot: None,
            native_dialogs: chooser::native_dialogs(),
            language: None,
            background_layout: true,
        }
    }
}

/// Opens the editor window on `file` (or the bundled sample). With `screenshot`, draws the
/// first frames, saves a PNG of the window and exits. A file that cannot be opened still opens
/// the window, with the error and the file's backup or recovery copy on offer.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let opened = cli::open(file.as_deref());
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 950.0])
            .with_drag_and_drop(true)
            .with_title("Broadsheet"),
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
            let mut app = match opened {
                Ok((edition, origin)) => BroadsheetApp::new(edition, origin, file, options),
                Err(e) => {
                    let path = file.unwrap_or_default();
                    BroadsheetApp::failed_to_open(path, format!("{e:#}"), options)
                }
            };
            if let Some(view) = cc
                .storage
                .and_then(|s| eframe::get_value::<ViewSettings>(s, eframe::APP_KEY))
            {
                app.doc.set_font_folders(view.font_folders.clone());
                app.view = view;
            }
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

/// A message in the status bar and when it was set.
struct Status {
    text: String,
    at: Instant,
}

/// The editor: one document, the view of it, and what is in progress.
pub struct BroadsheetApp {
    doc: Document,
    /// Kept between sessions.
    view: ViewSettings,
    page: usize,
    selected: Selection,
    /// The story shown in the properties panel when no frame is selected; also the one new
    /// frames are filled with.
    story: Option<StoryId>,
    /// Started with the first frame, when there is a context to wake.
    images: Option<worker::PageImages>,
    canvas: canvas::Canvas,
    styles_panel: panels::StylesPanel,
    /// Editors' preview: facing pages, no guides, frame edges, handles or side panels.
    preview: bool,
    intents: Intents,
    modal: Option<Modal>,
    /// Recovery copies still to offer, one dialog at a time.
    found_recovery: Vec<files::Found>,
    /// What to do once the save in progress has succeeded.
    after_save: Option<Pending>,
    tasks: Vec<Task>,
    status: Option<Status>,
    options: Options,
    recovery: Recovery,
    /// When the recovery copy is due, and the version it will hold.
    autosave_due: Option<(Instant, u64)>,
    allow_close: bool,
    shown_title: String,
    /// Our own time per frame (logic and UI), in ms.
    frame_times: Vec<f32>,
    /// Whole frames as eframe measures them (UI, tessellation, painting), in ms.
    full_frame_times: Vec<f32>,
    /// Time [`Self::logic`] took this frame, in ms.
    logic_ms: f32,
    frames_drawn: u32,
    screenshot_taken: bool,
    failure: Arc<Mutex<Option<String>>>,
    /// The frames last copied, as the RON text also put on the system clipboard.
    clipboard: Option<String>,
    /// The PDF options chosen in the export dialog, waiting for the file to be picked.
    pdf_choice: Option<export_dialog::PdfChoice>,
    /// The content-grabber drag in progress.
    grab: Option<arrange::GrabState>,
}

impl BroadsheetApp {
    pub fn new(edition: Edition, origin: Origin, path: Option<PathBuf>, options: Options) -> Self {
        let sample = path.is_none() && origin == Origin::Bundled;
        let mut doc = Document::new(edition, origin, path, &[]);
        doc.sample = sample;
        Self::with_document(doc, options)
    }

    /// The window for a file that could not be opened: a new edition behind a dialog that
    /// says why and offers the file's backup copy or recovery copy.
    pub fn failed_to_open(path: PathBuf, message: String, options: Options) -> Self {
        eprintln!("error: {message}");
        let template = PageTemplate::presets().remove(0);
        let doc = Document::new(crate::sample::blank(template), Origin::Bundled, None, &[]);
        let mut app = Self::with_document(doc, options);
        let mut bak = path.clone().into_os_string();
        bak.push(".bak");
        let bak = PathBuf::from(bak);
        let canonical = path.canonicalize().ok();
        let recovery_index = app.found_recovery.iter().position(|f| {
            f.document.is_some()
                && f.document.as_ref().and_then(|d| d.canonicalize().ok()) == canonical
        });
        let recovery = recovery_index.map(|i| app.found_recovery.remove(i));
        app.modal = Some(Modal::LoadFailed {
            path,
            message,
            backup: bak.is_file().then_some(bak),
            recovery,
        });
        app
    }

    fn with_document(mut doc: Document, options: Options) -> Self {
        doc.background = options.background_layout;
        let recovery = Recovery::new(options.state_dir.clone());
        let found_recovery = if options.offer_recovery {
            recovery.find()
        } else {
            Vec::new()
        };
        Self {
            doc,
            view: ViewSettings::default(),
            page: 0,
            selected: Selection::default(),
            story: None,
            images: None,
            canvas: canvas::Canvas::default(),
            styles_panel: panels::StylesPanel::default(),
            preview: false,
            intents: Intents::default(),
            modal: None,
            found_recovery,
            after_save: None,
            tasks: Vec::new(),
            status: None,
            recovery,
            autosave_due: None,
            allow_close: false,
            shown_title: String::new(),
            frame_times: Vec::new(),
            full_frame_times: Vec::new(),
            logic_ms: 0.0,
            frames_drawn: 0,
            screenshot_taken: false,
            failure: Arc::default(),
            clipboard: None,
            pdf_choice: None,
            grab: None,
            options,
        }
    }

    pub fn edition(&self) -> &Edition {
        &self.doc.edition
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The primary selected frame.
    pub fn selected(&self) -> Option<&FrameId> {
        self.selected.primary()
    }

    /// Every selected frame.
    pub fn selection(&self) -> &Selection {
        &self.selected
    }

    pub fn page(&self) -> usize {
        self.page
    }

    pub fn preview(&self) -> bool {
        self.preview
    }

    /// The fonts the current layout was set with.
    pub fn fonts(&self) -> Arc<crate::text::FontBook> {
        self.doc.laid_with.font_book()
    }

    pub fn layout(&self) -> Option<&EditionLayout> {
        self.doc.layout()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The status bar's message, while it is shown.
    pub fn message(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.text.as_str())
    }

    /// The view settings (kept between sessions).
    pub fn view(&self) -> &ViewSettings {
        &self.view
    }

    /// The interface's language: forced by the options, else chosen, else the system's.
    pub fn language(&self) -> Language {
        self.options
            .language
            .or(self.view.language)
            .unwrap_or_else(Language::from_system)
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            at: Instant::now(),
        });
    }

    /// Shows an error dialog. Whatever was waiting on a save does not happen.
    fn fail(&mut self, message: impl Into<String>) {
        self.after_save = None;
        self.modal = Some(Modal::Error(message.into()));
    }

    /// Applies one user action's edits through the history.
    /// `label` is the message ID of what the step is called ("undo-move-frame").
    fn edit(&mut self, edits: Vec<Edit>, label: &str, merge: Option<Merge>) {
        if let Err(e) = self.doc.apply(edits, label, merge) {
            let why = match e {
                EditError::SignedOff { page, by } => t!(
                    "refused-signed-off",
                    page = t!("page-label", page = page),
                    name = by
                ),
                e => e.to_string(),
            };
            self.fail(format!("{}: {why}", t!(label)));
        }
    }

    /// Replaces the document (open, new, recover).
    fn load(&mut self, edition: Edition, path: Option<PathBuf>) {
        // The old document is being replaced on purpose: its recovery copy has served.
        self.recovery.discard(self.doc.path.as_deref());
        let origin = path.as_deref().map_or(Origin::Bundled, Origin::of_file);
        if let Some(p) = &path {
            self.view.remember(p);
        }
        self.doc = Document::new(edition, origin, path, &self.view.font_folders);
        self.doc.background = self.options.background_layout;
        self.page = 0;
        self.selected.clear();
        self.story = None;
        self.canvas.linking = None;
    }

    /// The document's name for titles and prompts.
    fn document_name(&self) -> String {
        self.doc.display_name()
    }

    /// The pages shown side by side: one page, or in preview its spread (page 1 alone).
    fn shown_pages(&self) -> Vec<usize> {
        let n = self.doc.edition.pages.len();
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

    /// Shows another page. The selection belongs to the page it was made on, so it goes.
    fn show_page(&mut self, index: usize) {
        if index < self.doc.edition.pages.len() && index != self.page {
            self.page = index;
            self.selected.clear();
        }
    }

    fn turn_page(&mut self, forward: bool) {
        let shown = self.shown_pages();
        let last = self.doc.edition.pages.len().saturating_sub(1);
        let to = if forward {
            (shown.last().copied().unwrap_or(0) + 1).min(last)
        } else {
            shown.first().copied().unwrap_or(0).saturating_sub(1)
        };
        self.show_page(to);
    }

    /// Everything that is not drawing, once per frame before drawing: background tasks,
    /// shortcuts, the intents the last frame pushed, layout and autosave. eframe calls it
    /// through [`eframe::App::logic`], also while the window is hidden.
    pub fn logic(&mut self, ctx: &egui::Context) {
        let started = Instant::now();
        i18n::set_language(self.language());
        self.images
            .get_or_insert_with(|| worker::PageImages::new(ctx))
            .poll(ctx);
        let mut finished = Vec::new();
        self.tasks.retain(|t| match t.poll() {
            Some(o) => {
                finished.push(o);
                false
            }
            None => true,
        });
        for outcome in finished {
            self.finish(ctx, outcome);
        }
        if !self.tasks.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.live_events(ctx);
        self.input(ctx);
        for intent in self.intents.take() {
            self.act(ctx, intent);
        }
        if self.modal.is_none() && !self.found_recovery.is_empty() {
            let found = self.found_recovery.remove(0);
            self.modal = Some(Modal::Recover(found));
        }
        if self.doc.relayout_if_stale(Some(ctx)) {
            ctx.request_repaint();
        }
        self.autosave(ctx);
        if self
            .status
            .as_ref()
            .is_some_and(|s| s.at.elapsed() >= STATUS_FOR)
        {
            self.status = None;
        }
        if let Some(s) = &self.status {
            ctx.request_repaint_after(STATUS_FOR.saturating_sub(s.at.elapsed()));
        }
        let shown = format!(
            "{}{} — Broadsheet",
            if self.doc.is_dirty() { "● " } else { "" },
            self.document_name()
        );
        if shown != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(shown.clone()));
            self.shown_title = shown;
        }
        self.logic_ms = started.elapsed().as_secs_f32() * 1000.0;
    }

    /// Draws the window. eframe calls it through [`eframe::App::ui`] after [`Self::logic`].
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        egui::Panel::top("menu").show(ui, |ui| self.menus_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.preview {
            self.side_panels_ui(ui);
        }
        egui::CentralPanel::default().show(ui, |ui| self.canvas_ui(ui));
        if let Some(mut modal) = self.modal.take() {
            let name = self.document_name();
            let open = modal.ui(
                &ctx,
                &self.doc,
                &self.view.font_folders,
                &name,
                &mut self.intents,
            );
            if open && self.modal.is_none() {
                self.modal = Some(modal);
            }
        }
        if !self.intents.is_empty() {
            ctx.request_repaint();
        }
        let ms = std::mem::take(&mut self.logic_ms) + started.elapsed().as_secs_f32() * 1000.0;
        push_sample(&mut self.frame_times, ms);
        self.take_screenshot_when_ready(&ctx);
    }

    /// One whole frame: [`Self::logic`] then [`Self::ui`], as eframe runs them. Tests drive the
    /// editor through this.
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        self.ui(ui);
    }

    /// Median time our code (logic and UI) took per frame, over the last frames.
    pub fn median_frame_ms(&self) -> f32 {
        median(&self.frame_times)
    }
}

/// Keeps the last 120 samples.
fn push_sample(samples: &mut Vec<f32>, ms: f32) {
    samples.push(ms);
    if samples.len() > 120 {
        samples.remove(0);
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
    assets: &'a Arc<crate::resources::Assets>,
    generation: u64,
) -> impl FnMut(usize, f32, Option<Region>) -> ImageHit + 'a {
    move |i, px, region| {
        let layout = layout.clone()?;
        images
            .as_mut()?
            .get(i, px, region, generation, || (layout, assets.clone()))
            .map(|(id, key)| (id, key.region))
    }
}

impl eframe::App for BroadsheetApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        // eframe's figure for the previous frame: our code plus tessellation and painting.
        if let Some(ms) = frame.info().cpu_usage {
            push_sample(&mut self.full_frame_times, ms * 1000.0);
        }
        BroadsheetApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        BroadsheetApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.view);
    }
}
