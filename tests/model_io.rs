//! Layout files: lossless round trips, atomic saves, and clear messages for broken files.

use broadsheet::model::{Edition, io};
use broadsheet::{bundle, cli, layout, resources, sample};

fn sample_text() -> String {
    io::to_string(&bundle::sample())
}

fn load_err(text: &str) -> io::LoadError {
    io::from_str(text, "broken.ron").expect_err("the broken file must not load")
}

#[test]
fn the_bundled_sample_is_what_the_generator_writes() {
    // layouts/hexi-news.ron is sample-edition's output; a change to either shows up here.
    assert_eq!(bundle::SAMPLE, io::to_string(&sample::edition()));
}

#[test]
fn the_sample_has_the_customers_seven_items_on_two_pages() {
    let e = bundle::sample();
    assert_eq!(e.stories.len(), 7);
    assert_eq!(e.pages.len(), 2);
    let lead = e.story(&"lead".into()).unwrap();
    let pages: Vec<usize> = lead.thread.iter().map(|f| e.frame(f).unwrap().0).collect();
    assert_eq!(pages, [0, 1], "the lead continues from page 1 to page 2");
    // The lead's headline spans at least four of the eight columns.
    let (_, head) = e.frame(&"p1-lead-head".into()).unwrap();
    let t = e.template(&e.pages[0].template).unwrap();
    assert!(head.rect.w.0 >= t.span_width(4).0);
    let photo = e.story(&"taihuli".into()).unwrap();
    assert!(photo.photo.is_some() && !photo.credit.is_empty());
}

#[test]
fn load_save_load_is_lossless_and_saving_twice_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.ron");
    let original: Edition = bundle::sample();
    io::save(&original, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let reloaded = io::load(&path).unwrap();
    assert_eq!(reloaded, original);
    io::save(&reloaded, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn save_keeps_the_previous_file_as_bak_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.ron");
    let mut e = bundle::sample();
    io::save(&e, &path).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    e.stories[0].headline = "新标题".into();
    io::save(&e, &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("edition.ron.bak")).unwrap(),
        before
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("新标题"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "only the file and its .bak: {names:?}");
}

#[test]
fn a_failed_save_leaves_the_existing_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("edition.ron");
    let err = io::save(&bundle::sample(), &path).unwrap_err();
    assert!(err.to_string().contains("cannot save"), "{err}");
}

#[test]
fn a_text_edit_changes_only_the_content_section() {
    let mut e = bundle::sample();
    let before = io::to_string(&e);
    e.stories[1].paragraphs[0].text.push_str("补充一句。");
    let after = io::to_string(&e);
    let changed: Vec<usize> = before
        .lines()
        .zip(after.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(changed.len(), 1);
    let pages_start = before
        .lines()
        .position(|l| l.trim_start().starts_with("pages:"))
        .unwrap();
    assert!(
        changed[0] < pages_start,
        "a text edit touched the geometry section"
    );
}

#[test]
fn a_truncated_file_names_line_and_column() {
    let text = sample_text();
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half += 1;
    }
    let cut = &text[..half];
    let err = load_err(cut);
    let (line, column) = err.position().expect("a position");
    assert!(line > 1 && column >= 1);
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("broken.ron:{line}:{column}: ")),
        "{msg}"
    );
    assert!(msg.contains("truncated"), "{msg}");
}

#[test]
fn a_wrong_type_names_line_and_column_and_what_was_expected() {
    let text = sample_text().replacen("columns: 8", "columns: \"eight\"", 1);
    let err = load_err(&text);
    let line = text
        .lines()
        .position(|l| l.contains("columns: \"eight\""))
        .unwrap()
        + 1;
    assert_eq!(err.position().unwrap().0, line, "{err}");
    assert!(err.to_string().contains("Expected"), "{err}");
}

#[test]
fn an_unknown_field_is_named_with_the_fields_expected() {
    let text = sample_text().replacen("paper:", "papr:", 1);
    let err = load_err(&text);
    let msg = err.to_string();
    assert!(
        msg.contains("unknown field `papr`") && msg.contains("paper"),
        "{msg}"
    );
    assert_eq!(err.position().unwrap(), (4, 3), "{msg}");
}

#[test]
fn a_thread_naming_a_missing_frame_names_the_id_and_its_place() {
    let text = sample_text().replacen("\"p2-lead-body\",", "\"p9-nowhere\",", 1);
    let err = load_err(&text);
    let msg = err.to_string();
    assert!(
        msg.contains("p9-nowhere") && msg.contains("does not exist"),
        "{msg}"
    );
    let line = text.lines().position(|l| l.contains("p9-nowhere")).unwrap() + 1;
    assert_eq!(err.position().unwrap().0, line);
}

#[test]
fn a_frame_naming_a_missing_story_is_an_error_naming_the_id() {
    let text = sample_text().replacen("story: \"civility\"", "story: \"gone\"", 1);
    let msg = load_err(&text).to_string();
    assert!(
        msg.contains("\"gone\"") && msg.contains("p1-civility-head"),
        "{msg}"
    );
}

#[test]
fn an_unknown_format_version_says_which_versions_are_read() {
    let text = sample_text().replacen("format: 1,", "format: 99,", 1);
    let msg = load_err(&text).to_string();
    assert!(
        msg.contains("format version 99") && msg.contains("reads version 1"),
        "{msg}"
    );
    assert!(msg.starts_with("broken.ron:3:3: "), "{msg}");
}

#[test]
fn a_missing_or_corrupt_photo_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.ron");
    io::save(&bundle::sample(), &path).unwrap();
    // The photo path points outside the temp folder, where nothing is: a missing photo.
    let (diags, pos) = cli::check(&path);
    assert!(pos.is_none());
    let photo: Vec<_> = diags.iter().filter(|d| d.code == "missing-photo").collect();
    assert_eq!(photo.len(), 1, "{diags:?}");
    assert_eq!(photo[0].severity, broadsheet::model::Severity::Warning);
    assert!(photo[0].message.contains("taihuli-street"));
    assert!(
        !diags
            .iter()
            .any(|d| d.severity == broadsheet::model::Severity::Error),
        "{diags:?}"
    );
    // A corrupt file in its place is also only a warning.
    let mut e = bundle::sample();
    e.photos[0].path = "corrupt.png".into();
    std::fs::write(
        dir.path().join("corrupt.png"),
        b"\x89PNG\r\n\x1a\nnot really",
    )
    .unwrap();
    let laid = layout::layout(
        &e,
        &resources::Assets::bundled(resources::Origin::of_file(&path)),
    );
    let photo: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.code.ends_with("-photo"))
        .collect();
    assert_eq!(photo.len(), 1, "{photo:?}");
    assert_eq!(photo[0].code, "corrupt-photo");
    assert_eq!(photo[0].severity, broadsheet::model::Severity::Warning);
}

#[test]
fn the_bundled_sample_finds_its_photos_from_any_folder() {
    let (e, origin) = cli::open(None).unwrap();
    let laid = layout::layout(&e, &resources::Assets::bundled(origin));
    assert!(
        !laid.diagnostics.iter().any(|d| d.code.ends_with("-photo")),
        "{:?}",
        laid.diagnostics
    );
}

#[test]
fn chinese_size_names_load_wherever_a_font_size_is() {
    let text = sample_text();
    assert!(
        text.contains("size: \"五号\""),
        "the sample writes 五号 by name"
    );
    let body = text.find("id: \"body\"").unwrap();
    let edited = format!(
        "{}{}",
        &text[..body],
        text[body..].replacen("size: \"五号\"", "size: \"小五\"", 1)
    );
    let e = io::from_str(&edited, "x.ron").unwrap();
    assert_eq!(e.styles.paragraph(&"body".into()).unwrap().size.pt().0, 9.0);
}

/// The sample with a subhead (小标题) as the heating story's second paragraph.
fn with_subhead() -> Edition {
    let mut e = bundle::sample();
    e.styles.paragraph.push(sample::subhead());
    let s = e.story_mut(&"heating".into()).unwrap();
    s.paragraphs.insert(
        1,
        broadsheet::model::BodyParagraph::styled("subhead", "供热管网改造"),
    );
    e
}

#[test]
fn a_subhead_paragraph_round_trips_and_plain_paragraphs_stay_strings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.ron");
    let original = with_subhead();
    io::save(&original, &path).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(
        first.contains("Paragraph(\n") && first.contains("style: \"subhead\","),
        "a styled paragraph names its style"
    );
    // Every other paragraph is still written as a plain string.
    let heating = &original.story(&"heating".into()).unwrap().paragraphs[0].text;
    assert!(first.contains(&format!("\"{heating}\",")));
    let reloaded = io::load(&path).unwrap();
    assert_eq!(reloaded, original);
    io::save(&reloaded, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    // Written by hand on one line, without the name, it reads the same.
    let by_hand = first.replacen("Paragraph(\n", "(\n", 1);
    assert_eq!(io::from_str(&by_hand, "x.ron").unwrap(), original);
}

#[test]
fn a_paragraph_naming_an_unknown_style_is_an_error_at_that_paragraph() {
    let text =
        io::to_string(&with_subhead()).replacen("style: \"subhead\",", "style: \"subhed\",", 1);
    let err = load_err(&text);
    let msg = err.to_string();
    assert!(
        msg.contains("\"subhed\"") && msg.contains("paragraph 2 of story \"heating\""),
        "{msg}"
    );
    let line = text.lines().position(|l| l.contains("\"subhed\"")).unwrap() + 1;
    assert_eq!(
        err.position().unwrap(),
        (
            line,
            text.lines().nth(line - 1).unwrap().find("style").unwrap() + 1
        )
    );
}

#[test]
fn a_paragraph_with_an_unknown_field_is_a_syntax_error_naming_it() {
    let text = io::to_string(&with_subhead()).replacen(
        "style: \"subhead\",",
        "style: \"subhead\", colour: \"red\",",
        1,
    );
    let msg = load_err(&text).to_string();
    assert!(msg.contains("colour"), "{msg}");
}

/// Loads `text`, expecting an error on the line holding `marker` that mentions `words`.
fn assert_error_at(text: &str, marker: &str, words: &[&str]) {
    let err = load_err(text);
    let msg = err.to_string();
    let line = text.lines().position(|l| l.contains(marker)).unwrap() + 1;
    assert_eq!(err.position().unwrap().0, line, "{msg}");
    for w in words {
        assert!(msg.contains(w), "{msg} should mention {w}");
    }
}

#[test]
fn out_of_range_values_are_load_errors_at_their_line() {
    let text = sample_text();
    let scale = text.replacen(
        "tracking_em: 0.0,",
        "tracking_em: 0.0,\n        scale: 0.0,",
        1,
    );
    assert_error_at(&scale, "scale: 0.0", &["style \"body\"", "scale", "50%"]);
    let columns = text.replacen("columns: 8,", "columns: 0,", 1);
    assert_error_at(
        &columns,
        "columns: 0",
        &["template \"duikai\"", "columns must be 1 to 24"],
    );
    let leading = text.replacen("leading: 15.0,", "leading: -15.0,", 1);
    assert_error_at(&leading, "leading: -15.0", &["style \"body\"", "leading"]);
    let size = text.replacen("size: 9.5,", "size: -3,", 1);
    assert_error_at(&size, "size: -3", &["positive font size"]);
    let gutter = text.replacen("gutter: 10.5,", "gutter: \"200mm\",", 1);
    let no_chars = {
        let start = gutter.find("      column_chars: Some(").unwrap();
        let end = start + gutter[start..].find("      )),\n").unwrap() + "      )),\n".len();
        format!("{}{}", &gutter[..start], &gutter[end..])
    };
    assert_error_at(
        &no_chars,
        "gutter: \"200mm\"",
        &["gutter wider than the page"],
    );
}

#[test]
fn issue_numbers_and_folio_texts_round_trip_and_old_files_omit_them() {
    assert!(!sample_text().contains("issue: ") && !sample_text().contains("left: Some("));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edition.ron");
    let mut e = bundle::sample();
    e.issue = Some(8123);
    e.total_issue = Some(45678);
    e.date = "2024-11-12".into();
    if let Some(f) = e.templates[0].folio.as_mut() {
        f.left = Some("{paper}　{issue}".into());
    }
    io::save(&e, &path).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.contains("issue: Some(8123)") && first.contains("left: Some("));
    assert_eq!(io::load(&path).unwrap(), e);
    io::save(&e, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
}

#[test]
fn a_blank_edition_is_untitled_undated_and_has_a_subhead_style() {
    let e = sample::blank(broadsheet::model::PageTemplate::presets().remove(1));
    assert_eq!(e.paper, "未命名报纸");
    assert!(e.date.is_empty());
    assert!(e.styles.paragraph(&"subhead".into()).is_some());
    e.validate().unwrap();
    assert_eq!(io::from_str(&io::to_string(&e), "blank.ron").unwrap(), e);
}

/// The sample with its first rule's `kind` replaced by `kind` (RON text).
fn with_rule_kind(kind: &str) -> String {
    let text = sample_text();
    let old = "kind: Rule(\n            weight: 0.5,\n            color: Cmyk(0, 0, 0, 100),\n          ),";
    assert!(
        text.contains(old),
        "the sample's rule is written as expected"
    );
    text.replacen(old, kind, 1)
}

/// Line and column of the first `needle` after the first rule frame in `text`, 1-based.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let from = text.find("p1-rule-h1").unwrap();
    let at = from + text[from..].find(needle).unwrap();
    let before = &text[..at];
    (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1,
    )
}

#[test]
fn a_negative_or_nan_rule_weight_is_refused_at_its_place_in_the_file() {
    for weight in ["-1", "NaN", "0"] {
        let text = with_rule_kind(&format!(
            "kind: Rule(\n            weight: {weight},\n          ),"
        ));
        let err = load_err(&text);
        let msg = err.to_string();
        assert!(
            msg.contains("weight must be a positive, finite length"),
            "{msg}"
        );
        assert_eq!(err.position(), Some(position_of(&text, "weight:")), "{msg}");
    }
}

#[test]
fn an_unknown_rule_style_is_a_syntax_error_with_line_and_column() {
    let text = with_rule_kind(
        "kind: Rule(\n            weight: 1,\n            style: Wavy,\n          ),",
    );
    let err = load_err(&text);
    assert!(matches!(err, io::LoadError::Syntax { .. }), "{err}");
    assert!(err.to_string().contains("Wavy"), "{err}");
    assert_eq!(err.position().unwrap().0, position_of(&text, "style:").0);
}

#[test]
fn a_box_tint_over_100_percent_and_a_negative_wrap_offset_are_refused() {
    let text =
        with_rule_kind("kind: Box(\n            fill: Some(Cmyk(0, 0, 0, 150)),\n          ),");
    let err = load_err(&text);
    assert!(err.to_string().contains("over 100"), "{err}");
    assert_eq!(err.position(), Some(position_of(&text, "fill:")));
    let text = with_rule_kind(
        "kind: Box(),\n          wrap: Some(Wrap(\n            offset: \"-2mm\",\n          )),",
    );
    let err = load_err(&text);
    assert!(err.to_string().contains("wrap offset"), "{err}");
    assert_eq!(err.position(), Some(position_of(&text, "offset:")));
}

#[test]
fn new_frame_fields_round_trip_and_stay_unwritten_when_unset() {
    let text = with_rule_kind(
        "kind: Rule(\n            weight: 3.0,\n            color: Cmyk(0, 0, 0, 100),\n            style: ThickThin,\n          ),\n          wrap: Some(Wrap(\n            offset: \"2mm\",\n          )),",
    );
    let e = io::from_str(&text, "tools.ron").unwrap();
    assert_eq!(io::to_string(&e), text);
    // The sample writes none of them.
    for field in ["style: Solid", "wrap:", "tint:", "inset:", "Box("] {
        assert!(!sample_text().contains(field), "{field}");
    }
}

#[test]
fn an_edit_to_a_nan_rule_weight_is_refused_with_a_reason() {
    use broadsheet::model::{Color, Edit, EditError, FrameKind, Length, RuleStyle};
    let mut e = bundle::sample();
    let before = e.clone();
    let err = e
        .apply(Edit::SetFrameKind {
            frame: "p1-rule-h1".into(),
            kind: FrameKind::Rule {
                weight: Length::Pt(f32::NAN),
                color: Color::BLACK,
                style: RuleStyle::Dashed,
            },
        })
        .unwrap_err();
    assert!(matches!(err, EditError::InvalidFrame(..)), "{err}");
    assert!(err.to_string().contains("weight"), "{err}");
    assert_eq!(e, before);
}

#[test]
fn infinite_huge_or_nan_frame_values_are_load_errors_at_their_field() {
    let text = sample_text();
    let body = "id: \"p1-lead-body\",\n          rect: Rect(\n            x: 53.85827,";
    assert!(text.contains(body), "the sample changed");
    let x = text.replacen(
        body,
        "id: \"p1-lead-body\",\n          rect: Rect(\n            x: inf,",
        1,
    );
    assert_error_at(
        &x,
        "x: inf",
        &["frame \"p1-lead-body\"", "x must be within"],
    );
    let tall = text.replacen("h: 240.0,", "h: 1000000000.0,", 1);
    assert_error_at(
        &tall,
        "h: 1000000000.0",
        &["p1-lead-body", "h must be", "10 m"],
    );
    let columns = text.replacen("columns: 6,", "columns: 200,", 1);
    assert_error_at(&columns, "columns: 200", &["at most 64 columns"]);
    let gutter = text.replacen(
        "columns: 6,\n            gutter: None,",
        "columns: 6,\n            gutter: Some(NaN),",
        1,
    );
    assert_error_at(&gutter, "gutter: Some(NaN)", &["the gutter"]);
    let crop = text.replacen(
        "left: 0.0,\n              top: 0.0,",
        "left: 0.0,\n              top: -3.0,",
        1,
    );
    assert_error_at(&crop, "crop: Crop(", &["crop", "-3"]);
}

#[test]
fn a_duplicate_id_error_pointed_at_the_first_use_not_the_duplicate() {
    let text = sample_text();
    let second = text.find("    Story(\n      id: \"").unwrap() + 1;
    let second = second + text[second..].find("    Story(\n      id: \"").unwrap();
    let id_at = second + text[second..].find("id: \"").unwrap();
    let id_end = id_at + 5 + text[id_at + 5..].find('"').unwrap();
    let other = text[id_at + 5..id_end].to_owned();
    let dup = format!("{}id: \"lead\"{}", &text[..id_at], &text[id_end + 1..]);
    let err = load_err(&dup);
    let msg = err.to_string();
    assert!(msg.contains("two stories have the ID \"lead\""), "{msg}");
    let line = dup[..id_at].matches('\n').count() + 1;
    assert_eq!(err.position().unwrap().0, line, "{msg} (was story {other})");
}

#[test]
fn a_missing_role_style_names_the_role_in_plain_english() {
    let text = sample_text().replacen("headline: \"headline\",", "headline: \"nope\",", 1);
    let msg = load_err(&text).to_string();
    assert!(
        msg.contains("the headline role names style \"nope\", which does not exist"),
        "{msg}"
    );
}

#[test]
fn a_template_1e38_wide_is_a_load_error_at_its_width() {
    let text = sample_text().replacen("width: \"390mm\",", "width: 1e38,", 1);
    assert_error_at(&text, "width: 1e38", &["template \"duikai\"", "width"]);
    for baseline in ["0.0", "1e-30", "NaN"] {
        let text = sample_text().replacen("baseline: 15.0,", &format!("baseline: {baseline},"), 1);
        assert_error_at(
            &text,
            &format!("baseline: {baseline},"),
            &["baseline must be at least 1"],
        );
    }
}

#[test]
fn a_utf8_bom_is_accepted_and_utf16_or_bad_utf8_is_refused_with_a_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.ron");
    let text = sample_text();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    io::load(&path).expect("a UTF-8 byte-order mark is no part of the text");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &utf16).unwrap();
    let msg = io::load(&path).unwrap_err().to_string();
    assert!(msg.contains("UTF-16") && msg.contains("byte 0"), "{msg}");
    // UTF-16 without its byte-order mark.
    std::fs::write(&path, &utf16[2..]).unwrap();
    let msg = io::load(&path).unwrap_err().to_string();
    assert!(msg.contains("UTF-16"), "{msg}");

    let mut bad = text.clone().into_bytes();
    let at = text.find("近日").unwrap();
    bad[at] = 0xFF;
    std::fs::write(&path, &bad).unwrap();
    let msg = io::load(&path).unwrap_err().to_string();
    assert!(
        msg.contains(&format!("invalid UTF-8 at byte {at}")),
        "{msg}"
    );
}

#[test]
fn a_duplicate_frame_id_error_pointed_at_the_first_frame() {
    let text = sample_text();
    let at = text.find("id: \"p1-rule-h1\"").unwrap();
    let dup = text.replacen("id: \"p1-rule-h1\"", "id: \"p1-lead-body\"", 1);
    let err = load_err(&dup);
    let msg = err.to_string();
    assert!(
        msg.contains("two frames have the ID \"p1-lead-body\""),
        "{msg}"
    );
    let line = text[..at].matches('\n').count() + 1;
    assert_eq!(err.position().unwrap().0, line, "{msg}");
}

#[test]
fn a_duplicate_section_id_was_accepted() {
    let text = sample_text().replacen(
        "      prefix: \"\",\n    ),\n  ],",
        "      prefix: \"\",\n    ),\n    Section(\n      id: \"main\",\n      name: \"副刊\",\n      prefix: \"B\",\n    ),\n  ],",
        1,
    );
    let err = load_err(&text);
    let msg = err.to_string();
    assert!(msg.contains("two sections have the ID \"main\""), "{msg}");
    let line = text[..text.find("name: \"副刊\"").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(err.position().unwrap().0, line, "{msg}");
}
