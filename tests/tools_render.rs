//! Rules, boxes, tints and photos drawn alike by our raster renderer (what the canvas and PNG
//! export show) and by poppler from our PDF (`pdftoppm -r 72`), so canvas and press agree.
//!
//! Tolerance: both images are 1 px per point. Inside each compared region at most 2% of the
//! pixels may differ by more than 64/255 in a channel (anti-aliased edges land differently);
//! photos and text are compared as 4×4-block means (under 8/255 on average), as the sample
//! page's reference test does; the features themselves (the 文武线's gap, dashes, tints, empty bands) are checked in both
//! images by value, tints within 8/255 of 1 − K (poppler's CMYK conversion is not exactly
//! linear: 15% K shows as 222 there, 217 here).

use std::path::Path;
use std::process::Command;

use broadsheet::export::pdf::{PdfOptions, export};
use broadsheet::layout::{EditionLayout, Item, Layouter, TextRole};
use broadsheet::model::{
    Color, Crop, Edition, Fit, Frame, FrameId, FrameKind, Length, PhotoId, Rect, RuleStyle,
    StoryId, Stroke,
};
use broadsheet::resources::{Assets, Origin};
use broadsheet::{bundle, render, sample};

/// An RGB image as rows of pixels.
struct Image {
    w: u32,
    h: u32,
    px: Vec<[u8; 3]>,
}

impl Image {
    fn at(&self, x: u32, y: u32) -> [u8; 3] {
        self.px[(y.min(self.h - 1) * self.w + x.min(self.w - 1)) as usize]
    }
    /// Mean of the three channels.
    fn grey(&self, x: u32, y: u32) -> u8 {
        let p = self.at(x, y);
        ((u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3) as u8
    }
}

/// A blank page with the sample's styles, its photo, and the civility story for text.
fn edition(frames: Vec<Frame>, text_frame: Option<&str>) -> Edition {
    let sample = bundle::sample();
    let mut e = sample::blank(sample::template());
    e.photos = sample.photos.clone();
    let mut story = sample.story(&"civility".into()).unwrap().clone();
    story.thread = text_frame.map(FrameId::new).into_iter().collect();
    story.photo = None;
    e.stories.push(story);
    e.pages[0].frames = frames;
    e
}

fn frame(id: &str, rect: [f32; 4], kind: FrameKind) -> Frame {
    Frame::new(
        FrameId::new(id),
        Rect::new(rect[0], rect[1], rect[2], rect[3]),
        kind,
    )
}

fn rule(weight: f32, style: RuleStyle) -> FrameKind {
    FrameKind::Rule {
        weight: Length::Pt(weight),
        color: Color::BLACK,
        style,
    }
}

fn laid(e: &Edition, origin: &Origin) -> EditionLayout {
    Layouter::new().layout(e, &Assets::bundled(origin.clone()))
}

fn ours(layout: &EditionLayout, origin: &Origin) -> Image {
    let mut r = render::Renderer::new(std::sync::Arc::new(Assets::bundled(origin.clone())));
    let pm = r.render(&layout.pages[0], 1.0);
    let px = pm
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        })
        .collect();
    Image {
        w: pm.width(),
        h: pm.height(),
        px,
    }
}

fn pdf_bytes(layout: &EditionLayout, origin: &Origin) -> Vec<u8> {
    let opts = PdfOptions::pages(vec![0]);
    export(layout, &Assets::bundled(origin.clone()), &opts).unwrap()
}

fn poppler(pdf: &[u8]) -> Image {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, pdf).unwrap();
    let prefix = dir.path().join("p");
    let out = Command::new("pdftoppm")
        .args(["-r", "72", "-png", "-singlefile"])
        .arg(&file)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (Debian poppler-utils) is needed; `.ci/run` installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let img = image::open(dir.path().join("p.png")).unwrap().to_rgb8();
    Image {
        w: img.width(),
        h: img.height(),
        px: img.pixels().map(|p| p.0).collect(),
    }
}

/// Both renders of page 1.
fn both(e: &Edition, origin: &Origin) -> (EditionLayout, Image, Image) {
    let layout = laid(e, origin);
    let a = ours(&layout, origin);
    let b = poppler(&pdf_bytes(&layout, origin));
    assert!(a.w.abs_diff(b.w) <= 1 && a.h.abs_diff(b.h) <= 1);
    if let Some(dir) = std::env::var_os("BROADSHEET_DEBUG_DIR") {
        for (name, im) in [("ours.png", &a), ("poppler.png", &b)] {
            let flat: Vec<u8> = im.px.iter().flatten().copied().collect();
            image::RgbImage::from_raw(im.w, im.h, flat)
                .unwrap()
                .save(Path::new(&dir).join(name))
                .unwrap();
        }
    }
    (layout, a, b)
}

/// Asserts the region `[x, y, w, h]` agrees within the stated tolerance.
fn agree(a: &Image, b: &Image, [x0, y0, w, h]: [u32; 4], what: &str) {
    let mut differ = 0;
    for y in y0..y0 + h {
        for x in x0..x0 + w {
            let (p, q) = (a.at(x, y), b.at(x, y));
            if (0..3).any(|i| p[i].abs_diff(q[i]) > 64) {
                differ += 1;
            }
        }
    }
    assert!(
        differ * 50 <= w * h,
        "{what}: {differ} of {} pixels differ by more than 64/255",
        w * h
    );
}

/// Asserts the 4×4-block means of the region `[x, y, w, h]` differ by under 8/255 on average:
/// for photos and text, which the two renderers resample and anti-alias differently.
fn agree_blocks(a: &Image, b: &Image, [x0, y0, w, h]: [u32; 4], what: &str) {
    let (mut total, mut n) = (0.0, 0.0);
    for by in (y0..y0 + h - 3).step_by(4) {
        for bx in (x0..x0 + w - 3).step_by(4) {
            let mean = |im: &Image| {
                let mut s = 0.0;
                for y in by..by + 4 {
                    for x in bx..bx + 4 {
                        s += f64::from(im.grey(x, y)) / 16.0;
                    }
                }
                s
            };
            total += (mean(a) - mean(b)).abs();
            n += 1.0;
        }
    }
    let mean = total / n;
    assert!(
        mean < 8.0,
        "{what}: canvas and PDF differ by {mean:.1}/255 on average"
    );
}

/// Dark/light changes along row `y` from `x0` to `x1`.
fn transitions(img: &Image, y: u32, x0: u32, x1: u32) -> usize {
    (x0..x1)
        .map(|x| img.grey(x, y) < 128)
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] != w[1])
        .count()
}

#[test]
fn rules_boxes_and_tints_draw_the_same_in_our_raster_and_in_poppler() {
    let tinted = FrameKind::Text {
        columns: 2,
        gutter: None,
        balance: false,
        tint: Some(Color::Cmyk(0, 0, 0, 15)),
        inset: Some(Length::Pt(8.0)),
    };
    let boxed = FrameKind::Box {
        fill: Some(Color::Cmyk(0, 0, 0, 10)),
        stroke: Some(Stroke {
            // Thick 50–56, gap 56–59, thin 59–61: edges on whole pixels, where poppler's
            // stroke adjustment and our anti-aliasing agree.
            weight: Length::Pt(6.0),
            color: Color::BLACK,
            style: RuleStyle::ThickThin,
        }),
    };
    let e = edition(
        vec![
            // 文武线 of 6 pt: thick 100–106, gap 106–109, thin 109–111.
            frame(
                "wenwu",
                [50.0, 100.0, 400.0, 11.0],
                rule(6.0, RuleStyle::ThickThin),
            ),
            frame(
                "wenwu-v",
                [470.0, 100.0, 11.0, 200.0],
                rule(6.0, RuleStyle::ThickThin),
            ),
            frame(
                "dashed",
                [50.0, 149.0, 400.0, 2.0],
                rule(2.0, RuleStyle::Dashed),
            ),
            frame(
                "dotted",
                [50.0, 199.0, 400.0, 2.0],
                rule(2.0, RuleStyle::Dotted),
            ),
            frame("box", [50.0, 250.0, 200.0, 100.0], boxed),
            frame("text", [50.0, 380.0, 400.0, 150.0], tinted),
        ],
        Some("text"),
    );
    e.validate().unwrap();
    let (layout, a, b) = both(&e, &Origin::Bundled);
    for (img, who) in [(&a, "ours"), (&b, "poppler")] {
        // The 文武线: thick line, a white gap, thin line, across and down.
        assert!(img.grey(200, 103) < 60, "{who}: thick line");
        assert!(img.grey(200, 107) > 200, "{who}: gap");
        assert!(img.grey(200, 110) < 60, "{who}: thin line");
        assert!(img.grey(200, 112) > 200, "{who}: under the thin line");
        assert!(
            img.grey(473, 200) < 60 && img.grey(477, 200) > 200,
            "{who}: vertical"
        );
        assert!(img.grey(480, 200) < 60, "{who}: vertical thin line");
        // Dashes of 8 on, 4 off over 400 pt: about 66 changes; dots of 2 and 2: about 200.
        let dashes = transitions(img, 150, 50, 450);
        assert!((60..=70).contains(&dashes), "{who}: {dashes} dash edges");
        let dots = transitions(img, 200, 50, 450);
        assert!((180..=205).contains(&dots), "{who}: {dots} dot edges");
        // The box's tint inside, its double border at the edge.
        assert!(
            img.grey(150, 300).abs_diff(229) <= 3,
            "{who}: box tint {}",
            img.grey(150, 300)
        );
        assert!(
            img.grey(51, 300) < 60 && img.grey(57, 300) > 150 && img.grey(60, 300) < 60,
            "{who}: box border"
        );
        // The text frame's tint in its inset, where no text is.
        assert!(
            img.grey(53, 383).abs_diff(217) <= 8,
            "{who}: text tint {}",
            img.grey(53, 383)
        );
    }
    agree(&a, &b, [40, 90, 450, 220], "rules");
    agree(&a, &b, [40, 240, 220, 120], "box");
    // Text sits inside the inset.
    let body: Vec<_> = layout.pages[0]
        .runs()
        .filter(|r| r.role == TextRole::Body)
        .collect();
    assert!(!body.is_empty());
    for r in body {
        let right = r.origin.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>();
        assert!(
            r.origin.x >= 57.9 && right <= 442.1,
            "{} .. {right}",
            r.origin.x
        );
        assert!(
            r.origin.y > 388.0 && r.origin.y < 522.0,
            "baseline {}",
            r.origin.y
        );
    }
    // Tints lie beneath the text: the first items of the page.
    assert!(matches!(&layout.pages[0].items[0], Item::Rect(r) if r.fill.is_some()));
}

/// The sample's photo shown at a known place.
fn photo_kind(story: Option<&str>, fit: Fit, crop: Crop) -> FrameKind {
    FrameKind::Photo {
        photo: PhotoId::new("taihuli-street"),
        story: story.map(StoryId::new),
        fit,
        crop,
        caption_beside: None,
    }
}

#[test]
fn fit_inside_with_a_crop_smeared_edge_pixels_into_the_empty_area() {
    let crop = Crop {
        left: 0.2,
        top: 0.1,
        right: 0.1,
        bottom: 0.0,
    };
    // A wide frame: the fitted photo leaves empty bands left and right.
    let e = edition(
        vec![frame(
            "photo",
            [50.0, 100.0, 500.0, 200.0],
            photo_kind(None, Fit::Fit, crop),
        )],
        None,
    );
    e.validate().unwrap();
    let (layout, a, b) = both(&e, &Origin::Bundled);
    let img = layout.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Image(img) => Some(img),
            _ => None,
        })
        .unwrap();
    let left_band = img.placement.x.0 - 50.0;
    assert!(left_band > 40.0, "the photo leaves a band: {left_band}");
    for (who, im) in [("ours", &a), ("poppler", &b)] {
        let smeared = (52..(img.placement.x.0 as u32 - 2))
            .flat_map(|x| (102..298).map(move |y| (x, y)))
            .filter(|&(x, y)| im.grey(x, y) < 250)
            .count();
        assert_eq!(
            smeared, 0,
            "{who}: the band beside the fitted photo is not white"
        );
    }
    // And the photo itself looks the same in both.
    let p = img.placement;
    agree_blocks(
        &a,
        &b,
        [
            p.x.0 as u32 + 2,
            p.y.0 as u32 + 2,
            p.w.0 as u32 - 4,
            p.h.0 as u32 - 4,
        ],
        "photo",
    );
}

#[test]
fn the_caption_sits_under_the_image_with_the_credit_right_aligned_in_every_renderer() {
    let mut e = edition(
        vec![frame(
            "photo",
            [50.0, 100.0, 300.0, 300.0],
            photo_kind(Some("civility"), Fit::Fit, Crop::default()),
        )],
        None,
    );
    let s = e
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == "civility")
        .unwrap();
    s.caption = "河西区街头的一家咖啡馆，早上八点已经坐满了顾客。".into();
    s.credit = "本报记者 王明 摄".into();
    e.validate().unwrap();
    let (layout, a, b) = both(&e, &Origin::Bundled);
    let items = &layout.pages[0].items;
    let clip = items
        .iter()
        .find_map(|i| match i {
            Item::Image(img) => Some(img.clip),
            _ => None,
        })
        .unwrap();
    let caption: Vec<_> = layout.pages[0]
        .runs()
        .filter(|r| r.role == TextRole::Caption)
        .collect();
    let credit: Vec<_> = layout.pages[0]
        .runs()
        .filter(|r| r.role == TextRole::Credit)
        .collect();
    let first = caption.first().unwrap();
    // Directly under the image: the first caption baseline within one line of its bottom.
    let below = first.origin.y - clip.bottom().0;
    assert!(
        below > 0.0 && below < 4.0 + first.size * 1.5,
        "caption {below} pt under the image"
    );
    assert!(
        clip.bottom().0 < 400.0 - 20.0,
        "the fitted image leaves the frame's foot empty"
    );
    let last_caption = caption.iter().map(|r| r.origin.y).fold(0.0, f32::max);
    let end = credit
        .iter()
        .map(|r| r.origin.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>())
        .fold(0.0, f32::max);
    assert!(
        credit.iter().all(|r| r.origin.y > last_caption),
        "credit under the caption"
    );
    assert!(
        (end - 350.0).abs() < 1.0,
        "credit ends at the frame's right edge: {end}"
    );
    assert!(
        credit.iter().all(|r| r.origin.x > 200.0),
        "credit right-aligned"
    );
    // Canvas and PDF: 4×4 block means over the frame, as the sample page's reference test.
    agree_blocks(&a, &b, [50, 100, 300, 300], "photo with caption");
}

#[test]
fn a_photo_imported_into_a_new_unsaved_edition_showed_as_a_grey_placeholder() {
    // The editor stores an absolute path for a photo imported into an unsaved (bundled-origin)
    // edition; it used to be looked up in the bundle and reported "file not found".
    let dir = tempfile::tempdir().unwrap();
    let jpeg = bundle::asset("assets/rocket.jpg").unwrap();
    let path = dir.path().join("rocket.jpg");
    std::fs::write(&path, jpeg).unwrap();
    let mut e = edition(
        vec![frame(
            "photo",
            [50.0, 100.0, 300.0, 200.0],
            FrameKind::Photo {
                photo: PhotoId::new("rocket"),
                story: None,
                fit: Fit::Fill,
                crop: Crop::default(),
                caption_beside: None,
            },
        )],
        None,
    );
    e.photos.push(broadsheet::model::Photo {
        id: PhotoId::new("rocket"),
        path: path.to_string_lossy().into_owned(),
        caption: String::new(),
        credit: String::new(),
    });
    e.validate().unwrap();
    let origin = Origin::Bundled;
    let layout = laid(&e, &origin);
    let problems: Vec<_> = layout
        .diagnostics
        .iter()
        .filter(|d| d.code.contains("photo"))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    let image = layout.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Image(img) => Some(img),
            _ => None,
        })
        .unwrap();
    assert!(!image.missing);
    // Our raster shows the photo, not a flat placeholder grey.
    let a = ours(&layout, &origin);
    let greys: std::collections::BTreeSet<u8> = (110..290)
        .step_by(7)
        .flat_map(|y| (60..340).step_by(7).map(move |x| (x, y)))
        .map(|(x, y)| a.grey(x, y))
        .collect();
    assert!(greys.len() > 20, "a flat area: {greys:?}");
    // The PDF carries the JPEG as it is.
    let pdf = pdf_bytes(&layout, &origin);
    assert!(
        pdf.windows(jpeg.len()).any(|w| w == jpeg),
        "the photo is not in the PDF"
    );
    // A relative path of a bundled edition still comes from the bundle.
    assert!(
        broadsheet::resources::load_photo(&origin, &e.photos[0].path).is_ok(),
        "{}",
        e.photos[0].path
    );
    let _ = Path::new(&e.photos[0].path);
}

/// Text wrapped around a box: our raster and poppler agree over the whole text frame, and
/// neither shows ink inside the wrap (the box grown by its offset).
#[test]
fn text_wrapped_around_a_box_draws_the_same_in_our_raster_and_in_poppler() {
    let mut boxed = frame(
        "box",
        [120.0, 160.0, 120.0, 100.0],
        FrameKind::Box {
            fill: None,
            stroke: Some(Stroke {
                weight: Length::Pt(1.0),
                color: Color::BLACK,
                style: RuleStyle::Solid,
            }),
        },
    );
    boxed.wrap = Some(broadsheet::model::Wrap {
        offset: Length::Pt(6.0),
    });
    let text = frame(
        "text",
        [40.0, 100.0, 240.0, 260.0],
        FrameKind::Text {
            columns: 2,
            gutter: None,
            balance: false,
            tint: None,
            inset: None,
        },
    );
    let e = edition(vec![text, boxed], Some("text"));
    e.validate().unwrap();
    let (layout, a, b) = both(&e, &Origin::Bundled);
    // Text is set around the box, not under it: no body run starts inside the wrap.
    let inside = |x: f32, y: f32| (114.0..246.0).contains(&x) && (154.0..266.0).contains(&y);
    assert!(
        layout.pages[0]
            .runs()
            .filter(|r| r.role == TextRole::Body)
            .all(|r| !inside(r.origin.x, r.origin.y)),
        "a body line starts inside the wrap"
    );
    assert!(
        layout.pages[0]
            .runs()
            .any(|r| r.role == TextRole::Body && r.origin.y > 270.0),
        "the text goes on below the box"
    );
    agree_blocks(&a, &b, [40, 100, 240, 260], "wrapped text frame");
    // Inside the box (within its 1 pt border) both images are blank paper.
    for img in [&a, &b] {
        for y in 164..256 {
            for x in 124..236 {
                assert!(img.grey(x, y) > 200, "ink at ({x}, {y}) inside the wrap");
            }
        }
    }
}
