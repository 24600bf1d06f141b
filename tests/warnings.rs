//! One test per warning: it fires where its rule holds and not where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::attribute::Attribute::{self, *};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::plan::PlanEntry;
use cluster_workbench::warnings::{Severity, WarningId};
use common::*;

/// The warnings of a cluster (other attributes at 0.5) with a plan.
fn fired(pairs: &[(Attribute, f64)], entries: Vec<PlanEntry>) -> Vec<WarningId> {
    let m = model();
    warnings(&evaluate(&m, &preset(attrs(0.5, pairs), entries)))
        .iter()
        .map(|w| w.id)
        .collect()
}

fn years(pairs: &[(Attribute, f64)], entries: Vec<PlanEntry>) -> Vec<u32> {
    let m = model();
    warnings(&evaluate(&m, &preset(attrs(0.5, pairs), entries)))
        .iter()
        .find(|w| w.id == WarningId::SupplyWithoutDemand)
        .map(|w| w.years.clone())
        .unwrap_or_default()
}

#[test]
fn supply_without_demand() {
    let w = WarningId::SupplyWithoutDemand;
    let stagnant = [(MarketDynamism, 0.2), (ExternalBuyers, 0.1)];
    // Associations 0.5 are support in force from year 0.
    assert!(fired(&stagnant, vec![]).contains(&w));
    assert_eq!(years(&stagnant, vec![]), (0..=15).collect::<Vec<_>>());
    // Market pull at 0.4 clears it.
    assert!(!fired(&[(MarketDynamism, 0.4), (ExternalBuyers, 0.1)], vec![]).contains(&w));
    // Without existing support, a supply entry puts support in force from its start year…
    let weak = [
        (MarketDynamism, 0.2),
        (ExternalBuyers, 0.1),
        (Associations, 0.2),
        (PublicSupport, 0.2),
    ];
    assert!(!fired(&weak, vec![]).contains(&w));
    assert_eq!(
        years(&weak, vec![entry("trade_fairs_and_visits", 5, None)]),
        (5..=15).collect::<Vec<_>>()
    );
    // …but not at intensity 0.
    assert!(!fired(&weak, vec![entry("trade_fairs_and_visits", 5, Some(0.0))]).contains(&w));
    // A demand-side entry that lifts market pull ends it from its start year.
    assert_eq!(
        years(&stagnant, vec![entry("buyer_linkage", 4, None)]),
        vec![0, 1, 2, 3]
    );
    let m = model();
    assert_eq!(m.warning(w).severity, Severity::Critical);
}

#[test]
fn no_demand() {
    let w = WarningId::NoDemand;
    let stagnant = [
        (DemandForImprovement, 0.2),
        (MarketDynamism, 0.2),
        (ExternalBuyers, 0.1),
    ];
    assert!(fired(&stagnant, vec![]).contains(&w));
    // Demand at the threshold before the plan does not fire.
    assert!(
        !fired(
            &[
                (DemandForImprovement, 0.3),
                (MarketDynamism, 0.2),
                (ExternalBuyers, 0.1)
            ],
            vec![]
        )
        .contains(&w)
    );
    // Market pull raises effective demand above 0.3 within the horizon.
    assert!(
        !fired(
            &[(DemandForImprovement, 0.2), (MarketDynamism, 0.8)],
            vec![]
        )
        .contains(&w)
    );
    // So does a plan that links producers to buyers.
    assert!(!fired(&stagnant, vec![entry("buyer_linkage", 0, None)]).contains(&w));
}

#[test]
fn lock_in() {
    let w = WarningId::LockIn;
    let closed = [
        (KnowledgeFora, 0.1),
        (ExternalBuyers, 0.1),
        (PublicSupport, 0.5),
        (DemandForImprovement, 0.2),
        (FirmCapability, 0.2),
    ];
    assert!(fired(&closed, vec![]).contains(&w));
    // Public support counts only as far as firms demand it: with demand at 0.3
    // the agencies are an external input.
    let mut demanded = closed;
    demanded[3] = (DemandForImprovement, 0.3);
    assert!(!fired(&demanded, vec![]).contains(&w));
    // A firm past the basic stage is not locked in.
    let mut capable = closed;
    capable[4] = (FirmCapability, 0.34);
    assert!(!fired(&capable, vec![]).contains(&w));
    // Read on the with-plan attributes: trade fairs open the cluster.
    assert!(!fired(&closed, vec![entry("trade_fairs_and_visits", 3, None)]).contains(&w));
}

#[test]
fn survivalist_competition() {
    let w = WarningId::SurvivalistCompetition;
    assert!(fired(&[(CompetitionPressure, 0.7), (FirmCapability, 0.2)], vec![]).contains(&w));
    assert!(
        !fired(
            &[(CompetitionPressure, 0.69), (FirmCapability, 0.2)],
            vec![]
        )
        .contains(&w)
    );
    assert!(!fired(&[(CompetitionPressure, 0.9), (FirmCapability, 0.4)], vec![]).contains(&w));
}

#[test]
fn production_only_cooperation() {
    let w = WarningId::ProductionOnlyCooperation;
    assert!(fired(&[(Associations, 0.5), (LearningFocus, 0.39)], vec![]).contains(&w));
    assert!(!fired(&[(Associations, 0.5), (LearningFocus, 0.4)], vec![]).contains(&w));
    assert!(!fired(&[(Associations, 0.49), (LearningFocus, 0.1)], vec![]).contains(&w));
    // Strengthening the association turns it towards learning (+0.2).
    assert!(
        !fired(
            &[(Associations, 0.5), (LearningFocus, 0.3)],
            vec![entry("strengthen_association", 1, None)]
        )
        .contains(&w)
    );
}

#[test]
fn plan_barely_helps() {
    let w = WarningId::PlanBarelyHelps;
    let stagnant = [
        (DemandForImprovement, 0.1),
        (MarketDynamism, 0.1),
        (ExternalBuyers, 0.1),
        (FirmCapability, 0.1),
    ];
    assert!(
        fired(
            &stagnant,
            vec![entry("trade_fairs_and_visits", 0, Some(0.2))]
        )
        .contains(&w)
    );
    // An entry at intensity 0 is still an entry, and helps not at all.
    assert!(fired(&stagnant, vec![entry("buyer_linkage", 0, Some(0.0))]).contains(&w));
    // No plan, no warning about it.
    assert!(!fired(&stagnant, vec![]).contains(&w));
    let m = model();
    assert!(
        !warnings(&evaluate(&m, &teaching_case()))
            .iter()
            .any(|x| x.id == w)
    );
}

#[test]
fn warnings_come_in_report_order() {
    let ids = fired(
        &[
            (Associations, 0.6),
            (LearningFocus, 0.1),
            (MarketDynamism, 0.1),
            (ExternalBuyers, 0.0),
            (KnowledgeFora, 0.0),
            (DemandForImprovement, 0.1),
            (FirmCapability, 0.1),
            (CompetitionPressure, 0.8),
            (PublicSupport, 0.1),
        ],
        vec![entry("trade_fairs_and_visits", 0, Some(0.1))],
    );
    assert_eq!(ids, WarningId::ALL.to_vec());
}
