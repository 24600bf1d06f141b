//! The attributes' evidence (version 5): for each attribute that has some,
//! a survey's numbers, a note, or both.

use super::fields::{Result, check_keys, get, integer, join, number, object, optional_string};
use crate::attribute::Attribute;
use crate::preset::PresetError;
use crate::preset::json::Json;
use crate::survey::evidence::{AttributeEvidence, Evidence, SurveyEvidence, check};

const EVIDENCE_KEYS: &[&str] = &["survey", "note"];
const SURVEY_KEYS: &[&str] = &["form_version", "date", "n", "spread"];

pub(super) fn evidence(v: &Json) -> Result<AttributeEvidence> {
    let path = "evidence";
    let pairs = object(v, path)?;
    super::fields::check_duplicates(pairs, path)?;
    let mut out = AttributeEvidence::default();
    for (key, value) in pairs {
        let p = join(path, key);
        let a = Attribute::from_id(key).ok_or_else(|| {
            PresetError::said(p.clone(), |m| m.unknown_attribute, &[("key", key)])
        })?;
        let fields = object(value, &p)?;
        check_keys(fields, &p, EVIDENCE_KEYS, |m| m.in_evidence)?;
        let e = Evidence {
            survey: get(fields, "survey")
                .map(|s| survey(s, &join(&p, "survey")))
                .transpose()?,
            note: optional_string(fields, &p, "note")?,
        };
        check(&e).map_err(|(field, reason)| PresetError::new(field_path(&p, field), reason))?;
        out.set(a, e);
    }
    Ok(out)
}

fn survey(v: &Json, path: &str) -> Result<SurveyEvidence> {
    let fields = object(v, path)?;
    check_keys(fields, path, SURVEY_KEYS, |m| m.in_survey_evidence)?;
    let required = |key: &str| super::fields::required(fields, path, key);
    let n_path = join(path, "n");
    let n = integer(required("n")?, &n_path)?;
    let n = u32::try_from(n)
        .map_err(|_| PresetError::said(n_path, |m| m.evidence_n, &[("value", &n.to_string())]))?;
    Ok(SurveyEvidence {
        form_version: super::fields::string(
            required("form_version")?,
            &join(path, "form_version"),
        )?,
        date: optional_string(fields, path, "date")?,
        n,
        spread: number(required("spread")?, &join(path, "spread"))?,
    })
}

/// Where a refused field is: the attribute's evidence as a whole when the
/// rule names no field.
pub(in crate::preset) fn field_path(path: &str, field: &str) -> String {
    if field.is_empty() {
        path.to_owned()
    } else {
        join(path, field)
    }
}
