//! Reading what the user wrote into results-chain boxes (version 3): an
//! object of box ids, each an object of field keys and texts.

use super::fields::{Result, check_duplicates, join, object, string};
use crate::model::chain::BoxKind;
use crate::plan::indicators::{Field, Indicators, MAX_FIELD_CHARS};
use crate::preset::PresetError;
use crate::preset::json::Json;
use crate::text::messages::Messages;

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
        let kind = BoxKind::from_id(key)
            .ok_or_else(|| PresetError::said(p.clone(), |m| m.unknown_box, &[("key", key)]))?;
        if kind.is_plan_level() != (owner == Owner::Plan) {
            let misplaced = match owner {
                Owner::Entry => |m: &Messages| m.box_on_entry_not_plan,
                Owner::Plan => |m: &Messages| m.box_on_plan_not_entry,
            };
            return Err(PresetError::said(p, misplaced, &[("key", key)]));
        }
        let fields = object(value, &p)?;
        check_duplicates(fields, &p)?;
        for (fkey, text) in fields {
            let fp = join(&p, fkey);
            let field = Field::from_id(fkey).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
                PresetError::said(
                    fp.clone(),
                    |m| m.unknown_indicator_key,
                    &[("key", fkey), ("known", &known.join(", "))],
                )
            })?;
            let text = string(text, &fp)?;
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(PresetError::said(
                    fp,
                    |m| m.longer_than,
                    &[("max", &MAX_FIELD_CHARS.to_string())],
                ));
            }
            if text.trim().is_empty() {
                return Err(PresetError::said(fp, |m| m.indicator_empty, &[]));
            }
            out.set(kind, field, Some(text));
        }
    }
    Ok(out)
}
