//! A small Markdown form for English stories:
//!
//! ```text
//! # Headline
//! ## Deck
//! By Jane Doe
//!
//! First paragraph, which may wrap
//! over several lines.
//!
//! Second paragraph.
//! ```
//!
//! `### ` before the headline is a kicker; `Caption:` and `Credit:` lines make a photo story.
//! A new `# ` line, or a `---` line, starts the next article.

use super::Article;
use crate::model::Lang;

/// Parses Markdown-form articles.
pub fn parse(text: &str) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut current = new_article();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, article: &mut Article| {
        if !paragraph.is_empty() {
            article.paragraphs.push(paragraph.join(" "));
            paragraph.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        let starts_new = line.starts_with("# ") && !current.headline.is_empty() || line == "---";
        if starts_new {
            flush(&mut paragraph, &mut current);
            articles.push(std::mem::replace(&mut current, new_article()));
            if line == "---" {
                continue;
            }
        }
        if let Some(h) = line.strip_prefix("# ") {
            current.headline = h.trim().to_owned();
        } else if let Some(d) = line.strip_prefix("## ") {
            current.deck = d.trim().to_owned();
        } else if let Some(k) = line.strip_prefix("### ") {
            current.kicker = k.trim().to_owned();
        } else if paragraph.is_empty() && is_byline(line) {
            current.byline = line.to_owned();
        } else if let Some(c) = line.strip_prefix("Caption:") {
            current.caption = c.trim().to_owned();
        } else if let Some(c) = line.strip_prefix("Credit:") {
            current.credit = c.trim().to_owned();
        } else if line.is_empty() {
            flush(&mut paragraph, &mut current);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut current);
    if !current.headline.is_empty() || !current.paragraphs.is_empty() {
        articles.push(current);
    }
    articles
}

fn new_article() -> Article {
    Article {
        lang: Lang::En,
        ..Article::default()
    }
}

fn is_byline(line: &str) -> bool {
    line.starts_with("By ") && line.split_whitespace().count() <= 8 && !line.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headline_deck_byline_and_wrapped_paragraphs() {
        let a = parse(
            "# Council backs new bridge\n## Vote ends years of debate\nBy Jane Doe\n\nThe council voted\non Tuesday.\n\nWork starts in May.\n# Second\n\nBody.",
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].headline, "Council backs new bridge");
        assert_eq!(a[0].deck, "Vote ends years of debate");
        assert_eq!(a[0].byline, "By Jane Doe");
        assert_eq!(
            a[0].paragraphs,
            ["The council voted on Tuesday.", "Work starts in May."]
        );
        assert_eq!(a[1].headline, "Second");
        assert_eq!(a[0].lang, Lang::En);
    }
}
