//! Each attribute's evidence (issue 19, item 4): new in preset version 5,
//! read strictly and named by its path when refused, written only when
//! there is some (older files save as they were), dropped from an attribute
//! set by hand (its note stays), and shown in the report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::attribute::Attribute;
use cluster_workbench::edit::Edit;
use cluster_workbench::export::html_report;
use cluster_workbench::preset::Preset;
use common::{model, shipped_text};

/// Gamarra (a version 3 file) with `evidence` written after its
/// uncertainty, as version 5.
fn with_evidence(evidence: &str) -> String {
    let text = shipped_text("gamarra-lima.json");
    assert!(text.contains("\"version\": 3"));
    text.replacen("\"version\": 3", "\"version\": 5", 1)
        .replacen(
            "\n  \"horizon_years\"",
            &format!("\n  \"evidence\": {evidence},\n  \"horizon_years\""),
            1,
        )
}

const SURVEYED: &str = r#"{
    "market_dynamism": {
      "survey": {
        "form_version": "2026120601",
        "date": "2026-11-28",
        "n": 48,
        "spread": 0.12
      },
      "note": "interviews with 12 exporters, March"
    },
    "associations": {
      "note": "the federation's own count"
    }
  }"#;

fn refused(text: &str) -> (String, String) {
    let e = Preset::from_bytes(text.as_bytes(), &model()).unwrap_err();
    (e.path, e.reason)
}

#[test]
fn evidence_reads_and_saves_to_the_same_bytes() {
    let m = model();
    let text = with_evidence(SURVEYED);
    let (p, version) = Preset::from_bytes_with_version(text.as_bytes(), &m).unwrap();
    assert_eq!(version, 5);
    let e = p.evidence.get(Attribute::MarketDynamism).unwrap();
    let survey = e.survey.as_ref().unwrap();
    assert_eq!((survey.n, survey.spread), (48, 0.12));
    assert_eq!(survey.date.as_deref(), Some("2026-11-28"));
    assert_eq!(
        e.note.as_deref(),
        Some("interviews with 12 exporters, March")
    );
    assert!(p.evidence.get(Attribute::ExternalBuyers).is_none());
    assert_eq!(p.to_checked_json(&m).unwrap(), text);
}

#[test]
fn the_shipped_presets_have_no_evidence_and_keep_their_versions() {
    let m = model();
    for name in [
        "teaching-case.json",
        "gamarra-lima.json",
        "rural-java.json",
        "supply-side-only.json",
    ] {
        let text = shipped_text(name);
        let (p, version) = Preset::from_bytes_with_version(text.as_bytes(), &m).unwrap();
        assert!(p.evidence.is_empty(), "{name}");
        assert!(version <= 4, "{name}");
        assert_eq!(p.to_canonical_json(), text, "{name}");
    }
}

#[test]
fn evidence_in_an_older_version_is_refused_as_too_early() {
    let text = with_evidence(SURVEYED).replacen("\"version\": 5", "\"version\": 4", 1);
    let (path, reason) = refused(&text);
    assert_eq!(path, "evidence");
    assert!(reason.contains("version 5"), "{reason}");
}

#[test]
fn every_bad_evidence_is_named_by_its_path() {
    let cases = [
        (
            r#"{"market_dynamism": {}}"#,
            "evidence.market_dynamism",
            "empty",
        ),
        (
            r#"{"market_vigour": {"note": "x"}}"#,
            "evidence.market_vigour",
            "unknown attribute",
        ),
        (
            r#"{"market_dynamism": {"note": "  "}}"#,
            "evidence.market_dynamism.note",
            "empty",
        ),
        (
            r#"{"market_dynamism": {"source": "x"}}"#,
            "evidence.market_dynamism.source",
            "unknown key",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "2026120601", "n": 0, "spread": 0.1}}}"#,
            "evidence.market_dynamism.survey.n",
            "at least 1",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "2026120601", "n": 4, "spread": 0.7}}}"#,
            "evidence.market_dynamism.survey.spread",
            "0.7",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "v2", "n": 4, "spread": 0.1}}}"#,
            "evidence.market_dynamism.survey.form_version",
            "\"v2\"",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "1", "date": "28/11/2026", "n": 4, "spread": 0.1}}}"#,
            "evidence.market_dynamism.survey.date",
            "yyyy-mm-dd",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "1", "spread": 0.1}}}"#,
            "evidence.market_dynamism.survey.n",
            "missing",
        ),
        (
            r#"{"market_dynamism": {"survey": {"form_version": "1", "n": 2.5, "spread": 0.1}}}"#,
            "evidence.market_dynamism.survey.n",
            "not an integer",
        ),
    ];
    for (evidence, path, says) in cases {
        let (p, reason) = refused(&with_evidence(evidence));
        assert_eq!(p, path, "{evidence}: {reason}");
        assert!(reason.contains(says), "{evidence}: {reason}");
    }
}

#[test]
fn an_attribute_set_by_hand_is_no_longer_the_surveys_but_keeps_its_note() {
    let m = model();
    let mut p = Preset::from_bytes(with_evidence(SURVEYED).as_bytes(), &m).unwrap();
    Edit::SetAttribute(Attribute::MarketDynamism, 0.9)
        .apply(&mut p, &m)
        .unwrap();
    let e = p.evidence.get(Attribute::MarketDynamism).unwrap();
    assert!(e.survey.is_none());
    assert_eq!(
        e.note.as_deref(),
        Some("interviews with 12 exporters, March")
    );
    // Setting the value it already has changes nothing.
    let mut q = Preset::from_bytes(with_evidence(SURVEYED).as_bytes(), &m).unwrap();
    let same = q.attributes[Attribute::MarketDynamism];
    Edit::SetAttribute(Attribute::MarketDynamism, same)
        .apply(&mut q, &m)
        .unwrap();
    assert!(
        q.evidence
            .get(Attribute::MarketDynamism)
            .unwrap()
            .survey
            .is_some()
    );
    // An uncertainty set by hand is no longer the survey's spread either.
    Edit::SetUncertainty(Attribute::MarketDynamism, 0.3)
        .apply(&mut q, &m)
        .unwrap();
    let e = q.evidence.get(Attribute::MarketDynamism).unwrap();
    assert!(e.survey.is_none());
    assert!(e.note.is_some());
    // Clearing the only note leaves no evidence, and the file version 3.
    Edit::SetEvidenceNote(Attribute::Associations, None)
        .apply(&mut p, &m)
        .unwrap();
    Edit::SetEvidenceNote(Attribute::MarketDynamism, Some(" ".into()))
        .apply(&mut p, &m)
        .unwrap();
    assert!(p.evidence.is_empty());
    assert_eq!(p.file_version(), 3);
}

#[test]
fn the_report_says_where_each_value_came_from() {
    let m = model();
    let p = Preset::from_bytes(with_evidence(SURVEYED).as_bytes(), &m).unwrap();
    let html = html_report(&m, &p, 0, 1);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let cluster = html.split("id=\"cluster\"").nth(1).unwrap();
    let cluster = cluster.split("</section>").next().unwrap();
    let value = p.attributes[Attribute::MarketDynamism];
    assert!(cluster.contains("Where the values came from"), "{cluster}");
    assert!(
        cluster.contains(&format!("{value:.2}, from 48 firms, spread ±0.12")),
        "{cluster}"
    );
    assert!(cluster.contains("interviews with 12 exporters, March"));
    assert!(
        cluster.contains("the federation&#39;s own count")
            || cluster.contains("the federation's own count")
    );
    assert!(cluster.contains("set by judgement"));
    // The survey's scoring is marked as the model's assumption.
    assert!(
        cluster.contains("the model&#39;s own assumption")
            || cluster.contains("the model's own assumption"),
        "{cluster}"
    );
}
