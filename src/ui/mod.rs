//! The views of the workbench window. Views only draw the state they are given
//! and push [`Action`]s; nothing here edits the document or touches files.

pub mod about;
pub mod attributes;
pub mod dialogs;
pub mod explain;
pub mod matrix;
pub mod menu;
pub mod plan;
pub mod shortcuts;
pub mod text;
pub mod theme;
pub mod trajectory;
pub mod warnings;

use crate::app::Dialog;
use crate::app::ViewState;
use crate::app::action::{Action, MatrixView};
use crate::app::document::Document;
use crate::app::settings::Settings;
use crate::cells::{Band, CellResult};
use crate::evaluation::Scenario;
use crate::model::Model;
use crate::warnings::Severity;
use egui::{CentralPanel, Panel, ScrollArea, Ui};
use std::path::Path;
use text::texts;

/// What the views are drawn from, borrowed for one frame.
pub struct State<'a> {
    pub model: &'a Model,
    pub model_path: Option<&'a Path>,
    pub doc: &'a Document,
    pub settings: &'a Settings,
    pub view: &'a ViewState,
    pub built_in_names: &'a [(String, String)],
    /// A file job is running.
    pub busy: bool,
}

impl State<'_> {
    /// Whether the preset has a plan with at least one entry.
    pub fn has_plan(&self) -> bool {
        !self.doc.preset().entries().is_empty()
    }

    /// The scenario the matrix shows: with the plan unless the user chose the
    /// baseline.
    pub fn shown(&self) -> &Scenario {
        let e = self.doc.evaluation();
        if self.has_plan() && self.settings.matrix_view == MatrixView::Baseline {
            &e.baseline
        } else {
            &e.with_plan
        }
    }

    /// The baseline cell, when the matrix shows the plan and the plan changes
    /// the cell.
    pub fn baseline_of(&self, index: usize) -> Option<&CellResult> {
        let e = self.doc.evaluation();
        let showing_plan = self.has_plan() && self.settings.matrix_view == MatrixView::WithPlan;
        let base = &e.baseline.cells[index];
        (showing_plan && base.strength != e.with_plan.cells[index].strength).then_some(base)
    }
}

/// The matrix's two views with their labels, for the switch above the matrix
/// and the View menu.
pub fn matrix_views() -> [(MatrixView, &'static str); 2] {
    let t = texts();
    [
        (MatrixView::WithPlan, t.matrix_with_plan),
        (MatrixView::Baseline, t.matrix_baseline),
    ]
}

/// The word for a band.
pub fn band_word(band: Band) -> &'static str {
    let t = texts();
    match band {
        Band::None => t.band_none,
        Band::Weak => t.band_weak,
        Band::Moderate => t.band_moderate,
        Band::Strong => t.band_strong,
    }
}

/// The label for a severity.
pub fn severity_word(severity: Severity) -> &'static str {
    let t = texts();
    match severity {
        Severity::Critical => t.severity_critical,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

/// A section heading in small capitals.
pub fn heading(ui: &mut Ui, text: &str) -> egui::Response {
    ui.label(
        egui::RichText::new(text)
            .strong()
            .size(13.0)
            .color(ui.visuals().strong_text_color()),
    )
}

/// The whole window.
pub fn workbench_ui(ui: &mut Ui, s: &State, dialog: &mut Option<Dialog>, out: &mut Vec<Action>) {
    Panel::top("menu").show(ui, |ui| menu::menu_bar(ui, s, out));
    warnings::banner_panel(ui, s, out);
    Panel::left("cluster")
        .resizable(true)
        .default_size(290.0)
        .size_range(260.0..=460.0)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("cluster-scroll")
                .show(ui, |ui| {
                    attributes::panel(ui, s, out);
                    ui.add_space(10.0);
                    plan::panel(ui, s);
                });
        });
    Panel::right("details")
        .resizable(true)
        .default_size(320.0)
        .size_range(280.0..=520.0)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("details-scroll")
                .show(ui, |ui| {
                    explain::detail_panel(ui, s, out);
                    ui.add_space(10.0);
                    warnings::list(ui, s);
                });
        });
    // The matrix keeps its natural height; the trajectory takes what is left
    // (at least a readable minimum, the column scrolling on a small screen).
    CentralPanel::default().show(ui, |ui| {
        let total = ui.available_height();
        ScrollArea::vertical()
            .id_salt("centre-scroll")
            .show(ui, |ui| {
                let top = ui.cursor().top();
                matrix::panel(ui, s, total * 0.56, out);
                ui.separator();
                let used = ui.cursor().top() - top;
                trajectory::panel(ui, s, (total - used).max(trajectory::MIN_HEIGHT), out);
            });
    });
    about::window(ui.ctx(), s, out);
    dialogs::show(ui.ctx(), dialog, &s.doc.preset().name, out);
}
