//! Edits the store tests make of the sample: a frame moved, a headline retyped.

use broadsheet::model::{Edit, Edition, FrameId, Pt, StoryField, StoryId};

/// Frame `frame` moved by `dx`, `dy` points from where it is in `edition`.
pub fn moved(edition: &Edition, frame: &str, dx: f32, dy: f32) -> Edit {
    let id = FrameId::new(frame);
    let mut rect = edition.frame(&id).expect("the frame exists").1.rect;
    rect.x = Pt(rect.x.0 + dx);
    rect.y = Pt(rect.y.0 + dy);
    Edit::SetFrameRect { frame: id, rect }
}

/// Story `story`'s headline set to `text`.
pub fn headline(story: &str, text: &str) -> Edit {
    Edit::SetStoryText {
        story: StoryId::new(story),
        field: StoryField::Headline,
        text: text.to_owned(),
    }
}
