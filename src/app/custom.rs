//! The form for a custom intervention: what the user has typed so far, and
//! the entry it makes, checked by the rules a preset file is read with.

use crate::attribute::Attribute;
use crate::edit::Edit;
use crate::model::catalogue::Side;
use crate::plan::CustomIntervention;
use crate::plan::rules::RuleError;

/// A custom intervention being written.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomDraft {
    /// The plan it will be added to.
    pub plan: usize,
    pub name: String,
    pub side: Side,
    /// The change of each attribute at intensity 1; 0 leaves it alone.
    pub effects: [f64; Attribute::COUNT],
    pub start_year: u32,
}

impl CustomDraft {
    /// An empty form for plan `plan`.
    pub fn new(plan: usize) -> Self {
        CustomDraft {
            plan,
            name: String::new(),
            side: Side::Supply,
            effects: [0.0; Attribute::COUNT],
            start_year: 0,
        }
    }

    /// The attributes an intervention may change: all but firm_capability,
    /// which grows only through firms' own effort.
    pub fn attributes() -> impl Iterator<Item = Attribute> {
        Attribute::ALL
            .into_iter()
            .filter(|a| *a != Attribute::FirmCapability)
    }

    /// The intervention the form describes, or why it is not one yet.
    pub fn build(&self) -> Result<CustomIntervention, RuleError> {
        let effects: Vec<(Attribute, f64)> = Self::attributes()
            .map(|a| (a, self.effects[a.index()]))
            .filter(|(_, d)| *d != 0.0)
            .collect();
        CustomIntervention::new(self.name.trim().to_owned(), self.side, &effects)
    }

    /// The edit that adds it to its plan.
    pub fn edit(&self) -> Result<Edit, RuleError> {
        Ok(Edit::AddCustomEntry {
            plan: self.plan,
            custom: self.build()?,
            start_year: self.start_year,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_becomes_an_entry_only_when_it_has_a_name_and_an_effect() {
        let mut d = CustomDraft::new(0);
        assert_eq!(d.build(), Err(RuleError::CustomName));
        d.name = "  Design clinic ".into();
        assert_eq!(d.build(), Err(RuleError::NoEffects));
        d.effects[Attribute::KnowledgeFora.index()] = 0.1;
        let c = d.build().unwrap();
        assert_eq!(c.name, "Design clinic");
        assert_eq!(c.effects, vec![(Attribute::KnowledgeFora, 0.1)]);
        assert!(matches!(d.edit(), Ok(Edit::AddCustomEntry { plan: 0, .. })));
    }
}
