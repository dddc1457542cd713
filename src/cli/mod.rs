//! The command line: every export and check the editor can do, headless.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::model::{Diagnostic, Edition, Severity, io};
use crate::resources::{self, Origin};
use crate::{bundle, import, layout, sample};

mod export;
mod server;
mod typeset;

pub use server::{default_author, server_edition};

/// Broadsheet: newspaper page layout. With no command, opens the editor on FILE (or the bundled
/// sample edition).
#[derive(Debug, Parser)]
#[command(name = "broadsheet", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Layout file to open in the editor; the bundled sample edition when omitted.
    pub file: Option<PathBuf>,
    /// Open the window, draw the first page at fit-page zoom, save a screenshot here and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the stories found in article files (customer plain text or Markdown).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per story.
        #[arg(long)]
        json: bool,
    },
    /// Load and validate a layout; exit non-zero when it has errors.
    Check {
        file: PathBuf,
        /// Print the findings as a JSON list of {severity, code, message, page, frame, story}.
        #[arg(long)]
        json: bool,
    },
    /// Set paragraphs from standard input (separated by blank lines) at a measure, with the
    /// bundled fonts and the Chinese line rules.
    Typeset {
        /// The measure in points.
        #[arg(long)]
        width_pt: f32,
        /// Font size in points.
        #[arg(long)]
        size_pt: f32,
        /// Font family (default: Noto Serif SC for zh, Source Serif 4 for en).
        #[arg(long)]
        font: Option<String>,
        /// First-line indent in ems (default: 2 for zh, 1 for en).
        #[arg(long)]
        indent_em: Option<f32>,
        /// Horizontal scale of the type in percent (长/扁字), 50–200; 85 sets condensed type.
        #[arg(long, default_value_t = 100.0)]
        scale_pct: f32,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Line-breaking prohibition level.
        #[arg(long, value_enum, default_value_t = LevelArg::Basic)]
        level: LevelArg,
        /// Punctuation style: full (全角式), kaiming (开明式), line-end-half (行末半角) or
        /// all-half (全部半角).
        #[arg(long, value_enum, default_value_t = PunctArg::Full)]
        punct: PunctArg,
        /// Let 、，。 hang past the measure at a line's end (标点悬挂).
        #[arg(long)]
        hanging: bool,
        /// Figures: proportional (the font's own, ¼ em from Han) or grid (对开数字: half width,
        /// each number taking whole 字).
        #[arg(long, value_enum, default_value_t = FiguresArg::Proportional)]
        figures: FiguresArg,
        /// Print {"lines":[{"paragraph","text","width_pt","last"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Export pages as PDF-ready data (the positioned display list) and/or print PDF.
    Export {
        /// A layout file, or an edition on a server: `postgres://HOST/DB#EDITION`.
        file: PathBuf,
        /// Write the display list as JSON (or RON, by the file name).
        #[arg(long, value_name = "OUT.json")]
        data: Option<PathBuf>,
        /// Write a print PDF.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// Bleed around the trim, e.g. `3mm` (PDF).
        #[arg(long, value_name = "LENGTH")]
        bleed: Option<String>,
        /// Crop marks in registration colour outside the bleed (PDF).
        #[arg(long)]
        marks: bool,
        /// Validate as PDF/A-2b (colours become sRGB; an archive or proof PDF, not for the
        /// press) (PDF).
        #[arg(long)]
        pdfa: bool,
        /// A proof PDF for screens: photos as they are (RGB, JPEGs byte for byte), no
        /// overprint. Without it the PDF is for the printing plant: photos separated into
        /// newsprint CMYK within the ink limit, black overprinting.
        #[arg(long, conflicts_with_all = ["pdfx", "no_overprint", "ink_limit"])]
        proof: bool,
        /// Write PDF/X-4 for the plant: the newsprint output intent and version keys.
        #[arg(long, conflicts_with = "pdfa")]
        pdfx: bool,
        /// Let black knock out what is under it instead of overprinting (叠印 off).
        #[arg(long)]
        no_overprint: bool,
        /// Total ink limit for photos, in percent (default: the edition's house setting, 240).
        #[arg(long, value_name = "PERCENT")]
        ink_limit: Option<f32>,
        /// Downsample photos printed above this resolution (PDF).
        #[arg(long, value_name = "PPI")]
        max_ppi: Option<f32>,
        /// Render pages to PNG (one file per page: OUT-1.png, OUT-2.png … when several).
        #[arg(long, value_name = "OUT.png")]
        png: Option<PathBuf>,
        /// Resolution of PNG output.
        #[arg(long, default_value_t = 72.0)]
        dpi: f32,
        /// Pages to export, e.g. `1-2` or `1,3` (default: all).
        #[arg(long)]
        pages: Option<String>,
    },
    /// Copyfit stories to their frames (tracking and the last frame's height, within the
    /// edition's limits; the text is never changed) and write the result. With --page, fit
    /// whole pages instead: the edges between stacked stories move so every story fits.
    Fit {
        file: PathBuf,
        /// Fit these pages (1-based; repeat or separate with commas) by moving the shared
        /// edges between their stories, photos within the crop tolerance, then tracking.
        #[arg(long, value_delimiter = ',', conflicts_with = "story")]
        page: Vec<usize>,
        /// Only these stories (by ID; repeat or separate with commas); all placed stories when
        /// none is named.
        #[arg(long, value_delimiter = ',')]
        story: Vec<String>,
        /// Where to write the fitted edition, in the same folder as FILE (its photo paths are
        /// relative to it).
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// Propose modular layouts of a page for the stories chosen for it (priority order, the
    /// lead first): writes the edition with the page replaced by the best proposal to OUT,
    /// the next ones to OUT-2, OUT-3 …, and prints each proposal's score.
    Propose {
        file: PathBuf,
        /// The page to lay out, counted from 1.
        #[arg(long)]
        page: usize,
        /// The page's stories by ID in priority order, separated by commas.
        #[arg(long, value_delimiter = ',', required = true)]
        stories: Vec<String>,
        /// Where to write the best proposal, in the same folder as FILE.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// How many proposals to write.
        #[arg(long, default_value_t = 1)]
        count: usize,
    },
    /// Create or migrate a newsroom server's schema (PostgreSQL), e.g.
    /// `postgres://user@host/newsroom`.
    ServeInit { url: String },
    /// Store a layout file's edition on a server, replacing one of the same name; prints the
    /// edition's name there.
    Push {
        file: PathBuf,
        url: String,
        /// The edition's name on the server (default: the file's stem).
        #[arg(long)]
        name: Option<String>,
        /// Recorded as who pushed it (default: $USER).
        #[arg(long)]
        author: Option<String>,
    },
    /// Write a server edition as it is now (snapshot and edits) to a layout file.
    Pull {
        url: String,
        edition: String,
        #[arg(short, long, value_name = "FILE.ron")]
        output: PathBuf,
    },
    /// Fold a server edition's edit log into a new snapshot (the log is kept).
    Compact { url: String, edition: String },
    /// Write the sample edition (the customer's page, with the lead continuing on page 2).
    SampleEdition {
        #[arg(short, long, value_name = "FILE.ron")]
        output: PathBuf,
        /// Generate an N-page edition from the sample's stories, sentences rotated per page and
        /// each page's lead continuing on the next (for benchmarks and stress tests).
        #[arg(long)]
        pages: Option<usize>,
    },
}

/// The most pages `sample-edition --pages` generates: the file stays well under the 64 MiB
/// a layout may have, so what it writes loads again.
pub const MAX_SAMPLE_PAGES: usize = 2_000;

/// Runs a command-line command.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Import { files, json } => import_cmd(&files, json),
        Command::Check { file, json } => Ok(check_cmd(&file, json)),
        Command::Typeset {
            width_pt,
            size_pt,
            font,
            indent_em,
            scale_pct,
            lang,
            level,
            punct,
            hanging,
            figures,
            json,
        } => {
            let (input, removed) = import::clean(&read_stdin()?);
            if removed > 0 {
                eprintln!(
                    "warning: standard input: removed {removed} control character{} (NUL and the like), which cannot print",
                    if removed == 1 { "" } else { "s" }
                );
            }
            let settings = typeset::Settings {
                width_pt,
                size_pt,
                font,
                indent_em,
                scale: scale_pct / 100.0,
                lang: lang.into(),
                level: level.into(),
                punct: crate::model::Punctuation {
                    style: punct.into(),
                    hanging,
                    ..crate::model::Punctuation::default()
                },
                figures: figures.into(),
            };
            typeset::run(&input, &settings, json)
        }
        Command::Export {
            file,
            data,
            pdf,
            bleed,
            marks,
            pdfa,
            proof,
            pdfx,
            no_overprint,
            ink_limit,
            max_ppi,
            png,
            dpi,
            pages,
        } => {
            let bleed = match bleed {
                Some(b) => {
                    b.parse::<crate::model::Length>()
                        .map_err(|e| anyhow::anyhow!("--bleed: expected {e}"))?
                        .pt()
                        .0
                }
                None => 0.0,
            };
            anyhow::ensure!(
                (0.0..=crate::model::MAX_BLEED_PT).contains(&bleed),
                "--bleed must be 0 to {} mm, not {bleed} pt",
                crate::model::MAX_BLEED_PT * 25.4 / 72.0
            );
            if let Some(ppi) = max_ppi {
                anyhow::ensure!(
                    ppi.is_finite() && ppi >= 1.0,
                    "--max-ppi must be a number of 1 or more, not {ppi}"
                );
            }
            if let Some(limit) = ink_limit {
                let range = crate::model::PressSettings::INK_LIMIT_RANGE;
                anyhow::ensure!(
                    range.contains(&limit),
                    "--ink-limit must be {} to {} (percent), not {limit}",
                    range.start(),
                    range.end()
                );
            }
            let outputs = export::Outputs {
                data: data.as_deref(),
                pdf: pdf.as_deref(),
                bleed,
                marks,
                pdfa,
                press: (!proof && !pdfa).then_some(export::PressFlags {
                    pdfx,
                    no_overprint,
                    ink_limit,
                }),
                max_ppi,
                png: png.as_deref(),
                dpi,
            };
            export::run(&file, &outputs, pages.as_deref())
        }
        Command::Fit {
            file,
            page,
            story,
            output,
        } => fit_cmd(&file, &page, &story, &output),
        Command::Propose {
            file,
            page,
            stories,
            output,
            count,
        } => propose_cmd(&file, page, &stories, &output, count),
        Command::ServeInit { url } => server::serve_init(&url),
        Command::Push {
            file,
            url,
            name,
            author,
        } => server::push(
            &file,
            &url,
            name.as_deref(),
            &author.unwrap_or_else(default_author),
        ),
        Command::Pull {
            url,
            edition,
            output,
        } => server::pull(&url, &edition, &output),
        Command::Compact { url, edition } => server::compact(&url, &edition),
        Command::SampleEdition { output, pages } => {
            if let Some(n) = pages {
                anyhow::ensure!(
                    (1..=MAX_SAMPLE_PAGES).contains(&n),
                    "--pages must be 1 to {MAX_SAMPLE_PAGES}, not {n}"
                );
            }
            let edition = pages.map_or_else(sample::edition, sample::generated);
            io::save(&edition, &output)?;
            eprintln!("wrote {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `broadsheet fit`: fits each story, prints what it did, and writes the edition.
fn fit_cmd(
    file: &Path,
    pages: &[usize],
    stories: &[String],
    output: &Path,
) -> anyhow::Result<ExitCode> {
    use crate::layout::fit::Fitted;
    let (mut edition, origin) = open(Some(file))?;
    ensure_beside(file, output, "fitted.ron")?;
    let assets = resources::Assets::new(origin, &[]);
    let layouter = layout::Layouter::new();
    if !pages.is_empty() {
        return fit_pages_cmd(&layouter, &assets, edition, pages, output);
    }
    let ids: Vec<crate::model::StoryId> = if stories.is_empty() {
        edition
            .stories
            .iter()
            .filter(|s| !s.thread.is_empty())
            .map(|s| s.id.clone())
            .collect()
    } else {
        stories.iter().map(crate::model::StoryId::new).collect()
    };
    let mut unfitted = 0;
    for id in &ids {
        let what = |p: &crate::layout::fit::FitPlan| {
            let mut said = format!(
                "tracking {:+}%, last frame {:+} lines",
                p.tracking_pct, p.frame_lines
            );
            if p.scale_pct != 0.0 {
                said += &format!(", scale {:+}%", p.scale_pct);
            }
            if let Some(c) = p.columns {
                said += &format!(", {c} columns");
            }
            said
        };
        match layouter.fit_story(&edition, &assets, id)? {
            Fitted::Already => eprintln!("{id}: fits"),
            Fitted::Plan(plan) => {
                eprintln!("{id}: fitted ({})", what(&plan));
                edition.apply_all(plan.edits)?;
            }
            Fitted::Closer { plan, lines } => {
                unfitted += 1;
                eprintln!(
                    "{id}: closer ({}); {lines:+} lines still{}",
                    what(&plan),
                    if lines > 0 {
                        " over: cut them"
                    } else {
                        " empty: add text"
                    }
                );
                edition.apply_all(plan.edits)?;
            }
            Fitted::Cannot { lines } => {
                unfitted += 1;
                eprintln!(
                    "{id}: cannot be fitted within the limits; {lines:+} lines{}",
                    if lines > 0 {
                        " over: cut them"
                    } else {
                        " empty: add text"
                    }
                );
            }
        }
    }
    io::save(&edition, output)?;
    eprintln!(
        "wrote {} ({} fitted, {unfitted} not exactly)",
        output.display(),
        ids.len() - unfitted
    );
    Ok(ExitCode::SUCCESS)
}

/// `broadsheet fit --page`: fits each page, prints each story's lines before and after.
fn fit_pages_cmd(
    layouter: &layout::Layouter,
    assets: &resources::Assets,
    mut edition: crate::model::Edition,
    pages: &[usize],
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let total = edition.pages.len();
    for &n in pages {
        anyhow::ensure!(
            (1..=total).contains(&n),
            "--page {n}: the edition has {}",
            count(total, "page")
        );
    }
    let mut misfits = 0;
    for &n in pages {
        let fit = layouter.fit_page(&edition, assets, n - 1)?;
        eprintln!("page {n}: {}", count(fit.edits.len(), "change"));
        for s in &fit.stories {
            let shown = |lines: i32| match lines {
                0 => "fits".to_owned(),
                l => format!("{l:+} lines"),
            };
            eprintln!("  {}: {} → {}", s.story, shown(s.before), shown(s.after));
        }
        misfits += fit.misfits();
        edition.apply_all(fit.edits)?;
    }
    io::save(&edition, output)?;
    eprintln!(
        "wrote {} ({misfits} {} still not fitting)",
        output.display(),
        if misfits == 1 { "story" } else { "stories" }
    );
    Ok(ExitCode::SUCCESS)
}

/// `broadsheet propose`: proposes layouts of one page and writes each as an edition.
fn propose_cmd(
    file: &Path,
    page: usize,
    stories: &[String],
    output: &Path,
    count: usize,
) -> anyhow::Result<ExitCode> {
    let (edition, origin) = open(Some(file))?;
    ensure_beside(file, output, "proposed.ron")?;
    anyhow::ensure!(
        (1..=10).contains(&count),
        "--count must be 1 to 10, not {count}"
    );
    anyhow::ensure!(page >= 1, "--page counts from 1");
    let assets = resources::Assets::new(origin, &[]);
    let ids: Vec<crate::model::StoryId> = stories.iter().map(crate::model::StoryId::new).collect();
    let proposals = layout::Layouter::new()
        .propose_page(&edition, &assets, page - 1, &ids, count)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    for (i, proposal) in proposals.iter().enumerate() {
        let path = if i == 0 {
            output.to_path_buf()
        } else {
            numbered(output, i + 1)
        };
        let mut proposed = edition.clone();
        proposed.apply_all(proposal.edits.clone())?;
        io::save(&proposed, &path)?;
        println!("{}: {}", path.display(), proposal.score.summary());
        for p in &proposal.placements {
            println!(
                "  {}: columns {}-{}, lines {}-{}{}",
                p.story,
                p.col + 1,
                p.col + p.span,
                p.line + 1,
                p.line + p.lines,
                if p.tracking_pct == 0.0 {
                    String::new()
                } else {
                    format!(", tracking {:+}%", p.tracking_pct)
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `OUT.ron` numbered: `OUT-2.ron`.
fn numbered(path: &Path, n: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// An edition written from FILE goes in FILE's folder: its photo paths are relative to it.
fn ensure_beside(file: &Path, output: &Path, example: &str) -> anyhow::Result<()> {
    // A bare file name is in the current folder.
    let folder = |p: &Path| {
        let d = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        d.canonicalize().unwrap_or_else(|_| d.to_path_buf())
    };
    anyhow::ensure!(
        folder(file) == folder(output),
        "{}: the edition must be written in the folder of {} (its photo paths are relative to it)\nhint: name an output file beside it, e.g. -o {}",
        output.display(),
        file.display(),
        file.with_file_name(example).display()
    );
    Ok(())
}

/// Standard input as UTF-8 text, at most [`io::MAX_INPUT_BYTES`].
fn read_stdin() -> anyhow::Result<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(io::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    anyhow::ensure!(
        bytes.len() as u64 <= io::MAX_INPUT_BYTES,
        "standard input is larger than {} MiB, the most Broadsheet reads",
        io::MAX_INPUT_BYTES >> 20
    );
    io::decode_text(bytes).map_err(|m| anyhow::anyhow!("standard input: {m}"))
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for crate::model::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

/// `--level` values.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LevelArg {
    None,
    Basic,
    Gb,
    Strict,
}

impl From<LevelArg> for crate::model::Prohibition {
    fn from(l: LevelArg) -> Self {
        match l {
            LevelArg::None => Self::None,
            LevelArg::Basic => Self::Basic,
            LevelArg::Gb => Self::Gb,
            LevelArg::Strict => Self::Strict,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PunctArg {
    Full,
    Kaiming,
    LineEndHalf,
    AllHalf,
}

impl From<PunctArg> for crate::model::PunctStyle {
    fn from(p: PunctArg) -> Self {
        match p {
            PunctArg::Full => Self::FullWidth,
            PunctArg::Kaiming => Self::Kaiming,
            PunctArg::LineEndHalf => Self::LineEndHalf,
            PunctArg::AllHalf => Self::AllHalf,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FiguresArg {
    Proportional,
    Grid,
}

impl From<FiguresArg> for crate::model::Figures {
    fn from(f: FiguresArg) -> Self {
        match f {
            FiguresArg::Proportional => Self::Proportional,
            FiguresArg::Grid => Self::Grid,
        }
    }
}

/// Loads a layout file, or the bundled sample when `path` is `None`.
pub fn open(path: Option<&Path>) -> Result<(Edition, Origin), io::LoadError> {
    match path {
        Some(p) => Ok((io::load(p)?, Origin::of_file(p))),
        None => Ok((
            io::from_str(bundle::SAMPLE, bundle::SAMPLE_NAME)?,
            Origin::Bundled,
        )),
    }
}

fn import_cmd(files: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for file in files {
        let text = io::read_text(file)
            .with_context(|| format!("{}: cannot read the article file", file.display()))?;
        let (text, removed) = import::clean(&text);
        if removed > 0 {
            eprintln!(
                "warning: {}: removed {removed} control character{} (NUL and the like), which cannot print",
                file.display(),
                if removed == 1 { "" } else { "s" }
            );
        }
        let articles = import::articles(&file.to_string_lossy(), &text);
        if articles.is_empty() {
            eprintln!("warning: {}: no stories found", file.display());
        }
        for a in articles {
            if json {
                writeln!(out, "{}", serde_json::to_string(&a)?)?;
            } else {
                for (label, v) in [
                    ("kicker", &a.kicker),
                    ("headline", &a.headline),
                    ("deck", &a.deck),
                    ("byline", &a.byline),
                    ("caption", &a.caption),
                    ("credit", &a.credit),
                ] {
                    if !v.is_empty() {
                        writeln!(out, "{label:>9}: {v}")?;
                    }
                }
                let chars: usize = a.paragraphs.iter().map(|p| p.chars().count()).sum();
                writeln!(
                    out,
                    "{:>9}: {} paragraphs, {chars} characters",
                    "body",
                    a.paragraphs.len()
                )?;
                for p in &a.paragraphs {
                    writeln!(out, "           {p}")?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "1 page", "2 pages".
pub(crate) fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A finding in the JSON form `check --json` prints.
#[derive(Serialize)]
struct Finding<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// Everything `check` finds in a layout file: load errors, then warnings about its resources.
pub fn check(file: &Path) -> (Vec<Diagnostic>, Option<(usize, usize)>) {
    match open(Some(file)) {
        Ok((edition, origin)) => {
            let assets = resources::Assets::new(origin, &[]);
            let laid = layout::layout(&edition, &assets);
            (laid.diagnostics, None)
        }
        Err(e) => {
            let code = match e {
                io::LoadError::Io { .. } => "unreadable-file",
                io::LoadError::Syntax { .. } => "syntax",
                io::LoadError::Invalid { .. } => "invalid",
            };
            (
                vec![Diagnostic::new(Severity::Error, code, e.to_string())],
                e.position(),
            )
        }
    }
}

fn check_cmd(file: &Path, json: bool) -> ExitCode {
    let (diagnostics, position) = check(file);
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    if json {
        let findings: Vec<Finding> = diagnostics
            .iter()
            .map(|d| Finding {
                diagnostic: d,
                line: position
                    .map(|p| p.0)
                    .filter(|_| d.severity == Severity::Error),
                column: position
                    .map(|p| p.1)
                    .filter(|_| d.severity == Severity::Error),
            })
            .collect();
        // A reader that stops early (`| head`) is not an error of the check.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".into())
        );
    } else {
        for d in &diagnostics {
            eprintln!("{d}");
        }
        if diagnostics.is_empty() {
            eprintln!("{}: ok", file.display());
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
