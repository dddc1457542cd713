//! Vertical setting (竖排) of headline and text frames, laid out with the bundled fonts: columns
//! read top to bottom from the frame's right, the fonts' vertical forms, numbers across one
//! cell, the clreq prohibitions down a column, and the `vertical` field in layout files.

use broadsheet::layout::{EditionLayout, Layouter, PageLayout, Point, RunDirection, TextRole};
use broadsheet::model::{Edition, FrameId, FrameKind, Rect, io};
use broadsheet::resources::{Assets, Origin, Resources};
use broadsheet::{bundle, model};
use skrifa::MetadataProvider as _;

const HEAD: &str = "p1-civility-head";
const BODY: &str = "p1-civility-body";

fn lay(edition: &Edition, assets: &Assets) -> EditionLayout {
    Layouter::new().layout(edition, assets)
}

fn frame_mut<'a>(e: &'a mut Edition, id: &str) -> &'a mut model::Frame {
    e.pages
        .iter_mut()
        .flat_map(|p| p.frames.iter_mut())
        .find(|f| f.id.as_str() == id)
        .expect("the sample has the frame")
}

/// The sample with the civility story's headline frame made a tall narrow vertical one at the
/// right of its section (its body beside it), and `headline` as the story's headline.
fn vertical_headline(headline: &str) -> Edition {
    let mut e = bundle::sample();
    let story = e
        .stories
        .iter_mut()
        .find(|s| s.id.as_str() == "civility")
        .unwrap();
    story.headline = headline.into();
    let head = frame_mut(&mut e, HEAD);
    let r = head.rect;
    head.rect = Rect::new(r.right().0 - 140.0, r.y.0, 140.0, 225.0);
    head.vertical = true;
    let body = frame_mut(&mut e, BODY);
    body.rect = Rect::new(r.x.0, r.y.0, r.w.0 - 150.0, 225.0);
    e.validate().expect("still a valid edition");
    e
}

/// One character as placed: its glyph's id, the page point its outline is drawn from, its
/// cell, and how its run stands.
#[derive(Clone, Copy, Debug)]
struct Placed {
    c: char,
    id: u16,
    font: broadsheet::text::FontId,
    size: f32,
    at: Point,
    cell: Rect,
    direction: RunDirection,
}

impl Placed {
    /// The centre line of the cell across the column.
    fn column(&self) -> f32 {
        self.cell.x.0 + self.cell.w.0 / 2.0
    }
}

/// The characters of `frame`'s runs in `role`, in display-list order (one per cluster).
fn placed(page: &PageLayout, frame: &str, role: TextRole) -> Vec<Placed> {
    let mut out = Vec::new();
    for run in page
        .runs()
        .filter(|r| r.frame.as_str() == frame && r.role == role)
    {
        let mut last = None;
        for (cell, g) in run.glyph_boxes() {
            if last == Some(g.cluster) {
                continue;
            }
            last = Some(g.cluster);
            let at = run
                .glyph_origins()
                .find(|(_, h)| std::ptr::eq(*h, g))
                .unwrap()
                .0;
            out.push(Placed {
                c: run.text[g.cluster as usize..].chars().next().unwrap(),
                id: g.id,
                font: run.font,
                size: run.size,
                at,
                cell,
                direction: run.direction,
            });
        }
    }
    out
}

/// The characters grouped into columns, in reading order.
fn columns(chars: &[Placed]) -> Vec<Vec<Placed>> {
    let mut out: Vec<Vec<Placed>> = Vec::new();
    for p in chars {
        match out.last_mut() {
            Some(col) if (col[0].column() - p.column()).abs() < 1.0 => col.push(*p),
            _ => out.push(vec![*p]),
        }
    }
    out
}

#[test]
fn a_vertical_headline_reads_down_its_columns_from_the_right() {
    let assets = Assets::bundled(Origin::Bundled);
    let text = "「十四五」规划：Turbo发布，12月上线";
    let laid = lay(&vertical_headline(text), &assets);
    let page = &laid.pages[0];
    let head = placed(page, HEAD, TextRole::Headline);
    let shown: String = head.iter().map(|p| p.c).collect();
    assert_eq!(shown, text, "every character once, in reading order");
    let cols = columns(&head);
    assert!(cols.len() >= 2, "{} columns", cols.len());
    let frame = page
        .items
        .iter()
        .find_map(|i| match i {
            broadsheet::layout::Item::Frame(f) if f.frame.as_str() == HEAD => Some(f.rect),
            _ => None,
        })
        .unwrap();
    for (i, col) in cols.iter().enumerate() {
        // Top to bottom within the frame: each cell at or below the one before.
        for w in col.windows(2) {
            assert!(w[1].cell.y.0 >= w[0].cell.y.0 - 0.01, "{col:?}");
        }
        // The ink stays in the frame (a column-top 「 gives up its empty upper half, so its
        // cell may start above the frame).
        assert!(ink(&assets, &col[0]).y.0 >= frame.y.0 - 0.01);
        assert!(ink(&assets, col.last().unwrap()).bottom().0 <= frame.bottom().0 + 0.01);
        // Each next column a leading (30 pt for the headline style) to the left.
        if let Some(next) = cols.get(i + 1) {
            let step = col[0].column() - next[0].column();
            assert!((step - 30.0).abs() < 0.01, "columns {step} pt apart");
        }
    }
    // The kicker's column is the rightmost, then the headline's, then the byline's.
    let kicker = placed(page, HEAD, TextRole::Kicker);
    let byline = placed(page, HEAD, TextRole::Byline);
    assert!(kicker[0].column() > cols[0][0].column());
    assert!(byline[0].column() < cols.last().unwrap()[0].column());
    assert!(kicker[0].column() <= frame.right().0);
}

/// Where a glyph's ink is, from the font's outline bounds, in page points.
fn ink(assets: &Assets, p: &Placed) -> Rect {
    let face = assets.fonts().face(p.font);
    let f = face.font_ref();
    let metrics = f.glyph_metrics(
        skrifa::instance::Size::unscaled(),
        skrifa::instance::LocationRef::default(),
    );
    let b = metrics
        .bounds(skrifa::GlyphId::new(u32::from(p.id)))
        .expect("the glyph has an outline");
    let s = p.size / f32::from(face.units_per_em);
    Rect::new(
        p.at.x + b.x_min * s,
        p.at.y - b.y_max * s,
        (b.x_max - b.x_min) * s,
        (b.y_max - b.y_min) * s,
    )
}

#[test]
fn the_comma_and_corner_brackets_take_their_vertical_forms_in_the_top_right_and_bottom() {
    let assets = Assets::bundled(Origin::Bundled);
    let text = "「十四五」规划，今日上线";
    let vertical = lay(&vertical_headline(text), &assets);
    let mut flat = vertical_headline(text);
    frame_mut(&mut flat, HEAD).vertical = false;
    let horizontal = lay(&flat, &assets);
    let v = placed(&vertical.pages[0], HEAD, TextRole::Headline);
    let h = placed(&horizontal.pages[0], HEAD, TextRole::Headline);
    assert!(h.iter().all(|p| p.direction == RunDirection::Horizontal));
    let find = |list: &[Placed], c: char| *list.iter().find(|p| p.c == c).unwrap();
    for c in ['，', '「', '」'] {
        let (pv, ph) = (find(&v, c), find(&h, c));
        assert_eq!(pv.direction, RunDirection::Vertical);
        assert_ne!(pv.id, ph.id, "{c} has its vertical form (vert)");
    }
    // The vertical comma sits in the top right of its cell, as GB/T 15834 sets it.
    let comma = find(&v, '，');
    let mark = ink(&assets, &comma);
    let (cx, cy) = (
        comma.cell.x.0 + comma.cell.w.0 / 2.0,
        comma.cell.y.0 + comma.size / 2.0,
    );
    assert!(
        mark.x.0 > cx && mark.bottom().0 < cy,
        "{mark:?} in {comma:?}"
    );
    // The opening bracket, turned to ﹁, is a stroke across the column above the text it
    // opens: wider than tall, and its ink ends above the next character's cell.
    let open = find(&v, '「');
    let bracket = ink(&assets, &open);
    assert!(bracket.w.0 > bracket.h.0, "{bracket:?}");
    let next = find(&v, '十');
    assert!(
        bracket.bottom().0 <= next.cell.y.0 + 0.5,
        "{bracket:?} {next:?}"
    );
}

#[test]
fn two_digits_stand_upright_side_by_side_in_one_cell_and_latin_turns_sideways() {
    let assets = Assets::bundled(Origin::Bundled);
    let laid = lay(&vertical_headline("新版12月上线Turbo"), &assets);
    let head = placed(&laid.pages[0], HEAD, TextRole::Headline);
    let at = |c: char| *head.iter().find(|p| p.c == c).unwrap();
    let (one, two, month) = (at('1'), at('2'), at('月'));
    for d in [one, two] {
        assert_eq!(d.direction, RunDirection::Vertical, "upright");
    }
    assert!((one.at.y - two.at.y).abs() < 0.01, "one baseline across");
    assert!(two.at.x > one.at.x + one.size * 0.3, "side by side");
    // Centred across the column, and the pair takes one cell: 月 follows an em below.
    let (left, right) = (ink(&assets, &one), ink(&assets, &two));
    let middle = (left.x.0 + right.right().0) / 2.0;
    assert!(
        (middle - one.column()).abs() < one.size * 0.1,
        "{middle} vs {}",
        one.column()
    );
    assert!((month.cell.y.0 - (one.cell.y.0 + one.size)).abs() < 0.5);
    for c in "Turbo".chars() {
        assert_eq!(at(c).direction, RunDirection::Rotated, "{c}");
    }
}

#[test]
fn no_column_starts_with_a_closing_mark_or_ends_with_an_opening_one() {
    let assets = Assets::bundled(Origin::Bundled);
    let text = "他说：“好。”我们（三人）答：“是，走！”「再见」，《报》、《刊》。";
    let never_start = "、。，：；？！”」』）》";
    let never_end = "“「『（《";
    let mut e = vertical_headline(text);
    let mut checked = 0;
    // From 3 to 12 characters a column: every break the text can have somewhere.
    for chars in 3..=12 {
        let head = frame_mut(&mut e, HEAD);
        head.rect.h = model::Pt(22.0 * chars as f32 + 0.5);
        head.rect.w = model::Pt(400.0);
        let laid = lay(&e, &assets);
        let cols = columns(&placed(&laid.pages[0], HEAD, TextRole::Headline));
        for col in &cols {
            let (first, last) = (col[0].c, col.last().unwrap().c);
            assert!(!never_start.contains(first), "a column starts with {first}");
            assert!(!never_end.contains(last), "a column ends with {last}");
        }
        checked += cols.len();
    }
    assert!(checked > 40, "{checked} columns checked");
}

#[test]
fn a_vertical_text_frame_sets_its_story_in_columns_from_the_right_and_counts_them() {
    let assets = Assets::bundled(Origin::Bundled);
    let mut e = bundle::sample();
    let body = frame_mut(&mut e, BODY);
    body.vertical = true;
    // Thirteen columns: far too few for the story.
    body.rect.w = model::Pt(200.0);
    body.kind = FrameKind::Text {
        columns: 1,
        gutter: None,
        balance: false,
        tint: None,
        inset: None,
    };
    let rect = body.rect;
    let laid = lay(&e, &assets);
    let chars = placed(&laid.pages[0], BODY, TextRole::Body);
    assert!(
        chars
            .iter()
            .all(|p| p.direction != RunDirection::Horizontal)
    );
    let cols = columns(&chars);
    // The first column at the frame's right, indented 2 字 from its top; each next one a
    // body leading (15 pt) to the left.
    let first = &cols[0][0];
    assert!((first.column() - (rect.right().0 - 7.5)).abs() < 0.01);
    assert!((first.cell.y.0 - (rect.y.0 + 2.0 * first.size)).abs() < 0.01);
    for w in cols.windows(2) {
        assert!((w[0][0].column() - w[1][0].column() - 15.0).abs() < 0.01);
    }
    let fit = laid
        .fits
        .iter()
        .find(|f| f.story.as_str() == "civility")
        .unwrap();
    let across = (rect.w.0 / 15.0 + 0.01).floor() as i32;
    // Every column is used and the rest is over.
    assert_eq!(fit.lines_set as i32, across);
    assert_eq!(cols.len() as i32, across);
    assert!(fit.lines_over > 0);
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.code == "overset"
                && d.story.as_ref().is_some_and(|s| s.as_str() == "civility"))
    );
    // Read back in order, the columns hold the story's first paragraphs as written.
    let shown: String = chars.iter().map(|p| p.c).collect();
    let story = e.story(&"civility".into()).unwrap();
    let written: String = story.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        written
            .replace(' ', "")
            .starts_with(&shown.replace(' ', ""))
    );
}

#[test]
fn a_thread_that_mixes_vertical_and_horizontal_frames_is_flagged() {
    let assets = Assets::bundled(Origin::Bundled);
    let mut e = bundle::sample();
    frame_mut(&mut e, "p2-lead-body").vertical = true;
    let laid = lay(&e, &assets);
    let d = laid
        .diagnostics
        .iter()
        .find(|d| d.code == "mixed-orientation")
        .expect("a warning");
    assert_eq!(d.frame, Some(FrameId::new("p2-lead-body")));
    // Set the way the thread starts: horizontally.
    let p2 = &laid.pages[1];
    assert!(
        p2.runs()
            .filter(|r| r.frame.as_str() == "p2-lead-body")
            .all(|r| r.direction.is_horizontal())
    );
}

#[test]
fn a_vertical_frame_round_trips_and_frames_that_are_not_write_nothing() {
    let e = vertical_headline("河西区持续深化文明城区建设");
    let text = io::to_string(&e);
    assert_eq!(
        text.matches("vertical: true").count(),
        2,
        "only this frame and the sample's own 竖题"
    );
    assert!(!text.contains("vertical: false"));
    assert_eq!(
        bundle::SAMPLE.matches("vertical").count(),
        1,
        "the sample has one: the heating story's headline"
    );
    assert_eq!(io::from_str(&text, "vertical.ron").unwrap(), e);
}

#[test]
fn a_vertical_rule_is_refused_at_its_vertical_field() {
    let text = bundle::SAMPLE;
    let rule = text.find("id: \"p1-rule-h1\"").unwrap();
    let end = rule + text[rule..].find("\n        ),").unwrap();
    let broken = format!(
        "{}\n          vertical: true,{}",
        &text[..end],
        &text[end..]
    );
    let err = io::from_str(&broken, "broken.ron").expect_err("a rule cannot be vertical");
    assert!(
        err.to_string()
            .contains("only headline and text frames can be vertical"),
        "{err}"
    );
    let at = broken.find("vertical: true").unwrap();
    assert_eq!(
        err.position().map(|p| p.0),
        Some(broken[..at].matches('\n').count() + 1),
        "{err}"
    );
}
