//! Which lever binds (plans-and-levers §4), for the active plan: the sentence
//! that names the binding side, a tornado of what moving each attribute by 0.1
//! does to capability at the horizon, and the catalogue ranked by what each
//! intervention adds, each with a button that adds it to the plan. The
//! analysis runs off the UI thread; while it catches up, the last result is
//! shown marked as refreshing.

use super::{State, about, theme};
use crate::analysis::levers::{AttributeLever, Levers};
use crate::app::action::Action;
use crate::text::{fill, signed_number, texts};
use crate::words::amount;
use egui::{Align2, FontId, RichText, Sense, Stroke, Ui, pos2, vec2};

const ROW: f32 = 22.0;

/// Draws the panel.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let Some(analysis) = s.analysis else {
        ui.label(RichText::new(t.levers_waiting).weak());
        return;
    };
    let l = &analysis.levers;
    ui.horizontal_wrapped(|ui| {
        let sentence = ui.label(RichText::new(&l.binding.text).strong());
        about::hover_with_terms(sentence, s.model, "", &l.binding.text);
        if !s.analysis_current {
            ui.label(RichText::new(t.refreshing).italics().weak());
        }
    });
    // Where the plan has the intervention the sentence names already, say
    // so, so that it does not read as advice to add it.
    let named = l
        .binding
        .intervention
        .and_then(|index| l.interventions.iter().find(|i| i.index == index));
    if let Some(top) = named.filter(|i| i.in_plan) {
        let name = &s.model.catalogue[top.index].name;
        ui.label(RichText::new(fill(t.in_plan_hint, &[("name", name)])).italics());
    }
    let plan = l
        .plan
        .and_then(|i| s.doc.preset().plan(i))
        .map_or(t.levers_no_plan.to_owned(), |p| {
            fill(t.levers_of_plan, &[("plan", &p.name)])
        });
    ui.label(
        RichText::new(fill(
            t.levers_intro,
            &[
                ("year", &s.doc.preset().horizon_years.to_string()),
                ("plan", &plan),
            ],
        ))
        .small(),
    );
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("levers-scroll")
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                tornado(&mut columns[0], s, l);
                ranking(&mut columns[1], s, l, out);
            });
            // The last row clear of the window's edge when scrolled down.
            ui.add_space(12.0);
        });
}

/// One attribute's effect in words, for the hover and a listener.
fn attribute_words(s: &State, a: &AttributeLever) -> String {
    fill(
        texts().tornado_row,
        &[
            ("attribute", &s.model.attribute_info(a.attribute).name),
            ("up", &signed_number(a.gain_up, 3)),
            ("down", &signed_number(a.gain_down, 3)),
        ],
    )
}

/// The attributes as a tornado: gain from +0.1 to the right, from −0.1 to the
/// left, largest first, names in words.
fn tornado(ui: &mut Ui, s: &State, l: &Levers) {
    let t = texts();
    let heading = ui.label(RichText::new(t.tornado_heading).strong());
    // The chart as a whole for a listener: what it measures and its largest
    // bar (each row below is named with its numbers).
    if let Some(top) = l.attributes.first() {
        super::access::name(ui.ctx(), heading.id, t.tornado_heading, || {
            fill(
                t.tornado_spoken,
                &[
                    ("year", &s.doc.evaluation().horizon_years.to_string()),
                    ("attribute", &s.model.attribute_info(top.attribute).name),
                    ("up", &signed_number(top.gain_up, 3)),
                    ("down", &signed_number(top.gain_down, 3)),
                ],
            )
        });
    }
    let width = ui.available_width();
    let name_w = (width * 0.42).min(190.0);
    let half = (width - name_w - 8.0) / 2.0;
    let scale = l
        .attributes
        .iter()
        .flat_map(|a| [a.gain_up.abs(), a.gain_down.abs()])
        .fold(1e-9, f64::max);
    let visuals = ui.visuals().clone();
    let up_colour = theme::plan_colour(&visuals);
    let down_colour = theme::baseline_colour(&visuals);
    for a in &l.attributes {
        let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::hover());
        let words = attribute_words(s, a);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
        let painter = ui.painter_at(rect);
        painter.text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            &s.model.attribute_info(a.attribute).name,
            FontId::proportional(theme::size::PAINTED),
            visuals.text_color(),
        );
        let axis = rect.left() + name_w + half;
        let bar = |gain: f64, colour| {
            let length = (gain.abs() / scale) as f32 * (half - 4.0);
            let (x0, x1) = if gain >= 0.0 {
                (axis, axis + length)
            } else {
                (axis - length, axis)
            };
            painter.rect_filled(
                egui::Rect::from_min_max(pos2(x0, rect.top() + 4.0), pos2(x1, rect.bottom() - 4.0)),
                2.0,
                colour,
            );
        };
        bar(a.gain_down, down_colour);
        bar(a.gain_up, up_colour);
        painter.vline(
            axis,
            rect.y_range(),
            Stroke::new(theme::stroke::RULE, visuals.weak_text_color()),
        );
        response.on_hover_text(words);
    }
    ui.label(RichText::new(t.tornado_legend).small());
}

/// The catalogue ranked by what each intervention adds to the plan; those
/// the plan has already are tagged.
fn ranking(ui: &mut Ui, s: &State, l: &Levers, out: &mut Vec<Action>) {
    let t = texts();
    ui.label(RichText::new(t.ranking_heading).strong());
    let plan = s.doc.active_plan();
    for i in &l.interventions {
        let item = &s.model.catalogue[i.index];
        let mut words = fill(
            t.ranking_row,
            &[
                ("name", &item.name),
                ("side", s.side_name(i.side)),
                ("gain", &signed_number(i.gain, 3)),
            ],
        );
        if let Some(g) = i.gain_per_million {
            words.push_str(&fill(
                t.ranking_per_million,
                &[("value", &crate::text::number(g, 3))],
            ));
        }
        if let Some(c) = i.cost {
            let currency = s.doc.preset().currency.as_deref();
            words.push_str(&fill(t.ranking_cost, &[("value", &amount(c, currency))]));
        }
        ui.horizontal_wrapped(|ui| {
            let add = ui
                .add_enabled(plan.is_some(), egui::Button::new(t.add_to_plan).small())
                .on_hover_text(fill(t.add_to_plan_hint, &[("name", &item.name)]))
                .on_disabled_hover_text(t.add_needs_plan);
            if add.clicked()
                && let Some(plan) = plan
            {
                out.push(Action::add_intervention(plan, &item.id));
            }
            ui.label(words);
            if i.in_plan {
                // Whole on one line: it moves under the words rather than
                // break in two.
                ui.add(
                    egui::Label::new(
                        RichText::new(t.in_plan_tag)
                            .small()
                            .color(theme::plan_colour(ui.visuals())),
                    )
                    .wrap_mode(egui::TextWrapMode::Extend),
                )
                .on_hover_text(fill(t.in_plan_hint, &[("name", &item.name)]));
            }
        });
    }
}
