//! What the workbench remembers between runs (through eframe's storage):
//! theme, recent files, the last preset, view choices. Window size is kept by
//! eframe itself. Every field has a default, so an old or damaged settings
//! file resets only what it cannot read.

use super::action::{DockTab, MatrixView, ThemeChoice};
use crate::language::{Language, Locale, NumberChoice};
use crate::location::Location;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The key under which settings are stored.
pub const SETTINGS_KEY: &str = "cluster-workbench-settings";

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 8;

/// Remembered choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    /// The language the user chose; `None` until they choose, when the
    /// workbench follows the system's language.
    pub language: Option<Language>,
    /// How numbers are written for a person.
    pub numbers: NumberChoice,
    /// The language the system or the browser gives, followed until the
    /// user chooses one. Asked at each start, never stored.
    #[serde(skip)]
    pub system_language: Option<Language>,
    pub recent: Vec<PathBuf>,
    /// The document to reopen at start.
    pub last: Option<Location>,
    pub show_efforts: bool,
    pub matrix_view: MatrixView,
    /// The view the dock under the matrix shows.
    pub dock: DockTab,
    /// The share of the height the dock takes.
    pub dock_share: f32,
    /// The zoom before workshop mode began, while it lasts: eframe keeps
    /// the zoom and full screen of a window that quits while presenting, and
    /// the next start gives this back.
    pub workshop_zoom_before: Option<f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::Light,
            language: None,
            numbers: NumberChoice::AsLanguage,
            system_language: None,
            recent: Vec::new(),
            last: None,
            show_efforts: false,
            matrix_view: MatrixView::WithPlan,
            dock: DockTab::Capability,
            dock_share: 0.37,
            workshop_zoom_before: None,
        }
    }
}

impl Settings {
    /// The settings stored under [`SETTINGS_KEY`]: the defaults when there
    /// are none, and when they cannot be read, the defaults and the reason.
    pub fn read(stored: Option<&str>) -> (Settings, Option<String>) {
        match stored.map(ron::from_str::<Settings>) {
            None => (Settings::default(), None),
            Some(Ok(s)) => (s, None),
            Some(Err(e)) => (Settings::default(), Some(e.to_string())),
        }
    }

    /// Whether the bytes of eframe's settings file (`app.ron`, a map of
    /// keys to strings) can be read; the reason when they cannot.
    pub fn file_is_sound(bytes: &[u8]) -> Result<(), String> {
        let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
        ron::from_str::<std::collections::HashMap<String, String>>(text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// The text stored under [`SETTINGS_KEY`].
    pub fn to_stored(&self) -> String {
        // Plain fields of strings, numbers and enums always serialise.
        ron::to_string(self).unwrap_or_default()
    }

    /// The language and number style: the user's choice, else the
    /// system's language, else English.
    pub fn locale(&self) -> Locale {
        Locale {
            language: self.language.or(self.system_language).unwrap_or_default(),
            numbers: self.numbers,
        }
    }

    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(RECENT_LIMIT);
        self.last = Some(Location::File(path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_settings_give_the_defaults_and_say_why() {
        let mut s = Settings {
            theme: ThemeChoice::Dark,
            ..Settings::default()
        };
        s.remember(PathBuf::from("/p/a.json"));
        let (back, note) = Settings::read(Some(&s.to_stored()));
        assert_eq!((back, note), (s, None));
        assert_eq!(Settings::read(None), (Settings::default(), None));
        for damaged in [
            "(theme: Dar",
            "\u{0}\u{1}",
            "[1, 2, 3]",
            "(dock_share: \"wide\")",
        ] {
            let (back, note) = Settings::read(Some(damaged));
            assert_eq!(back, Settings::default(), "{damaged}");
            assert!(note.is_some_and(|n| !n.is_empty()), "{damaged}");
        }
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.remember(PathBuf::from(format!("/p/{i}.json")));
        }
        s.remember(PathBuf::from("/p/5.json"));
        assert_eq!(s.recent.len(), RECENT_LIMIT);
        assert_eq!(s.recent[0], PathBuf::from("/p/5.json"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("5.json")).count(), 1);
        assert_eq!(s.last, Some(Location::File(PathBuf::from("/p/5.json"))));
    }

    #[test]
    fn settings_written_by_earlier_versions_still_read() {
        // The last document as the settings wrote it when it had a type of
        // its own (`LastDocument`): the same names, so the same bytes.
        for (stored, last) in [
            (
                r#"(theme: Dark, last: Some(File("/p/a.json")))"#,
                Location::File(PathBuf::from("/p/a.json")),
            ),
            (
                r#"(theme: Dark, last: Some(BuiltIn("teaching-case.json")))"#,
                Location::BuiltIn("teaching-case.json".into()),
            ),
            (r#"(theme: Dark, last: Some(Untitled))"#, Location::Untitled),
        ] {
            let (s, note) = Settings::read(Some(stored));
            assert_eq!(note, None, "{stored}");
            assert_eq!(s.theme, ThemeChoice::Dark, "{stored}");
            assert_eq!(s.last, Some(last), "{stored}");
        }
        let s = Settings {
            last: Some(Location::BuiltIn("x.json".into())),
            ..Settings::default()
        };
        assert!(s.to_stored().contains(r#"last:Some(BuiltIn("x.json"))"#));
    }

    #[test]
    fn settings_missing_fields_keep_their_defaults() {
        // Settings written by an older version lack newer fields.
        let s: Settings =
            serde_json::from_str(r#"{"theme": "Dark", "show_efforts": true}"#).unwrap();
        assert_eq!(s.theme, ThemeChoice::Dark);
        assert!(s.show_efforts);
        assert!(s.recent.is_empty());
        assert_eq!(s.matrix_view, MatrixView::WithPlan);
    }
}
