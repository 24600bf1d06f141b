//! What the answer is worth when the attributes are uncertain
//! (plans-and-levers §5): a Monte Carlo over attributes drawn within their
//! half-widths, with a generator fixed by the spec (SplitMix64, one stream per
//! run), so every implementation and every number of threads gives the same
//! bands, bit for bit.

use crate::attribute::Attribute;
use crate::model::Model;
use crate::plan::{Scheduled, schedule};
use crate::preset::Preset;
use crate::trajectory::{StepDrivers, capabilities};

/// How many runs when nothing else is asked for.
pub const DEFAULT_RUNS: usize = 1000;

/// The generator of plans-and-levers §5.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The stream of run `run` (0-based): state 2001 × 2³² + run.
    pub fn for_run(run: u64) -> Self {
        SplitMix64((2001u64 << 32).wrapping_add(run))
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next uniform number in [0, 1): the top 53 bits over 2⁵³.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The 10th, 50th and 90th percentile of capability in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub year: u32,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The Monte Carlo's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    pub runs: usize,
    /// Year by year, without a plan.
    pub baseline: Vec<Band>,
    /// Year by year, for each plan of the preset.
    pub plans: Vec<Vec<Band>>,
    /// For each plan, the share of runs (a whole percent) in which it is the
    /// best plan at the horizon, ties counting for all; `None` with fewer
    /// than two plans.
    pub best_share: Vec<Option<u32>>,
}

impl Uncertainty {
    /// Whether these bands can be shown with `preset` as it is now: the
    /// preset is still uncertain and there is a band for each of its plans
    /// and each year of its horizon. The bands of an earlier state, still
    /// being worked out anew off the window's thread, are shown while they
    /// fit (marked as refreshing); bands that no longer fit would be drawn
    /// against the wrong plans or years, so are not shown at all.
    pub fn fits(&self, preset: &Preset) -> bool {
        preset.is_uncertain()
            && self.plans.len() == preset.plans.len()
            && self.baseline.len() == preset.horizon_years as usize + 1
    }
}

/// The value at rank ⌈p × n / 100⌉ (1-based) of sorted values.
fn nearest_rank(sorted: &[f64], p: usize) -> f64 {
    let n = sorted.len();
    let k = (p * n).div_ceil(100).max(1);
    sorted[k - 1]
}

/// The bands of one scenario from its runs (`runs[r][year]`).
fn bands(runs: &[Vec<f64>], years: usize) -> Vec<Band> {
    let mut column = Vec::with_capacity(runs.len());
    (0..years)
        .map(|t| {
            column.clear();
            column.extend(runs.iter().map(|r| r[t]));
            column.sort_by(f64::total_cmp);
            Band {
                year: t as u32,
                p10: nearest_rank(&column, 10),
                p50: nearest_rank(&column, 50),
                p90: nearest_rank(&column, 90),
            }
        })
        .collect()
}

/// The threads a Monte Carlo may use here: as many as the machine has (its
/// result does not depend on them).
pub fn available_threads() -> usize {
    if !crate::platform::HAS_THREADS {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `runs` simulations of the baseline and every plan on attributes drawn
/// within the preset's uncertainty, on up to `threads` threads (the result
/// does not depend on how many). `None` when nothing is uncertain or `runs`
/// is 0.
pub fn monte_carlo(
    model: &Model,
    preset: &Preset,
    runs: usize,
    threads: usize,
) -> Option<Uncertainty> {
    if !preset.is_uncertain() || runs == 0 {
        return None;
    }
    let threads = threads.clamp(1, runs);
    if threads == 1 {
        return Some(summarise(preset, &simulate_runs(model, preset, 0..runs)));
    }
    let chunk = runs.div_ceil(threads);
    let results: Vec<Vec<Vec<f64>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..runs)
            .step_by(chunk)
            .map(|from| {
                let to = (from + chunk).min(runs);
                scope.spawn(move || simulate_runs(model, preset, from..to))
            })
            .collect();
        workers
            .into_iter()
            // A worker's panic is the caller's, as if it had run here.
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    Some(summarise(preset, &results))
}

/// The runs numbered `runs` of a Monte Carlo: for each, every scenario's
/// (the baseline's, then each plan's) capability year by year. A run's
/// draws depend only on its number, so the runs may be made in any slices,
/// on any threads or across frames, and give the same result.
pub fn simulate_runs(
    model: &Model,
    preset: &Preset,
    runs: std::ops::Range<usize>,
) -> Vec<Vec<Vec<f64>>> {
    let schedules: Vec<Vec<Scheduled<'_>>> = std::iter::once(Vec::new())
        .chain(preset.plans.iter().map(|p| schedule(&p.entries, model)))
        .collect();
    let mut drivers = StepDrivers::new(model);
    runs.map(|run| one_run(model, preset, run as u64, &schedules, &mut drivers))
        .collect()
}

/// The bands and the shares of runs in which each plan is best, from all
/// the runs of a Monte Carlo (`results[run][scenario]`, in run order).
pub fn summarise(preset: &Preset, results: &[Vec<Vec<f64>>]) -> Uncertainty {
    let years = preset.horizon_years as usize + 1;
    let scenario = |s: usize| -> Vec<Vec<f64>> { results.iter().map(|r| r[s].clone()).collect() };
    let plans = preset.plans.len();
    let best_share = best_shares(results, plans, years);
    Uncertainty {
        runs: results.len(),
        baseline: bands(&scenario(0), years),
        plans: (1..=plans).map(|s| bands(&scenario(s), years)).collect(),
        best_share,
    }
}

/// One run: the attributes drawn, then every scenario simulated on them.
fn one_run(
    model: &Model,
    preset: &Preset,
    run: u64,
    schedules: &[Vec<Scheduled<'_>>],
    drivers: &mut StepDrivers<'_>,
) -> Vec<Vec<f64>> {
    let mut rng = SplitMix64::for_run(run);
    let mut a = preset.attributes;
    for k in Attribute::ALL {
        let u = preset.uncertainty[k];
        if u > 0.0 {
            let draw = rng.next_f64();
            a[k] = (a[k] + u * (2.0 * draw - 1.0)).clamp(0.0, 1.0);
        }
    }
    schedules
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            capabilities(model, &a, s, preset.horizon_years, drivers, &mut out);
            out
        })
        .collect()
}

/// For each plan, in what share of runs it is (one of) the best at the
/// horizon, as a whole percent, rounded half up.
fn best_shares(results: &[Vec<Vec<f64>>], plans: usize, years: usize) -> Vec<Option<u32>> {
    if plans < 2 {
        return vec![None; plans];
    }
    let mut wins = vec![0usize; plans];
    for run in results {
        let at_horizon = |p: usize| run[p + 1][years - 1];
        let best = (0..plans).map(at_horizon).fold(f64::NEG_INFINITY, f64::max);
        for (p, w) in wins.iter_mut().enumerate() {
            if at_horizon(p) == best {
                *w += 1;
            }
        }
    }
    let n = results.len();
    wins.into_iter()
        .map(|w| Some(((200 * w + n) / (2 * n)) as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_follows_the_reference_sequence() {
        // The reference SplitMix64 (Vigna) from seed 0 gives this first value.
        let mut g = SplitMix64(0);
        assert_eq!(g.next_u64(), 0xE220_A839_7B1D_CDAF);
        // Run r starts from 2001 × 2³² + r.
        assert_eq!(SplitMix64::for_run(3).0, 2001 * (1u64 << 32) + 3);
        let x = SplitMix64::for_run(0).next_f64();
        assert!((0.0..1.0).contains(&x));
    }

    #[test]
    fn bands_fit_the_plans_and_years_they_were_worked_out_for() {
        let m = Model::default_model().unwrap();
        let mut p = Preset::new_untitled(&m, "t");
        p.uncertainty[Attribute::ClusterSize] = 0.1;
        p.plans.push(crate::plan::Plan::named("A"));
        let u = monte_carlo(&m, &p, 4, 1).unwrap();
        assert!(u.fits(&p));
        let mut more_plans = p.clone();
        more_plans.plans.push(crate::plan::Plan::named("B"));
        assert!(!u.fits(&more_plans));
        let mut longer = p.clone();
        longer.horizon_years = 16;
        assert!(!u.fits(&longer));
        let mut certain = p.clone();
        certain.uncertainty[Attribute::ClusterSize] = 0.0;
        assert!(!u.fits(&certain));
    }

    #[test]
    fn nearest_rank_uses_the_ceiling() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(nearest_rank(&v, 10), 1.0);
        assert_eq!(nearest_rank(&v, 50), 5.0);
        assert_eq!(nearest_rank(&v, 90), 9.0);
        let three = [1.0, 2.0, 3.0];
        // ⌈10 × 3 / 100⌉ = 1, ⌈50 × 3 / 100⌉ = 2, ⌈90 × 3 / 100⌉ = 3.
        assert_eq!(nearest_rank(&three, 10), 1.0);
        assert_eq!(nearest_rank(&three, 50), 2.0);
        assert_eq!(nearest_rank(&three, 90), 3.0);
    }
}
