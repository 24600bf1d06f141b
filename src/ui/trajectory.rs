//! Capability over the years (egui_plot): every plan's trajectory over the
//! baseline, the active plan emphasised, the baseline dashed, the stage bands
//! shaded and named, the active plan's effort A–D on demand, and the model's
//! caveat under the plot.

use super::{State, stage_word, theme};
use crate::app::action::{Action, ViewAction};
use crate::mechanism::Effort;
use crate::text::{fill, num, texts};
use crate::trajectory::{Trajectory, Year};
use egui::{Color32, RichText, Ui};
use egui_plot::{
    Axis, FilledArea, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, PlotUi, Span,
    Text,
};

fn points(tr: &Trajectory, value: impl Fn(&Year) -> f64) -> PlotPoints<'static> {
    tr.years.iter().map(|y| [y.year as f64, value(y)]).collect()
}

/// The summary sentence for the horizon.
pub fn summary(s: &State) -> String {
    let t = texts();
    let e = s.doc.evaluation();
    let base = &e.baseline.trajectory;
    let Some(last) = base.years.last() else {
        return String::new();
    };
    match s.active() {
        Some((i, plan)) => {
            let o = &e.plans[i].outcome;
            fill(
                t.trajectory_summary_plan,
                &[
                    ("year", &last.year.to_string()),
                    ("with", &num(o.capability)),
                    ("stage", stage_word(o.stage)),
                    ("plan", &plan.name),
                    ("without", &num(last.capability)),
                ],
            )
        }
        None => fill(
            t.trajectory_summary,
            &[
                ("year", &last.year.to_string()),
                ("capability", &num(last.capability)),
                ("stage", stage_word(last.stage)),
            ],
        ),
    }
}

/// A short line sample and its name: solid, or dashed for the baseline.
fn legend_entry(ui: &mut Ui, name: RichText, colour: Color32, dashed: bool) {
    // Sample and name stay together when the header wraps.
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
        let y = rect.center().y;
        let stroke = egui::Stroke::new(
            if dashed {
                theme::stroke::BASELINE
            } else {
                theme::stroke::LEGEND_SAMPLE
            },
            colour,
        );
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
    });
}

/// Everything the plot shows for the year nearest `x`, for the hover label.
fn year_values(s: &State, x: f64) -> String {
    let t = texts();
    let e = s.doc.evaluation();
    let year = x.clamp(0.0, e.horizon_years as f64) as usize;
    let mut lines = vec![fill(t.hover_year, &[("year", &year.to_string())])];
    let line = |name: &str, y: &Year| {
        crate::words::labelled(
            name,
            &format!("{} ({})", num(y.capability), stage_word(y.stage)),
        )
    };
    for (plan, p) in s.doc.preset().plans.iter().zip(&e.plans) {
        lines.push(line(&plan.name, &p.scenario.trajectory.years[year]));
    }
    lines.push(line(
        crate::text::texts().baseline_name,
        &e.baseline.trajectory.years[year],
    ));
    let shown = &s.with_plan().trajectory.years[year];
    let efforts: Vec<String> = Effort::ALL
        .iter()
        .map(|e| format!("{} {}", e.id(), num(shown.effort[e.index()])))
        .collect();
    lines.push(crate::words::labelled(
        t.effort_row,
        &crate::words::listed(&efforts),
    ));
    lines.push(crate::words::labelled(t.demand_line, &num(shown.demand)));
    lines.join("\n")
}

/// The least height of the chart's drawing area (between its axes), in
/// points. At 160 the three stage bands get about 50 points each: room for a
/// band's name inside it and for two or three lines to read apart within it,
/// and the y axis keeps a label every 0.2. Less, and the bands' names collide
/// with the lines (at 1280×800 it had shrunk to about 55).
pub const CHART_MIN_HEIGHT: f32 = 160.0;

/// What the plot takes besides its drawing area: the year marks and the axis
/// name under it.
const X_AXIS_HEIGHT: f32 = 42.0;

/// Room kept under the plot for the caveat until it has been drawn once
/// (two lines and its button).
const CAVEAT_HEIGHT: f32 = 44.0;

/// The least height [`panel`] needs to show the chart whole at
/// [`CHART_MIN_HEIGHT`]: the summary, a row of legend, the plot and two
/// lines of caveat.
pub const PANEL_MIN_HEIGHT: f32 = HEADER_HEIGHT + CHART_MIN_HEIGHT + X_AXIS_HEIGHT + CAVEAT_HEIGHT;

/// The summary's line and the legend's, at 1280 points wide.
const HEADER_HEIGHT: f32 = 60.0;

/// Draws the panel in `height` points: the chart takes what the header and
/// the caveat leave, and never less than [`CHART_MIN_HEIGHT`] (the dock
/// scrolls instead).
pub fn panel(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let top = ui.cursor().top();
    header(ui, s, out);
    let used = ui.cursor().top() - top;
    // The caveat wraps to as many lines as the width needs: its height is
    // the one measured on the last pass.
    let caveat_id = ui.scope_id().with("caveat-height");
    let caveat_height = ui
        .data(|d| d.get_temp::<f32>(caveat_id))
        .unwrap_or(CAVEAT_HEIGHT);
    // The spacing above and below the caveat is the layout's, not the
    // caveat's: without it a two-line caveat (French, Spanish) ends under
    // the window's edge.
    let room = height - used - caveat_height - 2.0 * ui.spacing().item_spacing.y;
    plot(ui, s, room.max(CHART_MIN_HEIGHT + X_AXIS_HEIGHT));
    let caveat_top = ui.cursor().top();
    caveat(ui, s, out);
    let measured = ui.cursor().top() - caveat_top;
    if (measured - caveat_height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(caveat_id, measured));
        ui.ctx().request_discard("the caveat's height changed");
    }
    // Where the chart with its legend and caveat was drawn this pass: a
    // picture of the chart alone is cut from the window's along it.
    let left = ui.min_rect().left();
    // Only what is on screen: the dock may be scrolled or cut short.
    let area = egui::Rect::from_min_max(
        egui::pos2(left, top),
        egui::pos2(ui.max_rect().right(), ui.cursor().top()),
    )
    .intersect(ui.clip_rect());
    let pass = ui.ctx().cumulative_pass_nr();
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            crate::app::picture_rect_id(crate::app::action::PictureOf::Chart),
            (area, pass),
        )
    });
}

/// The summary with the effort switch, and the legend (outside the plot,
/// where it would cover the stage bands).
fn header(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let visuals = ui.visuals().clone();
    // The dock's tab names the chart; the summary leads. The effort switch
    // goes beside it where there is room, else after the legend: two rows,
    // not three, leave the chart its height.
    let summary = RichText::new(summary(s)).strong();
    let beside =
        super::one_line_width(ui, summary.clone()) + switch_width(ui) <= ui.available_width();
    ui.horizontal_wrapped(|ui| {
        ui.label(summary);
        if beside {
            effort_switch(ui, s, out);
        }
    });
    ui.horizontal_wrapped(|ui| {
        let active = s.doc.active_plan();
        for (i, plan) in s.doc.preset().plans.iter().enumerate() {
            let name = RichText::new(&plan.name);
            let name = if active == Some(i) {
                name.strong()
            } else {
                name
            };
            legend_entry(ui, name, theme::series_colour(i, &visuals), false);
        }
        legend_entry(
            ui,
            RichText::new(crate::text::texts().baseline_name),
            theme::baseline_colour(&visuals),
            true,
        );
        if s.doc.preset().is_uncertain() {
            let note = if s.analysis_current {
                t.bands_note
            } else {
                t.refreshing
            };
            ui.label(RichText::new(note).small().weak());
        }
        if !beside {
            effort_switch(ui, s, out);
        }
    });
}

/// The width [`effort_switch`] takes in a row, with the space before it.
fn switch_width(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    SWITCH_GAP
        + spacing.icon_width
        + spacing.icon_spacing
        + 3.0 * spacing.item_spacing.x
        + super::one_line_width(ui, texts().show_efforts)
}

/// Room before the effort switch, apart from what precedes it.
const SWITCH_GAP: f32 = 12.0;

/// The switch that shows the active plan's efforts A–D on the chart.
fn effort_switch(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    ui.add_space(SWITCH_GAP);
    let mut show = s.settings.show_efforts;
    if ui.checkbox(&mut show, texts().show_efforts).changed() {
        out.push(ViewAction::ToggleEfforts.into());
    }
}

fn plot(ui: &mut Ui, s: &State, height: f32) {
    let t = texts();
    let horizon = s.doc.evaluation().horizon_years as f64;
    let visuals = ui.visuals().clone();
    let response = Plot::new("trajectory-plot")
        .height(height)
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
        // Capability as the language writes it: 0,2 in French and Spanish.
        .y_axis_formatter(|mark, _| {
            let decimals = if mark.value.fract().abs() < 1e-9 {
                0
            } else {
                1
            };
            crate::text::number(mark.value, decimals)
        })
        .label_formatter(|pos| {
            let x = match pos {
                HoverPosition::NearDataPoint { position, .. }
                | HoverPosition::Elsewhere { position } => position.x,
            };
            Some(year_values(s, x.round()))
        })
        .show(ui, |plot| {
            stage_bands(plot, s, &visuals);
            lines(plot, s, &visuals);
        })
        .response;
    // A picture to the eye; to a listener, a name and what it shows in
    // words (Ctrl+Shift+C copies the numbers as a table).
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, t.chart_title));
    super::access::name(ui.ctx(), response.id, t.chart_title, || {
        crate::export::chart::description(s.doc.preset(), s.doc.evaluation())
    });
}

/// The stages as shaded bands, each named inside its band.
fn stage_bands(plot: &mut PlotUi, s: &State, visuals: &egui::Visuals) {
    let band_fill = |alpha: u8| {
        if visuals.dark_mode {
            Color32::from_white_alpha(alpha)
        } else {
            Color32::from_black_alpha(alpha)
        }
    };
    // Darker as capability grows, lowest stage first.
    let alphas = [10, 22, 34];
    for (range, alpha) in s.model.stage_ranges().into_iter().zip(alphas) {
        // Unnamed: the stage is written inside its band instead.
        plot.add(
            Span::new("", range.low..=range.high)
                .axis(Axis::Y)
                .fill(band_fill(alpha)),
        );
        plot.text(
            Text::new(
                "",
                PlotPoint::new(0.0, range.high),
                RichText::new(format!(" {}", stage_word(range.stage))).small(),
            )
            .anchor(egui::Align2::LEFT_TOP)
            .color(visuals.weak_text_color()),
        );
    }
}

/// The baseline dashed, every plan (the active one last, on top, and
/// thicker), and the active plan's efforts on demand.
fn lines(plot: &mut PlotUi, s: &State, visuals: &egui::Visuals) {
    let t = texts();
    let e = s.doc.evaluation();
    if s.settings.show_efforts {
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
                    points(&s.with_plan().trajectory, |y| y.effort[j]),
                )
                .color(theme::effort_colour(j, visuals))
                .style(styles[j])
                .width(theme::stroke::EFFORT_LINE),
            );
        }
    }
    bands(plot, s, visuals);
    plot.line(
        Line::new(
            crate::text::texts().baseline_name,
            points(&e.baseline.trajectory, |y| y.capability),
        )
        .color(theme::baseline_colour(visuals))
        .style(LineStyle::dashed_loose())
        .width(theme::stroke::BASELINE),
    );
    let active = s.doc.active_plan();
    let plans = s.doc.preset().plans.iter().zip(&e.plans).enumerate();
    let (emphasised, others): (Vec<_>, Vec<_>) = plans.partition(|(i, _)| active == Some(*i));
    for (i, (plan, p)) in others.into_iter().chain(emphasised) {
        let width = if active == Some(i) {
            theme::stroke::PLAN_LINE_ACTIVE
        } else {
            theme::stroke::PLAN_LINE
        };
        plot.line(
            Line::new(
                plan.name.as_str(),
                points(&p.scenario.trajectory, |y| y.capability),
            )
            .color(theme::series_colour(i, visuals))
            .width(width),
        );
    }
}

/// The Monte Carlo's 10–90 % band and median around the baseline and every
/// plan, when the preset has uncertainty. A band still being recomputed is
/// drawn from the last result (the legend says it is refreshing), unless it
/// no longer fits the plans or the horizon.
fn bands(plot: &mut PlotUi, s: &State, visuals: &egui::Visuals) {
    let Some(u) = s.analysis.and_then(|a| a.bands_for(s.doc.preset())) else {
        return;
    };
    let plans = &s.doc.preset().plans;
    let t = texts();
    let scenarios = std::iter::once((
        crate::text::texts().baseline_name,
        &u.baseline,
        theme::baseline_colour(visuals),
    ))
    .chain(
        plans
            .iter()
            .zip(&u.plans)
            .enumerate()
            .map(|(i, (p, b))| (p.name.as_str(), b, theme::series_colour(i, visuals))),
    );
    for (name, band, colour) in scenarios {
        let xs: Vec<f64> = band.iter().map(|b| b.year as f64).collect();
        let low: Vec<f64> = band.iter().map(|b| b.p10).collect();
        let high: Vec<f64> = band.iter().map(|b| b.p90).collect();
        let label = fill(t.band_line, &[("name", name)]);
        plot.add(
            FilledArea::new(label, &xs, &low, &high)
                .fill_color(colour.gamma_multiply(0.18))
                .allow_hover(false),
        );
        let median: PlotPoints<'static> = band.iter().map(|b| [b.year as f64, b.p50]).collect();
        plot.line(
            Line::new("", median)
                .color(colour.gamma_multiply(0.8))
                .style(LineStyle::Dotted { spacing: 4.0 })
                .width(theme::stroke::MEDIAN),
        );
    }
}

fn caveat(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(s.model.caveat_line()).small().italics());
        if ui.small_button(t.more_about_model).clicked() {
            out.push(ViewAction::ShowAbout(true).into());
        }
    });
}
