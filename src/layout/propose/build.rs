//! A candidate made real: the frames of its blocks and the rules between them, and the edits
//! that replace the page's frames with them (one undo step when applied together).

use std::collections::HashSet;

use super::measure::{Grid, Need};
use super::search::{Block, Candidate};
use crate::model::{
    Color, Copyfit, Crop, Edit, Edition, Fit, Frame, FrameId, FrameKind, Length, Rect, RuleStyle,
};

/// The frames a candidate puts on the page, and each placed story's new body frame.
struct Frames {
    frames: Vec<Frame>,
    bodies: Vec<Option<FrameId>>,
}

/// The edits that turn `edition`'s page `page` into the candidate: the page's frames (its
/// folio frames aside) go, the stories threaded through them keep their frames elsewhere,
/// the new frames come in, and each story gets its thread, headline style and tracking.
pub(super) fn edits(
    edition: &Edition,
    page: usize,
    grid: &Grid,
    needs: &[Need],
    candidate: &Candidate,
) -> Vec<Edit> {
    let p = &edition.pages[page];
    let leaving: Vec<&Frame> = p
        .frames
        .iter()
        .filter(|f| !matches!(f.kind, FrameKind::Folio { .. }))
        .collect();
    let gone: HashSet<&FrameId> = leaving.iter().map(|f| &f.id).collect();
    let taken: HashSet<&FrameId> = edition
        .pages
        .iter()
        .flat_map(|p| &p.frames)
        .map(|f| &f.id)
        .filter(|id| !gone.contains(id))
        .collect();
    let made = frames(edition, page, grid, needs, candidate, &taken);
    // A story that was on another page moves here whole: its frames there (headline, body,
    // photo) go with it, so no page shows it twice.
    let moved: Vec<&Frame> = edition
        .pages
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != page)
        .flat_map(|(_, p)| &p.frames)
        .filter(|f| {
            needs.iter().any(|need| {
                let s = &need.story;
                let here = s
                    .thread
                    .iter()
                    .any(|id| edition.frame(id).is_some_and(|(p, _)| p == page));
                !here
                    && match &f.kind {
                        FrameKind::Headline { story, .. } => story == &s.id,
                        FrameKind::Photo {
                            story: Some(story), ..
                        } => story == &s.id,
                        FrameKind::Text { .. } => s.thread.contains(&f.id),
                        _ => false,
                    }
            })
        })
        .collect();
    let gone: HashSet<&FrameId> = gone
        .into_iter()
        .chain(moved.iter().map(|f| &f.id))
        .collect();
    let mut edits = Vec::new();
    // Unthread the frames first: a frame a story flows through cannot be removed.
    for s in &edition.stories {
        if s.thread.iter().any(|f| gone.contains(f)) {
            edits.push(Edit::SetThread {
                story: s.id.clone(),
                thread: s
                    .thread
                    .iter()
                    .filter(|f| !gone.contains(f))
                    .cloned()
                    .collect(),
            });
        }
    }
    edits.extend(leaving.iter().chain(&moved).map(|f| Edit::RemoveFrame {
        frame: f.id.clone(),
    }));
    let kept = p.frames.len() - leaving.len();
    edits.extend(
        made.frames
            .into_iter()
            .enumerate()
            .map(|(i, frame)| Edit::InsertFrame {
                page: p.id.clone(),
                index: kept + i,
                frame,
            }),
    );
    for block in &candidate.blocks {
        let need = &needs[block.story];
        let id = &need.story.id;
        if let Some(body) = &made.bodies[block.story] {
            let mut thread = need.before.clone();
            thread.push(body.clone());
            thread.extend(need.after.iter().cloned());
            edits.push(Edit::SetThread {
                story: id.clone(),
                thread,
            });
        }
        let now = edition.story(id);
        if now.is_some_and(|s| s.styles != need.story.styles) {
            edits.push(Edit::SetStoryStyles {
                story: id.clone(),
                styles: need.story.styles.clone(),
            });
        }
        if let Some(&(tracking_pct, _)) = need.lines.get(block.leaf.tracking) {
            #[allow(clippy::float_cmp)]
            if now.is_some_and(|s| s.copyfit.tracking_pct != tracking_pct) {
                edits.push(Edit::SetCopyfit {
                    story: id.clone(),
                    copyfit: Copyfit {
                        tracking_pct,
                        ..now.map(|s| s.copyfit).unwrap_or_default()
                    },
                });
            }
        }
    }
    edits
}

fn frames(
    edition: &Edition,
    page: usize,
    grid: &Grid,
    needs: &[Need],
    candidate: &Candidate,
    taken: &HashSet<&FrameId>,
) -> Frames {
    let prefix = edition.pages[page].id.to_string();
    let mut used: HashSet<String> = HashSet::new();
    // A new ID, never one another page already has.
    let mut fresh = |name: String| -> FrameId {
        let mut id = name.clone();
        let mut n = 2;
        while used.contains(&id) || taken.contains(&FrameId::new(&id)) {
            id = format!("{name}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        FrameId::new(id)
    };
    let mut frames = Vec::new();
    let mut bodies = vec![None; needs.len()];
    for block in &candidate.blocks {
        let need = &needs[block.story];
        let story = &need.story.id;
        let (col, span) = (block.col, block.span);
        let (top, end) = block.head_rows();
        frames.push(Frame::new(
            fresh(format!("{prefix}-{story}-head")),
            grid.cell(col, span, top, end - top),
            FrameKind::Headline {
                story: story.clone(),
                tint: None,
                inset: None,
            },
        ));
        if let (Some((top, end)), Some(photo)) = (block.photo_rows(), &need.photo) {
            frames.push(Frame::new(
                fresh(format!("{prefix}-{story}-photo")),
                grid.cell(col, span, top, end - top),
                FrameKind::Photo {
                    photo: photo.id.clone(),
                    story: Some(story.clone()),
                    fit: Fit::Fill,
                    crop: Crop::default(),
                    // The image in its columns, the caption in the others.
                    caption_beside: block.leaf.beside.map(|k| {
                        let t = &grid.template;
                        crate::model::Length::Pt(
                            t.span_width(span).0 - t.span_width(k).0 - t.gutter_width().0,
                        )
                    }),
                },
            ));
        }
        if let Some((top, end)) = block.body_rows() {
            let id = fresh(format!("{prefix}-{story}-body"));
            frames.push(Frame::new(
                id.clone(),
                grid.cell(col, span, top, end - top),
                FrameKind::Text {
                    columns: block.leaf.cols,
                    gutter: None,
                    balance: true,
                    tint: None,
                    inset: None,
                },
            ));
            bodies[block.story] = Some(id);
        }
    }
    for (k, rect) in rules(grid, &candidate.blocks).into_iter().enumerate() {
        frames.push(Frame::new(
            fresh(format!("{prefix}-rule-{}", k + 1)),
            rect,
            FrameKind::Rule {
                weight: Length::Pt(0.5),
                color: Color::BLACK,
                style: RuleStyle::Solid,
            },
        ));
    }
    Frames { frames, bodies }
}

/// Hairlines between blocks: across the gap line over every block below the page's top
/// (runs side by side joined into one), and down the gutter left of every block off the
/// page's left edge (runs one under another joined through their gap line).
fn rules(grid: &Grid, blocks: &[Block]) -> Vec<Rect> {
    let mut across: Vec<(u16, u8, u8)> = blocks
        .iter()
        .filter(|b| b.top > 0)
        .map(|b| (b.top - 1, b.col, b.col + b.span))
        .collect();
    across.sort_unstable();
    let mut joined_across: Vec<(u16, u8, u8)> = Vec::new();
    for (row, from, to) in across {
        match joined_across.last_mut() {
            Some(last) if last.0 == row && last.2 == from => last.2 = to,
            _ => joined_across.push((row, from, to)),
        }
    }
    let mut down: Vec<(u8, u16, u16)> = blocks
        .iter()
        .filter(|b| b.col > 0)
        .map(|b| (b.col, b.top, b.top + b.lines()))
        .collect();
    down.sort_unstable();
    let mut joined_down: Vec<(u8, u16, u16)> = Vec::new();
    for (col, from, to) in down {
        match joined_down.last_mut() {
            Some(last) if last.0 == col && from <= last.2 + 1 => last.2 = last.2.max(to),
            _ => joined_down.push((col, from, to)),
        }
    }
    let pitch = grid.pitch.0;
    let gutter = grid.template.gutter_width().0;
    let mut out: Vec<Rect> = joined_across
        .into_iter()
        .map(|(row, from, to)| {
            let cell = grid.cell(from, to - from, row, 1);
            Rect::new(cell.x.0, cell.y.0 + pitch / 2.0 - 0.5, cell.w.0, 1.0)
        })
        .collect();
    out.extend(joined_down.into_iter().map(|(col, from, to)| {
        let cell = grid.cell(col, 1, from, to - from);
        Rect::new(cell.x.0 - gutter / 2.0 - 0.5, cell.y.0, 1.0, cell.h.0)
    }));
    out
}
