//! The plan editor, the timeline and the comparison, driven headlessly
//! through egui_kittest as a user would: real widgets found by role and label,
//! real clicks, drags and keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{act, harness, harness_with, shows};

use cluster_workbench::app::action::{Action, DialogAction, DocAction, DockTab, MatrixView};
use cluster_workbench::app::settings::Settings;
use cluster_workbench::app::{Dialog, Workbench};
use cluster_workbench::edit::Edit;
use cluster_workbench::location::Location;
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::warnings::WarningId;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

const BANNER: &str = "Supply-side support without demand-led market links";

/// The window at 1280×800 showing a shipped preset, the dock on `dock`.
fn window(built_in: &str, dock: DockTab) -> Harness<'static, Workbench> {
    let settings = Settings {
        dock,
        ..Settings::default()
    };
    let mut h = harness_with(Some(Location::BuiltIn(built_in.into())), settings);
    h.run();
    h
}

fn active_fires(wb: &Workbench, id: WarningId) -> bool {
    wb.doc
        .evaluation()
        .warnings(wb.doc.active_plan())
        .iter()
        .any(|w| w.id == id)
}

fn plan_names(wb: &Workbench) -> Vec<String> {
    wb.doc
        .preset()
        .plans
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn adding_a_catalogue_intervention_moves_the_trajectory_and_matrix_and_undo_removes_it() {
    let mut h = window("supply-side-only.json", DockTab::Plan);
    let cell = cell_index(Mechanism::Ib, Effort::A).unwrap();
    let before = h.state().doc.evaluation().plans[0].clone();
    assert!(shows(&h, "I.b local market × Hiring: none, 0.06"));

    h.get_by_label("+ Add intervention").click();
    h.run();
    // The list shows each intervention's side, effects and unit cost.
    assert!(shows(&h, "Demand side · external buyers +0.35"));
    assert!(shows(&h, "unit cost 250,000"));
    h.get_by_label_contains("Buyer linkage").click();
    h.run();

    let wb = h.state();
    let plan = &wb.doc.preset().plans[0];
    assert_eq!(plan.entries.len(), 3);
    // Unit cost × intensity, set once.
    assert_eq!(plan.entries[2].cost, Some(250000.0));
    let after = &wb.doc.evaluation().plans[0];
    assert!(
        after.outcome.capability > before.outcome.capability + 0.1,
        "{} vs {}",
        after.outcome.capability,
        before.outcome.capability
    );
    assert!(after.scenario.cells[cell].strength > before.scenario.cells[cell].strength);
    // Demand rises with buyer links: 0.4 × 0.3.
    assert!(
        shows(&h, "I.b local market × Hiring: none, 0.12"),
        "the matrix moved"
    );
    assert!(!active_fires(wb, WarningId::SupplyWithoutDemand));
    // The strip stays, calm; a passing notice says what the edit did.
    assert!(!shows(&h, &format!("Critical: {BANNER}")));
    assert!(shows(&h, "No critical warning for this plan"));
    assert!(shows(&h, "Added Buyer linkage to Supply-side support."));
    assert!(shows(&h, &format!("No longer warned: {BANNER}")));
    assert!(shows(&h, "Buyer linkage, Demand side, from year 0 to 15"));
    assert!(wb.title().contains('*'));

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let wb = h.state();
    assert_eq!(wb.doc.preset().plans[0].entries.len(), 2);
    assert_eq!(wb.doc.evaluation().plans[0], before);
    assert!(
        !wb.doc.is_dirty(),
        "an edit and its undo leave the document clean"
    );
    assert!(shows(&h, &format!("Critical: {BANNER}")));
    assert!(shows(&h, "Removed Buyer linkage from Supply-side support."));
}

#[test]
fn dragging_a_timeline_bar_moves_the_start_year_in_one_undo_step() {
    let mut h = window("teaching-case.json", DockTab::Plan);
    let label = "Training centre, Supply side, from year 2 to 15";
    let rect = h.get_by_label(label).rect();
    let year_width = {
        // The bar runs from year 2 to the end of year 15: 14 years.
        rect.width() / 14.0
    };
    let y = rect.center().y;
    let x0 = rect.left() + year_width / 2.0;
    h.drag_at(egui::pos2(x0, y));
    h.run();
    for k in 1..=4 {
        h.hover_at(egui::pos2(x0 + k as f32 * year_width, y));
        h.run();
    }
    h.drop_at(egui::pos2(x0 + 4.0 * year_width, y));
    h.run();
    let entry = &h.state().doc.preset().plans[0].entries[1];
    assert_eq!(entry.start_year, 6, "dragged four years later");
    assert!(shows(&h, "Training centre, Supply side, from year 6 to 15"));
    act(&mut h, DocAction::Undo.into());
    assert_eq!(h.state().doc.preset().plans[0].entries[1].start_year, 2);
    assert!(!h.state().doc.can_undo(), "the whole drag was one step");
}

#[test]
fn plans_are_added_duplicated_renamed_and_deleted() {
    let mut h = window("teaching-case.json", DockTab::Plan);
    assert_eq!(
        plan_names(h.state()),
        ["Buyer links first, training later", "Training only"]
    );

    // New: a name is proposed, selected, ready to be typed over, and checked
    // as it is typed.
    h.get_by_label("+ New plan").click();
    h.run();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Name");
    assert!(field.is_focused(), "the name field has the focus");
    field.type_text("training ONLY");
    h.run();
    assert!(
        matches!(&h.state().dialog, Some(Dialog::PlanName { text, .. }) if text == "training ONLY"),
        "{:?}",
        h.state().dialog
    );
    assert!(shows(&h, "\"training ONLY\" is used twice"));
    if let Some(Dialog::PlanName { text, .. }) = &mut h.state_mut().dialog {
        *text = "Fairs and buyers".into();
    }
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(plan_names(h.state())[2], "Fairs and buyers");
    assert_eq!(h.state().doc.active_plan(), Some(2), "a new plan is active");

    // Duplicate the first plan from its tab's context menu.
    h.get_by_label("Plan: Buyer links first, training later")
        .click_secondary();
    h.run();
    h.get_by_label("Duplicate…").click();
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let names = plan_names(h.state());
    assert_eq!(names[1], "Buyer links first, training later (copy)");
    assert_eq!(
        h.state().doc.preset().plans[1].entries,
        h.state().doc.preset().plans[0].entries
    );
    assert_eq!(h.state().doc.active_plan(), Some(1));

    // Rename it.
    act(
        &mut h,
        DialogAction::AskPlanName(cluster_workbench::app::action::NamePurpose::Rename(1)).into(),
    );
    if let Some(Dialog::PlanName { text, .. }) = &mut h.state_mut().dialog {
        *text = "Buyer links only".into();
    }
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(plan_names(h.state())[1], "Buyer links only");

    // Delete it: the next plan becomes active; undo brings it back.
    h.get_by_label("Plan: Buyer links only").click_secondary();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        plan_names(h.state()),
        [
            "Buyer links first, training later",
            "Training only",
            "Fairs and buyers"
        ]
    );
    assert_eq!(h.state().doc.active_plan(), Some(1));
    act(&mut h, DocAction::Undo.into());
    assert_eq!(plan_names(h.state())[1], "Buyer links only");
    for _ in 0..3 {
        act(&mut h, DocAction::Undo.into());
    }
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn switching_the_active_plan_moves_the_banner_and_matrix() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    assert!(shows(&h, BANNER));
    h.get_by_label("Plan: Supply-side support with buyer links")
        .click();
    h.run();
    let wb = h.state();
    assert_eq!(wb.doc.active_plan(), Some(1));
    assert!(!active_fires(wb, WarningId::SupplyWithoutDemand));
    assert!(!shows(&h, BANNER));
    assert!(!wb.doc.is_dirty(), "choosing a plan is not a change");
    assert!(!wb.doc.can_undo(), "nor an undo step");
    h.get_by_label("Plan: Supply-side support").click();
    h.run();
    assert!(shows(&h, BANNER));
}

#[test]
fn the_comparison_table_gives_each_plans_numbers_and_a_click_activates() {
    let mut h = window("teaching-case.json", DockTab::Compare);
    let e = h.state().doc.evaluation();
    let first = e.plans[0].outcome;
    assert_eq!(first.first_intermediate_year, Some(10));
    assert_eq!(first.total_cost, Some(450000.0));
    for text in [
        "No plan",
        "0.42 (intermediate)",
        "gain over no plan +0.21",
        "beyond basic from year 10",
        "total cost 450,000",
        &format!("gain per million {:.3}", first.gain_per_million.unwrap()),
        "0.21 (basic)",
        "total cost 400,000",
        "CRITICAL: Supply-side support without demand-led market links",
    ] {
        assert!(shows(&h, text), "the table lacks {text}");
    }
    // Each row is read as a sentence; Training only never leaves basic.
    let row = h.get_by_label_contains("Training only: capability 0.21 (basic)");
    let label = row.accesskit_node().label().unwrap_or_default();
    assert!(label.contains("beyond basic not reached"), "{label}");
    row.click();
    h.run();
    assert_eq!(h.state().doc.active_plan(), Some(1));
    assert!(shows(&h, BANNER));
}

#[test]
fn the_difference_view_writes_the_sign_and_the_band() {
    let mut h = window("teaching-case.json", DockTab::Capability);
    h.get_by_label("Difference").click();
    h.run();
    assert_eq!(h.state().settings.matrix_view, MatrixView::Difference);
    // I.b-B: 0.12 (none) without, 0.21 (weak) with the plan (Appendix A).
    assert!(shows(
        &h,
        "I.b local market × Training: change +0.09, none to weak"
    ));
    // II.c-B: 0.12 → 0.25375, none to weak.
    assert!(shows(
        &h,
        "II.c specialised suppliers × Training: change +0.13, none to weak"
    ));
}

#[test]
fn a_shorter_horizon_is_refused_naming_the_entry_in_the_way() {
    let mut h = window("teaching-case.json", DockTab::Plan);
    act(
        &mut h,
        Action::Document(DocAction::Edit {
            edit: Edit::SetStartYear {
                plan: 1,
                entry: 0,
                year: 12,
            },
            merge: false,
        }),
    );
    act(
        &mut h,
        Action::Document(DocAction::Edit {
            edit: Edit::SetHorizon(10),
            merge: false,
        }),
    );
    let wb = h.state();
    assert_eq!(wb.doc.preset().horizon_years, 15, "nothing changed");
    let Some(Dialog::Error { title, message }) = &wb.dialog else {
        panic!("no message: {:?}", wb.dialog)
    };
    assert!(title.contains("not made"), "{title}");
    assert!(
        message.contains("Training centre in plan \"Training only\" starts in year 12"),
        "{message}"
    );
}

#[test]
fn a_custom_intervention_is_added_through_its_form() {
    let mut h = window("teaching-case.json", DockTab::Plan);
    h.get_by_label("+ Custom intervention…").click();
    h.run();
    assert!(shows(&h, "a custom intervention needs a name"));
    let field = h.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    field.type_text("Design clinic");
    h.run();
    assert!(shows(&h, "needs at least one effect"));
    if let Some(Dialog::Custom(draft)) = &mut h.state_mut().dialog {
        draft.effects[cluster_workbench::attribute::Attribute::KnowledgeFora.index()] = 0.2;
        draft.start_year = 3;
    }
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let entries = &h.state().doc.preset().plans[0].entries;
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[2].start_year, 3);
    assert!(shows(&h, "Design clinic, Supply side, from year 3 to 15"));
}

#[test]
fn a_version_1_file_opens_clean_and_says_it_will_be_saved_as_version_3() {
    let v1 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-teaching-case.json");
    let mut h = harness(Some(Location::File(v1)));
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
    let wb = h.state();
    assert_eq!(plan_names(wb), ["Plan"]);
    assert!(!wb.doc.is_dirty());
    assert!(shows(&h, "saving writes version 3"));
}

#[test]
fn the_entry_editor_changes_intensity_and_order_within_a_year() {
    let mut h = window("supply-side-only.json", DockTab::Plan);
    h.get_by_label("Strengthen the association, Supply side, from year 0 to 15")
        .click();
    h.run();
    assert_eq!(h.state().view.selected_entry, Some(1));
    h.get_by_role_and_label(Role::Slider, "Intensity")
        .set_value_accesskit(0.5);
    h.run();
    let entry = &h.state().doc.preset().plans[0].entries[1];
    assert_eq!(entry.intensity, Some(0.5));
    assert_eq!(entry.cost, Some(150000.0), "the cost belongs to the entry");
    h.get_by_label("Apply earlier").click();
    h.run();
    let plan = &h.state().doc.preset().plans[0];
    assert_eq!(plan.entries[0].intensity, Some(0.5), "now applied first");
    assert_eq!(h.state().view.selected_entry, Some(0));
    // On a small screen the inspector scrolls, as a user would scroll it.
    h.get_by_label("Remove from the plan").scroll_to_me();
    h.run();
    h.get_by_label("Remove from the plan").click();
    h.run();
    assert_eq!(h.state().doc.preset().plans[0].entries.len(), 1);
}

#[test]
fn typing_a_horizon_takes_effect_once_the_number_is_complete() {
    let mut h = window("teaching-case.json", DockTab::Plan);
    let field = h.get_by_label("Horizon");
    field.focus();
    h.run();
    let field = h.get_by_label("Horizon");
    field.type_text("12");
    h.run();
    // Nothing yet: "1" on the way to "12" would be refused (an entry starts
    // in year 2) and must not be tried.
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert_eq!(h.state().doc.preset().horizon_years, 15);
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert_eq!(h.state().doc.preset().horizon_years, 12);
    act(&mut h, DocAction::Undo.into());
    assert_eq!(h.state().doc.preset().horizon_years, 15, "one step");
}
