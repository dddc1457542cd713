//! The store layer on a real PostgreSQL server (see `tests/common/pg.rs`): schema migrations,
//! lossless RON round trips, the edit log and its conflict rule, compaction, and the file
//! store beside it.

mod common;

use std::path::Path;

use broadsheet::model::{Edit, Edition, FrameId, StoryField, StoryId, io};
use broadsheet::store::{
    self, Appended, FileStore, MIGRATIONS, NewEdit, PgStore, Store as _, StoreError, edit_from_ron,
    edit_to_ron, touches,
};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/hexi-news.ron");

fn sample() -> Edition {
    io::load(Path::new(SAMPLE)).expect("the sample edition loads")
}

use common::edits::{headline, moved};

fn initialised() -> common::pg::TestDb {
    let db = common::pg::database();
    PgStore::init(&db.url).expect("serve-init on a fresh database");
    db
}

#[test]
fn every_file_in_migrations_is_listed_once_in_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<String> = MIGRATIONS
        .iter()
        .map(|m| format!("{}.sql", m.name))
        .collect();
    assert_eq!(files, listed);
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.version as usize, i + 1, "{} is out of order", m.name);
        assert!(m.name.starts_with(&format!("{:04}_", m.version)));
    }
}

#[test]
fn serve_init_creates_the_schema_once_and_records_it() {
    let db = common::pg::database();
    let first = PgStore::init(&db.url).unwrap();
    assert_eq!(first, MIGRATIONS.iter().map(|m| m.name).collect::<Vec<_>>());
    assert!(
        PgStore::init(&db.url).unwrap().is_empty(),
        "nothing to apply twice"
    );
    let mut store = PgStore::connect(&db.url).unwrap();
    let recorded: Vec<i32> = store
        .client()
        .query(
            "SELECT version FROM broadsheet_migrations ORDER BY version",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(
        recorded,
        MIGRATIONS.iter().map(|m| m.version).collect::<Vec<_>>()
    );
}

#[test]
fn a_server_without_the_schema_says_to_run_serve_init() {
    let db = common::pg::database();
    let err = PgStore::connect(&db.url).err().expect("no schema yet");
    assert!(
        matches!(err, StoreError::NoSchema { found: 0, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("broadsheet serve-init"), "{err}");
}

#[test]
fn a_server_that_cannot_be_reached_is_named_with_the_reason() {
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://ann:secret@127.0.0.1:{port}/news");
    let err = PgStore::connect(&url).err().expect("nothing listens there");
    let text = err.to_string();
    assert!(
        text.contains(&format!(
            "cannot connect to postgres://ann@127.0.0.1:{port}/news"
        )),
        "{text}"
    );
    assert!(text.contains("refused"), "the reason is given: {text}");
    assert!(
        !text.contains("secret"),
        "the password is not shown: {text}"
    );
}

#[test]
fn push_then_pull_gives_the_bytes_saving_the_edition_gives() {
    let db = initialised();
    let edition = sample();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("hexi-news", &edition, "ann").unwrap();
    let pulled = store.load("hexi-news").unwrap();
    assert_eq!(io::to_string(&pulled), io::to_string(&edition));
    // The sample file is itself what saving writes, so the round trip gives the file back.
    assert_eq!(
        io::to_string(&pulled),
        std::fs::read_to_string(SAMPLE).unwrap()
    );
    assert_eq!(store.names().unwrap(), ["hexi-news"]);
}

#[test]
fn the_edition_is_the_snapshot_with_the_log_replayed_and_compaction_keeps_it() {
    let db = initialised();
    let mut edition = sample();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("e", &edition, "ann").unwrap();
    let edits = [
        moved(&edition, "p1-lead-head", 12.0, 0.0),
        headline("lead", "新标题"),
        moved(&edition, "p1-fire-body", -3.5, 0.0),
    ];
    for (seq, edit) in edits.iter().enumerate() {
        let keys = touches(edit, &edition);
        let stored = store
            .append(
                "e",
                "c1",
                "ann",
                &new_edit(seq as i64, seq as i64, &keys, edit),
            )
            .unwrap();
        assert_eq!(stored, Appended::Stored(seq as i64 + 1));
        edition.apply(edit.clone()).unwrap();
    }
    let snapshot = store.snapshot("e").unwrap();
    assert_eq!(snapshot.version, 3);
    assert!(snapshot.skipped.is_empty());
    assert_eq!(snapshot.edition, edition);
    assert_eq!(store.uncompacted("e").unwrap(), 3);

    assert_eq!(store.compact("e").unwrap(), 3);
    assert_eq!(store.uncompacted("e").unwrap(), 0);
    let text: String = store
        .client()
        .query_one("SELECT snapshot FROM editions WHERE name = 'e'", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        text,
        io::to_string(&edition),
        "the snapshot is the edition now"
    );
    let log: i64 = store
        .client()
        .query_one("SELECT count(*) FROM edits WHERE edition = 'e'", &[])
        .unwrap()
        .get(0);
    assert_eq!(log, 3, "the log is append-only: compaction keeps it");
    assert_eq!(store.snapshot("e").unwrap().edition, edition);
}

#[test]
fn an_unseen_edit_to_the_same_frame_conflicts_naming_its_author_and_others_pass() {
    let db = initialised();
    let edition = sample();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("e", &edition, "ann").unwrap();
    let ann = moved(&edition, "p1-lead-head", 10.0, 0.0);
    let keys = touches(&ann, &edition);
    assert_eq!(
        store
            .append("e", "ann-1", "ann", &new_edit(0, 0, &keys, &ann))
            .unwrap(),
        Appended::Stored(1)
    );
    // Bo has not seen version 1.
    let bo = moved(&edition, "p1-lead-head", -10.0, 0.0);
    let got = store
        .append(
            "e",
            "bo-1",
            "bo",
            &new_edit(0, 0, &touches(&bo, &edition), &bo),
        )
        .unwrap();
    assert_eq!(
        got,
        Appended::Conflict {
            author: "ann".into(),
            version: 1
        }
    );
    // A different frame, and the lead story's text on the same page, commute.
    let other = moved(&edition, "p1-fire-body", 5.0, 0.0);
    let text = headline("lead", "改过的标题");
    for (seq, edit) in [other, text].iter().enumerate() {
        let got = store
            .append(
                "e",
                "bo-1",
                "bo",
                &new_edit(seq as i64 + 1, 0, &touches(edit, &edition), edit),
            )
            .unwrap();
        assert!(matches!(got, Appended::Stored(_)), "{edit:?}: {got:?}");
    }
    // Once Bo has seen version 1, the same frame is his to move.
    let got = store
        .append(
            "e",
            "bo-1",
            "bo",
            &new_edit(9, 1, &touches(&bo, &edition), &bo),
        )
        .unwrap();
    assert_eq!(got, Appended::Stored(4));
}

#[test]
fn a_resent_edit_is_stored_once() {
    let db = initialised();
    let edition = sample();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("e", &edition, "ann").unwrap();
    let edit = moved(&edition, "p1-lead-head", 1.0, 0.0);
    let keys = touches(&edit, &edition);
    let first = store
        .append("e", "c", "ann", &new_edit(7, 0, &keys, &edit))
        .unwrap();
    let again = store
        .append("e", "c", "ann", &new_edit(7, 0, &keys, &edit))
        .unwrap();
    assert_eq!(first, Appended::Stored(1));
    assert_eq!(again, first);
    assert_eq!(store.edits_after("e", 0).unwrap().len(), 1);
}

#[test]
fn pushing_over_an_edition_replaces_it_and_refuses_edits_based_on_the_old_one() {
    let db = initialised();
    let edition = sample();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("e", &edition, "ann").unwrap();
    let mut changed = edition.clone();
    changed.apply(headline("lead", "重发的版")).unwrap();
    store.save("e", &changed, "chief").unwrap();
    assert_eq!(store.load("e").unwrap(), changed);
    let edit = moved(&edition, "p1-lead-head", 1.0, 0.0);
    let got = store
        .append(
            "e",
            "c",
            "ann",
            &new_edit(0, 0, &touches(&edit, &edition), &edit),
        )
        .unwrap();
    assert_eq!(
        got,
        Appended::Conflict {
            author: "chief".into(),
            version: 1
        }
    );
}

#[test]
fn an_unknown_edition_is_named_with_the_ones_there_are() {
    let db = initialised();
    let mut store = PgStore::connect(&db.url).unwrap();
    store.save("hexi-news", &sample(), "ann").unwrap();
    let err = store.load("hexi-nwes").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("there is no edition \"hexi-nwes\""), "{text}");
    assert!(text.contains("hint: it holds hexi-news"), "{text}");
}

#[test]
fn every_kind_of_edit_the_sample_makes_reads_back_from_its_log_text() {
    let edition = sample();
    let mut story = edition.stories[0].clone();
    story.id = StoryId::new("new-story");
    let edits = [
        moved(&edition, "p1-lead-head", 0.1, 0.0),
        headline("lead", "引号\"与\n换行"),
        Edit::SetThread {
            story: StoryId::new("lead"),
            thread: vec![FrameId::new("p1-lead-body")],
        },
        Edit::InsertStory {
            index: 0,
            story: Box::new(story),
        },
        Edit::InsertPage {
            index: 1,
            page: Box::new(edition.pages[1].clone()),
        },
        Edit::SetStyle {
            style: Box::new(edition.styles.paragraph[0].clone()),
        },
    ];
    for edit in edits {
        let text = edit_to_ron(&edit);
        assert!(!text.contains('\n'), "one line in the log: {text}");
        assert_eq!(edit_from_ron(&text).unwrap(), edit, "{text}");
    }
}

#[test]
fn the_file_store_reads_and_writes_what_the_editor_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = FileStore::new(dir.path());
    let edition = sample();
    files.save("today", &edition, "ann").unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("today.ron")).unwrap(),
        io::to_string(&edition)
    );
    assert_eq!(files.load("today").unwrap(), edition);
    assert_eq!(files.names().unwrap(), ["today"]);
    let err = files.load("tomorrow").unwrap_err();
    assert!(err.to_string().contains("hint: it holds today"), "{err}");
    assert!(store::open(dir.path().to_str().unwrap()).is_ok());
}

/// The rule the server rebases by: edits whose keys are disjoint give the same edition in
/// either order. Checked on every ordered pair of a set of edits of different kinds.
#[test]
fn edits_with_disjoint_touches_give_the_same_edition_in_either_order() {
    use broadsheet::model::{PageId, Rect};
    let edition = sample();
    let rule = edition
        .frame(&FrameId::new("p1-rule-h1"))
        .unwrap()
        .1
        .clone();
    let mut new_rule = rule.clone();
    new_rule.id = FrameId::new("p1-rule-new");
    new_rule.rect = Rect::new(60.0, 500.0, 300.0, 1.0);
    let mut story = edition.stories[1].clone();
    story.id = StoryId::new("late-news");
    story.thread.clear();
    let mut style = edition.styles.paragraph[0].clone();
    style.tracking_em = 0.02;
    let edits = [
        moved(&edition, "p1-lead-head", 10.0, 0.0),
        moved(&edition, "p1-lead-body", 4.0, 0.0),
        moved(&edition, "p1-rule-h1", 2.0, 0.0),
        headline("lead", "新标题"),
        headline("civility", "另一篇的标题"),
        Edit::SetStoryText {
            story: StoryId::new("lead"),
            field: StoryField::Body,
            text: "只剩一段。".into(),
        },
        Edit::SetThread {
            story: StoryId::new("lead"),
            thread: vec![FrameId::new("p1-lead-body")],
        },
        Edit::RemoveFrame {
            frame: FrameId::new("p1-rule-h1"),
        },
        Edit::InsertFrame {
            page: PageId::new("p1"),
            index: 0,
            frame: new_rule,
        },
        Edit::SetPageTitle {
            page: PageId::new("p2"),
            title: "经济".into(),
        },
        Edit::InsertStory {
            index: 0,
            story: Box::new(story),
        },
        Edit::SetStyle {
            style: Box::new(style),
        },
    ];
    let mut checked = 0;
    for a in &edits {
        for b in &edits {
            let (ka, kb) = (touches(a, &edition), touches(b, &edition));
            assert!(!ka.is_empty(), "{a:?} touches something");
            if ka.iter().any(|k| kb.contains(k)) {
                continue;
            }
            let mut ab = edition.clone();
            ab.apply(a.clone()).unwrap();
            ab.apply(b.clone()).unwrap();
            let mut ba = edition.clone();
            ba.apply(b.clone()).unwrap();
            ba.apply(a.clone()).unwrap();
            assert_eq!(ab, ba, "{a:?} and {b:?}");
            checked += 1;
        }
    }
    assert!(checked > 80, "only {checked} pairs were disjoint");
}

/// An edit to append with no role needs (a server without users lets anyone make it).
fn new_edit(seq: i64, base: i64, touches: &[String], edit: &Edit) -> NewEdit {
    NewEdit {
        seq,
        base,
        touches: touches.to_vec(),
        needs: Vec::new(),
        edit: edit.clone(),
    }
}
