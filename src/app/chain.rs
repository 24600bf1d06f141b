//! The results chain the Results chain tab shows, and its words, worked
//! out once for each revision of the document and entry rather than on
//! every frame (the chain runs a simulation of the plan without the entry).

use super::ViewState;
use super::document::Document;
use crate::chain::describe::Described;
use crate::chain::{ResultsChain, results_chain};
use crate::model::Model;

/// The chain of the entry the tab shows, and what it was worked out for.
#[derive(Debug, Default)]
pub struct ChainCache {
    /// The document's revision, the plan and the entry.
    key: Option<(u64, usize, usize)>,
    chain: Option<(ResultsChain, Described)>,
}

impl ChainCache {
    /// Works the chain out again where the document or the entry changed.
    pub fn refresh(&mut self, model: &Model, doc: &Document, view: &ViewState) {
        let Some((plan, entry)) = view.chain_entry(doc) else {
            *self = ChainCache::default();
            return;
        };
        let key = Some((doc.revision(), plan, entry));
        if self.key != key {
            self.chain =
                results_chain(model, doc.preset(), doc.evaluation(), plan, entry).map(|c| {
                    let words = Described::new(model, doc.preset(), &c);
                    (c, words)
                });
            self.key = key;
        }
    }

    /// The chain and its words, if the active plan has an entry.
    pub fn get(&self) -> Option<(&ResultsChain, &Described)> {
        self.chain.as_ref().map(|(c, w)| (c, w))
    }
}
