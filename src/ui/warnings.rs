//! Warnings, impossible to miss: critical ones in a banner across the window,
//! the others as cards by severity. Each has its own *Why?* (the paper's
//! argument, what to do, the rule) and its own *Show me* (outlines the
//! attributes that would clear it, as the model file names them). Severity is
//! written in words as well as coloured.

use super::{State, severity_word, theme};
use crate::app::action::{Action, ViewAction};
use crate::model::warning::{Severity, WarningInfo};
use crate::text::{fill, texts};
use crate::warnings::Warning;
use crate::words::severity_spoken;
use egui::{Color32, Frame, Margin, Panel, RichText, Ui};

/// The warnings shown, with their texts.
fn shown<'a>(s: &'a State) -> impl Iterator<Item = (&'a Warning, &'a WarningInfo)> + 'a {
    s.warnings().iter().map(|w| (w, s.model.warning(w.id)))
}

/// The banner panel across the top of the window, when a critical warning fires.
pub fn banner_panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let critical = |info: &WarningInfo| info.severity == Severity::Critical;
    if !shown(s).any(|(_, info)| critical(info)) {
        return;
    }
    let (fill_colour, ink) = theme::severity_colours(Severity::Critical, ui.visuals());
    Panel::top("critical-banner")
        .frame(
            Frame::new()
                .fill(fill_colour)
                .inner_margin(Margin::symmetric(14, 6)),
        )
        .show(ui, |ui| {
            for (w, info) in shown(s).filter(|(_, info)| critical(info)) {
                banner(ui, s, w, info, ink, out);
            }
        });
}

/// The two buttons of a warning: Show me and Why?, right to left. A listener
/// hears which warning each belongs to.
fn buttons(ui: &mut Ui, s: &State, w: &Warning, out: &mut Vec<Action>) {
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

fn banner(
    ui: &mut Ui,
    s: &State,
    w: &Warning,
    info: &WarningInfo,
    ink: Color32,
    out: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        // Severity and title in one label, so a listener hears them once,
        // as one name.
        let mut head = egui::text::LayoutJob::default();
        let style = ui.style().clone();
        for text in [
            format!("⚠ {}   ", severity_word(info.severity)),
            info.title.clone(),
        ] {
            RichText::new(text)
                .strong()
                .size(theme::size::WARNING_TITLE)
                .color(ink)
                .append_to(
                    &mut head,
                    &style,
                    egui::FontSelection::Default,
                    egui::Align::Center,
                );
        }
        let title = ui.label(head);
        spoken(ui, s, w, info, &title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Buttons keep the theme's own colours so they read on the red.
            buttons(ui, s, w, out);
        });
    });
    // The sources close the message in smaller type, keeping the banner short.
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style().clone();
    for (text, size) in [
        (w.message(s.model), theme::size::WARNING_MESSAGE),
        (
            format!("   ({})", info.sources.join("; ")),
            theme::size::NOTE,
        ),
    ] {
        RichText::new(text).size(size).color(ink).append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    ui.label(job);
    details(ui, s, w, info, ink);
}

/// A warning as a listener hears it: severity and title, then the message.
fn spoken(ui: &Ui, s: &State, w: &Warning, info: &WarningInfo, title: &egui::Response) {
    let name = fill(
        texts().warning_spoken,
        &[
            ("severity", severity_spoken(info.severity)),
            ("title", &info.title),
        ],
    );
    super::access::name(ui.ctx(), title.id, &name, || w.message(s.model));
}

/// What Show me and Why? unfold under a warning.
fn details(ui: &mut Ui, s: &State, w: &Warning, info: &WarningInfo, ink: Color32) {
    let t = texts();
    if s.view.show_me == Some(w.id) {
        ui.label(RichText::new(t.show_me_hint).strong().color(ink));
    }
    if s.view.why_open.contains(&w.id) {
        ui.add_space(2.0);
        ui.label(RichText::new(&info.explanation).color(ink));
        ui.label(
            RichText::new(format!("{}: {}", t.what_to_do, w.advice(s.model)))
                .italics()
                .color(ink),
        );
        ui.label(
            RichText::new(format!("{}: {}", t.when_label, info.rule))
                .small()
                .color(ink),
        );
    }
}

/// The non-critical warnings, most serious first.
pub fn list(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    let t = texts();
    super::heading(ui, t.warnings_heading);
    let mut cards: Vec<(&Warning, &WarningInfo)> = shown(s)
        .filter(|(_, info)| info.severity != Severity::Critical)
        .collect();
    cards.sort_by_key(|(_, info)| info.severity);
    if cards.is_empty() && shown(s).next().is_none() {
        ui.label(RichText::new(t.warnings_none).weak());
    }
    for (w, info) in cards {
        let (fill_colour, ink) = theme::severity_colours(info.severity, ui.visuals());
        Frame::new()
            .fill(fill_colour)
            .corner_radius(4.0)
            .inner_margin(Margin::same(8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.visuals_mut().override_text_color = Some(ink);
                let title = ui.label(
                    RichText::new(format!("{} · {}", severity_word(info.severity), info.title))
                        .strong(),
                );
                spoken(ui, s, w, info, &title);
                ui.label(w.message(s.model));
                ui.horizontal(|ui| buttons(ui, s, w, out));
                details(ui, s, w, info, ink);
                ui.label(
                    RichText::new(format!("{}: {}", t.sources_label, info.sources.join("; ")))
                        .small(),
                );
            });
        ui.add_space(4.0);
    }
}
