//! Photo tools the editor asks for: replacing a frame's photo and the content grabber (drag
//! the image inside its frame to pan the crop, scroll to scale it). They return edits, so the
//! editor, the command line and tests share them.

use super::{EditionLayout, ImageItem, Item, Resources};
use crate::model::{Crop, Edit, Edition, FrameId, FrameKind, PhotoId};

/// Why a photo tool could not make its edit.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PhotoToolError {
    #[error("there is no frame {0}")]
    NoFrame(FrameId),
    #[error("frame {0} is not a photo frame")]
    NotPhoto(FrameId),
    #[error("there is no photo {0}")]
    NoPhoto(PhotoId),
    /// The layout has no image for the frame (it was laid out before the frame existed).
    #[error("frame {0} has no laid-out image; lay the edition out again")]
    NotLaidOut(FrameId),
    /// The photo's file cannot be read, so its pixels cannot be panned.
    #[error("photo {0} cannot be read: {1}")]
    Unreadable(PhotoId, String),
}

/// The frame's photo kind, or why not.
fn photo_kind(edition: &Edition, frame: &FrameId) -> Result<FrameKind, PhotoToolError> {
    let (_, f) = edition
        .frame(frame)
        .ok_or_else(|| PhotoToolError::NoFrame(frame.clone()))?;
    match &f.kind {
        FrameKind::Photo { .. } => Ok(f.kind.clone()),
        _ => Err(PhotoToolError::NotPhoto(frame.clone())),
    }
}

/// The edit that shows `photo` in photo frame `frame`, keeping fit, story and — where it can —
/// the crop ([`Crop::for_image`]: kept for the same aspect ratio, reshaped to the same framing
/// otherwise). When either photo's size is unknown the crop is kept, made valid.
pub fn replace_photo_edit(
    edition: &Edition,
    resources: &dyn Resources,
    frame: &FrameId,
    photo: &PhotoId,
) -> Result<Edit, PhotoToolError> {
    let FrameKind::Photo {
        photo: old,
        story,
        fit,
        crop,
        caption_beside,
    } = photo_kind(edition, frame)?
    else {
        return Err(PhotoToolError::NotPhoto(frame.clone()));
    };
    let new = edition
        .photo(photo)
        .ok_or_else(|| PhotoToolError::NoPhoto(photo.clone()))?;
    let old_size = edition
        .photo(&old)
        .and_then(|p| resources.photo_size(&p.path).ok());
    let crop = match (old_size, resources.photo_size(&new.path).ok()) {
        (Some(a), Some(b)) => crop.for_image(a, b),
        _ => crop.clamped(),
    };
    Ok(Edit::SetFrameKind {
        frame: frame.clone(),
        kind: FrameKind::Photo {
            photo: photo.clone(),
            story,
            fit,
            crop,
            caption_beside,
        },
    })
}

/// The crop after a content-grabber gesture on a laid-out image: `drag` in points moves the
/// image with the pointer (x right, y down) and `zoom_steps` scroll steps scale it by
/// [`Crop::ZOOM_STEP`] each (positive: larger), about the window's centre.
///
/// The image shows at `placement.w / crop_px[2]` points per source pixel, so a drag of `d`
/// points moves the crop window by `d / (pt_per_px × width_px)` of the image (see
/// [`Crop::panned`]); zooming is applied after panning and both stay inside the image.
pub fn grab_crop(
    image: &ImageItem,
    size: (u32, u32),
    crop: Crop,
    drag: (f32, f32),
    zoom_steps: f32,
) -> Crop {
    let pt_per_px = image.placement.w.0 / image.crop_px[2].max(1) as f32;
    crop.panned(drag, pt_per_px, size).zoomed_steps(zoom_steps)
}

/// The edit for a content-grabber gesture on photo frame `frame` as `layout` shows it; undoing
/// it restores the crop. Reset is an ordinary [`Edit::SetFrameKind`] with [`Crop::default`].
pub fn grab_edit(
    edition: &Edition,
    layout: &EditionLayout,
    resources: &dyn Resources,
    frame: &FrameId,
    drag: (f32, f32),
    zoom_steps: f32,
) -> Result<Edit, PhotoToolError> {
    let FrameKind::Photo {
        photo,
        story,
        fit,
        crop,
        caption_beside,
    } = photo_kind(edition, frame)?
    else {
        return Err(PhotoToolError::NotPhoto(frame.clone()));
    };
    let image = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find_map(|i| match i {
            Item::Image(img) if img.frame == *frame => Some(img),
            _ => None,
        })
        .ok_or_else(|| PhotoToolError::NotLaidOut(frame.clone()))?;
    let p = edition
        .photo(&photo)
        .ok_or_else(|| PhotoToolError::NoPhoto(photo.clone()))?;
    let size = resources
        .photo_size(&p.path)
        .map_err(|e| PhotoToolError::Unreadable(photo.clone(), e.to_string()))?;
    Ok(Edit::SetFrameKind {
        frame: frame.clone(),
        kind: FrameKind::Photo {
            photo,
            story,
            fit,
            crop: grab_crop(image, size, crop, drag, zoom_steps),
            caption_beside,
        },
    })
}
