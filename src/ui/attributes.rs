//! The attribute panel: a slider per attribute, the four headline attributes
//! first and the others in folding groups. Each slider says in words what its
//! ends mean, shows the preset's value and, where the plan moves it, the
//! with-plan value beside it and as a tick on the track.

use super::State;
use super::theme;
use crate::app::action::Action;
use crate::attribute::Attribute;
use crate::edit::Edit;
use crate::text::{fill, num, texts};
use egui::{CollapsingHeader, RichText, Slider, Stroke, Ui};

/// Slider values are kept to two decimals, as the UI shows them, so a saved
/// preset reads 0.35 rather than 0.3472.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The group of the headline attributes, which never folds.
const HEADLINE: &str = "headline";

/// Draws the panel.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    super::heading(ui, t.cluster_heading);
    ui.label(RichText::new(t.cluster_hint).small().weak());
    about_cluster(ui, s);
    ui.add_space(4.0);
    let levers: Vec<Attribute> = if s.view.show_levers {
        s.model.indicators.market_pull.expr.attributes()
    } else {
        Vec::new()
    };
    for group in &s.model.file.attribute_groups {
        let members: Vec<Attribute> = Attribute::ALL
            .into_iter()
            .filter(|a| s.model.attribute_info(*a).group == group.id)
            .collect();
        if members.is_empty() {
            continue;
        }
        let mut body = |ui: &mut Ui| {
            for a in &members {
                attribute_slider(ui, s, *a, levers.contains(a), out);
            }
        };
        if group.id == HEADLINE {
            ui.label(RichText::new(&group.name).strong());
            body(ui);
        } else {
            CollapsingHeader::new(RichText::new(&group.name).strong())
                .id_salt(("group", &group.id))
                .default_open(false)
                .show(ui, body);
        }
    }
}

/// The preset's description and source, folded: for a case from the
/// literature, which facts of the study set each attribute.
fn about_cluster(ui: &mut Ui, s: &State) {
    let t = texts();
    let p = s.doc.preset();
    if p.description.is_none() && p.source.is_none() {
        return;
    }
    CollapsingHeader::new(RichText::new(t.about_cluster).small())
        .id_salt("about-cluster")
        .default_open(false)
        .show(ui, |ui| {
            if let Some(description) = &p.description {
                ui.label(RichText::new(description).small());
            }
            if let Some(source) = &p.source {
                ui.label(
                    RichText::new(format!("{}: {source}", t.source_label))
                        .small()
                        .italics(),
                );
            }
        });
}

fn attribute_slider(ui: &mut Ui, s: &State, a: Attribute, outlined: bool, out: &mut Vec<Action>) {
    let t = texts();
    let info = s.model.attribute_info(a);
    let value = s.doc.preset().attributes[a];
    let with_plan = s.with_plan().attributes[a];
    let hover = format!(
        "{}\n\n0 = {}\n1 = {}",
        info.explanation, info.low, info.high
    );
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(4, 3))
        .corner_radius(4.0)
        .stroke(if outlined {
            Stroke::new(2.5, theme::highlight(ui.visuals()))
        } else {
            Stroke::NONE
        });
    frame.show(ui, |ui| {
        let name = ui
            .horizontal_wrapped(|ui| {
                let name = ui
                    .label(RichText::new(&info.name).strong())
                    .on_hover_text(&hover);
                ui.label(RichText::new(num(value)).monospace())
                    .on_hover_text(format!("{value}"));
                if with_plan != value {
                    // One unit: on a narrow panel it moves to the next line whole.
                    let text =
                        RichText::new(fill(t.with_plan_value, &[("value", &num(with_plan))]))
                            .color(theme::plan_colour(ui.visuals()));
                    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
                        .on_hover_text(format!("{with_plan}"));
                }
                name
            })
            .inner;
        let mut v = value;
        ui.spacing_mut().slider_width = (ui.available_width() - 8.0).max(80.0);
        let r = ui
            .add(Slider::new(&mut v, 0.0..=1.0).show_value(false))
            .labelled_by(name.id)
            .on_hover_text(&hover);
        if with_plan != value {
            plan_tick(ui, r.rect, with_plan);
        }
        if r.drag_started() || r.drag_stopped() {
            out.push(Action::EndGesture);
        }
        if r.changed() {
            out.push(Action::Edit {
                edit: Edit::SetAttribute(a, round2(v)),
                merge: r.dragged(),
            });
        }
        // What the two ends mean, in small type under the track.
        let half = (ui.available_width() - ui.spacing().item_spacing.x) / 2.0;
        ui.horizontal_top(|ui| {
            let layout = |align| egui::Layout::top_down(align);
            ui.allocate_ui_with_layout(egui::vec2(half, 0.0), layout(egui::Align::Min), |ui| {
                ui.add(egui::Label::new(RichText::new(&info.low).small().weak()).wrap());
            });
            ui.allocate_ui_with_layout(egui::vec2(half, 0.0), layout(egui::Align::Max), |ui| {
                ui.add(
                    egui::Label::new(RichText::new(&info.high).small().weak())
                        .wrap()
                        .halign(egui::Align::Max),
                );
            });
        });
    });
}

/// A small triangle under the track where the plan takes the attribute.
fn plan_tick(ui: &Ui, rect: egui::Rect, value: f64) {
    let radius = rect.height() / 2.5;
    let x = egui::lerp(rect.left() + radius..=rect.right() - radius, value as f32);
    let y = rect.bottom();
    let colour = theme::plan_colour(ui.visuals());
    ui.painter().add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(x, y - 3.0),
            egui::pos2(x - 5.0, y + 5.0),
            egui::pos2(x + 5.0, y + 5.0),
        ],
        colour,
        Stroke::NONE,
    ));
}
