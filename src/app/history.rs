//! Undo and redo. Every document change goes through [`History::apply`] as model [`Edit`]s;
//! the history keeps their inverses. Commit points are explicit (helix): a drag is one step
//! because its edits merge until the drag ends, typing merges until a word ends or the field
//! loses focus.

use crate::model::{
    Edit, EditError, Edition, FrameId, PageId, StoryField, StoryId, StyleId, TemplateId,
};

/// What lets consecutive edits merge into one open step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Moving or resizing one frame by dragging.
    Drag(FrameId),
    /// Typing into one text field.
    Typing(StoryId, StoryField),
    /// Dragging a number in the properties panel.
    Property(FrameId),
    /// Typing a page's title.
    PageTitle(PageId),
    /// Arrow-key nudges of a selection whose primary frame is this one.
    Nudge(FrameId),
    /// Dragging or typing one value of a paragraph style.
    Style(StyleId),
    /// Dragging one value of a template.
    Template(TemplateId),
    /// Typing in the edition settings.
    Settings,
}

#[derive(Debug)]
struct Step {
    /// Unique among the steps of this history; the document's version while it is on top.
    serial: u64,
    label: String,
    /// Undoes the step when applied in order.
    inverses: Vec<Edit>,
    merge: Option<Merge>,
}

/// The undo and redo stacks of one document.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The step still taking merges; it is on top of `undo`.
    open: bool,
    next_serial: u64,
}

impl History {
    /// Applies `edits` as one user action. With `merge`, it joins the open step if that step
    /// has the same key, and stays open for more; otherwise it is a step of its own.
    pub fn apply(
        &mut self,
        edition: &mut Edition,
        edits: Vec<Edit>,
        label: &str,
        merge: Option<Merge>,
    ) -> Result<(), EditError> {
        let inverses = edition.apply_all(edits)?;
        self.redo.clear();
        if let Some(top) = self.undo.last_mut()
            && self.open
            && merge.is_some()
            && top.merge == merge
        {
            // Newer changes are undone first.
            let mut all = inverses;
            all.append(&mut top.inverses);
            top.inverses = all;
            return Ok(());
        }
        self.next_serial += 1;
        self.undo.push(Step {
            serial: self.next_serial,
            label: label.to_owned(),
            inverses,
            merge: merge.clone(),
        });
        self.open = merge.is_some();
        Ok(())
    }

    /// Applies `edits` as part of the last step (what auto-fit does after an edit): one undo
    /// takes back both.
    pub fn amend(&mut self, edition: &mut Edition, edits: Vec<Edit>) -> Result<(), EditError> {
        let mut inverses = edition.apply_all(edits)?;
        match self.undo.last_mut() {
            Some(top) => {
                inverses.append(&mut top.inverses);
                top.inverses = inverses;
            }
            None => {
                self.next_serial += 1;
                self.undo.push(Step {
                    serial: self.next_serial,
                    label: "undo-fit-story".to_owned(),
                    inverses,
                    merge: None,
                });
            }
        }
        Ok(())
    }

    /// Ends the open step: the next edit starts a new one.
    pub fn commit(&mut self) {
        self.open = false;
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, edition: &mut Edition) -> Option<Result<String, EditError>> {
        self.commit();
        let step = self.undo.pop()?;
        Some(self.replay(edition, step, true))
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, edition: &mut Edition) -> Option<Result<String, EditError>> {
        self.commit();
        let step = self.redo.pop()?;
        Some(self.replay(edition, step, false))
    }

    fn replay(
        &mut self,
        edition: &mut Edition,
        step: Step,
        undo: bool,
    ) -> Result<String, EditError> {
        match edition.apply_all(step.inverses.clone()) {
            Ok(inverses) => {
                let label = step.label.clone();
                let moved = Step { inverses, ..step };
                if undo {
                    self.redo.push(moved);
                } else {
                    self.undo.push(moved);
                }
                Ok(label)
            }
            Err(e) => {
                // Keep the step where it was so nothing is lost.
                if undo {
                    self.undo.push(step);
                } else {
                    self.redo.push(step);
                }
                Err(e)
            }
        }
    }

    /// How many edits the step undo would revert.
    pub fn undo_len(&self) -> Option<usize> {
        self.undo.last().map(|s| s.inverses.len())
    }

    /// How many edits the step redo would make again.
    pub fn redo_len(&self) -> Option<usize> {
        self.redo.last().map(|s| s.inverses.len())
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Identifies the document's state: equal versions mean equal documents.
    pub fn version(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    /// The photos that undo or redo could bring back.
    pub fn photos(&self) -> impl Iterator<Item = &crate::model::Photo> {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|s| &s.inverses)
            .filter_map(|e| match e {
                Edit::InsertPhoto { photo, .. } => Some(photo),
                _ => None,
            })
    }

    /// Rewrites the photo paths the stored steps would bring back (old path → new path).
    /// Paths are relative to the layout file, so when Save As moves the file every past state
    /// must name the photos from the new folder too, or an undo or redo would bring back a
    /// path that no longer resolves.
    pub fn rebase_photo_paths(&mut self, map: &std::collections::HashMap<String, String>) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            for edit in &mut step.inverses {
                if let Edit::InsertPhoto { photo, .. } = edit
                    && let Some(path) = map.get(&photo.path)
                {
                    photo.path.clone_from(path);
                }
            }
        }
    }

    /// Forgets everything, for a newly opened document.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rect;

    fn moved(x: f32) -> Edit {
        Edit::SetFrameRect {
            frame: FrameId::new("p1-lead-body"),
            rect: Rect::new(x, 0.0, 100.0, 100.0),
        }
    }

    #[test]
    fn a_drag_is_one_step_and_undo_redo_round_trip() {
        let original = crate::sample::edition();
        let mut e = original.clone();
        let mut h = History::default();
        let key = Some(Merge::Drag(FrameId::new("p1-lead-body")));
        for x in [1.0, 2.0, 3.0] {
            h.apply(&mut e, vec![moved(x)], "Move frame", key.clone())
                .unwrap();
        }
        h.commit();
        let after = e.clone();
        let v = h.version();
        assert_eq!(h.undo(&mut e).unwrap().unwrap(), "Move frame");
        assert_eq!(e, original);
        assert_eq!(h.version(), 0);
        assert!(h.undo(&mut e).is_none());
        h.redo(&mut e).unwrap().unwrap();
        assert_eq!(e, after);
        assert_eq!(h.version(), v);
    }

    #[test]
    fn a_committed_step_does_not_merge() {
        let mut e = crate::sample::edition();
        let mut h = History::default();
        let key = Some(Merge::Drag(FrameId::new("p1-lead-body")));
        h.apply(&mut e, vec![moved(1.0)], "Move", key.clone())
            .unwrap();
        h.commit();
        h.apply(&mut e, vec![moved(2.0)], "Move", key).unwrap();
        h.undo(&mut e).unwrap().unwrap();
        assert_eq!(
            e.frame(&FrameId::new("p1-lead-body")).unwrap().1.rect.x.0,
            1.0
        );
    }
}
