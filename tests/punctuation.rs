//! The punctuation styles and adjustment settings of a paragraph style, each on a line built to
//! show it, under the font-independent metric model M (every Han character and full-width mark
//! one em).

use broadsheet::model::{PunctStyle, Punctuation, Push};
use broadsheet::text::{Line, LineBreaker, ModelM, Options, Paragraph};

const EM: f32 = 10.0;

fn set(text: &str, chars: f32, punct: Punctuation) -> (Paragraph, Vec<Line>) {
    let opts = Options {
        indent_em: 0.0,
        punct,
        ..Options::chinese(EM)
    };
    let par = Paragraph::new(text, opts, &ModelM);
    let lines = LineBreaker::new(&par).all_at(chars * EM);
    (par, lines)
}

fn style(style: PunctStyle) -> Punctuation {
    Punctuation {
        style,
        ..Punctuation::default()
    }
}

/// The advance of the `k`-th character of `line`, in ems.
fn advance(line: &Line, k: usize) -> f32 {
    line.advance[k] / EM
}

#[test]
fn full_width_keeps_a_line_end_mark_whole_when_the_line_is_full_with_it() {
    // Ten characters and the comma fill 11 字 exactly: nothing is adjusted.
    let (par, lines) = set(
        "甲乙丙丁戊己庚辛壬癸，子丑寅",
        11.0,
        style(PunctStyle::FullWidth),
    );
    assert_eq!(lines[0].text(&par), "甲乙丙丁戊己庚辛壬癸，");
    assert!((advance(&lines[0], 10) - 1.0).abs() < 0.001);
    assert!(!lines[0].squeezed() && !lines[0].spaced());
    // The line-end half-width style sets the same comma half wide, and so must space the line.
    let (par, lines) = set(
        "甲乙丙丁戊己庚辛壬癸，子丑寅",
        11.0,
        style(PunctStyle::LineEndHalf),
    );
    assert_eq!(lines[0].text(&par), "甲乙丙丁戊己庚辛壬癸，");
    assert!((advance(&lines[0], 10) - 0.5).abs() < 0.001);
    assert!(lines[0].spaced());
}

#[test]
fn kaiming_sets_pauses_half_width_and_stops_full_and_all_half_sets_every_mark_half() {
    let text = "甲，乙。丙“丁”戊";
    let (_, lines) = set(text, 20.0, style(PunctStyle::Kaiming));
    let l = &lines[0];
    assert!((advance(l, 1) - 0.5).abs() < 0.001, "，");
    assert!((advance(l, 3) - 1.0).abs() < 0.001, "。");
    assert!((advance(l, 5) - 1.0).abs() < 0.001, "“");
    let (_, lines) = set(text, 20.0, style(PunctStyle::AllHalf));
    let l = &lines[0];
    for k in [1, 3, 5, 7] {
        assert!((advance(l, k) - 0.5).abs() < 0.001, "mark {k}");
    }
}

#[test]
fn full_width_sets_adjacent_marks_whole_and_compresses_them_only_when_a_line_needs_it() {
    // `。”` on a line with room: two full cells.
    let (_, lines) = set("甲乙。”丙丁", 20.0, style(PunctStyle::FullWidth));
    assert!((advance(&lines[0], 2) - 1.0).abs() < 0.001);
    // The line-end half-width style always compresses the pair to 1½.
    let (_, lines) = set("甲乙。”丙丁", 20.0, style(PunctStyle::LineEndHalf));
    assert!((advance(&lines[0], 2) - 0.5).abs() < 0.001);
    // 全角式 on 5 字: `甲乙丙。”` is 5 cells, `甲乙丙丁。”` is 6 and fits by compressing the pair
    // and trimming the quote at the line end.
    let (par, lines) = set("甲乙丙丁。”戊己", 5.0, style(PunctStyle::FullWidth));
    assert_eq!(lines[0].text(&par), "甲乙丙丁。”");
    assert!(lines[0].squeezed());
    assert!((lines[0].width - 50.0).abs() < 0.01);
}

#[test]
fn hanging_lets_the_comma_stand_past_the_measure_instead_of_adjusting_the_line() {
    // Eleven characters fill 11 字 and a comma follows: without hanging that line must be
    // squeezed or a character pushed down.
    let text = "甲乙丙丁戊己庚辛壬癸子，丑寅卯辰";
    let (par, lines) = set(text, 11.0, style(PunctStyle::FullWidth));
    assert!(
        lines[0].squeezed() || lines[0].spaced(),
        "{}",
        lines[0].text(&par)
    );
    let hanging = Punctuation {
        hanging: true,
        ..Punctuation::default()
    };
    let (par, lines) = set(text, 11.0, hanging);
    let l = &lines[0];
    assert_eq!(l.text(&par), "甲乙丙丁戊己庚辛壬癸子，");
    assert!(l.hang && !l.squeezed() && !l.spaced());
    assert!((l.width - 110.0).abs() < 0.01, "the measure is full");
    assert!(
        (l.x[11] - 110.0).abs() < 0.01,
        "the comma starts at the measure"
    );
    // Never a mark that follows another mark.
    let (par, lines) = set("甲乙丙丁戊己庚辛壬癸”，丑寅卯辰", 11.0, hanging);
    assert!(!lines[0].hang, "{}", lines[0].text(&par));
}

#[test]
fn push_in_first_squeezes_a_mark_and_push_out_first_spaces_the_line() {
    // Eleven cells, then a comma that may not start a line: the line either takes the comma
    // (its blank half and the 、's go) or gives 癸 to the next line and is spaced out.
    let text = "甲乙丙丁戊、己庚辛壬癸，子丑寅卯";
    let first = |push| Punctuation {
        first: push,
        ..Punctuation::default()
    };
    let (par, lines) = set(text, 11.0, first(Push::In));
    assert_eq!(lines[0].text(&par), "甲乙丙丁戊、己庚辛壬癸，");
    assert!(lines[0].squeezed() && !lines[0].spaced());
    let (par, lines) = set(text, 11.0, first(Push::Out));
    assert_eq!(lines[0].text(&par), "甲乙丙丁戊、己庚辛壬");
    assert!(lines[0].spaced() && !lines[0].squeezed());
}

#[test]
fn the_spacing_limit_outweighs_the_order_of_adjustments() {
    // At 6 字 `甲乙、丙丁戊` fills the line and `，` follows. Pushed out, `甲乙、丙丁` would stand
    // 1.25 em apart, past the 0.15 em limit; so even with push-out first the line takes the
    // comma and squeezes the 、.
    let text = "甲乙、丙丁戊，己庚辛壬癸子";
    let out_first = Punctuation {
        first: Push::Out,
        ..Punctuation::default()
    };
    let (par, lines) = set(text, 6.0, out_first);
    assert_eq!(lines[0].text(&par), "甲乙、丙丁戊，");
    assert!(lines[0].squeezed() && !lines[0].spaced());
    // With the limit raised to a quarter em, push-out first spaces it out.
    let loose = Punctuation {
        max_spacing_em: 0.25,
        ..out_first
    };
    let (par, lines) = set(text, 6.0, loose);
    assert_eq!(lines[0].text(&par), "甲乙、丙丁");
    assert!((lines[0].widest_pitch(&par) / EM - 1.25).abs() < 0.01);
}
