//! From respondents' answers to the cluster's attributes: for each
//! attribute, the mean over respondents of their mean score on its
//! questions, the spread between respondents (what the workbench takes as
//! the attribute's uncertainty), how many answered, and how many answers
//! could not be read. All of it the model's own assumption, not the paper's.

use super::instrument::Instrument;
use super::responses::Answers;
use super::score::Reading;
use crate::attribute::Attribute;
use crate::plan::rules::MAX_HALF_WIDTH;

/// What the survey says about one attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub attribute: Attribute,
    /// The mean over respondents who answered at least one of its
    /// questions; `None` when nobody did.
    pub value: Option<f64>,
    /// The standard deviation between those respondents, at most 0.5 (the
    /// largest uncertainty a preset holds); 0.5 when only one answered, as
    /// one answer says nothing of how firms differ.
    pub spread: f64,
    /// How many respondents answered at least one of its questions.
    pub n: usize,
    /// How many answers to its questions could not be read.
    pub unreadable: usize,
}

/// The estimate of every attribute, in reference-model order.
pub fn estimates(instrument: &Instrument, answers: &Answers) -> Vec<Estimate> {
    Attribute::ALL
        .iter()
        .map(|&a| estimate(instrument, answers, a))
        .collect()
}

fn estimate(instrument: &Instrument, answers: &Answers, attribute: Attribute) -> Estimate {
    let on: Vec<usize> = (0..instrument.questions.len())
        .filter(|&q| instrument.questions[q].attribute == attribute)
        .collect();
    let mut values = Vec::new();
    let mut unreadable = 0;
    for readings in &answers.respondents {
        let scores: Vec<f64> = on
            .iter()
            .filter_map(|&q| match readings[q] {
                Reading::Score(s) => Some(s),
                Reading::Unreadable => {
                    unreadable += 1;
                    None
                }
                Reading::Missing | Reading::Silent => None,
            })
            .collect();
        if !scores.is_empty() {
            values.push(scores.iter().sum::<f64>() / scores.len() as f64);
        }
    }
    let n = values.len();
    let value = (n > 0).then(|| values.iter().sum::<f64>() / n as f64);
    let spread = match value {
        Some(mean) if n > 1 => {
            let square: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
            (square / (n - 1) as f64).sqrt().min(MAX_HALF_WIDTH)
        }
        _ => MAX_HALF_WIDTH,
    };
    Estimate {
        attribute,
        value,
        spread,
        n,
        unreadable,
    }
}
