//! The story editor: one story's text on its own, large, with its copyfit live as the editor
//! types ("+3 行" over, "−2 行" short, 正好), for editors who correct copy while designers lay
//! the page out. Every keystroke is the same edit the properties panel makes, so the page and
//! the count follow at once.

use egui::Color32;

use super::history::Merge;
use super::i18n::t;
use super::intent::{Intent, Intents};
use crate::layout::EditionLayout;
use crate::model::{Edit, Edition, StoryField, StoryId};

/// The story editor's window, for one story.
pub struct StoryEditor {
    pub story: StoryId,
}

/// The count the story editor shows: "+3 行" (lines over its frames), "−2 行" (lines short),
/// or 正好.
pub fn lines_text(lines_over: i32) -> String {
    match lines_over {
        0 => t!("fit-fits"),
        n if n > 0 => t!("story-editor-over", lines = n),
        n => t!("story-editor-under", lines = -n),
    }
}

impl StoryEditor {
    /// Draws the window; false once closed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        edition: &Edition,
        layout: Option<&EditionLayout>,
        intents: &mut Intents,
    ) -> bool {
        let Some(story) = edition.story(&self.story) else {
            return false;
        };
        let mut open = true;
        let title = t!("story-editor-title", story = story.id.as_str());
        egui::Window::new(title)
            .id(egui::Id::unique(("story editor", &self.story)))
            .open(&mut open)
            .default_size([620.0, 640.0])
            // Over the page, not over the panels the editor may want to see beside it.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| {
                let fit = layout.and_then(|l| l.fits.iter().find(|f| f.story == story.id));
                ui.horizontal(|ui| {
                    if let Some(f) = fit {
                        let color = match f.lines_over {
                            n if n > 0 => Color32::from_rgb(220, 60, 50),
                            n if n < 0 => Color32::from_rgb(200, 150, 40),
                            _ => Color32::from_rgb(60, 160, 60),
                        };
                        let count = egui::RichText::new(lines_text(f.lines_over))
                            .size(22.0)
                            .strong()
                            .color(color);
                        ui.label(count);
                    } else {
                        ui.label(t!("story-editor-unplaced"));
                    }
                    ui.label(t!("story-editor-chars", count = story.body_chars()));
                });
                ui.separator();
                let fields = [
                    StoryField::Kicker,
                    StoryField::Headline,
                    StoryField::Deck,
                    StoryField::Byline,
                ];
                egui::Grid::new("story editor fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for field in fields {
                            let old = field.get(story);
                            let mut text = old.clone();
                            let label = ui.label(t!(&format!("field-{field:?}").to_lowercase()));
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(&mut text)
                                        .desired_width(f32::INFINITY),
                                )
                                .labelled_by(label.id);
                            typed(intents, &story.id, field, &old, text, r.lost_focus());
                            ui.end_row();
                        }
                    });
                let label = ui.label(t!("story-editor-body"));
                let old = StoryField::Body.get(story);
                let mut text = old.clone();
                let r = egui::ScrollArea::vertical()
                    .id_salt("story editor body")
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut text)
                                .font(egui::FontId::proportional(17.0))
                                .desired_rows(18)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id)
                    })
                    .inner;
                typed(
                    intents,
                    &story.id,
                    StoryField::Body,
                    &old,
                    text,
                    r.lost_focus(),
                );
            });
        open
    }
}

/// Pushes the edit a change of `field` from `old` to `text` makes (typing merges into one undo
/// step until the field loses focus).
fn typed(
    intents: &mut Intents,
    story: &StoryId,
    field: StoryField,
    old: &str,
    text: String,
    lost_focus: bool,
) {
    if text != old {
        intents.push(Intent::Edit {
            edits: vec![Edit::SetStoryText {
                story: story.clone(),
                field,
                text,
            }],
            label: "undo-typing",
            merge: Some(Merge::Typing(story.clone(), field)),
        });
    }
    if lost_focus {
        intents.push(Intent::Commit);
    }
}
