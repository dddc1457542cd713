//! `broadsheet typeset`: paragraphs from standard input set at a measure.

use std::io::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use crate::model::{Figures, FontSpec, Lang, Prohibition, Punctuation, Weight};
use crate::text::{FontBook, LineBreaker, Options, Paragraph};

/// What `typeset` was asked for.
pub struct Settings {
    pub width_pt: f32,
    pub size_pt: f32,
    pub font: Option<String>,
    pub indent_em: Option<f32>,
    /// Horizontal scale of the type, 1.0 = 100%.
    pub scale: f32,
    pub lang: Lang,
    pub level: Prohibition,
    pub punct: Punctuation,
    pub figures: Figures,
}

#[derive(Serialize)]
struct JsonLine {
    paragraph: usize,
    text: String,
    width_pt: f32,
    /// The width before squeezing or spreading (more than `width_pt`: squeezed; less, on a
    /// line that is not the last: spread).
    natural_pt: f32,
    /// Marks squeezed narrower than the style sets them.
    squeezed_marks: u16,
    /// Space added to each gap between characters, in points.
    spacing_pt: f32,
    /// The last mark hangs past the measure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hang: bool,
    /// Each character on the line where it is set.
    glyphs: Vec<JsonGlyph>,
    last: bool,
    /// The line ends in an added hyphen (not part of `text`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hyphen: bool,
}

#[derive(Serialize)]
struct JsonGlyph {
    text: String,
    /// Its origin from the line's left edge (indent included).
    x_pt: f32,
    /// The width it takes after squeezing or spreading.
    advance_pt: f32,
}

#[derive(Serialize)]
struct JsonOut {
    lines: Vec<JsonLine>,
    /// Characters no bundled font has, as messages.
    diagnostics: Vec<String>,
}

/// Splits input into paragraphs at blank lines; a paragraph's lines are joined (with a space
/// in English, directly in Chinese).
fn paragraphs(input: &str, lang: Lang) -> Vec<String> {
    let joiner = if lang == Lang::En { " " } else { "" };
    input
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(joiner)
        })
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn run(input: &str, s: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let max_width = crate::model::MAX_FRAME_PT;
    anyhow::ensure!(
        s.width_pt > 0.0 && s.width_pt <= max_width,
        "--width-pt must be more than 0 and at most {max_width:.0} (10 m), not {}",
        s.width_pt
    );
    let max_size = crate::model::MAX_SIZE_PT;
    anyhow::ensure!(
        s.size_pt > 0.0 && s.size_pt <= max_size,
        "--size-pt must be more than 0 and at most {max_size}, not {}",
        s.size_pt
    );
    if let Some(indent) = s.indent_em {
        anyhow::ensure!(
            (0.0..=100.0).contains(&indent),
            "--indent-em must be 0 to 100, not {indent}"
        );
    }
    anyhow::ensure!(
        (crate::model::MIN_SCALE..=crate::model::MAX_SCALE).contains(&s.scale),
        "--scale-pct must be between 50 and 200"
    );
    let family = s.font.clone().unwrap_or_else(|| {
        if s.lang == Lang::En {
            "Source Serif 4"
        } else {
            "Noto Serif SC"
        }
        .to_owned()
    });
    let spec = FontSpec::new(family, Weight::Regular);
    // The bundled faces, or a family installed on the system or in `BROADSHEET_FONT_PATH`.
    let book = FontBook::new(crate::text::FontSources::for_layout(None, &[]));
    let metrics = book.metrics(&spec, s.lang)?;
    let mut opts = if s.lang == Lang::En {
        Options::english(s.size_pt)
    } else {
        Options::chinese(s.size_pt)
    };
    opts.level = s.level;
    opts.scale = s.scale;
    opts.punct = s.punct;
    opts.figures = s.figures;
    if let Some(indent) = s.indent_em {
        opts.indent_em = indent;
    }
    let mut out = JsonOut {
        lines: Vec::new(),
        diagnostics: Vec::new(),
    };
    for (index, text) in paragraphs(input, s.lang).iter().enumerate() {
        let par = Paragraph::new(text, opts, &metrics);
        for (at, c) in &par.measured.missing {
            out.diagnostics.push(format!(
                "paragraph {index}, character {at}: no font has '{c}' (U+{:04X}) ({} Regular and its fallbacks); it prints as a box",
                u32::from(*c),
                spec.family
            ));
        }
        for line in LineBreaker::new(&par).all_at(s.width_pt) {
            let glyphs = (line.start..line.end)
                .filter(|&i| !par.chars[i].is_whitespace())
                .map(|i| JsonGlyph {
                    text: par.chars[i].to_string(),
                    x_pt: line.x[i - line.start],
                    advance_pt: line.advance[i - line.start],
                })
                .collect();
            out.lines.push(JsonLine {
                paragraph: index,
                text: line.text(&par),
                width_pt: line.width,
                natural_pt: line.natural,
                squeezed_marks: line.squeezed_marks,
                spacing_pt: line.spacing,
                hang: line.hang,
                glyphs,
                last: line.last,
                hyphen: line.hyphen,
            });
        }
    }
    for d in &out.diagnostics {
        eprintln!("warning: {d}");
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        writeln!(stdout, "{}", serde_json::to_string(&out)?)?;
    } else {
        for l in &out.lines {
            writeln!(stdout, "{}{}", l.text, if l.hyphen { "-" } else { "" })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
