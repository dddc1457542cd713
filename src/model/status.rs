//! A page's status on its way to the plant: 编辑中 (being made) → 待审 (waiting for an
//! editor) → 已签发 (signed off), and the rule that a signed-off page takes no edits until it is
//! reopened.

use serde::{Deserialize, Serialize};

use super::{Edit, EditError, Edition, FrameId, PageId, StoryId};

/// Where a page is on its way to the plant. Stored on the page; a page in the file without a
/// status is being edited, and one being edited writes none, so older files load and save
/// unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageStatus {
    /// 编辑中: designers and editors are still working on it.
    #[default]
    Editing,
    /// 待审: finished by the designer, waiting for an editor to read and sign it off.
    Review,
    /// 已签发: signed off by `by`; it refuses edits until reopened (by `by` or the chief).
    SignedOff { by: String },
}

impl PageStatus {
    /// True for [`PageStatus::Editing`], which the file leaves out.
    pub fn is_editing(&self) -> bool {
        matches!(self, Self::Editing)
    }

    /// Who signed the page off, when it is.
    pub fn signer(&self) -> Option<&str> {
        match self {
            Self::SignedOff { by } => Some(by),
            _ => None,
        }
    }

    /// The status as the PDF-ready data and the command line write it: `editing`, `review`,
    /// `signed-off`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Editing => "editing",
            Self::Review => "review",
            Self::SignedOff { .. } => "signed-off",
        }
    }
}

impl Edition {
    /// The pages `edit` would change, by ID, sorted and without repeats: the page of every
    /// frame it moves, restyles, inserts or removes; every page a story it changes flows
    /// through or is shown on (a headline or a caption); the page it retitles, moves or
    /// removes; every page on a template it replaces. Styles and edition settings reach every
    /// page and are not counted here.
    pub fn pages_touched(&self, edit: &Edit) -> Vec<PageId> {
        let mut pages = Vec::new();
        let frame = |pages: &mut Vec<PageId>, id: &FrameId| {
            if let Some((i, _)) = self.frame(id) {
                pages.push(self.pages[i].id.clone());
            }
        };
        let story_pages = |pages: &mut Vec<PageId>, id: &StoryId| {
            for page in &self.pages {
                let shows = page.frames.iter().any(|f| f.kind.shown_story() == Some(id));
                let threads = self
                    .story(id)
                    .is_some_and(|s| page.frames.iter().any(|f| s.thread.contains(&f.id)));
                if shows || threads {
                    pages.push(page.id.clone());
                }
            }
        };
        match edit {
            Edit::SetFrameRect { frame: f, .. }
            | Edit::SetFrameWrap { frame: f, .. }
            | Edit::SetFrameVertical { frame: f, .. }
            | Edit::SetFrameLocked { frame: f, .. }
            | Edit::RemoveFrame { frame: f } => frame(&mut pages, f),
            Edit::SetFrameKind { frame: f, kind } => {
                frame(&mut pages, f);
                // A headline or caption that starts showing a story on a signed-off page
                // changes that page, and so does one that stops.
                if let Some(s) = kind.shown_story() {
                    story_pages(&mut pages, s);
                }
            }
            Edit::InsertFrame { page, .. } => pages.push(page.clone()),
            Edit::SetThread { story, thread } => {
                story_pages(&mut pages, story);
                for f in thread {
                    frame(&mut pages, f);
                }
            }
            Edit::SetStoryText { story, .. }
            | Edit::SetParagraphs { story, .. }
            | Edit::SetStoryStyles { story, .. }
            | Edit::SetCopyfit { story, .. }
            | Edit::RemoveStory { story } => story_pages(&mut pages, story),
            Edit::RemovePage { page }
            | Edit::MovePage { page, .. }
            | Edit::SetPageTitle { page, .. }
            | Edit::SetPageSection { page, .. }
            | Edit::SetPageTemplate { page, .. } => pages.push(page.clone()),
            Edit::SetTemplate { template } => pages.extend(
                self.pages
                    .iter()
                    .filter(|p| p.template == template.id)
                    .map(|p| p.id.clone()),
            ),
            // A status change is how a signed-off page is reopened; it is never refused here.
            Edit::SetPageStatus { .. }
            | Edit::InsertStory { .. }
            | Edit::InsertPhoto { .. }
            | Edit::RemovePhoto { .. }
            | Edit::InsertPage { .. }
            | Edit::InsertStyle { .. }
            | Edit::SetStyle { .. }
            | Edit::RenameStyle { .. }
            | Edit::RemoveStyle { .. }
            | Edit::InsertTemplate { .. }
            | Edit::RemoveTemplate { .. }
            | Edit::SetEditionSettings(_) => {}
        }
        pages.sort();
        pages.dedup();
        pages
    }

    /// Refuses `edit` when it would change a signed-off page, naming the first such page (by
    /// its label) and who signed it off.
    pub fn check_signed_off(&self, edit: &Edit) -> Result<(), EditError> {
        // Most editions have no signed-off page; they pay nothing for the rule.
        if self.pages.iter().all(|p| p.status.signer().is_none()) {
            return Ok(());
        }
        for id in self.pages_touched(edit) {
            let Some(i) = self.page_index(&id) else {
                continue;
            };
            if let PageStatus::SignedOff { by } = &self.pages[i].status {
                return Err(EditError::SignedOff {
                    page: self.page_label(i),
                    by: by.clone(),
                });
            }
        }
        Ok(())
    }
}
