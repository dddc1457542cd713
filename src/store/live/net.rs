//! The live client's two threads: the sender appends the window's edits in order, one at a
//! time, resending after a lost connection (the server recognises a resent edit); the listener
//! waits for NOTIFY and fetches the log's new edits. Both reconnect until the client stops.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator as _;

use super::super::pg::{LogEntry, NewEdit, PgStore, Snapshot};
use super::super::{Appended, StoreError};

/// How long a thread waits before trying a lost server again, and how often the listener
/// looks at the stop flag.
const RETRY: Duration = Duration::from_millis(100);

/// The channel every append notifies (see `migrations/0001_editions.sql`).
pub(super) const CHANNEL: &str = "broadsheet_edits";

/// A window that stores a log version that is a multiple of this compacts the edition: the
/// snapshot then includes every edit up to it, and opening the edition replays at most this
/// many.
pub const COMPACT_EVERY: i64 = 1000;

/// The most edits sent in one transaction: those that queued while the previous ones were
/// being stored.
const MAX_BATCH: usize = 256;

/// What the threads tell the client.
pub(super) enum Incoming {
    /// The edit `seq` was stored at `version`.
    Stored {
        seq: i64,
        version: i64,
    },
    /// The edit `seq` was refused: an edit of `by` touched the same thing first.
    Conflict {
        seq: i64,
        by: String,
    },
    /// The edit `seq` was refused for another reason (the edition was deleted …).
    Failed {
        seq: i64,
        reason: String,
    },
    /// New log edits, in order.
    Edits(Vec<LogEntry>),
    /// The edition was replaced whole (pushed over) by `by`.
    Replaced {
        snapshot: Box<Snapshot>,
        by: String,
    },
    /// The server cannot be reached; edits queue meanwhile.
    Offline(String),
    Online,
    /// Who is on the edition and the page holds, when they changed or a while has passed.
    Room(super::Room),
}

/// What both threads share.
#[derive(Clone)]
pub(super) struct Shared {
    pub url: String,
    pub name: String,
    pub client: String,
    pub author: String,
    pub stop: Arc<AtomicBool>,
    pub inbox: Sender<Incoming>,
}

impl Shared {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// A connection, retried until the client stops; `Offline` is reported once per outage.
    fn reconnect(&self, offline: &mut bool) -> Option<PgStore> {
        loop {
            if self.stopped() {
                return None;
            }
            match PgStore::connect(&self.url) {
                Ok(store) => {
                    if std::mem::take(offline) {
                        let _ = self.inbox.send(Incoming::Online);
                    }
                    return Some(store);
                }
                Err(e) => {
                    if !std::mem::replace(offline, true) {
                        let _ = self.inbox.send(Incoming::Offline(e.to_string()));
                    }
                    std::thread::sleep(RETRY);
                }
            }
        }
    }
}

/// Appends each outgoing edit in order; those that queued meanwhile go together in one
/// transaction. Stops when the client does (unsent edits are then lost, as when a window is
/// killed) or when the client is gone.
pub(super) fn send(shared: Shared, mut store: Option<PgStore>, outbox: Receiver<NewEdit>) {
    let mut offline = false;
    while let Ok(first) = outbox.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match outbox.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        loop {
            if shared.stopped() {
                return;
            }
            let Some(server) = store.as_mut() else {
                store = shared.reconnect(&mut offline);
                continue;
            };
            let answers =
                match server.append_all(&shared.name, &shared.client, &shared.author, &batch) {
                    Ok(answers) => answers
                        .into_iter()
                        .zip(&batch)
                        .map(|(answer, e)| match answer {
                            Appended::Stored(version) => Incoming::Stored {
                                seq: e.seq,
                                version,
                            },
                            Appended::Conflict { author, .. } => Incoming::Conflict {
                                seq: e.seq,
                                by: author,
                            },
                            Appended::Refused(reason) => Incoming::Failed { seq: e.seq, reason },
                        })
                        .collect(),
                    Err(StoreError::Connect { .. }) => {
                        // Lost mid-append: stored or not, resending is safe.
                        store = None;
                        continue;
                    }
                    Err(e) => batch
                        .iter()
                        .map(|b| Incoming::Failed {
                            seq: b.seq,
                            reason: e.to_string(),
                        })
                        .collect::<Vec<_>>(),
                };
            let compact = answers.iter().any(
                |a| matches!(a, Incoming::Stored { version, .. } if version % COMPACT_EVERY == 0),
            );
            for answer in answers {
                if shared.inbox.send(answer).is_err() {
                    return;
                }
            }
            // After the answers, so the window does not wait for it. A compaction that fails
            // changes nothing; the next multiple tries again.
            if compact && let Some(server) = store.as_mut() {
                let _ = server.compact(&shared.name);
            }
            break;
        }
    }
}

/// Waits for notifications about the edition and passes on the log's new edits after
/// `after`.
pub(super) fn listen(shared: Shared, mut store: Option<PgStore>, mut after: i64) {
    let mut offline = false;
    // After (re)connecting, fetch once: edits may have come while nobody listened.
    let mut fetch = true;
    let mut room_at = std::time::Instant::now();
    loop {
        if shared.stopped() {
            return;
        }
        // Holds change with a notification; people come and go without one, so look again
        // every second.
        if room_at.elapsed() >= super::room::EVERY
            && let Some(server) = store.as_mut()
        {
            room_at = std::time::Instant::now();
            if let Ok(room) =
                super::room::fetch(server, &shared.name, &shared.client, &shared.author)
                && shared.inbox.send(Incoming::Room(room)).is_err()
            {
                return;
            }
        }
        let Some(server) = store.as_mut() else {
            store = shared.reconnect(&mut offline);
            if let Some(s) = store.as_mut()
                && s.client()
                    .batch_execute(&format!("LISTEN {CHANNEL}"))
                    .is_err()
            {
                store = None;
            }
            fetch = true;
            continue;
        };
        if !fetch {
            match wait(server, &shared.name, after) {
                Ok((relevant, holds)) => {
                    fetch = relevant;
                    if holds {
                        room_at = std::time::Instant::now()
                            .checked_sub(super::room::EVERY)
                            .unwrap_or(room_at);
                    }
                }
                Err(()) => {
                    store = None;
                    continue;
                }
            }
        }
        if fetch {
            match catch_up(server, &shared, after) {
                Ok(Some((message, newest))) => {
                    after = newest;
                    if shared.inbox.send(message).is_err() {
                        return;
                    }
                }
                Ok(None) => {}
                Err(StoreError::Connect { .. }) => {
                    store = None;
                    continue;
                }
                Err(e) => {
                    // Told once, then retried quietly, like a lost connection.
                    if !std::mem::replace(&mut offline, true) {
                        let _ = shared.inbox.send(Incoming::Offline(e.to_string()));
                    }
                    std::thread::sleep(RETRY);
                    continue;
                }
            }
            if std::mem::take(&mut offline) {
                let _ = shared.inbox.send(Incoming::Online);
            }
            fetch = false;
        }
    }
}

/// Waits up to [`RETRY`] for notifications; true when one says the edition has a version
/// after `after` (and whether one says its holds changed). All those already there are read,
/// so a burst costs one fetch.
fn wait(server: &mut PgStore, name: &str, after: i64) -> Result<(bool, bool), ()> {
    let client = server.client();
    if client.is_closed() {
        return Err(());
    }
    let mut notifications = client.notifications();
    let mut relevant = false;
    let mut holds = false;
    let holds_of = format!("holds {name}");
    let comments_of = format!("comments {name}");
    let concerns = |payload: &str| {
        payload.split_once(' ').is_some_and(|(version, edition)| {
            edition == name && version.parse::<i64>().is_ok_and(|v| v > after)
        })
    };
    let first = notifications.timeout_iter(RETRY).next().map_err(|_| ())?;
    if let Some(n) = first {
        relevant |= concerns(n.payload());
        holds |= n.payload() == holds_of || n.payload() == comments_of;
        let mut rest = notifications.iter();
        while let Some(n) = rest.next().map_err(|_| ())? {
            relevant |= concerns(n.payload());
            holds |= n.payload() == holds_of || n.payload() == comments_of;
        }
    }
    Ok((relevant, holds))
}

/// The log's edits after `after` (or the new snapshot, when the edition was replaced since),
/// with the newest version it brings.
fn catch_up(
    server: &mut PgStore,
    shared: &Shared,
    after: i64,
) -> Result<Option<(Incoming, i64)>, StoreError> {
    if let Some(by) = server.replaced_since(&shared.name, after)? {
        let snapshot = server.snapshot(&shared.name)?;
        let newest = snapshot.version;
        let message = Incoming::Replaced {
            snapshot: Box::new(snapshot),
            by,
        };
        return Ok(Some((message, newest)));
    }
    let edits = server.edits_after(&shared.name, after)?;
    Ok(edits
        .last()
        .map(|e| e.version)
        .map(|newest| (Incoming::Edits(edits), newest)))
}
