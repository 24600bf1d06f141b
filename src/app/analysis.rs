//! The analyses that take longer than a frame (which lever binds, the Monte
//! Carlo) run on a worker thread. The window asks for them whenever the
//! preset or the active plan changes and keeps drawing meanwhile; a result
//! carries the generation of the request it answers, so one that answers an
//! older state is shown as refreshing, never as current.

use crate::analysis::levers::{Levers, levers};
use crate::analysis::uncertainty::{DEFAULT_RUNS, Uncertainty, monte_carlo};
use crate::model::Model;
use crate::preset::Preset;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

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

/// Runs the analyses off the UI thread and keeps the latest result.
pub struct AnalysisService {
    requests: Sender<Request>,
    results: Receiver<Analysis>,
    /// What was last asked for: the document's revision (which changes
    /// whenever its preset does) and the active plan.
    asked: Option<(u64, Option<usize>)>,
    generation: u64,
    latest: Option<Analysis>,
}

impl AnalysisService {
    /// A service with its worker thread; `repaint` wakes the window when a
    /// result arrives.
    pub fn new(model: Arc<Model>, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let (requests, inbox) = channel::<Request>();
        let (outbox, results) = channel();
        let worker = std::thread::Builder::new()
            .name("cluster-workbench analysis".into())
            .spawn(move || {
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
        AnalysisService {
            requests,
            results,
            asked: None,
            generation: 0,
            latest: None,
        }
    }

    /// Asks for the analyses of this state, unless they were asked for already.
    pub fn follow(&mut self, revision: u64, preset: &Preset, plan: Option<usize>) {
        if self.asked == Some((revision, plan)) {
            return;
        }
        self.generation += 1;
        self.asked = Some((revision, plan));
        // A failed send means the worker has gone; the last result stays.
        let _ = self.requests.send(Request {
            generation: self.generation,
            preset: preset.clone(),
            plan,
        });
    }

    /// Takes in what the worker has finished.
    pub fn poll(&mut self) {
        if let Some(result) = self.results.try_iter().last() {
            self.latest = Some(result);
        }
    }

    /// Waits until the answer to the last request has arrived (for tests).
    pub fn wait(&mut self, timeout: Duration) {
        let deadline = std::time::Instant::now() + timeout;
        while !self.is_current() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.results.recv_timeout(left) {
                Ok(result) => self.latest = Some(result),
                Err(_) => break,
            }
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
