//! The window driven headlessly through egui_kittest: real app state, real
//! widgets found by role and label, real clicks and keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{act, finish_files, harness, shows};

use cluster_workbench::app::action::{Action, DocAction, FileAction};
use cluster_workbench::app::{Dialog, Workbench};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::cells::Band;
use cluster_workbench::evaluation::Scenario;
use cluster_workbench::location::Location;
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::warnings::{Warning, WarningId};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(name)
}

/// The window at 1280×800 showing a shipped preset.
fn window(built_in: &str) -> Harness<'static, Workbench> {
    let mut h = harness(Some(Location::BuiltIn(built_in.into())));
    h.run();
    h
}

fn set_slider(h: &mut Harness<'static, Workbench>, name: &str, value: f64) {
    h.get_by_role_and_label(Role::Slider, name)
        .set_value_accesskit(value);
    h.run();
}

/// The scenario the window shows: the active plan's.
fn active(wb: &Workbench) -> &Scenario {
    wb.doc.evaluation().scenario(wb.doc.active_plan())
}

/// The warnings the window shows: the active plan's.
fn active_warnings(wb: &Workbench) -> &[Warning] {
    wb.doc.evaluation().warnings(wb.doc.active_plan())
}

fn fires(h: &Harness<'static, Workbench>, id: WarningId) -> bool {
    active_warnings(h.state()).iter().any(|w| w.id == id)
}

#[test]
fn a_slider_move_changes_a_cell_band() {
    let mut h = window("supply-side-only.json");
    let i = cell_index(Mechanism::Ib, Effort::A).unwrap();
    assert_eq!(active(h.state()).cells[i].band, Band::None);
    assert!(shows(&h, "I.b local market × Hiring: none"));

    set_slider(&mut h, "Demand for improvement", 0.9);
    let wb = h.state();
    assert_eq!(
        wb.doc.preset().attributes[Attribute::DemandForImprovement],
        0.9
    );
    // cluster size 0.4 × demand 0.9 = 0.36: weak.
    assert_eq!(active(wb).cells[i].band, Band::Weak);
    assert!(shows(&h, "I.b local market × Hiring: weak, 0.36"));
    assert!(!shows(&h, "I.b local market × Hiring: none"));
    assert!(wb.title().contains(" *"), "{}", wb.title());
}

#[test]
fn loading_a_preset_shows_its_warnings() {
    let mut h = window("teaching-case.json");
    assert!(active_warnings(h.state()).is_empty());
    assert!(!shows(
        &h,
        "Supply-side support without demand-led market links"
    ));

    // Through the menu, as a user would: File → Teaching examples → the preset.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Teaching examples").hover();
    h.run();
    h.get_by_label("Supply-side support in a stagnant cluster")
        .click();
    h.run();
    assert_eq!(
        h.state().doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
    assert!(fires(&h, WarningId::SupplyWithoutDemand));
    assert!(shows(
        &h,
        "Supply-side support without demand-led market links"
    ));
    assert!(shows(&h, "years 0–15"));
    assert!(shows(&h, "Lock-in"));
    assert!(
        h.query_by_label_contains("Tendler & Amorim (1996)")
            .is_some()
    );
}

#[test]
fn raising_external_buyers_and_market_dynamism_clears_the_banner() {
    let mut h = window("supply-side-only.json");
    let banner = "Supply-side support without demand-led market links";
    assert!(shows(&h, banner));
    set_slider(&mut h, "External buyers", 0.3);
    assert!(shows(&h, banner), "pull 0.3 is still below 0.4");
    set_slider(&mut h, "Market dynamism", 0.5);
    assert!(!fires(&h, WarningId::SupplyWithoutDemand));
    // The strip stays, calm; a passing notice names the warning cleared.
    let in_strip = format!("Critical: {banner}");
    assert!(!shows(&h, &in_strip));
    assert!(shows(&h, "No critical warning for this plan"));
    assert!(shows(&h, &format!("No longer warned: {banner}")));
    // And back: the banner returns as soon as the pull drops again.
    set_slider(&mut h, "Market dynamism", 0.2);
    assert!(shows(&h, &in_strip));
    assert!(shows(&h, &format!("Now warned: {banner}")));
}

#[test]
fn show_me_outlines_the_levers_and_why_explains() {
    let mut h = window("supply-side-only.json");
    let banner = "Supply-side support without demand-led market links";
    h.get_by_label(&format!("Why? — {banner}")).click();
    h.run();
    assert_eq!(h.state().view.why_open, [WarningId::SupplyWithoutDemand]);
    assert!(
        h.query_by_label_contains("much more difficult to create dynamic clusters")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("(Tendler & Amorim 1996)")
            .is_some()
    );
    h.get_by_label(&format!("Show me — {banner}")).click();
    h.run();
    assert_eq!(h.state().view.show_me, Some(WarningId::SupplyWithoutDemand));
    assert!(shows(
        &h,
        "the attributes whose change could clear this warning"
    ));
    // Each warning has its own: Show me on the lock-in card outlines what
    // the model names for lock-in instead.
    let lock_in = "Show me — Lock-in: a cluster in the basic stage without external inputs";
    h.get_by_label(lock_in).scroll_to_me();
    h.run();
    h.get_by_label(lock_in).click();
    h.run();
    assert_eq!(h.state().view.show_me, Some(WarningId::LockIn));
    let named = &h.state().model.warning(WarningId::LockIn).show_me;
    assert!(named.contains(&Attribute::KnowledgeFora), "{named:?}");
    // The banner's explanation stays open: its own state.
    assert_eq!(h.state().view.why_open, [WarningId::SupplyWithoutDemand]);
}

#[test]
fn undo_and_redo_restore_edits() {
    let mut h = window("teaching-case.json");
    let before = h.state().doc.preset().clone();
    set_slider(&mut h, "Associations", 0.9);
    set_slider(&mut h, "External buyers", 0.7);
    assert!(h.state().doc.is_dirty());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::ExternalBuyers],
        0.1
    );
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::Associations],
        0.9
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc.preset(), &before);
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().title().contains('*'));

    // Ctrl+Shift+Z redoes (and is not taken for undo), so does Ctrl+Y.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::Associations],
        0.9
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::ExternalBuyers],
        0.7
    );
}

#[test]
fn one_slider_drag_is_one_undo_step() {
    let mut h = window("teaching-case.json");
    let before = h.state().doc.preset().attributes[Attribute::ClusterSize];
    let open = h.get_by_label("Cluster structure");
    open.click();
    h.run();
    let rect = h.get_by_role_and_label(Role::Slider, "Cluster size").rect();
    let y = rect.center().y;
    h.drag_at(egui::pos2(rect.left() + rect.width() * before as f32, y));
    h.run();
    for x in [0.7, 0.8, 0.9] {
        h.hover_at(egui::pos2(rect.left() + rect.width() * x, y));
        h.run();
    }
    h.drop_at(egui::pos2(rect.left() + rect.width() * 0.9, y));
    h.run();
    let after = h.state().doc.preset().attributes[Attribute::ClusterSize];
    assert!(after > 0.8, "the drag moved the slider: {after}");
    act(&mut h, DocAction::Undo.into());
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::ClusterSize],
        before
    );
    assert!(!h.state().doc.can_undo(), "the whole drag was one step");
}

#[test]
fn a_bad_file_leaves_the_state_unchanged() {
    let mut h = window("teaching-case.json");
    set_slider(&mut h, "Associations", 0.8);
    let before = h.state().doc.preset().clone();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    let text = std::fs::read_to_string(shipped("teaching-case.json"))
        .unwrap()
        .replace("\"start_year\": 2", "\"start_year\": 99");
    std::fs::write(&bad, text).unwrap();

    // Confirm discarding the edit, then the file is refused.
    act(&mut h, FileAction::OpenPath(bad.clone()).into());
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    h.get_by_label("Discard changes").click();
    h.run();
    finish_files(&mut h);
    let wb = h.state();
    assert_eq!(wb.doc.preset(), &before, "what was open stays as it was");
    assert!(wb.doc.is_dirty());
    let Some(Dialog::Error { title, message }) = &wb.dialog else {
        panic!("no error shown: {:?}", wb.dialog)
    };
    assert!(title.contains("broken.json"), "{title}");
    assert!(
        message.contains("plans[0].interventions[1].start_year: 99 is outside 0..=15"),
        "{message}"
    );
    assert!(shows(&h, "plans[0].interventions[1].start_year"));
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog.is_none());
}

#[test]
fn a_rejected_file_on_the_command_line_gives_an_untitled_cluster_and_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("not-ours.json");
    std::fs::write(&bad, "{\"type\": \"FeatureCollection\"}").unwrap();
    let mut h = harness(Some(Location::File(bad)));
    finish_files(&mut h);
    assert_eq!(h.state().doc.preset().name, "Untitled cluster");
    assert!(shows(&h, "not a Cluster Workbench preset"));
}

#[test]
fn clicking_a_cell_keeps_its_explanation() {
    let mut h = window("teaching-case.json");
    assert!(shows(&h, "Click a cell of the matrix"));
    h.get_by_label_contains("II.b lumpy projects × Training:")
        .click();
    h.run();
    assert_eq!(
        h.state().view.selected,
        cell_index(Mechanism::IIb, Effort::B)
    );
    for needle in [
        "II.b × B",
        "Inducement",
        "Driven by (in the model): the weakest of associations, the learning focus of cooperation",
        "In the model, limited by",
        "SIMA",
        "Documented",
    ] {
        assert!(shows(&h, needle), "detail lacks {needle}");
    }
}

#[test]
fn save_writes_the_canonical_file_and_clears_the_star() {
    let mut h = window("teaching-case.json");
    set_slider(&mut h, "Associations", 0.75);
    assert!(h.state().title().contains('*'));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    act(&mut h, FileAction::SaveTo(path.clone()).into());
    finish_files(&mut h);
    let wb = h.state();
    assert!(!wb.doc.is_dirty());
    assert!(!wb.title().contains('*'));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, wb.doc.preset().to_canonical_json());
    assert!(text.contains("\"associations\": 0.75"));
    assert_eq!(wb.settings.recent.first(), Some(&path));
    // Ctrl+S now writes to the same file.
    set_slider(&mut h, "Associations", 0.7);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    finish_files(&mut h);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"associations\": 0.7,")
    );
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn new_asks_before_discarding_and_cancel_keeps_the_edit() {
    let mut h = window("teaching-case.json");
    set_slider(&mut h, "Associations", 0.9);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(shows(&h, "has changes that are not saved"));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().doc.preset().attributes[Attribute::Associations],
        0.9
    );
    act(&mut h, FileAction::New.into());
    h.get_by_label("Discard changes").click();
    h.run();
    let wb = h.state();
    assert_eq!(wb.doc.preset().name, "Untitled cluster");
    assert_eq!(wb.doc.preset().attributes, wb.model.new_preset_attributes);
    assert!(!wb.doc.is_dirty());
}

#[test]
fn the_about_view_gives_the_citation_and_caveats() {
    let mut h = window("teaching-case.json");
    h.get_by_label("About the model").click();
    h.run();
    assert!(shows(&h, "Working Paper 01.05"));
    assert!(shows(&h, "not why some regions become learning-rich"));
    assert!(shows(&h, "Industries differ"));
}

#[test]
fn a_typed_path_opens_a_preset_where_no_dialog_is_available() {
    let mut h = window("teaching-case.json");
    act(&mut h, FileAction::OpenPathPrompt.into());
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    field.type_text(shipped("supply-side-only.json").to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    finish_files(&mut h);
    let wb = h.state();
    assert_eq!(
        wb.doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
    assert!(!wb.doc.is_dirty());
    assert_eq!(
        wb.settings.recent.first(),
        Some(&shipped("supply-side-only.json"))
    );
    assert!(h.state().dialog.is_none());
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut h = window("teaching-case.json");
    set_slider(&mut h, "Associations", 0.9);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(matches!(
        &h.state().dialog,
        Some(Dialog::Unsaved { then }) if **then == Action::File(FileAction::Quit)
    ));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert!(h.state().doc.is_dirty(), "cancel keeps the work");
}
