//! The edition: one issue of the paper, the root of a layout file.

use serde::{Deserialize, Serialize};

use super::{
    Frame, FrameId, FrameKind, Lang, Page, PageId, PageTemplate, Photo, PhotoId, SectionId, Story,
    StoryId, StyleId, Styles, TemplateId,
};

/// The file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A run of pages with a label prefix: section "A" labels its pages A1, A2 …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: SectionId,
    pub name: String,
    /// Prefix of page labels; empty for plain numbers (第1版, 第2版 …).
    #[serde(default)]
    pub prefix: String,
}

/// Wording of continuation jumps; `{page}` is replaced by the target page's label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JumpTemplate {
    pub lang: Lang,
    /// Ends a frame whose story continues on another page: `（下转第{page}版）`.
    pub to: String,
    /// Starts the continuation: `（上接第{page}版）`.
    pub from: String,
}

impl JumpTemplate {
    pub fn defaults() -> Vec<JumpTemplate> {
        vec![
            JumpTemplate {
                lang: Lang::Zh,
                to: "（下转第{page}版）".into(),
                from: "（上接第{page}版）".into(),
            },
            JumpTemplate {
                lang: Lang::En,
                to: "Continued on Page {page}".into(),
                from: "Continued from Page {page}".into(),
            },
        ]
    }

    pub fn to_text(&self, page: &str) -> String {
        self.to.replace("{page}", page)
    }

    pub fn from_text(&self, page: &str) -> String {
        self.from.replace("{page}", page)
    }
}

/// Default styles for story parts and jump lines, by role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleStyles {
    pub kicker: StyleId,
    pub headline: StyleId,
    pub deck: StyleId,
    pub byline: StyleId,
    pub body: StyleId,
    pub caption: StyleId,
    pub credit: StyleId,
    pub jump: StyleId,
    pub folio: StyleId,
}

/// One issue of the paper: settings, content (stories, photos) and geometry (pages, frames).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Always first in the file: the format version it was written in.
    pub format: u32,
    /// Paper name for folios, e.g. "河西报".
    pub paper: String,
    /// Issue date as typed, e.g. "2024-11-12" or "2024年11月12日 星期二"; folios print it in the
    /// edition's language with its weekday ([`Edition::date_text`]).
    pub date: String,
    /// 期号: this issue's number (printed 第8123期).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<u32>,
    /// 总期号: the issue's number counted since the paper's first (printed 总第45678期).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_issue: Option<u32>,
    pub lang: Lang,
    #[serde(default)]
    pub sections: Vec<Section>,
    pub templates: Vec<PageTemplate>,
    pub styles: Styles,
    pub roles: RoleStyles,
    #[serde(default = "JumpTemplate::defaults")]
    pub jumps: Vec<JumpTemplate>,
    // ---- content ----
    pub stories: Vec<Story>,
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// How far copyfit may change type and frames.
    #[serde(default, skip_serializing_if = "super::CopyfitLimits::is_default")]
    pub copyfit: super::CopyfitLimits,
    /// Ink limit and overprint for the printing plant (house style).
    #[serde(default, skip_serializing_if = "super::PressSettings::is_default")]
    pub press: super::PressSettings,
    /// The fonts the edition was last laid out and saved with (see [`super::FontRecord`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fonts: Vec<super::FontRecord>,
    // ---- geometry ----
    pub pages: Vec<Page>,
}

impl Edition {
    pub fn story(&self, id: &StoryId) -> Option<&Story> {
        self.stories.iter().find(|s| &s.id == id)
    }

    pub fn story_mut(&mut self, id: &StoryId) -> Option<&mut Story> {
        self.stories.iter_mut().find(|s| &s.id == id)
    }

    pub fn photo(&self, id: &PhotoId) -> Option<&Photo> {
        self.photos.iter().find(|p| &p.id == id)
    }

    pub fn template(&self, id: &TemplateId) -> Option<&PageTemplate> {
        self.templates.iter().find(|t| &t.id == id)
    }

    pub fn section(&self, id: &SectionId) -> Option<&super::Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    pub fn page_index(&self, id: &PageId) -> Option<usize> {
        self.pages.iter().position(|p| &p.id == id)
    }

    /// The printed label of the page at `index`: its section prefix plus its number within the
    /// edition (A1, A2 … or 1, 2 …). Numbers count within the section when pages have sections.
    pub fn page_label(&self, index: usize) -> String {
        let Some(page) = self.pages.get(index) else {
            return (index + 1).to_string();
        };
        match page.section.as_ref().and_then(|s| self.section(s)) {
            Some(section) => {
                let number = self.pages[..=index]
                    .iter()
                    .filter(|p| p.section.as_ref() == Some(&section.id))
                    .count();
                format!("{}{number}", section.prefix)
            }
            None => (index + 1).to_string(),
        }
    }

    /// Finds a frame anywhere in the edition, with the index of its page.
    pub fn frame(&self, id: &FrameId) -> Option<(usize, &Frame)> {
        self.pages
            .iter()
            .enumerate()
            .find_map(|(i, p)| p.frames.iter().find(|f| &f.id == id).map(|f| (i, f)))
    }

    pub fn frame_mut(&mut self, id: &FrameId) -> Option<&mut Frame> {
        self.pages
            .iter_mut()
            .flat_map(|p| p.frames.iter_mut())
            .find(|f| &f.id == id)
    }

    /// The story whose thread runs through text frame `id`.
    pub fn story_of_frame(&self, id: &FrameId) -> Option<&Story> {
        self.stories.iter().find(|s| s.thread.contains(id))
    }

    pub fn jump_template(&self, lang: Lang) -> Option<&JumpTemplate> {
        self.jumps.iter().find(|j| j.lang == lang)
    }

    /// Checks every reference by ID. Returns the first broken one; loading reports it with the
    /// place in the file where the bad ID is written.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.format != FORMAT_VERSION {
            return Err(Invalid::new(
                format!(
                    "format version {} is not supported (this build reads version {FORMAT_VERSION})",
                    self.format
                ),
                "format",
            ));
        }
        check_unique(
            ("template", "templates", "templates:"),
            self.templates.iter().map(|t| t.id.as_str()),
        )?;
        check_unique(
            ("story", "stories", "stories:"),
            self.stories.iter().map(|s| s.id.as_str()),
        )?;
        check_unique(
            ("photo", "photos", "photos:"),
            self.photos.iter().map(|p| p.id.as_str()),
        )?;
        check_unique(
            ("page", "pages", "pages:"),
            self.pages.iter().map(|p| p.id.as_str()),
        )?;
        check_unique(
            ("section", "sections", "sections:"),
            self.sections.iter().map(|s| s.id.as_str()),
        )?;
        check_unique(
            ("style", "styles", "paragraph:"),
            self.styles.paragraph.iter().map(|s| s.id.as_str()),
        )?;
        check_unique(
            ("frame", "frames", "pages:"),
            self.pages
                .iter()
                .flat_map(|p| &p.frames)
                .map(|f| f.id.as_str()),
        )?;

        let limits = self.copyfit;
        for (field, value, max) in [
            ("tracking_pct", limits.tracking_pct, 10.0),
            ("photo_crop_pct", limits.photo_crop_pct, 90.0),
            ("scale_pct", limits.scale_pct, 20.0),
        ] {
            if !(value.is_finite() && (0.0..=max).contains(&value)) {
                return Err(Invalid::new(
                    format!("copyfit's {field} must be between 0 and {max}%, not {value}"),
                    "copyfit:",
                )
                .at_field(field));
            }
        }

        let style_ok = |id: &StyleId| self.styles.paragraph(id).is_some();
        let roles = &self.roles;
        for (role, id) in [
            ("kicker", &roles.kicker),
            ("headline", &roles.headline),
            ("deck", &roles.deck),
            ("byline", &roles.byline),
            ("body", &roles.body),
            ("caption", &roles.caption),
            ("credit", &roles.credit),
            ("jump", &roles.jump),
            ("folio", &roles.folio),
        ] {
            if !style_ok(id) {
                return Err(Invalid::missing(
                    "style",
                    id.as_str(),
                    &format!("the {role} role"),
                ));
            }
        }
        for s in &self.styles.paragraph {
            s.check().map_err(|p| {
                Invalid::new(
                    format!("style \"{}\": {p}", s.id),
                    &format!("id: \"{}\"", s.id),
                )
                .at_field(p.field)
            })?;
        }
        for t in &self.templates {
            t.check().map_err(|p| {
                Invalid::new(
                    format!("template \"{}\": {p}", t.id),
                    &format!("id: \"{}\"", t.id),
                )
                .at_field(p.field)
            })?;
            if let Some(f) = &t.folio
                && !style_ok(&f.style)
            {
                return Err(Invalid::missing(
                    "style",
                    f.style.as_str(),
                    &format!("template \"{}\"", t.id),
                ));
            }
        }
        for page in &self.pages {
            if self.template(&page.template).is_none() {
                return Err(Invalid::missing(
                    "template",
                    page.template.as_str(),
                    &format!("page \"{}\"", page.id),
                ));
            }
            if let Some(s) = &page.section
                && self.section(s).is_none()
            {
                return Err(Invalid::missing(
                    "section",
                    s.as_str(),
                    &format!("page \"{}\"", page.id),
                ));
            }
        }
        // Lookups by ID through maps built once: scanning the lists for every reference made
        // validating a 2,000-page edition quadratic (seconds).
        let index = Index::new(self);
        for page in &self.pages {
            for frame in &page.frames {
                self.validate_frame(frame, &index)?;
            }
        }
        for story in &self.stories {
            self.validate_story(story, &index)?;
        }
        Ok(())
    }

    fn validate_frame(&self, frame: &Frame, index: &Index<'_>) -> Result<(), Invalid> {
        let whose = format!("frame \"{}\"", frame.id);
        let story_ok = |id: &StoryId| {
            index
                .stories
                .get(id)
                .map(|_| ())
                .ok_or_else(|| Invalid::missing("story", id.as_str(), &whose))
        };
        if !(frame.rect.w.0 > 0.0 && frame.rect.h.0 > 0.0) {
            return Err(Invalid::new(
                format!("{whose} has no area (width and height must be positive)"),
                frame.id.as_str(),
            ));
        }
        // Located from the frame's own `id:`, not the first mention of its ID (a story's
        // thread names its frames before the pages list them).
        frame.check().map_err(|p| {
            Invalid::new(
                format!("{whose}: {}", p.message),
                &format!("id: \"{}\"", frame.id),
            )
            .at_field(p.field)
        })?;
        match &frame.kind {
            FrameKind::Headline { story, .. } => story_ok(story),
            FrameKind::Photo { photo, story, .. } => {
                if !index.photos.contains(photo) {
                    return Err(Invalid::missing("photo", photo.as_str(), &whose));
                }
                story.as_ref().map_or(Ok(()), story_ok)
            }
            FrameKind::Text { columns: 0, .. } => Err(Invalid::new(
                format!("{whose} needs at least one column"),
                frame.id.as_str(),
            )),
            FrameKind::Folio { style } if self.styles.paragraph(style).is_none() => {
                Err(Invalid::missing("style", style.as_str(), &whose))
            }
            _ => Ok(()),
        }
    }

    fn validate_story(&self, story: &Story, index: &Index<'_>) -> Result<(), Invalid> {
        let whose = format!("story \"{}\"", story.id);
        let t = story.copyfit.tracking_pct;
        if !(t.is_finite() && t.abs() <= 10.0) {
            return Err(Invalid::new(
                format!("{whose}: copyfit tracking must be between −10% and 10%, not {t}%"),
                &format!("id: \"{}\"", story.id),
            )
            .at_field("tracking_pct"));
        }
        let sc = story.copyfit.scale_pct;
        if !(sc.is_finite() && sc.abs() <= 20.0) {
            return Err(Invalid::new(
                format!("{whose}: copyfit scale must be between −20% and 20%, not {sc}%"),
                &format!("id: \"{}\"", story.id),
            )
            .at_field("scale_pct"));
        }
        if let Some(photo) = &story.photo
            && !index.photos.contains(photo)
        {
            return Err(Invalid::missing("photo", photo.as_str(), &whose));
        }
        for (i, p) in story.paragraphs.iter().enumerate() {
            if let Some(id) = &p.style
                && self.styles.paragraph(id).is_none()
            {
                return Err(Invalid::new(
                    format!(
                        "paragraph {} of {whose} names style \"{id}\", which does not exist",
                        i + 1
                    ),
                    &format!("style: \"{id}\""),
                ));
            }
        }
        let s = &story.styles;
        for id in [
            &s.kicker,
            &s.headline,
            &s.deck,
            &s.byline,
            &s.body,
            &s.caption,
        ]
        .into_iter()
        .flatten()
        {
            if self.styles.paragraph(id).is_none() {
                return Err(Invalid::missing("style", id.as_str(), &whose));
            }
        }
        for (i, id) in story.thread.iter().enumerate() {
            let Some(frame) = index.frames.get(id) else {
                return Err(Invalid::missing(
                    "frame",
                    id.as_str(),
                    &format!("the thread of {whose}"),
                ));
            };
            if !matches!(frame.kind, FrameKind::Text { .. }) {
                return Err(Invalid::new(
                    format!(
                        "the thread of {whose} names frame \"{id}\", a {} frame; threads run through text frames",
                        frame.kind.name()
                    ),
                    id.as_str(),
                ));
            }
            if story.thread[..i].contains(id) {
                return Err(Invalid::new(
                    format!("the thread of {whose} names frame \"{id}\" twice"),
                    id.as_str(),
                ));
            }
            if let Some(other) = index
                .owners
                .get(id)
                .into_iter()
                .flatten()
                .find(|o| ***o != story.id)
            {
                return Err(Invalid::new(
                    format!(
                        "frame \"{id}\" is in the threads of both {whose} and story \"{other}\""
                    ),
                    id.as_str(),
                ));
            }
        }
        Ok(())
    }
}

/// An edition's things by ID, for checking references without scanning lists.
struct Index<'a> {
    stories: std::collections::HashMap<&'a StoryId, &'a Story>,
    frames: std::collections::HashMap<&'a FrameId, &'a Frame>,
    photos: std::collections::HashSet<&'a PhotoId>,
    /// The stories whose threads run through each frame, in story order.
    owners: std::collections::HashMap<&'a FrameId, Vec<&'a StoryId>>,
}

impl<'a> Index<'a> {
    fn new(e: &'a Edition) -> Self {
        let mut owners: std::collections::HashMap<&FrameId, Vec<&StoryId>> =
            std::collections::HashMap::new();
        for s in &e.stories {
            for f in &s.thread {
                owners.entry(f).or_default().push(&s.id);
            }
        }
        Self {
            stories: e.stories.iter().map(|s| (&s.id, s)).collect(),
            frames: e
                .pages
                .iter()
                .flat_map(|p| &p.frames)
                .map(|f| (&f.id, f))
                .collect(),
            photos: e.photos.iter().map(|p| &p.id).collect(),
            owners,
        }
    }
}

/// Refuses a second use of an ID among `ids`, pointing at the second one: the first is
/// where it belongs, the copy is what the user added and must rename.
///
/// `(one, many, section)`: the kind's name, its plural, and the field its list is under in the
/// file, where the search for the duplicate starts.
fn check_unique<'a>(
    (one, many, section): (&str, &str, &'static str),
    ids: impl Iterator<Item = &'a str>,
) -> Result<(), Invalid> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            let mut invalid = Invalid::new(
                format!("two {many} have the ID \"{id}\"; IDs must be unique (rename this {one})"),
                &format!("id: \"{id}\""),
            );
            invalid.within = Some(section);
            invalid.nth = 1;
            return Err(invalid);
        }
    }
    Ok(())
}

/// A broken reference or rule in an otherwise well-formed edition.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub message: String,
    /// What the message is about, used to find its place in the file: an ID or a field name,
    /// or a snippet as written (`id: "body"`, `style: "subhead"`) for a more precise place.
    pub locate: String,
    /// The field at fault inside the thing `locate` finds (`size` of a style …), if any.
    pub field: Option<&'static str>,
    /// Where in the file to start looking (a list's field, `stories:`), if not at the top.
    pub within: Option<&'static str>,
    /// Which occurrence of `locate` from there, 0-based (1: a duplicate ID's second use).
    pub nth: usize,
}

impl Invalid {
    fn new(message: String, locate: &str) -> Self {
        Self {
            message,
            locate: locate.to_owned(),
            field: None,
            within: None,
            nth: 0,
        }
    }

    fn at_field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    fn missing(what: &str, id: &str, whose: &str) -> Self {
        Self::new(
            format!("{whose} names {what} \"{id}\", which does not exist"),
            id,
        )
    }
}
