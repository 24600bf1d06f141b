//! A preset in memory checked by the rules a file is read with, each problem
//! named by the path it would have in the file.

use super::{MAX_CURRENCY_CHARS, MAX_PRESET_BYTES, Preset, PresetError, at};
use crate::attribute::Attribute;
use crate::model::Model;
use crate::plan::indicators::{Indicators, MAX_FIELD_CHARS};
use crate::plan::{CustomIntervention, Lever, PlanEntry, rules};
use crate::text::fill;
use crate::text::messages::messages;

type Result<T> = std::result::Result<T, PresetError>;

pub(super) fn check(p: &Preset, model: &Model) -> Result<()> {
    for a in Attribute::ALL {
        let path = format!("attributes.{}", a.id());
        at(&path, rules::attribute(p.attributes[a]))?;
    }
    for a in Attribute::ALL {
        let path = format!("uncertainty.{}", a.id());
        at(&path, rules::half_width(p.uncertainty[a]))?;
    }
    for (a, e) in p.evidence.iter() {
        let path = format!("evidence.{}", a.id());
        crate::survey::evidence::check(e).map_err(|(field, reason)| {
            PresetError::new(super::read::evidence_field_path(&path, field), reason)
        })?;
    }
    if let Some(c) = &p.currency {
        at("currency", currency(c))?;
    }
    for (id, cost) in p.unit_costs.iter() {
        let path = format!("unit_costs.{id}");
        if model.intervention(id).is_none() {
            return Err(PresetError::unknown_intervention(path, id, model));
        }
        at(&path, rules::cost(cost))?;
    }
    at("horizon_years", rules::horizon(p.horizon_years.into()))?;
    at("plans", rules::plan_count(p.plans.len()))?;
    for (i, plan) in p.plans.iter().enumerate() {
        let path = format!("plans[{i}]");
        let earlier = p.plans[..i].iter().map(|q| q.name.as_str());
        at(
            &format!("{path}.name"),
            rules::plan_name_among(&plan.name, earlier),
        )?;
        for (j, entry) in plan.entries.iter().enumerate() {
            let path = format!("{path}.interventions[{j}]");
            check_entry(entry, &path, p.horizon_years, model)?;
            check_indicators(&entry.indicators, &path, false)?;
        }
        check_indicators(&plan.indicators, &path, true)?;
    }
    // What the reader refuses as too large, the editor must not make (a long
    // note pasted in, say).
    let size = p.to_canonical_json().len() as u64;
    if size > MAX_PRESET_BYTES {
        return Err(PresetError::said(
            "",
            |m| m.preset_too_large,
            &[
                ("size", &size.to_string()),
                ("max", &MAX_PRESET_BYTES.to_string()),
            ],
        ));
    }
    Ok(())
}

/// The rule for a currency: 1 to [`MAX_CURRENCY_CHARS`] characters on one
/// line, no control characters, no space at either end (what the window
/// shows after every cost must be what the file says).
pub(super) fn currency(text: &str) -> std::result::Result<(), String> {
    let m = messages();
    let count = text.chars().count();
    if text.trim().is_empty() {
        return Err(m.currency_empty.to_owned());
    }
    if count > MAX_CURRENCY_CHARS {
        return Err(fill(
            m.currency_too_long,
            &[
                ("text", text),
                ("count", &count.to_string()),
                ("max", &MAX_CURRENCY_CHARS.to_string()),
            ],
        ));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        let code = format!("{:04X}", c as u32);
        return Err(fill(m.currency_control, &[("code", &code)]));
    }
    if text.trim() != text {
        return Err(fill(m.currency_spaces, &[("text", text)]));
    }
    Ok(())
}

/// The boxes where they belong (impact boxes on the plan, the others on an
/// entry) and no text longer than a field holds.
fn check_indicators(all: &Indicators, path: &str, plan_level: bool) -> Result<()> {
    for (kind, indicator) in all.iter() {
        let path = format!("{path}.indicators.{}", kind.id());
        if kind.is_plan_level() != plan_level {
            return Err(PresetError::said(path, |m| m.box_misplaced, &[]));
        }
        for (f, text) in indicator.written() {
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(PresetError::said(
                    format!("{path}.{}", f.id()),
                    |m| m.longer_than,
                    &[("max", &MAX_FIELD_CHARS.to_string())],
                ));
            }
        }
    }
    Ok(())
}

fn check_entry(e: &PlanEntry, path: &str, horizon: u32, model: &Model) -> Result<()> {
    match &e.lever {
        Lever::Catalogue(id) => {
            if model.intervention(id).is_none() {
                let path = format!("{path}.id");
                return Err(PresetError::unknown_intervention(path, id, model));
            }
        }
        Lever::Custom(c) => {
            let path = format!("{path}.custom");
            let rebuilt = at(
                &path,
                CustomIntervention::new(c.name.clone(), c.side, &c.effects),
            )?;
            if rebuilt.effects != c.effects {
                return Err(PresetError::said(
                    format!("{path}.effects"),
                    |m| m.effects_out_of_order,
                    &[],
                ));
            }
        }
    }
    at(
        &format!("{path}.start_year"),
        rules::start_year(e.start_year.into(), horizon),
    )?;
    if let Some(x) = e.intensity {
        at(&format!("{path}.intensity"), rules::intensity(x))?;
    }
    if let Some(x) = e.cost {
        at(&format!("{path}.cost"), rules::cost(x))?;
    }
    Ok(())
}
