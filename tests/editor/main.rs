//! The editor driven headless through egui_kittest and its AccessKit tree: no window, no GPU.

#![cfg(feature = "gui")]

use broadsheet::app::i18n::Language;
use broadsheet::app::{BroadsheetApp, Options};
use broadsheet::model::FrameId;
use broadsheet::resources::Origin;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn options(state_dir: &std::path::Path) -> Options {
    Options {
        state_dir: state_dir.to_path_buf(),
        offer_recovery: false,
        screenshot: None,
        native_dialogs: false,
        language: Some(Language::English),
        background_layout: false,
    }
}

/// The editor on the sample edition, headless.
fn harness_with(options: Options) -> Harness<'static, BroadsheetApp> {
    harness_on(broadsheet::sample::edition(), options)
}

/// The editor on `edition` (not saved anywhere), headless.
fn harness_on(
    edition: broadsheet::model::Edition,
    options: Options,
) -> Harness<'static, BroadsheetApp> {
    let app = BroadsheetApp::new(edition, Origin::Bundled, None, options);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .with_context_setup(broadsheet::app::setup_context)
        .build_ui_state(|ui, app: &mut BroadsheetApp| app.ui_main(ui), app);
    h.run_steps(3);
    h
}

/// An empty place on page 2 of the sample, under its stories: where a new frame is drawn.
fn free_spot_on_page_2(h: &Harness<'_, BroadsheetApp>) -> egui::Pos2 {
    let lead = h.get_by_label("Frame p2-lead-body").rect();
    let heating = h.get_by_label("Frame p2-heating-body").rect();
    egui::pos2(lead.left(), heating.bottom()) + egui::vec2(5.0, 30.0)
}

fn harness(state_dir: &std::path::Path) -> Harness<'static, BroadsheetApp> {
    harness_with(options(state_dir))
}

/// In the built-in file chooser, goes to `folder`.
fn choose_folder(h: &mut Harness<'_, BroadsheetApp>, folder: &std::path::Path) {
    h.get_by_role_and_label(Role::TextInput, "Folder").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&folder.display().to_string());
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
}

fn frame_rect(app: &BroadsheetApp, id: &str) -> broadsheet::model::Rect {
    app.edition()
        .frame(&FrameId::new(id))
        .expect("frame exists")
        .1
        .rect
}

/// A story's copyfit as the current layout has it: lines over (positive) or empty.
fn lines_over(h: &Harness<'_, BroadsheetApp>, story: &str) -> i32 {
    h.state()
        .layout()
        .unwrap()
        .fits
        .iter()
        .find(|f| f.story.as_str() == story)
        .unwrap()
        .lines_over
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

/// Runs frames until `done` holds, for work that finishes on another thread.
fn run_until(h: &mut Harness<'_, BroadsheetApp>, done: impl Fn(&BroadsheetApp) -> bool) {
    for _ in 0..500 {
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    panic!("timed out; status: {}", h.state().message());
}

/// Types `text` into the field labelled `label`, replacing what it held, and confirms it.
fn retype(h: &mut Harness<'_, BroadsheetApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}

/// The customer's article file, as their newsroom writes it.
fn customers_articles() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/hexi-news-page.txt")
}

/// Drops files on the window, as a file manager would.
fn drop_file(h: &mut Harness<'_, BroadsheetApp>, file: std::path::PathBuf) {
    #[derive(Debug)]
    struct Dropped(std::path::PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    h.run_steps(1);
}

/// Runs a poppler tool on `pdf` (installed by `.ci/run`).
fn pdftotext(pdf: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[path = "../common/mod.rs"]
mod common;
mod fonts;
mod layout_tools;
mod newsroom;
mod typesetting;

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

#[test]
fn drawing_a_text_frame_places_the_selected_unplaced_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // Import the customer's articles by dropping the file on the window.
    drop_file(&mut h, customers_articles());
    run_until(&mut h, |app| app.edition().stories.len() == 14);
    let imported = h.state().edition().stories[7].id.clone();
    assert!(h.state().edition().stories[7].thread.is_empty());

    h.get_by_label("Page 2").click();
    h.run_steps(2);
    h.key_press(egui::Key::T);
    h.run_steps(1);
    let below = free_spot_on_page_2(&h);
    let before = h.state().edition().pages[1].frames.len();
    drag(&mut h, below, egui::vec2(220.0, 160.0));
    let app = h.state();
    let page = &app.edition().pages[1];
    assert_eq!(page.frames.len(), before + 1, "a frame was drawn");
    let drawn = page.frames.last().unwrap();
    assert!(matches!(
        drawn.kind,
        broadsheet::model::FrameKind::Text { .. }
    ));
    assert_eq!(app.selected(), Some(&drawn.id));
    assert_eq!(
        app.edition().story(&imported).unwrap().thread,
        vec![drawn.id.clone()]
    );
    // One undo removes the frame and unplaces the story again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().edition().pages[1].frames.len(), before);
    assert!(
        h.state()
            .edition()
            .story(&imported)
            .unwrap()
            .thread
            .is_empty()
    );
}

#[test]
fn linking_continues_a_story_in_the_clicked_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-civility-body").click();
    h.run_steps(2);
    // The fire-safety frame leaves its own story and continues the civility story.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(1);
    h.get_by_label("Frame p1-fire-body").click();
    h.run_steps(2);
    let e = h.state().edition();
    let civility = e.story(&"civility".into()).unwrap();
    assert_eq!(
        civility.thread,
        vec![
            FrameId::new("p1-civility-body"),
            FrameId::new("p1-fire-body")
        ]
    );
    assert!(e.story(&"fire-safety".into()).unwrap().thread.is_empty());
    // Unlink takes it out again.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    h.run_steps(2);
    let civility = h
        .state()
        .edition()
        .story(&"civility".into())
        .unwrap()
        .thread
        .clone();
    assert_eq!(civility, vec![FrameId::new("p1-civility-body")]);
}

#[test]
fn a_new_edition_over_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Add page").click();
    h.run_steps(4);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run_steps(4);
    h.get_by_label("Create").click();
    h.run_steps(4);
    h.get_by_label("Cancel").click();
    h.run_steps(4);
    assert_eq!(h.state().edition().pages.len(), 3, "cancel keeps the work");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run_steps(4);
    h.get_by_label("Create").click();
    h.run_steps(4);
    h.get_by_label("Don't save").click();
    h.run_steps(4);
    assert_eq!(h.state().edition().pages.len(), 1);
    assert!(h.state().edition().stories.is_empty());
}

#[test]
fn work_left_by_a_crash_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    // A session edits and autosaves, then dies without saving.
    let mut edited = broadsheet::sample::edition();
    edited.pages[0].title = "抢救回来的版面".into();
    let options = Options {
        offer_recovery: true,
        ..options(dir.path())
    };
    broadsheet::app::write_recovery(&options, None, &edited).unwrap();
    let mut h = harness_with(options);
    h.get_by_label_contains("did not close cleanly");
    h.get_by_label("Recover").click();
    h.run_steps(2);
    assert_eq!(h.state().edition().pages[0].title, "抢救回来的版面");
    assert!(
        h.state().is_dirty(),
        "recovered work is unsaved until saved"
    );
}

#[test]
fn clicking_a_preflight_finding_selects_its_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // Overlap two frames: preflight reports it.
    let center = h.get_by_label("Frame p1-civility-body").rect().center();
    drag(&mut h, center, egui::vec2(0.0, 80.0));
    h.key_press(egui::Key::Escape);
    h.get_by_label("Page 2").click();
    h.run_steps(2);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::F,
    );
    h.run_steps(2);
    let errors = h
        .state()
        .layout()
        .unwrap()
        .diagnostics
        .iter()
        .filter(|d| d.frame.is_some())
        .count();
    assert!(errors > 0);
    let n = h
        .get_all_by_label_contains("overlap")
        .next()
        .expect("an overlap finding");
    n.click();
    h.run_steps(4);
    assert_eq!(h.state().page(), 0, "its page is shown");
    assert!(h.state().selected().is_some());
}

/// With no native dialog (as under a bare X server), the editor's own chooser picks the file.
#[test]
fn exporting_a_pdf_and_saving_through_the_built_in_chooser() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let out = tempfile::tempdir().unwrap();

    // The export dialog first: a press PDF (the default), as PDF/X-4.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(4);
    h.get_by_label("Press PDF (for the printing plant)");
    h.get_by_label("PDF/X-4").click();
    h.run_steps(2);
    h.get_by_label("Choose file…").click();
    h.run_steps(4);
    choose_folder(&mut h, out.path());
    h.get_by_label("Export").click();
    h.run_steps(2);
    let pdf = out.path().join("hexi-news.pdf");
    run_until(&mut h, |app| app.message().starts_with("Exported"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // What the dialog chose is in the file: the PDF/X output intent, the photo in CMYK.
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(doc.catalog().unwrap().has(b"OutputIntents"));
    assert!(
        broadsheet::export::press::rgb_images(&bytes)
            .unwrap()
            .is_empty()
    );

    // Save As into the same folder: the file is written and the document is clean.
    h.get_by_label("Add page").click();
    h.run_steps(2);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run_steps(4);
    choose_folder(&mut h, out.path());
    h.get_by_label("Save").click();
    h.run_steps(2);
    run_until(&mut h, |app| !app.is_dirty());
    let saved = broadsheet::model::io::load(&out.path().join("hexi-news.ron")).unwrap();
    assert_eq!(saved.pages.len(), 3);
    // The bundled photo was written out beside it, so the saved edition is complete.
    assert!(out.path().join("hexi-news-photos/coffee.jpg").is_file());
}

/// Regression: a fast drag used to start where egui first saw movement, not where the button
/// went down, so a quick stroke drew a frame too small (or none at all).
#[test]
fn a_quick_draw_starts_where_the_button_went_down() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Page 2").click();
    h.run_steps(2);
    h.key_press(egui::Key::T);
    h.run_steps(1);
    let from = free_spot_on_page_2(&h);
    let before = h.state().edition().pages[1].frames.len();
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    // One jump far past the drag threshold, then release.
    h.hover_at(from + egui::vec2(200.0, 120.0));
    h.run_steps(1);
    h.drop_at(from + egui::vec2(200.0, 120.0));
    h.run_steps(2);
    let page = &h.state().edition().pages[1];
    assert_eq!(page.frames.len(), before + 1);
    let drawn = page.frames.last().unwrap().rect;
    // 120 screen px at the fit-page scale is far more than snapping can take away.
    assert!(drawn.h.0 > 150.0, "{drawn:?}");
}

#[test]
fn a_page_title_typed_in_the_pages_panel_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_role_and_label(Role::TextInput, "Page title")
        .focus();
    h.run_steps(1);
    h.key_press(egui::Key::End);
    h.get_by_role_and_label(Role::TextInput, "Page title")
        .type_text("·头版");
    h.run_steps(2);
    assert_eq!(h.state().edition().pages[0].title, "要闻·头版");
    // The thumbnail's caption follows.
    h.get_by_label_contains("要闻·头版");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().edition().pages[0].title, "要闻");
}

/// Regression: 8–15 wheel clicks used to put the page entirely off screen.
#[test]
fn panning_never_loses_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        h.run_steps(1);
    }
    let canvas = egui::Rect::from_min_max(egui::pos2(200.0, 40.0), egui::pos2(1050.0, 920.0));
    h.hover_at(canvas.center());
    for delta in [egui::vec2(0.0, -400.0), egui::vec2(-400.0, 0.0)] {
        for _ in 0..30 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            });
            h.run_steps(1);
        }
        // Settled after a few frames (the page render comes back from its worker).
        h.run_steps(8);
        let shown = h.get_by_label("Sheet of page 1").rect().intersect(canvas);
        assert!(
            shown.width() > 150.0 && shown.height() > 150.0,
            "panned by {delta:?} × 30, only {shown:?} of the page is on screen"
        );
    }
}

/// Regression: after leaving preview, the page shown and the selected frame's panel disagreed.
#[test]
fn leaving_preview_keeps_the_page_and_the_selection_in_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-lead-body").click();
    h.run_steps(2);
    assert!(h.state().selected().is_some());
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    let app = h.state();
    assert!(!app.preview());
    if let Some(f) = app.selected() {
        let (page, _) = app.edition().frame(f).unwrap();
        assert_eq!(page, app.page(), "the selected frame is on the page shown");
    }
    assert_ne!(app.page(), 0, "the page turned in preview stays shown");
}

/// Regression: selecting another frame resized the side panels and moved the page sideways.
#[test]
fn selecting_frames_does_not_move_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let before = h.get_by_label("Frame p1-lead-body").rect();
    for frame in [
        "Frame p1-taihuli-photo",
        "Frame p1-civility-body",
        "Frame p1-lead-body",
    ] {
        h.get_by_label(frame).click();
        h.run_steps(2);
        assert_eq!(
            h.get_by_label("Frame p1-lead-body").rect(),
            before,
            "after selecting {frame}"
        );
    }
}

/// Regression: `broadsheet broken.ron` opened no window; now the window opens with the error
/// and the file's backup on offer.
#[test]
fn a_file_that_fails_to_load_offers_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format: 1, paper: ").unwrap();
    let sample = broadsheet::model::io::to_string(&broadsheet::sample::edition());
    std::fs::write(dir.path().join("broken.ron.bak"), &sample).unwrap();
    let message = broadsheet::model::io::load(&path).unwrap_err().to_string();
    let app = BroadsheetApp::failed_to_open(path, message, options(dir.path()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 950.0))
        .with_context_setup(broadsheet::app::setup_context)
        .build_ui_state(|ui, app: &mut BroadsheetApp| app.ui_main(ui), app);
    h.run_steps(3);
    h.get_by_label_contains("broken.ron cannot be opened");
    h.get_by_label_contains("Open the backup").click();
    run_until(&mut h, |app| app.document().path.is_some());
    assert_eq!(h.state().edition(), &broadsheet::sample::edition());
    let opened = h.state().document().path.clone().unwrap();
    assert!(opened.ends_with("broken.ron.bak"), "{opened:?}");
}
