//! Which lever binds and how sure (plans-and-levers §4–7): the lever
//! analysis, the Monte Carlo bands, their properties, and the `levers` and
//! `evaluate --runs` commands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::analysis::levers::levers;
use cluster_workbench::analysis::uncertainty::monte_carlo;
use cluster_workbench::attribute::{Attribute, Attributes};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::model::catalogue::Side;
use cluster_workbench::plan::{Lever, PlanEntry};
use cluster_workbench::preset::Preset;
use cluster_workbench::preset::json::Json;
use common::*;
use proptest::prelude::*;
use std::path::Path;

const CAPACITY: [&str; 4] = [
    "strengthen_association",
    "training_centre",
    "common_testing_facility",
    "extension_service",
];

/// Property 4 as the spec writes it ("at least 3 times") fails in a corner
/// of its own domain: associations at 0.2 make strengthen_association lift
/// II.a and II.b from a low floor while high learning focus and knowledge
/// fora keep them useful. Proptest found this cluster; the gains below come
/// from an independent Python reading of the reference model and agree to
/// the last bit, so the gap is in the contract, not in this engine. Kept
/// here so nobody "fixes" the engine to pass the stronger claim.
#[test]
fn property_4_as_written_fails_here() {
    use Attribute::*;
    let m = model();
    let mut a = Attributes::uniform(0.2);
    a[MarketDynamism] = 0.0;
    a[ExternalBuyers] = 0.0;
    a[DemandForImprovement] = 0.19810666968558827;
    a[FirmCapability] = 0.0;
    a[LearningFocus] = 0.5574317263599136;
    a[KnowledgeFora] = 0.5077959600162734;
    let mut p = preset(a, vec![]);
    p.plans.clear();
    let l = levers(&m, &p, None);
    let gain = |id: &str| {
        l.interventions
            .iter()
            .find(|i| m.catalogue[i.index].id == id)
            .unwrap()
            .gain
    };
    let expected = [
        ("strengthen_association", 0.031316874038894466),
        ("training_centre", 0.01075864907625193),
        ("common_testing_facility", 0.012258087574050072),
        ("extension_service", 0.008596881618679483),
        ("trade_fairs_and_visits", 0.045636563358442656),
        ("buyer_linkage", 0.05035383098625282),
        ("export_standards_push", 0.08192306049466344),
        ("public_procurement", 0.06545609126977084),
    ];
    for (id, g) in expected {
        assert!((gain(id) - g).abs() < 1e-12, "{id}: {} vs {g}", gain(id));
    }
    assert_eq!(
        m.catalogue[l.interventions[0].index].id,
        "export_standards_push"
    );
    let ratio = gain("export_standards_push") / gain("strengthen_association");
    assert!(ratio > 2.0 && ratio < 3.0, "{ratio}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// 4. In a stagnant, closed cluster the analysis without a plan lists a
    /// demand-side intervention first (or trade fairs, which the spec says
    /// "may come closer"), and the best demand-side option gains well over
    /// each supply-side capacity intervention.
    ///
    /// The spec asks for "at least 3 times"; the reference model itself does
    /// not keep that everywhere (see `property_4_as_written_fails_here`). An
    /// independent reading of the reference model in Python found the ratio's
    /// floor at 2.25 in 60,000 corner-biased trials, and trade fairs first in
    /// 11 of 20,000 uniform ones, so this checks twice, which the model keeps.
    #[test]
    fn a_stagnant_closed_cluster_is_bound_by_demand(
        low in proptest::array::uniform4(0.0..=0.2_f64),
        rest in proptest::array::uniform8(0.2..=0.8_f64),
    ) {
        use Attribute::*;
        let m = model();
        let mut a = Attributes::uniform(0.0);
        for (k, v) in [MarketDynamism, ExternalBuyers, DemandForImprovement, FirmCapability].into_iter().zip(low) {
            a[k] = v;
        }
        let others = [Associations, LearningFocus, ClusterSize, CompetitionPressure, SpecialisedSuppliers, PublicSupport, SkilledLabour, KnowledgeFora];
        for (k, v) in others.into_iter().zip(rest) {
            a[k] = v;
        }
        let mut p = preset(a, vec![]);
        p.plans.clear();
        let l = levers(&m, &p, None);
        let id = |i: &cluster_workbench::analysis::levers::InterventionLever| m.catalogue[i.index].id.as_str();
        let top = &l.interventions[0];
        prop_assert!(top.side == Side::Demand || id(top) == "trade_fairs_and_visits", "{:?}", l.interventions);
        let best_demand = l.interventions.iter().find(|i| i.side == Side::Demand).unwrap();
        prop_assert!(best_demand.gain > 0.0);
        for i in l.interventions.iter().filter(|i| CAPACITY.contains(&id(i))) {
            prop_assert!(best_demand.gain >= 2.0 * i.gain, "{} vs {} {}", best_demand.gain, id(i), i.gain);
        }
        if top.side == Side::Demand {
            prop_assert!(l.binding.text.starts_with("Demand side is the binding constraint"), "{}", l.binding.text);
        }
    }

    /// 5. Raising an attribute (but competition pressure) does not lower
    /// capability at the horizon, lowering it does not raise it, beyond the
    /// overshoot the spec allows.
    #[test]
    fn levers_point_the_right_way(
        a in proptest::array::uniform12(0.0..=1.0_f64),
        entries in proptest::collection::vec((0usize..8, 0u32..=20, 0.0..=1.0_f64), 0..4),
        horizon in 1u32..=25,
    ) {
        let m = model();
        let entries: Vec<PlanEntry> = entries.into_iter().map(|(w, y, i)| PlanEntry {
            lever: Lever::Catalogue(m.catalogue[w].id.clone()),
            start_year: y.min(horizon),
            intensity: Some(i),
            cost: None,
            indicators: Default::default(),
        }).collect();
        let mut p = preset(Attributes(a), entries);
        p.horizon_years = horizon;
        let l = levers(&m, &p, Some(0));
        for x in &l.attributes {
            if x.attribute != Attribute::CompetitionPressure {
                prop_assert!(x.gain_up >= -1e-3, "{:?}", x);
                prop_assert!(x.gain_down <= 1e-3, "{:?}", x);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// 6. The band is ordered every year, for any cluster, uncertainty and
    /// plan, and does not depend on the number of threads.
    #[test]
    fn bands_are_ordered_and_independent_of_threads(
        a in proptest::array::uniform12(0.0..=1.0_f64),
        u in proptest::array::uniform12(prop_oneof![Just(0.0), 0.0..=0.5_f64]),
        entries in proptest::collection::vec((0usize..8, 0u32..=15), 0..3),
        runs in 1usize..80,
    ) {
        let m = model();
        let entries = entries.into_iter().map(|(w, y)| entry(&m.catalogue[w].id, y, None)).collect();
        let mut p = preset(Attributes(a), entries);
        p.uncertainty = Attributes(u);
        p.uncertainty[Attribute::ClusterSize] = 0.2;
        let one = monte_carlo(&m, &p, runs, 1).unwrap();
        let three = monte_carlo(&m, &p, runs, 3).unwrap();
        prop_assert_eq!(&one, &three);
        for b in one.baseline.iter().chain(one.plans.iter().flatten()) {
            prop_assert!(b.p10 <= b.p50 && b.p50 <= b.p90, "{:?}", b);
        }
    }
}

#[test]
fn attributes_and_interventions_are_ranked_with_ties_in_their_own_order() {
    let m = model();
    let p = Preset::from_bytes(
        std::fs::read_to_string(shipped("supply-side-only.json"))
            .unwrap()
            .as_bytes(),
        &m,
    )
    .unwrap();
    let l = levers(&m, &p, Some(0));
    assert_eq!(l.attributes.len(), 11);
    assert!(
        l.attributes
            .iter()
            .all(|a| a.attribute != Attribute::FirmCapability)
    );
    for w in l.attributes.windows(2) {
        assert!(w[0].gain_up >= w[1].gain_up);
        if w[0].gain_up == w[1].gain_up {
            assert!(w[0].attribute < w[1].attribute, "ties keep section 1 order");
        }
    }
    for w in l.interventions.windows(2) {
        assert!(w[0].gain >= w[1].gain);
        if w[0].gain == w[1].gain {
            assert!(w[0].index < w[1].index, "ties keep the catalogue's order");
        }
    }
    // Gain per million only where the unit cost is known and above 0.
    for i in &l.interventions {
        let known = p.unit_costs.get(&m.catalogue[i.index].id);
        assert_eq!(i.cost, known);
        assert_eq!(i.gain_per_million.is_some(), known.is_some_and(|c| c > 0.0));
    }
    // The analysed plan's capability is the evaluation's.
    assert_eq!(l.capability, evaluate(&m, &p).plans[0].outcome.capability);
}

#[test]
fn the_ranking_marks_what_the_plan_has_and_the_sentence_names_its_top() {
    let m = model();
    let p = Preset::from_bytes(
        std::fs::read_to_string(shipped("supply-side-only.json"))
            .unwrap()
            .as_bytes(),
        &m,
    )
    .unwrap();
    let id = |index: usize| m.catalogue[index].id.as_str();
    // Plan 0 has a training centre and a stronger association.
    let l = levers(&m, &p, Some(0));
    let mut planned: Vec<&str> = l
        .interventions
        .iter()
        .filter(|i| i.in_plan)
        .map(|i| id(i.index))
        .collect();
    planned.sort_unstable();
    assert_eq!(planned, ["strengthen_association", "training_centre"]);
    assert_eq!(l.binding.intervention.map(id), Some("buyer_linkage"));
    let name = m.catalogue[l.binding.intervention.unwrap()]
        .name
        .to_lowercase();
    assert!(l.binding.text.contains(&name), "{}", l.binding.text);
    // Without a plan, nothing is in it.
    let none = levers(&m, &p, None);
    assert!(none.interventions.iter().all(|i| !i.in_plan));
}

#[test]
fn with_nothing_to_gain_the_binding_side_is_null() {
    // Capability already at 1 and nothing depreciates below it... the cheapest
    // way to nothing: no demand at all, so no mechanism, whatever is added.
    let m = model();
    let mut p = preset(Attributes::uniform(0.0), vec![]);
    p.plans.clear();
    let mut tiny = m.clone();
    tiny.catalogue.retain(|i| i.side == Side::Supply);
    let l = levers(&tiny, &p, None);
    assert!(
        l.interventions.iter().all(|i| i.gain <= 1e-12),
        "{:?}",
        l.interventions
    );
    assert_eq!(l.binding.side, None);
    assert_eq!(l.binding.ratio, None);
    assert_eq!(l.binding.intervention, None);
    assert!(
        l.binding
            .text
            .starts_with("No catalogue intervention helps here.")
    );
}

#[test]
fn the_levers_command_prints_the_spec_fields_in_order() {
    let out = run(&["levers", &shipped("supply-side-only.json")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    let Json::Object(pairs) = &v else { panic!() };
    let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "format",
            "version",
            "name",
            "plan",
            "horizon_years",
            "capability",
            "attributes",
            "interventions",
            "binding"
        ]
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["format"], "cluster-workbench-levers");
    assert_eq!(
        r["plan"], "Supply-side support",
        "the first plan by default"
    );
    assert_eq!(r["binding"]["side"], "demand");
    assert!(
        r["binding"]["text"]
            .as_str()
            .unwrap()
            .contains("buyer linkage")
    );
    let first = &r["interventions"][0];
    for key in ["id", "side", "gain", "cost", "gain_per_million"] {
        assert!(first.get(key).is_some(), "{key}");
    }
    // An intervention without a unit cost has null cost and gain per million.
    let without = r["interventions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "export_standards_push")
        .unwrap();
    assert!(without["cost"].is_null() && without["gain_per_million"].is_null());
    // A named plan; a case without plans analyses no plan.
    let out = run(&[
        "levers",
        &shipped("supply-side-only.json"),
        "--plan",
        "supply-side support with BUYER links",
    ]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["plan"], "Supply-side support with buyer links");
    let out = run(&["levers", &shipped("rural-java.json")]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["plan"].is_null());
}

#[test]
fn an_unknown_plan_name_exits_2_naming_the_plans() {
    let out = run(&[
        "levers",
        &shipped("teaching-case.json"),
        "--plan",
        "Trade fairs",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no plan named \"Trade fairs\""), "{err}");
    assert!(
        err.contains("\"Buyer links first, training later\", \"Training only\""),
        "{err}"
    );
}

#[test]
fn bands_follow_the_spec_whatever_the_threads() {
    let m = model();
    let text = include_str!("fixtures/three-plans.json");
    let p = Preset::from_bytes(text.as_bytes(), &m).unwrap();
    let one = monte_carlo(&m, &p, 400, 1).unwrap();
    let four = monte_carlo(&m, &p, 400, 4).unwrap();
    assert_eq!(one, four, "the same bands on 1 and 4 threads");
    assert_eq!(one.plans.len(), 3);
    for band in one.plans.iter().chain([&one.baseline]) {
        assert_eq!(band.len(), 16);
        for b in band {
            assert!(b.p10 <= b.p50 && b.p50 <= b.p90, "{b:?}");
        }
    }
    // Every run has a best plan, so the shares add up to 100 or more (ties).
    let total: u32 = one.best_share.iter().map(|s| s.unwrap()).sum();
    assert!(total >= 99, "{:?}", one.best_share);
    // With no uncertainty or no runs there is no band.
    let mut certain = p.clone();
    certain.uncertainty = Attributes::uniform(0.0);
    assert!(monte_carlo(&m, &certain, 400, 2).is_none());
    assert!(monte_carlo(&m, &p, 0, 2).is_none());
}

#[test]
fn vanishing_uncertainty_collapses_the_band_onto_the_trajectory() {
    let m = model();
    let mut p = teaching_case();
    p.uncertainty[Attribute::MarketDynamism] = 1e-12;
    let u = monte_carlo(&m, &p, 50, 2).unwrap();
    let e = evaluate(&m, &p);
    for (b, y) in u.plans[0].iter().zip(&e.plans[0].scenario.trajectory.years) {
        for q in [b.p10, b.p50, b.p90] {
            assert!(
                (q - y.capability).abs() < 1e-9,
                "year {}: {q} vs {}",
                y.year,
                y.capability
            );
        }
    }
}

#[test]
fn evaluate_prints_bands_only_with_uncertainty_and_the_same_bytes_twice() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three-plans.json");
    let fixture = fixture.to_str().unwrap();
    let a = run(&["evaluate", fixture, "--runs", "300"]);
    let b = run(&["evaluate", fixture, "--runs", "300"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout, "identical bytes");
    let r: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(r["baseline"]["band"].as_array().unwrap().len(), 16);
    for plan in r["plans"].as_array().unwrap() {
        assert_eq!(plan["band"].as_array().unwrap().len(), 16);
    }
    let none = run(&["evaluate", fixture, "--runs", "0"]);
    let r: serde_json::Value = serde_json::from_slice(&none.stdout).unwrap();
    assert!(r["baseline"].get("band").is_none());
    // No uncertainty in the preset: no band either.
    let certain = run(&["evaluate", &shipped("teaching-case.json")]);
    let r: serde_json::Value = serde_json::from_slice(&certain.stdout).unwrap();
    assert!(r["plans"][0].get("band").is_none());
    for bad in ["-1", "100001", "many"] {
        let out = run(&["evaluate", fixture, "--runs", bad]);
        assert_eq!(out.status.code(), Some(2), "--runs {bad}");
        assert!(out.stdout.is_empty());
    }
}
