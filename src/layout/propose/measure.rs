//! What each story needs on the page's grid, measured with the real composer before any frame
//! exists: its body's lines at one column's measure (at every tracking copyfit allows), its
//! headline stack's grid lines at every span, its photo's pixels and caption, and — for a
//! story that continues on a later page — how much its other frames hold.

use super::super::{Layouter, Resources, fit::TRACKING_STEP, frames};
use super::ProposeError;
use crate::model::{
    Copyfit, Edition, Frame, FrameId, FrameKind, PageTemplate, Pt, Rect, Story, StoryId,
};

/// The page's grid in the units the search works in: columns and lines of the baseline grid.
#[derive(Clone, Debug)]
pub(super) struct Grid {
    pub template: PageTemplate,
    pub area: Rect,
    /// Columns of the template.
    pub cols: u8,
    /// Whole grid lines in the type area.
    pub rows: u16,
    /// The baseline grid's pitch.
    pub pitch: Pt,
}

impl Grid {
    pub fn of(template: &PageTemplate) -> Self {
        let area = template.type_area(false);
        let pitch = template.baseline.pt();
        Self {
            template: template.clone(),
            area,
            cols: template.columns.max(1),
            rows: ((area.h.0 / pitch.0.max(1.0)) + 0.01).floor() as u16,
            pitch,
        }
    }

    /// The rectangle of `span` columns from `col`, `rows` grid lines from line `row`.
    pub fn cell(&self, col: u8, span: u8, row: u16, rows: u16) -> Rect {
        Rect {
            x: self.template.column_x(col, false),
            y: self.area.y + Pt(self.pitch.0 * f32::from(row)),
            w: self.template.span_width(span),
            h: Pt(self.pitch.0 * f32::from(rows)),
        }
    }

    /// Whole grid lines `height` takes, with at least half a line of air: a headline stack
    /// that ended exactly on a line would touch the body under it.
    pub fn lines_for(&self, height: f32) -> u16 {
        ((height + self.pitch.0 * 0.5) / self.pitch.0)
            .ceil()
            .max(1.0) as u16
    }
}

/// A story's photo: its pixels (unknown when the file cannot be read) and the height its
/// caption and credit take at each span.
#[derive(Clone, Debug)]
pub(super) struct PhotoNeed {
    pub id: crate::model::PhotoId,
    pub pixels: Option<(u32, u32)>,
    /// Caption, credit and the gap above them in points, by span − 1.
    pub caption: Vec<f32>,
}

/// A story whose thread goes on to a later page: its frame on this page can hold any part of
/// its body, the rest flows on. `before` lines are set on earlier pages first.
#[derive(Clone, Debug)]
pub(super) struct Continuation {
    /// Body lines the frames before this page's hold.
    pub before: u32,
    /// Body lines the later frames hold, the last one aside.
    pub middle: u32,
    /// The last frame of the thread: its columns, and the most grid lines it can have where
    /// it is (down to the type area's foot or the next frame under it).
    pub last_cols: u16,
    pub last_max_rows: u16,
    /// Whether this page's frame starts with a continued-from line.
    pub jump_in: bool,
}

/// Everything the search needs to know of one story.
#[derive(Clone, Debug)]
pub(super) struct Need {
    pub story: Story,
    /// Body lines at one column's measure at each tracking setting: (percent, lines). Empty
    /// when the story has no body.
    pub lines: Vec<(f32, u32)>,
    /// Body lines of a block `span` columns wide set in `span + 1` narrower text columns
    /// (变栏), at the same tracking settings as `lines`: more ways to fill whole rows.
    pub split: Vec<(u8, Vec<u32>)>,
    /// Headline frame lines at each span (index span − 1).
    pub head: Vec<u16>,
    /// The headline style's size: a bigger headline says a story matters more.
    pub head_size: f32,
    pub photo: Option<PhotoNeed>,
    pub continuation: Option<Continuation>,
    /// The story's frames on earlier and later pages: its thread keeps them around the new
    /// frame on this page.
    pub before: Vec<FrameId>,
    pub after: Vec<FrameId>,
}

impl Need {
    /// Tracking copyfit steps setting `lines[i]` takes.
    pub fn steps(&self, i: usize) -> u32 {
        self.lines
            .get(i)
            .map_or(0, |(t, _)| (t.abs() / TRACKING_STEP).round() as u32)
    }
}

/// The ID of the frame stories are measured in.
const MEASURE: &str = "propose-measure";

/// Block spans also measured set in one column more than they span: narrower spans would
/// make columns too narrow to read (under 8 字).
pub(super) const SPLIT_SPANS: [u8; 2] = [3, 4];

fn split_id(span: u8) -> String {
    format!("{MEASURE}-{span}")
}

/// Measures every story in `stories` (priority order) for page `page`, with the headline
/// styles the proposal gives them.
pub(super) fn measure(
    layouter: &Layouter,
    edition: &Edition,
    resources: &dyn Resources,
    page: usize,
    stories: &[StoryId],
    grid: &Grid,
) -> Result<Vec<Need>, ProposeError> {
    // A copy of the edition with this page emptied but for one tall single column: every
    // story is set in it alone, so nothing on the page wraps or shortens its lines.
    let mut scratch = edition.clone();
    let measuring = |id: String, span: u8, columns: u8| {
        Frame::new(
            FrameId::new(id),
            grid.cell(0, span, 0, grid.rows),
            FrameKind::Text {
                columns,
                gutter: None,
                balance: false,
                tint: None,
                inset: None,
            },
        )
    };
    scratch.pages[page].frames = std::iter::once(measuring(MEASURE.into(), 1, 1))
        .chain(SPLIT_SPANS.map(|s| measuring(split_id(s), s, s + 1)))
        .collect();
    let styles = headline_styles(edition);
    let mut needs = Vec::with_capacity(stories.len());
    for (priority, id) in stories.iter().enumerate() {
        let story = edition
            .story(id)
            .ok_or_else(|| ProposeError::NoStory(id.clone()))?;
        if story.paragraphs.is_empty() && story.photo.is_none() {
            return Err(ProposeError::NoText(id.clone()));
        }
        let mut story = story.clone();
        story.styles.headline = headline_style(&styles, edition, priority);
        needs.push(need(
            layouter, edition, &scratch, resources, page, story, grid,
        ));
    }
    Ok(needs)
}

fn need(
    layouter: &Layouter,
    edition: &Edition,
    scratch: &Edition,
    resources: &dyn Resources,
    page: usize,
    story: Story,
    grid: &Grid,
) -> Need {
    let limit = edition.copyfit.tracking_pct;
    let steps = (limit / TRACKING_STEP).floor() as i32;
    // Fewest tracking steps first, so ties go to the lightest copyfit.
    let mut trackings: Vec<f32> = (-steps..=steps).map(|k| k as f32 * TRACKING_STEP).collect();
    trackings.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let mut lines = Vec::new();
    let mut split = Vec::new();
    if !story.paragraphs.is_empty() {
        // Lines over the full frame, or left empty in it: either way the frame's lines plus
        // that are the lines the body needs at its measure.
        let count = |frame: String, columns: u8, t: f32| -> u32 {
            let mut trial = story.clone();
            trial.thread = vec![FrameId::new(frame)];
            let over = layouter.lines_over(
                scratch,
                resources,
                &trial,
                Copyfit {
                    tracking_pct: t,
                    ..story.copyfit
                },
            );
            (i32::from(grid.rows) * i32::from(columns) + over).max(0) as u32
        };
        lines = trackings
            .iter()
            .map(|&t| (t, count(MEASURE.into(), 1, t)))
            .collect();
        split = SPLIT_SPANS
            .iter()
            .filter(|&&s| s <= grid.cols)
            .map(|&s| {
                let by = trackings.iter().map(|&t| count(split_id(s), s + 1, t));
                (s, by.collect())
            })
            .collect();
    }
    let ctx = layouter.context(scratch, resources);
    let head = (1..=grid.cols)
        .map(|span| {
            let width = grid.template.span_width(span).0;
            let h = frames::headline_height(&ctx, &story, width);
            if h > 0.0 { grid.lines_for(h) } else { 0 }
        })
        .collect();
    let head_size = ctx
        .style(&story.styles.headline, &edition.roles.headline)
        .size
        .pt()
        .0;
    let photo = story
        .photo
        .as_ref()
        .and_then(|id| edition.photo(id))
        .map(|p| {
            let caption_style = ctx.style(&story.styles.caption, &edition.roles.caption);
            let credit_style = ctx.style(&None, &edition.roles.credit);
            let caption = if story.caption.is_empty() {
                &p.caption
            } else {
                &story.caption
            };
            let credit = if story.credit.is_empty() {
                &p.credit
            } else {
                &story.credit
            };
            let caption = (1..=grid.cols)
                .map(|span| {
                    let w = grid.template.span_width(span).0;
                    let h = text_height(&ctx, caption, caption_style, &story, w)
                        + text_height(&ctx, credit, credit_style, &story, w);
                    // The photo frame keeps 4 pt between image and caption.
                    if h > 0.0 { h + 4.0 } else { 0.0 }
                })
                .collect();
            PhotoNeed {
                id: p.id.clone(),
                pixels: resources.photo_size(&p.path).ok(),
                caption,
            }
        });
    let (before, after) = around(edition, page, &story);
    let continuation = continuation(edition, &before, &after);
    Need {
        story,
        lines,
        split,
        head,
        head_size,
        photo,
        continuation,
        before,
        after,
    }
}

fn text_height(
    ctx: &super::super::Context,
    text: &str,
    style: &crate::model::ParagraphStyle,
    story: &Story,
    width: f32,
) -> f32 {
    frames::text_height(
        ctx,
        text,
        style,
        story.lang,
        width,
        super::super::TextRole::Caption,
    )
}

/// The story's frames on pages before `page` and after it, in thread order: a proposal puts
/// its frame on `page` between them. A story not on `page` yet moves to it whole: none.
fn around(edition: &Edition, page: usize, story: &Story) -> (Vec<FrameId>, Vec<FrameId>) {
    if !story
        .thread
        .iter()
        .any(|id| edition.frame(id).is_some_and(|(p, _)| p == page))
    {
        return (Vec::new(), Vec::new());
    }
    let mut before = Vec::new();
    let mut after = Vec::new();
    for id in &story.thread {
        match edition.frame(id) {
            Some((p, _)) if p < page => before.push(id.clone()),
            Some((p, _)) if p > page => after.push(id.clone()),
            _ => {}
        }
    }
    (before, after)
}

/// How the story's frames on other pages take what this page's frame does not hold: `None`
/// when the thread ends on this page (the story must then fit its block exactly).
fn continuation(edition: &Edition, before: &[FrameId], after: &[FrameId]) -> Option<Continuation> {
    let (last, middle) = after.split_last()?;
    let located = |id: &FrameId| edition.frame(id);
    let capacity = |id: &FrameId| -> u32 {
        let Some((p, f)) = located(id) else { return 0 };
        let FrameKind::Text { columns, .. } = f.kind else {
            return 0;
        };
        let pitch = page_pitch(edition, p);
        let rows = (f.rect.h.0 / pitch + 0.01).floor().max(0.0) as u32;
        u32::from(columns.max(1)) * rows
    };
    // Every frame of the thread but the first of a page run starts and ends on the same page
    // as its neighbours; a jump line takes a line where the thread changes page.
    let jumps = |ids: &[FrameId]| ids.len() as u32;
    let before_lines = before
        .iter()
        .map(capacity)
        .sum::<u32>()
        .saturating_sub(jumps(before));
    let middle_lines = middle
        .iter()
        .map(capacity)
        .sum::<u32>()
        .saturating_sub(2 * jumps(middle));
    let (last_page, last_frame) = located(last)?;
    let FrameKind::Text { columns, .. } = last_frame.kind else {
        return None;
    };
    let pitch = page_pitch(edition, last_page);
    let template = edition.template(&edition.pages[last_page].template)?;
    let area = template.type_area(false);
    let r = last_frame.rect;
    // Room under the frame's top: to the area's foot or the first frame below it.
    let floor = edition.pages[last_page]
        .frames
        .iter()
        .filter(|o| o.id != last_frame.id && o.rect.y.0 >= r.y.0 + 0.01)
        .filter(|o| o.rect.x.0 < r.right().0 - 0.01 && r.x.0 < o.rect.right().0 - 0.01)
        .map(|o| o.rect.y.0)
        .fold(area.bottom().0, f32::min);
    Some(Continuation {
        before: before_lines,
        middle: middle_lines,
        last_cols: u16::from(columns.max(1)),
        last_max_rows: ((floor - r.y.0) / pitch + 0.01).floor().max(0.0) as u16,
        jump_in: !before.is_empty(),
    })
}

fn page_pitch(edition: &Edition, page: usize) -> f32 {
    edition
        .pages
        .get(page)
        .and_then(|p| edition.template(&p.template))
        .map_or(15.0, |t| t.baseline.pt().0.max(1.0))
}

/// The edition's headline styles, largest first: the role's headline style and every style
/// whose ID starts with "headline".
fn headline_styles(edition: &Edition) -> Vec<(crate::model::StyleId, f32)> {
    let mut out: Vec<(crate::model::StyleId, f32)> = edition
        .styles
        .paragraph
        .iter()
        .filter(|s| s.id == edition.roles.headline || s.id.as_str().starts_with("headline"))
        .map(|s| (s.id.clone(), s.size.pt().0))
        .collect();
    out.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| a.0.as_str().cmp(b.0.as_str()))
    });
    out
}

/// The headline style for the story at `priority` (0 = the lead): the lead gets the largest,
/// the next two the role's own, the rest the next size down when the edition has one. `None`
/// is the role's style.
fn headline_style(
    styles: &[(crate::model::StyleId, f32)],
    edition: &Edition,
    priority: usize,
) -> Option<crate::model::StyleId> {
    let role = &edition.roles.headline;
    let role_at = styles.iter().position(|(id, _)| id == role);
    let chosen = match (priority, role_at) {
        (0, _) => styles.first().map(|(id, _)| id),
        (1 | 2, Some(_)) => Some(role),
        (_, Some(at)) => styles.get(at + 1).or(styles.get(at)).map(|(id, _)| id),
        (_, None) => styles.first().map(|(id, _)| id),
    };
    chosen.filter(|id| *id != role).cloned()
}
