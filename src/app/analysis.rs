//! The analyses that take longer than a frame (which lever binds, the Monte
//! Carlo) run off the frame: on a worker thread on the desktop, and in the
//! browser (no threads) in slices of a few milliseconds at the start of
//! each frame until done. The window asks for them whenever the preset or
//! the active plan changes and keeps drawing meanwhile; a result carries
//! the generation of the request it answers, so one that answers an older
//! state is shown as refreshing, never as current.

use crate::analysis::levers::{Levers, levers};
use crate::analysis::uncertainty::{
    DEFAULT_RUNS, Uncertainty, monte_carlo, simulate_runs, summarise,
};
use crate::model::Model;
use crate::platform::Instant;
use crate::preset::Preset;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// How long one frame may spend on a slice of the analyses where they run
/// between frames: a quarter of a frame at 60 frames a second, so that a
/// frame with an edit (its own work up to about 10 ms in the browser,
/// measured) stays inside the 16 ms of a frame.
pub const SLICE: Duration = Duration::from_millis(4);
/// Monte Carlo runs made between two looks at the clock (well under a
/// millisecond's work for three plans in the browser).
pub const RUNS_PER_STEP: usize = 10;
/// What the worker is asked to analyse.
struct Request {
    generation: u64,
    preset: Preset,
    plan: Option<usize>,
}

/// The analyses of one state of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The request this answers.
    pub generation: u64,
    /// Which lever binds, for the active plan (or no plan).
    pub levers: Levers,
    /// The bands, when the preset has uncertainty.
    pub uncertainty: Option<Uncertainty>,
}

impl Analysis {
    /// The Monte Carlo's bands, when there are any and they fit `preset` as
    /// it is ([`Uncertainty::fits`]): what the chart and the comparison show.
    pub fn bands_for(&self, preset: &Preset) -> Option<&Uncertainty> {
        self.uncertainty.as_ref().filter(|u| u.fits(preset))
    }
}

/// Runs the analyses off the frame and keeps the latest result.
pub struct AnalysisService {
    runner: Runner,
    /// What was last asked for: the document's revision (which changes
    /// whenever its preset does) and the active plan.
    asked: Option<(u64, Option<usize>)>,
    generation: u64,
    latest: Option<Analysis>,
}

/// Where the analyses run.
enum Runner {
    /// On a worker thread.
    Worker {
        requests: Sender<Request>,
        results: Receiver<Analysis>,
    },
    /// In slices, between frames.
    Sliced {
        model: Arc<Model>,
        job: Option<Box<Slices>>,
        repaint: Arc<dyn Fn() + Send + Sync>,
    },
}

/// An analysis being made in slices.
struct Slices {
    request: Request,
    levers: Option<Levers>,
    /// The Monte Carlo's runs so far, in order.
    runs: Vec<Vec<Vec<f64>>>,
}

impl Slices {
    /// Works for about `budget` (at least one step, so every frame makes
    /// progress); the analysis when it is done.
    fn step(&mut self, model: &Model, budget: Duration) -> Option<Analysis> {
        let started = Instant::now();
        let preset = &self.request.preset;
        let levers = self
            .levers
            .get_or_insert_with(|| levers(model, preset, self.request.plan));
        let wanted = if preset.is_uncertain() {
            DEFAULT_RUNS
        } else {
            0
        };
        while self.runs.len() < wanted {
            let from = self.runs.len();
            let to = (from + RUNS_PER_STEP).min(wanted);
            self.runs.extend(simulate_runs(model, preset, from..to));
            if started.elapsed() >= budget {
                break;
            }
        }
        (self.runs.len() >= wanted).then(|| Analysis {
            generation: self.request.generation,
            levers: levers.clone(),
            uncertainty: (wanted > 0).then(|| summarise(preset, &self.runs)),
        })
    }
}

impl AnalysisService {
    /// A service that runs the analyses where the platform can: on a worker
    /// thread, or in slices between frames; `repaint` wakes the window when
    /// a result arrives (or, in slices, when there is more to do).
    pub fn new(model: Arc<Model>, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        if crate::platform::HAS_THREADS {
            Self::on_worker(model, repaint)
        } else {
            Self::in_slices(model, repaint)
        }
    }

    /// A service whose analyses run in slices of [`SLICE`] at each
    /// [`poll`](Self::poll), as in the browser.
    pub fn in_slices(model: Arc<Model>, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        Self::with(Runner::Sliced {
            model,
            job: None,
            repaint: Arc::new(repaint),
        })
    }

    fn with(runner: Runner) -> Self {
        AnalysisService {
            runner,
            asked: None,
            generation: 0,
            latest: None,
        }
    }

    fn on_worker(model: Arc<Model>, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let (requests, inbox) = channel::<Request>();
        let (outbox, results) = channel();
        let worker = crate::platform::spawn("analysis", move || {
            // Ends when the service, and with it the sender, is dropped.
            while let Ok(first) = inbox.recv() {
                // Only the newest request matters: the others are stale.
                let request = inbox.try_iter().last().unwrap_or(first);
                let threads = crate::analysis::uncertainty::available_threads();
                let result = Analysis {
                    generation: request.generation,
                    levers: levers(&model, &request.preset, request.plan),
                    uncertainty: monte_carlo(&model, &request.preset, DEFAULT_RUNS, threads),
                };
                if outbox.send(result).is_err() {
                    break;
                }
                repaint();
            }
        });
        if let Err(e) = worker {
            // Without the thread the analyses stay empty; the rest works.
            eprintln!("cluster-workbench: cannot start the analysis thread: {e}");
        }
        Self::with(Runner::Worker { requests, results })
    }

    /// Asks for the analyses of this state, unless they were asked for already.
    pub fn follow(&mut self, revision: u64, preset: &Preset, plan: Option<usize>) {
        if self.asked == Some((revision, plan)) {
            return;
        }
        self.generation += 1;
        self.asked = Some((revision, plan));
        let request = Request {
            generation: self.generation,
            preset: preset.clone(),
            plan,
        };
        match &mut self.runner {
            // A failed send means the worker has gone; the last result stays.
            Runner::Worker { requests, .. } => drop(requests.send(request)),
            // The slices of an older state are dropped: they are stale.
            Runner::Sliced { job, repaint, .. } => {
                *job = Some(Box::new(Slices {
                    request,
                    levers: None,
                    runs: Vec::new(),
                }));
                repaint();
            }
        }
    }

    /// Takes in what the worker has finished, or works on a slice.
    pub fn poll(&mut self) {
        self.poll_for(SLICE);
    }

    /// [`poll`](Self::poll), working at most about `budget` on a slice.
    pub fn poll_for(&mut self, budget: Duration) {
        match &mut self.runner {
            Runner::Worker { results, .. } => {
                if let Some(result) = results.try_iter().last() {
                    self.latest = Some(result);
                }
            }
            Runner::Sliced {
                model,
                job,
                repaint,
            } => {
                let Some(slices) = job else { return };
                match slices.step(model, budget) {
                    Some(done) => {
                        self.latest = Some(done);
                        *job = None;
                    }
                    None => repaint(),
                }
            }
        }
    }

    /// Waits until the answer to the last request has arrived (for tests).
    pub fn wait(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.is_current() {
            let left = deadline.saturating_duration_since(Instant::now());
            match &mut self.runner {
                Runner::Worker { results, .. } => match results.recv_timeout(left) {
                    Ok(result) => self.latest = Some(result),
                    Err(_) => break,
                },
                Runner::Sliced { job: None, .. } => break,
                Runner::Sliced { .. } => self.poll_for(left),
            }
        }
    }

    /// How many Monte Carlo runs the analysis in slices has made so far
    /// (none on a worker, or when no analysis is under way).
    pub fn runs_made(&self) -> usize {
        match &self.runner {
            Runner::Sliced { job: Some(j), .. } => j.runs.len(),
            _ => 0,
        }
    }

    /// The latest result, current or not.
    pub fn latest(&self) -> Option<&Analysis> {
        self.latest.as_ref()
    }

    /// Whether the latest result answers the last request.
    pub fn is_current(&self) -> bool {
        self.latest
            .as_ref()
            .is_some_and(|a| a.generation == self.generation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::uncertainty::available_threads;

    fn three_plans() -> (Arc<Model>, Preset) {
        let model = Model::default_model().unwrap();
        let text = include_str!("../../tests/fixtures/three-plans.json");
        let preset = Preset::from_bytes(text.as_bytes(), &model).unwrap();
        assert!(
            preset.is_uncertain(),
            "the fixture must have uncertain attributes"
        );
        (Arc::new(model), preset)
    }

    /// The browser's analyses, made a step per frame, are the desktop's.
    #[test]
    fn slices_give_what_the_worker_gives() {
        let (model, preset) = three_plans();
        let mut sliced = AnalysisService::in_slices(Arc::clone(&model), || {});
        sliced.follow(1, &preset, Some(0));
        // No time at all for a frame still makes one step of runs.
        sliced.poll_for(Duration::ZERO);
        assert!(!sliced.is_current());
        assert_eq!(sliced.runs_made(), RUNS_PER_STEP);
        sliced.poll_for(Duration::ZERO);
        assert_eq!(sliced.runs_made(), 2 * RUNS_PER_STEP);
        let mut frames = 2;
        while !sliced.is_current() {
            sliced.poll_for(Duration::ZERO);
            frames += 1;
            assert!(frames <= DEFAULT_RUNS, "the slices never finish");
        }
        assert_eq!(frames, DEFAULT_RUNS.div_ceil(RUNS_PER_STEP));
        let whole = Analysis {
            generation: 1,
            levers: levers(&model, &preset, Some(0)),
            uncertainty: monte_carlo(&model, &preset, DEFAULT_RUNS, available_threads().max(2)),
        };
        assert_eq!(sliced.latest(), Some(&whole));
    }

    /// A newer state drops the slices of the older one.
    #[test]
    fn a_new_state_starts_the_slices_again() {
        let (model, preset) = three_plans();
        let mut sliced = AnalysisService::in_slices(model, || {});
        sliced.follow(1, &preset, Some(0));
        sliced.poll_for(Duration::ZERO);
        sliced.follow(2, &preset, Some(1));
        assert_eq!(sliced.runs_made(), 0);
        sliced.wait(Duration::from_secs(20));
        assert!(sliced.is_current());
        assert_eq!(sliced.latest().map(|a| a.generation), Some(2));
    }
}
