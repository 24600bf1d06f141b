//! The results chain's words as the model file defines them: its boxes, the
//! suggested indicator of each, and the assumptions on its arrows. Most
//! assumptions are the negation of one of the model's warnings, so whether
//! one holds is read off the warnings a plan fires, and its threshold is
//! written into its text from the warning's own (nothing is said twice).

use super::ModelError;
use super::file::{self, Warnings};
use super::warning::WarningId;
use crate::attribute::Attribute;

/// A box of a results chain (DCED Standard for Results Measurement). The
/// first five are drawn from the model for one plan entry; the last four are
/// the plan's, filled by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BoxKind {
    Activity,
    Outputs,
    Market,
    Enterprise,
    Capability,
    Scale,
    Income,
    Jobs,
    Wider,
}

impl BoxKind {
    /// All boxes, from the activity to the impact.
    pub const ALL: [BoxKind; 9] = [
        BoxKind::Activity,
        BoxKind::Outputs,
        BoxKind::Market,
        BoxKind::Enterprise,
        BoxKind::Capability,
        BoxKind::Scale,
        BoxKind::Income,
        BoxKind::Jobs,
        BoxKind::Wider,
    ];

    /// The boxes drawn for one entry, top (capability) to bottom (activity):
    /// the spine of a chain drawn bottom-up, as DCED draws it.
    pub const SPINE_DOWN: [BoxKind; 5] = [
        BoxKind::Capability,
        BoxKind::Enterprise,
        BoxKind::Market,
        BoxKind::Outputs,
        BoxKind::Activity,
    ];

    /// The plan's impact boxes, side by side above the spine.
    pub const IMPACT: [BoxKind; 4] = [
        BoxKind::Scale,
        BoxKind::Income,
        BoxKind::Jobs,
        BoxKind::Wider,
    ];

    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            BoxKind::Activity => "activity",
            BoxKind::Outputs => "outputs",
            BoxKind::Market => "market",
            BoxKind::Enterprise => "enterprise",
            BoxKind::Capability => "capability",
            BoxKind::Scale => "scale",
            BoxKind::Income => "income",
            BoxKind::Jobs => "jobs",
            BoxKind::Wider => "wider",
        }
    }

    /// The box with this id.
    pub fn from_id(id: &str) -> Option<BoxKind> {
        Self::ALL.into_iter().find(|b| b.id() == id)
    }

    /// Its place in [`BoxKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The logframe level the box belongs to.
    pub fn level(self) -> Level {
        match self {
            BoxKind::Activity => Level::Activity,
            BoxKind::Outputs => Level::Output,
            BoxKind::Market | BoxKind::Enterprise | BoxKind::Capability => Level::Outcome,
            BoxKind::Scale | BoxKind::Income | BoxKind::Jobs | BoxKind::Wider => Level::Impact,
        }
    }

    /// Whether the box belongs to the plan (shared by its entries' chains)
    /// rather than to one entry: the impact boxes, which DCED aggregates
    /// over a programme's interventions.
    pub fn is_plan_level(self) -> bool {
        self.level() == Level::Impact
    }

    /// The box an arrow leads to from this one, `None` for the impact boxes.
    pub fn next(self) -> Option<BoxKind> {
        match self {
            BoxKind::Activity => Some(BoxKind::Outputs),
            BoxKind::Outputs => Some(BoxKind::Market),
            BoxKind::Market => Some(BoxKind::Enterprise),
            BoxKind::Enterprise => Some(BoxKind::Capability),
            // Capability leads to every impact box.
            BoxKind::Capability => Some(BoxKind::Scale),
            _ => None,
        }
    }
}

/// A level of a logframe, from the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Impact,
    Outcome,
    Output,
    Activity,
}

/// The words of one box and what the model suggests measuring there.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxInfo {
    pub kind: BoxKind,
    pub title: String,
    /// Empty for the outputs box: its indicator is made from the attributes
    /// the entry moves.
    pub indicator: String,
    pub means: String,
    pub who: String,
    pub when: String,
}

/// An assumption on the arrow out of a box.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub from: BoxKind,
    /// With the warning's thresholds written in.
    pub text: String,
    /// The warning that fires where the assumption fails, if the model has
    /// one; `None` for an assumption of the model itself.
    pub warning: Option<WarningId>,
}

/// The results chain's part of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainTexts {
    /// A cell rise below this is not named.
    pub cell_rise_min: f64,
    /// How a rise is attributed to one entry, with the threshold written in.
    pub attribution: String,
    pub projection: String,
    pub impact_narrative: String,
    /// In [`BoxKind::ALL`] order.
    pub boxes: Vec<BoxInfo>,
    /// For every attribute an entry can move, what to measure.
    pub output_indicators: Vec<(Attribute, String)>,
    pub assumptions: Vec<Assumption>,
}

impl ChainTexts {
    /// The words of a box.
    pub fn info(&self, kind: BoxKind) -> &BoxInfo {
        &self.boxes[kind.index()]
    }

    /// The suggested output indicator of an attribute.
    pub fn output_indicator(&self, a: Attribute) -> Option<&str> {
        self.output_indicators
            .iter()
            .find(|(x, _)| *x == a)
            .map(|(_, t)| t.as_str())
    }
}

/// The results chain section of the model file.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainSpec {
    pub cell_rise_min: f64,
    pub attribution: String,
    pub projection: String,
    pub impact_narrative: String,
    pub boxes: Vec<BoxSpec>,
    pub output_indicators: std::collections::BTreeMap<String, String>,
    pub assumptions: Vec<AssumptionSpec>,
}

/// One box as written.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoxSpec {
    pub id: String,
    pub title: String,
    pub indicator: String,
    pub means: String,
    pub who: String,
    pub when: String,
}

/// One assumption as written; `{name}` in its text stands for a threshold
/// of its warning.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssumptionSpec {
    pub from: String,
    #[serde(default)]
    pub warning: Option<String>,
    pub text: String,
}

fn err<T>(path: String, reason: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError {
        path,
        reason: reason.into(),
    })
}

/// The named thresholds of a warning, as its rule in the model file has them.
pub(super) fn thresholds(w: &Warnings, id: WarningId) -> Vec<(&'static str, f64)> {
    match id {
        WarningId::SupplyWithoutDemand => {
            let t = &w.supply_without_demand.thresholds;
            vec![
                ("support_from", t.support_from),
                ("pull_below", t.pull_below),
            ]
        }
        WarningId::NoDemand => vec![("demand_below", w.no_demand.thresholds.demand_below)],
        WarningId::LockIn => {
            let t = &w.lock_in.thresholds;
            vec![
                ("external_inputs_below", t.external_inputs_below),
                ("capability_below", t.capability_below),
            ]
        }
        WarningId::SurvivalistCompetition => {
            let t = &w.survivalist_competition.thresholds;
            vec![
                ("competition_from", t.competition_from),
                ("capability_below", t.capability_below),
            ]
        }
        WarningId::ProductionOnlyCooperation => {
            let t = &w.production_only_cooperation.thresholds;
            vec![
                ("associations_from", t.associations_from),
                ("learning_focus_below", t.learning_focus_below),
            ]
        }
        WarningId::PlanBarelyHelps => {
            vec![("gain_below", w.plan_barely_helps.thresholds.gain_below)]
        }
    }
}

/// Writes `{name}` placeholders from `values`; any left over is an error
/// (a typo in the model file must not reach a planning document).
pub(super) fn fill(path: &str, text: &str, values: &[(&str, f64)]) -> Result<String, ModelError> {
    let mut out = text.to_owned();
    for (name, v) in values {
        out = out.replace(&format!("{{{name}}}"), &crate::text::num(*v));
    }
    if let Some(start) = out.find('{') {
        let name: String = out[start..].chars().take_while(|&c| c != '}').collect();
        return err(
            path.to_owned(),
            format!("{name}}} is not a threshold of its warning"),
        );
    }
    Ok(out)
}

/// Where the section is in the model file.
const SECTION: &str = "results_chain";

/// Checks the section and writes its thresholds in.
pub(super) fn compile(spec: &ChainSpec, file: &file::ModelFile) -> Result<ChainTexts, ModelError> {
    let p = SECTION;
    if !(spec.cell_rise_min > 0.0 && spec.cell_rise_min < 1.0) {
        return err(format!("{p}.cell_rise_min"), "must lie between 0 and 1");
    }
    let attribution = fill(
        &format!("{p}.attribution"),
        &spec.attribution,
        &[("min", spec.cell_rise_min)],
    )?;
    Ok(ChainTexts {
        cell_rise_min: spec.cell_rise_min,
        attribution,
        projection: spec.projection.clone(),
        impact_narrative: spec.impact_narrative.clone(),
        boxes: boxes(&spec.boxes)?,
        output_indicators: output_indicators(&spec.output_indicators)?,
        assumptions: assumptions(&spec.assumptions, file)?,
    })
}

/// The nine boxes, in chain order; only the outputs box has no indicator of
/// its own.
fn boxes(specs: &[BoxSpec]) -> Result<Vec<BoxInfo>, ModelError> {
    let p = SECTION;
    if specs.len() != BoxKind::ALL.len() {
        return err(
            format!("{p}.boxes"),
            format!(
                "has {} boxes; the results chain has {}",
                specs.len(),
                BoxKind::ALL.len()
            ),
        );
    }
    let mut out = Vec::new();
    for (i, (b, kind)) in specs.iter().zip(BoxKind::ALL).enumerate() {
        if b.id != kind.id() {
            return err(
                format!("{p}.boxes[{i}].id"),
                format!("\"{}\" where \"{}\" belongs", b.id, kind.id()),
            );
        }
        if b.indicator.trim().is_empty() != (kind == BoxKind::Outputs) {
            return err(
                format!("{p}.boxes[{i}].indicator"),
                "only the outputs box has no indicator of its own (it is made from output_indicators)",
            );
        }
        out.push(BoxInfo {
            kind,
            title: b.title.clone(),
            indicator: b.indicator.clone(),
            means: b.means.clone(),
            who: b.who.clone(),
            when: b.when.clone(),
        });
    }
    Ok(out)
}

/// An indicator for every attribute a plan entry can move (all but
/// capability, which only the trajectory moves), in attribute order.
fn output_indicators(
    specs: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<(Attribute, String)>, ModelError> {
    let p = SECTION;
    let mut out = Vec::new();
    for (key, text) in specs {
        let Some(a) = Attribute::from_id(key) else {
            return err(
                format!("{p}.output_indicators.{key}"),
                format!("unknown attribute \"{key}\""),
            );
        };
        out.push((a, text.clone()));
    }
    out.sort_by_key(|(a, _)| *a);
    if let Some(missing) = Attribute::ALL
        .into_iter()
        .filter(|a| *a != Attribute::FirmCapability)
        .find(|a| !out.iter().any(|(x, _)| x == a))
    {
        return err(
            format!("{p}.output_indicators"),
            format!("has no indicator for \"{}\"", missing.id()),
        );
    }
    Ok(out)
}

/// The assumptions, each on an arrow out of a box, with its warning's
/// thresholds written in.
fn assumptions(
    specs: &[AssumptionSpec],
    file: &file::ModelFile,
) -> Result<Vec<Assumption>, ModelError> {
    let mut out = Vec::new();
    for (i, a) in specs.iter().enumerate() {
        let path = format!("{SECTION}.assumptions[{i}]");
        let Some(from) = BoxKind::from_id(&a.from).filter(|b| b.next().is_some()) else {
            return err(
                format!("{path}.from"),
                format!("\"{}\" is not a box with an arrow out of it", a.from),
            );
        };
        let warning = match &a.warning {
            None => None,
            Some(id) => Some(
                WarningId::ALL
                    .into_iter()
                    .find(|w| w.id() == id)
                    .ok_or_else(|| ModelError {
                        path: format!("{path}.warning"),
                        reason: format!("unknown warning \"{id}\""),
                    })?,
            ),
        };
        let values = warning.map_or_else(Vec::new, |w| thresholds(&file.warnings, w));
        let text = fill(&format!("{path}.text"), &a.text, &values)?;
        out.push(Assumption {
            from,
            text,
            warning,
        });
    }
    Ok(out)
}
