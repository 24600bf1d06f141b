//! What the workbench remembers between runs (through eframe's storage):
//! theme, recent files, the last preset, view choices. Window size is kept by
//! eframe itself. Every field has a default, so an old or damaged settings
//! file resets only what it cannot read.

use super::action::{MatrixView, ThemeChoice};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The key under which settings are stored.
pub const SETTINGS_KEY: &str = "cluster-workbench-settings";

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 8;

/// The document to reopen at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LastDocument {
    File(PathBuf),
    BuiltIn(String),
    /// A new cluster (not saved, so nothing to reopen).
    Untitled,
}

/// Remembered choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub recent: Vec<PathBuf>,
    pub last: Option<LastDocument>,
    pub show_efforts: bool,
    pub matrix_view: MatrixView,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::Light,
            recent: Vec::new(),
            last: None,
            show_efforts: false,
            matrix_view: MatrixView::WithPlan,
        }
    }
}

impl Settings {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(RECENT_LIMIT);
        self.last = Some(LastDocument::File(path));
    }
}
