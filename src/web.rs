//! The workbench in a browser page: the same [`Workbench`] and views as the
//! desktop's window, started by the page's script (`tools/build-web` makes
//! the page). The tab's title follows the document, workshop mode asks for
//! the browser's full screen, settings are kept by eframe in the browser's
//! storage, and a cluster in the page's link is opened.

use crate::app::settings::{SETTINGS_KEY, Settings};
use crate::app::{Dialog, Workbench, apply_theme};
use crate::location::Location;
use crate::model::Model;
use crate::platform::web as page;
use crate::text::{fill, texts};
use std::path::PathBuf;
use wasm_bindgen::prelude::*;

/// The eframe application in the page.
struct WebApp {
    workbench: Workbench,
    /// The tab's title as last set.
    title: String,
    /// Whether full screen was asked for (the workshop is on).
    full_screen: bool,
    /// Whether the page has been full screen since it was asked for.
    was_full_screen: bool,
    /// The address's fragment as last seen.
    fragment: String,
}

impl eframe::App for WebApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.follow_address(ui.ctx());
        crate::ui::frame(ui, &mut self.workbench);
        self.follow_page(ui.ctx());
        let work_ms = frame.info().cpu_usage.map(|s| f64::from(s) * 1000.0);
        STATE.with_borrow_mut(|state| state.update(&self.workbench, work_ms));
    }

    /// eframe keeps the settings at this pace (and is not told when the
    /// tab closes), so a theme or zoom chosen just before is not lost.
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(2)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(SETTINGS_KEY, self.workbench.settings.to_stored());
    }
}

impl WebApp {
    /// Opens a link pasted into the address bar of the open page (only the
    /// fragment changes, so the page is not loaded again); unsaved work is
    /// asked about first, as for any file opened.
    fn follow_address(&mut self, ctx: &egui::Context) {
        let fragment = page::page_fragment().unwrap_or_default();
        if fragment == self.fragment {
            return;
        }
        self.fragment = fragment;
        if !crate::link::has_link(&self.fragment) {
            return;
        }
        // Read first: a link that cannot be opened is refused with the work
        // open kept, and nobody is asked to discard work for nothing.
        match crate::link::read(&self.fragment, &self.workbench.model) {
            Ok(_) => {
                let open = crate::app::action::FileAction::OpenLink(self.fragment.clone());
                self.workbench.apply(open.into(), ctx);
            }
            Err(e) => self.workbench.refuse_link(&e),
        }
    }

    /// What the page shows outside the canvas: the tab's title, and full
    /// screen while the workshop runs.
    fn follow_page(&mut self, ctx: &egui::Context) {
        let title = self.workbench.title();
        if title != self.title {
            page::set_title(&title);
            self.title = title;
        }
        let presenting = self.workbench.view.presenting;
        if presenting != self.full_screen {
            page::set_full_screen(presenting);
            self.full_screen = presenting;
            self.was_full_screen = false;
        }
        // The browser's Esc leaves full screen before the page sees the key:
        // the workshop ends with it, as Esc ends it on the desktop. (A
        // browser that refused full screen leaves the workshop in the tab.)
        let now = page::is_full_screen();
        if presenting && self.was_full_screen && !now {
            let leave = crate::app::action::ViewAction::Present(false);
            self.workbench.apply(leave.into(), ctx);
        }
        self.was_full_screen = presenting && (self.was_full_screen || now);
    }
}

thread_local! {
    /// What the page shows, for [`state`].
    static STATE: std::cell::RefCell<PageState> = std::cell::RefCell::new(PageState::default());
}

/// What the page shows, kept after each frame for scripts that drive the
/// page (the browser tests and the benchmark): a canvas has no text to
/// read.
#[derive(Default)]
struct PageState {
    frames: u64,
    /// The longest time a frame's work took since the last
    /// [`take_longest_frame`], in milliseconds.
    longest_ms: f64,
    last_ms: f64,
    json: String,
}

impl PageState {
    fn update(&mut self, wb: &Workbench, work_ms: Option<f64>) {
        self.frames += 1;
        if let Some(ms) = work_ms {
            self.last_ms = ms;
            self.longest_ms = self.longest_ms.max(ms);
        }
        let doc = &wb.doc;
        let evaluation = doc.evaluation();
        let plan = doc.active_plan();
        let preset = doc.preset();
        let dialog = wb.dialog.as_ref().map(|d| match d {
            Dialog::Unsaved { .. } => ("unsaved", String::new()),
            Dialog::Error { title, message } => ("error", format!("{title}\n{message}")),
            Dialog::PathPrompt { .. } => ("path", String::new()),
            Dialog::PlanName { .. } => ("plan name", String::new()),
            Dialog::Custom(_) => ("custom", String::new()),
            Dialog::Exported { what, path } => ("exported", format!("{what}\n{}", path.display())),
            Dialog::Recover { body, .. } => ("recover", body.clone()),
            Dialog::SurveyReview(review) => ("survey review", review.file.clone()),
        });
        let attributes: serde_json::Map<String, serde_json::Value> =
            crate::attribute::Attribute::ALL
                .iter()
                .map(|&a| (format!("{a:?}"), preset.attributes[a].into()))
                .collect();
        self.json = serde_json::json!({
            "frames": self.frames,
            "last_frame_ms": self.last_ms,
            "longest_frame_ms": self.longest_ms,
            "title": wb.title(),
            "name": preset.name,
            "dirty": doc.is_dirty(),
            "dialog": dialog.map(|(kind, text)| serde_json::json!({ "kind": kind, "text": text })),
            "presenting": wb.view.presenting,
            "full_screen": page::is_full_screen(),
            "analysis_current": wb.analysis().1,
            "plans": preset.plans.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            "active_plan": plan.and_then(|i| preset.plans.get(i)).map(|p| p.name.clone()),
            "capability_at_horizon": {
                "no_plan": evaluation.baseline.trajectory.final_capability(),
                "active_plan": evaluation.scenario(plan).trajectory.final_capability(),
            },
            "attributes": attributes,
        })
        .to_string();
    }
}

/// What the page shows now, as JSON (for scripts that drive the page).
#[wasm_bindgen]
pub fn state() -> String {
    STATE.with_borrow(|s| s.json.clone())
}

/// The longest time a frame's work took since the last call, in
/// milliseconds (for the benchmark), and starts counting again.
#[wasm_bindgen]
pub fn take_longest_frame() -> f64 {
    STATE.with_borrow_mut(|s| std::mem::take(&mut s.longest_ms))
}

/// Starts the workbench in the canvas with the id `canvas_id`. The promise
/// fails with the reason when it cannot start (no WebGL, say), for the
/// page to show.
#[wasm_bindgen]
pub async fn start(canvas_id: String) -> Result<(), JsValue> {
    let fail = |what: String| JsValue::from_str(&what);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no page".into()))?;
    let canvas = document
        .get_element_by_id(&canvas_id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlCanvasElement>(e).ok())
        .ok_or_else(|| fail(format!("the page has no canvas {canvas_id:?}")))?;
    let model = Model::default_model().map_err(|e| fail(e.to_string()))?;
    let link = page::page_fragment().filter(|f| crate::link::has_link(f));
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                let stored = cc.storage.and_then(|s| s.get_string(SETTINGS_KEY));
                let (mut settings, damaged) = Settings::read(stored.as_deref());
                settings.system_language = crate::platform::system_language();
                crate::ui::theme::apply_style(&cc.egui_ctx);
                apply_theme(&cc.egui_ctx, settings.theme);
                let awake = cc.egui_ctx.clone();
                page::on_full_screen_change(move || awake.request_repaint());
                let ctx = cc.egui_ctx.clone();
                // A link says what to open; the settings do otherwise.
                let start = link.is_some().then_some(Location::Untitled);
                let mut workbench =
                    Workbench::new(model, None, settings, start, move || ctx.request_repaint())
                        .with_recovery_in(PathBuf::from(page::recovery::FOLDER));
                workbench.repair_after_workshop(&cc.egui_ctx);
                if let Some(reason) = damaged {
                    workbench.note(fill(texts().settings_unreadable, &[("reason", &reason)]));
                }
                if let Some(link) = link {
                    workbench.open_link(&link);
                }
                Ok(Box::new(WebApp {
                    workbench,
                    title: String::new(),
                    full_screen: false,
                    was_full_screen: false,
                    fragment: page::page_fragment().unwrap_or_default(),
                }))
            }),
        )
        .await
}
