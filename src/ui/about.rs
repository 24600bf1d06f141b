//! The Help windows. About the model: where it comes from, what it can and
//! cannot say, the case clusters and the sources. The glossary: the terms of
//! the paper and of the model in plain words, in a window and on hover where
//! a term appears. All from the model file.

use super::State;
use crate::app::action::{Action, ViewAction};
use crate::model::Model;
use crate::model::file::GlossaryEntry;
use crate::text::{fill, texts};
use egui::{RichText, ScrollArea, Ui};

/// The Help windows that are open: About the model, the glossary.
pub fn window(ctx: &egui::Context, s: &State, out: &mut Vec<Action>) {
    about_window(ctx, s, out);
    glossary_window(ctx, s, out);
}

/// The About window, when open.
fn about_window(ctx: &egui::Context, s: &State, out: &mut Vec<Action>) {
    if !s.view.about_open {
        return;
    }
    let t = texts();
    let m = s.model;
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
                ui.heading(m.name());
                ui.label(m.summary());
                ui.add_space(6.0);
                ui.label(RichText::new(&m.citation().full).italics());
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
                for c in m.caveats() {
                    ui.label(RichText::new(&c.title).strong());
                    ui.label(&c.text);
                    ui.add_space(3.0);
                }
                ui.add_space(8.0);
                super::heading(ui, t.about_cases);
                for c in m.cases() {
                    ui.label(RichText::new(format!("{} ({})", c.name, c.source)).strong());
                    ui.label(&c.summary);
                    ui.add_space(3.0);
                }
                ui.add_space(8.0);
                super::heading(ui, t.about_sources);
                for src in m.sources() {
                    ui.label(RichText::new(&src.full).small());
                }
            });
        });
    if !open {
        out.push(ViewAction::ShowAbout(false).into());
    }
}

/// The glossary window, when open: every entry, in the model file's order.
fn glossary_window(ctx: &egui::Context, s: &State, out: &mut Vec<Action>) {
    if !s.view.glossary_open {
        return;
    }
    let t = texts();
    let mut open = true;
    egui::Window::new(t.glossary_title)
        .open(&mut open)
        .default_width(520.0)
        .default_height(520.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(RichText::new(t.glossary_intro).small());
            ui.add_space(4.0);
            ScrollArea::vertical().show(ui, |ui| {
                for entry in s.model.glossary() {
                    entry_ui(ui, entry);
                    ui.add_space(6.0);
                }
            });
        });
    if !open {
        out.push(ViewAction::ShowGlossary(false).into());
    }
}

/// One entry: the term, what it means, and whose term it is.
pub fn entry_ui(ui: &mut Ui, entry: &GlossaryEntry) {
    ui.label(RichText::new(&entry.term).strong());
    ui.label(&entry.explanation);
    ui.label(RichText::new(source_line(entry)).small().weak());
}

/// Where the term comes from: the paper's section and words, or the model.
pub fn source_line(entry: &GlossaryEntry) -> String {
    let t = texts();
    match (&entry.section, &entry.quote) {
        (Some(section), Some(quote)) if !entry.own => fill(
            t.glossary_paper_source,
            &[("section", section), ("quote", quote)],
        ),
        _ => t.glossary_own_source.to_owned(),
    }
}

/// Under a hover's own text, the glossary's entries for the terms `text`
/// uses (nothing when it uses none).
pub fn terms_ui(ui: &mut Ui, model: &Model, text: &str) {
    let entries = model.glossary_in(text);
    if entries.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(texts().glossary_hover_heading).small().weak());
    for entry in entries {
        entry_ui(ui, entry);
    }
}

/// A hover of `hint`, with the glossary's entries for the terms `terms` uses.
pub fn hover_with_terms(
    response: egui::Response,
    model: &Model,
    hint: &str,
    terms: &str,
) -> egui::Response {
    response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        if !hint.is_empty() {
            ui.label(hint);
        }
        terms_ui(ui, model, terms);
    })
}
