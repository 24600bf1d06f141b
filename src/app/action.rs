//! Everything a user can ask for, as values. Views and shortcuts emit actions
//! while drawing; the app applies them once per frame, in one place.

use crate::edit::Edit;
use crate::export::{ChainFormat, LogframeFormat};
use crate::model::chain::BoxKind;
use crate::model::warning::WarningId;
use crate::preset::Preset;
use std::path::PathBuf;

/// What the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum MatrixView {
    /// The active plan's cells.
    #[default]
    WithPlan,
    /// The cells without any plan.
    Baseline,
    /// Each cell's with-plan strength minus its baseline strength.
    Difference,
}

/// Which view the dock under the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DockTab {
    /// Capability over the years, every plan overlaid.
    #[default]
    Capability,
    /// The active plan's entries on a timeline, and the entry editor.
    Plan,
    /// The plans compared side by side.
    Compare,
    /// Which lever binds: the attributes and the catalogue ranked.
    Levers,
    /// The selected entry's results chain, and its indicators.
    Chain,
}

/// The light or dark look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

/// A document the workbench writes besides the preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The report as one HTML file.
    Report,
    /// The trajectories as CSV.
    Trajectories,
    /// The picture taken last, as PNG.
    Picture,
    /// The selected entry's results chain.
    Chain(ChainFormat),
    /// The active plan's logframe.
    Logframe(LogframeFormat),
    /// The active plan's measurement plan (CSV).
    MeasurementPlan,
    /// The diagnostic survey as an XLSForm (issue 19).
    SurveyForm,
    /// The diagnostic survey as a page to print.
    Questionnaire,
    /// The active plan's firm-level indicators as an XLSForm, for the
    /// baseline and endline.
    BaselineForm,
}

/// What a file chosen for writing will hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Preset,
    Export(Export),
}

/// What a file dialog, or a path typed by hand where there is none, is
/// for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathFor {
    /// A preset to open.
    Open,
    /// Survey responses to import (issue 19).
    Import,
    /// Where to write this.
    Save(Target),
}

/// What a picture for slides shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureOf {
    /// The whole window.
    Window,
    /// The capability chart alone.
    Chart,
    /// The results chain as the Results chain tab shows it.
    Chain,
}

/// A screenshot of the window, with the part the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub of: PictureOf,
    pub image: std::sync::Arc<egui::ColorImage>,
    /// The chart's place in the image, in pixels (for [`PictureOf::Chart`]).
    pub crop: Option<[usize; 4]>,
}

/// What a plan name is being asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamePurpose {
    /// A new, empty plan.
    New,
    /// A new name for this plan.
    Rename(usize),
    /// The name of a copy of this plan.
    Duplicate(usize),
}

/// A preset read from a file, waiting to be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub path: PathBuf,
    pub preset: Box<Preset>,
    /// The file's format version (an older one is noted).
    pub version: u64,
}

/// A user's request, by kind: what it changes decides who handles it
/// (one file each under `app/actions/`).
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    /// Changes the document or steps through its undo history.
    Document(DocAction),
    /// Reads, writes or replaces the document, or sends something out of the
    /// workbench (a file, a picture, the clipboard), or closes the window.
    File(FileAction),
    /// Changes what the window shows; the document is untouched.
    View(ViewAction),
    /// Opens a dialog, or answers or closes the one on top.
    Dialog(DialogAction),
}

/// A change to the document, recorded for undo.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum DocAction {
    /// Change the document. `merge` joins the undo step of the gesture in
    /// progress (a slider or a timeline bar being dragged).
    Edit {
        edit: Edit,
        merge: bool,
    },
    /// A gesture began or ended.
    EndGesture,
    Undo,
    Redo,
    /// Make this plan the one the matrix, banner and warnings show.
    SetActivePlan(usize),
}

/// Work with files, the clipboard and the window itself.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum FileAction {
    /// A new cluster with the model's default attributes.
    New,
    /// Ask for a file with the system dialog.
    Open,
    /// Ask for a path typed in the workbench (where no dialog is available).
    OpenPathPrompt,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open a preset shipped with the workbench (its file name).
    OpenBuiltIn(String),
    /// Open the cluster a link holds (the page's address, when it changes).
    OpenLink(String),
    /// Show a preset that has been read (when the document was edited
    /// while it was read, this waits for the user's word).
    Loaded(Box<Loaded>),
    Save,
    SaveAs,
    /// Write to this path (from the typed-path prompt).
    SaveTo(PathBuf),
    /// Ask where to write a report, the trajectories or the picture.
    Export(Export),
    /// Ask for a survey response export to import (issue 19).
    ImportResponses,
    /// Import the survey responses in this file (from the typed-path
    /// prompt).
    ImportResponsesFrom(PathBuf),
    /// Write an export to this path (from the typed-path prompt).
    ExportTo(Export, PathBuf),
    /// Open this written file with the system's default program for it.
    OpenFile(PathBuf),
    /// Show the folder that holds this written file.
    ShowFolder(PathBuf),
    /// Take a picture of the window or the chart, then ask where to save it.
    TakePicture(PictureOf),
    /// The window's screenshot has arrived.
    PictureTaken(Picture),
    /// Copy the capability chart's numbers as a table (tab-separated).
    CopyChartData,
    /// Copy a link that holds the whole cluster (see `crate::link`).
    CopyLink,
    ClearRecent,
    /// Open the unsaved work offered back after a crash.
    Restore,
    /// Delete the unsaved work offered back.
    DiscardRecovered,
    /// Keep the unsaved work offered back for the next start.
    RecoverLater,
    /// Close the window.
    Quit,
}

/// What the window shows: selections, tabs, the look, workshop mode.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum ViewAction {
    /// Select an entry of the active plan for the entry editor.
    SelectEntry(Option<usize>),
    /// Select a box of the results chain to edit its indicator.
    SelectChainBox(Option<BoxKind>),
    /// Select a cell (an index into Table 1's cells) for the detail pane.
    SelectCell(Option<usize>),
    SetMatrixView(MatrixView),
    SetDockTab(DockTab),
    /// The share of the height the dock under the matrix takes.
    SetDockShare(f32),
    SetTheme(ThemeChoice),
    /// Speak this language from now on (View ▸ Language).
    SetLanguage(crate::language::Language),
    /// Write numbers this way from now on (View ▸ Numbers).
    SetNumbers(crate::language::NumberChoice),
    ToggleEfforts,
    /// Outline the attributes that would clear this warning, or stop.
    ToggleShowMe(WarningId),
    /// Unfold or fold this warning's explanation.
    ToggleWhy(WarningId),
    ShowAbout(bool),
    /// Open or close the glossary (Help ▸ Glossary).
    ShowGlossary(bool),
    /// Dismiss the notice with this index.
    DismissNotice(usize),
    /// Enter or leave workshop mode.
    Present(bool),
    /// Go to this step of workshop mode.
    WorkshopStep(usize),
    /// Show the comparison the room has guessed at.
    Reveal,
}

/// Dialogs: asking for a name or a form, and the answers to them.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum DialogAction {
    /// Ask for a plan's name: for a new plan, a renamed one or a copy.
    AskPlanName(NamePurpose),
    /// Open the form for a custom intervention in the active plan.
    AskCustomIntervention,
    /// Close the dialog on top.
    CloseDialog,
    /// Save, then go on with this action (from the unsaved-changes dialog).
    SaveThen(Box<Action>),
    /// Go on with an action the user confirmed (discarding unsaved changes).
    Confirmed(Box<Action>),
    /// Apply the survey values the review accepts, as one undo step.
    ApplySurvey,
}

impl From<DocAction> for Action {
    fn from(action: DocAction) -> Self {
        Action::Document(action)
    }
}

impl From<FileAction> for Action {
    fn from(action: FileAction) -> Self {
        Action::File(action)
    }
}

impl From<ViewAction> for Action {
    fn from(action: ViewAction) -> Self {
        Action::View(action)
    }
}

impl From<DialogAction> for Action {
    fn from(action: DialogAction) -> Self {
        Action::Dialog(action)
    }
}

impl Action {
    /// Add the catalogue intervention `id` to plan `plan`, from year 0 at
    /// full intensity (the entry editor then sets it up).
    pub fn add_intervention(plan: usize, id: &str) -> Action {
        DocAction::Edit {
            edit: Edit::AddCatalogueEntry {
                plan,
                id: id.to_owned(),
                start_year: 0,
            },
            merge: false,
        }
        .into()
    }

    /// Whether the action would replace the document, so unsaved changes need
    /// the user's confirmation first.
    pub fn discards_document(&self) -> bool {
        matches!(self, Action::File(file) if file.discards_document())
    }

    /// Whether the action starts a file dialog or a read, or replaces the
    /// document: it must wait while a dialog is open or a file is being read,
    /// or that answer would land on top of this one's (the menu greys these;
    /// shortcuts are refused here, in the same place).
    pub fn waits_for_files(&self) -> bool {
        matches!(self, Action::File(file) if file.waits_for_files())
    }
}

impl FileAction {
    /// Whether the action would replace the document (only file actions do).
    pub fn discards_document(&self) -> bool {
        matches!(
            self,
            FileAction::New
                | FileAction::Open
                | FileAction::OpenPathPrompt
                | FileAction::OpenPath(_)
                | FileAction::OpenBuiltIn(_)
                | FileAction::OpenLink(_)
                | FileAction::Loaded(_)
                | FileAction::Quit
                | FileAction::Restore
        )
    }

    /// Whether the action starts a file dialog or a read, or replaces the
    /// document (see [`Action::waits_for_files`]).
    pub fn waits_for_files(&self) -> bool {
        // Quitting need not wait, and a preset already read is the answer.
        let replaces =
            self.discards_document() && !matches!(self, FileAction::Quit | FileAction::Loaded(_));
        replaces
            || matches!(
                self,
                FileAction::SaveAs
                    | FileAction::Export(_)
                    | FileAction::PictureTaken(_)
                    | FileAction::ImportResponses
                    | FileAction::ImportResponsesFrom(_)
            )
    }
}
