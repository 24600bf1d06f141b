//! `cluster-workbench survey …` (issue 19): the XLSForm, read back as a
//! spreadsheet and handed to pyxform, the reference converter that
//! KoboToolbox and ODK use; the printable questionnaire; responses applied
//! to a preset; the baseline and endline form.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{ok, run, shipped};

use calamine::{Data, Reader, Xlsx, open_workbook};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::preset::Preset;
use common::survey::{SURVEY_JSON, Shape, TRUE_VALUES, export, respondents};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A sheet of a workbook as rows of text.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], head: &str) -> Vec<String> {
    let c = rows[0]
        .iter()
        .position(|h| h == head)
        .unwrap_or_else(|| panic!("no column {head}: {:?}", rows[0]));
    rows[1..]
        .iter()
        .map(|r| r.get(c).cloned().unwrap_or_default())
        .collect()
}

fn form_in(dir: &Path, lang: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let xlsx = dir.join(format!("form-{lang}.xlsx"));
    let html = dir.join(format!("form-{lang}.html"));
    ok(&[
        "--lang",
        lang,
        "survey",
        "form",
        "-o",
        xlsx.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    (xlsx, html)
}

#[test]
fn the_form_has_every_question_once_in_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, _) = form_in(dir.path(), "fr");
    let survey = sheet(&xlsx, "survey");
    let names: Vec<String> = column(&survey, "name")
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "names used twice: {names:?}");
    let instrument: Value = serde_json::from_str(SURVEY_JSON).unwrap();
    for q in instrument["questions"].as_array().unwrap() {
        let name = q["name"].as_str().unwrap();
        let row = column(&survey, "name")
            .iter()
            .position(|n| n == name)
            .unwrap();
        for (lang, head) in [
            ("en", "English (en)"),
            ("fr", "Français (fr)"),
            ("es", "Español (es)"),
        ] {
            let label = &column(&survey, &format!("label::{head}"))[row];
            assert_eq!(
                label,
                q["label"][lang].as_str().unwrap(),
                "{name} in {lang}"
            );
        }
    }
    let settings = sheet(&xlsx, "settings");
    assert_eq!(column(&settings, "default_language"), ["Français (fr)"]);
    assert_eq!(column(&settings, "form_id"), ["cluster_diagnostic"]);
    assert_eq!(
        column(&settings, "version"),
        [instrument["form_version"].as_str().unwrap()]
    );
    // Every select question's list is on the choices sheet.
    let lists = column(&sheet(&xlsx, "choices"), "list_name");
    for kind in column(&survey, "type") {
        if let Some(list) = kind
            .strip_prefix("select_one ")
            .or(kind.strip_prefix("select_multiple "))
        {
            assert!(lists.contains(&list.to_owned()), "no choices for {list}");
        }
    }
}

/// pyxform's verdict on a form: its `--json` result (the exit code does
/// not tell a rejection). `None` where pyxform is not installed, which CI
/// does not allow (REQUIRE_PYXFORM).
fn pyxform(form: &Path) -> Option<Value> {
    let out_xml = form.with_extension("xml");
    let mut command = Command::new("python3");
    command.args(["-m", "pyxform.xls2xform", "--json"]);
    // ODK Validate needs Java; without it, pyxform's own checks.
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java {
        command.arg("--skip_validate");
    }
    let out = command.arg(form).arg(&out_xml).output();
    let missing = match &out {
        Err(_) => true,
        Ok(o) => String::from_utf8_lossy(&o.stderr).contains("No module named"),
    };
    if missing {
        assert!(
            std::env::var_os("REQUIRE_PYXFORM").is_none(),
            "pyxform is required here: pip install pyxform"
        );
        eprintln!("pyxform is not installed: the XLSForm is not converted");
        return None;
    }
    let stderr = String::from_utf8(out.unwrap().stderr).unwrap();
    let json = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("pyxform said: {stderr}"));
    Some(serde_json::from_str(json).unwrap())
}

#[test]
fn pyxform_converts_the_forms_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut forms = vec![form_in(dir.path(), "en").0, form_in(dir.path(), "es").0];
    let baseline = dir.path().join("baseline.xlsx");
    ok(&[
        "--lang",
        "fr",
        "survey",
        "baseline",
        &shipped("teaching-case.json"),
        "-o",
        baseline.to_str().unwrap(),
    ]);
    forms.push(baseline);
    for form in forms {
        let Some(verdict) = pyxform(&form) else {
            return;
        };
        assert_eq!(verdict["code"], 100, "{}: {verdict}", form.display());
        assert_eq!(
            verdict["warnings"],
            Value::Array(vec![]),
            "{}",
            form.display()
        );
    }
}

#[test]
fn the_pyxform_check_can_fail() {
    // A form with a name used twice in one group: pyxform refuses it with
    // code 999 and exit code 0.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet().set_name("survey").unwrap();
    for (r, row) in [
        ["type", "name", "label"],
        ["integer", "q", "One"],
        ["integer", "q", "Two"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            s.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    if let Some(verdict) = pyxform(&path) {
        assert_eq!(verdict["code"], 999, "{verdict}");
    }
}

#[test]
fn the_printable_questionnaire_parses_and_marks_the_rules_as_assumptions() {
    let dir = tempfile::tempdir().unwrap();
    let instrument: Value = serde_json::from_str(SURVEY_JSON).unwrap();
    for (lang, assumption) in [
        ("en", "the model's own assumptions"),
        ("fr", "hypothèses propres au modèle"),
        ("es", "supuestos propios del modelo"),
    ] {
        let (_, html) = form_in(dir.path(), lang);
        let text = std::fs::read_to_string(&html).unwrap();
        let doc = scraper::Html::parse_document(&text);
        assert!(doc.errors.is_empty(), "{lang}: {:?}", doc.errors);
        assert!(text.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(text.contains(assumption), "{lang}");
        for q in instrument["questions"].as_array().unwrap() {
            let label = q["label"][lang].as_str().unwrap();
            let escaped = label.replace('&', "&amp;").replace('"', "&quot;");
            assert!(text.contains(&escaped), "{lang}: {label}");
        }
        // The rules' numbers as a person writes them.
        if lang == "en" {
            assert!(text.contains("0 at 0, 1 at 80 or more"), "{lang}");
            assert!(!text.contains("80.00"), "{lang}");
        }
        // Demand for improvement gates every cell; cluster size drives I.a.
        let table = text.split("<table>").nth(1).unwrap();
        assert!(table.contains("I.a-A"), "{lang}");
    }
}

#[test]
fn apply_sets_the_attributes_with_their_spread_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses.csv");
    let answers = respondents(50, 0.1, 19);
    std::fs::write(&responses, export(Shape::KoboSemicolon, &answers)).unwrap();
    let out = dir.path().join("surveyed.json");
    let printed = ok(&[
        "survey",
        "apply",
        &shipped("teaching-case.json"),
        responses.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    println!("{printed}");
    assert!(printed.contains("Market dynamism"), "{printed}");
    assert!(
        printed.contains("12 attributes set from 50 responses"),
        "{printed}"
    );
    assert!(printed.contains("the model's own assumption"), "{printed}");
    let model = common::model();
    let before = Preset::from_bytes(
        common::shipped_text("teaching-case.json").as_bytes(),
        &model,
    )
    .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let (after, version) = Preset::from_bytes_with_version(text.as_bytes(), &model).unwrap();
    assert_eq!(version, 5);
    for (id, truth) in TRUE_VALUES {
        let a = Attribute::from_id(id).unwrap();
        assert!(
            (after.attributes[a] - truth).abs() <= 0.06,
            "{id}: {}",
            after.attributes[a]
        );
        let evidence = after.evidence.get(a).unwrap().survey.clone().unwrap();
        assert_eq!(evidence.n as usize, answered(&answers, id), "{id}");
        assert_eq!(after.uncertainty[a], evidence.spread, "{id}");
        assert!(evidence.spread > 0.0 && evidence.spread <= 0.5, "{id}");
        assert_eq!(evidence.date.as_deref(), Some("2026-11-28"));
    }
    // Everything else is as it was.
    assert_eq!(after.plans, before.plans);
    assert_eq!(after.horizon_years, before.horizon_years);
    assert_eq!(after.name, before.name);
}

/// How many of `answers` answered at least one question on `id`, counted
/// from the generated answers and the survey file's own mapping.
fn answered(answers: &[common::survey::Respondent], id: &str) -> usize {
    let instrument: Value = serde_json::from_str(SURVEY_JSON).unwrap();
    let on: Vec<usize> = instrument["questions"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, q)| q["attribute"] == id)
        .map(|(i, _)| i)
        .collect();
    answers
        .iter()
        .filter(|r| on.iter().any(|&i| !r[i].is_empty()))
        .count()
}

#[test]
fn a_refused_response_file_writes_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses.csv");
    let good = String::from_utf8(export(Shape::OdkCentral, &respondents(5, 0.0, 2))).unwrap();
    let version = common::survey::form_version();
    let bad = good.replacen(&format!(",{version},"), ",1999010101,", 2);
    std::fs::write(&responses, bad).unwrap();
    let out = dir.path().join("surveyed.json");
    let result = run(&[
        "--lang",
        "es",
        "survey",
        "apply",
        &shipped("teaching-case.json"),
        responses.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(2));
    let why = String::from_utf8(result.stderr).unwrap();
    assert!(why.contains("responses.csv"), "{why}");
    assert!(why.contains("fila 2, columna E (cw_form_version)"), "{why}");
    assert!(!out.exists());
}

#[test]
fn the_baseline_form_asks_each_firm_level_indicator_once() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("baseline.xlsx");
    ok(&[
        "survey",
        "baseline",
        &shipped("teaching-case.json"),
        "-o",
        form.to_str().unwrap(),
    ]);
    let survey = sheet(&form, "survey");
    let types = column(&survey, "type");
    let labels = column(&survey, "label::English (en)");
    let asked: Vec<&String> = labels
        .iter()
        .zip(&types)
        .filter(|(_, t)| *t == "decimal")
        .map(|(l, _)| l)
        .collect();
    assert!(asked.len() >= 3, "{asked:?}");
    let mut unique = asked.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), asked.len(), "an indicator asked twice");
    assert!(asked.iter().any(|l| l.contains("jobs")), "{asked:?}");
    assert!(types.contains(&"select_one round".to_owned()));
    // A preset with no plan has nothing to measure.
    let none = dir.path().join("none.xlsx");
    let result = run(&[
        "survey",
        "baseline",
        &shipped("supply-side-only.json"),
        "--plan",
        "No such plan",
        "-o",
        none.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(2));
    assert!(!none.exists());
}

#[test]
fn each_plan_has_its_own_baseline_form_whose_version_follows_what_it_asks() {
    let dir = tempfile::tempdir().unwrap();
    let preset = shipped("teaching-case.json");
    let form = |plan: &str, name: &str| {
        let path = dir.path().join(name);
        ok(&[
            "survey",
            "baseline",
            &preset,
            "--plan",
            plan,
            "-o",
            path.to_str().unwrap(),
        ]);
        let settings = sheet(&path, "settings");
        (
            column(&settings, "form_id")[0].clone(),
            column(&settings, "version")[0].clone(),
        )
    };
    let (first_id, first_version) = form("Buyer links first, training later", "a.xlsx");
    let (again_id, again_version) = form("Buyer links first, training later", "b.xlsx");
    let (other_id, other_version) = form("Training only", "c.xlsx");
    assert_eq!(
        first_id,
        "cluster_firm_indicators_buyer_links_first_training_later"
    );
    assert_eq!(other_id, "cluster_firm_indicators_training_only");
    assert_eq!((&first_id, &first_version), (&again_id, &again_version));
    assert_ne!(first_version, other_version);
    for v in [&first_version, &other_version] {
        assert!(
            v.len() == 10 && v.chars().all(|c| c.is_ascii_digit()) && !v.starts_with('0'),
            "{v}"
        );
    }
}
