//! The dock under the matrix: one view at a time, chosen by tabs. The
//! capability chart, the active plan's editor (timeline and entry), the
//! plans compared, the levers, and the selected entry's results chain.

use super::{State, chain, compare, entry, levers, timeline, trajectory};
use crate::app::action::{Action, DialogAction, DockTab, NamePurpose, ViewAction};
use crate::text::texts;
use egui::{CentralPanel, Panel, RichText, ScrollArea, Ui};

/// The least height the dock is given.
pub const MIN_HEIGHT: f32 = 220.0;

/// The tabs with their labels.
fn tabs() -> [(DockTab, &'static str); 5] {
    let t = texts();
    [
        (DockTab::Capability, t.dock_capability),
        (DockTab::Plan, t.dock_plan),
        (DockTab::Compare, t.dock_compare),
        (DockTab::Levers, t.dock_levers),
        (DockTab::Chain, t.dock_chain),
    ]
}

/// The share of the height the dock may take, from least to most.
const SHARE: std::ops::RangeInclusive<f32> = 0.2..=0.75;

/// The dock's share of the height, within bounds (a settings file may say
/// anything).
pub fn share(remembered: f32) -> f32 {
    if remembered.is_finite() {
        remembered.clamp(*SHARE.start(), *SHARE.end())
    } else {
        *SHARE.start()
    }
}

/// Draws the dock; `area` is the space it shares with the matrix.
pub fn dock(ui: &mut Ui, s: &State, area: egui::Rect, out: &mut Vec<Action>) {
    resize_handle(ui, share(s.settings.dock_share), area, out);
    ui.horizontal(|ui| {
        for (tab, label) in tabs() {
            let selected = s.settings.dock == tab;
            let text = RichText::new(label).strong();
            if ui.selectable_label(selected, text).clicked() && !selected {
                out.push(ViewAction::SetDockTab(tab).into());
            }
        }
    });
    ui.separator();
    let height = ui.available_height();
    match s.settings.dock {
        // The chart fits itself to the height; on a very small window the
        // dock scrolls rather than spill over the matrix.
        DockTab::Capability => {
            ScrollArea::vertical()
                .id_salt("capability-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| trajectory::panel(ui, s, height, out));
        }
        DockTab::Plan => editor(ui, s, out),
        DockTab::Compare => {
            ScrollArea::both()
                .id_salt("compare-scroll")
                .show(ui, |ui| compare::table(ui, s, out));
        }
        DockTab::Levers => levers::panel(ui, s, out),
        DockTab::Chain => chain::panel(ui, s, out),
    }
}

/// The dock's top edge: dragging it sets the dock's share of the height
/// (`share` now).
fn resize_handle(ui: &mut Ui, share: f32, area: egui::Rect, out: &mut Vec<Action>) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 6.0), egui::Sense::drag());
    let response = response.on_hover_cursor(egui::CursorIcon::ResizeVertical);
    name_handle(ui, &response, share);
    let stroke = if response.hovered() || response.dragged() {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter().hline(rect.x_range(), rect.center().y, stroke);
    if response.dragged()
        && let Some(p) = response.interact_pointer_pos()
    {
        let dragged = ((area.bottom() - p.y) / area.height()).clamp(*SHARE.start(), *SHARE.end());
        out.push(ViewAction::SetDockShare(dragged).into());
    }
}

/// Names the handle for a screen reader as egui names its panels' edges: a
/// splitter, lying across the window, whose value is the dock's share of the
/// height (between the least and the most it may take).
fn name_handle(ui: &Ui, response: &egui::Response, share: f32) {
    use egui::accesskit::{Orientation, Role};
    response.widget_info(|| {
        let mut info =
            egui::WidgetInfo::labeled(Role::Splitter, ui.is_enabled(), texts().dock_resize);
        info.value = Some(f64::from(share));
        info
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_orientation(Orientation::Horizontal);
        node.set_min_numeric_value(f64::from(*SHARE.start()));
        node.set_max_numeric_value(f64::from(*SHARE.end()));
    });
}

/// The active plan's editor: a header with the plan's commands and the
/// horizon, the timeline on the left, the selected entry on the right.
fn editor(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let Some((index, plan)) = s.active() else {
        ui.label(RichText::new(t.plans_none).weak());
        if ui.button(t.new_plan).clicked() {
            out.push(DialogAction::AskPlanName(NamePurpose::New).into());
        }
        return;
    };
    entry::header(ui, s, index, plan, out);
    ui.add_space(2.0);
    // The entry on the right, in a panel the user may widen; the timeline
    // takes the rest.
    Panel::right("entry-inspector")
        .resizable(true)
        .default_size((ui.available_width() * 0.4).clamp(260.0, 420.0))
        .size_range(240.0..=520.0)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("entry-scroll")
                .show(ui, |ui| entry::inspector(ui, s, index, plan, out));
        });
    CentralPanel::default_margins()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("timeline-scroll")
                .show(ui, |ui| timeline::timeline(ui, s, index, plan, out));
        });
}
