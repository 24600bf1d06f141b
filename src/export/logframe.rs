//! A plan's logframe and its DCED-style measurement plan, drafted from the
//! results chains: impact (1, the plan's), an outcome per entry (1.1, 1.2, …),
//! its output (1.1.1) and its activity (1.1.1.1). Each row carries the
//! indicators of the boxes at its level, with what the user wrote or else the
//! model's suggestion, and the assumptions on the arrows that lead up from it.
//! Written as CSV here and as XLSX by [`super::workbook`], where the model's
//! suggestions are grey so the user sees what is still to be decided.

use crate::chain::ResultsChain;
use crate::chain::describe::{
    arrows, assumption_line, box_title, chain_title, field_text, level_word, plan_field_text,
    projection, shorten,
};
use crate::model::Model;
use crate::model::chain::{BoxKind, Level};
use crate::plan::Plan;
use crate::plan::indicators::Field;
use crate::preset::Preset;
use crate::text::{fill, num, texts};
use crate::words::amount;

/// Cells an outcome's narrative names before saying how many more there are.
const NAMED_CELLS: usize = 4;

/// A piece of a cell: text, and whether the user wrote it (else the model
/// suggested it).
pub type Part = (String, bool);

/// One row of a logframe.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// "1", "1.2", "1.2.1", "1.2.1.1".
    pub number: String,
    pub level: Level,
    pub narrative: String,
    /// One part per box at this level, for each of indicator, baseline,
    /// target and means of verification.
    pub indicators: Vec<Part>,
    pub baseline: Vec<Part>,
    pub target: Vec<Part>,
    pub means: Vec<Part>,
    pub assumptions: Vec<String>,
}

/// A column's parts, prefixed with their box's title where a row has
/// several boxes.
fn parts(
    boxes: &[BoxKind],
    model: &Model,
    field: Field,
    text: impl Fn(BoxKind, Field) -> Part,
) -> Vec<Part> {
    boxes
        .iter()
        .map(|&k| {
            let (value, mine) = text(k, field);
            if boxes.len() > 1 {
                (crate::words::labelled(box_title(model, k), &value), mine)
            } else {
                (value, mine)
            }
        })
        .collect()
}

fn row(
    number: String,
    level: Level,
    narrative: String,
    boxes: &[BoxKind],
    model: &Model,
    assumptions: Vec<String>,
    text: impl Fn(BoxKind, Field) -> Part,
) -> Row {
    Row {
        number,
        level,
        narrative,
        indicators: parts(boxes, model, Field::Indicator, &text),
        baseline: parts(boxes, model, Field::Baseline, &text),
        target: parts(boxes, model, Field::Target, &text),
        means: parts(boxes, model, Field::Means, &text),
        assumptions,
    }
}

/// The assumptions on the arrows out of these boxes, with how they stand.
fn assumptions_from(model: &Model, chain: &ResultsChain, from: &[BoxKind]) -> Vec<String> {
    arrows(model, chain)
        .into_iter()
        .filter(|a| from.contains(&a.from))
        .flat_map(|a| {
            a.assumptions
                .iter()
                .map(|(t, s)| assumption_line(t, s))
                .chain(a.risks.iter().map(|(_, r)| r.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The logframe of a plan: its rows, top to bottom.
pub fn rows(model: &Model, preset: &Preset, plan: &Plan, chains: &[ResultsChain]) -> Vec<Row> {
    let mut out = vec![row(
        "1".to_owned(),
        Level::Impact,
        model.chain.impact_narrative.clone(),
        &BoxKind::IMPACT,
        model,
        Vec::new(),
        |k, f| plan_field_text(model, plan, k, f),
    )];
    for (i, chain) in chains.iter().enumerate() {
        let n = format!("1.{}", i + 1);
        let text = |k, f| field_text(model, preset, chain, k, f);
        out.push(row(
            n.clone(),
            Level::Outcome,
            outcome_narrative(model, chain),
            &[BoxKind::Market, BoxKind::Enterprise, BoxKind::Capability],
            model,
            assumptions_from(model, chain, &[BoxKind::Capability]),
            text,
        ));
        out.push(row(
            format!("{n}.1"),
            Level::Output,
            fill(
                texts().logframe_output,
                &[
                    ("entry", &chain.activity.name),
                    ("outputs", &projection(model, chain, BoxKind::Outputs)),
                ],
            ),
            &[BoxKind::Outputs],
            model,
            assumptions_from(
                model,
                chain,
                &[BoxKind::Outputs, BoxKind::Market, BoxKind::Enterprise],
            ),
            text,
        ));
        out.push(row(
            format!("{n}.1.1"),
            Level::Activity,
            activity_narrative(model, chain, preset.currency.as_deref()),
            &[BoxKind::Activity],
            model,
            assumptions_from(model, chain, &[BoxKind::Activity]),
            text,
        ));
    }
    out
}

/// An entry's outcome in words: the largest rises of Table 1 it brings
/// (the measurement plan lists them all) and the capability projected.
fn outcome_narrative(model: &Model, chain: &ResultsChain) -> String {
    let t = texts();
    let raised: Vec<String> = chain
        .raised()
        .map(|c| crate::words::cell_name(model, c.cell))
        .collect();
    let template = if raised.is_empty() {
        t.logframe_outcome_none
    } else {
        t.logframe_outcome
    };
    let a = &chain.activity;
    fill(
        template,
        &[
            ("entry", &a.name),
            ("year", &a.start_year.to_string()),
            (
                "cells",
                &crate::words::listed(&shorten(raised, NAMED_CELLS + 1)),
            ),
            ("min", &num(model.chain.cell_rise_min)),
            ("projection", &projection(model, chain, BoxKind::Capability)),
        ],
    )
}

/// An entry's activity in words: what, which side, from when, how much.
fn activity_narrative(model: &Model, chain: &ResultsChain, currency: Option<&str>) -> String {
    let t = texts();
    let a = &chain.activity;
    let cost = a.cost.map_or_else(String::new, |c| {
        format!(
            "{}{}",
            t.list_separator,
            fill(t.chain_cost_line, &[("cost", &amount(c, currency))])
        )
    });
    fill(
        t.logframe_activity,
        &[
            ("entry", &a.name),
            ("side", a.side.map_or("", |s| model.side_name(s))),
            ("year", &a.start_year.to_string()),
            ("intensity", &num(a.intensity)),
            ("cost", &cost),
        ],
    )
}

/// The column headings, in order.
pub fn headings() -> [&'static str; 8] {
    let t = texts();
    [
        t.logframe_number,
        t.logframe_level,
        t.logframe_narrative,
        t.logframe_indicators,
        t.field_baseline,
        t.field_target,
        t.field_means,
        t.logframe_assumptions,
    ]
}

fn joined(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|(s, _)| s.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A row's cells as text, in heading order.
pub(super) fn cells(r: &Row) -> [String; 8] {
    [
        r.number.clone(),
        level_word(r.level).to_owned(),
        r.narrative.clone(),
        joined(&r.indicators),
        joined(&r.baseline),
        joined(&r.target),
        joined(&r.means),
        r.assumptions.join("\n"),
    ]
}

/// The logframe as CSV: the headings, then a row per level.
pub fn logframe_csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = super::Table::new(b',');
    w.row(headings())?;
    for r in rows {
        w.row(cells(r))?;
    }
    w.bytes()
}

/// The DCED-style measurement plan as CSV: a row per box of every entry's
/// chain (activity to capability), then the plan's impact boxes, with what
/// the model projects there. Its columns are the (box, level,
/// indicator, baseline, projection, method, who, when) with the target after
/// the baseline, so a target the user set is not lost on the way.
pub fn measurement_csv(
    model: &Model,
    preset: &Preset,
    plan: &Plan,
    chains: &[ResultsChain],
) -> Result<Vec<u8>, csv::Error> {
    let t = texts();
    let mut w = super::Table::new(b',');
    w.row([
        t.measurement_box,
        t.logframe_level,
        t.field_indicator,
        t.field_baseline,
        t.field_target,
        t.measurement_projection,
        t.measurement_method,
        t.field_who,
        t.field_when,
    ])?;
    let fields = [Field::Indicator, Field::Baseline, Field::Target];
    let later = [Field::Means, Field::Who, Field::When];
    for chain in chains {
        let name = chain_title(preset, chain);
        for kind in BoxKind::ALL.into_iter().filter(|k| !k.is_plan_level()) {
            let text = |f| field_text(model, preset, chain, kind, f).0;
            let mut row = vec![
                crate::words::labelled(&name, box_title(model, kind)),
                level_word(kind.level()).to_owned(),
            ];
            row.extend(fields.map(text));
            row.push(projection(model, chain, kind));
            row.extend(later.map(text));
            w.row(&row)?;
        }
    }
    for kind in BoxKind::ALL.into_iter().filter(|k| k.is_plan_level()) {
        let text = |f| plan_field_text(model, plan, kind, f).0;
        let mut row = vec![
            box_title(model, kind).to_owned(),
            level_word(kind.level()).to_owned(),
        ];
        row.extend(fields.map(text));
        row.push(String::new());
        row.extend(later.map(text));
        w.row(&row)?;
    }
    w.bytes()
}
