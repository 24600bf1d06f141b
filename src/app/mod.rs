//! placeholder
use crate::model::Model;
use std::path::PathBuf;
/// Runs the window.
pub fn run(
    _model: Model,
    _model_path: Option<PathBuf>,
    _preset: Option<PathBuf>,
) -> Result<(), String> {
    Err("the window is not built yet".into())
}
