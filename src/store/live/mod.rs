//! Live editing of a server edition: a [`Live`] client applies the window's edits at once,
//! sends them in the background with the version they were based on, and takes in everyone
//! else's edits as NOTIFY brings them.
//!
//! The client keeps two editions: `confirmed`, the server's edition at `version` (the log
//! replayed, everyone's stored edits), and `edition`, what the window shows: `confirmed` plus
//! the window's own edits not yet in the log (`pending`), in order. A stored edit of someone
//! else is applied to both (on the shown one under the pending edits: they are rolled back,
//! the edit applied, and they are applied again). The server refuses an edit that touches
//! what someone else changed since its base (see [`super::touches`]); the client then drops
//! it, rebuilds the shown edition, and reports [`Event::Rejected`] with that person's name,
//! so no edit is lost without a word. Undo reverts only this window's own edits, and is itself
//! refused when someone else has changed the same thing since.

mod net;
mod room;

pub use net::COMPACT_EVERY;
pub use room::{Refusal, Room};

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::pg::{LogEntry, NewEdit, PgStore};
use super::{Role, StoreError, needs, touches};
use crate::model::{Edit, EditError, Edition};
use net::{Incoming, Shared};

/// Something that happened to the shared edition, for the window to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Someone else's edit, now in the edition.
    Remote { author: String, version: i64 },
    /// One of this window's edits could not be kept: `by` changed the same thing first (or
    /// replaced the edition). It has been taken out of the edition.
    Rejected { edit: Edit, by: String },
    /// One of this window's edits was refused for another reason, given.
    Failed { edit: Edit, reason: String },
    /// The edition was replaced whole by `by`; it shows the new one.
    Replaced { by: String },
    /// The server cannot be reached; edits are kept and sent when it can.
    Offline(String),
    /// The server can be reached again.
    Online,
    /// Who is on the edition, or the page holds, changed: see [`Live::room`].
    Room,
}

/// An edit of this window not yet in the log as the client knows it.
#[derive(Clone, Debug)]
struct Pending {
    seq: i64,
    edit: Edit,
    /// Undoes `edit` on the shown edition as it is now.
    inverse: Edit,
    /// What it touches: a stored edit touching none of the pending edits' keys commutes with
    /// them all and goes straight on top.
    touches: Vec<String>,
    /// The log version it is stored at, once the server said so.
    stored: Option<i64>,
}

/// An undo or redo step: the edit that reverts one of this window's edits, and the version the
/// reverted edit was based on (the server refuses it if someone else changed the same thing
/// after that).
#[derive(Clone, Debug)]
struct Step {
    seq: i64,
    edit: Edit,
    base: i64,
}

/// One window's live connection to a server edition.
pub struct Live {
    name: String,
    author: String,
    client: String,
    confirmed: Edition,
    version: i64,
    edition: Edition,
    pending: VecDeque<Pending>,
    next_seq: i64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    outbox: Option<Sender<NewEdit>>,
    inbox: Receiver<Incoming>,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
    /// The server's URL, for holds and releases (on a connection of their own).
    url: String,
    /// This window's role when it joined with one ([`Live::connect_as`]); edits its role may
    /// not make are then refused before they are sent.
    role: Option<Role>,
    room: Room,
    control: Option<PgStore>,
}

impl Live {
    /// Opens edition `name` on the server at `url` as `author`, and starts following it.
    pub fn connect(url: &str, name: &str, author: &str) -> Result<Self, StoreError> {
        let mut listener = PgStore::connect(url)?;
        // Listen before reading, so no edit falls between the snapshot and the first
        // notification.
        listener
            .client()
            .batch_execute(&format!("LISTEN {}", net::CHANNEL))
            .map_err(|e| StoreError::Server {
                url: listener.url().to_owned(),
                reason: e.to_string(),
            })?;
        let mut sender = PgStore::connect(url)?;
        let snapshot = sender.snapshot(name)?;
        let stop = Arc::new(AtomicBool::new(false));
        let (inbox_tx, inbox) = mpsc::channel();
        let (outbox, outbox_rx) = mpsc::channel();
        let shared = Shared {
            url: url.to_owned(),
            name: name.to_owned(),
            client: client_id(author),
            author: author.to_owned(),
            stop: stop.clone(),
            inbox: inbox_tx,
        };
        let room = room::fetch(&mut sender, name, &shared.client, author).unwrap_or_default();
        let version = snapshot.version;
        let threads = vec![
            spawn("send", {
                let shared = shared.clone();
                move || net::send(shared, Some(sender), outbox_rx)
            }),
            spawn("listen", {
                let shared = shared.clone();
                move || net::listen(shared, Some(listener), version)
            }),
        ];
        Ok(Self {
            name: name.to_owned(),
            author: author.to_owned(),
            client: shared.client,
            confirmed: snapshot.edition.clone(),
            version,
            edition: snapshot.edition,
            pending: VecDeque::new(),
            next_seq: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            outbox: Some(outbox),
            inbox,
            stop,
            threads,
            url: url.to_owned(),
            role: None,
            room,
            control: None,
        })
    }

    /// The edition as this window shows it: the server's, with this window's own edits.
    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    /// The server's edition as far as this client has heard, without its unsent edits.
    pub fn confirmed(&self) -> &Edition {
        &self.confirmed
    }

    /// The log version [`Live::confirmed`] includes.
    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// This window's edits not yet stored on the server.
    pub fn unsent(&self) -> usize {
        self.pending.iter().filter(|p| p.stored.is_none()).count()
    }

    /// Applies `edit` at once and sends it. On error nothing has changed.
    pub fn edit(&mut self, edit: Edit) -> Result<(), EditError> {
        let base = self.version;
        let seq = self.apply_and_send(edit, base)?;
        if let Some(step) = self.last_inverse(seq, base) {
            self.undo.push(step);
        }
        self.redo.clear();
        Ok(())
    }

    /// Reverts this window's latest edit not yet undone; false when there is none. Others'
    /// edits are never undone; if someone changed the same thing since, the server refuses
    /// the undo and [`Event::Rejected`] names them.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.step(false)
    }

    /// Makes this window's latest undone edit again; false when there is none.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.step(true)
    }

    fn step(&mut self, redo: bool) -> Result<bool, EditError> {
        let stack = if redo { &mut self.redo } else { &mut self.undo };
        let Some(step) = stack.pop() else {
            return Ok(false);
        };
        let seq = self.apply_and_send(step.edit, step.base)?;
        if let Some(back) = self.last_inverse(seq, step.base) {
            if redo {
                self.undo.push(back);
            } else {
                self.redo.push(back);
            }
        }
        Ok(true)
    }

    fn apply_and_send(&mut self, edit: Edit, base: i64) -> Result<i64, EditError> {
        let keys = touches(&edit, &self.edition);
        let needs = needs(&edit, &self.edition);
        if let Some(role) = self.role
            && let Some(why) = room::refusal(role, &self.author, &needs, &self.room)
        {
            return Err(EditError::Refused(why.to_string()));
        }
        let inverse = self.edition.apply(edit.clone())?;
        let seq = self.next_seq;
        self.next_seq += 1;
        self.pending.push_back(Pending {
            seq,
            edit: edit.clone(),
            inverse,
            touches: keys.clone(),
            stored: None,
        });
        if let Some(outbox) = &self.outbox {
            // The sender only stops with the client, so a send cannot fail while it lives.
            let _ = outbox.send(NewEdit {
                seq,
                base,
                touches: keys,
                needs,
                edit,
            });
        }
        Ok(seq)
    }

    fn last_inverse(&self, seq: i64, base: i64) -> Option<Step> {
        let p = self.pending.back().filter(|p| p.seq == seq)?;
        Some(Step {
            seq,
            edit: p.inverse.clone(),
            base,
        })
    }

    /// Takes in what the server said since the last call; returns what the window should
    /// show the user. Never waits.
    pub fn poll(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        while let Ok(message) = self.inbox.try_recv() {
            self.take(message, &mut events);
        }
        events
    }

    /// Like [`Live::poll`], but waits up to `timeout` for the first message.
    pub fn wait(&mut self, timeout: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        match self.inbox.recv_timeout(timeout) {
            Ok(message) => self.take(message, &mut events),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return events,
        }
        events.extend(self.poll());
        events
    }

    /// Waits until every edit of this window is stored on the server (acknowledged), or
    /// `timeout` passes; true when they all are. Returns the events meanwhile in `events`.
    pub fn flush(&mut self, timeout: Duration, events: &mut Vec<Event>) -> bool {
        let end = Instant::now() + timeout;
        while self.unsent() > 0 {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            events.extend(self.wait(left));
        }
        true
    }

    /// Waits until the client has heard of log version `version`, or `timeout` passes.
    pub fn catch_up(&mut self, version: i64, timeout: Duration, events: &mut Vec<Event>) -> bool {
        let end = Instant::now() + timeout;
        while self.version < version {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            events.extend(self.wait(left));
        }
        true
    }

    fn take(&mut self, message: Incoming, events: &mut Vec<Event>) {
        match message {
            Incoming::Stored { seq, version } => {
                if let Some(p) = self.pending.iter_mut().find(|p| p.seq == seq) {
                    p.stored = Some(version);
                }
            }
            Incoming::Conflict { seq, by } => {
                if let Some(edit) = self.drop_pending(seq) {
                    events.push(Event::Rejected {
                        edit,
                        by: by.clone(),
                    });
                    self.rebuild(&by, events);
                }
            }
            Incoming::Failed { seq, reason } => {
                if let Some(edit) = self.drop_pending(seq) {
                    events.push(Event::Failed { edit, reason });
                    self.rebuild("", events);
                }
            }
            Incoming::Edits(entries) => {
                for entry in entries {
                    self.integrate(entry, events);
                }
            }
            Incoming::Replaced { snapshot, by } => {
                self.confirmed = snapshot.edition;
                self.version = snapshot.version;
                events.push(Event::Replaced { by: by.clone() });
                self.rebuild(&by, events);
            }
            Incoming::Offline(reason) => events.push(Event::Offline(reason)),
            Incoming::Online => events.push(Event::Online),
            Incoming::Room(room) => {
                if room != self.room {
                    self.room = room;
                    events.push(Event::Room);
                }
            }
        }
    }

    /// Removes pending edit `seq` (and its undo step); returns it.
    fn drop_pending(&mut self, seq: i64) -> Option<Edit> {
        let at = self.pending.iter().position(|p| p.seq == seq)?;
        self.undo.retain(|s| s.seq != seq);
        self.redo.retain(|s| s.seq != seq);
        self.pending.remove(at).map(|p| p.edit)
    }

    /// Takes one log edit in, in log order.
    fn integrate(&mut self, entry: LogEntry, events: &mut Vec<Event>) {
        if entry.version <= self.version {
            return;
        }
        self.version = entry.version;
        let keys = touches(&entry.edit, &self.confirmed);
        // Every client skips the same log edits: those that do not apply to the edition the
        // log before them makes.
        let applied = self.confirmed.apply(entry.edit.clone());
        if entry.client == self.client {
            let front = self.pending.front().is_some_and(|p| p.seq == entry.seq);
            if let Err(e) = &applied {
                events.push(Event::Failed {
                    edit: entry.edit,
                    reason: format!("it no longer applies: {e}"),
                });
            }
            if front && applied.is_ok() {
                // Already in the shown edition, in this place.
                self.pending.pop_front();
            } else {
                self.drop_pending(entry.seq);
                self.rebuild(&entry.author, events);
            }
            return;
        }
        if applied.is_ok() {
            let commutes = self
                .pending
                .iter()
                .all(|p| p.touches.iter().all(|k| !keys.contains(k)));
            // Disjoint edits give the same edition in either order, so the pending ones need
            // not be rolled back; the server applies the same rule.
            if !commutes || self.edition.apply(entry.edit.clone()).is_err() {
                self.apply_under_pending(entry.edit, &entry.author, events);
            }
        }
        events.push(Event::Remote {
            author: entry.author,
            version: entry.version,
        });
    }

    /// Applies someone else's edit to the shown edition beneath this window's pending edits.
    fn apply_under_pending(&mut self, edit: Edit, by: &str, events: &mut Vec<Event>) {
        let mut rolled_back = true;
        for p in self.pending.iter().rev() {
            if self.edition.apply(p.inverse.clone()).is_err() {
                rolled_back = false;
                break;
            }
        }
        if !rolled_back || self.edition.apply(edit).is_err() {
            self.rebuild(by, events);
            return;
        }
        for i in 0..self.pending.len() {
            match self.edition.apply(self.pending[i].edit.clone()) {
                Ok(inverse) => self.pending[i].inverse = inverse,
                Err(_) => {
                    self.rebuild(by, events);
                    return;
                }
            }
        }
    }

    /// Makes the shown edition again from the confirmed one and the pending edits; a pending
    /// edit that no longer applies is dropped and reported as rejected by `by`.
    fn rebuild(&mut self, by: &str, events: &mut Vec<Event>) {
        self.edition = self.confirmed.clone();
        let mut kept = VecDeque::with_capacity(self.pending.len());
        for mut p in std::mem::take(&mut self.pending) {
            match self.edition.apply(p.edit.clone()) {
                Ok(inverse) => {
                    p.inverse = inverse;
                    kept.push_back(p);
                }
                Err(_) => {
                    self.undo.retain(|s| s.seq != p.seq);
                    events.push(Event::Rejected {
                        edit: p.edit,
                        by: by.to_owned(),
                    });
                }
            }
        }
        self.pending = kept;
    }
}

impl Drop for Live {
    /// Stops at once, as a killed window would: edits not yet sent are lost.
    fn drop(&mut self) {
        if let Some(control) = self.control.as_mut() {
            room::leave(control, &self.name, &self.client);
        }
        self.stop.store(true, Ordering::Relaxed);
        self.outbox = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

fn spawn(what: &str, f: impl FnOnce() + Send + 'static) -> JoinHandle<()> {
    std::thread::Builder::new()
        .name(format!("broadsheet-live-{what}"))
        .spawn(f)
        .expect("a thread for the live client")
}

/// A name for this window that no other has: the author, the process and a count.
fn client_id(author: &str) -> String {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{author}/{}/{nanos}/{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    )
}
