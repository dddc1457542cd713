//! Working with the selection as a group: the clipboard (cut, copy, paste, paste in place,
//! duplicate), selecting all or the next frame, locking, aligning, distributing and nudging.
//! The rules are the model's (`model::arrange`, `model::clipboard`); this is where the editor
//! asks for them.

use super::history::Merge;
use super::i18n::t;
use super::{BroadsheetApp, Command, Selection};
use crate::model::{AlignTo, Axis, Clip, Edit, FrameId};

/// How far a duplicate lands from its original, down and to the right, in points.
const DUPLICATE_OFFSET: f32 = 12.0;

impl BroadsheetApp {
    /// Carries out the commands that act on the selection.
    pub(super) fn arrange(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Copy => {
                self.copy(ctx);
            }
            Command::Cut if self.copy(ctx) => self.delete_selected(),
            Command::Paste => self.paste_clip(ctx, None, false),
            Command::PasteInPlace => self.paste_clip(ctx, None, true),
            Command::Duplicate => {
                let clip = self.doc.edition.copy_frames(self.selected.frames());
                if !clip.frames.is_empty() {
                    let d = (DUPLICATE_OFFSET, DUPLICATE_OFFSET);
                    self.paste(&clip, d, "undo-duplicate");
                }
            }
            Command::SelectAll => {
                if let Some(page) = self.doc.edition.pages.get(self.page) {
                    self.selected =
                        Selection::many(page.frames.iter().map(|f| f.id.clone()).collect());
                }
            }
            Command::NextFrame | Command::PreviousFrame => {
                self.cycle_frame(command == Command::NextFrame);
            }
            Command::LockFrames => self.toggle_lock(),
            Command::AlignLeft => self.align(AlignTo::Left),
            Command::AlignHCenter => self.align(AlignTo::HCenter),
            Command::AlignRight => self.align(AlignTo::Right),
            Command::AlignTop => self.align(AlignTo::Top),
            Command::AlignVCenter => self.align(AlignTo::VCenter),
            Command::AlignBottom => self.align(AlignTo::Bottom),
            Command::DistributeHorizontally => self.distribute(Axis::Horizontal),
            Command::DistributeVertically => self.distribute(Axis::Vertical),
            _ => {}
        }
    }

    /// Puts the selected frames on the clipboard (ours, and the system's as RON text so
    /// another window can paste them). Returns whether there was anything to copy.
    fn copy(&mut self, ctx: &egui::Context) -> bool {
        let clip = self.doc.edition.copy_frames(self.selected.frames());
        if clip.frames.is_empty() {
            self.say(t!("status-select-to-copy"));
            return false;
        }
        let text = clip.to_text();
        ctx.copy_text(text.clone());
        self.clipboard = Some(text);
        self.say(t!("status-copied", count = clip.frames.len()));
        true
    }

    /// Pastes frames from `text` (the system clipboard) or our own clipboard onto the page
    /// shown: in place, or offset so a paste on the same page does not hide its original.
    pub(super) fn paste_clip(
        &mut self,
        _ctx: &egui::Context,
        text: Option<String>,
        in_place: bool,
    ) {
        let Some(clip) = text
            .as_deref()
            .or(self.clipboard.as_deref())
            .and_then(Clip::from_text)
        else {
            self.say(t!("status-nothing-to-paste"));
            return;
        };
        let page = self.doc.edition.pages.get(self.page).map(|p| &p.frames);
        let on_this_page = page.is_some_and(|frames| {
            clip.frames
                .iter()
                .any(|c| frames.iter().any(|f| f.id == c.id && f.rect == c.rect))
        });
        let d = if in_place || !on_this_page {
            (0.0, 0.0)
        } else {
            (DUPLICATE_OFFSET, DUPLICATE_OFFSET)
        };
        let label = if in_place {
            "undo-paste-in-place"
        } else {
            "undo-paste"
        };
        self.paste(&clip, d, label);
    }

    fn paste(&mut self, clip: &Clip, d: (f32, f32), label: &'static str) {
        match self.doc.edition.paste_edits(clip, self.page, d) {
            Some((edits, ids)) if !ids.is_empty() => {
                self.edit(edits, label, None);
                self.selected = Selection::many(ids);
            }
            _ => self.say(t!("status-nothing-to-paste")),
        }
    }

    /// Selects the next (or previous) frame of the page, in the order they were placed.
    fn cycle_frame(&mut self, forward: bool) {
        let Some(page) = self.doc.edition.pages.get(self.page) else {
            return;
        };
        let n = page.frames.len();
        if n == 0 {
            return;
        }
        let at = self
            .selected
            .primary()
            .and_then(|id| page.frames.iter().position(|f| &f.id == id));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let id = page.frames[next].id.clone();
        self.select(Some(id));
    }

    /// Locks the selected frames, or unlocks them when they all are locked.
    fn toggle_lock(&mut self) {
        let edition = &self.doc.edition;
        let frames: Vec<&FrameId> = self.selected.frames().iter().collect();
        if frames.is_empty() {
            self.say(t!("status-select-to-lock"));
            return;
        }
        let all_locked = frames
            .iter()
            .all(|id| edition.frame(id).is_some_and(|(_, f)| f.locked));
        let edits: Vec<Edit> = frames
            .into_iter()
            .map(|id| Edit::SetFrameLocked {
                frame: id.clone(),
                locked: !all_locked,
            })
            .collect();
        let label = if all_locked {
            "undo-unlock"
        } else {
            "undo-lock"
        };
        self.edit(edits, label, None);
    }

    fn align(&mut self, to: AlignTo) {
        if self.selected.len() < 2 {
            self.say(t!("status-select-two"));
            return;
        }
        let edits = self.doc.edition.align_edits(self.selected.frames(), to);
        self.edit(edits, "undo-align", None);
    }

    fn distribute(&mut self, axis: Axis) {
        if self.selected.len() < 3 {
            self.say(t!("status-select-three"));
            return;
        }
        let edits = self
            .doc
            .edition
            .distribute_edits(self.selected.frames(), axis);
        self.edit(edits, "undo-distribute", None);
    }

    /// Moves the selection by an arrow key: 1 pt, or one grid step with Shift (a column and
    /// gutter across, a baseline down). Consecutive nudges are one undo step.
    pub(super) fn nudge(&mut self, (dx, dy): (f32, f32), grid: bool) {
        let Some(primary) = self.selected.primary().cloned() else {
            return;
        };
        let step = if grid {
            self.doc
                .edition
                .pages
                .get(self.page)
                .and_then(|p| self.doc.edition.template(&p.template))
                .map_or((1.0, 1.0), |t| {
                    (t.column_width().0 + t.gutter_width().0, t.baseline.pt().0)
                })
        } else {
            (1.0, 1.0)
        };
        let edits = self
            .doc
            .edition
            .move_edits(self.selected.frames(), (dx * step.0, dy * step.1));
        self.edit(edits, "undo-nudge", Some(Merge::Nudge(primary)));
    }
}

/// A content-grabber drag in progress: the image and crop it started from.
pub(super) struct GrabState {
    frame: FrameId,
    image: crate::layout::ImageItem,
    size: (u32, u32),
    kind: crate::model::FrameKind,
}

impl BroadsheetApp {
    /// Moves the image inside its frame by the drag so far (from where the drag began, so a
    /// layout still on its way cannot compound the movement). One undo step per drag.
    pub(super) fn grab(&mut self, frame: &FrameId, drag: (f32, f32), done: bool) {
        use crate::model::FrameKind;
        if self.grab.as_ref().is_none_or(|g| &g.frame != frame) {
            self.grab = self.grab_state(frame);
        }
        if let Some(g) = &self.grab
            && let FrameKind::Photo {
                photo,
                story,
                fit,
                crop,
                caption_beside,
            } = &g.kind
        {
            let moved = crate::layout::photos::grab_crop(&g.image, g.size, *crop, drag, 0.0);
            if moved != *crop {
                let kind = FrameKind::Photo {
                    photo: photo.clone(),
                    story: story.clone(),
                    fit: *fit,
                    crop: moved,
                    caption_beside: *caption_beside,
                };
                let edit = Edit::SetFrameKind {
                    frame: frame.clone(),
                    kind,
                };
                self.edit(vec![edit], "undo-crop", Some(Merge::Drag(frame.clone())));
            }
        }
        if done {
            self.grab = None;
            self.doc.history.commit();
        }
    }

    fn grab_state(&self, frame: &FrameId) -> Option<GrabState> {
        let layout = self.doc.layout()?;
        let image = layout
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|i| match i {
                crate::layout::Item::Image(img) if &img.frame == frame => Some(img.clone()),
                _ => None,
            })?;
        let (_, f) = self.doc.edition.frame(frame)?;
        let crate::model::FrameKind::Photo { photo, .. } = &f.kind else {
            return None;
        };
        let p = self.doc.edition.photo(photo)?;
        let size = crate::resources::Resources::photo_size(&*self.doc.assets, &p.path).ok()?;
        Some(GrabState {
            frame: frame.clone(),
            image,
            size,
            kind: f.kind.clone(),
        })
    }

    /// Scales the image inside its frame, about the middle of what shows.
    pub(super) fn grab_zoom(&mut self, frame: &FrameId, steps: f32) {
        let Some(layout) = self.doc.layout_arc() else {
            return;
        };
        match crate::layout::photos::grab_edit(
            &self.doc.edition,
            &layout,
            &*self.doc.assets,
            frame,
            (0.0, 0.0),
            steps,
        ) {
            Ok(edit) => self.edit(
                vec![edit],
                "undo-crop",
                Some(Merge::Property(frame.clone())),
            ),
            Err(e) => self.say(e.to_string()),
        }
    }

    /// Shows the whole image again.
    pub(super) fn grab_reset(&mut self, frame: &FrameId) {
        let Some((_, f)) = self.doc.edition.frame(frame) else {
            return;
        };
        if let crate::model::FrameKind::Photo {
            photo,
            story,
            fit,
            caption_beside,
            ..
        } = &f.kind
        {
            let kind = crate::model::FrameKind::Photo {
                photo: photo.clone(),
                story: story.clone(),
                fit: *fit,
                crop: crate::model::Crop::default(),
                caption_beside: *caption_beside,
            };
            let edit = Edit::SetFrameKind {
                frame: frame.clone(),
                kind,
            };
            self.edit(vec![edit], "undo-crop", None);
        }
    }
}
