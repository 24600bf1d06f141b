//! Plain words in the window (issue 21, items 3 and 4): the cell pane reads
//! its driver as a sentence, the difference view says what happens to a
//! cell's band, the uncertainty control says what it is, the glossary opens
//! from the Help menu, Show me opens the folded groups it outlines in, and
//! the lever ranking marks what the plan has already.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{act, settle, settled_window as window, shows};

use cluster_workbench::app::action::{Action, DockTab, MatrixView, ViewAction};
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::warnings::WarningId;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn the_cell_pane_reads_its_driver_in_words() {
    let mut h = window("teaching-case.json", DockTab::Capability);
    act(
        &mut h,
        ViewAction::SelectCell(cell_index(Mechanism::IIc, Effort::C)).into(),
    );
    assert!(shows(
        &h,
        "Driven by (in the model): the stronger of public support and specialised suppliers"
    ));
    assert!(!shows(&h, "max("));
    assert!(!shows(&h, "specialised_suppliers"));
}

#[test]
fn the_difference_view_says_what_happens_to_each_band() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    act(
        &mut h,
        ViewAction::SetMatrixView(MatrixView::Difference).into(),
    );
    let changes = h.state().doc.evaluation().changes(Some(0)).unwrap().clone();
    let mut same = 0;
    let mut moved = 0;
    for (i, c) in changes.cells.iter().enumerate() {
        let cell = cluster_workbench::mechanism::cells()[i];
        let name = cluster_workbench::words::cell_name(&h.state().model, cell);
        let needle = format!("{name}: change ");
        let node = h.get_by_label_contains(&needle);
        let label = node.accesskit_node().label().unwrap_or_default().to_owned();
        if c.from == c.to {
            assert!(label.contains(", still "), "{label}");
            same += 1;
        } else {
            assert!(label.contains(" to "), "{label}");
            moved += 1;
        }
    }
    // The supply-side plan leaves most cells in their band.
    assert!(same > 20, "{same} cells kept their band");
    assert_eq!(same + moved, 32);
}

#[test]
fn the_uncertainty_control_says_what_it_is() {
    let h = window("supply-side-only.json", DockTab::Capability);
    let field = h.get_by_role_and_label(Role::SpinButton, "Uncertainty of Market dynamism");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("±0.00"));
    // What ± means is said once, above the values.
    assert!(shows(
        &h,
        "The ± beside a value is how uncertain you take it to be."
    ));
}

#[test]
fn a_term_of_the_paper_is_one_hover_away() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    assert!(!shows(&h, "The paper's summary table"));
    h.get_by_label("WHICH MECHANISMS COME INTO PLAY (Table 1)")
        .hover();
    h.run();
    h.run();
    assert!(shows(&h, "The paper's summary table"));
    assert!(shows(&h, "Caniëls & Romijn (2001), §4.3, Table 1:"));
}

#[test]
fn help_opens_the_glossary() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    assert!(!shows(&h, "The model's own term, not the paper's."));
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Glossary").click();
    h.run();
    assert!(h.state().view.glossary_open);
    for needle in [
        "lumpy projects",
        "'V.labour' is the workbench's name",
        "Caniëls & Romijn (2001), §4.2: “trade journals, meetings, trade fairs",
        "The model's own term, not the paper's.",
    ] {
        assert!(shows(&h, needle), "the glossary lacks {needle}");
    }
}

#[test]
fn show_me_opens_the_folded_groups_it_outlines_in() {
    let mut h = window("supply-side-only.json", DockTab::Capability);
    // Public support and exposure to ideas sit in folded groups.
    assert!(
        h.query_by_role_and_label(Role::Slider, "Public support")
            .is_none()
    );
    assert!(
        h.query_by_role_and_label(Role::Slider, "Exposure to ideas")
            .is_none()
    );
    act(&mut h, ViewAction::ToggleShowMe(WarningId::LockIn).into());
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Slider, "Public support")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::Slider, "Exposure to ideas")
            .is_some()
    );
    // A group the warning names nothing in stays folded.
    assert!(
        h.query_by_role_and_label(Role::Slider, "Cluster size")
            .is_none()
    );
}

#[test]
fn the_ranking_marks_what_the_plan_has_already() {
    let mut h = window("supply-side-only.json", DockTab::Levers);
    // The plan has a training centre and a stronger association.
    assert_eq!(h.query_all_by_label("in the plan").count(), 2);
    assert!(!shows(&h, "Buyer linkage is already in this plan"));
    act(&mut h, Action::add_intervention(0, "buyer_linkage"));
    settle(&mut h);
    assert_eq!(h.query_all_by_label("in the plan").count(), 3);
    let levers = &h.state().analysis().0.unwrap().levers;
    let top = &h.state().model.catalogue[levers.interventions[0].index];
    assert_eq!(top.id, "buyer_linkage");
    assert!(shows(&h, "Buyer linkage is already in this plan"));
}
