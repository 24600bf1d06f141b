//! Autosave and recovery: unsaved work is kept in this window's recovery
//! file soon after each change (atomically, by the writer thread), and work
//! left by a window that crashed is offered back at the next start, until
//! the user restores or discards it. A save or a clean exit removes the
//! file: it only ever holds work that is not anywhere else.

use super::document::Document;
use super::{Dialog, Workbench};
use crate::files::FileError;
use crate::files::recovery::{Orphan, Recovery, Session, utc_text};
use crate::location::Location;
use crate::preset::Preset;
use crate::text::{fill, texts};
use std::collections::VecDeque;
use std::path::PathBuf;

/// Seconds without a change before the work is kept: a slider being dragged
/// is kept once it rests, not at every step.
pub const QUIET_SECONDS: f64 = crate::platform::KEEP_AFTER_SECONDS.0;
/// However busy the editing, changes are kept at most this long after the
/// first one not yet kept (the promise is five seconds; the rest is for the
/// write itself).
pub const LONGEST_SECONDS: f64 = crate::platform::KEEP_AFTER_SECONDS.1;
/// After a failed write, wait this long before trying again.
const RETRY_SECONDS: f64 = 30.0;

/// Where autosave stands.
#[derive(Debug, Default)]
pub struct Autosave {
    /// This window's place in the recovery folder; `None` until it is
    /// ready, or when there is none (autosave is then off).
    session: Option<Session>,
    /// The revision of the document that the recovery file holds (or is
    /// being written with); `None` when there is no recovery file.
    kept: Option<u64>,
    /// The revision last seen, and when it was first seen.
    seen: Option<(u64, f64)>,
    /// When the oldest change not yet kept was seen.
    since: Option<f64>,
    /// No write before this time (after a failure).
    not_before: f64,
    /// When the last keep was asked for.
    attempted_at: f64,
    /// Work left by windows that have gone, waiting for the user's answer
    /// (the first is the one the dialog shows).
    offers: VecDeque<(Orphan, Recovery, Preset)>,
    /// Restored work whose old files are removed once this window's
    /// recovery file holds it (their locks held till then).
    adopted: Vec<Orphan>,
    /// The last keep failed (the user has been told; not again until one
    /// has succeeded).
    failing: bool,
    /// A recovery file of this window's may be on disk (one was written,
    /// or a write of it was tried, since the last removal).
    on_disk: bool,
    /// Keep at the next call, without waiting (restored work is only in
    /// another window's file until then).
    urgent: bool,
}

impl Workbench {
    /// Starts keeping unsaved work in `dir`, and looks there for work left
    /// by windows that have gone.
    pub fn with_recovery_in(mut self, dir: PathBuf) -> Self {
        self.files.start_recovery(dir);
        self
    }

    /// Keeps the document for recovery when it has unsaved changes that are
    /// not yet kept and it is time, or removes the recovery file when there
    /// is nothing unsaved. `now` is in seconds on any steady clock (the
    /// window's input time). Returns how long until it should be called
    /// again, when something is waiting.
    pub fn keep_for_recovery(&mut self, now: f64) -> Option<f64> {
        let a = &mut self.autosave;
        // Called every frame: nothing is allocated until there is work.
        let session = a.session.as_ref()?;
        if !self.doc.is_dirty() {
            a.seen = None;
            a.since = None;
            a.kept = None;
            // Nothing unsaved: no recovery file of this window's, and none
            // of restored work (now saved, or discarded by the user).
            let adopted = std::mem::take(&mut a.adopted);
            if std::mem::take(&mut a.on_disk) || !adopted.is_empty() {
                let mut remove = vec![session.file()];
                remove.extend(adopted.iter().flat_map(Orphan::files));
                self.files.tidy(Vec::new(), remove, adopted);
            }
            return None;
        }
        let revision = self.doc.revision();
        if a.kept == Some(revision) {
            return None;
        }
        if a.seen.is_none_or(|(r, _)| r != revision) {
            a.seen = Some((revision, now));
            a.since.get_or_insert(now);
        }
        let changed = a.seen.map_or(now, |(_, t)| t);
        let due = if a.urgent {
            now
        } else {
            (changed + QUIET_SECONDS)
                .min(a.since.unwrap_or(now) + LONGEST_SECONDS)
                .max(a.not_before)
        };
        if now < due {
            return Some(due - now);
        }
        let recovery = Recovery::now(
            self.doc.origin().clone(),
            self.doc.preset().to_canonical_json(),
        );
        a.kept = Some(revision);
        a.since = None;
        a.urgent = false;
        a.attempted_at = now;
        // Even a failed write may leave the file of an earlier one.
        a.on_disk = true;
        let adopted = std::mem::take(&mut a.adopted);
        self.files.keep(session.file(), recovery.to_text(), adopted);
        None
    }

    /// The writer's answer to a keep; restored work whose old files could
    /// not go yet comes back, to go with the next keep.
    pub(super) fn kept(&mut self, result: Result<(), FileError>, adopted: Vec<Orphan>) {
        let a = &mut self.autosave;
        a.adopted.extend(adopted);
        match result {
            Ok(()) => a.failing = false,
            Err(e) => {
                // Try again later, with whatever the document is then.
                a.kept = None;
                a.not_before = a.attempted_at + RETRY_SECONDS;
                if !std::mem::replace(&mut a.failing, true) {
                    let folder = a.session.as_ref().map(|s| s.place()).unwrap_or_default();
                    let failed = if crate::platform::HAS_FOLDERS {
                        texts().keep_failed
                    } else {
                        texts().keep_failed_browser
                    };
                    let note = fill(failed, &[("reason", &e.cause()), ("folder", &folder)]);
                    self.note(note);
                }
            }
        }
    }

    /// The recovery folder is ready (or not): offer what was left there.
    pub(super) fn recovery_ready(&mut self, result: Result<(Session, Vec<Orphan>), FileError>) {
        let t = texts();
        let (session, orphans) = match result {
            Ok(found) => found,
            Err(e) => {
                self.note(fill(t.recovery_off, &[("reason", &e.to_string())]));
                return;
            }
        };
        self.autosave.session = Some(session);
        let mut notes = Vec::new();
        for orphan in orphans {
            let checked = orphan.contents.clone().and_then(|r| {
                Preset::from_bytes(r.preset.as_bytes(), &self.model)
                    .map(|p| (r, p))
                    .map_err(|e| e.to_string())
            });
            match checked {
                Ok((recovery, preset)) => {
                    eprintln!(
                        "cluster-workbench: offering to restore unsaved work from {}",
                        orphan.file.display()
                    );
                    self.autosave.offers.push_back((orphan, recovery, preset));
                }
                Err(reason) => {
                    // Moved aside, not deleted: nothing the user had is lost,
                    // and it is not offered again.
                    let aside = orphan.set_aside_as();
                    notes.push(fill(
                        t.recover_unreadable,
                        &[("reason", &reason), ("file", &aside.display().to_string())],
                    ));
                    let rename = vec![(orphan.file.clone(), aside)];
                    let lock = orphan.file.with_extension("lock");
                    self.files.tidy(rename, vec![lock], vec![orphan]);
                }
            }
        }
        for note in notes {
            self.note(note);
        }
        self.offer_next();
    }

    /// Shows the next work to offer back, if any and nothing else is asked.
    pub(super) fn offer_next(&mut self) {
        if self.dialog.is_some() {
            return;
        }
        let t = texts();
        let Some((_, recovery, preset)) = self.autosave.offers.front() else {
            return;
        };
        let name = preset.name.as_str();
        let what = match &recovery.from {
            Location::File(path) => fill(
                t.recover_from_file,
                &[("name", name), ("file", &path.display().to_string())],
            ),
            Location::Untitled => fill(t.recover_from_untitled, &[("name", name)]),
            Location::BuiltIn(file) => {
                fill(t.recover_from_built_in, &[("name", name), ("file", file)])
            }
        };
        let body = fill(
            t.recover_body,
            &[("what", &what), ("when", &utc_text(recovery.kept_at))],
        );
        let more = self.autosave.offers.len() - 1;
        self.dialog = Some(Dialog::Recover { body, more });
    }

    /// The user restores the work on offer: it opens, unsaved, belonging to
    /// the file it came from; its old recovery file goes once this window's
    /// own holds the work.
    pub(super) fn restore(&mut self) {
        self.dialog = None;
        if let Some((orphan, recovery, preset)) = self.autosave.offers.pop_front() {
            self.replace_document(Document::restored(&self.model, preset, recovery.from));
            self.autosave.adopted.push(orphan);
            self.autosave.kept = None;
            self.autosave.urgent = true;
            self.view.status = Some(texts().recover_restored.to_owned());
        }
        self.offer_next();
    }

    /// The user discards the work on offer.
    pub(super) fn discard_recovered(&mut self) {
        self.dialog = None;
        if let Some((orphan, _, _)) = self.autosave.offers.pop_front() {
            let files = orphan.files();
            self.files.tidy(Vec::new(), files, vec![orphan]);
        }
        self.offer_next();
    }

    /// The user decides later: the work stays for the next start.
    pub(super) fn recover_later(&mut self) {
        self.dialog = None;
        // Dropping the offers lets their locks go, so another window (or the
        // next start) can offer them.
        self.autosave.offers.clear();
    }

    /// A clean exit: the writes under way finish, then this window's
    /// recovery file and lock go, unless its work is unsaved and the user
    /// did not say to discard it (then it stays, to be offered next time).
    pub fn shut_down(&mut self) {
        let timeout = std::time::Duration::from_secs(5);
        if let Some(session) = self.autosave.session.take() {
            let discard = !self.doc.is_dirty() || self.allow_close;
            if discard {
                let adopted = std::mem::take(&mut self.autosave.adopted);
                let mut remove = vec![session.file(), session.lock_file()];
                remove.extend(adopted.iter().flat_map(Orphan::files));
                self.files.tidy(Vec::new(), remove, adopted);
            }
            self.files.flush(timeout);
            // Let go only now: the lock is held until its file is gone.
            drop(session);
        } else {
            self.files.flush(timeout);
        }
    }
}
