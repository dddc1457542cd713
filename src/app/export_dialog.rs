//! Export PDF: for the printing plant (印刷用PDF) or as a proof for screens (校样PDF), with
//! PDF/X-4, black overprint (叠印) and the total-ink limit (总墨量) for this export. The house's
//! own settings (the edition's) are where the options start.

use super::i18n::t;
use super::intent::{Intent, Intents};
use super::modal::Choice;
use crate::export::pdf::{PdfOptions, Press};
use crate::model::PressSettings;

/// Which PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfKind {
    /// For the plant: photos in newsprint CMYK within the ink limit, black overprinting.
    Press,
    /// For screens: photos as they are, today's RGB proof.
    Proof,
}

/// The choices of one PDF export.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfChoice {
    pub kind: PdfKind,
    pub pdfx: bool,
    pub overprint: bool,
    /// Percent.
    pub ink_limit: f32,
}

impl PdfChoice {
    /// A press PDF as the house's settings say, without PDF/X.
    pub fn of(press: &PressSettings) -> Self {
        Self {
            kind: PdfKind::Press,
            pdfx: false,
            overprint: press.overprint_black,
            ink_limit: press.ink_limit() * 100.0,
        }
    }

    /// The exporter's options for `pages`, starting from the house's settings.
    pub fn options(&self, pages: Vec<usize>, house: &PressSettings) -> PdfOptions {
        let mut opts = PdfOptions::pages(pages);
        if self.kind == PdfKind::Press {
            let settings = PressSettings {
                ink_limit_pct: self.ink_limit,
                overprint_black: self.overprint,
                overprint_tints: self.overprint && house.overprint_tints,
            };
            opts.press = Some(Press {
                pdfx: self.pdfx,
                ..Press::of(&settings)
            });
        }
        opts
    }
}

/// The dialog's state: a draft of the choice.
pub struct ExportDialog {
    pub choice: PdfChoice,
}

impl ExportDialog {
    pub fn new(press: &PressSettings) -> Self {
        Self {
            choice: PdfChoice::of(press),
        }
    }

    /// Draws the dialog; returns whether it stays open.
    pub fn ui(&mut self, ctx: &egui::Context, intents: &mut Intents) -> bool {
        let mut open = true;
        let m = egui::Modal::new(egui::Id::unique("export pdf")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(t!("export-pdf-title"));
            let c = &mut self.choice;
            ui.radio_value(&mut c.kind, PdfKind::Press, t!("export-pdf-press"))
                .on_hover_text(t!("export-pdf-press-tip"));
            ui.radio_value(&mut c.kind, PdfKind::Proof, t!("export-pdf-proof"))
                .on_hover_text(t!("export-pdf-proof-tip"));
            ui.separator();
            ui.add_enabled_ui(c.kind == PdfKind::Press, |ui| {
                ui.checkbox(&mut c.pdfx, t!("export-pdf-pdfx"))
                    .on_hover_text(t!("export-pdf-pdfx-tip"));
                ui.checkbox(&mut c.overprint, t!("export-pdf-overprint"))
                    .on_hover_text(t!("export-pdf-overprint-tip"));
                ui.horizontal(|ui| {
                    let l = ui.label(t!("export-pdf-ink-limit"));
                    let range = PressSettings::INK_LIMIT_RANGE;
                    ui.add(
                        egui::DragValue::new(&mut c.ink_limit)
                            .range(*range.start()..=*range.end())
                            .speed(1.0)
                            .suffix(" %"),
                    )
                    .labelled_by(l.id)
                    .on_hover_text(t!("export-pdf-ink-limit-tip"));
                });
            });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(t!("export-pdf-choose-file")).clicked() {
                    intents.push(Intent::Choice(Choice::ExportPdf(self.choice.clone())));
                    open = false;
                }
                if ui.button(t!("cancel")).clicked() {
                    open = false;
                }
            });
        });
        if m.should_close() {
            open = false;
        }
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_choice_has_no_press_options_and_a_press_choice_follows_the_dialog() {
        let house = PressSettings::default();
        let mut choice = PdfChoice::of(&house);
        choice.ink_limit = 220.0;
        choice.pdfx = true;
        choice.overprint = false;
        let press = choice.options(vec![0], &house).press.unwrap();
        assert!((press.ink_limit - 2.2).abs() < 1e-6);
        assert!(press.pdfx);
        assert_eq!(press.overprint, None);
        choice.kind = PdfKind::Proof;
        assert_eq!(choice.options(vec![0], &house).press, None);
    }
}
