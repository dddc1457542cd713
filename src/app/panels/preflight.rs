//! The preflight panel: the layout's findings, errors first.

use egui::Color32;

use crate::app::i18n::t;
use crate::app::{Intent, intent::Intents};
use crate::layout::EditionLayout;
use crate::model::{Edition, Severity};

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
                let text = format!(
                    "{icon} {place}{story}{}",
                    crate::app::diagnostics::message(d)
                );
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
