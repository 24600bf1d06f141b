//! About the model: where it comes from, what it can and cannot say, the case
//! clusters and the sources, all from the model file.

use super::State;
use crate::app::action::{Action, ViewAction};
use crate::text::{fill, texts};
use egui::{RichText, ScrollArea};

/// The About window, when open.
pub fn window(ctx: &egui::Context, s: &State, out: &mut Vec<Action>) {
    if !s.view.about_open {
        return;
    }
    let t = texts();
    let f = &s.model.file;
    let mut open = true;
    egui::Window::new(t.about_title)
        .open(&mut open)
        .default_width(620.0)
        .default_height(560.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .show(ctx, |ui| {
            ScrollArea::vertical().show(ui, |ui| {
                ui.heading(&f.name);
                ui.label(&f.summary);
                ui.add_space(6.0);
                ui.label(RichText::new(&f.citation.full).italics());
                ui.label(
                    RichText::new(match s.model_path {
                        Some(p) => fill(t.about_model_file, &[("file", &p.display().to_string())]),
                        None => t.about_built_in_model.to_owned(),
                    })
                    .small()
                    .weak(),
                );
                ui.add_space(8.0);
                super::heading(ui, t.about_caveats);
                for c in &f.caveats {
                    ui.label(RichText::new(&c.title).strong());
                    ui.label(&c.text);
                    ui.add_space(3.0);
                }
                ui.add_space(8.0);
                super::heading(ui, t.about_cases);
                for c in &f.cases {
                    ui.label(RichText::new(format!("{} ({})", c.name, c.source)).strong());
                    ui.label(&c.summary);
                    ui.add_space(3.0);
                }
                ui.add_space(8.0);
                super::heading(ui, t.about_sources);
                for src in &f.sources {
                    ui.label(RichText::new(&src.full).small());
                }
            });
        });
    if !open {
        out.push(ViewAction::ShowAbout(false).into());
    }
}
