//! Files in the browser: a preset or export the user saves becomes a
//! download (the browser asks where, or puts it in its downloads folder);
//! unsaved work kept for recovery goes to the browser's local storage.
//!
//! The writer writes every file the same way everywhere: the bytes to a
//! temporary name, then a rename over the target. Here the bytes wait in
//! memory, and the rename delivers them.

use super::js_error;
use super::recovery::{is_kept, local, storage_key};
use crate::files::Storage;
use std::collections::HashMap;
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Downloads, and local storage for recovery files.
#[derive(Debug, Default)]
pub struct BrowserStorage {
    /// Bytes written to a temporary name, waiting for their rename.
    staged: Mutex<HashMap<PathBuf, Vec<u8>>>,
}

impl BrowserStorage {
    fn take_staged(&self, path: &Path) -> Option<Vec<u8>> {
        self.staged.lock().ok()?.remove(path)
    }
}

impl Storage for BrowserStorage {
    fn write_new(&self, path: &Path, contents: &[u8]) -> std::io::Result<()> {
        self.staged
            .lock()
            .map_err(|_| Error::other("an earlier write failed part-way"))?
            .insert(path.to_path_buf(), contents.to_vec());
        Ok(())
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if let Some(bytes) = self.take_staged(from) {
            return if is_kept(to) {
                keep(to, &bytes)
            } else {
                let name = to
                    .file_name()
                    .map_or_else(|| "cluster.json".into(), |n| n.to_string_lossy());
                download(&name, &bytes)
            };
        }
        // A recovery file moved aside (one that could not be read).
        let store = local().ok_or_else(no_storage)?;
        let text = store
            .get_item(&storage_key(from))
            .map_err(|e| js_error("read its storage", e))?
            .ok_or_else(|| Error::from(ErrorKind::NotFound))?;
        keep(to, text.as_bytes())?;
        let _ = store.remove_item(&storage_key(from));
        Ok(())
    }

    fn remove(&self, path: &Path) -> std::io::Result<()> {
        if self.take_staged(path).is_none() && is_kept(path) {
            let store = local().ok_or_else(no_storage)?;
            store
                .remove_item(&storage_key(path))
                .map_err(|e| js_error("change its storage", e))?;
        }
        Ok(())
    }
}

fn no_storage() -> Error {
    Error::other("this browser keeps no data for this page (private browsing may forbid it)")
}

/// Keeps a recovery file in local storage.
fn keep(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::other("not text"))?;
    let store = local().ok_or_else(no_storage)?;
    store.set_item(&storage_key(path), text).map_err(|e| {
        // The one failure a page meets here: its share of storage is used up.
        Error::new(
            ErrorKind::QuotaExceeded,
            js_error("keep more for this page", e),
        )
    })
}

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let fail = |e| js_error("offer the download", e);
    let window = web_sys::window().ok_or_else(|| Error::other("no browser window"))?;
    let document = window.document().ok_or_else(|| Error::other("no page"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type(name));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| Error::other("no link element"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The address is let go once the browser has surely started the
    // download; a minute is far more than it needs.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// The type a download is offered as, from its name's extension.
fn mime_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "json" => "application/json",
        "html" => "text/html",
        "csv" => "text/csv",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/plain",
    }
}
