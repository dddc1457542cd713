//! A composed column as glyph runs: upright glyphs down the column's centre line (numbers of one
//! or two digits side by side across their cell, 纵中横, are upright glyphs too, offset across),
//! and sideways stretches turned a quarter clockwise about their baseline.

use crate::layout::display::{Item, PlacedRun, Point, RunDirection};
use crate::layout::setting::{BASELINE_EM, Owner};
use crate::model::ParagraphStyle;
use crate::text::class::Class;
use crate::text::vertical::Orientation;
use crate::text::{FontId, Glyph, Line, Paragraph};

/// A glyph of the column: the character it shows, where its pen is down the column, and its
/// offsets from the pen (upright: from the column's centre line; sideways: along and across
/// its own baseline).
#[derive(Clone, Copy)]
struct Placed {
    char_index: usize,
    font: FontId,
    id: u16,
    along: f32,
    x_offset: f32,
    y_offset: f32,
    sideways: bool,
}

/// Places column `line` of `par` with its centre line at `centre` and its top at `top`: the
/// composer's positions along the line are lengths down the column.
pub fn place_column(
    par: &Paragraph,
    line: &Line,
    (centre, top): (f32, f32),
    style: &ParagraphStyle,
    owner: &Owner,
    out: &mut Vec<Item>,
) {
    let visible_end = (line.start..line.end)
        .rev()
        .find(|&i| par.classes[i] != Class::Space)
        .map_or(line.start, |i| i + 1);
    let placed = placed_glyphs(par, line, visible_end);
    let size = par.opts.size;
    // Byte offset of each of the column's characters from its first: clusters are mapped once.
    let mut bytes = Vec::with_capacity(line.end - line.start + 1);
    let mut b = 0;
    for c in &par.chars[line.start..line.end] {
        bytes.push(b);
        b += c.len_utf8() as u32;
    }
    bytes.push(b);
    let mut i = 0;
    while i < placed.len() {
        let first = placed[i];
        // One run per face and per way the glyphs stand.
        let end = i + placed[i..]
            .iter()
            .take_while(|p| p.font == first.font && p.sideways == first.sideways)
            .count();
        let group = &placed[i..end];
        let text_end = placed
            .get(end)
            .map_or(visible_end, |p| p.char_index)
            .min(visible_end)
            .max(first.char_index + 1);
        let cluster = |ci: usize| bytes[ci - line.start] - bytes[first.char_index - line.start];
        // Each glyph's advance reaches the next glyph's pen, or its own cell's end (a trimmed
        // or spread cell is what the composer set).
        let glyphs: Vec<Glyph> = group
            .iter()
            .enumerate()
            .map(|(j, p)| {
                let next = group
                    .get(j + 1)
                    .map_or(line.ends[p.char_index - line.start], |n| n.along);
                Glyph {
                    id: p.id,
                    advance: next - p.along,
                    x_offset: p.x_offset,
                    y_offset: p.y_offset,
                    cluster: cluster(p.char_index),
                }
            })
            .collect();
        let (x, direction) = if first.sideways {
            // Turned clockwise, the letters' tops face right: the baseline sits left of the
            // centre line by the distance from it to the em box's middle.
            (centre - (BASELINE_EM - 0.5) * size, RunDirection::Rotated)
        } else {
            (centre, RunDirection::Vertical)
        };
        out.push(Item::GlyphRun(PlacedRun {
            font: first.font,
            size,
            scale: 1.0,
            color: style.color,
            origin: Point {
                x,
                y: top + first.along,
            },
            glyphs: glyphs.into(),
            text: par.slice(first.char_index, text_end).into(),
            role: owner.role,
            story: owner.story.clone(),
            frame: owner.frame.clone(),
            direction,
        }));
        i = end;
    }
}

/// The column's glyphs in order with their pens, trailing spaces left out. The digits of a
/// number set across one cell share the cell's pen and sit side by side, centred across the
/// column, on the baseline an upright Han character in that cell would have.
fn placed_glyphs(par: &Paragraph, line: &Line, visible_end: usize) -> Vec<Placed> {
    // Glyphs are in logical order, so the column's are one slice found by binary search.
    let glyphs = &par.measured.glyphs;
    let first = glyphs.partition_point(|g| g.char_index < line.start);
    let last = first + glyphs[first..].partition_point(|g| g.char_index < visible_end);
    let glyphs = &glyphs[first..last];
    let orientation = |ci: usize| {
        par.measured
            .orientation
            .get(ci)
            .copied()
            .unwrap_or_default()
    };
    let size = par.opts.size;
    let mut out = Vec::with_capacity(glyphs.len());
    let mut cluster_pen = (usize::MAX, 0.0_f32);
    let mut i = 0;
    while i < glyphs.len() {
        let g = glyphs[i];
        let k = g.char_index - line.start;
        if orientation(g.char_index) == Orientation::Across {
            let n = glyphs[i..]
                .iter()
                .take_while(|h| orientation(h.char_index) == Orientation::Across)
                .count();
            let group = &glyphs[i..i + n];
            let width: f32 = group.iter().map(|h| h.advance).sum();
            let cell = line.ends[k] - line.x[k];
            let baseline = (cell - size) / 2.0 + BASELINE_EM * size;
            let mut across = -width / 2.0;
            for h in group {
                out.push(Placed {
                    char_index: h.char_index,
                    font: h.font,
                    id: h.id,
                    along: line.x[k],
                    x_offset: across + h.x_offset,
                    y_offset: baseline + h.y_offset,
                    sideways: false,
                });
                across += h.advance;
            }
            i += n;
            continue;
        }
        if cluster_pen.0 != g.char_index {
            cluster_pen = (g.char_index, 0.0);
        }
        out.push(Placed {
            char_index: g.char_index,
            font: g.font,
            id: g.id,
            along: line.x[k] + cluster_pen.1,
            x_offset: g.x_offset,
            y_offset: g.y_offset,
            sideways: orientation(g.char_index) == Orientation::Sideways,
        });
        cluster_pen.1 += g.advance;
        i += 1;
    }
    out
}
