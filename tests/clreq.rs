//! The clreq cases of `shared/spec/clreq_cases.json` (a copy is in `tests/fixtures/`), composed
//! under the font-independent metric model M exactly as the spec states them.

use broadsheet::model::{Prohibition, PunctStyle, Punctuation};
use broadsheet::text::{LineBreaker, ModelM, Options, Paragraph, ShrinkPolicy};
use serde_json::Value;

const EM: f32 = 10.0;

fn compose(
    text: &str,
    width_em: f32,
    indent_em: f32,
    level: Prohibition,
) -> Vec<(String, f32, bool)> {
    let opts = Options {
        indent_em,
        level,
        shrink: ShrinkPolicy::MODEL_M,
        // Model M sets line-end marks half width.
        punct: Punctuation {
            style: PunctStyle::LineEndHalf,
            ..Punctuation::default()
        },
        ..Options::chinese(EM)
    };
    let par = Paragraph::new(text, opts, &ModelM);
    LineBreaker::new(&par)
        .all_at(width_em * EM)
        .into_iter()
        .map(|l| (l.text(&par), l.width, l.last))
        .collect()
}

fn level(name: &str) -> Prohibition {
    match name {
        "none" => Prohibition::None,
        "basic" => Prohibition::Basic,
        "gb" => Prohibition::Gb,
        "strict" => Prohibition::Strict,
        other => panic!("unknown level {other}"),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn all_thirteen_clreq_cases_compose_as_the_spec_says() {
    let cases: Value = serde_json::from_str(include_str!("fixtures/clreq_cases.json")).unwrap();
    let cases = cases["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 13);
    let mut checked = 0;
    for case in cases {
        let id = &case["id"];
        let text = case["text"].as_str().unwrap();
        let width_em = case["width_em"].as_f64().unwrap() as f32;
        let indent_em = case["indent_em"].as_f64().unwrap_or(0.0) as f32;
        let expected: Vec<(Prohibition, Vec<String>)> = match &case["lines"] {
            Value::Array(_) => vec![(Prohibition::Basic, strings(&case["lines"]))],
            Value::Object(by_level) => by_level
                .iter()
                .map(|(k, v)| (level(k), strings(v)))
                .collect(),
            other => panic!("case {id}: unexpected lines {other}"),
        };
        for (lvl, want) in expected {
            let got = compose(text, width_em, indent_em, lvl);
            let texts: Vec<&str> = got.iter().map(|l| l.0.as_str()).collect();
            assert_eq!(texts, want, "case {id} at level {lvl:?}");
            for (text, width, last) in &got {
                if !last {
                    assert!(
                        (width - width_em * EM).abs() < 0.01,
                        "case {id}: line {text} is {width} wide"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 15, "13 cases, two of them at two levels");
}
