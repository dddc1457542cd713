//! The file store: a folder of RON layout files, `NAME.ron` each, read and written exactly as
//! the editor opens and saves them.

use std::path::{Path, PathBuf};

use super::{Store, StoreError};
use crate::model::{Edition, io};

/// A folder of layout files; an edition's name is its file's stem.
#[derive(Clone, Debug)]
pub struct FileStore {
    folder: PathBuf,
}

impl FileStore {
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    /// The file edition `name` is kept in.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.join(format!("{name}.ron"))
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

impl Store for FileStore {
    fn load(&mut self, name: &str) -> Result<Edition, StoreError> {
        let path = self.path(name);
        if !path.exists() {
            return Err(StoreError::NoEdition {
                name: name.to_owned(),
                place: self.folder.display().to_string(),
                known: self.names()?,
            });
        }
        Ok(io::load(&path)?)
    }

    /// An atomic save that keeps the previous file as `NAME.ron.bak`, like the editor's.
    fn save(&mut self, name: &str, edition: &Edition, _author: &str) -> Result<(), StoreError> {
        Ok(io::save(edition, &self.path(name))?)
    }

    fn names(&mut self) -> Result<Vec<String>, StoreError> {
        let entries = std::fs::read_dir(&self.folder).map_err(|source| io::LoadError::Io {
            file: self.folder.display().to_string(),
            source,
        })?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        names.sort();
        Ok(names)
    }
}
