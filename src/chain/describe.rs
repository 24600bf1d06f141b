//! A results chain in words: what each box says, the indicator fields with
//! the user's text or the model's suggestion, and the arrows with their
//! assumptions and risks. The window, the drawings, the text exports and
//! the logframe all read the chain through here, so they say the same.

use super::{CellMove, ResultsChain};
use crate::model::Model;
use crate::model::chain::{BoxKind, Level};
use crate::model::warning::Severity;
use crate::plan::Plan;
use crate::plan::indicators::Field;
use crate::preset::Preset;
use crate::text::{fill, num, signed_number, texts};
use crate::words::{band_word, cell_name, severity_spoken, stage_word};

/// The word for a logframe level.
pub fn level_word(level: Level) -> &'static str {
    let t = texts();
    match level {
        Level::Impact => t.level_impact,
        Level::Outcome => t.level_outcome,
        Level::Output => t.level_output,
        Level::Activity => t.level_activity,
    }
}

/// The label of an indicator field.
pub fn field_word(field: Field) -> &'static str {
    let t = texts();
    match field {
        Field::Indicator => t.field_indicator,
        Field::Baseline => t.field_baseline,
        Field::Target => t.field_target,
        Field::Means => t.field_means,
        Field::Who => t.field_who,
        Field::When => t.field_when,
    }
}

/// A cell's move in words: "II.b joint lumpy projects × Training: none →
/// moderate (+0.21)".
pub fn cell_line(model: &Model, c: &CellMove) -> String {
    let t = texts();
    let template = if c.band_without == c.band_with {
        t.chain_cell_same
    } else {
        t.chain_cell_line
    };
    fill(
        template,
        &[
            ("cell", &cell_name(model, c.cell)),
            ("from", band_word(c.band_without)),
            ("to", band_word(c.band_with)),
            ("delta", &signed_number(c.strength.delta(), 2)),
        ],
    )
}

/// A box in words: what the model says there, and its indicator line
/// (empty where neither the user nor the model has one).
#[derive(Debug, Clone, PartialEq)]
pub struct BoxWords {
    pub lines: Vec<String>,
    /// "Indicator: …".
    pub indicator: String,
    /// Whether the user wrote the indicator (else it is the model's).
    pub mine: bool,
}

/// A chain in words, worked out once: every box (in [`BoxKind::ALL`]
/// order) and every arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    boxes: Vec<BoxWords>,
    pub arrows: Vec<Arrow>,
}

impl Described {
    pub fn new(model: &Model, preset: &Preset, chain: &ResultsChain) -> Described {
        let boxes = BoxKind::ALL
            .into_iter()
            .map(|kind| {
                let (indicator, mine) = field_text(model, preset, chain, kind, Field::Indicator);
                BoxWords {
                    lines: box_lines(model, chain, kind),
                    indicator: if indicator.is_empty() {
                        String::new()
                    } else {
                        indicator_line(&indicator)
                    },
                    mine,
                }
            })
            .collect();
        Described {
            boxes,
            arrows: arrows(model, chain),
        }
    }

    /// The words of a box.
    pub fn words(&self, kind: BoxKind) -> &BoxWords {
        &self.boxes[kind.index()]
    }

    /// The arrow out of a box, if it has one.
    pub fn arrow_from(&self, kind: BoxKind) -> Option<&Arrow> {
        self.arrows.iter().find(|a| a.from == kind)
    }
}

/// What a box says, line by line: drawn from the model for the first five,
/// a reminder to measure for the impact boxes.
pub fn box_lines(model: &Model, chain: &ResultsChain, kind: BoxKind) -> Vec<String> {
    let t = texts();
    match kind {
        BoxKind::Activity => activity_lines(model, chain),
        BoxKind::Outputs if chain.outputs.is_empty() => vec![t.chain_outputs_none.to_owned()],
        BoxKind::Outputs => chain
            .outputs
            .iter()
            .map(|(a, c)| change_line(&model.attribute_info(*a).name, *c))
            .collect(),
        BoxKind::Market if chain.cells.is_empty() => vec![fill(
            t.chain_cells_none,
            &[("min", &num(model.chain.cell_rise_min))],
        )],
        BoxKind::Market => chain.cells.iter().map(|c| cell_line(model, c)).collect(),
        BoxKind::Enterprise => chain
            .efforts
            .iter()
            .map(|(e, c)| change_line(&format!("{} {}", e.id(), model.effort_info(*e).name), *c))
            .collect(),
        BoxKind::Capability => capability_lines(model, chain),
        // The model does not compute the impact: the boxes hold only what
        // the user measures (the arrow into them says so).
        BoxKind::Scale | BoxKind::Income | BoxKind::Jobs | BoxKind::Wider => Vec::new(),
    }
}

/// "Public support: 0.25 to 0.50".
fn change_line(what: &str, c: super::Change) -> String {
    fill(
        texts().chain_change_line,
        &[
            ("what", what),
            ("from", &num(c.without)),
            ("to", &num(c.with)),
        ],
    )
}

/// The entry as planned: its name, side, start, intensity and cost.
fn activity_lines(model: &Model, chain: &ResultsChain) -> Vec<String> {
    let t = texts();
    let a = &chain.activity;
    let side = a.side.map_or("", |s| model.side_name(s));
    let mut lines = vec![
        a.name.clone(),
        fill(
            t.chain_activity_line,
            &[
                ("side", side),
                ("year", &a.start_year.to_string()),
                ("intensity", &num(a.intensity)),
            ],
        ),
    ];
    if let Some(c) = a.cost {
        let cost = crate::words::amount(c, a.currency.as_deref());
        lines.push(fill(t.chain_cost_line, &[("cost", &cost)]));
    }
    lines
}

/// The capability by the horizon with the plan and without the entry, and
/// that it is a projection.
fn capability_lines(model: &Model, chain: &ResultsChain) -> Vec<String> {
    let p = &chain.capability;
    vec![
        fill(
            texts().chain_capability_line,
            &[
                ("year", &p.horizon.to_string()),
                ("with", &num(p.capability.with)),
                ("stage_with", stage_word(p.stage_with)),
                ("without", &num(p.capability.without)),
                ("stage_without", stage_word(p.stage_without)),
            ],
        ),
        model.chain.projection.clone(),
    ]
}

/// What the model projects for a box, on one line (the measurement plan's
/// projection); empty for the impact boxes, which the model does not compute.
pub fn projection(model: &Model, chain: &ResultsChain, kind: BoxKind) -> String {
    match kind {
        BoxKind::Scale | BoxKind::Income | BoxKind::Jobs | BoxKind::Wider => String::new(),
        BoxKind::Capability => box_lines(model, chain, kind)
            .into_iter()
            .next()
            .unwrap_or_default(),
        _ => box_lines(model, chain, kind).join("; "),
    }
}

/// What the model suggests for a field, if anything: baselines and targets
/// are the user's to set. Only the outputs box needs the chain (its
/// indicator names what the entry moves).
pub fn suggestion(
    model: &Model,
    chain: Option<&ResultsChain>,
    kind: BoxKind,
    field: Field,
) -> String {
    let info = model.chain.info(kind);
    match field {
        Field::Indicator if kind == BoxKind::Outputs => chain
            .map(|c| {
                c.outputs
                    .iter()
                    .filter_map(|(a, _)| model.chain.output_indicator(*a))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        Field::Indicator => info.indicator.clone(),
        Field::Means => info.means.clone(),
        Field::Who => info.who.clone(),
        Field::When => info.when.clone(),
        Field::Baseline | Field::Target => String::new(),
    }
}

/// A field as the documents show it: what the user wrote, else the model's
/// suggestion; and whether it is the user's.
pub fn field_text(
    model: &Model,
    preset: &Preset,
    chain: &ResultsChain,
    kind: BoxKind,
    field: Field,
) -> (String, bool) {
    let Some(plan) = preset.plan(chain.plan) else {
        return (suggestion(model, Some(chain), kind, field), false);
    };
    if kind.is_plan_level() {
        return plan_field_text(model, plan, kind, field);
    }
    match plan
        .entries
        .get(chain.entry)
        .and_then(|e| e.indicators.field(kind, field))
    {
        Some(text) => (text.to_owned(), true),
        None => (suggestion(model, Some(chain), kind, field), false),
    }
}

/// A field of one of a plan's impact boxes, which need no chain: what the
/// user wrote, else the model's suggestion; and whether it is the user's.
pub fn plan_field_text(model: &Model, plan: &Plan, kind: BoxKind, field: Field) -> (String, bool) {
    match plan.indicators.field(kind, field) {
        Some(text) => (text.to_owned(), true),
        None => (suggestion(model, None, kind, field), false),
    }
}

/// How an assumption stands with the plan, in words.
fn assumption_status(model: &Model, index: usize, holds: bool) -> String {
    let t = texts();
    let Some(a) = model.chain.assumptions.get(index) else {
        return String::new();
    };
    match a.warning {
        None => t.chain_assumption_model.to_owned(),
        Some(_) if holds => t.chain_assumption_holds.to_owned(),
        Some(w) => fill(
            t.chain_assumption_fails,
            &[("warning", &model.warning(w).title)],
        ),
    }
}

/// One arrow of the chain: from a box to the next level, the assumptions on
/// it (each with how it stands) and the risks (warnings that fire).
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub from: BoxKind,
    /// The first box of the next level (for the impact, the scale box:
    /// the arrow leads to all four impact boxes).
    pub to: BoxKind,
    pub assumptions: Vec<(String, String)>,
    /// Each risk's severity and words.
    pub risks: Vec<(Severity, String)>,
}

/// The five arrows, activity to impact.
pub fn arrows(model: &Model, chain: &ResultsChain) -> Vec<Arrow> {
    let t = texts();
    BoxKind::ALL
        .into_iter()
        .filter_map(|from| from.next().map(|to| (from, to)))
        .map(|(from, to)| Arrow {
            from,
            to,
            assumptions: model
                .chain
                .assumptions
                .iter()
                .enumerate()
                .filter(|(_, a)| a.from == from)
                .map(|(i, a)| {
                    let holds = chain.holds.get(i).copied().unwrap_or(true);
                    (a.text.clone(), assumption_status(model, i, holds))
                })
                .collect(),
            risks: chain
                .risks_from(model, from)
                .map(|w| {
                    let info = model.warning(w.id);
                    let words = fill(
                        t.chain_risk,
                        &[
                            ("severity", severity_spoken(info.severity)),
                            ("title", &info.title),
                        ],
                    );
                    (info.severity, words)
                })
                .collect(),
        })
        .collect()
}

/// At most `max` lines, the last of them saying how many more there are
/// (a drawing has no room for every cell a plan raises; the documents
/// list them all).
pub fn shorten(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        let more = lines.len() - (max - 1);
        lines.truncate(max - 1);
        lines.push(crate::words::and_more(more));
    }
    lines
}

/// A box's indicator on one line: "Indicator: …".
fn indicator_line(indicator: &str) -> String {
    fill(texts().chain_box_indicator, &[("indicator", indicator)])
}

/// An assumption and how it stands, on one line.
pub fn assumption_line(text: &str, status: &str) -> String {
    format!("{text} [{status}]")
}

/// The title of a box: the model file's words.
pub fn box_title(model: &Model, kind: BoxKind) -> &str {
    &model.chain.info(kind).title
}

/// The chain's name: "Buyer linkage, year 2 (plan “Demand first”)".
pub fn chain_title(preset: &Preset, chain: &ResultsChain) -> String {
    let plan = preset.plan(chain.plan).map_or("", |p| p.name.as_str());
    fill(
        texts().chain_title,
        &[
            ("entry", &chain.activity.name),
            ("year", &chain.activity.start_year.to_string()),
            ("plan", plan),
        ],
    )
}
