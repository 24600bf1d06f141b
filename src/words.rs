//! The domain in words: bands, stages, severities, sums of money and a plan's
//! comparison numbers as people read them. Shared by the window, the report
//! and what a screen reader hears, so all three say the same thing.

use crate::analysis::compare::{Outcome, first_beyond_basic};
use crate::analysis::uncertainty::Band as RunBand;
use crate::attribute::{Attribute, Attributes};
use crate::cells::{Band, CellResult};
use crate::mechanism::Cell;
use crate::model::Model;
use crate::model::warning::Severity;
use crate::text::{fill, num, texts};
use crate::trajectory::{Stage, Trajectory};
use crate::warnings::Warning;

/// The word for a band.
pub fn band_word(band: Band) -> &'static str {
    let t = texts();
    match band {
        Band::None => t.band_none,
        Band::Weak => t.band_weak,
        Band::Moderate => t.band_moderate,
        Band::Strong => t.band_strong,
    }
}

/// The label for a severity.
pub fn severity_word(severity: Severity) -> &'static str {
    let t = texts();
    match severity {
        Severity::Critical => t.severity_critical,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

/// The severity as a listener hears it: "Critical", not "CRITICAL" (which
/// some screen readers spell out).
pub fn severity_spoken(severity: Severity) -> &'static str {
    let t = texts();
    match severity {
        Severity::Critical => t.severity_critical_spoken,
        Severity::Warning => t.severity_warning_spoken,
        Severity::Info => t.severity_info_spoken,
    }
}

/// The word for a capability stage.
pub fn stage_word(stage: Stage) -> &'static str {
    let t = texts();
    match stage {
        Stage::Basic => t.stage_basic,
        Stage::Intermediate => t.stage_intermediate,
        Stage::Advanced => t.stage_advanced,
    }
}

/// Thousands separated by commas: 250,000.
pub fn money(x: f64) -> String {
    let whole = format!("{:.0}", x.round());
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && ch.is_ascii_digit() {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A cell in words, keeping its id: "I.a cost savings × Hiring".
pub fn cell_name(model: &Model, cell: Cell) -> String {
    format!(
        "{} {} × {}",
        cell.mechanism.id(),
        model.mechanism_info(cell.mechanism).label,
        model.effort_info(cell.effort).name
    )
}

/// What limits a cell in the model: "In the model, limited by associations,
/// 0.20", or, where demand for improvement is the bottleneck, that the model
/// lets no effort rise above what firms demand.
pub fn limit_line(model: &Model, c: &CellResult, attrs: &Attributes) -> String {
    let t = texts();
    if c.limited_by == Attribute::DemandForImprovement {
        fill(
            t.limited_by_demand,
            &[("value", &num(attrs[Attribute::DemandForImprovement]))],
        )
    } else {
        fill(
            t.limited_by_line,
            &[
                (
                    "attribute",
                    &model.attribute_info(c.limited_by).name.to_lowercase(),
                ),
                ("value", &num(attrs[c.limited_by])),
            ],
        )
    }
}

/// A plan's warnings in words, most serious first.
pub fn warnings_line(model: &Model, warnings: &[Warning]) -> String {
    let mut list: Vec<_> = warnings.iter().map(|w| model.warning(w.id)).collect();
    list.sort_by_key(|info| info.severity);
    if list.is_empty() {
        return texts().compare_no_warnings.to_owned();
    }
    list.iter()
        .map(|info| format!("{}: {}", severity_word(info.severity), info.title))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A plan's numbers as the comparison writes them: capability (stage), gain,
/// first year beyond basic, total cost, gain per million.
pub fn outcome_numbers(o: &Outcome) -> [String; 5] {
    let t = texts();
    [
        format!("{} ({})", num(o.capability), stage_word(o.stage)),
        format!("{:+.2}", o.gain),
        first_year(o.first_intermediate_year),
        o.total_cost
            .map_or_else(|| t.compare_none.to_owned(), money),
        o.gain_per_million
            .map_or_else(|| t.compare_none.to_owned(), |g| format!("{g:.3}")),
    ]
}

/// The cluster without a plan in the comparison's columns: its capability
/// and first year beyond basic, dashes where a plan has cost and gain.
pub fn baseline_numbers(t: &Trajectory) -> [String; 5] {
    let dash = texts().compare_dash;
    [
        t.years.last().map_or_else(String::new, |y| {
            format!("{} ({})", num(y.capability), stage_word(y.stage))
        }),
        dash.to_owned(),
        first_year(first_beyond_basic(t)),
        dash.to_owned(),
        dash.to_owned(),
    ]
}

/// The first year beyond the basic stage, in words.
pub fn first_year(year: Option<u32>) -> String {
    let t = texts();
    year.map_or_else(
        || t.compare_never.to_owned(),
        |y| fill(t.compare_year, &[("year", &y.to_string())]),
    )
}

/// "10–90 % of runs: 0.38–0.45 · best plan in 62 % of runs".
pub fn uncertain_line(band: &[RunBand], best: Option<u32>) -> String {
    let t = texts();
    let Some(last) = band.last() else {
        return String::new();
    };
    let mut line = fill(
        t.compare_uncertain,
        &[("low", &num(last.p10)), ("high", &num(last.p90))],
    );
    if let Some(share) = best {
        line.push_str(" · ");
        line.push_str(&fill(t.compare_best, &[("share", &share.to_string())]));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(250000.0), "250,000");
        assert_eq!(money(1234567.4), "1,234,567");
        assert_eq!(money(12.0), "12");
        assert_eq!(money(-1500.0), "-1,500");
    }
}
