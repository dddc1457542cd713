//! A story's text, edited in place with live reflow, its type and its fit.

use std::collections::HashMap;

use egui::Color32;

use crate::app::history::Merge;
use crate::app::i18n::t;
use crate::app::{Intent, intent::Intents};
use crate::layout::EditionLayout;
use crate::model::{Edit, Edition, Story, StoryField, StoryId, StyleId};

/// A story's text, edited in place with live reflow; its styles and its fit.
pub(super) fn story_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    jumps: &HashMap<StoryId, Vec<String>>,
    story: &Story,
    actions: &mut Intents,
) {
    ui.heading(t!("props-story"));
    let fit = layout.and_then(|l| l.fits.iter().find(|f| f.story == story.id));
    ui.horizontal(|ui| {
        ui.label(t!(
            "props-story-chars",
            id = story.id.as_str(),
            count = story.body_chars()
        ));
        if let Some(f) = fit {
            let color = match f.lines_over {
                n if n > 0 => Color32::from_rgb(220, 60, 50),
                n if n < 0 => Color32::from_rgb(200, 150, 40),
                _ => Color32::from_rgb(60, 160, 60),
            };
            ui.colored_label(color, crate::app::diagnostics::badge(f));
            if ui
                .button(t!("props-fit-story"))
                .on_hover_text(t!("cmd-fit-story-tip"))
                .clicked()
            {
                actions.push(Intent::FitStory(story.id.clone()));
            }
        }
        let mut auto = story.copyfit.auto;
        if ui
            .checkbox(&mut auto, t!("props-auto-fit"))
            .on_hover_text(t!("props-auto-fit-tip"))
            .changed()
        {
            actions.push(Intent::Edit {
                edits: vec![crate::model::Edit::SetCopyfit {
                    story: story.id.clone(),
                    copyfit: crate::model::Copyfit {
                        auto,
                        ..story.copyfit
                    },
                }],
                label: "undo-auto-fit",
                merge: None,
            });
        }
    });
    if story.copyfit.tracking_pct != 0.0 {
        ui.label(t!(
            "props-copyfit",
            pct = format!("{:+}", story.copyfit.tracking_pct)
        ));
    }
    if let Some(jumps) = jumps.get(&story.id) {
        ui.label(t!("props-jumps", lines = jumps.join(" · ")));
    }
    // On a line of its own: the fit row above is as wide as the panel.
    let c = crate::app::Command::StoryEditor;
    if ui
        .button(t!("props-story-editor"))
        .on_hover_text(format!("{} ({})", c.tooltip(), c.shortcut_text(ui.ctx())))
        .clicked()
    {
        actions.push(Intent::Run(c));
    }
    type_ui(ui, edition, story, actions);
    for field in StoryField::ALL {
        let old = field.get(story);
        let mut text = old.clone();
        let label = ui.label(t!(&format!("field-{field:?}").to_lowercase()));
        let edit = if field == StoryField::Body {
            egui::TextEdit::multiline(&mut text).desired_rows(12)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let output = edit.desired_width(f32::INFINITY).show(ui);
        let response = output.response.response.clone().labelled_by(label.id);
        if field == StoryField::Body {
            // Remember which paragraph holds the cursor, so its style can be picked below
            // after the field has lost the focus to the style list.
            let key = egui::Id::unique(("cursor paragraph", &story.id));
            if let Some(range) = output.cursor_range {
                let at = range.primary.index.0;
                let paragraph = text.chars().take(at).filter(|c| *c == '\n').count();
                ui.data_mut(|d| d.insert_temp(key, paragraph));
            }
            let paragraph = ui.data(|d| d.get_temp::<usize>(key)).unwrap_or(0);
            paragraph_style_ui(ui, edition, story, paragraph, actions);
        }
        if text != old {
            let word_ends = inserted_char(&old, &text).is_some_and(ends_word);
            actions.push(Intent::Edit {
                edits: vec![Edit::SetStoryText {
                    story: story.id.clone(),
                    field,
                    text,
                }],
                label: "undo-typing",
                merge: Some(Merge::Typing(story.id.clone(), field)),
            });
            if word_ends {
                actions.push(Intent::Commit);
            }
        }
        if response.lost_focus() {
            actions.push(Intent::Commit);
        }
    }
}

/// Which paragraph style each part of the story is set in: the edition's style for that
/// part (the default), or another.
fn type_ui(ui: &mut egui::Ui, edition: &Edition, story: &Story, actions: &mut Intents) {
    let roles = &edition.roles;
    let own = &story.styles;
    let parts: [(&str, &Option<StyleId>, &StyleId); 6] = [
        ("kicker", &own.kicker, &roles.kicker),
        ("headline", &own.headline, &roles.headline),
        ("deck", &own.deck, &roles.deck),
        ("byline", &own.byline, &roles.byline),
        ("body", &own.body, &roles.body),
        ("caption", &own.caption, &roles.caption),
    ];
    egui::CollapsingHeader::new(t!("props-type"))
        .id_salt("story type")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("part styles")
                .num_columns(2)
                .show(ui, |ui| {
                    for (part, current, role) in parts {
                        let label = ui.label(t!(&format!("field-{part}")));
                        let (response, picked) = style_combo_ui(
                            ui,
                            edition,
                            ("part", part),
                            current.as_ref(),
                            Some(role),
                        );
                        response.labelled_by(label.id);
                        if let Some(picked) = picked {
                            let mut styles = own.clone();
                            let slot = match part {
                                "kicker" => &mut styles.kicker,
                                "headline" => &mut styles.headline,
                                "deck" => &mut styles.deck,
                                "byline" => &mut styles.byline,
                                "body" => &mut styles.body,
                                _ => &mut styles.caption,
                            };
                            *slot = picked;
                            actions.push(Intent::Edit {
                                edits: vec![Edit::SetStoryStyles {
                                    story: story.id.clone(),
                                    styles,
                                }],
                                label: "undo-part-style",
                                merge: None,
                            });
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The style of the body paragraph holding the cursor: a subhead (小标题) is a paragraph
/// set in its own style.
fn paragraph_style_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    story: &Story,
    index: usize,
    actions: &mut Intents,
) {
    let Some(paragraph) = story.paragraphs.get(index) else {
        return;
    };
    let picked = ui
        .horizontal(|ui| {
            let label = ui.label(t!("props-paragraph-style", n = index + 1));
            let body = story.styles.body.as_ref().unwrap_or(&edition.roles.body);
            let salt = ("paragraph", "body");
            let (response, picked) =
                style_combo_ui(ui, edition, salt, paragraph.style.as_ref(), Some(body));
            response.labelled_by(label.id);
            picked
        })
        .inner;
    if let Some(picked) = picked {
        let mut paragraphs = story.paragraphs.clone();
        paragraphs[index].style = picked;
        actions.push(Intent::Edit {
            edits: vec![Edit::SetParagraphs {
                story: story.id.clone(),
                paragraphs,
            }],
            label: "undo-paragraph-style",
            merge: None,
        });
    }
}

/// A list of the edition's paragraph styles. `default`: the style used when none is picked,
/// shown as the first entry. Returns the combo and the choice, if one was made this frame.
pub(super) fn style_combo_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    salt: (&str, &str),
    current: Option<&StyleId>,
    default: Option<&StyleId>,
) -> (egui::Response, Option<Option<StyleId>>) {
    let default_text = |d: &StyleId| t!("props-default-style", style = d.as_str());
    let shown = match (current, default) {
        (Some(s), _) => s.to_string(),
        (None, Some(d)) => default_text(d),
        (None, None) => t!("none"),
    };
    let mut picked: Option<Option<StyleId>> = None;
    let response = egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(170.0)
        .show_ui(ui, |ui| {
            if let Some(d) = default
                && ui
                    .selectable_label(current.is_none(), default_text(d))
                    .clicked()
            {
                picked = Some(None);
            }
            for s in &edition.styles.paragraph {
                if ui
                    .selectable_label(current == Some(&s.id), s.id.as_str())
                    .clicked()
                {
                    picked = Some(Some(s.id.clone()));
                }
            }
        })
        .response;
    (response, picked.filter(|p| p.as_ref() != current))
}

/// The character typed, when `new` is `old` with one character inserted.
fn inserted_char(old: &str, new: &str) -> Option<char> {
    if new.chars().count() != old.chars().count() + 1 {
        return None;
    }
    let prefix = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .count();
    new.chars().nth(prefix)
}

/// Spaces and punctuation end a word: typing one closes the undo step.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || "，。、；：？！…—（）《》“”‘’".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_ends_at_spaces_and_chinese_punctuation() {
        assert_eq!(inserted_char("ab", "abc"), Some('c'));
        assert_eq!(inserted_char("今天", "今天，"), Some('，'));
        assert!(ends_word('，') && ends_word(' ') && !ends_word('天'));
        assert_eq!(inserted_char("abc", "ab"), None);
    }
}
