//! Character classes for Chinese line composition (W3C clreq, GB/T 15834): what a character is
//! decides its width, which half of it may be squeezed, and where a line may start or end.

use crate::model::Lang;

/// How the composer treats a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Han ideographs, kana, full-width letters and digits: one em, no adjustable part.
    Han,
    /// Letters of alphabetic scripts.
    Latin,
    /// European digits.
    Digit,
    /// A breaking space between words.
    Space,
    /// U+3000, the ideographic space: one em.
    IdeoSpace,
    /// Full-width opening brackets and quotes; the left half is adjustable space.
    Opening,
    /// Full-width closing brackets and quotes; the right half is adjustable space.
    Closing,
    /// `，、；：` — pause marks; the right half is adjustable space.
    Comma,
    /// `。？！．` — stops; the right half is adjustable space.
    Stop,
    /// `·` and `・` between names: half an em, fixed.
    Middle,
    /// `—` and `⸺`: dashes, set as 2-em pairs that never split.
    Dash,
    /// `…` and `⋯`: ellipses, set as 2-em pairs that never split.
    Ellipsis,
    /// `–` and `～`: connectors that never start a line.
    Connector,
    /// `/` and `／`.
    Slash,
    /// Anything else: Latin punctuation and symbols, set at their own width.
    Other,
}

impl Class {
    /// Full-width punctuation with half an em of adjustable space.
    pub fn is_fullwidth_punct(self) -> bool {
        matches!(
            self,
            Self::Opening | Self::Closing | Self::Comma | Self::Stop
        )
    }

    /// Characters that are "Western" for Han–Latin spacing.
    pub fn is_latin_or_digit(self) -> bool {
        matches!(self, Self::Latin | Self::Digit)
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3040..=0x30FF | 0x3100..=0x312F
        | 0x31A0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0x20000..=0x3134F)
}

/// Classifies each character of a paragraph. Curly quotes are full width in Chinese text and
/// proportional in English, so the paragraph's language and the neighbours decide them.
pub fn classify(chars: &[char], lang: Lang) -> Vec<Class> {
    let mut classes: Vec<Class> = chars.iter().map(|&c| classify_char(c)).collect();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '“' | '”' | '‘' | '’') {
            continue;
        }
        let latin_side = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_ascii_alphanumeric())
        };
        let between_latin = latin_side(i.checked_sub(1)) && latin_side(Some(i + 1));
        let fullwidth = lang == Lang::Zh && !between_latin;
        classes[i] = match (fullwidth, c) {
            (true, '“' | '‘') => Class::Opening,
            (true, _) => Class::Closing,
            (false, '’') if latin_side(i.checked_sub(1)) => Class::Latin, // an apostrophe
            (false, _) => Class::Other,
        };
    }
    classes
}

fn classify_char(c: char) -> Class {
    match c {
        '（' | '《' | '〈' | '「' | '『' | '【' | '〖' | '〔' | '［' | '｛' | '｟' => {
            Class::Opening
        }
        '）' | '》' | '〉' | '」' | '』' | '】' | '〗' | '〕' | '］' | '｝' | '｠' => {
            Class::Closing
        }
        '，' | '、' | '；' | '：' => Class::Comma,
        '。' | '？' | '！' | '．' | '‼' | '⁇' | '⁈' | '⁉' => Class::Stop,
        '·' | '・' | '•' => Class::Middle,
        '—' | '⸺' | '⸻' => Class::Dash,
        '…' | '⋯' => Class::Ellipsis,
        '–' | '～' | '〜' => Class::Connector,
        '/' | '／' => Class::Slash,
        '\u{3000}' => Class::IdeoSpace,
        ' ' | '\u{2002}' | '\u{2003}' | '\u{2009}' => Class::Space,
        '0'..='9' => Class::Digit,
        c if is_han(c) => Class::Han,
        c if c.is_alphabetic() => Class::Latin,
        _ => Class::Other,
    }
}

/// The numbers [`Figures::Grid`](crate::model::Figures) sets on the 字 grid: runs of digits
/// with the separators between them and a `%` after them (`2024`, `13.77`, `1,256`, `30%`).
/// A number touching a Latin letter is part of a word (`V4.0`, `H2O`) and keeps its spacing.
pub fn grid_numbers(chars: &[char], classes: &[Class]) -> Vec<std::ops::Range<usize>> {
    let digit = |i: usize| classes.get(i) == Some(&Class::Digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            if digit(i) {
                i += 1;
            } else if matches!(chars[i], '.' | ',' | ':') && digit(i + 1) {
                i += 2;
            } else {
                break;
            }
        }
        if chars.get(i) == Some(&'%') {
            i += 1;
        }
        let latin = |j: Option<usize>| j.is_some_and(|j| classes.get(j) == Some(&Class::Latin));
        if !latin(start.checked_sub(1)) && !latin(Some(i)) {
            out.push(start..i);
        }
    }
    out
}

/// Characters that never start a line at level `basic` (clreq #prohibition-rules).
pub fn never_starts(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〗'
            | '〕'
            | '］'
            | '｝'
            | '–'
            | '～'
            | '〜'
            | '·'
            | '・'
            | '%'
            | '％'
            | '‰'
            | '℃'
            | '°'
    )
}

/// Characters that never end a line at level `basic`.
pub fn never_ends(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〖'
            | '〔'
            | '［'
            | '｛'
            | '¥'
            | '￥'
            | '$'
            | '＄'
    )
}

/// Doubled marks that are one unit and never split: `——`, `……`, `⋯⋯`.
pub fn is_doubled_mark(c: char) -> bool {
    matches!(c, '—' | '…' | '⋯')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let classes = classify(&chars, Lang::Zh);
        grid_numbers(&chars, &classes)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn grid_numbers_take_their_separators_and_percent_but_not_words() {
        assert_eq!(
            numbers("2024年占13.77%，共1,256户；V4.0版与H2O不算，8:30开始，1."),
            ["2024", "13.77%", "1,256", "8:30", "1"]
        );
    }
}
