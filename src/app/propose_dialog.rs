//! 版面方案: the Propose page dialog. The designer ticks the stories for the current page and
//! orders them by priority (the lead first); Broadsheet lays out several modular pages on a
//! worker thread, shows each as a thumbnail with its score, and the chosen one replaces the
//! page in one undo step, ready to edit.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::i18n::t;
use super::intent::{Intent, Intents};
use crate::layout::Layouter;
use crate::layout::propose::Proposal;
use crate::model::{Edit, Edition, StoryId};
use crate::resources::Resources;

/// How many layouts the dialog asks for.
const COUNT: usize = 3;
/// Thumbnail width in pixels.
const THUMB_PX: f32 = 220.0;

/// One proposal as the dialog shows it.
struct Shown {
    edits: Vec<Edit>,
    total: u32,
    summary: String,
    image: egui::ColorImage,
    texture: Option<egui::TextureHandle>,
}

enum Run {
    Idle,
    Running(Receiver<Result<Vec<Shown>, String>>),
    Done(Vec<Shown>),
    Failed(String),
}

pub struct ProposeDialog {
    page: usize,
    /// The edition's stories in priority order, with whether each goes on the page.
    stories: Vec<(StoryId, String, bool)>,
    run: Run,
}

impl ProposeDialog {
    /// The dialog for page `page`: the stories on it ticked, in the order they sit on the page
    /// (top to bottom, then left to right), the others after them unticked.
    pub fn new(edition: &Edition, page: usize) -> Self {
        let place = |id: &StoryId| -> Option<(i32, i32)> {
            let frames = &edition.pages.get(page)?.frames;
            frames
                .iter()
                .filter(|f| match &f.kind {
                    crate::model::FrameKind::Headline { story, .. } => story == id,
                    crate::model::FrameKind::Photo { story, .. } => story.as_ref() == Some(id),
                    _ => edition.story(id).is_some_and(|s| s.thread.contains(&f.id)),
                })
                .map(|f| (f.rect.y.0 as i32, f.rect.x.0 as i32))
                .min()
        };
        // Where each story first shows on the page (top, left), its ID and headline.
        type Placed = (Option<(i32, i32)>, StoryId, String);
        let mut stories: Vec<Placed> = edition
            .stories
            .iter()
            .filter(|s| !s.paragraphs.is_empty() || s.photo.is_some())
            .map(|s| (place(&s.id), s.id.clone(), s.headline.trim().to_owned()))
            .collect();
        // On the page first, in reading order; the rest keep the edition's order.
        stories.sort_by_key(|(at, _, _)| at.map_or((1, 0, 0), |(y, x)| (0, y, x)));
        Self {
            page,
            stories: stories
                .into_iter()
                .map(|(at, id, headline)| (id, headline, at.is_some()))
                .collect(),
            run: Run::Idle,
        }
    }

    /// Lays out the proposals on a thread of their own.
    fn start(&mut self, edition: &Edition, resources: Arc<dyn Resources>) {
        let chosen: Vec<StoryId> = self
            .stories
            .iter()
            .filter(|(_, _, on)| *on)
            .map(|(id, _, _)| id.clone())
            .collect();
        let edition = edition.clone();
        let page = self.page;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let result = Layouter::new()
                .propose_page(&edition, &*resources, page, &chosen, COUNT)
                .map_err(|e| e.to_string())
                .map(|proposals| {
                    proposals
                        .into_iter()
                        .map(|p| show(&edition, &resources, page, p))
                        .collect()
                });
            let _ = tx.send(result);
        });
        self.run = Run::Running(rx);
    }

    /// Shows the dialog; false once it is closed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        edition: &Edition,
        resources: Arc<dyn Resources>,
        intents: &mut Intents,
    ) -> bool {
        if let Run::Running(rx) = &self.run {
            match rx.try_recv() {
                Ok(Ok(shown)) => self.run = Run::Done(shown),
                Ok(Err(e)) => self.run = Run::Failed(e),
                Err(TryRecvError::Empty) => ctx.request_repaint(),
                Err(TryRecvError::Disconnected) => self.run = Run::Failed(t!("propose-failed")),
            }
        }
        let mut open = true;
        let modal = egui::Modal::new(egui::Id::unique("propose page")).show(ctx, |ui| {
            ui.set_max_width(760.0);
            ui.heading(t!("propose-title", page = edition.page_label(self.page)));
            ui.label(t!("propose-help"));
            ui.separator();
            self.stories_ui(ui);
            ui.separator();
            let chosen = self.stories.iter().filter(|(_, _, on)| *on).count();
            ui.horizontal(|ui| {
                let running = matches!(self.run, Run::Running(_));
                if ui
                    .add_enabled(chosen > 0 && !running, egui::Button::new(t!("propose-run")))
                    .clicked()
                {
                    self.start(edition, resources.clone());
                }
                if running {
                    ui.spinner();
                    ui.label(t!("propose-running"));
                }
                if ui.button(t!("cancel")).clicked() {
                    open = false;
                }
            });
            match &mut self.run {
                Run::Failed(e) => {
                    ui.colored_label(egui::Color32::from_rgb(220, 60, 50), e.as_str());
                }
                Run::Done(shown) => {
                    ui.horizontal_top(|ui| {
                        for (i, s) in shown.iter_mut().enumerate() {
                            ui.vertical(|ui| {
                                let texture = s.texture.get_or_insert_with(|| {
                                    ui.ctx().load_texture(
                                        format!("proposal {i}"),
                                        s.image.clone(),
                                        egui::TextureOptions::LINEAR,
                                    )
                                });
                                let size = texture.size_vec2();
                                let thumb = size * (THUMB_PX / size.x.max(1.0));
                                ui.add(egui::Image::new((texture.id(), thumb)))
                                    .on_hover_text(&s.summary);
                                ui.label(t!("propose-score", n = i + 1, score = s.total));
                                if ui
                                    .button(t!("propose-use"))
                                    .on_hover_text(&s.summary)
                                    .clicked()
                                {
                                    intents.push(Intent::Edit {
                                        edits: s.edits.clone(),
                                        label: "undo-propose-page",
                                        merge: None,
                                    });
                                    open = false;
                                }
                            });
                        }
                    });
                }
                Run::Idle | Run::Running(_) => {}
            }
        });
        open && !modal.should_close()
    }

    /// The stories, each with a tick and buttons to move it up or down the priority order.
    fn stories_ui(&mut self, ui: &mut egui::Ui) {
        let mut swap = None;
        let n = self.stories.len();
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                for (i, (id, headline, on)) in self.stories.iter_mut().enumerate() {
                    ui.horizontal(|ui| {
                        ui.add_enabled_ui(i > 0, |ui| {
                            if ui
                                .small_button("↑")
                                .on_hover_text(t!("propose-up"))
                                .clicked()
                            {
                                swap = Some((i - 1, i));
                            }
                        });
                        ui.add_enabled_ui(i + 1 < n, |ui| {
                            if ui
                                .small_button("↓")
                                .on_hover_text(t!("propose-down"))
                                .clicked()
                            {
                                swap = Some((i, i + 1));
                            }
                        });
                        let shown = if headline.is_empty() {
                            id.to_string()
                        } else {
                            headline.clone()
                        };
                        ui.checkbox(on, shown);
                    });
                }
            });
        if let Some((a, b)) = swap {
            self.stories.swap(a, b);
        }
    }
}

/// A proposal applied to a copy of the edition, laid out and drawn small.
fn show(
    edition: &Edition,
    resources: &Arc<dyn Resources>,
    page: usize,
    proposal: Proposal,
) -> Shown {
    let mut proposed = edition.clone();
    let _ = proposed.apply_all(proposal.edits.clone());
    let laid = Layouter::new().layout(&proposed, &**resources);
    let image = laid.pages.get(page).map_or_else(
        || egui::ColorImage::new([1, 1], vec![egui::Color32::WHITE]),
        |p| {
            let scale = THUMB_PX / p.width.max(1.0);
            let pixmap = crate::render::Renderer::new(resources.clone()).render(p, scale);
            egui::ColorImage::from_rgba_premultiplied(
                [pixmap.width() as usize, pixmap.height() as usize],
                pixmap.data(),
            )
        },
    );
    Shown {
        total: proposal.score.total(),
        summary: proposal.score.summary(),
        edits: proposal.edits,
        image,
        texture: None,
    }
}
