//! The dock under the matrix: one view at a time, chosen by tabs. The
//! capability chart, the active plan's editor (timeline and entry), the
//! plans compared, the levers, and the selected entry's results chain.

use super::{State, chain, compare, entry, levers, timeline, trajectory};
use crate::app::action::{Action, DialogAction, DockTab, NamePurpose, ViewAction};
use crate::text::texts;
use egui::{CentralPanel, Panel, RichText, ScrollArea, Ui};

/// What the dock takes besides its view: the handle, the tabs, the rule
/// under them and the panel's margins.
const CHROME_HEIGHT: f32 = 60.0;

/// The least height the dock is given, in points whatever the window's
/// height: enough for the capability chart at its readable least
/// ([`trajectory::CHART_MIN_HEIGHT`]) with its summary, legend and caveat.
/// On a short window the matrix above scrolls instead.
pub const MIN_HEIGHT: f32 = trajectory::PANEL_MIN_HEIGHT + CHROME_HEIGHT;

/// Room left under a tab's last line, so that it does not sit on the
/// window's edge.
const BOTTOM_MARGIN: f32 = 12.0;

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

/// The dock's height in `total` points shared with the matrix: its share,
/// at least [`MIN_HEIGHT`], but never more than the largest share (on a
/// very small window the dock scrolls rather than hide the matrix).
pub fn height(total: f32, remembered: f32) -> f32 {
    (total * share(remembered))
        .max(MIN_HEIGHT)
        .min(total * SHARE.end())
}

/// Draws the dock; `area` is the space it shares with the matrix.
pub fn dock(ui: &mut Ui, s: &State, area: egui::Rect, out: &mut Vec<Action>) {
    resize_handle(ui, share(s.settings.dock_share), area, out);
    // Wrapped: in French and Spanish the five tabs run longer than a
    // 1280-pixel window's centre.
    ui.horizontal_wrapped(|ui| {
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
            ScrollArea::both().id_salt("compare-scroll").show(ui, |ui| {
                compare::table(ui, s, out);
                // The last plan's row clear of the window's edge.
                ui.add_space(BOTTOM_MARGIN);
            });
        }
        DockTab::Levers => levers::panel(ui, s, out),
        DockTab::Chain => chain::panel(ui, s, out),
    }
}

/// The dock's top edge: dragging it sets the dock's share of the height
/// (`share` now).
fn resize_handle(ui: &mut Ui, share: f32, area: egui::Rect, out: &mut Vec<Action>) {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), HANDLE_HEIGHT),
        egui::Sense::drag(),
    );
    let response = response
        .on_hover_cursor(egui::CursorIcon::ResizeVertical)
        .on_hover_text(texts().dock_handle_hint);
    name_handle(ui, &response, share);
    let active = response.hovered() || response.dragged();
    let stroke = if active {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter().hline(rect.x_range(), rect.center().y, stroke);
    grip(ui, rect.center(), active);
    if response.dragged()
        && let Some(p) = response.interact_pointer_pos()
    {
        let dragged = ((area.bottom() - p.y) / area.height()).clamp(*SHARE.start(), *SHARE.end());
        out.push(ViewAction::SetDockShare(dragged).into());
    }
}

/// The handle's height: a grip to aim at, taller than the line it sits on.
const HANDLE_HEIGHT: f32 = 10.0;

/// A grip at the handle's middle, so that the line reads as something to
/// drag: a short raised bar across it, with three dots on it, in the
/// widgets' own colours (darker while hovered or dragged).
fn grip(ui: &Ui, centre: egui::Pos2, active: bool) {
    let visuals = ui.visuals();
    let (fill, dots) = if active {
        (
            visuals.widgets.hovered.bg_fill,
            visuals.widgets.hovered.fg_stroke.color,
        )
    } else {
        (visuals.widgets.inactive.bg_fill, visuals.weak_text_color())
    };
    let bar = egui::Rect::from_center_size(centre, egui::vec2(44.0, HANDLE_HEIGHT));
    ui.painter().rect(
        bar,
        HANDLE_HEIGHT / 2.0,
        fill,
        visuals.widgets.inactive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    for dx in [-8.0, 0.0, 8.0] {
        ui.painter()
            .circle_filled(centre + egui::vec2(dx, 0.0), 1.75, dots);
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
