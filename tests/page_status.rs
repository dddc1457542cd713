//! Page status (编辑中 → 待审 → 已签发): stored in the edition without changing older files,
//! changed by an edit with an inverse, carried by the PDF-ready data, and a signed-off page
//! refusing the edits that would change it.

use broadsheet::export::data::{self, DataFormat};
use broadsheet::layout::Layouter;
use broadsheet::model::{Edit, EditError, Edition, PageId, PageStatus, Rect, StoryField, io};
use broadsheet::resources::{Assets, Origin};
use broadsheet::{bundle, sample};

fn sign_off(e: &mut Edition, page: &str, by: &str) -> Edit {
    e.apply(Edit::SetPageStatus {
        page: PageId::new(page),
        status: PageStatus::SignedOff { by: by.into() },
    })
    .expect("a status change is always allowed")
}

fn moved(e: &Edition, frame: &str) -> Edit {
    let (_, f) = e.frame(&frame.into()).expect("the sample has this frame");
    Edit::SetFrameRect {
        frame: frame.into(),
        rect: Rect::new(f.rect.x.0 + 10.0, f.rect.y.0, f.rect.w.0, f.rect.h.0),
    }
}

#[test]
fn a_file_without_statuses_saves_the_same_bytes_and_a_status_round_trips() {
    let text = bundle::SAMPLE;
    let e = io::from_str(text, "hexi-news.ron").unwrap();
    assert!(e.pages.iter().all(|p| p.status == PageStatus::Editing));
    assert_eq!(
        io::to_string(&e),
        text,
        "an unchanged edition saves byte-identical"
    );

    let mut signed = e.clone();
    signed
        .apply(Edit::SetPageStatus {
            page: PageId::new("p1"),
            status: PageStatus::Review,
        })
        .unwrap();
    sign_off(&mut signed, "p2", "李编辑");
    let saved = io::to_string(&signed);
    assert!(saved.contains("status: Review"), "{saved}");
    assert!(
        saved.contains("status: SignedOff(\n        by: \"李编辑\","),
        "{saved}"
    );
    let back = io::from_str(&saved, "signed.ron").unwrap();
    assert_eq!(back, signed);
    assert_eq!(io::to_string(&back), saved);
}

#[test]
fn a_status_change_undoes_to_the_status_before() {
    let mut e = sample::edition();
    let before = e.clone();
    let undo = sign_off(&mut e, "p2", "李编辑");
    assert_eq!(
        undo,
        Edit::SetPageStatus {
            page: PageId::new("p2"),
            status: PageStatus::Editing
        }
    );
    assert_eq!(e.pages[1].status.signer(), Some("李编辑"));
    e.apply(undo).unwrap();
    assert_eq!(e, before);
}

#[test]
fn a_signed_off_page_refuses_its_frames_and_the_stories_through_it_until_reopened() {
    let mut e = sample::edition();
    let reopen = sign_off(&mut e, "p2", "李编辑");
    let label = e.page_label(1);
    let before = e.clone();

    // A frame on page 2.
    let err = e.apply(moved(&e, "p2-heating-body")).unwrap_err();
    assert_eq!(
        err,
        EditError::SignedOff {
            page: label.clone(),
            by: "李编辑".into()
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "page {label} is signed off by 李编辑; it must be reopened before it can be changed"
        )
    );
    // The lead starts on page 1 and continues on page 2: its text changes page 2 too.
    let typed = Edit::SetStoryText {
        story: "lead".into(),
        field: StoryField::Headline,
        text: "新标题".into(),
    };
    assert!(matches!(
        e.apply(typed.clone()),
        Err(EditError::SignedOff { .. })
    ));
    // Retitling it, or unthreading the lead from it, is refused as well.
    assert!(
        e.apply(Edit::SetPageTitle {
            page: PageId::new("p2"),
            title: "改".into()
        })
        .is_err()
    );
    assert!(
        e.apply(Edit::SetThread {
            story: "lead".into(),
            thread: vec!["p1-lead-body".into()],
        })
        .is_err()
    );
    assert_eq!(e, before, "nothing refused changed the edition");

    // Page 1 is not signed off: its own frames still move.
    let on_page_1 = moved(&e, "p1-lead-head");
    e.apply(on_page_1).expect("page 1 is being edited");

    // Reopened, page 2 takes the edits again.
    e.apply(reopen).unwrap();
    e.apply(moved(&e, "p2-heating-body")).unwrap();
    e.apply(typed).unwrap();
}

#[test]
fn the_pdf_ready_data_says_each_pages_status_and_signer() {
    let mut e = sample::edition();
    sign_off(&mut e, "p2", "李编辑");
    let assets = Assets::bundled(Origin::Bundled);
    let layout = Layouter::new().layout(&e, &assets);
    let json = data::to_string(&layout, &[0, 1], &assets, DataFormat::Json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pages"][0]["status"], "editing");
    assert!(v["pages"][0].get("signed_off_by").is_none());
    assert_eq!(v["pages"][1]["status"], "signed-off");
    assert_eq!(v["pages"][1]["signed_off_by"], "李编辑");
}
