//! The side panels: pages with thumbnails, stories, the properties of the selection, styles,
//! and preflight. Like the canvas, they only push [`Intent`](super::Intent)s; the app carries
//! them out.

mod comments;
mod decor;
mod fields;
mod pages;
mod preflight;
mod properties;
mod story;
mod styles;

pub use comments::{comments_ui, pins};
pub use pages::{Newsroom, pages_ui};
pub use preflight::preflight_ui;
pub use properties::properties_ui;
pub use styles::{StylesPanel, family_ui, size_name};
