//! The customer's plain-text convention for Chinese articles.
//!
//! A file holds one or more articles, each a block of lines separated by blank lines:
//!
//! ```text
//! 大清理 大提升                 ← header lines: short, no sentence punctuation
//! 河西区持续深化文明城区建设
//! ■ 通讯员 王兆春               ← byline: `■ 通讯员 NAME` or `记者 NAME`
//! 河西区各街道持续开展……。      ← body paragraphs
//! ```
//!
//! Header lines stack as 引题 over 主题 when a byline follows them; a story without a byline (the
//! desk's lead story) has 主题 over 副题. Three header lines are 引题, 主题, 副题. A line may also
//! name its part explicitly with `引题：`, `主题：` or `副题：`. A photo story is a header, a caption
//! paragraph and a credit line ending in `摄影报道` (or `摄`).
//!
//! Text extracted from a printed page breaks paragraphs where the original columns ended; a body
//! paragraph that stops mid-sentence (no closing punctuation) is joined to the next one.

use super::Article;
use super::punct::fullwidth_in_chinese;

/// What one line of the source is.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Header(&'a str),
    Explicit(Part, &'a str),
    Byline(String),
    Credit(&'a str),
    Body(&'a str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Kicker,
    Headline,
    Deck,
}

/// Sentence punctuation that never appears in a headline.
const SENTENCE_MARKS: &[char] = &['，', '。', '；', '！', '？', '：'];

/// Characters that may end a finished paragraph; anything else means the source broke it.
const TERMINALS: &[char] = &[
    '。', '！', '？', '…', '”', '’', '）', '』', '」', '》', '：', '；', '.', '!', '?', ')', '"',
    '—',
];

const BYLINE_ROLES: &[&str] = &[
    "通讯员",
    "记者",
    "特约记者",
    "实习生",
    "本报记者",
    "文/",
    "文／",
];
const CREDIT_ENDINGS: &[&str] = &["摄影报道", "摄", "供图"];

fn classify(line: &str) -> Line<'_> {
    for (prefix, part) in [
        ("引题：", Part::Kicker),
        ("主题：", Part::Headline),
        ("副题：", Part::Deck),
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return Line::Explicit(part, rest.trim());
        }
    }
    let unmarked = line.trim_start_matches(['■', '□', '●', '◆']).trim();
    let ornamented = unmarked.len() != line.len();
    let role = BYLINE_ROLES.iter().any(|r| unmarked.starts_with(r));
    // "记者从……了解到，" opens many body paragraphs: a byline is short and has no sentence marks.
    if (ornamented || role) && unmarked.chars().count() <= 30 && !unmarked.contains(SENTENCE_MARKS)
    {
        return Line::Byline(unmarked.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let short = line.chars().count() <= 40;
    let sentence = line.contains(SENTENCE_MARKS);
    if short && !sentence {
        if CREDIT_ENDINGS.iter().any(|e| line.ends_with(e)) && line.contains(' ') {
            return Line::Credit(line);
        }
        return Line::Header(line);
    }
    Line::Body(line)
}

/// Parses articles in the customer's convention. Never fails: text it cannot place becomes
/// body paragraphs of the article it is in, so nothing is lost.
pub fn parse(text: &str) -> Vec<Article> {
    let normalised: Vec<String> = text
        .lines()
        .map(|l| fullwidth_in_chinese(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let mut articles = Vec::new();
    let mut current = Article::default();
    let mut headers: Vec<(Option<Part>, String)> = Vec::new();
    let mut join_next = false;

    for (i, raw) in normalised.iter().enumerate() {
        let line = classify(raw);
        if join_next && matches!(line, Line::Header(_) | Line::Body(_)) {
            // The source broke this paragraph at a column end: rejoin it.
            if let Some(last) = current.paragraphs.last_mut() {
                last.push_str(raw);
                join_next = !raw.ends_with(TERMINALS);
                continue;
            }
        }
        join_next = false;
        match line {
            Line::Header(h) | Line::Explicit(_, h) => {
                if has_content(&current) {
                    articles.push(std::mem::take(&mut current));
                }
                let part = match line {
                    Line::Explicit(p, _) => Some(p),
                    _ => None,
                };
                headers.push((part, h.to_owned()));
            }
            Line::Byline(b) => {
                assign_headers(&mut current, &mut headers, true);
                current.byline = b;
            }
            Line::Credit(c) => {
                assign_headers(&mut current, &mut headers, false);
                current.credit = c.to_owned();
                // A photo story's text is its caption.
                current.caption = std::mem::take(&mut current.paragraphs).join("");
                articles.push(std::mem::take(&mut current));
            }
            Line::Body(b) => {
                assign_headers(&mut current, &mut headers, false);
                current.paragraphs.push(b.to_owned());
                join_next = !b.ends_with(TERMINALS) && normalised.get(i + 1).is_some();
            }
        }
    }
    assign_headers(&mut current, &mut headers, false);
    if has_content(&current) || !current.headline.is_empty() {
        articles.push(current);
    }
    articles
}

fn has_content(a: &Article) -> bool {
    !a.paragraphs.is_empty() || !a.caption.is_empty() || !a.credit.is_empty()
}

/// Distributes the pending header lines over kicker, headline and deck.
fn assign_headers(article: &mut Article, headers: &mut Vec<(Option<Part>, String)>, bylined: bool) {
    if headers.is_empty() {
        return;
    }
    let lines = std::mem::take(headers);
    if lines.iter().any(|(p, _)| p.is_some()) {
        for (part, text) in lines {
            let slot = match part.unwrap_or(Part::Headline) {
                Part::Kicker => &mut article.kicker,
                Part::Headline => &mut article.headline,
                Part::Deck => &mut article.deck,
            };
            append(slot, &text);
        }
        return;
    }
    let texts: Vec<String> = lines.into_iter().map(|(_, t)| t).collect();
    match texts.as_slice() {
        [one] => article.headline = one.clone(),
        [first, second] if bylined => {
            article.kicker = first.clone();
            article.headline = second.clone();
        }
        [first, second] => {
            article.headline = first.clone();
            article.deck = second.clone();
        }
        [kicker, headline, rest @ ..] => {
            article.kicker = kicker.clone();
            article.headline = headline.clone();
            article.deck = rest.join(" ");
        }
        [] => {}
    }
}

fn append(slot: &mut String, text: &str) {
    if !slot.is_empty() {
        slot.push(' ');
    }
    slot.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_conventions_lines() {
        assert_eq!(
            classify("■ 通讯员 王兆春"),
            Line::Byline("通讯员 王兆春".into())
        );
        assert_eq!(classify("记者 张三"), Line::Byline("记者 张三".into()));
        assert_eq!(classify("王轩昂 摄影报道"), Line::Credit("王轩昂 摄影报道"));
        assert_eq!(
            classify("口袋公园 转角遇见美"),
            Line::Header("口袋公园 转角遇见美")
        );
        assert_eq!(
            classify("引题：大清理"),
            Line::Explicit(Part::Kicker, "大清理")
        );
    }

    #[test]
    fn a_byline_makes_two_header_lines_kicker_and_headline() {
        let a = parse("大清理 大提升\n\n河西区持续深化文明城区建设\n\n■ 通讯员 王兆春\n\n正文。");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kicker, "大清理 大提升");
        assert_eq!(a[0].headline, "河西区持续深化文明城区建设");
        assert_eq!(a[0].byline, "通讯员 王兆春");
        assert_eq!(a[0].paragraphs, ["正文。"]);
    }

    #[test]
    fn a_paragraph_broken_mid_sentence_is_rejoined() {
        let a = parse("标题\n\n第一段,助力\n\n提升城市消费能级。\n\n第二段。");
        assert_eq!(
            a[0].paragraphs,
            ["第一段，助力提升城市消费能级。", "第二段。"]
        );
    }
}
