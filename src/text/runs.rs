//! A composed line as positioned glyph runs: what page layout places and the PDF, canvas and
//! raster renderers draw.

use serde::Serialize;

use super::fonts::FontId;
use super::linebreak::Line;
use super::prepare::Paragraph;

/// One glyph of a run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Glyph {
    pub id: u16,
    /// Distance from this glyph's origin to the next one's, justification included.
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset in the run's text of the first character this glyph shows.
    pub cluster: u32,
}

/// Glyphs of one face at one size, drawn from `x` along the line's baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GlyphRun {
    pub font: FontId,
    pub size: f32,
    /// Horizontal scale of the glyph outlines (1.0 = 100%); advances are already scaled.
    pub scale: f32,
    /// Origin of the first glyph, relative to the line's left edge.
    pub x: f32,
    /// The characters the glyphs show; `Glyph::cluster` indexes into it.
    pub text: String,
    pub glyphs: Vec<Glyph>,
}

impl Line {
    /// The line's glyphs as runs, one per face change. Empty under abstract metrics.
    pub fn glyph_runs(&self, par: &Paragraph) -> Vec<GlyphRun> {
        let size = par.opts.size;
        let visible_end = (self.start..self.end)
            .rev()
            .find(|&i| par.classes[i] != super::class::Class::Space)
            .map_or(self.start, |i| i + 1);
        let mut placed: Vec<(FontId, usize, f32, super::ShapedGlyph)> = Vec::new();
        let mut cluster_pen = (usize::MAX, 0.0_f32);
        // Glyphs are in logical order, so the line's are one slice found by binary search:
        // filtering the whole paragraph's glyphs for every line would be quadratic.
        let glyphs = &par.measured.glyphs;
        let first = glyphs.partition_point(|g| g.char_index < self.start);
        let last = first + glyphs[first..].partition_point(|g| g.char_index < self.end);
        for g in &glyphs[first..last] {
            let k = g.char_index - self.start;
            if self.advance[k] == 0.0 && g.advance > 0.0 {
                continue; // a trailing space, dropped at the line end
            }
            if cluster_pen.0 != g.char_index {
                cluster_pen = (g.char_index, 0.0);
            }
            let origin = self.x[k] + cluster_pen.1;
            cluster_pen.1 += g.advance;
            placed.push((g.font, g.char_index, origin, *g));
        }
        if self.hyphen
            && let Some(h) = par.measured.hyphen
        {
            let end_x = placed.last().map_or(self.indent, |p| p.2 + p.3.advance);
            placed.push((h.font, usize::MAX, end_x, h));
        }
        let mut runs: Vec<GlyphRun> = Vec::new();
        for (i, &(font, char_index, origin, g)) in placed.iter().enumerate() {
            let next_origin = placed.get(i + 1).filter(|n| n.0 == font).map(|n| n.2);
            // The last glyph of a run ends where its character's cell ends on this line.
            let cell_end = self.ends.get(char_index.wrapping_sub(self.start)).copied();
            let advance = next_origin.or(cell_end).map_or(g.advance, |n| n - origin);
            let piece = if char_index == usize::MAX {
                "-".to_owned()
            } else {
                let end = placed
                    .iter()
                    .skip(i + 1)
                    .map(|p| p.1)
                    .find(|&c| c != char_index)
                    .unwrap_or(visible_end)
                    .min(visible_end);
                if placed
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.1 == char_index)
                {
                    String::new() // a further glyph of the same cluster
                } else {
                    par.slice(char_index, end.max(char_index + 1))
                }
            };
            let start_new = runs.last().is_none_or(|r| r.font != font);
            if start_new {
                runs.push(GlyphRun {
                    font,
                    size,
                    scale: par.opts.scale,
                    x: origin,
                    text: String::new(),
                    glyphs: Vec::new(),
                });
            }
            let run = runs.last_mut().expect("a run was just pushed");
            let cluster = if piece.is_empty() {
                run.glyphs.last().map_or(0, |g| g.cluster)
            } else {
                run.text.len() as u32
            };
            run.text.push_str(&piece);
            run.glyphs.push(Glyph {
                id: g.id,
                advance,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                cluster,
            });
        }
        runs
    }
}
