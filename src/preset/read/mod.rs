//! Strict reading of preset files, versions 1 to 5. Checks run in a fixed
//! order: the file as a whole (size, encoding, JSON), what kind of file it is
//! (format, version), then the keys and values in the order of the canonical
//! form, so that the message always names the first problem. A version 1 file
//! becomes the preset it means (plans-and-levers §2); a version 2 file is a
//! version 3 file without results-chain indicators, a version 3 file a
//! version 4 file without a currency, and a version 4 file a version 5 file
//! without evidence.

mod evidence;
mod fields;
mod indicators;
mod plans;

use super::at;
use super::json::{Json, Number};
use super::{
    CURRENCY_VERSION, EVIDENCE_VERSION, MAX_PRESET_BYTES, PRESET_FORMAT, PRESET_VERSION, Preset,
    PresetError, UnitCosts,
};
use crate::model::Model;
use crate::plan::{Plan, rules};
use fields::{
    Result, check_keys, get, integer, join, number, object, optional_string, required, string,
};

pub(super) use evidence::field_path as evidence_field_path;

/// The name a version 1 file's one plan is given.
pub const V1_PLAN_NAME: &str = "Plan";

pub(super) fn read(bytes: &[u8], model: &Model) -> Result<(Preset, u64)> {
    if bytes.len() as u64 > MAX_PRESET_BYTES {
        return Err(PresetError::said(
            "",
            |m| m.file_too_large,
            &[
                ("size", &bytes.len().to_string()),
                ("max", &MAX_PRESET_BYTES.to_string()),
            ],
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(PresetError::said("", |m| m.byte_order_mark, &[]));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        PresetError::said("", |m| m.not_utf8, &[("at", &e.valid_up_to().to_string())])
    })?;
    let root: Json = serde_json::from_str(text)
        .map_err(|e| PresetError::said("", |m| m.not_json, &[("reason", &e.to_string())]))?;
    let pairs = match &root {
        Json::Object(pairs) => pairs,
        other => {
            return Err(PresetError::said(
                "",
                |m| m.not_an_object,
                &[("found", other.kind())],
            ));
        }
    };
    check_format(pairs)?;
    match version(pairs)? {
        1 => v1(pairs, model).map(|p| (p, 1)),
        v => v2(pairs, model, v).map(|p| (p, v)),
    }
}

/// What kind of file this is comes first: a file that is not ours should be
/// told so, not picked apart key by key.
fn check_format(pairs: &[(String, Json)]) -> Result<()> {
    match get(pairs, "format") {
        None => Err(PresetError::said(
            "format",
            |m| m.no_format,
            &[("format", PRESET_FORMAT)],
        )),
        Some(Json::String(f)) if f == PRESET_FORMAT => Ok(()),
        Some(Json::String(f)) if f == crate::format::REPORT_FORMAT => {
            Err(PresetError::said("format", |m| m.is_a_report, &[]))
        }
        Some(Json::String(f)) if f == crate::format::MODEL_FORMAT => {
            Err(PresetError::said("format", |m| m.is_a_model, &[]))
        }
        Some(other) => {
            let found = match other {
                Json::String(s) => format!("\"{s}\""),
                v => v.kind().to_owned(),
            };
            Err(PresetError::said(
                "format",
                |m| m.wrong_format,
                &[("found", &found), ("format", PRESET_FORMAT)],
            ))
        }
    }
}

/// The version: an integer from 1 to the one this build writes.
fn version(pairs: &[(String, Json)]) -> Result<u64> {
    match get(pairs, "version") {
        None => Err(PresetError::said(
            "version",
            |m| m.missing_key,
            &[("key", "version")],
        )),
        Some(Json::Number(Number::Integer(v))) if (1..=PRESET_VERSION as i128).contains(v) => {
            Ok(*v as u64)
        }
        Some(Json::Number(Number::Integer(v))) if *v > PRESET_VERSION as i128 => {
            Err(PresetError::said(
                "version",
                |m| m.newer_version,
                &[
                    ("version", &v.to_string()),
                    ("latest", &PRESET_VERSION.to_string()),
                ],
            ))
        }
        Some(other) => {
            let found = match other {
                Json::Number(n) => n.to_string(),
                v => v.kind().to_owned(),
            };
            Err(PresetError::said(
                "version",
                |m| m.bad_version,
                &[("found", &found), ("latest", &PRESET_VERSION.to_string())],
            ))
        }
    }
}

const V1_KEYS: &[&str] = &[
    "format",
    "version",
    "name",
    "description",
    "source",
    "attributes",
    "plan",
];
const V1_PLAN_KEYS: &[&str] = &["horizon_years", "interventions"];

/// A version 1 file: its plan becomes one plan named "Plan", its horizon the
/// preset's.
fn v1(pairs: &[(String, Json)], model: &Model) -> Result<Preset> {
    check_keys(pairs, "", V1_KEYS, |m| m.in_a_preset)?;
    let mut preset = header(pairs, model)?;
    if let Some(v) = get(pairs, "plan") {
        let plan = object(v, "plan")?;
        check_keys(plan, "plan", V1_PLAN_KEYS, |m| m.in_a_plan)?;
        if let Some(h) = get(plan, "horizon_years") {
            preset.horizon_years = horizon(h, "plan.horizon_years")?;
        }
        let entries = match get(plan, "interventions") {
            Some(v) => plans::entries(
                v,
                "plan.interventions",
                preset.horizon_years,
                model,
                plans::Version(1),
            )?,
            None => Vec::new(),
        };
        let mut one = Plan::named(V1_PLAN_NAME);
        one.entries = entries;
        preset.plans.push(one);
    }
    Ok(preset)
}

const V2_KEYS: &[&str] = &[
    "format",
    "version",
    "name",
    "description",
    "source",
    "attributes",
    "uncertainty",
    "evidence",
    "currency",
    "unit_costs",
    "horizon_years",
    "plans",
];

/// A version 2 to 5 file (they differ only in the indicators 3 may hold,
/// the currency 4 may and the evidence 5 may).
fn v2(pairs: &[(String, Json)], model: &Model, version: u64) -> Result<Preset> {
    check_keys(pairs, "", V2_KEYS, |m| m.in_a_preset)?;
    let mut preset = header(pairs, model)?;
    if let Some(v) = get(pairs, "uncertainty") {
        preset.uncertainty = plans::uncertainty(v)?;
    }
    if let Some(v) = get(pairs, "evidence") {
        if version < EVIDENCE_VERSION {
            return Err(too_early("evidence", version, EVIDENCE_VERSION, |m| {
                m.evidence_too_early
            }));
        }
        preset.evidence = evidence::evidence(v)?;
    }
    if let Some(v) = get(pairs, "currency") {
        preset.currency = Some(currency(v, version)?);
    }
    if let Some(v) = get(pairs, "unit_costs") {
        preset.unit_costs = unit_costs(v, model)?;
    }
    if let Some(v) = get(pairs, "horizon_years") {
        preset.horizon_years = horizon(v, "horizon_years")?;
    }
    if let Some(v) = get(pairs, "plans") {
        preset.plans = plans::plans(v, preset.horizon_years, model, plans::Version(version))?;
    }
    Ok(preset)
}

/// The fields both versions share: name, description, source, attributes.
/// The rest starts as a new preset's.
fn header(pairs: &[(String, Json)], model: &Model) -> Result<Preset> {
    let name = string(required(pairs, "", "name")?, "name")?;
    let description = optional_string(pairs, "", "description")?;
    let source = optional_string(pairs, "", "source")?;
    let attributes = plans::attributes(required(pairs, "", "attributes")?)?;
    let mut preset = Preset::new_untitled(model, &name);
    preset.description = description;
    preset.source = source;
    preset.attributes = attributes;
    Ok(preset)
}

fn horizon(v: &Json, path: &str) -> Result<u32> {
    at(path, rules::horizon(integer(v, path)?))
}

/// The currency costs are written in: version 4 on, by the rule the
/// editor keeps ([`super::check::currency`]).
fn currency(v: &Json, version: u64) -> Result<String> {
    let path = "currency";
    if version < CURRENCY_VERSION {
        return Err(too_early(path, version, CURRENCY_VERSION, |m| {
            m.currency_too_early
        }));
    }
    let text = string(v, path)?;
    at(path, super::check::currency(&text))?;
    Ok(text)
}

fn unit_costs(v: &Json, model: &Model) -> Result<UnitCosts> {
    let path = "unit_costs";
    let pairs = object(v, path)?;
    fields::check_duplicates(pairs, path)?;
    let mut out = UnitCosts::default();
    for (id, value) in pairs {
        let p = join(path, id);
        if model.intervention(id).is_none() {
            return Err(PresetError::unknown_intervention(p, id, model));
        }
        let cost = at(&p, rules::cost(number(value, &p)?))?;
        out.set(model, id, Some(cost));
    }
    Ok(out)
}

/// A key written in a file of a version before the one that added it.
fn too_early(
    path: &str,
    version: u64,
    added: u64,
    template: fn(&crate::text::messages::Messages) -> &'static str,
) -> PresetError {
    PresetError::said(
        path,
        template,
        &[
            ("latest", &added.to_string()),
            ("version", &version.to_string()),
        ],
    )
}
