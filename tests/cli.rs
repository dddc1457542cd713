//! The command line as a user runs it: exit codes and output.

use std::io::Write as _;
use std::process::{Command, Stdio};

fn broadsheet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
}

fn layout(name: &str) -> String {
    format!("{}/layouts/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_passes_the_bundled_sample() {
    let out = broadsheet()
        .args(["check", &layout("hexi-news.ron")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_fails_a_truncated_file_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("truncated.ron");
    let text = std::fs::read_to_string(layout("hexi-news.ron")).unwrap();
    std::fs::write(&path, &text[..text.find("pages:").unwrap()]).unwrap();
    let out = broadsheet()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let at = format!("{}:", path.display());
    assert!(err.contains(&at) && err.contains("truncated"), "{err}");
    // file:line:column
    let rest = &err[err.find(&at).unwrap() + at.len()..];
    let mut parts = rest.split(':');
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{err}");
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{err}");

    let json = broadsheet()
        .args(["check", path.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(!json.status.success());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["severity"], "error");
    assert!(v[0]["line"].as_u64().unwrap() > 1);
}

#[test]
fn import_json_prints_one_object_per_story() {
    let fixture = format!(
        "{}/assets/articles/hexi-news-page.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = broadsheet()
        .args(["import", &fixture, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stories: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), 7);
    assert_eq!(stories[1]["byline"], "通讯员 王兆春");
    assert_eq!(stories[5]["credit"], "王轩昂 摄影报道");
    for key in [
        "kicker",
        "headline",
        "deck",
        "byline",
        "credit",
        "paragraphs",
    ] {
        assert!(stories[0].get(key).is_some(), "missing {key}");
    }
}

fn typeset(args: &[&str], input: &str) -> (serde_json::Value, String) {
    let mut child = broadsheet()
        .arg("typeset")
        .args(args)
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn typeset_sets_every_non_final_line_to_the_measure() {
    let (v, _) = typeset(
        &["--width-pt", "115.5", "--size-pt", "10.5"],
        "近日，第七届中国国际进口博览会在上海举办。区领导带队赴上海市、安徽省合肥市考察走访部分重点企业。\n\n第二段。",
    );
    let lines = v["lines"].as_array().unwrap();
    assert!(lines.len() >= 4);
    let text: String = lines
        .iter()
        .filter(|l| l["paragraph"] == 0)
        .map(|l| l["text"].as_str().unwrap())
        .collect();
    assert!(text.starts_with("近日，第七届") && text.ends_with("重点企业。"));
    for l in lines {
        if !l["last"].as_bool().unwrap() {
            assert!(
                (l["width_pt"].as_f64().unwrap() - 115.5).abs() < 0.01,
                "{l}"
            );
        }
    }
    assert_eq!(lines.last().unwrap()["paragraph"], 1);
}

#[test]
fn typeset_reports_a_missing_glyph() {
    let (v, stderr) = typeset(&["--width-pt", "100", "--size-pt", "10"], "甲䶵乙");
    assert!(stderr.contains("U+4DB5"), "{stderr}");
    assert!(v["diagnostics"][0].as_str().unwrap().contains("U+4DB5"));
    assert_eq!(v["lines"][0]["text"], "甲䶵乙");
}

#[test]
fn typeset_hyphenates_english() {
    let (v, _) = typeset(
        &[
            "--width-pt",
            "120",
            "--size-pt",
            "10",
            "--lang",
            "en",
            "--indent-em",
            "0",
        ],
        "Extraordinary circumstances necessitate comprehensive reconsideration of established procedures.",
    );
    let lines = v["lines"].as_array().unwrap();
    assert!(lines.len() >= 3);
    assert!(
        lines.iter().any(|l| l["hyphen"] == true),
        "no line was hyphenated: {v}"
    );
    for l in &lines[..lines.len() - 1] {
        assert!(
            (l["width_pt"].as_f64().unwrap() - 120.0).abs() < 0.01,
            "{l}"
        );
    }
}

#[test]
fn typeset_at_85_percent_fits_more_characters_per_line() {
    let text = "河西区持续推进老旧小区改造工作，今年已完成二十三个小区的改造。";
    let first_line = |scale: &str| {
        let args = ["--width-pt", "400", "--size-pt", "36", "--indent-em", "0"];
        let (v, _) = typeset(&[&args[..], &["--scale-pct", scale]].concat(), text);
        v["lines"][0]["text"].as_str().unwrap().chars().count()
    };
    // 400 pt holds 11 characters of 36 pt; at 85% each is 30.6 pt wide, so 13 fit.
    assert_eq!(first_line("100"), 11);
    assert_eq!(first_line("85"), 13);
    let refused = broadsheet()
        .args(["typeset", "--width-pt", "400", "--size-pt", "36"])
        .args(["--scale-pct", "20"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!refused.status.success());
}
