//! The Results chain tab: the selected entry's results chain drawn bottom-up
//! as DCED draws it (activity at the bottom, impact at the top), the
//! assumptions and risks beside each arrow, and a click on a box to edit its
//! indicator in the panel on the right.

use super::State;
use super::access;
use super::theme;
use crate::app::action::{Action, PictureOf};
use crate::chain::describe::{
    Arrow, arrows, box_lines, box_title, chain_title, field_text, field_word,
};
use crate::chain::{ResultsChain, results_chain};
use crate::edit::Edit;
use crate::model::chain::BoxKind;
use crate::plan::indicators::Field;
use crate::text::{fill, texts};
use egui::{CentralPanel, Frame, Panel, RichText, ScrollArea, Sense, Stroke, Ui};

/// A box's inner margin.
const BOX_MARGIN: f32 = 8.0;
/// Cells a market box lists before "and N more" (the exports list them all).
const SHOWN_CELLS: usize = 6;

/// Draws the tab.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let Some((plan, entry)) = s.view.chain_entry(s.doc) else {
        let why = if s.active().is_some() {
            t.chain_no_entry
        } else {
            t.chain_no_plan
        };
        ui.label(RichText::new(why).weak());
        return;
    };
    let Some(chain) = results_chain(s.model, s.doc.preset(), s.doc.evaluation(), plan, entry)
    else {
        return;
    };
    header(ui, s, &chain, out);
    if let Some(kind) = s.view.chain_box {
        Panel::right("chain-indicator")
            .resizable(true)
            .default_size((ui.available_width() * 0.34).clamp(260.0, 420.0))
            .size_range(240.0..=560.0)
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("chain-indicator-scroll")
                    .show(ui, |ui| editor(ui, s, &chain, kind, out));
            });
    }
    CentralPanel::default_margins()
        .frame(Frame::NONE)
        .show(ui, |ui| {
            ScrollArea::both()
                .id_salt("chain-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| drawing(ui, s, &chain, out));
        });
}

/// The entry picker and the hint.
fn header(ui: &mut Ui, s: &State, chain: &ResultsChain, out: &mut Vec<Action>) {
    let t = texts();
    let preset = s.doc.preset();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(t.chain_entry_label).strong());
        let entries = preset.plan(chain.plan).map_or(&[][..], |p| &p.entries[..]);
        egui::ComboBox::from_id_salt("chain-entry")
            .selected_text(chain_title(preset, chain))
            .show_ui(ui, |ui| {
                for (i, e) in entries.iter().enumerate() {
                    let text = format!("{} · {}", e.name(s.model), e.start_year);
                    if ui.selectable_label(i == chain.entry, text).clicked() && i != chain.entry {
                        out.push(Action::SelectEntry(Some(i)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(RichText::new(t.chain_click_hint).weak());
    });
    ui.separator();
}

/// The boxes and arrows, top to bottom; records where they were drawn for a
/// picture of the chain.
fn drawing(ui: &mut Ui, s: &State, chain: &ResultsChain, out: &mut Vec<Action>) {
    let top = ui.cursor().top();
    // Two columns, boxes and the notes beside the arrows; in a narrow dock
    // (an indicator open beside it) the drawing scrolls rather than squeeze.
    let width = ui.available_width().max(400.0);
    let box_w = (width * 0.55).clamp(220.0, 640.0);
    let note_w = (width - box_w - 48.0).max(150.0);
    let all = arrows(s.model, chain);
    // The impact row spans both columns.
    // The impact boxes two by two across both columns (four in a row would
    // be too narrow to read in the dock), under a line that says whose they
    // are and that the model does not compute them.
    ui.label(RichText::new(texts().chain_impact_heading).strong());
    let gap = ui.spacing().item_spacing.x;
    // Less the margins and the frame's stroke on each side.
    let w = (box_w + note_w + 48.0 - gap) / 2.0 - 2.0 * BOX_MARGIN - 2.0;
    for pair in BoxKind::IMPACT.chunks(2) {
        ui.horizontal_top(|ui| {
            for &kind in pair {
                chain_box(ui, s, chain, kind, w.max(140.0), out);
            }
        });
    }
    for kind in BoxKind::SPINE_DOWN {
        if let Some(a) = all.iter().find(|a| a.from == kind) {
            arrow_row(ui, s, a, box_w, note_w);
        }
        chain_box(ui, s, chain, kind, box_w, out);
    }
    let area = egui::Rect::from_min_max(
        egui::pos2(ui.min_rect().left(), top),
        egui::pos2(ui.min_rect().right(), ui.cursor().top()),
    )
    .intersect(ui.clip_rect());
    let pass = ui.ctx().cumulative_pass_nr();
    ui.ctx()
        .data_mut(|d| d.insert_temp(crate::app::picture_rect_id(PictureOf::Chain), (area, pass)));
}

/// An upward arrow in the box column, the assumptions and risks beside it.
fn arrow_row(ui: &mut Ui, s: &State, a: &Arrow, box_w: f32, note_w: f32) {
    let t = texts();
    ui.horizontal_top(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(box_w, 8.0), Sense::hover());
        let notes = ui
            .vertical(|ui| {
                ui.set_max_width(note_w);
                for (text, status) in &a.assumptions {
                    ui.label(RichText::new(format!("• {text} [{status}]")).small());
                }
                for risk in &a.risks {
                    let (fg, _) = theme::severity_colours(
                        crate::model::warning::Severity::Warning,
                        ui.visuals(),
                    );
                    ui.label(RichText::new(format!("⚠ {risk}")).small().color(fg));
                }
            })
            .response;
        // The arrow runs the height of the notes, at the box column's middle.
        let x = rect.center().x;
        let (y0, y1) = (
            notes.rect.top() + 2.0,
            notes.rect.bottom().max(rect.top() + 30.0),
        );
        let stroke = Stroke::new(2.5, ui.visuals().strong_text_color());
        let painter = ui.painter();
        painter.line_segment([egui::pos2(x, y1), egui::pos2(x, y0 + 8.0)], stroke);
        painter.add(egui::Shape::convex_polygon(
            vec![
                egui::pos2(x - 7.0, y0 + 10.0),
                egui::pos2(x + 7.0, y0 + 10.0),
                egui::pos2(x, y0),
            ],
            ui.visuals().strong_text_color(),
            Stroke::NONE,
        ));
        let spoken = fill(
            t.chain_arrow_name,
            &[
                ("from", box_title(s.model, a.from)),
                ("to", box_title(s.model, a.to)),
            ],
        );
        notes.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &spoken));
    });
}

/// One box: its title, what the model says, its indicator; a click (or
/// Enter with the keyboard) opens its indicator for editing.
fn chain_box(
    ui: &mut Ui,
    s: &State,
    chain: &ResultsChain,
    kind: BoxKind,
    width: f32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    let visuals = ui.visuals().clone();
    let selected = s.view.chain_box == Some(kind);
    let fill_colour = if kind.is_plan_level() {
        visuals.faint_bg_color
    } else {
        visuals.extreme_bg_color
    };
    let stroke = if selected {
        Stroke::new(theme::FOCUS_WIDTH, theme::highlight(&visuals))
    } else {
        visuals.widgets.noninteractive.fg_stroke
    };
    let mut lines = box_lines(s.model, chain, kind);
    if kind == BoxKind::Market && lines.len() > SHOWN_CELLS {
        let more = lines.len() - SHOWN_CELLS;
        lines.truncate(SHOWN_CELLS);
        lines.push(fill(t.logframe_more, &[("count", &more.to_string())]));
    }
    let (indicator, mine) = field_text(s.model, s.doc.preset(), chain, kind, Field::Indicator);
    let framed = Frame::new()
        .fill(fill_colour)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(BOX_MARGIN)
        .show(ui, |ui| {
            // A box reads top to bottom whatever row it stands in.
            ui.vertical(|ui| {
                ui.set_width(width);
                ui.label(RichText::new(box_title(s.model, kind)).strong());
                for line in &lines {
                    ui.label(line);
                }
                let words = format!("{}: {indicator}", t.field_indicator);
                ui.label(if mine {
                    RichText::new(words)
                } else {
                    RichText::new(words).italics().weak()
                });
            });
        });
    let response = ui.interact(
        framed.response.rect,
        ui.scope_id().with(("chain-box", kind.id())),
        Sense::click(),
    );
    let spoken = format!("{}: {}", box_title(s.model, kind), lines.join("; "));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    access::name(ui.ctx(), response.id, &spoken, || {
        // Sentences joined once each: a line may end in a full stop, and an
        // impact box has no lines.
        let lines = lines.join("; ");
        let indicator = fill(t.chain_box_indicator, &[("indicator", &indicator)]);
        [box_title(s.model, kind), lines.as_str(), indicator.as_str()]
            .iter()
            .map(|p| p.trim_end_matches('.'))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(". ")
            + "."
    });
    if response.has_focus() {
        theme::focus_ring(ui.painter(), response.rect, &visuals);
    }
    if response.hovered() && !selected {
        ui.painter().rect_stroke(
            response.rect,
            6.0,
            Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    if response.clicked() {
        out.push(Action::SelectChainBox((!selected).then_some(kind)));
    }
}

/// The indicator of one box: every field, with the model's suggestion shown
/// where the user has written nothing.
fn editor(ui: &mut Ui, s: &State, chain: &ResultsChain, kind: BoxKind, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal(|ui| {
        ui.heading(fill(
            t.chain_edit_title,
            &[("box", box_title(s.model, kind))],
        ));
        if ui.button(t.chain_close_editor).clicked() {
            out.push(Action::SelectChainBox(None));
        }
    });
    if kind.is_plan_level() {
        ui.label(RichText::new(t.chain_plan_level).weak());
    }
    for field in Field::ALL {
        let (shown, mine) = field_text(s.model, s.doc.preset(), chain, kind, field);
        let label = ui.label(RichText::new(field_word(field)).strong());
        let mut text = if mine { shown.clone() } else { String::new() };
        let hint = if mine { String::new() } else { shown };
        let edit = if field == Field::Indicator || field == Field::Means {
            egui::TextEdit::multiline(&mut text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let r = ui
            .add(
                edit.desired_width(f32::INFINITY)
                    .hint_text(RichText::new(hint).italics()),
            )
            .labelled_by(label.id);
        if r.changed() {
            // Typing is one undo step until the field loses focus.
            out.push(Action::Edit {
                edit: Edit::SetIndicator {
                    plan: chain.plan,
                    entry: (!kind.is_plan_level()).then_some(chain.entry),
                    kind,
                    field,
                    value: Some(text),
                },
                merge: true,
            });
        }
        if r.lost_focus() {
            out.push(Action::EndGesture);
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t.chain_suggested_note).weak().small());
}
