//! Workshop mode: the window on a projector, stepped through in an order
//! that tells the framework's story to a room: the cluster, Table 1, the
//! warning, the plans compared (the room guesses first), the capability
//! chart.

/// One step of the guided sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The four headline attributes, large.
    Cluster,
    /// Table 1 for this cluster.
    Table,
    /// The most serious warning and the paper's argument behind it.
    Warning,
    /// The plans compared, hidden until the facilitator reveals them.
    Compare,
    /// Capability over the years, every plan.
    Capability,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Cluster,
        Step::Table,
        Step::Warning,
        Step::Compare,
        Step::Capability,
    ];
}

/// What moving on does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Reveal,
    Step(usize),
}

/// Where the workshop is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Workshop {
    /// An index into [`Step::ALL`].
    pub step: usize,
    /// Whether the comparison has been revealed to the room.
    pub revealed: bool,
    /// The zoom before the workshop began, given back when it ends.
    pub zoom_before: f32,
    /// The window's size at zoom 1 that the zoom was last fitted to: none
    /// until the first frame of the workshop.
    pub fitted_to: Option<[f32; 2]>,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            step: 0,
            revealed: false,
            zoom_before: 1.0,
            fitted_to: None,
        }
    }
}

/// How much larger everything is drawn on a large projector: at 1920×1080
/// the window then lays out like 1230×690 points, and body text is 22
/// pixels. A smaller window is drawn less large ([`zoom_for`]).
pub const ZOOM: f32 = 1.56;

/// The least room, in points, the steps are laid out for: Table 1 beside
/// the what-if sliders, the comparison's columns, the chart with its legend,
/// under the bar. Less, and they would be cut or overlap.
pub const ROOM: [f32; 2] = [1000.0, 620.0];

/// The zoom for a window `width` × `height` points large at zoom 1: as
/// large as [`ZOOM`], but no larger than leaves the steps their [`ROOM`],
/// and never smaller than the window outside the workshop. At 1280×800 that
/// is 1.28, at 1280×720 1.16, at 1024×768 1.02.
pub fn zoom_for(width: f32, height: f32) -> f32 {
    let fit = (width / ROOM[0]).min(height / ROOM[1]);
    if fit.is_finite() {
        fit.clamp(1.0, ZOOM)
    } else {
        ZOOM
    }
}

impl Workshop {
    /// The step shown.
    pub fn current(&self) -> Step {
        Step::ALL[self.step.min(Step::ALL.len() - 1)]
    }

    /// Goes to step `index` (kept within the sequence).
    pub fn go_to(&mut self, index: usize) {
        self.step = index.min(Step::ALL.len() - 1);
    }

    /// What "next" does: on the comparison, still hidden, it reveals it
    /// (the room has guessed; the chart after it would give the answer
    /// away), unless there are no plans to compare; elsewhere it goes on,
    /// and on the last step it does nothing.
    pub fn next(&self, has_plans: bool) -> Option<Next> {
        if self.current() == Step::Compare && !self.revealed && has_plans {
            Some(Next::Reveal)
        } else if self.step + 1 < Step::ALL.len() {
            Some(Next::Step(self.step + 1))
        } else {
            None
        }
    }

    /// A new workshop starts at the beginning, with the comparison hidden.
    pub fn begin(zoom_before: f32) -> Workshop {
        Workshop {
            zoom_before,
            ..Workshop::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_within_the_sequence() {
        let mut w = Workshop::begin(1.2);
        w.go_to(99);
        assert_eq!(w.current(), Step::Capability);
        w.go_to(1);
        assert_eq!(w.current(), Step::Table);
        assert!(!w.revealed);
        assert_eq!(w.zoom_before, 1.2);
    }

    #[test]
    fn the_zoom_leaves_the_steps_their_room() {
        let cases = [
            ((1920.0, 1080.0), 1.56),
            ((1280.0, 800.0), 1.28),
            ((1280.0, 720.0), 1.161),
            ((1024.0, 768.0), 1.024),
            ((800.0, 600.0), 1.0),
            ((3840.0, 2160.0), 1.56),
            ((0.0, 0.0), 1.0),
            // A side that is not a number leaves the other to decide.
            ((f32::NAN, 800.0), 1.290),
            ((f32::NAN, f32::NAN), 1.56),
        ];
        for ((width, height), zoom) in cases {
            let got = zoom_for(width, height);
            assert!((got - zoom).abs() < 0.001, "{width}×{height}: {got}");
        }
    }

    #[test]
    fn next_reveals_the_comparison_before_going_on() {
        let mut w = Workshop::begin(1.0);
        w.go_to(
            Step::ALL
                .iter()
                .position(|s| *s == Step::Compare)
                .unwrap_or(0),
        );
        assert_eq!(w.next(true), Some(Next::Reveal));
        assert_eq!(
            w.next(false),
            Some(Next::Step(w.step + 1)),
            "nothing to reveal"
        );
        w.revealed = true;
        assert_eq!(w.next(true), Some(Next::Step(w.step + 1)));
        w.go_to(Step::ALL.len() - 1);
        assert_eq!(w.next(true), None);
    }
}
