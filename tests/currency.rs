//! The currency of a preset's costs (issue 21, item 3): an optional field,
//! new in preset version 4, read strictly and named by its path when
//! refused, written only when given (a preset without one is written as the
//! version 3 file it was, byte for byte), set in the window as one undo
//! step, and shown with costs: "Cost (USD)" over the report's costs, "not
//! given" (never "none", which reads as free) where a cost is missing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cluster_workbench::edit::Edit;
use cluster_workbench::export::{LogframeFormat, html_report, logframe_document};
use cluster_workbench::preset::Preset;
use common::{model, shipped_text};

/// A case without costs, given a currency (a version 4 file).
fn with_currency(currency: &str) -> String {
    shipped_text("gamarra-lima.json")
        .replacen("\"version\": 3", "\"version\": 4", 1)
        .replacen(
            "\n  \"horizon_years\"",
            &format!("\n  \"currency\": {currency},\n  \"horizon_years\""),
            1,
        )
}

fn refused(text: &str) -> (String, String) {
    let e = Preset::from_bytes(text.as_bytes(), &model()).unwrap_err();
    (e.path, e.reason)
}

#[test]
fn a_currency_reads_and_saves_to_the_same_bytes() {
    let m = model();
    for currency in ["USD", "FCFA", "k EUR", "€", "ABCDEFGHIJKL"] {
        let text = with_currency(&format!("\"{currency}\""));
        let (p, version) = Preset::from_bytes_with_version(text.as_bytes(), &m).unwrap();
        assert_eq!(version, 4);
        assert_eq!(p.currency.as_deref(), Some(currency));
        assert_eq!(p.to_checked_json(&m).unwrap(), text, "{currency}");
    }
}

#[test]
fn the_currency_comes_just_before_the_unit_costs() {
    let text = shipped_text("teaching-case.json");
    assert!(text.contains(
        "\"firm_capability\": 0.2\n  },\n  \"currency\": \"USD\",\n  \"unit_costs\": {\n    \"training_centre\": 400000.0,"
    ));
    assert!(text.contains("\"version\": 4,"));
}

#[test]
fn a_preset_without_a_currency_is_written_as_version_3() {
    let m = model();
    // A version 4 file that names no currency is a version 3 file.
    let text = shipped_text("rural-java.json");
    let as_4 = text.replacen("\"version\": 3", "\"version\": 4", 1);
    let (p, version) = Preset::from_bytes_with_version(as_4.as_bytes(), &m).unwrap();
    assert_eq!(version, 4);
    assert_eq!(p.currency, None);
    assert_eq!(p.file_version(), 3);
    assert_eq!(p.to_canonical_json(), text);
}

#[test]
fn a_bad_currency_is_refused_with_its_path() {
    let cases = [
        ("empty", "\"\"", "is empty"),
        ("blank", "\"   \"", "is empty"),
        (
            "thirteen characters",
            "\"ABCDEFGHIJKLM\"",
            "is 13 characters",
        ),
        ("a tab", "\"U\\tSD\"", "control character (U+0009)"),
        ("a line break", "\"US\\nD\"", "control character (U+000A)"),
        (
            "a space in front",
            "\" USD\"",
            "starts or ends with a space",
        ),
        ("a number", "840", "expected a string, found"),
        ("null", "null", "expected a string"),
    ];
    for (what, value, reason) in cases {
        let (path, why) = refused(&with_currency(value));
        assert_eq!(path, "currency", "{what}");
        assert!(why.contains(reason), "{what}: {why}");
    }
}

#[test]
fn a_currency_in_an_older_version_is_refused_with_the_version_it_needs() {
    let text = with_currency("\"USD\"").replacen("\"version\": 4", "\"version\": 3", 1);
    let (path, why) = refused(&text);
    assert_eq!(path, "currency");
    assert!(why.contains("came in preset version 4"), "{why}");
    assert!(why.contains("says version 3"), "{why}");
}

#[test]
fn the_edit_trims_clears_and_refuses() {
    let m = model();
    let mut p = Preset::from_bytes(shipped_text("rural-java.json").as_bytes(), &m).unwrap();
    Edit::SetCurrency(Some("  EUR ".into()))
        .apply(&mut p, &m)
        .unwrap();
    assert_eq!(p.currency.as_deref(), Some("EUR"));
    assert_eq!(p.file_version(), 4);
    Edit::SetCurrency(Some("   ".into()))
        .apply(&mut p, &m)
        .unwrap();
    assert_eq!(p.currency, None);
    assert_eq!(p.file_version(), 3);
    let mut q = p.clone();
    let e = Edit::SetCurrency(Some("THIRTEEN CHAR".into()))
        .apply(&mut q, &m)
        .unwrap_err();
    assert!(e.to_string().starts_with("currency: "), "{e}");
    let e = Edit::SetCurrency(Some("U\u{7}SD".into()))
        .apply(&mut p.clone(), &m)
        .unwrap_err();
    assert!(e.to_string().contains("control character"), "{e}");
}

#[test]
fn the_report_names_the_currency_and_says_not_given() {
    let m = model();
    let mut p = Preset::from_bytes(shipped_text("teaching-case.json").as_bytes(), &m).unwrap();
    // An entry without a cost in the second plan.
    p.plans[1].entries[0].cost = None;
    let html = html_report(&m, &p, 0, 1);
    assert!(html.contains(">Cost (USD)<"), "the entries' heading");
    assert!(
        html.contains(">Total cost (USD)<"),
        "the comparison's heading"
    );
    assert!(html.contains(">Gain per million (USD)<"));
    assert!(html.contains(">not given<"), "the missing cost");
    assert!(
        !html.contains("<td class=\"num\">none<"),
        "no cost reads as free"
    );
    p.currency = None;
    let html = html_report(&m, &p, 0, 1);
    assert!(html.contains(">Cost<") && !html.contains("USD"));
}

#[test]
fn the_logframe_gives_the_cost_in_its_currency() {
    let m = model();
    let mut p = Preset::from_bytes(shipped_text("teaching-case.json").as_bytes(), &m).unwrap();
    p.currency = Some("FCFA".into());
    let csv = logframe_document(&m, &p, 0, LogframeFormat::Csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Cost: 250,000 FCFA"), "{csv}");
}

#[cfg(feature = "gui")]
#[path = "common/window.rs"]
mod common_window;

#[cfg(feature = "gui")]
mod window {
    use super::common_window::{act, opened, shows};
    use cluster_workbench::app::action::{DocAction, DockTab, ViewAction};
    use cluster_workbench::edit::Edit;
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};

    /// Typed next to "Unit costs", the currency takes effect when the field
    /// is left, as one undo step, and the comparison's headings name it.
    #[test]
    fn the_currency_is_typed_beside_the_unit_costs_and_undone_in_one_step() {
        let mut h = opened("supply-side-only.json");
        assert_eq!(h.state().doc.preset().currency.as_deref(), Some("USD"));
        let field = h.get_by_role_and_label(Role::TextInput, "Currency");
        field.focus();
        h.run();
        for _ in 0..3 {
            h.key_press(egui::Key::Backspace);
        }
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Currency")
            .type_text("FCFA");
        h.run();
        // Still typing: the preset has not changed.
        assert_eq!(h.state().doc.preset().currency.as_deref(), Some("USD"));
        h.key_press(egui::Key::Enter);
        h.run();
        h.run();
        assert_eq!(h.state().doc.preset().currency.as_deref(), Some("FCFA"));
        act(&mut h, DocAction::Undo.into());
        assert_eq!(h.state().doc.preset().currency.as_deref(), Some("USD"));
        assert!(!h.state().doc.is_dirty());
    }

    #[test]
    fn the_comparison_names_the_currency_and_says_not_given() {
        let mut h = opened("supply-side-only.json");
        act(&mut h, ViewAction::SetDockTab(DockTab::Compare).into());
        assert!(
            shows(&h, "total cost 800,000 USD; gain per million"),
            "the rows as heard"
        );
        act(
            &mut h,
            DocAction::Edit {
                edit: Edit::SetCurrency(None),
                merge: false,
            }
            .into(),
        );
        act(
            &mut h,
            DocAction::Edit {
                edit: Edit::AddPlan {
                    name: "Nothing yet".into(),
                },
                merge: false,
            }
            .into(),
        );
        // A new plan opens its editor: back to the comparison.
        act(&mut h, ViewAction::SetDockTab(DockTab::Compare).into());
        assert!(!shows(&h, "USD"));
        let labels: Vec<String> = h
            .query_all_by_label_contains("Nothing yet")
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(shows(&h, "Nothing yet: capability"), "{labels:?}");
        let row = h.get_by_label_contains("Nothing yet: capability");
        let said = row.accesskit_node().label().unwrap_or_default();
        assert!(said.contains("total cost not given"), "{said}");
        assert!(said.contains("gain per million not given"), "{said}");
    }
}
