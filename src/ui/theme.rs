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

/// Font sizes in points, one name per role. The window is often on a
/// projector at the back of a room, so everything runs a little larger than
/// egui's defaults; the steps between roles stay small so a painted view and
/// egui's own labels beside it look like one type scale.
pub mod size {
    /// Body text and buttons ([`super::apply_style`]): egui's 12.5 is too
    /// small to read from the back of a room.
    pub const BODY: f32 = 14.5;
    /// egui's small text style ([`super::apply_style`]), and the smallest
    /// painted text: the matrix's "active" head, the timeline's year marks.
    /// Not smaller: it must still read on a projector.
    pub const SMALL: f32 = 11.5;
    /// egui's heading style ([`super::apply_style`]).
    pub const HEADING: f32 = 19.0;
    /// egui's monospace style ([`super::apply_style`]): the values beside
    /// the sliders, formulas; smaller than the body, as monospace runs wide.
    pub const MONOSPACE: f32 = 13.0;
    /// A section heading in the side panels (`ui::heading`): strong, so
    /// smaller than the body and still read as a heading.
    pub const SECTION_HEADING: f32 = 13.0;
    /// Text painted on the workbench's own widgets: the comparison's column
    /// heads, the lever chart's attribute names, the empty timeline's note.
    /// As egui's monospace, a step below the body, so rows stay compact.
    pub const PAINTED: f32 = 13.0;
    /// The name at the left of a painted row: the matrix's effort row, a
    /// timeline entry. Half a point over [`PAINTED`], to lead the row.
    pub const ROW_NAME: f32 = 13.5;
    /// The matrix's column heads (effort A–D) and a plan's name in the
    /// comparison: the first thing read in each, so near the body size.
    pub const COLUMN_HEAD: f32 = 14.0;
    /// A matrix cell's words where the cell is at least 96 points wide
    /// (scaled up with the row height, at most by 1.25).
    pub const CELL: f32 = 13.0;
    /// A matrix cell's words in a narrower cell, so they still fit.
    pub const CELL_NARROW: f32 = 12.0;
    /// Secondary lines: a timeline bar's side and intensity, the comparison's
    /// uncertainty line. Below [`PAINTED`], as they sit on a coloured bar or
    /// under a row's name.
    pub const DETAIL: f32 = 12.5;
    /// Notes that close a line: the comparison's warnings under a plan, a
    /// warning's sources after its message. The smallest text but
    /// [`SMALL`], since they are looked up rather than read aloud.
    pub const NOTE: f32 = 12.0;
    /// The plan's name over its entries (`ui::entry`): the heading of the
    /// plan panel, between the body and egui's heading.
    pub const PLAN_TITLE: f32 = 15.0;
    /// A warning's severity and title on its banner (`ui::warnings`): it
    /// must stop the eye, so larger than [`PLAN_TITLE`].
    pub const WARNING_TITLE: f32 = 15.5;
    /// A warning's message on its banner, under its title.
    pub const WARNING_MESSAGE: f32 = 14.0;
    /// Workshop mode's step title (`ui::workshop`): read across a room on a
    /// projector, so twice the body.
    pub const WORKSHOP_TITLE: f32 = 30.0;
    /// Workshop mode's lead text, buttons and step counter.
    pub const WORKSHOP_LEAD: f32 = 20.0;
    /// Workshop mode's running text.
    pub const WORKSHOP_BODY: f32 = 17.0;
    /// Workshop mode's title inside a step (the warning's severity and title
    /// on the warning step): below the step's own title, so the step still
    /// reads as one.
    pub const WORKSHOP_SUBTITLE: f32 = WORKSHOP_TITLE - 4.0;
    /// The question put to the room before the comparison is revealed:
    /// a little above the lead, since it is what the room answers.
    pub const WORKSHOP_QUESTION: f32 = WORKSHOP_LEAD + 2.0;
    /// The cluster step's small print, body and control height: the
    /// attributes read from the back of the room.
    pub const WORKSHOP_LARGE_SMALL: f32 = 15.0;
    pub const WORKSHOP_LARGE_BODY: f32 = 22.0;
    pub const WORKSHOP_LARGE_CONTROL: f32 = 30.0;
}

/// Line widths in points, one name per role. Thicker lines carry state (the
/// keyboard's focus, a selection), thinner ones structure (rules, outlines),
/// so a glance tells which is which.
pub mod stroke {
    /// The keyboard's focus on egui's own widgets ([`super::apply_style`]),
    /// and a selected results-chain box: thick enough to find from the back
    /// of a room on a washed-out projector.
    pub const FOCUS: f32 = 2.5;
    /// The keyboard's focus on a painted widget ([`super::focus_ring`]):
    /// half a point over [`FOCUS`], as it is drawn inside the widget.
    pub const FOCUS_RING: f32 = 3.0;
    /// The outline of an attribute the user is shown ("Show me"): as strong
    /// as the focus, in the same highlight colour.
    pub const SHOWN: f32 = 2.5;
    /// A selected matrix cell or timeline bar: as thick as the focus ring,
    /// in the selection colour, so the two tell apart by colour.
    pub const SELECTED: f32 = 3.0;
    /// A hovered matrix cell, timeline bar or results-chain box: half of
    /// [`SELECTED`], a hint and not a state.
    pub const HOVER: f32 = 1.5;
    /// The arrows between results-chain boxes: read as links, so stronger
    /// than a rule and lighter than a selection.
    pub const ARROW: f32 = 2.5;
    /// The 10–90 % range of an uncertain attribute, drawn along its
    /// slider: thick enough to see beside the slider's handle.
    pub const UNCERTAINTY_RANGE: f32 = 3.0;
    /// Rules that divide and axes: under the comparison's header, over a
    /// matrix group, the lever chart's axis, the timeline's every fifth year.
    pub const RULE: f32 = 1.0;
    /// The faintest rules: between comparison rows, the timeline's other
    /// years. Half a [`RULE`], to structure without drawing the eye.
    pub const HAIRLINE: f32 = 0.5;
    /// The outline of an effort cell in the matrix's effort row, so an
    /// empty bar still shows its full length.
    pub const OUTLINE: f32 = 1.0;
    /// The stripes on a demand-side timeline bar: visible in greyscale,
    /// light enough to read the bar's words through.
    pub const HATCH: f32 = 1.5;
    /// The capability line of a plan that is not the active one.
    pub const PLAN_LINE: f32 = 1.75;
    /// The active plan's capability line: twice [`PLAN_LINE`], so it stands
    /// out among several plans.
    pub const PLAN_LINE_ACTIVE: f32 = 3.5;
    /// The baseline's dashed capability line in the chart and its legend
    /// sample: between the plans' two widths, as the dashes already tell it.
    pub const BASELINE: f32 = 2.0;
    /// The solid sample of a plan's line in the chart's legend.
    pub const LEGEND_SAMPLE: f32 = 3.0;
    /// The effort lines A–D in the chart: thinner than any capability line,
    /// which is what the chart is about.
    pub const EFFORT_LINE: f32 = 1.5;
    /// The dotted median of a Monte Carlo band: the thinnest line, as the
    /// band's fill carries it.
    pub const MEDIAN: f32 = 1.0;
}

/// The keyboard's focus on a widget the workbench paints itself (cells,
/// timeline bars, comparison rows), as egui draws it on its own widgets.
pub fn focus_ring(painter: &egui::Painter, rect: egui::Rect, visuals: &Visuals) {
    painter.rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(stroke::FOCUS_RING, highlight(visuals)),
        egui::StrokeKind::Inside,
    );
}

/// Larger text than egui's default: the window is often on a projector.
pub fn apply_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        for (text_style, font) in [
            (TextStyle::Body, FontId::proportional(size::BODY)),
            (TextStyle::Button, FontId::proportional(size::BODY)),
            (TextStyle::Small, FontId::proportional(size::SMALL)),
            (TextStyle::Heading, FontId::proportional(size::HEADING)),
            (TextStyle::Monospace, FontId::monospace(size::MONOSPACE)),
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
            style.visuals.widgets.active.bg_stroke = egui::Stroke::new(stroke::FOCUS, focus);
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
