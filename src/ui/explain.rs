//! Why a cell is as strong as it is: the mechanism, its kind, the demand gate
//! and the driver with its bottleneck, the case evidence and how strong the
//! paper's evidence is. The same explanation serves the hover and the detail
//! pane.

use super::{State, about, band_word, theme};
use crate::app::action::{Action, ViewAction};
use crate::attribute::Attribute;
use crate::cells::Band;
use crate::mechanism::cells;
use crate::model::expr::Expr;
use crate::text::{fill, num, texts};
use crate::words::limit_line;
use egui::{RichText, Ui};

/// The explanation of cell `index` (an index into Table 1's cells).
pub fn cell_ui(ui: &mut Ui, s: &State, index: usize) {
    title_ui(ui, s, index);
    ui.add_space(4.0);
    strength_ui(ui, s, index);
    ui.add_space(4.0);
    driver_ui(ui, s, index);
    ui.add_space(4.0);
    evidence_ui(ui, s, index);
    ui.label(RichText::new(texts().citation_line).small().weak());
}

/// The mechanism and the effort in words, the advantage, what the mechanism
/// does and its kind of effect.
fn title_ui(ui: &mut Ui, s: &State, index: usize) {
    let t = texts();
    let model = s.model;
    let cell = cells()[index];
    let m = cell.mechanism;
    let info = model.mechanism_info(m);
    ui.label(
        RichText::new(format!(
            "{} × {} — {} × {}",
            m.id(),
            cell.effort.id(),
            info.label,
            model.effort_info(cell.effort).name
        ))
        .heading(),
    );
    ui.label(RichText::new(&model.advantage_info(m.advantage()).name).weak());
    ui.label(&info.description);
    let kind = model.kind_info(m.kind());
    let line = ui.label(crate::words::labelled(
        t.kind_label,
        &format!("{} — {}", kind.name, kind.description),
    ));
    about::hover_with_terms(line, model, "", &kind.name);
}

/// The strength as demand × driver, and without the plan where it differs.
fn strength_ui(ui: &mut Ui, s: &State, index: usize) {
    let t = texts();
    let scenario = s.shown();
    let c = &scenario.cells[index];
    ui.label(
        RichText::new(fill(
            t.strength_line,
            &[
                ("strength", &num(c.strength)),
                ("band", band_word(c.band)),
                (
                    "demand",
                    &num(scenario.attributes[Attribute::DemandForImprovement]),
                ),
                ("driver", &num(c.driver)),
            ],
        ))
        .strong(),
    );
    if let Some(base) = s.baseline_of(index) {
        ui.label(fill(
            t.baseline_line,
            &[
                ("strength", &num(base.strength)),
                ("band", band_word(base.band)),
            ],
        ));
    }
}

/// The driver in words, each attribute it reads with its value, and what
/// limits the cell.
fn driver_ui(ui: &mut Ui, s: &State, index: usize) {
    let t = texts();
    let model = s.model;
    let scenario = s.shown();
    let c = &scenario.cells[index];
    let attrs = &scenario.attributes;
    let driver = &model.driver(index).expr;
    let line = ui.label(fill(t.driver_line, &[("words", model.driver_words(index))]));
    about::hover_with_terms(line, model, "", t.driver_label);
    let mark = |a: Attribute| match driver {
        _ if a != c.limited_by => "",
        Expr::Max(_) => t.main_channel_mark,
        _ => t.bottleneck_mark,
    };
    for a in driver.attributes() {
        let value = format!("{} {}", num(attrs[a]), mark(a));
        let line = format!(
            "• {}",
            crate::words::labelled(&model.attribute_info(a).name, &value)
        );
        let text = RichText::new(line.trim_end());
        if a == c.limited_by {
            let marked = ui.label(text.strong());
            about::hover_with_terms(marked, model, "", mark(a));
        } else {
            ui.label(text);
        }
    }
    let limited = limit_line(model, c, attrs);
    ui.label(RichText::new(limited).strong());
    let info = model.mechanism_info(cells()[index].mechanism);
    ui.label(RichText::new(crate::words::labelled(t.why_label, &info.rationale)).italics());
}

/// How strong the paper's evidence is, and the cases behind it: those on this
/// effort first.
fn evidence_ui(ui: &mut Ui, s: &State, index: usize) {
    let t = texts();
    let model = s.model;
    let cell = cells()[index];
    let info = model.mechanism_info(cell.mechanism);
    let grade = model
        .evidence_grade(cell.mechanism)
        .map_or(info.evidence.grade.as_str(), |g| g.name.as_str());
    ui.label(RichText::new(crate::words::labelled(t.evidence_label, grade)).strong());
    ui.label(RichText::new(&info.evidence.note).small());
    columns_ui(ui, s, index);
    let mut cases = model.cases_shown(cell.mechanism);
    cases.sort_by_key(|c| !c.efforts.contains(&cell.effort));
    for shown in cases {
        let efforts: Vec<&str> = shown.efforts.iter().map(|e| e.id()).collect();
        let reference = crate::words::listed(&[shown.case.source.as_str(), &efforts.join(", ")]);
        let head = format!("• {} ({reference})", shown.case.name);
        ui.label(RichText::new(crate::words::labelled(&head, shown.text)).small());
    }
}

/// Whether Table 1, the prose or both put this cell under its effort, and
/// what the paper says of the row's efforts.
fn columns_ui(ui: &mut Ui, s: &State, index: usize) {
    let model = s.model;
    let source = model.column_source_info(model.column_source(index));
    ui.label(RichText::new(crate::words::labelled(&source.name, &source.description)).small());
    let info = model.mechanism_info(cells()[index].mechanism);
    ui.label(RichText::new(&info.columns.note).small().weak());
}

/// The detail pane: the selected cell's explanation, kept after a click.
pub fn detail_panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal(|ui| {
        super::heading(ui, t.detail_heading);
        if s.view.selected.is_some() && ui.small_button(t.detail_close).clicked() {
            out.push(ViewAction::SelectCell(None).into());
        }
    });
    match s.view.selected {
        Some(i) => cell_ui(ui, s, i),
        None => {
            ui.label(RichText::new(t.detail_empty).weak());
            ui.add_space(6.0);
            legend_ui(ui, s);
        }
    }
}

/// How to read the matrix: the bands with their colours and bounds, and the
/// three kinds of effect.
fn legend_ui(ui: &mut Ui, s: &State) {
    let t = texts();
    ui.label(RichText::new(t.legend_bands).strong());
    for band in Band::ALL {
        let range = match (band, band.range(s.model)) {
            (Band::None, (_, Some(to))) => format!("< {}", num(to)),
            (_, (from, Some(to))) => format!("{} – {}", num(from), num(to)),
            (_, (from, None)) => format!("≥ {}", num(from)),
        };
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(34.0, 16.0), egui::Sense::hover());
            let fill_colour = theme::strength_fill(band.sample(s.model), ui.visuals());
            ui.painter().rect_filled(rect, 2.0, fill_colour);
            ui.label(format!("{}  {range}", band_word(band)));
        });
    }
    ui.label(RichText::new(t.legend_active).small());
    ui.add_space(4.0);
    ui.label(RichText::new(t.legend_kinds).strong());
    for (_, kind) in s.model.kinds() {
        let line =
            ui.label(RichText::new(crate::words::labelled(&kind.name, &kind.description)).small());
        about::hover_with_terms(line, s.model, "", &kind.name);
    }
    let gate = ui.label(RichText::new(t.legend_gate).small());
    about::hover_with_terms(gate, s.model, "", t.legend_gate_term);
}
