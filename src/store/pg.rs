//! The PostgreSQL store: an edition is a snapshot (RON text) plus an append-only log of edits
//! (see `migrations/0001_editions.sql`). Loading replays the log over the snapshot; compaction
//! writes a new snapshot and keeps the log.

use postgres::{Client, NoTls};

use super::migrate::{self, latest};
use super::{Store, StoreError, edit_from_ron, edit_to_ron};
use crate::model::{Edit, Edition, FORMAT_VERSION, io};

/// A connection to a Broadsheet server.
pub struct PgStore {
    client: Client,
    /// The URL as given, password removed, for messages.
    url: String,
}

/// An edition as the server has it: the edition now, and the log version it includes.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub edition: Edition,
    pub version: i64,
    /// Log edits that did not apply (each was checked against what its author saw, but an edit
    /// that depends on one rejected later can fail); every reader skips the same ones.
    pub skipped: Vec<i64>,
}

/// One edit of the log.
#[derive(Clone, Debug)]
pub struct LogEntry {
    pub version: i64,
    /// The editor window that sent it and its own count.
    pub client: String,
    pub seq: i64,
    pub author: String,
    pub base: i64,
    pub edit: Edit,
}

/// An edit to append: the sender's own count for it, the version it was based on, and what it
/// touches (see [`super::touches`]).
#[derive(Clone, Debug)]
pub struct NewEdit {
    pub seq: i64,
    pub base: i64,
    pub touches: Vec<String>,
    /// What it needs of its author's role (see [`super::needs`]).
    pub needs: Vec<String>,
    pub edit: Edit,
}

/// What the server did with an appended edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Appended {
    /// Stored at this version.
    Stored(i64),
    /// Not stored: `author`'s edit at `version`, which the sender had not seen, touches the
    /// same thing.
    Conflict { author: String, version: i64 },
    /// Not stored: its author may not make it, for the reason given (their role, a page held
    /// by someone else …).
    Refused(String),
}

impl PgStore {
    /// Connects to `url` and checks that its schema is this build's.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut store = Self::connect_bare(url)?;
        let found = migrate::current(&mut store.client).map_err(|e| store.server(e))?;
        match found.cmp(&latest()) {
            std::cmp::Ordering::Equal => Ok(store),
            std::cmp::Ordering::Less => Err(StoreError::NoSchema {
                url: store.url,
                found,
                wanted: latest(),
            }),
            std::cmp::Ordering::Greater => Err(StoreError::NewerSchema {
                url: store.url,
                found,
                wanted: latest(),
            }),
        }
    }

    /// Connects to `url` and creates or migrates the schema; returns the migrations applied.
    pub fn init(url: &str) -> Result<Vec<&'static str>, StoreError> {
        let mut store = Self::connect_bare(url)?;
        match migrate::migrate(&mut store.client).map_err(|e| store.server(e))? {
            Ok(applied) => Ok(applied),
            Err(found) => Err(StoreError::NewerSchema {
                url: store.url,
                found,
                wanted: latest(),
            }),
        }
    }

    fn connect_bare(url: &str) -> Result<Self, StoreError> {
        let client = connect_client(url)?;
        Ok(Self {
            client,
            url: redact(url),
        })
    }

    /// The URL, password removed.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn server(&self, e: postgres::Error) -> StoreError {
        server_error(&self.url, e)
    }

    /// The edition `name` now, with the version it includes.
    pub fn snapshot(&mut self, name: &str) -> Result<Snapshot, StoreError> {
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| server_error(&self.url, e))?;
        // One consistent view of snapshot and log, even while others append.
        tx.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            .map_err(|e| server_error(&self.url, e))?;
        let row = tx
            .query_opt(
                "SELECT format, snapshot, snapshot_version FROM editions WHERE name = $1",
                &[&name],
            )
            .map_err(|e| server_error(&self.url, e))?;
        let Some(row) = row else {
            drop(tx);
            return Err(StoreError::NoEdition {
                name: name.to_owned(),
                place: self.url.clone(),
                known: self.names()?,
            });
        };
        let (format, text, from): (i32, String, i64) = (row.get(0), row.get(1), row.get(2));
        if format != FORMAT_VERSION as i32 {
            return Err(corrupt(
                name,
                format!("its snapshot is format {format}; this build reads {FORMAT_VERSION}"),
            ));
        }
        let mut edition = io::from_str(&text, &format!("{name} (snapshot)"))
            .map_err(|e| corrupt(name, e.to_string()))?;
        let rows = tx
            .query(LOG_QUERY, &[&name, &from])
            .map_err(|e| server_error(&self.url, e))?;
        tx.commit().map_err(|e| server_error(&self.url, e))?;
        let mut version = from;
        let mut skipped = Vec::new();
        for row in rows {
            let entry = log_entry(name, &row)?;
            version = entry.version;
            if edition.apply(entry.edit).is_err() {
                skipped.push(entry.version);
            }
        }
        Ok(Snapshot {
            edition,
            version,
            skipped,
        })
    }

    /// The log's edits of `name` after version `after`, in order.
    pub fn edits_after(&mut self, name: &str, after: i64) -> Result<Vec<LogEntry>, StoreError> {
        let rows = self
            .client
            .query(LOG_QUERY, &[&name, &after])
            .map_err(|e| server_error(&self.url, e))?;
        rows.iter().map(|row| log_entry(name, row)).collect()
    }

    /// Appends `edit` to `name`'s log, unless an edit by another client after `base` touches
    /// any of `touches` (see [`super::touches`]), or its author may not make it (see
    /// [`super::needs`]). `client` and `seq` make a resend harmless.
    pub fn append(
        &mut self,
        name: &str,
        client: &str,
        author: &str,
        edit: &NewEdit,
    ) -> Result<Appended, StoreError> {
        append(&mut self.client, &self.url, name, client, author, edit)
    }

    /// Appends several edits of one client, in order, in one transaction (one commit, so one
    /// wait for the disk instead of one each); each is stored or refused as by
    /// [`PgStore::append`]. On error none is stored.
    pub fn append_all(
        &mut self,
        name: &str,
        client: &str,
        author: &str,
        edits: &[NewEdit],
    ) -> Result<Vec<Appended>, StoreError> {
        let url = self.url.clone();
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| server_error(&url, e))?;
        let mut answers = Vec::with_capacity(edits.len());
        for e in edits {
            answers.push(append(&mut tx, &url, name, client, author, e)?);
        }
        tx.commit().map_err(|e| server_error(&url, e))?;
        Ok(answers)
    }

    /// Writes `name`'s edition now as its snapshot (the log is kept); returns its version.
    pub fn compact(&mut self, name: &str) -> Result<i64, StoreError> {
        let snapshot = self.snapshot(name)?;
        let text = io::to_string(&snapshot.edition);
        // Only forward: a compaction racing another (or a push) never moves the snapshot back.
        self.client
            .execute(
                "UPDATE editions SET snapshot = $2, snapshot_version = $3, updated_at = now()
                 WHERE name = $1 AND snapshot_version < $3 AND replaced_at <= $3",
                &[&name, &text, &snapshot.version],
            )
            .map_err(|e| server_error(&self.url, e))?;
        Ok(snapshot.version)
    }

    /// Who replaced `name` whole after version `after`, if anyone did.
    pub fn replaced_since(&mut self, name: &str, after: i64) -> Result<Option<String>, StoreError> {
        let row = self
            .client
            .query_opt(
                "SELECT replaced_by FROM editions WHERE name = $1 AND replaced_at > $2",
                &[&name, &after],
            )
            .map_err(|e| server_error(&self.url, e))?;
        Ok(row.map(|r| r.get(0)))
    }

    /// The number of log edits of `name` after its snapshot.
    pub fn uncompacted(&mut self, name: &str) -> Result<i64, StoreError> {
        let row = self
            .client
            .query_one(
                "SELECT count(*) FROM edits l JOIN editions e ON e.name = l.edition
                 WHERE l.edition = $1 AND l.version > e.snapshot_version",
                &[&name],
            )
            .map_err(|e| server_error(&self.url, e))?;
        Ok(row.get(0))
    }

    /// The underlying connection, for tests and tools that look at the tables themselves.
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

const LOG_QUERY: &str = "SELECT version, client, seq, author, base, edit FROM edits
     WHERE edition = $1 AND version > $2 ORDER BY version";

impl Store for PgStore {
    fn load(&mut self, name: &str) -> Result<Edition, StoreError> {
        Ok(self.snapshot(name)?.edition)
    }

    /// Creates the edition, or replaces it whole: the new snapshot is the next version, and
    /// an edit based on an older one is refused as conflicting with this replacement.
    fn save(&mut self, name: &str, edition: &Edition, author: &str) -> Result<(), StoreError> {
        let text = io::to_string(edition);
        let format = FORMAT_VERSION as i32;
        let url = self.url.clone();
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| server_error(&url, e))?;
        tx.execute(
            "INSERT INTO editions (name, format, snapshot, snapshot_version, head, replaced_by)
             VALUES ($1, $2, $3, 0, 0, $4)
             ON CONFLICT (name) DO UPDATE SET format = $2, snapshot = $3,
                 snapshot_version = editions.head + 1, head = editions.head + 1,
                 replaced_at = editions.head + 1, replaced_by = $4, updated_at = now()",
            &[&name, &format, &text, &author],
        )
        .map_err(|e| server_error(&url, e))?;
        tx.execute(
            "SELECT pg_notify('broadsheet_edits', head::text || ' ' || name) FROM editions
             WHERE name = $1",
            &[&name],
        )
        .map_err(|e| server_error(&url, e))?;
        tx.commit().map_err(|e| server_error(&url, e))
    }

    fn names(&mut self) -> Result<Vec<String>, StoreError> {
        let rows = self
            .client
            .query("SELECT name FROM editions ORDER BY name", &[])
            .map_err(|e| server_error(&self.url, e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }
}

/// [`PgStore::append`] on a connection or in a transaction.
fn append(
    client: &mut impl postgres::GenericClient,
    url: &str,
    name: &str,
    from: &str,
    author: &str,
    edit: &NewEdit,
) -> Result<Appended, StoreError> {
    let text = edit_to_ron(&edit.edit);
    let row = client
        .query_one(
            "SELECT * FROM broadsheet_append($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &name,
                &from,
                &edit.seq,
                &author,
                &edit.base,
                &edit.touches,
                &edit.needs,
                &text,
            ],
        )
        .map_err(|e| {
            if e.code() == Some(&postgres::error::SqlState::NO_DATA_FOUND) {
                StoreError::NoEdition {
                    name: name.to_owned(),
                    place: url.to_owned(),
                    known: Vec::new(),
                }
            } else {
                server_error(url, e)
            }
        })?;
    if let Some(reason) = row.get::<_, Option<String>>(3) {
        return Ok(Appended::Refused(reason));
    }
    Ok(match row.get::<_, Option<i64>>(0) {
        Some(version) => Appended::Stored(version),
        None => Appended::Conflict {
            author: row.get::<_, Option<String>>(1).unwrap_or_default(),
            version: row.get::<_, Option<i64>>(2).unwrap_or_default(),
        },
    })
}

/// Opens a plain connection to `url` (no TLS: the server is on the newsroom's own network).
pub(crate) fn connect_client(url: &str) -> Result<Client, StoreError> {
    let fail = |reason: String| StoreError::Connect {
        url: redact(url),
        reason,
    };
    let mut config: postgres::Config = url.parse().map_err(|e| fail(format!("{e}")))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(std::time::Duration::from_secs(5));
    }
    config.connect(NoTls).map_err(|e| fail(describe(&e)))
}

pub(crate) fn server_error(url: &str, e: postgres::Error) -> StoreError {
    // Class 08 is a broken connection, class 57P the server shutting down or starting up: the
    // same request can be made again on a new connection.
    let lost = e
        .code()
        .is_some_and(|c| c.code().starts_with("08") || c.code().starts_with("57P"));
    if e.is_closed() || lost {
        return StoreError::Connect {
            url: url.to_owned(),
            reason: if lost {
                describe(&e)
            } else {
                "the connection was closed".to_owned()
            },
        };
    }
    StoreError::Server {
        url: url.to_owned(),
        reason: describe(&e),
    }
}

/// The error with its causes: postgres's own `Display` says only "error connecting to server".
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_owned();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn log_entry(name: &str, row: &postgres::Row) -> Result<LogEntry, StoreError> {
    let version: i64 = row.get(0);
    let text: String = row.get(5);
    let edit = edit_from_ron(&text)
        .map_err(|e| corrupt(name, format!("edit {version} does not read: {e}")))?;
    Ok(LogEntry {
        version,
        client: row.get(1),
        seq: row.get(2),
        author: row.get(3),
        base: row.get(4),
        edit,
    })
}

fn corrupt(name: &str, reason: String) -> StoreError {
    StoreError::Corrupt {
        name: name.to_owned(),
        reason,
    }
}

/// `url` without its password, for messages: `postgres://ann:secret@host/db` becomes
/// `postgres://ann@host/db`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or(user);
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}
