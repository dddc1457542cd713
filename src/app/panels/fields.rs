//! Input fields that refuse bad values with the reason shown, never clamping silently: a
//! designer who types −3 for a size learns why it did not take.

/// A number dragged or typed. No range: the caller checks the value and refuses it with a
/// reason. Returns the field and the new value when it changed this frame.
pub fn number_ui(
    ui: &mut egui::Ui,
    value: f32,
    speed: f64,
    suffix: &str,
    decimals: usize,
) -> (egui::Response, Option<f32>) {
    let mut v = value;
    let response = ui.add(
        egui::DragValue::new(&mut v)
            .speed(speed)
            .suffix(suffix)
            .max_decimals(decimals),
    );
    let changed = v != value || (response.changed() && v.is_nan());
    (response, changed.then_some(v))
}

/// A text field whose text stays as typed while it has the focus and is parsed when confirmed
/// (Enter, or leaving the field). Returns the field and, once confirmed, the parsed value or
/// why it could not be read. `shown` is the current value's text.
pub fn parsed_ui<T>(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    shown: &str,
    width: f32,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (egui::Response, Option<Result<T, String>>) {
    let id = ui.make_persistent_id(("parsed field", salt));
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.to_owned());
    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(width));
    let confirmed = response.lost_focus();
    let mut result = None;
    if confirmed {
        if text.trim() != shown {
            result = Some(parse(text.trim()));
        }
        ui.data_mut(|d| d.remove::<String>(id));
    } else if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    }
    (response, result)
}

/// The last refusal of an editor (a style, a template), shown under it until the next
/// accepted change.
pub struct Refusal(egui::Id);

impl Refusal {
    pub fn new(ui: &egui::Ui, salt: impl std::hash::Hash + std::fmt::Debug) -> Self {
        Self(ui.make_persistent_id(("refusal", salt)))
    }

    pub fn set(&self, ui: &egui::Ui, reason: String) {
        ui.data_mut(|d| d.insert_temp(self.0, reason));
    }

    pub fn clear(&self, ui: &egui::Ui) {
        ui.data_mut(|d| d.remove::<String>(self.0));
    }

    pub fn ui(&self, ui: &mut egui::Ui) {
        if let Some(reason) = ui.data(|d| d.get_temp::<String>(self.0)) {
            ui.colored_label(egui::Color32::from_rgb(220, 60, 50), format!("● {reason}"));
        }
    }
}

/// Justified, left, centred or right.
pub fn align_ui(ui: &mut egui::Ui, align: &mut crate::model::Align) -> egui::Response {
    use crate::model::Align;
    ui.horizontal(|ui| {
        for (a, id) in [
            (Align::Justify, "align-justify"),
            (Align::Left, "align-left"),
            (Align::Center, "align-center"),
            (Align::Right, "align-right"),
        ] {
            ui.selectable_value(align, a, crate::app::i18n::tr(id));
        }
    })
    .response
}

/// A type size typed as a Chinese size name or points, or picked from the 号 list. A size
/// that cannot be read is refused through `refusal`. Returns the typed field.
pub fn size_ui(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug + Clone,
    size: &mut crate::model::FontSize,
    refusal: &Refusal,
) -> egui::Response {
    use crate::model::{CHINESE_SIZES, FontSize};
    ui.horizontal(|ui| {
        let shown = match &*size {
            FontSize::Named(n) => n.clone(),
            FontSize::Pt(p) => format!("{p}"),
        };
        let (r, typed) = parsed_ui(
            ui,
            ("size", salt.clone()),
            &shown,
            60.0,
            super::styles::parse_size,
        );
        match typed {
            Some(Ok(s)) => *size = s,
            Some(Err(reason)) => refusal.set(ui, reason),
            None => {}
        }
        egui::ComboBox::from_id_salt(("size names", salt))
            .selected_text(super::styles::size_name(size))
            .width(104.0)
            .show_ui(ui, |ui| {
                for (name, pt) in CHINESE_SIZES {
                    let named = FontSize::Named((*name).to_owned());
                    ui.selectable_value(size, named, format!("{name} {pt}"));
                }
            });
        r
    })
    .inner
}
