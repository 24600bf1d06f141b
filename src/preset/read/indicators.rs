//! Reading what the user wrote into results-chain boxes (version 3): an
//! object of box ids, each an object of field keys and texts.

use super::fields::{Result, check_duplicates, join, object, string};
use crate::model::chain::BoxKind;
use crate::plan::indicators::{Field, Indicators, MAX_FIELD_CHARS};
use crate::preset::PresetError;
use crate::preset::json::Json;

/// Where the boxes belong: to an entry (activity to capability) or to the
/// plan (the impact boxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Entry,
    Plan,
}

pub(super) fn indicators(v: &Json, path: &str, owner: Owner) -> Result<Indicators> {
    let pairs = object(v, path)?;
    check_duplicates(pairs, path)?;
    let mut out = Indicators::default();
    for (key, value) in pairs {
        let p = join(path, key);
        let kind = BoxKind::from_id(key).ok_or_else(|| {
            PresetError::new(p.clone(), format!("unknown results-chain box \"{key}\""))
        })?;
        if kind.is_plan_level() != (owner == Owner::Plan) {
            let (here, there) = match owner {
                Owner::Entry => ("a plan entry", "its plan"),
                Owner::Plan => ("a plan", "each plan entry"),
            };
            return Err(PresetError::new(
                p,
                format!("the \"{key}\" box does not belong to {here}; write it under {there}"),
            ));
        }
        let fields = object(value, &p)?;
        check_duplicates(fields, &p)?;
        for (fkey, text) in fields {
            let fp = join(&p, fkey);
            let field = Field::from_id(fkey).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
                PresetError::new(
                    fp.clone(),
                    format!(
                        "unknown key \"{fkey}\"; an indicator has {}",
                        known.join(", ")
                    ),
                )
            })?;
            let text = string(text, &fp)?;
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(PresetError::new(
                    fp,
                    format!("is longer than {MAX_FIELD_CHARS} characters"),
                ));
            }
            if text.trim().is_empty() {
                return Err(PresetError::new(
                    fp,
                    "is empty; leave the key out to use the model's suggestion",
                ));
            }
            out.set(kind, field, Some(text));
        }
    }
    Ok(out)
}
