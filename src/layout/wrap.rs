//! Text wrap (图文互斥): where the frames that wrap leave room for body lines.
//!
//! Wrap works on the baseline grid, one column at a time. A line's band is its grid cell (top
//! of the cell to the top of the next). Every wrapping frame on the page whose rectangle, grown
//! by its offset, meets the band takes its part of the column away. What is left is used when
//! it is one piece at least [`MIN_WRAP_CHARS`] 字 wide; otherwise the line is skipped. So a
//! column-wide photo skips the lines it covers (the common newspaper behaviour), and a photo
//! over one side of a wide column shortens the lines beside it. A piece between two obstacles
//! counts as well; two pieces (an obstacle inside the column) skip the line, since a line read
//! across a photo loses its reader.

use crate::model::{Frame, FrameKind, MIN_WRAP_CHARS, Page, PageTemplate, Rect};

/// How far an obstacle must reach into a band or a column to count, in points: rectangles that
/// only touch (a photo ending exactly on a grid line) leave the line alone.
const TOUCH: f32 = 0.01;

/// The columns of a text frame as `(x, width)`, inside the frame's inset.
pub fn text_columns(frame: &Frame, template: &PageTemplate) -> Vec<(f32, f32)> {
    let FrameKind::Text {
        columns, gutter, ..
    } = &frame.kind
    else {
        return Vec::new();
    };
    let r = frame.text_rect();
    let cols = (*columns).max(1);
    let gutter = gutter.map_or(template.gutter_width().0, |g| g.pt().0);
    let col_w = (r.w.0 - gutter * f32::from(cols - 1)) / f32::from(cols);
    (0..cols)
        .map(|c| (r.x.0 + f32::from(c) * (col_w + gutter), col_w))
        .collect()
}

/// The wrap rectangles on `page` that keep text out of `frame`: every other frame's that wraps
/// and meets it. A frame never wraps its own text.
pub fn obstacles(page: &Page, frame: &Frame) -> Vec<Rect> {
    page.frames
        .iter()
        .filter(|o| o.id != frame.id)
        .filter_map(Frame::wrap_rect)
        .filter(|r| r.overlaps(&frame.rect))
        .collect()
}

/// Where a line of the column `(x, width)` with its grid band from `top` to `bottom` can go:
/// `Some((x, width))`, the whole column when nothing is in the way; None when the line is
/// skipped. `em` is the body size: a shortened line keeps whole 字 (so Chinese lines stay
/// solid-set) and at least [`MIN_WRAP_CHARS`] of them.
pub fn line_span(
    (x, width): (f32, f32),
    (top, bottom): (f32, f32),
    obstacles: &[Rect],
    em: f32,
) -> Option<(f32, f32)> {
    let right = x + width;
    // The parts of the column the obstacles in this band cover, as intervals.
    let mut blocked: Vec<(f32, f32)> = obstacles
        .iter()
        .filter(|o| o.y.0 < bottom - TOUCH && o.bottom().0 > top + TOUCH)
        .filter(|o| o.x.0 < right - TOUCH && o.right().0 > x + TOUCH)
        .map(|o| (o.x.0.max(x), o.right().0.min(right)))
        .collect();
    if blocked.is_empty() {
        return Some((x, width));
    }
    // The free pieces are the gaps between the blocked intervals, sorted left to right.
    blocked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut free = Vec::new();
    let mut pen = x;
    for (from, to) in blocked {
        if from > pen + TOUCH {
            free.push((pen, from));
        }
        pen = pen.max(to);
    }
    if right > pen + TOUCH {
        free.push((pen, right));
    }
    let [(from, to)] = free[..] else {
        return None;
    };
    let em = em.max(1.0);
    let chars = ((to - from) / em + 0.001).floor();
    if chars < MIN_WRAP_CHARS {
        return None;
    }
    let w = chars * em;
    // The shortened line keeps to the column edge it touches, away from the obstacle.
    let start = if (from - x).abs() <= TOUCH {
        from
    } else {
        to - w
    };
    Some((start, w))
}

/// Columns a wrap leaves too narrow: `(column index, width left in 字)` for every column of
/// `frame` where an obstacle leaves a sliver of 0 < width < [`MIN_WRAP_CHARS`] 字 beside it.
/// Lines there are skipped, which leaves a white gap the designer should see.
pub fn narrow_columns(
    frame: &Frame,
    template: &PageTemplate,
    obstacles: &[Rect],
    em: f32,
) -> Vec<(usize, f32)> {
    let em = em.max(1.0);
    let r = frame.text_rect();
    let mut out = Vec::new();
    for (i, (x, w)) in text_columns(frame, template).into_iter().enumerate() {
        let right = x + w;
        let narrowest = obstacles
            .iter()
            .filter(|o| o.y.0 < r.bottom().0 - TOUCH && o.bottom().0 > r.y.0 + TOUCH)
            .filter(|o| o.x.0 < right - TOUCH && o.right().0 > x + TOUCH)
            .flat_map(|o| [o.x.0 - x, right - o.right().0])
            // A sliver under half a point is the obstacle lining up with the column edge.
            .filter(|left| *left > 0.5 && *left < MIN_WRAP_CHARS * em)
            .fold(f32::INFINITY, f32::min);
        if narrowest.is_finite() {
            out.push((i, narrowest / em));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMN: (f32, f32) = (100.0, 100.0);
    const BAND: (f32, f32) = (50.0, 62.0);

    #[test]
    fn a_line_nothing_covers_keeps_the_whole_column() {
        let far = Rect::new(100.0, 70.0, 100.0, 50.0);
        assert_eq!(line_span(COLUMN, BAND, &[far], 10.0), Some(COLUMN));
    }

    #[test]
    fn an_obstacle_ending_on_the_bands_top_leaves_the_line_alone() {
        let above = Rect::new(100.0, 0.0, 100.0, 50.0);
        assert_eq!(line_span(COLUMN, BAND, &[above], 10.0), Some(COLUMN));
    }

    #[test]
    fn a_column_wide_obstacle_skips_the_line() {
        let over = Rect::new(90.0, 40.0, 200.0, 15.0);
        assert_eq!(line_span(COLUMN, BAND, &[over], 10.0), None);
    }

    #[test]
    fn an_obstacle_on_one_side_shortens_the_line_to_whole_characters_on_the_other() {
        // 45 pt left on the right: 4 whole 字 of 10 pt, kept to the column's right edge.
        let left = Rect::new(90.0, 40.0, 65.0, 40.0);
        assert_eq!(line_span(COLUMN, BAND, &[left], 10.0), Some((160.0, 40.0)));
        let right = Rect::new(155.0, 40.0, 65.0, 40.0);
        assert_eq!(line_span(COLUMN, BAND, &[right], 10.0), Some((100.0, 50.0)));
    }

    #[test]
    fn fewer_than_three_characters_left_skip_the_line() {
        let wide = Rect::new(90.0, 40.0, 85.0, 40.0);
        assert_eq!(line_span(COLUMN, BAND, &[wide], 10.0), None);
    }

    #[test]
    fn an_obstacle_inside_the_column_skips_the_line() {
        let inside = Rect::new(140.0, 40.0, 20.0, 40.0);
        assert_eq!(line_span(COLUMN, BAND, &[inside], 5.0), None);
    }
}
