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

/// The largest layout or article file read: 64 MiB, far past any real edition (the 48-page
/// benchmark edition is under 1 MiB).
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Loads an edition from a file.
pub fn load(path: &Path) -> Result<Edition, LoadError> {
    let file = path.display().to_string();
    let text = read_text(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    from_str(&text, &file)
}

/// Reads a UTF-8 text file of at most [`MAX_INPUT_BYTES`], without its byte-order mark.
/// Refuses, without opening it, what is not a regular file: a FIFO would block and a device
/// such as `/dev/zero` never ends. Says where the text stops being UTF-8, and names UTF-16.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read as _};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, FIFO or socket)"
        };
        return Err(Error::new(ErrorKind::InvalidInput, format!("it is {what}")));
    }
    let mut bytes = Vec::new();
    // `take` as well as the size check: the file may grow between the two.
    std::fs::File::open(path)?
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!(
                "the file is larger than {} MiB, the most Broadsheet reads",
                MAX_INPUT_BYTES >> 20
            ),
        ));
    }
    decode_text(bytes).map_err(|m| Error::new(ErrorKind::InvalidData, m))
}

/// UTF-8 text from `bytes`, a leading byte-order mark dropped; or what is wrong, with the byte
/// offset of the first bad byte.
pub fn decode_text(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let order = if bytes[0] == 0xFF { "little" } else { "big" };
        return Err(format!(
            "the file is UTF-16 ({order}-endian, from its byte-order mark at byte 0); save it as UTF-8"
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    // Every other byte zero near the start: UTF-16 without a byte-order mark (valid UTF-8
    // as far as bytes go when the text is ASCII, so it must be caught before decoding).
    let head = &bytes[..bytes.len().min(64)];
    let zeros = head.iter().filter(|&&b| b == 0).count();
    if head.len() >= 4 && zeros * 3 >= head.len() {
        let at = head.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(format!(
            "the file looks like UTF-16 (a zero byte at byte {at}); save it as UTF-8"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("invalid UTF-8 at byte {at} (line {line}); save the file as UTF-8")
    })
}

/// Parses an edition from RON text; `file` names it in messages.
pub fn from_str(text: &str, file: &str) -> Result<Edition, LoadError> {
    // A byte-order mark is no part of the text (some Windows editors write one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_version(text, file)?;
    let edition: Edition = ron::Options::default()
        .from_str(text)
        .map_err(|e| syntax(file, &e))?;
    edition.validate().map_err(|invalid| {
        let (line, column) = match invalid.within {
            Some(section) => locate_nth(text, section, &invalid.locate, invalid.nth),
            None => locate_field(text, &invalid.locate, invalid.field),
        };
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

/// Line and column (1-based) of the `nth` (0-based) occurrence of `needle` after `section`,
/// falling back to the first occurrence anywhere.
fn locate_nth(text: &str, section: &str, needle: &str, nth: usize) -> (usize, usize) {
    let from = text.find(section).unwrap_or(0);
    let found = text[from..]
        .match_indices(needle)
        .nth(nth)
        .map(|(at, _)| from + at);
    match found {
        Some(at) => position(text, at),
        None => locate(text, needle),
    }
}

/// Line and column (1-based) of byte `at` in `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
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
    write_atomic_with(path, keep_backup, |f| f.write_all(bytes))
}

/// Like [`write_atomic`], with the contents streamed by `fill`.
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let staged = Staged::write_with(path, fill)?;
    if keep_backup && staged.target.exists() {
        let mut bak = staged.target.as_os_str().to_owned();
        bak.push(".bak");
        std::fs::copy(&staged.target, PathBuf::from(bak))?;
    }
    staged.commit()
}

/// A file written beside its target under a temporary name and flushed to disk, put in place
/// by [`Staged::commit`] (a rename) or removed when dropped. Several outputs staged first and
/// committed together are all-or-nothing: a failure before the commits leaves every target
/// as it was.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    /// The file the rename replaces: a symlink's target, so the link stays a link.
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Writes `bytes` beside `path` (beside a symlink's target), with the permissions of the
    /// file it will replace, if there is one.
    pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<Self> {
        Self::write_with(path, |f| f.write_all(bytes))
    }

    /// Like [`Staged::write`], with the contents streamed by `fill`.
    pub fn write_with(
        path: &Path,
        fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    ) -> std::io::Result<Self> {
        let target = resolve_symlinks(path);
        // Refused now, not at the rename, so the other outputs of an export stay untouched.
        if target.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a folder; name a file",
            ));
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
        })?;
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let staged = Self {
            tmp,
            target,
            committed: false,
        };
        let mut f = std::fs::File::create(&staged.tmp)?;
        fill(&mut f)?;
        if let Ok(meta) = std::fs::metadata(&staged.target) {
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        Ok(staged)
    }

    /// Renames the staged file into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        std::fs::rename(&self.tmp, &self.target)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The file a path finally names, following symlinks (up to 40, as the kernel does); the path
/// itself when it is not a link or the link dangles into a folder that does not exist.
fn resolve_symlinks(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let Ok(link) = std::fs::read_link(&current) else {
            return current;
        };
        current = match current.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    current
}

impl fmt::Display for super::Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Zh => "zh",
            Self::En => "en",
        })
    }
}
