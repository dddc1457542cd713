//! The fonts an edition was laid out with, recorded in its file: each family and weight its
//! styles use, the file it resolved to and that file's SHA-256. On another machine a font
//! that is missing or resolves to a different file is then a warning, never a silent
//! substitution.

use serde::{Deserialize, Serialize};

use super::Weight;

/// Where a font was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontPlace {
    /// The `fonts/` folder beside the layout file: the edition's own fonts.
    Edition,
    /// One of the user's font folders.
    Folder,
    /// The system's installed fonts.
    System,
    /// Compiled into Broadsheet.
    Bundled,
}

/// One family, weight and style the edition uses, and the file it was set in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontRecord {
    /// The family as the styles name it.
    pub family: String,
    pub weight: Weight,
    #[serde(default)]
    pub italic: bool,
    pub place: FontPlace,
    /// A bundled file's name; for the edition's own fonts, the path from the layout's folder
    /// (`fonts/FZShuSong.ttf`); else the absolute path.
    pub file: String,
    /// The face's index in a collection (.ttc/.otc).
    #[serde(default)]
    pub index: u32,
    /// SHA-256 of the whole file, in hex.
    pub sha256: String,
}
