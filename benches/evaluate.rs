//! Evaluating one preset: the baseline and three plans of four entries each,
//! 32 cells and a 15-year trajectory per scenario, warnings and the
//! comparison numbers. Target: the issue 2 bound of 20 µs for one plan,
//! scaled to four scenarios.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::analysis::levers::levers;
use cluster_workbench::analysis::uncertainty::monte_carlo;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::cells::evaluate_cells;
use cluster_workbench::evaluation::evaluate;
use cluster_workbench::model::Model;
use cluster_workbench::plan::{Lever, PlanEntry, schedule};
use cluster_workbench::preset::Preset;
use cluster_workbench::trajectory::simulate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let model = Model::default_model().unwrap();
    let text = include_str!("../tests/fixtures/three-plans.json");
    let preset = Preset::from_bytes(text.as_bytes(), &model).unwrap();
    assert_eq!(preset.plans.len(), 3);
    assert!(preset.plans.iter().all(|p| p.entries.len() == 4));
    c.bench_function(
        "evaluate preset (baseline + 3 plans of 4 entries, 15 years)",
        |b| b.iter(|| evaluate(black_box(&model), black_box(&preset))),
    );
    let teaching = include_str!("../presets/teaching-case.json");
    let mut one = Preset::from_bytes(teaching.as_bytes(), &model).unwrap();
    one.plans.truncate(1);
    // Appendix A's plan and a third entry: the issue 7 target, under 5 µs.
    one.plans[0].entries.push(PlanEntry {
        lever: Lever::Catalogue("trade_fairs_and_visits".into()),
        start_year: 4,
        intensity: Some(0.8),
        cost: None,
        indicators: Default::default(),
    });
    c.bench_function("evaluate preset (baseline + 1 plan of 3 entries)", |b| {
        b.iter(|| evaluate(black_box(&model), black_box(&one)))
    });
    // Which lever binds: 11 attributes up and down and 8 interventions, 31
    // trajectories. Target: under 1 ms.
    let supply = Preset::from_bytes(
        include_str!("../presets/supply-side-only.json").as_bytes(),
        &model,
    )
    .unwrap();
    c.bench_function("levers of one plan (31 trajectories)", |b| {
        b.iter(|| levers(black_box(&model), black_box(&supply), Some(0)))
    });
    // The Monte Carlo of spec §5: 1,000 runs of the baseline and two plans,
    // on the threads the machine has. Target: under 10 ms.
    let mut uncertain = supply.clone();
    uncertain.uncertainty[Attribute::MarketDynamism] = 0.1;
    uncertain.uncertainty[Attribute::ExternalBuyers] = 0.05;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    c.bench_function("monte carlo, 1000 runs, baseline + 2 plans", |b| {
        b.iter(|| monte_carlo(black_box(&model), black_box(&uncertain), 1000, threads))
    });
    // The parts, to see where the time goes.
    let schedule = schedule(&one.plans[0].entries, &model);
    c.bench_function("part: one 15-year trajectory with 3 entries", |b| {
        b.iter(|| simulate(black_box(&model), black_box(&one.attributes), &schedule, 15))
    });
    c.bench_function("part: the 32 cells with explanations", |b| {
        b.iter(|| evaluate_cells(black_box(&model), black_box(&one.attributes)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
