//! The fixed structure of Table 1: five agglomeration advantages (rows), eleven
//! mechanisms, four technological efforts (columns) and the 32 cells where a
//! mechanism reaches an effort. These ids and cells are normative (reference
//! model §2): a model file may change how strong a cell is, never which cells
//! exist or what kind of effect they have.

use std::fmt;

/// A technological effort a firm can make (a column of Table 1, after Bell 1984).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effort {
    /// Hiring staff with new skills and knowledge.
    A,
    /// Training existing staff.
    B,
    /// Search for information about new technologies and markets.
    C,
    /// Formal and informal R&D.
    D,
}

impl Effort {
    /// All efforts, in column order.
    pub const ALL: [Effort; 4] = [Effort::A, Effort::B, Effort::C, Effort::D];

    /// The id used in files and reports: `A`..`D`.
    pub fn id(self) -> &'static str {
        match self {
            Effort::A => "A",
            Effort::B => "B",
            Effort::C => "C",
            Effort::D => "D",
        }
    }

    /// The effort with this id.
    pub fn from_id(id: &str) -> Option<Effort> {
        Self::ALL.into_iter().find(|e| e.id() == id)
    }

    /// Column position (0..4).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Effort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How a mechanism acts on an effort (framework §2, paper §4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Raises the demand for effort.
    Inducement,
    /// Lowers the cost of effort or adds capacity for it.
    Resources,
    /// Complements a firm's own effort and raises its effectiveness.
    FreeInput,
}

impl Kind {
    /// All kinds.
    pub const ALL: [Kind; 3] = [Kind::Inducement, Kind::Resources, Kind::FreeInput];

    /// The id used in files and reports.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Inducement => "inducement",
            Kind::Resources => "resources",
            Kind::FreeInput => "free_input",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether the cell counts towards a firm's own effort (inducement and
    /// resources) rather than complementing it (free input).
    pub fn is_own_effort(self) -> bool {
        !matches!(self, Kind::FreeInput)
    }
}

/// A kind of agglomeration advantage (a row group of Table 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Advantage {
    I,
    II,
    III,
    IV,
    V,
}

impl Advantage {
    /// All advantages, in row order.
    pub const ALL: [Advantage; 5] = [
        Advantage::I,
        Advantage::II,
        Advantage::III,
        Advantage::IV,
        Advantage::V,
    ];

    /// The roman numeral used as id.
    pub fn id(self) -> &'static str {
        match self {
            Advantage::I => "I",
            Advantage::II => "II",
            Advantage::III => "III",
            Advantage::IV => "IV",
            Advantage::V => "V",
        }
    }

    /// The advantage with this id.
    pub fn from_id(id: &str) -> Option<Advantage> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Row-group position (0..5).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One of the eleven mechanisms (a row of Table 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mechanism {
    Ia,
    Ib,
    IIa,
    IIb,
    IIc,
    III,
    IVa,
    IVb,
    VLabour,
    Va,
    Vb,
}

impl Mechanism {
    /// All mechanisms, in row order.
    pub const ALL: [Mechanism; 11] = [
        Mechanism::Ia,
        Mechanism::Ib,
        Mechanism::IIa,
        Mechanism::IIb,
        Mechanism::IIc,
        Mechanism::III,
        Mechanism::IVa,
        Mechanism::IVb,
        Mechanism::VLabour,
        Mechanism::Va,
        Mechanism::Vb,
    ];

    /// The id used in files and reports, e.g. `II.b`.
    pub fn id(self) -> &'static str {
        match self {
            Mechanism::Ia => "I.a",
            Mechanism::Ib => "I.b",
            Mechanism::IIa => "II.a",
            Mechanism::IIb => "II.b",
            Mechanism::IIc => "II.c",
            Mechanism::III => "III",
            Mechanism::IVa => "IV.a",
            Mechanism::IVb => "IV.b",
            Mechanism::VLabour => "V.labour",
            Mechanism::Va => "V.a",
            Mechanism::Vb => "V.b",
        }
    }

    /// The mechanism with this id.
    pub fn from_id(id: &str) -> Option<Mechanism> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Row position (0..11).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The advantage (row group) the mechanism belongs to.
    pub fn advantage(self) -> Advantage {
        match self {
            Mechanism::Ia | Mechanism::Ib => Advantage::I,
            Mechanism::IIa | Mechanism::IIb | Mechanism::IIc => Advantage::II,
            Mechanism::III => Advantage::III,
            Mechanism::IVa | Mechanism::IVb => Advantage::IV,
            Mechanism::VLabour | Mechanism::Va | Mechanism::Vb => Advantage::V,
        }
    }

    /// The kind of effect of the mechanism (the same on every effort it reaches).
    pub fn kind(self) -> Kind {
        match self {
            Mechanism::Ia | Mechanism::IIa | Mechanism::IIc => Kind::Resources,
            Mechanism::Ib | Mechanism::IIb | Mechanism::III | Mechanism::IVa => Kind::Inducement,
            Mechanism::IVb | Mechanism::VLabour | Mechanism::Va | Mechanism::Vb => Kind::FreeInput,
        }
    }

    /// The efforts the mechanism reaches, in column order.
    pub fn efforts(self) -> &'static [Effort] {
        use Effort::*;
        match self {
            Mechanism::Ia | Mechanism::Ib | Mechanism::IIc | Mechanism::III | Mechanism::IVa => {
                &[A, B, C, D]
            }
            Mechanism::IIa | Mechanism::IIb => &[B, C, D],
            Mechanism::IVb => &[B],
            Mechanism::VLabour => &[A],
            Mechanism::Va | Mechanism::Vb => &[C, D],
        }
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One of the 32 cells of Table 1: a mechanism reaching an effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cell {
    pub mechanism: Mechanism,
    pub effort: Effort,
}

impl Cell {
    /// Number of cells in Table 1.
    pub const COUNT: usize = 32;

    /// The cell's kind of effect.
    pub fn kind(self) -> Kind {
        self.mechanism.kind()
    }

    /// A short label such as `II.b-B`.
    pub fn label(self) -> String {
        format!("{}-{}", self.mechanism.id(), self.effort.id())
    }
}

/// The 32 cells in reference-model order: mechanisms in row order, efforts A..D
/// within a mechanism.
pub fn cells() -> [Cell; Cell::COUNT] {
    let mut out = [Cell {
        mechanism: Mechanism::Ia,
        effort: Effort::A,
    }; Cell::COUNT];
    let mut i = 0;
    for mechanism in Mechanism::ALL {
        for &effort in mechanism.efforts() {
            out[i] = Cell { mechanism, effort };
            i += 1;
        }
    }
    out
}

/// Index of a cell in [`cells`] order, if the mechanism reaches that effort.
pub fn cell_index(mechanism: Mechanism, effort: Effort) -> Option<usize> {
    cells()
        .iter()
        .position(|c| c.mechanism == mechanism && c.effort == effort)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_32_cells_and_each_column_has_its_count() {
        let cells = cells();
        let per_column: Vec<usize> = Effort::ALL
            .iter()
            .map(|e| cells.iter().filter(|c| c.effort == *e).count())
            .collect();
        assert_eq!(per_column, vec![6, 8, 9, 9]);
        assert_eq!(cells[0].label(), "I.a-A");
        assert_eq!(cells[31].label(), "V.b-D");
        assert_eq!(cell_index(Mechanism::IVb, Effort::B), Some(26));
        assert_eq!(cell_index(Mechanism::IVb, Effort::A), None);
    }
}
