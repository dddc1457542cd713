//! Unicode's LineBreakTest (15.1, as shipped in the `icu_segmenter` crate, copied into
//! `tests/fixtures/`) run against the break opportunities the composer starts from.

use broadsheet::text::breaks::uax14;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, LineBreak};

/// The segmenter we use has no dictionary for Thai-like scripts (class SA); like ICU's own test,
/// such characters are replaced by ones of the class the segmenter falls back to (AL or CM).
fn replace_complex(c: char) -> char {
    if CodePointMapData::<LineBreak>::new().get(c) != LineBreak::ComplexContext {
        return c;
    }
    let mark = matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
    );
    match (mark, c.len_utf8()) {
        (true, 2) => '\u{0300}',
        (true, 3) => '\u{081C}',
        (true, _) => '\u{101FD}',
        (false, 2) => 'À',
        (false, 3) => 'ࠀ',
        (false, _) => '𐀀',
    }
}

#[test]
fn line_break_test_15_1_passes_with_no_failures() {
    let data = include_str!("fixtures/LineBreakTest-15.1.0.txt");
    let (mut cases, mut failures) = (0, Vec::new());
    for line in data.lines() {
        let rule = line.split('#').next().unwrap_or("").trim();
        if rule.is_empty() {
            continue;
        }
        let mut chars = Vec::new();
        let mut expected = Vec::new();
        for (i, token) in rule.split_whitespace().enumerate() {
            if i % 2 == 1 {
                let c = char::from_u32(u32::from_str_radix(token, 16).unwrap()).unwrap();
                chars.push(replace_complex(c));
            } else {
                expected.push(token == "÷");
            }
        }
        let text: String = chars.iter().collect();
        let mut got = uax14(&text, &chars);
        // UAX #14 never breaks at the start of text; the file marks it × (or ÷ at the end).
        got[0] = expected[0];
        cases += 1;
        if got != expected {
            failures.push(line.to_owned());
        }
    }
    assert!(cases > 10_000, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} failed, first: {}",
        failures.len(),
        failures[0]
    );
}
