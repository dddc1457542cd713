//! Edits that change an edition's structure and have rules of their own: threading a story
//! through frames, deleting a frame or a page that stories flow through, adding a page, and
//! drawing a new frame. Each function only reads the edition and returns the [`Edit`]s to apply
//! as one undo step, so the editor, the command line and tests ask the same question and get
//! the same answer.

use super::{
    Edit, Edition, Fit, Frame, FrameId, FrameKind, Page, PhotoId, Rect, StoryId, TemplateId,
};

/// Why a structural change cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StructureError {
    #[error("select a frame first")]
    NoFrame,
    #[error("frame {0} is not in a story's thread")]
    NotThreaded(FrameId),
    #[error("a story can only continue in a text frame")]
    NotTextFrame,
    #[error("an edition keeps at least one page")]
    LastPage,
    #[error("there is no page {0}")]
    NoPage(usize),
    #[error("import or select a story first")]
    NoStory,
    #[error("import a photo first")]
    NoPhoto,
}

/// What kind of frame is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewFrame {
    Text,
    Headline,
    Photo,
    /// A 0.5 pt black solid rule along the drawn rectangle's longer side.
    Rule,
    /// A box with a 10% black tint (底纹) and no border.
    Box,
}

impl Edition {
    /// Takes `frame` out of its story's thread; the frames before and after it join up.
    pub fn unlink_edits(&self, frame: &FrameId) -> Result<Vec<Edit>, StructureError> {
        let story = self
            .story_of_frame(frame)
            .ok_or_else(|| StructureError::NotThreaded(frame.clone()))?;
        let thread = story
            .thread
            .iter()
            .filter(|f| *f != frame)
            .cloned()
            .collect();
        Ok(vec![Edit::SetThread {
            story: story.id.clone(),
            thread,
        }])
    }

    /// Continues the story of `from` in text frame `to`, right after `from` in the thread.
    /// A story already flowing through `to` leaves it (its other frames keep their order).
    pub fn link_edits(&self, from: &FrameId, to: &FrameId) -> Result<Vec<Edit>, StructureError> {
        let story = self
            .story_of_frame(from)
            .ok_or_else(|| StructureError::NotThreaded(from.clone()))?;
        if !matches!(
            self.frame(to).map(|(_, f)| &f.kind),
            Some(FrameKind::Text { .. })
        ) {
            return Err(StructureError::NotTextFrame);
        }
        let mut edits = Vec::new();
        if let Some(other) = self.story_of_frame(to)
            && other.id != story.id
        {
            edits.extend(self.unlink_edits(to)?);
        }
        let mut thread: Vec<FrameId> = story.thread.iter().filter(|f| *f != to).cloned().collect();
        // Inserting after `from` (not at the end) lets a designer splice a frame into the
        // middle of a running story.
        let at = thread
            .iter()
            .position(|f| f == from)
            .map_or(thread.len(), |i| i + 1);
        thread.insert(at, to.clone());
        edits.push(Edit::SetThread {
            story: story.id.clone(),
            thread,
        });
        Ok(edits)
    }

    /// Makes `story` flow on into text frame `frame` (appended to its thread), or none; a story
    /// that flowed through the frame before leaves it.
    pub fn place_story_edits(&self, frame: &FrameId, story: Option<&StoryId>) -> Vec<Edit> {
        let mut edits = self.unlink_edits(frame).unwrap_or_default();
        if let Some(new) = story.and_then(|id| self.story(id)) {
            let mut thread: Vec<FrameId> =
                new.thread.iter().filter(|f| *f != frame).cloned().collect();
            thread.push(frame.clone());
            edits.push(Edit::SetThread {
                story: new.id.clone(),
                thread,
            });
        }
        edits
    }

    /// Deletes a frame, unlinking it from its story first so the story flows on without it.
    pub fn delete_frame_edits(&self, frame: &FrameId) -> Result<Vec<Edit>, StructureError> {
        if self.frame(frame).is_none() {
            return Err(StructureError::NoFrame);
        }
        let mut edits = self.unlink_edits(frame).unwrap_or_default();
        edits.push(Edit::RemoveFrame {
            frame: frame.clone(),
        });
        Ok(edits)
    }

    /// Deletes the page at `index`, taking its frames out of every thread first.
    pub fn delete_page_edits(&self, index: usize) -> Result<Vec<Edit>, StructureError> {
        if self.pages.len() <= 1 {
            return Err(StructureError::LastPage);
        }
        let page = self.pages.get(index).ok_or(StructureError::NoPage(index))?;
        let on_page = |f: &FrameId| page.frames.iter().any(|pf| &pf.id == f);
        let mut edits: Vec<Edit> = self
            .stories
            .iter()
            .filter(|s| s.thread.iter().any(on_page))
            .map(|s| Edit::SetThread {
                story: s.id.clone(),
                thread: s.thread.iter().filter(|f| !on_page(f)).cloned().collect(),
            })
            .collect();
        edits.push(Edit::RemovePage {
            page: page.id.clone(),
        });
        Ok(edits)
    }

    /// Adds an empty page after the page at `after`, with its template and section; returns
    /// the edits and the new page's index.
    pub fn add_page_edits(&self, after: usize) -> Option<(Vec<Edit>, usize)> {
        let current = self.pages.get(after);
        let template: TemplateId = current
            .map(|p| p.template.clone())
            .or_else(|| self.templates.first().map(|t| t.id.clone()))?;
        let page = Page {
            id: self.fresh_page_id(),
            template,
            section: current.and_then(|p| p.section.clone()),
            title: String::new(),
            frames: Vec::new(),
            status: Default::default(),
        };
        let index = (after + 1).min(self.pages.len());
        let edit = Edit::InsertPage {
            index,
            page: Box::new(page),
        };
        Some((vec![edit], index))
    }

    /// A new frame of `kind` drawn at `rect` on the page at `page`.
    ///
    /// A text frame spans as many grid columns as its width holds (a frame drawn a little short
    /// of a column still counts it) and takes `story` when that story is not placed yet, so
    /// import → select → draw places an article. A headline frame shows `story`; a photo frame
    /// shows `photo` with the caption of the story that owns that photo.
    pub fn draw_frame_edits(
        &self,
        page: usize,
        rect: Rect,
        kind: NewFrame,
        story: Option<&StoryId>,
        photo: Option<&PhotoId>,
    ) -> Result<(FrameId, Vec<Edit>), StructureError> {
        let p = self.pages.get(page).ok_or(StructureError::NoPage(page))?;
        let story = story.filter(|s| self.story(s).is_some());
        let (kind, base) = match kind {
            NewFrame::Text => {
                let columns = self
                    .template(&p.template)
                    .map_or(1, |t| t.columns_in_width(rect.w));
                let kind = FrameKind::Text {
                    columns,
                    gutter: None,
                    balance: false,
                    tint: None,
                    inset: None,
                };
                (kind, "text")
            }
            NewFrame::Headline => {
                let story = story.ok_or(StructureError::NoStory)?.clone();
                let kind = FrameKind::Headline {
                    story,
                    tint: None,
                    inset: None,
                };
                (kind, "headline")
            }
            NewFrame::Rule => {
                let kind = FrameKind::Rule {
                    weight: super::Length::Pt(0.5),
                    color: super::Color::BLACK,
                    style: super::RuleStyle::Solid,
                };
                (kind, "rule")
            }
            NewFrame::Box => {
                let kind = FrameKind::Box {
                    fill: Some(super::Color::Cmyk(0, 0, 0, 10)),
                    stroke: None,
                };
                (kind, "box")
            }
            NewFrame::Photo => {
                let photo = photo.ok_or(StructureError::NoPhoto)?.clone();
                let story = story
                    .filter(|s| {
                        self.story(s)
                            .is_some_and(|s| s.photo.as_ref() == Some(&photo))
                    })
                    .cloned();
                let kind = FrameKind::Photo {
                    photo,
                    story,
                    fit: Fit::Fill,
                    crop: Default::default(),
                    caption_beside: None,
                };
                (kind, "photo")
            }
        };
        let id = self.fresh_frame_id(&format!("{}-{base}", p.id));
        let text = matches!(kind, FrameKind::Text { .. });
        let mut edits = vec![Edit::InsertFrame {
            page: p.id.clone(),
            index: p.frames.len(),
            frame: Frame::new(id.clone(), rect, kind),
        }];
        if text
            && let Some(s) = story.and_then(|s| self.story(s))
            && s.thread.is_empty()
        {
            edits.push(Edit::SetThread {
                story: s.id.clone(),
                thread: vec![id.clone()],
            });
        }
        Ok((id, edits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(e: &mut Edition, edits: Vec<Edit>) {
        e.apply_all(edits).expect("edits apply");
    }

    #[test]
    fn deleting_a_threaded_frame_keeps_the_rest_of_the_thread() {
        let mut e = crate::sample::edition();
        let story = e.stories.iter().find(|s| s.thread.len() > 1).unwrap();
        let (id, first) = (story.id.clone(), story.thread[0].clone());
        let rest = story.thread[1..].to_vec();
        let edits = e.delete_frame_edits(&first).unwrap();
        apply(&mut e, edits);
        assert!(e.frame(&first).is_none());
        assert_eq!(e.story(&id).unwrap().thread, rest);
    }

    #[test]
    fn linking_splices_after_the_frame_and_takes_it_from_its_old_story() {
        let mut e = crate::sample::edition();
        let a = e.stories[0].clone();
        let b = e
            .stories
            .iter()
            .find(|s| s.id != a.id && !s.thread.is_empty())
            .unwrap();
        let to = b.thread[0].clone();
        let b_id = b.id.clone();
        let edits = e.link_edits(&a.thread[0], &to).unwrap();
        apply(&mut e, edits);
        assert_eq!(e.story(&a.id).unwrap().thread[1], to);
        assert!(!e.story(&b_id).unwrap().thread.contains(&to));
    }

    #[test]
    fn placing_a_story_in_a_frame_takes_it_from_the_story_it_had() {
        let mut e = crate::sample::edition();
        let frame = e.stories[0].thread[0].clone();
        let other = e
            .stories
            .iter()
            .find(|s| s.thread.len() == 1)
            .unwrap()
            .id
            .clone();
        let edits = e.place_story_edits(&frame, Some(&other));
        e.apply_all(edits).unwrap();
        assert_eq!(e.story_of_frame(&frame).unwrap().id, other);
        assert_eq!(e.story(&other).unwrap().thread.last(), Some(&frame));
        let edits = e.place_story_edits(&frame, None);
        e.apply_all(edits).unwrap();
        assert!(e.story_of_frame(&frame).is_none());
    }

    #[test]
    fn only_text_frames_continue_a_story() {
        let e = crate::sample::edition();
        let from = e.stories[0].thread[0].clone();
        let headline = e
            .pages
            .iter()
            .flat_map(|p| &p.frames)
            .find(|f| matches!(f.kind, FrameKind::Headline { .. }))
            .unwrap();
        assert_eq!(
            e.link_edits(&from, &headline.id),
            Err(StructureError::NotTextFrame)
        );
    }

    #[test]
    fn deleting_a_page_unthreads_its_frames_and_refuses_the_last_page() {
        let mut e = crate::sample::edition();
        let last = e.pages.len() - 1;
        let edits = e.delete_page_edits(last).unwrap();
        apply(&mut e, edits);
        e.validate().expect("still valid");
        while e.pages.len() > 1 {
            let edits = e.delete_page_edits(0).unwrap();
            apply(&mut e, edits);
        }
        assert_eq!(e.delete_page_edits(0), Err(StructureError::LastPage));
    }

    #[test]
    fn a_drawn_text_frame_spans_the_columns_it_covers_and_takes_an_unplaced_story() {
        let mut e = crate::sample::edition();
        let t = e.template(&e.pages[0].template).unwrap().clone();
        let unplaced = e.fresh_story_id("new");
        apply(
            &mut e,
            vec![Edit::InsertStory {
                index: 0,
                story: Box::new(crate::model::Story {
                    id: unplaced.clone(),
                    headline: "新稿".into(),
                    ..Default::default()
                }),
            }],
        );
        // Three columns drawn a little short still count as three.
        let w = t.span_width(3).0 - 10.0;
        let rect = Rect::new(100.0, 100.0, w, 200.0);
        let (id, edits) = e
            .draw_frame_edits(0, rect, NewFrame::Text, Some(&unplaced), None)
            .unwrap();
        apply(&mut e, edits);
        let (_, frame) = e.frame(&id).unwrap();
        assert!(matches!(frame.kind, FrameKind::Text { columns: 3, .. }));
        assert_eq!(e.story(&unplaced).unwrap().thread, vec![id]);
    }
}
