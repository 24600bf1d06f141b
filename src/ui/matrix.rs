//! Table 1, the heart of the window: rows of mechanisms grouped under the five
//! agglomeration advantages, columns of the four technological efforts, only
//! the 32 cells the paper has. Each cell shows its strength as a colour and
//! in words; hover explains it, a click keeps the explanation in the detail
//! pane. A row summary counts active cells; the effort row shows what the
//! cells add up to.

use super::text::{fill, num, texts};
use super::{State, band_word, explain, theme};
use crate::app::action::Action;
use crate::mechanism::{Advantage, Cell, Effort, Mechanism, cell_index};
use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, vec2};

/// Row heights grow with the window (a projector wants big cells) within
/// these bounds.
const ROW_HEIGHT_MIN: f32 = 23.0;
const ROW_HEIGHT_MAX: f32 = 40.0;
const GROUP_HEIGHT: f32 = 16.0;
const HEADER_HEIGHT: f32 = 24.0;
const GAP: f32 = 2.0;
const SUMMARY_WIDTH: f32 = 54.0;

/// The accessible label of a cell, also what tests look for.
pub fn cell_label(s: &State, index: usize) -> String {
    let c = &s.shown().cells[index];
    format!(
        "Cell {}: {} {}",
        c.cell.label(),
        band_word(c.band),
        num(c.strength)
    )
}

/// Draws the matrix with its heading and view switch, in about `height` points.
pub fn panel(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal(|ui| {
        super::heading(ui, t.matrix_heading).on_hover_text(t.matrix_hint);
        if s.has_plan() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Right to left: the last choice is drawn first.
                for (view, label) in super::matrix_views().into_iter().rev() {
                    if ui
                        .selectable_label(s.settings.matrix_view == view, label)
                        .clicked()
                    {
                        out.push(Action::SetMatrixView(view));
                    }
                }
            });
        }
    });
    let fixed = HEADER_HEIGHT + Advantage::ALL.len() as f32 * GROUP_HEIGHT + 40.0;
    let row_height = ((height - fixed) / (Mechanism::ALL.len() as f32 + 1.0) - GAP)
        .clamp(ROW_HEIGHT_MIN, ROW_HEIGHT_MAX);
    grid(ui, s, row_height, out);
}

fn grid(ui: &mut Ui, s: &State, row_height: f32, out: &mut Vec<Action>) {
    let t = texts();
    let width = ui.available_width().max(560.0);
    let label_w = (width * 0.27).clamp(150.0, 230.0);
    let cell_w = ((width - label_w - SUMMARY_WIDTH) / 4.0 - GAP).max(78.0);
    let col_x = |j: usize| label_w + j as f32 * (cell_w + GAP);
    let summary_x = col_x(4);
    let rows = Mechanism::ALL.len() as f32 * (row_height + GAP)
        + Advantage::ALL.len() as f32 * GROUP_HEIGHT;
    let height = HEADER_HEIGHT + rows + row_height + 2.0 * GAP + 6.0;
    let (outer, _) =
        ui.allocate_exact_size(vec2(summary_x + SUMMARY_WIDTH, height), Sense::hover());
    let origin = outer.min;
    let painter = ui.painter_at(outer);
    let visuals = ui.visuals().clone();
    let text_colour = visuals.text_color();
    let weak = visuals.weak_text_color();
    let size = if cell_w >= 96.0 { 13.0 } else { 12.0 };
    let body = FontId::proportional(size * (row_height / ROW_HEIGHT_MIN).min(1.25));
    let small = FontId::proportional(11.5);
    let shown = s.shown();

    // Column headers.
    for e in Effort::ALL {
        let info = s.model.effort_info(e);
        let rect = Rect::from_min_size(
            origin + vec2(col_x(e.index()), 0.0),
            vec2(cell_w, HEADER_HEIGHT),
        );
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            format!("{} · {}", e.id(), info.name),
            FontId::proportional(14.0),
            visuals.strong_text_color(),
        );
        ui.interact(
            rect,
            ui.scope_id().with(("effort-head", e.index())),
            Sense::hover(),
        )
        .on_hover_text(format!(
            "{}: {}\n\n{}",
            e.id(),
            info.title,
            info.description
        ));
    }
    let summary_head = Rect::from_min_size(
        origin + vec2(summary_x, 0.0),
        vec2(SUMMARY_WIDTH, HEADER_HEIGHT),
    );
    painter.text(
        summary_head.center(),
        Align2::CENTER_CENTER,
        t.active_head,
        small.clone(),
        weak,
    );
    ui.interact(
        summary_head,
        ui.scope_id().with("active-head"),
        Sense::hover(),
    )
    .on_hover_text(t.active_head_hint);

    let mut y = HEADER_HEIGHT;
    let mut last_group = None;
    for m in Mechanism::ALL {
        let adv = m.advantage();
        if last_group != Some(adv) {
            last_group = Some(adv);
            let info = s.model.advantage_info(adv);
            let rect = Rect::from_min_size(
                origin + vec2(0.0, y),
                vec2(summary_x + SUMMARY_WIDTH, GROUP_HEIGHT),
            );
            painter.hline(
                rect.x_range(),
                rect.top() + 1.0,
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            );
            painter.text(
                rect.left_center() + vec2(2.0, 1.0),
                Align2::LEFT_CENTER,
                format!("{}  {}", adv.id(), info.name),
                small.clone(),
                weak,
            );
            y += GROUP_HEIGHT;
        }
        let info = s.model.mechanism_info(m);
        let label_rect =
            Rect::from_min_size(origin + vec2(0.0, y), vec2(label_w - 6.0, row_height));
        painter.text(
            label_rect.left_center() + vec2(8.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{}  {}", m.id(), info.label),
            body.clone(),
            text_colour,
        );
        ui.interact(
            label_rect,
            ui.scope_id().with(("row", m.index())),
            Sense::hover(),
        )
        .on_hover_text(format!(
            "{} — {}\n\n{}\n\n{}: {}",
            m.id(),
            info.label,
            info.description,
            t.kind_label,
            s.model
                .file
                .kinds
                .iter()
                .find(|k| k.id == info.kind)
                .map_or("", |k| k.name.as_str())
        ));
        let mut active = 0;
        for e in Effort::ALL {
            let rect =
                Rect::from_min_size(origin + vec2(col_x(e.index()), y), vec2(cell_w, row_height));
            let Some(i) = cell_index(m, e) else {
                // Blank, not zero: the paper has no such cell.
                ui.interact(
                    rect,
                    ui.scope_id().with(("no-cell", m.index(), e.index())),
                    Sense::hover(),
                )
                .on_hover_text(t.no_cell);
                continue;
            };
            let rect =
                Rect::from_min_size(origin + vec2(col_x(e.index()), y), vec2(cell_w, row_height));
            let c = &shown.cells[i];
            if c.band.is_active() {
                active += 1;
            }
            let fill_colour = theme::strength_fill(c.strength, &visuals);
            let ink = theme::text_on(fill_colour);
            painter.rect_filled(rect, 3.0, fill_colour);
            let text = if cell_w >= 84.0 {
                format!("{} {}", band_word(c.band), num(c.strength))
            } else {
                band_word(c.band).to_owned()
            };
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                text,
                body.clone(),
                ink,
            );
            // A corner mark where the plan raises the cell.
            if s.baseline_of(i).is_some_and(|b| b.strength < c.strength) {
                let tip = rect.right_top() + vec2(-4.0, 4.0);
                painter.add(egui::Shape::convex_polygon(
                    vec![tip, tip + vec2(-7.0, 0.0), tip + vec2(0.0, 7.0)],
                    ink,
                    Stroke::NONE,
                ));
            }
            let response = ui.interact(rect, ui.scope_id().with(("cell", i)), Sense::click());
            let label = cell_label(s, i);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if s.view.selected == Some(i) {
                painter.rect_stroke(
                    rect,
                    3.0,
                    Stroke::new(3.0, visuals.selection.stroke.color),
                    StrokeKind::Inside,
                );
            } else if response.hovered() {
                painter.rect_stroke(rect, 3.0, Stroke::new(1.5, text_colour), StrokeKind::Inside);
            }
            let response = response.on_hover_ui(|ui| {
                ui.set_max_width(420.0);
                explain::cell_ui(ui, s, i);
            });
            if response.clicked() {
                let again = s.view.selected == Some(i);
                out.push(Action::SelectCell(if again { None } else { Some(i) }));
            }
        }
        let total = m.efforts().len();
        let summary =
            Rect::from_min_size(origin + vec2(summary_x, y), vec2(SUMMARY_WIDTH, row_height));
        painter.text(
            summary.center(),
            Align2::CENTER_CENTER,
            format!("{active}/{total}"),
            small.clone(),
            if active > 0 { text_colour } else { weak },
        );
        y += row_height + GAP;
    }

    // The effort row: what the shown cells add up to, per column.
    y += GAP + 4.0;
    let effort = shown.efforts;
    let label_rect = Rect::from_min_size(origin + vec2(0.0, y), vec2(label_w - 6.0, row_height));
    painter.text(
        label_rect.left_center() + vec2(8.0, 0.0),
        Align2::LEFT_CENTER,
        t.effort_row,
        FontId::proportional(13.5),
        visuals.strong_text_color(),
    );
    for e in Effort::ALL {
        let j = e.index();
        let rect = Rect::from_min_size(origin + vec2(col_x(j), y), vec2(cell_w, row_height));
        painter.rect_stroke(rect, 3.0, Stroke::new(1.0, weak), StrokeKind::Inside);
        let bar = Rect::from_min_size(
            rect.min,
            vec2(
                rect.width() * effort[j].clamp(0.0, 1.0) as f32,
                rect.height(),
            ),
        );
        painter.rect_filled(bar, 3.0, theme::strength_fill(effort[j], &visuals));
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            num(effort[j]),
            body.clone(),
            text_colour,
        );
        let column: Vec<usize> = (0..Cell::COUNT)
            .filter(|&i| shown.cells[i].cell.effort == e)
            .collect();
        let active = column
            .iter()
            .filter(|&&i| shown.cells[i].band.is_active())
            .count();
        ui.interact(rect, ui.scope_id().with(("effort", j)), Sense::hover())
            .on_hover_text(fill(
                t.effort_row_hint,
                &[
                    ("effort", s.model.effort_info(e).title.as_str()),
                    ("active", &active.to_string()),
                    ("cells", &column.len().to_string()),
                ],
            ));
    }
}
