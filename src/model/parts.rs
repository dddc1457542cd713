//! The parts of a story that are set in a style of their own (kicker, headline, deck, byline,
//! body, caption), and changing the type of one story's part without touching any other story.

use super::{
    CHINESE_SIZES, Edit, EditError, Edition, FontSize, ParagraphStyle, RoleStyles, StoryId,
    StoryStyles, StyleId,
};

/// A styled part of a story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Kicker,
    Headline,
    Deck,
    Byline,
    Body,
    Caption,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Self::Kicker,
        Self::Headline,
        Self::Deck,
        Self::Byline,
        Self::Body,
        Self::Caption,
    ];

    /// The part's name as files and messages write it: "headline".
    pub fn name(self) -> &'static str {
        match self {
            Self::Kicker => "kicker",
            Self::Headline => "headline",
            Self::Deck => "deck",
            Self::Byline => "byline",
            Self::Body => "body",
            Self::Caption => "caption",
        }
    }
}

impl StoryStyles {
    /// The style the story names for `part`, if it names one.
    pub fn get(&self, part: Part) -> Option<&StyleId> {
        match part {
            Part::Kicker => self.kicker.as_ref(),
            Part::Headline => self.headline.as_ref(),
            Part::Deck => self.deck.as_ref(),
            Part::Byline => self.byline.as_ref(),
            Part::Body => self.body.as_ref(),
            Part::Caption => self.caption.as_ref(),
        }
    }

    pub fn set(&mut self, part: Part, style: Option<StyleId>) {
        let slot = match part {
            Part::Kicker => &mut self.kicker,
            Part::Headline => &mut self.headline,
            Part::Deck => &mut self.deck,
            Part::Byline => &mut self.byline,
            Part::Body => &mut self.body,
            Part::Caption => &mut self.caption,
        };
        *slot = style;
    }
}

impl RoleStyles {
    /// The edition's style for `part`, used by every story that names none.
    pub fn get(&self, part: Part) -> &StyleId {
        match part {
            Part::Kicker => &self.kicker,
            Part::Headline => &self.headline,
            Part::Deck => &self.deck,
            Part::Byline => &self.byline,
            Part::Body => &self.body,
            Part::Caption => &self.caption,
        }
    }
}

impl FontSize {
    /// The next size up or down, the way a designer steps a headline: through the Chinese
    /// size names (五号 → 小四 → 四号 …), and past 初号 in steps of 6 pt.
    pub fn step(&self, up: bool) -> FontSize {
        let now = self.pt().0;
        // Names sorted from small to large; the table lists them large to small.
        let mut named: Vec<(&str, f32)> = CHINESE_SIZES.to_vec();
        named.sort_by(|a, b| a.1.total_cmp(&b.1));
        let largest = named.last().map_or(42.0, |n| n.1);
        if up {
            if now >= largest - 0.01 {
                return FontSize::Pt(now + 6.0);
            }
            named
                .iter()
                .find(|(_, pt)| *pt > now + 0.01)
                .map_or(FontSize::Pt(now + 1.0), |(n, _)| {
                    FontSize::Named((*n).to_owned())
                })
        } else {
            if now > largest + 0.01 {
                let down = now - 6.0;
                return if down <= largest + 0.01 {
                    FontSize::Named(named.last().map_or("初号", |n| n.0).to_owned())
                } else {
                    FontSize::Pt(down)
                };
            }
            named
                .iter()
                .rev()
                .find(|(_, pt)| *pt < now - 0.01)
                .map_or_else(|| self.clone(), |(n, _)| FontSize::Named((*n).to_owned()))
        }
    }
}

impl Edition {
    /// The ID of the style `story`'s `part` is set in: its own, else the edition's.
    pub fn part_style_id(&self, story: &StoryId, part: Part) -> Option<&StyleId> {
        let s = self.story(story)?;
        Some(s.styles.get(part).unwrap_or_else(|| self.roles.get(part)))
    }

    /// The style `story`'s `part` is set in.
    pub fn part_style(&self, story: &StoryId, part: Part) -> Option<&ParagraphStyle> {
        self.styles.paragraph(self.part_style_id(story, part)?)
    }

    /// Changes the type of one story's part only — what a designer means by making *this*
    /// headline 小初. When the style is the story's own and nothing else uses it, it is changed
    /// in place; otherwise a copy named after the story (`headline-lead`) is made for it first,
    /// so no other story moves. One undoable group either way.
    pub fn restyle_part_edits(
        &self,
        story: &StoryId,
        part: Part,
        change: impl FnOnce(&mut ParagraphStyle),
    ) -> Result<Vec<Edit>, EditError> {
        let s = self
            .story(story)
            .ok_or_else(|| EditError::NoStory(story.clone()))?;
        let id = self
            .part_style_id(story, part)
            .ok_or_else(|| EditError::NoStory(story.clone()))?
            .clone();
        let base = self
            .styles
            .paragraph(&id)
            .ok_or_else(|| EditError::NoStyle(id.clone()))?;
        let mut style = base.clone();
        change(&mut style);
        if style == *base {
            return Ok(Vec::new());
        }
        let own = s.styles.get(part) == Some(&id) && self.style_users(&id).len() == 1;
        if own {
            return Ok(vec![Edit::SetStyle {
                style: Box::new(style),
            }]);
        }
        style.id = self.fresh_style_id(&format!("{id}-{story}"));
        let mut styles = s.styles.clone();
        styles.set(part, Some(style.id.clone()));
        let index = self
            .styles
            .paragraph
            .iter()
            .position(|p| p.id == id)
            .map_or(self.styles.paragraph.len(), |i| i + 1);
        Ok(vec![
            Edit::InsertStyle {
                index,
                style: Box::new(style),
            },
            Edit::SetStoryStyles {
                story: story.clone(),
                styles,
            },
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FontSize;

    #[test]
    fn sizes_step_through_the_chinese_names() {
        let named = |n: &str| FontSize::Named(n.into());
        assert_eq!(named("五号").step(true), named("小四"));
        assert_eq!(named("小初").step(true), named("初号"));
        assert_eq!(named("初号").step(true), FontSize::Pt(48.0));
        assert_eq!(FontSize::Pt(48.0).step(false), named("初号"));
        assert_eq!(named("小初").step(false), named("一号"));
        assert_eq!(FontSize::Pt(30.0).step(false), named("一号"));
        assert_eq!(
            named("八号").step(false),
            named("八号"),
            "the smallest stays"
        );
    }

    #[test]
    fn restyling_one_headline_leaves_the_other_stories_alone() {
        let mut e = crate::sample::edition();
        let lead = e.stories[0].id.clone();
        let other = e.stories[1].id.clone();
        let before_other = e.part_style(&other, Part::Headline).unwrap().clone();
        let edits = e
            .restyle_part_edits(&lead, Part::Headline, |s| {
                s.size = FontSize::Named("小初".into());
                s.scale = 0.85;
            })
            .unwrap();
        e.apply_all(edits).unwrap();
        let mine = e.part_style(&lead, Part::Headline).unwrap();
        assert_eq!(mine.size.pt().0, 36.0);
        assert_eq!(mine.scale, 0.85);
        assert_eq!(e.part_style(&other, Part::Headline).unwrap(), &before_other);
        // A second change edits the story's own copy in place: no second copy.
        let count = e.styles.paragraph.len();
        let edits = e
            .restyle_part_edits(&lead, Part::Headline, |s| s.scale = 0.9)
            .unwrap();
        assert!(matches!(edits.as_slice(), [Edit::SetStyle { .. }]));
        e.apply_all(edits).unwrap();
        assert_eq!(e.styles.paragraph.len(), count);
        // Undoing the first group removes the copy and the story's reference to it.
        let mut fresh = crate::sample::edition();
        let edits = fresh
            .restyle_part_edits(&lead, Part::Headline, |s| s.scale = 0.85)
            .unwrap();
        let undo = fresh.apply_all(edits).unwrap();
        fresh.apply_all(undo).unwrap();
        assert_eq!(fresh, crate::sample::edition());
    }
}
