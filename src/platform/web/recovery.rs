//! Unsaved work in the browser: each page open keeps its work in local
//! storage under its own name. What the desktop does with lock files, the
//! page does with the browser's locks (the Web Locks API): a page holds a
//! lock named after its work for as long as it lives, the browser lets go
//! of it however the page ends (closed, reloaded, crashed), and a page that
//! takes the lock of some work offers it back, holding it so that no other
//! page offers it too. Two tabs open at once each keep their own work and
//! never see the other's.
//!
//! Where a page may not use locks (an address over plain http), a
//! heartbeat stands in: the page rewrites a time stamp every second and
//! removes it when it goes; work whose stamp is missing or older than
//! [`STALE_MILLIS`] belongs to a page that has gone. Browsers slow the
//! timers of hidden tabs to one a minute, hence the long wait; a page that
//! crashed is then noticed only that long after.

use crate::files::FileError;
use crate::files::recovery::Ready;
use crate::files::recovery::{MAX_RECOVERY_BYTES, Recovery};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};

/// The folder recovery files are kept in (a prefix of storage keys).
pub const FOLDER: &str = "recovery";
/// What every key of the workbench's in local storage starts with.
const PREFIX: &str = "cluster-workbench/";
/// A heartbeat older than this belongs to a page that has gone.
pub const STALE_MILLIS: f64 = 150_000.0;

thread_local! {
    /// The sessions whose heartbeat this page keeps: its own, and those of
    /// work it has taken over.
    static HELD: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static BEATING: Cell<bool> = const { Cell::new(false) };
    /// The locks this page holds, each with what lets it go.
    static LOCKS: RefCell<HashMap<String, js_sys::Function>> = RefCell::new(HashMap::new());
}

/// The browser's lock manager, where the page may use it.
fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn lock_name(id: &str) -> String {
    format!("{PREFIX}{FOLDER}/{id}")
}

/// Takes the lock of session `id` and holds it until [`let_go`]: waits for
/// it, or (`only_if_free`) takes it only if nobody holds it. Whether it was
/// taken; `None` where the page may not use locks.
async fn take_lock(id: &str, only_if_free: bool) -> Option<bool> {
    let locks = lock_manager()?;
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"ifAvailable".into(), &only_if_free.into()).ok()?;
    let mut granted: Option<js_sys::Function> = None;
    let answered = js_sys::Promise::new(&mut |resolve, _| granted = Some(resolve));
    let granted = granted?;
    // Answering twice does nothing: whichever of the holder and the
    // refusal comes first answers.
    let refused = granted.clone();
    let name = id.to_owned();
    // The browser calls this with the lock, or with null when it is held
    // elsewhere; the lock is held until the promise returned settles.
    let holder = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let taken = !lock.is_null();
        let _ = granted.call1(&JsValue::NULL, &taken.into());
        if !taken {
            return JsValue::UNDEFINED;
        }
        let mut release: Option<js_sys::Function> = None;
        let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
        if let Some(release) = release {
            LOCKS.with_borrow_mut(|l| l.insert(name, release));
        }
        held.into()
    });
    let Ok(asked) = request.call3(&locks, &lock_name(id).into(), &options, &holder) else {
        return None;
    };
    // A refused request (a page whose origin may not use locks) rejects
    // its promise and never calls the holder: answered with "undefined",
    // the page then falls back to the heartbeat instead of waiting forever.
    let on_refusal = Closure::once_into_js(move |_: JsValue| {
        let _ = refused.call1(&JsValue::NULL, &JsValue::UNDEFINED);
    });
    if let Ok(catch) = js_sys::Reflect::get(&asked, &"catch".into())
        && let Ok(catch) = catch.dyn_into::<js_sys::Function>()
    {
        let _ = catch.call1(&asked, &on_refusal);
    }
    let taken = wasm_bindgen_futures::JsFuture::from(answered).await.ok()?;
    taken.as_bool()
}

/// Lets go of the lock of session `id`, if this page holds it.
fn let_go(id: &str) {
    if let Some(release) = LOCKS.with_borrow_mut(|l| l.remove(id)) {
        let _ = release.call0(&JsValue::NULL);
    }
}

/// The browser's local storage, if the page may use it.
pub(crate) fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Whether a path names a recovery file (kept in local storage).
pub(crate) fn is_kept(path: &Path) -> bool {
    path.starts_with(FOLDER)
}

/// The local-storage key of a recovery path.
pub(crate) fn storage_key(path: &Path) -> String {
    format!("{PREFIX}{}", path.to_string_lossy())
}

fn heartbeat_key(id: &str) -> String {
    storage_key(&Path::new(FOLDER).join(format!("{id}.lock")))
}

/// Rewrites the heartbeat of every session this page holds.
fn beat() {
    let Some(store) = local() else { return };
    let now = js_sys::Date::now().to_string();
    HELD.with_borrow(|held| {
        for id in held {
            let _ = store.set_item(&heartbeat_key(id), &now);
        }
    });
}

/// Removes this page's heartbeats: it is going (unless the browser keeps
/// it to come back to: then it beats again when it is shown).
fn stop_beating(event: web_sys::Event) {
    let kept = js_sys::Reflect::get(&event, &"persisted".into())
        .ok()
        .and_then(|p| p.as_bool())
        .unwrap_or(false);
    let Some(store) = local() else { return };
    if kept {
        return;
    }
    HELD.with_borrow(|held| {
        for id in held {
            let _ = store.remove_item(&heartbeat_key(id));
        }
    });
}

/// Starts the heartbeat timer and the listeners of the page's going and
/// coming back (a page kept in the back-forward cache comes back).
fn start_beating() {
    if BEATING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let tick = Closure::<dyn FnMut()>::new(beat).into_js_value();
    let _ =
        window.set_interval_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), 1_000);
    let gone = Closure::<dyn FnMut(web_sys::Event)>::new(stop_beating).into_js_value();
    let _ = window.add_event_listener_with_callback("pagehide", gone.unchecked_ref());
    let back = Closure::<dyn FnMut()>::new(beat).into_js_value();
    let _ = window.add_event_listener_with_callback("pageshow", back.unchecked_ref());
}

fn hold(id: &str) {
    HELD.with_borrow_mut(|held| {
        if !held.iter().any(|h| h == id) {
            held.push(id.to_owned());
        }
    });
    beat();
}

fn release(id: &str) {
    let_go(id);
    HELD.with_borrow_mut(|held| held.retain(|h| h != id));
    if let Some(store) = local() {
        let _ = store.remove_item(&heartbeat_key(id));
    }
}

/// Whether the session `id` has a heartbeat that is fresh.
fn is_alive(store: &web_sys::Storage, id: &str) -> bool {
    let beat = store
        .get_item(&heartbeat_key(id))
        .ok()
        .flatten()
        .and_then(|t| t.parse::<f64>().ok());
    beat.is_some_and(|t| js_sys::Date::now() - t < STALE_MILLIS)
}

/// This page's place among the recovery files, with its heartbeat kept.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    id: String,
    /// Whether the browser's locks guard the work (else the heartbeat).
    locked: bool,
}

/// Starts this page's session in `dir`, looks for the work of pages that
/// have gone, and hands both to `done`.
pub fn start(dir: PathBuf, done: impl FnOnce(Ready) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let failed = |source| FileError::Write {
            path: crate::text::texts().browser_storage.to_owned(),
            source,
        };
        let ready = match Session::start(&dir).await {
            Ok(session) => {
                let orphans = session.orphans().await;
                Ok((session, orphans))
            }
            Err(e) => Err(failed(e)),
        };
        done(ready);
    });
}

impl Session {
    /// Starts this page's session; fails where the page may not keep data.
    async fn start(dir: &Path) -> std::io::Result<Session> {
        if local().is_none() {
            return Err(std::io::Error::other(
                "this browser keeps no data for this page (private browsing may forbid it)",
            ));
        }
        let id = super::instance_id();
        // A name no other page has: the lock is free, and taken at once.
        let locked = take_lock(&id, false).await == Some(true);
        if !locked {
            hold(&id);
            start_beating();
        }
        Ok(Session {
            dir: dir.to_path_buf(),
            id,
            locked,
        })
    }

    /// Where the work is kept, in words for a message.
    pub fn place(&self) -> String {
        crate::text::texts().browser_storage.to_owned()
    }

    /// This page's recovery file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    /// This page's heartbeat, to remove when it ends cleanly.
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    /// The work of pages that have gone, oldest first, each now held by
    /// this page.
    async fn orphans(&self) -> Vec<Orphan> {
        let Some(store) = local() else {
            return Vec::new();
        };
        let prefix = storage_key(&self.dir.join(""));
        let keys: Vec<String> = (0..store.length().unwrap_or(0))
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix) && k.ends_with(".json"))
            .collect();
        let ids = keys
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix)?.strip_suffix(".json"))
            .filter(|id| *id != self.id);
        let mut found = Vec::new();
        for id in ids {
            let gone = if self.locked {
                take_lock(id, true).await == Some(true)
            } else {
                !is_alive(&store, id)
            };
            if gone {
                found.extend(Orphan::claim(&store, &self.dir, id, self.locked));
            }
        }
        crate::files::recovery::oldest_first(&mut found, |o| &o.contents);
        found
    }
}

/// Work left by a page that has gone, its lock (or heartbeat) held by this
/// page until it is dropped.
#[derive(Debug)]
pub struct Orphan {
    pub file: PathBuf,
    /// What it holds, or why it cannot be read.
    pub contents: Result<Recovery, String>,
    id: String,
}

impl Orphan {
    /// Takes the work of session `id`, whose lock this page now holds (or
    /// whose heartbeat it takes over).
    fn claim(store: &web_sys::Storage, dir: &Path, id: &str, locked: bool) -> Option<Orphan> {
        let file = dir.join(format!("{id}.json"));
        let Some(text) = store.get_item(&storage_key(&file)).ok().flatten() else {
            // Restored or discarded by another page since the listing.
            let_go(id);
            return None;
        };
        if !locked {
            hold(id);
        }
        let contents = if text.len() as u64 > MAX_RECOVERY_BYTES {
            Err("it is larger than any work this workbench keeps".into())
        } else {
            Recovery::from_bytes(text.as_bytes())
        };
        Some(Orphan {
            file,
            contents,
            id: id.to_owned(),
        })
    }

    /// What to remove once its work is restored or discarded.
    pub fn files(&self) -> Vec<PathBuf> {
        vec![self.file.clone(), self.file.with_extension("lock")]
    }

    /// Where unreadable work is moved, so it is not offered again.
    pub fn set_aside_as(&self) -> PathBuf {
        self.file.with_extension("unreadable")
    }
}

impl Drop for Orphan {
    fn drop(&mut self) {
        release(&self.id);
    }
}
