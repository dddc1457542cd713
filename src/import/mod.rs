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
