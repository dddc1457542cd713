//! PDF-ready data: the display list serialised as JSON or RON (see `docs/pdf-ready-data.md`).

use std::io::Write as _;

use serde::Serialize;

use crate::layout::{EditionLayout, Item, PageLayout};
use crate::model::Rect;
use crate::resources::Resources;
use crate::text::{FontBook, FontId, Place};

/// A font the data refers to by `FontId`.
#[derive(Serialize)]
struct FontEntry<'a> {
    id: FontId,
    /// The file's name in the bundle's `fonts/` folder (`place` "bundled"), else its path.
    file: &'a str,
    place: Place,
    /// SHA-256 of the whole file, in hex.
    sha256: &'a str,
    /// Face index inside the file.
    index: u32,
    family: &'a str,
    bold: bool,
    italic: bool,
}

#[derive(Serialize)]
struct PageOut<'a> {
    index: usize,
    label: &'a str,
    width: f32,
    height: f32,
    trim: Rect,
    bleed: f32,
    bleed_box: Rect,
    /// `editing` (编辑中), `review` (待审) or `signed-off` (已签发).
    status: &'static str,
    /// Who signed the page off, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    signed_off_by: Option<&'a str>,
    items: &'a [Item],
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    unit: &'static str,
    origin: &'static str,
    fonts: Vec<FontEntry<'a>>,
    pages: Vec<PageOut<'a>>,
}

/// The output form, chosen from the file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Json,
    Ron,
}

impl DataFormat {
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some("ron") => Self::Ron,
            _ => Self::Json,
        }
    }
}

fn document<'a>(layout: &'a EditionLayout, pages: &[usize], book: &'a FontBook) -> Document<'a> {
    let chosen: Vec<&PageLayout> = pages.iter().filter_map(|&i| layout.pages.get(i)).collect();
    let mut used: Vec<FontId> = chosen
        .iter()
        .flat_map(|p| p.runs().map(|r| r.font))
        .collect();
    used.sort_unstable();
    used.dedup();
    Document {
        format: "broadsheet-pdf-ready-data",
        version: 1,
        unit: "pt",
        origin: "top-left of the trim, y down",
        fonts: used
            .into_iter()
            .map(|id| {
                let f = book.face(id);
                FontEntry {
                    id,
                    file: &f.file,
                    place: f.place,
                    sha256: f.sha256(),
                    index: f.index,
                    family: &f.family,
                    bold: f.bold,
                    italic: f.italic,
                }
            })
            .collect(),
        pages: chosen
            .into_iter()
            .map(|p| PageOut {
                index: p.index,
                label: &p.label,
                width: p.width,
                height: p.height,
                trim: Rect::new(0.0, 0.0, p.width, p.height),
                bleed: p.bleed,
                bleed_box: Rect::new(
                    -p.bleed,
                    -p.bleed,
                    p.width + 2.0 * p.bleed,
                    p.height + 2.0 * p.bleed,
                ),
                status: p.status.key(),
                signed_off_by: p.status.signer(),
                items: &p.items,
            })
            .collect(),
    }
}

/// Writes the chosen pages of a layout to `out`, as it serialises: a 2,000-page edition's
/// data is never held as one string.
pub fn write(
    layout: &EditionLayout,
    pages: &[usize],
    resources: &dyn Resources,
    format: DataFormat,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let doc = document(layout, pages, resources.fonts());
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    match format {
        DataFormat::Json => serde_json::to_writer_pretty(&mut out, &doc).map_err(|e| {
            // The display list always serialises, so only the writer can fail.
            e.io_error_kind().map_or_else(
                || std::io::Error::other(e.to_string()),
                std::io::Error::from,
            )
        })?,
        DataFormat::Ron => ron::Options::default()
            .to_io_writer_pretty(
                &mut out,
                &doc,
                ron::ser::PrettyConfig::new().struct_names(true),
            )
            .map_err(|e| match e {
                ron::Error::Io(msg) => std::io::Error::other(msg),
                e => std::io::Error::other(e.to_string()),
            })?,
    }
    out.flush()
}

/// Serialises the chosen pages of a layout into a string (small exports and tests; files
/// are written with [`write`]).
pub fn to_string(
    layout: &EditionLayout,
    pages: &[usize],
    resources: &dyn Resources,
    format: DataFormat,
) -> String {
    let mut bytes = Vec::new();
    write(layout, pages, resources, format, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("JSON and RON are UTF-8")
}
