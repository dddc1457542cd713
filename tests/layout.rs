//! Page layout of the sample edition: text flows completely and in order, jumps pair up and
//! follow page moves, columns and baselines line up, and edits recompose only what they touch.

use broadsheet::layout::{EditionLayout, Item, Layouter, PlacedRun, TextRole};
use broadsheet::model::{Edition, Severity};
use broadsheet::resources::{Assets, Origin};
use broadsheet::text::FontBook;
use broadsheet::{bundle, import, sample};

fn lay(edition: &Edition) -> EditionLayout {
    Layouter::new().layout(edition, &Assets::bundled(Origin::Bundled))
}

fn runs<'a>(layout: &'a EditionLayout, story: &str, role: TextRole) -> Vec<(usize, &'a PlacedRun)> {
    layout
        .pages
        .iter()
        .flat_map(|p| p.runs().map(move |r| (p.index, r)))
        .filter(|(_, r)| r.role == role && r.story.as_ref().is_some_and(|s| s.as_str() == story))
        .collect()
}

#[test]
fn the_sample_has_no_errors_and_no_overset() {
    let laid = lay(&bundle::sample());
    let errors: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for fit in &laid.fits {
        assert!(
            fit.lines_over <= 0,
            "{} is overset: {}",
            fit.story,
            fit.badge()
        );
    }
}

#[test]
fn every_story_reads_back_as_imported_in_thread_order() {
    let edition = bundle::sample();
    let laid = lay(&edition);
    let articles = import::plain::parse(sample::ARTICLES);
    for (story, article) in edition.stories.iter().zip(&articles) {
        if story.paragraphs.is_empty() {
            continue;
        }
        let shown: String = runs(&laid, story.id.as_str(), TextRole::Body)
            .iter()
            .map(|(_, r)| &*r.text)
            .collect();
        let imported: String = article.paragraphs.concat();
        // Spaces at line breaks are dropped by composition; nothing else may differ.
        assert_eq!(
            shown.replace(' ', ""),
            imported.replace(' ', ""),
            "story {}",
            story.id
        );
    }
}

#[test]
fn jump_lines_pair_up_and_follow_the_pages_when_they_are_reordered() {
    let mut edition = bundle::sample();
    let laid = lay(&edition);
    let to = runs(&laid, "lead", TextRole::JumpTo);
    let from = runs(&laid, "lead", TextRole::JumpFrom);
    assert_eq!(to.len(), 1);
    assert_eq!(from.len(), 1);
    assert_eq!((to[0].0, to[0].1.text.as_ref()), (0, "（下转第2版）"));
    assert_eq!((from[0].0, from[0].1.text.as_ref()), (1, "（上接第1版）"));

    edition.pages.swap(0, 1);
    let laid = lay(&edition);
    let to = runs(&laid, "lead", TextRole::JumpTo);
    let from = runs(&laid, "lead", TextRole::JumpFrom);
    assert_eq!((to[0].0, to[0].1.text.as_ref()), (1, "（下转第1版）"));
    assert_eq!((from[0].0, from[0].1.text.as_ref()), (0, "（上接第2版）"));
}

#[test]
fn no_frames_overlap_and_all_sit_inside_the_trim() {
    let edition = bundle::sample();
    let laid = lay(&edition);
    assert!(
        !laid
            .diagnostics
            .iter()
            .any(|d| d.code == "overlap" || d.code == "outside-trim")
    );
    for page in &edition.pages {
        for (i, a) in page.frames.iter().enumerate() {
            for b in &page.frames[i + 1..] {
                // Rules may cross each other; nothing else may share space.
                let rules = [a, b]
                    .iter()
                    .all(|f| matches!(f.kind, broadsheet::model::FrameKind::Rule { .. }));
                assert!(
                    rules || !a.rect.overlaps(&b.rect),
                    "{} overlaps {}",
                    a.id,
                    b.id
                );
            }
        }
    }
    // And preflight does catch an overlap.
    let mut broken = edition.clone();
    let r = broken.pages[0].frames[0].rect;
    broken.pages[0].frames[1].rect.y = r.y;
    let laid = lay(&broken);
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.code == "overlap" && d.severity == Severity::Error)
    );
}

#[test]
fn columns_are_read_top_to_bottom_then_left_to_right_and_baselines_align() {
    let laid = lay(&bundle::sample());
    let lines = runs(&laid, "heating", TextRole::Body);
    // Flow order is column order: x never decreases, and within a column y increases.
    let mut columns: Vec<Vec<f32>> = Vec::new();
    let mut last_x = f32::MIN;
    for (_, r) in &lines {
        let x = r.origin.x;
        if (x - last_x).abs() > 30.0 {
            assert!(x > last_x, "a column starts left of the one before");
            columns.push(Vec::new());
            last_x = x;
        }
        let col = columns.last_mut().unwrap();
        if let Some(&prev) = col.last() {
            assert!(r.origin.y > prev, "lines within a column go down");
        }
        col.push(r.origin.y);
    }
    assert_eq!(columns.len(), 3, "the heating frame has three columns");
    // Column 2 starts at the top, level with column 1: the line after column 1's last.
    assert_eq!(columns[0][0], columns[1][0]);
    // Baselines of neighbouring columns and neighbouring stories sit on one grid.
    let grid = |y: f32| ((y - columns[0][0]) / 15.0).fract().abs();
    for (_, r) in runs(&laid, "pocket-parks", TextRole::Body)
        .iter()
        .chain(&lines)
    {
        let f = grid(r.origin.y);
        assert!(
            !(0.001..=0.999).contains(&f),
            "baseline {} is off the grid",
            r.origin.y
        );
    }
}

#[test]
fn the_folio_shows_each_pages_label() {
    let laid = lay(&bundle::sample());
    for (i, page) in laid.pages.iter().enumerate() {
        let folio: String = page
            .runs()
            .filter(|r| r.role == TextRole::Folio)
            .map(|r| &*r.text)
            .collect();
        assert!(
            folio.contains(&format!("第{}版", i + 1)),
            "page {i}: {folio}"
        );
        assert!(folio.contains("河西新闻"));
    }
}

#[test]
fn overset_is_counted_never_dropped() {
    let mut edition = bundle::sample();
    let frame = edition.frame_mut(&"p1-civility-body".into()).unwrap();
    frame.rect.h.0 -= 15.0 * 2.0; // two rows of six columns shorter: 48 places for 57 lines
    let laid = lay(&edition);
    let fit = laid
        .fits
        .iter()
        .find(|f| f.story.as_str() == "civility")
        .unwrap();
    assert_eq!(fit.lines_over, 9, "57 lines in 48 places: {}", fit.badge());
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.code == "overset" && d.message.starts_with("+9 lines"))
    );
}

#[test]
fn editing_one_story_recomposes_only_that_story() {
    let mut edition = bundle::sample();
    let layouter = Layouter::new();
    let assets = Assets::bundled(Origin::Bundled);
    layouter.layout(&edition, &assets);
    assert_eq!(
        layouter
            .last_recomposed
            .load(std::sync::atomic::Ordering::Relaxed),
        edition.stories.len()
    );
    edition.story_mut(&"heating".into()).unwrap().paragraphs[0]
        .text
        .push_str("新增一句。");
    let laid = layouter.layout(&edition, &assets);
    assert_eq!(
        layouter
            .last_recomposed
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    let text: String = runs(&laid, "heating", TextRole::Body)
        .iter()
        .map(|(_, r)| &*r.text)
        .collect();
    assert!(text.contains("新增一句。"));
    // The cached pieces add up to exactly what a fresh layout gives, headline edits included.
    edition.story_mut(&"heating".into()).unwrap().headline = "让市民温暖过一冬".into();
    let incremental = layouter.layout(&edition, &assets);
    assert_eq!(incremental.pages, lay(&edition).pages);
    let heads: String = runs(&incremental, "heating", TextRole::Headline)
        .iter()
        .map(|(_, r)| &*r.text)
        .collect();
    assert_eq!(heads, "让市民温暖过一冬");
}

#[test]
fn a_missing_photo_prints_a_placeholder_and_warns() {
    let mut edition = bundle::sample();
    edition.photos[0].path = "nowhere.jpg".into();
    let laid = lay(&edition);
    assert!(laid.diagnostics.iter().any(|d| d.code == "missing-photo"));
    let page = &laid.pages[0];
    assert!(
        page.items
            .iter()
            .any(|i| matches!(i, Item::Image(img) if img.missing))
    );
    assert!(page.items.iter().any(|i| matches!(i, Item::Rect(_))));
}

/// The sample with a subhead (小标题) as the heating story's second paragraph, its frame
/// (on page 2) four lines deeper to make room for it.
fn with_subhead(text: &str) -> Edition {
    let mut e = deeper_heating();
    e.styles.paragraph.push(sample::subhead());
    let s = e.story_mut(&"heating".into()).unwrap();
    s.paragraphs
        .insert(1, broadsheet::model::BodyParagraph::styled("subhead", text));
    e
}

/// The sample with the heating story's frame four lines deeper than it needs.
fn deeper_heating() -> Edition {
    let mut e = bundle::sample();
    e.frame_mut(&"p2-heating-body".into()).unwrap().rect.h.0 += 60.0;
    e
}

#[test]
fn a_subhead_is_set_in_its_own_style_on_whole_grid_lines() {
    let plain = lay(&deeper_heating());
    let e = with_subhead("供热管网改造");
    let laid = lay(&e);
    let body = runs(&laid, "heating", TextRole::Body);
    let head: Vec<_> = body
        .iter()
        .filter(|(_, r)| &*r.text == "供热管网改造")
        .collect();
    assert_eq!(head.len(), 1, "the subhead is one run");
    let (_, head) = head[0];
    assert_eq!(head.size, 12.0, "小四, the subhead's size");
    let book = &FontBook::bundled();
    assert!(book.face(head.font).bold, "the subhead's bold face");
    // Body lines before and after it stay on the page's 15 pt grid; the subhead takes two lines.
    let t = e.template(&e.pages[0].template).unwrap();
    let grid = t.baseline.pt().0;
    let plain_lines = |l: &EditionLayout| {
        let mut ys: Vec<(i64, i64)> = runs(l, "heating", TextRole::Body)
            .iter()
            .filter(|(_, r)| r.size == 10.5)
            .map(|(_, r)| ((r.origin.x * 10.0) as i64, (r.origin.y * 100.0) as i64))
            .collect();
        ys.dedup();
        ys
    };
    let first = plain_lines(&laid)[0].1 as f32 / 100.0;
    for (_, y) in plain_lines(&laid) {
        let k = (y as f32 / 100.0 - first) / grid;
        assert!((k - k.round()).abs() < 0.01, "a body line left the grid");
    }
    let fit = |l: &EditionLayout| {
        l.fits
            .iter()
            .find(|f| f.story.as_str() == "heating")
            .unwrap()
            .lines_set
    };
    assert_eq!(
        fit(&laid),
        fit(&plain) + 2,
        "a subhead takes two grid lines"
    );
    // Between the body line above it and the one below there are three grid steps.
    let above = body
        .iter()
        .filter(|(_, r)| {
            r.size == 10.5
                && r.origin.y < head.origin.y
                && (r.origin.x - head.origin.x).abs() < 40.0
        })
        .map(|(_, r)| r.origin.y)
        .fold(f32::MIN, f32::max);
    let below = body
        .iter()
        .filter(|(_, r)| {
            r.size == 10.5
                && r.origin.y > head.origin.y
                && (r.origin.x - head.origin.x).abs() < 40.0
        })
        .map(|(_, r)| r.origin.y)
        .fold(f32::MAX, f32::min);
    assert!(
        ((below - above) / grid - 3.0).abs() < 0.01,
        "{above} → {below}"
    );
}

#[test]
fn a_subhead_never_splits_across_columns() {
    // A long subhead in a narrow story: every line of it lands in one column.
    let e = with_subhead("供热管网改造工程全面完成，老旧小区居民温暖过冬有保障");
    let laid = lay(&e);
    let xs: Vec<f32> = runs(&laid, "heating", TextRole::Body)
        .iter()
        .filter(|(_, r)| r.size == 12.0)
        .map(|(_, r)| r.origin.x)
        .collect();
    assert!(xs.len() >= 2, "the subhead wraps");
    assert!(xs.windows(2).all(|w| (w[0] - w[1]).abs() < 20.0), "{xs:?}");
}

#[test]
fn an_unknown_font_in_a_paragraph_style_is_a_diagnostic_not_a_panic() {
    let mut e = with_subhead("供热管网改造");
    let s = e
        .styles
        .paragraph
        .iter_mut()
        .find(|s| s.id.as_str() == "subhead")
        .unwrap();
    s.font.family = "Founder Hei".into();
    let laid = lay(&e);
    let d: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-font")
        .collect();
    // One warning for the family, naming the page the story that sets it is on.
    assert_eq!(d.len(), 1, "{:?}", laid.diagnostics);
    assert_eq!(d[0].severity, broadsheet::model::Severity::Warning);
    assert!(d[0].message.contains("Founder Hei"), "{}", d[0].message);
    assert!(d[0].message.contains("on page 2"), "{}", d[0].message);
    assert_eq!(d[0].page.as_deref(), Some("2"));
    let font = &e.styles.paragraph.last().unwrap().font;
    assert!(FontBook::bundled().check_spec(font).is_err());
}

/// Fit width: the photo spans the frame's width from its top, whatever its height.
#[test]
fn a_photo_set_to_fit_width_spans_the_frame_from_its_top() {
    use broadsheet::model::{Fit, FrameId, FrameKind};
    let mut e = bundle::sample();
    let id = FrameId::new("p1-taihuli-photo");
    let frame = e.frame_mut(&id).unwrap();
    let rect = frame.rect;
    if let FrameKind::Photo { fit, .. } = &mut frame.kind {
        *fit = Fit::FitWidth;
    }
    let layout = lay(&e);
    let image = layout.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Image(img) if img.frame == id => Some(img.clone()),
            _ => None,
        })
        .expect("the photo is laid out");
    assert!(
        (image.placement.w.0 - rect.w.0).abs() < 0.01,
        "{:?}",
        image.placement
    );
    assert!(
        (image.placement.y.0 - rect.y.0).abs() < 0.01,
        "{:?}",
        image.placement
    );
    assert!(
        (image.clip.w.0 - rect.w.0).abs() < 0.01,
        "nothing cut at the sides"
    );
}

/// The bundled 楷体: the same bytes as `fonts/`, loaded by the book under the name its subset was
/// renamed to, covering every hanzi the Noto subsets have, and setting every kicker (引题) and
/// caption of the sample by itself: no fallback face, no missing glyph.
#[test]
fn the_kai_face_is_bundled_and_sets_every_kicker_and_caption_of_the_sample() {
    use broadsheet::model::{FontSpec, Weight};
    use skrifa::MetadataProvider as _;
    use skrifa::string::StringId;

    let bundled = bundle::FONTS
        .iter()
        .find(|f| f.family == sample::KAI_FAMILY)
        .expect("the 楷体 is in bundle::FONTS");
    assert_eq!(bundled.file, "BroadsheetWenKai-Regular.ttf");
    assert!(!bundled.bold && !bundled.italic);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fonts")
        .join(bundled.file);
    assert!(
        std::fs::read(&path).unwrap() == bundled.data,
        "{} differs from the compiled-in copy",
        path.display()
    );

    let book = FontBook::bundled();
    let spec = FontSpec::new(sample::KAI_FAMILY, Weight::Regular);
    let kai = book.find(&spec).expect("the book loads the 楷体");
    let face = book.face(kai);
    assert_eq!(face.file, bundled.file);
    assert!(face.is_cjk());
    let font = face.font_ref();
    assert!(
        font.table_data(skrifa::Tag::new(b"glyf")).is_some(),
        "TrueType outlines, as in the source"
    );
    let name = |id| {
        font.localized_strings(id)
            .english_or_first()
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    assert_eq!(name(StringId::FAMILY_NAME), sample::KAI_FAMILY);
    assert_eq!(name(StringId::POSTSCRIPT_NAME), "BroadsheetWenKai-Regular");
    // "LXGW" and "霞鹜" are Reserved Font Names: a subset (a Modified Version under the OFL) may
    // not be presented by them, in any language. The copyright notice keeps them.
    for id in [1, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25] {
        for s in font.localized_strings(StringId::new(id)) {
            let s = s.to_string();
            assert!(
                !s.contains("LXGW") && !s.contains("霞鹜"),
                "name ID {id}: {s}"
            );
        }
    }
    assert!(name(StringId::COPYRIGHT_NOTICE).contains("LXGW"));

    // The same character set as the Noto subsets (GB 2312 and the 通用规范汉字表).
    let noto = book.face(
        book.find(&FontSpec {
            family: "Noto Serif SC".into(),
            ..spec.clone()
        })
        .unwrap(),
    );
    let hanzi: Vec<char> = noto
        .font_ref()
        .charmap()
        .mappings()
        .filter_map(|(c, _)| char::from_u32(c))
        .filter(|c| matches!(*c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x3134F))
        .collect();
    // At least the 8,105 of the 通用规范汉字表, some of them outside the basic block.
    assert!(hanzi.len() >= 8_105, "{}", hanzi.len());
    let lacking: String = hanzi.iter().filter(|c| !face.has(**c)).collect();
    assert!(lacking.is_empty(), "hanzi the 楷体 lacks: {lacking}");

    // Every character of the customer's kickers and captions is in the face itself.
    let articles = import::plain::parse(sample::ARTICLES);
    let texts: Vec<&str> = articles
        .iter()
        .flat_map(|a| [a.kicker.as_str(), a.caption.as_str()])
        .filter(|t| !t.is_empty())
        .collect();
    assert!(texts.len() >= 6, "{texts:?}");
    let lacking: String = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace() && !face.has(*c))
        .collect();
    assert!(lacking.is_empty(), "not in the 楷体: {lacking}");

    // The sample's kicker and caption styles name it, in the RON file and in the generators.
    let edition = bundle::sample();
    for id in ["kicker", "caption"] {
        let style = edition
            .styles
            .paragraph
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap();
        assert_eq!(style.font, spec, "{id}");
    }
    assert_eq!(sample::generated(2).styles, edition.styles);

    // Laid out, every kicker and caption run is in the 楷体, and all of them are there.
    let laid = lay(&edition);
    let missing: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-glyph")
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    let mut shown = String::new();
    for page in &laid.pages {
        for r in page.runs() {
            if matches!(r.role, TextRole::Kicker | TextRole::Caption) {
                assert_eq!(
                    r.font,
                    kai,
                    "{:?} {:?} set in {}",
                    r.role,
                    r.text,
                    book.face(r.font).family
                );
                shown.push_str(&r.text);
            }
        }
    }
    let shown: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
    for t in texts {
        let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(shown.contains(&t), "not laid out in the 楷体: {t}");
    }
}
