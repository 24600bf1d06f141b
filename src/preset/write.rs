//! The canonical form of a preset file (version 3, 4 with a currency, 5
//! with evidence): serde_json's pretty
//! printer, keys in the documented order, optional fields only when present,
//! one trailing newline. Struct field order here *is* the key order of the
//! file.

use super::{PRESET_FORMAT, Preset, UnitCosts};
use crate::attribute::{Attribute, Attributes};
use crate::plan::indicators::Indicators;
use crate::plan::{Lever, Plan, PlanEntry};
use crate::survey::evidence::{AttributeEvidence, Evidence, SurveyEvidence};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

#[derive(Serialize)]
struct PresetOut<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    attributes: &'a Attributes,
    /// Only the attributes with a half-width above 0; the key only when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    uncertainty: Option<Uncertain<'a>>,
    /// Only the attributes with evidence; the key only when one has (version 5).
    #[serde(skip_serializing_if = "AttributeEvidence::is_empty")]
    evidence: &'a AttributeEvidence,
    /// Only when given (version 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    #[serde(skip_serializing_if = "UnitCosts::is_empty")]
    unit_costs: &'a UnitCosts,
    horizon_years: u32,
    plans: Vec<PlanOut<'a>>,
}

struct Uncertain<'a>(&'a Attributes);

impl Serialize for Uncertain<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (a, u) in self.0.iter().filter(|(_, u)| *u > 0.0) {
            map.serialize_entry(a.id(), &u)?;
        }
        map.end()
    }
}

impl Serialize for UnitCosts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (id, cost) in self.iter() {
            map.serialize_entry(id, &cost)?;
        }
        map.end()
    }
}

/// Each attribute's evidence: the survey's numbers, then the note.
impl Serialize for AttributeEvidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (a, e) in self.iter() {
            map.serialize_entry(a.id(), e)?;
        }
        map.end()
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(survey) = &self.survey {
            map.serialize_entry("survey", survey)?;
        }
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

impl Serialize for SurveyEvidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("form_version", &self.form_version)?;
        if let Some(day) = &self.date {
            map.serialize_entry("date", day)?;
        }
        map.serialize_entry("n", &self.n)?;
        map.serialize_entry("spread", &self.spread)?;
        map.end()
    }
}

#[derive(Serialize)]
struct PlanOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    interventions: &'a [PlanEntry],
    #[serde(skip_serializing_if = "Indicators::is_empty")]
    indicators: &'a Indicators,
}

impl<'a> From<&'a Plan> for PlanOut<'a> {
    fn from(p: &'a Plan) -> Self {
        PlanOut {
            name: &p.name,
            note: p.note.as_deref(),
            interventions: &p.entries,
            indicators: &p.indicators,
        }
    }
}

impl Serialize for PlanEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match &self.lever {
            Lever::Catalogue(id) => map.serialize_entry("id", id)?,
            Lever::Custom(c) => map.serialize_entry(
                "custom",
                &CustomOut {
                    name: &c.name,
                    side: c.side.id(),
                    effects: Effects(&c.effects),
                },
            )?,
        }
        map.serialize_entry("start_year", &self.start_year)?;
        if let Some(i) = self.intensity {
            map.serialize_entry("intensity", &i)?;
        }
        if let Some(c) = self.cost {
            map.serialize_entry("cost", &c)?;
        }
        if !self.indicators.is_empty() {
            map.serialize_entry("indicators", &self.indicators)?;
        }
        map.end()
    }
}

/// Boxes in chain order, each with the fields the user wrote, in file order.
impl Serialize for Indicators {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Fields<'a>(&'a crate::plan::indicators::Indicator);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                for (f, v) in self.0.written() {
                    map.serialize_entry(f.id(), v)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(None)?;
        for (kind, indicator) in self.iter() {
            map.serialize_entry(kind.id(), &Fields(indicator))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct CustomOut<'a> {
    name: &'a str,
    side: &'static str,
    effects: Effects<'a>,
}

/// Effects in reference-model attribute order.
struct Effects<'a>(&'a [(Attribute, f64)]);

impl Serialize for Effects<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut sorted = self.0.to_vec();
        sorted.sort_by_key(|(a, _)| *a);
        let mut map = s.serialize_map(Some(sorted.len()))?;
        for (a, v) in sorted {
            map.serialize_entry(a.id(), &v)?;
        }
        map.end()
    }
}

pub(super) fn canonical(p: &Preset) -> String {
    let any_uncertain = p.is_uncertain();
    let out = PresetOut {
        format: PRESET_FORMAT,
        version: p.file_version(),
        name: &p.name,
        description: p.description.as_deref(),
        source: p.source.as_deref(),
        attributes: &p.attributes,
        uncertainty: any_uncertain.then_some(Uncertain(&p.uncertainty)),
        evidence: &p.evidence,
        currency: p.currency.as_deref(),
        unit_costs: &p.unit_costs,
        horizon_years: p.horizon_years,
        plans: p.plans.iter().map(PlanOut::from).collect(),
    };
    // Serialising these plain structs cannot fail: every key is a string and
    // serde_json writes a non-finite f64 as null rather than failing (the
    // reader then refuses it, which `to_checked_json` checks).
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
