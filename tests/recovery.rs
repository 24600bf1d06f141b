//! Autosave and recovery: unsaved work reaches this window's recovery file
//! within seconds of the last change, a window that has gone is offered
//! back at the next start until the user decides, a live window's work is
//! never offered, and a save or a clean exit removes the file. A damaged
//! recovery file gives a clean start and a note.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{finish_files, harness_of, workbench};

use cluster_workbench::app::action::{Action, DialogAction, DocAction, FileAction};
use cluster_workbench::app::{Dialog, Workbench};
use cluster_workbench::attribute::Attribute;
use cluster_workbench::edit::Edit;
use cluster_workbench::files::recovery::Recovery;
use cluster_workbench::location::Location;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

type Window = Harness<'static, Workbench>;

/// A window on the teaching case keeping its work in `dir`, ready.
fn window_in(dir: &Path) -> Window {
    let wb = workbench("teaching-case.json").with_recovery_in(dir.to_path_buf());
    let mut h = harness_of(wb);
    finish_files(&mut h);
    h
}

fn edit(h: &mut Window, value: f64) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        Action::Document(DocAction::Edit {
            edit: Edit::SetAttribute(Attribute::Associations, value),
            merge: true,
        }),
        &ctx,
    );
}

/// Calls autosave at `now`, then lets its write finish.
fn keep_at(h: &mut Window, now: f64) -> Option<f64> {
    let wait = h.state_mut().keep_for_recovery(now);
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    wait
}

/// The recovery files in `dir` (not lock files).
fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn kept(path: &Path) -> Recovery {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A window that edits, keeps its work, and crashes (dropped without
/// shutting down, which lets its lock go as the end of a process does).
fn crashed_with_work(dir: &Path) {
    let mut first = window_in(dir);
    edit(&mut first, 0.75);
    keep_at(&mut first, 0.0);
    keep_at(&mut first, 2.0);
    drop(first);
}

fn associations(wb: &Workbench) -> f64 {
    wb.doc.preset().attributes[Attribute::Associations]
}

#[test]
fn work_is_kept_a_second_after_the_last_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_in(dir.path());
    assert_eq!(keep_at(&mut h, 0.0), None, "nothing unsaved, nothing kept");
    assert!(recovery_files(dir.path()).is_empty());
    edit(&mut h, 0.75);
    let wait = keep_at(&mut h, 10.0).expect("waits for the edits to rest");
    assert!(wait > 0.0 && wait <= 1.0, "{wait}");
    assert!(recovery_files(dir.path()).is_empty());
    assert_eq!(keep_at(&mut h, 10.0 + wait), None);
    let files = recovery_files(dir.path());
    assert_eq!(files.len(), 1);
    let r = kept(&files[0]);
    assert_eq!(r.from, Location::BuiltIn("teaching-case.json".into()));
    assert_eq!(r.preset, h.state().doc.preset().to_canonical_json());
}

/// Editing without a pause (a slider dragged on and on) is kept all the
/// same, at most three seconds after the first change not yet kept.
#[test]
fn continuous_editing_is_kept_within_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_in(dir.path());
    let mut now = 100.0;
    // Upwards from 0.7: the values kept to hundredths never pass the saved
    // 0.6, which would make the document clean again and restart the wait.
    let mut value = 0.7;
    while recovery_files(dir.path()).is_empty() {
        assert!(now <= 103.0 + 1e-9, "not kept by {now}");
        edit(&mut h, value);
        keep_at(&mut h, now);
        now += 0.25;
        value += 0.01;
    }
    // The file holds the work as it was when written, and the latest
    // edits follow once they rest.
    edit(&mut h, 0.9);
    keep_at(&mut h, now);
    keep_at(&mut h, now + 1.0);
    let r = kept(&recovery_files(dir.path())[0]);
    assert!(r.preset.contains("\"associations\": 0.9,"), "{}", r.preset);
}

#[test]
fn a_save_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut h = window_in(dir.path());
    edit(&mut h, 0.75);
    keep_at(&mut h, 0.0);
    keep_at(&mut h, 2.0);
    assert_eq!(recovery_files(dir.path()).len(), 1);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        FileAction::SaveTo(out.path().join("saved.json")).into(),
        &ctx,
    );
    finish_files(&mut h);
    keep_at(&mut h, 3.0);
    assert!(recovery_files(dir.path()).is_empty());
}

#[test]
fn a_clean_exit_removes_the_recovery_and_lock_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_in(dir.path());
    edit(&mut h, 0.75);
    keep_at(&mut h, 0.0);
    keep_at(&mut h, 2.0);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // Quitting without saving, as the user chose: nothing is left.
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        DialogAction::Confirmed(Box::new(FileAction::Quit.into())).into(),
        &ctx,
    );
    h.state_mut().shut_down();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A window closed with unsaved work the user never agreed to discard (the
/// system ending the session, say) leaves it to be offered next time.
#[test]
fn an_exit_without_the_user_s_word_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_in(dir.path());
    edit(&mut h, 0.75);
    keep_at(&mut h, 0.0);
    keep_at(&mut h, 2.0);
    h.state_mut().shut_down();
    drop(h);
    let h = window_in(dir.path());
    assert!(matches!(h.state().dialog, Some(Dialog::Recover { .. })));
}

/// A window that crashed (here: dropped without shutting down, which lets
/// its lock go as the end of a process does) leaves its work, which the
/// next start offers back, and restores.
#[test]
fn after_a_crash_the_next_start_offers_the_work_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = window_in(dir.path());
    edit(&mut first, 0.75);
    keep_at(&mut first, 0.0);
    keep_at(&mut first, 2.0);
    let left = recovery_files(dir.path());
    drop(first);

    let mut h = window_in(dir.path());
    let body = match &h.state().dialog {
        Some(Dialog::Recover { body, more }) => {
            assert_eq!(*more, 0);
            body.clone()
        }
        other => panic!("expected the offer, got {other:?}"),
    };
    assert!(
        body.contains("Teaching case: buyer links for a stagnant cluster"),
        "{body}"
    );
    assert!(body.contains("shipped preset teaching-case.json"), "{body}");
    assert!(body.contains("UTC"), "{body}");
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    h.get_by_label("Restore").click();
    h.run();
    let wb = h.state();
    assert!(wb.dialog.is_none());
    assert_eq!(associations(wb), 0.75);
    assert!(wb.doc.is_dirty(), "restored work is not saved");
    assert_eq!(
        wb.doc.origin(),
        &Location::BuiltIn("teaching-case.json".into())
    );
    // Its old file goes once this window's own holds the work.
    keep_at(&mut h, 50.0);
    let now = recovery_files(dir.path());
    assert_eq!(now.len(), 1);
    assert_ne!(now, left);
    assert!(kept(&now[0]).preset.contains("\"associations\": 0.75"));
}

#[test]
fn a_live_window_s_work_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = window_in(dir.path());
    edit(&mut first, 0.75);
    keep_at(&mut first, 0.0);
    keep_at(&mut first, 2.0);
    let mut second = window_in(dir.path());
    assert!(
        second.state().dialog.is_none(),
        "{:?}",
        second.state().dialog
    );
    // Each keeps its own file.
    edit(&mut second, 0.3);
    keep_at(&mut second, 0.0);
    keep_at(&mut second, 2.0);
    let files = recovery_files(dir.path());
    assert_eq!(files.len(), 2);
    let values: Vec<bool> = files
        .iter()
        .map(|f| kept(f).preset.contains("\"associations\": 0.75"))
        .collect();
    assert!(
        values.contains(&true) && values.contains(&false),
        "{values:?}"
    );
    // A third window offers neither while both run.
    let third = window_in(dir.path());
    assert!(third.state().dialog.is_none());
}

#[test]
fn deciding_later_keeps_the_work_and_discarding_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    crashed_with_work(dir.path());

    let mut h = window_in(dir.path());
    h.get_by_label("Decide later").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(
        associations(h.state()),
        0.6,
        "the open document is untouched"
    );
    assert_eq!(recovery_files(dir.path()).len(), 1);
    h.state_mut().shut_down();
    drop(h);

    let mut h = window_in(dir.path());
    assert!(matches!(h.state().dialog, Some(Dialog::Recover { .. })));
    h.get_by_label("Discard").click();
    h.run();
    finish_files(&mut h);
    assert!(recovery_files(dir.path()).is_empty());
    h.state_mut().shut_down();
    drop(h);
    let h = window_in(dir.path());
    assert!(h.state().dialog.is_none());
}

/// Restoring over unsaved work asks first, like opening a file.
#[test]
fn restoring_over_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    crashed_with_work(dir.path());
    let mut h = window_in(dir.path());
    edit(&mut h, 0.3);
    h.get_by_label("Restore").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(associations(h.state()), 0.3);
    assert!(
        matches!(h.state().dialog, Some(Dialog::Recover { .. })),
        "the offer comes back"
    );
}

#[test]
fn a_damaged_recovery_file_gives_a_clean_start_and_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    std::fs::write(
        dir.path().join("1-1.json"),
        "{\"format\": \"cluster-workbench-rec",
    )
    .unwrap();
    let wrong_preset = Recovery::now(Location::Untitled, "{\"format\": 3}".into());
    std::fs::write(dir.path().join("1-2.json"), wrong_preset.to_text()).unwrap();
    let mut h = window_in(dir.path());
    finish_files(&mut h);
    let wb = h.state();
    assert!(wb.dialog.is_none(), "{:?}", wb.dialog);
    assert_eq!(wb.view.notices.len(), 2, "{:?}", wb.view.notices);
    for n in &wb.view.notices {
        assert!(n.contains("could not be read"), "{n}");
        assert!(n.contains(".unreadable"), "{n}");
    }
    assert!(recovery_files(dir.path()).is_empty());
    assert!(dir.path().join("1-1.unreadable").exists());
    assert!(dir.path().join("1-2.unreadable").exists());
    h.query_all_by_label("Dismiss").next().unwrap().click();
    h.run();
    assert_eq!(h.state().view.notices.len(), 1);
}

#[test]
fn a_recovery_folder_that_cannot_be_made_turns_autosave_off_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let mut h = window_in(&file.join("recovery"));
    edit(&mut h, 0.75);
    assert_eq!(keep_at(&mut h, 0.0), None);
    assert!(
        h.state()
            .view
            .notices
            .iter()
            .any(|n| n.contains("cannot be kept for recovery")),
        "{:?}",
        h.state().view.notices
    );
}

/// A disk that fails while `fail` is set.
struct Switchable {
    fail: std::sync::atomic::AtomicBool,
}

impl cluster_workbench::files::Storage for Switchable {
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
        if self.fail.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(std::io::ErrorKind::StorageFull.into());
        }
        cluster_workbench::files::Disk.write_new(path, contents)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        cluster_workbench::files::Disk.rename(from, to)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        cluster_workbench::files::Disk.remove(path)
    }
}

/// A keep that fails says so once, tries again after a while, and a later
/// save still removes the file an earlier keep left (which would otherwise
/// be offered after a crash as unsaved work).
#[test]
fn a_failing_keep_is_noted_once_retried_and_tidied_after_a_save() {
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let disk = std::sync::Arc::new(Switchable { fail: false.into() });
    let wb = workbench("teaching-case.json")
        .with_storage(disk.clone())
        .with_recovery_in(dir.path().to_path_buf());
    let mut h = harness_of(wb);
    finish_files(&mut h);
    edit(&mut h, 0.75);
    keep_at(&mut h, 0.0);
    keep_at(&mut h, 2.0);
    assert_eq!(recovery_files(dir.path()).len(), 1);

    disk.fail.store(true, Ordering::SeqCst);
    edit(&mut h, 0.8);
    keep_at(&mut h, 10.0);
    keep_at(&mut h, 12.0);
    let notices = h.state().view.notices.clone();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("cannot be kept for recovery"),
        "{notices:?}"
    );
    // No new attempt within the pause, then one; still one notice.
    assert!(keep_at(&mut h, 20.0).is_some_and(|w| w > 20.0));
    keep_at(&mut h, 42.5);
    assert_eq!(h.state().view.notices.len(), 1);

    disk.fail.store(false, Ordering::SeqCst);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        FileAction::SaveTo(out.path().join("saved.json")).into(),
        &ctx,
    );
    finish_files(&mut h);
    assert!(!h.state().doc.is_dirty());
    keep_at(&mut h, 50.0);
    assert!(
        recovery_files(dir.path()).is_empty(),
        "the earlier keep's file is gone"
    );
}
