//! Everything a user can ask for, as values. Views and shortcuts emit actions
//! while drawing; the app applies them once per frame, in one place.

use super::document::Edit;
use std::path::PathBuf;

/// Which scenario the matrix shows when the preset has a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum MatrixView {
    #[default]
    WithPlan,
    Baseline,
}

/// The light or dark look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

/// A user's request.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    /// Change the document. `merge` joins the undo step of the gesture in
    /// progress (a slider being dragged).
    Edit {
        edit: Edit,
        merge: bool,
    },
    /// A slider gesture began or ended.
    EndGesture,
    Undo,
    Redo,
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
    Save,
    SaveAs,
    /// Write to this path (from the typed-path prompt).
    SaveTo(PathBuf),
    /// Save, then go on with this action (from the unsaved-changes dialog).
    SaveThen(Box<Action>),
    /// Close the window.
    Quit,
    /// Select a cell (an index into Table 1's cells) for the detail pane.
    SelectCell(Option<usize>),
    SetMatrixView(MatrixView),
    SetTheme(ThemeChoice),
    ToggleEfforts,
    /// Outline the attributes that would clear the critical warning.
    ToggleShowLevers,
    /// Unfold or fold the critical banner's explanation.
    ToggleWhy,
    ShowAbout(bool),
    /// Close the dialog on top.
    CloseDialog,
    /// Go on with an action the user confirmed (discarding unsaved changes).
    Confirmed(Box<Action>),
    ClearRecent,
}

impl Action {
    /// Whether the action would replace the document, so unsaved changes need
    /// the user's confirmation first.
    pub fn discards_document(&self) -> bool {
        matches!(
            self,
            Action::New
                | Action::Open
                | Action::OpenPathPrompt
                | Action::OpenPath(_)
                | Action::OpenBuiltIn(_)
                | Action::Quit
        )
    }
}
