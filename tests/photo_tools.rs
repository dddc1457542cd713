//! Photo tools the editor calls: replace a frame's photo keeping its crop, and the content
//! grabber's drag and scroll turned into crop edits.

use broadsheet::bundle;
use broadsheet::layout::photos::{grab_edit, replace_photo_edit};
use broadsheet::layout::{Item, Layouter};
use broadsheet::model::{Crop, Edit, FrameId, FrameKind, Photo, PhotoId};
use broadsheet::resources::{Assets, Origin, Resources};

const FRAME: &str = "p1-taihuli-photo";

fn crop_of(e: &broadsheet::model::Edition) -> Crop {
    match &e.frame(&FRAME.into()).unwrap().1.kind {
        FrameKind::Photo { crop, .. } => *crop,
        _ => unreachable!(),
    }
}

#[test]
fn replacing_a_photo_keeps_the_crop_for_the_same_aspect_and_reshapes_it_otherwise() {
    let mut e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let crop = Crop {
        left: 0.1,
        top: 0.1,
        right: 0.2,
        bottom: 0.0,
    };
    if let Some(f) = e.pages[0]
        .frames
        .iter_mut()
        .find(|f| f.id.as_str() == FRAME)
        && let FrameKind::Photo { crop: c, .. } = &mut f.kind
    {
        *c = crop;
    }
    // The same file again: same aspect, same crop.
    for (id, path) in [
        ("same", "../assets/coffee.jpg"),
        ("other", "../assets/rocket.jpg"),
    ] {
        e.photos.push(Photo {
            id: PhotoId::new(id),
            path: path.into(),
            caption: String::new(),
            credit: String::new(),
        });
    }
    let edit = replace_photo_edit(&e, &assets, &FRAME.into(), &"same".into()).unwrap();
    let mut same = e.clone();
    same.apply(edit).unwrap();
    assert_eq!(crop_of(&same), crop);
    // Another aspect: the crop stays valid and keeps its framing's shape in pixels.
    let size = |id: &str| {
        assets
            .photo_size(&e.photo(&id.into()).unwrap().path)
            .unwrap()
    };
    let (old, new) = (size("taihuli-street"), size("other"));
    assert_ne!(old.0 * new.1, old.1 * new.0, "the test needs two aspects");
    let edit = replace_photo_edit(&e, &assets, &FRAME.into(), &"other".into()).unwrap();
    let mut other = e.clone();
    let undo = other.apply(edit).unwrap();
    let c = crop_of(&other);
    assert!(c.is_valid(), "{c:?}");
    let shape = |c: Crop, (w, h): (u32, u32)| c.kept().0 * w as f32 / (c.kept().1 * h as f32);
    assert!((shape(c, new) / shape(crop, old) - 1.0).abs() < 0.01);
    other.apply(undo).unwrap();
    assert_eq!(other, e);
    // Not a photo frame: a clear refusal.
    assert!(replace_photo_edit(&e, &assets, &"p1-lead-body".into(), &"same".into()).is_err());
}

#[test]
fn dragging_the_image_pans_the_crop_and_scrolling_scales_it() {
    let mut e = bundle::sample();
    let assets = Assets::bundled(Origin::Bundled);
    let layout = Layouter::new().layout(&e, &assets);
    let frame = FrameId::new(FRAME);
    // Zoom in two steps first: the window shrinks about its centre.
    let zoom = grab_edit(&e, &layout, &assets, &frame, (0.0, 0.0), 2.0).unwrap();
    e.apply(zoom).unwrap();
    let z = crop_of(&e);
    let (kw, kh) = z.kept();
    assert!(
        (kw - 1.0 / 1.21).abs() < 1e-3 && (kh - 1.0 / 1.21).abs() < 1e-3,
        "{z:?}"
    );
    // Then drag the image 30 pt right: the window moves left by 30 pt in source pixels.
    let layout = Layouter::new().layout(&e, &assets);
    let img = layout.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Image(img) if img.frame == frame => Some(img.clone()),
            _ => None,
        })
        .unwrap();
    let size = assets
        .photo_size(&e.photo(&"taihuli-street".into()).unwrap().path)
        .unwrap();
    let pt_per_px = img.placement.w.0 / img.crop_px[2] as f32;
    let pan = grab_edit(&e, &layout, &assets, &frame, (30.0, 0.0), 0.0).unwrap();
    e.apply(pan).unwrap();
    let p = crop_of(&e);
    let moved = z.left - p.left;
    assert!(
        (moved - 30.0 / pt_per_px / size.0 as f32).abs() < 1e-4,
        "{moved}"
    );
    assert!(
        (p.kept().0 - kw).abs() < 1e-5,
        "panning keeps the window's size"
    );
    // Reset is the default crop.
    e.apply(Edit::SetFrameKind {
        frame: frame.clone(),
        kind: match &e.frame(&frame).unwrap().1.kind {
            FrameKind::Photo {
                photo, story, fit, ..
            } => FrameKind::Photo {
                photo: photo.clone(),
                story: story.clone(),
                fit: *fit,
                crop: Crop::default(),
                caption_beside: None,
            },
            _ => unreachable!(),
        },
    })
    .unwrap();
    assert_eq!(crop_of(&e), Crop::default());
}
