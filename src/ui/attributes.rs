//! The attribute panel: a slider per attribute, the four headline attributes
//! first and the others in folding groups. Each slider says in words what its
//! ends mean, shows the preset's value and, where the plan moves it, the
//! with-plan value beside it and as a tick on the track.

use super::theme;
use super::{State, fields};
use crate::app::action::{Action, DocAction};
use crate::attribute::Attribute;
use crate::edit::Edit;
use crate::plan::rules::MAX_HALF_WIDTH;
use crate::text::{fill, num, texts};
use crate::warnings::WarningId;
use egui::{CollapsingHeader, RichText, Slider, Stroke, Ui};

/// Draws the panel.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    super::heading(ui, t.cluster_heading);
    ui.label(RichText::new(t.cluster_hint).small().weak());
    about_cluster(ui, s, out);
    ui.add_space(4.0);
    // The attributes that would clear the warning the user asked to be shown,
    // as the model file names them.
    let levers: &[Attribute] = s
        .view
        .show_me
        .map_or(&[], |id| s.model.warning(id).show_me.as_slice());
    // The frame Show me is turned on (or moves to another warning), the
    // folded groups that hold an outlined attribute open; the user may fold
    // them again afterwards.
    let shown_before = ui.data(|d| d.get_temp::<Option<WarningId>>(shown_key(ui)));
    let newly_shown = s.view.show_me.is_some() && shown_before != Some(s.view.show_me);
    ui.data_mut(|d| d.insert_temp(shown_key(ui), s.view.show_me));
    for shown in s.model.attribute_groups() {
        let (group, members) = (shown.group, shown.members);
        if members.is_empty() {
            continue;
        }
        let mut body = |ui: &mut Ui| {
            for a in &members {
                attribute_slider(ui, s, *a, levers.contains(a), out);
            }
        };
        if shown.headline {
            ui.label(RichText::new(&group.name).strong());
            body(ui);
        } else {
            let holds_outlined = members.iter().any(|a| levers.contains(a));
            CollapsingHeader::new(RichText::new(&group.name).strong())
                .id_salt(("group", &group.id))
                .default_open(false)
                .open((newly_shown && holds_outlined).then_some(true))
                .show(ui, body);
        }
    }
}

/// Where the panel remembers which warning's attributes it last opened the
/// groups for.
fn shown_key(ui: &Ui) -> egui::Id {
    ui.scope_id().with("show-me-opened")
}

/// The preset's description and source, folded: for a case from the
/// literature, which facts of the study set each attribute.
fn about_cluster(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let p = s.doc.preset();
    CollapsingHeader::new(RichText::new(t.about_cluster).small())
        .id_salt("about-cluster")
        .default_open(false)
        .show(ui, |ui| {
            if let Some(description) = &p.description {
                ui.label(RichText::new(description).small());
            }
            if let Some(source) = &p.source {
                ui.label(
                    RichText::new(crate::words::labelled(t.source_label, source))
                        .small()
                        .italics(),
                );
            }
            super::evidence::section(ui, s, out);
        });
}

/// The four headline attributes, as the model file groups them.
pub fn headline(s: &State) -> Vec<Attribute> {
    s.model.headline_attributes()
}

/// One attribute: its name and value, the slider, what its ends mean.
pub fn attribute_slider(
    ui: &mut Ui,
    s: &State,
    a: Attribute,
    outlined: bool,
    out: &mut Vec<Action>,
) {
    let info = s.model.attribute_info(a);
    let mut hover = format!(
        "{}\n\n0 = {}\n1 = {}",
        info.explanation, info.low, info.high
    );
    if let Some(line) = super::evidence::line(s, a) {
        hover.push_str("\n\n");
        hover.push_str(&line);
    }
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(4, 3))
        .corner_radius(4.0)
        .stroke(if outlined {
            Stroke::new(theme::stroke::SHOWN, theme::highlight(ui.visuals()))
        } else {
            Stroke::NONE
        });
    frame.show(ui, |ui| {
        let name = name_row(ui, s, a, &hover, out);
        track(ui, s, a, name, &hover, out);
        ends(ui, &info.low, &info.high);
    });
}

/// The name, the value, the with-plan value where the plan moves it, and the
/// uncertainty (±). Returns the name's id, which labels the slider.
fn name_row(ui: &mut Ui, s: &State, a: Attribute, hover: &str, out: &mut Vec<Action>) -> egui::Id {
    let t = texts();
    let info = s.model.attribute_info(a);
    let value = s.doc.preset().attributes[a];
    let with_plan = s.with_plan().attributes[a];
    ui.horizontal_wrapped(|ui| {
        let name = ui
            .label(RichText::new(&info.name).strong())
            .on_hover_text(hover);
        ui.label(RichText::new(num(value)).monospace())
            .on_hover_text(crate::text::number(value, 3));
        uncertainty_field(ui, s, a, out);
        if with_plan != value {
            // One unit: on a narrow panel it moves to the next line whole.
            let text = RichText::new(fill(t.with_plan_value, &[("value", &num(with_plan))]))
                .color(theme::plan_colour(ui.visuals()));
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
                .on_hover_text(crate::text::number(with_plan, 3));
        }
        name.id
    })
    .inner
}

/// How uncertain the value is: a compact ± field, 0 to 0.5, that says on
/// hover and to a listener that it is the uncertainty (the panel's hint
/// says what ± means; the word beside every value would not fit at
/// 1280×800).
fn uncertainty_field(ui: &mut Ui, s: &State, a: Attribute, out: &mut Vec<Action>) {
    let t = texts();
    let mut u = s.doc.preset().uncertainty[a];
    let name = &s.model.attribute_info(a).name;
    let hover = fill(
        t.uncertainty_hover,
        &[
            ("name", name),
            ("value", &num(u)),
            ("hint", t.uncertainty_hint),
        ],
    );
    let r = ui
        .add(
            fields::decimal_field(&mut u, 2)
                .range(0.0..=MAX_HALF_WIDTH)
                .speed(0.005)
                .prefix(t.uncertainty_prefix),
        )
        .on_hover_text(hover);
    let spoken = fill(t.uncertainty_label, &[("name", name)]);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &spoken));
    if r.changed() {
        fields::edit_from(&r, Edit::SetUncertainty(a, u), out);
    } else {
        fields::end_of_drag(&r, out);
    }
}

/// The slider, with the with-plan value and the uncertainty marked on it.
fn track(ui: &mut Ui, s: &State, a: Attribute, name: egui::Id, hover: &str, out: &mut Vec<Action>) {
    let value = s.doc.preset().attributes[a];
    let with_plan = s.with_plan().attributes[a];
    let mut v = value;
    ui.spacing_mut().slider_width = (ui.available_width() - 8.0).max(80.0);
    let r = ui
        .add(Slider::new(&mut v, 0.0..=1.0).show_value(false))
        .labelled_by(name)
        .on_hover_text(hover);
    let u = s.doc.preset().uncertainty[a];
    if u > 0.0 {
        uncertainty_span(ui, r.rect, value, u);
    }
    if with_plan != value {
        plan_tick(ui, r.rect, with_plan);
    }
    if r.drag_started() || r.drag_stopped() {
        out.push(DocAction::EndGesture.into());
    }
    // The arrow keys step by 0.01, as values are kept: egui's own step
    // moves the handle one point, which rounds away to nothing. The edit
    // keeps the result to hundredths within 0..=1.
    let keys = if r.has_focus() { arrow_steps(ui) } else { 0 };
    let steps = keys + accesskit_steps(ui, r.id);
    if steps != 0 {
        out.push(Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(a, value + 0.01 * f64::from(steps)),
            merge: false,
        }));
    } else if r.changed() {
        out.push(Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(a, v),
            merge: r.dragged(),
        }));
    }
}

/// A screen reader's increments less its decrements this frame (egui's own
/// would move the value by a point of the track, which rounds away).
fn accesskit_steps(ui: &Ui, id: egui::Id) -> i32 {
    use egui::accesskit::Action as Ak;
    ui.input(|i| {
        let n = |a| i32::try_from(i.num_accesskit_action_requests(id, a)).unwrap_or(0);
        n(Ak::Increment) - n(Ak::Decrement)
    })
}

/// Right-arrow presses less left-arrow presses this frame.
fn arrow_steps(ui: &Ui) -> i32 {
    ui.input(|i| {
        let n = |k| i32::try_from(i.num_presses(k)).unwrap_or(0);
        n(egui::Key::ArrowRight) - n(egui::Key::ArrowLeft)
    })
}

/// What the two ends mean, in small type under the track.
fn ends(ui: &mut Ui, low: &str, high: &str) {
    let half = (ui.available_width() - ui.spacing().item_spacing.x) / 2.0;
    ui.horizontal_top(|ui| {
        let layout = |align| egui::Layout::top_down(align);
        ui.allocate_ui_with_layout(egui::vec2(half, 0.0), layout(egui::Align::Min), |ui| {
            ui.add(egui::Label::new(RichText::new(low).small().weak()).wrap());
        });
        ui.allocate_ui_with_layout(egui::vec2(half, 0.0), layout(egui::Align::Max), |ui| {
            ui.add(
                egui::Label::new(RichText::new(high).small().weak())
                    .wrap()
                    .halign(egui::Align::Max),
            );
        });
    });
}

/// The range the value may lie in, as a bar along the top of the track.
fn uncertainty_span(ui: &Ui, rect: egui::Rect, value: f64, u: f64) {
    let radius = rect.height() / 2.5;
    let x = |v: f64| {
        egui::lerp(
            rect.left() + radius..=rect.right() - radius,
            v.clamp(0.0, 1.0) as f32,
        )
    };
    let y = rect.top() + 1.0;
    let colour = theme::highlight(ui.visuals()).gamma_multiply(0.8);
    ui.painter().line_segment(
        [egui::pos2(x(value - u), y), egui::pos2(x(value + u), y)],
        Stroke::new(theme::stroke::UNCERTAINTY_RANGE, colour),
    );
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
