//! Workshop mode (View ▸ Present, F11): the window for a room. Editing
//! chrome is hidden, everything is drawn larger, and a guided sequence is
//! stepped with ← and →: the cluster, Table 1, the warning, the plans
//! compared (hidden until revealed, so the room guesses first), the
//! capability chart. The headline sliders stay at hand on every step, so the
//! facilitator can ask "what if buyers came?" and move one.

use super::{State, attributes, compare, matrix, severity_word, trajectory};
use crate::app::action::{Action, ViewAction};
use crate::app::workshop::{Next, Step};
use crate::attribute::Attribute;
use crate::text::{fill, texts};
use egui::{CentralPanel, Key, Panel, RichText, ScrollArea, TextWrapMode, Ui};

// Type sizes for a room (in points, before the workshop zoom): the design's
// tokens, under shorter names.
use super::theme::size::{
    self, WORKSHOP_BODY as BODY, WORKSHOP_LEAD as LEAD, WORKSHOP_TITLE as TITLE,
};

/// The title of a step.
pub fn step_title(step: Step) -> &'static str {
    let t = texts();
    match step {
        Step::Cluster => t.workshop_titles_cluster,
        Step::Table => t.workshop_titles_table,
        Step::Warning => t.workshop_titles_warning,
        Step::Compare => t.workshop_titles_compare,
        Step::Capability => t.workshop_titles_capability,
    }
}

/// The keys of workshop mode: ← → step, unless a slider has the keyboard
/// (then they move the slider, and Esc lets the slider go); Page Down and
/// Page Up, what a presenter's clicker sends, step always; Enter reveals;
/// Esc leaves.
pub fn keys(ctx: &egui::Context, s: &State, out: &mut Vec<Action>) {
    let w = &s.view.workshop;
    // egui lets the focus go on Esc before this runs, so whether something
    // had the keyboard is read as the last frame left it.
    let focused = ctx
        .data(|d| d.get_temp::<Option<egui::Id>>(had_focus_id()))
        .flatten()
        .or_else(|| ctx.memory(|m| m.focused()));
    let none = egui::Modifiers::NONE;
    let (forward, back, escape) = ctx.input_mut(|i| {
        let arrows = focused.is_none();
        let forward =
            i.consume_key(none, Key::PageDown) || (arrows && i.consume_key(none, Key::ArrowRight));
        let back =
            i.consume_key(none, Key::PageUp) || (arrows && i.consume_key(none, Key::ArrowLeft));
        (forward, back, i.consume_key(none, Key::Escape))
    });
    match (escape, focused) {
        (true, Some(id)) => {
            ctx.memory_mut(|m| m.surrender_focus(id));
            ctx.data_mut(|d| d.insert_temp::<Option<egui::Id>>(had_focus_id(), None));
        }
        (true, None) => out.push(ViewAction::Present(false).into()),
        _ => {}
    }
    if forward && let Some(next) = next_action(s) {
        out.push(next);
    }
    if back && w.step > 0 {
        out.push(ViewAction::WorkshopStep(w.step - 1).into());
    }
    if focused.is_some() {
        return;
    }
    ctx.input_mut(|i| {
        if w.current() == Step::Compare
            && !w.revealed
            && i.consume_key(egui::Modifiers::NONE, Key::Enter)
        {
            out.push(ViewAction::Reveal.into());
        }
    });
}

/// What "next" does on the step shown.
fn next(s: &State) -> Option<Next> {
    s.view.workshop.next(!s.doc.preset().plans.is_empty())
}

/// The action of "next" on the step shown.
fn next_action(s: &State) -> Option<Action> {
    next(s).map(|n| match n {
        Next::Reveal => ViewAction::Reveal.into(),
        Next::Step(i) => ViewAction::WorkshopStep(i).into(),
    })
}

/// Where the focus was at the end of the last frame.
fn had_focus_id() -> egui::Id {
    egui::Id::unique("workshop-had-focus")
}

/// The whole window in workshop mode.
pub fn window(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    window_steps(ui, s, out);
    let focused = ui.ctx().memory(|m| m.focused());
    ui.ctx()
        .data_mut(|d| d.insert_temp(had_focus_id(), focused));
}

/// The bar, the what-if sliders and the step.
fn window_steps(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let step = s.view.workshop.current();
    Panel::top("workshop-bar").show(ui, |ui| bar(ui, s, out));
    if step != Step::Cluster {
        Panel::left("workshop-what-if")
            .resizable(false)
            .exact_size(300.0)
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("workshop-what-if")
                    .show(ui, |ui| what_if(ui, s, out));
            });
    }
    CentralPanel::default().show(ui, |ui| {
        let height = ui.available_height();
        match step {
            Step::Cluster => cluster(ui, s, out),
            Step::Table => table(ui, s, height, out),
            Step::Warning => warning(ui, s),
            Step::Compare => comparison(ui, s, out),
            Step::Capability => trajectory::panel(ui, s, height, out),
        }
    });
}

/// Room kept between the title and the counter, in points.
const TITLE_GAP: f32 = 24.0;

/// Below this width (in points) left beside the counter and the buttons,
/// the title takes a row of its own above them rather than wrap word by word.
const TITLE_LEAST: f32 = 240.0;

/// The step's title, its counter and the buttons to step and leave, then
/// the preset's name and the keys. The counter and the buttons are measured
/// first: the title gets what is left, shrinks towards the lead size and
/// wraps rather than run under them.
fn bar(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let nav = Nav::of(s);
    let (nav_width, nav_height) = nav.size(ui);
    let width = ui.available_width();
    let title = step_title(s.view.workshop.current());
    ui.add_space(4.0);
    let room = width - nav_width - TITLE_GAP;
    if room >= TITLE_LEAST {
        let title = title_galley(ui, title, room);
        let height = title.size().y.max(nav_height);
        // The title first, so a screen reader hears it first; it is no
        // wider than `room`, so the right side keeps what it was measured at.
        egui::Sides::new().height(height).show(
            ui,
            |ui| ui.add(egui::Label::new(title)),
            |ui| nav.show(ui, s, out),
        );
    } else {
        ui.add(egui::Label::new(title_galley(ui, title, width)));
        egui::Sides::new()
            .height(nav_height)
            .show(ui, |_| {}, |ui| nav.show(ui, s, out));
    }
    preset_and_keys(ui, s, width);
    ui.add_space(2.0);
}

/// The title at the size that fits `room` on one line, between the title
/// and the lead size; at the lead size it wraps.
fn title_galley(ui: &Ui, title: &str, room: f32) -> std::sync::Arc<egui::Galley> {
    let at = |size: f32| {
        egui::WidgetText::from(RichText::new(title).size(size).strong()).into_galley(
            ui,
            Some(TextWrapMode::Wrap),
            room,
            egui::TextStyle::Body,
        )
    };
    let whole = super::one_line_width(ui, RichText::new(title).size(TITLE).strong());
    // Text widens in proportion to its size; the margin keeps rounding
    // from pushing the last letter onto a line of its own.
    let size = if whole <= room {
        TITLE
    } else {
        (TITLE * room / whole * 0.98).max(LEAD)
    };
    at(size)
}

/// The preset's name and the keys, side by side where both fit, else one
/// above the other, each wrapping.
fn preset_and_keys(ui: &mut Ui, s: &State, width: f32) {
    let name = RichText::new(&s.doc.preset().name).size(BODY).weak();
    let keys = RichText::new(texts().workshop_keys).weak();
    let wide = |text: &RichText| super::one_line_width(ui, text.clone());
    if wide(&name) + TITLE_GAP + wide(&keys) <= width {
        egui::Sides::new().show(ui, |ui| ui.label(name), |ui| ui.label(keys));
    } else {
        ui.add(egui::Label::new(name).wrap());
        ui.add(egui::Label::new(keys).wrap());
    }
}

/// The counter and the buttons at the right of the bar, as words, so they
/// can be measured before they are drawn.
struct Nav {
    counter: String,
    back: &'static str,
    next: &'static str,
    leave: &'static str,
}

impl Nav {
    fn of(s: &State) -> Nav {
        let t = texts();
        let w = &s.view.workshop;
        let counter = fill(
            t.workshop_step,
            &[
                ("n", &(w.step + 1).to_string()),
                ("total", &Step::ALL.len().to_string()),
            ],
        );
        let next = match next(s) {
            Some(Next::Reveal) => t.workshop_reveal_next,
            _ => t.workshop_next,
        };
        Nav {
            counter,
            back: t.workshop_back,
            next,
            leave: t.workshop_leave,
        }
    }

    /// The width and height the counter and the buttons take, with the
    /// spacing between them.
    fn size(&self, ui: &Ui) -> (f32, f32) {
        let measure = |text: &str| {
            super::one_line_size(ui, RichText::new(text).size(LEAD), egui::TextStyle::Button)
        };
        let padding = ui.spacing().button_padding;
        let gap = ui.spacing().item_spacing.x;
        let counter = measure(&self.counter);
        let mut width = counter.x + Nav::COUNTER_GAP + gap;
        let mut height = counter.y;
        for text in [self.back, self.next, self.leave] {
            let button = measure(text) + 2.0 * padding;
            width += button.x + gap;
            height = height.max(button.y.max(ui.spacing().interact_size.y));
        }
        (width, height)
    }

    /// Room between the counter and the buttons, in points.
    const COUNTER_GAP: f32 = 12.0;

    /// Draws the counter and the buttons right to left.
    fn show(&self, ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
        let w = &s.view.workshop;
        if ui.button(RichText::new(self.leave).size(LEAD)).clicked() {
            out.push(ViewAction::Present(false).into());
        }
        let next = ui.add_enabled(
            next(s).is_some(),
            egui::Button::new(RichText::new(self.next).size(LEAD)),
        );
        // The bar's buttons give the keyboard back, so the arrows step
        // and Esc leaves as before.
        if next.clicked()
            && let Some(action) = next_action(s)
        {
            next.surrender_focus();
            out.push(action);
        }
        let back = ui.add_enabled(
            w.step > 0,
            egui::Button::new(RichText::new(self.back).size(LEAD)),
        );
        if back.clicked() {
            back.surrender_focus();
            out.push(ViewAction::WorkshopStep(w.step - 1).into());
        }
        ui.add_space(Nav::COUNTER_GAP);
        ui.label(RichText::new(&self.counter).size(LEAD));
    }
}

/// The headline sliders beside every step after the first.
fn what_if(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    ui.label(RichText::new(texts().workshop_whatif).size(LEAD).strong());
    for a in attributes::headline(s) {
        attributes::attribute_slider(ui, s, a, false, out);
        ui.add_space(4.0);
    }
}

/// Step 1: the four headline attributes, large, with what their values mean.
fn cluster(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    ui.label(RichText::new(t.workshop_cluster_intro).size(LEAD));
    if let Some(d) = &s.doc.preset().description {
        ui.label(RichText::new(d).size(BODY).weak());
    }
    ui.add_space(10.0);
    ScrollArea::vertical()
        .id_salt("workshop-cluster")
        .show(ui, |ui| {
            ui.scope(|ui| {
                large(ui);
                let headline: Vec<Attribute> = attributes::headline(s);
                // Two columns of two: each slider gets half the width.
                ui.columns(2, |columns| {
                    for (i, a) in headline.into_iter().enumerate() {
                        let ui = &mut columns[i % 2];
                        attributes::attribute_slider(ui, s, a, false, out);
                        ui.add_space(24.0);
                    }
                });
            });
        });
}

/// Larger type and a wider slider for the cluster step.
fn large(ui: &mut Ui) {
    let style = ui.style_mut();
    for (text_style, font) in style.text_styles.iter_mut() {
        font.size = match text_style {
            egui::TextStyle::Small => size::WORKSHOP_LARGE_SMALL,
            egui::TextStyle::Heading => TITLE,
            _ => size::WORKSHOP_LARGE_BODY,
        };
    }
    style.spacing.interact_size.y = size::WORKSHOP_LARGE_CONTROL;
}

/// Step 2: Table 1 for this cluster (the matrix as the user left it).
fn table(ui: &mut Ui, s: &State, height: f32, out: &mut Vec<Action>) {
    let t = texts();
    let shown = s.shown();
    let active: usize = shown.active_per_row.iter().sum();
    let view = match s.active() {
        Some((_, plan)) if s.matrix_view() != crate::app::action::MatrixView::Baseline => {
            fill(t.workshop_view_with_plan, &[("plan", &plan.name)])
        }
        _ => t.workshop_view_baseline.to_owned(),
    };
    let intro = fill(
        t.workshop_table_intro,
        &[("active", &active.to_string()), ("view", &view)],
    );
    ui.label(RichText::new(intro).size(LEAD));
    ui.add_space(6.0);
    let rest = height - ui.min_rect().height();
    ScrollArea::vertical()
        .id_salt("workshop-matrix")
        .show(ui, |ui| matrix::panel(ui, s, rest, out));
}

/// Step 3: the most serious warning of the plan shown, with the paper's
/// argument and its sources.
fn warning(ui: &mut Ui, s: &State) {
    let t = texts();
    let plan = s
        .active()
        .map_or(crate::text::texts().baseline_name, |(_, p)| p.name.as_str());
    let Some(w) = s
        .warnings()
        .iter()
        .min_by_key(|w| s.model.warning(w.id).severity)
    else {
        ui.label(
            RichText::new(fill(
                t.workshop_no_warning,
                &[("plan", plan), ("n", &crate::words::checks_count())],
            ))
            .size(LEAD),
        );
        return;
    };
    let info = s.model.warning(w.id);
    let (fill_colour, ink) = super::theme::severity_colours(info.severity, ui.visuals());
    ScrollArea::vertical()
        .id_salt("workshop-warning")
        .show(ui, |ui| {
            egui::Frame::new()
                .fill(fill_colour)
                .inner_margin(egui::Margin::same(18))
                .corner_radius(6.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(fill(
                            t.workshop_warning_head,
                            &[
                                ("plan", plan),
                                ("severity", severity_word(info.severity)),
                                ("title", &info.title),
                            ],
                        ))
                        .size(size::WORKSHOP_SUBTITLE)
                        .strong()
                        .color(ink),
                    );
                    ui.add_space(6.0);
                    ui.label(RichText::new(w.message(s.model)).size(LEAD).color(ink));
                });
            ui.add_space(14.0);
            ui.label(RichText::new(t.workshop_argument).size(LEAD).strong());
            ui.label(RichText::new(&info.explanation).size(BODY));
            ui.add_space(8.0);
            ui.label(RichText::new(w.advice(s.model)).size(BODY).italics());
            ui.add_space(6.0);
            ui.label(RichText::new(fill(t.rule_line, &[("rule", &info.rule)])).weak());
            if !info.sources.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(crate::words::listed(&info.sources)).weak());
            }
        });
}

/// Step 4: predict, then reveal. Until revealed, the room sees only what
/// each plan does; the facilitator reveals the comparison with Enter.
fn comparison(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    let plans = &s.doc.preset().plans;
    if plans.is_empty() {
        ui.label(RichText::new(t.workshop_plans_none).size(LEAD));
        return;
    }
    if s.view.workshop.revealed {
        ScrollArea::vertical()
            .id_salt("workshop-compare")
            .show(ui, |ui| compare::table(ui, s, out));
        return;
    }
    let year = s.doc.evaluation().horizon_years.to_string();
    ui.label(
        RichText::new(fill(t.workshop_predict, &[("year", &year)])).size(size::WORKSHOP_QUESTION),
    );
    ui.add_space(12.0);
    for plan in plans {
        let names: Vec<&str> = plan.entries.iter().map(|e| e.name(s.model)).collect();
        let entries = if names.is_empty() {
            t.workshop_no_entries.to_owned()
        } else {
            names.join(", ")
        };
        let line = fill(
            t.workshop_plan_line,
            &[("plan", &plan.name), ("entries", &entries)],
        );
        ui.label(RichText::new(line).size(LEAD));
        ui.add_space(6.0);
    }
    ui.add_space(16.0);
    let reveal = ui.button(RichText::new(t.workshop_reveal).size(LEAD).strong());
    if reveal.clicked() {
        reveal.surrender_focus();
        out.push(ViewAction::Reveal.into());
    }
}
