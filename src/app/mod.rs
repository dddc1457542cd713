//! The desktop editor (eframe/egui). Only this module and `main.rs` use egui, eframe or rfd.

mod fonts;
mod overview;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::cli;
use crate::model::{Edition, io};
use crate::resources::Origin;

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
        let warnings = crate::resources::check_photos(&edition, &origin);
        let status = warnings
            .first()
            .map_or_else(|| "Ready".to_owned(), ToString::to_string);
        Self {
            edition,
            origin,
            path,
            page: 0,
            status,
            screenshot,
            frames_drawn: 0,
            failure,
        }
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
                self.path = Some(path);
                self.page = 0;
                self.status = "Opened".into();
            }
            Err(e) => self.status = format!("error: {e}"),
        }
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
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| ui.label(&self.status));
        egui::Panel::left("pages").show(ui, |ui| {
            overview::pages_ui(ui, &self.edition, &mut self.page);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            overview::page_ui(ui, &self.edition, self.page);
        });
        self.take_screenshot_when_ready(&ctx);
    }
}
