//! What the UI asks for. Menus, shortcuts, the palette, panels, the canvas and dialogs push an
//! [`Intent`] while they draw; [`super::BroadsheetApp::logic`] carries them all out once per
//! frame, in order, before the next frame is drawn. Nothing that draws changes the document.

use std::path::PathBuf;

use super::Command;
use super::history::Merge;
use super::modal::Choice;
use crate::model::{Edit, FrameId, Rect, StoryId};

#[derive(Debug)]
#[must_use]
pub enum Intent {
    /// A command from a menu, a shortcut, a button or the palette.
    Run(Command),
    Select(Option<FrameId>),
    /// Shift-click: adds a frame to the selection, or takes it out.
    ToggleSelect(FrameId),
    /// A marquee on page `page`: these frames, added to the selection with Shift.
    SelectMany {
        page: usize,
        frames: Vec<FrameId>,
        add: bool,
    },
    SelectStory(StoryId),
    ShowPage(usize),
    /// Document edits, applied as one undo step (or merged into the open one by `merge`).
    Edit {
        edits: Vec<Edit>,
        label: &'static str,
        merge: Option<Merge>,
    },
    /// Ends the open undo step (a drag ended, a word was typed, a field lost focus).
    Commit,
    /// Continue the story of `from` in frame `to`.
    Link {
        from: FrameId,
        to: FrameId,
    },
    /// A frame was drawn with the current tool.
    Draw {
        page: usize,
        rect: Rect,
    },
    /// Open a file (recent files, a dropped layout), asking about unsaved changes first.
    Open(PathBuf),
    /// Files dropped on the window.
    Dropped(Vec<PathBuf>),
    /// The window's close button.
    CloseRequested,
    /// A button in a dialog.
    Choice(Choice),
    /// Text from the system clipboard (Ctrl+V): frames if it holds some.
    PasteText(String),
    /// The content grabber: the image of photo frame `frame` dragged by `drag` points since
    /// the drag began (`done` when the button is released).
    Grab {
        frame: FrameId,
        drag: (f32, f32),
        done: bool,
    },
    /// Alt+wheel over a photo: scale its image by `steps` (1.1× each).
    GrabZoom {
        frame: FrameId,
        steps: f32,
    },
    /// Double-click on a photo: show the whole image again.
    GrabReset(FrameId),
    /// Another photo in a photo frame, keeping the crop where it can.
    ReplacePhoto {
        frame: FrameId,
        photo: crate::model::PhotoId,
    },
    /// An arrow key: move the selection by (dx, dy) steps, grid steps when `true`.
    Nudge((f32, f32), bool),
    /// The user's font folders changed (the Fonts dialog).
    SetFontFolders(Vec<PathBuf>),
    /// Read the fonts again (some were copied into a folder).
    ReloadFonts,
    /// Copyfit this story to its frames.
    FitStory(StoryId),
    /// Something to do with the newsroom server (connect, open, publish, hold, sign off).
    Newsroom(super::newsroom::Ask),
}

/// The queue one frame fills.
#[derive(Debug, Default)]
pub struct Intents(Vec<Intent>);

impl Intents {
    pub fn push(&mut self, intent: Intent) {
        self.0.push(intent);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn take(&mut self) -> Vec<Intent> {
        std::mem::take(&mut self.0)
    }
}

impl Extend<Intent> for Intents {
    fn extend<T: IntoIterator<Item = Intent>>(&mut self, iter: T) {
        self.0.extend(iter);
    }
}
