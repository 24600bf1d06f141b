//! File actions: new, open, save, export, pictures, the clipboard (the
//! chart's numbers, a link to the cluster), the unsaved work offered back,
//! and quitting. The reads and writes themselves
//! run on the file service's threads and report back (see `saving.rs`).

use crate::app::action::{FileAction, PathFor, Target};
use crate::app::toast::Toast;
use crate::app::{Workbench, file_stem};
use crate::export::trajectories::trajectories_table;
use crate::link;
use crate::location::Location;
use crate::preset::{Preset, builtin};
use crate::text::{fill, texts};

impl Workbench {
    pub(super) fn run_file(&mut self, action: FileAction, ctx: &egui::Context) {
        match action {
            FileAction::New => {
                let preset = Preset::new_untitled(&self.model, texts().untitled);
                self.replace(preset, Location::Untitled);
                self.settings.last = Some(Location::Untitled);
            }
            FileAction::Open => {
                self.note_read();
                self.files.open_dialog();
            }
            FileAction::OpenPathPrompt => self.prompt(PathFor::Open, None),
            FileAction::OpenPath(path) => {
                self.close_path_prompt();
                self.note_read();
                self.files.read(path);
            }
            FileAction::OpenBuiltIn(file) => self.open_built_in(&file),
            FileAction::OpenLink(link) => self.open_link(&link),
            FileAction::Loaded(loaded) => self.install(*loaded),
            FileAction::Save => match self.doc.origin().clone() {
                Location::File(path) => self.save_to(path),
                // Through `run`, so a dialog already open refuses it.
                _ => self.run(FileAction::SaveAs.into(), ctx),
            },
            FileAction::SaveAs => {
                // Refuse what would not load again before asking where.
                if self.checked_text().is_some() {
                    let name = format!("{}.json", file_stem(&self.doc.preset().name));
                    let folder = self.export_folder();
                    self.files.save_dialog(Target::Preset, name, folder);
                }
            }
            FileAction::SaveTo(path) => {
                self.close_path_prompt();
                self.save_to(path);
            }
            FileAction::Export(export) => self.ask_export(export),
            FileAction::ExportTo(export, path) => self.export_to(export, path),
            FileAction::ImportResponses => self.ask_responses(),
            FileAction::ImportResponsesFrom(path) => self.import_responses_from(path),
            FileAction::OpenFile(path) => self.open_with_system(&path, false),
            FileAction::ShowFolder(path) => self.open_with_system(&path, true),
            FileAction::TakePicture(of) => self.take_picture(of),
            FileAction::PictureTaken(picture) => self.picture_taken(picture),
            FileAction::CopyChartData => self.copy_chart_data(ctx),
            FileAction::CopyLink => self.copy_link(ctx),
            FileAction::ClearRecent => self.settings.recent.clear(),
            FileAction::Restore => self.restore(),
            FileAction::DiscardRecovered => self.discard_recovered(),
            FileAction::RecoverLater => self.recover_later(),
            FileAction::Quit => {
                // A window quitting while presenting keeps its workshop zoom
                // in eframe's memory; `repair_after_workshop` gives the old
                // one back at the next start.
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Puts the capability chart's numbers on the clipboard, tab-separated.
    fn copy_chart_data(&mut self, ctx: &egui::Context) {
        let e = self.doc.evaluation();
        let table = trajectories_table(self.doc.preset(), e, b'\t');
        if let Ok(bytes) = table
            && let Ok(text) = String::from_utf8(bytes)
        {
            ctx.copy_text(text);
            self.view.status = Some(texts().copied_chart.to_owned());
        }
    }

    /// Puts a link that holds the whole cluster on the clipboard and says
    /// how long it is; a cluster the reader would refuse, or too large for
    /// a link, gets a dialog that says why and what to do instead.
    fn copy_link(&mut self, ctx: &egui::Context) {
        let t = texts();
        let preset = self.doc.preset();
        let name = preset.name.clone();
        let made = match preset.check(&self.model) {
            Ok(()) => link::link(preset, &link_base()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match made {
            Ok(_) if !crate::platform::clipboard_works() => self.error(
                fill(t.link_failed, &[("name", &name)]),
                t.clipboard_refused.to_owned(),
                t.link_nothing_copied,
            ),
            Ok(link) => {
                let chars = link.chars().count().to_string();
                ctx.copy_text(link);
                let copied = fill(t.copied_link, &[("name", &name), ("chars", &chars)]);
                self.view.toast = Some(Toast::new(vec![copied, t.copied_link_note.to_owned()]));
            }
            Err(reason) => self.error(
                fill(t.link_failed, &[("name", &name)]),
                reason,
                t.link_nothing_copied,
            ),
        }
    }

    /// Shows a preset shipped with the workbench (its file name).
    pub(in crate::app) fn open_built_in(&mut self, file: &str) {
        let Some(b) = builtin::built_in(file) else {
            return;
        };
        match b.read(&self.model, self.locale().language) {
            Ok(preset) => {
                self.replace(preset, Location::BuiltIn(file.to_owned()));
                self.settings.last = Some(Location::BuiltIn(file.to_owned()));
            }
            Err(e) => {
                let t = texts();
                self.error(
                    fill(t.open_failed, &[("file", file)]),
                    e.to_string(),
                    t.kept_as_it_was,
                )
            }
        }
    }
}

/// The page a copied link points to: the single-file workbench on the
/// desktop ([`link::DEFAULT_BASE`]); in the browser, the page's own address.
fn link_base() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(page) = crate::platform::web::page_address() {
        return page;
    }
    link::DEFAULT_BASE.to_owned()
}
