//! The lever panel and the uncertainty bands in the window, driven headlessly
//! through egui_kittest: the analyses run on their thread, and the tests wait
//! for them as a user would wait a moment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{harness_with, settle, shows};

use cluster_workbench::app::Workbench;
use cluster_workbench::app::action::{DocAction, DockTab};
use cluster_workbench::app::settings::Settings;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::location::Location;
use cluster_workbench::model::catalogue::Side;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn window(built_in: &str, dock: DockTab) -> Harness<'static, Workbench> {
    let settings = Settings {
        dock,
        ..Settings::default()
    };
    let mut h = harness_with(Some(Location::BuiltIn(built_in.into())), settings);
    settle(&mut h);
    h
}

#[test]
fn the_lever_panel_names_the_binding_side_and_adds_the_top_intervention() {
    let mut h = window("supply-side-only.json", DockTab::Levers);
    let (analysis, current) = h.state().analysis();
    assert!(current);
    let levers = analysis.unwrap().levers.clone();
    assert_eq!(levers.plan, Some(0));
    assert_eq!(levers.binding.side, Some(Side::Demand));
    assert!(shows(&h, "Demand side is the binding constraint"));
    // The tornado names every attribute but capability in words.
    assert!(shows(&h, "External buyers: +0.010 if 0.1 higher"));
    assert_eq!(h.query_all_by_label_contains("if 0.1 higher").count(), 11);
    // The ranking, top first, and one click adds it to the plan.
    let top = &h.state().model.catalogue[levers.interventions[0].index];
    assert_eq!(top.id, "buyer_linkage");
    assert!(shows(
        &h,
        "Buyer linkage (Demand side): +0.219, 0.877 per million"
    ));
    let before = h.state().doc.preset().plans[0].entries.len();
    h.get_all_by_label("Add to plan").next().unwrap().click();
    settle(&mut h);
    let entries = &h.state().doc.preset().plans[0].entries;
    assert_eq!(entries.len(), before + 1);
    assert_eq!(
        entries[before].cost,
        Some(250000.0),
        "unit cost × intensity"
    );
    // With buyer links in the plan the analysis moves on.
    let (analysis, current) = h.state().analysis();
    assert!(current);
    assert!(analysis.unwrap().levers.capability > levers.capability + 0.1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(h.state().doc.preset().plans[0].entries.len(), before);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn an_uncertainty_control_brings_the_band_and_the_best_plan_share() {
    let mut h = window("supply-side-only.json", DockTab::Compare);
    assert!(h.state().analysis().0.unwrap().uncertainty.is_none());
    let field = h.get_by_role_and_label(Role::SpinButton, "Uncertainty of Market dynamism");
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "Uncertainty of Market dynamism")
        .type_text("0.2");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert_eq!(
        h.state().doc.preset().uncertainty[Attribute::MarketDynamism],
        0.2
    );
    let u = h.state().analysis().0.unwrap().uncertainty.clone().unwrap();
    let last = u.plans[0].last().unwrap();
    assert!(last.p10 < last.p90, "a band: {last:?}");
    // The comparison gives each plan's range and how often it is best.
    let share = u.best_share[1].unwrap();
    assert!(shows(&h, &format!("best plan in {share} % of runs")));
    assert!(shows(&h, "10–90 % of runs: "));
    // Widening the uncertainty widens the band.
    let width = last.p90 - last.p10;
    h.get_by_role_and_label(Role::SpinButton, "Uncertainty of Market dynamism")
        .focus();
    h.run();
    let field = h.get_by_role_and_label(Role::SpinButton, "Uncertainty of Market dynamism");
    field.type_text("0.4");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let u = h.state().analysis().0.unwrap().uncertainty.clone().unwrap();
    let wider = u.plans[0].last().unwrap();
    assert!(
        h.state().doc.preset().uncertainty[Attribute::MarketDynamism] > 0.2,
        "{:?}",
        h.state().doc.preset().uncertainty
    );
    assert!(wider.p90 - wider.p10 > width, "{wider:?} vs {width}");
    // One undo step per typed number.
    let ctx = h.ctx.clone();
    h.state_mut().apply(DocAction::Undo.into(), &ctx);
    assert_eq!(
        h.state().doc.preset().uncertainty[Attribute::MarketDynamism],
        0.2
    );
}
