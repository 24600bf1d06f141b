//! The properties of reference model §9, over random clusters.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::attribute::{Attribute, Attributes};
use cluster_workbench::cells::{evaluate_cells, strengths};
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::mechanism::{Kind, cells};
use cluster_workbench::model::catalogue::Side;
use cluster_workbench::plan::{CustomIntervention, Lever, PlanEntry};
use cluster_workbench::preset::Preset;
use cluster_workbench::trajectory::Stage;
use cluster_workbench::warnings::WarningId;
use common::*;
use proptest::prelude::*;

fn any_attributes() -> impl Strategy<Value = Attributes> {
    proptest::array::uniform12(0.0..=1.0_f64).prop_map(Attributes)
}

fn any_attribute() -> impl Strategy<Value = Attribute> {
    (0..Attribute::COUNT).prop_map(|i| Attribute::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// 1. With demand_for_improvement = 0, every cell's strength is 0.
    #[test]
    fn demand_gates_every_cell(mut a in any_attributes()) {
        let m = model();
        a[Attribute::DemandForImprovement] = 0.0;
        for c in evaluate_cells(&m, &a) {
            prop_assert_eq!(c.strength, 0.0, "{}", c.cell.label());
        }
    }

    /// 2. Raising any attribute except competition_pressure never lowers a
    /// cell; raising competition_pressure never raises one.
    #[test]
    fn cells_are_monotone(a in any_attributes(), k in any_attribute(), step in 0.0..=1.0_f64) {
        let m = model();
        let mut b = a;
        b[k] = (a[k] + step).min(1.0);
        let before = strengths(&m, &a);
        let after = strengths(&m, &b);
        for (i, cell) in cells().iter().enumerate() {
            if k == Attribute::CompetitionPressure {
                prop_assert!(after[i] <= before[i], "{} rose when {} rose", cell.label(), k);
            } else {
                prop_assert!(after[i] >= before[i], "{} fell when {} rose", cell.label(), k);
            }
        }
    }

    /// 3. Supply-side support needs demand.
    #[test]
    fn supply_side_support_needs_demand(rest in proptest::array::uniform7(0.2..=0.5_f64)) {
        use Attribute::*;
        let m = model();
        let others = [Associations, LearningFocus, ClusterSize, CompetitionPressure, SpecialisedSuppliers, PublicSupport, SkilledLabour];
        let mut a = attrs(0.0, &[
            (DemandForImprovement, 0.15), (MarketDynamism, 0.2), (ExternalBuyers, 0.1),
            (KnowledgeFora, 0.1), (FirmCapability, 0.1),
        ]);
        for (k, v) in others.iter().zip(rest) {
            a[*k] = v;
        }
        let pair = || vec![entry("training_centre", 0, None), entry("strengthen_association", 0, None)];
        let c15 = |entries: Vec<PlanEntry>| evaluate(&m, &preset(a, entries));

        let none = c15(vec![]);
        let supply = c15(pair());
        let fires = |e: &cluster_workbench::evaluation::Evaluation| {
            warnings(e).iter().any(|w| w.id == WarningId::SupplyWithoutDemand)
        };
        prop_assert!(fires(&supply));
        prop_assert_eq!(with_plan(&supply).trajectory.years[15].stage, Stage::Basic);

        let buyers = c15(vec![entry("buyer_linkage", 0, None)]);
        let mut all = pair();
        all.push(entry("buyer_linkage", 0, None));
        let both = c15(all);
        prop_assert!(!fires(&both), "{:?}", warnings(&both));

        let gain_with_demand = with_plan(&both).trajectory.final_capability() - with_plan(&buyers).trajectory.final_capability();
        let gain_alone = with_plan(&supply).trajectory.final_capability() - with_plan(&none).trajectory.final_capability();
        prop_assert!(gain_with_demand >= 3.0 * gain_alone, "{} < 3 × {}", gain_with_demand, gain_alone);
    }

    /// 4. A primitive, closed cluster fires lock-in and stays basic.
    #[test]
    fn a_closed_primitive_cluster_is_locked_in(
        a in any_attributes(),
        market in 0.0..=0.4_f64,
        support in 0.0..=0.1_f64,
    ) {
        use Attribute::*;
        let m = model();
        let mut a = a;
        a[DemandForImprovement] = 0.15;
        a[MarketDynamism] = market;
        a[ExternalBuyers] = 0.0;
        a[KnowledgeFora] = 0.0;
        a[PublicSupport] = support;
        a[FirmCapability] = 0.1;
        let e = evaluate(&m, &preset(a, vec![]));
        prop_assert!(warnings(&e).iter().any(|w| w.id == WarningId::LockIn));
        for y in &with_plan(&e).trajectory.years {
            prop_assert_eq!(y.stage, Stage::Basic, "year {}", y.year);
        }
    }

    /// 5. Presets round-trip: canonical text reads back to the same preset and
    /// writes the same bytes again.
    #[test]
    fn presets_round_trip(
        a in any_attributes(),
        horizon in 1u32..=50,
        entries in proptest::collection::vec((0usize..9, 0u32..=50, proptest::option::of(0.0..=1.0_f64), proptest::option::of(0.0..1e9_f64), -1.0..=1.0_f64), 0..5),
        name in "\\PC{0,30}",
        description in proptest::option::of("\\PC{0,60}"),
    ) {
        let m = model();
        let h = horizon;
        let mut a = a;
        a[Attribute::FirmCapability] = 0.3;
        let entries: Vec<PlanEntry> = entries.into_iter().map(|(which, start, intensity, cost, delta)| {
            let lever = if which < m.catalogue.len() {
                Lever::Catalogue(m.catalogue[which].id.clone())
            } else {
                Lever::Custom(CustomIntervention {
                    name: "Design clinic «été»".into(),
                    side: Side::Supply,
                    effects: vec![(Attribute::Associations, delta), (Attribute::KnowledgeFora, 0.1)],
                })
            };
            PlanEntry { lever, start_year: start.min(h), intensity, cost, indicators: Default::default() }
        }).collect();
        let mut p = preset(a, entries);
        p.name = name;
        p.description = description;
        p.horizon_years = h;
        let text = p.to_canonical_json();
        let back = Preset::from_bytes(text.as_bytes(), &m).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(back.to_canonical_json(), text);
    }
}

/// 6. The 32 cells are exactly those of §2, in that order, with their kinds.
#[test]
fn the_32_cells_are_those_of_table_1() {
    let expected = [
        ("I.a", "ABCD", Kind::Resources),
        ("I.b", "ABCD", Kind::Inducement),
        ("II.a", "BCD", Kind::Resources),
        ("II.b", "BCD", Kind::Inducement),
        ("II.c", "ABCD", Kind::Resources),
        ("III", "ABCD", Kind::Inducement),
        ("IV.a", "ABCD", Kind::Inducement),
        ("IV.b", "B", Kind::FreeInput),
        ("V.labour", "A", Kind::FreeInput),
        ("V.a", "CD", Kind::FreeInput),
        ("V.b", "CD", Kind::FreeInput),
    ];
    let mut want = Vec::new();
    for (m, efforts, kind) in expected {
        for e in efforts.chars() {
            want.push((m.to_string(), e.to_string(), kind));
        }
    }
    let got: Vec<(String, String, Kind)> = cells()
        .iter()
        .map(|c| {
            (
                c.mechanism.id().to_string(),
                c.effort.id().to_string(),
                c.kind(),
            )
        })
        .collect();
    assert_eq!(got, want);
    let m = model();
    let evaluated = evaluate_cells(&m, &Attributes::uniform(0.5));
    assert_eq!(evaluated.len(), 32);
}

/// The compiled inner-loop evaluation agrees bit for bit with the explained one.
#[test]
fn fast_and_explained_strengths_agree() {
    let m = model();
    let a = teaching_case().attributes;
    let fast = strengths(&m, &a);
    for (i, c) in evaluate_cells(&m, &a).iter().enumerate() {
        assert_eq!(
            fast[i].to_bits(),
            c.strength.to_bits(),
            "{}",
            c.cell.label()
        );
    }
}
