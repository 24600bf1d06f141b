//! Static evaluation of Table 1: how strongly each of the 32 cells comes into
//! play on a set of attributes, its band, and what limits it (reference model §2).

use crate::attribute::{Attribute, Attributes};
use crate::mechanism::{Cell, Effort, cells};
use crate::model::Model;
use std::sync::OnceLock;

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
/// banded by its size under the same bounds as a strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellChange {
    pub delta: f64,
    /// The band of `|delta|`.
    pub band: Band,
}

/// Every cell's change from `baseline` to `with_plan`, in [`cells`] order.
pub fn differences(
    model: &Model,
    baseline: &[CellResult],
    with_plan: &[CellResult],
) -> Vec<CellChange> {
    baseline
        .iter()
        .zip(with_plan)
        .map(|(b, w)| {
            let delta = w.strength - b.strength;
            CellChange {
                delta,
                band: Band::of(delta.abs(), model),
            }
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

/// The strength of every cell, in [`cells`] order, without explanations: the
/// simulation's inner loop. A driver shared by several cells is evaluated once.
pub fn strengths(model: &Model, a: &Attributes) -> [f64; Cell::COUNT] {
    let (drivers, cell_driver) = model.drivers();
    // Few distinct drivers (12 in the default model); a small fixed buffer keeps
    // this allocation-free.
    let mut values = [0.0_f64; Cell::COUNT];
    for (i, d) in drivers.iter().enumerate().take(Cell::COUNT) {
        values[i] = d.eval(a);
    }
    let demand = a[Attribute::DemandForImprovement];
    let mut out = [0.0; Cell::COUNT];
    for (o, &d) in out.iter_mut().zip(cell_driver.iter()) {
        // Demand is a multiplicative gate: with no demand for improvement no
        // mechanism comes into play (framework §5.1).
        *o = demand * values[d];
    }
    out
}

/// Every cell with its strength, band and bottleneck.
pub fn evaluate_cells(model: &Model, a: &Attributes) -> Vec<CellResult> {
    let demand = a[Attribute::DemandForImprovement];
    cells()
        .iter()
        .enumerate()
        .map(|(i, &cell)| {
            let driver = model.driver(i);
            let value = driver.eval(a);
            let strength = demand * value;
            let limited_by = if demand < value {
                Attribute::DemandForImprovement
            } else {
                driver.expr.limited_by(a)
            };
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

/// For each effort, the cells that count as own effort (inducement and
/// resources) and those that are free inputs, in [`cells`] order.
struct Columns {
    own: [Vec<usize>; 4],
    free: [Vec<usize>; 4],
}

fn columns() -> &'static Columns {
    static COLUMNS: OnceLock<Columns> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        let mut c = Columns {
            own: Default::default(),
            free: Default::default(),
        };
        for (i, cell) in cells().iter().enumerate() {
            let j = cell.effort.index();
            if cell.kind().is_own_effort() {
                c.own[j].push(i);
            } else {
                c.free[j].push(i);
            }
        }
        c
    })
}

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
    let c = columns();
    let mut out = [0.0; 4];
    for e in Effort::ALL {
        let j = e.index();
        out[j] = mean(s, &c.own[j]) * (1.0 + mean(s, &c.free[j])) / 2.0;
    }
    out
}
