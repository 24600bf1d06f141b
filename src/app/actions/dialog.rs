//! Dialog actions: asking for a plan's name or a custom intervention, the
//! answers to the unsaved-changes dialog, and closing the dialog on top.

use crate::app::action::{DialogAction, DocAction, FileAction, NamePurpose, PathFor, Target};
use crate::app::custom::CustomDraft;
use crate::app::{Dialog, Workbench};
use crate::edit::unused_plan_name;
use crate::text::{fill, texts};

impl Workbench {
    pub(super) fn run_dialog(&mut self, action: DialogAction, ctx: &egui::Context) {
        match action {
            DialogAction::AskPlanName(purpose) => self.ask_plan_name(purpose),
            DialogAction::AskCustomIntervention => {
                if let Some(plan) = self.doc.active_plan() {
                    self.dialog = Some(Dialog::Custom(CustomDraft::new(plan)));
                }
            }
            DialogAction::CloseDialog => self.close_dialog(),
            DialogAction::ApplySurvey => self.apply_survey(ctx),
            DialogAction::SaveThen(then) => {
                self.dialog = None;
                if !self.doc.saves_in_place() && self.files.is_asking() {
                    // Another dialog is open: no save, so nothing follows.
                    self.view.status = Some(texts().files_busy.to_owned());
                    return;
                }
                self.after_save = Some(*then);
                self.run(FileAction::Save.into(), ctx);
            }
            // The user chose to discard unsaved changes: go on without asking.
            DialogAction::Confirmed(then) => {
                self.dialog = None;
                self.run(*then, ctx);
            }
        }
    }

    /// Applies what the survey review accepts, as one undo step, and
    /// closes it.
    fn apply_survey(&mut self, ctx: &egui::Context) {
        let Some(Dialog::SurveyReview(review)) = self.dialog.take() else {
            return;
        };
        let count = review.chosen().len();
        if count == 0 {
            return self.survey_applied(0);
        }
        let before = self.doc.revision();
        let edit = DocAction::Edit {
            edit: review.edit(),
            merge: false,
        };
        self.run(edit.into(), ctx);
        // A refused edit has said why in the status line already.
        if self.doc.revision() != before {
            self.survey_applied(count);
        }
    }

    fn close_dialog(&mut self) {
        // Cancelling the typed path of a save cancels what was to follow
        // it; closing any other dialog does not.
        if let Some(Dialog::PathPrompt { purpose, .. }) = &self.dialog {
            match purpose {
                PathFor::Save(Target::Preset) => self.after_save = None,
                PathFor::Save(Target::Export(_)) => self.picture = None,
                PathFor::Open | PathFor::Import => {}
            }
        }
        self.dialog = None;
    }

    fn ask_plan_name(&mut self, purpose: NamePurpose) {
        let t = texts();
        let preset = self.doc.preset();
        let text = match purpose {
            NamePurpose::New => {
                let stem = fill(
                    t.new_plan_stem,
                    &[("n", &(preset.plans.len() + 1).to_string())],
                );
                unused_plan_name(preset, &stem)
            }
            NamePurpose::Rename(i) => match preset.plan(i) {
                Some(p) => p.name.clone(),
                None => return,
            },
            NamePurpose::Duplicate(i) => match preset.plan(i) {
                Some(p) => unused_plan_name(preset, &fill(t.copy_of, &[("name", &p.name)])),
                None => return,
            },
        };
        self.dialog = Some(Dialog::PlanName { purpose, text });
    }
}
