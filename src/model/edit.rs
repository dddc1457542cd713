//! Every change to a document is an [`Edit`]. Applying one returns its inverse, so undo is
//! applying the inverse and redo is applying the inverse's inverse (helix's transactions).
//! Edits name things by stable ID, never by reference, so they stay valid across undo/redo and
//! can be sent to another editor.

use super::{
    BodyParagraph, Edition, EditionSettings, Frame, FrameId, FrameKind, Page, PageId, PageTemplate,
    ParagraphStyle, Photo, PhotoId, Rect, SectionId, Story, StoryField, StoryId, StoryStyles,
    StyleId, TemplateId, Wrap,
};

/// One change to an edition. Serialisable (RON text in the PostgreSQL store's edit log), so an
/// edit made in one editor can be applied in another.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Moves or resizes a frame.
    SetFrameRect {
        frame: FrameId,
        rect: Rect,
    },
    /// Changes what a frame holds and how (columns, gutter, photo fit and crop …).
    SetFrameKind {
        frame: FrameId,
        kind: FrameKind,
    },
    /// Sets or removes a frame's text wrap (图文互斥).
    SetFrameWrap {
        frame: FrameId,
        wrap: Option<Wrap>,
    },
    InsertFrame {
        page: PageId,
        index: usize,
        frame: Frame,
    },
    /// Removes a frame; it must not be in any story's thread (unlink it first).
    RemoveFrame {
        frame: FrameId,
    },
    /// Sets the frames a story's body flows through: linking and unlinking.
    SetThread {
        story: StoryId,
        thread: Vec<FrameId>,
    },
    /// Sets one text field of a story from a string. For the body, each line is a paragraph
    /// ("" is no paragraphs) and paragraphs that survive keep their styles; its inverse is an
    /// exact [`Edit::SetParagraphs`].
    SetStoryText {
        story: StoryId,
        field: StoryField,
        text: String,
    },
    /// Replaces a story's body paragraphs, styles included. Every named style must exist.
    SetParagraphs {
        story: StoryId,
        paragraphs: Vec<BodyParagraph>,
    },
    SetStoryStyles {
        story: StoryId,
        styles: StoryStyles,
    },
    SetCopyfit {
        story: StoryId,
        copyfit: super::Copyfit,
    },
    InsertStory {
        index: usize,
        story: Box<Story>,
    },
    /// Removes a story; its thread must be empty and no frame may show it.
    RemoveStory {
        story: StoryId,
    },
    InsertPhoto {
        index: usize,
        photo: Photo,
    },
    RemovePhoto {
        photo: PhotoId,
    },
    /// Inserts a page at `index`. Its frames must not be threaded by any story yet.
    InsertPage {
        index: usize,
        page: Box<Page>,
    },
    /// Removes a page; none of its frames may be in a thread.
    RemovePage {
        page: PageId,
    },
    /// Moves a page to position `to` (jump lines follow from the new order).
    MovePage {
        page: PageId,
        to: usize,
    },
    SetPageTitle {
        page: PageId,
        title: String,
    },
    /// Sets a headline or text frame's text vertical (竖排) or back to horizontal.
    SetFrameVertical {
        frame: FrameId,
        vertical: bool,
    },
    /// Locks or unlocks a frame against moving, resizing and deleting.
    SetFrameLocked {
        frame: FrameId,
        locked: bool,
    },
    /// Puts a page in a section (its label takes the section's prefix) or in none.
    SetPageSection {
        page: PageId,
        section: Option<SectionId>,
    },
    /// Inserts a paragraph style at `index`; it must pass [`ParagraphStyle::check`] and have a
    /// new ID.
    InsertStyle {
        index: usize,
        style: Box<ParagraphStyle>,
    },
    /// Replaces the paragraph style with the same ID, all of it; checked like `InsertStyle`.
    SetStyle {
        style: Box<ParagraphStyle>,
    },
    /// Renames a paragraph style and every reference to it (roles, story styles, paragraph
    /// styles, template folios, folio frames). The inverse renames back.
    RenameStyle {
        from: StyleId,
        to: StyleId,
    },
    /// Removes a paragraph style nothing uses; refused with [`EditError::InUse`] listing the
    /// users otherwise.
    RemoveStyle {
        style: StyleId,
    },
    /// Replaces the template with the same ID; it must pass [`PageTemplate::check`]. Frames do
    /// not move: [`Edition::set_template_edits`] adds the moves that keep them on their columns.
    SetTemplate {
        template: Box<PageTemplate>,
    },
    InsertTemplate {
        index: usize,
        template: Box<PageTemplate>,
    },
    /// Removes a template no page uses.
    RemoveTemplate {
        template: TemplateId,
    },
    /// Puts a page on another template (see [`Edition::set_page_template_edits`] for the frame
    /// moves that go with it).
    SetPageTemplate {
        page: PageId,
        template: TemplateId,
    },
    /// Sets paper name, date, issue numbers, language and sections together; returns the old
    /// ones. A date must parse ([`super::parse_date`]); sections pages use must remain.
    SetEditionSettings(Box<EditionSettings>),
    /// Moves a page along 编辑中 → 待审 → 已签发, or back (reopening it). Who may do it is the
    /// newsroom's rule (see `store::roles`), not the edition's.
    SetPageStatus {
        page: PageId,
        status: super::PageStatus,
    },
}

/// Why an edit could not be applied. The edition is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("there is no frame {0}")]
    NoFrame(FrameId),
    #[error("there is no page {0}")]
    NoPage(PageId),
    #[error("there is no story {0}")]
    NoStory(StoryId),
    #[error("there is no photo {0}")]
    NoPhoto(PhotoId),
    #[error("there is no paragraph style {0}")]
    NoStyle(StyleId),
    #[error("there is no page template {0}")]
    NoTemplate(TemplateId),
    #[error("there is no section {0}")]
    NoSection(SectionId),
    /// A style value is unusable; the text is [`ParagraphStyle::check`]'s reason.
    #[error("style {0}: {1}")]
    InvalidStyle(StyleId, String),
    /// A template value is unusable; the text is [`PageTemplate::check`]'s reason.
    #[error("template {0}: {1}")]
    InvalidTemplate(TemplateId, String),
    /// An edition setting is unusable (an unreadable date, a nameless section …).
    #[error("{0}")]
    InvalidSettings(String),
    #[error("an ID {0} is already used")]
    Duplicate(String),
    #[error("{0} is still used: {1}")]
    InUse(String, String),
    #[error("position {0} is out of range")]
    OutOfRange(usize),
    /// A frame value is unusable; the text is [`Frame::check`]'s reason.
    #[error("frame {0}: {1}")]
    InvalidFrame(FrameId, String),
    /// The edit would change a page that is signed off (已签发).
    #[error("page {page} is signed off by {by}; it must be reopened before it can be changed")]
    SignedOff { page: String, by: String },
    /// The newsroom does not let this person make the edit (their role, a page someone else
    /// holds); the text says why.
    #[error("{0}")]
    Refused(String),
}

impl Edition {
    /// Applies `edit` and returns the edit that undoes it. On error nothing has changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.check_signed_off(&edit)?;
        match edit {
            Edit::SetPageStatus { page, status } => {
                let p = self.page_mut(&page)?;
                let old = std::mem::replace(&mut p.status, status);
                Ok(Edit::SetPageStatus { page, status: old })
            }
            Edit::SetFrameRect { frame, rect } => {
                let f = self
                    .frame_mut(&frame)
                    .ok_or_else(|| EditError::NoFrame(frame.clone()))?;
                let old = std::mem::replace(&mut f.rect, rect);
                Ok(Edit::SetFrameRect { frame, rect: old })
            }
            Edit::SetFrameKind { frame, kind } => {
                if let Some(story) = kind.shown_story()
                    && self.story(story).is_none()
                {
                    return Err(EditError::NoStory(story.clone()));
                }
                if let FrameKind::Photo { photo, .. } = &kind
                    && self.photo(photo).is_none()
                {
                    return Err(EditError::NoPhoto(photo.clone()));
                }
                let threaded = self.story_of_frame(&frame).map(|s| s.id.clone());
                let f = self
                    .frame_mut(&frame)
                    .ok_or_else(|| EditError::NoFrame(frame.clone()))?;
                let candidate = Frame {
                    kind: kind.clone(),
                    ..f.clone()
                };
                candidate
                    .check()
                    .map_err(|p| EditError::InvalidFrame(frame.clone(), p.message))?;
                if let Some(story) = threaded
                    && !matches!(kind, FrameKind::Text { .. })
                {
                    return Err(EditError::InUse(
                        frame.to_string(),
                        format!("story {story} flows through it"),
                    ));
                }
                let old = std::mem::replace(&mut f.kind, kind);
                Ok(Edit::SetFrameKind { frame, kind: old })
            }
            Edit::SetFrameWrap { frame, wrap } => {
                let f = self
                    .frame_mut(&frame)
                    .ok_or_else(|| EditError::NoFrame(frame.clone()))?;
                let candidate = Frame { wrap, ..f.clone() };
                candidate
                    .check()
                    .map_err(|p| EditError::InvalidFrame(frame.clone(), p.message))?;
                let old = std::mem::replace(&mut f.wrap, wrap);
                Ok(Edit::SetFrameWrap { frame, wrap: old })
            }
            Edit::InsertFrame { page, index, frame } => {
                if self.frame(&frame.id).is_some() {
                    return Err(EditError::Duplicate(frame.id.to_string()));
                }
                frame
                    .check()
                    .map_err(|p| EditError::InvalidFrame(frame.id.clone(), p.message))?;
                let p = self.page_mut(&page)?;
                if index > p.frames.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = frame.id.clone();
                p.frames.insert(index, frame);
                Ok(Edit::RemoveFrame { frame: id })
            }
            Edit::RemoveFrame { frame } => {
                if let Some(story) = self.story_of_frame(&frame) {
                    return Err(EditError::InUse(
                        frame.to_string(),
                        format!("story {} flows through it", story.id),
                    ));
                }
                for p in &mut self.pages {
                    if let Some(index) = p.frames.iter().position(|f| f.id == frame) {
                        let removed = p.frames.remove(index);
                        return Ok(Edit::InsertFrame {
                            page: p.id.clone(),
                            index,
                            frame: removed,
                        });
                    }
                }
                Err(EditError::NoFrame(frame))
            }
            Edit::SetThread { story, thread } => {
                if let Some(missing) = thread.iter().find(|f| self.frame(f).is_none()) {
                    return Err(EditError::NoFrame(missing.clone()));
                }
                if let Some(f) = thread.iter().find(|f| {
                    self.stories
                        .iter()
                        .any(|s| s.id != story && s.thread.contains(f))
                }) {
                    return Err(EditError::InUse(
                        f.to_string(),
                        "another story flows through it".into(),
                    ));
                }
                let s = self.story_mut_or(&story)?;
                let old = std::mem::replace(&mut s.thread, thread);
                Ok(Edit::SetThread { story, thread: old })
            }
            Edit::SetStoryText { story, field, text } => {
                let s = self.story_mut_or(&story)?;
                Ok(field.set(s, text))
            }
            Edit::SetParagraphs { story, paragraphs } => {
                if let Some(missing) = paragraphs
                    .iter()
                    .filter_map(|p| p.style.as_ref())
                    .find(|id| self.styles.paragraph(id).is_none())
                {
                    return Err(EditError::NoStyle(missing.clone()));
                }
                let s = self.story_mut_or(&story)?;
                let old = std::mem::replace(&mut s.paragraphs, paragraphs);
                Ok(Edit::SetParagraphs {
                    story,
                    paragraphs: old,
                })
            }
            Edit::SetStoryStyles { story, styles } => {
                let s = self.story_mut_or(&story)?;
                let old = std::mem::replace(&mut s.styles, styles);
                Ok(Edit::SetStoryStyles { story, styles: old })
            }
            Edit::SetCopyfit { story, copyfit } => {
                if !(copyfit.tracking_pct.is_finite() && copyfit.tracking_pct.abs() <= 10.0) {
                    return Err(EditError::InvalidSettings(format!(
                        "copyfit tracking must be between −10% and 10%, not {}%",
                        copyfit.tracking_pct
                    )));
                }
                if !(copyfit.scale_pct.is_finite() && copyfit.scale_pct.abs() <= 20.0) {
                    return Err(EditError::InvalidSettings(format!(
                        "copyfit scale must be between −20% and 20%, not {}%",
                        copyfit.scale_pct
                    )));
                }
                let s = self.story_mut_or(&story)?;
                let old = std::mem::replace(&mut s.copyfit, copyfit);
                Ok(Edit::SetCopyfit {
                    story,
                    copyfit: old,
                })
            }
            Edit::InsertStory { index, story } => {
                if self.story(&story.id).is_some() {
                    return Err(EditError::Duplicate(story.id.to_string()));
                }
                if index > self.stories.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = story.id.clone();
                self.stories.insert(index, *story);
                Ok(Edit::RemoveStory { story: id })
            }
            Edit::RemoveStory { story } => {
                let index = self
                    .stories
                    .iter()
                    .position(|s| s.id == story)
                    .ok_or_else(|| EditError::NoStory(story.clone()))?;
                if !self.stories[index].thread.is_empty() || self.frames_showing(&story) {
                    return Err(EditError::InUse(
                        story.to_string(),
                        "it is placed on a page".into(),
                    ));
                }
                let removed = self.stories.remove(index);
                Ok(Edit::InsertStory {
                    index,
                    story: Box::new(removed),
                })
            }
            Edit::InsertPhoto { index, photo } => {
                if self.photo(&photo.id).is_some() {
                    return Err(EditError::Duplicate(photo.id.to_string()));
                }
                if index > self.photos.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = photo.id.clone();
                self.photos.insert(index, photo);
                Ok(Edit::RemovePhoto { photo: id })
            }
            Edit::RemovePhoto { photo } => {
                let index = self
                    .photos
                    .iter()
                    .position(|p| p.id == photo)
                    .ok_or_else(|| EditError::NoPhoto(photo.clone()))?;
                let used =
                    self.pages.iter().flat_map(|p| &p.frames).any(
                        |f| matches!(&f.kind, FrameKind::Photo { photo: p, .. } if *p == photo),
                    ) || self
                        .stories
                        .iter()
                        .any(|s| s.photo.as_ref() == Some(&photo));
                if used {
                    return Err(EditError::InUse(photo.to_string(), "it is placed".into()));
                }
                let removed = self.photos.remove(index);
                Ok(Edit::InsertPhoto {
                    index,
                    photo: removed,
                })
            }
            Edit::InsertPage { index, page } => {
                if self.page_index(&page.id).is_some() {
                    return Err(EditError::Duplicate(page.id.to_string()));
                }
                if let Some(f) = page.frames.iter().find(|f| self.frame(&f.id).is_some()) {
                    return Err(EditError::Duplicate(f.id.to_string()));
                }
                if index > self.pages.len() {
                    return Err(EditError::OutOfRange(index));
                }
                let id = page.id.clone();
                self.pages.insert(index, *page);
                Ok(Edit::RemovePage { page: id })
            }
            Edit::RemovePage { page } => {
                let index = self
                    .page_index(&page)
                    .ok_or_else(|| EditError::NoPage(page.clone()))?;
                if let Some(f) = self.pages[index]
                    .frames
                    .iter()
                    .find(|f| self.story_of_frame(&f.id).is_some())
                {
                    return Err(EditError::InUse(
                        f.id.to_string(),
                        "a story flows through it".into(),
                    ));
                }
                let removed = self.pages.remove(index);
                Ok(Edit::InsertPage {
                    index,
                    page: Box::new(removed),
                })
            }
            Edit::MovePage { page, to } => {
                let from = self
                    .page_index(&page)
                    .ok_or_else(|| EditError::NoPage(page.clone()))?;
                if to >= self.pages.len() {
                    return Err(EditError::OutOfRange(to));
                }
                let p = self.pages.remove(from);
                self.pages.insert(to, p);
                Ok(Edit::MovePage { page, to: from })
            }
            Edit::SetPageTitle { page, title } => {
                let p = self.page_mut(&page)?;
                let old = std::mem::replace(&mut p.title, title);
                Ok(Edit::SetPageTitle { page, title: old })
            }
            Edit::SetFrameVertical { frame, vertical } => {
                let f = self
                    .frame_mut(&frame)
                    .ok_or_else(|| EditError::NoFrame(frame.clone()))?;
                let candidate = Frame {
                    vertical,
                    ..f.clone()
                };
                candidate
                    .check()
                    .map_err(|p| EditError::InvalidFrame(frame.clone(), p.message))?;
                let old = std::mem::replace(&mut f.vertical, vertical);
                Ok(Edit::SetFrameVertical {
                    frame,
                    vertical: old,
                })
            }
            Edit::SetFrameLocked { frame, locked } => {
                let f = self
                    .frame_mut(&frame)
                    .ok_or_else(|| EditError::NoFrame(frame.clone()))?;
                let old = std::mem::replace(&mut f.locked, locked);
                Ok(Edit::SetFrameLocked { frame, locked: old })
            }
            Edit::SetPageSection { page, section } => {
                if let Some(s) = &section
                    && self.section(s).is_none()
                {
                    return Err(EditError::NoSection(s.clone()));
                }
                let p = self.page_mut(&page)?;
                let old = std::mem::replace(&mut p.section, section);
                Ok(Edit::SetPageSection { page, section: old })
            }
            Edit::InsertStyle { index, style } => self.insert_style(index, *style),
            Edit::SetStyle { style } => self.set_style(*style),
            Edit::RenameStyle { from, to } => self.rename_style(from, to),
            Edit::RemoveStyle { style } => self.remove_style(style),
            Edit::SetTemplate { template } => self.set_template(*template),
            Edit::InsertTemplate { index, template } => self.insert_template(index, *template),
            Edit::RemoveTemplate { template } => self.remove_template(template),
            Edit::SetPageTemplate { page, template } => self.set_page_template(page, template),
            Edit::SetEditionSettings(settings) => {
                self.check_settings(&settings)?;
                Ok(Edit::SetEditionSettings(Box::new(
                    self.replace_settings(*settings),
                )))
            }
        }
    }

    /// Refuses settings that would break the edition: an unreadable date, a section without
    /// an ID or a repeated one, or the removal of a section a page is in.
    fn check_settings(&self, s: &EditionSettings) -> Result<(), EditError> {
        if !s.date.trim().is_empty() {
            super::parse_date(&s.date).map_err(|e| EditError::InvalidSettings(e.to_string()))?;
        }
        let mut seen = std::collections::BTreeSet::new();
        for section in &s.sections {
            if section.id.as_str().trim().is_empty() {
                return Err(EditError::InvalidSettings("a section needs an ID".into()));
            }
            if !seen.insert(section.id.as_str()) {
                return Err(EditError::Duplicate(section.id.to_string()));
            }
        }
        for (i, page) in self.pages.iter().enumerate() {
            if let Some(id) = &page.section
                && !seen.contains(id.as_str())
            {
                return Err(EditError::InUse(
                    format!("section {id}"),
                    format!("page {}", self.page_label(i)),
                ));
            }
        }
        Ok(())
    }

    /// Applies edits in order; if one fails, the ones before it are undone and the edition is
    /// as it was. Returns the inverses in the order that undoes the whole group.
    pub fn apply_all(&mut self, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    for inverse in inverses.into_iter().rev() {
                        // Inverses of edits that just succeeded always apply.
                        let _ = self.apply(inverse);
                    }
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(inverses)
    }

    fn page_mut(&mut self, id: &PageId) -> Result<&mut Page, EditError> {
        self.pages
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or_else(|| EditError::NoPage(id.clone()))
    }

    fn story_mut_or(&mut self, id: &StoryId) -> Result<&mut Story, EditError> {
        self.story_mut(id)
            .ok_or_else(|| EditError::NoStory(id.clone()))
    }

    /// True when a headline or photo frame shows story `id`.
    fn frames_showing(&self, id: &StoryId) -> bool {
        self.pages
            .iter()
            .flat_map(|p| &p.frames)
            .any(|f| f.kind.shown_story() == Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(edit: Edit) {
        let original = crate::sample::edition();
        let mut e = original.clone();
        let inverse = e.apply(edit.clone()).expect("applies");
        assert_ne!(e, original, "{edit:?} changed nothing");
        e.validate().expect("still valid");
        let redo = e.apply(inverse).expect("undo applies");
        assert_eq!(e, original, "undo of {edit:?}");
        e.apply(redo).expect("redo applies");
        let mut again = original.clone();
        again.apply(edit).unwrap();
        assert_eq!(e, again, "redo");
    }

    #[test]
    fn every_edit_undoes_and_redoes() {
        let e = crate::sample::edition();
        let frame = e.pages[0].frames[1].clone();
        round_trip(Edit::SetFrameRect {
            frame: frame.id.clone(),
            rect: Rect::new(10.0, 20.0, 30.0, 40.0),
        });
        round_trip(Edit::SetFrameKind {
            frame: frame.id.clone(),
            kind: FrameKind::Text {
                columns: 3,
                gutter: None,
                balance: false,
                tint: Some(crate::model::Color::Cmyk(0, 0, 0, 10)),
                inset: None,
            },
        });
        round_trip(Edit::SetFrameWrap {
            frame: frame.id.clone(),
            wrap: Some(crate::model::Wrap {
                offset: crate::model::Length::Mm(2.0),
            }),
        });
        round_trip(Edit::SetFrameVertical {
            frame: FrameId::new("p1-lead-head"),
            vertical: true,
        });
        round_trip(Edit::SetStoryText {
            story: StoryId::new("lead"),
            field: StoryField::Body,
            text: "一段。\n两段。".into(),
        });
        round_trip(Edit::SetThread {
            story: StoryId::new("lead"),
            thread: vec![FrameId::new("p1-lead-body")],
        });
        round_trip(Edit::MovePage {
            page: PageId::new("p2"),
            to: 0,
        });
        let mut page = e.pages[1].clone();
        page.id = PageId::new("p3");
        page.frames.clear();
        round_trip(Edit::InsertPage {
            index: 2,
            page: Box::new(page),
        });
        round_trip(Edit::InsertFrame {
            page: PageId::new("p2"),
            index: 0,
            frame: Frame {
                id: FrameId::new("new"),
                ..frame.clone()
            },
        });
        round_trip(Edit::SetPageTitle {
            page: PageId::new("p1"),
            title: "头版".into(),
        });
        round_trip(Edit::SetPageSection {
            page: PageId::new("p2"),
            section: None,
        });
        round_trip(Edit::SetParagraphs {
            story: StoryId::new("lead"),
            paragraphs: Vec::new(),
        });
        let mut settings = e.settings();
        settings.issue = Some(8123);
        round_trip(Edit::SetEditionSettings(Box::new(settings)));
        round_trip(Edit::RenameStyle {
            from: StyleId::new("caption"),
            to: StyleId::new("图片说明"),
        });
        let mut style = e.styles.paragraph[2].clone();
        style.scale = 0.8;
        round_trip(Edit::SetStyle {
            style: Box::new(style),
        });
        let mut template = e.templates[0].clone();
        template.baseline = crate::model::Length::Pt(14.0);
        round_trip(Edit::SetTemplate {
            template: Box::new(template),
        });
    }

    #[test]
    fn threaded_frames_and_pages_cannot_be_removed() {
        let mut e = crate::sample::edition();
        let before = e.clone();
        assert!(matches!(
            e.apply(Edit::RemoveFrame {
                frame: FrameId::new("p1-lead-body")
            }),
            Err(EditError::InUse(..))
        ));
        assert!(
            e.apply(Edit::RemovePage {
                page: PageId::new("p2")
            })
            .is_err()
        );
        // A failing group leaves nothing behind.
        let group = vec![
            Edit::SetPageTitle {
                page: PageId::new("p1"),
                title: "x".into(),
            },
            Edit::RemovePage {
                page: PageId::new("p2"),
            },
        ];
        assert!(e.apply_all(group).is_err());
        assert_eq!(e, before);
    }

    #[test]
    fn only_headline_and_text_frames_can_be_vertical() {
        let mut e = crate::sample::edition();
        let photo = FrameId::new("p1-taihuli-photo");
        let refused = e.apply(Edit::SetFrameVertical {
            frame: photo.clone(),
            vertical: true,
        });
        assert!(
            matches!(&refused, Err(EditError::InvalidFrame(f, m)) if *f == photo && m.contains("only headline and text frames")),
            "{refused:?}"
        );
        for frame in ["p1-lead-head", "p1-lead-body"] {
            e.apply(Edit::SetFrameVertical {
                frame: FrameId::new(frame),
                vertical: true,
            })
            .unwrap();
            assert!(e.frame(&FrameId::new(frame)).unwrap().1.is_vertical());
        }
    }

    #[test]
    fn fresh_ids_do_not_collide() {
        let e = crate::sample::edition();
        assert_eq!(e.fresh_frame_id("p1-lead-body").as_str(), "p1-lead-body-2");
        assert_eq!(e.fresh_story_id("新 稿").as_str(), "新-稿");
    }
}
