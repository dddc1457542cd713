//! The side panels: pages with thumbnails, stories, the properties of the selection, and
//! preflight. Like the canvas, they only report [`Intent`]s; the app applies them.

use std::collections::{HashMap, HashSet};

use egui::{Color32, Sense, vec2};

use super::history::Merge;
use super::i18n::t;
use super::{Command, Intent, intent::Intents};
use crate::layout::EditionLayout;
use crate::model::{
    Crop, Edit, Edition, Fit, Frame, FrameKind, Length, PhotoId, Pt, Rect, Severity, StoryField,
    StoryId, StyleId,
};

/// A page being dragged in the pages panel.
struct PageDrag(usize);

/// Page thumbnails (click to show, drag to reorder), then the stories with their copyfit.
pub fn pages_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    current: usize,
    selected_story: Option<&StoryId>,
    thumbnail: &mut super::PageImage<'_>,
    actions: &mut Intents,
) {
    ui.heading(&edition.paper);
    ui.label(&edition.date);
    ui.horizontal(|ui| {
        for c in [
            Command::AddPage,
            Command::DeletePage,
            Command::MovePageEarlier,
            Command::MovePageLater,
        ] {
            let enabled = c != Command::DeletePage || edition.pages.len() > 1;
            let icon = match c {
                Command::AddPage => "＋",
                Command::DeletePage => "－",
                Command::MovePageEarlier => "↑",
                _ => "↓",
            };
            let b = ui
                .add_enabled(enabled, egui::Button::new(icon))
                .on_hover_text(format!("{} ({})", c.text(), c.shortcut_text(ui.ctx())));
            let name = c.text();
            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
            if b.clicked() {
                actions.push(Intent::Run(c));
            }
        }
    });
    // The current page's section title, printed in its folio.
    if let Some(page) = edition.pages.get(current) {
        let mut title = page.title.clone();
        ui.horizontal(|ui| {
            let l = ui.label(t!("pages-title"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            if title != page.title {
                actions.push(Intent::Edit {
                    edits: vec![Edit::SetPageTitle {
                        page: page.id.clone(),
                        title,
                    }],
                    label: "undo-page-title",
                    merge: Some(Merge::PageTitle(page.id.clone())),
                });
            }
            if r.lost_focus() {
                actions.push(Intent::Commit);
            }
        });
    }
    ui.separator();
    let width = 120.0;
    egui::ScrollArea::vertical()
        .id_salt("pages")
        .max_height(ui.available_height() * 0.55)
        .show(ui, |ui| {
            for (i, page) in edition.pages.iter().enumerate() {
                let Some(t) = edition.template(&page.template) else {
                    continue;
                };
                let size = vec2(width, width * t.height.pt().0 / t.width.pt().0);
                let px = width * ui.ctx().pixels_per_point();
                let label = format!(
                    "{} {}",
                    t!("page-label", page = edition.page_label(i)),
                    page.title
                );
                ui.vertical_centered(|ui| {
                    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
                    let name = t!("a11y-page", page = edition.page_label(i));
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, i == current, &name)
                    });
                    let painter = ui.painter();
                    painter.rect_filled(rect, 0.0, Color32::WHITE);
                    if let Some((texture, _)) = thumbnail(i, px, None) {
                        let uv =
                            egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
                        painter.image(texture, rect, uv, Color32::WHITE);
                    }
                    let stroke = if i == current {
                        egui::Stroke::new(3.0, ui.visuals().selection.bg_fill)
                    } else {
                        egui::Stroke::new(1.0, Color32::GRAY)
                    };
                    painter.rect_stroke(rect, 0.0, stroke, egui::StrokeKind::Outside);
                    if response.clicked() {
                        actions.push(Intent::ShowPage(i));
                    }
                    response.dnd_set_drag_payload(PageDrag(i));
                    if let Some(from) = response.dnd_hover_payload::<PageDrag>()
                        && from.0 != i
                    {
                        // Where the dragged page would land.
                        let y = if from.0 < i {
                            rect.bottom() + 3.0
                        } else {
                            rect.top() - 3.0
                        };
                        painter.hline(
                            rect.x_range(),
                            y,
                            egui::Stroke::new(3.0, Color32::from_rgb(0, 140, 255)),
                        );
                    }
                    if let Some(from) = response.dnd_release_payload::<PageDrag>()
                        && from.0 != i
                    {
                        actions.push(Intent::Edit {
                            edits: vec![Edit::MovePage {
                                page: edition.pages[from.0].id.clone(),
                                to: i,
                            }],
                            label: "undo-move-page",
                            merge: None,
                        });
                        actions.push(Intent::ShowPage(i));
                    }
                    ui.label(label);
                });
                ui.add_space(6.0);
            }
        });
    ui.separator();
    ui.label(t!("pages-stories", count = edition.stories.len()));
    egui::ScrollArea::vertical()
        .id_salt("stories")
        .show(ui, |ui| {
            // Looked up once per frame, not once per story.
            let fits: HashMap<&StoryId, &crate::layout::StoryFit> = layout
                .map(|l| l.fits.iter().map(|f| (&f.story, f)).collect())
                .unwrap_or_default();
            let shown: HashSet<&StoryId> = edition
                .pages
                .iter()
                .flat_map(|p| &p.frames)
                .filter_map(|f| f.kind.shown_story())
                .collect();
            for story in &edition.stories {
                let fit = fits.get(&story.id);
                let badge = fit.map(|f| f.badge()).unwrap_or_default();
                let color = match fit.map_or(0, |f| f.lines_over) {
                    n if n > 0 => Color32::from_rgb(220, 60, 50),
                    n if n < 0 => Color32::from_rgb(200, 150, 40),
                    _ => ui.visuals().weak_text_color(),
                };
                ui.horizontal(|ui| {
                    let placed = !story.thread.is_empty() || shown.contains(&story.id);
                    let text = if placed {
                        story.headline.clone()
                    } else {
                        t!("pages-unplaced", headline = story.headline.as_str())
                    };
                    let r = ui.selectable_label(selected_story == Some(&story.id), text);
                    if r.clicked() {
                        actions.push(Intent::SelectStory(story.id.clone()));
                    }
                    ui.colored_label(color, badge);
                });
            }
        });
}

/// Position and size in millimetres, dragged or typed; one undo step per gesture.
fn geometry_ui(ui: &mut egui::Ui, frame: &Frame, actions: &mut Intents) {
    let r = frame.rect;
    let mut mm = [r.x.to_mm(), r.y.to_mm(), r.w.to_mm(), r.h.to_mm()];
    let mut changed = false;
    let mut done = false;
    egui::Grid::new("geometry").num_columns(4).show(ui, |ui| {
        for (i, name) in [t!("geom-x"), t!("geom-y"), t!("geom-w"), t!("geom-h")]
            .into_iter()
            .enumerate()
        {
            let label = ui.label(name);
            let resp = ui
                .add(
                    egui::DragValue::new(&mut mm[i])
                        .speed(0.5)
                        .suffix(" mm")
                        .range(if i < 2 { -50.0..=2000.0 } else { 4.0..=2000.0 })
                        .max_decimals(1),
                )
                .labelled_by(label.id);
            changed |= resp.changed();
            done |= resp.drag_stopped() || resp.lost_focus();
            if i == 1 {
                ui.end_row();
            }
        }
    });
    if changed {
        let p = |v: f32| Pt::from_mm(v).0;
        actions.push(Intent::Edit {
            edits: vec![Edit::SetFrameRect {
                frame: frame.id.clone(),
                rect: Rect::new(p(mm[0]), p(mm[1]), p(mm[2]), p(mm[3])),
            }],
            label: "undo-frame-geometry",
            merge: Some(Merge::Property(frame.id.clone())),
        });
    }
    if done {
        actions.push(Intent::Commit);
    }
}

fn set_kind(frame: &Frame, kind: FrameKind, label: &'static str) -> Intent {
    Intent::Edit {
        edits: vec![Edit::SetFrameKind {
            frame: frame.id.clone(),
            kind,
        }],
        label,
        merge: None,
    }
}

/// A combo box of stories; returns the one picked.
fn story_combo_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    label: &str,
    current: Option<&StoryId>,
    allow_none: bool,
) -> Option<Option<StoryId>> {
    let mut picked = None;
    let name = |id: Option<&StoryId>| {
        id.and_then(|id| edition.story(id))
            .map_or_else(|| t!("none"), |s| s.headline.clone())
    };
    ui.horizontal(|ui| {
        let l = ui.label(label);
        egui::ComboBox::from_id_salt(label)
            .selected_text(name(current))
            .width(220.0)
            .show_ui(ui, |ui| {
                if allow_none && ui.selectable_label(current.is_none(), t!("none")).clicked() {
                    picked = Some(None);
                }
                for s in &edition.stories {
                    if ui
                        .selectable_label(current == Some(&s.id), &s.headline)
                        .clicked()
                    {
                        picked = Some(Some(s.id.clone()));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    picked.filter(|p| p.as_ref() != current)
}

/// The selected frame's settings and, below, its story's text.
pub fn properties_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    jumps: &HashMap<StoryId, Vec<String>>,
    frame: Option<&Frame>,
    story: Option<&StoryId>,
    actions: &mut Intents,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        if let Some(frame) = frame {
            frame_ui(ui, edition, frame, actions);
            ui.separator();
        } else {
            ui.label(t!("props-nothing-selected"));
        }
        let story = story.and_then(|s| edition.story(s));
        if let Some(story) = story {
            story_ui(ui, edition, layout, jumps, story, actions);
        }
    });
}

fn frame_ui(ui: &mut egui::Ui, edition: &Edition, frame: &Frame, actions: &mut Intents) {
    ui.heading(t!(&format!("frame-kind-{}", frame.kind.name())));
    ui.label(frame.id.as_str());
    geometry_ui(ui, frame, actions);
    match &frame.kind {
        FrameKind::Text {
            columns,
            gutter,
            balance,
        } => {
            let (mut cols, mut bal) = (*columns, *balance);
            let mut own_gutter = gutter.is_some();
            let mut gutter_mm = gutter.map_or(4.0, |g| g.pt().to_mm());
            ui.horizontal(|ui| {
                let l = ui.label(t!("props-columns"));
                ui.add(egui::DragValue::new(&mut cols).range(1..=12))
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                ui.checkbox(&mut own_gutter, t!("props-own-gutter"));
                let l = ui.label(t!("props-gutter"));
                ui.add_enabled(
                    own_gutter,
                    egui::DragValue::new(&mut gutter_mm)
                        .range(0.0..=30.0)
                        .speed(0.1)
                        .suffix(" mm"),
                )
                .labelled_by(l.id);
            });
            ui.checkbox(&mut bal, t!("props-balance"));
            let kind = FrameKind::Text {
                columns: cols,
                gutter: own_gutter.then_some(Length::Mm(gutter_mm)),
                balance: bal,
            };
            if kind != frame.kind {
                actions.push(set_kind(frame, kind, "undo-text-frame"));
            }
            thread_ui(ui, edition, frame, actions);
        }
        FrameKind::Headline { story } => {
            if let Some(Some(s)) =
                story_combo_ui(ui, edition, &t!("props-story"), Some(story), false)
            {
                actions.push(set_kind(
                    frame,
                    FrameKind::Headline { story: s },
                    "undo-place-story",
                ));
            }
        }
        FrameKind::Photo {
            photo,
            story,
            fit,
            crop,
        } => photo_ui(
            ui,
            edition,
            frame,
            (photo, story.as_ref(), *fit, *crop),
            actions,
        ),
        FrameKind::Rule { .. } | FrameKind::Folio { .. } => {}
    }
}

/// Which story flows through a text frame, its place in the thread, link and unlink.
fn thread_ui(ui: &mut egui::Ui, edition: &Edition, frame: &Frame, actions: &mut Intents) {
    let owner = edition.story_of_frame(&frame.id);
    if let Some(picked) =
        story_combo_ui(ui, edition, &t!("props-story"), owner.map(|s| &s.id), true)
    {
        let mut edits = Vec::new();
        if let Some(old) = owner {
            let thread = old
                .thread
                .iter()
                .filter(|f| **f != frame.id)
                .cloned()
                .collect();
            edits.push(Edit::SetThread {
                story: old.id.clone(),
                thread,
            });
        }
        if let Some(new) = picked.as_ref().and_then(|id| edition.story(id)) {
            let mut thread = new.thread.clone();
            thread.push(frame.id.clone());
            edits.push(Edit::SetThread {
                story: new.id.clone(),
                thread,
            });
        }
        actions.push(Intent::Edit {
            edits,
            label: "undo-place-story",
            merge: None,
        });
    }
    if let Some(story) = owner {
        let n = story
            .thread
            .iter()
            .position(|f| *f == frame.id)
            .unwrap_or(0);
        ui.label(t!(
            "props-thread-place",
            n = n + 1,
            of = story.thread.len(),
            headline = story.headline.as_str()
        ));
        ui.horizontal(|ui| {
            for c in [Command::LinkFrame, Command::UnlinkFrame] {
                if ui.button(c.text()).on_hover_text(c.tooltip()).clicked() {
                    actions.push(Intent::Run(c));
                }
            }
        });
    }
}

fn photo_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    frame: &Frame,
    (photo, story, fit, crop): (&PhotoId, Option<&StoryId>, Fit, Crop),
    actions: &mut Intents,
) {
    let kind = |photo: PhotoId, story: Option<StoryId>, fit: Fit, crop: Crop| FrameKind::Photo {
        photo,
        story,
        fit,
        crop,
    };
    let mut picked = photo.clone();
    ui.horizontal(|ui| {
        let l = ui.label(t!("props-photo"));
        egui::ComboBox::from_id_salt("photo")
            .selected_text(photo.as_str())
            .show_ui(ui, |ui| {
                for p in &edition.photos {
                    ui.selectable_value(&mut picked, p.id.clone(), p.id.as_str());
                }
            })
            .response
            .labelled_by(l.id);
    });
    if &picked != photo {
        actions.push(set_kind(
            frame,
            kind(picked, story.cloned(), fit, crop),
            "undo-place-photo",
        ));
    }
    if let Some(s) = story_combo_ui(ui, edition, &t!("props-caption-from"), story, true) {
        actions.push(set_kind(
            frame,
            kind(photo.clone(), s, fit, crop),
            "undo-caption-story",
        ));
    }
    let mut f = fit;
    ui.horizontal(|ui| {
        ui.radio_value(&mut f, Fit::Fill, t!("props-fill"));
        ui.radio_value(&mut f, Fit::Fit, t!("props-fit"));
    });
    if f != fit {
        actions.push(set_kind(
            frame,
            kind(photo.clone(), story.cloned(), f, crop),
            "undo-photo-fit",
        ));
    }
    ui.label(t!("props-crop"));
    let mut c = [crop.left, crop.top, crop.right, crop.bottom].map(|v| v * 100.0);
    let mut done = false;
    egui::Grid::new("crop").num_columns(2).show(ui, |ui| {
        for (i, name) in [
            t!("side-left"),
            t!("side-top"),
            t!("side-right"),
            t!("side-bottom"),
        ]
        .into_iter()
        .enumerate()
        {
            let l = ui.label(name);
            let r = ui
                .add(egui::Slider::new(&mut c[i], 0.0..=45.0).suffix(" %"))
                .labelled_by(l.id);
            done |= r.drag_stopped() || r.lost_focus();
            ui.end_row();
        }
    });
    let new = Crop {
        left: c[0] / 100.0,
        top: c[1] / 100.0,
        right: c[2] / 100.0,
        bottom: c[3] / 100.0,
    };
    if new != crop {
        actions.push(Intent::Edit {
            edits: vec![Edit::SetFrameKind {
                frame: frame.id.clone(),
                kind: kind(photo.clone(), story.cloned(), fit, new),
            }],
            label: "undo-crop",
            merge: Some(Merge::Property(frame.id.clone())),
        });
    }
    if done {
        actions.push(Intent::Commit);
    }
}

/// A story's text, edited in place with live reflow; its styles and its fit.
fn story_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    jumps: &HashMap<StoryId, Vec<String>>,
    story: &crate::model::Story,
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
            ui.colored_label(color, f.badge());
        }
    });
    if let Some(jumps) = jumps.get(&story.id) {
        ui.label(t!("props-jumps", lines = jumps.join(" · ")));
    }
    let mut body_style = story.styles.body.clone();
    ui.horizontal(|ui| {
        let l = ui.label(t!("props-body-style"));
        let shown = body_style.as_ref().map_or_else(
            || t!("props-default-style", style = edition.roles.body.as_str()),
            StyleId::to_string,
        );
        egui::ComboBox::from_id_salt("body style")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut body_style, None, t!("default"));
                for s in &edition.styles.paragraph {
                    ui.selectable_value(&mut body_style, Some(s.id.clone()), s.id.as_str());
                }
            })
            .response
            .labelled_by(l.id);
    });
    if body_style != story.styles.body {
        let mut styles = story.styles.clone();
        styles.body = body_style;
        actions.push(Intent::Edit {
            edits: vec![Edit::SetStoryStyles {
                story: story.id.clone(),
                styles,
            }],
            label: "undo-body-style",
            merge: None,
        });
    }
    for field in StoryField::ALL {
        let old = field.get(story);
        let mut text = old.clone();
        let label = ui.label(t!(&format!("field-{field:?}").to_lowercase()));
        let edit = if field == StoryField::Body {
            egui::TextEdit::multiline(&mut text).desired_rows(12)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
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

/// The layout's findings; clicking one shows its page and selects its frame.
pub fn preflight_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    actions: &mut Intents,
) {
    let Some(layout) = layout else { return };
    ui.horizontal(|ui| {
        ui.heading(t!("preflight-title"));
        ui.label(t!("preflight-count", count = layout.diagnostics.len()));
    });
    egui::ScrollArea::vertical()
        .id_salt("preflight")
        .show(ui, |ui| {
            if layout.diagnostics.is_empty() {
                ui.label(t!("preflight-none"));
            }
            // Errors first, then warnings, then notes; within each, in the layout's order.
            let mut findings: Vec<_> = layout.diagnostics.iter().collect();
            findings.sort_by_key(|d| std::cmp::Reverse(d.severity));
            for d in findings {
                let (icon, color) = match d.severity {
                    Severity::Error => ("●", Color32::from_rgb(220, 60, 50)),
                    Severity::Warning => ("●", Color32::from_rgb(200, 150, 40)),
                    _ => ("○", ui.visuals().text_color()),
                };
                let place = d
                    .page
                    .as_deref()
                    .map(|p| format!("{} ", t!("page-label", page = p)))
                    .unwrap_or_default();
                let story = d
                    .story
                    .as_ref()
                    .and_then(|s| edition.story(s))
                    .map(|s| format!("“{}” ", s.headline))
                    .unwrap_or_default();
                let text = format!("{icon} {place}{story}{}", super::diagnostics::message(d));
                if ui
                    .add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false))
                    .clicked()
                {
                    let frame = d.frame.clone().or_else(|| {
                        d.story
                            .as_ref()
                            .and_then(|s| edition.story(s))
                            .and_then(|s| s.thread.last().cloned())
                    });
                    if let Some(f) = frame {
                        actions.push(Intent::Select(Some(f)));
                    } else if let Some(i) = d.page.as_ref().and_then(|p| {
                        (0..edition.pages.len()).find(|&i| edition.page_label(i) == *p)
                    }) {
                        actions.push(Intent::ShowPage(i));
                    }
                }
            }
        });
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
