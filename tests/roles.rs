//! Roles, page holds and sign-off on a real PostgreSQL server (see `tests/common/pg.rs`): the
//! server refuses what an author's role may not do, naming why; holds are seen by others and
//! can be taken over only when stale (or by the chief); a live window refuses before sending.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use broadsheet::model::{Edit, EditError, Edition, PageId, PageStatus, io};
use broadsheet::store::live::{Event, Live};
use broadsheet::store::{Appended, NewEdit, PgStore, Role, Store as _, needs, touches};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/hexi-news.ron");
const WAIT: Duration = Duration::from_secs(20);

/// A server with the sample as "e" and four people: ann the editor, bo and cy designers,
/// and the chief.
fn newsroom() -> (common::pg::TestDb, PgStore, Edition) {
    let db = common::pg::database();
    PgStore::init(&db.url).unwrap();
    let mut store = PgStore::connect(&db.url).unwrap();
    let edition = io::load(Path::new(SAMPLE)).unwrap();
    store.save("e", &edition, "chief").unwrap();
    for (name, role) in [
        ("ann", Role::Editor),
        ("bo", Role::Designer),
        ("cy", Role::Designer),
        ("chief", Role::Chief),
    ] {
        store.set_role(name, role).unwrap();
    }
    (db, store, edition)
}

use common::edits::headline;

fn moved(edition: &Edition, frame: &str, dx: f32) -> Edit {
    common::edits::moved(edition, frame, dx, 0.0)
}

fn status(page: &str, status: PageStatus) -> Edit {
    Edit::SetPageStatus {
        page: PageId::new(page),
        status,
    }
}

/// Appends `edit` as `author` the way a window does, based on the head the test keeps, and
/// applies it to `edition` when stored.
fn send(
    store: &mut PgStore,
    edition: &mut Edition,
    head: &mut i64,
    author: &str,
    edit: Edit,
) -> Appended {
    let new = NewEdit {
        seq: *head,
        base: *head,
        touches: touches(&edit, edition),
        needs: needs(&edit, edition),
        edit: edit.clone(),
    };
    let got = store
        .append("e", &format!("{author}-window"), author, &new)
        .unwrap();
    if let Appended::Stored(v) = got {
        *head = v;
        edition.apply(edit).unwrap();
    }
    got
}

fn refused(why: &str) -> Appended {
    Appended::Refused(why.to_owned())
}

#[test]
fn the_server_refuses_what_a_role_may_not_do_naming_why() {
    let (_db, mut store, mut e) = newsroom();
    let mut head = 0;
    let mv = |e: &Edition, f: &str| moved(e, f, 4.0);

    let edit = mv(&e, "p1-lead-head");
    let got = send(&mut store, &mut e, &mut head, "ann", edit);
    assert_eq!(
        got,
        refused("ann is an editor: page p1's frames and placement are the designers'")
    );
    let edit = mv(&e, "p1-lead-head");
    let got = send(&mut store, &mut e, &mut head, "bo", edit);
    assert_eq!(
        got,
        refused("page p1 is not held: hold it before changing it")
    );
    assert_eq!(store.hold("e", "p1", "bo", false).unwrap().holder, "bo");
    let edit = mv(&e, "p1-lead-head");
    let got = send(&mut store, &mut e, &mut head, "bo", edit);
    assert_eq!(got, Appended::Stored(1));
    let edit = mv(&e, "p1-fire-body");
    let got = send(&mut store, &mut e, &mut head, "cy", edit);
    assert_eq!(got, refused("page p1 is held by bo"));
    let got = send(&mut store, &mut e, &mut head, "bo", headline("lead", "新"));
    assert_eq!(got, refused("bo is a designer: story text is the editors'"));
    let got = send(&mut store, &mut e, &mut head, "ann", headline("lead", "新"));
    assert_eq!(got, Appended::Stored(2));

    // Sign-off is the editors'; reopening the signer's or the chief's.
    let signed = PageStatus::SignedOff { by: "ann".into() };
    let got = send(
        &mut store,
        &mut e,
        &mut head,
        "bo",
        status("p2", signed.clone()),
    );
    assert_eq!(got, refused("bo is a designer: an editor signs pages off"));
    let got = send(&mut store, &mut e, &mut head, "ann", status("p2", signed));
    assert_eq!(got, Appended::Stored(3));
    store.set_role("dee", Role::Editor).unwrap();
    let got = send(
        &mut store,
        &mut e,
        &mut head,
        "dee",
        status("p2", PageStatus::Editing),
    );
    assert_eq!(
        got,
        refused("page p2 was signed off by ann: only they or the chief can reopen it")
    );
    let got = send(
        &mut store,
        &mut e,
        &mut head,
        "chief",
        status("p2", PageStatus::Review),
    );
    assert_eq!(got, Appended::Stored(4));

    let got = send(&mut store, &mut e, &mut head, "zed", headline("lead", "x"));
    assert_eq!(got, refused("zed is not one of this newsroom's users"));

    // Only what was allowed is in the log, and it replays to the edition the test kept.
    assert_eq!(store.edits_after("e", 0).unwrap().len(), 4);
    assert_eq!(store.snapshot("e").unwrap().edition, e);
}

#[test]
fn a_hold_stands_against_others_until_stale_and_the_chief_may_take_it_over() {
    let (_db, mut store, _) = newsroom();
    let bo = store.hold("e", "p1", "bo", false).unwrap();
    assert_eq!(bo.holder, "bo");
    // Cy sees Bo's hold, with its time, and cannot take it while it is fresh.
    let seen = store.hold("e", "p1", "cy", true).unwrap();
    assert_eq!((seen.holder.as_str(), seen.since), ("bo", bo.since));
    assert_eq!(store.holds("e").unwrap(), vec![bo.clone()]);
    // Bo has not touched the page for 31 minutes: the hold is stale, and Cy takes it over
    // (only when asking to).
    store
        .client()
        .execute("UPDATE holds SET seen = now() - interval '31 minutes'", &[])
        .unwrap();
    assert_eq!(store.hold("e", "p1", "cy", false).unwrap().holder, "bo");
    assert_eq!(store.hold("e", "p1", "cy", true).unwrap().holder, "cy");
    // The chief takes a fresh hold over; Cy's release of a hold no longer hers does nothing.
    assert_eq!(
        store.hold("e", "p1", "chief", true).unwrap().holder,
        "chief"
    );
    assert!(!store.release("e", "p1", "cy").unwrap());
    assert!(store.release("e", "p1", "chief").unwrap());
    assert!(store.holds("e").unwrap().is_empty());
}

/// Waits until `done` holds of `live`, taking its events in.
fn until(live: &mut Live, what: &str, done: impl Fn(&Live) -> bool) -> Vec<Event> {
    let end = Instant::now() + WAIT;
    let mut events = Vec::new();
    while !done(live) {
        assert!(Instant::now() < end, "{}: {what}", live.author());
        events.extend(live.wait(Duration::from_millis(50)));
    }
    events
}

#[test]
fn windows_see_each_others_holds_and_presence_and_refuse_before_sending() {
    let (db, _store, _) = newsroom();
    let mut bo = Live::connect_as(&db.url, "e", "bo", Role::Designer).unwrap();
    // Ann asks to be a designer, but the server knows her as an editor.
    let mut ann = Live::connect_as(&db.url, "e", "ann", Role::Designer).unwrap();
    assert_eq!(ann.role(), Some(Role::Editor));
    // Nobody new names themselves chief once the newsroom has one.
    let err = PgStore::connect(&db.url)
        .unwrap()
        .join("mallory", Role::Chief)
        .unwrap_err();
    assert!(
        err.to_string().contains("this newsroom's chief is chief"),
        "{err}"
    );
    assert_eq!(
        PgStore::connect(&db.url)
            .unwrap()
            .join("chief", Role::Chief)
            .unwrap(),
        Role::Chief,
        "the chief joins as before"
    );

    until(&mut bo, "sees ann on the edition", |l| {
        l.room().present == ["ann", "bo"]
    });
    // Bo may not move a frame on a page he does not hold: refused at once, nothing changed.
    let before = bo.edition().clone();
    let err = bo.edit(moved(&before, "p2-heating-body", 3.0)).unwrap_err();
    assert_eq!(
        err,
        EditError::Refused("page p2 is not held: hold it before changing it".into())
    );
    assert_eq!(bo.edition(), &before);
    assert_eq!(bo.hold("p2", false).unwrap().holder, "bo");
    until(&mut ann, "sees bo's hold", |l| {
        l.room().hold("p2").is_some_and(|h| h.holder == "bo")
    });
    // Ann cannot take it, and cannot move frames in any case.
    assert_eq!(ann.hold("p2", true).unwrap().holder, "bo");
    bo.edit(moved(&before, "p2-heating-body", 3.0)).unwrap();

    // Ann signs page 2 off; Bo's window hears it and refuses his next move there, naming her.
    let seen = ann.version();
    until(&mut ann, "hears bo's move", |l| l.version() > seen);
    ann.edit(status("p2", PageStatus::SignedOff { by: "ann".into() }))
        .unwrap();
    until(&mut bo, "hears the sign-off", |l| {
        l.edition().pages[1].status.signer() == Some("ann")
    });
    let again = moved(bo.edition(), "p2-heating-body", 3.0);
    let err = bo.edit(again).unwrap_err();
    assert!(
        matches!(&err, EditError::SignedOff { by, .. } if by == "ann"),
        "{err}"
    );
    let mut events = Vec::new();
    assert!(ann.flush(WAIT, &mut events) && bo.flush(WAIT, &mut events));
    assert!(
        events
            .iter()
            .all(|e| !matches!(e, Event::Rejected { .. } | Event::Failed { .. })),
        "{events:?}"
    );

    bo.release("p2").unwrap();
    until(&mut ann, "sees the hold go", |l| {
        l.room().hold("p2").is_none()
    });
    drop(bo);
    until(&mut ann, "sees bo leave", |l| l.room().present == ["ann"]);
}

#[test]
fn comments_are_pinned_by_editors_answered_by_anyone_resolved_and_seen_by_every_window() {
    let (db, mut store, _) = newsroom();
    let mut bo = Live::connect_as(&db.url, "e", "bo", Role::Designer).unwrap();
    let mut ann = Live::connect_as(&db.url, "e", "ann", Role::Editor).unwrap();

    let err = bo
        .add_comment("p1", (100.0, 200.0), "标题太长")
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("bo is a designer: editors pin comments to pages"),
        "{err}"
    );
    let id = ann
        .add_comment("p1", (120.5, 340.0), "导语第二段有错字")
        .unwrap();
    until(&mut bo, "sees Ann's comment", |l| {
        l.room().comments.iter().any(|c| c.id == id)
    });
    let reply = bo.reply(id, "已改").unwrap();
    assert!(bo.resolve(id, true).is_err(), "a designer does not resolve");
    until(&mut ann, "sees Bo's reply", |l| {
        l.room().comments.iter().any(|c| c.id == reply)
    });
    ann.resolve(id, true).unwrap();

    let all = store.comments("e").unwrap();
    assert_eq!(all.len(), 2);
    let (first, answer) = (&all[0], &all[1]);
    assert_eq!(
        (first.page.as_str(), first.x, first.y, first.author.as_str()),
        ("p1", 120.5, 340.0, "ann")
    );
    assert_eq!(first.resolved_by.as_deref(), Some("ann"));
    assert_eq!(answer.parent, Some(id));
    assert_eq!(
        (answer.x, answer.y),
        (120.5, 340.0),
        "a reply sits on its pin"
    );
    assert_eq!(answer.body, "已改");
    until(&mut bo, "sees it resolved", |l| {
        l.room()
            .comments
            .iter()
            .any(|c| c.id == id && c.resolved_by.is_some())
    });
}
