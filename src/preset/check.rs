//! A preset in memory checked by the rules a file is read with, each problem
//! named by the path it would have in the file.

use super::{Preset, PresetError};
use crate::attribute::Attribute;
use crate::model::Model;
use crate::plan::{CustomIntervention, Lever, PlanEntry, rules};

fn at<T>(path: String, r: Result<T, rules::RuleError>) -> Result<T, PresetError> {
    r.map_err(|e| PresetError::new(path, e.to_string()))
}

pub(super) fn check(p: &Preset, model: &Model) -> Result<(), PresetError> {
    for a in Attribute::ALL {
        at(
            format!("attributes.{}", a.id()),
            rules::attribute(p.attributes[a]),
        )?;
    }
    for a in Attribute::ALL {
        at(
            format!("uncertainty.{}", a.id()),
            rules::half_width(p.uncertainty[a]),
        )?;
    }
    for (id, cost) in p.unit_costs.iter() {
        let path = format!("unit_costs.{id}");
        if model.intervention(id).is_none() {
            return Err(PresetError::new(
                path,
                format!("unknown intervention \"{id}\""),
            ));
        }
        at(path, rules::cost(cost))?;
    }
    at(
        "horizon_years".into(),
        rules::horizon(p.horizon_years.into()),
    )?;
    at("plans".into(), rules::plan_count(p.plans.len()))?;
    for (i, plan) in p.plans.iter().enumerate() {
        let path = format!("plans[{i}]");
        at(
            format!("{path}.name"),
            rules::plan_name_among(&plan.name, p.plans[..i].iter().map(|q| q.name.as_str())),
        )?;
        for (j, entry) in plan.entries.iter().enumerate() {
            check_entry(
                entry,
                &format!("{path}.interventions[{j}]"),
                p.horizon_years,
                model,
            )?;
        }
    }
    Ok(())
}

fn check_entry(e: &PlanEntry, path: &str, horizon: u32, model: &Model) -> Result<(), PresetError> {
    match &e.lever {
        Lever::Catalogue(id) => {
            if model.intervention(id).is_none() {
                return Err(PresetError::new(
                    format!("{path}.id"),
                    format!("unknown intervention \"{id}\""),
                ));
            }
        }
        Lever::Custom(c) => {
            let rebuilt = at(
                format!("{path}.custom"),
                CustomIntervention::new(c.name.clone(), c.side, &c.effects),
            )?;
            if rebuilt.effects != c.effects {
                return Err(PresetError::new(
                    format!("{path}.custom.effects"),
                    "effects are not in reference-model order",
                ));
            }
        }
    }
    at(
        format!("{path}.start_year"),
        rules::start_year(e.start_year.into(), horizon),
    )?;
    if let Some(x) = e.intensity {
        at(format!("{path}.intensity"), rules::intensity(x))?;
    }
    if let Some(x) = e.cost {
        at(format!("{path}.cost"), rules::cost(x))?;
    }
    Ok(())
}
