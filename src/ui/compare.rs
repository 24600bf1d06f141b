//! The plans compared (plans-and-levers §3): a row for the cluster without a
//! plan and one for each plan, with capability at the horizon and its stage,
//! the gain over no plan, the first year beyond the basic stage, the total
//! cost and the gain per million, and under each row its warnings in words,
//! critical ones first. A click on a plan's row makes it the active plan.
//! Drawn as rows rather than a grid so that the warnings can run the full
//! width under their plan, on a narrow dock as on a projector.

use super::State;
use crate::analysis::compare::Outcome;
use crate::analysis::uncertainty::Uncertainty;
use crate::app::action::{Action, DialogAction, DocAction, NamePurpose};
use crate::model::warning::Severity;
use crate::text::{fill, texts};
use crate::warnings::Warning;
use crate::words::{
    baseline_numbers, compare_heads, cost_or_not_given, outcome_numbers, uncertain_line,
    warnings_line,
};
use egui::{Align2, FontId, RichText, Sense, Stroke, Ui, pos2, vec2};

/// Widths of the number columns, in points; the name takes the rest.
const COLUMNS: [f32; 5] = [140.0, 64.0, 104.0, 92.0, 96.0];
const LINE: f32 = 20.0;

/// A row in words: "Training only: capability 0.21 (basic), gain +0.01, …,
/// total cost 400,000 USD, …"; a plan's total from its outcome, in its
/// currency where one is given.
fn row_label(r: &Row, warnings: &str, currency: Option<&str>) -> String {
    let t = texts();
    let parts: Vec<String> = t
        .compare_columns
        .iter()
        .zip(r.cells)
        .enumerate()
        .map(|(i, (head, cell))| {
            let value = match (i, r.outcome) {
                (3, Some(o)) => cost_or_not_given(o.total_cost, currency),
                _ => cell.to_string(),
            };
            fill(
                t.compare_figure_spoken,
                &[("column", head), ("value", &value)],
            )
        })
        .collect();
    fill(
        t.compare_row_spoken,
        &[
            ("plan", r.name),
            ("figures", &crate::words::listed(&parts)),
            ("warnings", warnings),
        ],
    )
}

/// Draws the table.
pub fn table(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let e = s.doc.evaluation();
    let plans = &s.doc.preset().plans;
    ui.label(
        RichText::new(fill(
            t.compare_intro,
            &[("year", &e.horizon_years.to_string())],
        ))
        .small(),
    );
    header_row(ui, s.doc.preset().currency.as_deref());
    let base_cells = baseline_numbers(&e.baseline.trajectory);
    let uncertainty = uncertainty(s);
    let base_row = Row {
        name: crate::text::texts().baseline_name,
        cells: &base_cells,
        outcome: None,
        warnings: &e.baseline_warnings,
        uncertain: uncertainty
            .as_ref()
            .map(|u| uncertain_line(&u.baseline, None)),
        selected: false,
        clickable: false,
    };
    row(ui, s, &base_row);
    for (i, (plan, p)) in plans.iter().zip(&e.plans).enumerate() {
        let cells = outcome_numbers(&p.outcome);
        let r = Row {
            name: &plan.name,
            cells: &cells,
            outcome: Some(&p.outcome),
            warnings: &p.warnings,
            uncertain: uncertainty
                .as_ref()
                .map(|u| uncertain_line(&u.plans[i], u.best_share[i])),
            selected: s.doc.active_plan() == Some(i),
            clickable: true,
        };
        if row(ui, s, &r).clicked() && !r.selected {
            out.push(DocAction::SetActivePlan(i).into());
        }
    }
    if plans.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(t.plans_none).weak());
        if ui.button(t.new_plan).clicked() {
            out.push(DialogAction::AskPlanName(NamePurpose::New).into());
        }
    }
}

/// The x of each number column's left edge: after the names, which take
/// what is left of the width, between 120 and 380 points (120 leaves the
/// last column whole on a 1280-pixel window in French and Spanish).
fn column_x(left: f32, width: f32) -> [f32; 5] {
    let total: f32 = COLUMNS.iter().sum();
    // The names take the rest, up to a width the eye can cross to the
    // numbers on a wide window.
    let mut x = left + (width - total).clamp(120.0, 380.0);
    COLUMNS.map(|w| {
        let at = x;
        x += w;
        at
    })
}

/// The headings, as tall as the tallest needs (a currency may add a line),
/// at least two lines so that the rows do not move when one is set.
fn header_row(ui: &mut Ui, currency: Option<&str>) {
    let t = texts();
    let width = ui.available_width();
    let colour = ui.visuals().strong_text_color();
    let font = FontId::proportional(super::theme::size::PAINTED);
    let heads: Vec<_> = compare_heads(currency)
        .into_iter()
        .zip(COLUMNS)
        .map(|(head, w)| ui.painter().layout(head, font.clone(), colour, w - 8.0))
        .collect();
    let tallest = heads.iter().map(|g| g.size().y).fold(LINE * 2.0, f32::max);
    let (rect, _) = ui.allocate_exact_size(vec2(width, tallest), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.text(
        rect.left_bottom(),
        Align2::LEFT_BOTTOM,
        t.compare_plan_head,
        font,
        colour,
    );
    for (x, galley) in column_x(rect.left(), width).into_iter().zip(heads) {
        painter.galley(pos2(x, rect.bottom() - galley.size().y), galley, colour);
    }
    ui.painter().hline(
        rect.x_range(),
        rect.bottom() + 1.0,
        Stroke::new(
            super::theme::stroke::RULE,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ),
    );
}

struct Row<'a> {
    name: &'a str,
    cells: &'a [String; 5],
    /// The plan's numbers, for what a listener hears; `None` for the
    /// cluster without a plan.
    outcome: Option<&'a Outcome>,
    warnings: &'a [Warning],
    /// What the Monte Carlo says of the row, when there is uncertainty.
    uncertain: Option<String>,
    selected: bool,
    clickable: bool,
}

/// The Monte Carlo's result, when the preset has uncertainty and the result
/// fits the plans as they are (a refreshing one is marked in the line).
fn uncertainty<'a>(s: &'a State) -> Option<&'a Uncertainty> {
    s.analysis?.bands_for(s.doc.preset())
}

/// One row: the name and the numbers on a line, the warnings under them.
fn row(ui: &mut Ui, s: &State, r: &Row) -> egui::Response {
    let visuals = ui.visuals().clone();
    let width = ui.available_width();
    let warnings = warnings_line(s.model, r.warnings);
    let critical = r
        .warnings
        .iter()
        .any(|w| s.model.warning(w.id).severity == Severity::Critical);
    let text = if r.selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    // Critical warnings in the error colour, except on the selection, where
    // the selection's own text colour reads better.
    let ink = match (critical, r.selected) {
        (_, true) => text,
        (true, false) => visuals.error_fg_color,
        (false, false) => visuals.weak_text_color(),
    };
    let body = FontId::proportional(super::theme::size::COLUMN_HEAD);
    let name_width = column_x(0.0, width)[0] - 8.0;
    let painter = ui.painter().clone();
    let name = painter.layout(r.name.to_owned(), body.clone(), text, name_width);
    let notes = painter.layout(
        warnings.clone(),
        FontId::proportional(super::theme::size::NOTE),
        ink,
        width - 24.0,
    );
    let uncertain = r.uncertain.as_ref().map(|line| {
        painter.layout(
            line.clone(),
            FontId::proportional(super::theme::size::DETAIL),
            text,
            width - 24.0,
        )
    });
    let first_line = name.size().y.max(LINE);
    let middle = uncertain.as_ref().map_or(0.0, |g| g.size().y + 2.0);
    let height = first_line + middle + notes.size().y + 8.0;
    let sense = if r.clickable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), sense);
    let currency = s.doc.preset().currency.as_deref();
    let mut spoken = row_label(r, &warnings, currency);
    if let Some(line) = &r.uncertain {
        spoken.push_str(crate::text::texts().list_separator);
        spoken.push_str(line);
    }
    let selected = r.selected;
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, r.clickable, selected, &spoken)
    });
    let painter = ui.painter_at(rect);
    if r.selected {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill);
    } else if response.hovered() && r.clickable {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if response.has_focus() {
        super::theme::focus_ring(&painter, rect, &visuals);
    }
    painter.galley(rect.left_top() + vec2(4.0, 3.0), name, text);
    for (x, cell) in column_x(rect.left(), width).into_iter().zip(r.cells) {
        painter.text(
            pos2(x, rect.top() + 3.0),
            Align2::LEFT_TOP,
            cell,
            body.clone(),
            text,
        );
    }
    if let Some(g) = uncertain {
        painter.galley(rect.left_top() + vec2(16.0, first_line + 2.0), g, text);
    }
    painter.galley(
        rect.left_top() + vec2(16.0, first_line + middle + 3.0),
        notes,
        ink,
    );
    ui.painter().hline(
        rect.x_range(),
        rect.bottom(),
        Stroke::new(
            super::theme::stroke::HAIRLINE,
            visuals.widgets.noninteractive.bg_stroke.color,
        ),
    );
    if r.clickable {
        response.on_hover_text(texts().compare_row_hint)
    } else {
        response
    }
}
