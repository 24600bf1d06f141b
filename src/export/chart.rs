//! The capability chart as SVG, for the report: the cluster without a plan and
//! each plan, year by year, over the capability stages, with the 10–90 % band
//! of the Monte Carlo where the preset has uncertainty. Drawn to read in print
//! and in greyscale: every line has its own dash pattern as well as a colour,
//! and the legend names each with its value at the horizon.

use crate::analysis::uncertainty::{Band, Uncertainty};
use crate::evaluation::Evaluation;
use crate::model::Model;
use crate::preset::Preset;
use crate::text::{fill, num, texts};
use crate::trajectory::Trajectory;
use crate::words::stage_word;
use svg::Document;
use svg::node::element::path::Data;
use svg::node::element::{Description, Group, Line, Path, Rectangle, Text, Title};

const WIDTH: f64 = 720.0;
const PLOT_HEIGHT: f64 = 300.0;
/// The legend: a line of text is this high, a gap follows each entry.
const LEGEND_LINE: f64 = 13.0;
const LEGEND_GAP: f64 = 6.0;
/// Characters of a name on one line of the legend, and lines at most.
const LEGEND_ROOM: usize = 28;
const LEGEND_LINES: usize = 2;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 230.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 36.0;

/// Line colours of the plans, dark enough to print, told apart by their
/// dashes too.
const COLOURS: [&str; 6] = [
    "#1f5fa8", "#b8500f", "#2f7d32", "#7b3f9e", "#8a6d00", "#a01e4f",
];
/// Five dash patterns against six colours: the twelve plans a preset may
/// hold never share both.
const DASHES: [&str; 5] = ["", "8 3", "2 3", "10 3 2 3", "5 5"];
const BASELINE_COLOUR: &str = "#555555";
const BASELINE_DASH: &str = "6 4";

/// Maps years and capability to the drawing.
struct Frame {
    horizon: f64,
}

impl Frame {
    fn x(&self, year: f64) -> f64 {
        LEFT + (WIDTH - LEFT - RIGHT) * year / self.horizon.max(1.0)
    }
    fn y(&self, capability: f64) -> f64 {
        TOP + (PLOT_HEIGHT - TOP - BOTTOM) * (1.0 - capability.clamp(0.0, 1.0))
    }
}

/// Two decimals are plenty for a drawing and keep the file small.
fn at(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The sentence that says what the chart shows, for its `<desc>` and for
/// readers who cannot see it.
pub fn description(preset: &Preset, e: &Evaluation) -> String {
    let t = texts();
    let mut parts = vec![ending(
        crate::text::texts().baseline_name,
        &e.baseline.trajectory,
    )];
    for (plan, p) in preset.plans.iter().zip(&e.plans) {
        parts.push(ending(&plan.name, &p.scenario.trajectory));
    }
    fill(
        t.chart_description,
        &[
            ("year", &e.horizon_years.to_string()),
            ("lines", &crate::words::listed(&parts)),
        ],
    )
}

/// "Supply-side support: 0.21, basic".
fn ending(name: &str, t: &Trajectory) -> String {
    t.years.last().map_or_else(
        || name.to_owned(),
        |y| {
            fill(
                texts().chart_line,
                &[
                    ("name", name),
                    ("value", &num(y.capability)),
                    ("stage", stage_word(y.stage)),
                ],
            )
        },
    )
}

/// The chart as an SVG element (no XML prologue), to inline in HTML.
pub fn capability_svg(
    model: &Model,
    preset: &Preset,
    e: &Evaluation,
    bands: Option<&Uncertainty>,
) -> String {
    let t = texts();
    let f = Frame {
        horizon: f64::from(e.horizon_years),
    };
    // Taller than the plot where the legend needs it (a preset holds up to
    // twelve plans).
    let names = std::iter::once(crate::text::texts().baseline_name)
        .chain(preset.plans.iter().map(|p| p.name.as_str()));
    let legend_height: f64 = names.map(|n| entry_height(&name_lines(n))).sum();
    let height = PLOT_HEIGHT.max(TOP + 8.0 + legend_height);
    // Only numbers and fixed words go into attributes: the svg crate escapes
    // &, < and > there but not quotes, so names go into text nodes only.
    let mut doc = Document::new()
        .set("viewBox", (0.0, 0.0, WIDTH, height))
        .set("width", WIDTH)
        .set("height", height)
        .set("role", "img")
        .set("aria-labelledby", "chart-title")
        .set("aria-describedby", "chart-desc")
        .set("font-family", "sans-serif")
        .set("font-size", 11)
        .add(Title::new(t.chart_title).set("id", "chart-title"))
        .add(
            Description::new()
                .set("id", "chart-desc")
                .add(svg::node::Text::new(description(preset, e))),
        )
        .add(stages(model, &f))
        .add(axes(&f, e.horizon_years));
    if let Some(u) = bands {
        doc = doc.add(band(&f, &u.baseline, BASELINE_COLOUR));
        for (i, b) in u.plans.iter().enumerate() {
            doc = doc.add(band(&f, b, COLOURS[i % COLOURS.len()]));
        }
    }
    let mut legend = Group::new().set("class", "legend");
    let mut top = TOP + 8.0;
    let mut line = |doc: Document, name: &str, traj: &Trajectory, colour: &str, dash: &str| {
        let (entry, height) = legend_entry(name, traj, colour, dash, top);
        top += height;
        legend = std::mem::take(&mut legend).add(entry);
        doc.add(trajectory_path(&f, traj, colour, dash))
    };
    doc = line(
        doc,
        crate::text::texts().baseline_name,
        &e.baseline.trajectory,
        BASELINE_COLOUR,
        BASELINE_DASH,
    );
    for (i, (plan, p)) in preset.plans.iter().zip(&e.plans).enumerate() {
        doc = line(
            doc,
            &plan.name,
            &p.scenario.trajectory,
            COLOURS[i % COLOURS.len()],
            DASHES[i % DASHES.len()],
        );
    }
    doc.add(legend).to_string()
}

/// The stages' shades, lowest stage first: darker as capability grows.
const STAGE_SHADES: [&str; 3] = ["#ffffff", "#f1f1f1", "#e2e2e2"];

/// The stages as shaded horizontal bands with their names.
fn stages(model: &Model, f: &Frame) -> Group {
    let mut g = Group::new().set("class", "stages");
    for (range, shade) in model.stage_ranges().into_iter().zip(STAGE_SHADES) {
        let (top, bottom) = (f.y(range.high), f.y(range.low));
        g = g
            .add(
                Rectangle::new()
                    .set("x", LEFT)
                    .set("y", at(top))
                    .set("width", at(f.x(f.horizon) - LEFT))
                    .set("height", at(bottom - top))
                    .set("fill", shade),
            )
            .add(
                Text::new(stage_word(range.stage))
                    .set("x", at(LEFT + 4.0))
                    .set("y", at(top + 12.0))
                    .set("fill", "#777777")
                    .set("font-size", 10),
            );
    }
    g
}

/// Axes, grid lines and tick labels.
fn axes(f: &Frame, horizon: u32) -> Group {
    let t = texts();
    let right = f.x(f.horizon);
    let mut g = Group::new().set("class", "axes");
    for i in 0..=4 {
        let c = f64::from(i) * 0.25;
        let y = at(f.y(c));
        g = g
            .add(
                Line::new()
                    .set("x1", LEFT)
                    .set("x2", at(right))
                    .set("y1", y)
                    .set("y2", y)
                    .set("stroke", "#cccccc")
                    .set("stroke-width", 0.5),
            )
            .add(
                Text::new(num(c))
                    .set("x", LEFT - 6.0)
                    .set("y", at(y + 4.0))
                    .set("text-anchor", "end"),
            );
    }
    let step = if horizon <= 12 {
        1
    } else if horizon <= 30 {
        5
    } else {
        10
    };
    let bottom = f.y(0.0);
    for year in (0..=horizon).step_by(step) {
        let x = at(f.x(f64::from(year)));
        g = g
            .add(
                Line::new()
                    .set("x1", x)
                    .set("x2", x)
                    .set("y1", at(bottom))
                    .set("y2", at(bottom + 4.0))
                    .set("stroke", "#555555"),
            )
            .add(
                Text::new(year.to_string())
                    .set("x", x)
                    .set("y", at(bottom + 16.0))
                    .set("text-anchor", "middle"),
            );
    }
    g.add(
        Line::new()
            .set("x1", LEFT)
            .set("x2", at(right))
            .set("y1", at(bottom))
            .set("y2", at(bottom))
            .set("stroke", "#555555"),
    )
    .add(
        Text::new(t.chart_x_axis)
            .set("x", at((LEFT + right) / 2.0))
            .set("y", PLOT_HEIGHT - 4.0)
            .set("text-anchor", "middle"),
    )
}

/// One trajectory as a polyline.
fn trajectory_path(f: &Frame, t: &Trajectory, colour: &str, dash: &str) -> Path {
    let mut data = Data::new();
    for (i, y) in t.years.iter().enumerate() {
        let point = (at(f.x(f64::from(y.year))), at(f.y(y.capability)));
        data = if i == 0 {
            data.move_to(point)
        } else {
            data.line_to(point)
        };
    }
    let path = Path::new()
        .set("d", data)
        .set("fill", "none")
        .set("stroke", colour)
        .set("stroke-width", 2);
    if dash.is_empty() {
        path
    } else {
        path.set("stroke-dasharray", dash)
    }
}

/// The 10–90 % band as a translucent area.
fn band(f: &Frame, band: &[Band], colour: &str) -> Path {
    let mut data = Data::new();
    for (i, b) in band.iter().enumerate() {
        let point = (at(f.x(f64::from(b.year))), at(f.y(b.p90)));
        data = if i == 0 {
            data.move_to(point)
        } else {
            data.line_to(point)
        };
    }
    for b in band.iter().rev() {
        data = data.line_to((at(f.x(f64::from(b.year))), at(f.y(b.p10))));
    }
    Path::new()
        .set("d", data.close())
        .set("fill", colour)
        .set("fill-opacity", 0.12)
        .set("stroke", "none")
}

/// A name as the legend has room for it: wrapped at spaces onto at most two
/// lines, the rest cut with an ellipsis (the full name is the entry's title).
fn name_lines(name: &str) -> Vec<String> {
    super::wrap(name, LEGEND_ROOM, LEGEND_LINES)
}

/// The height of a legend entry: its name's lines, the value, a gap.
fn entry_height(lines: &[String]) -> f64 {
    LEGEND_LINE * (lines.len() + 1) as f64 + LEGEND_GAP
}

/// A legend entry at `y`: a sample of the line, the name and the value at
/// the horizon; returns it and its height.
fn legend_entry(name: &str, t: &Trajectory, colour: &str, dash: &str, y: f64) -> (Group, f64) {
    let x = WIDTH - RIGHT + 14.0;
    let lines = name_lines(name);
    let mut sample = Line::new()
        .set("x1", x)
        .set("x2", x + 26.0)
        .set("y1", at(y))
        .set("y2", at(y))
        .set("stroke", colour)
        .set("stroke-width", 2);
    if !dash.is_empty() {
        sample = sample.set("stroke-dasharray", dash);
    }
    let value = t.years.last().map_or_else(String::new, |y| {
        fill(
            texts().chart_value,
            &[
                ("value", &num(y.capability)),
                ("stage", stage_word(y.stage)),
            ],
        )
    });
    let mut group = Group::new().add(Title::new(name)).add(sample);
    let mut baseline = y + 4.0;
    for line in &lines {
        group = group.add(
            Text::new(line.as_str())
                .set("x", x + 32.0)
                .set("y", at(baseline))
                .set("font-weight", "bold"),
        );
        baseline += LEGEND_LINE;
    }
    let group = group.add(
        Text::new(value)
            .set("x", x + 32.0)
            .set("y", at(baseline))
            .set("fill", "#444444"),
    );
    (group, entry_height(&lines))
}

#[cfg(test)]
mod tests {
    use super::name_lines;

    #[test]
    fn legend_names_wrap_and_cut() {
        assert_eq!(name_lines("No plan"), ["No plan"]);
        assert_eq!(
            name_lines("Supply-side support with buyer links"),
            ["Supply-side support with", "buyer links"]
        );
        let long = name_lines("one two three four five six seven eight nine ten eleven twelve");
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'), "{long:?}");
        assert!(long.iter().all(|l| l.chars().count() <= 28), "{long:?}");
        let unbroken = name_lines(&"x".repeat(80));
        assert_eq!(unbroken, [format!("{}…", "x".repeat(27))]);
    }
}
