//! The graph forms of a results chain, Mermaid and DOT: each follows its
//! grammar (DOT through a parser `cargo test` builds itself, and through
//! Graphviz where it is installed), escapes what the user writes, and shows
//! short labels with the detail kept in the file as tooltips.

use super::{common, text, two_entries};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::export::{ChainFormat, results_chain_document};
use cluster_workbench::model::chain::BoxKind;
use cluster_workbench::plan::indicators::Field;
use cluster_workbench::preset::Preset;
use common::{attrs, entry, model, preset};
use layout::gv::DotParser;
use layout::gv::parser::ast;
use std::collections::BTreeMap;

/// The bound a label keeps, in both forms: lines, and characters per line.
const MOST_LINES: usize = 6;
const MOST_CHARS: usize = 36;

fn export(p: &Preset, format: ChainFormat) -> String {
    text(&results_chain_document(&model(), p, 0, None, format).unwrap())
}

/// A label's lines hold to the bound.
fn assert_short(what: &str, lines: &[String]) {
    assert!(
        (1..=MOST_LINES).contains(&lines.len()),
        "{what}: {} lines: {lines:?}",
        lines.len()
    );
    for l in lines {
        assert!(l.chars().count() <= MOST_CHARS, "{what}: {l:?} is too long");
    }
}

// ---------------------------------------------------------------- Mermaid

/// What a Mermaid file says: node labels and tooltips by id (entities read
/// back), and the count of edges.
#[derive(Default)]
struct Mermaid {
    labels: BTreeMap<String, Vec<String>>,
    tooltips: BTreeMap<String, String>,
    edges: usize,
}

/// Mermaid's entities and line breaks read back into text.
fn unescape(s: &str) -> String {
    s.replace("#quot;", "\"")
        .replace("#lt;", "<")
        .replace("#gt;", ">")
        .replace("#amp;", "&")
        .replace("#35;", "#")
}

/// A strict reading of the Mermaid this workbench writes: a `flowchart BT`
/// header, `%%` comments, subgraphs holding node definitions with quoted
/// labels, a `click` with a quoted tooltip for each node, and edges with
/// optional quoted labels, each `subgraph` closed by `end`.
fn check_mermaid(text: &str) -> Mermaid {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart BT"));
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let quoted = |s: &str| {
        s.len() >= 2 && s.starts_with('"') && s.ends_with('"') && !s[1..s.len() - 1].contains('"')
    };
    let inner = |s: &str| unescape(&s[1..s.len() - 1]);
    let (mut depth, mut m) = (0, Mermaid::default());
    for line in lines {
        let l = line.trim();
        if l.starts_with("%%") {
            assert!(!l.starts_with("%%{"), "a comment, not a directive: {l}");
        } else if let Some(rest) = l.strip_prefix("subgraph ") {
            let (id, label) = rest.split_once('[').expect("subgraph id[label]");
            assert!(ident(id), "{l}");
            assert!(quoted(label.strip_suffix(']').unwrap()), "{l}");
            depth += 1;
        } else if l == "end" {
            assert!(depth > 0, "end without subgraph");
            depth -= 1;
        } else if let Some(rest) = l.strip_prefix("click ") {
            let (id, rest) = rest.split_once(' ').expect("click id callback \"tooltip\"");
            let (callback, tooltip) = rest.split_once(' ').expect("a callback and a tooltip");
            assert!(m.labels.contains_key(id), "click before its node: {l}");
            assert!(ident(callback) && quoted(tooltip), "{l}");
            m.tooltips.insert(id.to_owned(), inner(tooltip));
        } else if let Some((from, rest)) = l.split_once(" -->") {
            assert!(ident(from), "{l}");
            let to = match rest.strip_prefix('|') {
                Some(labelled) => {
                    let (label, to) = labelled.rsplit_once("| ").expect("closing |");
                    assert!(quoted(label), "{l}");
                    let lines: Vec<String> =
                        inner(label).split("<br>").map(str::to_owned).collect();
                    assert_short(l, &lines);
                    to
                }
                None => rest.trim_start(),
            };
            assert!(ident(to), "{l}");
            assert!(
                m.labels.contains_key(from) && m.labels.contains_key(to),
                "edge before its nodes: {l}"
            );
            m.edges += 1;
        } else {
            let (id, label) = l.split_once('[').expect("a node id[\"label\"]");
            assert!(ident(id), "{l}");
            let label = label.strip_suffix(']').expect("closing ]");
            assert!(quoted(label), "{l}");
            let lines = inner(label).split("<br>").map(str::to_owned).collect();
            m.labels.insert(id.to_owned(), lines);
        }
    }
    assert_eq!(depth, 0, "every subgraph is closed");
    m
}

#[test]
fn mermaid_follows_its_grammar_and_escapes_quotes() {
    let m = model();
    let mut p = two_entries();
    p.plans[0].entries[0].indicators.set(
        BoxKind::Outputs,
        Field::Indicator,
        Some("Firms with a \"certified\" trainer <b>".into()),
    );
    let text = text(&results_chain_document(&m, &p, 0, None, ChainFormat::Mermaid).unwrap());
    let read = check_mermaid(&text);
    assert_eq!(read.labels.len(), 18, "nine boxes for each of two chains");
    assert_eq!(read.tooltips.len(), 18, "each box has its detail");
    assert_eq!(
        read.edges,
        2 * 8,
        "four arrows up the spine, four into the impact"
    );
    assert!(text.contains("#quot;certified#quot;"));
    assert!(!text.contains("<b>"));
    // A field written on several lines, with a `#` that is not an entity.
    p.plans[0].entries[0].indicators.set(
        BoxKind::Activity,
        Field::Indicator,
        Some("Trainers hired\nCourses #3; held".into()),
    );
    let again =
        super::text(&results_chain_document(&m, &p, 0, None, ChainFormat::Mermaid).unwrap());
    check_mermaid(&again);
    assert!(
        again.contains("Trainers hired<br>Courses #35;3; held"),
        "{again}"
    );
}

// ---------------------------------------------------------------- DOT

/// What a DOT file says, read by a DOT parser: each node's and each edge's
/// attributes (edges keyed by their ends).
#[derive(Default, Debug)]
struct Dot {
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    edges: BTreeMap<(String, String), BTreeMap<String, String>>,
}

fn attributes(list: &ast::AttributeList) -> BTreeMap<String, String> {
    list.iter().cloned().collect()
}

fn collect(list: &ast::StmtList, into: &mut Dot) {
    for stmt in &list.list {
        match stmt {
            ast::Stmt::Node(n) => {
                into.nodes
                    .entry(n.id.name.clone())
                    .or_default()
                    .extend(attributes(&n.list));
            }
            ast::Stmt::Edge(e) => {
                let mut from = e.from.name.clone();
                for (to, _) in &e.to {
                    into.edges
                        .insert((from.clone(), to.name.clone()), attributes(&e.list));
                    from = to.name.clone();
                }
            }
            ast::Stmt::SubGraph(g) => collect(&g.list, into),
            ast::Stmt::Attribute(_) => {}
        }
    }
}

/// The DOT text parsed, or the parser's complaint.
fn parse_dot(text: &str) -> Result<Dot, String> {
    let graph = DotParser::new(text).process()?;
    let mut dot = Dot::default();
    collect(&graph.list, &mut dot);
    Ok(dot)
}

#[test]
fn dot_parses_and_keeps_what_the_user_wrote() {
    let m = model();
    let mut p = two_entries();
    p.plans[0].entries[1].indicators.set(
        BoxKind::Activity,
        Field::Indicator,
        Some("Contracts signed \\ \"on time\"".into()),
    );
    let text = text(&results_chain_document(&m, &p, 0, None, ChainFormat::Dot).unwrap());
    let dot = parse_dot(&text).expect("the DOT export parses");
    assert_eq!(dot.nodes.len(), 18, "nine boxes for each of two chains");
    assert_eq!(dot.edges.len(), 16, "eight arrows in each chain");
    let tooltip = &dot.nodes["e2_activity"]["tooltip"];
    assert!(
        tooltip.contains("Contracts signed \\ \"on time\""),
        "the escaped text reads back: {tooltip}"
    );
}

#[test]
fn a_broken_dot_text_is_rejected() {
    let good = export(&two_entries(), ChainFormat::Dot);
    assert!(parse_dot(&good).is_ok());
    let quote = good.replacen("[label=\"", "[label=\"a \"quoted\" word ", 1);
    let brace = good.trim_end().strip_suffix('}').unwrap().to_owned();
    let bracket = good.replacen("];", ";", 1);
    let arrow = good.replacen(" -> ", " -> -> ", 1);
    for (what, broken) in [
        ("an unescaped quote", quote),
        ("the last brace missing", brace),
        ("an attribute list not closed", bracket),
        ("an arrow to nowhere", arrow),
    ] {
        assert!(parse_dot(&broken).is_err(), "{what} is accepted");
    }
}

/// Whether Graphviz's `dot` runs here.
fn graphviz() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn dot_is_accepted_by_graphviz_where_it_is_installed() {
    // CI installs Graphviz and sets REQUIRE_GRAPHVIZ, so there this check
    // cannot be skipped; on a machine with only Rust it is.
    if !graphviz() {
        assert!(
            std::env::var_os("REQUIRE_GRAPHVIZ").is_none(),
            "REQUIRE_GRAPHVIZ is set but Graphviz (dot) is not installed"
        );
        eprintln!("Graphviz (dot) is not installed: its check of the DOT export is skipped");
        return;
    }
    let mut p = two_entries();
    p.plans[0].entries[1].indicators.set(
        BoxKind::Activity,
        Field::Indicator,
        Some("Contracts signed \\ \"on time\"".into()),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.dot");
    std::fs::write(&path, export(&p, ChainFormat::Dot)).unwrap();
    // Graphviz's own parser: a strict parse, not a lint.
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "dot refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("on time"), "the escaped tooltip survives");
}

// ---------------------------------------------------------------- Labels

/// A plan whose first entry raises many cells: more than a label has room
/// to name.
fn many_cells() -> Preset {
    preset(
        attrs(0.45, &[(Attribute::DemandForImprovement, 0.7)]),
        vec![
            entry("strengthen_association", 0, Some(1.0)),
            entry("buyer_linkage", 1, None),
        ],
    )
}

#[test]
fn labels_stay_short_and_the_detail_stays_in_the_file() {
    for p in [two_entries(), many_cells()] {
        let dot = parse_dot(&export(&p, ChainFormat::Dot)).unwrap();
        for (id, node) in &dot.nodes {
            let lines: Vec<String> = node["label"].lines().map(str::to_owned).collect();
            assert_short(id, &lines);
            assert!(
                node["tooltip"].len() > node["label"].len(),
                "{id}: {node:?}"
            );
        }
        for (ends, edge) in &dot.edges {
            if let Some(label) = edge.get("label") {
                let lines: Vec<String> = label.lines().map(str::to_owned).collect();
                assert_short(&format!("{ends:?}"), &lines);
            }
        }
        let mermaid = check_mermaid(&export(&p, ChainFormat::Mermaid));
        for (id, lines) in &mermaid.labels {
            assert_short(id, lines);
        }
    }
    // The titles and numbers in the labels, the detail in the tooltips.
    let dot = parse_dot(&export(&many_cells(), ChainFormat::Dot)).unwrap();
    let label = |id: &str| dot.nodes[id]["label"].clone();
    let tooltip = |id: &str| dot.nodes[id]["tooltip"].clone();
    // The impact boxes stand four abreast: their lines are narrower.
    assert_eq!(label("e1_scale"), "Scale: firms that\nbenefit");
    assert!(
        label("e1_capability").contains("By year 15: 0."),
        "{}",
        label("e1_capability")
    );
    let market = label("e1_market");
    assert!(market.contains("× Training: +0."), "{market}");
    assert!(
        market.lines().last().unwrap().ends_with(" more"),
        "{market}"
    );
    assert!(
        tooltip("e1_activity").contains("Delivered as planned: start, intensity and spending"),
        "{}",
        tooltip("e1_activity")
    );
    assert!(
        tooltip("e1_capability").contains("A model projection, not a forecast"),
        "{}",
        tooltip("e1_capability")
    );
    // An arrow's assumptions are in its tooltip, not its label.
    let up = &dot.edges[&("e1_activity".to_owned(), "e1_outputs".to_owned())];
    assert!(up["tooltip"].contains("the model's assumption"), "{up:?}");
    assert!(!up.get("label").is_some_and(|l| l.contains("assumption")));
    // The note on how entries are credited heads the graph.
    let text = export(&many_cells(), ChainFormat::Dot);
    let note = text.lines().nth(1).unwrap();
    assert!(
        note.starts_with("  // ") && note.contains("must not be added up"),
        "{note}"
    );
}
