//! Opening a cluster other than from the File menu (issue 17): from a link,
//! as the browser page does with its address, and by dropping a preset
//! file onto the window. A link or a file that is not a cluster gets the
//! reader's message; a link that cannot be read leaves an empty cluster.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod common_window;
use cluster_workbench::app::Dialog;
use cluster_workbench::link;
use cluster_workbench::location::Location;
use cluster_workbench::preset::Preset;
use common::{model, shipped_text};
use common_window::{finish_files, opened};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn shipped_link(name: &str) -> String {
    let preset = Preset::from_bytes(shipped_text(name).as_bytes(), &model()).unwrap();
    link::link(&preset, "https://example.org/workbench/").unwrap()
}

#[test]
fn a_link_opens_its_cluster() {
    let mut h = opened("teaching-case.json");
    let url = shipped_link("supply-side-only.json");
    h.state_mut().open_link(&url);
    h.run();
    let wb = h.state();
    assert!(wb.dialog.is_none(), "{:?}", wb.dialog);
    assert_eq!(
        wb.doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
    assert_eq!(wb.doc.preset().plans.len(), 2);
    assert!(
        !wb.doc.is_dirty(),
        "the link still holds it: nothing is unsaved"
    );
    assert_eq!(*wb.doc.origin(), Location::Untitled);
}

#[test]
fn a_cut_link_leaves_an_empty_cluster_and_says_why() {
    let mut h = opened("teaching-case.json");
    let url = shipped_link("supply-side-only.json");
    let cut = &url[..url.len() - 40];
    h.state_mut().open_link(cut);
    h.run();
    let wb = h.state();
    let Some(Dialog::Error { title, message }) = &wb.dialog else {
        panic!("no message: {:?}", wb.dialog);
    };
    assert_eq!(title, "Could not open the cluster in this link");
    assert!(message.contains("the link was cut short"), "{message}");
    assert!(
        message.contains("opened with an empty cluster"),
        "{message}"
    );
    assert_eq!(wb.doc.preset().name, "Untitled cluster");
    assert!(wb.doc.preset().plans.is_empty());
}

/// A file dropped onto the window, as eframe hands it over on the desktop.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut common_window::Window, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run();
    finish_files(h);
}

#[test]
fn a_preset_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("from-a-colleague.json");
    std::fs::write(&file, shipped_text("supply-side-only.json")).unwrap();
    let mut h = opened("teaching-case.json");
    drop_file(&mut h, &file);
    let wb = h.state();
    assert!(wb.dialog.is_none(), "{:?}", wb.dialog);
    assert_eq!(
        wb.doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
    assert_eq!(*wb.doc.origin(), Location::File(file));
}

#[test]
fn a_dropped_file_that_is_not_a_preset_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    std::fs::write(&file, "{\"hello\": 1}").unwrap();
    let mut h = opened("teaching-case.json");
    let before = h.state().doc.preset().clone();
    drop_file(&mut h, &file);
    let wb = h.state();
    let Some(Dialog::Error { title, .. }) = &wb.dialog else {
        panic!("no message: {:?}", wb.dialog);
    };
    assert!(title.starts_with("Could not open"), "{title}");
    assert_eq!(*wb.doc.preset(), before);
}

/// A link pasted into the address bar of the open page: unsaved work is
/// asked about before the link's cluster replaces it.
#[test]
fn a_link_asks_before_unsaved_work_is_replaced() {
    use cluster_workbench::app::action::{DialogAction, DocAction, FileAction};
    use cluster_workbench::attribute::Attribute;
    use cluster_workbench::edit::Edit;
    let mut h = opened("teaching-case.json");
    let edit = Edit::SetAttribute(Attribute::MarketDynamism, 0.9);
    common_window::act(&mut h, DocAction::Edit { edit, merge: false }.into());
    assert!(h.state().doc.is_dirty());
    let url = shipped_link("supply-side-only.json");
    let open: cluster_workbench::app::action::Action = FileAction::OpenLink(url).into();
    common_window::act(&mut h, open.clone());
    assert!(
        matches!(h.state().dialog, Some(Dialog::Unsaved { .. })),
        "{:?}",
        h.state().dialog
    );
    assert_ne!(
        h.state().doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
    common_window::act(&mut h, DialogAction::Confirmed(Box::new(open)).into());
    assert_eq!(
        h.state().doc.preset().name,
        "Supply-side support in a stagnant cluster"
    );
}
