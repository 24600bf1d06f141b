//! The questionnaire on paper: an HTML page, in the language of the moment,
//! for interviews without a tablet, each question with its answer boxes, and after the
//! questions, for the team, how each answer is scored (the model's own
//! assumption) and which Table 1 cells it informs.

use super::instrument::{Instrument, Question, QuestionType, Rule};
use crate::attribute::Attribute;
use crate::language::Language;
use crate::mechanism::{Cell, cells};
use crate::model::Model;
use crate::text::survey::{said, survey_texts};
use crate::text::{num, texts};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// A4, a serif for print, answer boxes a pen can fill.
const STYLE: &str = "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.4}\
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:2rem}\
ol{padding-left:1.5rem}li{margin:0 0 1rem}.box{display:inline-block;width:.9em;height:.9em;border:1px solid #000;margin-right:.4em;vertical-align:-.1em}\
.line{display:inline-block;width:8rem;border-bottom:1px solid #000}.choices{list-style:none;padding-left:.5rem;margin:.3rem 0}.choices li{margin:.1rem 0}\
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}\
.assumption{font-style:italic}@page{size:A4;margin:18mm}@media print{h2.team{page-break-before:always}}";

/// The Table 1 cells an attribute informs: every cell for demand for
/// improvement (the gate), else those whose driver uses it.
pub fn cells_informed(model: &Model, a: Attribute) -> Vec<Cell> {
    cells()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            a == Attribute::DemandForImprovement || model.driver(*i).expr.attributes().contains(&a)
        })
        .map(|(_, c)| c)
        .collect()
}

/// The cells as a short list ("I.a-A, I.a-B …"), or "all 32" for the gate.
pub fn cells_line(model: &Model, a: Attribute) -> String {
    let informed = cells_informed(model, a);
    if informed.len() == Cell::COUNT {
        return said(|t| t.all_cells, &[("count", &Cell::COUNT.to_string())]);
    }
    let labels: Vec<String> = informed.iter().map(|c| c.label()).collect();
    labels.join(", ")
}

/// A number of the rules as a person writes it: 80, not 80.00; 0.35.
fn amount(x: f64) -> String {
    if x.fract() == 0.0 {
        crate::text::number(x, 0)
    } else {
        num(x)
    }
}

/// How a question's answers are scored, in words.
pub fn rule_words(q: &Question) -> String {
    match (q.kind, q.score) {
        (_, Some(Rule::Linear { from, to })) => said(
            |t| t.rule_linear,
            &[("from", &amount(from)), ("to", &amount(to))],
        ),
        (_, Some(Rule::Log { from, to })) => said(
            |t| t.rule_log,
            &[("from", &amount(from)), ("to", &amount(to))],
        ),
        (_, Some(Rule::Sum { full })) => said(|t| t.rule_sum, &[("full", &amount(full))]),
        (_, Some(Rule::MeanOfChosen)) => said(|t| t.rule_mean, &[]),
        (QuestionType::SelectOne, None) | (_, None) => said(|t| t.rule_choices, &[]),
    }
}

/// The page, in the current language.
pub fn printable_html(model: &Model, instrument: &Instrument) -> String {
    let t = survey_texts();
    let language = crate::text::locale().language;
    let title = instrument.title.in_language(language);
    html! {
        (DOCTYPE)
        html lang=(texts().language) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (title) }
                p { (instrument.intro.in_language(language)) }
                p { (t.print_interview) " " span.line {} " " (t.print_day) " " span.line {} }
                p { (t.role_question) " " span.box {} (t.role_owner) " " span.box {} (t.role_informant) }
                (questions(instrument, language))
                h2.team { (t.print_scoring_heading) }
                p.assumption { (t.print_assumption) }
                (scoring(model, instrument, language))
                p { (said(|t| t.print_form_version, &[("form", &instrument.form_id), ("version", &instrument.form_version)])) }
            }
        }
    }
    .into_string()
}

fn questions(instrument: &Instrument, language: Language) -> Markup {
    // Questions are numbered through the whole form, group after group.
    let mut start = 1;
    let groups: Vec<(&str, Vec<&Question>, usize)> = instrument
        .groups
        .iter()
        .map(|g| {
            let asked: Vec<&Question> = instrument
                .questions
                .iter()
                .filter(|q| q.group == g.name)
                .collect();
            let first = start;
            start += asked.len();
            (g.label.in_language(language), asked, first)
        })
        .collect();
    html! {
        @for (label, asked, first) in &groups {
            h2 { (label) }
            ol start=(first) {
                @for q in asked {
                    li { (q.label.in_language(language)) (answer(q, language)) }
                }
            }
        }
    }
}

fn answer(q: &Question, language: Language) -> Markup {
    html! {
        @if q.kind == QuestionType::Integer {
            br; span.line {}
        } @else {
            ul.choices {
                @for c in &q.choices { li { span.box {} (c.label.in_language(language)) } }
            }
        }
    }
}

fn scoring(model: &Model, instrument: &Instrument, language: Language) -> Markup {
    let t = survey_texts();
    html! {
        table {
            thead { tr { th { (t.head_question) } th { (t.head_attribute) } th { (t.head_rule) } th { (t.head_cells) } } }
            tbody {
                @for q in &instrument.questions {
                    tr {
                        td { code { (q.name) } }
                        td { (model.attribute_info(q.attribute).name) }
                        td {
                            @if q.choices.is_empty() {
                                (rule_words(q))
                            } @else {
                                (crate::words::labelled(&rule_words(q), &choice_scores(q, language)))
                            }
                        }
                        td { (cells_line(model, q.attribute)) }
                    }
                }
            }
        }
    }
}

fn choice_scores(q: &Question, language: Language) -> String {
    let t = survey_texts();
    let each: Vec<String> = q
        .choices
        .iter()
        .map(|c| {
            let score = c.score.map_or_else(|| t.no_score.to_owned(), amount);
            crate::words::labelled(c.label.in_language(language), &score)
        })
        .collect();
    crate::words::listed(&each)
}
