//! The properties of the selected frame: geometry, columns, thread, photo and crop.

use std::collections::HashMap;

use super::fields::{Refusal, align_ui, number_ui, size_ui};
use super::story::story_ui;
use crate::app::history::Merge;
use crate::app::i18n::t;
use crate::app::{Command, Intent, intent::Intents};
use crate::layout::EditionLayout;
use crate::model::{
    Crop, Edit, Edition, Fit, Frame, FrameKind, Length, ParagraphStyle, Part, PhotoId, Pt, Rect,
    StoryId,
};

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
pub(super) fn story_combo_ui(
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
#[expect(clippy::too_many_arguments)]
pub fn properties_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    layout: Option<&EditionLayout>,
    jumps: &HashMap<StoryId, Vec<String>>,
    frame: Option<&Frame>,
    selected: usize,
    story: Option<&StoryId>,
    actions: &mut Intents,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        if selected > 1 {
            group_ui(ui, selected, actions);
            ui.separator();
        }
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

/// Several frames selected: align and distribute them.
fn group_ui(ui: &mut egui::Ui, count: usize, actions: &mut Intents) {
    ui.heading(t!("props-selected-count", count = count));
    ui.horizontal_wrapped(|ui| {
        for c in Command::ALIGN {
            command_button_ui(ui, c, &c.text(), actions);
        }
    });
    ui.horizontal_wrapped(|ui| {
        for c in [
            Command::DistributeHorizontally,
            Command::DistributeVertically,
            Command::LockFrames,
            Command::Duplicate,
        ] {
            command_button_ui(ui, c, &c.text(), actions);
        }
    });
}

/// The 竖排 checkbox of a headline or text frame: one undo step each way.
fn vertical_ui(ui: &mut egui::Ui, frame: &Frame, actions: &mut Intents) {
    let mut vertical = frame.vertical;
    if ui.checkbox(&mut vertical, t!("props-vertical")).changed() {
        actions.push(Intent::Edit {
            edits: vec![Edit::SetFrameVertical {
                frame: frame.id.clone(),
                vertical,
            }],
            label: if vertical {
                "undo-vertical"
            } else {
                "undo-horizontal"
            },
            merge: None,
        });
    }
}

/// A button that runs `c`, named by the command for screen readers and tests.
fn command_button_ui(ui: &mut egui::Ui, c: Command, icon: &str, actions: &mut Intents) {
    let tip = format!("{} ({})", c.tooltip(), c.shortcut_text(ui.ctx()));
    let b = ui.button(icon).on_hover_text(tip);
    let name = c.text();
    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if b.clicked() {
        actions.push(Intent::Run(c));
    }
}

fn frame_ui(ui: &mut egui::Ui, edition: &Edition, frame: &Frame, actions: &mut Intents) {
    ui.heading(t!(&format!("frame-kind-{}", frame.kind.name())));
    ui.horizontal(|ui| {
        ui.label(frame.id.as_str());
        let mut locked = frame.locked;
        if ui.checkbox(&mut locked, t!("props-locked")).changed() {
            actions.push(Intent::Edit {
                edits: vec![Edit::SetFrameLocked {
                    frame: frame.id.clone(),
                    locked,
                }],
                label: if locked { "undo-lock" } else { "undo-unlock" },
                merge: None,
            });
        }
    });
    geometry_ui(ui, frame, actions);
    super::decor::decor_ui(ui, frame, actions);
    if frame.kind.can_be_vertical() {
        vertical_ui(ui, frame, actions);
    }
    match &frame.kind {
        FrameKind::Text {
            columns,
            gutter,
            balance,
            tint,
            inset,
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
                tint: *tint,
                inset: *inset,
            };
            if kind != frame.kind {
                actions.push(set_kind(frame, kind, "undo-text-frame"));
            }
            thread_ui(ui, edition, frame, actions);
        }
        FrameKind::Headline { story, tint, inset } => {
            if let Some(Some(s)) =
                story_combo_ui(ui, edition, &t!("props-story"), Some(story), false)
            {
                actions.push(set_kind(
                    frame,
                    FrameKind::Headline {
                        story: s,
                        tint: *tint,
                        inset: *inset,
                    },
                    "undo-place-story",
                ));
            }
            headline_type_ui(ui, edition, story, actions);
        }
        FrameKind::Photo {
            photo,
            story,
            fit,
            crop,
            caption_beside,
        } => photo_ui(
            ui,
            edition,
            frame,
            (photo, story.as_ref(), *fit, *crop, *caption_beside),
            actions,
        ),
        FrameKind::Rule { .. } | FrameKind::Box { .. } | FrameKind::Folio { .. } => {}
    }
}

/// The headline's type where the designer looks for it: size in 号 or points (and a step
/// up or down), horizontal scale, alignment. It changes this story's headline only: a style
/// the story shares is copied for it first ([`Edition::restyle_part_edits`]).
fn headline_type_ui(ui: &mut egui::Ui, edition: &Edition, story: &StoryId, actions: &mut Intents) {
    let Some(style) = edition.part_style(story, Part::Headline) else {
        return;
    };
    let refusal = Refusal::new(ui, ("headline type", story));
    let mut new = style.clone();
    let mut done = false;
    ui.label(t!("props-headline-type", style = style.id.as_str()));
    egui::Grid::new("headline type")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label(t!("styles-size"));
            size_ui(ui, ("headline", story), &mut new.size, &refusal).labelled_by(l.id);
            ui.end_row();
            ui.label(t!("props-size-step"));
            ui.horizontal(|ui| {
                for c in [Command::HeadlineSmaller, Command::HeadlineBigger] {
                    let icon = if c == Command::HeadlineBigger {
                        "A+"
                    } else {
                        "A−"
                    };
                    let tip = format!("{} ({})", c.text(), c.shortcut_text(ui.ctx()));
                    if ui.button(icon).on_hover_text(tip).clicked() {
                        actions.push(Intent::Run(c));
                    }
                }
            });
            ui.end_row();
            let l = ui.label(t!("styles-scale"));
            let (r, v) = number_ui(ui, new.scale * 100.0, 0.5, " %", 1);
            r.clone().labelled_by(l.id);
            if let Some(v) = v {
                new.scale = v / 100.0;
            }
            done |= r.drag_stopped() || r.lost_focus();
            ui.end_row();
            let l = ui.label(t!("styles-align"));
            align_ui(ui, &mut new.align).labelled_by(l.id);
            ui.end_row();
        });
    if new != *style {
        restyle(ui, edition, story, Part::Headline, &new, &refusal, actions);
    }
    if done {
        actions.push(Intent::Commit);
    }
    refusal.ui(ui);
}

/// Sets one story's part in `new` (checked first), as one undo step that merges while a
/// value is dragged.
fn restyle(
    ui: &egui::Ui,
    edition: &Edition,
    story: &StoryId,
    part: Part,
    new: &ParagraphStyle,
    refusal: &Refusal,
    actions: &mut Intents,
) {
    if let Err(problem) = new.check() {
        refusal.set(ui, crate::app::diagnostics::problem(&problem));
        return;
    }
    refusal.clear(ui);
    let target = new.clone();
    match edition.restyle_part_edits(story, part, move |s| {
        let id = s.id.clone();
        *s = target;
        s.id = id;
    }) {
        Ok(edits) => {
            // Drags merge on the style being changed (a copy made by the first frame of the
            // drag has its own ID, so the rest of the drag merges into that step).
            let merge = edits.iter().find_map(|e| match e {
                Edit::SetStyle { style } => Some(Merge::Style(style.id.clone())),
                _ => None,
            });
            actions.push(Intent::Edit {
                edits,
                label: "undo-headline-type",
                merge,
            });
        }
        Err(e) => refusal.set(ui, e.to_string()),
    }
}

/// Which story flows through a text frame, its place in the thread, link and unlink.
fn thread_ui(ui: &mut egui::Ui, edition: &Edition, frame: &Frame, actions: &mut Intents) {
    let owner = edition.story_of_frame(&frame.id);
    if let Some(picked) =
        story_combo_ui(ui, edition, &t!("props-story"), owner.map(|s| &s.id), true)
    {
        actions.push(Intent::Edit {
            edits: edition.place_story_edits(&frame.id, picked.as_ref()),
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
    (photo, story, fit, crop, beside): (&PhotoId, Option<&StoryId>, Fit, Crop, Option<Length>),
    actions: &mut Intents,
) {
    let kind = |photo: PhotoId, story: Option<StoryId>, fit: Fit, crop: Crop| FrameKind::Photo {
        photo,
        story,
        fit,
        crop,
        caption_beside: beside,
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
        actions.push(Intent::ReplacePhoto {
            frame: frame.id.clone(),
            photo: picked,
        });
    }
    if let Some(s) = story_combo_ui(ui, edition, &t!("props-caption-from"), story, true) {
        actions.push(set_kind(
            frame,
            kind(photo.clone(), s, fit, crop),
            "undo-caption-story",
        ));
    }
    // 图片新闻: the caption in a column at the image's right instead of under it.
    let mut side = beside.is_some();
    let mut width = beside.map_or(frame.rect.w.0 / 3.0, |w| w.pt().0);
    ui.horizontal(|ui| {
        ui.checkbox(&mut side, t!("props-caption-beside"))
            .on_hover_text(t!("props-caption-beside-tip"));
        if side {
            ui.add(
                egui::DragValue::new(&mut width)
                    .range(20.0..=frame.rect.w.0 * 0.75)
                    .suffix(" pt"),
            );
        }
    });
    let new_beside = side.then_some(Length::Pt(width.round()));
    if new_beside != beside {
        actions.push(set_kind(
            frame,
            FrameKind::Photo {
                photo: photo.clone(),
                story: story.cloned(),
                fit,
                crop,
                caption_beside: new_beside,
            },
            "undo-caption-beside",
        ));
    }
    let mut f = fit;
    ui.horizontal(|ui| {
        ui.radio_value(&mut f, Fit::Fill, t!("props-fill"));
        ui.radio_value(&mut f, Fit::Fit, t!("props-fit"));
        ui.radio_value(&mut f, Fit::FitWidth, t!("props-fit-width"));
    });
    if f != fit {
        actions.push(set_kind(
            frame,
            kind(photo.clone(), story.cloned(), f, crop),
            "undo-photo-fit",
        ));
    }
    ui.horizontal(|ui| {
        ui.label(t!("props-crop"));
        if ui
            .button(t!("props-crop-reset"))
            .on_hover_text(t!("props-crop-tip"))
            .clicked()
        {
            actions.push(Intent::GrabReset(frame.id.clone()));
        }
    });
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
