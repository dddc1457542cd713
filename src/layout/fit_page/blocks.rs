//! The page as blocks: each story's frames on it, and what in them stretches when an edge
//! moves (the last body frame, or a filled photo within its crop tolerance and resolution).

use std::collections::HashMap;

use crate::model::{Edition, Fit, Frame, FrameId, FrameKind, Rect, StoryId};
use crate::resources::Resources;

/// A PPI under which growing a photo is not allowed (unless it is already lower).
const MIN_PPI: f32 = 200.0;

/// What gives in a block when its edges move.
#[derive(Clone, Copy, Debug)]
pub(super) enum Flex {
    /// Nothing: the block moves but keeps its height.
    None,
    /// The last frame of the story's thread on the page grows or shrinks.
    Body { frame: usize, columns: i32 },
    /// A filled photo frame, with the height its caption takes, the photo's aspect (after
    /// the user's crop) and the share of it the frame may cut away.
    Photo {
        frame: usize,
        caption: f32,
        aspect: f32,
        max_loss: f32,
        px_h: f32,
        min_ppi: f32,
    },
}

/// One story's frames on the page.
#[derive(Clone, Debug)]
pub(super) struct Block {
    pub(super) story: StoryId,
    pub(super) frames: Vec<usize>,
    pub(super) rect: Rect,
    pub(super) flex: Flex,
    pub(super) locked: bool,
    /// Lines over as set now (the story's tracking, the block's height unchanged).
    pub(super) over: i32,
    /// Each tracking the house allows, with the lines over it sets (height unchanged);
    /// estimated from the composer and corrected after each round.
    pub(super) tracking: Vec<(f32, i32)>,
    /// The story's tracking now.
    pub(super) base: f32,
    /// Body lines the thread holds after this page's frames.
    pub(super) later: i32,
}

/// The blocks of the stories with frames on page `page`. Stories whose frames overlap
/// another's block (not a rectangle of their own) are left out: they stay where they are.
pub(super) fn blocks(
    edition: &Edition,
    resources: &dyn Resources,
    page: usize,
    fits: &HashMap<&StoryId, i32>,
    clips: &HashMap<&FrameId, Rect>,
    grid: f32,
) -> Vec<Block> {
    let frames = &edition.pages[page].frames;
    let mut out: Vec<Block> = Vec::new();
    for story in &edition.stories {
        let mut mine: Vec<usize> = Vec::new();
        let mut body: Option<(usize, usize)> = None; // (thread position, frame index)
        let mut photo = None;
        for (i, f) in frames.iter().enumerate() {
            match &f.kind {
                FrameKind::Headline { story: s, .. } if s == &story.id => mine.push(i),
                FrameKind::Photo { story: Some(s), .. } if s == &story.id => {
                    mine.push(i);
                    photo.get_or_insert(i);
                }
                FrameKind::Text { .. } => {
                    if let Some(at) = story.thread.iter().position(|t| t == &f.id) {
                        mine.push(i);
                        if body.is_none_or(|(b, _)| at > b) {
                            body = Some((at, i));
                        }
                    }
                }
                _ => {}
            }
        }
        let Some(rect) = mine
            .iter()
            .map(|&i| frames[i].rect)
            .reduce(|a, b| a.union(&b))
        else {
            continue;
        };
        let mut later = 0;
        let flex = if let Some((at, i)) = body {
            for id in &story.thread[at + 1..] {
                if let Some((_, f)) = edition.frame(id)
                    && let FrameKind::Text { columns, .. } = f.kind
                {
                    later += (f.text_rect().h.0 / grid).floor() as i32 * i32::from(columns.max(1));
                }
            }
            let FrameKind::Text { columns, .. } = frames[i].kind else {
                unreachable!("a body frame is a text frame")
            };
            Flex::Body {
                frame: i,
                columns: i32::from(columns.max(1)),
            }
        } else if let Some(i) = photo {
            photo_flex(edition, resources, &frames[i], i, clips)
        } else {
            Flex::None
        };
        out.push(Block {
            story: story.id.clone(),
            locked: mine.iter().any(|&i| frames[i].locked),
            frames: mine,
            rect,
            flex,
            over: fits.get(&story.id).copied().unwrap_or(0),
            tracking: Vec::new(),
            base: story.copyfit.tracking_pct,
            later,
        });
    }
    // A story spread over the page (its headline here, its body across another block) is
    // no rectangle: it stays put, and so do the blocks it overlaps.
    let tangled: Vec<bool> = (0..out.len())
        .map(|a| {
            (0..out.len()).any(|b| {
                a != b
                    && out[a]
                        .rect
                        .intersection(&out[b].rect)
                        .is_some_and(|r| r.w.0 > 1.0 && r.h.0 > 1.0)
            })
        })
        .collect();
    for (block, tangled) in out.iter_mut().zip(tangled) {
        if tangled {
            block.locked = true;
        }
    }
    out
}

/// How a filled photo frame may stretch.
fn photo_flex(
    edition: &Edition,
    resources: &dyn Resources,
    frame: &Frame,
    index: usize,
    clips: &HashMap<&FrameId, Rect>,
) -> Flex {
    let FrameKind::Photo {
        photo,
        fit: Fit::Fill,
        crop,
        ..
    } = &frame.kind
    else {
        return Flex::None;
    };
    let Some(p) = edition.photo(photo) else {
        return Flex::None;
    };
    let Ok((px_w, px_h)) = resources.photo_size(&p.path) else {
        return Flex::None;
    };
    let (kx, ky) = crop.kept();
    let (cw, ch) = (px_w as f32 * kx, px_h as f32 * ky);
    if cw < 1.0 || ch < 1.0 {
        return Flex::None;
    }
    let caption = clips
        .get(&frame.id)
        .map_or(0.0, |clip| (frame.rect.h.0 - clip.h.0).max(0.0));
    let aspect = cw / ch;
    let limit = edition.copyfit.photo_crop_pct / 100.0;
    let mut flex = Flex::Photo {
        frame: index,
        caption,
        aspect,
        max_loss: 0.0,
        px_h: ch,
        min_ppi: 0.0,
    };
    let (loss, ppi) = photo_at(flex, frame.rect.w.0, frame.rect.h.0);
    if let Flex::Photo {
        max_loss, min_ppi, ..
    } = &mut flex
    {
        *max_loss = limit.max(loss) + 1e-4;
        *min_ppi = MIN_PPI.min(ppi) - 0.5;
    }
    flex
}

/// The share of the photo a frame `w` × `h` cuts away, and the PPI it prints at.
pub(super) fn photo_at(flex: Flex, w: f32, h: f32) -> (f32, f32) {
    let Flex::Photo {
        caption,
        aspect,
        px_h,
        ..
    } = flex
    else {
        return (0.0, f32::INFINITY);
    };
    let area_h = (h - caption).max(1.0);
    let area = w / area_h;
    let loss = 1.0 - (aspect / area).min(area / aspect);
    // Filling: the image is scaled to cover the area; its height in points over its pixels.
    let shown_h = area_h.max(w / aspect);
    let ppi = px_h / (shown_h / 72.0);
    (loss, ppi)
}
