//! The workbench's state. [`Workbench`] draws nothing: the views in
//! [`crate::ui`] read it and emit actions, which `actions/` applies in one
//! place (one file per kind of action); [`crate::window`] wraps both in an
//! eframe window, and tests drive it headlessly with egui_kittest.

pub mod action;
mod actions;
pub mod analysis;
mod autosave;
pub mod chain;
pub mod custom;
pub mod document;
mod export;
pub mod files;
mod language;
mod link;
mod saving;
pub mod settings;
pub mod survey;
pub mod toast;
pub mod workshop;
mod writer;

use crate::location::Location;
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::model::warning::WarningId;
use crate::preset::Preset;
use crate::preset::builtin;
use crate::text::texts;
use action::{Action, NamePurpose, PathFor, Picture, PictureOf, ThemeChoice};
use analysis::{Analysis, AnalysisService};
use custom::CustomDraft;
use document::Document;
pub use export::picture_rect_id;
use files::FileService;
use settings::Settings;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use survey::SurveyReview;

/// A modal dialog on top of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`.
    Unsaved { then: Box<Action> },
    /// Something could not be done; what was open is unchanged.
    Error { title: String, message: String },
    /// A path typed by hand, where no file dialog is available.
    PathPrompt {
        /// What the path is for.
        purpose: PathFor,
        text: String,
        note: Option<String>,
    },
    /// A name for a new, renamed or copied plan, checked as it is typed.
    PlanName { purpose: NamePurpose, text: String },
    /// The form for a custom intervention.
    Custom(CustomDraft),
    /// An export was written: what and where, with buttons to open the
    /// file and to show its folder.
    Exported {
        /// What was written, in words ("The report").
        what: String,
        path: std::path::PathBuf,
    },
    /// Survey responses read, for the user to choose what to apply.
    SurveyReview(Box<SurveyReview>),
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
    /// The glossary window is open.
    pub glossary_open: bool,
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
    /// What the last edit did, shown for a few seconds in a corner.
    pub toast: Option<toast::Toast>,
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
    /// Wakes the window (a finished job, a new analysis service).
    repaint: Arc<dyn Fn() + Send + Sync>,
}

impl Workbench {
    /// A window that quit (or crashed) while presenting comes back as it
    /// was before: its zoom, and not full screen.
    pub fn repair_after_workshop(&mut self, ctx: &egui::Context) {
        if let Some(zoom) = self.settings.workshop_zoom_before.take() {
            ctx.set_zoom_factor(zoom);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }
}

impl Workbench {
    /// A workbench showing `start` first (a file named on the command line,
    /// a shipped preset), or with `None` whatever the settings remember (a
    /// first run shows an example); `repaint` wakes the window when a file
    /// job finishes.
    pub fn new(
        model: Model,
        model_path: Option<PathBuf>,
        settings: Settings,
        start: Option<Location>,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let locale = settings.locale();
        crate::text::set_locale(locale);
        // The shipped model speaks the chosen language; one from a file
        // speaks its own.
        let model = match model_path {
            None => Model::shipped(locale.language).unwrap_or(model),
            Some(_) => model,
        };
        let model = Arc::new(model);
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        let wake = Arc::clone(&repaint);
        let untitled = Preset::new_untitled(&model, texts().untitled);
        let doc = Document::new(&model, untitled, Location::Untitled);
        let built_in = builtin::listed(&model, locale.language);
        let analysis = AnalysisService::new(Arc::clone(&model), move || wake());
        let files_wake = Arc::clone(&repaint);
        let mut wb = Workbench {
            model,
            model_path,
            doc,
            settings,
            view: ViewState::default(),
            dialog: None,
            built_in,
            files: FileService::new(move || files_wake()),
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
            repaint,
        };
        match start.or_else(|| wb.settings.last.clone()) {
            // In the browser a saved file is a download the page cannot
            // read back: it starts as on a first run (unsaved work is still
            // offered back).
            Some(Location::File(path)) if crate::platform::HAS_FOLDERS => {
                wb.note_read();
                wb.files.read(path);
            }
            Some(Location::File(_)) => wb.open_built_in(builtin::FIRST_RUN),
            Some(Location::BuiltIn(file)) => wb.open_built_in(&file),
            Some(Location::Untitled) => {}
            None => wb.open_built_in(builtin::FIRST_RUN),
        }
        wb
    }

    /// Asks for paths in the window instead of the desktop's file dialogs
    /// (tests, and desktops without a portal).
    pub fn without_file_dialogs(mut self) -> Self {
        self.files.set_dialogs(false);
        self
    }

    /// Opens written files and folders with `launcher` (tests record the
    /// requests instead of starting a program).
    pub fn with_launcher(mut self, launcher: Arc<dyn crate::files::launch::Launcher>) -> Self {
        self.files.set_launcher(launcher);
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

    /// Asks for the analyses of the document as it now is (nothing happens
    /// when it has not changed), then takes in finished ones, or works on
    /// a slice of them where they run between frames: once per frame, at
    /// its start.
    pub fn follow_analysis(&mut self) {
        self.ask_analysis();
        self.analysis.poll();
    }

    /// Asks for the analyses of the document as it now is, without working
    /// on them (at the end of a frame, after its edits: the next frame's
    /// slice starts on them).
    pub fn ask_analysis(&mut self) {
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

    fn replace(&mut self, preset: Preset, origin: Location) {
        self.replace_document(Document::new(&self.model, preset, origin));
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view.selected = None;
        self.view.selected_entry = None;
        self.view.chain_box = None;
        self.view.show_me = None;
        self.view.status = None;
        self.view.toast = None;
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
        // A screen reader names the window by the root of the tree, not by
        // the title bar: the same words for both (only built when one listens).
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(self.title.clone());
        });
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
