//! The rules a plan and its entries obey, in one place: the preset reader
//! applies them to what a file says and the editor to every change, so the
//! window cannot make a preset the reader would refuse (plans-and-levers §2,
//! reference model §5–6). Each rule returns the reason in words; the caller
//! says where (a path into the file, or the control being edited).

use crate::model::catalogue::EffectError;
use crate::text::messages::said;

/// The longest horizon a preset may have, in years.
pub const MAX_HORIZON: u32 = 50;
/// The most plans a preset may hold.
pub const MAX_PLANS: usize = 12;
/// The longest plan name, in Unicode scalar values.
pub const MAX_PLAN_NAME: usize = 80;
/// The largest uncertainty half-width of an attribute.
pub const MAX_HALF_WIDTH: f64 = 0.5;
/// The name the trajectories CSV gives the cluster without a plan (a
/// machine-read column head, so English); tables, charts and reports use
/// the language's `baseline_name`. No plan may take the name in any language.
pub const BASELINE_NAME: &str = "No plan";

/// Why a value is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    #[error("{}", said(|m| m.horizon_outside, &[("value", &.0.to_string()), ("max", &MAX_HORIZON.to_string())]))]
    Horizon(i128),
    #[error("{}", said(|m| m.start_year_outside, &[("year", &year.to_string()), ("horizon", &horizon.to_string())]))]
    StartYear { year: i128, horizon: u32 },
    #[error("{}", said(|m| m.outside_unit, &[("value", &shown(*.0))]))]
    Intensity(f64),
    #[error("{}", said(|m| m.outside_unit, &[("value", &shown(*.0))]))]
    Attribute(f64),
    #[error("{}", said(|m| m.cost_below_zero, &[("value", &shown(*.0))]))]
    Cost(f64),
    #[error("{}", said(|m| m.not_finite, &[("value", &shown(*.0))]))]
    NotFinite(f64),
    #[error("{}", said(|m| m.half_width_outside, &[("value", &shown(*.0)), ("max", &MAX_HALF_WIDTH.to_string())]))]
    HalfWidth(f64),
    #[error("{}", said(|m| m.custom_needs_name, &[]))]
    CustomName,
    #[error("{}", said(|m| m.custom_needs_effect, &[]))]
    NoEffects,
    #[error(transparent)]
    Effect(#[from] EffectError),
    #[error("{}", said(|m| m.plan_name_blank, &[("name", .0)]))]
    PlanNameEmpty(String),
    #[error("{}", said(|m| m.plan_name_too_long, &[("name", name), ("length", &length.to_string()), ("max", &MAX_PLAN_NAME.to_string())]))]
    PlanNameTooLong { name: String, length: usize },
    #[error("{}", said(|m| m.plan_name_reserved, &[("name", .0)]))]
    PlanNameReserved(String),
    #[error("{}", said(|m| m.plan_name_twice, &[("name", .0)]))]
    PlanNameUsedTwice(String),
    #[error("{}", said(|m| m.too_many_plans, &[("count", &.0.to_string()), ("max", &MAX_PLANS.to_string())]))]
    TooManyPlans(usize),
}

/// A number as a message quotes it: whole numbers without a fraction (as a
/// file would write them), others in the shortest form that reads back
/// exactly, large and small ones with an exponent.
fn shown(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:?}")
    }
}

/// The planning horizon: 1..=50 years.
pub fn horizon(years: i128) -> Result<u32, RuleError> {
    if (1..=MAX_HORIZON as i128).contains(&years) {
        Ok(years as u32)
    } else {
        Err(RuleError::Horizon(years))
    }
}

/// An entry's start year: within the horizon.
pub fn start_year(year: i128, horizon: u32) -> Result<u32, RuleError> {
    if (0..=horizon as i128).contains(&year) {
        Ok(year as u32)
    } else {
        Err(RuleError::StartYear { year, horizon })
    }
}

/// An entry's intensity: 0..=1.
pub fn intensity(x: f64) -> Result<f64, RuleError> {
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(RuleError::Intensity(x))
    }
}

/// An attribute value: 0..=1.
pub fn attribute(x: f64) -> Result<f64, RuleError> {
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(RuleError::Attribute(x))
    }
}

/// An entry's cost or a catalogue unit cost: a finite number, 0 or more.
pub fn cost(x: f64) -> Result<f64, RuleError> {
    if !x.is_finite() {
        Err(RuleError::NotFinite(x))
    } else if x < 0.0 {
        Err(RuleError::Cost(x))
    } else {
        Ok(x)
    }
}

/// An attribute's uncertainty: a half-width in 0..=0.5.
pub fn half_width(x: f64) -> Result<f64, RuleError> {
    if (0.0..=MAX_HALF_WIDTH).contains(&x) {
        Ok(x)
    } else {
        Err(RuleError::HalfWidth(x))
    }
}

/// A custom intervention's name: not blank.
pub fn custom_name(name: &str) -> Result<(), RuleError> {
    if name.trim().is_empty() {
        Err(RuleError::CustomName)
    } else {
        Ok(())
    }
}

/// How many plans a preset holds: at most 12.
pub fn plan_count(n: usize) -> Result<(), RuleError> {
    if n <= MAX_PLANS {
        Ok(())
    } else {
        Err(RuleError::TooManyPlans(n))
    }
}

/// The form under which two plan names clash: trimmed and lower-cased.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether two plan names clash.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// A plan's name on its own: not blank, at most 80 characters, not the
/// baseline's name.
pub fn plan_name(name: &str) -> Result<(), RuleError> {
    if name.trim().is_empty() {
        return Err(RuleError::PlanNameEmpty(name.to_owned()));
    }
    let length = name.chars().count();
    if length > MAX_PLAN_NAME {
        return Err(RuleError::PlanNameTooLong {
            name: name.to_owned(),
            length,
        });
    }
    // Whatever the language, the comparison's row for no plan is named so.
    let mut reserved = crate::language::Language::ALL
        .iter()
        .map(|&l| crate::text::texts_in(l).baseline_name);
    if reserved.any(|r| name_key(name) == name_key(r)) {
        return Err(RuleError::PlanNameReserved(name.to_owned()));
    }
    Ok(())
}

/// A plan's name among the names of the other plans: valid, and used once.
pub fn plan_name_among<'a>(
    name: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<(), RuleError> {
    plan_name(name)?;
    let key = name_key(name);
    if others.into_iter().any(|o| name_key(o) == key) {
        return Err(RuleError::PlanNameUsedTwice(name.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_names_clash_trimmed_and_ignoring_case() {
        assert!(plan_name_among("Training only", ["Buyer links"]).is_ok());
        assert_eq!(
            plan_name_among(" training ONLY ", ["Training only"]),
            Err(RuleError::PlanNameUsedTwice(" training ONLY ".into()))
        );
        assert_eq!(
            plan_name("   ").unwrap_err().to_string(),
            "\"   \" is blank: a plan needs a name"
        );
        assert!(matches!(
            plan_name(" no PLAN"),
            Err(RuleError::PlanNameReserved(_))
        ));
        // 80 characters are fine, 81 are not, counted as characters.
        assert!(plan_name(&"é".repeat(80)).is_ok());
        assert!(
            plan_name(&"é".repeat(81))
                .unwrap_err()
                .to_string()
                .contains("has 81 characters")
        );
    }

    #[test]
    fn ranges_are_inclusive_and_refuse_what_lies_outside() {
        assert_eq!(horizon(1), Ok(1));
        assert_eq!(horizon(50), Ok(50));
        assert!(horizon(0).is_err() && horizon(51).is_err());
        assert_eq!(start_year(15, 15), Ok(15));
        assert_eq!(
            start_year(16, 15).unwrap_err().to_string(),
            "16 is outside 0..=15 (the plan's horizon is 15 years)"
        );
        assert!(start_year(-1, 15).is_err());
        assert!(intensity(1.0).is_ok() && intensity(1.01).is_err());
        assert!(cost(0.0).is_ok() && cost(-0.5).is_err() && cost(f64::INFINITY).is_err());
        assert!(half_width(0.5).is_ok() && half_width(0.7).is_err());
        assert_eq!(
            half_width(0.7).unwrap_err().to_string(),
            "0.7 is outside 0..=0.5"
        );
        assert!(plan_count(12).is_ok() && plan_count(13).is_err());
        // Values quoted as a file writes them.
        assert_eq!(
            cost(-5.0).unwrap_err().to_string(),
            "-5 is below 0; a cost is 0 or more"
        );
        assert_eq!(
            intensity(1e300).unwrap_err().to_string(),
            "1e300 is outside 0..=1"
        );
        assert_eq!(
            intensity(1.5).unwrap_err().to_string(),
            "1.5 is outside 0..=1"
        );
        assert!(
            cost(f64::NAN)
                .unwrap_err()
                .to_string()
                .contains("not a finite number")
        );
        assert!(attribute(f64::NAN).is_err());
        assert!(intensity(f64::NAN).is_err());
    }
}
