//! Rules, boxes, tints and text wrap in the properties panel: a rule's weight, style (solid,
//! dashed, dotted, 文武线) and colour; a box's fill and border; the 底纹 behind a text or
//! headline frame with its inset; and whether a frame pushes text away (图文互斥).

use super::fields::{Refusal, number_ui};
use super::styles::color_ui;
use crate::app::history::Merge;
use crate::app::i18n::t;
use crate::app::{Intent, intent::Intents};
use crate::model::{Color, Edit, Frame, FrameKind, Length, RuleStyle, Stroke, Wrap};

/// The default tint of a new 底纹: 10% black, as newspapers use behind boxed text.
const TINT: Color = Color::Cmyk(0, 0, 0, 10);

/// Rule, box and tint settings of `frame`, when it has any.
pub fn decor_ui(ui: &mut egui::Ui, frame: &Frame, actions: &mut Intents) {
    let refusal = Refusal::new(ui, ("decor", &frame.id));
    let mut kind = frame.kind.clone();
    let mut done = false;
    match &mut kind {
        FrameKind::Rule {
            weight,
            color,
            style,
        } => {
            egui::Grid::new("rule").num_columns(2).show(ui, |ui| {
                stroke_rows(ui, weight, color, style, &mut done);
            });
        }
        FrameKind::Box { fill, stroke } => {
            egui::Grid::new("box").num_columns(2).show(ui, |ui| {
                optional_color_row(ui, "decor-fill", fill, &mut done);
                let l = ui.label(t!("decor-border"));
                let mut on = stroke.is_some();
                ui.checkbox(&mut on, t!("decor-border-on"))
                    .labelled_by(l.id);
                ui.end_row();
                match (on, stroke.as_mut()) {
                    (false, _) => *stroke = None,
                    (true, None) => {
                        *stroke = Some(Stroke {
                            weight: Length::Pt(0.5),
                            color: Color::BLACK,
                            style: RuleStyle::Solid,
                        });
                    }
                    (true, Some(s)) => {
                        stroke_rows(ui, &mut s.weight, &mut s.color, &mut s.style, &mut done);
                    }
                }
            });
        }
        FrameKind::Text { tint, inset, .. } | FrameKind::Headline { tint, inset, .. } => {
            egui::Grid::new("tint").num_columns(2).show(ui, |ui| {
                optional_color_row(ui, "decor-tint", tint, &mut done);
                if tint.is_some() || inset.is_some() {
                    let l = ui.label(t!("decor-inset"));
                    let mm = inset.map_or(0.0, |i| i.pt().to_mm());
                    let (r, v) = number_ui(ui, mm, 0.1, " mm", 1);
                    r.clone().labelled_by(l.id);
                    if let Some(v) = v {
                        *inset = (v != 0.0).then_some(Length::Mm(v));
                    }
                    done |= r.drag_stopped() || r.lost_focus();
                    ui.end_row();
                }
            });
        }
        _ => {}
    }
    if kind != frame.kind {
        let mut checked = frame.clone();
        checked.kind = kind.clone();
        match checked.check() {
            Ok(()) => {
                refusal.clear(ui);
                actions.push(Intent::Edit {
                    edits: vec![Edit::SetFrameKind {
                        frame: frame.id.clone(),
                        kind,
                    }],
                    label: "undo-decor",
                    merge: Some(Merge::Property(frame.id.clone())),
                });
            }
            Err(e) => refusal.set(ui, e.to_string()),
        }
    }
    if done {
        actions.push(Intent::Commit);
    }
    refusal.ui(ui);
    wrap_ui(ui, frame, actions);
}

/// Weight, style and colour of a rule or a border.
fn stroke_rows(
    ui: &mut egui::Ui,
    weight: &mut Length,
    color: &mut Color,
    style: &mut RuleStyle,
    done: &mut bool,
) {
    let l = ui.label(t!("decor-weight"));
    let (r, v) = number_ui(ui, weight.pt().0, 0.05, " pt", 2);
    r.clone().labelled_by(l.id);
    if let Some(v) = v {
        *weight = Length::Pt(v);
    }
    *done |= r.drag_stopped() || r.lost_focus();
    ui.end_row();
    let l = ui.label(t!("decor-style"));
    egui::ComboBox::from_id_salt("rule style")
        .selected_text(t!(style_id(*style)))
        .show_ui(ui, |ui| {
            for s in RuleStyle::ALL {
                ui.selectable_value(style, s, t!(style_id(s)));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    let l = ui.label(t!("styles-color"));
    color_ui(ui, color, done).labelled_by(l.id);
    ui.end_row();
}

/// A colour that may be absent (no fill, no tint).
fn optional_color_row(ui: &mut egui::Ui, label: &str, color: &mut Option<Color>, done: &mut bool) {
    let l = ui.label(t!(label));
    let mut on = color.is_some();
    ui.checkbox(&mut on, t!("decor-on")).labelled_by(l.id);
    ui.end_row();
    match (on, color.as_mut()) {
        (false, _) => *color = None,
        (true, None) => *color = Some(TINT),
        (true, Some(c)) => {
            ui.label("");
            color_ui(ui, c, done);
            ui.end_row();
        }
    }
}

fn style_id(style: RuleStyle) -> &'static str {
    match style {
        RuleStyle::Solid => "rule-solid",
        RuleStyle::Dashed => "rule-dashed",
        RuleStyle::Dotted => "rule-dotted",
        RuleStyle::ThickThin => "rule-thick-thin",
        RuleStyle::ThinThick => "rule-thin-thick",
    }
}

/// Whether the frame pushes text out of text frames under it, and how far.
fn wrap_ui(ui: &mut egui::Ui, frame: &Frame, actions: &mut Intents) {
    if matches!(frame.kind, FrameKind::Text { .. } | FrameKind::Folio { .. }) {
        return;
    }
    let mut on = frame.wrap.is_some();
    let offset = frame.wrap.as_ref().map_or(2.0, |w| w.offset.pt().to_mm());
    let mut wrap = frame.wrap;
    let mut done = false;
    ui.horizontal(|ui| {
        ui.checkbox(&mut on, t!("decor-wrap"));
        if on {
            let l = ui.label(t!("decor-wrap-offset"));
            let (r, v) = number_ui(ui, offset, 0.1, " mm", 1);
            r.clone().labelled_by(l.id);
            done |= r.drag_stopped() || r.lost_focus();
            let mm = v.unwrap_or(offset).max(0.0);
            wrap = Some(Wrap {
                offset: Length::Mm(mm),
            });
        } else {
            wrap = None;
        }
    });
    if wrap != frame.wrap {
        actions.push(Intent::Edit {
            edits: vec![Edit::SetFrameWrap {
                frame: frame.id.clone(),
                wrap,
            }],
            label: "undo-wrap",
            merge: Some(Merge::Property(frame.id.clone())),
        });
    }
    if done {
        actions.push(Intent::Commit);
    }
}
