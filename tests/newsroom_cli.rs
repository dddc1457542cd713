//! The newsroom commands as a user runs them, on a real PostgreSQL server (see
//! `tests/common/pg.rs`): `serve-init`, `push`, `pull`, `export URL#EDITION`, and their errors.

mod common;

use std::process::{Command, Output};

fn broadsheet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
}

fn layouts() -> String {
    format!("{}/layouts", env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> String {
    format!("{}/hexi-news.ron", layouts())
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn failed(out: Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn push_prints_the_name_and_pull_writes_the_file_back_byte_for_byte() {
    let db = common::pg::database();
    ok(broadsheet().args(["serve-init", &db.url]).output().unwrap());
    let name = ok(broadsheet()
        .args(["push", &sample(), &db.url])
        .output()
        .unwrap());
    assert_eq!(name, "hexi-news\n", "the file stem by default");
    let named = ok(broadsheet()
        .args(["push", &sample(), &db.url, "--name", "周二版"])
        .output()
        .unwrap());
    assert_eq!(named, "周二版\n");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pulled.ron");
    ok(broadsheet()
        .args(["pull", &db.url, "周二版", "-o"])
        .arg(&out)
        .output()
        .unwrap());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(sample()).unwrap()
    );
}

#[test]
fn export_of_a_server_edition_gives_the_pdf_the_file_gives() {
    let db = common::pg::database();
    ok(broadsheet().args(["serve-init", &db.url]).output().unwrap());
    ok(broadsheet()
        .args(["push", &sample(), &db.url])
        .output()
        .unwrap());
    let dir = tempfile::tempdir().unwrap();
    let from_file = dir.path().join("file.pdf");
    let from_server = dir.path().join("server.pdf");
    ok(broadsheet()
        .args(["export", &sample(), "--pages", "1", "--pdf"])
        .arg(&from_file)
        .output()
        .unwrap());
    // Run from the layout's folder: a server edition's photos are found from there.
    ok(broadsheet()
        .current_dir(layouts())
        .args(["export", &format!("{}#hexi-news", db.url), "--pages", "1"])
        .arg("--pdf")
        .arg(&from_server)
        .output()
        .unwrap());
    let pdf = std::fs::read(&from_server).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        pdf == std::fs::read(&from_file).unwrap(),
        "the same PDF bytes"
    );
}

#[test]
fn errors_name_the_url_the_missing_edition_and_the_missing_schema() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nowhere = format!("postgres://ann:pw@127.0.0.1:{port}/news");
    let err = failed(
        broadsheet()
            .args(["push", &sample(), &nowhere])
            .output()
            .unwrap(),
    );
    assert!(
        err.contains(&format!(
            "error: cannot connect to postgres://ann@127.0.0.1:{port}/news"
        )),
        "{err}"
    );

    let db = common::pg::database();
    let err = failed(
        broadsheet()
            .args(["push", &sample(), &db.url])
            .output()
            .unwrap(),
    );
    assert!(
        err.contains(&format!("hint: run `broadsheet serve-init {}`", db.url)),
        "{err}"
    );

    ok(broadsheet().args(["serve-init", &db.url]).output().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let err = failed(
        broadsheet()
            .args(["pull", &db.url, "hexi-news", "-o"])
            .arg(dir.path().join("x.ron"))
            .output()
            .unwrap(),
    );
    assert!(err.contains("there is no edition \"hexi-news\""), "{err}");
    assert!(err.contains("hint: it holds no editions yet"), "{err}");

    let err = failed(
        broadsheet()
            .args(["export", &db.url, "--pdf"])
            .arg(dir.path().join("x.pdf"))
            .output()
            .unwrap(),
    );
    assert!(
        err.contains("hint: name it after the URL: URL#EDITION"),
        "{err}"
    );
}
