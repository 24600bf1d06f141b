//! The views of the workbench window. Views only draw the state they are given
//! and push [`Action`]s; nothing here edits the document or touches files.
//! [`frame`] runs one frame: it draws everything, then hands the actions to
//! the [`Workbench`] to apply.

pub mod about;
pub mod access;
pub mod attributes;
pub mod banner;
pub mod chain;
pub mod commands;
pub mod compare;
pub mod costs;
pub mod custom;
pub mod dialogs;
pub mod dock;
pub mod entry;
pub mod evidence;
pub mod explain;
pub mod fields;
pub mod foot;
pub mod levers;
pub mod matrix;
pub mod menu;
pub mod notices;
pub mod plans;
pub mod survey;
pub mod theme;
pub mod timeline;
pub mod trajectory;
pub mod warnings;
pub mod workshop;

use crate::app::action::{Action, FileAction, MatrixView};
use crate::app::analysis::Analysis;
use crate::app::document::Document;
use crate::app::settings::Settings;
use crate::app::{Dialog, ViewState, Workbench};
use crate::cells::CellResult;
use crate::evaluation::{Changes, Scenario};
use crate::model::Model;
use crate::model::catalogue::Side;
use crate::plan::Plan;
use crate::text::texts;
use crate::warnings::Warning;
pub use crate::words::{band_word, money, severity_word, stage_word};
use egui::{CentralPanel, Panel, ScrollArea, Ui};
use std::path::Path;

/// What the views are drawn from, borrowed for one frame.
pub struct State<'a> {
    pub model: &'a Model,
    pub model_path: Option<&'a Path>,
    pub doc: &'a Document,
    pub settings: &'a Settings,
    pub view: &'a ViewState,
    pub built_in: &'a [crate::preset::builtin::Listed],
    /// A file job is running.
    pub busy: bool,
    /// A file dialog is open or a file is being read.
    pub asking: bool,
    /// The latest analyses (levers, bands), when any has finished.
    pub analysis: Option<&'a Analysis>,
    /// Whether they answer the document as it is (else they are refreshing).
    pub analysis_current: bool,
    /// The selected entry's results chain and its words, when its tab is
    /// showing.
    pub chain: Option<(
        &'a crate::chain::ResultsChain,
        &'a crate::chain::describe::Described,
    )>,
    /// The frame's time on the workbench's clock (egui's input time), in
    /// seconds: what fades a notice.
    pub now: f64,
}

impl State<'_> {
    /// The active plan and its index, if the preset has plans.
    pub fn active(&self) -> Option<(usize, &Plan)> {
        let i = self.doc.active_plan()?;
        self.doc.preset().plan(i).map(|p| (i, p))
    }

    /// The active plan's scenario, or the baseline when there is no plan.
    pub fn with_plan(&self) -> &Scenario {
        self.doc.evaluation().scenario(self.doc.active_plan())
    }

    /// The warnings the window shows: the active plan's, or the baseline's.
    pub fn warnings(&self) -> &[Warning] {
        self.doc.evaluation().warnings(self.doc.active_plan())
    }

    /// The matrix's view: the user's choice where there is a plan to compare
    /// with, otherwise the cluster as it is.
    pub fn matrix_view(&self) -> MatrixView {
        if self.active().is_some() {
            self.settings.matrix_view
        } else {
            MatrixView::WithPlan
        }
    }

    /// The scenario the matrix shows (for the difference view, the plan's).
    pub fn shown(&self) -> &Scenario {
        match self.matrix_view() {
            MatrixView::Baseline => &self.doc.evaluation().baseline,
            MatrixView::WithPlan | MatrixView::Difference => self.with_plan(),
        }
    }

    /// The baseline cell, when the matrix shows the plan and the plan changes
    /// the cell.
    pub fn baseline_of(&self, index: usize) -> Option<&CellResult> {
        let base = &self.doc.evaluation().baseline.cells[index];
        let with = &self.with_plan().cells[index];
        (self.matrix_view() != MatrixView::Baseline && base.strength != with.strength)
            .then_some(base)
    }

    /// The baseline cell, where the plan raises cell `index` above it.
    pub fn raised_from(&self, index: usize) -> Option<&CellResult> {
        let with = &self.with_plan().cells[index];
        self.baseline_of(index)
            .filter(|b| b.strength < with.strength)
    }

    /// How the active plan changes every cell and effort (worked out with
    /// the evaluation, not per frame); `None` without a plan.
    pub fn differences(&self) -> Option<&Changes> {
        self.doc.evaluation().changes(self.doc.active_plan())
    }

    /// The name of a side, from the model file.
    pub fn side_name(&self, side: Side) -> &str {
        self.model.side_name(side)
    }
}

/// The matrix's views with their labels, for the switch above the matrix and
/// the View menu.
pub fn matrix_views() -> [(MatrixView, &'static str); 3] {
    let t = texts();
    [
        (MatrixView::WithPlan, t.matrix_with_plan),
        (MatrixView::Baseline, t.matrix_baseline),
        (MatrixView::Difference, t.matrix_difference),
    ]
}

/// A section heading in small capitals.
pub fn heading(ui: &mut Ui, text: &str) -> egui::Response {
    ui.label(
        egui::RichText::new(text)
            .strong()
            .size(theme::size::SECTION_HEADING)
            .color(ui.visuals().strong_text_color()),
    )
}

/// The size `text` takes on one line, unwrapped, in `style` where the text
/// sets no font of its own: how the views measure a text before drawing it
/// (to choose a layout that fits).
pub fn one_line_size(
    ui: &Ui,
    text: impl Into<egui::WidgetText>,
    style: egui::TextStyle,
) -> egui::Vec2 {
    text.into()
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
        .size()
}

/// The width `text` takes on one line, in body text where it sets no font.
pub fn one_line_width(ui: &Ui, text: impl Into<egui::WidgetText>) -> f32 {
    one_line_size(ui, text, egui::TextStyle::Body).x
}

/// One frame: draw the window from the workbench's state, then apply what
/// the user did.
pub fn frame(ui: &mut Ui, wb: &mut Workbench) {
    let ctx = ui.ctx().clone();
    let now = ctx.input(|i| i.time);
    wb.enter_locale();
    wb.poll_files(&ctx);
    wb.open_dropped(&ctx);
    wb.follow_analysis();
    wb.fit_workshop_zoom(&ctx);
    let mut actions = Vec::new();
    if wb.dialog.is_none() {
        commands::pressed(&ctx, wb.view.presenting, &mut actions);
    }
    while let Some(picture) = wb.next_picture() {
        actions.push(FileAction::PictureTaken(picture).into());
    }
    if ctx.input(|i| i.viewport().close_requested()) && wb.close_needs_confirmation() {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        actions.push(FileAction::Quit.into());
    }
    // The dialog is the one thing views edit in place (its text fields); it is
    // taken out while the rest of the workbench is lent to the views.
    let mut dialog = wb.dialog.take();
    // Only the Results chain tab needs the chain: other tabs do not pay for
    // it while a slider is dragged, nor see one that may be stale.
    let chain_shown = wb.settings.dock == crate::app::action::DockTab::Chain;
    if chain_shown {
        wb.chain.refresh(&wb.model, &wb.doc, &wb.view);
    }
    let (analysis, analysis_current) = wb.analysis();
    let state = State {
        model: &wb.model,
        model_path: wb.model_path.as_deref(),
        doc: &wb.doc,
        settings: &wb.settings,
        view: &wb.view,
        built_in: &wb.built_in,
        busy: wb.is_busy(),
        asking: wb.is_asking(),
        analysis,
        analysis_current,
        chain: wb.chain.get().filter(|_| chain_shown),
        now,
    };
    if state.view.presenting {
        if dialog.is_none() {
            workshop::keys(&ctx, &state, &mut actions);
        }
        workshop::window(ui, &state, &mut actions);
        dialogs::show(&ctx, &state, &mut dialog, &mut actions);
    } else {
        workbench_ui(ui, &state, &mut dialog, &mut actions);
    }
    wb.dialog = dialog;
    for action in actions {
        wb.apply(action, &ctx);
    }
    wb.ask_analysis();
    wb.request_picture(&ctx);
    // The next frame the clock needs: to keep unsaved work, or to fade the
    // notice of an edit.
    for wait in [wb.keep_for_recovery(now), wb.keep_toast(now)]
        .into_iter()
        .flatten()
    {
        if let Ok(wait) = std::time::Duration::try_from_secs_f64(wait) {
            ctx.request_repaint_after(wait);
        }
    }
    wb.update_title(&ctx);
}

/// The whole window.
fn workbench_ui(ui: &mut Ui, s: &State, dialog: &mut Option<Dialog>, out: &mut Vec<Action>) {
    Panel::top("menu").show(ui, |ui| menu::menu_bar(ui, s, out));
    notices::panel(ui, s, out);
    banner::panel(ui, s, out);
    Panel::left("cluster")
        .resizable(true)
        .default_size(290.0)
        .size_range(260.0..=460.0)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("cluster-scroll")
                .auto_shrink(false)
                .show(ui, |ui| {
                    attributes::panel(ui, s, out);
                    ui.add_space(10.0);
                    costs::panel(ui, s, out);
                });
        });
    Panel::right("details")
        .resizable(true)
        .default_size(320.0)
        .size_range(280.0..=520.0)
        .show(ui, |ui| {
            // The pane keeps its width whatever it holds: a panel shrinks
            // to its content, and the matrix beside it would move.
            let area = ScrollArea::vertical()
                .id_salt("details-scroll")
                .auto_shrink(false);
            let pane = warnings::PANE.scrolled_as_asked(area, ui).show(ui, |ui| {
                // Why? of the strip's warning opens here, beside its
                // button, so the matrix keeps its place.
                banner::why_card(ui, s, out);
                explain::detail_panel(ui, s, out);
                ui.add_space(10.0);
                warnings::list(ui, s, out)
            });
            warnings::more_below(ui, &pane);
        });
    CentralPanel::default().show(ui, |ui| {
        plans::tabs(ui, s, out);
        // The dock under the matrix keeps its share of the height as the
        // window grows or shrinks (a share the user sets by dragging its top
        // edge), and at least a readable minimum.
        let total = ui.available_height();
        let area = ui.available_rect_before_wrap();
        Panel::bottom("dock")
            .resizable(false)
            .exact_size(dock::height(total, s.settings.dock_share))
            .show(ui, |ui| dock::dock(ui, s, area, out));
        CentralPanel::default_margins()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                matrix::header(ui, s, out);
                let height = ui.available_height();
                let area = ScrollArea::vertical().id_salt("matrix-scroll");
                let pane = matrix::AREA
                    .scrolled_as_asked(area, ui)
                    .show(ui, |ui| matrix::table(ui, s, height, out));
                matrix::more_below(ui, &pane);
            });
    });
    about::window(ui.ctx(), s, out);
    notices::toast(ui.ctx(), s);
    dialogs::show(ui.ctx(), s, dialog, out);
}
