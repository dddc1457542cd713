//! Carrying out what the user asked for: commands from menus, shortcuts and the palette, the
//! intents panels and the canvas push, and the choices made in dialogs. Each ends as model
//! edits through the document's history, a change of view, or a background task.

use super::chooser::Purpose;
use super::i18n::t;
use super::modal::{Choice, Modal, Pending};
use super::{
    BroadsheetApp, Command, Intent, Selection, Tool, Zoom, command, diagnostics, dialogs, files,
    panels,
};
use crate::model::{Edit, FrameId, NewFrame, Part, io};

impl BroadsheetApp {
    /// Carries out a command from a menu, a shortcut, a button or the palette.
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.modal = Some(Modal::NewEdition { preset: 0 }),
            Command::Open => self.when_saved(ctx, Pending::Open(None)),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.save_as(ctx),
            Command::ImportArticles => self.pick(ctx, Purpose::ImportArticles),
            Command::ImportPhotos => self.pick(ctx, Purpose::ImportPhotos),
            Command::ExportPdf => {
                self.modal = Some(Modal::ExportPdf(super::export_dialog::ExportDialog::new(
                    &self.doc.edition.press,
                )));
            }
            Command::ExportData => self.pick(ctx, Purpose::ExportData),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
            Command::DeleteFrame => self.delete_selected(),
            Command::Copy
            | Command::Cut
            | Command::Paste
            | Command::PasteInPlace
            | Command::Duplicate
            | Command::SelectAll
            | Command::NextFrame
            | Command::PreviousFrame
            | Command::LockFrames
            | Command::AlignLeft
            | Command::AlignHCenter
            | Command::AlignRight
            | Command::AlignTop
            | Command::AlignVCenter
            | Command::AlignBottom
            | Command::DistributeHorizontally
            | Command::DistributeVertically => self.arrange(ctx, command),
            Command::LinkFrame => match self.selected.primary() {
                Some(f) if self.doc.edition.story_of_frame(f).is_some() => {
                    self.canvas.linking = Some(f.clone());
                    self.say(t!("status-click-to-link"));
                }
                _ => self.say(t!("status-select-to-link")),
            },
            Command::UnlinkFrame => {
                let Some(id) = self.selected.primary().cloned() else {
                    return;
                };
                match self.doc.edition.unlink_edits(&id) {
                    Ok(edits) => self.edit(edits, "undo-unlink", None),
                    Err(e) => self.say(diagnostics::structure_error(&e)),
                }
            }
            Command::ToolSelect => self.canvas.tool = Tool::Select,
            Command::ToolTextFrame => self.canvas.tool = Tool::Text,
            Command::ToolHeadlineFrame => self.canvas.tool = Tool::Headline,
            Command::ToolPhotoFrame => self.canvas.tool = Tool::Photo,
            Command::ToolRuleFrame => self.canvas.tool = Tool::Rule,
            Command::ToolBoxFrame => self.canvas.tool = Tool::Box,
            Command::HeadlineBigger | Command::HeadlineSmaller => {
                self.step_headline(command == Command::HeadlineBigger);
            }
            Command::NextPage => self.turn_page(true),
            Command::PreviousPage => self.turn_page(false),
            Command::AddPage => {
                if let Some((edits, index)) = self.doc.edition.add_page_edits(self.page) {
                    self.edit(edits, "undo-add-page", None);
                    self.page = index;
                    self.selected.clear();
                }
            }
            Command::DeletePage => match self.doc.edition.delete_page_edits(self.page) {
                Ok(edits) => {
                    self.edit(edits, "undo-delete-page", None);
                    self.selected.clear();
                }
                Err(e) => self.say(diagnostics::structure_error(&e)),
            },
            Command::MovePageEarlier | Command::MovePageLater => {
                let to = if command == Command::MovePageLater {
                    self.page + 1
                } else {
                    self.page.wrapping_sub(1)
                };
                if to < self.doc.edition.pages.len() {
                    let page = self.doc.edition.pages[self.page].id.clone();
                    self.edit(vec![Edit::MovePage { page, to }], "undo-move-page", None);
                    self.page = to;
                }
            }
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitPage => self.canvas.set_zoom(Zoom::FitPage),
            Command::FitWidth => self.canvas.set_zoom(Zoom::FitWidth),
            Command::ActualSize => self.canvas.set_zoom(Zoom::Scale(1.0)),
            Command::ToggleGuides => self.view.guides = !self.view.guides,
            Command::TogglePreview => self.set_preview(!self.preview),
            Command::TogglePreflight => self.view.preflight = !self.view.preflight,
            Command::ToggleFrameTime => self.view.frame_time = !self.view.frame_time,
            Command::CommandPalette => self.modal = Some(Modal::Palette(command::Palette::new())),
            Command::EditionSettings => {
                self.modal = Some(Modal::EditionSettings(dialogs::EditionDialog::new(
                    &self.doc.edition,
                )));
            }
            Command::FitStory => {
                if let Some(story) = self.story.clone() {
                    self.fit_story(&story);
                }
            }
            Command::StoryEditor => {
                // The story of the selected frame, else the one chosen in the stories list.
                let story = self
                    .selected
                    .primary()
                    .and_then(|f| self.doc.edition.frame(f))
                    .and_then(|(_, f)| match &f.kind {
                        crate::model::FrameKind::Text { .. } => {
                            self.doc.edition.story_of_frame(&f.id).map(|s| s.id.clone())
                        }
                        kind => kind.shown_story().cloned(),
                    })
                    .or_else(|| self.story.clone());
                match story {
                    Some(story) => {
                        self.modal = Some(Modal::StoryEditor(super::story_editor::StoryEditor {
                            story,
                        }));
                    }
                    None => self.say(t!("story-editor-choose")),
                }
            }
            Command::CopyfitPage => {
                let job = self.doc.fit_page_job(self.page);
                self.spawn(ctx, t!("undo-fit-page"), job);
            }
            Command::ProposePage => {
                self.modal = Some(Modal::Propose(Box::new(
                    super::propose_dialog::ProposeDialog::new(&self.doc.edition, self.page),
                )));
            }
            Command::Fonts => {
                self.modal = Some(Modal::Fonts(Box::default()));
            }
            Command::Connect => {
                self.modal = Some(Modal::Connect(super::newsroom::ConnectDialog::new(
                    self.view.server.clone(),
                    self.doc.suggested_stem(),
                )));
            }
            Command::PageSetup => {
                if let Some(d) = dialogs::TemplateDialog::new(&self.doc.edition, self.page) {
                    self.modal = Some(Modal::PageSetup(d));
                }
            }
        }
    }

    /// Deletes the selected frames, each unlinked from its story first; locked ones stay.
    pub(super) fn delete_selected(&mut self) {
        if self.selected.is_empty() {
            self.say(t!("status-select-to-delete"));
            return;
        }
        let mut scratch = self.doc.edition.clone();
        let mut edits = Vec::new();
        let mut locked = 0;
        for id in self.selected.frames() {
            if scratch.frame(id).is_some_and(|(_, f)| f.locked) {
                locked += 1;
                continue;
            }
            if let Ok(group) = scratch.delete_frame_edits(id)
                && scratch.apply_all(group.clone()).is_ok()
            {
                edits.extend(group);
            }
        }
        self.edit(edits, "undo-delete-frame", None);
        self.selected.clear();
        if locked > 0 {
            self.say(t!("status-locked-kept", count = locked));
        }
    }

    /// Steps the headline size of the selected story one Chinese size up or down.
    pub(super) fn step_headline(&mut self, up: bool) {
        let edition = &self.doc.edition;
        let story = self
            .selected
            .primary()
            .and_then(|f| edition.frame(f))
            .and_then(|(_, f)| f.kind.shown_story().cloned())
            .or_else(|| {
                self.selected
                    .primary()
                    .and_then(|f| edition.story_of_frame(f))
                    .map(|s| s.id.clone())
            })
            .or_else(|| self.story.clone());
        let Some(story) = story else {
            self.say(t!("refused-no-story"));
            return;
        };
        match edition.restyle_part_edits(&story, Part::Headline, |s| s.size = s.size.step(up)) {
            Ok(edits) => {
                self.edit(edits, "undo-headline-type", None);
                if let Some(s) = self.doc.edition.part_style(&story, Part::Headline) {
                    let size = panels::size_name(&s.size);
                    self.say(t!("status-headline-size", size = size));
                }
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Enters or leaves the editors' preview. Leaving it, the selection is kept only if its
    /// frame is on the page now shown, so the page and the properties panel agree.
    pub(super) fn set_preview(&mut self, on: bool) {
        self.preview = on;
        self.canvas.linking = None;
        if !on {
            self.selected.keep_on_page(&self.doc.edition, self.page);
        }
    }

    /// Undoes (or redoes) one step.
    pub(super) fn step_history(&mut self, undo: bool) {
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        match (done, undo) {
            (Some(Ok(label)), true) => self.say(t!("status-undid", what = t!(&label))),
            (Some(Ok(label)), false) => self.say(t!("status-redid", what = t!(&label))),
            (Some(Err(e)), true) => self.fail(t!("error-undo", reason = e.to_string())),
            (Some(Err(e)), false) => self.fail(t!("error-redo", reason = e.to_string())),
            (None, true) => self.say(t!("status-nothing-to-undo")),
            (None, false) => self.say(t!("status-nothing-to-redo")),
        }
        self.page = self
            .page
            .min(self.doc.edition.pages.len().saturating_sub(1));
        // An undone frame may be gone.
        self.selected.keep_on_page(&self.doc.edition, self.page);
    }

    /// A new frame drawn with the current tool, filled with the selected story or photo.
    pub(super) fn draw(&mut self, page: usize, rect: crate::model::Rect) {
        let kind = match self.canvas.tool {
            Tool::Select => return,
            Tool::Text => NewFrame::Text,
            Tool::Headline => NewFrame::Headline,
            Tool::Photo => NewFrame::Photo,
            Tool::Rule => NewFrame::Rule,
            Tool::Box => NewFrame::Box,
        };
        let edition = &self.doc.edition;
        let story = self
            .story
            .clone()
            .filter(|s| edition.story(s).is_some())
            .or_else(|| edition.stories.first().map(|s| s.id.clone()));
        let photo = edition.photos.last().map(|p| p.id.clone());
        match edition.draw_frame_edits(page, rect, kind, story.as_ref(), photo.as_ref()) {
            Ok((id, edits)) => {
                self.edit(edits, "undo-draw-frame", None);
                self.selected = Selection::one(id);
                self.canvas.tool = Tool::Select;
            }
            Err(e) => self.fail(diagnostics::structure_error(&e)),
        }
    }

    /// Selects `frame` alone (or nothing), showing its page and story.
    pub(super) fn select(&mut self, frame: Option<FrameId>) {
        match frame {
            Some(f) => {
                self.focus_frame(&f);
                self.selected = Selection::one(f);
            }
            None => self.selected.clear(),
        }
    }

    /// Shows the page of frame `f` and makes its story the current one.
    pub(super) fn focus_frame(&mut self, f: &FrameId) {
        let edition = &self.doc.edition;
        if let Some((page, fr)) = edition.frame(f) {
            if page != self.page {
                self.selected.clear();
            }
            self.page = page;
            if let Some(s) = edition.story_of_frame(f) {
                self.story = Some(s.id.clone());
            } else if let Some(story) = fr.kind.shown_story() {
                self.story = Some(story.clone());
            }
        }
    }

    /// Copyfits a story (one undo step) and says what changed, or how many lines to cut.
    pub(super) fn fit_story(&mut self, story_id: &crate::model::StoryId) {
        use crate::layout::fit::Fitted;
        let said = |plan: &crate::layout::fit::FitPlan| {
            let mut parts = Vec::new();
            if plan.tracking_pct != 0.0 {
                parts.push(t!("fit-tracking", pct = format!("{:+}", plan.tracking_pct)));
            }
            if plan.scale_pct != 0.0 {
                parts.push(t!("fit-scale", pct = format!("{:+}", plan.scale_pct)));
            }
            if let Some(columns) = plan.columns {
                parts.push(t!("fit-columns", columns = columns));
            }
            if plan.frame_lines != 0 {
                parts.push(t!("fit-frame", lines = format!("{:+}", plan.frame_lines)));
            }
            parts.join(t!("list-sep").as_str())
        };
        // The story as the newsroom knows it: its headline, else its ID.
        let shown = self
            .doc
            .edition
            .story(story_id)
            .map(|s| s.headline.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| story_id.to_string());
        let story = &shown;
        let id = story_id;
        match self.doc.fit_story(id) {
            Ok(Fitted::Already) => self.say(t!("status-fit-already", story = story.as_str())),
            Ok(Fitted::Plan(plan)) => {
                let what = said(&plan);
                self.edit(plan.edits, "undo-fit-story", None);
                self.say(t!("status-fitted", story = story.as_str(), what = what));
            }
            Ok(Fitted::Closer { plan, lines }) => {
                let what = said(&plan);
                self.edit(plan.edits, "undo-fit-story", None);
                let said = t!(
                    "status-fit-closer",
                    story = story.as_str(),
                    what = what,
                    lines = lines
                );
                self.say(with_cuts(said, lines));
            }
            Ok(Fitted::Cannot { lines }) => {
                let said = t!("status-fit-cannot", story = story.as_str(), lines = lines);
                self.say(with_cuts(said, lines));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Fits every story on the current page by moving the edges between them (one undo
    /// step), and says how many fit and which still do not.
    pub(super) fn page_fitted(
        &mut self,
        page: usize,
        version: u64,
        fit: crate::layout::fit_page::PageFit,
    ) {
        let label = self.doc.edition.page_label(page);
        // An edit made while it was fitting: the edges it found are for another page.
        if version != self.doc.version() {
            return self.say(t!("status-fit-page-stale", page = label.as_str()));
        }
        let headline = |id: &crate::model::StoryId| {
            self.doc
                .edition
                .story(id)
                .map(|s| s.headline.trim().to_owned())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| id.to_string())
        };
        let left: Vec<String> = fit
            .stories
            .iter()
            .filter(|s| s.after != 0)
            .map(|s| t!("fit-page-left", story = headline(&s.story), lines = s.after))
            .collect();
        let fitted = fit.stories.len() - left.len();
        if fit.edits.is_empty() && left.is_empty() {
            return self.say(t!("status-fit-page-already", page = label.as_str()));
        }
        if !fit.edits.is_empty() {
            self.edit(fit.edits, "undo-fit-page", None);
        }
        if left.is_empty() {
            self.say(t!(
                "status-fit-page",
                page = label.as_str(),
                fitted = fitted
            ));
        } else {
            self.say(t!(
                "status-fit-page-left",
                page = label.as_str(),
                fitted = fitted,
                left = left.join(t!("list-sep").as_str())
            ));
        }
    }

    /// Carries out one intent.
    pub(super) fn act(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Run(c) => self.run_command(ctx, c),
            Intent::Select(frame) => self.select(frame),
            Intent::ToggleSelect(frame) => {
                self.focus_frame(&frame);
                self.selected.toggle(frame);
            }
            Intent::SelectMany { page, frames, add } => {
                self.show_page(page);
                if !add {
                    self.selected.clear();
                }
                if let Some(last) = frames.last() {
                    self.focus_frame(last);
                }
                self.selected.extend(frames);
            }
            Intent::SelectStory(story) => {
                let first = self
                    .doc
                    .edition
                    .story(&story)
                    .and_then(|s| s.thread.first().cloned());
                self.story = Some(story);
                if first.is_some() {
                    self.select(first);
                }
            }
            Intent::ShowPage(i) => self.show_page(i),
            Intent::Edit {
                edits,
                label,
                merge,
            } => self.edit(edits, label, merge),
            Intent::Commit => self.doc.history.commit(),
            Intent::Link { from, to } => match self.doc.edition.link_edits(&from, &to) {
                Ok(edits) => {
                    self.edit(edits, "undo-link", None);
                    self.selected = Selection::one(to);
                    self.say(t!("status-linked"));
                }
                Err(e) => self.fail(diagnostics::structure_error(&e)),
            },
            Intent::Draw { page, rect } => self.draw(page, rect),
            Intent::Open(path) => self.when_saved(ctx, Pending::Open(Some(path))),
            Intent::Dropped(paths) => self.dropped(ctx, paths),
            Intent::CloseRequested => {
                if self.allow_close {
                    return;
                }
                if self.doc.is_dirty() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.modal = Some(Modal::Unsaved(Pending::Quit));
                } else {
                    self.recovery.discard(self.doc.path.as_deref());
                }
            }
            Intent::Choice(choice) => self.choose(ctx, choice),
            Intent::PasteText(text) => self.paste_clip(ctx, Some(text), false),
            Intent::Nudge(d, grid) => self.nudge(d, grid),
            Intent::Grab { frame, drag, done } => self.grab(&frame, drag, done),
            Intent::GrabZoom { frame, steps } => self.grab_zoom(&frame, steps),
            Intent::GrabReset(frame) => self.grab_reset(&frame),
            Intent::SetFontFolders(folders) => {
                self.view.font_folders.clone_from(&folders);
                self.doc.set_font_folders(folders);
            }
            Intent::FitStory(story) => self.fit_story(&story),
            Intent::Newsroom(ask) => self.newsroom(ask),
            Intent::ReloadFonts => {
                self.doc.reload_resources();
                self.say(t!("status-fonts-reloaded"));
            }
            Intent::ReplacePhoto { frame, photo } => {
                match crate::layout::photos::replace_photo_edit(
                    &self.doc.edition,
                    &*self.doc.assets,
                    &frame,
                    &photo,
                ) {
                    Ok(edit) => self.edit(vec![edit], "undo-place-photo", None),
                    Err(e) => self.fail(e.to_string()),
                }
            }
        }
    }

    /// What a dialog's button asked for.
    pub(super) fn choose(&mut self, ctx: &egui::Context, choice: Choice) {
        match choice {
            Choice::SaveThen(pending) => {
                self.after_save = Some(pending);
                self.save(ctx);
            }
            Choice::Proceed(pending) => self.proceed(ctx, pending),
            Choice::Recover(found) => {
                match io::load(&found.recovery) {
                    Ok(edition) => {
                        self.load(edition, found.document.clone());
                        // Unsaved until the user saves.
                        self.doc.saved_version = u64::MAX;
                        self.say(t!("status-recovered"));
                    }
                    Err(e) => self.fail(t!("error-recovery-unreadable", reason = e.to_string())),
                }
                files::Recovery::discard_found(&found);
            }
            Choice::DiscardRecovery(found) => files::Recovery::discard_found(&found),
            Choice::Picked(purpose, paths) => self.picked(ctx, purpose, paths),
            Choice::Create(template) => self.when_saved(ctx, Pending::New(Box::new(template))),
            Choice::ExportPdf(choice) => {
                self.pdf_choice = Some(choice);
                self.pick(ctx, Purpose::ExportPdf);
            }
            Choice::Cancel => self.after_save = None,
        }
    }
}

/// A fit message, with where to cut when the story is over: the canvas marks that many
/// paragraph last lines (编辑删行).
fn with_cuts(said: String, lines: i32) -> String {
    if lines > 0 {
        format!("{said}{}", t!("status-cut-marked", lines = lines))
    } else {
        said
    }
}
