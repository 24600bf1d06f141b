//! The presets shipped in `presets/`, compiled into the binary so that the
//! workbench has them wherever it runs.

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

/// A shipped preset as the File menu lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub file: String,
    /// The preset's own name, or the file name when it does not load.
    pub name: String,
    pub shelf: Shelf,
}

/// The shipped presets with their names, read with `model`.
pub fn listed(model: &crate::model::Model) -> Vec<Listed> {
    BUILT_IN
        .iter()
        .map(|b| Listed {
            file: b.file.to_owned(),
            name: crate::preset::Preset::from_bytes(b.text.as_bytes(), model)
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
