//! The paper's fonts through the interface: a system font picked from the styles panel's
//! family list, and a missing family replaced everywhere from the Fonts dialog.

use super::*;

/// What the styles panel's family list offers, searched by typing, as the editor shows it.
fn pick_family(h: &mut Harness<'_, BroadsheetApp>, list: &str, search: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, list).click();
    h.run_steps(2);
    pick_in_open_list(h, search, entry);
}

fn pick_in_open_list(h: &mut Harness<'_, BroadsheetApp>, search: &str, entry: &str) {
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(search);
    h.run_steps(2);
    h.get_by_label(entry).click();
    h.run_steps(3);
}

/// Needs Debian's `fonts-arphic-ukai`, which `.ci/run` installs.
#[test]
fn a_system_font_is_picked_for_the_headline_style_from_the_family_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Styles").click();
    h.run_steps(2);
    h.get_by_label_contains("headline  ·").click();
    h.run_steps(2);
    let headline = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .styles
            .paragraph(&"headline".into())
            .unwrap()
            .clone()
    };
    let before = headline(&h);
    pick_family(&mut h, "Font", "ukai", "AR PL UKai CN  ·  system");
    let after = headline(&h);
    assert_eq!(
        after.font.family, "AR PL UKai CN",
        "is fonts-arphic-ukai installed? .ci/run installs it"
    );
    // The headlines that use the style are now set in that face, from the system's file.
    let layout = h.state().layout().expect("laid out");
    let book = h.state().fonts();
    let face = layout
        .pages
        .iter()
        .flat_map(|p| p.runs())
        .filter(|r| r.role == broadsheet::layout::TextRole::Headline)
        .map(|r| book.face(r.font))
        .find(|f| f.family == "AR PL UKai CN")
        .expect("a headline in AR PL UKai CN");
    assert_eq!(face.place, broadsheet::text::Place::System);
    assert!(face.file.ends_with("ukai.ttc"), "{}", face.file);
    // One undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state().edition().styles.paragraph(&"headline".into()),
        Some(&before)
    );
}

#[test]
fn the_fonts_dialog_replaces_a_missing_family_in_every_style_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut edition = broadsheet::sample::edition();
    for s in &mut edition.styles.paragraph {
        if ["headline", "deck"].contains(&s.id.as_str()) {
            s.font.family = "方正小标宋_GBK".into();
        }
    }
    let mut h = harness_on(edition, options(dir.path()));
    // The preflight says so, with the pages.
    assert!(
        h.state()
            .layout()
            .unwrap()
            .diagnostics
            .iter()
            .any(|d| d.code == "missing-font" && d.message.contains("方正小标宋_GBK"))
    );
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::F,
    );
    h.run_steps(3);
    h.get_by_label("Fonts");
    h.get_by_label_contains("missing: set in Noto Serif SC");
    // The missing family's row (a Bold and a Regular one: either replaces the family in
    // every style): choose the bundled Noto Serif SC and replace.
    h.get_all_by_role_and_label(Role::ComboBox, "Replace 方正小标宋_GBK with")
        .next()
        .expect("a row for the missing family")
        .click();
    h.run_steps(2);
    pick_in_open_list(&mut h, "noto serif", "Noto Serif SC  ·  bundled");
    h.get_all_by_label("Replace")
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            !n.accesskit_node().is_disabled()
        })
        .expect("an enabled Replace")
        .click();
    h.run_steps(3);
    let families: Vec<String> = h
        .state()
        .edition()
        .styles
        .paragraph
        .iter()
        .map(|s| s.font.family.clone())
        .collect();
    assert!(
        !families.iter().any(|f| f == "方正小标宋_GBK"),
        "{families:?}"
    );
    assert!(
        !h.state()
            .layout()
            .unwrap()
            .diagnostics
            .iter()
            .any(|d| d.code == "missing-font")
    );
    h.get_by_label("Close").click_accesskit();
    h.run_steps(2);
    eprintln!(
        "DBG undo label: {:?}",
        h.state()
            .edition()
            .styles
            .paragraph
            .iter()
            .map(|s| s.font.family.clone())
            .collect::<Vec<_>>()
    );
    // Both styles come back with one undo.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    let back = h
        .state()
        .edition()
        .styles
        .paragraph
        .iter()
        .filter(|s| s.font.family == "方正小标宋_GBK")
        .count();
    assert_eq!(back, 2);
}

/// A style's fallback fonts: one added from the family list, then taken out; each an undo step.
/// Needs Debian's `fonts-noto-cjk`, which `.ci/run` installs.
#[test]
fn a_fallback_font_is_added_to_a_style_and_taken_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Styles").click();
    h.run_steps(2);
    h.get_by_label_contains("body  ·").click();
    h.run_steps(2);
    let fallback = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .styles
            .paragraph(&"body".into())
            .unwrap()
            .font
            .fallback
            .clone()
    };
    assert!(fallback(&h).is_empty());
    pick_family(
        &mut h,
        "Add a fallback font",
        "serif cjk sc",
        "Noto Serif CJK SC  ·  system",
    );
    assert_eq!(
        fallback(&h),
        vec!["Noto Serif CJK SC".to_owned()],
        "is fonts-noto-cjk installed? .ci/run installs it"
    );
    h.get_by_label("Noto Serif CJK SC  ×").click();
    h.run_steps(3);
    assert!(fallback(&h).is_empty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(fallback(&h), vec!["Noto Serif CJK SC".to_owned()]);
}
