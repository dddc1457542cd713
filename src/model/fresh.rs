//! New IDs that collide with nothing already in the edition: a base name, then `-2`, `-3` …

use super::{Edition, FrameId, PageId, PhotoId, StoryId, StyleId};

impl Edition {
    /// A frame ID not used yet, starting from `base`.
    pub fn fresh_frame_id(&self, base: &str) -> FrameId {
        FrameId::new(fresh(base, |id| self.frame(&FrameId::new(id)).is_some()))
    }

    pub fn fresh_page_id(&self) -> PageId {
        PageId::new(fresh("page", |id| {
            self.page_index(&PageId::new(id)).is_some()
        }))
    }

    pub fn fresh_story_id(&self, base: &str) -> StoryId {
        StoryId::new(fresh(base, |id| self.story(&StoryId::new(id)).is_some()))
    }

    pub fn fresh_photo_id(&self, base: &str) -> PhotoId {
        PhotoId::new(fresh(base, |id| self.photo(&PhotoId::new(id)).is_some()))
    }

    /// A paragraph style ID not used yet, starting from `base`.
    pub fn fresh_style_id(&self, base: &str) -> StyleId {
        StyleId::new(fresh(base, |id| {
            self.styles.paragraph(&StyleId::new(id)).is_some()
        }))
    }
}

fn fresh(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let base = if base.is_empty() { "item".into() } else { base };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unused ID exists")
}
