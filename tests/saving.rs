//! Saving never loses work: "Save, then go on" goes on whichever way the
//! path was given, saves queue in order and mark the document clean with
//! what is on disk, a dialog in progress refuses another, and every failure
//! of the disk leaves the old file intact, the edits open, and a message
//! that says what happened and what to do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{act, finish_files, harness_of, workbench};

use cluster_workbench::app::action::{Action, DialogAction, DocAction, FileAction};
use cluster_workbench::app::{Dialog, Workbench};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::edit::Edit;
use cluster_workbench::files::{Disk, Storage, write_atomic_with};
use cluster_workbench::location::Location;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Window = Harness<'static, Workbench>;

fn window(wb: Workbench) -> Window {
    let mut h = harness_of(wb);
    h.run();
    h
}

fn set_associations(h: &mut Window, value: f64) {
    act(
        h,
        Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(Attribute::Associations, value),
            merge: false,
        }),
    );
}

fn associations(wb: &Workbench) -> f64 {
    wb.doc.preset().attributes[Attribute::Associations]
}

fn on_disk(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn error_text(wb: &Workbench) -> String {
    match &wb.dialog {
        Some(Dialog::Error { title, message }) => format!("{title}\n{message}"),
        other => panic!("expected an error, got {other:?}"),
    }
}

/// Unsaved changes → Save → (no file dialog) a typed path → OK: the file is
/// written *and* the New that was waiting happens. The path prompt used to
/// close the dialog before saving, and closing forgot the New.
#[test]
fn save_then_go_on_survives_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.json");
    let mut h = window(workbench("teaching-case.json"));
    set_associations(&mut h, 0.75);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    finish_files(&mut h);
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    field.type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    finish_files(&mut h);
    assert!(on_disk(&path).contains("\"associations\": 0.75"));
    let wb = h.state();
    assert!(wb.dialog.is_none(), "{:?}", wb.dialog);
    assert_eq!(wb.doc.preset().name, "Untitled cluster", "the New went on");
    assert_eq!(wb.doc.origin(), &Location::Untitled);
    assert!(!wb.doc.is_dirty());
}

/// A Quit waiting on a save that fails does not happen: the work stays.
#[test]
fn a_failed_save_does_not_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(workbench("teaching-case.json"));
    set_associations(&mut h, 0.75);
    act(&mut h, FileAction::Quit.into());
    act(
        &mut h,
        DialogAction::SaveThen(Box::new(FileAction::Quit.into())).into(),
    );
    finish_files(&mut h);
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    field.type_text(dir.path().join("gone").join("x.json").to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    finish_files(&mut h);
    let wb = h.state();
    assert!(error_text(wb).contains("does not exist"));
    assert!(wb.close_needs_confirmation(), "the Quit did not go on");
    assert_eq!(associations(wb), 0.75);
}

/// Two saves in a row, the second before the first has finished: each file
/// gets what it was asked for, and the document ends clean, belonging to
/// the second file. Only one save used to be remembered, so the first
/// report marked the document clean with the second's contents at the
/// first's path.
#[test]
fn overlapping_saves_each_write_their_own_and_end_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let mut h = window(workbench("teaching-case.json"));
    set_associations(&mut h, 0.75);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(FileAction::SaveTo(first.clone()).into(), &ctx);
    h.state_mut().apply(
        Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(Attribute::Associations, 0.6),
            merge: false,
        }),
        &ctx,
    );
    h.state_mut()
        .apply(FileAction::SaveTo(second.clone()).into(), &ctx);
    finish_files(&mut h);
    assert!(on_disk(&first).contains("\"associations\": 0.75"));
    assert!(on_disk(&second).contains("\"associations\": 0.6,"));
    let wb = h.state();
    assert_eq!(wb.doc.origin(), &Location::File(second.clone()));
    assert!(!wb.doc.is_dirty());
    assert_eq!(wb.settings.recent.first(), Some(&second));
}

/// An edit made while its save is on the way keeps the document dirty.
#[test]
fn an_edit_during_a_save_stays_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let mut h = window(workbench("teaching-case.json"));
    set_associations(&mut h, 0.75);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(FileAction::SaveTo(path.clone()).into(), &ctx);
    h.state_mut().apply(
        Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(Attribute::Associations, 0.6),
            merge: false,
        }),
        &ctx,
    );
    finish_files(&mut h);
    assert!(on_disk(&path).contains("\"associations\": 0.75"));
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.origin(), &Location::File(path));
}

/// While a file is being read, a shortcut that would open another (or a
/// new cluster) is refused with a note, as the greyed menu refuses it: its
/// answer would otherwise land on top of the first.
#[test]
fn a_second_open_waits_for_the_first() {
    let mut h = window(workbench("teaching-case.json"));
    let ctx = h.ctx.clone();
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets/rural-java.json");
    h.state_mut()
        .apply(FileAction::OpenPath(file.clone()).into(), &ctx);
    h.state_mut().apply(FileAction::New.into(), &ctx);
    assert!(
        h.state()
            .view
            .status
            .as_deref()
            .is_some_and(|s| s.contains("finish that first")),
        "{:?}",
        h.state().view.status
    );
    finish_files(&mut h);
    assert_eq!(h.state().doc.origin(), &Location::File(file));
    // Once the read is done, New works again.
    act(&mut h, FileAction::New.into());
    assert_eq!(h.state().doc.origin(), &Location::Untitled);
}

/// Eight threads writing one file at once all succeed, the file holds one
/// whole version, and no temporary file is left behind (they used to share
/// one temporary name).
#[test]
fn simultaneous_writes_to_one_path_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = Arc::new(dir.path().join("same.json"));
    let versions: Vec<String> = (0..8)
        .map(|i| format!("{{\"v\": {i}}}\n").repeat(2000))
        .collect();
    let threads: Vec<_> = versions
        .iter()
        .cloned()
        .map(|text| {
            let path = Arc::clone(&path);
            std::thread::spawn(move || {
                for _ in 0..20 {
                    write_atomic_with(&Disk, &path, text.as_bytes())?;
                }
                Ok::<(), cluster_workbench::files::FileError>(())
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap().unwrap();
    }
    assert!(versions.contains(&on_disk(&path)));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

/// A disk that fails one operation the way a real one does, and otherwise
/// is the real one.
struct Failing {
    kind: ErrorKind,
    /// Fail when writing the new file (after writing half of it), or when
    /// moving it over the old one.
    when_writing: bool,
}

impl Storage for Failing {
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
        if self.when_writing {
            // Half a file reaches the disk, as when it fills up.
            Disk.write_new(path, &contents[..contents.len() / 2])?;
            return Err(self.kind.into());
        }
        Disk.write_new(path, contents)
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if self.when_writing {
            Disk.rename(from, to)
        } else {
            Err(self.kind.into())
        }
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        Disk.remove(path)
    }
}

/// Saves the edited teaching case over an existing file on a failing disk
/// and checks what the user is left with.
fn save_over_old_file_failing(kind: ErrorKind, when_writing: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    std::fs::write(&path, "the old file\n").unwrap();
    let wb = workbench("teaching-case.json").with_storage(Arc::new(Failing { kind, when_writing }));
    let mut h = window(wb);
    set_associations(&mut h, 0.75);
    act(&mut h, FileAction::SaveTo(path.clone()).into());
    finish_files(&mut h);
    assert_eq!(on_disk(&path), "the old file\n", "the old file is intact");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
    let wb = h.state();
    assert!(wb.doc.is_dirty(), "the edits are still unsaved");
    assert_eq!(associations(wb), 0.75, "and still open");
    assert_eq!(
        wb.doc.origin(),
        &Location::BuiltIn("teaching-case.json".into())
    );
    let text = error_text(wb);
    assert!(text.contains("Could not save"), "{text}");
    assert!(
        text.contains("your edits are still open and unsaved"),
        "{text}"
    );
    text
}

#[test]
fn a_full_disk_keeps_the_old_file_and_the_edits() {
    let text = save_over_old_file_failing(ErrorKind::StorageFull, true);
    assert!(text.contains("the disk is full. Free some space"), "{text}");
}

#[test]
fn a_read_only_folder_keeps_the_old_file_and_the_edits() {
    let text = save_over_old_file_failing(ErrorKind::PermissionDenied, true);
    assert!(text.contains("read-only"), "{text}");
    assert!(text.contains("Save as…"), "{text}");
    let text = save_over_old_file_failing(ErrorKind::ReadOnlyFilesystem, false);
    assert!(text.contains("read-only"), "{text}");
}

/// The same on a real read-only folder, where the test does not run as
/// root (root may write anywhere).
#[cfg(unix)]
#[test]
fn a_real_read_only_folder_is_refused_with_advice() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    std::fs::write(&path, "the old file\n").unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = std::fs::write(dir.path().join("probe"), "").is_ok();
    if root {
        eprintln!(
            "running as root, who may write anywhere: the real read-only folder is skipped (the simulated one above still runs)"
        );
    } else {
        let mut h = window(workbench("teaching-case.json"));
        set_associations(&mut h, 0.75);
        act(&mut h, FileAction::SaveTo(path.clone()).into());
        finish_files(&mut h);
        assert_eq!(on_disk(&path), "the old file\n");
        assert!(h.state().doc.is_dirty());
        assert!(error_text(h.state()).contains("read-only"));
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_folder_that_has_gone_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("project");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("cluster.json");
    let mut h = window(workbench("teaching-case.json"));
    act(&mut h, FileAction::SaveTo(path.clone()).into());
    finish_files(&mut h);
    assert_eq!(h.state().doc.origin(), &Location::File(path.clone()));
    std::fs::remove_dir_all(&folder).unwrap();
    set_associations(&mut h, 0.75);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    finish_files(&mut h);
    let wb = h.state();
    let text = error_text(wb);
    assert!(
        text.contains("the folder does not exist (any more)"),
        "{text}"
    );
    assert!(text.contains("Save as…"), "{text}");
    assert!(wb.doc.is_dirty());
    assert_eq!(associations(wb), 0.75);
}

/// A file deleted while it was open is written again by Save.
#[test]
fn a_file_deleted_while_open_is_saved_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cluster.json");
    let mut h = window(workbench("teaching-case.json"));
    act(&mut h, FileAction::SaveTo(path.clone()).into());
    finish_files(&mut h);
    std::fs::remove_file(&path).unwrap();
    set_associations(&mut h, 0.75);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    finish_files(&mut h);
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert!(on_disk(&path).contains("\"associations\": 0.75"));
    assert!(!h.state().doc.is_dirty());
}

/// A save that reports after its document was replaced neither marks the
/// new document nor goes on with what was to follow it.
#[test]
fn a_save_reporting_after_new_leaves_the_new_document_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let mut h = window(workbench("teaching-case.json"));
    act(&mut h, FileAction::SaveTo(path.clone()).into());
    finish_files(&mut h);
    set_associations(&mut h, 0.75);
    let ctx = h.ctx.clone();
    let then = FileAction::OpenBuiltIn("rural-java.json".into()).into();
    h.state_mut()
        .apply(DialogAction::SaveThen(Box::new(then)).into(), &ctx);
    h.state_mut().apply(
        DialogAction::Confirmed(Box::new(FileAction::New.into())).into(),
        &ctx,
    );
    finish_files(&mut h);
    let wb = h.state();
    assert_eq!(wb.doc.origin(), &Location::Untitled, "not the Java preset");
    assert!(!wb.doc.is_dirty());
    assert!(on_disk(&path).contains("\"associations\": 0.75"));
}

/// Edits made while a file is being read are not thrown away without
/// asking; with no edits, the file opens at once.
#[test]
fn edits_made_during_an_open_are_asked_about() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets/rural-java.json");
    let mut h = window(workbench("teaching-case.json"));
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(FileAction::OpenPath(file.clone()).into(), &ctx);
    h.state_mut().apply(
        Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(Attribute::Associations, 0.75),
            merge: false,
        }),
        &ctx,
    );
    finish_files(&mut h);
    assert!(
        matches!(&h.state().dialog, Some(Dialog::Unsaved { .. })),
        "{:?}",
        h.state().dialog
    );
    assert_eq!(associations(h.state()), 0.75, "nothing replaced yet");
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().doc.origin(), &Location::File(file.clone()));

    act(
        &mut h,
        FileAction::OpenBuiltIn("teaching-case.json".into()).into(),
    );
    act(&mut h, FileAction::OpenPath(file.clone()).into());
    finish_files(&mut h);
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().doc.origin(), &Location::File(file));
}
