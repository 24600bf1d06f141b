//! A next step and a confirmation (issue 21, item 4), driven through
//! egui_kittest as a user would: the strip's advice and its button to the
//! levers, a new plan opening in the plan editor, a passing notice of what an
//! edit did, and a dialog that keeps what was typed when clicked beside.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{click, shows, window};

use cluster_workbench::app::Dialog;
use cluster_workbench::app::action::{DockTab, NamePurpose};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

const CRITICAL: &str = "Supply-side support without demand-led market links";

#[test]
fn the_strip_says_what_to_do_and_opens_the_levers() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    // The advice's first sentence, without Why?; the rest waits behind it.
    let first = "What to do: At the same time as any supply-side support, connect \
                 producers to more dynamic market channels: a demand-side lever (buyer \
                 linkage, export standards push, public procurement) or higher market \
                 dynamism or external buyers.";
    assert!(h.query_by_label(first).is_some(), "the advice in one line");
    assert!(h.state().view.why_open.is_empty());
    click(&mut h, &format!("See which lever binds — {CRITICAL}"));
    assert_eq!(h.state().settings.dock, DockTab::Levers);
}

#[test]
fn a_new_plan_opens_in_the_plan_editor() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    click(&mut h, "+ New plan");
    click(&mut h, "OK");
    assert_eq!(h.state().doc.preset().plans.len(), 3);
    assert_eq!(h.state().settings.dock, DockTab::Plan);
}

#[test]
fn an_edit_is_confirmed_by_a_notice_that_passes() {
    let mut h = window("supply-side-only.json", DockTab::Plan);
    click(&mut h, "+ Add intervention");
    h.get_by_label_contains("Buyer linkage").click();
    h.run();
    assert!(shows(&h, "Added Buyer linkage to Supply-side support."));
    assert!(shows(&h, &format!("No longer warned: {CRITICAL}")));
    // Some seconds later on the window's clock (a quarter second a frame
    // here), it has faded and gone.
    h.run_steps(24);
    assert_eq!(h.state().view.toast, None);
    assert!(!shows(&h, "Added Buyer linkage"));

    click(&mut h, "Remove from the plan");
    assert!(shows(&h, "Removed Buyer linkage from Supply-side support."));
    assert!(shows(&h, &format!("Now warned: {CRITICAL}")));
}

#[test]
fn a_click_beside_the_new_plan_dialog_keeps_what_was_typed() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    click(&mut h, "+ New plan");
    let field = h.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    field.type_text("Trade fairs first");
    h.run();
    let typed = match &h.state().dialog {
        Some(Dialog::PlanName { text, .. }) => text.clone(),
        other => panic!("the dialog is {other:?}"),
    };
    assert!(typed.ends_with("Trade fairs first"), "{typed:?}");
    let beside = egui::pos2(20.0, 780.0);
    h.event(egui::Event::PointerMoved(beside));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: beside,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    h.run();
    assert_eq!(
        h.state().dialog,
        Some(Dialog::PlanName {
            purpose: NamePurpose::New,
            text: typed.clone()
        }),
        "still open, with what was typed"
    );
    click(&mut h, "OK");
    let plans = &h.state().doc.preset().plans;
    assert_eq!(plans[plans.len() - 1].name, typed);
}
