//! Where an edition lives: RON files (the default, one person or a shared folder) or a
//! PostgreSQL server, where an edition is a snapshot plus an append-only log of [`Edit`]s that
//! many editors write at once (see [`live`]).
//!
//! This layer sits beside [`crate::model::io`]: it reads and writes editions and edits, and never
//! lays anything out.

mod comments;
mod files;
pub mod live;
mod migrate;
pub(crate) mod pg;
pub mod roles;
mod touches;

pub use comments::Comment;
pub use files::FileStore;
pub use migrate::{MIGRATIONS, Migration};
pub use pg::{Appended, LogEntry, NewEdit, PgStore, Snapshot, redact};
pub use roles::{Hold, Role, needs};
pub use touches::touches;

use crate::model::{Edit, Edition, io};

/// A place that holds editions by name.
pub trait Store {
    /// The edition called `name` as it is now.
    fn load(&mut self, name: &str) -> Result<Edition, StoreError>;
    /// Stores `edition` as `name`, replacing an edition of that name; `author` is recorded
    /// where the store keeps authors.
    fn save(&mut self, name: &str, edition: &Edition, author: &str) -> Result<(), StoreError>;
    /// The names of the editions held, sorted.
    fn names(&mut self) -> Result<Vec<String>, StoreError>;
}

/// Why the store could not do what was asked. Its `Display` is the message the user sees.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    /// The server has no Broadsheet schema, or an older one.
    #[error(
        "{url} has no Broadsheet schema (version {found} of {wanted})\nhint: run `broadsheet serve-init {url}` first"
    )]
    NoSchema {
        url: String,
        found: i32,
        wanted: i32,
    },
    /// The server's schema is newer than this build knows.
    #[error(
        "{url} has Broadsheet schema version {found}, newer than this build's {wanted}\nhint: use a newer Broadsheet"
    )]
    NewerSchema {
        url: String,
        found: i32,
        wanted: i32,
    },
    #[error("there is no edition \"{name}\" on {place}{}", hint_names(.known))]
    NoEdition {
        name: String,
        place: String,
        known: Vec<String>,
    },
    /// The server answered with an error.
    #[error("{url}: {reason}")]
    Server { url: String, reason: String },
    /// Something stored on the server does not read back (a hand-edited row, a newer format).
    #[error("edition \"{name}\" on the server: {reason}")]
    Corrupt { name: String, reason: String },
    #[error(transparent)]
    Load(#[from] io::LoadError),
    #[error(transparent)]
    Save(#[from] io::SaveError),
}

fn hint_names(known: &[String]) -> String {
    if known.is_empty() {
        "\nhint: it holds no editions yet; `broadsheet push FILE.ron URL` adds one".to_owned()
    } else {
        format!("\nhint: it holds {}", known.join(", "))
    }
}

/// The RON text of one edit, as the log stores it: one line, deterministic.
pub fn edit_to_ron(edit: &Edit) -> String {
    ron::ser::to_string_pretty(
        edit,
        ron::ser::PrettyConfig::new()
            .new_line(" ".to_owned())
            .indentor(String::new())
            .struct_names(true),
    )
    .expect("an edit always serialises: it has no maps with non-string keys")
}

/// Reads an edit back from [`edit_to_ron`]'s text.
pub fn edit_from_ron(text: &str) -> Result<Edit, ron::error::SpannedError> {
    ron::Options::default().from_str(text)
}

/// Opens the store `location` names: a `postgres://` or `postgresql://` URL is a server, anything
/// else a folder of RON files.
pub fn open(location: &str) -> Result<Box<dyn Store>, StoreError> {
    if is_server_url(location) {
        Ok(Box::new(PgStore::connect(location)?))
    } else {
        Ok(Box::new(FileStore::new(location)))
    }
}

/// Whether `location` names a PostgreSQL server rather than a file or folder.
pub fn is_server_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}
