//! The domain in words: bands, stages, severities, sums of money and a plan's
//! comparison numbers as people read them. Shared by the window, the report
//! and what a screen reader hears, so all three say the same thing.

use crate::analysis::compare::{Outcome, first_beyond_basic};
use crate::analysis::uncertainty::Band as RunBand;
use crate::attribute::{Attribute, Attributes};
use crate::cells::{Band, CellChange, CellResult};
use crate::mechanism::Cell;
use crate::model::Model;
use crate::model::warning::Severity;
use crate::text::{fill, num, number, plural, signed_number, texts};
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

/// A label and what follows it, punctuated as the language does:
/// "Why: …", « Pourquoi : … ».
pub fn labelled(label: &str, value: &str) -> String {
    fill(texts().label_value, &[("label", label), ("value", value)])
}

/// Items of a list in a sentence, separated as the language does:
/// "a; b", « a ; b ».
pub fn listed<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    parts.join(texts().list_separator)
}

/// "and 3 more", for a list cut short (singular or plural as the language
/// counts).
pub fn and_more(n: usize) -> String {
    let t = texts();
    fill(
        plural(n, t.logframe_more_one, t.logframe_more),
        &[("count", &n.to_string())],
    )
}

/// A whole amount with thousands grouped as the language writes them:
/// 250,000, 250 000, 250.000.
pub fn money(x: f64) -> String {
    number(x.round(), 0)
}

/// An amount in the preset's currency: "250,000 USD", or "250,000" where
/// no currency is given.
pub fn amount(x: f64, currency: Option<&str>) -> String {
    match currency {
        Some(c) => fill(texts().amount_in, &[("value", &money(x)), ("currency", c)]),
        None => money(x),
    }
}

/// A cost where one may be missing: the amount, or "not given" (never
/// "none", which reads as free).
pub fn cost_or_not_given(x: Option<f64>, currency: Option<&str>) -> String {
    x.map_or_else(
        || texts().cost_not_given.to_owned(),
        |c| amount(c, currency),
    )
}

/// A heading over amounts, naming their currency where one is given:
/// "Cost (USD)", or "Cost".
pub fn with_currency(head: &str, currency: Option<&str>) -> String {
    match currency {
        Some(c) => fill(texts().with_currency, &[("head", head), ("currency", c)]),
        None => head.to_owned(),
    }
}

/// The comparison's column headings, the cost ones naming the currency.
pub fn compare_heads(currency: Option<&str>) -> [String; 5] {
    let t = texts();
    let mut heads = t.compare_heads.map(str::to_owned);
    for i in [3, 4] {
        heads[i] = with_currency(t.compare_heads[i], currency);
    }
    heads
}

/// A change with its sign written out; no sign where nothing changes.
pub fn signed(delta: f64) -> String {
    if delta == 0.0 {
        num(0.0)
    } else {
        signed_number(delta, 2)
    }
}

/// A plan's change to a cell with what it does to the cell's band: "+0.11,
/// still none", "+0.25, none to weak".
pub fn change_words(d: &CellChange) -> String {
    let t = texts();
    if d.from == d.to {
        fill(
            t.cell_change_same,
            &[("delta", &signed(d.delta)), ("band", band_word(d.to))],
        )
    } else {
        fill(
            t.cell_change_moved,
            &[
                ("delta", &signed(d.delta)),
                ("from", band_word(d.from)),
                ("to", band_word(d.to)),
            ],
        )
    }
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
                ("attribute", model.attribute_in_sentence(c.limited_by)),
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
    let items: Vec<String> = list
        .iter()
        .map(|info| labelled(severity_word(info.severity), &info.title))
        .collect();
    listed(&items)
}

/// A plan's numbers as the comparison writes them: capability (stage), gain,
/// first year beyond basic, total cost, gain per million (the currency is
/// in the headings, [`compare_heads`]); "not given" where no entry has a
/// cost.
pub fn outcome_numbers(o: &Outcome) -> [String; 5] {
    let t = texts();
    [
        format!("{} ({})", num(o.capability), stage_word(o.stage)),
        signed_number(o.gain, 2),
        first_year(o.first_intermediate_year),
        o.total_cost
            .map_or_else(|| t.cost_not_given.to_owned(), money),
        // Without a cost there is no gain per unit of it; with a cost of 0
        // there is none either, and the dash says so without calling it free.
        match (o.gain_per_million, o.total_cost) {
            (Some(g), _) => number(g, 3),
            (None, None) => t.cost_not_given.to_owned(),
            (None, Some(_)) => t.compare_dash.to_owned(),
        },
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

/// How many checks the model makes: one per kind of warning, so the texts
/// that say "none of the model's {n} checks fires" follow the model.
pub fn checks_count() -> String {
    crate::warnings::WarningId::ALL.len().to_string()
}

#[cfg(test)]
mod tests {
    use super::{amount, compare_heads, cost_or_not_given, money, with_currency};

    #[test]
    fn amounts_name_their_currency_where_given() {
        assert_eq!(amount(250000.0, Some("USD")), "250,000 USD");
        assert_eq!(amount(250000.0, None), "250,000");
        assert_eq!(cost_or_not_given(None, Some("EUR")), "not given");
        assert_eq!(cost_or_not_given(Some(1500.0), Some("FCFA")), "1,500 FCFA");
        assert_eq!(with_currency("Cost", Some("USD")), "Cost (USD)");
        assert_eq!(with_currency("Cost", None), "Cost");
        let heads = compare_heads(Some("EUR"));
        assert_eq!(heads[3], "Total cost (EUR)");
        assert_eq!(heads[4], "Gain per million (EUR)");
        assert_eq!(heads[0], "Capability at the horizon");
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(250000.0), "250,000");
        assert_eq!(money(1234567.4), "1,234,567");
        assert_eq!(money(12.0), "12");
        assert_eq!(money(-1500.0), "-1,500");
    }
}
