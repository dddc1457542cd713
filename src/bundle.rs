//! Files compiled into the binary: the sample edition, its photos and the fonts, so
//! `broadsheet` with no arguments opens the sample from any folder.

/// File name the bundled sample is known by.
pub const SAMPLE_NAME: &str = "hexi-news.ron";

/// The sample edition's RON text (`layouts/hexi-news.ron`).
pub const SAMPLE: &str = include_str!("../layouts/hexi-news.ron");

/// Bundled photos by their path relative to the project root.
const ASSETS: &[(&str, &[u8])] = &[
    ("assets/coffee.jpg", include_bytes!("../assets/coffee.jpg")),
    ("assets/rocket.jpg", include_bytes!("../assets/rocket.jpg")),
    ("assets/camera.png", include_bytes!("../assets/camera.png")),
    (
        "assets/astronaut.png",
        include_bytes!("../assets/astronaut.png"),
    ),
];

/// The bytes of a bundled asset, found by a path as a layout in `layouts/` writes it
/// (`../assets/coffee.jpg`) or relative to the project root (`assets/coffee.jpg`).
pub fn asset(path: &str) -> Option<&'static [u8]> {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("../").or_else(|| p.strip_prefix("./")) {
        p = rest.to_owned();
    }
    ASSETS
        .iter()
        .find(|(name, _)| *name == p)
        .map(|(_, bytes)| *bytes)
}

/// The sample edition, parsed. The bundled file is checked by the tests, so this cannot fail
/// in a released build.
pub fn sample() -> crate::model::Edition {
    crate::model::io::from_str(SAMPLE, SAMPLE_NAME).expect("the bundled sample edition is valid")
}

/// A font file shipped in `fonts/` and compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    pub file: &'static str,
    pub family: &'static str,
    pub bold: bool,
    pub italic: bool,
    pub data: &'static [u8],
}

macro_rules! font {
    ($file:literal, $family:literal, $bold:literal, $italic:literal) => {
        BundledFont {
            file: $file,
            family: $family,
            bold: $bold,
            italic: $italic,
            data: include_bytes!(concat!("../fonts/", $file)),
        }
    };
}

/// Every bundled face. The CJK files are subsets (GB 2312 and the 通用规范汉字表) made by
/// `scripts/make-fonts.sh`: the Noto faces single-face OpenType CFF, the 楷体 TrueType (LXGW
/// WenKai Regular, renamed "Broadsheet WenKai" because "LXGW" is a Reserved Font Name and a
/// subset is a modified font; regular weight only). The Latin faces ship as released.
pub const FONTS: &[BundledFont] = &[
    font!("NotoSerifSC-Regular.otf", "Noto Serif SC", false, false),
    font!("NotoSerifSC-Bold.otf", "Noto Serif SC", true, false),
    font!("NotoSansSC-Regular.otf", "Noto Sans SC", false, false),
    font!("NotoSansSC-Bold.otf", "Noto Sans SC", true, false),
    font!(
        "BroadsheetWenKai-Regular.ttf",
        "Broadsheet WenKai",
        false,
        false
    ),
    font!("SourceSerif4-Regular.ttf", "Source Serif 4", false, false),
    font!("SourceSerif4-It.ttf", "Source Serif 4", false, true),
    font!("SourceSerif4-Bold.ttf", "Source Serif 4", true, false),
    font!("LibreFranklin-Regular.ttf", "Libre Franklin", false, false),
    font!("LibreFranklin-Bold.ttf", "Libre Franklin", true, false),
];

/// The bytes of a bundled font file by its file name.
pub fn font_bytes(file: &str) -> Option<&'static [u8]> {
    FONTS.iter().find(|f| f.file == file).map(|f| f.data)
}

/// `fonts/SHA256SUMS`: the hash of every bundled file, as `scripts/make-fonts.sh` wrote them.
const FONT_SUMS: &str = include_str!("../fonts/SHA256SUMS");

/// The SHA-256 of a bundled font file by its file name, in hex.
pub fn font_sha256(file: &str) -> Option<&'static str> {
    FONT_SUMS.lines().find_map(|line| {
        let (sum, name) = line.split_once("  ")?;
        (name.trim() == file).then_some(sum)
    })
}
