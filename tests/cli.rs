//! The command line on real files: exit codes, stdout and stderr (reference
//! model §7), through the binary and in-process through `cli::run`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use clap::Parser;
use cluster_workbench::cli::{self, Cli, CliError};
use cluster_workbench::files::{Disk, Storage};
use cluster_workbench::preset::json::Json;
use common::{run, shipped};
use std::path::{Path, PathBuf};

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn evaluate_prints_a_version_2_report_with_every_plan() {
    let out = run(&["evaluate", &shipped("teaching-case.json")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Keys in the order written (serde_json's own Value sorts them).
    let ordered: Json = serde_json::from_slice(&out.stdout).unwrap();
    let keys_at = |path: &[&str]| -> Vec<String> {
        let mut v = &ordered;
        for step in path {
            v = match v {
                Json::Object(pairs) => &pairs.iter().find(|(k, _)| k == step).unwrap().1,
                Json::Array(items) => &items[step.parse::<usize>().unwrap()],
                _ => panic!("no {step}"),
            };
        }
        match v {
            Json::Object(pairs) => pairs.iter().map(|(k, _)| k.clone()).collect(),
            _ => panic!("not an object"),
        }
    };
    assert_eq!(
        keys_at(&[]),
        [
            "format",
            "version",
            "name",
            "horizon_years",
            "baseline",
            "plans"
        ]
    );
    assert_eq!(report["format"], "cluster-workbench-report");
    assert_eq!(report["version"], 2);
    assert_eq!(report["horizon_years"], 15);
    assert_eq!(
        keys_at(&["baseline"]),
        ["attributes", "cells", "trajectory", "warnings"]
    );
    let plans = report["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    let first = &plans[0];
    assert_eq!(
        keys_at(&["plans", "0"]),
        [
            "name",
            "attributes",
            "cells",
            "trajectory",
            "warnings",
            "capability",
            "stage",
            "gain",
            "first_intermediate_year",
            "total_cost",
            "gain_per_million"
        ]
    );
    for scenario in [&report["baseline"], first, &plans[1]] {
        assert_eq!(scenario["cells"].as_array().unwrap().len(), 32);
        assert_eq!(scenario["trajectory"].as_array().unwrap().len(), 16);
        assert_eq!(scenario["attributes"].as_object().unwrap().len(), 12);
    }
    let cell = &first["cells"][0];
    assert_eq!(
        keys_at(&["plans", "0", "cells", "0"]),
        [
            "mechanism",
            "effort",
            "kind",
            "strength",
            "band",
            "limited_by"
        ]
    );
    assert_eq!(cell["mechanism"], "I.a");
    assert_eq!(cell["effort"], "A");
    assert_eq!(cell["kind"], "resources");
    assert_eq!(cell["band"], "none");
    assert_eq!(cell["limited_by"], "demand_for_improvement");
    // The first plan is Appendix A's: its worked values.
    assert_eq!(first["name"], "Buyer links first, training later");
    let year = &first["trajectory"][15];
    assert_eq!(year["year"], 15);
    assert_eq!(year["stage"], "intermediate");
    let capability = first["capability"].as_f64().unwrap();
    assert!((capability - 0.417066691016).abs() < 1e-9);
    assert_eq!(year["capability"].as_f64(), Some(capability));
    assert!(year["effort"]["D"].is_number());
    let gain = first["gain"].as_f64().unwrap();
    assert!((gain - (0.417066691016 - 0.204434287221)).abs() < 1e-9);
    assert_eq!(first["stage"], "intermediate");
    assert_eq!(first["first_intermediate_year"], 10);
    assert_eq!(first["total_cost"].as_f64(), Some(450000.0));
    let per_million = first["gain_per_million"].as_f64().unwrap();
    assert!((per_million - gain * 1e6 / 450000.0).abs() < 1e-12);
    assert_eq!(first["warnings"].as_array().unwrap().len(), 0);
    // The baseline's own warnings; the second plan never leaves basic.
    let baseline_warnings: Vec<&str> = report["baseline"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        baseline_warnings,
        ["supply-without-demand", "no-demand", "lock-in"]
    );
    assert!(plans[1]["first_intermediate_year"].is_null());
    // No band without uncertainty.
    assert!(first.get("band").is_none() && report["baseline"].get("band").is_none());
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
    let warnings = report["plans"][0]["warnings"].as_array().unwrap();
    let w = &warnings[0];
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
    for other in warnings.iter().skip(1) {
        assert!(other.get("years").is_none(), "{other}");
    }
    // With buyer links added, the second plan clears the critical warning.
    assert!(
        report["plans"][1]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["id"] != "supply-without-demand")
    );
}

#[test]
fn a_version_1_file_gives_the_same_numbers_as_its_version_2() {
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-teaching-case.json");
    let out = run(&["evaluate", v1.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["plans"][0]["name"], "Plan");
    let v2 = run(&["evaluate", &shipped("teaching-case.json")]);
    let v2: serde_json::Value = serde_json::from_slice(&v2.stdout).unwrap();
    for key in ["trajectory", "cells", "warnings", "attributes"] {
        assert_eq!(report["plans"][0][key], v2["plans"][0][key], "{key}");
    }
    assert_eq!(report["baseline"], v2["baseline"]);
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
        r["plans"][0]["trajectory"][15]["capability"]
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

// In-process: the commands through `cli::run`, without spawning the binary.

/// The commands' arguments parsed as the binary parses them.
fn parsed<S: AsRef<str>>(args: &[S]) -> Cli {
    let args = args.iter().map(AsRef::as_ref);
    Cli::try_parse_from(std::iter::once("cluster-workbench").chain(args)).unwrap()
}

/// `report` of the teaching case to `html` and `csv`, without Monte Carlo.
fn report_args(html: &std::path::Path, csv: &std::path::Path) -> Vec<String> {
    let preset = shipped("teaching-case.json");
    let (html, csv) = (html.display().to_string(), csv.display().to_string());
    ["report", &preset, "-o", &html, "--csv", &csv, "--runs", "0"]
        .map(str::to_owned)
        .to_vec()
}

/// What `run` printed, or the message it failed with.
fn ran<S: AsRef<str>>(args: &[S]) -> Result<String, String> {
    let mut out = Vec::new();
    match cli::run(parsed(args), &mut out) {
        Ok(()) => Ok(String::from_utf8(out).unwrap()),
        Err(e) => {
            assert!(out.is_empty(), "a failed command printed {out:?}");
            Err(e.to_string())
        }
    }
}

/// The names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn run_evaluate_writes_a_version_2_report_to_its_writer() {
    let text = ran(&["evaluate", &shipped("teaching-case.json"), "--runs", "0"]).unwrap();
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["format"], "cluster-workbench-report");
    assert_eq!(report["version"], 2);
    assert_eq!(report["plans"][1]["name"], "Training only");
    assert!(text.ends_with("}\n"), "one line end after the JSON");
}

#[test]
fn run_levers_writes_the_lever_analysis_of_the_named_plan() {
    let text = ran(&[
        "levers",
        &shipped("teaching-case.json"),
        "--plan",
        "Training only",
    ])
    .unwrap();
    let levers: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(levers["format"], "cluster-workbench-levers");
    assert_eq!(levers["plan"], "Training only");
}

#[test]
fn run_refuses_an_unknown_plan_with_the_plans_there_are() {
    let preset = shipped("teaching-case.json");
    let expected = "no plan named \"Nope\" in the preset; its plans are \
                    \"Buyer links first, training later\", \"Training only\"";
    assert_eq!(
        ran(&["levers", &preset, "--plan", "Nope"]),
        Err(expected.into())
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chain.mmd");
    let chain = [
        "results-chain",
        &preset,
        "--plan",
        "Nope",
        "--format",
        "mermaid",
        "-o",
        out.to_str().unwrap(),
    ];
    assert_eq!(ran(&chain), Err(expected.into()));
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn run_refuses_an_entry_past_the_plan_and_a_logframe_without_its_extension() {
    let preset = shipped("teaching-case.json");
    let dir = tempfile::tempdir().unwrap();
    let chain = dir.path().join("chain.dot");
    assert_eq!(
        ran(&[
            "results-chain",
            &preset,
            "--plan",
            "Training only",
            "--entry",
            "2",
            "--format",
            "dot",
            "-o",
            chain.to_str().unwrap(),
        ]),
        Err("--entry 2: plan \"Training only\" has 1 entries".into())
    );
    let frame = dir.path().join("logframe.ods");
    assert_eq!(
        ran(&["logframe", &preset, "-o", frame.to_str().unwrap()]),
        Err(format!(
            "{}: the logframe is written as .xlsx or .csv; end the name in one of them",
            frame.display()
        ))
    );
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn run_without_a_command_asks_for_one() {
    assert_eq!(
        ran::<&str>(&[]),
        Err(
            "give a command: evaluate, levers, report, results-chain, logframe, survey, link (see --help)"
                .into()
        )
    );
}

#[test]
fn run_writes_the_files_named_with_o_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let csv = dir.path().join("years.csv");
    let printed = ran(&report_args(&html, &csv)).unwrap();
    assert_eq!(printed, "", "report writes files, not stdout");
    assert_eq!(names_in(dir.path()), ["report.html", "years.csv"]);
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        csv.starts_with("year,No plan,\"Buyer links first, training later\",Training only\r\n"),
        "{}",
        &csv[..60]
    );
}

/// The real disk, except that writing a file whose temporary name starts
/// with `refused` writes half of it and fails, as a full disk does.
struct FullAt {
    refused: &'static str,
}

impl Storage for FullAt {
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
        let name = path.file_name().unwrap().to_string_lossy();
        if name.contains(self.refused) {
            Disk.write_new(path, &contents[..contents.len() / 2])?;
            return Err(std::io::ErrorKind::StorageFull.into());
        }
        Disk.write_new(path, contents)
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        Disk.rename(from, to)
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        Disk.remove(path)
    }
}

#[test]
fn a_failed_write_leaves_no_file_and_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let csv = dir.path().join("years.csv");
    let cli = parsed(&report_args(&html, &csv));
    let mut out = Vec::new();
    let err = cli::run_on(
        cli,
        &FullAt {
            refused: "years.csv",
        },
        &mut out,
    )
    .unwrap_err();
    assert!(matches!(err, CliError::File(_)), "{err:?}");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "cannot write {}: the disk is full.",
            csv.display()
        )),
        "{message}"
    );
    // The report was staged before the CSV failed: it is gone too.
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
    assert!(out.is_empty());
}
