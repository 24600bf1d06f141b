//! A short notice of what an edit did (an entry added or removed, a warning
//! that clears or appears), shown for a few seconds in a corner of the window
//! and then faded out, so the user knows what happened without the layout
//! moving. It is worked out once per edit by the document actions; its time
//! comes from the frame's clock (egui's input time), as autosave's does.

use super::Workbench;

/// How long a notice stays, in seconds, its fade included.
pub const SHOWN_SECONDS: f64 = 4.0;
/// The last part of that time, over which it fades out.
pub const FADE_SECONDS: f64 = 0.6;
/// How often the fade is redrawn: a short wait, not every frame.
const FADE_STEP: f64 = 1.0 / 30.0;

/// A short notice: one line per thing that happened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Toast {
    pub lines: Vec<String>,
    /// When it was first shown, on the frame clock (set by the frame).
    since: Option<f64>,
}

impl Toast {
    /// A notice not yet shown.
    pub fn new(lines: Vec<String>) -> Self {
        Toast { lines, since: None }
    }

    /// How long it has shown at `now` (0 before its first frame).
    fn age(&self, now: f64) -> f64 {
        self.since.map_or(0.0, |since| (now - since).max(0.0))
    }

    /// How opaque it is at `now`: fully until its fade, then less and less.
    pub fn opacity(&self, now: f64) -> f32 {
        let left = SHOWN_SECONDS - self.age(now);
        (left / FADE_SECONDS).clamp(0.0, 1.0) as f32
    }
}

impl Workbench {
    /// Starts the notice's clock on its first frame and drops it once it has
    /// faded. Returns how long until it must be drawn again, if it shows.
    pub fn keep_toast(&mut self, now: f64) -> Option<f64> {
        let toast = self.view.toast.as_mut()?;
        toast.since.get_or_insert(now);
        let left = SHOWN_SECONDS - toast.age(now);
        if left <= 0.0 {
            self.view.toast = None;
            return None;
        }
        // Still until the fade begins; then a few steps a second.
        Some((left - FADE_SECONDS).max(FADE_STEP).min(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_stays_then_fades() {
        let mut t = Toast::new(vec!["Added".into()]);
        assert_eq!(t.opacity(100.0), 1.0, "not yet shown");
        t.since = Some(10.0);
        assert_eq!(t.opacity(12.0), 1.0);
        assert!((t.opacity(13.7) - 0.5).abs() < 1e-3);
        assert_eq!(t.opacity(14.5), 0.0);
    }
}
