//! The model's words in another language: a words file
//! (`assets/words/fr.json`, `assets/words/es.json`) holds the model file's
//! texts, and only its texts, in the model file's own shape. Laid over the
//! model file before it is read, it replaces each text it names, so the
//! numbers, rules and ids stay in the one model file; it also holds the
//! shipped presets' names, descriptions and plan names.
//!
//! English is the model file itself. A words file is read as strictly as a
//! model: a key the model file lacks, a list of another length, an id that
//! differs or a text where none belongs is refused with its path.

use serde_json::{Map, Value};

use super::ModelError;
use crate::language::Language;

/// The `format` value of a words file.
pub const WORDS_FORMAT: &str = "cluster-workbench-words";

/// Keys whose values are not words: ids, references to other parts of the
/// model, expressions and quotations from the paper. A words file may give
/// them only as the model file has them (ids help a translator see where
/// they are).
pub const NOT_WORDS: &[&str] = &[
    "id",
    "group",
    "expression",
    "kind",
    "grade",
    "case",
    "efforts",
    "advantage",
    "severity",
    "show_me",
    "warning",
    "from",
    "format",
    "side",
    "A",
    "B",
    "C",
    "D",
    "sources",
    "citation",
    "source",
    "effects",
    "quote",
];

/// Top-level keys of the model file that hold no words: its name and
/// format, how to cite the paper, the sources list and the indicators'
/// expressions.
pub const NO_WORDS_AT_TOP: &[&str] = &["name", "format", "citation", "sources", "indicators"];

/// The words files shipped with the workbench.
pub fn shipped(language: Language) -> Option<&'static str> {
    match language {
        Language::English => None,
        Language::French => Some(include_str!("../../assets/words/fr.json")),
        Language::Spanish => Some(include_str!("../../assets/words/es.json")),
    }
}

/// A words file, read: the model's words and the presets' words.
pub struct Words {
    pub language: Language,
    pub model: Value,
    pub presets: Map<String, Value>,
}

/// Reads a words file: its format, language and two parts.
pub fn read(text: &str) -> Result<Words, ModelError> {
    let fail = |path: &str, reason: &str| ModelError {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| fail("", &format!("not JSON: {e}")))?;
    let Value::Object(mut top) = value else {
        return Err(fail("", "a words file is a JSON object"));
    };
    if top.get("format").and_then(Value::as_str) != Some(WORDS_FORMAT) {
        return Err(fail("format", "not a words file of the workbench"));
    }
    let language = top
        .get("language")
        .and_then(Value::as_str)
        .and_then(Language::from_code)
        .ok_or_else(|| fail("language", "names no language the workbench speaks"))?;
    let model = top.remove("model").unwrap_or(Value::Object(Map::new()));
    let presets = match top.remove("presets") {
        None => Map::new(),
        Some(Value::Object(p)) => p,
        Some(_) => return Err(fail("presets", "should be an object of presets")),
    };
    Ok(Words {
        language,
        model,
        presets,
    })
}

/// Lays `words` over a model file's JSON, replacing each text it names.
pub fn lay_over(model: &mut Value, words: &Value) -> Result<(), ModelError> {
    let (Value::Object(base), Value::Object(over)) = (model, words) else {
        return Err(ModelError {
            path: "model".into(),
            reason: "should be an object".into(),
        });
    };
    for (key, value) in over {
        if NO_WORDS_AT_TOP.contains(&key.as_str()) {
            return Err(at(key, "holds no words to translate"));
        }
        let target = base
            .get_mut(key)
            .ok_or_else(|| at(key, "not in the model"))?;
        // At the top a key names a part of the model, never a reference:
        // `efforts` here is the efforts' names, not a cell's list of them.
        merge(target, value, "", key)?;
    }
    Ok(())
}

/// Lays one value over another, at `path` under `key`.
fn merge(base: &mut Value, over: &Value, key: &str, path: &str) -> Result<(), ModelError> {
    if NOT_WORDS.contains(&key) {
        return if base == over {
            Ok(())
        } else {
            Err(at(
                path,
                "is not a text to translate: give it as the model does, or leave it out",
            ))
        };
    }
    match (base, over) {
        (Value::String(b), Value::String(o)) => {
            // A text the model leaves empty may stay empty; no other may.
            if o.trim().is_empty() && !b.trim().is_empty() {
                return Err(at(path, "is empty"));
            }
            *b = o.clone();
            Ok(())
        }
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                let child = format!("{path}.{k}");
                let target = b.get_mut(k).ok_or_else(|| at(&child, "not in the model"))?;
                merge(target, v, k, &child)?;
            }
            Ok(())
        }
        (Value::Array(b), Value::Array(o)) if b.len() == o.len() => {
            for (i, (bv, ov)) in b.iter_mut().zip(o).enumerate() {
                merge(bv, ov, key, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Array(b), Value::Array(_)) => Err(at(
            path,
            &format!("should list as many items as the model does ({})", b.len()),
        )),
        _ => Err(at(path, "is not a text in the model")),
    }
}

fn at(path: &str, reason: &str) -> ModelError {
    ModelError {
        path: path.to_owned(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn words_replace_texts_and_keep_numbers() {
        let mut model = json!({"attributes": [{"id": "a", "name": "Market", "weight": 0.5}]});
        let words = json!({"attributes": [{"id": "a", "name": "Marché"}]});
        lay_over(&mut model, &words).unwrap();
        assert_eq!(
            model,
            json!({"attributes": [{"id": "a", "name": "Marché", "weight": 0.5}]})
        );
    }

    #[test]
    fn a_changed_id_or_number_is_refused_with_its_path() {
        let model = json!({"attributes": [{"id": "a", "name": "Market", "weight": 0.5}]});
        let refused = |words: Value| lay_over(&mut model.clone(), &words).unwrap_err();
        let e = refused(json!({"attributes": [{"id": "b", "name": "Marché"}]}));
        assert_eq!(e.path, "attributes[0].id");
        let e = refused(json!({"attributes": [{"weight": "0,5"}]}));
        assert_eq!(e.path, "attributes[0].weight");
        let e = refused(json!({"attributes": [{}, {}]}));
        assert_eq!(e.reason, "should list as many items as the model does (1)");
        let e = refused(json!({"attributes": [{"nom": "Marché"}]}));
        assert_eq!(e.path, "attributes[0].nom");
        let e = refused(json!({"citation": {"short": "x"}}));
        assert_eq!(e.path, "citation");
        let e = refused(json!({"attributes": [{"name": " "}]}));
        assert_eq!(e.reason, "is empty");
    }

    #[test]
    fn a_file_that_is_not_words_is_refused() {
        assert_eq!(read("[]").err().unwrap().path, "");
        assert_eq!(read(r#"{"format": "x"}"#).err().unwrap().path, "format");
        let no_language = r#"{"format": "cluster-workbench-words", "language": "de"}"#;
        assert_eq!(read(no_language).err().unwrap().path, "language");
    }
}
