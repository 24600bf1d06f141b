//! Modal dialogs: unsaved changes, errors, and a typed path where the desktop
//! has no file dialog. The text of the path field is the dialog's own state.

use super::text::{fill, texts};
use crate::app::Dialog;
use crate::app::action::Action;
use egui::{Id, Modal, RichText};
use std::path::PathBuf;

/// Shows the dialog on top, if any.
/// `name` is the open preset's name, for the unsaved-changes question.
pub fn show(ctx: &egui::Context, dialog: &mut Option<Dialog>, name: &str, out: &mut Vec<Action>) {
    let t = texts();
    let Some(d) = dialog else { return };
    let response = Modal::new(Id::unique("cluster-workbench-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match d {
            Dialog::Unsaved { then } => {
                ui.heading(t.unsaved_title);
                ui.label(fill(t.unsaved_body, &[("name", name)]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t.unsaved_save).clicked() {
                        out.push(Action::SaveThen(then.clone()));
                    }
                    if ui.button(t.unsaved_discard).clicked() {
                        out.push(Action::Confirmed(then.clone()));
                    }
                    if ui.button(t.cancel).clicked() {
                        out.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                ui.add_space(8.0);
                if ui.button(t.ok).clicked() {
                    out.push(Action::CloseDialog);
                }
            }
            Dialog::PathPrompt { saving, text, note } => {
                ui.heading(if *saving {
                    t.path_prompt_save
                } else {
                    t.path_prompt_open
                });
                if let Some(note) = note {
                    ui.label(RichText::new(note.as_str()).small());
                }
                let label = ui.label(t.path_label);
                let field = ui
                    .add(egui::TextEdit::singleline(text).desired_width(460.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let ok = ui
                        .add_enabled(!text.trim().is_empty(), egui::Button::new(t.ok))
                        .clicked();
                    if (ok || entered) && !text.trim().is_empty() {
                        let path = PathBuf::from(text.trim());
                        out.push(Action::CloseDialog);
                        out.push(if *saving {
                            Action::SaveTo(path)
                        } else {
                            Action::OpenPath(path)
                        });
                    }
                    if ui.button(t.cancel).clicked() {
                        out.push(Action::CloseDialog);
                    }
                });
            }
        }
    });
    if response.should_close() && !matches!(d, Dialog::Unsaved { .. }) {
        out.push(Action::CloseDialog);
    }
}
