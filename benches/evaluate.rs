//! Evaluating one preset: static cells (baseline and with plan), both 15-year
//! trajectories and the warnings, with a plan of three interventions.
//! Target: under 20 µs in release (issue 2).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::evaluation::evaluate;
use cluster_workbench::model::Model;
use cluster_workbench::plan::{Lever, PlanEntry};
use cluster_workbench::preset::Preset;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let model = Model::default_model().unwrap();
    let text = include_str!("../presets/teaching-case.json");
    let mut preset = Preset::from_bytes(text.as_bytes(), &model).unwrap();
    preset
        .plan_mut()
        .interventions
        .get_or_insert_with(Vec::new)
        .push(PlanEntry {
            lever: Lever::Catalogue("trade_fairs_and_visits".into()),
            start_year: 4,
            intensity: Some(0.8),
            cost: None,
        });
    assert_eq!(preset.entries().len(), 3);
    assert_eq!(preset.horizon(&model), 15);
    c.bench_function(
        "evaluate preset (32 cells, 15 years, 3 interventions)",
        |b| b.iter(|| evaluate(black_box(&model), black_box(&preset))),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
