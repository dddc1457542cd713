//! Stable identifiers. Everything that refers to something else refers by ID, never by its
//! position in a list, so reordering pages or stories cannot silently re-point a reference.
//!
//! IDs are shared strings: the display list repeats a frame's and a story's ID on every run it
//! sets, and copying them must not allocate.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Arc<str>);

        impl $name {
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(Arc::from(id.as_ref()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(Arc::from(id))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Names a story (article) in the edition's content section.
    StoryId
);
id_type!(
    /// Names a frame on a page.
    FrameId
);
id_type!(
    /// Names a page; stays with the page when pages are reordered.
    PageId
);
id_type!(
    /// Names a photo in the edition's photo list.
    PhotoId
);
id_type!(
    /// Names a page template.
    TemplateId
);
id_type!(
    /// Names a paragraph or character style.
    StyleId
);
id_type!(
    /// Names a section (a run of pages such as 要闻 or A).
    SectionId
);
