//! The editor driven headless through egui_kittest and its AccessKit tree: no window, no GPU.

#![cfg(feature = "gui")]

use broadsheet::app::{BroadsheetApp, Options};
use broadsheet::model::FrameId;
use broadsheet::resources::Origin;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(state_dir: &std::path::Path) -> Harness<'static, BroadsheetApp> {
    let options = Options {
        state_dir: state_dir.to_path_buf(),
        offer_recovery: false,
        screenshot: None,
    };
    let app = BroadsheetApp::new(
        broadsheet::sample::edition(),
        Origin::Bundled,
        None,
        options,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .with_context_setup(broadsheet::app::setup_context)
        .build_ui_state(|ui, app: &mut BroadsheetApp| app.ui_main(ui), app);
    h.run_steps(3);
    h
}

fn frame_rect(app: &BroadsheetApp, id: &str) -> broadsheet::model::Rect {
    app.edition()
        .frame(&FrameId::new(id))
        .expect("frame exists")
        .1
        .rect
}

/// Drags with the primary button from `from` by `by`, in small steps like a hand would.
fn drag(h: &mut Harness<'_, BroadsheetApp>, from: egui::Pos2, by: egui::Vec2) {
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for i in 1..=6 {
        h.hover_at(from + by * (i as f32 / 6.0));
        h.run_steps(1);
    }
    h.drop_at(from + by);
    h.run_steps(2);
}

#[test]
fn the_sample_opens_with_its_pages_and_frames() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path());
    h.get_by_label("Frame p1-lead-body");
    h.get_by_label("Page 1");
    h.get_by_label("Page 2");
    h.get_by_label_contains("河西区组织上海");
    assert!(!h.state().is_dirty());
}

#[test]
fn moving_a_frame_undoes_and_redoes_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let id = "p1-civility-body";
    let before = frame_rect(h.state(), id);
    let center = h.get_by_label(&format!("Frame {id}")).rect().center();
    drag(&mut h, center, egui::vec2(0.0, 60.0));
    assert_eq!(h.state().selected(), Some(&FrameId::new(id)));
    let moved = frame_rect(h.state(), id);
    assert!(moved.y.0 > before.y.0 + 20.0, "{before:?} → {moved:?}");
    assert_eq!(moved.x, before.x, "a vertical drag keeps the column");
    assert!(h.state().is_dirty());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        frame_rect(h.state(), id),
        before,
        "one undo undoes the whole drag"
    );
    assert!(!h.state().is_dirty());

    let redo = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    h.key_press_modifiers(redo, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(frame_rect(h.state(), id), moved);
    // Ctrl+Y redoes too.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(1);
    assert_eq!(frame_rect(h.state(), id), moved);
}

#[test]
fn preview_hides_frames_and_panels() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Preview").click();
    h.run_steps(2);
    assert!(h.state().preview());
    assert!(h.query_by_label("Frame p1-lead-body").is_none());
    assert!(h.query_by_label("Page 1").is_none());
    // Arrow keys turn pages.
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(1);
    assert_eq!(h.state().page(), 1);
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(!h.state().preview());
    h.get_by_label("Frame p2-lead-body");
}

/// The lead continues from page 1 to page 2; adding a page between them moves its
/// continuation to page 3, and moving the new page back restores page 2.
#[test]
fn adding_and_reordering_pages_updates_the_jump_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-lead-body").click();
    h.run_steps(2);
    h.get_by_label_contains("（下转第2版）");

    h.get_by_label("Add page").click();
    h.run_steps(2);
    assert_eq!(h.state().edition().pages.len(), 3);
    assert_eq!(h.state().page(), 1, "the new page follows the current one");
    h.get_by_label("Page 3");
    h.get_by_label("Page 1").click();
    h.run_steps(2);
    h.get_by_label("Frame p1-lead-body").click();
    h.run_steps(2);
    h.get_by_label_contains("（下转第3版）");

    // Move the new page after the continuation page.
    h.get_by_label("Page 2").click();
    h.run_steps(2);
    h.get_by_label("Move page later").click();
    h.run_steps(2);
    assert_eq!(h.state().edition().pages[1].id.as_str(), "p2");
    h.get_by_label("Page 1").click();
    h.run_steps(2);
    h.get_by_label("Frame p1-lead-body").click();
    h.run_steps(2);
    h.get_by_label_contains("（下转第2版）");
}

#[test]
fn typing_into_a_story_reflows_it_and_shows_the_overset() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-civility-body").click();
    h.run_steps(2);
    assert!(h.query_by_label("+1 lines").is_none());
    let body = h.get_by_role_and_label(Role::MultilineTextInput, "Body text");
    body.focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .type_text(&"文明城区建设需要每一位市民参与。".repeat(60));
    h.run_steps(3);
    let story = h
        .state()
        .edition()
        .story(&"civility".into())
        .unwrap()
        .body_text();
    assert!(story.contains("文明城区建设需要每一位市民参与。"));
    let fit = h
        .state()
        .layout()
        .unwrap()
        .fits
        .iter()
        .find(|f| f.story.as_str() == "civility")
        .unwrap()
        .clone();
    assert!(fit.lines_over > 0, "{fit:?}");
    h.get_all_by_label(&fit.badge())
        .next()
        .expect("the badge is shown");

    // The typing was one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().edition().story(&"civility".into()).unwrap(),
        broadsheet::sample::edition()
            .story(&"civility".into())
            .unwrap()
    );
}

#[test]
fn the_command_palette_runs_commands() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("preview");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.state().preview());
}
