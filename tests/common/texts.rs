//! Texts as the language tests read them: every string of a serialised
//! value with its path, a template's placeholders, and one report of the
//! faults found.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeSet;

/// Every string of a value with its path: `compare_heads[2]`,
/// `caveats[0].title`.
pub fn flat(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    strings(value, "", &mut out);
    out
}

fn strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(v, &child, out);
            }
        }
        _ => {}
    }
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.insert(rest[open..open + close + 1].to_owned());
        rest = &rest[open + close + 1..];
    }
    out
}

/// A text with its `{name}` placeholders taken out.
pub fn without_placeholders(text: &str) -> String {
    let mut out = text.to_owned();
    for p in placeholders(text) {
        out = out.replace(&p, "");
    }
    out
}

/// Fails with every fault found, counted, one to a line.
pub fn assert_no_faults(faults: &[String]) {
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// The survey file's texts in one language (`en`, `fr`, `es`), by path:
/// every object that gives the three.
pub fn survey_words(code: &str) -> Vec<(String, String)> {
    let survey: Value = serde_json::from_str(include_str!("../../assets/survey.json")).unwrap();
    let mut out = Vec::new();
    labels(&survey, "", code, &mut out);
    out
}

fn labels(value: &Value, path: &str, code: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) if ["en", "fr", "es"].iter().all(|k| map.contains_key(*k)) => {
            out.push((
                path.to_owned(),
                map[code].as_str().unwrap_or_default().to_owned(),
            ));
        }
        Value::Object(map) => {
            for (k, v) in map {
                labels(v, &format!("{path}.{k}"), code, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                labels(v, &format!("{path}[{i}]"), code, out);
            }
        }
        _ => {}
    }
}
