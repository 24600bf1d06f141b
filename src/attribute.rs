//! The twelve attributes that describe a cluster (reference model §1).

use std::fmt;
use std::ops::{Index, IndexMut};

/// One attribute of a cluster, on a 0..1 scale. The order of the variants is the
/// order used everywhere: the UI, preset files and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attribute {
    MarketDynamism,
    Associations,
    ExternalBuyers,
    DemandForImprovement,
    LearningFocus,
    ClusterSize,
    CompetitionPressure,
    SpecialisedSuppliers,
    PublicSupport,
    SkilledLabour,
    KnowledgeFora,
    FirmCapability,
}

impl Attribute {
    /// All attributes, in reference-model order.
    pub const ALL: [Attribute; 12] = [
        Attribute::MarketDynamism,
        Attribute::Associations,
        Attribute::ExternalBuyers,
        Attribute::DemandForImprovement,
        Attribute::LearningFocus,
        Attribute::ClusterSize,
        Attribute::CompetitionPressure,
        Attribute::SpecialisedSuppliers,
        Attribute::PublicSupport,
        Attribute::SkilledLabour,
        Attribute::KnowledgeFora,
        Attribute::FirmCapability,
    ];

    /// Number of attributes.
    pub const COUNT: usize = Self::ALL.len();

    /// The id used in files and reports, e.g. `market_dynamism`.
    pub fn id(self) -> &'static str {
        match self {
            Attribute::MarketDynamism => "market_dynamism",
            Attribute::Associations => "associations",
            Attribute::ExternalBuyers => "external_buyers",
            Attribute::DemandForImprovement => "demand_for_improvement",
            Attribute::LearningFocus => "learning_focus",
            Attribute::ClusterSize => "cluster_size",
            Attribute::CompetitionPressure => "competition_pressure",
            Attribute::SpecialisedSuppliers => "specialised_suppliers",
            Attribute::PublicSupport => "public_support",
            Attribute::SkilledLabour => "skilled_labour",
            Attribute::KnowledgeFora => "knowledge_fora",
            Attribute::FirmCapability => "firm_capability",
        }
    }

    /// The attribute with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Attribute> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Position in reference-model order (0..12).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A value for every attribute, each in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attributes(pub [f64; Attribute::COUNT]);

impl Attributes {
    /// Every attribute at the same value.
    pub fn uniform(value: f64) -> Self {
        Attributes([value; Attribute::COUNT])
    }

    /// The attributes with their ids, in reference-model order.
    pub fn iter(&self) -> impl Iterator<Item = (Attribute, f64)> + '_ {
        Attribute::ALL.into_iter().map(|a| (a, self[a]))
    }
}

impl Index<Attribute> for Attributes {
    type Output = f64;
    fn index(&self, a: Attribute) -> &f64 {
        &self.0[a.index()]
    }
}

impl IndexMut<Attribute> for Attributes {
    fn index_mut(&mut self, a: Attribute) -> &mut f64 {
        &mut self.0[a.index()]
    }
}

/// Serialises as a JSON object with the ids as keys, in reference-model order.
impl serde::Serialize for Attributes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(Attribute::COUNT))?;
        for (a, v) in self.iter() {
            map.serialize_entry(a.id(), &v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_keep_order() {
        for (i, a) in Attribute::ALL.into_iter().enumerate() {
            assert_eq!(a.index(), i);
            assert_eq!(Attribute::from_id(a.id()), Some(a));
        }
        assert_eq!(Attribute::from_id("firm_size"), None);
    }
}
