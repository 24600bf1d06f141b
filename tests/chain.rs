//! Results chains (issue 11): what a chain says and how it is attributed to
//! one entry, and every form it leaves the workbench in: SVG, Mermaid, DOT,
//! CSV, the logframe (XLSX and CSV) and the measurement plan.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
// The graph forms, Mermaid and DOT: their grammar and their labels.
#[path = "chain/graph.rs"]
mod graph;

use calamine::{Data, Reader, Xlsx};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::cells::differences;
use cluster_workbench::chain::describe::{arrows, cell_line};
use cluster_workbench::chain::{plan_chains, results_chain};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::export::{
    ChainFormat, LogframeFormat, logframe_document, measurement_document, results_chain_document,
};
use cluster_workbench::mechanism::cells;
use cluster_workbench::model::chain::BoxKind;
use cluster_workbench::plan::indicators::Field;
use cluster_workbench::preset::Preset;
use cluster_workbench::warnings::{Severity, WarningId};
use common::{attrs, entry, model, preset};
use std::collections::BTreeSet;

/// A stagnant cluster with one supply-side entry and one demand-side entry.
fn two_entries() -> Preset {
    preset(
        attrs(
            0.3,
            &[
                (Attribute::MarketDynamism, 0.2),
                (Attribute::ExternalBuyers, 0.15),
                (Attribute::DemandForImprovement, 0.35),
            ],
        ),
        vec![
            entry("training_centre", 0, None),
            entry("buyer_linkage", 2, None),
        ],
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn a_lone_entry_names_exactly_the_cells_the_plan_raises() {
    // With one entry, the plan without it is the cluster without a plan, so
    // the chain's cells must be the evaluation's own differences.
    let m = model();
    let p = preset(
        attrs(0.4, &[(Attribute::DemandForImprovement, 0.6)]),
        vec![entry("strengthen_association", 0, None)],
    );
    let e = evaluate(&m, &p);
    let chain = results_chain(&m, &p, &e, 0, 0).unwrap();
    let min = m.chain.cell_rise_min;
    let expected: BTreeSet<usize> = differences(&e.baseline.cells, &e.plans[0].scenario.cells)
        .iter()
        .enumerate()
        .filter(|(_, d)| d.delta >= min)
        .map(|(i, _)| i)
        .collect();
    let all = cells();
    let named: BTreeSet<usize> = chain
        .raised()
        .map(|c| all.iter().position(|x| *x == c.cell).unwrap())
        .collect();
    assert!(
        !expected.is_empty(),
        "the test needs a plan that raises cells"
    );
    assert_eq!(named, expected);
    // Rises come largest first, and each is named in words with its bands.
    let deltas: Vec<f64> = chain.raised().map(|c| c.strength.delta()).collect();
    assert!(deltas.windows(2).all(|w| w[0] >= w[1]), "{deltas:?}");
    let line = cell_line(&m, &chain.cells[0]);
    assert!(line.contains(" × "), "{line}");
    assert!(line.contains(&format!("{:+.2}", deltas[0])), "{line}");
    // The outputs are the entry's own effects here.
    let moved: Vec<Attribute> = chain.outputs.iter().map(|(a, _)| *a).collect();
    assert_eq!(
        moved,
        vec![Attribute::Associations, Attribute::LearningFocus]
    );
}

#[test]
fn an_entry_is_credited_with_what_it_adds_to_the_rest_of_the_plan() {
    // Two entries that both raise external buyers by 0.35 from 0.5: together
    // they reach the bound 1, so each adds only 0.15 to what the other gives.
    let m = model();
    let p = preset(
        attrs(0.5, &[]),
        vec![
            entry("buyer_linkage", 0, None),
            entry("buyer_linkage", 3, None),
        ],
    );
    let e = evaluate(&m, &p);
    let chain = results_chain(&m, &p, &e, 0, 0).unwrap();
    let (a, change) = chain.outputs[0];
    assert_eq!(a, Attribute::ExternalBuyers);
    common::assert_close(change.without, 0.85, "external buyers without the entry");
    common::assert_close(change.with, 1.0, "external buyers with the plan");
    // The capability projection is the plan's against the plan without it.
    common::assert_close(
        chain.capability.capability.with,
        e.plans[0].scenario.trajectory.final_capability(),
        "capability with the plan",
    );
    assert!(chain.capability.capability.without < chain.capability.capability.with);
}

#[test]
fn a_failing_assumption_is_marked_and_its_warning_is_a_risk_on_its_arrow() {
    let m = model();
    let p = preset(
        attrs(
            0.3,
            &[
                (Attribute::MarketDynamism, 0.2),
                (Attribute::ExternalBuyers, 0.15),
                (Attribute::DemandForImprovement, 0.35),
            ],
        ),
        vec![entry("training_centre", 0, None)],
    );
    let e = evaluate(&m, &p);
    assert!(
        e.plans[0]
            .warnings
            .iter()
            .any(|w| w.id == WarningId::SupplyWithoutDemand)
    );
    let chain = results_chain(&m, &p, &e, 0, 0).unwrap();
    let index = m
        .chain
        .assumptions
        .iter()
        .position(|a| a.warning == Some(WarningId::SupplyWithoutDemand))
        .unwrap();
    assert!(!chain.holds[index]);
    let outputs = arrows(&m, &chain)
        .into_iter()
        .find(|a| a.from == BoxKind::Outputs)
        .unwrap();
    let title = &m.warning(WarningId::SupplyWithoutDemand).title;
    assert!(
        outputs
            .assumptions
            .iter()
            .any(|(_, s)| s.contains(title.as_str())),
        "{outputs:?}"
    );
    assert!(
        outputs
            .risks
            .iter()
            .any(|(severity, r)| *severity == Severity::Critical && r.contains(title.as_str()))
    );
    // The threshold is written in from the warning's own rule.
    let pull = m.file.warnings.supply_without_demand.thresholds.pull_below;
    assert!(
        m.chain.assumptions[index]
            .text
            .contains(&format!("{pull:.2}"))
    );
    // With a buyer linkage the market pull is there and the assumption holds.
    let mut q = p.clone();
    q.plans[0]
        .entries
        .push(entry("buyer_linkage", 0, Some(1.0)));
    q.plans[0]
        .entries
        .push(entry("export_standards_push", 0, Some(1.0)));
    let e = evaluate(&m, &q);
    let chain = results_chain(&m, &q, &e, 0, 0).unwrap();
    assert!(chain.holds[index], "{:?}", e.plans[0].warnings);
}

#[test]
fn the_svg_is_well_formed_and_names_every_box() {
    let m = model();
    let p = two_entries();
    let bytes = results_chain_document(&m, &p, 0, None, ChainFormat::Svg).unwrap();
    let svg = text(&bytes);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let all = texts.join("\n");
    for kind in BoxKind::ALL {
        assert!(all.contains(&m.chain.info(kind).title), "{kind:?} is drawn");
    }
    // Two chains, one per entry.
    let groups = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("results-chain"))
        .count();
    assert_eq!(groups, 2);
    // A description a screen reader reads.
    let desc = doc
        .descendants()
        .find(|n| n.tag_name().name() == "desc")
        .and_then(|n| n.text())
        .unwrap();
    assert!(desc.contains("Training centre"), "{desc}");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_are_defused() {
    let m = model();
    let mut p = two_entries();
    p.plans[0].entries[0].indicators.set(
        BoxKind::Market,
        Field::Baseline,
        Some("=HYPERLINK(\"http://x\")".into()),
    );
    p.plans[0].entries[0]
        .indicators
        .set(BoxKind::Market, Field::Target, Some("-5 %".into()));
    let bytes = measurement_document(&m, &p, 0).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let market = r
        .records()
        .map(Result::unwrap)
        .find(|row| row[0].contains("Market-level"))
        .unwrap();
    assert_eq!(&market[3], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&market[4], "-5 %", "a number keeps its sign");
}

#[test]
fn the_csv_holds_a_row_per_box_and_per_arrow() {
    let m = model();
    let mut p = two_entries();
    p.plans[0].entries[1]
        .indicators
        .set(BoxKind::Market, Field::Target, Some("40 firms".into()));
    let bytes = results_chain_document(&m, &p, 0, Some(1), ChainFormat::Csv).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..3], ["chain", "record", "id"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let boxes = rows.iter().filter(|r| &r[1] == "box").count();
    let arrows = rows.iter().filter(|r| &r[1] == "arrow").count();
    assert_eq!((boxes, arrows), (9, 5));
    let target = header.iter().position(|h| h == "target").unwrap();
    let market = rows.iter().find(|r| &r[2] == "market").unwrap();
    assert_eq!(&market[target], "40 firms");
    assert!(market[0].contains("Buyer linkage"), "only the second entry");
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_logframe_opens_with_its_levels_numbers_and_edited_indicators() {
    let m = model();
    let mut p = two_entries();
    p.plans[0].indicators.set(
        BoxKind::Jobs,
        Field::Target,
        Some("120 jobs by 2030".into()),
    );
    p.plans[0].entries[0].indicators.set(
        BoxKind::Outputs,
        Field::Baseline,
        Some("12 trainees a year".into()),
    );
    let bytes = logframe_document(&m, &p, 0, LogframeFormat::Xlsx).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let range = book
        .worksheet_range("Logframe")
        .expect("the Logframe sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let head = rows
        .iter()
        .position(|r| r.first().map(String::as_str) == Some("No."))
        .expect("a heading row");
    assert_eq!(
        rows[head],
        [
            "No.",
            "Level",
            "Narrative summary",
            "Indicators",
            "Baseline",
            "Target",
            "Means of verification",
            "Assumptions"
        ]
    );
    // Above the table, how an entry is credited: not to be added up.
    assert!(
        rows[..head]
            .iter()
            .any(|r| r[0].contains("credits must not be added up")),
        "{:?}",
        &rows[..head]
    );
    let body = &rows[head + 1..];
    let numbered: Vec<(&str, &str)> = body
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        numbered,
        [
            ("1", "Impact"),
            ("1.1", "Outcome"),
            ("1.1.1", "Output"),
            ("1.1.1.1", "Activity"),
            ("1.2", "Outcome"),
            ("1.2.1", "Output"),
            ("1.2.1.1", "Activity"),
        ]
    );
    assert!(body[0][5].contains("120 jobs by 2030"), "{:?}", body[0]);
    assert_eq!(body[2][4], "12 trainees a year");
    assert!(body[1][2].contains("Training centre"));
    assert!(body[6][2].contains("Buyer linkage"));
    // The supply-side entry in stagnant markets: the assumption fails.
    assert!(body[2][7].contains("fails in the model"), "{}", body[2][7]);
    // The CSV holds the same rows.
    let csv_bytes = logframe_document(&m, &p, 0, LogframeFormat::Csv).unwrap();
    let mut r = csv::Reader::from_reader(csv_bytes.as_slice());
    let csv_rows: Vec<Vec<String>> = r
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(csv_rows, body.to_vec());
}

#[test]
fn the_measurement_plan_has_a_row_per_box_with_the_model_projection() {
    let m = model();
    let p = two_entries();
    let bytes = measurement_document(&m, &p, 0).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "Box",
            "Level",
            "Indicator",
            "Baseline",
            "Target",
            "Model projection (0–1 scale, not the indicator's units)",
            "Method (means of verification)",
            "Who measures",
            "When"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        2 * 5 + 4,
        "five boxes per entry, four impact boxes"
    );
    let e = evaluate(&m, &p);
    let chains = plan_chains(&m, &p, &e, 0);
    let capability = rows
        .iter()
        .find(|r| {
            r[0].starts_with("Training centre") && r[1] == *"Outcome" && r[0].contains("Capability")
        })
        .unwrap();
    let with = format!("{:.2}", chains[0].capability.capability.with);
    assert!(capability[5].contains(&with), "{:?}", capability);
    let wider = rows.last().unwrap();
    assert!(wider[0].starts_with("Displacement"), "{wider:?}");
    assert_eq!(&wider[5], "", "the model projects no impact");
}

#[test]
fn the_report_draws_each_plans_chains() {
    let m = model();
    let p = two_entries();
    let html = cluster_workbench::export::html_report(&m, &p, 0, 1);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let figures = scraper::Selector::parse("section#chains figure.chain svg").unwrap();
    assert_eq!(doc.select(&figures).count(), 2);
    let ids = scraper::Selector::parse("section#chains svg title").unwrap();
    let mut seen = BTreeSet::new();
    for t in doc.select(&ids) {
        assert!(
            seen.insert(t.value().attr("id").unwrap().to_owned()),
            "ids apart"
        );
    }
}

#[test]
fn the_commands_write_chains_and_logframes_and_refuse_what_they_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let preset = common::shipped("supply-side-with-demand.json");
    let out = |name: &str| dir.path().join(name).display().to_string();
    let ok = common::run(&[
        "results-chain",
        &preset,
        "--plan",
        "supply-side support with buyer links",
        "--entry",
        "2",
        "--format",
        "dot",
        "-o",
        &out("chain.dot"),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let dot = std::fs::read_to_string(out("chain.dot")).unwrap();
    assert!(dot.starts_with("digraph results_chains {"));
    assert_eq!(dot.matches("subgraph cluster_").count(), 1, "one entry");
    let m = model();
    let p = Preset::from_bytes(&std::fs::read(&preset).unwrap(), &m).unwrap();
    let second = p.plans[1].entries[1].name(&m).to_owned();
    let first = p.plans[1].entries[0].name(&m).to_owned();
    assert_ne!(first, second);
    assert!(
        dot.contains(&format!("label=\"{second}, from year")),
        "the second entry"
    );

    let ok = common::run(&[
        "logframe",
        &preset,
        "-o",
        &out("frame.xlsx"),
        "--measurement-plan",
        &out("measure.csv"),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(std::fs::read(out("frame.xlsx")).unwrap().starts_with(b"PK"));
    assert!(
        std::fs::read_to_string(out("measure.csv"))
            .unwrap()
            .starts_with("Box,Level")
    );

    let refusals: [(&[&str], &str); 4] = [
        (
            &["logframe", &preset, "-o", &out("frame.txt")],
            "written as .xlsx or .csv",
        ),
        (
            &[
                "results-chain",
                &preset,
                "--entry",
                "9",
                "--format",
                "svg",
                "-o",
                &out("x.svg"),
            ],
            "has 2 entries",
        ),
        (
            &["logframe", &preset, "--plan", "Nope", "-o", &out("y.csv")],
            "no plan named \"Nope\"",
        ),
        (
            &[
                "results-chain",
                &common::shipped("ludhiana-1990s.json"),
                "--format",
                "csv",
                "-o",
                &out("z.csv"),
            ],
            "the preset has no plans",
        ),
    ];
    for (args, says) in refusals {
        let r = common::run(args);
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    for refused in ["frame.txt", "x.svg", "y.csv", "z.csv"] {
        assert!(!left.contains(&refused.to_owned()), "{refused} was written");
    }
}
