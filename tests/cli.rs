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

/// 五号 at 11 字 (115.5 pt) with no indent: the measure of the example.
const AT_11_ZI: [&str; 6] = [
    "--width-pt",
    "115.5",
    "--size-pt",
    "10.5",
    "--indent-em",
    "0",
];

/// `typeset --json` gives each line's natural width, squeezed marks, spacing and every
/// character's place, so anyone can count adjusted lines: the example is set with every
/// line as it stands, and the line-end half-width style shows the line it has to adjust.
#[test]
fn typeset_json_gives_natural_widths_and_glyph_positions() {
    let (v, _) = typeset(
        &AT_11_ZI,
        "药产品研发、生产、销售等领域深化合作，助推河西区数字健康产业高质量发展。",
    );
    let lines = v["lines"].as_array().unwrap();
    // Set as a whole, every line is set as it stands: 11 characters a full em apart.
    for line in &lines[..3] {
        assert!(
            (line["natural_pt"].as_f64().unwrap() - 115.5).abs() < 0.01,
            "{line}"
        );
        assert_eq!(line["squeezed_marks"], 0, "{line}");
        assert!(line["spacing_pt"].as_f64().unwrap() < 0.01, "{line}");
        let glyphs = line["glyphs"].as_array().unwrap();
        assert_eq!(glyphs.len(), 11, "{line}");
        for (k, g) in glyphs.iter().enumerate() {
            assert!(
                (g["x_pt"].as_f64().unwrap() - 10.5 * k as f64).abs() < 0.01,
                "{line}"
            );
        }
    }
    assert_eq!(lines[1]["glyphs"][0]["text"], "等");
    // The line-end half-width style trims the ， ending the first line to half an em, so that
    // line must be squeezed or spaced: the JSON shows which.
    let (v, _) = typeset(
        &[&AT_11_ZI[..], &["--punct", "line-end-half"]].concat(),
        "甲乙丙丁戊己庚辛壬癸，子丑",
    );
    let first = &v["lines"][0];
    assert!(
        (first["natural_pt"].as_f64().unwrap() - 115.5).abs() > 1.0,
        "{first}"
    );
    assert!(
        first["squeezed_marks"].as_u64().unwrap() > 0
            || first["spacing_pt"].as_f64().unwrap() > 0.1,
        "{first}"
    );
}

#[test]
fn typeset_reports_a_missing_glyph() {
    // Tangut: in no bundled face, nor in the system's CJK faces it may fall back to.
    let (v, stderr) = typeset(&["--width-pt", "100", "--size-pt", "10"], "甲𗀀乙");
    assert!(stderr.contains("U+17000"), "{stderr}");
    assert!(v["diagnostics"][0].as_str().unwrap().contains("U+17000"));
    assert_eq!(v["lines"][0]["text"], "甲𗀀乙");
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

/// The sample with its lead story in English, its first paragraph `paragraph`.
fn english_lead(paragraph: &str) -> String {
    std::fs::read_to_string(layout("hexi-news.ron"))
        .unwrap()
        .replacen("lang: Zh,\n      kicker", "lang: En,\n      kicker", 1)
        .replacen("\"近日，", &format!("\"{paragraph} 近日，"), 1)
}

/// A word longer than hypher's 45-byte limit (a URL, a chemical name).
const LONG_WORD: &str = "Pneumonoultramicroscopicsilicovolcanoconiosisandmoreandmore";

#[test]
fn a_word_over_45_bytes_panicked_in_hypher() {
    let input = format!("A {LONG_WORD} appears in this sentence, which goes on.");
    let (v, _) = typeset(
        &["--width-pt", "100", "--size-pt", "10", "--lang", "en"],
        &input,
    );
    let text: String = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect();
    assert!(text.contains("Pneumono"), "{v}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-word.ron");
    std::fs::write(&path, english_lead(LONG_WORD)).unwrap();
    let check = broadsheet()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let pdf = dir.path().join("out.pdf");
    let export = broadsheet()
        .args(["export", path.to_str().unwrap(), "--pdf"])
        .arg(&pdf)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&export.stderr);
    assert!(export.status.success(), "{err}");
    assert!(pdf.exists());
}

#[test]
fn png_at_dpi_inf_or_1e9_panicked_in_the_renderer() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("page.png");
    let pdf = dir.path().join("page.pdf");
    for dpi in ["inf", "1e9", "2400", "0", "-72", "NaN"] {
        let out = broadsheet()
            .args(["export", &layout("hexi-news.ron"), "--pages", "1", "--pdf"])
            .arg(&pdf)
            .arg("--png")
            .arg(&png)
            .arg(format!("--dpi={dpi}"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "--dpi {dpi}: {err}");
        assert!(err.starts_with("error: --dpi"), "--dpi {dpi}: {err}");
        assert!(!err.contains("panicked"), "--dpi {dpi}: {err}");
        assert!(!png.exists() && !pdf.exists(), "--dpi {dpi} wrote a file");
    }
}

/// Runs broadsheet with `args`, failing the test when it takes over 20 s (a hang).
fn run_bounded(args: &[&str]) -> std::process::Output {
    let mut child = broadsheet()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("broadsheet {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &std::path::Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn check_and_import_of_dev_zero_or_a_fifo_ran_out_of_memory_or_hung() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for args in [
        ["check", "/dev/zero"],
        ["import", "/dev/zero"],
        ["check", fifo],
        ["import", fifo],
    ] {
        let out = run_bounded(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}

#[test]
fn a_layout_over_64_mib_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len((64 << 20) + 1).unwrap();
    let out = run_bounded(&["check", big.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("larger than 64 MiB"), "{err}");
}

/// The sample beside its photos, with the photo's path replaced by `photo`.
fn with_photo(dir: &std::path::Path, photo: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(layout("hexi-news.ron"))
        .unwrap()
        .replace("../assets/coffee.jpg", photo);
    let path = dir.join("photo.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// Checks, and exports as PDF, PNG and data, a layout whose photo is broken: each must warn
/// with `code` and succeed, the PDF valid.
fn exports_with_a_placeholder(dir: &std::path::Path, photo: &str, code: &str) {
    let path = with_photo(dir, photo);
    let path = path.to_str().unwrap();
    let out = run_bounded(&["check", path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{photo}: {err}");
    assert!(
        err.contains(code) || err.contains("placeholder"),
        "{photo}: {err}"
    );
    let pdf = dir.join("out.pdf");
    let png = dir.join("out.png");
    let data = dir.join("out.json");
    let out = run_bounded(&[
        "export",
        path,
        "--pages",
        "1",
        "--pdf",
        pdf.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{photo}: {err}");
    assert!(err.contains("placeholder"), "{photo}: {err}");
    let qpdf = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    assert!(png.exists() && data.exists());
}

#[test]
fn a_truncated_png_photo_failed_the_pdf_export() {
    let dir = tempfile::tempdir().unwrap();
    let png = std::fs::read(format!("{}/assets/coffee.png", env!("CARGO_MANIFEST_DIR"))).unwrap();
    std::fs::write(dir.path().join("cut.png"), &png[..png.len() / 2]).unwrap();
    exports_with_a_placeholder(dir.path(), "cut.png", "corrupt-photo");
}

#[test]
fn a_cut_short_jpeg_decoded_as_grey_and_went_into_the_pdf_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let jpg = std::fs::read(format!("{}/assets/coffee.jpg", env!("CARGO_MANIFEST_DIR"))).unwrap();
    std::fs::write(dir.path().join("cut.jpg"), &jpg[..jpg.len() * 6 / 10]).unwrap();
    exports_with_a_placeholder(dir.path(), "cut.jpg", "corrupt-photo");
}

/// A PNG whose header says `w` × `h` pixels, with one tiny row of data.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = Vec::new();
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    // A stored (uncompressed) zlib stream of a few zero bytes.
    chunk(
        &mut png,
        b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x04, 0x00, 0xfb, 0xff, 0, 0, 0, 0, 0, 0, 0, 1,
        ],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_png_claiming_more_data_than_it_has_failed_the_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("short.png"), png_claiming(400, 300)).unwrap();
    exports_with_a_placeholder(dir.path(), "short.png", "corrupt-photo");
}

#[test]
fn a_60000_pixel_square_photo_ran_out_of_memory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.png"), png_claiming(60_000, 60_000)).unwrap();
    exports_with_a_placeholder(dir.path(), "huge.png", "photo-too-large");
}

#[test]
fn a_fifo_as_a_photo_hung_the_export() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("pipe.jpg"));
    exports_with_a_placeholder(dir.path(), "pipe.jpg", "unreadable-photo");
}

#[test]
fn sample_edition_with_100000_pages_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.ron");
    let run = run_bounded(&[
        "sample-edition",
        "-o",
        out.to_str().unwrap(),
        "--pages",
        "100000",
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(err.contains("--pages must be 1 to 2000"), "{err}");
    assert!(!out.exists());
}

#[test]
fn pages_comma_or_overlapping_ranges_were_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("out.json");
    for (pages, says) in [
        (",", "empty part"),
        ("1,,2", "empty part"),
        ("1-2,1-2", "page 1 is named twice"),
        ("1-2,2", "page 2 is named twice"),
        ("3", "page 3 is not in this edition (it has 2 pages)"),
    ] {
        let out = run_bounded(&[
            "export",
            &layout("hexi-news.ron"),
            "--data",
            data.to_str().unwrap(),
            "--pages",
            pages,
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "--pages {pages}: {err}");
        assert!(err.contains(says), "--pages {pages}: {err}");
        assert!(!data.exists());
    }
}

#[test]
fn typeset_kept_a_bom_cr_line_ends_and_nul_characters() {
    let (plain, _) = typeset(
        &["--width-pt", "100", "--size-pt", "10"],
        "甲乙丙\n\n丁戊己",
    );
    let (messy, stderr) = typeset(
        &["--width-pt", "100", "--size-pt", "10"],
        "\u{feff}甲乙\0丙\r\r丁戊\u{7}己",
    );
    assert_eq!(plain["lines"], messy["lines"], "{stderr}");
    assert!(stderr.contains("removed 2 control characters"), "{stderr}");
    let (crlf, _) = typeset(
        &["--width-pt", "100", "--size-pt", "10"],
        "甲乙丙\r\n\r\n丁戊己",
    );
    assert_eq!(plain["lines"], crlf["lines"]);
}

#[test]
fn a_failed_png_left_the_pdf_and_data_half_written_and_exports_broke_symlinks_and_modes() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("out.pdf");
    std::fs::write(&pdf, "old pdf").unwrap();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o640)).unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, "old data").unwrap();
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let export = |png: &std::path::Path| {
        run_bounded(&[
            "export",
            &layout("hexi-news.ron"),
            "--pages",
            "1",
            "--pdf",
            pdf.to_str().unwrap(),
            "--data",
            link.to_str().unwrap(),
            "--png",
            png.to_str().unwrap(),
        ])
    };
    for png in [
        dir.path().join("no-such-folder/out.png"),
        dir.path().to_path_buf(),
    ] {
        let failed = export(&png);
        assert!(!failed.status.success(), "{}", png.display());
        assert_eq!(std::fs::read_to_string(&pdf).unwrap(), "old pdf");
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "old data");
    }

    let ok = export(&dir.path().join("out.png"));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().starts_with('{'));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_pdfa_export_with_a_missing_glyph_printed_krillas_debug_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(layout("hexi-news.ron"))
        .unwrap()
        .replacen("\"近日，", "\"𗀀近日，", 1);
    let path = dir.path().join("notdef.ron");
    std::fs::write(&path, text).unwrap();
    let pdf = dir.path().join("out.pdf");
    let out = run_bounded(&[
        "export",
        path.to_str().unwrap(),
        "--pages",
        "1",
        "--pdfa",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("the text \"𗀀\" has characters no font has"),
        "{err}"
    );
    for debug in ["Font {", "Validation(", "ContainsNotDefGlyph", "Some("] {
        assert!(!err.contains(debug), "{err}");
    }
}
