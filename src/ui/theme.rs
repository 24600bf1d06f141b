//! Colours and sizes in one place. Strength is drawn on a cividis-based ramp
//! whose lightness changes monotonically with strength, so the matrix reads on
//! a washed-out projector, in black and white and for colour-blind viewers;
//! the band is always written in words as well.

use crate::model::catalogue::Side;
use crate::model::warning::Severity;
use egui::{Color32, Visuals};

/// Cividis (Nuñez et al. 2018), sampled at ten even steps from 0 to 1.
const CIVIDIS: [(u8, u8, u8); 10] = [
    (0x00, 0x20, 0x4D),
    (0x00, 0x33, 0x6F),
    (0x39, 0x48, 0x6B),
    (0x57, 0x5C, 0x6D),
    (0x70, 0x71, 0x73),
    (0x8A, 0x87, 0x79),
    (0xA6, 0x9D, 0x75),
    (0xC4, 0xB5, 0x6C),
    (0xE4, 0xCF, 0x5B),
    (0xFF, 0xEA, 0x46),
];

fn lerp_u8(a: u8, b: u8, t: f32) -> u8 {
    (a as f32 + (b as f32 - a as f32) * t)
        .round()
        .clamp(0.0, 255.0) as u8
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    Color32::from_rgb(
        lerp_u8(a.r(), b.r(), t),
        lerp_u8(a.g(), b.g(), t),
        lerp_u8(a.b(), b.b(), t),
    )
}

/// The cividis colour at `t` in 0..=1.
pub fn cividis(t: f32) -> Color32 {
    let x = t.clamp(0.0, 1.0) * (CIVIDIS.len() - 1) as f32;
    let i = (x.floor() as usize).min(CIVIDIS.len() - 2);
    let f = x - i as f32;
    let (a, b) = (CIVIDIS[i], CIVIDIS[i + 1]);
    Color32::from_rgb(
        lerp_u8(a.0, b.0, f),
        lerp_u8(a.1, b.1, f),
        lerp_u8(a.2, b.2, f),
    )
}

/// The fill of a cell of this strength. On a light background the ramp runs
/// from near-white through cividis' slate blues to its darkest navy; on a dark
/// background from the panel colour through cividis' greys to its yellow. Both
/// change lightness monotonically, so strength reads in greyscale.
pub fn strength_fill(strength: f64, visuals: &Visuals) -> Color32 {
    let s = strength.clamp(0.0, 1.0) as f32;
    let fade = (1.0 - s).powf(1.5);
    if visuals.dark_mode {
        mix(cividis(0.45 + 0.55 * s), visuals.panel_fill, fade * 0.85)
    } else {
        mix(cividis(0.55 - 0.55 * s), Color32::WHITE, fade * 0.9)
    }
}

/// Black or white, whichever reads better on `fill`.
pub fn text_on(fill: Color32) -> Color32 {
    let luminance = 0.2126 * fill.r() as f32 + 0.7152 * fill.g() as f32 + 0.0722 * fill.b() as f32;
    if luminance > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Background and text of a warning of this severity.
pub fn severity_colours(severity: Severity, visuals: &Visuals) -> (Color32, Color32) {
    match (severity, visuals.dark_mode) {
        (Severity::Critical, _) => (Color32::from_rgb(0xB0, 0x1E, 0x1E), Color32::WHITE),
        (Severity::Warning, false) => (Color32::from_rgb(0xFF, 0xE0, 0x99), Color32::BLACK),
        (Severity::Warning, true) => (Color32::from_rgb(0x6B, 0x4A, 0x00), Color32::WHITE),
        (Severity::Info, false) => (Color32::from_rgb(0xDD, 0xE6, 0xF0), Color32::BLACK),
        (Severity::Info, true) => (Color32::from_rgb(0x2A, 0x3A, 0x4F), Color32::WHITE),
    }
}

/// The colour of the with-plan trajectory.
pub fn plan_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xFF, 0xD5, 0x4F)
    } else {
        Color32::from_rgb(0x1F, 0x4E, 0x9A)
    }
}

/// The colour of plan `index`'s line in the capability chart: the first plan
/// keeps the with-plan colour; the others take the Okabe–Ito palette, which
/// colour-blind viewers tell apart (names in the legend say the rest).
pub fn series_colour(index: usize, visuals: &Visuals) -> Color32 {
    const LIGHT: [(u8, u8, u8); 6] = [
        (0xD5, 0x5E, 0x00),
        (0x00, 0x9E, 0x73),
        (0xCC, 0x79, 0xA7),
        (0x56, 0xB4, 0xE9),
        (0xE6, 0x9F, 0x00),
        (0x00, 0x72, 0xB2),
    ];
    const DARK: [(u8, u8, u8); 6] = [
        (0x56, 0xB4, 0xE9),
        (0xE6, 0x9F, 0x00),
        (0x00, 0x9E, 0x73),
        (0xCC, 0x79, 0xA7),
        (0xD5, 0x5E, 0x00),
        (0xF0, 0xE4, 0x42),
    ];
    if index == 0 {
        return plan_colour(visuals);
    }
    let palette = if visuals.dark_mode { DARK } else { LIGHT };
    let (r, g, b) = palette[(index - 1) % palette.len()];
    Color32::from_rgb(r, g, b)
}

/// The fill of a timeline bar: supply side and demand side in two hues (the
/// bars also carry their side in words, and demand-side bars are hatched).
pub fn side_colour(side: Side, visuals: &Visuals) -> Color32 {
    match (side, visuals.dark_mode) {
        (Side::Supply, false) => Color32::from_rgb(0x9D, 0xC3, 0xE6),
        (Side::Supply, true) => Color32::from_rgb(0x2F, 0x5D, 0x8A),
        (Side::Demand, false) => Color32::from_rgb(0xF5, 0xC2, 0x7A),
        (Side::Demand, true) => Color32::from_rgb(0x8A, 0x5A, 0x10),
    }
}

/// The colour of the baseline trajectory.
pub fn baseline_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(110)
    }
}

/// Colours of the effort lines A..D, told apart by dash style as well.
pub fn effort_colour(index: usize, visuals: &Visuals) -> Color32 {
    let t = [0.15, 0.4, 0.65, 0.9][index.min(3)];
    if visuals.dark_mode {
        cividis(t)
    } else {
        cividis(t * 0.8)
    }
}

/// Outline of an attribute the user is shown ("Show me").
pub fn highlight(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xFF, 0xB3, 0x47)
    } else {
        Color32::from_rgb(0xD3, 0x54, 0x00)
    }
}

/// How thick the keyboard's focus is drawn.
pub const FOCUS_WIDTH: f32 = 2.5;

/// The keyboard's focus on a widget the workbench paints itself (cells,
/// timeline bars, comparison rows), as egui draws it on its own widgets.
pub fn focus_ring(painter: &egui::Painter, rect: egui::Rect, visuals: &Visuals) {
    painter.rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(FOCUS_WIDTH + 0.5, highlight(visuals)),
        egui::StrokeKind::Inside,
    );
}

/// Larger text than egui's default: the window is often on a projector.
pub fn apply_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        for (text_style, font) in [
            (TextStyle::Body, FontId::proportional(14.5)),
            (TextStyle::Button, FontId::proportional(14.5)),
            (TextStyle::Small, FontId::proportional(11.5)),
            (TextStyle::Heading, FontId::proportional(19.0)),
            (TextStyle::Monospace, FontId::monospace(13.0)),
        ] {
            style.text_styles.insert(text_style, font);
        }
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.slider_width = 170.0;
    });
    // egui's default text is mid-grey; a washed-out projector needs more contrast.
    for (theme, text, widget_text) in [(egui::Theme::Dark, 225, 235), (egui::Theme::Light, 20, 10)]
    {
        ctx.style_mut_of(theme, |style| {
            style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(text);
            style.visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(widget_text);
            // egui draws the widget with the keyboard's focus in its "active"
            // look; a thick outline in the highlight colour makes it visible
            // on a washed-out projector too, in either theme.
            let focus = highlight(&style.visuals);
            style.visuals.widgets.active.bg_stroke = egui::Stroke::new(FOCUS_WIDTH, focus);
            // (Not the foreground stroke: egui draws strong text with it. A
            // focused slider's handle keeps egui's own thicker outline.)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(c: Color32) -> f32 {
        0.2126 * c.r() as f32 + 0.7152 * c.g() as f32 + 0.0722 * c.b() as f32
    }

    #[test]
    fn strength_reads_in_greyscale_in_both_themes() {
        let light = Visuals::light();
        let dark = Visuals::dark();
        let steps: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
        for w in steps.windows(2) {
            assert!(
                grey(strength_fill(w[1], &light)) < grey(strength_fill(w[0], &light)),
                "light {w:?}"
            );
            assert!(
                grey(strength_fill(w[1], &dark)) > grey(strength_fill(w[0], &dark)),
                "dark {w:?}"
            );
        }
    }
}
