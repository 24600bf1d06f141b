//! Broken model files are refused with a message that names what is wrong and
//! where; a model may change numbers and texts but not Table 1's structure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::model::{DEFAULT_MODEL_JSON, Model};
use common::refused_model as refused;

#[test]
fn broken_models_are_refused_with_path_and_reason() {
    let cases = [
        (
            "\"format\": \"cluster-workbench-model\"",
            "\"format\": \"x\"",
            "format: \"x\" is not",
        ),
        ("\"version\": 1,", "\"version\": 2,", "version: version 2"),
        (
            "\"id\": \"II.b\"",
            "\"id\": \"II.x\"",
            "mechanisms[3].id: expected \"II.b\", found \"II.x\"",
        ),
        (
            "\"kind\": \"inducement\",\n      \"rationale\": \"The cluster itself",
            "\"kind\": \"resources\",\n      \"rationale\": \"The cluster itself",
            "mechanisms[1].kind: Table 1 gives I.b the kind \"inducement\", not \"resources\"",
        ),
        (
            "{ \"efforts\": [\"B\"], \"expression\": \"min(cluster_size, skilled_labour)\" }",
            "{ \"efforts\": [\"A\", \"B\"], \"expression\": \"min(cluster_size, skilled_labour)\" }",
            "mechanisms[7].drivers[0].efforts[0]: IV.b has no cell on effort \"A\"",
        ),
        (
            "{ \"efforts\": [\"C\", \"D\"], \"expression\": \"max(external_buyers, specialised_suppliers, min(associations, learning_focus))\" }",
            "{ \"efforts\": [\"C\"], \"expression\": \"max(external_buyers, specialised_suppliers, min(associations, learning_focus))\" }",
            "mechanisms[10].drivers: no driver for cell V.b-D",
        ),
        (
            "\"expression\": \"cluster_size\"",
            "\"expression\": \"max(cluster_size\"",
            "mechanisms[1].drivers[0].expression: \"max(cluster_size\": expected ',' or ')'",
        ),
        ("\"strong\": 0.6", "\"strong\": 0.3", "bands.strong"),
        (
            "\"pull_below\": 0.4",
            "\"pull_below\": \"0.4\"",
            "warnings.supply-without-demand.thresholds.pull_below",
        ),
        (
            "\"existing_institutions\": {",
            "\"other_wording\": {",
            "warnings.supply-without-demand",
        ),
        (
            "\"thresholds\": { \"demand_below\": 0.3 }",
            "\"thresholds\": { \"demand_below\": 0.3 }, \"existing_institutions\": { \"message\": \"m\", \"advice\": \"a\" }",
            "warnings.no-demand.existing_institutions: only supply-without-demand",
        ),
        (
            "\"support_from\": 0.5,",
            "\"support_from\": 0.5, \"extra\": 1,",
            "unknown field `extra`",
        ),
        (
            "\"severity\": \"critical\"",
            "\"severity\": \"fatal\"",
            "warnings.supply-without-demand.severity",
        ),
        (
            "\"effects\": { \"public_support\": 0.3 }",
            "\"effects\": { \"public_suport\": 0.3 }",
            "interventions[2].effects.public_suport: unknown attribute",
        ),
        (
            "\"effects\": { \"public_support\": 0.3 }",
            "\"effects\": { \"firm_capability\": 0.3 }",
            "cannot set firm_capability",
        ),
        (
            "\"side\": \"demand\",\n      \"effects\": { \"market_dynamism\"",
            "\"side\": \"both\",\n      \"effects\": { \"market_dynamism\"",
            "interventions[7].side",
        ),
        (
            "\"horizon_years\": 15,",
            "\"horizon_years\": 0,",
            "trajectory.horizon_years",
        ),
        (
            "\"depreciation\": 0.02,",
            "\"depreciation\": -0.02,",
            "trajectory.depreciation",
        ),
        (
            "\"case\": \"sima\"",
            "\"case\": \"simaa\"",
            "unknown case \"simaa\"",
        ),
        (
            "\"group\": \"headline\"",
            "\"group\": \"headlines\"",
            "attributes[0].group",
        ),
        (
            "\"learning_rate\": 1.0,",
            "",
            "missing field `learning_rate`",
        ),
        ("{\n  \"format\"", "[\n  \"format\"", "at line 2 column 11"),
    ];
    for (from, to, expected) in cases {
        let msg = refused(from, to);
        assert!(
            msg.contains(expected),
            "{from} → {to}: {msg:?} lacks {expected:?}"
        );
    }
}

#[test]
fn a_model_may_change_numbers_texts_and_expressions() {
    let text = DEFAULT_MODEL_JSON
        .replace(
            "\"expression\": \"cluster_size\"",
            "\"expression\": \"min(cluster_size, skilled_labour)\"",
        )
        .replace("\"weak\": 0.2", "\"weak\": 0.25")
        .replace(
            "Supply-side support without demand-led market links",
            "Apoyo sin demanda",
        );
    let m = Model::from_json(&text).unwrap();
    assert_eq!(m.file.bands.weak, 0.25);
    assert_eq!(
        m.driver(4).expr.to_string(),
        "min(cluster_size, skilled_labour)"
    );
}

#[test]
fn a_model_without_the_existing_institutions_wording_is_refused() {
    let start = DEFAULT_MODEL_JSON
        .find(",\n      \"existing_institutions\": {")
        .expect("the default model has the wording");
    let end = start + DEFAULT_MODEL_JSON[start..].find("\n      }").unwrap() + "\n      }".len();
    let text = format!(
        "{}{}",
        &DEFAULT_MODEL_JSON[..start],
        &DEFAULT_MODEL_JSON[end..]
    );
    let err = Model::from_json(&text).unwrap_err().to_string();
    assert!(
        err.starts_with("warnings.supply-without-demand.existing_institutions: missing"),
        "{err}"
    );
}

/// A driver expression nested a hundred thousand deep, or a JSON value nested
/// past the reader's limit, is refused with its place named: neither can
/// exhaust the stack.
#[test]
fn deep_nesting_in_a_model_file_is_refused_not_a_crash() {
    let from = "\"expression\": \"min(cluster_size, skilled_labour)\"";
    let deep = format!(
        "\"expression\": \"{}cluster_size{}\"",
        "not (".repeat(100_000),
        ")".repeat(100_000)
    );
    let e = refused(from, &deep);
    assert!(e.contains("nested deeper than 32"), "{e}");
    assert!(e.contains("mechanisms["), "{e}");
    let wide = format!(
        "\"expression\": \"min({}cluster_size)\"",
        "cluster_size, ".repeat(100_000)
    );
    // Wide is fine for the stack: a hundred thousand arguments are read and
    // the model is accepted.
    let text = DEFAULT_MODEL_JSON.replacen(from, &wide, 1);
    assert!(
        Model::from_json(&text).is_ok(),
        "a wide expression is a valid one"
    );
    // JSON nested a hundred thousand deep, as a whole file and in a field:
    // the reader stops at the first array where a string belongs, and names it.
    let json_deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = Model::from_json(&json_deep).err().unwrap().to_string();
    assert_eq!(
        e,
        "[0]: invalid type: sequence, expected a string at line 1 column 1"
    );
    let in_a_field = format!("\"expression\": {json_deep}");
    let e = refused(from, &in_a_field);
    assert!(
        e.starts_with(
            "mechanisms[7].drivers[0].expression: invalid type: sequence, expected a string"
        ),
        "{e}"
    );
}

#[test]
fn a_broken_results_chain_section_is_refused_with_its_path() {
    let cases = [
        (
            "is at least {demand_below} before the plan",
            "is at least {demand_under} before the plan",
            "results_chain.assumptions[3].text: {demand_under} is not a threshold",
        ),
        (
            "\"warning\": \"lock-in\",",
            "\"warning\": \"locked-in\",",
            "results_chain.assumptions[5].warning: unknown warning",
        ),
        (
            "\"from\": \"activity\",",
            "\"from\": \"jobs\",",
            "results_chain.assumptions[0].from: \"jobs\" is not a box with an arrow",
        ),
        (
            "\"id\": \"enterprise\",",
            "\"id\": \"firms\",",
            "results_chain.boxes[3].id: \"firms\" where \"enterprise\" belongs",
        ),
        (
            "\"knowledge_fora\": \"Firms that attended",
            "\"knowledge_forum\": \"Firms that attended",
            "results_chain.output_indicators.knowledge_forum: unknown attribute",
        ),
        (
            "\"cell_rise_min\": 0.01,",
            "\"cell_rise_min\": 0,",
            "results_chain.cell_rise_min",
        ),
    ];
    for (from, to, says) in cases {
        let e = refused(from, to);
        assert!(e.contains(says), "{from:?} → {to:?}: {e}");
    }
    // The thresholds come from the warnings: change one there and the
    // assumption says the new number.
    let text = DEFAULT_MODEL_JSON.replacen("\"pull_below\": 0.4", "\"pull_below\": 0.45", 1);
    let m = Model::from_json(&text).unwrap();
    assert!(
        m.chain
            .assumptions
            .iter()
            .any(|a| a.text.contains("at least 0.45"))
    );
}

/// Where the paper puts a cell's effort (issue 20), read from the paper:
/// rows III and IV.a are set across all four efforts by the workbench's
/// reading of Table 1's layout (the copy starts them under A and leaves B to
/// D blank) and named by no prose (§4.3, "evidence ... is hard to come by");
/// §4.3 gives I.a
/// "columns A through D" and V "V-A", "Va & Vb - C&D"; II.a's training (B)
/// is in the prose only; IV.b's training comes from §4.2 alone.
#[test]
fn each_cell_says_whether_table_1_or_the_prose_puts_it_there() {
    use cluster_workbench::mechanism::{ColumnSource, Effort, Mechanism, cell_index};
    let m = Model::default_model().unwrap();
    let source = |mech, effort| m.column_source(cell_index(mech, effort).unwrap());
    assert_eq!(source(Mechanism::III, Effort::A), ColumnSource::Table);
    assert_eq!(source(Mechanism::III, Effort::C), ColumnSource::Table);
    assert_eq!(source(Mechanism::IVa, Effort::D), ColumnSource::Table);
    assert_eq!(
        source(Mechanism::Ia, Effort::B),
        ColumnSource::TableAndProse
    );
    assert_eq!(
        source(Mechanism::VLabour, Effort::A),
        ColumnSource::TableAndProse
    );
    assert_eq!(
        source(Mechanism::Vb, Effort::D),
        ColumnSource::TableAndProse
    );
    assert_eq!(source(Mechanism::IIa, Effort::B), ColumnSource::Prose);
    assert_eq!(
        source(Mechanism::IIa, Effort::C),
        ColumnSource::TableAndProse
    );
    assert_eq!(source(Mechanism::IVb, Effort::B), ColumnSource::Prose);
    let count = |s| (0..32).filter(|&i| m.column_source(i) == s).count();
    assert_eq!(
        [
            ColumnSource::TableAndProse,
            ColumnSource::Table,
            ColumnSource::Prose
        ]
        .map(count),
        [21, 8, 3]
    );
    assert_eq!(
        m.column_source_info(ColumnSource::Table).name,
        "Column read from Table 1's layout only"
    );
}

/// The column sources are read strictly: an unknown source, a missing cell,
/// an effort the mechanism does not reach, a missing description.
#[test]
fn a_broken_column_source_is_refused_with_its_path() {
    let iv_b = "\"columns\": { \"B\": \"prose\", \"note\"";
    for (to, reason) in [
        (
            "\"columns\": { \"B\": \"tabel\", \"note\"",
            "mechanisms[7].columns.B: unknown variant `tabel`",
        ),
        (
            "\"columns\": { \"note\"",
            "mechanisms[7].columns: missing \"B\"",
        ),
        (
            "\"columns\": { \"B\": \"prose\", \"C\": \"table\", \"note\"",
            "mechanisms[7].columns.C: IV.b does not reach effort \"C\"",
        ),
        (
            "\"columns\": { \"B\": \"prose\", \"E\": \"table\", \"note\"",
            "mechanisms[7].columns.E: unknown field `E`",
        ),
    ] {
        let e = refused(iv_b, to);
        assert!(e.starts_with(reason), "{e}");
    }
    let e = refused(
        "    { \"id\": \"prose\", \"name\": \"Column from the text only\"",
        "    { \"id\": \"text\", \"name\": \"Column from the text only\"",
    );
    assert!(
        e.starts_with("column_sources[2].id: expected \"prose\", found \"text\""),
        "{e}"
    );
}
