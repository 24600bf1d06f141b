//! The command line on real files: exit codes, stdout and stderr (reference
//! model §7).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-workbench"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn shipped(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(name)
        .display()
        .to_string()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn evaluate_prints_a_report_with_32_cells() {
    let out = run(&["evaluate", &shipped("teaching-case.json")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "cluster-workbench-report");
    assert_eq!(report["version"], 1);
    assert_eq!(report["horizon_years"], 15);
    for side in ["baseline", "with_plan"] {
        assert_eq!(report[side]["cells"].as_array().unwrap().len(), 32);
        assert_eq!(report[side]["trajectory"].as_array().unwrap().len(), 16);
        assert_eq!(report[side]["attributes"].as_object().unwrap().len(), 12);
    }
    let cell = &report["with_plan"]["cells"][0];
    let keys: Vec<&str> = cell
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys.len(), 6, "{keys:?}");
    assert_eq!(cell["mechanism"], "I.a");
    assert_eq!(cell["effort"], "A");
    assert_eq!(cell["kind"], "resources");
    assert_eq!(cell["band"], "none");
    assert_eq!(cell["limited_by"], "demand_for_improvement");
    let year = &report["with_plan"]["trajectory"][15];
    assert_eq!(year["year"], 15);
    assert_eq!(year["stage"], "intermediate");
    assert!((year["capability"].as_f64().unwrap() - 0.417066691016).abs() < 1e-9);
    assert!(year["effort"]["D"].is_number());
    assert_eq!(report["warnings"].as_array().unwrap().len(), 0);
    // Unrounded numbers, as serde_json writes an f64.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("0.44999999999999996"),
        "external_buyers with the plan"
    );
}

#[test]
fn evaluate_reports_warnings_with_sources_and_years() {
    let out = run(&["evaluate", &shipped("supply-side-only.json")]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let w = &report["warnings"][0];
    assert_eq!(w["id"], "supply-without-demand");
    assert_eq!(w["severity"], "critical");
    assert!(w["message"].as_str().unwrap().contains("years 0–15"));
    assert!(
        w["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("Tendler"))
    );
    assert_eq!(w["years"].as_array().unwrap().len(), 16);
    // Only supply-without-demand carries years.
    for other in report["warnings"].as_array().unwrap().iter().skip(1) {
        assert!(other.get("years").is_none(), "{other}");
    }
}

#[test]
fn a_rejected_preset_exits_2_with_the_reason_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("bad-json.json", "{ \"format\": ", "not valid JSON"),
        (
            "foreign.json",
            "{\"hello\": \"world\"}",
            "not a Cluster Workbench preset",
        ),
        (
            "range.json",
            &std::fs::read_to_string(shipped("teaching-case.json"))
                .unwrap()
                .replace("\"cluster_size\": 0.6", "\"cluster_size\": 6"),
            "attributes.cluster_size: 6 is outside 0..=1",
        ),
    ];
    for (name, text, reason) in cases {
        let path = write(&dir, name, text);
        let out = run(&["evaluate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: stdout must stay empty");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(reason), "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
    }
    let out = run(&[
        "evaluate",
        dir.path().join("missing.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn bad_usage_and_a_bad_model_exit_2() {
    let out = run(&["evaluate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = run(&["frobnicate", "x", "y"]);
    assert_eq!(out.status.code(), Some(2));

    let dir = tempfile::tempdir().unwrap();
    let model =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/model.json"))
            .unwrap();
    let broken = write(
        &dir,
        "model.json",
        &model.replace(
            "min(associations, learning_focus)\"",
            "min(associations, learning_fokus)\"",
        ),
    );
    let out = run(&[
        "--model",
        broken.to_str().unwrap(),
        "evaluate",
        &shipped("teaching-case.json"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mechanisms[2].drivers[0].expression") && err.contains("learning_fokus"),
        "{err}"
    );
}

#[test]
fn another_model_file_changes_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let model =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/model.json"))
            .unwrap();
    let slower = write(
        &dir,
        "slow.json",
        &model.replace("\"learning_rate\": 1.0", "\"learning_rate\": 0.5"),
    );
    let capability = |args: &[&str]| {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        r["with_plan"]["trajectory"][15]["capability"]
            .as_f64()
            .unwrap()
    };
    let preset = shipped("teaching-case.json");
    let default = capability(&["evaluate", &preset]);
    let slow = capability(&["evaluate", &preset, "--model", slower.to_str().unwrap()]);
    assert!(slow < default, "{slow} !< {default}");
}

#[test]
fn help_is_useful_to_a_newcomer() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in ["evaluate", "--model", "PRESET", "Examples", "Exit status"] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}
