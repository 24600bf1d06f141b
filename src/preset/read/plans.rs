//! Reading plans and their entries. Types are checked here; values go
//! through the rules of [`crate::plan::rules`], the same the editor applies.

use super::fields::{
    Result, array, check_duplicates, check_keys, get, integer, join, number, object,
    optional_string, required, string,
};
use super::indicators::{Owner, indicators};
use crate::attribute::{Attribute, Attributes};
use crate::model::Model;
use crate::model::catalogue::{Side, check_effect};
use crate::plan::indicators::Indicators;
use crate::plan::{CustomIntervention, Lever, Plan, PlanEntry, rules};
use crate::preset::PresetError;
use crate::preset::at;
use crate::preset::json::Json;

const PLAN_KEYS: &[&str] = &["name", "note", "interventions", "indicators"];
const ENTRY_KEYS: &[&str] = &[
    "id",
    "custom",
    "start_year",
    "intensity",
    "cost",
    "indicators",
];
const CUSTOM_KEYS: &[&str] = &["name", "side", "effects"];

/// What a file of this version may hold.
#[derive(Debug, Clone, Copy)]
pub(super) struct Version(pub u64);

impl Version {
    /// Refuses results-chain indicators in a file older than version 3,
    /// where they would mean a file that claims a version it is not.
    fn indicators(self, pairs: &[(String, Json)], path: &str, owner: Owner) -> Result<Indicators> {
        match get(pairs, "indicators") {
            None => Ok(Indicators::default()),
            Some(_) if self.0 < 3 => Err(PresetError::said(
                join(path, "indicators"),
                |m| m.indicators_too_early,
                &[("version", &self.0.to_string())],
            )),
            Some(v) => indicators(v, &join(path, "indicators"), owner),
        }
    }
}

/// The `plans` array of a version 2 or 3 file.
pub(super) fn plans(v: &Json, horizon: u32, model: &Model, version: Version) -> Result<Vec<Plan>> {
    let items = array(v, "plans")?;
    at("plans", rules::plan_count(items.len()))?;
    let mut out: Vec<Plan> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("plans[{i}]");
        let pairs = object(item, &path)?;
        check_keys(pairs, &path, PLAN_KEYS, |m| m.in_a_plan)?;
        let name_path = join(&path, "name");
        let name = string(required(pairs, &path, "name")?, &name_path)?;
        at(
            &name_path,
            rules::plan_name_among(&name, out.iter().map(|p| p.name.as_str())),
        )?;
        let note = optional_string(pairs, &path, "note")?;
        let entries = match get(pairs, "interventions") {
            Some(v) => entries(v, &join(&path, "interventions"), horizon, model, version)?,
            None => Vec::new(),
        };
        let indicators = version.indicators(pairs, &path, Owner::Plan)?;
        out.push(Plan {
            name,
            note,
            entries,
            indicators,
        });
    }
    Ok(out)
}

/// An array of plan entries.
pub(super) fn entries(
    v: &Json,
    path: &str,
    horizon: u32,
    model: &Model,
    version: Version,
) -> Result<Vec<PlanEntry>> {
    array(v, path)?
        .iter()
        .enumerate()
        .map(|(i, item)| entry(item, &format!("{path}[{i}]"), horizon, model, version))
        .collect()
}

fn entry(v: &Json, path: &str, horizon: u32, model: &Model, version: Version) -> Result<PlanEntry> {
    let pairs = object(v, path)?;
    check_keys(pairs, path, ENTRY_KEYS, |m| m.in_a_plan_entry)?;
    let lever = match (get(pairs, "id"), get(pairs, "custom")) {
        (Some(_), Some(_)) => {
            return Err(PresetError::said(path, |m| m.id_and_custom, &[]));
        }
        (None, None) => {
            return Err(PresetError::said(path, |m| m.id_or_custom, &[]));
        }
        (Some(id), None) => {
            let p = join(path, "id");
            let id = string(id, &p)?;
            if model.intervention(&id).is_none() {
                return Err(PresetError::unknown_intervention(p, &id, model));
            }
            Lever::Catalogue(id)
        }
        (None, Some(custom_json)) => Lever::Custom(custom(custom_json, &join(path, "custom"))?),
    };
    let year_path = join(path, "start_year");
    let year = integer(required(pairs, path, "start_year")?, &year_path)?;
    let start_year = at(&year_path, rules::start_year(year, horizon))?;
    let intensity = match get(pairs, "intensity") {
        Some(v) => {
            let p = join(path, "intensity");
            Some(at(&p, rules::intensity(number(v, &p)?))?)
        }
        None => None,
    };
    let cost = match get(pairs, "cost") {
        Some(v) => {
            let p = join(path, "cost");
            Some(at(&p, rules::cost(number(v, &p)?))?)
        }
        None => None,
    };
    let indicators = version.indicators(pairs, path, Owner::Entry)?;
    Ok(PlanEntry {
        lever,
        start_year,
        intensity,
        cost,
        indicators,
    })
}

fn custom(v: &Json, path: &str) -> Result<CustomIntervention> {
    let pairs = object(v, path)?;
    check_keys(pairs, path, CUSTOM_KEYS, |m| m.in_a_custom_intervention)?;
    let name_path = join(path, "name");
    let name = string(required(pairs, path, "name")?, &name_path)?;
    at(&name_path, rules::custom_name(&name))?;
    let side_path = join(path, "side");
    let side_text = string(required(pairs, path, "side")?, &side_path)?;
    let side = Side::from_id(&side_text)
        .ok_or_else(|| PresetError::said(side_path, |m| m.not_a_side, &[("side", &side_text)]))?;
    let effects_path = join(path, "effects");
    let effect_pairs = object(required(pairs, path, "effects")?, &effects_path)?;
    let mut effects: Vec<(Attribute, f64)> = Vec::new();
    for (key, value) in effect_pairs {
        let p = join(&effects_path, key);
        // The type first (a finite number), then the rule shared with the
        // model's catalogue.
        let delta = number(value, &p)?;
        let a = at(&p, check_effect(key, delta, &effects))?;
        effects.push((a, delta));
    }
    // The same rules the editor's constructor applies, and the canonical
    // order of the effects.
    at(&effects_path, CustomIntervention::new(name, side, &effects))
}

/// The attributes: all twelve, each in 0..=1.
pub(super) fn attributes(v: &Json) -> Result<Attributes> {
    let path = "attributes";
    let pairs = object(v, path)?;
    check_duplicates(pairs, path)?;
    let mut out = Attributes::uniform(0.0);
    let mut seen = [false; Attribute::COUNT];
    for (key, value) in pairs {
        let p = join(path, key);
        let a = Attribute::from_id(key).ok_or_else(|| {
            PresetError::said(p.clone(), |m| m.unknown_attribute, &[("key", key)])
        })?;
        out[a] = at(&p, rules::attribute(number(value, &p)?))?;
        seen[a.index()] = true;
    }
    if let Some(missing) = Attribute::ALL.into_iter().find(|a| !seen[a.index()]) {
        return Err(PresetError::said(
            join(path, missing.id()),
            |m| m.missing_attribute,
            &[("key", missing.id())],
        ));
    }
    Ok(out)
}

/// The uncertainty: a half-width in 0..=0.5 for some attributes, the others 0.
pub(super) fn uncertainty(v: &Json) -> Result<Attributes> {
    let path = "uncertainty";
    let pairs = object(v, path)?;
    check_duplicates(pairs, path)?;
    let mut out = Attributes::uniform(0.0);
    for (key, value) in pairs {
        let p = join(path, key);
        let a = Attribute::from_id(key).ok_or_else(|| {
            PresetError::said(p.clone(), |m| m.unknown_attribute, &[("key", key)])
        })?;
        out[a] = at(&p, rules::half_width(number(value, &p)?))?;
    }
    Ok(out)
}
