//! Warnings: where the theory says a cluster or a plan will not work
//! (reference model §3). Conditions are read on the with-plan attributes and
//! trajectory; thresholds and texts come from the model file.

use crate::attribute::{Attribute, Attributes};
use crate::model::Model;
use crate::model::catalogue::Side;
pub use crate::model::warning::{Severity, WarningId};
use crate::plan::Scheduled;
use crate::trajectory::Trajectory;

/// A warning that fires.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub id: WarningId,
    /// The years concerned, ascending (only `supply-without-demand` has them).
    pub years: Vec<u32>,
    /// It fires only because of institutions the cluster already has: in none
    /// of its years is a supply-side plan entry in force.
    pub existing_only: bool,
}

impl Warning {
    /// The message and advice from the model file, in the words for its cause.
    fn words<'a>(&self, model: &'a Model) -> (&'a str, &'a str) {
        let info = model.warning(self.id);
        match &info.existing_institutions {
            Some((message, advice)) if self.existing_only => (message, advice),
            _ => (&info.message, &info.advice),
        }
    }

    /// The message, with `{years}` filled in ("0–15").
    pub fn message(&self, model: &Model) -> String {
        self.words(model)
            .0
            .replace("{years}", &year_span(&self.years))
    }

    /// What to do about it.
    pub fn advice<'a>(&self, model: &'a Model) -> &'a str {
        self.words(model).1
    }
}

/// Whether two sets of attributes are the same to the bit (so any expression
/// gives the same value on both).
fn same_bits(a: &Attributes, b: &Attributes) -> bool {
    a.0.iter()
        .zip(&b.0)
        .all(|(x, y)| x.to_bits() == y.to_bits())
}

/// "3" for one year, "0–15" for several (first–last).
pub fn year_span(years: &[u32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// What the warnings are evaluated on.
pub struct Inputs<'a> {
    /// The preset's attributes, before the plan.
    pub start: &'a Attributes,
    /// The attributes after every plan entry.
    pub with_plan: &'a Attributes,
    pub schedule: &'a [Scheduled<'a>],
    /// Number of entries in the plan (whatever their intensity).
    pub plan_entries: usize,
    pub baseline: &'a Trajectory,
    pub with_plan_trajectory: &'a Trajectory,
}

/// The warnings that fire, in report order.
pub fn evaluate_warnings(model: &Model, i: &Inputs<'_>) -> Vec<Warning> {
    let th = &model.file.warnings;
    let ind = &model.indicators;
    let a = i.with_plan;
    // The preset's capability: plan entries never change it.
    let c0 = i.start[Attribute::FirmCapability];
    let mut out = Vec::new();
    let mut fire = |id: WarningId, years: Vec<u32>, existing_only: bool| {
        out.push(Warning {
            id,
            years,
            existing_only,
        })
    };

    let t = &th.supply_without_demand.thresholds;
    let planned_support = |year: u32| {
        i.schedule
            .iter()
            .any(|s| s.side == Side::Supply && s.intensity > 0.0 && s.start_year <= year)
    };
    // The attributes in force change only in the years plan entries start,
    // so a year reuses the last year's indicators unless they changed.
    let mut last: Option<(&Attributes, bool, bool)> = None;
    let years: Vec<u32> = i
        .with_plan_trajectory
        .years
        .iter()
        .filter(|y| {
            let (existing_support, stagnant) = match last {
                Some((a, support, stagnant)) if same_bits(a, &y.attributes) => (support, stagnant),
                _ => {
                    let support = ind.supply_support.eval(&y.attributes) >= t.support_from;
                    let stagnant = ind.market_pull.eval(&y.attributes) < t.pull_below;
                    last = Some((&y.attributes, support, stagnant));
                    (support, stagnant)
                }
            };
            (planned_support(y.year) || existing_support) && stagnant
        })
        .map(|y| y.year)
        .collect();
    if !years.is_empty() {
        // In no year concerned does the plan support the supply side: only
        // the institutions the cluster already has meet stagnant markets.
        let existing_only = !years.iter().any(|&y| planned_support(y));
        fire(WarningId::SupplyWithoutDemand, years, existing_only);
    }

    let t = &th.no_demand.thresholds;
    if i.start[Attribute::DemandForImprovement] < t.demand_below
        && i.with_plan_trajectory
            .years
            .iter()
            .all(|y| y.demand < t.demand_below)
    {
        fire(WarningId::NoDemand, Vec::new(), false);
    }

    let t = &th.lock_in.thresholds;
    if ind.external_inputs.eval(a) < t.external_inputs_below && c0 < t.capability_below {
        fire(WarningId::LockIn, Vec::new(), false);
    }

    let t = &th.survivalist_competition.thresholds;
    if a[Attribute::CompetitionPressure] >= t.competition_from && c0 < t.capability_below {
        fire(WarningId::SurvivalistCompetition, Vec::new(), false);
    }

    let t = &th.production_only_cooperation.thresholds;
    if a[Attribute::Associations] >= t.associations_from
        && a[Attribute::LearningFocus] < t.learning_focus_below
    {
        fire(WarningId::ProductionOnlyCooperation, Vec::new(), false);
    }

    let t = &th.plan_barely_helps.thresholds;
    let gain = i.with_plan_trajectory.final_capability() - i.baseline.final_capability();
    if i.plan_entries > 0 && gain < t.gain_below {
        fire(WarningId::PlanBarelyHelps, Vec::new(), false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_spans_read_first_to_last() {
        assert_eq!(year_span(&[0, 1, 2, 15]), "0–15");
        assert_eq!(year_span(&[3]), "3");
        assert_eq!(year_span(&[]), "");
    }
}
