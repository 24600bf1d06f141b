//! The workbench's state and the one place where actions are applied.
//! [`Workbench`] draws nothing: the views in [`crate::ui`] read it and emit
//! actions, [`crate::window`] wraps both in an eframe window, and tests drive
//! it headlessly with egui_kittest.

pub mod action;
pub mod analysis;
mod autosave;
pub mod chain;
pub mod custom;
pub mod document;
mod export;
pub mod files;
mod saving;
pub mod settings;
pub mod workshop;
mod writer;

use crate::edit::{Edit, unused_plan_name};
use crate::export::trajectories::trajectories_table;
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::model::warning::WarningId;
use crate::plan::Lever;
use crate::preset::Preset;
use crate::preset::builtin;
use crate::text::{fill, texts};
use action::{Action, NamePurpose, Picture, PictureOf, Target, ThemeChoice};
use analysis::{Analysis, AnalysisService};
use custom::CustomDraft;
use document::{Document, Origin};
pub use export::picture_rect_id;
use files::FileService;
use settings::{LastDocument, Settings};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// A modal dialog on top of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`.
    Unsaved { then: Box<Action> },
    /// Something could not be done; what was open is unchanged.
    Error { title: String, message: String },
    /// A path typed by hand, where no file dialog is available.
    PathPrompt {
        /// What the path is for: none to open a preset.
        target: Option<Target>,
        text: String,
        note: Option<String>,
    },
    /// A name for a new, renamed or copied plan, checked as it is typed.
    PlanName { purpose: NamePurpose, text: String },
    /// The form for a custom intervention.
    Custom(CustomDraft),
    /// Unsaved work left by a window that has gone: restore it?
    Recover {
        /// From where and when.
        body: String,
        /// How many more wait after this one.
        more: usize,
    },
}

/// Passing view choices that are not remembered between runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// The cell shown in the detail pane.
    pub selected: Option<usize>,
    /// The entry of the active plan shown in the entry editor.
    pub selected_entry: Option<usize>,
    /// The results-chain box whose indicator is being edited.
    pub chain_box: Option<BoxKind>,
    pub about_open: bool,
    /// The warning whose clearing attributes are outlined ("Show me").
    pub show_me: Option<WarningId>,
    /// The warnings whose explanation is unfolded ("Why?").
    pub why_open: Vec<WarningId>,
    /// A short note in the status line ("Saved to …").
    pub status: Option<String>,
    /// Workshop mode: the window on a projector, stepped through.
    pub presenting: bool,
    pub workshop: workshop::Workshop,
    /// A picture asked for, taken once the window shows what it needs.
    pub picture_wanted: Option<PictureOf>,
    /// Notes that must not slip by (damaged settings, unsaved work that
    /// cannot be kept), shown in a strip until dismissed.
    pub notices: Vec<String>,
}

impl ViewState {
    /// The entry whose results chain is shown and exported: the selected
    /// entry of the active plan, else its first; `None` without a plan with
    /// entries.
    pub fn chain_entry(&self, doc: &Document) -> Option<(usize, usize)> {
        let plan = doc.active_plan()?;
        let count = doc.preset().plan(plan)?.entries.len();
        let entry = self
            .selected_entry
            .filter(|&e| e < count)
            .or((count > 0).then_some(0))?;
        Some((plan, entry))
    }
}

/// The workbench: model, document, settings and what the window shows.
pub struct Workbench {
    /// Shared with the analysis thread.
    pub model: Arc<Model>,
    /// The model file given with `--model`, if any.
    pub model_path: Option<PathBuf>,
    pub doc: Document,
    pub settings: Settings,
    pub view: ViewState,
    pub dialog: Option<Dialog>,
    /// The shipped presets, for the File menu.
    pub built_in: Vec<builtin::Listed>,
    files: FileService,
    analysis: AnalysisService,
    /// The saves in progress, in the order the writes were asked for (and
    /// so the order they report back).
    saving: VecDeque<saving::PendingSave>,
    /// The action to go on with once the save the user is choosing a file
    /// for succeeds (it then travels with that save).
    after_save: Option<Action>,
    /// The document (its id and revision) as it was when the read in
    /// progress was asked for: if it has changed since, the read asks
    /// before replacing it.
    reading: Option<(u64, u64)>,
    /// Unsaved work kept for recovery, and work offered back.
    autosave: autosave::Autosave,
    /// The window may close even with unsaved changes (the user said so).
    allow_close: bool,
    title: String,
    /// The picture waiting for the user to say where it goes.
    picture: Option<Picture>,
    /// Passes a picture of the chart has waited for the chart.
    picture_passes: u32,
    /// Screenshots arrive here from egui's callback.
    pictures: (Sender<Picture>, Receiver<Picture>),
    /// The results chain the Results chain tab shows.
    pub chain: chain::ChainCache,
}

impl Workbench {
    /// Enters or leaves workshop mode: full screen and larger, starting at
    /// the first step with the comparison hidden; leaving gives the zoom back.
    fn present(&mut self, on: bool, ctx: &egui::Context) {
        if on == self.view.presenting {
            return;
        }
        self.view.presenting = on;
        if on {
            let zoom = ctx.zoom_factor();
            self.view.workshop = workshop::Workshop::begin(zoom);
            self.settings.workshop_zoom_before = Some(zoom);
            ctx.set_zoom_factor(workshop::ZOOM);
        } else {
            ctx.set_zoom_factor(self.view.workshop.zoom_before);
            self.settings.workshop_zoom_before = None;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    /// A window that quit (or crashed) while presenting comes back as it
    /// was before: its zoom, and not full screen.
    pub fn repair_after_workshop(&mut self, ctx: &egui::Context) {
        if let Some(zoom) = self.settings.workshop_zoom_before.take() {
            ctx.set_zoom_factor(zoom);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }
}

/// Which document to show first.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// A file named on the command line.
    File(PathBuf),
    /// A preset shipped with the workbench (its file name).
    BuiltIn(String),
    /// Whatever the settings remember (a first run shows an example).
    Remembered,
}

impl Workbench {
    /// A workbench; `repaint` wakes the window when a file job finishes.
    pub fn new(
        model: Model,
        model_path: Option<PathBuf>,
        settings: Settings,
        start: Start,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let model = Arc::new(model);
        let repaint = Arc::new(repaint);
        let wake = Arc::clone(&repaint);
        let untitled = Preset::new_untitled(&model, texts().untitled);
        let doc = Document::new(&model, untitled, Origin::Untitled);
        let built_in = builtin::listed(&model);
        let analysis = AnalysisService::new(Arc::clone(&model), move || wake());
        let mut wb = Workbench {
            model,
            model_path,
            doc,
            settings,
            view: ViewState::default(),
            dialog: None,
            built_in,
            files: FileService::new(move || repaint()),
            picture: None,
            picture_passes: 0,
            pictures: channel(),
            chain: chain::ChainCache::default(),
            analysis,
            saving: VecDeque::new(),
            after_save: None,
            reading: None,
            autosave: autosave::Autosave::default(),
            allow_close: false,
            title: String::new(),
        };
        match start {
            Start::File(path) => {
                wb.note_read();
                wb.files.read(path);
            }
            Start::BuiltIn(file) => wb.open_built_in(&file),
            Start::Remembered => match wb.settings.last.clone() {
                Some(LastDocument::File(path)) => {
                    wb.note_read();
                    wb.files.read(path);
                }
                Some(LastDocument::BuiltIn(file)) => wb.open_built_in(&file),
                Some(LastDocument::Untitled) => {}
                None => wb.open_built_in(builtin::FIRST_RUN),
            },
        }
        wb
    }

    /// Asks for paths in the window instead of the desktop's file dialogs
    /// (tests, and desktops without a portal).
    pub fn without_file_dialogs(mut self) -> Self {
        self.files.set_dialogs(false);
        self
    }

    /// Writes files to `storage` (tests give a disk that fails).
    pub fn with_storage(mut self, storage: Arc<dyn crate::files::Storage>) -> Self {
        self.files.set_storage(storage);
        self
    }

    /// Shows a notice until the user dismisses it (once, however often it
    /// is noted).
    pub fn note(&mut self, text: String) {
        if !self.view.notices.contains(&text) {
            self.view.notices.push(text);
        }
    }

    /// Handles what finished file jobs report (once per frame).
    pub fn poll_files(&mut self, ctx: &egui::Context) {
        for event in self.files.poll() {
            self.on_file_event(event, ctx);
        }
    }

    /// Whether a file dialog is open or a file is being read.
    pub fn is_asking(&self) -> bool {
        self.files.is_asking()
    }

    /// Whether the user is waiting on a file: a dialog, a read or a save
    /// (not autosave, which works unseen).
    pub fn is_busy(&self) -> bool {
        self.files.is_asking() || !self.saving.is_empty()
    }

    /// Whether closing the window now would lose unsaved work.
    pub fn close_needs_confirmation(&self) -> bool {
        self.doc.is_dirty() && !self.allow_close
    }

    /// Applies an action, first asking before unsaved changes are discarded.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        if action.discards_document() && self.close_needs_confirmation() {
            self.dialog = Some(Dialog::Unsaved {
                then: Box::new(action),
            });
            return;
        }
        self.run(action, ctx);
        // Work offered back waits while another dialog is open.
        self.offer_next();
    }

    fn run(&mut self, action: Action, ctx: &egui::Context) {
        if action.waits_for_files() && self.files.is_asking() {
            self.view.status = Some(texts().files_busy.to_owned());
            return;
        }
        match action {
            Action::Edit { edit, merge } => self.edit(edit, merge),
            Action::EndGesture => self.doc.end_gesture(),
            Action::Undo => {
                let before = self.selected_lever();
                self.doc.undo(&self.model);
                self.keep_selection(before);
            }
            Action::Redo => {
                let before = self.selected_lever();
                self.doc.redo(&self.model);
                self.keep_selection(before);
            }
            Action::New => {
                let preset = Preset::new_untitled(&self.model, texts().untitled);
                self.replace(preset, Origin::Untitled);
                self.settings.last = Some(LastDocument::Untitled);
            }
            Action::Open => {
                self.note_read();
                self.files.open_dialog();
            }
            Action::OpenPathPrompt => self.prompt(None, None),
            Action::OpenPath(path) => {
                self.close_path_prompt();
                self.note_read();
                self.files.read(path);
            }
            Action::Loaded(loaded) => self.install(*loaded),
            Action::OpenBuiltIn(file) => self.open_built_in(&file),
            Action::Save => match self.doc.origin().clone() {
                Origin::File(path) => self.save_to(path),
                _ => self.run(Action::SaveAs, ctx),
            },
            Action::SaveAs => {
                // Refuse what would not load again before asking where.
                if self.checked_text().is_some() {
                    let name = format!("{}.json", file_stem(&self.doc.preset().name));
                    self.files.save_dialog(Target::Preset, name);
                }
            }
            Action::SaveTo(path) => {
                self.close_path_prompt();
                self.save_to(path);
            }
            Action::Export(export) => self.ask_export(export),
            Action::ExportTo(export, path) => self.export_to(export, path),
            Action::TakePicture(of) => self.take_picture(of),
            Action::PictureTaken(picture) => self.picture_taken(picture),
            Action::Present(on) => self.present(on, ctx),
            Action::CopyChartData => {
                let e = self.doc.evaluation();
                let table = trajectories_table(self.doc.preset(), e, b'\t');
                if let Ok(bytes) = table
                    && let Ok(text) = String::from_utf8(bytes)
                {
                    ctx.copy_text(text);
                    self.view.status = Some(texts().copied_chart.to_owned());
                }
            }
            Action::WorkshopStep(step) => self.view.workshop.go_to(step),
            Action::Reveal => self.view.workshop.revealed = true,
            Action::SaveThen(then) => {
                self.dialog = None;
                if !self.doc.saves_in_place() && self.files.is_asking() {
                    // Another dialog is open: no save, so nothing follows.
                    self.view.status = Some(texts().files_busy.to_owned());
                    return;
                }
                self.after_save = Some(*then);
                self.run(Action::Save, ctx);
            }
            Action::Quit => {
                // A window quitting while presenting keeps its workshop zoom
                // in eframe's memory; `repair_after_workshop` gives the old
                // one back at the next start.
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::SetActivePlan(plan) => {
                self.doc.set_active_plan(plan);
                self.view.selected_entry = None;
                self.view.chain_box = None;
            }
            Action::AskPlanName(purpose) => self.ask_plan_name(purpose),
            Action::AskCustomIntervention => {
                if let Some(plan) = self.doc.active_plan() {
                    self.dialog = Some(Dialog::Custom(CustomDraft::new(plan)));
                }
            }
            Action::SelectEntry(entry) => self.view.selected_entry = entry,
            Action::SelectChainBox(kind) => self.view.chain_box = kind,
            Action::SelectCell(cell) => self.view.selected = cell,
            Action::SetMatrixView(v) => self.settings.matrix_view = v,
            Action::SetDockTab(tab) => self.settings.dock = tab,
            Action::SetDockShare(share) => self.settings.dock_share = share,
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                apply_theme(ctx, theme);
            }
            Action::ToggleEfforts => self.settings.show_efforts = !self.settings.show_efforts,
            Action::ToggleShowMe(id) => {
                self.view.show_me = (self.view.show_me != Some(id)).then_some(id);
            }
            Action::ToggleWhy(id) => {
                if let Some(i) = self.view.why_open.iter().position(|w| *w == id) {
                    self.view.why_open.remove(i);
                } else {
                    self.view.why_open.push(id);
                }
            }
            Action::ShowAbout(open) => self.view.about_open = open,
            Action::CloseDialog => {
                // Cancelling the typed path of a save cancels what was to
                // follow it; closing any other dialog does not.
                if let Some(Dialog::PathPrompt { target, .. }) = &self.dialog {
                    match target {
                        Some(Target::Preset) => self.after_save = None,
                        Some(Target::Export(_)) => self.picture = None,
                        None => {}
                    }
                }
                self.dialog = None;
            }
            // The user chose to discard unsaved changes: go on without asking.
            Action::Confirmed(then) => {
                self.dialog = None;
                self.run(*then, ctx);
            }
            Action::ClearRecent => self.settings.recent.clear(),
            Action::DismissNotice(i) => {
                if i < self.view.notices.len() {
                    self.view.notices.remove(i);
                }
            }
            Action::Restore => self.restore(),
            Action::DiscardRecovered => self.discard_recovered(),
            Action::RecoverLater => self.recover_later(),
        }
    }

    /// Applies an edit to the document; a refused edit changes nothing and
    /// says why.
    fn edit(&mut self, edit: Edit, merge: bool) {
        let added_entry = match &edit {
            Edit::AddCatalogueEntry { plan, .. } | Edit::AddCustomEntry { plan, .. } => Some(*plan),
            _ => None,
        };
        // An entry moved within its year takes the selection with it (two
        // entries of one intervention would otherwise swap it unseen).
        let swapped = match &edit {
            Edit::MoveWithinYear {
                plan,
                entry,
                earlier,
            } if self.doc.active_plan() == Some(*plan) => self
                .doc
                .preset()
                .plan(*plan)
                .and_then(|p| p.neighbour_in_year(*entry, *earlier))
                .map(|other| (*entry, other)),
            _ => None,
        };
        let before = self.selected_lever();
        match self.doc.apply(&self.model, edit, merge) {
            Ok(()) => {
                if let Some((a, b)) = swapped {
                    self.view.selected_entry = match self.view.selected_entry {
                        Some(e) if e == a => Some(b),
                        Some(e) if e == b => Some(a),
                        other => other,
                    };
                }
                self.keep_selection(before);
                // A new entry is selected, so it can be set up at once.
                if let Some(plan) = added_entry {
                    let count = self.doc.preset().plan(plan).map_or(0, |p| p.entries.len());
                    self.view.selected_entry = count.checked_sub(1);
                }
            }
            Err(e) => {
                self.doc.end_gesture();
                let t = texts();
                self.error(t.edit_refused.to_owned(), e.to_string(), t.kept_as_it_was);
            }
        }
    }

    /// The selected entry: the active plan's index and the entry's lever.
    fn selected_lever(&self) -> Option<(usize, Lever)> {
        let plan = self.doc.active_plan()?;
        let entry = self.view.selected_entry?;
        let lever = &self.doc.preset().plan(plan)?.entries.get(entry)?.lever;
        Some((plan, lever.clone()))
    }

    /// Keeps the selected entry only where it is still the same entry of the
    /// same active plan: after a deletion, a move or an undo it may not be.
    fn keep_selection(&mut self, before: Option<(usize, Lever)>) {
        if self.selected_lever() != before {
            self.view.selected_entry = None;
        }
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

    /// Asks for the analyses of the document as it now is (once per frame;
    /// nothing happens when it has not changed) and takes in finished ones.
    pub fn follow_analysis(&mut self) {
        self.analysis.poll();
        self.analysis.follow(
            self.doc.revision(),
            self.doc.preset(),
            self.doc.active_plan(),
        );
    }

    /// The latest analyses, and whether they answer the document as it is.
    pub fn analysis(&self) -> (Option<&Analysis>, bool) {
        (self.analysis.latest(), self.analysis.is_current())
    }

    /// Waits for the analyses of the document as it is (tests use this
    /// instead of waiting for frames).
    pub fn finish_analysis(&mut self) {
        self.follow_analysis();
        self.analysis.wait(std::time::Duration::from_secs(20));
    }

    /// Waits for file jobs in progress and handles what they report (tests use
    /// this instead of waiting for frames).
    pub fn finish_file_jobs(&mut self, ctx: &egui::Context) {
        for event in self.files.wait(std::time::Duration::from_secs(10)) {
            self.on_file_event(event, ctx);
        }
    }

    fn open_built_in(&mut self, file: &str) {
        let Some(b) = builtin::built_in(file) else {
            return;
        };
        match Preset::from_bytes(b.text.as_bytes(), &self.model) {
            Ok(preset) => {
                self.replace(preset, Origin::BuiltIn(file.to_owned()));
                self.settings.last = Some(LastDocument::BuiltIn(file.to_owned()));
            }
            Err(e) => {
                let t = texts();
                self.error(
                    fill(t.open_failed, &[("file", file)]),
                    e.to_string(),
                    t.kept_as_it_was,
                )
            }
        }
    }

    fn replace(&mut self, preset: Preset, origin: Origin) {
        self.replace_document(Document::new(&self.model, preset, origin));
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view.selected = None;
        self.view.selected_entry = None;
        self.view.chain_box = None;
        self.view.show_me = None;
        self.view.status = None;
    }

    /// The window title: preset name, `*` for unsaved changes, app name.
    pub fn title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " *" } else { "" };
        format!("{}{dirty} — {}", self.doc.preset().name, texts().app_name)
    }

    /// Sends the title to the window when it changed.
    pub fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Sets the light or dark look.
pub fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// A file name from a preset name: letters, digits and dashes.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "cluster".into()
    } else {
        stem.chars().take(60).collect()
    }
}
