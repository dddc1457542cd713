//! Helpers the test files that call outside tools share: checking the tool is there, writing
//! a file for it and running it.

// Each test file uses the helpers it needs, so some go unused in each.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Writes `bytes` to `name` in `dir` and returns the path as a string for a command line.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `cmd` with `args`, fails the test (with what the tool printed) if it fails, and
/// returns its standard output.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fails, naming the Debian package, when a command-line tool is missing (`.ci/run` installs
/// them); returns the name to run it by.
pub fn require(name: &str, package: &str) -> String {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{name} is needed: install the Debian package {package} (`.ci/run` does)"
    );
    name.to_owned()
}

pub mod edits;
pub mod pg;
