//! The model: every number, text and source that turns attributes into
//! mechanisms, warnings and trajectories. It is read from a JSON file (the
//! default one, `assets/model.json`, is compiled into the binary), checked
//! against the fixed structure of Table 1, and compiled for evaluation.

pub mod catalogue;
pub mod chain;
mod check;
pub mod expr;
pub mod expr_words;
pub mod file;
pub mod glossary;
pub mod kernel;
pub mod lookup;
pub mod warning;
pub mod words;

use crate::attribute::{Attribute, Attributes};
use crate::language::Language;
use crate::mechanism::{Advantage, Cell, ColumnSource, Effort, Mechanism};
use catalogue::Intervention;
use expr::{Expr, Program};
use file::ModelFile;
use warning::{WarningId, WarningInfo};

/// The model file shipped with the workbench.
pub const DEFAULT_MODEL_JSON: &str = include_str!("../../assets/model.json");

pub use crate::format::MODEL_FORMAT;
/// The model-file version this build reads.
pub const MODEL_VERSION: u64 = 1;

/// A model file that cannot be used: where (a path into the file) and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{reason}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct ModelError {
    pub path: String,
    pub reason: String,
}

/// A serde error with the path where it happened.
fn read_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> ModelError {
    let path = e.path().to_string();
    ModelError {
        path: if path == "." { String::new() } else { path },
        reason: e.into_inner().to_string(),
    }
}

/// A compiled expression: the parsed form (for explanations) and a flat program
/// (for the simulation).
#[derive(Debug, Clone)]
pub struct Driver {
    pub expr: Expr,
    program: Program,
}

impl Driver {
    fn new(expr: Expr) -> Self {
        let program = expr.compile();
        Driver { expr, program }
    }

    /// The value on these attributes.
    pub fn eval(&self, a: &Attributes) -> f64 {
        self.program.eval(a)
    }
}

/// The named indicators, compiled.
#[derive(Debug, Clone)]
pub struct Indicators {
    pub external_inputs: Driver,
    pub market_pull: Driver,
    pub supply_support: Driver,
}

/// A checked, compiled model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Everything the file says, for the texts the UI shows.
    pub file: ModelFile,
    drivers: Vec<Driver>,
    /// Each driver in words, in `drivers` order: drivers are fixed per
    /// model, so their sentences are made once, when it loads.
    driver_words: Vec<String>,
    cell_driver: [usize; Cell::COUNT],
    /// Where the paper puts each cell's effort, in cell order.
    column_sources: [ColumnSource; Cell::COUNT],
    /// The drivers as one program, for the simulation (`None` for a model
    /// whose drivers are too large for one; they then run one by one).
    kernel: Option<kernel::Kernel>,
    pub indicators: Indicators,
    pub catalogue: Vec<Intervention>,
    pub new_preset_attributes: Attributes,
    warnings: Vec<WarningInfo>,
    /// The results chain's words, thresholds written in.
    pub chain: chain::ChainTexts,
}

impl Model {
    /// The model compiled into the binary.
    pub fn default_model() -> Result<Model, ModelError> {
        Model::from_json(DEFAULT_MODEL_JSON)
    }

    /// The model compiled into the binary, in `language`: its file with
    /// that language's shipped words laid over it.
    pub fn shipped(language: Language) -> Result<Model, ModelError> {
        match words::shipped(language) {
            None => Model::default_model(),
            Some(words) => Model::with_words(DEFAULT_MODEL_JSON, words),
        }
    }

    /// Reads, checks and compiles a model file.
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let file: ModelFile = serde_path_to_error::deserialize(de).map_err(read_error)?;
        check::compile(file)
    }

    /// Reads a model file with a words file laid over it (see [`words`]),
    /// then checks and compiles it. A fault in the words names its path
    /// under `words.model`.
    pub fn with_words(text: &str, words_text: &str) -> Result<Model, ModelError> {
        let under = |e: ModelError| ModelError {
            path: if e.path.is_empty() {
                "words".into()
            } else {
                format!("words.{}", e.path)
            },
            reason: e.reason,
        };
        let words = words::read(words_text).map_err(under)?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let mut value: serde_json::Value =
            serde_path_to_error::deserialize(de).map_err(read_error)?;
        words::lay_over(&mut value, &words.model).map_err(|e| {
            under(ModelError {
                path: format!("model.{}", e.path),
                reason: e.reason,
            })
        })?;
        let file: ModelFile = serde_path_to_error::deserialize(value).map_err(read_error)?;
        check::compile(file)
    }

    /// The driver of a cell (an index into [`cells`]).
    pub fn driver(&self, cell: usize) -> &Driver {
        &self.drivers[self.cell_driver[cell]]
    }

    /// The driver of a cell in words: "the stronger of public support and
    /// specialised suppliers" (see [`Model::in_words`]).
    pub fn driver_words(&self, cell: usize) -> &str {
        &self.driver_words[self.cell_driver[cell]]
    }

    /// The distinct drivers, and for each cell the index of its driver: lets the
    /// simulation evaluate a driver shared by several cells once.
    pub fn drivers(&self) -> (&[Driver], &[usize; Cell::COUNT]) {
        (&self.drivers, &self.cell_driver)
    }

    /// What the yearly step evaluates, compiled into one program when it fits:
    /// the distinct drivers (in [`Model::drivers`] order), then the
    /// indicators `external_inputs` and `market_pull`.
    pub fn kernel(&self) -> Option<&kernel::Kernel> {
        self.kernel.as_ref()
    }

    /// The texts of a warning.
    pub fn warning(&self, id: WarningId) -> &WarningInfo {
        &self.warnings[id as usize]
    }

    /// The catalogue intervention with this id.
    pub fn intervention(&self, id: &str) -> Option<&Intervention> {
        self.catalogue.iter().find(|i| i.id == id)
    }

    /// Whether Table 1, the prose or both put cell `cell` (an index into
    /// [`crate::mechanism::cells`]) under its effort.
    pub fn column_source(&self, cell: usize) -> ColumnSource {
        self.column_sources[cell]
    }

    /// The name and meaning of a column source, as the model file gives them.
    pub fn column_source_info(&self, source: ColumnSource) -> &file::Described {
        // Checked on load: one entry per source, in `ColumnSource::ALL` order.
        &self.file.column_sources[source.index()]
    }

    /// The words for an attribute.
    pub fn attribute_info(&self, a: Attribute) -> &file::AttributeInfo {
        &self.file.attributes[a.index()]
    }

    /// An attribute's name as it reads inside a sentence.
    pub fn attribute_in_sentence(&self, a: Attribute) -> &str {
        &self.attribute_info(a).in_sentence
    }

    /// A driver expression in words: "the stronger of public support and
    /// specialised suppliers".
    pub fn in_words(&self, expr: &Expr) -> String {
        expr_words::in_words(expr, &self.file.expression_words, &self.file.attributes)
    }

    /// The glossary's entries for the terms that `text` uses, in glossary
    /// order.
    pub fn glossary_in(&self, text: &str) -> Vec<&file::GlossaryEntry> {
        glossary::in_text(&self.file.glossary, text)
    }

    /// The words, evidence and drivers of a mechanism.
    pub fn mechanism_info(&self, m: Mechanism) -> &file::MechanismInfo {
        &self.file.mechanisms[m.index()]
    }

    /// The words for an effort.
    pub fn effort_info(&self, e: Effort) -> &file::EffortInfo {
        &self.file.efforts[e.index()]
    }

    /// The words for an advantage.
    pub fn advantage_info(&self, a: Advantage) -> &file::AdvantageInfo {
        &self.file.advantages[a.index()]
    }

    /// The name of a side, as the model file gives it.
    pub fn side_name(&self, side: crate::model::catalogue::Side) -> &str {
        self.side_info(side).map_or(side.id(), |d| d.name.as_str())
    }

    /// A side's name as it reads inside a sentence.
    pub fn side_in_sentence(&self, side: crate::model::catalogue::Side) -> &str {
        self.side_info(side)
            .map_or(side.id(), |d| d.in_sentence.as_str())
    }

    fn side_info(&self, side: crate::model::catalogue::Side) -> Option<&file::SideInfo> {
        self.file.sides.iter().find(|d| d.id == side.id())
    }

    /// The capability stages with the capabilities each covers, lowest
    /// first: basic from 0, the others from the file's bounds, the last up
    /// to 1. The chart in the window and the report's chart shade these.
    pub fn stage_ranges(&self) -> [crate::trajectory::StageRange; 3] {
        use crate::trajectory::{Stage, StageRange};
        let s = &self.file.stages;
        [
            (Stage::Basic, 0.0, s.intermediate),
            (Stage::Intermediate, s.intermediate, s.advanced),
            (Stage::Advanced, s.advanced, 1.0),
        ]
        .map(|(stage, low, high)| StageRange { stage, low, high })
    }

    /// The default planning horizon.
    pub fn default_horizon(&self) -> u32 {
        // Checked to lie in 1..=50 when the model was read.
        self.file.trajectory.horizon_years as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_model_compiles() {
        let m = Model::default_model().unwrap();
        assert_eq!(m.catalogue.len(), 8);
        assert_eq!(m.default_horizon(), 15);
        assert_eq!(m.file.stages.intermediate, 1.0 / 3.0);
        assert_eq!(m.file.stages.advanced, 2.0 / 3.0);
        for i in 0..Cell::COUNT {
            assert!(!m.driver(i).expr.attributes().is_empty());
        }
    }
}
