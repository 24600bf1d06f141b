//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::attribute::{Attribute, Attributes};
use cluster_workbench::evaluation::{Evaluation, Scenario};
use cluster_workbench::model::Model;
use cluster_workbench::plan::{Lever, Plan, PlanEntry};
use cluster_workbench::preset::Preset;
use cluster_workbench::warnings::Warning;

/// A shipped preset's path, as a command-line argument.
pub fn shipped(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join(name)
        .display()
        .to_string()
}

/// A shipped preset's text.
pub fn shipped_text(name: &str) -> String {
    std::fs::read_to_string(shipped(name)).expect("a shipped preset reads")
}

/// The message that refuses the default model with one piece of its text
/// replaced (which must be there).
pub fn refused_model(from: &str, to: &str) -> String {
    use cluster_workbench::model::DEFAULT_MODEL_JSON;
    assert!(
        DEFAULT_MODEL_JSON.contains(from),
        "the model has no {from:?}"
    );
    match Model::from_json(&DEFAULT_MODEL_JSON.replacen(from, to, 1)) {
        Ok(_) => panic!("accepted a model with {from:?} → {to:?}"),
        Err(e) => e.to_string(),
    }
}

/// The workbench's binary run with these arguments.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cluster-workbench"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the binary, which must succeed, and gives what it printed.
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the binary prints UTF-8")
}

/// `base` with one piece of text replaced (which must be there).
pub fn replaced(base: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(base.contains(from), "the test's base text has no {from:?}");
    base.replacen(from, to, 1).into_bytes()
}

pub fn model() -> Model {
    Model::default_model().expect("the default model compiles")
}

/// Attributes from (id, value) pairs; the rest at `rest`.
pub fn attrs(rest: f64, pairs: &[(Attribute, f64)]) -> Attributes {
    let mut a = Attributes::uniform(rest);
    for &(k, v) in pairs {
        a[k] = v;
    }
    a
}

pub fn entry(id: &str, start_year: u32, intensity: Option<f64>) -> PlanEntry {
    PlanEntry {
        lever: Lever::Catalogue(id.into()),
        start_year,
        intensity,
        cost: None,
        indicators: Default::default(),
    }
}

/// A preset with one plan, named "Plan", of these entries, over 15 years.
pub fn preset(attributes: Attributes, entries: Vec<PlanEntry>) -> Preset {
    let m = model();
    let mut p = Preset::new_untitled(&m, "test");
    p.attributes = attributes;
    p.horizon_years = 15;
    let mut plan = Plan::named("Plan");
    plan.entries = entries;
    p.plans.push(plan);
    p
}

/// The scenario of the preset's first plan.
pub fn with_plan(e: &Evaluation) -> &Scenario {
    &e.plans[0].scenario
}

/// The warnings with the preset's first plan.
pub fn warnings(e: &Evaluation) -> &[Warning] {
    &e.plans[0].warnings
}

/// The Appendix A teaching case.
pub fn teaching_case() -> Preset {
    use Attribute::*;
    let a = attrs(
        0.0,
        &[
            (MarketDynamism, 0.2),
            (Associations, 0.6),
            (ExternalBuyers, 0.1),
            (DemandForImprovement, 0.2),
            (LearningFocus, 0.5),
            (ClusterSize, 0.6),
            (CompetitionPressure, 0.6),
            (SpecialisedSuppliers, 0.3),
            (PublicSupport, 0.6),
            (SkilledLabour, 0.4),
            (KnowledgeFora, 0.2),
            (FirmCapability, 0.2),
        ],
    );
    let mut p = preset(
        a,
        vec![
            entry("buyer_linkage", 0, Some(1.0)),
            entry("training_centre", 2, Some(0.5)),
        ],
    );
    p.plans[0].entries[0].cost = Some(250000.0);
    p
}

pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-9,
        "{what}: got {actual}, expected {expected}"
    );
}
pub mod survey;
