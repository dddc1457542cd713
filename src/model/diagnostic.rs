//! Findings about an edition, reported as data: the CLI prints them, the editor lists them.

use serde::Serialize;

use super::{FrameId, StoryId};

/// How bad a finding is. Errors stop a page going to press; warnings ask for a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One finding, with where it is: page (1-based label), frame and story, each when known.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `overset`, `missing-photo`.
    pub code: &'static str,
    /// The English sentence, for the command line and the PDF-ready data.
    pub message: String,
    /// The names and numbers in the message, by name, so the editor can word it in the
    /// interface's language (`lines` = "3", `frame` = "p1-lead-body" …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(&'static str, String)>,
    pub page: Option<String>,
    pub frame: Option<FrameId>,
    pub story: Option<StoryId>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            args: Vec::new(),
            page: None,
            frame: None,
            story: None,
        }
    }

    /// Names a value in the message, for wording it in another language.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn on_page(mut self, label: impl Into<String>) -> Self {
        self.page = Some(label.into());
        self
    }

    pub fn in_frame(mut self, frame: FrameId) -> Self {
        self.frame = Some(frame);
        self
    }

    pub fn in_story(mut self, story: StoryId) -> Self {
        self.story = Some(story);
        self
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}[{}]", self.code)?;
        if let Some(p) = &self.page {
            write!(f, " page {p}")?;
        }
        if let Some(fr) = &self.frame {
            write!(f, " frame \"{fr}\"")?;
        }
        if let Some(s) = &self.story {
            write!(f, " story \"{s}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}
