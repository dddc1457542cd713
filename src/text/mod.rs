//! Text composition: fonts, shaping, break opportunities with the clreq tailoring, and lines
//! set one at a time to a width given per line.
//!
//! The pipeline reads top to bottom: [`class`] sorts characters, [`breaks`] finds where lines
//! may end, [`metrics`] measures (a real font through [`fonts`], or the clreq model M),
//! [`prepare`] builds a [`Paragraph`], [`total_fit`] chooses a paragraph's breaks together
//! ([`linebreak`] sets one line at a time when it cannot) and [`justify`] sets each line to
//! the measure.

pub mod breaks;
pub mod class;
pub mod fonts;
mod justify;
pub mod linebreak;
pub mod metrics;
pub mod prepare;
pub mod runs;
pub mod sources;
mod span;
pub mod total_fit;
pub mod vertical;

pub use fonts::{EmbeddingBan, Face, FontBook, FontId, UnknownFont};
pub use linebreak::{Line, LineBreaker};
pub use metrics::{Measured, Metrics, ModelM, ShapedGlyph};
pub use prepare::{Options, Paragraph, ShrinkPolicy};
pub use runs::{Glyph, GlyphRun};
pub use sources::{FamilyEntry, FontSources, Place};
pub use total_fit::Widths;
