//! The `format` values that name the workbench's JSON files. They sit
//! below everything that reads or writes those files, so a reader can tell
//! another kind of file by its name (a report opened as a preset, say)
//! without depending on the module that writes it.

/// The `format` value of a preset file.
pub const PRESET_FORMAT: &str = "cluster-workbench-preset";
/// The `format` value of an evaluation report (`cluster-workbench evaluate`).
pub const REPORT_FORMAT: &str = "cluster-workbench-report";
/// The `format` value of a lever analysis (`cluster-workbench levers`).
pub const LEVERS_FORMAT: &str = "cluster-workbench-levers";
/// The `format` value of a model file.
pub const MODEL_FORMAT: &str = "cluster-workbench-model";
