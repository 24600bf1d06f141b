//! The dock under the matrix: one view at a time, chosen by tabs. The
//! capability chart, the active plan's editor (timeline and entry), and the
//! plans compared.

use super::{State, compare, entry, timeline, trajectory};
use crate::app::action::{Action, DockTab, NamePurpose};
use crate::text::texts;
use egui::{RichText, ScrollArea, Ui};

/// The least height the dock is given.
pub const MIN_HEIGHT: f32 = 220.0;

/// The tabs with their labels.
fn tabs() -> [(DockTab, &'static str); 3] {
    let t = texts();
    [
        (DockTab::Capability, t.dock_capability),
        (DockTab::Plan, t.dock_plan),
        (DockTab::Compare, t.dock_compare),
    ]
}

/// Draws the dock.
pub fn dock(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for (tab, label) in tabs() {
            let selected = s.settings.dock == tab;
            let text = RichText::new(label).strong();
            if ui.selectable_label(selected, text).clicked() && !selected {
                out.push(Action::SetDockTab(tab));
            }
        }
    });
    ui.separator();
    let height = ui.available_height();
    match s.settings.dock {
        DockTab::Capability => trajectory::panel(ui, s, height, out),
        DockTab::Plan => editor(ui, s, out),
        DockTab::Compare => {
            ScrollArea::both()
                .id_salt("compare-scroll")
                .show(ui, |ui| compare::table(ui, s, out));
        }
    }
}

/// The active plan's editor: a header with the plan's commands and the
/// horizon, the timeline on the left, the selected entry on the right.
fn editor(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let Some((index, plan)) = s.active() else {
        ui.label(RichText::new(t.plans_none).weak());
        if ui.button(t.new_plan).clicked() {
            out.push(Action::AskPlanName(NamePurpose::New));
        }
        return;
    };
    entry::header(ui, s, index, plan, out);
    ui.add_space(2.0);
    let width = ui.available_width();
    let side = (width * 0.38).clamp(260.0, 420.0);
    ui.horizontal_top(|ui| {
        let height = ui.available_height();
        ui.allocate_ui(egui::vec2(width - side - 12.0, height), |ui| {
            ScrollArea::vertical()
                .id_salt("timeline-scroll")
                .show(ui, |ui| timeline::timeline(ui, s, index, plan, out));
        });
        ui.separator();
        ui.allocate_ui(egui::vec2(side, height), |ui| {
            ScrollArea::vertical()
                .id_salt("entry-scroll")
                .show(ui, |ui| entry::inspector(ui, s, index, plan, out));
        });
    });
}
