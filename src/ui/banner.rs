//! The strip across the top of the window for the critical warning. It keeps
//! its place and height whether a critical warning fires or not (a calm line
//! says so when none does), so switching plans or an edit that raises or
//! clears the warning moves nothing under the pointer. It names the first
//! critical warning ("and 2 more" for the others, listed on the right), says
//! in one line what to do, and offers the next step: *See which lever binds*.
//! *Why?* unfolds the full explanation at the top of the right-hand pane,
//! beside the strip's button, never pushing the matrix down.

use super::warnings::{buttons, card, explanation, sources, spoken};
use super::{State, severity_word, theme};
use crate::app::action::{Action, DockTab, ViewAction};
use crate::model::warning::{Severity, WarningInfo};
use crate::text::{fill, plural, texts};
use crate::warnings::Warning;
use crate::words::checks_count;
use egui::{Align, Color32, Frame, Layout, Margin, Panel, RichText, Ui};

/// The strip's inner margin above and below its rows, in points.
const MARGIN_Y: i8 = 6;

/// What a row of the strip adds to a control's height (see [`row`]), so the
/// 15.5-point title and the buttons sit with air around them.
const ROW_PAD: f32 = 4.0;

/// The strip's height, margins included, the same whatever fires: two rows
/// (each a control's height plus [`ROW_PAD`]), the item spacing between them,
/// the margins above and below, and the panel's separator line, which egui
/// counts in the panel's size. With the window's theme: 2 × (18 + 4) + 5 +
/// 2 × 6 + 1 = 62 points.
fn height(ui: &Ui) -> f32 {
    let style = ui.style();
    let row = style.spacing.interact_size.y + ROW_PAD;
    let separator = style.visuals.widgets.noninteractive.bg_stroke.width.round();
    2.0 * row + style.spacing.item_spacing.y + 2.0 * f32::from(MARGIN_Y) + separator
}

/// The critical warnings the window shows, most urgent first.
pub fn critical<'a>(s: &'a State) -> Vec<(&'a Warning, &'a WarningInfo)> {
    s.warnings()
        .iter()
        .map(|w| (w, s.model.warning(w.id)))
        .filter(|(_, info)| info.severity == Severity::Critical)
        .collect()
}

/// The strip, across the window under the menu.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let critical = critical(s);
    let visuals = ui.visuals();
    let (fill_colour, ink) = match critical.first() {
        Some(_) => theme::severity_colours(Severity::Critical, visuals),
        // Solid (the faint background is drawn over another colour).
        None => (visuals.extreme_bg_color, visuals.text_color()),
    };
    Panel::top("critical-banner")
        .resizable(false)
        .exact_size(height(ui))
        .frame(
            Frame::new()
                .fill(fill_colour)
                .inner_margin(Margin::symmetric(14, MARGIN_Y)),
        )
        .show(ui, |ui| match critical.split_first() {
            Some((&(w, info), rest)) => {
                headline(ui, s, w, info, rest, ink, out);
                next_step(ui, s, w, info, ink, out);
            }
            None => calm(ui, s, ink),
        });
}

/// A row of the strip: `left` from the left, cut to fit, and `right` from
/// the right edge (laid out first, so it always shows).
fn row(ui: &mut Ui, right: impl FnOnce(&mut Ui), left: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        ui.set_min_height(ui.spacing().interact_size.y + ROW_PAD);
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            right(ui);
            ui.with_layout(Layout::left_to_right(Align::Center), left);
        });
    });
}

/// Severity, title and message of the first critical warning, with its
/// *Show me* and *Why?*; "and N more" when others fire too.
fn headline(
    ui: &mut Ui,
    s: &State,
    w: &Warning,
    info: &WarningInfo,
    rest: &[(&Warning, &WarningInfo)],
    ink: Color32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    row(
        ui,
        // Buttons keep the theme's own colours so they read on the red.
        |ui| buttons(ui, s, w, out),
        |ui| {
            // Severity and title in one label, so a listener hears them
            // once, as one name.
            let head = fill(
                t.banner_head,
                &[
                    ("severity", severity_word(info.severity)),
                    ("title", &info.title),
                ],
            );
            let head = RichText::new(head)
                .strong()
                .size(theme::size::WARNING_TITLE)
                .color(ink);
            let title = ui.add(egui::Label::new(head).truncate());
            spoken(ui, s, w, info, &title);
            if !rest.is_empty() {
                let titles: Vec<&str> = rest.iter().map(|(_, i)| i.title.as_str()).collect();
                ui.label(
                    RichText::new(fill(
                        plural(rest.len(), t.banner_and_more_one, t.banner_and_more),
                        &[("n", &rest.len().to_string())],
                    ))
                    .strong()
                    .color(ink),
                )
                .on_hover_text(fill(
                    t.banner_and_more_hint,
                    &[("titles", &crate::words::listed(&titles))],
                ));
            }
            // The message and its sources, cut to the line (all of it on
            // hover, and under Why?).
            let message = fill(
                t.banner_message,
                &[
                    ("message", &w.message(s.model)),
                    ("sources", &crate::words::listed(&info.sources)),
                ],
            );
            ui.add(
                egui::Label::new(
                    RichText::new(message)
                        .size(theme::size::WARNING_MESSAGE)
                        .color(ink),
                )
                .truncate(),
            );
        },
    );
}

/// What to do, in its first sentence, with the button to the levers; the
/// *Show me* hint instead while the attributes are outlined.
fn next_step(
    ui: &mut Ui,
    s: &State,
    w: &Warning,
    info: &WarningInfo,
    ink: Color32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    row(
        ui,
        |ui| {
            let r = ui
                .button(t.banner_levers)
                .on_hover_text(t.banner_levers_hint);
            let spoken = fill(
                t.warning_button,
                &[("button", t.banner_levers), ("title", &info.title)],
            );
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
            if r.clicked() {
                out.push(ViewAction::SetDockTab(DockTab::Levers).into());
            }
        },
        |ui| {
            let advice = w.advice(s.model);
            let line = if s.view.show_me == Some(w.id) {
                RichText::new(t.show_me_hint).strong()
            } else {
                let first = first_sentence(advice);
                RichText::new(fill(t.what_to_do, &[("advice", first)])).italics()
            };
            ui.add(egui::Label::new(line.color(ink)).truncate())
                .on_hover_text(advice);
        },
    );
}

/// The strip when no critical warning fires: calm, and where the others are.
fn calm(ui: &mut Ui, s: &State, ink: Color32) {
    let t = texts();
    let title = if s.active().is_some() {
        t.banner_calm
    } else {
        t.banner_calm_cluster
    };
    row(
        ui,
        |_| {},
        |ui| {
            ui.label(
                RichText::new(fill(t.banner_calm_head, &[("title", title)]))
                    .size(theme::size::WARNING_TITLE)
                    .color(ink),
            );
        },
    );
    let others = s.warnings().len();
    let line = match others {
        // As many checks as the model has warnings.
        0 => fill(t.banner_calm_none, &[("n", &checks_count())]),
        1 => t.banner_calm_one_other.to_owned(),
        n => fill(t.banner_calm_others, &[("n", &n.to_string())]),
    };
    row(
        ui,
        |_| {},
        |ui| {
            ui.add(egui::Label::new(RichText::new(line).weak()).truncate());
        },
    );
}

/// The first sentence of `text` (up to a full stop followed by a capital).
pub fn first_sentence(text: &str) -> &str {
    text.match_indices(". ")
        .find(|(i, _)| text[i + 2..].chars().next().is_some_and(char::is_uppercase))
        .map_or(text, |(i, _)| &text[..=i])
}

/// *Why?* of the strip's warning, at the top of the right-hand pane: the
/// message, the paper's argument, what to do, when the model says it fires,
/// and the sources, with a button to fold it again.
pub fn why_card(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let critical = critical(s);
    let Some(&(w, info)) = critical.first() else {
        return;
    };
    let open = s.view.why_open.contains(&w.id);
    // Scrolled into view the frame it opens (the pane may be scrolled down).
    let opened_before = egui::Id::unique("why-card-open");
    let was_open = ui.data(|d| d.get_temp::<bool>(opened_before).unwrap_or(false));
    ui.data_mut(|d| d.insert_temp(opened_before, open));
    if !open {
        return;
    }
    let t = texts();
    let card = card(ui, Severity::Critical, |ui, ink| {
        ui.label(RichText::new(&info.title).strong().color(ink));
        ui.label(w.message(s.model));
        explanation(ui, s, w, info, ink);
        sources(ui, info);
        // The theme's own colours, so the button reads on the red; and not
        // the strip's own label, so the two buttons are told apart.
        ui.visuals_mut().override_text_color = None;
        let close = ui.button(t.close);
        let spoken = fill(
            t.warning_button,
            &[("button", t.close), ("title", &info.title)],
        );
        close.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
        if close.clicked() {
            out.push(ViewAction::ToggleWhy(w.id).into());
        }
    });
    if !was_open {
        card.response.scroll_to_me(Some(Align::TOP));
    }
    ui.add_space(10.0);
}
