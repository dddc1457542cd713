//! Broadsheet: newspaper page layout with Chinese typography by default.
//!
//! The layers, lowest first (see `docs/architecture.md`): [`model`] (the edition and its files),
//! [`import`] (article text to stories), [`resources`] (photos and fonts by origin), [`store`]
//! (where an edition lives: RON files or a PostgreSQL server), and the command line in [`cli`].
//! The editor lives in `app`, behind the `gui` feature.

pub mod bundle;
pub mod cli;
pub mod export;
pub mod import;
pub mod layout;
pub mod model;
pub mod render;
pub mod resources;
pub mod sample;
pub mod store;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;
