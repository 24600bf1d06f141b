//! The report as one self-contained HTML file (issue 9): it opens offline in
//! any browser, fetches nothing, and prints on A4 with a page break before
//! each main section. The maud templates escape everything they insert; the
//! chart is inline SVG from [`super::chart`].

use super::chain::chains_svg;
use super::chart::capability_svg;
use crate::analysis::uncertainty::Uncertainty;
use crate::cells::{Band, CellResult};
use crate::chain::describe::chain_title;
use crate::chain::plan_chains;
use crate::evaluation::Evaluation;
use crate::mechanism::{Advantage, Cell, Effort, Mechanism, cell_index};
use crate::model::Model;
use crate::plan::Plan;
use crate::preset::Preset;
use crate::text::survey::survey_texts;
use crate::text::{fill, num, texts};
use crate::warnings::Warning;
use crate::words::{
    band_word, baseline_numbers, cell_name, checks_count, compare_heads, cost_or_not_given,
    limit_line, money, outcome_numbers, severity_word, uncertain_line, with_currency,
};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The style sheet: plain on screen, A4 in print, shades that survive a
/// black-and-white printer (the band is also written in words).
const STYLE: &str = include_str!("report.css");

/// The report of `preset`, with the Monte Carlo bands where there are any.
pub fn report_html(
    model: &Model,
    preset: &Preset,
    e: &Evaluation,
    bands: Option<&Uncertainty>,
) -> String {
    let t = texts();
    let title = fill(t.report_title, &[("name", &preset.name)]);
    html! {
        (DOCTYPE)
        html lang=(t.language) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("Cluster Workbench {}", env!("CARGO_PKG_VERSION")));
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (header(model, preset, e))
                main {
                    (cluster_section(model, preset))
                    (matrix_section(model, e))
                    (plans_section(model, preset, e))
                    (comparison_section(model, preset, e, bands))
                    (chains_section(model, preset, e))
                    (caveats_section(model))
                }
            }
        }
    }
    .into_string()
}

fn header(model: &Model, preset: &Preset, e: &Evaluation) -> Markup {
    let t = texts();
    html! {
        header {
            p.kicker { (t.report_kicker) }
            h1 { (preset.name) }
            @if let Some(d) = &preset.description { p { (d) } }
            @if let Some(s) = &preset.source { p.small { (crate::words::labelled(t.source_label, s)) } }
            p.small {
                (fill(t.report_made_with, &[
                    ("version", env!("CARGO_PKG_VERSION")),
                    ("model", model.name()),
                    ("year", &e.horizon_years.to_string()),
                ]))
            }
            p.caveat { (model.caveat_line()) }
        }
    }
}

fn cluster_section(model: &Model, preset: &Preset) -> Markup {
    let t = texts();
    let uncertain = preset.is_uncertain();
    let evidence = !preset.evidence.is_empty();
    html! {
        section #cluster {
            h2 { (t.report_cluster) }
            p { (t.report_cluster_intro) }
            table.attributes {
                thead { tr {
                    th scope="col" { (t.report_attribute) }
                    th scope="col" .num { (t.report_value) }
                    @if uncertain { th scope="col" .num { (t.report_uncertainty) } }
                    th scope="col" { (t.report_low_means) }
                    th scope="col" { (t.report_high_means) }
                    @if evidence { th scope="col" { (survey_texts().evidence_heading) } }
                } }
                tbody {
                    @for (a, value) in preset.attributes.iter() {
                        @let info = model.attribute_info(a);
                        tr {
                            th scope="row" { (info.name) }
                            td.num { (num(value)) }
                            @if uncertain {
                                td.num {
                                    @if preset.uncertainty[a] > 0.0 {
                                        (fill(t.plus_minus, &[("value", &num(preset.uncertainty[a]))]))
                                    }
                                }
                            }
                            td.small { (info.low) }
                            td.small { (info.high) }
                            @if evidence {
                                td.small {
                                    @match preset.evidence.get(a) {
                                        Some(e) => (e.describe(value)),
                                        None => (survey_texts().evidence_none),
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if preset.evidence.iter().any(|(_, e)| e.survey.is_some()) {
                p.small { (survey_texts().review_assumption) }
            }
        }
    }
}

/// The shade class of a band, for the style sheet.
fn band_class(band: Band) -> &'static str {
    match band {
        Band::None => "band-none",
        Band::Weak => "band-weak",
        Band::Moderate => "band-moderate",
        Band::Strong => "band-strong",
    }
}

fn matrix_section(model: &Model, e: &Evaluation) -> Markup {
    let t = texts();
    let attrs = &e.baseline.attributes;
    html! {
        section #table1 {
            h2 { (t.report_matrix) }
            p { (t.report_matrix_intro) }
            table.matrix {
                thead { tr {
                    th scope="col" { (t.report_mechanism) }
                    @for effort in Effort::ALL {
                        th scope="col" { (effort.id()) " " (model.effort_info(effort).name) }
                    }
                } }
                @for adv in Advantage::ALL {
                    tbody {
                        tr.advantage { th colspan="5" scope="rowgroup" {
                            (adv.id()) ". " (model.advantage_info(adv).name)
                        } }
                        @for m in Mechanism::ALL.into_iter().filter(|m| m.advantage() == adv) {
                            tr {
                                th scope="row" { (m.id()) " " (model.mechanism_info(m).label) }
                                @for effort in Effort::ALL {
                                    @match cell_index(m, effort) {
                                        Some(i) => (matrix_cell(model, i, &e.baseline.cells[i], attrs)),
                                        None => td.empty { span.hidden { (t.report_no_direct_effect) } },
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p.small.legend {
                @for band in [Band::None, Band::Weak, Band::Moderate, Band::Strong] {
                    span class=(format!("swatch {}", band_class(band))) { (band_word(band)) }
                    " "
                }
                (t.report_matrix_legend)
            }
            (columns_legend(model))
        }
    }
}

fn matrix_cell(
    model: &Model,
    index: usize,
    c: &CellResult,
    attrs: &crate::attribute::Attributes,
) -> Markup {
    let source = model.column_source_info(model.column_source(index));
    html! {
        td class=(band_class(c.band)) {
            (band_word(c.band)) " " (num(c.strength))
            br;
            span.limit { (limit_line(model, c, attrs)) }
            br;
            span.limit.source title=(source.description) { (source.name) }
        }
    }
}

/// What each column source means, and for each row what Table 1 and the
/// prose say of its efforts: the cells' evidence for where they stand.
fn columns_legend(model: &Model) -> Markup {
    html! {
        p.small.columns {
            @for source in model.column_sources() {
                (crate::words::labelled(&source.name, &source.description)) " "
            }
        }
        ul.small.columns {
            @for m in Mechanism::ALL {
                li { (crate::words::labelled(m.id(), &model.mechanism_info(m).columns.note)) }
            }
        }
    }
}

fn warnings_list(model: &Model, warnings: &[Warning]) -> Markup {
    let t = texts();
    let mut sorted: Vec<&Warning> = warnings.iter().collect();
    sorted.sort_by_key(|w| model.warning(w.id).severity);
    html! {
        @if sorted.is_empty() {
            p.small { (fill(t.report_no_warnings, &[("n", &checks_count())])) }
        } @else {
            ul.warnings {
                @for w in sorted {
                    @let info = model.warning(w.id);
                    li class=(format!("warning severity-{}", info.severity.id())) {
                        strong { (crate::words::labelled(severity_word(info.severity), &info.title)) }
                        p { (w.message(model)) }
                        p { em { (t.report_what_to_do) } " " (w.advice(model)) }
                        p.small { (info.rule) }
                        @if !info.sources.is_empty() {
                            p.small { (t.report_sources) " " (crate::words::listed(&info.sources)) }
                        }
                    }
                }
            }
        }
    }
}

fn plans_section(model: &Model, preset: &Preset, e: &Evaluation) -> Markup {
    let t = texts();
    html! {
        section #plans {
            h2 { (t.report_plans) }
            h3 { (t.report_without_plan) }
            (warnings_list(model, &e.baseline_warnings))
            @if preset.plans.is_empty() { p { (t.report_plans_none) } }
            @for (plan, p) in preset.plans.iter().zip(&e.plans) {
                article.plan {
                    h3 { (plan.name) }
                    @if let Some(note) = &plan.note { p { (note) } }
                    (entries_table(model, plan, preset.currency.as_deref()))
                    h4 { (t.report_cells_raised) }
                    (raised_cells(model, &e.baseline.cells, &p.scenario.cells))
                    h4 { (t.report_warnings) }
                    (warnings_list(model, &p.warnings))
                }
            }
        }
    }
}

/// Each plan's results chains, one drawing per entry.
fn chains_section(model: &Model, preset: &Preset, e: &Evaluation) -> Markup {
    let t = texts();
    html! {
        section #chains {
            h2 { (t.chain_report_section) }
            p { (fill(t.chain_report_intro, &[("attribution", &model.chain.attribution)])) }
            @for (i, plan) in preset.plans.iter().enumerate().filter(|(_, p)| !p.entries.is_empty()) {
                h3 { (plan.name) }
                @for chain in plan_chains(model, preset, e, i) {
                    figure.chain {
                        (PreEscaped(chains_svg(
                            model,
                            preset,
                            std::slice::from_ref(&chain),
                            &format!("chain-{}-{}", i + 1, chain.entry + 1),
                        )))
                        figcaption { (chain_title(preset, &chain)) }
                    }
                }
            }
        }
    }
}

fn entries_table(model: &Model, plan: &Plan, currency: Option<&str>) -> Markup {
    let t = texts();
    html! {
        @if plan.entries.is_empty() {
            p.small { (t.report_no_entries) }
        } @else {
            table.entries {
                thead { tr {
                    th scope="col" { (t.report_intervention) }
                    th scope="col" { (t.report_side) }
                    th scope="col" .num { (t.report_from_year) }
                    th scope="col" .num { (t.report_intensity) }
                    th scope="col" .num { (with_currency(t.report_cost, currency)) }
                } }
                tbody {
                    @for entry in &plan.entries {
                        tr {
                            th scope="row" { (entry.name(model)) }
                            td { @if let Some(side) = entry.side(model) { (model.side_name(side)) } }
                            td.num { (entry.start_year) }
                            td.num { (num(entry.intensity())) }
                            td.num { (cost_or_not_given(entry.cost, None)) }
                        }
                    }
                }
                @if let Some(total) = plan.total_cost() {
                    tfoot { tr {
                        th scope="row" colspan="4" { (with_currency(t.report_total_cost, currency)) }
                        td.num { (money(total)) }
                    } }
                }
            }
        }
    }
}

/// The cells whose band the plan raises, as "II.b joint lumpy projects ×
/// Training: none → moderate (0.05 → 0.41)".
fn raised_cells(model: &Model, baseline: &[CellResult], with: &[CellResult]) -> Markup {
    let t = texts();
    let raised: Vec<(Cell, &CellResult, &CellResult)> = baseline
        .iter()
        .zip(with)
        .filter(|(b, w)| w.band > b.band)
        .map(|(b, w)| (b.cell, b, w))
        .collect();
    html! {
        @if raised.is_empty() {
            p.small { (t.report_no_cells_raised) }
        } @else {
            ul.cells {
                @for (cell, b, w) in raised {
                    li {
                        (crate::words::labelled(&cell_name(model, cell), band_word(b.band))) " → " strong { (band_word(w.band)) }
                        " (" (num(b.strength)) " → " (num(w.strength)) ")"
                    }
                }
            }
        }
    }
}

fn comparison_section(
    model: &Model,
    preset: &Preset,
    e: &Evaluation,
    bands: Option<&Uncertainty>,
) -> Markup {
    let t = texts();
    let base = baseline_numbers(&e.baseline.trajectory);
    html! {
        section #comparison {
            h2 { (t.report_comparison) }
            p { (fill(t.compare_intro_report, &[("year", &e.horizon_years.to_string())])) }
            table.comparison {
                thead { tr {
                    th scope="col" { (t.compare_plan_head) }
                    @for head in compare_heads(preset.currency.as_deref()) { th scope="col" .num { (head) } }
                    th scope="col" { (t.report_warnings) }
                } }
                tbody {
                    (comparison_row(crate::text::texts().baseline_name, &base,
                        &crate::words::warnings_line(model, &e.baseline_warnings),
                        bands.map(|u| uncertain_line(&u.baseline, None))))
                    @for (i, (plan, p)) in preset.plans.iter().zip(&e.plans).enumerate() {
                        (comparison_row(&plan.name, &outcome_numbers(&p.outcome),
                            &crate::words::warnings_line(model, &p.warnings),
                            bands.and_then(|u| Some(uncertain_line(u.plans.get(i)?, *u.best_share.get(i)?)))))
                    }
                }
            }
            figure.chart {
                (PreEscaped(capability_svg(model, preset, e, bands)))
                figcaption.small {
                    (fill(t.report_chart_caption, &[("year", &e.horizon_years.to_string())]))
                    @if let Some(u) = bands {
                        " " (fill(t.report_bands_note, &[("runs", &crate::words::money(u.runs as f64))]))
                    }
                }
            }
        }
    }
}

fn comparison_row(
    name: &str,
    cells: &[String; 5],
    warnings: &str,
    uncertain: Option<String>,
) -> Markup {
    html! {
        tr {
            th scope="row" {
                (name)
                @if let Some(line) = uncertain { br; span.small { (line) } }
            }
            @for c in cells { td.num { (c) } }
            td.small { (warnings) }
        }
    }
}

fn caveats_section(model: &Model) -> Markup {
    let t = texts();
    html! {
        section #caveats {
            h2 { (t.report_caveats) }
            @for c in model.caveats() {
                h3 { (c.title) }
                p { (c.text) }
            }
            h3 { (t.report_citation) }
            p { (model.citation().full) }
            h3 { (t.about_sources) }
            ul.small { @for s in model.sources() { li { (s.full) } } }
        }
    }
}
