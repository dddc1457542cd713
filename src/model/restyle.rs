//! Edits to paragraph styles: insert, replace, rename (following every reference) and remove
//! (refused while anything uses the style). Each returns its inverse, like every edit.

use super::{
    Edit, EditError, Edition, FrameKind, ParagraphStyle, Part, StoryId, StyleId, TemplateId,
};

/// One use of a paragraph style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StyleUse {
    /// The edition's default for a role: "kicker", "body", "folio" …
    Role(&'static str),
    /// A story's own style for one of its parts.
    StoryPart(StoryId, Part),
    /// A body paragraph (1-based) set in its own style.
    Paragraph(StoryId, usize),
    TemplateFolio(TemplateId),
    /// A folio frame on the page with this label.
    PageFolio(String),
}

impl std::fmt::Display for StyleUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Role(role) => write!(f, "role {role}"),
            Self::StoryPart(story, part) => write!(f, "story {story} ({})", part.name()),
            Self::Paragraph(story, n) => write!(f, "story {story} paragraph {n}"),
            Self::TemplateFolio(t) => write!(f, "template {t} folio"),
            Self::PageFolio(label) => write!(f, "page {label} folio"),
        }
    }
}

impl Edition {
    /// Who uses paragraph style `id`, as a designer would name them: "role body",
    /// "story lead (body)", "story lead paragraph 3", "template duikai folio", "page 1 folio".
    pub fn style_users(&self, id: &StyleId) -> Vec<String> {
        self.style_uses(id)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Who uses paragraph style `id`, as data, for an interface to word in its language.
    pub fn style_uses(&self, id: &StyleId) -> Vec<StyleUse> {
        let mut uses = Vec::new();
        let r = &self.roles;
        for (role, style) in [
            ("kicker", &r.kicker),
            ("headline", &r.headline),
            ("deck", &r.deck),
            ("byline", &r.byline),
            ("body", &r.body),
            ("caption", &r.caption),
            ("credit", &r.credit),
            ("jump", &r.jump),
            ("folio", &r.folio),
        ] {
            if style == id {
                uses.push(StyleUse::Role(role));
            }
        }
        for story in &self.stories {
            for part in Part::ALL {
                if story.styles.get(part) == Some(id) {
                    uses.push(StyleUse::StoryPart(story.id.clone(), part));
                }
            }
            for (i, p) in story.paragraphs.iter().enumerate() {
                if p.style.as_ref() == Some(id) {
                    uses.push(StyleUse::Paragraph(story.id.clone(), i + 1));
                }
            }
        }
        for t in &self.templates {
            if t.folio.as_ref().is_some_and(|f| &f.style == id) {
                uses.push(StyleUse::TemplateFolio(t.id.clone()));
            }
        }
        for (i, page) in self.pages.iter().enumerate() {
            if page
                .frames
                .iter()
                .any(|f| matches!(&f.kind, FrameKind::Folio { style } if style == id))
            {
                uses.push(StyleUse::PageFolio(self.page_label(i)));
            }
        }
        uses
    }

    pub(super) fn insert_style(
        &mut self,
        index: usize,
        style: ParagraphStyle,
    ) -> Result<Edit, EditError> {
        if self.styles.paragraph(&style.id).is_some() {
            return Err(EditError::Duplicate(style.id.to_string()));
        }
        if index > self.styles.paragraph.len() {
            return Err(EditError::OutOfRange(index));
        }
        check_style(&style)?;
        let id = style.id.clone();
        self.styles.paragraph.insert(index, style);
        Ok(Edit::RemoveStyle { style: id })
    }

    pub(super) fn set_style(&mut self, style: ParagraphStyle) -> Result<Edit, EditError> {
        check_style(&style)?;
        let slot = self
            .styles
            .paragraph
            .iter_mut()
            .find(|s| s.id == style.id)
            .ok_or_else(|| EditError::NoStyle(style.id.clone()))?;
        let old = std::mem::replace(slot, style);
        Ok(Edit::SetStyle {
            style: Box::new(old),
        })
    }

    pub(super) fn remove_style(&mut self, id: StyleId) -> Result<Edit, EditError> {
        let index = self
            .styles
            .paragraph
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| EditError::NoStyle(id.clone()))?;
        let users = self.style_users(&id);
        if !users.is_empty() {
            return Err(EditError::InUse(format!("style {id}"), users.join(", ")));
        }
        let removed = self.styles.paragraph.remove(index);
        Ok(Edit::InsertStyle {
            index,
            style: Box::new(removed),
        })
    }

    /// Renames a style and every reference to it, so nothing is left pointing at the old name.
    pub(super) fn rename_style(&mut self, from: StyleId, to: StyleId) -> Result<Edit, EditError> {
        if to.as_str().trim().is_empty() {
            return Err(EditError::InvalidStyle(from, "a style needs a name".into()));
        }
        if self.styles.paragraph(&to).is_some() {
            return Err(EditError::Duplicate(to.to_string()));
        }
        let style = self
            .styles
            .paragraph
            .iter_mut()
            .find(|s| s.id == from)
            .ok_or_else(|| EditError::NoStyle(from.clone()))?;
        style.id = to.clone();
        let swap = |id: &mut StyleId| {
            if *id == from {
                *id = to.clone();
            }
        };
        let r = &mut self.roles;
        for id in [
            &mut r.kicker,
            &mut r.headline,
            &mut r.deck,
            &mut r.byline,
            &mut r.body,
            &mut r.caption,
            &mut r.credit,
            &mut r.jump,
            &mut r.folio,
        ] {
            swap(id);
        }
        for story in &mut self.stories {
            let s = &mut story.styles;
            for id in [
                &mut s.kicker,
                &mut s.headline,
                &mut s.deck,
                &mut s.byline,
                &mut s.body,
                &mut s.caption,
            ]
            .into_iter()
            .flatten()
            {
                swap(id);
            }
            for id in story.paragraphs.iter_mut().filter_map(|p| p.style.as_mut()) {
                swap(id);
            }
        }
        for f in self.templates.iter_mut().filter_map(|t| t.folio.as_mut()) {
            swap(&mut f.style);
        }
        for frame in self.pages.iter_mut().flat_map(|p| &mut p.frames) {
            if let FrameKind::Folio { style } = &mut frame.kind {
                swap(style);
            }
        }
        Ok(Edit::RenameStyle { from: to, to: from })
    }
}

fn check_style(style: &ParagraphStyle) -> Result<(), EditError> {
    if style.id.as_str().trim().is_empty() {
        return Err(EditError::InvalidStyle(
            style.id.clone(),
            "a style needs a name".into(),
        ));
    }
    style
        .check()
        .map_err(|p| EditError::InvalidStyle(style.id.clone(), p.reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(e: &Edition) -> ParagraphStyle {
        e.styles.paragraph(&StyleId::new("body")).unwrap().clone()
    }

    #[test]
    fn renaming_a_style_follows_every_reference_and_renames_back_on_undo() {
        let mut original = crate::sample::edition();
        original.styles.paragraph.push(crate::sample::subhead());
        original.stories[0].styles.body = Some(StyleId::new("body"));
        original.stories[0].paragraphs[1].style = Some(StyleId::new("body"));
        let mut e = original.clone();
        let undo = e
            .apply(Edit::RenameStyle {
                from: StyleId::new("body"),
                to: StyleId::new("正文"),
            })
            .unwrap();
        e.validate().expect("no reference is left dangling");
        assert!(e.style_users(&StyleId::new("body")).is_empty());
        assert_eq!(e.roles.body.as_str(), "正文");
        assert_eq!(e.stories[0].paragraphs[1].style, Some(StyleId::new("正文")));
        e.apply(undo).unwrap();
        assert_eq!(e, original);
        // Folio styles in templates and folio frames follow too.
        let undo = e
            .apply(Edit::RenameStyle {
                from: StyleId::new("folio"),
                to: StyleId::new("书眉"),
            })
            .unwrap();
        let folio = e.templates[0].folio.as_ref().unwrap();
        assert_eq!(folio.style.as_str(), "书眉");
        e.apply(undo).unwrap();
        assert_eq!(e, original);
    }

    #[test]
    fn a_style_in_use_cannot_be_removed_and_the_refusal_names_its_users() {
        let mut e = crate::sample::edition();
        e.stories[0].styles.body = Some(StyleId::new("body"));
        let before = e.clone();
        let err = e
            .apply(Edit::RemoveStyle {
                style: StyleId::new("body"),
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "style body is still used: role body, story lead (body)"
        );
        assert_eq!(e, before);
        // An unused style goes, and comes back where it was.
        e.styles.paragraph.push(crate::sample::subhead());
        let with = e.clone();
        let undo = e
            .apply(Edit::RemoveStyle {
                style: StyleId::new("subhead"),
            })
            .unwrap();
        assert!(e.styles.paragraph(&StyleId::new("subhead")).is_none());
        e.apply(undo).unwrap();
        assert_eq!(e, with);
    }

    #[test]
    fn invalid_styles_are_refused_with_the_reason_and_change_nothing() {
        let mut e = crate::sample::edition();
        let before = e.clone();
        let mut bad = body(&e);
        bad.scale = 3.0;
        let err = e.apply(Edit::SetStyle {
            style: Box::new(bad.clone()),
        });
        assert!(
            matches!(&err, Err(EditError::InvalidStyle(id, reason)) if id.as_str() == "body" && reason.contains("200%")),
            "{err:?}"
        );
        bad.id = StyleId::new("new");
        assert!(
            e.apply(Edit::InsertStyle {
                index: 0,
                style: Box::new(bad),
            })
            .is_err()
        );
        assert_eq!(e, before);
        // A good replacement applies and undoes exactly.
        let mut bigger = body(&e);
        bigger.scale = 0.9;
        let undo = e
            .apply(Edit::SetStyle {
                style: Box::new(bigger),
            })
            .unwrap();
        e.apply(undo).unwrap();
        assert_eq!(e, before);
        let undo = e
            .apply(Edit::InsertStyle {
                index: 1,
                style: Box::new(crate::sample::subhead()),
            })
            .unwrap();
        assert_eq!(e.styles.paragraph[1].id.as_str(), "subhead");
        e.apply(undo).unwrap();
        assert_eq!(e, before);
    }
}
