//! One glossary for the translations (issue 18, item 4):
//! `assets/words/glossary.json` names the French and Spanish term for each
//! of the paper's and the field's words, and the phrases no translation may
//! use. Every text a user reads (the window's texts, the model's words, the
//! shipped presets' words, the refusal messages) is held to it: where the
//! English uses a term, the translation uses one of the glossary's forms,
//! and the paper's hedges survive ("much more difficult" never becomes
//! "impossible").
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::language::Language;
use cluster_workbench::model::{DEFAULT_MODEL_JSON, Model, words};
use cluster_workbench::preset::builtin::BUILT_IN;
use cluster_workbench::text::messages::messages_in;
use cluster_workbench::text::survey::survey_texts_in;
use cluster_workbench::text::texts_in;
use serde_json::Value;

#[path = "common/texts.rs"]
mod texts;
use texts::{assert_no_faults, flat, without_placeholders};

const GLOSSARY: &str = include_str!("../assets/words/glossary.json");
const LANGUAGES: [Language; 2] = [Language::French, Language::Spanish];

/// Lower case, one apostrophe, one kind of space: how terms are compared.
fn plain(text: &str) -> String {
    text.to_lowercase()
        .replace('’', "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Whether `text` has `term` with no letter either side (nor a hyphen or
/// an underscore: `cluster-workbench` and `-logframe` are names, not uses).
fn uses(text: &str, term: &str) -> bool {
    let (text, term) = (plain(text), plain(term));
    text.match_indices(&term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + term.len()..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || c == '-' || c == '_');
        !joined(before) && !joined(after)
    })
}

/// The model's words in a language, path by path: the model file with the
/// language's words laid over it, as the workbench reads it. Quotations from
/// the paper, ids and references stay English and are left out.
fn model_words(language: Language) -> Vec<(String, String)> {
    let mut model: Value = serde_json::from_str(DEFAULT_MODEL_JSON).unwrap();
    if let Some(text) = words::shipped(language) {
        let over: Value = serde_json::from_str(text).unwrap();
        words::lay_over(&mut model, &over["model"]).unwrap();
    }
    flat(&model)
        .into_iter()
        .filter(|(path, _)| {
            let key = path.rsplit('.').next().unwrap_or("");
            let key = key.split('[').next().unwrap_or(key);
            !words::NOT_WORDS.contains(&key)
                && !path.starts_with("citation")
                && !path.starts_with("sources")
        })
        .collect()
}

/// The shipped presets' names, descriptions and plan notes in a language.
fn preset_words(language: Language) -> Vec<(String, String)> {
    let model = Model::shipped(language).unwrap();
    let mut out = Vec::new();
    for b in BUILT_IN {
        let p = b.read(&model, language).unwrap();
        out.push((format!("{}.name", b.stem()), p.name.clone()));
        out.push((
            format!("{}.description", b.stem()),
            p.description.clone().unwrap_or_default(),
        ));
        out.push((
            format!("{}.source", b.stem()),
            p.source.clone().unwrap_or_default(),
        ));
        for (i, plan) in p.plans.iter().enumerate() {
            out.push((format!("{}.plans[{i}].name", b.stem()), plan.name.clone()));
            out.push((
                format!("{}.plans[{i}].note", b.stem()),
                plan.note.clone().unwrap_or_default(),
            ));
        }
    }
    out
}

/// The texts of one kind (window, messages, model words, presets) in a
/// language, by path.
type TextsOf = fn(Language) -> Vec<(String, String)>;

/// Every text a user reads, English beside the language's, by path.
fn pairs(language: Language) -> Vec<(String, String, String)> {
    let sources: [TextsOf; 6] = [
        |l| flat(&serde_json::to_value(texts_in(l)).unwrap()),
        |l| flat(&serde_json::to_value(messages_in(l)).unwrap()),
        |l| flat(&serde_json::to_value(survey_texts_in(l)).unwrap()),
        |l| texts::survey_words(l.code()),
        model_words,
        preset_words,
    ];
    let mut out = Vec::new();
    for source in sources {
        let english = source(Language::English);
        let other = source(language);
        assert_eq!(english.len(), other.len(), "{language:?}: texts missing");
        for ((path, en), (_, tr)) in english.into_iter().zip(other) {
            // A case's source is its citation, which stays as written.
            if !(path.ends_with(".source") && en == tr) {
                out.push((path, en, tr));
            }
        }
    }
    out
}

fn glossary() -> Value {
    serde_json::from_str(GLOSSARY).unwrap()
}

/// The paper's words and the field's, as the glossary renders them.
#[test]
fn every_translation_uses_the_glossary_terms() {
    let glossary = glossary();
    let mut faults = Vec::new();
    for language in LANGUAGES {
        let code = language.code();
        for (path, en, tr) in pairs(language) {
            // The name of the program is not a use of "cluster", nor is a
            // placeholder's name.
            let en = without_placeholders(&en.replace("Cluster Workbench", ""));
            for term in glossary["terms"].as_array().unwrap() {
                let english = term["en"].as_str().unwrap();
                let forms: Vec<&str> = term[code]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect();
                // A term marked `whole` is a name: only a text that is the
                // name, in its letter case, uses it.
                let used = if term["whole"].as_bool() == Some(true) {
                    en.trim() == english
                } else {
                    uses(&en, english)
                };
                if used && !forms.iter().any(|f| uses(&tr, f)) {
                    faults.push(format!(
                        "{code}: {path}: \"{english}\" is not {forms:?}: {tr}"
                    ));
                }
            }
        }
    }
    assert_no_faults(&faults);
}

/// "Likely" stays a likelihood: where an English text says "likely" or
/// "probably", its translation says "probable", "probablement",
/// "probabilidad"… (the paper's hedges, §5–6).
#[test]
fn likelihoods_stay_likelihoods() {
    let mut faults = Vec::new();
    for language in LANGUAGES {
        for (path, en, tr) in pairs(language) {
            let hedged = ["likely", "probably"].iter().any(|w| uses(&en, w));
            // Quotations from the paper stay English, with the translation
            // after them: the translation is what must keep the hedge.
            if hedged && !plain(&tr).contains("probab") {
                faults.push(format!("{}: {path}: {tr}", language.code()));
            }
        }
    }
    assert_no_faults(&faults);
}

/// No translation says what the paper does not: "impossible" for "much more
/// difficult", a baseline for the run without a plan.
#[test]
fn no_translation_uses_a_phrase_the_glossary_forbids() {
    let glossary = glossary();
    let mut faults = Vec::new();
    for language in LANGUAGES {
        let code = language.code();
        let never = glossary["never"][code].as_array().unwrap();
        for (path, _, tr) in pairs(language) {
            for phrase in never {
                let phrase = phrase.as_str().unwrap();
                if plain(&tr).contains(&plain(phrase)) {
                    faults.push(format!("{code}: {path}: says \"{phrase}\": {tr}"));
                }
            }
        }
    }
    assert_no_faults(&faults);
}

/// The checks can fail: a term rendered otherwise, and a forbidden phrase,
/// are found.
#[test]
fn the_glossary_checks_can_fail() {
    assert!(uses("Voir le cadre logique.", "cadre logique"));
    assert!(!uses("Voir le cadre logiques.", "cadre logique"));
    assert!(uses("l’efficacité collective", "efficacité collective"));
    assert!(uses("demande d’amélioration", "demande d'amélioration"));
    assert!(!uses("clusters", "cluster"));
    let never = glossary()["never"]["fr"].as_array().unwrap().clone();
    assert!(
        never
            .iter()
            .any(|p| plain("C'est IMPOSSIBLE").contains(p.as_str().unwrap()))
    );
}

/// The glossary gives every term in both languages, and nothing else.
#[test]
fn the_glossary_gives_each_term_in_each_language() {
    for term in glossary()["terms"].as_array().unwrap() {
        for code in ["fr", "es"] {
            let forms = term[code].as_array().unwrap();
            assert!(!forms.is_empty(), "{term}: no {code} form");
        }
    }
}
