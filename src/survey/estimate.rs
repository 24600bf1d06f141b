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

#[cfg(test)]
mod tests {
    use super::*;

    /// Respondents' readings on market dynamism's two questions (the first
    /// two of the form), every other question unanswered.
    fn answers(on_market: &[[Reading; 2]]) -> (Instrument, Answers) {
        let instrument = Instrument::shipped().unwrap();
        let n = instrument.questions.len();
        assert!(
            instrument.questions[..2]
                .iter()
                .all(|q| q.attribute == Attribute::MarketDynamism)
        );
        let respondents = on_market
            .iter()
            .map(|two| {
                let mut r = vec![Reading::Missing; n];
                r[..2].copy_from_slice(two);
                r
            })
            .collect();
        let answers = Answers {
            respondents,
            latest_day: None,
            duplicates: 0,
            rejected: 0,
        };
        (instrument, answers)
    }

    #[test]
    fn the_estimate_is_the_mean_of_respondents_means_and_the_spread_their_deviation() {
        use Reading::*;
        let (i, a) = answers(&[
            [Score(0.2), Missing],
            [Score(0.4), Score(0.4)],
            [Score(1.0), Score(0.8)],
            [Unreadable, Silent],
            [Missing, Missing],
        ]);
        let e = estimates(&i, &a)[0];
        assert_eq!(e.attribute, Attribute::MarketDynamism);
        // Respondents 0.2, 0.4 and 0.9: mean 0.5; deviations -0.3, -0.1,
        // 0.4, squares 0.13 over n - 1 = 2: sd = sqrt(0.13) = 0.36056.
        assert!((e.value.unwrap() - 0.5).abs() < 1e-12);
        assert!((e.spread - 0.360_555).abs() < 1e-6, "{}", e.spread);
        assert_eq!((e.n, e.unreadable), (3, 1));
    }

    #[test]
    fn one_answer_says_nothing_of_the_spread_and_none_gives_no_value() {
        use Reading::*;
        let (i, a) = answers(&[[Score(0.7), Missing]]);
        let e = estimates(&i, &a)[0];
        assert_eq!((e.value, e.spread, e.n), (Some(0.7), 0.5, 1));
        let (i, a) = answers(&[[Missing, Silent]]);
        let e = estimates(&i, &a)[0];
        assert_eq!((e.value, e.n), (None, 0));
    }

    #[test]
    fn a_spread_past_a_half_is_held_at_a_half() {
        use Reading::*;
        let (i, a) = answers(&[[Score(0.0), Missing], [Score(1.0), Missing]]);
        // sd of 0 and 1 is 0.707.
        assert_eq!(estimates(&i, &a)[0].spread, 0.5);
    }
}
