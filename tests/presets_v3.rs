//! Preset files, version 3 (issue 11): what the user writes into results-chain
//! boxes is saved with the entry (activity to capability) or the plan (the
//! impact boxes), round-trips byte for byte, and is refused with its path
//! where it does not belong; a version 2 file reads as a version 3 file
//! without indicators.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::edit::Edit;
use cluster_workbench::model::chain::BoxKind;
use cluster_workbench::plan::indicators::Field;
use cluster_workbench::preset::Preset;
use common::{model, shipped};

fn shipped_text(name: &str) -> String {
    std::fs::read_to_string(shipped(name)).unwrap()
}

/// A shipped preset with indicators written into an entry's boxes and the
/// plan's, through the edit path the window uses.
fn with_indicators() -> Preset {
    let m = model();
    let mut p =
        Preset::from_bytes(shipped_text("supply-side-with-demand.json").as_bytes(), &m).unwrap();
    let edits = [
        (
            Some(0),
            BoxKind::Outputs,
            Field::Baseline,
            "12 trainees a year",
        ),
        (
            Some(0),
            BoxKind::Outputs,
            Field::Target,
            "60 trainees a year",
        ),
        (
            Some(1),
            BoxKind::Market,
            Field::Who,
            "Association secretary",
        ),
        (
            None,
            BoxKind::Income,
            Field::Indicator,
            "Net income, \"real\" terms",
        ),
    ];
    for (entry, kind, field, value) in edits {
        Edit::SetIndicator {
            plan: 0,
            entry,
            kind,
            field,
            value: Some(value.into()),
        }
        .apply(&mut p, &m)
        .unwrap();
    }
    p
}

#[test]
fn indicators_round_trip_byte_for_byte() {
    let m = model();
    let p = with_indicators();
    let text = p.to_checked_json(&m).unwrap();
    assert!(text.contains("\"version\": 4"), "with a currency");
    let (q, version) = Preset::from_bytes_with_version(text.as_bytes(), &m).unwrap();
    assert_eq!(version, 4);
    assert_eq!(q, p);
    assert_eq!(q.to_canonical_json(), text);
    let outputs = q.plans[0].entries[0]
        .indicators
        .get(BoxKind::Outputs)
        .unwrap();
    assert_eq!(outputs.get(Field::Target), Some("60 trainees a year"));
    assert_eq!(
        q.plans[0]
            .indicators
            .field(BoxKind::Income, Field::Indicator),
        Some("Net income, \"real\" terms")
    );
    // Fields in file order within a box, boxes in chain order.
    let baseline = text.find("\"baseline\": \"12").unwrap();
    let target = text.find("\"target\": \"60").unwrap();
    assert!(baseline < target);
}

#[test]
fn a_version_2_file_reads_without_indicators_and_saves_as_version_3() {
    let m = model();
    // The teaching case without its currency (a version 4 key).
    let v2 = shipped_text("teaching-case.json")
        .replacen("\"version\": 4", "\"version\": 2", 1)
        .replacen("  \"currency\": \"USD\",\n", "", 1);
    assert!(!v2.contains("currency"));
    assert!(v2.contains("\"version\": 2"));
    let (p, version) = Preset::from_bytes_with_version(v2.as_bytes(), &m).unwrap();
    assert_eq!(version, 2);
    assert!(
        p.plans.iter().all(|plan| plan.indicators.is_empty()
            && plan.entries.iter().all(|e| e.indicators.is_empty()))
    );
    let saved = p.to_checked_json(&m).unwrap();
    assert_eq!(saved, v2.replacen("\"version\": 2", "\"version\": 3", 1));
}

fn refused(text: &str) -> (String, String) {
    let e = Preset::from_bytes(text.as_bytes(), &model()).unwrap_err();
    (e.path, e.reason)
}

#[test]
fn indicators_where_they_do_not_belong_are_refused_with_their_path() {
    let m = model();
    let good = with_indicators().to_checked_json(&m).unwrap();
    let cases = [
        (
            "a version 2 file with indicators",
            good.replacen("\"version\": 4", "\"version\": 2", 1)
                .replacen("  \"currency\": \"USD\",\n", "", 1),
            "plans[0].interventions[0].indicators",
            "came in preset version 3",
        ),
        (
            "an impact box on an entry",
            good.replacen("\"outputs\": {", "\"jobs\": {", 1),
            "plans[0].interventions[0].indicators.jobs",
            "does not belong to a plan entry",
        ),
        (
            "an entry's box on the plan",
            good.replacen("\"income\": {", "\"market\": {", 1),
            "plans[0].indicators.market",
            "does not belong to a plan",
        ),
        (
            "an unknown box",
            good.replacen("\"outputs\": {", "\"inputs\": {", 1),
            "plans[0].interventions[0].indicators.inputs",
            "unknown results-chain box",
        ),
        (
            "an unknown field",
            good.replacen("\"baseline\": \"12", "\"baseline_year\": \"12", 1),
            "plans[0].interventions[0].indicators.outputs.baseline_year",
            "unknown key",
        ),
        (
            "an empty field",
            good.replacen("\"12 trainees a year\"", "\"  \"", 1),
            "plans[0].interventions[0].indicators.outputs.baseline",
            "is empty",
        ),
        (
            "a number for a text",
            good.replacen("\"12 trainees a year\"", "12", 1),
            "plans[0].interventions[0].indicators.outputs.baseline",
            "expected a string, found an integer",
        ),
    ];
    for (what, text, path, reason) in cases {
        assert_ne!(text, good, "{what}: the test's replacement must apply");
        let (p, r) = refused(&text);
        assert_eq!(p, path, "{what}: {r}");
        assert!(r.contains(reason), "{what}: {r}");
    }
}

#[test]
fn the_editor_refuses_text_a_file_could_not_hold_and_clears_blank_text() {
    let m = model();
    let mut p = with_indicators();
    let long = "x".repeat(2001);
    let err = Edit::SetIndicator {
        plan: 0,
        entry: Some(0),
        kind: BoxKind::Activity,
        field: Field::Who,
        value: Some(long),
    }
    .apply(&mut p.clone(), &m)
    .unwrap_err();
    assert!(err.to_string().contains("2000"), "{err}");
    // A box put where it does not belong is refused too.
    assert!(
        Edit::SetIndicator {
            plan: 0,
            entry: None,
            kind: BoxKind::Market,
            field: Field::Who,
            value: Some("x".into()),
        }
        .apply(&mut p.clone(), &m)
        .is_err()
    );
    // Blank text clears the field, and a box left empty goes.
    for field in [Field::Baseline, Field::Target] {
        Edit::SetIndicator {
            plan: 0,
            entry: Some(0),
            kind: BoxKind::Outputs,
            field,
            value: Some("   ".into()),
        }
        .apply(&mut p, &m)
        .unwrap();
    }
    assert!(p.plans[0].entries[0].indicators.is_empty());
}

/// Every shipped preset saves to its own bytes: the teaching examples,
/// which give their illustrative costs in US dollars, as version 4, the
/// cases (no costs, no currency) as version 3, as they were before the
/// currency came.
#[test]
fn every_shipped_preset_is_canonical() {
    let m = model();
    let expected = [
        ("ludhiana-1990s.json", 3),
        ("fepach-chile.json", 3),
        ("sialkot-after-1994.json", 3),
        ("gamarra-lima.json", 3),
        ("rural-java.json", 3),
        ("supply-side-only.json", 4),
        ("supply-side-with-demand.json", 4),
        ("teaching-case.json", 4),
    ];
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), expected.len());
    for (file, written) in expected {
        let text = shipped_text(file);
        let (p, version) = Preset::from_bytes_with_version(text.as_bytes(), &m).unwrap();
        assert_eq!(version, written, "{file}");
        assert_eq!(p.file_version(), written, "{file}");
        assert_eq!(p.to_canonical_json(), text, "{file}");
    }
}

#[test]
fn indicators_travel_with_their_entry_when_it_moves_or_another_goes() {
    let m = model();
    let mut p = with_indicators();
    // Entries 0 and 1 start in the same year: swapping them moves the
    // indicators with them.
    assert_eq!(
        p.plans[0].entries[0].start_year,
        p.plans[0].entries[1].start_year
    );
    let first = p.plans[0].entries[0].clone();
    let second = p.plans[0].entries[1].clone();
    Edit::MoveWithinYear {
        plan: 0,
        entry: 0,
        earlier: false,
    }
    .apply(&mut p, &m)
    .unwrap();
    assert_eq!(p.plans[0].entries[1], first);
    assert_eq!(p.plans[0].entries[0], second);
    // Removing the other entry leaves this one's indicators as they were.
    Edit::RemoveEntry { plan: 0, entry: 0 }
        .apply(&mut p, &m)
        .unwrap();
    assert_eq!(p.plans[0].entries[0], first);
    assert_eq!(
        p.plans[0].entries[0]
            .indicators
            .field(BoxKind::Outputs, Field::Target),
        Some("60 trainees a year")
    );
    // The plan's impact boxes stay with the plan.
    assert!(p.plans[0].indicators.get(BoxKind::Income).is_some());
}
