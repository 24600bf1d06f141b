//! Cluster Workbench: a policy-design workbench for clusters of small firms,
//! after Caniëls & Romijn (2001).
//!
//! The domain core is plain Rust without egui, so the window, the command line
//! and the tests drive the same code: [`model`] reads the model file, [`cells`]
//! evaluates Table 1, [`trajectory`] simulates capability accumulation,
//! [`plan`] holds plans of interventions and their rules, [`warnings`] says
//! where a plan will not work, [`evaluation`] ties them together,
//! [`analysis`] compares plans, [`edit`] is every change a user can make,
//! [`preset`] and [`report`] are the file formats, [`link`] puts a preset
//! in a link to share, [`location`] says where a document came from, [`export`] writes the
//! documents that leave the workbench (the HTML report, CSV).
//!
//! Above it, in layers that only look down: [`app`] holds the window's state
//! and applies actions, [`ui`] draws that state and emits actions, and
//! `window` wraps both in an eframe window on the desktop, `web` in a
//! page in the browser; these build only with the `gui` feature (on by
//! default). What differs between desktop and browser is behind one seam,
//! [`platform`]. [`text`] holds every string the
//! window shows that is not the model's own.

pub mod analysis;
pub mod attribute;
pub mod cells;
pub mod chain;
pub mod cli;
pub mod edit;
pub mod evaluation;
pub mod files;
pub mod format;
pub mod language;
pub mod link;
pub mod location;
pub mod mechanism;
pub mod model;
pub mod plan;
pub mod platform;
pub mod preset;
pub mod report;
pub mod survey;
pub mod trajectory;
pub mod warnings;
pub mod words;

pub mod export;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod ui;
#[cfg(all(feature = "gui", target_arch = "wasm32"))]
pub mod web;
#[cfg(all(feature = "gui", not(target_arch = "wasm32")))]
pub mod window;
