//! Typed access to the fields of a JSON tree, each failure named by its path
//! and quoting what was found.

use crate::preset::PresetError;
use crate::preset::json::{Json, Number};
use crate::text::messages::{Messages, messages};

pub(super) type Result<T> = std::result::Result<T, PresetError>;

/// A path into the file, built as the checks descend.
pub(in crate::preset) fn join(path: &str, key: &str) -> String {
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
        other => Err(PresetError::expected(path, |m| m.an_object, other)),
    }
}

/// The items of an array.
pub(super) fn array<'a>(v: &'a Json, path: &str) -> Result<&'a [Json]> {
    match v {
        Json::Array(items) => Ok(items),
        other => Err(PresetError::expected(path, |m| m.an_array, other)),
    }
}

/// Refuses a key written twice in an object.
pub(super) fn check_duplicates(pairs: &[(String, Json)], path: &str) -> Result<()> {
    for (i, (key, _)) in pairs.iter().enumerate() {
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(PresetError::said(
                join(path, key),
                |m| m.duplicate_key,
                &[("key", key)],
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
    what: fn(&Messages) -> &'static str,
) -> Result<()> {
    check_duplicates(pairs, path)?;
    for (key, _) in pairs {
        if !allowed.contains(&key.as_str()) {
            return Err(PresetError::said(
                join(path, key),
                |m| m.unknown_key_in,
                &[
                    ("key", key),
                    ("what", what(messages())),
                    ("allowed", &allowed.join(", ")),
                ],
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
        .ok_or_else(|| PresetError::said(join(path, key), |m| m.missing_key, &[("key", key)]))
}

pub(super) fn string(v: &Json, path: &str) -> Result<String> {
    match v {
        Json::String(s) => Ok(s.clone()),
        other => Err(PresetError::expected(path, |m| m.a_string, other)),
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
        Json::Number(Number::Float(f)) => Err(PresetError::said(
            path,
            |m| m.not_an_integer,
            &[("value", &format!("{f:?}"))],
        )),
        other => Err(PresetError::expected(path, |m| m.an_integer, other)),
    }
}

/// A finite number (`1` reads as 1.0).
pub(super) fn number(v: &Json, path: &str) -> Result<f64> {
    match v {
        Json::Number(n) if n.as_f64().is_finite() => Ok(n.as_f64()),
        Json::Number(n) => Err(PresetError::said(
            path,
            |m| m.not_finite,
            &[("value", &n.to_string())],
        )),
        other => Err(PresetError::expected(path, |m| m.a_number, other)),
    }
}
