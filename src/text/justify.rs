//! Setting a chosen line to its measure: trim its ends, then squeeze or spread it in the order
//! clreq gives, and place every character.

use super::class::Class;
use super::linebreak::{Break, EPS, Line};
use super::prepare::Paragraph;
use crate::model::Align;

/// Lays out the line from `start` to `brk` at `width` (indent included).
pub(super) fn set_line(
    par: &Paragraph,
    start: usize,
    brk: Break,
    indent: f32,
    width: f32,
    last: bool,
) -> Line {
    let end = brk.end;
    let em = par.opts.em();
    let tracking = par.opts.tracking_em * em;
    let count = end - start;
    let visible_end = (start..end)
        .rev()
        .find(|&i| par.classes[i] != Class::Space)
        .map_or(start, |i| i + 1);
    // A hanging mark stands past the measure: the characters before it fill the line.
    let hang = brk.hang && visible_end > start + 1;
    let fit_end = if hang { visible_end - 1 } else { visible_end };

    // Widths before adjustment: the style's own edge trims, spaces only between visible
    // characters.
    let mut advance: Vec<f32> = (start..end).map(|i| par.adv[i]).collect();
    let mut shift: Vec<f32> = (start..end).map(|i| par.left_removed[i]).collect();
    let mut after = vec![0.0_f32; count];
    if par.opts.trims_line_edges() {
        if par.classes[start] == Class::Opening {
            advance[0] -= par.left_adj[start];
            shift[0] += par.left_adj[start];
        }
        if fit_end > start {
            advance[fit_end - 1 - start] -= par.right_adj[fit_end - 1];
        }
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
    if fit_end > start {
        for (gap, pad) in par.edge_pads(start, fit_end - 1).into_iter().flatten() {
            after[gap - start] += pad;
        }
    }
    let hyphen_width = if brk.hyphen {
        par.measured.hyphen.map_or(0.0, |h| h.advance)
    } else {
        0.0
    };
    let fit = fit_end - start;
    let natural: f32 = advance[..fit].iter().sum::<f32>()
        + after[..fit.saturating_sub(1)].iter().sum::<f32>()
        + hyphen_width;
    let target = width - indent;
    let justify = par.opts.align == Align::Justify && !last;
    let mut adjusted = Adjusted::default();
    // A line chosen by push-in is squeezed whatever its alignment: it must fit its measure.
    if natural > target + EPS {
        adjusted.squeezed_marks = squeeze(
            par,
            start,
            fit_end,
            natural - target,
            &mut advance,
            &mut shift,
            &mut after,
        );
    } else if justify && natural < target - EPS {
        adjusted.spacing = spread(
            par,
            start,
            fit_end,
            target - natural,
            &mut advance,
            &mut after,
        );
    }
    let set: f32 = advance[..fit].iter().sum::<f32>()
        + after[..fit.saturating_sub(1)].iter().sum::<f32>()
        + hyphen_width;
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
    // line it equals the measure when squeezing or spreading succeeded. A hanging mark is
    // outside it.
    let width = if hang {
        ends[fit - 1]
    } else {
        pen + hyphen_width
    };
    Line {
        start,
        end,
        x,
        ends,
        advance,
        width,
        indent,
        natural: indent + natural,
        hyphen: brk.hyphen,
        hang,
        squeezed_marks: adjusted.squeezed_marks,
        spacing: adjusted.spacing,
        last,
    }
}

/// What setting a line changed visibly.
#[derive(Default)]
struct Adjusted {
    squeezed_marks: u16,
    spacing: f32,
}

/// One kind of adjustable space on a line, with how much each place can give.
struct Level {
    places: Vec<(usize, f32)>,
    side: Side,
    /// Marks give up their blank halves whole, one after another from the line's end, so as
    /// few marks as possible change; spaces share the squeeze.
    whole: bool,
}

impl Level {
    fn total(&self) -> f32 {
        self.places.iter().map(|p| p.1).sum()
    }
}

/// Takes `need` points out of a line: first what moves no character visibly (Latin word
/// spaces to ¼ em, Han–Latin spacing to ⅛ em), then the blank halves of the marks at the
/// line's edges, then inside it bracket outer halves, `，、；：` and `。？！` (clreq's order).
/// Returns how many marks were squeezed.
fn squeeze(
    par: &Paragraph,
    start: usize,
    fit_end: usize,
    mut need: f32,
    advance: &mut [f32],
    shift: &mut [f32],
    after: &mut [f32],
) -> u16 {
    let em = par.opts.em();
    let mid = start..fit_end.saturating_sub(1);
    let spaces = Level {
        places: (start..fit_end)
            .filter(|&i| par.classes[i] == Class::Space && par.opts.shrink.spaces)
            .map(|i| (i, (advance[i - start] - 0.25 * em).max(0.0)))
            .collect(),
        side: Side::Width,
        whole: false,
    };
    let han_latin = Level {
        places: mid
            .clone()
            .filter(|&i| par.gap[i] > 0.0 && par.opts.shrink.han_latin)
            .map(|i| (i, (par.gap[i] - 0.125 * em).max(0.0)))
            .collect(),
        side: Side::After,
        whole: false,
    };
    let trims = !par.opts.trims_line_edges() && fit_end > start;
    let edge_end = Level {
        places: if trims {
            vec![(fit_end - 1, par.right_adj[fit_end - 1])]
        } else {
            Vec::new()
        },
        side: Side::Width,
        whole: true,
    };
    let edge_start = Level {
        places: if trims && par.classes[start] == Class::Opening {
            vec![(start, par.left_adj[start])]
        } else {
            Vec::new()
        },
        side: Side::Left,
        whole: true,
    };
    // Space adjacent marks share (全角式): on the right of a mark, inside the line; on the
    // left of an opening bracket that does not start it.
    let pairs_right = Level {
        places: (start..fit_end.saturating_sub(1))
            .filter(|&i| par.pair[i] > 0.0 && par.classes[i] != Class::Opening)
            .map(|i| (i, par.pair[i]))
            .collect(),
        side: Side::Width,
        whole: true,
    };
    let pairs_left = Level {
        places: (start + 1..fit_end)
            .filter(|&i| par.pair[i] > 0.0 && par.classes[i] == Class::Opening)
            .map(|i| (i, par.pair[i]))
            .collect(),
        side: Side::Left,
        whole: true,
    };
    let policy = par.opts.shrink;
    let open_left = Level {
        places: (start + 1..fit_end)
            .filter(|&i| par.classes[i] == Class::Opening && policy.commas_and_brackets)
            .map(|i| (i, par.left_adj[i]))
            .collect(),
        side: Side::Left,
        whole: true,
    };
    let right_of = |class: Class, allowed: bool| Level {
        places: mid
            .clone()
            .filter(|&i| allowed && par.classes[i] == class)
            .map(|i| (i, par.right_adj[i]))
            .collect(),
        side: Side::Width,
        whole: true,
    };
    let ladder = [
        spaces,
        han_latin,
        edge_end,
        edge_start,
        pairs_right,
        pairs_left,
        open_left,
        right_of(Class::Closing, policy.commas_and_brackets),
        right_of(Class::Comma, policy.commas_and_brackets),
        right_of(Class::Stop, policy.stops),
    ];
    let mut marks = 0_u16;
    for level in ladder {
        let total = level.total();
        if need <= EPS * 0.1 || total <= 0.0 {
            continue;
        }
        let take = need.min(total);
        let mut left = take;
        for &(i, cap) in level.places.iter().rev() {
            let d = if level.whole {
                cap.min(left)
            } else {
                take * cap / total
            };
            if d <= 0.0 {
                continue;
            }
            left -= d;
            if level.whole {
                marks += 1;
            }
            match level.side {
                Side::Width => advance[i - start] -= d,
                Side::Left => {
                    advance[i - start] -= d;
                    shift[i - start] += d;
                }
                Side::After => after[i - start] -= d,
            }
            if level.whole && left <= EPS * 0.1 {
                break;
            }
        }
        need -= take;
    }
    marks
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

/// Adds `extra` points to a line and returns what each gap between characters took beyond
/// the ranges of spaces: Latin word spaces up to ½ em, Han–Latin spacing up to ⅓ em,
/// then every other gap between characters equally — never inside Latin words, numbers, `——`
/// or `……`.
fn spread(
    par: &Paragraph,
    start: usize,
    visible_end: usize,
    mut extra: f32,
    advance: &mut [f32],
    after: &mut [f32],
) -> f32 {
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
        return 0.0;
    }
    let gaps: Vec<usize> = mid.filter(|&i| spreadable_gap(par, i)).collect();
    if !gaps.is_empty() {
        let each = extra / gaps.len() as f32;
        for i in gaps {
            after[i - start] += each;
        }
        each
    } else if !spaces.is_empty() {
        // A Latin line with nothing else to give: spaces grow past their limit.
        let each = extra / spaces.len() as f32;
        for i in spaces {
            advance[i - start] += each;
        }
        each
    } else {
        0.0
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
pub(super) fn spreadable_gap(par: &Paragraph, i: usize) -> bool {
    let (a, b) = (par.classes[i], par.classes[i + 1]);
    let wordish = |c: Class| matches!(c, Class::Latin | Class::Digit | Class::Other);
    if a == Class::Space || b == Class::Space || (wordish(a) && wordish(b)) {
        return false;
    }
    // Never inside `——` or `……`.
    !(matches!(a, Class::Dash | Class::Ellipsis) && par.chars[i] == par.chars[i + 1])
}
