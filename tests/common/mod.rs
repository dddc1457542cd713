//! Helpers the PDF test files share: writing a file for an outside tool and running the tool.

use std::path::Path;
use std::process::Command;

/// Writes `bytes` to `name` in `dir` and returns the path as a string for a command line.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `cmd` with `args`, fails the test if it fails, and returns its standard output.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
