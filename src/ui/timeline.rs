//! The active plan on a timeline: years across, one bar per entry from its
//! start year to the horizon, in the order the entries apply. Demand-side bars
//! are hatched and every bar names its side, so the two read apart without
//! colour. Drag a bar to move its start year (one drag, one undo step); click
//! it to edit the entry; hover it for its effects and cost.

use super::entry::effects_text;
use super::{State, theme};
use crate::app::action::{Action, DocAction, ViewAction};
use crate::edit::Edit;
use crate::model::catalogue::Side;
use crate::plan::{Plan, PlanEntry};
use crate::text::{fill, num, plural, texts};
use crate::words::cost_or_not_given;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

/// A row: room for an entry's name on two lines beside its bar.
const ROW_HEIGHT: f32 = 36.0;
const AXIS_HEIGHT: f32 = 20.0;
const GAP: f32 = 4.0;

/// Where the years lie across the timeline.
struct Scale {
    x0: f32,
    year_width: f32,
}

impl Scale {
    fn x(&self, year: u32) -> f32 {
        self.x0 + year as f32 * self.year_width
    }

    /// The change in years a pointer movement of `dx` points stands for.
    fn years(&self, dx: f32) -> i32 {
        (dx / self.year_width).round() as i32
    }
}

/// The accessible label of an entry's bar: name, side and years in words.
fn bar_label(s: &State, entry: &PlanEntry) -> String {
    let t = texts();
    let side = entry.side(s.model).map_or("", |side| s.side_name(side));
    fill(
        t.timeline_bar,
        &[
            ("name", entry.name(s.model)),
            ("side", side),
            ("year", &entry.start_year.to_string()),
            ("horizon", &s.doc.preset().horizon_years.to_string()),
        ],
    )
}

/// Draws the timeline of plan `index`.
pub fn timeline(ui: &mut Ui, s: &State, index: usize, plan: &Plan, out: &mut Vec<Action>) {
    let t = texts();
    let horizon = s.doc.preset().horizon_years;
    let width = ui.available_width().max(320.0);
    // Wide enough for the catalogue's names on at most two lines ("Trade
    // fairs and / study visits"); longer names of one's own are cut with an
    // ellipsis and read whole on hover and by a screen reader.
    let label_width = (width * 0.3).clamp(130.0, 220.0);
    let order = plan.application_order();
    let rows = order.len().max(1) as f32;
    let height = AXIS_HEIGHT + rows * (ROW_HEIGHT + GAP) + GAP;
    let (outer, whole) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    // The timeline as a whole, for a listener; each bar has its own name.
    let spoken = fill(
        plural(plan.entries.len(), t.timeline_spoken_one, t.timeline_spoken),
        &[
            ("plan", &plan.name),
            ("count", &plan.entries.len().to_string()),
            ("horizon", &horizon.to_string()),
        ],
    );
    whole.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &spoken));
    let scale = Scale {
        x0: outer.left() + label_width,
        year_width: (outer.width() - label_width - 8.0) / (horizon + 1) as f32,
    };
    axis(ui, outer, &scale, horizon);
    if order.is_empty() {
        empty(ui, outer);
        return;
    }
    for (row, &e) in order.iter().enumerate() {
        let top = outer.top() + AXIS_HEIGHT + GAP + row as f32 * (ROW_HEIGHT + GAP);
        let row_rect = Rect::from_min_max(
            pos2(outer.left(), top),
            pos2(outer.right(), top + ROW_HEIGHT),
        );
        bar(
            ui,
            s,
            index,
            e,
            &plan.entries[e],
            row_rect,
            &scale,
            label_width,
            out,
        );
    }
}

/// What an empty plan's timeline says, wrapped to the timeline's width (it
/// starts where the names would, so it is not cut on a narrow dock).
fn empty(ui: &mut Ui, outer: Rect) {
    let galley = ui.painter().layout(
        texts().timeline_empty.to_owned(),
        FontId::proportional(theme::size::PAINTED),
        ui.visuals().weak_text_color(),
        outer.width() - 8.0,
    );
    let top = outer.top() + AXIS_HEIGHT + GAP;
    let rect = Rect::from_min_size(pos2(outer.left(), top), galley.size());
    // Drawn in the row's place, taller when it wraps.
    ui.painter()
        .rect_filled(rect.expand(2.0), 2.0, ui.visuals().panel_fill);
    ui.painter()
        .galley(rect.min, galley, ui.visuals().weak_text_color());
    let below = rect.bottom() - outer.bottom();
    if below > 0.0 {
        ui.add_space(below);
    }
}

/// An entry's name in the label column: wrapped to two lines, cut with an
/// ellipsis past them; the whole name on hover (the bar's accessible name
/// says it whole too).
fn entry_name(ui: &Ui, name: &str, rect: Rect, colour: Color32) -> bool {
    let mut job = egui::text::LayoutJob::simple(
        name.to_owned(),
        FontId::proportional(theme::size::ROW_NAME),
        colour,
        rect.width(),
    );
    job.wrap.max_rows = 2;
    let galley = ui.painter().layout_job(job);
    let elided = galley.elided;
    let at = pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
    ui.painter_at(rect).galley(at, galley, colour);
    elided
}

/// Year marks along the top and faint guides down the rows.
fn axis(ui: &Ui, outer: Rect, scale: &Scale, horizon: u32) {
    let visuals = ui.visuals();
    let painter = ui.painter_at(outer);
    // Label every year where there is room, otherwise every fifth.
    let step = if scale.year_width >= 22.0 { 1 } else { 5 };
    for year in 0..=horizon {
        let x = scale.x(year);
        let strong = year % 5 == 0;
        painter.vline(
            x,
            outer.top() + AXIS_HEIGHT - 4.0..=outer.bottom(),
            Stroke::new(
                if strong {
                    theme::stroke::RULE
                } else {
                    theme::stroke::HAIRLINE
                },
                visuals.widgets.noninteractive.bg_stroke.color,
            ),
        );
        if year % step == 0 {
            painter.text(
                pos2(x + scale.year_width / 2.0, outer.top() + AXIS_HEIGHT / 2.0),
                Align2::CENTER_CENTER,
                year.to_string(),
                FontId::proportional(theme::size::SMALL),
                visuals.weak_text_color(),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn bar(
    ui: &mut Ui,
    s: &State,
    plan: usize,
    e: usize,
    entry: &PlanEntry,
    row: Rect,
    scale: &Scale,
    label_width: f32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let horizon = s.doc.preset().horizon_years;
    let visuals = ui.visuals().clone();
    let side = entry.side(s.model).unwrap_or(Side::Supply);
    let name_rect = Rect::from_min_size(row.min, vec2(label_width - 8.0, row.height()));
    if entry_name(ui, entry.name(s.model), name_rect, visuals.text_color()) {
        // Not focusable, so no second node for a screen reader: the bar
        // names the entry whole.
        ui.interact(
            name_rect,
            ui.scope_id().with(("timeline-name", plan, e)),
            Sense::hover(),
        )
        .on_hover_text(entry.name(s.model));
    }
    let rect = Rect::from_min_max(
        pos2(scale.x(entry.start_year), row.top() + 2.0),
        pos2(scale.x(horizon + 1), row.bottom() - 2.0),
    );
    let id = ui.scope_id().with(("timeline-bar", plan, e));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let label = bar_label(s, entry);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    paint_bar(ui, s, rect, side, entry);
    let selected = s.view.selected_entry == Some(e);
    if response.has_focus() {
        theme::focus_ring(ui.painter(), rect.expand(3.0), &visuals);
    }
    if selected || response.hovered() {
        let width = if selected {
            theme::stroke::SELECTED
        } else {
            theme::stroke::HOVER
        };
        ui.painter().rect_stroke(
            rect,
            3.0,
            Stroke::new(width, visuals.selection.stroke.color),
            StrokeKind::Outside,
        );
    }
    drag(ui, &response, scale, plan, e, entry.start_year, out);
    if response.clicked() {
        out.push(ViewAction::SelectEntry(Some(e)).into());
    }
    let currency = s.doc.preset().currency.as_deref();
    let cost = cost_or_not_given(entry.cost, currency);
    response.on_hover_text(format!(
        "{label}\n{}\n{}\n{}",
        effects_text(s, &entry.effects_at_intensity(s.model)),
        crate::words::labelled(t.cost_label, &cost),
        t.timeline_drag_hint
    ));
}

/// A bar: filled in its side's colour, demand-side bars hatched, the side
/// written at its left.
fn paint_bar(ui: &Ui, s: &State, rect: Rect, side: Side, entry: &PlanEntry) {
    let visuals = ui.visuals();
    let fill_colour = theme::side_colour(side, visuals);
    let ink = theme::text_on(fill_colour);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, fill_colour);
    if side == Side::Demand {
        hatch(&painter, rect, ink.gamma_multiply(0.35));
    }
    let text = format!("{} · {}", s.side_name(side), num(entry.intensity()));
    painter.text(
        rect.left_center() + vec2(6.0, 0.0),
        Align2::LEFT_CENTER,
        text,
        FontId::proportional(theme::size::DETAIL),
        ink,
    );
}

/// Diagonal stripes across a rectangle.
fn hatch(painter: &egui::Painter, rect: Rect, colour: Color32) {
    let step = 9.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        let a = Pos2::new(x, rect.bottom());
        let b = Pos2::new(x + rect.height(), rect.top());
        painter.line_segment([a, b], Stroke::new(theme::stroke::HATCH, colour));
        x += step;
    }
}

/// Dragging a bar moves the entry's start year by whole years, relative to
/// where the drag began; the drag is one gesture, so one undo step.
fn drag(
    ui: &Ui,
    response: &egui::Response,
    scale: &Scale,
    plan: usize,
    entry: usize,
    year: u32,
    out: &mut Vec<Action>,
) {
    let key = response.id.with("drag-origin");
    if response.drag_started() {
        out.push(DocAction::EndGesture.into());
        // Measured from where the button went down: a drag is only noticed
        // once the pointer has moved a little.
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        if let Some(p) = origin {
            ui.data_mut(|d| d.insert_temp(key, (year, p.x)));
        }
    }
    if response.dragged()
        && let (Some((from_year, from_x)), Some(p)) = (
            ui.data(|d| d.get_temp::<(u32, f32)>(key)),
            response.interact_pointer_pos(),
        )
    {
        // Before year 0 is year 0 (a year cannot be negative); the edit
        // keeps a year past the horizon at the horizon.
        let to = from_year.saturating_add_signed(scale.years(p.x - from_x));
        if to != year {
            out.push(Action::Document(DocAction::Edit {
                edit: Edit::SetStartYear {
                    plan,
                    entry,
                    year: to,
                },
                merge: true,
            }));
        }
    }
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<(u32, f32)>(key));
        out.push(DocAction::EndGesture.into());
    }
}
