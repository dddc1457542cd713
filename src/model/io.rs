//! Reading and writing layout files: versioned RON with errors that say where and what, and an
//! atomic save that keeps the previous file as `NAME.ron.bak`.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Edition, FORMAT_VERSION};

/// Why a layout file could not be loaded. Its `Display` is the message the user sees.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    /// The text is not a well-formed edition.
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file is well formed but a reference or rule is broken.
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl LoadError {
    /// Line and column (1-based) of the problem, where the file has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Io { .. } => None,
            Self::Syntax { line, column, .. } | Self::Invalid { line, column, .. } => {
                Some((*line, *column))
            }
        }
    }
}

/// Loads an edition from a file.
pub fn load(path: &Path) -> Result<Edition, LoadError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    from_str(&text, &file)
}

/// Parses an edition from RON text; `file` names it in messages.
pub fn from_str(text: &str, file: &str) -> Result<Edition, LoadError> {
    check_version(text, file)?;
    let edition: Edition = ron::Options::default()
        .from_str(text)
        .map_err(|e| syntax(file, &e))?;
    edition.validate().map_err(|invalid| {
        let (line, column) = locate_field(text, &invalid.locate, invalid.field);
        LoadError::Invalid {
            file: file.to_owned(),
            line,
            column,
            message: invalid.message,
        }
    })?;
    Ok(edition)
}

/// Reads only the version first, so a file from a newer Broadsheet says so instead of failing
/// on whichever new field happens to come first.
fn check_version(text: &str, file: &str) -> Result<(), LoadError> {
    #[derive(Deserialize)]
    #[serde(rename = "Edition")]
    struct Probe {
        format: Option<u32>,
    }
    // A probe that fails to parse leaves the full parse to report the syntax error properly.
    let Ok(probe) = ron::Options::default().from_str::<Probe>(text) else {
        return Ok(());
    };
    match probe.format {
        Some(FORMAT_VERSION) => Ok(()),
        Some(v) => {
            let (line, column) = locate(text, "format");
            Err(LoadError::Invalid {
                file: file.to_owned(),
                line,
                column,
                message: format!(
                    "format version {v} is not supported: this build of Broadsheet reads version {FORMAT_VERSION}"
                ),
            })
        }
        None => Err(LoadError::Invalid {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: format!(
                "expected `format: {FORMAT_VERSION}` as the first field of the edition"
            ),
        }),
    }
}

fn syntax(file: &str, e: &ron::error::SpannedError) -> LoadError {
    let truncated = matches!(
        e.code,
        ron::Error::Eof | ron::Error::ExpectedStringEnd | ron::Error::UnclosedBlockComment
    );
    let message = match &e.code {
        ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        other if truncated => format!(
            "the file ends too early (is it truncated?): {}",
            explain(other)
        ),
        other => explain(other),
    };
    LoadError::Syntax {
        file: file.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message,
    }
}

/// Rephrases ron's error in the user's terms where its own wording is terse.
fn explain(e: &ron::Error) -> String {
    match e {
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; expected one of: {}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        ron::Error::MissingStructField { field, outer } => format!(
            "missing field `{field}`{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        other => other.to_string(),
    }
}

/// Line and column (1-based) of the first place `needle` appears as a quoted ID or a field name.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    locate_field(text, needle, None)
}

/// Like [`locate`], then on to the first `field:` after that place when a field is named. A
/// `needle` with quotes in it is a snippet as written (`id: "body"`), tried as it is before
/// falling back to its quoted part alone.
fn locate_field(text: &str, needle: &str, field: Option<&str>) -> (usize, usize) {
    let quoted = format!("\"{needle}\"");
    let snippet = needle
        .contains('"')
        .then(|| text.find(needle))
        .flatten()
        .or_else(|| {
            let inner = needle.split('"').nth(1)?;
            text.find(&format!("\"{inner}\""))
        });
    let mut at = snippet
        .or_else(|| text.find(&quoted))
        .or_else(|| text.find(&format!("{needle}:")))
        .unwrap_or(0);
    if let Some(field) = field
        && let Some(offset) = text[at..].find(&format!("{field}:"))
    {
        at += offset;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The RON text of an edition. Deterministic: saving twice gives identical bytes.
pub fn to_string(edition: &Edition) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false);
    let body = ron::ser::to_string_pretty(edition, config)
        .expect("an edition always serialises: it has no maps with non-string keys");
    format!(
        "// Broadsheet layout. Content (stories, photos) comes before geometry (pages).\n{body}\n"
    )
}

/// Why a save failed. Nothing has been lost: the previous file is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{file}: cannot save: {reason}")]
pub struct SaveError {
    pub file: String,
    /// Shown in the message, so not chained as a source (it would print twice).
    pub reason: std::io::Error,
}

/// Saves atomically: writes a temporary file beside the target, flushes it to disk, keeps the
/// previous version as `NAME.ron.bak`, then renames the new file into place. A crash at any
/// point leaves either the old file or the new one, never half of one.
pub fn save(edition: &Edition, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, to_string(edition).as_bytes(), true).map_err(|reason| SaveError {
        file: path.display().to_string(),
        reason,
    })
}

/// Writes `bytes` to `path` through a temporary file and a rename; optionally keeps a `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
    })?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if keep_backup && path.exists() {
            let mut bak = path.as_os_str().to_owned();
            bak.push(".bak");
            std::fs::copy(path, PathBuf::from(bak))?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

impl fmt::Display for super::Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Zh => "zh",
            Self::En => "en",
        })
    }
}
