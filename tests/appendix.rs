//! The worked values of reference model Appendix A, to 1e-9.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::cells::Band;
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::mechanism::{Effort, Mechanism, cell_index};
use cluster_workbench::trajectory::Stage;
use cluster_workbench::warnings::WarningId;
use common::*;

#[test]
fn with_plan_attributes_differ_only_where_the_plan_acts() {
    let m = model();
    let p = teaching_case();
    let e = evaluate(&m, &p);
    let with = with_plan(&e).attributes;
    for a in Attribute::ALL {
        let expected = match a {
            Attribute::ExternalBuyers => 0.45,
            Attribute::DemandForImprovement => 0.35,
            Attribute::PublicSupport => 0.725,
            Attribute::SkilledLabour => 0.475,
            _ => p.attributes[a],
        };
        assert_close(with[a], expected, a.id());
    }
    // The exact f64 the spec prints: the operations run in the documented order.
    assert_eq!(with[Attribute::ExternalBuyers], 0.44999999999999996);
}

#[test]
fn cells_match_the_worked_values() {
    use Attribute::*;
    use Band as B;
    let m = model();
    let e = evaluate(&m, &teaching_case());
    type Expected = (f64, B, Attribute);
    let rows: [(Mechanism, Effort, Expected, Expected); 5] = [
        (
            Mechanism::Ia,
            Effort::A,
            (0.08, B::None, DemandForImprovement),
            (0.14, B::None, DemandForImprovement),
        ),
        (
            Mechanism::Ib,
            Effort::B,
            (0.12, B::None, DemandForImprovement),
            (0.21, B::Weak, DemandForImprovement),
        ),
        (
            Mechanism::IIc,
            Effort::B,
            (0.12, B::None, DemandForImprovement),
            (0.25375, B::Weak, DemandForImprovement),
        ),
        (
            Mechanism::III,
            Effort::C,
            (0.04, B::None, KnowledgeFora),
            (0.1575, B::None, DemandForImprovement),
        ),
        (
            Mechanism::Va,
            Effort::C,
            (0.12, B::None, DemandForImprovement),
            (0.21, B::Weak, DemandForImprovement),
        ),
    ];
    for (mech, effort, base, with) in rows {
        let i = cell_index(mech, effort).unwrap();
        for (got, (strength, band, limited_by), which) in [
            (&e.baseline.cells[i], base, "baseline"),
            (&with_plan(&e).cells[i], with, "with plan"),
        ] {
            let what = format!("{which} {mech}-{effort}");
            assert_close(got.strength, strength, &what);
            assert_eq!(got.band, band, "{what}");
            assert_eq!(got.limited_by, limited_by, "{what}");
        }
    }
    let iii_c = cell_index(Mechanism::III, Effort::C).unwrap();
    assert_eq!(with_plan(&e).cells[iii_c].strength, 0.15749999999999997);
}

#[test]
fn trajectories_match_the_worked_values() {
    let m = model();
    let e = evaluate(&m, &teaching_case());
    let base = &e.baseline.trajectory.years;
    let with = &with_plan(&e).trajectory.years;
    assert_eq!(base.len(), 16);
    assert_eq!(with.len(), 16);
    let table = [
        (
            0,
            0.200000000000,
            0.200000000000,
            Stage::Basic,
            0.200000000000,
            0.053670000000,
        ),
        (
            1,
            0.200327405714,
            0.207592720000,
            Stage::Basic,
            0.261500000000,
            0.072051127688,
        ),
        (
            2,
            0.200649742080,
            0.218869990908,
            Stage::Basic,
            0.304550000000,
            0.089297262194,
        ),
        (
            5,
            0.201587633387,
            0.266120214656,
            Stage::Basic,
            0.370545650000,
            0.111830773819,
        ),
        (
            10,
            0.203061030760,
            0.348354183905,
            Stage::Intermediate,
            0.399209257396,
            0.121970807006,
        ),
        (
            15,
            0.204434287221,
            0.417066691016,
            Stage::Intermediate,
            0.404026749890,
            0.123696035930,
        ),
    ];
    for (t, base_c, with_c, stage, demand, effort) in table {
        let what = format!("year {t}");
        assert_eq!(with[t].year as usize, t);
        assert_close(
            base[t].capability,
            base_c,
            &format!("{what} baseline capability"),
        );
        assert_close(
            with[t].capability,
            with_c,
            &format!("{what} with-plan capability"),
        );
        assert_eq!(with[t].stage, stage, "{what}");
        assert_close(with[t].demand, demand, &format!("{what} with-plan demand"));
        assert_close(
            with[t].total_effort,
            effort,
            &format!("{what} with-plan total effort"),
        );
    }
    for y in base {
        assert_close(y.total_effort, 0.045077142857, "baseline total effort");
        assert_close(y.effort[0], 0.03888, "baseline e_A");
    }
}

#[test]
fn warnings_match_the_worked_values() {
    let m = model();
    let e = evaluate(&m, &teaching_case());
    assert!(warnings(&e).is_empty(), "{:?}", warnings(&e));

    // The baseline's own warnings are those of the preset without its plan.
    let ids: Vec<WarningId> = e.baseline_warnings.iter().map(|w| w.id).collect();
    assert_eq!(
        ids,
        [
            WarningId::SupplyWithoutDemand,
            WarningId::NoDemand,
            WarningId::LockIn
        ]
    );
    let first = &e.baseline_warnings[0];
    assert_eq!(first.years, (0..=15).collect::<Vec<u32>>());
    assert!(
        first.message(&m).contains("years 0–15"),
        "{}",
        first.message(&m)
    );
    let mut without = teaching_case();
    without.plans.clear();
    let bare = evaluate(&m, &without);
    assert_eq!(bare.baseline_warnings, e.baseline_warnings);
    assert!(bare.plans.is_empty());
    // An empty plan's scenario is the baseline.
    without
        .plans
        .push(cluster_workbench::plan::Plan::named("Empty"));
    let empty = evaluate(&m, &without);
    assert_eq!(empty.plans[0].scenario, empty.baseline);
}

#[test]
fn the_threshold_trap_is_not_smoothed_over() {
    use Attribute::*;
    let m = model();
    let a = attrs(
        0.3,
        &[
            (ExternalBuyers, 0.05),
            (MarketDynamism, 0.04),
            (Associations, 0.6),
        ],
    );
    let e = evaluate(&m, &preset(a, vec![entry("buyer_linkage", 0, Some(1.0))]));
    assert_eq!(
        with_plan(&e).attributes[ExternalBuyers],
        0.39999999999999997
    );
    let w = warnings(&e)
        .iter()
        .find(|w| w.id == WarningId::SupplyWithoutDemand);
    assert_eq!(w.map(|w| w.years.len()), Some(16), "{:?}", warnings(&e));
}

#[test]
fn the_effort_row_matches_year_zero_of_the_baseline() {
    let m = model();
    let e = evaluate(&m, &teaching_case());
    assert_eq!(e.baseline.efforts, e.baseline.trajectory.years[0].effort);
    assert_close(e.baseline.efforts[0], 0.03888, "e_A");
}
