//! Cluster Workbench: a policy-design workbench for clusters of small firms,
//! after Caniëls & Romijn (2001).
//!
//! The domain core (everything but [`app`] and [`ui`]) is plain Rust without
//! egui, so the window, the command line and the tests drive the same code:
//! [`model`] reads the model file, [`cells`] evaluates Table 1, [`trajectory`]
//! simulates capability accumulation, [`plan`] applies interventions,
//! [`warnings`] says where a plan will not work, [`evaluation`] ties them
//! together, [`preset`] and [`report`] are the file formats.

pub mod attribute;
pub mod cells;
pub mod cli;
pub mod evaluation;
pub mod files;
pub mod mechanism;
pub mod model;
pub mod plan;
pub mod preset;
pub mod report;
pub mod trajectory;
pub mod warnings;

pub mod app;
pub mod ui;
