//! What an edit changes, as keys the server compares: two edits commute when their keys are
//! disjoint, so one based on a version that lacks the other can be applied after it unchanged.
//!
//! Keys are deliberately coarse where order matters: every edit that inserts, removes or moves
//! in a list (a page's frames, the pages, the stories …) touches the list itself, so two such
//! edits never pass each other. Geometry is per frame and text per story, which is what lets a
//! designer move frames while an editor types on the same page.

use crate::model::{Edit, Edition, FrameId, FrameKind, StoryId};

/// The keys `edit` touches, computed against the edition it is applied to (`before`), sorted
/// and without repeats.
pub fn touches(edit: &Edit, before: &Edition) -> Vec<String> {
    let mut keys = Vec::new();
    let frame = |id: &FrameId| format!("frame:{id}");
    let story = |id: &StoryId| format!("story:{id}");
    // The page a frame is on: its frame list changes when the frame comes or goes.
    let page_of = |id: &FrameId| {
        before
            .frame(id)
            .and_then(|(i, _)| before.pages.get(i))
            .map(|p| format!("page:{}:frames", p.id))
    };
    let shown = |kind: &FrameKind| {
        let mut keys: Vec<String> = kind.shown_story().map(story).into_iter().collect();
        if let FrameKind::Photo { photo, .. } = kind {
            keys.push(format!("photo:{photo}"));
        }
        keys
    };
    match edit {
        Edit::SetFrameRect { frame: f, .. }
        | Edit::SetFrameWrap { frame: f, .. }
        | Edit::SetFrameVertical { frame: f, .. }
        | Edit::SetFrameLocked { frame: f, .. } => keys.push(frame(f)),
        Edit::SetFrameKind { frame: f, kind } => {
            keys.push(frame(f));
            keys.extend(shown(kind));
            // A text frame's story flows through it: changing its kind concerns that story.
            if let Some(s) = before.story_of_frame(f) {
                keys.push(story(&s.id));
            }
        }
        Edit::InsertFrame { page, frame: f, .. } => {
            keys.push(frame(&f.id));
            keys.push(format!("page:{page}:frames"));
            keys.extend(shown(&f.kind));
        }
        Edit::RemoveFrame { frame: f } => {
            keys.push(frame(f));
            keys.extend(page_of(f));
        }
        Edit::SetThread { story: s, thread } => {
            keys.push(story(s));
            // Linking or unlinking changes what the frames show, old thread and new.
            let old = before.story(s).map(|s| s.thread.as_slice()).unwrap_or(&[]);
            keys.extend(old.iter().chain(thread).map(frame));
        }
        Edit::SetStoryText { story: s, .. }
        | Edit::SetParagraphs { story: s, .. }
        | Edit::SetStoryStyles { story: s, .. }
        | Edit::SetCopyfit { story: s, .. } => keys.push(story(s)),
        Edit::InsertStory { story: s, .. } => {
            keys.push(story(&s.id));
            keys.push("stories".to_owned());
        }
        Edit::RemoveStory { story: s } => {
            keys.push(story(s));
            keys.push("stories".to_owned());
        }
        Edit::InsertPhoto { photo, .. } => {
            keys.push(format!("photo:{}", photo.id));
            keys.push("photos".to_owned());
        }
        Edit::RemovePhoto { photo } => {
            keys.push(format!("photo:{photo}"));
            keys.push("photos".to_owned());
        }
        Edit::InsertPage { page, .. } => {
            keys.push(format!("page:{}", page.id));
            keys.push("pages".to_owned());
        }
        Edit::RemovePage { page } | Edit::MovePage { page, .. } => {
            keys.push(format!("page:{page}"));
            keys.push("pages".to_owned());
        }
        Edit::SetPageTitle { page, .. }
        | Edit::SetPageSection { page, .. }
        | Edit::SetPageTemplate { page, .. } => keys.push(format!("page:{page}")),
        // Styles refer to each other (and stories to them); one key for all of them keeps a
        // rename from passing an edit that uses the old name.
        Edit::InsertStyle { .. }
        | Edit::SetStyle { .. }
        | Edit::RenameStyle { .. }
        | Edit::RemoveStyle { .. } => keys.push("styles".to_owned()),
        Edit::SetTemplate { .. } | Edit::InsertTemplate { .. } | Edit::RemoveTemplate { .. } => {
            keys.push("templates".to_owned())
        }
        Edit::SetEditionSettings(_) => keys.push("settings".to_owned()),
        // Signing a page off concerns everything on it: an edit to one of its frames or
        // stories that the signer had not seen conflicts with the sign-off, naming the signer,
        // instead of landing on a page the signer read without it.
        Edit::SetPageStatus { page, .. } => {
            keys.push(format!("page:{page}"));
            if let Some(p) = before.pages.iter().find(|p| &p.id == page) {
                for f in &p.frames {
                    keys.push(frame(&f.id));
                    keys.extend(shown(&f.kind));
                    if let Some(s) = before.story_of_frame(&f.id) {
                        keys.push(story(&s.id));
                    }
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}
