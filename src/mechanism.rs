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

    /// The kind's place in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the cell counts towards a firm's own effort (inducement and
    /// resources) rather than complementing it (free input).
    pub fn is_own_effort(self) -> bool {
        !matches!(self, Kind::FreeInput)
    }
}

/// Where the paper puts a cell's effort (its column) for the cell's row: in
/// Table 1, in the prose that discusses the row, or both. Rows III and IV.a
/// are not placed in the prose; II.a-B, II.b-B and IV.b-B are not in Table 1
/// as the workbench's copy lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnSource {
    /// Table 1 puts the row under this effort, and the prose names it too.
    TableAndProse,
    /// Table 1 only, as the workbench reads its layout: the prose names no
    /// effort for the row.
    Table,
    /// The prose only: Table 1 puts the row under other efforts.
    Prose,
}

impl ColumnSource {
    /// All sources, in the order the model file describes them.
    pub const ALL: [ColumnSource; 3] = [
        ColumnSource::TableAndProse,
        ColumnSource::Table,
        ColumnSource::Prose,
    ];

    /// The id used in files and reports.
    pub fn id(self) -> &'static str {
        match self {
            ColumnSource::TableAndProse => "table_and_prose",
            ColumnSource::Table => "table",
            ColumnSource::Prose => "prose",
        }
    }

    /// Position in [`ColumnSource::ALL`].
    pub fn index(self) -> usize {
        self as usize
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

/// A step through Table 1 from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
}

/// The cell a step from cell `index` reaches: the nearest cell in that
/// direction in the same column (up, down) or row (left, right), passing over
/// the places Table 1 leaves empty; none at the edge.
pub fn neighbour(index: usize, step: Step) -> Option<usize> {
    let here = *cells().get(index)?;
    let row = here.mechanism.index();
    let column = here.effort.index();
    match step {
        Step::Up => (0..row)
            .rev()
            .find_map(|r| cell_index(Mechanism::ALL[r], here.effort)),
        Step::Down => {
            (row + 1..Mechanism::ALL.len()).find_map(|r| cell_index(Mechanism::ALL[r], here.effort))
        }
        Step::Left => (0..column)
            .rev()
            .find_map(|c| cell_index(here.mechanism, Effort::ALL[c])),
        Step::Right => {
            (column + 1..Effort::ALL.len()).find_map(|c| cell_index(here.mechanism, Effort::ALL[c]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_pass_over_empty_places_and_stop_at_edges() {
        let at = |m, e| cell_index(m, e).unwrap();
        // II.a has no Hiring cell: left from Training stops.
        assert_eq!(neighbour(at(Mechanism::IIa, Effort::B), Step::Left), None);
        // Down the Hiring column from I.b skips II.a and II.b to II.c.
        assert_eq!(
            neighbour(at(Mechanism::Ib, Effort::A), Step::Down),
            Some(at(Mechanism::IIc, Effort::A))
        );
        assert_eq!(
            neighbour(at(Mechanism::IIc, Effort::A), Step::Up),
            Some(at(Mechanism::Ib, Effort::A))
        );
        assert_eq!(
            neighbour(at(Mechanism::Ia, Effort::A), Step::Right),
            Some(at(Mechanism::Ia, Effort::B))
        );
        assert_eq!(neighbour(at(Mechanism::Ia, Effort::A), Step::Up), None);
        assert_eq!(neighbour(at(Mechanism::Vb, Effort::D), Step::Down), None);
        assert_eq!(neighbour(at(Mechanism::Vb, Effort::D), Step::Right), None);
        // Every cell can reach every other by steps (no cell is cut off).
        let mut seen = [false; Cell::COUNT];
        let mut todo = vec![0];
        while let Some(i) = todo.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            for s in [Step::Up, Step::Down, Step::Left, Step::Right] {
                todo.extend(neighbour(i, s));
            }
        }
        assert!(seen.iter().all(|s| *s));
    }

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
