//! `--lang` on each command (issue 18, items 1 and 7): the report, the
//! logframe, the measurement plan and the results chain are written in the
//! language, with its numbers; `evaluate` and `levers` keep their English
//! JSON keys with their texts in the language. The expected words are
//! written out here as a French or Spanish reader would look for them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{ok, run, shipped};

use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::BTreeSet;

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&Selector::parse(css).unwrap())
        .map(|e| {
            // Only ASCII space is folded: French numbers keep their narrow
            // no-break space.
            let text: String = e.text().collect();
            text.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The teaching case's report, written in `lang`, parsed (any HTML5 parse
/// error fails).
fn report_in(lang: &str) -> Html {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let preset = shipped("teaching-case.json");
    let out_s = out.display().to_string();
    ok(&[
        "--lang", lang, "report", &preset, "-o", &out_s, "--runs", "0",
    ]);
    let doc = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    assert!(
        doc.errors.is_empty(),
        "{lang}: HTML parse errors: {:?}",
        doc.errors
    );
    doc
}

#[test]
fn the_french_report_has_french_headings_and_french_numbers() {
    let doc = report_in("fr");
    let lang: Vec<&str> = doc
        .select(&Selector::parse("html").unwrap())
        .filter_map(|e| e.value().attr("lang"))
        .collect();
    assert_eq!(lang, ["fr"]);
    let headings = texts(&doc, "h2");
    for heading in [
        "La grappe",
        "Les plans et leurs avertissements",
        "Chaînes de résultats",
        "Les plans comparés",
        "Ce que le modèle peut et ne peut pas dire",
    ] {
        assert!(
            headings.iter().any(|h| h == heading),
            "{heading}: {headings:?}"
        );
    }
    for english in ["The cluster", "The plans compared", "Results chains"] {
        assert!(
            !headings.iter().any(|h| h == english),
            "{english} in {headings:?}"
        );
    }
    // Appendix A's plan: 0.417 at year 15, a gain of 0.213 for 450,000, so
    // 0.473 per million, written as French writes numbers.
    let row = texts(&doc, "table.comparison tbody tr")[1].clone();
    for figure in ["0,42 (intermédiaire)", "+0,21", "450\u{202f}000", "0,473"] {
        assert!(row.contains(figure), "{figure:?} not in {row:?}");
    }
    assert!(!row.contains("0.42"), "{row}");
}

#[test]
fn the_spanish_report_writes_spanish_numbers() {
    let doc = report_in("es");
    let headings = texts(&doc, "h2");
    assert!(
        headings.iter().any(|h| h == "Cadenas de resultados"),
        "{headings:?}"
    );
    let row = texts(&doc, "table.comparison tbody tr")[1].clone();
    for figure in ["0,42 (intermedia)", "450.000", "0,473"] {
        assert!(row.contains(figure), "{figure:?} not in {row:?}");
    }
}

#[test]
fn the_logframe_and_measurement_plan_are_written_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n).display().to_string();
    let preset = shipped("teaching-case.json");
    let (frame, plan) = (path("lf.csv"), path("mp.csv"));
    ok(&[
        "--lang",
        "es",
        "logframe",
        &preset,
        "-o",
        &frame,
        "--measurement-plan",
        &plan,
    ]);
    let frame = std::fs::read_to_string(&frame).unwrap();
    assert!(frame.contains("Resumen narrativo"), "{frame}");
    assert!(!frame.contains("Narrative summary"), "{frame}");
    let plan = std::fs::read_to_string(&plan).unwrap();
    assert!(plan.contains("Indicador"), "{plan}");
    assert!(!plan.contains("Indicator"), "{plan}");
}

#[test]
fn the_results_chain_is_written_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.mmd").display().to_string();
    let preset = shipped("teaching-case.json");
    ok(&[
        "--lang",
        "fr",
        "results-chain",
        &preset,
        "--format",
        "mermaid",
        "-o",
        &out,
    ]);
    let chain = std::fs::read_to_string(&out).unwrap();
    assert!(chain.contains("Activité"), "{chain}");
    assert!(!chain.contains("Activity"), "{chain}");
}

/// Every key of a JSON value, by path, so that two languages' outputs can
/// be compared key for key.
fn keys(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{path}.{k}");
                out.insert(p.clone());
                keys(v, &p, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                keys(v, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

fn key_set(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    keys(&serde_json::from_str(text).unwrap(), "", &mut out);
    out
}

#[test]
fn evaluate_keeps_its_keys_and_speaks_the_language() {
    let preset = shipped("supply-side-only.json");
    let english = ok(&["evaluate", &preset, "--runs", "0"]);
    let french = ok(&["--lang", "fr", "evaluate", &preset, "--runs", "0"]);
    assert_eq!(key_set(&english), key_set(&french));
    // The central warning, hedged as the paper hedges it (§6).
    assert!(english.contains("much more difficult"));
    assert!(french.contains("beaucoup plus difficile"), "{french}");
    assert!(!french.contains("much more difficult"));
}

#[test]
fn levers_keep_their_keys_and_speak_the_language() {
    let preset = shipped("teaching-case.json");
    let english = ok(&["levers", &preset]);
    let spanish = ok(&["--lang", "es", "levers", &preset]);
    assert_eq!(key_set(&english), key_set(&spanish));
    assert!(spanish.contains("restricción vinculante"), "{spanish}");
    assert!(!spanish.contains("binding constraint"), "{spanish}");
}

#[test]
fn an_unknown_language_is_refused_with_the_ones_there_are() {
    let out = run(&["--lang", "de", "evaluate", &shipped("teaching-case.json")]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    for code in ["en", "fr", "es"] {
        assert!(said.contains(code), "{said}");
    }
}
