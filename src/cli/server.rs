//! The newsroom commands: `serve-init`, `push`, `pull` and `compact`, and reading a server
//! edition (`URL#EDITION`) where a command takes a layout file.

use std::path::Path;
use std::process::ExitCode;

use crate::model::{Edition, io};
use crate::resources::Origin;
use crate::store::{self, PgStore, Store as _};

/// `broadsheet serve-init URL`: creates or migrates the schema and says what it did.
pub(super) fn serve_init(url: &str) -> anyhow::Result<ExitCode> {
    let applied = PgStore::init(url)?;
    let url = store::redact(url);
    if applied.is_empty() {
        eprintln!("{url}: the schema is up to date");
    } else {
        eprintln!("{url}: applied {}", applied.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

/// `broadsheet push FILE.ron URL`: stores the edition (replacing one of the same name) and
/// prints its name on the server.
pub(super) fn push(
    file: &Path,
    url: &str,
    name: Option<&str>,
    author: &str,
) -> anyhow::Result<ExitCode> {
    let name = match name {
        Some(n) => n.to_owned(),
        None => file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: no file name to name the edition by\nhint: give one with --name",
                    file.display()
                )
            })?,
    };
    anyhow::ensure!(
        !name.trim().is_empty() && !name.contains('#'),
        "\"{name}\" cannot name an edition: it must not be empty or contain #\nhint: give another with --name"
    );
    let edition = io::load(file)?;
    let mut server = PgStore::connect(url)?;
    server.save(&name, &edition, author)?;
    println!("{name}");
    Ok(ExitCode::SUCCESS)
}

/// `broadsheet pull URL EDITION -o FILE.ron`: writes the edition as it is now, exactly as
/// saving it in the editor would.
pub(super) fn pull(url: &str, name: &str, output: &Path) -> anyhow::Result<ExitCode> {
    let mut server = PgStore::connect(url)?;
    let edition = server.load(name)?;
    io::save(&edition, output)?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// `broadsheet compact URL EDITION`: folds the log into a new snapshot.
pub(super) fn compact(url: &str, name: &str) -> anyhow::Result<ExitCode> {
    let mut server = PgStore::connect(url)?;
    let version = server.compact(name)?;
    eprintln!("{name}: snapshot at version {version}");
    Ok(ExitCode::SUCCESS)
}

/// `URL#EDITION` split in two, when `source` names a server edition.
pub fn server_edition(source: &str) -> Option<(&str, &str)> {
    if !store::is_server_url(source) {
        return None;
    }
    source.rsplit_once('#')
}

/// Loads a layout file, or a server edition named `URL#EDITION`. A server edition's relative
/// photo paths are found from the current folder.
pub(super) fn open_source(source: &Path) -> anyhow::Result<(Edition, Origin)> {
    let text = source.to_string_lossy();
    if store::is_server_url(&text) {
        let Some((url, name)) = server_edition(&text) else {
            anyhow::bail!(
                "{}: which edition?\nhint: name it after the URL: URL#EDITION",
                store::redact(&text)
            );
        };
        let edition = PgStore::connect(url)?.load(name)?;
        let here = std::env::current_dir().unwrap_or_default();
        return Ok((edition, Origin::Folder(here)));
    }
    Ok(super::open(Some(source))?)
}

/// The user name edits and pushes are recorded under: `$USER` (or `$USERNAME`).
pub fn default_author() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}
