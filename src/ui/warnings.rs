//! Warnings, impossible to miss: the first critical one in the strip across
//! the window (see [`super::banner`]), the others as cards by severity in the
//! right-hand pane, with a sign when the list goes on below what shows. Each
//! has its own *Why?* (the paper's argument, what to do, the rule) and its
//! own *Show me* (outlines the attributes that would clear it, as the model
//! file names them). Severity is written in words as well as coloured.

use super::{State, foot, severity_word, theme};
use crate::app::action::{Action, ViewAction};
use crate::model::warning::{Severity, WarningInfo};
use crate::text::{fill, texts};
use crate::warnings::Warning;
use crate::words::{checks_count, severity_spoken};
use egui::scroll_area::ScrollAreaOutput;
use egui::{Color32, Frame, InnerResponse, Margin, Rect, RichText, Ui};

/// The warnings shown, with their texts.
fn shown<'a>(s: &'a State) -> impl Iterator<Item = (&'a Warning, &'a WarningInfo)> + 'a {
    s.warnings().iter().map(|w| (w, s.model.warning(w.id)))
}

/// The two buttons of a warning: Show me and Why?, right to left. A listener
/// hears which warning each belongs to.
pub(super) fn buttons(ui: &mut Ui, s: &State, w: &Warning, out: &mut Vec<Action>) {
    let t = texts();
    let title = &s.model.warning(w.id).title;
    let mut toggle = |on: bool, (off_label, on_label): (&str, &str), action: Action| {
        let label = if on { on_label } else { off_label };
        let r = ui.button(label);
        let spoken = fill(t.warning_button, &[("button", label), ("title", title)]);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
        if r.clicked() {
            out.push(action);
        }
    };
    toggle(
        s.view.show_me == Some(w.id),
        (t.banner_show_me, t.banner_stop_showing),
        ViewAction::ToggleShowMe(w.id).into(),
    );
    toggle(
        s.view.why_open.contains(&w.id),
        (t.banner_why, t.banner_hide_why),
        ViewAction::ToggleWhy(w.id).into(),
    );
}

/// A warning as a listener hears it: severity and title, then the message.
pub(super) fn spoken(ui: &Ui, s: &State, w: &Warning, info: &WarningInfo, title: &egui::Response) {
    let name = fill(
        texts().warning_spoken,
        &[
            ("severity", severity_spoken(info.severity)),
            ("title", &info.title),
        ],
    );
    super::access::name(ui.ctx(), title.id, &name, || w.message(s.model));
}

/// A warning's card: the severity's fill, the pane's full width, and its ink
/// as the text colour of what `add` draws (given the ink too). The cards on
/// the right and the strip's *Why?* share it.
pub(super) fn card<R>(
    ui: &mut Ui,
    severity: Severity,
    add: impl FnOnce(&mut Ui, Color32) -> R,
) -> InnerResponse<R> {
    let (fill_colour, ink) = theme::severity_colours(severity, ui.visuals());
    Frame::new()
        .fill(fill_colour)
        .corner_radius(4.0)
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.visuals_mut().override_text_color = Some(ink);
            add(ui, ink)
        })
}

/// Why a warning fires: the paper's argument, what to do, and the model's
/// rule; what *Why?* unfolds, on a card and under the strip alike.
pub(super) fn explanation(ui: &mut Ui, s: &State, w: &Warning, info: &WarningInfo, ink: Color32) {
    let t = texts();
    ui.add_space(2.0);
    ui.label(RichText::new(&info.explanation).color(ink));
    ui.label(
        RichText::new(fill(t.what_to_do, &[("advice", w.advice(s.model))]))
            .italics()
            .color(ink),
    );
    ui.label(
        RichText::new(fill(t.rule_line, &[("rule", &info.rule)]))
            .small()
            .color(ink),
    );
}

/// The sources of a warning, in one small line.
pub(super) fn sources(ui: &mut Ui, info: &WarningInfo) {
    let line = fill(
        texts().sources_line,
        &[("sources", &crate::words::listed(&info.sources))],
    );
    ui.label(RichText::new(line).small());
}

/// What Show me and Why? unfold under a warning.
fn details(ui: &mut Ui, s: &State, w: &Warning, info: &WarningInfo, ink: Color32) {
    if s.view.show_me == Some(w.id) {
        ui.label(RichText::new(texts().show_me_hint).strong().color(ink));
    }
    if s.view.why_open.contains(&w.id) {
        explanation(ui, s, w, info, ink);
    }
}

/// The warnings the strip does not show, most serious first. Returns where
/// each card is drawn, for [`more_below`].
pub fn list(ui: &mut Ui, s: &State, out: &mut Vec<Action>) -> Vec<Rect> {
    let t = texts();
    super::heading(ui, t.warnings_heading);
    let in_strip = super::banner::critical(s).first().map(|(w, _)| w.id);
    let mut cards: Vec<(&Warning, &WarningInfo)> =
        shown(s).filter(|(w, _)| Some(w.id) != in_strip).collect();
    cards.sort_by_key(|(_, info)| info.severity);
    if cards.is_empty() && shown(s).next().is_none() {
        ui.label(RichText::new(fill(t.warnings_none, &[("n", &checks_count())])).weak());
    }
    let mut places = Vec::new();
    for (w, info) in cards {
        let card = card(ui, info.severity, |ui, ink| {
            let heading = fill(
                t.warning_card_title,
                &[
                    ("severity", severity_word(info.severity)),
                    ("title", &info.title),
                ],
            );
            let title = ui.label(RichText::new(heading).strong());
            spoken(ui, s, w, info, &title);
            ui.label(w.message(s.model));
            ui.horizontal(|ui| {
                // The theme's own colours, so the buttons read on any card.
                ui.visuals_mut().override_text_color = None;
                buttons(ui, s, w, out);
            });
            details(ui, s, w, info, ink);
            sources(ui, info);
        });
        places.push(card.response.rect);
        ui.add_space(4.0);
    }
    places
}

/// The right-hand pane's scroll area, for its sign at the foot.
pub const PANE: foot::Area = foot::Area("details");

/// A sign at the foot of the right-hand pane while it goes on below what
/// shows: how many warning cards are out of sight, or only that there is
/// more. Clicking it scrolls the first of them into view.
pub fn more_below(ui: &mut Ui, pane: &ScrollAreaOutput<Vec<Rect>>) {
    if !foot::hides_below(pane) {
        return;
    }
    let t = texts();
    let view = pane.inner_rect;
    let sign_height = foot::height(ui);
    // A card is out of sight when its top is under the sign.
    let unseen: Vec<&Rect> = pane
        .inner
        .iter()
        .filter(|r| r.top() > view.bottom() - sign_height)
        .collect();
    let text = match unseen.len() {
        0 => t.more_below_other.to_owned(),
        1 => t.more_below_one.to_owned(),
        n => fill(t.more_below, &[("n", &n.to_string())]),
    };
    // The first card out of sight to the top, or one view further on.
    let step = unseen
        .first()
        .map_or(view.height() - sign_height, |r| r.top() - view.top());
    foot::sign(ui, pane, PANE, text, t.more_below_hint, step);
}
