//! Live editing on a real PostgreSQL server (see `tests/common/pg.rs`): two windows on one
//! server edition, a designer moving frames on page 1 while an editor types into a story on
//! page 1; conflicts named, never lost; undo of one's own edits only; a killed window; a
//! restarted server.

mod common;

use std::path::Path;
use std::time::Duration;

use broadsheet::model::{Edit, Edition, FrameId, StoryField, StoryId, io};
use broadsheet::store::live::{Event, Live};
use broadsheet::store::{PgStore, Store as _};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/hexi-news.ron");
const WAIT: Duration = Duration::from_secs(20);
const FRAMES: [&str; 4] = [
    "p1-lead-head",
    "p1-lead-body",
    "p1-fire-body",
    "p1-parks-body",
];

/// A server database holding the sample edition as "e".
fn server() -> (common::pg::TestDb, PgStore) {
    server_on(common::pg::database())
}

fn server_on(db: common::pg::TestDb) -> (common::pg::TestDb, PgStore) {
    PgStore::init(&db.url).unwrap();
    let mut store = PgStore::connect(&db.url).unwrap();
    store
        .save("e", &io::load(Path::new(SAMPLE)).unwrap(), "chief")
        .unwrap();
    (db, store)
}

use common::edits::moved;

fn typed(edition: &Edition, story: &str, more: &str) -> Edit {
    let id = StoryId::new(story);
    let text = edition.story(&id).expect("the story exists").body_text() + more;
    Edit::SetStoryText {
        story: id,
        field: StoryField::Body,
        text,
    }
}

fn x_of(edition: &Edition, frame: &str) -> f32 {
    edition.frame(&FrameId::new(frame)).unwrap().1.rect.x.0
}

fn body(edition: &Edition, story: &str) -> String {
    edition.story(&StoryId::new(story)).unwrap().body_text()
}

/// Waits until every client's edits are stored and every client has heard the whole log;
/// returns the events they saw meanwhile.
fn settle(clients: &mut [&mut Live], store: &mut PgStore) -> Vec<Event> {
    let mut events = Vec::new();
    for c in clients.iter_mut() {
        assert!(
            c.flush(WAIT, &mut events),
            "{}'s edits are stored",
            c.author()
        );
    }
    let head = store.snapshot("e").unwrap().version;
    for c in clients.iter_mut() {
        assert!(
            c.catch_up(head, WAIT, &mut events),
            "{} hears the log",
            c.author()
        );
        events.extend(c.poll());
    }
    events
}

fn rejections(events: &[Event]) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| matches!(e, Event::Rejected { .. } | Event::Failed { .. }))
        .collect()
}

#[test]
fn a_designer_moving_frames_and_an_editor_typing_on_page_1_and_commenting_on_page_2_converge_with_nothing_lost()
 {
    let (db, mut store) = server();
    let mut designer = Live::connect(&db.url, "e", "designer").unwrap();
    let mut editor = Live::connect(&db.url, "e", "editor").unwrap();
    let start = designer.edition().clone();
    let mut events = Vec::new();
    let words = "本报讯记者从市政府获悉今年冬季供暖将提前五天开始";
    for (i, ch) in words.chars().enumerate() {
        let frame = FRAMES[i % FRAMES.len()];
        let e = moved(designer.edition(), frame, 0.5, 0.25);
        designer.edit(e).unwrap();
        let e = typed(editor.edition(), "lead", &ch.to_string());
        editor.edit(e).unwrap();
        if i == 5 {
            // Midway the editor pins a comment on page 2.
            editor
                .add_comment("p2", (100.0, 200.0), "第二版标题字号偏大")
                .unwrap();
        }
        // Each sees the other's edits while working, not only at the end.
        events.extend(designer.poll());
        events.extend(editor.poll());
        std::thread::sleep(Duration::from_millis(5));
    }
    events.extend(settle(&mut [&mut designer, &mut editor], &mut store));
    assert!(rejections(&events).is_empty(), "{events:?}");
    // The designer's window has the editor's comment on page 2, as the server does.
    let pinned = |c: &broadsheet::store::Comment| {
        (c.page.as_str(), c.author.as_str(), c.body.as_str())
            == ("p2", "editor", "第二版标题字号偏大")
    };
    let end = std::time::Instant::now() + Duration::from_secs(10);
    while !designer.room().comments.iter().any(pinned) {
        assert!(
            std::time::Instant::now() < end,
            "the comment reaches the designer"
        );
        std::thread::sleep(Duration::from_millis(20));
        events.extend(designer.poll());
    }
    assert_eq!(
        store
            .comments("e")
            .unwrap()
            .iter()
            .filter(|c| pinned(c))
            .count(),
        1
    );

    let n = words.chars().count();
    let expected_body = body(&start, "lead") + words;
    for frame in FRAMES {
        let moves = (0..n).filter(|i| FRAMES[i % FRAMES.len()] == frame).count();
        let want = x_of(&start, frame) + 0.5 * moves as f32;
        assert!(
            (x_of(editor.edition(), frame) - want).abs() < 1e-3,
            "{frame}"
        );
    }
    assert_eq!(body(designer.edition(), "lead"), expected_body);
    assert_eq!(designer.edition(), editor.edition());
    assert_eq!(designer.edition(), designer.confirmed());
    // The edition the log makes is the one both show.
    let replayed = store.snapshot("e").unwrap();
    assert_eq!(replayed.version, 2 * n as i64);
    assert!(replayed.skipped.is_empty());
    assert_eq!(&replayed.edition, editor.edition());
    assert_eq!(
        io::to_string(&store.load("e").unwrap()),
        io::to_string(designer.edition())
    );
}

#[test]
fn two_moves_of_one_frame_unseen_by_each_other_reject_the_second_naming_the_first_mover() {
    let (db, mut store) = server();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    let mut bo = Live::connect(&db.url, "e", "bo").unwrap();
    let start = ann.edition().clone();
    ann.edit(moved(&start, "p1-lead-head", 30.0, 0.0)).unwrap();
    let mut events = Vec::new();
    assert!(ann.flush(WAIT, &mut events));
    // Bo has not heard of Ann's move when he makes his.
    bo.edit(moved(&start, "p1-lead-head", -30.0, 0.0)).unwrap();
    let events = settle(&mut [&mut ann, &mut bo], &mut store);
    let rejected: Vec<_> = rejections(&events);
    assert_eq!(rejected.len(), 1, "{events:?}");
    assert!(
        matches!(rejected[0], Event::Rejected { by, .. } if by == "ann"),
        "{rejected:?}"
    );
    let want = x_of(&start, "p1-lead-head") + 30.0;
    assert_eq!(x_of(bo.edition(), "p1-lead-head"), want);
    assert_eq!(ann.edition(), bo.edition());
    assert_eq!(&store.load("e").unwrap(), bo.edition());
}

#[test]
fn undo_reverts_only_ones_own_edits_and_is_refused_after_someone_else_changed_the_same_thing() {
    let (db, mut store) = server();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    let mut bo = Live::connect(&db.url, "e", "bo").unwrap();
    let start = ann.edition().clone();
    ann.edit(moved(&start, "p1-fire-body", 20.0, 0.0)).unwrap();
    ann.edit(moved(&start, "p1-parks-body", 20.0, 0.0)).unwrap();
    bo.edit(typed(bo.edition(), "lead", "补充一句。")).unwrap();
    settle(&mut [&mut ann, &mut bo], &mut store);

    // Ann's undo takes back her last move, not Bo's typing that came after it.
    assert!(ann.undo().unwrap());
    let events = settle(&mut [&mut ann, &mut bo], &mut store);
    assert!(rejections(&events).is_empty(), "{events:?}");
    assert_eq!(
        x_of(bo.edition(), "p1-parks-body"),
        x_of(&start, "p1-parks-body")
    );
    assert_eq!(
        x_of(bo.edition(), "p1-fire-body"),
        x_of(&start, "p1-fire-body") + 20.0
    );
    assert_eq!(
        body(ann.edition(), "lead"),
        body(&start, "lead") + "补充一句。"
    );

    // Bo moves the frame Ann moved first; Ann's next undo would revert his move: refused.
    let e = moved(bo.edition(), "p1-fire-body", 0.0, 40.0);
    bo.edit(e).unwrap();
    settle(&mut [&mut ann, &mut bo], &mut store);
    assert!(ann.undo().unwrap());
    let events = settle(&mut [&mut ann, &mut bo], &mut store);
    let rejected = rejections(&events);
    assert!(
        matches!(rejected.as_slice(), [Event::Rejected { by, .. }] if by == "bo"),
        "{events:?}"
    );
    let rect = ann
        .edition()
        .frame(&FrameId::new("p1-fire-body"))
        .unwrap()
        .1
        .rect;
    let before = start.frame(&FrameId::new("p1-fire-body")).unwrap().1.rect;
    assert_eq!((rect.x.0, rect.y.0), (before.x.0 + 20.0, before.y.0 + 40.0));
    assert_eq!(ann.edition(), bo.edition());
    assert_eq!(&store.load("e").unwrap(), ann.edition());
}

#[test]
fn a_killed_window_loses_at_most_its_last_unsent_edit() {
    let (db, mut store) = server();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    let n = 30;
    let mut events = Vec::new();
    for i in 0..n {
        let e = typed(ann.edition(), "heating", &format!("{i}"));
        ann.edit(e).unwrap();
        // A person types a few characters a second, and the window keeps up: each edit is
        // stored before the next is typed, but the last is still being sent when it dies.
        if i + 1 < n {
            assert!(ann.flush(WAIT, &mut events));
        }
    }
    let shown = ann.edition().clone();
    drop(ann);
    let stored = store.edits_after("e", 0).unwrap();
    assert!(
        stored.len() >= n - 1,
        "{} of {n} edits stored",
        stored.len()
    );
    let edition = store.load("e").unwrap();
    if stored.len() == n {
        assert_eq!(edition, shown);
    } else {
        let mut without_last = shown.clone();
        let last: String = (n - 1).to_string();
        let text = body(&shown, "heating");
        let trimmed = text.strip_suffix(&last).unwrap().to_owned();
        without_last
            .apply(Edit::SetStoryText {
                story: StoryId::new("heating"),
                field: StoryField::Body,
                text: trimmed,
            })
            .unwrap();
        assert_eq!(edition, without_last);
    }
}

#[test]
fn restarting_the_server_loses_nothing_acknowledged_and_edits_made_meanwhile_follow() {
    let (db, _) = server_on(common::pg::own_database());
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    let mut bo = Live::connect(&db.url, "e", "bo").unwrap();
    for i in 0..5 {
        let e = typed(ann.edition(), "lead", &format!("甲{i}"));
        ann.edit(e).unwrap();
    }
    let mut events = Vec::new();
    assert!(
        ann.flush(WAIT, &mut events),
        "acknowledged before the restart"
    );
    let acknowledged = ann.edition().clone();

    db.cluster.as_ref().unwrap().restart();
    // Edits made while the connection is down are kept and sent once it is back.
    for i in 0..5 {
        let e = moved(ann.edition(), "p1-lead-head", 1.0, 0.0);
        ann.edit(e).unwrap();
        let e = typed(bo.edition(), "heating", &format!("乙{i}"));
        bo.edit(e).unwrap();
    }
    let mut store = PgStore::connect(&db.url).unwrap();
    let events = settle(&mut [&mut ann, &mut bo], &mut store);
    assert!(rejections(&events).is_empty(), "{events:?}");
    let now = store.load("e").unwrap();
    assert_eq!(body(&now, "lead"), body(&acknowledged, "lead"));
    assert_eq!(
        x_of(&now, "p1-lead-head"),
        x_of(&acknowledged, "p1-lead-head") + 5.0
    );
    assert_eq!(&now, ann.edition());
    assert_eq!(&now, bo.edition());
}

#[test]
fn the_windows_compact_the_log_every_thousand_edits() {
    use broadsheet::store::live::COMPACT_EVERY;
    let (db, mut store) = server();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    for i in 0..COMPACT_EVERY {
        let frame = FRAMES[i as usize % FRAMES.len()];
        let e = moved(ann.edition(), frame, 0.01, 0.0);
        ann.edit(e).unwrap();
    }
    settle(&mut [&mut ann], &mut store);
    let compacted = || -> (i64, String) {
        let row = PgStore::connect(&db.url)
            .unwrap()
            .client()
            .query_one(
                "SELECT snapshot_version, snapshot FROM editions WHERE name = 'e'",
                &[],
            )
            .unwrap();
        (row.get(0), row.get(1))
    };
    let end = std::time::Instant::now() + WAIT;
    while compacted().0 < COMPACT_EVERY {
        assert!(std::time::Instant::now() < end, "never compacted");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(store.uncompacted("e").unwrap(), 0);
    assert_eq!(compacted().1, io::to_string(ann.edition()));
}

#[test]
fn edits_made_while_the_server_is_down_are_kept_and_stored_when_it_is_back() {
    let (db, _) = server_on(common::pg::own_database());
    let cluster = db.cluster.as_ref().unwrap();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    cluster.stop();
    for i in 0..3 {
        let e = typed(ann.edition(), "lead", &format!("离线{i}"));
        ann.edit(e).unwrap();
    }
    // The window goes on showing its edits, and says it is offline.
    assert!(body(ann.edition(), "lead").ends_with("离线0离线1离线2"));
    let mut events = Vec::new();
    let end = std::time::Instant::now() + WAIT;
    while !events.iter().any(|e| matches!(e, Event::Offline(_))) {
        assert!(std::time::Instant::now() < end, "never said it is offline");
        events.extend(ann.wait(Duration::from_millis(100)));
    }
    assert_eq!(ann.unsent(), 3);

    cluster.start_again();
    assert!(ann.flush(WAIT, &mut events), "sent once the server is back");
    assert!(
        events.iter().any(|e| matches!(e, Event::Online)),
        "{events:?}"
    );
    let mut store = PgStore::connect(&db.url).unwrap();
    settle(&mut [&mut ann], &mut store);
    assert_eq!(
        store.edits_after("e", 0).unwrap().len(),
        3,
        "each stored once"
    );
    assert_eq!(&store.load("e").unwrap(), ann.edition());
}

#[test]
fn an_edition_pushed_over_shows_in_the_window_and_its_older_edits_are_refused_naming_the_pusher() {
    let (db, mut store) = server();
    let mut ann = Live::connect(&db.url, "e", "ann").unwrap();
    let mut replacement = ann.edition().clone();
    replacement
        .apply(typed(&replacement.clone(), "lead", "重发"))
        .unwrap();
    store.save("e", &replacement, "chief").unwrap();
    // Ann moves a frame before she hears of the replacement.
    ann.edit(moved(&replacement, "p1-lead-head", 5.0, 0.0))
        .unwrap();
    let mut events = Vec::new();
    let end = std::time::Instant::now() + WAIT;
    let heard = |events: &[Event]| {
        events.iter().any(|e| matches!(e, Event::Rejected { .. }))
            && events.iter().any(|e| matches!(e, Event::Replaced { .. }))
    };
    while !heard(&events) {
        assert!(std::time::Instant::now() < end, "{events:?}");
        events.extend(ann.wait(Duration::from_millis(100)));
    }
    assert!(
        events.contains(&Event::Replaced { by: "chief".into() }),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Rejected { by, .. } if by == "chief")),
        "{events:?}"
    );
    assert_eq!(ann.edition(), &replacement);
    assert_eq!(store.load("e").unwrap(), replacement);
}
