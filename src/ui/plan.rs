//! The plan as the preset holds it: each intervention with its side, start
//! year, intensity and cost. Editing the plan comes later; this is its place.

use super::State;
use super::text::{fill, num, texts};
use crate::plan::{Lever, Side};
use egui::{Frame, Margin, RichText, Ui};

fn side_name<'a>(s: &'a State, side: Side) -> &'a str {
    s.model
        .file
        .sides
        .iter()
        .find(|d| d.id == side.id())
        .map_or(side.id(), |d| d.name.as_str())
}

/// Thousands separated by commas: 250,000.
fn money(x: f64) -> String {
    let whole = format!("{:.0}", x.round());
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && ch.is_ascii_digit() {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Draws the plan.
pub fn panel(ui: &mut Ui, s: &State) {
    let t = texts();
    let model = s.model;
    super::heading(ui, t.plan_heading);
    let entries = s.doc.preset().entries();
    if entries.is_empty() {
        ui.label(RichText::new(t.plan_empty).weak());
        return;
    }
    let mut total = 0.0;
    for entry in entries {
        let (side, effects) = entry
            .resolve(model)
            .map_or((Side::Supply, &[][..]), |(s, e)| (s, e));
        let mut hover = String::new();
        match &entry.lever {
            Lever::Catalogue(id) => {
                if let Some(info) = model.file.interventions.iter().find(|i| &i.id == id) {
                    hover = format!("{}\n\n{}", info.description, info.evidence);
                }
            }
            Lever::Custom(_) => hover.push_str(t.plan_custom),
        }
        let effect_text: Vec<String> = effects
            .iter()
            .map(|(a, d)| {
                format!(
                    "{} {:+.2}",
                    model.attribute_info(*a).name.to_lowercase(),
                    d * entry.intensity()
                )
            })
            .collect();
        hover = format!("{hover}\n\n{}", effect_text.join(", "));
        Frame::new()
            .inner_margin(Margin::symmetric(6, 4))
            .corner_radius(4.0)
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let name = match &entry.lever {
                    Lever::Custom(_) => format!("{} ({})", entry.name(model), t.plan_custom),
                    Lever::Catalogue(_) => entry.name(model).to_owned(),
                };
                ui.label(RichText::new(name).strong()).on_hover_text(&hover);
                let mut line = fill(
                    t.plan_entry,
                    &[
                        ("side", side_name(s, side)),
                        ("year", &entry.start_year.to_string()),
                    ],
                );
                line.push_str(" · ");
                line.push_str(&fill(
                    t.plan_intensity,
                    &[("value", &num(entry.intensity()))],
                ));
                if let Some(cost) = entry.cost {
                    total += cost;
                    line.push_str(" · ");
                    line.push_str(&fill(t.plan_cost, &[("value", &money(cost))]));
                }
                ui.label(RichText::new(line).small());
                ui.label(RichText::new(effect_text.join(", ")).small().weak());
            });
    }
    if total > 0.0 {
        ui.label(fill(t.plan_total_cost, &[("value", &money(total))]));
    }
    ui.label(RichText::new(t.plan_editing_note).small().weak());
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(250000.0), "250,000");
        assert_eq!(money(1234567.4), "1,234,567");
        assert_eq!(money(12.0), "12");
    }
}
