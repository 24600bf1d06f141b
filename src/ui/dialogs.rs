//! Modal dialogs: unsaved changes, errors, a typed path where the desktop has
//! no file dialog, an export written (with buttons to open it and its
//! folder), a plan's name, and a custom intervention. What is typed
//! into a dialog is the dialog's own state until it is confirmed.

use super::State;
use crate::app::Dialog;
use crate::app::action::{
    Action, DialogAction, DocAction, FileAction, NamePurpose, PathFor, Target,
};
use crate::app::files::save_dialog_words;
use crate::edit::Edit;
use crate::plan::rules;
use crate::text::{fill, plural, texts};
use egui::{Id, Modal, RichText, Ui};
use std::path::PathBuf;

/// Where a dialog remembers that its first field has been given the focus.
fn focus_key() -> Id {
    Id::unique("dialog-field-focused")
}

/// Gives a dialog's first field the keyboard focus once, when it opens, with
/// its text (`text`) selected, so the user can type over a proposed name at
/// once, and Tab still leaves the field.
pub fn focus_once(ui: &Ui, field: &egui::Response, text: &str) {
    if !ui.data(|d| d.get_temp::<bool>(focus_key()).unwrap_or(false)) {
        field.request_focus();
        let mut state =
            egui::text_edit::TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), field.id);
        ui.data_mut(|d| d.insert_temp(focus_key(), true));
    }
}

/// Shows the dialog on top, if any.
pub fn show(ctx: &egui::Context, s: &State, dialog: &mut Option<Dialog>, out: &mut Vec<Action>) {
    let Some(d) = dialog else {
        ctx.data_mut(|d| d.remove::<bool>(focus_key()));
        return;
    };
    // A path is shown whole: its dialog is as wide as the window allows.
    let width = match d {
        Dialog::PathPrompt { .. } | Dialog::Exported { .. } => path_width(ctx),
        Dialog::SurveyReview(_) => super::survey::REVIEW_WIDTH,
        _ => 560.0,
    };
    let response = Modal::new(Id::unique("cluster-workbench-dialog")).show(ctx, |ui| {
        ui.set_max_width(width);
        match d {
            Dialog::Unsaved { then } => unsaved(ui, s, then, out),
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                ui.add_space(8.0);
                if ui.button(texts().ok).clicked() {
                    out.push(DialogAction::CloseDialog.into());
                }
            }
            Dialog::PathPrompt {
                purpose,
                text,
                note,
            } => path_prompt(ui, *purpose, text, note, out),
            Dialog::Exported { what, path } => exported(ui, what, path, out),
            Dialog::PlanName { purpose, text } => plan_name(ui, s, *purpose, text, out),
            Dialog::Custom(draft) => super::custom::form(ui, s, draft, out),
            Dialog::Recover { body, more } => recover(ui, body, *more, out),
            Dialog::SurveyReview(review) => super::survey::review(ui, s, review, out),
        }
    });
    // Work at stake is decided by a button, not by a click beside the dialog.
    let explicit = matches!(
        d,
        Dialog::Unsaved { .. } | Dialog::Recover { .. } | Dialog::SurveyReview(_)
    );
    // What was typed is not thrown away by a click beside the dialog (a
    // click meant for the window behind): only Cancel or Escape close it.
    let typed = matches!(
        d,
        Dialog::PathPrompt { .. } | Dialog::PlanName { .. } | Dialog::Custom(_)
    );
    let outside = response.backdrop_response.clicked();
    if response.should_close() && !explicit && !(typed && outside) {
        out.push(DialogAction::CloseDialog.into());
    }
}

fn unsaved(ui: &mut Ui, s: &State, then: &Action, out: &mut Vec<Action>) {
    let t = texts();
    ui.heading(t.unsaved_title);
    ui.label(fill(t.unsaved_body, &[("name", &s.doc.preset().name)]));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t.unsaved_save).clicked() {
            out.push(DialogAction::SaveThen(Box::new(then.clone())).into());
        }
        if ui.button(t.unsaved_discard).clicked() {
            out.push(DialogAction::Confirmed(Box::new(then.clone())).into());
        }
        if ui.button(t.cancel).clicked() {
            out.push(DialogAction::CloseDialog.into());
        }
    });
}

fn recover(ui: &mut Ui, body: &str, more: usize, out: &mut Vec<Action>) {
    let t = texts();
    ui.heading(t.recover_title);
    ui.label(body);
    if more > 0 {
        ui.label(fill(
            plural(more, t.recover_more_one, t.recover_more),
            &[("n", &more.to_string())],
        ));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let restore = ui.button(RichText::new(t.recover_restore).strong());
        if restore.on_hover_text(t.recover_restore_hint).clicked() {
            out.push(FileAction::Restore.into());
        }
        let discard = ui.button(t.recover_discard);
        if discard.on_hover_text(t.recover_discard_hint).clicked() {
            out.push(FileAction::DiscardRecovered.into());
        }
        let later = ui.button(t.recover_later);
        if later.on_hover_text(t.recover_later_hint).clicked() {
            out.push(FileAction::RecoverLater.into());
        }
    });
}

/// OK and Cancel; OK (or Enter in `field`) confirms when `valid`. Returns
/// whether the user confirmed.
pub fn ok_cancel(ui: &mut Ui, field: &egui::Response, valid: bool, out: &mut Vec<Action>) -> bool {
    let t = texts();
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut confirmed = false;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(valid, egui::Button::new(t.ok)).clicked();
        confirmed = (ok || entered) && valid;
        if ui.button(t.cancel).clicked() {
            out.push(DialogAction::CloseDialog.into());
        }
    });
    confirmed
}

fn path_prompt(
    ui: &mut Ui,
    purpose: PathFor,
    text: &mut String,
    note: &Option<String>,
    out: &mut Vec<Action>,
) {
    let t = texts();
    ui.heading(match purpose {
        PathFor::Open => t.path_prompt_open,
        PathFor::Import => crate::text::survey::survey_texts().import_dialog_title,
        PathFor::Save(Target::Preset) => t.path_prompt_save,
        PathFor::Save(target) => save_dialog_words(target).0,
    });
    if let Some(note) = note {
        ui.label(RichText::new(note.as_str()).small());
    }
    let label = ui.label(t.path_label);
    // As wide as the dialog, so that a path as the workbench suggests it
    // (a documents folder and a file name) fits with its start in view.
    ui.set_min_width(ui.max_rect().width());
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    focus_once(ui, &field, text);
    // Longer than the field: the whole path, wrapped, under it.
    let needs = super::one_line_width(ui, text.as_str());
    if needs > field.rect.width() - 8.0 {
        ui.add(egui::Label::new(RichText::new(text.as_str()).small()).wrap());
    }
    if ok_cancel(ui, &field, !text.trim().is_empty(), out) {
        // Not CloseDialog: that would cancel what was to follow the save;
        // the app closes the prompt when it takes the path.
        let path = PathBuf::from(text.trim());
        out.push(match purpose {
            PathFor::Open => FileAction::OpenPath(path).into(),
            PathFor::Import => FileAction::ImportResponsesFrom(path).into(),
            PathFor::Save(Target::Preset) => FileAction::SaveTo(path).into(),
            PathFor::Save(Target::Export(export)) => FileAction::ExportTo(export, path).into(),
        });
    }
}

/// The width of a dialog that shows a path: most of the window, within
/// reason.
fn path_width(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().width() - 120.0).clamp(360.0, 900.0)
}

/// An export written: what, where (the whole path), and what to do with it.
fn exported(ui: &mut Ui, what: &str, path: &std::path::Path, out: &mut Vec<Action>) {
    let t = texts();
    ui.heading(t.exported_title);
    // In the browser the file is a download: the browser shows it, and
    // there is no folder to open.
    let on_disk = crate::platform::HAS_FOLDERS;
    let body = if on_disk {
        t.exported_body
    } else {
        t.exported_download_body
    };
    ui.label(fill(body, &[("what", what)]));
    ui.add(egui::Label::new(RichText::new(path.display().to_string()).strong()).wrap());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if !on_disk {
            if ui.button(t.close).clicked() {
                out.push(DialogAction::CloseDialog.into());
            }
            return;
        }
        let open = ui.button(RichText::new(t.open_file).strong());
        if open.on_hover_text(t.open_file_hint).clicked() {
            out.push(DialogAction::CloseDialog.into());
            out.push(FileAction::OpenFile(path.to_path_buf()).into());
        }
        let folder = ui.button(t.show_folder);
        if folder.on_hover_text(t.show_folder_hint).clicked() {
            out.push(DialogAction::CloseDialog.into());
            out.push(FileAction::ShowFolder(path.to_path_buf()).into());
        }
        if ui.button(t.close).clicked() {
            out.push(DialogAction::CloseDialog.into());
        }
    });
}

/// A plan's name, checked as it is typed by the rule a file is read with.
fn plan_name(
    ui: &mut Ui,
    s: &State,
    purpose: NamePurpose,
    text: &mut String,
    out: &mut Vec<Action>,
) {
    let t = texts();
    ui.heading(match purpose {
        NamePurpose::New => t.new_plan_title,
        NamePurpose::Rename(_) => t.rename_plan_title,
        NamePurpose::Duplicate(_) => t.duplicate_plan_title,
    });
    let label = ui.label(t.plan_name_label);
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(420.0))
        .labelled_by(label.id);
    focus_once(ui, &field, text);
    let plans = &s.doc.preset().plans;
    let others = plans
        .iter()
        .enumerate()
        .filter(|(i, _)| purpose != NamePurpose::Rename(*i))
        .map(|(_, p)| p.name.as_str());
    let verdict = rules::plan_name_among(text, others);
    if let Err(e) = &verdict {
        ui.label(RichText::new(e.to_string()).color(ui.visuals().error_fg_color));
    }
    if ok_cancel(ui, &field, verdict.is_ok(), out) {
        let name = text.clone();
        let edit = match purpose {
            NamePurpose::New => Edit::AddPlan { name },
            NamePurpose::Rename(plan) => Edit::RenamePlan { plan, name },
            NamePurpose::Duplicate(plan) => Edit::DuplicatePlan { plan, name },
        };
        out.push(DialogAction::CloseDialog.into());
        out.push(DocAction::Edit { edit, merge: false }.into());
    }
}
