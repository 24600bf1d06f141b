//! Preset files, version 2 (plans-and-levers §2): every new kind of bad input
//! is refused with its path and the offending value, the canonical form
//! round-trips byte for byte, a version 1 file gives the numbers of the
//! version 2 file it saves to, and adding a plan changes nothing else.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::edit::Edit;
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::model::catalogue::Side;
use cluster_workbench::plan::{CustomIntervention, Lever, Plan, PlanEntry};
use cluster_workbench::preset::Preset;
use common::*;
use proptest::prelude::*;

/// A valid version 2 preset with every optional field, as canonical text.
fn valid() -> String {
    r#"{
  "format": "cluster-workbench-preset",
  "version": 2,
  "name": "Bad-input test",
  "description": "d",
  "source": "s",
  "attributes": {
    "market_dynamism": 0.2,
    "associations": 0.6,
    "external_buyers": 0.1,
    "demand_for_improvement": 0.2,
    "learning_focus": 0.5,
    "cluster_size": 0.6,
    "competition_pressure": 0.6,
    "specialised_suppliers": 0.3,
    "public_support": 0.6,
    "skilled_labour": 0.4,
    "knowledge_fora": 0.2,
    "firm_capability": 0.2
  },
  "uncertainty": {
    "market_dynamism": 0.1,
    "external_buyers": 0.05
  },
  "unit_costs": {
    "training_centre": 400000.0,
    "buyer_linkage": 250000.0
  },
  "horizon_years": 15,
  "plans": [
    {
      "name": "Buyer links first",
      "note": "free text",
      "interventions": [
        {
          "id": "buyer_linkage",
          "start_year": 0,
          "intensity": 1.0,
          "cost": 250000.0
        },
        {
          "id": "training_centre",
          "start_year": 2,
          "intensity": 0.5
        }
      ]
    },
    {
      "name": "Training only",
      "interventions": [
        {
          "custom": {
            "name": "Design clinic",
            "side": "supply",
            "effects": {
              "knowledge_fora": 0.1
            }
          },
          "start_year": 3
        }
      ]
    }
  ]
}
"#
    .to_string()
}

/// The text a version 2 file saves to: the same, as version 3.
fn as_version_3(v2: &str) -> String {
    v2.replacen("\"version\": 2", "\"version\": 3", 1)
}

/// The valid preset with one piece of text replaced (which must be there).
fn with(from: &str, to: &str) -> Vec<u8> {
    replaced(&valid(), from, to)
}

/// Every new kind of bad input of version 2, with the path the message must
/// name and a part of the reason it must give (the offending value).
fn bad_presets() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let thirteen = {
        let plans: Vec<String> = (0..13).map(|i| format!("{{\"name\": \"P{i}\"}}")).collect();
        let v = valid();
        let a = v.find("  \"plans\": [").unwrap();
        format!("{}  \"plans\": [{}]\n}}\n", &v[..a], plans.join(", ")).into_bytes()
    };
    vec![
        (
            "newer version",
            with("\"version\": 2", "\"version\": 6"),
            "version",
            "version 6 is newer",
        ),
        (
            "a version 1 key in version 2",
            with(
                "\"horizon_years\": 15,",
                "\"horizon_years\": 15, \"plan\": {},",
            ),
            "plan",
            "unknown key \"plan\"",
        ),
        (
            "uncertainty above 0.5",
            with("\"market_dynamism\": 0.1", "\"market_dynamism\": 0.7"),
            "uncertainty.market_dynamism",
            "0.7 is outside 0..=0.5",
        ),
        (
            "negative uncertainty",
            with("\"external_buyers\": 0.05", "\"external_buyers\": -0.05"),
            "uncertainty.external_buyers",
            "-0.05 is outside 0..=0.5",
        ),
        (
            "uncertainty of an unknown attribute",
            with("\"market_dynamism\": 0.1", "\"market_dynamics\": 0.1"),
            "uncertainty.market_dynamics",
            "unknown attribute \"market_dynamics\"",
        ),
        (
            "uncertainty as a string",
            with("\"market_dynamism\": 0.1", "\"market_dynamism\": \"0.1\""),
            "uncertainty.market_dynamism",
            "expected a number",
        ),
        (
            "uncertainty not an object",
            with(
                "\"uncertainty\": {\n    \"market_dynamism\": 0.1,\n    \"external_buyers\": 0.05\n  }",
                "\"uncertainty\": 0.1",
            ),
            "uncertainty",
            "expected an object",
        ),
        (
            "duplicate uncertainty",
            with(
                "\"external_buyers\": 0.05",
                "\"external_buyers\": 0.05, \"external_buyers\": 0.1",
            ),
            "uncertainty.external_buyers",
            "duplicate key",
        ),
        (
            "unit cost of an unknown intervention",
            with(
                "\"training_centre\": 400000.0",
                "\"training_center\": 400000.0",
            ),
            "unit_costs.training_center",
            "unknown intervention \"training_center\"",
        ),
        (
            "negative unit cost",
            with("\"buyer_linkage\": 250000.0", "\"buyer_linkage\": -1"),
            "unit_costs.buyer_linkage",
            "-1 is below 0",
        ),
        (
            "horizon 51",
            with("\"horizon_years\": 15", "\"horizon_years\": 51"),
            "horizon_years",
            "51 is outside 1..=50",
        ),
        (
            "horizon as a float",
            with("\"horizon_years\": 15", "\"horizon_years\": 15.0"),
            "horizon_years",
            "15.0 is not an integer",
        ),
        (
            "start year after a shorter horizon",
            with("\"horizon_years\": 15", "\"horizon_years\": 2"),
            "plans[1].interventions[0].start_year",
            "3 is outside 0..=2",
        ),
        (
            "plans an object",
            {
                let v = valid();
                let a = v.find("  \"plans\": [").unwrap();
                format!("{}  \"plans\": {{}}\n}}\n", &v[..a]).into_bytes()
            },
            "plans",
            "expected an array, found an object",
        ),
        (
            "thirteen plans",
            thirteen,
            "plans",
            "13 plans; a preset holds at most 12",
        ),
        (
            "plan without a name",
            with("\"name\": \"Training only\",", ""),
            "plans[1].name",
            "missing required key",
        ),
        (
            "plan name used twice, ignoring case and spaces",
            with(
                "\"name\": \"Training only\"",
                "\"name\": \" buyer LINKS first \"",
            ),
            "plans[1].name",
            "\" buyer LINKS first \" is used twice",
        ),
        (
            "plan named like the baseline",
            with("\"name\": \"Training only\"", "\"name\": \"no plan\""),
            "plans[1].name",
            "\"no plan\" is what the comparison calls",
        ),
        (
            "blank plan name",
            with("\"name\": \"Training only\"", "\"name\": \"   \""),
            "plans[1].name",
            "\"   \" is blank: a plan needs a name",
        ),
        (
            "plan name of 81 characters",
            with(
                "\"name\": \"Training only\"",
                &format!("\"name\": \"{}\"", "é".repeat(81)),
            ),
            "plans[1].name",
            "has 81 characters; a plan name has at most 80",
        ),
        (
            "plan note not a string",
            with("\"note\": \"free text\"", "\"note\": 3"),
            "plans[0].note",
            "expected a string, found an integer",
        ),
        (
            "unknown plan key",
            with(
                "\"note\": \"free text\",",
                "\"note\": \"free text\", \"budget\": 1,",
            ),
            "plans[0].budget",
            "unknown key \"budget\"",
        ),
        (
            "plan not an object",
            with(
                "    {\n      \"name\": \"Training only\",",
                "    \"Training only\", {\n      \"name\": \"Training only 2\",",
            ),
            "plans[1]",
            "expected an object, found a string",
        ),
        (
            "interventions not an array",
            with(
                "    {\n      \"name\": \"Training only\",",
                "    {\"name\": \"Odd\", \"interventions\": 5},\n    {\n      \"name\": \"Training only\",",
            ),
            "plans[1].interventions",
            "expected an array, found an integer",
        ),
        (
            "entry intensity above 1",
            with("\"intensity\": 0.5", "\"intensity\": 1.5"),
            "plans[0].interventions[1].intensity",
            "1.5 is outside 0..=1",
        ),
        (
            "entry of an unknown intervention",
            with("\"id\": \"training_centre\"", "\"id\": \"training\""),
            "plans[0].interventions[1].id",
            "unknown intervention \"training\"",
        ),
        (
            "custom effect on capability",
            with("\"knowledge_fora\": 0.1", "\"firm_capability\": 0.1"),
            "plans[1].interventions[0].custom.effects.firm_capability",
            "cannot set firm_capability",
        ),
    ]
}

#[test]
fn every_bad_version_2_preset_names_its_problem() {
    let m = model();
    assert!(Preset::from_bytes(valid().as_bytes(), &m).is_ok());
    let cases = bad_presets();
    assert!(cases.len() >= 15);
    for (what, bytes, path, reason) in cases {
        let err = match Preset::from_bytes(&bytes, &m) {
            Ok(_) => panic!("{what}: accepted"),
            Err(e) => e,
        };
        assert_eq!(err.path, path, "{what}: {err}");
        assert!(
            err.reason.contains(reason),
            "{what}: {err:?} lacks {reason:?}"
        );
    }
}

#[test]
fn the_valid_version_2_preset_is_canonical() {
    let m = model();
    let p = Preset::from_bytes(valid().as_bytes(), &m).unwrap();
    // Saved as version 3, which adds only what version 2 cannot hold.
    assert_eq!(p.to_canonical_json(), as_version_3(&valid()));
    assert_eq!(p.uncertainty[Attribute::MarketDynamism], 0.1);
    assert_eq!(p.unit_costs.get("buyer_linkage"), Some(250000.0));
    assert_eq!(p.plans[0].note.as_deref(), Some("free text"));
    assert_eq!(p.plans[1].note, None);
}

#[test]
fn canonical_order_wins_over_file_order() {
    let m = model();
    // Unit costs in catalogue order, uncertainty in attribute order, zero
    // half-widths left out, a plan without interventions given [].
    let text = String::from_utf8(with(
        "\"uncertainty\": {\n    \"market_dynamism\": 0.1,\n    \"external_buyers\": 0.05\n  },\n  \"unit_costs\": {\n    \"training_centre\": 400000.0,\n    \"buyer_linkage\": 250000.0\n  },",
        "\"unit_costs\": {\"buyer_linkage\": 250000, \"training_centre\": 400000.0}, \"uncertainty\": {\"external_buyers\": 0.05, \"skilled_labour\": 0, \"market_dynamism\": 0.1},",
    ))
    .unwrap()
    .replace(
        "\"name\": \"Training only\",\n      \"interventions\": [",
        "\"name\": \"Training only\", \"interventions\": [] }, { \"name\": \"Third\",\n      \"interventions\": [",
    );
    let p = Preset::from_bytes(text.as_bytes(), &m).unwrap();
    let out = p.to_canonical_json();
    let expected = as_version_3(&valid()).replace(
        "      \"name\": \"Training only\",\n      \"interventions\": [",
        "      \"name\": \"Training only\",\n      \"interventions\": []\n    },\n    {\n      \"name\": \"Third\",\n      \"interventions\": [",
    );
    assert_eq!(out, expected);
}

/// Property 1: a version 1 file and the version 2 file it saves to give
/// identical trajectories, cells and warnings.
#[test]
fn a_version_1_file_and_its_version_2_save_agree() {
    let m = model();
    let v1 = include_str!("fixtures/v1-teaching-case.json");
    let (p1, version) = Preset::from_bytes_with_version(v1.as_bytes(), &m).unwrap();
    assert_eq!(version, 1);
    let v2 = p1.to_checked_json(&m).unwrap();
    let (p2, version) = Preset::from_bytes_with_version(v2.as_bytes(), &m).unwrap();
    assert_eq!(version, 3);
    assert_eq!(p1, p2);
    let (e1, e2) = (evaluate(&m, &p1), evaluate(&m, &p2));
    assert_eq!(e1, e2);
    assert_eq!(e2.plans.len(), 1);
    assert_eq!(p2.plans[0].name, "Plan");
    // And the plan is Appendix A's.
    assert_close(e2.plans[0].outcome.capability, 0.417066691016, "c15");
}

fn catalogue_entry(m: &cluster_workbench::model::Model, which: usize, start: u32) -> PlanEntry {
    PlanEntry {
        lever: Lever::Catalogue(m.catalogue[which % m.catalogue.len()].id.clone()),
        start_year: start,
        intensity: Some(1.0),
        cost: None,
        indicators: Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Property 2: canonical version 2 round-trips byte for byte; saving,
    /// loading and saving again always does.
    #[test]
    fn canonical_version_2_round_trips(
        a in proptest::array::uniform12(0.0..=1.0_f64),
        u in proptest::array::uniform12(prop_oneof![Just(0.0), 0.0..=0.5_f64]),
        costs in proptest::collection::vec(proptest::option::of(0.0..1e9_f64), 8),
        horizon in 1u32..=50,
        plans in proptest::collection::vec(
            ("\\PC{1,20}", proptest::option::of("\\PC{0,40}"),
             proptest::collection::vec((0usize..10, 0u32..=50, proptest::option::of(0.0..=1.0_f64), proptest::option::of(0.0..1e9_f64), -1.0..=1.0_f64), 0..5)),
            0..5),
    ) {
        let m = model();
        let mut p = Preset::new_untitled(&m, "round trip «été»");
        p.attributes = cluster_workbench::attribute::Attributes(a);
        p.uncertainty = cluster_workbench::attribute::Attributes(u);
        for (item, cost) in m.catalogue.iter().zip(&costs) {
            p.unit_costs.set(&m, &item.id, *cost);
        }
        p.horizon_years = horizon;
        for (i, (name, note, entries)) in plans.into_iter().enumerate() {
            // Names made unique and valid the way a user would.
            let mut plan = Plan::named(format!("{i} {}", name.trim()));
            plan.note = note;
            plan.entries = entries.into_iter().map(|(which, start, intensity, cost, delta)| {
                let lever = if which < m.catalogue.len() {
                    Lever::Catalogue(m.catalogue[which].id.clone())
                } else {
                    Lever::Custom(CustomIntervention::new(
                        "Design clinic".into(),
                        Side::Demand,
                        &[(Attribute::KnowledgeFora, 0.1), (Attribute::Associations, delta)],
                    ).unwrap())
                };
                PlanEntry { lever, start_year: start.min(horizon), intensity, cost, indicators: Default::default() }
            }).collect();
            p.plans.push(plan);
        }
        let text = p.to_checked_json(&m).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = Preset::from_bytes(text.as_bytes(), &m).unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(back.to_canonical_json(), text);
    }

    /// Property 3: adding a plan never changes the baseline or another plan's
    /// numbers.
    #[test]
    fn adding_a_plan_changes_nothing_else(
        a in proptest::array::uniform12(0.0..=1.0_f64),
        first in proptest::collection::vec((0usize..8, 0u32..=15), 0..4),
        added in proptest::collection::vec((0usize..8, 0u32..=15), 0..4),
        at in 0usize..=1,
    ) {
        let m = model();
        let mut p = preset(cluster_workbench::attribute::Attributes(a), first.iter().map(|&(w, y)| catalogue_entry(&m, w, y)).collect());
        let before = evaluate(&m, &p);
        let mut plan = Plan::named("Added");
        plan.entries = added.iter().map(|&(w, y)| catalogue_entry(&m, w, y)).collect();
        p.plans.insert(at, plan);
        let after = evaluate(&m, &p);
        prop_assert_eq!(&after.baseline, &before.baseline);
        prop_assert_eq!(&after.baseline_warnings, &before.baseline_warnings);
        prop_assert_eq!(&after.plans[1 - at], &before.plans[0]);
    }

    /// Whatever a user does through edits, the preset reads back as it is:
    /// the editor cannot make a file the reader would refuse.
    #[test]
    fn edits_never_make_a_preset_the_reader_refuses(
        steps in proptest::collection::vec((0u8..14, 0usize..4, 0usize..5, 0u32..60, -0.5..1.5_f64), 0..40),
    ) {
        let m = model();
        let mut p = teaching_case();
        for (kind, plan, entry, n, x) in steps {
            let edit = match kind {
                0 => Edit::SetAttribute(Attribute::ALL[entry], x),
                1 => Edit::SetHorizon(n),
                2 => Edit::SetUnitCost { id: m.catalogue[entry].id.clone(), cost: Some(x * 1e6) },
                3 => Edit::AddPlan { name: format!("P{n}") },
                4 => Edit::DuplicatePlan { plan, name: format!("Copy {n}") },
                5 => Edit::RenamePlan { plan, name: if x > 1.0 { "No plan".into() } else { format!("R{n}") } },
                6 => Edit::DeletePlan { plan },
                7 => Edit::AddCatalogueEntry { plan, id: m.catalogue[entry].id.clone(), start_year: n },
                8 => Edit::SetStartYear { plan, entry, year: n },
                9 => Edit::SetIntensity { plan, entry, intensity: x },
                10 => Edit::SetCost { plan, entry, cost: Some(x * 1e5) },
                11 => Edit::SetPlanNote { plan, note: (x > 0.5).then(|| format!("note «{n}»")) },
                12 => Edit::AddCustomEntry {
                    plan,
                    custom: CustomIntervention::new(
                        format!("Custom {n}"),
                        if x > 0.5 { Side::Demand } else { Side::Supply },
                        &[(Attribute::ALL[entry], x.clamp(-1.0, 1.0))],
                    )
                    .unwrap(),
                    start_year: n,
                },
                _ => Edit::MoveWithinYear { plan, entry, earlier: x > 0.5 },
            };
            let mut next = p.clone();
            if edit.apply(&mut next, &m).is_ok() {
                p = next;
            }
            let text = p.to_canonical_json();
            let back = Preset::from_bytes(text.as_bytes(), &m).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(&back, &p);
        }
    }
}
