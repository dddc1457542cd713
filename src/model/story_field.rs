//! A story's text parts as the editor edits them, one string each, and how setting one
//! becomes an exact edit (the body keeps its paragraphs' styles and undoes to the exact list).

use super::{Edit, Story};

/// A story's text parts that the editor edits as one string each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum StoryField {
    Kicker,
    Headline,
    Deck,
    Byline,
    /// The body: paragraphs joined by newlines.
    Body,
    Caption,
    Credit,
}

impl StoryField {
    pub const ALL: [StoryField; 7] = [
        Self::Kicker,
        Self::Headline,
        Self::Deck,
        Self::Byline,
        Self::Body,
        Self::Caption,
        Self::Credit,
    ];

    /// The name a designer knows it by.
    pub fn label(self) -> &'static str {
        match self {
            Self::Kicker => "Kicker (引题)",
            Self::Headline => "Headline (主题)",
            Self::Deck => "Deck (副题)",
            Self::Byline => "Byline",
            Self::Body => "Body text",
            Self::Caption => "Caption",
            Self::Credit => "Credit",
        }
    }

    pub fn get(self, story: &Story) -> String {
        match self {
            Self::Kicker => story.kicker.clone(),
            Self::Headline => story.headline.clone(),
            Self::Deck => story.deck.clone(),
            Self::Byline => story.byline.clone(),
            Self::Body => story.body_text(),
            Self::Caption => story.caption.clone(),
            Self::Credit => story.credit.clone(),
        }
    }

    /// Sets the field and returns the edit that restores it exactly. The body is set through
    /// [`Story::body_from_text`], so paragraphs that survive keep their own styles, and its
    /// inverse is the exact old paragraph list ([`Edit::SetParagraphs`]).
    pub(super) fn set(self, story: &mut Story, value: String) -> Edit {
        let slot = match self {
            Self::Kicker => &mut story.kicker,
            Self::Headline => &mut story.headline,
            Self::Deck => &mut story.deck,
            Self::Byline => &mut story.byline,
            Self::Body => {
                let new = story.body_from_text(&value);
                let old = std::mem::replace(&mut story.paragraphs, new);
                return Edit::SetParagraphs {
                    story: story.id.clone(),
                    paragraphs: old,
                };
            }
            Self::Caption => &mut story.caption,
            Self::Credit => &mut story.credit,
        };
        Edit::SetStoryText {
            story: story.id.clone(),
            field: self,
            text: std::mem::replace(slot, value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyParagraph, EditError, Edition, StoryId, StyleId};

    fn story_with_subhead() -> (Edition, StoryId) {
        let mut e = crate::sample::edition();
        e.styles.paragraph.push(crate::sample::subhead());
        let id = StoryId::new("heating");
        let s = e.story_mut(&id).unwrap();
        s.paragraphs = vec![
            BodyParagraph::plain("第一段。"),
            BodyParagraph::styled("subhead", "小标题"),
            BodyParagraph::plain("第二段。"),
        ];
        (e, id)
    }

    fn set_body(e: &mut Edition, story: &StoryId, text: &str) -> Edit {
        e.apply(Edit::SetStoryText {
            story: story.clone(),
            field: StoryField::Body,
            text: text.into(),
        })
        .unwrap()
    }

    #[test]
    fn undoing_typing_into_an_empty_body_leaves_no_paragraphs() {
        let mut e = crate::sample::edition();
        let id = StoryId::new("taihuli");
        assert!(e.story(&id).unwrap().paragraphs.is_empty());
        let undo = set_body(&mut e, &id, "新");
        assert_eq!(
            e.story(&id).unwrap().paragraphs,
            [BodyParagraph::plain("新")]
        );
        e.apply(undo).unwrap();
        assert_eq!(e.story(&id).unwrap().paragraphs, []);
        // Clearing the text is no paragraphs, not one empty one.
        set_body(&mut e, &id, "新");
        set_body(&mut e, &id, "");
        assert_eq!(e.story(&id).unwrap().paragraphs, []);
    }

    #[test]
    fn body_edits_keep_the_styles_of_paragraphs_that_survive_and_undo_exactly() {
        let (original, id) = story_with_subhead();
        let styles = |e: &Edition| -> Vec<Option<String>> {
            e.story(&id)
                .unwrap()
                .paragraphs
                .iter()
                .map(|p| p.style.as_ref().map(|s| s.to_string()))
                .collect()
        };
        let sub = Some("subhead".to_owned());
        for (text, expected) in [
            // Typing in the first paragraph.
            (
                "第一段，改了。\n小标题\n第二段。",
                vec![None, sub.clone(), None],
            ),
            // Typing in the subhead keeps it a subhead.
            (
                "第一段。\n新小标题\n第二段。",
                vec![None, sub.clone(), None],
            ),
            // Enter at the end of the subhead starts a plain paragraph.
            (
                "第一段。\n小标题\n\n第二段。",
                vec![None, sub.clone(), None, None],
            ),
            // A new paragraph at the top.
            (
                "前言。\n第一段。\n小标题\n第二段。",
                vec![None, None, sub.clone(), None],
            ),
            // Deleting the first paragraph.
            ("小标题\n第二段。", vec![sub.clone(), None]),
        ] {
            let mut e = original.clone();
            let undo = set_body(&mut e, &id, text);
            assert_eq!(styles(&e), expected, "after setting {text:?}");
            assert_eq!(e.story(&id).unwrap().body_text(), text);
            assert!(matches!(undo, Edit::SetParagraphs { .. }));
            let redo = e.apply(undo).unwrap();
            assert_eq!(e, original, "undo of {text:?}");
            e.apply(redo).unwrap();
            assert_eq!(styles(&e), expected, "redo of {text:?}");
        }
    }

    #[test]
    fn set_paragraphs_refuses_an_unknown_style_and_changes_nothing() {
        let (mut e, id) = story_with_subhead();
        let before = e.clone();
        let err = e
            .apply(Edit::SetParagraphs {
                story: id,
                paragraphs: vec![BodyParagraph::styled("nope", "x")],
            })
            .unwrap_err();
        assert_eq!(err, EditError::NoStyle(StyleId::new("nope")));
        assert_eq!(e, before);
    }
}
