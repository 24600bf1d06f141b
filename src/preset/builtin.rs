//! The presets shipped in `presets/`, compiled into the binary so that the
//! workbench has them wherever it runs.

use serde::Deserialize;

use crate::language::Language;
use crate::model::Model;
use crate::preset::{Preset, PresetError};

/// What a shipped preset is for, which decides where the File menu lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shelf {
    /// A cluster from a study the paper cites, with the study's facts.
    Case,
    /// An illustrative cluster made to teach one point.
    Teaching,
}

/// A shipped preset: its file name, text and shelf.
pub struct BuiltIn {
    pub file: &'static str,
    pub text: &'static str,
    pub shelf: Shelf,
}

macro_rules! built_in {
    ($file:literal, $shelf:expr) => {
        BuiltIn {
            file: $file,
            text: include_str!(concat!("../../presets/", $file)),
            shelf: $shelf,
        }
    };
}

/// Every file in `presets/` (a test checks that none is missing): the cases
/// in the order the paper discusses them, then the teaching examples.
pub const BUILT_IN: &[BuiltIn] = &[
    built_in!("ludhiana-1990s.json", Shelf::Case),
    built_in!("fepach-chile.json", Shelf::Case),
    built_in!("sialkot-after-1994.json", Shelf::Case),
    built_in!("gamarra-lima.json", Shelf::Case),
    built_in!("rural-java.json", Shelf::Case),
    built_in!("supply-side-only.json", Shelf::Teaching),
    built_in!("supply-side-with-demand.json", Shelf::Teaching),
    built_in!("teaching-case.json", Shelf::Teaching),
];

impl BuiltIn {
    /// The preset with its name, description and plan names in `language`,
    /// from the shipped words files (English is the file itself).
    pub fn read(&self, model: &Model, language: Language) -> Result<Preset, PresetError> {
        let mut preset = Preset::from_bytes(self.text.as_bytes(), model)?;
        if let Some(words) = self.words(language) {
            words.apply(&mut preset);
            // A translated name is held to the rules a typed one is (length,
            // "Sans plan", used twice), so what opens can be saved and read.
            preset.check(model)?;
        }
        Ok(preset)
    }

    /// The file name without `.json`: the key of its words.
    pub fn stem(&self) -> &'static str {
        self.file.strip_suffix(".json").unwrap_or(self.file)
    }

    /// The preset's words in `language`, where a words file has them.
    pub fn words(&self, language: Language) -> Option<PresetWords> {
        let words = crate::model::words::read(crate::model::words::shipped(language)?).ok()?;
        serde_json::from_value(words.presets.get(self.stem())?.clone()).ok()
    }
}

/// A shipped preset's words in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetWords {
    pub name: String,
    pub description: String,
    /// Where an illustrative preset comes from, in words; a case's
    /// citation stays as the file gives it.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub plans: Vec<PlanWords>,
}

/// A plan's words in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanWords {
    pub name: String,
    pub note: Option<String>,
}

impl PresetWords {
    /// Puts these words into the preset, plan by plan in order.
    fn apply(self, preset: &mut Preset) {
        preset.name = self.name;
        preset.description = Some(self.description);
        if self.source.is_some() {
            preset.source = self.source;
        }
        for (plan, words) in preset.plans.iter_mut().zip(self.plans) {
            plan.name = words.name;
            if words.note.is_some() {
                plan.note = words.note;
            }
        }
    }
}

/// A shipped preset as the File menu lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub file: String,
    /// The preset's own name, or the file name when it does not load.
    pub name: String,
    pub shelf: Shelf,
}

/// The shipped presets with their names in `language`, read with `model`.
pub fn listed(model: &Model, language: Language) -> Vec<Listed> {
    BUILT_IN
        .iter()
        .map(|b| Listed {
            file: b.file.to_owned(),
            name: b
                .read(model, language)
                .map_or_else(|_| b.file.to_owned(), |p| p.name),
            shelf: b.shelf,
        })
        .collect()
}

/// The shipped preset with this file name.
pub fn built_in(file: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.file == file)
}

/// The preset a first-time user sees: the framework's main warning, live.
pub const FIRST_RUN: &str = "supply-side-only.json";
