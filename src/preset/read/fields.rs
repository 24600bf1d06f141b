//! Typed access to the fields of a JSON tree, each failure named by its path
//! and quoting what was found.

use crate::preset::PresetError;
use crate::preset::json::{Json, Number};

pub(super) type Result<T> = std::result::Result<T, PresetError>;

/// A path into the file, built as the checks descend.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The pairs of an object.
pub(super) fn object<'a>(v: &'a Json, path: &str) -> Result<&'a [(String, Json)]> {
    match v {
        Json::Object(pairs) => Ok(pairs),
        other => Err(PresetError::new(
            path,
            format!("expected an object, found {}", other.kind()),
        )),
    }
}

/// The items of an array.
pub(super) fn array<'a>(v: &'a Json, path: &str) -> Result<&'a [Json]> {
    match v {
        Json::Array(items) => Ok(items),
        other => Err(PresetError::new(
            path,
            format!("expected an array, found {}", other.kind()),
        )),
    }
}

/// Refuses a key written twice in an object.
pub(super) fn check_duplicates(pairs: &[(String, Json)], path: &str) -> Result<()> {
    for (i, (key, _)) in pairs.iter().enumerate() {
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(PresetError::new(
                join(path, key),
                format!("duplicate key \"{key}\""),
            ));
        }
    }
    Ok(())
}

/// Refuses duplicate and unknown keys, in the order they are written.
pub(super) fn check_keys(
    pairs: &[(String, Json)],
    path: &str,
    allowed: &[&str],
    what: &str,
) -> Result<()> {
    check_duplicates(pairs, path)?;
    for (key, _) in pairs {
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

pub(super) fn get<'a>(pairs: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

pub(super) fn required<'a>(pairs: &'a [(String, Json)], path: &str, key: &str) -> Result<&'a Json> {
    get(pairs, key)
        .ok_or_else(|| PresetError::new(join(path, key), format!("missing required key \"{key}\"")))
}

pub(super) fn string(v: &Json, path: &str) -> Result<String> {
    match v {
        Json::String(s) => Ok(s.clone()),
        other => Err(PresetError::new(
            path,
            format!("expected a string, found {}", other.kind()),
        )),
    }
}

/// An optional string field.
pub(super) fn optional_string(
    pairs: &[(String, Json)],
    path: &str,
    key: &str,
) -> Result<Option<String>> {
    get(pairs, key)
        .map(|v| string(v, &join(path, key)))
        .transpose()
}

/// An integer as written; refuses `2.0`.
pub(super) fn integer(v: &Json, path: &str) -> Result<i128> {
    match v {
        Json::Number(Number::Integer(i)) => Ok(*i),
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

/// A finite number (`1` reads as 1.0).
pub(super) fn number(v: &Json, path: &str) -> Result<f64> {
    match v {
        Json::Number(n) if n.as_f64().is_finite() => Ok(n.as_f64()),
        Json::Number(n) => Err(PresetError::new(
            path,
            format!("{n} is not a finite number"),
        )),
        other => Err(PresetError::new(
            path,
            format!("expected a number, found {}", other.kind()),
        )),
    }
}
