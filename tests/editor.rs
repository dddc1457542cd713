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
    let below = h.get_by_label("Frame p2-lead-body").rect().left_bottom() + egui::vec2(5.0, 60.0);
    drag(&mut h, below, egui::vec2(220.0, 160.0));
    let app = h.state();
    let page = &app.edition().pages[1];
    assert_eq!(page.frames.len(), 2, "a frame was drawn");
    let drawn = &page.frames[1];
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
    assert_eq!(h.state().edition().pages[1].frames.len(), 1);
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
    h.get_by_label("Frame p1-heating-body").click();
    h.run_steps(2);
    // The fire-safety frame leaves its own story and continues the heating story.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(1);
    h.get_by_label("Frame p1-fire-body").click();
    h.run_steps(2);
    let e = h.state().edition();
    let heating = e.story(&"heating".into()).unwrap();
    assert_eq!(
        heating.thread,
        vec![
            FrameId::new("p1-heating-body"),
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
    let heating = h
        .state()
        .edition()
        .story(&"heating".into())
        .unwrap()
        .thread
        .clone();
    assert_eq!(heating, vec![FrameId::new("p1-heating-body")]);
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

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(4);
    choose_folder(&mut h, out.path());
    h.get_by_label("Export").click();
    h.run_steps(2);
    let pdf = out.path().join("hexi-news.pdf");
    run_until(&mut h, |app| app.message().starts_with("Exported"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

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
    let from = h.get_by_label("Frame p2-lead-body").rect().left_bottom() + egui::vec2(5.0, 60.0);
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
    assert_eq!(page.frames.len(), 2);
    let drawn = page.frames[1].rect;
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
        h.run();
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

/// Chinese typed through an input method: preedit events show the composition, the commit
/// lands in the story, and the field's edit is one undo step.
#[test]
fn chinese_typed_through_an_input_method_lands_in_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-civility-head").click();
    h.run_steps(2);
    let field = || Role::TextInput;
    h.get_by_role_and_label(field(), "Headline (主题)").focus();
    h.run_steps(1);
    h.key_press(egui::Key::End);
    h.run_steps(1);
    for preedit in ["h", "he", "he'x", "he'xi"] {
        h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: preedit.into(),
            active_range_chars: None,
        }));
        h.run_steps(1);
    }
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("河西".into())));
    h.run_steps(2);
    let headline = &h
        .state()
        .edition()
        .story(&"civility".into())
        .unwrap()
        .headline;
    let before = broadsheet::sample::edition()
        .story(&"civility".into())
        .unwrap()
        .headline
        .clone();
    assert_eq!(
        headline,
        &format!("{before}河西"),
        "the committed text, no preedit"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state()
            .edition()
            .story(&"civility".into())
            .unwrap()
            .headline,
        before
    );
}

/// The interface in Chinese: menus, panels and the palette, which finds commands by pinyin
/// initials.
#[test]
fn the_chinese_interface_finds_commands_by_pinyin_initials() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with(Options {
        language: Some(Language::Chinese),
        ..options(dir.path())
    });
    h.get_by_label("文件");
    h.get_by_label("框 p1-lead-body");
    h.get_by_label("第1版");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "搜索")
        .type_text("dcpdf");
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    // 导出 PDF: the export chooser opens, titled in Chinese.
    h.get_by_label("导出 PDF");
    h.get_by_role_and_label(Role::TextInput, "文件名");
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

/// A designer's first page, through the interface alone: a new 对开 edition, its paper name
/// and date, a wider gutter, the customer's articles, the lead placed with a 小初 headline at
/// 85% horizontal scale and a subhead, exported — and the PDF carries it all.
#[test]
fn a_page_set_from_a_new_edition_through_the_interface_exports_its_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());

    // File > New edition…, 对开 8栏.
    h.get_by_label("File").hover();
    h.run_steps(1);
    h.get_by_label("File").click();
    h.run_steps(3);
    h.get_by_label_contains("New edition…").hover();
    h.run_steps(1);
    h.get_by_label_contains("New edition…").click();
    h.run_steps(3);
    h.get_by_label("对开 8栏").click();
    h.run_steps(1);
    h.get_by_label("Create").click();
    h.run_steps(3);
    assert_eq!(h.state().edition().stories.len(), 0, "a blank edition");
    assert_eq!(h.state().document().display_name(), "Untitled");

    // Edition settings: paper name and date.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::E,
    );
    h.run_steps(3);
    retype(&mut h, Role::TextInput, "Paper name", "河西新闻");
    retype(&mut h, Role::TextInput, "Date", "2024-11-12");
    h.get_by_label_contains("Prints as: 2024年11月12日 星期二");
    h.get_by_label("OK").click();
    h.run_steps(3);
    assert_eq!(h.state().edition().paper, "河西新闻");
    assert_eq!(h.state().edition().date_text(), "2024年11月12日 星期二");

    // Page setup: the gutter from 10.5 pt to 5 mm.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::P,
    );
    h.run_steps(3);
    retype(&mut h, Role::SpinButton, "Gutter", "5");
    h.get_by_label("OK").click();
    h.run_steps(3);
    let template = h.state().edition().templates[0].clone();
    assert!(
        (template.gutter.pt().to_mm() - 5.0).abs() < 0.01,
        "{:?}",
        template.gutter
    );

    // The customer's articles, dropped on the window; the lead is selected.
    drop_file(&mut h, customers_articles());
    run_until(&mut h, |app| app.edition().stories.len() == 7);
    let lead = h.state().edition().stories[0].clone();
    assert!(lead.headline.starts_with("河西区组织上海"));

    // A text frame across most of the page, then a headline frame above it.
    let c = egui::pos2(625.0, 480.0);
    h.key_press(egui::Key::T);
    h.run_steps(1);
    drag(
        &mut h,
        c + egui::vec2(-260.0, -180.0),
        egui::vec2(480.0, 380.0),
    );
    assert_eq!(h.state().edition().story(&lead.id).unwrap().thread.len(), 1);
    h.key_press(egui::Key::H);
    h.run_steps(1);
    drag(
        &mut h,
        c + egui::vec2(-260.0, -300.0),
        egui::vec2(480.0, 100.0),
    );
    let headline_frame = h.state().selected().cloned().unwrap();
    assert!(matches!(
        h.state().edition().frame(&headline_frame).unwrap().1.kind,
        broadsheet::model::FrameKind::Headline { .. }
    ));

    // The headline: 小初, 85% wide.
    retype(&mut h, Role::TextInput, "Size", "小初");
    retype(&mut h, Role::SpinButton, "Horizontal scale", "85");
    let style = h
        .state()
        .edition()
        .part_style(&lead.id, broadsheet::model::Part::Headline)
        .unwrap()
        .clone();
    assert_eq!(style.size.pt().0, 36.0);
    assert!((style.scale - 0.85).abs() < 1e-4, "{}", style.scale);

    // A subhead: a new first paragraph, set in the subhead style.
    let body_frame = h.state().edition().story(&lead.id).unwrap().thread[0].clone();
    h.get_by_label(&format!("Frame {body_frame}")).click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::CTRL, egui::Key::Home);
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .type_text("一、招商成果丰硕");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(2);
    h.get_by_label("Style of paragraph 1").scroll_to_me();
    h.run_steps(2);
    h.get_by_label("Style of paragraph 1").hover();
    h.run_steps(1);
    h.get_by_label("Style of paragraph 1").click();
    h.run_steps(2);
    h.get_by_label("subhead").click_accesskit();
    h.run_steps(3);
    let story = h.state().edition().story(&lead.id).unwrap().clone();
    assert_eq!(story.paragraphs[0].text, "一、招商成果丰硕");
    assert_eq!(
        story.paragraphs[0].style.as_ref().map(|s| s.as_str()),
        Some("subhead")
    );

    // Export through the built-in chooser; the file is named after the paper.
    let out = tempfile::tempdir().unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(4);
    choose_folder(&mut h, out.path());
    h.get_by_label("Export").click();
    h.run_steps(2);
    run_until(&mut h, |app| app.message().starts_with("Exported"));
    let pdf = out.path().join("河西新闻.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // The PDF: the folio prints the paper and the date with its weekday; the headline's
    // characters are 36 pt × 85% = 30.6 pt wide; the subhead is there as its own line.
    // The folio sets ¼ em between digits and Han characters, which pdftotext reads as spaces.
    let text: String = pdftotext(&pdf, &["-raw"])
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    assert!(text.contains("河西新闻"), "{text}");
    assert!(text.contains("2024年11月12日星期二"), "{text}");
    assert!(text.contains("一、招商成果丰硕"), "{text}");
    let bbox = pdftotext(&pdf, &["-bbox"]);
    let first: String = lead.headline.chars().take(4).collect();
    let word = bbox
        .lines()
        .find(|l| l.contains(&first))
        .unwrap_or_else(|| panic!("the headline is in the PDF: {bbox}"));
    let attr = |name: &str| -> f32 {
        let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        word[at..].split('"').next().unwrap().parse().unwrap()
    };
    let glyphs = word
        .split('>')
        .nth(1)
        .and_then(|w| w.split('<').next())
        .unwrap()
        .chars()
        .count() as f32;
    let per_char = (attr("xMax") - attr("xMin")) / glyphs;
    assert!(
        (per_char - 30.6).abs() < 0.8,
        "{per_char} pt per character: {word}"
    );
    let _ = headline_frame;
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

/// The styles panel: a style in use cannot be deleted (the users are named), a duplicate can
/// be renamed and deleted, a bad size is refused with the reason and never reaches the edition.
#[test]
fn styles_are_made_renamed_and_refused_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Styles").click();
    h.run_steps(2);
    h.get_by_label_contains("body  ·").click();
    h.run_steps(2);
    h.get_by_label("Delete").click();
    h.run_steps(2);
    h.get_by_label_contains("Style body is still used by: the edition's body style");
    assert!(
        h.state()
            .edition()
            .styles
            .paragraph(&"body".into())
            .is_some()
    );

    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    assert!(
        h.state()
            .edition()
            .styles
            .paragraph(&"body-2".into())
            .is_some()
    );
    h.get_by_label("Rename").click();
    h.run_steps(2);
    retype(&mut h, Role::TextInput, "New name", "正文二");
    h.run_steps(2);
    let renamed = h
        .state()
        .edition()
        .styles
        .paragraph(&"正文二".into())
        .cloned()
        .expect("renamed");

    // A negative size is refused in the field, with the reason; nothing changes.
    retype(&mut h, Role::TextInput, "Size", "-3");
    h.get_by_label_contains("is not a size");
    assert_eq!(
        h.state().edition().styles.paragraph(&"正文二".into()),
        Some(&renamed)
    );
    retype(&mut h, Role::TextInput, "Size", "小初");
    let size = &h
        .state()
        .edition()
        .styles
        .paragraph(&"正文二".into())
        .unwrap()
        .size;
    assert_eq!(size.pt().0, 36.0);

    // Unused, it can go; one undo brings it back.
    h.get_by_label("Delete").click();
    h.run_steps(3);
    assert!(
        h.state()
            .edition()
            .styles
            .paragraph(&"正文二".into())
            .is_none()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(
        h.state()
            .edition()
            .styles
            .paragraph(&"正文二".into())
            .is_some()
    );
}

/// Page setup refuses a grid that cannot be, saying why, and leaves the template as it was.
#[test]
fn page_setup_refuses_zero_columns_and_a_gutter_wider_than_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let before = h.state().edition().templates.clone();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::P,
    );
    h.run_steps(3);
    retype(&mut h, Role::SpinButton, "Columns", "0");
    h.get_by_label("OK").click();
    h.run_steps(2);
    h.get_by_label_contains("columns must be 1 to 24");
    retype(&mut h, Role::SpinButton, "Columns", "8");
    h.get_by_label("Column width").click();
    h.run_steps(2);
    retype(&mut h, Role::SpinButton, "Gutter", "500");
    h.get_by_label("OK").click();
    h.run_steps(2);
    h.get_by_label_contains("gutter wider than the page");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().edition().templates, before);
    assert!(!h.state().is_dirty());
}

/// The sample's lead headline has a style of its own: the headline type row changes it in
/// place, and Ctrl+Shift+> steps its size.
#[test]
fn a_headline_with_its_own_style_is_changed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Frame p1-lead-head").click();
    h.run_steps(2);
    retype(&mut h, Role::SpinButton, "Horizontal scale", "85");
    let lead = broadsheet::model::StoryId::new("lead");
    let style = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .part_style(&lead, broadsheet::model::Part::Headline)
            .unwrap()
            .clone()
    };
    assert!((style(&h).scale - 0.85).abs() < 1e-4, "{:?}", style(&h));
    let count = h.state().edition().styles.paragraph.len();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Period,
    );
    h.run_steps(2);
    assert_eq!(style(&h).size.pt().0, 42.0, "小初 → 初号");
    assert_eq!(
        h.state().edition().styles.paragraph.len(),
        count,
        "no copy made"
    );
}

/// In the window, layout runs on a worker thread: a body-style change on a long edition never
/// holds up a frame, and the new layout arrives by itself.
#[test]
fn a_style_change_is_laid_out_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with(Options {
        background_layout: true,
        ..options(dir.path())
    });
    h.get_by_label("Styles").click();
    h.run_steps(2);
    h.get_by_label_contains("body  ·").click();
    h.run_steps(2);
    let before = h.state().layout().unwrap().pages[0].clone();
    retype(&mut h, Role::SpinButton, "Horizontal scale", "90");
    let body = h
        .state()
        .edition()
        .styles
        .paragraph(&"body".into())
        .unwrap()
        .scale;
    assert!(
        (body - 0.9).abs() < 1e-4,
        "the edit is made at once: {body}"
    );
    run_until(&mut h, |app| {
        !app.document().layout_pending() && app.layout().unwrap().pages[0] != before
    });
}

/// Layout tools on a fresh page: three frames drawn, marquee-selected, their tops aligned,
/// copied and pasted in place on the next page, and the paste undone.
#[test]
fn marquee_select_align_and_paste_in_place_on_another_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Add page").click();
    h.run_steps(3);
    assert_eq!(h.state().page(), 1);
    let sheet = h.get_by_label("Sheet of page 2").rect();
    let at = |fx: f32, fy: f32| sheet.min + egui::vec2(sheet.width() * fx, sheet.height() * fy);
    for (fx, fy) in [(0.15, 0.30), (0.45, 0.36), (0.75, 0.42)] {
        h.key_press(egui::Key::T);
        h.run_steps(1);
        drag(&mut h, at(fx, fy), egui::vec2(60.0, 70.0));
    }
    let page = h.state().edition().pages[1].clone();
    assert_eq!(page.frames.len(), 3, "three frames drawn");
    h.key_press(egui::Key::Escape);
    h.run_steps(1);

    // A marquee from the margin over all three.
    drag(&mut h, at(0.05, 0.25), at(0.95, 0.6) - at(0.05, 0.25));
    assert_eq!(
        h.state().selection().len(),
        3,
        "the marquee selects the three frames"
    );

    // Align their tops (Alt+Shift+T): one undo step.
    h.key_press_modifiers(egui::Modifiers::ALT | egui::Modifiers::SHIFT, egui::Key::T);
    h.run_steps(2);
    let tops: Vec<f32> = h.state().edition().pages[1]
        .frames
        .iter()
        .map(|f| f.rect.y.0)
        .collect();
    assert!(tops.iter().all(|y| (y - tops[0]).abs() < 0.01), "{tops:?}");

    // Copy, next page, paste in place.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    h.run_steps(2);
    h.key_press(egui::Key::PageDown);
    h.run_steps(2);
    assert_eq!(h.state().page(), 2);
    let before = h.state().edition().pages[2].frames.len();
    let in_place = egui::Modifiers::COMMAND | egui::Modifiers::ALT | egui::Modifiers::SHIFT;
    h.key_press_modifiers(in_place, egui::Key::V);
    h.run_steps(2);
    let pasted: Vec<broadsheet::model::Frame> =
        h.state().edition().pages[2].frames[before..].to_vec();
    assert_eq!(pasted.len(), 3);
    let source = &h.state().edition().pages[1].frames;
    for (p, s) in pasted.iter().zip(source) {
        assert_eq!(p.rect, s.rect, "pasted in place");
        assert!(
            h.state().edition().story_of_frame(&p.id).is_none(),
            "pasted text frames are empty"
        );
    }
    assert_eq!(
        h.state().selection().len(),
        3,
        "the pasted frames are selected"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().edition().pages[2].frames.len(),
        before,
        "one undo removes the paste"
    );
}

/// Shift-click adds to the selection, arrow keys nudge it (Shift by a grid step), a locked
/// frame stays put, Tab walks the frames and Esc lets go.
#[test]
fn nudging_locking_and_walking_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let (a, b) = ("p1-fire-head", "p1-parks-head");
    h.get_by_label(&format!("Frame {a}")).click();
    h.run_steps(2);
    h.get_by_label(&format!("Frame {b}"))
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run_steps(2);
    assert_eq!(h.state().selection().len(), 2);
    let (ra, rb) = (frame_rect(h.state(), a), frame_rect(h.state(), b));
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(1);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(frame_rect(h.state(), a).x.0, ra.x.0 + 2.0);
    assert_eq!(frame_rect(h.state(), b).x.0, rb.x.0 + 2.0);
    // Two nudges are one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(frame_rect(h.state(), a), ra);

    // Lock both (Ctrl+Alt+L): a Shift+Down nudge moves neither.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::L,
    );
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(frame_rect(h.state(), a), ra, "a locked frame stays");

    // Esc lets go; Tab walks the page's frames in order.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().selection().is_empty());
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    let first = h.state().edition().pages[0].frames[0].id.clone();
    assert_eq!(h.state().selected(), Some(&first));
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    let second = h.state().edition().pages[0].frames[1].id.clone();
    assert_eq!(h.state().selected(), Some(&second));
}

/// The rule and box tools: a rule drawn with R becomes a 文武线 from its style list, a box drawn
/// with B comes with a 10% tint, and both draw into the page.
#[test]
fn a_thick_thin_rule_and_a_tinted_box_from_the_tools() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Add page").click();
    h.run_steps(3);
    let sheet = h.get_by_label("Sheet of page 2").rect();
    let at = |fx: f32, fy: f32| sheet.min + egui::vec2(sheet.width() * fx, sheet.height() * fy);
    h.key_press(egui::Key::R);
    h.run_steps(1);
    drag(&mut h, at(0.1, 0.3), egui::vec2(300.0, 14.0));
    let rule = h.state().selected().cloned().expect("the rule is selected");
    h.get_by_label("Style").click_accesskit();
    h.run_steps(2);
    h.get_by_label("Thick–thin (文武线)").click_accesskit();
    h.run_steps(3);
    let kind = h.state().edition().frame(&rule).unwrap().1.kind.clone();
    assert!(
        matches!(
            kind,
            broadsheet::model::FrameKind::Rule {
                style: broadsheet::model::RuleStyle::ThickThin,
                ..
            }
        ),
        "{kind:?}"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    h.key_press(egui::Key::B);
    h.run_steps(1);
    drag(&mut h, at(0.2, 0.5), egui::vec2(200.0, 150.0));
    let boxed = h.state().selected().cloned().expect("the box is selected");
    let kind = h.state().edition().frame(&boxed).unwrap().1.kind.clone();
    assert!(
        matches!(
            kind,
            broadsheet::model::FrameKind::Box {
                fill: Some(broadsheet::model::Color::Cmyk(0, 0, 0, 10)),
                ..
            }
        ),
        "{kind:?}"
    );
    // Both are in the page's display list: the 文武线 as two lines, the box as a tinted rect.
    let page = &h.state().layout().unwrap().pages[1];
    let rules = page
        .items
        .iter()
        .filter(|i| matches!(i, broadsheet::layout::Item::Rule(_)))
        .count();
    assert!(rules >= 2, "{rules} rule items");
    assert!(
        page.items
            .iter()
            .any(|i| matches!(i, broadsheet::layout::Item::Rect(r) if r.fill.is_some()))
    );
}

/// The content grabber: Alt+wheel scales the photo in its frame, Ctrl-drag moves it, a
/// double-click shows the whole photo again.
#[test]
fn a_photo_is_cropped_by_dragging_it_inside_its_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let id = "p1-taihuli-photo";
    let crop = |h: &Harness<'_, BroadsheetApp>| match &h
        .state()
        .edition()
        .frame(&FrameId::new(id))
        .unwrap()
        .1
        .kind
    {
        broadsheet::model::FrameKind::Photo { crop, .. } => *crop,
        _ => unreachable!("a photo frame"),
    };
    let center = h.get_by_label(&format!("Frame {id}")).rect().center();
    h.hover_at(center);
    h.run_steps(1);
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::ALT));
    for _ in 0..4 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::ALT,
        });
        h.run_steps(2);
    }
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.run();
    let zoomed = crop(&h);
    assert_ne!(
        zoomed,
        broadsheet::model::Crop::default(),
        "Alt+wheel scales the image"
    );

    h.event(egui::Event::ModifiersChanged(egui::Modifiers::COMMAND));
    drag(&mut h, center, egui::vec2(40.0, 0.0));
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.run_steps(2);
    let moved = crop(&h);
    assert!(
        moved.left < zoomed.left,
        "dragging right shows more of the left: {zoomed:?} → {moved:?}"
    );
    let rect = frame_rect(h.state(), id);
    assert_eq!(
        rect,
        broadsheet::sample::edition()
            .frame(&FrameId::new(id))
            .unwrap()
            .1
            .rect,
        "the frame stays"
    );

    h.get_by_label(&format!("Frame {id}")).click();
    h.run_steps(2);
    h.get_by_label("Show the whole photo").click();
    h.run_steps(2);
    assert_eq!(
        crop(&h),
        broadsheet::model::Crop::default(),
        "the whole photo again"
    );
}

/// Text wrap: a photo moved over a column of a story pushes that story's text out, and its
/// copyfit says so.
#[test]
fn wrapping_a_story_around_a_photo_changes_its_copyfit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let over = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .layout()
            .unwrap()
            .fits
            .iter()
            .find(|f| f.story.as_str() == "heating")
            .unwrap()
            .lines_over
    };
    h.get_by_label("Frame p1-taihuli-photo").click();
    h.run_steps(2);
    // One grid step right: the photo now covers the first column of the heating story.
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    h.run_steps(2);
    let before = over(&h);
    h.get_by_label("Text wraps around it (图文互斥)").click();
    h.run_steps(3);
    let after = over(&h);
    assert!(
        after > before,
        "the wrap pushes text out: {before} → {after} lines over"
    );
}
