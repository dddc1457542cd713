//! The styles panel: the edition's paragraph styles — create, duplicate, rename, delete (refused
//! while in use, naming the users) — and every value of the selected one, including the
//! horizontal scale (长/扁) Chinese headlines use. Each change reflows live and is one undo
//! step; a value that would break the style is refused with the reason shown.

use super::fields::{Refusal, align_ui, number_ui, size_ui};
use crate::app::history::Merge;
use crate::app::i18n::t;
use crate::app::{Intent, intent::Intents};
use crate::model::{
    Align, Color, Edit, Edition, Figures, FontSize, Length, ParagraphStyle, Prohibition,
    PunctStyle, Punctuation, Push, StyleId, Weight,
};
use crate::text::FontBook;

/// Which style the panel shows, and the name being typed for a rename or a new style.
#[derive(Clone, Debug, Default)]
pub struct StylesPanel {
    pub selected: Option<StyleId>,
    renaming: Option<String>,
    /// What is typed in the family lists' search fields: the style's family, a fallback.
    family_filter: String,
    fallback_filter: String,
}

impl StylesPanel {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        edition: &Edition,
        fonts: &FontBook,
        intents: &mut Intents,
    ) {
        let styles = &edition.styles.paragraph;
        if self
            .selected
            .as_ref()
            .is_none_or(|s| edition.styles.paragraph(s).is_none())
        {
            self.selected = styles.first().map(|s| s.id.clone());
        }
        ui.heading(t!("styles-title"));
        egui::ScrollArea::vertical()
            .id_salt("style list")
            .max_height(180.0)
            .show(ui, |ui| {
                for s in styles {
                    let text = format!("{}  ·  {}", s.id, size_name(&s.size));
                    let on = self.selected.as_ref() == Some(&s.id);
                    if ui.selectable_label(on, text).clicked() {
                        self.selected = Some(s.id.clone());
                        self.renaming = None;
                    }
                }
            });
        let Some(style) = self
            .selected
            .as_ref()
            .and_then(|s| edition.styles.paragraph(s))
        else {
            return;
        };
        self.actions_ui(ui, edition, style, intents);
        ui.separator();
        let filters = (&mut self.family_filter, &mut self.fallback_filter);
        style_ui(ui, edition, fonts, filters, style, intents);
    }

    /// New, duplicate, rename and delete.
    fn actions_ui(
        &mut self,
        ui: &mut egui::Ui,
        edition: &Edition,
        style: &ParagraphStyle,
        intents: &mut Intents,
    ) {
        let refusal = Refusal::new(ui, "style actions");
        ui.horizontal_wrapped(|ui| {
            let index = edition
                .styles
                .paragraph
                .iter()
                .position(|s| s.id == style.id)
                .map_or(0, |i| i + 1);
            for (button, copy_of) in [("styles-new", None), ("styles-duplicate", Some(style))] {
                if ui.button(t!(button)).clicked() {
                    let mut new = copy_of.cloned().unwrap_or_else(|| plain_style(style));
                    let base = copy_of.map_or_else(|| t!("styles-new-name"), |s| s.id.to_string());
                    new.id = edition.fresh_style_id(&base);
                    self.selected = Some(new.id.clone());
                    intents.push(Intent::Edit {
                        edits: vec![Edit::InsertStyle {
                            index,
                            style: Box::new(new),
                        }],
                        label: "undo-new-style",
                        merge: None,
                    });
                }
            }
            if ui.button(t!("styles-rename")).clicked() {
                self.renaming = Some(style.id.to_string());
            }
            if ui.button(t!("styles-delete")).clicked() {
                let users: Vec<String> = edition
                    .style_uses(&style.id)
                    .iter()
                    .map(crate::app::diagnostics::style_use)
                    .collect();
                if users.is_empty() {
                    intents.push(Intent::Edit {
                        edits: vec![Edit::RemoveStyle {
                            style: style.id.clone(),
                        }],
                        label: "undo-delete-style",
                        merge: None,
                    });
                    refusal.clear(ui);
                } else {
                    refusal.set(
                        ui,
                        t!(
                            "styles-in-use",
                            style = style.id.as_str(),
                            users = users.join("、")
                        ),
                    );
                }
            }
        });
        if let Some(name) = self.renaming.as_mut() {
            let mut done = false;
            ui.horizontal(|ui| {
                let l = ui.label(t!("styles-new-name-label"));
                let r = ui
                    .add(egui::TextEdit::singleline(name).desired_width(140.0))
                    .labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(t!("ok")).clicked() || enter {
                    let to = name.trim();
                    if to.is_empty() {
                        refusal.set(ui, t!("styles-name-empty"));
                    } else if to != style.id.as_str()
                        && edition.styles.paragraph(&StyleId::new(to)).is_some()
                    {
                        refusal.set(ui, t!("styles-name-taken", name = to));
                    } else {
                        if to != style.id.as_str() {
                            intents.push(Intent::Edit {
                                edits: vec![Edit::RenameStyle {
                                    from: style.id.clone(),
                                    to: StyleId::new(to),
                                }],
                                label: "undo-rename-style",
                                merge: None,
                            });
                            self.selected = Some(StyleId::new(to));
                        }
                        refusal.clear(ui);
                        done = true;
                    }
                }
                if ui.button(t!("cancel")).clicked() {
                    done = true;
                }
            });
            if done {
                self.renaming = None;
            }
        }
        refusal.ui(ui);
    }
}

/// A new style's starting point: the selected one's face and size, plain body settings.
fn plain_style(like: &ParagraphStyle) -> ParagraphStyle {
    ParagraphStyle {
        indent_em: 0.0,
        align: Align::Justify,
        space_before: Length::Pt(0.0),
        space_after: Length::Pt(0.0),
        tracking_em: 0.0,
        scale: 1.0,
        ..like.clone()
    }
}

/// A size as a designer reads it: its Chinese name with the points, or points.
pub fn size_name(size: &FontSize) -> String {
    match size {
        FontSize::Named(n) => format!("{n} ({} pt)", size.pt().0),
        FontSize::Pt(p) => format!("{p} pt"),
    }
}

/// Reads a typed size: a Chinese size name (小初, 五号) or points ("36", "36pt").
pub fn parse_size(text: &str) -> Result<FontSize, String> {
    text.parse::<FontSize>()
        .map_err(|_| t!("styles-size-unreadable", text = text))
}

/// Every value of one style; a change is checked, then pushed as one [`Edit::SetStyle`] that
/// merges while a value is dragged.
fn style_ui(
    ui: &mut egui::Ui,
    edition: &Edition,
    fonts: &FontBook,
    (filter, fallback_filter): (&mut String, &mut String),
    style: &ParagraphStyle,
    intents: &mut Intents,
) {
    let refusal = Refusal::new(ui, ("style", &style.id));
    let mut new = style.clone();
    let mut done = false;
    egui::Grid::new(("style values", &style.id))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            row(ui, "styles-family", |ui| {
                family_ui(
                    ui,
                    fonts,
                    filter,
                    &mut new.font.family,
                    &t!("styles-family"),
                )
            });
            row(ui, "styles-fallback", |ui| {
                fallback_ui(ui, fonts, fallback_filter, &mut new.font.fallback)
            });
            row(ui, "styles-weight", |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(
                        &mut new.font.weight,
                        Weight::Regular,
                        t!("weight-regular"),
                    );
                    ui.selectable_value(&mut new.font.weight, Weight::Bold, t!("weight-bold"));
                    ui.checkbox(&mut new.font.italic, t!("styles-italic"));
                })
                .response
            });
            row(ui, "styles-size", |ui| {
                size_ui(ui, ("style", &style.id), &mut new.size, &refusal)
            });
            row(ui, "styles-leading", |ui| {
                let (r, v) = number_ui(ui, new.leading.pt().0, 0.1, " pt", 2);
                if let Some(v) = v {
                    new.leading = Length::Pt(v);
                }
                done |= r.drag_stopped() || r.lost_focus();
                r
            });
            row(ui, "styles-scale", |ui| {
                let (r, v) = number_ui(ui, new.scale * 100.0, 0.5, " %", 1);
                if let Some(v) = v {
                    new.scale = v / 100.0;
                }
                done |= r.drag_stopped() || r.lost_focus();
                r
            });
            row(ui, "styles-tracking", |ui| {
                let (r, v) = number_ui(ui, new.tracking_em * 1000.0, 1.0, " ‰ em", 0);
                if let Some(v) = v {
                    new.tracking_em = v / 1000.0;
                }
                done |= r.drag_stopped() || r.lost_focus();
                r
            });
            row(ui, "styles-indent", |ui| {
                let (r, v) = number_ui(ui, new.indent_em, 0.1, " em", 2);
                if let Some(v) = v {
                    new.indent_em = v;
                }
                done |= r.drag_stopped() || r.lost_focus();
                r
            });
            row(ui, "styles-align", |ui| align_ui(ui, &mut new.align));
            for (id, slot) in [
                ("styles-space-before", &mut new.space_before),
                ("styles-space-after", &mut new.space_after),
            ] {
                row(ui, id, |ui| {
                    let (r, v) = number_ui(ui, slot.pt().0, 0.1, " pt", 2);
                    if let Some(v) = v {
                        *slot = Length::Pt(v);
                    }
                    done |= r.drag_stopped() || r.lost_focus();
                    r
                });
            }
            row(ui, "styles-color", |ui| {
                color_ui(ui, &mut new.color, &mut done)
            });
            row(ui, "styles-prohibition", |ui| {
                egui::ComboBox::from_id_salt("prohibition")
                    .selected_text(t!(prohibition_id(new.prohibition)))
                    .show_ui(ui, |ui| {
                        for p in [
                            Prohibition::None,
                            Prohibition::Basic,
                            Prohibition::Gb,
                            Prohibition::Strict,
                        ] {
                            ui.selectable_value(&mut new.prohibition, p, t!(prohibition_id(p)));
                        }
                    })
                    .response
            });
            row(ui, "styles-han-latin", |ui| {
                ui.checkbox(&mut new.han_latin_space, t!("styles-han-latin-on"))
            });
            row(ui, "styles-figures", |ui| {
                egui::ComboBox::from_id_salt("figures")
                    .selected_text(t!(figures_id(new.figures)))
                    .show_ui(ui, |ui| {
                        for f in [Figures::Proportional, Figures::Grid] {
                            ui.selectable_value(&mut new.figures, f, t!(figures_id(f)));
                        }
                    })
                    .response
            });
            punctuation_rows(ui, &mut new.punctuation, &mut done);
        });
    // A font is chosen, not dragged: each choice is an undo step of its own.
    done |= new.font != style.font;
    if new != *style {
        let checked = new
            .check()
            .map_err(|p| crate::app::diagnostics::problem(&p))
            .and_then(|()| {
                fonts
                    .check_spec(&new.font)
                    .map_err(|e| t!("styles-font-unknown", family = e.family.as_str()))
            });
        match checked {
            Ok(()) => {
                refusal.clear(ui);
                intents.push(Intent::Edit {
                    edits: vec![Edit::SetStyle {
                        style: Box::new(new),
                    }],
                    label: "undo-style",
                    merge: Some(Merge::Style(style.id.clone())),
                });
            }
            Err(reason) => refusal.set(ui, reason),
        }
    }
    if done {
        intents.push(Intent::Commit);
    }
    refusal.ui(ui);
    let users: Vec<String> = edition
        .style_uses(&style.id)
        .iter()
        .map(crate::app::diagnostics::style_use)
        .collect();
    ui.label(t!("styles-used-by", count = users.len()));
    if !users.is_empty() {
        ui.weak(users.join("、"));
    }
}

/// One labelled row of the style grid; the label names the field for screen readers and tests.
fn row(ui: &mut egui::Ui, label: &str, field: impl FnOnce(&mut egui::Ui) -> egui::Response) {
    let l = ui.label(t!(label));
    field(ui).labelled_by(l.id);
    ui.end_row();
}

/// CMYK in percent, the way a newspaper specifies ink.
pub(super) fn color_ui(ui: &mut egui::Ui, color: &mut Color, done: &mut bool) -> egui::Response {
    let [c, m, y, k] = match *color {
        Color::Cmyk(c, m, y, k) => [c, m, y, k],
        Color::Rgb(..) => [0, 0, 0, 100],
    };
    let mut v = [c, m, y, k];
    let r = ui
        .horizontal(|ui| {
            for (i, name) in ["C", "M", "Y", "K"].into_iter().enumerate() {
                let r = ui.add(
                    egui::DragValue::new(&mut v[i])
                        .range(0..=100)
                        .prefix(format!("{name} ")),
                );
                *done |= r.drag_stopped() || r.lost_focus();
            }
            let [r, g, b] = Color::Cmyk(v[0], v[1], v[2], v[3]).to_rgb();
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
        })
        .response;
    if v != [c, m, y, k] {
        *color = Color::Cmyk(v[0], v[1], v[2], v[3]);
    }
    r
}

/// The punctuation style, hanging, and the order and limits of adjustment (标点与挤压).
fn punctuation_rows(ui: &mut egui::Ui, p: &mut Punctuation, done: &mut bool) {
    row(ui, "styles-punct", |ui| {
        egui::ComboBox::from_id_salt("punctuation")
            .selected_text(t!(punct_id(p.style)))
            .show_ui(ui, |ui| {
                for s in [
                    PunctStyle::FullWidth,
                    PunctStyle::Kaiming,
                    PunctStyle::LineEndHalf,
                    PunctStyle::AllHalf,
                ] {
                    ui.selectable_value(&mut p.style, s, t!(punct_id(s)));
                }
            })
            .response
    });
    row(ui, "styles-hanging", |ui| {
        ui.checkbox(&mut p.hanging, t!("styles-hanging-on"))
    });
    row(ui, "styles-push", |ui| {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut p.first, Push::In, t!("push-in-first"));
            ui.selectable_value(&mut p.first, Push::Out, t!("push-out-first"));
        })
        .response
    });
    row(ui, "styles-max-squeezed", |ui| {
        let r = ui.add(egui::DragValue::new(&mut p.max_squeezed).range(0..=20));
        *done |= r.drag_stopped() || r.lost_focus();
        r
    });
    row(ui, "styles-max-spacing", |ui| {
        let (r, v) = number_ui(ui, p.max_spacing_em, 0.01, " em", 2);
        if let Some(v) = v {
            p.max_spacing_em = v;
        }
        *done |= r.drag_stopped() || r.lost_focus();
        r
    });
}

fn figures_id(f: Figures) -> &'static str {
    match f {
        Figures::Proportional => "figures-proportional",
        Figures::Grid => "figures-grid",
    }
}

fn punct_id(s: PunctStyle) -> &'static str {
    match s {
        PunctStyle::FullWidth => "punct-full",
        PunctStyle::Kaiming => "punct-kaiming",
        PunctStyle::LineEndHalf => "punct-line-end-half",
        PunctStyle::AllHalf => "punct-all-half",
    }
}

fn prohibition_id(p: Prohibition) -> &'static str {
    match p {
        Prohibition::None => "prohibition-none",
        Prohibition::Basic => "prohibition-basic",
        Prohibition::Gb => "prohibition-gb",
        Prohibition::Strict => "prohibition-strict",
    }
}

/// The family list: every family a style can name — the edition's own fonts, the font
/// folders', the system's and the bundled ones, each marked — with a search field, since a
/// designer's machine may have thousands. Only the rows in view are laid out.
pub fn family_ui(
    ui: &mut egui::Ui,
    fonts: &FontBook,
    filter: &mut String,
    family: &mut String,
    label: &str,
) -> egui::Response {
    use crate::text::Place;
    let shown = if family.is_empty() {
        t!("styles-family-choose")
    } else {
        family.clone()
    };
    let inner = egui::ComboBox::from_id_salt(("family", label))
        .selected_text(shown)
        .width(170.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(t!("styles-family-search-label"));
                ui.add(
                    egui::TextEdit::singleline(filter)
                        .hint_text(t!("styles-family-search"))
                        .desired_width(200.0),
                )
                .labelled_by(label.id)
                .request_focus();
            });
            let all = fonts.families();
            let needle = filter.trim().to_lowercase();
            let shown: Vec<_> = all
                .iter()
                .filter(|f| needle.is_empty() || f.name.to_lowercase().contains(&needle))
                .collect();
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("families")
                .max_height(320.0)
                .show_rows(ui, row_height, shown.len(), |ui, rows| {
                    for f in &shown[rows] {
                        let place = match f.place {
                            Place::Edition => t!("font-place-edition"),
                            Place::Folder => t!("font-place-folder"),
                            Place::System => t!("font-place-system"),
                            Place::Bundled => t!("font-place-bundled"),
                        };
                        let text = format!("{}  ·  {place}", f.name);
                        if ui.selectable_label(*family == f.name, text).clicked() {
                            family.clone_from(&f.name);
                            filter.clear();
                            ui.close();
                        }
                    }
                });
        });
    // Screen readers (and tests) know the list by what it is for, not by its value.
    inner
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    inner.response
}

/// A style's fallback families, in order: each can be taken out, and one added from the
/// family list. Characters the style's face lacks are looked for in them first.
fn fallback_ui(
    ui: &mut egui::Ui,
    fonts: &FontBook,
    filter: &mut String,
    fallback: &mut Vec<String>,
) -> egui::Response {
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, family) in fallback.iter().enumerate() {
            let tip = t!("styles-fallback-remove", family = family.as_str());
            if ui
                .small_button(format!("{family}  ×"))
                .on_hover_text(tip)
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            fallback.remove(i);
        }
        let mut added = String::new();
        family_ui(ui, fonts, filter, &mut added, &t!("styles-fallback-add"));
        if !added.is_empty() && !fallback.contains(&added) {
            fallback.push(added);
        }
    })
    .response
}
