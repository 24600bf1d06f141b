//! Notices: what the workbench must tell the user once and not let slip by
//! in the status line (a damaged settings file set aside, unsaved work that
//! cannot be kept for recovery), in a strip under the menu, each with
//! Dismiss; and what an edit just did ("Added …", "Now warned: …"), for a
//! few seconds in a corner, over the window so nothing moves.

use super::{State, theme};
use crate::app::action::{Action, ViewAction};
use crate::model::warning::Severity;
use crate::text::texts;
use egui::{Align2, Frame, Margin, Order, Panel, Ui};

/// The strip, when there is anything to show.
pub fn panel(ui: &mut Ui, s: &State, out: &mut Vec<Action>) {
    if s.view.notices.is_empty() {
        return;
    }
    let (fill, ink) = theme::severity_colours(Severity::Info, ui.visuals());
    Panel::top("notices")
        .frame(
            Frame::new()
                .fill(fill)
                .inner_margin(Margin::symmetric(14, 6)),
        )
        .show(ui, |ui| {
            for (i, notice) in s.view.notices.iter().enumerate() {
                // The notice reads from the left and wraps; Dismiss on the
                // right of the same row.
                ui.horizontal(|ui| {
                    let button = 90.0;
                    let text_width = (ui.available_width() - button).max(120.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(text_width, 0.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.add(egui::Label::new(egui::RichText::new(notice).color(ink)).wrap())
                        },
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(texts().dismiss).clicked() {
                            out.push(ViewAction::DismissNotice(i).into());
                        }
                    });
                });
            }
        });
}

/// The notice of what the last edit did, in the bottom-right corner, fading
/// out as the workbench's clock says; clicks go through to what is under it.
pub fn toast(ctx: &egui::Context, s: &State) {
    let Some(toast) = &s.view.toast else {
        return;
    };
    let opacity = toast.opacity(s.now);
    if opacity <= 0.0 {
        return;
    }
    egui::Area::new(egui::Id::unique("edit-notice"))
        .order(Order::Foreground)
        .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .interactable(false)
        .show(ctx, |ui| {
            ui.multiply_opacity(opacity);
            Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(340.0);
                for line in &toast.lines {
                    ui.add(egui::Label::new(line.as_str()).wrap());
                }
            });
        });
}
