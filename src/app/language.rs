//! The workbench's language and way with numbers: chosen in the View menu,
//! remembered in the settings, and on a first start the system's. A change
//! takes effect at once: the model's words are read again in the new
//! language, and everything made from words is made again.

use std::sync::Arc;

use super::Workbench;
use super::analysis::AnalysisService;
use super::chain::ChainCache;
use crate::language::{Language, Locale, NumberChoice};
use crate::location::Location;
use crate::model::Model;
use crate::preset::{Preset, builtin};
use crate::text::{self, fill, texts};

impl Workbench {
    /// The language and number style in use.
    pub fn locale(&self) -> Locale {
        self.settings.locale()
    }

    /// Makes this thread's texts follow the workbench's locale (once per
    /// frame, before anything is drawn).
    pub fn enter_locale(&self) {
        text::set_locale(self.locale());
    }

    /// Speaks `language` from now on, and remembers it.
    pub(in crate::app) fn choose_language(&mut self, language: Language) {
        let before = self.locale();
        self.settings.language = Some(language);
        self.take_locale(before);
    }

    /// Writes numbers as `numbers` says from now on, and remembers it.
    pub(in crate::app) fn choose_numbers(&mut self, numbers: NumberChoice) {
        let before = self.locale();
        self.settings.numbers = numbers;
        self.take_locale(before);
    }

    /// Puts a new locale into effect; `before` is the one it replaces.
    fn take_locale(&mut self, before: Locale) {
        let now = self.locale();
        text::set_locale(now);
        // Numbers are written into some of the model's sentences when it
        // is read (the results chain's thresholds), so either change rereads.
        if now != before {
            self.reword(before.language);
        }
    }

    /// Reads the model's words again in the current language and makes
    /// again what was made from them. A model from a file (`--model`) keeps
    /// its own words: the shipped translations are of the shipped model.
    fn reword(&mut self, before: Language) {
        let language = self.locale().language;
        if self.model_path.is_none() {
            match Model::shipped(language) {
                Ok(model) => self.model = Arc::new(model),
                Err(e) => self.note(fill(
                    texts().words_unreadable,
                    &[("reason", &e.to_string())],
                )),
            }
        }
        let repaint = Arc::clone(&self.repaint);
        self.analysis = AnalysisService::new(Arc::clone(&self.model), move || repaint());
        self.built_in = builtin::listed(&self.model, language);
        self.chain = ChainCache::default();
        self.doc.reword(&self.model);
        self.reword_document(before);
    }

    /// A shipped preset not changed since it opened is shown in the new
    /// language, and so is the name of a new cluster not yet named; the
    /// user's own words stay as they wrote them.
    fn reword_document(&mut self, before: Language) {
        if self.doc.is_dirty() {
            return;
        }
        match self.doc.origin().clone() {
            Location::BuiltIn(file) => {
                let plan = self.doc.active_plan();
                self.open_built_in(&file);
                if let Some(plan) = plan {
                    self.doc.set_active_plan(plan);
                }
            }
            Location::Untitled if self.doc.preset().name == text::texts_in(before).untitled => {
                let untitled = Preset::new_untitled(&self.model, texts().untitled);
                self.replace(untitled, Location::Untitled);
            }
            _ => {}
        }
    }
}
