//! Frames on the clipboard: what Copy puts there and what Paste makes of it, in this edition or
//! another one (another window reads the same RON text from the system clipboard).
//!
//! The rules a designer can rely on:
//! - A pasted **text frame** is empty: a story flows through one chain of frames, so a copy
//!   cannot take the story along (link it to continue the story there).
//! - A pasted **headline or photo frame** shows the same story and photo. In another edition
//!   the story and photo travel with the clip and are added (under a new ID if theirs is taken).
//! - Pasted frames get new IDs, are unlocked, and keep their size; the caller chooses where.

use serde::{Deserialize, Serialize};

use super::{Edit, Edition, Frame, FrameId, FrameKind, Photo, Story};

/// The first thing in clipboard text that holds frames, so other text is never taken for them.
const MARK: &str = "BroadsheetFrames";

/// Frames copied from an edition, with what they show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "BroadsheetFrames")]
pub struct Clip {
    pub frames: Vec<Frame>,
    /// The stories headline and photo frames show (text only: threads are not copied).
    #[serde(default)]
    pub stories: Vec<Story>,
    #[serde(default)]
    pub photos: Vec<Photo>,
}

impl Clip {
    /// The clip as RON text for the system clipboard.
    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::default().struct_names(true);
        ron::ser::to_string_pretty(self, config).unwrap_or_default()
    }

    /// Frames from clipboard text, when it holds some.
    pub fn from_text(text: &str) -> Option<Clip> {
        if !text.trim_start().starts_with(MARK) {
            return None;
        }
        ron::from_str(text).ok()
    }

    /// The top-left corner of all the frames, to paste relative to.
    pub fn origin(&self) -> (f32, f32) {
        let x = self
            .frames
            .iter()
            .map(|f| f.rect.x.0)
            .fold(f32::INFINITY, f32::min);
        let y = self
            .frames
            .iter()
            .map(|f| f.rect.y.0)
            .fold(f32::INFINITY, f32::min);
        (x, y)
    }
}

impl Edition {
    /// The frames `ids` (on any pages) as a clip.
    pub fn copy_frames(&self, ids: &[FrameId]) -> Clip {
        let frames: Vec<Frame> = ids
            .iter()
            .filter_map(|id| self.frame(id))
            .map(|(_, f)| f.clone())
            .collect();
        let mut stories: Vec<Story> = Vec::new();
        let mut photos: Vec<Photo> = Vec::new();
        for f in &frames {
            if let Some(s) = f.kind.shown_story().and_then(|s| self.story(s))
                && !stories.iter().any(|o| o.id == s.id)
            {
                stories.push(Story {
                    thread: Vec::new(),
                    ..s.clone()
                });
            }
            if let FrameKind::Photo { photo, .. } = &f.kind
                && let Some(p) = self.photo(photo)
                && !photos.iter().any(|o| o.id == p.id)
            {
                photos.push(p.clone());
            }
        }
        Clip {
            frames,
            stories,
            photos,
        }
    }

    /// Pasting `clip` on the page at `page`, moved by `(dx, dy)` from where it was copied.
    /// Returns the edits (one undo step) and the new frames' IDs.
    pub fn paste_edits(
        &self,
        clip: &Clip,
        page: usize,
        (dx, dy): (f32, f32),
    ) -> Option<(Vec<Edit>, Vec<FrameId>)> {
        let p = self.pages.get(page)?;
        // A scratch copy hands out fresh IDs that stay unique across the whole paste.
        let mut scratch = self.clone();
        let mut edits = Vec::new();
        let apply = |scratch: &mut Edition, edit: Edit, edits: &mut Vec<Edit>| {
            if scratch.apply(edit.clone()).is_ok() {
                edits.push(edit);
            }
        };
        // Stories and photos this edition lacks come along; the same ID with other content
        // gets a new ID so nothing here is overwritten.
        let mut story_ids = std::collections::HashMap::new();
        for s in &clip.stories {
            match scratch.story(&s.id) {
                Some(_) if self.story(&s.id).is_some_and(|o| o.headline == s.headline) => {}
                _ => {
                    let id = scratch.fresh_story_id(s.id.as_str());
                    story_ids.insert(s.id.clone(), id.clone());
                    let story = Story {
                        id,
                        photo: None,
                        ..s.clone()
                    };
                    let index = scratch.stories.len();
                    let edit = Edit::InsertStory {
                        index,
                        story: Box::new(story),
                    };
                    apply(&mut scratch, edit, &mut edits);
                }
            }
        }
        let mut photo_ids = std::collections::HashMap::new();
        for ph in &clip.photos {
            let same = self.photo(&ph.id).is_some_and(|o| o.path == ph.path);
            if !same {
                let id = scratch.fresh_photo_id(ph.id.as_str());
                photo_ids.insert(ph.id.clone(), id.clone());
                let index = scratch.photos.len();
                let photo = Photo { id, ..ph.clone() };
                apply(&mut scratch, Edit::InsertPhoto { index, photo }, &mut edits);
            }
        }
        let mut ids = Vec::new();
        for f in &clip.frames {
            let kind = match &f.kind {
                FrameKind::Headline { story, tint, inset } => FrameKind::Headline {
                    story: story_ids
                        .get(story)
                        .cloned()
                        .unwrap_or_else(|| story.clone()),
                    tint: *tint,
                    inset: *inset,
                },
                FrameKind::Photo {
                    photo,
                    story,
                    fit,
                    crop,
                    caption_beside,
                } => FrameKind::Photo {
                    photo: photo_ids
                        .get(photo)
                        .cloned()
                        .unwrap_or_else(|| photo.clone()),
                    story: story
                        .as_ref()
                        .map(|s| story_ids.get(s).cloned().unwrap_or_else(|| s.clone())),
                    fit: *fit,
                    crop: *crop,
                    caption_beside: *caption_beside,
                },
                FrameKind::Folio { style } if self.styles.paragraph(style).is_none() => {
                    FrameKind::Folio {
                        style: self.roles.folio.clone(),
                    }
                }
                other => other.clone(),
            };
            // Keep the frame's own name after its page prefix: "p1-lead-head" → "p3-lead-head".
            let tail =
                f.id.as_str()
                    .split_once('-')
                    .map_or(f.id.as_str(), |(_, t)| t);
            let id = scratch.fresh_frame_id(&format!("{}-{tail}", p.id));
            let mut rect = f.rect;
            rect.x.0 += dx;
            rect.y.0 += dy;
            let frame = Frame::new(id.clone(), rect, kind);
            let index = scratch.pages.get(page).map_or(0, |p| p.frames.len());
            let edit = Edit::InsertFrame {
                page: p.id.clone(),
                index,
                frame,
            };
            if scratch.apply(edit.clone()).is_ok() {
                edits.push(edit);
                ids.push(id);
            }
        }
        Some((edits, ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_text_frame_is_empty_and_a_headline_frame_shows_the_same_story() {
        let mut e = crate::sample::edition();
        let ids = [FrameId::new("p1-lead-head"), FrameId::new("p1-lead-body")];
        let clip = Clip::from_text(&e.copy_frames(&ids).to_text()).expect("the clip reads back");
        let (edits, new) = e.paste_edits(&clip, 1, (0.0, 0.0)).unwrap();
        e.apply_all(edits).unwrap();
        assert_eq!(new.len(), 2);
        assert!(new.iter().all(|id| id.as_str().starts_with("p2-")));
        let head = &e.frame(&new[0]).unwrap().1.kind;
        assert!(matches!(head, FrameKind::Headline { story, .. } if story.as_str() == "lead"));
        assert!(
            e.story_of_frame(&new[1]).is_none(),
            "the text frame is empty"
        );
        assert_eq!(e.stories.len(), crate::sample::edition().stories.len());
    }

    #[test]
    fn pasting_into_another_edition_brings_the_story_and_photo_along() {
        let from = crate::sample::edition();
        let clip = from.copy_frames(&[FrameId::new("p1-taihuli-photo")]);
        let mut to = crate::sample::blank(crate::model::PageTemplate::presets().remove(0));
        let (edits, new) = to.paste_edits(&clip, 0, (0.0, 0.0)).unwrap();
        to.apply_all(edits).unwrap();
        to.validate()
            .expect("the pasted frame's story and photo exist");
        assert_eq!(to.photos.len(), 1);
        assert!(matches!(
            to.frame(&new[0]).unwrap().1.kind,
            FrameKind::Photo { .. }
        ));
    }

    #[test]
    fn other_text_on_the_clipboard_is_not_taken_for_frames() {
        assert!(Clip::from_text("河西区组织上海、合肥招商对接活动").is_none());
        assert!(Clip::from_text("BroadsheetFrames(broken").is_none());
    }
}
