//! Page layout: turns an edition into one display list per page.
//!
//! The pipeline: every story flows through its thread ([`flow`]); headline, photo, rule and
//! folio frames are set on their pages ([`frames`]); preflight checks the geometry
//! ([`preflight`]). Stories are cached by everything they depend on, so an edit recomposes only
//! the story it touches (and prepared paragraphs are cached by text and style).

pub mod display;
pub mod fit;
pub mod fit_page;
mod flow;
pub mod fonts;
mod frames;
pub mod photos;
mod preflight;
pub mod press_check;
pub mod propose;
pub mod setting;
pub mod snap;
pub mod vertical;
mod wrap;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use serde::Serialize;

pub use display::{
    Dash, FrameTag, ImageItem, Item, PageLayout, PlacedRun, Point, RectItem, RuleItem,
    RunDirection, TextRole,
};

use crate::model::{
    Diagnostic, Edition, FrameKind, Lang, ParagraphStyle, Severity, Story, StoryId, StyleId,
};
pub use crate::resources::Resources;
use crate::text::FontBook;
use setting::ParagraphCache;

/// How well a story fits its thread.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoryFit {
    pub story: StoryId,
    /// Body lines set.
    pub lines_set: usize,
    /// Positive: lines that do not fit (overset, `+N lines`). Negative: empty lines left in
    /// the thread (`−N lines`). Zero: an exact fit.
    pub lines_over: i32,
    /// The tracking copyfit added, in percent of the em (0 when none).
    pub tracking_pct: f32,
    /// The horizontal scale copyfit added, in percent (0 when none).
    pub scale_pct: f32,
    /// Each body paragraph's last line where it was set: when the story is over, the
    /// shortest are where an editor cuts a line (编辑删行).
    #[serde(skip)]
    pub last_lines: Vec<LastLine>,
}

/// The last line of a body paragraph as set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LastLine {
    /// The paragraph, 0-based among the story's body paragraphs.
    pub paragraph: usize,
    pub page: usize,
    /// Where the line's characters are, in page points (top-left, width, height).
    pub rect: crate::model::Rect,
    /// Characters on the line: cutting this many (or fewer) takes the paragraph a line shorter.
    pub chars: usize,
}

impl StoryFit {
    /// The paragraphs where cutting the fewest characters saves a line each, shortest last
    /// line first: as many as the story is lines over (none when it fits). Paragraphs of one
    /// line are left out (cutting them is cutting a paragraph).
    pub fn cut_candidates(&self) -> Vec<&LastLine> {
        let over = usize::try_from(self.lines_over).unwrap_or(0);
        let mut lines: Vec<&LastLine> = self.last_lines.iter().filter(|l| l.chars > 0).collect();
        lines.sort_by_key(|l| (l.chars, l.paragraph));
        lines.truncate(over);
        lines
    }
}

impl StoryFit {
    fn new(story: &Story) -> Self {
        Self {
            story: story.id.clone(),
            lines_set: 0,
            lines_over: 0,
            tracking_pct: story.copyfit.tracking_pct,
            scale_pct: story.copyfit.scale_pct,
            last_lines: Vec::new(),
        }
    }

    /// The badge a designer sees: `+7 lines`, `−3 lines` or `fits`.
    pub fn badge(&self) -> String {
        match self.lines_over {
            0 => "fits".to_owned(),
            n if n > 0 => format!("+{n} lines"),
            n => format!("−{} lines", -n),
        }
    }
}

/// A laid-out edition.
#[derive(Clone, Debug)]
pub struct EditionLayout {
    pub pages: Vec<PageLayout>,
    pub fits: Vec<StoryFit>,
    pub diagnostics: Vec<Diagnostic>,
    /// What a PDF says of the document: the exporters read the layout, not the edition.
    pub meta: DocumentMeta,
}

/// The document's title, language and date, as a PDF's metadata gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentMeta {
    /// Paper, issue numbers and date: "河西新闻 第1234期 2024年11月12日 星期二".
    pub title: String,
    pub lang: crate::model::Lang,
    /// The issue date, never the clock: the same edition gives the same bytes.
    pub date: Option<jiff::civil::Date>,
    /// The house's ink limit and overprint, which the print PDF follows.
    pub press: crate::model::PressSettings,
}

impl DocumentMeta {
    pub fn of(edition: &Edition) -> Self {
        let title = [
            edition.paper.clone(),
            edition.issue_text(),
            edition.date_text(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        Self {
            title,
            lang: edition.lang,
            date: edition.issue_date(),
            press: edition.press,
        }
    }
}

impl EditionLayout {
    /// Each story's jump lines as set, e.g. `（下转第2版）`, in page order: what the editor
    /// shows beside the story.
    pub fn jump_lines(&self) -> HashMap<StoryId, Vec<String>> {
        let mut out: HashMap<StoryId, Vec<String>> = HashMap::new();
        for page in &self.pages {
            // Runs of one line (same story, role and baseline) make one jump line.
            let mut last: Option<(&StoryId, TextRole, f32)> = None;
            for run in page.runs() {
                let Some(story) = run
                    .story
                    .as_ref()
                    .filter(|_| matches!(run.role, TextRole::JumpTo | TextRole::JumpFrom))
                else {
                    last = None;
                    continue;
                };
                let key = (story, run.role, run.origin.y);
                let lines = out.entry(story.clone()).or_default();
                match lines.last_mut() {
                    Some(line) if last == Some(key) => line.push_str(&run.text),
                    _ => lines.push(run.text.to_string()),
                }
                last = Some(key);
            }
        }
        out
    }
}

/// Everything one layout pass reads.
pub struct Context<'a> {
    pub edition: &'a Edition,
    pub book: &'a FontBook,
    pub resources: &'a dyn Resources,
    paragraphs: &'a ParagraphCache,
    lookup: Lookup<'a>,
}

/// The edition's frames, stories and photos by ID, built once per layout: looking them up by
/// scanning the lists made laying out a 2,000-page edition quadratic.
struct Lookup<'a> {
    frames: HashMap<&'a crate::model::FrameId, (usize, &'a crate::model::Frame)>,
    stories: HashMap<&'a StoryId, &'a Story>,
    photos: HashMap<&'a crate::model::PhotoId, &'a crate::model::Photo>,
    /// The story whose thread runs through each text frame.
    owners: HashMap<&'a crate::model::FrameId, &'a Story>,
}

impl<'a> Lookup<'a> {
    fn new(e: &'a Edition) -> Self {
        let mut owners = HashMap::new();
        for s in &e.stories {
            for f in &s.thread {
                owners.entry(f).or_insert(s);
            }
        }
        Self {
            frames: e
                .pages
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.frames.iter().map(move |f| (&f.id, (i, f))))
                .collect(),
            stories: e.stories.iter().map(|s| (&s.id, s)).collect(),
            photos: e.photos.iter().map(|p| (&p.id, p)).collect(),
            owners,
        }
    }
}

impl<'a> Context<'a> {
    /// A frame by ID, with the index of its page.
    pub fn frame(&self, id: &crate::model::FrameId) -> Option<(usize, &'a crate::model::Frame)> {
        self.lookup.frames.get(id).copied()
    }

    pub fn story(&self, id: &StoryId) -> Option<&'a Story> {
        self.lookup.stories.get(id).copied()
    }

    pub fn photo(&self, id: &crate::model::PhotoId) -> Option<&'a crate::model::Photo> {
        self.lookup.photos.get(id).copied()
    }

    /// The story whose thread runs through text frame `id`.
    pub fn story_of_frame(&self, id: &crate::model::FrameId) -> Option<&'a Story> {
        self.lookup.owners.get(id).copied()
    }
}

impl Context<'_> {
    /// A part's style: the story's own choice, else the edition's role default, else the
    /// edition's first style (validation guarantees role styles exist).
    pub fn style(&self, own: &Option<StyleId>, role: &StyleId) -> &ParagraphStyle {
        let styles = &self.edition.styles;
        own.as_ref()
            .and_then(|id| styles.paragraph(id))
            .or_else(|| styles.paragraph(role))
            .unwrap_or(&styles.paragraph[0])
    }

    /// The jump line naming page `page` (0-based), in the story's language.
    pub fn jump_text(&self, lang: Lang, page: usize, to: bool) -> String {
        let label = self.edition.page_label(page);
        match self.edition.jump_template(lang) {
            Some(t) if to => t.to_text(&label),
            Some(t) => t.from_text(&label),
            None => format!("→ {label}"),
        }
    }

    fn unknown_font_diagnostic(&self, family: &str) -> Diagnostic {
        Diagnostic::new(
            Severity::Error,
            "unknown-font",
            format!(
                "font family \"{family}\" is not installed, in the edition's fonts folder or in a font folder; set in {} meanwhile",
                setting::FALLBACK_FAMILY
            ),
        )
        .arg("family", family)
        .arg("fallback", setting::FALLBACK_FAMILY)
    }

    fn unknown_font(&self, family: &str, out: &mut Vec<Diagnostic>, story: &Story) {
        out.push(
            self.unknown_font_diagnostic(family)
                .in_story(story.id.clone()),
        );
    }
}

/// Cached results of a story's flow, keyed by everything it depends on.
struct CachedStory {
    key: u64,
    items: Vec<(usize, Item)>,
    fit: StoryFit,
    diagnostics: Vec<Diagnostic>,
}

/// Cached furniture of a page (folio, headlines, photos, rules, boxes), keyed like stories.
#[derive(Clone, Default)]
struct Furniture {
    /// Painted first, beneath everything: box tints and borders, text and headline tints.
    under: Vec<Item>,
    /// Painted over the body text: frame tags, headlines, photos, rules, folios.
    items: Vec<Item>,
    diagnostics: Vec<Diagnostic>,
}

/// A page's furniture with the key it was made for.
struct CachedPage {
    key: u64,
    furniture: Furniture,
}

/// The layout engine, holding caches between layouts of the same edition.
#[derive(Default)]
pub struct Layouter {
    paragraphs: ParagraphCache,
    stories: Mutex<HashMap<StoryId, CachedStory>>,
    pages: Mutex<HashMap<crate::model::PageId, CachedPage>>,
    /// How many stories the last layout had to recompose (the rest came from the cache).
    pub last_recomposed: std::sync::atomic::AtomicUsize,
}

impl Layouter {
    pub fn new() -> Self {
        Self::default()
    }

    /// What a layout pass of `edition` reads, with this layouter's paragraph cache.
    fn context<'a>(&'a self, edition: &'a Edition, resources: &'a dyn Resources) -> Context<'a> {
        Context {
            edition,
            book: resources.fonts(),
            resources,
            paragraphs: &self.paragraphs,
            lookup: Lookup::new(edition),
        }
    }

    /// Lays out every page of `edition`.
    pub fn layout(&self, edition: &Edition, resources: &dyn Resources) -> EditionLayout {
        resources.fonts().pin_recorded(&edition.fonts);
        let ctx = self.context(edition, resources);
        let mut pages: Vec<PageLayout> = edition
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let t = edition.template(&p.template);
                PageLayout {
                    index: i,
                    label: edition.page_label(i),
                    width: t.map_or(0.0, |t| t.width.pt().0),
                    height: t.map_or(0.0, |t| t.height.pt().0),
                    bleed: t.map_or(0.0, |t| t.bleed.pt().0),
                    status: p.status.clone(),
                    items: Vec::new(),
                }
            })
            .collect();
        let mut diagnostics = Vec::new();
        let mut fits = Vec::new();
        let mut recomposed = 0;
        // What every story depends on, hashed once per layout.
        let edition_key = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            format!(
                "{:?}{:?}{:?}{:?}",
                edition.styles, edition.roles, edition.jumps, edition.templates
            )
            .hash(&mut h);
            h.finish()
        };
        let frames = &ctx.lookup.frames;
        let mut cache = self.stories.lock().unwrap_or_else(|e| e.into_inner());
        for story in &edition.stories {
            let key = story_key(edition_key, frames, edition, story);
            let hit = cache.get(&story.id).is_some_and(|c| c.key == key);
            if !hit {
                recomposed += 1;
                let flowed = flow_story(&ctx, story);
                cache.insert(
                    story.id.clone(),
                    CachedStory {
                        key,
                        items: flowed.items,
                        fit: flowed.fit,
                        diagnostics: flowed.diagnostics,
                    },
                );
            }
            let cached = &cache[&story.id];
            for (page, item) in &cached.items {
                if let Some(p) = pages.get_mut(*page) {
                    p.items.push(item.clone());
                }
            }
            fits.push(cached.fit.clone());
            diagnostics.extend(cached.diagnostics.iter().cloned());
        }
        cache.retain(|id, _| edition.story(id).is_some());
        drop(cache);
        self.last_recomposed
            .store(recomposed, std::sync::atomic::Ordering::Relaxed);

        for (i, page) in edition.pages.iter().enumerate() {
            let key = page_key(edition_key, edition, i, page);
            let mut pages_cache = self.pages.lock().unwrap_or_else(|e| e.into_inner());
            let furniture = match pages_cache.get(&page.id).filter(|c| c.key == key) {
                Some(c) => c.furniture.clone(),
                None => {
                    let mut f = Furniture::default();
                    self.page_furniture(&ctx, i, page, &mut f);
                    let cached = CachedPage {
                        key,
                        furniture: f.clone(),
                    };
                    pages_cache.insert(page.id.clone(), cached);
                    f
                }
            };
            drop(pages_cache);
            // Tints go under the body text set so far; the rest goes over it.
            let out = &mut pages[i].items;
            let body = std::mem::replace(out, furniture.under);
            out.extend(body);
            out.extend(furniture.items);
            diagnostics.extend(
                furniture
                    .diagnostics
                    .into_iter()
                    .map(|d| d.on_page(edition.page_label(i))),
            );
        }
        diagnostics.extend(preflight::check(edition));
        for page in &pages {
            diagnostics.extend(press_check::check(page, &edition.press));
        }
        fonts::check(edition, resources.fonts(), &pages, &mut diagnostics);
        EditionLayout {
            pages,
            fits,
            diagnostics,
            meta: DocumentMeta::of(edition),
        }
    }

    /// Folio, frame tags, headlines, photos, rules and boxes of one page.
    fn page_furniture(
        &self,
        ctx: &Context,
        i: usize,
        page: &crate::model::Page,
        furniture: &mut Furniture,
    ) {
        let e = ctx.edition;
        let Some(t) = e.template(&page.template) else {
            return;
        };
        let Furniture {
            under,
            items: out,
            diagnostics: diags,
        } = furniture;
        if let Some(f) = &t.folio {
            frames::folio(ctx, i, page, t, &f.style, out, diags);
        }
        for frame in &page.frames {
            let story = match &frame.kind {
                FrameKind::Text { .. } => ctx.story_of_frame(&frame.id).map(|s| s.id.clone()),
                FrameKind::Headline { story, .. } => Some(story.clone()),
                FrameKind::Photo { story, .. } => story.clone(),
                _ => None,
            };
            out.push(Item::Frame(FrameTag {
                frame: frame.id.clone(),
                rect: frame.rect,
                kind: frame.kind.name(),
                story,
            }));
            if let (Some(color), _) = frame.kind.backdrop() {
                under.push(frames::tint(frame.rect, color));
            }
            match &frame.kind {
                FrameKind::Headline { story, .. } => {
                    if let Some(s) = ctx.story(story) {
                        frames::headline(ctx, frame, s, out, diags);
                    }
                }
                FrameKind::Photo {
                    photo,
                    story,
                    fit,
                    crop,
                    caption_beside,
                } => {
                    if let Some(p) = ctx.photo(photo) {
                        let s = story.as_ref().and_then(|id| ctx.story(id));
                        let before = out.len();
                        frames::photo(ctx, frame, p, s, (*fit, *crop, *caption_beside), out, diags);
                        if let Some(Item::Image(img)) =
                            out[before..].iter().find(|i| matches!(i, Item::Image(_)))
                            && img.missing
                        {
                            let clip = img.clip;
                            out.push(frames::placeholder(clip));
                        }
                    }
                }
                FrameKind::Rule {
                    weight,
                    color,
                    style,
                } => frames::rule(frame, weight, *color, *style, out),
                FrameKind::Box { fill, stroke } => {
                    frames::boxed(frame, *fill, stroke.as_ref(), under);
                }
                FrameKind::Folio { style } => frames::folio(ctx, i, page, t, style, out, diags),
                FrameKind::Text { .. } => {}
            }
        }
    }
}

/// Flows `story`'s body through its thread, in the orientation of the thread's first frame:
/// vertical columns (竖排) when it is vertical, lines on the grid otherwise. A frame of the
/// other orientation in the same thread is set the thread's way, and a warning says so.
pub(crate) fn flow_story(ctx: &Context, story: &Story) -> flow::Flowed {
    let frames: Vec<&crate::model::Frame> = story
        .thread
        .iter()
        .filter_map(|id| ctx.frame(id).map(|(_, f)| f))
        .collect();
    let vertical = frames.first().is_some_and(|f| f.is_vertical());
    let mut flowed = if vertical {
        vertical::flow_story(ctx, story)
    } else {
        flow::flow_story(ctx, story)
    };
    if let Some(odd) = frames.iter().find(|f| f.is_vertical() != vertical) {
        let (set, other) = if vertical {
            ("vertical", "horizontal")
        } else {
            ("horizontal", "vertical")
        };
        flowed.diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "mixed-orientation",
                format!(
                    "frame \"{}\" is {other} but the story's thread starts in a {set} frame, so it is set {set} too",
                    odd.id
                ),
            )
            .arg("frame", odd.id.as_str())
            .in_frame(odd.id.clone())
            .in_story(story.id.clone()),
        );
    }
    flowed
}

/// Everything a story's flow depends on: its text and styles, its thread's frames and their
/// pages, the labels its jumps print, and (through `edition_key`) styles, jumps and grids.
fn story_key(
    edition_key: u64,
    frames: &HashMap<&crate::model::FrameId, (usize, &crate::model::Frame)>,
    edition: &Edition,
    story: &Story,
) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    edition_key.hash(&mut h);
    (story.lang == Lang::En).hash(&mut h);
    story.paragraphs.hash(&mut h);
    format!("{:?}{:?}", story.styles, story.copyfit).hash(&mut h);
    for id in &story.thread {
        id.hash(&mut h);
        if let Some((page, frame)) = frames.get(id) {
            page.hash(&mut h);
            edition.page_label(*page).hash(&mut h);
            format!("{:?}{:?}", frame.rect, frame.kind).hash(&mut h);
            frame.vertical.hash(&mut h);
            // The wraps that reach into the frame move its lines: a photo dragged over a
            // column must recompose the story under it, and only that story.
            if let Some(p) = edition.pages.get(*page) {
                for r in wrap::obstacles(p, frame) {
                    [r.x.0, r.y.0, r.w.0, r.h.0].map(f32::to_bits).hash(&mut h);
                }
            }
        }
    }
    h.finish()
}

/// Everything a page's furniture depends on: its frames, label and title, and the headline,
/// caption and photo texts of the stories its frames show.
fn page_key(edition_key: u64, edition: &Edition, index: usize, page: &crate::model::Page) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    edition_key.hash(&mut h);
    edition.page_label(index).hash(&mut h);
    (&edition.paper, &edition.date, &page.title, &page.template).hash(&mut h);
    (edition.issue, edition.total_issue, edition.lang == Lang::En).hash(&mut h);
    format!("{:?}", edition.sections).hash(&mut h);
    format!("{:?}", page.frames).hash(&mut h);
    for frame in &page.frames {
        let story = match &frame.kind {
            FrameKind::Headline { story, .. } => Some(story),
            FrameKind::Photo { story, photo, .. } => {
                format!("{:?}", edition.photo(photo)).hash(&mut h);
                story.as_ref()
            }
            _ => None,
        };
        if let Some(s) = story.and_then(|id| edition.story(id)) {
            (
                &s.kicker,
                &s.headline,
                &s.deck,
                &s.byline,
                &s.caption,
                &s.credit,
            )
                .hash(&mut h);
            format!("{:?}", s.styles).hash(&mut h);
        }
    }
    h.finish()
}

/// Lays out an edition once (no caches kept).
pub fn layout(edition: &Edition, resources: &dyn Resources) -> EditionLayout {
    Layouter::new().layout(edition, resources)
}
