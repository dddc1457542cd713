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
mod document;
mod files;
mod flow;
mod fonts;
mod history;
pub mod i18n;
mod input;
mod intent;
mod modal;
mod panels;
mod selection;
mod settings;
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

use chooser::Purpose;
use files::{Recovery, Task};
use history::Merge;
use i18n::{Language, t};
use intent::Intents;
use modal::{Choice, Modal, Pending};

use crate::cli;
use crate::layout::EditionLayout;
use crate::model::{Edit, Edition, FrameId, NewFrame, PageTemplate, Part, StoryId, io};
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
    /// The content-grabber drag in progress.
    grab: Option<arrange::GrabState>,
}

impl BroadsheetApp {
    pub fn new(edition: Edition, origin: Origin, path: Option<PathBuf>, options: Options) -> Self {
        let sample = path.is_none() && origin == Origin::Bundled;
        let mut doc = Document::new(edition, origin, path);
        doc.sample = sample;
        Self::with_document(doc, options)
    }

    /// The window for a file that could not be opened: a new edition behind a dialog that
    /// says why and offers the file's backup copy or recovery copy.
    pub fn failed_to_open(path: PathBuf, message: String, options: Options) -> Self {
        eprintln!("error: {message}");
        let template = PageTemplate::presets().remove(0);
        let doc = Document::new(crate::sample::blank(template), Origin::Bundled, None);
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
            self.fail(format!("{}: {e}", t!(label)));
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
        self.doc = Document::new(edition, origin, path);
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

    /// Carries out a command from a menu, a shortcut, a button or the palette.
    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.modal = Some(Modal::NewEdition { preset: 0 }),
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
            Command::DeleteFrame => self.delete_selected(),
            Command::Copy
            | Command::Cut
            | Command::Paste
            | Command::PasteInPlace
            | Command::Duplicate
            | Command::SelectAll
            | Command::NextFrame
            | Command::PreviousFrame
            | Command::LockFrames
            | Command::AlignLeft
            | Command::AlignHCenter
            | Command::AlignRight
            | Command::AlignTop
            | Command::AlignVCenter
            | Command::AlignBottom
            | Command::DistributeHorizontally
            | Command::DistributeVertically => self.arrange(ctx, command),
            Command::LinkFrame => match self.selected.primary() {
                Some(f) if self.doc.edition.story_of_frame(f).is_some() => {
                    self.canvas.linking = Some(f.clone());
                    self.say(t!("status-click-to-link"));
                }
                _ => self.say(t!("status-select-to-link")),
            },
            Command::UnlinkFrame => {
                let Some(id) = self.selected.primary().cloned() else {
                    return;
                };
                match self.doc.edition.unlink_edits(&id) {
                    Ok(edits) => self.edit(edits, "undo-unlink", None),
                    Err(e) => self.say(diagnostics::structure_error(&e)),
                }
            }
            Command::ToolSelect => self.canvas.tool = Tool::Select,
            Command::ToolTextFrame => self.canvas.tool = Tool::Text,
            Command::ToolHeadlineFrame => self.canvas.tool = Tool::Headline,
            Command::ToolPhotoFrame => self.canvas.tool = Tool::Photo,
            Command::ToolRuleFrame => self.canvas.tool = Tool::Rule,
            Command::ToolBoxFrame => self.canvas.tool = Tool::Box,
            Command::HeadlineBigger | Command::HeadlineSmaller => {
                self.step_headline(command == Command::HeadlineBigger);
            }
            Command::NextPage => self.turn_page(true),
            Command::PreviousPage => self.turn_page(false),
            Command::AddPage => {
                if let Some((edits, index)) = self.doc.edition.add_page_edits(self.page) {
                    self.edit(edits, "undo-add-page", None);
                    self.page = index;
                    self.selected.clear();
                }
            }
            Command::DeletePage => match self.doc.edition.delete_page_edits(self.page) {
                Ok(edits) => {
                    self.edit(edits, "undo-delete-page", None);
                    self.selected.clear();
                }
                Err(e) => self.say(diagnostics::structure_error(&e)),
            },
            Command::MovePageEarlier | Command::MovePageLater => {
                let to = if command == Command::MovePageLater {
                    self.page + 1
                } else {
                    self.page.wrapping_sub(1)
                };
                if to < self.doc.edition.pages.len() {
                    let page = self.doc.edition.pages[self.page].id.clone();
                    self.edit(vec![Edit::MovePage { page, to }], "undo-move-page", None);
                    self.page = to;
                }
            }
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitPage => self.canvas.set_zoom(Zoom::FitPage),
            Command::FitWidth => self.canvas.set_zoom(Zoom::FitWidth),
            Command::ActualSize => self.canvas.set_zoom(Zoom::Scale(1.0)),
            Command::ToggleGuides => self.view.guides = !self.view.guides,
            Command::TogglePreview => self.set_preview(!self.preview),
            Command::TogglePreflight => self.view.preflight = !self.view.preflight,
            Command::ToggleFrameTime => self.view.frame_time = !self.view.frame_time,
            Command::CommandPalette => self.modal = Some(Modal::Palette(command::Palette::new())),
            Command::EditionSettings => {
                self.modal = Some(Modal::EditionSettings(dialogs::EditionDialog::new(
                    &self.doc.edition,
                )));
            }
            Command::PageSetup => {
                if let Some(d) = dialogs::TemplateDialog::new(&self.doc.edition, self.page) {
                    self.modal = Some(Modal::PageSetup(d));
                }
            }
        }
    }

    /// Deletes the selected frames, each unlinked from its story first; locked ones stay.
    pub(super) fn delete_selected(&mut self) {
        if self.selected.is_empty() {
            self.say(t!("status-select-to-delete"));
            return;
        }
        let mut scratch = self.doc.edition.clone();
        let mut edits = Vec::new();
        let mut locked = 0;
        for id in self.selected.frames() {
            if scratch.frame(id).is_some_and(|(_, f)| f.locked) {
                locked += 1;
                continue;
            }
            if let Ok(group) = scratch.delete_frame_edits(id)
                && scratch.apply_all(group.clone()).is_ok()
            {
                edits.extend(group);
            }
        }
        self.edit(edits, "undo-delete-frame", None);
        self.selected.clear();
        if locked > 0 {
            self.say(t!("status-locked-kept", count = locked));
        }
    }

    /// Steps the headline size of the selected story one Chinese size up or down.
    fn step_headline(&mut self, up: bool) {
        let edition = &self.doc.edition;
        let story = self
            .selected
            .primary()
            .and_then(|f| edition.frame(f))
            .and_then(|(_, f)| f.kind.shown_story().cloned())
            .or_else(|| {
                self.selected
                    .primary()
                    .and_then(|f| edition.story_of_frame(f))
                    .map(|s| s.id.clone())
            })
            .or_else(|| self.story.clone());
        let Some(story) = story else {
            self.say(t!("refused-no-story"));
            return;
        };
        match edition.restyle_part_edits(&story, Part::Headline, |s| s.size = s.size.step(up)) {
            Ok(edits) => {
                self.edit(edits, "undo-headline-type", None);
                if let Some(s) = self.doc.edition.part_style(&story, Part::Headline) {
                    let size = panels::size_name(&s.size);
                    self.say(t!("status-headline-size", size = size));
                }
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Enters or leaves the editors' preview. Leaving it, the selection is kept only if its
    /// frame is on the page now shown, so the page and the properties panel agree.
    fn set_preview(&mut self, on: bool) {
        self.preview = on;
        self.canvas.linking = None;
        if !on {
            self.selected.keep_on_page(&self.doc.edition, self.page);
        }
    }

    /// Undoes (or redoes) one step.
    fn step_history(&mut self, undo: bool) {
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        match (done, undo) {
            (Some(Ok(label)), true) => self.say(t!("status-undid", what = t!(&label))),
            (Some(Ok(label)), false) => self.say(t!("status-redid", what = t!(&label))),
            (Some(Err(e)), true) => self.fail(t!("error-undo", reason = e.to_string())),
            (Some(Err(e)), false) => self.fail(t!("error-redo", reason = e.to_string())),
            (None, true) => self.say(t!("status-nothing-to-undo")),
            (None, false) => self.say(t!("status-nothing-to-redo")),
        }
        self.page = self
            .page
            .min(self.doc.edition.pages.len().saturating_sub(1));
        // An undone frame may be gone.
        self.selected.keep_on_page(&self.doc.edition, self.page);
    }

    /// A new frame drawn with the current tool, filled with the selected story or photo.
    fn draw(&mut self, page: usize, rect: crate::model::Rect) {
        let kind = match self.canvas.tool {
            Tool::Select => return,
            Tool::Text => NewFrame::Text,
            Tool::Headline => NewFrame::Headline,
            Tool::Photo => NewFrame::Photo,
            Tool::Rule => NewFrame::Rule,
            Tool::Box => NewFrame::Box,
        };
        let edition = &self.doc.edition;
        let story = self
            .story
            .clone()
            .filter(|s| edition.story(s).is_some())
            .or_else(|| edition.stories.first().map(|s| s.id.clone()));
        let photo = edition.photos.last().map(|p| p.id.clone());
        match edition.draw_frame_edits(page, rect, kind, story.as_ref(), photo.as_ref()) {
            Ok((id, edits)) => {
                self.edit(edits, "undo-draw-frame", None);
                self.selected = Selection::one(id);
                self.canvas.tool = Tool::Select;
            }
            Err(e) => self.fail(diagnostics::structure_error(&e)),
        }
    }

    /// Selects `frame` alone (or nothing), showing its page and story.
    fn select(&mut self, frame: Option<FrameId>) {
        match frame {
            Some(f) => {
                self.focus_frame(&f);
                self.selected = Selection::one(f);
            }
            None => self.selected.clear(),
        }
    }

    /// Shows the page of frame `f` and makes its story the current one.
    fn focus_frame(&mut self, f: &FrameId) {
        let edition = &self.doc.edition;
        if let Some((page, fr)) = edition.frame(f) {
            if page != self.page {
                self.selected.clear();
            }
            self.page = page;
            if let Some(s) = edition.story_of_frame(f) {
                self.story = Some(s.id.clone());
            } else if let Some(story) = fr.kind.shown_story() {
                self.story = Some(story.clone());
            }
        }
    }

    /// Carries out one intent.
    fn act(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Run(c) => self.run_command(ctx, c),
            Intent::Select(frame) => self.select(frame),
            Intent::ToggleSelect(frame) => {
                self.focus_frame(&frame);
                self.selected.toggle(frame);
            }
            Intent::SelectMany { page, frames, add } => {
                self.show_page(page);
                if !add {
                    self.selected.clear();
                }
                if let Some(last) = frames.last() {
                    self.focus_frame(last);
                }
                self.selected.extend(frames);
            }
            Intent::SelectStory(story) => {
                let first = self
                    .doc
                    .edition
                    .story(&story)
                    .and_then(|s| s.thread.first().cloned());
                self.story = Some(story);
                if first.is_some() {
                    self.select(first);
                }
            }
            Intent::ShowPage(i) => self.show_page(i),
            Intent::Edit {
                edits,
                label,
                merge,
            } => self.edit(edits, label, merge),
            Intent::Commit => self.doc.history.commit(),
            Intent::Link { from, to } => match self.doc.edition.link_edits(&from, &to) {
                Ok(edits) => {
                    self.edit(edits, "undo-link", None);
                    self.selected = Selection::one(to);
                    self.say(t!("status-linked"));
                }
                Err(e) => self.fail(diagnostics::structure_error(&e)),
            },
            Intent::Draw { page, rect } => self.draw(page, rect),
            Intent::Open(path) => self.when_saved(ctx, Pending::Open(Some(path))),
            Intent::Dropped(paths) => self.dropped(ctx, paths),
            Intent::CloseRequested => {
                if self.allow_close {
                    return;
                }
                if self.doc.is_dirty() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.modal = Some(Modal::Unsaved(Pending::Quit));
                } else {
                    self.recovery.discard(self.doc.path.as_deref());
                }
            }
            Intent::Choice(choice) => self.choose(ctx, choice),
            Intent::PasteText(text) => self.paste_clip(ctx, Some(text), false),
            Intent::Nudge(d, grid) => self.nudge(d, grid),
            Intent::Grab { frame, drag, done } => self.grab(&frame, drag, done),
            Intent::GrabZoom { frame, steps } => self.grab_zoom(&frame, steps),
            Intent::GrabReset(frame) => self.grab_reset(&frame),
            Intent::ReplacePhoto { frame, photo } => {
                match crate::layout::photos::replace_photo_edit(
                    &self.doc.edition,
                    &*self.doc.assets,
                    &frame,
                    &photo,
                ) {
                    Ok(edit) => self.edit(vec![edit], "undo-place-photo", None),
                    Err(e) => self.fail(e.to_string()),
                }
            }
        }
    }

    /// What a dialog's button asked for.
    fn choose(&mut self, ctx: &egui::Context, choice: Choice) {
        match choice {
            Choice::SaveThen(pending) => {
                self.after_save = Some(pending);
                self.save(ctx);
            }
            Choice::Proceed(pending) => self.proceed(ctx, pending),
            Choice::Recover(found) => {
                match io::load(&found.recovery) {
                    Ok(edition) => {
                        self.load(edition, found.document.clone());
                        // Unsaved until the user saves.
                        self.doc.saved_version = u64::MAX;
                        self.say(t!("status-recovered"));
                    }
                    Err(e) => self.fail(t!("error-recovery-unreadable", reason = e.to_string())),
                }
                files::Recovery::discard_found(&found);
            }
            Choice::DiscardRecovery(found) => files::Recovery::discard_found(&found),
            Choice::Picked(purpose, paths) => self.picked(ctx, purpose, paths),
            Choice::Create(template) => self.when_saved(ctx, Pending::New(Box::new(template))),
            Choice::Cancel => self.after_save = None,
        }
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
            if modal.ui(&ctx, &self.doc.edition, &name, &mut self.intents) && self.modal.is_none() {
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

    fn take_screenshot_when_ready(&mut self, ctx: &egui::Context) {
        let Some(out) = self.options.screenshot.clone() else {
            return;
        };
        self.frames_drawn += 1;
        ctx.request_repaint();
        // Wait for the page images, then let a few frames settle so the timing is steady.
        // Asked for once: a flag, not a frame count, so a render that outlasts the settling
        // frames still gets its screenshot.
        let busy = self.images.as_ref().is_some_and(worker::PageImages::busy);
        if self.screenshot_taken || busy || self.frames_drawn < 30 {
            return;
        }
        self.screenshot_taken = true;
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
    origin: &'a Origin,
    photos: &'a Arc<Vec<crate::model::Photo>>,
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
