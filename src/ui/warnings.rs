//! Warnings, impossible to miss: critical ones in a banner across the window
//! with what to do and buttons that explain and show; the others listed by
//! severity. Severity is written in words as well as coloured.

use super::{State, severity_word, theme};
use crate::app::action::Action;
use crate::model::warning::{Severity, WarningInfo};
use crate::text::{fill, num, texts};
use crate::warnings::Warning;
use egui::{Frame, Margin, Panel, RichText, Ui};

/// The critical warnings, shown in the banner.
fn critical<'a>(s: &'a State) -> impl Iterator<Item = (&'a Warning, &'a WarningInfo)> + 'a {
    s.warnings()
        .iter()
        .map(|w| (w, s.model.warning(w.id)))
        .filter(|(_, info)| info.severity == Severity::Critical)
}

/// The banner panel across the top of the window, when a critical warning fires.
pub fn banner_panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    if critical(s).next().is_none() {
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
            for (w, info) in critical(s) {
                banner(ui, s, w, info, ink, out);
            }
        });
}

fn banner(
    ui: &mut Ui,
    s: &State,
    w: &Warning,
    info: &WarningInfo,
    ink: egui::Color32,
    out: &mut Vec<Action>,
) {
    let t = texts();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("⚠ {}", severity_word(info.severity)))
                .strong()
                .size(15.5)
                .color(ink),
        );
        ui.label(RichText::new(&info.title).strong().size(15.5).color(ink));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Buttons keep the theme's own colours so they read on the red.
            let show = if s.view.show_levers {
                t.banner_stop_showing
            } else {
                t.banner_show_me
            };
            if ui.button(show).clicked() {
                out.push(Action::ToggleShowLevers);
            }
            let why = if s.view.why_open {
                t.banner_hide_why
            } else {
                t.banner_why
            };
            if ui.button(why).clicked() {
                out.push(Action::ToggleWhy);
            }
        });
    });
    // The sources close the message in smaller type, keeping the banner short.
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style().clone();
    for (text, size) in [
        (w.message(s.model), 14.0),
        (format!("   ({})", info.sources.join("; ")), 12.0),
    ] {
        RichText::new(text).size(size).color(ink).append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    ui.label(job);
    if s.view.show_levers {
        let threshold = s
            .model
            .file
            .warnings
            .supply_without_demand
            .thresholds
            .pull_below;
        ui.label(
            RichText::new(fill(t.show_me_hint, &[("threshold", &num(threshold))]))
                .strong()
                .color(ink),
        );
    }
    if s.view.why_open {
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
pub fn list(ui: &mut Ui, s: &State) {
    let t = texts();
    super::heading(ui, t.warnings_heading);
    let mut shown: Vec<(&Warning, &WarningInfo)> = s
        .warnings()
        .iter()
        .map(|w| (w, s.model.warning(w.id)))
        .filter(|(_, info)| info.severity != Severity::Critical)
        .collect();
    shown.sort_by_key(|(_, info)| info.severity);
    let critical_count = critical(s).count();
    if shown.is_empty() && critical_count == 0 {
        ui.label(RichText::new(t.warnings_none).weak());
    }
    for (w, info) in shown {
        let (fill_colour, ink) = theme::severity_colours(info.severity, ui.visuals());
        Frame::new()
            .fill(fill_colour)
            .corner_radius(4.0)
            .inner_margin(Margin::same(8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.visuals_mut().override_text_color = Some(ink);
                ui.label(
                    RichText::new(format!("{} · {}", severity_word(info.severity), info.title))
                        .strong(),
                );
                ui.label(w.message(s.model));
                // Each card's fold has its own id: the label is the same on all.
                egui::CollapsingHeader::new(RichText::new(t.what_to_do).small())
                    .id_salt(("what-to-do", w.id.id()))
                    .show(ui, |ui| {
                        ui.label(w.advice(s.model));
                        ui.label(RichText::new(&info.explanation).small());
                        ui.label(RichText::new(format!("{}: {}", t.when_label, info.rule)).small());
                    })
                    .header_response
                    .on_hover_text(w.advice(s.model));
                ui.label(
                    RichText::new(format!("{}: {}", t.sources_label, info.sources.join("; ")))
                        .small(),
                );
            });
        ui.add_space(4.0);
    }
}
