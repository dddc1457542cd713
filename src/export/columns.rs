//! Vertical columns (竖排) in the PDF: drawn as the display list says, and read back in column
//! order.
//!
//! PDF readers order text by the direction its glyphs are drawn in. Upright glyphs stacked in
//! columns are, to them, one-character lines, and side-by-side columns read across as rows
//! (`pdftotext` mixes the columns of a vertical headline line by line). A PDF could say
//! "vertical" with a font in vertical writing mode (`Identity-V`), but krilla writes horizontal
//! fonts only. So every run of a column is drawn twice:
//! - its outlines, exactly where the display list puts them, with ink and no text;
//! - its glyphs as text along the column, turned a quarter clockwise and painted with no ink.
//!
//! Readers then see each column as one line read top to bottom, the next column to its left:
//! the reading order of vertical Chinese. The text of all the columns of one frame is set at one
//! size (the frame's largest), stretched along the column to the glyphs' own spacing, so that a
//! reader groups a headline's kicker, headline and byline columns into one block, in order.

use std::collections::HashMap;

use krilla::geom::{Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::pdf::text_glyphs;
use crate::layout::setting::BASELINE_EM;
use crate::layout::{PageLayout, PlacedRun, RunDirection};
use crate::model::FrameId;

/// The size each frame's column text is set at in the PDF: its largest column run's.
pub(super) fn text_sizes(page: &PageLayout) -> HashMap<&FrameId, f32> {
    let mut sizes: HashMap<&FrameId, f32> = HashMap::new();
    for run in page.runs().filter(|r| !r.direction.is_horizontal()) {
        let size = sizes.entry(&run.frame).or_insert(run.size);
        *size = size.max(run.size);
    }
    sizes
}

/// Draws a run of a column (upright or sideways): its outlines in `ink`, then its text along
/// the column at `text_size`, invisible.
pub(super) fn draw_column(
    surface: &mut Surface,
    run: &PlacedRun,
    font: Font,
    ink: Fill,
    text_size: f32,
) {
    let size = run.size;
    let o = run.origin;
    surface.set_fill(Some(ink.clone()));
    // What prints. krilla's y offsets point up, the display list's down the page.
    let baseline = if run.direction == RunDirection::Rotated {
        let glyphs: Vec<KrillaGlyph> = run
            .glyphs
            .iter()
            .map(|g| {
                outline(
                    g.id,
                    g.advance / size,
                    g.x_offset / size,
                    -g.y_offset / size,
                )
            })
            .collect();
        surface.push_transform(&Transform::from_row(0.0, 1.0, -1.0, 0.0, o.x, o.y));
        surface.draw_glyphs(
            Point::from_xy(0.0, 0.0),
            &glyphs,
            font.clone(),
            "",
            size,
            true,
        );
        surface.pop();
        o.x
    } else {
        // Upright: each outline at its own origin, placed from the run's by offsets.
        let glyphs: Vec<KrillaGlyph> = run
            .glyph_origins()
            .map(|(at, g)| outline(g.id, 0.0, (at.x - o.x) / size, (o.y - at.y) / size))
            .collect();
        surface.draw_glyphs(
            Point::from_xy(o.x, o.y),
            &glyphs,
            font.clone(),
            "",
            size,
            true,
        );
        // The baseline a sideways run in this column has.
        o.x - (BASELINE_EM - 0.5) * size
    };
    // What reads: the glyphs as text down the column, their advances stretched from
    // `text_size` to the run's. Glyphs that share a cell (a number across one) share its
    // length, so readers do not take them for one glyph printed twice.
    let along = shared_cells(run);
    let glyphs = text_glyphs(run, |i, _| along[i] / size, |_, _| 0.0, |_, _| 0.0);
    surface.push_transform(&Transform::from_row(
        0.0,
        size / text_size,
        -1.0,
        0.0,
        baseline,
        o.y,
    ));
    surface.set_fill(Some(Fill {
        opacity: NormalizedF32::ZERO,
        ..ink
    }));
    surface.draw_glyphs(
        Point::from_xy(0.0, 0.0),
        &glyphs,
        font,
        &run.text,
        text_size,
        false,
    );
    surface.pop();
}

fn outline(id: u16, x_advance: f32, x_offset: f32, y_offset: f32) -> KrillaGlyph {
    KrillaGlyph::new(
        GlyphId::new(u32::from(id)),
        x_advance,
        x_offset,
        y_offset,
        0.0,
        0..0,
        None,
    )
}

/// Each glyph's length down the column for the text layer: its advance, except that glyphs
/// sharing a pen (all but the last with no advance) split the cell they share evenly.
fn shared_cells(run: &PlacedRun) -> Vec<f32> {
    let mut out: Vec<f32> = run.glyphs.iter().map(|g| g.advance).collect();
    let mut start = 0;
    for i in 0..out.len() {
        if out[i] != 0.0 {
            let share = out[i] / (i - start + 1) as f32;
            out[start..=i].fill(share);
            start = i + 1;
        }
    }
    out
}
