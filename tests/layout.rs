//! The window stays still at 1280×800 (issue 21, item 1): switching plans,
//! adding or removing an entry, a critical warning appearing or clearing,
//! and its *Why?* opening move none of the controls a user aims at (the plan
//! tabs, the *With / Without / Difference* switch, the dock's tabs). Driven
//! through egui_kittest with real clicks, as a user would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, click, harness_with, window};

use cluster_workbench::app::action::DockTab;
use cluster_workbench::app::settings::Settings;
use cluster_workbench::location::Location;
use cluster_workbench::warnings::WarningId;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable};

/// The controls that must not move, by their accessible names.
const STILL: [&str; 10] = [
    "Plan: Supply-side support",
    "Plan: Supply-side support with buyer links",
    "With the plan",
    "Without the plan",
    "Difference",
    "Capability over time",
    "Plan editor",
    "Compare plans",
    "Which lever binds",
    "Results chain",
];

const CRITICAL: &str = "Supply-side support without demand-led market links";

/// Where each of the controls is drawn (the buttons: the chart bears the
/// name of its tab too).
fn places(h: &Window) -> Vec<(&'static str, egui::Rect)> {
    STILL
        .iter()
        .map(|&name| (name, h.get_by_role_and_label(Role::Button, name).rect()))
        .collect()
}

/// Every control of `before` where it was, to the pixel.
fn assert_still(h: &Window, before: &[(&'static str, egui::Rect)], after: &str) {
    for (name, was) in before {
        let now = h.get_by_role_and_label(Role::Button, name).rect();
        assert!(
            (was.min - now.min).length() < 0.5 && (was.max - now.max).length() < 0.5,
            "after {after}, {name:?} moved from {was:?} to {now:?}"
        );
    }
}

/// Whether the active plan has the critical warning.
fn critical(h: &Window) -> bool {
    let wb = h.state();
    wb.doc
        .evaluation()
        .warnings(wb.doc.active_plan())
        .iter()
        .any(|w| w.id == WarningId::SupplyWithoutDemand)
}

/// Adds a catalogue intervention through the plan editor's menu.
fn add(h: &mut Window, intervention: &str) {
    click(h, "+ Add intervention");
    let by = By::new().role(Role::Button).label_contains(intervention);
    h.get(by).click();
    h.run();
}

#[test]
fn plans_entries_and_warnings_move_no_control() {
    let mut h = window("supply-side-only.json", DockTab::Plan);
    assert!(critical(&h), "the first plan starts warned");
    let before = places(&h);

    click(&mut h, "Plan: Supply-side support with buyer links");
    assert_eq!(h.state().doc.active_plan(), Some(1));
    assert!(!critical(&h), "buyer links clear the warning");
    assert_still(&h, &before, "switching to a plan without the warning");

    click(&mut h, "Plan: Supply-side support");
    assert!(critical(&h));
    assert_still(&h, &before, "switching back to the warned plan");

    // Why? opens beside or over, never pushing the matrix down.
    click(&mut h, &format!("Why? — {CRITICAL}"));
    assert!(
        h.query_by_label_contains("much more difficult to create dynamic clusters")
            .is_some(),
        "the explanation is shown"
    );
    assert_still(&h, &before, "opening Why?");
    click(&mut h, &format!("Hide the explanation — {CRITICAL}"));
    assert_still(&h, &before, "closing Why?");

    // A new, empty plan: the cluster's own institutions are too weak to set
    // the warning off.
    click(&mut h, "+ New plan");
    click(&mut h, "OK");
    assert_eq!(h.state().doc.active_plan(), Some(2));
    assert!(!critical(&h));
    assert_still(&h, &before, "adding a plan");

    add(&mut h, "Training centre");
    assert!(critical(&h), "supply-side support alone raises the warning");
    assert_still(&h, &before, "adding an entry that raises the warning");

    add(&mut h, "Buyer linkage");
    assert!(!critical(&h), "buyer links clear it");
    assert_still(&h, &before, "adding an entry that clears the warning");

    // The entry just added is selected: remove it again.
    click(&mut h, "Remove from the plan");
    assert_eq!(h.state().doc.preset().plans[2].entries.len(), 1);
    assert!(critical(&h));
    assert_still(
        &h,
        &before,
        "removing an entry, which brings the warning back",
    );

    click(&mut h, "Plan: Supply-side support with buyer links");
    assert_still(&h, &before, "switching plans once more");
}

#[test]
fn switching_plans_under_the_chart_moves_no_control() {
    // The dock as a first start shows it: the capability chart, whose legend
    // and summary differ from plan to plan.
    let mut h = harness_with(
        Some(Location::BuiltIn("supply-side-only.json".into())),
        Settings::default(),
    );
    h.run();
    assert_eq!(h.state().settings.dock, DockTab::Capability);
    let before = places(&h);
    click(&mut h, "Plan: Supply-side support with buyer links");
    assert!(!critical(&h));
    assert_still(&h, &before, "switching plans under the chart");
    click(&mut h, "Plan: Supply-side support");
    assert!(critical(&h));
    assert_still(&h, &before, "switching back under the chart");
}
