//! Where lines may break: Unicode's line-breaking algorithm (UAX #14, via `icu_segmenter`),
//! then the clreq tailoring on top, by prohibition level.

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;

use super::class::{Class, is_doubled_mark, never_ends, never_starts};
use crate::model::Prohibition;

/// UAX #14 break opportunities as a flag per character boundary: `result[i]` is true when a
/// line may break before character `i` (index 0 and `chars.len()` are the paragraph's ends).
pub fn uax14(text: &str, chars: &[char]) -> Vec<bool> {
    let segmenter = LineSegmenter::new_for_non_complex_scripts(LineBreakOptions::default());
    let mut byte_to_char = Vec::with_capacity(text.len() + 1);
    for (i, c) in chars.iter().enumerate() {
        byte_to_char.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    byte_to_char.push(chars.len());
    let mut allowed = vec![false; chars.len() + 1];
    for byte in segmenter.segment_str(text) {
        if let Some(&i) = byte_to_char.get(byte) {
            allowed[i] = true;
        }
    }
    allowed
}

/// Applies the clreq prohibition rules for `level` to UAX #14's opportunities.
///
/// Plain UAX #14 allows a break before `·`, `～` and a lone `—`, after `/`, and before `——`;
/// clreq forbids these at the levels below. Doubled marks (`——`, `……`) never split at any level.
///
/// UAX #14 treats curly quotes as ambiguous (class QU) and so keeps `。”|戊` together; in Chinese
/// text they are full-width brackets, so a break after a closing quote or before an opening one
/// is allowed like any bracket's.
pub fn tailor(chars: &[char], classes: &[Class], allowed: &mut [bool], level: Prohibition) {
    let n = chars.len();
    let quote = |c: char| matches!(c, '“' | '”' | '‘' | '’');
    for i in 1..n {
        let (before, after) = (chars[i - 1], chars[i]);
        if level != Prohibition::None
            && ((quote(before) && classes[i - 1] == Class::Closing)
                || (quote(after) && classes[i] == Class::Opening))
            && !matches!(classes[i - 1], Class::Opening)
            && !matches!(classes[i], Class::Closing | Class::Comma | Class::Stop)
            && classes[i] != Class::Space
        {
            allowed[i] = true;
        }
        // `——` and `……` are one mark of two characters.
        if is_doubled_mark(before) && before == after {
            allowed[i] = false;
            continue;
        }
        // Full-width numbers are numbers too: `１，０００` stays whole.
        let wide_digit = |c: char| ('０'..='９').contains(&c);
        if wide_digit(after)
            && (wide_digit(before)
                || (matches!(before, '，' | '．' | ',' | '.')
                    && i >= 2
                    && wide_digit(chars[i - 2])))
        {
            allowed[i] = false;
            continue;
        }
        if level == Prohibition::None {
            continue;
        }
        let doubled_start = is_doubled_mark(after) && chars.get(i + 1) == Some(&after);
        // UAX #14 glues `……` to what precedes it (class IN); below `strict` it may start a line.
        if doubled_start
            && level < Prohibition::Strict
            && !never_ends(before)
            && !is_doubled_mark(before)
        {
            allowed[i] = true;
        }
        let lone_dash = after == '—' && !doubled_start;
        if never_starts(after) || lone_dash || never_ends(before) {
            allowed[i] = false;
        }
        if level >= Prohibition::Gb && matches!(before, '/' | '／') {
            allowed[i] = false;
        }
        if level >= Prohibition::Strict && (doubled_start || after == '⸺') {
            allowed[i] = false;
        }
    }
}

/// Break opportunities for a paragraph at a prohibition level.
pub fn opportunities(
    text: &str,
    chars: &[char],
    classes: &[Class],
    level: Prohibition,
) -> Vec<bool> {
    let mut allowed = uax14(text, chars);
    tailor(chars, classes, &mut allowed, level);
    allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str, level: Prohibition) -> String {
        let chars: Vec<char> = text.chars().collect();
        let classes = super::super::class::classify(&chars, crate::model::Lang::Zh);
        let allowed = opportunities(text, &chars, &classes, level);
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if i > 0 && allowed[i] {
                out.push('|');
            }
            out.push(*c);
        }
        out
    }

    #[test]
    fn clreq_tailors_what_uax14_allows() {
        assert_eq!(breaks("达·芬", Prohibition::Basic), "达·|芬");
        assert_eq!(breaks("甲～乙", Prohibition::Basic), "甲～|乙");
        assert_eq!(breaks("甲……乙", Prohibition::Basic), "甲|……|乙");
        assert_eq!(breaks("甲……乙", Prohibition::Strict), "甲……|乙");
        assert_eq!(breaks("甲——乙", Prohibition::Strict), "甲——|乙");
        assert_eq!(breaks("甲/乙", Prohibition::Gb), "甲/乙");
        assert_eq!(
            breaks("丁。”戊“己”，", Prohibition::Basic),
            "丁。”|戊|“己”，"
        );
    }

    #[test]
    fn numbers_and_latin_words_stay_whole() {
        assert_eq!(
            breaks("全长79.054公里", Prohibition::Basic),
            "全|长|79.054|公|里"
        );
        assert_eq!(breaks("１，０００人", Prohibition::Basic), "１，０００|人");
        assert_eq!(
            breaks("新版V4.0 Turbo发布", Prohibition::Basic),
            "新|版|V4.0 |Turbo|发|布"
        );
    }
}
