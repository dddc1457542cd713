//! The window on a newsroom server (a real PostgreSQL server, see `tests/common/pg.rs`):
//! File ▸ Connect, opening a server edition, holding a page, seeing another user's hold,
//! signing a page off and seeing editing refused on it.

use std::path::Path;
use std::time::{Duration, Instant};

use broadsheet::model::{PageStatus, io};
use broadsheet::store::{PgStore, Role as NewsroomRole, Store as _};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{common, frame_rect, harness};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/hexi-news.ron");

/// Runs frames until `done` holds, at most 20 s (others' edits and holds come through the
/// server).
fn until(
    h: &mut Harness<'_, broadsheet::app::BroadsheetApp>,
    what: &str,
    done: impl Fn(&Harness<'_, broadsheet::app::BroadsheetApp>) -> bool,
) {
    let end = Instant::now() + Duration::from_secs(20);
    while !done(h) {
        assert!(Instant::now() < end, "waited 20 s for: {what}");
        std::thread::sleep(Duration::from_millis(50));
        h.run_steps(1);
    }
}

/// File ▸ Connect (Ctrl+Alt+K): server, name and role; then opens edition "e".
fn connect(h: &mut Harness<'_, broadsheet::app::BroadsheetApp>, url: &str, name: &str, role: &str) {
    connect_with(h, url, name, role, false);
}

/// [`connect`], ticking “read-only” first when `read_only`.
fn connect_with(
    h: &mut Harness<'_, broadsheet::app::BroadsheetApp>,
    url: &str,
    name: &str,
    role: &str,
    read_only: bool,
) {
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::K,
    );
    h.run_steps(2);
    for (field, text) in [("Server", url), ("Your name", name)] {
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        h.run_steps(1);
    }
    h.get_by_label(role).click();
    h.run_steps(1);
    if read_only {
        h.get_by_label_contains("Open read-only").click();
        h.run_steps(1);
    }
    h.get_by_label("Connect").click();
    h.run_steps(3);
    assert!(h.query_by_label("Editions on the server: 1").is_some());
    h.get_by_label("Open e").click();
    h.run_steps(3);
    assert_eq!(h.state().message(), "Opened e from the server");
}

/// A server database with the sample edition as "e" and Bo, a designer.
fn server() -> (common::pg::TestDb, PgStore) {
    let db = common::pg::database();
    PgStore::init(&db.url).unwrap();
    let mut store = PgStore::connect(&db.url).unwrap();
    store
        .save("e", &io::load(Path::new(SAMPLE)).unwrap(), "chief")
        .unwrap();
    store.set_role("bo", NewsroomRole::Designer).unwrap();
    (db, store)
}

#[test]
fn connect_hold_see_anothers_hold_sign_off_and_editing_is_refused() {
    let (db, mut store) = server();
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    connect(&mut h, &db.url, "刘总编", "Chief editor");
    let label = h.state().edition().page_label(0);

    // Hold page 1; Bo, on his own machine, holds page 2.
    h.get_by_label("Hold page").click();
    h.run_steps(2);
    assert!(h.query_by_label("Release page").is_some());
    assert_eq!(store.holds("e").unwrap()[0].holder, "刘总编");
    assert_eq!(store.hold("e", "p2", "bo", false).unwrap().holder, "bo");
    until(&mut h, "Bo's hold on page 2 shows", |h| {
        h.query_by_label("Held by bo · just now").is_some()
    });
    assert!(h.query_by_label("Held by 刘总编 · just now").is_some());
    assert!(
        h.query_by_label_contains("Online: e").is_some(),
        "the status bar says the window is online"
    );

    // Sign page 1 off: the thumbnail says so, and the server has it.
    h.get_by_label("Sign off").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("· Signed off by 刘总编")
            .is_some()
    );
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        let stored = PgStore::connect(&db.url).unwrap().load("e").unwrap();
        if stored.pages[0].status
            == (PageStatus::SignedOff {
                by: "刘总编".into(),
            })
        {
            break;
        }
        assert!(Instant::now() < end, "the sign-off reaches the server");
        std::thread::sleep(Duration::from_millis(50));
        h.run_steps(1);
    }

    // Moving a frame on the signed-off page is refused, saying why; the frame stays.
    h.get_by_label("Frame p1-lead-head").click();
    h.run_steps(2);
    let before = frame_rect(h.state(), "p1-lead-head");
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    let why = format!(
        "Page {label} is signed off by 刘总编; it must be reopened before it can be changed"
    );
    assert!(
        h.query_by_label_contains(&why).is_some(),
        "an error dialog says: {why}"
    );
    assert_eq!(frame_rect(h.state(), "p1-lead-head"), before);
}

#[test]
fn an_editor_pins_a_comment_where_she_clicked_sees_a_reply_and_resolves_it() {
    let (db, mut store) = server();
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    connect(&mut h, &db.url, "张编辑", "Editor");

    // Click on page 1, then write the comment in the Comments tab.
    let sheet_name = format!("Sheet of page {}", h.state().edition().page_label(0));
    let at = h.get_by_label(&sheet_name).rect().left_top() + egui::vec2(200.0, 300.0);
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.run_steps(1);
    h.drop_at(at);
    h.run_steps(2);
    h.get_by_label("Comments").click();
    h.run_steps(2);
    let field = "New comment, pinned where you last clicked on the page";
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text("导语第二段有错字");
    h.run_steps(1);
    h.get_by_label("Pin comment").click();
    h.run_steps(3);
    assert!(
        h.query_by_label("Comment 1 by 张编辑").is_some(),
        "the pin shows"
    );
    let stored = store.comments("e").unwrap();
    assert_eq!(stored.len(), 1);
    let c = &stored[0];
    assert_eq!(
        (c.page.as_str(), c.body.as_str()),
        ("p1", "导语第二段有错字")
    );
    // Pinned where she clicked: 200 by 300 screen points from the sheet's corner.
    let scale = sheet_scale(&h);
    assert!(
        (c.x - 200.0 / scale).abs() < 2.0 && (c.y - 300.0 / scale).abs() < 2.0,
        "{c:?}"
    );

    // Bo answers from his machine; the reply shows under the comment.
    store.reply("e", c.id, "bo", "已改").unwrap();
    until(&mut h, "Bo's reply shows", |h| {
        h.query_by_label_contains("· bo：已改").is_some()
    });
    h.get_by_label("Resolve").click();
    h.run_steps(3);
    assert_eq!(
        store.comments("e").unwrap()[0].resolved_by.as_deref(),
        Some("张编辑")
    );
    assert!(h.query_by_label("Resolved by 张编辑").is_some());
}

/// Screen points per page point on the canvas.
fn sheet_scale(h: &Harness<'_, broadsheet::app::BroadsheetApp>) -> f32 {
    let e = h.state().edition();
    let name = format!("Sheet of page {}", e.page_label(0));
    let t = e.template(&e.pages[0].template).unwrap();
    h.get_by_label(&name).rect().width() / t.width.pt().0
}

/// 只读打开: a window opened read-only shows a designer's move as it comes, says it is
/// read-only in the status bar, offers no hold or sign-off, and refuses its own edits, saying
/// why; nothing it tried reaches the server.
#[test]
fn a_read_only_window_sees_others_changes_and_makes_none() {
    let (db, mut store) = server();
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    connect_with(&mut h, &db.url, "王校对", "Editor", true);
    assert!(
        h.query_by_label("Read-only").is_some(),
        "the status bar says so"
    );
    assert!(h.query_by_label("Hold page").is_none());
    assert!(h.query_by_label("Sign off").is_none());

    // Bo moves the lead's headline on his machine; the read-only window shows it.
    let mut bo =
        broadsheet::store::live::Live::connect_as(&db.url, "e", "bo", NewsroomRole::Designer)
            .unwrap();
    bo.hold("p1", false).unwrap();
    let id = broadsheet::model::FrameId::new("p1-lead-head");
    let mut rect = bo.edition().frame(&id).unwrap().1.rect;
    rect.x = broadsheet::model::Pt(rect.x.0 + 12.0);
    bo.edit(broadsheet::model::Edit::SetFrameRect { frame: id, rect })
        .unwrap();
    until(&mut h, "Bo's move shows", |h| {
        frame_rect(h.state(), "p1-lead-head").x.0 == rect.x.0
    });

    // Its own nudge is refused, saying why; the frame stays where Bo put it.
    h.get_by_label("Frame p1-lead-head").click();
    h.run_steps(2);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("This window opened e read-only")
            .is_some(),
        "an error dialog says why"
    );
    assert_eq!(frame_rect(h.state(), "p1-lead-head").x.0, rect.x.0);
    std::thread::sleep(Duration::from_millis(300));
    let stored = store.load("e").unwrap();
    assert_eq!(stored.frame(&"p1-lead-head".into()).unwrap().1.rect, rect);
}

/// Taking over someone's hold is confirmed first: the chief's “Take over from bo” asks, and
/// only “Take it over” moves the hold.
#[test]
fn taking_over_a_hold_asks_first() {
    let (db, mut store) = server();
    assert_eq!(store.hold("e", "p1", "bo", false).unwrap().holder, "bo");
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    connect(&mut h, &db.url, "刘总编", "Chief editor");
    until(&mut h, "Bo's hold on page 1 shows", |h| {
        h.query_by_label("Take over from bo").is_some()
    });
    h.get_by_label("Take over from bo").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("bo holds this page and may still be working on it")
            .is_some()
    );
    assert_eq!(
        store.holds("e").unwrap()[0].holder,
        "bo",
        "nothing moved yet"
    );
    h.get_by_label("Take it over").click();
    h.run_steps(3);
    assert_eq!(store.holds("e").unwrap()[0].holder, "刘总编");
    assert!(h.query_by_label("Release page").is_some());
}
