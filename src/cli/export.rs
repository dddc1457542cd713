//! `broadsheet export`: PDF (for the press or as a proof), PDF-ready data and PNG, all staged
//! and put in place together.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::count;
use super::server::open_source;
use crate::model::{Severity, io};
use crate::{layout, resources};

/// How the press PDF departs from the house's settings.
pub(super) struct PressFlags {
    pub pdfx: bool,
    pub no_overprint: bool,
    /// Percent; None for the house's.
    pub ink_limit: Option<f32>,
}

/// What `export` writes.
pub(super) struct Outputs<'a> {
    pub data: Option<&'a Path>,
    pub pdf: Option<&'a Path>,
    pub bleed: f32,
    pub marks: bool,
    pub pdfa: bool,
    /// None for a proof PDF.
    pub press: Option<PressFlags>,
    pub max_ppi: Option<f32>,
    pub png: Option<&'a Path>,
    pub dpi: f32,
}

pub(super) fn run(file: &Path, outputs: &Outputs, pages: Option<&str>) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        outputs.data.is_some() || outputs.pdf.is_some() || outputs.png.is_some(),
        "nothing to export\nhint: name an output with --pdf OUT.pdf, --data OUT.json or --png OUT.png"
    );
    let data = outputs.data;
    let (edition, origin) = open_source(file)?;
    let assets = std::sync::Arc::new(resources::Assets::new(origin, &[]));
    let pages = match pages {
        Some(spec) => crate::export::parse_page_range(spec, edition.pages.len())
            .map_err(anyhow::Error::msg)?,
        None => (0..edition.pages.len()).collect(),
    };
    let pdf_options = outputs
        .pdf
        .map(|_| pdf_options(outputs, &edition.press, &pages));
    // A press PDF's photos are separated on another core while the edition is laid out.
    let early = pdf_options
        .as_ref()
        .and_then(|opts| crate::export::pdf::EarlyPhotos::start(&edition, &*assets, opts));
    let laid = layout::layout(&edition, &*assets);
    if outputs.png.is_some() {
        check_raster(&laid, &pages, outputs.dpi)?;
    }
    for d in laid
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        eprintln!("{d}");
    }
    // Every output is staged beside its target first and renamed into place only when all
    // of them were written: a failure halfway leaves the previous files as they were.
    let mut staged: Vec<(io::Staged, String)> = Vec::new();
    let stage = |path: &Path, bytes: &[u8]| {
        io::Staged::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
    };
    if let Some(out) = data {
        let format = crate::export::data::DataFormat::from_path(out);
        let written = io::Staged::write_with(out, |f| {
            crate::export::data::write(&laid, &pages, &*assets, format, f)
        })
        .with_context(|| format!("{}: cannot write", out.display()))?;
        staged.push((
            written,
            format!("wrote {} ({})", out.display(), count(pages.len(), "page")),
        ));
    }
    if let (Some(out), Some(opts)) = (outputs.pdf, pdf_options) {
        let bytes = crate::export::pdf::export_with(&laid, &*assets, &opts, early)?;
        // The plant's preflight rejects RGB images in a press PDF: check the file as written.
        if opts.press.is_some() {
            let rgb = crate::export::press::rgb_images(&bytes).unwrap_or_default();
            if !rgb.is_empty() {
                eprintln!(
                    "warning[rgb-image]: {} RGB image(s) left in the press PDF\nhint: the plant's RIP would convert them with a profile nobody chose",
                    rgb.len()
                );
            }
        }
        staged.push((
            stage(out, &bytes)?,
            format!(
                "wrote {} ({}, {} KB)",
                out.display(),
                count(pages.len(), "page"),
                bytes.len() / 1024
            ),
        ));
    }
    if let Some(out) = outputs.png {
        let mut renderer = crate::render::Renderer::new(assets.clone());
        renderer.set_press(laid.meta.press);
        for &i in &pages {
            let path = if pages.len() == 1 {
                out.to_path_buf()
            } else {
                let stem = out
                    .file_stem()
                    .map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
                out.with_file_name(format!("{stem}-{}.png", i + 1))
            };
            let png = renderer
                .try_render(&laid.pages[i], outputs.dpi / 72.0)?
                .encode_png()
                .map_err(|e| anyhow::anyhow!("cannot encode PNG: {e}"))?;
            staged.push((stage(&path, &png)?, format!("wrote {}", path.display())));
        }
    }
    for (file, message) in staged {
        file.commit()
            .context("cannot put an exported file in place")?;
        eprintln!("{message}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The PDF the command line asks for, with the edition's press settings under its flags.
fn pdf_options(
    outputs: &Outputs,
    house: &crate::model::PressSettings,
    pages: &[usize],
) -> crate::export::pdf::PdfOptions {
    crate::export::pdf::PdfOptions {
        pages: pages.to_vec(),
        bleed: outputs.bleed,
        marks: outputs.marks,
        pdfa: outputs.pdfa,
        max_ppi: outputs.max_ppi,
        press: outputs.press.as_ref().map(|flags| {
            let mut settings = *house;
            if let Some(limit) = flags.ink_limit {
                settings.ink_limit_pct = limit;
            }
            let mut press = crate::export::pdf::Press::of(&settings);
            if flags.no_overprint {
                press.overprint = None;
            }
            press.pdfx = flags.pdfx;
            press
        }),
    }
}

/// Refuses a `--dpi` that is not a positive number or would make a page's image larger than
/// the renderer's limits, before anything is written.
fn check_raster(laid: &layout::EditionLayout, pages: &[usize], dpi: f32) -> anyhow::Result<()> {
    for &i in pages {
        let page = &laid.pages[i];
        if let Err(e) = crate::render::raster_size(page.width, page.height, dpi / 72.0) {
            let longest = page.width.max(page.height).max(1.0);
            let most = (crate::render::MAX_SIDE_PX as f32 / longest * 72.0)
                .min(
                    ((crate::render::MAX_PIXELS as f32)
                        / page.width.max(1.0)
                        / page.height.max(1.0))
                    .sqrt()
                        * 72.0,
                )
                .floor();
            anyhow::bail!(
                "--dpi {dpi}: page {}: {e}\nhint: this page renders at up to {most} dpi",
                i + 1
            );
        }
    }
    Ok(())
}
