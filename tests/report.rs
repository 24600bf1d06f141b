//! The HTML report and the trajectories CSV (issue 9): the numbers of a known
//! preset, well-formed HTML (every HTML5 parse error fails the test), nothing
//! fetched from the network, names escaped and quoted, and the command line's
//! failures leave nothing behind.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{model, run, shipped};

use cluster_workbench::evaluation::evaluate;
use cluster_workbench::export::chart::description;
use cluster_workbench::export::html::report_html;
use cluster_workbench::export::trajectories::trajectories_csv;
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::preset::Preset;
use cluster_workbench::text::num;
use cluster_workbench::words::{band_word, cell_name, limit_line, outcome_numbers};
use scraper::{ElementRef, Html, Selector};

fn shipped_text(name: &str) -> String {
    std::fs::read_to_string(shipped(name)).unwrap()
}

fn preset_of(text: &str) -> Preset {
    Preset::from_bytes(text.as_bytes(), &model()).expect("the preset reads")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(e: &ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses the report and fails on any HTML5 parse error.
fn parsed(html: &str) -> Html {
    let doc = Html::parse_document(html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    doc
}

#[test]
fn the_report_of_a_known_preset_holds_its_numbers() {
    let m = model();
    let preset = preset_of(&shipped_text("supply-side-only.json"));
    let e = evaluate(&m, &preset);
    let doc = parsed(&report_html(&m, &preset, &e, None));

    // The comparison: one row for no plan and one per plan, with the numbers
    // the evaluation gives.
    let rows = select(&doc, "table.comparison tbody tr");
    assert_eq!(rows.len(), 1 + preset.plans.len());
    for (row, (plan, p)) in rows[1..].iter().zip(preset.plans.iter().zip(&e.plans)) {
        let th = text_of(&select_in(row, "th")[0]);
        assert!(th.starts_with(&plan.name), "{th}");
        let cells: Vec<String> = select_in(row, "td").iter().map(text_of).collect();
        let expected = outcome_numbers(&p.outcome);
        assert_eq!(&cells[..5], &expected[..]);
        assert!(cells[0].starts_with(&num(p.scenario.trajectory.final_capability())));
    }

    // Table 1: the 32 cells with their bands in words and numbers, the other
    // places marked as having no direct effect.
    assert_eq!(select(&doc, "table.matrix td:not(.empty)").len(), 32);
    assert_eq!(select(&doc, "table.matrix td.empty").len(), 11 * 4 - 32);
    let rows: Vec<ElementRef> = select(&doc, "table.matrix tbody tr")
        .into_iter()
        .filter(|r| !select_in(r, "th[scope=row]").is_empty())
        .collect();
    assert_eq!(rows.len(), Mechanism::ALL.len());
    for (m, row) in Mechanism::ALL.into_iter().zip(&rows) {
        let head = text_of(&select_in(row, "th")[0]);
        assert!(head.starts_with(m.id()), "{head}");
        let tds = select_in(row, "td");
        assert_eq!(tds.len(), Effort::ALL.len());
        for (effort, td) in Effort::ALL.into_iter().zip(&tds) {
            let text = text_of(td);
            match cell_index(m, effort) {
                Some(i) => {
                    let c = &e.baseline.cells[i];
                    let want = format!("{} {}", band_word(c.band), num(c.strength));
                    assert!(
                        text.starts_with(&want),
                        "{}: {text} / {want}",
                        c.cell.label()
                    );
                    let limit = limit_line(&m_model(), c, &e.baseline.attributes);
                    assert!(text.contains(&limit), "{text} / {limit}");
                }
                None => assert!(td.value().classes().any(|c| c == "empty"), "{text}"),
            }
        }
    }

    // The critical warning of the supply-side plan, with its sources.
    let critical = select(&doc, "li.warning.severity-critical");
    assert!(!critical.is_empty());
    let first = text_of(&critical[0]);
    let info = m.warning(e.plans[0].warnings[0].id);
    assert!(first.contains(&info.title), "{first}");
    assert!(first.contains("Sources:"), "{first}");

    // Every plan with its entries and total cost.
    let plans = select(&doc, "article.plan");
    assert_eq!(plans.len(), preset.plans.len());
    let entries = select_in(&plans[0], "table.entries tbody tr");
    assert_eq!(entries.len(), preset.plans[0].entries.len());
    assert!(text_of(&plans[0]).contains("550,000"), "the total cost");

    // The chart, inline, with a title and the description of what it shows.
    let svg = select(&doc, "figure.chart svg");
    assert_eq!(svg.len(), 1);
    let desc = text_of(&select(&doc, "svg desc")[0]);
    assert_eq!(desc, description(&preset, &e));
    assert!(desc.contains(&num(e.plans[1].outcome.capability)), "{desc}");
    // One path per line: no plan and each plan.
    let lines = select(&doc, "svg path[fill=none]");
    assert_eq!(lines.len(), 1 + preset.plans.len());

    // The caveats and the citation.
    let caveats = text_of(&select(&doc, "section#caveats")[0]);
    assert!(caveats.contains(&m.file.citation.full));
    for c in &m.file.caveats {
        assert!(caveats.contains(&c.title));
    }
}

fn m_model() -> cluster_workbench::model::Model {
    model()
}

fn select_in<'a>(e: &ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    e.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn the_report_fetches_nothing_and_escapes_names() {
    let m = model();
    let mut preset = preset_of(&shipped_text("supply-side-only.json"));
    preset.plans[0].name = "<script>alert(1)</script> & \"co\"".to_owned();
    // Short enough for the chart's legend, which cuts long names.
    preset.plans[1].name = "<b>&\"x\"</b>".to_owned();
    let e = evaluate(&m, &preset);
    let html = report_html(&m, &preset, &e, None);
    let doc = parsed(&html);
    assert!(select(&doc, "script").is_empty(), "a name became markup");
    assert!(
        text_of(&select(&doc, "article.plan h3")[0]).contains("<script>alert(1)</script> & \"co\"")
    );
    // (The SVG namespace, http://www.w3.org/2000/svg, is a name, not a fetch.)
    for needle in ["src=", "href=", "@import", "url(", "<link", "<iframe"] {
        assert!(!html.contains(needle), "the report refers out: {needle}");
    }
    // The names in the chart's legend are escaped in the SVG too.
    assert!(
        select(&doc, "svg text")
            .iter()
            .any(|t| text_of(t) == "<b>&\"x\"</b>"),
        "the legend names the plan"
    );
    assert!(select(&doc, "svg b").is_empty(), "a name became SVG markup");
}

#[test]
fn the_report_of_each_shipped_preset_parses() {
    let m = model();
    for b in cluster_workbench::preset::builtin::BUILT_IN {
        let preset = preset_of(b.text);
        let html = cluster_workbench::export::html_report(&m, &preset, 200, 1);
        let doc = parsed(&html);
        assert_eq!(
            select(&doc, "table.comparison tbody tr").len(),
            1 + preset.plans.len(),
            "{}",
            b.file
        );
    }
}

#[test]
fn the_report_names_the_cells_a_plan_raises() {
    let m = model();
    let preset = preset_of(&shipped_text("supply-side-with-demand.json"));
    let e = evaluate(&m, &preset);
    let doc = parsed(&report_html(&m, &preset, &e, None));
    let plans = select(&doc, "article.plan");
    for (article, p) in plans.iter().zip(&e.plans) {
        let listed: Vec<String> = select_in(article, "ul.cells li")
            .iter()
            .map(text_of)
            .collect();
        let raised: Vec<String> = e
            .baseline
            .cells
            .iter()
            .zip(&p.scenario.cells)
            .filter(|(b, w)| w.band > b.band)
            .map(|(b, _)| cell_name(&m, b.cell))
            .collect();
        assert_eq!(listed.len(), raised.len());
        for (l, r) in listed.iter().zip(&raised) {
            assert!(l.starts_with(r.as_str()), "{l} / {r}");
        }
    }
    // Pinned for this preset: the supply-side plan lifts only the fora;
    // with buyer links, user–producer links reach strong.
    let first: Vec<String> = select_in(&plans[0], "ul.cells li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        first,
        [
            "V.a fora × Search: weak → moderate (0.24 → 0.45)",
            "V.a fora × R&D: weak → moderate (0.24 → 0.45)"
        ]
    );
    let second: Vec<String> = select_in(&plans[1], "ul.cells li")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        second
            .contains(&"V.b user–producer links × Search: weak → strong (0.39 → 0.77)".to_owned()),
        "{second:?}"
    );
}

#[test]
fn the_csv_has_a_header_and_a_row_a_year_unrounded() {
    let m = model();
    let mut preset = preset_of(&shipped_text("supply-side-only.json"));
    preset.plans[0].name = "Buyers, \"fairs\"".to_owned();
    let e = evaluate(&m, &preset);
    let bytes = trajectories_csv(&preset, &e).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "year,No plan,\"Buyers, \"\"fairs\"\"\",Supply-side support with buyer links"
    );
    assert_eq!(lines.len(), 1 + preset.horizon_years as usize + 1);
    for (year, line) in lines[1..].iter().enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 2 + preset.plans.len());
        assert_eq!(fields[0], year.to_string());
        let base: f64 = fields[1].parse().unwrap();
        assert_eq!(base, e.baseline.trajectory.years[year].capability);
        for (i, p) in e.plans.iter().enumerate() {
            let v: f64 = fields[2 + i].parse().unwrap();
            assert_eq!(v, p.scenario.trajectory.years[year].capability);
        }
    }
}

#[test]
fn the_report_command_writes_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("out.html");
    let csv = dir.path().join("out.csv");
    let preset = shipped("teaching-case.json");
    let out = run(&[
        "report",
        &preset,
        "-o",
        html.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parsed(&std::fs::read_to_string(&html).unwrap());
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    assert!(csv_text.starts_with("year,No plan"));
    // Nothing else in the folder: no temporary file left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_failing_report_command_says_why_and_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("out.html");
    std::fs::write(&html, "the user's old report").unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"cluster-workbench-preset\", \"version\": 2",
    )
    .unwrap();
    let out = run(&[
        "report",
        broken.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&html).unwrap(),
        "the user's old report"
    );

    // A CSV that cannot be written: the old report is not replaced either.
    let preset = shipped("teaching-case.json");
    let bad_csv = dir.path().join("no-such-folder").join("years.csv");
    let out = run(&[
        "report",
        &preset,
        "-o",
        html.to_str().unwrap(),
        "--csv",
        bad_csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("years.csv"));
    assert_eq!(
        std::fs::read_to_string(&html).unwrap(),
        "the user's old report"
    );

    // An output folder that does not exist: exit 2, named.
    let missing = dir.path().join("no-such-folder").join("out.html");
    let out = run(&["report", &preset, "-o", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}
