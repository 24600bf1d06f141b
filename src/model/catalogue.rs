//! The intervention catalogue's types: what the model file defines about a
//! policy lever (its side and its effects), and the one rule every effect
//! obeys, whether it comes from the model file or from a custom entry in a
//! preset.

use crate::attribute::Attribute;
use crate::text::messages::said;
use std::fmt;

/// Whether an intervention supports the supply side (associations, training,
/// facilities, fora) or links producers to demand (buyers, markets, standards).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Supply,
    Demand,
}

impl Side {
    /// Both sides.
    pub const ALL: [Side; 2] = [Side::Supply, Side::Demand];

    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Side::Supply => "supply",
            Side::Demand => "demand",
        }
    }

    /// The side with this id.
    pub fn from_id(id: &str) -> Option<Side> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// A catalogue intervention (its words live in the model file).
#[derive(Debug, Clone, PartialEq)]
pub struct Intervention {
    pub id: String,
    pub name: String,
    /// The name as it reads inside a sentence: "buyer linkage".
    pub in_sentence: String,
    pub side: Side,
    /// Attribute changes at intensity 1, in the order they are applied.
    pub effects: Vec<(Attribute, f64)>,
}

/// Why an effect is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EffectError {
    #[error("{}", said(|m| m.unknown_attribute, &[("key", .0)]))]
    UnknownAttribute(String),
    #[error("{}", said(|m| m.effect_on_capability, &[]))]
    Capability,
    #[error("{}", said(|m| m.duplicate_key, &[("key", .0)]))]
    Duplicate(String),
    #[error("{}", said(|m| m.effect_outside, &[("value", &.0.to_string())]))]
    OutOfRange(f64),
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Checks one effect of an intervention (catalogue or custom) given the
/// effects accepted before it: a known attribute other than firm_capability
/// (capability grows only through firms' own effort), each once, a change in
/// -1..=1.
pub fn check_effect(
    key: &str,
    delta: f64,
    before: &[(Attribute, f64)],
) -> Result<Attribute, EffectError> {
    let a = Attribute::from_id(key).ok_or_else(|| EffectError::UnknownAttribute(key.into()))?;
    if a == Attribute::FirmCapability {
        return Err(EffectError::Capability);
    }
    if before.iter().any(|(b, _)| *b == a) {
        return Err(EffectError::Duplicate(key.into()));
    }
    if !(-1.0..=1.0).contains(&delta) {
        return Err(EffectError::OutOfRange(delta));
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_follow_one_rule() {
        let ok = check_effect("knowledge_fora", 0.3, &[]);
        assert_eq!(ok, Ok(Attribute::KnowledgeFora));
        let before = [(Attribute::KnowledgeFora, 0.3)];
        assert_eq!(
            check_effect("knowledge_fora", 0.1, &before),
            Err(EffectError::Duplicate("knowledge_fora".into()))
        );
        assert_eq!(
            check_effect("firm_capability", 0.1, &[]),
            Err(EffectError::Capability)
        );
        assert_eq!(
            check_effect("skilled_labour", -1.5, &[]),
            Err(EffectError::OutOfRange(-1.5))
        );
        assert!(check_effect("fora", 0.1, &[]).is_err());
    }
}
