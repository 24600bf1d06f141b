//! Capability over the years (egui_plot): the with-plan trajectory over the
//! baseline, the stage bands shaded and named, effort A–D on demand, and the
//! model's caveat under the plot.

use super::text::{fill, num, texts};
use super::{State, theme};
use crate::app::action::Action;
use crate::mechanism::Effort;
use crate::trajectory::{Stage, Trajectory};
use egui::{Color32, RichText, Ui};
use egui_plot::{Axis, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Span, Text};

fn stage_word(stage: Stage) -> &'static str {
    let t = texts();
    match stage {
        Stage::Basic => t.stage_basic,
        Stage::Intermediate => t.stage_intermediate,
        Stage::Advanced => t.stage_advanced,
    }
}

fn points(tr: &Trajectory, value: impl Fn(&crate::trajectory::Year) -> f64) -> PlotPoints<'static> {
    tr.years.iter().map(|y| [y.year as f64, value(y)]).collect()
}

/// The summary sentence for the horizon.
pub fn summary(s: &State) -> String {
    let t = texts();
    let e = s.doc.evaluation();
    let Some(with) = e.with_plan.trajectory.years.last() else {
        return String::new();
    };
    let base = e.baseline.trajectory.final_capability();
    if s.has_plan() {
        fill(
            t.trajectory_summary_plan,
            &[
                ("year", &with.year.to_string()),
                ("with", &num(with.capability)),
                ("stage", stage_word(with.stage)),
                ("without", &num(base)),
            ],
        )
    } else {
        fill(
            t.trajectory_summary,
            &[
                ("year", &with.year.to_string()),
                ("capability", &num(with.capability)),
                ("stage", stage_word(with.stage)),
            ],
        )
    }
}

/// A short line sample and its name: solid, or dashed for the baseline.
fn legend_entry(ui: &mut Ui, name: &str, colour: Color32, dashed: bool) {
    // Sample and name stay together when the header wraps.
    ui.horizontal(|ui| legend_sample(ui, name, colour, dashed));
}

fn legend_sample(ui: &mut Ui, name: &str, colour: Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(if dashed { 2.0 } else { 3.0 }, colour);
    if dashed {
        for x in [rect.left(), rect.left() + 10.0, rect.left() + 20.0] {
            ui.painter()
                .line_segment([egui::pos2(x, y), egui::pos2(x + 6.0, y)], stroke);
        }
    } else {
        ui.painter().line_segment(
            [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
            stroke,
        );
    }
    ui.label(name);
}

/// Everything the plot shows for the year nearest `x`, for the hover label.
fn year_values(s: &State, x: f64) -> String {
    let t = texts();
    let e = s.doc.evaluation();
    let year = x.clamp(0.0, e.horizon_years as f64) as usize;
    let mut lines = vec![fill(t.hover_year, &[("year", &year.to_string())])];
    let with = &e.with_plan.trajectory.years[year];
    let base = &e.baseline.trajectory.years[year];
    let name = if s.has_plan() {
        t.capability_with_plan
    } else {
        t.capability
    };
    lines.push(format!(
        "{name}: {} ({})",
        num(with.capability),
        stage_word(with.stage)
    ));
    if s.has_plan() {
        lines.push(format!(
            "{}: {} ({})",
            t.capability_baseline,
            num(base.capability),
            stage_word(base.stage)
        ));
    }
    let efforts: Vec<String> = Effort::ALL
        .iter()
        .map(|e| format!("{} {}", e.id(), num(with.effort[e.index()])))
        .collect();
    lines.push(format!("{}: {}", t.effort_row, efforts.join(", ")));
    lines.push(format!("{}: {}", t.demand_line, num(with.demand)));
    lines.join("\n")
}

/// Room kept under the plot for the caveat line.
const CAVEAT_HEIGHT: f32 = 44.0;

/// The least height the panel is given, plot and caveat included.
pub const MIN_HEIGHT: f32 = 230.0;

/// Draws the panel in `height` points.
pub fn panel(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let t = texts();
    let top = ui.cursor().top();
    let e = s.doc.evaluation();
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        super::heading(ui, t.trajectory_heading);
        ui.label(RichText::new(summary(s)).strong());
    });
    // The legend lives here rather than inside the plot, where it would cover
    // the stage bands and the lines.
    ui.horizontal(|ui| {
        if s.has_plan() {
            legend_entry(
                ui,
                t.capability_with_plan,
                theme::plan_colour(&visuals),
                false,
            );
            legend_entry(
                ui,
                t.capability_baseline,
                theme::baseline_colour(&visuals),
                true,
            );
        } else {
            legend_entry(ui, t.capability, theme::plan_colour(&visuals), false);
        }
        ui.add_space(12.0);
        let mut show = s.settings.show_efforts;
        if ui.checkbox(&mut show, t.show_efforts).changed() {
            out.push(Action::ToggleEfforts);
        }
    });
    // The caveat under the plot takes up to two lines of small type.
    let header = ui.cursor().top() - top;
    let plot_height = (height - header - CAVEAT_HEIGHT).max(140.0);
    let horizon = e.horizon_years as f64;
    let bounds = &s.model.file.stages;
    let band_fill = |alpha: u8| {
        if visuals.dark_mode {
            Color32::from_white_alpha(alpha)
        } else {
            Color32::from_black_alpha(alpha)
        }
    };
    let has_plan = s.has_plan();
    let show_efforts = s.settings.show_efforts;
    Plot::new("trajectory-plot")
        .height(plot_height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.0)
        .include_x(horizon)
        .include_y(0.0)
        .include_y(1.0)
        .x_axis_label(t.year_axis)
        // Years are whole: a mark every year, labelled every five.
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [0.1, 0.2, 1.0]))
        .y_axis_label(t.capability_axis)
        .label_formatter(|pos| {
            let x = match pos {
                HoverPosition::NearDataPoint { position, .. }
                | HoverPosition::Elsewhere { position } => position.x,
            };
            Some(year_values(s, x.round()))
        })
        .show(ui, |plot| {
            let stages = [
                (Stage::Basic, 0.0, bounds.intermediate, 10),
                (
                    Stage::Intermediate,
                    bounds.intermediate,
                    bounds.advanced,
                    22,
                ),
                (Stage::Advanced, bounds.advanced, 1.0, 34),
            ];
            for (stage, lo, hi, alpha) in stages {
                // Unnamed, so the legend lists only the lines; the stage is
                // written inside its band instead.
                plot.add(Span::new("", lo..=hi).axis(Axis::Y).fill(band_fill(alpha)));
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(0.0, hi),
                        RichText::new(format!(" {}", stage_word(stage))).small(),
                    )
                    .anchor(egui::Align2::LEFT_TOP)
                    .color(visuals.weak_text_color()),
                );
            }
            if show_efforts {
                let styles = [
                    LineStyle::Solid,
                    LineStyle::dashed_dense(),
                    LineStyle::dashed_loose(),
                    LineStyle::Dotted { spacing: 4.0 },
                ];
                for effort in Effort::ALL {
                    let j = effort.index();
                    plot.line(
                        Line::new(
                            fill(t.effort_line, &[("effort", effort.id())]),
                            points(&e.with_plan.trajectory, |y| y.effort[j]),
                        )
                        .color(theme::effort_colour(j, &visuals))
                        .style(styles[j])
                        .width(1.5),
                    );
                }
            }
            // With no plan the with-plan trajectory is the baseline: one line.
            if has_plan {
                plot.line(
                    Line::new(
                        t.capability_baseline,
                        points(&e.baseline.trajectory, |y| y.capability),
                    )
                    .color(theme::baseline_colour(&visuals))
                    .style(LineStyle::dashed_loose())
                    .width(2.0),
                );
            }
            let name = if has_plan {
                t.capability_with_plan
            } else {
                t.capability
            };
            plot.line(
                Line::new(name, points(&e.with_plan.trajectory, |y| y.capability))
                    .color(theme::plan_colour(&visuals))
                    .width(3.0),
            );
        });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&s.model.file.caveat_line).small().italics());
        if ui.small_button(t.more_about_model).clicked() {
            out.push(Action::ShowAbout(true));
        }
    });
}
