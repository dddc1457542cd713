//! Setting type through the interface: input methods, the Chinese interface, styles, headline
//! type, edition settings and page setup, and a first page from File > New to the PDF.

use super::*;

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
    // 导出 PDF: the export dialog opens in Chinese, press or proof, then the file chooser.
    h.get_by_label("印刷用PDF（发印厂）");
    h.get_by_label("校样PDF（屏幕看样）");
    h.get_by_label("黑色叠印");
    h.get_by_label("选择文件…").click();
    h.run_steps(4);
    h.get_by_label("导出 PDF");
    h.get_by_role_and_label(Role::TextInput, "文件名");
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
    h.get_by_label("Choose file…").click();
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
    h.get_by_label_contains("the gutters are too wide");
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

/// Copyfit from the story's properties: "Fit" ends the story on its last frame's last line in
/// one undo step, the status says what changed, and the text is untouched.
#[test]
fn the_fit_button_fits_a_story_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    // The sample is fitted: a later cut of its frame leaves the civility story 6 lines over.
    let mut e = broadsheet::sample::edition();
    for f in &mut e.pages[0].frames {
        if f.id.as_str() == "p1-civility-body" {
            f.rect.h.0 -= 45.0;
        }
    }
    let mut h = harness_on(e, options(dir.path()));
    let over = |h: &Harness<'_, BroadsheetApp>| lines_over(h, "civility");
    assert_ne!(over(&h), 0);
    let before = h.state().edition().clone();
    h.get_by_label("Frame p1-civility-body").click();
    h.run_steps(3);
    h.get_by_label("Fit").click();
    h.run_steps(3);
    assert_eq!(over(&h), 0);
    h.get_by_label_contains("Fitted 河西区持续深化文明城区建设: last frame");
    assert_eq!(
        h.state()
            .edition()
            .story(&"civility".into())
            .unwrap()
            .body_text(),
        before.story(&"civility".into()).unwrap().body_text()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &before);
}

/// The sample with the edge between its two wide stories two lines low: the civility story
/// has two rows to spare, the fire-safety story two rows too few.
fn edge_two_lines_low() -> broadsheet::model::Edition {
    let mut e = broadsheet::sample::edition();
    broadsheet::sample::move_wide_stories_edge(&mut e, 2);
    e
}

/// Arrange > Copyfit page (Ctrl+Alt+Shift+T) moves the edge back in one undo step, and the
/// status says every story fits.
#[test]
fn copyfit_page_fits_every_story_on_the_page_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let e = edge_two_lines_low();
    let mut h = harness_on(e.clone(), options(dir.path()));
    assert!(lines_over(&h, "civility") < 0);
    assert!(lines_over(&h, "fire-safety") > 0);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT | egui::Modifiers::SHIFT,
        egui::Key::T,
    );
    // Fitting runs off the UI thread; the edit lands when it is done.
    run_until(&mut h, |app| app.message().contains("Fitted page"));
    h.run_steps(3);
    for story in [
        "lead",
        "civility",
        "fire-safety",
        "pocket-parks",
        "family-school",
    ] {
        assert_eq!(lines_over(&h, story), 0, "{story}");
    }
    h.get_by_label_contains("Fitted page 1: 5 stories end on their last line");
    // The rule between them went back with the edge.
    let rule = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .frame(&FrameId::new("p1-rule-h3"))
            .unwrap()
            .1
            .rect
    };
    let fitted = broadsheet::sample::edition();
    assert_eq!(
        rule(&h),
        fitted.frame(&FrameId::new("p1-rule-h3")).unwrap().1.rect
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &e);
}

/// Auto-fit on a story re-fits it by tracking whenever it is edited; ticking the box is an
/// edit, and one undo takes back both.
#[test]
fn auto_fit_refits_a_story_by_tracking_within_the_edits_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    // The fire-safety story's frame a row deeper than it needs: positive tracking fills it.
    let mut e = broadsheet::sample::edition();
    broadsheet::sample::move_wide_stories_edge(&mut e, -1);
    let mut h = harness_on(e.clone(), options(dir.path()));
    assert!(lines_over(&h, "fire-safety") < 0);
    h.get_by_label("Frame p1-fire-body").click();
    h.run_steps(3);
    h.get_by_label("Auto-fit").click_accesskit();
    h.run_steps(4);
    let story = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .story(&"fire-safety".into())
            .unwrap()
            .copyfit
    };
    assert!(story(&h).auto);
    assert!(story(&h).tracking_pct > 0.0, "{:?}", story(&h));
    assert_eq!(lines_over(&h, "fire-safety"), 0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &e);
}

/// Arrange > Propose page: the stories on the page are ticked, proposals are laid out on a
/// worker and shown as thumbnails with their scores; the one picked replaces the page in one
/// undo step, every story fitted.
#[test]
fn a_proposed_page_is_picked_in_the_dialog_and_undone_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let before = h.state().edition().clone();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    h.run_steps(3);
    h.get_by_label("Propose").click_accesskit();
    h.run_steps(1);
    // The proposals are laid out on a worker thread.
    for _ in 0..3000 {
        if h.query_all_by_label_contains("Proposal 3: score")
            .next()
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    h.get_by_label_contains("Proposal 3: score");
    h.query_all_by_label("Use this one")
        .next()
        .unwrap()
        .click_accesskit();
    h.run_steps(4);
    let e = h.state().edition().clone();
    assert_ne!(e.pages[0], before.pages[0], "page 1 was replaced");
    for story in [
        "lead",
        "civility",
        "fire-safety",
        "pocket-parks",
        "family-school",
    ] {
        assert_eq!(lines_over(&h, story), 0, "{story}");
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &before);
}

/// 数字: the body style's figures switch from the grid (对开数字) to the font's own in the
/// Styles panel, the story reflows, and one undo brings the grid back.
#[test]
fn the_body_styles_figures_are_chosen_in_the_styles_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let figures = |h: &Harness<'_, BroadsheetApp>| {
        h.state()
            .edition()
            .styles
            .paragraph(&"body".into())
            .unwrap()
            .figures
    };
    assert_eq!(figures(&h), broadsheet::model::Figures::Grid);
    h.get_by_label("Styles").click();
    h.run_steps(2);
    h.get_by_label_contains("body  ·").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::ComboBox, "Figures").click();
    h.run_steps(2);
    h.get_by_label("Proportional, spaced").click();
    h.run_steps(3);
    assert_eq!(figures(&h), broadsheet::model::Figures::Proportional);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(figures(&h), broadsheet::model::Figures::Grid);
}

#[test]
fn the_story_editor_shows_the_copyfit_live_as_the_text_grows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = super::harness(dir.path());
    h.get_by_label("Frame p1-fire-body").click();
    h.run_steps(2);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::Y,
    );
    h.run_steps(2);
    let before = super::lines_over(&h, "fire-safety");
    assert_eq!(before, 0, "the sample's story fits");
    // Typing a long paragraph at the end of the body: the count says how far over it runs.
    let body = "The story's text, one paragraph a line";
    let role = egui::accesskit::Role::MultilineTextInput;
    assert!(
        h.query_by_role_and_label(role, body).is_some(),
        "the story editor opens"
    );
    h.get_by_role_and_label(role, body).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    h.run_steps(1);
    h.get_by_role_and_label(role, body)
        .type_text(&"\n供热管网改造工程已全面完工，居民室温普遍达标。".repeat(6));
    h.run_steps(3);
    let after = super::lines_over(&h, "fire-safety");
    assert!(after > 0, "the story runs over: {after}");
    assert!(
        h.query_all_by_label(&format!("+{after} lines"))
            .next()
            .is_some(),
        "the window shows +{after} lines"
    );
}
