//! Frames other than body text: headline stacks, photos with captions, rules and folios.

use super::Context;
use super::display::{Dash, ImageItem, Item, Point, RectItem, RuleItem, TextRole};
use super::setting::{Owner, baseline_in_box, place_line};
use crate::model::{
    Color, Crop, Diagnostic, Fit, Frame, Length, Page, PageTemplate, ParagraphStyle, Photo, Rect,
    RuleStyle, Severity, Story, Stroke, StyleId,
};
use crate::text::LineBreaker;

/// Sets lines of `text` in `style` across `width` from `top`; returns the height used.
#[allow(clippy::too_many_arguments)]
pub fn text_block(
    ctx: &Context,
    text: &str,
    style: &ParagraphStyle,
    lang: crate::model::Lang,
    x: f32,
    top: f32,
    width: f32,
    owner: &Owner,
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let (par, unknown) = ctx.paragraphs.get(ctx.book, text, style, lang);
    report_fonts(ctx, &par, unknown, style, owner, diagnostics);
    let leading = style.leading.pt().0.max(style.size.pt().0);
    let size = style.size.pt().0;
    let mut y = top + style.space_before.pt().0;
    let mut breaker = LineBreaker::new(&par);
    while let Some(line) = breaker.break_next(width) {
        place_line(
            &par,
            &line,
            x,
            baseline_in_box(y, leading, size),
            style,
            owner,
            out,
        );
        y += leading;
    }
    y + style.space_after.pt().0 - top
}

/// Reports what a part of a story could not be set in: a style's family the book lacks
/// (`unknown`), and characters no face has.
pub(super) fn report_fonts(
    ctx: &Context,
    par: &crate::text::Paragraph,
    unknown: bool,
    style: &ParagraphStyle,
    owner: &Owner,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if unknown {
        diagnostics.push(ctx.unknown_font_diagnostic(&style.font.family));
    }
    if !par.measured.missing.is_empty() {
        let missing: Vec<(usize, usize, char)> = par
            .measured
            .missing
            .iter()
            .map(|&(at, c)| (0, at, c))
            .collect();
        let part = format!("{:?}", owner.role).to_lowercase();
        if let Some(d) = super::flow::missing_glyphs(&missing, Some(&part)) {
            diagnostics.push(match &owner.story {
                Some(s) => d.in_story(s.clone()),
                None => d,
            });
        }
    }
}

/// A story's headline stack, top to bottom: kicker, headline, deck and byline (with the ■
/// ornament a Chinese byline carries), each with its style.
pub(super) fn headline_parts<'c>(
    ctx: &'c Context,
    story: &Story,
) -> [(String, &'c ParagraphStyle, TextRole); 4] {
    let e = ctx.edition;
    let s = &story.styles;
    let byline = if story.byline.is_empty() || story.lang == crate::model::Lang::En {
        story.byline.clone()
    } else {
        format!("■ {}", story.byline)
    };
    [
        (
            story.kicker.clone(),
            ctx.style(&s.kicker, &e.roles.kicker),
            TextRole::Kicker,
        ),
        (
            story.headline.clone(),
            ctx.style(&s.headline, &e.roles.headline),
            TextRole::Headline,
        ),
        (
            story.deck.clone(),
            ctx.style(&s.deck, &e.roles.deck),
            TextRole::Deck,
        ),
        (
            byline,
            ctx.style(&s.byline, &e.roles.byline),
            TextRole::Byline,
        ),
    ]
}

/// The height in points `story`'s headline stack takes set across `width`: what a headline
/// frame must be at least, so a page can be proposed before its frames exist.
pub(super) fn headline_height(ctx: &Context, story: &Story, width: f32) -> f32 {
    headline_parts(ctx, story)
        .iter()
        .map(|(text, style, role)| text_height(ctx, text, style, story.lang, width, *role))
        .sum()
}

/// The height in points `text` takes set in `style` across `width`, placed nowhere.
pub(super) fn text_height(
    ctx: &Context,
    text: &str,
    style: &crate::model::ParagraphStyle,
    lang: crate::model::Lang,
    width: f32,
    role: TextRole,
) -> f32 {
    let owner = Owner {
        frame: crate::model::FrameId::new(""),
        story: None,
        role,
    };
    text_block(
        ctx,
        text,
        style,
        lang,
        0.0,
        0.0,
        width,
        &owner,
        &mut Vec::new(),
        &mut Vec::new(),
    )
}

/// Kicker, headline, deck and byline stacked and centred in the frame.
pub fn headline(
    ctx: &Context,
    frame: &Frame,
    story: &Story,
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if frame.is_vertical() {
        super::vertical::headline(ctx, frame, story, out, diagnostics);
        return;
    }
    // Text on a tint sits inside the frame's inset.
    let r = frame.text_rect();
    let parts = headline_parts(ctx, story);
    // Set once to measure, then again at the offset that centres the stack vertically.
    let measure = |top: f32, out: &mut Vec<Item>, diags: &mut Vec<Diagnostic>| {
        let mut y = top;
        for (text, style, role) in &parts {
            let owner = Owner {
                frame: frame.id.clone(),
                story: Some(story.id.clone()),
                role: *role,
            };
            y += text_block(
                ctx, text, style, story.lang, r.x.0, y, r.w.0, &owner, out, diags,
            );
        }
        y - top
    };
    let height = headline_height(ctx, story, r.w.0);
    let top = r.y.0 + ((r.h.0 - height) / 2.0).max(0.0);
    measure(top, out, diagnostics);
    if height > r.h.0 + 0.5 {
        diagnostics.push(stack_overset(
            (
                "headline-overset",
                "the headline stack needs",
                "height",
                "high",
            ),
            height,
            r.h.0,
            frame,
            story,
        ));
    }
}

/// A photo with its caption and credit under it, or in a column beside it at its right
/// (`beside`, 图片新闻).
/// A headline stack that does not fit its frame: `(code, what needs, arg, "high"/"wide")`.
pub(super) fn stack_overset(
    (code, what, arg, dimension): (&'static str, &str, &'static str, &str),
    needed: f32,
    room: f32,
    frame: &Frame,
    story: &crate::model::Story,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        code,
        format!("{what} {needed:.0} pt but the frame is {room:.0} pt {dimension}"),
    )
    .arg("needed", format!("{needed:.0}"))
    .arg(arg, format!("{room:.0}"))
    .in_frame(frame.id.clone())
    .in_story(story.id.clone())
}

pub fn photo(
    ctx: &Context,
    frame: &Frame,
    photo: &Photo,
    story: Option<&Story>,
    (fit, crop, beside): (Fit, Crop, Option<crate::model::Length>),
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let e = ctx.edition;
    let lang = story.map_or(e.lang, |s| s.lang);
    let caption = story
        .map(|s| s.caption.as_str())
        .filter(|c| !c.is_empty())
        .unwrap_or(&photo.caption);
    let credit = story
        .map(|s| s.credit.as_str())
        .filter(|c| !c.is_empty())
        .unwrap_or(&photo.credit);
    let caption_style = ctx.style(
        &story.and_then(|s| s.styles.caption.clone()),
        &e.roles.caption,
    );
    // The credit sits right-aligned under the caption, whatever its style's alignment.
    let mut credit_style = ctx.style(&None, &e.roles.credit).clone();
    credit_style.align = crate::model::Align::Right;
    credit_style.indent_em = 0.0;
    let owner = |role| Owner {
        frame: frame.id.clone(),
        story: story.map(|s| s.id.clone()),
        role,
    };
    // Measure the caption block first: the photo takes what is left, so a longer caption
    // shrinks the image rather than running off the frame.
    let mut scratch = Vec::new();
    let r = frame.rect;
    // Beside: a column at the frame's right, a gap of half the caption's em from the image;
    // the image keeps at least a quarter of the width.
    let beside = beside.map(|w| {
        let gap = caption_style.size.pt().0 * 0.5;
        let w = w.pt().0.clamp(1.0, (r.w.0 * 0.75 - gap).max(1.0));
        (w, gap)
    });
    let (cap_x, cap_w) = beside.map_or((r.x.0, r.w.0), |(w, _)| (r.right().0 - w, w));
    let block = |top: f32, items: &mut Vec<Item>, diags: &mut Vec<Diagnostic>| {
        let mut h = text_block(
            ctx,
            caption,
            caption_style,
            lang,
            cap_x,
            top,
            cap_w,
            &owner(TextRole::Caption),
            items,
            diags,
        );
        h += text_block(
            ctx,
            credit,
            &credit_style,
            lang,
            cap_x,
            top + h,
            cap_w,
            &owner(TextRole::Credit),
            items,
            diags,
        );
        h
    };
    let caption_h = block(0.0, &mut scratch, &mut Vec::new());
    let gap = if caption_h > 0.0 { 4.0 } else { 0.0 };
    let area = match beside {
        // The image takes the frame's height, the caption column its right.
        Some((w, gap)) => Rect::new(r.x.0, r.y.0, (r.w.0 - w - gap).max(1.0), r.h.0),
        None => {
            // The image keeps at least a quarter of the frame; a caption that needs more
            // oversets.
            let area_h = (r.h.0 - caption_h - gap).max(r.h.0 * 0.25);
            Rect::new(r.x.0, r.y.0, r.w.0, area_h)
        }
    };

    let info = ctx.resources.photo_size(&photo.path);
    let (px_w, px_h) = info.as_ref().map_or((1, 1), |d| *d);
    let crop_px = crop_pixels(crop, (px_w, px_h));
    let (cw, ch) = (crop_px[2] as f32, crop_px[3] as f32);
    let scale = match fit {
        Fit::Fill => (area.w.0 / cw).max(area.h.0 / ch),
        Fit::Fit => (area.w.0 / cw).min(area.h.0 / ch),
        Fit::FitWidth => area.w.0 / cw,
    };
    let (pw, ph) = (cw * scale, ch * scale);
    // Filling centres the image on the area (the overhang is cut evenly); fitting centres it
    // across and puts it at the top, so the caption follows right under the image.
    let top = match fit {
        Fit::Fill => area.y.0 + (area.h.0 - ph) / 2.0,
        // Full width from the top: a photo taller than the area is cut at its foot.
        Fit::Fit | Fit::FitWidth => area.y.0,
    };
    let placement = Rect::new(area.x.0 + (area.w.0 - pw) / 2.0, top, pw, ph);
    // What shows is where the image is inside the area: all of the area when filling, the
    // image alone when fitting (the space beside it stays empty in every renderer).
    let clip = area.intersection(&placement).unwrap_or(area);
    // Beside the image the caption starts level with its top; under it, below its foot.
    let caption_top = if beside.is_some() {
        clip.y.0
    } else {
        clip.bottom().0 + gap
    };
    block(caption_top, out, diagnostics);
    if caption_top + caption_h > r.bottom().0 + 0.5 {
        let room = (r.bottom().0 - caption_top).max(0.0);
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "caption-overset",
                format!(
                    "the caption needs {caption_h:.0} pt but the photo frame leaves {room:.0} pt for it"
                ),
            )
            .arg("needed", format!("{caption_h:.0}"))
            .arg("height", format!("{room:.0}"))
            .in_frame(frame.id.clone()),
        );
    }
    let effective_ppi = 72.0 / scale;
    match &info {
        Err(reason) => diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                reason.code(),
                format!(
                    "photo \"{}\": {reason}; a placeholder prints in its place",
                    photo.id
                ),
            )
            .arg("photo", &photo.id)
            .arg("path", &photo.path)
            .in_frame(frame.id.clone()),
        ),
        Ok(_) if effective_ppi < 200.0 => diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "low-resolution",
                format!(
                    "photo \"{}\" prints at {effective_ppi:.0} PPI (under 200): it may look soft",
                    photo.id
                ),
            )
            .arg("photo", &photo.id)
            .arg("ppi", format!("{effective_ppi:.0}"))
            .in_frame(frame.id.clone()),
        ),
        Ok(_) => {}
    }
    out.push(Item::Image(ImageItem {
        photo: photo.id.clone(),
        source: photo.path.clone(),
        clip,
        placement,
        crop_px,
        effective_ppi,
        missing: info.is_err(),
        frame: frame.id.clone(),
    }));
}

/// Source pixels a crop keeps, `[x, y, width, height]`, at least one pixel and 1% each way.
pub fn crop_pixels(crop: Crop, (px_w, px_h): (u32, u32)) -> [u32; 4] {
    let c = crop.clamped();
    let (kw, kh) = c.kept();
    [
        (c.left * px_w as f32) as u32,
        (c.top * px_h as f32) as u32,
        (kw * px_w as f32).round().max(1.0) as u32,
        (kh * px_h as f32).round().max(1.0) as u32,
    ]
}

/// A rule along the frame's longer side, centred across the shorter one: one line, or two
/// for a double rule (文武线), each offset across the rule as [`RuleStyle::lines`] says.
pub fn rule(frame: &Frame, weight: &Length, color: Color, style: RuleStyle, out: &mut Vec<Item>) {
    let r = frame.rect;
    let w = weight.pt().0;
    // Validation keeps weights positive and finite; a bad one that slipped through draws
    // nothing rather than reach the PDF writer, which panics on NaN.
    if !(w.is_finite() && w > 0.0) {
        return;
    }
    let horizontal = r.w.0 >= r.h.0;
    let dash = style.dash(w).map(|(on, off)| Dash { on, off });
    for (offset, width) in style.lines(w) {
        let (from, to) = if horizontal {
            let y = r.y.0 + r.h.0 / 2.0 + offset;
            (Point { x: r.x.0, y }, Point { x: r.right().0, y })
        } else {
            let x = r.x.0 + r.w.0 / 2.0 + offset;
            (Point { x, y: r.y.0 }, Point { x, y: r.bottom().0 })
        };
        out.push(Item::Rule(RuleItem {
            from,
            to,
            width,
            color,
            dash,
        }));
    }
}

/// A box: its tint, then its border inside the frame (the border's outer edge on the frame's
/// edge, so a box never reaches past its frame). A double border is two rectangles, the
/// first-listed line of [`RuleStyle::lines`] outside.
pub fn boxed(frame: &Frame, fill: Option<Color>, stroke: Option<&Stroke>, out: &mut Vec<Item>) {
    let r = frame.rect;
    if let Some(fill) = fill {
        out.push(tint(r, fill));
    }
    let Some(stroke) = stroke else { return };
    let w = stroke.weight.pt().0;
    if !(w.is_finite() && w > 0.0) {
        return;
    }
    let lines = stroke.style.lines(w);
    // Each line's distance in from the frame's edge: from the outer edge of the outermost line.
    let outer = lines
        .iter()
        .map(|(offset, width)| offset - width / 2.0)
        .fold(f32::INFINITY, f32::min);
    let dash = stroke.style.dash(w).map(|(on, off)| Dash { on, off });
    for (offset, width) in lines {
        let inset = offset - outer;
        let (rw, rh) = (r.w.0 - 2.0 * inset, r.h.0 - 2.0 * inset);
        if rw <= 0.0 || rh <= 0.0 {
            continue;
        }
        out.push(Item::Rect(RectItem {
            rect: Rect::new(r.x.0 + inset, r.y.0 + inset, rw, rh),
            fill: None,
            stroke: Some((stroke.color, width)),
            dash,
        }));
    }
}

/// A tint (底纹) filling `rect`.
pub fn tint(rect: Rect, color: Color) -> Item {
    Item::Rect(RectItem {
        rect,
        fill: Some(color),
        stroke: None,
        dash: None,
    })
}

/// The folio band over the type area: paper and date at the left, page and section at the
/// right, a rule under it.
pub fn folio(
    ctx: &Context,
    page_index: usize,
    page: &Page,
    t: &PageTemplate,
    style_id: &StyleId,
    out: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let e = ctx.edition;
    let style = ctx.style(&Some(style_id.clone()), &e.roles.folio);
    let area = t.type_area(false);
    let band = t
        .folio
        .as_ref()
        .map_or(Length::Pt(20.0), |f| f.height)
        .pt()
        .0;
    let leading = style.leading.pt().0;
    let top = area.y.0 - band + (band - leading) / 2.0 - 2.0;
    let id = crate::model::FrameId::new(format!("{}-folio", page.id));
    let owner = Owner {
        frame: id,
        story: None,
        role: TextRole::Folio,
    };
    let (left, right) = e.folio_text(page_index);
    let mut left_style = style.clone();
    left_style.align = crate::model::Align::Left;
    left_style.indent_em = 0.0;
    let mut right_style = left_style.clone();
    right_style.align = crate::model::Align::Right;
    text_block(
        ctx,
        &left,
        &left_style,
        e.lang,
        area.x.0,
        top,
        area.w.0,
        &owner,
        out,
        diagnostics,
    );
    text_block(
        ctx,
        &right,
        &right_style,
        e.lang,
        area.x.0,
        top,
        area.w.0,
        &owner,
        out,
        diagnostics,
    );
    if t.folio.as_ref().is_none_or(|f| f.rule) {
        let y = area.y.0 - 4.0;
        out.push(Item::Rule(RuleItem {
            from: Point { x: area.x.0, y },
            to: Point {
                x: area.right().0,
                y,
            },
            width: 0.75,
            color: Color::BLACK,
            dash: None,
        }));
    }
}

/// A placeholder drawn where a photo could not be read.
pub fn placeholder(clip: Rect) -> Item {
    Item::Rect(RectItem {
        rect: clip,
        fill: Some(Color::Cmyk(0, 0, 0, 20)),
        stroke: Some((Color::Cmyk(0, 0, 0, 60), 0.5)),
        dash: None,
    })
}
