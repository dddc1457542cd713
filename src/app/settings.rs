//! The editor's view settings, kept between sessions through eframe's persistence: what is
//! shown, how, and in which language. The document itself is never stored here (it lives in its
//! RON file and the recovery copy); eframe's storage silently drops what it cannot read, which
//! is acceptable for preferences only.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How many files "Open Recent" remembers.
const RECENT: usize = 10;

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RightTab {
    /// The selected frame and its story.
    #[default]
    Properties,
    /// The edition's paragraph styles.
    Styles,
    /// The current page's comments (批注), on a server edition.
    Comments,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    pub guides: bool,
    pub preflight: bool,
    pub frame_time: bool,
    /// Show the pages panel (left) and the properties panel (right).
    pub pages_panel: bool,
    pub properties_panel: bool,
    /// Fixed panel widths, so selecting another frame never moves the page sideways.
    pub pages_width: f32,
    pub properties_width: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// What the right-hand panel shows.
    pub right_tab: RightTab,
    /// The interface's language; `None` follows the system's locale.
    pub language: Option<super::i18n::Language>,
    /// Folders of fonts (the paper's licensed faces), looked in after an edition's own
    /// `fonts/` folder and before the system's.
    pub font_folders: Vec<PathBuf>,
    /// The newsroom server last connected to (File ▸ Connect), with the user's name and role.
    pub server: Option<super::newsroom::ServerSettings>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            guides: true,
            preflight: false,
            frame_time: false,
            pages_panel: true,
            properties_panel: true,
            pages_width: 190.0,
            properties_width: 360.0,
            recent: Vec::new(),
            language: None,
            right_tab: RightTab::Properties,
            font_folders: Vec::new(),
            server: None,
        }
    }
}

impl ViewSettings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &std::path::Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_keep_the_newest_first_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let mut s = ViewSettings::default();
        s.remember(&a);
        s.remember(&b);
        s.remember(&a);
        let names: Vec<_> = s.recent.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["a.ron", "b.ron"]);
        for i in 0..20 {
            s.remember(&dir.path().join(format!("{i}.ron")));
        }
        assert_eq!(s.recent.len(), RECENT);
    }

    #[test]
    fn settings_survive_a_round_trip_and_old_entries_default() {
        let s = ViewSettings {
            guides: false,
            ..Default::default()
        };
        let text = ron::to_string(&s).unwrap();
        assert_eq!(ron::from_str::<ViewSettings>(&text).unwrap(), s);
        let partial: ViewSettings = ron::from_str("(guides: false)").unwrap();
        assert!(partial.pages_panel && !partial.guides);
    }
}
