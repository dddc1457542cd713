//! The selected frames. The last one picked is the primary: the properties panel shows it and
//! single-frame commands (link, unlink) act on it; group commands act on all.

use crate::model::{Edition, FrameId};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection(Vec<FrameId>);

impl Selection {
    pub fn one(id: FrameId) -> Self {
        Self(vec![id])
    }

    pub fn many(ids: Vec<FrameId>) -> Self {
        Self(ids)
    }

    /// The frame picked last.
    pub fn primary(&self) -> Option<&FrameId> {
        self.0.last()
    }

    pub fn frames(&self) -> &[FrameId] {
        &self.0
    }

    pub fn contains(&self, id: &FrameId) -> bool {
        self.0.contains(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Adds `id`, or takes it out when it is already selected (Shift-click).
    pub fn toggle(&mut self, id: FrameId) {
        if let Some(i) = self.0.iter().position(|f| *f == id) {
            self.0.remove(i);
        } else {
            self.0.push(id);
        }
    }

    /// Adds frames not selected yet (a Shift-marquee).
    pub fn extend(&mut self, ids: impl IntoIterator<Item = FrameId>) {
        for id in ids {
            if !self.0.contains(&id) {
                self.0.push(id);
            }
        }
    }

    /// Drops frames that no longer exist (after an undo) or are on another page than `page`.
    pub fn keep_on_page(&mut self, edition: &Edition, page: usize) {
        self.0
            .retain(|f| edition.frame(f).is_some_and(|(p, _)| p == page));
    }
}
