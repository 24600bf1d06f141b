//! Usable without a mouse and without sight (issue 12): what the
//! accessibility tree says (names in words, descriptions), and the main
//! flows done from the keyboard alone: focus moved as a screen reader moves
//! it, then keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, key, opened};

use cluster_workbench::app::Dialog;
use cluster_workbench::app::action::DockTab;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::export::trajectories::trajectories_table;
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::text::num;
use cluster_workbench::words::{band_word, cell_name};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// The name a listener hears for a cell, from the evaluation.
fn cell_spoken(h: &Window, m: Mechanism, e: Effort) -> String {
    let wb = h.state();
    let i = cell_index(m, e).unwrap();
    let c = &wb.doc.evaluation().scenario(wb.doc.active_plan()).cells[i];
    format!(
        "{}: {}, {}",
        cell_name(&wb.model, c.cell),
        band_word(c.band),
        num(c.strength)
    )
}

fn is_focused(h: &Window, label: &str) -> bool {
    h.get_by_label(label).is_focused()
}

#[test]
fn cells_are_named_in_words_with_what_limits_them() {
    let h = opened("teaching-case.json");
    let name = cell_spoken(&h, Mechanism::Ia, Effort::A);
    assert!(name.starts_with("I.a cost savings × Hiring: "), "{name}");
    let node = h.get_by_label(&name);
    assert_eq!(node.accesskit_node().role(), Role::Button);
    let description = node.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("In the model, limited by"),
        "{description}"
    );
    assert!(
        description.contains("Driven by"),
        "the driver: {description}"
    );
    assert!(
        description.contains("× driver"),
        "the strength it gives: {description}"
    );
    // Every one of the 32 cells has its name.
    for m in Mechanism::ALL {
        for e in Effort::ALL {
            if cell_index(m, e).is_some() {
                h.get_by_label(&cell_spoken(&h, m, e));
            }
        }
    }
}

#[test]
fn arrow_keys_move_through_the_matrix_and_enter_explains_a_cell() {
    let mut h = opened("teaching-case.json");
    let start = cell_spoken(&h, Mechanism::Ib, Effort::A);
    h.get_by_label(&start).focus();
    h.run();
    assert!(is_focused(&h, &start));
    // Down the Hiring column: II.a and II.b have no Hiring cell.
    key(&mut h, Key::ArrowDown);
    assert!(is_focused(&h, &cell_spoken(&h, Mechanism::IIc, Effort::A)));
    key(&mut h, Key::ArrowRight);
    let here = cell_spoken(&h, Mechanism::IIc, Effort::B);
    assert!(is_focused(&h, &here));
    key(&mut h, Key::ArrowUp);
    let here = cell_spoken(&h, Mechanism::IIb, Effort::B);
    assert!(is_focused(&h, &here));
    // At the edge of the row the focus stays.
    key(&mut h, Key::ArrowLeft);
    assert!(is_focused(&h, &here));
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state().view.selected,
        cell_index(Mechanism::IIb, Effort::B)
    );
    // The explanation is in the detail pane, readable as text.
    let what = h
        .state()
        .model
        .mechanism_info(Mechanism::IIb)
        .description
        .clone();
    assert!(h.query_by_label_contains(&what).is_some(), "{what}");
}

#[test]
fn a_warning_reads_as_severity_title_and_message() {
    let h = opened("supply-side-only.json");
    let node = h.get_by_label("Critical: Supply-side support without demand-led market links");
    let description = node.accesskit_node().description().unwrap_or_default();
    assert!(description.contains("stagnant markets"), "{description}");
    // The cards on the right too.
    assert!(
        h.query_by_label("Warning: No demand for technical improvement")
            .is_some()
    );
}

#[test]
fn the_chart_says_what_it_shows_and_copies_as_a_table() {
    let mut h = opened("supply-side-only.json");
    let node = h.get_by_role_and_label(Role::Image, "Capability over time");
    let description = node.accesskit_node().description().unwrap_or_default();
    let wb = h.state();
    let e = wb.doc.evaluation();
    let with = format!(
        "Supply-side support: {}",
        num(e.plans[0].outcome.capability)
    );
    assert!(
        description.contains("capability by year 15"),
        "{description}"
    );
    assert!(description.contains(&with), "{description} / {with}");
    assert!(description.contains("No plan: "), "{description}");

    // The key alone, in one frame, so that frame's output is the one read.
    h.event(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
    });
    h.step();
    let copied = common_window::copied(&h);
    assert_eq!(copied.len(), 1, "{copied:?}");
    let wb = h.state();
    let table = trajectories_table(wb.doc.preset(), wb.doc.evaluation(), b'\t').unwrap();
    assert_eq!(
        copied[0].as_bytes(),
        &table[..],
        "the chart's numbers, tab-separated"
    );
    let lines: Vec<&str> = copied[0].lines().collect();
    assert!(
        lines[0].starts_with("year\tNo plan\tSupply-side support"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 16, "a header and a row a year, 0 to 15");
}

#[test]
fn a_folded_attribute_is_set_from_the_keyboard() {
    let mut h = opened("teaching-case.json");
    let before = h.state().doc.preset().attributes[Attribute::SkilledLabour];
    h.get_by_label("Skills and knowledge").focus();
    h.run();
    key(&mut h, Key::Enter);
    let slider = h.get_by_role_and_label(Role::Slider, "Skilled labour");
    slider.focus();
    h.run();
    key(&mut h, Key::ArrowRight);
    key(&mut h, Key::ArrowRight);
    let after = h.state().doc.preset().attributes[Attribute::SkilledLabour];
    assert!((after - (before + 0.02)).abs() < 1e-9, "{before} → {after}");
    key(&mut h, Key::ArrowLeft);
    let after = h.state().doc.preset().attributes[Attribute::SkilledLabour];
    assert!((after - (before + 0.01)).abs() < 1e-9, "{before} → {after}");
    // A screen reader's increment moves it by the same hundredth.
    h.get_by_role_and_label(Role::Slider, "Skilled labour")
        .increment_accesskit();
    h.run();
    let after = h.state().doc.preset().attributes[Attribute::SkilledLabour];
    assert!((after - (before + 0.02)).abs() < 1e-9, "{before} → {after}");
}

#[test]
fn plans_switch_and_interventions_come_and_go_from_the_keyboard() {
    let mut h = opened("supply-side-only.json");
    h.get_by_label("Plan: Supply-side support with buyer links")
        .focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc.active_plan(), Some(1));

    // The plan editor, then the catalogue, from the keyboard.
    h.get_by_label("Plan editor").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().settings.dock, DockTab::Plan);
    let entries = h.state().doc.preset().plans[1].entries.len();
    h.get_by_label("+ Add intervention").focus();
    h.run();
    key(&mut h, Key::Enter);
    h.get_by_label_contains("Export standards push").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc.preset().plans[1].entries.len(), entries + 1);

    // A bar of the timeline, then Remove.
    h.get_by_label_contains("Export standards push, Demand side")
        .focus();
    h.run();
    key(&mut h, Key::Enter);
    assert!(h.state().view.selected_entry.is_some());
    h.get_by_label("Remove from the plan").scroll_to_me();
    h.run();
    h.get_by_label("Remove from the plan").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().doc.preset().plans[1].entries.len(), entries);
}

#[test]
fn a_file_is_saved_and_opened_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.json");
    let mut h = opened("teaching-case.json");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::PathPrompt { .. })));
    // The path field has the keyboard at once.
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path.to_str().unwrap());
    h.run();
    key(&mut h, Key::Enter);
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
    assert!(path.exists(), "saved");

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().doc.preset().name, "Untitled cluster");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path.to_str().unwrap());
    h.run();
    key(&mut h, Key::Enter);
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
    assert_eq!(
        h.state().doc.preset().name,
        "Teaching case: buyer links for a stagnant cluster"
    );
    assert_eq!(
        h.state().doc.origin(),
        &cluster_workbench::location::Location::File(path)
    );
}

#[test]
fn two_arrows_in_one_frame_move_two_cells_and_enter_keeps_the_explanation() {
    let mut h = opened("teaching-case.json");
    let start = cell_spoken(&h, Mechanism::Ib, Effort::A);
    h.get_by_label(&start).focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    h.run();
    let here = cell_spoken(&h, Mechanism::III, Effort::A);
    assert!(
        is_focused(&h, &here),
        "I.b → II.c → III down the Hiring column"
    );
    key(&mut h, Key::Enter);
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state().view.selected,
        cell_index(Mechanism::III, Effort::A),
        "a second Enter keeps it"
    );
}

#[test]
fn tab_leaves_the_matrix_and_shift_tab_comes_back() {
    let mut h = opened("teaching-case.json");
    let start = cell_spoken(&h, Mechanism::Vb, Effort::D);
    h.get_by_label(&start).focus();
    h.run();
    key(&mut h, Key::Tab);
    assert!(!is_focused(&h, &start));
    assert!(h.ctx.memory(|m| m.focused().is_some()), "the focus went on");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert!(is_focused(&h, &start));
}
