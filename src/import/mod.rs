//! Article import: turns reporters' text into stories.
//!
//! Two forms are read: the customer's plain-text convention (Chinese, see [`plain`]) and a small
//! Markdown form for English stories (see [`markdown`]). Both produce [`Article`]s, which become
//! [`Story`]s once they are given an ID.

pub mod markdown;
pub mod plain;
pub mod punct;

use serde::Serialize;

use crate::model::{Lang, Story, StoryId};

/// One imported article, before it has an ID in an edition.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    pub kicker: String,
    pub headline: String,
    pub deck: String,
    pub byline: String,
    /// Photo credit, e.g. "王轩昂 摄影报道".
    pub credit: String,
    /// A photo story's caption text.
    pub caption: String,
    pub paragraphs: Vec<String>,
    #[serde(skip)]
    pub lang: Lang,
}

impl Article {
    /// True for a photo story: a caption and a credit, no body.
    pub fn is_photo_story(&self) -> bool {
        !self.credit.is_empty()
    }

    /// The story this article becomes under `id`.
    pub fn into_story(self, id: StoryId) -> Story {
        Story {
            id,
            lang: self.lang,
            kicker: self.kicker,
            headline: self.headline,
            deck: self.deck,
            byline: self.byline,
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(crate::model::BodyParagraph::plain)
                .collect(),
            caption: self.caption,
            credit: self.credit,
            ..Story::default()
        }
    }
}

/// Reads articles from a file's text, choosing the form by the file name and content: `.md`
/// files, or text whose first non-blank line starts with `# `, are Markdown.
pub fn articles(name: &str, text: &str) -> Vec<Article> {
    let (text, _) = clean(text);
    let text = text.as_str();
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if name.ends_with(".md") || name.ends_with(".markdown") || first.starts_with("# ") {
        markdown::parse(text)
    } else {
        plain::parse(text)
    }
}

/// Text as the importers and the typesetter expect it: no byte-order mark, every line ending
/// (CRLF, a lone CR) a plain LF, and no NUL or other control characters (tabs kept), which no
/// font prints and which would reach the PDF as boxes. Returns how many control characters
/// were removed, so the caller can warn.
pub fn clean(text: &str) -> (String, usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => removed += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}
