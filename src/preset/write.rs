//! The canonical form of a preset file: serde_json's pretty printer, keys in the
//! documented order, optional fields only when present, one trailing newline.
//! Struct field order here *is* the key order of the file.

use super::{PRESET_FORMAT, PRESET_VERSION, Preset};
use crate::attribute::{Attribute, Attributes};
use crate::plan::{Lever, Plan, PlanEntry};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<PlanOut<'a>>,
}

#[derive(Serialize)]
struct PlanOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    horizon_years: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interventions: Option<&'a [PlanEntry]>,
}

impl<'a> From<&'a Plan> for PlanOut<'a> {
    fn from(p: &'a Plan) -> Self {
        PlanOut {
            horizon_years: p.horizon_years,
            interventions: p.interventions.as_deref(),
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
    let out = PresetOut {
        format: PRESET_FORMAT,
        version: PRESET_VERSION,
        name: &p.name,
        description: p.description.as_deref(),
        source: p.source.as_deref(),
        attributes: &p.attributes,
        plan: p.plan.as_ref().map(PlanOut::from),
    };
    // Serialising these plain structs cannot fail: every key is a string and
    // serde_json writes a non-finite f64 as null rather than failing (the
    // reader then refuses it, which `save` checks).
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
