//! Layout tools: selection, clipboard, arranging, rules and boxes, photos in their frames and
//! text wrap.

use super::*;

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
    // The larger photo is rendered again on the worker: a few frames, not one.
    h.run_steps(8);
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
    let over = |h: &Harness<'_, BroadsheetApp>| lines_over(h, "pocket-parks");
    h.get_by_label("Frame p1-taihuli-photo").click();
    h.run_steps(2);
    // One grid step right: the photo now covers the first column of the pocket-park story in the rail.
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

/// 图片新闻: ticking "Caption beside the photo" sets the caption in a column at the image's
/// right (the image narrows, its caption starts level with its top); one undo puts it back.
#[test]
fn the_caption_goes_beside_the_photo_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let id = FrameId::new("p1-taihuli-photo");
    let clip = |h: &Harness<'_, BroadsheetApp>| {
        h.state().layout().unwrap().pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                broadsheet::layout::Item::Image(img) if img.frame == id => Some(img.clip),
                _ => None,
            })
            .unwrap()
    };
    let before = h.state().edition().clone();
    let wide = clip(&h);
    h.get_by_label("Frame p1-taihuli-photo").click();
    h.run_steps(3);
    h.get_by_label("Caption beside the photo").click_accesskit();
    h.run_steps(4);
    match &h.state().edition().frame(&id).unwrap().1.kind {
        broadsheet::model::FrameKind::Photo { caption_beside, .. } => {
            assert!(caption_beside.is_some())
        }
        _ => unreachable!(),
    }
    let narrow = clip(&h);
    assert!(narrow.w.0 < wide.w.0 * 0.8, "{wide:?} → {narrow:?}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &before);
}

/// 竖排: ticking "Vertical" on a headline frame sets its headline in columns (the layout's runs
/// go down the page), and one undo sets it across again.
#[test]
fn a_headline_frame_turns_vertical_and_back_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let id = FrameId::new("p1-lead-head");
    let directions = |h: &Harness<'_, BroadsheetApp>| -> Vec<broadsheet::layout::RunDirection> {
        h.state().layout().unwrap().pages[0]
            .runs()
            .filter(|r| r.frame == id && r.role == broadsheet::layout::TextRole::Headline)
            .map(|r| r.direction)
            .collect()
    };
    let before = h.state().edition().clone();
    assert!(directions(&h).iter().all(|d| d.is_horizontal()));
    h.get_by_label("Frame p1-lead-head").click();
    h.run_steps(3);
    h.get_by_label("Vertical (竖排)").click_accesskit();
    h.run_steps(4);
    assert!(h.state().edition().frame(&id).unwrap().1.vertical);
    let vertical = directions(&h);
    assert!(
        !vertical.is_empty() && vertical.iter().all(|d| !d.is_horizontal()),
        "{vertical:?}"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().edition(), &before);
    assert!(directions(&h).iter().all(|d| d.is_horizontal()));
}
