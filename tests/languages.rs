//! Every text in every language (issue 18, items 2 and 3): each window text
//! and each of the model's words has a French and a Spanish version with the
//! same placeholders, the shipped model reads in each language with its
//! numbers untouched, and every shipped preset has its words. A failure
//! names the text and the language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::language::Language;
use cluster_workbench::model::words::{NO_WORDS_AT_TOP, NOT_WORDS};
use cluster_workbench::model::{DEFAULT_MODEL_JSON, Model};
use cluster_workbench::preset::builtin::BUILT_IN;
use cluster_workbench::text::{EN, ES, FR, Texts};
use serde_json::Value;

#[path = "common/texts.rs"]
mod texts;
use texts::{flat, placeholders, without_placeholders};

const OTHERS: [(Language, &Texts); 2] = [(Language::French, &FR), (Language::Spanish, &ES)];

/// Window texts that are the same in every language: names and codes.
const SAME_EVERYWHERE: &[&str] = &["app_name", "dot_filter"];

/// Words a language writes as English does (what is left of a text once its
/// placeholders are taken out): a text equal to English and not listed here
/// is one a translator missed.
const SAME_WORDS: &[(Language, &[&str])] = &[
    (
        Language::French,
        &[
            "Sources",
            "Source",
            "Gain",
            "Impact",
            "Horizon",
            "Plan",
            "PLANS",
            "NOTE",
            "Note",
            "Effort",
            "effort",
            "Intervention",
        ],
    ),
    (Language::Spanish, &["Plan", "Plan:"]),
];

/// Whether a text equal to its English is what a translator missed.
fn looks_untranslated(language: Language, english: &str) -> bool {
    let words = without_placeholders(english).trim().to_owned();
    let letters = words.chars().filter(|c| c.is_alphabetic()).count();
    let same = SAME_WORDS
        .iter()
        .filter(|(l, _)| *l == language)
        .any(|(_, list)| list.contains(&words.as_str()));
    letters > 3 && !same
}

fn texts_of(t: &Texts) -> Vec<(String, String)> {
    flat(&serde_json::to_value(t).unwrap())
}

#[test]
fn every_window_text_is_translated_with_the_same_placeholders() {
    let english = texts_of(&EN);
    let mut faults = Vec::new();
    for (language, texts) in OTHERS {
        let other = texts_of(texts);
        assert_eq!(other.len(), english.len(), "{language:?}: texts missing");
        for ((id, en), (_, tr)) in english.iter().zip(&other) {
            if placeholders(en) != placeholders(tr) {
                faults.push(format!(
                    "{}: {id}: placeholders {:?}, English has {:?}",
                    language.code(),
                    placeholders(tr),
                    placeholders(en)
                ));
            }
            if en == tr
                && looks_untranslated(language, en)
                && !SAME_EVERYWHERE.contains(&id.as_str())
            {
                faults.push(format!("{}: {id}: still English: {en:?}", language.code()));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn each_language_names_itself_for_the_report() {
    assert_eq!(EN.language, "en");
    assert_eq!(FR.language, "fr");
    assert_eq!(ES.language, "es");
}

/// The model file's words, path by path, as a words file must give them.
fn model_words() -> Vec<(String, String)> {
    let model: Value = serde_json::from_str(DEFAULT_MODEL_JSON).unwrap();
    let mut out = Vec::new();
    for (key, value) in model.as_object().unwrap() {
        if !NO_WORDS_AT_TOP.contains(&key.as_str()) {
            // At the top a key names a part of the model (`efforts`: their
            // names), never a reference.
            words_in(value, "", key, &mut out);
        }
    }
    out
}

fn words_in(value: &Value, key: &str, path: &str, out: &mut Vec<(String, String)>) {
    if NOT_WORDS.contains(&key) {
        return;
    }
    match value {
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                words_in(v, key, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                words_in(v, k, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The text at a path such as `attributes[0].name` in a words file's model.
fn at<'a>(words: &'a Value, path: &str) -> Option<&'a str> {
    let mut here = words;
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').unwrap_or((part, ""));
        here = here.get(key)?;
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            here = here.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    here.as_str()
}

/// How many words of three letters or more a text has (a section such as
/// "§4.2, note 19" has one).
fn long_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .count()
}

fn shipped_words(language: Language) -> Value {
    let text = cluster_workbench::model::words::shipped(language).unwrap();
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_model_word_is_translated_with_the_same_placeholders() {
    let english = model_words();
    assert!(english.len() > 400, "only {} words found", english.len());
    let mut faults = Vec::new();
    for (language, _) in OTHERS {
        let words = shipped_words(language);
        let model = &words["model"];
        for (path, en) in &english {
            match at(model, path) {
                None => faults.push(format!("{}: {path}: missing", language.code())),
                Some(tr) if placeholders(tr) != placeholders(en) => faults.push(format!(
                    "{}: {path}: placeholders {:?}, English has {:?}",
                    language.code(),
                    placeholders(tr),
                    placeholders(en)
                )),
                Some(tr) if tr == en && long_words(en) > 1 => {
                    faults.push(format!("{}: {path}: still English", language.code()))
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_shipped_model_reads_in_every_language_with_the_same_numbers() {
    let english = Model::shipped(Language::English).unwrap();
    for (language, _) in OTHERS {
        let other = Model::shipped(language).unwrap();
        assert_eq!(other.catalogue.len(), english.catalogue.len());
        for (a, b) in english.catalogue.iter().zip(&other.catalogue) {
            assert_eq!((&a.id, a.side, &a.effects), (&b.id, b.side, &b.effects));
            assert_ne!(
                a.name,
                b.name,
                "{}: {} not translated",
                language.code(),
                a.id
            );
        }
        assert_eq!(other.file.stages.advanced, english.file.stages.advanced);
        assert_eq!(other.default_horizon(), english.default_horizon());
    }
}

#[test]
fn every_shipped_preset_has_its_words_in_every_language() {
    let model = Model::default_model().unwrap();
    for (language, _) in OTHERS {
        for b in BUILT_IN {
            let words = b
                .words(language)
                .unwrap_or_else(|| panic!("{}: {} has no words", language.code(), b.file));
            let english = b.read(&model, Language::English).unwrap();
            let translated = b.read(&model, language).unwrap();
            assert_eq!(words.plans.len(), english.plans.len(), "{}", b.file);
            assert_ne!(
                translated.name,
                english.name,
                "{}: {}",
                language.code(),
                b.file
            );
            assert_eq!(translated.attributes, english.attributes);
            assert_eq!(translated.plans.len(), english.plans.len());
            for (t, e) in translated.plans.iter().zip(&english.plans) {
                assert_eq!(t.entries, e.entries);
            }
        }
    }
}

#[test]
fn a_words_file_that_changes_a_number_is_refused_with_its_path() {
    let words = r#"{"format": "cluster-workbench-words", "language": "fr",
        "model": {"stages": {"intermediate": 0.5}}}"#;
    let e = Model::with_words(DEFAULT_MODEL_JSON, words).unwrap_err();
    assert_eq!(e.path, "words.model.stages.intermediate");
}

/// Every refusal message has a French and a Spanish version with the same
/// placeholders.
#[test]
fn every_message_is_translated_with_the_same_placeholders() {
    use cluster_workbench::text::messages::messages_in;
    let messages = |l| flat(&serde_json::to_value(messages_in(l)).unwrap());
    let english = messages(Language::English);
    let mut faults = Vec::new();
    for (language, _) in OTHERS {
        for ((id, en), (_, tr)) in english.iter().zip(messages(language)) {
            if placeholders(en) != placeholders(&tr) {
                faults.push(format!("{}: {id}: placeholders differ", language.code()));
            }
            let same_everywhere = ["null", "path_reason", "two_sentences", "advice_with_cause"];
            if *en == tr && !same_everywhere.contains(&id.as_str()) {
                faults.push(format!("{}: {id}: still English: {en:?}", language.code()));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// A file refused in French is told so in French, with the path into the
/// file as it is written (the keys stay the file's own).
#[test]
fn a_refused_preset_is_told_in_the_language_with_its_path() {
    use cluster_workbench::language::{Locale, NumberChoice};
    use cluster_workbench::preset::Preset;
    let model = Model::shipped(Language::French).unwrap();
    let broken = br#"{"format": "cluster-workbench-preset", "version": 2, "name": "x",
        "attributes": {"market_dynamism": 2}}"#;
    let said = |language| {
        cluster_workbench::text::set_locale(Locale {
            language,
            numbers: NumberChoice::AsLanguage,
        });
        let e = Preset::from_bytes(broken, &model).unwrap_err();
        e.to_string()
    };
    let english = said(Language::English);
    let french = said(Language::French);
    let spanish = said(Language::Spanish);
    cluster_workbench::text::set_locale(Locale::default());
    assert!(english.contains("is outside"), "{english}");
    for (text, word) in [(&french, "hors"), (&spanish, "fuera")] {
        assert!(text.starts_with("attributes.market_dynamism"), "{text}");
        assert!(text.contains(word), "{text}");
        assert_ne!(text, &english);
    }
}

/// The survey's own words (its messages, the review, the printable form)
/// in every language with the same placeholders.
#[test]
fn every_survey_text_is_translated_with_the_same_placeholders() {
    use cluster_workbench::text::survey::survey_texts_in;
    let of = |l| flat(&serde_json::to_value(survey_texts_in(l)).unwrap());
    let english = of(Language::English);
    let mut faults = Vec::new();
    for (language, _) in OTHERS {
        let other = of(language);
        assert_eq!(other.len(), english.len());
        for ((id, en), (_, tr)) in english.iter().zip(&other) {
            if placeholders(en) != placeholders(tr) {
                faults.push(format!("{}: {id}: placeholders differ", language.code()));
            }
            let same = ["evidence_with_form", "evidence_separator", "head_question"];
            if en == tr && looks_untranslated(language, en) && !same.contains(&id.as_str()) {
                faults.push(format!("{}: {id}: still English: {en:?}", language.code()));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// Every question, answer and group of the survey in the three languages,
/// none left empty or in English.
#[test]
fn every_survey_question_is_in_three_languages() {
    let english = texts::survey_words("en");
    assert!(english.len() > 100, "{}", english.len());
    let mut faults = Vec::new();
    for (language, _) in OTHERS {
        for ((path, en), (_, tr)) in english.iter().zip(texts::survey_words(language.code())) {
            if tr.trim().is_empty() || (*en == tr && looks_untranslated(language, en)) {
                faults.push(format!("{}: {path}: {tr:?}", language.code()));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
