//! What the user writes into a results chain's boxes: for each box an
//! indicator, its baseline and target, how and by whom and when it is
//! measured. Only what the user wrote is kept; a field left empty shows the
//! model's suggestion ([`crate::chain`]), so a better model file improves
//! every preset that did not override it.

use crate::model::chain::BoxKind;

/// The longest text a field may hold, in characters.
pub const MAX_FIELD_CHARS: usize = 2000;

/// A field of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Indicator,
    Baseline,
    Target,
    /// Means of verification: how it is measured.
    Means,
    Who,
    When,
}

impl Field {
    /// All fields, in file order.
    pub const ALL: [Field; 6] = [
        Field::Indicator,
        Field::Baseline,
        Field::Target,
        Field::Means,
        Field::Who,
        Field::When,
    ];

    /// The key in preset files.
    pub fn id(self) -> &'static str {
        match self {
            Field::Indicator => "indicator",
            Field::Baseline => "baseline",
            Field::Target => "target",
            Field::Means => "means_of_verification",
            Field::Who => "who",
            Field::When => "when",
        }
    }

    /// The field with this key.
    pub fn from_id(id: &str) -> Option<Field> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One box's indicator as the user wrote it; `None` where they wrote nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indicator([Option<String>; 6]);

impl Indicator {
    /// What the user wrote in a field.
    pub fn get(&self, f: Field) -> Option<&str> {
        self.0[f.index()].as_deref()
    }

    /// Sets a field; blank text clears it.
    pub fn set(&mut self, f: Field, value: Option<String>) {
        self.0[f.index()] = value.filter(|v| !v.trim().is_empty());
    }

    /// Whether the user wrote nothing.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The fields written, in file order.
    pub fn written(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f, v)))
    }
}

/// The indicators of several boxes, in box order, only those with something
/// written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indicators(Vec<(BoxKind, Indicator)>);

impl Indicators {
    /// A box's indicator, if the user wrote any of it.
    pub fn get(&self, kind: BoxKind) -> Option<&Indicator> {
        self.0.iter().find(|(k, _)| *k == kind).map(|(_, i)| i)
    }

    /// What the user wrote in one field of one box.
    pub fn field(&self, kind: BoxKind, f: Field) -> Option<&str> {
        self.get(kind).and_then(|i| i.get(f))
    }

    /// Sets one field of one box, keeping box order and dropping a box left
    /// empty.
    pub fn set(&mut self, kind: BoxKind, f: Field, value: Option<String>) {
        let mut indicator = self.get(kind).cloned().unwrap_or_default();
        indicator.set(f, value);
        self.insert(kind, indicator);
    }

    /// Puts a whole indicator in a box (an empty one clears the box).
    fn insert(&mut self, kind: BoxKind, indicator: Indicator) {
        self.0.retain(|(k, _)| *k != kind);
        if !indicator.is_empty() {
            self.0.push((kind, indicator));
            self.0.sort_by_key(|(k, _)| *k);
        }
    }

    /// The boxes with something written, in box order.
    pub fn iter(&self) -> impl Iterator<Item = (BoxKind, &Indicator)> {
        self.0.iter().map(|(k, i)| (*k, i))
    }

    /// Whether nothing is written in any box.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_clears_and_an_empty_box_goes() {
        let mut all = Indicators::default();
        all.set(BoxKind::Market, Field::Target, Some("60 %".into()));
        all.set(BoxKind::Activity, Field::Who, Some("Team".into()));
        let order: Vec<_> = all.iter().map(|(k, _)| k).collect();
        assert_eq!(order, vec![BoxKind::Activity, BoxKind::Market]);
        all.set(BoxKind::Market, Field::Target, Some("  ".into()));
        assert_eq!(all.get(BoxKind::Market), None);
        assert_eq!(all.field(BoxKind::Activity, Field::Who), Some("Team"));
        all.set(BoxKind::Activity, Field::Who, None);
        assert!(all.is_empty());
    }
}
