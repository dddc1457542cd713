//! Edits to page templates, and keeping frames on their grid when a page's grid changes.
//!
//! A frame placed on columns 2–4 of an 8-column grid should sit on columns 2–4 of the new grid
//! after the template changes, not at its old coordinates. [`Edition::regrid_edits`] works out
//! the frame moves; the editor applies them together with the template edit as one undo step.

use super::{Edit, EditError, Edition, Frame, FrameKind, PageId, PageTemplate, Rect, TemplateId};

/// A horizontal position in grid terms: column `index` and how far into it (0 = left edge,
/// 1 = right edge), or into the gutter after it when `in_gutter`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct GridX {
    index: i32,
    in_gutter: bool,
    frac: f32,
}

/// Where `x` falls on `t`'s column grid. Positions left of the type area keep their distance
/// from its edge as a negative gutter position of column −1 (and similarly past the right).
fn grid_x(t: &PageTemplate, x: f32) -> GridX {
    let area = t.type_area(false);
    let (col, gutter) = (t.column_width().0, t.gutter_width().0);
    let step = (col + gutter).max(f32::EPSILON);
    let rel = x - area.x.0;
    // A small tolerance so an edge exactly on a column's end counts as that column's end, not
    // the start of the gutter after it.
    let index = ((rel + 0.01) / step).floor();
    let within = rel - index * step;
    let index = index as i32;
    if within <= col + 0.01 {
        GridX {
            index,
            in_gutter: false,
            frac: (within / col.max(f32::EPSILON)).clamp(0.0, 1.0),
        }
    } else {
        GridX {
            index,
            in_gutter: true,
            frac: ((within - col) / gutter.max(f32::EPSILON)).clamp(0.0, 1.0),
        }
    }
}

/// The page position of a grid position on `t`.
fn page_x(t: &PageTemplate, g: GridX) -> f32 {
    let area = t.type_area(false);
    let (col, gutter) = (t.column_width().0, t.gutter_width().0);
    let start = area.x.0 + g.index as f32 * (col + gutter);
    if g.in_gutter {
        start + col + g.frac * gutter
    } else {
        start + g.frac * col
    }
}

/// Maps a vertical position from `old`'s type area to `new`'s: scaled by the type-area height,
/// then, when it was on the old baseline grid, put on the nearest line of the new one so the
/// frame's text still sits on the grid.
fn map_y(old: &PageTemplate, new: &PageTemplate, y: f32) -> f32 {
    let (a, b) = (old.type_area(false), new.type_area(false));
    let scaled = b.y.0 + (y - a.y.0) * b.h.0 / a.h.0.max(f32::EPSILON);
    let (og, ng) = (old.baseline.pt().0, new.baseline.pt().0);
    let lines = (y - a.y.0) / og;
    if (lines - lines.round()).abs() < 0.01 && ng > 0.0 {
        b.y.0 + ((scaled - b.y.0) / ng).round() * ng
    } else {
        scaled
    }
}

/// Where `frame` goes when its page's template changes from `old` to `new`: the same columns
/// (shifted left if the new grid has fewer), its vertical extent scaled to the new type area.
/// Rules keep their weight: only their centre line moves.
pub fn regrid_rect(old: &PageTemplate, new: &PageTemplate, frame: &Frame) -> Rect {
    let r = frame.rect;
    let mut left = grid_x(old, r.x.0);
    let mut right = grid_x(old, r.right().0);
    // Keep the span: a frame on columns c..c+n that would run off a narrower grid moves left.
    let last = i32::from(new.columns.max(1)) - 1;
    let overflow = (right.index - last).max(0).min(left.index.max(0));
    left.index -= overflow;
    right.index -= overflow;
    right.index = right.index.min(last);
    let (x0, x1) = (page_x(new, left), page_x(new, right));
    let (y0, y1) = (map_y(old, new, r.y.0), map_y(old, new, r.bottom().0));
    let mut out = Rect::new(x0, y0, (x1 - x0).max(1.0), (y1 - y0).max(1.0));
    if matches!(frame.kind, FrameKind::Rule { .. }) {
        // A rule is a line, not an area: keep its thickness around its new centre.
        if r.w.0 < r.h.0 {
            out.x.0 = (x0 + x1) / 2.0 - r.w.0 / 2.0;
            out.w = r.w;
        } else {
            out.y.0 = (y0 + y1) / 2.0 - r.h.0 / 2.0;
            out.h = r.h;
        }
    }
    out
}

impl Edition {
    /// The frame moves that keep every frame of the pages using template `old.id` on its
    /// columns when that template becomes `new` (or, for one page, when `page` is given and
    /// switches from `old` to `new`). Frames that would not move are left out.
    pub fn regrid_edits(
        &self,
        old: &PageTemplate,
        new: &PageTemplate,
        page: Option<&PageId>,
    ) -> Vec<Edit> {
        self.pages
            .iter()
            .filter(|p| page.map_or(p.template == old.id, |id| &p.id == id))
            .flat_map(|p| &p.frames)
            .filter_map(|f| {
                let rect = regrid_rect(old, new, f);
                // Float round trips through grid terms wobble in the last bits; a frame that
                // moves less than a hundredth of a point has not moved.
                let moved = [
                    (rect.x, f.rect.x),
                    (rect.y, f.rect.y),
                    (rect.w, f.rect.w),
                    (rect.h, f.rect.h),
                ]
                .iter()
                .any(|(a, b)| (a.0 - b.0).abs() > 0.01);
                moved.then(|| Edit::SetFrameRect {
                    frame: f.id.clone(),
                    rect,
                })
            })
            .collect()
    }

    /// Changing template `template` (matched by ID) as one undoable group: the template edit,
    /// then the frame moves that keep each page's frames on their columns.
    pub fn set_template_edits(&self, template: PageTemplate) -> Result<Vec<Edit>, EditError> {
        let old = self
            .template(&template.id)
            .ok_or_else(|| EditError::NoTemplate(template.id.clone()))?;
        let mut edits = self.regrid_edits(old, &template, None);
        edits.insert(
            0,
            Edit::SetTemplate {
                template: Box::new(template),
            },
        );
        Ok(edits)
    }

    /// Putting page `page` on template `template` as one undoable group, frames following
    /// their columns.
    pub fn set_page_template_edits(
        &self,
        page: &PageId,
        template: &TemplateId,
    ) -> Result<Vec<Edit>, EditError> {
        let p = self
            .pages
            .iter()
            .find(|p| &p.id == page)
            .ok_or_else(|| EditError::NoPage(page.clone()))?;
        let old = self
            .template(&p.template)
            .ok_or_else(|| EditError::NoTemplate(p.template.clone()))?;
        let new = self
            .template(template)
            .ok_or_else(|| EditError::NoTemplate(template.clone()))?;
        let mut edits = self.regrid_edits(old, new, Some(page));
        edits.insert(
            0,
            Edit::SetPageTemplate {
                page: page.clone(),
                template: template.clone(),
            },
        );
        Ok(edits)
    }

    fn check_template(&self, t: &PageTemplate) -> Result<(), EditError> {
        t.check()
            .map_err(|p| EditError::InvalidTemplate(t.id.clone(), p.reason))?;
        if let Some(f) = &t.folio
            && self.styles.paragraph(&f.style).is_none()
        {
            return Err(EditError::NoStyle(f.style.clone()));
        }
        Ok(())
    }

    pub(super) fn set_template(&mut self, t: PageTemplate) -> Result<Edit, EditError> {
        self.check_template(&t)?;
        let slot = self
            .templates
            .iter_mut()
            .find(|o| o.id == t.id)
            .ok_or_else(|| EditError::NoTemplate(t.id.clone()))?;
        let old = std::mem::replace(slot, t);
        Ok(Edit::SetTemplate {
            template: Box::new(old),
        })
    }

    pub(super) fn insert_template(
        &mut self,
        index: usize,
        t: PageTemplate,
    ) -> Result<Edit, EditError> {
        if self.template(&t.id).is_some() {
            return Err(EditError::Duplicate(t.id.to_string()));
        }
        if index > self.templates.len() {
            return Err(EditError::OutOfRange(index));
        }
        self.check_template(&t)?;
        let id = t.id.clone();
        self.templates.insert(index, t);
        Ok(Edit::RemoveTemplate { template: id })
    }

    pub(super) fn remove_template(&mut self, id: TemplateId) -> Result<Edit, EditError> {
        let index = self
            .templates
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| EditError::NoTemplate(id.clone()))?;
        let users: Vec<String> = (0..self.pages.len())
            .filter(|&i| self.pages[i].template == id)
            .map(|i| format!("page {}", self.page_label(i)))
            .collect();
        if !users.is_empty() {
            return Err(EditError::InUse(format!("template {id}"), users.join(", ")));
        }
        let removed = self.templates.remove(index);
        Ok(Edit::InsertTemplate {
            index,
            template: Box::new(removed),
        })
    }

    pub(super) fn set_page_template(
        &mut self,
        page: PageId,
        template: TemplateId,
    ) -> Result<Edit, EditError> {
        if self.template(&template).is_none() {
            return Err(EditError::NoTemplate(template));
        }
        let p = self
            .pages
            .iter_mut()
            .find(|p| p.id == page)
            .ok_or_else(|| EditError::NoPage(page.clone()))?;
        let old = std::mem::replace(&mut p.template, template);
        Ok(Edit::SetPageTemplate {
            page,
            template: old,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FrameId, Length};

    fn six_columns(e: &Edition) -> PageTemplate {
        let mut t = e.templates[0].clone();
        t.columns = 6;
        t.column_chars = None;
        t.gutter = Length::Mm(5.0);
        t
    }

    #[test]
    fn frames_keep_their_columns_when_the_grid_changes() {
        let e = crate::sample::edition();
        let old = e.templates[0].clone();
        let new = six_columns(&e);
        let rect = |e: &Edition, id: &str| e.frame(&FrameId::new(id)).unwrap().1.rect;
        let mut after = e.clone();
        after
            .apply_all(e.set_template_edits(new.clone()).unwrap())
            .unwrap();
        after.validate().unwrap();
        // The lead's body spanned columns 0–5 of 8: it spans 0–5 of 6, the whole type area.
        let body = rect(&after, "p1-lead-body");
        assert!((body.x.0 - new.column_x(0, false).0).abs() < 0.01);
        assert!((body.w.0 - new.span_width(6).0).abs() < 0.01);
        // The right rail sat on columns 6–7: it moves left to 4–5, keeping its two columns.
        let rail = rect(&after, "p1-family-body");
        assert!(
            (rail.x.0 - new.column_x(4, false).0).abs() < 0.01,
            "{rail:?}"
        );
        assert!((rail.w.0 - new.span_width(2).0).abs() < 0.01);
        // Frames on the baseline grid stay on it (the grid and type area did not change).
        assert_eq!(rect(&after, "p1-fire-body").y, rect(&e, "p1-fire-body").y);
        // A vertical rule keeps its weight.
        assert_eq!(rect(&after, "p1-rule-v1").w, rect(&e, "p1-rule-v1").w);
        // Nothing moves when nothing changed.
        assert!(e.regrid_edits(&old, &old, None).is_empty());
    }

    #[test]
    fn template_edits_undo_and_refuse_bad_or_used_templates() {
        let mut e = crate::sample::edition();
        let before = e.clone();
        let mut bad = e.templates[0].clone();
        bad.columns = 0;
        let err = e
            .apply(Edit::SetTemplate {
                template: Box::new(bad),
            })
            .unwrap_err();
        assert!(err.to_string().contains("columns must be 1 to 24"), "{err}");
        let err = e
            .apply(Edit::RemoveTemplate {
                template: TemplateId::new("duikai"),
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "template duikai is still used: page 1, page 2"
        );
        assert_eq!(e, before);
        // A second template, a page put on it with its frames, all undone as one group.
        let mut t = six_columns(&e);
        t.id = TemplateId::new("six");
        let undo_insert = e
            .apply(Edit::InsertTemplate {
                index: 1,
                template: Box::new(t),
            })
            .unwrap();
        let with_template = e.clone();
        let group = e
            .set_page_template_edits(&PageId::new("p2"), &TemplateId::new("six"))
            .unwrap();
        assert!(group.len() > 1, "the frame on page 2 moves too");
        let undo = e.apply_all(group).unwrap();
        assert_eq!(e.pages[1].template.as_str(), "six");
        e.validate().unwrap();
        e.apply_all(undo).unwrap();
        assert_eq!(e, with_template);
        e.apply(undo_insert).unwrap();
        assert_eq!(e, before);
    }
}
