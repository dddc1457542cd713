//! The comments tab (批注) of a server edition: the current page's comments with their
//! replies, answering, resolving, and pinning a new one where the page was last clicked.

use crate::app::i18n::t;
use crate::app::newsroom::Ask;
use crate::app::{Intent, intent::Intents};
use crate::model::Page;
use crate::store::{Comment, Role};

/// The comments of `page`, numbered as their pins on the canvas are (see [`pins`]).
pub fn comments_ui(
    ui: &mut egui::Ui,
    page: &Page,
    comments: &[Comment],
    role: Role,
    pin_at: Option<(f32, f32)>,
    actions: &mut Intents,
) {
    let ask = |actions: &mut Intents, ask: Ask| actions.push(Intent::Newsroom(ask));
    let own = pins(comments, page.id.as_str());
    if role != Role::Designer {
        let id = ui.scope_id().with(("new-comment", page.id.as_str()));
        let mut draft: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
        let l = ui.label(match pin_at {
            Some(_) => t!("comment-new-at-click"),
            None => t!("comment-new-click-first"),
        });
        ui.add(egui::TextEdit::multiline(&mut draft).desired_rows(2))
            .labelled_by(l.id);
        let ready = pin_at.is_some() && !draft.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(t!("comment-pin")))
            .clicked()
            && let Some(at) = pin_at
        {
            ask(
                actions,
                Ask::Comment {
                    page: page.id.as_str().to_owned(),
                    at,
                    body: draft.trim().to_owned(),
                },
            );
            draft.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, draft));
        ui.separator();
    }
    if own.is_empty() {
        ui.label(t!("comment-none"));
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (number, c) in own.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let head = format!("{} {}：{}", number + 1, c.author, c.body);
                ui.add(egui::Label::new(egui::RichText::new(head).strong()).wrap());
                for r in comments.iter().filter(|r| r.parent == Some(c.id)) {
                    ui.add(egui::Label::new(format!("　· {}：{}", r.author, r.body)).wrap());
                }
                match &c.resolved_by {
                    Some(by) => {
                        ui.label(t!("comment-resolved-by", name = by.as_str()));
                    }
                    None => {
                        let id = ui.scope_id().with(("reply", c.id));
                        let mut draft: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
                        ui.horizontal(|ui| {
                            let field = ui.add(
                                egui::TextEdit::singleline(&mut draft)
                                    .hint_text(t!("comment-reply-hint"))
                                    .desired_width(ui.available_width() - 60.0),
                            );
                            let label = t!("comment-reply-to", number = number + 1);
                            field.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                            });
                            if ui
                                .add_enabled(
                                    !draft.trim().is_empty(),
                                    egui::Button::new(t!("comment-reply")),
                                )
                                .clicked()
                            {
                                ask(
                                    actions,
                                    Ask::Reply {
                                        id: c.id,
                                        body: draft.trim().to_owned(),
                                    },
                                );
                                draft.clear();
                            }
                        });
                        ui.data_mut(|d| d.insert_temp(id, draft));
                    }
                }
                if role != Role::Designer {
                    let (text, resolved) = match c.resolved_by {
                        Some(_) => (t!("comment-reopen"), false),
                        None => (t!("comment-resolve"), true),
                    };
                    if ui.button(text).clicked() {
                        ask(actions, Ask::Resolve { id: c.id, resolved });
                    }
                }
            });
        }
    });
}

/// The comments pinned on page `page` (not their replies), in the order they are numbered.
pub fn pins<'a>(comments: &'a [Comment], page: &str) -> Vec<&'a Comment> {
    comments
        .iter()
        .filter(|c| c.parent.is_none() && c.page == page)
        .collect()
}
