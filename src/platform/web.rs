//! The browser's side of the platform seam (wasm32): no threads (a job runs
//! at once), the browser's clocks, downloads for files the user saves, and
//! the browser's local storage for unsaved work ([`recovery`]) and for
//! settings (eframe keeps those).

#[cfg(feature = "gui")]
pub mod dialogs;
pub mod recovery;
mod storage;

use crate::files::Storage;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::JsCast;

pub use storage::{BrowserStorage, download};

pub const HAS_THREADS: bool = false;
pub const HAS_FOLDERS: bool = false;
pub const CAN_QUIT: bool = false;
pub const KEEP_AFTER_SECONDS: (f64, f64) = (0.25, 1.0);

pub fn clipboard_works() -> bool {
    web_sys::window().is_some_and(|w| w.is_secure_context())
}

/// The browser's languages, most wanted first (`navigator.languages`).
pub fn system_locales() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

pub fn spawn(_what: &str, job: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    job();
    Ok(())
}

pub fn storage() -> Arc<dyn Storage> {
    Arc::new(BrowserStorage::default())
}

/// The page's own name: its load time and a random number (two tabs
/// opened in the same millisecond still differ).
pub fn instance_id() -> String {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let millis = js_sys::Date::now() as u64;
        let random = (js_sys::Math::random() * 1e9) as u64;
        format!("{millis}-{random}")
    })
    .clone()
}

/// An error of the browser's, as an I/O error that says what it was.
pub(crate) fn js_error(what: &str, e: wasm_bindgen::JsValue) -> std::io::Error {
    let said = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "no reason given".into());
    std::io::Error::other(format!("the browser refused to {what} ({said})"))
}

/// The page's address without its fragment: the base of a link to a
/// cluster copied here, so the link opens this same page.
pub fn page_address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(match href.split_once('#') {
        Some((page, _)) => page.to_owned(),
        None => href,
    })
}

/// The page's fragment (`#…`), where a link carries a cluster.
pub fn page_fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Sets the tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Whether the page is shown full screen.
pub fn is_full_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}

/// Asks the browser to show the page full screen, or to stop. The browser
/// may refuse (it allows it only soon after a click or key); the workshop
/// then runs in the tab as it is.
pub fn set_full_screen(on: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if on {
        if let Some(root) = document.document_element() {
            // A refusal arrives as a rejected promise, which nobody awaits.
            let _ = root.request_fullscreen();
        }
    } else if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    }
}

/// Calls `changed` whenever the page enters or leaves full screen (the
/// browser's Esc brings no input the workbench would wake for).
pub fn on_full_screen_change(changed: impl FnMut() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(changed).into_js_value();
    let _ = document.add_event_listener_with_callback("fullscreenchange", listener.unchecked_ref());
}
