//! The window on a newsroom server: File ▸ Connect (server, name, role; remembered), opening
//! a server edition live, publishing the open edition, the status bar's connection state and
//! who else is on the edition, and page holds and sign-off from the pages panel.

use serde::{Deserialize, Serialize};

use super::i18n::t;
use super::intent::{Intent, Intents};
use super::{BroadsheetApp, Document};
use crate::model::{PageId, PageStatus};
use crate::resources::Origin;
use crate::store::live::{Event, Live, Refusal};
use crate::store::{Hold, PgStore, Role, Store as _};

/// The server last connected to, kept with the view settings (never a password: put one in
/// `~/.pgpass`, where PostgreSQL looks).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerSettings {
    /// `postgres://USER@HOST/DATABASE`.
    pub url: String,
    /// The user's name, as others see it on holds, sign-offs and the log.
    pub user: String,
    pub role: Role,
    /// Open editions read-only (只读打开): the window shows others' changes as they come and
    /// makes none of its own (a proofreader's or a page reviewer's window).
    pub read_only: bool,
}

/// What the newsroom parts of the window ask for.
#[derive(Clone, Debug)]
pub enum Ask {
    /// Connect and list the server's editions.
    Connect(ServerSettings),
    /// Open this server edition live.
    Open(String),
    /// Store the open edition on the server under this name, then open it live.
    Publish(String),
    /// Hold the page with this ID (taking over a stale hold when `take_over`).
    Hold {
        page: String,
        take_over: bool,
    },
    Release(String),
    /// Move a page along 编辑中 → 待审 → 已签发, or reopen it.
    Status {
        page: PageId,
        status: PageStatus,
    },
    /// Pin a comment at `at` (points) on the page with this ID.
    Comment {
        page: String,
        at: (f32, f32),
        body: String,
    },
    Reply {
        id: i64,
        body: String,
    },
    Resolve {
        id: i64,
        resolved: bool,
    },
}

/// A document that is a server edition: its live connection and what the status bar shows.
pub struct LiveDoc {
    pub live: Live,
    pub server: ServerSettings,
    pub online: bool,
}

/// The role's name in the interface.
pub fn role_text(role: Role) -> String {
    match role {
        Role::Designer => t!("role-designer"),
        Role::Editor => t!("role-editor"),
        Role::Chief => t!("role-chief"),
    }
}

/// How long ago `since` was, in whole minutes ("3 分钟前", "刚刚").
fn ago(since: std::time::SystemTime) -> String {
    let minutes = since.elapsed().map_or(0, |d| d.as_secs() / 60);
    if minutes == 0 {
        t!("newsroom-just-now")
    } else {
        t!("newsroom-minutes-ago", minutes = minutes)
    }
}

/// A hold as the pages panel shows it: 占用：李四 · 3 分钟前.
pub fn hold_text(hold: &Hold) -> String {
    t!(
        "newsroom-held-by",
        name = hold.holder.as_str(),
        ago = ago(hold.since)
    )
}

/// A refusal in the interface's language, pages by their printed label (第2版).
pub fn refusal_text(r: &Refusal, edition: &crate::model::Edition) -> String {
    let label = |id: &str| {
        let page = edition
            .page_index(&PageId::new(id))
            .map_or_else(|| id.to_owned(), |i| edition.page_label(i));
        t!("page-label", page = page)
    };
    match r {
        Refusal::NotDesigner { author, page } => t!(
            "refused-not-designer",
            name = author.as_str(),
            page = label(page)
        ),
        Refusal::NotHeld { page } => t!("refused-not-held", page = label(page)),
        Refusal::HeldBy { page, holder } => t!(
            "refused-held-by",
            page = label(page),
            name = holder.as_str()
        ),
        Refusal::NotDesignerStyles { author } => {
            t!("refused-not-designer-styles", name = author.as_str())
        }
        Refusal::NotEditor { author } => t!("refused-not-editor", name = author.as_str()),
        Refusal::ReviewNotHolder { page } => t!("refused-review", page = label(page)),
        Refusal::SignOffNotEditor { author } => {
            t!("refused-sign-off", name = author.as_str())
        }
        Refusal::ReopenNotSigner { page, signer } => {
            t!("refused-reopen", page = label(page), name = signer.as_str())
        }
        Refusal::Settings { author, role } => t!(
            "refused-settings",
            name = author.as_str(),
            role = role_text(*role)
        ),
    }
}

/// File ▸ Connect.
pub struct ConnectDialog {
    server: ServerSettings,
    /// The editions on the server once connected, or why connecting failed.
    pub editions: Option<Result<Vec<String>, String>>,
    /// The name to publish the open edition under.
    publish: String,
}

impl ConnectDialog {
    pub fn new(server: Option<ServerSettings>, stem: String) -> Self {
        Self {
            server: server.unwrap_or_default(),
            editions: None,
            publish: stem,
        }
    }

    /// Draws the dialog; false once closed.
    pub fn ui(&mut self, ctx: &egui::Context, intents: &mut Intents) -> bool {
        let mut open = true;
        egui::Window::new(t!("connect-title"))
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Grid::new("connect").num_columns(2).show(ui, |ui| {
                    let l = ui.label(t!("connect-url"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.server.url)
                            .hint_text("postgres://user@host/newsroom")
                            .desired_width(320.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(t!("connect-user"));
                    ui.add(egui::TextEdit::singleline(&mut self.server.user).desired_width(320.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    ui.label(t!("connect-role"));
                    ui.horizontal(|ui| {
                        for role in Role::ALL {
                            ui.radio_value(&mut self.server.role, role, role_text(role));
                        }
                    });
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut self.server.read_only, t!("connect-read-only"));
                    ui.end_row();
                });
                let ready =
                    !self.server.url.trim().is_empty() && !self.server.user.trim().is_empty();
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(ready, egui::Button::new(t!("connect-connect")))
                        .clicked()
                    {
                        let mut server = self.server.clone();
                        server.url = server.url.trim().to_owned();
                        server.user = server.user.trim().to_owned();
                        intents.push(Intent::Newsroom(Ask::Connect(server)));
                    }
                    if ui.button(t!("cancel")).clicked() {
                        open = false;
                    }
                });
                match &self.editions {
                    None => {}
                    Some(Err(why)) => {
                        ui.colored_label(ui.visuals().error_fg_color, why);
                    }
                    Some(Ok(names)) => {
                        ui.separator();
                        ui.label(t!("connect-editions", count = names.len()));
                        egui::ScrollArea::vertical()
                            .max_height(200.0)
                            .show(ui, |ui| {
                                for name in names {
                                    ui.horizontal(|ui| {
                                        ui.label(name);
                                        let b = ui.button(t!("connect-open"));
                                        let label = t!("connect-open-named", name = name.as_str());
                                        b.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Button,
                                                true,
                                                &label,
                                            )
                                        });
                                        if b.clicked() {
                                            intents.push(Intent::Newsroom(Ask::Open(name.clone())));
                                        }
                                    });
                                }
                            });
                        ui.separator();
                        ui.horizontal(|ui| {
                            let l = ui.label(t!("connect-publish-as"));
                            ui.add(
                                egui::TextEdit::singleline(&mut self.publish).desired_width(180.0),
                            )
                            .labelled_by(l.id);
                            let name = self.publish.trim().to_owned();
                            if ui
                                .add_enabled(
                                    !name.is_empty(),
                                    egui::Button::new(t!("connect-publish")),
                                )
                                .clicked()
                            {
                                intents.push(Intent::Newsroom(Ask::Publish(name)));
                            }
                        });
                    }
                }
            });
        open
    }
}

impl Document {
    /// Takes in what the server said since the last frame: others' edits, refusals, the
    /// connection going and coming. Returns the events for the window to report.
    pub fn poll_live(&mut self) -> Vec<Event> {
        let Some(doc) = self.live.as_mut() else {
            return Vec::new();
        };
        let events = doc.live.poll();
        let mut changed = false;
        for e in &events {
            match e {
                Event::Offline(_) => doc.online = false,
                Event::Online => doc.online = true,
                Event::Room => {}
                Event::Remote { .. }
                | Event::Rejected { .. }
                | Event::Failed { .. }
                | Event::Replaced { .. } => changed = true,
            }
        }
        if changed {
            self.edition = doc.live.edition().clone();
            self.touch();
        }
        events
    }
}

impl BroadsheetApp {
    /// Carries out a newsroom request.
    pub(super) fn newsroom(&mut self, ask: Ask) {
        let changes = !matches!(ask, Ask::Connect(_) | Ask::Open(_) | Ask::Publish(_));
        if let Some(doc) = self
            .doc
            .live
            .as_ref()
            .filter(|d| changes && d.server.read_only)
        {
            let why = t!("newsroom-read-only-refused", name = doc.live.name());
            self.fail(why);
            return;
        }
        match ask {
            Ask::Connect(server) => {
                let listed = PgStore::connect(&server.url).and_then(|mut s| {
                    s.join(&server.user, server.role)?;
                    s.names()
                });
                let listed = listed.map_err(|e| e.to_string());
                if listed.is_ok() {
                    self.view.server = Some(server);
                }
                if let Some(super::Modal::Connect(d)) = &mut self.modal {
                    d.editions = Some(listed);
                }
            }
            Ask::Open(name) => {
                if let Err(e) = self.open_live(&name, Origin::Bundled) {
                    self.fail(e);
                }
            }
            Ask::Publish(name) => {
                let Some(server) = self.view.server.clone() else {
                    return;
                };
                let origin = self.doc.origin.clone();
                let stored = PgStore::connect(&server.url)
                    .and_then(|mut s| s.save(&name, &self.doc.edition, &server.user));
                match stored {
                    Ok(()) => {
                        if let Err(e) = self.open_live(&name, origin) {
                            self.fail(e);
                        }
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            Ask::Hold { page, take_over } => {
                let Some(doc) = self.doc.live.as_mut() else {
                    return;
                };
                match doc.live.hold(&page, take_over) {
                    Ok(hold) if hold.holder != doc.server.user => {
                        self.say(hold_text(&hold));
                    }
                    Ok(_) => {}
                    Err(e) => self.fail(e.to_string()),
                }
            }
            Ask::Release(page) => {
                if let Some(doc) = self.doc.live.as_mut()
                    && let Err(e) = doc.live.release(&page)
                {
                    self.fail(e.to_string());
                }
            }
            Ask::Comment { page, at, body } => {
                if let Some(d) = self.doc.live.as_mut()
                    && let Err(e) = d.live.add_comment(&page, at, &body)
                {
                    self.fail(e.to_string());
                }
            }
            Ask::Reply { id, body } => {
                if let Some(d) = self.doc.live.as_mut()
                    && let Err(e) = d.live.reply(id, &body)
                {
                    self.fail(e.to_string());
                }
            }
            Ask::Resolve { id, resolved } => {
                if let Some(d) = self.doc.live.as_mut()
                    && let Err(e) = d.live.resolve(id, resolved)
                {
                    self.fail(e.to_string());
                }
            }
            Ask::Status { page, status } => {
                let label = match status {
                    PageStatus::Editing => "undo-reopen-page",
                    PageStatus::Review => "undo-review-page",
                    PageStatus::SignedOff { .. } => "undo-sign-off-page",
                };
                self.edit(
                    vec![crate::model::Edit::SetPageStatus { page, status }],
                    label,
                    None,
                );
            }
        }
    }

    /// Opens server edition `name` live in this window, replacing the document.
    fn open_live(&mut self, name: &str, origin: Origin) -> Result<(), String> {
        let Some(server) = self.view.server.clone() else {
            return Err(t!("connect-first"));
        };
        let live = Live::connect_as(&server.url, name, &server.user, server.role)
            .map_err(|e| e.to_string())?;
        let edition = live.edition().clone();
        self.load(edition, None);
        self.doc.origin = origin;
        self.doc.reload_resources();
        self.doc.live = Some(super::newsroom::LiveDoc {
            live,
            server,
            online: true,
        });
        self.modal = None;
        self.say(t!("connect-opened", name = name));
        Ok(())
    }

    /// Reports what the live edition's events mean to the user.
    pub(super) fn live_events(&mut self, ctx: &egui::Context) {
        if self.doc.live.is_none() {
            return;
        }
        for event in self.doc.poll_live() {
            match event {
                Event::Rejected { by, .. } => self.say(t!("newsroom-rejected", name = by)),
                Event::Failed { reason, .. } => self.fail(t!("newsroom-failed", reason = reason)),
                Event::Replaced { by } => self.say(t!("newsroom-replaced", name = by)),
                Event::Remote { .. } | Event::Offline(_) | Event::Online | Event::Room => {}
            }
        }
        // Others' edits and holds arrive between frames.
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }

    /// The status bar's part for a server edition: online or offline with edits waiting,
    /// who this is, and who else is on the edition.
    pub(super) fn newsroom_status_ui(&self, ui: &mut egui::Ui) {
        let Some(doc) = &self.doc.live else {
            return;
        };
        let queued = doc.live.unsent();
        let state = if doc.online {
            t!("newsroom-online", name = doc.live.name())
        } else {
            t!("newsroom-offline")
        };
        ui.label(state);
        if queued > 0 {
            ui.label(t!("newsroom-queued", count = queued));
        }
        let role = doc.live.role().unwrap_or(doc.server.role);
        ui.label(t!(
            "newsroom-me",
            name = doc.server.user.as_str(),
            role = role_text(role)
        ));
        if doc.server.read_only {
            ui.label(t!("newsroom-read-only"));
        }
        let others: Vec<&str> = doc
            .live
            .room()
            .present
            .iter()
            .map(String::as_str)
            .filter(|n| *n != doc.server.user)
            .collect();
        if !others.is_empty() {
            ui.label(t!("newsroom-others", names = others.join("、")));
        }
    }
}
