//! Strict reading of preset files. Checks run in a fixed order: the file as a
//! whole (size, encoding, JSON), what kind of file it is (format, version),
//! then the keys and values in the order of the canonical form, so that the
//! message always names the first problem.

use super::json::{Json, Number};
use super::{MAX_PRESET_BYTES, PRESET_FORMAT, PRESET_VERSION, Preset, PresetError};
use crate::attribute::{Attribute, Attributes};
use crate::model::Model;
use crate::plan::{CustomIntervention, Lever, Plan, PlanEntry, Side, check_effect};

type Result<T> = std::result::Result<T, PresetError>;

pub(super) fn read(bytes: &[u8], model: &Model) -> Result<Preset> {
    if bytes.len() as u64 > MAX_PRESET_BYTES {
        return Err(PresetError::new(
            "",
            format!(
                "the file is {} bytes; a preset may be at most {MAX_PRESET_BYTES} bytes (1 MiB)",
                bytes.len()
            ),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(PresetError::new(
            "",
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        PresetError::new(
            "",
            format!(
                "the file is not valid UTF-8 text (at byte {})",
                e.valid_up_to()
            ),
        )
    })?;
    let root: Json = serde_json::from_str(text)
        .map_err(|e| PresetError::new("", format!("the file is not valid JSON: {e}")))?;
    preset(&root, model)
}

/// A path into the file, built as the checks descend.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The pairs of an object.
fn object<'a>(v: &'a Json, path: &str) -> Result<&'a [(String, Json)]> {
    match v {
        Json::Object(pairs) => Ok(pairs),
        other => Err(PresetError::new(
            path,
            format!("expected an object, found {}", other.kind()),
        )),
    }
}

/// Refuses duplicate and unknown keys, in the order they are written.
fn check_keys(pairs: &[(String, Json)], path: &str, allowed: &[&str], what: &str) -> Result<()> {
    for (i, (key, _)) in pairs.iter().enumerate() {
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(PresetError::new(
                join(path, key),
                format!("duplicate key \"{key}\""),
            ));
        }
        if !allowed.contains(&key.as_str()) {
            return Err(PresetError::new(
                join(path, key),
                format!(
                    "unknown key \"{key}\" in {what}; allowed: {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn get<'a>(pairs: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn required<'a>(pairs: &'a [(String, Json)], path: &str, key: &str) -> Result<&'a Json> {
    get(pairs, key)
        .ok_or_else(|| PresetError::new(join(path, key), format!("missing required key \"{key}\"")))
}

fn string(v: &Json, path: &str) -> Result<String> {
    match v {
        Json::String(s) => Ok(s.clone()),
        other => Err(PresetError::new(
            path,
            format!("expected a string, found {}", other.kind()),
        )),
    }
}

/// An integer in a range; refuses `2.0`.
fn integer(v: &Json, path: &str, min: i128, max: i128) -> Result<i128> {
    match v {
        Json::Number(Number::Integer(i)) if (min..=max).contains(i) => Ok(*i),
        Json::Number(Number::Integer(i)) => Err(PresetError::new(
            path,
            format!("{i} is outside {min}..={max}"),
        )),
        Json::Number(Number::Float(f)) => Err(PresetError::new(
            path,
            format!("{f:?} is not an integer; write it without a fraction or exponent"),
        )),
        other => Err(PresetError::new(
            path,
            format!("expected an integer, found {}", other.kind()),
        )),
    }
}

/// A finite number in a range (`1` reads as 1.0).
fn number(v: &Json, path: &str, min: f64, max: f64, range: &str) -> Result<f64> {
    match v {
        Json::Number(n) => {
            let x = n.as_f64();
            if !x.is_finite() {
                Err(PresetError::new(
                    path,
                    format!("{n} is not a finite number"),
                ))
            } else if x < min || x > max {
                Err(PresetError::new(path, format!("{n} is outside {range}")))
            } else {
                Ok(x)
            }
        }
        other => Err(PresetError::new(
            path,
            format!("expected a number, found {}", other.kind()),
        )),
    }
}

const ROOT_KEYS: &[&str] = &[
    "format",
    "version",
    "name",
    "description",
    "source",
    "attributes",
    "plan",
];
const PLAN_KEYS: &[&str] = &["horizon_years", "interventions"];
const ENTRY_KEYS: &[&str] = &["id", "custom", "start_year", "intensity", "cost"];
const CUSTOM_KEYS: &[&str] = &["name", "side", "effects"];

fn preset(root: &Json, model: &Model) -> Result<Preset> {
    let pairs = match root {
        Json::Object(pairs) => pairs,
        other => {
            return Err(PresetError::new(
                "",
                format!(
                    "not a Cluster Workbench preset: the file holds {}, not an object",
                    other.kind()
                ),
            ));
        }
    };
    // What kind of file this is comes first: a file that is not ours should be
    // told so, not picked apart key by key.
    match get(pairs, "format") {
        None => {
            return Err(PresetError::new(
                "format",
                format!(
                    "not a Cluster Workbench preset: there is no \"format\": \"{PRESET_FORMAT}\""
                ),
            ));
        }
        Some(Json::String(f)) if f == PRESET_FORMAT => {}
        Some(Json::String(f)) if f == "cluster-workbench-report" => {
            return Err(PresetError::new(
                "format",
                "this is a Cluster Workbench report, not a preset; open the preset it was made from",
            ));
        }
        Some(Json::String(f)) if f == crate::model::MODEL_FORMAT => {
            return Err(PresetError::new(
                "format",
                "this is a model file, not a preset; load it with --model",
            ));
        }
        Some(other) => {
            let found = match other {
                Json::String(s) => format!("\"{s}\""),
                v => v.kind().to_owned(),
            };
            return Err(PresetError::new(
                "format",
                format!(
                    "not a Cluster Workbench preset: format is {found}, not \"{PRESET_FORMAT}\""
                ),
            ));
        }
    }
    match get(pairs, "version") {
        None => {
            return Err(PresetError::new(
                "version",
                "missing required key \"version\"",
            ));
        }
        Some(Json::Number(Number::Integer(v))) if *v == PRESET_VERSION as i128 => {}
        Some(Json::Number(Number::Integer(v))) if *v > PRESET_VERSION as i128 => {
            return Err(PresetError::new(
                "version",
                format!(
                    "version {v} is newer than this workbench reads (version {PRESET_VERSION}); update Cluster Workbench to open it"
                ),
            ));
        }
        Some(other) => {
            let found = match other {
                Json::Number(n) => n.to_string(),
                v => v.kind().to_owned(),
            };
            return Err(PresetError::new(
                "version",
                format!(
                    "{found} is not a preset version this workbench reads (the integer {PRESET_VERSION})"
                ),
            ));
        }
    }
    check_keys(pairs, "", ROOT_KEYS, "a preset")?;
    let name = string(required(pairs, "", "name")?, "name")?;
    let description = get(pairs, "description")
        .map(|v| string(v, "description"))
        .transpose()?;
    let source = get(pairs, "source")
        .map(|v| string(v, "source"))
        .transpose()?;
    let attributes = attributes(required(pairs, "", "attributes")?)?;
    let plan = get(pairs, "plan").map(|v| plan(v, model)).transpose()?;
    Ok(Preset {
        name,
        description,
        source,
        attributes,
        plan,
    })
}

fn attributes(v: &Json) -> Result<Attributes> {
    let path = "attributes";
    let pairs = object(v, path)?;
    let mut out = Attributes::uniform(0.0);
    let mut seen = [false; Attribute::COUNT];
    for (i, (key, value)) in pairs.iter().enumerate() {
        let p = join(path, key);
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(PresetError::new(p, format!("duplicate key \"{key}\"")));
        }
        let a = Attribute::from_id(key)
            .ok_or_else(|| PresetError::new(p.clone(), format!("unknown attribute \"{key}\"")))?;
        out[a] = number(value, &p, 0.0, 1.0, "0..=1")?;
        seen[a.index()] = true;
    }
    if let Some(missing) = Attribute::ALL.into_iter().find(|a| !seen[a.index()]) {
        return Err(PresetError::new(
            join(path, missing.id()),
            format!(
                "missing attribute \"{}\"; a preset gives all twelve",
                missing.id()
            ),
        ));
    }
    Ok(out)
}

fn plan(v: &Json, model: &Model) -> Result<Plan> {
    let path = "plan";
    let pairs = object(v, path)?;
    check_keys(pairs, path, PLAN_KEYS, "a plan")?;
    let horizon_years = get(pairs, "horizon_years")
        .map(|v| integer(v, "plan.horizon_years", 1, 50).map(|h| h as u32))
        .transpose()?;
    let horizon = horizon_years.unwrap_or_else(|| model.default_horizon());
    let interventions = match get(pairs, "interventions") {
        None => None,
        Some(Json::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| entry(item, &format!("plan.interventions[{i}]"), horizon, model))
                .collect::<Result<Vec<_>>>()?,
        ),
        Some(other) => {
            return Err(PresetError::new(
                "plan.interventions",
                format!("expected an array, found {}", other.kind()),
            ));
        }
    };
    Ok(Plan {
        horizon_years,
        interventions,
    })
}

fn entry(v: &Json, path: &str, horizon: u32, model: &Model) -> Result<PlanEntry> {
    let pairs = object(v, path)?;
    check_keys(pairs, path, ENTRY_KEYS, "a plan entry")?;
    let lever = match (get(pairs, "id"), get(pairs, "custom")) {
        (Some(_), Some(_)) => {
            return Err(PresetError::new(
                path,
                "has both \"id\" and \"custom\"; an entry is a catalogue intervention or a custom one, not both",
            ));
        }
        (None, None) => {
            return Err(PresetError::new(
                path,
                "needs \"id\" (a catalogue intervention) or \"custom\" (one of your own)",
            ));
        }
        (Some(id), None) => {
            let p = join(path, "id");
            let id = string(id, &p)?;
            if model.intervention(&id).is_none() {
                let known: Vec<&str> = model.catalogue.iter().map(|i| i.id.as_str()).collect();
                return Err(PresetError::new(
                    p,
                    format!(
                        "unknown intervention \"{id}\"; the catalogue has {}",
                        known.join(", ")
                    ),
                ));
            }
            Lever::Catalogue(id)
        }
        (None, Some(custom_json)) => Lever::Custom(custom(custom_json, &join(path, "custom"))?),
    };
    let start_year = integer(
        required(pairs, path, "start_year")?,
        &join(path, "start_year"),
        0,
        horizon as i128,
    )
    .map_err(|e| {
        if e.reason.contains("outside") {
            PresetError::new(
                e.path,
                format!("{} (the plan's horizon is {horizon} years)", e.reason),
            )
        } else {
            e
        }
    })? as u32;
    let intensity = get(pairs, "intensity")
        .map(|v| number(v, &join(path, "intensity"), 0.0, 1.0, "0..=1"))
        .transpose()?;
    let cost = get(pairs, "cost")
        .map(|v| number(v, &join(path, "cost"), 0.0, f64::MAX, "0 or more"))
        .transpose()?;
    Ok(PlanEntry {
        lever,
        start_year,
        intensity,
        cost,
    })
}

fn custom(v: &Json, path: &str) -> Result<CustomIntervention> {
    let pairs = object(v, path)?;
    check_keys(pairs, path, CUSTOM_KEYS, "a custom intervention")?;
    let name_path = join(path, "name");
    let name = string(required(pairs, path, "name")?, &name_path)?;
    if name.trim().is_empty() {
        return Err(PresetError::new(
            name_path,
            "a custom intervention needs a name",
        ));
    }
    let side_path = join(path, "side");
    let side_text = string(required(pairs, path, "side")?, &side_path)?;
    let side = Side::from_id(&side_text).ok_or_else(|| {
        PresetError::new(
            side_path,
            format!("\"{side_text}\" is neither \"supply\" nor \"demand\""),
        )
    })?;
    let effects_path = join(path, "effects");
    let effect_pairs = object(required(pairs, path, "effects")?, &effects_path)?;
    let mut effects: Vec<(Attribute, f64)> = Vec::new();
    for (key, value) in effect_pairs {
        let p = join(&effects_path, key);
        // The type first (a number, finite), then the rule shared with the
        // model's catalogue.
        let delta = number(value, &p, f64::MIN, f64::MAX, "")?;
        let a = check_effect(key, delta, &effects).map_err(|reason| PresetError::new(p, reason))?;
        effects.push((a, delta));
    }
    if effects.is_empty() {
        return Err(PresetError::new(
            effects_path,
            "a custom intervention needs at least one effect",
        ));
    }
    // Canonical order: attributes in reference-model order.
    effects.sort_by_key(|(a, _)| *a);
    Ok(CustomIntervention {
        name,
        side,
        effects,
    })
}
