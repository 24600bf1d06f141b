//! What leaves the workbench besides the preset: the report, the
//! trajectories, pictures for slides, results chains, logframes and
//! measurement plans. Each asks where (the system dialog,
//! or the typed-path prompt), first offering the open preset's folder or the
//! user's documents folder ([`crate::files::places`]), then goes to the
//! writer thread, which makes the bytes off the UI thread and writes them
//! atomically, so a failure leaves nothing half-written and the document is
//! never touched. Once written, a confirmation says what went where, with
//! buttons to open the file and to show its folder.

use super::action::{Export, Picture, PictureOf, Target};
use super::files::{Make, save_dialog_words};
use super::{Dialog, Workbench};
use crate::analysis::uncertainty::DEFAULT_RUNS;
use crate::export::{
    DocumentError, csv_of_trajectories, html_report, logframe_document, measurement_document,
    results_chain_document,
};
use crate::files::{FileError, launch, places};
use crate::location::Location;
use crate::text::{fill, texts};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many passes a picture of part of the window waits for that part to be
/// drawn (it takes one or two once its tab is forward).
const CHART_PASSES: u32 = 8;

/// Where a part of the window (the capability chart, the results chain) was
/// last drawn, in points, and in which pass: its picture is cut from the
/// window's along it.
pub fn picture_rect_id(of: PictureOf) -> egui::Id {
    egui::Id::unique(("picture-rect", of as u8))
}

impl Workbench {
    /// Asks where to write `export`, with a name made from the preset's.
    pub(super) fn ask_export(&mut self, export: Export) {
        if let Err(why) = self.plan_document_target(export) {
            self.view.status = Some(why.to_owned());
            return;
        }
        let name = self.export_name(export);
        let folder = self.export_folder();
        self.files.save_dialog(Target::Export(export), name, folder);
    }

    /// The folder a file is first offered in: the open preset's, when it
    /// came from a file outside the program's own presets, else the user's
    /// documents folder.
    pub(super) fn export_folder(&self) -> Option<PathBuf> {
        let file = match self.doc.origin() {
            Location::File(path) => Some(path.as_path()),
            _ => None,
        };
        places::export_folder(file, &places::System)
    }

    /// The path the typed-path prompt first offers for `export`: its name
    /// in [`Workbench::export_folder`], or the bare name when there is none.
    pub(super) fn export_suggestion(&self, export: Export) -> String {
        let name = self.export_name(export);
        match self.export_folder() {
            Some(folder) => folder.join(name).display().to_string(),
            None => name,
        }
    }

    /// The file name an export is offered under: the preset's name, what
    /// the file holds, its extension.
    pub(super) fn export_name(&self, export: Export) -> String {
        let (_, _, extension) = save_dialog_words(Target::Export(export));
        let t = texts();
        let survey = crate::text::survey::survey_texts();
        let suffix = match export {
            // The survey's forms are the same whatever the cluster.
            Export::SurveyForm => return survey.form_file_name.to_owned(),
            Export::Questionnaire => return survey.printable_file_name.to_owned(),
            Export::BaselineForm => survey.baseline_file_suffix,
            Export::Report => t.report_file_suffix,
            Export::Trajectories => t.trajectories_file_suffix,
            Export::Picture => match self.picture.as_ref().map(|p| p.of) {
                Some(PictureOf::Chart) => t.chart_file_suffix,
                Some(PictureOf::Chain) => t.chain_file_suffix,
                _ => t.window_file_suffix,
            },
            Export::Chain(_) => t.chain_file_suffix,
            Export::Logframe(_) => t.logframe_file_suffix,
            Export::MeasurementPlan => t.measurement_file_suffix,
        };
        let stem = super::file_stem(&self.doc.preset().name);
        format!("{stem}{suffix}.{extension}")
    }

    /// Writes `export` of the document as it is now to `path`.
    pub(super) fn export_to(&mut self, export: Export, path: PathBuf) {
        self.close_path_prompt();
        let shown = path.display().to_string();
        let make: Make = match export {
            Export::Report => {
                let model = Arc::clone(&self.model);
                let preset = self.doc.preset().clone();
                let threads = crate::analysis::uncertainty::available_threads();
                Box::new(move || {
                    Ok(html_report(&model, &preset, DEFAULT_RUNS, threads).into_bytes())
                })
            }
            Export::Trajectories => {
                let model = Arc::clone(&self.model);
                let preset = self.doc.preset().clone();
                Box::new(move || {
                    csv_of_trajectories(&model, &preset).map_err(|e| FileError::Encode {
                        path: shown,
                        reason: e.to_string(),
                    })
                })
            }
            Export::Picture => match self.picture.take() {
                Some(picture) => Box::new(move || png(&picture, shown)),
                // Nothing to save: the picture went with an earlier save.
                None => return,
            },
            Export::Chain(_) | Export::Logframe(_) | Export::MeasurementPlan => {
                match self.plan_document(export, shown) {
                    Some(make) => make,
                    None => return,
                }
            }
            Export::SurveyForm | Export::Questionnaire | Export::BaselineForm => {
                match self.survey_document(export, shown) {
                    Some(make) => make,
                    None => return,
                }
            }
        };
        // The writer thread lives as long as the window: it writes in the
        // language and number style of the moment the export was asked for.
        let locale = crate::text::locale();
        let make: Make = Box::new(move || {
            crate::text::set_locale(locale);
            make()
        });
        self.files.export(export, path, make);
    }

    /// What a planning document is made of: the active plan and the entry
    /// whose chain the tab shows (for a logframe or measurement plan, any
    /// entry, or none). An error says, in words, what is missing; other
    /// exports need neither.
    fn plan_document_target(&self, export: Export) -> Result<(usize, usize), &'static str> {
        let t = texts();
        match export {
            Export::Chain(_) => self
                .view
                .chain_entry(&self.doc)
                .ok_or(t.export_chain_needs_entry),
            Export::Logframe(_) | Export::MeasurementPlan | Export::BaselineForm => self
                .doc
                .active_plan()
                .map(|p| (p, 0))
                .ok_or(t.export_needs_plan),
            _ => Ok((0, 0)),
        }
    }

    /// How to make a results chain, logframe or measurement plan of the
    /// active plan (the chain of the entry the Results chain tab shows);
    /// `None`, with a word in the status line, when there is none to make.
    fn plan_document(&mut self, export: Export, shown: String) -> Option<Make> {
        let (plan, entry) = match self.plan_document_target(export) {
            Ok(target) => target,
            Err(why) => {
                self.view.status = Some(why.to_owned());
                return None;
            }
        };
        let model = Arc::clone(&self.model);
        let preset = self.doc.preset().clone();
        let encode = move |e: DocumentError| FileError::Encode {
            path: shown,
            reason: e.to_string(),
        };
        Some(match export {
            Export::Chain(format) => Box::new(move || {
                results_chain_document(&model, &preset, plan, Some(entry), format).map_err(encode)
            }),
            Export::Logframe(format) => {
                Box::new(move || logframe_document(&model, &preset, plan, format).map_err(encode))
            }
            _ => Box::new(move || measurement_document(&model, &preset, plan).map_err(encode)),
        })
    }

    /// Asks for a screenshot of what the window shows; the chart alone
    /// needs the chart on screen, so its tab comes forward first.
    pub(super) fn take_picture(&mut self, of: PictureOf) {
        match of {
            PictureOf::Chart => self.settings.dock = super::action::DockTab::Capability,
            PictureOf::Chain => self.settings.dock = super::action::DockTab::Chain,
            PictureOf::Window => {}
        }
        self.view.picture_wanted = Some(of);
        self.picture_passes = 0;
    }

    /// Once the window has been drawn as the picture needs it, asks egui
    /// for the screenshot; it arrives through [`Workbench::poll_pictures`].
    pub fn request_picture(&mut self, ctx: &egui::Context) {
        let Some(of) = self.view.picture_wanted else {
            return;
        };
        let part: Option<(egui::Rect, u64)> = ctx.data(|d| d.get_temp(picture_rect_id(of)));
        let drawn_now = part.filter(|(_, pass)| *pass == ctx.cumulative_pass_nr());
        let crop = match of {
            PictureOf::Window => None,
            PictureOf::Chart | PictureOf::Chain => match drawn_now {
                Some((rect, _)) => Some(rect),
                None if self.picture_passes < CHART_PASSES => {
                    // Not drawn yet this pass: try again on the next.
                    self.picture_passes += 1;
                    ctx.request_repaint();
                    return;
                }
                None => {
                    self.view.picture_wanted = None;
                    self.view.status = Some(texts().picture_not_shown.to_owned());
                    return;
                }
            },
        };
        self.view.picture_wanted = None;
        let ppp = ctx.pixels_per_point();
        let crop = crop.map(|r| {
            let (x, y) = ((r.min.x * ppp).floor(), (r.min.y * ppp).floor());
            let (w, h) = ((r.width() * ppp).ceil(), (r.height() * ppp).ceil());
            [x as usize, y as usize, w as usize, h as usize]
        });
        let sender = self.pictures.0.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = sender.send(Picture { of, image, crop });
            repaint.request_repaint();
        });
    }

    /// A screenshot that has arrived, if any (nothing allocated per frame).
    pub fn next_picture(&mut self) -> Option<Picture> {
        self.pictures.1.try_recv().ok()
    }

    /// Holds a picture and asks where to save it.
    pub(super) fn picture_taken(&mut self, picture: Picture) {
        self.picture = Some(picture);
        self.ask_export(Export::Picture);
    }

    /// An export was written (or not): a written one is confirmed with
    /// what and where (in the status line too, should another dialog be
    /// open).
    pub(super) fn exported(&mut self, path: &Path, result: Result<(), FileError>) {
        let t = texts();
        let file = path.display().to_string();
        let export = self.files.exported(path);
        match result {
            Ok(()) => {
                self.view.status = Some(fill(t.exported_to, &[("file", &file)]));
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::Exported {
                        what: export.map_or(t.exported_file, exported_what).to_owned(),
                        path: path.to_path_buf(),
                    });
                }
            }
            Err(reason) => self.error(
                fill(t.export_failed, &[("file", &file)]),
                reason.to_string(),
                t.export_kept,
            ),
        }
    }

    /// Opens a written file with the system's program for it, or shows its
    /// folder; a failure to ask is said in words.
    pub(super) fn open_with_system(&mut self, path: &Path, folder: bool) {
        if let Err(e) = self.files.open_with_system(path, folder) {
            let shown = if folder {
                launch::folder_of(path)
            } else {
                path.to_path_buf()
            };
            self.view.status = Some(fill(
                texts().system_open_failed,
                &[
                    ("file", &shown.display().to_string()),
                    ("reason", &e.to_string()),
                ],
            ));
        }
    }
}

/// What an export is, in words ("The report").
fn exported_what(export: Export) -> &'static str {
    let t = texts();
    let survey = crate::text::survey::survey_texts();
    match export {
        Export::Report => t.exported_report,
        Export::Trajectories => t.exported_trajectories,
        Export::Picture => t.exported_picture,
        Export::Chain(_) => t.exported_chain,
        Export::Logframe(_) => t.exported_logframe,
        Export::MeasurementPlan => t.exported_measurement,
        Export::SurveyForm => survey.exported_form,
        Export::Questionnaire => survey.exported_questionnaire,
        Export::BaselineForm => survey.exported_baseline,
    }
}

/// The picture as PNG, cut to the chart where it is one.
fn png(picture: &Picture, shown: String) -> Result<Vec<u8>, FileError> {
    let image = &picture.image;
    let cut = match picture.crop {
        Some([x, y, w, h]) => {
            let [iw, ih] = image.size;
            let (x, y) = (x.min(iw), y.min(ih));
            let (w, h) = (w.min(iw - x), h.min(ih - y));
            image.region_by_pixels([x, y], [w, h])
        }
        None => (**image).clone(),
    };
    let [w, h] = cut.size;
    let fail = |reason: String| FileError::Encode {
        path: shown.clone(),
        reason,
    };
    let size = [("width", w.to_string()), ("height", h.to_string())];
    let size: Vec<(&str, &str)> = size.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (Ok(w32), Ok(h32)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err(fail(fill(texts().picture_too_large, &size)));
    };
    let rgba = image::RgbaImage::from_raw(w32, h32, cut.as_raw().to_vec())
        .ok_or_else(|| fail(fill(texts().picture_empty, &size)))?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| fail(e.to_string()))?;
    Ok(bytes.into_inner())
}
