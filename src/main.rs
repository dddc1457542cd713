//! `broadsheet`: with no command, the editor; with a command, the headless tools.

use std::process::ExitCode;

use clap::Parser as _;

use broadsheet::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(command),
        None => open_editor(args.file, args.screenshot),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "gui")]
fn open_editor(
    file: Option<std::path::PathBuf>,
    screenshot: Option<std::path::PathBuf>,
) -> anyhow::Result<ExitCode> {
    broadsheet::app::run(file, screenshot)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_editor(
    _file: Option<std::path::PathBuf>,
    _screenshot: Option<std::path::PathBuf>,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this build has no editor (built without the `gui` feature)\nhint: run a command such as `broadsheet check FILE`, or build with default features"
    )
}
