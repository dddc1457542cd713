//! The document model: an edition with its templates, styles, stories, photos and pages.
//! Everything refers by stable ID; files are versioned RON (see [`io`]).

mod arrange;
mod clipboard;
mod crop;
mod diagnostic;
mod edit;
mod edition;
mod fonts;
mod fresh;
mod ids;
pub mod io;
mod page;
mod parts;
mod press;
mod regrid;
mod restyle;
mod settings;
mod status;
mod story;
mod story_field;
mod structure;
mod style;
mod template;
mod units;

pub use arrange::{AlignTo, Axis, bounding_box, scale_rect};
pub use clipboard::Clip;
pub use crop::Crop;
pub use diagnostic::{Diagnostic, Severity};
pub use edit::{Edit, EditError};
pub use edition::{Edition, FORMAT_VERSION, Invalid, JumpTemplate, RoleStyles, Section};
pub use fonts::{FontPlace, FontRecord};
pub use ids::{FrameId, PageId, PhotoId, SectionId, StoryId, StyleId, TemplateId};
pub use page::{
    Fit, Frame, FrameKind, FrameProblem, MAX_FRAME_COLUMNS, MAX_FRAME_PT, MAX_WEIGHT_PT,
    MIN_WRAP_CHARS, Page, Photo, RuleStyle, Stroke, Wrap,
};
pub use parts::Part;
pub use press::PressSettings;
pub use regrid::regrid_rect;
pub use restyle::StyleUse;
pub use settings::{
    DateError, EditionSettings, FOLIO_PLACEHOLDERS, default_folio, format_date, parse_date,
};
pub use status::PageStatus;
pub use story::{BodyParagraph, Copyfit, CopyfitLimits, Lang, Story, StoryStyles};
pub use story_field::StoryField;
pub use structure::{NewFrame, StructureError};
pub use style::{
    Align, CharacterStyle, Figures, FontSpec, MAX_SCALE, MAX_SIZE_PT, MIN_SCALE, ParagraphStyle,
    Problem, Prohibition, PunctStyle, Punctuation, Push, Range, Styles, Weight,
};
pub use template::{
    ColumnChars, FolioSpec, MAX_BLEED_PT, MAX_COLUMNS, MAX_MODULES, MAX_PAGE_PT, Margins,
    PageTemplate, Rect,
};
pub use units::{CHINESE_SIZES, Color, FontSize, Length, Pt, chinese_size};
