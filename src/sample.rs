//! The sample edition: the customer's real page (河西新闻) on a 对开 page, with the lead story
//! continuing on page 2. `broadsheet sample-edition` writes it; `layouts/hexi-news.ron` is its
//! output, committed so designers can open and edit it like any other layout.

use crate::import;
use crate::model::{
    Align, Color, Crop, Edition, FORMAT_VERSION, Figures, Fit, FontSize, FontSpec, Frame, FrameId,
    FrameKind, JumpTemplate, Lang, Length, Page, PageId, PageTemplate, ParagraphStyle, Photo,
    PhotoId, Prohibition, Punctuation, Rect, RoleStyles, Section, SectionId, StoryId, StyleId,
    Styles, TemplateId, Weight,
};

/// The bundled 楷体 (LXGW WenKai Regular, subset and renamed; see `fonts/README.md`).
pub const KAI_FAMILY: &str = "Broadsheet WenKai";

/// The customer's articles, as extracted from their printed page.
pub const ARTICLES: &str = include_str!("../assets/articles/hexi-news-page.txt");

/// IDs of the sample's stories, in the order the articles appear in the source (the lead first,
/// the order a desk might rank them in).
pub const STORY_IDS: [&str; 7] = [
    "lead",
    "civility",
    "heating",
    "fire-safety",
    "pocket-parks",
    "taihuli",
    "family-school",
];

/// A package's place on the grid: first column, column span, first line, and height in lines of
/// the body leading. The page is 8 columns by 92 lines.
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    pub col: u8,
    pub span: u8,
    pub line: u16,
    pub lines: u16,
}

fn style(id: &str, family: &str, weight: Weight, size: &str, leading: f32) -> ParagraphStyle {
    ParagraphStyle {
        id: StyleId::new(id),
        font: FontSpec::new(family, weight),
        size: size.parse::<FontSize>().expect("sample sizes are valid"),
        leading: Length::Pt(leading),
        indent_em: 0.0,
        align: Align::Left,
        color: Color::BLACK,
        prohibition: Prohibition::Basic,
        han_latin_space: true,
        space_before: Length::Pt(0.0),
        space_after: Length::Pt(0.0),
        tracking_em: 0.0,
        scale: 1.0,
        punctuation: Punctuation::default(),
        figures: Figures::default(),
    }
}

/// The sample's styles: Noto Serif SC body at 五号 on a 15 pt grid, Noto Sans SC Bold headlines
/// in three sizes,
/// and the 楷体 where a Chinese paper sets it: kickers (引题) and picture captions.
pub fn styles() -> Styles {
    const SERIF: &str = "Noto Serif SC";
    const SANS: &str = "Noto Sans SC";
    const KAI: &str = KAI_FAMILY;
    let centered = |mut s: ParagraphStyle| {
        s.align = Align::Center;
        s
    };
    let body = ParagraphStyle {
        indent_em: 2.0,
        align: Align::Justify,
        punctuation: Punctuation::NEWSPAPER,
        figures: Figures::Grid,
        ..style("body", SERIF, Weight::Regular, "五号", 15.0)
    };
    let body_en = ParagraphStyle {
        id: StyleId::new("body-en"),
        font: FontSpec::new("Source Serif 4", Weight::Regular),
        size: FontSize::Pt(9.5),
        indent_em: 1.0,
        figures: Figures::Proportional,
        ..body.clone()
    };
    let mut credit = style("credit", SANS, Weight::Regular, "六号", 11.0);
    credit.align = Align::Right;
    let mut jump = style("jump", SANS, Weight::Regular, "小五", 15.0);
    jump.align = Align::Right;
    Styles {
        paragraph: vec![
            body,
            body_en,
            centered(style("headline-lead", SANS, Weight::Bold, "小初", 46.0)),
            centered(style("headline", SANS, Weight::Bold, "二号", 30.0)),
            // For the page's smaller stories (版面方案 gives it from the fourth story down).
            centered(style("headline-small", SANS, Weight::Bold, "三号", 24.0)),
            centered(style("kicker", KAI, Weight::Regular, "四号", 20.0)),
            centered(style("deck", SERIF, Weight::Bold, "三号", 24.0)),
            centered(style("byline", SANS, Weight::Regular, "小五", 15.0)),
            style("caption", KAI, Weight::Regular, "小五", 13.0),
            credit,
            jump,
            style("folio", SANS, Weight::Regular, "小五", 12.0),
        ],
        character: Vec::new(),
    }
}

/// A subhead (小标题) for paragraphs inside a story's body: Noto Sans SC Bold at 小四, flush
/// left, on two lines of the 15 pt grid with a little space above.
pub fn subhead() -> ParagraphStyle {
    ParagraphStyle {
        space_before: Length::Pt(6.0),
        ..style("subhead", "Noto Sans SC", Weight::Bold, "小四", 18.0)
    }
}

/// The 对开 template the sample uses: 8 columns of 11 字 at 五号 on a 15 pt baseline grid.
pub fn template() -> PageTemplate {
    let mut t = PageTemplate::presets().remove(0);
    t.margins.inside = Length::Mm(19.0);
    t.margins.outside = Length::Mm(19.0);
    // Founder's way: columns of 11 字 at 五号; the gutters take the rest of the type area.
    t.column_chars = Some(crate::model::ColumnChars {
        chars: 11.0,
        size: FontSize::Named("五号".into()),
    });
    t.modules = 8;
    t
}

/// A frame on the grid cell `cell` of `t`'s recto type area.
pub fn frame(t: &PageTemplate, id: &str, cell: Cell, kind: FrameKind) -> Frame {
    let area = t.type_area(false);
    let lead = t.baseline.pt().0;
    let rect = Rect {
        x: t.column_x(cell.col, false),
        y: area.y + crate::model::Pt(lead * f32::from(cell.line)),
        w: t.span_width(cell.span),
        h: crate::model::Pt(lead * f32::from(cell.lines)),
    };
    Frame::new(FrameId::new(id), rect, kind)
}

/// A horizontal rule in the gap line above `line`, across `span` columns from `col`.
pub fn hrule(t: &PageTemplate, id: &str, col: u8, span: u8, line: u16) -> Frame {
    let mut f = frame(
        t,
        id,
        Cell {
            col,
            span,
            line,
            lines: 1,
        },
        rule(),
    );
    let lead = f.rect.h.0;
    f.rect.y.0 -= lead * 0.5 + 0.5;
    f.rect.h.0 = 1.0;
    f
}

/// A vertical rule centred in the gutter left of column `col`.
pub fn vrule(t: &PageTemplate, id: &str, col: u8, line: u16, lines: u16) -> Frame {
    let mut f = frame(
        t,
        id,
        Cell {
            col,
            span: 1,
            line,
            lines,
        },
        rule(),
    );
    f.rect.x.0 -= t.gutter_width().0 * 0.5 + 0.5;
    f.rect.w.0 = 1.0;
    f
}

fn rule() -> FrameKind {
    FrameKind::Rule {
        weight: Length::Pt(0.5),
        color: Color::BLACK,
        style: crate::model::RuleStyle::Solid,
    }
}

/// A headline frame for `story`.
pub fn headline(story: &str) -> FrameKind {
    FrameKind::Headline {
        story: StoryId::new(story),
        tint: None,
        inset: None,
    }
}

/// A balanced body text frame of `columns` columns.
pub fn text(columns: u8) -> FrameKind {
    FrameKind::Text {
        columns,
        gutter: None,
        balance: true,
        tint: None,
        inset: None,
    }
}

// Page 1's geometry in grid lines, as `broadsheet fit --page 1` left it: the lead's rows on
// page 1 (the rest continues on page 2), the photo's height, where the two wide stories
// start, and the pocket-park story's rows in the rail.
const LEAD_ROWS: u16 = 16;
const PHOTO_ROWS: u16 = 31;
const CIVILITY_LINE: u16 = 59;
const FIRE_LINE: u16 = 75;
const PARKS_ROWS: u16 = 38;
const LEAD_JUMP_ROWS: u16 = 9;
/// The heating story's depth on page 2: its three columns and its vertical headline.
const HEATING_ROWS: u16 = 17;

/// Builds the sample edition from the customer's articles.
pub fn edition() -> Edition {
    let t = template();
    let cell = |col, span, line, lines| Cell {
        col,
        span,
        line,
        lines,
    };
    let mut stories: Vec<_> = import::plain::parse(ARTICLES)
        .into_iter()
        .zip(STORY_IDS)
        .map(|(article, id)| article.into_story(StoryId::new(id)))
        .collect();
    let thread = |stories: &mut Vec<crate::model::Story>, id: &str, frames: &[&str]| {
        if let Some(s) = stories.iter_mut().find(|s| s.id.as_str() == id) {
            s.thread = frames.iter().map(|f| FrameId::new(*f)).collect();
        }
    };
    thread(&mut stories, "lead", &["p1-lead-body", "p2-lead-body"]);
    thread(&mut stories, "civility", &["p1-civility-body"]);
    thread(&mut stories, "heating", &["p2-heating-body"]);
    thread(&mut stories, "fire-safety", &["p1-fire-body"]);
    thread(&mut stories, "pocket-parks", &["p1-parks-body"]);
    thread(&mut stories, "family-school", &["p1-family-body"]);
    if let Some(s) = stories.iter_mut().find(|s| s.id.as_str() == "lead") {
        s.styles.headline = Some(StyleId::new("headline-lead"));
    }
    if let Some(s) = stories.iter_mut().find(|s| s.id.as_str() == "taihuli") {
        s.photo = Some(PhotoId::new("taihuli-street"));
    }

    // Page 1, fitted (`broadsheet fit --page 1`): no story leaves a hole or oversets.
    let page1 = vec![
        // Left block, six columns: the lead (continuing on page 2), the photo story across
        // all six, then two wide stories one above the other.
        frame(&t, "p1-lead-head", cell(0, 6, 0, 7), headline("lead")),
        frame(&t, "p1-lead-body", cell(0, 6, 7, LEAD_ROWS), text(6)),
        hrule(&t, "p1-rule-h1", 0, 6, 8 + LEAD_ROWS),
        frame(
            &t,
            "p1-taihuli-head",
            cell(0, 6, 8 + LEAD_ROWS, 3),
            headline("taihuli"),
        ),
        frame(
            &t,
            "p1-taihuli-photo",
            cell(0, 6, 11 + LEAD_ROWS, PHOTO_ROWS),
            FrameKind::Photo {
                photo: PhotoId::new("taihuli-street"),
                story: Some(StoryId::new("taihuli")),
                fit: Fit::Fill,
                crop: Crop::default(),
                caption_beside: None,
            },
        ),
        hrule(&t, "p1-rule-h2", 0, 6, CIVILITY_LINE),
        frame(
            &t,
            "p1-civility-head",
            cell(0, 6, CIVILITY_LINE, 5),
            headline("civility"),
        ),
        frame(
            &t,
            "p1-civility-body",
            cell(0, 6, CIVILITY_LINE + 5, FIRE_LINE - CIVILITY_LINE - 6),
            text(6),
        ),
        hrule(&t, "p1-rule-h3", 0, 6, FIRE_LINE),
        frame(
            &t,
            "p1-fire-head",
            cell(0, 6, FIRE_LINE, 5),
            headline("fire-safety"),
        ),
        frame(
            &t,
            "p1-fire-body",
            cell(0, 6, FIRE_LINE + 5, 92 - FIRE_LINE - 5),
            text(6),
        ),
        // Right rail: two columns down the page.
        vrule(&t, "p1-rule-v1", 6, 0, 92),
        frame(
            &t,
            "p1-parks-head",
            cell(6, 2, 0, 6),
            headline("pocket-parks"),
        ),
        frame(&t, "p1-parks-body", cell(6, 2, 6, PARKS_ROWS), text(2)),
        hrule(&t, "p1-rule-h4", 6, 2, 7 + PARKS_ROWS),
        frame(
            &t,
            "p1-family-head",
            cell(6, 2, 7 + PARKS_ROWS, 7),
            headline("family-school"),
        ),
        frame(
            &t,
            "p1-family-body",
            cell(6, 2, 14 + PARKS_ROWS, 92 - 14 - PARKS_ROWS),
            text(2),
        ),
    ];
    // Page 2: the lead's continuation beside the heating story, whose headline stands
    // vertically (竖题) at the left of its three columns, read before the text beside it.
    let mut heating_head = frame(
        &t,
        "p2-heating-head",
        cell(2, 1, 0, HEATING_ROWS),
        headline("heating"),
    );
    heating_head.vertical = true;
    let page2 = vec![
        frame(&t, "p2-lead-body", cell(0, 2, 0, LEAD_JUMP_ROWS), text(2)),
        vrule(&t, "p2-rule-v1", 2, 0, HEATING_ROWS),
        heating_head,
        frame(&t, "p2-heating-body", cell(3, 3, 0, HEATING_ROWS), text(3)),
    ];

    let mut e = Edition {
        stories,
        photos: vec![Photo {
            id: PhotoId::new("taihuli-street"),
            path: "../assets/coffee.jpg".into(),
            caption: String::new(),
            credit: String::new(),
        }],
        pages: vec![
            Page {
                id: PageId::new("p1"),
                template: TemplateId::new("duikai"),
                section: Some(SectionId::new("main")),
                title: "要闻".into(),
                frames: page1,
                status: Default::default(),
            },
            Page {
                id: PageId::new("p2"),
                template: TemplateId::new("duikai"),
                section: Some(SectionId::new("main")),
                title: "综合新闻".into(),
                frames: page2,
                status: Default::default(),
            },
        ],
        ..settings(t)
    };
    // Recorded as a save records them: the bundled files and their hashes, so opening the
    // sample where another font answers to one of its families says so.
    e.fonts = crate::layout::fonts::record(&e, &crate::text::FontBook::bundled(), None);
    e
}

/// Moves the edge between page 1's two wide stories `lines` grid lines down (up when
/// negative), as a late copy change would leave it: two lines down, the civility story gets two
/// rows it cannot fill and the fire-safety story two rows too few. For copyfit's tests and
/// benchmarks.
pub fn move_wide_stories_edge(e: &mut Edition, lines: i32) {
    let by = lines as f32 * template().baseline.pt().0;
    for f in e.pages.iter_mut().flat_map(|p| &mut p.frames) {
        match f.id.as_str() {
            "p1-civility-body" => f.rect.h.0 += by,
            "p1-rule-h3" | "p1-fire-head" => f.rect.y.0 += by,
            "p1-fire-body" => {
                f.rect.y.0 += by;
                f.rect.h.0 -= by;
            }
            _ => {}
        }
    }
}

/// A new edition on `template`: the sample's styles and jump wording, one empty page.
pub fn blank(template: PageTemplate) -> Edition {
    let page = Page {
        id: PageId::new("p1"),
        template: template.id.clone(),
        section: Some(SectionId::new("main")),
        title: String::new(),
        frames: Vec::new(),
        status: Default::default(),
    };
    let mut e = Edition {
        paper: "未命名报纸".into(),
        date: String::new(),
        pages: vec![page],
        ..settings(template)
    };
    e.styles.paragraph.push(subhead());
    e
}

/// Everything but content and pages: the paper, styles, roles and jump wording.
fn settings(t: PageTemplate) -> Edition {
    Edition {
        format: FORMAT_VERSION,
        paper: "河西新闻".into(),
        date: "2024年11月12日 星期二".into(),
        issue: None,
        total_issue: None,
        lang: Lang::Zh,
        sections: vec![Section {
            id: SectionId::new("main"),
            name: "要闻".into(),
            prefix: String::new(),
        }],
        templates: vec![t],
        styles: styles(),
        roles: RoleStyles {
            kicker: StyleId::new("kicker"),
            headline: StyleId::new("headline"),
            deck: StyleId::new("deck"),
            byline: StyleId::new("byline"),
            body: StyleId::new("body"),
            caption: StyleId::new("caption"),
            credit: StyleId::new("credit"),
            jump: StyleId::new("jump"),
            folio: StyleId::new("folio"),
        },
        jumps: JumpTemplate::defaults(),
        stories: Vec::new(),
        photos: Vec::new(),
        copyfit: crate::model::CopyfitLimits::default(),
        press: crate::model::PressSettings::default(),
        fonts: Vec::new(),
        pages: Vec::new(),
    }
}

/// An `n`-page edition for benchmarks and stress tests: every page carries page 1 of the sample:
/// six stories and the photo, their sentences rotated (so no page repeats), and each page's lead story
/// continues on the next page (the last page's on the first) through jump lines.
pub fn generated(n: usize) -> Edition {
    let base = edition();
    let t = template();
    let n = n.max(1);
    let mut stories = Vec::new();
    let mut pages = Vec::new();
    for k in 0..n {
        let page_no = k + 1;
        let rename = |id: &str| id.replacen("p1-", &format!("p{page_no}-"), 1);
        let mut frames: Vec<Frame> = Vec::new();
        for f in &base.pages[0].frames {
            let mut f = f.clone();
            f.id = FrameId::new(rename(f.id.as_str()));
            match &mut f.kind {
                FrameKind::Headline { story, .. } => {
                    *story = StoryId::new(format!("{story}-{page_no}"))
                }
                FrameKind::Photo {
                    story: Some(story), ..
                } => *story = StoryId::new(format!("{story}-{page_no}")),
                _ => {}
            }
            // The photo gives up its last rows to the previous page's lead.
            if f.id.as_str().ends_with("-taihuli-photo") {
                f.rect.h.0 -= 7.0 * t.baseline.pt().0;
            }
            frames.push(f);
        }
        frames.push(self::frame(
            &t,
            &format!("p{page_no}-cont-body"),
            Cell {
                col: 0,
                span: 6,
                line: 11 + LEAD_ROWS + PHOTO_ROWS - 6,
                lines: 6,
            },
            text(6),
        ));
        // The stories on page 1 (the heating story is on page 2 of the sample).
        let on_page_one = |s: &&crate::model::Story| {
            s.thread.is_empty() || s.thread.iter().any(|f| f.as_str().starts_with("p1-"))
        };
        for s in base.stories.iter().filter(on_page_one) {
            let mut s = s.clone();
            s.id = StoryId::new(format!("{}-{page_no}", s.id));
            s.paragraphs = s
                .paragraphs
                .iter()
                .map(|p| crate::model::BodyParagraph {
                    text: rotate_sentences(&p.text, k),
                    style: p.style.clone(),
                })
                .collect();
            s.thread = s
                .thread
                .iter()
                .filter(|f| f.as_str().starts_with("p1-"))
                .map(|f| FrameId::new(rename(f.as_str())))
                .collect();
            if s.id.as_str().starts_with("lead-") {
                let next = if page_no == n { 1 } else { page_no + 1 };
                if n > 1 {
                    s.thread.push(FrameId::new(format!("p{next}-cont-body")));
                }
            }
            stories.push(s);
        }
        pages.push(Page {
            id: PageId::new(format!("p{page_no}")),
            template: TemplateId::new("duikai"),
            section: Some(SectionId::new("main")),
            title: if k == 0 {
                "要闻".into()
            } else {
                "综合新闻".into()
            },
            frames,
            status: Default::default(),
        });
    }
    Edition {
        stories,
        pages,
        ..base
    }
}

/// The paragraph's sentences (ending in `。！？`) rotated left by `k`.
fn rotate_sentences(paragraph: &str, k: usize) -> String {
    let mut sentences: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in paragraph.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？') {
            sentences.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    if sentences.len() > 1 {
        let by = k % sentences.len();
        sentences.rotate_left(by);
    }
    sentences.concat()
}
