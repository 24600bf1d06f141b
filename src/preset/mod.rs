//! Preset files: a cluster's attributes and a plan of interventions, shared
//! between colleagues (reference model §6). Reading is strict and names the
//! first problem by its path; writing always gives the canonical form.

pub mod json;
mod read;
mod write;

use crate::attribute::Attributes;
use crate::model::Model;
use crate::plan::{Plan, PlanEntry};

/// The `format` value of a preset file.
pub const PRESET_FORMAT: &str = "cluster-workbench-preset";
/// The preset-file version this build reads and writes.
pub const PRESET_VERSION: u64 = 1;
/// The largest preset file accepted, in bytes.
pub const MAX_PRESET_BYTES: u64 = 1_048_576;

/// A cluster and its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub name: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub attributes: Attributes,
    /// Absent in the file means no entries and the model's horizon.
    pub plan: Option<Plan>,
}

/// Why a preset was refused: the path of the first problem in the file
/// (`plan.interventions[1].start_year`; empty for the file as a whole) and the
/// reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{reason}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct PresetError {
    pub path: String,
    pub reason: String,
}

impl PresetError {
    pub(crate) fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        PresetError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl Preset {
    /// A new, untitled cluster with the model's default attributes and no plan.
    pub fn new_untitled(model: &Model, name: &str) -> Preset {
        Preset {
            name: name.to_owned(),
            description: None,
            source: None,
            attributes: model.new_preset_attributes,
            plan: None,
        }
    }

    /// Reads a preset from the bytes of a file, checking everything.
    pub fn from_bytes(bytes: &[u8], model: &Model) -> Result<Preset, PresetError> {
        read::read(bytes, model)
    }

    /// The canonical file text: pretty JSON, keys in the documented order, one
    /// trailing newline.
    pub fn to_canonical_json(&self) -> String {
        write::canonical(self)
    }

    /// The canonical text, checked to read back: a preset that would not load
    /// again (a non-finite number, say) is refused rather than written.
    pub fn to_checked_json(&self, model: &Model) -> Result<String, PresetError> {
        let text = self.to_canonical_json();
        Preset::from_bytes(text.as_bytes(), model)?;
        Ok(text)
    }

    /// The plan's entries (none without a plan).
    pub fn entries(&self) -> &[PlanEntry] {
        self.plan.as_ref().map_or(&[], |p| p.entries())
    }

    /// The horizon in years.
    pub fn horizon(&self, model: &Model) -> u32 {
        self.plan
            .as_ref()
            .map_or_else(|| model.default_horizon(), |p| p.horizon(model))
    }

    /// The plan, created empty if the preset has none, for editing.
    pub fn plan_mut(&mut self) -> &mut Plan {
        self.plan.get_or_insert_with(Plan::default)
    }
}
