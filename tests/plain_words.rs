//! Plain words (issue 21, item 3): drivers read as sentences, not as the
//! model's expression language; the warnings' rules give their numbers; the
//! difference view says what a change does to a cell's band; the glossary
//! explains the paper's terms, each checked against the paper.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::cells::{Band, CellChange};
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::model::expr::Expr;
use cluster_workbench::model::warning::WarningId;
use cluster_workbench::words::change_words;
use common::{model, refused_model as refused};

fn driver_words(m: Mechanism, e: Effort) -> String {
    let model = model();
    model.driver_words(cell_index(m, e).unwrap()).to_owned()
}

#[test]
fn drivers_read_in_words() {
    assert_eq!(
        driver_words(Mechanism::IIc, Effort::B),
        "the stronger of public support and specialised suppliers"
    );
    assert_eq!(
        driver_words(Mechanism::IIa, Effort::B),
        "the weaker of associations and the learning focus of cooperation"
    );
    assert_eq!(
        driver_words(Mechanism::III, Effort::A),
        "the weaker of (the stronger of cluster size and associations) and \
         (the stronger of exposure to ideas and external buyers)"
    );
    assert_eq!(
        driver_words(Mechanism::Ia, Effort::D),
        "the weaker of cluster size and how low competition pressure is"
    );
    assert_eq!(
        driver_words(Mechanism::VLabour, Effort::A),
        "skilled labour"
    );
}

#[test]
fn no_driver_or_indicator_shows_an_id_or_an_operator() {
    let model = model();
    let (drivers, _) = model.drivers();
    let ind = &model.indicators;
    let exprs: Vec<&Expr> = drivers
        .iter()
        .chain([&ind.external_inputs, &ind.market_pull, &ind.supply_support])
        .map(|d| &d.expr)
        .collect();
    for expr in exprs {
        let words = model.in_words(expr);
        for code in ["_", "min(", "max(", "not "] {
            assert!(!words.contains(code), "{code:?} in {words:?}");
        }
    }
}

#[test]
fn the_rules_give_their_numbers_in_words() {
    let model = model();
    let rule = &model.warning(WarningId::SupplyWithoutDemand).rule;
    assert_eq!(
        rule,
        "The model warns when, in some year, supply-side support is at work \
         (a supply-side intervention of the plan has started, one set to intensity \
         0 not counting, or associations or public support, whichever is stronger, \
         is at least 0.50) while market \
         pull (market dynamism or external buyers, whichever is stronger) is \
         below 0.40. The rule and its thresholds are the model's, not the paper's."
    );
    assert!(
        model
            .warning(WarningId::LockIn)
            .rule
            .contains("below 0.30 and firms start in the basic stage (capability below 0.33")
    );
    for id in WarningId::ALL {
        let rule = &model.warning(id).rule;
        assert!(rule.starts_with("The model warns when"), "{rule}");
        assert!(rule.contains("the model's"), "{rule}");
        for code in [
            "{",
            "threshold.",
            "the threshold",
            "plan entry",
            "intensity above",
        ] {
            assert!(!rule.contains(code), "{code:?} in {rule}");
        }
    }
}

#[test]
fn a_change_says_what_it_does_to_the_band() {
    let same = CellChange {
        delta: 0.11,
        from: Band::None,
        to: Band::None,
    };
    assert_eq!(change_words(&same), "+0.11, still none");
    let moved = CellChange {
        delta: 0.25,
        from: Band::None,
        to: Band::Weak,
    };
    assert_eq!(change_words(&moved), "+0.25, none to weak");
    let down = CellChange {
        delta: -0.2,
        from: Band::Moderate,
        to: Band::Weak,
    };
    assert_eq!(change_words(&down), "-0.20, moderate to weak");
}

#[test]
fn the_evaluation_gives_each_cells_bands_before_and_after() {
    use cluster_workbench::evaluation::evaluate;
    use cluster_workbench::plan::{Plan, PlanEntry};
    use cluster_workbench::preset::Preset;
    let m = model();
    // Every attribute at 0.5: II.a's driver min(associations, learning focus)
    // is 0.5, its strength 0.5 × 0.5 = 0.25 (weak). Strengthening the
    // association (+0.3, +0.2) makes the driver 0.7 and the strength 0.35:
    // still weak. A training centre (public support +0.25, skilled labour
    // +0.15) raises II.c-B, max(public support, suppliers), from 0.5 to 0.75:
    // strength 0.25 → 0.375, still weak.
    let mut p = Preset::new_untitled(&m, "t");
    let mut plan = Plan::named("Association");
    plan.entries.push(PlanEntry::from_catalogue(
        m.intervention("strengthen_association").unwrap(),
        0,
        1.0,
        None,
    ));
    p.plans.push(plan);
    let mut demand = Plan::named("Standards");
    demand.entries.push(PlanEntry::from_catalogue(
        m.intervention("export_standards_push").unwrap(),
        0,
        1.0,
        None,
    ));
    p.plans.push(demand);
    let e = evaluate(&m, &p);
    let ii_a = e.changes(Some(0)).unwrap().cells[cell_index(Mechanism::IIa, Effort::B).unwrap()];
    assert_eq!((ii_a.from, ii_a.to), (Band::Weak, Band::Weak));
    assert_eq!(change_words(&ii_a), "+0.10, still weak");
    // The standards push raises demand for improvement 0.5 → 0.75: I.b's
    // driver, cluster size, stays 0.5, so its strength goes 0.25 → 0.375
    // (weak to weak), and V.labour's (skilled labour 0.5) the same.
    // External buyers 0.5 → 0.7 take V.b (the strongest of buyers, suppliers
    // and joint learning) to 0.7 × 0.75 = 0.525: weak to moderate.
    let v_b = e.changes(Some(1)).unwrap().cells[cell_index(Mechanism::Vb, Effort::C).unwrap()];
    assert_eq!((v_b.from, v_b.to), (Band::Weak, Band::Moderate));
    assert!((v_b.delta - 0.275).abs() < 1e-9, "{}", v_b.delta);
    assert!(change_words(&v_b).ends_with(", weak to moderate"));
}

/// The paper's text with its typographic quotes and line breaks made plain,
/// so that a quotation can be found in it.
fn plain(text: &str) -> String {
    text.replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_glossary_quote_is_the_papers_words() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/paper/caniels-romijn-2001.txt"
    );
    let Ok(paper) = std::fs::read_to_string(path) else {
        // The paper lives beside the crate on the workbench's own machines.
        eprintln!("skipped: no paper at {path}");
        return;
    };
    let paper = plain(&paper);
    let model = model();
    for entry in model.file.glossary.iter().filter(|e| !e.own) {
        let quote = plain(entry.quote.as_deref().unwrap());
        assert!(
            paper.contains(&quote),
            "{}: not in the paper: {quote}",
            entry.term
        );
    }
}

#[test]
fn the_glossary_has_the_terms_a_newcomer_meets() {
    let model = model();
    let g = &model.file.glossary;
    let find = |term: &str| {
        g.iter()
            .find(|e| e.term == term || e.also.iter().any(|a| a == term))
            .unwrap_or_else(|| panic!("no entry for {term}"))
    };
    for term in [
        "Table 1",
        "fora",
        "lumpy projects",
        "labour mobility",
        "V.labour",
        "inducement",
        "free input",
        "spillover",
    ] {
        let e = find(term);
        assert!(!e.own, "{term} is the paper's");
        assert!(
            e.section.as_deref().unwrap().contains('§')
                || e.section.as_deref().unwrap().contains("Table")
        );
    }
    for term in ["binding constraint", "bottleneck", "demand gate"] {
        let e = find(term);
        assert!(e.own, "{term} is the model's own");
        assert!(e.quote.is_none());
    }
    // Where the window uses a term, its entry is found.
    let terms = |text: &str| -> Vec<String> {
        model
            .glossary_in(text)
            .iter()
            .map(|e| e.term.clone())
            .collect()
    };
    assert_eq!(
        terms("V.labour labour mobility Free input"),
        ["free input", "labour mobility"]
    );
    assert_eq!(
        terms("Demand side is the binding constraint: buyer linkage gains 2.0 times as much"),
        ["binding constraint"]
    );
    assert_eq!(
        terms("WHICH MECHANISMS COME INTO PLAY (Table 1)"),
        ["Table 1"]
    );
}

#[test]
fn the_new_words_are_read_as_strictly_as_the_rest() {
    let cases = [
        (
            "\"in_sentence\": \"market dynamism\",\n",
            "",
            "missing field `in_sentence`",
        ),
        (
            "\"in_sentence\": \"cluster size\"",
            "\"in_sentence\": \" \"",
            "attributes[5].in_sentence: missing",
        ),
        (
            "\"stronger_of\": \"the stronger of {list}\"",
            "\"stronger_of\": \"the stronger of\"",
            "expression_words.stronger_of: \"the stronger of\" lacks {list}",
        ),
        (
            "\"term\": \"fora\"",
            "\"term\": \"Table 1\"",
            "glossary[8]: \"Table 1\" is listed twice",
        ),
        (
            "\"section\": \"§4.2\",\n      \"quote\": \"trade journals",
            "\"quote\": \"trade journals",
            "glossary[8].section: a term of the paper needs its section",
        ),
        (
            "\"own\": true",
            "\"own\": true, \"quote\": \"x\"",
            "glossary[12].quote: the model's own term quotes no paper",
        ),
        (
            "\"glossary\": [",
            "\"glossary\": [{ \"term\": \"x\", \"explanation\": \"y\", \"colour\": 1 },",
            "unknown field `colour`",
        ),
        (
            "is below {pull_below}.",
            "is below {pull_under}.",
            "warnings.supply-without-demand.rule: {pull_under} is not a threshold",
        ),
    ];
    for (from, to, expected) in cases {
        let message = refused(from, to);
        assert!(
            message.contains(expected),
            "{expected:?} not in {message:?}"
        );
    }
}
