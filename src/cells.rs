//! Static evaluation of Table 1: how strongly each of the 32 cells comes into
//! play on a set of attributes, its band, and what limits it (reference model §2).

use crate::attribute::{Attribute, Attributes};
use crate::mechanism::{Cell, cells};
use crate::model::Model;

/// How strong a cell is, in words (bands are model parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    None,
    Weak,
    Moderate,
    Strong,
}

impl Band {
    /// All bands, weakest first.
    pub const ALL: [Band; 4] = [Band::None, Band::Weak, Band::Moderate, Band::Strong];

    /// The id used in reports.
    pub fn id(self) -> &'static str {
        match self {
            Band::None => "none",
            Band::Weak => "weak",
            Band::Moderate => "moderate",
            Band::Strong => "strong",
        }
    }

    /// The band of a strength under the model's bounds (plain f64 comparisons).
    pub fn of(strength: f64, model: &Model) -> Band {
        let b = &model.file.bands;
        if strength >= b.strong {
            Band::Strong
        } else if strength >= b.moderate {
            Band::Moderate
        } else if strength >= b.weak {
            Band::Weak
        } else {
            Band::None
        }
    }

    /// Whether a cell in this band counts as active (moderate or strong).
    pub fn is_active(self) -> bool {
        self >= Band::Moderate
    }

    /// The strengths the band covers under the model's bounds: from its lower
    /// bound (inclusive) up to the next band's (exclusive), or up to 1.
    pub fn range(self, model: &Model) -> (f64, Option<f64>) {
        let b = &model.file.bands;
        match self {
            Band::None => (0.0, Some(b.weak)),
            Band::Weak => (b.weak, Some(b.moderate)),
            Band::Moderate => (b.moderate, Some(b.strong)),
            Band::Strong => (b.strong, None),
        }
    }

    /// A strength in the middle of the band, for a colour swatch.
    pub fn sample(self, model: &Model) -> f64 {
        let (from, to) = self.range(model);
        (from + to.unwrap_or(1.0)) / 2.0
    }
}

/// How a plan changes one cell: with-plan strength minus baseline strength,
/// and the cell's band before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellChange {
    pub delta: f64,
    /// The cell's band without the plan.
    pub from: Band,
    /// The cell's band with the plan.
    pub to: Band,
}

/// Every cell's change from `baseline` to `with_plan`, in [`cells`] order.
pub fn differences(baseline: &[CellResult], with_plan: &[CellResult]) -> Vec<CellChange> {
    baseline
        .iter()
        .zip(with_plan)
        .map(|(b, w)| CellChange {
            delta: w.strength - b.strength,
            from: b.band,
            to: w.band,
        })
        .collect()
}

/// One evaluated cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellResult {
    pub cell: Cell,
    /// Driver value before the demand gate.
    pub driver: f64,
    /// `demand_for_improvement × driver`.
    pub strength: f64,
    pub band: Band,
    /// The attribute whose rise would raise the strength most directly.
    pub limited_by: Attribute,
}

/// The strength of every cell, in [`cells`] order, without explanations. A
/// driver shared by several cells is evaluated once.
pub fn strengths(model: &Model, a: &Attributes) -> [f64; Cell::COUNT] {
    let (drivers, _) = model.drivers();
    let mut values = [0.0_f64; Cell::COUNT];
    for (v, d) in values.iter_mut().zip(drivers) {
        *v = d.eval(a);
    }
    gate(model, a, &values)
}

/// The cells' strengths from their drivers' values: demand for improvement
/// times the driver of each cell.
pub fn gate(model: &Model, a: &Attributes, driver_values: &[f64]) -> [f64; Cell::COUNT] {
    let (_, cell_driver) = model.drivers();
    let demand = a[Attribute::DemandForImprovement];
    let mut out = [0.0; Cell::COUNT];
    for (o, &d) in out.iter_mut().zip(cell_driver) {
        // Demand is a multiplicative gate: with no demand for improvement no
        // mechanism comes into play (framework §5.1).
        *o = demand * driver_values[d];
    }
    out
}

/// Every cell with its strength, band and bottleneck.
pub fn evaluate_cells(model: &Model, a: &Attributes) -> Vec<CellResult> {
    let demand = a[Attribute::DemandForImprovement];
    let (drivers, cell_driver) = model.drivers();
    // Each distinct driver once, with what limits it; cells sharing a driver
    // share both. Where demand is the smaller, demand limits every cell of
    // the driver, and the driver's own bottleneck is not needed.
    let explained: Vec<(f64, Attribute)> = drivers
        .iter()
        .map(|d| {
            let value = d.eval(a);
            let limit = if demand < value {
                Attribute::DemandForImprovement
            } else {
                d.expr.limited_by(a)
            };
            (value, limit)
        })
        .collect();
    cells()
        .iter()
        .zip(cell_driver)
        .map(|(&cell, &d)| {
            let (value, limited_by) = explained[d];
            let strength = demand * value;
            CellResult {
                cell,
                driver: value,
                strength,
                band: Band::of(strength, model),
                limited_by,
            }
        })
        .collect()
}

/// For each effort (A..D), the cells that count as own effort (inducement and
/// resources), in [`cells`] order. Table 1's structure is fixed, so these are
/// constants; a test derives them from the cells' kinds.
const OWN: [&[usize]; 4] = [
    &[0, 4, 14, 18, 22],
    &[1, 5, 8, 11, 15, 19, 23],
    &[2, 6, 9, 12, 16, 20, 24],
    &[3, 7, 10, 13, 17, 21, 25],
];

/// For each effort, its free-input cells, in [`cells`] order.
const FREE: [&[usize]; 4] = [&[27], &[26], &[28, 30], &[29, 31]];

/// The mean of the listed strengths, summed left to right.
fn mean(s: &[f64; Cell::COUNT], idx: &[usize]) -> f64 {
    if idx.is_empty() {
        return 0.0;
    }
    idx.iter().fold(0.0, |acc, &i| acc + s[i]) / idx.len() as f64
}

/// Effort on A..D from the cells' strengths (reference model §4 step 3): the
/// mean of a column's own-effort cells, made more effective by the mean of its
/// free inputs, `own × (1 + free) / 2`. Free inputs complement a firm's own
/// effort; they cannot replace it (framework §2).
pub fn efforts(s: &[f64; Cell::COUNT]) -> [f64; 4] {
    std::array::from_fn(|j| mean(s, OWN[j]) * (1.0 + mean(s, FREE[j])) / 2.0)
}

/// [`efforts`] straight from the drivers' values: each cell's strength is
/// `demand × value` of its driver, computed where the mean needs it, in the
/// same order, so the result is bit-identical without the 32 strengths in
/// between (the simulation's inner loop).
pub fn efforts_from_drivers(model: &Model, demand: f64, driver_values: &[f64]) -> [f64; 4] {
    let (_, cell_driver) = model.drivers();
    let mean = |idx: &[usize]| {
        let mut sum = 0.0;
        for &i in idx {
            sum += demand * driver_values[cell_driver[i]];
        }
        if idx.is_empty() {
            0.0
        } else {
            sum / idx.len() as f64
        }
    };
    let mut out = [0.0; 4];
    for (j, o) in out.iter_mut().enumerate() {
        *o = mean(OWN[j]) * (1.0 + mean(FREE[j])) / 2.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_tables_follow_the_kinds_of_table_1() {
        use crate::mechanism::Effort;
        for e in Effort::ALL {
            let j = e.index();
            let in_column = |own: bool| -> Vec<usize> {
                cells()
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.effort == e && c.kind().is_own_effort() == own)
                    .map(|(i, _)| i)
                    .collect()
            };
            assert_eq!(OWN[j], in_column(true).as_slice(), "own {}", e.id());
            assert_eq!(FREE[j], in_column(false).as_slice(), "free {}", e.id());
        }
    }
}
