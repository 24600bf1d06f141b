//! View actions: selections, the dock's tab and height, the look, the
//! warnings' outlines and explanations, notices, and workshop mode. None of
//! them changes the document.

use crate::app::action::ViewAction;
use crate::app::{Workbench, apply_theme, workshop};

impl Workbench {
    pub(super) fn run_view(&mut self, action: ViewAction, ctx: &egui::Context) {
        match action {
            ViewAction::SelectEntry(entry) => self.view.selected_entry = entry,
            ViewAction::SelectChainBox(kind) => self.view.chain_box = kind,
            ViewAction::SelectCell(cell) => self.view.selected = cell,
            ViewAction::SetMatrixView(v) => self.settings.matrix_view = v,
            ViewAction::SetDockTab(tab) => self.settings.dock = tab,
            ViewAction::SetDockShare(share) => self.settings.dock_share = share,
            ViewAction::SetTheme(theme) => {
                self.settings.theme = theme;
                apply_theme(ctx, theme);
            }
            ViewAction::SetLanguage(language) => self.choose_language(language),
            ViewAction::SetNumbers(numbers) => self.choose_numbers(numbers),
            ViewAction::ToggleEfforts => self.settings.show_efforts = !self.settings.show_efforts,
            ViewAction::ToggleShowMe(id) => {
                self.view.show_me = (self.view.show_me != Some(id)).then_some(id);
            }
            ViewAction::ToggleWhy(id) => {
                if let Some(i) = self.view.why_open.iter().position(|w| *w == id) {
                    self.view.why_open.remove(i);
                } else {
                    self.view.why_open.push(id);
                }
            }
            ViewAction::ShowAbout(open) => self.view.about_open = open,
            ViewAction::ShowGlossary(open) => self.view.glossary_open = open,
            ViewAction::DismissNotice(i) => {
                if i < self.view.notices.len() {
                    self.view.notices.remove(i);
                }
            }
            ViewAction::Present(on) => self.present(on, ctx),
            ViewAction::WorkshopStep(step) => self.view.workshop.go_to(step),
            ViewAction::Reveal => self.view.workshop.revealed = true,
        }
    }

    /// Enters or leaves workshop mode: full screen and larger, starting at
    /// the first step with the comparison hidden; leaving gives the zoom back.
    fn present(&mut self, on: bool, ctx: &egui::Context) {
        if on == self.view.presenting {
            return;
        }
        self.view.presenting = on;
        if on {
            let zoom = ctx.zoom_factor();
            self.view.workshop = workshop::Workshop::begin(zoom);
            self.settings.workshop_zoom_before = Some(zoom);
            ctx.set_zoom_factor(workshop::ZOOM);
        } else {
            ctx.set_zoom_factor(self.view.workshop.zoom_before);
            self.settings.workshop_zoom_before = None;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    /// In workshop mode, fits the zoom to the window (see
    /// [`workshop::zoom_for`]) at the workshop's first frame and whenever the
    /// window changes size; a Ctrl +/− in between is left alone.
    pub fn fit_workshop_zoom(&mut self, ctx: &egui::Context) {
        if !self.view.presenting {
            return;
        }
        let zoom = ctx.zoom_factor();
        // The window's size at zoom 1, which zooming does not change.
        let size = ctx.viewport_rect().size() * zoom;
        let size = [size.x, size.y];
        let w = &mut self.view.workshop;
        let moved = |was: [f32; 2]| (was[0] - size[0]).hypot(was[1] - size[1]) > 0.5;
        if w.fitted_to.is_none_or(moved) {
            w.fitted_to = Some(size);
            let wanted = workshop::zoom_for(size[0], size[1]);
            if (wanted - zoom).abs() > 0.005 {
                ctx.set_zoom_factor(wanted);
            }
        }
    }
}
