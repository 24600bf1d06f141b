//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::attribute::{Attribute, Attributes};
use cluster_workbench::model::Model;
use cluster_workbench::plan::{Lever, Plan, PlanEntry};
use cluster_workbench::preset::Preset;

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
    }
}

pub fn preset(attributes: Attributes, entries: Vec<PlanEntry>) -> Preset {
    Preset {
        name: "test".into(),
        description: None,
        source: None,
        attributes,
        plan: Some(Plan {
            horizon_years: Some(15),
            interventions: Some(entries),
        }),
    }
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
    if let Some(e) = p.plan.as_mut().and_then(|p| p.interventions.as_mut()) {
        e[0].cost = Some(250000.0);
    }
    p
}

pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-9,
        "{what}: got {actual}, expected {expected}"
    );
}
