//! Chinese text everywhere in the UI: egui gets the bundled CJK faces, never system fonts.

use std::sync::Arc;

/// Installs the bundled Noto Sans SC as egui's fallback for proportional and monospace text.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        (
            "Noto Sans SC",
            crate::bundle::font_bytes("NotoSansSC-Regular.otf"),
        ),
        (
            "Noto Serif SC",
            crate::bundle::font_bytes("NotoSerifSC-Regular.otf"),
        ),
    ] {
        let Some(bytes) = bytes else { continue };
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    if fonts.font_data.contains_key("Noto Sans SC") {
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push("Noto Sans SC".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
