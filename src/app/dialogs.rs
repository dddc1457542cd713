//! The edition settings and page setup dialogs. Each edits a draft; OK checks it and pushes
//! the edits as one undo step, so a half-typed value never reaches the document, and a bad one
//! is refused in the dialog with the reason shown.

use super::i18n::t;
use super::intent::{Intent, Intents};
use super::panels::size_name;
use crate::model::{
    ColumnChars, Edit, Edition, EditionSettings, FolioSpec, FontSize, Lang, Length, PageTemplate,
    Section, SectionId, TemplateId, format_date, parse_date,
};

/// What a dialog's frame ended with.
pub enum Closed {
    Open,
    Done,
}

/// Paper name, date, issue numbers, language and sections.
pub struct EditionDialog {
    draft: EditionSettings,
    issue: String,
    total: String,
    error: Option<String>,
}

impl EditionDialog {
    pub fn new(edition: &Edition) -> Self {
        let draft = edition.settings();
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        Self {
            issue: number(draft.issue),
            total: number(draft.total_issue),
            draft,
            error: None,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, edition: &Edition, intents: &mut Intents) -> Closed {
        let mut closed = Closed::Open;
        let m = egui::Modal::new(egui::Id::unique("edition settings")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(t!("edition-title"));
            egui::Grid::new("edition fields")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| self.fields_ui(ui));
            ui.separator();
            self.sections_ui(ui);
            let mut error = self.error.take();
            closed = ok_cancel_ui(ui, &mut error, "undo-edition-settings", intents, || {
                self.edits(edition)
            });
            self.error = error;
        });
        if m.should_close() {
            closed = Closed::Done;
        }
        closed
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let d = &mut self.draft;
        let l = ui.label(t!("edition-paper"));
        ui.add(egui::TextEdit::singleline(&mut d.paper).desired_width(300.0))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t!("edition-date"));
        ui.vertical(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut d.date)
                    .hint_text("2024-11-12")
                    .desired_width(300.0),
            )
            .labelled_by(l.id);
            // The date as the folio will print it, weekday derived, or why it is not a date.
            match parse_date(&d.date) {
                Ok(date) => {
                    ui.weak(t!("edition-date-prints", date = format_date(date, d.lang)));
                }
                Err(_) if d.date.trim().is_empty() => {
                    ui.weak(t!("edition-date-none"));
                }
                Err(e) => {
                    ui.colored_label(
                        egui::Color32::from_rgb(220, 60, 50),
                        t!("edition-date-bad", reason = e.to_string()),
                    );
                }
            }
        });
        ui.end_row();
        let l = ui.label(t!("edition-issue"));
        ui.add(egui::TextEdit::singleline(&mut self.issue).desired_width(100.0))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t!("edition-total"));
        ui.add(egui::TextEdit::singleline(&mut self.total).desired_width(100.0))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t!("edition-lang"));
        ui.horizontal(|ui| {
            ui.radio_value(&mut d.lang, Lang::Zh, "中文");
            ui.radio_value(&mut d.lang, Lang::En, "English");
        })
        .response
        .labelled_by(l.id);
        ui.end_row();
    }

    /// Sections: a name and the prefix of its page labels (A → A1, A2 …).
    fn sections_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(t!("edition-sections"));
        let mut remove = None;
        egui::Grid::new("sections").num_columns(3).show(ui, |ui| {
            for (i, s) in self.draft.sections.iter_mut().enumerate() {
                ui.add(
                    egui::TextEdit::singleline(&mut s.name)
                        .hint_text(t!("edition-section-name"))
                        .desired_width(180.0),
                );
                ui.add(
                    egui::TextEdit::singleline(&mut s.prefix)
                        .hint_text(t!("edition-section-prefix"))
                        .desired_width(60.0),
                );
                if ui.button(t!("remove")).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
        if let Some(i) = remove {
            self.draft.sections.remove(i);
        }
        if ui.button(t!("edition-add-section")).clicked() {
            let n = self.draft.sections.len() + 1;
            let id = (n..)
                .map(|k| format!("section-{k}"))
                .find(|id| !self.draft.sections.iter().any(|s| s.id.as_str() == id))
                .unwrap_or_default();
            self.draft.sections.push(Section {
                id: SectionId::new(id),
                name: String::new(),
                prefix: String::new(),
            });
        }
    }

    /// The settings as one edit, or why they cannot be used.
    fn edits(&self, edition: &Edition) -> Result<Vec<Edit>, String> {
        let number = |text: &str, what: &str| -> Result<Option<u32>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<u32>()
                .map(Some)
                .map_err(|_| t!("edition-number-bad", what = what, text = text))
        };
        let mut s = self.draft.clone();
        s.issue = number(&self.issue, &t!("edition-issue"))?;
        s.total_issue = number(&self.total, &t!("edition-total"))?;
        s.paper = s.paper.trim().to_owned();
        if !s.date.trim().is_empty()
            && let Err(e) = parse_date(&s.date)
        {
            return Err(t!("edition-date-bad", reason = e.to_string()));
        }
        if s == edition.settings() {
            return Ok(Vec::new());
        }
        // Check on a copy, so a refusal is shown here and nothing reaches the document.
        let edit = Edit::SetEditionSettings(Box::new(s));
        edition
            .clone()
            .apply(edit.clone())
            .map_err(|e| e.to_string())?;
        Ok(vec![edit])
    }
}

/// Which pages a template is applied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every page on this template (the template itself changes).
    Template,
    /// Only the current page, which gets a template of its own if it shared one.
    ThisPage,
}

/// Page size, margins, columns and gutter (or column width in whole 字), modules, baseline
/// grid and folio of the current page's template.
pub struct TemplateDialog {
    page: usize,
    draft: PageTemplate,
    /// Founder-style columns: a width in whole characters at a size; the gutters follow.
    by_chars: bool,
    chars_size: String,
    scope: Scope,
    error: Option<String>,
}

impl TemplateDialog {
    pub fn new(edition: &Edition, page: usize) -> Option<Self> {
        let p = edition.pages.get(page)?;
        let draft = edition.template(&p.template)?.clone();
        Some(Self {
            page,
            by_chars: draft.column_chars.is_some(),
            chars_size: draft
                .column_chars
                .as_ref()
                .map_or_else(|| "五号".to_owned(), |c| size_text(&c.size)),
            draft,
            scope: Scope::Template,
            error: None,
        })
    }

    pub fn ui(&mut self, ctx: &egui::Context, edition: &Edition, intents: &mut Intents) -> Closed {
        let mut closed = Closed::Open;
        let m = egui::Modal::new(egui::Id::unique("page setup")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(t!("template-title", name = self.draft.name.as_str()));
            ui.horizontal(|ui| {
                ui.label(t!("template-preset"));
                for preset in PageTemplate::presets() {
                    if ui.button(&preset.name).clicked() {
                        self.load_preset(preset);
                    }
                }
            });
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, |ui| {
                    egui::Grid::new("template fields")
                        .num_columns(2)
                        .spacing([10.0, 6.0])
                        .show(ui, |ui| self.fields_ui(ui));
                });
            self.summary_ui(ui);
            let users = edition
                .pages
                .iter()
                .filter(|p| p.template == self.draft.id)
                .count();
            ui.horizontal(|ui| {
                ui.label(t!("template-apply-to"));
                ui.radio_value(
                    &mut self.scope,
                    Scope::Template,
                    t!("template-scope-all", count = users),
                );
                ui.radio_value(&mut self.scope, Scope::ThisPage, t!("template-scope-page"));
            });
            let mut error = self.error.take();
            closed = ok_cancel_ui(ui, &mut error, "undo-page-setup", intents, || {
                self.edits(edition)
            });
            self.error = error;
        });
        if m.should_close() {
            closed = Closed::Done;
        }
        closed
    }

    /// A preset's geometry under this template's ID and folio.
    fn load_preset(&mut self, preset: PageTemplate) {
        let folio = self.draft.folio.clone();
        self.draft = PageTemplate {
            id: self.draft.id.clone(),
            folio: folio.or(preset.folio.clone()),
            ..preset
        };
        self.by_chars = self.draft.column_chars.is_some();
        self.error = None;
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let d = &mut self.draft;
        let l = ui.label(t!("template-name"));
        ui.add(egui::TextEdit::singleline(&mut d.name).desired_width(220.0))
            .labelled_by(l.id);
        ui.end_row();
        for (id, len) in [
            ("template-width", &mut d.width),
            ("template-height", &mut d.height),
            ("template-margin-top", &mut d.margins.top),
            ("template-margin-bottom", &mut d.margins.bottom),
            ("template-margin-inside", &mut d.margins.inside),
            ("template-margin-outside", &mut d.margins.outside),
        ] {
            mm_row(ui, id, len);
        }
        let l = ui.label(t!("template-columns"));
        ui.add(egui::DragValue::new(&mut d.columns))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t!("template-by-chars"));
        ui.checkbox(&mut self.by_chars, t!("template-by-chars-on"))
            .labelled_by(l.id);
        ui.end_row();
        if self.by_chars {
            let chars = d.column_chars.get_or_insert(ColumnChars {
                chars: 11.0,
                size: FontSize::Named("五号".into()),
            });
            let l = ui.label(t!("template-chars"));
            ui.add(
                egui::DragValue::new(&mut chars.chars)
                    .speed(1.0)
                    .max_decimals(0)
                    .suffix(" 字"),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t!("template-chars-size"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.chars_size).desired_width(80.0))
                .labelled_by(l.id);
            if r.changed()
                && let Ok(size) = self.chars_size.trim().parse::<FontSize>()
            {
                chars.size = size;
            }
            ui.end_row();
        } else {
            d.column_chars = None;
            mm_row(ui, "template-gutter", &mut d.gutter);
        }
        let l = ui.label(t!("template-modules"));
        ui.add(egui::DragValue::new(&mut d.modules))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t!("template-baseline"));
        let mut pt = d.baseline.pt().0;
        if ui
            .add(egui::DragValue::new(&mut pt).speed(0.1).suffix(" pt"))
            .labelled_by(l.id)
            .changed()
        {
            d.baseline = Length::Pt(pt);
        }
        ui.end_row();
        let l = ui.label(t!("template-folio"));
        let mut on = d.folio.is_some();
        ui.checkbox(&mut on, t!("template-folio-on"))
            .labelled_by(l.id);
        ui.end_row();
        if !on {
            d.folio = None;
        } else if d.folio.is_none() {
            d.folio = PageTemplate::presets().remove(0).folio;
        }
        if let Some(folio) = d.folio.as_mut() {
            folio_rows(ui, folio);
        }
    }

    /// What the grid comes to: column width and gutter, in mm and in 字 of the body size.
    fn summary_ui(&self, ui: &mut egui::Ui) {
        let d = &self.draft;
        if d.check().is_err() {
            return;
        }
        let em = d.column_chars.as_ref().map_or(10.5, |c| c.size.pt().0);
        ui.weak(t!(
            "template-summary",
            columns = d.columns,
            width = format!("{:.1}", d.column_width().to_mm()),
            chars = format!("{:.1}", d.column_width().0 / em),
            gutter = format!("{:.1}", d.gutter_width().to_mm()),
            size = size_name(&FontSize::Pt(em))
        ));
    }

    /// The template and page edits, checked, or why they cannot be made.
    fn edits(&self, edition: &Edition) -> Result<Vec<Edit>, String> {
        let mut template = self.draft.clone();
        if self.by_chars
            && let Some(c) = template.column_chars.as_mut()
        {
            c.size = self
                .chars_size
                .trim()
                .parse()
                .map_err(|_| t!("styles-size-unreadable", text = self.chars_size.trim()))?;
        }
        template
            .check()
            .map_err(|p| super::diagnostics::problem(&p))?;
        let page = edition
            .pages
            .get(self.page)
            .ok_or_else(|| t!("refused-no-page", page = self.page + 1))?;
        let shared = edition
            .pages
            .iter()
            .filter(|p| p.template == page.template)
            .count()
            > 1;
        let edits = match self.scope {
            Scope::ThisPage if shared => {
                // The page gets a template of its own; the others keep theirs.
                let base = format!("{}-{}", template.id, page.id);
                let id = (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|id| edition.template(&TemplateId::new(id)).is_none())
                    .unwrap_or(base);
                template.id = TemplateId::new(id);
                let index = edition.templates.len();
                let mut scratch = edition.clone();
                let insert = Edit::InsertTemplate {
                    index,
                    template: Box::new(template.clone()),
                };
                scratch.apply(insert.clone()).map_err(|e| e.to_string())?;
                let mut edits = vec![insert];
                edits.extend(
                    scratch
                        .set_page_template_edits(&page.id, &template.id)
                        .map_err(|e| e.to_string())?,
                );
                edits
            }
            _ => edition
                .set_template_edits(template)
                .map_err(|e| e.to_string())?,
        };
        // Check on a copy, so a refusal is shown here and nothing reaches the document.
        edition
            .clone()
            .apply_all(edits.clone())
            .map_err(|e| e.to_string())?;
        Ok(edits)
    }
}

/// The dialog's refusal, then OK (which makes the edits, or says why not) and Cancel.
fn ok_cancel_ui(
    ui: &mut egui::Ui,
    error: &mut Option<String>,
    label: &'static str,
    intents: &mut Intents,
    edits: impl FnOnce() -> Result<Vec<Edit>, String>,
) -> Closed {
    if let Some(e) = error {
        ui.colored_label(egui::Color32::from_rgb(220, 60, 50), format!("● {e}"));
    }
    ui.horizontal(|ui| {
        if ui.button(t!("ok")).clicked() {
            match edits() {
                Ok(edits) => {
                    intents.push(Intent::Edit {
                        edits,
                        label,
                        merge: None,
                    });
                    return Closed::Done;
                }
                Err(e) => *error = Some(e),
            }
        }
        if ui.button(t!("cancel")).clicked() {
            return Closed::Done;
        }
        Closed::Open
    })
    .inner
}

fn size_text(size: &FontSize) -> String {
    match size {
        FontSize::Named(n) => n.clone(),
        FontSize::Pt(p) => p.to_string(),
    }
}

/// A length typed or dragged in millimetres.
fn mm_row(ui: &mut egui::Ui, label: &str, len: &mut Length) {
    let l = ui.label(t!(label));
    let mut mm = len.pt().to_mm();
    if ui
        .add(
            egui::DragValue::new(&mut mm)
                .speed(0.5)
                .max_decimals(1)
                .suffix(" mm"),
        )
        .labelled_by(l.id)
        .changed()
    {
        *len = Length::Mm(mm);
    }
    ui.end_row();
}

/// The folio band: height, rule and what it prints left and right.
fn folio_rows(ui: &mut egui::Ui, folio: &mut FolioSpec) {
    mm_row(ui, "template-folio-height", &mut folio.height);
    let l = ui.label(t!("template-folio-rule"));
    ui.checkbox(&mut folio.rule, t!("template-folio-rule-on"))
        .labelled_by(l.id);
    ui.end_row();
    let (left, right) = crate::model::default_folio(Lang::Zh);
    for (id, slot, default) in [
        ("template-folio-left", &mut folio.left, left),
        ("template-folio-right", &mut folio.right, right),
    ] {
        let l = ui.label(t!(id));
        let mut text = slot.clone().unwrap_or_else(|| default.to_owned());
        let r = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(260.0))
            .labelled_by(l.id)
            .on_hover_text(t!(
                "template-folio-placeholders",
                list = crate::model::FOLIO_PLACEHOLDERS.join(" ")
            ));
        if r.changed() {
            *slot = (text != default).then_some(text);
        }
        ui.end_row();
    }
}
