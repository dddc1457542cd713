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

#[test]
fn connect_hold_see_anothers_hold_sign_off_and_editing_is_refused() {
    let db = common::pg::database();
    PgStore::init(&db.url).unwrap();
    let mut store = PgStore::connect(&db.url).unwrap();
    store
        .save("e", &io::load(Path::new(SAMPLE)).unwrap(), "chief")
        .unwrap();
    store.set_role("bo", NewsroomRole::Designer).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // File ▸ Connect (Ctrl+Alt+K): server, name, role.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::ALT,
        egui::Key::K,
    );
    h.run_steps(2);
    for (field, text) in [("Server", db.url.as_str()), ("Your name", "刘总编")] {
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        h.run_steps(1);
    }
    h.get_by_label("Chief editor").click();
    h.run_steps(1);
    h.get_by_label("Connect").click();
    h.run_steps(3);
    assert!(h.query_by_label("Editions on the server: 1").is_some());
    h.get_by_label("Open e").click();
    h.run_steps(3);
    assert_eq!(h.state().message(), "Opened e from the server");
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
