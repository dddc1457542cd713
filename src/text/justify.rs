//! Setting a chosen line to its measure: trim its ends, then squeeze or spread it in the order
//! clreq gives, and place every character.

use super::class::Class;
use super::linebreak::{EPS, Line};
use super::prepare::Paragraph;
use crate::model::Align;

/// One kind of adjustable space on a line, with how much each place can give or take.
struct Level {
    /// (character index, capacity, side) — side true: space after the character.
    places: Vec<(usize, f32)>,
}

impl Level {
    fn total(&self) -> f32 {
        self.places.iter().map(|p| p.1).sum()
    }
}

/// Lays out characters `start..end` at `width` (indent included).
pub(super) fn set_line(
    par: &Paragraph,
    start: usize,
    end: usize,
    hyphen: bool,
    indent: f32,
    width: f32,
    last: bool,
) -> Line {
    let em = par.opts.em();
    let tracking = par.opts.tracking_em * em;
    let count = end - start;
    let visible_end = (start..end)
        .rev()
        .find(|&i| par.classes[i] != Class::Space)
        .map_or(start, |i| i + 1);

    // Widths before adjustment: trims at both ends, spaces only between visible characters.
    let mut advance: Vec<f32> = (start..end).map(|i| par.adv[i]).collect();
    let mut shift: Vec<f32> = (start..end).map(|i| par.left_removed[i]).collect();
    let mut after = vec![0.0_f32; count];
    if par.classes[start] == Class::Opening {
        advance[0] -= par.left_adj[start];
        shift[0] += par.left_adj[start];
    }
    if visible_end > start {
        let l = visible_end - 1 - start;
        advance[l] -= par.right_adj[visible_end - 1];
    }
    for i in visible_end..end {
        advance[i - start] = 0.0;
    }
    for i in start..visible_end.saturating_sub(1) {
        if par.classes[i] != Class::Space && par.classes[i + 1] != Class::Space {
            after[i - start] = tracking;
        }
        after[i - start] += par.gap[i];
    }
    let hyphen_width = if hyphen {
        par.measured.hyphen.map_or(0.0, |h| h.advance)
    } else {
        0.0
    };
    let natural: f32 = advance.iter().sum::<f32>() + after.iter().sum::<f32>() + hyphen_width;
    let target = width - indent;
    let justify = par.opts.align == Align::Justify && !last;
    // A line chosen by push-in is squeezed whatever its alignment: it must fit its measure.
    if natural > target + EPS {
        squeeze(
            par,
            start,
            visible_end,
            natural - target,
            &mut advance,
            &mut shift,
            &mut after,
        );
    } else if justify && natural < target - EPS {
        spread(
            par,
            start,
            visible_end,
            target - natural,
            &mut advance,
            &mut after,
        );
    }
    let set: f32 = advance.iter().sum::<f32>() + after.iter().sum::<f32>() + hyphen_width;
    let offset = match par.opts.align {
        Align::Center if !justify || last => (target - set) / 2.0,
        Align::Right => target - set,
        _ => 0.0,
    };
    let mut x = Vec::with_capacity(count);
    let mut ends = Vec::with_capacity(count);
    let mut pen = indent + offset;
    for k in 0..count {
        x.push(pen - shift[k]);
        ends.push(pen + advance[k]);
        pen += advance[k] + after[k];
    }
    // The width the characters really take, measured from their positions: for a justified
    // line it equals the measure when squeezing or spreading succeeded.
    let width = pen + hyphen_width;
    Line {
        start,
        end,
        x,
        ends,
        advance,
        width,
        indent,
        natural: indent + natural,
        hyphen,
        last,
    }
}

/// Takes `need` points out of a line, in clreq's shrink order: Latin word spaces (to ¼ em),
/// bracket outer halves, `，、；：`, Han–Latin spacing (to ⅛ em), then `。？！`.
fn squeeze(
    par: &Paragraph,
    start: usize,
    visible_end: usize,
    mut need: f32,
    advance: &mut [f32],
    shift: &mut [f32],
    after: &mut [f32],
) {
    let em = par.opts.em();
    let mid = start..visible_end.saturating_sub(1);
    let spaces = Level {
        places: (start..visible_end)
            .filter(|&i| par.classes[i] == Class::Space)
            .map(|i| (i, (advance[i - start] - 0.25 * em).max(0.0)))
            .collect(),
    };
    let open_left = Level {
        places: (start + 1..visible_end)
            .filter(|&i| par.classes[i] == Class::Opening)
            .map(|i| (i, par.left_adj[i]))
            .collect(),
    };
    let right_of = |classes: &[Class]| Level {
        places: mid
            .clone()
            .filter(|&i| classes.contains(&par.classes[i]))
            .map(|i| (i, par.right_adj[i]))
            .collect(),
    };
    let han_latin = Level {
        places: mid
            .clone()
            .filter(|&i| par.gap[i] > 0.0)
            .map(|i| (i, (par.gap[i] - 0.125 * em).max(0.0)))
            .collect(),
    };
    let ladder = [
        (spaces, Side::Width),
        (open_left, Side::Left),
        (right_of(&[Class::Closing]), Side::Width),
        (right_of(&[Class::Comma]), Side::Width),
        (han_latin, Side::After),
        (right_of(&[Class::Stop]), Side::Width),
    ];
    for (level, side) in ladder {
        let total = level.total();
        if need <= EPS * 0.1 || total <= 0.0 {
            continue;
        }
        let take = need.min(total);
        for (i, cap) in level.places {
            let d = take * cap / total;
            match side {
                Side::Width => advance[i - start] -= d,
                Side::Left => {
                    advance[i - start] -= d;
                    shift[i - start] += d;
                }
                Side::After => after[i - start] -= d,
            }
        }
        need -= take;
    }
}

#[derive(Clone, Copy)]
enum Side {
    /// Narrow the character's own cell on its right.
    Width,
    /// Narrow the cell on its left (the glyph moves left with it).
    Left,
    /// Narrow the space after the character.
    After,
}

/// Adds `extra` points to a line: Latin word spaces up to ½ em, Han–Latin spacing up to ⅓ em,
/// then every other gap between characters equally — never inside Latin words, numbers, `——`
/// or `……`.
fn spread(
    par: &Paragraph,
    start: usize,
    visible_end: usize,
    mut extra: f32,
    advance: &mut [f32],
    after: &mut [f32],
) {
    let em = par.opts.em();
    let spaces: Vec<usize> = (start..visible_end)
        .filter(|&i| par.classes[i] == Class::Space)
        .collect();
    let space_room: Vec<(usize, f32)> = spaces
        .iter()
        .map(|&i| (i, (0.5 * em - advance[i - start]).max(0.0)))
        .collect();
    extra -= fill(&space_room, extra, |i, d| advance[i - start] += d);
    let mid = start..visible_end.saturating_sub(1);
    let han_latin: Vec<(usize, f32)> = mid
        .clone()
        .filter(|&i| par.gap[i] > 0.0)
        .map(|i| (i, (em / 3.0 - par.gap[i]).max(0.0)))
        .collect();
    extra -= fill(&han_latin, extra, |i, d| after[i - start] += d);
    if extra <= EPS * 0.1 {
        return;
    }
    let gaps: Vec<usize> = mid.filter(|&i| spreadable_gap(par, i)).collect();
    if !gaps.is_empty() {
        let each = extra / gaps.len() as f32;
        for i in gaps {
            after[i - start] += each;
        }
    } else if !spaces.is_empty() {
        // A Latin line with nothing else to give: spaces grow past their limit.
        let each = extra / spaces.len() as f32;
        for i in spaces {
            advance[i - start] += each;
        }
    }
}

/// Distributes up to `amount` over places in proportion to their room; returns what it used.
fn fill(places: &[(usize, f32)], amount: f32, mut apply: impl FnMut(usize, f32)) -> f32 {
    let room: f32 = places.iter().map(|p| p.1).sum();
    if room <= 0.0 || amount <= 0.0 {
        return 0.0;
    }
    let used = amount.min(room);
    for &(i, r) in places {
        apply(i, used * r / room);
    }
    used
}

/// May the space between characters `i` and `i + 1` grow when a Chinese line is spread?
fn spreadable_gap(par: &Paragraph, i: usize) -> bool {
    let (a, b) = (par.classes[i], par.classes[i + 1]);
    let wordish = |c: Class| matches!(c, Class::Latin | Class::Digit | Class::Other);
    if a == Class::Space || b == Class::Space || (wordish(a) && wordish(b)) {
        return false;
    }
    // Never inside `——` or `……`.
    !(matches!(a, Class::Dash | Class::Ellipsis) && par.chars[i] == par.chars[i + 1])
}
