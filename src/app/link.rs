//! Opening a cluster from a link: the page's fragment read by the same
//! strict reader as a file ([`crate::link`]).

use super::Workbench;
use crate::location::Location;
use crate::preset::Preset;
use crate::text::texts;

impl Workbench {
    /// Says why a link cannot be opened, keeping the work open as it is
    /// (a link pasted into the page's address while it holds work).
    pub fn refuse_link(&mut self, e: &crate::link::LinkError) {
        let t = texts();
        self.error(
            t.link_open_failed.to_owned(),
            e.to_string(),
            t.kept_as_it_was,
        );
    }

    /// Opens the cluster carried by `link` (a whole address or its
    /// fragment). A link that cannot be read leaves an empty cluster and a
    /// message that says what is wrong with it.
    pub fn open_link(&mut self, link: &str) {
        match crate::link::read(link, &self.model) {
            // Not saved anywhere yet, but nothing is lost if it is left:
            // the link still holds it.
            Ok((preset, _version)) => self.replace(preset, Location::Untitled),
            Err(e) => {
                let t = texts();
                let empty = Preset::new_untitled(&self.model, t.untitled);
                self.replace(empty, Location::Untitled);
                self.error(
                    t.link_open_failed.to_owned(),
                    e.to_string(),
                    t.link_opened_empty,
                );
            }
        }
    }
}
