//! The Results chain tab: the selected entry's results chain drawn bottom-up
//! as DCED draws it (activity at the bottom, impact at the top), the
//! assumptions and risks beside each arrow, and a click on a box to edit its
//! indicator in the panel on the right. The chain itself is worked out by
//! the workbench ([`crate::app::chain`]); this view only draws it.

use super::State;
use super::access;
use super::theme;
use crate::app::action::{Action, DocAction, PictureOf, ViewAction};
use crate::chain::ResultsChain;
use crate::chain::describe::{
    Arrow, BoxWords, Described, assumption_line, box_title, chain_title, field_text, field_word,
};
use crate::edit::Edit;
use crate::model::chain::BoxKind;
use crate::plan::indicators::{Field, MAX_FIELD_CHARS};
use crate::text::{fill, texts};
use egui::{CentralPanel, Frame, Panel, RichText, ScrollArea, Sense, Stroke, Ui};

/// A box's inner margin.
const BOX_MARGIN: f32 = 8.0;
/// Lines of the model's a box shows at most (the exports list every cell).
const SHOWN_LINES: usize = 7;

/// Draws the tab.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let Some((chain, words)) = s.chain else {
        let why = if s.active().is_some() {
            t.chain_no_entry
        } else {
            t.chain_no_plan
        };
        ui.label(RichText::new(why).weak());
        return;
    };
    header(ui, s, chain, out);
    if let Some(kind) = s.view.chain_box {
        Panel::right("chain-indicator")
            .resizable(true)
            .default_size((ui.available_width() * 0.34).clamp(260.0, 420.0))
            .size_range(240.0..=560.0)
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("chain-indicator-scroll")
                    .show(ui, |ui| editor(ui, s, chain, kind, out));
            });
    }
    CentralPanel::default_margins()
        .frame(Frame::NONE)
        .show(ui, |ui| {
            ScrollArea::both()
                .id_salt("chain-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // How an entry is credited, from the model file: the
                    // chain's one rule. It scrolls away with the drawing, so
                    // that a short dock gives the boxes its height.
                    ui.label(RichText::new(&s.model.chain.attribution).weak().small());
                    ui.separator();
                    drawing(ui, s, words, out);
                    ui.add_space(BOX_MARGIN);
                });
        });
}

/// The entry picker and the hint (how an entry is credited scrolls with
/// the drawing).
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
                    let text = fill(
                        t.chain_entry_item,
                        &[
                            ("entry", e.name(s.model)),
                            ("year", &e.start_year.to_string()),
                        ],
                    );
                    if ui.selectable_label(i == chain.entry, text).clicked() && i != chain.entry {
                        out.push(ViewAction::SelectEntry(Some(i)).into());
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
fn drawing(ui: &mut Ui, s: &State, words: &Described, out: &mut Vec<Action>) {
    let top = ui.cursor().top();
    // Two columns, boxes and the notes beside the arrows; in a narrow dock
    // (an indicator open beside it) the drawing scrolls rather than squeeze.
    let width = ui.available_width().max(400.0);
    let box_w = (width * 0.55).clamp(220.0, 640.0);
    let note_w = (width - box_w - 48.0).max(150.0);
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
                chain_box(ui, s, kind, words.words(kind), w.max(140.0), out);
            }
        });
    }
    for kind in BoxKind::SPINE_DOWN {
        if let Some(a) = words.arrow_from(kind) {
            arrow_row(ui, s, a, box_w, note_w);
        }
        chain_box(ui, s, kind, words.words(kind), box_w, out);
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
                    let line = assumption_line(text, status);
                    ui.label(fill(t.chain_note_line, &[("note", &line)]));
                }
                // Each risk on the colours of its warning in the side panel.
                for (severity, risk) in &a.risks {
                    let (fill_colour, ink) = theme::severity_colours(*severity, ui.visuals());
                    Frame::new()
                        .fill(fill_colour)
                        .corner_radius(4.0)
                        .inner_margin(4.0)
                        .show(ui, |ui| {
                            let line = fill(t.chain_risk_line, &[("risk", risk)]);
                            ui.label(RichText::new(line).color(ink));
                        });
                }
            })
            .response;
        paint_arrow(ui, rect, notes.rect);
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

/// An upward arrow at the middle of the box column, the height of the notes.
fn paint_arrow(ui: &Ui, column: egui::Rect, notes: egui::Rect) {
    let x = column.center().x;
    let (y0, y1) = (notes.top() + 2.0, notes.bottom().max(column.top() + 30.0));
    let colour = ui.visuals().strong_text_color();
    let painter = ui.painter();
    painter.line_segment(
        [egui::pos2(x, y1), egui::pos2(x, y0 + 8.0)],
        Stroke::new(theme::stroke::ARROW, colour),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(x - 7.0, y0 + 10.0),
            egui::pos2(x + 7.0, y0 + 10.0),
            egui::pos2(x, y0),
        ],
        colour,
        Stroke::NONE,
    ));
}

/// One box: its title, what the model says, its indicator; a click (or
/// Enter with the keyboard) opens its indicator for editing.
fn chain_box(
    ui: &mut Ui,
    s: &State,
    kind: BoxKind,
    words: &BoxWords,
    width: f32,
    out: &mut Vec<Action>,
) {
    let selected = s.view.chain_box == Some(kind);
    let rect = paint_box(ui, s, kind, words, width, selected);
    let response = ui.interact(
        rect,
        ui.scope_id().with(("chain-box", kind.id())),
        Sense::click(),
    );
    let title = box_title(s.model, kind);
    let spoken = crate::words::labelled(title, &crate::words::listed(&words.lines));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    access::name(ui.ctx(), response.id, &spoken, || {
        // Sentences joined once each: a line may end in a full stop, and an
        // impact box has no lines.
        let lines = crate::words::listed(&words.lines);
        [title, lines.as_str(), words.indicator.as_str()]
            .iter()
            .map(|p| p.trim_end_matches('.'))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(". ")
            + "."
    });
    let visuals = ui.visuals();
    if response.has_focus() {
        theme::focus_ring(ui.painter(), response.rect, visuals);
    }
    if response.hovered() && !selected {
        ui.painter().rect_stroke(
            response.rect,
            6.0,
            Stroke::new(
                theme::stroke::HOVER,
                visuals.widgets.hovered.fg_stroke.color,
            ),
            egui::StrokeKind::Inside,
        );
    }
    if response.clicked() {
        out.push(ViewAction::SelectChainBox((!selected).then_some(kind)).into());
    }
}

/// Draws a box's frame and words, at most [`SHOWN_LINES`] of the model's;
/// returns where it was drawn.
fn paint_box(
    ui: &mut Ui,
    s: &State,
    kind: BoxKind,
    words: &BoxWords,
    width: f32,
    selected: bool,
) -> egui::Rect {
    let visuals = ui.visuals().clone();
    let fill_colour = if kind.is_plan_level() {
        visuals.faint_bg_color
    } else {
        visuals.extreme_bg_color
    };
    let stroke = if selected {
        Stroke::new(theme::stroke::FOCUS, theme::highlight(&visuals))
    } else {
        visuals.widgets.noninteractive.fg_stroke
    };
    let cut = words.lines.len() > SHOWN_LINES;
    let shown = if cut {
        &words.lines[..SHOWN_LINES - 1]
    } else {
        &words.lines[..]
    };
    Frame::new()
        .fill(fill_colour)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(BOX_MARGIN)
        .show(ui, |ui| {
            // A box reads top to bottom whatever row it stands in.
            ui.vertical(|ui| {
                ui.set_width(width);
                ui.label(RichText::new(box_title(s.model, kind)).strong());
                for line in shown {
                    ui.label(line);
                }
                if cut {
                    ui.label(crate::words::and_more(words.lines.len() - shown.len()));
                }
                // The model's suggestion is grey, as in the logframe.
                let indicator = RichText::new(&words.indicator);
                ui.label(if words.mine {
                    indicator
                } else {
                    indicator.italics().weak()
                });
            });
        })
        .response
        .rect
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
            out.push(ViewAction::SelectChainBox(None).into());
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
        // Its own id per entry, box and field, so the cursor never moves to
        // another box's field; no more than a file may hold.
        let r = ui
            .add(
                edit.id_salt(("indicator", chain.plan, chain.entry, kind.id(), field.id()))
                    .char_limit(MAX_FIELD_CHARS)
                    .desired_width(f32::INFINITY)
                    .hint_text(RichText::new(hint).italics()),
            )
            .labelled_by(label.id);
        if r.changed() {
            // Typing is one undo step until the field loses focus.
            out.push(Action::Document(DocAction::Edit {
                edit: Edit::indicator(chain.plan, chain.entry, kind, field, text),
                merge: true,
            }));
        }
        if r.lost_focus() {
            out.push(DocAction::EndGesture.into());
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t.chain_suggested_note).weak().small());
}
