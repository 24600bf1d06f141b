//! The model file as written on disk (`assets/model.json`): every number, text
//! and source of the model, read with serde before it is checked and compiled by
//! [`super::Model::from_json`]. Field names are the keys of the file.

use crate::mechanism::{ColumnSource, Effort};
use serde::Deserialize;

/// The whole model file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    pub format: String,
    pub version: u64,
    pub name: String,
    pub summary: String,
    pub citation: Citation,
    /// The one-line reminder shown next to every trajectory.
    pub caveat_line: String,
    pub caveats: Vec<Caveat>,
    pub attribute_groups: Vec<Group>,
    pub attributes: Vec<AttributeInfo>,
    /// Attributes of a new, untitled cluster; any not named are 0.5.
    #[serde(default)]
    pub new_preset_attributes: Numbers,
    pub efforts: Vec<EffortInfo>,
    pub advantages: Vec<AdvantageInfo>,
    pub kinds: Vec<Described>,
    pub evidence_grades: Vec<Described>,
    /// What each [`ColumnSource`] means, in its order.
    pub column_sources: Vec<Described>,
    pub cases: Vec<Case>,
    pub mechanisms: Vec<MechanismInfo>,
    pub bands: Bands,
    pub stages: Stages,
    pub indicators: Indicators,
    /// The words a driver expression is read out in.
    pub expression_words: ExpressionWords,
    pub trajectory: TrajectoryParams,
    pub warnings: Warnings,
    /// The sentences that say which lever binds (plans-and-levers §4).
    pub binding_constraint: BindingTemplates,
    pub sides: Vec<SideInfo>,
    pub interventions: Vec<InterventionInfo>,
    /// The results chain's boxes, suggested indicators and assumptions.
    pub results_chain: super::chain::ChainSpec,
    /// The terms of the paper and of the model a newcomer may not know.
    pub glossary: Vec<GlossaryEntry>,
    pub sources: Vec<Source>,
}

/// How to cite the framework.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub short: String,
    pub full: String,
}

/// One limit of the model that the app must state (reference model §8).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    pub title: String,
    pub text: String,
}

/// A labelled group of attributes in the attribute panel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// The words for one attribute.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeInfo {
    pub id: String,
    pub name: String,
    /// The name as it reads inside a sentence ("the learning focus of
    /// cooperation"): written out, not lower-cased in code.
    pub in_sentence: String,
    pub group: String,
    /// What 0 means.
    pub low: String,
    /// What 1 means.
    pub high: String,
    pub explanation: String,
}

/// The words for one technological effort (a column).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffortInfo {
    pub id: String,
    pub name: String,
    pub title: String,
    pub description: String,
}

/// The words for one agglomeration advantage (a row group).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvantageInfo {
    pub id: String,
    pub name: String,
    pub short: String,
}

/// An id with a display name and a description (kinds, evidence grades, sides).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Described {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// A side of the catalogue (supply, demand): its name as a label, as it
/// reads inside a sentence ("the best demand-side option"), and what it
/// covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideInfo {
    pub id: String,
    pub name: String,
    pub in_sentence: String,
    pub description: String,
}

/// A case cluster from the literature.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub name: String,
    pub source: String,
    pub summary: String,
}

/// The words, evidence and drivers of one mechanism.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MechanismInfo {
    pub id: String,
    pub advantage: String,
    /// A short plain-words row label ("cost savings").
    pub label: String,
    pub description: String,
    pub kind: String,
    /// Why the driver is what it is, in one line.
    pub rationale: String,
    pub evidence: Evidence,
    /// Where the paper puts each effort the mechanism reaches.
    pub columns: Columns,
    pub drivers: Vec<DriverSpec>,
}

/// For each effort a mechanism reaches, whether Table 1, the prose or both
/// put it there (one entry per cell; the check requires exactly the
/// mechanism's efforts), and the paper's words for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    #[serde(rename = "A", default)]
    pub a: Option<ColumnSource>,
    #[serde(rename = "B", default)]
    pub b: Option<ColumnSource>,
    #[serde(rename = "C", default)]
    pub c: Option<ColumnSource>,
    #[serde(rename = "D", default)]
    pub d: Option<ColumnSource>,
    /// What Table 1 and the prose say of the row's efforts.
    pub note: String,
}

impl Columns {
    /// The source given for an effort, if any.
    pub fn get(&self, effort: Effort) -> Option<ColumnSource> {
        match effort {
            Effort::A => self.a,
            Effort::B => self.b,
            Effort::C => self.c,
            Effort::D => self.d,
        }
    }
}

/// How strong the paper's evidence for a mechanism is, and the cases behind it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub grade: String,
    pub note: String,
    pub cases: Vec<CaseEvidence>,
}

/// What one case cluster shows of a mechanism, on which efforts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseEvidence {
    pub case: String,
    pub efforts: Vec<String>,
    pub text: String,
}

/// The driver expression of a mechanism on some of its efforts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriverSpec {
    pub efforts: Vec<String>,
    pub expression: String,
}

/// How a driver expression reads in words (see [`super::expr_words`]):
/// templates with `{list}` (the arguments, joined) or `{x}` (one argument).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpressionWords {
    /// `max` of two: "the stronger of {list}".
    pub stronger_of: String,
    /// `max` of three or more.
    pub strongest_of: String,
    /// `min` of two.
    pub weaker_of: String,
    /// `min` of three or more.
    pub weakest_of: String,
    /// `not x`.
    pub not: String,
    /// A `min` or `max` inside another: "({x})", so the lists do not run
    /// together.
    pub nested: String,
    /// Between the items of a list but the last two.
    pub list_comma: String,
    /// Between the last two items of a list.
    pub list_and: String,
}

/// One term of the glossary: a term of the paper (with the section it comes
/// from and a short quotation) or one of the model's own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    /// Other forms of the term as the window writes them ("V.labour").
    #[serde(default)]
    pub also: Vec<String>,
    pub explanation: String,
    /// Where in the paper; required for the paper's terms.
    #[serde(default)]
    pub section: Option<String>,
    /// The paper's words, verbatim; required for the paper's terms.
    #[serde(default)]
    pub quote: Option<String>,
    /// The model's own term, not the paper's.
    #[serde(default)]
    pub own: bool,
}

/// Lower bounds of the strength bands; below `weak` a cell is `none`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub weak: f64,
    pub moderate: f64,
    pub strong: f64,
}

/// Lower bounds of the capability stages; below `intermediate` it is `basic`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    pub intermediate: f64,
    pub advanced: f64,
    pub descriptions: StageTexts,
}

/// What each capability stage means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTexts {
    pub basic: String,
    pub intermediate: String,
    pub advanced: String,
}

/// Named expressions used by the trajectory and the warnings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    /// Regular external inputs: non-local buyers, outside ideas, development
    /// agencies (the last only as far as firms demand what they offer).
    pub external_inputs: String,
    /// Pull from dynamic, demanding markets.
    pub market_pull: String,
    /// Supply-side support already present in the cluster.
    pub supply_support: String,
}

/// The parameters of the yearly capability step (reference model §4).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrajectoryParams {
    pub horizon_years: u64,
    pub initial_learning_capability: f64,
    pub learning_rate: f64,
    pub learning_base: f64,
    pub depreciation: f64,
    pub learning_capability_gain: f64,
    pub demand_adjustment: f64,
    pub pull_to_demand: f64,
}

/// The six warnings with their texts and thresholds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warnings {
    #[serde(rename = "supply-without-demand")]
    pub supply_without_demand: WarningSpec<SupplyWithoutDemand>,
    #[serde(rename = "no-demand")]
    pub no_demand: WarningSpec<NoDemand>,
    #[serde(rename = "lock-in")]
    pub lock_in: WarningSpec<LockIn>,
    #[serde(rename = "survivalist-competition")]
    pub survivalist_competition: WarningSpec<Survivalist>,
    #[serde(rename = "production-only-cooperation")]
    pub production_only_cooperation: WarningSpec<ProductionOnly>,
    #[serde(rename = "plan-barely-helps")]
    pub plan_barely_helps: WarningSpec<PlanBarelyHelps>,
}

/// The words of a warning and the thresholds of its rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSpec<T> {
    pub severity: String,
    pub title: String,
    /// The report's message; `{years}` stands for the years concerned.
    pub message: String,
    /// What to do about it.
    pub advice: String,
    /// The paper's argument behind the warning.
    pub explanation: String,
    /// When it fires, in words.
    pub rule: String,
    pub sources: Vec<String>,
    /// The attributes that would clear the warning, outlined by "Show me".
    pub show_me: Vec<String>,
    pub thresholds: T,
    /// Other words for when the warning fires only because of what the cluster
    /// already has, not because of the plan (supply-without-demand only).
    #[serde(default)]
    pub existing_institutions: Option<OtherWording>,
}

/// The three sentences of the lever analysis. Placeholders: `{Side}` the
/// binding side's name, `{other side}` the other side's id, `{top}` and
/// `{other}` intervention names (first letter lower-cased), `{ratio}` with
/// one decimal, `{attribute}` an attribute's name as it reads in a sentence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BindingTemplates {
    /// One side binds and the other side has an option that helps.
    pub both: String,
    /// One side binds and no option of the other side helps.
    pub alone: String,
    /// No catalogue intervention helps.
    pub none: String,
}

/// A warning's message and advice for a second cause.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherWording {
    /// The report's message; `{years}` stands for the years concerned.
    pub message: String,
    pub advice: String,
}

/// Thresholds of `supply-without-demand`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplyWithoutDemand {
    /// Supply support in force from this level.
    pub support_from: f64,
    /// Market pull below this is too weak.
    pub pull_below: f64,
}

/// Thresholds of `no-demand`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoDemand {
    pub demand_below: f64,
}

/// Thresholds of `lock-in`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockIn {
    pub external_inputs_below: f64,
    pub capability_below: f64,
}

/// Thresholds of `survivalist-competition`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survivalist {
    pub competition_from: f64,
    pub capability_below: f64,
}

/// Thresholds of `production-only-cooperation`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductionOnly {
    pub associations_from: f64,
    pub learning_focus_below: f64,
}

/// Thresholds of `plan-barely-helps`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanBarelyHelps {
    pub gain_below: f64,
}

/// One intervention of the catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterventionInfo {
    pub id: String,
    pub name: String,
    /// The name as it reads inside a sentence: "buyer linkage".
    pub in_sentence: String,
    pub side: String,
    /// Attribute changes at intensity 1, applied in the order written.
    pub effects: Numbers,
    pub description: String,
    pub evidence: String,
}

/// A work cited by the model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub short: String,
    pub full: String,
}

/// A JSON object of numbers, keys kept in the order written and duplicates kept
/// so that the model check can name them.
#[derive(Debug, Clone, Default)]
pub struct Numbers(pub Vec<(String, f64)>);

impl<'de> Deserialize<'de> for Numbers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Numbers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of attribute ids and numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Numbers, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, f64>()? {
                    out.push((k, v));
                }
                Ok(Numbers(out))
            }
        }
        d.deserialize_map(Visitor)
    }
}
