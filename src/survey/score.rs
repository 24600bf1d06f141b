//! From one answer, as an export writes it, to a score on the attribute's
//! 0..1 scale, by the question's rule (the model's own assumption).

use super::instrument::{Question, QuestionType, Rule};

/// What one answer gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// No answer (an empty cell, or the legacy exports' `n/a`).
    Missing,
    /// An answer that says nothing about the attribute ("nothing that I
    /// know of").
    Silent,
    /// A score in 0..1.
    Score(f64),
    /// An answer the form could not have given: a choice it does not offer,
    /// or a number outside the question's range. Counted, not scored.
    Unreadable,
}

/// A cell that cannot be the answer to a number question at all: the file
/// is not an export of this form.
#[derive(Debug, Clone, PartialEq)]
pub struct NotANumber;

/// Reads one cell of a question's column.
pub fn read(question: &Question, cell: &str) -> Result<Reading, NotANumber> {
    let cell = cell.trim();
    if cell.is_empty() || cell == "n/a" {
        return Ok(Reading::Missing);
    }
    Ok(match question.kind {
        QuestionType::SelectOne => match question.choice(cell).map(|c| c.score) {
            Some(Some(s)) => Reading::Score(s),
            Some(None) => Reading::Silent,
            None => Reading::Unreadable,
        },
        QuestionType::SelectMultiple => {
            let names: Vec<&str> = cell.split_whitespace().collect();
            chosen(question, &names)
        }
        QuestionType::Integer => {
            let n = whole_number(cell).ok_or(NotANumber)?;
            let in_range =
                question.min.is_none_or(|m| n >= m) && question.max.is_none_or(|m| n <= m);
            match (in_range, question.score) {
                (true, Some(rule)) => Reading::Score(number_score(rule, n as f64)),
                _ => Reading::Unreadable,
            }
        }
    })
}

/// A whole number as an export writes it: `12`, or `12.0` where a
/// spreadsheet stored it as a float.
fn whole_number(cell: &str) -> Option<i64> {
    if let Ok(n) = cell.parse::<i64>() {
        return Some(n);
    }
    let x: f64 = cell.parse().ok()?;
    (x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
}

/// The score of a number by a linear or logarithmic rule.
pub fn number_score(rule: Rule, x: f64) -> f64 {
    let share = match rule {
        Rule::Linear { from, to } => (x - from) / (to - from),
        Rule::Log { from, .. } if x <= from => 0.0,
        Rule::Log { from, to } => (x / from).ln() / (to / from).ln(),
        Rule::Sum { .. } | Rule::MeanOfChosen => 0.0,
    };
    share.clamp(0.0, 1.0)
}

/// A select-multiple answer: the names chosen (none chosen is an answer:
/// it scores 0 by a sum).
pub fn chosen(question: &Question, names: &[&str]) -> Reading {
    let mut scores = Vec::new();
    for name in names {
        match question.choice(name) {
            Some(c) => scores.extend(c.score),
            None => return Reading::Unreadable,
        }
    }
    match question.score {
        Some(Rule::Sum { full }) => Reading::Score((scores.iter().sum::<f64>() / full).min(1.0)),
        Some(Rule::MeanOfChosen) if scores.is_empty() => Reading::Silent,
        Some(Rule::MeanOfChosen) => {
            Reading::Score(scores.iter().sum::<f64>() / scores.len() as f64)
        }
        _ => Reading::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Instrument;

    fn question(name: &str) -> Question {
        Instrument::shipped()
            .unwrap()
            .question(name)
            .unwrap()
            .clone()
    }

    #[test]
    fn numbers_score_by_their_rule() {
        let q = question("sales_outside_pct"); // linear 0..80
        assert_eq!(read(&q, "40"), Ok(Reading::Score(0.5)));
        assert_eq!(read(&q, "100"), Ok(Reading::Score(1.0)));
        assert_eq!(read(&q, "40.0"), Ok(Reading::Score(0.5)));
        assert_eq!(read(&q, "101"), Ok(Reading::Unreadable));
        assert_eq!(read(&q, "forty"), Err(NotANumber));
        assert_eq!(read(&q, ""), Ok(Reading::Missing));
        assert_eq!(read(&q, "n/a"), Ok(Reading::Missing));
        let log = question("similar_firms"); // log 5..3000
        assert_eq!(read(&log, "3"), Ok(Reading::Score(0.0)));
        let Ok(Reading::Score(s)) = read(&log, "600") else {
            panic!()
        };
        // ln(120)/ln(600), worked by hand: 4.7875/6.3969
        assert!((s - 0.7484).abs() < 1e-3, "{s}");
    }

    #[test]
    fn choices_score_as_the_file_says() {
        let one = question("buyer_standards");
        assert_eq!(read(&one, "written_standards"), Ok(Reading::Score(0.75)));
        assert_eq!(read(&one, "maybe"), Ok(Reading::Unreadable));
        let sum = question("local_suppliers"); // full 4
        assert_eq!(read(&sum, "machines materials"), Ok(Reading::Score(0.5)));
        assert_eq!(read(&sum, "none_of_these"), Ok(Reading::Score(0.0)));
        let mean = question("association_did");
        assert_eq!(read(&mean, "training lobbying"), Ok(Reading::Score(0.5)));
        assert_eq!(read(&mean, "nothing"), Ok(Reading::Silent));
        assert_eq!(read(&mean, "training bogus"), Ok(Reading::Unreadable));
    }
}
