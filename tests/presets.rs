//! Preset files, version 1 (reference model §6): every kind of bad input is
//! refused with the path and the reason, and a good file reads as the version
//! 2 preset it means. Shipped presets are canonical and valid.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::preset::{PRESET_FORMAT, Preset, V1_PLAN_NAME};
use common::*;
use std::path::Path;

/// A valid preset with every optional field present, as canonical text.
fn valid() -> String {
    r#"{
  "format": "cluster-workbench-preset",
  "version": 1,
  "name": "Bad-input test",
  "description": "d",
  "source": "s",
  "attributes": {
    "market_dynamism": 0.2,
    "associations": 0.6,
    "external_buyers": 0.1,
    "demand_for_improvement": 0.2,
    "learning_focus": 0.5,
    "cluster_size": 0.6,
    "competition_pressure": 0.6,
    "specialised_suppliers": 0.3,
    "public_support": 0.6,
    "skilled_labour": 0.4,
    "knowledge_fora": 0.2,
    "firm_capability": 0.2
  },
  "plan": {
    "horizon_years": 15,
    "interventions": [
      {
        "id": "buyer_linkage",
        "start_year": 0,
        "intensity": 1.0,
        "cost": 250000.0
      },
      {
        "custom": {
          "name": "Design clinic",
          "side": "supply",
          "effects": {
            "knowledge_fora": 0.1
          }
        },
        "start_year": 2
      }
    ]
  }
}
"#
    .to_string()
}

/// The valid preset with one piece of text replaced (which must be there).
fn with(from: &str, to: &str) -> Vec<u8> {
    replaced(&valid(), from, to)
}

/// The valid preset with the text from `start` up to `end` replaced.
fn splice(start: &str, end: &str, replacement: &str) -> Vec<u8> {
    let v = valid();
    let a = v.find(start).expect("start marker");
    let b = a + v[a..].find(end).expect("end marker");
    format!("{}{replacement}{}", &v[..a], &v[b..]).into_bytes()
}

/// Every kind of bad input, with the path the message must name and a part of
/// the reason it must give.
fn bad_presets() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let big = {
        let mut v = valid().into_bytes();
        v.pop();
        v.extend(std::iter::repeat_n(b' ', 1_048_576));
        v
    };
    vec![
        ("over-size file", big, "", "at most 1048576 bytes"),
        (
            "invalid UTF-8",
            with("\"d\"", "\"\u{FFFD}\"")
                .into_iter()
                .map(|b| if b == 0xEF { 0xFF } else { b })
                .collect(),
            "",
            "not valid UTF-8",
        ),
        (
            "byte-order mark",
            [&[0xEF, 0xBB, 0xBF][..], valid().as_bytes()].concat(),
            "",
            "byte-order mark",
        ),
        (
            "invalid JSON",
            with("\"version\": 1,", "\"version\": 1"),
            "",
            "not valid JSON",
        ),
        ("empty file", Vec::new(), "", "not valid JSON"),
        (
            "not an object",
            b"[1, 2, 3]".to_vec(),
            "",
            "not a Cluster Workbench preset",
        ),
        (
            "a file that is not ours",
            br#"{"type": "FeatureCollection", "features": []}"#.to_vec(),
            "format",
            "not a Cluster Workbench preset",
        ),
        (
            "another format",
            with(PRESET_FORMAT, "cluster-workbench-scenario"),
            "format",
            "\"cluster-workbench-scenario\"",
        ),
        (
            "a report, not a preset",
            with(PRESET_FORMAT, "cluster-workbench-report"),
            "format",
            "report, not a preset",
        ),
        (
            "newer version",
            with("\"version\": 1", "\"version\": 6"),
            "version",
            "newer",
        ),
        (
            "version 0",
            with("\"version\": 1", "\"version\": 0"),
            "version",
            "not a preset version",
        ),
        (
            "version as a string",
            with("\"version\": 1", "\"version\": \"1\""),
            "version",
            "an integer from 1 to 5",
        ),
        (
            "version 1.0",
            with("\"version\": 1", "\"version\": 1.0"),
            "version",
            "an integer from 1 to 5",
        ),
        (
            "unknown top-level key",
            with(
                "\"source\": \"s\",",
                "\"source\": \"s\", \"author\": \"me\",",
            ),
            "author",
            "unknown key \"author\"",
        ),
        (
            "duplicate top-level key",
            with(
                "\"source\": \"s\",",
                "\"source\": \"s\", \"name\": \"again\",",
            ),
            "name",
            "duplicate key \"name\"",
        ),
        (
            "missing name",
            with("\"name\": \"Bad-input test\",", ""),
            "name",
            "missing required key",
        ),
        (
            "name not a string",
            with("\"name\": \"Bad-input test\"", "\"name\": 7"),
            "name",
            "expected a string",
        ),
        (
            "description not a string",
            with("\"description\": \"d\"", "\"description\": null"),
            "description",
            "expected a string",
        ),
        (
            "missing attributes",
            splice("  \"attributes\"", "  \"plan\"", ""),
            "attributes",
            "missing required key",
        ),
        (
            "missing attribute",
            with("    \"skilled_labour\": 0.4,\n", ""),
            "attributes.skilled_labour",
            "missing attribute \"skilled_labour\"",
        ),
        (
            "unknown attribute",
            with("\"skilled_labour\"", "\"skilled_labor\""),
            "attributes.skilled_labor",
            "unknown attribute \"skilled_labor\"",
        ),
        (
            "duplicate attribute",
            with(
                "\"skilled_labour\": 0.4,",
                "\"skilled_labour\": 0.4, \"skilled_labour\": 0.5,",
            ),
            "attributes.skilled_labour",
            "duplicate key",
        ),
        (
            "attribute above 1",
            with("\"cluster_size\": 0.6", "\"cluster_size\": 1.5"),
            "attributes.cluster_size",
            "1.5 is outside 0..=1",
        ),
        (
            "attribute below 0",
            with("\"cluster_size\": 0.6", "\"cluster_size\": -0.1"),
            "attributes.cluster_size",
            "outside 0..=1",
        ),
        (
            "attribute as a string",
            with("\"cluster_size\": 0.6", "\"cluster_size\": \"0.6\""),
            "attributes.cluster_size",
            "expected a number",
        ),
        (
            "attribute too large to be finite",
            with("\"cluster_size\": 0.6", "\"cluster_size\": 1e400"),
            "",
            "not valid JSON",
        ),
        (
            "NaN",
            with("\"cluster_size\": 0.6", "\"cluster_size\": NaN"),
            "",
            "not valid JSON",
        ),
        (
            "attributes not an object",
            splice(
                "  \"attributes\"",
                "  \"plan\"",
                "  \"attributes\": [0.5],\n",
            ),
            "attributes",
            "expected an object, found an array",
        ),
        (
            "plan not an object",
            splice("  \"plan\"", "\n}\n", "  \"plan\": 3"),
            "plan",
            "expected an object, found an integer",
        ),
        (
            "unknown plan key",
            with(
                "\"horizon_years\": 15,",
                "\"horizon_years\": 15, \"budget\": 3,",
            ),
            "plan.budget",
            "unknown key \"budget\"",
        ),
        (
            "horizon 0",
            with("\"horizon_years\": 15", "\"horizon_years\": 0"),
            "plan.horizon_years",
            "outside 1..=50",
        ),
        (
            "horizon 51",
            with("\"horizon_years\": 15", "\"horizon_years\": 51"),
            "plan.horizon_years",
            "outside 1..=50",
        ),
        (
            "horizon 15.0",
            with("\"horizon_years\": 15", "\"horizon_years\": 15.0"),
            "plan.horizon_years",
            "not an integer",
        ),
        (
            "interventions not an array",
            splice(
                "    \"interventions\"",
                "\n  }\n}\n",
                "    \"interventions\": {}",
            ),
            "plan.interventions",
            "expected an array, found an object",
        ),
        (
            "entry not an object",
            splice(
                "      {\n        \"id\"",
                "      {\n        \"custom\"",
                "      \"buyer_linkage\",\n",
            ),
            "plan.interventions[0]",
            "expected an object, found a string",
        ),
        (
            "unknown intervention id",
            with("\"buyer_linkage\"", "\"buyer_linkages\""),
            "plan.interventions[0].id",
            "unknown intervention \"buyer_linkages\"",
        ),
        (
            "unknown entry key",
            with("\"start_year\": 0,", "\"start_year\": 0, \"year\": 0,"),
            "plan.interventions[0].year",
            "unknown key \"year\"",
        ),
        (
            "duplicate entry key",
            with(
                "\"start_year\": 0,",
                "\"start_year\": 0, \"start_year\": 1,",
            ),
            "plan.interventions[0].start_year",
            "duplicate key",
        ),
        (
            "id and custom",
            with(
                "\"id\": \"buyer_linkage\",",
                "\"id\": \"buyer_linkage\", \"custom\": {},",
            ),
            "plan.interventions[0]",
            "both \"id\" and \"custom\"",
        ),
        (
            "neither id nor custom",
            with("\"id\": \"buyer_linkage\",", ""),
            "plan.interventions[0]",
            "needs \"id\"",
        ),
        (
            "missing start year",
            with("\"start_year\": 2", "\"intensity\": 0.5"),
            "plan.interventions[1].start_year",
            "missing required key",
        ),
        (
            "start year after the horizon",
            with("\"start_year\": 2", "\"start_year\": 16"),
            "plan.interventions[1].start_year",
            "outside 0..=15",
        ),
        (
            "negative start year",
            with("\"start_year\": 2", "\"start_year\": -1"),
            "plan.interventions[1].start_year",
            "outside 0..=15",
        ),
        (
            "start year 2.0",
            with("\"start_year\": 2", "\"start_year\": 2.0"),
            "plan.interventions[1].start_year",
            "not an integer",
        ),
        (
            "intensity above 1",
            with("\"intensity\": 1.0", "\"intensity\": 1.5"),
            "plan.interventions[0].intensity",
            "outside 0..=1",
        ),
        (
            "negative cost",
            with("\"cost\": 250000.0", "\"cost\": -5"),
            "plan.interventions[0].cost",
            "-5 is below 0; a cost is 0 or more",
        ),
        (
            "custom without name",
            with("\"name\": \"Design clinic\",", ""),
            "plan.interventions[1].custom.name",
            "missing required key",
        ),
        (
            "custom with empty name",
            with("\"name\": \"Design clinic\"", "\"name\": \"  \""),
            "plan.interventions[1].custom.name",
            "needs a name",
        ),
        (
            "custom with unknown side",
            with("\"side\": \"supply\"", "\"side\": \"both\""),
            "plan.interventions[1].custom.side",
            "\"both\" is neither",
        ),
        (
            "custom with unknown key",
            with(
                "\"side\": \"supply\",",
                "\"side\": \"supply\", \"cost\": 1,",
            ),
            "plan.interventions[1].custom.cost",
            "unknown key \"cost\"",
        ),
        (
            "custom with no effects",
            with("\"knowledge_fora\": 0.1", ""),
            "plan.interventions[1].custom.effects",
            "at least one effect",
        ),
        (
            "custom effect on capability",
            with("\"knowledge_fora\": 0.1", "\"firm_capability\": 0.1"),
            "plan.interventions[1].custom.effects.firm_capability",
            "cannot set firm_capability",
        ),
        (
            "custom effect unknown",
            with("\"knowledge_fora\": 0.1", "\"fora\": 0.1"),
            "plan.interventions[1].custom.effects.fora",
            "unknown attribute \"fora\"",
        ),
        (
            "custom effect out of range",
            with("\"knowledge_fora\": 0.1", "\"knowledge_fora\": -1.5"),
            "plan.interventions[1].custom.effects.knowledge_fora",
            "outside -1..=1",
        ),
        (
            "custom effect duplicate",
            with(
                "\"knowledge_fora\": 0.1",
                "\"knowledge_fora\": 0.1, \"knowledge_fora\": 0.2",
            ),
            "plan.interventions[1].custom.effects.knowledge_fora",
            "duplicate key",
        ),
    ]
}

#[test]
fn every_bad_preset_names_its_problem() {
    let m = model();
    assert!(Preset::from_bytes(valid().as_bytes(), &m).is_ok());
    for (what, bytes, path, reason) in bad_presets() {
        let err = match Preset::from_bytes(&bytes, &m) {
            Ok(_) => panic!("{what}: accepted"),
            Err(e) => e,
        };
        assert_eq!(err.path, path, "{what}: {err}");
        assert!(
            err.reason.contains(reason),
            "{what}: {err:?} lacks {reason:?}"
        );
        if !path.is_empty() {
            assert!(
                err.to_string().starts_with(&format!("{path}: ")),
                "{what}: {err}"
            );
        }
    }
}

#[test]
fn a_version_1_file_reads_as_one_plan_named_plan() {
    let m = model();
    let (p, version) = Preset::from_bytes_with_version(valid().as_bytes(), &m).unwrap();
    assert_eq!(version, 1);
    assert_eq!(p.horizon_years, 15);
    assert_eq!(p.plans.len(), 1);
    assert_eq!(p.plans[0].name, V1_PLAN_NAME);
    assert_eq!(p.plans[0].note, None);
    assert_eq!(p.plans[0].entries.len(), 2);
    let text = p.to_canonical_json();
    assert!(text.contains("\"version\": 3,"), "{text}");
    assert!(
        text.contains("\"horizon_years\": 15,\n  \"plans\": [\n    {\n      \"name\": \"Plan\","),
        "{text}"
    );
    // A version 1 plan without entries is still a plan named "Plan".
    let bare = minimal(", \"plan\": {\"horizon_years\": 12}");
    let p = Preset::from_bytes(bare.as_bytes(), &m).unwrap();
    assert_eq!(p.plans.len(), 1);
    assert!(p.plans[0].entries.is_empty());
    assert_eq!(p.horizon_years, 12);
    // Without a plan, no plans and the model's horizon.
    let p = Preset::from_bytes(minimal("").as_bytes(), &m).unwrap();
    assert!(p.plans.is_empty());
    assert_eq!(p.horizon_years, 15);
}

/// The smallest version 1 preset, keys out of order, with `extra` before its
/// closing brace.
fn minimal(extra: &str) -> String {
    format!(
        r#"{{"version": 1, "format": "cluster-workbench-preset", "name": "m",
        "attributes": {{"firm_capability": 1, "knowledge_fora": 0, "skilled_labour": 0, "public_support": 0,
        "specialised_suppliers": 0, "competition_pressure": 0, "cluster_size": 0, "learning_focus": 0,
        "demand_for_improvement": 0, "external_buyers": 0, "associations": 0, "market_dynamism": 0}}{extra}}}"#
    )
}

#[test]
fn integers_read_as_numbers_and_absent_optionals_stay_absent() {
    let m = model();
    let text = valid()
        .replace("\"cost\": 250000.0", "\"cost\": 250000")
        .replace("\"intensity\": 1.0,", "");
    let p = Preset::from_bytes(text.as_bytes(), &m).unwrap();
    let entries = &p.plans[0].entries;
    assert_eq!(entries[0].cost, Some(250000.0));
    assert_eq!(entries[0].intensity, None);
    assert_eq!(entries[0].intensity(), 1.0);
    let out = p.to_canonical_json();
    assert!(out.contains("\"cost\": 250000.0"), "{out}");
    assert!(!out.contains("\"intensity\": 1.0"), "{out}");

    let minimal = minimal("");
    let p = Preset::from_bytes(minimal.as_bytes(), &m).unwrap();
    assert!(p.plans.is_empty());
    assert_eq!(p.horizon_years, 15);
    let out = p.to_canonical_json();
    assert!(out.starts_with("{\n  \"format\": \"cluster-workbench-preset\",\n  \"version\": 3,\n  \"name\": \"m\",\n  \"attributes\": {\n    \"market_dynamism\": 0.0,"), "{out}");
    // The horizon and the plans are always written, the other keys only when
    // they hold something.
    assert!(
        out.ends_with("  },\n  \"horizon_years\": 15,\n  \"plans\": []\n}\n"),
        "{out}"
    );
    assert!(!out.contains("uncertainty") && !out.contains("unit_costs"));
    assert!(out.ends_with("}\n") && !out.ends_with("}\n\n"));
    // Saving, loading and saving again gives the same bytes.
    let again = Preset::from_bytes(out.as_bytes(), &m)
        .unwrap()
        .to_canonical_json();
    assert_eq!(again, out);
}

#[test]
fn shipped_presets_are_canonical_and_valid() {
    let m = model();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).unwrap();
            let p = Preset::from_bytes(&bytes, &m)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                p.to_canonical_json().as_bytes(),
                &bytes[..],
                "{} is not canonical",
                path.display()
            );
            count += 1;
        }
    }
    assert!(count >= 1);
}

#[test]
fn every_shipped_preset_is_built_into_the_binary() {
    use cluster_workbench::preset::builtin::BUILT_IN;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mut built_in: Vec<String> = BUILT_IN.iter().map(|b| b.file.to_owned()).collect();
    built_in.sort();
    assert_eq!(built_in, files);
    for b in BUILT_IN {
        assert_eq!(std::fs::read_to_string(dir.join(b.file)).unwrap(), b.text);
    }
}

#[test]
fn non_ascii_is_written_unescaped() {
    let m = model();
    let mut p = teaching_case();
    p.name = "Grappe de Gamarra, Perú — «été»".into();
    let text = p.to_canonical_json();
    assert!(
        text.contains("\"name\": \"Grappe de Gamarra, Perú — «été»\""),
        "{text}"
    );
    assert_eq!(Preset::from_bytes(text.as_bytes(), &m).unwrap(), p);
}

#[test]
fn a_preset_that_would_not_load_again_is_not_written() {
    let m = model();
    let mut p = teaching_case();
    assert!(p.to_checked_json(&m).is_ok());
    p.attributes[cluster_workbench::attribute::Attribute::ClusterSize] = f64::NAN;
    let err = p.to_checked_json(&m).unwrap_err();
    assert_eq!(err.path, "attributes.cluster_size", "{err}");
}
