//! The desktop editor (eframe/egui). Only this module and `main.rs` use egui, eframe or rfd.

mod fonts;
mod overview;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::cli;
use crate::layout::{EditionLayout, Layouter};
use crate::model::{Edition, io};
use crate::resources::{Assets, Origin};
use crate::text::FontBook;

/// Opens the editor window on `file` (or the bundled sample). With `screenshot`, draws the
/// first frames, saves a PNG of the window and exits.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let (edition, origin) = cli::open(file.as_deref())?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 900.0])
            .with_title(title(file.as_ref(), false)),
        ..Default::default()
    };
    let failure: Arc<Mutex<Option<String>>> = Arc::default();
    let failure_in_app = failure.clone();
    eframe::run_native(
        "Broadsheet",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(BroadsheetApp::new(
                edition,
                origin,
                file,
                screenshot,
                failure_in_app,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the editor window: {e}"))?;
    match failure.lock().ok().and_then(|mut f| f.take()) {
        Some(message) => anyhow::bail!(message),
        None => Ok(()),
    }
}

fn title(file: Option<&PathBuf>, dirty: bool) -> String {
    let name = file.and_then(|f| f.file_name()).map_or_else(
        || crate::bundle::SAMPLE_NAME.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{}{name} — Broadsheet", if dirty { "● " } else { "" })
}

/// The editor's state.
pub struct BroadsheetApp {
    edition: Edition,
    origin: Origin,
    path: Option<PathBuf>,
    page: usize,
    layouter: Layouter,
    assets: Assets,
    layout: Option<EditionLayout>,
    /// Bumped whenever `layout` changes, so the page image is rendered again.
    generation: u64,
    texture: Option<overview::PageTexture>,
    guides: bool,
    /// Editors' preview: no guides, no frame edges, no side panel.
    preview: bool,
    status: String,
    screenshot: Option<PathBuf>,
    frames_drawn: u32,
    failure: Arc<Mutex<Option<String>>>,
}

impl BroadsheetApp {
    fn new(
        edition: Edition,
        origin: Origin,
        path: Option<PathBuf>,
        screenshot: Option<PathBuf>,
        failure: Arc<Mutex<Option<String>>>,
    ) -> Self {
        let mut app = Self {
            assets: Assets::new(origin.clone()),
            edition,
            origin,
            path,
            page: 0,
            layouter: Layouter::new(),
            layout: None,
            generation: 0,
            texture: None,
            guides: true,
            preview: false,
            status: String::new(),
            screenshot,
            frames_drawn: 0,
            failure,
        };
        app.relayout();
        app
    }

    /// Lays the edition out again (only changed stories are recomposed) and reports findings.
    fn relayout(&mut self) {
        let laid = self
            .layouter
            .layout(&self.edition, FontBook::shared(), &self.assets);
        let count = |sev| {
            laid.diagnostics
                .iter()
                .filter(|d| d.severity == sev)
                .count()
        };
        let errors = count(crate::model::Severity::Error);
        let warnings = count(crate::model::Severity::Warning);
        self.status = format!(
            "{} pages · {errors} errors · {warnings} warnings",
            self.edition.pages.len()
        );
        self.layout = Some(laid);
        self.generation += 1;
    }

    /// Renders page `index` at `scale` pixels per point for the canvas.
    fn render_page(&self, index: usize, scale: f32) -> Option<egui::ColorImage> {
        let page = self.layout.as_ref()?.pages.get(index)?;
        let mut renderer = crate::render::Renderer::new(
            FontBook::shared(),
            self.origin.clone(),
            &self.edition.photos,
        );
        let pixmap = renderer.render(page, scale);
        let size = [pixmap.width() as usize, pixmap.height() as usize];
        Some(egui::ColorImage::from_rgba_premultiplied(
            size,
            pixmap.data(),
        ))
    }

    fn save(&mut self) {
        let Some(path) = self.path.clone() else {
            self.save_as();
            return;
        };
        self.status = match io::save(&self.edition, &path) {
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("error: {e}"),
        };
    }

    fn save_as(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("Broadsheet layout", &["ron"])
            .save_file()
        {
            self.path = Some(path);
            self.origin = self
                .path
                .as_deref()
                .map_or(Origin::Bundled, Origin::of_file);
            self.save();
        }
    }

    fn open(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("Broadsheet layout", &["ron"])
            .pick_file()
        else {
            return;
        };
        match io::load(&path) {
            Ok(edition) => {
                self.edition = edition;
                self.origin = Origin::of_file(&path);
                self.assets = Assets::new(self.origin.clone());
                self.path = Some(path);
                self.page = 0;
                self.relayout();
            }
            Err(e) => self.status = format!("error: {e}"),
        }
    }

    /// Shortcuts handled outside the menus so they work whenever the window has focus.
    fn keyboard(&mut self, ctx: &egui::Context) {
        let last = self.edition.pages.len().saturating_sub(1);
        ctx.input(|i| {
            if i.key_pressed(egui::Key::ArrowRight) || i.key_pressed(egui::Key::PageDown) {
                self.page = (self.page + 1).min(last);
            }
            if i.key_pressed(egui::Key::ArrowLeft) || i.key_pressed(egui::Key::PageUp) {
                self.page = self.page.saturating_sub(1);
            }
            if i.key_pressed(egui::Key::F5) {
                self.preview = !self.preview;
            }
        });
    }

    fn take_screenshot_when_ready(&mut self, ctx: &egui::Context) {
        let Some(out) = self.screenshot.clone() else {
            return;
        };
        self.frames_drawn += 1;
        ctx.request_repaint();
        if self.frames_drawn != 3 {
            return;
        }
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

impl eframe::App for BroadsheetApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui.button("Open…").clicked() {
                        self.open();
                    }
                    if ui.button("Save").clicked() {
                        self.save();
                    }
                    if ui.button("Save As…").clicked() {
                        self.save_as();
                    }
                    if ui.button("Quit").clicked() {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                ui.menu_button("View", |ui| {
                    ui.checkbox(&mut self.guides, "Guides and frame edges");
                    ui.checkbox(&mut self.preview, "Preview (F5)");
                    ui.label("← → / Page Up, Page Down: turn pages");
                });
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| ui.label(&self.status));
        self.keyboard(&ctx);
        if !self.preview {
            egui::Panel::left("pages").show(ui, |ui| {
                overview::pages_ui(ui, &self.edition, self.layout.as_ref(), &mut self.page);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let mut texture = self.texture.take();
            let this = &*self;
            let mut render = |index: usize, scale: f32| this.render_page(index, scale);
            let view = overview::PageView {
                edition: &this.edition,
                layout: this.layout.as_ref(),
                generation: this.generation,
                guides: this.guides && !this.preview,
                index: this.page,
            };
            overview::page_ui(ui, &view, &mut texture, &mut render);
            self.texture = texture;
        });
        self.take_screenshot_when_ready(&ctx);
    }
}
