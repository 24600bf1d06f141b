//! The presets shipped in `presets/`, compiled into the binary so that the
//! workbench has them wherever it runs.

/// A shipped preset: its file name and text.
pub struct BuiltIn {
    pub file: &'static str,
    pub text: &'static str,
}

/// Every file in `presets/` (a test checks that none is missing).
pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        file: "teaching-case.json",
        text: include_str!("../../presets/teaching-case.json"),
    },
    BuiltIn {
        file: "supply-side-only.json",
        text: include_str!("../../presets/supply-side-only.json"),
    },
    BuiltIn {
        file: "supply-side-with-demand.json",
        text: include_str!("../../presets/supply-side-with-demand.json"),
    },
];

/// The shipped preset with this file name.
pub fn built_in(file: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.file == file)
}

/// The preset a first-time user sees: the framework's main warning, live.
pub const FIRST_RUN: &str = "supply-side-only.json";
