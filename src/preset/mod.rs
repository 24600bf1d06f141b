//! Preset files: a cluster's attributes, what is uncertain about them, unit
//! costs and several named plans, shared between colleagues (reference model
//! §6, plans-and-levers §2). Reading is strict and names the first problem by
//! its path; writing always gives the canonical form of the newest version.

pub mod builtin;
mod check;
pub mod json;
mod read;
mod write;

use crate::attribute::Attributes;
use crate::model::Model;
use crate::plan::{Lever, Plan, PlanEntry, rules};
use crate::survey::evidence::AttributeEvidence;
use crate::text::fill;
use crate::text::messages::{Messages, messages};

pub use read::V1_PLAN_NAME;

pub use crate::format::PRESET_FORMAT;
/// The newest preset-file version this build reads and writes (it reads 1
/// to 4 as well). Version 3 added what the user writes into results-chain
/// boxes; version 4 added the currency; version 5 the attributes' evidence.
/// A preset is written in the oldest version that holds it
/// ([`Preset::file_version`]): 3 without a currency or evidence, so that
/// files without them save byte for byte as before and older workbenches
/// still open them, 4 with a currency, 5 with evidence, so that an older
/// workbench says it is too old rather than refusing an unknown key.
pub const PRESET_VERSION: u64 = 5;
/// The version a preset without a currency or evidence is written in.
pub const PRESET_VERSION_WITHOUT_CURRENCY: u64 = 3;
/// The version that added the currency.
pub const CURRENCY_VERSION: u64 = 4;
/// The version that added each attribute's evidence (issue 19): where its
/// value came from, a survey or the officer's note.
pub const EVIDENCE_VERSION: u64 = 5;
/// The longest currency a preset holds, in characters: enough for an ISO
/// 4217 code (USD) or a short label (FCFA, k EUR).
pub const MAX_CURRENCY_CHARS: usize = 12;
/// The largest preset file accepted, in bytes.
pub const MAX_PRESET_BYTES: u64 = 1_048_576;

/// A cluster and the plans for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub name: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub attributes: Attributes,
    /// For each attribute, the half-width of what is not known about it
    /// (0..=0.5; 0 = known).
    pub uncertainty: Attributes,
    /// Where attributes' values came from, for those where it is known.
    pub evidence: AttributeEvidence,
    /// What every cost of the preset is written in (an ISO 4217 code such as
    /// "USD", or a short label such as "FCFA"); `None` when not given.
    pub currency: Option<String>,
    pub unit_costs: UnitCosts,
    pub horizon_years: u32,
    pub plans: Vec<Plan>,
}

/// The cost of each catalogue intervention at intensity 1, where known, kept
/// in catalogue order (the order files write them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitCosts(Vec<(String, f64)>);

impl UnitCosts {
    /// The unit cost of a catalogue intervention, if known.
    pub fn get(&self, id: &str) -> Option<f64> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, c)| *c)
    }

    /// Sets or clears a unit cost, keeping catalogue order.
    pub fn set(&mut self, model: &Model, id: &str, cost: Option<f64>) {
        self.0.retain(|(k, _)| k != id);
        if let Some(c) = cost {
            self.0.push((id.to_owned(), c));
            let position = |k: &str| model.catalogue.iter().position(|i| i.id == k);
            self.0.sort_by_key(|(k, _)| position(k));
        }
    }

    /// What a catalogue entry costs by its unit cost: unit cost × intensity,
    /// `None` for a custom entry or an unknown unit cost.
    pub fn cost_of(&self, entry: &PlanEntry) -> Option<f64> {
        match &entry.lever {
            Lever::Catalogue(id) => self.get(id).map(|c| c * entry.intensity()),
            Lever::Custom(_) => None,
        }
    }

    /// The known unit costs, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.0.iter().map(|(k, c)| (k.as_str(), *c))
    }

    /// Whether no unit cost is known.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why a preset was refused: the path of the first problem in the file
/// (`plans[1].interventions[0].start_year`; empty for the file as a whole)
/// and the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", if path.is_empty() { reason.clone() } else { fill(messages().path_reason, &[("path", path), ("reason", reason)]) })]
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

    /// A catalogue id the model does not have, with the ids it has.
    pub(crate) fn unknown_intervention(path: impl Into<String>, id: &str, model: &Model) -> Self {
        let known: Vec<&str> = model.catalogue.iter().map(|i| i.id.as_str()).collect();
        PresetError::new(
            path,
            fill(
                messages().unknown_intervention,
                &[("id", id), ("known", &known.join(", "))],
            ),
        )
    }

    /// A message in the current language, filled.
    pub(crate) fn said(
        path: impl Into<String>,
        template: fn(&Messages) -> &'static str,
        args: &[(&str, &str)],
    ) -> Self {
        PresetError::new(path, crate::text::messages::said(template, args))
    }

    /// A value of the wrong kind: `expected` is the kind wanted.
    pub(crate) fn expected(
        path: impl Into<String>,
        expected: fn(&Messages) -> &'static str,
        found: &crate::preset::json::Json,
    ) -> Self {
        PresetError::said(
            path,
            |m| m.expected_found,
            &[("expected", expected(messages())), ("found", found.kind())],
        )
    }
}

/// Places a rule's refusal at a path in the file.
pub(crate) fn at<T>(path: &str, r: Result<T, impl std::fmt::Display>) -> Result<T, PresetError> {
    r.map_err(|e| PresetError::new(path, e.to_string()))
}

impl Preset {
    /// A new, untitled cluster with the model's default attributes and
    /// horizon, nothing uncertain, and no plan.
    pub fn new_untitled(model: &Model, name: &str) -> Preset {
        Preset {
            name: name.to_owned(),
            description: None,
            source: None,
            attributes: model.new_preset_attributes,
            uncertainty: Attributes::uniform(0.0),
            evidence: AttributeEvidence::default(),
            currency: None,
            unit_costs: UnitCosts::default(),
            horizon_years: model.default_horizon(),
            plans: Vec::new(),
        }
    }

    /// Reads a preset (version 1 to 5) from the bytes of a file, checking
    /// everything.
    pub fn from_bytes(bytes: &[u8], model: &Model) -> Result<Preset, PresetError> {
        read::read(bytes, model).map(|(preset, _)| preset)
    }

    /// Reads a preset and says which version the file was written in (an
    /// older file is saved as the newest version).
    pub fn from_bytes_with_version(
        bytes: &[u8],
        model: &Model,
    ) -> Result<(Preset, u64), PresetError> {
        read::read(bytes, model)
    }

    /// The version this preset is written in: 5 with evidence, 4 when it
    /// names a currency, else 3.
    pub fn file_version(&self) -> u64 {
        if !self.evidence.is_empty() {
            EVIDENCE_VERSION
        } else if self.currency.is_some() {
            CURRENCY_VERSION
        } else {
            PRESET_VERSION_WITHOUT_CURRENCY
        }
    }

    /// The canonical file text (in [`Preset::file_version`]): pretty JSON,
    /// keys in the documented order, one trailing newline.
    pub fn to_canonical_json(&self) -> String {
        write::canonical(self)
    }

    /// The canonical text, checked to read back as this very preset: one that
    /// would not (a non-finite number, say) is refused rather than written.
    pub fn to_checked_json(&self, model: &Model) -> Result<String, PresetError> {
        self.check(model)?;
        let text = self.to_canonical_json();
        Preset::from_bytes(text.as_bytes(), model)?;
        Ok(text)
    }

    /// Checks every value by the rules the reader applies, naming the first
    /// problem by the path it would have in the file. The editor runs this
    /// after each change, so it cannot make a preset the reader would refuse.
    pub fn check(&self, model: &Model) -> Result<(), PresetError> {
        check::check(self, model)
    }

    /// The plan with this name: written exactly so, or else the one whose
    /// name clashes with it (the same trimmed and ignoring case).
    /// Whether any attribute is uncertain (then the Monte Carlo has bands
    /// to draw).
    pub fn is_uncertain(&self) -> bool {
        self.uncertainty.iter().any(|(_, u)| u > 0.0)
    }

    pub fn plan_named(&self, name: &str) -> Option<usize> {
        self.plans.iter().position(|p| p.name == name).or_else(|| {
            self.plans
                .iter()
                .position(|p| rules::same_name(&p.name, name))
        })
    }

    /// The plan with this index, if there is one.
    pub fn plan(&self, index: usize) -> Option<&Plan> {
        self.plans.get(index)
    }
}
